/*
 * demo.c: `coopcom init --demo`: a database to try the program on.
 *
 * It is built from the Telford & Wrekin Cabinet report of 26 July 2011
 * ("Co-operative Council"): the Co-operative Commission, the Employee
 * Commission and the Citizens' Group run with RAFT; work-streams drawn
 * from section 4.2; the "Next steps and timescales" of 5.3 and the Early
 * Adopter Programme of Appendix 1 as milestones, their timescales exactly
 * as the report writes them; and a dozen recommendations walked through
 * the approval stages by genuine meetings and decisions. The people are
 * invented; only Felicity Mercer, who wrote the report, is named in it.
 *
 * Everything goes through the public store functions, as the
 * administrator running init, so the demo obeys every rule a person
 * would: the workflow's guards, the audit trail, the references the store
 * makes (CC-LCL-01 ...). The data are tables; the code below them walks
 * the tables, in one transaction, so a failure leaves nothing behind.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "coopcom/store/demo.h"
#include "coopcom/store/meeting.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Commissions (report 4.6-4.17) ---- */

struct demo_commission {
	const char *code;
	const char *name;
	const char *kind;
	const char *established;
	const char *report_due;
	const char *remit;
};

static const struct demo_commission commissions[] = {
	{ "CC", "Co-operative Commission", "commission", "2011-07-26",
	    "2012-01-31",
	    "To help develop the Co-operative Settlement and Delivery Plan. "
	    "The Commission brings a wide range of community and business "
	    "leaders together with the Cabinet and other members; "
	    "commissioners are volunteers. The full Assembly of "
	    "Commissioners identifies and prioritises the work-streams it "
	    "will lead and sets its own agenda; each work-stream is "
	    "delivered by a sub-group working with the lead Cabinet member, "
	    "a Corporate Management Team lead and Council officers, which "
	    "may carry out or commission engagement and invite people with "
	    "relevant expertise to join it. Each sub-group submits a short "
	    "report of recommended actions for the short term (6 months), "
	    "medium term (18 months) and long term (3 years and more), with "
	    "their savings and up-front costs; the Assembly considers and "
	    "approves them for a single report to Cabinet by the end of "
	    "January 2012." },
	{ "EC", "Employee Commission", "commission", "2011-07-26",
	    "2012-01-31",
	    "To move forward co-operative working within the Council. "
	    "Representatives of existing employee groups, trade unions and "
	    "Employee Champions (at least one from each service area) "
	    "determine priority work-streams to inform the Workforce "
	    "Settlement and Delivery Plan and work in sub-groups to deliver "
	    "them, in parallel with the Co-operative Commission, reporting "
	    "to Cabinet by the end of January 2012." },
	{ "CG", "Citizens' Group", "citizens_group", "2011-07-26", NULL,
	    "Run collaboratively with Rights and Fairness Telford (RAFT); "
	    "made up of representatives from existing groups and forums and "
	    "local residents recruited directly. Three roles: act as a "
	    "sounding board for the Commission sub-groups as they develop "
	    "their recommendations; assess the equalities impacts of the "
	    "Commission's recommendations; promote and act as champions for "
	    "co-operative working within their groups and communities." },
};

/* ---- People (invented, but for the report's author) ---- */

struct demo_person {
	const char *login;		/* NULL: never logs in */
	const char *name;
	const char *kind;
	const char *organisation;
};

static const struct demo_person people[] = {
	{ "shughes", "Siân Hughes", "councillor",
	    "Cabinet Member: Co-operative Council & Partnership" },
	{ NULL, "David Ashworth", "councillor",
	    "Cabinet Member: Culture, Leisure & Libraries" },
	{ NULL, "Margaret Fenwick", "councillor",
	    "Cabinet Member: Neighbourhoods & Communities" },
	{ NULL, "Gareth Pryce", "councillor",
	    "Cabinet Member: Economy, Skills & Regeneration" },
	{ NULL, "Patricia O'Connell", "councillor",
	    "Cabinet Member: Finance & Workforce" },
	{ NULL, "Brian Whitmore", "councillor", "Ward member for Brookside" },
	{ NULL, "Lesley Marsh", "councillor",
	    "Chair, Scrutiny Management Board" },
	{ "fmercer", "Felicity Mercer", "officer",
	    "Policy & Value for Money Manager" },
	{ NULL, "Jonathan Pryor", "officer", "Assistant Chief Executive" },
	{ NULL, "Helen Ashby", "officer",
	    "Director: Customer & Neighbourhood Services" },
	{ NULL, "Raj Patel", "officer",
	    "Director: Development, Business & Housing" },
	{ NULL, "Andrew Kerr", "officer", "Director: Finance & Resources" },
	{ "cdunmore", "Claire Dunmore", "officer",
	    "Organisational Development Manager" },
	{ "zwhitfield", "Zoë Whitfield", "officer",
	    "Community Engagement Officer" },
	{ NULL, "Tom Radley", "officer",
	    "Service Delivery Manager, Leisure, Culture & Libraries" },
	{ NULL, "Imran Siddiqui", "officer",
	    "Business Support Officer, Economic Development" },
	{ "athornbury", "Ann Thornbury", "community_leader",
	    "Chief Officer, Wrekin Voluntary Action" },
	{ "mstanton", "Mark Stanton", "community_leader",
	    "Director, Ironbridge Arts Collective" },
	{ "bkeogh", "Bernadette Keogh", "community_leader",
	    "Chair, Brookside Residents' Association" },
	{ "arahman", "Aisha Rahman", "community_leader",
	    "Co-ordinator, Telford Diverse Communities Network" },
	{ "ollewellyn", "Owen Llewellyn", "business_leader",
	    "Managing Director, Llewellyn Precision Engineering Ltd" },
	{ NULL, "Elaine Gould", "other",
	    "Senior Lecturer in Community Development" },
	{ NULL, "Daniel Crowther", "other",
	    "Development Manager, Co-operative Enterprise Hub West Midlands" },
	{ NULL, "Gwen Ellis", "other",
	    "Library consultant; former Head of Library Services" },
	{ NULL, "Keith Barnsley", "other",
	    "Clerk, Stirchley & Brookside Parish Council" },
	{ "rholloway", "Renée Holloway", "employee_rep",
	    "Employee Champion, Revenues & Benefits" },
	{ "slomax", "Steve Lomax", "employee_rep", "Branch Secretary, UNISON" },
	{ NULL, "Gethin Morgan", "employee_rep", "Senior Steward, GMB" },
	{ NULL, "Ruth Adeyemi", "other", "Employment relations adviser" },
	{ "sbevan", "Sandra Bevan", "community_leader",
	    "Co-ordinator, Rights and Fairness Telford (RAFT)" },
	{ "nroberts", "Nia Roberts", "resident", "Resident, Hadley" },
	{ NULL, "Siobhán Doyle", "resident", "Resident, Brookside" },
	{ NULL, "Chidi Okafor", "resident", "Resident, Madeley" },
};

/* ---- Commission memberships ---- */

struct demo_member {
	const char *commission;
	const char *person;
	const char *role;
	const char *joined;
};

static const struct demo_member members[] = {
	/* Announced at Cabinet on 26 July 2011 (4.6). */
	{ "CC", "Ann Thornbury", "chair", "2011-07-26" },
	{ "CC", "Felicity Mercer", "secretary", "2011-07-26" },
	{ "CC", "Siân Hughes", "lead_cabinet", "2011-07-26" },
	{ "CC", "David Ashworth", "commissioner", "2011-07-26" },
	{ "CC", "Margaret Fenwick", "commissioner", "2011-07-26" },
	{ "CC", "Gareth Pryce", "commissioner", "2011-07-26" },
	{ "CC", "Brian Whitmore", "commissioner", "2011-07-26" },
	{ "CC", "Mark Stanton", "commissioner", "2011-07-26" },
	{ "CC", "Bernadette Keogh", "commissioner", "2011-07-26" },
	{ "CC", "Aisha Rahman", "commissioner", "2011-07-26" },
	{ "CC", "Owen Llewellyn", "commissioner", "2011-07-26" },
	{ "CC", "Lesley Marsh", "observer", "2011-07-26" },
	/* Recruited and briefed by the end of August 2011 (5.3). */
	{ "EC", "Renée Holloway", "chair", "2011-08-30" },
	{ "EC", "Claire Dunmore", "secretary", "2011-08-30" },
	{ "EC", "Patricia O'Connell", "lead_cabinet", "2011-08-30" },
	{ "EC", "Steve Lomax", "commissioner", "2011-08-30" },
	{ "EC", "Gethin Morgan", "commissioner", "2011-08-30" },
	{ "EC", "Andrew Kerr", "observer", "2011-08-30" },
	{ "CG", "Sandra Bevan", "chair", "2011-08-31" },
	{ "CG", "Zoë Whitfield", "secretary", "2011-08-31" },
	{ "CG", "Nia Roberts", "commissioner", "2011-08-31" },
	{ "CG", "Siobhán Doyle", "commissioner", "2011-08-31" },
	{ "CG", "Chidi Okafor", "commissioner", "2011-08-31" },
};

/* ---- Sub-groups: the work-streams (4.2, 4.4, 4.11) ---- */

struct demo_subgroup {
	const char *commission;
	const char *code;
	const char *name;
	const char *theme;
	const char *lead_cabinet;
	const char *cmt_lead;
	const char *joined;		/* when its members joined */
	const char *chair;
	const char *coopted;
	const char *officer;
	const char *members[2];
	const char *remit;
};

static const struct demo_subgroup subgroups[] = {
	{ "CC", "LCL", "Leisure, Culture & Libraries",
	    "Service area", "David Ashworth", "Helen Ashby", "2011-09-06",
	    "Mark Stanton", "Gwen Ellis", "Tom Radley",
	    { "Ann Thornbury", "Owen Llewellyn" },
	    "Test ways of giving the Leisure, Culture & Libraries Service "
	    "greater freedoms and flexibilities, such as faster decisions "
	    "and new income generation, run at arm's length but firmly "
	    "within the Council's family of services; involve every "
	    "employee in suggesting and implementing new ways of working." },
	{ "CC", "BRK", "Pilot ward co-operative service delivery (Brookside)",
	    "Cross-cutting: pilot ward", "Margaret Fenwick", "Jonathan Pryor",
	    "2011-09-06", "Bernadette Keogh", "Keith Barnsley",
	    "Zoë Whitfield", { "Brian Whitmore", NULL },
	    "Build on previous community engagement in Brookside to work "
	    "with local residents, community groups, the Parish Council and "
	    "ward members to review Council-run facilities and services, and "
	    "identify whether they could be redesigned or delivered "
	    "differently to better meet the needs of local people." },
	{ "CC", "ENG", "Community engagement and involvement",
	    "Cross-cutting: Co-operative Community Settlement", "Siân Hughes",
	    "Jonathan Pryor", "2011-09-06", "Aisha Rahman", "Elaine Gould",
	    "Felicity Mercer", { "Brian Whitmore", "Ann Thornbury" },
	    "How residents are engaged and involved in planning services: a "
	    "single access point for every way to get involved, the "
	    "Community Panel, the Community Fund, and the role citizens will "
	    "play in the Co-operative Community Settlement." },
	{ "CC", "EMP",
	    "Employability and small business (Telford Employability "
	    "Partnership, Small Business Loans Fund)",
	    "Economy and skills", "Gareth Pryce", "Raj Patel", "2011-09-06",
	    "Owen Llewellyn", "Daniel Crowther", "Imran Siddiqui",
	    { "Mark Stanton", NULL },
	    "Help young people and adults into employment, education and "
	    "training through the Telford Employability Partnership, "
	    "including outreach in the most disadvantaged communities; "
	    "establish a Small Business Loans Fund with local business "
	    "people, based on co-operative principles." },
	{ "EC", "WFS", "Workforce Settlement and flexible employment",
	    "Co-operative Workforce Settlement", "Patricia O'Connell",
	    "Andrew Kerr", "2011-09-20", "Steve Lomax", "Ruth Adeyemi",
	    "Claire Dunmore", { "Gethin Morgan", "Renée Holloway" },
	    "A new shared agreement between the Council and its employees: "
	    "a package of flexible employment options that benefits both, "
	    "and new ways to involve employees in identifying non-staff "
	    "savings and reducing costs." },
};

/* ---- Engagement, October/November 2011 (5.3) ---- */

struct demo_engagement {
	const char *subgroup;
	const char *date;
	const char *method;
	const char *audience;
	const char *reach;
	const char *summary;
};

static const struct demo_engagement engagements[] = {
	{ "CC-LCL", "2011-10-10", "Online and paper survey",
	    "Library and leisure centre users", "1186",
	    "Users value longer weekend opening above new services; 64% "
	    "would accept higher charges for visitors from outside the "
	    "Borough if concessions are kept." },
	{ "CC-LCL", "2011-11-02", "Staff workshop",
	    "Leisure, Culture & Libraries employees", "57",
	    "Employees put forward 41 ideas; the most popular were letting "
	    "each site keep a share of the income it raises and cutting the "
	    "sign-off needed for small purchases." },
	{ "CC-BRK", "2011-10-15", "Door-knocking and drop-in at Brookside "
	    "Central", "Brookside residents", "312",
	    "Residents want Brookside Central open in the evenings and at "
	    "weekends, and many would volunteer if someone organised it. "
	    "Anti-social behaviour near the shops was raised most often." },
	{ "CC-BRK", "2011-11-08", "Focus group",
	    "Young people at the Brookside youth club", "18",
	    "Young people asked for a place of their own to meet, run with "
	    "them rather than for them." },
	{ "CC-ENG", "2011-10-19", "Workshop",
	    "Voluntary and community sector organisations", "46",
	    "Groups are asked the same questions by different services; "
	    "they want one calendar of consultations and to be told what "
	    "changed as a result." },
	{ "CC-ENG", "2011-11-12", "Street survey",
	    "Shoppers in Telford Town Centre and Wellington market", "403",
	    "Only one in five had heard of the Community Panel; most would "
	    "answer short online or telephone surveys if told the results." },
	{ "CC-EMP", "2011-10-26", "Round-table",
	    "Local employers and business owners", "27",
	    "Small firms are refused bank loans under £25,000; several "
	    "would mentor new businesses and take apprentices if the "
	    "paperwork were handled for them." },
	{ "CC-EMP", "2011-11-16", "Focus group",
	    "Jobseekers referred by Job Centre+", "21",
	    "Travelling to training in the town centre is a barrier; "
	    "outreach on the estates and help with CVs and interviews were "
	    "asked for most." },
};

/* ---- Milestones: report 5.3 and Appendix 1, as written ---- */

struct demo_milestone {
	const char *commission;
	const char *subgroup;		/* NULL: the commission's own */
	const char *theme;
	const char *title;
	const char *timescale;		/* exactly as the report writes it */
	const char *status;		/* the report's status line, if any */
	const char *done;		/* date done, or NULL: still planned */
	const char *notes;
};

#define NEXT "Next steps and timescales"
#define JOIN "Joining up Services"
#define PLAN "Involving the community in planning services"
#define RUN "Supporting employees, local people and organisations to " \
	"organise and run services differently"
#define ENABLE "Enabling local people and organisations to play a more " \
	"active role in their communities"
#define STAFF "Developing a new partnership with employees"

static const struct demo_milestone milestones[] = {
	{ "CC", NULL, NEXT, "Proposed approach agreed by Cabinet and "
	    "launch/promotion internally and externally", "26 July 2011",
	    NULL, "2011-07-26", NULL },
	{ "CC", NULL, NEXT, "First meeting of Co-operative Commission– "
	    "priority work-streams identified and agreed",
	    "After Cabinet, date to be confirmed – late July/early "
	    "September", NULL, "2011-09-06", NULL },
	{ "EC", NULL, NEXT, "Recruit and brief members of Employee "
	    "Commission", "End August 2011", NULL, "2011-08-30", NULL },
	{ "CG", NULL, NEXT, "Recruit and brief Citizens’ Group members",
	    "End August 2011", NULL, "2011-08-31", NULL },
	{ "EC", NULL, NEXT, "First meeting of Employee Commission",
	    "September 2011", NULL, "2011-09-20", NULL },
	{ "CG", NULL, NEXT, "First meeting of Citizens’ Group",
	    "September 2011", NULL, "2011-09-27", NULL },
	{ "CC", NULL, NEXT, "Sub-group meetings – scoping/planning",
	    "September 2011", NULL, "2011-09-28", NULL },
	{ "CC", NULL, NEXT, "Sub-groups – engagement/information gathering",
	    "October/November 2011", NULL, "2011-11-16", NULL },
	{ "CC", NULL, NEXT, "Sub-group meetings – review "
	    "engagement/information gathering results, develop initial "
	    "ideas and recommendations", "End November 2011", NULL,
	    "2011-11-30", NULL },
	{ "CC", NULL, NEXT, "Co-operative Commission sub-groups ‘test’ "
	    "initial ideas with Citizens’ Group where appropriate",
	    "December 2011", NULL, "2011-12-08", NULL },
	{ "CC", NULL, NEXT, "Sub-group meetings – agree and submit "
	    "recommendations to Commission", "End December 2011", NULL,
	    "2011-12-20", NULL },
	{ "CC", NULL, NEXT, "Second meeting of Co-operative/Employee "
	    "Commission – consider and agree recommendations of sub-groups",
	    "January 2012", NULL, "2012-01-19", NULL },
	{ "CC", NULL, NEXT, "Commission submit final reports to Cabinet",
	    "End January 2012", NULL, "2012-01-31", NULL },
	{ "CC", NULL, NEXT, "Cabinet publishes draft Co-operative Settlement "
	    "and Delivery Plan", "End February 2012 (coincide with "
	    "publication of final budget/new vision and priorities)", NULL,
	    "2012-02-23", NULL },
	{ "CC", NULL, NEXT, "Draft Co-operative Settlement and Delivery Plan "
	    "considered by full Council", "March 2012", NULL, "2012-03-22",
	    NULL },

	{ "CC", NULL, JOIN, "In partnership with the Primary Care Trust, "
	    "launch a ‘Health Hub’ in the Civic Offices First Point",
	    "Phase 1 – End July 2011", NULL, NULL,
	    "In partnership with the Primary Care Trust, launch a ‘Health "
	    "Hub’ in the Civic Offices First Point to enable First Point "
	    "customers to access a range of health services and council "
	    "services in one location" },
	{ "CC", NULL, JOIN, "Set up a direct email account and single direct "
	    "line to Wrekin Housing Trust for councillors", "End July 2011",
	    NULL, NULL,
	    "Set up a direct email account and single direct line to Wrekin "
	    "Housing Trust for Telford & Wrekin Councillors so that they can "
	    "report issues on behalf of residents in their wards" },
	{ "CC", "CC-EMP", JOIN, "Establish Telford Employability Partnership "
	    "– see Section 4.2 of report", "Launch 31 October 2011", NULL,
	    NULL, NULL },

	{ "CC", NULL, PLAN, "Launch a new approach to the Community Fund with "
	    "a greater role for ward councillors and Parish Councils",
	    "New approach agreed 21 June 2011", "New approach agreed",
	    "2011-06-21", NULL },
	{ "CC", NULL, PLAN, "Set up a facility on the Council’s Website for "
	    "people to submit their savings suggestions (Suggestion Box)",
	    "Went live on 1 July 2011 – 118 suggestions received 1-14 July",
	    "Went live", "2011-07-01", NULL },
	{ "CC", NULL, PLAN, "Involve people in budget development through a "
	    "new online ‘budget calculator’", "Launch 27 July 2011",
	    "Developed and currently being tested by members of the public",
	    NULL, NULL },
	{ "CC", NULL, PLAN, "Re-launch the Community Panel and run a "
	    "campaign to recruit new members", "Recruitment started – impact "
	    "to be reviewed September 2011", "Recruitment started", NULL,
	    NULL },
	{ "CC", NULL, PLAN, "Carry out a programme of engagement with the "
	    "whole community to develop a new vision and set of priorities "
	    "for the Borough", "Engagement started – draft vision by "
	    "mid-November 2011", "Engagement started", NULL, NULL },
	{ "CC", "CC-ENG", PLAN, "Develop a single access point for all "
	    "engagement activities so that people can go to one place to "
	    "find out how they can get involved", "Portal populated and "
	    "promoted by November 2011", NULL, NULL, NULL },

	{ "CC", "CC-BRK", RUN, "Pilot ward for co-operative service delivery "
	    "(Brookside) – See Section 4.2 of report", "Agree action plan – "
	    "early October 2011", NULL, NULL, NULL },
	{ "CC", "CC-LCL", RUN, "Leisure, Culture & Libraries – See Section "
	    "4.2 of report", "Agree governance arrangements and service "
	    "objectives/targets – end September 2011", NULL, NULL, NULL },
	{ "CC", NULL, RUN, "Dawley Town Hall – See Section 4.2 of report",
	    "Feasibility study – end July 2011", NULL, NULL, NULL },
	{ "CC", NULL, RUN, "Schools Learning Partnership – See Section 4.2 "
	    "of report", "To be confirmed", NULL, NULL, NULL },
	{ "CC", "CC-EMP", RUN, "Small Business Loans Fund – See Section 4.2 "
	    "of report", "End October 2011", NULL, NULL, NULL },

	{ "CC", NULL, ENABLE, "Run a campaign to promote the benefits of "
	    "volunteering as part of National Volunteers week",
	    "Delivered 1-7 June 2011 (262 letters of thanks, 10 community "
	    "events held and wide media coverage)", "Delivered",
	    "2011-06-07", NULL },
	{ "CC", NULL, ENABLE, "Encourage employees, local people and "
	    "organisations to become Fair-trade champions",
	    "Internal campaign to promote Fair-trade vending machines  – end "
	    "of August 2011, Fair-trade event in a school with link to "
	    "global Fair-trade school programme – October 2011", NULL, NULL,
	    NULL },
	{ "CC", NULL, ENABLE, "Develop a package of support for "
	    "voluntary-run youth clubs and other voluntary groups who "
	    "include young people", "October 2011", NULL, NULL,
	    "Develop a package of support for voluntary-run youth clubs, "
	    "review charging policy for use of Council buildings by youth "
	    "clubs and develop a package of support for other voluntary "
	    "groups who include young people and are not supported by "
	    "national governing bodies" },

	{ "CC", NULL, STAFF, "Put in place a package of new flexible "
	    "employment options that will benefit both the Council and "
	    "employees", "Sept 2011", "Prepared and currently in "
	    "consultation with Trade Unions", NULL, NULL },
	{ "CC", NULL, STAFF, "Pilot new ways to involve employees in "
	    "identifying non-staff savings and helping to reduce costs",
	    "Pilot ‘Cost Challenge’ 15 July 2011", NULL, NULL, NULL },
};

/* ---- Meetings ---- */

struct demo_meeting {
	const char *key;		/* how the recommendations name it */
	const char *body;
	const char *commission;
	const char *subgroup;
	const char *date;
	const char *title;
	const char *place;
};

#define CIVIC "Civic Offices, Telford"

static const struct demo_meeting meetings[] = {
	{ "cc1", "assembly", "CC", NULL, "2011-09-06", "First meeting of the "
	    "Assembly of Commissioners – priority work-streams identified "
	    "and agreed", CIVIC },
	{ "lcl1", "subgroup", NULL, "CC-LCL", "2011-09-14",
	    "Scoping and planning", "Oakengates Library" },
	{ "brk1", "subgroup", NULL, "CC-BRK", "2011-09-15",
	    "Scoping and planning", "Brookside Central" },
	{ "ec1", "assembly", "EC", NULL, "2011-09-20",
	    "First meeting of the Employee Commission", CIVIC },
	{ "eng1", "subgroup", NULL, "CC-ENG", "2011-09-21",
	    "Scoping and planning", CIVIC },
	{ "emp1", "subgroup", NULL, "CC-EMP", "2011-09-22",
	    "Scoping and planning", "Telford Business Centre" },
	{ "cg1", "citizens_group", "CG", NULL, "2011-09-27",
	    "First meeting of the Citizens' Group", "RAFT, Wellington" },
	{ "wfs1", "subgroup", NULL, "EC-WFS", "2011-09-28",
	    "Scoping and planning", CIVIC },
	{ "brk2", "subgroup", NULL, "CC-BRK", "2011-11-22", "Review of "
	    "engagement results; initial ideas", "Brookside Central" },
	{ "lcl2", "subgroup", NULL, "CC-LCL", "2011-11-24", "Review of "
	    "engagement results; initial ideas", "Oakengates Library" },
	{ "eng2", "subgroup", NULL, "CC-ENG", "2011-11-29", "Review of "
	    "engagement results; initial ideas", CIVIC },
	{ "emp2", "subgroup", NULL, "CC-EMP", "2011-11-30", "Review of "
	    "engagement results; initial ideas", "Telford Business Centre" },
	{ "cg2", "citizens_group", "CG", NULL, "2011-12-08", "Testing the "
	    "sub-groups' initial ideas; equality impact", "RAFT, Wellington" },
	{ "lcl3", "subgroup", NULL, "CC-LCL", "2011-12-13",
	    "Recommendations agreed and submitted", "Oakengates Library" },
	{ "brk3", "subgroup", NULL, "CC-BRK", "2011-12-14",
	    "Recommendations agreed and submitted", "Brookside Central" },
	{ "eng3", "subgroup", NULL, "CC-ENG", "2011-12-15",
	    "Recommendations agreed and submitted", CIVIC },
	{ "emp3", "subgroup", NULL, "CC-EMP", "2011-12-20",
	    "Recommendations agreed and submitted",
	    "Telford Business Centre" },
	{ "cc2", "assembly", "CC", NULL, "2012-01-17", "Second meeting of "
	    "the Assembly – consider and agree recommendations of "
	    "sub-groups", CIVIC },
	{ "ec2", "assembly", "EC", NULL, "2012-01-19",
	    "Second meeting of the Employee Commission", CIVIC },
	{ "cg3", "citizens_group", "CG", NULL, "2012-02-09", "Testing the "
	    "Residents' Panel proposal again", "RAFT, Wellington" },
	{ "cab", "cabinet", "CC", NULL, "2012-02-23", "Cabinet – draft "
	    "Co-operative Settlement and Delivery Plan", CIVIC },
	{ "council", "council", "CC", NULL, "2012-03-22", "Full Council – "
	    "Co-operative Settlement and Delivery Plan", CIVIC },
	{ "cc3", "assembly", "CC", NULL, "2012-05-15", "Third meeting of "
	    "the Assembly – resubmitted recommendations", CIVIC },
};

/*
 * Who came to the meetings that decided. Full Council's roll call is the
 * Council's, not the commission's, so it is not here: the demo is built
 * with the quorum unchecked (demo_build), as history already decided.
 */
struct demo_attendance {
	const char *meeting;		/* its key */
	const char *status;		/* present, apologies or absent */
	const char *people[12];
};

static const struct demo_attendance attendance[] = {
	{ "cc2", "present", { "Ann Thornbury", "Felicity Mercer",
	    "Siân Hughes", "David Ashworth", "Margaret Fenwick",
	    "Gareth Pryce", "Mark Stanton", "Bernadette Keogh",
	    "Aisha Rahman", "Lesley Marsh" } },
	{ "cc2", "apologies", { "Brian Whitmore", "Owen Llewellyn" } },
	{ "cc3", "present", { "Ann Thornbury", "Felicity Mercer",
	    "Siân Hughes", "Margaret Fenwick", "Brian Whitmore",
	    "Bernadette Keogh", "Aisha Rahman", "Owen Llewellyn" } },
	{ "cc3", "apologies", { "David Ashworth", "Gareth Pryce" } },
	{ "cc3", "absent", { "Mark Stanton" } },
	{ "cab", "present", { "Siân Hughes", "David Ashworth",
	    "Margaret Fenwick", "Gareth Pryce", "Patricia O'Connell",
	    "Felicity Mercer" } },
};

/* ---- Recommendations and the stages they go through ---- */

struct demo_step {
	const char *to;			/* the stage it moves to */
	const char *meeting;		/* the meeting that decided it */
	const char *note;		/* the reason given with the move */
	const char *votes[3];		/* for, against, abstain, if counted */
};

#define MAX_STEPS 8

struct demo_rec {
	const char *subgroup;
	const char *title;
	const char *term;		/* NULL: not stated yet */
	const char *savings;
	const char *upfront;
	const char *text;
	const char *impact;		/* recorded once it is tested */
	const char *revised;		/* its text once referred back */
	struct demo_step path[MAX_STEPS];
};

#define TEST { "tested", NULL, "Tested with the Citizens' Group on 8 " \
	"December 2011.", { NULL, NULL, NULL } }
#define SUBMIT { "submitted", NULL, "Agreed by the sub-group and " \
	"submitted to the Commission.", { NULL, NULL, NULL } }
#define APPROVE(m, f, a, x) { "approved", m, "Approved as submitted.", \
	{ f, a, x } }
#define REPORT { "in_report", NULL, "In the Commission's report to " \
	"Cabinet of 31 January 2012.", { NULL, NULL, NULL } }
#define ACCEPT { "accepted", "cab", "Accepted into the draft "	\
	"Co-operative Settlement and Delivery Plan.", { NULL, NULL, NULL } }
#define ADOPT { "adopted", "council", "Adopted with the Co-operative " \
	"Settlement and Delivery Plan.", { "38", "9", "2" } }
#define START { "in_delivery", NULL, NULL, { NULL, NULL, NULL } }
#define STAY { NULL, NULL, NULL, { NULL, NULL, NULL } }

static const struct demo_rec recs[] = {
	{ "CC-LCL", "Run Leisure, Culture & Libraries at arm's length within "
	    "the Council's family of services", "medium", "£250,000",
	    "£40,000",
	    "Give the Leisure, Culture & Libraries Service the freedoms the "
	    "Early Adopter pilot tested: a service board with delegated "
	    "authority over fees, opening hours and programming, the power "
	    "to reinvest new income, and a suggestion scheme through which "
	    "every employee can propose and help to carry out new ways of "
	    "working. Services stay with the Council and its employees.",
	    "Neutral to positive. Concessionary prices for disabled people, "
	    "carers and people on low incomes must be protected in the "
	    "board's charging powers; the Citizens' Group asks to see the "
	    "first year's fees before they are set.", NULL,
	    { TEST, SUBMIT, APPROVE("cc2", "17", "0", "1"), REPORT, ACCEPT,
	    ADOPT, START } },
	{ "CC-LCL", "Bring Dawley Town Hall back into community use as an "
	    "arts and heritage centre", "long", "£35,000", "£600,000",
	    "Following the feasibility study, lease Dawley Town Hall for 25 "
	    "years to a community trust formed by local residents and "
	    "partners, with a capital contribution from the Council of "
	    "£600,000 towards repairs and access works, to be matched by "
	    "heritage and lottery bids. The trust runs the hall as an arts, "
	    "heritage and community venue and the Council no longer pays "
	    "for its upkeep. A key decision.",
	    "Positive: the building becomes fully accessible (lift, hearing "
	    "loop, accessible toilets) for the first time. The trust's board "
	    "should include younger residents and people from Dawley's "
	    "minority ethnic communities.", NULL,
	    { TEST, SUBMIT, APPROVE("cc2", "15", "2", "1"), REPORT, ACCEPT,
	    ADOPT } },
	{ "CC-LCL", "Extend library opening hours with volunteers alone",
	    "short", "£0", "£5,000",
	    "Open the six branch libraries on Saturday afternoons and one "
	    "evening a week, staffed entirely by trained volunteers.",
	    NULL, NULL,
	    { SUBMIT, { "rejected", "cc2", "Volunteers alone could not staff "
	    "the extra hours safely or reliably, and the trade unions had "
	    "not been consulted. The sub-group may bring back a proposal in "
	    "which volunteers work alongside paid staff.",
	    { "6", "11", "2" } } } },
	{ "CC-LCL", "One card for libraries and leisure centres, joined "
	    "with the Telford Card", "short", "£20,000", "£7,500",
	    "Replace the separate library ticket and leisure membership "
	    "cards with one card, so that people register once, and use it "
	    "to offer concessions across both services.", NULL, NULL,
	    { SUBMIT } },

	{ "CC-ENG", "A single ‘Get Involved’ portal for every consultation "
	    "and way to get involved", "short", "£12,000", "£8,500",
	    "Bring every consultation, panel, forum and volunteering "
	    "opportunity of the Council and its partners onto one web page "
	    "and one telephone line, so that people can go to one place to "
	    "find out how they can get involved, and close the separate "
	    "consultation pages of each service.",
	    "Positive, provided the portal meets accessibility standards, "
	    "offers Easy Read and the main community languages, and the "
	    "telephone line and First Point remain for people who are not "
	    "online.", NULL,
	    { TEST, SUBMIT, APPROVE("cc2", "18", "0", "0"), REPORT, ACCEPT,
	    ADOPT, START, { "delivered", NULL, "The portal went live and "
	    "every service's consultations are on it.",
	    { NULL, NULL, NULL } } } },
	{ "CC-ENG", "A standing Residents' Panel of 1,500 people, asked "
	    "every quarter", "medium", "£6,000", "£18,000",
	    "Replace the Community Panel with a standing Residents' Panel of "
	    "1,500 people recruited to reflect the Borough, surveyed every "
	    "quarter online, with the results published.",
	    "Positive once revised: postal and telephone surveys and "
	    "door-to-door recruitment reach older and disabled residents "
	    "and people without the internet. The panel's make-up should be "
	    "checked against the Census every year.",
	    "Replace the Community Panel with a standing Residents' Panel of "
	    "1,500 people, recruited door to door in the wards with the "
	    "lowest response rates and surveyed every quarter online, by "
	    "post and by telephone, with the results published. Recruiting "
	    "and keeping the panel costs £18,000 in its first year.",
	    { SUBMIT, { "referred_back", "cc2", "The cost of recruiting and "
	    "keeping a representative panel is not shown, and the sub-group "
	    "should ask the Citizens' Group how to reach people who are not "
	    "online.", { "14", "3", "1" } },
	    { "tested", NULL, "Tested again with the Citizens' Group on 9 "
	    "February 2012.", { NULL, NULL, NULL } },
	    { "submitted", NULL, "Resubmitted with the costs and the "
	    "Citizens' Group's assessment.", { NULL, NULL, NULL } },
	    APPROVE("cc3", "16", "0", "2") } },
	{ "CC-ENG", "Participatory budgeting for the Community Fund in every "
	    "ward", NULL, NULL, NULL,
	    "Let residents vote on how each ward's share of the Community "
	    "Fund is spent, building on the new approach agreed on 21 June "
	    "2011. The sub-group is still working out the costs and a "
	    "timetable.", NULL, NULL, { STAY } },

	{ "CC-BRK", "A residents' co-operative to run Brookside Central "
	    "community centre", "medium", "£30,000", "£15,000",
	    "Support Brookside residents to form a community co-operative "
	    "that takes over the running of Brookside Central on a five-year "
	    "management agreement, with a Council grant tapering over three "
	    "years, officer help to set it up and training for its "
	    "volunteer board.",
	    "Positive: opening hours and activities would be set by "
	    "residents. Risk: the board must not be drawn only from "
	    "established groups; the Citizens' Group asks for places kept "
	    "for young people and for tenants of Wrekin Housing Trust.", NULL,
	    { TEST, SUBMIT, APPROVE("cc2", "18", "0", "0"), REPORT, ACCEPT,
	    ADOPT } },
	{ "CC-BRK", "A neighbourhood caretaker for Brookside, shared with the "
	    "Parish Council and Wrekin Housing Trust", "short", "£8,000",
	    "£2,500",
	    "Employ one caretaker for Brookside jointly with the Parish "
	    "Council and Wrekin Housing Trust, to deal with litter, "
	    "fly-tipping and minor repairs on the spot, in place of three "
	    "separate call-out services.", NULL, NULL,
	    { SUBMIT, APPROVE("cc2", "16", "1", "1"), REPORT,
	    { "not_accepted", "cab", "Wrekin Housing Trust cannot commit its "
	    "share of the cost in 2012/13; officers are asked to look at it "
	    "again with the Trust for the following year.",
	    { NULL, NULL, NULL } } } },
	{ "CC-BRK", "A youth café run by young people at Brookside Central",
	    "medium", "£0", "£12,000",
	    "Fit out a room at Brookside Central as a café run by young "
	    "people themselves, with a youth worker two evenings a week, "
	    "as the focus group asked.",
	    "Positive for young people; the Citizens' Group asks that the "
	    "café be open to young disabled people and to young carers, "
	    "with transport where needed.", NULL, { TEST } },

	{ "CC-EMP", "A Small Business Loans Fund run on co-operative "
	    "principles", "long", "£0", "£250,000",
	    "Set up the Small Business Loans Fund with local business people "
	    "as a co-operative: members' deposits matched by a Council "
	    "contribution of £250,000 over three years; loans of £1,000 to "
	    "£25,000 to businesses the banks have refused, decided by a "
	    "panel of member businesses, with mentoring from established "
	    "firms.", NULL, NULL,
	    { SUBMIT, APPROVE("cc2", "15", "1", "2"), REPORT } },
	{ "CC-EMP", "Employability outreach in the five most disadvantaged "
	    "wards", "medium", "£45,000", "£60,000",
	    "Through the Telford Employability Partnership, hold weekly "
	    "advice and training sessions in community buildings in the "
	    "five wards with the highest unemployment, with help on CVs and "
	    "interviews, in place of appointments in the town centre.",
	    "Positive: brings support to people who cannot travel. Sessions "
	    "should be at times that suit parents and carers, with "
	    "interpreters for the main community languages.", NULL,
	    { TEST, SUBMIT, APPROVE("cc2", "18", "0", "0"), REPORT,
	    ACCEPT } },
	{ "CC-EMP", "An apprenticeship pledge from local employers", "short",
	    "£0", "£3,000",
	    "Ask every employer on the Commission and in the Telford "
	    "business forums to pledge at least one apprenticeship a year, "
	    "with the Council handling the paperwork.", NULL, NULL, { STAY } },
	{ "CC-EMP", "Co-operative business start-up advice in libraries",
	    "short", "£0", "£4,000",
	    "Offer monthly advice sessions on starting a co-operative "
	    "business in the main libraries.", NULL, NULL,
	    { { "withdrawn", NULL, "Merged into CC-EMP-01: the Small "
	    "Business Loans Fund will offer the same advice to its members.",
	    { NULL, NULL, NULL } } } },
};

/*
 * ---- Delivery of the adopted recommendations, to autumn 2013 ----
 *
 * Invented, like the people: with --today 2013-10-15 the delivery list
 * shows one of each colour: CC-BRK-01 red (past its target, no update
 * since July: stale), CC-LCL-01 amber (target revised to March 2014),
 * CC-LCL-02 green and CC-ENG-01 done.
 */
struct demo_progress {
	const char *at;
	const char *percent;
	const char *note;
};

struct demo_delivery {
	const char *ref;
	const char *responsible;
	const char *accountable;
	const char *revised;
	const char *actual;
	const char *consulted;
	const char *informed;
	struct demo_progress updates[4];
};

static const struct demo_delivery deliveries[] = {
	{ "CC-LCL-01", "Tom Radley", "Helen Ashby", "2014-03-31", NULL,
	    "Library and leisure employees; UNISON", "Ward members; the "
	    "Citizens' Group", {
	    { "2012-06-15", "15", "Shadow service board appointed; terms of "
	    "reference agreed." },
	    { "2013-01-20", "40", "Delegated fees and opening hours approved "
	    "by Cabinet." },
	    { "2013-06-10", "55", "The rules for reinvesting income wait for "
	    "the audit of the pilot: target revised to March 2014." },
	    { "2013-09-30", "70", "Employee suggestion scheme launched: 46 "
	    "suggestions in its first month." } } },
	{ "CC-LCL-02", "Helen Ashby", "David Ashworth", NULL, NULL,
	    "Dawley Heritage Trust; English Heritage", "Dawley ward members", {
	    { "2012-07-02", "5", "Community trust registered; heads of terms "
	    "for the lease agreed." },
	    { "2013-02-14", "15", "Heritage Lottery Fund first-round bid "
	    "submitted." },
	    { "2013-09-20", "25", "First-round bid approved; repair and "
	    "access works designed." } } },
	{ "CC-ENG-01", "Felicity Mercer", "Siân Hughes", NULL, "2012-09-14",
	    "The Citizens' Group", "Every service's consultation lead", {
	    { "2012-05-08", "30", "Every service's consultation pages "
	    "listed; supplier chosen." },
	    { "2012-07-19", "75", "Portal in testing with the Citizens' "
	    "Group; Easy Read pages added." },
	    { "2012-09-14", "100", "The portal went live." } } },
	{ "CC-BRK-01", "Zoë Whitfield", "Jonathan Pryor", NULL, NULL,
	    "Brookside Parish Council; Wrekin Housing Trust", "Brookside "
	    "residents' newsletter", {
	    { "2012-06-28", "20", "Residents' steering group formed; the "
	    "co-operative's rules drafted." },
	    { "2013-02-11", "45", "Co-operative registered; management "
	    "agreement in negotiation." },
	    { "2013-07-01", "55", "Board training delayed: only four "
	    "volunteer directors so far." } } },
};

/* ---- Walking the tables ---- */

#define MAX_VALUES 10

/* A record's values as typed; those the table leaves NULL are left out. */
struct values {
	struct store_value v[MAX_VALUES];
	char ids[MAX_VALUES][24];	/* the text of ids given by put_id */
	size_t n;
};

/*
 * What has been made so far. People and meetings are referred to by their
 * ids rather than by name, so that a name already in the database (the
 * administrator's own, say) cannot make a reference ambiguous.
 */
struct demo {
	struct store *st;
	int64_t person_ids[NELEM(people)];
	int64_t meeting_ids[NELEM(meetings)];
};

static void
put(struct values *vs, const char *name, const char *text)
{
	if (text == NULL)
		return;
	if (vs->n == MAX_VALUES)
		fatal("demo: more than %d values for one record", MAX_VALUES);
	vs->v[vs->n].name = name;
	vs->v[vs->n].text = text;
	vs->n++;
}

static void
put_id(struct values *vs, const char *name, int64_t id)
{
	if (vs->n == MAX_VALUES)
		fatal("demo: more than %d values for one record", MAX_VALUES);
	snprintf(vs->ids[vs->n], sizeof vs->ids[vs->n], "%" PRId64, id);
	put(vs, name, vs->ids[vs->n]);
}

/* The id of the person of the demo called NAME; 0 when there is none. */
static int64_t
person_id(const struct demo *d, const char *name, struct err *e)
{
	size_t i;

	for (i = 0; i < NELEM(people); i++)
		if (strcmp(people[i].name, name) == 0)
			return d->person_ids[i];
	err_set(e, ERR_INVALID, "demo: no person \"%s\"", name);
	return 0;
}

static int
put_person(struct values *vs, const struct demo *d, const char *field,
    const char *name, struct err *e)
{
	int64_t id;

	if (name == NULL)
		return 0;
	if ((id = person_id(d, name, e)) == 0)
		return -1;
	put_id(vs, field, id);
	return 0;
}

static int
put_meeting(struct values *vs, const struct demo *d, const char *key,
    int64_t *id, struct err *e)
{
	size_t i;

	for (i = 0; i < NELEM(meetings); i++) {
		if (strcmp(meetings[i].key, key) == 0) {
			*id = d->meeting_ids[i];
			put_id(vs, "meeting", *id);
			return 0;
		}
	}
	return err_set(e, ERR_INVALID, "demo: no meeting \"%s\"", key);
}

static int
create(struct store *st, enum entity_kind kind, const struct values *vs,
    const char *what, int64_t *id, struct err *e)
{
	int64_t unused;

	if (store_create(st, kind, vs->v, vs->n, id ? id : &unused, e) < 0)
		return err_prefix(e, "demo: %s \"%s\"",
		    entity_get(kind)->name, what);
	return 0;
}

static int
add_commissions(struct demo *d, struct err *e)
{
	const struct demo_commission *c;
	struct values vs;

	for (c = commissions; c < commissions + NELEM(commissions); c++) {
		memset(&vs, 0, sizeof vs);
		put(&vs, "code", c->code);
		put(&vs, "name", c->name);
		put(&vs, "kind", c->kind);
		put(&vs, "established", c->established);
		put(&vs, "report-due", c->report_due);
		put(&vs, "remit", c->remit);
		if (create(d->st, ENT_COMMISSION, &vs, c->code, NULL, e) < 0)
			return -1;
	}
	return 0;
}

/*
 * An administrator whose login is one of the demo's (fmercer running
 * init --demo) takes that person's place rather than lose the login.
 */
static int
add_people(struct demo *d, struct err *e)
{
	const struct store_person *me = store_me(d->st);
	const struct demo_person *p;
	struct values vs;
	size_t i;

	for (i = 0; i < NELEM(people); i++) {
		p = &people[i];
		if (p->login != NULL && strcmp(p->login, me->login) == 0) {
			d->person_ids[i] = me->id;
			continue;
		}
		memset(&vs, 0, sizeof vs);
		put(&vs, "name", p->name);
		put(&vs, "login", p->login);
		put(&vs, "kind", p->kind);
		put(&vs, "organisation", p->organisation);
		if (create(d->st, ENT_PERSON, &vs, p->name, &d->person_ids[i],
		    e) < 0)
			return -1;
	}
	return 0;
}

static int
add_members(struct demo *d, struct err *e)
{
	const struct demo_member *m;
	struct values vs;

	for (m = members; m < members + NELEM(members); m++) {
		memset(&vs, 0, sizeof vs);
		put(&vs, "commission", m->commission);
		if (put_person(&vs, d, "person", m->person, e) < 0)
			return -1;
		put(&vs, "role", m->role);
		put(&vs, "joined", m->joined);
		if (create(d->st, ENT_COMMISSION_MEMBER, &vs, m->person, NULL,
		    e) < 0)
			return -1;
	}
	return 0;
}

/*
 * Members are added with store_create rather than store_join_subgroup so
 * that they joined in 2011, not on the day the demo is built.
 */
static int
join(struct demo *d, const char *subgroup, const char *person,
    const char *role, const char *joined, struct err *e)
{
	struct values vs;

	if (person == NULL)
		return 0;
	memset(&vs, 0, sizeof vs);
	put(&vs, "subgroup", subgroup);
	if (put_person(&vs, d, "person", person, e) < 0)
		return -1;
	put(&vs, "role", role);
	put(&vs, "joined", joined);
	return create(d->st, ENT_SUBGROUP_MEMBER, &vs, person, NULL, e);
}

static int
add_subgroup(struct demo *d, const struct demo_subgroup *s, struct err *e)
{
	struct values vs;
	char ref[32];
	size_t i;

	memset(&vs, 0, sizeof vs);
	put(&vs, "commission", s->commission);
	put(&vs, "code", s->code);
	put(&vs, "name", s->name);
	put(&vs, "theme", s->theme);
	put(&vs, "remit", s->remit);
	if (put_person(&vs, d, "lead-cabinet", s->lead_cabinet, e) < 0 ||
	    put_person(&vs, d, "cmt-lead", s->cmt_lead, e) < 0 ||
	    create(d->st, ENT_SUBGROUP, &vs, s->name, NULL, e) < 0)
		return -1;
	snprintf(ref, sizeof ref, "%s-%s", s->commission, s->code);
	if (join(d, ref, s->chair, "chair", s->joined, e) < 0 ||
	    join(d, ref, s->coopted, "coopted", s->joined, e) < 0 ||
	    join(d, ref, s->officer, "officer", s->joined, e) < 0)
		return -1;
	for (i = 0; i < NELEM(s->members); i++)
		if (join(d, ref, s->members[i], "member", s->joined, e) < 0)
			return -1;
	return 0;
}

static int
add_subgroups(struct demo *d, struct err *e)
{
	size_t i;

	for (i = 0; i < NELEM(subgroups); i++)
		if (add_subgroup(d, &subgroups[i], e) < 0)
			return -1;
	return 0;
}

static int
add_engagements(struct demo *d, struct err *e)
{
	const struct demo_engagement *g;
	struct values vs;

	for (g = engagements; g < engagements + NELEM(engagements); g++) {
		memset(&vs, 0, sizeof vs);
		put(&vs, "subgroup", g->subgroup);
		put(&vs, "date", g->date);
		put(&vs, "method", g->method);
		put(&vs, "audience", g->audience);
		put(&vs, "reach", g->reach);
		put(&vs, "summary", g->summary);
		if (create(d->st, ENT_ENGAGEMENT, &vs, g->method, NULL, e) < 0)
			return -1;
	}
	return 0;
}

static int
add_milestones(struct demo *d, struct err *e)
{
	const struct demo_milestone *m;
	struct values vs;

	for (m = milestones; m < milestones + NELEM(milestones); m++) {
		memset(&vs, 0, sizeof vs);
		put(&vs, "commission", m->commission);
		put(&vs, "subgroup", m->subgroup);
		put(&vs, "theme", m->theme);
		put(&vs, "title", m->title);
		put(&vs, "timescale", m->timescale);
		put(&vs, "status", m->status);
		put(&vs, "state", m->done ? "done" : "planned");
		put(&vs, "done", m->done);
		put(&vs, "notes", m->notes);
		if (create(d->st, ENT_MILESTONE, &vs, m->title, NULL, e) < 0)
			return -1;
	}
	return 0;
}

static int
add_meetings(struct demo *d, struct err *e)
{
	const struct demo_meeting *m;
	struct values vs;
	size_t i;

	for (i = 0; i < NELEM(meetings); i++) {
		m = &meetings[i];
		memset(&vs, 0, sizeof vs);
		put(&vs, "body", m->body);
		put(&vs, "commission", m->commission);
		put(&vs, "subgroup", m->subgroup);
		put(&vs, "date", m->date);
		put(&vs, "title", m->title);
		put(&vs, "place", m->place);
		if (create(d->st, ENT_MEETING, &vs, m->title,
		    &d->meeting_ids[i], e) < 0)
			return -1;
	}
	return 0;
}

static int
attend(struct demo *d, int64_t meeting, const char *name, const char *status,
    struct err *e)
{
	char text[24];
	int64_t id;

	if ((id = person_id(d, name, e)) == 0)
		return -1;
	snprintf(text, sizeof text, "%" PRId64, id);
	return store_attend(d->st, meeting, text, status, e);
}

static int
add_attendance(struct demo *d, struct err *e)
{
	const struct demo_attendance *a;
	struct values vs;
	int64_t meeting;
	size_t i;

	for (a = attendance; a < attendance + NELEM(attendance); a++) {
		memset(&vs, 0, sizeof vs);
		if (put_meeting(&vs, d, a->meeting, &meeting, e) < 0)
			return -1;
		for (i = 0; i < NELEM(a->people) && a->people[i] != NULL; i++)
			if (attend(d, meeting, a->people[i], a->status, e) < 0)
				return err_prefix(e, "demo: attendance at %s",
				    a->meeting);
	}
	return 0;
}

/*
 * Records the decision, with its votes, of the meeting that allows step S
 * of recommendation REC; *meeting is that meeting, for store_advance,
 * which finds the decision there.
 */
static int
decide(struct demo *d, int64_t rec, const char *outcome,
    const struct demo_step *s, int64_t *meeting, struct err *e)
{
	static const char *const vote_fields[] = { "for", "against",
		"abstain" };
	struct values vs;
	size_t i;

	if (s->meeting == NULL)
		return err_set(e, ERR_INVALID, "demo: the move to \"%s\" needs "
		    "a meeting's decision", s->to);
	memset(&vs, 0, sizeof vs);
	if (put_meeting(&vs, d, s->meeting, meeting, e) < 0)
		return -1;
	put_id(&vs, "recommendation", rec);
	put(&vs, "outcome", outcome);
	put(&vs, "reason", s->note);
	for (i = 0; i < NELEM(vote_fields); i++)
		put(&vs, vote_fields[i], s->votes[i]);
	return create(d->st, ENT_DECISION, &vs, outcome, NULL, e);
}

/* What the sub-group does once a recommendation reaches a stage. */
static int
follow_up(struct demo *d, const struct demo_rec *r, int64_t id,
    const char *stage, struct err *e)
{
	struct store_value v;

	if (strcmp(stage, "tested") == 0 && r->impact != NULL) {
		v.name = "equality-impact";
		v.text = r->impact;
	} else if (strcmp(stage, "referred_back") == 0 && r->revised != NULL) {
		v.name = "text";
		v.text = r->revised;
	} else
		return 0;
	return store_update(d->st, ENT_RECOMMENDATION, id, 0, &v, 1, e);
}

static int
walk(struct demo *d, const struct demo_rec *r, int64_t id, struct err *e)
{
	const struct workflow *wf = store_workflow(d->st);
	const struct workflow_transition *t;
	const struct demo_step *s;
	const char *stage = workflow_initial(wf)->id;
	int64_t meeting;

	for (s = r->path; s < r->path + MAX_STEPS && s->to != NULL; s++) {
		meeting = 0;
		if ((t = workflow_find(wf, stage, s->to)) == NULL) {
			err_set(e, ERR_INVALID, "the workflow has no move from "
			    "\"%s\" to \"%s\"", stage, s->to);
			goto fail;
		}
		if (t->decision_outcome != NULL &&
		    decide(d, id, t->decision_outcome, s, &meeting, e) < 0)
			goto fail;
		if (store_advance(d->st, id, s->to, 0, s->note, meeting,
		    e) < 0 || follow_up(d, r, id, s->to, e) < 0)
			goto fail;
		stage = s->to;
	}
	return 0;
fail:
	return err_prefix(e, "demo: \"%s\" to %s", r->title, s->to);
}

static int
add_recommendations(struct demo *d, struct err *e)
{
	const struct demo_rec *r;
	struct values vs;
	int64_t id;

	for (r = recs; r < recs + NELEM(recs); r++) {
		memset(&vs, 0, sizeof vs);
		put(&vs, "subgroup", r->subgroup);
		put(&vs, "title", r->title);
		put(&vs, "text", r->text);
		put(&vs, "term", r->term);
		put(&vs, "savings", r->savings);
		put(&vs, "upfront-cost", r->upfront);
		if (create(d->st, ENT_RECOMMENDATION, &vs, r->title, &id,
		    e) < 0 || walk(d, r, id, e) < 0)
			return -1;
	}
	return 0;
}

static int
add_delivery(struct demo *d, const struct demo_delivery *dl, struct err *e)
{
	const struct demo_progress *u;
	struct values vs;
	int64_t id, by;

	memset(&vs, 0, sizeof vs);
	if (store_resolve(d->st, ENT_RECOMMENDATION, dl->ref, &id, e) < 0 ||
	    (by = person_id(d, dl->responsible, e)) == 0 ||
	    put_person(&vs, d, "responsible", dl->responsible, e) < 0 ||
	    put_person(&vs, d, "accountable", dl->accountable, e) < 0)
		return -1;
	for (u = dl->updates; u < dl->updates + NELEM(dl->updates) &&
	    u->at != NULL; u++)
		if (store_progress_at(d->st, id, 0, u->percent, u->note, u->at,
		    by, e) < 0)
			return err_prefix(e, "demo: %s", dl->ref);
	put(&vs, "revised", dl->revised);
	put(&vs, "actual", dl->actual);
	put(&vs, "consulted", dl->consulted);
	put(&vs, "informed", dl->informed);
	if (store_update(d->st, ENT_RECOMMENDATION, id, 0, vs.v, vs.n, e) < 0)
		return err_prefix(e, "demo: %s", dl->ref);
	return 0;
}

static int
add_deliveries(struct demo *d, struct err *e)
{
	size_t i;

	for (i = 0; i < NELEM(deliveries); i++)
		if (add_delivery(d, &deliveries[i], e) < 0)
			return -1;
	return 0;
}

static void
restore_quorum(struct store *st, const int quorum[STORE_NBODIES])
{
	struct err e;
	size_t i;

	for (i = 0; i < STORE_NBODIES; i++)
		store_set_quorum(st, store_bodies[i], quorum[i], &e);
}

int
demo_build(struct store *st, struct err *e)
{
	int (*const steps[])(struct demo *, struct err *) = {
		add_commissions, add_people, add_members, add_subgroups,
		add_engagements, add_milestones, add_meetings, add_attendance,
		add_recommendations, add_deliveries };
	int quorum[STORE_NBODIES];
	struct demo d;
	size_t i;

	if (store_workflow(st) == NULL)
		return err_set(e, ERR_INVALID, "demo: no workflow is loaded");
	memset(&d, 0, sizeof d);
	d.st = st;
	if (store_begin(st, e) < 0)
		return -1;
	for (i = 0; i < STORE_NBODIES; i++) {
		quorum[i] = store_quorum(st, store_bodies[i]);
		store_set_quorum(st, store_bodies[i], 0, e);
	}
	for (i = 0; i < NELEM(steps); i++)
		if (steps[i](&d, e) < 0)
			goto fail;
	if (store_commit(st, e) < 0)
		goto fail;
	restore_quorum(st, quorum);
	return 0;
fail:
	restore_quorum(st, quorum);
	store_rollback(st);
	return -1;
}
