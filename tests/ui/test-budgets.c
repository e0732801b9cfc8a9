/* test-budgets.c
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

/* The Budgets window and the budget editor as a person uses them: adding
 * and editing through the form, refusals that keep what was typed, the
 * list's order, archiving and deleting with Undo, a budget's chart and
 * what no budget counts. "Today" is a fixed day, 15 March 2026. */

#include "config.h"

#include <adwaita.h>

#include "outlay-budget-editor.h"
#include "outlay-budget-overrides-group.h"
#include "outlay-budgets-window.h"
#include "outlay-date-row.h"
#include "outlay-money.h"
#include "outlay-test-utils.h"
#include "outlay-trend-chart.h"
#include "outlay-ui-test-utils.h"

typedef struct
{
  OutlayTestFixture    store;
  OutlayRepository    *repository;
  OutlayBudgetsWindow *window;
  GDate               *today;
  gint64               food, groceries, transport;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  outlay_test_fixture_setup (&fixture->store, NULL);
  fixture->repository = fixture->store.repository;
  fixture->food = outlay_test_category_at (fixture->repository, 0);
  fixture->groceries = outlay_test_category_at (fixture->repository, 1);
  fixture->transport = outlay_test_category_at (fixture->repository, 2);
  fixture->today = g_date_new_dmy (15, G_DATE_MARCH, 2026);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = outlay_budgets_window_new (NULL, fixture->repository, "EUR");
  outlay_budgets_window_set_today (fixture->window, fixture->today);
  gtk_window_present (GTK_WINDOW (fixture->window));
  outlay_ui_test_settle (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  if (fixture->window != NULL)
    {
      GtkWidget *editor = outlay_budgets_window_get_editor (fixture->window);

      if (editor != NULL)
        gtk_window_destroy (GTK_WINDOW (editor));
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      outlay_ui_test_drain ();
    }
  fixture->repository = NULL;
  outlay_test_fixture_teardown (&fixture->store, NULL);
  g_date_free (fixture->today);
}

static const char *
uuid_of (Fixture *fixture,
         gint64   category_id)
{
  return outlay_category_get_uuid (outlay_repository_lookup_category (fixture->repository, category_id));
}

static const char *
name_of (Fixture *fixture,
         gint64   category_id)
{
  return outlay_category_get_name (outlay_repository_lookup_category (fixture->repository, category_id));
}

static gint64
add_budget (Fixture    *fixture,
            const char *name,
            gint64      amount,
            gint64      category_id)
{
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (GError) error = NULL;

  outlay_budget_set_name (draft, name);
  outlay_budget_set_amount (draft, amount);
  outlay_budget_set_currency (draft, "EUR");
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, "2026-01-01", NULL);
  if (category_id != 0)
    outlay_budget_set_categories (draft, (const char *const[]){ uuid_of (fixture, category_id), NULL });
  stored = outlay_repository_add_budget (fixture->repository, draft, &error);
  g_assert_no_error (error);
  return outlay_budget_get_id (stored);
}

static void
add_expense (Fixture    *fixture,
             gint64      amount,
             const char *day,
             gint64      category_id)
{
  g_autoptr (OutlayExpense) draft = outlay_test_draft (amount, "EUR", day, "Something", category_id);
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;

  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);
}

static OutlayBudget *
stored_budget (Fixture    *fixture,
               const char *name)
{
  g_autoptr (GError) error = NULL;
  OutlayBudget *budget = outlay_repository_find_budget (fixture->repository, name, &error);

  g_assert_no_error (error);
  return budget;
}

static guint
count_budgets (Fixture *fixture)
{
  g_autoptr (GPtrArray) budgets = outlay_repository_list_budgets (fixture->repository, TRUE, NULL);

  return budgets->len;
}

static OutlayBudgetEditor *
editor_of (Fixture *fixture)
{
  GtkWidget *editor = outlay_budgets_window_get_editor (fixture->window);

  g_assert_nonnull (editor);
  return OUTLAY_BUDGET_EDITOR (editor);
}

static void
type_into (OutlayBudgetEditor *editor,
           const char         *row,
           const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (outlay_budget_editor_get_row (editor, row)), text);
}

static const char *
text_of (OutlayBudgetEditor *editor,
         const char         *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (outlay_budget_editor_get_row (editor, row)));
}

static void
assert_names (Fixture           *fixture,
              gboolean           archived,
              const char *const *expected)
{
  g_auto (GStrv) names = outlay_budgets_window_dup_names (fixture->window, archived);

  g_assert_cmpstrv (names, expected);
}

/* Without budgets: a page that says what they are, with a way to add one. */
static void
test_empty (Fixture      *fixture,
            gconstpointer user_data)
{
  open_window (fixture);
  g_assert_cmpstr (outlay_budgets_window_get_page (fixture->window), ==, "empty");
  g_assert_null (outlay_budgets_window_get_unbudgeted (fixture->window));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (fixture->window), outlay_ui_test_is_button, "_Add Budget"));
}

/* The form makes the budget the store keeps, and its page opens. */
static void
test_add (Fixture      *fixture,
          gconstpointer user_data)
{
  g_autoptr (OutlayBudget) budget = NULL;
  g_autofree char    *check = g_strconcat ("category:", uuid_of (fixture, fixture->groceries), NULL);
  OutlayBudgetEditor *editor;
  GArray             *alerts;

  open_window (fixture);
  outlay_budgets_window_add_budget (fixture->window);
  editor = editor_of (fixture);
  type_into (editor, "name", "Groceries");
  type_into (editor, "amount", "400");
  gtk_switch_set_active (GTK_SWITCH (outlay_budget_editor_get_row (editor, "all")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (outlay_budget_editor_get_row (editor, check)), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (outlay_budget_editor_get_row (editor, "rollover")), 1);
  type_into (editor, "cap", "50");
  type_into (editor, "alerts", "75 %, 100 %");
  g_assert_true (outlay_budget_editor_save (editor));
  outlay_ui_test_drain ();

  g_assert_null (outlay_budgets_window_get_editor (fixture->window));
  budget = stored_budget (fixture, "Groceries");
  g_assert_nonnull (budget);
  g_assert_cmpint (outlay_budget_get_amount (budget), ==, 40000);
  g_assert_cmpstr (outlay_budget_get_currency (budget), ==, "EUR");
  g_assert_cmpint (outlay_budget_get_period (budget), ==, OUTLAY_CYCLE_MONTH);
  g_assert_cmpuint (outlay_budget_get_every (budget), ==, 1);
  /* A new budget's first period is this month's. */
  g_assert_cmpstr (outlay_budget_get_anchor (budget), ==, "2026-03-01");
  g_assert_cmpstr (outlay_budget_get_categories (budget)[0], ==, uuid_of (fixture, fixture->groceries));
  g_assert_null (outlay_budget_get_categories (budget)[1]);
  g_assert_cmpint (outlay_budget_get_rollover (budget), ==, OUTLAY_ROLLOVER_SURPLUS);
  g_assert_cmpint (outlay_budget_get_rollover_cap (budget), ==, 5000);
  alerts = outlay_budget_get_alerts (budget);
  g_assert_cmpuint (alerts->len, ==, 2);
  g_assert_cmpuint (g_array_index (alerts, guint, 0), ==, 75);
  g_assert_cmpuint (g_array_index (alerts, guint, 1), ==, 100);

  /* Its page shows. */
  g_assert_cmpstr (outlay_budgets_window_get_page (fixture->window), ==, "detail");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Groceries");
}

/* A budget of a category counts the ones under it: their checks follow
 * its check and say so, and only the category is stored; a hidden
 * category is not offered. */
static void
test_subcategories (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayBudget) budget = NULL;
  OutlayCategory     *food = outlay_repository_lookup_category (fixture->repository, fixture->food);
  OutlayCategory     *coffee = NULL;
  g_autofree char    *coffee_uuid = NULL;
  g_autofree char    *food_check = g_strconcat ("category:", uuid_of (fixture, fixture->food), NULL);
  g_autofree char    *coffee_check = NULL;
  g_autofree char    *hidden_check = NULL;
  OutlayBudgetEditor *editor;
  GtkWidget          *coffee_button;

  coffee = outlay_repository_add_subcategory (fixture->repository, food, "Coffee", "emoji-food-symbolic", "#986a44",
                                              &error);
  g_assert_no_error (error);
  coffee_uuid = g_strdup (outlay_category_get_uuid (coffee));
  coffee_check = g_strconcat ("category:", coffee_uuid, NULL);
  outlay_repository_set_category_hidden (fixture->repository, outlay_test_category_at (fixture->repository, 8),
                                         TRUE, &error);
  g_assert_no_error (error);
  hidden_check = g_strconcat ("category:", uuid_of (fixture, outlay_test_category_at (fixture->repository, 8)), NULL);

  open_window (fixture);
  outlay_budgets_window_add_budget (fixture->window);
  editor = editor_of (fixture);
  type_into (editor, "name", "Coffee");
  type_into (editor, "amount", "40");
  gtk_switch_set_active (GTK_SWITCH (outlay_budget_editor_get_row (editor, "all")), FALSE);
  g_assert_null (outlay_budget_editor_get_row (editor, hidden_check));

  /* Coffee alone, then with all of Food & Drink, then alone again. */
  coffee_button = outlay_budget_editor_get_row (editor, coffee_check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (coffee_button), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (outlay_budget_editor_get_row (editor, food_check)), TRUE);
  g_assert_false (gtk_widget_get_sensitive (coffee_button));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (coffee_button,
                                                                                         ADW_TYPE_ACTION_ROW))),
                   ==, "Counted with Food & Drink");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (outlay_budget_editor_get_row (editor, food_check)), FALSE);
  g_assert_true (gtk_widget_get_sensitive (coffee_button));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (coffee_button)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (coffee_button), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (outlay_budget_editor_get_row (editor, food_check)), TRUE);

  g_assert_true (outlay_budget_editor_save (editor));
  outlay_ui_test_drain ();
  budget = stored_budget (fixture, "Coffee");
  g_assert_cmpstr (outlay_budget_get_categories (budget)[0], ==, uuid_of (fixture, fixture->food));
  g_assert_null (outlay_budget_get_categories (budget)[1]);
}

/* What the store or the form refuses is said, the row marked, the form
 * kept as typed, and nothing stored. */
static void
test_refusals (Fixture      *fixture,
               gconstpointer user_data)
{
  OutlayBudgetEditor *editor;

  add_budget (fixture, "Transport", 5000, fixture->transport);
  open_window (fixture);
  outlay_budgets_window_add_budget (fixture->window);
  editor = editor_of (fixture);

  type_into (editor, "amount", "120");
  g_assert_false (outlay_budget_editor_save (editor));
  g_assert_cmpstr (outlay_budget_editor_get_error (editor), ==, "The budget’s name is empty.");
  g_assert_true (gtk_widget_has_css_class (outlay_budget_editor_get_row (editor, "name"), "error"));

  type_into (editor, "name", "transport");
  g_assert_false (outlay_budget_editor_save (editor));
  g_assert_cmpstr (outlay_budget_editor_get_error (editor), ==, "There is already a budget named “Transport”.");
  g_assert_true (gtk_widget_has_css_class (outlay_budget_editor_get_row (editor, "name"), "error"));

  type_into (editor, "name", "Holidays");
  type_into (editor, "amount", "twelve");
  g_assert_false (outlay_budget_editor_save (editor));
  g_assert_true (gtk_widget_has_css_class (outlay_budget_editor_get_row (editor, "amount"), "error"));
  g_assert_false (gtk_widget_has_css_class (outlay_budget_editor_get_row (editor, "name"), "error"));

  type_into (editor, "amount", "120");
  type_into (editor, "alerts", "80, lots");
  g_assert_false (outlay_budget_editor_save (editor));
  g_assert_nonnull (strstr (outlay_budget_editor_get_error (editor), "“lots”"));
  g_assert_true (gtk_widget_has_css_class (outlay_budget_editor_get_row (editor, "alerts"), "error"));

  type_into (editor, "alerts", "80");
  gtk_switch_set_active (GTK_SWITCH (outlay_budget_editor_get_row (editor, "all")), FALSE);
  g_assert_false (outlay_budget_editor_save (editor));
  g_assert_cmpstr (outlay_budget_editor_get_error (editor), ==,
                   "Choose at least one category, or let the budget count all expenses.");

  /* Nothing was stored, and the form is as typed. */
  g_assert_cmpuint (count_budgets (fixture), ==, 1);
  g_assert_cmpstr (text_of (editor, "name"), ==, "Holidays");
  g_assert_cmpstr (text_of (editor, "amount"), ==, "120");
  g_assert_cmpstr (text_of (editor, "alerts"), ==, "80");
  g_assert_true (outlay_budgets_window_get_editor (fixture->window) == GTK_WIDGET (editor));
}

/* Editing changes the budget that is there, and the list follows. */
static void
test_edit (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (OutlayBudget) budget = NULL;
  OutlayBudgetEditor *editor;
  gint64              id = add_budget (fixture, "Groceries", 40000, fixture->groceries);

  open_window (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.edit", "x", id);
  editor = editor_of (fixture);
  /* The form shows what is stored. */
  g_assert_cmpstr (text_of (editor, "name"), ==, "Groceries");
  g_assert_cmpint (outlay_money_parse (text_of (editor, "amount"), "EUR", &(gint64){ 0 }, NULL), ==, TRUE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (outlay_budget_editor_get_row (editor, "all"))));

  type_into (editor, "name", "Food shopping");
  type_into (editor, "amount", "450");
  adw_combo_row_set_selected (ADW_COMBO_ROW (outlay_budget_editor_get_row (editor, "rollover")), 2);
  g_assert_true (outlay_budget_editor_save (editor));
  outlay_ui_test_drain ();

  g_assert_cmpuint (count_budgets (fixture), ==, 1);
  budget = stored_budget (fixture, "Food shopping");
  g_assert_cmpint (outlay_budget_get_id (budget), ==, id);
  g_assert_cmpint (outlay_budget_get_amount (budget), ==, 45000);
  g_assert_cmpint (outlay_budget_get_rollover (budget), ==, OUTLAY_ROLLOVER_BOTH);
  /* Empty: no cap. */
  g_assert_cmpint (outlay_budget_get_rollover_cap (budget), ==, -1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Food shopping");
}

/* The carry counts from the first period, which it follows while the
 * person has not chosen another day; a day chosen is kept. */
static void
test_carry_from (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (OutlayBudget) fresh = NULL;
  g_autoptr (OutlayBudget) chosen = NULL;
  OutlayBudgetEditor *editor;
  GtkWidget          *start, *from;

  open_window (fixture);
  outlay_budgets_window_add_budget (fixture->window);
  editor = editor_of (fixture);
  start = outlay_budget_editor_get_row (editor, "start");
  from = outlay_budget_editor_get_row (editor, "carry-from");
  type_into (editor, "name", "Fresh");
  type_into (editor, "amount", "100");
  adw_combo_row_set_selected (ADW_COMBO_ROW (outlay_budget_editor_get_row (editor, "rollover")), 1);
  g_assert_true (gtk_widget_get_visible (from));
  /* The person picks another first day: the carry's follows. */
  outlay_date_row_set_date (OUTLAY_DATE_ROW (start), "2026-01-01");
  g_signal_emit_by_name (start, "changed");
  g_assert_cmpstr (outlay_date_row_get_date (OUTLAY_DATE_ROW (from)), ==, "2026-01-01");
  g_assert_true (outlay_budget_editor_save (editor));
  outlay_ui_test_drain ();
  fresh = stored_budget (fixture, "Fresh");
  g_assert_cmpstr (outlay_budget_get_anchor (fresh), ==, "2026-01-01");
  g_assert_null (outlay_budget_get_rollover_from (fresh));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.edit", "x", outlay_budget_get_id (fresh));
  editor = editor_of (fixture);
  from = outlay_budget_editor_get_row (editor, "carry-from");
  outlay_date_row_set_date (OUTLAY_DATE_ROW (from), "2026-02-01");
  g_signal_emit_by_name (from, "changed");
  /* A later first day does not move a day chosen. */
  start = outlay_budget_editor_get_row (editor, "start");
  outlay_date_row_set_date (OUTLAY_DATE_ROW (start), "2025-12-01");
  g_signal_emit_by_name (start, "changed");
  g_assert_cmpstr (outlay_date_row_get_date (OUTLAY_DATE_ROW (from)), ==, "2026-02-01");
  g_assert_true (outlay_budget_editor_save (editor));
  outlay_ui_test_drain ();
  chosen = stored_budget (fixture, "Fresh");
  g_assert_cmpstr (outlay_budget_get_rollover_from (chosen), ==, "2026-02-01");
  g_assert_cmpstr (outlay_budget_get_anchor (chosen), ==, "2025-12-01");
}

/* Moving, archiving and deleting, each with what Undo brings back. */
static void
test_order_archive_delete (Fixture      *fixture,
                           gconstpointer user_data)
{
  gint64 a = add_budget (fixture, "A", 1000, fixture->food);
  gint64 b = add_budget (fixture, "B", 1000, fixture->groceries);
  gint64 c = add_budget (fixture, "C", 1000, fixture->transport);

  open_window (fixture);
  g_assert_cmpstr (outlay_budgets_window_get_page (fixture->window), ==, "list");
  assert_names (fixture, FALSE, (const char *const[]){ "A", "B", "C", NULL });

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.move-up", "x", c);
  assert_names (fixture, FALSE, (const char *const[]){ "A", "C", "B", NULL });
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.move-down", "x", a);
  assert_names (fixture, FALSE, (const char *const[]){ "C", "A", "B", NULL });
  /* The last cannot go further down. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.move-down", "x", b);
  assert_names (fixture, FALSE, (const char *const[]){ "C", "A", "B", NULL });

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.archive", "x", a);
  assert_names (fixture, FALSE, (const char *const[]){ "C", "B", NULL });
  assert_names (fixture, TRUE, (const char *const[]){ "A", NULL });
  /* An archived one opens too, to look back on. */
  g_signal_emit_by_name (outlay_budgets_window_get_row (fixture->window, "A"), "activate");
  g_assert_cmpstr (outlay_budgets_window_get_page (fixture->window), ==, "detail");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.back", NULL);
  g_assert_cmpstr (outlay_budgets_window_get_page (fixture->window), ==, "list");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.undo", NULL);
  assert_names (fixture, FALSE, (const char *const[]){ "C", "A", "B", NULL });
  assert_names (fixture, TRUE, (const char *const[]){ NULL });

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.delete", "x", c);
  assert_names (fixture, FALSE, (const char *const[]){ "A", "B", NULL });
  g_assert_cmpuint (count_budgets (fixture), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.undo", NULL);
  assert_names (fixture, FALSE, (const char *const[]){ "C", "A", "B", NULL });
  g_assert_cmpuint (count_budgets (fixture), ==, 3);

  /* One Undo a change: a second does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.undo", NULL);
  assert_names (fixture, FALSE, (const char *const[]){ "C", "A", "B", NULL });

  /* Deleted while its page shows: back to the list. */
  outlay_budgets_window_show_budget (fixture->window, b);
  g_assert_cmpstr (outlay_budgets_window_get_page (fixture->window), ==, "detail");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "budgets.delete", "x", b);
  g_assert_cmpstr (outlay_budgets_window_get_page (fixture->window), ==, "list");
  g_assert_null (outlay_budgets_window_get_row (fixture->window, "B"));
}

/* The chart: the last twelve months, what each spent against what each
 * had, the one over said so. */
static void
test_chart (Fixture      *fixture,
            gconstpointer user_data)
{
  gint64            id = add_budget (fixture, "Groceries", 10000, fixture->groceries);
  OutlayTrendChart *chart;
  g_autofree char  *spent = outlay_money_format_expense (12000, "EUR");
  g_autofree char  *had = outlay_money_format_expense (10000, "EUR");
  g_autofree char  *over = outlay_money_format_expense (2000, "EUR");
  g_autofree char  *expected = NULL;
  g_autofree char  *text = NULL;

  add_expense (fixture, 12000, "2026-01-10", fixture->groceries);
  add_expense (fixture, 3000, "2026-02-05", fixture->groceries);
  add_expense (fixture, 5000, "2026-03-02", fixture->groceries);
  /* Another category's: not counted. */
  add_expense (fixture, 7000, "2026-03-03", fixture->transport);

  open_window (fixture);
  outlay_budgets_window_show_budget (fixture->window, id);
  chart = OUTLAY_TREND_CHART (outlay_budgets_window_get_chart (fixture->window));

  /* April 2025 to March 2026. */
  g_assert_cmpuint (outlay_trend_chart_get_n_bars (chart), ==, 12);
  g_assert_cmpstr (outlay_trend_chart_get_month (chart, 0), ==, "2025-04-01");
  g_assert_cmpstr (outlay_trend_chart_get_month (chart, 11), ==, "2026-03-01");
  g_assert_cmpint (outlay_trend_chart_get_highlight (chart), ==, 11);
  g_assert_cmpint (outlay_trend_chart_get_value (chart, 9), ==, 12000);
  g_assert_cmpint (outlay_trend_chart_get_value (chart, 10), ==, 3000);
  g_assert_cmpint (outlay_trend_chart_get_value (chart, 11), ==, 5000);
  g_assert_cmpint (outlay_trend_chart_get_value (chart, 8), ==, 0);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpint (outlay_trend_chart_get_limit (chart, i), ==, 10000);

  text = outlay_trend_chart_dup_bar_text (chart, 9);
  expected = g_strdup_printf ("January 2026: %s of %s spent, %s over", spent, had, over);
  g_assert_cmpstr (text, ==, expected);
  /* All of it is read out. */
  g_assert_nonnull (strstr (outlay_trend_chart_get_summary (chart), expected));

  /* An expense added in a past month moves its bar. */
  add_expense (fixture, 1000, "2026-02-20", fixture->groceries);
  outlay_ui_test_drain ();
  g_assert_cmpint (outlay_trend_chart_get_value (chart, 10), ==, 4000);
}

/* An expense in another currency without a rate is said apart on the
 * budget's page, with Add Rate for that currency; with a rate it counts
 * and the line goes. */
static void
test_missing_rate (Fixture      *fixture,
                   gconstpointer user_data)
{
  gint64 id = add_budget (fixture, "Groceries", 10000, fixture->groceries);
  g_autoptr (OutlayExpense) draft = outlay_test_draft (150000, "ARS", "2026-03-04", "Asado", fixture->groceries);
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (OutlayExchangeRate) rate = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *line;
  GtkWidget *button;

  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);
  open_window (fixture);
  outlay_budgets_window_show_budget (fixture->window, id);
  outlay_ui_test_settle (GTK_WIDGET (fixture->window));

  line = outlay_ui_test_find (GTK_WIDGET (fixture->window), outlay_ui_test_is_label, "1 expense in ARS has no rate");
  g_assert_nonnull (line);
  g_assert_true (gtk_widget_get_mapped (line));
  button = outlay_ui_test_find (gtk_widget_get_parent (line), outlay_ui_test_is_button, "_Add Rate");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "app.add-rate");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL), ==,
                   "ARS");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add a rate for ARS");

  rate = outlay_repository_set_rate (fixture->repository, "ARS", "EUR", "2026-03-01", "0.001", &error);
  g_assert_no_error (error);
  outlay_budgets_window_show_budget (fixture->window, id);
  outlay_ui_test_settle (GTK_WIDGET (fixture->window));
  g_assert_null (outlay_ui_test_find (GTK_WIDGET (fixture->window), outlay_ui_test_is_label,
                                      "1 expense in ARS has no rate"));
}

/* What no budget counts this month, by category, largest first. */
static void
test_unbudgeted (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autofree char *total = outlay_money_format_expense (3500, "EUR");
  g_autofree char *expected = NULL;

  add_budget (fixture, "Groceries", 40000, fixture->groceries);
  add_expense (fixture, 4000, "2026-03-05", fixture->groceries);
  add_expense (fixture, 2500, "2026-03-06", fixture->transport);
  add_expense (fixture, 1000, "2026-03-07", fixture->food);
  /* Last month's: not this month's. */
  add_expense (fixture, 9900, "2026-02-07", fixture->food);

  open_window (fixture);
  expected = g_strdup_printf ("%s in %s, %s", total, name_of (fixture, fixture->transport),
                              name_of (fixture, fixture->food));
  g_assert_cmpstr (outlay_budgets_window_get_unbudgeted (fixture->window), ==, expected);

  /* A budget of everything leaves nothing out. */
  add_budget (fixture, "Everything", 0, 0);
  outlay_ui_test_drain ();
  g_assert_cmpstr (outlay_budgets_window_get_unbudgeted (fixture->window), ==,
                   "Every expense of this month is in a budget.");
}

static gint64
amount_on (Fixture    *fixture,
           const char *name,
           GDate      *day)
{
  g_autoptr (OutlayBudget) budget = stored_budget (fixture, name);
  g_auto (OutlayBudgetStatus) status = { { 0 } };
  g_autoptr (GError) error = NULL;

  outlay_repository_get_budget_status (fixture->repository, budget, day, &status, &error);
  g_assert_no_error (error);
  return status.amount;
}

/* Another amount for one period, set and taken back on the budget's page;
 * a wrong amount is said and kept. */
static void
test_overrides (Fixture      *fixture,
                gconstpointer user_data)
{
  gint64                      id = add_budget (fixture, "Groceries", 40000, fixture->groceries);
  g_autoptr (GDate)           december = g_date_new_dmy (10, G_DATE_DECEMBER, 2026);
  g_autoptr (GDate)           november = g_date_new_dmy (10, G_DATE_NOVEMBER, 2026);
  OutlayBudgetOverridesGroup *group;
  GtkWidget                  *period, *amount, *text;
  GListModel                 *choices;
  g_autoptr (GObject) choice = NULL;

  open_window (fixture);
  outlay_budgets_window_show_budget (fixture->window, id);
  group = OUTLAY_BUDGET_OVERRIDES_GROUP (outlay_budgets_window_get_overrides_group (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_cmpuint (outlay_budget_overrides_group_get_n_overrides (group), ==, 0);

  /* This month and the next eleven: March 2026 to February 2027. */
  period = outlay_budget_overrides_group_get_period_row (group);
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (period));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 12);
  choice = g_list_model_get_item (choices, 9);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (choice)), ==, "December 2026");

  amount = outlay_budget_overrides_group_get_amount_row (group);
  adw_combo_row_set_selected (ADW_COMBO_ROW (period), 9);
  gtk_editable_set_text (GTK_EDITABLE (amount), "lots");
  g_assert_false (outlay_budget_overrides_group_apply (group));
  g_assert_nonnull (outlay_budget_overrides_group_get_error (group));
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "lots");
  g_assert_cmpint (amount_on (fixture, "Groceries", december), ==, 40000);

  /* Enter in the amount sets it, once. */
  gtk_editable_set_text (GTK_EDITABLE (amount), "600");
  text = outlay_ui_test_find_of_type (amount, GTK_TYPE_TEXT);
  g_signal_emit_by_name (text, "activate");
  outlay_ui_test_drain ();
  g_assert_null (outlay_budget_overrides_group_get_error (group));
  g_assert_false (gtk_widget_has_css_class (amount, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "");
  g_assert_cmpuint (outlay_budget_overrides_group_get_n_overrides (group), ==, 1);
  g_assert_cmpint (amount_on (fixture, "Groceries", december), ==, 60000);
  g_assert_cmpint (amount_on (fixture, "Groceries", november), ==, 40000);
  /* The choice stays where it was after the page is read again. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (period)), ==, 9);

  /* Its button gives December the usual amount again. */
  g_assert_true (outlay_budget_overrides_group_remove (group, 0));
  outlay_ui_test_drain ();
  g_assert_cmpuint (outlay_budget_overrides_group_get_n_overrides (group), ==, 0);
  g_assert_cmpint (amount_on (fixture, "Groceries", december), ==, 40000);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/budgets/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/budgets/subcategories", Fixture, NULL, fixture_set_up, test_subcategories, fixture_tear_down);
  g_test_add ("/budgets/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/budgets/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/budgets/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/budgets/carry-from", Fixture, NULL, fixture_set_up, test_carry_from, fixture_tear_down);
  g_test_add ("/budgets/order-archive-delete", Fixture, NULL, fixture_set_up, test_order_archive_delete,
              fixture_tear_down);
  g_test_add ("/budgets/chart", Fixture, NULL, fixture_set_up, test_chart, fixture_tear_down);
  g_test_add ("/budgets/overrides", Fixture, NULL, fixture_set_up, test_overrides, fixture_tear_down);
  g_test_add ("/budgets/missing-rate", Fixture, NULL, fixture_set_up, test_missing_rate, fixture_tear_down);
  g_test_add ("/budgets/unbudgeted", Fixture, NULL, fixture_set_up, test_unbudgeted, fixture_tear_down);

  return g_test_run ();
}
