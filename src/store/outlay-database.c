/* outlay-database.c
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

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "outlay-backups.h"
#include "outlay-database-private.h"

struct _OutlayDatabase
{
  GObject parent_instance;

  sqlite3    *db;
  char       *path;
  char       *backup_path;
  GHashTable *statements; /* char *sql → sqlite3_stmt */
  guint       schema_version;
  guint       min_writer_version;
  guint       read_only : 1;
};

G_DEFINE_FINAL_TYPE (OutlayDatabase, outlay_database, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (outlay-database-error-quark, outlay_database_error)
/* clang-format on */

#define BUSY_TIMEOUT_MS 5000

void
outlay_sqlite_set_error (sqlite3    *db,
                         GError    **error,
                         int         rc,
                         const char *context)
{
  OutlayDatabaseError code;
  const char         *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

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
                   _("%s: the database is in use by another program. Nothing was changed; try again."),
                   context);
      return;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = OUTLAY_DATABASE_ERROR_NOT_A_DATABASE;
      break;

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

void
outlay_database_propagate_error (OutlayDatabase *self,
                                 GError        **error,
                                 int             rc,
                                 const char     *context)
{
  outlay_sqlite_set_error (self->db, error, rc, context);
}

static gboolean
exec_sql (sqlite3    *db,
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

static gboolean
query_uint (sqlite3    *db,
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

static gboolean
read_min_writer_version (sqlite3 *db,
                         guint   *value,
                         GError **error)
{
  guint has_table = 0;

  if (!query_uint (db,
                   "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'outlay_meta'",
                   &has_table, error))
    return FALSE;

  if (!has_table)
    {
      *value = 0;
      return TRUE;
    }

  return query_uint (db,
                     "SELECT CAST(value AS INTEGER) FROM outlay_meta WHERE key = 'min_writer_version'",
                     value, error);
}

static gboolean
create_parent_directory (const char *path,
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

static gboolean
create_private_file (const char *path,
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

/* Looks at an existing file without writing anything to it — not even the
 * journal mode — so that a database from a newer, incompatible Outlay is
 * refused before it is touched. */
static gboolean
check_existing_file (const char *path,
                     guint      *schema_version,
                     GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  sqlite3 *db = NULL;
  guint    min_writer = 0;
  int      rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (db, error, rc, _("Could not open the database"));
      sqlite3_close (db);
      return FALSE;
    }

  if (!query_uint (db, "PRAGMA user_version", schema_version, &local_error))
    {
      sqlite3_close (db);
      if (g_error_matches (local_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE))
        g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE,
                     _("“%s” is not an Outlay database, or it is damaged."), path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A file with tables but no version belongs to another program. */
  if (*schema_version == 0)
    {
      guint n_objects = 0;

      if (!query_uint (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
        {
          sqlite3_close (db);
          return FALSE;
        }

      if (n_objects > 0)
        {
          sqlite3_close (db);
          g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE,
                       _("“%s” is not an Outlay database, or it is damaged."), path);
          return FALSE;
        }
    }

  if (*schema_version > OUTLAY_SCHEMA_VERSION)
    {
      if (!read_min_writer_version (db, &min_writer, error))
        {
          sqlite3_close (db);
          return FALSE;
        }

      if (min_writer == 0 || min_writer > OUTLAY_SCHEMA_VERSION)
        {
          sqlite3_close (db);
          g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_TOO_NEW,
                       _("The database was written by a newer version of Outlay (data format %u) "
                         "that this version (format %u) cannot safely change. "
                         "Update Outlay to open it. The file was left untouched."),
                       *schema_version, (guint) OUTLAY_SCHEMA_VERSION);
          return FALSE;
        }
    }

  sqlite3_close (db);
  return TRUE;
}

static gboolean
query_text_equals (sqlite3    *db,
                   const char *sql,
                   const char *expected,
                   gboolean   *equal,
                   GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        {
          *equal = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), expected) == 0;
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

/* What an Outlay file of any released format has, whatever else a newer
 * version may have added. */
static gboolean
has_outlay_tables (const char *path,
                   GError    **error)
{
  static const char sql[] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('outlay_meta', 'categories', 'expenses')";
  sqlite3 *db = NULL;
  guint    n_tables = 0;
  gboolean intact = FALSE;
  int      rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (db, error, rc, _("Could not open the database"));
      sqlite3_close (db);
      return FALSE;
    }

  if (!query_uint (db, sql, &n_tables, error) ||
      !query_text_equals (db, "PRAGMA quick_check", "ok", &intact, error))
    {
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_close (db);

  if (n_tables != 3 || !intact)
    {
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not an Outlay database, or it is damaged."), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure_connection (sqlite3 *db,
                      gboolean read_only,
                      GError **error)
{
  int enabled = 0;

  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, &enabled);

  if (!exec_sql (db, "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;", error))
    return FALSE;

  if (read_only)
    return TRUE;

  /* FULL keeps a committed expense even through a power cut. */
  return exec_sql (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", error);
}

static gboolean
has_wal_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  return g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_test (shm, G_FILE_TEST_EXISTS);
}

/* Reading a file in WAL mode read-only leaves an empty log and an index
 * beside it; a look at a backup must not litter its folder. */
static void
remove_empty_wal_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  GStatBuf         st;

  if (g_stat (wal, &st) == 0 && st.st_size == 0)
    {
      g_unlink (wal);
      g_unlink (shm);
    }
}

/* Removes @path with everything in it: a work folder, or a file in one. */
void
outlay_database_remove_work_folder (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir       *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          outlay_database_remove_work_folder (child);
        }
      g_clear_pointer (&dir, g_dir_close);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* A copy that failed half-way may have its log and index beside it. */
static void
remove_partial_copy (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
backup_to (sqlite3    *source,
           const char *destination,
           GError    **error)
{
  sqlite3         *dest = NULL;
  sqlite3_backup  *backup;
  g_autofree char *tmp = g_strconcat (destination, ".partial", NULL);
  int              rc;

  if (!create_parent_directory (destination, error))
    return FALSE;

  g_unlink (tmp);
  if (!create_private_file (tmp, error))
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
  if (rc != SQLITE_OK)
    goto failed;

  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    goto failed;

  if (g_rename (tmp, destination) != 0)
    {
      int errsv = errno;
      g_unlink (tmp);
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
    remove_partial_copy (tmp);
    g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BACKUP,
                 "%s", local_error->message);
    return FALSE;
  }
}

static gboolean
set_min_writer_version (sqlite3 *db,
                        guint    version,
                        GError **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO outlay_meta (key, value) VALUES ('min_writer_version', '%u') "
                                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                          version);
  return exec_sql (db, sql, error);
}

static gboolean
apply_migration (sqlite3               *db,
                 const OutlayMigration *migration,
                 guint                  min_writer,
                 GError               **error)
{
  g_autofree char *version_sql = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if ((migration->sql != NULL && !exec_sql (db, migration->sql, &local_error)) ||
      (migration->apply != NULL && !migration->apply (db, &local_error)) ||
      !set_min_writer_version (db, MAX (min_writer, migration->min_writer_version), &local_error))
    goto failed;

  version_sql = g_strdup_printf ("PRAGMA user_version = %u", migration->version);
  if (!exec_sql (db, version_sql, &local_error) ||
      !exec_sql (db, "COMMIT", &local_error))
    goto failed;

  return TRUE;

failed:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_MIGRATION,
               _("Could not upgrade the database to data format %u: %s"),
               migration->version, local_error->message);
  return FALSE;
}

static gboolean
migrate (OutlayDatabase *self,
         GError        **error)
{
  const OutlayMigration *migrations;
  guint                  n_migrations;
  guint                  user_version;
  guint                  initial_version;
  guint                  min_writer;

  if (!query_uint (self->db, "PRAGMA user_version", &user_version, error) ||
      !read_min_writer_version (self->db, &min_writer, error))
    return FALSE;

  migrations = outlay_migrations_get (&n_migrations);
  initial_version = user_version;

  for (guint i = 0; i < n_migrations; i++)
    {
      const OutlayMigration *migration = &migrations[i];

      if (migration->version <= user_version)
        continue;

      /* An existing file gets a copy before its first step runs. */
      if (initial_version > 0 && self->backup_path == NULL)
        {
          g_autoptr (OutlayBackups) backups = outlay_backups_new (self);

          self->backup_path = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MIGRATION, error);
          if (self->backup_path == NULL)
            return FALSE;
        }

      if (!apply_migration (self->db, migration, min_writer, error))
        return FALSE;

      user_version = migration->version;
      min_writer = MAX (min_writer, migration->min_writer_version);
    }

  self->schema_version = user_version;
  self->min_writer_version = min_writer;

  return TRUE;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
outlay_database_finalize (GObject *object)
{
  OutlayDatabase *self = (OutlayDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Leave a clean single file behind for copies and older tools. */
      if (!self->read_only)
        sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (outlay_database_parent_class)->finalize (object);
}

static void
outlay_database_class_init (OutlayDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = outlay_database_finalize;
}

static void
outlay_database_init (OutlayDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/**
 * outlay_database_get_default_path:
 *
 * Returns: (transfer full): the database to use when none is given:
 *   `OUTLAY_DATABASE` when set, else `$XDG_DATA_HOME/outlay/outlay.db`
 */
char *
outlay_database_get_default_path (void)
{
  const char *env = g_getenv ("OUTLAY_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "outlay", "outlay.db", NULL);
}

OutlayDatabase *
outlay_database_open (const char *path,
                      GError    **error)
{
  return outlay_database_open_full (path, OUTLAY_DATABASE_FLAGS_NONE, error);
}

/**
 * outlay_database_open_full:
 * @path: the database file; created with its folders when missing
 * @flags: how to open it
 * @error: a location for a #GError
 *
 * Opens the database, brings its schema up to %OUTLAY_SCHEMA_VERSION (after
 * a backup copy of an existing file) and configures the connection.
 *
 * A file from a newer Outlay opens as it is when it records that this
 * version may still write it; otherwise it is refused with
 * %OUTLAY_DATABASE_ERROR_TOO_NEW and not modified in any way.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
OutlayDatabase *
outlay_database_open_full (const char         *path,
                           OutlayDatabaseFlags flags,
                           GError            **error)
{
  g_autoptr (OutlayDatabase) self = NULL;
  gboolean read_only = (flags & OUTLAY_DATABASE_FLAGS_READ_ONLY) != 0;
  guint    existing_version = 0;
  int      rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!check_existing_file (path, &existing_version, error))
        return NULL;
    }
  else if (read_only)
    {
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_OPEN,
                   _("The database “%s” does not exist."), path);
      return NULL;
    }
  else if (!create_parent_directory (path, error) ||
           !create_private_file (path, error))
    return NULL;

  self = g_object_new (OUTLAY_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  rc = sqlite3_open_v2 (path, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (self->db, error, rc, _("Could not open the database"));
      return NULL;
    }

  if (!configure_connection (self->db, read_only, error))
    return NULL;

  if (read_only)
    {
      if (existing_version < OUTLAY_SCHEMA_VERSION)
        {
          g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY,
                       _("The database uses an older data format and must be upgraded, "
                         "but it was opened read-only."));
          return NULL;
        }
      self->schema_version = existing_version;
      if (!read_min_writer_version (self->db, &self->min_writer_version, error))
        return NULL;
    }
  else if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
outlay_database_get_path (OutlayDatabase *self)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), NULL);

  return self->path;
}

gboolean
outlay_database_is_read_only (OutlayDatabase *self)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), FALSE);

  return self->read_only;
}

/**
 * outlay_database_get_schema_version:
 *
 * Returns: the data format of the file, which is newer than
 *   %OUTLAY_SCHEMA_VERSION when a newer, compatible Outlay wrote it
 */
guint
outlay_database_get_schema_version (OutlayDatabase *self)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), 0);

  return self->schema_version;
}

guint
outlay_database_get_min_writer_version (OutlayDatabase *self)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), 0);

  return self->min_writer_version;
}

/**
 * outlay_database_get_backup_path:
 *
 * Returns: (nullable): the copy made before this open upgraded the file
 */
const char *
outlay_database_get_backup_path (OutlayDatabase *self)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), NULL);

  return self->backup_path;
}

/**
 * outlay_database_backup:
 * @destination: the file to write; replaced atomically when it exists
 *
 * Writes a consistent copy of the database with SQLite's online backup.
 */
gboolean
outlay_database_backup (OutlayDatabase *self,
                        const char     *destination,
                        GError        **error)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  return backup_to (self->db, destination, error);
}

/**
 * outlay_database_check_file:
 * @path: a file that should hold an Outlay database, such as a backup
 * @error: a location for a #GError
 *
 * Looks at @path without changing it: it must exist, be an Outlay database
 * of a format this version can write (older ones are upgraded when opened),
 * and pass SQLite's quick integrity check.
 *
 * Returns: whether @path can be opened, and restored from
 */
gboolean
outlay_database_check_file (const char *path,
                            GError    **error)
{
  gboolean had_wal;
  gboolean ok;
  guint    version = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_OPEN,
                   _("The file “%s” does not exist."), path);
      return FALSE;
    }

  had_wal = has_wal_files (path);

  if (!check_existing_file (path, &version, error))
    ok = FALSE;
  else if (version == 0)
    {
      /* An empty SQLite file would open as a new, empty ledger. */
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not an Outlay database, or it is damaged."), path);
      ok = FALSE;
    }
  else
    ok = has_outlay_tables (path, error);

  if (!had_wal)
    remove_empty_wal_files (path);

  return ok;
}

/* A private folder beside the database, @name_template with its XXXXXX
 * made unique, for the copies a restore or a copy elsewhere go through. */
char *
outlay_database_create_work_folder (OutlayDatabase *self,
                                    const char     *name_template,
                                    GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *work = NULL;

  g_assert (OUTLAY_IS_DATABASE (self));
  g_assert (name_template != NULL);

  dir = g_path_get_dirname (self->path);
  work = g_build_filename (dir, name_template, NULL);
  if (g_mkdtemp_full (work, 0700) == NULL)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create a folder beside the database: %s"), g_strerror (errsv));
      return NULL;
    }

  return g_steal_pointer (&work);
}

/* Forgets the statements prepared against the content before and reads
 * the file's versions again: another connection may have replaced it all,
 * as a restore does. */
gboolean
outlay_database_reload (OutlayDatabase *self,
                        GError        **error)
{
  g_assert (OUTLAY_IS_DATABASE (self));

  g_hash_table_remove_all (self->statements);

  return query_uint (self->db, "PRAGMA user_version", &self->schema_version, error) &&
         read_min_writer_version (self->db, &self->min_writer_version, error);
}

static gboolean
copy_into (sqlite3    *destination,
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
   * destination, so other connections see the old file or the new one. */
  do
    rc = sqlite3_backup_step (backup, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  sqlite3_close (source);

  if (rc != SQLITE_DONE)
    {
      outlay_sqlite_set_error (NULL, error, rc, _("Could not restore the backup"));
      return FALSE;
    }

  return TRUE;
}

/**
 * outlay_database_restore:
 * @backup: an Outlay database file to bring back
 * @safety_backup: (nullable): where to save the current state first, or
 *   %NULL not to
 * @error: a location for a #GError
 *
 * Replaces the whole content of the database with that of @backup.
 *
 * @backup is checked with outlay_database_check_file() and copied, and the
 * copy brought up to this version's format, in a private folder beside the
 * database; only then is the current state saved to @safety_backup and the
 * copy written into the open database with SQLite's backup API, in one
 * transaction. The file is never renamed or replaced: other connections to
 * it (a window that is open) stay valid and see the restored content at
 * their next read, and a failure at any step leaves the database as it was.
 *
 * Returns: whether the database now holds the backup's content
 */
gboolean
outlay_database_restore (OutlayDatabase *self,
                         const char     *backup,
                         const char     *safety_backup,
                         GError        **error)
{
  g_autofree char *work = NULL;
  g_autofree char *copy = NULL;
  gboolean         done = FALSE;
  gboolean         had_wal;
  sqlite3         *source = NULL;
  guint            schema_version = 0;
  guint            min_writer_version = 0;
  int              rc;

  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY,
                   _("The database was opened read-only and cannot be restored."));
      return FALSE;
    }

  if (!outlay_database_check_file (backup, error))
    return FALSE;

  had_wal = has_wal_files (backup);
  work = outlay_database_create_work_folder (self, ".outlay-restore-XXXXXX", error);
  if (work == NULL)
    return FALSE;
  copy = g_build_filename (work, "restore.db", NULL);

  rc = sqlite3_open_v2 (backup, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (source, error, rc, _("Could not open the backup"));
      goto out;
    }

  if (!backup_to (source, copy, error))
    goto out;

  {
    g_autoptr (OutlayDatabase) upgraded = outlay_database_open (copy, error);

    if (upgraded == NULL)
      goto out;
    schema_version = upgraded->schema_version;
    min_writer_version = upgraded->min_writer_version;
  }

  if (safety_backup != NULL && !backup_to (self->db, safety_backup, error))
    goto out;

  if (!copy_into (self->db, copy, error))
    goto out;

  /* The content is replaced: nothing may fail any more, so the versions
   * are the copy's rather than read again from the file. */
  g_hash_table_remove_all (self->statements);
  self->schema_version = schema_version;
  self->min_writer_version = min_writer_version;
  done = TRUE;

out:
  sqlite3_close (source);
  if (!had_wal)
    remove_empty_wal_files (backup);
  outlay_database_remove_work_folder (work);
  return done;
}

sqlite3 *
outlay_database_get_handle (OutlayDatabase *self)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), NULL);

  return self->db;
}

/* Returns a cached statement, reset and with its bindings cleared. */
sqlite3_stmt *
outlay_database_prepare (OutlayDatabase *self,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int           rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (self->db, error, rc, _("Could not prepare a database query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
outlay_database_exec (OutlayDatabase *self,
                      const char     *sql,
                      GError        **error)
{
  return exec_sql (self->db, sql, error);
}

gboolean
outlay_database_begin (OutlayDatabase *self,
                       GError        **error)
{
  int rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (self->db, error, rc, _("Could not start a change"));
      return FALSE;
    }

  return TRUE;
}

gboolean
outlay_database_commit (OutlayDatabase *self,
                        GError        **error)
{
  int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (self->db, error, rc, _("Could not save the change"));
      outlay_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
outlay_database_rollback (OutlayDatabase *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Sets SQLite's page cache to @kib kibibytes, or back to its default for 0;
 * shrinking frees the memory. */
void
outlay_database_set_cache_size (OutlayDatabase *self,
                                guint           kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%u", kib > 0 ? kib : 2000);

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}
