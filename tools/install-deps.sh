#!/bin/sh
# install-deps.sh - install the Debian 12 packages hiepthuong needs to build,
# run its demo and run its tests, when they are missing.  Run as root (CI
# and fresh machines) or with sudo available; prints what it does.
#
#   install-deps.sh          what `make`, `make demo`, `make test` and `make asan` need
#   install-deps.sh render   also LibreOffice, poppler and python3-yaml, for `make test-render` (minutes)
#   install-deps.sh fuzz     also clang and libFuzzer, for `make fuzz`
#   install-deps.sh valgrind also valgrind, for `make valgrind`
#   install-deps.sh bench    also python3-xlsxwriter (a baseline) and GNU time, for `make bench`
#   install-deps.sh windows  also mingw-w64, Wine, cmake, tcl and zip, for `make windows`,
#                            `make test-windows` and `make dist-windows` (docs/windows.md)
set -e
# zlib1g-dev: Debian's xlsxwriter.pc links -lz, yet libxlsxwriter-dev does
# not depend on it.  time: t1006 reads a command's peak memory with
# /usr/bin/time.  libzip-dev: the exporter (an earlier form) and the
# imports' .xlsx reader; libexpat1-dev: that reader's XML
# (docs/xlsx-reading.md).
pkgs="gcc make libc6-dev pkg-config libsqlite3-dev libyaml-dev libxlsxwriter-dev zlib1g-dev libzip-dev libexpat1-dev
libicu-dev
libssl-dev python3 python3-openpyxl sqlite3 time"
# fonts-liberation2: Liberation Serif stands in for Times New Roman with the
# same metrics and, unlike fonts-liberation 1.07, has Vietnamese glyphs; the
# render check shows LibreOffice these fonts only.  python3-yaml: the render
# check reads the templates.
case "$1" in
render) pkgs="$pkgs libreoffice-calc fonts-liberation2 poppler-utils python3-yaml" ;;
fuzz) pkgs="$pkgs clang libclang-rt-14-dev" ;;
valgrind) pkgs="$pkgs valgrind" ;;
bench) pkgs="$pkgs python3-xlsxwriter time" ;;
# The cross compilers with POSIX threads (winpthreads, linked statically),
# g++ for ICU's native build (its data tools run on the build machine),
# cmake for libzip, libxlsxwriter and expat, tcl for SQLite's amalgamation,
# dpkg-dev for `apt-get source` (tools/build-windows-deps.sh), unzip for
# CI's look into the zip (tools/ci-windows.sh).
windows) pkgs="$pkgs g++ gcc-mingw-w64-x86-64-posix g++-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64
mingw-w64-x86-64-dev wine wine64 cmake tcl dpkg-dev zip unzip" ;;
esac
missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "cài các gói còn thiếu:$missing"
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "hiepthuong: lỗi: cần quyền root để cài:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# apt's and debconf's English chatter goes to a log, shown only on failure.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# shellcheck disable=SC2086
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends $missing; } >"$log" 2>&1; then
	cat "$log" >&2
	echo "hiepthuong: lỗi: không cài được:$missing (apt-get báo lỗi ở trên)" >&2
	exit 1
fi
