#!/bin/bash
# meetings.sh: meetings, decisions and the report to Cabinet, end to end:
# the agenda and its quorum, decisions that move recommendations (and the
# quorum refusing them), draft minutes, the report in Markdown, HTML and
# CSV (the HTML parsed and the CSV read back by python3, independent of
# coopcom), the impact assessment and its matrix, and importing a
# spreadsheet, all or nothing.
. "$(dirname "$0")/lib.sh"

DB=$TMP/meetings.db
cc() { run coopcom --db "$DB" "$@"; }

# py SCRIPT FILE: python3 runs SCRIPT on FILE (sys.argv[1]); exits 0 if
# it holds. Skipped where python3 is missing.
py()
{
	local what=$1 script=$2

	shift 2
	if ! command -v python3 >/dev/null; then
		skip "python3 is not installed: $what"
		return 0
	fi
	if python3 -c "$script" "$@" 2>"$TMP/.py"; then
		pass "$what"
	else
		fail "$what"
		tail -n 3 "$TMP/.py" | sed 's/^/    python: /'
	fi
}

# The HTML is one well-formed, self-contained page: every element closed
# in order, nothing fetched from elsewhere, styles for print, and no tag
# that came from the data.
html_check='
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "input", "link", "col"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.text, self.bad = [], set(), [], []
        self.style = ""
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for k, v in attrs:
            if k in ("src", "href", "srcset", "action"):
                self.bad.append("%s=%s" % (k, v))
        if tag not in VOID:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.bad.append("</%s> closes %s" % (tag, self.stack[-1:]))
        else:
            self.stack.pop()
    def handle_data(self, d):
        if self.stack and self.stack[-1] == "style":
            self.style += d
        self.text.append(d)
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
assert not p.bad, p.bad
assert not p.stack, p.stack
assert "script" not in p.tags and "link" not in p.tags, p.tags
assert "@media print" in p.style
assert "url(" not in p.style
text = "".join(p.text)
for want in sys.argv[2:]:
    assert want in text, want
'

cc init --demo
expect_status 0

# The agenda of the third Assembly: attendance, quorum, items awaiting.
cc agenda 23
expect_status 0
expect_out_contains "8 present, 2 apologies, 1 absent; quorum 5: quorate"
expect_out_contains "CC-LCL-04"
cc agenda 23 --format csv
expect_out_line 1 "id,ref,title,subgroup,stage,term,savings_pence,upfront_cost_pence,decision,for,against,abstain,reason,actions,version"
cc list agenda --meeting 21 --format csv
expect_out_contains "CC-EMP-01" "Cabinet's agenda: what is in the report"

# A decision moves the recommendation, with the meeting as its decision.
cc decide 23 CC-LCL-04 approved --for 8 --against 0 --abstain 1 \
    --actions "Write to the leisure trust"
expect_status 0
expect_out_contains "it is now at: Approved by the Assembly"
cc history CC-LCL-04 --format json
expect_json '[h["decision"] for h in d if h["action"] == "advance"][-1] == "approved" and d[-1]["meeting"].startswith("2012-05-15 assembly")'

# A meeting without quorum cannot approve, and nothing is written.
cc add meeting --body assembly --commission CC --date 2012-06-01 --title "Poorly attended"
expect_status 0
NEW=24
cc attend $NEW fmercer --status present
cc add recommendation --subgroup LCL --title "Late item" --term short --savings 0 --upfront-cost 0
cc advance CC-LCL-05 submitted
expect_status 0
cc list decisions --format csv
before=$(wc -l <"$out_file")
cc decide $NEW CC-LCL-05 approved
expect_status 5
expect_err_contains "not quorate: 1 present, and the Assembly needs 5"
cc advance CC-LCL-05 approved --decision $NEW
expect_status 5
cc list decisions --format csv
check "the refused decisions wrote nothing" test "$(wc -l <"$out_file")" -eq "$before"
cc decide $NEW CC-LCL-05 deferred --note "Not quorate"
expect_status 0
expect_out_contains "it is now at: Submitted to the commission"
cc decide $NEW CC-LCL-05 maybe
expect_status 2
expect_err_contains "is not a decision"

# A rejection with its reasons moves the recommendation too.
cc add recommendation --subgroup LCL --title "Rejected item" --term short --savings 0 --upfront-cost 0
cc advance CC-LCL-06 submitted
cc decide 23 CC-LCL-06 rejected --note "Duplicates CC-LCL-04" --for 2 --against 6
expect_status 0
expect_out_contains "it is now at: Rejected"
cc history CC-LCL-06 --format json
expect_json 'd[-1]["decision"] == "rejected" and d[-1]["meeting"].startswith("2012-05-15 assembly") and d[-1]["note"] == "Duplicates CC-LCL-04"'

# Meetings of every body, with a place; each agenda holds what awaits
# that body: a sub-group's drafts, every draft for the Citizens' Group.
cc add recommendation --subgroup ENG --title "A fresh draft" --term short
for body in "subgroup --subgroup ENG" "citizens_group --commission CG" \
    "scrutiny --commission CC" "cabinet --commission CC" \
    "council --commission CC"; do
	cc add meeting --body $body --date 2012-07-02 --place "Room 4, Civic Offices"
	expect_status 0
done
cc agenda 25
expect_out_contains "the sub-group of CC-ENG, 2012-07-02, Room 4, Civic Offices" "A fresh draft"
expect_out_lacks "CC-LCL-06" "a sub-group's agenda holds its own items"
cc agenda 26
expect_out_contains "the Citizens' Group of CG" "A fresh draft" "CC-EMP-03"
cc agenda 27
expect_out_contains "the scrutiny committee of CC, 2012-07-02, Room 4"

# The quorum and the key-decision threshold come from the config.
printf 'quorum = { assembly = 9; };\nkey_decision_pence = 1000000;\n' \
    >"$XDG_CONFIG_HOME/coopcom/config"
cc agenda 23
expect_out_contains "8 present, 2 apologies, 1 absent; quorum 9: NOT quorate"
cc decide 23 CC-LCL-05 approved
expect_status 5
expect_err_contains "the Assembly needs 9 (quorum.assembly)"
cc report --commission CC --format csv --output key.csv
expect_status 0
py "report: key decisions from the config's threshold" '
import csv, sys
recs = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8",
    newline="")) if r["row"] == "recommendation"]
key = {r["ref"] for r in recs if r["key_decision"] == "yes"}
want = {r["ref"] for r in recs if max(int(r["savings_pence"] or 0),
    int(r["upfront_cost_pence"] or 0)) >= 1000000}
assert key == want and len(key) > 2, (key, want)
' key.csv
: >"$XDG_CONFIG_HOME/coopcom/config"

# Draft minutes, Markdown and HTML.
cc minutes 23
expect_status 0
expect_out_contains "# Minutes (draft): Third meeting of the Assembly"
expect_out_contains "**Present:** Aisha Rahman"
expect_out_contains "### 2. CC-LCL-04 One card for libraries"
expect_out_contains "**Vote:** 8 for, 0 against, 1 abstaining."
expect_out_contains "**Actions:** Write to the leisure trust"
cc minutes 23 --format html --output minutes.html
expect_status 0
py "minutes: the HTML parses and says who came" "$html_check" minutes.html \
    "Present:" "Write to the leisure trust" "quorate"
cc minutes 23 --format pdf
expect_status 2

# Text from the data is escaped in every format.
cc add recommendation --subgroup BRK --title "<script>alert(1)</script> & <b>co</b>" \
    --term long --savings "£600,000" --upfront-cost 0
cc advance CC-BRK-04 submitted
cc decide 23 CC-BRK-04 approved
expect_status 0

# The report, Markdown.
cc report --commission CC
expect_status 0
expect_out_contains "# Report to Cabinet: Co-operative Commission"
expect_out_contains "### CC-LCL Leisure, Culture & Libraries"
expect_out_contains "#### Short term (6 months)"
expect_out_contains "\\<script\\>alert(1)\\</script\\> & \\<b\\>co\\</b\\> (key decision)"
expect_out_contains "## Financial summary"
expect_out_contains "## Integrated impact assessment: where negative impacts fall"
expect_out_contains "## Membership of the commission and its sub-groups"
expect_out_contains "## Engagement carried out"
expect_out_contains "## Appendix: timescales"
expect_out_lacks "CC-LCL-03 Extend library" "the rejected one is not in the report"

# HTML: one self-contained page, parsed by python's html.parser.
cc report --commission CC --format html --output report.html
expect_status 0
check "report.html is written" test -s report.html
check "no temporary file is left" test -z "$(ls | grep tmp-)"
py "report: the HTML parses, self-contained, escaped" "$html_check" \
    report.html "<script>alert(1)</script> & <b>co</b>" "Key decision" \
    "Financial summary" "Appendix: timescales"

# CSV: read back by python's csv; the totals are the sums of the rows,
# exact to the penny.
cc report --commission CC --format csv --output report.csv
expect_status 0
py "report: the CSV totals add up to the penny" '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
recs = [r for r in rows if r["row"] == "recommendation"]
total = [r for r in rows if r["row"] == "total"][0]
assert len(recs) == int(total["recommendations"]) == 9, len(recs)
for col in ("savings_pence", "upfront_cost_pence"):
    assert sum(int(r[col] or 0) for r in recs) == int(total[col]), col
for sg in {r["subgroup"] for r in recs}:
    t = [r for r in rows if r["row"] == "subgroup_total" and r["subgroup"] == "CC-" + sg][0]
    assert sum(int(r["savings_pence"] or 0) for r in recs if r["subgroup"] == sg) == int(t["savings_pence"])
key = [r["ref"] for r in recs if r["key_decision"] == "yes"]
assert "CC-BRK-04" in key and "CC-LCL-02" in key, key
assert total["savings"].startswith("£")
' report.csv
cc report --format odt
expect_status 2

# The impact assessment: set, shown, refused, and the matrix.
cc impact CC-LCL-04 pollution --rating negative --comment "More car trips"
expect_status 0
cc impact CC-BRK-04 17 --rating neg
expect_status 0
cc impact CC-LCL-04
expect_out_contains "pollution"
expect_out_contains "negative v1  More car trips"
cc impact CC-LCL-04 pollution --rating awful
expect_status 2
expect_err_contains "neutral, positive or negative"
cc impact CC-LCL-04 noise --rating negative
expect_status 2
expect_err_contains "not a heading"
cc impact --matrix --report
expect_status 0
expect_out_contains "CC-LCL-04"
cc impact --matrix --format csv
expect_out_line 1 "heading,label,negative,neutral,positive,not_assessed,rated_negative"
cc report --commission CC --format html --output report.html
py "report: the grid shows the rating and the comment" "$html_check" \
    report.html "More car trips" "Sustainable procurement"

# Import: a dry run per row, then all or nothing.
printf '\xef\xbb\xbfsubgroup,title,text,term,savings,upfront-cost\r\n' >recs.csv
printf 'LCL,"Sunday opening, with volunteers","Two\nlines",short,"£1,500",0\r\n' >>recs.csv
printf 'BRK,Bad money,,short,12.345,0\r\n' >>recs.csv
printf 'NOPE,Nowhere,,short,1,0\r\n' >>recs.csv
cc list recommendations --format csv
recs_before=$(wc -l <"$out_file")
cc import recommendations recs.csv --dry-run
expect_status 2
expect_out_contains "line 2: new"
expect_out_contains "line 4: error"
expect_out_contains "column \"savings\""
expect_out_contains "line 5: error"
expect_out_contains "column \"subgroup\": there is no subgroup \"NOPE\""
cc import recommendations recs.csv
expect_status 2
expect_err_contains "nothing was imported"
cc list recommendations --format csv
check "a failed import adds nothing" test "$(wc -l <"$out_file")" -eq "$recs_before"
cc import recommendations recs.csv --skip-bad
expect_status 0
expect_out_contains "1 new, 0 updated, 0 unchanged, 2 with errors: imported"
cc show recommendation CC-LCL-07
expect_out_contains "Sunday opening, with volunteers"
printf 'login,name\nnewbie,Nell Newbie\n' >people.csv
cc import people people.csv
expect_status 0
cc import things people.csv
expect_status 2
cc import people missing.csv
expect_status 3

cc check
expect_status 0
finish
