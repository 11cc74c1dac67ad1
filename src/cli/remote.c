/*
 * remote.c: splitting and vetting a command that came over SSH.
 *
 * The list of commands is an allow-list on purpose: a command added to
 * coopcom later is refused over SSH until someone decides it is safe
 * there.
 */
#include <stdlib.h>
#include <string.h>

#include "coopcom/cli/remote.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"

static const char *const allowed[] = {
	"whoami", "list", "show", "history", "transitions", "stages",
	"fields", "add", "edit", "archive", "advance", "join", "attend",
	"check", "update", "impact", "agenda", "decide",
};

#define NALLOWED (sizeof allowed / sizeof allowed[0])

static void
add_word(struct remote_words *w, struct buf *word)
{
	w->argv = x_realloc(w->argv, (size_t)(w->argc + 2) *
	    sizeof *w->argv);
	w->argv[w->argc++] = x_strdup(buf_str(word));
	w->argv[w->argc] = NULL;
	buf_reset(word);
}

/* Copies a double-quoted string to its closing quote (returned, or the
 * end of the text): inside, only \" and \\ are escapes. */
static const char *
double_quoted(const char *p, struct buf *word)
{
	for (; *p != '\0' && *p != '"'; p++) {
		if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
			p++;
		buf_addc(word, *p);
	}
	return p;
}

int
remote_split(const char *text, struct remote_words *w, struct err *e)
{
	struct buf word;
	const char *p, *end;
	bool in_word = false;

	memset(w, 0, sizeof *w);
	buf_init(&word);
	for (p = text; *p != '\0'; p++) {
		if (strchr(" \t\n", *p) != NULL) {
			if (in_word)
				add_word(w, &word);
			in_word = false;
			continue;
		}
		if (!in_word && w->argc == REMOTE_WORDS_MAX) {
			err_set(e, ERR_INVALID, "the command has more than %d "
			    "words", REMOTE_WORDS_MAX);
			goto fail;
		}
		in_word = true;
		if (*p == '\'') {
			if ((end = strchr(p + 1, '\'')) == NULL)
				goto unterminated;
			buf_addn(&word, p + 1, (size_t)(end - p - 1));
			p = end;
		} else if (*p == '"') {
			if (*(p = double_quoted(p + 1, &word)) != '"')
				goto unterminated;
		} else if (*p == '\\' && p[1] != '\0') {
			buf_addc(&word, *++p);
		} else {
			buf_addc(&word, *p);
		}
	}
	if (in_word)
		add_word(w, &word);
	buf_done(&word);
	return 0;
unterminated:
	err_set(e, ERR_INVALID, "a quote in the command is never closed");
fail:
	buf_done(&word);
	remote_words_done(w);
	return -1;
}

void
remote_words_done(struct remote_words *w)
{
	int i;

	for (i = 0; i < w->argc; i++)
		free(w->argv[i]);
	free(w->argv);
	memset(w, 0, sizeof *w);
}

bool
remote_allowed(const char *name)
{
	size_t i;

	for (i = 0; i < NALLOWED; i++)
		if (strcmp(allowed[i], name) == 0)
			return true;
	return false;
}

int
remote_check(const struct remote_words *w, struct err *e)
{
	struct buf list;
	size_t i;

	if (w->argc > 0 && remote_allowed(w->argv[0]))
		return 0;
	buf_init(&list);
	for (i = 0; i < NALLOWED; i++)
		buf_printf(&list, "%s%s", i ? ", " : "", allowed[i]);
	err_set(e, ERR_DENIED, "over SSH coopcom runs one of its own "
	    "commands (%s), with no options before it; \"%s\" is refused. "
	    "Without a command you get the full-screen interface (ssh -t)",
	    buf_str(&list), w->argc > 0 ? w->argv[0] : "");
	buf_done(&list);
	return -1;
}
