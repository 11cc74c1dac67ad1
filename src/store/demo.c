#include "coopcom/store/demo.h"
int
demo_build(struct store *st, struct err *e)
{
	(void)st;
	return err_set(e, ERR_INVALID, "demo: placeholder");
}
