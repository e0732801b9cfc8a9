/* outlay-export.c
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

#include "outlay-export.h"
#include "outlay-export-private.h"
#include "outlay-import.h"
#include "outlay-repository.h"

/* Written in pieces of about this size. */
#define CHUNK_SIZE (64 * 1024)

void
outlay_export_writer_init (OutlayExportWriter *writer,
                           OutlayRepository   *repository,
                           GOutputStream      *out,
                           GCancellable       *cancellable)
{
  sqlite3 *db;

  g_assert (OUTLAY_IS_REPOSITORY (repository));
  g_assert (G_IS_OUTPUT_STREAM (out));

  *writer = (OutlayExportWriter){
    repository, out, cancellable, g_string_sized_new (CHUNK_SIZE + 1024), 0, FALSE,
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free)
  };

  /* Without it (a transaction of the caller's, or BEGIN failing), each
   * read sees the ledger as it is then, as before. */
  db = outlay_database_get_handle (outlay_repository_get_database (repository));
  if (sqlite3_get_autocommit (db))
    writer->in_snapshot = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void
outlay_export_writer_clear (OutlayExportWriter *writer)
{
  sqlite3 *db = outlay_database_get_handle (outlay_repository_get_database (writer->repository));

  /* Nothing was written in it: ending it cannot lose anything. */
  if (writer->in_snapshot && sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  writer->in_snapshot = FALSE;

  if (writer->buffer != NULL)
    g_string_free (g_steal_pointer (&writer->buffer), TRUE);
  g_clear_pointer (&writer->paths, g_hash_table_unref);
}

gboolean
outlay_export_writer_flush (OutlayExportWriter *writer,
                            gboolean            force,
                            GError            **error)
{
  if (writer->buffer->len == 0 || (!force && writer->buffer->len < CHUNK_SIZE))
    return TRUE;

  if (!g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                                  NULL, writer->cancellable, error))
    return FALSE;

  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

const char *
outlay_export_writer_category_path (OutlayExportWriter *writer,
                                    OutlayCategory     *category)
{
  OutlayCategory *parent;
  char           *path;
  gint64          id;

  if (category == NULL)
    return "";

  parent = outlay_repository_get_parent_category (writer->repository, category);
  if (parent == NULL)
    return outlay_category_get_name (category);

  id = outlay_category_get_id (category);
  path = g_hash_table_lookup (writer->paths, &id);
  if (path == NULL)
    {
      path = outlay_import_category_path (outlay_category_get_name (parent), outlay_category_get_name (category));
      g_hash_table_insert (writer->paths, g_memdup2 (&id, sizeof id), path);
    }

  return path;
}

const char *
outlay_export_writer_category_name (OutlayExportWriter *writer,
                                    OutlayExpense      *expense)
{
  OutlayCategory *category = outlay_repository_lookup_category (writer->repository,
                                                                outlay_expense_get_category_id (expense));

  return outlay_export_writer_category_path (writer, category);
}

/**
 * outlay_export_write:
 * @query: (nullable): which expenses, in its order; %NULL for all
 * @include_deleted: with no @query, the deleted expenses too (JSON only)
 * @n_written: (out) (optional): how many expenses were written
 *
 * Writes the expenses to @out in @format; @out stays open.
 */
gboolean
outlay_export_write (OutlayRepository  *repository,
                     OutlayExportFormat format,
                     const OutlayQuery *query,
                     gboolean           include_deleted,
                     GOutputStream     *out,
                     GCancellable      *cancellable,
                     guint             *n_written,
                     GError           **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (format == OUTLAY_EXPORT_FORMAT_JSON)
    return outlay_export_json (repository, query, include_deleted, out, cancellable, n_written, error);

  return outlay_export_csv (repository, query, out, cancellable, n_written, error);
}

/**
 * outlay_export_to_file:
 *
 * Writes the expenses into @file as outlay_export_write() does, through a
 * temporary file renamed over it once everything is written: a failure
 * leaves @file as it was, or absent when it did not exist.
 */
gboolean
outlay_export_to_file (OutlayRepository  *repository,
                       OutlayExportFormat format,
                       const OutlayQuery *query,
                       gboolean           include_deleted,
                       GFile             *file,
                       GCancellable      *cancellable,
                       guint             *n_written,
                       GError           **error)
{
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GCancellable) abandon = NULL;
  gboolean existed;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  existed = g_file_query_exists (file, cancellable);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (outlay_export_write (repository, format, query, include_deleted, G_OUTPUT_STREAM (stream),
                           cancellable, n_written, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return TRUE;

  /* Closing a replacing stream with a cancelled cancellable drops what was
   * written and keeps the file that was there. */
  if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
    {
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
    }

  /* A file that did not exist is written in place rather than through a
   * temporary copy: remove what there is of it. */
  if (!existed)
    g_file_delete (file, NULL, NULL);

  return FALSE;
}
