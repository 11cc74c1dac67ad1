/*
 * keys.h: starting an app on the store fixture's database and driving it
 * by key names, in the view-model tests.
 */
#ifndef COOPCOM_TESTS_VM_KEYS_H
#define COOPCOM_TESTS_VM_KEYS_H

#include <stdbool.h>

#include "coopcom/vm/app.h"

/*
 * Starts APP as LOGIN, with session S: the default configuration, the
 * fixture's workflow, a connection of its own to the fixture's database
 * (fx_open_as, so fx_teardown closes it). As the CLI starts it
 * (app_init), or DEFERRED as the full-screen loop does
 * (app_init_deferred). The caller then sizes the screen
 * (app_set_heights).
 */
void keys_start(struct app *app, struct session *s, const char *login,
    bool deferred);
/* The teardown of a checked fixture: undoes keys_start if the test
 * called it, then fx_teardown. */
void keys_teardown(void);

/* Presses key names separated by spaces ("l j Enter"); "Space" for one. */
void keys_press(struct app *app, const char *keys);
/* Types TEXT one UTF-8 character at a time. */
void keys_type(struct app *app, const char *text);

/* A panel's lines (the detail's, a milestone's) as one text, each ended
 * by '\n'; caller frees. */
char *keys_lines(const struct text_lines *l);

#endif
