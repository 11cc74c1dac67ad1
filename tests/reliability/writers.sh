# writers.sh: sourced by the soak and crash tests after tests/cli/lib.sh
# and after setting DB: what both need to run many writers on one file.

# A copy of the binary, so a rebuild of the tree during the run cannot
# disturb it.
cp "$COOPCOM" "$TMP/coopcom" && COOPCOM=$TMP/coopcom

command -v sqlite3 >/dev/null ||
    missing_all "the sqlite3 shell is not installed (apt-get install sqlite3)"

cc() { "$COOPCOM" --db "$DB" "$@"; }

# quorate MEETING: five people present, so that it may decide.
quorate()
{
	local i

	for i in 1 2 3 4 5; do
		cc add person --login "m$i" --name "Member $i" >/dev/null &&
		cc attend "$1" "m$i" --status present >/dev/null || return 1
	done
}
