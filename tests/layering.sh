#!/bin/sh
# layering.sh: each layer includes only itself and the layers below it,
# and each library header only where its layer owns it (docs/ARCHITECTURE.md);
# and no source file starts another program.
top_srcdir=${top_srcdir:-.}
cd "$top_srcdir" || exit 1
passed=0
failed=0

allowed() {
	case $1 in
	util) echo "util" ;;
	core) echo "util core" ;;
	store) echo "util core store" ;;
	conf) echo "util core conf" ;;
	vm) echo "util core store conf vm" ;;
	cli) echo "util core store conf vm cli" ;;
	ui) echo "util core store conf vm ui" ;;
	esac
}

check_file() {
	layer=$1
	file=$2
	ok=1
	for inc in $(sed -n 's|^#include "coopcom/\([a-z]*\)/.*|\1|p' "$file"); do
		case " $(allowed "$layer") " in
		*" $inc "*) ;;
		*) echo "FAIL: $file ($layer) includes a $inc header"; ok=0 ;;
		esac
	done
	if grep -qE '#include *<(n?curses|ncursesw/|panel|form|menu)' "$file" && [ "$layer" != ui ]; then
		echo "FAIL: $file includes curses outside src/ui"; ok=0
	fi
	if grep -q '#include *<sqlite3.h>' "$file" && [ "$layer" != store ]; then
		echo "FAIL: $file includes sqlite3.h outside src/store"; ok=0
	fi
	if grep -q '#include *<libconfig.h>' "$file" && [ "$layer" != conf ]; then
		echo "FAIL: $file includes libconfig.h outside src/conf"; ok=0
	fi
	# Over SSH coopcom must be no way to run another program
	# (docs/deployment.md): nothing in it starts one.
	if grep -nE '\<(system|popen|fork|vfork|posix_spawnp?|exec[lv]p?e?)[[:space:]]*\(' "$file"; then
		echo "FAIL: $file starts another program"; ok=0
	fi
	if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

for layer in util core store conf vm cli ui; do
	for f in src/$layer/*.c include/coopcom/$layer/*.h; do
		[ -f "$f" ] && check_file "$layer" "$f"
	done
done
echo "layering: $passed passed, $failed failed"
[ "$failed" = 0 ]
