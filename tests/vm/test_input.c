/*
 * test_input.c: the action table, the keymap (defaults and the config's
 * keys group), the UTF-8 line editor, and list views that page from
 * SQLite with a bounded window of rows.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/keymap.h"
#include "coopcom/vm/lineedit.h"
#include "coopcom/vm/listview.h"

START_TEST(test_actions_named_once)
{
	int a, b;

	for (a = 0; a < ACTION_COUNT; a++) {
		ck_assert_ptr_nonnull(action_info((enum action)a));
		ck_assert_int_eq(action_parse(action_info((enum action)a)->name),
		    a);
		for (b = a + 1; b < ACTION_COUNT; b++)
			ck_assert_str_ne(action_info((enum action)a)->name,
			    action_info((enum action)b)->name);
	}
	ck_assert_int_eq(action_parse("no_such_action"), ACTION_NONE);
	ck_assert_ptr_null(action_info(ACTION_COUNT));
}
END_TEST

START_TEST(test_default_keys)
{
	struct keymap km;
	struct buf keys;

	keymap_defaults(&km);
	ck_assert_int_eq(keymap_lookup(&km, "j"), ACTION_MOVE_DOWN);
	ck_assert_int_eq(keymap_lookup(&km, "Down"), ACTION_MOVE_DOWN);
	ck_assert_int_eq(keymap_lookup(&km, "q"), ACTION_QUIT);
	ck_assert_int_eq(keymap_lookup(&km, "C-l"), ACTION_REDRAW);
	ck_assert_int_eq(keymap_lookup(&km, "Z"), ACTION_NONE);
	buf_init(&keys);
	keymap_keys_of(&km, ACTION_MOVE_DOWN, &keys);
	ck_assert_str_eq(buf_str(&keys), "j Down");
	buf_done(&keys);
}
END_TEST

static void
bind(struct config *c, const char *action, const char *key, int line)
{
	c->keys = x_realloc(c->keys, (c->nkeys + 1) * sizeof *c->keys);
	c->keys[c->nkeys].action = x_strdup(action);
	c->keys[c->nkeys].key = x_strdup(key);
	c->keys[c->nkeys].file = x_strdup("my.conf");
	c->keys[c->nkeys++].line = line;
	c->keys_cap = c->nkeys;
}

START_TEST(test_config_keys)
{
	struct config c;
	struct keymap km;
	struct err e;

	config_defaults(&c);
	bind(&c, "move_down", "n", 3);
	bind(&c, "move_down", "C-n", 3);
	bind(&c, "quit", "F10", 4);
	keymap_defaults(&km);
	ck_assert_int_eq(keymap_apply(&km, &c, &e), 0);
	ck_assert_int_eq(keymap_lookup(&km, "n"), ACTION_MOVE_DOWN);
	ck_assert_int_eq(keymap_lookup(&km, "C-n"), ACTION_MOVE_DOWN);
	ck_assert_int_eq(keymap_lookup(&km, "j"), ACTION_NONE);
	ck_assert_int_eq(keymap_lookup(&km, "F10"), ACTION_QUIT);
	ck_assert_int_eq(keymap_lookup(&km, "q"), ACTION_NONE);
	ck_assert_int_eq(keymap_lookup(&km, "k"), ACTION_MOVE_UP);
	config_done(&c);
}
END_TEST

START_TEST(test_config_keys_refused)
{
	static const struct {
		const char *action, *key, *want;
	} bad[] = {
		{ "jump", "j", "my.conf:7: unknown action \"jump\"" },
		{ "quit", "Ctrl-Q", "my.conf:7: unknown key \"Ctrl-Q\"" },
		{ "quit", "F13", "unknown key \"F13\"" },
		{ "quit", "C-", "unknown key" },
		/* Forms' keys: never one a field types or edits with. */
		{ "save", "s",
		    "my.conf:7: save is a key of forms, where \"s\"" },
		{ "take_theirs", "Enter", "take_theirs is a key of forms" },
		{ "keep_yours", "C-u", "function key (F2) or a control key" },
	};
	struct config c;
	struct keymap km;
	struct err e;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		config_defaults(&c);
		bind(&c, bad[i].action, bad[i].key, 7);
		keymap_defaults(&km);
		ck_assert_int_eq(keymap_apply(&km, &c, &e), -1);
		fx_assert_has(e.msg, bad[i].want);
		config_done(&c);
	}
	ck_assert(keymap_key_valid("é"));
	ck_assert(keymap_key_valid("PageDown"));
	ck_assert(!keymap_key_valid("\x1b"));
	ck_assert(!keymap_key_valid(""));
}
END_TEST

static void
type(struct lineedit *le, const char *const *keys)
{
	for (; *keys != NULL; keys++)
		lineedit_key(le, *keys);
}

START_TEST(test_lineedit_utf8)
{
	static const char *const k1[] = { "Z", "o", "ë", "Space", "£", "5",
		NULL };
	static const char *const k2[] = { "Left", "Left", "Backspace", "C-a",
		"字", "End", "Backspace", NULL };
	struct lineedit le;

	lineedit_init(&le, "", 0);
	type(&le, k1);
	ck_assert_str_eq(lineedit_text(&le), "Zoë £5");
	type(&le, k2);
	ck_assert_str_eq(lineedit_text(&le), "字Zoë£");
	ck_assert_int_eq(lineedit_key(&le, "Enter"), LE_ENTER);
	ck_assert_int_eq(lineedit_key(&le, "Escape"), LE_CANCEL);
	ck_assert_int_eq(lineedit_key(&le, "F5"), LE_IGNORED);
	ck_assert_int_eq(lineedit_key(&le, "C-u"), LE_CHANGED);
	ck_assert_str_eq(lineedit_text(&le), "");
	lineedit_done(&le);
}
END_TEST

/* Long text: Up and Down keep the column (in characters), Home and End
 * stay on the line; at the first or last line Up or Down is left to the
 * form. */
START_TEST(test_lineedit_lines)
{
	struct lineedit le;

	lineedit_init(&le, "Zoë\n漢字漢字 long\nab", LINEEDIT_MULTILINE);
	ck_assert_int_eq(lineedit_key(&le, "Down"), LE_IGNORED);
	ck_assert_int_eq(lineedit_key(&le, "Up"), LE_MOVED);
	lineedit_key(&le, "X");
	ck_assert_str_eq(lineedit_text(&le), "Zoë\n漢字X漢字 long\nab");
	ck_assert_int_eq(lineedit_key(&le, "C-p"), LE_MOVED);
	lineedit_key(&le, "!");			/* "Zoë" is shorter: its end */
	ck_assert_str_eq(lineedit_text(&le), "Zoë!\n漢字X漢字 long\nab");
	ck_assert_int_eq(lineedit_key(&le, "Up"), LE_IGNORED);
	lineedit_key(&le, "Home");
	lineedit_key(&le, "£");
	lineedit_key(&le, "End");
	lineedit_key(&le, "Down");		/* after 5 characters */
	lineedit_key(&le, "Backspace");
	ck_assert_str_eq(lineedit_text(&le), "£Zoë!\n漢字X漢 long\nab");
	lineedit_key(&le, "End");
	lineedit_key(&le, "C-n");
	lineedit_key(&le, "Backspace");
	ck_assert_str_eq(lineedit_text(&le), "£Zoë!\n漢字X漢 long\na");
	lineedit_done(&le);
	/* One line: Home and End are the whole text's, Up is not a key. */
	lineedit_init(&le, "one two", 0);
	lineedit_key(&le, "Home");
	ck_assert_uint_eq(le.cursor, 0);
	ck_assert_int_eq(lineedit_key(&le, "Up"), LE_IGNORED);
	lineedit_done(&le);
}
END_TEST

START_TEST(test_lineedit_words_and_lines)
{
	static const char *const k[] = { "C-w", NULL };
	struct lineedit le;

	lineedit_init(&le, "open the library", 0);
	type(&le, k);
	ck_assert_str_eq(lineedit_text(&le), "open the ");
	lineedit_done(&le);
	lineedit_init(&le, "one", LINEEDIT_MULTILINE);
	ck_assert_int_eq(lineedit_key(&le, "Enter"), LE_CHANGED);
	lineedit_key(&le, "t");
	ck_assert_str_eq(lineedit_text(&le), "one\nt");
	ck_assert_int_eq(lineedit_key(&le, "C-x"), LE_ENTER);
	lineedit_done(&le);
}
END_TEST

static const struct lv_column cols[] = {
	{ "ref", "Ref", 10, 0 },
	{ "title", "Title", 0, 0 },
};

START_TEST(test_listview_pages)
{
	struct listview lv;
	char title[32];
	struct err e;
	int i;

	for (i = 0; i < 250; i++) {
		snprintf(title, sizeof title, "Item %03d", i);
		fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "LCL" },
		    { "title", title }));
	}
	listview_init(&lv, "recommendations", cols, 2);
	ck_assert_int_eq(listview_set_height(&lv, fx.st, 20, &e), 0);
	ck_assert_int_eq(listview_reload(&lv, fx.st, &e), 0);
	ck_assert_int_eq(lv.total, 250);
	ck_assert_uint_le(lv.win_n, 60);
	ck_assert_str_eq(listview_cell(&lv, 0, 0), "CC-LCL-01");
	ck_assert_int_eq(listview_move(&lv, fx.st, 200, &e), 0);
	ck_assert_int_eq(lv.sel, 200);
	ck_assert_uint_le(lv.win_n, 60);
	ck_assert_str_eq(listview_cell(&lv, 200, 1), "Item 200");
	ck_assert_int_eq(listview_move(&lv, fx.st, 1000, &e), 0);
	ck_assert_int_eq(lv.sel, 249);
	ck_assert_int_eq(lv.top, 230);
	ck_assert_int_eq(listview_move(&lv, fx.st, -1000, &e), 0);
	ck_assert_int_eq(lv.sel, 0);
	listview_done(&lv);
}
END_TEST

START_TEST(test_listview_keeps_selection)
{
	struct listview lv;
	struct store *other = fx_open_as(FX_ADMIN);
	int64_t id;
	struct err e;

	fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "LCL" },
	    { "title", "B" }));
	fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "LCL" },
	    { "title", "C" }));
	listview_init(&lv, "recommendations", cols, 2);
	listview_set_height(&lv, fx.st, 10, &e);
	listview_reload(&lv, fx.st, &e);
	listview_move(&lv, fx.st, 1, &e);
	id = listview_selected_id(&lv);
	fx_add(other, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "LCL" },
	    { "ref", "CC-LCL-00" }, { "title", "A, sorted first" }));
	ck_assert_int_eq(listview_reload(&lv, fx.st, &e), 0);
	ck_assert_int_eq(lv.total, 3);
	ck_assert_int_eq(listview_selected_id(&lv), id);
	ck_assert_int_eq(lv.sel, 2);
	listview_done(&lv);
}
END_TEST

Suite *
input_suite(void)
{
	Suite *s = suite_create("input");
	TCase *keys = tcase_create("keys");
	TCase *lists = tcase_create("lists");

	tcase_add_test(keys, test_actions_named_once);
	tcase_add_test(keys, test_default_keys);
	tcase_add_test(keys, test_config_keys);
	tcase_add_test(keys, test_config_keys_refused);
	tcase_add_test(keys, test_lineedit_utf8);
	tcase_add_test(keys, test_lineedit_words_and_lines);
	tcase_add_test(keys, test_lineedit_lines);
	suite_add_tcase(s, keys);
	tcase_add_checked_fixture(lists, fx_setup_world, fx_teardown);
	tcase_add_test(lists, test_listview_pages);
	tcase_add_test(lists, test_listview_keeps_selection);
	suite_add_tcase(s, lists);
	return s;
}
