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
#ifdef __linux__
#include <sys/sysmacros.h>
#endif
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
  guint       busy_timeout_ms;
  guint       read_only : 1;
  guint       damaged : 1;
  guint       opened : 1; /* set once the open ran to its end */
};

G_DEFINE_FINAL_TYPE (OutlayDatabase, outlay_database, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DAMAGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* clang-format off */
G_DEFINE_QUARK (outlay-database-error-quark, outlay_database_error)
/* clang-format on */

void
outlay_database_propagate_error (OutlayDatabase *self,
                                 GError        **error,
                                 int             rc,
                                 const char     *context)
{
  if (outlay_sqlite_is_damage (rc))
    outlay_database_mark_damaged (self);

  outlay_sqlite_set_error (self->db, error, rc, context);
}

static gboolean
read_min_writer_version (sqlite3 *db,
                         guint   *value,
                         GError **error)
{
  guint has_table = 0;

  if (!outlay_sqlite_query_uint (db,
                                 "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'outlay_meta'",
                                 &has_table, error))
    return FALSE;

  if (!has_table)
    {
      *value = 0;
      return TRUE;
    }

  return outlay_sqlite_query_uint (db,
                                   "SELECT CAST(value AS INTEGER) FROM outlay_meta WHERE key = 'min_writer_version'",
                                   value, error);
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

  if (!outlay_sqlite_query_uint (db, "PRAGMA user_version", schema_version, &local_error))
    {
      sqlite3_close (db);
      if (g_error_matches (local_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
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

      if (!outlay_sqlite_query_uint (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
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

  if (!outlay_sqlite_query_uint (db, sql, &n_tables, error) ||
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
  sqlite3_busy_timeout (db, OUTLAY_DATABASE_BUSY_TIMEOUT_MS);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, &enabled);

  if (!outlay_sqlite_exec (db, "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;", error))
    return FALSE;

  if (read_only)
    return TRUE;

  /* FULL keeps a committed expense even through a power cut. */
  return outlay_sqlite_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", error);
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

/* The quick check of a small file, or of the small tables of a large one
 * (the categories, the settings and the per-day summary): it catches the
 * damage that would make every total and category wrong, in milliseconds. */
static gboolean
check_at_open (OutlayDatabase *self,
               GError        **error)
{
  static const char *const small_tables[] = { "outlay_meta", "categories", "expense_days" };
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GStatBuf st;

  if (g_stat (self->path, &st) == 0 && st.st_size <= OUTLAY_DATABASE_QUICK_CHECK_MAX_BYTES)
    {
      if (!outlay_sqlite_run_check (self->db, "PRAGMA quick_check(20)", problems, error))
        return FALSE;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (small_tables) && problems->len == 0; i++)
        {
          g_autofree char *exists_sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                                         "WHERE type = 'table' AND name = '%s'",
                                                         small_tables[i]);
          g_autofree char *check_sql = g_strdup_printf ("PRAGMA quick_check(%s)", small_tables[i]);
          g_autoptr (GError) local_error = NULL;
          guint exists = 0;

          if (!outlay_sqlite_query_uint (self->db, exists_sql, &exists, &local_error))
            {
              if (!g_error_matches (local_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              g_ptr_array_add (problems, g_strdup (local_error->message));
            }
          else if (exists && !outlay_sqlite_run_check (self->db, check_sql, problems, error))
            return FALSE;
        }
    }

  if (problems->len > 0)
    {
      g_debug ("The database “%s” is damaged: %s", self->path, (const char *) problems->pdata[0]);
      outlay_database_mark_damaged (self);
    }

  return TRUE;
}

static gboolean
set_min_writer_version (sqlite3 *db,
                        guint    version,
                        GError **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO outlay_meta (key, value) VALUES ('min_writer_version', '%u') "
                                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                          version);
  return outlay_sqlite_exec (db, sql, error);
}

static void
set_migration_error (GError **error,
                     guint    version,
                     GError  *cause)
{
  g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_MIGRATION,
               _("Could not upgrade the database to data format %u: %s"),
               version, cause->message);
}

/* One step, inside the transaction of the whole upgrade. */
static gboolean
apply_migration (sqlite3               *db,
                 const OutlayMigration *migration,
                 GError               **error)
{
  g_autoptr (GError) local_error = NULL;

  if ((migration->sql != NULL && !outlay_sqlite_exec (db, migration->sql, &local_error)) ||
      (migration->apply != NULL && !migration->apply (db, &local_error)))
    {
      set_migration_error (error, migration->version, local_error);
      return FALSE;
    }

  return TRUE;
}

/* Brings the file from its version to the latest in one transaction, so
 * that a crash or a failing disk leaves it at the version it had or at the
 * latest, never at one in between that no released Outlay has written. */
static gboolean
migrate (OutlayDatabase *self,
         GError        **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char       *version_sql = NULL;
  const OutlayMigration *migrations;
  guint                  n_migrations;
  guint                  first = 0;
  guint                  user_version;
  guint                  min_writer;

  if (!outlay_sqlite_query_uint (self->db, "PRAGMA user_version", &user_version, error) ||
      !read_min_writer_version (self->db, &min_writer, error))
    return FALSE;

  migrations = outlay_migrations_get (&n_migrations);
  while (first < n_migrations && migrations[first].version <= user_version)
    first++;

  if (first < n_migrations)
    {
      guint target = migrations[n_migrations - 1].version;

      /* An existing file gets a copy before anything changes. */
      if (user_version > 0)
        {
          g_autoptr (OutlayBackups) backups = outlay_backups_new (self);

          self->backup_path = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MIGRATION, error);
          if (self->backup_path == NULL)
            return FALSE;
        }

      transaction = outlay_database_begin_transaction (self, error);
      if (transaction == NULL)
        return FALSE;

      for (guint i = first; i < n_migrations; i++)
        {
          if (!apply_migration (self->db, &migrations[i], error))
            return FALSE;
          min_writer = MAX (min_writer, migrations[i].min_writer_version);
        }

      version_sql = g_strdup_printf ("PRAGMA user_version = %u", target);
      if (!set_min_writer_version (self->db, min_writer, &local_error) ||
          !outlay_sqlite_exec (self->db, version_sql, &local_error) ||
          !outlay_transaction_commit (transaction, &local_error))
        {
          set_migration_error (error, target, local_error);
          return FALSE;
        }

      user_version = target;
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
      /* Leave a clean single file behind for copies and older tools. A
       * damaged file, or one whose open failed, is left untouched:
       * PRAGMA optimize may write statistics. Its ANALYZE looks at a
       * sample of each index: after a large import it would read every
       * row (half a second at a million), on whichever thread lets the
       * connection go, the main one included. */
      if (self->opened && !self->read_only && !self->damaged)
        sqlite3_exec (self->db, "PRAGMA analysis_limit = 1000; PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (outlay_database_parent_class)->finalize (object);
}

static void
outlay_database_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OutlayDatabase *self = OUTLAY_DATABASE (object);

  switch (prop_id)
    {
    case PROP_DAMAGED:
      g_value_set_boolean (value, self->damaged);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_database_class_init (OutlayDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = outlay_database_finalize;
  object_class->get_property = outlay_database_get_property;

  /**
   * OutlayDatabase:damaged:
   *
   * Whether SQLite found the file damaged, at open, in a check or in any
   * read or write since. Nothing is written to a damaged file but the
   * content of a backup (outlay_database_restore()), which clears it.
   */
  properties[PROP_DAMAGED] =
    g_param_spec_boolean ("damaged", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_database_init (OutlayDatabase *self)
{
  self->busy_timeout_ms = OUTLAY_DATABASE_BUSY_TIMEOUT_MS;
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
  else if (!outlay_file_create_parent_directory (path, error) ||
           !outlay_file_create_private (path, error))
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

  /* A damaged file is opened as it is, to be read and restored, but never
   * upgraded: an upgrade writes, and would spread the damage. */
  if (existing_version > 0 && !check_at_open (self, error))
    return NULL;

  if (self->damaged)
    {
      self->schema_version = existing_version;
      read_min_writer_version (self->db, &self->min_writer_version, NULL);
    }
  else if (read_only)
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

  self->opened = TRUE;

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
 * outlay_database_set_busy_timeout:
 * @timeout_ms: how long a write waits, in milliseconds; 0 not to wait
 *
 * Sets how long a write waits for another program's write to finish
 * before it fails with %OUTLAY_DATABASE_ERROR_BUSY; the default is
 * %OUTLAY_DATABASE_BUSY_TIMEOUT_MS. A window sets it short and tries again
 * from its main loop, so that waiting never freezes it; reads in WAL mode
 * do not wait for writers at all. Jobs that outlay_backups_*_async() runs
 * on connections of their own wait as long as @self does.
 */
void
outlay_database_set_busy_timeout (OutlayDatabase *self,
                                  guint           timeout_ms)
{
  g_return_if_fail (OUTLAY_IS_DATABASE (self));

  self->busy_timeout_ms = MIN (timeout_ms, (guint) G_MAXINT);
  sqlite3_busy_timeout (self->db, (int) self->busy_timeout_ms);
}

guint
outlay_database_get_busy_timeout (OutlayDatabase *self)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), 0);

  return self->busy_timeout_ms;
}

/**
 * outlay_database_probe_write:
 * @error: a location for a #GError
 *
 * Starts a write and takes it back at once, changing nothing: for a caller
 * that waits for another program in steps of the busy timeout before it
 * starts a long write (an import makes a backup first).
 *
 * Returns: whether a write could start (or the database is read-only),
 *   else %FALSE with @error set (%OUTLAY_DATABASE_ERROR_BUSY while another
 *   program is writing)
 */
gboolean
outlay_database_probe_write (OutlayDatabase *self,
                             GError        **error)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), FALSE);

  /* Nothing to wait for: the write itself says why it cannot be done. */
  if (self->read_only)
    return TRUE;

  if (!outlay_database_begin (self, error))
    return FALSE;

  outlay_database_rollback (self);
  return TRUE;
}

#ifdef __linux__
/* The process that a line of /proc/locks, “1: POSIX  ADVISORY  WRITE 4242
 * fe:00:1234 120 120”, says holds a write lock on byte @offset of the file
 * @id (“fe:00:1234”); 0 for another line. */
static GPid
parse_lock_line (const char *line,
                 const char *id,
                 guint64     offset)
{
  g_auto (GStrv) fields = g_strsplit_set (line, " \t", -1);
  const char *words[8];
  guint       n = 0;
  guint64     start;
  guint64     end;
  gint64      pid;

  for (guint i = 0; fields[i] != NULL && n < G_N_ELEMENTS (words); i++)
    if (*fields[i] != '\0')
      words[n++] = fields[i];

  /* "->" marks a process that waits for the lock, not one that holds it. */
  if (n < 8 || !g_str_equal (words[1], "POSIX") || !g_str_equal (words[3], "WRITE") || !g_str_equal (words[5], id))
    return 0;

  pid = g_ascii_strtoll (words[4], NULL, 10);
  start = g_ascii_strtoull (words[6], NULL, 10);
  end = g_str_equal (words[7], "EOF") ? G_MAXUINT64 : g_ascii_strtoull (words[7], NULL, 10);

  return start <= offset && offset <= end && pid > 0 && pid <= G_MAXINT ? (GPid) pid : 0;
}
#endif

/**
 * outlay_database_find_writer:
 * @pid: (out) (optional): the process id of the program
 *
 * Tells which program holds the ledger's write lock, for a message that
 * helps to find it: SQLite in WAL mode locks byte 120 of the `-shm` file
 * while it writes, and Linux lists the locks in /proc/locks. The file
 * itself is not opened, because closing any descriptor of a file drops
 * every lock this process holds on it — its own connections' too.
 *
 * Returns: (transfer full) (nullable): the name of the program that is
 *   writing, or %NULL when none is, it cannot be told, or it is this
 *   process (another of its connections)
 */
char *
outlay_database_find_writer (OutlayDatabase *self,
                             GPid           *pid)
{
#ifdef __linux__
  g_autofree char *shm = NULL;
  g_autofree char *locks = NULL;
  g_autofree char *id = NULL;
  g_auto (GStrv) lines = NULL;
  GStatBuf st;
  GPid     found = 0;
#endif

  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), NULL);

  if (pid != NULL)
    *pid = 0;

#ifdef __linux__
  shm = g_strconcat (self->path, "-shm", NULL);
  if (g_stat (shm, &st) != 0 || !g_file_get_contents ("/proc/locks", &locks, NULL, NULL))
    return NULL;

  id = g_strdup_printf ("%02x:%02x:%" G_GUINT64_FORMAT, major (st.st_dev), minor (st.st_dev), (guint64) st.st_ino);
  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL && found == 0; i++)
    found = parse_lock_line (lines[i], id, 120);

  if (found != 0 && found != getpid ())
    {
      g_autofree char *comm_path = g_strdup_printf ("/proc/%d/comm", (int) found);
      g_autofree char *comm = NULL;

      if (g_file_get_contents (comm_path, &comm, NULL, NULL) && *g_strstrip (comm) != '\0' &&
          g_utf8_validate (comm, -1, NULL))
        {
          if (pid != NULL)
            *pid = found;
          return g_steal_pointer (&comm);
        }
    }
#endif

  return NULL;
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

  return outlay_sqlite_copy (self->db, destination, NULL, FALSE, error);
}

/* @destination with "-damaged" before its extension: the name a copy that
 * failed its check is kept under, apart from the good backups. */
char *
outlay_database_build_damaged_name (const char *destination)
{
  if (g_str_has_suffix (destination, ".db"))
    return g_strdup_printf ("%.*s-damaged.db", (int) strlen (destination) - 3, destination);

  return g_strconcat (destination, "-damaged", NULL);
}

/**
 * outlay_database_backup_full:
 * @destination: the backup to write
 * @damaged_destination: (nullable): where to keep a copy that fails its
 *   integrity check, or %NULL to remove it
 *
 * Writes a backup that is checked with SQLite's integrity check and
 * records its number of expenses and the time of the check (read back by
 * #OutlayBackups). A copy that fails the check is an
 * %OUTLAY_DATABASE_ERROR_DAMAGED error, and marks the database damaged.
 */
gboolean
outlay_database_backup_full (OutlayDatabase *self,
                             const char     *destination,
                             const char     *damaged_destination,
                             GError        **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (outlay_sqlite_copy (self->db, destination, damaged_destination, TRUE, &local_error))
    return TRUE;

  if (g_error_matches (local_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
    outlay_database_mark_damaged (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
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
 * as a restore does. A restored backup was checked: the file is no longer
 * damaged. */
gboolean
outlay_database_reload (OutlayDatabase *self,
                        GError        **error)
{
  g_assert (OUTLAY_IS_DATABASE (self));

  g_hash_table_remove_all (self->statements);

  if (self->damaged)
    {
      self->damaged = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
    }

  return outlay_sqlite_query_uint (self->db, "PRAGMA user_version", &self->schema_version, error) &&
         read_min_writer_version (self->db, &self->min_writer_version, error);
}

/* What a write that found another program writing says: who that is when
 * it can be told, and how long this one waited. */
static void
set_busy_error (OutlayDatabase *self,
                GError        **error,
                const char     *context)
{
  g_autofree char *writer = NULL;
  guint            seconds = (self->busy_timeout_ms + 500) / 1000;
  GPid             pid = 0;

  writer = outlay_database_find_writer (self, &pid);
  if (seconds == 0 && writer != NULL)
    /* Translators: the first %s says what failed, the second is the name
     * of a program such as “sqlite3”, %d its process id */
    g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY,
                 _("%s: another program (“%s”, process %d) is changing the ledger. Nothing was changed; "
                   "try again when it has finished."),
                 context, writer, (int) pid);
  else if (seconds == 0)
    outlay_sqlite_set_error (self->db, error, SQLITE_BUSY, context);
  else if (writer != NULL)
    /* Translators: the first %s says what failed, the second is the name
     * of a program such as “sqlite3”, %d its process id */
    g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s: another program (“%s”, process %d) is changing the ledger and did not finish "
                              "within %u second. Nothing was changed; try again when it has finished.",
                              "%s: another program (“%s”, process %d) is changing the ledger and did not finish "
                              "within %u seconds. Nothing was changed; try again when it has finished.",
                              seconds),
                 context, writer, (int) pid, seconds);
  else
    g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s: another program is changing the ledger and did not finish within %u second. "
                              "Nothing was changed; try again when it has finished.",
                              "%s: another program is changing the ledger and did not finish within %u seconds. "
                              "Nothing was changed; try again when it has finished.",
                              seconds),
                 context, seconds);
}

/* The safety backup of a restore that gave way to another program: it
 * holds the state as it still is, under either of its names. */
static void
remove_safety_backup (const char *safety_backup)
{
  g_autofree char *damaged_safety = NULL;

  if (safety_backup == NULL)
    return;

  damaged_safety = outlay_database_build_damaged_name (safety_backup);
  g_unlink (safety_backup);
  g_unlink (damaged_safety);
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
  g_autoptr (GError) local_error = NULL;
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

  if (!outlay_sqlite_copy (source, copy, NULL, FALSE, error))
    goto out;

  {
    g_autoptr (OutlayDatabase) upgraded = outlay_database_open (copy, error);

    /* What a backup records of itself is not part of the ledger. */
    if (upgraded == NULL ||
        !outlay_database_exec (upgraded, "DELETE FROM outlay_meta WHERE key LIKE 'backup!_%' ESCAPE '!'", error))
      goto out;
    schema_version = upgraded->schema_version;
    min_writer_version = upgraded->min_writer_version;
  }

  /* The state before is saved even when it is damaged, under a name of
   * its own: the person may still want to read it. */
  if (safety_backup != NULL)
    {
      g_autofree char *damaged_safety = outlay_database_build_damaged_name (safety_backup);
      g_autoptr (GError) safety_error = NULL;

      if (!outlay_sqlite_copy (self->db, safety_backup, damaged_safety, TRUE, &safety_error) &&
          !(g_error_matches (safety_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED) &&
            g_file_test (damaged_safety, G_FILE_TEST_EXISTS)))
        {
          g_propagate_error (error, g_steal_pointer (&safety_error));
          goto out;
        }
    }

  if (!outlay_sqlite_copy_into (self->db, copy, &local_error))
    {
      /* Nothing changed: a copy of the state as it still is would only
       * pile up while the caller tries again. */
      if (g_error_matches (local_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY))
        {
          g_clear_error (&local_error);
          set_busy_error (self, &local_error, _("Could not restore the backup"));
          remove_safety_backup (safety_backup);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }

  /* The content is replaced: nothing may fail any more, so the versions
   * are the copy's rather than read again from the file. */
  g_hash_table_remove_all (self->statements);
  self->schema_version = schema_version;
  self->min_writer_version = min_writer_version;
  done = TRUE;
  if (self->damaged)
    {
      self->damaged = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
    }

out:
  sqlite3_close (source);
  if (!had_wal)
    remove_empty_wal_files (backup);
  outlay_database_remove_work_folder (work);
  return done;
}

/**
 * outlay_database_is_damaged:
 *
 * Returns: whether the file was found damaged (see #OutlayDatabase:damaged)
 */
gboolean
outlay_database_is_damaged (OutlayDatabase *self)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), FALSE);

  return self->damaged;
}

/**
 * outlay_database_mark_damaged:
 *
 * Records that the file is damaged, as another connection to it found:
 * from now on nothing but a restore writes to it.
 */
void
outlay_database_mark_damaged (OutlayDatabase *self)
{
  g_return_if_fail (OUTLAY_IS_DATABASE (self));

  if (self->damaged)
    return;

  self->damaged = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
}

/**
 * outlay_database_check:
 * @full: run SQLite's integrity check, which also compares every index with
 *   its table, rather than its quick check (about 2 ms a megabyte)
 * @cancellable: (nullable): to stop a long check
 * @problems: (out) (transfer full) (array zero-terminated=1) (nullable):
 *   what is wrong, at most 100 lines, or %NULL when nothing is
 * @error: a location for a #GError
 *
 * Reads the whole file; a large one takes seconds, so call this off the
 * main thread, on a connection of its own. Problems mark the database
 * damaged.
 *
 * Returns: whether the check ran to its end
 */
gboolean
outlay_database_check (OutlayDatabase *self,
                       gboolean        full,
                       GCancellable   *cancellable,
                       char         ***problems,
                       GError        **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  gboolean ran;

  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  *problems = NULL;

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, outlay_sqlite_cancel_cb, cancellable);
  ran = outlay_sqlite_run_check (self->db, full ? "PRAGMA integrity_check(100)" : "PRAGMA quick_check(100)",
                                 found, &local_error);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 0, NULL, NULL);

  if (!ran)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (found->len > 0)
    {
      outlay_database_mark_damaged (self);
      g_ptr_array_add (found, NULL);
      *problems = (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
    }

  return TRUE;
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
      outlay_database_propagate_error (self, error, rc, _("Could not prepare a database query"));
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
  g_autoptr (GError) local_error = NULL;

  if (outlay_sqlite_exec (self->db, sql, &local_error))
    return TRUE;

  if (g_error_matches (local_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
    outlay_database_mark_damaged (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
outlay_database_begin (OutlayDatabase *self,
                       GError        **error)
{
  int rc;

  if (self->damaged)
    {
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED,
                   _("The database file is damaged, so nothing is written to it. "
                     "Restore a backup, or save what can still be read."));
      return FALSE;
    }

  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if ((rc & 0xff) == SQLITE_BUSY)
    {
      set_busy_error (self, error, _("Could not start a change"));
      return FALSE;
    }

  if (rc != SQLITE_OK)
    {
      outlay_database_propagate_error (self, error, rc, _("Could not start a change"));
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
      outlay_database_propagate_error (self, error, rc, _("Could not save the change"));
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
