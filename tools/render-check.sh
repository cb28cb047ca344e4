#!/bin/sh
# render-check.sh DIR - the slow check of the exported forms (`make
# test-render`): every .xlsx in DIR and in each folder below it is converted
# by LibreOffice (headless, one run per folder) to PDF under DIR/render/,
# each page kept as a PNG there for a person to compare with
# shared/domain/forms/*.png, and the pages are read back
# (tools/render_check.py: A4 in the form's orientation, the file's own page
# breaks, the code and title on page 1, no page of table headers only, the
# signature block whole and with the row above it, group headings with
# their rows, a table's header on every page of its rows).
#
# The result depends on nothing but the files and Debian 12's packages:
# LibreOffice sees only the fonts of fonts-liberation2 (Liberation Serif
# stands in for Times New Roman with the same metrics) through a private
# fontconfig, and runs with a private profile in the C.UTF-8 locale.
# Needs libreoffice-calc, fonts-liberation2, poppler-utils, python3-openpyxl
# and python3-yaml (sh tools/install-deps.sh render).  Prints "N passed,
# N failed"; exit status 1 when a form fails.
dir=${1:-out}
top=$(cd "$(dirname "$0")/.." && pwd)
render=$dir/render
rm -rf "$render"
mkdir -p "$render"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fonts=/usr/share/fonts/truetype/liberation2
if [ ! -d "$fonts" ]; then
	echo "FAIL render: thiếu phông chữ $fonts (sh tools/install-deps.sh render)"
	exit 1
fi
cat >"$work/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>$fonts</dir>
  <cachedir>$work/fc-cache</cachedir>
  <alias binding="same"><family>Times New Roman</family><accept><family>Liberation Serif</family></accept></alias>
  <alias binding="same"><family>Arial</family><accept><family>Liberation Sans</family></accept></alias>
  <alias binding="same"><family>Calibri</family><accept><family>Liberation Sans</family></accept></alias>
  <alias><family>serif</family><prefer><family>Liberation Serif</family></prefer></alias>
  <alias><family>sans-serif</family><prefer><family>Liberation Sans</family></prefer></alias>
  <alias><family>monospace</family><prefer><family>Liberation Mono</family></prefer></alias>
</fontconfig>
EOF
start=$(date +%s)
files=""
for d in "$dir" "$dir"/*/; do
	d=${d%/}
	[ "$d" = "$render" ] && continue
	set -- "$d"/*.xlsx
	[ -f "$1" ] || continue
	out=$render/$(basename "$d")
	mkdir -p "$out"
	FONTCONFIG_FILE=$work/fonts.conf LC_ALL=C.UTF-8 LANG=C.UTF-8 \
		soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to pdf --outdir "$out" "$@" \
		>"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; echo "FAIL render: LibreOffice dừng ở '$d'"; }
	for f in "$@"; do
		name=$(basename "$f" .xlsx)
		[ -f "$out/$name.pdf" ] && pdftoppm -r 60 -png "$out/$name.pdf" "$out/$name"
	done
	files="$files $*"
done
if [ -z "$files" ]; then
	echo "FAIL render: không có tệp .xlsx nào trong '$dir'"
	exit 1
fi
# shellcheck disable=SC2086
${PYTHON:-/usr/bin/python3} "$top/tools/render_check.py" "$top/templates" "$render" $files
rc=$?
echo "render: $(echo $files | wc -w) tệp trong $(($(date +%s) - start)) giây; ảnh các trang ở $render/"
exit $rc
