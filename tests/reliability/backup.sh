#!/bin/bash
# backup.sh: coopcom backup while others work, and coopcom check on the
# copy.
#
# A writer edits a recommendation as fast as it can while five backups
# are taken; each backup is a single file (no -wal beside it) that
# coopcom --db BACKUP check passes, whose audit trail is a prefix of the
# live one, and the writer is never told the database was busy. A backup
# never replaces a file, and one into a missing folder leaves nothing.
. "$(dirname "$0")/../cli/lib.sh"
test_name=reliability-backup

DB=$TMP/live.db
cc() { "$COOPCOM" --db "$DB" "$@"; }
run coopcom --db "$DB" init --demo
expect_status 0 "a demo database to back up"

(
	n=0
	while [ ! -e "$TMP/stop" ]; do
		n=$((n + 1))
		cc edit recommendation CC-BRK-03 --title "Youth café $n" \
		    >/dev/null 2>>"$TMP/writer.err" || echo "failed $n" \
		    >>"$TMP/writer.err"
	done
) &
writer=$!
sleep 0.3
for i in 1 2 3 4 5; do
	run coopcom --db "$DB" backup "$TMP/b$i.db"
	expect_status 0 "backup $i while the writer works"
	check "backup $i is one file" test ! -e "$TMP/b$i.db-wal"
	run coopcom --db "$TMP/b$i.db" check
	expect_status 0 "coopcom check passes on backup $i"
	sleep 0.2
done
touch "$TMP/stop"
wait "$writer"
check "the writer was never refused (busy or otherwise)" \
    test ! -s "$TMP/writer.err"
if command -v sqlite3 >/dev/null; then
	live=$(sqlite3 "$DB" "SELECT group_concat(hash) FROM (SELECT hash FROM audit ORDER BY id)")
	for i in 1 5; do
		b=$(sqlite3 "$TMP/b$i.db" "SELECT group_concat(hash) FROM (SELECT hash FROM audit ORDER BY id)")
		check "backup $i's audit trail is the live one's up to its moment" \
		    test "${live#"$b"}" != "$live"
	done
	check "the writer kept writing between the backups" test \
	    "$(sqlite3 "$TMP/b1.db" "SELECT max(id) FROM audit")" -lt \
	    "$(sqlite3 "$TMP/b5.db" "SELECT max(id) FROM audit")"
fi

remember "$TMP/b1.db"
run coopcom --db "$DB" backup "$TMP/b1.db"
expect_status 2 "a backup never replaces a file"
expect_err_contains "already exists"
expect_file_unchanged "$TMP/b1.db"
run coopcom --db "$DB" backup "$TMP/missing/b.db"
expect_failure "a backup into a missing folder fails"
check "and leaves nothing" test ! -e "$TMP/missing"
check "no partial file is left beside the backups" \
    eval '! ls "$TMP" | grep -q partial'
finish
