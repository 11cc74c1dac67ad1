# lib.sh: the harness shared by the end-to-end tests of the coopcom binary.
#
# A test script sources this file, runs the real binary with `run` and
# states what it expects with the expect_* functions; `finish` prints the
# tally ("cli-basic: 23 passed, 0 failed") and exits non-zero on any
# failure. Each script gets a fresh temporary folder, which is also its
# working directory, with XDG_DATA_HOME, XDG_CONFIG_HOME and HOME inside
# it, so nothing outside is read or written; it is removed on exit.
#
# The binary is $top_builddir/coopcom and fixtures come from $top_srcdir
# (make check exports both); run by hand, both default to the top of the
# tree this file is in.
#
# A program crash is never an acceptable answer to bad input, so `run`
# counts one as a failure by itself: an exit status of 128 or more (a
# signal), a timeout, or a sanitizer report on stderr.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_srcdir=$(cd "${top_srcdir:-$here/../..}" && pwd)
top_builddir=$(cd "${top_builddir:-$here/../..}" && pwd)
export top_srcdir top_builddir
COOPCOM=$top_builddir/coopcom
test_name=cli-$(basename "$0" .sh)

n_pass=0
n_fail=0
finished=0
status=0
out=
err=
last_cmd=

if [ ! -x "$COOPCOM" ]; then
	echo "$test_name: $COOPCOM is missing; build it first (make coopcom)" >&2
	exit 99
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/coopcom-$test_name.XXXXXX") || exit 99
out_file=$TMP/.out
err_file=$TMP/.err

cleanup()
{
	# A test may leave a folder with mode 000 behind.
	chmod -R u+rwx "$TMP" 2>/dev/null
	rm -rf "$TMP"
	if [ "$finished" -eq 0 ]; then
		echo "$test_name: the script stopped before finish" \
		    "($n_pass passed, $n_fail failed)" >&2
		exit 99
	fi
}
trap cleanup EXIT
trap 'exit 99' HUP INT TERM

export XDG_DATA_HOME=$TMP/data XDG_CONFIG_HOME=$TMP/config HOME=$TMP/home
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME/coopcom" "$HOME" || exit 99
# An empty user config hides any /etc/coopcom.conf on this machine.
: >"$XDG_CONFIG_HOME/coopcom/config"
unset COOPCOM_DB NO_COLOR
export LC_ALL=${LC_ALL:-C.UTF-8}
cd "$TMP" || exit 99

# The login coopcom will see (it asks for the effective uid's name).
ME=$(id -un)

pass()
{
	n_pass=$((n_pass + 1))
	echo "ok $((n_pass + n_fail)) - $*"
}

fail()
{
	n_fail=$((n_fail + 1))
	echo "FAIL $((n_pass + n_fail)) - $*"
	echo "    after: $last_cmd (exit $status)"
	if [ -s "$out_file" ]; then
		echo "    stdout:"
		head -c 2000 "$out_file" | cat -v | sed 's/^/      /'
	fi
	if [ -s "$err_file" ]; then
		echo "    stderr:"
		head -c 2000 "$err_file" | cat -v | sed 's/^/      /'
	fi
}

# check DESCRIPTION COMMAND...: pass when COMMAND succeeds.
check()
{
	local what=$1

	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

skip()
{
	echo "skip - $*"
}

# missing WHAT: a check that cannot run for want of a tool, or of root, is
# skipped; under CI (.ci/run sets CI), whose test command installs every
# tool and runs as root, it fails instead, so a check never silently stops
# running.
missing()
{
	if [ -n "${CI:-}" ]; then
		fail "$* (under CI it must run)"
	else
		skip "$*"
	fi
}

# missing_all WHAT: the same for the whole script: skipped (77), or under
# CI failed.
missing_all()
{
	finished=1
	if [ -n "${CI:-}" ]; then
		echo "$test_name: $*: under CI it must run: FAILED"
		exit 1
	fi
	echo "$test_name: $*: skipped"
	exit 77
}

# The binary itself, so that tests read `run coopcom --db x.db list people`.
coopcom()
{
	"$COOPCOM" "$@"
}

# run COMMAND...: runs it with no input and captures stdout in $out (and
# $out_file), stderr in $err (and $err_file) and the exit status in $status.
run()
{
	last_cmd="$*"
	# timeout runs programs, not shell functions.
	if [ "$1" = coopcom ]; then
		shift
		set -- "$COOPCOM" "$@"
	fi
	if command -v timeout >/dev/null; then
		timeout -k 5 120 "$@" </dev/null >"$out_file" 2>"$err_file"
	else
		"$@" </dev/null >"$out_file" 2>"$err_file"
	fi
	status=$?
	out=$(cat "$out_file")
	err=$(cat "$err_file")
	if [ "$status" -ge 124 ] || grep -aqE 'Sanitizer|runtime error' \
	    "$err_file"; then
		fail "no crash or hang (exit $status)"
	fi
	return 0
}

expect_status()
{
	if [ "$status" -eq "$1" ]; then
		pass "${2:-exit $1: $last_cmd}"
	else
		fail "${2:-exit $1: $last_cmd} (got $status)"
	fi
}

# A non-zero exit status that is not a crash.
expect_failure()
{
	if [ "$status" -ne 0 ] && [ "$status" -lt 124 ]; then
		pass "${1:-refused: $last_cmd}"
	else
		fail "${1:-refused: $last_cmd} (got $status)"
	fi
}

expect_out_contains()
{
	if grep -aqF -- "$1" "$out_file"; then
		pass "${2:-stdout has \"$1\"}"
	else
		fail "${2:-stdout has \"$1\"}"
	fi
}

expect_out_lacks()
{
	if grep -aqF -- "$1" "$out_file"; then
		fail "${2:-stdout lacks \"$1\"}"
	else
		pass "${2:-stdout lacks \"$1\"}"
	fi
}

expect_err_contains()
{
	if grep -aqF -- "$1" "$err_file"; then
		pass "${2:-stderr has \"$1\"}"
	else
		fail "${2:-stderr has \"$1\"}"
	fi
}

# expect_out_line N TEXT: line N of stdout is exactly TEXT (a CSV line's
# final CR aside).
expect_out_line()
{
	local line

	line=$(sed -n "$1{s/\r\$//;p;q}" "$out_file")
	if [ "$line" = "$2" ]; then
		pass "${3:-stdout line $1 is \"$2\"}"
	else
		fail "${3:-stdout line $1 is \"$2\"} (got \"$line\")"
	fi
}

# expect_json PYTHON_EXPR [DESCRIPTION [ARG...]]: stdout parses as JSON
# and the expression, with the parsed value as d, is true; the ARGs are
# sys.argv[3:]. python3 is an independent parser.
expect_json()
{
	local expr=$1 what=${2:-json: $1}

	shift $(($# < 2 ? $# : 2))
	if ! command -v python3 >/dev/null; then
		skip "python3 is not installed: not checked: $expr"
		return 0
	fi
	if python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$out_file" "$expr" "$@" \
	    2>"$TMP/.py"; then
		pass "$what"
	else
		fail "$what"
		tail -n 1 "$TMP/.py" | sed 's/^/    python: /'
	fi
}

# file_sum PATH: a digest of the file's bytes (of its listing for a folder)
# and of which SQLite side files (-wal, -shm, -journal) sit beside it.
file_sum()
{
	local s

	{
		if [ -d "$1" ]; then
			(cd "$1" && find . | sort)
		elif [ -e "$1" ]; then
			cat "$1" 2>/dev/null || echo "unreadable"
		else
			echo "absent"
		fi
		for s in -wal -shm -journal; do
			if [ -e "$1$s" ]; then echo "side file $s"; fi
		done
	} | sha256sum | cut -d' ' -f1
}

declare -A remembered

# remember PATH...: notes each file's digest for expect_file_unchanged.
remember()
{
	local f

	for f in "$@"; do
		remembered[$f]=$(file_sum "$f")
	done
}

expect_file_unchanged()
{
	if [ -z "${remembered[$1]+set}" ]; then
		fail "${2:-$1 unchanged} (it was never remembered)"
	elif [ "$(file_sum "$1")" = "${remembered[$1]}" ]; then
		pass "${2:-$1 unchanged}"
	else
		fail "${2:-$1 unchanged}"
	fi
}

# write_config FILE MODE LINE...: a config file with one setting a line.
write_config()
{
	local f=$1 mode=$2

	shift 2
	printf '%s\n' "$@" >"$f" && chmod "$mode" "$f"
}

finish()
{
	finished=1
	echo "$test_name: $n_pass passed, $n_fail failed"
	if [ "$n_fail" -ne 0 ]; then exit 1; fi
	exit 0
}
