/* fuzz-csv.c: libFuzzer harness for the CSV reader, mapping and importer
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

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "outlay-csv.h"
#include "outlay-money.h"
#include "outlay-repository.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Rows whose written form is read back; the rest add nothing new. */
#define MAX_ROUND_TRIPS 16

static void
check_source (OutlayCsvTable     *table,
              OutlayImportSource *source)
{
  guint last_line = 0;

  g_assert (source->records->len + source->issues->len <= outlay_csv_table_get_n_rows (table));

  for (guint i = 0; i < source->records->len; i++)
    {
      OutlayImportRecord *r = g_ptr_array_index (source->records, i);
      int                 year = 0, month = 0, day = 0;

      g_assert (r->line >= 1 && r->line >= last_line);
      last_line = r->line;
      g_assert (r->date != NULL && strlen (r->date) == 10);
      g_assert (sscanf (r->date, "%4d-%2d-%2d", &year, &month, &day) == 3);
      g_assert (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year));
      /* Money spent is positive; money received negative, and marked. */
      if (r->amount == 0 || ABS (r->amount) > OUTLAY_MONEY_MAX || (r->amount < 0) != r->incoming)
        g_error ("line %u: amount %" G_GINT64_FORMAT " out of range", r->line, r->amount);
      g_assert (r->currency == NULL || outlay_currency_is_valid (r->currency));
      g_assert (r->description != NULL && g_utf8_validate (r->description, -1, NULL));
      g_assert (g_utf8_strlen (r->description, -1) <= OUTLAY_DESCRIPTION_MAX_LENGTH);
      g_assert (r->note == NULL || g_utf8_strlen (r->note, -1) <= OUTLAY_NOTE_MAX_LENGTH);
      g_assert (r->category == NULL || (r->category[0] != '\0' && g_utf8_validate (r->category, -1, NULL)));
    }

  last_line = 0;
  for (guint i = 0; i < source->issues->len; i++)
    {
      OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

      g_assert (issue->line >= 1 && issue->line >= last_line);
      last_line = issue->line;
      g_assert (issue->message != NULL && issue->message[0] != '\0');
      g_assert (g_utf8_validate (issue->message, -1, NULL));
    }
}

static void
try_import (OutlayCsvTable         *table,
            const OutlayCsvMapping *mapping)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  gboolean valid = outlay_csv_mapping_validate (mapping, table, &error);

  g_clear_error (&error);
  source = outlay_csv_import (table, mapping, "EUR", &error);
  if (!valid)
    {
      g_assert (source == NULL && error != NULL);
      return;
    }
  g_assert_no_error (error);
  check_source (table, source);
}

static void
check_round_trip (OutlayCsvTable *table,
                  guint           row)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCsvTable) again = NULL;
  const char *const *fields;
  const char *const *read_back;
  guint              n_fields, n_read;

  fields = outlay_csv_table_get_row (table, row, &n_fields);
  outlay_csv_append_row (out, fields, n_fields);
  again = outlay_csv_table_read (out->str, out->len, &error);
  if (again == NULL)
    g_error ("row %u written as “%s” does not read back: %s", row, out->str, error->message);
  if (outlay_csv_table_get_n_rows (again) != 1)
    g_error ("row %u written as “%s” reads back as %u rows", row, out->str,
             outlay_csv_table_get_n_rows (again));

  read_back = outlay_csv_table_get_row (again, 0, &n_read);
  if (n_read != n_fields)
    g_error ("row %u written as “%s” reads back with %u fields, not %u", row, out->str, n_read, n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i], read_back[i]) != 0)
        g_error ("row %u field %u “%s” reads back as “%s”", row, i, fields[i], read_back[i]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCsvTable) table = NULL;
  OutlayCsvMapping mapping;
  guint            n_rows, n_columns, last_line = 0;

  table = outlay_csv_table_read ((const char *) data, size, &error);
  if (table == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert_no_error (error);

  n_rows = outlay_csv_table_get_n_rows (table);
  n_columns = outlay_csv_table_get_n_columns (table);
  for (guint r = 0; r < n_rows; r++)
    {
      guint              n_fields;
      const char *const *fields = outlay_csv_table_get_row (table, r, &n_fields);
      guint              line = outlay_csv_table_get_line (table, r);

      g_assert (n_fields >= 1 && n_fields <= n_columns);
      g_assert (fields[n_fields] == NULL);
      g_assert (line > last_line);
      last_line = line;
      for (guint i = 0; i < n_fields; i++)
        g_assert (g_utf8_validate (fields[i], -1, NULL));
      if (r < MAX_ROUND_TRIPS)
        check_round_trip (table, r);
    }

  outlay_csv_mapping_guess (table, &mapping);
  try_import (table, &mapping);
  for (OutlayCsvSign sign = OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE; sign <= OUTLAY_CSV_SIGN_ALL_ARE_EXPENSES; sign++)
    {
      mapping.sign = sign;
      mapping.decimal_separator = mapping.decimal_separator == '.' ? ',' : '.';
      try_import (table, &mapping);
    }

  /* Fixed mappings, whatever the guess: the simplest file, a statement
   * with debit and credit columns, and every column at once, with debit
   * and credit marks too. */
  mapping = (OutlayCsvMapping){ .first_row = 0,
                                .has_header = FALSE,
                                .date_column = 0,
                                .amount_column = 1,
                                .description_column = 2,
                                .category_column = -1,
                                .note_column = -1,
                                .currency_column = -1,
                                .debit_column = -1,
                                .credit_column = -1,
                                .direction_column = -1,
                                .date_format = OUTLAY_CSV_DATE_ISO,
                                .decimal_separator = '.',
                                .sign = OUTLAY_CSV_SIGN_ALL_ARE_EXPENSES };
  try_import (table, &mapping);
  mapping = (OutlayCsvMapping){ .first_row = 1,
                                .has_header = TRUE,
                                .date_column = 0,
                                .amount_column = -1,
                                .description_column = 1,
                                .category_column = -1,
                                .note_column = -1,
                                .currency_column = -1,
                                .debit_column = 2,
                                .credit_column = 3,
                                .direction_column = -1,
                                .date_format = OUTLAY_CSV_DATE_DMY,
                                .decimal_separator = ',',
                                .sign = OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE };
  try_import (table, &mapping);
  mapping = (OutlayCsvMapping){ .first_row = 0,
                                .has_header = TRUE,
                                .date_column = 5,
                                .amount_column = 4,
                                .description_column = 3,
                                .category_column = 2,
                                .note_column = 1,
                                .currency_column = 0,
                                .debit_column = -1,
                                .credit_column = -1,
                                .direction_column = -1,
                                .date_format = OUTLAY_CSV_DATE_MDY,
                                .decimal_separator = '.',
                                .sign = OUTLAY_CSV_SIGN_POSITIVE_IS_EXPENSE };
  try_import (table, &mapping);
  mapping.direction_column = 6;
  try_import (table, &mapping);

  return 0;
}
