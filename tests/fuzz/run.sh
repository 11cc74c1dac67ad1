#!/bin/sh
# run.sh: builds each fuzzing harness with clang and libFuzzer (and
# AddressSanitizer, UndefinedBehaviorSanitizer) and runs it for a bounded
# time: make fuzz. FUZZ_SECONDS (60) per harness; FUZZ_TARGETS to run
# only some (money timescale csv config workflow args).
#
# New interesting inputs go to tests/fuzz/work/NAME in the build tree
# (or under FUZZ_OUT); the seed corpus in the source tree is only read. A crash stops that
# harness with its input saved as tests/fuzz/crashes/NAME-crash-...: copy
# it into tests/fuzz/corpus/NAME/ once fixed, so make check replays it
# for ever after. A line per harness ("fuzz NAME runs=N ...") is appended
# to $RELIABILITY_OUT when it is set (make reliability).
set -u
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-money timescale csv config workflow args}
cc=${FUZZ_CC:-clang}
out=${FUZZ_OUT:-$top_builddir/tests/fuzz}
s=$top_srcdir

# Under CI (.ci/run sets CI), whose test command installs clang, a
# missing compiler is a failure, not a skip.
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "fuzz: $cc is not installed (apt-get install clang libclang-rt-14-dev): skipped"
	[ -n "${CI:-}" ] && exit 1
	exit 77
fi
mkdir -p "$out/work" "$out/crashes" "$out/bin" || exit 1
flags="-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined
    -fno-sanitize-recover=undefined -I$s/include -I$s/tests/fuzz"
util="$s/src/util/buf.c $s/src/util/err.c $s/src/util/xalloc.c
    $s/src/util/text.c $s/src/util/csv.c"
core="$s/src/core/money.c $s/src/core/date.c $s/src/core/timescale.c
    $s/src/core/workflow.c"
# workflow_cfg.c is generated into the build tree.
conf="$s/src/conf/config.c $s/src/conf/workflow_file.c
    $top_builddir/src/gen/workflow_cfg.c"
libconfig=$(pkg-config --cflags --libs libconfig 2>/dev/null || echo -lconfig)

# libconfig 1.5 leaks its string buffer on some syntax errors (fixed in
# 1.7): not ours, so not a finding.
LSAN_OPTIONS="suppressions=$s/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
status=0
for t in $targets; do
	case $t in
	money|timescale) src="$util $core" libs= ;;
	csv) src=$util libs= ;;
	config|workflow) src="$util $core $conf" libs=$libconfig ;;
	args) src="$util $s/src/cli/args.c $s/src/cli/remote.c" libs= ;;
	*) echo "fuzz: no harness called $t" >&2; exit 2 ;;
	esac
	bin=$out/bin/fuzz_$t
	# shellcheck disable=SC2086
	if ! $cc $flags -o "$bin" "$s/tests/fuzz/fuzz_$t.c" \
	    "$s/tests/fuzz/common.c" $src $libs; then
		echo "fuzz: building the $t harness failed" >&2
		status=1
		continue
	fi
	mkdir -p "$out/work/$t"
	log=$out/work/$t.log
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix="$out/crashes/$t-" -print_final_stats=1 \
	    "$out/work/$t" "$s/tests/fuzz/corpus/$t" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
	corpus=$(ls "$out/work/$t" | wc -l)
	if [ $rc -eq 0 ]; then
		echo "fuzz $t: ${runs:-0} runs in ${seconds} s, coverage ${cov:-0}, corpus $corpus, no crash"
	else
		echo "fuzz $t: FAILED (exit $rc): see $log and $out/crashes/"
		tail -n 30 "$log"
		status=1
	fi
	if [ -n "${RELIABILITY_OUT:-}" ]; then
		echo "fuzz $t runs=${runs:-0} secs=$seconds cov=${cov:-0} corpus=$corpus crash=$([ $rc -eq 0 ] && echo 0 || echo 1)" >>"$RELIABILITY_OUT"
	fi
done
exit $status
