/*
 * workflow_file.c: reading a recommendation workflow from a libconfig file
 * (see workflow_file.h).
 *
 * libconfig parses; this file maps its settings onto struct workflow and is
 * strict about it, because a misspelt setting that were ignored would quietly
 * remove a rule (who may approve, what a submission needs). Each setting's
 * line goes into the struct so that workflow_validate can point at it too.
 */
#include <errno.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/conf/workflow_file.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"

#define BUILTIN_NAME "built-in workflow"

/* What every step of a load needs to report an error. */
struct load {
	const char *name;	/* the file, for messages */
	struct err *e;
};

static int
bad(const struct load *ld, const config_setting_t *s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
bad(const struct load *ld, const config_setting_t *s, const char *fmt, ...)
{
	const char *file = config_setting_source_file(s);
	struct buf b;
	va_list ap;

	buf_init(&b);
	buf_printf(&b, "%s:%u: ", file != NULL ? file : ld->name,
	    (unsigned)config_setting_source_line(s));
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	err_set(ld->e, ERR_INVALID, "%s", buf_str(&b));
	buf_done(&b);
	return -1;
}

static int
get_string(const struct load *ld, const config_setting_t *s, char **out)
{
	const char *v = config_setting_get_string(s);

	if (config_setting_type(s) != CONFIG_TYPE_STRING || v == NULL)
		return bad(ld, s, "%s must be text in double quotes",
		    config_setting_name(s));
	free(*out);
	*out = x_strdup(v);
	return 0;
}

static int
get_bool(const struct load *ld, const config_setting_t *s, bool *out)
{
	if (config_setting_type(s) != CONFIG_TYPE_BOOL)
		return bad(ld, s, "%s must be true or false",
		    config_setting_name(s));
	*out = config_setting_get_bool(s) != 0;
	return 0;
}

/*
 * Calls EACH on every name in S, which is either one string or an array or
 * list of strings: `roles = "admin";` and `roles = [ "admin" ];` both work.
 */
static int
get_names(const struct load *ld, const config_setting_t *s,
    int (*each)(const struct load *, const config_setting_t *, const char *,
    void *), void *arg)
{
	const config_setting_t *elem;
	int i, n;

	if (config_setting_type(s) == CONFIG_TYPE_STRING)
		return each(ld, s, config_setting_get_string(s), arg);
	if (config_setting_type(s) != CONFIG_TYPE_ARRAY &&
	    config_setting_type(s) != CONFIG_TYPE_LIST)
		return bad(ld, s, "%s must be a name in double quotes or a "
		    "list of them: [ \"a\", \"b\" ]", config_setting_name(s));
	n = config_setting_length(s);
	for (i = 0; i < n; i++) {
		elem = config_setting_get_elem(s, (unsigned)i);
		if (config_setting_type(elem) != CONFIG_TYPE_STRING)
			return bad(ld, elem, "%s must list names in double "
			    "quotes", config_setting_name(s));
		if (each(ld, elem, config_setting_get_string(elem), arg) == -1)
			return -1;
	}
	return 0;
}

static int
add_from(const struct load *ld, const config_setting_t *s, const char *name,
    void *arg)
{
	struct workflow_transition *t = arg;

	(void)ld;
	(void)s;
	t->from = x_realloc(t->from, (t->nfrom + 1) * sizeof *t->from);
	t->from[t->nfrom++] = x_strdup(name);
	return 0;
}

static int
add_role(const struct load *ld, const config_setting_t *s, const char *name,
    void *arg)
{
	unsigned *roles = arg;
	int r = workflow_role_parse(name);

	if (r == -1)
		return bad(ld, s, "unknown role \"%s\"; the roles are "
		    "subgroup_chair, subgroup_member, citizens_rep, secretary, "
		    "commission_chair and admin", name);
	*roles |= WORKFLOW_ROLE_BIT(r);
	return 0;
}

static int
add_guard(const struct load *ld, const config_setting_t *s, const char *name,
    void *arg)
{
	unsigned *guards = arg;
	int g = workflow_guard_parse(name);

	if (g == -1)
		return bad(ld, s, "unknown guard \"%s\"; the guards are term, "
		    "savings, upfront_cost, equality_impact, note and decision",
		    name);
	*guards |= WORKFLOW_GUARD_BIT(g);
	return 0;
}

static int
load_stage(const struct load *ld, const config_setting_t *group,
    struct workflow *wf)
{
	struct workflow_stage st = { .line =
	    config_setting_source_line(group) };
	const config_setting_t *s;
	const char *key;
	int i, rc = 0;

	for (i = 0; rc == 0 && (s = config_setting_get_elem(group,
	    (unsigned)i)) != NULL; i++) {
		key = config_setting_name(s);
		if (strcmp(key, "id") == 0)
			rc = get_string(ld, s, &st.id);
		else if (strcmp(key, "label") == 0)
			rc = get_string(ld, s, &st.label);
		else if (strcmp(key, "initial") == 0)
			rc = get_bool(ld, s, &st.initial);
		else if (strcmp(key, "final") == 0)
			rc = get_bool(ld, s, &st.final);
		else if (strcmp(key, "editable") == 0)
			rc = get_bool(ld, s, &st.editable);
		else if (strcmp(key, "delivery") == 0)
			rc = get_bool(ld, s, &st.delivery);
		else
			rc = bad(ld, s, "unknown setting \"%s\" in a stage; a "
			    "stage has id, label, initial, final, editable and "
			    "delivery", key);
	}
	if (rc == 0)
		workflow_add_stage(wf, &st);
	free(st.id);
	free(st.label);
	return rc;
}

static int
transition_setting(const struct load *ld, const config_setting_t *s,
    struct workflow_transition *t)
{
	const char *key = config_setting_name(s);

	if (strcmp(key, "from") == 0)
		return get_names(ld, s, add_from, t);
	if (strcmp(key, "to") == 0)
		return get_string(ld, s, &t->to);
	if (strcmp(key, "label") == 0)
		return get_string(ld, s, &t->label);
	if (strcmp(key, "roles") == 0)
		return get_names(ld, s, add_role, &t->roles);
	if (strcmp(key, "guards") == 0)
		return get_names(ld, s, add_guard, &t->guards);
	if (strcmp(key, "decision_body") == 0)
		return get_string(ld, s, &t->decision_body);
	if (strcmp(key, "decision_outcome") == 0)
		return get_string(ld, s, &t->decision_outcome);
	if (strcmp(key, "sets_target") == 0)
		return get_bool(ld, s, &t->sets_target);
	return bad(ld, s, "unknown setting \"%s\" in a transition; a "
	    "transition has from, to, label, roles, guards, decision_body, "
	    "decision_outcome and sets_target", key);
}

static int
load_transition(const struct load *ld, const config_setting_t *group,
    struct workflow *wf)
{
	struct workflow_transition t = { .line =
	    config_setting_source_line(group) };
	const config_setting_t *s;
	int i, rc = 0;
	size_t j;

	for (i = 0; rc == 0 && (s = config_setting_get_elem(group,
	    (unsigned)i)) != NULL; i++)
		rc = transition_setting(ld, s, &t);
	if (rc == 0)
		workflow_add_transition(wf, &t);
	for (j = 0; j < t.nfrom; j++)
		free(t.from[j]);
	free(t.from);
	free(t.to);
	free(t.label);
	free(t.decision_body);
	free(t.decision_outcome);
	return rc;
}

/* Loads each group of the list S with LOAD_ONE; WHAT names an element. */
static int
load_list(const struct load *ld, const config_setting_t *s, const char *what,
    int (*load_one)(const struct load *, const config_setting_t *,
    struct workflow *), struct workflow *wf)
{
	const config_setting_t *group;
	int i;

	if (config_setting_type(s) != CONFIG_TYPE_LIST)
		return bad(ld, s, "%s must be a list in parentheses: %s = "
		    "( { ... }, { ... } );", config_setting_name(s),
		    config_setting_name(s));
	for (i = 0; (group = config_setting_get_elem(s, (unsigned)i)) != NULL;
	    i++) {
		if (config_setting_type(group) != CONFIG_TYPE_GROUP)
			return bad(ld, group, "each %s must be a group in "
			    "braces: { ... }", what);
		if (load_one(ld, group, wf) == -1)
			return -1;
	}
	return 0;
}

static int
load_root(const struct load *ld, const config_setting_t *root,
    struct workflow *wf)
{
	const config_setting_t *s;
	const char *key;
	int i, rc = 0;

	for (i = 0; rc == 0 && (s = config_setting_get_elem(root,
	    (unsigned)i)) != NULL; i++) {
		key = config_setting_name(s);
		if (strcmp(key, "stages") == 0) {
			wf->line = config_setting_source_line(s);
			rc = load_list(ld, s, "stage", load_stage, wf);
		} else if (strcmp(key, "transitions") == 0)
			rc = load_list(ld, s, "transition", load_transition,
			    wf);
		else
			rc = bad(ld, s, "unknown setting \"%s\"; a workflow "
			    "file has stages and transitions", key);
	}
	return rc;
}

struct workflow *
workflow_file_load_string(const char *text, const char *name, struct err *e)
{
	struct load ld = { name != NULL ? name : "workflow", e };
	struct workflow *wf = NULL;
	const char *file;
	config_t cfg;

	config_init(&cfg);
	if (config_read_string(&cfg, text) == CONFIG_FALSE) {
		file = config_error_file(&cfg);
		err_set(e, ERR_INVALID, "%s:%d: %s", file != NULL ? file :
		    ld.name, config_error_line(&cfg), config_error_text(&cfg));
		goto out;
	}
	wf = workflow_new(ld.name);
	if (load_root(&ld, config_root_setting(&cfg), wf) == -1 ||
	    workflow_validate(wf, e) == -1) {
		workflow_free(wf);
		wf = NULL;
	}
out:
	config_destroy(&cfg);
	return wf;
}

/* Reads all of PATH into TEXT. */
static int
slurp(const char *path, struct buf *text, struct err *e)
{
	char chunk[8192];
	FILE *fp;
	size_t n;
	int rc = 0;

	if ((fp = fopen(path, "r")) == NULL)
		return err_set(e, ERR_IO, "%s: cannot open the workflow file: "
		    "%s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_addn(text, chunk, n);
	if (ferror(fp))
		rc = err_set(e, ERR_IO, "%s: cannot read the workflow file: "
		    "%s", path, strerror(errno));
	fclose(fp);
	return rc;
}

struct workflow *
workflow_file_load(const char *path, struct err *e)
{
	struct workflow *wf = NULL;
	struct buf text;

	buf_init(&text);
	if (slurp(path, &text, e) == 0)
		wf = workflow_file_load_string(buf_str(&text), path, e);
	buf_done(&text);
	return wf;
}

struct workflow *
workflow_file_load_default(struct err *e)
{
	return workflow_file_load_string(workflow_cfg, BUILTIN_NAME, e);
}
