#!/bin/bash
# terminal.sh: the full-screen interface and the terminal it runs in.
#
# Resizing from 80x24 to 20x5, 40x12, 132x43 and back: no crash, the
# screen is laid out again for each size, says when things are hidden,
# and is back as it was at 80x24; C-l draws it all again after another
# program wrote on the terminal; wide characters are edited in a form
# with the cursor in its place; mouse clicks select a sub-group and a
# recommendation, whose detail follows. Under TERM=vt100, xterm, xterm-256color,
# screen and tmux-256color, and with NO_COLOR=1, the main screen draws,
# the selected row is in reverse video and the overdue mark "!" is there;
# colour is used only where the terminal has it and NO_COLOR is unset.
# SIGTERM and SIGHUP while a form is open, and q, each leave the terminal
# as the shell had it (stty -a the same; no alternate screen, keypad mode
# or mouse reporting left on; the cursor visible; the prompt back); the
# interrupted form is kept as a draft, offered at the next start ("unsaved
# draft") and restored with r.
. "$(dirname "$0")/tmux.sh"

DB=$TMP/term.db
run coopcom --db "$DB" init --demo
expect_status 0

# row N: row N (from 0) of the screen.
row() { screen | sed -n "$(($1 + 1))p"; }
# rows_match N REGEX [N REGEX...]: each row N matches its REGEX.
rows_match()
{
	while [ $# -gt 0 ]; do
		row "$1" | grep -qE -- "$2" || return 1
		shift 2
	done
}
# same_as FILE: the screen is as FILE.
same_as() { screen | cmp -s "$1" -; }

# Resizing. A terminal that shrinks scrolls what it showed (tmux keeps
# the bottom rows), so each size waits for rows that only the new layout
# has, and 80x24 for the very screen it started with.
term_start sizes 80 24 -- "$COOPCOM" --db "$DB"
expect_screen "coopcom: Commission" "80x24: the main screen is drawn"
screen >"$TMP/screen.initial"
for size in 20x5 40x12 132x43 80x24; do
	cols=${size%x*} lines=${size#*x}
	tm resize-window -t sizes -x "$cols" -y "$lines"
	case $size in
	20x5) laid_out=(rows_match 0 '^coopcom: Commission' \
	    1 '^Commissions \(3\)' 3 '^ small screen: some') ;;
	40x12) laid_out=(rows_match 0 '^coopcom: Commission' \
	    3 '^CC    Co-operative Commission' \
	    10 '^ small screen: some things hidden \|') ;;
	132x43) laid_out=(rows_match 0 '^coopcom: Commission  1 main' \
	    5 'CC-BRK-03 +tested +[0-9]+(d|mo|y) +A youth café' 41 "^ $ME, admin \\| ") ;;
	80x24) laid_out=(same_as "$TMP/screen.initial") ;;
	esac
	if wait_until 10 "${laid_out[@]}"; then
		pass "$size: laid out for the new size"
	else
		screen >"$TMP/.screen"
		fail_screen "$size: laid out for the new size"
	fi
	check "$size: coopcom is still running" \
	    test "$(pane_format '#{pane_dead}')" = 0
	screen >"$TMP/screen.$size"
	check "$size: the screen is $lines rows" \
	    test "$(wc -l <"$TMP/screen.$size")" -eq "$lines"
	check "$size: no row is wider than $cols columns" \
	    test "$(wc -L <"$TMP/screen.$size")" -le "$cols"
done

# C-l draws all of the screen again, whatever else wrote on the terminal.
printf '\033[5;3HSCRIBBLE' >"$(pane_format '#{pane_tty}')"
expect_screen "SCRIBBLE" "another program scribbles on the terminal"
send C-l
if wait_until 10 same_as "$TMP/screen.initial"; then
	pass "C-l draws the screen again, as it was"
else
	screen >"$TMP/.screen"
	fail_screen "C-l draws the screen again, as it was"
fi

# Wide characters in a form: inserted between them, the text and the
# terminal's cursor are where they should be (漢 and 字 take two columns).
send a
expect_screen "New commission" "a opens the new commission form"
send_text "漢字ab"
send Left Left
send_text "X"
expect_screen "漢字Xab" "a letter typed after two wide characters"
line=$(screen | grep -n "漢字Xab" | head -n 1)
prefix=${line#*:}
prefix=${prefix%%漢*}
want_x=$(printf %s "$prefix" | python3 -c 'import sys, unicodedata
print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
    for c in sys.stdin.read()) + 5)')
want_y=$(( ${line%%:*} - 1 ))
check "the cursor is after 漢字X (column $want_x, row $want_y)" test \
    "$(pane_format '#{cursor_x},#{cursor_y}')" = "$want_x,$want_y"
send BSpace Left BSpace Delete
expect_screen_re "Code\* +ab " \
    "Backspace and Delete take whole wide characters"
send Escape
expect_screen "Discard what you typed"
send y
expect_screen "Nothing was" "the form is gone, nothing added"

# Mouse clicks select (xterm's SGR reports: column and row from 1): the
# third sub-group, then the third of its recommendations, whose detail
# follows.
click() { send_text $'\e[<0;'"$1;$2M"$'\e[<0;'"$1;$2m"; }
click 31 6
expect_screen "Recommendations: ENG (3)" "a click on a sub-group selects it"
click 60 6
expect_screen_re "^Sub-groups \(4\) .*Detail" \
    "a click on a recommendation moves to its panel"
expect_screen_re "CC-ENG-03  Particip.* CC-ENG-03 *\$" \
    "the detail follows the clicked recommendation"
send q
expect_exit 0 "after the resizes, q quits with status 0"

# Terminal types, colour and NO_COLOR.
for t in vt100 xterm xterm-256color screen tmux-256color \
    xterm-256color:NO_COLOR=1; do
	term=${t%%:*} name=term-${t//[:=]/-}
	env=("TERM=$term")
	case $t in *:*) env+=("${t#*:}") ;; esac
	term_start "$name" 80 24 "${env[@]}" -- "$COOPCOM" --db "$DB"
	expect_screen "coopcom: Commission" "$t: the main screen is drawn"
	expect_screen "! CC-BRK-01" "$t: the overdue mark shows without colour"
	screen_attrs >"$TMP/attrs"
	# The cursor is on the first commission, in reverse video.
	check "$t: the selected row is in reverse video" grep -aqE \
	    $'\e\\[([0-9]+;)*7(;[0-9]+)*m(\e\\[[0-9;]*m|[\x0e\x0f])*CC    Co-operative' \
	    "$TMP/attrs"
	# Colours: SGR 30-37 or 40-47 (39 and 49 are the defaults).
	if grep -aqE $'\e\\[([0-9]+;)*(3[0-7]|4[0-7])(;[0-9]+)*m' "$TMP/attrs"; then
		coloured=yes
	else
		coloured=no
	fi
	case $t in
	*NO_COLOR*|vt100) want=no ;;
	*) want=yes ;;
	esac
	check "$t: colour is used: $want" test "$coloured" = "$want"
	send q
	expect_exit 0 "$t: q quits with status 0"
done

# Signals and q, from a shell. launch runs coopcom noting its pid, with
# its standard error in a file.
cat >"$TMP/launch" <<EOF || exit 99
#!/bin/sh
echo \$\$ >"$TMP/pid"
exec "$COOPCOM" --db "$DB" 2>"$TMP/stderr"
EOF
chmod +x "$TMP/launch" || exit 99
term_start shell 80 24 TERM=xterm-256color
expect_screen 'e2e$' "the shell's prompt"
send_text "stty -a >$TMP/stty.before; echo stty-saved"
send Enter
wait_for_re '^stty-saved' || fail_screen "stty -a before"

# tty_restored WHAT: after coopcom ended, the shell's terminal is as it
# was before.
n_launch=0
tty_restored()
{
	local what=$1 flags

	if wait_for_re "^exited $n_launch: [0-9]+"; then
		pass "$what: the shell runs again"
	else
		fail_screen "$what: the shell runs again"
	fi
	if wait_until 10 prompt_last; then
		pass "$what: the prompt is back"
	else
		screen >"$TMP/.screen"
		fail_screen "$what: the prompt is back"
	fi
	send_text "stty -a >$TMP/stty.after; echo stty-read-$n_launch"
	send Enter
	wait_for_re "^stty-read-$n_launch" || fail_screen "stty -a after"
	if cmp -s "$TMP/stty.before" "$TMP/stty.after"; then
		pass "$what: stty -a is as before"
	else
		fail "$what: stty -a is as before"
		diff "$TMP/stty.before" "$TMP/stty.after" | sed 's/^/    /'
	fi
	flags=$(pane_format 'alt=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_flag},#{keypad_cursor_flag} mouse=#{mouse_any_flag},#{mouse_standard_flag},#{mouse_button_flag},#{mouse_all_flag} insert=#{insert_flag}')
	check "$what: normal screen, cursor shown, no keypad or mouse mode ($flags)" \
	    test "$flags" = "alt=0 cursor=1 keypad=0,0 mouse=0,0,0,0 insert=0"
	shell_status=$(screen | sed -n "s/^exited $n_launch: \([0-9]*\).*/\1/p" |
	    tail -n 1)
}

# prompt_last: the last line shown is the shell's prompt.
prompt_last() { test "$(screen | sed '/^ *$/d' | tail -n 1)" = 'e2e$'; }

# launch: coopcom from the shell; waits for its main screen.
launch()
{
	n_launch=$((n_launch + 1))
	send_text "$TMP/launch; echo \"exited $n_launch: \$?\""
	send Enter
	expect_screen "coopcom: Commission" "launch $n_launch: the main screen"
	check "launch $n_launch: on the alternate screen" \
	    test "$(pane_format '#{alternate_on}')" = 1
}

# open_form TEXT: the new commission form, with TEXT typed as its name.
open_form()
{
	send a
	expect_screen "New commission" "a opens the new commission form"
	send_text "TST"
	send Tab
	send_text "$1"
	expect_screen "$1" "the form shows what was typed"
}

# SIGTERM with a form open.
launch
open_form "Terminated – Zoë's draft"
kill -TERM "$(cat "$TMP/pid")"
tty_restored "SIGTERM"
check "SIGTERM: coopcom exits normally, not killed (status $shell_status)" \
    test "$shell_status" -eq 0 -o "$shell_status" -eq 143
check "SIGTERM: it says the form is kept as a draft" \
    grep -q "kept as a draft" "$TMP/stderr"

# The next start offers the draft; d discards it; q quits.
launch
expect_screen "You have an unsaved draft of a new commission" \
    "the next start offers the draft"
send d
expect_screen "The draft was discarded"
send q
tty_restored "q"
check "q: status 0" test "$shell_status" -eq 0
launch
expect_screen_lacks "unsaved draft" "a discarded draft is not offered again"

# SIGHUP with a form open: the draft comes back with r.
open_form "Hung up – Siân's draft"
kill -HUP "$(cat "$TMP/pid")"
tty_restored "SIGHUP"
check "SIGHUP: coopcom exits normally, not killed (status $shell_status)" \
    test "$shell_status" -eq 0 -o "$shell_status" -eq 129
check "SIGHUP: it says the form is kept as a draft" \
    grep -q "kept as a draft" "$TMP/stderr"
launch
expect_screen "You have an unsaved draft of a new commission" \
    "after SIGHUP the next start offers the draft"
send r
expect_screen "Your draft is back as you left it" "r restores the draft"
expect_screen "Hung up – Siân's draft" "the restored form has what was typed"
send C-x
expect_screen "Added commission TST" "the restored draft is saved"
send q
tty_restored "q after saving the draft"
run coopcom --db "$DB" list commissions --format csv
expect_out_contains "TST,Hung up – Siân's draft" "database: the commission from the draft"
launch
expect_screen_lacks "unsaved draft" "a saved draft is not offered again"
send q
tty_restored "q again"

e2e_finish
