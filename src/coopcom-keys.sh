#!/bin/sh
# coopcom-keys: give a person coopcom over SSH, or take it away.
#
# On a shared host one service account owns the database, and each
# person's SSH key sits in that account's authorized_keys as
#
#   restrict,pty,command="/usr/local/bin/coopcom --as LOGIN" KEY coopcom:LOGIN
#
# so the key gets coopcom as LOGIN and nothing else (docs/deployment.md).
# This script is the one way to write those lines: it checks the login
# and the key, refuses a key already given to someone (sshd would use the
# first line that matches it, so one key must never stand for two
# people), and rewrites the file atomically (a new file beside it, then
# rename), so sshd never reads half a file.
#
#   coopcom-keys [-f FILE] [-u USER] [-c PROGRAM] add LOGIN [KEYFILE]
#   coopcom-keys [-f FILE] [-u USER] remove LOGIN
#   coopcom-keys [-f FILE] [-u USER] list
#
# add reads the public key (one line, as in id_ed25519.pub) from KEYFILE
# or standard input; a person may have several keys. remove takes away
# every key of LOGIN. -f names the authorized_keys file; by default it is
# ~USER/.ssh/authorized_keys of the service account USER (-u, default
# coopcom). -c names the coopcom program (default @bindir@/coopcom).
# Exit status: 0 done, 1 failed, 2 bad usage or input.
set -eu

prog="coopcom-keys"
user=coopcom
file=
coopcom=@bindir@/coopcom

die()
{
	echo "$prog: $*" >&2
	exit 1
}

bad()
{
	echo "$prog: $*" >&2
	exit 2
}

usage()
{
	cat >&2 <<EOF
usage: $prog [-f FILE] [-u USER] [-c PROGRAM] add LOGIN [KEYFILE]
       $prog [-f FILE] [-u USER] remove LOGIN
       $prog [-f FILE] [-u USER] list
EOF
	exit 2
}

while getopts f:u:c: opt; do
	case $opt in
	f) file=$OPTARG ;;
	u) user=$OPTARG ;;
	c) coopcom=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || usage
cmd=$1
shift

if [ -z "$file" ]; then
	home=$(getent passwd "$user" | cut -d: -f6) ||
	    die "there is no account $user (make it with coopcom-setup, or give -f FILE)"
	[ -n "$home" ] || die "the account $user has no home folder"
	file=$home/.ssh/authorized_keys
fi

# A login as coopcom and Unix know them: letters, digits, . _ -, not
# starting with - or ., at most 32 characters. Nothing that could close
# the quotes of command="..." or add an option.
check_login()
{
	case $1 in
	''|-*|.*|*[!A-Za-z0-9._-]*)
		bad "\"$1\" is not a login: use letters, digits, '.', '_' and '-'" ;;
	esac
	[ ${#1} -le 32 ] || bad "\"$1\" is longer than 32 characters"
}

check_program()
{
	case $1 in
	/*) ;;
	*) bad "the coopcom program must be an absolute path, not \"$1\"" ;;
	esac
	case $1 in
	*[!A-Za-z0-9/._+-]*) bad "the path \"$1\" has characters that cannot go in a forced command" ;;
	esac
}

# check_key LINE: sets key_type and key_blob from a public key line with
# no options in front; the comment is dropped (ours replaces it).
check_key()
{
	set -f
	# shellcheck disable=SC2086
	set -- $1
	set +f
	[ $# -ge 2 ] || bad "that is not an SSH public key (expected: TYPE BASE64 [COMMENT])"
	case $1 in
	ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|\
	ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh.com|\
	sk-ecdsa-sha2-nistp256@openssh.com) ;;
	ssh-dss) bad "DSA keys are too weak and are refused: make an ed25519 key (ssh-keygen -t ed25519)" ;;
	*) bad "\"$1\" is not a key type coopcom-keys accepts (the line must start with the type, e.g. ssh-ed25519, and carry no options)" ;;
	esac
	case $2 in
	''|*[!A-Za-z0-9+/=]*) bad "the key's base64 part is damaged" ;;
	esac
	key_type=$1
	key_blob=$2
	if command -v ssh-keygen >/dev/null 2>&1; then
		printf '%s %s\n' "$key_type" "$key_blob" >"$tmp.key"
		ssh-keygen -l -f "$tmp.key" >/dev/null 2>&1 ||
		    bad "ssh-keygen does not accept the key: it is damaged or not a public key"
	fi
}

# write_file: the new content (in $tmp) replaces the file in one rename,
# with the old file's owner and mode (root's, 0644, for a new one).
# (chown and chmod --reference are GNU coreutils, as on Debian.)
write_file()
{
	if [ -e "$file" ]; then
		chown --reference="$file" "$tmp" 2>/dev/null || true
		chmod --reference="$file" "$tmp"
	else
		chmod 644 "$tmp"
	fi
	mv -f "$tmp" "$file"
}

# One writer at a time: mkdir is atomic.
lock=$file.lock
dir=$(dirname "$file")
[ -d "$dir" ] || die "the folder $dir does not exist (coopcom-setup makes it)"
tmp=$(mktemp "$dir/.authorized_keys.XXXXXX") || die "cannot write in $dir"
tries=0
until mkdir "$lock" 2>/dev/null; do
	tries=$((tries + 1))
	[ $tries -lt 10 ] || { rm -f "$tmp"; die "$lock is held: is another coopcom-keys running? (remove it if not)"; }
	sleep 1
done
trap 'rm -f "$tmp" "$tmp.key"; rmdir "$lock" 2>/dev/null' EXIT
trap 'exit 1' HUP INT TERM
current=$file
[ -e "$file" ] || current=/dev/null

# The login a coopcom line is for: its comment, coopcom:LOGIN (awk text).
# shellcheck disable=SC2016
owner_of='function owner() { n = $NF; if (n !~ /^coopcom:/) return ""; sub(/^coopcom:/, "", n); return n }'

case $cmd in
add)
	if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
	login=$1
	check_login "$login"
	check_program "$coopcom"
	if [ $# -eq 2 ]; then
		[ -r "$2" ] || bad "cannot read the key file $2"
		keyline=$(grep -v '^[[:space:]]*\(#.*\)\{0,1\}$' "$2" || true)
	else
		keyline=$(grep -v '^[[:space:]]*\(#.*\)\{0,1\}$' || true)
	fi
	[ -n "$keyline" ] || bad "no key given (give KEYFILE, or the key on standard input)"
	[ "$(printf '%s\n' "$keyline" | wc -l)" -eq 1 ] ||
	    bad "give one key at a time"
	check_key "$keyline"
	owner=$(awk -v blob="$key_blob" "$owner_of"'
	    { for (i = 1; i <= NF; i++) if ($i == blob) { print owner() == "" ? "a line not written by coopcom-keys" : owner(); exit } }' "$current")
	if [ -n "$owner" ]; then
		bad "that key is already installed (for $owner); one key cannot stand for two people"
	fi
	cat "$current" >"$tmp"
	printf 'restrict,pty,command="%s --as %s" %s %s coopcom:%s\n' \
	    "$coopcom" "$login" "$key_type" "$key_blob" "$login" >>"$tmp"
	write_file
	echo "$login can now use coopcom over SSH with that key"
	;;
remove)
	[ $# -eq 1 ] || usage
	login=$1
	check_login "$login"
	awk -v login="$login" "$owner_of"' owner() != login' "$current" >"$tmp"
	n=$(awk -v login="$login" "$owner_of"' owner() == login' "$current" | wc -l)
	[ "$n" -gt 0 ] || die "$login has no key in $file"
	write_file
	echo "removed $n key(s) of $login"
	;;
list)
	[ $# -eq 0 ] || usage
	awk "$owner_of"' owner() != "" { print owner(), $(NF - 2), substr($(NF - 1), 1, 24) "..." }' "$current"
	;;
*)
	usage
	;;
esac
