/* outlay-repository-budget-rates.c: what budgets spent in other currencies
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

#include <glib/gi18n-lib.h>

#include "outlay-repository-private.h"

/**
 * outlay_repository_read_budget_charges:
 * @from: the first day
 * @until: the last day
 *
 * The expenses from @from to @until whose card charge is known, by day,
 * category and currencies: a partial index holds only those.
 *
 * Returns: (transfer full) (element-type OutlayBudgetCharge): the charges,
 *   in the order of their days, or %NULL with @error set
 */
GArray *
outlay_repository_read_budget_charges (OutlayRepository *self,
                                       const char       *from,
                                       const char       *until,
                                       GError          **error)
{
  g_autoptr (GArray) charges = g_array_new (FALSE, TRUE, sizeof (OutlayBudgetCharge));
  sqlite3_stmt *stmt;
  int           rc;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "SELECT occurred_on, category_id, currency, charged_currency, sum(amount), "
                                        "sum(charged_amount), count(*) FROM expenses INDEXED BY expenses_charged "
                                        "WHERE charged_amount IS NOT NULL AND deleted_at IS NULL "
                                        "AND occurred_on >= ? AND occurred_on <= ? GROUP BY 1, 2, 3, 4 ORDER BY 1",
                                        error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, until, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GDate) day = outlay_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0));
      const char        *currency = (const char *) sqlite3_column_text (stmt, 2);
      const char        *charged_currency = (const char *) sqlite3_column_text (stmt, 3);
      OutlayBudgetCharge charge = { 0 };

      /* The summary holds what the expenses table holds; a row it could
       * not have is none of a budget's. */
      if (day == NULL || currency == NULL || charged_currency == NULL)
        continue;
      charge.day = g_date_get_julian (day);
      charge.category_id = sqlite3_column_int64 (stmt, 1);
      g_strlcpy (charge.currency, currency, sizeof charge.currency);
      g_strlcpy (charge.charged_currency, charged_currency, sizeof charge.charged_currency);
      charge.amount = sqlite3_column_int64 (stmt, 4);
      charge.charged = sqlite3_column_int64 (stmt, 5);
      charge.count = (guint) sqlite3_column_int64 (stmt, 6);
      g_array_append_val (charges, charge);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read what the budget spent"));
      return NULL;
    }
  return g_steal_pointer (&charges);
}

/**
 * outlay_budget_foreign_add_charges:
 * @foreign: (element-type OutlayBudgetForeign): a budget's spending in
 *   other currencies, in the order of its days
 * @charges: (element-type OutlayBudgetCharge): outlay_repository_read_budget_charges()
 * @currency: the budget's
 *
 * Marks what of @foreign a card charged in @currency: that counts as
 * charged, not at a rate. A charge whose day and category the budget does
 * not count has no row of @foreign to go with, and is left out.
 */
void
outlay_budget_foreign_add_charges (GArray     *foreign,
                                   GArray     *charges,
                                   const char *currency)
{
  for (guint i = 0; i < charges->len; i++)
    {
      const OutlayBudgetCharge *charge = &g_array_index (charges, OutlayBudgetCharge, i);
      guint                     low = 0;
      guint                     high = foreign->len;

      if (strcmp (charge->charged_currency, currency) != 0 || strcmp (charge->currency, currency) == 0)
        continue;
      /* The first row of the charge's day. */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (g_array_index (foreign, OutlayBudgetForeign, middle).day < charge->day)
            low = middle + 1;
          else
            high = middle;
        }
      for (guint j = low; j < foreign->len; j++)
        {
          OutlayBudgetForeign *row = &g_array_index (foreign, OutlayBudgetForeign, j);

          if (row->day != charge->day)
            break;
          if (row->category_id != charge->category_id || strcmp (row->currency, charge->currency) != 0)
            continue;
          row->charged_part += charge->amount;
          row->charged += charge->charged;
          row->n_charged += charge->count;
          break;
        }
    }
}

/* Said, not counted: what has no rate, in the period asked for only. */
static void
add_uncounted (GArray                    *uncounted,
               guint32                    current,
               const OutlayBudgetForeign *foreign)
{
  OutlayCurrencyTotal row = { { 0 } };

  if (foreign->day < current)
    return;
  for (guint i = 0; i < uncounted->len; i++)
    {
      OutlayCurrencyTotal *known = &g_array_index (uncounted, OutlayCurrencyTotal, i);

      if (strcmp (known->currency, foreign->currency) == 0)
        {
          known->total += foreign->total - foreign->charged_part;
          known->count += foreign->count - foreign->n_charged;
          return;
        }
    }
  g_strlcpy (row.currency, foreign->currency, sizeof row.currency);
  row.total = foreign->total - foreign->charged_part;
  row.count = foreign->count - foreign->n_charged;
  g_array_append_val (uncounted, row);
}

/**
 * outlay_repository_convert_budget_spending:
 * @currency: the budget's
 * @foreign: (element-type OutlayBudgetForeign): its spending in other
 *   currencies, by day
 * @spent: what it spent in each period, which the converted amounts are
 *   added to
 * @current: the first day of the period asked for
 * @uncounted: (element-type OutlayCurrencyTotal): where what has no rate
 *   in that period is said
 *
 * The spending of a budget in other currencies into its periods, at the
 * rates of their days (outlay-rate-book.c) or at what a card charged in
 * the budget's currency; each period's rounded once.
 */
gboolean
outlay_repository_convert_budget_spending (OutlayRepository *self,
                                           const char       *currency,
                                           GArray           *foreign,
                                           gint64           *spent,
                                           guint32           current,
                                           GArray           *uncounted,
                                           GError          **error)
{
  g_autoptr (GPtrArray) currencies = g_ptr_array_new ();
  g_autoptr (OutlayRateBook) book = NULL;
  g_autofree OutlayConvertedSum *sums = NULL;
  OutlayConversion identity;
  gint64 n = 0;
  char   from[OUTLAY_DATE_ISO_SIZE];
  char   to[OUTLAY_DATE_ISO_SIZE];
  GDate  date;

  if (foreign->len == 0)
    return TRUE;
  for (guint i = 0; i < foreign->len; i++)
    n = MAX (n, g_array_index (foreign, OutlayBudgetForeign, i).index + 1);

  for (guint i = 0; i < foreign->len; i++)
    {
      const char *code = g_array_index (foreign, OutlayBudgetForeign, i).currency;
      gboolean    known = FALSE;

      for (guint j = 0; !known && j < currencies->len; j++)
        known = strcmp (g_ptr_array_index (currencies, j), code) == 0;
      if (!known)
        g_ptr_array_add (currencies, (gpointer) code);
    }
  g_ptr_array_add (currencies, NULL);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, g_array_index (foreign, OutlayBudgetForeign, 0).day);
  outlay_date_format_iso_buf (&date, from);
  g_date_set_julian (&date, g_array_index (foreign, OutlayBudgetForeign, foreign->len - 1).day);
  outlay_date_format_iso_buf (&date, to);
  if (!(book = outlay_repository_load_rate_book (self, currency,
                                                 (const char *const *) currencies->pdata, from, to, error)))
    return FALSE;

  sums = g_new (OutlayConvertedSum, n);
  for (gint64 i = 0; i < n; i++)
    outlay_converted_sum_init (&sums[i]);
  outlay_conversion_init (&identity, currency, currency);
  for (guint i = 0; i < foreign->len; i++)
    {
      const OutlayBudgetForeign *row = &g_array_index (foreign, OutlayBudgetForeign, i);
      gint64                     rest = row->total - row->charged_part;
      OutlayRateFound            found;
      char                       day[OUTLAY_DATE_ISO_SIZE];

      if (row->n_charged > 0)
        outlay_converted_sum_add (&sums[row->index], &identity, row->charged);
      if (rest == 0 && row->count == row->n_charged)
        continue;
      g_date_set_julian (&date, row->day);
      outlay_date_format_iso_buf (&date, day);
      if (outlay_rate_book_find (book, row->currency, day, &found) &&
          outlay_converted_sum_add (&sums[row->index], &found.conversion, rest))
        continue;
      add_uncounted (uncounted, current, row);
    }
  for (gint64 i = 0; i < n; i++)
    {
      gint64 converted = 0;

      if (outlay_converted_sum_get (&sums[i], &converted))
        spent[i] += converted;
    }
  return TRUE;
}

