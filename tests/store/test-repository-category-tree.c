/* test-repository-category-tree.c
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

/* Subcategories, hidden categories, deleting and merging with Undo. */

#include "config.h"

#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

static OutlayCategory *
named (Fixture    *fixture,
       const char *name)
{
  OutlayCategory *category = outlay_repository_find_category (fixture->repository, name);

  g_assert_nonnull (category);
  return category;
}

static OutlayCategory *
add_under (Fixture    *fixture,
           const char *parent,
           const char *name)
{
  g_autoptr (GError) error = NULL;
  OutlayCategory *category =
    outlay_repository_add_subcategory (fixture->repository, parent != NULL ? named (fixture, parent) : NULL, name,
                                       "emoji-food-symbolic", "#c64600", &error);

  g_assert_no_error (error);
  g_assert_nonnull (category);
  return category;
}

/* The list as the menus show it: "Food & Drink › Restaurants" for one under
 * another, one a line. */
static char *
dump_tree (Fixture *fixture)
{
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  GString    *text = g_string_new (NULL);
  guint       n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (model, i);
      g_autofree char *path = outlay_repository_dup_category_path (fixture->repository, category);

      g_string_append_printf (text, "%s%s\n", path, outlay_category_get_hidden (category) ? " (hidden)" : "");
    }

  return g_string_free (text, FALSE);
}

static gint64
id_of (Fixture    *fixture,
       const char *name)
{
  return outlay_category_get_id (named (fixture, name));
}

static void
assert_fails (gboolean    ok,
              GError    **error,
              int         code,
              const char *message)
{
  g_assert_false (ok);
  g_assert_error (*error, OUTLAY_REPOSITORY_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr ((*error)->message, ==, message);
  g_clear_error (error);
}

static void
test_subcategories (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  OutlayCategory  *restaurants = add_under (fixture, "Food & Drink", "Restaurants");
  OutlayCategory  *coffee = add_under (fixture, "Food & Drink", "Coffee");
  OutlayCategory  *bakery = add_under (fixture, "Groceries", "Bakery");
  OutlayCategory  *food = named (fixture, "Food & Drink");

  /* Each one at the top, followed by the ones under it, in their order. */
  tree = dump_tree (fixture);
  g_assert_cmpstr (tree, ==,
                   "Food & Drink\nFood & Drink › Restaurants\nFood & Drink › Coffee\nGroceries\nGroceries › Bakery\n"
                   "Transport\nHousing\nUtilities\nHealth\nShopping\nEntertainment\nTravel\nOther\n");
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, coffee) == food);
  g_assert_null (outlay_repository_get_parent_category (fixture->repository, food));

  /* A name is unique among siblings only: "Coffee" may be under Groceries
   * too, and at the top, but not twice under one category. */
  add_under (fixture, "Groceries", "Coffee");
  add_under (fixture, NULL, "Coffee");
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  assert_fails (outlay_repository_add_subcategory (fixture->repository, food, " coffee ", "emoji-food-symbolic",
                                                   "#c64600", &error) != NULL,
                &error, OUTLAY_REPOSITORY_ERROR_INVALID_NAME, "“Food & Drink” already has a category named “coffee”.");

  /* One level only. */
  assert_fails (outlay_repository_add_subcategory (fixture->repository, restaurants, "Pizza", "emoji-food-symbolic",
                                                   "#c64600", &error) != NULL,
                &error, OUTLAY_REPOSITORY_ERROR_INVALID_PARENT, NULL);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);

  /* Names find them: the one at the top first, then "Parent › Child" and
   * HomeBank's "Parent:Child"; case and spaces do not matter. */
  g_assert_null (outlay_repository_get_parent_category (fixture->repository, named (fixture, "coffee")));
  g_assert_true (named (fixture, "Food & Drink › Coffee") == coffee);
  g_assert_true (named (fixture, "food & drink:COFFEE") == coffee);
  g_assert_true (named (fixture, "Bakery") == bakery);
  g_assert_true (named (fixture, outlay_category_get_uuid (bakery)) == bakery);
  g_assert_null (outlay_repository_find_category (fixture->repository, "Transport › Coffee"));
  g_assert_null (outlay_repository_find_category (fixture->repository, "Pizza"));
}

static void
test_change_parent (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char      *before = NULL;
  g_autofree char      *after = NULL;
  OutlayCategory       *restaurants = add_under (fixture, "Food & Drink", "Restaurants");
  OutlayCategory       *takeaway = add_under (fixture, NULL, "Takeaway");
  OutlayCategory       *food = named (fixture, "Food & Drink");
  OutlayCategory       *groceries = named (fixture, "Groceries");
  OutlayCategoryChanges under_food = { .parent_uuid = outlay_category_get_uuid (food) };
  OutlayCategoryChanges under_restaurants = { .parent_uuid = outlay_category_get_uuid (restaurants) };
  OutlayCategoryChanges food_under_groceries = { .parent_uuid = outlay_category_get_uuid (groceries) };
  OutlayCategoryChanges to_top = { .parent_uuid = "" };
  OutlayCategoryChanges all = { 0 };
  OutlayCategoryChanges bad_color = { .name = "Renamed", .color = "orange" };

  all.name = "Eating out";
  all.color = "#ff7800";
  all.icon_name = "outlay-category-coffee";
  all.parent_uuid = outlay_category_get_uuid (groceries);

  /* Takeaway goes under Food, at the end of the ones there. */
  g_assert_true (outlay_repository_change_category (fixture->repository, outlay_category_get_id (takeaway),
                                                    &under_food, &error));
  g_assert_no_error (error);
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, takeaway) == food);
  g_assert_cmpint (outlay_category_get_position (takeaway), >, outlay_category_get_position (restaurants));

  before = outlay_test_dump_store (outlay_test_handle (fixture));
  /* Not under one that is itself under another; not a category that has
   * some under it; not under itself. */
  assert_fails (outlay_repository_change_category (fixture->repository, outlay_category_get_id (takeaway),
                                                   &under_restaurants, &error),
                &error, OUTLAY_REPOSITORY_ERROR_INVALID_PARENT, NULL);
  assert_fails (outlay_repository_change_category (fixture->repository, outlay_category_get_id (food),
                                                   &food_under_groceries, &error),
                &error, OUTLAY_REPOSITORY_ERROR_INVALID_PARENT,
                "“Food & Drink” has subcategories of its own and cannot go under another category.");
  assert_fails (outlay_repository_change_category (fixture->repository, outlay_category_get_id (groceries),
                                                   &food_under_groceries, &error),
                &error, OUTLAY_REPOSITORY_ERROR_INVALID_PARENT, "A category cannot be under itself.");
  /* Nothing changes unless all of it is valid. */
  assert_fails (outlay_repository_change_category (fixture->repository, outlay_category_get_id (takeaway), &bad_color,
                                                   &error),
                &error, OUTLAY_REPOSITORY_ERROR_INVALID_COLOR, NULL);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);

  /* Moving a name where it is taken is refused… */
  add_under (fixture, "Groceries", "Eating out");
  assert_fails (outlay_repository_change_category (fixture->repository, outlay_category_get_id (takeaway), &all,
                                                   &error),
                &error, OUTLAY_REPOSITORY_ERROR_INVALID_NAME, NULL);
  g_assert_cmpstr (outlay_category_get_name (takeaway), ==, "Takeaway");

  /* …and back to the top works, as everything at once does elsewhere. */
  g_assert_true (outlay_repository_change_category (fixture->repository, outlay_category_get_id (takeaway), &to_top,
                                                    &error));
  g_assert_no_error (error);
  g_assert_null (outlay_repository_get_parent_category (fixture->repository, takeaway));
  all.parent_uuid = outlay_category_get_uuid (food);
  g_assert_true (outlay_repository_change_category (fixture->repository, outlay_category_get_id (takeaway), &all,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_category_get_name (takeaway), ==, "Eating out");
  g_assert_cmpstr (outlay_category_get_color (takeaway), ==, "#ff7800");
  g_assert_cmpstr (outlay_category_get_icon_name (takeaway), ==, "outlay-category-coffee");
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, takeaway) == food);
}

static void
test_hidden (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  OutlayCategory *coffee = add_under (fixture, "Food & Drink", "Coffee");
  OutlayCategory *food = named (fixture, "Food & Drink");
  OutlayCategory *other = outlay_repository_get_fallback_category (fixture->repository);
  guint           n = g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository));

  g_assert_true (outlay_repository_is_category_offered (fixture->repository, coffee));
  g_assert_true (outlay_repository_set_category_hidden (fixture->repository, outlay_category_get_id (food), TRUE,
                                                        &error));
  g_assert_no_error (error);

  /* Hidden: still listed (old expenses name it), not offered, and neither
   * are the ones under it. */
  g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (fixture->repository)), ==, n);
  g_assert_true (outlay_category_get_hidden (food));
  g_assert_false (outlay_repository_is_category_offered (fixture->repository, food));
  g_assert_false (outlay_repository_is_category_offered (fixture->repository, coffee));

  /* Other takes the expenses of deleted categories: never hidden. */
  assert_fails (outlay_repository_set_category_hidden (fixture->repository, outlay_category_get_id (other), TRUE,
                                                       &error),
                &error, OUTLAY_REPOSITORY_ERROR_PROTECTED, NULL);

  g_assert_true (outlay_repository_set_category_hidden (fixture->repository, outlay_category_get_id (food), FALSE,
                                                        &error));
  g_assert_no_error (error);
  g_assert_true (outlay_repository_is_category_offered (fixture->repository, coffee));
}

static void
test_move_among_siblings (Fixture      *fixture,
                          gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tree = NULL;
  OutlayCategory  *tea = NULL;

  add_under (fixture, "Food & Drink", "Restaurants");
  add_under (fixture, "Food & Drink", "Coffee");
  tea = add_under (fixture, "Food & Drink", "Tea");

  g_assert_true (outlay_repository_move_category (fixture->repository, outlay_category_get_id (tea), 0, &error));
  g_assert_no_error (error);
  g_assert_true (outlay_repository_move_category (fixture->repository, id_of (fixture, "Other"), 0, &error));
  g_assert_no_error (error);

  tree = dump_tree (fixture);
  g_assert_cmpstr (tree, ==,
                   "Other\nFood & Drink\nFood & Drink › Tea\nFood & Drink › Restaurants\nFood & Drink › Coffee\n"
                   "Groceries\nTransport\nHousing\nUtilities\nHealth\nShopping\nEntertainment\nTravel\n");

  /* A position among its three siblings. */
  assert_fails (outlay_repository_move_category (fixture->repository, outlay_category_get_id (tea), 3, &error),
                &error, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION, "The position must be between 1 and 3.");
}

/* A monthly budget of €200 that counts Food & Drink. */
static OutlayBudget *
add_food_budget (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  const char   *food[] = { outlay_category_get_uuid (named (fixture, "Food & Drink")), NULL };
  OutlayBudget *budget;

  outlay_budget_set_name (draft, "Eating");
  outlay_budget_set_amount (draft, 20000);
  outlay_budget_set_currency (draft, "EUR");
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, "2024-01-01", NULL);
  outlay_budget_set_categories (draft, food);
  budget = outlay_repository_add_budget (fixture->repository, draft, &error);
  g_assert_no_error (error);
  return budget;
}

/* A filter or a budget of a category counts the ones under it. */
static void
test_roll_up (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (OutlayBudget) budget = NULL;
  g_auto (OutlayBudgetStatus) status = { 0 };
  g_autoptr (GDate) day = g_date_new_dmy (20, G_DATE_MARCH, 2024);
  gint64 food = id_of (fixture, "Food & Drink");
  gint64 restaurants = outlay_category_get_id (add_under (fixture, "Food & Drink", "Restaurants"));
  gint64 groceries = id_of (fixture, "Groceries");
  guint  count = 0;

  g_object_unref (outlay_test_add (fixture, 1200, "EUR", "2024-03-01", "Lunch", food));
  g_object_unref (outlay_test_add (fixture, 4550, "EUR", "2024-03-02", "Dinner", restaurants));
  g_object_unref (outlay_test_add (fixture, 8740, "EUR", "2024-03-03", "Supermarket", groceries));

  ids = outlay_repository_expand_category_ids (fixture->repository, &food, 1);
  g_assert_cmpuint (ids->len, ==, 2);
  outlay_query_set_categories (query, (const gint64 *) (gpointer) ids->data, ids->len);
  g_assert_true (outlay_repository_count_expenses (fixture->repository, query, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);

  /* A child alone is itself only. */
  g_array_unref (ids);
  ids = outlay_repository_expand_category_ids (fixture->repository, &restaurants, 1);
  g_assert_cmpuint (ids->len, ==, 1);

  budget = add_food_budget (fixture);
  g_assert_true (outlay_repository_get_budget_status (fixture->repository, budget, day, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status.spent, ==, 1200 + 4550);
}

static gint64
category_of (Fixture *fixture,
             gint64   expense_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT category_id FROM expenses WHERE id = %" G_GINT64_FORMAT, expense_id);

  return outlay_test_query_int (outlay_test_handle (fixture), sql);
}

static gint64
ledger_total (Fixture *fixture)
{
  return outlay_test_query_int (outlay_test_handle (fixture),
                                "SELECT sum(amount) FROM expenses WHERE deleted_at IS NULL");
}

/* Moves an expense to another category, as the editor does. */
static gboolean
recategorize (Fixture       *fixture,
              OutlayExpense *expense,
              gint64         category_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (expense),
                                                                  &error);
  g_autoptr (OutlayExpense) updated = NULL;

  g_assert_no_error (error);
  outlay_expense_set_category_id (read, category_id);
  updated = outlay_repository_update_expense (fixture->repository, read, &error);
  g_assert_no_error (error);
  return updated != NULL;
}

/* Deleting a parent into Other: every expense moves (a deleted one too),
 * the ones under it go to the top, a budget that counted it counts Other
 * and them; Undo puts back exactly what moved. */
static void
test_delete_and_undo (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCategoryRemoval) removal = NULL;
  g_autoptr (OutlayExpense) lunch = NULL;
  g_autoptr (OutlayExpense) snack = NULL;
  g_autoptr (OutlayExpense) dinner = NULL;
  g_autoptr (OutlayExpense) gone = NULL;
  g_autoptr (OutlayBudget) budget = NULL;
  g_autoptr (OutlayBudget) read = NULL;
  g_autofree char *tree_before = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *food_uuid = g_strdup (outlay_category_get_uuid (named (fixture, "Food & Drink")));
  const char      *counts[] = { food_uuid, NULL };
  OutlayCategory  *held;
  gint64           food = id_of (fixture, "Food & Drink");
  gint64           other = id_of (fixture, "Other");
  gint64           restaurants = outlay_category_get_id (add_under (fixture, "Food & Drink", "Restaurants"));
  gint64           total;

  lunch = outlay_test_add (fixture, 1200, "EUR", "2024-03-01", "Lunch", food);
  snack = outlay_test_add (fixture, 300, "EUR", "2024-03-01", "Snack", food);
  dinner = outlay_test_add (fixture, 4550, "EUR", "2024-03-02", "Dinner", restaurants);
  gone = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (snack), &error);
  g_assert_no_error (error);
  budget = add_food_budget (fixture);
  total = ledger_total (fixture);
  tree_before = dump_tree (fixture);

  /* What the window holds of it. */
  held = outlay_repository_lookup_category (fixture->repository, food);
  g_assert_nonnull (held);
  removal = outlay_repository_remove_category (fixture->repository, food, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (outlay_repository_lookup_category (fixture->repository, food));
  g_assert_cmpuint (outlay_category_removal_get_n_expenses (removal), ==, 2);
  g_assert_cmpuint (outlay_category_removal_get_n_subcategories (removal), ==, 1);
  g_assert_cmpint (outlay_category_removal_get_into_id (removal), ==, other);
  g_assert_cmpint (category_of (fixture, outlay_expense_get_id (lunch)), ==, other);
  g_assert_cmpint (category_of (fixture, outlay_expense_get_id (snack)), ==, other);
  g_assert_cmpint (category_of (fixture, outlay_expense_get_id (dinner)), ==, restaurants);
  g_assert_cmpint (ledger_total (fixture), ==, total);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  tree = dump_tree (fixture);
  g_assert_null (strstr (tree, "Food & Drink"));
  g_assert_nonnull (strstr (tree, "\nRestaurants\n"));

  read = outlay_repository_find_budget (fixture->repository, outlay_budget_get_uuid (budget), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) outlay_budget_get_categories (read)), ==, 2);
  g_assert_cmpstr (outlay_budget_get_categories (read)[0], ==,
                   outlay_category_get_uuid (outlay_repository_get_fallback_category (fixture->repository)));
  g_clear_object (&read);

  /* The lunch was moved by hand since: Undo leaves it where it is now. */
  g_assert_true (recategorize (fixture, lunch, restaurants));
  g_assert_true (outlay_repository_undo_category_removal (fixture->repository, removal, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tree, g_free);
  tree = dump_tree (fixture);
  g_assert_cmpstr (tree, ==, tree_before);
  g_assert_cmpint (category_of (fixture, outlay_expense_get_id (lunch)), ==, restaurants);
  g_assert_cmpint (category_of (fixture, outlay_expense_get_id (snack)), ==, food);
  g_assert_cmpint (ledger_total (fixture), ==, total);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  /* The same object as before, where the window holds it. */
  g_assert_true (outlay_repository_lookup_category (fixture->repository, food) == held);
  g_assert_cmpstr (outlay_category_get_name (held), ==, "Food & Drink");
  read = outlay_repository_find_budget (fixture->repository, outlay_budget_get_uuid (budget), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (outlay_budget_get_categories (read), counts);

  /* Undone once: not twice. */
  assert_fails (outlay_repository_undo_category_removal (fixture->repository, removal, &error), &error,
                OUTLAY_REPOSITORY_ERROR_NOT_FOUND, NULL);
}

/* Merging Coffee shops into Food: its expenses, the ones under it, the
 * recurring expenses that name it move along; a name taken where they go
 * stops it before anything changes. */
static void
test_merge (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCategoryRemoval) removal = NULL;
  g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (OutlayRecurringRule) read = NULL;
  g_autoptr (GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2030);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  OutlayCategory  *shops = add_under (fixture, NULL, "Coffee shops");
  OutlayCategory  *beans = add_under (fixture, "Coffee shops", "Beans");
  gint64           food = id_of (fixture, "Food & Drink");
  gint64           shops_id = outlay_category_get_id (shops);
  g_autofree char *shops_uuid = g_strdup (outlay_category_get_uuid (shops));
  g_autoptr (OutlayExpense) latte = outlay_test_add (fixture, 380, "EUR", "2024-03-01", "Latte", shops_id);
  OutlayRecurrence recurrence;
  gint64           total = ledger_total (fixture);

  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, start);
  outlay_recurring_rule_set_amount (draft, 1500);
  outlay_recurring_rule_set_currency (draft, "EUR");
  outlay_recurring_rule_set_description (draft, "Beans subscription");
  outlay_recurring_rule_set_category_uuid (draft, outlay_category_get_uuid (shops));
  outlay_recurring_rule_set_recurrence (draft, &recurrence);
  rule = outlay_repository_add_recurring_rule (fixture->repository, draft, &error);
  g_assert_no_error (error);

  /* Food has a "Beans" already: nothing changes. */
  add_under (fixture, "Food & Drink", "beans");
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  assert_fails (outlay_repository_remove_category (fixture->repository, shops_id, food, TRUE, &error) != NULL,
                &error, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                "“Food & Drink” already has a category named “Beans”: rename one of them first.");
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (outlay_repository_rename_category (fixture->repository, id_of (fixture, "Food & Drink › beans"),
                                                    "Coffee beans", &error));
  g_assert_no_error (error);

  /* Into itself: refused. */
  assert_fails (outlay_repository_remove_category (fixture->repository, shops_id, shops_id, TRUE, &error) != NULL,
                &error, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY, NULL);

  removal = outlay_repository_remove_category (fixture->repository, shops_id, food, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (category_of (fixture, outlay_expense_get_id (latte)), ==, food);
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, beans) ==
                 outlay_repository_lookup_category (fixture->repository, food));
  read = outlay_repository_get_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rule), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_recurring_rule_get_category_uuid (read), ==,
                   outlay_category_get_uuid (outlay_repository_lookup_category (fixture->repository, food)));
  g_clear_object (&read);
  g_assert_cmpint (ledger_total (fixture), ==, total);

  g_assert_true (outlay_repository_undo_category_removal (fixture->repository, removal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (category_of (fixture, outlay_expense_get_id (latte)), ==, shops_id);
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, beans) ==
                 outlay_repository_lookup_category (fixture->repository, shops_id));
  read = outlay_repository_get_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rule), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_recurring_rule_get_category_uuid (read), ==, shops_uuid);
}

/* Undo is refused, and changes nothing, once another category has taken
 * the deleted one's name. */
static void
test_undo_name_taken (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCategoryRemoval) removal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  removal = outlay_repository_remove_category (fixture->repository, id_of (fixture, "Travel"), 0, FALSE, &error);
  g_assert_no_error (error);
  add_under (fixture, NULL, "travel");
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  assert_fails (outlay_repository_undo_category_removal (fixture->repository, removal, &error), &error,
                OUTLAY_REPOSITORY_ERROR_INVALID_NAME, "There is already a category named “Travel”.");
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
}

/* "Other" under two categories names neither; a subcategory named as its
 * category does not stop deleting it; Undo is refused once the category
 * that took the expenses is gone, and a category comes back at the top
 * when the one it was under is no longer at the top. */
static void
test_edge_cases (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCategoryRemoval) removal = NULL;
  g_autoptr (OutlayCategoryRemoval) pasta_removal = NULL;
  g_autofree char      *before = NULL;
  g_autofree char      *after = NULL;
  OutlayCategory       *pasta;
  OutlayCategoryChanges under_groceries = { 0 };

  add_under (fixture, "Food & Drink", "Misc");
  add_under (fixture, "Travel", "Misc");
  g_assert_null (outlay_repository_find_category (fixture->repository, "misc"));
  g_assert_nonnull (outlay_repository_find_category (fixture->repository, "Travel › Misc"));

  /* Travel with a "Travel" under it: deleted, the one under it at the top. */
  add_under (fixture, "Travel", "Travel");
  removal = outlay_repository_remove_category (fixture->repository, id_of (fixture, "Travel"), 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (outlay_repository_get_parent_category (fixture->repository, named (fixture, "Travel")));
  g_clear_pointer (&removal, outlay_category_removal_unref);

  /* Merged into Transport, which is deleted since: Undo changes nothing. */
  removal = outlay_repository_remove_category (fixture->repository, id_of (fixture, "Shopping"),
                                               id_of (fixture, "Transport"), TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_repository_delete_category (fixture->repository, id_of (fixture, "Transport"), NULL, &error));
  g_assert_no_error (error);
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  assert_fails (outlay_repository_undo_category_removal (fixture->repository, removal, &error), &error,
                OUTLAY_REPOSITORY_ERROR_NOT_FOUND, NULL);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);

  /* Pasta under Food; deleted; Food goes under Groceries; Undo puts Pasta
   * at the top, not two levels deep. */
  pasta = add_under (fixture, "Food & Drink", "Pasta");
  pasta_removal = outlay_repository_remove_category (fixture->repository, outlay_category_get_id (pasta), 0, FALSE,
                                                     &error);
  g_assert_no_error (error);
  g_clear_pointer (&removal, outlay_category_removal_unref);
  removal = outlay_repository_remove_category (fixture->repository, id_of (fixture, "Food & Drink › Misc"), 0, FALSE,
                                               &error);
  g_assert_no_error (error);
  under_groceries.parent_uuid = outlay_category_get_uuid (named (fixture, "Groceries"));
  g_assert_true (outlay_repository_change_category (fixture->repository, id_of (fixture, "Food & Drink"),
                                                    &under_groceries, &error));
  g_assert_no_error (error);
  g_assert_true (outlay_repository_undo_category_removal (fixture->repository, pasta_removal, &error));
  g_assert_no_error (error);
  g_assert_null (outlay_repository_get_parent_category (fixture->repository, named (fixture, "Pasta")));
  g_assert_null (outlay_category_get_parent_uuid (named (fixture, "Pasta")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/category-tree/subcategories", test_subcategories);
  OUTLAY_TEST_ADD ("/repository/category-tree/change-parent", test_change_parent);
  OUTLAY_TEST_ADD ("/repository/category-tree/hidden", test_hidden);
  OUTLAY_TEST_ADD ("/repository/category-tree/move-among-siblings", test_move_among_siblings);
  OUTLAY_TEST_ADD ("/repository/category-tree/roll-up", test_roll_up);
  OUTLAY_TEST_ADD ("/repository/category-tree/delete-and-undo", test_delete_and_undo);
  OUTLAY_TEST_ADD ("/repository/category-tree/merge", test_merge);
  OUTLAY_TEST_ADD ("/repository/category-tree/undo-name-taken", test_undo_name_taken);
  OUTLAY_TEST_ADD ("/repository/category-tree/edge-cases", test_edge_cases);

  return g_test_run ();
}
