/*
 * keys.c: an app on the store fixture's database, driven by key names
 * (see keys.h).
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/fixture.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"
#include "keys.h"

/* What keys_start started, for keys_teardown. */
static struct app *started;
static struct session *started_session;

void
keys_start(struct app *app, struct session *s, const char *login,
    bool deferred)
{
	struct err e;

	memset(s, 0, sizeof *s);
	config_defaults(&s->config);
	s->workflow = fx.wf;
	s->store = fx_open_as(login);
	s->login = x_strdup(login);
	err_clear(&e);
	ck_assert_msg((deferred ? app_init_deferred(app, s, &e) :
	    app_init(app, s, &e)) == 0, "%s", e.msg);
	started = app;
	started_session = s;
}

void
keys_teardown(void)
{
	if (started != NULL) {
		app_done(started);
		config_done(&started_session->config);
		free(started_session->login);
		memset(started_session, 0, sizeof *started_session);
		started = NULL;
		started_session = NULL;
	}
	fx_teardown();
}

void
keys_press(struct app *app, const char *keys)
{
	char key[16];
	size_t n;

	while (*keys) {
		n = strcspn(keys, " ");
		ck_assert_uint_lt(n, sizeof key);
		memcpy(key, keys, n);
		key[n] = '\0';
		app_key(app, key);
		keys += n;
		keys += strspn(keys, " ");
	}
}

void
keys_type(struct app *app, const char *text)
{
	char key[8];
	uint32_t cp;
	int n;

	while (*text) {
		n = utf8_decode(text, strlen(text), &cp);
		if (n < 1)
			n = 1;
		snprintf(key, sizeof key, "%.*s", n, text);
		app_key(app, *text == ' ' ? "Space" : key);
		text += n;
	}
}

char *
keys_lines(const struct text_lines *l)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < l->n; i++)
		buf_printf(&b, "%s\n", l->lines[i]);
	return buf_steal(&b);
}
