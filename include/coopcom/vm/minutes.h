/*
 * minutes.h: the draft minutes of a meeting.
 *
 * Who was present, who sent apologies and who was absent, whether the
 * meeting was quorate, then each item it decided with the decision, the
 * vote if one was taken, the reasons and the actions agreed, in the
 * order they were recorded. Markdown or one self-contained HTML page.
 */
#ifndef COOPCOM_VM_MINUTES_H
#define COOPCOM_VM_MINUTES_H

#include <stdint.h>
#include <stdio.h>

#include "coopcom/store/store.h"
#include "coopcom/vm/doc.h"

/* Writes the minutes of MEETING_ID to FP as DOC_MD or DOC_HTML. */
int minutes_write(struct store *st, int64_t meeting_id, enum doc_format f,
    FILE *fp, struct err *e);

/* An outcome as the minutes say it: "Approved", "Referred back"...;
 * caller frees. */
char *minutes_outcome(const char *outcome);

#endif
