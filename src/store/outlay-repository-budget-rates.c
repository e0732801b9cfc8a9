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

#include "outlay-repository-private.h"

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
          known->total += foreign->total;
          known->count += foreign->count;
          return;
        }
    }
  g_strlcpy (row.currency, foreign->currency, sizeof row.currency);
  row.total = foreign->total;
  row.count = foreign->count;
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
 * rates of their days (outlay-rate-book.c), each period's rounded once.
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
  for (guint i = 0; i < foreign->len; i++)
    {
      const OutlayBudgetForeign *row = &g_array_index (foreign, OutlayBudgetForeign, i);
      OutlayRateFound            found;
      char                       day[OUTLAY_DATE_ISO_SIZE];

      g_date_set_julian (&date, row->day);
      outlay_date_format_iso_buf (&date, day);
      if (outlay_rate_book_find (book, row->currency, day, &found) &&
          outlay_converted_sum_add (&sums[row->index], &found.conversion, row->total))
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

