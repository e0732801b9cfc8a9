/* test-repository-recurring.c
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

#include "outlay-date.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"

/* The days in these tests are written out from a calendar. */

typedef OutlayTestFixture Fixture;

static GDate
day_of (const char *text)
{
  g_autoptr (GDate) parsed = outlay_date_parse_iso (text);

  g_assert_nonnull (parsed);
  return *parsed;
}

static const char *
category_uuid (Fixture *fixture,
               guint    position)
{
  g_autoptr (OutlayCategory) category =
    g_list_model_get_item (outlay_repository_get_categories (fixture->repository), position);

  return outlay_category_get_uuid (category);
}

/* A rule of @amount for @description from @start, monthly on its day. */
static OutlayRecurringRule *
draft (Fixture    *fixture,
       const char *description,
       gint64      amount,
       const char *start)
{
  return outlay_test_recurring_draft (fixture->repository, description, amount, OUTLAY_REPEAT_MONTHLY, 1, start);
}

static OutlayRecurringRule *
add (Fixture             *fixture,
     OutlayRecurringRule *rule)
{
  return outlay_test_add_recurring (fixture->repository, rule);
}

static OutlayRecurringRun *
run_through (Fixture    *fixture,
             const char *today)
{
  g_autoptr (GError) error = NULL;
  GDate               day = day_of (today);
  OutlayRecurringRun *run = outlay_repository_run_recurring (fixture->repository, &day, 60, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (run);
  return run;
}

static void
count_signal_cb (guint            *count,
                 OutlayRepository *repository)
{
  (*count)++;
}

/* The days of a rule's expenses, live ones, "YYYY-MM-DD …", in order. */
static char *
written_days (Fixture    *fixture,
              const char *rule_uuid,
              gboolean    deleted_too)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat(occurred_on, ' ') FROM "
                                          "(SELECT occurred_on FROM expenses WHERE rule_uuid = '%s'%s "
                                          "ORDER BY occurred_on)",
                                          rule_uuid, deleted_too ? "" : " AND deleted_at IS NULL");
  g_autofree char *dump = outlay_test_dump (outlay_test_handle (fixture), sql);

  return g_strstrip (g_steal_pointer (&dump));
}

/* A year and a month away writes every month's rent once; running again
 * writes nothing; the expenses are ordinary ones of the rule's fields. */
static void
test_catch_up (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayRecurringRun) first = NULL;
  g_autoptr (OutlayRecurringRun) second = NULL;
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *days = NULL;
  g_autofree char *rows = NULL;

  /* 400 days after the first: planned, then written. */
  {
    GDate today = day_of ("2025-02-04");
    g_autoptr (OutlayRecurringRun) plan = outlay_repository_plan_recurring (fixture->repository, &today, 60, NULL,
                                                                            &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plan->planned->len, ==, 14);
    g_assert_cmpuint (plan->expense_ids->len, ==, 0);
    g_assert_cmpuint (outlay_test_count (fixture), ==, 0);
  }
  first = run_through (fixture, "2025-02-04");
  g_assert_cmpuint (first->planned->len, ==, 14);
  g_assert_cmpuint (first->expense_ids->len, ==, 14);
  g_assert_cmpuint (first->held->len, ==, 0);
  days = written_days (fixture, outlay_recurring_rule_get_uuid (rent), TRUE);
  g_assert_cmpstr (days, ==,
                   "2024-01-01 2024-02-01 2024-03-01 2024-04-01 2024-05-01 2024-06-01 2024-07-01 2024-08-01 "
                   "2024-09-01 2024-10-01 2024-11-01 2024-12-01 2025-01-01 2025-02-01");

  second = run_through (fixture, "2025-02-04");
  g_assert_cmpuint (second->expense_ids->len, ==, 0);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 14);

  rows = outlay_test_dump (outlay_test_handle (fixture),
                           "SELECT amount, currency, description, category_id, scheduled_on FROM expenses "
                           "WHERE occurred_on = '2024-07-01'");
  g_assert_cmpstr (rows, ==, "95000|EUR|Rent|4|2024-07-01\n");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  stored = outlay_repository_get_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rent), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_recurring_rule_get_done_through (stored), ==, "2025-02-04");
}

/* The Undo of a catch-up deletes what it wrote, for good: the next run
 * does not write it again; an expense the person deleted meanwhile stays
 * as it is. */
static void
test_take_back (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayRecurringRun) run = run_through (fixture, "2024-03-15");
  g_autoptr (OutlayRecurringRun) again = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (run->expense_ids->len, ==, 3);
  deleted = outlay_repository_delete_expense (fixture->repository, g_array_index (run->expense_ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_repository_take_back_run (fixture->repository, run->expense_ids, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture),
                                          "SELECT count(*) FROM expenses WHERE deleted_at IS NULL"),
                   ==, 0);
  again = run_through (fixture, "2024-03-15");
  g_assert_cmpuint (again->expense_ids->len, ==, 0);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  (void) rent;
}

/* Written on its day, not before; a month on the 31st falls on the month's
 * last day where it has no 31st. */
static void
test_on_its_day (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) phone = add (fixture, draft (fixture, "Phone", 3999, "2024-01-31"));
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autofree char *days = NULL;

  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-01-30");
  g_assert_cmpuint (run->expense_ids->len, ==, 0);
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-02-28");
  g_assert_cmpuint (run->expense_ids->len, ==, 1);
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-05-01");
  days = written_days (fixture, outlay_recurring_rule_get_uuid (phone), FALSE);
  g_assert_cmpstr (days, ==, "2024-01-31 2024-02-29 2024-03-31 2024-04-30");
}

/* A deleted occurrence stays deleted; an edited rule leaves what it wrote
 * alone and writes the new amount from then on. */
static void
test_deleted_and_edited (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayRecurringRule) changed = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *february = NULL;
  g_autofree char *amounts = NULL;
  g_autofree char *days = NULL;

  run = run_through (fixture, "2024-03-05");
  february = outlay_test_dump (outlay_test_handle (fixture),
                               "SELECT id FROM expenses WHERE occurred_on = '2024-02-01'");
  deleted = outlay_repository_delete_expense (fixture->repository, g_ascii_strtoll (february, NULL, 10), &error);
  g_assert_no_error (error);

  outlay_recurring_rule_set_amount (rent, 99000);
  changed = outlay_repository_update_recurring_rule (fixture->repository, rent, &error);
  g_assert_no_error (error);

  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-05-02");
  g_assert_cmpuint (run->expense_ids->len, ==, 2);
  days = written_days (fixture, outlay_recurring_rule_get_uuid (rent), FALSE);
  g_assert_cmpstr (days, ==, "2024-01-01 2024-03-01 2024-04-01 2024-05-01");
  amounts = outlay_test_dump (outlay_test_handle (fixture),
                              "SELECT group_concat(amount, ' ') FROM (SELECT amount FROM expenses "
                              "ORDER BY occurred_on)");
  g_assert_cmpstr (amounts, ==, "95000 95000 95000 99000 99000\n");
}

/* Two connections to one file, as two processes: each occurrence once. */
static void
test_two_writers (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayDatabase) other_database = NULL;
  g_autoptr (OutlayRepository) other = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (OutlayRecurringRun) other_run = NULL;
  g_autoptr (GError) error = NULL;
  GDate today = day_of ("2024-06-15");

  other_database = outlay_database_open (fixture->path, &error);
  g_assert_no_error (error);
  other = outlay_repository_new (other_database);

  run = outlay_repository_run_recurring (fixture->repository, &today, 60, NULL, &error);
  g_assert_no_error (error);
  /* As if it read the rule before the first run stored how far it got. */
  outlay_test_exec (outlay_test_handle (fixture), "UPDATE recurring_rules SET done_through = NULL");
  other_run = outlay_repository_run_recurring (other, &today, 60, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (run->expense_ids->len, ==, 6);
  g_assert_cmpuint (other_run->expense_ids->len, ==, 0);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 6);
}

/* A rule that would write more than it may at once is held, with its
 * count, and writes nothing until it is allowed. */
static void
test_held (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) coffee = NULL;
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GError) error = NULL;
  OutlayRecurrence recurrence;
  GDate            start = day_of ("2024-01-01");
  GDate            today = day_of ("2024-03-31");
  const char      *allowed[2] = { NULL, NULL };
  OutlayHeldRule  *held;

  coffee = draft (fixture, "Coffee", 300, "2024-01-01");
  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_DAILY, 1, &start);
  outlay_recurring_rule_set_recurrence (coffee, &recurrence);
  coffee = add (fixture, coffee);

  run = outlay_repository_run_recurring (fixture->repository, &today, 60, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (run->held->len, ==, 1);
  held = g_ptr_array_index (run->held, 0);
  g_assert_cmpstr (outlay_recurring_rule_get_uuid (held->rule), ==, outlay_recurring_rule_get_uuid (coffee));
  /* 31 + 29 + 31 days of 2024 */
  g_assert_cmpuint (held->count, ==, 91);
  /* The rent is written all the same. */
  g_assert_cmpuint (run->expense_ids->len, ==, 3);

  allowed[0] = outlay_recurring_rule_get_uuid (coffee);
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = outlay_repository_run_recurring (fixture->repository, &today, 60, allowed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (run->held->len, ==, 0);
  g_assert_cmpuint (run->expense_ids->len, ==, 91);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 94);
  (void) rent;
}

/* What falls while a rule is paused is not written, then or later. */
static void
test_paused (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) gym = add (fixture, draft (fixture, "Gym", 3000, "2024-01-10"));
  g_autoptr (OutlayRecurringRule) paused = NULL;
  g_autoptr (OutlayRecurringRule) resumed = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *days = NULL;

  run = run_through (fixture, "2024-02-15");
  outlay_recurring_rule_set_paused_at (gym, "2024-02-15T10:00:00.000Z");
  paused = outlay_repository_update_recurring_rule (fixture->repository, gym, &error);
  g_assert_no_error (error);
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-04-20");
  g_assert_cmpuint (run->expense_ids->len, ==, 0);

  outlay_recurring_rule_set_paused_at (paused, NULL);
  resumed = outlay_repository_update_recurring_rule (fixture->repository, paused, &error);
  g_assert_no_error (error);
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-05-10");
  days = written_days (fixture, outlay_recurring_rule_get_uuid (gym), FALSE);
  g_assert_cmpstr (days, ==, "2024-01-10 2024-02-10 2024-05-10");
}

/* Pausing and resuming by uuid: a paused rule says since when; doing it
 * twice changes nothing and says nothing. */
static void
test_pause_and_resume (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) gym = add (fixture, draft (fixture, "Gym", 3000, "2024-01-10"));
  const char *uuid = outlay_recurring_rule_get_uuid (gym);
  g_autoptr (OutlayRecurringRule) paused = NULL;
  g_autoptr (OutlayRecurringRule) again = NULL;
  g_autoptr (OutlayRecurringRule) resumed = NULL;
  g_autoptr (GError) error = NULL;
  guint changes = 0;

  g_signal_connect_swapped (fixture->repository, "recurring-changed", G_CALLBACK (count_signal_cb), &changes);
  paused = outlay_repository_pause_recurring_rule (fixture->repository, uuid, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (outlay_recurring_rule_get_paused_at (paused));
  g_assert_cmpuint (changes, ==, 1);

  again = outlay_repository_pause_recurring_rule (fixture->repository, uuid, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_recurring_rule_get_paused_at (again), ==, outlay_recurring_rule_get_paused_at (paused));
  g_assert_cmpuint (changes, ==, 1);

  resumed = outlay_repository_pause_recurring_rule (fixture->repository, uuid, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (outlay_recurring_rule_get_paused_at (resumed));
  g_assert_cmpuint (changes, ==, 2);
  g_signal_handlers_disconnect_by_func (fixture->repository, count_signal_cb, &changes);

  g_assert_null (outlay_repository_pause_recurring_rule (fixture->repository, "no-such-rule", TRUE, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
}

/* A rule to confirm writes nothing by itself; its due occurrences are
 * listed until confirmed or skipped. */
static void
test_confirm (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) bill = draft (fixture, "Water bill", 4200, "2024-01-15");
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GArray) due = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *days = NULL;
  GDate            today = day_of ("2024-03-20");
  GDate            january = day_of ("2024-01-15");
  GDate            february = day_of ("2024-02-15");
  gint64           id;

  outlay_recurring_rule_set_mode (bill, OUTLAY_RECURRING_CONFIRM);
  bill = add (fixture, bill);
  run = run_through (fixture, "2024-03-20");
  g_assert_cmpuint (run->expense_ids->len, ==, 0);

  due = outlay_repository_list_due (fixture->repository, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 3);
  g_assert_cmpint (g_date_compare (&g_array_index (due, OutlayPlannedExpense, 0).occurrence.day, &january), ==, 0);
  g_assert_cmpint (g_array_index (due, OutlayPlannedExpense, 2).amount, ==, 4200);

  id = outlay_repository_confirm_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (bill), &january,
                                             &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (bill),
                                                    &february, &today, &error));
  g_assert_no_error (error);
  /* Not twice. */
  g_assert_cmpint (outlay_repository_confirm_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (bill),
                                                         &january, &today, &error),
                   ==, 0);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&due, g_array_unref);
  due = outlay_repository_list_due (fixture->repository, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  days = written_days (fixture, outlay_recurring_rule_get_uuid (bill), FALSE);
  g_assert_cmpstr (days, ==, "2024-01-15");
}

/* The next days of every rule, skipped ones left out, by day. */
static void
test_upcoming (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayRecurringRule) phone = add (fixture, draft (fixture, "Phone", 3999, "2024-01-20"));
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GArray) upcoming = NULL;
  g_autoptr (GError) error = NULL;
  GDate            from = day_of ("2024-03-16");
  GDate            to = day_of ("2024-05-14");
  GDate            april = day_of ("2024-04-01");
  GString         *text = g_string_new (NULL);
  g_autofree char *listed = NULL;

  run = run_through (fixture, "2024-03-15");
  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (rent),
                                                    &april, &from, &error));
  g_assert_no_error (error);

  upcoming = outlay_repository_list_upcoming (fixture->repository, &from, &to, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < upcoming->len; i++)
    {
      OutlayPlannedExpense *planned = &g_array_index (upcoming, OutlayPlannedExpense, i);
      char                  day[OUTLAY_DATE_ISO_SIZE];

      outlay_date_format_iso_buf (&planned->occurrence.day, day);
      g_string_append_printf (text, "%s %s; ", day, outlay_recurring_rule_get_description (planned->rule));
    }
  listed = g_string_free (text, FALSE);
  g_assert_cmpstr (listed, ==, "2024-03-20 Phone; 2024-04-20 Phone; 2024-05-01 Rent; ");
  (void) phone;
}

/* Deleting a rule keeps or deletes what it wrote; Undo brings both back. */
static void
test_delete_and_restore (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayRecurringRule) kept = add (fixture, draft (fixture, "Parking", 5000, "2024-01-01"));
  g_autoptr (OutlayRecurringRule) before = NULL;
  g_autoptr (OutlayRecurringRule) other = NULL;
  g_autoptr (OutlayRecurringRule) restored = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *days = NULL;

  run = run_through (fixture, "2024-03-15");
  g_assert_cmpuint (outlay_test_count (fixture), ==, 6);
  /* What deleting it with its expenses would delete: the live ones. */
  g_assert_cmpint (outlay_repository_count_recurring_expenses (fixture->repository,
                                                               outlay_recurring_rule_get_uuid (rent), &error),
                   ==, 3);
  g_assert_no_error (error);
  outlay_test_exec (outlay_test_handle (fixture),
                    "UPDATE expenses SET deleted_at = '2024-03-15T00:00:00.000Z' "
                    "WHERE occurred_on = '2024-01-01' AND description = 'Rent'");
  g_assert_cmpint (outlay_repository_count_recurring_expenses (fixture->repository,
                                                               outlay_recurring_rule_get_uuid (rent), &error),
                   ==, 2);
  g_assert_cmpint (outlay_repository_count_recurring_expenses (fixture->repository, "no-such-rule", &error), ==, 0);
  g_assert_no_error (error);

  before = outlay_repository_delete_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rent), TRUE,
                                                    &error);
  g_assert_no_error (error);
  g_assert_null (outlay_recurring_rule_get_deleted_at (before));
  other = outlay_repository_delete_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (kept), FALSE,
                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 3);
  rules = outlay_repository_list_recurring_rules (fixture->repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 0);

  /* Deleted rules write nothing. */
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-06-15");
  g_assert_cmpuint (run->expense_ids->len, ==, 0);

  restored = outlay_repository_restore_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rent),
                                                       &error);
  g_assert_no_error (error);
  g_assert_null (outlay_recurring_rule_get_deleted_at (restored));
  /* Those deleted with it, not the one deleted before. */
  days = written_days (fixture, outlay_recurring_rule_get_uuid (rent), FALSE);
  g_assert_cmpstr (days, ==, "2024-02-01 2024-03-01");
}

static void
test_refused (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rule = draft (fixture, "Rent", 95000, "2024-01-01");
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (GError) error = NULL;
  OutlayRecurrence recurrence = *outlay_recurring_rule_get_recurrence (rule);

  outlay_recurring_rule_set_amount (rule, 0);
  g_assert_null (outlay_repository_add_recurring_rule (fixture->repository, rule, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT);
  g_clear_error (&error);

  outlay_recurring_rule_set_amount (rule, 95000);
  outlay_recurring_rule_set_description (rule, "  ");
  g_assert_null (outlay_repository_add_recurring_rule (fixture->repository, rule, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION);
  g_clear_error (&error);

  outlay_recurring_rule_set_description (rule, "Rent");
  recurrence.interval = 0;
  outlay_recurring_rule_set_recurrence (rule, &recurrence);
  g_assert_null (outlay_repository_add_recurring_rule (fixture->repository, rule, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD);
  g_clear_error (&error);

  recurrence.interval = 1;
  outlay_recurring_rule_set_recurrence (rule, &recurrence);
  outlay_recurring_rule_set_category_uuid (rule, "00000000-0000-4000-8000-000000000000");
  g_assert_null (outlay_repository_add_recurring_rule (fixture->repository, rule, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY);
  g_clear_error (&error);

  outlay_recurring_rule_set_category_uuid (rule, category_uuid (fixture, OUTLAY_TEST_HOUSING));
  outlay_recurring_rule_set_currency (rule, "XYZ");
  g_assert_null (outlay_repository_add_recurring_rule (fixture->repository, rule, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY);
  g_clear_error (&error);

  /* Nothing was written. */
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), "SELECT count(*) FROM recurring_rules"), ==,
                   0);
  outlay_recurring_rule_set_currency (rule, "EUR");
  stored = outlay_repository_add_recurring_rule (fixture->repository, rule, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_recurring_rule_equal (stored, stored));
}

/* The uuids of the occurrences are those another implementation derives:
 * the data format 6 fixture was written with Python's uuid.uuid5(), and
 * catching its rent up writes April and May, not January to March again
 * (nor the deleted February). */
static void
test_fixture_uuids (Fixture      *fixture,
                    gconstpointer data)
{
  g_autofree char *sql = outlay_test_fixture_text ("schema-6.sql");
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autofree char *days = NULL;

  outlay_test_fixture_close (fixture);
  g_unlink (fixture->path);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  }
  outlay_test_fixture_open (fixture);

  run = run_through (fixture, "2024-05-15");
  days = written_days (fixture, "9a1c3e5f-2b4d-4f6a-8c0e-000000000001", TRUE);
  g_assert_cmpstr (days, ==, "2024-01-01 2024-02-01 2024-03-01 2024-04-01 2024-05-01");
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture),
                                          "SELECT count(*) FROM expenses WHERE occurred_on = '2024-02-01' "
                                          "AND deleted_at IS NOT NULL"),
                   ==, 1);
}

static OutlayRecurringRule *
add_repeating (Fixture            *fixture,
               const char         *description,
               const char         *start,
               OutlayRecurringMode mode,
               const char         *today,
               GArray            **written,
               GError            **error)
{
  g_autoptr (OutlayExpense) typed =
    outlay_test_draft (95000, "EUR", start, description, outlay_test_category_at (fixture->repository, 1));
  GDate            first = day_of (start);
  GDate            now = day_of (today);
  OutlayRecurrence recurrence;

  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, &first);
  recurrence.monthly_on = OUTLAY_MONTHLY_LAST_DAY;
  return outlay_repository_add_repeating_expense (fixture->repository, typed, &recurrence, mode, &now, written, error);
}

/* The editor's save of an expense that repeats: its rule, and what the rule
 * owes up to today, each once; a rule that asks writes only the one typed. */
static void
test_add_repeating (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = NULL;
  g_autoptr (OutlayRecurringRule) phone = NULL;
  g_autoptr (OutlayRecurringRule) later = NULL;
  g_autoptr (OutlayRecurringRule) refused = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GArray) written = NULL;
  g_autoptr (GArray) none = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *days = NULL;

  /* Typed on 31 January, monthly on the last day, saved on 15 April. */
  rent = add_repeating (fixture, "Rent", "2024-01-31", OUTLAY_RECURRING_AUTOMATIC, "2024-04-15", &written, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 3);
  days = written_days (fixture, outlay_recurring_rule_get_uuid (rent), TRUE);
  g_assert_cmpstr (days, ==, "2024-01-31 2024-02-29 2024-03-31");
  g_assert_cmpstr (outlay_recurring_rule_get_done_through (rent), ==, "2024-04-15");
  /* A catch-up the same day has nothing more to write. */
  run = run_through (fixture, "2024-04-15");
  g_assert_cmpuint (run->expense_ids->len, ==, 0);
  g_clear_pointer (&written, g_array_unref);
  g_clear_pointer (&days, g_free);

  /* A rule that asks: the one typed is confirmed; the next one is due. */
  phone = add_repeating (fixture, "Phone", "2024-02-29", OUTLAY_RECURRING_CONFIRM, "2024-04-15", &written, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  days = written_days (fixture, outlay_recurring_rule_get_uuid (phone), TRUE);
  g_assert_cmpstr (days, ==, "2024-02-29");
  {
    GDate today = day_of ("2024-04-15");
    g_autoptr (GArray) due = outlay_repository_list_due (fixture->repository, &today, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (due->len, ==, 1);
    g_assert_cmpint (g_date_get_month (&g_array_index (due, OutlayPlannedExpense, 0).occurrence.day), ==,
                     G_DATE_MARCH);
  }
  g_clear_pointer (&written, g_array_unref);

  /* Its first day has not come: the rule only. */
  later = add_repeating (fixture, "Gym", "2024-05-31", OUTLAY_RECURRING_AUTOMATIC, "2024-04-15", &written, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 0);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 4);

  /* Refused: nothing of it is written. */
  refused = add_repeating (fixture, "", "2024-01-31", OUTLAY_RECURRING_AUTOMATIC, "2024-04-15", &none, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_assert_null (none);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 4);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), "SELECT count(*) FROM recurring_rules"), ==,
                   3);
}

/* The days of the occurrences due on @today, "YYYY-MM-DD …". */
static char *
due_days (Fixture    *fixture,
          const char *today)
{
  g_autoptr (GError) error = NULL;
  GDate day = day_of (today);
  g_autoptr (GArray) due = outlay_repository_list_due (fixture->repository, &day, &error);
  g_autoptr (GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < due->len; i++)
    {
      char iso[OUTLAY_DATE_ISO_SIZE];

      outlay_date_format_iso_buf (&g_array_index (due, OutlayPlannedExpense, i).occurrence.day, iso);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", iso);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A rule to confirm on the 15th of each month from January 2024. */
static OutlayRecurringRule *
add_bill (Fixture *fixture)
{
  OutlayRecurringRule *bill = draft (fixture, "Water bill", 4200, "2024-01-15");

  outlay_recurring_rule_set_mode (bill, OUTLAY_RECURRING_CONFIRM);
  return add (fixture, bill);
}

static void
assert_due (Fixture    *fixture,
            const char *today,
            const char *expected)
{
  g_autofree char *days = due_days (fixture, today);

  g_assert_cmpstr (days, ==, expected);
}

/* The Undo of a skip: due again, though the months after it were dealt
 * with; confirmed then, it is written once. */
static void
test_restore_skipped (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) bill = add_bill (fixture);
  const char *uuid = outlay_recurring_rule_get_uuid (bill);
  g_autoptr (GError) error = NULL;
  g_autofree char *days = NULL;
  GDate            today = day_of ("2024-03-20");
  GDate            january = day_of ("2024-01-15");
  GDate            february = day_of ("2024-02-15");
  GDate            march = day_of ("2024-03-15");

  g_assert_cmpint (outlay_repository_confirm_occurrence (fixture->repository, uuid, &january, &today, &error), >, 0);
  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, uuid, &february, &today, &error));
  g_assert_cmpint (outlay_repository_confirm_occurrence (fixture->repository, uuid, &march, &today, &error), >, 0);
  g_assert_no_error (error);
  assert_due (fixture, "2024-03-20", "");

  g_assert_true (outlay_repository_restore_occurrence (fixture->repository, uuid, &february, &error));
  g_assert_no_error (error);
  assert_due (fixture, "2024-03-20", "2024-02-15");

  /* Nothing left to restore. */
  g_assert_false (outlay_repository_restore_occurrence (fixture->repository, uuid, &february, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_repository_restore_occurrence (fixture->repository, uuid, &march, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (outlay_repository_confirm_occurrence (fixture->repository, uuid, &february, &today, &error), >, 0);
  g_assert_no_error (error);
  assert_due (fixture, "2024-03-20", "");
  days = written_days (fixture, uuid, TRUE);
  g_assert_cmpstr (days, ==, "2024-01-15 2024-02-15 2024-03-15");
}

/* An automatic rule's skip taken back after the catch-up went past it:
 * the next catch-up writes it, and nothing else twice. */
static void
test_restore_skipped_automatic (Fixture      *fixture,
                                gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  const char *uuid = outlay_recurring_rule_get_uuid (rent);
  g_autoptr (OutlayRecurringRun) run = run_through (fixture, "2024-01-10");
  g_autoptr (GError) error = NULL;
  g_autofree char *days = NULL;
  GDate            today = day_of ("2024-01-10");
  GDate            february = day_of ("2024-02-01");

  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, uuid, &february, &today, &error));
  g_assert_no_error (error);
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-03-05");
  g_assert_cmpuint (run->expense_ids->len, ==, 1);

  g_assert_true (outlay_repository_restore_occurrence (fixture->repository, uuid, &february, &error));
  g_assert_no_error (error);
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-03-05");
  g_assert_cmpuint (run->expense_ids->len, ==, 1);
  days = written_days (fixture, uuid, TRUE);
  g_assert_cmpstr (days, ==, "2024-01-01 2024-02-01 2024-03-01");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
}

/* The Undo of a confirmation: the expense goes, the occurrence is due
 * again, and confirming it again writes it once. */
static void
test_take_back_confirmation (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) bill = add_bill (fixture);
  const char *uuid = outlay_recurring_rule_get_uuid (bill);
  g_autoptr (GError) error = NULL;
  g_autofree char *days = NULL;
  GDate            today = day_of ("2024-03-20");
  GDate            january = day_of ("2024-01-15");
  gint64           id;
  gint64           again;

  assert_due (fixture, "2024-03-20", "2024-01-15 2024-02-15 2024-03-15");
  id = outlay_repository_confirm_occurrence (fixture->repository, uuid, &january, &today, &error);
  g_assert_no_error (error);
  assert_due (fixture, "2024-03-20", "2024-02-15 2024-03-15");

  g_assert_true (outlay_repository_take_back_confirmation (fixture->repository, id, &error));
  g_assert_no_error (error);
  assert_due (fixture, "2024-03-20", "2024-01-15 2024-02-15 2024-03-15");
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), "SELECT count(*) FROM expenses"), ==, 0);
  /* Once. */
  g_assert_false (outlay_repository_take_back_confirmation (fixture->repository, id, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  again = outlay_repository_confirm_occurrence (fixture->repository, uuid, &january, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, >, 0);
  assert_due (fixture, "2024-03-20", "2024-02-15 2024-03-15");
  days = written_days (fixture, uuid, TRUE);
  g_assert_cmpstr (days, ==, "2024-01-15");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
}

/* One confirmed ahead of its day, taken back, is written by the catch-up
 * on its day, once; an expense of no rule, or one changed since, is not
 * taken back. */
static void
test_take_back_refused (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  const char *uuid = outlay_recurring_rule_get_uuid (rent);
  g_autoptr (OutlayRecurringRun) run = run_through (fixture, "2024-01-10");
  g_autoptr (OutlayExpense) lunch = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *days = NULL;
  g_autofree char *sql = NULL;
  GDate            today = day_of ("2024-01-10");
  GDate            february = day_of ("2024-02-01");
  gint64           id;

  id = outlay_repository_confirm_occurrence (fixture->repository, uuid, &february, &today, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_repository_take_back_confirmation (fixture->repository, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-02-05");
  g_assert_cmpuint (run->expense_ids->len, ==, 1);
  days = written_days (fixture, uuid, TRUE);
  g_assert_cmpstr (days, ==, "2024-01-01 2024-02-01");

  lunch = outlay_test_add (fixture, 1250, "EUR", "2024-01-05", "Lunch", outlay_test_category (fixture, 0));
  g_assert_false (outlay_repository_take_back_confirmation (fixture->repository, outlay_expense_get_id (lunch),
                                                            &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  sql = g_strdup_printf ("UPDATE expenses SET updated_at = '2030-01-01T00:00:00.000Z' WHERE id = %" G_GINT64_FORMAT,
                         g_array_index (run->expense_ids, gint64, 0));
  outlay_test_exec (outlay_test_handle (fixture), sql);
  g_assert_false (outlay_repository_take_back_confirmation (fixture->repository,
                                                            g_array_index (run->expense_ids, gint64, 0), &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_PROTECTED);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 3);
}

static OutlayRecurringRule *
split (Fixture             *fixture,
       OutlayRecurringRule *rule,
       const char          *from,
       OutlayRecurringRule *changed)
{
  g_autoptr (GError) error = NULL;
  GDate                day = day_of (from);
  OutlayRecurringRule *stored = outlay_repository_split_recurring_rule (
    fixture->repository, outlay_recurring_rule_get_uuid (rule), &day, changed, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static void
count_cb (OutlayRepository *repository,
          guint            *count)
{
  (*count)++;
}

/* "This and later": the rent goes up from March, said in the middle of
 * it. What was written stays as it was, with its rule; the new rule
 * writes from April, not March again. */
static void
test_split (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayRecurringRun) run = run_through (fixture, "2024-03-15");
  g_autoptr (OutlayRecurringRule) changed = outlay_recurring_rule_copy (rent);
  g_autoptr (OutlayRecurringRule) later = NULL;
  g_autoptr (OutlayRecurringRule) old = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *old_days = NULL;
  g_autofree char *new_days = NULL;
  guint            signals = 0;

  before = outlay_test_dump (outlay_test_handle (fixture), "SELECT * FROM expenses ORDER BY id");
  g_signal_connect (fixture->repository, "recurring-changed", G_CALLBACK (count_cb), &signals);
  outlay_recurring_rule_set_amount (changed, 99000);
  later = split (fixture, rent, "2024-03-01", changed);
  g_assert_cmpuint (signals, ==, 1);
  g_assert_cmpstr (outlay_recurring_rule_get_uuid (later), !=, outlay_recurring_rule_get_uuid (rent));
  g_assert_cmpint (outlay_recurring_rule_get_amount (later), ==, 99000);
  {
    GDate march = day_of ("2024-03-01");
    GDate february_end = day_of ("2024-02-29");

    g_assert_cmpint (g_date_compare (&outlay_recurring_rule_get_recurrence (later)->start, &march), ==, 0);
    old = outlay_repository_get_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rent), &error);
    g_assert_no_error (error);
    g_assert_cmpint (outlay_recurring_rule_get_recurrence (old)->end, ==, OUTLAY_REPEAT_END_UNTIL);
    g_assert_cmpint (g_date_compare (&outlay_recurring_rule_get_recurrence (old)->until, &february_end), ==, 0);
  }
  after = outlay_test_dump (outlay_test_handle (fixture), "SELECT * FROM expenses ORDER BY id");
  g_assert_cmpstr (after, ==, before);

  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-05-02");
  g_assert_cmpuint (run->expense_ids->len, ==, 2);
  old_days = written_days (fixture, outlay_recurring_rule_get_uuid (rent), TRUE);
  g_assert_cmpstr (old_days, ==, "2024-01-01 2024-02-01 2024-03-01");
  new_days = written_days (fixture, outlay_recurring_rule_get_uuid (later), TRUE);
  g_assert_cmpstr (new_days, ==, "2024-04-01 2024-05-01");
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture),
                                          "SELECT count(*) FROM expenses WHERE amount = 99000"),
                   ==, 2);
  after = (g_free (after), outlay_test_dump (outlay_test_handle (fixture),
                                             "SELECT * FROM expenses WHERE amount = 95000 ORDER BY id"));
  g_assert_cmpstr (after, ==, before);
}

/* One confirmed ahead of its day before the change stays as it was
 * written, once: the new rule does not write it again. */
static void
test_split_written_ahead (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayRecurringRun) run = run_through (fixture, "2024-03-15");
  g_autoptr (OutlayRecurringRule) changed = outlay_recurring_rule_copy (rent);
  g_autoptr (OutlayRecurringRule) later = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *amounts = NULL;
  GDate            today = day_of ("2024-03-15");
  GDate            april = day_of ("2024-04-01");

  g_assert_cmpint (outlay_repository_confirm_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (rent),
                                                         &april, &today, &error),
                   >, 0);
  g_assert_no_error (error);
  outlay_recurring_rule_set_amount (changed, 99000);
  later = split (fixture, rent, "2024-03-20", changed);

  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-06-02");
  amounts = outlay_test_dump (outlay_test_handle (fixture),
                              "SELECT group_concat(scheduled_on || ':' || amount, ' ') FROM "
                              "(SELECT scheduled_on, amount FROM expenses ORDER BY scheduled_on)");
  g_assert_cmpstr (amounts, ==,
                   "2024-01-01:95000 2024-02-01:95000 2024-03-01:95000 2024-04-01:95000 2024-05-01:99000 "
                   "2024-06-01:99000\n");
}

/* A month on the 31st becomes one on the last day from April: its
 * exceptions from then on go with it where it has their day, and are
 * deleted where it does not. */
static void
test_split_last_day (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) phone = add (fixture, draft (fixture, "Phone", 3999, "2024-01-31"));
  const char *uuid = outlay_recurring_rule_get_uuid (phone);
  g_autoptr (OutlayRecurringRun) run = run_through (fixture, "2024-03-31");
  g_autoptr (OutlayRecurringRule) changed = outlay_recurring_rule_copy (phone);
  g_autoptr (OutlayRecurringRule) later = NULL;
  g_autoptr (GArray) upcoming = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *old_days = NULL;
  g_autofree char *new_days = NULL;
  g_autofree char *exceptions = NULL;
  g_autofree char *sql = NULL;
  OutlayRecurrence recurrence = *outlay_recurring_rule_get_recurrence (phone);
  GDate            today = day_of ("2024-03-31");
  GDate            may = day_of ("2024-05-31");
  GDate            from = day_of ("2024-04-01");
  GDate            to = day_of ("2024-08-31");

  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, uuid, &may, &today, &error));
  g_assert_no_error (error);
  recurrence.monthly_on = OUTLAY_MONTHLY_LAST_DAY;
  outlay_recurring_rule_set_recurrence (changed, &recurrence);
  later = split (fixture, phone, "2024-04-01", changed);
  g_assert_cmpint (outlay_recurring_rule_get_recurrence (later)->monthly_on, ==, OUTLAY_MONTHLY_LAST_DAY);

  upcoming = outlay_repository_list_upcoming (fixture->repository, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, 4);
  for (guint i = 0; i < upcoming->len; i++)
    g_assert_cmpstr (outlay_recurring_rule_get_uuid (g_array_index (upcoming, OutlayPlannedExpense, i).rule), ==,
                     outlay_recurring_rule_get_uuid (later));

  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-07-01");
  old_days = written_days (fixture, uuid, TRUE);
  g_assert_cmpstr (old_days, ==, "2024-01-31 2024-02-29 2024-03-31");
  new_days = written_days (fixture, outlay_recurring_rule_get_uuid (later), TRUE);
  g_assert_cmpstr (new_days, ==, "2024-04-30 2024-06-30");
  sql = g_strdup_printf ("SELECT rule_uuid = '%s', scheduled_on, skipped, deleted_at IS NULL FROM recurring_exceptions",
                         outlay_recurring_rule_get_uuid (later));
  exceptions = outlay_test_dump (outlay_test_handle (fixture), sql);
  g_assert_cmpstr (exceptions, ==, "1|2024-05-31|1|1\n");
}

/* Every second month from January becomes every second month from March
 * on the 15th: a skip of a day it still has moves to it, one of a day it
 * no longer has is deleted; it keeps the months of the old one. */
static void
test_split_exceptions (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) water = draft (fixture, "Water", 4000, "2024-01-01");
  g_autoptr (OutlayRecurringRule) changed = NULL;
  g_autoptr (OutlayRecurringRule) later = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *days = NULL;
  g_autofree char *exceptions = NULL;
  OutlayRecurrence recurrence = *outlay_recurring_rule_get_recurrence (water);
  GDate            today = day_of ("2024-01-10");
  GDate            may = day_of ("2024-05-01");
  GDate            july = day_of ("2024-07-01");

  recurrence.interval = 2;
  outlay_recurring_rule_set_recurrence (water, &recurrence);
  water = add (fixture, water);
  run = run_through (fixture, "2024-01-10");
  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (water), &may,
                                                    &today, &error));
  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (water), &july,
                                                    &today, &error));
  g_assert_no_error (error);

  /* From 15 February: the old one falls on 1 March no more. */
  changed = outlay_recurring_rule_copy (water);
  recurrence.end = OUTLAY_REPEAT_END_NEVER;
  outlay_recurring_rule_set_recurrence (changed, &recurrence);
  outlay_recurring_rule_set_amount (changed, 4500);
  later = split (fixture, water, "2024-02-15", changed);
  {
    GDate march = day_of ("2024-03-01");

    g_assert_cmpint (g_date_compare (&outlay_recurring_rule_get_recurrence (later)->start, &march), ==, 0);
  }
  g_clear_object (&changed);

  /* Then from 1 June on the 15th of every second month from July. */
  changed = outlay_recurring_rule_copy (later);
  recurrence.month_day = 15;
  outlay_recurring_rule_set_recurrence (changed, &recurrence);
  g_clear_object (&water);
  water = g_steal_pointer (&later);
  later = split (fixture, water, "2024-06-01", changed);
  {
    GDate july_15 = day_of ("2024-07-15");

    g_assert_cmpint (g_date_compare (&outlay_recurring_rule_get_recurrence (later)->start, &july_15), ==, 0);
  }

  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-12-31");
  days = outlay_test_dump (outlay_test_handle (fixture),
                           "SELECT group_concat(occurred_on || ':' || amount, ' ') FROM "
                           "(SELECT occurred_on, amount FROM expenses ORDER BY occurred_on)");
  g_assert_cmpstr (days, ==, "2024-01-01:4000 2024-03-01:4500 2024-07-15:4500 2024-09-15:4500 2024-11-15:4500\n");
  exceptions = outlay_test_dump (outlay_test_handle (fixture),
                                 "SELECT scheduled_on, deleted_at IS NULL FROM recurring_exceptions "
                                 "ORDER BY scheduled_on");
  g_assert_cmpstr (exceptions, ==, "2024-05-01|1\n2024-07-01|0\n");
}

/* The live exceptions: whether of the live "Water", the day, skipped. */
static char *
live_exceptions (Fixture *fixture)
{
  return outlay_test_dump (outlay_test_handle (fixture),
                           "SELECT rule_uuid = (SELECT uuid FROM recurring_rules WHERE description = 'Water' "
                           "AND deleted_at IS NULL), scheduled_on, skipped FROM recurring_exceptions "
                           "WHERE deleted_at IS NULL");
}

/* Undo of a change from a day on: the skips come back to the old rule,
 * moved or deleted by the split; the new rule goes; the old one is as it
 * was, and the catch-up writes what it wrote before. Twice is as once. */
static void
test_take_back_split (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) water = add (fixture, draft (fixture, "Water", 4000, "2024-01-01"));
  g_autoptr (OutlayRecurringRule) changed = NULL;
  g_autoptr (OutlayRecurringRule) later = NULL;
  g_autoptr (OutlayRecurringRule) after = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *exceptions = NULL;
  g_autofree char *days = NULL;
  OutlayRecurrence recurrence = *outlay_recurring_rule_get_recurrence (water);
  GDate            today = day_of ("2024-01-10");
  GDate            may = day_of ("2024-05-01");

  run = run_through (fixture, "2024-01-10");
  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (water), &may,
                                                    &today, &error));
  g_assert_no_error (error);

  /* From 1 March on the 15th: the skip of 1 May is deleted. */
  changed = outlay_recurring_rule_copy (water);
  recurrence.month_day = 15;
  outlay_recurring_rule_set_recurrence (changed, &recurrence);
  later = split (fixture, water, "2024-03-01", changed);
  g_assert_true (outlay_repository_take_back_split (fixture->repository, water, outlay_recurring_rule_get_uuid (later),
                                                    &error));
  g_assert_no_error (error);
  g_assert_true (outlay_repository_take_back_split (fixture->repository, water, outlay_recurring_rule_get_uuid (later),
                                                    &error));
  g_assert_no_error (error);

  after = outlay_repository_get_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (water), &error);
  g_assert_cmpint (outlay_recurring_rule_get_recurrence (after)->end, ==, OUTLAY_REPEAT_END_NEVER);
  g_clear_object (&after);
  after = outlay_repository_get_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (later), &error);
  g_assert_nonnull (outlay_recurring_rule_get_deleted_at (after));
  exceptions = live_exceptions (fixture);
  g_assert_cmpstr (exceptions, ==, "1|2024-05-01|1\n");

  /* Then the same change of amount only: the skip moves over and back. */
  g_clear_object (&changed);
  g_clear_object (&later);
  changed = outlay_recurring_rule_copy (water);
  outlay_recurring_rule_set_amount (changed, 4500);
  later = split (fixture, water, "2024-03-01", changed);
  g_assert_true (outlay_repository_take_back_split (fixture->repository, water, outlay_recurring_rule_get_uuid (later),
                                                    &error));
  g_assert_no_error (error);
  g_clear_pointer (&exceptions, g_free);
  exceptions = live_exceptions (fixture);
  g_assert_cmpstr (exceptions, ==, "1|2024-05-01|1\n");

  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-06-10");
  days = written_days (fixture, outlay_recurring_rule_get_uuid (water), FALSE);
  g_assert_cmpstr (days, ==, "2024-01-01 2024-02-01 2024-03-01 2024-04-01 2024-06-01");
}

/* Ten times in all: four before the change, six after it. */
static void
test_split_count (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) lessons = draft (fixture, "Lessons", 6000, "2024-01-10");
  g_autoptr (OutlayRecurringRule) changed = NULL;
  g_autoptr (OutlayRecurringRule) later = NULL;
  g_autoptr (OutlayRecurringRule) old = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *old_days = NULL;
  g_autofree char *new_days = NULL;
  OutlayRecurrence recurrence = *outlay_recurring_rule_get_recurrence (lessons);
  GDate            from = day_of ("2024-05-01");
  GDate            april_end = day_of ("2024-04-30");

  recurrence.end = OUTLAY_REPEAT_END_COUNT;
  recurrence.count = 10;
  outlay_recurring_rule_set_recurrence (lessons, &recurrence);
  lessons = add (fixture, lessons);
  run = run_through (fixture, "2024-04-20");

  changed = outlay_recurring_rule_copy (lessons);
  outlay_recurring_rule_set_amount (changed, 6500);
  later = split (fixture, lessons, "2024-05-01", changed);
  g_assert_cmpint (outlay_recurring_rule_get_recurrence (later)->end, ==, OUTLAY_REPEAT_END_COUNT);
  g_assert_cmpuint (outlay_recurring_rule_get_recurrence (later)->count, ==, 6);
  old = outlay_repository_get_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (lessons), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_recurring_rule_get_recurrence (old)->end, ==, OUTLAY_REPEAT_END_UNTIL);
  g_assert_cmpint (g_date_compare (&outlay_recurring_rule_get_recurrence (old)->until, &april_end), ==, 0);

  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2025-12-31");
  old_days = written_days (fixture, outlay_recurring_rule_get_uuid (lessons), TRUE);
  g_assert_cmpstr (old_days, ==, "2024-01-10 2024-02-10 2024-03-10 2024-04-10");
  new_days = written_days (fixture, outlay_recurring_rule_get_uuid (later), TRUE);
  g_assert_cmpstr (new_days, ==, "2024-05-10 2024-06-10 2024-07-10 2024-08-10 2024-09-10 2024-10-10");

  /* Nothing is left of it from 2025 on. */
  g_clear_object (&changed);
  changed = outlay_recurring_rule_copy (later);
  from = day_of ("2025-01-01");
  g_assert_null (outlay_repository_split_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (later),
                                                         &from, changed, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DATE);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), "SELECT count(*) FROM recurring_rules"), ==, 2);
}

/* A bad change changes nothing; from the first day on, the rule itself
 * changes. */
static void
test_split_refused (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayRecurringRun) run = run_through (fixture, "2024-03-15");
  g_autoptr (OutlayRecurringRule) changed = outlay_recurring_rule_copy (rent);
  g_autoptr (OutlayRecurringRule) whole = NULL;
  g_autoptr (OutlayRecurringRule) deleted = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = outlay_test_dump_store (outlay_test_handle (fixture));
  g_autofree char *after = NULL;
  GDate            from = day_of ("2024-03-10");
  OutlayRecurrence recurrence = *outlay_recurring_rule_get_recurrence (rent);

  outlay_recurring_rule_set_amount (changed, 0);
  g_assert_null (outlay_repository_split_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rent),
                                                         &from, changed, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT);
  g_clear_error (&error);

  /* Until a day before the new rule's first. */
  outlay_recurring_rule_set_amount (changed, 99000);
  recurrence.end = OUTLAY_REPEAT_END_UNTIL;
  recurrence.until = day_of ("2024-03-20");
  outlay_recurring_rule_set_recurrence (changed, &recurrence);
  g_assert_null (outlay_repository_split_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rent),
                                                         &from, changed, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD);
  g_clear_error (&error);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);

  recurrence.end = OUTLAY_REPEAT_END_NEVER;
  outlay_recurring_rule_set_recurrence (changed, &recurrence);
  from = day_of ("2024-01-01");
  whole = split (fixture, rent, "2024-01-01", changed);
  g_assert_cmpstr (outlay_recurring_rule_get_uuid (whole), ==, outlay_recurring_rule_get_uuid (rent));
  g_assert_cmpint (outlay_recurring_rule_get_amount (whole), ==, 99000);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), "SELECT count(*) FROM recurring_rules"), ==, 1);

  deleted = outlay_repository_delete_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rent), FALSE,
                                                     &error);
  g_assert_no_error (error);
  from = day_of ("2024-06-01");
  g_assert_null (outlay_repository_split_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rent),
                                                         &from, changed, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
}

/* The occurrences from @from to @to, "day:amount (scheduled) …". */
static char *
upcoming_text (Fixture    *fixture,
               const char *from,
               const char *to)
{
  g_autoptr (GError) error = NULL;
  GDate first = day_of (from);
  GDate last = day_of (to);
  g_autoptr (GArray) upcoming = outlay_repository_list_upcoming (fixture->repository, &first, &last, &error);
  g_autoptr (GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < upcoming->len; i++)
    {
      const OutlayPlannedExpense *planned = &g_array_index (upcoming, OutlayPlannedExpense, i);
      char                        day[OUTLAY_DATE_ISO_SIZE];
      char                        scheduled[OUTLAY_DATE_ISO_SIZE];

      outlay_date_format_iso_buf (&planned->occurrence.day, day);
      outlay_date_format_iso_buf (&planned->occurrence.scheduled, scheduled);
      g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT " (%s)", i > 0 ? " " : "", day, planned->amount,
                              scheduled);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_upcoming (Fixture    *fixture,
                 const char *from,
                 const char *to,
                 const char *expected)
{
  g_autofree char *text = upcoming_text (fixture, from, to);

  g_assert_cmpstr (text, ==, expected);
}

static void
override (Fixture    *fixture,
          const char *rule_uuid,
          const char *scheduled,
          gint64      amount,
          const char *day)
{
  g_autoptr (GError) error = NULL;
  GDate scheduled_day = day_of (scheduled);
  GDate moved = day != NULL ? day_of (day) : scheduled_day;

  g_assert_true (outlay_repository_override_occurrence (fixture->repository, rule_uuid, &scheduled_day, amount,
                                                        day != NULL ? &moved : NULL, &error));
  g_assert_no_error (error);
}

/* February's rent is paid on the 5th and is more, March's is less: so
 * they are listed, and so the catch-up writes them, each once. */
static void
test_override (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  const char *uuid = outlay_recurring_rule_get_uuid (rent);
  g_autoptr (OutlayRecurringRun) run = run_through (fixture, "2024-01-10");
  g_autofree char *rows = NULL;

  override (fixture, uuid, "2024-02-01", 99000, "2024-02-05");
  override (fixture, uuid, "2024-03-01", 97000, NULL);
  assert_upcoming (fixture, "2024-01-11", "2024-03-31",
                   "2024-02-05:99000 (2024-02-01) 2024-03-01:97000 (2024-03-01)");

  /* A second change replaces the first. */
  override (fixture, uuid, "2024-04-01", -1, "2024-04-03");
  override (fixture, uuid, "2024-04-01", 500, NULL);
  assert_upcoming (fixture, "2024-04-01", "2024-04-30", "2024-04-01:500 (2024-04-01)");

  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-02-04");
  g_assert_cmpuint (run->expense_ids->len, ==, 0);
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-03-02");
  g_assert_cmpuint (run->expense_ids->len, ==, 2);

  /* Moved back to a day already caught up to: written by the next run. */
  override (fixture, uuid, "2024-05-01", -1, "2024-02-20");
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-03-02");
  g_assert_cmpuint (run->expense_ids->len, ==, 1);
  g_clear_pointer (&run, outlay_recurring_run_unref);
  run = run_through (fixture, "2024-05-02");

  rows = outlay_test_dump (outlay_test_handle (fixture),
                           "SELECT group_concat(occurred_on || ':' || amount || ':' || scheduled_on, ' ') FROM "
                           "(SELECT * FROM expenses ORDER BY scheduled_on)");
  g_assert_cmpstr (rows, ==,
                   "2024-01-01:95000:2024-01-01 2024-02-05:99000:2024-02-01 2024-03-01:97000:2024-03-01 "
                   "2024-04-01:500:2024-04-01 2024-02-20:95000:2024-05-01\n");
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
}

/* A due occurrence to confirm with its own amount is confirmed with it;
 * the Undo of a change, and of a skip over one, gives back what was
 * before. */
static void
test_override_and_restore (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) bill = add_bill (fixture);
  const char *uuid = outlay_recurring_rule_get_uuid (bill);
  g_autoptr (OutlayExpense) expense = NULL;
  g_autoptr (GError) error = NULL;
  GDate  today = day_of ("2024-02-20");
  GDate  january = day_of ("2024-01-15");
  GDate  march = day_of ("2024-03-15");
  gint64 id;

  override (fixture, uuid, "2024-01-15", 5100, "2024-01-17");
  assert_due (fixture, "2024-02-20", "2024-01-17 2024-02-15");
  id = outlay_repository_confirm_occurrence (fixture->repository, uuid, &january, &today, &error);
  g_assert_no_error (error);
  expense = outlay_repository_get_expense (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_amount (expense), ==, 5100);
  g_assert_cmpstr (outlay_expense_get_occurred_on (expense), ==, "2024-01-17");

  override (fixture, uuid, "2024-03-15", 3000, "2024-03-01");
  assert_upcoming (fixture, "2024-02-21", "2024-03-31", "2024-03-01:3000 (2024-03-15)");
  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, uuid, &march, &today, &error));
  assert_upcoming (fixture, "2024-02-21", "2024-03-31", "");
  g_assert_true (outlay_repository_restore_occurrence (fixture->repository, uuid, &march, &error));
  assert_upcoming (fixture, "2024-02-21", "2024-03-31", "2024-03-01:3000 (2024-03-15)");
  g_assert_true (outlay_repository_restore_occurrence (fixture->repository, uuid, &march, &error));
  g_assert_no_error (error);
  assert_upcoming (fixture, "2024-02-21", "2024-03-31", "2024-03-15:4200 (2024-03-15)");
}

/* What cannot be changed is refused, and nothing is written. */
static void
test_override_refused (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  const char *uuid = outlay_recurring_rule_get_uuid (rent);
  g_autoptr (OutlayRecurringRun) run = run_through (fixture, "2024-01-10");
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate            today = day_of ("2024-01-10");
  GDate            january = day_of ("2024-01-01");
  GDate            february = day_of ("2024-02-01");
  GDate            mid_february = day_of ("2024-02-15");
  GDate            march = day_of ("2024-03-01");
  GDate            far = day_of ("2024-03-05");

  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, uuid, &march, &today, &error));
  g_assert_no_error (error);
  before = outlay_test_dump_store (outlay_test_handle (fixture));

  g_assert_false (outlay_repository_override_occurrence (fixture->repository, uuid, &january, 100, NULL, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "written already"));
  g_clear_error (&error);
  g_assert_false (outlay_repository_override_occurrence (fixture->repository, uuid, &mid_february, 100, NULL, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_repository_override_occurrence (fixture->repository, uuid, &march, 100, NULL, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_repository_override_occurrence (fixture->repository, uuid, &february, 0, NULL, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT);
  g_clear_error (&error);
  g_date_set_year (&far, 3000);
  g_assert_false (outlay_repository_override_occurrence (fixture->repository, uuid, &february, -1, &far, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DATE);
  g_clear_error (&error);

  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
}

/* Found by a reader of the file, as the window's list reads it: one that
 * does not bring the search index up to date itself. */
static guint
count_found (Fixture    *fixture,
             const char *words)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) reader = outlay_database_open_full (fixture->path, OUTLAY_DATABASE_FLAGS_READ_ONLY,
                                                                 &error);
  g_autoptr (OutlayRepository) repository = NULL;

  g_assert_no_error (error);
  repository = outlay_repository_new (reader);
  outlay_query_set_text (query, words);
  found = outlay_repository_find_expenses (repository, query, 0, 100, &error);
  g_assert_no_error (error);
  return found->len;
}

/* What a catch-up, a confirmation and a repeating expense write is found by
 * a search at once, not after the next start. */
static void
test_searchable (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add (fixture, draft (fixture, "Rent", 95000, "2024-01-01"));
  g_autoptr (OutlayRecurringRule) phone = draft (fixture, "Phone bill", 2000, "2024-01-31");
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (OutlayRecurringRule) gym = NULL;
  g_autoptr (GArray) written = NULL;
  g_autoptr (GError) error = NULL;
  GDate january = day_of ("2024-01-31");
  GDate today = day_of ("2024-03-15");

  run = run_through (fixture, "2024-03-15");
  g_assert_cmpuint (count_found (fixture, "rent"), ==, 3);

  outlay_recurring_rule_set_mode (phone, OUTLAY_RECURRING_CONFIRM);
  stored = add (fixture, g_steal_pointer (&phone));
  g_assert_cmpint (outlay_repository_confirm_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (stored),
                                                         &january, &today, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (fixture, "phone"), ==, 1);

  gym = add_repeating (fixture, "Gym", "2024-02-29", OUTLAY_RECURRING_AUTOMATIC, "2024-03-15", &written, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (fixture, "gym"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/recurring/catch-up", test_catch_up);
  OUTLAY_TEST_ADD ("/repository/recurring/on-its-day", test_on_its_day);
  OUTLAY_TEST_ADD ("/repository/recurring/take-back", test_take_back);
  OUTLAY_TEST_ADD ("/repository/recurring/deleted-and-edited", test_deleted_and_edited);
  OUTLAY_TEST_ADD ("/repository/recurring/two-writers", test_two_writers);
  OUTLAY_TEST_ADD ("/repository/recurring/held", test_held);
  OUTLAY_TEST_ADD ("/repository/recurring/paused", test_paused);
  OUTLAY_TEST_ADD ("/repository/recurring/pause-and-resume", test_pause_and_resume);
  OUTLAY_TEST_ADD ("/repository/recurring/confirm", test_confirm);
  OUTLAY_TEST_ADD ("/repository/recurring/upcoming", test_upcoming);
  OUTLAY_TEST_ADD ("/repository/recurring/delete-and-restore", test_delete_and_restore);
  OUTLAY_TEST_ADD ("/repository/recurring/refused", test_refused);
  OUTLAY_TEST_ADD ("/repository/recurring/fixture-uuids", test_fixture_uuids);
  OUTLAY_TEST_ADD ("/repository/recurring/add-repeating", test_add_repeating);
  OUTLAY_TEST_ADD ("/repository/recurring/searchable", test_searchable);
  OUTLAY_TEST_ADD ("/repository/recurring/take-back-split", test_take_back_split);
  OUTLAY_TEST_ADD ("/repository/recurring/restore-skipped", test_restore_skipped);
  OUTLAY_TEST_ADD ("/repository/recurring/restore-skipped-automatic", test_restore_skipped_automatic);
  OUTLAY_TEST_ADD ("/repository/recurring/take-back-confirmation", test_take_back_confirmation);
  OUTLAY_TEST_ADD ("/repository/recurring/take-back-refused", test_take_back_refused);
  OUTLAY_TEST_ADD ("/repository/recurring/split", test_split);
  OUTLAY_TEST_ADD ("/repository/recurring/split-written-ahead", test_split_written_ahead);
  OUTLAY_TEST_ADD ("/repository/recurring/split-last-day", test_split_last_day);
  OUTLAY_TEST_ADD ("/repository/recurring/split-exceptions", test_split_exceptions);
  OUTLAY_TEST_ADD ("/repository/recurring/split-count", test_split_count);
  OUTLAY_TEST_ADD ("/repository/recurring/split-refused", test_split_refused);
  OUTLAY_TEST_ADD ("/repository/recurring/override", test_override);
  OUTLAY_TEST_ADD ("/repository/recurring/override-and-restore", test_override_and_restore);
  OUTLAY_TEST_ADD ("/repository/recurring/override-refused", test_override_refused);

  return g_test_run ();
}
