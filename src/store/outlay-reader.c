/* outlay-reader.c
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

/* Queries whose cost grows with the ledger, away from the main loop.
 *
 * A reader owns a second, read-only connection to the ledger's file, opened
 * in a worker on first use. Calls run one at a time on it, in the order they
 * were made; one whose cancellable fires stops at its next SQLite step
 * (a progress handler), so that the newest request is not kept waiting by
 * the ones it replaced. In WAL mode the reader sees every committed write
 * and never waits for the window's own writes. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-database-private.h"
#include "outlay-reader.h"

struct _OutlayReader
{
  GObject parent_instance;

  GWeakRef database; /* the ledger's OutlayDatabase, on the main thread */
  char    *path;

  GMutex            lock;       /* held by the call that uses the connection */
  OutlayRepository *connection; /* read-only, only used under lock */
};

G_DEFINE_FINAL_TYPE (OutlayReader, outlay_reader, G_TYPE_OBJECT)

typedef struct
{
  OutlayReaderFunc func;
  gpointer         data;
  GDestroyNotify   data_free;
  GDestroyNotify   result_free;
} Call;

static void
call_free (Call *call)
{
  if (call->data_free != NULL)
    g_clear_pointer (&call->data, call->data_free);
  g_free (call);
}

static int
progress_cb (void *user_data)
{
  /* Non-zero interrupts the statement. */
  return g_cancellable_is_cancelled (user_data);
}

static gboolean
ensure_connection (OutlayReader *self,
                   GError      **error)
{
  g_autoptr (OutlayDatabase) database = NULL;

  if (self->connection != NULL)
    return TRUE;

  database = outlay_database_open_full (self->path, OUTLAY_DATABASE_FLAGS_READ_ONLY, error);
  if (database == NULL)
    return FALSE;

  self->connection = outlay_repository_new (database);
  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  OutlayReader *self = source_object;
  Call         *call = task_data;
  g_autoptr (GError) error = NULL;
  gpointer result = NULL;
  sqlite3 *db;

  g_mutex_lock (&self->lock);

  if (g_task_return_error_if_cancelled (task))
    {
      g_mutex_unlock (&self->lock);
      return;
    }

  if (!ensure_connection (self, &error))
    {
      g_mutex_unlock (&self->lock);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  db = outlay_database_get_handle (outlay_repository_get_database (self->connection));
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 1000, progress_cb, cancellable);
  result = call->func (self->connection, call->data, cancellable, &error);
  sqlite3_progress_handler (db, 0, NULL, NULL);

  /* A damaged file is opened again next time, once it has been mended. */
  if (error != NULL && g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
    g_clear_object (&self->connection);

  g_mutex_unlock (&self->lock);

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      if (result != NULL && call->result_free != NULL)
        call->result_free (result);
      g_task_return_error_if_cancelled (task);
    }
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, call->result_free);
}

static void
outlay_reader_finalize (GObject *object)
{
  OutlayReader *self = (OutlayReader *) object;

  g_clear_object (&self->connection);
  g_weak_ref_clear (&self->database);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (outlay_reader_parent_class)->finalize (object);
}

static void
outlay_reader_class_init (OutlayReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = outlay_reader_finalize;
}

static void
outlay_reader_init (OutlayReader *self)
{
  g_mutex_init (&self->lock);
  g_weak_ref_init (&self->database, NULL);
}

/**
 * outlay_reader_new:
 * @repository: the ledger to read
 *
 * Returns: (transfer full): a reader of @repository's file
 */
OutlayReader *
outlay_reader_new (OutlayRepository *repository)
{
  OutlayReader   *self;
  OutlayDatabase *database;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);

  /* A read that is still stopping keeps the reader, not the ledger. */
  database = outlay_repository_get_database (repository);
  self = g_object_new (OUTLAY_TYPE_READER, NULL);
  g_weak_ref_set (&self->database, database);
  self->path = g_strdup (outlay_database_get_path (database));

  return self;
}

/**
 * outlay_reader_run_async:
 * @func: what to run in the worker
 * @data: (nullable): passed to @func
 * @data_free: (nullable): frees @data once the call is over
 * @result_free: (nullable): frees an answer nobody took
 *
 * Runs @func on the reader's connection in a worker thread. A call that is
 * cancelled finishes with %G_IO_ERROR_CANCELLED, whatever @func returned.
 */
void
outlay_reader_run_async (OutlayReader       *self,
                         OutlayReaderFunc    func,
                         gpointer            data,
                         GDestroyNotify      data_free,
                         GDestroyNotify      result_free,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  Call *call;

  g_return_if_fail (OUTLAY_IS_READER (self));
  g_return_if_fail (func != NULL);

  call = g_new0 (Call, 1);
  call->func = func;
  call->data = data;
  call->data_free = data_free;
  call->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, outlay_reader_run_async);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  g_task_set_return_on_cancel (task, FALSE);

  /* Nothing to read from a file known to be damaged. */
  database = g_weak_ref_get (&self->database);
  if (database == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The ledger was closed");
      return;
    }
  if (outlay_database_is_damaged (database))
    {
      g_task_return_new_error (task, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED,
                               _("The database file is damaged."));
      return;
    }

  g_task_run_in_thread (task, run_thread);
}

/**
 * outlay_reader_run_finish:
 *
 * A damaged file found by the worker marks the ledger's database damaged,
 * as a read on the main connection would.
 *
 * Returns: (transfer full): the answer of the call's function, or %NULL
 *   with @error set
 */
gpointer
outlay_reader_run_finish (OutlayReader *self,
                          GAsyncResult *result,
                          GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  gpointer answer;

  g_return_val_if_fail (OUTLAY_IS_READER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  answer = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      database = g_weak_ref_get (&self->database);
      if (database != NULL && g_error_matches (local_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
        outlay_database_mark_damaged (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return answer;
}
