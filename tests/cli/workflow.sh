#!/bin/bash
# workflow.sh: recommendations walked through the default workflow by the
# people entitled to each step, acting with --as under a config that trusts
# it; the steps refused for want of a role, a field, a decision or a note;
# and the audit trail that results.
. "$(dirname "$0")/lib.sh"

DB=$TMP/workflow.db
# The script is about who may make each move; meetings' quorums, which
# need their attendance recorded, are left out (0: any meeting decides)
# and tested in meetings.sh.
write_config trusted.conf 600 "trust_as = true;" \
    "quorum = { assembly = 0; cabinet = 0; council = 0; };"
# as LOGIN COMMAND...: run a command as that person.
as() { local who=$1; shift; run coopcom --db "$DB" --config trusted.conf --as "$who" "$@"; }
cc() { run coopcom --db "$DB" --config trusted.conf "$@"; }
stage_is() { cc list recommendations --format csv; check "recommendation $1 is at $2" grep -q "^$1,.*,$2," "$out_file"; }

# stages prints every stage of the default workflow.
cc stages
expect_status 0
for s in draft tested submitted approved rejected referred_back withdrawn \
    in_report accepted not_accepted adopted in_delivery delivered; do
	check "stages lists $s" grep -qE "^ *$s " "$out_file"
done

# The commission, two sub-groups, their people and the meetings.
cc init
expect_status 0
cc add commission --code CC --name "Co-operative Commission"
cc add subgroup --commission CC --code LCL --name "Local services"
cc add subgroup --commission CC --code JUS --name "Joining up services"
cc add person --login carol --name "Carol Chair"
cc add person --login mike --name "Mike Member"
cc add person --login sue --name "Sue Secretary"
cc add person --login otto --name "Otto Otherchair"
cc add person --login olive --name "Olive Observer"
cc join LCL carol --role chair
cc join LCL mike --role member
cc join JUS otto --role chair
cc add commission-member --commission CC --person sue --role secretary
cc add commission-member --commission CC --person olive --role observer
cc add meeting --body assembly --commission CC --date 2011-09-01 --title "Assembly"
cc add meeting --body cabinet --commission CC --date 2011-10-01 --title "Cabinet"
# Adopted at Council on 2012-03-20, which is also "today" then: the
# target date follows from that date and the term.
cc add meeting --body council --commission CC --date 2012-03-20 --title "Council"
expect_status 0
ASSEMBLY=1 CABINET=2 COUNCIL=3
as carol add recommendation --subgroup LCL --title "Share buildings"
expect_status 0
as carol add recommendation --subgroup LCL --title "Close the annexe" --term short --savings 0 --upfront-cost 0
expect_status 0
as carol add recommendation --subgroup LCL --title "Open data" --term long --savings "£100" --upfront-cost "£50"
expect_status 0

# draft -> tested: a sub-group member may, and it needs nothing.
as mike advance 1 tested
expect_status 0
stage_is 1 tested

# tested -> submitted: refused while term, savings and cost are missing.
remember "$DB"
as carol advance 1 submitted
expect_status 5
expect_err_contains "term"
expect_err_contains "savings"
expect_err_contains "up-front cost"
expect_err_contains "equality impact"
expect_file_unchanged "$DB"
as carol transitions 1
expect_status 0
check "transitions: the chair may not submit yet" grep -qE '^no +submitted' "$out_file"
expect_out_contains "term"
check "transitions: the chair may withdraw" grep -qE '^yes +withdrawn' "$out_file"
# ... and refused for a member who is not the chair, naming who could.
as mike advance 1 submitted
expect_status 5
expect_err_contains "sub-group chair"
as sue transitions 1
expect_status 0
check "transitions: the secretary may not submit" grep -qE '^no +submitted' "$out_file"
expect_out_contains "sub-group chair"
expect_file_unchanged "$DB"

# A chair of another sub-group, an observer and an unknown login change
# nothing.
as otto edit recommendation 1 --title "Hijacked"
expect_status 5
as otto advance 1 withdrawn
expect_status 5
as olive edit recommendation 1 --title "Observed"
expect_status 5
as olive advance 1 withdrawn
expect_status 5
as stranger advance 1 withdrawn
expect_status 5
expect_err_contains "stranger"
as stranger edit recommendation 1 --title "Anonymous"
expect_status 5
as stranger add recommendation --subgroup LCL --title "Anonymous"
expect_status 5
expect_file_unchanged "$DB" "the refused people changed nothing"
stage_is 1 tested

# The chair states what was missing and submits.
as carol edit recommendation 1 --term medium --savings "£15,000" --upfront-cost 0 --equality-impact "No adverse impact found"
expect_status 0
as carol advance 1 submitted
expect_status 0
stage_is 1 submitted
as otto edit recommendation 1 --title "Hijacked"
expect_status 5

# submitted -> approved: the secretary, with the Assembly's decision.
as carol advance 1 approved --decision $ASSEMBLY
expect_status 5
expect_err_contains "secretary"
as sue transitions 1
check "transitions: the secretary may approve" grep -qE '^yes +approved' "$out_file"
as carol transitions 1
check "transitions: the chair may not approve" grep -qE '^no +approved' "$out_file"
expect_out_contains "secretary"
remember "$DB"
as sue advance 1 approved
expect_status 5
expect_err_contains "meeting"
as sue advance 1 approved --decision $CABINET
expect_status 5
expect_err_contains "Assembly"
expect_file_unchanged "$DB"
as sue advance 1 approved --decision $ASSEMBLY
expect_status 0
stage_is 1 approved

# approved -> in_report -> accepted (Cabinet) -> adopted (Council).
as sue advance 1 in_report
expect_status 0
as sue advance 1 accepted --decision $ASSEMBLY
expect_status 5
expect_err_contains "Cabinet"
as sue advance 1 accepted --decision $CABINET
expect_status 0
as sue --today 2012-03-20 advance 1 adopted --decision $COUNCIL
expect_status 0
stage_is 1 adopted
cc show recommendation 1
expect_out_contains "2013-09-20" "adoption on 2012-03-20, term medium: target 2013-09-20"
cc list recommendations --format json
expect_json 'd[0]["target"] == "2013-09-20"'
as sue advance 1 in_delivery
expect_status 0
as sue advance 1 delivered
expect_status 0
stage_is 1 delivered
as sue transitions 1
expect_status 0
check "transitions: nothing leaves delivered" test -z "$(grep -E '^yes' "$out_file")"

# history: every step, oldest first, with who made it.
cc history 1
expect_status 0
expect_out_contains "Mike Member"
expect_out_contains "Sue Secretary"
cc history 1 --format json
expect_status 0
expect_json '[json.loads(h["changes"])["stage"] for h in d if h["action"] == "advance"] == [["draft", "tested"], ["tested", "submitted"], ["submitted", "approved"], ["approved", "in_report"], ["in_report", "accepted"], ["accepted", "adopted"], ["adopted", "in_delivery"], ["in_delivery", "delivered"]]' \
    "history: every stage change, oldest first"
expect_json '[h["login"] for h in d if h["action"] == "advance"] == ["mike", "carol", "sue", "sue", "sue", "sue", "sue", "sue"]' \
    "history: who made each step"
expect_json '[h["id"] for h in d] == sorted(h["id"] for h in d) and d[0]["action"] == "create" and d[0]["login"] == "carol"' \
    "history: oldest first, from the creation"
expect_json '[h["decision"] for h in d if h["action"] == "advance"][2] == "approved"'

# A second recommendation rejected: that needs a reason.
as carol advance 2 submitted
expect_status 0
as sue advance 2 rejected --decision $ASSEMBLY
expect_status 5
expect_err_contains "note"
as sue advance 2 rejected --decision $ASSEMBLY --note "The annexe is needed"
expect_status 0
stage_is 2 rejected
as carol advance 2 submitted
expect_failure "nothing leaves rejected"
expect_err_contains "final"

# A third referred back, then resubmitted, linked to the referral.
as carol advance 3 submitted
expect_status 0
as sue advance 3 referred_back --decision $ASSEMBLY
expect_status 5
expect_err_contains "note"
as sue advance 3 referred_back --decision $ASSEMBLY --note "More evidence, please"
expect_status 0
stage_is 3 referred_back
as carol transitions 3
check "transitions: the chair may resubmit" grep -qE '^yes +submitted' "$out_file"
as carol advance 3 submitted --note "Evidence added"
expect_status 0
stage_is 3 submitted
cc history 3
expect_status 0
expect_out_contains "referred_back"
expect_out_contains "More evidence, please"
expect_out_contains "resubmits"
cc history 3 --format json
expect_json '[json.loads(h["changes"])["stage"] for h in d if h["action"] == "advance"] == [["draft", "submitted"], ["submitted", "referred_back"], ["referred_back", "submitted"]]'
expect_json 'json.loads(d[-1]["changes"])["resubmits"] == [h["id"] for h in d if "referred_back" in h["changes"]][0]' \
    "history: the resubmission names the referral"

# --as is refused unless a config only its owner can write sets trust_as.
remember "$DB"
run coopcom --db "$DB" --as carol advance 3 withdrawn
expect_status 5
expect_err_contains "trust_as"
write_config untrusted.conf 600 "trust_as = false;"
run coopcom --db "$DB" --config untrusted.conf --as carol advance 3 withdrawn
expect_status 5
write_config group.conf 660 "trust_as = true;"
run coopcom --db "$DB" --config group.conf --as carol advance 3 withdrawn
expect_status 5
expect_err_contains "group.conf"
write_config world.conf 606 "trust_as = true;"
run coopcom --db "$DB" --config world.conf --as carol whoami
expect_status 5
expect_file_unchanged "$DB" "refused --as changed nothing"
stage_is 3 submitted

cc check
expect_status 0

finish
