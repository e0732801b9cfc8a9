/* test-cli-categories.c
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

/* `outlay categories` with subcategories: add, edit, move, hide, show,
 * merge and delete, as people and scripts use them, on the real binary. */

#include "config.h"

#include "outlay-cli-test-utils.h"

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  return outlay_test_dump (outlay_database_get_handle (fixture->store.database), sql);
}

/* The live categories as the list shows them, one a line. */
static char *
list_names (Fixture *fixture)
{
  g_auto (Result) result = { 0 };
  g_autoptr (GString) names = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;

  run (fixture, &result, "categories");
  assert_success (&result);
  lines = g_strsplit (result.out, "\n", -1);
  /* The first line names the columns; a blank line ends the table. */
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autofree char *name = g_strndup (lines[i], strstr (lines[i], "  #") - lines[i]);

      g_string_append_printf (names, "%s\n", g_strstrip (name));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gint64
ledger_total (Fixture *fixture)
{
  return outlay_test_query_int (outlay_database_get_handle (fixture->store.database),
                                "SELECT coalesce (sum (amount), 0) FROM expenses");
}

static void
test_subcategories (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *names = NULL;
  g_autofree char *ids = NULL;

  seed_ledger (fixture);

  run (fixture, &result, "categories", "add", "Restaurants", "--parent", "food & drink");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==,
                   "Added category “Food & Drink › Restaurants” (#33d17a, outlay-category-tag-symbolic).\n");

  run (fixture, &result, "categories", "add", "Coffee", "--parent", "Food & Drink", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"parent\": \"Food & Drink\",\n");
  assert_contains (result.out, "\"path\": \"Food & Drink › Coffee\",\n  \"hidden\": false,\n");

  /* A name once under each category: at the top too. */
  run (fixture, &result, "categories", "add", "Coffee", "--parent", "Groceries");
  assert_success (&result);

  run (fixture, &result, "add", "48", "Pizza", "--category", "Food & Drink › Restaurants", "--date", "2024-03-02");
  assert_success (&result);
  run (fixture, &result, "add", "3.80", "Latte", "--category", "Food & Drink:coffee", "--date", "2024-03-03");
  assert_success (&result);

  names = list_names (fixture);
  g_assert_true (g_str_has_prefix (names, "Food & Drink\nFood & Drink › Restaurants\nFood & Drink › Coffee\n"
                                          "Groceries\nGroceries › Coffee\nTransport\n"));

  /* A category in a filter counts the ones under it. */
  run (fixture, &result, "list", "--category", "Food & Drink", "--json");
  assert_success (&result);
  ids = json_ids (result.out);
  g_assert_cmpstr (ids, ==, "10 9 4 3 2");
}

static void
test_edit_move_hide (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *names = NULL;
  g_autofree char *hidden = NULL;

  run (fixture, &result, "categories", "add", "Takeaway");
  assert_success (&result);
  run (fixture, &result, "categories", "edit", "Takeaway", "--parent", "Food & Drink", "--name", "Takeout", "--color",
       "#ff7800", "--icon", "emoji-food-symbolic");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Changed category “Food & Drink › Takeout” (#ff7800, emoji-food-symbolic).\n");

  run (fixture, &result, "categories", "add", "Bakery", "--parent", "Food & Drink");
  assert_success (&result);
  run (fixture, &result, "categories", "move", "Bakery", "--position", "1");
  assert_success (&result);
  run (fixture, &result, "categories", "move", "Other", "--position", "1", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"name\": \"Other\",");
  assert_contains (result.out, "\"position\": 0,");

  run (fixture, &result, "categories", "hide", "travel");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Hid category “Travel”; its expenses stay in it.\n");

  names = list_names (fixture);
  g_assert_true (g_str_has_prefix (names, "Other\nFood & Drink\nFood & Drink › Bakery\nFood & Drink › Takeout\n"));
  g_assert_nonnull (strstr (names, "\nTravel (hidden)\n"));

  run (fixture, &result, "categories", "edit", "Takeout", "--no-parent", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"parent\": null,");
  run (fixture, &result, "categories", "show", "Travel", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"hidden\": false,");
  hidden = query_text (fixture, "SELECT count(*) FROM categories WHERE hidden");
  g_assert_cmpstr (hidden, ==, "0\n");
}

/* Merging and deleting keep every expense: the ledger's total is the same
 * before and after. */
static void
test_merge_and_delete (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *moved = NULL;
  gint64           total;

  seed_ledger (fixture);
  run (fixture, &result, "categories", "add", "Restaurants", "--parent", "Food & Drink");
  assert_success (&result);
  run (fixture, &result, "categories", "edit", "Other", "--name", "Misc");
  assert_success (&result);
  total = ledger_total (fixture);

  run (fixture, &result, "categories", "merge", "Transport", "Travel");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Merged category “Transport” into “Travel”; 2 expenses moved.\n");
  g_assert_cmpint (ledger_total (fixture), ==, total);

  run (fixture, &result, "categories", "delete", "Food & Drink", "--move-to", "Groceries", "--json");
  assert_success (&result);
  assert_json (result.out);
  g_assert_cmpstr (result.out, ==,
                   "{\n  \"deleted\": \"Food & Drink\",\n  \"deleted_id\": 1,\n  \"moved_expenses\": 3,\n"
                   "  \"moved_subcategories\": 1,\n  \"moved_to\": \"Groceries\",\n  \"moved_to_id\": 2\n}\n");
  g_assert_cmpint (ledger_total (fixture), ==, total);

  /* A subcategory's expenses go to its parent by default. */
  run (fixture, &result, "categories", "add", "Bakery", "--parent", "Groceries");
  assert_success (&result);
  run (fixture, &result, "add", "2.40", "Bread", "--category", "Bakery");
  assert_success (&result);
  run (fixture, &result, "categories", "delete", "Bakery");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Deleted category “Groceries › Bakery”; 1 expense moved to “Groceries”.\n");
  moved = query_text (fixture, "SELECT c.name FROM expenses e JOIN categories c ON c.id = e.category_id "
                               "WHERE e.description = 'Bread'");
  g_assert_cmpstr (moved, ==, "Groceries\n");
}

static void
test_bad_input (Fixture      *fixture,
                gconstpointer user_data)
{
  static const OutlayCliRefusal cases[] = {
    { 1, "“Food & Drink” already has a category named “coffee”", { "add", "coffee", "--parent", "Food & Drink" } },
    { 1, "There is no category “Nope”", { "add", "Pets", "--parent", "Nope" } },
    { 1, "is itself under another category", { "add", "Pizza", "--parent", "Coffee" } },
    { 1, "is itself under another category", { "edit", "Groceries", "--parent", "Coffee" } },
    { 1, "has subcategories of its own", { "edit", "Food & Drink", "--parent", "Groceries" } },
    { 1, "cannot be under itself", { "edit", "Groceries", "--parent", "groceries" } },
    { 1, "There is already a category named “groceries”", { "edit", "Coffee", "--no-parent", "--name", "groceries" } },
    { 2, "Give either --parent or --no-parent", { "edit", "Coffee", "--no-parent", "--parent", "Groceries" } },
    { 2, "Say what to change", { "edit", "Coffee" } },
    { 1, "not of the form #rrggbb", { "edit", "Coffee", "--color", "brown" } },
    { 2, "Give where it goes: --position N", { "move", "Coffee" } },
    { 2, "--position takes a whole number from 1, not “0”", { "move", "Coffee", "--position", "0" } },
    { 2, "--position takes a whole number from 1, not “first”", { "move", "Coffee", "--position", "first" } },
    { 1, "The position must be between 1 and 1", { "move", "Coffee", "--position", "2" } },
    { 1, "cannot be hidden", { "hide", "Other" } },
    { 1, "There is no category “Nope”", { "show", "Nope" } },
    { 1, "cannot be merged into itself", { "merge", "Coffee", "food & drink › coffee" } },
    { 2, "Give the category to merge and the one to merge it into", { "merge", "Coffee" } },
    { 1, "cannot be deleted", { "merge", "Other", "Groceries" } },
    { 1, "There is no category “Nope”", { "delete", "Coffee", "--move-to", "Nope" } },
    { 1, "cannot be deleted", { "delete", "Other" } },
    { 2, "is not one of list, add, edit, rename, move, hide, show, merge or delete", { "frob" } },
  };
  g_auto (Result) result = { 0 };

  seed_ledger (fixture);
  run (fixture, &result, "categories", "add", "Coffee", "--parent", "Food & Drink");
  assert_success (&result);

  assert_refusals (fixture, "categories", cases, G_N_ELEMENTS (cases));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/cli/categories/subcategories", test_subcategories);
  add_test ("/cli/categories/edit-move-hide", test_edit_move_hide);
  add_test ("/cli/categories/merge-and-delete", test_merge_and_delete);
  add_test ("/cli/categories/bad-input", test_bad_input);

  return g_test_run ();
}
