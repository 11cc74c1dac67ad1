#!/bin/bash
# meeting.sh: meeting mode (M) in a real terminal, end to end.
#
# On the demo database, a new meeting of the Assembly (quorum 5, the
# default) with four submitted recommendations on its agenda: M chooses
# it; with nobody recorded present an approval is refused; the roll call
# (P) marks five present; then each item is decided at the keyboard:
# approved with a vote and an action, rejected and referred back with
# the reasons they insist on, deferred; I rates a heading of the impact
# assessment with a comment; R writes the report to Cabinet. The
# database is then read with the CLI: each decision moved its
# recommendation with the meeting as its reference, and the minutes
# say what was decided.
. "$(dirname "$0")/tmux.sh"

DB=$TMP/meeting.db
cc() { run coopcom --db "$DB" "$@"; }

cc init --demo
expect_status 0
cc add meeting --body assembly --commission CC --date 2012-06-05 \
    --place "Civic Offices" --title "E2E Assembly"
expect_status 0
for title in "E2E rejected" "E2E referred" "E2E deferred"; do
	cc add recommendation --subgroup LCL --title "$title" --term short \
	    --savings "£10" --upfront-cost 0
done
for ref in CC-LCL-05 CC-LCL-06 CC-LCL-07; do
	cc advance $ref submitted
	expect_status 0
done

term_start meet 100 30 LANG=C.UTF-8 LC_ALL=C.UTF-8 -- "$COOPCOM" --db "$DB"
expect_screen "coopcom: Commission" "the main screen is drawn"
send M
expect_screen "Run which meeting?" "M asks which meeting"
send Enter
expect_screen "Meeting 24: E2E Assembly" "Enter opens meeting mode"
expect_screen "Agenda (4)" "the agenda: the items awaiting the Assembly"
expect_screen "NOT QUORATE" "nobody present: not quorate"

# Without quorum an approval is refused and nothing moves.
send Enter a
expect_screen "The meeting is not quorate: 0 present, the Assembly needs 5" \
    "an approval without quorum is refused"
send Escape

# The roll call: five present.
send P
expect_screen "Who is at the meeting?" "P opens the roll call"
for i in 1 2 3 4 5; do
	send Enter Down
done
send Escape
expect_screen "Present 5, apologies 0, absent 0; quorum 5: quorate." \
    "five present: quorate"

# CC-LCL-04: approved, with a vote and an action.
send Enter a
expect_screen "Votes for, against, abstaining" "the vote is asked for"
send_text "5 0 0"
send Enter
expect_screen "Reasons (Enter for none)"
send Enter
expect_screen "Actions agreed"
send_text "Write to the leisure trust"
send Enter
expect_screen "CC-LCL-04: approved (5 for, 0 against, 0 abstaining)" \
    "approved with its vote"
expect_screen_re "^CC-LCL-04 +approved +approved " "the agenda shows it"

# CC-LCL-05: rejected, which needs its reasons.
send Enter r Enter
expect_screen "Reasons (needed)" "a rejection asks for its reasons"
send_text "Duplicates CC-LCL-04"
send Enter Enter
expect_screen_re "^CC-LCL-05 +rejected +rejected " "rejected"

# CC-LCL-06: referred back with reasons.
send Enter b Enter
expect_screen "Reasons (needed)" "a referral back asks for its reasons"
send_text "Cost the staffing first"
send Enter Enter
expect_screen_re "^CC-LCL-06 +referred back +referred back " "referred back"

# CC-LCL-07: deferred: recorded, and it stays where it was.
send Enter d Enter Enter Enter
expect_screen_re "^CC-LCL-07 +deferred +submitted " "deferred, not moved"

# The impact assessment of the selected item, rated and commented.
send I
expect_screen "Integrated impact assessment of CC-LCL-07" "I opens the grid"
send x Enter
send_text "Fewer evening buses"
send Enter
expect_screen_re "Finance \(value for money\) +negative +Fewer evening buses" \
    "the heading is rated and commented"
send Escape Escape
expect_screen "coopcom: Commission" "Escape leaves meeting mode"

# The report to Cabinet from the screen.
send R
expect_screen "Write the report to Cabinet to" "R asks where"
send C-u
send_text "$TMP/report.html"
send Enter
expect_screen "The report to Cabinet is in" "the report is written"
check "report.html is written" test -s "$TMP/report.html"
send q

# What the database says.
cc history CC-LCL-04 --format json
expect_json 'd[-1]["decision"] == "approved" and d[-1]["meeting"] == "2012-06-05 assembly: E2E Assembly"' \
    "database: approved, with the meeting as its reference"
cc history CC-LCL-06 --format json
expect_json 'd[-1]["decision"] == "referred_back" and d[-1]["note"] == "Cost the staffing first"' \
    "database: referred back with its reasons"
cc list decisions --meeting 24 --format csv
expect_status 0
expect_out_contains ',CC-LCL-04,"One card for libraries and leisure centres, joined with the Telford Card",approved,5,0,0,,Write to the leisure trust'
expect_out_contains "CC-LCL-05,E2E rejected,rejected,,,,Duplicates CC-LCL-04,"
expect_out_contains "CC-LCL-07,E2E deferred,deferred,"
cc impact CC-LCL-07
expect_out_contains "Fewer evening buses"
cc minutes 24
expect_out_contains "**Present:**" "minutes: who was present"
expect_out_contains "**Decision:** Referred back"
expect_out_contains "**Reasons:** Cost the staffing first"
expect_out_contains "**Actions:** Write to the leisure trust"

e2e_finish
