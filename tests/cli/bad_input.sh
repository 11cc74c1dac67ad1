#!/bin/bash
# bad_input.sh: every bad input of issue 2's "Done when" gets a clear
# message and a non-zero exit status, never a crash (run counts those), and
# never changes a file: not the database, not the config, and no half-made
# record behind a refusal.
. "$(dirname "$0")/lib.sh"

have_sqlite3=0
if command -v sqlite3 >/dev/null; then have_sqlite3=1; fi

# refused FILE COMMAND...: the command fails, says so on stderr, and FILE
# (a database or config) is byte for byte as it was.
refused()
{
	local f=$1

	shift
	remember "$f"
	run "$@"
	expect_failure "refused: $*"
	check "a message on stderr: $*" test -n "$err"
	expect_file_unchanged "$f" "$f unchanged by: $*"
}

# Files that are not coopcom databases, tried with a reading command, a
# writing command, check, and init (which must not overwrite them).
head -c 16384 /dev/urandom >random.db
printf 'Minutes of the Assembly, 26 July 2011\n' >text.db
mkdir folder.db
for f in random.db text.db; do
	for cmd in "list people" "add person --name Eve" "check" "init"; do
		refused "$f" coopcom --db "$f" $cmd
		expect_err_contains "$f" "the message names $f"
	done
	expect_err_contains "not a usable coopcom database"
done
for cmd in "list people" "add person --name Eve" "check" "init"; do
	refused folder.db coopcom --db folder.db $cmd
	expect_err_contains "folder.db" "the message names folder.db"
done
expect_err_contains "folder"

if [ "$have_sqlite3" -eq 1 ]; then
	sqlite3 other.db "CREATE TABLE minutes(id, text); INSERT INTO minutes VALUES (1, 'x');"
	for cmd in "list people" "add person --name Eve" "check" "init"; do
		refused other.db coopcom --db other.db $cmd
		expect_err_contains "other.db" "the message names other.db"
	done
	expect_err_contains "not a coopcom"
else
	skip "sqlite3 is not installed: an SQLite database that is not coopcom's"
fi

# A path that cannot be read: a folder that cannot be entered, then a
# file that cannot be read. Root reads through both, so as root (CI) the
# commands run as nobody.
mkdir locked
run coopcom --db locked/coopcom.db init
as_other=
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null; then
		as_other="setpriv --reuid=nobody --regid=nogroup --clear-groups"
		# nobody must reach the working folder and read the config.
		chmod 711 "$TMP"
		chmod 644 locked/coopcom.db
	else
		skip "running as root without setpriv: unreadable path"
	fi
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_other" ]; then
	remember locked/coopcom.db
	for mode in folder file; do
		if [ $mode = folder ]; then
			chmod 000 locked
		else
			chmod 755 locked
			chmod 600 locked/coopcom.db
		fi
		for cmd in "list people" "add person --name Eve" "check"; do
			run $as_other "$COOPCOM" --db locked/coopcom.db $cmd
			expect_status 1 "an unreadable $mode is refused: $cmd"
			expect_err_contains "locked/coopcom.db"
			expect_err_contains "Permission denied"
		done
	done
	expect_err_contains "cannot read the database"
	chmod 700 locked
	expect_file_unchanged locked/coopcom.db
	check "no -wal or -shm was made" test ! -e locked/coopcom.db-wal
fi
chmod 700 locked
chmod 700 "$TMP"

# A good database to spoil and to add bad records to.
DB=$TMP/good.db
cc() { run coopcom --db "$DB" "$@"; }
cc init
expect_status 0
cc add commission --code CC --name "Co-operative Commission"
cc add subgroup --commission CC --code LCL --name "Local services"
cc add person --login alice --name "Alice Able"
cc add recommendation --subgroup LCL --title "Share buildings" --savings "£15,000"
cc add milestone --commission CC --title "Report" --timescale "End August 2011"
expect_status 0

# A database from a newer coopcom: refused, untouched, whatever the command.
if [ "$have_sqlite3" -eq 1 ]; then
	cp "$DB" newer.db
	sqlite3 newer.db "PRAGMA user_version = 999;"
	for cmd in "list people" "add person --name Eve" "check" "init" "whoami"; do
		refused newer.db coopcom --db newer.db $cmd
	done
	expect_err_contains "newer"
	check "user_version is still 999" test "$(sqlite3 newer.db 'PRAGMA user_version;')" = 999
else
	skip "sqlite3 is not installed: a database from a newer version"
fi

# A missing database: exit 3, a hint to run init, and no file made.
run coopcom --db missing.db list people
expect_status 3
expect_err_contains "missing.db"
expect_err_contains "init"
check "no database was created" test ! -e missing.db
run coopcom --db nofolder/missing.db add person --name Eve
expect_status 3
check "no folder was created" test ! -e nofolder

# An empty file is refused as a missing one is (only init fills it).
: >empty.db
for cmd in "list people" "add person --name Eve" "check" "whoami"; do
	refused empty.db coopcom --db empty.db $cmd
done
expect_status 3
expect_err_contains "is empty"
check "the empty file is still empty" test ! -s empty.db
run coopcom --db empty.db init
expect_status 0 "init makes the empty file a database"
run coopcom --db empty.db list people
expect_status 0

# Malformed configs: the message gives FILE:LINE. The mistakes are on line
# 3 so that the line number is really read.
write_config syntax.conf 600 "# a council's settings" "" "trust_as = = true;"
write_config unknown.conf 600 "# a council's settings" "" "frobnicate = 1;"
write_config type.conf 600 "# a council's settings" "" 'busy_timeout_ms = "fast";'
write_config bool.conf 600 "# a council's settings" "" "trust_as = 1;"
write_config range.conf 600 "# a council's settings" "" "amber_days = 99999;"
write_config nested.conf 600 "# a council's settings" "quorum = {" "  assembly = -1;" "};"
write_config unclosed.conf 600 "quorum = {" "  assembly = 5;"
remember "$DB"
for c in syntax unknown type bool range; do
	refused $c.conf coopcom --db "$DB" --config $c.conf list people
	expect_status 2
	expect_err_contains "$c.conf:3" "the message gives $c.conf:3"
	expect_file_unchanged "$DB" "the database is unchanged by $c.conf"
done
expect_err_contains "99999"
refused nested.conf coopcom --db "$DB" --config nested.conf list people
expect_err_contains "nested.conf:3"
expect_err_contains "quorum.assembly"
refused unclosed.conf coopcom --db "$DB" --config unclosed.conf list people
expect_err_contains "unclosed.conf:"
# The user's own config is read without --config and named in full.
cp unknown.conf "$XDG_CONFIG_HOME/coopcom/config"
refused "$DB" coopcom --db "$DB" list people
expect_err_contains "$XDG_CONFIG_HOME/coopcom/config:3"
: >"$XDG_CONFIG_HOME/coopcom/config"
run coopcom --db "$DB" --config absent.conf list people
expect_failure "a --config that does not exist is refused"
expect_err_contains "absent.conf"

# Bad records: each refused add names the problem, writes nothing, and
# leaves a database that passes check with the same rows.
state()
{
	local l

	for l in commissions subgroups recommendations milestones people \
	    members engagement meetings; do
		coopcom --db "$DB" list $l --format csv --archived
	done 2>&1
}
before=$(state)
remember "$DB"
nothing_added()
{
	expect_file_unchanged "$DB" "the database file is unchanged"
	check "every list is unchanged" test "$(state)" = "$before"
	# Start afresh, so that one failure is reported once.
	before=$(state)
	remember "$DB"
}
add_refused()
{
	run coopcom --db "$DB" add "$@"
	expect_status 2 "refused with exit 2: add $*"
	nothing_added
}

for m in "12.345" "£1,23" "-5" "abc" "99999999999999999999999" "£15,000.5.0" "1e5"; do
	add_refused recommendation --subgroup LCL --title "Bad money" --savings "$m"
	expect_err_contains "\"$m\""
done
expect_err_contains "Savings"
add_refused recommendation --subgroup LCL --title "Bad cost" --upfront-cost "£1,23"
expect_err_contains "£1,23"
add_refused recommendation --subgroup LCL --title "Bad term" --term forever
expect_err_contains "forever"
add_refused milestone --commission CC --title "Bad timescale" --timescale "31 February 2012"
expect_err_contains "31 February"
for d in 2011-02-30 2011-13-01 2011-7-1 yesterday 26/07/2011; do
	add_refused commission --code ZZ --name "Bad date" --established "$d"
	expect_err_contains "$d"
done
add_refused engagement --subgroup LCL --date 2011-02-29 --method survey
expect_err_contains "2011-02-29"
add_refused recommendation --subgroup LCL --title "Bad target" --target 2012-04-31
expect_err_contains "2012-04-31"

# Unknown fields, kinds and lists; missing required fields.
add_refused recommendation --subgroup LCL --title "Unknown field" --colour red
expect_err_contains "--colour"
add_refused person --name "Unknown field" --shoe-size 9
expect_err_contains "--shoe-size"
add_refused spaceship --name Enterprise
expect_err_contains "spaceship"
add_refused recommendation --subgroup LCL
expect_err_contains "--title"
add_refused recommendation --title "No sub-group"
expect_err_contains "--subgroup"
add_refused person --login eve
expect_err_contains "--name"
add_refused milestone --commission CC --title "No timescale"
expect_err_contains "--timescale"
run coopcom --db "$DB" add recommendation --subgroup NOPE --title "Unknown sub-group"
expect_failure
expect_err_contains "NOPE"
nothing_added
run coopcom --db "$DB" list spaceships
expect_status 2
expect_err_contains "spaceships"
run coopcom --db "$DB" list people --format xml
expect_status 2
expect_err_contains "xml"
run coopcom --db "$DB" show spaceship 1
expect_status 2
expect_err_contains "spaceship"
run coopcom --db "$DB" show recommendation 999
expect_status 3
expect_err_contains "999"

# Bad edits change nothing either.
run coopcom --db "$DB" edit recommendation 1 --savings 12.345
expect_status 2
nothing_added
run coopcom --db "$DB" edit recommendation 1 --colour red
expect_status 2
expect_err_contains "--colour"
nothing_added
run coopcom --db "$DB" edit recommendation 1 --title "Renamed" --colour red
expect_status 2
expect_err_contains "--colour"
nothing_added
run coopcom --db "$DB" edit recommendation 1 --title ""
expect_failure "an empty title is refused"
nothing_added
run coopcom --db "$DB" join LCL alice --role boss
expect_status 2
expect_err_contains "boss"
nothing_added
run coopcom --db "$DB" --today 2012-02-30 list people
expect_status 2
expect_err_contains "2012-02-30"

run coopcom --db "$DB" check
expect_status 0

finish
