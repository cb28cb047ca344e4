#!/usr/bin/python3
"""bench.py - hiepthuong's benchmark: each main job against a baseline.

    bench.py --ht ./hiepthuong --xlsx-min build/bench/xlsx_min --size small|national [--runs N]
             [--work DIR] [--results FILE]

Generates the input at SIZE and at a tenth of it (gen.py), builds a book of
each with the real commands (untimed), then runs, in this one process tree,
each job RUNS times, alternating with its baseline, and reports medians,
ratios and peak memory (maximum resident set size of the child, from
GNU time):

  import    candidate import of candidates.csv  vs  sqlite3 shell's .import
            of the same CSV into a plain table; and candidate import of the
            same rows as an .xlsx workbook (python3-xlsxwriter, shared
            strings as Excel writes them)  vs  the CSV import
  validate  validate of the whole book at SIZE/10 and at SIZE: the ratio
            shows how its cost grows with ten times the data
  export    export of the largest list (Mẫu 05/BCĐBHĐND-MT, round 3, of the
            commune councils)  vs  xlsx_min (libxlsxwriter, constant memory)
            and  xlsx_py.py (python3-xlsxwriter) writing the same cells

The numbers and the machine's description go to FILE (default
tests/bench/results/SIZE.txt).  Exit status 0 when every job ran and the
cells compare equal; the targets are reported, not enforced (a benchmark,
not a timed test).  tests/bench/README.md says more.
"""
import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"
TODAY = "2021-04-20"   # after round 3, before the lists' deadlines (gen.py dates)
SIZES = {"national": 1.0, "small": 0.1, "tiny": 0.01}


def log(msg):
    sys.stderr.write("bench: %s\n" % msg)
    sys.stderr.flush()


RSS_FILE = None


def run(argv, out=None, cwd=None, check=True):
    """Run argv; returns (seconds, max RSS in KiB, exit status).

    GNU time runs the command and reports its maximum resident set size:
    the rusage of a child that Python forked would count the copy of this
    Python process it was before exec (about 13 MB) as the job's."""
    env = dict(os.environ, HIEPTHUONG_TODAY=TODAY)
    so = open(out, "wb") if out else subprocess.DEVNULL
    t0 = time.monotonic()
    p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", RSS_FILE] + argv, stdout=so,
                         stderr=subprocess.STDOUT if out else subprocess.DEVNULL, cwd=cwd, env=env)
    p.wait()
    dt = time.monotonic() - t0
    if out:
        so.close()
    if check and p.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d)%s" % (" ".join(argv), p.returncode, ", see " + out if out else ""))
    with open(RSS_FILE) as f:
        rss = int(f.read().split()[-1])
    return dt, rss, p.returncode


def build(ht, size, d, rebuild):
    """Generate the input and make d/book.db (all stages) and d/base.db (units, allocations)."""
    if not rebuild and os.path.exists(os.path.join(d, "book.db")):
        return
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    t0 = time.monotonic()
    subprocess.run([PY, os.path.join(HERE, "gen.py"), "--size", str(size), "--out", d], check=True,
                   stdout=subprocess.DEVNULL)
    log("%s: input generated in %.0f s" % (d, time.monotonic() - t0))
    rounds = [l.strip().split(",") for l in open(os.path.join(d, "rounds.csv"), encoding="utf-8")]
    db = os.path.join(d, "book.db")

    def ht_(*args, name):
        dt, rss, _ = run([ht] + list(args) + ["--db", db], out=os.path.join(d, "log." + name))
        log("%s: %-9s %7.1f s %7.0f MB" % (d, name, dt, rss / 1024))

    def rnd(kind):
        for b, k, date in rounds:
            if k == kind:
                run([ht, "conference", "add", "--kind", k, "--body", b, "--date", date, "--db", db],
                    out=os.path.join(d, "log.%s-%s" % (k, b)))

    ht_("init", "--config", os.path.join(d, "config.yaml"), name="init")
    rnd("ht1")
    ht_("unit", "import", os.path.join(d, "units.csv"), name="units")
    ht_("alloc", "import", os.path.join(d, "allocations.csv"), name="alloc")
    shutil.copyfile(db, os.path.join(d, "base.db"))
    ht_("candidate", "import", os.path.join(d, "candidates.csv"), name="cand")
    ht_("voters", "import", os.path.join(d, "voters-1.csv"), name="voters-1")
    ht_("decide", "import", os.path.join(d, "decide-1.csv"), name="decide-1")
    rnd("ht2")
    ht_("decide", "import", os.path.join(d, "decide-2.csv"), name="decide-2")
    ht_("voters", "import", os.path.join(d, "voters-2.csv"), name="voters-2")
    rnd("ht3")
    ht_("decide", "import", os.path.join(d, "decide-3.csv"), name="decide-3")
    ht_("decide", "import", os.path.join(d, "decide-4.csv"), name="decide-4")
    log("%s: book built in %.0f s" % (d, time.monotonic() - t0))


def sizes_txt(d):
    return open(os.path.join(d, "sizes.txt"), encoding="utf-8").read()


def machine():
    cpu = "?"
    mem = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
                break
    except OSError:
        pass

    def ver(pkg):
        r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
        return r.stdout or "?"

    return ["machine: %s, %d cores, %s memory" % (cpu, os.cpu_count() or 0, mem),
            "system: %s %s" % (platform.system(), platform.release()),
            "packages: sqlite3 %s, libxlsxwriter %s, python3-xlsxwriter %s, gcc %s" %
            (ver("libsqlite3-0"), ver("libxlsxwriter4"), ver("python3-xlsxwriter"), ver("gcc"))]


class Job:
    def __init__(self, name):
        self.name, self.t, self.rss = name, [], []

    def add(self, r):
        self.t.append(r[0])
        self.rss.append(r[1])

    def med(self):
        return statistics.median(self.t)

    def line(self):
        return "  %-44s median %8.2f s  (runs: %s)  peak RSS %6.1f MB" % (
            self.name, self.med(), " ".join("%.2f" % x for x in self.t), max(self.rss) / 1024)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ht", required=True)
    ap.add_argument("--xlsx-min", required=True)
    ap.add_argument("--size", default="small")
    ap.add_argument("--runs", type=int, default=0, help="default 3 at national size, else 5")
    ap.add_argument("--work", default="build/bench")
    ap.add_argument("--results", default=None)
    ap.add_argument("--rebuild", action="store_true", help="generate and build the books even if present")
    args = ap.parse_args()
    ht = os.path.abspath(args.ht)
    xmin = os.path.abspath(args.xlsx_min)
    scale = SIZES.get(args.size, None) or float(args.size)
    runs = args.runs or (3 if scale >= 1 else 5)
    results = args.results or os.path.join(HERE, "results", "%s.txt" % args.size)
    work = os.path.abspath(args.work)
    big, small = os.path.join(work, "%g" % scale), os.path.join(work, "%g" % (scale / 10))
    t_start = time.monotonic()
    global RSS_FILE
    os.makedirs(work, exist_ok=True)
    RSS_FILE = os.path.join(work, "rss")
    for d, s in ((small, scale / 10), (big, scale)):
        build(ht, s, d, args.rebuild)

    tmp = os.path.join(work, "tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    cand_csv = os.path.join(big, "candidates.csv")
    imp, imp_base = Job("hiepthuong candidate import"), Job("sqlite3 .import (plain table)")
    imp_x = Job("hiepthuong candidate import of the .xlsx")
    cand_xlsx = os.path.join(tmp, "candidates.xlsx")
    csv_to_xlsx(cand_csv, cand_xlsx)
    val_s, val_b = Job("hiepthuong validate, 1/10 size"), Job("hiepthuong validate, full size")
    exp, exp_c, exp_py = (Job("hiepthuong export 05-bcdbhdnd-mt (round 3)"), Job("xlsx_min (libxlsxwriter)"),
                          Job("xlsx_py.py (python3-xlsxwriter)"))
    book = os.path.join(big, "book.db")
    xlsx = os.path.join(tmp, "list.xlsx")
    cells = os.path.join(tmp, "cells.tsv")
    export = [ht, "export", "05-bcdbhdnd-mt", "--body", "hdnd-xa", "--round", "3", "-o", xlsx, "--db", book]
    # the cells of the list, once, for the baselines to write
    r = run(export, out=os.path.join(tmp, "log.export"))
    if r[2] != 0:
        sys.exit("bench: the export was refused, see %s" % os.path.join(tmp, "log.export"))
    n_cells = int(subprocess.run([PY, os.path.join(HERE, "cells.py"), xlsx, cells], check=True,
                                 capture_output=True, text=True).stdout)
    log("export: %d cells" % n_cells)

    for i in range(runs):
        log("run %d of %d" % (i + 1, runs))
        db = os.path.join(tmp, "import.db")
        shutil.copyfile(os.path.join(big, "base.db"), db)
        imp.add(run([ht, "candidate", "import", cand_csv, "--db", db], out=os.path.join(tmp, "log.import")))
        shutil.copyfile(os.path.join(big, "base.db"), db)
        imp_x.add(run([ht, "candidate", "import", cand_xlsx, "--db", db], out=os.path.join(tmp, "log.importx")))
        plain = os.path.join(tmp, "plain.db")
        if os.path.exists(plain):
            os.remove(plain)
        imp_base.add(run(["sqlite3", plain, ".import --csv %s candidates" % cand_csv]))
        val_s.add(run([ht, "validate", "--db", os.path.join(small, "book.db")], out=os.path.join(tmp, "log.val1")))
        val_b.add(run([ht, "validate", "--db", book], out=os.path.join(tmp, "log.val10")))
        exp.add(run(export, out=os.path.join(tmp, "log.export")))
        exp_c.add(run([xmin, cells, os.path.join(tmp, "min.xlsx")]))
        exp_py.add(run([PY, os.path.join(HERE, "xlsx_py.py"), cells, os.path.join(tmp, "py.xlsx")]))
    os.remove(os.path.join(tmp, "import.db"))

    # the baselines wrote the same cells
    counts = {}
    for name in ("list", "min", "py"):
        counts[name] = int(subprocess.run([PY, os.path.join(HERE, "cells.py"), os.path.join(tmp, name + ".xlsx")],
                                          check=True, capture_output=True, text=True).stdout)
    same = counts["list"] == counts["min"] == counts["py"] == n_cells
    n_imported = int(subprocess.run(["sqlite3", os.path.join(tmp, "plain.db"), "SELECT count(*) FROM candidates"],
                                    check=True, capture_output=True, text=True).stdout)
    findings = open(os.path.join(tmp, "log.val10"), encoding="utf-8").read().strip().splitlines()[-1:]

    def ratio(a, b):
        return a.med() / b.med()

    def verdict(ok):
        return "met" if ok else "MISSED"

    peak = max(max(j.rss) for j in (imp, imp_x, val_s, val_b, exp)) / 1024
    out = []
    out.append("hiepthuong benchmark, size %s (scale %g), %d runs each, %s" %
               (args.size, scale, runs, datetime.datetime.now().strftime("%Y-%m-%d %H:%M")))
    out += machine()
    out.append("")
    out.append("input (tests/bench/gen.py), full size:")
    out += ["  " + l for l in sizes_txt(big).strip().splitlines()]
    out.append("input at 1/10 size: " + " ".join(l for l in sizes_txt(small).strip().splitlines()
                                                  if l.startswith("candidacies")))
    out.append("")
    out.append("import (%d data rows of candidates.csv; sqlite3 read %d):" % (imp_n(big), n_imported))
    out.append(imp.line())
    out.append(imp_base.line())
    out.append("  ratio %.2f (target: within 2x) %s" % (ratio(imp, imp_base), verdict(ratio(imp, imp_base) <= 2)))
    out.append("")
    out.append("import of the same rows as .xlsx (%.1f MB, sheet XML %.1f MB):" %
               (os.path.getsize(cand_xlsx) / 1e6, xlsx_sheet_size(cand_xlsx) / 1e6))
    out.append(imp_x.line())
    out.append(imp.line())
    out.append("  ratio %.2f (target: within 1.5x of the CSV import) %s" %
               (ratio(imp_x, imp), verdict(ratio(imp_x, imp) <= 1.5)))
    out.append("")
    out.append("validate (whole book; findings at full size: %s):" % (findings[0].strip() if findings else "?"))
    out.append(val_s.line())
    out.append(val_b.line())
    out.append("  growth for 10x the data %.2f (target: at most 12x) %s" %
               (ratio(val_b, val_s), verdict(ratio(val_b, val_s) <= 12)))
    out.append("")
    out.append("export (%d cells with a value; min.xlsx %d, py.xlsx %d: %s):" %
               (n_cells, counts["min"], counts["py"], "same" if same else "DIFFERENT"))
    out.append(exp.line())
    out.append(exp_c.line())
    out.append(exp_py.line())
    out.append("  ratio to libxlsxwriter %.2f (target: within 1.5x) %s" %
               (ratio(exp, exp_c), verdict(ratio(exp, exp_c) <= 1.5)))
    out.append("  python3-xlsxwriter / export %.2f (target: at least 5x) %s" %
               (ratio(exp_py, exp), verdict(ratio(exp_py, exp) >= 5)))
    out.append("")
    out.append("peak memory of hiepthuong's jobs: %.1f MB (target: under 200 MB) %s" % (peak, verdict(peak < 200)))
    out.append("benchmark run time: %.0f s" % (time.monotonic() - t_start))
    text = "\n".join(out) + "\n"
    notes = os.path.join(HERE, "results", "%s.notes" % args.size)
    if os.path.exists(notes):
        text += "\n" + open(notes, encoding="utf-8").read()
    os.makedirs(os.path.dirname(results), exist_ok=True)
    with open(results, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)
    log("written to %s" % results)
    return 0 if same else 1


def csv_to_xlsx(src, dst):
    """The CSV file as Excel would save it: one sheet, shared strings."""
    import csv
    import xlsxwriter
    text = open(src, encoding="utf-8-sig").read()
    delim = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    wb = xlsxwriter.Workbook(dst)
    ws = wb.add_worksheet("Danh sách")
    for r, row in enumerate(csv.reader(text.splitlines(), delimiter=delim)):
        for c, v in enumerate(row):
            if v:
                ws.write_string(r, c, v)
    wb.close()


def xlsx_sheet_size(path):
    import zipfile
    return zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size


def imp_n(d):
    with open(os.path.join(d, "candidates.csv"), encoding="utf-8") as f:
        return sum(1 for _ in f) - 1


if __name__ == "__main__":
    sys.exit(main())
