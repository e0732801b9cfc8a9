/* test-salvage.c
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

/* "Save what can be read": a ledger of 5,000 expenses, damaged by writing
 * garbage over whole pages (found with SQLite's dbstat table), salvaged
 * into a new file. What was lost is computed apart from the salvage, from
 * the cells of the overwritten pages before they were overwritten, and
 * every row saved is compared with the row as it was. */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "outlay-repository.h"
#include "outlay-salvage.h"
#include "outlay-test-utils.h"

#define N_EXPENSES 5000
#define N_DELETED 52 /* the ids 1, 98, 195, … */

/* The columns compared, with and without the category. */
#define ROW_COLUMNS                                                                                     \
  "uuid, id, amount, currency, description, note, %s occurred_on, created_at, updated_at, deleted_at, " \
  "import_hash, charged_amount, charged_currency"
#define CATEGORY_DUMP "SELECT id, uuid, name, icon_name, color, position, created_at, updated_at, deleted_at " \
                      "FROM categories ORDER BY id"

/* The ledger every test damages a copy of, made once. */
typedef struct
{
  char       *dir;
  char       *path;
  GHashTable *rows;             /* uuid → the row, with its category */
  GHashTable *rows_no_category; /* uuid → the row, without */
  char       *categories;       /* the dump of the table */
  char       *fallback;
  guint       n_categories;
  guint       page_size;
} Pristine;

static Pristine pristine;

typedef struct
{
  char *dir;
  char *damaged;
  char *saved;
} Fixture;

#define WORDS "receipt paid card cash shared with friends weekend market station monthly renewal gift for the " \
              "office kitchen repair spare parts"

/* The rows by uuid, each as outlay_test_dump() writes it; row by row, as
 * splitting one big dump costs too much under AddressSanitizer. */
static GHashTable *
dump_rows (sqlite3 *db,
           gboolean with_category)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " ROW_COLUMNS " FROM expenses", with_category ? "category_id," : "");
  GHashTable      *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt    *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (line, '|');
          g_string_append (line, text != NULL ? text : "<NULL>");
        }
      g_hash_table_insert (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_string_free (line, FALSE));
    }
  sqlite3_finalize (stmt);

  return rows;
}

/* Immutable: a read-only look at a file in WAL mode would leave a -wal and
 * a -shm beside it, which the tests count as litter. */
static sqlite3 *
open_read_only (const char *path)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?immutable=1", NULL);
  sqlite3         *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);

  return db;
}

static char *
long_note (GRand *rand)
{
  g_autoptr (GString) note = g_string_new (NULL);
  g_auto (GStrv) words = g_strsplit (WORDS, " ", -1);
  guint length = g_rand_int_range (rand, 500, 900);

  while (note->len < length)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append (note, words[g_rand_int_range (rand, 0, g_strv_length (words))]);
    }

  return g_string_free (g_steal_pointer (&note), FALSE);
}

/* 5,000 expenses with long notes, so that the expenses table has interior
 * pages below its root; a few deleted, some imported; a deleted category
 * and a new one. */
static void
fill_ledger (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) database = outlay_database_open (path, &error);
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  GRand          *rand = g_rand_new_with_seed (20260611);
  OutlayCategory *pets;
  OutlayCategory *books;
  guint           n_live;

  g_assert_no_error (error);
  repository = outlay_repository_new (database);

  pets = outlay_repository_add_category (repository, "Pets", "emoji-nature-symbolic", "#63452c", &error);
  g_assert_no_error (error);
  g_assert_true (outlay_repository_delete_category (repository, outlay_category_get_id (pets), NULL, &error));
  g_assert_no_error (error);
  books = outlay_repository_add_category (repository, "Books", "accessories-dictionary-symbolic", "#1c71d8", &error);
  g_assert_no_error (error);
  g_assert_nonnull (books);

  n_live = g_list_model_get_n_items (outlay_repository_get_categories (repository));
  for (guint i = 0; i < N_EXPENSES; i++)
    {
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 2023, 2026),
                                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      g_autofree char *description = g_strdup_printf ("Purchase t%05u", i);
      g_autofree char *note = long_note (rand);
      OutlayExpense   *draft = outlay_test_draft (g_rand_int_range (rand, 50, 200000), i % 5 == 0 ? "USD" : "EUR",
                                                  date, description,
                                                  outlay_test_category_at (repository,
                                                                           g_rand_int_range (rand, 0, n_live)));

      outlay_expense_set_note (draft, note);
      /* Some in dollars with what the card was charged in euros. */
      if (i % 10 == 0)
        outlay_expense_set_charged (draft, outlay_expense_get_amount (draft) * 9 / 10 + 1, "EUR");
      if (i % 7 == 0)
        {
          g_autofree char *hash = g_strdup_printf ("%032x", i);
          outlay_expense_set_import_hash (draft, hash);
        }
      g_ptr_array_add (drafts, draft);
    }

  g_assert_true (outlay_repository_add_expenses (repository, (OutlayExpense **) drafts->pdata, drafts->len, &error));
  g_assert_no_error (error);

  /* Two budgets, one deleted, an override and an alert told. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (OutlayBudget) budget = outlay_budget_new ();
      g_autoptr (OutlayBudget) stored = NULL;
      g_autoptr (OutlayBudget) deleted = NULL;

      outlay_budget_set_name (budget, i == 0 ? "Books" : "Everything");
      outlay_budget_set_amount (budget, 5000 + i);
      outlay_budget_set_currency (budget, "EUR");
      outlay_budget_set_cycle (budget, OUTLAY_CYCLE_MONTH, 1, "2025-01-25", NULL);
      if (i == 0)
        outlay_budget_set_categories (budget, (const char *const[]){ outlay_category_get_uuid (books), NULL });
      stored = outlay_repository_add_budget (repository, budget, &error);
      g_assert_no_error (error);
      if (i == 1)
        {
          deleted = outlay_repository_delete_budget (repository, outlay_budget_get_id (stored), &error);
          g_assert_no_error (error);
        }
    }
  outlay_test_exec (outlay_database_get_handle (database),
                    "INSERT INTO budget_overrides (uuid, budget_uuid, period_start, amount, created_at, updated_at) "
                    "SELECT '7d2e4f60-3a1b-4c5d-8e9f-000000000101', uuid, '2025-12-25', 9000, created_at, created_at "
                    "FROM budgets WHERE name = 'Books'; "
                    "INSERT INTO budget_alerts (uuid, budget_uuid, period_start, threshold, created_at, updated_at) "
                    "SELECT '7d2e4f60-3a1b-4c5d-8e9f-000000000201', uuid, '2025-02-25', 80, created_at, created_at "
                    "FROM budgets WHERE name = 'Books'");

  /* Exchange rates: entered, imported, deleted. */
  outlay_test_exec (outlay_database_get_handle (database),
                    "INSERT INTO exchange_rates (uuid, currency, quote, day, rate, source, source_name, created_at, "
                    "updated_at, deleted_at) VALUES "
                    "('7d2e4f60-3a1b-4c5d-8e9f-000000000301', 'USD', 'EUR', '2025-03-01', '0.9205', 'entered', NULL, "
                    "'2025-03-02T10:00:00.000Z', '2025-03-02T10:00:00.000Z', NULL), "
                    "('7d2e4f60-3a1b-4c5d-8e9f-000000000302', 'EUR', 'USD', '2025-03-03', '1.0813', 'imported', "
                    "'ECB', '2025-03-04T10:00:00.000Z', '2025-03-04T10:00:00.000Z', NULL), "
                    "('7d2e4f60-3a1b-4c5d-8e9f-000000000303', 'GBP', 'EUR', '2025-03-01', '1.17', 'entered', NULL, "
                    "'2025-03-02T10:00:00.000Z', '2025-03-02T11:00:00.000Z', '2025-03-02T11:00:00.000Z')");

  /* Two rules that file expenses, one deleted. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (OutlayCategoryRule) rule = outlay_category_rule_new ();
      g_autoptr (OutlayCategoryRule) stored = NULL;
      g_autoptr (OutlayCategoryRule) deleted = NULL;
      const char *const patterns[] = { i == 0 ? "bücher" : "purchase", "kiosk", NULL };

      outlay_category_rule_set_patterns (rule, patterns);
      outlay_category_rule_set_category_uuid (rule, outlay_category_get_uuid (books));
      outlay_category_rule_set_amount_min (rule, i == 0 ? "1.50" : NULL);
      outlay_category_rule_set_rename_to (rule, i == 0 ? "Books" : NULL);
      stored = outlay_repository_add_category_rule (repository, rule, &error);
      g_assert_no_error (error);
      if (i == 1)
        {
          deleted = outlay_repository_delete_category_rule (repository, outlay_category_rule_get_uuid (stored), &error);
          g_assert_no_error (error);
        }
    }

  /* Deleted as the repository deletes, in one statement: the triggers keep
   * the summary. */
  outlay_test_exec (outlay_database_get_handle (database),
                    "UPDATE expenses SET deleted_at = '2026-01-02T03:04:05.000Z', "
                    "updated_at = '2026-01-02T03:04:05.000Z' WHERE id % 97 = 1");
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (database),
                                          "SELECT count(*) FROM expenses WHERE deleted_at IS NOT NULL"),
                   ==, N_DELETED);

  g_rand_free (rand);
}

static void
make_pristine (void)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db;

  pristine.dir = g_dir_make_tmp ("outlay-salvage-XXXXXX", &error);
  g_assert_no_error (error);
  pristine.path = g_build_filename (pristine.dir, "pristine.db", NULL);
  fill_ledger (pristine.path);

  db = open_read_only (pristine.path);
  pristine.rows = dump_rows (db, TRUE);
  pristine.rows_no_category = dump_rows (db, FALSE);
  pristine.categories = outlay_test_dump (db, CATEGORY_DUMP);
  pristine.fallback = outlay_test_dump (db, "SELECT value FROM outlay_meta WHERE key = 'fallback_category_uuid'");
  pristine.n_categories = outlay_test_query_int (db, "SELECT count(*) FROM categories");
  pristine.page_size = outlay_test_query_int (db, "PRAGMA page_size");
  sqlite3_close (db);

  g_assert_cmpuint (g_hash_table_size (pristine.rows), ==, N_EXPENSES);
  g_assert_cmpuint (pristine.n_categories, ==, 12);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (pristine.path == NULL)
    make_pristine ();

  fixture->dir = g_dir_make_tmp ("outlay-salvage-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->damaged = g_build_filename (fixture->dir, "damaged.db", NULL);
  fixture->saved = g_build_filename (fixture->dir, "saved.db", NULL);

  bytes = outlay_test_read_bytes (pristine.path);
  g_file_set_contents (fixture->damaged, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  outlay_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->damaged, g_free);
  g_clear_pointer (&fixture->saved, g_free);
}

/* The pages of @name of kind @kind ("leaf", "internal") and their place in
 * the tree (dbstat's path, "/" for the root). */
typedef struct
{
  guint pageno;
  char  path[64];
} Page;

static GArray *
find_pages (const char *file,
            const char *name,
            const char *kind)
{
  GArray       *pages = g_array_new (FALSE, TRUE, sizeof (Page));
  sqlite3      *db = open_read_only (file);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno, path FROM dbstat WHERE name = ? AND pagetype = ? "
                                           "ORDER BY path",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Page page = { 0 };

      page.pageno = sqlite3_column_int (stmt, 0);
      g_strlcpy (page.path, (const char *) sqlite3_column_text (stmt, 1), sizeof page.path);
      g_array_append_val (pages, page);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (pages->len, >, 0);

  return pages;
}

static guint64
read_varint (const guint8 *p,
             guint        *length)
{
  guint64 value = 0;

  for (guint i = 0; i < 9; i++)
    {
      if (i == 8)
        {
          *length = 9;
          return (value << 8) | p[i];
        }
      value = (value << 7) | (p[i] & 0x7f);
      if ((p[i] & 0x80) == 0)
        {
          *length = i + 1;
          return value;
        }
    }

  g_assert_not_reached ();
}

/* The ids of the rows on a leaf page of a table, read from the file's
 * bytes as SQLite lays them out: a cell per row, each the size of its
 * record and then the rowid, both varints. */
static void
add_leaf_ids (const char *file,
              guint       pageno,
              GHashTable *ids)
{
  g_autofree guint8 *page = g_malloc (pristine.page_size);
  guint              n_cells;
  int                fd = g_open (file, O_RDONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pread (fd, page, pristine.page_size, (off_t) (pageno - 1) * pristine.page_size), ==,
                   (gssize) pristine.page_size);
  g_assert_no_errno (close (fd));
  g_assert_cmpuint (pageno, >, 1);
  g_assert_cmpuint (page[0], ==, 0x0d);
  n_cells = page[3] << 8 | page[4];

  for (guint i = 0; i < n_cells; i++)
    {
      guint   offset = page[8 + 2 * i] << 8 | page[9 + 2 * i];
      guint   length;
      gint64 *id = g_new (gint64, 1);

      read_varint (page + offset, &length);
      *id = (gint64) read_varint (page + offset + length, &length);
      g_hash_table_add (ids, id);
    }
}

/* Writes garbage over a whole page; its first byte, the kind of page, is
 * one that does not exist, so that SQLite cannot take it for a page. */
static void
overwrite_page (const char *file,
                guint       pageno)
{
  g_autofree guint8 *garbage = g_malloc (pristine.page_size);
  GRand             *rand = g_rand_new_with_seed (pageno);
  int                fd;

  for (guint i = 0; i < pristine.page_size; i++)
    garbage[i] = (guint8) g_rand_int_range (rand, 0, 256);
  garbage[0] = 0x7f;
  g_rand_free (rand);

  fd = g_open (file, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, pristine.page_size, (off_t) (pageno - 1) * pristine.page_size), ==,
                   (gssize) pristine.page_size);
  g_assert_no_errno (close (fd));
}

static void
assert_folder_holds (const char *dir,
                     guint       n_files)
{
  if (outlay_test_count_files (dir) != n_files)
    {
      g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (listing)) != NULL)
        g_test_message ("in the folder: %s", name);
    }
  g_assert_cmpuint (outlay_test_count_files (dir), ==, n_files);
}

static OutlayCategory *
find_category_named (OutlayRepository *repository,
                     const char       *name)
{
  GListModel *categories = outlay_repository_get_categories (repository);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      if (g_strcmp0 (outlay_category_get_name (category), name) == 0)
        return category;
    }

  return NULL;
}

/* What every salvaged ledger must be: whole, an Outlay ledger, every row
 * as it was, the lost ones those of @lost, the summary and the search
 * index right. */
static void
check_salvaged (Fixture                   *fixture,
                const OutlaySalvageReport *report,
                GHashTable                *lost,
                gboolean                   categories_lost)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (OutlayQuery) all = outlay_query_new ();
  g_autoptr (OutlayQuery) search = outlay_query_new ();
  g_autoptr (GHashTable) saved = NULL;
  g_autoptr (GArray) found = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *word_sql = NULL;
  GHashTableIter   iter;
  gpointer         key, value;
  guint            n_live = 0;
  guint            n_missing = 0;
  gint64           live_id;
  sqlite3         *db;

  g_assert_cmpuint (report->expenses_saved, ==, N_EXPENSES - g_hash_table_size (lost));
  g_assert_cmpuint (report->expenses_unreadable, ==, g_hash_table_size (lost));

  /* Only the damaged file and the new one: no -wal, -shm or work file. */
  assert_folder_holds (fixture->dir, 2);

  db = open_read_only (fixture->saved);
  integrity = outlay_test_dump (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  sqlite3_close (db);

  database = outlay_database_open (fixture->saved, &error);
  g_assert_no_error (error);
  repository = outlay_repository_new (database);
  db = outlay_database_get_handle (database);

  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA user_version"), ==, OUTLAY_SCHEMA_VERSION);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM expenses"), ==, report->expenses_saved);

  /* Every row saved is the row as it was. */
  saved = dump_rows (db, !categories_lost);
  g_hash_table_iter_init (&iter, saved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (value, ==,
                     g_hash_table_lookup (categories_lost ? pristine.rows_no_category : pristine.rows, key));

  /* And every row not saved lived on a page that was overwritten. */
  g_hash_table_iter_init (&iter, pristine.rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (saved, key))
      {
        g_auto (GStrv) fields = g_strsplit (value, "|", 3);
        gint64 id = g_ascii_strtoll (fields[1], NULL, 10);

        g_assert_true (g_hash_table_contains (lost, &id));
        n_missing++;
      }
  g_assert_cmpuint (n_missing, ==, g_hash_table_size (lost));

  if (categories_lost)
    {
      OutlayCategory  *recovered = find_category_named (repository, "Recovered");
      g_autofree char *sql = NULL;

      g_assert_nonnull (recovered);
      g_assert_true (report->categories_replaced);
      g_assert_cmpuint (report->categories_saved, ==, 0);
      g_assert_cmpuint (report->categories_unreadable, ==, pristine.n_categories);
      sql = g_strdup_printf ("SELECT count(*) FROM expenses WHERE category_id <> %" G_GINT64_FORMAT,
                             outlay_category_get_id (recovered));
      g_assert_cmpint (outlay_test_query_int (db, sql), ==, 0);
      /* The new file's own categories, and its fallback among them. */
      g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (repository)), ==, 11);
      g_assert_nonnull (outlay_repository_get_fallback_category (repository));
    }
  else
    {
      g_autofree char *categories = outlay_test_dump (db, CATEGORY_DUMP);
      g_autofree char *fallback =
        outlay_test_dump (db, "SELECT value FROM outlay_meta WHERE key = 'fallback_category_uuid'");

      g_assert_false (report->categories_replaced);
      g_assert_cmpuint (report->categories_saved, ==, pristine.n_categories);
      g_assert_cmpuint (report->categories_unreadable, ==, 0);
      g_assert_cmpstr (categories, ==, pristine.categories);
      g_assert_cmpstr (fallback, ==, pristine.fallback);
    }

  /* The derived tables agree with the rows. */
  outlay_test_assert_summary_consistent (db);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM expenses_fts"), ==, report->expenses_saved);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM expenses_fts_queue"), ==, 0);

  g_assert_true (outlay_repository_count_expenses (repository, all, &n_live, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_live, ==, outlay_test_query_int (db, "SELECT count(*) FROM expenses WHERE deleted_at IS NULL"));

  /* A saved expense is found by a word of its description. */
  live_id = outlay_test_query_int (db, "SELECT max(id) FROM expenses WHERE deleted_at IS NULL");
  word_sql = g_strdup_printf ("SELECT substr(description, 10) FROM expenses WHERE id = %" G_GINT64_FORMAT, live_id);
  {
    g_autofree char *word = outlay_test_dump (db, word_sql);

    g_strchomp (word);
    outlay_query_set_text (search, word);
    found = outlay_repository_find_expense_ids (repository, search, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (g_array_index (found, gint64, 0), ==, live_id);
  }
}

static GHashTable *
new_id_set (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* Salvages the damaged file, which must not change, and checks the new
 * one against @lost (those are NULL for a salvage that the test checks). */
static void
salvage (Fixture             *fixture,
         OutlaySalvageReport *report,
         GHashTable          *lost,
         gboolean             categories_lost)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = outlay_test_read_bytes (fixture->damaged);
  g_autoptr (GBytes) after = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (outlay_salvage (fixture->damaged, fixture->saved, report, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("salvaged %u expenses, %u unreadable, in %.0f ms", report->expenses_saved,
                  report->expenses_unreadable, (g_get_monotonic_time () - start) / 1000.0);

  after = outlay_test_read_bytes (fixture->damaged);
  g_assert_true (g_bytes_equal (before, after));

  if (lost != NULL)
    check_salvaged (fixture, report, lost, categories_lost);
}

/* Overwrites a leaf of the expenses, noting the rows it held. */
static void
lose_leaf (Fixture    *fixture,
           const Page *page,
           GHashTable *lost)
{
  add_leaf_ids (fixture->damaged, page->pageno, lost);
  overwrite_page (fixture->damaged, page->pageno);
}

static void
overwrite_all (Fixture    *fixture,
               const char *name,
               const char *kind)
{
  g_autoptr (GArray) pages = find_pages (fixture->damaged, name, kind);

  for (guint i = 0; i < pages->len; i++)
    overwrite_page (fixture->damaged, g_array_index (pages, Page, i).pageno);
}

static void
test_intact (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (GHashTable) lost = new_id_set ();
  OutlaySalvageReport report;
  sqlite3            *original;
  sqlite3            *copy;
  g_autofree char    *days_before = NULL;
  g_autofree char    *days_after = NULL;

  salvage (fixture, &report, lost, FALSE);
  g_assert_cmpuint (report.budgets_saved, ==, 2);
  g_assert_cmpuint (report.budgets_unreadable, ==, 0);

  original = open_read_only (fixture->damaged);
  copy = open_read_only (fixture->saved);
  days_before = outlay_test_dump (original, "SELECT * FROM expense_days ORDER BY day, category_id, currency");
  days_after = outlay_test_dump (copy, "SELECT * FROM expense_days ORDER BY day, category_id, currency");
  g_assert_cmpstr (days_after, ==, days_before);

  /* The budgets and the rules as they were, every column, the deleted ones
   * too. */
  for (guint i = 0; i < 5; i++)
    {
      static const char *const tables[] = { "budgets", "budget_overrides", "budget_alerts", "category_rules",
                                            "exchange_rates" };
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[i]);
      g_autofree char *before = outlay_test_dump (original, sql);
      g_autofree char *after = outlay_test_dump (copy, sql);

      g_assert_cmpstr (before, !=, "");
      g_assert_cmpstr (after, ==, before);
    }
  sqlite3_close (original);
  sqlite3_close (copy);
}

/* (1) Leaves of the expenses: their rows are lost, the index counts them.
 * @user_data says which: one in the middle, the last one (no row after the
 * damage to go on from), or several apart, the first one among them. */
static void
test_expense_leaves (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr (GArray) leaves = find_pages (fixture->damaged, "expenses", "leaf");
  g_autoptr (GHashTable) lost = new_id_set ();
  const char         *which = user_data;
  OutlaySalvageReport report;

  if (g_str_equal (which, "middle"))
    lose_leaf (fixture, &g_array_index (leaves, Page, leaves->len / 2), lost);
  else if (g_str_equal (which, "last"))
    lose_leaf (fixture, &g_array_index (leaves, Page, leaves->len - 1), lost);
  else
    {
      const guint picks[] = { 0, 2, 3, 50, 52, leaves->len / 3 };

      for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
        lose_leaf (fixture, &g_array_index (leaves, Page, picks[i]), lost);
    }

  g_assert_cmpuint (g_hash_table_size (lost), >, 0);
  salvage (fixture, &report, lost, FALSE);
}

/* (2) The categories: none reads, the index says how many there were, and
 * the expenses go into "Recovered". */
static void
test_categories (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (GHashTable) lost = new_id_set ();
  OutlaySalvageReport report;

  overwrite_all (fixture, "categories", "leaf");
  salvage (fixture, &report, lost, TRUE);
}

/* (3) An interior page of the expenses: the rows of its whole subtree. */
static void
test_expense_interior (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr (GArray) interior = find_pages (fixture->damaged, "expenses", "internal");
  g_autoptr (GArray) leaves = find_pages (fixture->damaged, "expenses", "leaf");
  g_autoptr (GHashTable) lost = new_id_set ();
  OutlaySalvageReport report;
  Page               *page;

  /* The root and at least three pages below it: one in the middle. */
  g_assert_cmpuint (interior->len, >=, 4);
  page = &g_array_index (interior, Page, interior->len / 2);
  g_assert_cmpstr (page->path, !=, "/");

  for (guint i = 0; i < leaves->len; i++)
    if (g_str_has_prefix (g_array_index (leaves, Page, i).path, page->path))
      add_leaf_ids (fixture->damaged, g_array_index (leaves, Page, i).pageno, lost);
  g_assert_cmpuint (g_hash_table_size (lost), >, 0);
  g_assert_cmpuint (g_hash_table_size (lost), <, N_EXPENSES);
  overwrite_page (fixture->damaged, page->pageno);

  salvage (fixture, &report, lost, FALSE);
}

/* The root of the expenses: no expense reads, every one is counted, and
 * the categories are still saved. */
static void
test_expense_root (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (GArray) interior = find_pages (fixture->damaged, "expenses", "internal");
  OutlaySalvageReport report;

  g_assert_cmpstr (g_array_index (interior, Page, 0).path, ==, "/");
  overwrite_page (fixture->damaged, g_array_index (interior, Page, 0).pageno);

  salvage (fixture, &report, NULL, FALSE);
  g_assert_cmpuint (report.expenses_saved, ==, 0);
  g_assert_cmpuint (report.expenses_unreadable, ==, N_EXPENSES);
  g_assert_cmpuint (report.categories_saved, ==, pristine.n_categories);
  assert_folder_holds (fixture->dir, 2);
}

/* (4) A page of an index only: every row reads. */
static void
test_index_page (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (GArray) pages = find_pages (fixture->damaged, "sqlite_autoindex_expenses_1", "leaf");
  g_autoptr (GHashTable) lost = new_id_set ();
  OutlaySalvageReport report;

  overwrite_page (fixture->damaged, g_array_index (pages, Page, pages->len / 2).pageno);
  salvage (fixture, &report, lost, FALSE);
}

/* A leaf of the expenses and every leaf of the uuid index: the other
 * index still proves which rows were lost. */
static void
test_expense_leaf_and_index (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_autoptr (GArray) leaves = find_pages (fixture->damaged, "expenses", "leaf");
  g_autoptr (GHashTable) lost = new_id_set ();
  OutlaySalvageReport report;

  lose_leaf (fixture, &g_array_index (leaves, Page, leaves->len / 4), lost);
  overwrite_all (fixture, "sqlite_autoindex_expenses_1", "leaf");
  salvage (fixture, &report, lost, FALSE);
}

/* A leaf of the expenses and every leaf of both indexes that list every
 * row: what no index lists is not counted. */
static void
test_expense_leaf_without_index (Fixture      *fixture,
                                 gconstpointer user_data)
{
  g_autoptr (GArray) leaves = find_pages (fixture->damaged, "expenses", "leaf");
  g_autoptr (GHashTable) lost = new_id_set ();
  OutlaySalvageReport report;

  lose_leaf (fixture, &g_array_index (leaves, Page, leaves->len / 2), lost);
  overwrite_all (fixture, "sqlite_autoindex_expenses_1", "leaf");
  overwrite_all (fixture, "expenses_by_category", "leaf");

  salvage (fixture, &report, NULL, FALSE);
  g_assert_cmpuint (report.expenses_saved, ==, N_EXPENSES - g_hash_table_size (lost));
  g_assert_cmpuint (report.expenses_unreadable, ==, 0);
}

/* Rows that read but would not be stored, as another program may have
 * written them: an unknown currency, an amount of zero, a uuid that is
 * not one are counted as unreadable; a missing category sends the row to
 * "Recovered". */
static void
test_invalid_rows (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  OutlaySalvageReport report;
  OutlayCategory     *recovered;
  sqlite3            *db = NULL;
  g_autofree char    *sql = NULL;

  g_assert_cmpint (sqlite3_open (fixture->damaged, &db), ==, SQLITE_OK);
  outlay_test_exec (db, "UPDATE expenses SET currency = 'ZZZ' WHERE id = 2; "
                        "UPDATE expenses SET amount = 0 WHERE id = 3; "
                        "UPDATE expenses SET uuid = 'not a uuid' WHERE id = 4; "
                        "UPDATE expenses SET category_id = 999 WHERE id = 5");
  sqlite3_close (db);

  salvage (fixture, &report, NULL, FALSE);
  g_assert_cmpuint (report.expenses_saved, ==, N_EXPENSES - 3);
  g_assert_cmpuint (report.expenses_unreadable, ==, 3);
  g_assert_cmpuint (report.categories_saved, ==, pristine.n_categories);
  g_assert_true (report.categories_replaced);

  database = outlay_database_open (fixture->saved, &error);
  g_assert_no_error (error);
  repository = outlay_repository_new (database);
  recovered = find_category_named (repository, "Recovered");
  g_assert_nonnull (recovered);
  sql = g_strdup_printf ("SELECT group_concat(id) FROM expenses WHERE category_id = %" G_GINT64_FORMAT,
                         outlay_category_get_id (recovered));
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (database), sql), ==, 5);
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (database),
                                          "SELECT count(*) FROM expenses WHERE id BETWEEN 2 AND 4"),
                   ==, 0);
}

/* Nothing reads: (5) the header, or every page of both tables; nothing is
 * written. */
static void
test_nothing_reads (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  OutlaySalvageReport report = { 1, 1, 1, 1, TRUE };

  if (g_str_equal (user_data, "header"))
    overwrite_page (fixture->damaged, 1);
  else
    {
      overwrite_all (fixture, "expenses", "leaf");
      overwrite_all (fixture, "expenses", "internal");
      overwrite_all (fixture, "categories", "leaf");
    }

  g_assert_false (outlay_salvage (fixture->damaged, fixture->saved, &report, NULL, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "Nothing could be read"));
  g_assert_cmpuint (report.expenses_saved, ==, 0);
  g_assert_cmpuint (report.categories_saved, ==, 0);
  assert_folder_holds (fixture->dir, 1);
}

static void
test_destination_exists (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) source = outlay_test_read_bytes (fixture->damaged);
  g_autoptr (GBytes) after = NULL;
  OutlaySalvageReport report;

  g_file_set_contents (fixture->saved, "keep me", -1, &error);
  g_assert_no_error (error);

  g_assert_false (outlay_salvage (fixture->damaged, fixture->saved, &report, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  after = outlay_test_read_bytes (fixture->saved);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "keep me", 7);

  /* Not even into itself. */
  g_assert_false (outlay_salvage (fixture->damaged, fixture->damaged, &report, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_pointer (&after, g_bytes_unref);
  after = outlay_test_read_bytes (fixture->damaged);
  g_assert_true (g_bytes_equal (source, after));
  assert_folder_holds (fixture->dir, 2);
}

typedef struct
{
  GCancellable *cancellable;
  const char   *dir;
} CancelWhenWriting;

/* Cancels once the new ledger's work folder is there: while rows are
 * written, or soon before or after. */
static gpointer
cancel_when_writing_cb (gpointer data)
{
  CancelWhenWriting *when = data;

  for (guint i = 0; i < 5000 && outlay_test_count_files (when->dir) < 2; i++)
    g_usleep (1000);
  g_cancellable_cancel (when->cancellable);

  return NULL;
}

static void
test_cancelled (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GThread) thread = NULL;
  CancelWhenWriting   when = { cancellable, fixture->dir };
  OutlaySalvageReport report;

  g_cancellable_cancel (cancellable);
  g_assert_false (outlay_salvage (fixture->damaged, fixture->saved, &report, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_folder_holds (fixture->dir, 1);

  /* Cancelled while it runs: whatever it had written goes. */
  g_cancellable_reset (cancellable);
  thread = g_thread_new ("cancel", cancel_when_writing_cb, &when);
  if (outlay_salvage (fixture->damaged, fixture->saved, &report, cancellable, &error))
    {
      /* It was quicker than the cancellation. */
      g_test_message ("the salvage ended before it was cancelled");
      g_assert_no_error (error);
      g_assert_cmpuint (report.expenses_saved, ==, N_EXPENSES);
      assert_folder_holds (fixture->dir, 2);
    }
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      assert_folder_holds (fixture->dir, 1);
    }
  g_thread_join (g_steal_pointer (&thread));
}

/* A change still in the write-ahead log of a program that did not close
 * the file is part of the ledger, and is saved. */
static void
test_write_ahead_log (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char    *wal = g_strconcat (fixture->damaged, "-wal", NULL);
  g_autofree char    *description = NULL;
  OutlaySalvageReport report;
  sqlite3            *writer = NULL;
  sqlite3            *db;
  GStatBuf            st;

  g_assert_cmpint (sqlite3_open (fixture->damaged, &writer), ==, SQLITE_OK);
  outlay_test_exec (writer, "PRAGMA wal_autocheckpoint = 0; "
                            "UPDATE expenses SET description = 'Changed in the log' WHERE id = 10");
  g_assert_no_errno (g_stat (wal, &st));
  g_assert_cmpint (st.st_size, >, 0);

  g_assert_true (outlay_salvage (fixture->damaged, fixture->saved, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.expenses_saved, ==, N_EXPENSES);
  sqlite3_close (writer);

  db = open_read_only (fixture->saved);
  description = outlay_test_dump (db, "SELECT description FROM expenses WHERE id = 10");
  g_assert_cmpstr (description, ==, "Changed in the log\n");
  sqlite3_close (db);
}

static void
test_missing (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char    *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  OutlaySalvageReport report;

  g_assert_false (outlay_salvage (missing, fixture->saved, &report, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_folder_holds (fixture->dir, 1);
}

/* A file of an older data format, intact: every row, as it was. */
static void
test_older_format (Fixture      *fixture,
                   gconstpointer user_data)
{
  const char      *name = user_data;
  g_autofree char *sql = outlay_test_fixture_text (name);
  g_autofree char *old_path = g_build_filename (fixture->dir, "old.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char    *old_expenses = NULL;
  g_autofree char    *new_expenses = NULL;
  g_autofree char    *old_categories = NULL;
  g_autofree char    *new_categories = NULL;
  g_autofree char    *old_fallback = NULL;
  g_autofree char    *new_fallback = NULL;
  g_autofree char    *import_hash = NULL;
  OutlaySalvageReport report;
  sqlite3            *db = NULL;
  guint               n_expenses;

  g_assert_cmpint (sqlite3_open (old_path, &db), ==, SQLITE_OK);
  outlay_test_exec (db, sql);
  import_hash = outlay_test_query_int (db, "SELECT count(*) FROM pragma_table_info('expenses') "
                                           "WHERE name = 'import_hash'") > 0
                  ? g_strdup ("import_hash")
                  : g_strdup ("NULL");
  {
    g_autofree char *dump = g_strdup_printf ("SELECT uuid, id, amount, currency, description, note, category_id, "
                                             "occurred_on, created_at, updated_at, deleted_at, %s "
                                             "FROM expenses ORDER BY id",
                                             import_hash);
    old_expenses = outlay_test_dump (db, dump);
  }
  old_categories = outlay_test_dump (db, CATEGORY_DUMP);
  old_fallback = outlay_test_dump (db, "SELECT value FROM outlay_meta WHERE key = 'fallback_category_uuid'");
  n_expenses = outlay_test_query_int (db, "SELECT count(*) FROM expenses");
  sqlite3_close (db);

  g_assert_true (outlay_salvage (old_path, fixture->saved, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.expenses_saved, ==, n_expenses);
  g_assert_cmpuint (report.expenses_unreadable, ==, 0);
  g_assert_cmpuint (report.categories_unreadable, ==, 0);
  g_assert_false (report.categories_replaced);

  db = open_read_only (fixture->saved);
  new_expenses = outlay_test_dump (db, "SELECT uuid, id, amount, currency, description, note, category_id, "
                                       "occurred_on, created_at, updated_at, deleted_at, import_hash "
                                       "FROM expenses ORDER BY id");
  new_categories = outlay_test_dump (db, CATEGORY_DUMP);
  new_fallback = outlay_test_dump (db, "SELECT value FROM outlay_meta WHERE key = 'fallback_category_uuid'");
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA user_version"), ==, OUTLAY_SCHEMA_VERSION);
  outlay_test_assert_summary_consistent (db);
  sqlite3_close (db);

  g_assert_cmpstr (new_expenses, ==, old_expenses);
  g_assert_cmpstr (new_categories, ==, old_categories);
  g_assert_cmpstr (new_fallback, ==, old_fallback);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/salvage/intact", test_intact, NULL);
  ADD ("/salvage/damaged/categories", test_categories, NULL);
  ADD ("/salvage/damaged/expense-interior", test_expense_interior, NULL);
  ADD ("/salvage/damaged/expense-root", test_expense_root, NULL);
  ADD ("/salvage/damaged/index-page", test_index_page, NULL);
  ADD ("/salvage/damaged/expense-leaf-and-index", test_expense_leaf_and_index, NULL);
  ADD ("/salvage/damaged/expense-leaf-without-index", test_expense_leaf_without_index, NULL);
  ADD ("/salvage/invalid-rows", test_invalid_rows, NULL);
  ADD ("/salvage/destination-exists", test_destination_exists, NULL);
  ADD ("/salvage/cancelled", test_cancelled, NULL);
  ADD ("/salvage/write-ahead-log", test_write_ahead_log, NULL);
  ADD ("/salvage/missing", test_missing, NULL);
  ADD ("/salvage/damaged/expense-leaf", test_expense_leaves, "middle");
  ADD ("/salvage/damaged/expense-last-leaf", test_expense_leaves, "last");
  ADD ("/salvage/damaged/expense-leaves", test_expense_leaves, "several");
  ADD ("/salvage/damaged/header", test_nothing_reads, "header");
  ADD ("/salvage/damaged/all-rows", test_nothing_reads, "all-rows");
  ADD ("/salvage/older-format/1", test_older_format, "schema-1.sql");
  ADD ("/salvage/older-format/2", test_older_format, "schema-2.sql");
  ADD ("/salvage/older-format/3", test_older_format, "schema-3.sql");
#undef ADD

  status = g_test_run ();

  if (pristine.dir != NULL)
    outlay_test_remove_tree (pristine.dir);
  g_clear_pointer (&pristine.dir, g_free);
  g_clear_pointer (&pristine.path, g_free);
  g_clear_pointer (&pristine.rows, g_hash_table_unref);
  g_clear_pointer (&pristine.rows_no_category, g_hash_table_unref);
  g_clear_pointer (&pristine.categories, g_free);
  g_clear_pointer (&pristine.fallback, g_free);

  return status;
}
