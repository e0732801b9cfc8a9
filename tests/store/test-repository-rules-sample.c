/* test-repository-rules-sample.c
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

/* A rule tried against the ledger: its count and the newest of what it
 * matches, across chunks, and a cancelled try. */

#include "config.h"

#include "outlay-repository.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

static void
add_many (Fixture *fixture,
          guint    n)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 other = outlay_test_category (fixture, OUTLAY_TEST_OTHER);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *description = g_strdup_printf ("%s %u", i % 3 == 0 ? "Bäckerei" : "Kiosk", i);

      g_ptr_array_add (drafts, outlay_test_draft (100 + i, "EUR", "2024-07-01", description, other));
    }
  g_assert_true (outlay_repository_add_expenses (fixture->repository, (OutlayExpense **) drafts->pdata, drafts->len,
                                                 &error));
  g_assert_no_error (error);
}

static OutlayCategoryRule *
draft (const char *pattern)
{
  OutlayCategoryRule *rule = outlay_category_rule_new ();
  const char         *patterns[] = { pattern, NULL };

  outlay_category_rule_set_patterns (rule, patterns);
  return rule;
}

static void
test_sample (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) rule = draft ("BACKEREI");
  g_autoptr (OutlayCategoryRule) none = draft ("nowhere");
  g_autoptr (GPtrArray) expenses = NULL;
  g_autoptr (GError) error = NULL;
  guint count = 0;
  guint counted = 0;

  add_many (fixture, 20000);
  g_assert_true (outlay_repository_sample_rule_matches (fixture->repository, rule, 5, NULL, &count, &expenses,
                                                        &error));
  g_assert_no_error (error);
  g_assert_true (outlay_repository_count_rule_matches (fixture->repository, rule, NULL, &counted, &error));
  g_assert_cmpuint (count, ==, 6667);
  g_assert_cmpuint (count, ==, counted);
  /* The newest first: the last written down. */
  g_assert_cmpuint (expenses->len, ==, 5);
  g_assert_cmpstr (outlay_expense_get_description (g_ptr_array_index (expenses, 0)), ==, "Bäckerei 19998");
  g_assert_cmpstr (outlay_expense_get_description (g_ptr_array_index (expenses, 4)), ==, "Bäckerei 19986");
  g_clear_pointer (&expenses, g_ptr_array_unref);

  g_assert_true (outlay_repository_sample_rule_matches (fixture->repository, none, 5, NULL, &count, &expenses,
                                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 0);
  g_assert_cmpuint (expenses->len, ==, 0);
}

static void
test_cancelled (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) rule = draft ("backerei");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) expenses = NULL;
  g_autoptr (GError) error = NULL;
  guint count = 0;

  add_many (fixture, 10);
  g_cancellable_cancel (cancellable);
  g_assert_false (outlay_repository_sample_rule_matches (fixture->repository, rule, 5, cancellable, &count,
                                                         &expenses, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (expenses);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/rules-sample/sample", test_sample);
  OUTLAY_TEST_ADD ("/repository/rules-sample/cancelled", test_cancelled);

  return g_test_run ();
}
