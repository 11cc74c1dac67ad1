/*
 * keys.h: driving an app by key names in the view-model tests.
 */
#ifndef COOPCOM_TESTS_VM_KEYS_H
#define COOPCOM_TESTS_VM_KEYS_H

#include "coopcom/vm/app.h"

/* Presses key names separated by spaces ("l j Enter"); "Space" for one. */
void keys_press(struct app *app, const char *keys);
/* Types TEXT one UTF-8 character at a time. */
void keys_type(struct app *app, const char *text);

#endif
