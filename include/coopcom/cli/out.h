/*
 * out.h: writing lists and records for a person or a program.
 *
 * Three formats: an aligned table for people, CSV (RFC 4180, header row)
 * and JSON (an array of objects) for programs. Whatever the format, text
 * from the database is escaped when the output is a terminal, so a value
 * holding an escape sequence shows as "\e[..." and never acts on it.
 * Tables are always escaped.
 */
#ifndef COOPCOM_CLI_OUT_H
#define COOPCOM_CLI_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "coopcom/store/list.h"
#include "coopcom/store/store.h"
#include "coopcom/util/err.h"

enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON };

/* "table", "csv" or "json" (NULL means table). */
int out_parse_format(const char *text, enum out_format *f, struct err *e);

/* Whether FP is a terminal (text then goes through text_escape). */
bool out_is_terminal(FILE *fp);

/* Writes every row of the cursor; 0 or -1. */
int out_cursor(FILE *fp, struct store_cursor *c, enum out_format f,
    struct err *e);

/* Writes one record field by field ("Label: value"), escaped. */
void out_record(FILE *fp, const struct record *r);

/* Writes S escaped for a terminal when FP is one (newlines kept). */
void out_text(FILE *fp, const char *s);

#endif
