/* test_entity.c: the field tables and typed-value validation. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "coopcom/core/entity.h"

struct norm_case {
	enum entity_kind kind;
	const char *field;
	const char *typed;
	const char *stored;	/* NULL: stored as NULL; "!" = refused */
	const char *message;	/* part of the refusal */
};

static const struct norm_case norm_cases[] = {
	{ ENT_RECOMMENDATION, "savings", "£15,000", "1500000", NULL },
	{ ENT_RECOMMENDATION, "savings", "£1,234.50", "123450", NULL },
	{ ENT_RECOMMENDATION, "savings", "0", "0", NULL },
	{ ENT_RECOMMENDATION, "savings", "", NULL, NULL },
	{ ENT_RECOMMENDATION, "savings", "12.345", "!", "Savings" },
	{ ENT_RECOMMENDATION, "savings", "-5", "!", "Savings" },
	{ ENT_RECOMMENDATION, "term", "Short", "short", NULL },
	{ ENT_RECOMMENDATION, "term", "soon", "!", "short, medium, long" },
	{ ENT_RECOMMENDATION, "title", "  Open on Sundays  ", "Open on Sundays",
	    NULL },
	{ ENT_RECOMMENDATION, "title", "   ", "!", "Title is required" },
	{ ENT_RECOMMENDATION, "ref", "CC-LCL-03", "CC-LCL-03", NULL },
	{ ENT_RECOMMENDATION, "ref", "CC LCL", "!", "only letters" },
	{ ENT_RECOMMENDATION, "target", "2012-02-29", "2012-02-29", NULL },
	{ ENT_RECOMMENDATION, "target", "2011-02-29", "!", "Target date" },
	{ ENT_RECOMMENDATION, "target", "", NULL, NULL },
	{ ENT_PERSON, "kind", "Community Leader", "community_leader", NULL },
	{ ENT_PERSON, "kind", "community-leader", "community_leader", NULL },
	{ ENT_PERSON, "kind", "", "!", "cannot be blank" },
	{ ENT_SUBGROUP_MEMBER, "role", "Co-opted", "coopted", NULL },
	{ ENT_SUBGROUP_MEMBER, "role", "co opted", "coopted", NULL },
	{ ENT_PERSON, "admin", "yes", "1", NULL },
	{ ENT_PERSON, "admin", "No", "0", NULL },
	{ ENT_PERSON, "admin", "maybe", "!", "yes or no" },
	{ ENT_PERSON, "login", "f.mercer", "f.mercer", NULL },
	{ ENT_PERSON, "login", "", NULL, NULL },
	{ ENT_PERSON, "name", "Zoë Brontë", "Zoë Brontë", NULL },
	{ ENT_PERSON, "name", "bad\xff", "!", "UTF-8" },
	{ ENT_ENGAGEMENT, "reach", "250", "250", NULL },
	{ ENT_ENGAGEMENT, "reach", "-3", "!", "whole number" },
	{ ENT_ENGAGEMENT, "reach", "12345678901", "!", "too large" },
	{ ENT_ENGAGEMENT, "summary", "  kept as typed\n", "  kept as typed\n",
	    NULL },
	{ ENT_RECOMMENDATION, "percent", "0", "0", NULL },
	{ ENT_RECOMMENDATION, "percent", "40%", "40", NULL },
	{ ENT_RECOMMENDATION, "percent", " 100 % ", "100", NULL },
	{ ENT_RECOMMENDATION, "percent", "007", "7", NULL },
	{ ENT_RECOMMENDATION, "percent", "", NULL, NULL },
	{ ENT_RECOMMENDATION, "percent", "101", "!", "from 0 to 100" },
	{ ENT_RECOMMENDATION, "percent", "-1", "!", "not a percentage" },
	{ ENT_RECOMMENDATION, "percent", "12.5", "!", "whole number" },
	{ ENT_RECOMMENDATION, "percent", "half", "!", "Percent done" },
	{ ENT_RECOMMENDATION, "percent", "%", "!", "from 0 to 100" },
	{ ENT_RECOMMENDATION, "percent", "1000", "!", "from 0 to 100" },
	{ ENT_RECOMMENDATION, "revised", "2013-02-30", "!", "Revised date" },
	{ ENT_RECOMMENDATION, "responsible", " fmercer ", "fmercer", NULL },
};

START_TEST(test_normalise)
{
	const struct norm_case *c = &norm_cases[_i];
	const struct entity *ent = entity_get(c->kind);
	const struct field *f = entity_field(ent, c->field);
	struct err e;
	char *out = NULL;
	int rc;

	ck_assert_ptr_nonnull(f);
	err_clear(&e);
	rc = field_normalise(f, c->typed, &out, &e);
	if (c->stored != NULL && strcmp(c->stored, "!") == 0) {
		ck_assert_int_eq(rc, -1);
		ck_assert_int_eq(e.code, ERR_INVALID);
		ck_assert_msg(strstr(e.msg, c->message) != NULL,
		    "\"%s\": message \"%s\" lacks \"%s\"", c->typed, e.msg,
		    c->message);
		ck_assert_ptr_null(out);
	} else if (c->stored == NULL) {
		ck_assert_int_eq(rc, 0);
		ck_assert_ptr_null(out);
	} else {
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(out, c->stored);
	}
	free(out);
}
END_TEST

START_TEST(test_tables)
{
	const struct entity *ent;
	size_t k, i;

	for (k = 0; k < ENT_COUNT; k++) {
		ent = entity_get((enum entity_kind)k);
		ck_assert_ptr_nonnull(ent);
		ck_assert_int_eq(ent->kind, (int)k);
		ck_assert_ptr_eq(entity_find(ent->name), ent);
		for (i = 0; i < ent->nfields; i++) {
			ck_assert_ptr_eq(entity_field(ent,
			    ent->fields[i].name), &ent->fields[i]);
			ck_assert_uint_eq(entity_field_index(ent,
			    &ent->fields[i]), i);
			ck_assert(ent->fields[i].type != FIELD_CHOICE ||
			    ent->fields[i].choices != NULL);
		}
	}
	ck_assert_ptr_eq(entity_find("sub-group"), entity_get(ENT_SUBGROUP));
	ck_assert_ptr_null(entity_find("committee"));
	ck_assert_ptr_null(entity_get(ENT_COUNT));
}
END_TEST

START_TEST(test_display)
{
	const struct entity *rec = entity_get(ENT_RECOMMENDATION);
	const struct entity *person = entity_get(ENT_PERSON);
	char *s;

	s = field_display(entity_field(rec, "savings"), "123450");
	ck_assert_str_eq(s, "£1,234.50");
	free(s);
	s = field_display(entity_field(rec, "savings"), NULL);
	ck_assert_str_eq(s, "not stated");
	free(s);
	s = field_display(entity_field(person, "kind"), "community_leader");
	ck_assert_str_eq(s, "community leader");
	free(s);
	s = field_display(entity_field(person, "admin"), "1");
	ck_assert_str_eq(s, "yes");
	free(s);
	s = field_display(entity_field(rec, "percent"), "40");
	ck_assert_str_eq(s, "40%");
	free(s);
	ck_assert_ptr_nonnull(entity_field(entity_progress(), "note"));
	ck_assert(entity_field(rec, "revised")->flags & FIELD_DELIVERY);
	ck_assert(!(entity_field(rec, "target")->flags & FIELD_DELIVERY));
}
END_TEST

Suite *
entity_suite(void)
{
	Suite *s = suite_create("entity");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_normalise, 0,
	    sizeof norm_cases / sizeof norm_cases[0]);
	tcase_add_test(tc, test_tables);
	tcase_add_test(tc, test_display);
	suite_add_tcase(s, tc);
	return s;
}
