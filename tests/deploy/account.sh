#!/bin/bash
# account.sh: the service account as coopcom-setup lays it out, used by
# an account that is not root.
#
# ssh.sh must use root as the service account (sshd logs in only as a
# real account with a shell), and root may write anywhere. Here Debian's
# own unprivileged account, nobody, stands for the service account, with
# the folders coopcom-setup makes (the home and ~/.local root's):
#   - the account can make the database, and it is the account's;
#   - it cannot write its own ~/.ssh or home;
#   - a form open in the full-screen interface when the connection drops
#     (SIGHUP) is kept as a draft in the account's ~/.local/state, and
#     the next start offers it back.
# Needs root, setpriv (util-linux) and tmux; otherwise skipped (77), or
# under CI failed.
. "$(dirname "$0")/../cli/lib.sh"
test_name=deploy-account

[ "$(id -u)" -eq 0 ] || missing_all "becoming another account needs root"
command -v setpriv >/dev/null || missing_all "setpriv (util-linux) is not installed"
command -v tmux >/dev/null || missing_all "tmux is not installed"
getent passwd nobody >/dev/null || missing_all "there is no account nobody"

# The account must reach the folder and the program.
chmod 755 "$TMP"
cp "$COOPCOM" "$TMP/coopcom" && chmod 755 "$TMP/coopcom" || exit 99
SVC=$TMP/svc
CONF=$TMP/etc/coopcom.conf
DB=$SVC/.local/share/coopcom/coopcom.db
run sh "$top_srcdir/src/coopcom-setup.sh" -u nobody -d "$SVC" -c "$CONF" \
    -p "$TMP/coopcom"
expect_status 0 "coopcom-setup lays out the folders for nobody"
check "the drafts' folder is the account's alone" \
    test "$(stat -c %U:%a "$SVC/.local/state/coopcom")" = nobody:700

# As nobody, with the environment sshd gives: run "${as_svc[@]}" COMMAND.
as_svc=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups
    env -i HOME="$SVC" PATH=/usr/bin:/bin LC_ALL=C.UTF-8 TERM=xterm)
run "${as_svc[@]}" "$TMP/coopcom" --config "$CONF" --as fmercer init --demo
expect_status 0 "the account makes the database"
check "the database is the account's" test "$(stat -c %U "$DB")" = nobody
run "${as_svc[@]}" sh -c ": >'$SVC/.ssh/authorized_keys'"
expect_failure "the account cannot write its own keys"
run "${as_svc[@]}" mkdir "$SVC/.config"
expect_failure "nor its home (no configuration of its own)"

# A dropped connection with a form open: the draft is kept.
sock=coopcom-account-$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; cleanup' EXIT
seen()
{
	local i
	for i in $(seq 100); do
		tm capture-pane -p -t t 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	return 1
}
launch()
{
	tm kill-server >/dev/null 2>&1
	tm new-session -d -s t -x 120 -y 40 "echo \$\$ >$TMP/pid; exec \
	    ${as_svc[*]} $TMP/coopcom --config $CONF --as fmercer \
	    2>$TMP/stderr"
}
launch
check "the full-screen interface opens as fmercer" seen " fmercer, "
tm send-keys -t t a
check "a opens a form" seen "New commission"
tm send-keys -t t -l "TST"
tm send-keys -t t Tab
tm send-keys -t t -l "Dropped"
check "the form shows what was typed" seen "Dropped"
kill -HUP "$(cat "$TMP/pid")"
for _ in $(seq 50); do
	kill -0 "$(cat "$TMP/pid")" 2>/dev/null || break
	sleep 0.1
done
check "SIGHUP: it says the form is kept as a draft" \
    grep -q "kept as a draft" "$TMP/stderr"
check "SIGHUP: and no error about the drafts' folder" \
    eval '! grep -q "cannot" "$TMP/stderr"'
check "the draft is in the account's ~/.local/state" \
    test -n "$(find "$SVC/.local/state/coopcom" -name '*.json' -user nobody)"
launch
check "the next start offers the draft back" seen "unsaved draft"
tm send-keys -t t r
check "r restores what was typed" seen "Dropped"
finish
