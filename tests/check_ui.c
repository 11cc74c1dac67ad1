/* check_ui.c: the curses front end, drawn headless and compared. */
#include "check.h"

CHECK_MAIN(screen_suite)
