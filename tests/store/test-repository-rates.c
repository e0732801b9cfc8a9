/* test-repository-rates.c: exchange rates and totals in the home currency
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

#include "outlay-repository.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

static void
count_call (guint *n)
{
  (*n)++;
}

static void
set_rate (Fixture    *fixture,
          const char *currency,
          const char *quote,
          const char *day,
          const char *rate)
{
  g_autoptr (OutlayExchangeRate) stored = NULL;
  g_autoptr (GError) error = NULL;

  stored = outlay_repository_set_rate (fixture->repository, currency, quote, day, rate, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
}

/* Imported as a file's rates are: 1 EUR = @rate @quote. */
static void
import_ecb (Fixture    *fixture,
            const char *quote,
            const char *day,
            const char *rate)
{
  OutlayRateEntry     entry = { "EUR", quote, day, rate };
  OutlayRatesImported imported;
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_repository_import_rates (fixture->repository, &entry, 1, "ECB", NULL, NULL, NULL, &imported,
                                                 &error));
  g_assert_no_error (error);
}

static void
assert_refused (Fixture    *fixture,
                const char *currency,
                const char *quote,
                const char *day,
                const char *rate,
                const char *message)
{
  g_autoptr (OutlayExchangeRate) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = outlay_test_dump_store (outlay_test_handle (fixture));
  g_autofree char *after = NULL;

  stored = outlay_repository_set_rate (fixture->repository, currency, quote, day, rate, &error);
  g_assert_null (stored);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_RATE);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
}

/* A rate the person gives: kept as written, one a pair and day, listed,
 * deleted and brought back; what cannot be a rate is refused. */
static void
test_entered (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (OutlayExchangeRate) stored = NULL;
  g_autoptr (OutlayExchangeRate) deleted = NULL;
  g_autoptr (OutlayExchangeRate) restored = NULL;
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  guint n_changed = 0;

  g_signal_connect_swapped (fixture->repository, "rates-changed", G_CALLBACK (count_call), &n_changed);
  stored = outlay_repository_set_rate (fixture->repository, "USD", "EUR", "2024-05-14", " 0.9205 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_exchange_rate_get_rate (stored), ==, "0.9205");
  g_assert_cmpint (outlay_exchange_rate_get_source (stored), ==, OUTLAY_RATE_SOURCE_ENTERED);
  g_assert_null (outlay_exchange_rate_get_source_name (stored));
  outlay_test_assert_timestamp (outlay_exchange_rate_get_created_at (stored));
  g_assert_cmpuint (n_changed, ==, 1);
  uuid = g_strdup (outlay_exchange_rate_get_uuid (stored));
  g_clear_object (&stored);

  /* The same day again replaces it; the same rate changes nothing. */
  set_rate (fixture, "USD", "EUR", "2024-05-14", "0.9210");
  set_rate (fixture, "USD", "EUR", "2024-05-14", "0.9210");
  g_assert_cmpuint (n_changed, ==, 2);
  set_rate (fixture, "USD", "EUR", "2024-05-15", "0.9199");
  set_rate (fixture, "GBP", "EUR", "2024-05-15", "1.1655");
  rates = outlay_repository_list_rates (fixture->repository, "USD", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 2);
  g_assert_cmpstr (outlay_exchange_rate_get_day (rates->pdata[0]), ==, "2024-05-15");
  g_assert_cmpstr (outlay_exchange_rate_get_rate (rates->pdata[1]), ==, "0.9210");
  g_assert_cmpstr (outlay_exchange_rate_get_uuid (rates->pdata[1]), ==, uuid);
  g_clear_pointer (&rates, g_ptr_array_unref);
  rates = outlay_repository_list_rates (fixture->repository, "EUR", 1, &error);
  g_assert_cmpuint (rates->len, ==, 1);

  deleted = outlay_repository_delete_rate (fixture->repository, uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (outlay_exchange_rate_get_deleted_at (deleted));
  g_clear_pointer (&rates, g_ptr_array_unref);
  rates = outlay_repository_list_rates (fixture->repository, "USD", 0, &error);
  g_assert_cmpuint (rates->len, ==, 1);
  restored = outlay_repository_restore_rate (fixture->repository, uuid, &error);
  g_assert_no_error (error);
  g_assert_null (outlay_exchange_rate_get_deleted_at (restored));
  g_assert_cmpstr (outlay_exchange_rate_get_rate (restored), ==, "0.9210");

  /* Deleted, then another for its day: the Undo leaves that one. */
  g_clear_object (&deleted);
  deleted = outlay_repository_delete_rate (fixture->repository, uuid, &error);
  set_rate (fixture, "USD", "EUR", "2024-05-14", "0.93");
  g_clear_object (&restored);
  restored = outlay_repository_restore_rate (fixture->repository, uuid, &error);
  g_assert_null (restored);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_RATE);

  assert_refused (fixture, "USD", "USD", "2024-05-14", "1", "two different currencies");
  assert_refused (fixture, "XYZ", "EUR", "2024-05-14", "1", "“XYZ”");
  assert_refused (fixture, "USD", "eur", "2024-05-14", "1", "“eur”");
  assert_refused (fixture, "USD", "EUR", "2024-02-30", "1", "real day");
  assert_refused (fixture, "USD", "EUR", "2024-05-14", "0", "");
  assert_refused (fixture, "USD", "EUR", "2024-05-14", "-0.92", "");
  assert_refused (fixture, "USD", "EUR", "2024-05-14", "0,92", "");
  assert_refused (fixture, "USD", "EUR", "2024-05-14", "N/A", "");
  assert_refused (fixture, "USD", "EUR", "2024-05-14", "", "");
}

/* A file's rates in one write: again, they change nothing; a new rate for
 * a day replaces the old; one bad entry or a cancel writes none. */
static void
test_import (Fixture      *fixture,
             gconstpointer user_data)
{
  const OutlayRateEntry entries[] = {
    { "EUR", "USD", "2024-05-14", "1.0813" },
    { "EUR", "JPY", "2024-05-14", "168.45" },
    { "EUR", "USD", "2024-05-15", "1.0826" },
  };
  OutlayRateEntry       again[G_N_ELEMENTS (entries)];
  const OutlayRateEntry bad[] = {
    { "EUR", "GBP", "2024-05-14", "0.8589" },
    { "EUR", "CHF", "2024-05-14", "N/A" },
  };
  OutlayRatesImported imported = { 0, 0, 0 };
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (outlay_repository_import_rates (fixture->repository, entries, G_N_ELEMENTS (entries), "ECB", NULL,
                                                 NULL, NULL, &imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported.added, ==, 3);

  memcpy (again, entries, sizeof entries);
  again[1].rate = "168.4500";
  g_assert_true (outlay_repository_import_rates (fixture->repository, again, G_N_ELEMENTS (again), "ECB", NULL, NULL,
                                                 NULL, &imported, &error));
  g_assert_cmpuint (imported.added, ==, 0);
  g_assert_cmpuint (imported.changed, ==, 1);
  g_assert_cmpuint (imported.unchanged, ==, 2);
  rates = outlay_repository_list_rates (fixture->repository, "JPY", 0, &error);
  g_assert_cmpuint (rates->len, ==, 1);
  g_assert_cmpstr (outlay_exchange_rate_get_rate (rates->pdata[0]), ==, "168.4500");
  g_assert_cmpint (outlay_exchange_rate_get_source (rates->pdata[0]), ==, OUTLAY_RATE_SOURCE_IMPORTED);
  g_assert_cmpstr (outlay_exchange_rate_get_source_name (rates->pdata[0]), ==, "ECB");

  /* The person's rate of the same day is another row. */
  set_rate (fixture, "EUR", "USD", "2024-05-14", "1.09");
  g_clear_pointer (&rates, g_ptr_array_unref);
  rates = outlay_repository_list_rates (fixture->repository, "USD", 0, &error);
  g_assert_cmpuint (rates->len, ==, 3);

  before = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_false (outlay_repository_import_rates (fixture->repository, bad, G_N_ELEMENTS (bad), "ECB", NULL, NULL,
                                                  NULL, &imported, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_RATE);
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  g_assert_false (outlay_repository_import_rates (fixture->repository, bad, 1, "ECB", NULL, NULL, cancellable,
                                                  &imported, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  const char *currency;
  const char *day;
  gboolean    has_rate;
  gint64      amount;    /* in @currency's minor units */
  gint64      converted; /* in the home currency's */
  const char *via;       /* the rate and source of the first leg */
} Expected;

static void
assert_finds (OutlayRateBook *book,
              const Expected *expected)
{
  OutlayRateFound found;
  gint64          converted = 0;
  gboolean        has_rate = outlay_rate_book_find (book, expected->currency, expected->day, &found);

  if (has_rate != expected->has_rate)
    g_error ("%s on %s: %s a rate", expected->currency, expected->day, has_rate ? "found" : "found no");
  if (!has_rate)
    return;
  g_assert_true (outlay_conversion_apply (&found.conversion, expected->amount, &converted));
  g_assert_cmpint (converted, ==, expected->converted);
  if (expected->via != NULL)
    {
      g_autofree char *via = g_strdup_printf ("%s %s %s %s", found.legs[0].currency, found.legs[0].rate,
                                              found.legs[0].quote, found.legs[0].day);

      g_assert_cmpstr (via, ==, expected->via);
    }
}

/* Which rate an amount of a day takes: the person's first, however old;
 * else a file's of the week before at most; else a cross rate through the
 * euro; else none, never a later one and never 1. Expected amounts are
 * worked out by hand in the comments. */
static void
test_rate_rules (Fixture      *fixture,
                 gconstpointer user_data)
{
  static const Expected expected[] = {
    /* $100.00 / 1.0813 = €92.4813…: the ECB's rate of Tuesday. */
    { "USD", "2024-05-14", TRUE, 10000, 9248, "EUR 1.0813 USD 2024-05-14" },
    /* Saturday, four days on: still Tuesday's. */
    { "USD", "2024-05-18", TRUE, 10000, 9248, "EUR 1.0813 USD 2024-05-14" },
    /* The Tuesday after, seven days on: still. Eight days on: none. */
    { "USD", "2024-05-21", TRUE, 10000, 9248, NULL },
    { "USD", "2024-05-22", FALSE, 0, 0, NULL },
    /* Before the first rate: none, not the later one. */
    { "USD", "2024-05-13", FALSE, 0, 0, NULL },
    /* Francs: the person's rate of 2023, however old, before the ECB's
     * of the day: CHF 50.00 × 1.0190 = €50.95. */
    { "CHF", "2024-05-14", TRUE, 5000, 5095, "CHF 1.0190 EUR 2023-11-01" },
    /* ¥1,000 / 168.45 = €5.9365… */
    { "JPY", "2024-05-15", TRUE, 1000, 594, "EUR 168.45 JPY 2024-05-15" },
    /* No rate at all: none, not 1. */
    { "ARS", "2024-05-15", FALSE, 0, 0, NULL },
  };
  static const Expected in_pounds[] = {
    /* Through the euro: $200.00 / 1.0813 × 0.8571 = £158.5304… */
    { "USD", "2024-05-14", TRUE, 20000, 15853, "EUR 1.0813 USD 2024-05-14" },
    /* Euros straight: €10.00 × 0.8571 = £8.571 */
    { "EUR", "2024-05-14", TRUE, 1000, 857, NULL },
  };
  const char *const currencies[] = { "USD", "CHF", "JPY", "ARS", "EUR", NULL };
  g_autoptr (OutlayRateBook) book = NULL;
  g_autoptr (OutlayRateBook) pounds = NULL;
  g_autoptr (GError) error = NULL;

  import_ecb (fixture, "USD", "2024-05-14", "1.0813");
  import_ecb (fixture, "CHF", "2024-05-14", "0.9790");
  import_ecb (fixture, "JPY", "2024-05-15", "168.45");
  import_ecb (fixture, "GBP", "2024-05-14", "0.8571");
  set_rate (fixture, "CHF", "EUR", "2023-11-01", "1.0190");

  book = outlay_repository_load_rate_book (fixture->repository, "EUR", currencies, "2024-05-13", "2024-05-22", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_finds (book, &expected[i]);

  pounds = outlay_repository_load_rate_book (fixture->repository, "GBP", currencies, "2024-05-14", "2024-05-14",
                                             &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (in_pounds); i++)
    assert_finds (pounds, &in_pounds[i]);
}

/* A rate each way on one day: the one written last holds, whichever way
 * it goes. $100.00 at 1 EUR = 1.25 USD is €80.00; at 1 USD = 0.50 EUR,
 * €50.00. */
static void
test_newer_way_holds (Fixture      *fixture,
                      gconstpointer user_data)
{
  const char *const currencies[] = { "USD", NULL };
  const Expected    dollars_per_euro = { "USD", "2026-05-14", TRUE, 10000, 8000, "EUR 1.25 USD 2026-05-14" };
  const Expected    euros_per_dollar = { "USD", "2026-05-14", TRUE, 10000, 5000, "USD 0.50 EUR 2026-05-14" };
  g_autoptr (OutlayRateBook) before = NULL;
  g_autoptr (OutlayRateBook) after = NULL;
  g_autoptr (GError) error = NULL;

  set_rate (fixture, "EUR", "USD", "2026-05-14", "1.25");
  before = outlay_repository_load_rate_book (fixture->repository, "EUR", currencies, "2026-05-14", "2026-05-14",
                                             &error);
  g_assert_no_error (error);
  assert_finds (before, &dollars_per_euro);

  outlay_test_let_time_pass ();
  set_rate (fixture, "USD", "EUR", "2026-05-14", "0.50");
  after = outlay_repository_load_rate_book (fixture->repository, "EUR", currencies, "2026-05-14", "2026-05-14",
                                            &error);
  g_assert_no_error (error);
  assert_finds (after, &euros_per_dollar);
}

/* May in euros: each currency at its days' rates, the card's charge where
 * known, what has no rate apart; rounded once. By hand:
 *   EUR 12.50                                        1250
 *   USD 200.00 + 10.00 at 1 EUR = 1.0813 USD     19421.0672…
 *   USD 86.50 charged €80.11                         8011
 *   JPY 3,200 at 1 EUR = 161.98 JPY               1975.5525…
 *   BHD 1.234 at 1 BHD = 2.4390 EUR (entered)      300.9726
 *   together 30958.5924… → €309.59; USD 5.00 on the 25th and ARS 1,500.00
 *   have no rate. */
static void
test_converted_total (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (OutlayQuery) may = outlay_query_new ();
  g_autoptr (OutlayQuery) text = outlay_query_new ();
  g_autoptr (OutlayConvertedTotal) total = NULL;
  g_autoptr (OutlayConvertedTotal) again = NULL;
  g_autoptr (OutlayConvertedTotal) searched = NULL;
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (OutlayExpense) charged = NULL;
  g_autoptr (GError) error = NULL;
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  const OutlayConvertedCurrency *usd = NULL;

  g_object_unref (outlay_test_add (fixture, 1250, "EUR", "2024-05-02", "Lunch", food));
  g_object_unref (outlay_test_add (fixture, 20000, "USD", "2024-05-14", "Hotel", food));
  g_object_unref (outlay_test_add (fixture, 1000, "USD", "2024-05-18", "Taxi", food));
  g_object_unref (outlay_test_add (fixture, 500, "USD", "2024-05-25", "Snack", food));
  g_object_unref (outlay_test_add (fixture, 3200, "JPY", "2024-05-15", "Ramen", food));
  g_object_unref (outlay_test_add (fixture, 1234, "BHD", "2024-05-10", "Tea", food));
  g_object_unref (outlay_test_add (fixture, 150000, "ARS", "2024-05-03", "Asado", food));
  g_object_unref (outlay_test_add (fixture, 999, "USD", "2024-04-30", "Before May", food));
  draft = outlay_test_draft (8650, "USD", "2024-05-14", "Dinner", food);
  outlay_expense_set_charged (draft, 8011, "EUR");
  charged = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);
  import_ecb (fixture, "USD", "2024-05-14", "1.0813");
  import_ecb (fixture, "JPY", "2024-05-15", "161.98");
  set_rate (fixture, "BHD", "EUR", "2024-01-02", "2.4390");

  outlay_query_set_date_range (may, "2024-05-01", "2024-05-31");
  total = outlay_repository_convert_total (fixture->repository, may, "EUR", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (total->home, ==, "EUR");
  g_assert_cmpint (total->total, ==, 30959);
  g_assert_cmpuint (total->n_without_rate, ==, 2);
  for (guint i = 0; i < total->currencies->len; i++)
    if (g_str_equal (g_array_index (total->currencies, OutlayConvertedCurrency, i).currency, "USD"))
      usd = &g_array_index (total->currencies, OutlayConvertedCurrency, i);
  g_assert_nonnull (usd);
  /* The most used first: four in dollars. */
  g_assert_true (usd == &g_array_index (total->currencies, OutlayConvertedCurrency, 0));
  g_assert_cmpint (usd->total, ==, 20000 + 1000 + 500 + 8650);
  g_assert_cmpuint (usd->count, ==, 4);
  /* 19421.0672… + 8011 */
  g_assert_cmpint (usd->converted, ==, 27432);
  g_assert_cmpuint (usd->n_without_rate, ==, 1);
  g_assert_cmpint (usd->total_without_rate, ==, 500);
  g_assert_cmpuint (usd->n_charged, ==, 1);
  g_assert_cmpuint (usd->latest.n_legs, ==, 1);
  g_assert_cmpstr (usd->latest.legs[0].rate, ==, "1.0813");
  g_assert_cmpstr (usd->latest.legs[0].source_name, ==, "ECB");
  g_assert_false (usd->several_rates);

  /* A newer rate changes no figure of May. */
  import_ecb (fixture, "USD", "2024-06-03", "1.0900");
  set_rate (fixture, "JPY", "EUR", "2024-06-01", "0.0060");
  again = outlay_repository_convert_total (fixture->repository, may, "EUR", &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->total, ==, total->total);

  /* A search reads its matches the same way: the dinner alone. */
  outlay_query_set_text (text, "dinner");
  searched = outlay_repository_convert_total (fixture->repository, text, "EUR", &error);
  g_assert_no_error (error);
  g_assert_cmpint (searched->total, ==, 8011);
  g_assert_cmpuint (searched->n_without_rate, ==, 0);
}

/* Three cents' worth of halves: each rounded would make three cents, the
 * sum rounded once makes two. */
static void
test_rounded_once (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (OutlayQuery) all = outlay_query_new ();
  g_autoptr (OutlayConvertedTotal) total = NULL;
  g_autoptr (GError) error = NULL;
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);

  for (guint day = 1; day <= 3; day++)
    {
      g_autofree char *date = g_strdup_printf ("2024-05-%02u", day);

      g_object_unref (outlay_test_add (fixture, 1, "USD", date, "Gum", food));
      set_rate (fixture, "USD", "EUR", date, "0.5");
    }
  total = outlay_repository_convert_total (fixture->repository, all, "EUR", &error);
  g_assert_no_error (error);
  g_assert_cmpint (total->total, ==, 2);
  g_assert_true (g_array_index (total->currencies, OutlayConvertedCurrency, 0).several_rates);
}

/* The person's rates all, a file's only the newest of each pair, by pair. */
static void
test_latest (Fixture      *fixture,
             gconstpointer data)
{
  static const char *const expected[] = {
    "EUR USD 2024-01-05 1.0950 imported",
    "EUR USD 2024-01-04 1.0940 imported",
    "EUR USD 2024-01-02 1.0900 entered",
    "GBP EUR 2023-06-01 1.15 entered",
    "USD JPY 2024-01-05 144.5 imported",
  };
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (GError) error = NULL;
  OutlayRateEntry entries[] = {
    { "EUR", "USD", "2024-01-03", "1.0930" },
    { "EUR", "USD", "2024-01-04", "1.0940" },
    { "EUR", "USD", "2024-01-05", "1.0950" },
    { "USD", "JPY", "2024-01-04", "144.0" },
    { "USD", "JPY", "2024-01-05", "144.5" },
  };
  OutlayRatesImported imported;

  rates = outlay_repository_list_latest_rates (fixture->repository, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 0);
  g_clear_pointer (&rates, g_ptr_array_unref);

  g_assert_true (outlay_repository_import_rates (fixture->repository, entries, G_N_ELEMENTS (entries), "ECB", NULL,
                                                 NULL, NULL, &imported, &error));
  g_assert_no_error (error);
  set_rate (fixture, "EUR", "USD", "2024-01-02", "1.0900");
  set_rate (fixture, "GBP", "EUR", "2023-06-01", "1.15");

  rates = outlay_repository_list_latest_rates (fixture->repository, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 4);
  g_clear_pointer (&rates, g_ptr_array_unref);

  rates = outlay_repository_list_latest_rates (fixture->repository, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, G_N_ELEMENTS (expected) + 1);
  for (guint i = 0, e = 0; i < rates->len; i++)
    {
      OutlayExchangeRate *rate = g_ptr_array_index (rates, i);
      g_autofree char    *text = g_strdup_printf (
        "%s %s %s %s %s", outlay_exchange_rate_get_currency (rate), outlay_exchange_rate_get_quote (rate),
        outlay_exchange_rate_get_day (rate), outlay_exchange_rate_get_rate (rate),
        outlay_rate_source_to_string (outlay_exchange_rate_get_source (rate)));

      /* USD JPY 2024-01-04 is the second of its pair, shown too. */
      if (g_str_equal (text, "USD JPY 2024-01-04 144.0 imported"))
        continue;
      g_assert_cmpstr (text, ==, expected[e++]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/rates/entered", test_entered);
  OUTLAY_TEST_ADD ("/repository/rates/import", test_import);
  OUTLAY_TEST_ADD ("/repository/rates/latest", test_latest);
  OUTLAY_TEST_ADD ("/repository/rates/rules", test_rate_rules);
  OUTLAY_TEST_ADD ("/repository/rates/newer-way-holds", test_newer_way_holds);
  OUTLAY_TEST_ADD ("/repository/rates/converted-total", test_converted_total);
  OUTLAY_TEST_ADD ("/repository/rates/rounded-once", test_rounded_once);

  return g_test_run ();
}
