#!/bin/bash
# activity.sh: the audit timeline (`coopcom history` without a
# recommendation, filtered by person, sub-group, commission and period)
# and time in stage (`list recommendations`: days_in_stage, --sort
# stuck), each change made on a day fixed by --today; and the refusals.
. "$(dirname "$0")/lib.sh"

DB=$TMP/activity.db
write_config trusted.conf 600 "trust_as = true;"
# on DAY [--as LOGIN] COMMAND...: a command run as if on DAY.
on() { local day=$1; shift; run coopcom --db "$DB" --config trusted.conf --today "$day" "$@"; }

on 2026-09-01 init
on 2026-09-01 add commission --code CC --name "Co-operative Commission"
on 2026-09-01 add commission --code CG --name "Citizens Group"
on 2026-09-01 add subgroup --commission CC --code LCL --name "Local services"
on 2026-09-01 add subgroup --commission CC --code JUS --name "Joining up"
on 2026-09-01 add person --login carol --name "Carol Chair"
on 2026-09-01 add person --login mike --name "Mike Member"
on 2026-09-01 join LCL carol --role chair
on 2026-09-01 join LCL mike --role member
on 2026-10-01 --as carol add recommendation --subgroup LCL --title "Share buildings"
on 2026-10-02 --as carol add recommendation --subgroup LCL --title "Open data"
on 2026-10-15 add recommendation --subgroup JUS --title "One front door"
on 2026-10-31 --as mike advance 1 tested
on 2026-11-01 edit recommendation 2 --title "Open data, weekly"
expect_status 0

# The whole log, newest first: the last change is the first row.
on 2026-11-02 history --format csv
expect_status 0
expect_out_line 1 "id,at,login,name,kind,record,what,subgroup,commission,action,summary,note,recommendation"
on 2026-11-02 history --format json
expect_json 'd[0]["at"].startswith("2026-11-01 ") and d[0]["login"] == "root" and d[0]["kind"] == "recommendation" and d[0]["what"] == "CC-LCL-02 Open data, weekly" and d[0]["subgroup"] == "LCL" and d[0]["summary"] == "title Open data → Open data, weekly" and d[0]["recommendation"] == 2' "history: newest first, with what and the change"
expect_json 'd[-1]["id"] == 1 and [e["at"] for e in d] == sorted((e["at"] for e in d), reverse=True)' "history: every entry, newest first"

# By person: carol's two recommendations, nothing of mike's or the admin's.
on 2026-11-02 history --person carol --format csv
expect_status 0
check "history --person: carol's only" bash -c "[ \$(sed 1d '$out_file' | wc -l) = 2 ] && ! sed 1d '$out_file' | grep -v ',carol,Carol Chair,'"
on 2026-11-02 history --person mike --format csv
check "history --person mike: the advance" bash -c "sed -n 2p '$out_file' | grep -q ',recommendation,1,CC-LCL-01 Share buildings,LCL,CC,advance,stage draft → tested,'"

# By sub-group: LCL's records and memberships, never JUS's.
on 2026-11-02 history --subgroup CC-LCL --format csv
expect_status 0
expect_out_contains "subgroup-member"
expect_out_contains "CC-LCL-02"
expect_out_lacks "CC-JUS-01"
check "history --subgroup: every row of LCL" bash -c "! sed 1d '$out_file' | grep -v ',LCL,CC,'"
# By commission: CC's own entries too, never CG's.
on 2026-11-02 history --commission CC --format csv
expect_out_contains "CC-JUS-01"
expect_out_contains ",commission,1,CC Co-operative Commission,"
expect_out_lacks "Citizens Group"

# By period, both ends inclusive.
on 2026-11-02 history --from 2026-10-02 --to 2026-10-31 --format csv
check "history --from --to: three entries" bash -c "[ \$(sed 1d '$out_file' | wc -l) = 3 ]"
expect_out_lacks "2026-10-01 "
expect_out_lacks "2026-11-01 "
# A first day alone runs to --today.
on 2026-10-20 history --from 2026-10-02 --format csv
check "history --from: up to today" bash -c "[ \$(sed 1d '$out_file' | wc -l) = 2 ]"
# One recommendation's trail, oldest first, with a person and a period.
on 2026-11-02 history 2 --from 2026-10-02 --format csv
check "history REF --from: its two entries, oldest first" bash -c "[ \$(sed 1d '$out_file' | wc -l) = 2 ] && sed -n 2p '$out_file' | grep -q ',2026-10-02 '"

# Time in stage, and stuck longest first (final stages left out).
on 2026-12-01 advance 3 withdrawn --note "Merged"
on 2026-12-01 list recommendations --format csv
expect_out_line 1 "id,ref,title,commission,subgroup,stage,term,savings_pence,upfront_cost_pence,target,days_in_stage,due"
on 2026-12-01 list recommendations --format json
expect_json '[(e["ref"], e["days_in_stage"]) for e in d] == [("CC-JUS-01", 0), ("CC-LCL-01", 31), ("CC-LCL-02", 60)]' "list: days in stage"
on 2026-12-01 list recommendations --sort stuck --format csv
check "list --sort stuck: the longest first" bash -c "sed -n 2p '$out_file' | grep -q '^2,' && sed -n 3p '$out_file' | grep -q '^1,'"
expect_out_lacks "CC-JUS-01"
on 2026-12-01 list recommendations --sort stuck --subgroup LCL --format csv
check "list --sort stuck --subgroup" bash -c "[ \$(sed 1d '$out_file' | wc -l) = 2 ] && sed -n 2p '$out_file' | grep -q '^2,'"

# Refusals: each says what is wrong, and none crashes.
on 2026-11-02 history --person zed
expect_failure
expect_err_contains 'there is no person "zed"'
on 2026-11-02 history --from 2026-13-01
expect_failure
expect_err_contains "the month must be 01 to 12"
on 2026-11-02 history --to 02/11/2026
expect_failure
expect_err_contains "write the date as YYYY-MM-DD"
on 2026-11-02 history --from 2026-10-31 --to 2026-10-01
expect_failure
expect_err_contains "the period runs backwards"
on 2026-10-01 history --from 2026-10-02
expect_failure
expect_err_contains "after today, 2026-10-01"
on 2026-11-02 history 1 --subgroup LCL
expect_failure
expect_err_contains "leave out --subgroup"
on 2026-11-02 history --subgroup NOPE
expect_failure
expect_err_contains 'there is no subgroup "NOPE"'
on 2026-11-02 list recommendations --sort oldest
expect_failure
expect_err_contains 'there is no sort "oldest"'
on 2026-11-02 list people --sort stuck
expect_failure
expect_err_contains "only the recommendations sort stuck"

finish
