/*
 * tui.h: the full-screen interface: `coopcom` with no command.
 */
#ifndef COOPCOM_UI_TUI_H
#define COOPCOM_UI_TUI_H

#include "coopcom/vm/session.h"

/* Runs until the person quits or a signal asks; returns the exit status. */
int tui_run(const struct session_options *o);

#endif
