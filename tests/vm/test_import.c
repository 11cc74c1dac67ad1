/*
 * test_import.c: spreadsheets into the store. Quoted fields, embedded
 * commas and line ends, UTF-8 and a byte order mark; new rows and
 * updates by key; a dry run that changes nothing; and every error case
 * (bad money, an unknown sub-group, a missing column, a duplicate
 * reference, an unknown column) naming its row and column and importing
 * nothing, unless the good rows are asked for.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/util/buf.h"
#include "coopcom/vm/import.h"

static int
import(const char *csv, enum import_kind kind, bool dry, bool skip,
    struct import_result *r, struct err *e)
{
	struct import_options o = { dry, skip };

	err_clear(e);
	return import_csv(fx.st, kind, csv, strlen(csv), &o, r, e);
}

static int64_t
recs(void)
{
	return fx_sql_int("SELECT count(*) FROM recommendation");
}

START_TEST(test_new_rows_quoted_utf8_bom)
{
	static const char csv[] = "\xef\xbb\xbfsubgroup,title,text,term,"
	    "savings,upfront-cost\r\n"
	    "CC-LCL,\"Open libraries on Sundays, with volunteers\",\"Line one"
	    "\nLine two, with \"\"quotes\"\"\",short,\"£15,000\",0\r\n"
	    "BRK,Zoë’s café,,medium,£1.50,£2\r\n";
	struct import_result r;
	struct err e;
	char *text;

	ck_assert_msg(import(csv, IMPORT_RECOMMENDATIONS, false, false, &r,
	    &e) == 0, "%s", e.msg);
	ck_assert(r.kept);
	ck_assert_uint_eq(r.n, 2);
	ck_assert_uint_eq(r.count[IMPORT_NEW], 2);
	ck_assert_int_eq(r.rows[0].line, 2);
	ck_assert_str_eq(r.rows[0].key, "CC-LCL-01");
	ck_assert_int_eq(r.rows[1].line, 4);
	ck_assert_str_eq(r.rows[1].key, "CC-BRK-01");
	import_result_done(&r);
	text = fx_sql_text("SELECT body FROM recommendation WHERE ref = "
	    "'CC-LCL-01'");
	ck_assert_str_eq(text, "Line one\nLine two, with \"quotes\"");
	free(text);
	text = fx_sql_text("SELECT title FROM recommendation WHERE ref = "
	    "'CC-BRK-01'");
	ck_assert_str_eq(text, "Zoë’s café");
	free(text);
	ck_assert_int_eq(fx_sql_int("SELECT savings_pence FROM recommendation "
	    "WHERE ref = 'CC-LCL-01'"), 1500000);
	ck_assert_int_eq(fx_sql_int("SELECT upfront_cost_pence FROM "
	    "recommendation WHERE ref = 'CC-BRK-01'"), 200);
}
END_TEST

START_TEST(test_update_by_key_and_dry_run)
{
	static const char csv[] = "ref,subgroup,title,savings\n"
	    "CC-LCL-01,CC-LCL,Open on Sundays,£20\n"
	    "CC-LCL-02,LCL,Unchanged,\n"
	    "CC-LCL-09,LCL,A new one with its own ref,£1\n";
	struct import_result r;
	struct err e;
	int64_t audits;
	char *title;

	fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "CC-LCL" },
	    { "title", "Sundays" }, { "savings", "£10" }));
	fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "CC-LCL" },
	    { "title", "Unchanged" }));
	audits = fx_audit_count();
	ck_assert_int_eq(import(csv, IMPORT_RECOMMENDATIONS, true, false, &r,
	    &e), 0);
	ck_assert(!r.kept);
	ck_assert_int_eq(r.rows[0].action, IMPORT_UPDATE);
	ck_assert_int_eq(r.rows[1].action, IMPORT_SAME);
	ck_assert_int_eq(r.rows[2].action, IMPORT_NEW);
	ck_assert_str_eq(r.rows[2].key, "CC-LCL-09");
	import_result_done(&r);
	/* The dry run changed nothing. */
	ck_assert_int_eq(fx_audit_count(), audits);
	ck_assert_int_eq(recs(), 2);
	ck_assert_int_eq(import(csv, IMPORT_RECOMMENDATIONS, false, false, &r,
	    &e), 0);
	import_result_done(&r);
	title = fx_sql_text("SELECT title || ' ' || savings_pence FROM "
	    "recommendation WHERE ref = 'CC-LCL-01'");
	ck_assert_str_eq(title, "Open on Sundays 2000");
	free(title);
	ck_assert_int_eq(recs(), 3);
	/* One update and one new row were audited; the unchanged, nothing. */
	ck_assert_int_eq(fx_audit_count(), audits + 2);
}
END_TEST

/* Each bad file: the row (file line) and column named, nothing kept. */
static const struct {
	const char *csv;
	long line;		/* the row at fault */
	const char *says;	/* in its message */
} bad[] = {
	{ "subgroup,title,savings\nLCL,Good,£1\nLCL,Bad money,12.345\n", 3,
	    "column \"savings\": Savings: \"12.345\"" },
	{ "subgroup,title,savings\nLCL,Good,£1\nNOPE,Lost,£1\n", 3,
	    "column \"subgroup\": there is no subgroup \"NOPE\"" },
	{ "subgroup,savings\nLCL,£1\n", 2,
	    "column \"title\": a new recommendation needs its Title, and the "
	    "file has no \"title\" column" },
	{ "subgroup,title\nLCL,Good\nLCL,\n", 3,
	    "column \"title\": a new recommendation needs its Title" },
	{ "ref,subgroup,title\nCC-LCL-07,LCL,One\n\"CC-LCL-07\",LCL,Two\n",
	    3, "column \"ref\": CC-LCL-07 is also on line 2" },
	{ "subgroup,title,term\nLCL,Good,short\nLCL,\"Two\nlines\",soon\n",
	    3, "column \"term\": Term: \"soon\" is not one of" },
	{ "subgroup,title\nLCL,Good\nLCL,Extra,cell\n", 3,
	    "the row has 3 cells but the first row names 2 columns" },
};

START_TEST(test_bad_rows_import_nothing)
{
	struct import_result r;
	int64_t audits = fx_audit_count();
	struct err e;
	size_t i;
	bool found = false;

	ck_assert_int_eq(import(bad[_i].csv, IMPORT_RECOMMENDATIONS, false,
	    false, &r, &e), -1);
	fx_assert_has(e.msg, "nothing was imported");
	ck_assert(!r.kept);
	for (i = 0; i < r.n; i++) {
		if (r.rows[i].action != IMPORT_ERROR)
			continue;
		ck_assert_int_eq(r.rows[i].line, bad[_i].line);
		fx_assert_has(r.rows[i].message, bad[_i].says);
		found = true;
	}
	ck_assert(found);
	import_result_done(&r);
	ck_assert_int_eq(recs(), 0);
	ck_assert_int_eq(fx_audit_count(), audits);
	/* --skip-bad keeps the good rows. */
	ck_assert_int_eq(import(bad[_i].csv, IMPORT_RECOMMENDATIONS, false,
	    true, &r, &e), 0);
	ck_assert(r.kept);
	ck_assert_int_eq(recs(), (int64_t)r.count[IMPORT_NEW]);
	import_result_done(&r);
}
END_TEST

/* A duplicate found among hundreds of keys (past the table's growth). */
START_TEST(test_duplicate_among_many)
{
	struct import_result r;
	struct buf csv;
	struct err e;
	int i;

	buf_init(&csv);
	buf_add(&csv, "ref,subgroup,title\n");
	for (i = 0; i < 300; i++)
		buf_printf(&csv, "CC-LCL-%d,LCL,Row %d\n", 1000 + i, i);
	buf_add(&csv, "cc-lcl-1007,LCL,Again\n");
	ck_assert_int_eq(import(buf_str(&csv), IMPORT_RECOMMENDATIONS, true,
	    false, &r, &e), 0);
	ck_assert_uint_eq(r.n, 301);
	ck_assert_uint_eq(r.count[IMPORT_NEW], 300);
	ck_assert_uint_eq(r.count[IMPORT_ERROR], 1);
	ck_assert_int_eq(r.rows[300].line, 302);
	ck_assert_str_eq(r.rows[300].message, "column \"ref\": cc-lcl-1007 is "
	    "also on line 9");
	import_result_done(&r);
	buf_done(&csv);
}
END_TEST

static const struct {
	const char *csv;
	const char *says;
} bad_files[] = {
	{ "", "the file is empty" },
	{ "subgroup,title\n", "no rows" },
	{ "subgroup,title,savngs\nLCL,A,1\n", "line 1, column 3: a "
	    "recommendation has no field \"savngs\"" },
	{ "subgroup,title,title\nLCL,A,B\n", "named twice" },
	{ "subgroup,title\nLCL,\"never closed\n", "line 2" },
	{ "subgroup,title,stage\nLCL,A,approved\n", "no field \"stage\"" },
};

START_TEST(test_bad_files)
{
	struct import_result r;
	struct err e;

	ck_assert_int_eq(import(bad_files[_i].csv, IMPORT_RECOMMENDATIONS,
	    false, false, &r, &e), -1);
	fx_assert_has(e.msg, bad_files[_i].says);
	import_result_done(&r);
	ck_assert_int_eq(recs(), 0);
}
END_TEST

START_TEST(test_people_and_milestones)
{
	static const char people[] = "login,name,kind\n"
	    "jsmith,Jo Smith,resident\n" FX_SECRETARY ",Samantha Secretary,\n";
	static const char milestones[] = "id,commission,title,timescale\n"
	    ",CC,Report to Cabinet,End January 2012\n"
	    "1,CC,Report to Cabinet,End February 2012\n"
	    "77,CC,Nothing,March 2012\n";
	struct import_result r;
	struct err e;
	char *s;

	ck_assert_msg(import(people, IMPORT_PEOPLE, false, false, &r, &e) == 0,
	    "%s", e.msg);
	ck_assert_int_eq(r.rows[0].action, IMPORT_NEW);
	ck_assert_int_eq(r.rows[1].action, IMPORT_UPDATE);
	import_result_done(&r);
	s = fx_sql_text("SELECT name FROM person WHERE login = 'sec'");
	ck_assert_str_eq(s, "Samantha Secretary");
	free(s);
	ck_assert_int_eq(import(milestones, IMPORT_MILESTONES, false, false,
	    &r, &e), -1);
	ck_assert_int_eq(r.rows[2].action, IMPORT_ERROR);
	fx_assert_has(r.rows[2].message, "there is no milestone 77");
	import_result_done(&r);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM milestone"), 0);
}
END_TEST

Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");

	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_test(tc, test_new_rows_quoted_utf8_bom);
	tcase_add_test(tc, test_update_by_key_and_dry_run);
	tcase_add_loop_test(tc, test_bad_rows_import_nothing, 0,
	    sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_duplicate_among_many);
	tcase_add_loop_test(tc, test_bad_files, 0,
	    sizeof bad_files / sizeof bad_files[0]);
	tcase_add_test(tc, test_people_and_milestones);
	suite_add_tcase(s, tc);
	return s;
}
