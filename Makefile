# hiepthuong - a boring Makefile (libxlsxwriter, Redis, git style).
#
#   make            build ./hiepthuong
#   make demo       install missing Debian packages, build, run the sample
#   make test       install missing Debian packages, build, run every test
#   make asan       build and run the tests under ASan + UBSan
#   make test-render  export every form of the demo, render with LibreOffice
#                   (installs it: minutes), read every page back
#   make valgrind   the end-to-end tests under valgrind (errors and leaks)
#   make fuzz       libFuzzer targets, FUZZ_TIME=60 seconds each (clang)
#   make bench      the benchmark against baselines (tests/bench/README.md):
#                   SIZE=small (default, minutes) or SIZE=national (about 20 minutes, and the
#                   roll-up's country of books); BENCH_ONLY=rollup for the roll-up's jobs alone
#   make check      cppcheck over src/
#   make check-deps fail on any cycle between the program's objects (nm)
#   make install    PREFIX=/usr/local DESTDIR=
#   make V=1        show the commands

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS = sqlite3 yaml-0.1 xlsxwriter icu-uc icu-i18n libcrypto libzip expat
PYTHON ?= /usr/bin/python3

CFLAGS ?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Wformat=2 -Wshadow -Werror
ALL_CFLAGS = $(WARNINGS) $(CFLAGS) $(SAN_CFLAGS)
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -I$(BUILD) $(TEMPLATE_DIRS) \
	$(shell $(PKG_CONFIG) --cflags $(PKGS)) $(CPPFLAGS)
ALL_LDFLAGS = $(SAN_CFLAGS) $(LDFLAGS)
# Where `export` finds templates/*.yaml and `workbook` config/lists/*.txt:
# the source tree, else the install.
TEMPLATE_DIRS = -DHT_TEMPLATES_SRC='"$(CURDIR)/templates"' \
	-DHT_TEMPLATES_DIR='"$(PREFIX)/share/hiepthuong/templates"' \
	-DHT_LISTS_SRC='"$(CURDIR)/config/lists"' -DHT_LISTS_DIR='"$(PREFIX)/share/hiepthuong/config/lists"'
ifneq ($(EXE),)
# Windows: the installed folders are beside the .exe (WIN_CPPFLAGS)
TEMPLATE_DIRS = -DHT_TEMPLATES_SRC='"$(CURDIR)/templates"' -DHT_LISTS_SRC='"$(CURDIR)/config/lists"'
endif
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) $(LDLIBS)

ifneq ($(V),1)
Q = @
QUIET_CC = @echo '   ' CC $@;
QUIET_LINK = @echo '   ' LINK $@;
QUIET_GEN = @echo '   ' GEN $@;
endif

# The program: main.o plus everything else, one object per line.
OBJS += $(BUILD)/audit.o
OBJS += $(BUILD)/audit_state.o
OBJS += $(BUILD)/audit_verify.o
OBJS += $(BUILD)/book.o
OBJS += $(BUILD)/candidacy.o
OBJS += $(BUILD)/candref.o
OBJS += $(BUILD)/cmd_alloc.o
OBJS += $(BUILD)/cmd_audit.o
OBJS += $(BUILD)/cmd_backup.o
OBJS += $(BUILD)/cmd_candidate.o
OBJS += $(BUILD)/cmd_candidate_import.o
OBJS += $(BUILD)/cmd_candidate_list.o
OBJS += $(BUILD)/cmd_conference.o
OBJS += $(BUILD)/cmd_decide.o
OBJS += $(BUILD)/cmd_export.o
OBJS += $(BUILD)/cmd_init.o
OBJS += $(BUILD)/cmd_milestone.o
OBJS += $(BUILD)/cmd_rollup.o
OBJS += $(BUILD)/cmd_rules.o
OBJS += $(BUILD)/cmd_stage_import.o
OBJS += $(BUILD)/cmd_stages.o
OBJS += $(BUILD)/cmd_status.o
OBJS += $(BUILD)/cmd_unit.o
OBJS += $(BUILD)/cmd_unit_import.o
OBJS += $(BUILD)/cmd_validate.o
OBJS += $(BUILD)/cmd_version.o
OBJS += $(BUILD)/cmd_vissue.o
OBJS += $(BUILD)/cmd_workbook.o
OBJS += $(BUILD)/cmd_voters.o
OBJS += $(BUILD)/collate_vi.o
OBJS += $(BUILD)/conference.o
OBJS += $(BUILD)/config.o
OBJS += $(BUILD)/count.o
OBJS += $(BUILD)/csv.o
OBJS += $(BUILD)/dataset.o
OBJS += $(BUILD)/dataset_defs.o
OBJS += $(BUILD)/date.o
OBJS += $(BUILD)/db.o
OBJS += $(BUILD)/diag.o
OBJS += $(BUILD)/export_gate.o
OBJS += $(BUILD)/fill.o
OBJS += $(BUILD)/hash.o
OBJS += $(BUILD)/import.o
OBJS += $(BUILD)/lock.o
OBJS += $(BUILD)/minutes.o
OBJS += $(BUILD)/opt.o
OBJS += $(BUILD)/outfile.o
OBJS += $(BUILD)/person.o
OBJS += $(BUILD)/platform.o
OBJS += $(BUILD)/rollup.o
OBJS += $(BUILD)/rollup_report.o
OBJS += $(BUILD)/rollup_stats.o
OBJS += $(BUILD)/rollup_xlsx.o
OBJS += $(BUILD)/rules.o
OBJS += $(BUILD)/sbuf.o
OBJS += $(BUILD)/stage.o
OBJS += $(BUILD)/table.o
OBJS += $(BUILD)/template.o
OBJS += $(BUILD)/template_check.o
OBJS += $(BUILD)/text.o
OBJS += $(BUILD)/textfit.o
OBJS += $(BUILD)/units.o
OBJS += $(BUILD)/validate.o
OBJS += $(BUILD)/validate_conf.o
OBJS += $(BUILD)/validate_lists.o
OBJS += $(BUILD)/validate_people.o
OBJS += $(BUILD)/validate_print.o
OBJS += $(BUILD)/validate_rollup.o
OBJS += $(BUILD)/validate_rounds.o
OBJS += $(BUILD)/validate_util.o
OBJS += $(BUILD)/vocab.o
OBJS += $(BUILD)/voters.o
OBJS += $(BUILD)/xlsx.o
OBJS += $(BUILD)/xlsx_cell.o
OBJS += $(BUILD)/xlsx_page.o
OBJS += $(BUILD)/xlsx_read.o
OBJS += $(BUILD)/xlsx_table.o
OBJS += $(BUILD)/yamlcfg.o

EXE ?=
PROGRAM = $(BUILD)/hiepthuong$(EXE)
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(patsubst tests/unit/%.c,$(BUILD)/unit/%$(EXE),$(UNIT_SRCS))

all: hiepthuong

hiepthuong: $(PROGRAM)
ifeq ($(BUILD),build)
	$(Q)cp $(PROGRAM) hiepthuong
endif

$(PROGRAM): $(BUILD)/main.o $(OBJS)
	$(QUIET_LINK)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/%.o: src/%.c $(wildcard src/*.h) $(BUILD)/schema.h | $(BUILD)
	$(QUIET_CC)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The schema is embedded as a C string, generated from src/schema.sql.
$(BUILD)/schema.h: src/schema.sql tools/embed.sh | $(BUILD)
	$(QUIET_GEN)sh tools/embed.sh schema_sql < src/schema.sql > $@

$(BUILD):
	$(Q)mkdir -p $(BUILD)/unit

$(BUILD)/unit/unit_main.o: tests/unit/unit_main.c tests/unit/unit.h | $(BUILD)
	$(QUIET_CC)$(CC) $(ALL_CPPFLAGS) -Itests/unit $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/unit/%$(EXE): tests/unit/%.c $(BUILD)/unit/unit_main.o $(OBJS) tests/unit/unit.h
	$(QUIET_LINK)$(CC) $(ALL_CPPFLAGS) -Itests/unit $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(BUILD)/unit/unit_main.o $(OBJS) $(LIBS)

units: $(UNIT_BINS)

# Fuzz targets (tests/fuzz/fuzz_*.c).  `make fuzz` builds them with clang and
# libFuzzer and runs each for FUZZ_TIME seconds over its seed corpus; the
# same sources linked with tests/fuzz/replay.c replay the seeds and the kept
# regression inputs in the normal test suite (t4200).  The template loader
# has fuzz_template.c, with the shipped templates/ as its seeds; the .xlsx
# reader fuzz_xlsx.c, with tests/fuzz/seeds/xlsx/ (whole files and bare XML).
FUZZ_TARGETS = config csv rules template xlsx
FUZZ_TIME ?= 60
FUZZ_CC ?= clang
REPLAY_BINS = $(patsubst %,$(BUILD)/unit/replay_%,$(FUZZ_TARGETS))

$(BUILD)/unit/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(OBJS)
	$(QUIET_LINK)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< tests/fuzz/replay.c $(OBJS) $(LIBS)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(OBJS)
	$(Q)mkdir -p $(BUILD)/fuzz
	$(QUIET_LINK)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(OBJS) $(LIBS)

replays: $(REPLAY_BINS)

fuzz:
	$(Q)sh tools/install-deps.sh fuzz
	$(Q)$(MAKE) --no-print-directory BUILD=build-fuzz CC=$(FUZZ_CC) CFLAGS="-O1 -g -fno-omit-frame-pointer" \
		SAN_CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
		$(patsubst %,build-fuzz/fuzz/fuzz_%,$(FUZZ_TARGETS))
	$(Q)FUZZ_TIME=$(FUZZ_TIME) sh tools/fuzz.sh build-fuzz $(FUZZ_TARGETS)

# Debian packages the build, the demo and the tests need.
deps:
	$(Q)sh tools/install-deps.sh

build-all: hiepthuong units replays

demo: deps
	$(Q)$(MAKE) --no-print-directory hiepthuong
	$(Q)sh samples/demo.sh ./hiepthuong

test: deps
	$(Q)$(MAKE) --no-print-directory build-all
	$(Q)HT=$(CURDIR)/$(PROGRAM) UNIT_DIR=$(CURDIR)/$(BUILD)/unit PYTHON=$(PYTHON) sh tests/run.sh

# Same tests, built with AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan CFLAGS="-O1 -g -fno-omit-frame-pointer" \
		SAN_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" build-all
	$(Q)ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		HT=$(CURDIR)/build-asan/hiepthuong UNIT_DIR=$(CURDIR)/build-asan/unit PYTHON=$(PYTHON) \
		SANITIZED=1 sh tests/run.sh

# Slow: LibreOffice renders every form of the demo to PDF and the pages are
# read back (tools/render-check.sh, tools/render_check.py).
test-render:
	$(Q)sh tools/install-deps.sh render
	$(Q)$(MAKE) --no-print-directory demo
	$(Q)PYTHON=$(PYTHON) sh tools/render-check.sh out/bieu-mau

# The end-to-end tests with every run of the program under valgrind
# (tools/valgrind-ht.sh); any error or leak fails the run.
valgrind:
	$(Q)sh tools/install-deps.sh valgrind
	$(Q)$(MAKE) --no-print-directory BUILD=build-valgrind CFLAGS="-O1 -g" build-all
	$(Q)rm -rf build-valgrind/vg && mkdir -p build-valgrind/vg
	$(Q)VG_HT=$(CURDIR)/build-valgrind/hiepthuong VG_LOG_DIR=$(CURDIR)/build-valgrind/vg \
		HT=$(CURDIR)/tools/valgrind-ht.sh UNIT_DIR=$(CURDIR)/build-valgrind/unit PYTHON=$(PYTHON) \
		REPLAY_WRAP="valgrind -q --error-exitcode=99 --leak-check=full" KILL_ROUNDS=2 SANITIZED=1 sh tests/run.sh t
	$(Q)find build-valgrind/vg -name 'vg.*.log' -size +0 | sed 's/^/valgrind: /' | grep . && \
		{ cat build-valgrind/vg/vg.*.log | head -n 100; exit 1; } || \
		echo "valgrind: $$(ls build-valgrind/vg | wc -l) runs, no errors and no leaks"

# The benchmark: each main job against a baseline, medians, peak memory;
# numbers to tests/bench/results/$(SIZE).txt.  RUNS=0: 5, or 3 at national size.
SIZE ?= small
RUNS ?= 0
BENCH_ONLY ?= all
bench:
	$(Q)sh tools/install-deps.sh bench
	$(Q)$(MAKE) --no-print-directory hiepthuong $(BUILD)/bench/xlsx_min $(BUILD)/bench/read_min $(BUILD)/bench/import_min
	$(Q)$(PYTHON) tests/bench/bench.py --ht $(PROGRAM) --xlsx-min $(BUILD)/bench/xlsx_min --size $(SIZE) \
		--read-min $(BUILD)/bench/read_min --import-min $(BUILD)/bench/import_min --runs $(RUNS) --work $(BUILD)/bench \
		--only $(BENCH_ONLY)

$(BUILD)/bench/xlsx_min: tests/bench/xlsx_min.c | $(BUILD)
	$(Q)mkdir -p $(BUILD)/bench
	$(QUIET_LINK)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIBS)

# The roll-up's and the candidate import's baselines (plain SQLite, no hiepthuong code).
$(BUILD)/bench/%_min: tests/bench/%_min.c | $(BUILD)
	$(Q)mkdir -p $(BUILD)/bench
	$(QUIET_LINK)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIBS)

# Windows x64 (docs/windows.md): mingw-w64 and Wine from Debian, the
# libraries built once from Debian's sources into build-win/deps
# (tools/build-windows-deps.sh), everything linked statically.  -Wno-format:
# mingw's format checker knows Microsoft's printf, not the C99 one the
# program gets (__USE_MINGW_ANSI_STDIO); the Linux build checks formats.
WIN_HOST = x86_64-w64-mingw32
SHARDS ?= 1
WIN_DEPS = $(CURDIR)/build-win/deps
WIN_CPPFLAGS = -include $(CURDIR)/src/platform.h -I$(CURDIR)/src/win -I$(WIN_DEPS)/include \
	-D__USE_MINGW_ANSI_STDIO=1 -D_WIN32_WINNT=0x0A00 -DYAML_DECLARE_STATIC -DXML_STATIC \
	-DU_STATIC_IMPLEMENTATION
WIN_LIBS = -L$(WIN_DEPS)/lib -lxlsxwriter -lzip -lexpat -lyaml -lsqlite3 -lsicuin -lsicuuc -lsicudt \
	-lz -lbcrypt -ladvapi32 -lshell32 -lstdc++ -Wl,--wrap=fopen64 -Wl,--wrap=fopen
WIN_MAKE = $(MAKE) --no-print-directory BUILD=build-win/obj EXE=.exe CC=$(WIN_HOST)-gcc-posix PKG_CONFIG=true \
	CFLAGS="-O2 -Wno-format" CPPFLAGS="$(WIN_CPPFLAGS)" LDFLAGS="-static" LDLIBS="$(WIN_LIBS)"

windows:
	$(Q)sh tools/install-deps.sh windows
	$(Q)[ -f $(WIN_DEPS)/.done-icu ] || sh tools/build-windows-deps.sh $(WIN_DEPS)
	$(Q)$(WIN_MAKE) build-win/obj/hiepthuong.exe
	$(Q)cp build-win/obj/hiepthuong.exe build-win/hiepthuong.exe

# The suite against hiepthuong.exe under Wine (tools/wine-ht.sh), the unit
# tests as .exe under Wine; tests/windows-skip.txt says which scripts cannot
# run there and why (counted and printed as skipped).  SHARDS=2 runs it in
# two parts at once: it mostly waits on Wine (docs/windows.md, "CI").
test-windows: windows
	$(Q)$(WIN_MAKE) units
	$(Q)HT=$(CURDIR)/tools/wine-ht.sh WINE_HT=$(CURDIR)/build-win/hiepthuong.exe \
		UNIT_DIR=$(CURDIR)/build-win/obj/unit UNIT_EXT=.exe UNIT_WRAP="sh $(CURDIR)/tools/wine-ht.sh --exe" \
		SKIP_LIST=$(CURDIR)/tests/windows-skip.txt PYTHON=$(PYTHON) \
		$(if $(filter-out 1,$(SHARDS)),sh tools/run-shards.sh $(SHARDS),sh tests/run.sh)

# hiepthuong-VERSION-windows-x64.zip: the program, templates, config, samples,
# HUONG-DAN.txt and demo.bat (tools/dist-windows.sh).
dist-windows: windows
	$(Q)sh tools/dist-windows.sh build-win/hiepthuong.exe

check:
	cppcheck --quiet --error-exitcode=1 --std=c11 --enable=warning,portability \
		--suppress=missingIncludeSystem -Isrc src/

# No cycle between the program's objects (issue 13 §3): nm over the build,
# one edge from each object to the object defining a symbol it uses.
check-deps: deps
	$(Q)$(MAKE) --no-print-directory hiepthuong
	$(Q)$(PYTHON) tools/check-deps.py $(BUILD) src

install: hiepthuong
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/hiepthuong/config/rules \
		$(DESTDIR)$(PREFIX)/share/hiepthuong/config/lists \
		$(DESTDIR)$(PREFIX)/share/hiepthuong/templates
	install -m 755 hiepthuong $(DESTDIR)$(PREFIX)/bin/hiepthuong
	install -m 644 config/*.yaml $(DESTDIR)$(PREFIX)/share/hiepthuong/config/
	install -m 644 config/rules/*.yaml $(DESTDIR)$(PREFIX)/share/hiepthuong/config/rules/
	install -m 644 config/lists/*.txt $(DESTDIR)$(PREFIX)/share/hiepthuong/config/lists/
	for f in templates/*.yaml; do [ -e "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(PREFIX)/share/hiepthuong/templates/; done; true

clean:
	rm -rf build build-asan build-fuzz build-valgrind build-win/obj build-win/hiepthuong.exe hiepthuong out demo.db

.PHONY: windows test-windows dist-windows all hiepthuong units replays fuzz valgrind deps build-all demo test asan test-render bench check check-deps install clean
