#!/bin/bash
# injection.sh: hostile text in the database never reaches the terminal
# raw from the full-screen interface.
#
# A person's name, a recommendation's title and an organisation carry a
# colour escape (ESC [31m), an OSC 52 clipboard write (ESC ] 52;c;... BEL),
# a bare BEL, a backspace and U+202E (right-to-left override), put in
# with the sqlite3 shell; a note in the recommendation's history carries
# the same, through the CLI. In the main view, the detail with its
# history, and the people view, the screen shows them escaped (\e[31m,
# \x07, \x08, \u202e). coopcom runs under script(1), and the bytes it
# wrote to the terminal are searched for the data's own sequences (not
# for ESC in general: curses writes escape sequences of its own). It runs
# with NO_COLOR=1, so that no ESC [31m of curses can hide one of the
# data's.
. "$(dirname "$0")/tmux.sh"

for tool in sqlite3 script; do
	if ! command -v $tool >/dev/null; then
		e2e_skip "$tool is not installed"
	fi
done

DB=$TMP/hostile.db
LOG=$TMP/typescript
# R ESC[31m X ESC]52;c;ZGF0YQ== BEL B BEL C BS D U+202E E
HOSTILE=$(printf 'R\033[31mX\033]52;c;ZGF0YQ==\aB\aC\bD\342\200\256E')
SQL_HOSTILE="'R' || char(27) || '[31mX' || char(27) || ']52;c;ZGF0YQ==' || char(7) || 'B' || char(7) || 'C' || char(8) || 'D' || char(8238) || 'E'"
SHOWN='R\e[31mX\e]52;c;ZGF0YQ==\x07B\x07C\x08D\u202eE'
SHOWN_RE=$(printf '%s' "$SHOWN" | sed 's/[][\.*^$()|+?{}]/\\&/g')
cc() { run coopcom --db "$DB" "$@"; }

cc init
expect_status 0
cc add commission --code CC --name "Co-operative Commission"
cc add subgroup --commission CC --code LCL --name "Local services"
cc add person --login mallory --name "Mallory" --organisation "Org"
cc join LCL mallory --role chair
cc add recommendation --subgroup LCL --title "Plain" --term short \
    --savings 0 --upfront-cost 0
expect_status 0
cc advance CC-LCL-01 tested --note "$HOSTILE"
expect_status 0 "the CLI takes a note with the hostile text"
sqlite3 "$DB" "UPDATE person SET name = $SQL_HOSTILE,
    organisation = 'Org ' || $SQL_HOSTILE WHERE login IN ('mallory', '$ME');
    UPDATE recommendation SET title = $SQL_HOSTILE WHERE ref = 'CC-LCL-01';"
check "the sqlite3 shell stored the hostile title" test "$(sqlite3 "$DB" \
    "SELECT title = $SQL_HOSTILE FROM recommendation WHERE ref = 'CC-LCL-01'")" = 1
check "... and the hostile names" test "$(sqlite3 "$DB" \
    "SELECT count(*) FROM person WHERE name = $SQL_HOSTILE")" = 2

# The interface under script(1), which keeps every byte it writes.
term_start hostile 200 50 TERM=xterm-256color NO_COLOR=1 SHELL=/bin/sh -- \
    script -q -f -c "$(printf '%q ' "$COOPCOM" --db "$DB")" "$LOG"
expect_screen "coopcom: Commission" "the main screen is drawn"

# expect_shown WHERE: the screen shows the hostile text escaped, and no
# character of it raw.
expect_shown()
{
	expect_screen "$SHOWN" "$1: the text is shown escaped"
	screen_attrs >"$TMP/attrs"
	check "$1: nothing on the screen is red (no ESC [31m got through)" \
	    not_red "$TMP/attrs"
	check "$1: no U+202E on the screen" not_rtl "$TMP/attrs"
}
not_red() { ! grep -aqE $'\e\\[([0-9]+;)*31(;[0-9]+)*m' "$1"; }
not_rtl() { ! grep -aq $'\342\200\256' "$1"; }
# not_bytes FILE BYTES: FILE does not hold BYTES.
not_bytes() { ! LC_ALL=C grep -aqF -- "$2" "$1"; }

# The main view: the recommendation and its detail, with the history.
send l l
expect_screen "Recommendations: LCL (1)"
expect_screen 'R\e[31mX\e]52;c' "main view: the title in the list, escaped"
send l
expect_screen "History" "the detail with its history"
expect_shown "detail"
expect_screen_re "Title +$SHOWN_RE *\$" "detail: the title, escaped"
expect_screen_re "Owner +$SHOWN_RE \\(mallory\\)" "detail: the chair's name, escaped"
expect_screen_re "[0-9] $SHOWN_RE: added" "history: the person's name, escaped"
screen >"$TMP/.screen"
# (The text goes through the environment: awk -v would unescape it.)
if SHOWN=$SHOWN awk 'prev && index($0, "    " ENVIRON["SHOWN"]) { found = 1 }
    { prev = index($0, "stage draft → tested") > 0 }
    END { exit !found }' "$TMP/.screen"; then
	pass "history: the note, escaped, under its line"
else
	fail_screen "history: the note, escaped, under its line"
fi

# The people view.
send 5
expect_screen "People (" "5 shows the people"
expect_screen_re "mallory +R\\\\e\\[31mX\\\\e\\]52;c;ZGF0YQ=… " \
    "people: the name, escaped and cut to its column"
expect_shown "people: the organisation"

send q
expect_exit 0 "coopcom (under script) quits with status 0"

# The bytes written to the terminal.
check "script(1) kept what coopcom wrote" test -s "$LOG"
check "the log has what was drawn" grep -aqF 'ZGF0YQ==' "$LOG"
check "no ESC [31m in what coopcom wrote" \
    not_bytes "$LOG" $'\e[31m'
check "no ESC ]52 in what coopcom wrote" not_bytes "$LOG" $'\e]52'
check "no ZGF0YQ== after ESC ]52;c; in what coopcom wrote" \
    not_bytes "$LOG" $'52;c;ZGF0YQ==\a'
check "no U+202E in what coopcom wrote" not_bytes "$LOG" $'\342\200\256'
check "no BEL in what coopcom wrote" not_bytes "$LOG" $'\a'
e2e_finish
