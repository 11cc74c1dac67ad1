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
#include <stdint.h>
#include <stdio.h>

#include "coopcom/vm/action.h"
#include "coopcom/vm/doc.h"

struct app;

/* ACTION_REPORT: true, with the reaction in *react. */
bool reportjob_action(struct app *app, enum action a, unsigned *react);

/* The format a file name's ending asks for: .md, .html (.htm) or .csv;
 * 0, or -1 with ERR_INVALID saying so. */
int reportjob_format(const char *path, enum doc_format *f, struct err *e);

/*
 * Asks for one line (a file name, a period) at the bottom line, LABEL
 * the question and INITIAL the text offered; DONE is called with the
 * answer in app->prompt.edit. Returns the reaction.
 */
unsigned reportjob_ask(struct app *app, const char *label,
    const char *initial, unsigned (*done)(struct app *app, bool ok));

/*
 * Writes the report to PATH now (what R does once the name is given);
 * 0, or -1 with E. COMMISSION_ID 0 reports every commission.
 */
int reportjob_write(struct app *app, const char *path, int64_t commission_id,
    struct err *e);

/*
 * The path every document written from the interface takes (R, and the
 * progress report and the timeline export, exportjob.h): WRITE writes
 * to FP, a temporary file beside PATH renamed into place when complete,
 * calling PROGRESS with PARG as a report_options' progress hook (the
 * app's progress hook is told how far it is); ARG is the caller's. *DONE
 * is the last count the writer reported. 0, or -1 with E (nothing is
 * then left at PATH).
 */
int reportjob_file(struct app *app, const char *path,
    int (*write)(struct app *app, FILE *fp, void (*progress)(void *parg,
    int64_t done, int64_t total), void *parg, void *arg, struct err *e),
    void *arg, int64_t *done, struct err *e);

#endif
