#!/bin/sh
# t0000: the command line itself: version, help, unknown commands and
# options, exit codes.
. "$TOP/tests/lib.sh"

t_case "--version names the program and every library"
ht --version
expect_exit 0
expect_out "hiepthuong 0."
expect_out "sqlite 3."
expect_out "libyaml 0."
expect_out "libxlsxwriter 1."
expect_out "ICU "
# SHA-256: libcrypto on Linux, Windows' CNG in hiepthuong.exe (docs/windows.md)
if [ -n "${WINE_HT:-}" ]; then expect_out "Windows CNG (bcrypt.dll) SHA-256"; else expect_out "OpenSSL 3."; fi
t_end

t_case "version command equals --version"
ht version
expect_exit 0
cp "$OUT" "$T/v1"
ht --version
expect_same "$T/v1" "$OUT"
t_end

t_case "no command: usage on stderr, exit 2"
ht
expect_exit 2
expect_err "cách dùng: hiepthuong"
t_end

t_case "--help lists the commands and the exit codes"
ht --help
expect_exit 0
expect_out "init"
expect_out "status"
expect_out "Mã thoát"
t_end

t_case "unknown command: exit 2 with its name"
ht frobnicate
expect_exit 2
expect_err "không có lệnh 'frobnicate'"
t_end

t_case "unknown global option: exit 2"
ht --colour status
expect_exit 2
expect_err "không có tùy chọn chung '--colour'"
t_end

for c in init status version help; do
	t_case "$c --help prints its usage and exits 0"
	ht $c --help
	expect_exit 0
	expect_out "cách dùng: hiepthuong"
	expect_out "--db"
	t_end
done

t_case "help CMD equals CMD --help"
ht help init
expect_exit 0
cp "$OUT" "$T/h1"
ht init --help
expect_same "$T/h1" "$OUT"
t_end

t_case "unknown option of a command: exit 2, usage on stderr"
ht init --confg x.yaml
expect_exit 2
expect_err "không có tùy chọn '--confg'"
expect_err "cách dùng: hiepthuong init"
t_end

t_case "option missing its value: exit 2"
ht init --config
expect_exit 2
expect_err "cần giá trị"
t_end

t_case "status without a book: exit 3 and a hint"
ht status --db "$T/none.db"
expect_exit 3
expect_err "chưa có sổ"
expect_err "hiepthuong init --config"
expect_no_file "$T/none.db"
t_end

t_case "a file that is not a book is refused"
echo "hello" >"$T/not.db"
ht status --db "$T/not.db"
expect_exit 3
expect_err "không phải là sổ hiepthuong"
t_end

t_case "a directory as the book is refused"
mkdir "$T/dir.db"
ht status --db "$T/dir.db"
expect_exit 3
expect_err "là một thư mục"
t_end

t_case "HIEPTHUONG_DB names the default book"
"$HT" init --config "$S/province/config.yaml" --db "$T/env.db" >/dev/null 2>&1
HIEPTHUONG_DB="$T/env.db" "$HT" status >"$OUT" 2>"$ERR"; RC=$?
expect_exit 0
expect_out "tỉnh Hòa Lâm"
t_end

t_case "a book without a schema version is refused as damaged"
"$HT" init --config "$S/commune/config.yaml" --db "$T/v0.db" >/dev/null 2>&1
sqlite3 "$T/v0.db" "PRAGMA user_version = 0"
ht status --db "$T/v0.db"
expect_exit 3
expect_err "hỏng"
t_end

t_case "a book from a newer hiepthuong is refused"
"$HT" init --config "$S/commune/config.yaml" --db "$T/v9.db" >/dev/null 2>&1
sqlite3 "$T/v9.db" "PRAGMA user_version = 99"
ht status --db "$T/v9.db"
expect_exit 3
expect_err "phiên bản hiepthuong mới hơn"
t_end

t_case "a mistyped command gets the nearest one suggested"
ht conferance add
expect_exit 2
expect_err "có phải ý bạn là 'conference'?"
ht valdate
expect_err "có phải ý bạn là 'validate'?"
ht xyzzyq
expect_exit 2
expect_not_err "có phải ý bạn là"
t_end
