/*
 * action.c: the action table (see action.h).
 */
#include <string.h>

#include "coopcom/vm/action.h"

static const struct action_info actions[ACTION_COUNT] = {
#define X(id, name, help, keys) [ACTION_##id] = { name, help, keys },
	VM_ACTIONS(X)
#undef X
};

const struct action_info *
action_info(enum action a)
{
	if ((int)a < 0 || a >= ACTION_COUNT)
		return NULL;
	return &actions[a];
}

enum action
action_parse(const char *name)
{
	int i;

	for (i = 0; i < ACTION_COUNT; i++)
		if (strcmp(actions[i].name, name) == 0)
			return (enum action)i;
	return ACTION_NONE;
}
