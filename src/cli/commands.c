/*
 * commands.c: the command table and the commands that read and write
 * records generically (list, show, add, edit, archive, join, check).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coopcom/cli/args.h"
#include "coopcom/cli/cli.h"
#include "coopcom/cli/commands.h"
#include "coopcom/cli/out.h"
#include "coopcom/store/demo.h"
#include "coopcom/store/list.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"

static const char list_options[] = "format= commission= subgroup= stage= "
    "search= meeting= recommendation= rag= archived limit= offset= sort=";

static const struct command commands[] = {
	{ "init", "init [--demo]", "create the database; make you its "
	    "administrator; --demo fills it with the Telford & Wrekin 2011 "
	    "commission", cmd_init, CMD_CREATE, "demo" },
	{ "list", "list WHAT [--format table|csv|json] [--commission C] "
	    "[--subgroup S] [--stage ID] [--search WORDS] [--meeting ID] "
	    "[--recommendation REF] [--rag red|amber|green|none|done] "
	    "[--archived] [--limit N] [--offset N] [--sort stuck]", "list "
	    "commissions, subgroups, "
	    "recommendations, milestones, people, members, engagement, "
	    "meetings, attendance, agenda, decisions, mywork (what you can "
	    "act on now), delivery (adopted recommendations, red first), "
	    "updates (a recommendation's progress updates) or timeline and "
	    "timeline_themes (the timeline chart's rows)", cmd_list,
	    CMD_STORE, list_options },
	{ "show", "show KIND ID", "show one record in full (KIND: "
	    "recommendation, subgroup, person...; ID: id, code, ref or login)",
	    cmd_show, CMD_STORE, "" },
	{ "add", "add KIND --FIELD VALUE...", "add a commission, subgroup, "
	    "person, recommendation, milestone, engagement, meeting, "
	    "decision or commission-member; `coopcom fields KIND` lists the "
	    "fields", cmd_add, CMD_STORE | CMD_FIELDS, "" },
	{ "edit", "edit KIND ID [--expect-version N] --FIELD VALUE...",
	    "change fields of a record; refused if it changed since version N",
	    cmd_edit, CMD_STORE | CMD_FIELDS, "expect-version=" },
	{ "archive", "archive KIND ID [--expect-version N]", "archive a "
	    "record (or end a membership); nothing with history is deleted",
	    cmd_archive, CMD_STORE, "expect-version=" },
	{ "join", "join SUBGROUP PERSON --role member|chair|coopted|officer",
	    "add a person to a sub-group, or change their role", cmd_join,
	    CMD_STORE, "role=" },
	{ "attend", "attend MEETING_ID PERSON --status present|apologies|absent",
	    "record who came to a meeting (coopcom list attendance --meeting "
	    "ID shows it)", cmd_attend, CMD_STORE, "status=" },
	{ "fields", "fields KIND", "list the fields of a kind of record, "
	    "with what each takes", cmd_fields, 0, "" },
	{ "whoami", "whoami", "say who coopcom thinks you are, and your roles",
	    cmd_whoami, CMD_STORE, "" },
	{ "check", "check", "check the database: integrity, foreign keys, "
	    "rules and the audit trail; exit 1 on any problem", cmd_check,
	    CMD_STORE, "" },
	{ "stages", "stages", "print the workflow: stages, moves, who may make "
	    "each and what each requires", cmd_stages, 0, "" },
	{ "advance", "advance ID STAGE [--note TEXT] [--decision MEETING_ID] "
	    "[--expect-version N]", "move a recommendation to STAGE, if you "
	    "may and it is ready", cmd_advance, CMD_STORE,
	    "note= decision= expect-version=" },
	{ "update", "update REF [--percent N] [--note TEXT] "
	    "[--expect-version N]", "record progress on an adopted "
	    "recommendation: how far it has got and what happened",
	    cmd_update, CMD_STORE, "percent= note= expect-version=" },
	{ "transitions", "transitions ID", "what you may do to a "
	    "recommendation now, and why not the rest", cmd_transitions,
	    CMD_STORE, "" },
	{ "history", "history [REF] [--person LOGIN] [--subgroup CODE] "
	    "[--commission CODE] [--from DATE] [--to DATE] "
	    "[--format table|csv|json]", "the audit trail: of one "
	    "recommendation, oldest first; without REF, who changed what "
	    "and when across the database, newest first", cmd_history,
	    CMD_STORE, "format= person= subgroup= commission= from= to=" },
	{ "backup", "backup FILE", "copy the database to a new FILE while "
	    "others work (SQLite's online backup); check it with coopcom "
	    "--db FILE check", cmd_backup, CMD_STORE, "" },
	{ "agenda", "agenda MEETING_ID [--format table|csv|json]", "the "
	    "meeting's attendance, quorum and agenda: the items awaiting its "
	    "body, with any decision recorded on each", cmd_agenda, CMD_STORE,
	    "format=" },
	{ "decide", "decide MEETING_ID REF OUTCOME [--for N] [--against N] "
	    "[--abstain N] [--note TEXT] [--actions TEXT] "
	    "[--expect-version N]", "record a meeting's decision on an "
	    "agenda item (approved, rejected, referred_back, deferred, "
	    "accepted, not_accepted, adopted, noted); it moves the "
	    "recommendation on, with the meeting as the decision",
	    cmd_decide, CMD_STORE, "for= against= abstain= note= actions= "
	    "expect-version=" },
	{ "minutes", "minutes MEETING_ID [--format md|html] [--output FILE]",
	    "the draft minutes: attendance, each item and its decision",
	    cmd_minutes, CMD_STORE, "format= output=" },
	{ "report", "report [--commission ID] [--format md|html|csv] "
	    "[--output FILE]", "the report to Cabinet: approved "
	    "recommendations by sub-group and term, totals, impact "
	    "assessments, membership, engagement and timescales", cmd_report,
	    CMD_STORE, "commission= format= output=" },
	{ "progress", "progress --from DATE --to DATE [--format md|html|csv] "
	    "[--output FILE] [--commission ID] [--by subgroup|theme]", "the "
	    "six-monthly progress report for a period: what was due, done "
	    "and late, stage changes, and who sent no update", cmd_progress,
	    CMD_STORE, "from= to= format= output= commission= by=" },
	{ "timeline", "timeline [--format ics|csv|md] [--output FILE] "
	    "[--commission ID] [--subgroup ID]", "the milestones and due "
	    "dates in date order; ics is a calendar to subscribe to, with "
	    "a stable UID per item", cmd_timeline, CMD_STORE,
	    "format= output= commission= subgroup=" },
	{ "impact", "impact REF [HEADING --rating R [--comment TEXT] "
	    "[--expect-version N]] | impact --matrix [--commission ID] "
	    "[--report] [--format table|csv]", "show or set a "
	    "recommendation's integrated impact assessment; --matrix shows "
	    "where negative impacts accumulate", cmd_impact, CMD_STORE,
	    "rating= comment= expect-version= matrix commission= report "
	    "format=" },
	{ "import", "import recommendations|milestones|people FILE.csv "
	    "[--dry-run] [--skip-bad]", "import rows of a spreadsheet; "
	    "--dry-run says per row what would happen; all or nothing "
	    "unless --skip-bad", cmd_import, CMD_STORE, "dry-run skip-bad" },
	{ "config", "config [NAME | --list]", "show the effective value of "
	    "a setting, or list every setting", cmd_config, 0, "list" },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

void
cli_usage(FILE *fp)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %s\n      %s\n", commands[i].usage,
		    commands[i].help);
}

static const struct command *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
cli_is_command(const char *name)
{
	return find_command(name) != NULL;
}

static int
report(struct err *e)
{
	char *safe = text_escape(e->msg, TEXT_KEEP_NEWLINE);

	fprintf(stderr, "coopcom: %s\n", safe);
	free(safe);
	return err_exit_status(e->code);
}

/* A write waiting on another person's save says so, on a terminal. */
static void
busy_notice(void *arg, int waited_ms)
{
	(void)arg;
	(void)waited_ms;
	fputs("coopcom: waiting for another person's save to finish...\n",
	    stderr);
}

/* Every option must be known before anything runs: a typo writes nothing. */
static int
check_options(const struct command *c, struct args *a, struct err *e)
{
	const struct entity *ent = NULL;
	const struct field *f;
	size_t i;

	if ((c->needs & CMD_FIELDS) && (ent = cmd_entity(a, 0, e)) == NULL)
		return -1;
	for (i = 0; i < a->nopts; i++) {
		if (args_spec_has(c->options, a->opts[i].name))
			continue;
		f = ent ? entity_field(ent, a->opts[i].name) : NULL;
		if (f != NULL && strcmp(f->name, a->opts[i].name) == 0 &&
		    !(f->flags & FIELD_WORKFLOW))
			continue;
		if (ent != NULL)
			return err_set(e, ERR_INVALID, "a %s has no field --%s "
			    "(coopcom fields %s lists them); nothing was "
			    "changed", ent->name, a->opts[i].name, ent->name);
		return err_set(e, ERR_INVALID, "%s does not take --%s (usage: "
		    "coopcom %s)", c->name, a->opts[i].name, c->usage);
	}
	return 0;
}

static int
run_command(const struct command *c, struct session *s, struct args *a,
    struct err *e)
{
	if (check_options(c, a, e) < 0)
		return -1;
	if ((c->needs & (CMD_STORE | CMD_CREATE)) &&
	    session_open_store(s, c->needs & CMD_CREATE, e) < 0)
		return -1;
	if (s->store != NULL && isatty(STDERR_FILENO))
		store_set_busy_notify(s->store, busy_notice, NULL);
	return c->run(s, a, e);
}

int
cli_run(const struct session_options *o, int argc, char **argv)
{
	const struct command *c = find_command(argv[0]);
	struct session s;
	struct args a;
	struct err e;
	int rc;

	err_clear(&e);
	if (c == NULL) {
		err_set(&e, ERR_INVALID, "unknown command \"%s\" (coopcom "
		    "--help lists them)", argv[0]);
		return report(&e);
	}
	if (args_parse(&a, argc - 1, argv + 1, c->options, &e) < 0) {
		err_prefix(&e, "%s", c->name);
		return report(&e);
	}
	rc = session_init(&s, o, &e) < 0 ? -1 : run_command(c, &s, &a, &e);
	session_done(&s);
	args_done(&a);
	return rc < 0 ? report(&e) : 0;
}

/* The one positional word a command needs, or an error naming it. */
const char *
cmd_word(struct args *a, size_t i, const char *what, struct err *e)
{
	if (i < a->nwords)
		return a->words[i];
	err_set(e, ERR_INVALID, "missing %s", what);
	return NULL;
}

const struct entity *
cmd_entity(struct args *a, size_t i, struct err *e)
{
	const char *word = cmd_word(a, i, "what kind of record (e.g. "
	    "recommendation)", e);
	const struct entity *ent;

	if (word == NULL)
		return NULL;
	if ((ent = entity_find(word)) == NULL)
		err_set(e, ERR_INVALID, "unknown kind of record \"%s\" (kinds: "
		    "commission, commission-member, subgroup, subgroup-member, "
		    "person, recommendation, engagement, meeting, decision, "
		    "milestone)", word);
	return ent;
}

/* --NAME N for a count of rows: a whole number, 0 or more. */
static int
count_option(struct args *a, const char *name, int64_t *n, struct err *e)
{
	const char *v = args_get(a, name);
	char *end;

	if (v == NULL)
		return 0;
	*n = strtoll(v, &end, 10);
	if (*v == '\0' || *end != '\0' || *n < 0)
		return err_set(e, ERR_INVALID, "--%s takes a whole number, not "
		    "\"%s\"", name, v);
	return 0;
}

int
cmd_list(struct session *s, struct args *a, struct err *e)
{
	struct list_filter f = { 0 };
	struct store_cursor *c;
	enum out_format fmt;
	const char *what = cmd_word(a, 0, "what to list (commissions, "
	    "subgroups, recommendations, milestones, people...)", e);
	int rc;

	if (what == NULL || out_parse_format(args_get(a, "format"), &fmt,
	    e) < 0)
		return -1;
	f.commission = args_get(a, "commission");
	f.subgroup = args_get(a, "subgroup");
	f.stage = args_get(a, "stage");
	f.search = args_get(a, "search");
	f.archived = args_flag(a, "archived");
	f.sort = args_get(a, "sort");
	f.rag = args_get(a, "rag");
	if (strcmp(what, "history") == 0)
		return err_set(e, ERR_INVALID, "for the history of a "
		    "recommendation use: coopcom history ID");
	if (strcmp(what, "updates") == 0 && args_get(a, "recommendation") ==
	    NULL)
		return err_set(e, ERR_INVALID, "whose updates? coopcom list "
		    "updates --recommendation REF");
	if (count_option(a, "limit", &f.limit, e) < 0 ||
	    count_option(a, "offset", &f.offset, e) < 0)
		return -1;
	if (args_get(a, "meeting") != NULL && store_resolve(s->store,
	    ENT_MEETING, args_get(a, "meeting"), &f.record, e) < 0)
		return -1;
	if (args_get(a, "recommendation") != NULL && store_resolve(s->store,
	    ENT_RECOMMENDATION, args_get(a, "recommendation"), &f.record,
	    e) < 0)
		return -1;
	if (store_list_open(s->store, what, &f, &c, e) < 0)
		return -1;
	rc = out_cursor(stdout, c, fmt, e);
	store_cursor_close(c);
	return rc;
}

int
cmd_show(struct session *s, struct args *a, struct err *e)
{
	const struct entity *ent = cmd_entity(a, 0, e);
	const char *which;
	struct record r;
	int64_t id;

	if (ent == NULL || (which = cmd_word(a, 1, "which one (an id, code "
	    "or reference)", e)) == NULL)
		return -1;
	if (store_resolve(s->store, ent->kind, which, &id, e) < 0 ||
	    store_get(s->store, ent->kind, id, &r, e) < 0)
		return -1;
	out_record(stdout, &r);
	record_done(&r);
	return 0;
}

/* The --FIELD options of a command as store values. */
static struct store_value *
field_values(const struct entity *ent, struct args *a, size_t *n)
{
	struct store_value *v = x_calloc(ent->nfields, sizeof *v);
	const char *text;
	size_t i;

	*n = 0;
	for (i = 0; i < ent->nfields; i++) {
		if ((text = args_get(a, ent->fields[i].name)) == NULL)
			continue;
		v[*n].name = ent->fields[i].name;
		v[(*n)++].text = text;
	}
	return v;
}

int
cmd_add(struct session *s, struct args *a, struct err *e)
{
	const struct entity *ent = cmd_entity(a, 0, e);
	struct store_value *v;
	int64_t id;
	size_t n;
	int rc;

	if (ent == NULL)
		return -1;
	v = field_values(ent, a, &n);
	rc = store_create(s->store, ent->kind, v, n, &id, e);
	free(v);
	if (rc == 0)
		printf("added %s %" PRId64 "\n", ent->name, id);
	return rc;
}

int
cmd_expect_version(struct args *a, int64_t *version, struct err *e)
{
	const char *v = args_get(a, "expect-version");
	char *end;

	*version = 0;
	if (v == NULL)
		return 0;
	*version = strtoll(v, &end, 10);
	if (*end != '\0' || *version <= 0)
		return err_set(e, ERR_INVALID, "--expect-version takes a "
		    "version number (coopcom show prints it)");
	return 0;
}

static int
resolve_target(struct session *s, struct args *a,
    const struct entity **ent, int64_t *id, int64_t *version, struct err *e)
{
	const char *which;

	if ((*ent = cmd_entity(a, 0, e)) == NULL ||
	    (which = cmd_word(a, 1, "which one (an id, code or reference)",
	    e)) == NULL ||
	    cmd_expect_version(a, version, e) < 0)
		return -1;
	return store_resolve(s->store, (*ent)->kind, which, id, e);
}

int
cmd_edit(struct session *s, struct args *a, struct err *e)
{
	const struct entity *ent;
	struct store_value *v;
	int64_t id, version;
	size_t n;
	int rc;

	if (resolve_target(s, a, &ent, &id, &version, e) < 0)
		return -1;
	v = field_values(ent, a, &n);
	if (n == 0) {
		free(v);
		return err_set(e, ERR_INVALID, "nothing to change: give "
		    "--FIELD VALUE (coopcom fields %s)", ent->name);
	}
	rc = store_update(s->store, ent->kind, id, version, v, n, e);
	free(v);
	if (rc == 0)
		printf("saved %s %" PRId64 "\n", ent->name, id);
	return rc;
}

int
cmd_archive(struct session *s, struct args *a, struct err *e)
{
	const struct entity *ent;
	int64_t id, version;

	if (resolve_target(s, a, &ent, &id, &version, e) < 0 ||
	    store_archive(s->store, ent->kind, id, version, e) < 0)
		return -1;
	printf("archived %s %" PRId64 "\n", ent->name, id);
	return 0;
}

int
cmd_join(struct session *s, struct args *a, struct err *e)
{
	const char *sg = cmd_word(a, 0, "the sub-group", e), *who, *role;

	if (sg == NULL || (who = cmd_word(a, 1, "the person (login)", e)) ==
	    NULL)
		return -1;
	if ((role = args_get(a, "role")) == NULL)
		return err_set(e, ERR_INVALID, "join needs --role member, "
		    "chair, coopted or officer");
	if (store_join_subgroup(s->store, sg, who, role, e) < 0)
		return -1;
	printf("%s is now %s of %s\n", who, role, sg);
	return 0;
}

int
cmd_attend(struct session *s, struct args *a, struct err *e)
{
	const char *meeting = cmd_word(a, 0, "the meeting (its id)", e);
	const char *who, *status = args_get(a, "status");
	int64_t id;

	if (meeting == NULL || (who = cmd_word(a, 1, "the person (login)",
	    e)) == NULL)
		return -1;
	if (status == NULL)
		return err_set(e, ERR_INVALID, "attend needs --status present, "
		    "apologies or absent");
	if (store_resolve(s->store, ENT_MEETING, meeting, &id, e) < 0 ||
	    store_attend(s->store, id, who, status, e) < 0)
		return -1;
	printf("%s: %s at meeting %s\n", who, status, meeting);
	return 0;
}

int
cmd_fields(struct session *s, struct args *a, struct err *e)
{
	const struct entity *ent = cmd_entity(a, 0, e);
	const struct field *f;
	size_t i;

	(void)s;
	if (ent == NULL)
		return -1;
	for (i = 0; i < ent->nfields; i++) {
		f = &ent->fields[i];
		if (f->flags & FIELD_WORKFLOW)
			continue;
		printf("  --%-16s %s%s%s\n", f->name, f->help,
		    f->flags & FIELD_REQUIRED ? " (required)" : "",
		    f->flags & FIELD_FIXED ? " (set once)" : "");
	}
	return 0;
}

int
cmd_whoami(struct session *s, struct args *a, struct err *e)
{
	const struct store_person *me = store_me(s->store);
	struct buf roles;

	(void)a;
	printf("login: %s\n", me->login);
	if (me->id == 0) {
		printf("not a person in %s: you can look, not change\n",
		    store_path(s->store));
		return 0;
	}
	buf_init(&roles);
	if (store_describe_roles(s->store, &roles, e) < 0) {
		buf_done(&roles);
		return -1;
	}
	out_text(stdout, me->name);
	printf("\nperson id: %" PRId64 "\nroles: ", me->id);
	out_text(stdout, roles.len ? buf_str(&roles) : "none (you can look, "
	    "not change)");
	putchar('\n');
	buf_done(&roles);
	return 0;
}

int
cmd_check(struct session *s, struct args *a, struct err *e)
{
	struct buf out;
	int n;

	(void)a;
	buf_init(&out);
	if ((n = store_check(s->store, &out, e)) < 0) {
		buf_done(&out);
		return -1;
	}
	out_text(stdout, buf_str(&out));
	buf_done(&out);
	if (n > 0)
		return err_set(e, ERR_CORRUPT, "%d problem%s found in %s", n,
		    n == 1 ? "" : "s", store_path(s->store));
	printf("%s: no problems found\n", store_path(s->store));
	return 0;
}

int
cmd_config(struct session *s, struct args *a, struct err *e)
{
	struct buf out;
	int rc = 0;

	buf_init(&out);
	if (args_flag(a, "list") || a->nwords == 0) {
		config_describe(&out);
		if (s->config.source)
			buf_printf(&out, "(read from %s)\n", s->config.source);
	} else if ((rc = config_get_text(&s->config, a->words[0], &out,
	    e)) == 0) {
		buf_addc(&out, '\n');
	}
	out_text(stdout, buf_str(&out));
	buf_done(&out);
	return rc;
}

int
cmd_init(struct session *s, struct args *a, struct err *e)
{
	struct store *st = s->store;
	bool demo = args_flag(a, "demo");

	if (!store_created(st) && demo)
		return err_set(e, ERR_INVALID, "%s already exists; the demo "
		    "goes into a new database (coopcom --db NEW.db init "
		    "--demo)", store_path(st));
	if (store_created(st) || store_me(st)->admin == false) {
		if (store_bootstrap_admin(st, s->login, s->login, e) < 0)
			return -1;
	}
	if (demo && demo_build(st, e) < 0)
		return -1;
	printf("%s %s; %s is an administrator\n", store_path(st),
	    store_created(st) ? "created" : "is ready", s->login);
	return 0;
}
