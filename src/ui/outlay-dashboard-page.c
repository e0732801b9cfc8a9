/* outlay-dashboard-page.c
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

/* The dashboard: what was spent in a period against the period before,
 * budgets, recurring expenses to come, spending by category, the last
 * twelve months and the latest expenses.
 *
 * Every figure comes from the store's aggregates, which read the per-day
 * summary and so stay fast at any number of expenses: a change recomputes
 * the whole page at once, once per main-loop iteration however many
 * changes arrived in it. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-budgets-group.h"
#include "outlay-category-chart.h"
#include "outlay-category-icon.h"
#include "outlay-category-legend.h"
#include "outlay-converted-view.h"
#include "outlay-dashboard-page.h"
#include "outlay-expense-model.h"
#include "outlay-fit-bin.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-reader.h"
#include "outlay-trend-chart.h"
#include "outlay-upcoming-group.h"

#define N_RECENT 5
#define N_TREND_MONTHS 12

typedef struct
{
  GtkListBoxRow *row;
  GtkWidget     *badge;
  GtkLabel      *amount;
} RecentRow;

struct _OutlayDashboardPage
{
  AdwBin parent_instance;

  OutlayRepository   *repository;
  OutlayExpenseModel *recent_model;
  char               *currency;
  OutlayPeriod        period;

  guint      refresh_id;
  guint      shown_day; /* the Julian day of the last refresh */
  char      *from;      /* the range shown, NULL for all time */
  char      *to;
  OutlayCategoryLegend *legend;
  OutlayReader *reader;
  GCancellable *convert_cancellable;
  char         *converted_key; /* the period and currency the converted total is of */
  GArray    *recent_rows;     /* RecentRow, borrowed */
  GPtrArray *recent_expenses; /* OutlayExpense, one per recent row */

  /* Template widgets. The stack, the bin's child, is not bound: dispose
   * would unparent it behind AdwBin's back. */
  GtkLabel            *range_label;
  GtkDropDown         *period_dropdown;
  GtkLabel            *total_label;
  GtkWidget           *converted_view;
  GtkWidget           *comparison_box;
  GtkImage            *comparison_icon;
  GtkLabel            *comparison_label;
  GtkLabel            *average_label;
  GtkLabel            *count_label;
  GtkStack            *category_stack;
  OutlayCategoryChart *category_chart;
  GtkListBox          *legend_list;
  OutlayBudgetsGroup *budgets_group;
  OutlayUpcomingGroup *upcoming_group;
  GtkLabel            *category_empty_label;
  OutlayTrendChart    *trend_chart;
  GtkLabel            *trend_average_label;
  GtkListBox          *recent_list;
  GtkButton           *show_all_button;
};

enum
{
  PROP_0,
  PROP_REPOSITORY,
  PROP_CURRENCY,
  PROP_PERIOD,
  N_PROPS
};

enum
{
  CATEGORY_ACTIVATED,
  BUDGET_ACTIVATED,
  EXPENSE_ACTIVATED,
  SHOW_ALL,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayDashboardPage, outlay_dashboard_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* How a period compares with the one before, in whole sentences so that
 * translators can build each their own way. A %NULL @percentage means the
 * period before had no spending, so there is no percentage to give. */
static char *
describe_more (OutlayPeriod period,
               const char  *percentage,
               const char  *amount)
{
  switch (period)
    {
    case OUTLAY_PERIOD_THIS_MONTH:
      if (percentage == NULL)
        /* Translators: e.g. "€34.10 more than this time last month" */
        return g_strdup_printf (_("%s more than this time last month"), amount);
      /* Translators: e.g. "12% (€34.10) more than this time last month" */
      return g_strdup_printf (_("%s (%s) more than this time last month"), percentage, amount);

    case OUTLAY_PERIOD_LAST_MONTH:
      if (percentage == NULL)
        /* Translators: e.g. "€34.10 more than the month before" */
        return g_strdup_printf (_("%s more than the month before"), amount);
      /* Translators: e.g. "12% (€34.10) more than the month before" */
      return g_strdup_printf (_("%s (%s) more than the month before"), percentage, amount);

    case OUTLAY_PERIOD_THIS_YEAR:
      if (percentage == NULL)
        /* Translators: e.g. "€34.10 more than this time last year" */
        return g_strdup_printf (_("%s more than this time last year"), amount);
      /* Translators: e.g. "12% (€34.10) more than this time last year" */
      return g_strdup_printf (_("%s (%s) more than this time last year"), percentage, amount);

    case OUTLAY_PERIOD_LAST_12_MONTHS:
      if (percentage == NULL)
        /* Translators: e.g. "€34.10 more than the 12 months before" */
        return g_strdup_printf (_("%s more than the 12 months before"), amount);
      /* Translators: e.g. "12% (€34.10) more than the 12 months before" */
      return g_strdup_printf (_("%s (%s) more than the 12 months before"), percentage, amount);

    case OUTLAY_PERIOD_ALL_TIME:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
describe_less (OutlayPeriod period,
               const char  *percentage,
               const char  *amount)
{
  switch (period)
    {
    case OUTLAY_PERIOD_THIS_MONTH:
      /* Translators: e.g. "12% (€34.10) less than this time last month" */
      return g_strdup_printf (_("%s (%s) less than this time last month"), percentage, amount);

    case OUTLAY_PERIOD_LAST_MONTH:
      /* Translators: e.g. "12% (€34.10) less than the month before" */
      return g_strdup_printf (_("%s (%s) less than the month before"), percentage, amount);

    case OUTLAY_PERIOD_THIS_YEAR:
      /* Translators: e.g. "12% (€34.10) less than this time last year" */
      return g_strdup_printf (_("%s (%s) less than this time last year"), percentage, amount);

    case OUTLAY_PERIOD_LAST_12_MONTHS:
      /* Translators: e.g. "12% (€34.10) less than the 12 months before" */
      return g_strdup_printf (_("%s (%s) less than the 12 months before"), percentage, amount);

    case OUTLAY_PERIOD_ALL_TIME:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
describe_same (OutlayPeriod period)
{
  switch (period)
    {
    case OUTLAY_PERIOD_THIS_MONTH:
      return g_strdup (_("The same as this time last month"));

    case OUTLAY_PERIOD_LAST_MONTH:
      return g_strdup (_("The same as the month before"));

    case OUTLAY_PERIOD_THIS_YEAR:
      return g_strdup (_("The same as this time last year"));

    case OUTLAY_PERIOD_LAST_12_MONTHS:
      return g_strdup (_("The same as the 12 months before"));

    case OUTLAY_PERIOD_ALL_TIME:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
get_currency (OutlayDashboardPage *self)
{
  return self->currency != NULL ? self->currency : outlay_currency_for_locale ();
}

/* “1 – 25 November 2026”, “October 2026”, “1 January – 25 November 2026” */
static char *
format_range (const char *from,
              const char *to)
{
  g_autoptr (GDate) first = outlay_date_parse_iso (from);
  g_autoptr (GDate) last = outlay_date_parse_iso (to);
  g_autoptr (GDate) after_last = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (first == NULL || last == NULL)
    return g_strdup ("");

  if (g_date_compare (first, last) == 0)
    /* Translators: a single day, see strftime(3); e.g. "25 November 2026" */
    return outlay_format_date_with (first, _("%-d %B %Y"));

  after_last = g_date_copy (last);
  g_date_add_days (after_last, 1);
  if (g_date_get_day (first) == 1 && g_date_get_day (after_last) == 1 &&
      g_date_get_month (first) == g_date_get_month (last) &&
      g_date_get_year (first) == g_date_get_year (last))
    {
      g_autofree char *month = g_strndup (from, 7);

      return outlay_format_month (month);
    }

  if (g_date_get_year (first) == g_date_get_year (last))
    {
      if (g_date_get_month (first) == g_date_get_month (last))
        /* Translators: the first day of a range within one month, see
         * strftime(3); e.g. the "1" of "1 – 25 November 2026" */
        start = outlay_format_date_with (first, _("%-d"));
      else
        /* Translators: the first day of a range within one year, see
         * strftime(3); e.g. the "1 January" of "1 January – 25 November 2026" */
        start = outlay_format_date_with (first, _("%-d %B"));
      /* Translators: the last day of a range, see strftime(3); e.g. the
       * "25 November 2026" of "1 – 25 November 2026" */
      end = outlay_format_date_with (last, _("%-d %B %Y"));
    }
  else
    {
      /* Translators: a day of a range over several years, see
       * strftime(3); e.g. "3 Mar 2024" of "3 Mar 2024 – 25 Nov 2026" */
      start = outlay_format_date_with (first, _("%-d %b %Y"));
      end = outlay_format_date_with (last, _("%-d %b %Y"));
    }

  /* Translators: a range of days, e.g. "1 – 25 November 2026" */
  return g_strdup_printf (_("%s – %s"), start, end);
}

static void
warn_error (const GError *error)
{
  g_warning ("Could not compute the dashboard: %s", error->message);
}

static OutlayCategory *
lookup_category (OutlayDashboardPage *self,
                 gint64               id)
{
  OutlayCategory *category = outlay_repository_lookup_category (self->repository, id);

  return category != NULL ? category : outlay_repository_get_fallback_category (self->repository);
}

static void
set_comparison (OutlayDashboardPage *self,
                const char          *icon_name,
                const char          *text)
{
  gtk_widget_set_visible (self->comparison_box, text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->comparison_icon), icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (self->comparison_icon, icon_name);
  gtk_label_set_label (self->comparison_label, text != NULL ? text : "");
}

static void
refresh_comparison (OutlayDashboardPage *self,
                    gint64               total)
{
  const char      *currency = get_currency (self);
  g_autofree char *previous_from = NULL;
  g_autofree char *previous_to = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *percentage = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) today = g_date_new_julian (self->shown_day);
  OutlayTotal previous = { 0, 0 };
  gint64      difference;

  /* The range was computed for the day the page shows, so that is the
   * today a running period ends on. */
  if (!outlay_period_previous (self->from, self->to, today, &previous_from, &previous_to))
    {
      set_comparison (self, NULL, NULL);
      return;
    }

  if (!outlay_repository_get_total (self->repository, currency, previous_from, previous_to,
                                    &previous, &error))
    {
      warn_error (error);
      set_comparison (self, NULL, NULL);
      return;
    }

  difference = total - previous.total;
  amount = outlay_money_format (ABS (difference), currency);

  if (difference == 0)
    {
      text = describe_same (self->period);
      set_comparison (self, NULL, text);
      return;
    }

  /* A change against nothing, or against more refunded than spent, is no
   * percentage. */
  if (previous.total > 0)
    percentage = outlay_format_percent (ABS (difference), previous.total, FALSE);

  if (difference > 0)
    text = describe_more (self->period, percentage, amount);
  else
    text = describe_less (self->period, percentage, amount);

  set_comparison (self, difference > 0 ? "go-up-symbolic" : "go-down-symbolic", text);
}

typedef struct
{
  OutlayQuery *query;
  char        *currency;
} ConvertWork;

static void
convert_work_free (ConvertWork *work)
{
  outlay_query_free (work->query);
  g_free (work->currency);
  g_free (work);
}

static gpointer
convert_thread (OutlayRepository *repository,
                gpointer          data,
                GCancellable     *cancellable,
                GError          **error)
{
  ConvertWork *work = data;

  return outlay_repository_convert_total (repository, work->query, work->currency, error);
}

static void
converted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OutlayDashboardPage *self;
  OutlayConvertedTotal *converted;
  g_autoptr (GError) error = NULL;

  converted = outlay_reader_run_finish (OUTLAY_READER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_clear_object (&self->convert_cancellable);
  if (converted == NULL && !g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
    warn_error (error);
  outlay_converted_view_set_total (OUTLAY_CONVERTED_VIEW (self->converted_view), converted);
  g_clear_pointer (&converted, outlay_converted_total_free);
}

/* What the period comes to in the Dashboard's currency, when some of it
 * is in others: in the background, as its rows and the rates it reads
 * grow with the period (all time). What is shown stays until the new
 * figure comes, unless it was another period's. */
static void
refresh_converted (OutlayDashboardPage *self)
{
  g_autofree char *key = g_strdup_printf ("%s %s %s", self->from != NULL ? self->from : "",
                                          self->to != NULL ? self->to : "", get_currency (self));
  ConvertWork     *work;

  g_cancellable_cancel (self->convert_cancellable);
  g_clear_object (&self->convert_cancellable);
  if (g_strcmp0 (key, self->converted_key) != 0)
    {
      outlay_converted_view_set_total (OUTLAY_CONVERTED_VIEW (self->converted_view), NULL);
      g_free (self->converted_key);
      self->converted_key = g_steal_pointer (&key);
    }

  if (self->reader == NULL)
    self->reader = outlay_reader_new (self->repository);
  work = g_new0 (ConvertWork, 1);
  work->query = outlay_query_new ();
  outlay_query_set_date_range (work->query, self->from, self->to);
  work->currency = g_strdup (get_currency (self));
  self->convert_cancellable = g_cancellable_new ();
  outlay_reader_run_async (self->reader, convert_thread, work, (GDestroyNotify) convert_work_free,
                           (GDestroyNotify) outlay_converted_total_free, self->convert_cancellable, converted_cb,
                           self);
}

static void
refresh_hero (OutlayDashboardPage *self,
              gint64              *period_total)
{
  const char *currency = get_currency (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) first = NULL;
  g_autoptr (GDate) last = NULL;
  g_autofree char *range = NULL;
  g_autofree char *text = NULL;
  OutlayTotal      total = { 0, 0 };
  gint64           average = 0;
  int              days = 0;

  if (!outlay_repository_get_total (self->repository, currency, self->from, self->to, &total, &error))
    {
      warn_error (error);
      g_clear_error (&error);
    }
  *period_total = total.total;

  if (self->period == OUTLAY_PERIOD_ALL_TIME)
    {
      /* All time runs from the first expense to the last one, and has
       * nothing before it to compare with. */
      g_autoptr (GArray) by_day = outlay_repository_totals_by_day (self->repository, currency,
                                                                   NULL, NULL, &error);

      if (by_day == NULL)
        warn_error (error);
      else if (by_day->len > 0)
        {
          const char *first_day = g_array_index (by_day, OutlayPeriodTotal, 0).period;
          const char *last_day = g_array_index (by_day, OutlayPeriodTotal, by_day->len - 1).period;

          range = format_range (first_day, last_day);
          first = outlay_date_parse_iso (first_day);
          last = outlay_date_parse_iso (last_day);
        }
      set_comparison (self, NULL, NULL);
    }
  else
    {
      range = format_range (self->from, self->to);
      first = outlay_date_parse_iso (self->from);
      last = outlay_date_parse_iso (self->to);
      refresh_comparison (self, total.total);
    }

  gtk_label_set_label (self->range_label, range != NULL ? range : "");

  text = outlay_money_format_expense (total.total, currency);
  gtk_label_set_label (self->total_label, text);

  if (first != NULL && last != NULL)
    days = g_date_days_between (first, last) + 1;
  if (days > 0)
    average = (total.total + (total.total >= 0 ? days / 2 : -days / 2)) / days;
  g_clear_pointer (&text, g_free);
  text = outlay_money_format_expense (average, currency);
  gtk_label_set_label (self->average_label, text);

  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("%'u", total.count);
  gtk_label_set_label (self->count_label, text);

  refresh_converted (self);
}

static void
refresh_categories (OutlayDashboardPage *self,
                    gint64               period_total)
{
  const char *currency = get_currency (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) totals = NULL;
  g_autoptr (GArray) rolled = NULL;
  g_autoptr (GArray) segments = NULL;
  g_autofree char *total_text = NULL;

  totals = outlay_repository_totals_by_category (self->repository, currency, self->from, self->to, &error);
  if (totals == NULL)
    {
      warn_error (error);
      totals = g_array_new (FALSE, FALSE, sizeof (OutlayCategoryTotal));
    }

  if (totals->len == 0)
    {
      /* Translators: in place of the chart when a period has no spending */
      gtk_label_set_label (self->category_empty_label, _("Nothing spent in this period"));
      gtk_stack_set_visible_child_name (self->category_stack, "empty");
      outlay_category_chart_set_segments (self->category_chart, NULL, 0, currency);
      outlay_category_legend_update (self->legend, self->repository, totals, currency);
      return;
    }

  /* The ring shows the categories at the top, each with the ones under it;
   * the legend opens into those. */
  rolled = outlay_repository_roll_up_category_totals (self->repository, totals);
  segments = g_array_sized_new (FALSE, FALSE, sizeof (OutlayChartSegment), rolled->len);
  for (guint i = 0; i < rolled->len; i++)
    {
      const OutlayCategoryTotal *total = &g_array_index (rolled, OutlayCategoryTotal, i);
      OutlayCategory            *category = lookup_category (self, total->category_id);
      OutlayChartSegment         segment;

      segment.name = category != NULL ? outlay_category_get_name (category) : _("Unknown");
      segment.value = total->total;
      segment.color = category != NULL ? outlay_category_get_color (category) : NULL;

      g_array_append_val (segments, segment);
    }
  outlay_category_chart_set_segments (self->category_chart,
                                      (const OutlayChartSegment *) (gpointer) segments->data,
                                      segments->len, currency);
  total_text = outlay_money_format_expense (period_total, currency);
  outlay_category_chart_set_center (self->category_chart, total_text,
                                    outlay_period_get_label (self->period));
  outlay_category_legend_update (self->legend, self->repository, totals, currency);

  gtk_stack_set_visible_child_name (self->category_stack, "chart");
}

static void
refresh_trend (OutlayDashboardPage *self,
               const GDate         *today)
{
  const char *currency = get_currency (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) months = NULL;
  g_autoptr (GDate) first = g_date_copy (today);
  g_autofree char *from = NULL;
  g_autofree char *to = outlay_date_format_iso (today);
  g_autofree char *this_month = g_strndup (to, 7);
  g_autofree char *average = NULL;
  g_autofree char *text = NULL;
  gint64           sum = 0;

  g_date_set_day (first, 1);
  g_date_subtract_months (first, N_TREND_MONTHS - 1);
  from = outlay_date_format_iso (first);

  months = outlay_repository_totals_by_month (self->repository, currency, from, to, &error);
  if (months == NULL)
    {
      warn_error (error);
      months = g_array_new (FALSE, FALSE, sizeof (OutlayPeriodTotal));
    }

  outlay_trend_chart_set_months (self->trend_chart,
                                 (const OutlayPeriodTotal *) (gpointer) months->data, months->len,
                                 currency, this_month);

  for (guint i = 0; i < months->len; i++)
    sum += g_array_index (months, OutlayPeriodTotal, i).total;
  average = outlay_money_format_expense (months->len > 0 ? (sum + months->len / 2) / (gint64) months->len : 0,
                                         currency);
  /* Translators: the average spending of the last twelve months, e.g. "€812.30 a month on average" */
  text = g_strdup_printf (_("%s a month on average"), average);
  gtk_label_set_label (self->trend_average_label, text);
}

static RecentRow *
get_recent_row (OutlayDashboardPage *self,
                guint                index)
{
  RecentRow row;

  if (index < self->recent_rows->len)
    return &g_array_index (self->recent_rows, RecentRow, index);

  row.row = GTK_LIST_BOX_ROW (adw_action_row_new ());
  gtk_list_box_row_set_activatable (row.row, TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row.row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row.row), 1);

  row.badge = outlay_category_icon_new ();
  outlay_category_icon_set_size (OUTLAY_CATEGORY_ICON (row.badge), 32);
  gtk_widget_set_valign (row.badge, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row.row), row.badge);

  row.amount = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (row.amount), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row.amount), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (row.amount), "dashboard-recent-amount");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row.row), GTK_WIDGET (row.amount));

  gtk_list_box_append (self->recent_list, GTK_WIDGET (row.row));
  g_array_append_val (self->recent_rows, row);

  return &g_array_index (self->recent_rows, RecentRow, index);
}

static void
refresh_recent (OutlayDashboardPage *self,
                const GDate         *today)
{
  guint n = MIN (N_RECENT, g_list_model_get_n_items (G_LIST_MODEL (self->recent_model)));

  g_ptr_array_set_size (self->recent_expenses, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayExpense) expense = g_list_model_get_item (G_LIST_MODEL (self->recent_model), i);
      OutlayCategory  *category;
      RecentRow       *row;
      const char      *description;
      g_autofree char *day = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *spoken = NULL;

      /* Its page could not be read just now (another program holds the
       * ledger): the rows before it show, and the next change reads again. */
      if (expense == NULL)
        {
          n = i;
          break;
        }
      category = lookup_category (self, outlay_expense_get_category_id (expense));
      row = get_recent_row (self, i);
      description = outlay_expense_get_description (expense);
      day = outlay_format_day_heading (outlay_expense_get_occurred_on (expense), today);
      amount = outlay_money_format_expense (outlay_expense_get_amount (expense), outlay_expense_get_currency (expense));

      if (description == NULL || *description == '\0')
        description = category != NULL ? outlay_category_get_name (category) : "";

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), description);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), day);
      outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (row->badge), category);
      gtk_label_set_label (row->amount, amount != NULL ? amount : "");
      if (outlay_expense_get_amount (expense) < 0)
        gtk_widget_add_css_class (GTK_WIDGET (row->amount), "success");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row->amount), "success");
      /* Read as the list on the Expenses page reads, not by its title alone. */
      spoken = outlay_format_expense_spoken (expense, category, today);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                      -1);
      /* The row names itself by its title too: the label says it all. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      g_ptr_array_add (self->recent_expenses, g_steal_pointer (&expense));
    }

  while (self->recent_rows->len > n)
    {
      RecentRow *row = &g_array_index (self->recent_rows, RecentRow, self->recent_rows->len - 1);

      gtk_list_box_remove (self->recent_list, GTK_WIDGET (row->row));
      g_array_set_size (self->recent_rows, self->recent_rows->len - 1);
    }
}

static void
refresh (OutlayDashboardPage *self)
{
  g_autoptr (GDate) today = NULL;
  gint64 period_total = 0;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->repository == NULL)
    return;

  today = outlay_date_new_today ();
  self->shown_day = g_date_get_julian (today);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->recent_model)) == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), "empty");
      g_ptr_array_set_size (self->recent_expenses, 0);
      return;
    }

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  outlay_period_get_range (self->period, today, &self->from, &self->to);

  refresh_hero (self, &period_total);
  outlay_budgets_group_refresh (self->budgets_group, today);
  outlay_upcoming_group_refresh (self->upcoming_group, today);
  refresh_categories (self, period_total);
  refresh_trend (self, today);
  refresh_recent (self, today);

  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), "dashboard");
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  OutlayDashboardPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Several changes in one main-loop iteration (an import, an undo of many)
 * refresh once, before the next frame is drawn. */
static void
queue_refresh (OutlayDashboardPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
on_expenses_changed_cb (OutlayDashboardPage *self,
                        OutlayExpenseChange *change,
                        OutlayRepository    *repository)
{
  queue_refresh (self);
}

static void
on_categories_changed_cb (OutlayDashboardPage *self,
                          OutlayRepository    *repository)
{
  queue_refresh (self);
}

static void
on_budgets_changed_cb (OutlayDashboardPage *self,
                       OutlayRepository    *repository)
{
  queue_refresh (self);
}

/* A budget shows its expenses of its period, as a legend row does. */
static void
on_budget_activated_cb (OutlayDashboardPage *self,
                        OutlayBudget        *budget,
                        const char          *from,
                        const char          *to)
{
  g_signal_emit (self, signals[BUDGET_ACTIVATED], 0, budget, from, to);
}

static void
on_period_selected_cb (OutlayDashboardPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (selected < OUTLAY_N_PERIODS)
    outlay_dashboard_page_set_period (self, outlay_period_to_string ((OutlayPeriod) selected));
}

static void
on_legend_row_activated_cb (OutlayDashboardPage *self,
                            GtkListBoxRow       *row)
{
  gboolean own = FALSE;
  gint64   category_id = outlay_category_legend_get_category (self->legend, row, &own);

  if (category_id == 0)
    return;

  g_signal_emit (self, signals[CATEGORY_ACTIVATED], 0, category_id, own, self->from, self->to);
}

static void
on_recent_row_activated_cb (OutlayDashboardPage *self,
                            GtkListBoxRow       *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= self->recent_expenses->len)
    return;

  g_signal_emit (self, signals[EXPENSE_ACTIVATED], 0, g_ptr_array_index (self->recent_expenses, index));
}

static void
on_show_all_clicked_cb (OutlayDashboardPage *self)
{
  g_signal_emit (self, signals[SHOW_ALL], 0);
}

static void
outlay_dashboard_page_map (GtkWidget *widget)
{
  OutlayDashboardPage *self = OUTLAY_DASHBOARD_PAGE (widget);
  g_autoptr (GDate) today = outlay_date_new_today ();

  GTK_WIDGET_CLASS (outlay_dashboard_page_parent_class)->map (widget);

  /* “This month” moves on at midnight; catch up when shown again. */
  if (g_date_get_julian (today) != self->shown_day)
    refresh (self);
}

static void
outlay_dashboard_page_constructed (GObject *object)
{
  OutlayDashboardPage *self = OUTLAY_DASHBOARD_PAGE (object);

  G_OBJECT_CLASS (outlay_dashboard_page_parent_class)->constructed (object);

  g_return_if_fail (OUTLAY_IS_REPOSITORY (self->repository));

  /* The default query: every expense, newest first. */
  self->recent_model = outlay_expense_model_new (self->repository);

  g_signal_connect_object (self->repository, "expenses-changed",
                           G_CALLBACK (on_expenses_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repository, "categories-changed",
                           G_CALLBACK (on_categories_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repository, "budgets-changed",
                           G_CALLBACK (on_budgets_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repository, "rates-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  outlay_budgets_group_set_repository (self->budgets_group, self->repository);
  outlay_upcoming_group_set_repository (self->upcoming_group, self->repository);

  refresh (self);
}

static void
outlay_dashboard_page_dispose (GObject *object)
{
  OutlayDashboardPage *self = OUTLAY_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->convert_cancellable);
  g_clear_object (&self->convert_cancellable);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->converted_key, g_free);
  g_clear_pointer (&self->legend, outlay_category_legend_free);
  /* AdwBin keeps its own pointer to the template's root. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_DASHBOARD_PAGE);

  if (self->recent_rows != NULL)
    g_array_set_size (self->recent_rows, 0);
  if (self->recent_expenses != NULL)
    g_ptr_array_set_size (self->recent_expenses, 0);
  g_clear_object (&self->recent_model);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_dashboard_page_parent_class)->dispose (object);
}

static void
outlay_dashboard_page_finalize (GObject *object)
{
  OutlayDashboardPage *self = OUTLAY_DASHBOARD_PAGE (object);

  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->recent_rows, g_array_unref);
  g_clear_pointer (&self->recent_expenses, g_ptr_array_unref);

  G_OBJECT_CLASS (outlay_dashboard_page_parent_class)->finalize (object);
}

static void
outlay_dashboard_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OutlayDashboardPage *self = OUTLAY_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, outlay_dashboard_page_get_currency (self));
      break;

    case PROP_PERIOD:
      g_value_set_string (value, outlay_dashboard_page_get_period (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_dashboard_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OutlayDashboardPage *self = OUTLAY_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;

    case PROP_CURRENCY:
      outlay_dashboard_page_set_currency (self, g_value_get_string (value));
      break;

    case PROP_PERIOD:
      outlay_dashboard_page_set_period (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_dashboard_page_class_init (OutlayDashboardPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = outlay_dashboard_page_constructed;
  object_class->dispose = outlay_dashboard_page_dispose;
  object_class->finalize = outlay_dashboard_page_finalize;
  object_class->get_property = outlay_dashboard_page_get_property;
  object_class->set_property = outlay_dashboard_page_set_property;

  widget_class->map = outlay_dashboard_page_map;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         OUTLAY_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayDashboardPage:currency:
   *
   * The ISO 4217 code of the currency the totals are in. Setting %NULL or
   * "" picks the currency of the locale.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayDashboardPage:period:
   *
   * The period shown, one of the ids of outlay_period_to_string(), such
   * as "this-month".
   */
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL,
                         "this-month",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayDashboardPage::category-activated:
   * @category_id: the category of the activated legend row
   * @own: whether the row is of its own expenses only, outside its
   *   subcategories
   * @from: (nullable): the first day of the period shown, %NULL for all time
   * @to: (nullable): its last day, %NULL for all time
   */
  signals[CATEGORY_ACTIVATED] =
    g_signal_new ("category-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4,
                  G_TYPE_INT64,
                  G_TYPE_BOOLEAN,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * OutlayDashboardPage::budget-activated:
   * @budget: the budget activated
   * @from: the first day of its period
   * @to: its last day
   */
  signals[BUDGET_ACTIVATED] =
    g_signal_new ("budget-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, OUTLAY_TYPE_BUDGET, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * OutlayDashboardPage::expense-activated:
   * @expense: the activated recent expense
   */
  signals[EXPENSE_ACTIVATED] =
    g_signal_new ("expense-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, OUTLAY_TYPE_EXPENSE);

  /**
   * OutlayDashboardPage::show-all:
   *
   * The person asked for the list of every expense.
   */
  signals[SHOW_ALL] =
    g_signal_new ("show-all",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (OUTLAY_TYPE_BUDGETS_GROUP);
  g_type_ensure (OUTLAY_TYPE_CATEGORY_CHART);
  g_type_ensure (OUTLAY_TYPE_FIT_BIN);
  g_type_ensure (OUTLAY_TYPE_TREND_CHART);
  g_type_ensure (OUTLAY_TYPE_UPCOMING_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/outlay-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, comparison_icon);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, comparison_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, average_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, category_stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, category_chart);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, legend_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, category_empty_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, trend_average_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_period_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_legend_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_budget_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, budgets_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, upcoming_group);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "dashboardpage");
}

static void
outlay_dashboard_page_init (OutlayDashboardPage *self)
{
  g_autoptr (GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr (GtkExpression) expression = NULL;

  self->period = OUTLAY_PERIOD_THIS_MONTH;
  self->recent_rows = g_array_new (FALSE, FALSE, sizeof (RecentRow));
  self->recent_expenses = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Under the comparison, in the card of the period's total. */
  self->converted_view = outlay_converted_view_new ();
  gtk_widget_set_margin_top (self->converted_view, 6);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->comparison_box)), self->converted_view,
                              self->comparison_box);
  self->legend = outlay_category_legend_new (self->legend_list);

  for (guint i = 0; i < OUTLAY_N_PERIODS; i++)
    gtk_string_list_append (periods, outlay_period_get_label ((OutlayPeriod) i));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->period_dropdown, expression);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  gtk_drop_down_set_selected (self->period_dropdown, self->period);
}

/**
 * outlay_dashboard_page_new:
 * @repository: the expenses to sum up
 * @currency: (nullable): the ISO 4217 code of the currency of the totals,
 *   %NULL for the locale's
 */
GtkWidget *
outlay_dashboard_page_new (OutlayRepository *repository,
                           const char       *currency)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);

  return g_object_new (OUTLAY_TYPE_DASHBOARD_PAGE,
                       "repository", repository,
                       "currency", currency,
                       NULL);
}

OutlayRepository *
outlay_dashboard_page_get_repository (OutlayDashboardPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_DASHBOARD_PAGE (self), NULL);

  return self->repository;
}

/**
 * outlay_dashboard_page_refresh:
 *
 * Computes the page anew soon, as after a change: a new day moves “this
 * month” on, and what is to come.
 */
void
outlay_dashboard_page_refresh (OutlayDashboardPage *self)
{
  g_return_if_fail (OUTLAY_IS_DASHBOARD_PAGE (self));

  queue_refresh (self);
}

/**
 * outlay_dashboard_page_get_currency:
 *
 * Returns: the ISO 4217 code of the currency the totals are in
 */
const char *
outlay_dashboard_page_get_currency (OutlayDashboardPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_DASHBOARD_PAGE (self), NULL);

  return get_currency (self);
}

/**
 * outlay_dashboard_page_set_currency:
 * @currency: (nullable): an ISO 4217 code, or %NULL or "" for the locale's
 */
void
outlay_dashboard_page_set_currency (OutlayDashboardPage *self,
                                    const char          *currency)
{
  g_return_if_fail (OUTLAY_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (currency == NULL || *currency == '\0' || outlay_currency_is_valid (currency));

  if (currency != NULL && *currency == '\0')
    currency = NULL;

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

/**
 * outlay_dashboard_page_get_period:
 *
 * Returns: the id of the period shown, such as "this-month"
 */
const char *
outlay_dashboard_page_get_period (OutlayDashboardPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_DASHBOARD_PAGE (self), NULL);

  return outlay_period_to_string (self->period);
}

/**
 * outlay_dashboard_page_set_period:
 * @period: an id of outlay_period_to_string(), such as "all-time"
 */
void
outlay_dashboard_page_set_period (OutlayDashboardPage *self,
                                  const char          *period)
{
  OutlayPeriod value;

  g_return_if_fail (OUTLAY_IS_DASHBOARD_PAGE (self));

  if (!outlay_period_from_string (period, &value))
    {
      g_critical ("Unknown dashboard period “%s”", period != NULL ? period : "(null)");
      return;
    }

  if (self->period == value)
    return;

  self->period = value;
  gtk_drop_down_set_selected (self->period_dropdown, value);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/**
 * outlay_dashboard_page_get_converted_view:
 *
 * Returns: (transfer none): what the period comes to in its currency
 */
GtkWidget *
outlay_dashboard_page_get_converted_view (OutlayDashboardPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_DASHBOARD_PAGE (self), NULL);

  return self->converted_view;
}
