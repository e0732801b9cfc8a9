/* outlay-report-data.c
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

/* What a report of a month or a year shows, read through the repository's
 * aggregates, the budgets' statuses, the recurring rules and a query for
 * the largest expenses: the same APIs the Dashboard reads, no SQL of its
 * own. Everything is copied into plain values, so the window can gather
 * the figures in a worker (OutlayReader) and draw them on the main thread;
 * the command line gathers and draws in one go. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-format.h"
#include "outlay-period.h"
#include "outlay-recurrence.h"
#include "outlay-report-data.h"

static void
category_clear (gpointer data)
{
  OutlayReportCategory *category = data;

  g_free (category->name);
  g_free (category->color);
}

static void
budget_clear (gpointer data)
{
  OutlayReportBudget *budget = data;

  g_free (budget->name);
  g_free (budget->currency);
}

static void
expense_clear (gpointer data)
{
  OutlayReportExpense *expense = data;

  g_free (expense->date);
  g_free (expense->description);
  g_free (expense->category);
  g_free (expense->color);
  g_free (expense->currency);
}

static void
recurring_clear (gpointer data)
{
  OutlayReportRecurring *recurring = data;

  g_free (recurring->description);
  g_free (recurring->repeats);
  g_free (recurring->category);
  g_free (recurring->color);
  g_free (recurring->currency);
}

static GArray *
new_array (gsize          size,
           GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, size);

  g_array_set_clear_func (array, clear);
  return array;
}

/**
 * outlay_report_period_parse:
 * @period: `YYYY-MM` for a month, `YYYY` for a year
 * @from: (out): its first day
 * @to: (out): its last day
 *
 * Returns: whether @period names a month or a year of the calendar
 */
gboolean
outlay_report_period_parse (OutlayReportSpan span,
                            const char      *period,
                            char           **from,
                            char           **to)
{
  g_autofree char *first_text = NULL;
  g_autoptr (GDate) first = NULL;
  g_autoptr (GDate) last = NULL;
  gsize length = span == OUTLAY_REPORT_MONTH ? 7 : 4;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (period == NULL || strlen (period) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!(i == 4 ? period[i] == '-' : g_ascii_isdigit (period[i])))
      return FALSE;

  first_text = g_strconcat (period, span == OUTLAY_REPORT_MONTH ? "-01" : "-01-01", NULL);
  first = outlay_date_parse_iso (first_text);
  if (first == NULL)
    return FALSE;

  last = g_date_copy (first);
  if (span == OUTLAY_REPORT_MONTH)
    g_date_add_months (last, 1);
  else
    g_date_add_years (last, 1);
  g_date_subtract_days (last, 1);

  *from = outlay_date_format_iso (first);
  *to = outlay_date_format_iso (last);
  return TRUE;
}

static void
copy_category (OutlayRepository *repository,
               gint64            id,
               char            **name,
               char            **color)
{
  OutlayCategory *category = outlay_repository_lookup_category (repository, id);

  if (category == NULL)
    category = outlay_repository_get_fallback_category (repository);
  *name = g_strdup (category != NULL ? outlay_category_get_name (category) : _("Unknown"));
  *color = g_strdup (category != NULL ? outlay_category_get_color (category) : NULL);
}

static gboolean
gather_categories (OutlayRepository *repository,
                   OutlayReportData *data,
                   GError          **error)
{
  g_autoptr (GArray) totals = NULL;
  g_autoptr (GArray) rolled = NULL;

  totals = outlay_repository_totals_by_category (repository, data->currency, data->from, data->through, error);
  if (totals == NULL)
    return FALSE;

  /* The ring shows the categories at the top, each with the ones under
   * it, as on the Dashboard. */
  rolled = outlay_repository_roll_up_category_totals (repository, totals);
  for (guint i = 0; i < rolled->len; i++)
    {
      const OutlayCategoryTotal *total = &g_array_index (rolled, OutlayCategoryTotal, i);
      OutlayReportCategory       category = { NULL };

      copy_category (repository, total->category_id, &category.name, &category.color);
      category.total = total->total;
      category.count = total->count;
      g_array_append_val (data->categories, category);
    }

  return TRUE;
}

static gboolean
gather_months (OutlayRepository *repository,
               OutlayReportData *data,
               GError          **error)
{
  g_autoptr (GDate) last = outlay_date_parse_iso (data->to);
  g_autoptr (GDate) first = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = outlay_date_format_iso (last);
  g_autoptr (GArray) months = NULL;
  guint next = 0;

  first = g_date_copy (last);
  g_date_set_day (first, 1);
  g_date_subtract_months (first, OUTLAY_REPORT_N_MONTHS - 1);
  from = outlay_date_format_iso (first);

  months = outlay_repository_totals_by_month (repository, data->currency, from, to, error);
  if (months == NULL)
    return FALSE;

  /* Every one of the twelve months gets its bar, spent in or not. */
  for (guint i = 0; i < OUTLAY_REPORT_N_MONTHS; i++)
    {
      OutlayPeriodTotal month = { { 0 } };

      g_snprintf (month.period, sizeof month.period, "%04u-%02u", g_date_get_year (first), g_date_get_month (first));
      if (next < months->len && strcmp (g_array_index (months, OutlayPeriodTotal, next).period, month.period) == 0)
        month = g_array_index (months, OutlayPeriodTotal, next++);
      g_array_append_val (data->months, month);
      g_date_add_months (first, 1);
    }
  data->highlight = g_strndup (data->through, 7);

  return TRUE;
}

static gboolean
gather_budgets (OutlayRepository *repository,
                OutlayReportData *data,
                GError          **error)
{
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GArray) statuses = NULL;
  g_autoptr (GDate) day = outlay_date_parse_iso (data->through);

  budgets = outlay_repository_list_budgets (repository, FALSE, error);
  if (budgets == NULL)
    return FALSE;
  if (budgets->len == 0)
    return TRUE;

  /* Each budget in its period that holds the report's last day. */
  statuses = outlay_repository_get_budget_statuses (repository, budgets, day, error);
  if (statuses == NULL)
    return FALSE;

  for (guint i = 0; i < budgets->len && i < statuses->len; i++)
    {
      OutlayBudget             *budget = g_ptr_array_index (budgets, i);
      const OutlayBudgetStatus *status = &g_array_index (statuses, OutlayBudgetStatus, i);
      OutlayReportBudget        row = { NULL };

      row.name = g_strdup (outlay_budget_get_name (budget));
      row.currency = g_strdup (outlay_budget_get_currency (budget));
      memcpy (row.period_start, status->period_start, sizeof row.period_start);
      memcpy (row.period_end, status->period_end, sizeof row.period_end);
      row.available = status->available;
      row.spent = status->spent;
      row.state = status->state;
      g_array_append_val (data->budgets, row);
    }

  return TRUE;
}

static gboolean
gather_largest (OutlayRepository *repository,
                OutlayReportData *data,
                GError          **error)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) expenses = NULL;

  outlay_query_set_date_range (query, data->from, data->through);
  outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, TRUE);
  expenses = outlay_repository_find_expenses (repository, query, 0, OUTLAY_REPORT_N_LARGEST, error);
  if (expenses == NULL)
    return FALSE;

  for (guint i = 0; i < expenses->len; i++)
    {
      OutlayExpense      *expense = g_ptr_array_index (expenses, i);
      OutlayReportExpense row = { NULL };

      /* Refunds are no expense to list among the largest. */
      if (outlay_expense_get_amount (expense) <= 0)
        continue;
      row.date = g_strdup (outlay_expense_get_occurred_on (expense));
      row.description = g_strdup (outlay_expense_get_description (expense));
      copy_category (repository, outlay_expense_get_category_id (expense), &row.category, &row.color);
      row.amount = outlay_expense_get_amount (expense);
      row.currency = g_strdup (outlay_expense_get_currency (expense));
      g_array_append_val (data->largest, row);
    }

  return TRUE;
}

static gboolean
gather_recurring (OutlayRepository *repository,
                  OutlayReportData *data,
                  GError          **error)
{
  g_autoptr (GPtrArray) rules = outlay_repository_list_recurring_rules (repository, error);

  if (rules == NULL)
    return FALSE;

  for (guint i = 0; i < rules->len; i++)
    {
      OutlayRecurringRule  *rule = g_ptr_array_index (rules, i);
      OutlayCategory       *category;
      OutlayReportRecurring row = { NULL };
      g_autofree char      *repeats = NULL;

      if (outlay_recurring_rule_get_deleted_at (rule) != NULL || outlay_recurring_rule_get_paused_at (rule) != NULL)
        continue;

      row.description = g_strdup (outlay_recurring_rule_get_description (rule));
      repeats = outlay_recurrence_describe (outlay_recurring_rule_get_recurrence (rule));
      row.repeats = outlay_format_sentence (repeats);
      category = outlay_repository_lookup_category_by_uuid (repository, outlay_recurring_rule_get_category_uuid (rule));
      if (category == NULL)
        category = outlay_repository_get_fallback_category (repository);
      row.category = g_strdup (category != NULL ? outlay_category_get_name (category) : _("Unknown"));
      row.color = g_strdup (category != NULL ? outlay_category_get_color (category) : NULL);
      row.amount = outlay_recurring_rule_get_amount (rule);
      row.currency = g_strdup (outlay_recurring_rule_get_currency (rule));
      g_array_append_val (data->recurring, row);
    }

  return TRUE;
}

/**
 * outlay_report_data_gather:
 * @repository: the ledger; in the window, a worker's own read connection
 * @period: `YYYY-MM` or `YYYY`, as @span says
 * @currency: the currency the totals add up
 * @today: the day the report is made, which a running period ends on
 *
 * Reads what a report of @period shows. Its cost grows with the ledger
 * (the largest expenses of a year, the budgets' carry), so the window
 * calls it in a worker.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
OutlayReportData *
outlay_report_data_gather (OutlayRepository *repository,
                           OutlayReportSpan  span,
                           const char       *period,
                           const char       *currency,
                           const GDate      *today,
                           GError          **error)
{
  g_autoptr (OutlayReportData) data = NULL;
  g_autofree char *today_text = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (currency != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  data = g_new0 (OutlayReportData, 1);
  data->categories = new_array (sizeof (OutlayReportCategory), category_clear);
  data->months = g_array_new (FALSE, TRUE, sizeof (OutlayPeriodTotal));
  data->budgets = new_array (sizeof (OutlayReportBudget), budget_clear);
  data->largest = new_array (sizeof (OutlayReportExpense), expense_clear);
  data->recurring = new_array (sizeof (OutlayReportRecurring), recurring_clear);

  if (!outlay_report_period_parse (span, period, &data->from, &data->to))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
                   span == OUTLAY_REPORT_MONTH ? _("“%s” is no month: give it as YYYY-MM, such as 2026-03.")
                                               : _("“%s” is no year: give it as YYYY, such as 2026."),
                   period != NULL ? period : "");
      return NULL;
    }

  data->span = span;
  data->period = g_strdup (period);
  data->currency = g_strdup (currency);
  today_text = outlay_date_format_iso (today);
  data->made_on = g_strdup (today_text);
  /* A period still running counts up to today, and compares with the
   * same days before, as the Dashboard does. */
  if (strcmp (data->from, today_text) <= 0 && strcmp (today_text, data->to) < 0)
    data->through = g_strdup (today_text);
  else
    data->through = g_strdup (data->to);

  if (!outlay_repository_get_total (repository, currency, data->from, data->through, &data->total, error))
    return NULL;
  if (outlay_period_previous (data->from, data->through, today, &data->previous_from, &data->previous_to) &&
      !outlay_repository_get_total (repository, currency, data->previous_from, data->previous_to, &data->previous,
                                    error))
    return NULL;

  if (!gather_categories (repository, data, error) ||
      !gather_months (repository, data, error) ||
      !gather_budgets (repository, data, error) ||
      !gather_largest (repository, data, error) ||
      !gather_recurring (repository, data, error))
    return NULL;

  return g_steal_pointer (&data);
}

void
outlay_report_data_free (OutlayReportData *data)
{
  if (data == NULL)
    return;

  g_free (data->period);
  g_free (data->from);
  g_free (data->to);
  g_free (data->through);
  g_free (data->made_on);
  g_free (data->currency);
  g_free (data->previous_from);
  g_free (data->previous_to);
  g_free (data->highlight);
  g_clear_pointer (&data->categories, g_array_unref);
  g_clear_pointer (&data->months, g_array_unref);
  g_clear_pointer (&data->budgets, g_array_unref);
  g_clear_pointer (&data->largest, g_array_unref);
  g_clear_pointer (&data->recurring, g_array_unref);
  g_free (data);
}
