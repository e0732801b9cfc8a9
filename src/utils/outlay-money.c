/* outlay-money.c
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

#include "config.h"

/* MON_DECIMAL_POINT, P_CS_PRECEDES and friends are GNU names. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <langinfo.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "outlay-money-private.h"

/* Amounts are gint64 counts of minor units, never floating point. This file
 * holds the locale's conventions, the currency around an amount, and
 * formatting; outlay-money-expression.c the exact numbers and calculations. */

#define NBSP "\xc2\xa0" /* U+00A0 NO-BREAK SPACE */

static const guint64 powers_of_ten[] = {
  1,
  10,
  100,
  1000,
  10000,
  100000,
  1000000,
};

/* clang-format off */
G_DEFINE_QUARK (outlay-money-error-quark, outlay_money_error)
/* clang-format on */

guint64
outlay_money_power_of_ten (guint exponent)
{
  g_assert (exponent < G_N_ELEMENTS (powers_of_ten));

  return powers_of_ten[exponent];
}

/* Locale conventions */

static OutlayMoneySep
classify_separator (const char *s)
{
  gunichar c = g_utf8_get_char (s);

  if (s[0] == '\0' || *g_utf8_next_char (s) != '\0')
    return OUTLAY_MONEY_SEP_NONE;

  return outlay_money_classify_char (c);
}

/* nl_langinfo() gives one byte per flag: 0, 1 (2 for sep_by_space), or
 * CHAR_MAX (which may be signed) when the locale does not say. */
static int
langinfo_flag (nl_item item)
{
  guchar value = (guchar) nl_langinfo (item)[0];

  return value <= 2 ? (int) value : -1;
}

static void
copy_separator (char       *dest,
                gsize       dest_size,
                const char *value,
                const char *fallback)
{
  /* A separator that is not UTF-8 comes from a legacy codeset; in the
   * ISO 8859 ones the only non-ASCII separator is a no-break space. */
  if (value[0] == '\0')
    g_strlcpy (dest, fallback, dest_size);
  else if (!g_utf8_validate (value, -1, NULL) || strlen (value) >= dest_size)
    g_strlcpy (dest, NBSP, dest_size);
  else
    g_strlcpy (dest, value, dest_size);
}

/* Reads the conventions of the calling thread's locale: nl_langinfo()
 * follows uselocale(). The monetary marks win over the numeric ones. In the
 * C and POSIX locales, which have neither a monetary decimal mark nor any
 * grouping, the decimal mark is RADIXCHAR (".") and the grouping mark is ","
 * (or "." if the decimal mark is ","), so that what the formatter writes
 * there is read back the same. */
void
outlay_money_get_conventions (OutlayMoneyConventions *conv)
{
  const char *decimal = nl_langinfo (MON_DECIMAL_POINT);
  const char *group = nl_langinfo (MON_THOUSANDS_SEP);
  int         p_cs_precedes = langinfo_flag (P_CS_PRECEDES);
  int         p_sep_by_space = langinfo_flag (P_SEP_BY_SPACE);
  int         n_cs_precedes = langinfo_flag (N_CS_PRECEDES);
  int         n_sep_by_space = langinfo_flag (N_SEP_BY_SPACE);

  conv->strict = FALSE;

  if (decimal[0] == '\0')
    decimal = nl_langinfo (RADIXCHAR);
  copy_separator (conv->decimal, sizeof conv->decimal, decimal, ".");

  if (group[0] == '\0')
    group = nl_langinfo (THOUSEP);
  copy_separator (conv->group, sizeof conv->group, group,
                  g_str_equal (conv->decimal, ",") ? "." : ",");

  conv->decimal_class = classify_separator (conv->decimal);
  if (conv->decimal_class == OUTLAY_MONEY_SEP_NONE)
    conv->decimal_class = OUTLAY_MONEY_SEP_LOCALE_DECIMAL;
  conv->group_class = classify_separator (conv->group);
  if (conv->group_class == OUTLAY_MONEY_SEP_NONE)
    conv->group_class = OUTLAY_MONEY_SEP_LOCALE_GROUP;

  if (conv->group_class == conv->decimal_class)
    {
      /* A locale whose marks clash cannot be read back; use the
       * other of "." and "," for grouping. */
      g_strlcpy (conv->group, conv->decimal_class == OUTLAY_MONEY_SEP_COMMA ? "." : ",", sizeof conv->group);
      conv->group_class = conv->decimal_class == OUTLAY_MONEY_SEP_COMMA ? OUTLAY_MONEY_SEP_DOT : OUTLAY_MONEY_SEP_COMMA;
    }

  conv->is_c = p_cs_precedes < 0;
  conv->p_cs_precedes = p_cs_precedes != 0;
  conv->p_sep_by_space = p_sep_by_space > 0;
  conv->n_cs_precedes = n_cs_precedes < 0 ? conv->p_cs_precedes : n_cs_precedes != 0;
  conv->n_sep_by_space = n_sep_by_space < 0 ? conv->p_sep_by_space : n_sep_by_space > 0;
}

/* Formatting */

static const OutlayCurrency *
currency_or_warn (const char *code)
{
  const OutlayCurrency *currency = outlay_currency_lookup (code);

  if (currency == NULL)
    g_critical ("Unknown currency “%s”", code);

  return currency;
}

/* CLDR's currency spacing: a symbol whose end touching the number is a
 * letter or punctuation ("CHF", "kr", "лв.") gets a space even where the
 * locale puts "$" right next to the digits. */
static gboolean
is_symbol (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
      return TRUE;

    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
    default:
      return FALSE;
    }
}

static void
append_number (GString    *out,
               guint64     magnitude,
               guint       exponent,
               const char *decimal,
               const char *group)
{
  guint64 scale = outlay_money_power_of_ten (exponent);
  char    digits[24];
  int     n_digits;

  n_digits = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude / scale);

  for (int i = 0; i < n_digits; i++)
    {
      if (group != NULL && i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }

  if (exponent > 0)
    {
      g_string_append (out, decimal);
      g_string_append_printf (out, "%0*" G_GUINT64_FORMAT, (int) exponent, magnitude % scale);
    }
}

/**
 * outlay_money_format:
 * @minor_units: the amount
 * @currency: a code in the table
 *
 * Formats an amount for display in the calling thread's locale: its
 * monetary decimal mark and grouping mark (in groups of three), the
 * currency's own number of decimals and the table's symbol, placed before
 * or after the number as p_cs_precedes (n_cs_precedes for negative amounts)
 * says. A space (U+00A0) separates symbol and number when p_sep_by_space
 * asks for one, or when the symbol would otherwise touch the digits with a
 * letter or punctuation ("CHF 12.50", "лв. 12.50"; but "CA$12.50"). A negative amount starts with "-" whatever the
 * locale's sign position: "-€12.50", "-12,50 €".
 *
 * In the C and POSIX locales, which have no monetary conventions, the
 * result is "." for decimals, "," for grouping and the symbol before the
 * number: a one-character symbol without a space ("€1,234.56"), otherwise
 * the code and an ordinary space ("CHF 12.50", "CAD 12.50").
 *
 * Whatever this returns, outlay_money_parse() reads back in the same locale.
 *
 * Returns: (transfer full): the text, or %NULL if @currency is unknown
 */
char *
outlay_money_format (gint64      minor_units,
                     const char *currency)
{
  const OutlayCurrency  *cur;
  OutlayMoneyConventions conv;
  g_autoptr (GString) number = g_string_new (NULL);
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean    negative = minor_units < 0;
  const char *symbol;
  const char *space = "";
  gboolean    precedes;

  g_return_val_if_fail (currency != NULL, NULL);

  cur = currency_or_warn (currency);
  if (cur == NULL)
    return NULL;

  outlay_money_get_conventions (&conv);
  append_number (number, outlay_money_magnitude_of (minor_units), cur->exponent, conv.decimal, conv.group);

  if (conv.is_c)
    {
      precedes = TRUE;
      if (g_utf8_strlen (cur->symbol, -1) == 1)
        {
          symbol = cur->symbol;
        }
      else
        {
          symbol = cur->code;
          space = " ";
        }
    }
  else
    {
      gboolean sep_by_space = negative ? conv.n_sep_by_space : conv.p_sep_by_space;
      gunichar touching;

      precedes = negative ? conv.n_cs_precedes : conv.p_cs_precedes;
      symbol = cur->symbol;

      if (precedes)
        touching = g_utf8_get_char (g_utf8_prev_char (symbol + strlen (symbol)));
      else
        touching = g_utf8_get_char (symbol);

      if (sep_by_space || !is_symbol (touching))
        space = NBSP;
    }

  if (negative)
    g_string_append_c (out, '-');

  if (precedes)
    {
      g_string_append (out, symbol);
      g_string_append (out, space);
      g_string_append_len (out, number->str, number->len);
    }
  else
    {
      g_string_append_len (out, number->str, number->len);
      g_string_append (out, space);
      g_string_append (out, symbol);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * outlay_money_format_expense:
 * @minor_units: an expense's amount: money spent, or a refund when negative
 * @currency: a code in the table
 *
 * An expense's amount as a list shows it: money spent as
 * outlay_money_format() writes it ("€12.50"), and a refund, money back, with
 * a plus sign before the amount it gave back ("+€12.50", "+12,50 €"), since
 * it adds to what is left rather than to what was spent.
 *
 * Returns: (transfer full): the text, or %NULL if @currency is unknown
 */
char *
outlay_money_format_expense (gint64      minor_units,
                             const char *currency)
{
  g_autofree char *magnitude = NULL;

  g_return_val_if_fail (currency != NULL, NULL);

  if (minor_units >= 0)
    return outlay_money_format (minor_units, currency);

  /* A refund is never larger than OUTLAY_MONEY_MAX, so it negates. */
  magnitude = outlay_money_format (minor_units == G_MININT64 ? G_MAXINT64 : -minor_units, currency);
  if (magnitude == NULL)
    return NULL;

  return g_strconcat ("+", magnitude, NULL);
}

/**
 * outlay_money_format_plain:
 * @minor_units: the amount
 * @currency: a code in the table
 *
 * The locale-independent form for CSV and the command line: an optional
 * "-", the digits without grouping, "." and exactly the currency's number of
 * decimals ("1234.56", "-0.05", "1250" for JPY, "1.234" for BHD).
 * outlay_money_parse_plain() reads it back.
 *
 * Returns: (transfer full): the text, or %NULL if @currency is unknown
 */
char *
outlay_money_format_plain (gint64      minor_units,
                           const char *currency)
{
  const OutlayCurrency *cur;
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (currency != NULL, NULL);

  cur = currency_or_warn (currency);
  if (cur == NULL)
    return NULL;

  if (minor_units < 0)
    g_string_append_c (out, '-');
  append_number (out, outlay_money_magnitude_of (minor_units), cur->exponent, ".", NULL);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Errors */

void
outlay_money_set_out_of_range (GError              **error,
                               const OutlayCurrency *currency)
{
  g_autofree char *max = outlay_money_format (OUTLAY_MONEY_MAX, currency->code);

  g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_OUT_OF_RANGE,
               _("The amount is too large; the largest possible is %s"), max);
}

void
outlay_money_set_too_precise (GError              **error,
                              const OutlayCurrency *currency,
                              gboolean              in_expression)
{
  if (in_expression)
    g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_TOO_PRECISE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Numbers in a calculation can have at most %d decimal",
                              "Numbers in a calculation can have at most %d decimals",
                              OUTLAY_MONEY_MAX_EXPRESSION_DECIMALS),
                 OUTLAY_MONEY_MAX_EXPRESSION_DECIMALS);
  else if (currency->exponent == 0)
    g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_TOO_PRECISE,
                 _("Amounts in %s cannot have decimals"), currency->code);
  else
    g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_TOO_PRECISE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Amounts in %s can have at most %u decimal",
                              "Amounts in %s can have at most %u decimals",
                              currency->exponent),
                 currency->code, currency->exponent);
}

/* Currency symbols and codes around the amount */

typedef struct
{
  gsize    len;         /* bytes of the longest match; 0 for none */
  gboolean is_currency; /* it stands for the expected currency */
  char     other[4];    /* another currency it stands for */
  gboolean other_is_unique;
  gboolean is_code; /* the match is an ISO code, not a symbol */
} Affix;

static void
consider_affix (Affix      *affix,
                const char *s,
                gsize       s_len,
                gboolean    at_end,
                const char *candidate,
                gboolean    ignore_case,
                const char *codes,
                const char *currency)
{
  gsize       len = strlen (candidate);
  const char *at = at_end ? s + s_len - len : s;

  if (len > s_len || len < affix->len)
    return;

  if (ignore_case ? g_ascii_strncasecmp (at, candidate, len) != 0
                  : strncmp (at, candidate, len) != 0)
    return;

  if (len > affix->len)
    *affix = (Affix){ len, FALSE, "", FALSE, FALSE };

  /* A code and a symbol may be the same text ("CHF"). */
  affix->is_code |= ignore_case;

  for (const char *code = codes; *code != '\0'; code += (code[3] == ' ') ? 4 : 3)
    {
      if (strncmp (code, currency, 3) == 0)
        {
          affix->is_currency = TRUE;
        }
      else if (affix->other[0] == '\0')
        {
          memcpy (affix->other, code, 3);
          affix->other_is_unique = TRUE;
        }
      else if (strncmp (affix->other, code, 3) != 0)
        {
          affix->other_is_unique = FALSE;
        }
    }
}

/* Finds the longest currency code (in any case), symbol or alias at the
 * start or the end of [s, s + s_len). */
static void
find_affix (const char *s,
            gsize       s_len,
            gboolean    at_end,
            const char *currency,
            Affix      *affix)
{
  const OutlayCurrency      *currencies;
  const OutlayCurrencyAlias *aliases;
  guint                      n_currencies;
  guint                      n_aliases;

  *affix = (Affix){ 0, FALSE, "", FALSE, FALSE };

  currencies = outlay_currency_get_all (&n_currencies);
  for (guint i = 0; i < n_currencies; i++)
    {
      consider_affix (affix, s, s_len, at_end, currencies[i].code, TRUE, currencies[i].code, currency);
      consider_affix (affix, s, s_len, at_end, currencies[i].symbol, FALSE, currencies[i].code, currency);
    }

  aliases = outlay_currency_get_aliases (&n_aliases);
  for (guint i = 0; i < n_aliases; i++)
    consider_affix (affix, s, s_len, at_end, aliases[i].symbol, FALSE, aliases[i].codes, currency);
}

static void
trim (const char **start,
      const char **end)
{
  while (*start < *end && g_unichar_isspace (g_utf8_get_char (*start)))
    *start = g_utf8_next_char (*start);

  while (*end > *start)
    {
      const char *last = g_utf8_prev_char (*end);

      if (!g_unichar_isspace (g_utf8_get_char (last)))
        break;
      *end = last;
    }
}

static gboolean
check_affix (const Affix          *affix,
             const char           *start,
             const OutlayCurrency *currency,
             GError              **error)
{
  g_autofree char *text = NULL;

  if (affix->len == 0 || affix->is_currency)
    return TRUE;

  if (affix->other_is_unique)
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH,
                   _("The amount is in %s, not in %s"), affix->other, currency->code);
      return FALSE;
    }

  text = g_strndup (start, affix->len);
  g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH,
               _("“%s” does not stand for %s"), text, currency->code);
  return FALSE;
}

static const OutlayCurrency *
lookup_currency (const char *code,
                 GError    **error)
{
  const OutlayCurrency *currency = outlay_currency_lookup (code);

  if (currency == NULL)
    g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY,
                 _("“%s” is not a known currency"), code);

  return currency;
}

static gboolean
validate_text (const char *text,
               GError    **error)
{
  if (g_utf8_validate (text, -1, NULL))
    return TRUE;

  g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
               _("The amount contains bytes that are not text"));
  return FALSE;
}

/**
 * outlay_money_parse:
 * @text: what a person typed
 * @currency: the code of the amount's currency
 * @minor_units: (out) (optional): the amount
 * @error: a #GError
 *
 * Reads an amount typed in the calling thread's locale (uselocale()
 * respected).
 *
 * Spaces (also U+00A0 and U+202F) around it are ignored. A currency symbol,
 * alias or code may come before or after it ("€ 12.50", "12,50 €",
 * "EUR 12.50", "$3"), and a "-" may precede everything ("-€12.50"); a symbol
 * of another currency is %OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH.
 *
 * In each number, the decimal and grouping marks are told apart like this:
 *  - when both "." and "," appear, the last one is the decimal mark, and
 *    must appear only once; the other groups;
 *  - a mark that appears more than once groups ("1,234,567");
 *  - spaces and apostrophes only ever group ("1 234,50", "1'234.50");
 *  - a single "." or "," that is followed by exactly three digits and
 *    preceded by one to three digits not starting with 0 ("1,234") groups
 *    if it is the locale's grouping mark, is the decimal mark if it is the
 *    locale's decimal mark, and otherwise is
 *    %OUTLAY_MONEY_ERROR_AMBIGUOUS ("1.234" in fr_FR);
 *  - any other single "." or "," is the decimal mark ("12,50" and
 *    "12.50" in every locale; ".5" and "5." too).
 * Grouping must be well formed: one to three digits, then groups of exactly
 * three. A lone amount may have at most the currency's decimals
 * (%OUTLAY_MONEY_ERROR_TOO_PRECISE); trailing zeros count.
 *
 * Arithmetic is allowed: "+", "-", "*" or "×", "/" or "÷", parentheses and
 * unary signs with the usual precedence. It is computed exactly and the
 * result rounded half to even to the currency's minor unit; numbers in a
 * calculation may have up to six decimals. A "-" before a leading currency
 * symbol is the sign of the first number ("-€3+4" is 1).
 *
 * The absolute result must not exceed %OUTLAY_MONEY_MAX; intermediate
 * results only need to fit the arithmetic.
 *
 * Returns: %TRUE on success; on failure @minor_units is left alone
 */
gboolean
outlay_money_parse (const char *text,
                    const char *currency,
                    gint64     *minor_units,
                    GError    **error)
{
  const OutlayCurrency  *cur;
  OutlayMoneyConventions conv;
  const char            *start;
  const char            *end;
  gboolean               leading_minus = FALSE;
  Affix                  prefix;
  Affix                  suffix;
  const char            *prefix_start;
  const char            *suffix_start;
  g_autoptr (GArray) tokens = NULL;
  gint64 result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cur = lookup_currency (currency, error);
  if (cur == NULL)
    return FALSE;

  if (!validate_text (text, error))
    return FALSE;

  outlay_money_get_conventions (&conv);

  start = text;
  end = text + strlen (text);
  trim (&start, &end);

  /* "-€12.50": the sign goes with the number after the symbol. */
  if (start < end && outlay_money_is_minus (g_utf8_get_char (start)))
    {
      const char *after = g_utf8_next_char (start);

      trim (&after, &end);
      find_affix (after, end - after, FALSE, cur->code, &prefix);
      if (prefix.len > 0)
        {
          leading_minus = TRUE;
          start = after;
        }
    }
  else
    {
      /* "+€12.50", as a refund is shown: the plus sign changes nothing. */
      const char *after = start + 1;

      if (start < end && *start == '+')
        trim (&after, &end);
      if (start < end && *start == '+' && after < end)
        start = after;
      find_affix (start, end - start, FALSE, cur->code, &prefix);
    }

  prefix_start = start;
  start += prefix.len;
  trim (&start, &end);

  find_affix (start, end - start, TRUE, cur->code, &suffix);
  end -= suffix.len;
  suffix_start = end;
  trim (&start, &end);

  if (start == end)
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_EMPTY,
                   _("Enter an amount"));
      return FALSE;
    }

  if (prefix.len > 0 && suffix.len > 0)
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("Write the currency only once, before or after the amount"));
      return FALSE;
    }

  tokens = outlay_money_tokenize (&conv, cur, start, end, leading_minus, error);
  if (tokens == NULL)
    return FALSE;

  if (!check_affix (&prefix, prefix_start, cur, error) ||
      !check_affix (&suffix, suffix_start, cur, error))
    return FALSE;

  if (!outlay_money_evaluate (tokens, cur, &result, error))
    return FALSE;

  if (minor_units != NULL)
    *minor_units = result;

  return TRUE;
}

/* A file's conventions: its decimal mark, and the other of "." and ","
 * (besides spaces and apostrophes) for grouping. */
static void
get_file_conventions (OutlayMoneyConventions *conv,
                      char                    decimal_separator)
{
  gboolean comma = decimal_separator == ',';

  g_assert (decimal_separator == '.' || decimal_separator == ',');

  *conv = (OutlayMoneyConventions){ { 0 } };
  conv->decimal[0] = decimal_separator;
  conv->group[0] = comma ? '.' : ',';
  conv->decimal_class = comma ? OUTLAY_MONEY_SEP_COMMA : OUTLAY_MONEY_SEP_DOT;
  conv->group_class = comma ? OUTLAY_MONEY_SEP_DOT : OUTLAY_MONEY_SEP_COMMA;
  conv->strict = TRUE;
}

static gboolean
fail_not_an_amount (const char *text,
                    GError    **error)
{
  g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
               _("“%s” is not an amount."), text);
  return FALSE;
}

/* The currency written next to a file's amount becomes the amount's when
 * it names one: a code, or a symbol only one currency uses ("£"). A symbol
 * of several that does not stand for @currency ("$" in a ledger in euros)
 * is taken for the ledger's, as banks write their own. */
static void
resolve_written_currency (const Affix           *affix,
                          const OutlayCurrency **currency,
                          const char           **code)
{
  g_assert (affix->len > 0);

  if (affix->is_currency)
    {
      if (affix->is_code)
        *code = (*currency)->code;
    }
  else if (affix->other_is_unique)
    {
      *currency = outlay_currency_lookup (affix->other);
      *code = (*currency)->code;
    }
}

static gboolean
read_decimal (const char  *text,
              char         decimal_separator,
              const char  *currency,
              gint64      *minor_units,
              const char **code,
              GError     **error)
{
  const OutlayCurrency  *cur;
  OutlayMoneyConventions conv;
  const char            *start = text;
  const char            *end = text + strlen (text);
  const char            *written_code = NULL;
  gboolean               negative = FALSE;
  gboolean               have_sign = FALSE;
  gboolean               have_parens = FALSE;
  gboolean               have_currency = FALSE;
  g_autoptr (GArray) tokens = NULL;
  gint64 value;

  cur = lookup_currency (currency, error);
  if (cur == NULL || !validate_text (text, error))
    return FALSE;

  get_file_conventions (&conv, decimal_separator);

  trim (&start, &end);
  if (start == end)
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_EMPTY,
                   _("The amount is missing."));
      return FALSE;
    }

  /* Peel off, in any order, one sign or a pair of parentheses (accounting's
   * negative) and one currency: "-€12.50", "€-12.50", "($1,234.56)",
   * "12,50-", "EUR -3,20". */
  for (;;)
    {
      gunichar first;
      gunichar last;
      Affix    affix;

      trim (&start, &end);
      if (start == end)
        break;

      first = g_utf8_get_char (start);
      last = g_utf8_get_char (g_utf8_prev_char (end));

      if (first == '(' && last == ')' && end - start >= 2)
        {
          if (have_sign || have_parens)
            return fail_not_an_amount (text, error);
          have_parens = negative = TRUE;
          start++;
          end--;
          continue;
        }

      if (first == '+' || outlay_money_is_minus (first))
        {
          if (have_sign || have_parens)
            return fail_not_an_amount (text, error);
          have_sign = TRUE;
          negative = first != '+';
          start = g_utf8_next_char (start);
          continue;
        }

      if (outlay_money_is_minus (last) && g_utf8_prev_char (end) > start)
        {
          if (have_sign || have_parens)
            return fail_not_an_amount (text, error);
          have_sign = negative = TRUE;
          end = g_utf8_prev_char (end);
          continue;
        }

      if (have_currency)
        break;

      find_affix (start, end - start, FALSE, cur->code, &affix);
      if (affix.len > 0)
        {
          start += affix.len;
        }
      else
        {
          find_affix (start, end - start, TRUE, cur->code, &affix);
          end -= affix.len;
        }

      if (affix.len == 0)
        break;

      have_currency = TRUE;
      resolve_written_currency (&affix, &cur, &written_code);
    }

  if (start == end)
    return fail_not_an_amount (text, error);

  tokens = outlay_money_tokenize (&conv, cur, start, end, FALSE, error);
  if (tokens == NULL || !outlay_money_read_number (tokens, cur, text, &value, error))
    return FALSE;

  if (minor_units != NULL)
    *minor_units = negative ? -value : value;
  if (code != NULL)
    *code = written_code;

  return TRUE;
}

/* Whether @text is an amount with @decimal_separator, however many
 * decimals it has and however large it is. */
static gboolean
has_amount_shape (const char *text,
                  char        decimal_separator,
                  const char *currency)
{
  g_autoptr (GError) error = NULL;

  if (read_decimal (text, decimal_separator, currency, NULL, NULL, &error))
    return TRUE;

  return error->code != OUTLAY_MONEY_ERROR_INVALID &&
         error->code != OUTLAY_MONEY_ERROR_EMPTY;
}

/**
 * outlay_money_parse_decimal:
 * @text: an amount as a bank statement or a spreadsheet writes it
 * @decimal_separator: '.' or ','
 * @currency: the code of the amount's currency unless @text names another
 * @minor_units: (out) (optional): the amount
 * @code: (out) (optional) (nullable): the code of the currency written
 *   next to the amount, or %NULL when none was, or a symbol of @currency
 * @error: a #GError
 *
 * Reads an amount from a file, whose decimal mark is known instead of the
 * locale's: the other of "." and ",", spaces (U+00A0, U+202F too) and
 * apostrophes group, in groups of three ("-1.234,56", "1'234.50"). A sign
 * before or after the number, or parentheses around it, make it negative
 * ("12,50-", "(12.50)"). A currency code or symbol may come before or
 * after it; a code, or a symbol only one currency uses, names the
 * amount's currency ("12.50 USD"), whose decimals then apply. Zeros beyond
 * the currency's decimals change nothing ("1500.00" yen). No arithmetic.
 *
 * The messages are outlay_money_parse()'s, so that one mistake reads the
 * same in the editor and in an import.
 *
 * Returns: %TRUE on success; on failure @minor_units and @code are left
 *   alone
 */
gboolean
outlay_money_parse_decimal (const char  *text,
                            char         decimal_separator,
                            const char  *currency,
                            gint64      *minor_units,
                            const char **code,
                            GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  char other = decimal_separator == ',' ? '.' : ',';

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (decimal_separator == '.' || decimal_separator == ',', FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (read_decimal (text, decimal_separator, currency, minor_units, code, &local_error))
    return TRUE;

  /* "12.50" where the file's decimal mark is ",": the separator chosen is
   * what is wrong, not the amount. */
  if (g_error_matches (local_error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID) &&
      has_amount_shape (text, other, currency))
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount with “%c” as the decimal separator."),
                      text, decimal_separator);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * outlay_money_parse_plain:
 * @text: text in the form outlay_money_format_plain() writes
 * @currency: the code of the amount's currency
 * @minor_units: (out) (optional): the amount
 * @error: a #GError
 *
 * Reads the locale-independent form of CSV files and the command line: an
 * optional "-", digits, and optionally "." followed by at most the
 * currency's number of decimals. No spaces, grouping, symbols or
 * arithmetic.
 *
 * Returns: %TRUE on success; on failure @minor_units is left alone
 */
gboolean
outlay_money_parse_plain (const char *text,
                          const char *currency,
                          gint64     *minor_units,
                          GError    **error)
{
  const OutlayCurrency *cur;
  const char           *p = text;
  gboolean              negative = FALSE;
  guint                 int_digits = 0;
  guint                 decimals = 0;
  guint64               value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cur = lookup_currency (currency, error);
  if (cur == NULL)
    return FALSE;

  if (*p == '\0')
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_EMPTY,
                   _("Enter an amount"));
      return FALSE;
    }

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  for (; g_ascii_isdigit (*p); p++)
    {
      int_digits++;
      value = value * 10 + (guint64) (*p - '0');
      if (value > (guint64) OUTLAY_MONEY_MAX)
        goto out_of_range;
    }

  if (*p == '.' && int_digits > 0 && g_ascii_isdigit (p[1]))
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++decimals > cur->exponent)
            {
              outlay_money_set_too_precise (error, cur, FALSE);
              return FALSE;
            }
          value = value * 10 + (guint64) (*p - '0');
          if (value > (guint64) OUTLAY_MONEY_MAX)
            goto out_of_range;
        }
    }

  if (*p != '\0' || int_digits == 0)
    {
      g_autofree char *quoted = g_utf8_validate (text, -1, NULL) ? g_strdup (text)
                                                                 : g_strescape (text, NULL);

      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount such as 1234.50"), quoted);
      return FALSE;
    }

  /* The digits so far are minor units times 10^(missing decimals). */
  for (; decimals < cur->exponent; decimals++)
    {
      value *= 10;
      if (value > (guint64) OUTLAY_MONEY_MAX)
        goto out_of_range;
    }

  if (minor_units != NULL)
    *minor_units = negative ? -(gint64) value : (gint64) value;

  return TRUE;

out_of_range:
  outlay_money_set_out_of_range (error, cur);
  return FALSE;
}
