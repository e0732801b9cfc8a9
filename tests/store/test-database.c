/* test-database.c
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

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outlay-database-private.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

static char *
pragma_text (sqlite3    *db,
             const char *pragma)
{
  g_autofree char *sql = g_strconcat ("PRAGMA ", pragma, NULL);
  g_autofree char *dump = outlay_test_dump (db, sql);

  return g_strdup (g_strchomp (dump));
}

static void
test_open_creates_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-test-XXXXXX", &error);
  g_autofree char *parent = g_build_filename (dir, "data", "outlay", NULL);
  g_autofree char *path = g_build_filename (parent, "outlay.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backups = g_build_filename (parent, "backups", NULL);
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (OutlayExpense) again = NULL;
  g_autoptr (OutlayExpense) draft = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));

  database = outlay_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);

  /* The folders are made, private, and the file is readable by its owner
   * only: it holds what someone spends money on. */
  g_assert_true (g_file_test (parent, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (outlay_test_file_mode (path), ==, 0600);
  g_assert_cmpuint (outlay_test_file_mode (parent), ==, 0700);

  g_assert_cmpstr (outlay_database_get_path (database), ==, path);
  g_assert_false (outlay_database_is_read_only (database));
  g_assert_cmpuint (outlay_database_get_schema_version (database), ==, OUTLAY_SCHEMA_VERSION);
  g_assert_cmpuint (outlay_database_get_min_writer_version (database), >=, 1);
  g_assert_cmpuint (outlay_database_get_min_writer_version (database), <=, OUTLAY_SCHEMA_VERSION);
  /* A new file has nothing to back up. */
  g_assert_null (outlay_database_get_backup_path (database));

  repository = outlay_repository_new (database);
  draft = outlay_test_draft (1234, "EUR", "2024-05-01", "Bread", outlay_test_category_at (repository, 1));
  stored = outlay_repository_add_expense (repository, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  id = outlay_expense_get_id (stored);

  /* The write-ahead log is as private as the file. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (outlay_test_file_mode (wal), ==, 0600);

  g_assert_finalize_object (g_steal_pointer (&repository));
  g_assert_finalize_object (g_steal_pointer (&database));

  /* Reopening finds what was saved and upgrades nothing. */
  database = outlay_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  g_assert_cmpuint (outlay_database_get_schema_version (database), ==, OUTLAY_SCHEMA_VERSION);
  g_assert_null (outlay_database_get_backup_path (database));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (outlay_test_file_mode (path), ==, 0600);

  repository = outlay_repository_new (database);
  again = outlay_repository_get_expense (repository, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_true (outlay_expense_equal (stored, again));
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (repository)), ==, 10);

  g_assert_finalize_object (g_steal_pointer (&repository));
  g_assert_finalize_object (g_steal_pointer (&database));

  outlay_test_remove_tree (dir);
}

static void
test_connection_settings (Fixture      *fixture,
                          gconstpointer user_data)
{
  sqlite3         *db = outlay_database_get_handle (fixture->database);
  g_autofree char *journal_mode = pragma_text (db, "journal_mode");
  g_autofree char *foreign_keys = pragma_text (db, "foreign_keys");
  g_autofree char *trusted_schema = pragma_text (db, "trusted_schema");
  g_autofree char *synchronous = pragma_text (db, "synchronous");
  int              defensive = -1;
  int              rc;

  g_assert_nonnull (db);

  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpstr (foreign_keys, ==, "1");
  g_assert_cmpstr (trusted_schema, ==, "0");
  /* FULL (2): a committed expense survives a power cut. */
  g_assert_cmpstr (synchronous, ==, "2");
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA busy_timeout"), >, 0);

  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive), ==, SQLITE_OK);
  g_assert_cmpint (defensive, ==, 1);

  /* Foreign keys are not only switched on but enforced. */
  rc = sqlite3_exec (db,
                     "INSERT INTO expenses (uuid, amount, currency, description, category_id, occurred_on, created_at, "
                     "updated_at) "
                     "VALUES ('x', 1, 'EUR', 'x', 999999, '2024-01-01', 'now', 'now')",
                     NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM expenses"), ==, 0);
}

static void
test_default_categories (Fixture      *fixture,
                         gconstpointer user_data)
{
  static const char *const names[] = {
    "Food & Drink",
    "Groceries",
    "Transport",
    "Housing",
    "Utilities",
    "Health",
    "Shopping",
    "Entertainment",
    "Travel",
    "Other",
  };
  GListModel     *categories = outlay_repository_get_categories (fixture->repository);
  OutlayCategory *fallback;
  g_autoptr (GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GRegex) color = g_regex_new ("^#[0-9a-fA-F]{6}$", 0, 0, NULL);
  g_autoptr (OutlayCategory) last = NULL;

  g_assert_true (g_list_model_get_item_type (categories) == OUTLAY_TYPE_CATEGORY);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, G_N_ELEMENTS (names));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      g_assert_cmpstr (outlay_category_get_name (category), ==, names[i]);
      g_assert_cmpint (outlay_category_get_position (category), ==, i);
      g_assert_true (g_regex_match (color, outlay_category_get_color (category), 0, NULL));
      g_assert_true (g_str_has_suffix (outlay_category_get_icon_name (category), "-symbolic"));
      g_assert_true (g_uuid_string_is_valid (outlay_category_get_uuid (category)));
      g_assert_null (outlay_category_get_deleted_at (category));
      g_assert_nonnull (outlay_category_get_created_at (category));
      g_assert_true (outlay_repository_lookup_category (fixture->repository, outlay_category_get_id (category)) ==
                     category);

      /* Distinct uuids: a sync or an export can tell them apart. */
      g_assert_true (g_hash_table_add (uuids, (gpointer) outlay_category_get_uuid (category)));
    }

  last = g_list_model_get_item (categories, G_N_ELEMENTS (names) - 1);
  fallback = outlay_repository_get_fallback_category (fixture->repository);
  g_assert_nonnull (fallback);
  g_assert_true (fallback == last);
  g_assert_cmpstr (outlay_category_get_name (fallback), ==, "Other");
}

static void
check_refused (const char *dir,
               const char *name,
               const char *contents,
               gsize       length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  OutlayDatabase *database;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  before = outlay_test_read_bytes (path);

  database = outlay_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  database = outlay_database_open_full (path, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_null (database);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);

  after = outlay_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (Fixture      *fixture,
                     gconstpointer user_data)
{
  static const char short_text[] = "not a database\n";
  g_autoptr (GString) long_text = g_string_new (NULL);

  while (long_text->len < 3 * 4096 + 17)
    g_string_append (long_text, "This is not a database, just somebody's notes. ");

  check_refused (fixture->dir, "short.db", short_text, strlen (short_text));
  check_refused (fixture->dir, "long.db", long_text->str, long_text->len);
}

/* Pointing Outlay at another program's database must not add Outlay's
 * tables to it. */
static void
test_foreign_database (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "places.sqlite", NULL);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  OutlayDatabase *database;
  sqlite3        *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  outlay_test_exec (db,
                    "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT);"
                    "INSERT INTO bookmarks (url) VALUES ('https://www.gnome.org/');");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  before = outlay_test_read_bytes (path);

  database = outlay_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);

  after = outlay_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* A first start that stopped right after creating the file leaves it
 * empty; the next start simply sets it up. */
static void
test_empty_file (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  g_assert_no_error (error);

  database = outlay_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  g_assert_cmpuint (outlay_database_get_schema_version (database), ==, OUTLAY_SCHEMA_VERSION);
  g_assert_null (outlay_database_get_backup_path (database));

  repository = outlay_repository_new (database);
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (repository)), ==, 10);
  g_assert_nonnull (outlay_repository_get_fallback_category (repository));

  g_assert_finalize_object (g_steal_pointer (&repository));
  g_assert_finalize_object (g_steal_pointer (&database));
}

static OutlayExpense **
make_long_drafts (gint64 category_id,
                  guint  n)
{
  OutlayExpense  **drafts = g_new0 (OutlayExpense *, n);
  g_autofree char *description = g_strnfill (OUTLAY_DESCRIPTION_MAX_LENGTH - 10, 'x');

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %08u", description, i);

      drafts[i] = outlay_test_draft (100 + i, "EUR", "2024-06-15", text, category_id);
    }

  return drafts;
}

static void
free_drafts (OutlayExpense **drafts,
             guint           n)
{
  for (guint i = 0; i < n; i++)
    g_object_unref (drafts[i]);
  g_free (drafts);
}

static void
test_disk_full (Fixture      *fixture,
                gconstpointer user_data)
{
  const guint n_drafts = 5000;
  sqlite3    *db = outlay_database_get_handle (fixture->database);
  gint64      category = outlay_test_category_at (fixture->repository, 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *limit_sql = NULL;
  OutlayExpense  **drafts;
  guint            count;
  gboolean         failed = FALSE;
  guint            attempts;

  outlay_test_add_sample_expenses (fixture);
  count = outlay_test_count (fixture);
  before = outlay_test_dump_store (db);
  g_array_set_size (fixture->changes, 0);

  /* The disk is full: not one more page. */
  limit_sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                               outlay_test_query_int (db, "PRAGMA page_count"));
  outlay_test_exec (db, limit_sql);

  drafts = make_long_drafts (category, n_drafts);
  g_assert_false (outlay_repository_add_expenses (fixture->repository, drafts, n_drafts, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_FULL);
  g_clear_error (&error);
  free_drafts (drafts, n_drafts);

  /* All or nothing: the rows, the summary and the count are as before. */
  after = outlay_test_dump_store (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (outlay_test_count (fixture), ==, count);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_true (sqlite3_get_autocommit (db));
  outlay_test_assert_summary_consistent (db);

  /* Single additions may still fit in the free space of existing pages;
   * the first one that does not must change nothing either. */
  for (attempts = 0; attempts < 1000 && !failed; attempts++)
    {
      g_autofree char *description =
        g_strdup_printf ("Expense number %u with a long description to fill the pages", attempts);
      g_autoptr (OutlayExpense) draft = outlay_test_draft (500, "EUR", "2024-06-16", description, category);
      g_autoptr (OutlayExpense) stored = NULL;
      g_autofree char *state = outlay_test_dump_store (db);
      guint            n_changes = fixture->changes->len;
      guint            n_before = outlay_test_count (fixture);

      outlay_expense_set_note (draft, "A note that takes some room as well, so that the pages fill up sooner.");
      stored = outlay_repository_add_expense (fixture->repository, draft, &error);
      if (stored != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (fixture->changes->len, ==, n_changes + 1);
          continue;
        }

      failed = TRUE;
      g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_FULL);
      g_clear_error (&error);

      g_clear_pointer (&after, g_free);
      after = outlay_test_dump_store (db);
      g_assert_cmpstr (after, ==, state);
      g_assert_cmpuint (outlay_test_count (fixture), ==, n_before);
      g_assert_cmpuint (fixture->changes->len, ==, n_changes);
      g_assert_true (sqlite3_get_autocommit (db));
    }
  g_assert_true (failed);
  g_test_message ("%u single additions fitted in the last pages", attempts - 1);
  outlay_test_assert_summary_consistent (db);

  /* Once there is room again, the same bulk addition succeeds. */
  outlay_test_exec (db, "PRAGMA max_page_count = 1073741823");
  count = outlay_test_count (fixture);
  drafts = make_long_drafts (category, n_drafts);
  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, n_drafts, &error));
  g_assert_no_error (error);
  free_drafts (drafts, n_drafts);
  g_assert_cmpuint (outlay_test_count (fixture), ==, count + n_drafts);
  outlay_test_assert_summary_consistent (db);
}

static void
test_read_only (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr (GBytes) file_before = NULL;
  g_autoptr (GBytes) file_after = NULL;
  g_autoptr (GBytes) wal_before = NULL;
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (OutlayExpense) read = NULL;
  OutlayExpense *none;
  OutlayTotal    total = { 0, 0 };
  gint64         id;
  gint64         food;
  guint          count;

  outlay_test_add_sample_expenses (fixture);
  food = outlay_test_category_at (fixture->repository, 0);
  id = outlay_test_query_int (outlay_database_get_handle (fixture->database),
                              "SELECT min(id) FROM expenses");
  count = outlay_test_count (fixture);
  g_assert_cmpuint (count, ==, 3);

  outlay_test_fixture_close (fixture);

  file_before = outlay_test_read_bytes (fixture->path);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    wal_before = outlay_test_read_bytes (wal);

  fixture->database = outlay_database_open_full (fixture->path, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->database);
  g_assert_true (outlay_database_is_read_only (fixture->database));
  g_assert_cmpuint (outlay_database_get_schema_version (fixture->database), ==, OUTLAY_SCHEMA_VERSION);
  fixture->repository = outlay_repository_new (fixture->database);
  fixture->changed_handler = g_signal_connect (fixture->repository, "expenses-changed",
                                               G_CALLBACK (outlay_test_on_expenses_changed_cb),
                                               fixture->changes);

  /* Reading works. */
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository)), ==, 10);
  g_assert_nonnull (outlay_repository_get_fallback_category (fixture->repository));
  g_assert_cmpuint (outlay_test_count (fixture), ==, count);
  read = outlay_repository_get_expense (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_expense_get_description (read), ==, "Café au lait");
  g_assert_true (outlay_repository_get_total (fixture->repository, "EUR", NULL, NULL, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total.total, ==, 450 + 290);
  g_assert_cmpuint (total.count, ==, 2);

  /* Writing does not. */
  draft = outlay_test_draft (100, "EUR", "2024-07-01", "Ice cream", food);
  none = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_null (none);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (outlay_repository_add_expenses (fixture->repository, &draft, 1, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  none = outlay_repository_delete_expense (fixture->repository, id, &error);
  g_assert_null (none);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  outlay_expense_set_amount (read, 1);
  none = outlay_repository_update_expense (fixture->repository, read, &error);
  g_assert_null (none);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_null (outlay_repository_add_category (fixture->repository, "Pets", "pets-symbolic", "#123456", &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpuint (outlay_test_count (fixture), ==, count);
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository)), ==, 10);

  outlay_test_fixture_close (fixture);

  /* Not a byte changed. */
  file_after = outlay_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (file_before, file_after));
  if (wal_before != NULL)
    {
      g_autoptr (GBytes) wal_after = outlay_test_read_bytes (wal);

      g_assert_true (g_bytes_equal (wal_before, wal_after));
    }
  else if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      /* SQLite may leave an empty log behind; it must hold no frames. */
      g_autoptr (GBytes) wal_after = outlay_test_read_bytes (wal);

      g_test_message ("The read-only connection left an empty log behind");
      g_assert_cmpuint (g_bytes_get_size (wal_after), ==, 0);
    }
}

static void
test_read_only_missing (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "missing", "outlay.db", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  OutlayDatabase  *database;

  g_assert_no_error (error);

  database = outlay_database_open_full (path, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_null (database);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_OPEN);
  /* Opening for reading creates nothing. */
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));

  outlay_test_remove_tree (dir);
}

/* Query plans */

static GPtrArray *
explain (sqlite3    *db,
         const char *sql)
{
  g_autofree char *explain_sql = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int           rc;

  rc = sqlite3_prepare_v2 (db, explain_sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("Could not explain “%s”: %s", sql, sqlite3_errmsg (db));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return g_steal_pointer (&rows);
}

static char *
plan_to_string (GPtrArray *rows)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (rows, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Asserts that some plan row starts with @prefix. */
static void
assert_plan_has (GPtrArray  *rows,
                 const char *prefix,
                 const char *sql)
{
  g_autofree char *text = plan_to_string (rows);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (rows, i), prefix))
      return;

  g_error ("The plan of “%s” has no “%s”:\n%s", sql, prefix, text);
}

static void
assert_plan_lacks (GPtrArray  *rows,
                   const char *prefix,
                   const char *sql)
{
  g_autofree char *text = plan_to_string (rows);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (rows, i), prefix))
      g_error ("The plan of “%s” has “%s”:\n%s", sql, prefix, text);
}

/* No row reads the whole expenses table. An ordered walk of an index with
 * a LIMIT ("SCAN expenses USING INDEX …") is what the paged list wants. */
static void
assert_no_table_scan (GPtrArray  *rows,
                      const char *sql)
{
  g_autofree char *text = plan_to_string (rows);

  for (guint i = 0; i < rows->len; i++)
    {
      const char *row = g_ptr_array_index (rows, i);

      if ((strcmp (row, "SCAN expenses") == 0 || g_str_has_prefix (row, "SCAN expenses ")) &&
          strstr (row, "USING INDEX") == NULL && strstr (row, "USING COVERING INDEX") == NULL)
        g_error ("The plan of “%s” reads the whole table:\n%s", sql, text);
    }
}

static void
check_plans (sqlite3 *db)
{
  /* The first page of the list, as the window shows it. */
  {
    const char *sql = "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE deleted_at IS NULL "
                      "ORDER BY occurred_on DESC, id DESC LIMIT 100";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SCAN expenses USING INDEX expenses_by_date", sql);
    assert_plan_lacks (rows, "USE TEMP B-TREE", sql);
    assert_no_table_scan (rows, sql);
  }

  /* outlay_repository_find_expenses() with the default query. */
  {
    const char *sql = "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE deleted_at IS NULL "
                      "ORDER BY occurred_on DESC, id DESC LIMIT ? OFFSET ?";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SCAN expenses USING INDEX expenses_by_date", sql);
    assert_plan_lacks (rows, "USE TEMP B-TREE", sql);
    assert_no_table_scan (rows, sql);
  }

  /* A page of the lazy model (outlay-expense-model.c, fetch_rows_by_day). */
  {
    const char *sql = "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE deleted_at IS NULL "
                      "AND occurred_on <= ? ORDER BY occurred_on DESC, id DESC LIMIT ? OFFSET ?";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SEARCH expenses USING INDEX expenses_by_date", sql);
    assert_plan_lacks (rows, "USE TEMP B-TREE", sql);
    assert_plan_lacks (rows, "SCAN expenses", sql);
  }

  /* The position of an expense within its day (find_position). */
  {
    const char *sql = "SELECT count(*) FROM expenses WHERE deleted_at IS NULL AND occurred_on = ? AND id > ?";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SEARCH expenses USING", sql);
    assert_plan_lacks (rows, "SCAN expenses", sql);
  }

  /* One category, by date: the list and the lazy model. */
  {
    const char *sql = "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE deleted_at IS NULL "
                      "AND category_id IN (?) ORDER BY occurred_on DESC, id DESC LIMIT ? OFFSET ?";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SEARCH expenses USING INDEX expenses_by_category", sql);
    assert_plan_lacks (rows, "USE TEMP B-TREE", sql);
    assert_plan_lacks (rows, "SCAN expenses", sql);
  }
  {
    const char *sql = "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE deleted_at IS NULL "
                      "AND category_id IN (?) AND occurred_on <= ? ORDER BY occurred_on DESC, id DESC LIMIT ? OFFSET ?";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SEARCH expenses USING INDEX expenses_by_category", sql);
    assert_plan_lacks (rows, "USE TEMP B-TREE", sql);
    assert_plan_lacks (rows, "SCAN expenses", sql);
  }

  /* The totals of a period (outlay_repository_get_total and friends). */
  {
    const char *sql = "SELECT coalesce(sum(total), 0), coalesce(sum(count), 0) FROM expense_days "
                      "WHERE currency = ? AND day >= ? AND day <= ?";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SEARCH expense_days USING PRIMARY KEY (day>? AND day<?)", sql);
    assert_plan_lacks (rows, "SCAN", sql);
  }
  {
    const char *sql = "SELECT day, sum(total), sum(count) FROM expense_days "
                      "WHERE currency = ? AND day >= ? AND day <= ? GROUP BY 1 ORDER BY 1";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SEARCH expense_days USING PRIMARY KEY (day>? AND day<?)", sql);
    assert_plan_lacks (rows, "SCAN", sql);
  }

  /* The lazy model's index of days (load_buckets), all and one category. */
  {
    const char *sql = "SELECT day, sum(count) FROM expense_days WHERE day >= ? AND day <= ? "
                      "GROUP BY day HAVING sum(count) > 0 ORDER BY day DESC";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SEARCH expense_days USING PRIMARY KEY", sql);
    assert_plan_lacks (rows, "SCAN", sql);
    assert_plan_lacks (rows, "USE TEMP B-TREE", sql);
  }
  {
    const char *sql = "SELECT day, sum(count) FROM expense_days WHERE day >= ? AND day <= ? "
                      "AND category_id IN (?) GROUP BY day HAVING sum(count) > 0 ORDER BY day DESC";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SEARCH expense_days USING PRIMARY KEY", sql);
    assert_plan_lacks (rows, "SCAN", sql);
  }

  /* Text search goes through the full-text index. */
  {
    const char *sql = "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE deleted_at IS NULL "
                      "AND id IN (SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ?) "
                      "ORDER BY occurred_on DESC, id DESC LIMIT ? OFFSET ?";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SCAN expenses_fts VIRTUAL TABLE INDEX", sql);
    assert_plan_has (rows, "SEARCH expenses USING INTEGER PRIMARY KEY", sql);
    assert_plan_lacks (rows, "SCAN expenses ", sql);
    assert_no_table_scan (rows, sql);
  }

  /* A recurring expense's own expenses: how many it wrote (asked before it
   * is deleted), and which of its days are written. */
  {
    const char *sqls[] = {
      "SELECT count(*) FROM expenses WHERE rule_uuid = ? AND deleted_at IS NULL",
      "SELECT scheduled_on FROM expenses WHERE rule_uuid = ? AND scheduled_on >= ?",
    };

    for (guint i = 0; i < G_N_ELEMENTS (sqls); i++)
      {
        g_autoptr (GPtrArray) rows = explain (db, sqls[i]);
        g_autofree char *plan = plan_to_string (rows);

        /* The second reads the index alone ("COVERING INDEX"). */
        assert_plan_has (rows, "SEARCH expenses USING", sqls[i]);
        g_assert_nonnull (strstr (plan, "INDEX expenses_by_rule (rule_uuid=?"));
        assert_no_table_scan (rows, sqls[i]);
      }
  }

  /* An expense by its uuid (import, undo). */
  {
    const char *sql = "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE uuid = ?";
    g_autoptr (GPtrArray) rows = explain (db, sql);

    assert_plan_has (rows, "SEARCH expenses USING INDEX", sql);
    assert_plan_lacks (rows, "SCAN expenses", sql);
  }

  /* The rates a converted total reads (outlay-repository-rates.c,
   * load_direction): a range of the index, however many rates there are. */
  {
    static const char *const sqls[] = {
      "SELECT day, rate, source, source_name, updated_at FROM exchange_rates WHERE currency = ? AND quote = ? "
      "AND source = ? AND day < ? AND deleted_at IS NULL ORDER BY day DESC LIMIT 1",
      "SELECT day, rate, source, source_name, updated_at FROM exchange_rates WHERE currency = ? AND quote = ? "
      "AND source = ? AND day >= ? AND day <= ? AND deleted_at IS NULL",
    };

    for (guint i = 0; i < G_N_ELEMENTS (sqls); i++)
      {
        g_autoptr (GPtrArray) rows = explain (db, sqls[i]);

        assert_plan_has (rows, "SEARCH exchange_rates USING INDEX exchange_rates_by_day", sqls[i]);
        assert_plan_lacks (rows, "USE TEMP B-TREE", sqls[i]);
      }
  }
}

static void
test_query_plans (Fixture      *fixture,
                  gconstpointer user_data)
{
  const guint n = 3000;
  sqlite3    *db = outlay_database_get_handle (fixture->database);
  g_autoptr (GError) error = NULL;
  OutlayExpense **drafts = g_new0 (OutlayExpense *, n);

  for (guint i = 0; i < n; i++)
    {
      char             day[11];
      g_autofree char *description = g_strdup_printf ("%s %u", i % 3 ? "Coffee" : "Lunch", i);

      g_snprintf (day, sizeof day, "20%02u-%02u-%02u", 15 + i % 10, 1 + i % 12, 1 + i % 28);
      drafts[i] = outlay_test_draft (100 + i, i % 5 ? "EUR" : "USD", day, description,
                                     outlay_test_category_at (fixture->repository, i % 10));
    }
  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, n, &error));
  g_assert_no_error (error);
  free_drafts (drafts, n);

  /* Without statistics, as on a fresh file… */
  check_plans (db);

  /* …and with them, as after PRAGMA optimize on a closed one. */
  outlay_test_exec (db, "ANALYZE");
  check_plans (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/open/creates-file", test_open_creates_file);
  g_test_add ("/database/open/connection-settings", Fixture, NULL,
              outlay_test_fixture_setup, test_connection_settings, outlay_test_fixture_teardown);
  g_test_add ("/database/open/default-categories", Fixture, NULL,
              outlay_test_fixture_setup, test_default_categories, outlay_test_fixture_teardown);
  g_test_add ("/database/open/not-a-database", Fixture, NULL,
              outlay_test_fixture_setup, test_not_a_database, outlay_test_fixture_teardown);
  g_test_add ("/database/open/foreign-database", Fixture, NULL,
              outlay_test_fixture_setup, test_foreign_database, outlay_test_fixture_teardown);
  g_test_add ("/database/open/empty-file", Fixture, NULL,
              outlay_test_fixture_setup, test_empty_file, outlay_test_fixture_teardown);
  g_test_add_func ("/database/open/read-only-missing", test_read_only_missing);
  g_test_add ("/database/errors/disk-full", Fixture, NULL,
              outlay_test_fixture_setup, test_disk_full, outlay_test_fixture_teardown);
  g_test_add ("/database/errors/read-only", Fixture, NULL,
              outlay_test_fixture_setup, test_read_only, outlay_test_fixture_teardown);
  g_test_add ("/database/query-plans", Fixture, NULL,
              outlay_test_fixture_setup, test_query_plans, outlay_test_fixture_teardown);

  return g_test_run ();
}
