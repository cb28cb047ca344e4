#!/bin/sh
# demo.sh HIEPTHUONG - the main job on the bundled samples: create the
# province's and the commune's books and show their status.  Books go to
# out/ (recreated on every run).
set -e
ht=${1:-./hiepthuong}
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/out
rm -rf "$out"
mkdir -p "$out"
# The demo is pinned to a day of the consultation so its output is stable.
export HIEPTHUONG_TODAY=${HIEPTHUONG_TODAY:-2025-11-26}

echo "== Tỉnh Hòa Lâm (mẫu): tạo sổ"
"$ht" init --config "$top/samples/province/config.yaml" --db "$out/tinh.db"
echo
"$ht" status --db "$out/tinh.db"
echo
"$ht" validate --db "$out/tinh.db" || [ $? -eq 1 ]   # 1 = findings, not a failure
echo
echo "== Xã Tân Hòa Lâm (mẫu): tạo sổ"
"$ht" init --config "$top/samples/commune/config.yaml" --db "$out/xa.db"
echo
"$ht" status --db "$out/xa.db"
