/* test-external-changes.c
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

/* Two connections on one file, as the window and the command line have:
 * what one commits, the other notices with
 * outlay_repository_check_external_changes(). */

#include "config.h"

#include "outlay-repository.h"
#include "outlay-test-utils.h"

typedef struct
{
  OutlayTestFixture writer; /* the command line */
  OutlayDatabase   *database;
  OutlayRepository *window;
  GArray           *changes; /* OutlayTestChange, of the window's repository */
  guint             n_categories_changed;
} Fixture;

static void
on_categories_changed_cb (OutlayRepository *repository,
                          Fixture          *fixture)
{
  fixture->n_categories_changed++;
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  outlay_test_fixture_setup (&fixture->writer, user_data);

  fixture->database = outlay_database_open (fixture->writer.path, &error);
  g_assert_no_error (error);
  fixture->window = outlay_repository_new (fixture->database);
  fixture->changes = g_array_new (FALSE, TRUE, sizeof (OutlayTestChange));
  g_array_set_clear_func (fixture->changes, outlay_test_change_clear);
  g_signal_connect (fixture->window, "expenses-changed",
                    G_CALLBACK (outlay_test_on_expenses_changed_cb), fixture->changes);
  g_signal_connect (fixture->window, "categories-changed",
                    G_CALLBACK (on_categories_changed_cb), fixture);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_signal_handlers_disconnect_by_data (fixture->window, fixture->changes);
  g_signal_handlers_disconnect_by_data (fixture->window, fixture);
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->database));
  g_clear_pointer (&fixture->changes, g_array_unref);

  outlay_test_fixture_teardown (&fixture->writer, user_data);
}

static void
assert_one_reset (Fixture *fixture)
{
  OutlayTestChange *change;

  g_assert_cmpuint (fixture->changes->len, ==, 1);
  change = &g_array_index (fixture->changes, OutlayTestChange, 0);
  g_assert_cmpint (change->kind, ==, OUTLAY_CHANGE_RESET);
  g_assert_null (change->before);
  g_assert_null (change->after);
  g_assert_false (change->in_transaction);

  g_array_set_size (fixture->changes, 0);
}

static guint
count_in (OutlayRepository *repository)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GError) error = NULL;
  guint count = G_MAXUINT;

  g_assert_true (outlay_repository_count_expenses (repository, query, &count, &error));
  g_assert_no_error (error);

  return count;
}

static void
test_nothing_changed (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_assert_false (outlay_repository_check_external_changes (fixture->window));
  g_assert_false (outlay_repository_check_external_changes (fixture->window));
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpuint (fixture->n_categories_changed, ==, 0);
}

static void
test_expenses (Fixture      *fixture,
               gconstpointer user_data)
{
  gint64 food = outlay_test_category_at (fixture->writer.repository, 0);
  g_autoptr (OutlayExpense) coffee = NULL;
  g_autoptr (OutlayExpense) tea = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (GError) error = NULL;

  coffee = outlay_test_add (&fixture->writer, 420, "EUR", "2024-03-05", "Coffee", food);
  g_assert_true (outlay_repository_check_external_changes (fixture->window));
  assert_one_reset (fixture);
  g_assert_cmpuint (count_in (fixture->window), ==, 1);

  /* Once noticed, the same commit is not reported again. */
  g_assert_false (outlay_repository_check_external_changes (fixture->window));
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* Several commits in between are one reload. */
  tea = outlay_test_add (&fixture->writer, 300, "EUR", "2024-03-06", "Tea", food);
  deleted = outlay_repository_delete_expense (fixture->writer.repository, outlay_expense_get_id (coffee), &error);
  g_assert_no_error (error);
  g_assert_true (outlay_repository_check_external_changes (fixture->window));
  assert_one_reset (fixture);
  g_assert_cmpuint (count_in (fixture->window), ==, 1);

  /* A connection's own writes are its own signals' business, not a
   * change from outside. */
  draft = outlay_test_draft (150, "EUR", "2024-03-07", "Biscuits", food);
  g_clear_object (&deleted);
  deleted = outlay_repository_add_expense (fixture->window, draft, &error);
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);
  g_assert_false (outlay_repository_check_external_changes (fixture->window));
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* …but the other connection sees it. */
  g_assert_true (outlay_repository_check_external_changes (fixture->writer.repository));
  g_assert_cmpuint (outlay_test_count (&fixture->writer), ==, 2);
}

static void
test_categories (Fixture      *fixture,
                 gconstpointer user_data)
{
  GListModel *categories = outlay_repository_get_categories (fixture->window);
  g_autoptr (OutlayCategory) first = g_list_model_get_item (categories, 0);
  OutlayCategory *added;
  g_autoptr (GError) error = NULL;
  guint n = g_list_model_get_n_items (categories);

  added = outlay_repository_add_category (fixture->writer.repository, "Pets", "folder-symbolic", "#986a44", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_true (outlay_repository_rename_category (fixture->writer.repository,
                                                    outlay_test_category_at (fixture->writer.repository, 0),
                                                    "Eating out", &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, n);
  g_assert_true (outlay_repository_check_external_changes (fixture->window));
  g_assert_cmpuint (fixture->n_categories_changed, ==, 1);
  assert_one_reset (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, n + 1);
  g_assert_nonnull (outlay_repository_lookup_category (fixture->window, outlay_category_get_id (added)));
  /* The objects the window holds stay the same and follow the change. */
  g_assert_cmpstr (outlay_category_get_name (first), ==, "Eating out");
}

/* A backup restored from the command line, the window open: its next
 * check sees the old content, categories included. */
static void
test_restore (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autofree char *backup = g_build_filename (fixture->writer.dir, "saved.db", NULL);
  gint64           food = outlay_test_category_at (fixture->writer.repository, 0);
  gint64           travel = outlay_test_category_at (fixture->writer.repository, 8);
  g_autoptr (OutlayExpense) coffee = outlay_test_add (&fixture->writer, 420, "EUR", "2024-03-05", "Coffee", food);
  g_autoptr (OutlayExpense) flight = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_database_backup (fixture->writer.database, backup, &error));
  g_assert_no_error (error);

  flight = outlay_test_add (&fixture->writer, 25000, "EUR", "2024-03-06", "Flight", travel);
  g_assert_true (outlay_repository_delete_category (fixture->writer.repository, travel, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (outlay_repository_check_external_changes (fixture->window));
  g_array_set_size (fixture->changes, 0);
  fixture->n_categories_changed = 0;
  g_assert_null (outlay_repository_lookup_category (fixture->window, travel));
  g_assert_cmpuint (count_in (fixture->window), ==, 2);

  g_assert_true (outlay_database_restore (fixture->writer.database, backup, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (outlay_repository_check_external_changes (fixture->window));
  assert_one_reset (fixture);
  g_assert_cmpuint (fixture->n_categories_changed, ==, 1);
  g_assert_cmpuint (count_in (fixture->window), ==, 1);
  g_assert_nonnull (outlay_repository_lookup_category (fixture->window, travel));
  g_assert_nonnull (outlay_repository_get_fallback_category (fixture->window));

  /* The window goes on writing to the restored file. */
  g_clear_object (&flight);
  {
    g_autoptr (OutlayExpense) draft = outlay_test_draft (800, "EUR", "2024-03-07", "Train", travel);

    flight = outlay_repository_add_expense (fixture->window, draft, &error);
    g_assert_no_error (error);
  }
  outlay_test_assert_summary_consistent (outlay_database_get_handle (fixture->database));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/external-changes/nothing", Fixture, NULL,
              fixture_setup, test_nothing_changed, fixture_teardown);
  g_test_add ("/external-changes/expenses", Fixture, NULL,
              fixture_setup, test_expenses, fixture_teardown);
  g_test_add ("/external-changes/categories", Fixture, NULL,
              fixture_setup, test_categories, fixture_teardown);
  g_test_add ("/external-changes/restore", Fixture, NULL,
              fixture_setup, test_restore, fixture_teardown);

  return g_test_run ();
}
