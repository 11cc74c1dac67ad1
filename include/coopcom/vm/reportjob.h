/*
 * reportjob.h: the report to Cabinet from the full-screen interface.
 *
 * R asks for a file name; the ending says the format (.md, .html or
 * .csv). The report is of the commission selected in the main view, or
 * of every commission when none is, and is written to a temporary file
 * renamed into place when complete. While it is written, the app's
 * progress hook (app.h) is called, so the UI can show how far it is on a
 * large database.
 */
#ifndef COOPCOM_VM_REPORTJOB_H
#define COOPCOM_VM_REPORTJOB_H

#include <stdbool.h>

#include "coopcom/vm/action.h"

struct app;

/* ACTION_REPORT: true, with the reaction in *react. */
bool reportjob_action(struct app *app, enum action a, unsigned *react);

/*
 * Writes the report to PATH now (what R does once the name is given);
 * 0, or -1 with E. COMMISSION_ID 0 reports every commission.
 */
int reportjob_write(struct app *app, const char *path, int64_t commission_id,
    struct err *e);

#endif
