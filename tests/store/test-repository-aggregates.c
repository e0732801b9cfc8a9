/* test-repository-aggregates.c
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

#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

/* Aggregates */

typedef struct
{
  OutlayExpense *a, *b, *c, *d, *e, *f, *g;
} AggregateSamples;

static void
aggregate_samples_clear (AggregateSamples *s)
{
  g_clear_object (&s->a);
  g_clear_object (&s->b);
  g_clear_object (&s->c);
  g_clear_object (&s->d);
  g_clear_object (&s->e);
  g_clear_object (&s->f);
  g_clear_object (&s->g);
}

static void
add_aggregate_samples (Fixture          *fixture,
                       AggregateSamples *s)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  gint64 transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);

  s->a = outlay_test_add (fixture, 1000, "EUR", "2024-01-10", "Lunch", food);
  s->b = outlay_test_add (fixture, 2500, "EUR", "2024-01-31", "Train", transport);
  s->c = outlay_test_add (fixture, 400, "EUR", "2024-02-29", "Coffee", food);
  s->d = outlay_test_add (fixture, 700, "EUR", "2024-02-29", "Cake", food);
  s->e = outlay_test_add (fixture, 9900, "USD", "2024-02-29", "Dinner in New York", food);
  s->f = outlay_test_add (fixture, 300, "EUR", "2024-03-01", "Bus", transport);
  s->g = outlay_test_add (fixture, 5000, "EUR", "2024-03-15", "Concert", food);

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (s->g), &error);
  g_assert_no_error (error);
}

static void
assert_periods (GArray     *periods,
                const char *expected)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < periods->len; i++)
    {
      const OutlayPeriodTotal *row = &g_array_index (periods, OutlayPeriodTotal, i);

      g_string_append_printf (text, "%s%s=%" G_GINT64_FORMAT "/%u", i > 0 ? " " : "", row->period, row->total,
                              row->count);
    }

  g_assert_cmpstr (text->str, ==, expected);
}

static void
assert_by_category (GArray     *totals,
                    const char *expected)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < totals->len; i++)
    {
      const OutlayCategoryTotal *row = &g_array_index (totals, OutlayCategoryTotal, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT "=%" G_GINT64_FORMAT "/%u",
                              i > 0 ? " " : "", row->category_id, row->total, row->count);
    }

  g_assert_cmpstr (text->str, ==, expected);
}

static void
check_months (Fixture    *fixture,
              const char *currency,
              const char *from,
              const char *to,
              const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) months = outlay_repository_totals_by_month (fixture->repository, currency, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (months);
  assert_periods (months, expected);
}

static void
check_days (Fixture    *fixture,
            const char *currency,
            const char *from,
            const char *to,
            const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) days = outlay_repository_totals_by_day (fixture->repository, currency, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (days);
  assert_periods (days, expected);
}

static void
check_categories (Fixture    *fixture,
                  const char *currency,
                  const char *from,
                  const char *to,
                  const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) totals = outlay_repository_totals_by_category (fixture->repository, currency, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (totals);
  assert_by_category (totals, expected);
}

static void
check_total (Fixture    *fixture,
             const char *currency,
             const char *from,
             const char *to,
             gint64      expected_total,
             guint       expected_count)
{
  g_autoptr (GError) error = NULL;
  OutlayTotal total = { -1, G_MAXUINT };

  g_assert_true (outlay_repository_get_total (fixture->repository, currency, from, to, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total.total, ==, expected_total);
  g_assert_cmpuint (total.count, ==, expected_count);
}

static void
test_aggregates (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autofree char *by_category = NULL;
  AggregateSamples s = {
    NULL,
  };
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  gint64 transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);

  add_aggregate_samples (fixture, &s);

  /* Totals, per currency; the deleted concert counts nowhere. */
  check_total (fixture, "EUR", NULL, NULL, 1000 + 2500 + 400 + 700 + 300, 5);
  check_total (fixture, "USD", NULL, NULL, 9900, 1);
  check_total (fixture, "GBP", NULL, NULL, 0, 0);
  /* Both ends included. */
  check_total (fixture, "EUR", "2024-01-31", "2024-02-29", 2500 + 400 + 700, 3);
  check_total (fixture, "EUR", "2024-02-01", NULL, 400 + 700 + 300, 3);
  check_total (fixture, "EUR", NULL, "2024-01-31", 1000 + 2500, 2);
  check_total (fixture, "EUR", "2024-03-02", "2024-12-31", 0, 0);
  check_total (fixture, "USD", "2024-03-01", "2024-03-31", 0, 0);

  /* By category, the largest first. */
  by_category = g_strdup_printf ("%" G_GINT64_FORMAT "=2800/2 %" G_GINT64_FORMAT "=2100/3", transport, food);
  check_categories (fixture, "EUR", NULL, NULL, by_category);
  g_clear_pointer (&by_category, g_free);
  by_category = g_strdup_printf ("%" G_GINT64_FORMAT "=1100/2 %" G_GINT64_FORMAT "=300/1", food, transport);
  check_categories (fixture, "EUR", "2024-02-01", "2024-03-31", by_category);
  g_clear_pointer (&by_category, g_free);
  by_category = g_strdup_printf ("%" G_GINT64_FORMAT "=9900/1", food);
  check_categories (fixture, "USD", NULL, NULL, by_category);
  check_categories (fixture, "GBP", NULL, NULL, "");

  /* By month: every month of a bounded range, gaps as zeros. */
  check_months (fixture, "EUR", "2023-11-15", "2024-04-10",
                "2023-11=0/0 2023-12=0/0 2024-01=3500/2 2024-02=1100/2 2024-03=300/1 2024-04=0/0");
  check_months (fixture, "EUR", NULL, NULL, "2024-01=3500/2 2024-02=1100/2 2024-03=300/1");
  check_months (fixture, "EUR", "2024-02-01", "2024-02-29", "2024-02=1100/2");
  check_months (fixture, "USD", "2024-01-01", "2024-03-31", "2024-01=0/0 2024-02=9900/1 2024-03=0/0");
  check_months (fixture, "GBP", NULL, NULL, "");

  /* By day, likewise, through a leap day. */
  check_days (fixture, "EUR", "2024-02-27", "2024-03-02",
              "2024-02-27=0/0 2024-02-28=0/0 2024-02-29=1100/2 2024-03-01=300/1 2024-03-02=0/0");
  check_days (fixture, "EUR", NULL, NULL,
              "2024-01-10=1000/1 2024-01-31=2500/1 2024-02-29=1100/2 2024-03-01=300/1");
  check_days (fixture, "USD", "2024-02-29", "2024-02-29", "2024-02-29=9900/1");
  check_days (fixture, "EUR", "2024-12-30", "2025-01-02",
              "2024-12-30=0/0 2024-12-31=0/0 2025-01-01=0/0 2025-01-02=0/0");

  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  aggregate_samples_clear (&s);
}

/* A refund, money back, is a negative amount in its category: it lowers
 * what the period, the day, the month and the category spent, and counts
 * as one of their expenses. */
static void
test_refunds (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) shoes = NULL;
  g_autoptr (OutlayExpense) returned = NULL;
  g_autoptr (OutlayExpense) train = NULL;
  g_autoptr (OutlayExpense) refunded = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autofree char *by_category = NULL;
  gint64           food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  gint64           transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);
  gboolean         has_refunds = TRUE;

  g_assert_true (outlay_repository_has_refunds (fixture->repository, &has_refunds, &error));
  g_assert_no_error (error);
  g_assert_false (has_refunds);

  shoes = outlay_test_add (fixture, 8000, "EUR", "2024-05-02", "Shoes", food);
  returned = outlay_test_add (fixture, -8000, "EUR", "2024-05-20", "Shoes returned", food);
  train = outlay_test_add (fixture, 4500, "EUR", "2024-05-03", "Train", transport);
  refunded = outlay_test_add (fixture, -1500, "EUR", "2024-06-01", "Train delay refund", transport);

  g_assert_true (outlay_repository_has_refunds (fixture->repository, &has_refunds, &error));
  g_assert_true (has_refunds);

  check_total (fixture, "EUR", NULL, NULL, 8000 - 8000 + 4500 - 1500, 4);
  check_total (fixture, "EUR", "2024-05-01", "2024-05-31", 4500, 3);
  /* A period with only a refund spent less than nothing. */
  check_total (fixture, "EUR", "2024-06-01", "2024-06-30", -1500, 1);
  check_months (fixture, "EUR", "2024-05-01", "2024-06-30", "2024-05=4500/3 2024-06=-1500/1");
  check_days (fixture, "EUR", "2024-05-20", "2024-05-20", "2024-05-20=-8000/1");
  by_category = g_strdup_printf ("%" G_GINT64_FORMAT "=3000/2 %" G_GINT64_FORMAT "=0/2", transport, food);
  check_categories (fixture, "EUR", NULL, NULL, by_category);

  /* Deleting the refund puts the spending back; a deleted refund still
   * makes an export say it holds refunds, since it exports deleted rows. */
  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (returned), &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", "2024-05-01", "2024-05-31", 12500, 2);
  g_assert_true (outlay_repository_has_refunds (fixture->repository, &has_refunds, &error));
  g_assert_true (has_refunds);

  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
}

static void
test_aggregates_follow_writes (Fixture      *fixture,
                               gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) updated = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) restored = NULL;
  g_autoptr (OutlayExpense) edit = NULL;
  g_autofree char *expected = NULL;
  AggregateSamples s = {
    NULL,
  };
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  gint64 transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);
  gint64 health = outlay_test_category (fixture, OUTLAY_TEST_HEALTH);
  gint64 other = outlay_test_category (fixture, OUTLAY_TEST_OTHER);
  guint  n_moved;

  add_aggregate_samples (fixture, &s);

  /* A new amount */
  edit = outlay_expense_copy (s.c);
  outlay_expense_set_amount (edit, 450);
  updated = outlay_repository_update_expense (fixture->repository, edit, &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", "2024-02-01", "2024-02-29", 450 + 700, 2);
  check_total (fixture, "EUR", NULL, NULL, 4950, 5);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* A new day */
  g_clear_object (&edit);
  g_clear_object (&updated);
  edit = outlay_expense_copy (s.d);
  outlay_expense_set_occurred_on (edit, "2024-03-01");
  updated = outlay_repository_update_expense (fixture->repository, edit, &error);
  g_assert_no_error (error);
  check_days (fixture, "EUR", "2024-02-29", "2024-03-01", "2024-02-29=450/1 2024-03-01=1000/2");
  check_months (fixture, "EUR", "2024-02-01", "2024-03-31", "2024-02=450/1 2024-03=1000/2");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* A new category */
  g_clear_object (&edit);
  g_clear_object (&updated);
  edit = outlay_expense_copy (s.a);
  outlay_expense_set_category_id (edit, health);
  updated = outlay_repository_update_expense (fixture->repository, edit, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "=2800/2 %" G_GINT64_FORMAT "=1150/2 %" G_GINT64_FORMAT "=1000/1",
                              transport, food, health);
  check_categories (fixture, "EUR", NULL, NULL, expected);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* A new currency: out of the euros, into the dollars. */
  g_clear_object (&edit);
  g_clear_object (&updated);
  edit = outlay_expense_copy (s.f);
  outlay_expense_set_currency (edit, "USD");
  updated = outlay_repository_update_expense (fixture->repository, edit, &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", NULL, NULL, 4650, 4);
  check_total (fixture, "USD", NULL, NULL, 10200, 2);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* Delete and restore */
  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (s.b), &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", NULL, NULL, 2150, 3);
  check_days (fixture, "EUR", "2024-01-31", "2024-01-31", "2024-01-31=0/0");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  restored = outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (s.b), &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", NULL, NULL, 4650, 4);
  check_days (fixture, "EUR", "2024-01-31", "2024-01-31", "2024-01-31=2500/1");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  g_clear_object (&restored);
  restored = outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (s.g), &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", NULL, NULL, 9650, 5);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* A deleted category's spending shows under Other. */
  g_assert_true (outlay_repository_delete_category (fixture->repository, transport, &n_moved, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "=6150/3 %" G_GINT64_FORMAT "=2500/1 %" G_GINT64_FORMAT "=1000/1",
                              food, other, health);
  check_categories (fixture, "EUR", NULL, NULL, expected);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* A bulk addition */
  {
    OutlayExpense *drafts[2] = {
      outlay_test_draft (111, "EUR", "2024-02-29", "Bulk one", food),
      outlay_test_draft (222, "EUR", "2024-04-01", "Bulk two", food),
    };

    g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, 2, &error));
    g_assert_no_error (error);
    g_object_unref (drafts[0]);
    g_object_unref (drafts[1]);
  }
  check_total (fixture, "EUR", NULL, NULL, 9650 + 333, 7);
  check_days (fixture, "EUR", "2024-02-29", "2024-02-29", "2024-02-29=561/2");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  aggregate_samples_clear (&s);
}

static void raw_exec (Fixture    *fixture,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static void
raw_exec (Fixture    *fixture,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  va_list          args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  outlay_test_exec (outlay_test_handle (fixture), sql);
}

/* The totals as they must be, from the expenses themselves. */
static void
check_total_against_rows (Fixture    *fixture,
                          const char *currency)
{
  g_autofree char *total_sql = g_strdup_printf ("SELECT coalesce(sum(amount), 0) FROM expenses "
                                                "WHERE deleted_at IS NULL AND currency = '%s'",
                                                currency);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM expenses "
                                                "WHERE deleted_at IS NULL AND currency = '%s'",
                                                currency);

  check_total (fixture, currency, NULL, NULL,
               outlay_test_query_int (outlay_test_handle (fixture), total_sql),
               (guint) outlay_test_query_int (outlay_test_handle (fixture), count_sql));
}

/* Older versions of Outlay write the expenses table without knowing the
 * summary or the search index; what they write must still add up. */
static void
test_aggregates_raw_writes (Fixture      *fixture,
                            gconstpointer user_data)
{
  AggregateSamples s = {
    NULL,
  };
  gint64 transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);
  gint64 health = outlay_test_category (fixture, OUTLAY_TEST_HEALTH);
  guint  count = 0;

  add_aggregate_samples (fixture, &s);

  raw_exec (fixture, "UPDATE expenses SET amount = amount + 55 WHERE id = %" G_GINT64_FORMAT,
            outlay_expense_get_id (s.a));
  check_total (fixture, "EUR", "2024-01-10", "2024-01-10", 1055, 1);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  check_total_against_rows (fixture, "EUR");

  raw_exec (fixture, "UPDATE expenses SET category_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
            transport, outlay_expense_get_id (s.c));
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  check_total_against_rows (fixture, "EUR");

  raw_exec (fixture, "UPDATE expenses SET occurred_on = '2024-05-05' WHERE id = %" G_GINT64_FORMAT,
            outlay_expense_get_id (s.d));
  check_days (fixture, "EUR", "2024-05-05", "2024-05-05", "2024-05-05=700/1");
  check_days (fixture, "EUR", "2024-02-29", "2024-02-29", "2024-02-29=400/1");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* A soft delete and a restore, the old way */
  raw_exec (fixture, "UPDATE expenses SET deleted_at = '2024-06-01T10:00:00.000Z' WHERE id = %" G_GINT64_FORMAT,
            outlay_expense_get_id (s.b));
  check_total (fixture, "EUR", "2024-01-31", "2024-01-31", 0, 0);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  check_total_against_rows (fixture, "EUR");

  raw_exec (fixture, "UPDATE expenses SET deleted_at = NULL WHERE id = %" G_GINT64_FORMAT, outlay_expense_get_id (s.g));
  check_total (fixture, "EUR", "2024-03-15", "2024-03-15", 5000, 1);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* A deleted row's edits count nowhere. */
  raw_exec (fixture, "UPDATE expenses SET amount = 77777, occurred_on = '2024-03-15' WHERE id = %" G_GINT64_FORMAT,
            outlay_expense_get_id (s.b));
  check_total (fixture, "EUR", "2024-03-15", "2024-03-15", 5000, 1);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* Several columns at once, and a currency */
  raw_exec (fixture,
            "UPDATE expenses SET amount = 1, occurred_on = '2023-12-31', category_id = %" G_GINT64_FORMAT ", "
            "currency = 'GBP' WHERE id = %" G_GINT64_FORMAT,
            health, outlay_expense_get_id (s.f));
  check_total (fixture, "GBP", NULL, NULL, 1, 1);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  check_total_against_rows (fixture, "EUR");

  /* Everything at once, across many rows */
  outlay_test_exec (outlay_test_handle (fixture), "UPDATE expenses SET amount = amount * 2");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  check_total_against_rows (fixture, "EUR");
  check_total_against_rows (fixture, "USD");

  /* Hard deletes and plain inserts */
  raw_exec (fixture, "DELETE FROM expenses WHERE id = %" G_GINT64_FORMAT, outlay_expense_get_id (s.e));
  check_total (fixture, "USD", NULL, NULL, 0, 0);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  raw_exec (fixture,
            "INSERT INTO expenses (uuid, amount, currency, description, note, category_id, occurred_on, created_at, "
            "updated_at) "
            "VALUES ('6c1e2f0a-1b2c-4d3e-8f40-5a6b7c8d9e0f', 4200, 'EUR', 'Xylophone lessons', '', %" G_GINT64_FORMAT
            ", "
            "'2024-02-29', '2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z')",
            health);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  check_total_against_rows (fixture, "EUR");
  check_total (fixture, "EUR", "2024-02-29", "2024-02-29", 800 + 4200, 2);

  /* The search sees what was written: every way of asking agrees… */
  raw_exec (fixture, "UPDATE expenses SET description = 'Marimba recital' WHERE id = %" G_GINT64_FORMAT,
            outlay_expense_get_id (s.a));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (GArray) ids = NULL;
    g_autoptr (GPtrArray) found = NULL;

    outlay_query_set_text (query, "marimba");
    g_assert_true (outlay_repository_count_expenses (fixture->repository, query, &count, &error));
    g_assert_no_error (error);
    ids = outlay_test_find_ids (fixture, query);
    found = outlay_repository_find_expenses (fixture->repository, query, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, count);
    g_assert_cmpuint (found->len, ==, count);
  }

  /* …and, at the latest on the next start, finds it; the old words are gone. */
  aggregate_samples_clear (&s);
  outlay_test_fixture_close (fixture);
  outlay_test_fixture_open (fixture);
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (GArray) ids = NULL;
    gint64 inserted =
      outlay_test_query_int (outlay_test_handle (fixture),
                             "SELECT id FROM expenses WHERE uuid = '6c1e2f0a-1b2c-4d3e-8f40-5a6b7c8d9e0f'");
    gint64 marimba = outlay_test_query_int (outlay_test_handle (fixture),
                                            "SELECT id FROM expenses WHERE description = 'Marimba recital'");

    outlay_query_set_text (query, "marimba");
    ids = outlay_test_find_ids (fixture, query);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, marimba);

    g_assert_true (outlay_test_search_finds (fixture, "xylophone", inserted));
    g_assert_false (outlay_test_search_finds (fixture, "lunch", marimba));
    /* The hard-deleted dinner is not found either. */
    outlay_query_set_text (query, "dinner");
    g_clear_pointer (&ids, g_array_unref);
    ids = outlay_test_find_ids (fixture, query);
    g_assert_cmpuint (ids->len, ==, 0);
  }
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
}

/* A bulk add writes its rows with the triggers off and the derived data
 * set-based; the result must be the same as row by row, and the triggers
 * must be back on afterwards. */
static void
test_bulk_derived_data (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (OutlayExpense) single = NULL;
  g_autoptr (OutlayExpense) single_draft = NULL;
  OutlayExpense *drafts[4];
  gint64         food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  gint64         transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);

  drafts[0] = outlay_test_draft (350, "EUR", "2024-05-01", "Zeppelin coffee", food);
  drafts[1] = outlay_test_draft (450, "EUR", "2024-05-01", "Espresso", food);
  drafts[2] = outlay_test_draft (290, "EUR", "2024-05-02", "Bus", transport);
  drafts[3] = outlay_test_draft (1000, "USD", "2024-05-01", "Zeppelin museum", food);

  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, G_N_ELEMENTS (drafts), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    g_object_unref (drafts[i]);

  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  check_total (fixture, "EUR", "2024-05-01", "2024-05-01", 800, 2);
  check_total (fixture, "USD", NULL, NULL, 1000, 1);

  outlay_query_set_text (query, "zeppelin");
  outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, FALSE);
  ids = outlay_repository_find_expense_ids (fixture->repository, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);

  /* The triggers work again for the next single write. */
  single_draft = outlay_test_draft (100, "EUR", "2024-05-02", "Bus", transport);
  single = outlay_repository_add_expense (fixture->repository, single_draft, &error);
  g_assert_no_error (error);
  outlay_test_exec (outlay_test_handle (fixture),
                    "UPDATE expenses SET amount = amount + 1 WHERE description = 'Espresso'");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  check_total (fixture, "EUR", "2024-05-02", "2024-05-02", 390, 2);
}

/* The foot of a list and a day's heading: totals per currency, from the
 * summary for category and date filters, from the rows for text. */
static void
test_summarize (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GArray) totals = NULL;
  g_autoptr (GError) error = NULL;
  gint64         food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  gint64         transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);
  OutlayExpense *drafts[4];
  guint          n_all = 0;

  drafts[0] = outlay_test_draft (350, "EUR", "2024-05-01", "Coffee", food);
  drafts[1] = outlay_test_draft (450, "EUR", "2024-05-02", "Coffee beans", food);
  drafts[2] = outlay_test_draft (290, "EUR", "2024-05-02", "Bus", transport);
  drafts[3] = outlay_test_draft (1000, "USD", "2024-05-02", "Coffee in New York", food);
  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, G_N_ELEMENTS (drafts), &error));
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    g_object_unref (drafts[i]);

  /* Everything: the most used currency first. */
  totals = outlay_repository_summarize (fixture->repository, query, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 4);
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpstr (g_array_index (totals, OutlayCurrencyTotal, 0).currency, ==, "EUR");
  g_assert_cmpint (g_array_index (totals, OutlayCurrencyTotal, 0).total, ==, 1090);
  g_assert_cmpuint (g_array_index (totals, OutlayCurrencyTotal, 0).count, ==, 3);
  g_assert_cmpstr (g_array_index (totals, OutlayCurrencyTotal, 1).currency, ==, "USD");
  g_assert_cmpint (g_array_index (totals, OutlayCurrencyTotal, 1).total, ==, 1000);
  g_clear_pointer (&totals, g_array_unref);

  /* One day of one outlay_test_category (the summary). */
  outlay_query_set_categories (query, &food, 1);
  outlay_query_set_date_range (query, "2024-05-02", "2024-05-02");
  totals = outlay_repository_summarize (fixture->repository, query, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 2);
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpint (g_array_index (totals, OutlayCurrencyTotal, 0).total +
                     g_array_index (totals, OutlayCurrencyTotal, 1).total,
                   ==, 1450);
  g_clear_pointer (&totals, g_array_unref);

  /* Text (the rows). */
  outlay_query_set_categories (query, NULL, 0);
  outlay_query_set_date_range (query, NULL, NULL);
  outlay_query_set_text (query, "coffee");
  outlay_query_set_amount_range (query, 400, G_MAXINT64);
  totals = outlay_repository_summarize (fixture->repository, query, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 2);
  g_assert_cmpuint (totals->len, ==, 2);
  g_clear_pointer (&totals, g_array_unref);

  /* Nothing matches: no rows, no totals. */
  outlay_query_set_text (query, "zeppelin");
  totals = outlay_repository_summarize (fixture->repository, query, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 0);
  g_assert_cmpuint (totals->len, ==, 0);
}

/* Suggestions */

static char *
suggestions_to_string (GPtrArray *suggestions)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len; i++)
    {
      const OutlaySuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_string_append_printf (text, "%s%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s",
                              i > 0 ? "\n" : "", suggestion->description, suggestion->category_id,
                              suggestion->amount, suggestion->currency);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_suggestions (Fixture    *fixture,
                   const char *prefix,
                   guint       limit,
                   const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) suggestions =
    outlay_repository_suggest_descriptions (fixture->repository, prefix, limit, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (suggestions);
  text = suggestions_to_string (suggestions);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_suggestions (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  gint64 groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  gint64 transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);
  gint64 shopping = outlay_test_category (fixture, OUTLAY_TEST_SHOPPING);
  gint64 fun = outlay_test_category (fixture, OUTLAY_TEST_ENTERTAINMENT);
  g_autoptr (OutlayExpense) e1 = outlay_test_add (fixture, 350, "EUR", "2024-03-10", "Coffee", food);
  g_autoptr (OutlayExpense) e2 = outlay_test_add (fixture, 250, "EUR", "2024-03-01", "Bus", transport);
  g_autoptr (OutlayExpense) e3 = outlay_test_add (fixture, 400, "USD", "2024-01-05", "coffee", food);
  g_autoptr (OutlayExpense) e4 = outlay_test_add (fixture, 1200, "EUR", "2024-03-02", "Cinema", fun);
  g_autoptr (OutlayExpense) e5 = outlay_test_add (fixture, 5000, "EUR", "2024-03-03", "50% off shoes", shopping);
  g_autoptr (OutlayExpense) e6 = outlay_test_add (fixture, 199, "EUR", "2024-03-04", "5 apples", groceries);
  g_autoptr (OutlayExpense) e7 = outlay_test_add (fixture, 900, "EUR", "2024-02-01", "Coffee beans", groceries);
  g_autoptr (OutlayExpense) e8 = outlay_test_add (fixture, 120, "EUR", "2024-03-05", "Carrots", groceries);
  g_autoptr (OutlayExpense) e9 = outlay_test_add (fixture, 275, "EUR", "2024-03-06", "Bus", transport);
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autofree char *all = NULL;
  g_autofree char *co = NULL;
  g_autofree char *fifty = NULL;
  g_autofree char *five = NULL;
  g_autofree char *two = NULL;
  g_autofree char *one = NULL;

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (e8), &error);
  g_assert_no_error (error);

  /* Newest entered first (not by date); one per description whatever its
   * case, with the category and amount it was last used with. */
  all = g_strdup_printf ("Bus|%" G_GINT64_FORMAT "|275|EUR\n"
                         "Coffee beans|%" G_GINT64_FORMAT "|900|EUR\n"
                         "5 apples|%" G_GINT64_FORMAT "|199|EUR\n"
                         "50%% off shoes|%" G_GINT64_FORMAT "|5000|EUR\n"
                         "Cinema|%" G_GINT64_FORMAT "|1200|EUR\n"
                         "coffee|%" G_GINT64_FORMAT "|400|USD",
                         transport, groceries, groceries, shopping, fun, food);
  check_suggestions (fixture, NULL, 20, all);
  check_suggestions (fixture, "", 20, all);

  /* A prefix, in any case */
  co = g_strdup_printf ("Coffee beans|%" G_GINT64_FORMAT "|900|EUR\n"
                        "coffee|%" G_GINT64_FORMAT "|400|USD",
                        groceries, food);
  check_suggestions (fixture, "co", 20, co);
  check_suggestions (fixture, "CO", 20, co);
  check_suggestions (fixture, "Coffee", 20, co);
  check_suggestions (fixture, "zz", 20, "");
  /* Deleted expenses suggest nothing. */
  check_suggestions (fixture, "car", 20, "");

  /* LIKE wildcards are plain characters. */
  fifty = g_strdup_printf ("50%% off shoes|%" G_GINT64_FORMAT "|5000|EUR", shopping);
  check_suggestions (fixture, "50%", 20, fifty);
  check_suggestions (fixture, "%", 20, "");
  check_suggestions (fixture, "_", 20, "");
  check_suggestions (fixture, "5_", 20, "");
  check_suggestions (fixture, "5%", 20, "");
  check_suggestions (fixture, "\\", 20, "");
  five = g_strdup_printf ("5 apples|%" G_GINT64_FORMAT "|199|EUR\n"
                          "50%% off shoes|%" G_GINT64_FORMAT "|5000|EUR",
                          groceries, shopping);
  check_suggestions (fixture, "5", 20, five);

  /* The limit */
  two = g_strdup_printf ("Bus|%" G_GINT64_FORMAT "|275|EUR\n"
                         "Coffee beans|%" G_GINT64_FORMAT "|900|EUR",
                         transport, groceries);
  check_suggestions (fixture, NULL, 2, two);
  one = g_strdup_printf ("Coffee beans|%" G_GINT64_FORMAT "|900|EUR", groceries);
  check_suggestions (fixture, "co", 1, one);

  /* The category a new expense starts in: the newest entered, not the
   * newest by date, and not a deleted one. */
  g_assert_cmpint (outlay_repository_get_latest_category_id (fixture->repository, &error), ==, transport);
  g_assert_no_error (error);
  g_clear_object (&deleted);
  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (e9), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_repository_get_latest_category_id (fixture->repository, &error), ==, groceries);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/aggregates/totals", test_aggregates);
  OUTLAY_TEST_ADD ("/repository/aggregates/follow-writes", test_aggregates_follow_writes);
  OUTLAY_TEST_ADD ("/repository/aggregates/refunds", test_refunds);
  OUTLAY_TEST_ADD ("/repository/aggregates/raw-writes", test_aggregates_raw_writes);
  OUTLAY_TEST_ADD ("/repository/aggregates/bulk", test_bulk_derived_data);
  OUTLAY_TEST_ADD ("/repository/aggregates/summarize", test_summarize);
  OUTLAY_TEST_ADD ("/repository/suggestions", test_suggestions);

  return g_test_run ();
}
