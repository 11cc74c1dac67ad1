/*
 * keys.c: driving an app by key names (see keys.h).
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "coopcom/util/text.h"
#include "keys.h"

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
