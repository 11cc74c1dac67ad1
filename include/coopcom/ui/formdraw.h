/*
 * formdraw.h: painting the open form or chooser (vm/writer.h) over the
 * screen, and the cursor.
 *
 * A form is a boxed window: a label column (a "*" marks what is
 * required), the values (long text wrapped, every value scrolled so the
 * cursor stays in view), what is wrong with a field under it, both
 * versions after a conflict, the form's message, the focused field's
 * help and the keys. All text goes through text_escape before it is
 * measured or drawn. The cursor is placed where typing goes, at the
 * display column of the text before it (wide characters count two).
 */
#ifndef COOPCOM_UI_FORMDRAW_H
#define COOPCOM_UI_FORMDRAW_H

#include "coopcom/vm/app.h"

/*
 * Draws the open form and chooser, if any, over what is on the screen,
 * and shows the cursor where typing goes (in a form or on a line
 * prompt) or hides it. Call last, just before refresh.
 */
void formdraw_overlay(struct app *app);

/* A chooser over the middle of the screen, as the forms' choosers are
 * drawn; for the other drawing modules. */
void formdraw_chooser(struct chooser *c);

#endif
