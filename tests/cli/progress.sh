#!/bin/bash
# progress.sh: the six-monthly progress report (coopcom progress) over a
# small history made with the real commands at chosen dates (--today):
# recommendations adopted, put into delivery, revised, delivered and
# updated; milestones met and missed. The report for 2012-01-01 to
# 2012-06-30 is compared field by field (CSV, read by Python's csv
# module), as at the period's end and as at a day inside it; Markdown and
# HTML are checked for their parts; bad periods are refused.
. "$(dirname "$0")/lib.sh"

DB=$TMP/progress.db
write_config quorum.conf 600 "quorum = { assembly = 0; cabinet = 0; council = 0; };"
cc() { run coopcom --db "$DB" --config quorum.conf "$@"; }
on() { local day=$1; shift; cc --today "$day" "$@"; }

cc init
cc add commission --code CC --name "Co-operative Commission"
cc add subgroup --commission CC --code LCL --name "Local services" --theme "Services"
cc add subgroup --commission CC --code EMP --name "Employment" --theme "Economy"
cc add person --login rita --name "Rita Responsible"
cc add person --login sam --name "Sam Slow"
cc add meeting --body assembly --commission CC --date 2011-09-01
cc add meeting --body cabinet --commission CC --date 2011-10-01
cc add meeting --body council --commission CC --date 2011-11-01
expect_status 0
ME_NAME=$(coopcom --db "$DB" list people --format csv | awk -F, -v me="$ME" '$2 == me { print $3 }')

# adopt REF: walked from draft to adopted on the days of the meetings.
adopt()
{
	on 2011-08-15 advance "$1" tested
	on 2011-08-20 advance "$1" submitted
	on 2011-09-01 advance "$1" approved --decision 1
	on 2011-09-15 advance "$1" in_report
	on 2011-10-01 advance "$1" accepted --decision 2
	on 2011-11-01 advance "$1" adopted --decision 3
	expect_status 0 "$1 adopted on 2011-11-01"
}
rec()
{
	cc add recommendation --subgroup "$1" --title "$2" --term short \
	    --savings 0 --upfront-cost 0 --equality-impact "None found"
}

# 1: due in the period, late at its end though updated in it.
rec LCL "Libraries <at> arm's length"
adopt CC-LCL-01
on 2012-02-01 advance CC-LCL-01 in_delivery
on 2012-02-01 edit recommendation CC-LCL-01 --target 2012-03-31 --responsible rita
on 2012-02-15 update CC-LCL-01 --percent 40 --note "Staff consulted"
expect_status 0 "an update on 2012-02-15"
# 2: due on the period's last day and delivered that day; its last update
# was before the period.
rec LCL "Dawley Town Hall"
adopt CC-LCL-02
on 2012-01-15 advance CC-LCL-02 in_delivery
on 2012-01-15 edit recommendation CC-LCL-02 --target 2012-06-30 --responsible rita
on 2011-12-20 update CC-LCL-02 --percent 10 --note "Survey done"
on 2012-06-30 edit recommendation CC-LCL-02 --actual 2012-06-30
on 2012-06-30 advance CC-LCL-02 delivered
expect_status 0 "delivered on 2012-06-30"
# 3: its target in the period, revised to after it: not due, not late;
# updated only after the period.
rec EMP "Small business loans"
adopt CC-EMP-01
on 2011-11-01 edit recommendation CC-EMP-01 --target 2012-01-01 --responsible sam
on 2011-12-01 edit recommendation CC-EMP-01 --revised 2012-09-30
on 2012-07-02 update CC-EMP-01 --note "Fund open"
# 4: due the day before the period and never done: late.
rec EMP "A caretaker"
adopt CC-EMP-02
on 2011-11-01 edit recommendation CC-EMP-02 --target 2011-12-31
# Milestones: one ending on the last day, one missed before the period,
# one met early in it, one to be confirmed.
cc add milestone --commission CC --title "Cabinet publishes the plan" --timescale "End June 2012"
cc add milestone --commission CC --title "Sub-groups report" --timescale "End December 2011"
cc add milestone --commission CC --title "Council considers the plan" --timescale "January 2012" --state done --done 2012-01-10
cc add milestone --commission CC --title "Schools partnership" --timescale "To be confirmed"
expect_status 0

# fields CSV: the columns given, "|" between, one row a line.
fields()
{
	python3 -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
for r in rows:
    print("|".join(r[c] if c != "at" else r[c][:10] for c in sys.argv[2].split(",")))' "$out_file" "$1"
}

expect_fields()
{
	local got

	got=$(fields "$1")
	if [ "$got" = "$2" ]; then
		pass "${3:-fields $1}"
	else
		fail "${3:-fields $1}"
		diff <(echo "$2") <(echo "$got") | sed 's/^/    /'
	fi
}

# As at the period's end (today is after it).
on 2012-07-15 progress --from 2012-01-01 --to 2012-06-30 --format csv
expect_status 0
expect_out_line 1 "section,group,kind,id,ref,title,timescale,earliest,latest,target,revised,done_on,state,rag,stale,why,responsible,last_update,at,who,from_stage,to_stage,note"
expect_fields section,group,kind,ref,title,earliest,latest,done_on,state,rag,stale "due|CC Co-operative Commission (the whole commission)|milestone||Council considers the plan|2012-01-01|2012-01-31|2012-01-10|done|done|
due|CC Co-operative Commission (the whole commission)|milestone||Cabinet publishes the plan|2012-06-21|2012-06-30||planned|soon|
due|CC-LCL Local services|recommendation|CC-LCL-01|Libraries <at> arm's length|2012-03-31|2012-03-31||in_delivery|red|yes
due|CC-LCL Local services|recommendation|CC-LCL-02|Dawley Town Hall|2012-06-30|2012-06-30|2012-06-30|delivered|done|no
done|CC Co-operative Commission (the whole commission)|milestone||Council considers the plan|2012-01-01|2012-01-31|2012-01-10|done|done|
done|CC-LCL Local services|recommendation|CC-LCL-02|Dawley Town Hall|2012-06-30|2012-06-30|2012-06-30|delivered|done|no
late|CC Co-operative Commission (the whole commission)|milestone||Sub-groups report|2011-12-21|2011-12-31||planned|overdue|
late|CC-EMP Employment|recommendation|CC-EMP-02|A caretaker|2011-12-31|2011-12-31||adopted|red|yes
late|CC-LCL Local services|recommendation|CC-LCL-01|Libraries <at> arm's length|2012-03-31|2012-03-31||in_delivery|red|yes
stage_change|CC-LCL Local services|recommendation|CC-LCL-02|Dawley Town Hall||||||
stage_change|CC-LCL Local services|recommendation|CC-LCL-01|Libraries <at> arm's length||||||
stage_change|CC-LCL Local services|recommendation|CC-LCL-02|Dawley Town Hall||||||
no_update|CC-EMP Employment|recommendation|CC-EMP-01|Small business loans||||||
no_update|CC-LCL Local services|recommendation|CC-LCL-02|Dawley Town Hall||||||" \
    "due, done and late as at 2012-06-30, field by field"
expect_fields section,ref,why,responsible,last_update "due||||
due||||
due|CC-LCL-01|overdue by 91 days; no update for 136 days|Rita Responsible|2012-02-15
due|CC-LCL-02|delivered 2012-06-30|Rita Responsible|2011-12-20
done||||
done|CC-LCL-02|delivered 2012-06-30|Rita Responsible|2011-12-20
late||overdue by 182 days||
late|CC-EMP-02|overdue by 182 days; no update yet||
late|CC-LCL-01|overdue by 91 days; no update for 136 days|Rita Responsible|2012-02-15
stage_change|CC-LCL-02|||
stage_change|CC-LCL-01|||
stage_change|CC-LCL-02|||
no_update|CC-EMP-01||Sam Slow|
no_update|CC-LCL-02||Rita Responsible|2011-12-20" \
    "why, who is responsible and the last update"
expect_fields section,ref,at,who,from_stage,to_stage "due|||||
due|||||
due|CC-LCL-01||||
due|CC-LCL-02||||
done|||||
done|CC-LCL-02||||
late|||||
late|CC-EMP-02||||
late|CC-LCL-01||||
stage_change|CC-LCL-02|2012-01-15|$ME_NAME|adopted|in_delivery
stage_change|CC-LCL-01|2012-02-01|$ME_NAME|adopted|in_delivery
stage_change|CC-LCL-02|2012-06-30|$ME_NAME|in_delivery|delivered
no_update|CC-EMP-01||||
no_update|CC-LCL-02||||" \
    "stage changes: when, who, from and to"

# As at a day inside the period: CC-LCL-02 is not yet delivered, nor
# late; CC-LCL-01 is amber, due in 16 days. Stage changes and updates
# are still those of the whole period.
on 2012-03-15 progress --from 2012-01-01 --to 2012-06-30 --format csv
expect_status 0
expect_fields section,ref,title,rag,why "due||Council considers the plan|done|
due||Cabinet publishes the plan|later|
due|CC-LCL-01|Libraries <at> arm's length|amber|due in 16 days
due|CC-LCL-02|Dawley Town Hall|amber|due in 107 days; no update for 86 days
done||Council considers the plan|done|
late||Sub-groups report|overdue|overdue by 75 days
late|CC-EMP-02|A caretaker|red|overdue by 75 days; no update yet
stage_change|CC-LCL-02|Dawley Town Hall||
stage_change|CC-LCL-01|Libraries <at> arm's length||
stage_change|CC-LCL-02|Dawley Town Hall||
no_update|CC-EMP-01|Small business loans||
no_update|CC-LCL-02|Dawley Town Hall||" \
    "as at 2012-03-15, inside the period"

# By theme: the groups are the sub-groups' themes, the commission's own
# milestones under "No theme stated", last.
on 2012-07-15 progress --from 2012-01-01 --to 2012-06-30 --format csv --by theme
expect_status 0
check "by theme: groups in order" test "$(fields group | uniq | tr '\n' ';')" = "Services;No theme stated;Services;No theme stated;Economy;Services;No theme stated;Services;Economy;Services;"

# Markdown and HTML.
on 2012-07-15 progress --from 2012-01-01 --to 2012-06-30
expect_status 0 "Markdown is the default"
expect_out_line 1 "# Progress report, 1 January 2012 to 30 June 2012"
expect_out_contains "| All | 4 | 2 | 3 | 3 | 2 |" "the summary's totals"
expect_out_contains "| CC-LCL Local services | 2 | 1 | 1 | 3 | 1 |" "a sub-group's counts"
expect_out_contains "#### Late at 30 June 2012"
expect_out_contains "Libraries \\<at\\> arm's length" "Markdown escapes the title"
on 2012-07-15 progress --from 2012-01-01 --to 2012-06-30 --format html --output report.html
expect_status 0
check "html written whole" grep -q '</html>' report.html
check "html: one page with its styles" grep -q '<style>' report.html
check "html escapes the title" grep -qF 'Libraries &lt;at&gt; arm&#39;s length' report.html
check "html: nothing fetched" bash -c "! grep -qE '<(script|link)|src=' report.html"
check "no temporary file left" bash -c '! ls report.html.tmp-* 2>/dev/null'

# Refusals: the period must be two real days, the first first.
cc progress --from 2012-06-30 --to 2012-01-01
expect_failure
expect_err_contains "the period runs backwards"
cc progress --from 2012-02-30 --to 2012-06-30
expect_failure
expect_err_contains "the first day of the period (--from): \"2012-02-30\""
cc progress --from 2012-01-01
expect_failure
expect_err_contains "the last day of the period (--to) is missing"
cc progress --from 2012-01-01 --to 2012-06-30 --by colour
expect_failure
expect_err_contains "--by is subgroup or theme"
cc progress --from 2012-01-01 --to 2012-06-30 --format pdf
expect_failure
expect_err_contains "\"pdf\" is not a format"
cc progress --from 2012-01-01 --to 2012-06-30 --commission XX
expect_failure
cc progress --from 2012-06-30 --to 2012-01-01 --output refused.md
expect_failure
check "a refused report leaves no file" test ! -e refused.md

finish
