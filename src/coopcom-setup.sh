#!/bin/sh
# coopcom-setup: prepare a shared host where one service account owns the
# coopcom database and people reach it over SSH (docs/deployment.md).
#
#   coopcom-setup [-u USER] [-d HOME] [-c CONFIG] [-p PROGRAM]
#
# Run as root; running it again changes nothing that is already right.
#   - USER (coopcom) is made a system account with HOME
#     (/var/lib/coopcom) as its home and /bin/sh as its shell (sshd runs
#     a forced command through the shell), with no password;
#   - HOME and HOME/.ssh belong to root, so the account cannot change its
#     own keys or add a configuration of its own; authorized_keys is
#     root's, mode 0644, written only by coopcom-keys;
#   - HOME/.local/share/coopcom (the database) and
#     HOME/.local/state/coopcom (the drafts of interrupted forms, kept
#     when a connection drops) belong to USER, mode 0700, out of
#     everyone else's reach;
#   - CONFIG (/etc/coopcom.conf) is written, root's, mode 0644, with
#     trust_as = true and the database's path; an existing one is checked,
#     not changed.
# Then it prints the next steps: make the database, add people's keys,
# and the sshd settings to add.
set -eu

prog="coopcom-setup"
user=coopcom
home=/var/lib/coopcom
config=/etc/coopcom.conf
coopcom=@bindir@/coopcom

die()
{
	echo "$prog: $*" >&2
	exit 1
}

while getopts u:d:c:p: opt; do
	case $opt in
	u) user=$OPTARG ;;
	d) home=$OPTARG ;;
	c) config=$OPTARG ;;
	p) coopcom=$OPTARG ;;
	*) echo "usage: $prog [-u USER] [-d HOME] [-c CONFIG] [-p PROGRAM]" >&2
	   exit 2 ;;
	esac
done
[ "$(id -u)" -eq 0 ] || die "run me as root"
case $home in /*) ;; *) die "HOME must be an absolute path" ;; esac
case $home$config in
*[!A-Za-z0-9/._+-]*) die "paths may hold only letters, digits and / . _ + -" ;;
esac

if ! getent passwd "$user" >/dev/null; then
	useradd --system --home-dir "$home" --no-create-home \
	    --shell /bin/sh --comment "coopcom service account" "$user"
	echo "made the account $user"
fi
group=$(id -gn "$user")
data=$home/.local/share/coopcom
state=$home/.local/state/coopcom

# root's folders (the account may read, not change them), then its own.
for d in "$home" "$home/.ssh" "$home/.local" "$home/.local/share" \
    "$home/.local/state"; do
	mkdir -p "$d"
	chown root:root "$d"
	chmod 755 "$d"
done
for d in "$data" "$state"; do
	mkdir -p "$d"
	chown "$user:$group" "$d"
	chmod 700 "$d"
done
keys=$home/.ssh/authorized_keys
[ -e "$keys" ] || : >"$keys"
chown root:root "$keys"
chmod 644 "$keys"

if [ -e "$config" ]; then
	owner=$(stat -c %u "$config")
	mode=$(stat -c %a "$config")
	[ "$owner" -eq 0 ] || die "$config must belong to root (it belongs to uid $owner)"
	case $mode in
	*[2367]?|*[2367]) die "$config must be writable by root alone (mode $mode)" ;;
	esac
	grep -q '^[[:space:]]*trust_as[[:space:]]*[=:][[:space:]]*true' "$config" ||
	    die "$config exists without trust_as = true: add it (and database = \"$data/coopcom.db\";)"
	echo "$config is in order"
else
	mkdir -p "$(dirname "$config")"
	cat >"$config" <<CONF
# coopcom on a shared host: one service account ($user) owns the
# database; each person's SSH key forces coopcom --as LOGIN (coopcom-keys).
trust_as = true;
database = "$data/coopcom.db";
CONF
	chown root:root "$config"
	chmod 644 "$config"
	echo "wrote $config"
fi

cat <<EOF

Next:
  1. Make the database, with yourself as its administrator:
       runuser -u $user -- $coopcom --as YOUR_LOGIN init
  2. Give each person coopcom over SSH (and take it away) with:
       coopcom-keys -u $user add LOGIN their_key.pub
       coopcom-keys -u $user remove LOGIN
     and add them as people: runuser -u $user -- $coopcom --as YOUR_LOGIN add person ...
  3. Add to /etc/ssh/sshd_config.d/coopcom.conf, then reload sshd:
       Match User $user
           AuthenticationMethods publickey
           AllowTcpForwarding no
           AllowStreamLocalForwarding no
           AllowAgentForwarding no
           X11Forwarding no
           PermitTunnel no
           PermitUserRC no
           PermitTTY yes
EOF
