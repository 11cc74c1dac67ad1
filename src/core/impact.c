/*
 * impact.c: the headings of the integrated impact assessment grid.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopcom/core/impact.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/text.h"

static const struct impact_heading headings[IMPACT_HEADINGS] = {
	{ "finance", "Finance (value for money)", IMPACT_ECONOMIC },
	{ "other_departments", "Other departments and services e.g. office "
	    "facilities, customer contact", IMPACT_ECONOMIC },
	{ "ict", "ICT services", IMPACT_ECONOMIC },
	{ "economic_development", "Economic development", IMPACT_ECONOMIC },
	{ "financial_inclusion", "Financial inclusion", IMPACT_ECONOMIC },
	{ "safeguarding", "Safeguarding children and adults", IMPACT_SOCIAL },
	{ "crime_disorder", "S17 crime and disorder act 1998", IMPACT_SOCIAL },
	{ "human_rights", "Human Rights Act 1998", IMPACT_SOCIAL },
	{ "health_wellbeing", "Health and well being", IMPACT_SOCIAL },
	{ "cohesion", "Relations between groups (cohesion)",
	    IMPACT_EQUALITY },
	{ "discrimination", "Eliminating discrimination & harassment",
	    IMPACT_EQUALITY },
	{ "equality_opportunity", "Advancing equality of opportunity",
	    IMPACT_EQUALITY },
	{ "transportation", "Transportation", IMPACT_ENVIRONMENTAL },
	{ "environment", "Natural and built environment",
	    IMPACT_ENVIRONMENTAL },
	{ "waste", "Waste minimisation & resource use", IMPACT_ENVIRONMENTAL },
	{ "pollution", "Pollution", IMPACT_ENVIRONMENTAL },
	{ "procurement", "Sustainable procurement", IMPACT_ENVIRONMENTAL },
	{ "energy_climate", "Energy and climate change",
	    IMPACT_ENVIRONMENTAL },
	{ "risk", "Risk management", IMPACT_RISK },
};

static const char *const group_labels[IMPACT_GROUP_COUNT] = {
	"Economic", "Social", "Equality and diversity", "Environmental",
	"Risk"
};

static const char *const rating_names[IMPACT_RATING_COUNT] = {
	"", "neutral", "positive", "negative"
};

const struct impact_heading *
impact_heading(size_t i)
{
	return i < IMPACT_HEADINGS ? &headings[i] : NULL;
}

static int
heading_number(const char *text)
{
	const char *p;
	int n = 0;

	for (p = text; *p; p++) {
		if (!isdigit((unsigned char)*p) || n > IMPACT_HEADINGS)
			return -1;
		n = n * 10 + (*p - '0');
	}
	return *text != '\0' && n >= 1 && n <= IMPACT_HEADINGS ? n - 1 : -1;
}

int
impact_heading_find(const char *text, struct err *e)
{
	char *t = text_trim(text);
	struct buf ids;
	size_t i;
	int n = heading_number(t);

	for (i = 0; n < 0 && i < IMPACT_HEADINGS; i++)
		if (strcasecmp(t, headings[i].id) == 0 ||
		    strcasecmp(t, headings[i].label) == 0)
			n = (int)i;
	if (n >= 0) {
		free(t);
		return n;
	}
	buf_init(&ids);
	for (i = 0; i < IMPACT_HEADINGS; i++)
		buf_printf(&ids, "%s%s", i ? ", " : "", headings[i].id);
	err_set(e, ERR_INVALID, "\"%s\" is not a heading of the impact "
	    "assessment; the headings are: %s (or their number, 1 to %d)", t,
	    buf_str(&ids), IMPACT_HEADINGS);
	buf_done(&ids);
	free(t);
	return -1;
}

const char *
impact_group_label(enum impact_group g)
{
	return (unsigned)g < IMPACT_GROUP_COUNT ? group_labels[g] : "";
}

const char *
impact_rating_name(enum impact_rating r)
{
	return (unsigned)r < IMPACT_RATING_COUNT ? rating_names[r] : "";
}

int
impact_rating_parse(const char *text, enum impact_rating *r, struct err *e)
{
	static const struct {
		const char *word;
		enum impact_rating r;
	} words[] = {
		{ "neutral", IMPACT_NEUTRAL }, { "neu", IMPACT_NEUTRAL },
		{ "0", IMPACT_NEUTRAL }, { "=", IMPACT_NEUTRAL },
		{ "positive", IMPACT_POSITIVE }, { "pos", IMPACT_POSITIVE },
		{ "+", IMPACT_POSITIVE },
		{ "negative", IMPACT_NEGATIVE }, { "neg", IMPACT_NEGATIVE },
		{ "-", IMPACT_NEGATIVE },
	};
	char *t = text_trim(text);
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strcasecmp(t, words[i].word) == 0) {
			*r = words[i].r;
			free(t);
			return 0;
		}
	}
	err_set(e, ERR_INVALID, "an impact is rated neutral, positive or "
	    "negative, not \"%s\"", t);
	free(t);
	return -1;
}
