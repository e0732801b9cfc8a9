/* test-dashboard.c
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

/* The dashboard as a person reads it: the labels, the legend, the bars,
 * and how they follow changes to the expenses. */

#include "config.h"

#include <adwaita.h>

#include "outlay-budgets-group.h"
#include "outlay-category-chart.h"
#include "outlay-converted-view.h"
#include "outlay-dashboard-page.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-test-utils.h"
#include "outlay-test-widgets.h"
#include "outlay-trend-chart.h"
#include "outlay-ui-test-utils.h"

typedef struct
{
  OutlayTestFixture    store;
  OutlayRepository    *repository; /* the store's, for short */
  GtkWindow           *window;
  OutlayDashboardPage *page;

  GDate *today;
  char  *today_iso;
  char  *last_month_iso; /* the first day of last month */
  char  *year_ago_iso;   /* the first day of this month a year ago */
  gint64 food, groceries, transport, housing;
} Fixture;

static gint64
add_expense (Fixture    *fixture,
             gint64      amount,
             const char *day,
             const char *description,
             gint64      category_id)
{
  g_autoptr (OutlayExpense) draft = outlay_test_draft (amount, "EUR", day, description, category_id);
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;

  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);

  return outlay_expense_get_id (stored);
}

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                   OUTLAY_TYPE_DASHBOARD_PAGE, name);

  g_assert_nonnull (object);

  return GTK_WIDGET (object);
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (child (fixture, name)));
}

static gboolean
is_label_with_class (GtkWidget  *widget,
                     const char *css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

/* A label with @css_class below @widget. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *css_class)
{
  return GTK_LABEL (outlay_ui_test_find (widget, is_label_with_class, css_class));
}

static GPtrArray *
list_rows (Fixture    *fixture,
           const char *name)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *c = gtk_widget_get_first_child (child (fixture, name)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c))
      g_ptr_array_add (rows, c);

  return rows;
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (fixture->page))));
}

static char *
money (gint64 amount)
{
  return outlay_money_format (amount, "EUR");
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr (GDate) day = NULL;

  outlay_test_fixture_setup (&fixture->store, NULL);
  fixture->repository = fixture->store.repository;

  fixture->food = outlay_test_category_at (fixture->repository, 0);
  fixture->groceries = outlay_test_category_at (fixture->repository, 1);
  fixture->transport = outlay_test_category_at (fixture->repository, 2);
  fixture->housing = outlay_test_category_at (fixture->repository, 3);

  fixture->today = outlay_date_new_today ();
  fixture->today_iso = outlay_date_format_iso (fixture->today);

  /* The first of the month is within “this time last month” and “this
   * time last year” whatever day today is. */
  day = g_date_copy (fixture->today);
  g_date_set_day (day, 1);
  g_date_subtract_months (day, 1);
  fixture->last_month_iso = outlay_date_format_iso (day);
  g_date_subtract_months (day, 11);
  fixture->year_ago_iso = outlay_date_format_iso (day);

  if (user_data == NULL)
    {
      add_expense (fixture, 1250, fixture->today_iso, "Lunch", fixture->food);
      add_expense (fixture, 4000, fixture->today_iso, "Market", fixture->groceries);
      add_expense (fixture, 750, fixture->today_iso, "Coffee & cake", fixture->food);
      add_expense (fixture, 5000, fixture->last_month_iso, "Train", fixture->transport);
      add_expense (fixture, 10000, fixture->year_ago_iso, "Rent", fixture->housing);
    }

  fixture->page = OUTLAY_DASHBOARD_PAGE (outlay_dashboard_page_new (fixture->repository, "EUR"));
  g_object_ref_sink (fixture->page);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  gtk_window_destroy (fixture->window);
  outlay_ui_test_drain ();

  /* Nothing holds on to the page, its models or the store once the
   * window is gone. */
  g_assert_finalize_object (fixture->page);
  fixture->repository = NULL;
  outlay_test_fixture_teardown (&fixture->store, NULL);
  g_date_free (fixture->today);
  g_free (fixture->today_iso);
  g_free (fixture->last_month_iso);
  g_free (fixture->year_ago_iso);
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* Expenses in dollars and pesos this month: "≈ €244.10 in total" under
 * the euros, opening to how the dollars were converted (€60.00 + $200.00
 * × 0.9205 = €60.00 + €184.10) and to the pesos that have no rate, with
 * Add Rate; read as "about … in total". Without them, nothing shows. */
static void
test_converted (Fixture      *fixture,
                gconstpointer user_data)
{
  OutlayConvertedView *view = OUTLAY_CONVERTED_VIEW (outlay_dashboard_page_get_converted_view (fixture->page));
  g_autoptr (OutlayExpense) dollars = outlay_test_draft (20000, "USD", fixture->today_iso, "Hotel", fixture->food);
  g_autoptr (OutlayExpense) pesos = outlay_test_draft (150000, "ARS", fixture->today_iso, "Asado", fixture->food);
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (OutlayExchangeRate) rate = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *total = outlay_money_format (24410, "EUR");
  g_autofree char *title = g_strdup_printf ("≈ %s in total", total);
  g_autofree char *day = outlay_format_date (fixture->today_iso);
  g_autofree char *dollar_line = NULL;
  g_autofree char *in_euros = outlay_money_format_expense (18410, "EUR");
  g_autofree char *spoken = outlay_format_net_spoken (24410, "EUR");
  g_autofree char *name = g_strdup_printf ("about %s in total", spoken);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));

  stored = outlay_repository_add_expense (fixture->repository, dollars, &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = outlay_repository_add_expense (fixture->repository, pesos, &error);
  g_assert_no_error (error);
  rate = outlay_repository_set_rate (fixture->repository, "USD", "EUR", fixture->today_iso, "0.9205", &error);
  g_assert_no_error (error);

  /* Added up in the background. */
  outlay_ui_test_drain ();
  g_assert_true (outlay_ui_test_wait_for (is_visible, view));
  g_assert_cmpstr (outlay_converted_view_get_title (view), ==, title);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (outlay_converted_view_get_expander (view)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  lines = outlay_converted_view_dup_lines (view);
  g_assert_cmpuint (lines->len, ==, 2);
  dollar_line = g_strdup_printf ("$200.00 → %s at 1 USD = 0.9205 EUR (your rate, %s)", in_euros, day);
  /* As many of each: by their codes. */
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "1 expense in ARS has no rate");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, dollar_line);

  /* Another period never shows this one's total while its own is worked
   * out: last month had dollars too, fewer. All time has them all. */
  {
    g_autoptr (OutlayExpense) before = outlay_test_draft (5000, "USD", fixture->last_month_iso, "Taxi",
                                                          fixture->food);
    g_autoptr (OutlayExpense) added = outlay_repository_add_expense (fixture->repository, before, &error);
    g_autoptr (OutlayExchangeRate) older = NULL;
    g_autofree char *last_month = NULL;
    g_autofree char *last_title = NULL;
    g_autofree char *last_day = NULL;
    g_autoptr (GDate) end = outlay_date_parse_iso (fixture->last_month_iso);
    OutlayTotal      euros = { 0, 0 };

    g_assert_no_error (error);
    older = outlay_repository_set_rate (fixture->repository, "USD", "EUR", fixture->last_month_iso, "0.9", &error);
    g_assert_no_error (error);
    g_date_add_months (end, 1);
    g_date_subtract_days (end, 1);
    last_day = outlay_date_format_iso (end);
    g_assert_true (outlay_repository_get_total (fixture->repository, "EUR", fixture->last_month_iso, last_day,
                                                &euros, &error));
    /* $50.00 at 0.9 is €45.00. */
    last_month = outlay_money_format (euros.total + 4500, "EUR");
    last_title = g_strdup_printf ("≈ %s in total", last_month);

    outlay_dashboard_page_set_period (fixture->page, "last-month");
    g_assert_cmpstr (outlay_converted_view_get_title (view), !=, title);
    outlay_ui_test_drain ();
    g_assert_true (outlay_ui_test_wait_for (is_visible, view));
    g_assert_cmpstr (outlay_converted_view_get_title (view), ==, last_title);
    g_clear_object (&added);
  }
  outlay_dashboard_page_set_period (fixture->page, "all-time");
  outlay_ui_test_drain ();
  g_assert_true (outlay_ui_test_wait_for (is_visible, view));
  {
    OutlayTotal      euros = { 0, 0 };
    g_autofree char *all = NULL;
    g_autofree char *all_title = NULL;

    g_assert_true (outlay_repository_get_total (fixture->repository, "EUR", NULL, NULL, &euros, &error));
    all = outlay_money_format (euros.total + 18410 + 4500, "EUR");
    all_title = g_strdup_printf ("≈ %s in total", all);
    g_assert_cmpstr (outlay_converted_view_get_title (view), ==, all_title);
  }
}

static void
test_hero (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autofree char *total = money (6000);
  g_autofree char *difference = money (1000);
  g_autofree char *comparison = g_strdup_printf ("20%% (%s) more than this time last month", difference);
  g_autofree char *average = NULL;
  guint            days = g_date_get_day (fixture->today);

  g_assert_cmpstr (visible_page (fixture), ==, "dashboard");
  g_assert_cmpstr (outlay_dashboard_page_get_period (fixture->page), ==, "this-month");
  g_assert_cmpstr (outlay_dashboard_page_get_currency (fixture->page), ==, "EUR");

  g_assert_cmpstr (label_text (fixture, "total_label"), ==, total);
  g_assert_cmpstr (label_text (fixture, "comparison_label"), ==, comparison);
  g_assert_true (gtk_widget_get_visible (child (fixture, "comparison_box")));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (child (fixture, "comparison_icon"))), ==, "go-up-symbolic");
  g_assert_cmpstr (label_text (fixture, "count_label"), ==, "3");

  average = money ((6000 + days / 2) / days);
  g_assert_cmpstr (label_text (fixture, "average_label"), ==, average);

  /* The caption says which days the total covers. */
  {
    g_autofree char *this_month = g_strndup (fixture->today_iso, 7);
    g_autofree char *month = outlay_format_month (this_month);
    g_autofree char *range = days > 1 ? g_strdup_printf ("1 – %u %s", days, month)
                                      : g_strdup_printf ("1 %s", month);

    g_assert_cmpstr (label_text (fixture, "range_label"), ==, range);
  }
}

static void
test_legend (Fixture      *fixture,
             gconstpointer user_data)
{
  static const struct
  {
    const char *name;
    gint64      amount;
    const char *share;
    const char *count;
  } expected[] = {
    { "Groceries", 4000, "67%", "1 expense" },
    { "Food & Drink", 2000, "33%", "2 expenses" },
  };
  g_autoptr (GPtrArray) rows = list_rows (fixture, "legend_list");
  OutlayCategoryChart *chart = OUTLAY_CATEGORY_CHART (child (fixture, "category_chart"));
  g_autofree char     *segment = NULL;
  g_autofree char     *amount = NULL;
  g_autofree char     *segment_text = NULL;

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget       *row = g_ptr_array_index (rows, i);
      g_autofree char *text = money (expected[i].amount);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected[i].name);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected[i].count);
      g_assert_cmpstr (gtk_label_get_label (find_label (row, "dashboard-legend-amount")), ==, text);
      g_assert_cmpstr (gtk_label_get_label (find_label (row, "dashboard-legend-share")), ==, expected[i].share);
      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

      g_assert_cmpint (outlay_category_chart_get_value (chart, i), ==, expected[i].amount);
    }

  /* The chart's text equivalent names every category, amount and share. */
  g_assert_cmpuint (outlay_category_chart_get_n_segments (chart), ==, 2);
  amount = money (4000);
  segment = g_strdup_printf ("Groceries: %s (67%%)", amount);
  segment_text = outlay_category_chart_dup_segment_text (chart, 0);
  g_assert_cmpstr (segment_text, ==, segment);
  g_assert_true (g_str_has_prefix (outlay_category_chart_get_summary (chart), segment));
}

static void
test_trend (Fixture      *fixture,
            gconstpointer user_data)
{
  OutlayTrendChart *trend = OUTLAY_TREND_CHART (child (fixture, "trend_chart"));
  g_autofree char  *this_month = g_strndup (fixture->today_iso, 7);
  g_autofree char  *last_month = g_strndup (fixture->last_month_iso, 7);
  g_autofree char  *name = outlay_format_month (this_month);
  g_autofree char  *amount = money (6000);
  g_autofree char  *bar = g_strdup_printf ("%s: %s", name, amount);
  g_autofree char  *text = NULL;
  g_autofree char  *average = money ((6000 + 5000 + 6) / 12);
  g_autofree char  *average_text = g_strdup_printf ("%s a month on average", average);

  /* Always the last twelve months, whatever the period; the expense of a
   * year ago is just outside them. */
  g_assert_cmpuint (outlay_trend_chart_get_n_bars (trend), ==, 12);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpint (outlay_trend_chart_get_value (trend, i), ==, 0);
  g_assert_cmpstr (outlay_trend_chart_get_month (trend, 10), ==, last_month);
  g_assert_cmpint (outlay_trend_chart_get_value (trend, 10), ==, 5000);
  g_assert_cmpstr (outlay_trend_chart_get_month (trend, 11), ==, this_month);
  g_assert_cmpint (outlay_trend_chart_get_value (trend, 11), ==, 6000);
  g_assert_cmpint (outlay_trend_chart_get_highlight (trend), ==, 11);

  text = outlay_trend_chart_dup_bar_text (trend, 11);
  g_assert_cmpstr (text, ==, bar);
  g_assert_true (g_str_has_suffix (outlay_trend_chart_get_summary (trend), bar));
  g_assert_cmpstr (label_text (fixture, "trend_average_label"), ==, average_text);

  g_object_set (fixture->page, "period", "all-time", NULL);
  g_assert_cmpuint (outlay_trend_chart_get_n_bars (trend), ==, 12);
  g_assert_cmpint (outlay_trend_chart_get_value (trend, 11), ==, 6000);
}

static void
on_label_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    guint      *count)
{
  (*count)++;
}

static void
test_updates (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autofree char *before = money (6000);
  g_autofree char *after = money (9500);
  GtkWidget       *total = child (fixture, "total_label");
  guint            n_notifies = 0;
  g_autoptr (GPtrArray) rows = NULL;

  g_signal_connect (total, "notify::label", G_CALLBACK (on_label_notify_cb), &n_notifies);

  /* Two changes in one iteration of the main loop: one refresh, after it. */
  add_expense (fixture, 3000, fixture->today_iso, "Dinner", fixture->food);
  add_expense (fixture, 500, fixture->today_iso, "Bus", fixture->transport);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (total)), ==, before);

  outlay_ui_test_drain ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (total)), ==, after);
  g_assert_cmpuint (n_notifies, ==, 1);
  g_assert_cmpstr (label_text (fixture, "count_label"), ==, "5");

  rows = list_rows (fixture, "legend_list");
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, 0))), ==,
                   "Food & Drink");
  g_assert_cmpstr (gtk_label_get_label (find_label (g_ptr_array_index (rows, 0), "dashboard-legend-share")), ==, "53%");

  g_signal_handlers_disconnect_by_func (total, on_label_notify_cb, &n_notifies);

  /* A renamed category is renamed in the legend. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) renamed = NULL;

    outlay_repository_rename_category (fixture->repository, fixture->food, "Eating Out", &error);
    g_assert_no_error (error);
    outlay_ui_test_drain ();
    renamed = list_rows (fixture, "legend_list");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (renamed, 0))), ==,
                     "Eating Out");
  }
}

static void
test_period (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *setting = NULL;
  g_autofree char *all = money (21000);
  g_autofree char *last = money (5000);
  g_autofree char *last_comparison = g_strdup_printf ("%s more than the month before", last);
  g_autofree char *twelve = money (11000);
  g_autofree char *twelve_difference = money (1000);
  g_autofree char *twelve_comparison = g_strdup_printf ("10%% (%s) more than the 12 months before",
                                                        twelve_difference);
  GtkDropDown     *dropdown = GTK_DROP_DOWN (child (fixture, "period_dropdown"));
  g_autoptr (GDate) first = outlay_date_parse_iso (fixture->year_ago_iso);
  g_autofree char *average = money ((21000 + (g_date_days_between (first, fixture->today) + 1) / 2) /
                                    (g_date_days_between (first, fixture->today) + 1));

  /* The window binds the period to GSettings; so does this test. */
  g_settings_reset (settings, "dashboard-period");
  g_settings_bind (settings, "dashboard-period", fixture->page, "period", G_SETTINGS_BIND_DEFAULT);

  g_object_set (fixture->page, "period", "all-time", NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, OUTLAY_PERIOD_ALL_TIME);
  setting = g_settings_get_string (settings, "dashboard-period");
  g_assert_cmpstr (setting, ==, "all-time");
  g_assert_cmpstr (label_text (fixture, "total_label"), ==, all);
  g_assert_cmpstr (label_text (fixture, "count_label"), ==, "5");
  g_assert_cmpstr (label_text (fixture, "average_label"), ==, average);
  /* Nothing comes before all time. */
  g_assert_false (gtk_widget_get_visible (child (fixture, "comparison_box")));

  /* Choosing from the drop-down is the same as setting the property. */
  gtk_drop_down_set_selected (dropdown, OUTLAY_PERIOD_LAST_MONTH);
  g_assert_cmpstr (outlay_dashboard_page_get_period (fixture->page), ==, "last-month");
  g_free (setting);
  setting = g_settings_get_string (settings, "dashboard-period");
  g_assert_cmpstr (setting, ==, "last-month");
  g_assert_cmpstr (label_text (fixture, "total_label"), ==, last);
  /* The month before last had nothing: an amount, no percentage. */
  g_assert_cmpstr (label_text (fixture, "comparison_label"), ==, last_comparison);

  g_settings_set_string (settings, "dashboard-period", "last-12-months");
  g_assert_cmpstr (outlay_dashboard_page_get_period (fixture->page), ==, "last-12-months");
  g_assert_cmpstr (label_text (fixture, "total_label"), ==, twelve);
  g_assert_cmpstr (label_text (fixture, "comparison_label"), ==, twelve_comparison);

  g_settings_unbind (fixture->page, "period");
  g_settings_reset (settings, "dashboard-period");
}

static void
test_same_and_less (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autofree char *difference = money (1000);
  g_autofree char *less = g_strdup_printf ("14%% (%s) less than this time last month", difference);

  /* This month 60.00 against 70.00 this time last month. */
  add_expense (fixture, 2000, fixture->last_month_iso, "Bike repair", fixture->transport);
  outlay_ui_test_drain ();
  g_assert_cmpstr (label_text (fixture, "comparison_label"), ==, less);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (child (fixture, "comparison_icon"))), ==, "go-down-symbolic");

  add_expense (fixture, 1000, fixture->today_iso, "Tea", fixture->food);
  outlay_ui_test_drain ();
  g_assert_cmpstr (label_text (fixture, "comparison_label"), ==, "The same as this time last month");
  g_assert_false (gtk_widget_get_visible (child (fixture, "comparison_icon")));
}

typedef struct
{
  guint    n_emissions;
  gint64   category_id;
  gboolean own;
  char    *from;
  char  *to;
} CategoryActivation;

static void
on_category_activated_cb (OutlayDashboardPage *page,
                          gint64               category_id,
                          gboolean             own,
                          const char          *from,
                          const char          *to,
                          CategoryActivation  *activation)
{
  activation->n_emissions++;
  activation->category_id = category_id;
  activation->own = own;
  g_free (activation->from);
  activation->from = g_strdup (from);
  g_free (activation->to);
  activation->to = g_strdup (to);
}

static void
on_expense_activated_cb (OutlayDashboardPage *page,
                         OutlayExpense       *expense,
                         OutlayExpense      **activated)
{
  g_set_object (activated, expense);
}

static void
on_show_all_cb (OutlayDashboardPage *page,
                guint               *n_emissions)
{
  (*n_emissions)++;
}

static void
test_activation (Fixture      *fixture,
                 gconstpointer user_data)
{
  CategoryActivation activation = { 0, 0, FALSE, NULL, NULL };
  g_autoptr (OutlayExpense) activated = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *from = g_strdup_printf ("%.8s01", fixture->today_iso);
  guint            n_show_all = 0;

  g_signal_connect (fixture->page, "category-activated", G_CALLBACK (on_category_activated_cb), &activation);
  g_signal_connect (fixture->page, "expense-activated", G_CALLBACK (on_expense_activated_cb), &activated);
  g_signal_connect (fixture->page, "show-all", G_CALLBACK (on_show_all_cb), &n_show_all);

  /* A legend row carries its category and the period's days. */
  rows = list_rows (fixture, "legend_list");
  gtk_widget_activate (g_ptr_array_index (rows, 0));
  g_assert_cmpuint (activation.n_emissions, ==, 1);
  g_assert_cmpint (activation.category_id, ==, fixture->groceries);
  g_assert_cmpstr (activation.from, ==, from);
  g_assert_cmpstr (activation.to, ==, fixture->today_iso);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* All time has no limits. */
  outlay_dashboard_page_set_period (fixture->page, "all-time");
  rows = list_rows (fixture, "legend_list");
  g_assert_cmpuint (rows->len, ==, 4);
  gtk_widget_activate (g_ptr_array_index (rows, 0));
  g_assert_cmpuint (activation.n_emissions, ==, 2);
  g_assert_cmpint (activation.category_id, ==, fixture->housing);
  g_assert_null (activation.from);
  g_assert_null (activation.to);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The latest five, newest first, each opening its expense. */
  rows = list_rows (fixture, "recent_list");
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, 4))), ==, "Rent");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, 3))), ==, "Train");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (g_ptr_array_index (rows, 0))), ==, "Today");
  gtk_widget_activate (g_ptr_array_index (rows, 3));
  g_assert_nonnull (activated);
  g_assert_cmpstr (outlay_expense_get_description (activated), ==, "Train");
  g_assert_cmpint (outlay_expense_get_amount (activated), ==, 5000);

  g_signal_emit_by_name (child (fixture, "show_all_button"), "clicked");
  g_assert_cmpuint (n_show_all, ==, 1);

  g_signal_handlers_disconnect_by_data (fixture->page, &activation);
  g_signal_handlers_disconnect_by_data (fixture->page, &activated);
  g_signal_handlers_disconnect_by_data (fixture->page, &n_show_all);
  g_free (activation.from);
  g_free (activation.to);
}

static gboolean
is_toggle (GtkWidget  *widget,
           const char *unused)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_visible (widget);
}

/* A category with subcategories: the ring and its row show it with them;
 * the row opens into one row each, and one for what was spent in it
 * outside them; each lists its own expenses. */
static void
test_subcategories (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char     *food_total = money (1250 + 750 + 3000 + 500);
  g_autofree char     *label = NULL;
  g_autofree char     *spoken = NULL;
  OutlayCategoryChart *chart = OUTLAY_CATEGORY_CHART (child (fixture, "category_chart"));
  CategoryActivation   activation = { 0, 0, FALSE, NULL, NULL };
  OutlayCategory      *food = outlay_repository_lookup_category (fixture->repository, fixture->food);
  OutlayCategory      *restaurants = NULL;
  OutlayCategory      *coffee = NULL;
  GtkWidget           *toggle;

  restaurants = outlay_repository_add_subcategory (fixture->repository, food, "Restaurants", "emoji-food-symbolic",
                                                   "#c64600", &error);
  g_assert_no_error (error);
  coffee = outlay_repository_add_subcategory (fixture->repository, food, "Coffee", "emoji-food-symbolic", "#986a44",
                                              &error);
  g_assert_no_error (error);
  add_expense (fixture, 3000, fixture->today_iso, "Dinner", outlay_category_get_id (restaurants));
  add_expense (fixture, 500, fixture->today_iso, "Latte", outlay_category_get_id (coffee));
  outlay_ui_test_drain ();

  /* Food & Drink with its subcategories is now the largest. */
  g_assert_cmpuint (outlay_category_chart_get_n_segments (chart), ==, 2);
  g_assert_cmpint (outlay_category_chart_get_value (chart, 0), ==, 1250 + 750 + 3000 + 500);
  rows = list_rows (fixture, "legend_list");
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, 0))), ==,
                   "Food & Drink");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (g_ptr_array_index (rows, 0))), ==, "4 expenses");
  g_assert_cmpstr (gtk_label_get_label (find_label (g_ptr_array_index (rows, 0), "dashboard-legend-amount")), ==,
                   food_total);
  for (guint i = 1; i < 4; i++)
    g_assert_false (gtk_widget_get_visible (g_ptr_array_index (rows, i)));
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (rows, 4)));
  g_assert_null (outlay_ui_test_find (g_ptr_array_index (rows, 4), is_toggle, NULL));

  /* Opened: the largest first, then what is in Food & Drink itself. */
  toggle = outlay_ui_test_find (g_ptr_array_index (rows, 0), is_toggle, NULL);
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  for (guint i = 1; i < 4; i++)
    g_assert_true (gtk_widget_get_visible (g_ptr_array_index (rows, i)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, 1))), ==,
                   "Restaurants");
  g_assert_cmpstr (gtk_label_get_label (find_label (g_ptr_array_index (rows, 1), "dashboard-legend-share")), ==,
                   "32%");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, 2))), ==, "Coffee");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, 3))), ==,
                   "Food & Drink");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (g_ptr_array_index (rows, 3))), ==,
                   "2 expenses not in a subcategory");
  spoken = outlay_format_net_spoken (1250 + 750, "EUR");
  label = g_strdup_printf ("Food & Drink, not in a subcategory: %s, 21%% of the total, 2 expenses not in a "
                           "subcategory",
                           spoken);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (rows, 3)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       label);

  /* It stays open when the figures change. */
  add_expense (fixture, 200, fixture->today_iso, "Espresso", outlay_category_get_id (coffee));
  outlay_ui_test_drain ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_rows (fixture, "legend_list");
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (rows, 2)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (g_ptr_array_index (rows, 2))), ==, "2 expenses");

  g_signal_connect (fixture->page, "category-activated", G_CALLBACK (on_category_activated_cb), &activation);
  gtk_widget_activate (g_ptr_array_index (rows, 1));
  g_assert_cmpint (activation.category_id, ==, outlay_category_get_id (restaurants));
  g_assert_false (activation.own);
  /* Food & Drink's own expenses, then all of it. */
  gtk_widget_activate (g_ptr_array_index (rows, 3));
  g_assert_cmpint (activation.category_id, ==, fixture->food);
  g_assert_true (activation.own);
  gtk_widget_activate (g_ptr_array_index (rows, 0));
  g_assert_cmpint (activation.category_id, ==, fixture->food);
  g_assert_false (activation.own);
  g_signal_handlers_disconnect_by_data (fixture->page, &activation);
  g_free (activation.from);
  g_free (activation.to);

  /* Closed again. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (rows, 1)));
}

static void
test_recent_follows_changes (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *amount = money (123456);

  add_expense (fixture, 123456, fixture->today_iso, "Laptop", fixture->housing);
  add_expense (fixture, 100, fixture->today_iso, "Stamp", fixture->housing);
  outlay_ui_test_drain ();

  /* Still five rows; the newest on top, the oldest gone. */
  rows = list_rows (fixture, "recent_list");
  g_assert_cmpuint (rows->len, ==, 5);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, i))), !=, "Rent");
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, i))), "Laptop") == 0)
      g_assert_cmpstr (gtk_label_get_label (find_label (g_ptr_array_index (rows, i), "dashboard-recent-amount")), ==,
                       amount);
}

/* A refund lowers the period's total and its category's, is one of their
 * expenses, and shows with a plus sign; a category given back more than
 * it spent has no slice of the ring. */
static void
test_refunds (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) legend = NULL;
  g_autofree char     *total = money (4500);
  g_autofree char     *back = money (1500);
  g_autofree char     *plus_back = g_strconcat ("+", back, NULL);
  g_autofree char     *groceries = money (2500);
  g_autofree char     *ten = money (1000);
  g_autofree char     *plus_ten = g_strconcat ("+", ten, NULL);
  GtkLabel            *amount;
  OutlayCategoryChart *chart = OUTLAY_CATEGORY_CHART (child (fixture, "category_chart"));

  add_expense (fixture, -1500, fixture->today_iso, "Bottle deposit", fixture->groceries);
  outlay_ui_test_drain ();

  g_assert_cmpstr (label_text (fixture, "total_label"), ==, total);
  g_assert_cmpstr (label_text (fixture, "count_label"), ==, "4");

  rows = list_rows (fixture, "recent_list");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, 0))), ==,
                   "Bottle deposit");
  amount = find_label (g_ptr_array_index (rows, 0), "dashboard-recent-amount");
  g_assert_cmpstr (gtk_label_get_label (amount), ==, plus_back);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (amount), "success"));
  amount = find_label (g_ptr_array_index (rows, 1), "dashboard-recent-amount");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (amount), "success"));

  legend = list_rows (fixture, "legend_list");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (legend, 0))), ==,
                   "Groceries");
  g_assert_cmpstr (gtk_label_get_label (find_label (g_ptr_array_index (legend, 0), "dashboard-legend-amount")), ==,
                   groceries);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (g_ptr_array_index (legend, 0))), ==, "2 expenses");
  g_assert_cmpint (outlay_category_chart_get_value (chart, 0), ==, 2500);

  /* More given back than spent: the legend says so, the ring leaves it out. */
  add_expense (fixture, -3000, fixture->today_iso, "Dinner refunded", fixture->food);
  outlay_ui_test_drain ();
  g_clear_pointer (&legend, g_ptr_array_unref);
  legend = list_rows (fixture, "legend_list");
  g_assert_cmpuint (legend->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (legend, 1))), ==,
                   "Food & Drink");
  g_assert_cmpstr (gtk_label_get_label (find_label (g_ptr_array_index (legend, 1), "dashboard-legend-amount")), ==,
                   plus_ten);
  g_assert_cmpint (outlay_category_chart_get_value (chart, 1), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (find_label (g_ptr_array_index (legend, 1), "dashboard-legend-share")), ==,
                   "0%");
}

static OutlayBudget *
add_budget (Fixture    *fixture,
            const char *name,
            gint64      amount,
            gint64      category_id)
{
  OutlayCategory *category = outlay_repository_lookup_category (fixture->repository, category_id);
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  g_autoptr (GDate) first = g_date_copy (fixture->today);
  g_autofree char *anchor = NULL;
  g_autoptr (GError) error = NULL;
  OutlayBudget *stored;

  g_date_set_day (first, 1);
  anchor = outlay_date_format_iso (first);
  outlay_budget_set_name (draft, name);
  outlay_budget_set_amount (draft, amount);
  outlay_budget_set_currency (draft, "EUR");
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, anchor, NULL);
  outlay_budget_set_categories (draft, (const char *const[]){ outlay_category_get_uuid (category), NULL });
  stored = outlay_repository_add_budget (fixture->repository, draft, &error);
  g_assert_no_error (error);
  return stored;
}

static gboolean
is_budgets_group (GtkWidget  *widget,
                  const char *unused)
{
  return OUTLAY_IS_BUDGETS_GROUP (widget);
}

static gboolean
label_is (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static void
on_budget_shown_cb (OutlayDashboardPage *page,
                    OutlayBudget        *budget,
                    const char          *from,
                    const char          *to,
                    char               **out)
{
  g_free (*out);
  *out = g_strdup_printf ("%s %s %s", outlay_budget_get_name (budget), from, to);
}

/* A budget in this month: what it spent of what it has, its state and
 * what is left a day in words, one phrase for a screen reader; exactly all
 * of it "Fully used"; activated, its expenses of the month. */
static void
test_budgets (Fixture      *fixture,
              gconstpointer user_data)
{
  GtkWidget *group = outlay_ui_test_find (GTK_WIDGET (fixture->page), is_budgets_group, NULL);
  g_autoptr (OutlayBudget) groceries = NULL;
  g_autoptr (OutlayBudget) changed = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) last = g_date_copy (fixture->today);
  g_autofree char *amounts = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *a_day = NULL;
  g_autofree char *activated = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first_iso = NULL;
  g_autofree char *last_iso = NULL;
  guint            day = g_date_get_day (fixture->today);
  guint            days =
    g_date_get_days_in_month (g_date_get_month (fixture->today), g_date_get_year (fixture->today));
  guint            to_go = days - day + 1;
  GtkListBoxRow   *row;

  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_visible (group));

  /* €40.00 of €80.00 spent: on track unless fewer than half the days are gone. */
  groceries = add_budget (fixture, "Groceries", 8000, fixture->groceries);
  outlay_ui_test_drain ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_visible (group));
  amounts = g_strdup_printf ("%s of %s", "€40.00", "€80.00");
  g_assert_nonnull (outlay_ui_test_find (group, label_is, amounts));
  a_day = outlay_money_format (4000 / to_go, "EUR");
  if (to_go > 1)
    detail = g_strdup_printf ("%s · €40.00 left · %s a day for %u days",
                              4000 * days > 8000 * day ? "Ahead of pace" : "On track", a_day, to_go);
  else
    detail = g_strdup_printf ("%s · €40.00 left today", 4000 * days > 8000 * day ? "Ahead of pace" : "On track");
  g_assert_nonnull (outlay_ui_test_find (group, label_is, detail));
  /* What a screen reader hears of the row (the tests run without an
   * accessibility bus, so the phrase is asked of the group). */
  spoken = g_strdup_printf (to_go == 1 ? "Groceries: 40 euros of 80 euros spent, 40 euros left, %u day to go"
                                       : "Groceries: 40 euros of 80 euros spent, 40 euros left, %u days to go",
                            to_go);
  {
    OutlayBudgetStatus status;
    g_autofree char   *phrase = NULL;

    g_assert_true (outlay_repository_get_budget_status (fixture->repository, groceries, fixture->today, &status,
                                                        &error));
    phrase = outlay_budgets_group_speak_status (groceries, &status);
    g_assert_cmpstr (phrase, ==, spoken);
    outlay_budget_status_clear (&status);
  }

  /* Exactly all of it. */
  outlay_budget_set_amount (groceries, 4000);
  changed = outlay_repository_update_budget (fixture->repository, groceries, &error);
  g_assert_no_error (error);
  outlay_ui_test_drain ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_clear_pointer (&detail, g_free);
  detail = g_strdup_printf (to_go == 1 ? "Fully used · %u day to go" : "Fully used · %u days to go", to_go);
  g_assert_nonnull (outlay_ui_test_find (group, label_is, detail));
  row = GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (outlay_ui_test_find (group, label_is, detail),
                                                   GTK_TYPE_LIST_BOX_ROW));

  /* Its expenses of this month. */
  g_signal_connect (fixture->page, "budget-activated", G_CALLBACK (on_budget_shown_cb), &activated);
  g_signal_emit_by_name (row, "activate");
  g_date_set_day (last, days);
  last_iso = outlay_date_format_iso (last);
  g_date_set_day (last, 1);
  first_iso = outlay_date_format_iso (last);
  expected = g_strdup_printf ("Groceries %s %s", first_iso, last_iso);
  g_assert_cmpstr (activated, ==, expected);
}

static void
test_empty (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (visible_page (fixture), ==, "dashboard");

  ids = outlay_repository_find_expense_ids (fixture->repository, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (OutlayExpense) deleted = outlay_repository_delete_expense (fixture->repository,
                                                                            g_array_index (ids, gint64, i),
                                                                            &error);
      g_assert_no_error (error);
    }
  outlay_ui_test_drain ();

  /* A status page rather than empty charts. */
  g_assert_cmpstr (visible_page (fixture), ==, "empty");

  /* Undo brings the dashboard back. */
  {
    g_autoptr (OutlayExpense) restored = outlay_repository_restore_expense (fixture->repository,
                                                                            g_array_index (ids, gint64, 0),
                                                                            &error);
    g_assert_no_error (error);
  }
  outlay_ui_test_drain ();
  g_assert_cmpstr (visible_page (fixture), ==, "dashboard");
}

static void
test_empty_database (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_assert_cmpstr (visible_page (fixture), ==, "empty");

  add_expense (fixture, 999, fixture->today_iso, "First", fixture->food);
  outlay_ui_test_drain ();
  g_assert_cmpstr (visible_page (fixture), ==, "dashboard");
  g_assert_cmpstr (label_text (fixture, "count_label"), ==, "1");
}

static void
test_nothing_this_period (Fixture      *fixture,
                          gconstpointer user_data)
{
  GtkStack        *category_stack = GTK_STACK (child (fixture, "category_stack"));
  g_autofree char *zero = money (0);

  /* Expenses exist, none this month: the page stays, the chart says so. */
  add_expense (fixture, 999, fixture->last_month_iso, "Old", fixture->food);
  outlay_ui_test_drain ();
  g_assert_cmpstr (visible_page (fixture), ==, "dashboard");
  g_assert_cmpstr (label_text (fixture, "total_label"), ==, zero);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (category_stack), ==, "empty");
  g_assert_cmpuint (outlay_category_chart_get_n_segments (OUTLAY_CATEGORY_CHART (child (fixture, "category_chart"))),
                    ==, 0);
}

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

static void
test_keyboard (Fixture      *fixture,
               gconstpointer user_data)
{
  gboolean period = FALSE, category_chart = FALSE, legend = FALSE;
  gboolean trend_chart = FALSE, show_all = FALSE, recent = FALSE;

  /* Everything that does something is reachable with Tab, in order. */
  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

      period |= is_inside (focus, child (fixture, "period_dropdown"));
      category_chart |= focus == child (fixture, "category_chart");
      trend_chart |= focus == child (fixture, "trend_chart");
      legend |= GTK_IS_LIST_BOX_ROW (focus) && is_inside (focus, child (fixture, "legend_list"));
      show_all |= is_inside (focus, child (fixture, "show_all_button"));
      recent |= GTK_IS_LIST_BOX_ROW (focus) && is_inside (focus, child (fixture, "recent_list"));
    }

  g_assert_true (period);
  /* The charts too, for their values; and the flow box around the ring
   * moves the focus on only when its children take it. */
  g_assert_true (category_chart);
  g_assert_true (legend);
  g_assert_true (trend_chart);
  g_assert_true (show_all);
  g_assert_true (recent);
}

/* Large Text at its largest (text scale 2.0) on a phone 360 pixels wide:
 * the page still fits, the total of the period is shown whole on one line
 * inside its card, and the words of the captions are not cut. */
static void
test_large_text (Fixture      *fixture,
                 gconstpointer user_data)
{
  GtkSettings    *settings = gtk_widget_get_settings (GTK_WIDGET (fixture->window));
  GtkWidget      *total = child (fixture, "total_label");
  GtkWidget *hero = outlay_ui_test_find (GTK_WIDGET (fixture->page), outlay_ui_test_has_css_class, "dashboard-hero");
  graphene_rect_t bounds;
  int             dpi = 0;
  int             minimum = 0;

  /* A total as wide as a phone's: €1,795.07 and more. */
  add_expense (fixture, 173507, fixture->today_iso, "Laptop", fixture->housing);

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 2, NULL);
  gtk_window_set_default_size (fixture->window, 360, 720);
  outlay_ui_test_drain ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (total)), ==, "€1,795.07");

  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page)), <=, 360);

  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (total))), ==, 1);
  g_assert_true (gtk_widget_compute_bounds (total, hero, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (hero));

  outlay_test_assert_whole_words (GTK_WIDGET (fixture->page));

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* The test's own accessibility backend, to read what a screen reader
   * would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/dashboard/hero", Fixture, NULL, fixture_set_up, test_hero, fixture_tear_down);
  g_test_add ("/dashboard/legend", Fixture, NULL, fixture_set_up, test_legend, fixture_tear_down);
  g_test_add ("/dashboard/trend", Fixture, NULL, fixture_set_up, test_trend, fixture_tear_down);
  g_test_add ("/dashboard/updates", Fixture, NULL, fixture_set_up, test_updates, fixture_tear_down);
  g_test_add ("/dashboard/period", Fixture, NULL, fixture_set_up, test_period, fixture_tear_down);
  g_test_add ("/dashboard/same-and-less", Fixture, NULL, fixture_set_up, test_same_and_less, fixture_tear_down);
  g_test_add ("/dashboard/activation", Fixture, NULL, fixture_set_up, test_activation, fixture_tear_down);
  g_test_add ("/dashboard/recent", Fixture, NULL, fixture_set_up, test_recent_follows_changes, fixture_tear_down);
  g_test_add ("/dashboard/refunds", Fixture, NULL, fixture_set_up, test_refunds, fixture_tear_down);
  g_test_add ("/dashboard/subcategories", Fixture, NULL, fixture_set_up, test_subcategories, fixture_tear_down);
  g_test_add ("/dashboard/budgets", Fixture, NULL, fixture_set_up, test_budgets, fixture_tear_down);
  g_test_add ("/dashboard/large-text", Fixture, NULL, fixture_set_up, test_large_text, fixture_tear_down);
  g_test_add ("/dashboard/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/dashboard/converted", Fixture, NULL, fixture_set_up, test_converted, fixture_tear_down);
  g_test_add ("/dashboard/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/dashboard/empty-database", Fixture, "empty", fixture_set_up, test_empty_database, fixture_tear_down);
  g_test_add ("/dashboard/nothing-this-period", Fixture, "empty", fixture_set_up, test_nothing_this_period,
              fixture_tear_down);

  return g_test_run ();
}
