#!/bin/sh
# build-windows-deps.sh - build the libraries hiepthuong.exe links, for
# x86_64 Windows, with Debian 12's mingw-w64, from the Debian 12 source
# packages of the very versions the Linux build uses (docs/windows.md).
#
#   tools/build-windows-deps.sh [PREFIX]     default build-win/deps
#
# The sources come through `apt-get source` with a private apt
# configuration (a deb-src list, its own lists and cache under
# build-win/apt/), so the machine's apt setup is not touched.  apt checks
# the archive's signature and each file's checksum against the signed
# Sources index; each .dsc is checked again below against the SHA-256
# pinned here.  Static libraries only: the .exe needs no DLL that Windows
# does not ship.  Each library is built once: a stamp file in PREFIX says
# it is done; delete PREFIX to start again.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
PREFIX=${1:-$top/build-win/deps}
case "$PREFIX" in /*) ;; *) PREFIX=$(pwd)/$PREFIX ;; esac
HOST=x86_64-w64-mingw32
WORK=$top/build-win/src
APTDIR=$top/build-win/apt
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
CC=$HOST-gcc-posix
CXX=$HOST-g++-posix
AR=$HOST-ar
RANLIB=$HOST-ranlib
export CC CXX AR RANLIB

# Source package, Debian 12 version, SHA-256 of its .dsc (whose own
# checksums of the tarballs dpkg-source checks).  bookworm's point release:
# this machine reaches no security archive for sources.  A newer Debian
# revision means a new line here, after reading its changelog.
PINS="sqlite3 3.40.1-2+deb12u2 ee3459ae9d00939741c7708fc1b8ce1bde12d8c3fb1dfa005bbbc8651d884e23
libyaml 0.2.5-1 1edbf86e5cd76937ff62892ba6c2537456d645d834d4cd4a82430b8be7051bf4
zlib 1:1.2.13.dfsg-1 3fa1e6b2fc525062aa88207dda52fed8e045373c809d362fe8a2bfbf7cf515a8
expat 2.5.0-1+deb12u2 6fc87dbd01f49999ed368cfb37c08d35e41348dda2281d60642f3aa14cb77e32
libzip 1.7.3-1 2b905c3e6277bb4ae62c4464c5c7bbbd6661715d5b3c0f94523c34df6d1f4d1e
libxlsxwriter 1.1.4-2 8e53fa5625ec415e16f62411036de83eed6ec93a3499c4e159d5b119dbbc81ba
icu 72.1-3+deb12u1 8fd50a21664422b2dd5df4e20175dce3396c89a3a85363db26dd4529bba62a92"

say() { echo "build-windows-deps: $*"; }
die() { echo "build-windows-deps: lỗi: $*" >&2; exit 1; }

command -v $CC >/dev/null 2>&1 || die "không có $CC (sh tools/install-deps.sh windows)"
mkdir -p "$PREFIX/lib" "$PREFIX/include" "$WORK" "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial"

# ---- private apt: deb-src lines for bookworm and its security updates ----
aptopts() {
	echo "-o Dir::Etc::SourceList=$APTDIR/sources.list -o Dir::Etc::SourceParts=/nonexistent"
	echo "-o Dir::State::Lists=$APTDIR/lists -o Dir::Cache=$APTDIR/cache -o APT::Sandbox::User=root"
}
if [ ! -f "$APTDIR/sources.list" ]; then
	cat > "$APTDIR/sources.list" <<SRC
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm-updates main
SRC
fi
updated=""

# fetch PKG VERSION: unpack the source into $WORK/PKG (once)
fetch() {
	pkg=$1 ver=$2
	[ -d "$WORK/$pkg" ] && return 0
	if [ -z "$updated" ]; then
		# shellcheck disable=SC2046
		apt-get $(aptopts) -qq update || die "apt-get update (deb-src) failed"
		updated=1
	fi
	rm -rf "$WORK/dl-$pkg" && mkdir -p "$WORK/dl-$pkg"
	# shellcheck disable=SC2046
	(cd "$WORK/dl-$pkg" && apt-get $(aptopts) -qq --download-only source "$pkg=$ver") \
		|| die "không tải được nguồn $pkg $ver"
	dsc=$(ls "$WORK/dl-$pkg"/*.dsc)
	want=$(echo "$PINS" | awk -v p="$pkg" '$1 == p { print $3 }')
	got=$(sha256sum "$dsc" | cut -d' ' -f1)
	if [ "$want" != "$got" ]; then
		die "$dsc: SHA-256 $got, cần $want"
	fi
	(cd "$WORK/dl-$pkg" && dpkg-source -x "$(basename "$dsc")" src >/dev/null) \
		|| die "dpkg-source -x $dsc"
	mv "$WORK/dl-$pkg/src" "$WORK/$pkg"
	say "$pkg $ver: nguồn đã giải nén, .dsc sha256 $got"
}

done_() { [ -f "$PREFIX/.done-$1" ]; }
mark() { touch "$PREFIX/.done-$1"; }

ver_of() { echo "$PINS" | awk -v p="$1" '$1 == p { print $2 }'; }
for p in $(echo "$PINS" | awk '{ print $1 }'); do
	fetch "$p" "$(ver_of "$p")"
done

# ---- zlib, libyaml, SQLite, expat, libzip, libxlsxwriter: small, static ----
if ! done_ zlib; then
	say zlib
	# Debian's .dfsg source drops win32/: compile the library's files directly.
	(cd "$WORK/zlib" && rm -f ./*.o && for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite \
		infback inffast inflate inftrees trees uncompr zutil; do
		$CC -O2 -D_LARGEFILE64_SOURCE=1 -c $f.c -o $f.o || exit 1
	done && $AR rcs "$PREFIX/lib/libz.a" ./*.o && cp zlib.h zconf.h "$PREFIX/include/") || die "zlib"
	mark zlib
fi
if ! done_ yaml; then
	say libyaml
	(cd "$WORK/libyaml" && rm -f ./*.o && for f in src/*.c; do
		$CC -O2 -Iinclude -Isrc -DYAML_DECLARE_STATIC -DYAML_VERSION_MAJOR=0 -DYAML_VERSION_MINOR=2 \
			-DYAML_VERSION_PATCH=5 -DYAML_VERSION_STRING='"0.2.5"' -c "$f" -o "$(basename "$f" .c).o" || exit 1
	done && $AR rcs "$PREFIX/lib/libyaml.a" ./*.o && cp include/yaml.h "$PREFIX/include/") || die "libyaml"
	mark yaml
fi
if ! done_ sqlite; then
	# The amalgamation is generated on the build machine (tclsh), then
	# compiled with mingw and Debian's own compile-time options
	# (debian/rules), less the load_extension support.
	say sqlite3
	(cd "$WORK/sqlite3" && { [ -f sqlite3.c ] || { CC=cc ./configure >log.configure 2>&1 && make CC=cc sqlite3.c >log.make 2>&1; }; } \
		&& $CC -O2 -fno-strict-aliasing -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA \
		-DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_RTREE=1 -DSQLITE_SOUNDEX=1 \
		-DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_OMIT_LOOKASIDE=1 -DSQLITE_ENABLE_DBSTAT_VTAB \
		-DSQLITE_ALLOW_ROWID_IN_VIEW -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1 -DSQLITE_OMIT_LOAD_EXTENSION \
		-DSQLITE_ENABLE_JSON1 -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_THREADSAFE=1 -DSQLITE_USE_URI=1 \
		-DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_PREUPDATE_HOOK -DSQLITE_ENABLE_SESSION \
		-DSQLITE_ENABLE_STMTVTAB -DSQLITE_MAX_VARIABLE_NUMBER=250000 -DSQLITE_MAX_DEFAULT_PAGE_SIZE=32768 \
		-c sqlite3.c -o sqlite3-win.o && $AR rcs "$PREFIX/lib/libsqlite3.a" sqlite3-win.o \
		&& cp sqlite3.h sqlite3ext.h "$PREFIX/include/") || die "sqlite3: xem $WORK/sqlite3/log.*"
	mark sqlite
fi
cat > "$WORK/toolchain.cmake" <<TC
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER $CC)
set(CMAKE_CXX_COMPILER $CXX)
set(CMAKE_RC_COMPILER $HOST-windres)
set(CMAKE_FIND_ROOT_PATH $PREFIX)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
TC
cmake_build() { # dir, options...
	d=$1; shift
	rm -rf "$d/build-win" && mkdir -p "$d/build-win" && (cd "$d/build-win" && \
		cmake .. -DCMAKE_TOOLCHAIN_FILE="$WORK/toolchain.cmake" -DCMAKE_INSTALL_PREFIX="$PREFIX" \
		-DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF "$@" >log.cmake 2>&1 \
		&& { [ -z "$POSTCONF" ] || sh -c "$POSTCONF"; } && make -j"$JOBS" >log.make 2>&1 && make install >log.install 2>&1)
}
if ! done_ expat; then
	say expat
	# Debian's security patches test `#if XML_DTD == 1`, as autotools
	# defines it; CMake's header defines it empty.
	POSTCONF="sed -i 's/^#define XML_DTD\$/#define XML_DTD 1/; s/^#define XML_GE\$/#define XML_GE 1/' expat_config.h" \
		cmake_build "$WORK/expat/expat" -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF \
		-DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_PKGCONFIG=OFF \
		|| die "expat: xem $WORK/expat/expat/build-win/log.*"
	mark expat
fi
if ! done_ libzip; then
	say libzip
	POSTCONF= cmake_build "$WORK/libzip" -DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF \
		-DENABLE_OPENSSL=OFF -DENABLE_WINDOWS_CRYPTO=OFF -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF \
		-DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF \
		|| die "libzip: xem $WORK/libzip/build-win/log.*"
	mark libzip
fi
if ! done_ xlsxwriter; then
	# Its bundled minizip (Debian links the system's libminizip, the same
	# zlib contrib code) and its own tmpfileplus, which writes to the
	# user's temp folder (the C runtime's tmpfile() wants C:\).
	say libxlsxwriter
	POSTCONF= cmake_build "$WORK/libxlsxwriter" -DUSE_SYSTEM_MINIZIP=OFF -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF \
		-DZLIB_ROOT="$PREFIX" || die "libxlsxwriter: xem $WORK/libxlsxwriter/build-win/log.*"
	mark xlsxwriter
fi

# ---- ICU: a native build first (its tools make the data), then mingw ----
# Static, with the data linked in (--with-data-packaging=static): Windows'
# own icu.dll (10 1703+) is another version with another API surface, and
# Wine has none.
if ! done_ icu; then
	say "icu: bản dựng cho máy chủ (công cụ dữ liệu)"
	rm -rf "$WORK/icu-native" "$WORK/icu-win"
	mkdir -p "$WORK/icu-native" "$WORK/icu-win"
	(cd "$WORK/icu-native" && CC=cc CXX=c++ "$WORK/icu/source/configure" --disable-tests --disable-samples \
		--disable-extras --disable-icuio --disable-layoutex >log.configure 2>&1 && make -j"$JOBS" >log.make 2>&1) \
		|| die "icu native: xem $WORK/icu-native/log.*"
	say "icu: bản dựng mingw"
	(cd "$WORK/icu-win" && "$WORK/icu/source/configure" --host=$HOST --with-cross-build="$WORK/icu-native" \
		--prefix="$PREFIX" --enable-static --disable-shared --with-data-packaging=static \
		--disable-tests --disable-samples --disable-extras --disable-icuio --disable-layoutex --disable-tools \
		CFLAGS="-O2" CXXFLAGS="-O2" CPPFLAGS="-DU_STATIC_IMPLEMENTATION" >log.configure 2>&1 \
		&& make -j"$JOBS" >log.make 2>&1 && mkdir -p "$PREFIX/bin" && make install >log.install 2>&1 \
		&& cp lib/sicudt.a "$PREFIX/lib/libsicudt.a") || die "icu mingw: xem $WORK/icu-win/log.*"
	# (ICU's mingw static data library is named sicudt.a, without "lib".)
	mark icu
fi
