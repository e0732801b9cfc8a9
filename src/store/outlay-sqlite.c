/* outlay-sqlite.c
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

/* What the store does with a raw SQLite connection, below #OutlayDatabase:
 * errors as GErrors, one-value queries, integrity checks, and copies of a
 * whole file that are checked before they take their name. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "outlay-database-private.h"

/* SQLite says SQLITE_FULL when a write to the file or its WAL finds no
 * space, but a plain I/O error when the WAL index (the -shm file, which
 * even a read needs first) cannot grow; errno tells them apart. */
static gboolean
is_out_of_space (sqlite3 *db,
                 int      rc)
{
  int errsv;

  if ((rc & 0xff) == SQLITE_FULL)
    return TRUE;
  if ((rc & 0xff) != SQLITE_IOERR || db == NULL)
    return FALSE;

  errsv = sqlite3_system_errno (db);
  return errsv == ENOSPC || errsv == EDQUOT;
}

void
outlay_sqlite_set_error (sqlite3    *db,
                         GError    **error,
                         int         rc,
                         const char *context)
{
  OutlayDatabaseError code;
  const char         *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (is_out_of_space (db, rc))
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = OUTLAY_DATABASE_ERROR_FULL;
      g_set_error (error, OUTLAY_DATABASE_ERROR, code,
                   _("%s: the disk is full. Nothing was changed; free some space and try again."),
                      context);
      return;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = OUTLAY_DATABASE_ERROR_READ_ONLY;
      g_set_error (error, OUTLAY_DATABASE_ERROR, code,
                   _("%s: the database file cannot be written. Nothing was changed."),
                      context);
      return;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = OUTLAY_DATABASE_ERROR_BUSY;
      g_set_error (error, OUTLAY_DATABASE_ERROR, code,
                   _("%s: another program is changing the ledger. Nothing was changed; "
                     "try again when it has finished."),
                   context);
      return;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = OUTLAY_DATABASE_ERROR_DAMAGED;
      g_set_error (error, OUTLAY_DATABASE_ERROR, code,
                   _("%s: the database file is damaged. Nothing was changed."),
                      context);
      return;

    case SQLITE_CONSTRAINT:
      code = OUTLAY_DATABASE_ERROR_CONSTRAINT;
      break;

    case SQLITE_CANTOPEN:
      code = OUTLAY_DATABASE_ERROR_OPEN;
      break;

    default:
      code = OUTLAY_DATABASE_ERROR_FAILED;
      break;
    }

  g_set_error (error, OUTLAY_DATABASE_ERROR, code, "%s: %s", context, detail);
}

gboolean
outlay_sqlite_is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

gboolean
outlay_sqlite_exec (sqlite3    *db,
                    const char *sql,
                    GError    **error)
{
  char *message = NULL;
  int   rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (db, error, rc, _("Could not run a database command"));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gboolean
outlay_sqlite_query_uint (sqlite3    *db,
                          const char *sql,
                          guint      *value,
                          GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = (guint) sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *value = 0;
          rc = SQLITE_OK;
        }
    }

  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (db, error, rc, _("Could not read the database"));
      return FALSE;
    }

  return TRUE;
}

gboolean
outlay_file_create_parent_directory (const char *path,
                                     GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"),
                      dir, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

gboolean
outlay_file_create_private (const char *path,
                            GError    **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int errsv = errno;
      if (errsv == EEXIST)
        return TRUE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the database “%s”: %s"),
                      path, g_strerror (errsv));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* A copy that failed half-way may have its log and index beside it. */
void
outlay_file_remove_copy (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Runs an integrity or quick check and collects what it reports; a check
 * that cannot even read the file reports that as the problem. The check
 * reports a failed read of a page as a problem too: what it finds is
 * only taken when a second run finds it again, so that one failed read
 * does not make a sound file damaged. */
static gboolean run_check_once (sqlite3    *db,
                                const char *sql,
                                GPtrArray  *problems,
                                GError    **error);

gboolean
outlay_sqlite_run_check (sqlite3    *db,
                         const char *sql,
                         GPtrArray  *problems,
                         GError    **error)
{
  guint before = problems->len;

  if (!run_check_once (db, sql, problems, error))
    return FALSE;
  if (problems->len == before)
    return TRUE;

  g_ptr_array_remove_range (problems, before, problems->len - before);
  return run_check_once (db, sql, problems, error);
}

static gboolean
run_check_once (sqlite3    *db,
                const char *sql,
                GPtrArray  *problems,
                GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") != 0)
        g_ptr_array_add (problems, g_strdup (text != NULL ? text : ""));
      rc = SQLITE_OK;
    }

  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  if (outlay_sqlite_is_damage (rc))
    {
      g_ptr_array_add (problems, g_strdup (sqlite3_errmsg (db)));
      rc = SQLITE_OK;
    }

  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (db, error, rc, _("Could not check the database"));
      return FALSE;
    }

  return TRUE;
}

int
outlay_sqlite_cancel_cb (gpointer cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* Checks a fresh copy with SQLite's integrity check and, when @record,
 * writes into it what the backups list shows: how many expenses it holds
 * and when it was found sound. */
static gboolean
verify_copy (sqlite3 *dest,
             gboolean record,
             GError **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *sql = NULL;
  guint            expenses = 0;
  guint            has_meta = 0;

  if (!outlay_sqlite_run_check (dest, "PRAGMA integrity_check(20)", problems, error))
    return FALSE;

  if (problems->len > 0)
    {
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED,
                   _("The database file is damaged: its copy failed the integrity check (%s)."),
                      (const char *) problems->pdata[0]);
      return FALSE;
    }

  if (!record)
    return TRUE;

  if (!outlay_sqlite_query_uint (dest,
                                 "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'outlay_meta'",
                                 &has_meta, error))
    return FALSE;
  if (!has_meta)
    return TRUE;

  if (!outlay_sqlite_query_uint (dest, "SELECT count(*) FROM expenses WHERE deleted_at IS NULL", &expenses, error))
    return FALSE;

  now = g_date_time_new_now_utc ();
  stamp = g_date_time_format_iso8601 (now);
  sql = g_strdup_printf ("INSERT INTO outlay_meta (key, value) VALUES "
                         "('" OUTLAY_META_BACKUP_EXPENSES "', '%u'), ('" OUTLAY_META_BACKUP_VERIFIED "', '%s') "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         expenses, stamp);

  return outlay_sqlite_exec (dest, sql, error);
}

static gboolean
source_is_sound (sqlite3 *source)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  return outlay_sqlite_run_check (source, "PRAGMA integrity_check(1)", problems, NULL) && problems->len == 0;
}

/* Copies @source into @destination through a temporary file beside it,
 * and checks the copy before it takes the name. A copy that fails the
 * check is moved to @damaged_destination when given (never over a good
 * backup), and otherwise removed. */
gboolean
outlay_sqlite_copy (sqlite3    *source,
                    const char *destination,
                    const char *damaged_destination,
                    gboolean    record,
                    GError    **error)
{
  g_autoptr (GError) check_error = NULL;
  sqlite3         *dest = NULL;
  sqlite3_backup  *backup;
  g_autofree char *tmp = g_strconcat (destination, ".partial", NULL);
  int              rc;

  if (!outlay_file_create_parent_directory (destination, error))
    return FALSE;

  outlay_file_remove_copy (tmp);
  if (!outlay_file_create_private (tmp, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto failed;
    }

  do
    rc = sqlite3_backup_step (backup, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto failed;

  /* The copy carries the source's WAL mode; a backup is better one
   * self-contained file, which opening it read-only leaves alone. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK && !outlay_sqlite_is_damage (rc))
    goto failed;

  if (outlay_sqlite_is_damage (rc) || !verify_copy (dest, record, &check_error))
    {
      if (check_error == NULL)
        outlay_sqlite_set_error (dest, &check_error, rc, _("Could not check the database"));
      /* A bad copy of a sound file says nothing about the file. */
      if (g_error_matches (check_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED) &&
          source_is_sound (source))
        {
          g_clear_error (&check_error);
          g_set_error (&check_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BACKUP,
                       _("the copy did not pass its integrity check, although the database did"));
        }
      if (!g_error_matches (check_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
        {
          sqlite3_close (dest);
          outlay_file_remove_copy (tmp);
          g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BACKUP,
                       _("Could not check the backup: %s"), check_error->message);
          return FALSE;
        }

      sqlite3_close (dest);
      if (damaged_destination == NULL || g_rename (tmp, damaged_destination) != 0)
        outlay_file_remove_copy (tmp);
      else
        {
          g_autofree char *journal = g_strconcat (tmp, "-journal", NULL);
          g_unlink (journal);
        }
      g_propagate_error (error, g_steal_pointer (&check_error));
      return FALSE;
    }

  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    goto failed;

  if (g_rename (tmp, destination) != 0)
    {
      int errsv = errno;
      outlay_file_remove_copy (tmp);
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BACKUP,
                   _("Could not save the backup “%s”: %s"),
                      destination, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;

failed:
  {
    g_autoptr (GError) local_error = NULL;

    outlay_sqlite_set_error (dest, &local_error, rc, _("Could not write the backup"));
    sqlite3_close (dest);
    outlay_file_remove_copy (tmp);
    g_set_error (error, OUTLAY_DATABASE_ERROR,
                 outlay_sqlite_is_damage (rc) ? OUTLAY_DATABASE_ERROR_DAMAGED : OUTLAY_DATABASE_ERROR_BACKUP,
                 "%s", local_error->message);
    return FALSE;
  }
}

gboolean
outlay_sqlite_copy_into (sqlite3    *destination,
                         const char *source_path,
                         GError    **error)
{
  sqlite3        *source = NULL;
  sqlite3_backup *backup;
  int             rc;

  rc = sqlite3_open_v2 (source_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (source, error, rc, _("Could not open the backup"));
      sqlite3_close (source);
      return FALSE;
    }

  backup = sqlite3_backup_init (destination, "main", source, "main");
  if (backup == NULL)
    {
      outlay_sqlite_set_error (destination, error, sqlite3_errcode (destination),
                               _("Could not restore the backup"));
      sqlite3_close (source);
      return FALSE;
    }

  /* One step: every page lands in a single write transaction of the
   * destination, so other connections see the old file or the new one.
   * While another program writes, the step has waited the destination's
   * busy timeout: the caller decides whether to wait longer. */
  rc = sqlite3_backup_step (backup, -1);

  sqlite3_backup_finish (backup);
  sqlite3_close (source);

  if (rc != SQLITE_DONE)
    {
      outlay_sqlite_set_error (NULL, error, rc, _("Could not restore the backup"));
      return FALSE;
    }

  return TRUE;
}
