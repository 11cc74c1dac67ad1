#!/bin/bash
# full_disk.sh: a full disk and a read-only database.
#
# On a small tmpfs mounted for the test (so it needs root; otherwise it is
# skipped), with a database that has a recommendation:
#   - the disk nearly full: a large edit fails with "the disk ... is
#     full; nothing was changed", reads and coopcom check still work, and
#     the old title is still there;
#   - the disk completely full: every command fails with that message,
#     none crashes; once space is freed the database checks out and takes
#     writes again;
#   - the full-screen interface, open when the disk fills: a save fails
#     with that message on the screen, the session goes on, and nothing
#     was saved;
#   - the filesystem remounted read-only: reads work (the file is opened
#     immutable), every write is refused as read-only, and coopcom check
#     passes.
. "$(dirname "$0")/../cli/lib.sh"
test_name=reliability-full-disk

MNT=$TMP/small
mkdir -p "$MNT" || exit 99
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=1m tmpfs "$MNT" 2>/dev/null
then
	missing_all "mounting a small tmpfs needs root"
fi
trap 'tm kill-server >/dev/null 2>&1; umount "$MNT" 2>/dev/null; cleanup' EXIT
DB=$MNT/x.db
cc() { run coopcom --db "$DB" "$@"; }
tm() { tmux -L "coopcom-full-$$" -f /dev/null "$@"; }
# seen_in SESSION TEXT: tmux's SESSION shows TEXT within 5 s.
seen_in()
{
	local i
	for i in $(seq 50); do
		tm capture-pane -p -t "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
	done
	return 1
}
free_kb() { df -k "$MNT" | awk 'NR == 2 { print $4 }'; }
big() { head -c "$1" /dev/zero | tr '\0' x; }

cc init
expect_status 0 "init on the small disk"
cc add commission --code CC --name "Co-operative Commission" \
    --established 2011-07-26
cc add subgroup --commission CC --code LCL --name Libraries
cc add recommendation --subgroup LCL --title "Open on Sundays"
expect_status 0 "a recommendation to work on"

# Nearly full: room to read (SQLite's 32 KiB -shm file), not to write.
dd if=/dev/zero of="$MNT/filler" bs=1k count=$(($(free_kb) - 40)) \
    2>/dev/null
cc edit recommendation CC-LCL-01 --title "$(big 100000)"
expect_failure "a large edit on a nearly full disk is refused"
expect_err_contains "is full; nothing was changed"
cc show recommendation CC-LCL-01
expect_status 0 "reading still works"
expect_out_contains "Open on Sundays" "the old title is still there"
cc check
expect_status 0 "coopcom check passes on the nearly full disk"

# Completely full.
dd if=/dev/zero of="$MNT/filler2" bs=1k 2>/dev/null
cc edit recommendation CC-LCL-01 --title "Closed on Sundays"
expect_failure "an edit on a full disk is refused"
expect_err_contains "is full"
cc list recommendations
expect_failure "a command that cannot even read says so"
expect_err_contains "is full"
rm -f "$MNT/filler" "$MNT/filler2"
cc check
expect_status 0 "with space again the database checks out"
cc show recommendation CC-LCL-01
expect_out_contains "Open on Sundays" "nothing was half-written"
cc edit recommendation CC-LCL-01 --title "Open on Sundays and Mondays"
expect_status 0 "with space again writes work"

# The full-screen interface, open when the disk fills: a save fails with
# the message on the screen, the session goes on, and nothing is saved.
if command -v tmux >/dev/null; then
	seen() { seen_in t "$@"; }
	tm new-session -d -s t -x 160 -y 50 \
	    "$COOPCOM --db $DB; echo EXIT=\$?; sleep 30"
	check "the full-screen interface starts" seen "Recommendations"
	tm send-keys -t t l l
	check "it shows the recommendation" seen "CC-LCL-01"
	dd if=/dev/zero of="$MNT/filler" bs=1k 2>/dev/null
	tm send-keys -t t e
	check "the edit form opens" seen "C-x"
	tm send-keys -t t C-u
	tm send-keys -t t -l "Closed on Sundays"
	tm send-keys -t t C-x
	check "the save fails with the disk full message" seen "is full"
	tm send-keys -t t Escape
	check "Esc asks whether to discard what was typed" seen "Discard"
	tm send-keys -t t y
	tm send-keys -t t h l
	check "the session goes on, still showing the record" \
	    seen "Open on Sundays and Mondays"
	tm send-keys -t t q
	check "and quits normally" seen "EXIT=0"
	rm -f "$MNT/filler"
	cc show recommendation CC-LCL-01
	expect_out_contains "Open on Sundays and Mondays" \
	    "the failed save changed nothing"
	cc check
	expect_status 0 "coopcom check passes"
else
	missing "tmux is not installed: the full-screen interface is not tried"
fi

# Read-only.
rm -f "$DB-shm" "$DB-wal"
if mount -o remount,ro "$MNT" 2>/dev/null; then
	cc show recommendation CC-LCL-01
	expect_status 0 "a read-only database can be read"
	expect_out_contains "Open on Sundays and Mondays"
	cc edit recommendation CC-LCL-01 --title "Nope"
	expect_failure "a write to a read-only database is refused"
	expect_err_contains "cannot be written (read-only file or folder); nothing was changed"
	cc check
	expect_status 0 "coopcom check passes on the read-only database"
	if command -v tmux >/dev/null; then
		tm new-session -d -s ro -x 160 -y 50 \
		    "$COOPCOM --db $DB; echo EXIT=\$?; sleep 30"
		check "read-only: the full-screen interface starts" \
		    seen_in ro "Recommendations"
		tm send-keys -t ro a
		check "read-only: the new commission form opens" \
		    seen_in ro "New commission"
		tm send-keys -t ro -l "RO"
		tm send-keys -t ro Tab
		tm send-keys -t ro -l "Read only"
		tm send-keys -t ro C-x
		check "read-only: the save fails, saying why" \
		    seen_in ro "cannot be written (read-only file or folder); nothing was changed"
		tm send-keys -t ro Escape
		check "read-only: Esc asks whether to discard the form" \
		    seen_in ro "Discard"
		tm send-keys -t ro y
		tm send-keys -t ro l l
		check "read-only: the session goes on, still showing the record" \
		    seen_in ro "Open on Sundays and Mondays"
		tm send-keys -t ro q
		check "read-only: and quits normally" seen_in ro "EXIT=0"
	else
		missing "tmux is not installed: the full-screen interface is not tried"
	fi
else
	missing "cannot remount the tmpfs read-only"
fi
finish
