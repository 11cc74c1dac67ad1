#!/bin/sh
# brief.sh: make check's fuzzing run. Every harness is built with clang
# and run under libFuzzer for FUZZ_CHECK_SECONDS (5) seconds each
# (tests/fuzz/run.sh), so every CI run fuzzes money, timescales, the CSV
# reader, the config and workflow files and the command line for a
# bounded time; make fuzz runs them for a minute each. It works in a
# folder of its own, removed afterwards unless a harness failed (then
# its crash input is there). Skipped without clang, failed under CI
# without it.
here=$(cd "$(dirname "$0")" && pwd)
FUZZ_OUT=$(mktemp -d "${TMPDIR:-/tmp}/coopcom-fuzz.XXXXXX") || exit 99
FUZZ_SECONDS=${FUZZ_CHECK_SECONDS:-5}
export FUZZ_OUT FUZZ_SECONDS
unset RELIABILITY_OUT
sh "$here/run.sh"
rc=$?
if [ $rc -eq 0 ] || [ $rc -eq 77 ]; then
	rm -rf "$FUZZ_OUT"
else
	echo "brief: the inputs that failed are in $FUZZ_OUT/crashes/"
fi
exit $rc
