/*
 * money.h: sums of money as integer pence.
 *
 * Savings and up-front costs are pounds and pence. They are held as int64_t
 * pence, never as floating point, so totals add up exactly.
 *
 * Written forms money_parse accepts (blanks before and after are ignored):
 *
 *   15000  15000.5  15000.50     digits, then at most two decimals
 *   £15,000  £1,234.50  £0.99    a "£" sign; thousands separated by commas
 *                                in groups of exactly three
 *   -5  -£5.00                   negative, only with MONEY_ALLOW_NEGATIVE;
 *                                the minus sign comes first
 *
 * It rejects, each with its own message: empty text, more than two
 * decimals ("12.345"), badly placed commas ("£1,23", "1,2345", ",100"),
 * a point with no digit before or after it (".5", "12."), a plus sign,
 * anything else around or inside the number ("£15k", "GBP 10", "1 000",
 * "£-5", "1.2.3"), and amounts above MONEY_MAX_PENCE.
 */
#ifndef COOPCOM_CORE_MONEY_H
#define COOPCOM_CORE_MONEY_H

#include <stddef.h>
#include <stdint.h>

struct err;

/* Lets money_parse accept a leading minus sign. */
#define MONEY_ALLOW_NEGATIVE 0x1

/* £999,999,999,999,999.99: the largest amount money_parse accepts. */
#define MONEY_MAX_PENCE INT64_C(99999999999999999)

/* Room for any int64_t formatted by money_format, NUL included. */
#define MONEY_FORMAT_MAX 32

/*
 * Reads an amount written as above into *pence. Returns 0, or -1 with
 * ERR_INVALID in *e and *pence untouched.
 */
int money_parse(
    const char *text, int64_t *pence, unsigned flags, struct err *e);

/*
 * Writes pence as "£1,234.50" ("-£5.00" when negative) and a NUL into out.
 * Returns the bytes written, not counting the NUL, or -1 when outsz is too
 * small (out then holds ""; nothing when outsz is 0). Every int64_t,
 * INT64_MIN included, fits in MONEY_FORMAT_MAX bytes.
 */
int money_format(int64_t pence, char *out, size_t outsz);

/*
 * As money_format, but plain decimal text for CSV and JSON: "1234.50",
 * "-5.00", no sign of currency and no separators.
 */
int money_format_plain(int64_t pence, char *out, size_t outsz);

#endif
