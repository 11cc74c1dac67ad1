/*
 * membership.c: joining sub-groups and changing roles in them.
 *
 * Also attendance at meetings: who was there is a membership of a kind.
 *
 * A sub-group has one chair at a time. Making someone chair makes the
 * previous chair an ordinary member in the same transaction, so the
 * hand-over is one audited step rather than two that could half happen.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

static int
active_membership(struct store *st, int64_t sgid, int64_t pid,
    const char *role, int64_t *mid, struct err *e)
{
	static const char sql[] =
	    "SELECT id FROM subgroup_member WHERE subgroup_id = :sg AND "
	    "left_on IS NULL AND (person_id = :p OR (:p = 0 AND role = :role))";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc;

	*mid = 0;
	if (q == NULL)
		return -1;
	db_bind_int(q, ":sg", sgid);
	db_bind_int(q, ":p", pid);
	db_bind_text(q, ":role", role);
	if ((rc = db_step(st->db, q, e)) == 1) {
		*mid = sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
	}
	return rc < 0 ? -1 : 0;
}

static int
set_role(struct store *st, int64_t mid, const char *role, struct err *e)
{
	struct store_value v = { "role", role };

	return store_update(st, ENT_SUBGROUP_MEMBER, mid, 0, &v, 1, e);
}

static int
join(struct store *st, int64_t sgid, int64_t pid, const char *role,
    struct err *e)
{
	char sg[32], p[32];
	int64_t mid, chair = 0;
	struct store_value v[3] = { { "subgroup", sg }, { "person", p },
		{ "role", role } };

	if (active_membership(st, sgid, pid, "", &mid, e) < 0)
		return -1;
	if (strcmp(role, "chair") == 0 &&
	    active_membership(st, sgid, 0, "chair", &chair, e) < 0)
		return -1;
	if (chair && chair != mid && set_role(st, chair, "member", e) < 0)
		return -1;
	if (mid)
		return set_role(st, mid, role, e);
	snprintf(sg, sizeof sg, "%" PRId64, sgid);
	snprintf(p, sizeof p, "%" PRId64, pid);
	return store_create(st, ENT_SUBGROUP_MEMBER, v, 3, &mid, e);
}

/* The role as stored ("Chair" is chair), so the one-chair rule sees it. */
static int
role_id(const char *typed, char **role, struct err *e)
{
	const struct entity *ent = entity_get(ENT_SUBGROUP_MEMBER);

	return field_normalise(entity_field(ent, "role"), typed ? typed : "",
	    role, e);
}

int
store_join_subgroup(struct store *st, const char *subgroup,
    const char *person, const char *role, struct err *e)
{
	int64_t sgid, pid;
	char *id = NULL;
	int rc = -1;

	if (store_resolve(st, ENT_SUBGROUP, subgroup, &sgid, e) < 0 ||
	    store_resolve(st, ENT_PERSON, person, &pid, e) < 0 ||
	    role_id(role, &id, e) < 0 || db_begin(st->db, e) < 0)
		goto done;
	if (join(st, sgid, pid, id, e) < 0 || db_commit(st->db, e) < 0) {
		db_rollback(st->db);
		goto done;
	}
	rc = 0;
done:
	free(id);
	return rc;
}

static int
check_status(const char *status, struct err *e)
{
	if (strcmp(status, "present") == 0 || strcmp(status, "apologies") == 0 ||
	    strcmp(status, "absent") == 0)
		return 0;
	return err_set(e, ERR_INVALID, "attendance is present, apologies or "
	    "absent, not \"%s\"", status);
}

static int
previous_status(struct store *st, int64_t mid, int64_t pid, char **was,
    struct err *e)
{
	static const char sql[] = "SELECT status FROM attendance WHERE "
	    "meeting_id = :m AND person_id = :p";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc;

	*was = NULL;
	if (q == NULL)
		return -1;
	db_bind_int(q, ":m", mid);
	db_bind_int(q, ":p", pid);
	if ((rc = db_step(st->db, q, e)) == 1) {
		*was = db_column_dup(q, 0);
		sqlite3_reset(q);
	}
	return rc < 0 ? -1 : 0;
}

static int
attend(struct store *st, int64_t mid, int64_t pid, const char *status,
    struct err *e)
{
	static const char sql[] = "INSERT INTO attendance(meeting_id, "
	    "person_id, status) VALUES (:m, :p, :s) ON CONFLICT(meeting_id, "
	    "person_id) DO UPDATE SET status = excluded.status";
	sqlite3_stmt *q;
	int64_t cid, sgid;
	char *was, *changes;
	int rc;

	if (store_scope_of(st, ENT_MEETING, mid, &cid, &sgid, e) < 0 ||
	    store_may_write(st, ENT_MEETING, cid, sgid, e) < 0 ||
	    previous_status(st, mid, pid, &was, e) < 0)
		return -1;
	if ((q = db_prepare(st->db, sql, e)) == NULL) {
		free(was);
		return -1;
	}
	db_bind_int(q, ":m", mid);
	db_bind_int(q, ":p", pid);
	db_bind_text(q, ":s", status);
	changes = x_printf("{\"attendance\":[%s%s%s,\"%s\"],\"person\":%"
	    PRId64 "}", was ? "\"" : "", was ? was : "null", was ? "\"" : "",
	    status, pid);
	rc = db_run(st->db, q, e) < 0 || audit_append(st, "meeting", mid,
	    "attendance", changes, NULL, 0, e) < 0 ? -1 : 0;
	free(changes);
	free(was);
	return rc;
}

int
store_attend(struct store *st, int64_t meeting_id, const char *person,
    const char *status, struct err *e)
{
	int64_t pid;

	if (check_status(status, e) < 0 ||
	    store_resolve(st, ENT_PERSON, person, &pid, e) < 0 ||
	    db_begin(st->db, e) < 0)
		return -1;
	if (attend(st, meeting_id, pid, status, e) < 0 ||
	    db_commit(st->db, e) < 0) {
		db_rollback(st->db);
		return -1;
	}
	return 0;
}
