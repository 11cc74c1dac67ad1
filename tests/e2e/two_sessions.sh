#!/bin/bash
# two_sessions.sh: two people at once on one database, each in their own
# terminal.
#
# On the demo database the commission secretary (fmercer, session "sec")
# and the Brookside sub-group's chair (bkeogh, session "chair") both look
# at CC-BRK-03. When the chair retitles it through the form, and later
# when the CLI does, the secretary's screen shows the new title within a
# second without a key being pressed, still on the same row. Then both
# open its edit form; the secretary saves first; the chair's save meets
# the conflict, sees both versions, keeps their own text and saves: the
# database has the chair's title and the audit trail both changes.
#
# The two people need --as, which is honoured only from a root-owned
# configuration file; not running as root, both sessions are the one
# person the tests run as, which still tests everything but the names.
. "$(dirname "$0")/tmux.sh"

DB=$TMP/two.db
CONF=$TMP/trusted.conf
REF=CC-BRK-03
OLD="A youth café run by young people at Brookside Central"
run coopcom --db "$DB" init --demo
expect_status 0
if [ "$(id -u)" -eq 0 ]; then
	write_config "$CONF" 644 "trust_as = true;"
	SEC=fmercer CHAIR=bkeogh
	as_sec=(--config "$CONF" --as fmercer)
	as_chair=(--config "$CONF" --as bkeogh)
else
	skip "not root: both sessions are $ME, not fmercer and bkeogh"
	SEC=$ME CHAIR=$ME
	as_sec=() as_chair=()
fi

# selected NAME: session NAME's cursor (reverse video) is on the row of
# CC-BRK-03 in the recommendations panel, and the detail shows it. (The
# titles are kept short enough for the detail to show them on one line.)
selected()
{
	screen_attrs -t "$1" >"$TMP/.attrs"
	if grep -a "  $REF  " "$TMP/.attrs" |
	    grep -aqE $'\e\\[([0-9]+;)*7(;[0-9]+)*m(\e\\[[0-9;]*m|[\x0e\x0f])*  '"$REF"; then
		pass "$1: the cursor is on $REF"
	else
		fail_screen "$1: the cursor is on $REF" "$TMP/.attrs"
	fi
	expect_screen -t "$1" "Reference       $REF" "$1: the detail shows $REF"
}

# within_a_second NAME TEXT WHAT: session NAME shows TEXT within a
# second of $start (the screen is read every 0.1 s).
within_a_second()
{
	local ms

	if ! wait_for -t "$1" "$2" 2; then
		fail_screen "$3 within a second"
		return
	fi
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	check "$3 within a second ($ms ms)" test "$ms" -le 1000
}

# Each opens CC-BRK-03: the first sub-group, its third recommendation.
for s in sec chair; do
	if [ $s = sec ]; then who=("${as_sec[@]}"); else who=("${as_chair[@]}"); fi
	term_start $s 160 50 -- "$COOPCOM" --db "$DB" "${who[@]}"
	expect_screen "Recommendations: BRK (3)" "$s: the main view is drawn"
	send l l j j
	expect_screen "Reference       $REF" "$s: $REF is open in the detail"
	selected $s
done

# The chair retitles it through the form.
NEW1="Youth café – Siân's idea"
TARGET=chair
send e
expect_screen "Edit recommendation $REF" "chair: e opens the edit form"
expect_screen "$OLD" "chair: the form holds the title"
send C-u
send_text "$NEW1"
send C-x
expect_screen "Saved recommendation $REF" "chair: the new title is saved"
start=$(date +%s%N)
within_a_second sec "$NEW1" "sec: the new title shows without a key"
selected sec

# The CLI retitles it: both screens follow.
NEW2="Youth café run by its young people"
run coopcom --db "$DB" edit recommendation "$REF" --title "$NEW2"
expect_status 0
start=$(date +%s%N)
for s in sec chair; do
	within_a_second $s "$NEW2" "$s: the CLI's title shows"
done
selected sec
selected chair

# Both open the edit form; the secretary saves first.
SEC_TITLE="Youth café (secretary's words)"
CHAIR_TITLE="Youth café (chair's words)"
send -t sec e
expect_screen -t sec "Edit recommendation $REF" "sec: the edit form is open"
send -t chair e
expect_screen -t chair "Edit recommendation $REF" "chair: the edit form is open"
send -t sec C-u
send_text -t sec "$SEC_TITLE"
send -t chair C-u
send_text -t chair "$CHAIR_TITLE"
expect_screen -t chair "$CHAIR_TITLE" "chair: the form holds the chair's text"
send -t sec C-x
expect_screen -t sec "Saved recommendation $REF" "sec: saved first"

# The chair's save meets the conflict and shows both versions.
TARGET=chair
send C-x
expect_screen "Someone saved it first: both versions are in the form" \
    "chair: the save is refused as a conflict"
expect_screen "$SEC_TITLE" "chair: the form shows the secretary's version"
expect_screen "theirs: $SEC_TITLE" "chair: ... marked as theirs"
expect_screen "$CHAIR_TITLE" "chair: the form keeps the chair's own text"
expect_screen "1 field differs" "chair: the form says what differs"
cc_show() { run coopcom --db "$DB" show recommendation "$REF"; }
cc_show
expect_out_contains "$SEC_TITLE" "database: the secretary's title, not yet the chair's"
# The chair keeps their own text and saves over it.
send C-x
expect_screen "Saved recommendation $REF" "chair: saved over the secretary's version"
expect_screen "$CHAIR_TITLE" "chair: the detail shows the chair's title"
expect_screen -t sec "$CHAIR_TITLE" "sec: the chair's title shows" 2
cc_show
expect_out_contains "Title            $CHAIR_TITLE" "database: the chair's title"

# The audit trail has both updates, each by its person.
run coopcom --db "$DB" history "$REF" --format csv
expect_status 0
# updates WHO: the audit's updates of CC-BRK-03 made by WHO.
updates() { awk -F, -v who="$1" '$3 == who && $5 == "update"' "$out_file"; }
check "audit: $SEC changed the title to the secretary's" \
    grep -qF "\"\"$SEC_TITLE\"\"]" <(updates "$SEC")
check "audit: $CHAIR changed it from the secretary's to the chair's" \
    grep -qF "\"\"title\"\":[\"\"$SEC_TITLE\"\",\"\"$CHAIR_TITLE\"\"]" \
    <(updates "$CHAIR")

for s in sec chair; do
	send -t $s q
	expect_exit -t $s 0
done
run coopcom --db "$DB" check
expect_status 0 "coopcom check: the database and its audit trail are sound"

e2e_finish
