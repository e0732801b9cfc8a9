/* test-history-words.c: each kind of change of the history, in words
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

#include "outlay-format-history.h"
#include "outlay-repository.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

/* "Now" for the words of time: 18:30 local time on 8 December 2026. */
static GDateTime *
new_now (void)
{
  return g_date_time_new_local (2026, 12, 8, 18, 30, 0);
}

/* The newest change in one line, without its time. */
static char *
newest (Fixture *fixture)
{
  OutlayHistoryFilter filter = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = outlay_repository_read_history (fixture->repository, &filter, 0, 1, &error);
  g_autoptr (GDateTime) now = new_now ();
  OutlayHistoryEntry *entry;
  char               *line;
  char               *on;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  line = outlay_format_history_line (entry, now);
  /* Every line says where; the time is tested apart. */
  on = strstr (line, " on ");
  g_assert_nonnull (on);
  *on = '\0';
  return line;
}

#define assert_newest(fixture, expected)             \
  G_STMT_START                                       \
  {                                                  \
    g_autofree char *said = newest (fixture);        \
    g_assert_cmpstr (said, ==, expected);            \
  }                                                  \
  G_STMT_END

static OutlayBudget *
add_budget (Fixture *fixture)
{
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  g_autoptr (GError) error = NULL;
  OutlayBudget *budget;

  outlay_budget_set_name (draft, "Groceries");
  outlay_budget_set_amount (draft, 50000);
  outlay_budget_set_currency (draft, "EUR");
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, "2026-01-01", NULL);
  budget = outlay_repository_add_budget (fixture->repository, draft, &error);
  g_assert_no_error (error);
  return budget;
}

/* An expense: added, each field (amount in its currency, day, category by
 * name, texts quoted, an empty note as none), deleted, restored, removed. */
static void
test_expense (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 first = outlay_test_category_at (fixture->repository, 0);
  gint64 second = outlay_test_category_at (fixture->repository, 1);
  g_autofree char *expected = NULL;
  g_autoptr (OutlayExpense) expense = outlay_test_add (fixture, 1250, "EUR", "2026-03-01", "Lunch", first);
  sqlite3 *db = outlay_database_get_handle (fixture->database);

  assert_newest (fixture, "Expense “Lunch”: Added");
  outlay_test_exec (db, "UPDATE expenses SET amount = 1500");
  assert_newest (fixture, "Expense “Lunch”: Amount €12.50 → €15.00");
  outlay_test_exec (db, "UPDATE expenses SET occurred_on = '2026-03-02'");
  assert_newest (fixture, "Expense “Lunch”: Date 1 Mar 2026 → 2 Mar 2026");
  outlay_test_exec (db, "UPDATE expenses SET note = 'with Sam'");
  assert_newest (fixture, "Expense “Lunch”: Note none → “with Sam”");
  outlay_test_exec (db, "UPDATE expenses SET description = 'Dinner'");
  assert_newest (fixture, "Expense “Dinner”: Description “Lunch” → “Dinner”");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE expenses SET category_id = %" G_GINT64_FORMAT, second);

    outlay_test_exec (db, sql);
  }
  expected = g_strdup_printf ("Expense “Dinner”: Category %s → %s",
                              outlay_category_get_name (outlay_repository_lookup_category (fixture->repository, first)),
                              outlay_category_get_name (outlay_repository_lookup_category (fixture->repository,
                                                                                           second)));
  assert_newest (fixture, expected);
  outlay_test_exec (db, "UPDATE expenses SET deleted_at = '2026-03-03T10:00:00.000Z'");
  assert_newest (fixture, "Expense “Dinner”: Deleted");
  outlay_test_exec (db, "UPDATE expenses SET deleted_at = NULL");
  assert_newest (fixture, "Expense “Dinner”: Restored");
  outlay_test_exec (db, "DELETE FROM expenses");
  assert_newest (fixture, "Expense “Dinner”: Removed for good");
}

/* Budgets in their own currency, archived in one word; categories,
 * hidden yes or no; recurring expenses paused and resumed; rates named by
 * their currencies. */
static void
test_other_kinds (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (OutlayBudget) budget = add_budget (fixture);
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (OutlayRecurringRule) paused = NULL;
  g_autoptr (OutlayExchangeRate) rate = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = outlay_database_get_handle (fixture->database);

  assert_newest (fixture, "Budget “Groceries”: Added");
  outlay_test_exec (db, "UPDATE budgets SET amount = 60000");
  assert_newest (fixture, "Budget “Groceries”: Amount €500.00 → €600.00");
  outlay_test_exec (db, "UPDATE budgets SET archived_at = '2026-03-03T10:00:00.000Z'");
  assert_newest (fixture, "Budget “Groceries”: Archived");
  outlay_test_exec (db, "UPDATE budgets SET archived_at = NULL");
  assert_newest (fixture, "Budget “Groceries”: Taken out of the archive");

  outlay_test_exec (db, "UPDATE categories SET hidden = 1 WHERE name = 'Travel'");
  assert_newest (fixture, "Category “Travel”: Hidden no → yes");
  outlay_test_exec (db, "UPDATE categories SET color = '#112233' WHERE name = 'Travel'");
  assert_newest (fixture, "Category “Travel”: Color “#1a5fb4” → “#112233”");

  rule = outlay_test_add_recurring (
    fixture->repository,
    outlay_test_recurring_draft (fixture->repository, "Rent", 95000, OUTLAY_REPEAT_MONTHLY, 1, "2026-01-01"));
  assert_newest (fixture, "Recurring expense “Rent”: Added");
  paused = outlay_repository_pause_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rule), TRUE,
                                                   &error);
  g_assert_no_error (error);
  assert_newest (fixture, "Recurring expense “Rent”: Paused");

  rate = outlay_repository_set_rate (fixture->repository, "USD", "EUR", "2026-03-01", "0.92", &error);
  g_assert_no_error (error);
  assert_newest (fixture, "Exchange rate “USD → EUR”: Added");
  outlay_test_exec (db, "UPDATE exchange_rates SET rate = '0.93'");
  assert_newest (fixture, "Exchange rate “USD → EUR”: Rate “0.92” → “0.93”");
}

/* Where and when: this device by its name or as This Device, another by
 * the name sync knows; today, yesterday, or the day. */
static void
test_when (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (OutlayExpense) expense = outlay_test_add (fixture, 100, "EUR", "2026-03-01", "Tea",
                                                       outlay_test_category_at (fixture->repository, 0));
  g_autoptr (GDateTime) now = new_now ();
  g_autoptr (GDateTime) earlier = g_date_time_add_hours (now, -2);
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr (GDateTime) before = g_date_time_add_days (now, -10);
  g_autoptr (GDateTime) utc_earlier = g_date_time_to_utc (earlier);
  g_autoptr (GDateTime) utc_yesterday = g_date_time_to_utc (yesterday);
  g_autoptr (GDateTime) utc_before = g_date_time_to_utc (before);
  g_autofree char *stamp = g_date_time_format (utc_earlier, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *yesterday_stamp = g_date_time_format (utc_yesterday, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *before_stamp = g_date_time_format (utc_before, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *today_words = outlay_format_history_time (stamp, now);
  g_autofree char *yesterday_words = outlay_format_history_time (yesterday_stamp, now);
  g_autofree char *before_words = outlay_format_history_time (before_stamp, now);
  OutlayHistoryFilter filter = { 0 };
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *when = NULL;
  g_autofree char *spoken = NULL;
  sqlite3 *db = outlay_database_get_handle (fixture->database);

  g_assert_cmpstr (today_words, ==, "today 16:30");
  g_assert_cmpstr (yesterday_words, ==, "yesterday 18:30");
  g_assert_cmpstr (before_words, ==, "28 Nov 2026 18:30");

  outlay_test_exec (db, "UPDATE expenses SET amount = 250");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE sync_journal SET changed_at = '%s', device = 'peer-1'", stamp);

    outlay_test_exec (db, sql);
  }
  outlay_test_exec (db, "INSERT INTO sync_peers (device, name) VALUES ('peer-1', 'Phone')");
  entries = outlay_repository_read_history (fixture->repository, &filter, 0, 1, NULL);
  when = outlay_format_history_when (g_ptr_array_index (entries, 0), now);
  g_assert_cmpstr (when, ==, "on Phone, today 16:30");
  spoken = outlay_format_history_spoken (g_ptr_array_index (entries, 0), now);
  g_assert_cmpstr (spoken, ==, "Expense “Tea”: Amount changed from 1 euro to 2.50 euros on Phone, today 16:30");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_pointer (&when, g_free);

  outlay_test_exec (db, "UPDATE sync_journal SET device = NULL");
  entries = outlay_repository_read_history (fixture->repository, &filter, 0, 1, NULL);
  when = outlay_format_history_when (g_ptr_array_index (entries, 0), now);
  g_assert_cmpstr (when, ==, "on This Device, today 16:30");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_pointer (&when, g_free);

  outlay_test_exec (db, "INSERT INTO outlay_meta (key, value) VALUES ('device_name', 'Laptop')");
  entries = outlay_repository_read_history (fixture->repository, &filter, 0, 1, NULL);
  when = outlay_format_history_when (g_ptr_array_index (entries, 0), now);
  g_assert_cmpstr (when, ==, "on Laptop, today 16:30");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/history-words/expense", test_expense);
  OUTLAY_TEST_ADD ("/history-words/other-kinds", test_other_kinds);
  OUTLAY_TEST_ADD ("/history-words/when", test_when);

  return g_test_run ();
}
