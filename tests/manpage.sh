#!/bin/sh
# manpage.sh: fails when docs/coopcom.1 falls behind the program.
#
# Asks the built binary what it has, and looks for an entry for each in the
# man page: every command of `coopcom --help` as ".It Cm NAME" under
# COMMANDS, every global option as ".It Fl \-NAME" under OPTIONS, every
# setting of `coopcom config --list` as ".It Ic NAME" under CONFIGURATION,
# every kind of record as ".Ss KIND" under RECORDS AND FIELDS with each of
# its fields (`coopcom fields KIND`) as ".It Fl \-FIELD" in it, and every
# list of `coopcom list` as ".It Cm NAME" under COMMANDS. When mandoc or
# groff is installed, the page must also format without warnings.
#
# make check exports top_srcdir and top_builddir; run by hand, both default
# to the top of the tree this script is in.

here=$(cd "$(dirname "$0")" && pwd) || exit 1
top_srcdir=${top_srcdir:-$here/..}
top_builddir=${top_builddir:-$here/..}
page=$top_srcdir/docs/coopcom.1
coopcom=$top_builddir/coopcom

# Nothing of the user's may leak in: no config, no database, no locale.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/manpage.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' 0
trap 'exit 1' HUP INT TERM
HOME=$tmp
XDG_CONFIG_HOME=$tmp/config
XDG_DATA_HOME=$tmp/data
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
unset COOPCOM_DB
: > "$tmp/coopcom.conf"
conf=$tmp/coopcom.conf

passed=0
failed=0

ok() {
	passed=$((passed + 1))
}

bad() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}

# The page with each ".It Xo" joined to the line after it, so that
# ".It Xo" / ".Cm list Ar what" reads as ".It Cm list Ar what".
norm=$tmp/page
awk '{
	if ($0 == ".It Xo" && (getline next_line) > 0) {
		sub(/^\./, "", next_line)
		print ".It " next_line
	} else
		print
}' "$page" > "$norm" || exit 1

# section NAME: the lines of section NAME, to the next .Sh.
section() {
	awk -v s=".Sh $1" '/^\.Sh /{ inside = ($0 == s) } inside' "$norm"
}

# subsection NAME: the lines of subsection NAME, read from standard input.
subsection() {
	awk -v s=".Ss $1" '/^\.S[hs] /{ inside = ($0 == s) } inside'
}

# has_entry MACRO WORD: standard input has ".It MACRO WORD ..." (exactly).
has_entry() {
	awk -v m="$1" -v w="$2" '$1 == ".It" && $2 == m && $3 == w { found = 1 }
	    END { exit !found }'
}

# nonempty WHAT LIST: an empty LIST means the program's output could not
# be read, which is a failure (the checks would otherwise pass on nothing).
nonempty() {
	if [ -z "$2" ]; then
		bad "could not read $1 from $coopcom"
		return 1
	fi
	return 0
}

if [ ! -r "$page" ]; then
	bad "no man page at $page"
	echo "manpage: $passed passed, $failed failed"
	exit 1
fi
if [ ! -x "$coopcom" ]; then
	bad "no program at $coopcom (build it first)"
	echo "manpage: $passed passed, $failed failed"
	exit 1
fi

help=$("$coopcom" --help)

# Commands.
commands=$(printf '%s\n' "$help" | awk '
	/^Commands:/ { on = 1; next }
	/^$/ { on = 0 }
	on && /^  [^ ]/ { print $1 }')
if nonempty "the commands of --help" "$commands"; then
	section_text=$(section COMMANDS)
	for c in $commands; do
		if printf '%s\n' "$section_text" | has_entry Cm "$c"; then
			ok
		else
			bad "command \"$c\" has no \".It Cm $c\" under COMMANDS"
		fi
	done
fi

# Global options.
options=$(printf '%s\n' "$help" | awk '
	/^Options:/ { on = 1; next }
	/^$/ { on = 0 }
	on && $1 ~ /^--/ { sub(/^--/, "", $1); print $1 }')
if nonempty "the options of --help" "$options"; then
	section_text=$(section OPTIONS)
	for o in $options; do
		if printf '%s\n' "$section_text" | has_entry Fl "\\-$o"; then
			ok
		else
			bad "option --$o has no \".It Fl \\-$o\" under OPTIONS"
		fi
	done
fi

# Settings.
settings=$("$coopcom" --config "$conf" config --list |
    awk 'NF && $1 !~ /^\(/ { print $1 }')
if nonempty "the settings of config --list" "$settings"; then
	section_text=$(section CONFIGURATION)
	for s in $settings; do
		if printf '%s\n' "$section_text" | has_entry Ic "$s"; then
			ok
		else
			bad "setting \"$s\" has no \".It Ic $s\" under CONFIGURATION"
		fi
	done
fi

# Kinds of record and their fields. The kinds are those the program names
# when it is asked for one it does not know.
kinds=$("$coopcom" --config "$conf" fields no-such-kind 2>&1 |
    sed -n 's/.*(kinds: \(.*\)).*/\1/p' | tr ',' ' ')
if nonempty "the kinds of record" "$kinds"; then
	section_text=$(section "RECORDS AND FIELDS")
	for k in $kinds; do
		sub_text=$(printf '%s\n' "$section_text" | subsection "$k")
		if [ -z "$sub_text" ]; then
			bad "kind \"$k\" has no \".Ss $k\" under RECORDS AND FIELDS"
			continue
		fi
		ok
		fields=$("$coopcom" --config "$conf" fields "$k" |
		    awk '$1 ~ /^--/ { sub(/^--/, "", $1); print $1 }')
		nonempty "the fields of $k" "$fields" || continue
		for f in $fields; do
			if printf '%s\n' "$sub_text" | has_entry Fl "\\-$f"; then
				ok
			else
				bad "field --$f of $k has no \".It Fl \\-$f\"" \
				    "under \".Ss $k\""
			fi
		done
	done
fi

# The lists of `coopcom list`, which the program names when it is asked
# for one it does not have (this needs a database).
db=$tmp/data/lists.db
lists=
if "$coopcom" --config "$conf" --db "$db" init > /dev/null 2>&1; then
	lists=$("$coopcom" --config "$conf" --db "$db" list no-such-list 2>&1 |
	    sed -n 's/.*(lists: \(.*\)).*/\1/p' | tr ',' ' ')
fi
if nonempty "the lists of coopcom list" "$lists"; then
	section_text=$(section COMMANDS)
	for l in $lists; do
		if printf '%s\n' "$section_text" | has_entry Cm "$l"; then
			ok
		else
			bad "list \"$l\" has no \".It Cm $l\" under COMMANDS"
		fi
	done
fi

# Formatting, with whichever formatters are installed.
if command -v mandoc > /dev/null 2>&1; then
	lint=$(mandoc -T lint -W warning "$page" 2>&1)
	if [ -z "$lint" ]; then
		ok
	else
		bad "mandoc -T lint -W warning:"
		printf '%s\n' "$lint"
	fi
fi
if command -v groff > /dev/null 2>&1; then
	warnings=$(LC_ALL=C.UTF-8 groff -mdoc -Tutf8 -ww -z "$page" 2>&1)
	if [ -z "$warnings" ]; then
		ok
	else
		bad "groff -mdoc -ww:"
		printf '%s\n' "$warnings"
	fi
fi

echo "manpage: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
