/* test-transfer.c: import plans, the import transaction and its undo, and
 * Outlay's CSV and JSON exports
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
#include <locale.h>
#include <signal.h>
#include <sys/resource.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "outlay-backups.h"
#include "outlay-csv.h"
#include "outlay-export.h"
#include "outlay-import-loader.h"
#include "outlay-importer.h"
#include "outlay-repository.h"
#include "outlay-test-utils.h"
#include "outlay-xhb.h"

typedef OutlayTestFixture Fixture;

static sqlite3 *
handle (Fixture *fixture)
{
  return outlay_database_get_handle (fixture->database);
}

static gint64
count_live (Fixture *fixture)
{
  return outlay_test_query_int (handle (fixture), "SELECT count(*) FROM expenses WHERE deleted_at IS NULL");
}

static OutlayImportRecord *
record (guint       line,
        const char *date,
        gint64      amount,
        const char *description,
        const char *category)
{
  OutlayImportRecord *r = outlay_import_record_new ();

  r->line = line;
  r->date = g_strdup (date);
  r->amount = amount;
  g_free (r->description);
  r->description = g_strdup (description);
  r->category = g_strdup (category);

  return r;
}

/* A bank statement: two identical coffees on one day, groceries, and a
 * line the reader could not read. */
static OutlayImportSource *
statement (void)
{
  OutlayImportSource *source = outlay_import_source_new ();

  outlay_import_source_add_record (source, record (2, "2026-11-20", 350, "Coffee", "Food & Drink"));
  outlay_import_source_add_record (source, record (3, "2026-11-20", 350, "Coffee", "Food & Drink"));
  outlay_import_source_add_record (source, record (4, "2026-11-21", 5437, "Weekly shop", "Lebensmittel"));
  outlay_import_source_add_issue (source, 5, OUTLAY_IMPORT_ISSUE_ERROR, "“31.02.2026” is not a date");
  outlay_import_source_add_issue (source, 6, OUTLAY_IMPORT_ISSUE_SKIPPED, "Money received, not an expense");

  return source;
}

static OutlayImportPlan *
plan_for (Fixture            *fixture,
          OutlayImportSource *source)
{
  g_autoptr (GError) error = NULL;
  OutlayImportPlan *plan = outlay_import_plan_new (fixture->repository, source, "EUR", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static OutlayImportResult *
import (Fixture            *fixture,
        OutlayImportSource *source)
{
  g_autoptr (OutlayImportPlan) plan = plan_for (fixture, source);
  g_autoptr (GError) error = NULL;
  OutlayImportResult *result = outlay_importer_apply (fixture->repository, plan, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
test_plan_counts_and_categories (Fixture      *fixture,
                                 gconstpointer data)
{
  g_autoptr (OutlayImportPlan) plan = plan_for (fixture, statement ());
  GPtrArray                 *categories = outlay_import_plan_get_categories (plan);
  OutlayImportCategoryMatch *first;
  OutlayImportCategoryMatch *second;

  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, 3);
  g_assert_cmpuint (outlay_import_plan_get_n_duplicates (plan), ==, 0);

  /* The unknown name comes first: it is what the person decides about. */
  g_assert_cmpuint (categories->len, ==, 2);
  first = g_ptr_array_index (categories, 0);
  second = g_ptr_array_index (categories, 1);
  g_assert_cmpstr (first->name, ==, "Lebensmittel");
  g_assert_cmpint (first->category_id, ==, 0);
  g_assert_cmpuint (first->n_records, ==, 1);
  g_assert_cmpstr (second->name, ==, "Food & Drink");
  g_assert_cmpint (second->category_id, ==, outlay_test_category_at (fixture->repository, 0));
  g_assert_cmpuint (second->n_records, ==, 2);
  g_assert_cmpuint (outlay_import_plan_get_n_new_categories (plan), ==, 1);

  /* Planning writes nothing. */
  g_assert_cmpint (count_live (fixture), ==, 0);
}

static void
test_import_then_again_adds_nothing (Fixture      *fixture,
                                     gconstpointer data)
{
  g_autoptr (OutlayImportResult) first = import (fixture, statement ());
  g_autoptr (OutlayImportResult) second = NULL;
  g_autofree char *rows = NULL;

  g_assert_cmpuint (first->n_added, ==, 3);
  g_assert_cmpuint (first->n_errors, ==, 1);
  g_assert_cmpuint (first->n_skipped, ==, 1);
  g_assert_cmpuint (first->n_categories_created, ==, 1);
  g_assert_nonnull (first->backup_path);
  g_assert_true (g_file_test (first->backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (first->backup_path, "-import"));

  rows = outlay_test_dump (handle (fixture),
                           "SELECT e.occurred_on, e.amount, e.description, c.name, length (e.import_hash) "
                           "FROM expenses e JOIN categories c ON c.id = e.category_id ORDER BY e.id");
  g_assert_cmpstr (rows, ==,
                   "2026-11-20|350|Coffee|Food & Drink|32\n"
                   "2026-11-20|350|Coffee|Food & Drink|32\n"
                   "2026-11-21|5437|Weekly shop|Lebensmittel|32\n");
  outlay_test_assert_summary_consistent (handle (fixture));

  /* The same file again: every line is already there. */
  second = import (fixture, statement ());
  g_assert_cmpuint (second->n_added, ==, 0);
  g_assert_cmpuint (second->n_duplicates, ==, 3);
  g_assert_cmpint (count_live (fixture), ==, 3);
}

static void
test_duplicates_by_content_and_hash (Fixture      *fixture,
                                     gconstpointer data)
{
  g_autoptr (OutlayExpense) coffee = outlay_test_draft (350, "EUR", "2026-11-20", "coffee",
                                                        outlay_test_category_at (fixture->repository, 0));
  g_autoptr (OutlayExpense) stored = outlay_repository_add_expense (fixture->repository, coffee, NULL);
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayExpense) shop = NULL;
  g_autoptr (OutlayExpense) edited = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) found = NULL;

  g_assert_nonnull (stored);

  /* One coffee of that day is in the ledger (typed by hand, another case):
   * of the file's two, one is new. */
  result = import (fixture, statement ());
  g_assert_cmpuint (result->n_added, ==, 2);
  g_assert_cmpuint (result->n_duplicates, ==, 1);

  /* An imported expense edited since is still found by its line's hash. */
  outlay_query_set_text (query, "Weekly");
  found = outlay_repository_find_expenses (fixture->repository, query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  shop = outlay_expense_copy (g_ptr_array_index (found, 0));
  outlay_expense_set_description (shop, "Groceries for the week");
  edited = outlay_repository_update_expense (fixture->repository, shop, &error);
  g_assert_no_error (error);

  plan = plan_for (fixture, statement ());
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, 0);
  g_assert_cmpuint (outlay_import_plan_get_n_duplicates (plan), ==, 3);
}

static void
test_undo_removes_everything_added (Fixture      *fixture,
                                    gconstpointer data)
{
  g_autoptr (OutlayExpense) lunch = outlay_test_draft (1570, "EUR", "2026-11-19", "Lunch",
                                                       outlay_test_category_at (fixture->repository, 0));
  g_autoptr (OutlayExpense) stored = outlay_repository_add_expense (fixture->repository, lunch, NULL);
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = outlay_test_dump_store (handle (fixture));
  g_autofree char *after = NULL;
  guint            n_categories = g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository));

  g_assert_nonnull (stored);
  result = import (fixture, statement ());
  g_assert_cmpint (count_live (fixture), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository)), ==,
                    n_categories + 1);

  g_assert_true (outlay_importer_undo (fixture->repository, result, &error));
  g_assert_no_error (error);

  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository)), ==,
                    n_categories);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* And the file imports again afterwards, all of it. */
  {
    g_autoptr (OutlayImportResult) again = import (fixture, statement ());
    g_assert_cmpuint (again->n_added, ==, 3);
  }
}

static void
test_mapped_category (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (OutlayImportPlan) plan = plan_for (fixture, statement ());
  gint64 groceries = outlay_test_category_at (fixture->repository, 1);
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_import_plan_map_category (plan, "lebensmittel", groceries));
  g_assert_false (outlay_import_plan_map_category (plan, "Nowhere", groceries));
  g_assert_false (outlay_import_plan_map_category (plan, "Lebensmittel", 9999));
  g_assert_cmpuint (outlay_import_plan_get_n_new_categories (plan), ==, 0);

  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_categories_created, ==, 0);
  g_assert_cmpint (outlay_test_query_int (handle (fixture),
                                          "SELECT category_id FROM expenses WHERE description = 'Weekly shop'"),
                   ==, groceries);
}

static void
test_records_the_ledger_refuses (Fixture      *fixture,
                                 gconstpointer data)
{
  OutlayImportSource *source = outlay_import_source_new ();
  g_autoptr (OutlayImportPlan) plan = NULL;
  OutlayImportIssue *issue;

  outlay_import_source_add_record (source, record (7, "1850-01-01", 100, "Old", NULL));
  outlay_import_source_add_record (source, record (3, "2026-01-01", 100, "", NULL));
  plan = plan_for (fixture, source);

  g_assert_cmpint (outlay_import_plan_get_action (plan, 0), ==, OUTLAY_IMPORT_ACTION_INVALID);
  g_assert_cmpint (outlay_import_plan_get_action (plan, 1), ==, OUTLAY_IMPORT_ACTION_ADD);
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, 1);
  g_assert_cmpuint (source->issues->len, ==, 1);
  issue = g_ptr_array_index (source->issues, 0);
  g_assert_cmpuint (issue->line, ==, 7);
  g_assert_cmpint (issue->kind, ==, OUTLAY_IMPORT_ISSUE_ERROR);
  g_assert_nonnull (strstr (issue->message, "1900"));
}

static void
test_failed_import_changes_nothing (Fixture      *fixture,
                                    gconstpointer data)
{
  OutlayImportSource *source = statement ();
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayBackups) backups = outlay_backups_new (fixture->database);
  g_autoptr (GPtrArray) backups_before = outlay_backups_list (backups, NULL);
  g_autoptr (GPtrArray) backups_after = NULL;
  g_autofree char *before = outlay_test_dump_store (handle (fixture));
  g_autofree char *after = NULL;
  GPtrArray       *categories;

  /* More than the free pages of the file hold. */
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *description = g_strdup_printf ("Ticket %u", i);
      outlay_import_source_add_record (source, record (10 + i, "2026-11-22", 280, description, "Transport"));
    }
  plan = plan_for (fixture, source);
  categories = outlay_import_plan_get_categories (plan);

  /* A full disk in the middle of the import. */
  outlay_test_exec (handle (fixture), "PRAGMA max_page_count = 1");
  {
    gint64           pages = outlay_test_query_int (handle (fixture), "PRAGMA page_count");
    g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
    outlay_test_exec (handle (fixture), limit);
  }

  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_null (result);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_FULL);

  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  /* The copy made before the import goes with it: a full disk would only
   * fill up further with every try. */
  backups_after = outlay_backups_list (backups, NULL);
  g_assert_cmpuint (backups_after->len, ==, backups_before->len);
  /* The plan still says the unknown category is to be created. */
  g_assert_cmpint (((OutlayImportCategoryMatch *) g_ptr_array_index (categories, 0))->category_id, ==, 0);
}

/* A file of @n lines, for imports of more than one chunk of drafts. */
static OutlayImportSource *
long_statement (guint n)
{
  OutlayImportSource *source = outlay_import_source_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *description = g_strdup_printf ("Ticket %u", i);
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 28);

      outlay_import_source_add_record (source, record (2 + i, date, 280 + i % 500, description, "Transport"));
    }

  return source;
}

/* The drafts are inserted a chunk at a time in one transaction: a disk
 * that fills up halfway through a large import, after the first chunks
 * went in, still leaves nothing of it behind. */
/* The indexes of the expenses, as the schema holds them. */
static char *
expense_indexes (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char         *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT group_concat(name || ': ' || sql, char(10)) FROM (SELECT name, sql "
                                       "FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'expenses' "
                                       "AND sql IS NOT NULL ORDER BY name)",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

/* An import larger than the ledger builds the indexes after its rows
 * (the path of the import below): they come back as they were, whole. */
static void
assert_indexes_whole (sqlite3    *db,
                      const char *expected)
{
  g_autofree char *indexes = expense_indexes (db);

  g_assert_cmpstr (indexes, ==, expected);
  g_assert_nonnull (strstr (indexes, "expenses_by_description"));
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM expenses INDEXED BY expenses_by_date "
                                              "WHERE deleted_at IS NULL AND occurred_on > ''"),
                   ==, outlay_test_query_int (db, "SELECT count(*) FROM expenses WHERE deleted_at IS NULL"));
  {
    g_autofree char *check = outlay_test_dump (db, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok\n");
  }
}

static void
test_failed_late_in_import_changes_nothing (Fixture      *fixture,
                                            gconstpointer data)
{
  const guint n = 30000;
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *indexes = NULL;
  gint64           pages;
  gint64           needed;
  gint64           changes;

  /* How many pages the whole import takes, in a ledger of its own. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "measure.db", NULL);
    g_autoptr (OutlayDatabase) database = outlay_database_open (path, &error);
    g_autoptr (OutlayRepository) repository = NULL;
    g_autoptr (OutlayImportPlan) measured = NULL;
    g_autoptr (OutlayImportResult) done = NULL;
    gint64 start;

    g_assert_no_error (error);
    repository = outlay_repository_new (database);
    indexes = expense_indexes (outlay_database_get_handle (database));
    start = outlay_test_query_int (outlay_database_get_handle (database), "PRAGMA page_count");
    measured = outlay_import_plan_new (repository, long_statement (n), "EUR", &error);
    g_assert_no_error (error);
    done = outlay_importer_apply (repository, measured, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (done->n_added, ==, n);
    assert_indexes_whole (outlay_database_get_handle (database), indexes);
    needed = outlay_test_query_int (outlay_database_get_handle (database), "PRAGMA page_count") - start;
  }

  plan = plan_for (fixture, long_statement (n));
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, n);
  before = outlay_test_dump_store (handle (fixture));

  /* Room for about half of it. */
  pages = outlay_test_query_int (handle (fixture), "PRAGMA page_count");
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + needed / 2);
  outlay_test_exec (handle (fixture), limit);

  changes = sqlite3_total_changes64 (handle (fixture));
  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_null (result);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_FULL);
  /* It failed after a whole chunk of rows had gone in. */
  g_assert_cmpint (sqlite3_total_changes64 (handle (fixture)) - changes, >, 10000);

  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM expenses_fts"), ==,
                   outlay_test_query_int (handle (fixture), "SELECT count(*) FROM expenses"));
  assert_indexes_whole (handle (fixture), indexes);
}

static GBytes *
export_json (Fixture *fixture,
             gboolean include_deleted)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (outlay_export_json (fixture->repository, NULL, include_deleted, out, NULL, &n, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
populate (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  OutlayCategory *pets;
  OutlayExpense  *drafts[4];

  pets = outlay_repository_add_category (fixture->repository, "Pets", "emoji-nature-symbolic", "#26a269", &error);
  g_assert_no_error (error);
  g_assert_true (outlay_repository_rename_category (fixture->repository,
                                                    outlay_test_category_at (fixture->repository, 9), "Miscellaneous",
                                                    &error));
  g_assert_true (outlay_repository_recolor_category (fixture->repository,
                                                     outlay_test_category_at (fixture->repository, 0), "#a51d2d",
                                                     &error));
  g_assert_true (outlay_repository_move_category (fixture->repository, outlay_category_get_id (pets), 0, &error));
  g_assert_no_error (error);

  drafts[0] =
    outlay_test_draft (5437, "EUR", "2026-11-24", "Weekly shop", outlay_test_category_at (fixture->repository, 2));
  outlay_expense_set_note (drafts[0], "Line one\nLine “two”, with a comma");
  drafts[1] = outlay_test_draft (1200, "JPY", "2026-11-02", "Ramen", outlay_test_category_at (fixture->repository, 1));
  drafts[2] = outlay_test_draft (4200, "EUR", "2026-10-31", "Vet", outlay_category_get_id (pets));
  drafts[3] =
    outlay_test_draft (999, "USD", "2026-10-31", "Old bill", outlay_test_category_at (fixture->repository, 10));
  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, G_N_ELEMENTS (drafts), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    g_object_unref (drafts[i]);

  /* A tombstone. */
  {
    gint64 id = outlay_test_query_int (handle (fixture), "SELECT id FROM expenses WHERE description = 'Old bill'");
    g_autoptr (OutlayExpense) deleted = outlay_repository_delete_expense (fixture->repository, id, &error);
    g_assert_no_error (error);
  }
}

static gboolean
describe_record (OutlayImportRecord *r,
                 guint               index,
                 gpointer            user_data,
                 GError            **error)
{
  g_string_append_printf (user_data, "%u %s %" G_GINT64_FORMAT " %s [%s] [%s] [%s] %s %s %s %s %s\n", r->line,
                          r->date, r->amount, r->currency, r->description, r->note, r->category, r->uuid,
                          r->created_at, r->updated_at, r->deleted_at, r->import_hash);
  return TRUE;
}

/* What a reader made of a file, to compare two readings. */
static char *
describe_source (OutlayImportSource *source)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < source->categories->len; i++)
    {
      OutlayImportCategoryInfo *info = g_ptr_array_index (source->categories, i);

      g_string_append_printf (out, "category %s %s %s %s %d %d %s %s %s\n", info->parent, info->name, info->icon_name,
                              info->color, info->fallback, info->hidden, info->uuid, info->created_at,
                              info->updated_at);
    }
  for (guint i = 0; i < source->category_rules->len; i++)
    {
      OutlayImportCategoryRule *rule = g_ptr_array_index (source->category_rules, i);
      g_autofree char          *patterns = g_strjoinv ("|", (GStrv) outlay_category_rule_get_patterns (rule->rule));

      g_string_append_printf (
        out, "rule %s %d %d %d %s %s %s %s %s %s %s %s %s\n", outlay_category_rule_get_uuid (rule->rule),
        outlay_category_rule_get_position (rule->rule), outlay_category_rule_get_field (rule->rule),
        outlay_category_rule_get_match (rule->rule), patterns, outlay_category_rule_get_amount_min (rule->rule),
        outlay_category_rule_get_amount_max (rule->rule), outlay_category_rule_get_currency (rule->rule),
        rule->category_name, outlay_category_rule_get_rename_to (rule->rule),
        outlay_category_rule_get_created_at (rule->rule), outlay_category_rule_get_updated_at (rule->rule),
        outlay_category_rule_get_deleted_at (rule->rule));
    }
  g_assert_true (outlay_import_source_foreach (source, describe_record, out, NULL));
  for (guint i = 0; i < source->issues->len; i++)
    {
      OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

      g_string_append_printf (out, "issue %u %d %s\n", issue->line, issue->kind, issue->message);
    }

  return g_string_free (out, FALSE);
}

/* Read from memory, and from a file (a line at a time when it is laid out
 * as Outlay writes it): the two must read the same. */
static char *
read_and_describe (const char *text,
                   gsize       length,
                   gboolean    expect_by_lines)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = outlay_json_read (text, length, &error);
  g_autoptr (OutlayImportSource) from_file = NULL;
  g_autoptr (GFileIOStream) io = NULL;
  g_autoptr (GFile) file = g_file_new_tmp ("outlay-test-XXXXXX.json", &io, &error);
  g_autofree char *described = NULL;
  g_autofree char *described_file = NULL;
  gboolean         by_lines = !expect_by_lines;

  g_assert_no_error (error);
  g_assert_nonnull (source);
  described = describe_source (source);

  g_assert_true (g_file_replace_contents (file, text, length, NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  from_file = outlay_json_read_file (file, NULL, &by_lines, &error);
  g_file_delete (file, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (by_lines, ==, expect_by_lines);
  g_assert_nonnull (from_file);
  described_file = describe_source (from_file);
  g_assert_cmpstr (described_file, ==, described);
  g_assert_cmpuint (outlay_import_source_get_n_records (from_file), ==, outlay_import_source_get_n_records (source));

  return g_steal_pointer (&described);
}

/* The rules that file expenses go into the file, deleted ones too, in
 * their order; every reader reads them alike, and a new ledger gets them
 * back as they were. */
static void
test_json_category_rules (Fixture      *fixture,
                          gconstpointer data)
{
  const char *rule_rows = "SELECT uuid, position, field, match_type, patterns, amount_min, amount_max, currency, "
                          "category_uuid, rename_to, created_at, updated_at, deleted_at FROM category_rules "
                          "ORDER BY position";
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *described = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char      *text;
  gsize            length = 0;
  gsize            pretty_length = 0;

  populate (fixture);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (OutlayCategoryRule) draft = outlay_category_rule_new ();
      g_autoptr (OutlayCategoryRule) stored = NULL;
      const char *first_pattern = i == 0 ? "rewe" : i == 1 ? "Reimbursable" : "old shop";
      const char *patterns[] = { first_pattern, i == 0 ? "lidl" : NULL, NULL };

      outlay_category_rule_set_patterns (draft, patterns);
      outlay_category_rule_set_category_uuid (
        draft, outlay_category_get_uuid (outlay_repository_lookup_category (
                 fixture->repository, outlay_test_category_at (fixture->repository, i + 1))));
      if (i == 1)
        {
          outlay_category_rule_set_field (draft, OUTLAY_RULE_FIELD_NOTE);
          outlay_category_rule_set_match (draft, OUTLAY_RULE_MATCH_EQUALS);
          outlay_category_rule_set_amount_min (draft, "10.00");
          outlay_category_rule_set_amount_max (draft, "50");
          outlay_category_rule_set_currency (draft, "EUR");
          outlay_category_rule_set_rename_to (draft, "Work lunch");
        }
      stored = outlay_repository_add_category_rule (fixture->repository, draft, &error);
      g_assert_no_error (error);
      if (i == 2)
        {
          const char *uuid = outlay_category_rule_get_uuid (stored);
          g_autoptr (OutlayCategoryRule) deleted = outlay_repository_delete_category_rule (fixture->repository, uuid,
                                                                                           &error);
          g_assert_no_error (error);
        }
    }
  /* Rule 2 first: the order is the rules' own, not when they were made. */
  moved = g_strstrip (outlay_test_dump (handle (fixture), "SELECT uuid FROM category_rules WHERE position = 1"));
  g_assert_true (outlay_repository_move_category_rule (fixture->repository, moved, 0, &error));
  g_assert_no_error (error);
  before = outlay_test_dump (handle (fixture), rule_rows);

  first = export_json (fixture, TRUE);
  text = g_bytes_get_data (first, &length);
  g_assert_nonnull (strstr (text, "\"version\": 6,"));
  g_assert_nonnull (strstr (text, "\n  \"rules\": [\n    {\"uuid\":"));
  g_assert_nonnull (strstr (text, "\"field\":\"note\",\"match\":\"equals\",\"patterns\":[\"Reimbursable\"],"
                                  "\"amount_min\":\"10.00\",\"amount_max\":\"50\",\"currency\":\"EUR\""));

  /* A line at a time, one element at a time, the whole tree. */
  expected = read_and_describe (text, length, TRUE);
  g_assert_nonnull (strstr (expected, "rule "));
  g_assert_true (json_parser_load_from_data (parser, text, (gssize) length, &error));
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  pretty = json_generator_to_data (generator, &pretty_length);
  described = read_and_describe (pretty, pretty_length, FALSE);
  g_assert_cmpstr (described, ==, expected);

  /* Into a new ledger. */
  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);
  result = import (fixture, outlay_json_read (text, length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_category_rules, ==, 3);
  after = outlay_test_dump (handle (fixture), rule_rows);
  g_assert_cmpstr (after, ==, before);
  second = export_json (fixture, TRUE);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first), g_bytes_get_data (second, NULL),
                   g_bytes_get_size (second));

  /* Older in the ledger, they are updated; undone, they are as they were. */
  outlay_test_exec (handle (fixture), "UPDATE category_rules SET rename_to = 'Old', "
                                      "updated_at = '2001-01-01T00:00:00.000Z'");
  g_clear_pointer (&after, g_free);
  after = outlay_test_dump (handle (fixture), rule_rows);
  {
    g_autoptr (OutlayImportResult) again = import (fixture, outlay_json_read (text, length, &error));
    g_autofree char *updated = outlay_test_dump (handle (fixture), rule_rows);
    g_autofree char *undone = NULL;

    g_assert_cmpuint (again->n_category_rules, ==, 3);
    g_assert_cmpuint (again->added_category_rule_uuids->len, ==, 0);
    g_assert_cmpstr (updated, ==, before);
    g_assert_true (outlay_importer_undo (fixture->repository, again, &error));
    g_assert_no_error (error);
    undone = outlay_test_dump (handle (fixture), rule_rows);
    g_assert_cmpstr (undone, ==, after);
  }

  /* Undone, the rules it added are gone. */
  g_assert_true (outlay_importer_undo (fixture->repository, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM category_rules"), ==, 0);
}

/* Outlay writes one category and one expense a line and the reader takes
 * one element at a time; a file laid out otherwise, or one the reader
 * leaves to the whole tree, reads the same. */
static void
test_json_layouts (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr (GError) error = NULL;
  gsize       length = 0;
  const char *exported;

  populate (fixture);
  bytes = export_json (fixture, TRUE);
  exported = g_bytes_get_data (bytes, &length);
  expected = read_and_describe (exported, length, TRUE);
  g_assert_nonnull (strstr (expected, "Weekly shop"));
  g_assert_nonnull (strstr (expected, "category (null) Pets"));

  g_assert_true (json_parser_load_from_data (parser, exported, (gssize) length, &error));
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));

  /* All on one line. */
  text = json_generator_to_data (generator, &length);
  g_assert_null (strchr (text, '\n'));
  described = read_and_describe (text, length, FALSE);
  g_assert_cmpstr (described, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&described, g_free);

  /* Every member on its own line. */
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  described = read_and_describe (text, length, FALSE);
  g_assert_cmpstr (described, ==, expected);
  g_clear_pointer (&described, g_free);

  /* A member name with an escape is left to the whole tree. */
  escaped = g_strdup_printf ("{\"x\\u0041\": 1,%s", strchr (text, '{') + 1);
  described = read_and_describe (escaped, strlen (escaped), FALSE);
  g_assert_cmpstr (described, ==, expected);

  /* An expense's line without its comma: the same error either way. */
  {
    g_autofree char *broken = g_strndup (exported, length);
    char            *comma = strstr (strstr (broken, "\"expenses\""), "},\n");
    g_autoptr (GFileIOStream) io = NULL;
    g_autoptr (GFile) file = g_file_new_tmp ("outlay-test-XXXXXX.json", &io, &error);
    g_autoptr (GError) from_memory = NULL;
    g_autoptr (GError) from_file = NULL;
    g_autoptr (OutlayImportSource) none = NULL;
    g_autoptr (OutlayImportSource) none_either = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (comma);
    comma[1] = ' ';
    none = outlay_json_read (broken, strlen (broken), &from_memory);
    g_assert_null (none);
    g_assert_nonnull (from_memory);
    g_assert_true (g_file_replace_contents (file, broken, strlen (broken), NULL, FALSE, 0, NULL, NULL, &error));
    none_either = outlay_json_read_file (file, NULL, NULL, &from_file);
    g_file_delete (file, NULL, NULL);
    g_assert_null (none_either);
    g_assert_error (from_file, from_memory->domain, from_memory->code);
    g_assert_cmpstr (from_file->message, ==, from_memory->message);
  }
}

static void
test_json_round_trip (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  gsize       length;
  const char *text;

  populate (fixture);
  first = export_json (fixture, TRUE);
  text = g_bytes_get_data (first, &length);
  g_assert_nonnull (strstr (text, "\"format\": \"outlay-ledger\""));
  g_assert_nonnull (strstr (text, "\"deleted_at\""));
  g_assert_nonnull (strstr (text, "\"amount\":\"54.37\""));
  g_assert_nonnull (strstr (text, "\"amount\":\"1200\""));

  /* Into a new, empty ledger. */
  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);

  source = outlay_json_read (text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->records->len, ==, 4);
  g_assert_cmpuint (source->issues->len, ==, 0);
  result = import (fixture, g_steal_pointer (&source));
  g_assert_cmpuint (result->n_added, ==, 4);

  second = export_json (fixture, TRUE);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (second, NULL), g_bytes_get_size (second));
  outlay_test_assert_summary_consistent (handle (fixture));
  g_assert_cmpint (count_live (fixture), ==, 3);
}

/* Budgets go into Outlay's JSON with everything they have: categories by
 * name, rollover, cap, archive, overrides, alerts given, deleted ones; a
 * new ledger takes them back as they were, read whole or a line at a
 * time; a second import finds them; Undo takes them away. */
static void
test_json_budgets (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GBytes) without = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (OutlayImportSource) by_lines = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (OutlayImportPlan) again = NULL;
  g_autoptr (OutlayBudget) groceries = outlay_budget_new ();
  g_autoptr (OutlayBudget) holiday = outlay_budget_new ();
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayBudget) trip = NULL;
  g_autoptr (OutlayBudget) gone = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *budgets_before = NULL;
  g_autofree char *budgets_after = NULL;
  OutlayCategory  *food = g_list_model_get_item (outlay_repository_get_categories (fixture->repository), 0);
  OutlayCategory  *travel = g_list_model_get_item (outlay_repository_get_categories (fixture->repository), 8);
  const char *const both[] = { outlay_category_get_uuid (food), outlay_category_get_uuid (travel), NULL };
  const guint       alerts[] = { 50, 90, 100 };
  gboolean          read_by_lines = FALSE;
  gsize             length;
  const char       *text;
  const char       *budget_rows = "SELECT uuid, name, amount, currency, period, every, anchor, range_end, categories, "
                                  "rollover, rollover_cap, rollover_from, alerts, position, archived_at, created_at, "
                                  "updated_at, deleted_at FROM budgets ORDER BY position";

  populate (fixture);

  /* A ledger without budgets writes what an older Outlay reads. */
  without = export_json (fixture, TRUE);
  g_assert_null (strstr (g_bytes_get_data (without, NULL), "\"budgets\""));
  g_assert_nonnull (strstr (g_bytes_get_data (without, NULL), "\"version\": 1,"));

  outlay_budget_set_name (groceries, "Food shop");
  outlay_budget_set_amount (groceries, 40000);
  outlay_budget_set_currency (groceries, "EUR");
  outlay_budget_set_cycle (groceries, OUTLAY_CYCLE_MONTH, 1, "2026-01-25", NULL);
  outlay_budget_set_categories (groceries, both);
  outlay_budget_set_rollover (groceries, OUTLAY_ROLLOVER_BOTH, 10000, "2026-02-25");
  outlay_budget_set_alerts (groceries, alerts, G_N_ELEMENTS (alerts));
  stored = outlay_repository_add_budget (fixture->repository, groceries, &error);
  g_assert_no_error (error);
  outlay_budget_set_name (holiday, "Summer trip");
  outlay_budget_set_amount (holiday, 120000);
  outlay_budget_set_currency (holiday, "JPY");
  outlay_budget_set_cycle (holiday, OUTLAY_CYCLE_RANGE, 1, "2026-07-01", "2026-07-21");
  trip = outlay_repository_add_budget (fixture->repository, holiday, &error);
  g_assert_no_error (error);
  gone = outlay_repository_delete_budget (fixture->repository, outlay_budget_get_id (trip), &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO budget_overrides (uuid, budget_uuid, period_start, amount, created_at, "
                         "updated_at) VALUES ('7d2e4f60-3a1b-4c5d-8e9f-000000000101', '%1$s', '2026-12-25', 60000, "
                         "'2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z'); "
                         "INSERT INTO budget_alerts (uuid, budget_uuid, period_start, threshold, created_at, "
                         "updated_at) VALUES ('7d2e4f60-3a1b-4c5d-8e9f-000000000201', '%1$s', '2026-02-25', 90, "
                         "'2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'); "
                         "UPDATE budgets SET archived_at = '2026-11-02T10:00:00.000Z' WHERE id = %2$" G_GINT64_FORMAT,
                         outlay_budget_get_uuid (stored), outlay_budget_get_id (stored));
  outlay_test_exec (handle (fixture), sql);
  budgets_before = outlay_test_dump (handle (fixture), budget_rows);

  first = export_json (fixture, TRUE);
  text = g_bytes_get_data (first, &length);
  g_assert_nonnull (strstr (text, "\"version\": 3,"));
  g_assert_nonnull (strstr (text, "\"categories\":[\"Food & Drink\",\"Travel\"]"));
  g_assert_nonnull (strstr (text, "\"overrides\":[{\"uuid\":\"7d2e4f60-3a1b-4c5d-8e9f-000000000101\","
                                  "\"period_start\":\"2026-12-25\",\"amount\":\"600.00\""));
  g_assert_nonnull (strstr (text, "\"amount\":\"120000\",\"currency\":\"JPY\""));

  /* Into a new ledger, read a line at a time from a file. */
  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);
  path = g_build_filename (fixture->dir, "ledger.json", NULL);
  g_assert_true (g_file_set_contents (path, text, (gssize) length, &error));
  file = g_file_new_for_path (path);
  by_lines = outlay_json_read_file (file, NULL, &read_by_lines, &error);
  g_assert_no_error (error);
  g_assert_true (read_by_lines);
  g_assert_cmpuint (by_lines->budgets->len, ==, 2);
  g_assert_cmpuint (by_lines->issues->len, ==, 0);

  source = outlay_json_read (text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->budgets->len, ==, 2);
  result = import (fixture, g_steal_pointer (&source));
  g_assert_cmpuint (result->added_budget_uuids->len, ==, 2);
  budgets_after = outlay_test_dump (handle (fixture), budget_rows);
  g_assert_cmpstr (budgets_after, !=, "");
  second = export_json (fixture, TRUE);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (second, NULL), g_bytes_get_size (second));

  /* Again: the budgets are there. */
  source = outlay_json_read (text, length, &error);
  g_assert_no_error (error);
  again = plan_for (fixture, g_steal_pointer (&source));
  g_assert_cmpuint (outlay_import_plan_get_n_budgets (again), ==, 0);

  /* Undo takes them away, overrides and alerts too. */
  g_assert_true (outlay_importer_undo (fixture->repository, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM budgets"), ==, 0);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM budget_overrides"), ==, 0);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM budget_alerts"), ==, 0);

  g_object_unref (food);
  g_object_unref (travel);
}

/* Recurring expenses go into Outlay's JSON with their repetition, mode,
 * pause, exceptions and deleted ones, and their occurrences with the rule
 * and day that wrote them; a new ledger takes them back as they were (the
 * same bytes again), and catching up there writes no occurrence twice. */
static OutlayRecurringRule *
add_rule (Fixture                *fixture,
          const char             *description,
          gint64                  amount,
          guint                   category,
          const OutlayRecurrence *recurrence)
{
  g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
  g_autoptr (OutlayCategory) item =
    g_list_model_get_item (outlay_repository_get_categories (fixture->repository), category);
  g_autoptr (GError) error = NULL;
  OutlayRecurringRule *stored;

  outlay_recurring_rule_set_amount (draft, amount);
  outlay_recurring_rule_set_currency (draft, "EUR");
  outlay_recurring_rule_set_description (draft, description);
  outlay_recurring_rule_set_category_uuid (draft, outlay_category_get_uuid (item));
  outlay_recurring_rule_set_recurrence (draft, recurrence);
  stored = outlay_repository_add_recurring_rule (fixture->repository, draft, &error);
  g_assert_no_error (error);
  return stored;
}

static void
test_json_recurring (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (OutlayImportSource) by_lines = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (OutlayImportPlan) again = NULL;
  g_autoptr (OutlayRecurringRule) rent = NULL;
  g_autoptr (OutlayRecurringRule) gym = NULL;
  g_autoptr (OutlayRecurringRule) gym_changed = NULL;
  g_autoptr (OutlayRecurringRule) insurance = NULL;
  g_autoptr (OutlayRecurringRule) gone = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  g_autoptr (GDate) today = g_date_new_dmy (20, G_DATE_MARCH, 2026);
  g_autoptr (GDate) second_thursday = g_date_new_dmy (15, G_DATE_JANUARY, 2026);
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *rules_before = NULL;
  g_autofree char *rules_after = NULL;
  g_autofree char *exceptions_before = NULL;
  g_autofree char *exceptions_after = NULL;
  g_autofree char *occurrences_before = NULL;
  g_autofree char *occurrences_after = NULL;
  OutlayRecurrence recurrence;
  gboolean         read_by_lines = FALSE;
  gsize            length;
  const char      *text;
  const char      *rule_rows = "SELECT r.uuid, amount, currency, description, note, c.name, start_on, unit, every, "
                               "weekdays, monthly_on, month_day, week_number, weekday, end_count, end_on, weekend, "
                               "mode, paused_at, done_through, r.created_at, r.updated_at, r.deleted_at "
                               "FROM recurring_rules r JOIN categories c ON c.uuid = r.category_uuid ORDER BY r.uuid";
  const char      *exception_rows = "SELECT uuid, rule_uuid, scheduled_on, skipped, amount, occurs_on, created_at, "
                                    "updated_at, deleted_at FROM recurring_exceptions ORDER BY uuid";
  const char      *occurrence_rows = "SELECT uuid, occurred_on, amount, rule_uuid, scheduled_on, deleted_at "
                                     "FROM expenses WHERE rule_uuid IS NOT NULL ORDER BY uuid";

  populate (fixture);

  /* Rent on the second Tuesday, ten times, a Friday before a weekend. */
  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, start);
  recurrence.monthly_on = OUTLAY_MONTHLY_ON_WEEKDAY;
  recurrence.week_number = 2;
  recurrence.weekday = G_DATE_TUESDAY;
  recurrence.end = OUTLAY_REPEAT_END_COUNT;
  recurrence.count = 10;
  recurrence.weekend = OUTLAY_WEEKEND_BEFORE;
  rent = add_rule (fixture, "Rent", 95000, 3, &recurrence);
  /* A gym on Tuesdays and Thursdays every second week until June, to
   * confirm, paused, with a note. */
  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_WEEKLY, 2, start);
  recurrence.weekdays = OUTLAY_WEEKDAY_BIT (G_DATE_TUESDAY) | OUTLAY_WEEKDAY_BIT (G_DATE_THURSDAY);
  recurrence.end = OUTLAY_REPEAT_END_UNTIL;
  g_date_set_dmy (&recurrence.until, 30, G_DATE_JUNE, 2026);
  gym = add_rule (fixture, "Gym", 1250, 5, &recurrence);
  outlay_recurring_rule_set_mode (gym, OUTLAY_RECURRING_CONFIRM);
  outlay_recurring_rule_set_note (gym, "with Sam");
  g_clear_object (&gym_changed);
  gym_changed = outlay_repository_update_recurring_rule (fixture->repository, gym, &error);
  g_assert_no_error (error);
  /* A yearly insurance, deleted. */
  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_YEARLY, 1, start);
  insurance = add_rule (fixture, "Insurance", 24000, 9, &recurrence);

  run = outlay_repository_run_recurring (fixture->repository, today, 60, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (run->expense_ids->len, ==, 4);
  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (gym),
                                                    second_thursday, today, &error));
  g_assert_no_error (error);
  outlay_recurring_rule_set_paused_at (gym, "2026-03-01T09:00:00.000Z");
  g_clear_object (&gym_changed);
  gym_changed = outlay_repository_update_recurring_rule (fixture->repository, gym, &error);
  g_assert_no_error (error);
  gone = outlay_repository_delete_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (insurance),
                                                  FALSE, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO recurring_exceptions (uuid, rule_uuid, scheduled_on, amount, occurs_on, "
                         "created_at, updated_at) VALUES ('9a1c3e5f-2b4d-4f6a-8c0e-000000000102', '%1$s', "
                         "'2026-05-12', 97500, '2026-05-11', '2026-03-02T10:00:00.000Z', "
                         "'2026-03-02T10:00:00.000Z'); "
                         "UPDATE expenses SET deleted_at = '2026-03-03T10:00:00.000Z' "
                         "WHERE rule_uuid = '%1$s' AND scheduled_on = '2026-02-10'",
                         outlay_recurring_rule_get_uuid (rent));
  outlay_test_exec (handle (fixture), sql);
  rules_before = outlay_test_dump (handle (fixture), rule_rows);
  exceptions_before = outlay_test_dump (handle (fixture), exception_rows);
  occurrences_before = outlay_test_dump (handle (fixture), occurrence_rows);

  first = export_json (fixture, TRUE);
  text = g_bytes_get_data (first, &length);
  g_assert_nonnull (strstr (text, "\"version\": 4,"));
  g_assert_nonnull (strstr (text, "\"repeat\":\"month\",\"every\":1,\"start\":\"2026-01-01\",\"on\":\"weekday\","
                                  "\"week\":2,\"weekday\":\"TU\",\"count\":10,\"weekend\":\"before\""));
  g_assert_nonnull (strstr (text, "\"weekdays\":[\"TU\",\"TH\"]"));
  g_assert_nonnull (strstr (text, "\"exceptions\":[{\"uuid\":\"9a1c3e5f-2b4d-4f6a-8c0e-000000000102\","
                                  "\"scheduled\":\"2026-05-12\",\"amount\":\"975.00\",\"day\":\"2026-05-11\""));

  /* Into a new ledger, read a line at a time from a file. */
  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);
  path = g_build_filename (fixture->dir, "ledger.json", NULL);
  g_assert_true (g_file_set_contents (path, text, (gssize) length, &error));
  file = g_file_new_for_path (path);
  by_lines = outlay_json_read_file (file, NULL, &read_by_lines, &error);
  g_assert_no_error (error);
  g_assert_true (read_by_lines);
  g_assert_cmpuint (by_lines->rules->len, ==, 3);
  g_assert_cmpuint (by_lines->issues->len, ==, 0);
  result = import (fixture, g_steal_pointer (&by_lines));
  g_assert_cmpuint (result->added_rule_uuids->len, ==, 3);

  rules_after = outlay_test_dump (handle (fixture), rule_rows);
  exceptions_after = outlay_test_dump (handle (fixture), exception_rows);
  occurrences_after = outlay_test_dump (handle (fixture), occurrence_rows);
  g_assert_cmpstr (rules_after, ==, rules_before);
  g_assert_cmpstr (exceptions_after, ==, exceptions_before);
  g_assert_cmpstr (occurrences_after, ==, occurrences_before);
  second = export_json (fixture, TRUE);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (second, NULL), g_bytes_get_size (second));

  /* The same occurrences: none written again, the deleted one neither. */
  g_clear_pointer (&run, outlay_recurring_run_unref);
  outlay_test_exec (handle (fixture), "UPDATE recurring_rules SET done_through = NULL");
  run = outlay_repository_run_recurring (fixture->repository, today, 60, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (run->expense_ids->len, ==, 0);

  /* Read whole: the same; a second import finds them. */
  source = outlay_json_read (text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->rules->len, ==, 3);
  again = plan_for (fixture, g_steal_pointer (&source));
  g_assert_cmpuint (outlay_import_plan_get_n_rules (again), ==, 0);

  /* Undo takes them away, with their exceptions. */
  g_assert_true (outlay_importer_undo (fixture->repository, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM recurring_rules"), ==, 0);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM recurring_exceptions"), ==, 0);
}

/* A recurring expense that cannot be read is an issue, not a failed
 * import; the others come in. */
static void
test_json_recurring_unreadable (Fixture      *fixture,
                                gconstpointer data)
{
  static const char text[] =
    "{\"format\": \"outlay-ledger\", \"version\": 4, \"categories\": [], \"recurring\": ["
    "{\"uuid\":\"9a1c3e5f-2b4d-4f6a-8c0e-000000000001\",\"description\":\"Rent\",\"amount\":\"950.00\","
    "\"currency\":\"EUR\",\"category\":\"Housing\",\"repeat\":\"month\",\"every\":1,"
    "\"start\":\"2026-01-31\",\"on\":\"day\",\"day\":31,\"weekend\":\"keep\",\"mode\":\"automatic\","
    "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":\"2026-01-01T00:00:00.000Z\"},"
    "{\"uuid\":\"9a1c3e5f-2b4d-4f6a-8c0e-000000000002\",\"description\":\"Odd\",\"amount\":\"10.00\","
    "\"currency\":\"EUR\",\"category\":\"Housing\",\"repeat\":\"fortnight\",\"every\":1,"
    "\"start\":\"2026-01-01\",\"weekend\":\"keep\",\"mode\":\"automatic\","
    "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":\"2026-01-01T00:00:00.000Z\"},"
    "{\"uuid\":\"9a1c3e5f-2b4d-4f6a-8c0e-000000000003\",\"description\":\"Free\",\"amount\":\"0.00\","
    "\"currency\":\"EUR\",\"category\":\"Housing\",\"repeat\":\"day\",\"every\":1,"
    "\"start\":\"2026-01-01\",\"weekend\":\"keep\",\"mode\":\"automatic\","
    "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":\"2026-01-01T00:00:00.000Z\"}"
    "], \"expenses\": ["
    "{\"uuid\":\"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\"date\":\"2026-01-31\",\"amount\":\"950.00\","
    "\"currency\":\"EUR\",\"description\":\"Rent\",\"category\":\"Housing\","
    "\"created_at\":\"2026-01-31T00:00:00.000Z\",\"updated_at\":\"2026-01-31T00:00:00.000Z\","
    "\"rule\":\"9a1c3e5f-2b4d-4f6a-8c0e-000000000001\"}"
    "]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (OutlayImportResult) result = NULL;

  source = outlay_json_read (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->rules->len, ==, 1);
  g_assert_cmpuint (source->issues->len, ==, 3);
  g_assert_nonnull (strstr (((OutlayImportIssue *) g_ptr_array_index (source->issues, 0))->message,
                            "“Odd” has a repetition that cannot be read"));
  g_assert_nonnull (strstr (((OutlayImportIssue *) g_ptr_array_index (source->issues, 1))->message,
                            "“Free” has no known currency, category or amount"));
  /* An occurrence without its day. */
  g_assert_nonnull (strstr (((OutlayImportIssue *) g_ptr_array_index (source->issues, 2))->message,
                            "Expense 1 names a recurring expense or a day that cannot be read"));

  result = import (fixture, g_steal_pointer (&source));
  g_assert_cmpuint (result->added_rule_uuids->len, ==, 1);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM recurring_rules"), ==, 1);
}

/* A budget whose name the ledger has already is not imported, and says so;
 * one that cannot be read is an issue, not a failed import. */
static void
test_json_budget_conflicts (Fixture      *fixture,
                            gconstpointer data)
{
  static const char text[] =
    "{\"format\": \"outlay-ledger\", \"version\": 3, \"categories\": [], \"budgets\": ["
    "{\"uuid\":\"7d2e4f60-3a1b-4c5d-8e9f-000000000001\",\"name\":\"groceries\",\"amount\":\"10.00\","
    "\"currency\":\"EUR\",\"period\":\"month\",\"every\":1,\"anchor\":\"2026-01-01\",\"categories\":[],"
    "\"rollover\":\"none\",\"alerts\":[80],\"created_at\":\"2026-01-01T00:00:00.000Z\","
    "\"updated_at\":\"2026-01-01T00:00:00.000Z\"},"
    "{\"uuid\":\"7d2e4f60-3a1b-4c5d-8e9f-000000000002\",\"name\":\"Odd\",\"amount\":\"10.00\","
    "\"currency\":\"EUR\",\"period\":\"fortnight\",\"every\":1,\"anchor\":\"2026-01-01\",\"categories\":[],"
    "\"rollover\":\"none\",\"alerts\":[],\"created_at\":\"2026-01-01T00:00:00.000Z\","
    "\"updated_at\":\"2026-01-01T00:00:00.000Z\"}"
    "], \"expenses\": []}";
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  OutlayImportIssue *issue;

  outlay_budget_set_name (draft, "Groceries");
  outlay_budget_set_amount (draft, 5000);
  outlay_budget_set_currency (draft, "EUR");
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, "2026-01-01", NULL);
  stored = outlay_repository_add_budget (fixture->repository, draft, &error);
  g_assert_no_error (error);

  source = outlay_json_read (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->budgets->len, ==, 1);
  g_assert_cmpuint (source->issues->len, ==, 1);
  issue = g_ptr_array_index (source->issues, 0);
  g_assert_nonnull (strstr (issue->message, "“Odd” has a period or a rollover that cannot be read"));

  plan = plan_for (fixture, g_steal_pointer (&source));
  g_assert_cmpuint (outlay_import_plan_get_n_budgets (plan), ==, 0);
  g_assert_cmpint (outlay_import_plan_get_budget_action (plan, 0), ==, OUTLAY_IMPORT_ACTION_INVALID);
  issue = g_ptr_array_index (outlay_import_plan_get_source (plan)->issues, 1);
  g_assert_nonnull (strstr (issue->message, "has a budget named “groceries” already"));
  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM budgets"), ==, 1);
}

/* A HomeBank file's budgets come into the ledger with the categories they
 * count; the same file again adds none and says nothing of them. */
static void
test_homebank_budgets (Fixture      *fixture,
                       gconstpointer data)
{
  static const char text[] =
    "<homebank v=\"1.4\">\n"
    "<properties curr=\"1\"/>\n"
    "<cur key=\"1\" iso=\"EUR\"/>\n"
    "<cat key=\"1\" flags=\"8\" name=\"Lebensmittel\" b0=\"-400\"/>\n"
    "<cat key=\"2\" flags=\"12\" name=\"Geschenke\" b1=\"-20\" b2=\"-20\" b3=\"-20\" b4=\"-20\" b5=\"-20\" "
    "b6=\"-20\" b7=\"-20\" b8=\"-20\" b9=\"-20\" b10=\"-20\" b11=\"-20\" b12=\"-300\"/>\n"
    "</homebank>\n";

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OutlayImportSource) source = outlay_xhb_read (text, strlen (text), "EUR", &error);
      g_autoptr (OutlayImportPlan) plan = NULL;
      g_autoptr (OutlayImportResult) result = NULL;
      g_autofree char *rows = NULL;

      g_assert_no_error (error);
      plan = plan_for (fixture, g_steal_pointer (&source));
      g_assert_cmpuint (outlay_import_plan_get_n_budgets (plan), ==, round == 0 ? 2 : 0);
      g_assert_cmpuint (outlay_import_plan_get_source (plan)->issues->len, ==, 0);
      result = outlay_importer_apply (fixture->repository, plan, &error);
      g_assert_no_error (error);

      rows = outlay_test_dump (handle (fixture),
                               "SELECT b.name, b.amount, c.name, (SELECT count(*) FROM budget_overrides o "
                               "WHERE o.budget_uuid = b.uuid) FROM budgets b "
                               "JOIN categories c ON c.uuid = b.categories ORDER BY b.position");
      g_assert_cmpstr (rows, ==, "Lebensmittel|40000|Lebensmittel|0\nGeschenke|2000|Geschenke|2\n");
    }
}

/* A HomeBank file's scheduled expenses become recurring expenses from
 * their next date, with their unit, interval, end and weekend rule; its
 * templates, scheduled income and transfers do not; the same file again
 * adds none. The days are written out from a calendar: 31 January 2027 is
 * a Sunday, moved to Friday 29 January. */
static void
test_homebank_scheduled (Fixture      *fixture,
                         gconstpointer data)
{
  static const char text[] =
    "<homebank v=\"1.4\">\n"
    "<properties curr=\"1\"/>\n"
    "<cur key=\"1\" iso=\"EUR\"/>\n"
    "<account key=\"1\" name=\"Giro\" curr=\"1\"/>\n"
    "<account key=\"2\" name=\"Savings\" curr=\"1\"/>\n"
    "<pay key=\"1\" name=\"Streamio\"/>\n"
    "<cat key=\"1\" flags=\"0\" name=\"Entertainment\"/>\n"
    "<fav key=\"1\" amount=\"-9.9900000000000002\" account=\"1\" flags=\"4\" payee=\"1\" category=\"1\" "
    "wording=\"subscription\" nextdate=\"739981\" every=\"1\" unit=\"2\" weekend=\"1\"/>\n"
    "<fav key=\"2\" amount=\"-40\" account=\"1\" flags=\"132\" wording=\"Cleaning\" nextdate=\"739944\" "
    "every=\"2\" unit=\"1\" limit=\"3\"/>\n"
    "<fav key=\"3\" amount=\"-5\" account=\"1\" flags=\"0\" wording=\"Template\" nextdate=\"739944\" "
    "every=\"1\" unit=\"2\"/>\n"
    "<fav key=\"4\" amount=\"2500\" account=\"1\" flags=\"6\" wording=\"Salary\" nextdate=\"739944\" "
    "every=\"1\" unit=\"2\"/>\n"
    "<fav key=\"5\" amount=\"-100\" account=\"1\" dst_account=\"2\" paymode=\"5\" flags=\"4\" "
    "wording=\"To savings\" nextdate=\"739944\" every=\"1\" unit=\"2\"/>\n"
    "<fav key=\"6\" amount=\"-1\" account=\"1\" flags=\"4\" wording=\"Odd\" nextdate=\"739944\" "
    "every=\"1\" unit=\"7\"/>\n"
    "<fav key=\"7\" amount=\"-240\" account=\"1\" flags=\"4\" wording=\"Insurance\" nextdate=\"740040\" "
    "every=\"1\" unit=\"3\"/>\n"
    "</homebank>\n";

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OutlayImportSource) source = outlay_xhb_read (text, strlen (text), "EUR", &error);
      g_autoptr (OutlayImportPlan) plan = NULL;
      g_autoptr (OutlayImportResult) result = NULL;
      g_autofree char *rows = NULL;
      GPtrArray       *issues;

      g_assert_no_error (error);
      plan = plan_for (fixture, g_steal_pointer (&source));
      g_assert_cmpuint (outlay_import_plan_get_n_rules (plan), ==, round == 0 ? 3 : 0);
      issues = outlay_import_plan_get_source (plan)->issues;
      g_assert_cmpuint (issues->len, ==, 3);
      g_assert_cmpuint (((OutlayImportIssue *) g_ptr_array_index (issues, 0))->line, ==, 11);
      g_assert_cmpstr (((OutlayImportIssue *) g_ptr_array_index (issues, 0))->message, ==,
                       "Scheduled transaction: Income, not a recurring expense.");
      g_assert_cmpint (((OutlayImportIssue *) g_ptr_array_index (issues, 1))->kind, ==, OUTLAY_IMPORT_ISSUE_SKIPPED);
      g_assert_cmpint (((OutlayImportIssue *) g_ptr_array_index (issues, 2))->kind, ==, OUTLAY_IMPORT_ISSUE_ERROR);
      result = outlay_importer_apply (fixture->repository, plan, &error);
      g_assert_no_error (error);

      rows = outlay_test_dump (handle (fixture),
                               "SELECT r.description, r.note, r.amount, r.currency, c.name, r.start_on, r.unit, "
                               "r.every, r.end_count, r.weekend, r.mode FROM recurring_rules r "
                               "JOIN categories c ON c.uuid = r.category_uuid ORDER BY r.start_on");
      g_assert_cmpstr (rows, ==,
                       "Cleaning||4000|EUR|Other|2026-11-24|week|2|3|keep|automatic\n"
                       "Streamio|subscription|999|EUR|Entertainment|2026-12-31|month|1|<NULL>|before|automatic\n"
                       "Insurance||24000|EUR|Other|2027-02-28|year|1|<NULL>|keep|automatic\n");
    }

  /* Caught up to 1 February 2027. */
  {
    g_autoptr (GDate) day = g_date_new_dmy (1, G_DATE_FEBRUARY, 2027);
    g_autoptr (GError) error = NULL;
    g_autoptr (OutlayRecurringRun) run = outlay_repository_run_recurring (fixture->repository, day, 60, NULL, &error);
    g_autofree char *days = NULL;

    g_assert_no_error (error);
    days = outlay_test_dump (handle (fixture), "SELECT group_concat(occurred_on || ' ' || description, ', ') FROM "
                                               "(SELECT * FROM expenses ORDER BY occurred_on)");
    g_assert_cmpstr (days, ==,
                     "2026-11-24 Cleaning, 2026-12-08 Cleaning, 2026-12-22 Cleaning, 2026-12-31 Streamio, "
                     "2027-01-29 Streamio\n");
  }
}

/* A budget follows its category where the person sends it: to the
 * ledger's Groceries, not into a new, empty Lebensmittel. */
static void
test_homebank_budget_mapped (Fixture      *fixture,
                             gconstpointer data)
{
  static const char text[] =
    "<homebank v=\"1.4\">\n"
    "<properties curr=\"1\"/>\n"
    "<cur key=\"1\" iso=\"EUR\"/>\n"
    "<account key=\"1\" name=\"A\" curr=\"1\"/>\n"
    "<cat key=\"1\" flags=\"8\" name=\"Lebensmittel\" b0=\"-400\"/>\n"
    "<ope date=\"739944\" amount=\"-12\" account=\"1\" category=\"1\" wording=\"REWE\"/>\n"
    "</homebank>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = outlay_xhb_read (text, strlen (text), "EUR", &error);
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autofree char *rows = NULL;
  gint64           groceries = outlay_test_category_at (fixture->repository, 1);

  g_assert_no_error (error);
  plan = plan_for (fixture, g_steal_pointer (&source));
  g_assert_true (outlay_import_plan_map_category (plan, "Lebensmittel", groceries));
  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->created_category_ids->len, ==, 0);
  rows = outlay_test_dump (handle (fixture), "SELECT b.name, c.name FROM budgets b "
                                             "JOIN categories c ON c.uuid = b.categories");
  g_assert_cmpstr (rows, ==, "Lebensmittel|Groceries\n");
}

static void
test_json_errors (void)
{
  static const struct
  {
    const char *text;
    int         code;
    const char *message;
  } files[] = {
    { "", OUTLAY_EXPORT_ERROR_INVALID, "not an Outlay ledger file" },
    { "date,amount\n", OUTLAY_EXPORT_ERROR_INVALID, "not an Outlay ledger file" },
    { "{\"format\": \"something\"}", OUTLAY_EXPORT_ERROR_INVALID, "format" },
    { "{\"format\": \"outlay-ledger\", \"version\": 8, \"expenses\": []}", OUTLAY_EXPORT_ERROR_UNSUPPORTED,
      "version 8" },
    { "{\"format\": \"outlay-ledger\", \"version\": 1}", OUTLAY_EXPORT_ERROR_INVALID, "damaged" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OutlayImportSource) source = outlay_json_read (files[i].text, strlen (files[i].text), &error);

      g_assert_null (source);
      g_assert_error (error, OUTLAY_EXPORT_ERROR, files[i].code);
      g_assert_nonnull (strstr (error->message, files[i].message));
    }
}

static void
test_json_bad_expenses_are_issues (void)
{
  static const char text[] = "{\"format\": \"outlay-ledger\", \"version\": 1, \"expenses\": ["
                             "{\"uuid\": \"0190a0b0-0000-7000-8000-000000000001\", \"date\": \"2026-11-24\", "
                             "\"amount\": \"3.50\", \"currency\": \"EUR\", \"description\": \"Good\"},"
                             "{\"uuid\": \"0190a0b0-0000-7000-8000-000000000002\", \"date\": \"2026-02-31\", "
                             "\"amount\": \"3.50\", \"currency\": \"EUR\", \"description\": \"Bad date\"},"
                             "{\"uuid\": \"0190a0b0-0000-7000-8000-000000000003\", \"date\": \"2026-11-24\", "
                             "\"amount\": \"3.505\", \"currency\": \"EUR\", \"description\": \"Bad amount\"},"
                             "{\"uuid\": \"nope\", \"date\": \"2026-11-24\", \"amount\": \"1\", \"currency\": \"EUR\", "
                             "\"description\": \"Bad uuid\"},"
                             "42]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = outlay_json_read (text, strlen (text), &error);
  static const char *const expected[] = { "Expense 2 ", "Expense 3 ", "Expense 4 ", "Expense 5 " };

  g_assert_no_error (error);
  g_assert_cmpuint (source->records->len, ==, 1);
  g_assert_cmpuint (source->issues->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

      g_assert_true (g_str_has_prefix (issue->message, expected[i]));
      g_assert_cmpint (issue->kind, ==, OUTLAY_IMPORT_ISSUE_ERROR);
    }
}

static void
test_csv_export (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  guint            n = 0;

  populate (fixture);
  g_assert_true (outlay_export_csv (fixture->repository, NULL, out, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (text, ==,
                   "date,amount,currency,description,category,note\r\n"
                   "2026-10-31,42.00,EUR,Vet,Pets,\r\n"
                   "2026-11-02,1200,JPY,Ramen,Food & Drink,\r\n"
                   "2026-11-24,54.37,EUR,Weekly shop,Groceries,\"Line one\nLine “two”, with a comma\"\r\n");
}

/* Outlay's own CSV export, read back: its negative amounts are refunds,
 * not money received to leave out, however many of them there are. */
static void
test_csv_refunds_round_trip (Fixture      *fixture,
                             gconstpointer data)
{
  static const char *const exports[] = {
    /* Mostly expenses: a card statement's signs, unless it is Outlay's. */
    "date,amount,currency,description,category,note\r\n"
    "2026-11-01,80.00,EUR,Boots,Shopping,\r\n"
    "2026-11-02,4.20,EUR,Coffee,Food & Drink,\r\n"
    "2026-11-03,12.00,EUR,Train,Transport,\r\n"
    "2026-11-09,-59.00,EUR,Boots returned,Shopping,\r\n",
    /* Refunds only: a bank statement's signs, unless it is Outlay's. */
    "date,amount,currency,description,category,note\r\n"
    "2026-11-19,-59.00,EUR,Boots returned,Shopping,\r\n",
  };
  static const char *const expected[] = { "2026-11-09|-5900\n", "2026-11-09|-5900\n2026-11-19|-5900\n" };

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OutlayCsvTable) table = outlay_csv_table_read (exports[i], strlen (exports[i]), &error);
      g_autoptr (OutlayImportPlan) plan = NULL;
      g_autoptr (OutlayImportResult) result = NULL;
      g_autofree char *rows = NULL;
      OutlayImportSource *source;
      OutlayCsvMapping    mapping;

      g_assert_no_error (error);
      outlay_csv_mapping_guess (table, &mapping);
      g_assert_cmpint (mapping.sign, ==, OUTLAY_CSV_SIGN_NEGATIVE_IS_REFUND);
      source = outlay_csv_import (table, &mapping, "EUR", &error);
      g_assert_no_error (error);
      plan = plan_for (fixture, source);
      g_assert_cmpuint (outlay_import_plan_get_n_incoming (plan), ==, 0);
      result = outlay_importer_apply (fixture->repository, plan, &error);
      g_assert_no_error (error);
      rows = outlay_test_dump (handle (fixture), "SELECT occurred_on, amount FROM expenses "
                                                 "WHERE description = 'Boots returned' ORDER BY occurred_on");
      g_assert_cmpstr (rows, ==, expected[i]);
    }
}

static OutlayImportSource *
read_json (const char *text)
{
  g_autoptr (GError) error = NULL;
  OutlayImportSource *source = outlay_json_read (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);

  return source;
}

/* A ledger whose categories were changed is not new, even without
 * expenses: a lossless file adds its categories and takes none away. */
static void
test_json_keeps_changed_categories (Fixture      *fixture,
                                    gconstpointer data)
{
  static const char text[] =
    "{\"format\": \"outlay-ledger\", \"version\": 1, \"currency\": \"CHF\", \"categories\": ["
    "{\"name\": \"Rent\", \"icon\": \"user-home-symbolic\", \"color\": \"#865e3c\"},"
    "{\"name\": \"Misc\", \"icon\": \"view-more-horizontal-symbolic\", \"color\": \"#77767b\", \"fallback\": true}],"
    "\"expenses\": [{\"uuid\": \"0190a0b0-0000-7000-8000-000000000001\", \"date\": \"2026-11-01\", "
    "\"amount\": \"900.00\", \"currency\": \"EUR\", \"description\": \"November\", \"category\": \"Rent\"}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  OutlayCategory *pets =
    outlay_repository_add_category (fixture->repository, "Pets", "emoji-nature-symbolic", "#26a269", &error);
  guint           n_before = g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository));

  g_assert_no_error (error);
  g_assert_nonnull (pets);

  result = import (fixture, read_json (text));
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_null (result->replaced_categories);
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository)), ==,
                    n_before + 1);
  g_assert_cmpstr (outlay_category_get_name (outlay_repository_get_fallback_category (fixture->repository)), ==,
                   "Other");
  g_assert_cmpint (outlay_test_query_int (handle (fixture),
                                          "SELECT count(*) FROM categories WHERE name = 'Pets' AND deleted_at IS NULL"),
                   ==, 1);
}

/* Into a new ledger the file's categories replace the defaults; undoing
 * the import brings the defaults back exactly. */
static void
test_undo_replaced_categories (Fixture      *fixture,
                               gconstpointer data)
{
  static const char text[] =
    "{\"format\": \"outlay-ledger\", \"version\": 1, \"currency\": \"CHF\", \"categories\": ["
    "{\"name\": \"Rent\", \"icon\": \"user-home-symbolic\", \"color\": \"#865e3c\"},"
    "{\"name\": \"Misc\", \"icon\": \"view-more-horizontal-symbolic\", \"color\": \"#77767b\", \"fallback\": true}],"
    "\"expenses\": [{\"uuid\": \"0190a0b0-0000-7000-8000-000000000001\", \"date\": \"2026-11-01\", "
    "\"amount\": \"900.00\", \"currency\": \"EUR\", \"description\": \"November\", \"category\": \"Rent\"}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autofree char *before = outlay_test_dump_store (handle (fixture));
  g_autofree char *after = NULL;
  g_autofree char *currency = NULL;

  result = import (fixture, read_json (text));
  g_assert_nonnull (result->replaced_categories);
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository)), ==, 2);
  g_assert_cmpstr (outlay_category_get_name (outlay_repository_get_fallback_category (fixture->repository)), ==,
                   "Misc");
  /* A new ledger takes the file's currency, though its expense is in euros. */
  currency = outlay_repository_dup_currency (fixture->repository, "JPY");
  g_assert_cmpstr (currency, ==, "CHF");
  g_clear_pointer (&currency, g_free);

  g_assert_true (outlay_importer_undo (fixture->repository, result, &error));
  g_assert_no_error (error);
  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  /* It records none again: an empty ledger is in the fallback's. */
  currency = outlay_repository_dup_currency (fixture->repository, "JPY");
  g_assert_cmpstr (currency, ==, "JPY");
  g_assert_cmpint (
    outlay_test_query_int (handle (fixture), "SELECT count(*) FROM outlay_meta WHERE key = 'currency'"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository)), ==, 10);
}

/* A line imported and then deleted stays deleted when the file comes
 * again. */
static void
test_deleted_import_stays_deleted (Fixture      *fixture,
                                   gconstpointer data)
{
  g_autoptr (OutlayImportResult) first = import (fixture, statement ());
  g_autoptr (OutlayImportResult) second = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GError) error = NULL;

  deleted = outlay_repository_delete_expense (fixture->repository, first->last_id, &error);
  g_assert_no_error (error);

  second = import (fixture, statement ());
  g_assert_cmpuint (second->n_added, ==, 0);
  g_assert_cmpuint (second->n_duplicates, ==, 3);
  g_assert_cmpint (count_live (fixture), ==, 2);
}

/* What another program adds between the plan and the import is not added
 * twice. */
static void
test_recheck_in_transaction (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr (OutlayImportPlan) plan = plan_for (fixture, statement ());
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, 3);

  {
    g_autoptr (OutlayDatabase) other = outlay_database_open (fixture->path, &error);
    g_autoptr (OutlayRepository) repository = NULL;
    g_autoptr (OutlayImportPlan) first = NULL;
    g_autoptr (OutlayImportResult) done = NULL;

    g_assert_no_error (error);
    repository = outlay_repository_new (other);
    first = outlay_import_plan_new (repository, statement (), "EUR", &error);
    g_assert_no_error (error);
    done = outlay_importer_apply (repository, first, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (done->n_added, ==, 3);
  }

  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 0);
  g_assert_cmpuint (result->n_duplicates, ==, 3);
  g_assert_cmpint (count_live (fixture), ==, 3);
}

/* A uuid twice in one file: the first is imported, the second named. */
static void
test_json_uuid_twice (Fixture      *fixture,
                      gconstpointer data)
{
  static const char   text[] = "{\"format\": \"outlay-ledger\", \"version\": 1, \"expenses\": ["
                               "{\"uuid\": \"0190a0b0-0000-7000-8000-000000000001\", \"date\": \"2026-11-01\", "
                               "\"amount\": \"3.50\", \"currency\": \"EUR\", \"description\": \"Tea\"},"
                               "{\"uuid\": \"0190a0b0-0000-7000-8000-000000000001\", \"date\": \"2026-11-02\", "
                               "\"amount\": \"4.50\", \"currency\": \"EUR\", \"description\": \"Cake\"}]}";
  OutlayImportSource *source = read_json (text);
  g_autoptr (OutlayImportResult) result = NULL;

  result = import (fixture, source);
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpuint (result->n_errors, ==, 1);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM expenses WHERE description = 'Tea'"),
                   ==, 1);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM expenses WHERE description = 'Cake'"),
                   ==, 0);
}

static void
test_json_hostile (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } files[] = {
    { "{\"format\": \"outlay-ledger\", \"version\": [1], \"expenses\": []}", "version 0" },
    { "{\"format\": \"outlay-ledger\", \"version\": 1e300, \"expenses\": []}", "version 0" },
  };
  GString *deep = g_string_new ("{\"format\": \"outlay-ledger\", \"version\": 1, \"expenses\": ");
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (OutlayImportSource) none = outlay_json_read (files[i].text, strlen (files[i].text), &local_error);

      g_assert_null (none);
      g_assert_error (local_error, OUTLAY_EXPORT_ERROR, OUTLAY_EXPORT_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (local_error->message, files[i].message));
    }

  /* Far deeper than json-glib's recursion could take. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  source = outlay_json_read (deep->str, deep->len, &error);
  g_assert_null (source);
  g_assert_error (error, OUTLAY_EXPORT_ERROR, OUTLAY_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "levels deep"));
  g_string_free (deep, TRUE);
  g_clear_error (&error);

  /* A number where text belongs; "fallback" of the wrong type. */
  {
    static const char text[] = "{\"format\": \"outlay-ledger\", \"version\": 1, \"categories\": [{\"name\": \"A\", "
                               "\"fallback\": {}}], \"expenses\": ["
                               "{\"uuid\": \"0190a0b0-0000-7000-8000-000000000001\", \"date\": \"2026-11-01\", "
                               "\"amount\": 12.5, \"currency\": \"EUR\", \"description\": \"Tea\"}]}";
    g_autoptr (OutlayImportSource) read = read_json (text);
    OutlayImportIssue *issue;

    g_assert_cmpuint (read->records->len, ==, 0);
    g_assert_cmpuint (read->issues->len, ==, 1);
    issue = g_ptr_array_index (read->issues, 0);
    g_assert_nonnull (strstr (issue->message, "written as text"));
    g_assert_false (((OutlayImportCategoryInfo *) g_ptr_array_index (read->categories, 0))->fallback);
  }
}

/* Money received in a statement: negative, and marked. */
static OutlayImportRecord *
incoming (guint       line,
          const char *date,
          gint64      amount,
          const char *description,
          const char *category)
{
  OutlayImportRecord *r = record (line, date, -amount, description, category);

  r->incoming = TRUE;
  return r;
}

static OutlayImportCategoryMatch *
match_named (OutlayImportPlan *plan,
             const char       *name)
{
  GPtrArray *categories = outlay_import_plan_get_categories (plan);

  for (guint i = 0; i < categories->len; i++)
    {
      OutlayImportCategoryMatch *match = g_ptr_array_index (categories, i);

      if (g_strcmp0 (match->name, name) == 0)
        return match;
    }

  g_assert_not_reached ();
}

/* Money received is left out until taken as refunds, all of it or the
 * lines picked; what is added, in all and in each category, follows. */
static void
test_refunds_taken (Fixture      *fixture,
                    gconstpointer data)
{
  OutlayImportSource *source = outlay_import_source_new ();
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayImportPlan) again = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char           *rows = NULL;
  OutlayImportCategoryMatch *clothes;
  OutlayImportCategoryMatch *income;
  guint                      index = 0;

  outlay_import_source_add_record (source, record (2, "2026-03-02", 8000, "Boots", "Kleidung"));
  outlay_import_source_add_record (source, incoming (3, "2026-03-09", 5900, "Boots returned", "Kleidung"));
  outlay_import_source_add_record (source, incoming (4, "2026-03-10", 250000, "Salary", "Einkommen"));
  outlay_import_source_add_record (source, incoming (5, "2026-03-11", 320, "Deposit", "Food & Drink"));
  plan = plan_for (fixture, source);
  clothes = match_named (plan, "Kleidung");
  income = match_named (plan, "Einkommen");

  /* Left out: not added, and a category with only money received is no
   * new category. */
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, 1);
  g_assert_cmpuint (outlay_import_plan_get_n_incoming (plan), ==, 3);
  g_assert_cmpuint (outlay_import_plan_get_n_incoming_shown (plan), ==, 3);
  g_assert_cmpuint (outlay_import_plan_get_n_refunds (plan), ==, 0);
  g_assert_cmpint (outlay_import_plan_get_action (plan, 1), ==, OUTLAY_IMPORT_ACTION_LEFT_OUT);
  g_assert_cmpuint (clothes->n_records, ==, 1);
  g_assert_cmpuint (clothes->n_incoming, ==, 1);
  g_assert_cmpuint (income->n_records, ==, 0);
  g_assert_cmpuint (outlay_import_plan_get_n_new_categories (plan), ==, 1);
  g_assert_cmpstr (outlay_import_plan_get_incoming (plan, 1, &index)->description, ==, "Salary");
  g_assert_cmpuint (index, ==, 2);

  /* One picked. */
  outlay_import_plan_take_refund (plan, 0, TRUE);
  g_assert_true (outlay_import_plan_is_refund (plan, 0));
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, 2);
  g_assert_cmpuint (outlay_import_plan_get_n_refunds (plan), ==, 1);
  g_assert_cmpint (outlay_import_plan_get_action (plan, 1), ==, OUTLAY_IMPORT_ACTION_ADD);
  g_assert_cmpuint (clothes->n_records, ==, 2);
  /* Picked twice is picked once. */
  outlay_import_plan_take_refund (plan, 0, TRUE);
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, 2);

  /* All, then none. */
  outlay_import_plan_take_refunds (plan, TRUE);
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, 4);
  g_assert_cmpuint (income->n_records, ==, 1);
  g_assert_cmpuint (outlay_import_plan_get_n_new_categories (plan), ==, 2);
  outlay_import_plan_take_refunds (plan, FALSE);
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, 1);
  g_assert_cmpuint (outlay_import_plan_get_n_refunds (plan), ==, 0);
  g_assert_cmpuint (clothes->n_records, ==, 1);
  g_assert_cmpuint (income->n_records, ==, 0);

  /* The return and the deposit, not the salary. */
  outlay_import_plan_take_refund (plan, 0, TRUE);
  outlay_import_plan_take_refund (plan, 2, TRUE);
  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 3);
  rows = outlay_test_dump (handle (fixture), "SELECT e.amount, e.description, c.name FROM expenses e "
                                             "JOIN categories c ON c.id = e.category_id ORDER BY e.id");
  g_assert_cmpstr (rows, ==, "8000|Boots|Kleidung\n-5900|Boots returned|Kleidung\n-320|Deposit|Food & Drink\n");
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM categories WHERE name = 'Einkommen'"),
                   ==, 0);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* Again: the refunds are duplicates; the salary is still left out. */
  source = outlay_import_source_new ();
  outlay_import_source_add_record (source, record (2, "2026-03-02", 8000, "Boots", "Kleidung"));
  outlay_import_source_add_record (source, incoming (3, "2026-03-09", 5900, "Boots returned", "Kleidung"));
  outlay_import_source_add_record (source, incoming (4, "2026-03-10", 250000, "Salary", "Einkommen"));
  outlay_import_source_add_record (source, incoming (5, "2026-03-11", 320, "Deposit", "Food & Drink"));
  again = plan_for (fixture, source);
  g_assert_cmpuint (outlay_import_plan_get_n_duplicates (again), ==, 3);
  g_assert_cmpuint (outlay_import_plan_get_n_incoming (again), ==, 1);
  g_assert_cmpuint (outlay_import_plan_get_n_added (again), ==, 0);
}

/* More money received than can be picked line by line, most of it set
 * aside on disk: all of it is still taken, counted and written. */
static void
test_many_refunds (Fixture      *fixture,
                   gconstpointer data)
{
  OutlayImportSource *source = outlay_import_source_new ();
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint n = OUTLAY_IMPORT_PLAN_N_INCOMING + 100;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", 1 + i / 28 % 12, 1 + i % 28);
      g_autofree char *description = g_strdup_printf ("Return %u", i);

      outlay_import_source_add_record (source, record (2 * i + 2, date, 1000 + i, "Shopping", "Kleidung"));
      outlay_import_source_add_record (source, incoming (2 * i + 3, date, 100 + i, description, "Kleidung"));
    }
  plan = plan_for (fixture, source);
  g_assert_cmpuint (outlay_import_plan_get_n_incoming (plan), ==, n);
  g_assert_cmpuint (outlay_import_plan_get_n_incoming_shown (plan), ==, OUTLAY_IMPORT_PLAN_N_INCOMING);
  g_assert_cmpuint (match_named (plan, "Kleidung")->n_records, ==, n);

  outlay_import_plan_take_refunds (plan, TRUE);
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, 2 * n);
  g_assert_cmpuint (outlay_import_plan_get_n_refunds (plan), ==, n);
  g_assert_cmpuint (match_named (plan, "Kleidung")->n_records, ==, 2 * n);

  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 2 * n);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM expenses WHERE amount < 0"), ==, n);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT sum(amount) FROM expenses"), ==,
                   (gint64) n * 900);
}

/* A statement of @n lines, each its own expense but for two identical
 * coffees: one among the records a source holds, one set aside. */
static OutlayImportSource *
large_statement (guint n)
{
  OutlayImportSource *source = outlay_import_source_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char    *date = g_strdup_printf ("2025-%02u-%02u", 1 + i / 28 % 12, 1 + i % 28);
      g_autofree char    *description = g_strdup_printf ("Bäckerei Nr. %u", i);
      OutlayImportRecord *r;

      if (i == 10 || i == 2 * OUTLAY_IMPORT_N_HELD + 5)
        r = record (i + 2, "2025-06-30", 350, "Coffee", "Food & Drink");
      else
        r = record (i + 2, date, 100 + i, description, i % 2 == 0 ? "Groceries" : NULL);
      /* Empty, missing and long strings come back as they went in. */
      if (i % 3 == 0)
        r->note = g_strdup (i % 2 == 0 ? "" : "eine Notiz, “mit” Zeichen");
      if (i % 7 == 0)
        r->currency = g_strdup ("CHF");
      outlay_import_source_add_record (source, r);
    }

  return source;
}

typedef struct
{
  guint n_seen;
  guint n_coffees;
} LargeCheck;

static gboolean
check_large_record (OutlayImportRecord *r,
                    guint               index,
                    gpointer            user_data,
                    GError            **error)
{
  LargeCheck *check = user_data;

  g_assert_cmpuint (index, ==, check->n_seen);
  g_assert_cmpuint (r->line, ==, index + 2);
  if (g_strcmp0 (r->description, "Coffee") == 0)
    {
      check->n_coffees++;
      g_assert_cmpint (r->amount, ==, 350);
      g_assert_cmpstr (r->date, ==, "2025-06-30");
    }
  else
    {
      g_autofree char *description = g_strdup_printf ("Bäckerei Nr. %u", index);

      g_assert_cmpstr (r->description, ==, description);
      g_assert_cmpint (r->amount, ==, 100 + index);
      g_assert_cmpstr (r->category, ==, index % 2 == 0 ? "Groceries" : NULL);
      if (index % 3 == 0)
        g_assert_cmpstr (r->note, ==, index % 2 == 0 ? "" : "eine Notiz, “mit” Zeichen");
      else
        g_assert_null (r->note);
      g_assert_cmpstr (r->currency, ==, index % 7 == 0 ? "CHF" : NULL);
    }
  g_assert_null (r->uuid);
  g_assert_null (r->deleted_at);
  check->n_seen++;

  return TRUE;
}

/* A large file: its records past the first few hundred are set aside and
 * read back for each pass, and the import is what it would be if every
 * record were held. */
static void
test_large_file_set_aside (Fixture      *fixture,
                           gconstpointer data)
{
  const guint n = 3 * OUTLAY_IMPORT_N_HELD;
  g_autoptr (OutlayImportSource) source = large_statement (n);
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  LargeCheck          check = { 0 };
  OutlayImportRecord *first;
  guint               index = G_MAXUINT;

  g_assert_cmpuint (outlay_import_source_get_n_records (source), ==, n);
  g_assert_cmpuint (source->records->len, ==, OUTLAY_IMPORT_N_HELD);
  /* Twice: a pass can be repeated. */
  for (guint pass = 0; pass < 2; pass++)
    {
      check = (LargeCheck){ 0 };
      g_assert_true (outlay_import_source_foreach (source, check_large_record, &check, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (check.n_seen, ==, n);
      g_assert_cmpuint (check.n_coffees, ==, 2);
    }

  /* The first two thirds are in the ledger already. */
  result = import (fixture, large_statement (2 * OUTLAY_IMPORT_N_HELD));
  g_assert_cmpuint (result->n_added, ==, 2 * OUTLAY_IMPORT_N_HELD);
  g_clear_pointer (&result, outlay_import_result_free);

  /* The preview starts at the first record that is new, past those held. */
  plan = plan_for (fixture, g_steal_pointer (&source));
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), ==, OUTLAY_IMPORT_N_HELD);
  g_assert_cmpuint (outlay_import_plan_get_n_duplicates (plan), ==, 2 * OUTLAY_IMPORT_N_HELD);
  g_assert_cmpuint (outlay_import_plan_get_n_preview (plan), ==, OUTLAY_IMPORT_PLAN_N_PREVIEW);
  first = outlay_import_plan_get_preview (plan, 0, &index);
  g_assert_cmpuint (index, ==, 2 * OUTLAY_IMPORT_N_HELD);
  g_assert_cmpuint (first->line, ==, 2 * OUTLAY_IMPORT_N_HELD + 2);
  g_assert_cmpint (outlay_import_plan_get_action (plan, 2 * OUTLAY_IMPORT_N_HELD + 5), ==, OUTLAY_IMPORT_ACTION_ADD);

  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, OUTLAY_IMPORT_N_HELD);
  g_clear_pointer (&result, outlay_import_result_free);
  g_assert_cmpint (count_live (fixture), ==, n);
  /* The second coffee, set aside, is its own line: both are there. */
  g_assert_cmpint (
    outlay_test_query_int (handle (fixture), "SELECT count(*) FROM expenses WHERE description = 'Coffee'"), ==, 2);
  g_assert_cmpint (outlay_test_query_int (handle (fixture),
                                          "SELECT count(*) FROM expenses WHERE note = 'eine Notiz, “mit” Zeichen'"),
                   ==, n / 6);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* The whole file again adds nothing. */
  result = import (fixture, large_statement (n));
  g_assert_cmpuint (result->n_added, ==, 0);
  g_assert_cmpuint (result->n_duplicates, ==, n);
}

/* Records that cannot be set aside (a full disk) fail the plan with the
 * reason, and change nothing. */
static void
test_large_file_cannot_be_set_aside (Fixture      *fixture,
                                     gconstpointer data)
{
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = outlay_test_dump_store (handle (fixture));
  g_autofree char *after = NULL;
  struct rlimit    limit, saved;

  /* Files of this process grow to 16 KiB at most; past that, a write fails
   * with EFBIG rather than a signal. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 16 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  source = large_statement (3 * OUTLAY_IMPORT_N_HELD);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_cmpuint (outlay_import_source_get_n_records (source), ==, 3 * OUTLAY_IMPORT_N_HELD);
  plan = outlay_import_plan_new (fixture->repository, g_steal_pointer (&source), "EUR", &error);
  g_assert_null (plan);
  g_assert_error (error, G_FILE_ERROR, g_file_error_from_errno (EFBIG));
  g_assert_true (g_str_has_prefix (error->message,
                                   "The file’s expenses could not be set aside while they are checked: "));
  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
}

/* A ledger file of more expenses than a source holds, read a line at a
 * time, restores the same ledger. */
static void
test_large_json_file (Fixture      *fixture,
                      gconstpointer data)
{
  const guint n = 2 * OUTLAY_IMPORT_N_HELD + 7;
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (OutlayImportLoader) loader = outlay_import_loader_new ("EUR");
  g_autofree char    *path = NULL;
  OutlayImportSource *source;

  for (guint i = 0; i < n; i++)
    {
      OutlayExpense   *draft = outlay_expense_new ();
      g_autofree char *description = g_strdup_printf ("Line %u \"quoted\" \\ and Ünïcode", i);

      outlay_expense_set_amount (draft, 1 + i);
      outlay_expense_set_currency (draft, "EUR");
      outlay_expense_set_description (draft, description);
      outlay_expense_set_note (draft, i % 2 == 0 ? "" : "Zeile\nzwei");
      outlay_expense_set_category_id (draft, 1 + i % 3);
      outlay_expense_set_occurred_on (draft, "2026-03-01");
      g_ptr_array_add (drafts, draft);
    }
  g_assert_true (outlay_repository_add_expenses (fixture->repository, (OutlayExpense **) drafts->pdata, n, &error));
  g_assert_no_error (error);
  first = export_json (fixture, TRUE);

  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);
  path = g_build_filename (fixture->dir, "ledger.json", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error));

  {
    g_autoptr (GFile) file = g_file_new_for_path (path);
    gboolean by_lines = FALSE;
    g_autoptr (OutlayImportSource) read = outlay_json_read_file (file, NULL, &by_lines, &error);

    g_assert_no_error (error);
    g_assert_true (by_lines);
    g_assert_cmpuint (outlay_import_source_get_n_records (read), ==, n);
  }

  g_assert_true (outlay_import_loader_read (loader, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_import_loader_get_format (loader), ==, OUTLAY_IMPORT_FORMAT_JSON);
  g_assert_true (outlay_import_loader_parse (loader, NULL, &error));
  g_assert_no_error (error);
  source = outlay_import_loader_build_source (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_import_source_get_n_records (source), ==, n);
  g_assert_cmpuint (source->issues->len, ==, 0);
  result = import (fixture, source);
  g_assert_cmpuint (result->n_added, ==, n);

  second = export_json (fixture, TRUE);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first), g_bytes_get_data (second, NULL),
                   g_bytes_get_size (second));
  outlay_test_assert_summary_consistent (handle (fixture));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/transfer/" path, Fixture, NULL, outlay_test_fixture_setup, func, outlay_test_fixture_teardown)

  ADD ("plan-counts-and-categories", test_plan_counts_and_categories);
  ADD ("import-then-again-adds-nothing", test_import_then_again_adds_nothing);
  ADD ("duplicates-by-content-and-hash", test_duplicates_by_content_and_hash);
  ADD ("undo-removes-everything-added", test_undo_removes_everything_added);
  ADD ("mapped-category", test_mapped_category);
  ADD ("records-the-ledger-refuses", test_records_the_ledger_refuses);
  ADD ("failed-import-changes-nothing", test_failed_import_changes_nothing);
  ADD ("failed-late-in-import-changes-nothing", test_failed_late_in_import_changes_nothing);
  ADD ("json-round-trip", test_json_round_trip);
  ADD ("json-budgets", test_json_budgets);
  ADD ("json-budget-conflicts", test_json_budget_conflicts);
  ADD ("json-recurring", test_json_recurring);
  ADD ("json-recurring-unreadable", test_json_recurring_unreadable);
  ADD ("homebank-budgets", test_homebank_budgets);
  ADD ("homebank-budget-mapped", test_homebank_budget_mapped);
  ADD ("homebank-scheduled", test_homebank_scheduled);
  ADD ("json-layouts", test_json_layouts);
  ADD ("json-category-rules", test_json_category_rules);
  ADD ("csv-export", test_csv_export);
  ADD ("csv-refunds-round-trip", test_csv_refunds_round_trip);
  ADD ("json-keeps-changed-categories", test_json_keeps_changed_categories);
  ADD ("undo-replaced-categories", test_undo_replaced_categories);
  ADD ("deleted-import-stays-deleted", test_deleted_import_stays_deleted);
  ADD ("recheck-in-transaction", test_recheck_in_transaction);
  ADD ("json-uuid-twice", test_json_uuid_twice);
  g_test_add_func ("/transfer/json-hostile", test_json_hostile);
  ADD ("large-file-set-aside", test_large_file_set_aside);
  ADD ("large-json-file", test_large_json_file);
  ADD ("large-file-cannot-be-set-aside", test_large_file_cannot_be_set_aside);
  ADD ("refunds-taken", test_refunds_taken);
  ADD ("many-refunds", test_many_refunds);
  g_test_add_func ("/transfer/json-errors", test_json_errors);
  g_test_add_func ("/transfer/json-bad-expenses-are-issues", test_json_bad_expenses_are_issues);

  return g_test_run ();
}
