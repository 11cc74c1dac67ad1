#!/bin/bash
# report.sh: make reliability. Runs every reliability test at full length
# and writes docs/reliability.md with what each does and its figures.
#
# Lengths: SOAK_PROCS x SOAK_OPS (16 x 200), CRASH_KILLS (1000),
# HOSTILE_ROWS (5000), FUZZ_SECONDS per harness (60). The page is written
# even when a test fails, with the failure in it: a council's IT team
# should see a red result, not an old green one.
set -u
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
export top_srcdir top_builddir
export LC_ALL=C.UTF-8
page=$top_srcdir/docs/reliability.md
figures=$top_builddir/tests/reliability/figures
logs=$top_builddir/tests/reliability/logs
mkdir -p "$logs" || exit 1
: >"$figures"
export RELIABILITY_OUT=$figures
export SOAK_PROCS=${SOAK_PROCS:-16} SOAK_OPS=${SOAK_OPS:-200}
export CRASH_KILLS=${CRASH_KILLS:-1000} HOSTILE_ROWS=${HOSTILE_ROWS:-5000}
export FUZZ_SECONDS=${FUZZ_SECONDS:-60}
failed=0

# run_one NAME SCRIPT: runs it, keeps its log, notes its tally line.
run_one()
{
	local name=$1 script=$2 start rc tally

	echo "== $name"
	start=$(date +%s)
	bash "$script" >"$logs/$name.log" 2>&1
	rc=$?
	tally=$(tail -n 1 "$logs/$name.log")
	case $rc in
	0) ;;
	77) tally="skipped: $tally" ;;
	*) failed=1; tally="FAILED (exit $rc): $tally" ;;
	esac
	echo "$tally"
	echo "result $name secs=$(($(date +%s) - start)) $tally" >>"$figures"
}

t=$top_srcdir/tests
run_one soak "$t/reliability/soak.sh"
run_one crash "$t/reliability/crash.sh"
run_one full_disk "$t/reliability/full_disk.sh"
run_one backup "$t/reliability/backup.sh"
run_one hostile "$t/reliability/hostile.sh"
run_one keys "$t/deploy/keys.sh"
run_one group "$t/deploy/group.sh"
run_one ssh "$t/deploy/ssh.sh"
run_one account "$t/deploy/account.sh"
run_one terminal_safety "$t/cli/terminal_safety.sh"
run_one injection "$t/e2e/injection.sh"
run_one terminal "$t/e2e/terminal.sh"
echo "== fuzz (${FUZZ_SECONDS} s per harness)"
sh "$t/fuzz/run.sh" | tee "$logs/fuzz.log" || failed=1
seeds=0
for d in "$top_builddir"/tests/fuzz/fuzz_*; do
	[ -x "$d" ] || continue
	n=$("$d" 2>/dev/null | sed -n 's/.*: \([0-9]*\) seed inputs.*/\1/p')
	seeds=$((seeds + ${n:-0}))
done

# fig KEY FIELD: a figure from the line starting with KEY.
fig()
{
	awk -v k="$1" -v f="$2" '$1 == k || ($1 " " $2) == k {
		for (i = 1; i <= NF; i++) if (split($i, kv, "=") == 2 && kv[1] == f) v = kv[2]
	} END { print v == "" ? "?" : v }' "$figures"
}
result() { sed -n "s/^result $1 secs=[0-9]* //p" "$figures"; }
secs() { sed -n "s/^result $1 secs=\([0-9]*\).*/\1/p" "$figures"; }

fuzz_rows=$(awk '$1 == "fuzz" {
	for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
	printf "| %s | %s | %s s | %s | %s | %s |\n", $2, v["runs"], v["secs"],
	    v["cov"], v["corpus"], v["crash"] == 0 ? "none" : "CRASH"
}' "$figures")
fuzz_total=$(awk '$1 == "fuzz" { for (i = 3; i <= NF; i++) { split($i, kv, "=");
	if (kv[1] == "runs") n += kv[2] } } END { print n + 0 }' "$figures")

cat >"$page" <<EOF
# Reliability: why the record can be trusted

This page is written by \`make reliability\`, which runs every test
below at full length; the figures are from its last run. \`make check\`
runs the same tests briefly (16 x 25 operations, 100 kills, the fuzzing
harnesses over their seed corpora and then under libFuzzer for 5 s
each, tests/fuzz/brief.sh), so every change is held to them; \`make
soak\`, \`make crash\` and \`make fuzz\` run the long versions alone.

Last run: $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) CPU(s), Linux
$(uname -r), SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1),
coopcom $("$top_builddir/coopcom" --version | cut -d' ' -f2).
$([ $failed -eq 0 ] && echo "Every test passed." || echo "**Some tests FAILED: see the results below and tests/reliability/logs/.**")

## Many people at once (tests/reliability/soak.sh)

$(fig soak procs) processes each make $(fig soak ops) operations on the same
few recommendations, as people do: read one (show), then act on the
version they saw: edit its title, move it one stage on, or log an
engagement. Every operation carries a unique token. Afterwards every
operation that said it succeeded is in the audit trail exactly once and
every refused one is absent; every refusal was a conflict naming who
changed the record first; nobody was ever told the database was locked
or busy; each recommendation's version equals its number of audit
entries; \`coopcom check\` passes.

| operations | succeeded | refused as conflicts | anything else | time |
|---|---|---|---|---|
| $(fig soak total) | $(fig soak ok) | $(fig soak conflicts) | $(fig soak other) | $(fig soak secs) s |

Result: $(result soak)

## Killed at any moment (tests/reliability/crash.sh)

A writer (an edit, a stage move or a new engagement) is killed with
SIGKILL at a random moment within about two writes' length, while a
second writer works on another recommendation, again and again. After
every kill the database passes \`PRAGMA integrity_check\` and the audit
chain verifies (\`coopcom check\`), and every change the writer had
acknowledged (printed) before it died is there exactly once.

| kills | acknowledged, all kept | committed, killed before saying so | killed before committing (rolled back) | lost | unsound |
|---|---|---|---|---|---|
| $(fig crash kills) | $(fig crash acked) | $(fig crash unacked_committed) | $(fig crash rolled_back) | $(fig crash lost) | $(fig crash unsound) |

Result: $(result crash)

SQLite runs in WAL mode with \`synchronous = NORMAL\`: a killed process
never loses a committed transaction; a power cut may lose the last
moments' commits but never corrupts the file.

## A full disk and a read-only database (tests/reliability/full_disk.sh)

On a small tmpfs mounted for the test: with the disk nearly full a large
edit fails with "the disk ... is full; nothing was changed" while reading
and \`coopcom check\` still work; with it completely full every command
says so, none crashes, and once space is freed the database checks out
unchanged and takes writes again. Remounted read-only, the database is
opened immutable: reads work, every write is refused as read-only, and
\`coopcom check\` passes. A running full-screen session keeps its
connection, so it goes on showing the record while its saves fail with
the same message; one started on the read-only database shows the
record, and a save there fails saying the file is read-only.

Result: $(result full_disk)

## Backups while others work (tests/reliability/backup.sh)

\`coopcom backup FILE\` uses SQLite's online backup API: one read
transaction, which in WAL mode never blocks a writer. Five backups are
taken while a writer edits as fast as it can: each is a single file that
\`coopcom --db FILE check\` passes, whose audit trail is the live one's up
to its moment, and the writer is never refused. A backup never replaces
a file, and a failed one leaves nothing.

Result: $(result backup)

## Hostile and malformed input (tests/reliability/hostile.sh, tests/cli/terminal_safety.sh, tests/e2e/injection.sh)

100,000-character fields are kept and shown whole; an import of
$HOSTILE_ROWS rows completes and a CSV cell over the 1 MiB limit is refused
naming its line; random bytes, a database cut in half, overwritten pages
and an empty file give clear errors and \`coopcom check\` names the
damage; a recommendation at a stage the workflow does not have is listed
and shown, cannot move (the message names the stage), is named by
\`coopcom check\`, and the full-screen interface shows it. Escape
sequences, OSC 52, BEL, backspace, right-to-left overrides and invalid
UTF-8 in the data never reach a terminal raw, from the CLI
(terminal_safety.sh) or the full-screen interface (injection.sh).

Results: hostile.sh: $(result hostile); terminal_safety.sh:
$(result terminal_safety); injection.sh: $(result injection)

## Fuzzing (tests/fuzz/)

libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer, for
$FUZZ_SECONDS s each: money amounts (every accepted amount must format and
read back to the same pence), timescales, the CSV reader (every row read
must write and read back the same), the settings file, the workflow
file, and a command line as the CLI and the SSH gate split and parse it.
Every crash found becomes a file of tests/fuzz/corpus/, replayed by
\`make check\` ($seeds seed inputs now).

| harness | executions | time | coverage (edges) | corpus | crashes |
|---|---|---|---|---|---|
$fuzz_rows

$fuzz_total executions in all. Found so far: a CSV field starting with
a byte order mark, first in a file, lost the mark on reading back (the
writer now quotes it; tests/fuzz/corpus/csv/regress-bom-first-field).
libconfig 1.5 leaks a little memory on some syntax errors (fixed in
1.7; suppressed in tests/fuzz/lsan.supp, not ours).

## Deployment over SSH (tests/deploy/)

A real sshd (Debian's openssh-server) on a loopback port, laid out by
coopcom-setup, two people's keys installed by coopcom-keys on the demo
database: each key lands in coopcom as its person, on the command line
and in the full-screen interface; a sub-group's chair can change their
own recommendation and not another sub-group's; \`ssh host sh\`, \`ssh host
-- coopcom --as someone-else\`, shell syntax, commands that would touch
files on the host, port forwarding and C-z or ! in the interface give
nothing else, and writing a report to a file on the host is refused; a
removed key no longer gets in. keys.sh checks coopcom-keys's refusals;
account.sh the service account's folders used by an account that is not
root (nobody): it makes the database, cannot change its keys, and keeps
a dropped session's draft; group.sh the shared-group model's file modes,
a second member's write, and identity. See docs/deployment.md.

| test | result | time |
|---|---|---|
| ssh.sh | $(result ssh) | $(secs ssh) s |
| keys.sh | $(result keys) | $(secs keys) s |
| group.sh | $(result group) | $(secs group) s |
| account.sh | $(result account) | $(secs account) s |

## Dropped connections

SIGHUP (and SIGTERM) to the full-screen interface with a form open keeps
the form as a draft, offered back at the next start, and restores the
terminal: tests/e2e/terminal.sh; for the service account of
docs/deployment.md, tests/deploy/account.sh.

Result: $(result terminal)

## What these tests do not show

The audit chain's hashes use no secret: it catches edits made by hand
and damage, not a person who can write the database file and rewrites
the chain from the point they change. Against them the protection is
who may write the file (docs/deployment.md). A power cut can lose the
last commits before it (synchronous = NORMAL), never the file's
soundness; the crash test kills processes, it does not cut power.
EOF
echo "wrote $page"
exit $failed
