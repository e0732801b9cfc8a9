/* outlay-backups.c
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

/* The backups folder beside the database: copies made by hand, daily,
 * before a migration, an import or a restore, named after when and why
 * they were made; and the copy saved elsewhere. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "outlay-backups.h"
#include "outlay-database-private.h"
#include "outlay-number.h"

struct _OutlayBackups
{
  GObject parent_instance;

  OutlayDatabase *database; /* NULL for a ledger that does not open */
  char           *path;
};

G_DEFINE_FINAL_TYPE (OutlayBackups, outlay_backups, G_TYPE_OBJECT)

static const char *const reason_names[] = {
  [OUTLAY_BACKUP_REASON_MANUAL] = "manual",
  [OUTLAY_BACKUP_REASON_DAILY] = "daily",
  [OUTLAY_BACKUP_REASON_MIGRATION] = "migration",
  [OUTLAY_BACKUP_REASON_IMPORT] = "import",
  [OUTLAY_BACKUP_REASON_RESTORE] = "restore",
};

static char *
dup_folder (OutlayBackups *self)
{
  g_autofree char *dir = NULL;

  g_assert (OUTLAY_IS_BACKUPS (self));

  dir = g_path_get_dirname (self->path);

  return g_build_filename (dir, "backups", NULL);
}

/* The database's file name without its extension: "outlay" for outlay.db. */
static char *
database_stem (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return base;
}

/* STEM-YYYYMMDD-HHMMSS[-TAG].db in @dir, the time in UTC, with a number
 * added when the name is taken, also by a damaged copy (…-TAG-damaged.db):
 * a copy kept under that name would otherwise replace the one before. */
static char *
build_unused_path (OutlayBackups *self,
                   const char    *dir,
                   const char    *tag)
{
  g_autofree char *stem = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  g_assert (OUTLAY_IS_BACKUPS (self));
  g_assert (dir != NULL);

  stem = database_stem (self->path);
  prefix = tag != NULL ? g_strdup_printf ("%s-%s-%s", stem, stamp, tag)
                       : g_strdup_printf ("%s-%s", stem, stamp);

  for (guint i = 1;; i++)
    {
      g_autofree char *name = i == 1 ? g_strconcat (prefix, ".db", NULL)
                                     : g_strdup_printf ("%s-%u.db", prefix, i);
      g_autofree char *candidate = g_build_filename (dir, name, NULL);
      g_autofree char *damaged = outlay_database_build_damaged_name (candidate);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS) && !g_file_test (damaged, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }
}

/* STEM-YYYYMMDD-HHMMSS-REASON.db in the backups folder. */
static char *
build_reason_path (OutlayBackups     *self,
                   OutlayBackupReason reason)
{
  g_autofree char *dir = NULL;

  g_assert (reason < G_N_ELEMENTS (reason_names));

  dir = dup_folder (self);

  return build_unused_path (self, dir, reason_names[reason]);
}

static void
outlay_backups_finalize (GObject *object)
{
  OutlayBackups *self = (OutlayBackups *) object;

  g_clear_object (&self->database);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (outlay_backups_parent_class)->finalize (object);
}

static void
outlay_backups_class_init (OutlayBackupsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = outlay_backups_finalize;
}

static void
outlay_backups_init (OutlayBackups *self)
{
}

/**
 * outlay_backups_new:
 * @database: the database whose backups these are
 *
 * Returns: (transfer full): the backups of @database, in the `backups`
 *   folder beside it
 */
OutlayBackups *
outlay_backups_new (OutlayDatabase *database)
{
  OutlayBackups *self;

  g_return_val_if_fail (OUTLAY_IS_DATABASE (database), NULL);

  self = g_object_new (OUTLAY_TYPE_BACKUPS, NULL);
  self->database = g_object_ref (database);
  self->path = g_strdup (outlay_database_get_path (database));

  return self;
}

/**
 * outlay_backups_new_for_path:
 * @database_path: a ledger that may not even open, such as a damaged one
 *
 * Only the backups' list and outlay_backups_replace_damaged() work on
 * what this returns: the others need an open database.
 *
 * Returns: (transfer full): the backups of the ledger at @database_path
 */
OutlayBackups *
outlay_backups_new_for_path (const char *database_path)
{
  OutlayBackups *self;

  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (OUTLAY_TYPE_BACKUPS, NULL);
  self->path = g_strdup (database_path);

  return self;
}

void
outlay_backup_info_free (OutlayBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_clear_pointer (&info->created, g_date_time_unref);
  g_free (info);
}

/**
 * outlay_backup_state_to_string:
 *
 * Returns: the state as it appears in JSON: "unverified", "verified" or
 *   "damaged"
 */
const char *
outlay_backup_state_to_string (OutlayBackupState state)
{
  switch (state)
    {
    case OUTLAY_BACKUP_STATE_VERIFIED:
      return "verified";
    case OUTLAY_BACKUP_STATE_DAMAGED:
      return "damaged";
    case OUTLAY_BACKUP_STATE_UNVERIFIED:
    default:
      return "unverified";
    }
}

/**
 * outlay_backup_reason_to_string:
 *
 * Returns: the reason as it appears in a backup's file name and in JSON:
 *   "manual", "daily", "migration", "import" or "restore"
 */
const char *
outlay_backup_reason_to_string (OutlayBackupReason reason)
{
  g_return_val_if_fail (reason <= OUTLAY_BACKUP_REASON_RESTORE, NULL);

  return reason_names[reason];
}

/**
 * outlay_backup_reason_get_label:
 *
 * Returns: the reason, translated, for people
 */
const char *
outlay_backup_reason_get_label (OutlayBackupReason reason)
{
  switch (reason)
    {
    case OUTLAY_BACKUP_REASON_MANUAL:
      /* Translators: why a backup was made: someone asked for it */
      return _("Manual");
    case OUTLAY_BACKUP_REASON_DAILY:
      /* Translators: why a backup was made: the first use of the day */
      return _("Daily");
    case OUTLAY_BACKUP_REASON_MIGRATION:
      /* Translators: why a backup was made: before the data format was upgraded */
      return _("Before an upgrade");
    case OUTLAY_BACKUP_REASON_IMPORT:
      return _("Before an import");
    case OUTLAY_BACKUP_REASON_RESTORE:
      return _("Before a restore");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * outlay_backups_get_folder:
 *
 * Returns: (transfer full): the folder of the automatic and manual backups,
 *   `backups` beside the database
 */
char *
outlay_backups_get_folder (OutlayBackups *self)
{
  g_return_val_if_fail (OUTLAY_IS_BACKUPS (self), NULL);

  return dup_folder (self);
}

/**
 * outlay_backups_build_path:
 * @folder: (nullable): where the backup goes, or %NULL for the backups
 *   folder beside the database
 *
 * Returns: (transfer full): a file for a backup made now, which does not
 *   exist yet: `NAME-YYYYMMDD-HHMMSS.db` after the database's name and the
 *   time in UTC, with a number added when that name is taken
 */
char *
outlay_backups_build_path (OutlayBackups *self,
                           const char    *folder)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (OUTLAY_IS_BACKUPS (self), NULL);

  dir = folder != NULL ? g_strdup (folder) : dup_folder (self);

  return build_unused_path (self, dir, NULL);
}

/**
 * outlay_backups_create:
 * @reason: why it is made; it becomes part of the file's name
 * @error: a location for a #GError
 *
 * Writes a consistent copy of the database with SQLite's online backup
 * into the backups folder, as `NAME-YYYYMMDD-HHMMSS-REASON.db` (the time in
 * UTC), and checks the copy. Other connections may go on writing meanwhile.
 *
 * A damaged database is not copied (%OUTLAY_DATABASE_ERROR_DAMAGED); one
 * whose damage only the check of the copy finds is kept as
 * `NAME-YYYYMMDD-HHMMSS-REASON-damaged.db`, never counted as a backup to
 * restore, and the database is marked damaged.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 */
char *
outlay_backups_create (OutlayBackups     *self,
                       OutlayBackupReason reason,
                       GError           **error)
{
  g_autofree char *path = NULL;
  g_autofree char *damaged = NULL;

  g_return_val_if_fail (OUTLAY_IS_BACKUPS (self), NULL);
  g_return_val_if_fail (self->database != NULL, NULL);
  g_return_val_if_fail (reason <= OUTLAY_BACKUP_REASON_RESTORE, NULL);

  if (outlay_database_is_damaged (self->database))
    {
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED,
                   _("The database file is damaged, so it was not copied over the good backups."));
      return NULL;
    }

  path = build_reason_path (self, reason);
  damaged = outlay_database_build_damaged_name (path);
  if (!outlay_database_backup_full (self->database, path, damaged, error))
    return NULL;

  return g_steal_pointer (&path);
}

/* Our backups' names, now and as written before reasons were part of
 * them: NAME-YYYYMMDD-HHMMSS[-N].db by `outlay backup`, and
 * NAME-formatV-YYYYMMDD-HHMMSS.db before a migration. */
static GRegex *
new_backup_name_regex (const char *path)
{
  g_autofree char *stem = database_stem (path);
  g_autofree char *escaped = g_regex_escape_string (stem, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s-(format[0-9]+-)?([0-9]{8})-([0-9]{6})"
                                              "(?:-(manual|daily|migration|import|restore))?"
                                              "(?:-([0-9]+))?(-damaged)?\\.db$",
                                              escaped);

  return g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
}

static GDateTime *
parse_stamp (const char *date,
             const char *time)
{
  int values[6];

  for (guint i = 0; i < 6; i++)
    {
      const char      *digits = i < 3 ? date : time;
      guint            offset = i == 0 ? 0 : i < 3 ? 4 + (i - 1) * 2
                                                   : (i - 3) * 2;
      guint            length = i == 0 ? 4 : 2;
      g_autofree char *part = g_strndup (digits + offset, length);
      guint64          value;

      if (!outlay_parse_unsigned (part, 0, 9999, &value))
        return NULL;
      values[i] = (int) value;
    }

  return g_date_time_new_utc (values[0], values[1], values[2], values[3], values[4], values[5]);
}

/* What the backup recorded of its check when it was made (a backup is
 * never written after that, so the record still holds); a file that does
 * not even open is damaged. Backups are single files in rollback-journal
 * mode: reading one leaves nothing beside it. */
static void
read_recorded_check (OutlayBackupInfo *info)
{
  static const char sql[] =
    "SELECT (SELECT value FROM outlay_meta WHERE key = '" OUTLAY_META_BACKUP_EXPENSES "'), "
    "(SELECT value FROM outlay_meta WHERE key = '" OUTLAY_META_BACKUP_VERIFIED "')";
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int           rc;

  rc = sqlite3_open_v2 (info->path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      info->schema_version = (guint) sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Older backups have no record, or no outlay_meta table at all. */
  if (rc == SQLITE_OK && sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          guint64 expenses = 0;

          if (sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
              outlay_parse_unsigned ((const char *) sqlite3_column_text (stmt, 0), 0, G_MAXUINT, &expenses))
            {
              info->state = OUTLAY_BACKUP_STATE_VERIFIED;
              info->expenses = (guint) expenses;
            }
          rc = SQLITE_OK;
        }
    }

  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    info->state = OUTLAY_BACKUP_STATE_DAMAGED;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static OutlayBackupInfo *
read_backup_info (GRegex     *regex,
                  const char *folder,
                  const char *name,
                  guint      *number,
                  gint64     *modified)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *format = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *path = NULL;
  g_autoptr (OutlayBackupInfo) info = NULL;
  guint64  value;
  GStatBuf st;

  if (!g_regex_match (regex, name, 0, &match))
    return NULL;

  path = g_build_filename (folder, name, NULL);
  /* Not a link, nor a folder: only files we wrote. */
  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;

  format = g_match_info_fetch (match, 1);
  date = g_match_info_fetch (match, 2);
  time = g_match_info_fetch (match, 3);
  reason = g_match_info_fetch (match, 4);
  counter = g_match_info_fetch (match, 5);

  info = g_new0 (OutlayBackupInfo, 1);
  info->created = parse_stamp (date, time);
  if (info->created == NULL)
    return NULL;

  info->path = g_steal_pointer (&path);
  info->size = st.st_size;
  info->reason = format != NULL && *format != '\0' ? OUTLAY_BACKUP_REASON_MIGRATION
                                                   : OUTLAY_BACKUP_REASON_MANUAL;
  for (guint i = 0; reason != NULL && *reason != '\0' && i < G_N_ELEMENTS (reason_names); i++)
    if (g_str_equal (reason, reason_names[i]))
      info->reason = i;

  /* A counter too large for a guint is not one Outlay wrote. */
  if (counter == NULL || *counter == '\0')
    *number = 1;
  else if (outlay_parse_unsigned (counter, 0, G_MAXUINT, &value))
    *number = (guint) value;
  else
    return NULL;
  *modified = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;

  damaged = g_match_info_fetch (match, 6);
  if (damaged != NULL && *damaged != '\0')
    info->state = OUTLAY_BACKUP_STATE_DAMAGED;
  else
    read_recorded_check (info);

  return g_steal_pointer (&info);
}

typedef struct
{
  OutlayBackupInfo *info;
  guint             number;
  gint64            modified; /* µs, to order two made in one second */
} ListedBackup;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ListedBackup *x = a;
  const ListedBackup *y = b;
  int                 order = g_date_time_compare (y->info->created, x->info->created);

  if (order == 0)
    order = (y->modified > x->modified) - (y->modified < x->modified);
  if (order == 0)
    order = (y->number > x->number) - (y->number < x->number);
  if (order == 0)
    order = g_strcmp0 (y->info->path, x->info->path);

  return order;
}

/**
 * outlay_backups_list:
 * @error: a location for a #GError
 *
 * Finds the backups of this database in its backups folder, by their
 * names; the time in the name is when the backup was made, and the reason
 * is read from it too (older names without one list as made by hand, or
 * before a migration). Other files in the folder are left out.
 *
 * Returns: (transfer container) (element-type OutlayBackupInfo): the
 *   backups, newest first; empty when there is no folder
 */
GPtrArray *
outlay_backups_list (OutlayBackups *self,
                     GError       **error)
{
  g_autoptr (GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_backup_info_free);
  g_autoptr (GArray) listed = g_array_new (FALSE, FALSE, sizeof (ListedBackup));
  g_autoptr (GRegex) regex = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *folder = NULL;
  GDir            *dir;
  const char      *name;

  g_return_val_if_fail (OUTLAY_IS_BACKUPS (self), NULL);

  folder = dup_folder (self);
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BACKUP,
                   _("Could not read the backups folder: %s"), local_error->message);
      return NULL;
    }

  regex = new_backup_name_regex (self->path);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      ListedBackup backup = { 0 };

      backup.info = read_backup_info (regex, folder, name, &backup.number, &backup.modified);
      if (backup.info != NULL)
        g_array_append_val (listed, backup);
    }
  g_dir_close (dir);

  g_array_sort (listed, compare_newest_first);
  for (guint i = 0; i < listed->len; i++)
    g_ptr_array_add (backups, g_array_index (listed, ListedBackup, i).info);

  return g_steal_pointer (&backups);
}

/* Damaged copies are kept apart from the count, the newest few of them. */
#define DAMAGED_COPIES_KEPT 3

/**
 * outlay_backups_find_newest_good:
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the newest backup that passed its
 *   integrity check, else the newest one made before backups were checked,
 *   or %NULL (and no error) when there is none
 */
OutlayBackupInfo *
outlay_backups_find_newest_good (OutlayBackups *self,
                                 GError       **error)
{
  g_autoptr (GPtrArray) backups = NULL;
  OutlayBackupInfo *unverified = NULL;

  g_return_val_if_fail (OUTLAY_IS_BACKUPS (self), NULL);

  backups = outlay_backups_list (self, error);
  if (backups == NULL)
    return NULL;

  for (guint i = 0; i < backups->len; i++)
    {
      OutlayBackupInfo *info = g_ptr_array_index (backups, i);

      if (info->state == OUTLAY_BACKUP_STATE_VERIFIED)
        return g_ptr_array_steal_index (backups, i);
      if (info->state == OUTLAY_BACKUP_STATE_UNVERIFIED && unverified == NULL)
        unverified = info;
    }

  if (unverified != NULL)
    {
      guint index;

      g_ptr_array_find (backups, unverified, &index);
      return g_ptr_array_steal_index (backups, index);
    }

  return NULL;
}

/* What a copy or a restore that was killed left behind is removed once it
 * is a day old: never one that another process is writing right now. */
#define LEFTOVER_AGE_SECONDS (24 * 60 * 60)

static gboolean
is_old_leftover (const char *path,
                 gboolean    folder)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || (folder ? !S_ISDIR (st.st_mode) : !S_ISREG (st.st_mode)))
    return FALSE;

  return st.st_mtime < g_get_real_time () / G_USEC_PER_SEC - LEFTOVER_AGE_SECONDS;
}

/* A half-written backup (NAME.partial, its journal) in the backups
 * folder; a work folder (.outlay-restore-…, .outlay-copy-…,
 * .outlay-salvage-…) or a half-copied restore (NAME.restoring) beside the
 * ledger. */
static void
remove_leftovers (OutlayBackups *self)
{
  g_autofree char *folder = dup_folder (self);
  g_autofree char *ledger_dir = g_path_get_dirname (self->path);
  g_autofree char *ledger_name = g_path_get_basename (self->path);
  g_autofree char *restoring = g_strconcat (ledger_name, ".restoring", NULL);
  const char      *name;
  GDir            *dir;

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if ((g_str_has_suffix (name, ".partial") || strstr (name, ".partial-") != NULL) &&
          is_old_leftover (path, FALSE))
        g_unlink (path);
    }
  g_clear_pointer (&dir, g_dir_close);

  dir = g_dir_open (ledger_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (ledger_dir, name, NULL);

      if (g_str_has_prefix (name, ".outlay-") && is_old_leftover (path, TRUE))
        outlay_database_remove_work_folder (path);
      else if (g_str_has_prefix (name, restoring) && is_old_leftover (path, FALSE))
        g_unlink (path);
    }
  g_clear_pointer (&dir, g_dir_close);
}

/**
 * outlay_backups_prune:
 * @keep: how many backups to keep, at least 1
 * @error: a location for a #GError
 *
 * Deletes all but the newest @keep backups that outlay_backups_list()
 * finds; nothing else in the folder is touched. Two more are always kept:
 * the newest verified backup, and the newest verified one older than the
 * oldest damaged copy (the last known good state before the damage).
 * Damaged copies do not count; the newest three of them are kept. What a
 * killed backup or restore left behind goes once it is a day old.
 *
 * Returns: whether every backup to go was deleted
 */
gboolean
outlay_backups_prune (OutlayBackups *self,
                      guint          keep,
                      GError       **error)
{
  g_autoptr (GPtrArray) backups = NULL;
  OutlayBackupInfo *newest_verified = NULL;
  OutlayBackupInfo *before_damage = NULL;
  GDateTime        *first_damage = NULL;
  guint             good = 0;
  guint             damaged = 0;

  g_return_val_if_fail (OUTLAY_IS_BACKUPS (self), FALSE);
  g_return_val_if_fail (keep > 0, FALSE);

  remove_leftovers (self);

  backups = outlay_backups_list (self, error);
  if (backups == NULL)
    return FALSE;

  /* Newest first: the last damaged copy seen is the oldest. */
  for (guint i = 0; i < backups->len; i++)
    {
      OutlayBackupInfo *info = g_ptr_array_index (backups, i);

      if (info->state == OUTLAY_BACKUP_STATE_DAMAGED)
        first_damage = info->created;
      else if (info->state == OUTLAY_BACKUP_STATE_VERIFIED && newest_verified == NULL)
        newest_verified = info;
    }

  for (guint i = 0; first_damage != NULL && i < backups->len && before_damage == NULL; i++)
    {
      OutlayBackupInfo *info = g_ptr_array_index (backups, i);

      if (info->state == OUTLAY_BACKUP_STATE_VERIFIED && g_date_time_compare (info->created, first_damage) < 0)
        before_damage = info;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      OutlayBackupInfo *info = g_ptr_array_index (backups, i);
      gboolean          kept;

      if (info->state == OUTLAY_BACKUP_STATE_DAMAGED)
        kept = damaged++ < DAMAGED_COPIES_KEPT;
      else
        kept = good++ < keep || info == newest_verified || info == before_damage;

      if (!kept && g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int errsv = errno;

          g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BACKUP,
                       _("Could not delete the old backup “%s”: %s"),
                          info->path, g_strerror (errsv));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * outlay_backups_ensure_daily:
 * @keep: how many backups to keep, at least 1
 * @made: (out) (optional): whether a backup was made
 * @error: a location for a #GError
 *
 * Makes a daily backup unless one of any reason was made today (in local
 * time), then deletes all but the newest @keep backups.
 *
 * Returns: whether it succeeded
 */
gboolean
outlay_backups_ensure_daily (OutlayBackups *self,
                             guint          keep,
                             gboolean      *made,
                             GError       **error)
{
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  gboolean today = FALSE;

  g_return_val_if_fail (OUTLAY_IS_BACKUPS (self), FALSE);
  g_return_val_if_fail (self->database != NULL, FALSE);
  g_return_val_if_fail (keep > 0, FALSE);

  if (made != NULL)
    *made = FALSE;

  /* Neither a copy of the damage nor pruning: the good backups are all
   * the person has. */
  if (outlay_database_is_damaged (self->database))
    {
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED,
                   _("The database file is damaged, so it was not copied over the good backups."));
      return FALSE;
    }

  backups = outlay_backups_list (self, error);
  if (backups == NULL)
    return FALSE;

  for (guint i = 0; i < backups->len && !today; i++)
    {
      OutlayBackupInfo *info = g_ptr_array_index (backups, i);
      g_autoptr (GDateTime) local = g_date_time_to_local (info->created);

      if (info->state == OUTLAY_BACKUP_STATE_DAMAGED)
        continue;
      today = g_date_time_get_year (local) == g_date_time_get_year (now) &&
              g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now);
    }

  if (!today)
    {
      g_autofree char *path = outlay_backups_create (self, OUTLAY_BACKUP_REASON_DAILY, error);

      if (path == NULL)
        return FALSE;
      if (made != NULL)
        *made = TRUE;
    }

  return outlay_backups_prune (self, keep, error);
}

/**
 * outlay_backups_restore:
 * @backup: an Outlay database file to bring back
 * @safety_backup: (out) (optional) (transfer full): where the state before
 *   was saved
 * @error: a location for a #GError
 *
 * Saves the current state as a backup of reason
 * %OUTLAY_BACKUP_REASON_RESTORE, then restores @backup as
 * outlay_database_restore() does. A damaged state is saved as
 * `NAME-…-restore-damaged.db`, and @safety_backup names that file.
 *
 * Returns: whether the database now holds the backup's content
 */
gboolean
outlay_backups_restore (OutlayBackups *self,
                        const char    *backup,
                        char         **safety_backup,
                        GError       **error)
{
  g_autofree char *safety = NULL;

  g_return_val_if_fail (OUTLAY_IS_BACKUPS (self), FALSE);
  g_return_val_if_fail (self->database != NULL, FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  safety = build_reason_path (self, OUTLAY_BACKUP_REASON_RESTORE);
  if (!outlay_database_restore (self->database, backup, safety, error))
    return FALSE;

  /* Where it really went, for the person who wants to look at it. */
  if (!g_file_test (safety, G_FILE_TEST_EXISTS))
    {
      g_autofree char *damaged = outlay_database_build_damaged_name (safety);

      if (g_file_test (damaged, G_FILE_TEST_EXISTS))
        {
          g_free (safety);
          safety = g_steal_pointer (&damaged);
        }
    }

  if (safety_backup != NULL)
    *safety_backup = g_steal_pointer (&safety);

  return TRUE;
}

/**
 * outlay_backups_replace_damaged:
 * @backup: the backup to bring back
 * @damaged_copy: (out) (optional) (transfer full): where the damaged file
 *   was moved, in the backups folder
 * @error: a location for a #GError
 *
 * Brings back @backup in place of a ledger that is too damaged to open
 * (see outlay_backups_new_for_path()); nothing may have it open. The
 * backup is checked and copied beside the ledger first; only then is the
 * damaged file (with its log) moved into the backups folder as
 * `NAME-…-restore-damaged.db`, never deleted, and the copy renamed into
 * its place. The next open upgrades it when it is older.
 *
 * Returns: whether the ledger is now the backup
 */
gboolean
outlay_backups_replace_damaged (OutlayBackups *self,
                                const char    *backup,
                                char         **damaged_copy,
                                GError       **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *kept = NULL;
  sqlite3         *source = NULL;
  int              rc;

  g_return_val_if_fail (OUTLAY_IS_BACKUPS (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (!outlay_database_check_file (backup, error))
    return FALSE;

  copy = g_strconcat (self->path, ".restoring", NULL);
  rc = sqlite3_open_v2 (backup, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (source, error, rc, _("Could not open the backup"));
      sqlite3_close (source);
      return FALSE;
    }
  if (!outlay_sqlite_copy (source, copy, NULL, FALSE, error))
    {
      sqlite3_close (source);
      return FALSE;
    }
  sqlite3_close (source);

  /* What a backup records of itself is not part of the ledger. */
  rc = sqlite3_open_v2 (copy, &source, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK ||
      !outlay_sqlite_exec (source, "DELETE FROM outlay_meta WHERE key LIKE 'backup!_%' ESCAPE '!'", error))
    {
      if (rc != SQLITE_OK)
        outlay_sqlite_set_error (source, error, rc, _("Could not open the backup"));
      sqlite3_close (source);
      outlay_file_remove_copy (copy);
      return FALSE;
    }
  sqlite3_close (source);

  moved = build_reason_path (self, OUTLAY_BACKUP_REASON_RESTORE);
  kept = outlay_database_build_damaged_name (moved);
  if (!outlay_file_create_parent_directory (kept, error))
    {
      outlay_file_remove_copy (copy);
      return FALSE;
    }

  if (g_file_test (self->path, G_FILE_TEST_EXISTS) && g_rename (self->path, kept) != 0)
    {
      int errsv = errno;

      outlay_file_remove_copy (copy);
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BACKUP,
                   _("Could not move the damaged database aside: %s"), g_strerror (errsv));
      return FALSE;
    }

  /* Its log may hold the last changes: it stays beside it. */
  for (guint i = 0; i < 2; i++)
    {
      const char      *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (self->path, suffix, NULL);
      g_autofree char *to = g_strconcat (kept, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_unlink (from);
    }

  if (g_rename (copy, self->path) != 0)
    {
      int errsv = errno;

      /* Put the damaged file back rather than leave no ledger at all. */
      g_rename (kept, self->path);
      outlay_file_remove_copy (copy);
      g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BACKUP,
                   _("Could not put the backup in place: %s"), g_strerror (errsv));
      return FALSE;
    }

  if (damaged_copy != NULL)
    *damaged_copy = g_steal_pointer (&kept);

  return TRUE;
}

/* Off the main thread, each on a connection of its own: a large file takes
 * seconds to copy, and the connection of the caller stays free. The job's
 * connection waits for another program's write as long as the caller's
 * would, so that a window hears of a held ledger as soon as it tries. */

typedef enum
{
  JOB_DAILY,
  JOB_CREATE,
  JOB_RESTORE,
  JOB_COPY,
} JobKind;

typedef struct
{
  JobKind            kind;
  char              *path;
  gboolean           read_only;
  OutlayBackupReason reason;
  guint              keep;
  char              *backup;
  char              *result_path;
  GFile             *destination;
  gboolean           made;
  guint              busy_timeout;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->backup);
  g_free (job->result_path);
  g_clear_object (&job->destination);
  g_free (job);
}

/* The copy is made beside the database and then copied over: a file the
 * document portal hands out cannot have a temporary file beside it. */
static gboolean
save_copy (OutlayBackups *self,
           GFile         *destination,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *work = NULL;
  g_autofree char *copy = NULL;
  g_autoptr (GFile) source = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  g_assert (OUTLAY_IS_BACKUPS (self));
  g_assert (G_IS_FILE (destination));

  work = outlay_database_create_work_folder (self->database, ".outlay-copy-XXXXXX", error);
  if (work == NULL)
    return FALSE;

  copy = g_build_filename (work, "copy.db", NULL);
  source = g_file_new_for_path (copy);
  ok = outlay_database_backup (self->database, copy, error) &&
       g_file_copy (source, destination, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                    cancellable, NULL, NULL, &local_error);
  if (local_error != NULL)
    g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BACKUP,
                 _("Could not save the copy: %s"), local_error->message);

  outlay_database_remove_work_folder (work);
  return ok;
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = FALSE;

  database = outlay_database_open_full (job->path,
                                        job->read_only ? OUTLAY_DATABASE_FLAGS_READ_ONLY : OUTLAY_DATABASE_FLAGS_NONE,
                                        &error);
  if (database != NULL)
    {
      outlay_database_set_busy_timeout (database, job->busy_timeout);
      backups = outlay_backups_new (database);

      switch (job->kind)
        {
        case JOB_DAILY:
          ok = outlay_backups_ensure_daily (backups, job->keep, &job->made, &error);
          break;

        case JOB_CREATE:
          job->result_path = outlay_backups_create (backups, job->reason, &error);
          ok = job->result_path != NULL &&
               outlay_backups_prune (backups, job->keep, &error);
          break;

        case JOB_RESTORE:
          ok = outlay_backups_restore (backups, job->backup, &job->result_path, &error) &&
               outlay_backups_prune (backups, job->keep, &error);
          break;

        case JOB_COPY:
          ok = save_copy (backups, job->destination, cancellable, &error);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static Job *
new_job (JobKind kind,
         guint   keep)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->keep = keep;

  return job;
}

static void
start_job (OutlayBackups      *self,
           Job                *job,
           gpointer            source_tag,
           GCancellable       *cancellable,
           GAsyncReadyCallback callback,
           gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_assert (OUTLAY_IS_BACKUPS (self));
  g_assert (job != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  job->path = g_strdup (outlay_database_get_path (self->database));
  job->read_only = outlay_database_is_read_only (self->database);
  job->busy_timeout = outlay_database_get_busy_timeout (self->database);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

/* The job of a finished task, or %NULL with @error set when it failed. */
static Job *
finish_job (OutlayBackups *self,
            GAsyncResult  *result,
            gpointer       source_tag,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  return g_task_get_task_data (G_TASK (result));
}

/**
 * outlay_backups_ensure_daily_async:
 *
 * Does what outlay_backups_ensure_daily() does, in a thread, on a
 * connection of its own.
 */
void
outlay_backups_ensure_daily_async (OutlayBackups      *self,
                                   guint               keep,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_return_if_fail (OUTLAY_IS_BACKUPS (self));
  g_return_if_fail (keep > 0);

  start_job (self, new_job (JOB_DAILY, keep), outlay_backups_ensure_daily_async, cancellable, callback, user_data);
}

gboolean
outlay_backups_ensure_daily_finish (OutlayBackups *self,
                                    GAsyncResult  *result,
                                    gboolean      *made,
                                    GError       **error)
{
  Job *job = finish_job (self, result, outlay_backups_ensure_daily_async, error);

  if (made != NULL)
    *made = job != NULL && job->made;

  return job != NULL;
}

/**
 * outlay_backups_create_async:
 * @keep: how many backups to keep afterwards, at least 1
 *
 * Does what outlay_backups_create() does, then outlay_backups_prune(), in a
 * thread, on a connection of its own.
 */
void
outlay_backups_create_async (OutlayBackups      *self,
                             OutlayBackupReason  reason,
                             guint               keep,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  Job *job;

  g_return_if_fail (OUTLAY_IS_BACKUPS (self));
  g_return_if_fail (reason <= OUTLAY_BACKUP_REASON_RESTORE);
  g_return_if_fail (keep > 0);

  job = new_job (JOB_CREATE, keep);
  job->reason = reason;
  start_job (self, job, outlay_backups_create_async, cancellable, callback, user_data);
}

/**
 * outlay_backups_create_finish:
 *
 * Returns: (transfer full): the new backup's path, or %NULL with @error set
 */
char *
outlay_backups_create_finish (OutlayBackups *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  Job *job = finish_job (self, result, outlay_backups_create_async, error);

  return job != NULL ? g_steal_pointer (&job->result_path) : NULL;
}

/**
 * outlay_backups_restore_async:
 * @backup: an Outlay database file to bring back
 * @keep: how many backups to keep afterwards, at least 1
 *
 * Does what outlay_backups_restore() does, then outlay_backups_prune(), in
 * a thread, on a connection of its own. Whoever reads through other
 * connections must reload afterwards (see outlay_repository_reload()).
 */
void
outlay_backups_restore_async (OutlayBackups      *self,
                              const char         *backup,
                              guint               keep,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  Job *job;

  g_return_if_fail (OUTLAY_IS_BACKUPS (self));
  g_return_if_fail (backup != NULL);
  g_return_if_fail (keep > 0);

  job = new_job (JOB_RESTORE, keep);
  job->backup = g_strdup (backup);
  start_job (self, job, outlay_backups_restore_async, cancellable, callback, user_data);
}

/**
 * outlay_backups_restore_finish:
 * @safety_backup: (out) (optional) (transfer full): where the state before
 *   was saved
 *
 * Returns: whether the database now holds the backup's content
 */
gboolean
outlay_backups_restore_finish (OutlayBackups *self,
                               GAsyncResult  *result,
                               char         **safety_backup,
                               GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  Job *job = finish_job (self, result, outlay_backups_restore_async, error);

  if (job == NULL)
    return FALSE;

  /* This connection's statements and what it knows of the file were made
   * before the content was replaced. */
  if (!outlay_database_reload (self->database, &local_error))
    g_warning ("Could not read the restored database: %s", local_error->message);

  if (safety_backup != NULL)
    *safety_backup = g_steal_pointer (&job->result_path);

  return TRUE;
}

/**
 * outlay_backups_save_copy_async:
 * @destination: where to save the copy; replaced when it exists
 *
 * Saves a consistent copy of the database to @destination, such as a file
 * chosen through the document portal, in a thread, on a connection of its
 * own.
 */
void
outlay_backups_save_copy_async (OutlayBackups      *self,
                                GFile              *destination,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  Job *job;

  g_return_if_fail (OUTLAY_IS_BACKUPS (self));
  g_return_if_fail (G_IS_FILE (destination));

  job = new_job (JOB_COPY, 0);
  job->destination = g_object_ref (destination);
  start_job (self, job, outlay_backups_save_copy_async, cancellable, callback, user_data);
}

gboolean
outlay_backups_save_copy_finish (OutlayBackups *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_job (self, result, outlay_backups_save_copy_async, error) != NULL;
}
