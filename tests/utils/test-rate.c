/* test-rate.c: rates as published and exact conversions
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

#include "outlay-rate.h"

typedef struct
{
  const char *text;
  gint64      mantissa;
  guint       scale;
  const char *canonical;
} GoodRate;

typedef struct
{
  const char *text;
  int         code;
} BadRate;

/* What the ECB publishes and what people type. */
static void
test_parse_good (void)
{
  static const GoodRate rates[] = {
    { "0.9205", 9205, 4, "0.9205" },
    { "161.23", 16123, 2, "161.23" },
    { "1", 1, 0, "1" },
    { "1.0", 10, 1, "1" },
    { "25.5620", 255620, 4, "25.562" },
    { " 1.0813 ", 10813, 4, "1.0813" },
    { "\t1.0813", 10813, 4, "1.0813" },
    { "0.5", 5, 1, "0.5" },
    { "0.000123", 123, 6, "0.000123" },
    { "000.25", 25, 2, "0.25" },
    { "15685.00", 1568500, 2, "15685" },
    { "123456789012345", 123456789012345, 0, "123456789012345" },
    { "0.000000000001", 1, 12, "0.000000000001" },
    { "123.456789012345", 123456789012345, 12, "123.456789012345" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;
      OutlayRate       rate = { 0, 0 };

      g_test_message ("%s", rates[i].text);
      g_assert_true (outlay_rate_parse (rates[i].text, &rate, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rate.mantissa, ==, rates[i].mantissa);
      g_assert_cmpuint (rate.scale, ==, rates[i].scale);
      text = outlay_rate_to_string (&rate);
      g_assert_cmpstr (text, ==, rates[i].canonical);
    }
}

/* Nothing a float parser or a locale would read: a rate in the store is
 * the text the publisher wrote. */
static void
test_parse_bad (void)
{
  static const BadRate rates[] = {
    { "", OUTLAY_RATE_ERROR_EMPTY },
    { "   ", OUTLAY_RATE_ERROR_EMPTY },
    { "N/A", OUTLAY_RATE_ERROR_INVALID },
    { "abc", OUTLAY_RATE_ERROR_INVALID },
    { "1e5", OUTLAY_RATE_ERROR_INVALID },
    { "1,5", OUTLAY_RATE_ERROR_INVALID },
    { "1.2.3", OUTLAY_RATE_ERROR_INVALID },
    { "+1", OUTLAY_RATE_ERROR_INVALID },
    { ".5", OUTLAY_RATE_ERROR_INVALID },
    { "1.", OUTLAY_RATE_ERROR_INVALID },
    { "1 000", OUTLAY_RATE_ERROR_INVALID },
    { "0x10", OUTLAY_RATE_ERROR_INVALID },
    { "inf", OUTLAY_RATE_ERROR_INVALID },
    { "-1", OUTLAY_RATE_ERROR_NOT_POSITIVE },
    { "0", OUTLAY_RATE_ERROR_NOT_POSITIVE },
    { "0.000", OUTLAY_RATE_ERROR_NOT_POSITIVE },
    { "1234567890123456", OUTLAY_RATE_ERROR_TOO_PRECISE },
    { "1.23456789012345", OUTLAY_RATE_ERROR_TOO_PRECISE },
    { "0.0000000000001", OUTLAY_RATE_ERROR_TOO_PRECISE },
    { "99999999999999999999999", OUTLAY_RATE_ERROR_TOO_PRECISE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autoptr (GError) error = NULL;
      OutlayRate rate = { 42, 1 };

      g_test_message ("“%s”", rates[i].text);
      g_assert_false (outlay_rate_parse (rates[i].text, &rate, &error));
      g_assert_error (error, OUTLAY_RATE_ERROR, rates[i].code);
      g_assert_null (strchr (error->message, '\n'));
      g_assert_cmpint (rate.mantissa, ==, 42);
      g_assert_cmpuint (rate.scale, ==, 1);
    }
}

/* The messages say what is wrong in a way a person can act on. */
static void
test_parse_messages (void)
{
  g_autoptr (GError) point = NULL;
  g_autoptr (GError) digits = NULL;
  g_autoptr (GError) decimals = NULL;
  g_autoptr (GError) text = NULL;

  g_assert_false (outlay_rate_parse (".5", NULL, &point));
  g_assert_nonnull (strstr (point->message, "0.5"));
  g_assert_false (outlay_rate_parse ("1234567890123456", NULL, &digits));
  g_assert_nonnull (strstr (digits->message, "15"));
  g_assert_false (outlay_rate_parse ("0.0000000000001", NULL, &decimals));
  g_assert_nonnull (strstr (decimals->message, "12"));
  g_assert_false (outlay_rate_parse (" N/A ", NULL, &text));
  g_assert_nonnull (strstr (text->message, "“N/A”"));
}

static OutlayRate
rate (const char *text)
{
  OutlayRate parsed = { 0, 0 };

  g_assert_true (outlay_rate_parse (text, &parsed, NULL));
  return parsed;
}

static void
test_normalize (void)
{
  static const char *const cases[][2] = {
    { " 0,9205 ", "0.9205" },
    { "0.9205", "0.9205" },
    { "1.234,5", "1.234,5" },
    { "1,2,3", "1,2,3" },
    { "", "" },
    { "12", "12" },
    /* Three digits after a comma could group thousands: left as typed. */
    { "1,350", "1,350" },
    { "0,135", "0.135" },
    { "1,35", "1.35" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = outlay_rate_normalize (cases[i][0]);

      g_assert_cmpstr (normalized, ==, cases[i][1]);
    }
}

static void
test_equal (void)
{
  OutlayRate a = rate ("1.0");
  OutlayRate b = rate ("1");
  OutlayRate c = rate ("1.0813");
  OutlayRate d = rate ("1.081300");
  OutlayRate e = rate ("1.0814");

  g_assert_true (outlay_rate_equal (&a, &b));
  g_assert_true (outlay_rate_equal (&c, &d));
  g_assert_false (outlay_rate_equal (&c, &e));
  g_assert_false (outlay_rate_equal (&a, &c));
}

/* Converts @amount with one step: "*" multiplies by @rate_text, "/"
 * divides by it. */
static gint64
convert_one (const char *from,
             const char *to,
             char        op,
             const char *rate_text,
             gint64      amount)
{
  OutlayConversion conversion;
  OutlayRate       r = rate (rate_text);
  gint64           result = G_MININT64;

  g_assert_true (outlay_conversion_init (&conversion, from, to));
  if (op == '*')
    g_assert_true (outlay_conversion_multiply (&conversion, &r));
  else
    g_assert_true (outlay_conversion_divide (&conversion, &r));
  g_assert_true (outlay_conversion_apply (&conversion, amount, &result));
  return result;
}

static void
test_convert_simple (void)
{
  /* "outlay rates set USD 0.9205": 1 USD = 0.9205 EUR.
   * 200.00 USD × 0.9205 = 184.10 EUR exactly. */
  g_assert_cmpint (convert_one ("USD", "EUR", '*', "0.9205", 20000), ==, 18410);

  /* ECB row 1 EUR = 161.23 JPY: 12.34 × 161.23 = 1989.5782 → 1990 yen. */
  g_assert_cmpint (convert_one ("EUR", "JPY", '*', "161.23", 1234), ==, 1990);

  /* Back through the same row: 1990 / 161.23 = 12.342616… → 12.34 EUR. */
  g_assert_cmpint (convert_one ("JPY", "EUR", '/', "161.23", 1990), ==, 1234);

  /* 1 JPY / 161.23 = 0.0062023… EUR → 0.01 EUR; 0 stays 0. */
  g_assert_cmpint (convert_one ("JPY", "EUR", '/', "161.23", 1), ==, 1);
  g_assert_cmpint (convert_one ("JPY", "EUR", '/', "161.23", 0), ==, 0);

  /* Same currency, rate 1: unchanged. */
  g_assert_cmpint (convert_one ("EUR", "EUR", '*', "1", -98765), ==, -98765);
}

static void
test_convert_three_decimals (void)
{
  /* 1 EUR = 0.4075 BHD: 12.34 × 0.4075 = 5.028550 BHD → 5.029 (5029 fils). */
  g_assert_cmpint (convert_one ("EUR", "BHD", '*', "0.4075", 1234), ==, 5029);

  /* 5.029 / 0.4075 = 12.341104… EUR → 12.34. */
  g_assert_cmpint (convert_one ("BHD", "EUR", '/', "0.4075", 5029), ==, 1234);

  /* 1 BHD = 2.6525 USD: 0.001 BHD × 2.6525 = 0.0026525 USD → 0.00;
   * 0.002 → 0.005305 → 0.01. */
  g_assert_cmpint (convert_one ("BHD", "USD", '*', "2.6525", 1), ==, 0);
  g_assert_cmpint (convert_one ("BHD", "USD", '*', "2.6525", 2), ==, 1);

  /* BHD to JPY, 1 BHD = 403.12 JPY: 1.234 × 403.12 = 497.45008 → 497. */
  g_assert_cmpint (convert_one ("BHD", "JPY", '*', "403.12", 1234), ==, 497);

  /* JPY to BHD, 1 JPY = 0.002481 BHD: 1000 × 0.002481 = 2.481 BHD. */
  g_assert_cmpint (convert_one ("JPY", "BHD", '*', "0.002481", 1000), ==, 2481);
}

/* A half goes away from zero, the same for a refund as for an expense. */
static void
test_convert_rounding (void)
{
  /* 0.01 × 0.5 = 0.005 → 0.01; 0.03 × 0.5 = 0.015 → 0.02. */
  g_assert_cmpint (convert_one ("EUR", "USD", '*', "0.5", 1), ==, 1);
  g_assert_cmpint (convert_one ("EUR", "USD", '*', "0.5", -1), ==, -1);
  g_assert_cmpint (convert_one ("EUR", "USD", '*', "0.5", 3), ==, 2);
  g_assert_cmpint (convert_one ("EUR", "USD", '*', "0.5", -3), ==, -2);

  /* Just under and over a half: 0.01 × 0.4999 = 0.004999 → 0;
   * 0.01 × 0.5001 → 0.01. */
  g_assert_cmpint (convert_one ("EUR", "USD", '*', "0.4999", 1), ==, 0);
  g_assert_cmpint (convert_one ("EUR", "USD", '*', "0.4999", -1), ==, 0);
  g_assert_cmpint (convert_one ("EUR", "USD", '*', "0.5001", -1), ==, -1);

  /* 0.05 EUR to JPY at 161.23: 8.0615 → 8; at 170: 8.5 → 9, -8.5 → -9. */
  g_assert_cmpint (convert_one ("EUR", "JPY", '*', "161.23", 5), ==, 8);
  g_assert_cmpint (convert_one ("EUR", "JPY", '*', "170", 5), ==, 9);
  g_assert_cmpint (convert_one ("EUR", "JPY", '*', "170", -5), ==, -9);
}

/* USD to GBP through two ECB rows of one day: 1 EUR = 1.0813 USD and
 * 1 EUR = 0.8571 GBP. 100.00 USD / 1.0813 × 0.8571
 * = 10000 × 8571 / 10813 pence = 85710000 / 10813 = 7926.5698… → 79.27 GBP.
 * Rounding the euros on the way (92.48 EUR × 0.8571 = 79.2646) would give
 * 79.26: the conversion must round only once. */
static void
test_convert_cross (void)
{
  OutlayConversion conversion;
  OutlayRate       usd = rate ("1.0813");
  OutlayRate       gbp = rate ("0.8571");
  gint64           pence = 0;

  g_assert_true (outlay_conversion_init (&conversion, "USD", "GBP"));
  g_assert_true (outlay_conversion_divide (&conversion, &usd));
  g_assert_true (outlay_conversion_multiply (&conversion, &gbp));
  g_assert_true (outlay_conversion_apply (&conversion, 10000, &pence));
  g_assert_cmpint (pence, ==, 7927);
  g_assert_true (outlay_conversion_apply (&conversion, -10000, &pence));
  g_assert_cmpint (pence, ==, -7927);

  /* JPY to BHD through EUR: 1 EUR = 161.23 JPY, 1 EUR = 0.4075 BHD.
   * 10000 JPY / 161.23 × 0.4075 = 62.022… EUR × 0.4075 = 25.274452… BHD,
   * in fils 10000 × 1000 × 0.4075 / 161.23 = 407500000 / 16123
   * = 25274.45… → 25.274 BHD. */
  g_assert_true (outlay_conversion_init (&conversion, "JPY", "BHD"));
  g_assert_true (outlay_conversion_divide (&conversion, &(OutlayRate){ 16123, 2 }));
  g_assert_true (outlay_conversion_multiply (&conversion, &(OutlayRate){ 4075, 4 }));
  g_assert_true (outlay_conversion_apply (&conversion, 10000, &pence));
  g_assert_cmpint (pence, ==, 25274);
}

/* Three expenses of 0.05 EUR in USD at 1.0813: each is 5.4065 cents,
 * 5 when rounded alone (15 together), but the sum 16.2195 rounds to 16. */
static void
test_sum_rounds_once (void)
{
  OutlayConversion   conversion;
  OutlayConvertedSum sum;
  OutlayRate         usd = rate ("1.0813");
  gint64             total = 0;
  gint64             each = 0;

  g_assert_true (outlay_conversion_init (&conversion, "EUR", "USD"));
  g_assert_true (outlay_conversion_multiply (&conversion, &usd));
  g_assert_true (outlay_conversion_apply (&conversion, 5, &each));
  g_assert_cmpint (each, ==, 5);

  outlay_converted_sum_init (&sum);
  for (guint i = 0; i < 3; i++)
    g_assert_true (outlay_converted_sum_add (&sum, &conversion, 5));
  g_assert_true (outlay_converted_sum_get (&sum, &total));
  g_assert_cmpint (total, ==, 16);

  /* A refund of all three brings it back to 0; an empty sum is 0. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (outlay_converted_sum_add (&sum, &conversion, -5));
  g_assert_true (outlay_converted_sum_get (&sum, &total));
  g_assert_cmpint (total, ==, 0);
}

/* Terms of different currencies, and thirds that never end in decimals:
 * 1 JPY / 161.23 three times is 0.018607… EUR → 0.02 (each alone: 0.01, 0.03
 * together). Two refunds of 0.05 EUR at 0.5 are -0.05 USD exactly, with
 * halves that must not round on the way: -0.025 twice is -0.05. */
static void
test_sum_mixed (void)
{
  OutlayConversion   jpy;
  OutlayConversion   half;
  OutlayConvertedSum sum;
  gint64             total = 0;

  g_assert_true (outlay_conversion_init (&jpy, "JPY", "EUR"));
  g_assert_true (outlay_conversion_divide (&jpy, &(OutlayRate){ 16123, 2 }));
  outlay_converted_sum_init (&sum);
  for (guint i = 0; i < 3; i++)
    g_assert_true (outlay_converted_sum_add (&sum, &jpy, 1));
  g_assert_true (outlay_converted_sum_get (&sum, &total));
  g_assert_cmpint (total, ==, 2);

  g_assert_true (outlay_conversion_init (&half, "EUR", "USD"));
  g_assert_true (outlay_conversion_multiply (&half, &(OutlayRate){ 5, 1 }));
  outlay_converted_sum_init (&sum);
  g_assert_true (outlay_converted_sum_add (&sum, &half, -5));
  g_assert_true (outlay_converted_sum_add (&sum, &half, -5));
  g_assert_true (outlay_converted_sum_get (&sum, &total));
  g_assert_cmpint (total, ==, -5);
  g_assert_true (outlay_converted_sum_add (&sum, &half, -1));
  g_assert_true (outlay_converted_sum_get (&sum, &total));
  /* One more refund of 0.01 EUR: -0.055 USD, a half → -0.06. */
  g_assert_cmpint (total, ==, -6);
}

/* Terms of two currencies in one total: 0.05 EUR at 1.0813 is 5.4065 US
 * cents and 0.01 GBP at 1.2 is 1.2; alone they round to 5 + 1 = 6, but
 * together 6.6065 rounds to 7. A third of a cent in yen joins them:
 * 1 JPY / 161.23 × 1.0813 = 0.6706… cents, 7.2771… in all → 7. */
static void
test_sum_currencies (void)
{
  OutlayConversion   eur;
  OutlayConversion   gbp;
  OutlayConversion   jpy;
  OutlayConvertedSum sum;
  gint64             total = 0;

  g_assert_true (outlay_conversion_init (&eur, "EUR", "USD"));
  g_assert_true (outlay_conversion_multiply (&eur, &(OutlayRate){ 10813, 4 }));
  g_assert_true (outlay_conversion_init (&gbp, "GBP", "USD"));
  g_assert_true (outlay_conversion_multiply (&gbp, &(OutlayRate){ 12, 1 }));
  g_assert_true (outlay_conversion_init (&jpy, "JPY", "USD"));
  g_assert_true (outlay_conversion_divide (&jpy, &(OutlayRate){ 16123, 2 }));
  g_assert_true (outlay_conversion_multiply (&jpy, &(OutlayRate){ 10813, 4 }));

  outlay_converted_sum_init (&sum);
  g_assert_true (outlay_converted_sum_add (&sum, &eur, 5));
  g_assert_true (outlay_converted_sum_add (&sum, &gbp, 1));
  g_assert_true (outlay_converted_sum_get (&sum, &total));
  g_assert_cmpint (total, ==, 7);
  g_assert_true (outlay_converted_sum_add (&sum, &jpy, 1));
  g_assert_true (outlay_converted_sum_get (&sum, &total));
  g_assert_cmpint (total, ==, 7);

  /* Back and forth between currencies: 3 × 5.4065 + 2 × 1.2 = 18.6195 → 19,
   * and the yen: + 0.6706… = 19.2901… → 19; a refund of 2 GBP cents and
   * of the yen: 16.2195 → 16. */
  outlay_converted_sum_init (&sum);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (outlay_converted_sum_add (&sum, &eur, 5));
      if (i < 2)
        g_assert_true (outlay_converted_sum_add (&sum, &gbp, 1));
    }
  g_assert_true (outlay_converted_sum_get (&sum, &total));
  g_assert_cmpint (total, ==, 19);
  g_assert_true (outlay_converted_sum_add (&sum, &jpy, 1));
  g_assert_true (outlay_converted_sum_get (&sum, &total));
  g_assert_cmpint (total, ==, 19);
  g_assert_true (outlay_converted_sum_add (&sum, &gbp, -2));
  g_assert_true (outlay_converted_sum_add (&sum, &jpy, -1));
  g_assert_true (outlay_converted_sum_get (&sum, &total));
  g_assert_cmpint (total, ==, 16);
}

/* A result past a gint64 is refused, never wrapped. */
static void
test_overflow (void)
{
  OutlayConversion   conversion;
  OutlayConvertedSum sum;
  OutlayRate         big = rate ("999999999999999");
  gint64             result = 7;
  guint              steps = 0;

  g_assert_true (outlay_conversion_init (&conversion, "JPY", "BHD"));
  g_assert_true (outlay_conversion_multiply (&conversion, &big));
  g_assert_false (outlay_conversion_apply (&conversion, G_MAXINT64, &result));
  g_assert_false (outlay_conversion_apply (&conversion, G_MININT64, &result));
  g_assert_false (outlay_conversion_apply (&conversion, 10000000, &result));
  g_assert_cmpint (result, ==, 7);
  /* 9223 × 999999999999999 × 1000 = 9.222999…e21: too large as well. */
  g_assert_false (outlay_conversion_apply (&conversion, 9223, &result));
  /* 9 × 999999999999999000 fits. */
  g_assert_true (outlay_conversion_apply (&conversion, 9, &result));
  g_assert_cmpint (result, ==, G_GINT64_CONSTANT (8999999999999991000));

  /* Each multiply grows the fraction; it refuses before wrapping. */
  while (outlay_conversion_multiply (&conversion, &big))
    steps++;
  g_assert_cmpuint (steps, <, 8);

  /* A sum that outgrows 64 bits says so and stays refused. */
  g_assert_true (outlay_conversion_init (&conversion, "EUR", "EUR"));
  outlay_converted_sum_init (&sum);
  g_assert_true (outlay_converted_sum_add (&sum, &conversion, G_MAXINT64));
  g_assert_true (outlay_converted_sum_get (&sum, &result));
  g_assert_cmpint (result, ==, G_MAXINT64);
  g_assert_true (outlay_converted_sum_add (&sum, &conversion, 1));
  g_assert_false (outlay_converted_sum_get (&sum, &result));
  g_assert_true (outlay_converted_sum_add (&sum, &conversion, -1));
  g_assert_true (outlay_converted_sum_get (&sum, &result));
  g_assert_cmpint (result, ==, G_MAXINT64);

  g_assert_true (outlay_conversion_init (&conversion, "JPY", "BHD"));
  g_assert_true (outlay_conversion_multiply (&conversion, &big));
  outlay_converted_sum_init (&sum);
  g_assert_false (outlay_converted_sum_add (&sum, &conversion, G_MAXINT64));
  g_assert_false (outlay_converted_sum_add (&sum, &conversion, 1));
  g_assert_false (outlay_converted_sum_get (&sum, &result));

  g_assert_false (outlay_conversion_init (&conversion, "EUR", "XYZ"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rate/parse/good", test_parse_good);
  g_test_add_func ("/rate/parse/bad", test_parse_bad);
  g_test_add_func ("/rate/parse/messages", test_parse_messages);
  g_test_add_func ("/rate/normalize", test_normalize);
  g_test_add_func ("/rate/equal", test_equal);
  g_test_add_func ("/rate/convert/simple", test_convert_simple);
  g_test_add_func ("/rate/convert/three-decimals", test_convert_three_decimals);
  g_test_add_func ("/rate/convert/rounding", test_convert_rounding);
  g_test_add_func ("/rate/convert/cross", test_convert_cross);
  g_test_add_func ("/rate/sum/rounds-once", test_sum_rounds_once);
  g_test_add_func ("/rate/sum/mixed", test_sum_mixed);
  g_test_add_func ("/rate/sum/currencies", test_sum_currencies);
  g_test_add_func ("/rate/overflow", test_overflow);

  return g_test_run ();
}
