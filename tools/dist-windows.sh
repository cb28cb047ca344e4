#!/bin/sh
# dist-windows.sh EXE - hiepthuong-VERSION-windows-x64.zip in the current
# folder: the program, templates\, config\, samples\ (people invented),
# HUONG-DAN.txt (the Vietnamese guide) and demo.bat, text files with CRLF
# line ends for Notepad and cmd (make dist-windows; docs/windows.md).
set -e
exe=${1:?usage: dist-windows.sh build-win/hiepthuong.exe}
top=$(cd "$(dirname "$0")/.." && pwd)
ver=$(sed -n 's/^#define HIEPTHUONG_VERSION "\(.*\)"$/\1/p' "$top/src/version.h")
name=hiepthuong-$ver-windows-x64
stage=$top/build-win/dist/$name
rm -rf "$top/build-win/dist" && mkdir -p "$stage"
cp "$exe" "$stage/hiepthuong.exe"
cp -r "$top/templates" "$stage/templates"
mkdir -p "$stage/config"
cp -r "$top/config/"*.yaml "$top/config/rules" "$top/config/lists" "$stage/config/"
mkdir -p "$stage/samples"
for s in commune commune-an-phu province; do cp -r "$top/samples/$s" "$stage/samples/$s"; done
# The guide with a UTF-8 mark (Notepad), both text files with CRLF.
{ printf '\357\273\277'; sed 's/$/\r/' "$top/tools/windows/HUONG-DAN.txt"; } > "$stage/HUONG-DAN.txt"
sed 's/$/\r/' "$top/tools/windows/demo.bat" > "$stage/demo.bat"
rm -f "$top/$name.zip"
(cd "$top/build-win/dist" && TZ=UTC find "$name" -exec touch -d 2026-01-01T00:00:00 {} + && \
	find "$name" | LC_ALL=C sort | zip -q -X -D "$top/$name.zip" -@)
echo "$name.zip"
