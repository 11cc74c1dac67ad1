#!/bin/bash
# hostile.sh: very long fields, a huge import, damaged database files and
# a stage the workflow does not know: clear errors, never a crash.
#
#   - a 100,000-character title and text are kept whole and shown by
#     show, list (table, CSV, JSON) and history;
#   - an import of HOSTILE_ROWS rows (1,000; make reliability: 5,000)
#     completes (all or nothing), and a CSV cell
#     over the reader's 1 MiB limit is refused naming the line;
#   - a file of random bytes, a database cut in half, one with pages
#     overwritten and an empty file: every command says what is wrong,
#     and check names the damage (exit 1), with no crash (lib.sh's run
#     counts a signal, a timeout or a sanitizer report as a failure);
#   - a recommendation put (by hand, with sqlite3) at a stage the workflow
#     does not have: list and show still work, transitions and advance
#     refuse with a message naming the stage, check names it, and the
#     full-screen interface shows it and quits normally (in tmux, when
#     installed).
. "$(dirname "$0")/../cli/lib.sh"
test_name=reliability-hostile

ROWS=${HOSTILE_ROWS:-1000}
DB=$TMP/demo.db
run coopcom --db "$DB" init --demo
expect_status 0 "a demo database"
cc() { run coopcom --db "$DB" "$@"; }
big() { head -c "$1" /dev/zero | tr '\0' "$2"; }

# Very long fields.
cc edit recommendation CC-BRK-03 --title "$(big 100000 T)" \
    --text "$(big 100000 x)"
expect_status 0 "a 100,000-character title and text are taken"
cc show recommendation CC-BRK-03
expect_status 0 "show prints them"
check "the title is kept whole" test "$(tr -cd T <"$out_file" | wc -c)" -ge 100000
for f in table csv json; do
	cc list recommendations --subgroup BRK --format $f
	expect_status 0 "list --format $f with the long title"
done
cc history CC-BRK-03
expect_status 0 "history with the long change"
cc check
expect_status 0 "check passes"

# A huge import, and a cell too big.
if "$COOPCOM" --help | grep -q '^  import'; then
	{
		echo "subgroup,title,term,savings,upfront-cost"
		for i in $(seq "$ROWS"); do
			echo "BRK,Imported $i,short,£$i,0"
		done
	} >"$TMP/huge.csv"
	cc import recommendations "$TMP/huge.csv"
	expect_status 0 "an import of $ROWS rows"
	cc list recommendations --subgroup BRK --format csv
	check "all $ROWS rows are there" test \
	    "$(grep -c ',Imported ' "$out_file")" -eq "$ROWS"
	{
		echo "subgroup,title,term,savings,upfront-cost"
		printf 'BRK,"%s",short,0,0\n' "$(big 1100000 y)"
	} >"$TMP/cell.csv"
	cc import recommendations "$TMP/cell.csv"
	expect_failure "a cell over 1 MiB is refused"
	expect_err_contains "line 2"
	cc check
	expect_status 0 "check passes after the imports"
else
	skip "no import command in this build: the huge import is not tried"
fi

# Damaged files.
head -c 200000 /dev/urandom >"$TMP/random.db"
run coopcom --db "$TMP/random.db" list recommendations
expect_failure "a file of random bytes is refused"
expect_err_contains "not a usable coopcom database"
run coopcom --db "$TMP/random.db" check
expect_failure "check refuses it too"

size=$(stat -c %s "$DB")
cp "$DB" "$TMP/half.db"
truncate -s $((size / 2)) "$TMP/half.db"
run coopcom --db "$TMP/half.db" check
expect_failure "check finds a database cut in half damaged"
run coopcom --db "$TMP/half.db" list recommendations
check "list on it fails cleanly or works (exit $status)" test "$status" -lt 124

cp "$DB" "$TMP/pages.db"
dd if=/dev/urandom of="$TMP/pages.db" bs=4096 seek=8 count=6 conv=notrunc \
    2>/dev/null
run coopcom --db "$TMP/pages.db" check
expect_failure "check finds overwritten pages"
for what in recommendations people milestones; do
	run coopcom --db "$TMP/pages.db" list "$what"
	check "list $what on damaged pages: no crash (exit $status)" \
	    test "$status" -lt 124
done

: >"$TMP/empty.db"
run coopcom --db "$TMP/empty.db" list recommendations
check "an empty file: no crash (exit $status)" test "$status" -lt 124

# A stage the workflow does not know.
if command -v sqlite3 >/dev/null; then
	sqlite3 "$DB" "UPDATE recommendation SET stage = 'limbo' WHERE \
	    ref = 'CC-EMP-03'" || exit 99
	cc list recommendations --subgroup EMP
	expect_status 0 "list works with the unknown stage"
	expect_out_contains "limbo"
	cc show recommendation CC-EMP-03
	expect_status 0 "show works"
	cc transitions CC-EMP-03
	expect_failure "transitions refuses"
	expect_err_contains "limbo"
	cc advance CC-EMP-03 submitted
	expect_failure "advance refuses"
	expect_err_contains "limbo"
	cc check
	expect_status 1 "check names the unknown stage"
	expect_out_contains 'stage "limbo", which the workflow does not have'
	if command -v tmux >/dev/null; then
		sock=coopcom-hostile-$$
		tm() { tmux -L "$sock" -f /dev/null "$@"; }
		trap 'tm kill-server >/dev/null 2>&1; cleanup' EXIT
		tm new-session -d -s t -x 160 -y 50 "$COOPCOM --db $DB; echo EXIT=\$?; sleep 30"
		seen() {
			local i
			for i in $(seq 50); do
				tm capture-pane -p -t t | grep -qF -- "$1" && return 0
				sleep 0.1
			done
			return 1
		}
		check "the full-screen interface starts" seen "Recommendations"
		# EMP is the sub-groups panel's second row: its list, then the
		# board and my work, each drawn with the unknown stage.
		tm send-keys -t t l j l
		check "it lists EMP's recommendations" seen "CC-EMP-03"
		for k in j j 2 3 1; do tm send-keys -t t "$k"; sleep 0.2; done
		tm send-keys -t t q
		check "and quits normally" seen "EXIT=0"
	else
		missing "tmux is not installed: the full-screen interface is not tried"
	fi
else
	missing "sqlite3 is not installed: the unknown stage is not tried"
fi
finish
