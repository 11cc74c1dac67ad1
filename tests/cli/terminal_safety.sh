#!/bin/bash
# terminal_safety.sh: hostile text in the data never reaches a terminal
# raw. A title and a name carry a colour escape, an OSC 52 clipboard write,
# BEL, backspace, CR, a right-to-left override, a C1 control, and (put in
# with the sqlite3 shell, since coopcom refuses it) bytes that are not
# UTF-8. Every command that prints them is run in a pseudo-terminal with
# script(1) and its bytes inspected. The CLI draws no escapes of its own,
# so any ESC in what it prints is a failure. Written to a pipe, CSV and
# JSON keep the text exactly while a table is still escaped.
. "$(dirname "$0")/lib.sh"

command -v script >/dev/null ||
    missing_all "script(1) from util-linux is not installed"

# U+202E (right-to-left override) is E2 80 AE; U+009B (CSI) is C2 9B.
HOSTILE=$(printf 'Roads\033[31mRED\033]52;c;ZGF0YQ==\aB\bS\rC\342\200\256E\302\233F')
DB=$TMP/hostile.db
cc() { run coopcom --db "$DB" "$@"; }
# in_tty ARGS...: coopcom --db $DB ARGS in a pseudo-terminal.
# script(1) runs the command with $SHELL; the quoting below is bash's, so
# name bash rather than trust whatever shell the machine logs in with.
in_tty() { run env SHELL=/bin/bash script -qec "$(printf '%q ' "$COOPCOM" --db "$DB" "$@")" /dev/null; }

# expect_terminal_safe: the captured bytes hold nothing a terminal would
# act on: no ESC, BEL or backspace, no C1 control, no U+202E, nothing that
# is not UTF-8. (CR is left out: the pseudo-terminal turns each LF into
# CR LF.)
expect_terminal_safe()
{
	local what="no raw control characters: $last_cmd" found=

	if LC_ALL=C grep -aq $'\x1b' "$out_file"; then found="$found ESC"; fi
	if LC_ALL=C grep -aq $'\x07' "$out_file"; then found="$found BEL"; fi
	if LC_ALL=C grep -aq $'\x08' "$out_file"; then found="$found BS"; fi
	if LC_ALL=C grep -aqE $'\xc2[\x80-\x9f]' "$out_file"; then found="$found C1"; fi
	if LC_ALL=C grep -aq $'\xe2\x80\xae' "$out_file"; then found="$found U+202E"; fi
	if ! iconv -f UTF-8 -t UTF-8 "$out_file" >/dev/null 2>&1; then found="$found not-UTF-8"; fi
	if [ -z "$found" ]; then pass "$what"; else fail "$what (found:$found)"; fi
}

cc init
cc add commission --code CC --name "Co-operative Commission"
cc add subgroup --commission CC --code LCL --name "Local services"
cc add recommendation --subgroup LCL --title "$HOSTILE" --text "$HOSTILE"
expect_status 0
cc add recommendation --subgroup LCL --title "Bytes"
cc add person --login mallory --name "$HOSTILE"
expect_status 0
cc edit person "$ME" --name "$HOSTILE"
expect_status 0
cc advance 1 tested --note "$HOSTILE"
expect_status 0
cc add recommendation --subgroup LCL --title $'bad\xffutf'
expect_status 2 "coopcom refuses text that is not UTF-8"
if command -v sqlite3 >/dev/null; then
	sqlite3 "$DB" "UPDATE recommendation SET title = 'Bytes ' || X'FF' || ' and ' || X'C2' || X'1B' || '[32m' WHERE id = 2;
	    UPDATE person SET organisation = 'Org ' || X'FE80' WHERE login = 'mallory';"
	check "the sqlite3 shell stored bytes that are not UTF-8" test "$(sqlite3 "$DB" "SELECT instr(title, X'FF') > 0 FROM recommendation WHERE id = 2")" = 1
else
	missing "sqlite3 is not installed: bytes that are not UTF-8"
fi

# In a terminal, whatever the format, everything is escaped.
for f in table csv json; do
	in_tty list recommendations --format $f
	expect_status 0
	expect_terminal_safe
	expect_out_contains '\e[31mRED' "list recommendations --format $f shows ESC as \\e"
	expect_out_contains '\e]52;c;ZGF0YQ==' "list recommendations --format $f shows the OSC 52 escaped"
	in_tty list people --format $f
	expect_status 0
	expect_terminal_safe
	expect_out_contains '\e[31mRED'
	expect_out_contains 'mallory'
done
in_tty show recommendation 1
expect_status 0
expect_terminal_safe
expect_out_contains '\e[31mRED'
expect_out_contains '\u202e' "show writes U+202E as \\u202e"
in_tty show recommendation 2
expect_status 0
expect_terminal_safe
expect_out_contains '\xff' "show writes the byte FF as \\xff"
in_tty show person mallory
expect_status 0
expect_terminal_safe
expect_out_contains '\e[31mRED'
for f in table csv json; do
	in_tty history 1 --format $f
	expect_status 0
	expect_terminal_safe
	expect_out_contains '\e[31mRED'
done
in_tty whoami
expect_status 0
expect_terminal_safe
expect_out_contains '\e[31mRED'
in_tty transitions 1
expect_status 0
expect_terminal_safe
# Error messages quote what was typed; that is escaped too.
in_tty show recommendation "$HOSTILE"
expect_status 3
expect_terminal_safe
expect_out_contains '\e[31mRED'
in_tty add recommendation --subgroup "$HOSTILE" --title x
expect_failure
expect_terminal_safe

# Into a pipe: CSV and JSON keep the text exactly; a table is escaped.
cc list recommendations --format csv
expect_status 0
check "csv to a pipe keeps the raw title" grep -aqF -- "$HOSTILE" "$out_file"
check "csv to a pipe escapes bytes that are not UTF-8" iconv -f UTF-8 -t UTF-8 "$out_file" -o /dev/null
cc list recommendations --format json
expect_status 0
expect_json 'd[0]["title"] == sys.argv[3]' "json to a pipe keeps the raw title" "$HOSTILE"
check "json to a pipe is UTF-8" iconv -f UTF-8 -t UTF-8 "$out_file" -o /dev/null
cc list people --format csv
check "people csv to a pipe keeps the raw name" grep -aqF -- "$HOSTILE" "$out_file"
for what in "list recommendations" "list people" "show recommendation 1" "show person mallory" "history 1"; do
	cc $what
	expect_status 0
	expect_terminal_safe
	expect_out_contains '\e[31mRED' "$what to a pipe is escaped"
done

finish
