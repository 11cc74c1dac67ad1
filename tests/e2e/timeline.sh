#!/bin/bash
# timeline.sh: the timeline chart (view 4) in a real terminal.
#
# On the demo database with --today 2011-09-15, at 80x24 under a UTF-8
# locale and again under the C locale: 4 shows the chart by months with
# the demo's next steps in date order (the first meeting of the
# commission, late July/early September, a bar; the Cabinet's agreement
# of 26 July, a mark), today's line, the symbols, and "To be confirmed"
# last under the undated heading; + zooms to weeks, ] moves a week on, t
# brings today back, b groups by sub-group; Enter on a milestone shows
# its detail and Escape comes back; Enter on a recommendation opens its
# detail in the main view. Under the C locale the chart is in
# ASCII.
. "$(dirname "$0")/tmux.sh"

DB=$TMP/timeline.db
run coopcom --db "$DB" init --demo
expect_status 0

start() # NAME LOCALE
{
	term_start "$1" 80 24 LANG="$2" LC_ALL="$2" -- "$COOPCOM" \
	    --db "$DB" --today 2011-09-15
	expect_screen "coopcom: Commission" "$1: the main screen is drawn"
}

start utf8 C.UTF-8
send 4
expect_screen "Timeline (38)" "4 opens the timeline chart"
expect_screen "Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar Apr May Jun Jul" \
    "the axis is by months"
expect_screen_re "^by commission +2011 +2012|2011 +2012" "years where they change"
expect_screen_re "^✓ First meeting of C… +━━━━━━━━$" \
    "late July/early September is a bar to today"
expect_screen_re "^✓ Proposed approach … +◆ +│$" \
    "26 July 2011 is a mark, left of today's line"
expect_screen_re "^! Pilot new ways to … +◆ +│$" "overdue has !"
expect_screen_re "^~ Encourage employee… +━+$" "due soon has ~"
send G
expect_screen "Undated (to be confirmed)" "the undated have their heading"
expect_screen_re "^\? Schools Learning P… To be confirmed" \
    "To be confirmed is last, undated, with its timescale"
# Enter on a milestone shows its detail in place of the chart; Escape
# goes back to the chart, at the same row (Enter opens the same one).
send Enter
expect_screen "Milestone (Escape: back to the timeline)" \
    "Enter on a milestone opens its detail"
expect_screen_re "^Timescale +To be confirmed$" "the timescale as written"
expect_screen_re "^Dates +none \(tbc: to be confirmed\)$" "no dates: tbc"
expect_screen_re "^Due +undated \(today is 2011-09-15\)$" \
    "its due state with today"
expect_screen_re "^History$" "and its history"
send Escape
expect_screen "Timeline (38)" "Escape goes back to the chart"
send Enter
expect_screen_re "^Title +Schools Learning P" "at the same row"
send Escape
expect_screen "Undated (to be confirmed)" "and back again"
# Zooming keeps the middle of the chart (December); t brings today back
# a quarter of the way across.
send g +
expect_screen_re "^by commission +12 +19 +26 +02 +09" "+ zooms to weeks"
send t
expect_screen_re "Sep 2011 +Oct" "t: today's month by weeks"
expect_screen_re "^by commission +29 +05 +12 +19 +26 +03" \
    "t: the week of today is the third"
send ']'
expect_screen_re "^by commission +05 +12 +19 +26 +03" "] moves a week later"
send '['
expect_screen_re "^by commission +29 +05 +12" "[ moves a week earlier"
send b
expect_screen "CC (the commission's own)" "b groups by sub-group"
send b
expect_screen "by theme" "b again groups by theme"
send b
expect_screen "by commission" "and again by commission"
# CC-BRK-01 is the first recommendation: after the commission's 24 own
# milestones and the sub-group BRK's milestone.
send - G
expect_screen "Undated" "back at the end"
send g
i=0
while [ $i -lt 25 ]; do
	send j
	i=$((i + 1))
done
expect_screen_re "^  CC-BRK-01 " "the first recommendation is on screen"
send Enter
expect_screen "coopcom: Commission" "Enter opens the main view"
expect_screen_re "Reference +CC-BRK-01" "with the recommendation's detail"
send q

start ascii C
send 4
expect_screen_re "^v First meeting of C.* ========$" \
    "ASCII: a range is = and done is v"
expect_screen_re "^v Proposed approach .* \* +\|$" \
    "ASCII: an exact date is *, today's line |"
send q

e2e_finish
