/* test-repository.c
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

#include "outlay-period.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

/* Queries */

typedef struct
{
  gint64      amount;
  const char *currency;
  const char *occurred_on;
  const char *description;
  const char *note;
  guint       category;
  gboolean    deleted;
} SampleRow;

static const SampleRow samples[] = {
  /*  0 */ { 450, "EUR", "2024-03-01", "Café au lait", "", OUTLAY_TEST_FOOD, FALSE },
  /*  1 */ { 1290, "EUR", "2024-03-01", "Cafeteria lunch", "", OUTLAY_TEST_FOOD, FALSE },
  /*  2 */ { 899, "EUR", "2024-02-14", "Coffee beans", "Bought at the café on the corner",
              OUTLAY_TEST_GROCERIES, FALSE },
  /*  3 */ { 290, "EUR", "2024-03-05", "Bus ticket", "", OUTLAY_TEST_TRANSPORT, FALSE },
  /*  4 */ { 2350, "EUR", "2024-01-20", "Train ticket to Lyon", "", OUTLAY_TEST_TRANSPORT, FALSE },
  /*  5 */ { 1290, "EUR", "2024-03-05", "Lunch with \"Bob\"", "", OUTLAY_TEST_FOOD, FALSE },
  /*  6 */ { 85000, "EUR", "2024-03-01", "rent", "March", OUTLAY_TEST_HOUSING, FALSE },
  /*  7 */ { 85000, "EUR", "2024-02-01", "Rent", "February", OUTLAY_TEST_HOUSING, FALSE },
  /*  8 */ { 4312, "EUR", "2024-02-20", "Groceries at Lidl", "", OUTLAY_TEST_GROCERIES, FALSE },
  /*  9 */ { 1999, "USD", "2024-02-20", "Book", "", OUTLAY_TEST_SHOPPING, FALSE },
  /* 10 */ { 1500, "EUR", "2024-03-05", "Cinema", "Dune, part two", OUTLAY_TEST_ENTERTAINMENT, FALSE },
  /* 11 */ { 700, "EUR", "2024-03-02", "Coffee", "", OUTLAY_TEST_FOOD, TRUE },
  /* 12 */ { 1290, "EUR", "2024-03-01", "Rent", "Garage", OUTLAY_TEST_HOUSING, FALSE },
};

#define N_SAMPLES G_N_ELEMENTS (samples)
#define SAMPLE(i) (1u << (i))
#define ALL_SAMPLES ((1u << N_SAMPLES) - 1)

typedef struct
{
  gint64 ids[N_SAMPLES];
  gint64 category_ids[N_SAMPLES];
} Samples;

static void
add_samples (Fixture *fixture,
             Samples *out)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < N_SAMPLES; i++)
    {
      const SampleRow *row = &samples[i];
      g_autoptr (OutlayExpense) stored =
        outlay_test_add (fixture, row->amount, row->currency, row->occurred_on, row->description,
                         outlay_test_category (fixture, row->category));

      if (row->note[0] != '\0')
        {
          g_autoptr (OutlayExpense) updated = NULL;

          outlay_expense_set_note (stored, row->note);
          updated = outlay_repository_update_expense (fixture->repository, stored, &error);
          g_assert_no_error (error);
        }

      if (row->deleted)
        {
          g_autoptr (OutlayExpense) deleted = outlay_repository_delete_expense (fixture->repository,
                                                                                outlay_expense_get_id (stored),
                                                                                &error);
          g_assert_no_error (error);
        }

      out->ids[i] = outlay_expense_get_id (stored);
      out->category_ids[i] = outlay_expense_get_category_id (stored);
    }
}

typedef struct
{
  gint64           id;
  const SampleRow *row;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortItem    *x = a;
  const SortItem    *y = b;
  const OutlayQuery *query = user_data;
  int                result = 0;

  if (outlay_query_get_sort_field (query) == OUTLAY_SORT_AMOUNT)
    result = (x->row->amount > y->row->amount) - (x->row->amount < y->row->amount);
  else if (outlay_query_get_sort_field (query) == OUTLAY_SORT_DESCRIPTION)
    result = g_ascii_strcasecmp (x->row->description, y->row->description);
  else
    result = strcmp (x->row->occurred_on, y->row->occurred_on);

  /* Ties go by id, in the same direction. */
  if (result == 0)
    result = (x->id > y->id) - (x->id < y->id);

  return outlay_query_get_descending (query) ? -result : result;
}

/* The ids of the live samples in @mask, in the order of @query. */
static GArray *
expected_ids (const Samples     *data,
              const OutlayQuery *query,
              guint              mask)
{
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < N_SAMPLES; i++)
    {
      SortItem item = { data->ids[i], &samples[i] };

      if ((mask & SAMPLE (i)) != 0 && !samples[i].deleted)
        g_array_append_val (items, item);
    }

  g_array_sort_with_data (items, compare_items, (gpointer) query);

  for (guint i = 0; i < items->len; i++)
    g_array_append_val (ids, g_array_index (items, SortItem, i).id);

  return ids;
}

static char *
ids_to_string (GArray *ids)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", g_array_index (ids, gint64, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Every way to read a query gives the expected expenses, in order. */
static void
check_query (Fixture           *fixture,
             const Samples     *data,
             const OutlayQuery *query,
             guint              mask)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) expected = expected_ids (data, query, mask);
  g_autoptr (GArray) ids = outlay_test_find_ids (fixture, query);
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *expected_text = ids_to_string (expected);
  g_autofree char *ids_text = ids_to_string (ids);
  guint            count = G_MAXUINT;

  g_assert_cmpstr (ids_text, ==, expected_text);

  found = outlay_repository_find_expenses (fixture->repository, query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, expected->len);
  for (guint i = 0; i < found->len; i++)
    {
      OutlayExpense *expense = g_ptr_array_index (found, i);
      g_autoptr (OutlayExpense) read =
        outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (expense), &error);

      g_assert_cmpint (outlay_expense_get_id (expense), ==, g_array_index (expected, gint64, i));
      g_assert_true (outlay_expense_equal (expense, read));
    }

  g_assert_true (outlay_repository_count_expenses (fixture->repository, query, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, expected->len);

  /* Pages are slices of the whole. */
  for (guint offset = 0; offset <= expected->len; offset++)
    {
      g_autoptr (GPtrArray) page = outlay_repository_find_expenses (fixture->repository, query, offset, 2, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (2, expected->len - offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpint (outlay_expense_get_id (g_ptr_array_index (page, i)), ==,
                         g_array_index (expected, gint64, offset + i));
    }
}

static void
check_text (Fixture       *fixture,
            const Samples *data,
            const char    *text,
            guint          mask)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();

  g_test_message ("Searching for ‘%s’", text);
  outlay_query_set_text (query, text);
  check_query (fixture, data, query, mask);
}

static void
test_query_text (Fixture      *fixture,
                 gconstpointer user_data)
{
  static const char *const odd[] = {
    "\"",
    "\"\"",
    "\"\"\"",
    "'",
    "it's",
    "*",
    "-",
    "^",
    "+",
    ":",
    "(",
    ")",
    "NEAR(",
    "NEAR(bus train)",
    "AND",
    "OR",
    "NOT",
    "bus OR train",
    "bus NOT train",
    "description:rent",
    "{description}: rent",
    "\"bus",
    "bus\"",
    "\\",
    "%",
    "_",
    "ticket*",
    "bus\"*",
    "\xe2\x80\x8b",
  };
  Samples data;

  add_samples (fixture, &data);

  /* Accents and case do not matter; each word matches a word's start. */
  check_text (fixture, &data, "cafe", SAMPLE (0) | SAMPLE (1) | SAMPLE (2));
  check_text (fixture, &data, "CAFÉ", SAMPLE (0) | SAMPLE (1) | SAMPLE (2));
  check_text (fixture, &data, "Café au lait", SAMPLE (0));
  check_text (fixture, &data, "caf", SAMPLE (0) | SAMPLE (1) | SAMPLE (2));
  check_text (fixture, &data, "tick", SAMPLE (3) | SAMPLE (4));
  check_text (fixture, &data, "icket", 0);
  /* Words are ANDed, in any order. */
  check_text (fixture, &data, "ticket bus", SAMPLE (3));
  check_text (fixture, &data, "  lait   café ", SAMPLE (0));
  check_text (fixture, &data, "lunch", SAMPLE (1) | SAMPLE (5));
  check_text (fixture, &data, "lunch bob", SAMPLE (5));
  /* Notes are searched too. */
  check_text (fixture, &data, "dune", SAMPLE (10));
  check_text (fixture, &data, "rent march", SAMPLE (6));
  check_text (fixture, &data, "rent", SAMPLE (6) | SAMPLE (7) | SAMPLE (12));
  /* A deleted expense is never found. */
  check_text (fixture, &data, "coffee", SAMPLE (2));
  check_text (fixture, &data, "xylophone", 0);
  /* Quotes are plain characters. */
  check_text (fixture, &data, "\"Bob\"", SAMPLE (5));
  check_text (fixture, &data, "Bob\"", SAMPLE (5));
  check_text (fixture, &data, "\"bob", SAMPLE (5));
  /* An empty search is no search. */
  check_text (fixture, &data, "", ALL_SAMPLES);
  check_text (fixture, &data, "   ", ALL_SAMPLES);

  /* Nothing a person types is an error; operators are words. */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OutlayQuery) query = outlay_query_new ();
      g_autoptr (GArray) ids = NULL;
      g_autoptr (GPtrArray) found = NULL;
      guint count = G_MAXUINT;

      g_test_message ("Searching for ‘%s’", odd[i]);
      outlay_query_set_text (query, odd[i]);

      ids = outlay_repository_find_expense_ids (fixture->repository, query, &error);
      g_assert_no_error (error);
      g_assert_nonnull (ids);
      found = outlay_repository_find_expenses (fixture->repository, query, 0, 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (found);
      g_assert_true (outlay_repository_count_expenses (fixture->repository, query, &count, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, ids->len);
      g_assert_cmpuint (count, ==, ids->len);
    }

  /* Operators do not act as operators. */
  check_text (fixture, &data, "bus OR train", 0);
  check_text (fixture, &data, "description:rent", 0);
  check_text (fixture, &data, "NOT", 0);
}

static void
test_query_filters (Fixture      *fixture,
                    gconstpointer user_data)
{
  Samples data;
  guint   mask;

  add_samples (fixture, &data);

  /* Categories */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
    gint64 some[] = { outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT), food, food };
    gint64 other = outlay_test_category (fixture, OUTLAY_TEST_OTHER);

    outlay_query_set_categories (query, &food, 1);
    check_query (fixture, &data, query, SAMPLE (0) | SAMPLE (1) | SAMPLE (5));

    outlay_query_set_categories (query, some, G_N_ELEMENTS (some));
    check_query (fixture, &data, query, SAMPLE (0) | SAMPLE (1) | SAMPLE (3) | SAMPLE (4) | SAMPLE (5));

    outlay_query_set_categories (query, &other, 1);
    check_query (fixture, &data, query, 0);

    outlay_query_set_categories (query, NULL, 0);
    check_query (fixture, &data, query, ALL_SAMPLES);
  }

  /* Dates, both ends included */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();

    outlay_query_set_date_range (query, "2024-02-20", "2024-03-01");
    mask = 0;
    for (guint i = 0; i < N_SAMPLES; i++)
      if (strcmp (samples[i].occurred_on, "2024-02-20") >= 0 && strcmp (samples[i].occurred_on, "2024-03-01") <= 0)
        mask |= SAMPLE (i);
    g_assert_cmpuint (mask, ==, SAMPLE (0) | SAMPLE (1) | SAMPLE (6) | SAMPLE (8) | SAMPLE (9) | SAMPLE (12));
    check_query (fixture, &data, query, mask);

    outlay_query_set_date_range (query, "2024-03-02", NULL);
    check_query (fixture, &data, query, SAMPLE (3) | SAMPLE (5) | SAMPLE (10));

    outlay_query_set_date_range (query, NULL, "2024-02-01");
    check_query (fixture, &data, query, SAMPLE (4) | SAMPLE (7));

    outlay_query_set_date_range (query, "2024-03-06", "2024-12-31");
    check_query (fixture, &data, query, 0);
  }

  /* Amounts, both ends included */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();

    outlay_query_set_amount_range (query, 1290, 2350);
    check_query (fixture, &data, query,
                 SAMPLE (1) | SAMPLE (4) | SAMPLE (5) | SAMPLE (9) | SAMPLE (10) | SAMPLE (12));

    outlay_query_set_amount_range (query, 85000, G_MAXINT64);
    check_query (fixture, &data, query, SAMPLE (6) | SAMPLE (7));

    outlay_query_set_amount_range (query, G_MININT64, 450);
    check_query (fixture, &data, query, SAMPLE (0) | SAMPLE (3));
  }

  /* Everything at once */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);

    outlay_query_set_text (query, "cafe");
    outlay_query_set_categories (query, &food, 1);
    check_query (fixture, &data, query, SAMPLE (0) | SAMPLE (1));

    outlay_query_set_amount_range (query, 1000, G_MAXINT64);
    check_query (fixture, &data, query, SAMPLE (1));

    outlay_query_set_amount_range (query, G_MININT64, G_MAXINT64);
    outlay_query_set_date_range (query, "2024-03-02", NULL);
    check_query (fixture, &data, query, 0);

    outlay_query_set_text (query, NULL);
    outlay_query_set_categories (query, NULL, 0);
    outlay_query_set_date_range (query, "2024-03-01", "2024-03-01");
    outlay_query_set_amount_range (query, 1000, 2000);
    outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, FALSE);
    check_query (fixture, &data, query, SAMPLE (1) | SAMPLE (12));
  }
}

static void
test_query_sort (Fixture      *fixture,
                 gconstpointer user_data)
{
  static const OutlaySortField fields[] = { OUTLAY_SORT_DATE, OUTLAY_SORT_AMOUNT, OUTLAY_SORT_DESCRIPTION };
  g_autoptr (OutlayQuery) defaults = outlay_query_new ();
  Samples data;

  add_samples (fixture, &data);

  /* A new query is the newest first. */
  g_assert_cmpint (outlay_query_get_sort_field (defaults), ==, OUTLAY_SORT_DATE);
  g_assert_true (outlay_query_get_descending (defaults));
  check_query (fixture, &data, defaults, ALL_SAMPLES);

  /* The samples hold ties on every key: same days, same amounts, "rent"
   * and "Rent". */
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_autoptr (OutlayQuery) query = outlay_query_new ();

        outlay_query_set_sort (query, fields[f], descending);
        g_assert_cmpint (outlay_query_get_sort_field (query), ==, fields[f]);
        g_assert_cmpint (outlay_query_get_descending (query), ==, descending);
        check_query (fixture, &data, query, ALL_SAMPLES);

        outlay_query_set_text (query, "rent");
        check_query (fixture, &data, query, SAMPLE (6) | SAMPLE (7) | SAMPLE (12));
      }

  /* Spot check, independent of the comparator above. */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (GArray) ids = NULL;

    outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, TRUE);
    ids = outlay_test_find_ids (fixture, query);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, data.ids[7]);
    g_assert_cmpint (g_array_index (ids, gint64, 1), ==, data.ids[6]);
    g_assert_cmpint (g_array_index (ids, gint64, ids->len - 1), ==, data.ids[3]);
  }
}

/* The ledger's currency: recorded, else the one of most expenses, else the
 * caller's; recorded once, never in a read-only ledger. */
static void
test_ledger_currency (OutlayTestFixture *fixture,
                      gconstpointer      user_data)
{
  static const char *const currencies[] = { "USD", "EUR", "EUR", "JPY", "EUR", "USD" };
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) read_only = NULL;
  g_autoptr (OutlayRepository) reader = NULL;
  g_autofree char *currency = NULL;
  gint64           other = outlay_test_category_at (fixture->repository, 0);

  currency = outlay_repository_dup_currency (fixture->repository, "SEK");
  g_assert_cmpstr (currency, ==, "SEK");
  g_clear_pointer (&currency, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      g_autoptr (OutlayExpense) draft = outlay_test_draft (100 + i, currencies[i], "2026-01-05", "Thing", other);
      g_autoptr (OutlayExpense) added = outlay_repository_add_expense (fixture->repository, draft, &error);

      g_assert_no_error (error);
    }
  currency = outlay_repository_dup_currency (fixture->repository, "SEK");
  g_assert_cmpstr (currency, ==, "EUR");
  g_clear_pointer (&currency, g_free);

  /* A read-only ledger records nothing. */
  read_only = outlay_database_open_full (fixture->path, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  reader = outlay_repository_new (read_only);
  g_assert_true (outlay_repository_ensure_currency (reader, "SEK", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (fixture->database),
                                          "SELECT count(*) FROM outlay_meta WHERE key = 'currency'"),
                   ==, 0);

  /* As the window does: what a read found, kept if one came meanwhile. */
  g_assert_true (outlay_repository_record_currency (fixture->repository, "NOK", &error));
  g_assert_no_error (error);
  g_assert_true (outlay_repository_record_currency (fixture->repository, "DKK", &error));
  g_assert_no_error (error);
  currency = outlay_repository_dup_currency (fixture->repository, "SEK");
  g_assert_cmpstr (currency, ==, "NOK");
  g_clear_pointer (&currency, g_free);
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (fixture->database), "PRAGMA synchronous"), ==,
                   2);
  outlay_test_exec (outlay_database_get_handle (fixture->database),
                    "DELETE FROM outlay_meta WHERE key = 'currency'");

  g_assert_true (outlay_repository_ensure_currency (fixture->repository, "SEK", &error));
  g_assert_no_error (error);
  currency = outlay_repository_dup_currency (fixture->repository, "SEK");
  g_assert_cmpstr (currency, ==, "EUR");
  g_clear_pointer (&currency, g_free);
  g_assert_true (outlay_repository_set_currency (fixture->repository, "GBP", &error));
  g_assert_no_error (error);
  /* Recorded once: a second ensure keeps what is there. */
  g_assert_true (outlay_repository_ensure_currency (fixture->repository, "SEK", &error));
  g_assert_no_error (error);
  currency = outlay_repository_dup_currency (fixture->repository, "SEK");
  g_assert_cmpstr (currency, ==, "GBP");
  g_clear_pointer (&currency, g_free);
  currency = outlay_repository_dup_currency (reader, "SEK");
  g_assert_cmpstr (currency, ==, "GBP");
  g_clear_pointer (&currency, g_free);

  /* Not in a read-only ledger, not a code it does not know. */
  g_assert_false (outlay_repository_set_currency (reader, "CHF", &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (outlay_repository_record_currency (reader, "CHF", &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (outlay_repository_set_currency (fixture->repository, "EURO", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY);
  currency = outlay_repository_dup_currency (fixture->repository, "SEK");
  g_assert_cmpstr (currency, ==, "GBP");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/ledger-currency", test_ledger_currency);

  OUTLAY_TEST_ADD ("/repository/query/text", test_query_text);
  OUTLAY_TEST_ADD ("/repository/query/filters", test_query_filters);
  OUTLAY_TEST_ADD ("/repository/query/sort", test_query_sort);

  return g_test_run ();
}
