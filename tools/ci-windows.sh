#!/bin/sh
# ci-windows.sh build|test - the Windows part of CI (.ci/run; docs/windows.md,
# "CI").
#   build: the libraries from a cache kept outside the clone (below), or
#          built into it by tools/build-windows-deps.sh when the cache has
#          none; make windows, --version under Wine, make dist-windows (the
#          zip is listed and checked);
#   test:  the demo under Linux and under Wine, its forms compared byte for
#          byte (tools/compare-demo-windows.sh), then the unit tests and the
#          whole suite under Wine in two parts at once (make test-windows
#          SHARDS=2).  .ci/run runs it beside the ASan suite: it spends most
#          of its time waiting on Wine.
# The libraries take a quarter of an hour to build on an idle 2-core
# machine (ICU is most of it; 50 min on a loaded one), so they are kept:
# the cache is HT_WIN_CACHE (default /var/cache/hiepthuong/win-deps for root,
# ~/.cache/hiepthuong/win-deps otherwise), one folder per key: the SHA-256 of
# tools/build-windows-deps.sh (its pins and every build option) and of the
# versions of the mingw-w64 packages that compile them.  A new pin or a new
# toolchain is a new key, built once.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
say() { echo "ci-windows: $*"; }
# No Wine server outlives the step: one lingers a few seconds after its
# last program, and in a chroot (fresh-machine.sh) it kept /dev busy, so
# that the bind mount was not undone and the next run's rm -rf of the root
# emptied the machine's own /dev.
tmp=""
cleanup() {
	[ -z "$tmp" ] || rm -rf "$tmp"	# a half-built cache
	# (|| : because set -e holds here too, and -k fails with no server)
	WINEPREFIX="$top/build-win/wine" wineserver -k 2>/dev/null || :
}
trap cleanup EXIT
case "${1:-}" in
test)
	sh tools/compare-demo-windows.sh
	make test-windows SHARDS=2
	exit
	;;
build) ;;
*) echo "usage: ci-windows.sh build|test" >&2; exit 2 ;;
esac
sh tools/install-deps.sh windows
if [ -z "${HT_WIN_CACHE:-}" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		HT_WIN_CACHE=/var/cache/hiepthuong/win-deps
	else
		HT_WIN_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/hiepthuong/win-deps
	fi
fi
key=$({
	cat tools/build-windows-deps.sh
	dpkg-query -W gcc-mingw-w64-x86-64-posix g++-mingw-w64-x86-64-posix \
		binutils-mingw-w64-x86-64 mingw-w64-x86-64-dev
} | sha256sum | cut -c1-16)
cache=$HT_WIN_CACHE/$key
t0=$(date +%s)
mkdir -p build-win
if [ -f "$cache/.done-icu" ]; then
	say "the libraries from the cache $cache"
else
	say "no libraries in the cache for key $key: building them into $cache (about 15 min on an idle machine)"
	mkdir -p "$HT_WIN_CACHE"
	tmp=$cache.tmp-$$
	rm -rf "$tmp"
	sh tools/build-windows-deps.sh "$tmp"
	# Whole or not at all: another run never sees half a cache.
	rm -rf "$cache"
	mv "$tmp" "$cache"
	tmp=""
	say "libraries built in $(( ($(date +%s) - t0) / 60 )) min"
fi
rm -rf build-win/deps
cp -a "$cache" build-win/deps

make windows
# --version under Wine: the program starts and links no missing DLL.
sh tools/wine-ht.sh --version
make dist-windows
zip=$(ls hiepthuong-*-windows-x64.zip)
for f in hiepthuong.exe HUONG-DAN.txt demo.bat templates/ config/ samples/; do
	unzip -l "$zip" | grep -q "windows-x64/$f" || { say "lỗi: $zip has no $f"; exit 1; }
done
say "$zip: $(unzip -l "$zip" | tail -n 1)"

