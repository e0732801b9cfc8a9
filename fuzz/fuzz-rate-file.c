/* fuzz-rate-file.c: any bytes as a file of exchange rates
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

#include "outlay-currency.h"
#include "outlay-date.h"
#include "outlay-rate-file.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean
check_entry (const OutlayRateFileEntry *entry,
             gpointer                   user_data,
             GError                   **error)
{
  guint     *last_line = user_data;
  OutlayRate rate;

  g_assert (entry->line >= 1 && entry->line >= *last_line);
  *last_line = entry->line;
  g_assert (outlay_date_is_valid (entry->day));
  g_assert (outlay_currency_is_valid (entry->currency));
  g_assert (outlay_currency_is_valid (entry->quote));
  g_assert (strcmp (entry->currency, entry->quote) != 0);
  g_assert (outlay_rate_parse (entry->rate_text, &rate, NULL));
  g_assert (outlay_rate_equal (&rate, &entry->rate));
  return TRUE;
}

/* Any bytes either read as rates that are all good, with problems that
 * each say where and why, or fail with one OUTLAY_RATE_FILE_ERROR. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (OutlayRateFile) file = outlay_rate_file_new ("EUR");
  g_autoptr (GError) error = NULL;
  GPtrArray *problems;
  guint      last_line = 0;

  if (!outlay_rate_file_read (file, NULL, (const char *) data, size, check_entry, &last_line, NULL, &error))
    {
      g_assert (error != NULL);
      g_assert (error->domain == OUTLAY_RATE_FILE_ERROR);
      g_assert (error->message != NULL && error->message[0] != '\0');
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (outlay_rate_file_get_format (file) == OUTLAY_RATE_FILE_FORMAT_UNKNOWN);
      g_assert (outlay_rate_file_get_n_rates (file) == 0);
      return 0;
    }

  g_assert (error == NULL);
  g_assert (outlay_rate_file_get_format (file) != OUTLAY_RATE_FILE_FORMAT_UNKNOWN);
  problems = outlay_rate_file_get_problems (file);
  for (guint i = 0; i < problems->len; i++)
    {
      const OutlayRateFileProblem *problem = g_ptr_array_index (problems, i);

      g_assert (problem->line >= 1);
      g_assert (problem->reason != NULL && problem->reason[0] != '\0');
      g_assert (g_utf8_validate (problem->reason, -1, NULL));
      g_assert (strchr (problem->reason, '\n') == NULL);
    }

  return 0;
}
