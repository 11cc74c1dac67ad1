#!/bin/bash
# soak.sh: many people writing to one database at once, and proof that
# nothing was lost, doubled or half-done.
#
# SOAK_PROCS processes (16) each make SOAK_OPS operations (25; make soak:
# 200) on the same SOAK_RECS (4) recommendations, as people would: read
# the record (show), then act on the version they saw: edit its title,
# move it one stage on (draft -> tested -> submitted -> referred back ->
# tested ...), or log an engagement (a comment that never conflicts). Each operation carries
# a unique token in the text it writes. Afterwards:
#   - every operation that said it succeeded is in the audit trail
#     exactly once, and every refused one is absent;
#   - every refusal was a conflict (exit 4, "changed by ...");
#   - nobody was ever told the database was locked or busy;
#   - each recommendation's version is 1 + its audit entries;
#   - coopcom check passes (integrity, foreign keys, the audit chain).
# The figures go to $RELIABILITY_OUT when it is set (make reliability).
. "$(dirname "$0")/../cli/lib.sh"
test_name=reliability-soak

PROCS=${SOAK_PROCS:-16}
OPS=${SOAK_OPS:-25}
NREC=${SOAK_RECS:-4}
SEED=${SOAK_SEED:-$$}
DB=$TMP/soak.db
. "$top_srcdir/tests/reliability/writers.sh"
not_grep() { ! grep "$@"; }

run coopcom --db "$DB" init
expect_status 0 "init"
cc add commission --code CC --name "Co-operative Commission" \
    --established 2011-07-26 >/dev/null &&
cc add subgroup --commission CC --code LCL --name "Libraries" >/dev/null &&
cc add meeting --body assembly --commission CC --date 2012-01-17 >/dev/null &&
quorate 1 ||
    { fail "set-up"; finish; }
for i in $(seq "$NREC"); do
	cc add recommendation --subgroup LCL --title "Recommendation $i" \
	    --term short --savings "£1,000" --upfront-cost 0 \
	    --equality-impact "assessed" >/dev/null || fail "add rec $i"
done

# next STAGE: the stage one move on in the cycle, and what it needs.
next()
{
	case $1 in
	draft|referred_back) echo tested ;;
	tested) echo submitted ;;
	submitted) echo "referred_back --decision 1" ;;
	*) echo none ;;
	esac
}

# worker N: one person's operations; a line per operation in log.N:
# "TOKEN KIND REF STATUS".
worker()
{
	local w=$1 op tok ref kind v stage to st
	local log=$TMP/log.$w

	RANDOM=$((SEED + w * 7919))
	for op in $(seq "$OPS"); do
		tok=w${w}o${op}x
		ref=CC-LCL-$(printf %02d $((RANDOM % NREC + 1)))
		kind=$((RANDOM % 3))
		if [ $kind -eq 2 ]; then
			cc add engagement --subgroup LCL --date 2011-10-01 \
			    --method survey --summary "$tok" \
			    >"$TMP/o.$w" 2>"$TMP/e.$w"
			st=$?
			echo "$tok comment LCL $st" >>"$log"
			cat "$TMP/e.$w" >>"$TMP/err.$w"
			continue
		fi
		cc show recommendation "$ref" >"$TMP/o.$w" 2>>"$TMP/err.$w"
		v=$(awk '$1 == "Version" { sub(",", "", $2); print $2 }' \
		    "$TMP/o.$w")
		stage=$(awk '$1 == "Stage" { print $2 }' "$TMP/o.$w")
		# Only the stages a person may edit in (a submitted
		# recommendation is the Assembly's to move on).
		if [ $kind -eq 0 ] && [ "$stage" != submitted ]; then
			cc edit recommendation "$ref" --expect-version "$v" \
			    --title "Title $tok" >"$TMP/o.$w" 2>"$TMP/e.$w"
			st=$?
			echo "$tok edit $ref $st" >>"$log"
		else
			to=$(next "$stage")
			# shellcheck disable=SC2086
			cc advance "$ref" $to --expect-version "$v" \
			    --note "$tok" >"$TMP/o.$w" 2>"$TMP/e.$w"
			st=$?
			echo "$tok advance $ref $st" >>"$log"
		fi
		if [ $st -ne 0 ]; then
			{ echo "$tok:"; cat "$TMP/e.$w"; } >>"$TMP/err.$w"
		fi
	done
}

start=$(date +%s.%N)
pids=()
for w in $(seq "$PROCS"); do
	worker "$w" &
	pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
secs=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { print a - b }')

cat "$TMP"/log.* >"$TMP/all"
total=$(wc -l <"$TMP/all")
ok=$(awk '$4 == 0' "$TMP/all" | wc -l)
conflicts=$(awk '$4 == 4' "$TMP/all" | wc -l)
other=$(awk '$4 != 0 && $4 != 4' "$TMP/all" | wc -l)
check "all $((PROCS * OPS)) operations ran (got $total)" \
    test "$total" -eq $((PROCS * OPS))
check "every operation either succeeded or met a conflict ($other other)" \
    test "$other" -eq 0
if [ "$other" -ne 0 ]; then
	awk '$4 != 0 && $4 != 4' "$TMP/all" | head -5
fi

cat "$TMP"/err.* >"$TMP/errors" 2>/dev/null
check "nobody was told the database was locked or busy" \
    not_grep -iE 'locked|busy' "$TMP/errors"
check "no sanitizer report" not_grep -E 'Sanitizer|runtime error' "$TMP/errors"
n_conflict_msgs=$(grep -c 'changed by' "$TMP/errors")
check "every conflict says who changed it ($n_conflict_msgs of $conflicts)" \
    test "$n_conflict_msgs" -eq "$conflicts"

# Each token's audit entries: the note (advance) or the change record.
# (An edit's change record has the old title too: only the new counts.)
sqlite3 "$DB" "SELECT coalesce(note, '') || ' ' || \
    coalesce(json_extract(changes, '\$.title[1]'), '') || ' ' || \
    coalesce(json_extract(changes, '\$.summary[1]'), '') FROM audit" | grep -oE 'w[0-9]+o[0-9]+x' | sort | uniq -c |
    awk '{ print $2, $1 }' >"$TMP/audited"
bad=$(awk 'NR == FNR { n[$1] = $2; next }
	$4 == 0 && n[$1] != 1 { print "success " $1 " audited " n[$1] + 0 " times" }
	$4 != 0 && ($1 in n) { print "refused " $1 " audited " n[$1] " times" }' \
    "$TMP/audited" "$TMP/all")
check "every success is audited exactly once, every refusal never" \
    test -z "$bad"
[ -n "$bad" ] && echo "$bad" | head -5

bad=$(sqlite3 "$DB" "SELECT r.ref FROM recommendation r WHERE r.version <> \
    (SELECT count(*) FROM audit a WHERE a.entity = 'recommendation' AND \
    a.entity_id = r.id)")
check "each recommendation's version counts its audited changes" \
    test -z "$bad"
run coopcom --db "$DB" check
expect_status 0 "coopcom check passes after the soak"

echo "$test_name: $PROCS processes x $OPS operations in ${secs%.*} s:" \
    "$ok succeeded, $conflicts refused as conflicts, $other other"
if [ -n "${RELIABILITY_OUT:-}" ]; then
	printf 'soak procs=%s ops=%s total=%s ok=%s conflicts=%s other=%s secs=%.1f\n' \
	    "$PROCS" "$OPS" "$total" "$ok" "$conflicts" "$other" "$secs" \
	    >>"$RELIABILITY_OUT"
fi
finish
