/*
 * backup_cmds.c: coopcom backup FILE.
 *
 * The copy is made by the store with SQLite's online backup API, so it
 * is safe while others work; `coopcom --db FILE check` verifies it like
 * a live database.
 */
#include <stdio.h>

#include "coopcom/cli/commands.h"
#include "coopcom/cli/out.h"

int
cmd_backup(struct session *s, struct args *a, struct err *e)
{
	const char *path = cmd_word(a, 0, "the file to write the backup to",
	    e);

	if (path == NULL || store_backup(s->store, path, e) < 0)
		return -1;
	fputs("backed up ", stdout);
	out_text(stdout, store_path(s->store));
	fputs(" to ", stdout);
	out_text(stdout, path);
	fputs("; check it with: coopcom --db FILE check\n", stdout);
	return 0;
}
