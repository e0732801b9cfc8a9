/* outlay-csv-export.c
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

#include "outlay-csv.h"
#include "outlay-csv-export.h"
#include "outlay-export-private.h"
#include "outlay-money.h"

static gboolean
append_csv_row (OutlayExpense *expense,
                gpointer       user_data,
                GError       **error)
{
  OutlayExportWriter *writer = user_data;
  g_autofree char    *amount = outlay_money_format_plain (outlay_expense_get_amount (expense),
                                                          outlay_expense_get_currency (expense));
  const char         *fields[] = {
            outlay_expense_get_occurred_on (expense),
            amount,
            outlay_expense_get_currency (expense),
            outlay_expense_get_description (expense),
            outlay_export_writer_category_name (writer, expense),
            outlay_expense_get_note (expense),
  };

  outlay_csv_append_row (writer->buffer, fields, G_N_ELEMENTS (fields));
  writer->n_written++;

  return outlay_export_writer_flush (writer, FALSE, error);
}

/**
 * outlay_export_csv:
 * @query: (nullable): which expenses, in its order; %NULL for all, by date
 * @n_written: (out) (optional): how many expenses were written
 *
 * Returns: whether every expense was written; on error @out holds a part
 *   of the file, so write to a g_file_replace() stream and do not close it
 *   when this fails
 */
gboolean
outlay_export_csv (OutlayRepository  *repository,
                   const OutlayQuery *query,
                   GOutputStream     *out,
                   GCancellable      *cancellable,
                   guint             *n_written,
                   GError           **error)
{
  static const char *const header[] = { "date", "amount", "currency", "description", "category", "note" };
  OutlayExportWriter       writer;
  gboolean                 ok;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  outlay_export_writer_init (&writer, repository, out, cancellable);

  outlay_csv_append_row (writer.buffer, (const char *const *) header, G_N_ELEMENTS (header));
  ok = outlay_repository_foreach_expense (repository, query, FALSE, append_csv_row, &writer, error) &&
       outlay_export_writer_flush (&writer, TRUE, error);

  if (n_written != NULL)
    *n_written = writer.n_written;
  outlay_export_writer_clear (&writer);

  return ok;
}
