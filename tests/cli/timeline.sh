#!/bin/bash
# timeline.sh: `coopcom timeline` on the demo database. The iCalendar is
# parsed by an independent parser, Debian's python3-icalendar: every
# event parses; UIDs are unique and the same in a second export and
# after an edit, which raises that event's SEQUENCE; lines are CRLF and
# folded within 75 octets, multibyte text and control characters
# included. The CSV and Markdown list the demo's timeline in date order,
# the "To be confirmed" milestone last, as undated.
. "$(dirname "$0")/lib.sh"

DB=$TMP/demo.db
cc() { run coopcom --db "$DB" "$@"; }

# A Python that has the icalendar module: Debian's own, if the python3
# first on the PATH is another one.
PY=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null && "$p" -c 'import icalendar' 2>/dev/null; then
		PY=$p
		break
	fi
done

cc init --demo
expect_status 0

# ics_check FILE PYTHON_EXPR [DESCRIPTION [ARG...]]: FILE parses as a
# calendar and the expression is true, with ev the list of its events
# (each a dict: uid, seq, start, end, summary, description, status), raw
# its bytes, and argv its ARGs.
ics_check()
{
	local file=$1 expr=$2 what=${3:-ics: $2}

	shift $(($# < 3 ? $# : 3))
	if [ -z "$PY" ] && [ -n "${CI:-}" ]; then
		fail "python3-icalendar is missing, though the README's test command installs it: $what"
		return 0
	elif [ -z "$PY" ]; then
		skip "python3-icalendar is not installed: not checked: $what"
		return 0
	fi
	if "$PY" -c 'import sys, icalendar
raw = open(sys.argv[1], "rb").read()
cal = icalendar.Calendar.from_ical(raw)
ev = []
for e in cal.walk("VEVENT"):
    ev.append({"uid": str(e["UID"]), "seq": int(e["SEQUENCE"]),
        "start": e["DTSTART"].dt, "end": e["DTEND"].dt if "DTEND" in e else None,
        "summary": str(e["SUMMARY"]), "description": str(e["DESCRIPTION"]),
        "status": str(e["STATUS"]), "stamp": e["DTSTAMP"].dt})
argv = sys.argv[3:]
sys.exit(0 if eval(sys.argv[2]) else 1)' "$file" "$expr" "$@" 2>"$TMP/.py"; then
		pass "$what"
	else
		fail "$what"
		tail -n 3 "$TMP/.py" | sed 's/^/    python: /'
	fi
}

cc timeline --format ics --output one.ics
expect_status 0
cc timeline --format ics
expect_status 0
cp "$out_file" two.ics
check "two exports are the same bytes" cmp -s one.ics two.ics
ics_check one.ics 'len(ev) == 37' "every dated item is an event (33 milestones, 4 recommendations)"
ics_check one.ics 'len(set(e["uid"] for e in ev)) == len(ev)' "UIDs are unique"
ics_check one.ics 'all(e["uid"].split("@")[0].split("-")[0] in ("milestone", "recommendation") for e in ev)' \
    "UIDs name the kind of record"
ics_check one.ics 'sorted(e["uid"] for e in ev) == sorted(str(x["UID"]) for x in __import__("icalendar").Calendar.from_ical(open(argv[0], "rb").read()).walk("VEVENT"))' \
    "the second export has the same UIDs" two.ics
ics_check one.ics 'not any("Schools Learning Partnership" in e["summary"] for e in ev)' \
    "the \"To be confirmed\" milestone is not in the calendar"
ics_check one.ics 'all(l.endswith(b"\r") for l in raw.split(b"\n")[:-1]) and raw.endswith(b"\r\n")' \
    "every line ends in CRLF"
ics_check one.ics 'all(len(l) <= 76 for l in raw.split(b"\n"))' \
    "no line is longer than 75 octets"
ics_check one.ics 'all(l.decode("utf-8") is not None for l in raw.split(b"\r\n"))' \
    "each physical line is whole UTF-8 (no character cut by a fold)"
ics_check one.ics '[(e["start"].isoformat(), e["end"].isoformat()) for e in ev if e["uid"].startswith("milestone-17@")] == [("2011-07-21", "2011-08-01")]' \
    "\"End July 2011\" runs 21 July to DTEND 1 August (exclusive)"
ics_check one.ics '[e["end"] for e in ev if e["uid"].startswith("milestone-1@")] == [None]' \
    "an exact day has no DTEND"
ics_check one.ics 'all(e["seq"] == 1 for e in ev if e["uid"].startswith("milestone-"))' \
    "SEQUENCE starts at the record's version, 1"

# An edit of one milestone: its UID stays, its SEQUENCE goes up; the
# other events are unchanged.
cc edit milestone 17 --title "Direct line to Wrekin Housing Trust – open" --timescale "August 2011"
expect_status 0
cc timeline --format ics --output three.ics
expect_status 0
ics_check three.ics 'sorted(e["uid"] for e in ev) == sorted(str(x["UID"]) for x in __import__("icalendar").Calendar.from_ical(open(argv[0], "rb").read()).walk("VEVENT"))' \
    "the UIDs survive the edit" one.ics
ics_check three.ics '[(e["seq"], e["summary"], e["start"].isoformat()) for e in ev if e["uid"].startswith("milestone-17@")] == [(2, "Direct line to Wrekin Housing Trust – open", "2011-08-01")]' \
    "the edited milestone has a higher SEQUENCE and its new title and dates"
ics_check three.ics 'len(ev) == 37' "still 37 events, not a duplicate"

# Text a calendar must receive escaped: commas, semicolons, a backslash,
# line breaks, multibyte characters and control characters.
cc add milestone --commission CC --title "$(printf 'Zoë’s café; bells\a, tabs\tand\nlines \\ all – ünïcödé ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓')" \
    --timescale "1 August 2011" --status "$(printf 'escape \033[31mred\033[0m')"
expect_status 0
cc timeline --format ics --output four.ics
expect_status 0
check "no control character but CR LF and TAB reaches the file" \
    bash -c "! LC_ALL=C grep -qP '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]' four.ics"
ics_check four.ics '[e["summary"] for e in ev if e["summary"].startswith("Zoë")] == ["Zoë’s café; bells\\x07, tabs\tand\nlines \\ all – ünïcödé" + " ✓" * 22]' \
    "the title reads back: escapes undone, the bell in its visible form"
ics_check four.ics 'any("escape \\e[31mred\\e[0m" in e["description"] for e in ev)' \
    "the status's escape sequence is shown, not sent"
ics_check four.ics 'all(len(l) <= 76 for l in raw.split(b"\n")) and all(l.decode("utf-8") is not None for l in raw.split(b"\r\n"))' \
    "long multibyte lines are folded whole"

# CSV: date order, the undated last, "To be confirmed" among them.
cc timeline --format csv
expect_status 0
expect_out_line 1 "id,kind,ref,commission,subgroup,theme,title,timescale,earliest,latest,dating,state,done_on,due"
if command -v python3 >/dev/null; then
	check "dated rows in order of earliest then latest, the undated last" python3 -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
keys = [(r["earliest"] == "", r["earliest"], r["latest"]) for r in rows]
sys.exit(0 if keys == sorted(keys) and rows[-1]["earliest"] == "" else 1)' "$out_file"
	check "the \"To be confirmed\" milestone is listed last, undated" python3 -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
r = rows[-1]
sys.exit(0 if (r["timescale"], r["dating"], r["due"], r["earliest"]) == ("To be confirmed", "tbc", "undated", "") else 1)' "$out_file"
fi
expect_out_contains '1,milestone,,CC,,Next steps and timescales,Proposed approach agreed by Cabinet and launch/promotion internally and externally,26 July 2011,2011-07-26,2011-07-26,exact,done,2011-07-26,done'
expect_out_contains ',recommendation,CC-LCL-01,CC,LCL,'
cc --today 2011-07-20 timeline --format csv
check "due states follow --today" grep -q '^17,milestone,.*,2011-08-01,2011-08-31,range,planned,,soon' "$out_file"

# Markdown: the undated in their own table, after the dated.
cc timeline --format md
expect_status 0
expect_out_contains "## Undated (to be confirmed, or no date given)"
check "the TBC milestone is under Undated" bash -c "sed -n '/^## Undated/,\$p' '$out_file' | grep -q 'Schools Learning Partnership'"
check "and not under Dated" bash -c "! sed -n '/^## Dated/,/^## Undated/p' '$out_file' | grep -q 'Schools Learning Partnership'"

# Scope and refusals.
cc timeline --format csv --subgroup CC-LCL
expect_status 0
check "--subgroup keeps that sub-group's items" test "$(tail -n +2 "$out_file" | grep -vc ',CC,LCL,')" -eq 0
cc timeline --format pdf
expect_failure
expect_err_contains "the format is ics, csv or md"
cc timeline --format ics --subgroup NOPE
expect_failure

finish
