/* outlay-cli-converted.c: expenses converted for outlay list --in
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

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cli-private.h"

/* "1 USD = 0.9205 EUR", as published. */
char *
outlay_cli_describe_rate (const char *currency,
                          const char *rate,
                          const char *quote)
{
  return g_strdup_printf ("1 %s = %s %s", currency, rate, quote);
}

/* "yours", or the file's name: where a rate comes from. */
const char *
outlay_cli_rate_source (OutlayRateSource source,
                        const char      *source_name)
{
  if (source == OUTLAY_RATE_SOURCE_ENTERED)
    /* Translators: where a rate comes from: the person typed it */
    return _("yours");
  /* Translators: where a rate comes from, when its file has no name */
  return source_name != NULL ? source_name : _("a file");
}

/**
 * outlay_cli_convert_expenses:
 * @expenses: (element-type OutlayExpense): those listed
 * @code: the currency to convert to
 * @book: (out) (transfer full): the rates, which the results point into
 *
 * Each expense in @code: its own amount in that currency, what the card was
 * charged in it, else at the rate of its day (outlay-rate-book.c), else
 * not known.
 *
 * Returns: (transfer full) (element-type OutlayCliConverted): one an expense
 */
GArray *
outlay_cli_convert_expenses (OutlayCli       *cli,
                             GPtrArray       *expenses,
                             const char      *code,
                             OutlayRateBook **book,
                             GError         **error)
{
  g_autoptr (GArray) converted = g_array_sized_new (FALSE, TRUE, sizeof (OutlayCliConverted), expenses->len);
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  const char *from = NULL;
  const char *to = NULL;

  for (guint i = 0; i < expenses->len; i++)
    {
      OutlayExpense *expense = g_ptr_array_index (expenses, i);
      const char    *currency = outlay_expense_get_currency (expense);
      const char    *day = outlay_expense_get_occurred_on (expense);
      gboolean       known = FALSE;

      for (guint j = 0; !known && j < codes->len; j++)
        known = g_str_equal (g_ptr_array_index (codes, j), currency);
      if (!known)
        g_ptr_array_add (codes, (gpointer) currency);
      if (from == NULL || strcmp (day, from) < 0)
        from = day;
      if (to == NULL || strcmp (day, to) > 0)
        to = day;
    }
  g_ptr_array_add (codes, NULL);
  if (!(*book = outlay_repository_load_rate_book (cli->repository, code, (const char *const *) codes->pdata, from, to,
                                                  error)))
    return NULL;

  g_array_set_size (converted, expenses->len);
  for (guint i = 0; i < expenses->len; i++)
    {
      OutlayExpense      *expense = g_ptr_array_index (expenses, i);
      OutlayCliConverted *row = &g_array_index (converted, OutlayCliConverted, i);
      gint64              charged = 0;
      const char         *charged_currency = outlay_expense_get_charged (expense, &charged);

      if (g_strcmp0 (charged_currency, code) == 0)
        {
          row->known = row->charged = TRUE;
          row->amount = charged;
        }
      else if (outlay_rate_book_find (*book, outlay_expense_get_currency (expense),
                                      outlay_expense_get_occurred_on (expense), &row->found))
        row->known = outlay_conversion_apply (&row->found.conversion, outlay_expense_get_amount (expense),
                                              &row->amount);
    }

  return g_steal_pointer (&converted);
}

/* "converted" (or null), and the rate it took: "rate", "rate_date",
 * "rate_source" (entered, imported, charged or null) and
 * "rate_source_name" of its first leg, and "rates", every leg (two for a
 * rate through the euro). */
void
outlay_cli_json_converted (JsonBuilder              *builder,
                           const OutlayCliConverted *converted,
                           const char               *code)
{
  const OutlayRateLeg *leg = converted->found.n_legs > 0 ? &converted->found.legs[0] : NULL;

  if (converted->known)
    {
      outlay_cli_json_begin_object (builder, "converted");
      outlay_cli_json_add_money (builder, "amount", converted->amount, code);
      outlay_cli_json_add_string (builder, "currency", code);
      json_builder_end_object (builder);
    }
  else
    outlay_cli_json_add_null (builder, "converted");

  if (leg != NULL && !converted->charged)
    {
      outlay_cli_json_add_string (builder, "rate", leg->rate);
      outlay_cli_json_add_string (builder, "rate_date", leg->day);
      outlay_cli_json_add_string (builder, "rate_source", outlay_rate_source_to_string (leg->source));
    }
  else
    {
      outlay_cli_json_add_null (builder, "rate");
      outlay_cli_json_add_null (builder, "rate_date");
      if (converted->charged)
        outlay_cli_json_add_string (builder, "rate_source", "charged");
      else
        outlay_cli_json_add_null (builder, "rate_source");
    }
  if (leg != NULL && !converted->charged && leg->source_name != NULL)
    outlay_cli_json_add_string (builder, "rate_source_name", leg->source_name);
  else
    outlay_cli_json_add_null (builder, "rate_source_name");

  outlay_cli_json_begin_array (builder, "rates");
  for (guint i = 0; !converted->charged && i < converted->found.n_legs; i++)
    {
      const OutlayRateLeg *one = &converted->found.legs[i];

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "currency", one->currency);
      outlay_cli_json_add_string (builder, "quote", one->quote);
      outlay_cli_json_add_string (builder, "rate", one->rate);
      outlay_cli_json_add_string (builder, "rate_date", one->day);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}
