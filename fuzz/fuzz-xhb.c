/* fuzz-xhb.c: libFuzzer harness for the HomeBank reader
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
#include <string.h>

#include <glib.h>

#include "outlay-money.h"
#include "outlay-repository.h"
#include "outlay-xhb.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_record (const OutlayImportRecord *record)
{
  g_assert (record->line >= 1);
  g_assert (outlay_date_is_valid (record->date));
  /* Money spent is positive; money received negative, and marked. */
  g_assert (record->amount != 0 && ABS (record->amount) <= OUTLAY_MONEY_MAX);
  g_assert ((record->amount < 0) == record->incoming);
  g_assert (record->currency == NULL || outlay_currency_is_valid (record->currency));
  g_assert (record->description != NULL);
  g_assert (g_utf8_validate (record->description, -1, NULL));
  g_assert (g_utf8_strlen (record->description, -1) <= OUTLAY_DESCRIPTION_MAX_LENGTH);
  g_assert (strchr (record->description, '\n') == NULL);
  g_assert (record->note == NULL || g_utf8_validate (record->note, -1, NULL));
  g_assert (record->note == NULL || g_utf8_strlen (record->note, -1) <= OUTLAY_NOTE_MAX_LENGTH);
  g_assert (record->category == NULL || g_utf8_validate (record->category, -1, NULL));
}

/* Any bytes either read as a HomeBank file, whose records are all expenses
 * the ledger can take and whose issues all say why, or fail with one
 * OUTLAY_XHB_ERROR. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (GError) error = NULL;

  source = outlay_xhb_read ((const char *) data, size, "EUR", &error);
  if (source == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == OUTLAY_XHB_ERROR);
      g_assert (error->message != NULL && error->message[0] != '\0');
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert (error == NULL);
  for (guint i = 0; i < source->records->len; i++)
    {
      const OutlayImportRecord *record = g_ptr_array_index (source->records, i);

      check_record (record);
      if (i > 0)
        g_assert (record->line >= ((OutlayImportRecord *) g_ptr_array_index (source->records, i - 1))->line);
    }
  for (guint i = 0; i < source->issues->len; i++)
    {
      const OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

      g_assert (issue->line >= 1);
      g_assert (issue->kind == OUTLAY_IMPORT_ISSUE_ERROR || issue->kind == OUTLAY_IMPORT_ISSUE_SKIPPED);
      g_assert (issue->message != NULL && issue->message[0] != '\0');
      g_assert (g_utf8_validate (issue->message, -1, NULL));
    }

  return 0;
}
