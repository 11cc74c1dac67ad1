/*
 * action.h: every user action of the full-screen interface, named once.
 *
 * The X-macro table gives each action its id, its name (used in the
 * config's keys group), its help text and its default keys. Key
 * bindings, the `?` help screen, the status hints and the validation of
 * the config's keys group are all generated from it.
 */
#ifndef COOPCOM_VM_ACTION_H
#define COOPCOM_VM_ACTION_H

/* X(ID, name, help, default keys separated by spaces) */
#define VM_ACTIONS(X)							\
	X(QUIT, "quit", "quit coopcom", "q")				\
	X(HELP, "help", "show every key", "? F1")			\
	X(MOVE_DOWN, "move_down", "move down", "j Down")		\
	X(MOVE_UP, "move_up", "move up", "k Up")			\
	X(PAGE_DOWN, "page_down", "page down", "PageDown C-f")		\
	X(PAGE_UP, "page_up", "page up", "PageUp C-b")			\
	X(FIRST, "first", "go to the first row", "g Home")		\
	X(LAST, "last", "go to the last row", "G End")			\
	X(NEXT_PANEL, "next_panel", "next panel", "l Right Tab")	\
	X(PREV_PANEL, "prev_panel", "previous panel", "h Left BackTab")	\
	X(OPEN, "open", "open the selected item", "Enter")		\
	X(BACK, "back", "go back, close", "Escape")			\
	X(SEARCH, "search", "search titles and text as you type", "/")	\
	X(FILTER, "filter", "filter: stage, term, sub-group, overdue, "	\
	    "mine", "f")						\
	X(CLEAR, "clear", "clear the search and filters", "c")		\
	X(ADD, "add", "add a record here", "a")				\
	X(EDIT, "edit", "edit the selected record", "e")		\
	X(EDIT_OTHER, "edit_other", "edit a member, engagement, "	\
	    "meeting, decision or milestone of the selection", "E")	\
	X(ADVANCE, "advance", "move the recommendation to another "	\
	    "stage", "m")						\
	X(ARCHIVE, "archive", "archive or withdraw (asks first)", "d")	\
	X(JOIN, "join", "add a member to the sub-group", "J")		\
	X(MEETING, "meeting", "meeting mode: run a meeting's agenda, "	\
	    "recording each decision", "M")				\
	X(ROLL_CALL, "roll_call", "meeting mode: record who is present",	\
	    "P")							\
	X(IMPACT, "impact", "the recommendation's integrated impact "	\
	    "assessment grid", "I")					\
	X(REPORT, "report", "write the report to Cabinet to a file",	\
	    "R")							\
	/* Reports and exports of the timeline (exportjob.h). */	\
	X(PROGRESS_REPORT, "progress_report", "write the progress "	\
	    "report for a period to a file", "p")			\
	X(EXPORT_TIMELINE, "export_timeline", "export the timeline to "	\
	    "a file: .ics (a calendar), .csv or .md", "x")		\
	X(VIEW_MAIN, "view_main", "commissions, sub-groups, "		\
	    "recommendations", "1")					\
	X(VIEW_BOARD, "view_board", "the stage board", "2")		\
	X(FINAL_STAGES, "final_stages", "stage board: show or hide "	\
	    "the final stages", "F")					\
	X(VIEW_MINE, "view_mine", "my work", "3")			\
	X(VIEW_TIMELINE, "view_timeline", "the timeline", "4")		\
	/* Inside the timeline chart. */				\
	X(TIME_EARLIER, "time_earlier", "timeline: one period earlier",	\
	    "[")							\
	X(TIME_LATER, "time_later", "timeline: one period later", "]")	\
	X(ZOOM_IN, "zoom_in", "timeline: zoom in (quarters, months, "	\
	    "weeks)", "+")						\
	X(ZOOM_OUT, "zoom_out", "timeline: zoom out", "-")		\
	X(TODAY, "today", "timeline: back to today", "t")		\
	X(GROUP_BY, "group_by", "timeline: group by commission, "	\
	    "sub-group or theme", "b")					\
	X(VIEW_PEOPLE, "view_people", "people", "5")			\
	/* Delivery tracking of adopted recommendations. */		\
	X(VIEW_DELIVERY, "view_delivery", "the delivery tracker: "	\
	    "adopted recommendations, red first", "6")			\
	X(PROGRESS, "progress", "record progress on the selected "	\
	    "adopted recommendation", "u")				\
	/* Time in stage and the audit timeline. */			\
	X(SORT_STUCK, "sort_stuck", "recommendations and the board: "	\
	    "stuck longest first (final stages left out), or back", "s") \
	X(VIEW_ACTIVITY, "view_activity", "the audit timeline: who "	\
	    "changed what and when", "7")				\
	X(REDRAW, "redraw", "redraw the screen", "C-l")			\
	/* In a form (the other keys there are the moves and typing). */ \
	X(SAVE, "save", "form: save", "C-x")				\
	X(TAKE_THEIRS, "take_theirs", "form, after someone saved "	\
	    "first: take their version of the field", "C-t")		\
	X(KEEP_YOURS, "keep_yours", "form, after someone saved first: "	\
	    "keep your version of the field", "C-r")

enum action {
#define X(id, name, help, keys) ACTION_##id,
	VM_ACTIONS(X)
#undef X
	ACTION_COUNT,
	ACTION_NONE = -1
};

struct action_info {
	const char *name;	/* as in the config: "move_down" */
	const char *help;	/* for the help screen */
	const char *keys;	/* default keys, space-separated */
};

/* The table row of an action; NULL for an unknown one. */
const struct action_info *action_info(enum action a);
/* By name; ACTION_NONE when unknown. */
enum action action_parse(const char *name);

#endif
