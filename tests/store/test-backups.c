/* test-backups.c
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

/* Copies of the database: a backup to a file and the check of one, a
 * restore, and the backups folder (create, list, prune, the daily one, the
 * copy before a migration, and the same off the main thread). */

#include "config.h"

#include <string.h>

#include "outlay-backups.h"
#include "outlay-database-private.h"
#include "outlay-repository.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

/* A backup is one self-contained file: not in WAL mode, so that copying it
 * or opening it read-only needs nothing beside it. */
static void
test_backup_single_file (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *destination = g_build_filename (fixture->dir, "single.db", NULL);
  g_autofree char *wal = g_strconcat (destination, "-wal", NULL);
  g_autofree char *shm = g_strconcat (destination, "-shm", NULL);
  g_autoptr (GBytes) bytes = NULL;
  const guint8 *header;

  outlay_test_add_sample_expenses (fixture);
  g_assert_true (outlay_database_backup (fixture->database, destination, &error));
  g_assert_no_error (error);

  /* Bytes 18 and 19 of the header are 2 in WAL mode, 1 otherwise. */
  bytes = outlay_test_read_bytes (destination);
  header = g_bytes_get_data (bytes, NULL);
  g_assert_cmpuint (header[18], ==, 1);
  g_assert_cmpuint (header[19], ==, 1);

  g_assert_true (outlay_database_check_file (destination, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_backup_path (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (OutlayBackups) backups_folder = outlay_backups_new (fixture->database);
  g_autoptr (GError) error = NULL;
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *first = outlay_backups_build_path (backups_folder, NULL);
  g_autofree char *second = NULL;
  g_autofree char *elsewhere = outlay_backups_build_path (backups_folder, "/media/stick");
  g_autofree char *name = g_path_get_basename (first);
  g_autofree char *dir = g_path_get_dirname (first);
  g_autoptr (GRegex) pattern = g_regex_new ("^outlay-[0-9]{8}-[0-9]{6}\\.db$", 0, 0, NULL);

  g_assert_cmpstr (dir, ==, backups);
  g_assert_true (g_regex_match (pattern, name, 0, NULL));
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_prefix (elsewhere, "/media/stick/outlay-"));

  /* A name that is taken gets a number. */
  g_assert_true (outlay_database_backup (fixture->database, first, &error));
  g_assert_no_error (error);
  second = outlay_backups_build_path (backups_folder, NULL);
  g_assert_cmpstr (second, !=, first);
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
}

static void
write_sqlite (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  outlay_test_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_check_fails (const char *path,
                    gint        code)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (outlay_database_check_file (path, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, code);
}

static void
test_check_file (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.db", NULL);
  g_autofree char *tableless = g_build_filename (fixture->dir, "tableless.db", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "newer.db", NULL);
  g_autofree char *good = g_build_filename (fixture->dir, "good.db", NULL);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  assert_check_fails (missing, OUTLAY_DATABASE_ERROR_OPEN);
  assert_check_fails (fixture->dir, OUTLAY_DATABASE_ERROR_OPEN);

  g_assert_true (g_file_set_contents (text, "just some notes\n", -1, NULL));
  assert_check_fails (text, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_check_fails (empty, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);

  write_sqlite (foreign, "CREATE TABLE places (id INTEGER PRIMARY KEY, url TEXT)");
  assert_check_fails (foreign, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);

  write_sqlite (tableless, "PRAGMA user_version = 1");
  assert_check_fails (tableless, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);

  write_sqlite (newer, "CREATE TABLE outlay_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;"
                       "INSERT INTO outlay_meta VALUES ('min_writer_version', '99');"
                       "PRAGMA user_version = 99;");
  assert_check_fails (newer, OUTLAY_DATABASE_ERROR_TOO_NEW);

  outlay_test_add_sample_expenses (fixture);
  g_assert_true (outlay_database_backup (fixture->database, good, &error));
  g_assert_no_error (error);
  before = outlay_test_read_bytes (good);
  g_assert_true (outlay_database_check_file (good, &error));
  g_assert_no_error (error);
  after = outlay_test_read_bytes (good);
  g_assert_true (g_bytes_equal (before, after));

  /* The live database itself passes too. */
  g_assert_true (outlay_database_check_file (fixture->path, &error));
  g_assert_no_error (error);
}

static guint
count_restore_folders (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint       n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, ".outlay-restore-"))
      n++;

  return n;
}

static void
test_restore (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "saved.db", NULL);
  g_autofree char *safety = g_build_filename (fixture->dir, "backups", "before-restore.db", NULL);
  g_autofree char *saved_dump = NULL;
  g_autofree char *later_dump = NULL;
  g_autofree char *restored_dump = NULL;
  g_autoptr (OutlayExpense) later = NULL;
  g_autoptr (OutlayDatabase) safety_copy = NULL;

  outlay_test_add_sample_expenses (fixture);
  g_assert_true (outlay_database_backup (fixture->database, backup, &error));
  g_assert_no_error (error);
  saved_dump = outlay_test_dump_store (outlay_database_get_handle (fixture->database));

  later =
    outlay_test_add (fixture, 990, "EUR", "2024-05-01", "Later", outlay_test_category_at (fixture->repository, 1));
  g_assert_true (outlay_repository_delete_category (fixture->repository,
                                                    outlay_test_category_at (fixture->repository, 2), NULL, &error));
  g_assert_no_error (error);
  later_dump = outlay_test_dump_store (outlay_database_get_handle (fixture->database));

  g_assert_true (outlay_database_restore (fixture->database, backup, safety, &error));
  g_assert_no_error (error);

  restored_dump = outlay_test_dump_store (outlay_database_get_handle (fixture->database));
  g_assert_cmpstr (restored_dump, ==, saved_dump);
  outlay_test_assert_summary_consistent (outlay_database_get_handle (fixture->database));
  g_assert_cmpuint (outlay_database_get_schema_version (fixture->database), ==, OUTLAY_SCHEMA_VERSION);
  g_assert_cmpuint (count_restore_folders (fixture->dir), ==, 0);

  /* The state before is kept, and could be restored in turn. */
  safety_copy = outlay_database_open (safety, &error);
  g_assert_no_error (error);
  g_clear_pointer (&restored_dump, g_free);
  restored_dump = outlay_test_dump_store (outlay_database_get_handle (safety_copy));
  g_assert_cmpstr (restored_dump, ==, later_dump);

  /* The same connection goes on working on the restored content. */
  outlay_repository_reload (fixture->repository);
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository)), ==, 10);
  g_clear_object (&later);
  later = outlay_test_add (fixture, 120, "EUR", "2024-05-02", "After the restore",
                           outlay_test_category_at (fixture->repository, 0));
  outlay_test_assert_summary_consistent (outlay_database_get_handle (fixture->database));
}

/* A backup from before the last upgrade comes back in today's format. */
static void
test_restore_older_format (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old = g_build_filename (fixture->dir, "format-1.db", NULL);
  g_autofree char *reference_dir = g_build_filename (fixture->dir, "reference", NULL);
  g_autofree char *reference = g_build_filename (reference_dir, "format-1.db", NULL);
  g_autofree char *sql = outlay_test_fixture_text ("schema-1.sql");
  g_autofree char *expected = NULL;
  g_autofree char *restored = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (OutlayDatabase) upgraded = NULL;

  write_sqlite (old, sql);
  g_assert_cmpint (g_mkdir_with_parents (reference_dir, 0700), ==, 0);
  write_sqlite (reference, sql);
  before = outlay_test_read_bytes (old);

  g_assert_true (outlay_database_restore (fixture->database, old, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_database_get_schema_version (fixture->database), ==, OUTLAY_SCHEMA_VERSION);

  /* The backup itself is left as it was. */
  after = outlay_test_read_bytes (old);
  g_assert_true (g_bytes_equal (before, after));

  upgraded = outlay_database_open (reference, &error);
  g_assert_no_error (error);
  expected = outlay_test_dump (outlay_database_get_handle (upgraded), "SELECT * FROM expenses ORDER BY id");
  restored = outlay_test_dump (outlay_database_get_handle (fixture->database), "SELECT * FROM expenses ORDER BY id");
  g_assert_cmpstr (restored, ==, expected);
  g_assert_cmpstr (restored, !=, "");
  outlay_test_assert_summary_consistent (outlay_database_get_handle (fixture->database));
}

/* Whatever goes wrong, the database stays as it was and nothing is left
 * behind. */
static void
test_restore_refused (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *safety = g_build_filename (fixture->dir, "backups", "safety.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (OutlayDatabase) read_only = NULL;

  outlay_test_add_sample_expenses (fixture);
  before = outlay_test_dump_store (outlay_database_get_handle (fixture->database));
  g_assert_true (g_file_set_contents (text, "not a database", -1, NULL));

  g_assert_false (outlay_database_restore (fixture->database, text, safety, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  g_assert_false (outlay_database_restore (fixture->database, missing, safety, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_OPEN);
  g_clear_error (&error);

  read_only = outlay_database_open_full (fixture->path, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (outlay_database_restore (read_only, fixture->path, NULL, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  after = outlay_test_dump_store (outlay_database_get_handle (fixture->database));
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (safety, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_restore_folders (fixture->dir), ==, 0);
}

static void
test_backup (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *destination = g_build_filename (fixture->dir, "copies", "outlay-copy.db", NULL);
  g_autofree char *partial = g_strconcat (destination, ".partial", NULL);
  g_autoptr (OutlayDatabase) copy = NULL;
  g_autoptr (OutlayExpense) later = NULL;
  g_autofree char *original_dump = NULL;
  g_autofree char *copy_dump = NULL;
  g_autofree char *second_dump = NULL;

  outlay_test_add_sample_expenses (fixture);
  original_dump = outlay_test_dump_store (outlay_database_get_handle (fixture->database));

  g_assert_true (outlay_database_backup (fixture->database, destination, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (destination, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (outlay_test_file_mode (destination), ==, 0600);

  copy = outlay_database_open (destination, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpuint (outlay_database_get_schema_version (copy), ==, OUTLAY_SCHEMA_VERSION);
  copy_dump = outlay_test_dump_store (outlay_database_get_handle (copy));
  g_assert_cmpstr (copy_dump, ==, original_dump);
  g_assert_finalize_object (g_steal_pointer (&copy));

  /* A second backup to the same place replaces the first one. */
  later =
    outlay_test_add (fixture, 100, "EUR", "2024-04-01", "Stamps", outlay_test_category_at (fixture->repository, 6));
  g_clear_pointer (&original_dump, g_free);
  original_dump = outlay_test_dump_store (outlay_database_get_handle (fixture->database));

  g_assert_true (outlay_database_backup (fixture->database, destination, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  copy = outlay_database_open (destination, &error);
  g_assert_no_error (error);
  second_dump = outlay_test_dump_store (outlay_database_get_handle (copy));
  g_assert_cmpstr (second_dump, ==, original_dump);
  g_assert_cmpstr (second_dump, !=, copy_dump);
  g_assert_finalize_object (g_steal_pointer (&copy));
}

static char *
backups_dir (Fixture *fixture)
{
  return g_build_filename (fixture->dir, "backups", NULL);
}

/* A copy of a real backup under @name, as if it had been made then. */
static char *
plant_backup (Fixture    *fixture,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = backups_dir (fixture);
  char            *path = g_build_filename (folder, name, NULL);

  g_assert_true (outlay_database_backup (fixture->database, path, &error));
  g_assert_no_error (error);

  return path;
}

static void
test_backups_create (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr (OutlayBackups) backups_folder = outlay_backups_new (fixture->database);
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = backups_dir (fixture);
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *copied = NULL;
  g_autoptr (GRegex) pattern = g_regex_new ("^outlay-[0-9]{8}-[0-9]{6}-import\\.db$", 0, 0, NULL);
  g_autoptr (OutlayDatabase) copy = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  OutlayBackupInfo *info;

  outlay_test_add_sample_expenses (fixture);
  saved = outlay_test_dump_store (outlay_database_get_handle (fixture->database));

  /* No folder yet: no backups, and no error. */
  backups = outlay_backups_list (backups_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  path = outlay_backups_create (backups_folder, OUTLAY_BACKUP_REASON_IMPORT, &error);
  g_assert_no_error (error);
  dir = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  g_assert_cmpstr (dir, ==, folder);
  g_assert_true (g_regex_match (pattern, name, 0, NULL));
  g_assert_cmpuint (outlay_test_file_mode (path), ==, 0600);

  /* A valid database with the same rows, that opens on its own. */
  g_assert_true (outlay_database_check_file (path, &error));
  g_assert_no_error (error);
  copy = outlay_database_open (path, &error);
  g_assert_no_error (error);
  copied = outlay_test_dump_store (outlay_database_get_handle (copy));
  g_assert_cmpstr (copied, ==, saved);
  g_clear_object (&copy);

  /* Two in the same second get two names. */
  second = outlay_backups_create (backups_folder, OUTLAY_BACKUP_REASON_IMPORT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, path);

  /* Made in the same second as the others (most likely), and yet listed
   * as the newest: file times are finer than a second, if coarser than a microsecond. */
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  third = outlay_backups_create (backups_folder, OUTLAY_BACKUP_REASON_DAILY, &error);
  g_assert_no_error (error);

  backups = outlay_backups_list (backups_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 3);
  g_assert_cmpstr (((OutlayBackupInfo *) g_ptr_array_index (backups, 0))->path, ==, third);
  g_assert_cmpstr (((OutlayBackupInfo *) g_ptr_array_index (backups, 1))->path, ==, second);
  info = g_ptr_array_index (backups, 2);
  g_assert_cmpuint (info->reason, ==, OUTLAY_BACKUP_REASON_IMPORT);
  g_assert_cmpint (info->size, >, 0);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (info->path, &st), ==, 0);
    g_assert_cmpint (info->size, ==, st.st_size);
  }
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

    g_assert_cmpint (g_date_time_difference (now, info->created), >=, 0);
    g_assert_cmpint (g_date_time_difference (now, info->created), <, 60 * G_TIME_SPAN_SECOND);
  }
}

/* Every reason comes back from the name, and names written before there
 * were reasons still list; the newest comes first. */
static void
test_backups_list (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (OutlayBackups) backups_folder = outlay_backups_new (fixture->database);
  static const struct
  {
    const char        *name;
    OutlayBackupReason reason;
  } expected[] = {
    { "outlay-20261125-203000-daily.db", OUTLAY_BACKUP_REASON_DAILY },
    { "outlay-20261124-093000-restore-2.db", OUTLAY_BACKUP_REASON_RESTORE },
    { "outlay-20261124-093000-restore.db", OUTLAY_BACKUP_REASON_RESTORE },
    { "outlay-20261120-080000-import.db", OUTLAY_BACKUP_REASON_IMPORT },
    { "outlay-20261101-000000-migration.db", OUTLAY_BACKUP_REASON_MIGRATION },
    { "outlay-20240305-101500-2.db", OUTLAY_BACKUP_REASON_MANUAL },
    { "outlay-20240305-101500.db", OUTLAY_BACKUP_REASON_MANUAL },
    { "outlay-format1-20240301-120000.db", OUTLAY_BACKUP_REASON_MIGRATION },
    { "outlay-20230101-000000-manual.db", OUTLAY_BACKUP_REASON_MANUAL },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;

  /* Planted out of order. */
  for (guint i = G_N_ELEMENTS (expected); i > 0; i--)
    g_free (plant_backup (fixture, expected[(i * 5) % G_N_ELEMENTS (expected)].name));

  backups = outlay_backups_list (backups_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      OutlayBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char  *name = g_path_get_basename (info->path);

      g_assert_cmpstr (name, ==, expected[i].name);
      g_assert_cmpuint (info->reason, ==, expected[i].reason);
    }

  /* The time in the name is UTC. */
  {
    OutlayBackupInfo *first = g_ptr_array_index (backups, 0);
    g_autofree char  *stamp = g_date_time_format_iso8601 (first->created);

    g_assert_cmpstr (stamp, ==, "2026-11-25T20:30:00Z");
  }

  g_assert_cmpstr (outlay_backup_reason_to_string (OUTLAY_BACKUP_REASON_MIGRATION), ==, "migration");
  g_assert_cmpstr (outlay_backup_reason_get_label (OUTLAY_BACKUP_REASON_RESTORE), ==, "Before a restore");
}

/* Pruning keeps the newest, and nothing but our own backups is ever
 * deleted: not other files, nor links or folders with our names, nor the
 * backups of another database in the same folder. */
/* An upgrade's backup is named for it, and lists as one. */
static void
test_backups_migration (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (fixture->dir, "old", NULL);
  g_autofree char *old = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *sql = outlay_test_fixture_text ("schema-1.sql");
  g_autofree char *name = NULL;
  g_autoptr (GRegex) pattern = g_regex_new ("^ledger-[0-9]{8}-[0-9]{6}-migration\\.db$", 0, 0, NULL);
  g_autoptr (OutlayDatabase) upgraded = NULL;
  g_autoptr (OutlayBackups) backups_folder = NULL;
  g_autoptr (GPtrArray) backups = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_sqlite (old, sql);
  upgraded = outlay_database_open (old, &error);
  g_assert_no_error (error);

  name = g_path_get_basename (outlay_database_get_backup_path (upgraded));
  g_assert_true (g_regex_match (pattern, name, 0, NULL));
  backups_folder = outlay_backups_new (upgraded);
  backups = outlay_backups_list (backups_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpuint (((OutlayBackupInfo *) g_ptr_array_index (backups, 0))->reason, ==, OUTLAY_BACKUP_REASON_MIGRATION);
  g_assert_true (outlay_database_check_file (outlay_database_get_backup_path (upgraded), &error));
  g_assert_no_error (error);
}

static void
test_backups_prune (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (OutlayBackups) backups_folder = outlay_backups_new (fixture->database);
  static const char *const ours[] = {
    "outlay-20261125-080000-daily.db",
    "outlay-20261124-080000-daily.db",
    "outlay-20261123-080000-manual.db",
    "outlay-20261122-080000-import.db",
    "outlay-20240305-101500.db",
  };
  static const char *const foreign[] = {
    "notes.txt",
    "outlay-important.db",
    "budget-20200101-000000-daily.db",
    "outlay-20200101-000000-daily.db.partial",
    "outlay-20200101-000000-weekly.db",
    /* A counter past 2^32: not a name Outlay writes. */
    "outlay-20200101-000000-4294967297.db",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = backups_dir (fixture);
  g_autofree char *dir_named = g_build_filename (folder, "outlay-20190101-000000-daily.db", NULL);
  g_autofree char *link_named = g_build_filename (folder, "outlay-20190102-000000-daily.db", NULL);
  g_autofree char *elsewhere = g_build_filename (fixture->dir, "precious.db", NULL);
  g_autoptr (GPtrArray) backups = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ours); i++)
    g_free (plant_backup (fixture, ours[i]));
  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    g_free (plant_backup (fixture, foreign[i]));
  g_assert_cmpint (g_mkdir (dir_named, 0700), ==, 0);
  g_assert_true (g_file_set_contents (elsewhere, "keep", -1, NULL));
  g_assert_cmpint (symlink (elsewhere, link_named), ==, 0);

  g_assert_true (outlay_backups_prune (backups_folder, 3, &error));
  g_assert_no_error (error);

  backups = outlay_backups_list (backups_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_path_get_basename (((OutlayBackupInfo *) g_ptr_array_index (backups, i))->path);

      g_assert_cmpstr (name, ==, ours[i]);
    }

  g_assert_true (outlay_backups_prune (backups_folder, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_test_count_files (folder), ==, 1 + G_N_ELEMENTS (foreign) + 2);
  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    {
      g_autofree char *path = g_build_filename (folder, foreign[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_true (g_file_test (dir_named, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link_named, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (elsewhere, G_FILE_TEST_IS_REGULAR));
}

static void
test_backups_daily (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (OutlayBackups) backups_folder = outlay_backups_new (fixture->database);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) yesterday = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *folder = backups_dir (fixture);
  g_autofree char *stamp = NULL;
  g_autofree char *old_name = NULL;
  gboolean         made = FALSE;

  /* Yesterday's does not count for today. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

    yesterday = g_date_time_add_days (now, -1);
  }
  stamp = g_date_time_format (yesterday, "%Y%m%d-%H%M%S");
  old_name = g_strdup_printf ("outlay-%s-daily.db", stamp);
  g_free (plant_backup (fixture, old_name));

  g_assert_true (outlay_backups_ensure_daily (backups_folder, 10, &made, &error));
  g_assert_no_error (error);
  g_assert_true (made);
  g_assert_cmpuint (outlay_test_count_files (folder), ==, 2);

  /* A second start the same day makes none. */
  g_assert_true (outlay_backups_ensure_daily (backups_folder, 10, &made, &error));
  g_assert_no_error (error);
  g_assert_false (made);
  g_assert_cmpuint (outlay_test_count_files (folder), ==, 2);

  backups = outlay_backups_list (backups_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((OutlayBackupInfo *) g_ptr_array_index (backups, 0))->reason, ==, OUTLAY_BACKUP_REASON_DAILY);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* It prunes too. */
  g_assert_true (outlay_backups_ensure_daily (backups_folder, 1, &made, &error));
  g_assert_no_error (error);
  g_assert_false (made);
  backups = outlay_backups_list (backups_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_false (g_str_has_suffix (((OutlayBackupInfo *) g_ptr_array_index (backups, 0))->path, old_name));
}

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* The worker thread may hold the task, and so the database, a moment
 * after the callback ran. */
static void
drop_result (GAsyncResult **result)
{
  GWeakRef ref;
  GObject *task;

  g_weak_ref_init (&ref, *result);
  g_clear_object (result);
  while ((task = g_weak_ref_get (&ref)) != NULL)
    {
      g_object_unref (task);
      g_usleep (1000);
    }
  g_weak_ref_clear (&ref);
}

/* The copy is made in a thread, on its own connection, while this one
 * goes on writing: it holds one consistent state. */
static void
test_backups_async (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (OutlayBackups) backups_folder = outlay_backups_new (fixture->database);
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (OutlayDatabase) copy = NULL;
  g_autofree char *path = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *restored = NULL;
  gint64           food = outlay_test_category_at (fixture->repository, 0);
  gboolean         made = FALSE;
  guint            n_during = 0;
  gint64           n_copied;

  for (guint i = 0; i < 2000; i++)
    g_object_unref (outlay_test_add (fixture, 100 + i, "EUR", "2024-01-05", "Before", food));

  outlay_backups_create_async (backups_folder, OUTLAY_BACKUP_REASON_MANUAL, 10, NULL, on_async_done_cb, &result);
  while (result == NULL)
    {
      g_object_unref (outlay_test_add (fixture, 7, "EUR", "2024-01-06", "During", food));
      n_during++;
      g_main_context_iteration (NULL, FALSE);
    }
  path = outlay_backups_create_finish (backups_folder, result, &error);
  g_assert_no_error (error);
  drop_result (&result);
  g_test_message ("%u expenses added while the backup ran", n_during);

  g_assert_true (outlay_database_check_file (path, &error));
  g_assert_no_error (error);
  copy = outlay_database_open (path, &error);
  g_assert_no_error (error);
  n_copied = outlay_test_query_int (outlay_database_get_handle (copy), "SELECT count(*) FROM expenses");
  g_assert_cmpint (n_copied, >=, 2000);
  g_assert_cmpint (n_copied, <=, 2000 + n_during);
  outlay_test_assert_summary_consistent (outlay_database_get_handle (copy));
  saved = outlay_test_dump_store (outlay_database_get_handle (copy));
  g_clear_object (&copy);

  /* A copy elsewhere, replacing what is there, with nothing left beside
   * the database. */
  {
    g_autofree char *elsewhere = g_build_filename (fixture->dir, "elsewhere.db", NULL);
    g_autoptr (GFile) destination = g_file_new_for_path (elsewhere);
    g_autofree char *copied = NULL;
    g_autofree char *current = outlay_test_dump_store (outlay_database_get_handle (fixture->database));
    guint            n_entries;

    g_assert_true (g_file_set_contents (elsewhere, "old", -1, NULL));
    n_entries = outlay_test_count_files (fixture->dir);
    outlay_backups_save_copy_async (backups_folder, destination, NULL, on_async_done_cb, &result);
    g_assert_true (outlay_backups_save_copy_finish (backups_folder, wait_for (&result), &error));
    g_assert_no_error (error);
    drop_result (&result);
    g_assert_true (outlay_database_check_file (elsewhere, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (outlay_test_count_files (fixture->dir), ==, n_entries);
    copy = outlay_database_open (elsewhere, &error);
    g_assert_no_error (error);
    copied = outlay_test_dump_store (outlay_database_get_handle (copy));
    g_assert_cmpstr (copied, ==, current);
    g_clear_object (&copy);
  }

  /* A backup today already: the daily one is not needed. */
  outlay_backups_ensure_daily_async (backups_folder, 10, NULL, on_async_done_cb, &result);
  g_assert_true (outlay_backups_ensure_daily_finish (backups_folder, wait_for (&result), &made, &error));
  g_assert_no_error (error);
  g_assert_false (made);
  drop_result (&result);

  /* Restored through the thread's connection, seen through this one. */
  outlay_backups_restore_async (backups_folder, path, 10, NULL, on_async_done_cb, &result);
  g_assert_true (outlay_backups_restore_finish (backups_folder, wait_for (&result), &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  g_assert_true (g_str_has_suffix (safety, "-restore.db"));
  outlay_repository_reload (fixture->repository);
  restored = outlay_test_dump_store (outlay_database_get_handle (fixture->database));
  g_assert_cmpstr (restored, ==, saved);
  g_assert_cmpuint (outlay_test_count (fixture), ==, n_copied);

  /* A file that is not a backup: an error, and nothing changed. */
  drop_result (&result);
  g_clear_pointer (&safety, g_free);
  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  outlay_backups_restore_async (backups_folder, path, 10, NULL, on_async_done_cb, &result);
  g_assert_false (outlay_backups_restore_finish (backups_folder, wait_for (&result), &safety, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_null (safety);
  g_clear_pointer (&restored, g_free);
  restored = outlay_test_dump_store (outlay_database_get_handle (fixture->database));
  g_assert_cmpstr (restored, ==, saved);
  drop_result (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backups/backup", Fixture, NULL,
              outlay_test_fixture_setup, test_backup, outlay_test_fixture_teardown);
  g_test_add ("/backups/backup/single-file", Fixture, NULL,
              outlay_test_fixture_setup, test_backup_single_file, outlay_test_fixture_teardown);
  g_test_add ("/backups/backup/path", Fixture, NULL,
              outlay_test_fixture_setup, test_backup_path, outlay_test_fixture_teardown);
  g_test_add ("/backups/check-file", Fixture, NULL,
              outlay_test_fixture_setup, test_check_file, outlay_test_fixture_teardown);
  g_test_add ("/backups/restore/replaces", Fixture, NULL,
              outlay_test_fixture_setup, test_restore, outlay_test_fixture_teardown);
  g_test_add ("/backups/restore/older-format", Fixture, NULL,
              outlay_test_fixture_setup, test_restore_older_format, outlay_test_fixture_teardown);
  g_test_add ("/backups/restore/refused", Fixture, NULL,
              outlay_test_fixture_setup, test_restore_refused, outlay_test_fixture_teardown);
  g_test_add ("/backups/create", Fixture, NULL,
              outlay_test_fixture_setup, test_backups_create, outlay_test_fixture_teardown);
  g_test_add ("/backups/list", Fixture, NULL,
              outlay_test_fixture_setup, test_backups_list, outlay_test_fixture_teardown);
  g_test_add ("/backups/migration", Fixture, NULL,
              outlay_test_fixture_setup, test_backups_migration, outlay_test_fixture_teardown);
  g_test_add ("/backups/prune", Fixture, NULL,
              outlay_test_fixture_setup, test_backups_prune, outlay_test_fixture_teardown);
  g_test_add ("/backups/daily", Fixture, NULL,
              outlay_test_fixture_setup, test_backups_daily, outlay_test_fixture_teardown);
  g_test_add ("/backups/async", Fixture, NULL,
              outlay_test_fixture_setup, test_backups_async, outlay_test_fixture_teardown);

  return g_test_run ();
}
