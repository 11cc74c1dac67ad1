/*
 * test_calendar.c: the timeline export (store/calendar.h, vm/calendar.h):
 * date order with the undated last, due states at a fixed today, the
 * database's identity, and the iCalendar: CRLF and folded lines, UIDs
 * that survive an edit and a second export, SEQUENCE following the
 * record's version, DTEND the day after a range, TBC left out.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/core/date.h"
#include "coopcom/store/calendar.h"
#include "coopcom/util/csv.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/calendar.h"

/* The ids of the world's timeline. */
static int64_t early, range, exact, tbc, undated, dropped, rec;

static int64_t
milestone(const char *title, const char *timescale)
{
	return fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", title }, { "timescale", timescale }));
}

static void
world(void)
{
	fx_setup_world();
	tbc = milestone("Schools partnership", "To be confirmed");
	undated = milestone("New depot", "when funding allows");
	range = milestone("Health hub, phase 1", "Phase 1 – End July 2011");
	exact = milestone("Launch; \"the\" calculator, at last",
	    "Launch 26 July 2011");
	early = milestone("Volunteers’ week", "Delivered 1-7 June 2011");
	dropped = milestone("Town hall study", "September 2011");
	fx_edit(fx.st, ENT_MILESTONE, early, FX_VALS({ "state", "done" },
	    { "done", "2011-06-07" }));
	fx_edit(fx.st, ENT_MILESTONE, dropped, FX_VALS({ "state",
	    "cancelled" }));
	rec = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup",
	    "CC-LCL" }, { "title", "Libraries at arm's length" }));
	fx_sql_intf("UPDATE recommendation SET stage = 'adopted', "
	    "target_date = '2011-07-26' WHERE id = %lld RETURNING id",
	    (long long)rec);
	/* No due date: not on the timeline. */
	fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "CC-LCL" },
	    { "title", "Not dated" }));
	date_set_today((struct date){ 2011, 7, 27 });
}

static char *
export(enum calendar_format f)
{
	struct calendar_options o = { 0 };
	struct fx_mem m;
	struct err e;

	o.format = f;
	o.amber_days = 30;
	ck_assert_msg(calendar_write(fx.st, &o, fx_mem_open(&m), &e) == 0,
	    "%s", e.msg);
	return fx_mem_text(&m, NULL);
}

/* "kind id dating due" of each CSV row, one a line. */
static char *
csv_summary(const char *csv)
{
	struct csv_reader r;
	struct csv_row row = { 0 };
	struct buf b;
	struct err e;

	buf_init(&b);
	csv_reader_init(&r, csv, strlen(csv));
	ck_assert_int_eq(csv_read_row(&r, &row, &e), 1);
	ck_assert_str_eq(row.fields[0], "id");
	ck_assert_str_eq(row.fields[13], "due");
	while (csv_read_row(&r, &row, &e) == 1)
		buf_printf(&b, "%c%s %s %s\n", row.fields[1][0], row.fields[0],
		    row.fields[10], row.fields[13]);
	csv_row_done(&row);
	return buf_steal(&b);
}

START_TEST(test_csv_order_and_due)
{
	char *csv = export(CALENDAR_CSV), *got = csv_summary(csv), *want;

	/* By earliest day; on the same day the milestone first; then the
	 * undated, "to be confirmed" first. */
	want = x_printf("m%lld range done\nm%lld range soon\n"
	    "m%lld exact overdue\nr%lld exact overdue\nm%lld range cancelled\n"
	    "m%lld tbc undated\nm%lld undated undated\n", (long long)early,
	    (long long)range, (long long)exact, (long long)rec,
	    (long long)dropped, (long long)tbc, (long long)undated);
	ck_assert_str_eq(got, want);
	free(want);
	free(got);
	free(csv);
}
END_TEST

START_TEST(test_markdown_lists_undated_apart)
{
	char *md = export(CALENDAR_MD), *dated, *undated_at;

	dated = strstr(md, "## Dated");
	undated_at = strstr(md, "## Undated");
	ck_assert_ptr_nonnull(dated);
	ck_assert_ptr_nonnull(undated_at);
	ck_assert(strstr(md, "To be confirmed") > undated_at);
	ck_assert(strstr(md, "Phase 1") < undated_at);
	fx_assert_has(md, "| 21 July 2011 – 31 July 2011 | milestone |");
	fx_assert_has(md, "Launch; \"the\" calculator, at last");
	free(md);
}
END_TEST

/* The event whose UID starts with UID: its lines up to END:VEVENT. */
static char *
event(const char *ics, const char *kind, int64_t id)
{
	char *uid = x_printf("UID:%s-%lld@", kind, (long long)id);
	const char *start = strstr(ics, uid), *end;

	free(uid);
	if (start == NULL)
		return NULL;
	end = strstr(start, "END:VEVENT");
	ck_assert_ptr_nonnull(end);
	return x_strndup(start, (size_t)(end - start));
}

static void
assert_lines(const char *ics)
{
	const char *p, *end;

	for (p = ics; *p; p = end + 2) {
		end = strstr(p, "\r\n");
		ck_assert_msg(end != NULL, "the last line has no CRLF");
		ck_assert_ptr_null(memchr(p, '\n', (size_t)(end - p)));
		ck_assert_uint_le((size_t)(end - p), 75);
	}
}

START_TEST(test_ics_events)
{
	char *ics = export(CALENDAR_ICS), *ev, *id, *uid;

	assert_lines(ics);
	ck_assert_int_eq(strncmp(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:", 32), 0);
	fx_assert_has(ics, "END:VCALENDAR\r\n");
	id = fx_sql_text("SELECT value FROM meta WHERE key = 'database_id'");
	uid = x_printf("UID:milestone-%lld@%s\r\n", (long long)range, id);
	fx_assert_has(ics, uid);
	ev = event(ics, "milestone", range);
	fx_assert_has(ev, "DTSTART;VALUE=DATE:20110721\r\n");
	fx_assert_has(ev, "DTEND;VALUE=DATE:20110801\r\n");
	fx_assert_has(ev, "SEQUENCE:1\r\n");
	fx_assert_has(ev, "STATUS:CONFIRMED\r\n");
	fx_assert_has(ev, "Timescale: Phase 1 – End July 2011");
	free(ev);
	ev = event(ics, "milestone", exact);
	fx_assert_has(ev, "DTSTART;VALUE=DATE:20110726\r\n");
	ck_assert_ptr_null(strstr(ev, "DTEND"));
	fx_assert_has(ev, "SUMMARY:Launch\\; \"the\" calculator\\, at "
	    "last\r\n");
	free(ev);
	ev = event(ics, "milestone", dropped);
	fx_assert_has(ev, "STATUS:CANCELLED\r\n");
	free(ev);
	ev = event(ics, "recommendation", rec);
	fx_assert_has(ev, "DTSTART;VALUE=DATE:20110726\r\n");
	free(ev);
	ck_assert_ptr_null(event(ics, "milestone", tbc));
	ck_assert_ptr_null(event(ics, "milestone", undated));
	free(uid);
	free(id);
	free(ics);
}
END_TEST

START_TEST(test_ics_stable_across_exports_and_edits)
{
	char *first = export(CALENDAR_ICS), *second = export(CALENDAR_ICS);
	char *third, *ev, *uid;

	/* Nothing in the file depends on when it is written. */
	date_set_today((struct date){ 2012, 1, 1 });
	ck_assert_str_eq(first, second);
	free(second);
	second = export(CALENDAR_ICS);
	ck_assert_str_eq(first, second);
	fx_edit(fx.st, ENT_MILESTONE, range, FX_VALS({ "title",
	    "Health hub opens" }, { "timescale", "August 2011" }));
	third = export(CALENDAR_ICS);
	ev = event(third, "milestone", range);
	fx_assert_has(ev, "SEQUENCE:2\r\n");
	fx_assert_has(ev, "SUMMARY:Health hub opens\r\n");
	fx_assert_has(ev, "DTSTART;VALUE=DATE:20110801\r\n");
	fx_assert_has(ev, "DTEND;VALUE=DATE:20110901\r\n");
	/* Still one event for it. */
	uid = x_printf("UID:milestone-%lld@", (long long)range);
	ck_assert_ptr_null(strstr(strstr(third, uid) + 1, uid));
	free(uid);
	free(ev);
	free(first);
	free(second);
	free(third);
}
END_TEST

START_TEST(test_database_id)
{
	struct store_options o = { 0 };
	struct store *other, *again = fx_open_as(FX_ADMIN);
	char *id, *id2, *path = fx_file("other.db");
	struct err e;

	ck_assert_int_eq(store_database_id(fx.st, &id, &e), 0);
	ck_assert_uint_eq(strlen(id), 36);
	ck_assert_int_eq(id[14], '4');
	ck_assert_int_eq(store_database_id(again, &id2, &e), 0);
	ck_assert_str_eq(id, id2);
	free(id2);
	o.path = path;
	o.login = FX_ADMIN;
	o.flags = STORE_CREATE;
	o.busy_ms = 1000;
	o.workflow = fx.wf;
	ck_assert_msg(store_open(&other, &o, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(store_database_id(other, &id2, &e), 0);
	ck_assert_str_ne(id, id2);
	store_close(other);
	free(id2);
	free(id);
	free(path);
}
END_TEST

START_TEST(test_scope_and_formats)
{
	struct store_calendar *c;
	const struct calendar_item *it;
	enum calendar_format f;
	int64_t total;
	struct err e;

	ck_assert_int_eq(store_calendar_open(fx.st, 0, fx.lcl, &c, &total,
	    &e), 0);
	ck_assert_int_eq(total, 1);
	ck_assert_int_eq(store_calendar_next(c, &it, &e), 1);
	ck_assert(!it->milestone);
	ck_assert_int_eq(it->id, rec);
	ck_assert_int_eq(store_calendar_next(c, &it, &e), 0);
	store_calendar_close(c);
	ck_assert_int_eq(calendar_parse_format("ics", &f, &e), 0);
	ck_assert_int_eq(f, CALENDAR_ICS);
	ck_assert_int_eq(calendar_parse_format("markdown", &f, &e), 0);
	ck_assert_int_eq(f, CALENDAR_MD);
	ck_assert_int_eq(calendar_parse_format("html", &f, &e), -1);
	fx_assert_has(e.msg, "ics, csv or md");
	ck_assert_int_eq(calendar_parse_format(NULL, &f, &e), -1);
}
END_TEST

Suite *
calendar_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("timeline");

	tcase_add_checked_fixture(tc, world, fx_teardown);
	tcase_add_test(tc, test_csv_order_and_due);
	tcase_add_test(tc, test_markdown_lists_undated_apart);
	tcase_add_test(tc, test_ics_events);
	tcase_add_test(tc, test_ics_stable_across_exports_and_edits);
	tcase_add_test(tc, test_database_id);
	tcase_add_test(tc, test_scope_and_formats);
	suite_add_tcase(s, tc);
	return s;
}
