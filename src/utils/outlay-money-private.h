/* outlay-money-private.h
 *
 * Copyright 2026 The Outlay authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "outlay-money.h"

G_BEGIN_DECLS

/* What outlay-money.c (locale conventions, affixes, formatting) and
 * outlay-money-expression.c (exact numbers, tokens, the calculation) share. */

/* Decimals allowed on a number inside a calculation ("0.125*3"), as opposed
 * to a single amount, which may not have more than its currency. */
#define OUTLAY_MONEY_MAX_EXPRESSION_DECIMALS 6

typedef enum
{
  OUTLAY_MONEY_SEP_NONE,
  OUTLAY_MONEY_SEP_DOT,
  OUTLAY_MONEY_SEP_COMMA,
  OUTLAY_MONEY_SEP_SPACE,          /* U+0020, U+00A0, U+2007, U+2009, U+202F */
  OUTLAY_MONEY_SEP_APOSTROPHE,     /* ' and U+2019, Swiss grouping */
  OUTLAY_MONEY_SEP_LOCALE_DECIMAL, /* the locale's decimal mark when none of the above */
  OUTLAY_MONEY_SEP_LOCALE_GROUP,   /* the locale's grouping mark when none of the above */
  OUTLAY_MONEY_N_SEPS
} OutlayMoneySep;

typedef struct
{
  char           decimal[8];
  char           group[8];
  OutlayMoneySep decimal_class;
  OutlayMoneySep group_class;
  /* A file's amounts: the decimal mark is known, so a "." or "," that is
   * not it only ever groups, and nothing is ambiguous. */
  gboolean strict;
  gboolean is_c;
  gboolean p_cs_precedes;
  gboolean p_sep_by_space;
  gboolean n_cs_precedes;
  gboolean n_sep_by_space;
} OutlayMoneyConventions;

static inline gboolean
outlay_money_is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x2007 || c == 0x2009 || c == 0x202F;
}

static inline gboolean
outlay_money_is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static inline gboolean
outlay_money_is_minus (gunichar c)
{
  return c == '-' || c == 0x2212;
}

/* The separator that @c always is, whatever the locale. */
static inline OutlayMoneySep
outlay_money_classify_char (gunichar c)
{
  if (c == '.')
    return OUTLAY_MONEY_SEP_DOT;
  if (c == ',')
    return OUTLAY_MONEY_SEP_COMMA;
  if (outlay_money_is_group_space (c))
    return OUTLAY_MONEY_SEP_SPACE;
  if (outlay_money_is_apostrophe (c))
    return OUTLAY_MONEY_SEP_APOSTROPHE;
  return OUTLAY_MONEY_SEP_NONE;
}

static inline guint64
outlay_money_magnitude_of (gint64 value)
{
  /* Safe for G_MININT64, whose negation overflows. */
  return value < 0 ? (guint64) - (value + 1) + 1 : (guint64) value;
}

guint64 outlay_money_power_of_ten (guint exponent);
void    outlay_money_get_conventions (OutlayMoneyConventions *conv);
void    outlay_money_set_out_of_range (GError              **error,
                                       const OutlayCurrency *currency);
void    outlay_money_set_too_precise (GError              **error,
                                      const OutlayCurrency *currency,
                                      gboolean              in_expression);
/* Tokens are an array of an opaque type: numbers (their separators told
 * apart by @conv, their grouping checked), operators and parentheses. */
GArray *outlay_money_tokenize (const OutlayMoneyConventions *conv,
                               const OutlayCurrency         *currency,
                               const char                   *start,
                               const char                   *end,
                               gboolean                      leading_minus,
                               GError                      **error);
/* A calculation (or a single number) as a person types it. */
gboolean outlay_money_evaluate (GArray               *tokens,
                                const OutlayCurrency *currency,
                                gint64               *minor_units,
                                GError              **error);
/* The one number a file holds where an amount is; zeros beyond the
 * currency's decimals change nothing. @text is the whole field, for the
 * message when the tokens are anything else. */
gboolean outlay_money_read_number (GArray               *tokens,
                                   const OutlayCurrency *currency,
                                   const char           *text,
                                   gint64               *minor_units,
                                   GError              **error);

G_END_DECLS
