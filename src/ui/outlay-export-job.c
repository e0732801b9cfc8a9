/* outlay-export-job.c
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

/* Exporting from the window: the file chooser, and the writing itself on a
 * worker thread with a read-only connection of its own (a connection is
 * never shared between threads), so that a big ledger does not freeze the
 * window. The file is replaced atomically: a failed export leaves the old
 * file as it was. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-database.h"
#include "outlay-export-job.h"
#include "outlay-export.h"

typedef struct
{
  char              *database_path;
  OutlayQuery       *query;
  OutlayExportFormat format;
  GFile             *file;
  guint              n_written;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->database_path);
  g_clear_pointer (&data->query, outlay_query_free);
  g_clear_object (&data->file);
  g_free (data);
}

static gboolean
export_to_file (ExportData   *data,
                GCancellable *cancellable,
                GError      **error)
{
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;

  database = outlay_database_open_full (data->database_path, OUTLAY_DATABASE_FLAGS_READ_ONLY, error);
  if (database == NULL)
    return FALSE;
  repository = outlay_repository_new (database);

  /* The whole ledger in Outlay's own format is a backup: it keeps the
   * deleted expenses, for Undo and for a later sync. */
  return outlay_export_to_file (repository, data->format, data->query, data->query == NULL, data->file,
                                cancellable, &data->n_written, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr (GError) error = NULL;

  if (!export_to_file (data, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * outlay_export_job_create_chooser:
 * @parent: the window the chooser belongs to
 *
 * Returns: (transfer full): a chooser to save an export, with a name for it
 */
GtkFileChooserNative *
outlay_export_job_create_chooser (GtkWindow *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Expenses"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (json, _("Outlay ledger (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), csv);
  g_object_set_data_full (G_OBJECT (chooser), "json-filter", g_object_ref (json), g_object_unref);

  /* Translators: the suggested name of an exported file, with the date
   * (YYYY-MM-DD); keep it a valid file name */
  name = g_strdup_printf (_("Outlay expenses %s.csv"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  return chooser;
}

/**
 * outlay_export_job_get_format:
 * @chooser: a chooser of outlay_export_job_create_chooser()
 * @file: the file chosen
 *
 * Returns: the format the name of @file asks for, or else the one of the
 *   filter chosen
 */
OutlayExportFormat
outlay_export_job_get_format (GtkFileChooser *chooser,
                              GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);
  GtkFileFilter   *filter;

  if (g_str_has_suffix (lower, ".json"))
    return OUTLAY_EXPORT_FORMAT_JSON;
  if (g_str_has_suffix (lower, ".csv"))
    return OUTLAY_EXPORT_FORMAT_CSV;

  filter = gtk_file_chooser_get_filter (chooser);
  if (filter != NULL && filter == g_object_get_data (G_OBJECT (chooser), "json-filter"))
    return OUTLAY_EXPORT_FORMAT_JSON;

  return OUTLAY_EXPORT_FORMAT_CSV;
}

/**
 * outlay_export_job_run_async:
 * @repository: the ledger
 * @query: (nullable): which expenses, %NULL for all of them
 * @format: CSV or Outlay's JSON
 * @file: where to write
 *
 * Writes the export on a worker thread.
 */
void
outlay_export_job_run_async (OutlayRepository   *repository,
                             const OutlayQuery  *query,
                             OutlayExportFormat  format,
                             GFile              *file,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (OUTLAY_IS_REPOSITORY (repository));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->database_path = g_strdup (outlay_database_get_path (outlay_repository_get_database (repository)));
  data->query = query != NULL ? outlay_query_copy (query) : NULL;
  data->format = format;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, outlay_export_job_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * outlay_export_job_run_finish:
 * @n_written: (out) (optional): how many expenses the file holds
 *
 * Returns: whether the file was written
 */
gboolean
outlay_export_job_run_finish (GAsyncResult *result,
                              guint        *n_written,
                              GError      **error)
{
  ExportData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (n_written != NULL)
    *n_written = data->n_written;

  return TRUE;
}
