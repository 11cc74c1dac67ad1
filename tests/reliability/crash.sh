#!/bin/bash
# crash.sh: writers killed with SIGKILL at random moments, again and
# again; nothing acknowledged is ever lost and the record stays sound.
#
# Each round starts a writer (an edit of a title, a stage move or a new
# engagement, each carrying a unique token), waits a random time of up
# to two writes' length (measured first), and kills it with SIGKILL, so
# kills land everywhere in the write: before the transaction, in it,
# during the commit or after it. A second writer runs alongside, so a
# kill can also land while the other holds the lock. After every kill:
#   - PRAGMA integrity_check is "ok" and the audit chain verifies
#     (coopcom check);
#   - every change the writer acknowledged (printed) before it was
#     killed is in the database.
# At the end, the number of kills that landed before, inside and after
# a commit is reported. CRASH_KILLS (100) rounds; make crash runs more.
. "$(dirname "$0")/../cli/lib.sh"
test_name=reliability-crash

KILLS=${CRASH_KILLS:-100}
SEED=${CRASH_SEED:-$$}
DB=$TMP/crash.db
. "$top_srcdir/tests/reliability/writers.sh"

run coopcom --db "$DB" init
expect_status 0 "init"
cc add commission --code CC --name "Co-operative Commission" \
    --established 2011-07-26 >/dev/null &&
cc add subgroup --commission CC --code LCL --name "Libraries" >/dev/null &&
cc add meeting --body assembly --commission CC --date 2012-01-17 >/dev/null &&
quorate 1 &&
cc add recommendation --subgroup LCL --title "Kept" --term short \
    --savings 0 --upfront-cost 0 --equality-impact "assessed" >/dev/null &&
cc add recommendation --subgroup LCL --title "Busy" --term short \
    --savings 0 --upfront-cost 0 --equality-impact "assessed" >/dev/null ||
    { fail "set-up"; finish; }

# A steady second writer on the other recommendation, killed at the end.
(
	n=0
	while :; do
		n=$((n + 1))
		"$COOPCOM" --db "$DB" edit recommendation CC-LCL-02 \
		    --title "steady $n" >/dev/null 2>>"$TMP/steady.err"
	done
) &
steady=$!

# next STAGE: the move on in the cycle draft -> tested -> submitted ->
# referred back -> tested ..., with what it needs.
next()
{
	case $1 in
	draft|referred_back) echo tested ;;
	tested) echo submitted ;;
	*) echo "referred_back --decision 1" ;;
	esac
}

# write KIND TOKEN STAGE...: one write, as the round's kind says.
write()
{
	local kind=$1 tok=$2

	shift 2
	case $((kind % 3)) in
	0) exec "$COOPCOM" --db "$DB" edit recommendation CC-LCL-01 \
	    --title "Title $tok" ;;
	1) exec "$COOPCOM" --db "$DB" add engagement --subgroup LCL \
	    --date 2011-10-01 --method survey --summary "$tok" ;;
	2) exec "$COOPCOM" --db "$DB" advance CC-LCL-01 "$@" --note "$tok" ;;
	esac
}
sql() { sqlite3 -cmd ".timeout 10000" "$DB" "$@"; }

# How long one write takes here (a sanitizer build is several times
# slower): the kills are spread over twice that.
t0=$(date +%s%N)
cc edit recommendation CC-LCL-01 --title "Timing" >/dev/null
span_ms=$(( ($(date +%s%N) - t0) / 500000 ))
[ "$span_ms" -ge 10 ] || span_ms=10

RANDOM=$SEED
acked=0 lost=0 unsound=0 before=0 committed_unacked=0
for i in $(seq "$KILLS"); do
	tok=k${i}x
	to=$(next "$(sql "SELECT stage FROM recommendation WHERE id = 1")")
	# shellcheck disable=SC2086
	( write "$i" "$tok" $to >"$TMP/ack" 2>"$TMP/werr" ) &
	w=$!
	ms=$((RANDOM % span_ms))
	sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
	kill -KILL "$w" 2>/dev/null
	wait "$w" 2>/dev/null
	if ! cc check >"$TMP/check" 2>&1; then
		unsound=$((unsound + 1))
		fail "after kill $i the database checks out"
		cat "$TMP/check"
	fi
	n=$(sql "SELECT count(*) FROM audit WHERE note = '$tok' OR \
	    json_extract(changes, '\$.title[1]') = 'Title $tok' OR \
	    json_extract(changes, '\$.summary[1]') = '$tok'")
	if grep -qE '^(saved|added|CC-LCL-01 is now)' "$TMP/ack"; then
		acked=$((acked + 1))
		if [ "$n" -ne 1 ]; then
			lost=$((lost + 1))
			fail "kill $i: the acknowledged change $tok is there once (found $n)"
		fi
	elif [ "$n" -eq 1 ]; then
		committed_unacked=$((committed_unacked + 1))
	else
		before=$((before + 1))
	fi
done
kill -KILL "$steady" 2>/dev/null
wait "$steady" 2>/dev/null

check "after each of $KILLS kills the database passed integrity_check and the audit chain verified" \
    test "$unsound" -eq 0
check "none of the $acked acknowledged changes was lost" test "$lost" -eq 0
check "the steady writer was never told the database was busy or locked" \
    eval '! grep -qiE "busy|locked" "$TMP/steady.err"'
check "no sanitizer report from the steady writer" \
    eval '! grep -qE "Sanitizer|runtime error" "$TMP/steady.err"'
run coopcom --db "$DB" check
expect_status 0 "coopcom check passes at the end"
echo "$test_name: $KILLS kills: $acked acknowledged and kept," \
    "$committed_unacked committed but killed before saying so," \
    "$before killed before committing (rolled back)"
if [ -n "${RELIABILITY_OUT:-}" ]; then
	echo "crash kills=$KILLS acked=$acked unacked_committed=$committed_unacked rolled_back=$before lost=$lost unsound=$unsound" \
	    >>"$RELIABILITY_OUT"
fi
finish
