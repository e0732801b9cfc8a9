/* test-transfer-tree.c: subcategories and hidden categories through
 * Outlay's JSON, CSV and HomeBank files
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
#include <sqlite3.h>

#include "outlay-csv-export.h"
#include "outlay-csv.h"
#include "outlay-importer.h"
#include "outlay-ledger-json.h"
#include "outlay-test-utils.h"
#include "outlay-xhb.h"

typedef OutlayTestFixture Fixture;

static GBytes *
export_to_bytes (Fixture *fixture,
                 gboolean json)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  if (json)
    g_assert_true (outlay_export_json (fixture->repository, NULL, TRUE, out, NULL, NULL, &error));
  else
    g_assert_true (outlay_export_csv (fixture->repository, NULL, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
bytes_text (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static OutlayImportResult *
import (Fixture            *fixture,
        OutlayImportSource *source)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportPlan) plan = outlay_import_plan_new (fixture->repository, source, "EUR", &error);
  OutlayImportResult *result;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static OutlayImportSource *
read_json (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  OutlayImportSource *source = outlay_json_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

static OutlayImportSource *
read_csv (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCsvTable) table = outlay_csv_table_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                            &error);
  OutlayImportSource *source;
  OutlayCsvMapping    mapping;

  g_assert_no_error (error);
  outlay_csv_mapping_guess (table, &mapping);
  source = outlay_csv_import (table, &mapping, "EUR", &error);
  g_assert_no_error (error);
  return source;
}

static OutlayImportSource *
read_homebank (const char *name)
{
  g_autofree char *text = outlay_test_fixture_text (name);
  g_autoptr (GError) error = NULL;
  OutlayImportSource *source = outlay_xhb_read (text, strlen (text), "EUR", &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

static char *
category_path (Fixture *fixture,
               gint64   id)
{
  OutlayCategory *category = outlay_repository_lookup_category (fixture->repository, id);
  OutlayCategory *parent;

  g_assert_nonnull (category);
  parent = outlay_repository_get_parent_category (fixture->repository, category);
  if (parent == NULL)
    return g_strdup (outlay_category_get_name (category));

  return g_strdup_printf ("%s > %s", outlay_category_get_name (parent), outlay_category_get_name (category));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The expenses of each category by its path, in each currency: how many
 * and their sum, the deleted ones apart with @deleted. */
static char *
describe_totals (Fixture *fixture,
                 gboolean deleted)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString      *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (outlay_test_handle (fixture),
                                       "SELECT category_id, currency, deleted_at IS NOT NULL, count(*), sum(amount) "
                                       "FROM expenses WHERE ? OR deleted_at IS NULL GROUP BY 1, 2, 3",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, deleted);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *path = category_path (fixture, sqlite3_column_int64 (stmt, 0));

      g_ptr_array_add (lines, g_strdup_printf ("%s: %s %s%d × %" G_GINT64_FORMAT "\n", path,
                                               sqlite3_column_text (stmt, 1),
                                               sqlite3_column_int (stmt, 2) ? "deleted " : "",
                                               sqlite3_column_int (stmt, 3), (gint64) sqlite3_column_int64 (stmt, 4)));
    }
  sqlite3_finalize (stmt);

  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append (out, lines->pdata[i]);

  return g_string_free (out, FALSE);
}

/* The categories in the list's order, with what a file carries of them
 * (and their uuids and times with @identity), then the expenses of each. */
static char *
describe_ledger (Fixture *fixture,
                 gboolean identity)
{
  GListModel     *categories = outlay_repository_get_categories (fixture->repository);
  OutlayCategory *fallback = outlay_repository_get_fallback_category (fixture->repository);
  GString        *out = g_string_new (NULL);
  g_autofree char *totals = describe_totals (fixture, TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      g_autofree char *path = category_path (fixture, outlay_category_get_id (category));

      g_string_append_printf (out, "%s|%s|%s|%s%s", path, outlay_category_get_icon_name (category),
                              outlay_category_get_color (category),
                              outlay_category_get_hidden (category) ? "hidden" : "",
                              category == fallback ? "|fallback" : "");
      if (identity)
        g_string_append_printf (out, "|%s|%s|%s", outlay_category_get_uuid (category),
                                outlay_category_get_created_at (category), outlay_category_get_updated_at (category));
      g_string_append_c (out, '\n');
    }
  g_string_append (out, totals);

  return g_string_free (out, FALSE);
}

/* A budget of Restaurants and a recurring expense in Coffee, both under
 * Food & Drink. */
static void
add_budget_and_rule (Fixture *fixture)
{
  OutlayCategory *restaurants = outlay_repository_find_category (fixture->repository, "Food & Drink › Restaurants");
  OutlayCategory *coffee = outlay_repository_find_category (fixture->repository, "Food & Drink › Coffee");
  const char *const categories[] = { outlay_category_get_uuid (restaurants), NULL };
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  g_autoptr (OutlayBudget) budget = NULL;
  g_autoptr (OutlayRecurringRule) rule = NULL;
  OutlayRecurringRule *rule_draft;
  g_autoptr (GError) error = NULL;

  outlay_budget_set_name (draft, "Eating out");
  outlay_budget_set_amount (draft, 20000);
  outlay_budget_set_currency (draft, "EUR");
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, "2024-01-01", NULL);
  outlay_budget_set_categories (draft, categories);
  budget = outlay_repository_add_budget (fixture->repository, draft, &error);
  g_assert_no_error (error);

  rule_draft = outlay_test_recurring_draft (fixture->repository, "Coffee club", 990, OUTLAY_REPEAT_MONTHLY, 1,
                                            "2030-01-01");
  outlay_recurring_rule_set_category_uuid (rule_draft, outlay_category_get_uuid (coffee));
  rule = outlay_test_add_recurring (fixture->repository, rule_draft);
}

/* Into a new ledger and out again: the same tree, hidden flags, uuids and
 * times, every expense in the same category, the same bytes. */
static void
test_json_round_trip (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  outlay_test_add_sample_expenses (fixture);
  outlay_test_add_sample_tree (fixture);
  add_budget_and_rule (fixture);
  before = describe_ledger (fixture, TRUE);
  first = export_to_bytes (fixture, TRUE);
  text = bytes_text (first);

  g_assert_nonnull (strstr (text, "\"version\": 5,"));
  g_assert_nonnull (strstr (text, "\"name\":\"Coffee\",\"icon\":\"emoji-food-symbolic\",\"color\":\"#865e3c\","
                                  "\"parent\":\"Food & Drink\",\"created_at\":"));
  g_assert_nonnull (strstr (text, "\"name\":\"Hostels\",\"icon\":\"emoji-food-symbolic\",\"color\":\"#1a5fb4\","
                                  "\"parent\":\"Travel\",\"hidden\":true,\"created_at\":"));
  g_assert_nonnull (strstr (text, "\"name\":\"Transport\",\"icon\":\"emoji-travel-symbolic\",\"color\":\"#3584e4\","
                                  "\"hidden\":true,\"created_at\":"));
  g_assert_nonnull (strstr (text, "\"fallback\":true,\"created_at\":"));
  g_assert_nonnull (strstr (text, "\"description\":\"Espresso\",\"category\":\"Food & Drink › Coffee\","));
  g_assert_nonnull (strstr (text, "\"description\":\"Beans\",\"category\":\"Coffee\","));
  g_assert_nonnull (strstr (text, "\"categories\":[\"Food & Drink › Restaurants\"],"));
  g_assert_nonnull (strstr (text, "\"description\":\"Coffee club\",\"amount\":\"9.90\",\"currency\":\"EUR\","
                                  "\"category\":\"Food & Drink › Coffee\","));
  /* Parents before their children, in the list's order. */
  g_assert_true (strstr (text, "\"name\":\"Food & Drink\"") < strstr (text, "\"parent\":\"Food & Drink\""));
  g_assert_true (strstr (text, "\"name\":\"Coffee\",\"icon\":\"emoji-food-symbolic\",\"color\":\"#865e3c\"") <
                 strstr (text, "\"name\":\"Restaurants\""));

  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);

  result = import (fixture, read_json (first));
  g_assert_cmpuint (result->n_added, ==, 10);
  g_assert_nonnull (result->replaced_categories);
  after = describe_ledger (fixture, TRUE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture),
                                          "SELECT count(*) FROM budgets b JOIN categories c ON c.uuid = b.categories "
                                          "WHERE c.name = 'Restaurants' AND c.parent_uuid IS NOT NULL"),
                   ==, 1);
  second = export_to_bytes (fixture, TRUE);
  g_assert_true (g_bytes_equal (first, second));
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
}

/* Undoing the import into a new ledger brings back its defaults as they
 * were, the fallback's uuid too. */
static void
test_json_undo (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *fallback_uuid = NULL;
  g_autofree char *meta = NULL;

  outlay_test_add_sample_tree (fixture);
  bytes = export_to_bytes (fixture, TRUE);
  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);

  before = outlay_test_dump (outlay_test_handle (fixture), "SELECT * FROM categories ORDER BY id");
  fallback_uuid = g_strdup (outlay_category_get_uuid (outlay_repository_get_fallback_category (fixture->repository)));

  result = import (fixture, read_json (bytes));
  g_assert_nonnull (result->previous_fallback_uuid);
  g_assert_cmpstr (outlay_category_get_uuid (outlay_repository_get_fallback_category (fixture->repository)), !=,
                   fallback_uuid);
  g_assert_true (outlay_importer_undo (fixture->repository, result, &error));
  g_assert_no_error (error);

  after = outlay_test_dump (outlay_test_handle (fixture), "SELECT * FROM categories ORDER BY id");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (outlay_category_get_uuid (outlay_repository_get_fallback_category (fixture->repository)), ==,
                   fallback_uuid);
  meta = outlay_test_dump (outlay_test_handle (fixture),
                           "SELECT value FROM outlay_meta WHERE key = 'fallback_category_uuid'");
  g_assert_true (g_str_has_prefix (meta, fallback_uuid));
}

/* Into a ledger in use: the file's categories are found by uuid, else by
 * name under the same parent; what it lacks is created parent first, with
 * the file's uuid and hidden flag. */
static void
test_json_into_ledger_in_use (Fixture      *fixture,
                              gconstpointer data)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *hostels_uuid = NULL;
  g_autofree char *restaurants_uuid = NULL;
  g_autofree char *sql = NULL;
  OutlayCategory  *food;
  OutlayCategory  *category;

  outlay_test_add_sample_tree (fixture);
  category = outlay_repository_find_category (fixture->repository, "Travel › Hostels");
  hostels_uuid = g_strdup (outlay_category_get_uuid (category));
  category = outlay_repository_find_category (fixture->repository, "Food & Drink › Restaurants");
  restaurants_uuid = g_strdup (outlay_category_get_uuid (category));
  bytes = export_to_bytes (fixture, TRUE);

  /* Another ledger, in use, where Coffee is only under Food & Drink, and
   * Restaurants was restored from the file before and renamed since. */
  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);
  outlay_test_add_sample_expenses (fixture);
  food = outlay_repository_lookup_category (fixture->repository, outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  category = outlay_repository_add_subcategory (fixture->repository, food, "Coffee", "cafe-symbolic", "#000000",
                                                &error);
  g_assert_no_error (error);
  category = outlay_repository_add_subcategory (fixture->repository, food, "Dining", "cafe-symbolic", "#000000",
                                                &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE categories SET uuid = '%s' WHERE name = 'Dining'", restaurants_uuid);
  outlay_test_exec (outlay_test_handle (fixture), sql);
  outlay_repository_reload (fixture->repository);

  result = import (fixture, read_json (bytes));
  g_assert_cmpuint (result->n_added, ==, 6);
  g_assert_null (result->replaced_categories);
  /* Coffee at the top, Hostels under Travel. */
  g_assert_cmpuint (result->n_categories_created, ==, 2);

  tree = describe_ledger (fixture, FALSE);
  g_assert_nonnull (strstr (tree, "\nFood & Drink > Coffee|cafe-symbolic|#000000|\n"));
  g_assert_nonnull (strstr (tree, "\nTravel > Hostels|emoji-food-symbolic|#1a5fb4|hidden\n"));
  g_assert_nonnull (strstr (tree, "\nCoffee|emoji-food-symbolic|#63452c|\n"));
  g_assert_nonnull (strstr (tree, "Food & Drink > Dining: EUR 2 × 4340\n"));
  g_assert_nonnull (strstr (tree, "Food & Drink > Dining: EUR deleted 1 × 990\n"));
  g_assert_nonnull (strstr (tree, "Food & Drink > Coffee: EUR 1 × 380\n"));
  g_assert_nonnull (strstr (tree, "\nCoffee: EUR 1 × 1299\n"));
  g_assert_nonnull (strstr (tree, "Travel > Hostels: EUR 1 × 3200\n"));
  category = outlay_repository_find_category (fixture->repository, "Travel › Hostels");
  g_assert_cmpstr (outlay_category_get_uuid (category), ==, hostels_uuid);
}

static char *
write_json (const char *categories,
            const char *expenses)
{
  return g_strdup_printf ("{\n  \"format\": \"outlay-ledger\",\n  \"version\": 5,\n  \"currency\": \"EUR\",\n"
                          "  \"categories\": [\n%s\n  ],\n  \"expenses\": [\n%s\n  ]\n}\n",
                          categories, expenses);
}

static char *
describe_source (OutlayImportSource *source)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < source->categories->len; i++)
    {
      const OutlayImportCategoryInfo *info = g_ptr_array_index (source->categories, i);

      g_string_append_printf (out, "category %s %s %d %s %s %s\n", info->parent, info->name, info->hidden, info->uuid,
                              info->created_at, info->updated_at);
    }
  for (guint i = 0; i < source->records->len; i++)
    {
      const OutlayImportRecord *record = g_ptr_array_index (source->records, i);

      g_string_append_printf (out, "expense %s %s\n", record->description, record->category);
    }
  for (guint i = 0; i < source->issues->len; i++)
    {
      const OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

      g_string_append_printf (out, "issue %s\n", issue->message);
    }

  return g_string_free (out, FALSE);
}

/* What the file says, read a piece at a time, a line at a time, and as a
 * whole tree (which a member name with an escape leads to). */
static char *
read_both_ways (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) whole = outlay_json_read (text, strlen (text), &error);
  g_autofree char *escaped = g_strdup_printf ("{\"x\\u0041\": 1,%s", strchr (text, '{') + 1);
  g_autoptr (OutlayImportSource) tree = outlay_json_read (escaped, strlen (escaped), &error);
  g_autofree char *described_tree = NULL;
  g_autoptr (OutlayImportSource) by_lines = NULL;
  g_autoptr (GFileIOStream) io = NULL;
  g_autoptr (GFile) file = g_file_new_tmp ("outlay-test-XXXXXX.json", &io, &error);
  g_autofree char *described = NULL;
  g_autofree char *described_lines = NULL;
  gboolean         read_by_lines = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (whole);
  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE, 0, NULL, NULL, &error));
  by_lines = outlay_json_read_file (file, NULL, &read_by_lines, &error);
  g_file_delete (file, NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (read_by_lines);

  described = describe_source (whole);
  described_lines = describe_source (by_lines);
  g_assert_cmpstr (described_lines, ==, described);
  g_assert_nonnull (tree);
  described_tree = describe_source (tree);
  g_assert_cmpstr (described_tree, ==, described);

  return g_steal_pointer (&described);
}

/* A name is unique among the categories under one parent, not in the
 * file; what cannot be read is reported, the same by either reader. */
static void
test_json_reading (void)
{
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;

  text = write_json (
    "    {\"uuid\":\"0190a0b0-0000-7000-8000-000000000001\",\"name\":\"Food\",\"icon\":\"a\",\"color\":\"#000000\"},\n"
    "    {\"name\":\"Coffee\",\"icon\":\"a\",\"color\":\"#000000\",\"parent\":\"Food\",\"hidden\":true,"
    "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":\"2026-01-02T00:00:00.000Z\"},\n"
    "    {\"name\":\"Coffee\",\"icon\":\"a\",\"color\":\"#000000\"},\n"
    "    {\"name\":\"coffee\",\"icon\":\"a\",\"color\":\"#000000\",\"parent\":\"FOOD\"},\n"
    "    {\"uuid\":\"0190a0b0-0000-7000-8000-000000000001\",\"name\":\"Tea\",\"icon\":\"a\",\"color\":\"#000000\"},\n"
    "    {\"name\":\"Cake\",\"parent\":7},\n"
    "    {\"name\":\"Pie\",\"uuid\":\"nope\"},\n"
    "    {\"name\":\"Tart\",\"updated_at\":\"yesterday\"}",
    "    {\"uuid\":\"0190a0b0-0000-7000-8000-000000000002\",\"date\":\"2026-11-01\",\"amount\":\"3.50\","
    "\"currency\":\"EUR\",\"description\":\"Espresso\",\"category\":\"Food › Coffee\"}");
  described = read_both_ways (text);
  g_assert_cmpstr (described, ==,
                   "category (null) Food 0 0190a0b0-0000-7000-8000-000000000001 (null) (null)\n"
                   "category Food Coffee 1 (null) 2026-01-01T00:00:00.000Z 2026-01-02T00:00:00.000Z\n"
                   "category (null) Coffee 0 (null) (null) (null)\n"
                   "category (null) Tea 0 (null) (null) (null)\n"
                   "expense Espresso Food › Coffee\n"
                   "issue The category “FOOD › coffee” is in the file twice; the first one is kept.\n"
                   "issue The category “Tea” has the uuid of another one; it is read without it.\n"
                   "issue The category “Cake” has a parent, uuid or time that cannot be read; its expenses go to "
                   "the category they name.\n"
                   "issue The category “Pie” has a parent, uuid or time that cannot be read; its expenses go to "
                   "the category they name.\n"
                   "issue The category “Tart” has a parent, uuid or time that cannot be read; its expenses go to "
                   "the category they name.\n");

  /* Version 8 is refused by both. */
  {
    g_autofree char *newer = write_json ("", "");
    g_autoptr (GError) error = NULL;
    g_autoptr (OutlayImportSource) none = NULL;

    memcpy (strstr (newer, "\"version\": 5"), "\"version\": 8", strlen ("\"version\": 8"));
    none = outlay_json_read (newer, strlen (newer), &error);
    g_assert_null (none);
    g_assert_error (error, OUTLAY_EXPORT_ERROR, OUTLAY_EXPORT_ERROR_UNSUPPORTED);
  }
}

/* A file says version 5 only when a category is under another or hidden,
 * so that older Outlays still read the others whole. */
static void
test_json_version (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (GBytes) plain = NULL;
  g_autoptr (GBytes) hidden = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  outlay_test_add_sample_expenses (fixture);
  plain = export_to_bytes (fixture, TRUE);
  text = bytes_text (plain);
  g_assert_nonnull (strstr (text, "\"version\": 1,"));
  g_assert_null (strstr (text, "\"parent\""));
  g_assert_null (strstr (text, "\"hidden\""));
  g_assert_nonnull (strstr (text, "{\"uuid\":\""));

  g_assert_true (outlay_repository_set_category_hidden (fixture->repository,
                                                        outlay_test_category (fixture, OUTLAY_TEST_HEALTH), TRUE,
                                                        &error));
  g_assert_no_error (error);
  hidden = export_to_bytes (fixture, TRUE);
  g_clear_pointer (&text, g_free);
  text = bytes_text (hidden);
  g_assert_nonnull (strstr (text, "\"version\": 5,"));
  g_assert_nonnull (strstr (text, "\"name\":\"Health\",\"icon\":\"emoji-body-symbolic\",\"color\":\"#e01b24\","
                                  "\"hidden\":true,"));
}

/* CSV names a subcategory by its path; an import finds it again, or
 * creates it under its parent. */
static void
test_csv_round_trip (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (OutlayImportResult) again = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *totals = NULL;

  outlay_test_add_sample_tree (fixture);
  bytes = export_to_bytes (fixture, FALSE);
  text = bytes_text (bytes);
  g_assert_nonnull (strstr (text, "\r\n2024-03-02,24.50,EUR,Dinner,Food & Drink › Restaurants,\r\n"));
  g_assert_nonnull (strstr (text, "\r\n2024-03-05,3.80,EUR,Espresso,Food & Drink › Coffee,\r\n"));
  g_assert_nonnull (strstr (text, "\r\n2024-03-06,12.99,EUR,Beans,Coffee,\r\n"));

  /* Into the same ledger: all of it is there. */
  again = import (fixture, read_csv (bytes));
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_duplicates, ==, 5);
  before = describe_totals (fixture, FALSE);

  /* Into a new one: the same tree, less the colours and icons, which CSV
   * does not carry, and what has no expense. */
  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);
  result = import (fixture, read_csv (bytes));
  g_assert_cmpuint (result->n_added, ==, 5);
  g_assert_cmpuint (result->n_categories_created, ==, 4);
  after = describe_ledger (fixture, FALSE);
  g_assert_nonnull (strstr (after, "\nFood & Drink > Restaurants|view-more-horizontal-symbolic|"));
  g_assert_nonnull (strstr (after, "\nFood & Drink > Coffee|view-more-horizontal-symbolic|"));
  g_assert_nonnull (strstr (after, "\nCoffee|view-more-horizontal-symbolic|"));
  g_assert_nonnull (strstr (after, "\nTravel > Hostels|view-more-horizontal-symbolic|"));
  /* The expenses of each, the same as in the first ledger. */
  totals = describe_totals (fixture, FALSE);
  g_assert_cmpstr (totals, ==, before);
}

/* HomeBank's subcategories become Outlay's, under a category of the
 * parent's name: the ledger's, or one the import creates. */
static void
test_homebank (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (OutlayImportSource) source = read_homebank ("homebank/subcategories.xhb");
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (OutlayImportResult) again = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *budgets = NULL;

  /* The source says where each category is, those at the top first. */
  g_assert_cmpuint (source->categories->len, ==, 7);
  g_assert_cmpstr (((OutlayImportCategoryInfo *) source->categories->pdata[0])->name, ==, "Food & Drink");
  g_assert_null (((OutlayImportCategoryInfo *) source->categories->pdata[0])->parent);
  g_assert_cmpstr (((OutlayImportCategoryInfo *) source->categories->pdata[3])->name, ==, "Restaurants");
  g_assert_cmpstr (((OutlayImportCategoryInfo *) source->categories->pdata[3])->parent, ==, "Food & Drink");
  g_assert_cmpstr (((OutlayImportRecord *) source->records->pdata[0])->category, ==, "Food & Drink › Restaurants");

  result = import (fixture, g_steal_pointer (&source));
  g_assert_cmpuint (result->n_added, ==, 7);
  /* Food & Drink is the ledger's: its two, Coffee, and Pets with its two. */
  g_assert_cmpuint (result->n_categories_created, ==, 6);
  tree = describe_ledger (fixture, FALSE);
  g_assert_nonnull (strstr (tree, "Food & Drink > Coffee: EUR 1 × 380\n"
                                  "Food & Drink > Restaurants: EUR 2 × 4340\n"
                                  "Food & Drink: EUR 1 × 500\n"));
  g_assert_nonnull (strstr (tree, "\nCoffee: EUR 1 × 1299\n"));
  g_assert_nonnull (strstr (tree, "Pets > Food: EUR 1 × 3100\nPets > Vet: EUR 1 × 8000\n"));
  g_assert_nonnull (strstr (tree, "\nPets|view-more-horizontal-symbolic|"));
  g_assert_nonnull (strstr (tree, "\nFood & Drink > Restaurants|view-more-horizontal-symbolic|"));
  g_assert_null (strstr (tree, "\nFood|"));

  /* The budget of a subcategory is on it. */
  budgets = outlay_test_dump (outlay_test_handle (fixture),
                              "SELECT b.name, b.amount, p.name, c.name FROM budgets b JOIN categories c "
                              "ON c.uuid = b.categories JOIN categories p ON p.uuid = c.parent_uuid");
  g_assert_cmpstr (budgets, ==, "Food & Drink › Restaurants|15000|Food & Drink|Restaurants\n");

  /* Again: nothing new, no category twice. */
  again = import (fixture, read_homebank ("homebank/subcategories.xhb"));
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_categories_created, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/transfer-tree/json/round-trip", test_json_round_trip);
  OUTLAY_TEST_ADD ("/transfer-tree/json/undo", test_json_undo);
  OUTLAY_TEST_ADD ("/transfer-tree/json/into-ledger-in-use", test_json_into_ledger_in_use);
  OUTLAY_TEST_ADD ("/transfer-tree/json/version", test_json_version);
  g_test_add_func ("/transfer-tree/json/reading", test_json_reading);
  OUTLAY_TEST_ADD ("/transfer-tree/csv/round-trip", test_csv_round_trip);
  OUTLAY_TEST_ADD ("/transfer-tree/homebank", test_homebank);

  return g_test_run ();
}
