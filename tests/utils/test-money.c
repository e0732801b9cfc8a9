/* test-money.c
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

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "outlay-money.h"

/* Each table row names its locale; the test switches the calling thread
 * to it with newlocale() + uselocale(), which is what nl_langinfo() and so
 * the money code follow. Results are compared as one string that names the
 * row, so that a failure says which row broke. */

#define EN "en_US.UTF-8"
#define DE "de_DE.UTF-8"
#define FR "fr_FR.UTF-8"
#define JA "ja_JP.UTF-8"
#define C_ "C"

#define NBSP "\xc2\xa0"      /* U+00A0 */
#define NNBSP "\xe2\x80\xaf" /* U+202F, glibc's fr_FR grouping */

#define MONEY_MAX OUTLAY_MONEY_MAX

static const char *const all_locales[] = { C_, EN, DE, FR, JA };

static locale_t
enter_locale (const char *name)
{
  locale_t loc = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (loc == (locale_t) 0)
    {
      g_test_fail_printf ("The locale %s is not installed. Run build-aux/install-deps "
                          "(as root, or with sudo) to generate it, then run the tests again.",
                          name);
      return (locale_t) 0;
    }

  uselocale (loc);
  return loc;
}

static void
leave_locale (locale_t loc)
{
  uselocale (LC_GLOBAL_LOCALE);
  freelocale (loc);
}

static const char *
error_name (int code)
{
  switch ((OutlayMoneyError) code)
    {
    case OUTLAY_MONEY_ERROR_EMPTY:
      return "EMPTY";
    case OUTLAY_MONEY_ERROR_INVALID:
      return "INVALID";
    case OUTLAY_MONEY_ERROR_AMBIGUOUS:
      return "AMBIGUOUS";
    case OUTLAY_MONEY_ERROR_TOO_PRECISE:
      return "TOO_PRECISE";
    case OUTLAY_MONEY_ERROR_OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case OUTLAY_MONEY_ERROR_DIVISION_BY_ZERO:
      return "DIVISION_BY_ZERO";
    case OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY:
      return "UNKNOWN_CURRENCY";
    case OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH:
      return "CURRENCY_MISMATCH";
    default:
      return "(not an OutlayMoneyError)";
    }
}

/* "de_DE.UTF-8 EUR «1.234,50» → 123450" or "… → TOO_PRECISE". */
static char *
describe (const char *locale,
          const char *currency,
          const char *text,
          gboolean    ok,
          gint64      value,
          int         error_code)
{
  if (ok)
    return g_strdup_printf ("%s %s «%s» → %" G_GINT64_FORMAT, locale, currency, text, value);
  else
    return g_strdup_printf ("%s %s «%s» → %s", locale, currency, text, error_name (error_code));
}

/* Parses in the current locale and describes the outcome; checks that a
 * failure sets a non-empty message in the right domain and leaves the
 * output alone. */
static char *
parse_and_describe (const char *locale,
                    const char *currency,
                    const char *text)
{
  g_autoptr (GError) error = NULL;
  const gint64 sentinel = G_GINT64_CONSTANT (-4242424242);
  gint64       value = sentinel;
  gboolean     ok;

  ok = outlay_money_parse (text, currency, &value, &error);

  if (ok)
    {
      g_assert_no_error (error);
      return describe (locale, currency, text, TRUE, value, 0);
    }

  g_assert_nonnull (error);
  g_assert_true (error->domain == OUTLAY_MONEY_ERROR);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpint (value, ==, sentinel);

  return describe (locale, currency, text, FALSE, 0, error->code);
}

/* Currency table */

static void
test_currency_table (void)
{
  static const struct
  {
    const char *code;
    guint       exponent;
  } required[] = {
    { "EUR", 2 },
    { "USD", 2 },
    { "GBP", 2 },
    { "CHF", 2 },
    { "JPY", 0 },
    { "CNY", 2 },
    { "KRW", 0 },
    { "INR", 2 },
    { "BRL", 2 },
    { "CAD", 2 },
    { "AUD", 2 },
    { "NZD", 2 },
    { "SEK", 2 },
    { "NOK", 2 },
    { "DKK", 2 },
    { "PLN", 2 },
    { "CZK", 2 },
    { "HUF", 2 },
    { "RUB", 2 },
    { "TRY", 2 },
    { "MXN", 2 },
    { "ZAR", 2 },
    { "BHD", 3 },
    { "KWD", 3 },
    { "OMR", 3 },
    { "JOD", 3 },
    { "TND", 3 },
    { "ISK", 0 },
    { "CLP", 0 },
    { "VND", 0 },
    { "IDR", 2 },
    { "THB", 2 },
    { "SGD", 2 },
    { "HKD", 2 },
    { "TWD", 2 },
    { "ILS", 2 },
    { "AED", 2 },
    { "SAR", 2 },
    { "UAH", 2 },
    { "RON", 2 },
    { "BGN", 2 },
  };
  const OutlayCurrency *all;
  guint                 n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      const OutlayCurrency *currency = outlay_currency_lookup (required[i].code);
      g_autofree char      *got = NULL;
      g_autofree char      *expected = NULL;

      expected = g_strdup_printf ("%s exponent %u", required[i].code, required[i].exponent);
      got = currency == NULL ? g_strdup_printf ("%s missing", required[i].code)
                             : g_strdup_printf ("%s exponent %u", currency->code, currency->exponent);
      g_assert_cmpstr (got, ==, expected);
      g_assert_true (outlay_currency_is_valid (required[i].code));
      g_assert_nonnull (currency->symbol);
      g_assert_cmpuint (strlen (currency->symbol), >, 0);
    }

  g_assert_cmpstr (outlay_currency_lookup ("EUR")->symbol, ==, "€");
  g_assert_cmpstr (outlay_currency_lookup ("USD")->symbol, ==, "$");
  g_assert_cmpstr (outlay_currency_lookup ("GBP")->symbol, ==, "£");
  g_assert_cmpstr (outlay_currency_lookup ("JPY")->symbol, ==, "¥");

  /* Case-sensitive, and NULL for what is not in the table. */
  g_assert_null (outlay_currency_lookup ("eur"));
  g_assert_null (outlay_currency_lookup ("Eur"));
  g_assert_null (outlay_currency_lookup ("XYZ"));
  g_assert_null (outlay_currency_lookup ("EURO"));
  g_assert_null (outlay_currency_lookup (""));
  g_assert_null (outlay_currency_lookup (NULL));
  g_assert_false (outlay_currency_is_valid ("eur"));
  g_assert_false (outlay_currency_is_valid ("XYZ"));
  g_assert_false (outlay_currency_is_valid (NULL));

  all = outlay_currency_get_all (&n);
  g_assert_cmpuint (n, >=, G_N_ELEMENTS (required));
  g_assert_null (all[n].code);
  g_assert_true (outlay_currency_get_all (NULL) == all);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (strlen (all[i].code), ==, 3);
      for (guint k = 0; k < 3; k++)
        g_assert_true (g_ascii_isupper (all[i].code[k]));
      g_assert_cmpuint (all[i].exponent, <=, 3);
      g_assert_true (g_utf8_validate (all[i].symbol, -1, NULL));
      g_assert_cmpuint (strlen (all[i].symbol), >, 0);
      /* Sorted and unique, and every entry is found by lookup. */
      if (i > 0)
        g_assert_cmpint (strcmp (all[i - 1].code, all[i].code), <, 0);
      g_assert_true (outlay_currency_lookup (all[i].code) == &all[i]);
    }
}

static void
test_currency_for_locale (void)
{
  static const struct
  {
    const char *locale;
    const char *code;
  } rows[] = {
    { C_, "USD" },
    { "POSIX", "USD" },
    { EN, "USD" },
    { DE, "EUR" },
    { FR, "EUR" },
    { JA, "JPY" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      locale_t         loc = enter_locale (rows[i].locale);
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;

      if (loc == (locale_t) 0)
        return;

      got = g_strdup_printf ("%s → %s", rows[i].locale, outlay_currency_for_locale ());
      expected = g_strdup_printf ("%s → %s", rows[i].locale, rows[i].code);
      leave_locale (loc);

      g_assert_cmpstr (got, ==, expected);
    }
}

/* Parsing */

typedef struct
{
  const char *locale;
  const char *currency;
  const char *text;
  gint64      expected;
} AcceptRow;

typedef struct
{
  const char      *locale;
  const char      *currency;
  const char      *text;
  OutlayMoneyError expected;
} RejectRow;

static void
run_accept_rows (const AcceptRow *rows,
                 guint            n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      locale_t         loc = enter_locale (rows[i].locale);
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;

      if (loc == (locale_t) 0)
        return;

      got = parse_and_describe (rows[i].locale, rows[i].currency, rows[i].text);
      leave_locale (loc);

      expected = describe (rows[i].locale, rows[i].currency, rows[i].text, TRUE, rows[i].expected, 0);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
run_reject_rows (const RejectRow *rows,
                 guint            n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      locale_t         loc = enter_locale (rows[i].locale);
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;

      if (loc == (locale_t) 0)
        return;

      got = parse_and_describe (rows[i].locale, rows[i].currency, rows[i].text);
      leave_locale (loc);

      expected = describe (rows[i].locale, rows[i].currency, rows[i].text, FALSE, 0, rows[i].expected);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_parse_accept (void)
{
  static const AcceptRow rows[] = {
    /* en_US: "." decimal, "," grouping */
    { EN, "EUR", "12.50", 1250 },
    { EN, "EUR", "12.5", 1250 },
    { EN, "EUR", "12", 1200 },
    { EN, "EUR", "0", 0 },
    { EN, "EUR", "-0", 0 },
    { EN, "EUR", "0.01", 1 },
    { EN, "EUR", "000012.50", 1250 },
    { EN, "EUR", "12,50", 1250 },
    { EN, "EUR", "1,234.50", 123450 },
    { EN, "EUR", "1.234,50", 123450 },
    { EN, "EUR", "1,234", 123400 },
    { EN, "EUR", "1,234,567.89", 123456789 },
    { EN, "EUR", "1,234,567", 123456700 },
    { EN, "EUR", "1 234 567.89", 123456789 },
    { EN, "EUR", "1" NBSP "234.50", 123450 },
    { EN, "EUR", "1" NNBSP "234.50", 123450 },
    { EN, "EUR", "1'234.50", 123450 },
    { EN, "BHD", "0.500", 500 },
    { EN, "EUR", ".5", 50 },
    { EN, "EUR", "5.", 500 },
    { EN, "EUR", "+12.50", 1250 },
    { EN, "EUR", "-12.50", -1250 },
    { EN, "EUR", "\u221212.50", -1250 },
    { EN, "EUR", "  12.50  ", 1250 },
    { EN, "EUR", "\t12.50\n", 1250 },
    { EN, "EUR", NBSP "12.50" NNBSP, 1250 },
    { EN, "EUR", "€12.50", 1250 },
    { EN, "EUR", "€ 12.50", 1250 },
    { EN, "EUR", "12.50€", 1250 },
    { EN, "EUR", "12.50 €", 1250 },
    { EN, "EUR", "12,50 €", 1250 },
    { EN, "EUR", "12,50" NBSP "€", 1250 },
    { EN, "EUR", "EUR 12.50", 1250 },
    { EN, "EUR", "EUR12.50", 1250 },
    { EN, "EUR", "12.50 EUR", 1250 },
    { EN, "EUR", "eur 12.50", 1250 },
    { EN, "EUR", "-€12.50", -1250 },
    { EN, "EUR", "- € 12.50", -1250 },
    { EN, "EUR", "€-12.50", -1250 },
    { EN, "EUR", "-12.50 €", -1250 },
    { EN, "EUR", "-EUR 12.50", -1250 },
    { EN, "EUR", "9,999,999,999.99", MONEY_MAX },
    { EN, "EUR", "-9999999999.99", -MONEY_MAX },
    { EN, "USD", "$3", 300 },
    { EN, "USD", "$ 3.99", 399 },
    { EN, "USD", "US$3", 300 },
    { EN, "USD", "3 USD", 300 },
    { EN, "CAD", "$3", 300 },
    { EN, "CAD", "CA$3", 300 },
    { EN, "AUD", "A$3", 300 },
    { EN, "GBP", "£3.20", 320 },
    { EN, "CHF", "CHF 12.50", 1250 },
    { EN, "CHF", "Fr. 12.50", 1250 },
    { EN, "SEK", "12 kr", 1200 },
    { EN, "NOK", "kr 12", 1200 },
    { EN, "DKK", "12 kr.", 1200 },
    { EN, "BRL", "R$ 10,00", 1000 },
    { EN, "ZAR", "R10", 1000 },
    { EN, "BGN", "12 лв.", 1200 },
    { EN, "PLN", "12,50 zł", 1250 },
    { EN, "INR", "₹1,234", 123400 },
    /* exponent 0 */
    { EN, "JPY", "1250", 1250 },
    { EN, "JPY", "¥1,250", 1250 },
    { EN, "JPY", "￥1,250", 1250 },
    { EN, "JPY", "1,250円", 1250 },
    { EN, "JPY", "999,999,999,999", MONEY_MAX },
    { EN, "KRW", "₩1,000", 1000 },
    { EN, "ISK", "1.234,", 1234 },
    /* exponent 3: a single "." before three digits is en_US's decimal mark */
    { EN, "BHD", "1.234", 1234 },
    { EN, "BHD", "BHD 1.234", 1234 },
    { EN, "BHD", "1,234.567", 1234567 },
    { EN, "BHD", "1.5", 1500 },
    { EN, "BHD", "999,999,999.999", MONEY_MAX },
    { EN, "KWD", "0.001", 1 },

    /* de_DE: "," decimal, "." grouping */
    { DE, "EUR", "12,50", 1250 },
    { DE, "EUR", "12.50", 1250 },
    { DE, "EUR", "1.234,50", 123450 },
    { DE, "EUR", "1,234.50", 123450 },
    { DE, "EUR", "1.234", 123400 },
    { DE, "EUR", "1.234.567", 123456700 },
    { DE, "EUR", "1.234.567,89", 123456789 },
    { DE, "EUR", "1 234,50", 123450 },
    { DE, "EUR", ",5", 50 },
    { DE, "BHD", "0,500", 500 },
    { DE, "EUR", "12,50 €", 1250 },
    { DE, "EUR", "-12,50" NBSP "€", -1250 },
    { DE, "EUR", "-1.234,56" NBSP "€", -123456 },
    { DE, "EUR", "1.5", 150 },
    { DE, "JPY", "1.250", 1250 },
    { DE, "JPY", "1.250 ¥", 1250 },
    { DE, "BHD", "1,234", 1234 },
    { DE, "BHD", "1,234 BHD", 1234 },
    { DE, "BHD", "1.234,567", 1234567 },

    /* fr_FR: "," decimal, U+202F grouping */
    { FR, "EUR", "1" NNBSP "234,50", 123450 },
    { FR, "EUR", "1" NBSP "234,50", 123450 },
    { FR, "EUR", "1 234,50", 123450 },
    { FR, "EUR", "1 234 567,89 €", 123456789 },
    { FR, "EUR", "1" NNBSP "234,56" NBSP "€", 123456 },
    { FR, "EUR", "12,50 €", 1250 },
    { FR, "EUR", "12,50", 1250 },
    { FR, "EUR", "12.50", 1250 },
    { FR, "EUR", "1.234,50", 123450 },
    { FR, "EUR", "1,234.50", 123450 },
    { FR, "EUR", "-12,50 €", -1250 },
    { FR, "JPY", "1" NNBSP "250" NBSP "¥", 1250 },
    { FR, "BHD", "1,234", 1234 },

    /* ja_JP: "." decimal, "," grouping */
    { JA, "JPY", "¥1,250", 1250 },
    { JA, "JPY", "￥1,250", 1250 },
    { JA, "JPY", "1,250円", 1250 },
    { JA, "JPY", "-¥1,250", -1250 },
    { JA, "JPY", "1,234", 1234 },
    { JA, "EUR", "12.50", 1250 },
    { JA, "EUR", "€1,234.56", 123456 },

    /* C: "." decimal and, to match the formatter, "," grouping */
    { C_, "EUR", "1,234.56", 123456 },
    { C_, "EUR", "1,234", 123400 },
    { C_, "EUR", "12,50", 1250 },
    { C_, "JPY", "¥1,250", 1250 },
    { C_, "CHF", "CHF 12.50", 1250 },
    { C_, "CAD", "CAD 12.50", 1250 },
    { C_, "BHD", "BHD 1.234", 1234 },
  };

  run_accept_rows (rows, G_N_ELEMENTS (rows));
}

static void
test_parse_reject (void)
{
  static const RejectRow rows[] = {
    /* Malformed numbers, in every locale */
    { EN, "EUR", "1.2.3", OUTLAY_MONEY_ERROR_INVALID },
    { DE, "EUR", "1.2.3", OUTLAY_MONEY_ERROR_INVALID },
    { FR, "EUR", "1.2.3", OUTLAY_MONEY_ERROR_INVALID },
    { JA, "EUR", "1.2.3", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12,345,67", OUTLAY_MONEY_ERROR_INVALID },
    { DE, "EUR", "12,345,67", OUTLAY_MONEY_ERROR_INVALID },
    { FR, "EUR", "12,345,67", OUTLAY_MONEY_ERROR_INVALID },
    { JA, "EUR", "12,345,67", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1,23,456", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1234,567.50", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "0,123,456", OUTLAY_MONEY_ERROR_INVALID },
    { DE, "EUR", "0.123,45", OUTLAY_MONEY_ERROR_INVALID },
    { DE, "EUR", "1.234.56", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1.234,567.5", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1,234.5,6", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1.,5", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12..5", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1 234.567,8", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1 234'567", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1,5 000", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12 34", OUTLAY_MONEY_ERROR_INVALID },
    { FR, "EUR", "1 23,50", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "abc", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1e5", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1E5", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "0x10", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12.50 XYZ", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "twelve", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12%", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "€12 €", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "EUR 12 EUR", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12€3", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12 .", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "-", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "\xff", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12\xc3", OUTLAY_MONEY_ERROR_INVALID },

    /* Nothing there */
    { EN, "EUR", "", OUTLAY_MONEY_ERROR_EMPTY },
    { EN, "EUR", "   ", OUTLAY_MONEY_ERROR_EMPTY },
    { EN, "EUR", NBSP NNBSP "\t", OUTLAY_MONEY_ERROR_EMPTY },
    { EN, "EUR", "€", OUTLAY_MONEY_ERROR_EMPTY },
    { EN, "EUR", " EUR ", OUTLAY_MONEY_ERROR_EMPTY },
    { FR, "EUR", "", OUTLAY_MONEY_ERROR_EMPTY },

    /* A separator that is neither the locale's decimal nor its grouping
     * mark, before exactly three digits */
    { FR, "EUR", "1.234", OUTLAY_MONEY_ERROR_AMBIGUOUS },
    { FR, "BHD", "1.234", OUTLAY_MONEY_ERROR_AMBIGUOUS },
    { FR, "JPY", "1.234", OUTLAY_MONEY_ERROR_AMBIGUOUS },

    /* More decimals than the currency has; trailing zeros count */
    { EN, "EUR", "12.345", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "EUR", "1.234", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "EUR", "0.500", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "EUR", "-12.345", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "EUR", "€12.345", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "EUR", "(12.345)", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "EUR", "0.0000001", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "EUR", "0.00000000000000000000001", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { DE, "EUR", "12,345", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { DE, "EUR", "1,234", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { FR, "EUR", "1,234", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "JPY", "12.5", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "JPY", "1250.00", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { JA, "JPY", "1.5", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "BHD", "1.2345", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { DE, "BHD", "1,2345", OUTLAY_MONEY_ERROR_TOO_PRECISE },

    /* Out of range: 20 digits, MONEY_MAX + 1, and more */
    { EN, "EUR", "12345678901234567890", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "99999999999999999999", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "-99999999999999999999", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "9223372036854775807", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "9223372036854775808", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "18446744073709551617", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "1234567890123456789.12", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "10000000000", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "10,000,000,000.00", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "-10000000000", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { DE, "EUR", "10.000.000.000,00", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "JPY", "1000000000000", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "JPY", "-1,000,000,000,000", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "BHD", "1000000000", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "BHD", "1000000000.000", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },

    /* Another currency's symbol or code */
    { EN, "EUR", "$3", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { EN, "USD", "€3", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { EN, "USD", "3 €", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { EN, "EUR", "12 GBP", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { EN, "EUR", "usd 12", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { EN, "USD", "CA$3", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { EN, "GBP", "-€3", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { EN, "JPY", "$3", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { JA, "USD", "¥1,250", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { DE, "EUR", "12 kr", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { EN, "EUR", "BHD 1.234", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },

    /* The currency argument itself */
    { EN, "XYZ", "12", OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY },
    { EN, "eur", "12", OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY },
    { EN, "", "12", OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY },
    { EN, "EURO", "12", OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY },
  };

  run_reject_rows (rows, G_N_ELEMENTS (rows));
}

static void
test_parse_messages (void)
{
  static const struct
  {
    const char *locale;
    const char *currency;
    const char *text;
    const char *fragment;
  } rows[] = {
    { EN, "EUR", "1.2.3", "1.2.3" },
    { EN, "EUR", "1.2.3", "three digits" },
    { EN, "EUR", "1 234'567", "mixes" },
    { EN, "EUR", "1.234,567.5", "more than one decimal mark" },
    { EN, "EUR", "12,345,67", "12,345,67" },
    { EN, "EUR", "1e5", "“e”" },
    { EN, "EUR", "abc", "“abc”" },
    { EN, "EUR", "12 XYZ", "“XYZ”" },
    { EN, "EUR", "12.345", "EUR" },
    { EN, "JPY", "12.5", "JPY" },
    { EN, "EUR", "$3", "EUR" },
    { EN, "EUR", "12 GBP", "GBP" },
    { EN, "EUR", "1e30000000000000000000", "“e”" },
    { EN, "EUR", "10000000000", "€9,999,999,999.99" },
    { FR, "EUR", "1.234", "1.234" },
    { FR, "EUR", "1.234", "“,”" },
    { EN, "XYZ", "12", "XYZ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      locale_t loc = enter_locale (rows[i].locale);
      g_autoptr (GError) error = NULL;
      gboolean ok;

      if (loc == (locale_t) 0)
        return;

      ok = outlay_money_parse (rows[i].text, rows[i].currency, NULL, &error);
      leave_locale (loc);

      g_assert_false (ok);
      g_assert_nonnull (error);
      if (strstr (error->message, rows[i].fragment) == NULL)
        g_test_fail_printf ("The message for «%s» does not mention «%s»: %s",
                            rows[i].text, rows[i].fragment, error->message);
    }
}

static void
test_parse_arithmetic (void)
{
  static const AcceptRow rows[] = {
    { EN, "EUR", "12.50+3.20", 1570 },
    { EN, "EUR", " 12.50 + 3.20 ", 1570 },
    { EN, "EUR", "3*4.99", 1497 },
    { EN, "EUR", "3 × 4.99", 1497 },
    { EN, "EUR", "(10+5)/2", 750 },
    { EN, "EUR", "( 10 + 5 ) ÷ 2", 750 },
    { EN, "EUR", "-3+10", 700 },
    { EN, "EUR", "10-3", 700 },
    { EN, "EUR", "10 \u2212 3", 700 },
    { EN, "EUR", "2+3*4", 1400 },
    { EN, "EUR", "(2+3)*4", 2000 },
    { EN, "EUR", "2*3+4", 1000 },
    { EN, "EUR", "10-2-3", 500 },
    { EN, "EUR", "100/10/2", 500 },
    { EN, "EUR", "-(2+3)", -500 },
    { EN, "EUR", "2*-3", -600 },
    { EN, "EUR", "--5", 500 },
    { EN, "EUR", "((((1))))", 100 },
    { EN, "EUR", "1,000+1", 100100 },
    { EN, "EUR", "1,234.50*2", 246900 },
    { EN, "EUR", "0.1+0.2", 30 },
    { EN, "EUR", "(0.1+0.2)*1000000000", 30000000000 },
    { EN, "EUR", "1/3*3", 100 },
    { EN, "EUR", "1/3+1/3+1/3", 100 },
    { EN, "EUR", "€ 12.50+3.20", 1570 },
    { EN, "EUR", "12.50+3.20 EUR", 1570 },
    { EN, "EUR", "-€3+4", 100 },
    { EN, "EUR", "0.000001*1000000", 100 },
    /* Exact division, then half-even rounding to the cent */
    { EN, "EUR", "10/3", 333 },
    { EN, "EUR", "20/3", 667 },
    { EN, "EUR", "-10/3", -333 },
    { EN, "EUR", "-20/3", -667 },
    { EN, "EUR", "0.125*1", 12 },
    { EN, "EUR", "0.135*1", 14 },
    { EN, "EUR", "0.145*1", 14 },
    { EN, "EUR", "0.155*1", 16 },
    { EN, "EUR", "-0.125*1", -12 },
    { EN, "EUR", "-0.135*1", -14 },
    { EN, "EUR", "0.125001*1", 13 },
    { EN, "EUR", "0.124999*1", 12 },
    { EN, "EUR", "1/8", 12 },
    { EN, "EUR", "3/8", 38 },
    { EN, "EUR", "5/8", 62 },
    { EN, "EUR", "7/8", 88 },
    { EN, "EUR", "12.345+0", 1234 },
    { EN, "EUR", "12.355+0", 1236 },
    { EN, "EUR", "0.005*1", 0 },
    { EN, "EUR", "0.015*1", 2 },
    { EN, "EUR", "1/7/11/13/17/19/23/29/31/37/41/43/47", 0 },
    /* Only fits when every step is reduced */
    { EN, "EUR",
      "0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*2*0.5*"
      "2*0.5*2",
      100 },
    { EN, "EUR", "0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1",
      240 },
    { EN, "EUR", "(0.25+0.75)*9223372036854775807/9223372036854775807", 100 },
    { EN, "EUR", "4611686018427387903/7*7/4611686018427387903", 100 },
    /* Exponent 0 */
    { EN, "JPY", "5/2", 2 },
    { EN, "JPY", "7/2", 4 },
    { EN, "JPY", "-5/2", -2 },
    { EN, "JPY", "-7/2", -4 },
    { EN, "JPY", "0.5*1", 0 },
    { EN, "JPY", "1.5*1", 2 },
    { EN, "JPY", "2.5*1", 2 },
    { EN, "JPY", "1000/3", 333 },
    { EN, "JPY", "1.5+1.5", 3 },
    /* Exponent 3 */
    { EN, "BHD", "1/16", 62 },
    { EN, "BHD", "3/16", 188 },
    { EN, "BHD", "0.0005*1", 0 },
    { EN, "BHD", "0.0015*1", 2 },
    { EN, "BHD", "10/3", 3333 },
    /* Large intermediate results are fine if the result fits */
    { EN, "EUR", "9999999999.99+0.01-0.01", MONEY_MAX },
    { EN, "EUR", "9999999999.99*1000/1000", MONEY_MAX },
    { EN, "JPY", "999999999999*1000000/1000000", MONEY_MAX },
    /* Other locales: "," is never an operator */
    { DE, "EUR", "12,50+3,20", 1570 },
    { DE, "EUR", "3*4,99", 1497 },
    { DE, "EUR", "1.234,50*2", 246900 },
    { DE, "EUR", "12,5/2", 625 },
    { DE, "EUR", "10/3 €", 333 },
    { FR, "EUR", "1 234,50 + 1", 123550 },
    { FR, "EUR", "1" NNBSP "234,50+1", 123550 },
    { FR, "EUR", "2 × 3", 600 },
    { JA, "JPY", "¥1,250*2", 2500 },
    { JA, "JPY", "1,250/3", 417 },
  };
  static const RejectRow rejects[] = {
    { EN, "EUR", "1/0", OUTLAY_MONEY_ERROR_DIVISION_BY_ZERO },
    { EN, "EUR", "5/(3-3)", OUTLAY_MONEY_ERROR_DIVISION_BY_ZERO },
    { EN, "EUR", "0/0", OUTLAY_MONEY_ERROR_DIVISION_BY_ZERO },
    { EN, "EUR", "1/0.000", OUTLAY_MONEY_ERROR_DIVISION_BY_ZERO },
    { EN, "EUR", "0.1250001*1", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "EUR", "1+0.00000000000000000001", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "EUR", "999999999999*999999999999", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "99999999999*100000000", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "4611686018427387904*2", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "-4611686018427387904-4611686018427387905", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "9223372036854775807+1", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    /* Where wrapping around would land on a small, plausible amount */
    { EN, "EUR", "9223372036854775807+9223372036854775807+2", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "4294967296*4294967296", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "4294967296*4294967296+1", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "1/4294967296/4294967296", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "0.5+1/4294967296/2147483648", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "1/9223372036854775807/2", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "9999999999.99+0.01", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "-9999999999.99-0.01", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "5000000000*2", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "9999999999.995*1", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "JPY", "999999999999+1", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "JPY", "999999999999.5*1", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "12+", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "+", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "*3", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "3**4", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "(12", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12)", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "()", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "2(3)", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "(2)(3)", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "(1)2", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "3x4", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "3^2", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1.2.3+1", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "$3+4", OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH },
    { EN, "EUR", "€3+€4", OUTLAY_MONEY_ERROR_INVALID },
    { FR, "EUR", "1.234+1", OUTLAY_MONEY_ERROR_AMBIGUOUS },
  };

  run_accept_rows (rows, G_N_ELEMENTS (rows));
  run_reject_rows (rejects, G_N_ELEMENTS (rejects));
}

static void
test_parse_nesting (void)
{
  g_autoptr (GString) shallow = g_string_new (NULL);
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autoptr (GString) signs = g_string_new (NULL);
  locale_t loc = enter_locale (EN);
  g_autoptr (GError) error = NULL;
  gint64 value = 0;

  if (loc == (locale_t) 0)
    return;

  for (guint i = 0; i < 20; i++)
    g_string_append_c (shallow, '(');
  g_string_append (shallow, "1.5");
  for (guint i = 0; i < 20; i++)
    g_string_append_c (shallow, ')');

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '(');
  g_string_append (deep, "1");
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, ')');

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (signs, '-');
  g_string_append (signs, "1");

  g_assert_true (outlay_money_parse (shallow->str, "EUR", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 150);

  g_assert_false (outlay_money_parse (deep->str, "EUR", &value, &error));
  g_assert_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (outlay_money_parse (signs->str, "EUR", &value, &error));
  g_assert_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID);
  g_clear_error (&error);

  /* NULL output: only validates. */
  g_assert_true (outlay_money_parse ("12.50", "EUR", NULL, NULL));
  g_assert_false (outlay_money_parse ("12.505", "EUR", NULL, NULL));

  leave_locale (loc);
}

/* Formatting */

typedef struct
{
  const char *locale;
  const char *currency;
  gint64      minor_units;
  const char *expected;
} FormatRow;

static void
test_format (void)
{
  static const FormatRow rows[] = {
    { EN, "EUR", 123456, "€1,234.56" },
    { EN, "EUR", -1250, "-€12.50" },
    { EN, "EUR", 0, "€0.00" },
    { EN, "EUR", 5, "€0.05" },
    { EN, "EUR", -5, "-€0.05" },
    { EN, "EUR", 100000, "€1,000.00" },
    { EN, "EUR", 99999, "€999.99" },
    { EN, "EUR", MONEY_MAX, "€9,999,999,999.99" },
    { EN, "EUR", -MONEY_MAX, "-€9,999,999,999.99" },
    { EN, "USD", 100, "$1.00" },
    { EN, "GBP", 320, "£3.20" },
    { EN, "JPY", 1250, "¥1,250" },
    { EN, "JPY", -1, "-¥1" },
    { EN, "JPY", 1234567, "¥1,234,567" },
    { EN, "KRW", 1000, "₩1,000" },
    { EN, "BHD", 1234, "BHD" NBSP "1.234" },
    { EN, "BHD", 1234567, "BHD" NBSP "1,234.567" },
    { EN, "BHD", -5, "-BHD" NBSP "0.005" },
    { EN, "CHF", 1250, "CHF" NBSP "12.50" },
    { EN, "CAD", 1250, "CA$12.50" },
    { EN, "SEK", 1250, "kr" NBSP "12.50" },
    { EN, "BGN", 1250, "лв." NBSP "12.50" },

    { DE, "EUR", 123456, "1.234,56" NBSP "€" },
    { DE, "EUR", -1250, "-12,50" NBSP "€" },
    { DE, "EUR", 0, "0,00" NBSP "€" },
    { DE, "EUR", 123456789, "1.234.567,89" NBSP "€" },
    { DE, "USD", 123456, "1.234,56" NBSP "$" },
    { DE, "JPY", 1250, "1.250" NBSP "¥" },
    { DE, "BHD", 1234, "1,234" NBSP "BHD" },
    { DE, "BHD", 1234567, "1.234,567" NBSP "BHD" },

    { FR, "EUR", 123456, "1" NNBSP "234,56" NBSP "€" },
    { FR, "EUR", 123456789, "1" NNBSP "234" NNBSP "567,89" NBSP "€" },
    { FR, "EUR", -1250, "-12,50" NBSP "€" },
    { FR, "EUR", 99999, "999,99" NBSP "€" },
    { FR, "JPY", 1250, "1" NNBSP "250" NBSP "¥" },
    { FR, "BHD", 1234, "1,234" NBSP "BHD" },

    { JA, "JPY", 1250, "¥1,250" },
    { JA, "JPY", -1250, "-¥1,250" },
    { JA, "JPY", 0, "¥0" },
    { JA, "EUR", 123456, "€1,234.56" },
    { JA, "BHD", 1234, "BHD" NBSP "1.234" },

    { C_, "EUR", 123456, "€1,234.56" },
    { C_, "USD", -1250, "-$12.50" },
    { C_, "JPY", 1250, "¥1,250" },
    { C_, "CHF", 1250, "CHF 12.50" },
    { C_, "CAD", 1250, "CAD 12.50" },
    { C_, "BHD", 1234, "BHD 1.234" },
    { "POSIX", "EUR", -5, "-€0.05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      locale_t         loc = enter_locale (rows[i].locale);
      g_autofree char *text = NULL;
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;

      if (loc == (locale_t) 0)
        return;

      text = outlay_money_format (rows[i].minor_units, rows[i].currency);
      leave_locale (loc);

      got = g_strdup_printf ("%s %s %" G_GINT64_FORMAT " → «%s»", rows[i].locale,
                             rows[i].currency, rows[i].minor_units, text);
      expected = g_strdup_printf ("%s %s %" G_GINT64_FORMAT " → «%s»", rows[i].locale,
                                  rows[i].currency, rows[i].minor_units, rows[i].expected);
      g_assert_cmpstr (got, ==, expected);
    }
}

/* An expense's amount: money spent as outlay_money_format() has it, a
 * refund with a plus sign, whatever the locale puts where, and read back
 * by the parser as the amount it gave back. */
static void
test_format_expense (void)
{
  static const FormatRow rows[] = {
    { EN, "EUR", 1250, "€12.50" },
    { EN, "EUR", -1250, "+€12.50" },
    { EN, "JPY", -1250, "+¥1,250" },
    { EN, "CHF", -1250, "+CHF" NBSP "12.50" },
    { EN, "EUR", -MONEY_MAX, "+€9,999,999,999.99" },
    { DE, "EUR", -123456, "+1.234,56" NBSP "€" },
    { DE, "EUR", 123456, "1.234,56" NBSP "€" },
    { FR, "EUR", -1250, "+12,50" NBSP "€" },
    { C_, "USD", -1250, "+$12.50" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      locale_t         loc = enter_locale (rows[i].locale);
      g_autofree char *text = NULL;
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;
      g_autoptr (GError) error = NULL;
      gint64 back = 0;

      if (loc == (locale_t) 0)
        return;

      text = outlay_money_format_expense (rows[i].minor_units, rows[i].currency);
      if (!outlay_money_parse (text, rows[i].currency, &back, &error))
        g_error ("%s: %s", text, error->message);
      leave_locale (loc);
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, ABS (rows[i].minor_units));

      got = g_strdup_printf ("%s %s %" G_GINT64_FORMAT " → «%s»", rows[i].locale,
                             rows[i].currency, rows[i].minor_units, text);
      expected = g_strdup_printf ("%s %s %" G_GINT64_FORMAT " → «%s»", rows[i].locale,
                                  rows[i].currency, rows[i].minor_units, rows[i].expected);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_format_plain (void)
{
  static const struct
  {
    const char *currency;
    gint64      minor_units;
    const char *expected;
  } rows[] = {
    { "EUR", 123456, "1234.56" },
    { "EUR", -5, "-0.05" },
    { "EUR", 5, "0.05" },
    { "EUR", 0, "0.00" },
    { "EUR", 100, "1.00" },
    { "EUR", MONEY_MAX, "9999999999.99" },
    { "EUR", -MONEY_MAX, "-9999999999.99" },
    { "JPY", 1250, "1250" },
    { "JPY", -1, "-1" },
    { "JPY", 0, "0" },
    { "BHD", 1234, "1.234" },
    { "BHD", 5, "0.005" },
    { "BHD", -1234567, "-1234.567" },
  };

  /* The same in every locale. */
  for (guint l = 0; l < G_N_ELEMENTS (all_locales); l++)
    {
      locale_t loc = enter_locale (all_locales[l]);

      if (loc == (locale_t) 0)
        return;

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          g_autofree char *text = outlay_money_format_plain (rows[i].minor_units, rows[i].currency);
          g_autofree char *got = g_strdup_printf ("%s %s %" G_GINT64_FORMAT " → «%s»", all_locales[l],
                                                  rows[i].currency, rows[i].minor_units, text);
          g_autofree char *expected = g_strdup_printf ("%s %s %" G_GINT64_FORMAT " → «%s»", all_locales[l],
                                                       rows[i].currency, rows[i].minor_units, rows[i].expected);

          g_assert_cmpstr (got, ==, expected);
        }

      leave_locale (loc);
    }
}

static void
test_parse_plain (void)
{
  static const AcceptRow accept[] = {
    { DE, "EUR", "1234.56", 123456 },
    { DE, "EUR", "1234.5", 123450 },
    { DE, "EUR", "1234", 123400 },
    { DE, "EUR", "-0.05", -5 },
    { DE, "EUR", "0", 0 },
    { DE, "BHD", "1.234", 1234 },
    { FR, "BHD", "1.234", 1234 },
    { DE, "JPY", "1250", 1250 },
    { EN, "EUR", "9999999999.99", MONEY_MAX },
    { EN, "EUR", "-9999999999.99", -MONEY_MAX },
  };
  static const RejectRow reject[] = {
    { EN, "EUR", "", OUTLAY_MONEY_ERROR_EMPTY },
    { EN, "EUR", "1,234.56", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12,50", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", " 12.50", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12.50 ", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "€12.50", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "+12.50", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1+2", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", ".5", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "5.", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "-", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "--5", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "1e5", OUTLAY_MONEY_ERROR_INVALID },
    { EN, "EUR", "12.345", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "JPY", "12.5", OUTLAY_MONEY_ERROR_TOO_PRECISE },
    { EN, "EUR", "10000000000", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "EUR", "12345678901234567890", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "JPY", "1000000000000", OUTLAY_MONEY_ERROR_OUT_OF_RANGE },
    { EN, "XYZ", "1", OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accept); i++)
    {
      locale_t loc = enter_locale (accept[i].locale);
      g_autoptr (GError) error = NULL;
      gint64           value = -42;
      gboolean         ok;
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;

      if (loc == (locale_t) 0)
        return;

      ok = outlay_money_parse_plain (accept[i].text, accept[i].currency, &value, &error);
      leave_locale (loc);

      got = describe (accept[i].locale, accept[i].currency, accept[i].text, ok, value,
                      error != NULL ? error->code : -1);
      expected = describe (accept[i].locale, accept[i].currency, accept[i].text, TRUE,
                           accept[i].expected, 0);
      g_assert_cmpstr (got, ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (reject); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64           value = -42;
      gboolean         ok;
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;

      ok = outlay_money_parse_plain (reject[i].text, reject[i].currency, &value, &error);
      got = describe (reject[i].locale, reject[i].currency, reject[i].text, ok, value,
                      error != NULL ? error->code : -1);
      expected = describe (reject[i].locale, reject[i].currency, reject[i].text, FALSE, 0,
                           reject[i].expected);
      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpint (value, ==, -42);
      g_assert_true (error->domain == OUTLAY_MONEY_ERROR);
    }
}

/* Round trips */

static GArray *
round_trip_values (void)
{
  static const gint64 fixed[] = {
    0,
    1,
    2,
    5,
    9,
    10,
    11,
    50,
    99,
    100,
    101,
    999,
    1000,
    1001,
    1234,
    9999,
    10000,
    12345,
    99999,
    100000,
    123456,
    999999,
    1000000,
    1234567,
    10000000,
    99999999,
    100000000,
    123456789,
    1000000000,
    123456789012,
    500000000000,
    MONEY_MAX - 1,
    MONEY_MAX,
  };
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint64 state = 0x9e3779b97f4a7c15;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      gint64 negated = -fixed[i];

      g_array_append_val (values, fixed[i]);
      g_array_append_val (values, negated);
    }

  /* A fixed pseudo-random sample of every magnitude (xorshift), so that
   * a failure reproduces. */
  for (guint i = 0; i < 600; i++)
    {
      gint64 value;

      state ^= state << 13;
      state ^= state >> 7;
      state ^= state << 17;

      value = (gint64) (state % (guint64) (MONEY_MAX + 1));
      value /= (gint64) (G_GUINT64_CONSTANT (1) << (state >> 59) % 40);
      if (state & 1)
        value = -value;
      g_array_append_val (values, value);
    }

  return values;
}

static void
test_round_trip (void)
{
  g_autoptr (GArray) values = round_trip_values ();
  static const char *const featured[] = { "JPY", "EUR", "BHD" };
  const OutlayCurrency    *all;
  guint                    n_currencies;
  guint                    checked = 0;

  all = outlay_currency_get_all (&n_currencies);

  for (guint l = 0; l < G_N_ELEMENTS (all_locales); l++)
    {
      locale_t loc = enter_locale (all_locales[l]);

      if (loc == (locale_t) 0)
        return;

      /* Every currency, with the featured ones first so that a failure
       * there is reported as such. */
      for (guint c = 0; c < G_N_ELEMENTS (featured) + n_currencies; c++)
        {
          const char *currency = c < G_N_ELEMENTS (featured) ? featured[c]
                                                             : all[c - G_N_ELEMENTS (featured)].code;

          for (guint i = 0; i < values->len; i++)
            {
              gint64           value = g_array_index (values, gint64, i);
              g_autofree char *text = outlay_money_format (value, currency);
              g_autofree char *plain = outlay_money_format_plain (value, currency);
              g_autoptr (GError) error = NULL;
              gint64           back = G_MININT64;
              gint64           back_plain = G_MININT64;
              g_autofree char *got = NULL;
              g_autofree char *expected = NULL;

              outlay_money_parse (text, currency, &back, &error);
              outlay_money_parse_plain (plain, currency, &back_plain, error == NULL ? &error : NULL);

              got = g_strdup_printf ("%s %s %" G_GINT64_FORMAT " → «%s» → %" G_GINT64_FORMAT
                                     ", «%s» → %" G_GINT64_FORMAT " (%s)",
                                     all_locales[l], currency, value, text, back,
                                     plain, back_plain, error != NULL ? error->message : "no error");
              expected = g_strdup_printf ("%s %s %" G_GINT64_FORMAT " → «%s» → %" G_GINT64_FORMAT
                                          ", «%s» → %" G_GINT64_FORMAT " (%s)",
                                          all_locales[l], currency, value, text, value,
                                          plain, value, "no error");
              g_assert_cmpstr (got, ==, expected);
              checked++;
            }
        }

      leave_locale (loc);
    }

  g_assert_cmpuint (checked, ==, G_N_ELEMENTS (all_locales) * (G_N_ELEMENTS (featured) + n_currencies) * values->len);
}

/* A file's amounts: the decimal mark is the file's in every locale, and a
 * currency written next to the amount names its currency. */
static void
test_parse_decimal (void)
{
  static const struct
  {
    const char *text;
    char        separator;
    const char *currency;
    const char *expected; /* the amount and the code written, or the error */
  } rows[] = {
    { "1.234", ',', "EUR", "123400 -" },
    { "1,234", ',', "BHD", "1234 -" },
    { "1.234,50-", ',', "EUR", "-123450 -" },
    { "(1'234.50)", '.', "CHF", "-123450 -" },
    { "£ 5", '.', "EUR", "500 GBP" },
    { "$ 5", '.', "EUR", "500 -" },
    { "$ 5", '.', "USD", "500 -" },
    { "eur 5", '.', "USD", "500 EUR" },
    { "5 JPY", '.', "EUR", "5 JPY" },
    { "1500.00", '.', "JPY", "1500 -" },
    { "1500.50", '.', "JPY", "TOO_PRECISE" },
    { "12.50", ',', "EUR", "INVALID “12.50” is not an amount with “,” as the decimal separator." },
    { "5 + 3", '.', "EUR", "INVALID “5 + 3” is not an amount." },
    { "--5", '.', "EUR", "INVALID “--5” is not an amount." },
    { " ", '.', "EUR", "EMPTY" },
    { "5", '.', "XYZ", "UNKNOWN_CURRENCY" },
  };

  for (guint l = 0; l < G_N_ELEMENTS (all_locales); l++)
    {
      locale_t loc = enter_locale (all_locales[l]);

      if (loc == (locale_t) 0)
        return;

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          g_autoptr (GError) error = NULL;
          g_autofree char *outcome = NULL;
          g_autofree char *got = NULL;
          g_autofree char *expected = NULL;
          const char      *code = NULL;
          gint64           value = 0;

          if (outlay_money_parse_decimal (rows[i].text, rows[i].separator, rows[i].currency,
                                          &value, &code, &error))
            outcome = g_strdup_printf ("%" G_GINT64_FORMAT " %s", value, code != NULL ? code : "-");
          else if (error->code == OUTLAY_MONEY_ERROR_INVALID)
            outcome = g_strdup_printf ("%s %s", error_name (error->code), error->message);
          else
            outcome = g_strdup (error_name (error->code));

          got = g_strdup_printf ("%s «%s» %c → %s", all_locales[l], rows[i].text,
                                 rows[i].separator, outcome);
          expected = g_strdup_printf ("%s «%s» %c → %s", all_locales[l], rows[i].text,
                                      rows[i].separator, rows[i].expected);
          g_assert_cmpstr (got, ==, expected);
        }

      leave_locale (loc);
    }
}

/* Formatting and parsing follow the thread's locale, not the process's. */
static void
test_thread_locale (void)
{
  locale_t         de = enter_locale (DE);
  g_autofree char *in_de = NULL;
  g_autofree char *in_global = NULL;
  gint64           value = 0;

  if (de == (locale_t) 0)
    return;

  in_de = outlay_money_format (123456, "EUR");
  g_assert_true (outlay_money_parse ("1.234", "EUR", &value, NULL));
  g_assert_cmpint (value, ==, 123400);
  leave_locale (de);

  /* The global locale of a GTest program is C unless it calls setlocale. */
  in_global = outlay_money_format (123456, "EUR");
  g_assert_true (outlay_money_parse ("1.234,56", "EUR", &value, NULL));
  g_assert_cmpint (value, ==, 123456);

  g_assert_cmpstr (in_de, ==, "1.234,56" NBSP "€");
  g_assert_cmpstr (in_global, ==, "€1,234.56");
}

/* A currency column of a file names one currency, or none. */
static void
test_currency_from_written (void)
{
  static const struct
  {
    const char *text;
    const char *code;
  } cases[] = {
    { "EUR", "EUR" },
    { "eur", "EUR" },
    { "€", "EUR" },
    { "£", "GBP" },
    { "US$", "USD" },
    { "Fr.", "CHF" },
    { "円", "JPY" },
    /* Several currencies write these. */
    { "$", NULL },
    { "¥", NULL },
    { "kr.", NULL },
    /* Not a currency. */
    { "", NULL },
    { "EURO", NULL },
    { "XYZ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (outlay_currency_from_written (cases[i].text), ==, cases[i].code);

  /* The amount parser reads the same currency from the same text, beside
   * an amount in a ledger of another currency. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      const char *code = NULL;
      gint64      amount = 0;

      if (cases[i].code == NULL)
        continue;

      text = g_strconcat (cases[i].text, " 12", NULL);
      g_assert_true (outlay_money_parse_decimal (text, '.', "SEK", &amount, &code, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/currency/table", test_currency_table);
  g_test_add_func ("/money/currency/for-locale", test_currency_for_locale);
  g_test_add_func ("/money/currency/from-written", test_currency_from_written);
  g_test_add_func ("/money/parse/accept", test_parse_accept);
  g_test_add_func ("/money/parse/reject", test_parse_reject);
  g_test_add_func ("/money/parse/messages", test_parse_messages);
  g_test_add_func ("/money/parse/arithmetic", test_parse_arithmetic);
  g_test_add_func ("/money/parse/nesting", test_parse_nesting);
  g_test_add_func ("/money/parse/plain", test_parse_plain);
  g_test_add_func ("/money/parse/decimal", test_parse_decimal);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/format/plain", test_format_plain);
  g_test_add_func ("/money/format/expense", test_format_expense);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/thread-locale", test_thread_locale);

  return g_test_run ();
}
