#!/bin/sh
# compare-demo-windows.sh - the demo (samples/demo.sh) under Linux and under
# Wine with the clock pinned; every form they write must be the same bytes
# (issue 18; docs/windows.md, "The demo, byte for byte").  Needs
# ./hiepthuong and build-win/hiepthuong.exe (make hiepthuong windows).
# The books are not compared: the audit trail records each one's command
# line (argv[0]), and so do their chain heads.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
export HIEPTHUONG_NOW=2026-02-25T08:00:00+07:00
base=build-win/demo-linux
log=build-win/demo.log
make --no-print-directory hiepthuong
demo() {  # demo PROGRAM NAME
	if ! sh samples/demo.sh "$1" >"$log" 2>&1; then
		tail -n 20 "$log" | sed 's/^/    /'
		echo "compare-demo-windows: lỗi: the demo failed under $2 (above)"
		exit 1
	fi
}
demo ./hiepthuong Linux
rm -rf "$base"
mv out "$base"
demo tools/wine-ht.sh Wine
n=0
for d in tinh xa; do
	[ -d "$base/bieu-mau/$d" ] || { echo "compare-demo-windows: lỗi: no forms in $base/bieu-mau/$d"; exit 1; }
	diff -r "$base/bieu-mau/$d" "out/bieu-mau/$d" || {
		echo "compare-demo-windows: lỗi: the forms in bieu-mau/$d differ between Linux and Wine"
		exit 1
	}
	n=$((n + $(find "out/bieu-mau/$d" -type f | wc -l)))
done
[ $n -gt 0 ] || { echo "compare-demo-windows: lỗi: the demo wrote no forms"; exit 1; }
echo "compare-demo-windows: $n forms, the same bytes under Linux and Wine"
