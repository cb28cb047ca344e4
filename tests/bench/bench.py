#!/usr/bin/python3
"""bench.py - hiepthuong's benchmark: each main job against a baseline.

    bench.py --ht ./hiepthuong --xlsx-min build/bench/xlsx_min --read-min build/bench/read_min
             --import-min build/bench/import_min --size small|national [--runs N] [--work DIR] [--results FILE]

Generates the input at SIZE and at a tenth of it (gen.py), builds a book of
each with the real commands (untimed), then runs, in this one process tree,
each job RUNS times, alternating with its baseline, and reports medians,
ratios and peak memory (maximum resident set size of the child, from
GNU time):

  import    candidate import of candidates.csv  vs  import_min, a plain C
            program inserting the same rows into the same schema (indexes,
            checks, foreign keys) in one transaction; and, for reference,
            the sqlite3 shell's .import of the same CSV into a plain table
            And candidate import of the same rows as an .xlsx workbook
            (python3-xlsxwriter, shared strings as Excel writes them)  vs
            the CSV import
  validate  validate of the whole book at SIZE/10 and at SIZE: the ratio
            shows how its cost grows with ten times the data
  export    export of the largest list (Mẫu 05/BCĐBHĐND-MT, round 3, of the
            commune councils)  vs  xlsx_min (libxlsxwriter, constant memory)
            and  xlsx_py.py (python3-xlsxwriter) writing the same cells
  rollup    on a 2026 country of books (country.py; small: two provinces of
            98 communes, national: 34 provinces and 3,321 communes): each
            province's roll-up of its communes' books  vs  read_min reading
            every row of the same books once; the central committee's
            roll-up of the provinces' roll-ups; an incremental re-roll after
            one commune's book changed, of its province and of the nation

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


def run(argv, out=None, cwd=None, check=True, baseline=False):
    """Run argv; returns (seconds, max RSS in KiB, exit status).  hiepthuong may exit 1 (a book's
    findings); a baseline must exit 0, or its time would be that of a failure (import_min once
    stopped at its first row when the schema gained a column, and its ratio read 78).

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
    if check and p.returncode not in ((0,) if baseline else (0, 1)):
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


def build_country(ht, size, d, rebuild):
    """Generate and build the country of books (country.py) in d, unless there and made by the
    same schema and generator."""
    import hashlib
    h = hashlib.sha256()
    for f in (os.path.join(HERE, "..", "..", "src", "schema.sql"), os.path.join(HERE, "country.py")):
        h.update(open(f, "rb").read())
    stamp = os.path.join(d, "stamp")
    if not rebuild and os.path.exists(os.path.join(d, "books", "tw.db")) and os.path.exists(stamp) and \
            open(stamp).read() == h.hexdigest():
        return
    shutil.rmtree(d, ignore_errors=True)
    t0 = time.monotonic()
    subprocess.run([PY, os.path.join(HERE, "country.py"), "gen", "--size", size, "--out", d], check=True,
                   stdout=subprocess.DEVNULL)
    log("%s: country generated in %.0f s" % (d, time.monotonic() - t0))
    r = subprocess.run([PY, os.path.join(HERE, "country.py"), "build", d, "--ht", ht, "--jobs", "2"])
    if r.returncode:
        sys.exit("bench: the country's books did not build")
    n = sum(len([f for f in fs if f.endswith(".db")]) for _, _, fs in os.walk(os.path.join(d, "books")))
    log("%s: %d books built in %.0f s" % (d, n, time.monotonic() - t0))
    with open(stamp, "w") as f:
        f.write(h.hexdigest())


def rollup_bench(ht, read_min, size, work, runs, rebuild):
    """The roll-up's jobs on a country of books; returns the report's lines and peak RSS (KiB)."""
    country = os.path.join(work, "country-%s" % size)
    build_country(ht, size, country, rebuild)
    books = os.path.join(country, "books")
    provs = sorted(f[:-3] for f in os.listdir(books) if f.startswith("p") and f.endswith(".db"))
    communes = {p: sorted(os.path.join(books, p, f) for f in os.listdir(os.path.join(books, p)) if f.endswith(".db"))
                for p in provs}
    nbooks = sum(len(v) for v in communes.values())
    tmp = os.path.join(work, "tmp-rollup")
    prov, base, nat, inc_p, inc_n = (Job("rollup read, each province's communes"), Job("read_min, the same books"),
                                     Job("rollup read, the nation (provinces' roll-ups)"),
                                     Job("rollup read, the province again, 1 book changed"),
                                     Job("rollup read, the nation again, 1 province changed"))
    per_prov, per_base = [], []
    for i in range(runs):
        log("roll-up: run %d of %d" % (i + 1, runs))
        shutil.rmtree(tmp, ignore_errors=True)
        sent = os.path.join(tmp, "sent")
        os.makedirs(sent)
        # the first province reads copies, so that one can change
        first = provs[0]
        for f in communes[first]:
            shutil.copyfile(f, os.path.join(sent, os.path.basename(f)))
        tot_p = tot_b = 0.0
        for p in provs:
            db = os.path.join(tmp, p + ".db")
            shutil.copyfile(os.path.join(books, p + ".db"), db)
            src = sent if p == first else os.path.join(books, p)
            r = run([ht, "rollup", "read", src, "--db", db], out=os.path.join(tmp, "log." + p))
            prov.add(r)
            tot_p += r[0]
            r = run([read_min] + communes[p], baseline=True)
            base.add(r)
            tot_b += r[0]
        per_prov.append(tot_p)
        per_base.append(tot_b)
        tw = os.path.join(tmp, "tw.db")
        shutil.copyfile(os.path.join(books, "tw.db"), tw)
        pdbs = [os.path.join(tmp, p + ".db") for p in provs]
        nat.add(run([ht, "rollup", "read"] + pdbs + ["--db", tw], out=os.path.join(tmp, "log.tw")))
        changed = os.path.join(sent, os.path.basename(communes[first][0]))
        run([ht, "issue", "add", "--body", "hdnd-xa", "--candidate", "1", "--text", "Cử tri phản ánh (bench)",
             "--db", changed], out=os.path.join(tmp, "log.change"))
        inc_p.add(run([ht, "rollup", "read", sent, "--db", pdbs[0]], out=os.path.join(tmp, "log.inc-p")))
        inc_n.add(run([ht, "rollup", "read"] + pdbs + ["--db", tw], out=os.path.join(tmp, "log.inc-n")))
    tail = open(os.path.join(tmp, "log.inc-n"), encoding="utf-8").read().strip().splitlines()[-1:]
    sizes = open(os.path.join(country, "sizes.txt"), encoding="utf-8").read().strip().splitlines()
    med_p, med_b = statistics.median(per_prov), statistics.median(per_base)
    ratio = med_p / med_b if med_b else 0
    peak = max(max(j.rss) for j in (prov, nat, inc_p, inc_n)) / 1024

    def verdict(ok):
        return "met" if ok else "MISSED"
    out = ["roll-up (tests/bench/country.py, a 2026 country as books: %s):" % "; ".join(sizes)]
    out.append(prov.line())
    out.append(base.line())
    out.append("  all %d provinces, %d commune books: %.2f s against %.2f s (medians of the runs' sums);"
               % (len(provs), nbooks, med_p, med_b))
    out.append("  per book %.1f ms against %.1f ms: ratio %.2f (target: at most 3x) %s"
               % (1000 * med_p / nbooks, 1000 * med_b / nbooks, ratio, verdict(ratio <= 3)))
    out.append(nat.line())
    out.append("  the national roll-up of %d provincial roll-ups: %.2f s (target: under 2 s) %s"
               % (len(provs), nat.med(), verdict(nat.med() < 2)))
    out.append(inc_p.line())
    out.append(inc_n.line())
    out.append("  incremental re-roll after one change: province %.2f s, nation %.2f s (target: under 1 s) %s"
               % (inc_p.med(), inc_n.med(), verdict(max(inc_p.med(), inc_n.med()) < 1)))
    out.append("  (the nation's last run: %s)" % (tail[0] if tail else "?"))
    out.append("  peak memory of the roll-up's jobs: %.1f MB (target: under 128 MB) %s" % (peak, verdict(peak < 128)))
    return out


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
    ap.add_argument("--read-min", required=True)
    ap.add_argument("--import-min", required=True)
    ap.add_argument("--size", default="small")
    ap.add_argument("--runs", type=int, default=0, help="default 3 at national size, else 5")
    ap.add_argument("--work", default="build/bench")
    ap.add_argument("--results", default=None)
    ap.add_argument("--rebuild", action="store_true", help="generate and build the books even if present")
    ap.add_argument("--only", choices=("all", "rollup"), default="all",
                    help="rollup: only the roll-up's jobs, reported in results/SIZE-rollup.txt")
    args = ap.parse_args()
    ht = os.path.abspath(args.ht)
    xmin = os.path.abspath(args.xlsx_min)
    rmin = os.path.abspath(args.read_min)
    imin = os.path.abspath(args.import_min)
    scale = SIZES.get(args.size, None) or float(args.size)
    runs = args.runs or (3 if scale >= 1 else 5)
    results = args.results or os.path.join(HERE, "results", "%s.txt" % args.size)
    work = os.path.abspath(args.work)
    big, small = os.path.join(work, "%g" % scale), os.path.join(work, "%g" % (scale / 10))
    t_start = time.monotonic()
    global RSS_FILE
    os.makedirs(work, exist_ok=True)
    RSS_FILE = os.path.join(work, "rss")
    if args.only == "rollup":
        return rollup_only(args, ht, rmin, scale, runs, work, t_start)
    for d, s in ((small, scale / 10), (big, scale)):
        build(ht, s, d, args.rebuild)

    tmp = os.path.join(work, "tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    cand_csv = os.path.join(big, "candidates.csv")
    imp, imp_base = Job("hiepthuong candidate import"), Job("sqlite3 .import (plain table)")
    imp_c = Job("import_min (same rows, same schema, C)")
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
        imp_c.add(run([imin, db, cand_csv], out=os.path.join(tmp, "log.import_min"), baseline=True))
        shutil.copyfile(os.path.join(big, "base.db"), db)  # import_min wrote past the audit trail
        imp_x.add(run([ht, "candidate", "import", cand_xlsx, "--db", db], out=os.path.join(tmp, "log.importx")))
        plain = os.path.join(tmp, "plain.db")
        if os.path.exists(plain):
            os.remove(plain)
        imp_base.add(run(["sqlite3", plain, ".import --csv %s candidates" % cand_csv], baseline=True))
        val_s.add(run([ht, "validate", "--db", os.path.join(small, "book.db")], out=os.path.join(tmp, "log.val1")))
        val_b.add(run([ht, "validate", "--db", book], out=os.path.join(tmp, "log.val10")))
        exp.add(run(export, out=os.path.join(tmp, "log.export")))
        exp_c.add(run([xmin, cells, os.path.join(tmp, "min.xlsx")], baseline=True))
        exp_py.add(run([PY, os.path.join(HERE, "xlsx_py.py"), cells, os.path.join(tmp, "py.xlsx")], baseline=True))
    os.remove(os.path.join(tmp, "import.db"))
    rollup_out = rollup_bench(ht, rmin, "national" if scale >= 1 else "tiny" if scale < 0.05 else "small", work,
                              runs, args.rebuild)

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
    out.append(imp_c.line())
    out.append(imp_base.line())
    out.append("  ratio to import_min %.2f (target: within 2x) %s" % (ratio(imp, imp_c), verdict(ratio(imp, imp_c) <= 2)))
    out.append("  ratio to sqlite3 .import %.2f (for reference: a plain table, no index, no check)" % ratio(imp, imp_base))
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
    out.append("")
    out += rollup_out
    out.append("")
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


def rollup_only(args, ht, rmin, scale, runs, work, t_start):
    """bench.py --only rollup: the roll-up's jobs alone, in results/SIZE-rollup.txt."""
    size = "national" if scale >= 1 else "tiny" if scale < 0.05 else "small"
    out = ["hiepthuong benchmark, the roll-up only, size %s, %d runs each, %s" %
           (size, runs, datetime.datetime.now().strftime("%Y-%m-%d %H:%M"))]
    out += machine()
    out.append("")
    out += rollup_bench(ht, rmin, size, work, runs, args.rebuild)
    out.append("")
    out.append("benchmark run time: %.0f s" % (time.monotonic() - t_start))
    text = "\n".join(out) + "\n"
    notes = os.path.join(HERE, "results", "%s-rollup.notes" % args.size)
    if os.path.exists(notes):
        text += "\n" + open(notes, encoding="utf-8").read()
    results = args.results or os.path.join(HERE, "results", "%s-rollup.txt" % args.size)
    with open(results, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)
    log("written to %s" % results)
    return 0
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
