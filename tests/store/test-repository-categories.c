/* test-repository-categories.c
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

#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

/* Categories */

static guint
position_of (GListModel *model,
             gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) item = g_list_model_get_item (model, i);

      if (outlay_category_get_id (item) == id)
        return i;
    }

  return G_MAXUINT;
}

/* The stored positions sort the categories in the order of the list, so
 * that the next start shows the same order. */
static void
assert_positions_follow_order (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  int   previous = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) item = g_list_model_get_item (model, i);

      g_assert_cmpint (outlay_category_get_position (item), >, previous);
      previous = outlay_category_get_position (item);
    }
}

static void
on_count_cb (gpointer instance,
             guint   *count)
{
  (*count)++;
}

static void
test_category_add (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  g_autoptr (OutlayCategory) last = NULL;
  g_autofree char *long_name = outlay_test_repeat ("n", OUTLAY_CATEGORY_NAME_MAX_LENGTH + 1);
  OutlayCategory  *pets;
  guint            categories_changed = 0;
  struct
  {
    const char *name;
    const char *icon_name;
    const char *color;
    int         code;
  } invalid[] = {
    { "food & drink", "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { "  OTHER ", "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { "", "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { "   ", "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { long_name, "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { "Tab\tname", "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { "Kids", "", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_ICON },
    { "Kids", "../../etc/passwd", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_ICON },
    { "Kids", "kids-symbolic", "red", OUTLAY_REPOSITORY_ERROR_INVALID_COLOR },
    { "Kids", "kids-symbolic", "#12345", OUTLAY_REPOSITORY_ERROR_INVALID_COLOR },
    { "Kids", "kids-symbolic", "#1234567", OUTLAY_REPOSITORY_ERROR_INVALID_COLOR },
    { "Kids", "kids-symbolic", "#12345g", OUTLAY_REPOSITORY_ERROR_INVALID_COLOR },
    { "Kids", "kids-symbolic", NULL, OUTLAY_REPOSITORY_ERROR_INVALID_COLOR },
  };

  g_signal_connect (fixture->repository, "categories-changed", G_CALLBACK (on_count_cb), &categories_changed);

  pets = outlay_repository_add_category (fixture->repository, "  Pets ", "pets-symbolic", "#aabbcc", &error);
  g_assert_no_error (error);
  g_assert_nonnull (pets);
  g_assert_cmpuint (categories_changed, ==, 1);

  /* At the end of the list, trimmed, with its own identity. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);
  last = g_list_model_get_item (model, 10);
  g_assert_true (last == pets);
  g_assert_cmpstr (outlay_category_get_name (pets), ==, "Pets");
  g_assert_cmpstr (outlay_category_get_icon_name (pets), ==, "pets-symbolic");
  g_assert_cmpstr (outlay_category_get_color (pets), ==, "#aabbcc");
  assert_positions_follow_order (model);
  g_assert_true (g_uuid_string_is_valid (outlay_category_get_uuid (pets)));
  outlay_test_assert_timestamp (outlay_category_get_created_at (pets));
  g_assert_true (outlay_repository_lookup_category (fixture->repository, outlay_category_get_id (pets)) == pets);
  /* Other stays the fallback, wherever it is. */
  g_assert_cmpstr (outlay_category_get_name (outlay_repository_get_fallback_category (fixture->repository)), ==,
                   "Other");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      OutlayCategory *none;

      none = outlay_repository_add_category (fixture->repository, invalid[i].name, invalid[i].icon_name,
                                             invalid[i].color, &error);
      g_assert_null (none);
      g_assert_error (error, OUTLAY_REPOSITORY_ERROR, invalid[i].code);
      g_clear_error (&error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);
  g_assert_cmpuint (categories_changed, ==, 1);

  /* It survives a reopen, in its place. */
  outlay_test_fixture_close (fixture);
  outlay_test_fixture_open (fixture);
  model = outlay_repository_get_categories (fixture->repository);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);
  g_clear_object (&last);
  last = g_list_model_get_item (model, 10);
  g_assert_cmpstr (outlay_category_get_name (last), ==, "Pets");
}

static void
test_category_rename (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  g_autoptr (GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (OutlayCategory) food = g_list_model_get_item (model, OUTLAY_TEST_FOOD);
  g_autofree char    *updated_at = g_strdup (outlay_category_get_updated_at (food));
  OutlayTestNotifyLog log = { g_hash_table_new (g_str_hash, g_str_equal) };
  guint               n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (held, g_list_model_get_item (model, i));
  g_signal_connect (food, "notify", G_CALLBACK (outlay_test_on_notify_cb), &log);
  outlay_test_let_time_pass ();

  g_assert_true (
    outlay_repository_rename_category (fixture->repository, outlay_category_get_id (food), " Eating out ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_category_get_name (food), ==, "Eating out");
  g_assert_cmpuint (outlay_test_notified (&log, "name"), ==, 1);
  g_assert_cmpuint (outlay_test_notified (&log, "color"), ==, 0);
  g_assert_cmpuint (outlay_test_notified (&log, "position"), ==, 0);
  g_assert_cmpstr (outlay_category_get_updated_at (food), >, updated_at);

  /* Whoever holds a category keeps the live object. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (held, i));
    }

  /* The same name in another case is the same category. */
  g_assert_true (
    outlay_repository_rename_category (fixture->repository, outlay_category_get_id (food), "EATING OUT", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_category_get_name (food), ==, "EATING OUT");
  g_assert_cmpuint (outlay_test_notified (&log, "name"), ==, 2);

  /* Renaming to the current name notifies nothing about the name. */
  g_assert_true (
    outlay_repository_rename_category (fixture->repository, outlay_category_get_id (food), "EATING OUT", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_test_notified (&log, "name"), ==, 2);

  /* Another category's name, in any case, is taken. */
  g_assert_false (
    outlay_repository_rename_category (fixture->repository, outlay_category_get_id (food), "groceries", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (outlay_repository_rename_category (fixture->repository, outlay_category_get_id (food), "", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (outlay_repository_rename_category (fixture->repository, 9999, "Nowhere", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (outlay_category_get_name (food), ==, "EATING OUT");
  g_assert_cmpuint (outlay_test_notified (&log, "name"), ==, 2);

  g_signal_handlers_disconnect_by_func (food, outlay_test_on_notify_cb, &log);
  g_hash_table_unref (log.counts);
}

static void
test_category_recolor (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  g_autoptr (OutlayCategory) health = g_list_model_get_item (model, OUTLAY_TEST_HEALTH);
  g_autofree char         *color = g_strdup (outlay_category_get_color (health));
  OutlayTestNotifyLog      log = { g_hash_table_new (g_str_hash, g_str_equal) };
  static const char *const invalid[] = { "", "red", "#12345", "#1234567", "#12345g", "123456#", "rgb(1,2,3)" };

  g_signal_connect (health, "notify", G_CALLBACK (outlay_test_on_notify_cb), &log);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (
        outlay_repository_recolor_category (fixture->repository, outlay_category_get_id (health), invalid[i], &error));
      g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_COLOR);
      g_clear_error (&error);
    }
  g_assert_cmpstr (outlay_category_get_color (health), ==, color);
  g_assert_cmpuint (outlay_test_notified (&log, "color"), ==, 0);

  g_assert_true (
    outlay_repository_recolor_category (fixture->repository, outlay_category_get_id (health), "#12Ab9f", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_category_get_color (health), ==, "#12Ab9f");
  g_assert_cmpuint (outlay_test_notified (&log, "color"), ==, 1);
  g_assert_cmpuint (outlay_test_notified (&log, "name"), ==, 0);

  g_assert_false (outlay_repository_recolor_category (fixture->repository, 9999, "#000000", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Stored, not only on the object. */
  outlay_test_fixture_close (fixture);
  outlay_test_fixture_open (fixture);
  g_clear_object (&health);
  health = g_list_model_get_item (outlay_repository_get_categories (fixture->repository), OUTLAY_TEST_HEALTH);
  g_assert_cmpstr (outlay_category_get_color (health), ==, "#12Ab9f");

  g_hash_table_unref (log.counts);
}

static void
assert_order (GListModel        *model,
              const char *const *names)
{
  guint n = g_strv_length ((char **) names);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (outlay_category_get_name (item), ==, names[i]);
    }
  assert_positions_follow_order (model);
}

static void
test_category_move (Fixture      *fixture,
                    gconstpointer user_data)
{
  static const char *const other_first[] = {
    "Other",
    "Food & Drink",
    "Groceries",
    "Transport",
    "Housing",
    "Utilities",
    "Health",
    "Shopping",
    "Entertainment",
    "Travel",
    NULL,
  };
  static const char *const food_fifth[] = {
    "Other",
    "Groceries",
    "Transport",
    "Housing",
    "Food & Drink",
    "Utilities",
    "Health",
    "Shopping",
    "Entertainment",
    "Travel",
    NULL,
  };
  static const char *const travel_second[] = {
    "Other",
    "Travel",
    "Groceries",
    "Transport",
    "Housing",
    "Food & Drink",
    "Utilities",
    "Health",
    "Shopping",
    "Entertainment",
    NULL,
  };
  g_autoptr (GError) error = NULL;
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  g_autoptr (OutlayCategory) other = g_list_model_get_item (model, OUTLAY_TEST_OTHER);
  g_autoptr (OutlayCategory) food = g_list_model_get_item (model, OUTLAY_TEST_FOOD);
  gint64 travel = outlay_test_category (fixture, OUTLAY_TEST_TRAVEL);

  g_assert_true (outlay_repository_move_category (fixture->repository, outlay_category_get_id (other), 0, &error));
  g_assert_no_error (error);
  assert_order (model, other_first);
  {
    g_autoptr (OutlayCategory) first = g_list_model_get_item (model, 0);

    g_assert_true (first == other);
  }

  g_assert_true (outlay_repository_move_category (fixture->repository, outlay_category_get_id (food), 4, &error));
  g_assert_no_error (error);
  assert_order (model, food_fifth);
  g_assert_cmpuint (position_of (model, outlay_category_get_id (food)), ==, 4);

  g_assert_true (outlay_repository_move_category (fixture->repository, travel, 1, &error));
  g_assert_no_error (error);
  assert_order (model, travel_second);

  /* Moving to where it is changes nothing. */
  g_assert_true (outlay_repository_move_category (fixture->repository, travel, 1, &error));
  g_assert_no_error (error);
  assert_order (model, travel_second);

  g_assert_false (outlay_repository_move_category (fixture->repository, travel, 10, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION);
  g_clear_error (&error);
  g_assert_false (outlay_repository_move_category (fixture->repository, 9999, 0, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_order (model, travel_second);

  /* The order is stored. */
  g_clear_object (&other);
  g_clear_object (&food);
  outlay_test_fixture_close (fixture);
  outlay_test_fixture_open (fixture);
  assert_order (outlay_repository_get_categories (fixture->repository), travel_second);
  g_assert_cmpstr (outlay_category_get_name (outlay_repository_get_fallback_category (fixture->repository)), ==,
                   "Other");
}

static void
test_category_delete (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  gint64      transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);
  gint64      other = outlay_test_category (fixture, OUTLAY_TEST_OTHER);
  g_autoptr (OutlayCategory) food = g_list_model_get_item (model, OUTLAY_TEST_FOOD);
  g_autoptr (OutlayExpense) bus = outlay_test_add (fixture, 290, "EUR", "2024-03-01", "Bus", transport);
  g_autoptr (OutlayExpense) train = outlay_test_add (fixture, 2350, "EUR", "2024-03-02", "Train", transport);
  g_autoptr (OutlayExpense) taxi = outlay_test_add (fixture, 1800, "EUR", "2024-03-03", "Taxi", transport);
  g_autoptr (OutlayExpense) lunch =
    outlay_test_add (fixture, 1200, "EUR", "2024-03-03", "Lunch", outlay_category_get_id (food));
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) read = NULL;
  g_autoptr (OutlayExpense) restored = NULL;
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (GArray) totals = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  OutlayCategory  *again;
  guint            n_moved = G_MAXUINT;

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (taxi), &error);
  g_assert_no_error (error);

  g_assert_true (outlay_repository_delete_category (fixture->repository, transport, &n_moved, &error));
  g_assert_no_error (error);

  /* Every expense moved, the deleted one too, and was counted. */
  g_assert_cmpuint (n_moved, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);
  g_assert_null (outlay_repository_lookup_category (fixture->repository, transport));
  g_assert_cmpuint (position_of (model, transport), ==, G_MAXUINT);
  assert_positions_follow_order (model);

  read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (bus), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_category_id (read), ==, other);
  g_clear_object (&read);
  read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (taxi), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_category_id (read), ==, other);
  g_assert_nonnull (outlay_expense_get_deleted_at (read));
  g_clear_object (&read);
  read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (lunch), &error);
  g_assert_true (outlay_expense_equal (read, lunch));

  /* The totals follow: Other now holds the live transport expenses. */
  totals = outlay_repository_totals_by_category (fixture->repository, "EUR", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpint (g_array_index (totals, OutlayCategoryTotal, 0).category_id, ==, other);
  g_assert_cmpint (g_array_index (totals, OutlayCategoryTotal, 0).total, ==, 290 + 2350);
  g_assert_cmpuint (g_array_index (totals, OutlayCategoryTotal, 0).count, ==, 2);
  g_assert_cmpint (g_array_index (totals, OutlayCategoryTotal, 1).category_id, ==, outlay_category_get_id (food));
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* Undoing the deletion of the taxi brings it back in Other. */
  restored = outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (taxi), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_category_id (restored), ==, other);
  g_assert_cmpint (outlay_test_get_total (fixture, "EUR", NULL, NULL).total, ==, 290 + 2350 + 1800 + 1200);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* A deleted category takes no new expense… */
  draft = outlay_test_draft (100, "EUR", "2024-03-05", "Metro", transport);
  outlay_test_assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY);

  /* …and cannot be deleted, renamed or moved again. */
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_false (outlay_repository_delete_category (fixture->repository, transport, &n_moved, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_repository_rename_category (fixture->repository, transport, "Vehicles", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_repository_move_category (fixture->repository, transport, 0, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Other takes the expenses of the others and stays. */
  g_assert_false (outlay_repository_delete_category (fixture->repository, other, &n_moved, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_PROTECTED);
  g_clear_error (&error);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);

  /* Its name is free again. */
  again = outlay_repository_add_category (fixture->repository, "Transport", "bus-symbolic", "#3584e4", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpint (outlay_category_get_id (again), !=, transport);
  g_assert_cmpuint (position_of (model, outlay_category_get_id (again)), ==, 9);
  assert_positions_follow_order (model);

  /* The objects others hold are still the ones in the list. */
  {
    g_autoptr (OutlayCategory) first = g_list_model_get_item (model, OUTLAY_TEST_FOOD);

    g_assert_true (first == food);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/category/add", test_category_add);
  OUTLAY_TEST_ADD ("/repository/category/rename", test_category_rename);
  OUTLAY_TEST_ADD ("/repository/category/recolor", test_category_recolor);
  OUTLAY_TEST_ADD ("/repository/category/move", test_category_move);
  OUTLAY_TEST_ADD ("/repository/category/delete", test_category_delete);

  return g_test_run ();
}
