/*
 * audit.c: the append-only, hash-chained audit trail.
 *
 * Each entry's hash is SHA-256 (Nettle) over a canonical JSON array of its
 * content and the previous entry's hash; meta.audit_head holds the last
 * entry's id and hash. Editing, inserting or deleting an entry outside the
 * program (the schema's triggers stop it from inside) breaks the chain at
 * that entry, and dropping the last entries leaves the head pointing past
 * the end, so `coopcom check` can name the first bad entry.
 */
#include <inttypes.h>
#include <jansson.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/store/audit.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

#define HASH_HEX AUDIT_HASH_HEX
_Static_assert(HASH_HEX == SHA256_DIGEST_SIZE * 2 + 1, "a SHA-256 in hex");

const char audit_genesis[AUDIT_HASH_HEX] =
    "0000000000000000000000000000000000000000000000000000000000000000";

void
audit_entry_hash(const struct audit_entry *en, char out[HASH_HEX])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	json_error_t jerr;
	json_t *a;
	char *text;
	size_t i;

	a = json_pack_ex(&jerr, 0, "[s,I,s,I,s,s,I,s,s,s,I]", en->prev, (json_int_t)en->id,
	    en->at, (json_int_t)en->person_id, en->login, en->entity,
	    (json_int_t)en->entity_id, en->action, en->changes, en->note,
	    (json_int_t)en->decision_id);
	if (a == NULL || (text = json_dumps(a, JSON_COMPACT)) == NULL)
		fatal("cannot hash audit entry %lld: %s", (long long)en->id,
		    a == NULL ? jerr.text : "out of memory");
	sha256_init(&ctx);
	sha256_update(&ctx, strlen(text), (const uint8_t *)text);
	sha256_digest(&ctx, sizeof digest, digest);
	for (i = 0; i < sizeof digest; i++)
		snprintf(out + i * 2, 3, "%02x", digest[i]);
	free(text);
	json_decref(a);
}

/* The last entry's id and hash, as meta records them. */
static int
read_head(struct store *st, int64_t *id, char hash[HASH_HEX], struct err *e)
{
	static const char sql[] =
	    "SELECT value FROM meta WHERE key = 'audit_head'";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	const char *v;
	int rc;

	*id = 0;
	memcpy(hash, audit_genesis, HASH_HEX);
	if (q == NULL)
		return -1;
	if ((rc = db_step(st->db, q, e)) == 1) {
		v = (const char *)sqlite3_column_text(q, 0);
		if (v == NULL || sscanf(v, "%" SCNd64 ":%64s", id, hash) != 2) {
			sqlite3_reset(q);
			return err_set(e, ERR_CORRUPT, "the audit head in the "
			    "meta table is damaged");
		}
		sqlite3_reset(q);
	}
	return rc < 0 ? -1 : 0;
}

static int
write_head(struct store *st, int64_t id, const char *hash, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO meta(key, value) VALUES ('audit_head', :v) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	char v[HASH_HEX + 32];

	if (q == NULL)
		return -1;
	snprintf(v, sizeof v, "%" PRId64 ":%s", id, hash);
	db_bind_text(q, ":v", v);
	return db_run(st->db, q, e);
}

static int
insert_entry(struct store *st, const struct audit_entry *en, const char *hash,
    struct err *e)
{
	static const char sql[] =
	    "INSERT INTO audit(id, at, person_id, login, entity, entity_id, "
	    "action, changes, note, decision_id, prev_hash, hash) VALUES "
	    "(:id, :at, :person, :login, :entity, :eid, :action, :changes, "
	    ":note, :decision, :prev, :hash)";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);

	if (q == NULL)
		return -1;
	db_bind_int(q, ":id", en->id);
	db_bind_text(q, ":at", en->at);
	if (en->person_id)
		db_bind_int(q, ":person", en->person_id);
	db_bind_text(q, ":login", en->login);
	db_bind_text(q, ":entity", en->entity);
	db_bind_int(q, ":eid", en->entity_id);
	db_bind_text(q, ":action", en->action);
	db_bind_text(q, ":changes", en->changes);
	db_bind_text(q, ":note", en->note);
	if (en->decision_id)
		db_bind_int(q, ":decision", en->decision_id);
	db_bind_text(q, ":prev", en->prev);
	db_bind_text(q, ":hash", hash);
	return db_run(st->db, q, e);
}

int
audit_append(struct store *st, const char *entity, int64_t entity_id,
    const char *action, const char *changes, const char *note,
    int64_t decision_id, struct err *e)
{
	char at[20], prev[HASH_HEX], hash[HASH_HEX];
	struct audit_entry en;
	int64_t last;

	if (read_head(st, &last, prev, e) < 0)
		return -1;
	store_now(at);
	en = (struct audit_entry){ .id = last + 1, .at = at, .login = st->me.login,
		.entity = entity, .action = action, .changes = changes,
		.note = note ? note : "", .prev = prev,
		.person_id = st->me.id, .entity_id = entity_id,
		.decision_id = decision_id };
	audit_entry_hash(&en, hash);
	if (insert_entry(st, &en, hash, e) < 0)
		return -1;
	return write_head(st, en.id, hash, e);
}

static const char *
col(sqlite3_stmt *q, int i)
{
	const char *s = (const char *)sqlite3_column_text(q, i);

	return s ? s : "";
}

/*
 * Checks one row against the chain so far and the recorded head (the last
 * entry coopcom wrote); fills why when it is bad.
 */
static bool
entry_ok(sqlite3_stmt *q, int64_t expect_id, int64_t head, const char *prev,
    char *hash, struct buf *why)
{
	char want[HASH_HEX];
	struct audit_entry en = { .id = sqlite3_column_int64(q, 0),
		.at = col(q, 1), .person_id = sqlite3_column_int64(q, 2),
		.login = col(q, 3), .entity = col(q, 4),
		.entity_id = sqlite3_column_int64(q, 5), .action = col(q, 6),
		.changes = col(q, 7), .note = col(q, 8),
		.decision_id = sqlite3_column_int64(q, 9), .prev = col(q, 10) };

	if (en.id != expect_id) {
		buf_printf(why, "audit entry %" PRId64 " is missing (the next "
		    "entry is %" PRId64 "): entries were deleted, or entry %"
		    PRId64 " was inserted", expect_id, en.id, en.id);
		return false;
	}
	if (en.id > head) {
		buf_printf(why, "audit entry %" PRId64 " (%s, %s %s %" PRId64
		    ") comes after the last entry coopcom wrote (%" PRId64
		    "): it was inserted", en.id, en.at, en.action, en.entity,
		    en.entity_id, head);
		return false;
	}
	if (strcmp(en.prev, prev) != 0) {
		buf_printf(why, "audit entry %" PRId64 " does not follow entry "
		    "%" PRId64 ": an entry was inserted, deleted or changed "
		    "there", en.id, en.id - 1);
		return false;
	}
	audit_entry_hash(&en, want);
	if (strcmp(want, col(q, 11)) != 0) {
		buf_printf(why, "audit entry %" PRId64 " (%s, %s %s %" PRId64
		    ") was altered after it was written", en.id, en.at,
		    en.action, en.entity, en.entity_id);
		return false;
	}
	memcpy(hash, want, HASH_HEX);
	return true;
}

int
audit_verify(struct store *st, struct buf *out, struct err *e)
{
	static const char sql[] =
	    "SELECT id, at, person_id, login, entity, entity_id, action, "
	    "changes, note, decision_id, prev_hash, hash FROM audit ORDER BY id";
	char prev[HASH_HEX], head_hash[HASH_HEX];
	int64_t expect = 1, head;
	sqlite3_stmt *q;
	int rc;

	if (read_head(st, &head, head_hash, e) < 0 ||
	    (q = db_prepare(st->db, sql, e)) == NULL)
		return -1;
	memcpy(prev, audit_genesis, HASH_HEX);
	while ((rc = db_step(st->db, q, e)) == 1) {
		if (!entry_ok(q, expect, head, prev, prev, out)) {
			sqlite3_reset(q);
			buf_addc(out, '\n');
			return 1;
		}
		expect++;
	}
	if (rc < 0)
		return -1;
	if (head == expect - 1 && strcmp(head_hash, prev) != 0) {
		buf_printf(out, "audit entry %" PRId64 " is not the entry "
		    "coopcom wrote last, though its number is: the trail was "
		    "rewritten\n", head);
		return 1;
	}
	if (head != expect - 1) {
		buf_printf(out, "the audit trail ends at entry %" PRId64 " but "
		    "its recorded head is entry %" PRId64 ": entries were "
		    "deleted from the end\n", expect - 1, head);
		return 1;
	}
	return 0;
}
