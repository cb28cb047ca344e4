#!/bin/sh
# render-check.sh DIR - the slow check of the exported forms (`make
# test-render`): convert one file of each form (the first by name of each
# form code, in DIR and in each folder below it, so every book's forms are
# seen) with LibreOffice headless to PDF,
# check that each page is A4 (portrait or landscape) and that the page count
# is the one pinned in tests/render-pages.txt, and keep a PNG of every page
# under DIR/render/ for a person to compare with shared/domain/forms/*.png.
# Needs libreoffice-calc, fonts-liberation2 and poppler-utils
# (sh tools/install-deps.sh render).  Prints "N passed, N failed".
dir=${1:-out}
top=$(cd "$(dirname "$0")/.." && pwd)
pages_file=$top/tests/render-pages.txt
render=$dir/render
rm -rf "$render"
mkdir -p "$render"
# LibreOffice needs a writable profile; keep it private to this run.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
pass=0
fail=0
seen=" "
for f in "$dir"/*.xlsx "$dir"/*/*.xlsx; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .xlsx)
	# The form code is the name up to the first '_' (01-BCDBQH-MT_qh_lan-1).
	key="$(dirname "$f")/${name%%_*}"
	case "$seen" in *" $key "*) continue ;; esac
	seen="$seen$key "
	if ! soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$render" "$f" \
		>/dev/null 2>&1 || [ ! -f "$render/$name.pdf" ]; then
		echo "FAIL render:$name: LibreOffice could not convert it"
		fail=$((fail + 1))
		continue
	fi
	pdf=$render/$name.pdf
	n=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	why=""
	# Every page A4: 595 x 842 pt (either way round), within a point.
	sizes=$(pdfinfo -f 1 -l "$n" "$pdf" | sed -n 's/^Page *[0-9]* size: *\([0-9.]*\) x \([0-9.]*\).*/\1 \2/p')
	echo "$sizes" | while read -r w h; do
		case "$w $h" in
		595* | 841* | 842*) ;;
		*) echo "bad" ;;
		esac
	done | grep -q bad && why="$why page not A4 ($sizes);"
	echo "$sizes" | grep -Eq '^(59[45]|84[12])[.0-9]* (84[12]|59[45])' || why="$why page size '$sizes';"
	want=$(sed -n "s/^$name[[:space:]][[:space:]]*\([0-9][0-9]*\)\$/\1/p" "$pages_file" 2>/dev/null)
	if [ -z "$want" ]; then
		why="$why no expected page count in tests/render-pages.txt (got $n);"
	elif [ "$n" != "$want" ]; then
		why="$why $n pages, expected $want;"
	fi
	pdftoppm -r 60 -png "$pdf" "$render/$name"
	if [ -z "$why" ]; then
		echo "PASS render:$name ($n pages)"
		pass=$((pass + 1))
	else
		echo "FAIL render:$name:$why"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
