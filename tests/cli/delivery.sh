#!/bin/bash
# delivery.sh: delivery tracking of adopted recommendations from the
# command line: the delivery fields (edit), progress updates (update) by
# whoever may make them and the refusals of the rest, and the delivery and
# updates lists, red/amber/green fixed by --today. Uses the demo, whose
# delivery data is dated to autumn 2013.
. "$(dirname "$0")/lib.sh"

DB=$TMP/delivery.db
DAY=2013-10-15
write_config trusted.conf 600 "trust_as = true;"
cc() { run coopcom --db "$DB" --config trusted.conf --today "$DAY" "$@"; }
as() { local who=$1; shift; cc --as "$who" "$@"; }

run coopcom --db "$DB" init --demo
expect_status 0

# The demo shows every colour, red first, then amber, green, done.
cc list delivery --format csv
expect_status 0
expect_out_line 1 "id,ref,title,commission,subgroup,stage,target,revised,actual,percent,last_update,responsible,accountable,rag,stale,why"
check "delivery lists the four adopted, red to done" \
    test "$(cut -d, -f2 "$out_file" | sed 1d | tr '\n' ' ')" = \
    "CC-BRK-01 CC-LCL-01 CC-LCL-02 CC-ENG-01 "
expect_out_contains ",55,2013-07-01,zwhitfield,Jonathan Pryor,red,1,overdue by 23 days; no update for 106 days"
expect_out_contains ",amber,0,due in 167 days; target revised to 2014-03-31"
expect_out_contains ",green,0,\"on track, due in 523 days\""
expect_out_contains ",done,0,delivered 2012-09-14"
expect_out_lacks "CC-EMP-02" "accepted, not adopted: not listed"

cc list delivery --rag red --format csv
check "--rag red lists only CC-BRK-01" test "$(sed 1d "$out_file" | cut -d, -f2)" = CC-BRK-01
cc list delivery --subgroup LCL --rag green --format csv
check "--subgroup LCL --rag green" test "$(sed 1d "$out_file" | cut -d, -f2)" = CC-LCL-02
cc list delivery --rag purple
expect_status 2
expect_err_contains "use red, amber, green, none or done"
# In June 2013 nothing was overdue yet.
run coopcom --db "$DB" --today 2013-06-01 list delivery --rag red --format csv
check "on 2013-06-01 nothing is red" test "$(sed 1d "$out_file" | wc -l)" -eq 0

# The responsible person records progress; the colour follows.
as zwhitfield update CC-BRK-01 --percent 65% --note "Six directors trained"
expect_status 0
expect_out_contains "recorded progress on CC-BRK-01: red (overdue by 23 days)"
cc list updates --recommendation CC-BRK-01 --format csv
expect_out_line 2 "14,2013-10-15,zwhitfield,Zoë Whitfield,65,Six directors trained"
cc list delivery --rag red --format csv
expect_out_contains ",65,2013-10-15,zwhitfield,Jonathan Pryor,red,0,overdue by 23 days"
cc history CC-BRK-01
expect_out_contains "Six directors trained"
# A note alone.
as fmercer update CC-BRK-01 --note "Chased the Trust"
expect_status 0
cc show recommendation CC-BRK-01
expect_out_contains "65%"

# Who may not, and why.
as nroberts update CC-BRK-01 --percent 70
expect_status 5
expect_err_contains "only the responsible person (Zoë Whitfield), the accountable person (Jonathan Pryor), a member of sub-group CC-BRK, the commission's secretary or an administrator can record progress on CC-BRK-01; you (nroberts) are none of these"
as nobody update CC-BRK-01 --percent 70
expect_status 5
expect_err_contains "not a person in this database"
# Named responsible, she may.
cc edit recommendation CC-LCL-02 --responsible nroberts --revised 2015-09-30 --consulted "Dawley Heritage Trust"
expect_status 0
as nroberts update CC-LCL-02 --percent 30 --note "Second-round bid drafted"
expect_status 0
expect_out_contains "amber (due in 715 days; target revised to 2015-09-30)"
cc show recommendation CC-LCL-02
expect_out_contains "Nia Roberts"
expect_out_contains "2015-09-30"

# What is refused, and nothing written.
cc update CC-BRK-01
expect_status 2
expect_err_contains "update needs --percent N, --note TEXT, or both"
cc update CC-BRK-01 --note "   "
expect_status 2
expect_err_contains "a percent complete, a note, or both"
cc update CC-BRK-01 --percent 150
expect_status 2
expect_err_contains "Percent done: \"150\" is not a percentage: give a whole number from 0 to 100"
cc update CC-BRK-01 --percent half
expect_status 2
cc update CC-ENG-03 --percent 10
expect_status 5
expect_err_contains "CC-ENG-03 is at the stage \"Draft\": progress is recorded only once it is adopted, at: Adopted by full Council, In delivery, Delivered"
cc update CC-BRK-01 --percent 70 --expect-version 1
expect_status 4
expect_err_contains "nothing was saved"
cc update CC-XXX-99 --percent 70
expect_status 3
cc update CC-BRK-01 --percent 70 --colour red
expect_status 2
cc list updates --recommendation CC-BRK-01 --format csv
check "the refused updates wrote nothing" test "$(sed 1d "$out_file" | wc -l)" -eq 5

# The delivery fields: only at a delivery stage, percent 0..100.
cc edit recommendation CC-ENG-03 --revised 2013-01-01
expect_status 5
expect_err_contains "Revised date is for tracking delivery, which starts once a recommendation is adopted; CC-ENG-03 is at \"Draft\""
cc edit recommendation CC-BRK-01 --percent 101
expect_status 2
expect_err_contains "from 0 to 100"
cc edit recommendation CC-BRK-01 --title "Another title"
expect_status 5
expect_err_contains "only its target date and delivery fields can"
cc add recommendation --subgroup CC-BRK --title "New" --responsible zwhitfield
expect_status 5
cc edit recommendation CC-BRK-01 --actual 2013-10-14 --informed "Ward members"
expect_status 0
cc list delivery --rag done --format csv
expect_out_contains "CC-BRK-01"

# Overdue is measured against the revised date when there is one:
# CC-LCL-01's target (2013-09-22) has passed, its revised date
# (2014-03-31) has not; CC-BRK-01 has only a target, passed.
cc list mywork --format csv
expect_status 0
expect_out_contains "CC-BRK-01,"
expect_out_contains "overdue since 2013-09-22"
check "CC-LCL-01 is not overdue: its revised date is ahead" \
    sh -c "! grep -q 'CC-LCL-01.*overdue' '$out_file'"
run coopcom --db "$DB" --today 2014-04-01 list mywork --format csv
expect_status 0
expect_out_contains "overdue since 2014-03-31"
run coopcom --db "$DB" --today 2013-10-15 list recommendations --subgroup CC-LCL --format csv
expect_out_contains ",2013-09-22,0,2014-03-31"

cc list updates
expect_status 2
expect_err_contains "coopcom list updates --recommendation REF"
cc fields recommendation
for f in revised actual percent responsible accountable consulted informed; do
	expect_out_contains "--$f"
done

finish
