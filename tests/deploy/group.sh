#!/bin/bash
# group.sh: the shared-group deployment (docs/deployment.md): each person
# has their own Unix account, the database lives in a folder owned by
# their group with the setgid bit, and coopcom knows them by their login.
#
#   - in a setgid folder a new database, and the -wal and -shm files
#     SQLite makes beside it, are mode 0660 whatever the umask (022
#     here), in the folder's group;
#   - a second account in that group (nobody, in nogroup, via setpriv;
#     so root is needed, else only the modes are checked) can use it and,
#     made a chair, write to it, is known by its Unix login, and cannot
#     pick another with --as;
#   - outside a setgid folder SQLite's usual 0644 stands.
. "$(dirname "$0")/../cli/lib.sh"
test_name=deploy-group

umask 022
SHARED=$TMP/shared
mkdir "$SHARED" && chmod 2770 "$SHARED" || exit 99
DB=$SHARED/coopcom.db
run coopcom --db "$DB" init
expect_status 0 "init in the setgid folder"
check "the database is 0660" test "$(stat -c %a "$DB")" = 660

# Hold the database open so that the -wal and -shm files stay.
( echo "BEGIN; SELECT count(*) FROM meta;"; sleep 3 ) |
    sqlite3 "$DB" >/dev/null 2>&1 &
holder=$!
sleep 0.5
run coopcom --db "$DB" add person --login nobody --name "Nobody Atall"
expect_status 0 "a write while another connection is open"
for f in "$DB-wal" "$DB-shm"; do
	if [ -e "$f" ]; then
		check "$(basename "$f") is 0660" test "$(stat -c %a "$f")" = 660
	else
		missing "$(basename "$f") was not there to look at"
	fi
done
wait "$holder"

run coopcom --db "$TMP/private.db" init
check "outside a setgid folder the usual 0644 stands" \
    test "$(stat -c %a "$TMP/private.db")" = 644

if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
    getent group nogroup >/dev/null; then
	chgrp -R nogroup "$SHARED"
	chmod 755 "$TMP"
	chmod -R a+rX "$XDG_CONFIG_HOME"
	as_nobody() { run setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    env HOME="$TMP" "$COOPCOM" --db "$DB" "$@"; }
	as_nobody whoami
	expect_status 0 "another member of the group opens the database"
	expect_out_contains "login: nobody" "and is known by their Unix login"
	as_nobody add commission --code CC --name "Co-operative Commission" \
	    --established 2011-07-26
	expect_status 5 "a person without the right may not add a commission"
	run coopcom --db "$DB" add commission --code CC \
	    --name "Co-operative Commission" --established 2011-07-26
	run coopcom --db "$DB" add subgroup --commission CC --code LCL \
	    --name Libraries
	run coopcom --db "$DB" join LCL nobody --role chair
	expect_status 0 "the administrator makes nobody LCL's chair"
	as_nobody add engagement --subgroup LCL --date 2011-10-01 \
	    --method survey
	expect_status 0 "another member of the group writes to the database"
	for f in "$DB" "$DB-wal" "$DB-shm"; do
		[ -e "$f" ] && check "$(basename "$f") is still 0660, the group's" \
		    test "$(stat -c %a:%G "$f")" = 660:nogroup
	done
	as_nobody --as "$ME" whoami
	expect_status 5 "--as is refused without a root-owned trust_as"
	expect_err_contains "trust_as"
	run coopcom --db "$DB" check
	expect_status 0 "coopcom check passes"
else
	missing "not root: another account in the group is not tried"
fi
finish
