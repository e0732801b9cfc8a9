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

#include "outlay-money.h"

/* Amounts are gint64 counts of minor units. Nothing here uses floating
 * point: literals are read digit by digit into exact fractions, arithmetic
 * is done on reduced fractions of checked gint64s, and the result is rounded
 * half-even to the currency's minor unit only once, at the end. */

/* Decimals allowed on a number inside a calculation ("0.125*3"), as opposed
 * to a single amount, which may not have more than its currency. */
#define MAX_EXPRESSION_DECIMALS 6

/* Parentheses and unary signs nest at most this deep. */
#define MAX_EXPRESSION_DEPTH 64

#define NBSP "\xc2\xa0" /* U+00A0 NO-BREAK SPACE */

/* Sorted by code: outlay_currency_lookup() bisects it. The terminating
 * entry is not counted by outlay_currency_get_all(). Symbols that would be
 * ambiguous or right-to-left in a mixed string use the code. */
static const OutlayCurrency currencies[] = {
  { "AED", "AED", 2 },
  { "AUD", "A$", 2 },
  { "BGN", "лв.", 2 },
  { "BHD", "BHD", 3 },
  { "BRL", "R$", 2 },
  { "CAD", "CA$", 2 },
  { "CHF", "CHF", 2 },
  { "CLP", "CLP$", 0 },
  { "CNY", "CN¥", 2 },
  { "CZK", "Kč", 2 },
  { "DKK", "kr.", 2 },
  { "EGP", "E£", 2 },
  { "EUR", "€", 2 },
  { "GBP", "£", 2 },
  { "GEL", "₾", 2 },
  { "HKD", "HK$", 2 },
  { "HUF", "Ft", 2 },
  { "IDR", "Rp", 2 },
  { "ILS", "₪", 2 },
  { "INR", "₹", 2 },
  { "IQD", "IQD", 3 },
  { "ISK", "kr", 0 },
  { "JOD", "JOD", 3 },
  { "JPY", "¥", 0 },
  { "KRW", "₩", 0 },
  { "KWD", "KWD", 3 },
  { "KZT", "₸", 2 },
  { "LYD", "LYD", 3 },
  { "MAD", "MAD", 2 },
  { "MXN", "MX$", 2 },
  { "MYR", "RM", 2 },
  { "NGN", "₦", 2 },
  { "NOK", "kr", 2 },
  { "NZD", "NZ$", 2 },
  { "OMR", "OMR", 3 },
  { "PHP", "₱", 2 },
  { "PKR", "Rs", 2 },
  { "PLN", "zł", 2 },
  { "QAR", "QAR", 2 },
  { "RON", "lei", 2 },
  { "RUB", "₽", 2 },
  { "SAR", "SAR", 2 },
  { "SEK", "kr", 2 },
  { "SGD", "S$", 2 },
  { "THB", "฿", 2 },
  { "TND", "TND", 3 },
  { "TRY", "₺", 2 },
  { "TWD", "NT$", 2 },
  { "UAH", "₴", 2 },
  { "USD", "$", 2 },
  { "VND", "₫", 0 },
  { "ZAR", "R", 2 },
  { NULL, NULL, 0 }
};

/* Other ways people write a currency, accepted by the parser only (the
 * formatter always writes the table's symbol). Codes are space separated. */
static const struct
{
  const char *symbol;
  const char *codes;
} currency_aliases[] = {
  { "$", "USD AUD BRL CAD CLP HKD MXN NZD SGD TWD" },
  { "US$", "USD" },
  { "AU$", "AUD" },
  { "C$", "CAD" },
  { "¥", "CNY" },
  { "￥", "JPY CNY" }, /* U+FFE5, glibc's ja_JP symbol */
  { "円", "JPY" },
  { "元", "CNY" },
  { "RMB", "CNY" },
  { "￦", "KRW" },
  { "원", "KRW" },
  { "Fr.", "CHF" },
  { "SFr.", "CHF" },
  { "kr", "DKK" },
  { "kr.", "ISK NOK SEK" },
  { "Rs", "INR" },
  { "Rs.", "INR PKR" },
  { "TL", "TRY" },
  { "NIS", "ILS" },
  { "грн", "UAH" },
  { "руб.", "RUB" },
};

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

/* Locale conventions */

typedef enum
{
  SEP_NONE,
  SEP_DOT,
  SEP_COMMA,
  SEP_SPACE,          /* U+0020, U+00A0, U+2007, U+2009, U+202F */
  SEP_APOSTROPHE,     /* ' and U+2019, Swiss grouping */
  SEP_LOCALE_DECIMAL, /* the locale's decimal mark when none of the above */
  SEP_LOCALE_GROUP,   /* the locale's grouping mark when none of the above */
  N_SEPS
} SepClass;

typedef struct
{
  char     decimal[8];
  char     group[8];
  SepClass decimal_class;
  SepClass group_class;
  gboolean is_c;
  gboolean p_cs_precedes;
  gboolean p_sep_by_space;
  gboolean n_cs_precedes;
  gboolean n_sep_by_space;
} Conventions;

static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x2007 || c == 0x2009 || c == 0x202F;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_minus (gunichar c)
{
  return c == '-' || c == 0x2212;
}

static SepClass
classify_separator (const char *s)
{
  gunichar c = g_utf8_get_char (s);

  if (s[0] == '\0' || *g_utf8_next_char (s) != '\0')
    return SEP_NONE;
  if (c == '.')
    return SEP_DOT;
  if (c == ',')
    return SEP_COMMA;
  if (is_group_space (c))
    return SEP_SPACE;
  if (is_apostrophe (c))
    return SEP_APOSTROPHE;
  return SEP_NONE;
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
static void
get_conventions (Conventions *conv)
{
  const char *decimal = nl_langinfo (MON_DECIMAL_POINT);
  const char *group = nl_langinfo (MON_THOUSANDS_SEP);
  int         p_cs_precedes = langinfo_flag (P_CS_PRECEDES);
  int         p_sep_by_space = langinfo_flag (P_SEP_BY_SPACE);
  int         n_cs_precedes = langinfo_flag (N_CS_PRECEDES);
  int         n_sep_by_space = langinfo_flag (N_SEP_BY_SPACE);

  if (decimal[0] == '\0')
    decimal = nl_langinfo (RADIXCHAR);
  copy_separator (conv->decimal, sizeof conv->decimal, decimal, ".");

  if (group[0] == '\0')
    group = nl_langinfo (THOUSEP);
  copy_separator (conv->group, sizeof conv->group, group,
                  g_str_equal (conv->decimal, ",") ? "." : ",");

  conv->decimal_class = classify_separator (conv->decimal);
  if (conv->decimal_class == SEP_NONE)
    conv->decimal_class = SEP_LOCALE_DECIMAL;
  conv->group_class = classify_separator (conv->group);
  if (conv->group_class == SEP_NONE)
    conv->group_class = SEP_LOCALE_GROUP;

  if (conv->group_class == conv->decimal_class)
    {
      /* A locale whose marks clash cannot be read back; use the
       * other of "." and "," for grouping. */
      g_strlcpy (conv->group, conv->decimal_class == SEP_COMMA ? "." : ",", sizeof conv->group);
      conv->group_class = conv->decimal_class == SEP_COMMA ? SEP_DOT : SEP_COMMA;
    }

  conv->is_c = p_cs_precedes < 0;
  conv->p_cs_precedes = p_cs_precedes != 0;
  conv->p_sep_by_space = p_sep_by_space > 0;
  conv->n_cs_precedes = n_cs_precedes < 0 ? conv->p_cs_precedes : n_cs_precedes != 0;
  conv->n_sep_by_space = n_sep_by_space < 0 ? conv->p_sep_by_space : n_sep_by_space > 0;
}

/* Which separator, if any, starts at @p; *len gets its length in bytes. */
static SepClass
separator_at (const Conventions *conv,
              const char        *p,
              const char        *end,
              gsize             *len)
{
  gunichar c;

  if (conv->decimal_class == SEP_LOCALE_DECIMAL &&
      (gsize) (end - p) >= strlen (conv->decimal) &&
      strncmp (p, conv->decimal, strlen (conv->decimal)) == 0)
    {
      *len = strlen (conv->decimal);
      return SEP_LOCALE_DECIMAL;
    }

  if (conv->group_class == SEP_LOCALE_GROUP &&
      (gsize) (end - p) >= strlen (conv->group) &&
      strncmp (p, conv->group, strlen (conv->group)) == 0)
    {
      *len = strlen (conv->group);
      return SEP_LOCALE_GROUP;
    }

  c = g_utf8_get_char (p);
  *len = g_utf8_next_char (p) - p;

  if (c == '.')
    return SEP_DOT;
  if (c == ',')
    return SEP_COMMA;
  if (is_group_space (c))
    return SEP_SPACE;
  if (is_apostrophe (c))
    return SEP_APOSTROPHE;
  return SEP_NONE;
}

static gboolean
sep_can_be_decimal (SepClass sep)
{
  return sep == SEP_DOT || sep == SEP_COMMA || sep == SEP_LOCALE_DECIMAL;
}

/* Currency table */

static int
compare_currency (const void *key,
                  const void *element)
{
  return strcmp (key, ((const OutlayCurrency *) element)->code);
}

/**
 * outlay_currency_lookup:
 * @code: (nullable): an ISO 4217 code in upper case, e.g. "EUR"
 *
 * Returns: (nullable): the table entry for @code, or %NULL when @code is
 *   %NULL or not in the table (the comparison is case-sensitive)
 */
const OutlayCurrency *
outlay_currency_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  return bsearch (code, currencies, G_N_ELEMENTS (currencies) - 1,
                  sizeof currencies[0], compare_currency);
}

gboolean
outlay_currency_is_valid (const char *code)
{
  return outlay_currency_lookup (code) != NULL;
}

/**
 * outlay_currency_get_all:
 * @n_currencies: (out) (optional): the number of currencies
 *
 * Returns: the static currency table, sorted by code and terminated by an
 *   entry whose code is %NULL
 */
const OutlayCurrency *
outlay_currency_get_all (guint *n_currencies)
{
  if (n_currencies != NULL)
    *n_currencies = G_N_ELEMENTS (currencies) - 1;

  return currencies;
}

/**
 * outlay_currency_for_locale:
 *
 * The currency of the calling thread's LC_MONETARY (its int_curr_symbol).
 *
 * Returns: a code in the table. "USD" for the C and POSIX locales, which
 *   name no currency, and for a locale whose currency the table lacks: the
 *   C locale's number conventions are the American ones, and a fixed,
 *   documented answer beats a guess.
 */
const char *
outlay_currency_for_locale (void)
{
  g_autofree char      *code = g_strstrip (g_strdup (nl_langinfo (INT_CURR_SYMBOL)));
  const OutlayCurrency *currency = outlay_currency_lookup (code);

  if (currency != NULL)
    return currency->code;

  return "USD";
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

static guint64
magnitude_of (gint64 value)
{
  /* Safe for G_MININT64, whose negation overflows. */
  return value < 0 ? (guint64) - (value + 1) + 1 : (guint64) value;
}

static void
append_number (GString    *out,
               guint64     magnitude,
               guint       exponent,
               const char *decimal,
               const char *group)
{
  guint64 scale = powers_of_ten[exponent];
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
  const OutlayCurrency *cur;
  Conventions           conv;
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

  get_conventions (&conv);
  append_number (number, magnitude_of (minor_units), cur->exponent, conv.decimal, conv.group);

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
  append_number (out, magnitude_of (minor_units), cur->exponent, ".", NULL);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Exact fractions */

/* Always reduced, den > 0, and neither part is G_MININT64, so that negation
 * and ABS() are safe. */
typedef struct
{
  gint64 num;
  gint64 den;
} Rational;

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;

      a = b;
      b = t;
    }

  return a;
}

/* The __builtin_*_overflow() checks are in GCC and Clang, the compilers
 * Outlay supports; they work for gint64 on every architecture, unlike
 * __int128. Each returns FALSE on overflow. */
static gboolean
rational_make (gint64    num,
               gint64    den,
               Rational *out)
{
  gint64 g;

  g_assert (den != 0);

  if (num == G_MININT64 || den == G_MININT64)
    return FALSE;

  if (den < 0)
    {
      num = -num;
      den = -den;
    }

  g = gcd64 (ABS (num), den);
  out->num = num / g;
  out->den = den / g;

  return TRUE;
}

static gboolean
rational_add (Rational  a,
              Rational  b,
              Rational *out)
{
  gint64 g = gcd64 (a.den, b.den);
  gint64 x, y, num, den;

  if (__builtin_mul_overflow (a.num, b.den / g, &x) ||
      __builtin_mul_overflow (b.num, a.den / g, &y) ||
      __builtin_add_overflow (x, y, &num) ||
      __builtin_mul_overflow (a.den, b.den / g, &den))
    return FALSE;

  return rational_make (num, den, out);
}

static gboolean
rational_mul (Rational  a,
              Rational  b,
              Rational *out)
{
  gint64 g1 = gcd64 (ABS (a.num), b.den);
  gint64 g2 = gcd64 (ABS (b.num), a.den);
  gint64 num, den;

  /* g1 and g2 are 0 only if a numerator and the other denominator are; a
   * denominator never is. */
  if (__builtin_mul_overflow (a.num / g1, b.num / g2, &num) ||
      __builtin_mul_overflow (a.den / g2, b.den / g1, &den))
    return FALSE;

  return rational_make (num, den, out);
}

static Rational
rational_negate (Rational a)
{
  a.num = -a.num;

  return a;
}

/* Rounds half to even to @exponent decimals, as minor units. Long division
 * one decimal at a time; the remainder's ten-fold is built by repeated
 * addition modulo the denominator so that nothing overflows however large
 * the denominator is. FALSE if the result exceeds OUTLAY_MONEY_MAX. */
static gboolean
rational_to_minor_units (Rational value,
                         guint    exponent,
                         gint64  *out)
{
  guint64 den = (guint64) value.den;
  guint64 magnitude = magnitude_of (value.num);
  guint64 result = magnitude / den;
  guint64 rest = magnitude % den;

  for (guint i = 0; i < exponent; i++)
    {
      guint64 digit = 0;
      guint64 acc = 0;

      for (guint k = 0; k < 10; k++)
        {
          if (acc >= den - rest)
            {
              acc -= den - rest;
              digit++;
            }
          else
            {
              acc += rest;
            }
        }

      if (__builtin_mul_overflow (result, 10, &result) ||
          __builtin_add_overflow (result, digit, &result))
        return FALSE;

      rest = acc;
    }

  /* rest/den is the discarded fraction of a minor unit; compare it with
   * one half without computing 2 * rest. */
  if (rest > den - rest || (rest == den - rest && (result & 1) != 0))
    result++;

  if (result > (guint64) OUTLAY_MONEY_MAX)
    return FALSE;

  *out = value.num < 0 ? -(gint64) result : (gint64) result;

  return TRUE;
}

/* Errors */

static void
set_out_of_range (GError              **error,
                  const OutlayCurrency *currency)
{
  g_autofree char *max = outlay_money_format (OUTLAY_MONEY_MAX, currency->code);

  g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_OUT_OF_RANGE,
               _("The amount is too large; the largest possible is %s"), max);
}

static void
set_too_precise (GError              **error,
                 const OutlayCurrency *currency,
                 gboolean              in_expression)
{
  if (in_expression)
    g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_TOO_PRECISE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Numbers in a calculation can have at most %d decimal",
                              "Numbers in a calculation can have at most %d decimals",
                              MAX_EXPRESSION_DECIMALS),
                 MAX_EXPRESSION_DECIMALS);
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

static void
set_malformed (GError    **error,
               const char *start,
               gsize       len)
{
  g_autofree char *text = g_strndup (start, len);

  g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
               _("“%s” is not a well-formed number: after a thousands separator come groups of exactly three digits"),
               text);
}

/* Tokens */

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_PLUS,
  TOKEN_MINUS,
  TOKEN_TIMES,
  TOKEN_DIVIDE,
  TOKEN_OPEN,
  TOKEN_CLOSE,
} TokenType;

typedef struct
{
  TokenType   type;
  Rational    value;    /* numbers only */
  guint       decimals; /* numbers only: digits written after the decimal mark */
  const char *start;    /* in the input, for messages; NULL for an implied sign */
  gsize       len;
} Token;

typedef struct
{
  const char *digits;
  gsize       n_digits;
  SepClass    sep_before;
} NumberPart;

/* Decides which separator of a number is the decimal mark and which the
 * grouping mark (see outlay_money_parse()), and checks the grouping.
 * Returns the index of the part after the decimal mark, or n_parts if
 * there is none, or -1 with @error set. */
static int
find_decimal_part (const Conventions *conv,
                   const NumberPart  *parts,
                   guint              n_parts,
                   const char        *start,
                   gsize              len,
                   GError           **error)
{
  guint    counts[N_SEPS] = { 0 };
  guint    n_decimal_classes = 0;
  guint    n_group_only_classes = 0;
  SepClass last_decimal_capable = SEP_NONE;
  SepClass decimal = SEP_NONE;
  guint    int_end;

  for (guint i = 1; i < n_parts; i++)
    {
      SepClass sep = parts[i].sep_before;

      if (counts[sep]++ == 0)
        {
          if (sep_can_be_decimal (sep))
            n_decimal_classes++;
          else
            n_group_only_classes++;
        }

      if (sep_can_be_decimal (sep))
        last_decimal_capable = sep;
    }

  if (n_decimal_classes > 2 || n_group_only_classes > 1 ||
      (n_decimal_classes == 2 && n_group_only_classes > 0))
    {
      g_autofree char *text = g_strndup (start, len);

      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("“%s” mixes different thousands separators"), text);
      return -1;
    }

  if (n_decimal_classes == 2)
    {
      /* "1.234,50", "1,234.50": the last mark is the decimal one. */
      decimal = last_decimal_capable;
    }
  else if (n_decimal_classes == 1 && n_group_only_classes == 1)
    {
      /* "1 234,50" */
      decimal = last_decimal_capable;
    }
  else if (n_decimal_classes == 1 && counts[last_decimal_capable] > 1)
    {
      /* "1,234,567": repeated marks group; the locale's own decimal mark
       * (when it is neither "." nor ",") never does. */
      if (last_decimal_capable == SEP_LOCALE_DECIMAL)
        decimal = SEP_LOCALE_DECIMAL;
    }
  else if (n_decimal_classes == 1)
    {
      SepClass sep = last_decimal_capable;
      gboolean could_group = sep != SEP_LOCALE_DECIMAL &&
                             parts[1].n_digits == 3 &&
                             parts[0].n_digits >= 1 && parts[0].n_digits <= 3 &&
                             parts[0].digits[0] != '0';

      /* One mark followed by exactly three digits: "1,234", "1.234". */
      if (!could_group)
        {
          decimal = sep;
        }
      else if (sep == conv->group_class)
        {
          decimal = SEP_NONE;
        }
      else if (sep == conv->decimal_class)
        {
          decimal = sep;
        }
      else
        {
          g_autofree char *text = g_strndup (start, len);
          g_autofree char *mark = g_strndup (parts[1].digits - 1, 1);

          g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_AMBIGUOUS,
                       _("In “%s” it is unclear whether “%s” separates thousands or decimals; write the decimals after “%s”, or leave out the thousands separator"),
                       text, mark, conv->decimal);
          return -1;
        }
    }

  if (decimal != SEP_NONE)
    {
      if (counts[decimal] > 1)
        {
          g_autofree char *text = g_strndup (start, len);

          g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                       _("“%s” has more than one decimal mark"), text);
          return -1;
        }

      if (parts[n_parts - 1].sep_before != decimal)
        {
          set_malformed (error, start, len);
          return -1;
        }

      int_end = n_parts - 1;
    }
  else
    {
      int_end = n_parts;
    }

  if (int_end > 1)
    {
      gboolean ok = parts[0].n_digits >= 1 && parts[0].n_digits <= 3 &&
                    parts[0].digits[0] != '0';

      for (guint i = 1; i < int_end; i++)
        ok = ok && parts[i].n_digits == 3;

      if (!ok)
        {
          set_malformed (error, start, len);
          return -1;
        }
    }

  return (int) int_end;
}

/* Reads the number at *pp into @token. A number is digits with separators
 * between them; "." and "," may also lead or trail (".5", "5."), spaces and
 * apostrophes only sit between digits. */
static gboolean
lex_number (const Conventions    *conv,
            const OutlayCurrency *currency,
            const char          **pp,
            const char           *end,
            Token                *token,
            GError              **error)
{
  g_autoptr (GArray) parts = g_array_new (FALSE, FALSE, sizeof (NumberPart));
  NumberPart        part = { *pp, 0, SEP_NONE };
  const char       *start = *pp;
  const char       *p = *pp;
  gboolean          after_digit = FALSE;
  const NumberPart *all;
  int               decimal_part;
  gint64            num = 0;
  gsize             len;

  while (p < end)
    {
      SepClass sep;
      gsize    sep_len;
      gboolean before_digit;

      if (g_ascii_isdigit (*p))
        {
          part.n_digits++;
          after_digit = TRUE;
          p++;
          continue;
        }

      sep = separator_at (conv, p, end, &sep_len);
      if (sep == SEP_NONE)
        break;

      before_digit = p + sep_len < end && g_ascii_isdigit (p[sep_len]);
      if (sep_can_be_decimal (sep) ? !(after_digit || before_digit) : !(after_digit && before_digit))
        break;

      g_array_append_val (parts, part);
      part.digits = p + sep_len;
      part.n_digits = 0;
      part.sep_before = sep;
      after_digit = FALSE;
      p += sep_len;
    }

  g_array_append_val (parts, part);
  len = p - start;
  *pp = p;

  all = (const NumberPart *) (gpointer) parts->data;
  decimal_part = find_decimal_part (conv, all, parts->len, start, len, error);
  if (decimal_part < 0)
    return FALSE;

  token->type = TOKEN_NUMBER;
  token->start = start;
  token->len = len;
  token->decimals = (guint) decimal_part < parts->len ? all[decimal_part].n_digits : 0;
  token->value.num = 0;
  token->value.den = 1;

  for (guint i = 0; i < parts->len; i++)
    {
      const NumberPart *np = &all[i];

      /* Decimals beyond what a calculation allows are reported later,
       * when it is known whether this number stands alone. */
      if ((int) i == decimal_part && np->n_digits > MAX_EXPRESSION_DECIMALS)
        return TRUE;

      for (gsize k = 0; k < np->n_digits; k++)
        {
          if (__builtin_mul_overflow (num, 10, &num) ||
              __builtin_add_overflow (num, np->digits[k] - '0', &num))
            {
              set_out_of_range (error, currency);
              return FALSE;
            }
        }
    }

  if (!rational_make (num, (gint64) powers_of_ten[token->decimals], &token->value))
    {
      set_out_of_range (error, currency);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_operator_char (gunichar c)
{
  return c == '+' || is_minus (c) || c == '*' || c == 0x00D7 ||
         c == '/' || c == 0x00F7 || c == '(' || c == ')';
}

static GArray *
tokenize (const Conventions    *conv,
          const OutlayCurrency *currency,
          const char           *p,
          const char           *end,
          gboolean              leading_minus,
          GError              **error)
{
  g_autoptr (GArray) tokens = g_array_new (FALSE, TRUE, sizeof (Token));

  if (leading_minus)
    {
      Token token = { TOKEN_MINUS, { 0, 1 }, 0, NULL, 0 };

      g_array_append_val (tokens, token);
    }

  while (p < end)
    {
      gunichar    c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      Token       token = { TOKEN_NUMBER, { 0, 1 }, 0, p, next - p };
      gsize       sep_len;

      if (g_unichar_isspace (c))
        {
          p = next;
          continue;
        }

      if (g_ascii_isdigit (*p) ||
          (sep_can_be_decimal (separator_at (conv, p, end, &sep_len)) &&
           p + sep_len < end && g_ascii_isdigit (p[sep_len])))
        {
          if (!lex_number (conv, currency, &p, end, &token, error))
            return NULL;
          g_assert (p > token.start);
          g_array_append_val (tokens, token);
          continue;
        }

      if (c == '+')
        token.type = TOKEN_PLUS;
      else if (is_minus (c))
        token.type = TOKEN_MINUS;
      else if (c == '*' || c == 0x00D7)
        token.type = TOKEN_TIMES;
      else if (c == '/' || c == 0x00F7)
        token.type = TOKEN_DIVIDE;
      else if (c == '(')
        token.type = TOKEN_OPEN;
      else if (c == ')')
        token.type = TOKEN_CLOSE;
      else
        {
          const char      *q = p;
          g_autofree char *text = NULL;

          /* Quote the whole run of stray characters: "abc", "e", "XYZ". */
          while (q < end)
            {
              gunichar d = g_utf8_get_char (q);

              if (g_unichar_isspace (d) || g_ascii_isdigit (*q) ||
                  is_operator_char (d) || d == '.' || d == ',')
                break;
              q = g_utf8_next_char (q);
            }

          text = g_strndup (p, MAX (q - p, next - p));
          g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                       _("“%s” is not allowed in an amount"), text);
          return NULL;
        }

      g_array_append_val (tokens, token);
      p = next;
    }

  return g_steal_pointer (&tokens);
}

/* Expression parser: recursive descent with the usual precedence.
 *
 *   expr    = term { ("+" | "-") term }
 *   term    = unary { ("*" | "×" | "/" | "÷") unary }
 *   unary   = ("+" | "-") unary | primary
 *   primary = number | "(" expr ")"
 */

typedef struct
{
  const Token          *tokens;
  guint                 n_tokens;
  guint                 pos;
  guint                 depth;
  const OutlayCurrency *currency;
  GError              **error;
} Parser;

static gboolean parse_expr (Parser   *parser,
                            Rational *out);

static const Token *
peek (Parser *parser)
{
  return parser->pos < parser->n_tokens ? &parser->tokens[parser->pos] : NULL;
}

static gboolean
fail_unexpected (Parser *parser)
{
  const Token *token = peek (parser);

  if (token == NULL)
    {
      g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("The calculation is incomplete"));
    }
  else if (token->type == TOKEN_NUMBER || token->type == TOKEN_OPEN)
    {
      g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("An operator such as “+” is missing in the calculation"));
    }
  else if (token->type == TOKEN_CLOSE)
    {
      g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("A “)” has no matching “(”"));
    }
  else
    {
      g_autofree char *text = g_strndup (token->start, token->len);

      g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("“%s” is out of place in the calculation"), text);
    }

  return FALSE;
}

static gboolean
fail_out_of_range (Parser *parser)
{
  set_out_of_range (parser->error, parser->currency);
  return FALSE;
}

static gboolean
enter (Parser *parser)
{
  if (++parser->depth > MAX_EXPRESSION_DEPTH)
    {
      g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("The calculation is nested too deeply"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_primary (Parser   *parser,
               Rational *out)
{
  const Token *token = peek (parser);

  if (token != NULL && token->type == TOKEN_NUMBER)
    {
      *out = token->value;
      parser->pos++;
      return TRUE;
    }

  if (token != NULL && token->type == TOKEN_OPEN)
    {
      parser->pos++;
      if (!enter (parser) || !parse_expr (parser, out))
        return FALSE;
      parser->depth--;

      token = peek (parser);
      if (token == NULL || token->type != TOKEN_CLOSE)
        {
          g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                       _("A “(” is not closed"));
          return FALSE;
        }
      parser->pos++;
      return TRUE;
    }

  return fail_unexpected (parser);
}

static gboolean
parse_unary (Parser   *parser,
             Rational *out)
{
  const Token *token = peek (parser);

  if (token != NULL && (token->type == TOKEN_PLUS || token->type == TOKEN_MINUS))
    {
      parser->pos++;
      if (!enter (parser) || !parse_unary (parser, out))
        return FALSE;
      parser->depth--;

      if (token->type == TOKEN_MINUS)
        *out = rational_negate (*out);
      return TRUE;
    }

  return parse_primary (parser, out);
}

static gboolean
parse_term (Parser   *parser,
            Rational *out)
{
  const Token *token;

  if (!parse_unary (parser, out))
    return FALSE;

  while ((token = peek (parser)) != NULL &&
         (token->type == TOKEN_TIMES || token->type == TOKEN_DIVIDE))
    {
      Rational rhs;

      parser->pos++;
      if (!parse_unary (parser, &rhs))
        return FALSE;

      if (token->type == TOKEN_DIVIDE)
        {
          if (rhs.num == 0)
            {
              g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_DIVISION_BY_ZERO,
                           _("The calculation divides by zero"));
              return FALSE;
            }

          /* The reciprocal; both parts are within range already. */
          rhs = (Rational){ rhs.num < 0 ? -rhs.den : rhs.den, ABS (rhs.num) };
        }

      if (!rational_mul (*out, rhs, out))
        return fail_out_of_range (parser);
    }

  return TRUE;
}

static gboolean
parse_expr (Parser   *parser,
            Rational *out)
{
  const Token *token;

  if (!parse_term (parser, out))
    return FALSE;

  while ((token = peek (parser)) != NULL &&
         (token->type == TOKEN_PLUS || token->type == TOKEN_MINUS))
    {
      Rational rhs;

      parser->pos++;
      if (!parse_term (parser, &rhs))
        return FALSE;

      if (token->type == TOKEN_MINUS)
        rhs = rational_negate (rhs);

      if (!rational_add (*out, rhs, out))
        return fail_out_of_range (parser);
    }

  return TRUE;
}

/* Currency symbols and codes around the amount */

typedef struct
{
  gsize    len;         /* bytes of the longest match; 0 for none */
  gboolean is_currency; /* it stands for the expected currency */
  char     other[4];    /* another currency it stands for */
  gboolean other_is_unique;
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
    *affix = (Affix){ len, FALSE, "", FALSE };

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
  *affix = (Affix){ 0, FALSE, "", FALSE };

  for (guint i = 0; currencies[i].code != NULL; i++)
    {
      consider_affix (affix, s, s_len, at_end, currencies[i].code, TRUE, currencies[i].code, currency);
      consider_affix (affix, s, s_len, at_end, currencies[i].symbol, FALSE, currencies[i].code, currency);
    }

  for (guint i = 0; i < G_N_ELEMENTS (currency_aliases); i++)
    consider_affix (affix, s, s_len, at_end, currency_aliases[i].symbol, FALSE, currency_aliases[i].codes, currency);
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
  const OutlayCurrency *cur;
  Conventions           conv;
  const char           *start;
  const char           *end;
  gboolean              leading_minus = FALSE;
  gboolean              single_number;
  guint                 n_numbers = 0;
  Affix                 prefix;
  Affix                 suffix;
  const char           *prefix_start;
  const char           *suffix_start;
  g_autoptr (GArray) tokens = NULL;
  Parser   parser;
  Rational value;
  gint64   result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cur = outlay_currency_lookup (currency);
  if (cur == NULL)
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY,
                   _("“%s” is not a known currency"), currency);
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("The amount contains bytes that are not text"));
      return FALSE;
    }

  get_conventions (&conv);

  start = text;
  end = text + strlen (text);
  trim (&start, &end);

  /* "-€12.50": the sign goes with the number after the symbol. */
  if (start < end && is_minus (g_utf8_get_char (start)))
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

  tokens = tokenize (&conv, cur, start, end, leading_minus, error);
  if (tokens == NULL)
    return FALSE;

  if (!check_affix (&prefix, prefix_start, cur, error) ||
      !check_affix (&suffix, suffix_start, cur, error))
    return FALSE;

  for (guint i = 0; i < tokens->len; i++)
    if (g_array_index (tokens, Token, i).type == TOKEN_NUMBER)
      n_numbers++;
  single_number = n_numbers == 1;

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      if (token->type != TOKEN_NUMBER)
        continue;

      if (single_number && token->decimals > cur->exponent)
        {
          set_too_precise (error, cur, FALSE);
          return FALSE;
        }

      if (!single_number && token->decimals > MAX_EXPRESSION_DECIMALS)
        {
          set_too_precise (error, cur, TRUE);
          return FALSE;
        }
    }

  parser = (Parser){
    (const Token *) (gpointer) tokens->data, tokens->len, 0, 0, cur, error
  };

  if (!parse_expr (&parser, &value))
    return FALSE;

  if (parser.pos < parser.n_tokens)
    return fail_unexpected (&parser);

  if (!rational_to_minor_units (value, cur->exponent, &result))
    {
      set_out_of_range (error, cur);
      return FALSE;
    }

  if (minor_units != NULL)
    *minor_units = result;

  return TRUE;
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

  cur = outlay_currency_lookup (currency);
  if (cur == NULL)
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY,
                   _("“%s” is not a known currency"), currency);
      return FALSE;
    }

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
              set_too_precise (error, cur, FALSE);
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
  set_out_of_range (error, cur);
  return FALSE;
}
