/* test-repository-budgets.c
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

#include "outlay-money.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"
#include "outlay-uuid.h"

typedef OutlayTestFixture Fixture;

static const char *
category_uuid (Fixture *fixture,
               guint    position)
{
  g_autoptr (OutlayCategory) category =
    g_list_model_get_item (outlay_repository_get_categories (fixture->repository), position);

  /* The repository's list keeps it alive. */
  return outlay_category_get_uuid (category);
}

static OutlayBudget *
draft (const char *name,
       gint64      amount,
       const char *anchor)
{
  OutlayBudget *budget = outlay_budget_new ();

  outlay_budget_set_name (budget, name);
  outlay_budget_set_amount (budget, amount);
  outlay_budget_set_currency (budget, "EUR");
  outlay_budget_set_cycle (budget, OUTLAY_CYCLE_MONTH, 1, anchor, NULL);
  return budget;
}

static OutlayBudget *
add (Fixture      *fixture,
     OutlayBudget *budget)
{
  g_autoptr (GError) error = NULL;
  OutlayBudget *stored = outlay_repository_add_budget (fixture->repository, budget, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

/* add() of a draft made for it, which it takes. */
static OutlayBudget *
add_draft (Fixture      *fixture,
           OutlayBudget *budget)
{
  g_autoptr (OutlayBudget) owned = budget;

  return add (fixture, owned);
}

static void
status_on (Fixture            *fixture,
           OutlayBudget       *budget,
           const char         *day,
           OutlayBudgetStatus *status)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (day);
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_repository_get_budget_status (fixture->repository, budget, date, status, &error));
  g_assert_no_error (error);
}

static void
assert_refused (Fixture      *fixture,
                OutlayBudget *budget,
                int           code,
                const char   *message)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (outlay_repository_add_budget (fixture->repository, budget, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, code);
  g_assert_nonnull (strstr (error->message, message));
}

static void
on_budgets_changed_cb (OutlayRepository *repository,
                       guint            *count)
{
  (*count)++;
}

/* Added, read back, changed, found, deleted softly; each write said. */
static void
test_crud (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (OutlayBudget) groceries = draft ("Groceries", 40000, "2026-01-25");
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayBudget) second = NULL;
  g_autoptr (OutlayBudget) changed = NULL;
  g_autoptr (OutlayBudget) found = NULL;
  g_autoptr (OutlayBudget) before = NULL;
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GError) error = NULL;
  const char *const categories[] = { category_uuid (fixture, 1), NULL };
  const guint       alerts[] = { 100, 50, 80, 50 };
  guint             changes = 0;

  g_signal_connect (fixture->repository, "budgets-changed", G_CALLBACK (on_budgets_changed_cb), &changes);

  outlay_budget_set_categories (groceries, categories);
  outlay_budget_set_rollover (groceries, OUTLAY_ROLLOVER_BOTH, 10000, "2026-02-25");
  outlay_budget_set_alerts (groceries, alerts, G_N_ELEMENTS (alerts));
  stored = add (fixture, groceries);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (outlay_budget_get_id (stored), >, 0);
  g_assert_true (outlay_uuid_is_valid (outlay_budget_get_uuid (stored)));
  outlay_test_assert_timestamp (outlay_budget_get_created_at (stored));
  g_assert_cmpstr (outlay_budget_get_updated_at (stored), ==, outlay_budget_get_created_at (stored));
  g_assert_null (outlay_budget_get_deleted_at (stored));
  g_assert_cmpstr (outlay_budget_get_name (stored), ==, "Groceries");
  g_assert_cmpint (outlay_budget_get_amount (stored), ==, 40000);
  g_assert_cmpstr (outlay_budget_get_anchor (stored), ==, "2026-01-25");
  g_assert_true (g_strv_equal (outlay_budget_get_categories (stored), categories));
  g_assert_cmpint (outlay_budget_get_rollover (stored), ==, OUTLAY_ROLLOVER_BOTH);
  g_assert_cmpint (outlay_budget_get_rollover_cap (stored), ==, 10000);
  g_assert_cmpstr (outlay_budget_get_rollover_from (stored), ==, "2026-02-25");
  /* Sorted, each once. */
  g_assert_cmpuint (outlay_budget_get_alerts (stored)->len, ==, 3);
  g_assert_cmpuint (g_array_index (outlay_budget_get_alerts (stored), guint, 0), ==, 50);
  g_assert_cmpuint (g_array_index (outlay_budget_get_alerts (stored), guint, 2), ==, 100);

  second = add_draft (fixture, draft ("Everything", 150000, "2026-01-01"));
  g_assert_cmpint (outlay_budget_get_position (second), ==, outlay_budget_get_position (stored) + 1);

  outlay_budget_set_name (stored, "  Food shop ");
  outlay_budget_set_amount (stored, 45000);
  outlay_test_let_time_pass ();
  changed = outlay_repository_update_budget (fixture->repository, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_budget_get_name (changed), ==, "Food shop");
  g_assert_cmpint (outlay_budget_get_amount (changed), ==, 45000);
  g_assert_cmpstr (outlay_budget_get_created_at (changed), ==, outlay_budget_get_created_at (stored));
  g_assert_cmpstr (outlay_budget_get_updated_at (changed), >, outlay_budget_get_created_at (stored));
  g_assert_cmpuint (changes, ==, 3);

  /* By name in any case, or by uuid. */
  found = outlay_repository_find_budget (fixture->repository, "FOOD SHOP", &error);
  g_assert_no_error (error);
  g_assert_true (outlay_budget_equal (found, changed));
  g_clear_object (&found);
  found = outlay_repository_find_budget (fixture->repository, outlay_budget_get_uuid (second), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_budget_get_name (found), ==, "Everything");
  g_clear_object (&found);
  g_assert_null (outlay_repository_find_budget (fixture->repository, "Nope", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  before = outlay_repository_delete_budget (fixture->repository, outlay_budget_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_null (outlay_budget_get_deleted_at (before));
  g_assert_cmpuint (changes, ==, 4);
  budgets = outlay_repository_list_budgets (fixture->repository, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 1);
  /* The row stays, deleted. */
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture),
                                          "SELECT count(*) FROM budgets WHERE deleted_at IS NOT NULL"),
                   ==, 1);
  g_assert_null (outlay_repository_delete_budget (fixture->repository, outlay_budget_get_id (second), &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A deleted budget's name is free again. */
  g_clear_object (&found);
  found = add_draft (fixture, draft ("everything", 1000, "2026-01-01"));
}

/* Archived and back: out of the list in use, in the list of all, the day
 * it was archived kept when it is archived again; each write said. */
static void
test_archive (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (OutlayBudget) stored = add_draft (fixture, draft ("Groceries", 40000, "2026-01-25"));
  g_autoptr (OutlayBudget) archived = NULL;
  g_autoptr (OutlayBudget) again = NULL;
  g_autoptr (OutlayBudget) back = NULL;
  g_autoptr (OutlayBudget) deleted = NULL;
  g_autoptr (GPtrArray) in_use = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = outlay_budget_get_id (stored);
  guint  changes = 0;

  g_signal_connect (fixture->repository, "budgets-changed", G_CALLBACK (on_budgets_changed_cb), &changes);

  archived = outlay_repository_archive_budget (fixture->repository, id, TRUE, &error);
  g_assert_no_error (error);
  outlay_test_assert_timestamp (outlay_budget_get_archived_at (archived));
  g_assert_cmpuint (changes, ==, 1);
  in_use = outlay_repository_list_budgets (fixture->repository, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_use->len, ==, 0);
  all = outlay_repository_list_budgets (fixture->repository, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);

  outlay_test_let_time_pass ();
  again = outlay_repository_archive_budget (fixture->repository, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_budget_equal (again, archived));
  g_assert_cmpuint (changes, ==, 1);

  back = outlay_repository_archive_budget (fixture->repository, id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (outlay_budget_get_archived_at (back));
  g_assert_cmpuint (changes, ==, 2);

  deleted = outlay_repository_delete_budget (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_null (outlay_repository_archive_budget (fixture->repository, id, TRUE, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (outlay_repository_archive_budget (fixture->repository, id + 100, TRUE, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
}

/* What the store refuses, with what it says; nothing is written. */
static void
test_refused (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (OutlayBudget) taken = add_draft (fixture, draft ("Groceries", 40000, "2026-01-25"));
  g_autoptr (OutlayBudget) budget = NULL;
  const char *const unknown[] = { "01234567-89ab-7def-8123-456789abcdef", NULL };
  const guint       zero[] = { 0 };
  const guint       huge[] = { 1001 };

  budget = draft ("  ", 100, "2026-01-01");
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_NAME, "name is empty");
  g_clear_object (&budget);
  budget = draft ("GROCERIES", 100, "2026-01-01");
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_NAME, "already a budget named “Groceries”");
  g_clear_object (&budget);
  budget = draft ("Negative", -1, "2026-01-01");
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT, "zero (to watch only) or more");
  outlay_budget_set_amount (budget, OUTLAY_MONEY_MAX + 1);
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT, "zero (to watch only) or more");
  outlay_budget_set_amount (budget, 100);
  outlay_budget_set_currency (budget, "XYZ");
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY, "“XYZ”");
  outlay_budget_set_currency (budget, "EUR");
  outlay_budget_set_cycle (budget, OUTLAY_CYCLE_MONTH, 1, "2026-02-30", NULL);
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD, "“2026-02-30” is not a day");
  outlay_budget_set_cycle (budget, OUTLAY_CYCLE_RANGE, 1, "2026-07-21", "2026-07-01");
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD, "before it starts");
  outlay_budget_set_cycle (budget, OUTLAY_CYCLE_WEEK, 0, "2026-07-01", NULL);
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD, "every 1 to 1000");
  outlay_budget_set_cycle (budget, OUTLAY_CYCLE_WEEK, 1, "2026-07-01", NULL);
  outlay_budget_set_categories (budget, unknown);
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY, "does not exist");
  outlay_budget_set_categories (budget, NULL);
  outlay_budget_set_alerts (budget, zero, 1);
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_ALERT, "not at 0 %");
  outlay_budget_set_alerts (budget, huge, 1);
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_ALERT, "not at 1001 %");
  outlay_budget_set_alerts (budget, zero, 0);
  outlay_budget_set_rollover (budget, OUTLAY_ROLLOVER_SURPLUS, -5, NULL);
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_CAP, "most a budget carries");
  outlay_budget_set_rollover (budget, OUTLAY_ROLLOVER_SURPLUS, -1, "someday");
  assert_refused (fixture, budget, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD, "“someday”");

  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), "SELECT count(*) FROM budgets"), ==, 1);
}

/* The states, and what is counted: the budget's categories and currency
 * only, refunds lowering what was spent, exactly all of it "fully used". */
static void
test_status (Fixture      *fixture,
             gconstpointer user_data)
{
  gint64 groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  g_autoptr (OutlayBudget) budget = draft ("Groceries", 50000, "2026-01-25");
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayBudget) watch = NULL;
  g_autoptr (OutlayExpense) a = NULL;
  g_autoptr (OutlayExpense) b = NULL;
  g_autoptr (OutlayExpense) c = NULL;
  g_autoptr (OutlayExpense) d = NULL;
  g_autoptr (OutlayExpense) e = NULL;
  g_autoptr (OutlayExpense) f = NULL;
  g_autoptr (OutlayExpense) g = NULL;
  g_autoptr (OutlayExpense) h = NULL;
  const char *const categories[] = { category_uuid (fixture, OUTLAY_TEST_GROCERIES), NULL };
  OutlayBudgetStatus status;

  outlay_budget_set_categories (budget, categories);
  stored = add (fixture, budget);

  /* Payday to payday: 25 February to 24 March, 28 days. */
  a = outlay_test_add (fixture, 20000, "EUR", "2026-02-25", "Big shop", groceries);
  b = outlay_test_add (fixture, 12000, "EUR", "2026-03-24", "Market", groceries);
  c = outlay_test_add (fixture, 5000, "EUR", "2026-03-01", "Restaurant", food);       /* another category */
  d = outlay_test_add (fixture, 3000, "USD", "2026-03-02", "Duty free", groceries);   /* another currency */
  e = outlay_test_add (fixture, 4000, "USD", "2026-03-03", "Duty free", groceries);
  f = outlay_test_add (fixture, 9000, "EUR", "2026-02-24", "Before", groceries);      /* the period before */
  g = outlay_test_add (fixture, -2000, "EUR", "2026-03-05", "Deposit back", groceries);

  status_on (fixture, stored, "2026-03-10", &status);
  g_assert_cmpstr (status.period_start, ==, "2026-02-25");
  g_assert_cmpstr (status.period_end, ==, "2026-03-24");
  g_assert_cmpint (status.amount, ==, 50000);
  g_assert_cmpint (status.carried, ==, 0);
  g_assert_cmpint (status.available, ==, 50000);
  g_assert_cmpint (status.spent, ==, 20000 + 12000 - 2000);
  g_assert_cmpint (status.remaining, ==, 20000);
  g_assert_cmpuint (status.days, ==, 28);
  /* 25 February to 10 March: 4 + 10 days, the day itself counted. */
  g_assert_cmpuint (status.days_elapsed, ==, 14);
  g_assert_cmpuint (status.days_left, ==, 14);
  g_assert_cmpuint (status.pace_percent, ==, 50);
  /* 60 % spent at 50 % of the period. */
  g_assert_cmpint (status.state, ==, OUTLAY_BUDGET_AHEAD_OF_PACE);
  g_assert_cmpuint (status.uncounted->len, ==, 1);
  g_assert_cmpstr (g_array_index (status.uncounted, OutlayCurrencyTotal, 0).currency, ==, "USD");
  g_assert_cmpuint (g_array_index (status.uncounted, OutlayCurrencyTotal, 0).count, ==, 2);
  outlay_budget_status_clear (&status);

  /* With the dollar's rate of 2 March, both count through it: $30.00 and
   * $40.00 at 1 USD = 0.9205 EUR are €27.615 and €36.82, €64.435 together,
   * €64.44 rounded once; the rate holds on 3 March too (the person's rate
   * holds until a newer one). */
  {
    g_autoptr (OutlayExchangeRate) rate = NULL;
    g_autoptr (GError) error = NULL;

    rate = outlay_repository_set_rate (fixture->repository, "USD", "EUR", "2026-03-02", "0.9205", &error);
    g_assert_no_error (error);
  }
  status_on (fixture, stored, "2026-03-10", &status);
  g_assert_cmpint (status.spent, ==, 20000 + 12000 - 2000 + 6444);
  g_assert_cmpuint (status.uncounted->len, ==, 0);
  outlay_budget_status_clear (&status);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) rates = outlay_repository_list_rates (fixture->repository, "USD", 0, &error);
    g_autoptr (OutlayExchangeRate) deleted =
      outlay_repository_delete_rate (fixture->repository, outlay_exchange_rate_get_uuid (rates->pdata[0]), &error);

    g_assert_no_error (error);
  }

  /* A card charge in the budget's currency counts as charged, with no
   * rate needed: $30.00 charged €28.00; the $40.00 still has no rate. One
   * charged in pounds is no charge in euros: it still needs a rate. */
  {
    g_autoptr (OutlayExpense) copy = outlay_expense_copy (d);
    g_autoptr (OutlayExpense) updated = NULL;
    g_autoptr (GError) error = NULL;

    outlay_expense_set_charged (copy, 2800, "EUR");
    updated = outlay_repository_update_expense (fixture->repository, copy, &error);
    g_assert_no_error (error);
    status_on (fixture, stored, "2026-03-10", &status);
    g_assert_cmpint (status.spent, ==, 20000 + 12000 - 2000 + 2800);
    g_assert_cmpuint (status.uncounted->len, ==, 1);
    g_assert_cmpuint (g_array_index (status.uncounted, OutlayCurrencyTotal, 0).count, ==, 1);
    g_assert_cmpint (g_array_index (status.uncounted, OutlayCurrencyTotal, 0).total, ==, 4000);
    outlay_budget_status_clear (&status);

    g_clear_object (&copy);
    copy = outlay_expense_copy (updated);
    g_clear_object (&updated);
    outlay_expense_set_charged (copy, 2400, "GBP");
    updated = outlay_repository_update_expense (fixture->repository, copy, &error);
    g_assert_no_error (error);
    status_on (fixture, stored, "2026-03-10", &status);
    g_assert_cmpint (status.spent, ==, 20000 + 12000 - 2000);
    g_assert_cmpuint (g_array_index (status.uncounted, OutlayCurrencyTotal, 0).count, ==, 2);
    outlay_budget_status_clear (&status);

    /* Charged in euros again, and with a rate for the rest: €28.00 as
     * charged and $40.00 at 0.9205, €36.82. */
    g_clear_object (&copy);
    copy = outlay_expense_copy (updated);
    g_clear_object (&updated);
    outlay_expense_set_charged (copy, 2800, "EUR");
    updated = outlay_repository_update_expense (fixture->repository, copy, &error);
    g_assert_no_error (error);
    {
      g_autoptr (OutlayExchangeRate) rate =
        outlay_repository_set_rate (fixture->repository, "USD", "EUR", "2026-03-02", "0.9205", &error);

      g_assert_no_error (error);
    }
    status_on (fixture, stored, "2026-03-10", &status);
    g_assert_cmpint (status.spent, ==, 20000 + 12000 - 2000 + 2800 + 3682);
    g_assert_cmpuint (status.uncounted->len, ==, 0);
    outlay_budget_status_clear (&status);
    {
      g_autoptr (GPtrArray) rates = outlay_repository_list_rates (fixture->repository, "USD", 0, &error);
      g_autoptr (OutlayExchangeRate) deleted =
        outlay_repository_delete_rate (fixture->repository, outlay_exchange_rate_get_uuid (rates->pdata[0]), &error);

      g_assert_no_error (error);
    }
    /* And no charge known again. */
    g_clear_object (&copy);
    copy = outlay_expense_copy (updated);
    g_clear_object (&updated);
    outlay_expense_set_charged (copy, 0, NULL);
    updated = outlay_repository_update_expense (fixture->repository, copy, &error);
    g_assert_no_error (error);
  }

  /* On the last day: on track. */
  status_on (fixture, stored, "2026-03-24", &status);
  g_assert_cmpint (status.state, ==, OUTLAY_BUDGET_ON_TRACK);
  g_assert_cmpuint (status.days_left, ==, 0);
  outlay_budget_status_clear (&status);

  /* Exactly all of it: fully used, not over. */
  h = outlay_test_add (fixture, 20000, "EUR", "2026-03-06", "Freezer", groceries);
  status_on (fixture, stored, "2026-03-24", &status);
  g_assert_cmpint (status.remaining, ==, 0);
  g_assert_cmpint (status.state, ==, OUTLAY_BUDGET_FULLY_USED);
  g_assert_cmpstr (outlay_budget_state_to_string (status.state), ==, "fully_used");
  outlay_budget_status_clear (&status);

  /* One cent more: over. */
  g_clear_object (&h);
  h = outlay_test_add (fixture, 1, "EUR", "2026-03-07", "Gum", groceries);
  status_on (fixture, stored, "2026-03-24", &status);
  g_assert_cmpint (status.remaining, ==, -1);
  g_assert_cmpint (status.state, ==, OUTLAY_BUDGET_OVER);
  outlay_budget_status_clear (&status);

  /* Watching only, every category. */
  watch = add_draft (fixture, draft ("All of it", 0, "2026-03-01"));
  status_on (fixture, watch, "2026-03-10", &status);
  g_assert_cmpint (status.state, ==, OUTLAY_BUDGET_WATCHING);
  /* March, in euros, every category: the market, the restaurant, the
   * deposit back, the freezer, the gum. */
  g_assert_cmpint (status.spent, ==, 12000 + 5000 - 2000 + 20000 + 1);
  outlay_budget_status_clear (&status);
}

/* The carry, worked out by brute force: for each period from the first,
 * the expenses whose day falls in it, summed by walking every expense,
 * periods found by comparing days. */
typedef struct
{
  char   day[11];
  gint64 amount;
  gint64 category;
} Spent;

static gint64
brute_force_carry (const Spent   *spent,
                   guint          n_spent,
                   gint64         counted_category,
                   GPtrArray     *starts, /* period starts, "YYYY-MM-DD", in order */
                   guint          target,
                   gint64         amount,
                   OutlayRollover rollover,
                   gint64         cap)
{
  gint64 carry = 0;

  for (guint k = 0; k < target; k++)
    {
      const char *from = g_ptr_array_index (starts, k);
      const char *until = g_ptr_array_index (starts, k + 1);
      gint64      period_spent = 0;
      gint64      left;

      for (guint i = 0; i < n_spent; i++)
        if (spent[i].category == counted_category && strcmp (spent[i].day, from) >= 0 &&
            strcmp (spent[i].day, until) < 0)
          period_spent += spent[i].amount;

      left = amount + carry - period_spent;
      if (rollover == OUTLAY_ROLLOVER_NONE)
        carry = 0;
      else if (rollover == OUTLAY_ROLLOVER_SURPLUS)
        carry = MAX (left, 0);
      else
        carry = left;
      if (cap >= 0)
        carry = CLAMP (carry, -cap, cap);
    }

  return carry;
}

/* Month starts from the 31st, written out: the 31st or the month's last. */
static GPtrArray *
month_starts_from_31 (guint year,
                      guint n)
{
  GPtrArray *starts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      guint month = 1 + i % 12;
      guint y = year + i / 12;

      g_ptr_array_add (starts, g_strdup_printf ("%04u-%02u-%02u", y, month,
                                                g_date_get_days_in_month (month, y)));
    }

  return starts;
}

static void
test_carry_brute_force (Fixture      *fixture,
                        gconstpointer user_data)
{
  static const OutlayRollover modes[] = { OUTLAY_ROLLOVER_NONE, OUTLAY_ROLLOVER_SURPLUS, OUTLAY_ROLLOVER_BOTH };
  static const gint64         caps[] = { -1, 15000 };
  gint64                      groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  gint64                      food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  const char *const           categories[] = { category_uuid (fixture, OUTLAY_TEST_GROCERIES), NULL };
  g_autoptr (GPtrArray) starts = month_starts_from_31 (2025, 30);
  g_autoptr (GArray) spent = g_array_new (FALSE, FALSE, sizeof (Spent));
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (13);

  /* Two years of random days and amounts, refunds among them. */
  for (guint i = 0; i < 600; i++)
    {
      GDate  date;
      Spent  row;
      gint64 category = g_rand_int_range (rand, 0, 3) == 0 ? food : groceries;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2025);
      g_date_add_days (&date, g_rand_int_range (rand, 0, 800));
      outlay_date_format_iso_buf (&date, row.day);
      row.amount = g_rand_int_range (rand, 0, 10) == 0 ? -g_rand_int_range (rand, 100, 5000)
                                                         : g_rand_int_range (rand, 100, 9000);
      row.category = category;
      g_array_append_val (spent, row);
      g_ptr_array_add (drafts, outlay_test_draft (row.amount, "EUR", row.day, "Random", category));
    }
  outlay_repository_add_expenses (fixture->repository, (OutlayExpense **) drafts->pdata, drafts->len, &error);
  g_assert_no_error (error);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    for (guint c = 0; c < G_N_ELEMENTS (caps); c++)
      {
        g_autofree char *name = g_strdup_printf ("Budget %u %u", m, c);
        g_autoptr (OutlayBudget) budget = draft (name, 60000, "2025-01-31");
        g_autoptr (OutlayBudget) stored = NULL;

        outlay_budget_set_categories (budget, categories);
        outlay_budget_set_rollover (budget, modes[m], caps[c], NULL);
        stored = add (fixture, budget);

        for (guint k = 0; k < 27; k += 1 + k / 6)
          {
            OutlayBudgetStatus status;
            gint64             expected =
              brute_force_carry ((const Spent *) (gpointer) spent->data, spent->len, groceries, starts, k, 60000,
                                 modes[m], caps[c]);

            status_on (fixture, stored, g_ptr_array_index (starts, k), &status);
            g_assert_cmpstr (status.period_start, ==, g_ptr_array_index (starts, k));
            g_test_message ("mode %u cap %u k %u carried %" G_GINT64_FORMAT, m, c, k, expected);
            g_assert_cmpint (status.carried, ==, expected);
            outlay_budget_status_clear (&status);
          }
      }

  g_rand_free (rand);
}

/* An expense added, changed or deleted in a past period moves the carry of
 * every period after it; a carry counted from a later start ignores it. */
static void
test_past_edit_moves_carry (Fixture      *fixture,
                            gconstpointer user_data)
{
  gint64 groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  g_autoptr (OutlayBudget) budget = draft ("Everything", 10000, "2026-01-01");
  g_autoptr (OutlayBudget) later = draft ("From March", 10000, "2026-01-01");
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayBudget) from_march = NULL;
  g_autoptr (OutlayExpense) january = NULL;
  g_autoptr (OutlayExpense) updated = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GError) error = NULL;
  OutlayBudgetStatus status;

  outlay_budget_set_rollover (budget, OUTLAY_ROLLOVER_BOTH, -1, NULL);
  stored = add (fixture, budget);
  outlay_budget_set_rollover (later, OUTLAY_ROLLOVER_BOTH, -1, "2026-03-15");
  from_march = add (fixture, later);

  /* Nothing spent: January and February carry 100 each into March. */
  status_on (fixture, stored, "2026-03-10", &status);
  g_assert_cmpint (status.carried, ==, 20000);
  outlay_budget_status_clear (&status);

  january = outlay_test_add (fixture, 13000, "EUR", "2026-01-20", "Sofa", groceries);
  status_on (fixture, stored, "2026-03-10", &status);
  g_assert_cmpint (status.carried, ==, 7000);
  g_assert_cmpint (status.available, ==, 17000);
  outlay_budget_status_clear (&status);
  status_on (fixture, stored, "2026-02-10", &status);
  g_assert_cmpint (status.carried, ==, -3000);
  outlay_budget_status_clear (&status);

  outlay_expense_set_amount (january, 3000);
  updated = outlay_repository_update_expense (fixture->repository, january, &error);
  g_assert_no_error (error);
  status_on (fixture, stored, "2026-03-10", &status);
  g_assert_cmpint (status.carried, ==, 17000);
  outlay_budget_status_clear (&status);

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (january), &error);
  g_assert_no_error (error);
  status_on (fixture, stored, "2026-03-10", &status);
  g_assert_cmpint (status.carried, ==, 20000);
  outlay_budget_status_clear (&status);

  /* Counted from March: nothing carried into it. */
  status_on (fixture, from_march, "2026-03-10", &status);
  g_assert_cmpint (status.carried, ==, 0);
  outlay_budget_status_clear (&status);
  status_on (fixture, from_march, "2026-04-10", &status);
  g_assert_cmpint (status.carried, ==, 10000);
  outlay_budget_status_clear (&status);
}

/* A period's own amount, from an override on its first day. */
static void
test_override (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr (OutlayBudget) budget = draft ("Gifts", 5000, "2026-01-01");
  g_autoptr (OutlayBudget) stored = NULL;
  g_autofree char *sql = NULL;
  OutlayBudgetStatus status;

  outlay_budget_set_rollover (budget, OUTLAY_ROLLOVER_SURPLUS, -1, NULL);
  stored = add (fixture, budget);
  sql = g_strdup_printf ("INSERT INTO budget_overrides (uuid, budget_uuid, period_start, amount, created_at, "
                         "updated_at) VALUES ('7d2e4f60-3a1b-4c5d-8e9f-000000000101', '%s', '2026-12-01', 60000, "
                         "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                         outlay_budget_get_uuid (stored));
  outlay_test_exec (outlay_test_handle (fixture), sql);

  status_on (fixture, stored, "2026-12-10", &status);
  g_assert_cmpint (status.amount, ==, 60000);
  g_assert_cmpint (status.carried, ==, 11 * 5000);
  outlay_budget_status_clear (&status);
  status_on (fixture, stored, "2026-11-10", &status);
  g_assert_cmpint (status.amount, ==, 5000);
  outlay_budget_status_clear (&status);
}

static GArray *
overrides_of (Fixture      *fixture,
              OutlayBudget *budget)
{
  g_autoptr (GError) error = NULL;
  GArray *overrides = outlay_repository_list_budget_overrides (fixture->repository, budget, &error);

  g_assert_no_error (error);
  return overrides;
}

static void
assert_override_refused (Fixture    *fixture,
                         gint64      id,
                         const char *day,
                         gint64      amount,
                         int         code)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (outlay_repository_set_budget_override (fixture->repository, id, day, amount, NULL, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, code);
}

/* Another amount for one period, named by any of its days, replaced and
 * taken back; what cannot be is refused and changes nothing. */
static void
test_set_override (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (OutlayBudget) budget = draft ("Gifts", 5000, "2026-01-25");
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayBudget) trip = NULL;
  g_autoptr (OutlayBudget) gone = NULL;
  g_autoptr (GArray) overrides = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *start = NULL;
  g_autofree char   *dump = NULL;
  OutlayBudgetStatus status;
  guint              changes = 0;

  stored = add (fixture, budget);
  g_signal_connect (fixture->repository, "budgets-changed", G_CALLBACK (on_budgets_changed_cb), &changes);

  /* Payday to payday: 2 December falls in the period from 25 November. */
  g_assert_true (outlay_repository_set_budget_override (fixture->repository, outlay_budget_get_id (stored),
                                                        "2026-12-02", 60000, &start, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (start, ==, "2026-11-25");
  g_assert_cmpuint (changes, ==, 1);
  overrides = overrides_of (fixture, stored);
  g_assert_cmpuint (overrides->len, ==, 1);
  g_assert_cmpstr (g_array_index (overrides, OutlayBudgetOverride, 0).period_start, ==, "2026-11-25");
  g_assert_cmpint (g_array_index (overrides, OutlayBudgetOverride, 0).amount, ==, 60000);
  g_clear_pointer (&overrides, g_array_unref);
  status_on (fixture, stored, "2026-12-24", &status);
  g_assert_cmpint (status.amount, ==, 60000);
  outlay_budget_status_clear (&status);
  status_on (fixture, stored, "2026-12-25", &status);
  g_assert_cmpint (status.amount, ==, 5000);
  outlay_budget_status_clear (&status);

  /* Another amount for the same period replaces it; the old row stays,
   * deleted, for a later sync. */
  g_assert_true (outlay_repository_set_budget_override (fixture->repository, outlay_budget_get_id (stored),
                                                        "2026-11-25", 70000, NULL, &error));
  overrides = overrides_of (fixture, stored);
  g_assert_cmpuint (overrides->len, ==, 1);
  g_assert_cmpint (g_array_index (overrides, OutlayBudgetOverride, 0).amount, ==, 70000);
  g_clear_pointer (&overrides, g_array_unref);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), "SELECT count(*) FROM budget_overrides"), ==,
                   2);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture),
                                          "SELECT count(*) FROM budget_overrides WHERE deleted_at IS NULL"),
                   ==, 1);

  /* -1: the usual amount again. */
  g_assert_true (outlay_repository_set_budget_override (fixture->repository, outlay_budget_get_id (stored),
                                                        "2026-12-20", -1, NULL, &error));
  overrides = overrides_of (fixture, stored);
  g_assert_cmpuint (overrides->len, ==, 0);
  g_clear_pointer (&overrides, g_array_unref);
  status_on (fixture, stored, "2026-12-02", &status);
  g_assert_cmpint (status.amount, ==, 5000);
  outlay_budget_status_clear (&status);
  g_assert_cmpuint (changes, ==, 3);

  /* Refused, and nothing changed. */
  {
    g_autoptr (OutlayBudget) range = draft ("Trip", 90000, "2026-07-01");

    outlay_budget_set_cycle (range, OUTLAY_CYCLE_RANGE, 1, "2026-07-01", "2026-07-14");
    trip = add (fixture, range);
  }
  dump = outlay_test_dump_store (outlay_test_handle (fixture));
  assert_override_refused (fixture, outlay_budget_get_id (stored), "2026-02-30", 100,
                           OUTLAY_REPOSITORY_ERROR_INVALID_DATE);
  assert_override_refused (fixture, outlay_budget_get_id (stored), "2026-12-02", -5,
                           OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT);
  assert_override_refused (fixture, 9999, "2026-12-02", 100, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  /* A range has one amount, the budget's. */
  assert_override_refused (fixture, outlay_budget_get_id (trip), "2026-07-03", 100,
                           OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD);
  {
    g_autofree char *after = outlay_test_dump_store (outlay_test_handle (fixture));

    g_assert_cmpstr (after, ==, dump);
  }

  gone = outlay_repository_delete_budget (fixture->repository, outlay_budget_get_id (stored), &error);
  g_assert_no_error (error);
  assert_override_refused (fixture, outlay_budget_get_id (stored), "2026-12-02", 100,
                           OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
}

static guint
take_alerts (Fixture    *fixture,
             const char *day,
             guint      *threshold)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (day);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) alerts = outlay_repository_take_budget_alerts (fixture->repository, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (alerts);
  if (threshold != NULL)
    *threshold = alerts->len > 0 ? ((OutlayBudgetAlert *) g_ptr_array_index (alerts, 0))->threshold : 0;
  return alerts->len;
}

/* Each threshold is told once a period: not again when an edit takes the
 * spending below it and above it again, again in the next period; two
 * reached at once are told as the higher. Exactly the threshold counts. */
static void
test_alerts (Fixture      *fixture,
             gconstpointer user_data)
{
  gint64 groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  g_autoptr (OutlayBudget) budget = draft ("Groceries", 10000, "2026-03-01");
  g_autoptr (OutlayBudget) watch = draft ("Watching", 0, "2026-03-01");
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayBudget) watching = NULL;
  g_autoptr (OutlayExpense) a = NULL;
  g_autoptr (OutlayExpense) b = NULL;
  g_autoptr (OutlayExpense) c = NULL;
  g_autoptr (OutlayExpense) d = NULL;
  g_autoptr (OutlayExpense) e = NULL;
  g_autoptr (OutlayExpense) edited = NULL;
  g_autoptr (GError) error = NULL;
  guint threshold = 0;

  stored = add (fixture, budget);
  watching = add (fixture, watch);
  g_assert_cmpuint (take_alerts (fixture, "2026-03-10", NULL), ==, 0);

  a = outlay_test_add (fixture, 7999, "EUR", "2026-03-02", "Shop", groceries);
  g_assert_cmpuint (take_alerts (fixture, "2026-03-10", NULL), ==, 0);

  /* Exactly 80 %. */
  b = outlay_test_add (fixture, 1, "EUR", "2026-03-03", "Gum", groceries);
  g_assert_cmpuint (take_alerts (fixture, "2026-03-10", &threshold), ==, 1);
  g_assert_cmpuint (threshold, ==, 80);
  g_assert_cmpuint (take_alerts (fixture, "2026-03-10", NULL), ==, 0);

  /* Below and above again: not told again. */
  outlay_expense_set_amount (a, 100);
  edited = outlay_repository_update_expense (fixture->repository, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (take_alerts (fixture, "2026-03-10", NULL), ==, 0);
  g_clear_object (&edited);
  outlay_expense_set_amount (a, 7999);
  edited = outlay_repository_update_expense (fixture->repository, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (take_alerts (fixture, "2026-03-10", NULL), ==, 0);

  /* 100 %: told. */
  c = outlay_test_add (fixture, 2000, "EUR", "2026-03-04", "Freezer", groceries);
  g_assert_cmpuint (take_alerts (fixture, "2026-03-10", &threshold), ==, 1);
  g_assert_cmpuint (threshold, ==, 100);

  /* The next period, both at once: told as 100. */
  d = outlay_test_add (fixture, 15000, "EUR", "2026-04-02", "Party", groceries);
  g_assert_cmpuint (take_alerts (fixture, "2026-04-10", &threshold), ==, 1);
  g_assert_cmpuint (threshold, ==, 100);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), "SELECT count(*) FROM budget_alerts"), ==, 4);

  /* A budget that only watches tells nothing. */
  e = outlay_test_add (fixture, 99999, "EUR", "2026-04-03", "Car", groceries);
  g_assert_cmpuint (take_alerts (fixture, "2026-04-10", NULL), ==, 0);
}

/* The Dashboard's one pass gives, for budgets of every kind together,
 * what each gives alone. */
static void
test_statuses_together (Fixture      *fixture,
                        gconstpointer user_data)
{
  gint64 groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  const char *const categories[] = { category_uuid (fixture, OUTLAY_TEST_GROCERIES), NULL };
  g_autoptr (GPtrArray) budgets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) statuses = NULL;
  g_autoptr (GDate) day = outlay_date_parse_iso ("2026-03-10");
  g_autoptr (GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                               g_rand_int_range (rand, 1, 29));
      g_autoptr (OutlayExpense) expense = outlay_test_add (fixture, g_rand_int_range (rand, -500, 9000) | 1,
                                                           i % 9 == 0 ? "USD" : "EUR", date, "Random",
                                                           i % 2 == 0 ? groceries : food);
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Budget %u", i);
      g_autoptr (OutlayBudget) budget = draft (name, 20000 + 1000 * i, i % 2 == 0 ? "2025-01-31" : "2025-02-15");

      if (i == 1)
        outlay_budget_set_cycle (budget, OUTLAY_CYCLE_WEEK, 2, "2025-01-06", NULL);
      if (i == 3)
        outlay_budget_set_cycle (budget, OUTLAY_CYCLE_RANGE, 1, "2025-06-01", "2025-08-31");
      if (i == 4)
        outlay_budget_set_cycle (budget, OUTLAY_CYCLE_YEAR, 1, "2024-02-29", NULL);
      if (i % 3 != 0)
        outlay_budget_set_categories (budget, categories);
      outlay_budget_set_rollover (budget, i % 3, i == 2 ? 5000 : -1, i == 5 ? "2025-06-20" : NULL);
      g_ptr_array_add (budgets, add (fixture, budget));
    }

  statuses = outlay_repository_get_budget_statuses (fixture->repository, budgets, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, ==, budgets->len);
  for (guint i = 0; i < budgets->len; i++)
    {
      const OutlayBudgetStatus *together = &g_array_index (statuses, OutlayBudgetStatus, i);
      OutlayBudgetStatus        alone;

      status_on (fixture, g_ptr_array_index (budgets, i), "2026-03-10", &alone);
      g_assert_cmpstr (together->period_start, ==, alone.period_start);
      g_assert_cmpstr (together->period_end, ==, alone.period_end);
      g_assert_cmpint (together->carried, ==, alone.carried);
      g_assert_cmpint (together->spent, ==, alone.spent);
      g_assert_cmpint (together->state, ==, alone.state);
      g_assert_cmpuint (together->uncounted->len, ==, alone.uncounted->len);
      outlay_budget_status_clear (&alone);
    }

  g_rand_free (rand);
}

/* A range: the same status before, during and after it, said ended after;
 * a carry counted from before the first period carries nothing from
 * periods that never were. */
static void
test_range_and_early_carry (Fixture      *fixture,
                            gconstpointer user_data)
{
  gint64 groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  g_autoptr (OutlayBudget) trip = draft ("Trip", 50000, "2026-07-01");
  g_autoptr (OutlayBudget) early = draft ("Early", 10000, "2026-03-01");
  g_autoptr (OutlayBudget) stored_trip = NULL;
  g_autoptr (OutlayBudget) stored_early = NULL;
  g_autoptr (OutlayExpense) hotel = outlay_test_add (fixture, 30000, "EUR", "2026-07-05", "Hotel", groceries);
  OutlayBudgetStatus status;

  outlay_budget_set_cycle (trip, OUTLAY_CYCLE_RANGE, 1, "2026-07-01", "2026-07-21");
  stored_trip = add (fixture, trip);
  status_on (fixture, stored_trip, "2026-06-01", &status);
  g_assert_cmpstr (status.period_start, ==, "2026-07-01");
  g_assert_cmpuint (status.days_elapsed, ==, 0);
  g_assert_false (status.ended);
  outlay_budget_status_clear (&status);
  status_on (fixture, stored_trip, "2026-07-10", &status);
  g_assert_cmpint (status.spent, ==, 30000);
  g_assert_cmpuint (status.days_elapsed, ==, 10);
  g_assert_false (status.ended);
  outlay_budget_status_clear (&status);
  status_on (fixture, stored_trip, "2026-09-01", &status);
  g_assert_cmpint (status.remaining, ==, 20000);
  g_assert_true (status.ended);
  outlay_budget_status_clear (&status);

  outlay_budget_set_rollover (early, OUTLAY_ROLLOVER_SURPLUS, -1, "2025-01-01");
  stored_early = add (fixture, early);
  status_on (fixture, stored_early, "2026-03-10", &status);
  g_assert_cmpint (status.carried, ==, 0);
  outlay_budget_status_clear (&status);
  status_on (fixture, stored_early, "2026-05-10", &status);
  g_assert_cmpint (status.carried, ==, 20000);
  outlay_budget_status_clear (&status);
}

/* A category deleted: the budgets that counted it count the one its
 * expenses went to, and can still be changed. */
static void
test_deleted_category (Fixture      *fixture,
                       gconstpointer user_data)
{
  gint64 travel = outlay_test_category (fixture, OUTLAY_TEST_TRAVEL);
  const char *const categories[] = { category_uuid (fixture, OUTLAY_TEST_TRAVEL),
                                     category_uuid (fixture, OUTLAY_TEST_FOOD), NULL };
  g_autoptr (OutlayBudget) budget = draft ("Trips", 50000, "2026-01-01");
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayBudget) found = NULL;
  g_autoptr (OutlayBudget) changed = NULL;
  g_autoptr (GError) error = NULL;
  OutlayCategory *fallback = outlay_repository_get_fallback_category (fixture->repository);
  guint           changes = 0;

  outlay_budget_set_categories (budget, categories);
  stored = add (fixture, budget);
  g_signal_connect (fixture->repository, "budgets-changed", G_CALLBACK (on_budgets_changed_cb), &changes);
  g_assert_true (outlay_repository_delete_category (fixture->repository, travel, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);

  found = outlay_repository_find_budget (fixture->repository, "Trips", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_budget_get_categories (found)[0], ==, outlay_category_get_uuid (fallback));
  g_assert_cmpstr (outlay_budget_get_categories (found)[1], ==, categories[1]);
  g_assert_null (outlay_budget_get_categories (found)[2]);
  outlay_budget_set_name (found, "Holidays");
  changed = outlay_repository_update_budget (fixture->repository, found, &error);
  g_assert_no_error (error);
}

static GArray *
history_on (Fixture      *fixture,
            OutlayBudget *budget,
            const char   *day,
            guint         n_periods)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (day);
  g_autoptr (GError) error = NULL;
  GArray *periods = outlay_repository_get_budget_history (fixture->repository, budget, date, n_periods, &error);

  g_assert_no_error (error);
  g_assert_nonnull (periods);
  return periods;
}

static void
assert_period (GArray     *periods,
               guint       index,
               const char *start,
               const char *end,
               gint64      amount,
               gint64      carried,
               gint64      available,
               gint64      spent)
{
  const OutlayBudgetPeriod *period;

  g_assert_cmpuint (index, <, periods->len);
  period = &g_array_index (periods, OutlayBudgetPeriod, index);
  g_assert_cmpstr (period->period_start, ==, start);
  g_assert_cmpstr (period->period_end, ==, end);
  g_assert_cmpint (period->amount, ==, amount);
  g_assert_cmpint (period->carried, ==, carried);
  g_assert_cmpint (period->available, ==, available);
  g_assert_cmpint (period->spent, ==, spent);
}

/* Each period of a history is what the status of a day in it says. */
static void
assert_history_agrees (Fixture      *fixture,
                       OutlayBudget *budget,
                       GArray       *periods)
{
  for (guint i = 0; i < periods->len; i++)
    {
      const OutlayBudgetPeriod *period = &g_array_index (periods, OutlayBudgetPeriod, i);
      OutlayBudgetStatus        status;

      /* Its last day, where the status of a range is asked too. */
      status_on (fixture, budget, period->period_end, &status);
      g_assert_cmpstr (status.period_start, ==, period->period_start);
      g_assert_cmpstr (status.period_end, ==, period->period_end);
      g_assert_cmpint (status.amount, ==, period->amount);
      g_assert_cmpint (status.carried, ==, period->carried);
      g_assert_cmpint (status.available, ==, period->available);
      g_assert_cmpint (status.spent, ==, period->spent);
      outlay_budget_status_clear (&status);
    }
}

/* The last periods of a budget, oldest first: what each had, carried and
 * spent, the period before the anchor among them but carrying nothing;
 * each what the status of a day in it says. A range has one period, a
 * budget that carries nothing carries nothing in any. */
static void
test_history (Fixture      *fixture,
              gconstpointer user_data)
{
  gint64 groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  g_autoptr (OutlayBudget) both = draft ("Both ways", 10000, "2024-01-01");
  g_autoptr (OutlayBudget) none = draft ("No carry", 10000, "2024-01-01");
  g_autoptr (OutlayBudget) trip = draft ("Trip", 20000, "2024-02-10");
  g_autoptr (OutlayBudget) late = draft ("Anchored in February", 10000, "2024-02-01");
  g_autoptr (OutlayBudget) stored_both = NULL;
  g_autoptr (OutlayBudget) stored_none = NULL;
  g_autoptr (OutlayBudget) stored_trip = NULL;
  g_autoptr (OutlayBudget) stored_late = NULL;
  g_autoptr (GPtrArray) expenses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) periods = NULL;

  g_ptr_array_add (expenses, outlay_test_add (fixture, 4000, "EUR", "2023-12-10", "Before the anchor", groceries));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 3000, "EUR", "2024-01-05", "Market", groceries));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 2500, "EUR", "2024-01-31", "Lunch", food));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 15000, "EUR", "2024-02-14", "Dinner", food));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 7000, "USD", "2024-02-15", "Duty free", groceries));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 2000, "EUR", "2024-03-01", "Market", groceries));
  g_ptr_array_add (expenses, outlay_test_add (fixture, -500, "EUR", "2024-03-10", "Deposit back", groceries));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 2000, "EUR", "2024-03-31", "Market", groceries));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 9999, "EUR", "2024-04-01", "After", groceries));

  /* Every category, in euros. Spent: December 40, January 30 + 25 = 55,
   * February 150 (not the dollars), March 20 - 5 + 20 = 35. */
  outlay_budget_set_rollover (both, OUTLAY_ROLLOVER_BOTH, -1, NULL);
  stored_both = add (fixture, both);
  periods = history_on (fixture, stored_both, "2024-03-15", 4);
  g_assert_cmpuint (periods->len, ==, 4);
  /* December, before the anchor: nothing carried into it. */
  assert_period (periods, 0, "2023-12-01", "2023-12-31", 10000, 0, 10000, 4000);
  /* January, the first period: nothing from December either. */
  assert_period (periods, 1, "2024-01-01", "2024-01-31", 10000, 0, 10000, 5500);
  /* February (29 days): January's 100 - 55 = 45 left. */
  assert_period (periods, 2, "2024-02-01", "2024-02-29", 10000, 4500, 14500, 15000);
  /* March: February's 145 - 150 = -5, carried as a debt. */
  assert_period (periods, 3, "2024-03-01", "2024-03-31", 10000, -500, 9500, 3500);
  assert_history_agrees (fixture, stored_both, periods);
  g_clear_pointer (&periods, g_array_unref);

  /* The last one alone, with what it carries all the same. */
  periods = history_on (fixture, stored_both, "2024-03-31", 1);
  g_assert_cmpuint (periods->len, ==, 1);
  assert_period (periods, 0, "2024-03-01", "2024-03-31", 10000, -500, 9500, 3500);
  g_clear_pointer (&periods, g_array_unref);

  /* No carry: each period has its amount only. */
  stored_none = add (fixture, none);
  periods = history_on (fixture, stored_none, "2024-03-15", 4);
  g_assert_cmpuint (periods->len, ==, 4);
  assert_period (periods, 0, "2023-12-01", "2023-12-31", 10000, 0, 10000, 4000);
  assert_period (periods, 1, "2024-01-01", "2024-01-31", 10000, 0, 10000, 5500);
  assert_period (periods, 2, "2024-02-01", "2024-02-29", 10000, 0, 10000, 15000);
  assert_period (periods, 3, "2024-03-01", "2024-03-31", 10000, 0, 10000, 3500);
  assert_history_agrees (fixture, stored_none, periods);
  g_clear_pointer (&periods, g_array_unref);

  /* A range, asked after it ended: its one period, the dinner of 150 in it. */
  outlay_budget_set_cycle (trip, OUTLAY_CYCLE_RANGE, 1, "2024-02-10", "2024-02-20");
  outlay_budget_set_rollover (trip, OUTLAY_ROLLOVER_BOTH, -1, NULL);
  stored_trip = add (fixture, trip);
  periods = history_on (fixture, stored_trip, "2024-03-15", 4);
  g_assert_cmpuint (periods->len, ==, 1);
  assert_period (periods, 0, "2024-02-10", "2024-02-20", 20000, 0, 20000, 15000);
  assert_history_agrees (fixture, stored_trip, periods);
  g_clear_pointer (&periods, g_array_unref);

  /* A carry said to start before the anchor starts at it: December and
   * January, before it, carry nothing although they spent less than 100;
   * February carries nothing in; March gets 100 - 150 = -50. */
  outlay_budget_set_rollover (late, OUTLAY_ROLLOVER_BOTH, -1, "2023-11-01");
  stored_late = add (fixture, late);
  periods = history_on (fixture, stored_late, "2024-03-15", 4);
  g_assert_cmpuint (periods->len, ==, 4);
  assert_period (periods, 0, "2023-12-01", "2023-12-31", 10000, 0, 10000, 4000);
  assert_period (periods, 1, "2024-01-01", "2024-01-31", 10000, 0, 10000, 5500);
  assert_period (periods, 2, "2024-02-01", "2024-02-29", 10000, 0, 10000, 15000);
  assert_period (periods, 3, "2024-03-01", "2024-03-31", 10000, -5000, 5000, 3500);
  assert_history_agrees (fixture, stored_late, periods);
}

static void
assert_order (Fixture    *fixture,
              const char *expected)
{
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  budgets = outlay_repository_list_budgets (fixture->repository, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < budgets->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "", outlay_budget_get_name (g_ptr_array_index (budgets, i)));
  g_assert_cmpstr (names->str, ==, expected);
}

/* Moved among the budgets in use, the others in their order; a position
 * past the end, an archived, deleted or unknown budget refused, and
 * nothing moved then. */
static void
test_move (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (OutlayBudget) a = add_draft (fixture, draft ("A", 1000, "2026-01-01"));
  g_autoptr (OutlayBudget) b = add_draft (fixture, draft ("B", 1000, "2026-01-01"));
  g_autoptr (OutlayBudget) c = add_draft (fixture, draft ("C", 1000, "2026-01-01"));
  g_autoptr (OutlayBudget) d = add_draft (fixture, draft ("D", 1000, "2026-01-01"));
  g_autoptr (OutlayBudget) archived = NULL;
  g_autoptr (OutlayBudget) deleted = NULL;
  g_autoptr (GError) error = NULL;
  guint changes = 0;

  deleted = outlay_repository_delete_budget (fixture->repository, outlay_budget_get_id (d), &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->repository, "budgets-changed", G_CALLBACK (on_budgets_changed_cb), &changes);

  g_assert_true (outlay_repository_move_budget (fixture->repository, outlay_budget_get_id (c), 0, &error));
  g_assert_no_error (error);
  assert_order (fixture, "C A B");
  g_assert_cmpuint (changes, ==, 1);

  /* Three in use: positions 0 to 2. */
  g_assert_false (outlay_repository_move_budget (fixture->repository, outlay_budget_get_id (a), 3, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION);
  g_clear_error (&error);
  assert_order (fixture, "C A B");
  g_assert_cmpuint (changes, ==, 1);

  g_assert_true (outlay_repository_move_budget (fixture->repository, outlay_budget_get_id (a), 2, &error));
  g_assert_no_error (error);
  assert_order (fixture, "C B A");

  g_assert_false (outlay_repository_move_budget (fixture->repository, outlay_budget_get_id (d), 0, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_repository_move_budget (fixture->repository, outlay_budget_get_id (d) + 100, 0, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  archived = outlay_repository_archive_budget (fixture->repository, outlay_budget_get_id (b), TRUE, &error);
  g_assert_no_error (error);
  changes = 0;
  g_assert_false (outlay_repository_move_budget (fixture->repository, outlay_budget_get_id (b), 0, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_order (fixture, "C A");
  /* The archived one is not counted: two in use, positions 0 and 1. */
  g_assert_false (outlay_repository_move_budget (fixture->repository, outlay_budget_get_id (a), 2, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_true (outlay_repository_move_budget (fixture->repository, outlay_budget_get_id (a), 0, &error));
  g_assert_no_error (error);
  assert_order (fixture, "A C");
  g_assert_cmpuint (changes, ==, 1);
}

/* Deleted and back, as it was; refused while another budget has its
 * name, and left deleted then. */
static void
test_restore (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (OutlayBudget) stored = add_draft (fixture, draft ("Groceries", 40000, "2026-01-25"));
  g_autoptr (OutlayBudget) before = NULL;
  g_autoptr (OutlayBudget) restored = NULL;
  g_autoptr (OutlayBudget) again = NULL;
  g_autoptr (OutlayBudget) other = NULL;
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64           id = outlay_budget_get_id (stored);
  guint            changes = 0;

  before = outlay_repository_delete_budget (fixture->repository, id, &error);
  g_assert_no_error (error);
  budgets = outlay_repository_list_budgets (fixture->repository, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 0);
  g_clear_pointer (&budgets, g_ptr_array_unref);

  g_signal_connect (fixture->repository, "budgets-changed", G_CALLBACK (on_budgets_changed_cb), &changes);
  outlay_test_let_time_pass ();
  restored = outlay_repository_restore_budget (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (outlay_budget_get_id (restored), ==, id);
  g_assert_cmpstr (outlay_budget_get_uuid (restored), ==, outlay_budget_get_uuid (stored));
  g_assert_cmpstr (outlay_budget_get_name (restored), ==, "Groceries");
  g_assert_cmpint (outlay_budget_get_amount (restored), ==, 40000);
  g_assert_null (outlay_budget_get_deleted_at (restored));
  g_assert_cmpstr (outlay_budget_get_created_at (restored), ==, outlay_budget_get_created_at (stored));
  g_assert_cmpstr (outlay_budget_get_updated_at (restored), >, outlay_budget_get_updated_at (stored));
  budgets = outlay_repository_list_budgets (fixture->repository, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 1);
  g_assert_cmpstr (outlay_budget_get_uuid (g_ptr_array_index (budgets, 0)), ==, outlay_budget_get_uuid (stored));
  g_clear_pointer (&budgets, g_ptr_array_unref);

  /* One that is not deleted: as it is, nothing written. */
  again = outlay_repository_restore_budget (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_budget_equal (again, restored));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_null (outlay_repository_restore_budget (fixture->repository, id + 100, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Its name taken meanwhile, in another case. */
  g_clear_object (&before);
  before = outlay_repository_delete_budget (fixture->repository, id, &error);
  g_assert_no_error (error);
  other = add_draft (fixture, draft ("GROCERIES", 1000, "2026-01-01"));
  changes = 0;
  g_assert_null (outlay_repository_restore_budget (fixture->repository, id, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 0);
  sql = g_strdup_printf ("SELECT deleted_at IS NOT NULL FROM budgets WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), sql), ==, 1);
  budgets = outlay_repository_list_budgets (fixture->repository, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 1);
  g_assert_cmpint (outlay_budget_get_id (g_ptr_array_index (budgets, 0)), ==, outlay_budget_get_id (other));
}

static GArray *
unbudgeted (Fixture    *fixture,
            const char *currency,
            const char *from,
            const char *to)
{
  g_autoptr (GError) error = NULL;
  GArray *totals = outlay_repository_get_unbudgeted (fixture->repository, currency, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (totals);
  return totals;
}

static void
assert_total (GArray *totals,
              guint   index,
              gint64  category_id,
              gint64  total,
              guint   count)
{
  const OutlayCategoryTotal *row;

  g_assert_cmpuint (index, <, totals->len);
  row = &g_array_index (totals, OutlayCategoryTotal, index);
  g_assert_cmpint (row->category_id, ==, category_id);
  g_assert_cmpint (row->total, ==, total);
  g_assert_cmpuint (row->count, ==, count);
}

/* What no budget in use counts: the other categories, in the currency and
 * the days asked, largest first; nothing once a budget counts all. */
static void
test_unbudgeted (Fixture      *fixture,
                 gconstpointer user_data)
{
  gint64            groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  gint64            food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  gint64            transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);
  const char *const counts_groceries[] = { category_uuid (fixture, OUTLAY_TEST_GROCERIES), NULL };
  const char *const counts_food[] = { category_uuid (fixture, OUTLAY_TEST_FOOD), NULL };
  g_autoptr (OutlayBudget) budget = draft ("Groceries", 50000, "2026-03-01");
  g_autoptr (OutlayBudget) eating = draft ("Eating out", 50000, "2026-03-01");
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayBudget) stored_eating = NULL;
  g_autoptr (OutlayBudget) archived = NULL;
  g_autoptr (OutlayBudget) gone = NULL;
  g_autoptr (OutlayBudget) all = NULL;
  g_autoptr (GPtrArray) expenses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) totals = NULL;
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (expenses, outlay_test_add (fixture, 9000, "EUR", "2026-03-02", "Big shop", groceries));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 3000, "EUR", "2026-03-03", "Lunch", food));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 1000, "EUR", "2026-03-31", "Coffee", food));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 7000, "EUR", "2026-03-04", "Train", transport));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 50000, "USD", "2026-03-05", "Dinner", food));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 20000, "EUR", "2026-02-28", "Dinner", food));
  g_ptr_array_add (expenses, outlay_test_add (fixture, 30000, "EUR", "2026-04-01", "Taxi", transport));

  outlay_budget_set_categories (budget, counts_groceries);
  stored = add (fixture, budget);

  /* March in euros: transport 70, then food 30 + 10 = 40; not groceries,
   * not the dollars, not February's or April's. */
  totals = unbudgeted (fixture, "EUR", "2026-03-01", "2026-03-31");
  g_assert_cmpuint (totals->len, ==, 2);
  assert_total (totals, 0, transport, 7000, 1);
  assert_total (totals, 1, food, 4000, 2);
  g_clear_pointer (&totals, g_array_unref);

  /* In dollars: the dinner only. */
  totals = unbudgeted (fixture, "USD", "2026-03-01", "2026-03-31");
  g_assert_cmpuint (totals->len, ==, 1);
  assert_total (totals, 0, food, 50000, 1);
  g_clear_pointer (&totals, g_array_unref);

  /* A budget of food, archived, or deleted, counts nothing. */
  outlay_budget_set_categories (eating, counts_food);
  stored_eating = add (fixture, eating);
  totals = unbudgeted (fixture, "EUR", "2026-03-01", "2026-03-31");
  g_assert_cmpuint (totals->len, ==, 1);
  assert_total (totals, 0, transport, 7000, 1);
  g_clear_pointer (&totals, g_array_unref);
  archived = outlay_repository_archive_budget (fixture->repository, outlay_budget_get_id (stored_eating), TRUE, &error);
  g_assert_no_error (error);
  totals = unbudgeted (fixture, "EUR", "2026-03-01", "2026-03-31");
  g_assert_cmpuint (totals->len, ==, 2);
  assert_total (totals, 0, transport, 7000, 1);
  assert_total (totals, 1, food, 4000, 2);
  g_clear_pointer (&totals, g_array_unref);
  gone = outlay_repository_delete_budget (fixture->repository, outlay_budget_get_id (stored_eating), &error);
  g_assert_no_error (error);
  totals = unbudgeted (fixture, "EUR", "2026-03-01", "2026-03-31");
  g_assert_cmpuint (totals->len, ==, 2);
  g_clear_pointer (&totals, g_array_unref);

  /* Without bounds: every day, April's taxi and February's dinner too. */
  totals = unbudgeted (fixture, "EUR", NULL, NULL);
  g_assert_cmpuint (totals->len, ==, 2);
  assert_total (totals, 0, transport, 37000, 2);
  assert_total (totals, 1, food, 24000, 3);
  g_clear_pointer (&totals, g_array_unref);

  /* A budget of every category leaves nothing unbudgeted, in its own
   * currency: the dollars stay. */
  all = add_draft (fixture, draft ("Everything", 100000, "2026-03-01"));
  totals = unbudgeted (fixture, "EUR", "2026-03-01", "2026-03-31");
  g_assert_cmpuint (totals->len, ==, 0);
  g_clear_pointer (&totals, g_array_unref);
  totals = unbudgeted (fixture, "USD", "2026-03-01", "2026-03-31");
  g_assert_cmpuint (totals->len, ==, 1);
  assert_total (totals, 0, food, 50000, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/budgets/crud", test_crud);
  OUTLAY_TEST_ADD ("/repository/budgets/archive", test_archive);
  OUTLAY_TEST_ADD ("/repository/budgets/refused", test_refused);
  OUTLAY_TEST_ADD ("/repository/budgets/status", test_status);
  OUTLAY_TEST_ADD ("/repository/budgets/carry-brute-force", test_carry_brute_force);
  OUTLAY_TEST_ADD ("/repository/budgets/past-edit-moves-carry", test_past_edit_moves_carry);
  OUTLAY_TEST_ADD ("/repository/budgets/override", test_override);
  OUTLAY_TEST_ADD ("/repository/budgets/set-override", test_set_override);
  OUTLAY_TEST_ADD ("/repository/budgets/alerts", test_alerts);
  OUTLAY_TEST_ADD ("/repository/budgets/statuses-together", test_statuses_together);
  OUTLAY_TEST_ADD ("/repository/budgets/range-and-early-carry", test_range_and_early_carry);
  OUTLAY_TEST_ADD ("/repository/budgets/deleted-category", test_deleted_category);
  OUTLAY_TEST_ADD ("/repository/budgets/history", test_history);
  OUTLAY_TEST_ADD ("/repository/budgets/move", test_move);
  OUTLAY_TEST_ADD ("/repository/budgets/restore", test_restore);
  OUTLAY_TEST_ADD ("/repository/budgets/unbudgeted", test_unbudgeted);

  return g_test_run ();
}
