#!/bin/bash
# ssh.sh: coopcom behind a real sshd, as docs/deployment.md sets it up.
#
# Starts Debian's sshd on a free loopback port with a configuration of
# the test's own, lays the service account out with coopcom-setup (the
# account is root here, the test's user: sshd can log in only as a real
# account, and making one would change the machine) and gives two people
# keys with coopcom-keys, on the demo database:
#   - each key lands in coopcom as its person, on the command line
#     (ssh host whoami) and in the full-screen interface (ssh -t host, in
#     tmux), where C-z, !, and q give no shell and R writes no file;
#   - the chair of BRK can edit BRK's recommendation but not EMP's;
#   - ssh host sh, ssh host -- coopcom --as someone-else, a command line
#     with ; or $( ), a command that would write a file on the host
#     (backup), and port forwarding (-L) all fail;
#   - once coopcom-keys removes a key, it no longer gets in.
# Needs root (sshd, and --as trusts only a root-owned configuration),
# openssh-server, openssh-client and tmux; otherwise it is skipped (77),
# or under CI failed (lib.sh's missing_all).
. "$(dirname "$0")/../cli/lib.sh"
test_name=deploy-ssh

[ "$(id -u)" -eq 0 ] || missing_all "sshd and a trusted --as need root"
[ -x /usr/sbin/sshd ] || missing_all "sshd is not installed (apt-get install openssh-server)"
command -v ssh >/dev/null || missing_all "ssh is not installed (apt-get install openssh-client)"
command -v ssh-keygen >/dev/null || missing_all "ssh-keygen is not installed"

# A copy of the binary, so a rebuild of the tree during the run cannot
# disturb it.
cp "$COOPCOM" "$TMP/coopcom" && COOPCOM=$TMP/coopcom || exit 99
KEYS_SCRIPT=$top_srcdir/src/coopcom-keys.sh
SETUP_SCRIPT=$top_srcdir/src/coopcom-setup.sh
SVC=$TMP/svc
CONF=$TMP/cfg/coopcom/config
DB=$SVC/.local/share/coopcom/coopcom.db

run sh "$SETUP_SCRIPT" -u root -d "$SVC" -c "$CONF" -p "$COOPCOM"
expect_status 0 "coopcom-setup lays out the service account"
check "the config is root's, mode 644, and trusts --as" \
    grep -q '^trust_as = true;' "$CONF"
check "authorized_keys is root's, mode 644" \
    test "$(stat -c %U:%a "$SVC/.ssh/authorized_keys")" = root:644
check "the data folder is the account's alone" \
    test "$(stat -c %a "$SVC/.local/share/coopcom")" = 700
run sh "$SETUP_SCRIPT" -u root -d "$SVC" -c "$CONF" -p "$COOPCOM"
expect_status 0 "coopcom-setup run again changes nothing"
expect_out_contains "is in order"

cc() { run coopcom --config "$CONF" --as fmercer "$@"; }
cc init --demo
expect_status 0 "the demo database, made through the trusted config"

for who in bkeogh ollewellyn stranger; do
	ssh-keygen -q -t ed25519 -N '' -C "$who@laptop" -f "$TMP/$who" ||
	    exit 99
done
keys() { run sh "$KEYS_SCRIPT" -f "$SVC/.ssh/authorized_keys" -c "$COOPCOM" "$@"; }
keys add bkeogh "$TMP/bkeogh.pub"
expect_status 0 "coopcom-keys adds bkeogh's key"
keys add ollewellyn "$TMP/ollewellyn.pub"
expect_status 0 "coopcom-keys adds ollewellyn's key"
check "each line is restrict,pty and forces coopcom --as" \
    grep -q "^restrict,pty,command=\"$COOPCOM --as bkeogh\" ssh-ed25519 " \
    "$SVC/.ssh/authorized_keys"

ssh-keygen -q -t ed25519 -N '' -f "$TMP/hostkey" || exit 99
mkdir -p /run/sshd
cat >"$TMP/sshd_config" <<CONF
ListenAddress 127.0.0.1
HostKey $TMP/hostkey
PidFile $TMP/sshd.pid
AuthorizedKeysFile $SVC/.ssh/authorized_keys
PermitRootLogin forced-commands-only
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
# StrictModes would refuse keys under /tmp (mode 1777) on the way up;
# the production layout (coopcom-setup) passes it.
StrictModes no
# The service account's home; root's own ~/.bashrc (bash reads it for a
# command from sshd) stays out of it. coopcom-setup gives the account
# /bin/sh, which reads nothing.
SetEnv HOME=$SVC XDG_CONFIG_HOME=$TMP/cfg XDG_DATA_HOME=$SVC/.local/share
LogLevel VERBOSE
CONF

sshd_pid=
tmux_sock=coopcom-ssh-$$
stop()
{
	[ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null
	tmux -L "$tmux_sock" kill-server >/dev/null 2>&1
	[ -n "${fwd_pid:-}" ] && kill "$fwd_pid" 2>/dev/null
	cleanup
}
trap stop EXIT

# A free port: try a few at random until sshd stays up on one.
for try in 1 2 3 4 5; do
	PORT=$((20000 + RANDOM % 40000))
	/usr/sbin/sshd -D -f "$TMP/sshd_config" -p "$PORT" -E "$TMP/sshd.log" &
	sshd_pid=$!
	for _ in $(seq 50); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
			break 2
		fi
		kill -0 "$sshd_pid" 2>/dev/null || break
		sleep 0.1
	done
	kill "$sshd_pid" 2>/dev/null
	wait "$sshd_pid" 2>/dev/null
	sshd_pid=
done
if [ -z "$sshd_pid" ]; then
	cat "$TMP/sshd.log" >&2
	missing_all "sshd could not be started (see its log above)"
fi
pass "sshd listens on 127.0.0.1:$PORT"

sshopts=(-F /dev/null -p "$PORT" -o StrictHostKeyChecking=no
    -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o IdentitiesOnly=yes
    -o LogLevel=ERROR -o ConnectTimeout=10)
as() { local who=$1; shift; run ssh "${sshopts[@]}" -i "$TMP/$who" root@127.0.0.1 "$@"; }

as bkeogh whoami
expect_status 0 "bkeogh's key: ssh host whoami"
expect_out_contains "login: bkeogh" "bkeogh's key lands in coopcom as bkeogh"
expect_out_contains "chair of CC-BRK"
as ollewellyn whoami
expect_out_contains "login: ollewellyn" "ollewellyn's key lands as ollewellyn"
# refused WHO WHAT: sshd itself turns the key away (ssh exits 255).
refused()
{
	ssh "${sshopts[@]}" -i "$TMP/$1" root@127.0.0.1 whoami >/dev/null \
	    2>"$TMP/refused.err"
	check "$2 (ssh exit $?)" grep -q "Permission denied" "$TMP/refused.err"
}
refused stranger "a key that was never added does not get in"

# The chair of BRK, on BRK's recommendation and on EMP's.
as bkeogh edit recommendation CC-BRK-03 --title "'A youth café, run by young people'"
expect_status 0 "the chair of BRK edits BRK's recommendation over SSH"
as bkeogh edit recommendation CC-EMP-03 --title "'Taken over'"
expect_status 5 "the chair of BRK cannot edit EMP's recommendation"
cc show recommendation CC-EMP-03
expect_out_contains "An apprenticeship pledge" "EMP's recommendation is unchanged"
as ollewellyn edit recommendation CC-EMP-03 --title "'An apprenticeship pledge, signed'"
expect_status 0 "EMP's own chair can"
as bkeogh impact CC-BRK-03
expect_status 0 "the impact grid can be read over SSH"
expect_out_contains "Finance"
as bkeogh report --format csv
expect_status 5 "report (which can write a file on the host) is refused"

# No way out to anything else.
as bkeogh sh
expect_failure "ssh host sh is refused"
expect_err_contains "over SSH coopcom runs one of its own commands"
as bkeogh 'sh -c id'
expect_failure "ssh host 'sh -c id' is refused"
expect_out_lacks "uid=" "and runs no id"
as bkeogh -- coopcom --as ollewellyn whoami
expect_failure "ssh host -- coopcom --as ollewellyn is refused"
expect_out_lacks "login: ollewellyn" "and does not act as ollewellyn"
as bkeogh whoami --as ollewellyn
expect_failure "an --as after the command is refused too"
as bkeogh -- --as ollewellyn whoami
expect_failure "an --as before the command is refused"
as bkeogh 'whoami; id'
expect_out_lacks "uid=" "; is not a shell's"
as bkeogh 'list people $(id) `id`'
expect_out_lacks "uid=" '$( ) and backquotes are not a shell'"'"'s'
as bkeogh backup "$TMP/stolen.db"
expect_failure "backup (a file on the host) is refused over SSH"
check "and no file was written" test ! -e "$TMP/stolen.db"
as bkeogh config --list
expect_failure "config (paths on the host) is refused over SSH"

# Port forwarding: a tunnel to the sshd itself would show its banner.
LPORT=$((PORT + 1))
ssh "${sshopts[@]}" -i "$TMP/bkeogh" -N -L "$LPORT:127.0.0.1:$PORT" \
    root@127.0.0.1 2>"$TMP/fwd.err" &
fwd_pid=$!
sleep 1
banner=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$LPORT && \
    timeout 2 head -c 7 <&3" 2>/dev/null)
check "port forwarding (-L) carries nothing (got \"$banner\")" \
    test "$banner" != "SSH-2.0"
kill "$fwd_pid" 2>/dev/null
wait "$fwd_pid" 2>/dev/null
fwd_pid=
check "sshd refused the forward" grep -qiE \
    "refused local port forward|administratively prohibited|open failed" \
    "$TMP/sshd.log" "$TMP/fwd.err"

# The full-screen interface over ssh -t, in a terminal of tmux's.
if command -v tmux >/dev/null; then
	tm() { tmux -L "$tmux_sock" -f /dev/null "$@"; }
	screen_has()
	{
		local i
		for i in $(seq 100); do
			if tm capture-pane -p -t tui 2>/dev/null | grep -qF -- "$1"
			then
				return 0
			fi
			sleep 0.1
		done
		return 1
	}
	tm new-session -d -s tui -x 120 -y 40 \
	    "ssh ${sshopts[*]} -tt -i $TMP/bkeogh root@127.0.0.1; echo SSH-ENDED \$?; sleep 30"
	check "ssh -t: the full-screen interface opens as bkeogh" \
	    screen_has " bkeogh, "
	tm send-keys -t tui C-z
	tm send-keys -t tui '!' 's' 'h' Enter
	sleep 1
	tm send-keys -t tui Escape Escape
	check "C-z and !sh leave coopcom where it was" screen_has " bkeogh, "
	# R, p and x write a file; over SSH that file would be the service
	# account's, anywhere it may write.
	tm send-keys -t tui R
	check "R asks where to write the report" screen_has "report to Cabinet to"
	tm send-keys -t tui C-u
	tm send-keys -t tui -l "$TMP/stolen-report.md"
	tm send-keys -t tui Enter
	check "over SSH the interface writes no file on the host" \
	    screen_has "writes no file on the host"
	check "and the report is not there" test ! -e "$TMP/stolen-report.md"
	tm send-keys -t tui q
	check "q ends the connection" screen_has "SSH-ENDED"
	tm capture-pane -p -t tui >"$TMP/pane"
	check "and leaves no shell behind" eval '! grep -qE "^[#$] *$|uid=" "$TMP/pane"'
else
	missing "tmux is not installed: the full-screen interface over ssh -t is not tried"
fi

keys remove bkeogh
expect_status 0 "coopcom-keys removes bkeogh's key"
refused bkeogh "the removed key no longer gets in"
as ollewellyn whoami
expect_out_contains "login: ollewellyn" "the other person still does"

cc check
expect_status 0 "coopcom check passes after it all"
finish
