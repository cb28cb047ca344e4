#!/bin/sh
# valgrind-ht.sh ARGS... - run hiepthuong ($VG_HT) under valgrind, for
# `make valgrind`: the end-to-end tests call this script as $HT.  Any
# memory error or leak makes the program exit 99 (so the test that ran it
# fails) and leaves a report in $VG_LOG_DIR, which the Makefile checks.
: "${VG_HT:?VG_HT must name the hiepthuong binary}"
: "${VG_LOG_DIR:?VG_LOG_DIR must name a folder for the reports}"
exec valgrind -q --error-exitcode=99 --leak-check=full --suppressions="$(dirname "$0")/../tests/valgrind.supp" \
	--show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible \
	--log-file="$VG_LOG_DIR/vg.%p.log" "$VG_HT" "$@"
