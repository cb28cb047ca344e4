#!/usr/bin/python3
"""verify-audit.py BOOK [HEAD-HASH] - recompute a hiepthuong book's audit
chain without hiepthuong, from the encoding documented in src/audit.h and
docs/integrity.md.  Only Python's standard library is used, so a clerk or an
inspector can check a book on any machine.

Prints "ok N HASH" and exits 0 when every entry, the head and the data
match; else prints the first entry that does not match and exits 3.
"""
import hashlib
import sqlite3
import struct
import sys

GENESIS = "0" * 64


def ns(b):
    if isinstance(b, str):
        b = b.encode("utf-8")
    return str(len(b)).encode() + b":" + b + b","


def entry_hash(prev, eid, at, op, cmd, subj, chg, state):
    h = hashlib.sha256(b"hiepthuong-audit-1\n")
    for f in (prev, str(eid), at, op, cmd, subj, chg if chg is not None else "", state):
        h.update(ns(f))
    return h.hexdigest()


class Text(bytes):
    """A TEXT value's bytes, kept apart from BLOBs."""


def value(v):
    if v is None:
        return b"n" + ns(b"")
    if isinstance(v, int):
        return b"i" + ns(str(v))
    if isinstance(v, float):
        return b"r" + ns("%.17g" % v)
    if isinstance(v, Text):
        return b"t" + ns(bytes(v))
    return b"b" + ns(bytes(v))


def table_digest(name, cur):
    cols = [d[0] for d in cur.description]
    h = hashlib.sha256(ns(name))
    for c in cols:
        h.update(ns(c))
    h.update(ns(b""))
    for r in cur:
        h.update(b"".join(value(v) for v in r))
    return h.hexdigest()


def ident(name):
    return '"%s"' % name.replace('"', '""')


def ordered_select(db, name):
    """The rows of a table in the digest's order: by the primary key, then
    by every column, all bytewise."""
    key = [r[0].decode() for r in db.execute(
        "SELECT name FROM pragma_table_info(?, 'main') WHERE pk > 0 ORDER BY pk", (name,))]
    cols = [r[0].decode() for r in db.execute(
        "SELECT name FROM pragma_table_info(?, 'main') ORDER BY cid", (name,))]
    sql = "SELECT * FROM main." + ident(name)
    if key + cols:
        sql += " ORDER BY " + ", ".join(ident(c) + " COLLATE BINARY" for c in key + cols)
    return db.execute(sql)


def state(db):
    db.text_factory = Text
    all_ = hashlib.sha256(b"hiepthuong-state-2\n")
    d = table_digest("(schema)", db.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "ORDER BY name COLLATE BINARY, type COLLATE BINARY, tbl_name COLLATE BINARY, sql COLLATE BINARY"))
    all_.update(ns("(schema)") + ns(d))
    names = [r[0].decode() for r in db.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name COLLATE BINARY")]
    for n in names:
        if n in ("audit", "audit_head") or n.startswith("cache_") or n.startswith("sqlite_"):
            continue
        d = table_digest(n, ordered_select(db, n))
        all_.update(ns(n) + ns(d))
    db.text_factory = str
    return all_.hexdigest()


def main():
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    anchor = sys.argv[2].lower() if len(sys.argv) > 2 else None
    prev, expect, seen, last_state = GENESIS, 1, False, None
    for (eid, at, op, cmd, subj, chg, st, p, h) in db.execute(
            "SELECT id, at, operator, command, subjects, changes, state, prev_hash, hash FROM audit ORDER BY id"):
        if eid != expect:
            print("entry %d: missing" % expect)
            return 3
        if entry_hash(p, eid, at, op, cmd, subj, chg, st) != h:
            print("entry %d: content changed" % eid)
            return 3
        if p != prev:
            print("entry %d: broken link" % eid)
            return 3
        seen = seen or (anchor is not None and h.startswith(anchor))
        prev, last_state, expect = h, st, expect + 1
    head = db.execute("SELECT entries, last_id, hash, state FROM audit_head").fetchone()
    if head is None or tuple(head) != (expect - 1, expect - 1, prev, last_state):
        print("head: does not match entry %d" % (expect - 1))
        return 3
    if anchor and not seen:
        print("anchor: not found")
        return 3
    if state(db) != last_state:
        print("entry %d: data changed since" % (expect - 1))
        return 3
    print("ok %d %s" % (expect - 1, prev))
    return 0


if __name__ == "__main__":
    sys.exit(main())
