/*
 * minutes.c: the draft minutes of a meeting (see minutes.h), from the
 * store's lists "attendance" and "decisions".
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/entity.h"
#include "coopcom/store/list.h"
#include "coopcom/store/meeting.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/minutes.h"

struct mw {
	FILE *fp;
	bool html;
};

static void
para(struct mw *w, const char *label, const char *s)
{
	fputs(w->html ? "<p>" : "", w->fp);
	if (label != NULL) {
		fputs(w->html ? "<strong>" : "**", w->fp);
		doc_text(w->fp, w->html, label);
		fputs(w->html ? "</strong> " : "** ", w->fp);
	}
	doc_text(w->fp, w->html, s);
	fputs(w->html ? "</p>\n" : "\n\n", w->fp);
}

static void
heading(struct mw *w, int level, const char *s)
{
	int i;

	if (w->html) {
		fprintf(w->fp, "<h%d>", level);
		doc_html(w->fp, s);
		fprintf(w->fp, "</h%d>\n", level);
		return;
	}
	for (i = 0; i < level; i++)
		fputc('#', w->fp);
	fputc(' ', w->fp);
	doc_md_cell(w->fp, s);
	fputs("\n\n", w->fp);
}

char *
minutes_outcome(const char *outcome)
{
	char *s = field_choice_label(outcome ? outcome : "");

	s[0] = (char)toupper((unsigned char)s[0]);
	return s;
}

static int
attendance(struct mw *w, struct store *st, const struct store_meeting *m,
    struct err *e)
{
	static const char *const statuses[] = { "present", "apologies",
		"absent" };
	static const char *const labels[] = { "Present:", "Apologies:",
		"Absent:" };
	struct list_filter f = { 0 };
	struct store_cursor *c;
	struct buf names[3];
	size_t i, ks, kn;
	char *q;
	int rc;

	f.record = m->id;
	if (store_list_open(st, "attendance", &f, &c, e) < 0)
		return -1;
	ks = store_cursor_column(c, "status");
	kn = store_cursor_column(c, "name");
	for (i = 0; i < 3; i++)
		buf_init(&names[i]);
	while ((rc = store_cursor_next(c, e)) == 1)
		for (i = 0; i < 3; i++)
			if (strcmp(store_cursor_text(c, ks), statuses[i]) == 0)
				buf_printf(&names[i], "%s%s", names[i].len ?
				    ", " : "", store_cursor_text(c, kn));
	store_cursor_close(c);
	heading(w, 2, "Attendance");
	for (i = 0; rc == 0 && i < 3; i++)
		para(w, labels[i], names[i].len ? buf_str(&names[i]) : "none "
		    "recorded");
	if (m->quorum == 0)
		q = x_printf("%d present; no quorum is set for %s.", m->present,
		    workflow_body_label(m->body));
	else
		q = x_printf("%d present; %s needs %d: the meeting was %s.",
		    m->present, workflow_body_label(m->body), m->quorum,
		    m->quorate ? "quorate" : "NOT quorate");
	if (rc == 0)
		para(w, "Quorum:", q);
	free(q);
	for (i = 0; i < 3; i++)
		buf_done(&names[i]);
	return rc;
}

struct cols {
	size_t ref, title, outcome, vfor, against, abstain, reason, actions;
};

static void
item(struct mw *w, struct store_cursor *c, const struct cols *k, int n)
{
	const char *ref = store_cursor_text(c, k->ref);
	char *h, *outcome;

	h = ref ? x_printf("%d. %s %s", n, ref, store_cursor_text(c,
	    k->title)) : x_printf("%d. Other business", n);
	heading(w, 3, h);
	free(h);
	outcome = minutes_outcome(store_cursor_text(c, k->outcome));
	para(w, "Decision:", outcome);
	free(outcome);
	if (store_cursor_type(c, k->vfor) != CELL_NULL) {
		h = x_printf("%s for, %s against, %s abstaining.",
		    store_cursor_text(c, k->vfor),
		    store_cursor_text(c, k->against) ?
		    store_cursor_text(c, k->against) : "0",
		    store_cursor_text(c, k->abstain) ?
		    store_cursor_text(c, k->abstain) : "0");
		para(w, "Vote:", h);
		free(h);
	}
	if (*store_cursor_text(c, k->reason))
		para(w, "Reasons:", store_cursor_text(c, k->reason));
	if (*store_cursor_text(c, k->actions))
		para(w, "Actions:", store_cursor_text(c, k->actions));
}

static int
items(struct mw *w, struct store *st, int64_t meeting, struct err *e)
{
	struct list_filter f = { 0 };
	struct store_cursor *c;
	struct cols k;
	int rc, n = 0;

	f.record = meeting;
	if (store_list_open(st, "decisions", &f, &c, e) < 0)
		return -1;
	k.ref = store_cursor_column(c, "ref");
	k.title = store_cursor_column(c, "title");
	k.outcome = store_cursor_column(c, "decision");
	k.vfor = store_cursor_column(c, "for");
	k.against = store_cursor_column(c, "against");
	k.abstain = store_cursor_column(c, "abstain");
	k.reason = store_cursor_column(c, "reason");
	k.actions = store_cursor_column(c, "actions");
	heading(w, 2, "Items and decisions");
	while ((rc = store_cursor_next(c, e)) == 1)
		item(w, c, &k, ++n);
	store_cursor_close(c);
	if (rc == 0 && n == 0)
		para(w, NULL, "No decision has been recorded.");
	return rc;
}

static void
front(struct mw *w, const struct store_meeting *m)
{
	char *title, *date = doc_date(m->held_on), *line;

	title = x_printf("Minutes (draft): %s", *m->title ? m->title :
	    workflow_body_label(m->body));
	if (w->html) {
		doc_html_start(w->fp, title);
		fputs("<h1>", w->fp);
		doc_html(w->fp, title);
		fputs("</h1>\n", w->fp);
	} else {
		fputs("# ", w->fp);
		doc_md_cell(w->fp, title);
		fputs("\n\n", w->fp);
	}
	line = x_printf("Meeting %" PRId64 " of %s%s%s%s, %s%s%s.", m->id,
	    workflow_body_label(m->body), *m->scope ? " (" : "", m->scope,
	    *m->scope ? ")" : "", date, *m->place ? ", " : "", m->place);
	para(w, NULL, line);
	free(line);
	free(date);
	free(title);
}

int
minutes_write(struct store *st, int64_t meeting_id, enum doc_format f,
    FILE *fp, struct err *e)
{
	struct store_meeting m;
	struct mw w = { fp, f == DOC_HTML };
	int rc;

	if (f == DOC_CSV)
		return err_set(e, ERR_INVALID, "minutes are written as md or "
		    "html");
	if (store_meeting_get(st, meeting_id, &m, e) < 0)
		return -1;
	front(&w, &m);
	rc = attendance(&w, st, &m, e) < 0 || items(&w, st, meeting_id, e) < 0
	    ? -1 : 0;
	if (rc == 0 && w.html)
		doc_html_end(fp);
	store_meeting_done(&m);
	if (rc == 0 && (fflush(fp) != 0 || ferror(fp)))
		return err_set(e, ERR_IO, "the minutes could not be written "
		    "out in full");
	return rc;
}
