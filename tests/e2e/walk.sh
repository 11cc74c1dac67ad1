#!/bin/bash
# walk.sh: a recommendation's whole way through the default workflow, in
# the full-screen interface, by the person entitled to each step.
#
# On the demo database the commission secretary adds a sub-group through
# its form; its chair adds a recommendation through the recommendation
# form (a title with £ and accented names, typed and corrected); then it
# is walked draft -> tested -> submitted -> referred back -> submitted ->
# approved -> in report -> accepted -> adopted -> in delivery ->
# delivered, each step a separate session run as that person with --as,
# through the m chooser, giving a reason and choosing the meeting where
# the move asks for them. After each step both the screen (the stage in
# the recommendations panel, the message) and the database are checked.
# A member who may not submit sees the move greyed with the reason, and
# an observer sees nothing allowed.
#
# --as is honoured only from a root-owned configuration file that others
# cannot write, so this script needs root.
. "$(dirname "$0")/tmux.sh"

if [ "$(id -u)" -ne 0 ]; then
	e2e_skip "--as needs a configuration file owned by root and the" \
	    "tests are not running as root"
fi

DB=$TMP/walk.db
CONF=$TMP/trusted.conf
REF=CC-PRK-01
# The walk is about who may make each move; meetings' quorums, which need
# their attendance recorded, are left out (0: any meeting decides).
write_config "$CONF" 644 "trust_as = true;" \
    "quorum = { assembly = 0; cabinet = 0; council = 0; };"
check "the trusting configuration is root's, mode 0644" \
    test "$(stat -c %u:%a "$CONF")" = 0:644
cc() { run coopcom --db "$DB" --config "$CONF" "$@"; }

# stage_in_db STAGE: the database has the recommendation at STAGE. If
# not, the steps after this one cannot be made: the script stops.
stage_in_db()
{
	local before=$n_fail

	cc list recommendations --subgroup PRK --format csv
	check "database: $REF is at $1" grep -q "^[0-9]*,$REF,.*,PRK,$1," \
	    "$out_file"
	cc show recommendation "$REF"
	check "database: show says stage $1" grep -qE "^Stage +$1\$" "$out_file"
	if [ "$n_fail" -ne "$before" ]; then
		bail "$REF is not at $1, which the next steps need"
	fi
}

# session WHO: a new session at 160x50 as WHO, on the main view.
n_session=0
session()
{
	n_session=$((n_session + 1))
	term_start "s$n_session-$1" 160 50 -- "$COOPCOM" --db "$DB" \
	    --config "$CONF" --as "$1"
	if ! wait_for " $1, "; then
		fail_screen "$1's session shows who they are"
		bail "coopcom did not start as $1"
	fi
	pass "$1's session shows who they are"
}

# open_rec: the new sub-group's panel, then its first recommendation.
open_rec()
{
	send l G
	expect_screen "Recommendations: PRK (1)"
	send l
}

# quit: q ends the session, with status 0.
quit()
{
	send q
	expect_exit 0
}

# index WHO STAGE: sets $idx to where the move to STAGE is in WHO's m
# chooser (the same list, in the same order, as `coopcom transitions`).
index()
{
	cc --as "$1" transitions "$REF"
	idx=$(awk -v to="$2" '$2 == to { print NR - 1; exit }' "$out_file")
}

# pick N DETAIL: in an open chooser, the Nth item (from 0), checked by
# the detail it shows, chosen with Enter.
pick()
{
	local i

	send g
	for ((i = 0; i < $1; i++)); do send j; done
	if wait_for "$2"; then
		send Enter
	else
		fail_screen "the chooser shows \"$2\" on item $1"
	fi
}

# greyed N WHY: in an open chooser, the Nth item is greyed: it says WHY,
# and choosing it is refused with that reason.
greyed()
{
	local i

	send g
	for ((i = 0; i < $1; i++)); do send j; done
	expect_screen "$2" "the greyed move says why: $2"
	send Enter
	expect_screen_re "^$2" "choosing the greyed move is refused with the reason"
}

# move WHO STAGE DETAIL: opens the m chooser as WHO and picks the move to
# STAGE, whose detail says DETAIL.
move()
{
	index "$1" "$2"
	send m
	expect_screen "Move $REF (now: "
	pick "$idx" "$3"
}

# moved LABEL STAGE: the screen says the move was made and shows the new
# stage in the recommendations panel; so does the database.
moved()
{
	expect_screen "$REF is now: $1" "screen: the message says $REF is now $2"
	expect_screen_re "$REF +${2//_/ }( |\$)" \
	    "screen: the recommendations panel shows $REF at $2"
	stage_in_db "$2"
}

# The people: the secretary of the demo commission, fmercer, and three
# new ones, made with the CLI; the meetings that will decide.
cc init --demo
expect_status 0
cc add person --login chloe --name "Chloé Brontë" --kind resident
expect_status 0
cc add person --login mike --name "Mícheál Ó Dálaigh" --kind other
expect_status 0
cc add person --login olive --name "Olive Observer" --kind other
expect_status 0
cc add commission-member --commission CC --person olive --role observer
expect_status 0
cc add meeting --body assembly --commission CC --date 2012-06-05 \
    --title "E2E Assembly one" --place "Referral Room"
expect_status 0
cc add meeting --body assembly --commission CC --date 2012-06-19 \
    --title "E2E Assembly two" --place "Approval Room"
expect_status 0
cc add meeting --body cabinet --commission CC --date 2012-07-10 \
    --title "E2E Cabinet" --place "Cabinet Room"
expect_status 0
cc add meeting --body council --commission CC --date 2012-07-24 \
    --title "E2E Council" --place "Council Chamber"
expect_status 0

# 1. The secretary adds the sub-group through its form.
session fmercer
send l
expect_screen "Sub-groups (4)"
send a
expect_screen "New sub-group" "the a key on the sub-groups opens the sub-group form"
expect_screen "CC" "the form names the selected commission"
send_text "PRK"
send Tab
send_text "Parks & Green Spaces – Zoë's patch"
send C-x
expect_screen "Added sub-group PRK" "screen: the sub-group is added"
expect_screen "Sub-groups (5)"
quit
cc list subgroups --format csv
expect_out_contains "CC,PRK,Parks & Green Spaces – Zoë's patch" \
    "database: the sub-group PRK is there with its name"
cc join PRK chloe --role chair
expect_status 0
cc join PRK mike --role member
expect_status 0

# 2. Its chair adds a recommendation through its form, correcting a
# two-byte character with Backspace.
TITLE="Chloé's £1,500 reading café for Renée"
session chloe
send l G
expect_screen "Recommendations: PRK (0)"
send l a
expect_screen "New recommendation" "the a key on the recommendations opens the form"
expect_screen "CC-PRK" "the form names the selected sub-group"
send_text "Chloé's £1,500 reading café for Renéé"
send BSpace
send_text "e"
send Tab Tab
send_text "short"
send Tab
send_text "£1,500"
send Tab
send_text "0"
send Tab
send_text "No adverse impact found"
expect_screen "$TITLE" "screen: the form shows the title as corrected"
send C-x
expect_screen "Added recommendation $REF" "screen: the recommendation is added"
expect_screen "$TITLE" "screen: the detail shows the title"
expect_screen_re "$REF +draft " "screen: the recommendations panel shows draft"
quit
cc show recommendation "$REF"
expect_out_contains "$TITLE" "database: the title, £ and accents as typed"
expect_out_contains "£1,500.00" "database: the savings in pounds and pence"
stage_in_db draft

# 3. A member may test it but not submit it: the move is greyed, says
# why, and choosing it changes nothing.
session mike
open_rec
send m
expect_screen "Move $REF (now: Draft) to:" "the m key opens the move chooser"
expect_screen "Submitted to the commission  (not now)" \
    "the chooser greys the move to submitted for a member"
index mike submitted
greyed "$idx" \
    "Only the sub-group chair or an administrator can agree and submit it"
stage_in_db draft
index mike tested
pick "$idx" "You may test it with the Citizens' Group."
moved "Tested with the Citizens' Group" tested
quit

# 4. The chair submits it.
session chloe
open_rec
move chloe submitted "You may agree and submit it to the commission."
moved "Submitted to the commission" submitted
quit

# 5. An observer of the commission may look but make no move.
session olive
open_rec
send m
expect_screen "Move $REF (now: Submitted to the commission) to:"
screen >"$TMP/.screen"
check "the observer's chooser lists three moves, all greyed" \
    test "$(grep -c '(not now)' "$TMP/.screen")" -eq 3
expect_screen_lacks "You may" "nothing is allowed for the observer"
send Enter
expect_screen "Only the commission secretary or an administrator" \
    "choosing is refused with the reason"
send Escape
expect_screen "Nothing was moved"
stage_in_db submitted
quit

# 6. The secretary records the Assembly's referral back: a reason (asked
# again when left blank) and the meeting.
session fmercer
open_rec
move fmercer referred_back "You may record the Assembly's referral back to the sub-group."
expect_screen "Reason for moving $REF:" "the move asks for a reason"
send Enter
expect_screen "This move needs a reason" "a blank reason is asked again"
send_text "Cost the café's fit-out first – £ by June"
send Enter
expect_screen "Which meeting of" "the move asks for the meeting"
# Newest first: Assembly two, then Assembly one.
pick 1 "At Referral Room"
moved "Referred back to the sub-group" referred_back
expect_screen "Cost the café's fit-out first" "screen: the history shows the reason"
quit
cc history "$REF" --format csv
expect_out_contains "Cost the café's fit-out first – £ by June" \
    "database: the audit keeps the reason"
expect_out_contains "E2E Assembly one" "database: the audit names the meeting"

# 7. The chair submits it again.
session chloe
open_rec
move chloe submitted "You may agree and submit it to the commission."
moved "Submitted to the commission" submitted
quit

# 8-13. The secretary records each decision and step to delivery.
session fmercer
open_rec
move fmercer approved "You may record the Assembly's approval."
expect_screen "Which meeting of"
pick 0 "At Approval Room"
moved "Approved by the Assembly" approved
quit

session fmercer
open_rec
move fmercer in_report "You may put it in the commission's report to Cabinet."
moved "In the commission's report to Cabinet" in_report
quit

session fmercer
open_rec
move fmercer accepted "You may record Cabinet's acceptance"
expect_screen "Which meeting of"
pick 0 "At Cabinet Room"
moved "Accepted by Cabinet into the draft Settlement and Delivery Plan" accepted
quit

session fmercer
open_rec
move fmercer adopted "You may record its adoption by full Council."
expect_screen "Which meeting of"
pick 0 "At Council Chamber"
moved "Adopted by full Council" adopted
# Adopted at Council on 2012-07-24, term short (6 months).
expect_screen "2013-01-24" "screen: the detail shows the target set on adoption"
quit
cc show recommendation "$REF"
expect_out_contains "2013-01-24" "database: the target is set from the adopting meeting"

session fmercer
open_rec
move fmercer in_delivery "You may start its delivery."
moved "In delivery" in_delivery
quit

session fmercer
open_rec
move fmercer delivered "You may mark it delivered."
moved "Delivered" delivered
send m
expect_screen "nothing moves on from there" "a delivered one has no moves left"
quit

# The audit trail has every step, by the right person.
cc history "$REF" --format csv
expect_status 0
for step in mike:draft:tested chloe:tested:submitted \
    fmercer:submitted:referred_back chloe:referred_back:submitted \
    fmercer:submitted:approved fmercer:approved:in_report \
    fmercer:in_report:accepted fmercer:accepted:adopted \
    fmercer:adopted:in_delivery fmercer:in_delivery:delivered; do
	IFS=: read -r who from to <<<"$step"
	check "audit: $who moved it from $from to $to" \
	    grep -qE "^[0-9]+,[^,]*,$who,.*,$from,$to," "$out_file"
done
cc check
expect_status 0 "coopcom check: the database and its audit trail are sound"

e2e_finish
