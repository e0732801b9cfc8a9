/* outlay-import-loader.c
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

/* One way from a file to an import plan, for the window and the command
 * line alike: read the file, tell its format (what was asked, else the
 * name, else the content), parse it (a CSV file into a table that a
 * mapping turns into records; HomeBank and Outlay's JSON into records at
 * once) and match the records against the ledger. Every step runs
 * synchronously, and the slow ones also in a worker thread. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "outlay-database.h"
#include "outlay-export.h"
#include "outlay-import-loader.h"
#include "outlay-money.h"
#include "outlay-xhb.h"

struct _OutlayImportLoader
{
  GObject parent_instance;

  char              *currency;
  char              *file_name;
  OutlayImportFormat format;
  /* What was read: a JSON file is only named, as it is read a line at a
   * time when parsed; the others are read whole. */
  GFile             *file;
  GBytes            *contents;

  /* What parsing gave: the table of a CSV file, or the records of the
   * other formats until a plan takes them. */
  OutlayCsvTable     *table;
  OutlayImportSource *source;
};

G_DEFINE_FINAL_TYPE (OutlayImportLoader, outlay_import_loader, G_TYPE_OBJECT)

/* The records of a file: shared by the parsing and by every plan, which
 * may run in a worker and so get only what does not change. */
static OutlayImportSource *
read_source (OutlayImportFormat      format,
             GFile                  *file,
             GBytes                 *contents,
             OutlayCsvTable         *table,
             const OutlayCsvMapping *mapping,
             const char             *currency,
             GCancellable           *cancellable,
             GError                **error)
{
  gsize       length = 0;
  const char *data = NULL;

  g_assert (contents != NULL || format == OUTLAY_IMPORT_FORMAT_JSON);
  g_assert (currency != NULL);

  if (contents != NULL)
    data = g_bytes_get_data (contents, &length);
  switch (format)
    {
    case OUTLAY_IMPORT_FORMAT_CSV:
      g_assert (table != NULL && mapping != NULL);
      if (!outlay_csv_mapping_validate (mapping, table, error))
        return NULL;
      return outlay_csv_import (table, mapping, currency, error);

    case OUTLAY_IMPORT_FORMAT_JSON:
      return contents != NULL ? outlay_json_read (data, length, error)
                              : outlay_json_read_file (file, cancellable, NULL, error);

    case OUTLAY_IMPORT_FORMAT_HOMEBANK:
      return outlay_xhb_read (data, length, currency, error);

    case OUTLAY_IMPORT_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

/* How much of a file is looked at to tell its format. */
#define HEAD_LENGTH 4096

/* Asked for, else what the name says, else what its first bytes say. */
static void
take_file (OutlayImportLoader *self,
           GFile              *file,
           OutlayImportFormat  format,
           GBytes             *contents)
{
  g_assert (OUTLAY_IS_IMPORT_LOADER (self));
  g_assert (format != OUTLAY_IMPORT_FORMAT_UNKNOWN);
  g_assert (contents != NULL || format == OUTLAY_IMPORT_FORMAT_JSON);

  g_clear_pointer (&self->table, outlay_csv_table_unref);
  g_clear_pointer (&self->source, outlay_import_source_free);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_set_object (&self->file, file);
  self->contents = contents;
  self->format = format;
  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);
}

static OutlayImportFormat
format_from_head (GInputStream *stream,
                  GCancellable *cancellable,
                  GError      **error)
{
  char  head[HEAD_LENGTH];
  gsize n = 0;

  if (!g_input_stream_read_all (stream, head, sizeof head, &n, cancellable, error))
    return OUTLAY_IMPORT_FORMAT_UNKNOWN;

  return outlay_import_format_from_content (head, n);
}

/* Reads @file in a worker: whole, unless it is JSON. */
static gboolean
read_file (OutlayImportLoader *self,
           GFile              *file,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autofree char   *name = g_file_get_basename (file);
  OutlayImportFormat format = self->format;
  char              *data = NULL;
  gsize              length = 0;

  if (format == OUTLAY_IMPORT_FORMAT_UNKNOWN)
    format = outlay_import_format_from_name (name);
  /* Opened in any case: a file that cannot be read fails here. */
  if (format == OUTLAY_IMPORT_FORMAT_UNKNOWN || format == OUTLAY_IMPORT_FORMAT_JSON)
    {
      g_autoptr (GFileInputStream) stream = g_file_read (file, cancellable, error);
      OutlayImportFormat sniffed;

      if (stream == NULL ||
          (sniffed = format_from_head (G_INPUT_STREAM (stream), cancellable, error)) == OUTLAY_IMPORT_FORMAT_UNKNOWN)
        return FALSE;
      if (format == OUTLAY_IMPORT_FORMAT_UNKNOWN)
        format = sniffed;
    }

  if (format != OUTLAY_IMPORT_FORMAT_JSON && !g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return FALSE;

  take_file (self, file, format, data != NULL ? g_bytes_new_take (data, length) : NULL);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OutlayImportLoader *self = source_object;
  GError             *error = NULL;

  if (read_file (self, task_data, cancellable, &error) && outlay_import_loader_parse (self, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

typedef struct
{
  char               *database_path;
  char               *currency;
  OutlayImportFormat  format;
  GFile              *file;
  GBytes             *contents;
  OutlayCsvTable     *table;
  OutlayCsvMapping    mapping;
  OutlayImportSource *source; /* parsed already: taken by this plan */
  OutlayRepository   *repository;
} PlanJob;

static void
plan_job_free (PlanJob *job)
{
  g_free (job->database_path);
  g_free (job->currency);
  g_clear_object (&job->file);
  g_clear_pointer (&job->contents, g_bytes_unref);
  g_clear_pointer (&job->table, outlay_csv_table_unref);
  g_clear_pointer (&job->source, outlay_import_source_free);
  g_clear_object (&job->repository);
  g_free (job);
}

/* The plan runs two or three queries a record: with its own connection, so
 * that the caller's stays on its thread. */
static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlanJob *job = task_data;
  g_autoptr (OutlayImportSource) source = g_steal_pointer (&job->source);
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  OutlayImportPlan *plan;

  if (source == NULL)
    {
      source = read_source (job->format, job->file, job->contents, job->table, &job->mapping, job->currency,
                            cancellable, &error);
      if (source == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  database = outlay_database_open (job->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->repository = outlay_repository_new (database);
  plan = outlay_import_plan_new (job->repository, g_steal_pointer (&source), job->currency, &error);
  if (plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) outlay_import_plan_free);
}

static void
outlay_import_loader_finalize (GObject *object)
{
  OutlayImportLoader *self = OUTLAY_IMPORT_LOADER (object);

  g_free (self->currency);
  g_free (self->file_name);
  g_clear_object (&self->file);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->table, outlay_csv_table_unref);
  g_clear_pointer (&self->source, outlay_import_source_free);

  G_OBJECT_CLASS (outlay_import_loader_parent_class)->finalize (object);
}

static void
outlay_import_loader_class_init (OutlayImportLoaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_import_loader_finalize;
}

static void
outlay_import_loader_init (OutlayImportLoader *self)
{
}

/**
 * outlay_import_loader_new:
 * @currency: the ledger's currency, for amounts without one
 *
 * Returns: (transfer full): a loader for one file
 */
OutlayImportLoader *
outlay_import_loader_new (const char *currency)
{
  OutlayImportLoader *self;

  g_return_val_if_fail (outlay_currency_is_valid (currency), NULL);

  self = g_object_new (OUTLAY_TYPE_IMPORT_LOADER, NULL);
  self->currency = g_strdup (currency);

  return self;
}

/**
 * outlay_import_loader_get_format:
 *
 * Returns: the format asked for, or once the file is read, the one it is
 *   read as
 */
OutlayImportFormat
outlay_import_loader_get_format (OutlayImportLoader *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_LOADER (self), OUTLAY_IMPORT_FORMAT_UNKNOWN);

  return self->format;
}

/**
 * outlay_import_loader_set_format:
 * @format: how to read the file, or %OUTLAY_IMPORT_FORMAT_UNKNOWN to tell
 *   from its name and content
 *
 * Takes effect at the next outlay_import_loader_read().
 */
void
outlay_import_loader_set_format (OutlayImportLoader *self,
                                 OutlayImportFormat  format)
{
  g_return_if_fail (OUTLAY_IS_IMPORT_LOADER (self));

  self->format = format;
}

const char *
outlay_import_loader_get_currency (OutlayImportLoader *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_LOADER (self), NULL);

  return self->currency;
}

/**
 * outlay_import_loader_get_file_name:
 *
 * Returns: (nullable): the base name of the file read
 */
const char *
outlay_import_loader_get_file_name (OutlayImportLoader *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_LOADER (self), NULL);

  return self->file_name;
}

/**
 * outlay_import_loader_get_table:
 *
 * Returns: (transfer none) (nullable): a CSV file's table once parsed,
 *   for the mapping of its columns; %NULL for the other formats
 */
OutlayCsvTable *
outlay_import_loader_get_table (OutlayImportLoader *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_LOADER (self), NULL);

  return self->table;
}

/**
 * outlay_import_loader_read:
 * @path: the file to import, as the person named it
 *
 * Reads the file and tells its format, parsing nothing yet: a caller can
 * check that its options fit the format first.
 *
 * Returns: %FALSE with @error set, of #G_FILE_ERROR, when the file cannot
 *   be read
 */
gboolean
outlay_import_loader_read (OutlayImportLoader *self,
                           const char         *path,
                           GError            **error)
{
  g_autoptr (GFile) file = NULL;
  OutlayImportFormat format;
  char              *data = NULL;
  gsize              length = 0;

  g_return_val_if_fail (OUTLAY_IS_IMPORT_LOADER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  format = self->format != OUTLAY_IMPORT_FORMAT_UNKNOWN ? self->format : outlay_import_format_from_name (path);
  /* Opened in any case, with the errors of g_file_get_contents(). */
  if (format == OUTLAY_IMPORT_FORMAT_UNKNOWN || format == OUTLAY_IMPORT_FORMAT_JSON)
    {
      char   head[HEAD_LENGTH];
      gssize n;
      int    saved_errno;
      int    fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

      n = fd >= 0 ? read (fd, head, sizeof head) : -1;
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      if (n < 0)
        {
          g_autofree char *display_name = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       /* GLib's own words, as g_file_get_contents() says them. */
                       fd < 0 ? g_dgettext ("glib20", "Failed to open file “%s”: %s")
                              : g_dgettext ("glib20", "Failed to read from file “%s”: %s"),
                       display_name, g_strerror (saved_errno));
          return FALSE;
        }
      if (format == OUTLAY_IMPORT_FORMAT_UNKNOWN)
        format = outlay_import_format_from_content (head, (gsize) n);
    }

  if (format != OUTLAY_IMPORT_FORMAT_JSON && !g_file_get_contents (path, &data, &length, error))
    return FALSE;

  take_file (self, file, format, data != NULL ? g_bytes_new_take (data, length) : NULL);
  return TRUE;
}

/**
 * outlay_import_loader_parse:
 *
 * Parses what outlay_import_loader_read() read, in the format it told.
 * Safe to call in a worker thread while nothing else uses the loader.
 *
 * Returns: %FALSE with @error set when the file is not of that format
 */
gboolean
outlay_import_loader_parse (OutlayImportLoader *self,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_LOADER (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g_clear_pointer (&self->table, outlay_csv_table_unref);
  g_clear_pointer (&self->source, outlay_import_source_free);

  if (self->format == OUTLAY_IMPORT_FORMAT_CSV)
    {
      self->table = outlay_csv_table_read_bytes (self->contents, error);
      return self->table != NULL;
    }

  self->source = read_source (self->format, self->file, self->contents, NULL, NULL, self->currency, cancellable,
                              error);
  return self->source != NULL;
}

/**
 * outlay_import_loader_load_async:
 * @file: the file to import
 *
 * Reads @file without blocking and parses it in a worker thread.
 */
void
outlay_import_loader_load_async (OutlayImportLoader *self,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  GTask *task;

  g_return_if_fail (OUTLAY_IS_IMPORT_LOADER (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A large file takes a while to read and parse: not on the main thread. */
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, outlay_import_loader_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
  g_object_unref (task);
}

gboolean
outlay_import_loader_load_finish (OutlayImportLoader *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * outlay_import_loader_build_source:
 * @mapping: (nullable): how to read a CSV file's columns; only for CSV
 *
 * Returns: (transfer full): the records of the file, or %NULL with @error
 *   set when @mapping does not fit the table
 */
OutlayImportSource *
outlay_import_loader_build_source (OutlayImportLoader     *self,
                                   const OutlayCsvMapping *mapping,
                                   GError                **error)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_LOADER (self), NULL);
  g_return_val_if_fail (self->file != NULL, NULL);
  g_return_val_if_fail (self->format != OUTLAY_IMPORT_FORMAT_CSV || (self->table != NULL && mapping != NULL), NULL);

  if (self->source != NULL)
    return g_steal_pointer (&self->source);

  return read_source (self->format, self->file, self->contents, self->table, mapping, self->currency, NULL, error);
}

/**
 * outlay_import_loader_plan_async:
 * @database_path: the ledger to plan against, opened anew in the worker
 * @mapping: (nullable): how to read a CSV file's columns; only for CSV
 *
 * Works out what importing the file would do, in a worker thread on a
 * connection of its own.
 */
void
outlay_import_loader_plan_async (OutlayImportLoader     *self,
                                 const char             *database_path,
                                 const OutlayCsvMapping *mapping,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_autoptr (GTask) task = NULL;
  PlanJob *job;

  g_return_if_fail (OUTLAY_IS_IMPORT_LOADER (self));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (self->file != NULL);
  g_return_if_fail (self->format != OUTLAY_IMPORT_FORMAT_CSV || (self->table != NULL && mapping != NULL));

  /* The worker gets a copy of everything, so that the caller can change
   * the mapping or start another plan meanwhile. */
  job = g_new0 (PlanJob, 1);
  job->database_path = g_strdup (database_path);
  job->currency = g_strdup (self->currency);
  job->format = self->format;
  job->file = g_object_ref (self->file);
  job->contents = self->contents != NULL ? g_bytes_ref (self->contents) : NULL;
  job->table = self->table != NULL ? outlay_csv_table_ref (self->table) : NULL;
  if (mapping != NULL)
    job->mapping = *mapping;
  job->source = g_steal_pointer (&self->source);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, outlay_import_loader_plan_async);
  g_task_set_task_data (task, job, (GDestroyNotify) plan_job_free);
  g_task_run_in_thread (task, plan_thread);
}

/**
 * outlay_import_loader_plan_finish:
 * @repository: (out) (transfer full): the plan's own connection, which
 *   applying the plan goes through
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
OutlayImportPlan *
outlay_import_loader_plan_finish (OutlayImportLoader *self,
                                  GAsyncResult       *result,
                                  OutlayRepository  **repository,
                                  GError            **error)
{
  PlanJob          *job;
  OutlayImportPlan *plan;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (repository != NULL, NULL);

  job = g_task_get_task_data (G_TASK (result));
  plan = g_task_propagate_pointer (G_TASK (result), error);
  *repository = plan != NULL ? g_steal_pointer (&job->repository) : NULL;

  return plan;
}
