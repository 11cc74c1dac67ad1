/*
 * access.c: who may write what.
 *
 * Roles come from memberships: a commission's secretary or chair runs its
 * records; a sub-group's chair and members (co-opted members and officers
 * too) work on their own sub-group's recommendations and engagement; an
 * administrator may do everything; an observer, or a login the database
 * does not know, reads only. The workflow's per-transition rules use the
 * same role computation (store_roles_for).
 */
#include <stdlib.h>
#include <string.h>

#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

enum {
	R_SECRETARY = 1 << 0,
	R_COMMISSION_CHAIR = 1 << 1,
	R_SUBGROUP_CHAIR = 1 << 2,
	R_SUBGROUP_MEMBER = 1 << 3,
	R_ANY_SECRETARY = 1 << 4,
	R_CITIZENS = 1 << 5
};

static int
role_query(struct store *st, const char *sql, int64_t scope, unsigned *roles,
    struct err *e)
{
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	const char *role;
	int rc;

	if (q == NULL)
		return -1;
	db_bind_int(q, ":me", st->me.id);
	if (sqlite3_bind_parameter_index(q, ":scope") > 0)
		db_bind_int(q, ":scope", scope);
	while ((rc = db_step(st->db, q, e)) == 1) {
		role = (const char *)sqlite3_column_text(q, 0);
		if (strcmp(role, "secretary") == 0)
			*roles |= R_SECRETARY;
		else if (strcmp(role, "chair") == 0)
			*roles |= R_COMMISSION_CHAIR;
		else if (strcmp(role, "sg_chair") == 0)
			*roles |= R_SUBGROUP_CHAIR;
		else if (strcmp(role, "sg_member") == 0)
			*roles |= R_SUBGROUP_MEMBER;
		else if (strcmp(role, "any_secretary") == 0)
			*roles |= R_ANY_SECRETARY;
		else if (strcmp(role, "citizens") == 0)
			*roles |= R_CITIZENS;
	}
	return rc;
}

static int
my_roles(struct store *st, int64_t cid, int64_t sgid, unsigned *roles,
    struct err *e)
{
	static const char in_commission[] =
	    "SELECT role FROM commission_member WHERE person_id = :me "
	    "AND commission_id = :scope AND left_on IS NULL";
	static const char in_subgroup[] =
	    "SELECT CASE role WHEN 'chair' THEN 'sg_chair' ELSE 'sg_member' "
	    "END FROM subgroup_member WHERE person_id = :me "
	    "AND subgroup_id = :scope AND left_on IS NULL";
	static const char anywhere[] =
	    "SELECT 'any_secretary' FROM commission_member WHERE "
	    "person_id = :me AND role = 'secretary' AND left_on IS NULL "
	    "UNION SELECT 'citizens' FROM commission_member m JOIN commission "
	    "c ON c.id = m.commission_id WHERE m.person_id = :me AND "
	    "c.kind = 'citizens_group' AND m.left_on IS NULL "
	    "AND m.role <> 'observer'";

	*roles = 0;
	if (role_query(st, anywhere, 0, roles, e) < 0)
		return -1;
	if (cid && role_query(st, in_commission, cid, roles, e) < 0)
		return -1;
	if (sgid && role_query(st, in_subgroup, sgid, roles, e) < 0)
		return -1;
	return 0;
}

/* Which roles may write KIND; and how to say so. */
static unsigned
allowed_roles(enum entity_kind kind, int64_t cid, int64_t sgid,
    const char **who)
{
	const unsigned runs = R_SECRETARY | R_COMMISSION_CHAIR;

	if ((kind == ENT_MEETING || kind == ENT_DECISION) && cid == 0) {
		*who = "an administrator or a commission secretary";
		return R_ANY_SECRETARY;
	}
	switch (kind) {
	case ENT_PERSON:
		*who = "an administrator or a commission secretary";
		return R_ANY_SECRETARY;
	case ENT_COMMISSION:
		*who = "an administrator or the commission's secretary or chair";
		return runs;
	case ENT_RECOMMENDATION:
	case ENT_ENGAGEMENT:
		*who = "an administrator, the commission's secretary or chair, "
		    "or a member of the sub-group";
		return runs | R_SUBGROUP_CHAIR | R_SUBGROUP_MEMBER;
	case ENT_SUBGROUP_MEMBER:
	case ENT_MILESTONE:
	case ENT_MEETING:
		if (sgid) {
			*who = "an administrator, the commission's secretary "
			    "or chair, or the sub-group's chair";
			return runs | R_SUBGROUP_CHAIR;
		}
		/* FALLTHROUGH */
	default:
		*who = "an administrator or the commission's secretary or chair";
		return runs;
	}
}

int
store_may_write(struct store *st, enum entity_kind kind, int64_t cid,
    int64_t sgid, struct err *e)
{
	const struct entity *ent = entity_get(kind);
	unsigned roles, allowed;
	const char *who;

	if (st->me.id == 0)
		return err_set(e, ERR_DENIED, "you (login %s) are not a person "
		    "in this database, so you can look but not change "
		    "anything; ask an administrator or a commission secretary "
		    "to add you", st->me.login);
	if (st->me.admin)
		return 0;
	if (kind == ENT_COMMISSION && cid == 0)
		return err_set(e, ERR_DENIED, "only an administrator can set "
		    "up a commission");
	if (my_roles(st, cid, sgid, &roles, e) < 0)
		return -1;
	allowed = allowed_roles(kind, cid, sgid, &who);
	if (roles & allowed)
		return 0;
	return err_set(e, ERR_DENIED, "only %s can change this %s; you (%s) "
	    "are not one", who, ent->label, st->me.login);
}

int
store_roles_for(struct store *st, int64_t rec_id, unsigned *out,
    struct err *e)
{
	int64_t cid, sgid;
	unsigned r;

	*out = 0;
	if (st->me.id == 0)
		return 0;
	if (store_scope_of(st, ENT_RECOMMENDATION, rec_id, &cid, &sgid, e) < 0 ||
	    my_roles(st, cid, sgid, &r, e) < 0)
		return -1;
	if (st->me.admin)
		*out |= WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_ADMIN);
	if (r & R_SECRETARY)
		*out |= WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SECRETARY);
	if (r & R_COMMISSION_CHAIR)
		*out |= WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_COMMISSION_CHAIR);
	if (r & R_SUBGROUP_CHAIR)
		*out |= WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SUBGROUP_CHAIR);
	if (r & R_SUBGROUP_MEMBER)
		*out |= WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SUBGROUP_MEMBER);
	if (r & R_CITIZENS)
		*out |= WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_CITIZENS_REP);
	return 0;
}

int
store_scope_of(struct store *st, enum entity_kind kind, int64_t id,
    int64_t *cid, int64_t *sgid, struct err *e)
{
	static const char *const sql[ENT_COUNT] = {
		[ENT_PERSON] = "SELECT 0, 0 FROM person WHERE id = :id",
		[ENT_COMMISSION] = "SELECT id, 0 FROM commission WHERE id = :id",
		[ENT_COMMISSION_MEMBER] = "SELECT commission_id, 0 FROM "
		    "commission_member WHERE id = :id",
		[ENT_SUBGROUP] = "SELECT commission_id, id FROM subgroup "
		    "WHERE id = :id",
		[ENT_SUBGROUP_MEMBER] = "SELECT s.commission_id, s.id FROM "
		    "subgroup_member m JOIN subgroup s ON s.id = m.subgroup_id "
		    "WHERE m.id = :id",
		[ENT_ENGAGEMENT] = "SELECT s.commission_id, s.id FROM "
		    "engagement x JOIN subgroup s ON s.id = x.subgroup_id "
		    "WHERE x.id = :id",
		[ENT_RECOMMENDATION] = "SELECT s.commission_id, s.id FROM "
		    "recommendation x JOIN subgroup s ON s.id = x.subgroup_id "
		    "WHERE x.id = :id",
		[ENT_MEETING] = "SELECT coalesce(x.commission_id, "
		    "s.commission_id, 0), coalesce(x.subgroup_id, 0) FROM "
		    "meeting x LEFT JOIN subgroup s ON s.id = x.subgroup_id "
		    "WHERE x.id = :id",
		[ENT_DECISION] = "SELECT coalesce(m.commission_id, "
		    "s.commission_id, 0), coalesce(m.subgroup_id, 0) FROM "
		    "decision d JOIN meeting m ON m.id = d.meeting_id LEFT JOIN "
		    "subgroup s ON s.id = m.subgroup_id WHERE d.id = :id",
		[ENT_MILESTONE] = "SELECT coalesce(x.commission_id, "
		    "s.commission_id, 0), coalesce(x.subgroup_id, 0) FROM "
		    "milestone x LEFT JOIN subgroup s ON s.id = x.subgroup_id "
		    "WHERE x.id = :id",
	};
	sqlite3_stmt *q = db_prepare(st->db, sql[kind], e);
	int rc;

	*cid = *sgid = 0;
	if (q == NULL)
		return -1;
	db_bind_int(q, ":id", id);
	if ((rc = db_step(st->db, q, e)) < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOTFOUND, "there is no %s %lld",
		    entity_get(kind)->name, (long long)id);
	*cid = sqlite3_column_int64(q, 0);
	*sgid = sqlite3_column_int64(q, 1);
	sqlite3_reset(q);
	return 0;
}

int
store_describe_roles(struct store *st, struct buf *out, struct err *e)
{
	static const char sql[] =
	    "SELECT replace(m.role, '_', ' '), c.code FROM commission_member m "
	    "JOIN commission c ON c.id = m.commission_id WHERE m.person_id = "
	    ":me AND m.left_on IS NULL UNION ALL SELECT m.role, c.code || '-' "
	    "|| s.code FROM subgroup_member m JOIN subgroup s ON s.id = "
	    "m.subgroup_id JOIN commission c ON c.id = s.commission_id WHERE "
	    "m.person_id = :me AND m.left_on IS NULL ORDER BY 2";
	sqlite3_stmt *q;
	size_t start = out->len;
	int rc;

	if (st->me.admin)
		buf_add(out, "administrator");
	if (st->me.id == 0 || (q = db_prepare(st->db, sql, e)) == NULL)
		return st->me.id == 0 ? 0 : -1;
	db_bind_int(q, ":me", st->me.id);
	while ((rc = db_step(st->db, q, e)) == 1)
		buf_printf(out, "%s%s of %s", out->len > start ? "; " : "",
		    sqlite3_column_text(q, 0), sqlite3_column_text(q, 1));
	return rc;
}
