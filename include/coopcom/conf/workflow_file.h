/*
 * workflow_file.h: reading a recommendation workflow from a libconfig file.
 *
 * The file has two lists, stages and transitions; data/workflow.cfg is the
 * default and documents every setting. Loading checks everything a person
 * could get wrong: syntax, setting names (a typo such as "rolse" is an
 * error, never a rule silently dropped), types, role and guard names, and
 * then the workflow's soundness (workflow_validate). Every error is one line,
 * "FILE:LINE: reason", ERR_INVALID (ERR_IO when the file cannot be read).
 */
#ifndef COOPCOM_CONF_WORKFLOW_FILE_H
#define COOPCOM_CONF_WORKFLOW_FILE_H

#include "coopcom/core/workflow.h"
#include "coopcom/util/err.h"

/* The default workflow, compiled in from data/workflow.cfg. */
extern const char workflow_cfg[];

/* Loads and validates the file at PATH; NULL with E filled on failure. */
struct workflow *workflow_file_load(const char *path, struct err *e);

/*
 * Loads and validates TEXT; NAME stands for the file in messages and in the
 * workflow's source. NULL with E filled on failure.
 */
struct workflow *workflow_file_load_string(const char *text, const char *name,
    struct err *e);

/* Loads the compiled-in default (workflow_cfg) as "built-in workflow". */
struct workflow *workflow_file_load_default(struct err *e);

#endif
