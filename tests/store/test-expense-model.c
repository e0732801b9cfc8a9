/* test-expense-model.c
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

/* The lazy model against a plain list: after long random sequences of
 * writes and query changes, its contents equal a full query, and replaying
 * every items-changed on a plain copy reproduces it exactly — the same
 * objects at the same positions. */

#include "config.h"

#include "outlay-database-private.h"
#include "outlay-expense-model.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"

typedef struct
{
  OutlayTestFixture   store;
  OutlayRepository   *repository; /* the store's, for short */
  OutlayExpenseModel *model;
  GPtrArray          *copy; /* the replayed list: OutlayExpense, strong refs */
  GRand              *rand;
  gboolean            writing; /* items-changed is expected only while set */
  gboolean            reading; /* set around the test's own reads of the model */
  guint               n_signals;
  guint               n_removed;
  guint               n_added;
} Fixture;

static const char *const words[] = {
  "Coffee",
  "Bakery",
  "Bus ticket",
  "Supermarket",
  "Cinema",
  "Coffee beans",
  "Rent",
  "Pharmacy",
  "Train",
  "Book shop",
  "Café crème",
  "Lunch",
};

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  guint n;

  /* Never from inside get_item() or get_n_items(), never unprompted. */
  g_assert_false (fixture->reading);
  g_assert_true (fixture->writing);

  fixture->n_signals++;
  fixture->n_removed += removed;
  fixture->n_added += added;

  g_assert_cmpuint (position + removed, <=, fixture->copy->len);
  g_ptr_array_remove_range (fixture->copy, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->copy, position + i, g_list_model_get_item (model, position + i));

  /* What the signal says is what the list is, right now. */
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, fixture->copy->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayExpense) item = g_list_model_get_item (model, i);
      g_assert_true (item == g_ptr_array_index (fixture->copy, i));
    }
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  outlay_test_fixture_setup (&fixture->store, data);
  fixture->repository = fixture->store.repository;
  fixture->copy = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->rand = g_rand_new_with_seed (g_test_rand_int ());
}

/* The model must go first: the shared teardown proves that nothing keeps
 * the repository alive. */
static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_pointer (&fixture->copy, g_ptr_array_unref);
  if (fixture->model != NULL)
    g_assert_finalize_object (fixture->model);
  g_rand_free (fixture->rand);
  fixture->repository = NULL;
  outlay_test_fixture_teardown (&fixture->store, data);
}

static gint64
random_category (Fixture *fixture)
{
  GListModel *categories = outlay_repository_get_categories (fixture->repository);
  guint       n = g_list_model_get_n_items (categories);
  g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, g_rand_int_range (fixture->rand, 0, n));

  return outlay_category_get_id (category);
}

static char *
random_day (Fixture *fixture)
{
  /* A few weeks, so that days hold several rows and ties are common. */
  return g_strdup_printf ("2024-03-%02d", g_rand_int_range (fixture->rand, 1, 22));
}

static void
randomize (Fixture       *fixture,
           OutlayExpense *expense)
{
  g_autofree char *day = random_day (fixture);

  outlay_expense_set_amount (expense, g_rand_int_range (fixture->rand, 1, 8) * 125);
  outlay_expense_set_currency (expense, "EUR");
  outlay_expense_set_description (expense, words[g_rand_int_range (fixture->rand, 0, G_N_ELEMENTS (words))]);
  outlay_expense_set_note (expense, g_rand_boolean (fixture->rand) ? "with milk" : "");
  outlay_expense_set_category_id (expense, random_category (fixture));
  outlay_expense_set_occurred_on (expense, day);
}

static OutlayExpense *
add_random (Fixture *fixture)
{
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (GError) error = NULL;
  OutlayExpense *stored;

  randomize (fixture, draft);
  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);

  return stored;
}

typedef const char *(*DescribeFunc) (guint i);

/* Adds @n random expenses in one write; @describe, when given, says what
 * the i-th is. */
static void
add_many (Fixture     *fixture,
          guint        n,
          DescribeFunc describe)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      OutlayExpense *draft = outlay_expense_new ();

      randomize (fixture, draft);
      if (describe != NULL)
        outlay_expense_set_description (draft, describe (i));
      g_ptr_array_add (drafts, draft);
    }
  outlay_repository_add_expenses (fixture->repository, (OutlayExpense **) drafts->pdata, drafts->len, &error);
  g_assert_no_error (error);
}

/* Any expense, deleted or not. */
static gint64
random_id (Fixture *fixture)
{
  sqlite3      *db = outlay_database_get_handle (fixture->store.database);
  sqlite3_stmt *stmt = NULL;
  gint64        max_id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max(id) FROM expenses", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return max_id > 0 ? g_rand_int_range (fixture->rand, 1, max_id + 1) : 0;
}

static void
assert_model_matches_query (Fixture *fixture)
{
  const OutlayQuery *query = outlay_expense_model_get_query (fixture->model);
  g_autoptr (GPtrArray) reference = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  reference = outlay_repository_find_expenses (fixture->repository, query, 0, 0, &error);
  g_assert_no_error (error);

  fixture->reading = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
  g_assert_cmpuint (n, ==, reference->len);
  g_assert_cmpuint (fixture->copy->len, ==, reference->len);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayExpense) item = g_list_model_get_item (G_LIST_MODEL (fixture->model), i);
      OutlayExpense *expected = g_ptr_array_index (reference, i);

      /* The same values as a fresh read, and the same object as replayed. */
      g_assert_true (outlay_expense_equal (item, expected));
      g_assert_true (item == g_ptr_array_index (fixture->copy, i));
    }

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->model), n));
  fixture->reading = FALSE;
}

static void
random_query (Fixture     *fixture,
              OutlayQuery *query)
{
  gint64 categories[2] = { random_category (fixture), random_category (fixture) };
  guint  kind = g_rand_int_range (fixture->rand, 0, 12);

  outlay_query_set_text (query, NULL);
  outlay_query_set_categories (query, NULL, 0);
  outlay_query_set_date_range (query, NULL, NULL);
  outlay_query_set_amount_range (query, G_MININT64, G_MAXINT64);
  outlay_query_set_sort (query, OUTLAY_SORT_DATE, TRUE);

  switch (kind)
    {
    case 0:
      break;

    case 1:
      outlay_query_set_sort (query, OUTLAY_SORT_DATE, FALSE);
      break;

    case 2:
      outlay_query_set_categories (query, categories, 1);
      break;

    case 3:
      outlay_query_set_categories (query, categories, 2);
      outlay_query_set_date_range (query, "2024-03-05", "2024-03-15");
      break;

    case 4:
      outlay_query_set_text (query, "coffee");
      break;

    case 5:
      outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, g_rand_boolean (fixture->rand));
      break;

    case 6:
      outlay_query_set_sort (query, OUTLAY_SORT_DESCRIPTION, g_rand_boolean (fixture->rand));
      break;

    case 7:
      outlay_query_set_amount_range (query, 250, 625);
      outlay_query_set_sort (query, OUTLAY_SORT_DATE, g_rand_boolean (fixture->rand));
      break;

    case 8:
      outlay_query_set_text (query, "caf");
      outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, TRUE);
      break;

    /* Searches that walk an index (many matches, an order and filters an
     * index has) and those that do not. */
    case 9:
      outlay_query_set_text (query, "with");
      outlay_query_set_date_range (query, "2024-03-01", "2024-03-20");
      outlay_query_set_sort (query, OUTLAY_SORT_DATE, g_rand_boolean (fixture->rand));
      break;

    case 10:
      outlay_query_set_text (query, "milk");
      outlay_query_set_amount_range (query, 250, 750);
      outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, g_rand_boolean (fixture->rand));
      break;

    case 11:
    default:
      outlay_query_set_text (query, "with");
      outlay_query_set_categories (query, categories, 1);
      break;
    }
}

/* One write that touches one row: at most one row leaves and one arrives. */
static void
assert_single_row_signals (Fixture *fixture)
{
  g_assert_cmpuint (fixture->n_removed, <=, 1);
  g_assert_cmpuint (fixture->n_added, <=, 1);
  g_assert_cmpuint (fixture->n_signals, <=, 2);
}

static void
random_step (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  guint op = g_rand_int_range (fixture->rand, 0, 100);

  fixture->n_signals = fixture->n_removed = fixture->n_added = 0;
  fixture->writing = TRUE;

  if (op < 30)
    {
      g_autoptr (OutlayExpense) added = add_random (fixture);
      assert_single_row_signals (fixture);
    }
  else if (op < 60)
    {
      g_autoptr (OutlayExpense) expense =
        outlay_repository_get_expense (fixture->repository, random_id (fixture), NULL);
      g_autoptr (OutlayExpense) updated = NULL;

      if (expense != NULL && outlay_expense_get_deleted_at (expense) == NULL)
        {
          /* Change one thing, or everything. */
          switch (g_rand_int_range (fixture->rand, 0, 4))
            {
            case 0:
              outlay_expense_set_amount (expense, g_rand_int_range (fixture->rand, 1, 8) * 125);
              break;
            case 1:
              {
                g_autofree char *day = random_day (fixture);
                outlay_expense_set_occurred_on (expense, day);
              }
              break;
            case 2:
              outlay_expense_set_category_id (expense, random_category (fixture));
              break;
            default:
              randomize (fixture, expense);
              break;
            }
          updated = outlay_repository_update_expense (fixture->repository, expense, &error);
          g_assert_no_error (error);
        }
      assert_single_row_signals (fixture);
    }
  else if (op < 78)
    {
      g_autoptr (OutlayExpense) expense =
        outlay_repository_get_expense (fixture->repository, random_id (fixture), NULL);
      g_autoptr (OutlayExpense) changed = NULL;

      if (expense != NULL && outlay_expense_get_deleted_at (expense) == NULL)
        changed = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (expense), &error);
      else if (expense != NULL)
        changed = outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (expense), &error);
      g_assert_no_error (error);
      assert_single_row_signals (fixture);
    }
  else if (op < 93)
    {
      g_autoptr (OutlayQuery) query = outlay_query_new ();

      random_query (fixture, query);
      outlay_expense_model_set_query (fixture->model, query);
    }
  else if (op < 98)
    add_many (fixture, 3, NULL);
  else
    {
      /* Deleting a category moves its rows to Other: a reset. */
      g_autofree char *name = g_strdup_printf ("Category %u", g_rand_int (fixture->rand));
      OutlayCategory  *category = outlay_repository_add_category (fixture->repository, name,
                                                                  "tag-symbolic", "#3584e4", &error);
      g_autoptr (OutlayExpense) draft = outlay_expense_new ();
      g_autoptr (OutlayExpense) stored = NULL;

      g_assert_no_error (error);
      randomize (fixture, draft);
      outlay_expense_set_category_id (draft, outlay_category_get_id (category));
      stored = outlay_repository_add_expense (fixture->repository, draft, &error);
      g_assert_no_error (error);
      outlay_repository_delete_category (fixture->repository, outlay_category_get_id (category), NULL, &error);
      g_assert_no_error (error);
    }

  fixture->writing = FALSE;
}

static void
test_random_operations (Fixture      *fixture,
                        gconstpointer data)
{
  guint n_steps = g_test_slow () ? 3000 : 600;

  for (guint i = 0; i < 60; i++)
    g_object_unref (add_random (fixture));

  fixture->model = outlay_expense_model_new (fixture->repository);
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);

  fixture->reading = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->model)); i++)
    g_ptr_array_add (fixture->copy, g_list_model_get_item (G_LIST_MODEL (fixture->model), i));
  fixture->reading = FALSE;
  assert_model_matches_query (fixture);

  for (guint i = 0; i < n_steps; i++)
    {
      random_step (fixture);

      /* Every other step goes on while a query is still being read: a
       * newer query or a write comes first. */
      if (g_rand_boolean (fixture->rand))
        continue;

      fixture->writing = TRUE;
      outlay_test_wait_for_model (fixture->model);
      fixture->writing = FALSE;
      assert_model_matches_query (fixture);
    }
}

static void
test_position_keeps_object (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr (OutlayExpense) held = NULL;
  g_autoptr (OutlayExpense) again = NULL;
  g_autoptr (OutlayExpense) updated = NULL;
  g_autoptr (GError) error = NULL;
  guint notified = 0;

  /* Far more rows than the model caches, so pages come and go. */
  for (guint i = 0; i < 2000; i++)
    g_object_unref (add_random (fixture));

  fixture->model = outlay_expense_model_new (fixture->repository);
  held = g_list_model_get_item (G_LIST_MODEL (fixture->model), 10);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->model)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (fixture->model), i));

  again = g_list_model_get_item (G_LIST_MODEL (fixture->model), 10);
  g_assert_true (again == held);

  /* A change reaches the held object, which notifies what changed. */
  g_signal_connect_swapped (held, "notify::description", G_CALLBACK (g_atomic_int_inc), &notified);
  {
    g_autoptr (OutlayExpense) copy = outlay_expense_copy (held);

    outlay_expense_set_description (copy, "Renamed in place");
    updated = outlay_repository_update_expense (fixture->repository, copy, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (outlay_expense_get_description (held), ==, "Renamed in place");
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_signals_are_minimal (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr (OutlayExpense) expense = NULL;
  g_autoptr (OutlayExpense) changed = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_object_unref (add_random (fixture));

  fixture->model = outlay_expense_model_new (fixture->repository);
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
  fixture->reading = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->model)); i++)
    g_ptr_array_add (fixture->copy, g_list_model_get_item (G_LIST_MODEL (fixture->model), i));
  fixture->reading = FALSE;

  /* An amount change in a list sorted by date moves nothing: no signal. */
  expense = g_list_model_get_item (G_LIST_MODEL (fixture->model), 50);
  {
    g_autoptr (OutlayExpense) copy = outlay_expense_copy (expense);

    outlay_expense_set_amount (copy, outlay_expense_get_amount (copy) + 1);
    fixture->writing = TRUE;
    changed = outlay_repository_update_expense (fixture->repository, copy, &error);
    fixture->writing = FALSE;
    g_assert_no_error (error);
  }
  g_assert_cmpuint (fixture->n_signals, ==, 0);

  /* A delete is one removal at its position; undo puts it back. */
  g_clear_object (&changed);
  fixture->writing = TRUE;
  changed = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (expense), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_signals, ==, 1);
  g_assert_cmpuint (fixture->n_removed, ==, 1);
  g_assert_cmpuint (fixture->n_added, ==, 0);
  g_clear_object (&changed);
  changed = outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (expense), &error);
  g_assert_no_error (error);
  fixture->writing = FALSE;
  g_assert_cmpuint (fixture->n_signals, ==, 2);
  g_assert_cmpuint (fixture->n_added, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->copy, 50) == expense);

  /* A filter the change does not touch hears nothing. */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (OutlayExpense) other = outlay_expense_new ();
    g_autoptr (OutlayExpense) stored = NULL;
    OutlayCategory *fallback = outlay_repository_get_fallback_category (fixture->repository);
    gint64          first = 1;

    g_assert_cmpint (outlay_category_get_id (fallback), !=, first);
    outlay_query_set_categories (query, &first, 1);
    fixture->writing = TRUE;
    outlay_expense_model_set_query (fixture->model, query);
    fixture->n_signals = 0;
    randomize (fixture, other);
    outlay_expense_set_category_id (other, outlay_category_get_id (fallback));
    stored = outlay_repository_add_expense (fixture->repository, other, &error);
    fixture->writing = FALSE;
    g_assert_no_error (error);
    g_assert_cmpuint (fixture->n_signals, ==, 0);
  }

  assert_model_matches_query (fixture);
}

/* Sets @query and waits until the model shows all of it, every change
 * replayed into fixture->copy. */
static void
show_query (Fixture           *fixture,
            const OutlayQuery *query)
{
  outlay_expense_model_set_query (fixture->model, query);
  fixture->writing = TRUE;
  outlay_test_wait_for_model (fixture->model);
  fixture->writing = FALSE;
}

static OutlayQuery *
text_query (const char *text)
{
  OutlayQuery *query = outlay_query_new ();

  outlay_query_set_text (query, text);

  return query;
}

/* Lets a read that was cancelled come back, if it is going to. */
static void
let_workers_finish (void)
{
  gint64 until = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
test_search_is_read_in_a_worker (Fixture      *fixture,
                                 gconstpointer data)
{
  g_autoptr (OutlayQuery) coffee = text_query ("coffee");
  g_autoptr (OutlayQuery) bus = text_query ("bus");
  g_autoptr (OutlayQuery) bus_ticket = text_query ("bus ticket");
  g_autoptr (GPtrArray) buses = NULL;
  g_autoptr (GError) error = NULL;
  guint n_all;

  for (guint i = 0; i < 300; i++)
    g_object_unref (add_random (fixture));

  fixture->model = outlay_expense_model_new (fixture->repository);
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
  fixture->reading = TRUE;
  n_all = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
  for (guint i = 0; i < n_all; i++)
    g_ptr_array_add (fixture->copy, g_list_model_get_item (G_LIST_MODEL (fixture->model), i));
  fixture->reading = FALSE;

  /* The list keeps showing every expense while the search is read... */
  outlay_expense_model_set_query (fixture->model, coffee);
  g_assert_true (outlay_expense_model_is_loading (fixture->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, n_all);
  g_assert_cmpstr (outlay_query_get_text (outlay_expense_model_get_query (fixture->model)), ==, "coffee");

  /* ...and a newer search replaces it before it is shown. */
  outlay_expense_model_set_query (fixture->model, bus);
  fixture->writing = TRUE;
  outlay_test_wait_for_model (fixture->model);
  let_workers_finish ();
  fixture->writing = FALSE;

  buses = outlay_repository_find_expenses (fixture->repository, bus, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (buses->len, >, 0);
  g_assert_cmpuint (buses->len, <, n_all);
  g_assert_cmpuint (fixture->n_signals, ==, 1);
  g_assert_cmpuint (fixture->n_removed, ==, n_all);
  g_assert_cmpuint (fixture->n_added, ==, buses->len);
  assert_model_matches_query (fixture);

  /* A search that finds the same rows changes nothing. */
  fixture->n_signals = 0;
  show_query (fixture, bus_ticket);
  g_assert_cmpuint (fixture->n_signals, ==, 0);
  g_assert_cmpstr (outlay_query_get_text (outlay_expense_model_get_query (fixture->model)), ==, "bus ticket");
  assert_model_matches_query (fixture);

  /* Typing back to what is shown drops the read under way. */
  outlay_expense_model_set_query (fixture->model, coffee);
  outlay_expense_model_set_query (fixture->model, bus_ticket);
  g_assert_false (outlay_expense_model_is_loading (fixture->model));
  let_workers_finish ();
  g_assert_cmpuint (fixture->n_signals, ==, 0);
  assert_model_matches_query (fixture);

  /* A write while a search is read is in what the list then shows. */
  outlay_expense_model_set_query (fixture->model, coffee);
  fixture->writing = TRUE;
  {
    g_autoptr (OutlayExpense) draft = outlay_expense_new ();
    g_autoptr (OutlayExpense) stored = NULL;

    randomize (fixture, draft);
    outlay_expense_set_description (draft, "Coffee to go");
    outlay_expense_set_occurred_on (draft, "2099-01-01");
    stored = outlay_repository_add_expense (fixture->repository, draft, &error);
    g_assert_no_error (error);
    outlay_test_wait_for_model (fixture->model);
    fixture->writing = FALSE;

    fixture->reading = TRUE;
    {
      g_autoptr (OutlayExpense) first = g_list_model_get_item (G_LIST_MODEL (fixture->model), 0);
      g_assert_cmpint (outlay_expense_get_id (first), ==, outlay_expense_get_id (stored));
    }
    fixture->reading = FALSE;
  }
  assert_model_matches_query (fixture);
}

typedef struct
{
  guint    position;
  guint    removed;
  guint    added;
  gboolean loading;
} Signal;

static void
record_signal_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *signals)
{
  Signal signal = { position, removed, added, outlay_expense_model_is_loading (OUTLAY_EXPENSE_MODEL (model)) };

  g_array_append_val (signals, signal);
}

static void
assert_signal (GArray  *signals,
               guint    i,
               guint    position,
               guint    removed,
               guint    added,
               gboolean loading)
{
  const Signal *signal = &g_array_index (signals, Signal, i);

  g_assert_cmpuint (signal->position, ==, position);
  g_assert_cmpuint (signal->removed, ==, removed);
  g_assert_cmpuint (signal->added, ==, added);
  g_assert_cmpint (signal->loading, ==, loading);
}

/* A model of every expense, replayed into fixture->copy and recorded in
 * @signals at every change; returns how many rows it has. */
static guint
watch_new_model (Fixture *fixture,
                 GArray  *signals)
{
  guint n;

  fixture->model = outlay_expense_model_new (fixture->repository);
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (record_signal_cb), signals);
  fixture->reading = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (fixture->copy, g_list_model_get_item (G_LIST_MODEL (fixture->model), i));
  fixture->reading = FALSE;

  return n;
}

/* Three coffees in four, one rare word: 4 matches in 400 rows is too few
 * for the first page to come on its own. */
static const char *
describe_few_rare (guint i)
{
  if (i % 100 == 7)
    return "Rare stamp";
  return i % 4 != 0 ? "Coffee" : "Bus ticket";
}

/* A search that matches many expenses shows its first page while the rest
 * is read, then adds the rest below it: what the person sees first never
 * moves, and the list says it is loading until it is whole. */
static void
test_first_page_comes_first (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr (OutlayQuery) coffee = text_query ("coffee");
  g_autoptr (OutlayQuery) by_amount = text_query ("coffee");
  g_autoptr (OutlayQuery) rare = text_query ("rare");
  g_autoptr (GArray) signals = g_array_new (FALSE, FALSE, sizeof (Signal));
  guint n_coffees = 0;
  guint n_all;

  add_many (fixture, 400, describe_few_rare);
  for (guint i = 0; i < 400; i++)
    n_coffees += g_str_equal (describe_few_rare (i), "Coffee");

  n_all = watch_new_model (fixture, signals);
  g_assert_cmpuint (n_all, ==, 400);

  show_query (fixture, coffee);

  /* The first 64, still loading; then the rest below them. */
  g_assert_cmpuint (signals->len, ==, 2);
  assert_signal (signals, 0, 0, n_all, 64, TRUE);
  assert_signal (signals, 1, 64, 0, n_coffees - 64, TRUE);
  g_assert_false (outlay_expense_model_is_loading (fixture->model));
  assert_model_matches_query (fixture);

  /* Another order of the same search: its own first page, then the rest. */
  g_array_set_size (signals, 0);
  outlay_query_set_sort (by_amount, OUTLAY_SORT_AMOUNT, FALSE);
  show_query (fixture, by_amount);
  g_assert_cmpuint (signals->len, >=, 2);
  assert_signal (signals, signals->len - 1, 64, 0, n_coffees - 64, TRUE);
  assert_model_matches_query (fixture);

  /* A rare word comes whole, in one change. */
  g_array_set_size (signals, 0);
  show_query (fixture, rare);
  g_assert_cmpuint (signals->len, ==, 1);
  assert_signal (signals, 0, 0, n_coffees, 4, TRUE);
  assert_model_matches_query (fixture);

  /* An order no index has: its first page, sorted alone, then the rest. */
  {
    g_autoptr (OutlayQuery) by_description = outlay_query_new ();

    g_array_set_size (signals, 0);
    outlay_query_set_sort (by_description, OUTLAY_SORT_DESCRIPTION, FALSE);
    show_query (fixture, by_description);
    g_assert_cmpuint (signals->len, ==, 2);
    assert_signal (signals, 0, 0, 4, 64, TRUE);
    assert_signal (signals, 1, 64, 0, n_all - 64, TRUE);
    assert_model_matches_query (fixture);
  }
}

/* A change of many rows is a removal and then an addition, so that GTK has
 * no added rows to look through for the rows it follows; the list is what
 * each signal says. */
static void
test_large_change_is_split (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr (OutlayQuery) by_amount = outlay_query_new ();
  g_autoptr (OutlayQuery) by_date = outlay_query_new ();
  g_autoptr (GArray) signals = g_array_new (FALSE, FALSE, sizeof (Signal));
  guint n_all;

  add_many (fixture, 1200, NULL);
  n_all = watch_new_model (fixture, signals);

  /* Read in a worker: its first page replaces the list (64 rows to look
   * through), the rest is added below. */
  outlay_query_set_sort (by_amount, OUTLAY_SORT_AMOUNT, TRUE);
  show_query (fixture, by_amount);
  g_assert_cmpuint (signals->len, ==, 2);
  assert_signal (signals, 0, 0, n_all, 64, TRUE);
  assert_signal (signals, 1, 64, 0, n_all - 64, TRUE);
  assert_model_matches_query (fixture);

  /* Back to days, read at once: all of it goes, then all of it comes. */
  g_array_set_size (signals, 0);
  fixture->writing = TRUE;
  outlay_expense_model_set_query (fixture->model, by_date);
  fixture->writing = FALSE;
  g_assert_cmpuint (signals->len, ==, 2);
  assert_signal (signals, 0, 0, n_all, 0, FALSE);
  assert_signal (signals, 1, 0, 0, n_all, FALSE);
  assert_model_matches_query (fixture);
}

/* A write in a list that is slow to read (a search of a large ledger,
 * another order) is followed by reading the list again in the worker: no
 * signal at once, then the smallest change once it is read. */
static void
test_long_list_follows_in_worker (Fixture      *fixture,
                                  gconstpointer data)
{
  g_autoptr (OutlayQuery) by_amount = outlay_query_new ();
  g_autoptr (GArray) signals = g_array_new (FALSE, FALSE, sizeof (Signal));
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (OutlayExpense) cheapest = NULL;
  g_autoptr (GError) error = NULL;
  guint n_all;

  for (guint i = 0; i < 100; i++)
    g_object_unref (add_random (fixture));

  watch_new_model (fixture, signals);
  outlay_expense_model_set_follow_in_worker (fixture->model, TRUE);
  outlay_query_set_sort (by_amount, OUTLAY_SORT_AMOUNT, FALSE);
  fixture->writing = TRUE;
  outlay_expense_model_set_query (fixture->model, by_amount);
  outlay_test_wait_for_model (fixture->model);
  fixture->writing = FALSE;
  n_all = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
  assert_model_matches_query (fixture);

  /* The cheapest of all: first, once the list is read again. */
  g_array_set_size (signals, 0);
  randomize (fixture, draft);
  outlay_expense_set_amount (draft, 1);
  fixture->writing = TRUE;
  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signals->len, ==, 0);
  g_assert_true (outlay_expense_model_is_loading (fixture->model));
  outlay_test_wait_for_model (fixture->model);
  fixture->writing = FALSE;
  g_assert_cmpuint (signals->len, ==, 1);
  assert_signal (signals, 0, 0, 0, 1, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, n_all + 1);
  assert_model_matches_query (fixture);

  /* A row that changes and stays put: its object shows it at once, and
   * the list does not change. */
  g_array_set_size (signals, 0);
  cheapest = g_list_model_get_item (G_LIST_MODEL (fixture->model), 0);
  {
    g_autoptr (OutlayExpense) edited = outlay_expense_copy (cheapest);
    g_autoptr (OutlayExpense) saved = NULL;

    outlay_expense_set_description (edited, "Chewing gum");
    fixture->writing = TRUE;
    saved = outlay_repository_update_expense (fixture->repository, edited, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (outlay_expense_get_description (cheapest), ==, "Chewing gum");
    outlay_test_wait_for_model (fixture->model);
    fixture->writing = FALSE;
  }
  g_assert_cmpuint (signals->len, ==, 0);
  assert_model_matches_query (fixture);

  /* Deleted: gone, once read again. */
  fixture->writing = TRUE;
  {
    g_autoptr (OutlayExpense) deleted = outlay_repository_delete_expense (fixture->repository,
                                                                          outlay_expense_get_id (stored), &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (signals->len, ==, 0);
  outlay_test_wait_for_model (fixture->model);
  fixture->writing = FALSE;
  g_assert_cmpuint (signals->len, ==, 1);
  assert_signal (signals, 0, 0, 1, 0, TRUE);
  assert_model_matches_query (fixture);
}

static const char *
describe_mostly_coffee (guint i)
{
  return i < 30000 ? "Coffee" : "Bus ticket";
}

/* Back to a search whose first page is shown, before the search typed
 * since has shown anything: the rest of it is read. The first page of
 * 30,000 matches comes long before the rest; should both come at once,
 * the list is whole already and the test passes as it should. */
static void
test_back_to_a_first_page (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr (OutlayQuery) coffee = text_query ("coffee");
  g_autoptr (OutlayQuery) bus = text_query ("bus");
  g_autoptr (GArray) signals = g_array_new (FALSE, FALSE, sizeof (Signal));
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);

  add_many (fixture, 31000, describe_mostly_coffee);

  fixture->model = outlay_expense_model_new (fixture->repository);
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (record_signal_cb), signals);

  outlay_expense_model_set_query (fixture->model, coffee);
  while (signals->len == 0)
    g_main_context_iteration (NULL, TRUE);
  if (outlay_expense_model_is_loading (fixture->model))
    {
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 64);
      outlay_expense_model_set_query (fixture->model, bus);
      outlay_expense_model_set_query (fixture->model, coffee);
      g_assert_true (outlay_expense_model_is_loading (fixture->model));
    }
  outlay_test_wait_for_model (fixture->model);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 30000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/expense-model/random-operations", test_random_operations);
  ADD ("/expense-model/position-keeps-object", test_position_keeps_object);
  ADD ("/expense-model/signals-are-minimal", test_signals_are_minimal);
  ADD ("/expense-model/search-is-read-in-a-worker", test_search_is_read_in_a_worker);
  ADD ("/expense-model/first-page-comes-first", test_first_page_comes_first);
  ADD ("/expense-model/large-change-is-split", test_large_change_is_split);
  ADD ("/expense-model/long-list-follows-in-worker", test_long_list_follows_in_worker);
  ADD ("/expense-model/back-to-a-first-page", test_back_to_a_first_page);

#undef ADD

  return g_test_run ();
}
