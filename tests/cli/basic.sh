#!/bin/bash
# basic.sh: the everyday commands of coopcom, end to end: help and version,
# init, add, list in every format, show, edit with a version check,
# archive, join and check.
. "$(dirname "$0")/lib.sh"

DB=$TMP/basic.db
cc() { run coopcom --db "$DB" "$@"; }

# --help and --version, GNU style: on stdout, exit 0.
run coopcom --help
expect_status 0
expect_out_contains "Usage: coopcom"
expect_out_contains "--version"
check "--help prints nothing on stderr" test -z "$err"
run coopcom --version
expect_status 0
check "--version: first line is \"coopcom X.Y.Z\"" \
    grep -qE '^coopcom [0-9]+\.[0-9]+\.[0-9]+$' <(head -n 1 "$out_file")

# Unknown options and commands: exit 2, named on stderr.
run coopcom --frobnicate
expect_status 2
expect_err_contains "--frobnicate"
run coopcom --db "$DB" frobnicate
expect_status 2
expect_err_contains "frobnicate"
check "an unknown command creates no database" test ! -e "$DB"

# init creates the database and makes the login an administrator.
cc init
expect_status 0
check "init created the database" test -s "$DB"
cc whoami
expect_status 0
expect_out_contains "$ME"
expect_out_contains "administrator"

# Without --db the database goes under $XDG_DATA_HOME/coopcom.
run coopcom init
expect_status 0
check "init without --db uses \$XDG_DATA_HOME/coopcom/coopcom.db" \
    test -s "$XDG_DATA_HOME/coopcom/coopcom.db"
COOPCOM_DB=$TMP/env.db run coopcom init
expect_status 0
check "init honours \$COOPCOM_DB" test -s "$TMP/env.db"
# The order: --db, then $COOPCOM_DB, then the config's database setting.
printf 'database = "%s";\n' "$TMP/conf.db" >db.conf
run coopcom --config db.conf init
expect_status 0
check "init uses the config's database" test -s "$TMP/conf.db"
COOPCOM_DB=$TMP/env2.db run coopcom --config db.conf init
expect_status 0
check "\$COOPCOM_DB comes before the config" test -s "$TMP/env2.db"
COOPCOM_DB=$TMP/env3.db run coopcom --db "$TMP/flag.db" --config db.conf init
expect_status 0
check "--db comes before \$COOPCOM_DB" test -s "$TMP/flag.db" -a ! -e "$TMP/env3.db"
rm "$TMP/conf.db"
COOPCOM_DB=$TMP/env2.db run coopcom --config db.conf list people
check "the config's database is not touched when another is named" \
    test ! -e "$TMP/conf.db"

# Add one of each kind.
cc add commission --code CC --name "Co-operative Commission" --established 2011-06-01
expect_status 0
cc add subgroup --commission CC --code LCL --name "Local services" --theme "Joining up"
expect_status 0
cc add person --login alice --name "Alice Able" --organisation "Wrekin Housing" --kind resident
expect_status 0
cc add person --login bob --name "Bob Baker" --kind councillor
expect_status 0
cc join LCL alice --role chair
expect_status 0
cc join LCL bob --role member
expect_status 0
cc add recommendation --subgroup LCL --title "Share buildings, with partners" --term medium --savings "£15,000" --upfront-cost "£1,234.50"
expect_status 0
cc add recommendation --subgroup LCL --title "Open data" --savings 0.99
expect_status 0
cc add milestone --commission CC --title "Report to Cabinet" --timescale "End August 2011"
expect_status 0
cc add milestone --commission CC --title "Launch" --timescale "To be confirmed"
expect_status 0
cc add engagement --subgroup LCL --date 2011-07-01 --method survey --audience residents --reach 40
expect_status 0

# init on a database that exists keeps what it holds.
cc init
expect_status 0
cc list recommendations --format csv
expect_out_contains "Open data" "a second init keeps the data"

# Lists as tables.
cc list commissions
expect_status 0
expect_out_contains "Co-operative Commission"
cc list subgroups
expect_status 0
expect_out_contains "Local services"
expect_out_contains "alice"
cc list recommendations
expect_status 0
expect_out_contains "CC-LCL-01"
expect_out_contains "Open data"
cc list milestones
expect_status 0
expect_out_contains "End August 2011"
cc list people
expect_status 0
expect_out_contains "Alice Able"
cc list engagement
expect_status 0
expect_out_contains "survey"

# CSV: the header columns the issue asks for, then the values.
cc list recommendations --format csv
expect_status 0
expect_out_line 1 "id,ref,title,commission,subgroup,stage,term,savings_pence,upfront_cost_pence,target,days_in_stage,due"
expect_out_line 2 '1,CC-LCL-01,"Share buildings, with partners",CC,LCL,draft,medium,1500000,123450,,0,'
expect_out_line 3 '2,CC-LCL-02,Open data,CC,LCL,draft,,99,,,0,'
check "csv lines end in CRLF" grep -q $'\r$' "$out_file"
cc list people --format csv
expect_status 0
check "people csv header has login and name" \
    grep -qE '^(.*,)?login,(.*,)?name(,|\r?$)' "$out_file"
expect_out_contains "alice,Alice Able"
cc list subgroups --format csv
expect_status 0
check "subgroups csv header starts id,commission, and has name and chair" \
    grep -qE '^id,commission,(.*,)?name,(.*,)?chair(,|\r?$)' "$out_file"
cc list milestones --format csv
expect_status 0
check "milestones csv header has id, title, timescale, earliest, latest, status" \
    grep -qE '^id,(.*,)?title,timescale,earliest,latest,(.*,)?status(,|\r?$)' "$out_file"
expect_out_contains "End August 2011"
cc list commissions --format csv
expect_status 0
expect_out_contains "CC,Co-operative Commission"

# JSON: parses, with the right values and types.
cc list recommendations --format json
expect_status 0
expect_json 'len(d) == 2'
expect_json 'd[0]["ref"] == "CC-LCL-01" and d[0]["title"] == "Share buildings, with partners"'
expect_json 'd[0]["savings_pence"] == 1500000 and type(d[0]["savings_pence"]) is int'
expect_json 'd[0]["upfront_cost_pence"] == 123450'
expect_json 'd[0]["commission"] == "CC" and d[0]["subgroup"] == "LCL" and d[0]["stage"] == "draft" and d[0]["term"] == "medium"'
expect_json 'd[1]["savings_pence"] == 99 and d[1]["term"] is None and d[1]["target"] is None'
cc list people --format json
expect_status 0
expect_json '{p["login"]: p["name"] for p in d}["alice"] == "Alice Able"'
cc list subgroups --format json
expect_status 0
expect_json 'd[0]["id"] == 1 and d[0]["commission"] == "CC" and d[0]["name"] == "Local services" and d[0]["chair"] == "alice"'
cc list milestones --format json
expect_status 0
expect_json '[m["timescale"] for m in d] == ["End August 2011", "To be confirmed"]'
expect_json 'd[0]["title"] == "Report to Cabinet" and d[0]["earliest"] == "2011-08-21" and d[0]["latest"] == "2011-08-31"'
expect_json 'd[1]["earliest"] is None and d[1]["latest"] is None'
expect_json 'all("status" in m and "id" in m for m in d)'
cc list commissions --format json
expect_status 0
expect_json 'd[0]["code"] == "CC" and d[0]["name"] == "Co-operative Commission"'
cc list engagement --format json
expect_status 0
expect_json 'len(d) == 1'

# show, by id and by reference.
cc show recommendation 1
expect_status 0
expect_out_contains "CC-LCL-01"
expect_out_contains "£15,000.00"
expect_out_contains "£1,234.50"
cc show recommendation CC-LCL-02
expect_status 0
expect_out_contains "Open data"
cc show person alice
expect_status 0
expect_out_contains "Wrekin Housing"
cc show recommendation 99
expect_status 3

# edit with --expect-version: the current version is saved, a stale one
# is refused with who changed it, and nothing changes.
cc edit recommendation 1 --expect-version 1 --title "Share more buildings"
expect_status 0
cc show recommendation 1
expect_out_contains "Share more buildings"
cp "$DB" "$TMP/before-stale.db"
cc edit recommendation 1 --expect-version 1 --title "Stale title"
expect_status 4
expect_err_contains "changed by $ME"
cc show recommendation 1
expect_out_contains "Share more buildings"
expect_out_lacks "Stale title"
cc edit person alice --name "Alice Able-Smith"
expect_status 0
cc list people --format csv
expect_out_contains "alice,Alice Able-Smith"

# archive: gone from the list, kept with --archived.
cc archive milestone 2
expect_status 0
cc list milestones --format csv
expect_out_lacks "To be confirmed"
cc list milestones --format csv --archived
expect_out_contains "To be confirmed"

# join: a new chair demotes the old one to member.
cc join LCL bob --role chair
expect_status 0
cc list subgroups --format json
expect_json 'd[0]["chair"] == "bob"'
cc list members --format csv
expect_status 0
check "bob is the only chair" test "$(grep -c ',chair,' "$out_file")" -eq 1
expect_out_contains "bob,Bob Baker,chair"
expect_out_contains "alice,Alice Able-Smith,member"

# attend: who came to a meeting, changed in place.
cc add meeting --body assembly --commission CC --date 2012-01-17
expect_status 0
meeting=$(printf '%s' "$out" | sed -n 's/^added meeting //p')
cc attend "$meeting" alice --status present
expect_status 0
cc attend "$meeting" bob --status apologies
cc attend "$meeting" alice --status absent
cc attend "$meeting" bob --status late
expect_status 2
expect_err_contains "present, apologies or absent"
cc list attendance --meeting "$meeting" --format csv
expect_out_line 1 "meeting,date,body,login,name,status"
expect_out_contains "alice,Alice Able-Smith,absent"
expect_out_contains "bob,Bob Baker,apologies"
check "two people recorded" test "$(grep -c ',2012-01-17,' "$out_file")" -eq 2

# A write that waits for another person's save says so on a terminal,
# then goes ahead.
if command -v script >/dev/null 2>&1 && command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$DB" "BEGIN IMMEDIATE;" ".shell sleep 1" "COMMIT;" >/dev/null &
	holder=$!
	sleep 0.3
	run env SHELL=/bin/bash script -qec "$(printf '%q ' "$COOPCOM" --db "$DB" edit person alice --organisation Waited)" /dev/null
	wait "$holder"
	expect_status 0
	expect_out_contains "waiting for another person's save"
	expect_out_contains "saved person"
	cc show person alice
	expect_out_contains "Waited"
else
	skip "the busy notice (needs script and sqlite3)"
fi

cc check
expect_status 0

finish
