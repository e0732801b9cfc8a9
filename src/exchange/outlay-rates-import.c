/* outlay-rates-import.c: a file of exchange rates into the ledger
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

/* Reads a file of rates (outlay-rate-file.c) and writes them as imported
 * ones in one transaction (outlay_repository_import_rates()): the ECB's
 * under "ECB", a plain file's under its name. The read gives the first
 * half of the progress, the write the second. */

#include "config.h"

#include <string.h>

#include "outlay-rates-import.h"

typedef struct
{
  GArray                 *entries; /* OutlayRateEntry, the texts in @strings */
  GStringChunk           *strings;
  OutlayRulesProgressFunc progress;
  gpointer                progress_data;
} Reading;

static gboolean
add_entry (const OutlayRateFileEntry *entry,
           gpointer                   user_data,
           GError                   **error)
{
  Reading        *reading = user_data;
  OutlayRateEntry kept = {
    g_string_chunk_insert_const (reading->strings, entry->currency),
    g_string_chunk_insert_const (reading->strings, entry->quote),
    g_string_chunk_insert_const (reading->strings, entry->day),
    g_string_chunk_insert_const (reading->strings, entry->rate_text),
  };

  g_array_append_val (reading->entries, kept);
  return TRUE;
}

static void
read_progress (gsize    done,
               gsize    total,
               gpointer user_data)
{
  Reading *reading = user_data;

  if (reading->progress != NULL && total > 0)
    reading->progress ((guint) (done * 1000 / total), 2000, reading->progress_data);
}

typedef struct
{
  OutlayRulesProgressFunc progress;
  gpointer                progress_data;
} Writing;

static void
write_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  Writing *writing = user_data;

  if (total > 0)
    writing->progress (1000 + (guint) ((guint64) done * 1000 / total), 2000, writing->progress_data);
}

void
outlay_rates_import_clear (OutlayRatesImport *report)
{
  g_clear_pointer (&report->source_name, g_free);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
}

static void
problem_free (OutlayRateFileProblem *problem)
{
  g_free (problem->reason);
  g_free (problem);
}

/**
 * outlay_rates_import_file:
 * @name: the file's display name: the source of a plain file's rates
 * @data: (array length=length): the file's content
 * @dry_run: read and count, write nothing
 * @progress: (nullable) (scope call): told how far it is, of 2000
 * @report: (out caller-allocates): what was read and written, what was
 *   left out
 *
 * Returns: whether the rates were written (or, with @dry_run, read); a
 *   file that is not one of rates, or a failed write, changes nothing
 */
gboolean
outlay_rates_import_file (OutlayRepository       *repository,
                          const char             *name,
                          const char             *data,
                          gsize                   length,
                          gboolean                dry_run,
                          OutlayRulesProgressFunc progress,
                          gpointer                progress_data,
                          GCancellable           *cancellable,
                          OutlayRatesImport      *report,
                          GError                **error)
{
  g_autofree char *home = outlay_repository_dup_currency (repository, "EUR");
  g_autoptr (OutlayRateFile) file = outlay_rate_file_new (home);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (OutlayRateEntry));
  GStringChunk *strings = g_string_chunk_new (64 * 1024);
  Reading       reading = { entries, strings, progress, progress_data };
  Writing       writing = { progress, progress_data };
  GPtrArray    *problems;
  gboolean      ok;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  outlay_rate_file_set_progress_func (file, read_progress, &reading);
  ok = outlay_rate_file_read (file, name, data, length, add_entry, &reading, cancellable, error);
  if (ok)
    {
      report->format = outlay_rate_file_get_format (file);
      report->source_name = report->format == OUTLAY_RATE_FILE_FORMAT_PLAIN_CSV ? g_strdup (name) : g_strdup ("ECB");
      report->n_read = entries->len;
      report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
      problems = outlay_rate_file_get_problems (file);
      for (guint i = 0; i < problems->len; i++)
        {
          const OutlayRateFileProblem *problem = g_ptr_array_index (problems, i);
          OutlayRateFileProblem       *copy = g_new0 (OutlayRateFileProblem, 1);

          copy->line = problem->line;
          copy->reason = g_strdup (problem->reason);
          g_ptr_array_add (report->problems, copy);
        }

      if (!dry_run)
        ok = outlay_repository_import_rates (repository, (const OutlayRateEntry *) (gpointer) entries->data,
                                             entries->len, report->source_name,
                                             progress != NULL ? write_progress : NULL, &writing, cancellable,
                                             &report->written, error);
    }

  g_string_chunk_free (strings);
  if (!ok)
    outlay_rates_import_clear (report);
  return ok;
}
