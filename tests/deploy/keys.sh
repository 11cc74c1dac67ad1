#!/bin/bash
# keys.sh: coopcom-keys, the one way to give a person coopcom over SSH.
#
# On an authorized_keys file of the test's own: keys are added as
# restrict,pty,command="PROGRAM --as LOGIN" lines, a person may have two,
# and remove takes all of one person's and nobody else's. Refused, with
# the file unchanged: a login that could break out of the quotes, a key
# with options in front (command=, from=...), a DSA key, a damaged key,
# two keys at once, a key already given to someone else, and a program
# path with a space. The file keeps its mode across a rewrite.
. "$(dirname "$0")/../cli/lib.sh"
test_name=deploy-keys

command -v ssh-keygen >/dev/null ||
    missing_all "ssh-keygen is not installed (apt-get install openssh-client)"
mkdir -p "$TMP/.ssh"
AK=$TMP/.ssh/authorized_keys
keys() { run sh "$top_srcdir/src/coopcom-keys.sh" -f "$AK" -c /usr/bin/coopcom "$@"; }
for k in a1 a2 b; do
	ssh-keygen -q -t ed25519 -N '' -C "$k@host" -f "$TMP/$k" || exit 99
done

keys add alice "$TMP/a1.pub"
expect_status 0 "add alice's key"
check "the line forces coopcom --as alice, restricted, with a pty" grep -qx \
    "restrict,pty,command=\"/usr/bin/coopcom --as alice\" $(cut -d' ' -f1-2 "$TMP/a1.pub") coopcom:alice" "$AK"
check "a new file is mode 644" test "$(stat -c %a "$AK")" = 644
chmod 600 "$AK"
# (run gives commands no input: this one reads the key from it.)
last_cmd="coopcom-keys add alice <a2.pub"
sh "$top_srcdir/src/coopcom-keys.sh" -f "$AK" -c /usr/bin/coopcom add alice \
    <"$TMP/a2.pub" >"$out_file" 2>"$err_file"
status=$?
expect_status 0 "a second key for alice, from standard input"
check "a rewrite keeps the file's mode" test "$(stat -c %a "$AK")" = 600
keys add bob "$TMP/b.pub"
expect_status 0 "add bob's key"
keys list
expect_out_line 1 "alice ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA..."
check "list shows three keys" test "$(wc -l <"$out_file")" -eq 3

remember "$AK"
keys add carol "$TMP/b.pub"
expect_status 2 "bob's key cannot also be carol's"
expect_err_contains "already installed (for bob)"
keys add 'x" ssh-rsa' "$TMP/b.pub"
expect_status 2 "a login with a quote is refused"
keys add -- "-rf" "$TMP/b.pub"
expect_status 2 "a login starting with - is refused"
printf 'command="/bin/sh" %s\n' "$(cat "$TMP/b.pub")" >"$TMP/opt.pub"
keys add eve "$TMP/opt.pub"
expect_status 2 "a key with options in front is refused"
printf 'ssh-dss AAAAB3NzaC1kc3M=\n' >"$TMP/dsa.pub"
keys add eve "$TMP/dsa.pub"
expect_status 2 "a DSA key is refused"
printf 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJunk\n' >"$TMP/bad.pub"
keys add eve "$TMP/bad.pub"
expect_status 2 "a damaged key is refused"
cat "$TMP/a1.pub" "$TMP/b.pub" >"$TMP/two.pub"
keys add eve "$TMP/two.pub"
expect_status 2 "two keys at once are refused"
run sh "$top_srcdir/src/coopcom-keys.sh" -f "$AK" -c "/usr/bin/coop com" add eve "$TMP/a1.pub"
expect_status 2 "a program path with a space is refused"
keys remove nobody
expect_status 1 "removing someone with no key says so"
expect_file_unchanged "$AK" "the refusals left the file as it was"
check "no temporary file or lock is left behind" \
    test "$(ls -A "$TMP/.ssh")" = authorized_keys

keys remove alice
expect_status 0 "remove alice"
expect_out_contains "removed 2 key(s) of alice"
check "bob's key is still there" grep -q " coopcom:bob\$" "$AK"
check "alice's are gone" eval '! grep -q "coopcom:alice" "$AK"'
finish
