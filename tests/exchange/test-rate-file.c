/* test-rate-file.c: reading files of exchange rates
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

#include <string.h>

#include "outlay-currency.h"
#include "outlay-date.h"
#include "outlay-rate-file.h"

/* What a read gave: a line "LINE DAY CURRENCY QUOTE RATE" a rate, and
 * "LINE: REASON" a problem. */
typedef struct
{
  GPtrArray *rates;
  guint      stop_after;
  guint      n_progress;
  gsize      last_done;
} Collected;

static gboolean
collect_rate (const OutlayRateFileEntry *entry,
              gpointer                   user_data,
              GError                   **error)
{
  Collected *collected = user_data;
  OutlayRate check;

  /* The text as published, and what it reads as. */
  g_assert_true (outlay_rate_parse (entry->rate_text, &check, NULL));
  g_assert_true (outlay_rate_equal (&check, &entry->rate));
  g_assert_true (outlay_currency_is_valid (entry->currency));
  g_assert_true (outlay_currency_is_valid (entry->quote));
  g_assert_cmpstr (entry->currency, !=, entry->quote);

  if (collected->stop_after > 0 && collected->rates->len == collected->stop_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "The disk is full");
      return FALSE;
    }
  g_ptr_array_add (collected->rates, g_strdup_printf ("%u %s %s %s %s", entry->line, entry->day, entry->currency,
                                                      entry->quote, entry->rate_text));
  return TRUE;
}

static void
count_progress (gsize    done,
                gsize    total,
                gpointer user_data)
{
  Collected *collected = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, collected->last_done);
  collected->last_done = done;
  collected->n_progress++;
}

static char *
load_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "rates", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Reads @data and checks the rates and problems against @expected_rates
 * and @expected_problems (NULL-terminated, in the order of the file). */
static void
check_read (const char          *name,
            const char          *data,
            gsize                length,
            OutlayRateFileFormat format,
            const char *const   *expected_rates,
            const char *const   *expected_problems)
{
  g_autoptr (OutlayRateFile) file = outlay_rate_file_new ("EUR");
  g_autoptr (GPtrArray) rates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  Collected  collected = { rates, 0, 0, 0 };
  GPtrArray *problems;

  outlay_rate_file_set_progress_func (file, count_progress, &collected);
  g_assert_true (outlay_rate_file_read (file, name, data, length, collect_rate, &collected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_rate_file_get_format (file), ==, format);
  g_assert_cmpuint (collected.n_progress, >=, 1);

  g_assert_cmpuint (rates->len, ==, g_strv_length ((char **) expected_rates));
  for (guint i = 0; i < rates->len; i++)
    g_assert_cmpstr (g_ptr_array_index (rates, i), ==, expected_rates[i]);
  g_assert_cmpuint (outlay_rate_file_get_n_rates (file), ==, rates->len);

  problems = outlay_rate_file_get_problems (file);
  for (guint i = 0; i < problems->len; i++)
    {
      OutlayRateFileProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char       *line = g_strdup_printf ("%u: %s", problem->line, problem->reason);

      g_test_message ("%s", line);
      g_assert_nonnull (expected_problems[i]);
      g_assert_true (g_str_has_prefix (line, expected_problems[i]));
      g_assert_null (strchr (problem->reason, '\n'));
    }
  g_assert_cmpuint (problems->len, ==, g_strv_length ((char **) expected_problems));
}

static void
check_fixture (const char          *name,
               OutlayRateFileFormat format,
               const char *const   *expected_rates,
               const char *const   *expected_problems)
{
  gsize            length = 0;
  g_autofree char *data = load_fixture (name, &length);

  check_read (name, data, length, format, expected_rates, expected_problems);
}

/* The ECB's history: a rate a currency and working day, 1 EUR = v CODE;
 * N/A and the empty column after the trailing comma say nothing. */
static void
test_ecb_csv (void)
{
  static const char *const rates[] = {
    "2 2024-05-14 EUR USD 1.0813", "2 2024-05-14 EUR JPY 168.82", "2 2024-05-14 EUR BGN 1.9558",
    "2 2024-05-14 EUR CZK 24.788", "2 2024-05-14 EUR GBP 0.85965",
    "3 2024-05-13 EUR USD 1.0787", "3 2024-05-13 EUR JPY 168.21", "3 2024-05-13 EUR BGN 1.9558",
    "3 2024-05-13 EUR CZK 24.813", "3 2024-05-13 EUR GBP 0.8597",
    "5 2024-05-10 EUR USD 1.0772", "5 2024-05-10 EUR BGN 1.9558", "5 2024-05-10 EUR CZK 24.819",
    "5 2024-05-10 EUR GBP 0.8604",
    "6 2024-05-09 EUR USD 1.0745", "6 2024-05-09 EUR JPY 167.36", "6 2024-05-09 EUR BGN 1.9558",
    "6 2024-05-09 EUR GBP 0.86183",
    "8 2007-12-31 EUR USD 1.4721", "8 2007-12-31 EUR JPY 164.93", "8 2007-12-31 EUR BGN 1.9558",
    "8 2007-12-31 EUR CZK 26.628", "8 2007-12-31 EUR GBP 0.73335",
    "9 2007-12-28 EUR USD 1.4603", "9 2007-12-28 EUR JPY 163.92", "9 2007-12-28 EUR BGN 1.9558",
    "9 2007-12-28 EUR CZK 26.514", "9 2007-12-28 EUR GBP 0.73465",
    NULL
  };
  static const char *const problems[] = {
    "1: “CYP” is not a currency Outlay knows",
    "1: “MTL” is not a currency Outlay knows",
    "4: “2024-13-01” is not a day written YYYY-MM-DD",
    "5: EUR to JPY on 2024-05-10: “abc” is not a rate",
    "6: EUR to CZK on 2024-05-09: A rate must be greater than zero",
    "9: The line has more rates than the header has currencies",
    NULL
  };

  check_fixture ("eurofxref-hist.csv", OUTLAY_RATE_FILE_FORMAT_ECB_CSV, rates, problems);
}

static void
test_ecb_csv_bom_crlf (void)
{
  static const char *const rates[] = {
    "2 2024-05-14 EUR USD 1.0813", "2 2024-05-14 EUR JPY 168.82", "3 2024-05-13 EUR USD 1.0787", NULL
  };
  static const char *const problems[] = { NULL };

  check_fixture ("eurofxref-hist-bom-crlf.csv", OUTLAY_RATE_FILE_FORMAT_ECB_CSV, rates, problems);
}

/* The ECB's daily CSV writes the day in words and a space after each comma. */
static void
test_ecb_csv_daily (void)
{
  static const char *const rates[] = {
    "2 2024-05-14 EUR USD 1.0813", "2 2024-05-14 EUR JPY 168.82", "2 2024-05-14 EUR BGN 1.9558",
    "2 2024-05-14 EUR CZK 24.788", NULL
  };
  static const char *const problems[] = { NULL };
  static const char *const bad_problems[] = {
    "2: “31 Feb 2024” is not a day written YYYY-MM-DD", "3: “14 Mai 2024” is not a day written YYYY-MM-DD",
    "4: “May 14 2024” is not a day written YYYY-MM-DD", NULL
  };
  static const char *const no_rates[] = { NULL };
  static const char        bad[] = "Date, USD\n31 Feb 2024, 1.08\n14 Mai 2024, 1.08\nMay 14 2024, 1.08\n";

  check_fixture ("eurofxref.csv", OUTLAY_RATE_FILE_FORMAT_ECB_CSV, rates, problems);
  check_read (NULL, bad, strlen (bad), OUTLAY_RATE_FILE_FORMAT_ECB_CSV, no_rates, bad_problems);
}

/* The ECB's rates are for one euro: a column or a Cube for EUR is left
 * out, once. */
static void
test_ecb_euro (void)
{
  static const char        csv[] = "Date,EUR,USD\n2024-05-14,1,1.0813\n2024-05-13,1,1.0787\n";
  static const char        xml[] = "<gesmes:Envelope><Cube><Cube time='2024-05-14'>\n"
                                   "<Cube currency='EUR' rate='1'/>\n<Cube currency='USD' rate='1.0813'/>\n"
                                   "</Cube></Cube></gesmes:Envelope>\n";
  static const char *const csv_rates[] = { "2 2024-05-14 EUR USD 1.0813", "3 2024-05-13 EUR USD 1.0787", NULL };
  static const char *const csv_problems[] = { "1: A rate from EUR to itself says nothing", NULL };
  static const char *const xml_rates[] = { "3 2024-05-14 EUR USD 1.0813", NULL };
  static const char *const xml_problems[] = { "2: A rate from EUR to itself says nothing", NULL };

  check_read (NULL, csv, strlen (csv), OUTLAY_RATE_FILE_FORMAT_ECB_CSV, csv_rates, csv_problems);
  check_read (NULL, xml, strlen (xml), OUTLAY_RATE_FILE_FORMAT_ECB_XML, xml_rates, xml_problems);
}

static void
test_ecb_xml_daily (void)
{
  static const char *const rates[] = {
    "9 2024-05-14 EUR USD 1.0813", "10 2024-05-14 EUR JPY 168.82", "11 2024-05-14 EUR BGN 1.9558",
    "12 2024-05-14 EUR GBP 0.85965", "13 2024-05-14 EUR ISK 150.10", NULL
  };
  static const char *const problems[] = { NULL };

  check_fixture ("eurofxref-daily.xml", OUTLAY_RATE_FILE_FORMAT_ECB_XML, rates, problems);
}

/* With a byte order mark and CRLF, an unknown currency, a day that does
 * not exist and a rate that is not one. */
static void
test_ecb_xml_90d (void)
{
  static const char *const rates[] = {
    "9 2022-12-30 EUR USD 1.0666", "11 2022-12-30 EUR JPY 140.66", "18 2022-12-29 EUR JPY 141.20", NULL
  };
  static const char *const problems[] = {
    "10: “HRK” is not a currency Outlay knows",
    "13: “2022-02-30” is not a day written YYYY-MM-DD",
    "17: EUR to USD on 2022-12-29: “N/A” is not a rate",
    NULL
  };

  check_fixture ("eurofxref-hist-90d.xml", OUTLAY_RATE_FILE_FORMAT_ECB_XML, rates, problems);
}

/* date,currency,rate[,quote] with a header, a byte order mark and CRLF:
 * the quote is the home currency where the row names none. */
static void
test_plain_csv (void)
{
  static const char *const rates[] = {
    "2 2024-05-14 USD EUR 0.9248", "3 2024-05-14 GBP EUR 1.1633", "4 2024-05-14 JPY USD 0.0059",
    "13 2024-05-15 CHF EUR 1.0252", NULL
  };
  static const char *const problems[] = {
    "5: “2024-02-30” is not a day written YYYY-MM-DD",
    "6: “14/05/2024” is not a day written YYYY-MM-DD",
    "7: “XYZ” is not a currency Outlay knows",
    "8: “5” is not a currency code such as USD",
    "9: A rate needs a date, a currency and the rate",
    "10: A rate from EUR to itself says nothing",
    "11: USD to EUR on 2024-05-14: A rate must be greater than zero",
    "14: “XYZ” is not a currency Outlay knows",
    NULL
  };

  check_fixture ("plain.csv", OUTLAY_RATE_FILE_FORMAT_PLAIN_CSV, rates, problems);
}

static void
test_plain_csv_no_header (void)
{
  static const char *const rates[] = { "1 2024-05-14 USD EUR 0.9248", "2 2024-05-15 USD EUR 0.9201", NULL };
  static const char *const problems[] = { NULL };
  static const char *const swapped_rates[] = { "4 2024-05-14 USD GBP 0.79", NULL };
  static const char        swapped[] = "\n\nrate,quote,currency,date\n0.79,GBP,USD,2024-05-14\n";

  check_fixture ("plain-no-header.csv", OUTLAY_RATE_FILE_FORMAT_PLAIN_CSV, rates, problems);
  /* A header may put the columns in any order. */
  check_read (NULL, swapped, strlen (swapped), OUTLAY_RATE_FILE_FORMAT_PLAIN_CSV, swapped_rates, problems);
}

static void
check_refused (const char *name,
               const char *data,
               gsize       length,
               int         code,
               const char *in_message)
{
  g_autoptr (OutlayRateFile) file = outlay_rate_file_new ("EUR");
  g_autoptr (GPtrArray) rates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  Collected collected = { rates, 0, 0, 0 };

  g_assert_false (outlay_rate_file_read (file, name, data, length, collect_rate, &collected, NULL, &error));
  g_assert_error (error, OUTLAY_RATE_FILE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, in_message));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpuint (rates->len, ==, 0);
  g_assert_cmpint (outlay_rate_file_get_format (file), ==, OUTLAY_RATE_FILE_FORMAT_UNKNOWN);
}

/* A file that holds no rates is refused as a whole, saying what is read. */
static void
test_refused (void)
{
  gsize             length = 0;
  g_autofree char  *bank = load_fixture ("bank-statement.csv", &length);
  static const char html[] = "<html><body><p>Rates</p></body></html>";

  check_refused ("bank-statement.csv", bank, length, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT,
                 "“bank-statement.csv” is not a file of exchange rates");
  check_refused ("bank-statement.csv", bank, length, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT, "eurofxref-hist.csv");
  check_refused ("bank-statement.csv", bank, length, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT, "date,currency,rate");
  check_refused (NULL, "", 0, OUTLAY_RATE_FILE_ERROR_EMPTY, "empty");
  check_refused (NULL, "\xef\xbb\xbf\r\n  \n", 7, OUTLAY_RATE_FILE_ERROR_EMPTY, "empty");
  check_refused (NULL, "Date,USD\n2024-05-14,\xff\xfe\n", 23, OUTLAY_RATE_FILE_ERROR_NOT_TEXT, "UTF-8");
  check_refused ("page.xml", html, strlen (html), OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT, "ECB");
  check_refused (NULL, "<<<", 3, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT, "XML");
  check_refused (NULL, "hello\n", 6, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT, "not a file of exchange rates");
  check_refused (NULL, "Date,Usd\n", 9, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT, "not a file of exchange rates");
}

/* An ECB XML file cut off in the middle keeps what came before, and says
 * where the rest was lost. */
static void
test_xml_truncated (void)
{
  static const char cut[] =
    "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\">\n"
    "<Cube>\n"
    "<Cube time=\"2024-05-14\">\n"
    "<Cube currency=\"USD\" rate=\"1.0813\"/>\n"
    "<Cube currency=\"JPY\" rate=\"16";
  static const char *const rates[] = { "4 2024-05-14 EUR USD 1.0813", NULL };
  static const char *const problems[] = { "5: The rest of the file cannot be read", NULL };

  check_read (NULL, cut, strlen (cut), OUTLAY_RATE_FILE_FORMAT_ECB_XML, rates, problems);
}

/* The callback's error stops the read and comes back as it was. */
static void
test_callback_stops (void)
{
  g_autoptr (OutlayRateFile) file = outlay_rate_file_new ("EUR");
  g_autoptr (GPtrArray) rates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  Collected   collected = { rates, 2, 0, 0 };
  const char *names[] = { "eurofxref-hist.csv", "eurofxref-daily.xml", "plain.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize            length = 0;
      g_autofree char *data = load_fixture (names[i], &length);

      g_ptr_array_set_size (rates, 0);
      g_clear_error (&error);
      g_assert_false (outlay_rate_file_read (file, names[i], data, length, collect_rate, &collected, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpuint (rates->len, ==, 2);
      g_assert_cmpuint (outlay_rate_file_get_n_rates (file), ==, 2);
    }
}

static void
test_cancelled (void)
{
  g_autoptr (OutlayRateFile) file = outlay_rate_file_new ("EUR");
  g_autoptr (GPtrArray) rates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  Collected        collected = { rates, 0, 0, 0 };
  gsize            length = 0;
  g_autofree char *data = load_fixture ("eurofxref-hist.csv", &length);

  g_cancellable_cancel (cancellable);
  g_assert_false (outlay_rate_file_read (file, NULL, data, length, collect_rate, &collected, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (rates->len, ==, 0);
}

/* The codes of 41 currencies Outlay knows, as the ECB's columns. */
static GPtrArray *
history_codes (void)
{
  GPtrArray            *codes = g_ptr_array_new ();
  guint                 n_currencies = 0;
  const OutlayCurrency *currencies = outlay_currency_get_all (&n_currencies);

  for (guint i = 0; i < n_currencies && codes->len < 41; i++)
    if (strcmp (currencies[i].code, "EUR") != 0)
      g_ptr_array_add (codes, (gpointer) currencies[i].code);
  g_assert_cmpuint (codes->len, ==, 41);
  return codes;
}

static gboolean
count_rate (const OutlayRateFileEntry *entry,
            gpointer                   user_data,
            GError                   **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* 27 years of working days × 41 currencies, as big as the ECB's history
 * will be for a while: read in well under a second. */
static void
test_speed (void)
{
  g_autoptr (GPtrArray) codes = history_codes ();
  g_autoptr (GString) text = g_string_new ("Date");
  g_autoptr (OutlayRateFile) file = outlay_rate_file_new ("EUR");
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) day = g_date_new_dmy (31, 12, 2025);
  guint  n_rows = 27 * 261;
  guint  counted = 0;
  gint64 start;
  double seconds;

  for (guint i = 0; i < codes->len; i++)
    g_string_append_printf (text, ",%s", (const char *) g_ptr_array_index (codes, i));
  g_string_append (text, ",\n");
  for (guint row = 0; row < n_rows; row++)
    {
      char iso[OUTLAY_DATE_ISO_SIZE];

      outlay_date_format_iso_buf (day, iso);
      g_string_append (text, iso);
      for (guint i = 0; i < codes->len; i++)
        g_string_append_printf (text, ",%u.%04u", 1 + (row + i) % 200, (row * 7 + i * 13) % 10000);
      g_string_append (text, ",\n");
      g_date_subtract_days (day, 1);
    }

  start = g_get_monotonic_time ();
  g_assert_true (outlay_rate_file_read (file, NULL, text->str, text->len, count_rate, &counted, NULL, &error));
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_assert_cmpuint (counted, ==, n_rows * 41);
  g_assert_cmpuint (outlay_rate_file_get_problems (file)->len, ==, 0);
  g_test_message ("%u rates (%" G_GSIZE_FORMAT " bytes) in %.3f s", counted, text->len, seconds);
  /* Generous for sanitizer builds; the benchmark holds the real target. */
  g_assert_cmpfloat (seconds, <, 5.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rate-file/ecb-csv", test_ecb_csv);
  g_test_add_func ("/rate-file/ecb-csv/bom-crlf", test_ecb_csv_bom_crlf);
  g_test_add_func ("/rate-file/ecb-csv/daily", test_ecb_csv_daily);
  g_test_add_func ("/rate-file/ecb-euro", test_ecb_euro);
  g_test_add_func ("/rate-file/ecb-xml/daily", test_ecb_xml_daily);
  g_test_add_func ("/rate-file/ecb-xml/90d", test_ecb_xml_90d);
  g_test_add_func ("/rate-file/ecb-xml/truncated", test_xml_truncated);
  g_test_add_func ("/rate-file/plain-csv", test_plain_csv);
  g_test_add_func ("/rate-file/plain-csv/no-header", test_plain_csv_no_header);
  g_test_add_func ("/rate-file/refused", test_refused);
  g_test_add_func ("/rate-file/callback-stops", test_callback_stops);
  g_test_add_func ("/rate-file/cancelled", test_cancelled);
  g_test_add_func ("/rate-file/speed", test_speed);

  return g_test_run ();
}
