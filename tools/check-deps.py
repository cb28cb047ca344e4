#!/usr/bin/python3
"""check-deps.py - fail on any cycle between the program's objects.

    /usr/bin/python3 tools/check-deps.py BUILD_DIR [SRC_DIR]

Reads every BUILD_DIR/*.o with nm (binutils), links each undefined symbol to
the object that defines it, and draws an edge from the user to the definer.
Every edge counts, main.o's included.  The strongly connected components of
that graph (Tarjan) are the cycles: each one is printed as a chain of files,
one symbol per edge, and the exit status is 1.  No cycle: one summary line,
exit 0.  Exit 2 when the objects cannot be read.

With SRC_DIR, only the objects of a SRC_DIR/*.c are read (a stale object of a
removed file would draw false edges), and a .c without its object is an error.
NM names the nm to run (default nm).  Standard library only.
"""
import os
import subprocess
import sys


def die(msg):
    print("check-deps: " + msg, file=sys.stderr)
    sys.exit(2)


def objects(build, src):
    if src is None:
        names = sorted(f[:-2] for f in os.listdir(build) if f.endswith(".o"))
    else:
        names = sorted(f[:-2] for f in os.listdir(src) if f.endswith(".c"))
        missing = [n for n in names if not os.path.isfile(os.path.join(build, n + ".o"))]
        if missing:
            die("%s: no object for %s (build first)" % (build, ", ".join(n + ".c" for n in missing)))
    if not names:
        die("%s: no .o files (build first)" % build)
    return names


def symbols(nm, path):
    try:
        out = subprocess.run([nm, "-P", "-g", path], check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        die("%s: %s failed: %s" % (path, nm, e))
    defined, undefined = set(), set()
    for line in out.splitlines():
        f = line.split()
        if len(f) < 2:
            continue
        # Common symbols (C) are tentative definitions; weak (W/V) count too.
        if f[1] == "U" or f[1] == "w" or f[1] == "v":
            undefined.add(f[0])
        else:
            defined.add(f[0])
    return defined, undefined


def sccs(nodes, edges):
    """Tarjan's algorithm, iterative; components of more than one node."""
    index, low, on, stack, out = {}, {}, set(), [], []
    counter = [0]
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def cycle_in(comp, edges):
    """One closed chain through the component's first node (BFS back to it)."""
    start = comp[0]
    members = set(comp)
    prev = {start: None}
    queue = [start]
    for v in queue:
        for w in sorted(edges[v]):
            if w == start:
                chain = [v]
                while prev[chain[-1]] is not None:
                    chain.append(prev[chain[-1]])
                chain.reverse()
                return chain + [start]
            if w in members and w not in prev:
                prev[w] = v
                queue.append(w)
    return [start]


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    build = sys.argv[1]
    src = sys.argv[2] if len(sys.argv) == 3 else None
    if not os.path.isdir(build):
        die("%s: not a folder" % build)
    nm = os.environ.get("NM", "nm")
    names = objects(build, src)
    defs, undefs = {}, {}
    owner = {}
    for n in names:
        defs[n], undefs[n] = symbols(nm, os.path.join(build, n + ".o"))
        for s in defs[n]:
            owner.setdefault(s, n)
    edges = {n: set() for n in names}
    why = {}
    for n in names:
        for s in sorted(undefs[n]):
            d = owner.get(s)
            if d is None or d == n:
                continue
            edges[n].add(d)
            why.setdefault((n, d), s)
    comps = sccs(names, edges)
    if not comps:
        print("check-deps: %d objects, %d edges, no cycle" % (len(names), sum(len(e) for e in edges.values())))
        return 0
    for comp in comps:
        chain = cycle_in(comp, edges)
        print("cycle among %d objects: %s" % (len(comp), " ".join(c + ".o" for c in comp)))
        for a, b in zip(chain, chain[1:]):
            print("    %s.o -> %s.o (%s)" % (a, b, why[(a, b)]))
    print("check-deps: %d cycle%s" % (len(comps), "" if len(comps) == 1 else "s"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
