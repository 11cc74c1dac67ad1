# tmux.sh: the harness of the end-to-end tests that drive the real
# coopcom in a terminal.
#
# A test script sources this file instead of ../cli/lib.sh (which it
# sources in turn, for the temporary folder, `run`, the expect_* checks
# and `finish`). It starts coopcom in sessions of a private tmux server
# (its own socket, coopcom-e2e-PID, and no configuration file), types at
# it with `send` and `send_text`, and reads the screen back with `screen`
# and `wait_for`, which polls every 0.1 s up to a timeout so that no test
# depends on how fast the machine is. The server is killed when the
# script exits, however it exits; nobody else's tmux is touched.
#
# Most functions act on the session named by $TARGET (the last one
# started, or set it); `-t NAME` as the first argument names another for
# that call only.
#
# Sanitizer reports of any process the test starts go to files under
# $TMP/san; `e2e_finish` counts each one as a failure.
#
# Without tmux the script is skipped (exit 77, automake's SKIP), or under
# CI, whose test command installs tmux, failed.

if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e-$(basename "$0" .sh): tmux is not installed: skipped"
	[ -n "${CI:-}" ] && exit 1
	exit 77
fi

. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

test_name=e2e-$(basename "$0" .sh)
TMUX_SOCKET=coopcom-e2e-$$
TARGET=
pane_status=
# An ncurses program believes LINES and COLUMNS over the terminal.
unset TMUX TMUX_PANE LINES COLUMNS
mkdir -p "$TMP/san" || exit 99
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$TMP/san/asan"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$TMP/san/ubsan:print_stacktrace=1"

# tm ARGS...: tmux, on the private server only.
tm()
{
	tmux -L "$TMUX_SOCKET" -f /dev/null "$@"
}

# The server leaves its socket behind: it goes too.
e2e_cleanup()
{
	local sock

	sock=$(tm display-message -p '#{socket_path}' 2>/dev/null)
	tm kill-server >/dev/null 2>&1
	case $sock in */$TMUX_SOCKET) rm -f "$sock" ;; esac
	cleanup
}
trap e2e_cleanup EXIT

# e2e_skip REASON: the whole script is skipped (under CI, failed:
# lib.sh's missing_all).
e2e_skip()
{
	missing_all "$@"
}

# Sets $TARGET from a leading "-t NAME"; the caller declares TARGET and
# shifted local first, and then does `shift $shifted`.
target_arg()
{
	shifted=0
	if [ "${1-}" = -t ]; then
		TARGET=$2
		shifted=2
	fi
}

# term_start NAME COLS LINES [VAR=VALUE...] [-- COMMAND [ARG...]]:
# a new session NAME of COLS x LINES whose only pane runs COMMAND (by
# default an interactive sh with the prompt "e2e$ ") with TERM=xterm-
# 256color unless a VAR=VALUE says otherwise. The pane stays on the
# screen when its program ends, so that its exit status can be read.
term_start()
{
	local name=$1 cols=$2 lines=$3

	shift 3
	local env=(TERM=xterm-256color)
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		env+=("$1")
		shift
	done
	[ "${1-}" = -- ] && shift
	if [ $# -eq 0 ]; then
		set -- sh -i
		env+=("PS1=e2e\$ " ENV=/dev/null)
	fi
	if ! tm has-session 2>/dev/null; then
		tm start-server \; set -g exit-empty off \; \
		    set -g remain-on-exit on \; set -g history-limit 0 || exit 99
	fi
	TARGET=$name
	# Given as separate words, the command is run without a shell.
	tm new-session -d -s "$name" -x "$cols" -y "$lines" \
	    env "${env[@]}" "$@" || exit 99
}

# send [-t NAME] KEY...: tmux key names (Enter, Escape, C-x, Down, ...).
send()
{
	local TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	tm send-keys -t "$TARGET" "$@"
}

# send_text [-t NAME] TEXT: TEXT typed as it is, UTF-8 included.
send_text()
{
	local TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	tm send-keys -t "$TARGET" -l -- "$1"
}

# screen [-t NAME]: what the pane shows now, one line per row.
screen()
{
	local TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	tm capture-pane -p -t "$TARGET"
}

# screen_attrs [-t NAME]: the same, with the attributes as escape
# sequences (reverse video is ESC [7m, or 7 among other numbers).
screen_attrs()
{
	local TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	tm capture-pane -p -e -t "$TARGET"
}

# pane_format [-t NAME] FORMAT: a tmux format of the pane, such as
# #{pane_pid}, #{alternate_on} or #{cursor_flag}.
pane_format()
{
	local TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	tm display-message -p -t "$TARGET" "$1"
}

# wait_for [-t NAME] TEXT [TIMEOUT]: waits until the screen shows TEXT
# (a fixed string), polling every 0.1 s for up to TIMEOUT seconds (10 by
# default). The last screen read is left in $TMP/.screen.
wait_for()
{
	local TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	poll -F "$1" "${2:-10}"
}

# wait_for_re [-t NAME] REGEX [TIMEOUT]: likewise, for an extended regex.
wait_for_re()
{
	local TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	poll -E "$1" "${2:-10}"
}

# wait_gone [-t NAME] TEXT [TIMEOUT]: waits until TEXT is not shown.
wait_gone()
{
	local tries TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	tries=$(( ${2:-10} * 10 ))
	while [ "$tries" -gt 0 ]; do
		screen >"$TMP/.screen"
		if ! grep -qF -- "$1" "$TMP/.screen"; then return 0; fi
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}

# wait_until SECONDS COMMAND...: runs COMMAND every 0.1 s until it
# succeeds (0) or SECONDS have passed (1).
wait_until()
{
	local tries=$(( $1 * 10 ))

	shift
	until "$@"; do
		tries=$((tries - 1))
		if [ "$tries" -le 0 ]; then return 1; fi
		sleep 0.1
	done
}

# poll -F|-E PATTERN SECONDS: what wait_for and wait_for_re share.
poll()
{
	local how=$1 what=$2 tries=$(( $3 * 10 ))

	while :; do
		screen >"$TMP/.screen"
		if grep -q "$how" -- "$what" "$TMP/.screen"; then return 0; fi
		tries=$((tries - 1))
		if [ "$tries" -le 0 ]; then return 1; fi
		sleep 0.1
	done
}

# fail_screen DESCRIPTION [FILE]: a failure, with the screen it was seen
# on (the last one read by default).
fail_screen()
{
	local file=${2:-$TMP/.screen}
	local out_file=/dev/null err_file=/dev/null status=${pane_status:-?}
	local last_cmd="the terminal of session $TARGET"

	fail "$1"
	echo "    screen:"
	sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$file" | cat -v |
	    sed 's/^/      |/'
}

# expect_screen [-t NAME] TEXT [DESCRIPTION [TIMEOUT]]: the screen shows
# TEXT within TIMEOUT seconds.
expect_screen()
{
	local TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	if wait_for "$1" "${3:-10}"; then
		pass "${2:-screen shows \"$1\"}"
	else
		fail_screen "${2:-screen shows \"$1\"}"
	fi
}

# expect_screen_re [-t NAME] REGEX [DESCRIPTION [TIMEOUT]]
expect_screen_re()
{
	local TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	if wait_for_re "$1" "${3:-10}"; then
		pass "${2:-screen matches /$1/}"
	else
		fail_screen "${2:-screen matches /$1/}"
	fi
}

# expect_screen_lacks [-t NAME] TEXT [DESCRIPTION]: the screen, as it is
# now, does not show TEXT. Wait for something first, so that "now" is
# after whatever was typed.
expect_screen_lacks()
{
	local TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	screen >"$TMP/.screen"
	if grep -qF -- "$1" "$TMP/.screen"; then
		fail_screen "${2:-screen lacks \"$1\"}"
	else
		pass "${2:-screen lacks \"$1\"}"
	fi
}

# wait_exit [-t NAME] [TIMEOUT]: waits for the pane's program to end and
# sets $pane_status to its exit status (128 + N for signal N); returns 1
# if it is still running after TIMEOUT seconds (10 by default).
#
# A tmux built with libutempter can miss a SIGCHLD (utempter's own
# handler is in place while a pane is being marked dead), leaving the
# program a zombie and its status unknown; a pane that is dead without a
# status gets the server a SIGCHLD of its own, so that it reaps it.
wait_exit()
{
	local tries st TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	tries=$(( ${1:-10} * 10 ))
	pane_status=
	while [ "$tries" -gt 0 ]; do
		st=$(pane_format '#{?pane_dead,#{pane_dead_status}:#{pane_dead_signal},}')
		case $st in
		[0-9]*:) pane_status=${st%:}; return 0 ;;
		:[0-9]*) pane_status=$((128 + ${st#:})); return 0 ;;
		:) kill -CHLD "$(tm display-message -p '#{pid}')" 2>/dev/null ;;
		esac
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}

# expect_exit [-t NAME] STATUS [DESCRIPTION]: the pane's program ends with
# STATUS within 10 seconds.
expect_exit()
{
	local what TARGET=$TARGET shifted

	target_arg "$@"
	shift $shifted
	what=${2:-coopcom in $TARGET exits with status $1}
	if ! wait_exit; then
		screen >"$TMP/.screen"
		fail_screen "$what (still running)"
	elif [ "$pane_status" = "$1" ]; then
		pass "$what"
	else
		screen >"$TMP/.screen"
		fail_screen "$what (got $pane_status)"
	fi
}

# bail REASON: stops the script here (what follows depends on what
# failed), with the tally so far.
bail()
{
	echo "$test_name: stopping: $*"
	e2e_finish
}

# e2e_finish: every sanitizer report is a failure; then the tally.
e2e_finish()
{
	local f out_file=/dev/null err_file=/dev/null status=-
	local last_cmd="a program this test ran"

	for f in "$TMP"/san/*; do
		[ -e "$f" ] || continue
		fail "sanitizer report $(basename "$f")"
		head -n 40 "$f" | sed 's/^/      /'
	done
	finish
}
