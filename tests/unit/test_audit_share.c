/*
 * test_audit_share.c - the digest after a writing command, computed from
 * what the check before it kept (audit_state_keep, then audit_state),
 * is the digest audit_state() computes from scratch, whatever the command
 * changed: nothing, rows added at the end, rows added in a gap, updated,
 * deleted, replaced, a table emptied, a key changed, a table without an
 * INTEGER PRIMARY KEY, changes made by a trigger, the schema.
 */
#define SQLITE_ENABLE_PREUPDATE_HOOK 1	/* to take the watch away */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "sbuf.h"
#include "schema.h"
#include "unit.h"
#include "banned.h"

static sqlite3 *book(void)
{
	sqlite3 *db = NULL;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK || sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db,
			 "INSERT INTO body(id, code, kind, type_name, name, seats) VALUES "
			 "(1, 'qh', 'na', 'Quốc hội', 'Quốc hội khóa XVI', 8), "
			 "(2, 'hdnd-tinh', 'hdnd', 'HĐND cấp tỉnh', 'HĐND tỉnh Hòa Lâm', 50), "
			 "(3, 'hdnd-xa', 'hdnd', 'HĐND cấp xã', 'HĐND xã An Phú', 25); "
			 "DELETE FROM body WHERE id = 2; "
			 "INSERT INTO deadline(key, days, label, citation, applies_na, applies_hdnd) VALUES "
			 "('ht1', 95, 'HT1', 'Điều 38', 1, 1), ('ht2', 65, 'HT2', 'Điều 50', 1, 1); "
			 "INSERT INTO person(id, ho, ten_dem, ten, dob, sex, sort_key, name_key) VALUES "
			 "(1, 'Lê', 'Văn', 'An', '1970-01-01', 'nam', x'01', 'lê văn an'); "
			 "INSERT INTO vote(conference_id, candidacy_id, trust) VALUES (1, 1, 5), (1, 2, 7)",
			 NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* Keep, run `sql`, and compare the digest after with one from scratch:
 * 1 when they agree (and the data changed when `changes` says so). */
static int agree(int *unit_failed_, const char *sql, int changes, int hook_lost)
{
	sqlite3 *db = book();
	struct audit_state before, after, fresh;
	int ok = 0;

	if (!db) {
		unit_fail(unit_failed_, __FILE__, __LINE__, "no book");
		return 0;
	}
	memset(&before, 0, sizeof(before));
	memset(&after, 0, sizeof(after));
	memset(&fresh, 0, sizeof(fresh));
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK || audit_state_keep(db, &before) < 0) {
		unit_fail(unit_failed_, __FILE__, __LINE__, "%s: keep", sql);
		goto out;
	}
	if (hook_lost)
		sqlite3_preupdate_hook(db, NULL, NULL);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		unit_fail(unit_failed_, __FILE__, __LINE__, "%s: %s", sql, sqlite3_errmsg(db));
		goto out;
	}
	if (audit_state(db, &after) < 0 || audit_state(db, &fresh) < 0) {	/* the second from scratch */
		unit_fail(unit_failed_, __FILE__, __LINE__, "%s: digest", sql);
		goto out;
	}
	if (strcmp(after.digest, fresh.digest) || strcmp(after.tables, fresh.tables)) {
		unit_fail(unit_failed_, __FILE__, __LINE__, "%s: after the command\n%s\nfrom scratch\n%s", sql, after.tables,
			  fresh.tables);
		goto out;
	}
	if ((strcmp(before.digest, after.digest) != 0) != changes) {
		unit_fail(unit_failed_, __FILE__, __LINE__, "%s: the data %s", sql,
			  changes ? "did not change" : "changed");
		goto out;
	}
	ok = 1;
out:
	audit_state_release(&before);
	audit_state_release(&after);
	audit_state_release(&fresh);
	audit_state_forget();
	sqlite3_close(db);
	return ok;
}

#define AGREE(sql, changes) do { if (!agree(unit_failed_, sql, changes, 0)) return; } while (0)

static const char new_body[] = "INSERT INTO body(code, kind, type_name, name, seats) "
			       "VALUES ('hdnd-huyen', 'hdnd', 'HĐND cấp huyện', 'HĐND huyện Bình Sơn', 30)";

TEST(digest_after_a_command_is_the_digest_from_scratch)
{
	struct sbuf sql = SBUF_INIT;

	AGREE("SELECT 1", 0);
	AGREE(new_body, 1);						/* at the end */
	sbuf_addf(&sql, "%s; UPDATE body SET seats = 31 WHERE code = 'hdnd-huyen'; "
		  "INSERT INTO body(code, kind, type_name, name, seats) VALUES ('x', 'na', 'x', 'x', 1); "
		  "DELETE FROM body WHERE code = 'x'", new_body);
	AGREE(sql.buf, 1);						/* new rows changed again */
	sbuf_release(&sql);
	AGREE("INSERT INTO body(id, code, kind, type_name, name, seats) "
	      "VALUES (2, 'hdnd-tinh', 'hdnd', 'HĐND cấp tỉnh', 'HĐND tỉnh Hòa Lâm', 50)", 1);	/* in a gap */
	AGREE("UPDATE body SET seats = 9 WHERE id = 1", 1);
	AGREE("UPDATE body SET seats = 8 WHERE id = 1", 0);		/* the same value again */
	AGREE("DELETE FROM body WHERE id = 1", 1);
	AGREE("DELETE FROM body", 1);					/* emptied in one step */
	AGREE("UPDATE body SET id = 10 WHERE id = 1", 1);		/* the key moves up */
	AGREE("INSERT OR REPLACE INTO body(id, code, kind, type_name, name, seats) "
	      "VALUES (1, 'qh', 'na', 'Quốc hội', 'Quốc hội khóa XV', 8)", 1);
	AGREE("INSERT OR REPLACE INTO body(code, kind, type_name, name, seats) "
	      "VALUES ('qh', 'na', 'Quốc hội', 'Quốc hội khóa XV', 8)", 1);	/* replaces row 1 by row 4 */
	AGREE("DELETE FROM deadline WHERE key = 'ht1'", 1);		/* key not a rowid */
	AGREE("DELETE FROM deadline", 1);
	AGREE("INSERT INTO vote(conference_id, candidacy_id, trust) VALUES (2, 1, 3)", 1);
	AGREE("UPDATE vote SET trust = 6 WHERE candidacy_id = 1", 1);
	AGREE("UPDATE person SET ten = 'Ân' WHERE id = 1", 1);		/* and the trigger clears name_key */
	AGREE("CREATE TABLE extra(x); INSERT INTO extra VALUES (1)", 1);
	AGREE("ALTER TABLE body ADD COLUMN extra TEXT DEFAULT 'x'", 1);
	AGREE("CREATE INDEX body_seats ON body(seats)", 1);
	AGREE("INSERT INTO audit_head(id, entries, last_id, hash, state, tables) VALUES (1, 0, 0, '', '', '')", 0);
}

TEST(digest_after_without_the_watch_reads_everything)
{
	if (!agree(unit_failed_, "UPDATE body SET seats = 9 WHERE id = 1", 1, 1))
		return;
	if (!agree(unit_failed_, new_body, 1, 1))
		return;
}

TEST(digest_after_without_keeping_is_the_plain_digest)
{
	sqlite3 *db = book();
	struct audit_state a, b;

	CHECK(db);
	CHECK_INT_EQ(audit_state(db, &a), 0);
	CHECK_INT_EQ(audit_state(db, &b), 0);	/* nothing kept */
	CHECK_STR_EQ(a.digest, b.digest);
	audit_state_release(&a);
	audit_state_release(&b);
	/* outside a transaction nothing is kept either */
	CHECK_INT_EQ(audit_state_keep(db, &a), 0);
	sqlite3_exec(db, new_body, NULL, NULL, NULL);
	CHECK_INT_EQ(audit_state(db, &b), 0);
	audit_state_release(&a);
	CHECK_INT_EQ(audit_state(db, &a), 0);
	CHECK_STR_EQ(a.digest, b.digest);
	audit_state_release(&a);
	audit_state_release(&b);
	sqlite3_close(db);
}
