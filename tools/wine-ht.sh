#!/bin/sh
# wine-ht.sh - run hiepthuong.exe under Wine as if it were ./hiepthuong, so
# that tests/run.sh can test the Windows build (make test-windows):
#   HT=tools/wine-ht.sh WINE_HT=build-win/hiepthuong.exe sh tests/run.sh
# Also runs a unit-test .exe: wine-ht.sh --exe build-win/obj/unit/test_x.exe
# Unix paths in arguments work as they are: Wine maps / to drive Z:, and the
# program's working folder is Z:\ + the Unix one.  Wine's own chatter is off
# (WINEDEBUG=-all); the prefix is build-win/wine unless WINEPREFIX is set.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${WINE:=wine}"
: "${WINEPREFIX:=$top/build-win/wine}"
: "${WINEDEBUG:=-all}"
export WINEPREFIX WINEDEBUG
# Wine's server creates the files, with mode bits from their ACL less its
# umask: a fixed 022, so that an owner-only ACL shows as "nothing for
# others" (tests/lib.sh expect_owner_only) whatever umask the caller has.
umask 022
# Wine turns the Unix arguments, environment and file names into UTF-16
# through the locale's character set: with none set (CI's env -i, a fresh
# root) that is ASCII, and "Phạm Quốc Thái" arrives as "Pha:!m Qua;c ThC!i".
# C.UTF-8 is built into Debian's libc; only Wine's conversions use it.
LC_ALL=C.UTF-8
export LC_ALL
if [ "$1" = "--exe" ]; then
	exe=$2
	shift 2
else
	exe=${WINE_HT:-$top/build-win/hiepthuong.exe}
fi
exec "$WINE" "$exe" "$@"
