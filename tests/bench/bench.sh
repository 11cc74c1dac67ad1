#!/bin/sh
# bench.sh: `make bench`: coopcom on a large database, measured.
#
# Generates (once, cached in $BENCH_DIR) the large database (100,000
# recommendations, 1,000,000 audit entries) and a small one (1,000), runs
# the real binary on a pseudo-terminal of 80x24 with coopcom-drive,
# times the same page queries in the sqlite3 shell and the same kinds of
# keystroke in calcurse, runs concurrent writers, and prints the table,
# also written to tests/bench/results.md with the machine and the date.
# Not part of `make check`: it takes a few minutes and its figures are
# read, not asserted.

set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/coopcom-bench}
PRESSES=${PRESSES:-200}
bin=$top_builddir/tests/bench
coopcom=$top_builddir/coopcom
results=$top_srcdir/tests/bench/results.md
mkdir -p "$BENCH_DIR/home" || exit 1
HOME=$BENCH_DIR/home XDG_CONFIG_HOME=$BENCH_DIR/home \
XDG_DATA_HOME=$BENCH_DIR/home TERM=xterm LC_ALL=C.UTF-8
export HOME XDG_CONFIG_HOME XDG_DATA_HOME TERM LC_ALL
unset COOPCOM_DB NO_COLOR

large=$BENCH_DIR/large.db
small=$BENCH_DIR/small.db
[ -f "$large" ] || "$bin/coopcom-gen" --seed 1 "$large" || exit 1
[ -f "$small" ] || "$bin/coopcom-gen" --seed 1 --recommendations 1000 \
    "$small" || exit 1

# calcurse is only the reference: installed here, not by the README.
if ! command -v calcurse >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	apt-get install -y calcurse >/dev/null 2>&1 ||
	    { apt-get update >/dev/null 2>&1 &&
	    apt-get install -y calcurse >/dev/null 2>&1; }
fi

# ---- coopcom's keystrokes ----
# From the recommendations panel of the first sub-group (100 rows):
# j down the list, back to the top (g) every 90; PageDown down the
# timeline (20,000 milestones, so deep pages); h and Tab between the
# sub-groups and the recommendations; Enter opens the detail (h back);
# 4 opens the timeline (1 back); a search word typed letter by letter
# (Escape clears it), its result timed once typing pauses (the
# search waits for APP_IDLE_SEARCH_MS of idle input, less here); f o
# turns the overdue filter on, f o off.
SEARCH_IDLE_MS=$(sed -n 's/^#define APP_IDLE_SEARCH_MS //p' \
    "$top_srcdir/include/coopcom/vm/app.h")
script() {
	echo start
	echo "key - \\t"
	echo "key - \\t"
	i=0
	while [ $i -lt "$PRESSES" ]; do
		echo "key move-down j"
		i=$((i + 1))
		[ $((i % 90)) = 0 ] && echo "key - g"
	done
	for i in $(seq 1 $((PRESSES / 2))); do
		echo "key switch-panel h"
		echo "key switch-panel \\t"
	done
	for i in $(seq 1 $((PRESSES / 2))); do
		echo "key open-detail \\r"
		echo "key - h"
	done
	for i in $(seq 1 $((PRESSES / 4))); do
		echo "key filter-menu f"
		echo "key filter o"
	done
	for w in lib hou you ene sun par foo car bus scho mus all str \
	    rec coo vol ward mut shar merg; do
		echo "key - /"
		for c in $(echo "$w" | sed 's/./& /g'); do
			echo "key search-char $c"
		done
		echo "settle search-result $SEARCH_IDLE_MS"
		echo "key - \\e"
	done
	for i in $(seq 1 $((PRESSES / 2))); do
		echo "key open-timeline 4"
		echo "key - 1"
	done
	echo "key - 4"
	for i in $(seq 1 "$PRESSES"); do
		echo "key page-down \\e[6~"
	done
	echo "quit q"
	for i in $(seq 1 20); do
		echo start
		echo "quit q"
	done
}
script > "$BENCH_DIR/coopcom.keys"
drive_coopcom() {
	"$bin/coopcom-drive" "$BENCH_DIR/coopcom.keys" -- "$coopcom" --db "$1"
}
echo "coopcom on the large database..." >&2
drive_coopcom "$large" > "$BENCH_DIR/coopcom.large" || exit 1
echo "coopcom on the small database..." >&2
drive_coopcom "$small" > "$BENCH_DIR/coopcom.small" || exit 1

# ---- calcurse on 20,000 appointments and 20,000 to-do items ----
# (calcurse keeps its items in sorted lists and loads 100,000 in minutes.)
cal=$BENCH_DIR/calcurse
if command -v calcurse >/dev/null 2>&1; then
	if [ ! -f "$cal/apts" ]; then
		mkdir -p "$cal"
		awk 'BEGIN { for (i = 0; i < 20000; i++) { d = int(i / 90);
		    m = 1 + int(d / 28) % 12; day = 1 + d % 28;
		    y = 2011 + int(d / 336); h = 8 + int((i % 90) / 9);
		    mi = (i % 9) * 6; printf "%02d/%02d/%04d @ %02d:%02d -> " \
		    "%02d/%02d/%04d @ %02d:%02d |Meeting %d on CC01-LA1-%02d\n",
		    m, day, y, h, mi, m, day, y, h, mi + 5, i, i % 100 } }' \
		    > "$cal/apts"
		awk 'BEGIN { for (i = 0; i < 20000; i++) printf "[%d] Follow " \
		    "up recommendation %d: open libraries on Sundays\n",
		    i % 10, i }' > "$cal/todo"
		printf 'appearance.notifybar=no\ngeneral.confirmquit=no\n' \
		    > "$cal/conf"
	fi
	# The same kinds of key: j down the to-do list, Tab between panels,
	# v views an item (Escape closes it), J a week on in the calendar
	# (its page), a to-do typed letter by letter (its nearest to
	# typing a search word).
	n=$((PRESSES / 10))
	{
		echo start
		echo "key - \\t"
		echo "key - \\t"
		for i in $(seq 1 $n); do echo "key move-down j"; done
		for i in $(seq 1 $n); do
			echo "key open-detail v"
			echo "key - \\e"
		done
		for i in $(seq 1 $n); do echo "key switch-panel \\t"; done
		for i in $(seq 1 $n); do echo "key page-down J"; done
		echo "key - a"
		for c in r e c o m m e n d a t i o n s; do
			echo "key search-char $c"
		done
		echo "key - \\e"
		echo "quit q"
		for i in 1 2 3 4 5; do echo start; echo "quit q"; done
	} > "$BENCH_DIR/calcurse.keys"
	echo "calcurse..." >&2
	"$bin/coopcom-drive" --quiet 150 "$BENCH_DIR/calcurse.keys" -- \
	    calcurse -D "$cal" > "$BENCH_DIR/calcurse.out"
else
	: > "$BENCH_DIR/calcurse.out"
fi

# ---- the sqlite3 shell, the same page queries, as a whole process ----
now_us() {
	echo $(( $(date +%s%N) / 1000 )); }
sqlite_ms() {
	bash -c 'best=""; for i in $(seq 1 15); do
	    t0=${EPOCHREALTIME/./}; sqlite3 -readonly "$1" "$2" >/dev/null
	    t1=${EPOCHREALTIME/./}; echo $((t1 - t0)); done' _ "$1" "$2" |
	    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
page_recs="SELECT r.id, r.ref, r.title, r.stage FROM recommendation r
    JOIN subgroup s ON s.id = r.subgroup_id WHERE r.subgroup_id = 1
    AND r.archived = 0 ORDER BY s.code, length(r.ref), r.ref LIMIT 54"
echo "the sqlite3 shell..." >&2
ref_start=$(sqlite_ms "$large" "SELECT id, code, name FROM commission
    WHERE archived = 0 ORDER BY kind = 'citizens_group', name LIMIT 54")
ref_recs=$(sqlite_ms "$large" "$page_recs")
ref_page=$(sqlite_ms "$large" "SELECT id, title, timescale FROM milestone
    WHERE archived = 0 ORDER BY earliest IS NULL, earliest, latest, id
    LIMIT 54 OFFSET 1700")
ref_detail=$(sqlite_ms "$large" "SELECT * FROM recommendation WHERE id = 1;
    SELECT a.at, a.action, a.changes FROM audit a WHERE a.entity =
    'recommendation' AND a.entity_id = 1 ORDER BY a.id")
hits="recommendation_fts WHERE recommendation_fts MATCH '({ref title body} :
    (\"lib\"*) AND scope : \"c1\") NOT scope : \"archived\"'"
ref_search=$(sqlite_ms "$large" "SELECT count(*) FROM $hits;
    SELECT r.id, r.ref, r.title, r.stage FROM (SELECT rowid AS id FROM
    $hits ORDER BY rowid LIMIT 54) p JOIN recommendation r ON r.id = p.id")
ref_filter=$(sqlite_ms "$large" "SELECT count(*) FROM recommendation
    WHERE subgroup_id = 1 AND target_date < date('now')")
ref_timeline=$(sqlite_ms "$large" "SELECT count(*) FROM milestone WHERE
    archived = 0; SELECT id, title FROM milestone WHERE archived = 0
    ORDER BY earliest IS NULL, earliest, latest, id LIMIT 54")

# ---- the report to Cabinet, and the concurrent writers ----
if "$coopcom" --help 2>&1 | grep -q '^  report '; then
	t0=$(now_us)
	"$coopcom" --db "$large" report --output "$BENCH_DIR/report.md" \
	    > "$BENCH_DIR/report.out" 2>&1
	t1=$(now_us)
	report_ms=$(( (t1 - t0) / 1000 ))
else
	report_ms=""
fi
cp "$large" "$BENCH_DIR/writers.db" || exit 1
rm -f "$BENCH_DIR/writers.db-wal" "$BENCH_DIR/writers.db-shm"
echo "concurrent writers..." >&2
for n in 1 4 16; do
	"$bin/coopcom-writers" "$BENCH_DIR/writers.db" $n 5
done > "$BENCH_DIR/writers.out"
rm -f "$BENCH_DIR/writers.db"*

# ---- the table ----
field() {	# file label column (2 n, 3 median, 4 p99, 5 bytes, 6 max)
	awk -v l="$2" -v c="$3" '$1 == l { print $c }' "$1"; }
ms() {		# microseconds as milliseconds
	[ -n "$1" ] && awk -v v="$1" 'BEGIN { printf "%.2f", v / 1000 }'; }
ratio() {
	[ -n "$1" ] && [ -n "$2" ] && [ "$2" != 0 ] &&
	    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
L=$BENCH_DIR/coopcom.large
C=$BENCH_DIR/calcurse.out
row() {		# label what target sqlite-reference-us
	med=$(field "$L" "$1" 3); p99=$(field "$L" "$1" 4)
	cmed=$(field "$C" "$1" 3)
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" \
	    "$(ms "$med")" "$(ms "$p99")" "$3" "$(ms "$4")" \
	    "$(ratio "$med" "$4")" "$(ms "$cmed")" "$(ratio "$med" "$cmed")" \
	    "$(field "$L" "$1" 5) / $(field "$C" "$1" 5)"
}
w() { awk -v n="$1" '$2 == n { print $6 " /s, " $12 " lost, " $10 \
    " busy, " $8 " conflicts refused" }' "$BENCH_DIR/writers.out"; }
{
	echo "# coopcom benchmark"
	echo
	echo "Run by \`make bench\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
	echo "Machine: $(nproc) cores, $(uname -srm);" \
	    "memory: $(free -m | awk '/^Mem:/ { print $2 " MB, " $7 \
	    " MB available" }'); load average $(cut -d' ' -f1-3 \
	    /proc/loadavg)."
	echo
	echo "Large database: 20 commissions, 1,000 sub-groups, 100,000 recommendations," \
	    "1,000,000 audit entries, 20,000 milestones, 5,000 people" \
	    "(coopcom-gen --seed 1). Terminal 80x24. Times in ms; the" \
	    "sqlite3 shell runs the page query behind the keystroke as a" \
	    "whole process (median of 15); calcurse gets the nearest key on" \
	    "20,000 appointments and 20,000 to-do items. A ratio is coopcom" \
	    "over the reference: below 1 is faster."
	echo
	echo "| measure | median | p99 | target | sqlite3 shell | ratio |" \
	    "calcurse | ratio | bytes/key coopcom / calcurse |"
	echo "|---|---|---|---|---|---|---|---|---|"
	row startup "start-up to first complete screen" "≤ 20 median" \
	    "$ref_start"
	row move-down "move down (j)" "≤ 2 p99; ≤ 120 bytes" "$ref_recs"
	row page-down "page down (timeline, to row 3,800)" "≤ 2 p99" \
	    "$ref_page"
	row switch-panel "switch panel (h, Tab)" "≤ 2 p99" "$ref_recs"
	row open-detail "open detail (Enter)" "≤ 2 p99" "$ref_detail"
	row open-timeline "open the timeline (4)" "≤ 2 p99" "$ref_timeline"
	row search-char "search, each character typed" "≤ 2 p99" \
	    "$ref_search"
	settled="search result, once typing pauses (less the pause"
	row search-result "$settled of $SEARCH_IDLE_MS ms)" "≤ 2 p99" \
	    "$ref_search"
	row filter "apply a filter (f, then o: overdue)" "≤ 2 p99" \
	    "$ref_filter"
	echo
	echo "| measure | figure | target | reference |"
	echo "|---|---|---|---|"
	echo "| peak resident memory, 100,000 recommendations |" \
	    "$(field "$L" maxrss_kb 2) KB | ≤ 12 MB, same at both sizes |" \
	    "calcurse: $(field "$C" maxrss_kb 2) KB |"
	echo "| peak resident memory, 1,000 recommendations |" \
	    "$(field "$BENCH_DIR/coopcom.small" maxrss_kb 2) KB | | |"
	echo "| start-up, 1,000 recommendations |" \
	    "$(ms "$(field "$BENCH_DIR/coopcom.small" startup 3)") ms | | |"
	if [ -n "$report_ms" ]; then
		echo "| report to Cabinet, whole database | $report_ms ms |" \
		    "≤ 1 s | |"
	else
		echo "| report to Cabinet, whole database | not built yet" \
		    "(\`coopcom report\` does not exist) | ≤ 1 s | |"
	fi
	echo "| concurrent writers: 1 | $(w 1) | | |"
	echo "| concurrent writers: 4 | $(w 4) | | |"
	echo "| concurrent writers: 16 | $(w 16) | ≥ 2,000 /s, 0 lost," \
	    "0 locked | |"
} > "$BENCH_DIR/results.md"
cat "$BENCH_DIR/results.md"
if [ -f "$results" ] && grep -q '^## ' "$results"; then
	# Keep the notes written under the figures by hand.
	sed -n '/^## /,$p' "$results" > "$BENCH_DIR/notes.md"
	{ cat "$BENCH_DIR/results.md"; echo; cat "$BENCH_DIR/notes.md"; } \
	    > "$results"
else
	cp "$BENCH_DIR/results.md" "$results"
fi
