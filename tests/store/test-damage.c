/* test-damage.c
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

/* A damaged file is seen, said and contained: one state and one error
 * code, no write to it but a restore, and backups that are checked when
 * they are made and never pruned away from the last good state. */

#include "config.h"

#include <time.h>
#include <utime.h>

#include "outlay-backups.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

static char *
backups_folder (Fixture *fixture)
{
  return g_build_filename (fixture->dir, "backups", NULL);
}

/* A ledger with the sample expenses and one good backup, then closed
 * and damaged in @object. Returns the backup. */
static char *
make_damaged (Fixture    *fixture,
              const char *object)
{
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (GError) error = NULL;
  char *backup;

  outlay_test_add_sample_expenses (fixture);
  backups = outlay_backups_new (fixture->database);
  backup = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  g_clear_object (&backups);

  outlay_test_fixture_close (fixture);
  outlay_test_damage_object (fixture->path, object);

  return backup;
}

static void
test_damage_seen_at_open (Fixture      *fixture,
                          gconstpointer data)
{
  g_autofree char *backup = make_damaged (fixture, "categories");
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = backups_folder (fixture);
  g_autofree char *made = NULL;
  gboolean made_daily = TRUE;

  before = outlay_test_read_bytes (fixture->path);

  /* Opens, to be read and restored; no warning or critical (they are
   * fatal in tests). */
  outlay_test_fixture_open (fixture);
  g_assert_true (outlay_database_is_damaged (fixture->database));

  /* Nothing is written to it. */
  draft = outlay_test_draft (350, "EUR", "2024-04-01", "Coffee", 1);
  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED);
  g_assert_null (stored);
  g_clear_error (&error);

  /* Nor copied over the good backups, which are not pruned. */
  backups = outlay_backups_new (fixture->database);
  made = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED);
  g_assert_null (made);
  g_clear_error (&error);
  g_assert_false (outlay_backups_ensure_daily (backups, 1, &made_daily, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED);
  g_assert_false (made_daily);
  g_clear_error (&error);
  g_assert_cmpuint (outlay_test_count_files (folder), ==, 1);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  g_clear_object (&backups);
  outlay_test_fixture_close (fixture);
  after = outlay_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* A page of the expenses that a quick check at open would not reach in a
 * large file: the whole check finds it, on any connection. */
static void
test_damage_found_by_check (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) problems = NULL;
  g_autofree char *backup = NULL;

  /* Sound: nothing to report. */
  g_assert_true (outlay_database_check (fixture->database, TRUE, NULL, &problems, &error));
  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_false (outlay_database_is_damaged (fixture->database));

  backup = make_damaged (fixture, "expenses_by_date");

  database = outlay_database_open_full (fixture->path, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_database_check (database, TRUE, NULL, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (g_strv_length (problems), >, 0);
  g_assert_true (outlay_database_is_damaged (database));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_restore_heals (Fixture      *fixture,
                    gconstpointer data)
{
  g_autofree char *backup = make_damaged (fixture, "categories");
  g_autofree char *folder = backups_folder (fixture);
  g_autofree char *safety = NULL;
  g_autofree char *in_backup = NULL;
  g_autofree char *restored = NULL;
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  guint    notified = 0;
  guint    damaged_copies = 0;

  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  in_backup = outlay_test_dump_store (db);
  sqlite3_close (db);

  outlay_test_fixture_open (fixture);
  g_assert_true (outlay_database_is_damaged (fixture->database));
  g_signal_connect (fixture->database, "notify::damaged", G_CALLBACK (on_notify), &notified);

  backups = outlay_backups_new (fixture->database);
  g_assert_true (outlay_backups_restore (backups, backup, &safety, &error));
  g_assert_no_error (error);
  g_assert_false (outlay_database_is_damaged (fixture->database));
  g_assert_cmpuint (notified, ==, 1);

  /* The content is the backup's, and the ledger takes writes again. */
  restored = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (restored, ==, in_backup);
  outlay_repository_reload (fixture->repository);
  {
    g_autoptr (OutlayExpense) added = outlay_test_add (fixture, 100, "EUR", "2024-05-01", "After", 1);
    g_assert_nonnull (added);
  }

  /* The damaged state was kept apart, never as a backup to restore. */
  listed = outlay_backups_list (backups, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listed->len; i++)
    {
      OutlayBackupInfo *info = g_ptr_array_index (listed, i);

      if (info->state == OUTLAY_BACKUP_STATE_DAMAGED)
        {
          damaged_copies++;
          g_assert_true (g_str_has_suffix (info->path, "-restore-damaged.db"));
        }
    }
  g_assert_cmpuint (damaged_copies, ==, 1);
  {
    g_autoptr (OutlayBackupInfo) good = outlay_backups_find_newest_good (backups, &error);

    g_assert_no_error (error);
    g_assert_nonnull (good);
    g_assert_cmpstr (good->path, ==, backup);
    g_assert_cmpuint (good->expenses, ==, 3);
  }
}

/* Each backup records its check: verified, with its expenses and format;
 * a copy made before backups were checked lists as unverified. */
static void
test_backups_verified (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *folder = backups_folder (fixture);
  g_autofree char *old = g_build_filename (folder, "outlay-20200101-000000-daily.db", NULL);
  OutlayBackupInfo *info;

  outlay_test_add_sample_expenses (fixture);
  backups = outlay_backups_new (fixture->database);
  made = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);

  /* An older copy: the plain file, without the record. */
  g_assert_true (outlay_database_backup (fixture->database, old, &error));
  g_assert_no_error (error);

  listed = outlay_backups_list (backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);

  info = g_ptr_array_index (listed, 0);
  g_assert_cmpstr (info->path, ==, made);
  g_assert_cmpint (info->state, ==, OUTLAY_BACKUP_STATE_VERIFIED);
  g_assert_cmpuint (info->expenses, ==, 3);
  g_assert_cmpuint (info->schema_version, ==, OUTLAY_SCHEMA_VERSION);

  info = g_ptr_array_index (listed, 1);
  g_assert_cmpstr (info->path, ==, old);
  g_assert_cmpint (info->state, ==, OUTLAY_BACKUP_STATE_UNVERIFIED);
  g_assert_cmpuint (info->schema_version, ==, OUTLAY_SCHEMA_VERSION);
}

/* A damage the open did not see (the page was read before it went bad):
 * the check of the copy finds it, the copy is kept under a name of its
 * own and the database is marked damaged. */
static void
test_backup_of_damage_kept_apart (Fixture      *fixture,
                                  gconstpointer data)
{
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *made = NULL;

  outlay_test_add_sample_expenses (fixture);
  backups = outlay_backups_new (fixture->database);
  good = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  g_clear_object (&backups);
  outlay_test_fixture_close (fixture);

  /* Open a sound file, then let the disk damage it under the connection. */
  outlay_test_fixture_open (fixture);
  g_assert_false (outlay_database_is_damaged (fixture->database));
  outlay_test_damage_object (fixture->path, "expenses_by_date");
  sqlite3_db_release_memory (outlay_test_handle (fixture));

  backups = outlay_backups_new (fixture->database);
  made = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_DAILY, &error);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED);
  g_assert_null (made);
  g_assert_true (outlay_database_is_damaged (fixture->database));

  g_clear_error (&error);
  listed = outlay_backups_list (backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpint (((OutlayBackupInfo *) g_ptr_array_index (listed, 0))->state, ==, OUTLAY_BACKUP_STATE_DAMAGED);
  g_assert_true (g_str_has_suffix (((OutlayBackupInfo *) g_ptr_array_index (listed, 0))->path, "-daily-damaged.db"));
  g_assert_cmpstr (((OutlayBackupInfo *) g_ptr_array_index (listed, 1))->path, ==, good);
  g_assert_cmpint (((OutlayBackupInfo *) g_ptr_array_index (listed, 1))->state, ==, OUTLAY_BACKUP_STATE_VERIFIED);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

/* Pruning keeps the newest verified backup and the last verified one
 * before the first damaged copy, whatever the count. */
static void
test_prune_keeps_good (Fixture      *fixture,
                       gconstpointer data)
{
  static const char *const names[] = {
    "outlay-20240101-000000-daily.db",         /* verified, before the damage: kept */
    "outlay-20240102-000000-daily.db",         /* verified, before the damage: kept */
    "outlay-20240103-000000-daily-damaged.db", /* the first damaged copy: kept */
    "outlay-20240104-000000-manual.db",        /* unverified */
    "outlay-20240105-000000-manual.db",        /* unverified, the newest: kept */
  };
  static const gboolean kept[] = { FALSE, TRUE, TRUE, FALSE, TRUE };
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = backups_folder (fixture);
  g_autofree char *verified = NULL;
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.db", NULL);

  outlay_test_add_sample_expenses (fixture);
  backups = outlay_backups_new (fixture->database);
  verified = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_database_backup (fixture->database, plain, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      copy_file (i < 3 ? verified : plain, path);
    }
  g_unlink (verified);

  g_assert_true (outlay_backups_prune (backups, 1, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_test_message ("%s", names[i]);
      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, kept[i]);
    }
}

/* A file whose header is gone does not open at all: the backup takes
 * its place, and the damaged file is kept apart. */
static void
test_replace_unopenable (Fixture      *fixture,
                         gconstpointer data)
{
  g_autofree char *backup = make_damaged (fixture, "categories");
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *in_backup = NULL;
  g_autofree char *restored = NULL;
  sqlite3 *db = NULL;
  FILE    *file;

  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  in_backup = outlay_test_dump_store (db);
  sqlite3_close (db);

  file = g_fopen (fixture->path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite ("garbage, not a header", 1, 21, file), ==, 21);
  g_assert_cmpint (fclose (file), ==, 0);

  database = outlay_database_open (fixture->path, &error);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_null (database);
  g_clear_error (&error);

  backups = outlay_backups_new_for_path (fixture->path);
  g_assert_true (outlay_backups_replace_damaged (backups, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (kept, "-restore-damaged.db"));
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  database = outlay_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (outlay_database_is_damaged (database));
  restored = outlay_test_dump_store (outlay_database_get_handle (database));
  g_assert_cmpstr (restored, ==, in_backup);
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (database),
                                          "SELECT count(*) FROM outlay_meta WHERE key LIKE 'backup%'"),
                   ==, 0);
  {
    g_autoptr (OutlayBackupInfo) good = outlay_backups_find_newest_good (backups, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (good->path, ==, backup);
  }
}

static void
make_file (const char *path,
           gboolean    old)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, "left behind", -1, &error);
  g_assert_no_error (error);
  if (old)
    {
      struct utimbuf times = { 0 };

      times.actime = times.modtime = time (NULL) - 2 * 24 * 60 * 60;
      g_assert_cmpint (g_utime (path, &times), ==, 0);
    }
}

/* What a killed backup or restore left behind goes once it is a day old;
 * a fresh one may belong to a process still writing it. */
static void
test_prune_removes_leftovers (Fixture      *fixture,
                              gconstpointer data)
{
  g_autoptr (OutlayBackups) backups = outlay_backups_new (fixture->database);
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = backups_folder (fixture);
  g_autofree char *made = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_autofree char *old_partial = g_build_filename (folder, "outlay-20240101-000000-daily.db.partial", NULL);
  g_autofree char *old_journal = g_build_filename (folder, "outlay-20240101-000000-daily.db.partial-journal", NULL);
  g_autofree char *new_partial = g_build_filename (folder, "outlay-20991231-000000-daily.db.partial", NULL);
  g_autofree char *other = g_build_filename (folder, "notes.txt", NULL);
  g_autofree char *old_work = g_build_filename (fixture->dir, ".outlay-restore-AbC123", NULL);
  g_autofree char *old_work_file = g_build_filename (old_work, "restore.db", NULL);
  g_autofree char *new_work = g_build_filename (fixture->dir, ".outlay-copy-XyZ789", NULL);
  g_autofree char *old_restoring = g_strconcat (fixture->path, ".restoring", NULL);
  struct utimbuf   times = { 0 };

  g_assert_no_error (error);
  make_file (old_partial, TRUE);
  make_file (old_journal, TRUE);
  make_file (new_partial, FALSE);
  make_file (other, TRUE);
  make_file (old_restoring, TRUE);
  g_assert_cmpint (g_mkdir (old_work, 0700), ==, 0);
  make_file (old_work_file, TRUE);
  times.actime = times.modtime = time (NULL) - 2 * 24 * 60 * 60;
  g_assert_cmpint (g_utime (old_work, &times), ==, 0);
  g_assert_cmpint (g_mkdir (new_work, 0700), ==, 0);

  g_assert_true (outlay_backups_prune (backups, 10, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (old_partial, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_work, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_restoring, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_partial, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_work, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (made, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/damage/seen-at-open", test_damage_seen_at_open);
  OUTLAY_TEST_ADD ("/damage/found-by-check", test_damage_found_by_check);
  OUTLAY_TEST_ADD ("/damage/restore-heals", test_restore_heals);
  OUTLAY_TEST_ADD ("/damage/backups-verified", test_backups_verified);
  OUTLAY_TEST_ADD ("/damage/backup-of-damage-kept-apart", test_backup_of_damage_kept_apart);
  OUTLAY_TEST_ADD ("/damage/prune-keeps-good", test_prune_keeps_good);
  OUTLAY_TEST_ADD ("/damage/replace-unopenable", test_replace_unopenable);
  OUTLAY_TEST_ADD ("/damage/prune-removes-leftovers", test_prune_removes_leftovers);

  return g_test_run ();
}
