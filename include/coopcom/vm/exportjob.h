/*
 * exportjob.h: the progress report and the timeline export from the
 * full-screen interface.
 *
 * p asks for the period ("2012-01-01 2012-06-30"; the last six months
 * to today are offered) and then for a file name whose ending says the
 * format (.md, .html or .csv); x asks for a file name ending in .ics,
 * .csv or .md. Both are of the commission selected in the main view, or
 * of every commission when none is, and take the path every document of
 * the interface takes (reportjob_file): a temporary file renamed into
 * place when complete, with the app's progress hook told how far it is.
 */
#ifndef COOPCOM_VM_EXPORTJOB_H
#define COOPCOM_VM_EXPORTJOB_H

#include <stdbool.h>
#include <stdint.h>

#include "coopcom/vm/action.h"

struct app;

/* ACTION_PROGRESS_REPORT or ACTION_EXPORT_TIMELINE: true, with the
 * reaction in *react. */
bool exportjob_action(struct app *app, enum action a, unsigned *react);

/*
 * What p and x do once everything is asked: write the progress report
 * of FROM..TO, or the timeline, to PATH (the ending gives the format).
 * COMMISSION_ID 0 is every commission. 0, or -1 with E.
 */
int exportjob_progress(struct app *app, const char *path, const char *from,
    const char *to, int64_t commission_id, struct err *e);
int exportjob_timeline(struct app *app, const char *path,
    int64_t commission_id, struct err *e);

#endif
