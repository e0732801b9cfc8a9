/* outlay-csv-reader.c
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

#include "outlay-csv-private.h"
#include "outlay-money.h"
#include "outlay-repository.h"

/* Amounts */

gboolean
outlay_csv_parse_amount (const char  *text,
                         char         decimal_separator,
                         const char  *currency,
                         gint64      *minor_units,
                         const char **code,
                         GError     **error)
{
  g_return_val_if_fail (minor_units != NULL, FALSE);

  return outlay_money_parse_decimal (text, decimal_separator, currency, minor_units, code, error);
}

/* Importing */

static const char *
field_at (const char *const *fields,
          int                column)
{
  return column >= 0 ? fields[column] : "";
}

/* The row's amount in minor units, signed as in the file, and in
 * *@currency_out the currency it names, if any. */
static gboolean
read_row_amount (OutlayImportSource     *source,
                 guint                   line,
                 const char *const      *fields,
                 const OutlayCsvMapping *mapping,
                 const char             *currency,
                 gint64                 *amount,
                 const char            **code,
                 gboolean               *received)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *debit = NULL;
  g_autofree char *credit = NULL;

  *received = FALSE;

  if (mapping->amount_column >= 0)
    {
      g_autofree char *text = outlay_csv_trim (fields[mapping->amount_column]);

      if (!outlay_csv_parse_amount (text, mapping->decimal_separator, currency, amount, code, &error))
        {
          outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR, "%s", error->message);
          return FALSE;
        }
      if (mapping->direction_column >= 0)
        {
          g_autofree char *mark = outlay_csv_trim (fields[mapping->direction_column]);
          int              direction = outlay_csv_direction_mark (mark);

          if (mark[0] != '\0' && direction == 0)
            {
              outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                              _("“%s” marks the amount as neither a debit nor a credit."), mark);
              return FALSE;
            }
          if (direction != 0)
            *amount = direction * ABS (*amount);
        }
      return TRUE;
    }

  debit = outlay_csv_trim (fields[mapping->debit_column]);
  credit = outlay_csv_trim (field_at (fields, mapping->credit_column));
  if (debit[0] == '\0' && credit[0] == '\0')
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR, "%s",
                                      _("There is neither a debit nor a credit amount."));
      return FALSE;
    }
  if (debit[0] != '\0')
    {
      if (!outlay_csv_parse_amount (debit, mapping->decimal_separator, currency, amount, code, &error))
        {
          outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR, "%s", error->message);
          return FALSE;
        }
      *amount = ABS (*amount);
      if (*amount != 0 || credit[0] == '\0')
        return TRUE;
    }

  if (!outlay_csv_parse_amount (credit, mapping->decimal_separator, currency, amount, code, &error))
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR, "%s", error->message);
      return FALSE;
    }
  *received = *amount != 0;
  *amount = -ABS (*amount);
  return TRUE;
}

static void
import_row (OutlayImportSource     *source,
            guint                   line,
            const char *const      *fields,
            const OutlayCsvMapping *mapping,
            const char             *ledger_currency)
{
  g_autoptr (OutlayImportRecord) record = NULL;
  g_autofree char *date_text = outlay_csv_trim (fields[mapping->date_column]);
  g_autofree char *date = outlay_csv_parse_date (date_text, mapping->date_format);
  const char      *column_currency = NULL;
  const char      *amount_currency = NULL;
  gint64           amount = 0;
  gboolean         received = FALSE;

  if (date == NULL)
    {
      g_autofree char *pattern = NULL;
      const char      *sep = date_text + strspn (date_text, "0123456789");

      if (date_text[0] == '\0')
        {
          outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR, "%s",
                                          _("The date is missing."));
          return;
        }
      pattern = outlay_csv_date_format_describe (mapping->date_format, *sep);
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("“%s” is not a date (expected %s)."), date_text, pattern);
      return;
    }

  if (mapping->currency_column >= 0)
    {
      g_autofree char *text = outlay_csv_trim (fields[mapping->currency_column]);

      if (text[0] != '\0' && (column_currency = outlay_currency_from_written (text)) == NULL)
        {
          outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                          _("“%s” is not a currency code."), text);
          return;
        }
    }

  if (!read_row_amount (source, line, fields, mapping,
                        column_currency != NULL ? column_currency : ledger_currency,
                        &amount, &amount_currency, &received))
    return;

  if (column_currency != NULL && amount_currency != NULL && strcmp (column_currency, amount_currency) != 0)
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The amount is in %s, but the currency column says %s."),
                                      amount_currency, column_currency);
      return;
    }

  if (amount == 0)
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_SKIPPED, "%s",
                                      _("The amount is zero."));
      return;
    }

  /* Money received, and in a list of expenses a negative amount, is an
   * incoming line: a refund if the person takes it as one. */
  if (mapping->amount_column >= 0)
    {
      if (mapping->sign == OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE)
        received = amount > 0;
      else if (mapping->sign == OUTLAY_CSV_SIGN_POSITIVE_IS_EXPENSE)
        received = amount < 0;
    }

  record = outlay_import_record_new ();
  record->line = line;
  record->date = g_steal_pointer (&date);
  record->amount = received ? -ABS (amount) : ABS (amount);
  record->incoming = received;
  /* A list of expenses with its refunds, Outlay's export: as they are. */
  if (mapping->amount_column >= 0 && mapping->sign == OUTLAY_CSV_SIGN_NEGATIVE_IS_REFUND)
    record->amount = amount;
  record->currency = g_strdup (column_currency != NULL ? column_currency : amount_currency);
  g_free (record->description);
  record->description = outlay_csv_trim (field_at (fields, mapping->description_column));
  record->note = outlay_csv_trim (field_at (fields, mapping->note_column));
  record->category = outlay_csv_trim (field_at (fields, mapping->category_column));
  if (record->category[0] == '\0')
    g_clear_pointer (&record->category, g_free);

  if (g_utf8_strlen (record->description, -1) > OUTLAY_DESCRIPTION_MAX_LENGTH)
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The description is longer than %u characters."),
                                      (guint) OUTLAY_DESCRIPTION_MAX_LENGTH);
      return;
    }
  if (g_utf8_strlen (record->note, -1) > OUTLAY_NOTE_MAX_LENGTH)
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The note is longer than %u characters."),
                                      (guint) OUTLAY_NOTE_MAX_LENGTH);
      return;
    }

  outlay_import_source_add_record (source, g_steal_pointer (&record));
}

OutlayImportSource *
outlay_csv_import (OutlayCsvTable         *table,
                   const OutlayCsvMapping *mapping,
                   const char             *currency,
                   GError                **error)
{
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  const int columns[] = {
    mapping->date_column, mapping->amount_column, mapping->description_column,
    mapping->category_column, mapping->note_column, mapping->currency_column,
    mapping->debit_column, mapping->credit_column, mapping->direction_column
  };
  guint needed = 0;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!outlay_csv_mapping_validate (mapping, table, error))
    return NULL;
  if (currency == NULL || outlay_currency_lookup (currency) == NULL)
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY,
                   _("“%s” is not a currency code."), currency != NULL ? currency : "");
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    needed = MAX (needed, (guint) (columns[i] + 1));

  /* Each row is read into the same array in turn, and only its record is
   * kept. */
  fields = g_ptr_array_new_with_free_func (g_free);
  source = outlay_import_source_new ();
  for (guint r = mapping->first_row + (mapping->has_header ? 1 : 0); r < table->rows->len; r++)
    {
      OutlayCsvRow *row = &g_array_index (table->rows, OutlayCsvRow, r);
      gboolean      blank = TRUE;

      outlay_csv_table_read_row (table, r, fields);
      for (guint i = 0; i < row->n_fields && blank; i++)
        blank = outlay_csv_is_blank (g_ptr_array_index (fields, i));
      if (blank)
        continue;

      if (row->n_fields < needed)
        {
          outlay_import_source_add_issue (source, row->line, OUTLAY_IMPORT_ISSUE_ERROR,
                                          g_dngettext (GETTEXT_PACKAGE,
                                                       "Expected at least %u field, found %u.",
                                                       "Expected at least %u fields, found %u.",
                                                       needed),
                                          needed, row->n_fields);
          continue;
        }

      import_row (source, row->line, (const char *const *) fields->pdata, mapping, currency);
    }

  return g_steal_pointer (&source);
}

