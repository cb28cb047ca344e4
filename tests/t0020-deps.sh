#!/bin/sh
# t0020: no cycle between the program's objects (issue 13 §3).
# tools/check-deps.py reads the objects with nm, draws an edge from each
# object to the object that defines a symbol it uses, and fails on every
# strongly connected component, printing the chain of files with one
# symbol per edge.  The objects are those of the binary under test:
# beside it ($(BUILD)/hiepthuong: build/, build-asan/, build-valgrind/),
# under build/ for the top-level copy ./hiepthuong, and beside $VG_HT or
# under the folder of $WINE_HT (build-win/obj/) when $HT is the valgrind
# or Wine wrapper.  Only the objects of a src/*.c are read.
. "$TOP/tests/lib.sh"

objdir() {
	for bin in "${VG_HT:-}" "${WINE_HT:-}" "$HT"; do
		[ -n "$bin" ] && [ -e "$bin" ] || continue
		d=$(cd "$(dirname "$bin")" && pwd)
		for c in "$d" "$d/obj" "$d/build"; do
			[ -f "$c/main.o" ] && { echo "$c"; return 0; }
		done
	done
	return 1
}
NM=nm
if [ -n "${WINE_HT:-}" ] && command -v x86_64-w64-mingw32-nm >/dev/null 2>&1; then
	NM=x86_64-w64-mingw32-nm
fi
export NM

t_case "the checker fails on a cycle and names its files and symbols"
mkdir -p "$T/cyc"
printf 'int b_fn(void);\nint a_fn(void) { return b_fn() + 1; }\n' >"$T/cyc/a.c"
printf 'int c_fn(void);\nint b_fn(void) { return c_fn() + 1; }\n' >"$T/cyc/b.c"
printf 'int a_fn(void);\nint c_fn(void) { return a_fn() + 1; }\n' >"$T/cyc/c.c"
printf 'int a_fn(void);\nint main(void) { return a_fn(); }\n' >"$T/cyc/main.c"
for f in a b c main; do cc -c -o "$T/cyc/$f.o" "$T/cyc/$f.c" || t_fail "cc could not build $f.o"; done
"$PYTHON" "$TOP/tools/check-deps.py" "$T/cyc" >"$OUT" 2>"$ERR"
RC=$?
expect_exit 1
expect_out "cycle among 3 objects: a.o b.o c.o"
expect_out "    a.o -> b.o (b_fn)"
expect_out "    b.o -> c.o (c_fn)"
expect_out "    c.o -> a.o (a_fn)"
expect_not_out "main.o ->"
t_end

t_case "the checker passes a chain, and refuses a folder without objects"
rm -f "$T/cyc/c.o"
printf 'int c_fn(void) { return 1; }\n' >"$T/cyc/c.c"
cc -c -o "$T/cyc/c.o" "$T/cyc/c.c" || t_fail "cc could not build c.o"
"$PYTHON" "$TOP/tools/check-deps.py" "$T/cyc" >"$OUT" 2>"$ERR"
RC=$?
expect_exit 0
expect_out "check-deps: 4 objects, 3 edges, no cycle"
mkdir -p "$T/empty"
"$PYTHON" "$TOP/tools/check-deps.py" "$T/empty" >"$OUT" 2>"$ERR"
RC=$?
expect_exit 2
expect_err "no .o files"
t_end

t_case "no cycle between the objects of the program under test"
if dir=$(objdir); then
	"$PYTHON" "$TOP/tools/check-deps.py" "$dir" "$TOP/src" >"$OUT" 2>"$ERR"
	RC=$?
	expect_exit 0
	expect_out "no cycle"
else
	t_fail "no main.o beside $HT${VG_HT:+ or $VG_HT}${WINE_HT:+ or under $WINE_HT's folder}, nor in its build/: the objects of the program under test are not found"
fi
t_end
