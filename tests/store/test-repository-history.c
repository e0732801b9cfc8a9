/* test-repository-history.c: the history of changes, read from the journal, and its Undo
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

#include "outlay-repository.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

static sqlite3 *
handle (Fixture *fixture)
{
  return outlay_database_get_handle (fixture->database);
}

static GPtrArray *
read_history (Fixture                   *fixture,
              const OutlayHistoryFilter *filter,
              gint64                     before,
              guint                      limit)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *entries = outlay_repository_read_history (fixture->repository, filter, before, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static GPtrArray *
read_all (Fixture *fixture)
{
  OutlayHistoryFilter filter = { 0 };

  return read_history (fixture, &filter, 0, 1000);
}

static OutlayExpense *
edit (Fixture       *fixture,
      OutlayExpense *expense)
{
  g_autoptr (GError) error = NULL;
  OutlayExpense *done = outlay_repository_update_expense (fixture->repository, expense, &error);

  g_assert_no_error (error);
  g_assert_nonnull (done);
  return done;
}

static OutlayHistoryEntry *
entry_at (GPtrArray *entries,
          guint      index)
{
  g_assert_cmpuint (index, <, entries->len);
  return g_ptr_array_index (entries, index);
}

/* A new expense is one "Added", and each field changed one entry with the
 * values before and after, the category by name; created_at and the like
 * say nothing to a person and are left out. */
static void
test_words (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 first = outlay_test_category_at (fixture->repository, 0);
  gint64 second = outlay_test_category_at (fixture->repository, 1);
  g_autoptr (OutlayExpense) expense = outlay_test_add (fixture, 1250, "EUR", "2026-03-01", "Lunch", first);
  g_autoptr (OutlayExpense) edited = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  OutlayHistoryEntry *entry;

  outlay_expense_set_amount (expense, 1500);
  outlay_expense_set_category_id (expense, second);
  edited = edit (fixture, expense);

  entries = read_all (fixture);
  g_assert_cmpuint (entries->len, ==, 3);

  /* Newest first: the two cells of the edit, then the addition. */
  entry = entry_at (entries, 2);
  g_assert_cmpint (outlay_history_entry_get_change (entry), ==, OUTLAY_HISTORY_ADDED);
  g_assert_cmpstr (outlay_history_entry_get_table (entry), ==, "expenses");
  g_assert_cmpstr (outlay_history_entry_get_row_uuid (entry), ==, outlay_expense_get_uuid (expense));
  g_assert_cmpstr (outlay_history_entry_get_label (entry), ==, "Lunch");
  g_assert_cmpint (outlay_history_entry_get_kind (entry), ==, OUTLAY_HISTORY_KIND_EXPENSES);
  g_assert_null (outlay_history_entry_get_device (entry));
  g_assert_null (outlay_history_entry_get_device_name (entry));

  for (guint i = 0; i < 2; i++)
    {
      entry = entry_at (entries, i);
      g_assert_cmpint (outlay_history_entry_get_change (entry), ==, OUTLAY_HISTORY_CHANGED);
      g_assert_cmpstr (outlay_history_entry_get_currency (entry), ==, "EUR");
      g_assert_true (outlay_history_entry_get_seq (entry) > outlay_history_entry_get_seq (entry_at (entries, i + 1)));
      if (g_str_equal (outlay_history_entry_get_column (entry), "amount"))
        {
          g_assert_cmpint (g_variant_get_int64 (outlay_history_entry_get_old_value (entry)), ==, 1250);
          g_assert_cmpint (g_variant_get_int64 (outlay_history_entry_get_value (entry)), ==, 1500);
        }
      else
        {
          g_assert_cmpstr (outlay_history_entry_get_column (entry), ==, "category");
          g_assert_cmpstr (outlay_history_entry_get_old_value_name (entry), ==,
                           outlay_category_get_name (outlay_repository_lookup_category (fixture->repository, first)));
          g_assert_cmpstr (outlay_history_entry_get_value_name (entry), ==,
                           outlay_category_get_name (outlay_repository_lookup_category (fixture->repository, second)));
        }
    }
}

/* Deleting and restoring say so; a row removed for good keeps the name the
 * journal last gave it. */
static void
test_delete_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 category = outlay_test_category_at (fixture->repository, 0);
  g_autoptr (OutlayExpense) expense = outlay_test_add (fixture, 990, "EUR", "2026-03-02", "Coffee", category);
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) restored = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (expense), &error);
  g_assert_no_error (error);
  restored = outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (expense), &error);
  g_assert_no_error (error);

  entries = read_all (fixture);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (outlay_history_entry_get_change (entry_at (entries, 0)), ==, OUTLAY_HISTORY_RESTORED);
  g_assert_cmpint (outlay_history_entry_get_change (entry_at (entries, 1)), ==, OUTLAY_HISTORY_DELETED);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Named by the journal's last description, when there is one. */
  outlay_test_exec (handle (fixture), "UPDATE expenses SET description = 'Espresso'");
  outlay_test_exec (handle (fixture), "DELETE FROM expenses");
  entries = read_all (fixture);
  g_assert_cmpint (outlay_history_entry_get_change (entry_at (entries, 0)), ==, OUTLAY_HISTORY_REMOVED);
  g_assert_false (outlay_history_entry_get_undoable (entry_at (entries, 0)));
  g_assert_cmpstr (outlay_history_entry_get_label (entry_at (entries, 0)), ==, "Espresso");
}

/* Categories, budgets and rates are read in their own words too, and
 * each kind filters. */
static void
test_kinds (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (OutlayCategory) pets = NULL;
  g_autoptr (OutlayExchangeRate) rate = NULL;
  g_autoptr (GError) error = NULL;
  gint64 category = outlay_test_category_at (fixture->repository, 0);
  g_autoptr (OutlayExpense) expense = outlay_test_add (fixture, 100, "EUR", "2026-03-02", "Tea", category);
  OutlayHistoryFilter filter = { 0 };
  g_autoptr (GPtrArray) entries = NULL;

  pets = g_object_ref (
    outlay_repository_add_category (fixture->repository, "Pets", "pets-symbolic", "#aabbcc", &error));
  g_assert_no_error (error);
  g_assert_true (outlay_repository_rename_category (fixture->repository, outlay_category_get_id (pets), "Animals",
                                                    &error));
  g_assert_no_error (error);
  rate = outlay_repository_set_rate (fixture->repository, "USD", "EUR", "2026-03-01", "0.92", &error);
  g_assert_no_error (error);

  filter.kind = OUTLAY_HISTORY_KIND_CATEGORIES;
  entries = read_history (fixture, &filter, 0, 100);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (outlay_history_entry_get_column (entry_at (entries, 0)), ==, "name");
  g_assert_cmpstr (g_variant_get_string (outlay_history_entry_get_old_value (entry_at (entries, 0)), NULL), ==,
                   "Pets");
  g_assert_cmpstr (outlay_history_entry_get_label (entry_at (entries, 0)), ==, "Animals");
  g_assert_cmpint (outlay_history_entry_get_change (entry_at (entries, 1)), ==, OUTLAY_HISTORY_ADDED);
  g_clear_pointer (&entries, g_ptr_array_unref);

  filter.kind = OUTLAY_HISTORY_KIND_RATES;
  entries = read_history (fixture, &filter, 0, 100);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (outlay_history_entry_get_label (entry_at (entries, 0)), ==, "USD → EUR");
  g_clear_pointer (&entries, g_ptr_array_unref);

  filter.kind = OUTLAY_HISTORY_KIND_EXPENSES;
  entries = read_history (fixture, &filter, 0, 100);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (outlay_history_entry_get_label (entry_at (entries, 0)), ==, "Tea");
}

/* Pages follow each other by seq without a gap or a repeat; one row's
 * history and the filters by day and device hold. */
static void
test_pages_and_filters (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 category = outlay_test_category_at (fixture->repository, 0);
  g_autoptr (OutlayExpense) kept = outlay_test_add (fixture, 100, "EUR", "2026-03-02", "Kept", category);
  OutlayHistoryFilter filter = { 0 };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *since = NULL;
  gint64 before = 0;
  guint  n_pages = 0;
  guint  total = 0;

  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *description = g_strdup_printf ("Item %u", i);
      g_autoptr (OutlayExpense) expense = outlay_test_add (fixture, 100 + i, "EUR", "2026-03-03", description,
                                                           category);
    }
  g_clear_object (&kept);
  kept = outlay_test_add (fixture, 1, "EUR", "2026-03-03", "Last", category);

  for (;;)
    {
      g_autoptr (GPtrArray) page = read_history (fixture, &filter, before, 10);

      n_pages++;
      for (guint i = 0; i < page->len; i++)
        {
          gint64 *seq = g_new (gint64, 1);

          *seq = outlay_history_entry_get_seq (entry_at (page, i));
          g_assert_true (before == 0 || *seq < before);
          g_assert_false (g_hash_table_contains (seen, seq));
          g_hash_table_add (seen, seq);
          before = *seq;
        }
      total += page->len;
      if (page->len < 10)
        break;
    }
  g_assert_cmpuint (total, ==, 26);
  g_assert_cmpuint (n_pages, ==, 3);
  g_hash_table_foreach (seen, (GHFunc) (void (*) (void)) g_free, NULL);

  /* Another device's change, and a change before the day. */
  outlay_test_exec (handle (fixture), "INSERT INTO sync_peers (device, name) VALUES ('peer-1', 'Phone')");
  outlay_test_exec (handle (fixture), "UPDATE sync_journal SET device = 'peer-1' WHERE seq = 2");
  outlay_test_exec (handle (fixture), "UPDATE sync_journal SET changed_at = '2020-01-01T10:00:00.000Z' WHERE seq = 1");

  filter.by_device = TRUE;
  filter.device = "peer-1";
  entries = read_history (fixture, &filter, 0, 100);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (outlay_history_entry_get_device_name (entry_at (entries, 0)), ==, "Phone");
  g_clear_pointer (&entries, g_ptr_array_unref);

  filter.device = NULL; /* this device */
  entries = read_history (fixture, &filter, 0, 100);
  g_assert_cmpuint (entries->len, ==, 25);
  g_clear_pointer (&entries, g_ptr_array_unref);

  filter.by_device = FALSE;
  since = outlay_history_since_day ("2021-01-01");
  filter.since = since;
  entries = read_history (fixture, &filter, 0, 100);
  g_assert_cmpuint (entries->len, ==, 25);
  g_assert_cmpint (outlay_history_entry_get_seq (entry_at (entries, 24)), ==, 2);
}

/* One row's history goes through the row index, never a scan of the
 * journal. */
static void
test_row_uses_index (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *plan = outlay_test_dump (handle (fixture),
                                            "EXPLAIN QUERY PLAN SELECT seq FROM sync_journal WHERE row_uuid = 'x' "
                                            "AND seq < 10 AND col NOT IN ('created_at') ORDER BY seq DESC LIMIT 100");
  gint64 category = outlay_test_category_at (fixture->repository, 0);
  g_autoptr (OutlayExpense) one = outlay_test_add (fixture, 100, "EUR", "2026-03-02", "One", category);
  g_autoptr (OutlayExpense) two = outlay_test_add (fixture, 200, "EUR", "2026-03-02", "Two", category);
  g_autoptr (GPtrArray) entries = NULL;
  OutlayHistoryFilter filter = { 0 };

  g_assert_nonnull (strstr (plan, "sync_journal_by_row"));
  g_assert_null (strstr (plan, "SCAN"));

  filter.row_uuid = outlay_expense_get_uuid (two);
  entries = read_history (fixture, &filter, 0, 100);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (outlay_history_entry_get_label (entry_at (entries, 0)), ==, "Two");
}

static OutlayHistoryEntry *
find_column (GPtrArray  *entries,
             const char *column)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (outlay_history_entry_get_column (entry_at (entries, i)), column) == 0)
      return entry_at (entries, i);

  g_assert_not_reached ();
}

/* Undo writes back what the cell held, through the expense's own write
 * (so that the list hears of it), and is journaled itself; once the cell
 * changed again, it no longer applies and writes nothing. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 category = outlay_test_category_at (fixture->repository, 0);
  g_autoptr (OutlayExpense) expense = outlay_test_add (fixture, 1250, "EUR", "2026-03-01", "Lunch", category);
  g_autoptr (OutlayExpense) edited = NULL;
  g_autoptr (OutlayExpense) again = NULL;
  g_autoptr (OutlayExpense) now = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayHistoryEntry) amount = NULL;
  OutlayHistoryEntry *description;
  g_autofree char    *before = NULL;
  g_autofree char    *after = NULL;

  outlay_expense_set_amount (expense, 1500);
  outlay_expense_set_description (expense, "Dinner");
  edited = edit (fixture, expense);
  outlay_expense_set_description (expense, "Supper");
  again = edit (fixture, expense);

  entries = read_all (fixture);
  g_assert_cmpuint (entries->len, ==, 4);
  amount = g_object_ref (find_column (entries, "amount"));
  description = entry_at (entries, 1); /* "Lunch" → "Dinner", changed again since */
  g_assert_cmpstr (outlay_history_entry_get_column (description), ==, "description");
  g_assert_true (outlay_history_entry_get_undoable (amount));
  g_assert_false (outlay_history_entry_get_undoable (description));
  g_assert_true (outlay_history_entry_get_undoable (entry_at (entries, 0)));

  before = outlay_test_dump_store (handle (fixture));
  g_assert_false (outlay_repository_undo_history_entry (fixture->repository, description, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (before, ==, after);

  g_array_set_size (fixture->changes, 0);
  g_assert_true (outlay_repository_undo_history_entry (fixture->repository, amount, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  now = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (expense), &error);
  g_assert_cmpint (outlay_expense_get_amount (now), ==, 1250);
  g_assert_cmpstr (outlay_expense_get_description (now), ==, "Supper");

  /* Journaled, and a second Undo of the same change no longer applies. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = read_all (fixture);
  g_assert_cmpuint (entries->len, ==, 5);
  g_assert_cmpint (g_variant_get_int64 (outlay_history_entry_get_value (entry_at (entries, 0))), ==, 1250);
  g_assert_cmpstr (outlay_history_entry_get_column (entry_at (entries, 3)), ==, "amount");
  g_assert_false (outlay_history_entry_get_undoable (entry_at (entries, 3)));
  g_assert_false (outlay_repository_undo_history_entry (fixture->repository, amount, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
}

/* Undo of a delete restores; of an addition, deletes; of a category's
 * rename, renames back and the categories follow. */
static void
test_undo_rows (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 category = outlay_test_category_at (fixture->repository, 0);
  g_autoptr (OutlayExpense) expense = outlay_test_add (fixture, 300, "EUR", "2026-03-01", "Bread", category);
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) now = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  OutlayCategory *pets;

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (expense), &error);
  g_assert_no_error (error);
  entries = read_all (fixture);
  g_assert_cmpint (outlay_history_entry_get_change (entry_at (entries, 0)), ==, OUTLAY_HISTORY_DELETED);
  g_assert_false (outlay_history_entry_get_undoable (entry_at (entries, 1))); /* added, but deleted since */
  g_assert_true (outlay_repository_undo_history_entry (fixture->repository, entry_at (entries, 0), &error));
  g_assert_no_error (error);
  now = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (expense), &error);
  g_assert_null (outlay_expense_get_deleted_at (now));
  g_clear_object (&now);

  /* The addition applies again now that the row is back: undoing it deletes. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = read_all (fixture);
  g_assert_true (outlay_history_entry_get_undoable (entry_at (entries, 2)));
  g_assert_true (outlay_repository_undo_history_entry (fixture->repository, entry_at (entries, 2), &error));
  g_assert_no_error (error);
  now = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (expense), &error);
  g_assert_nonnull (outlay_expense_get_deleted_at (now));

  pets = outlay_repository_add_category (fixture->repository, "Pets", "pets-symbolic", "#aabbcc", &error);
  g_assert_no_error (error);
  g_assert_true (outlay_repository_rename_category (fixture->repository, outlay_category_get_id (pets), "Animals",
                                                    &error));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = read_all (fixture);
  g_assert_cmpstr (outlay_history_entry_get_column (entry_at (entries, 0)), ==, "name");
  g_assert_true (outlay_repository_undo_history_entry (fixture->repository, entry_at (entries, 0), &error));
  g_assert_no_error (error);
  g_assert_nonnull (outlay_repository_find_category (fixture->repository, "Pets"));
  g_assert_null (outlay_repository_find_category (fixture->repository, "Animals"));
}

/* A category's rename is taken back through the category's own write,
 * which refuses a name another category has taken since. */
static void
test_undo_category_checked (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  OutlayCategory *pets = outlay_repository_add_category (fixture->repository, "Pets", "pets-symbolic", "#aabbcc",
                                                         &error);
  gint64          id = outlay_category_get_id (pets);

  g_assert_true (outlay_repository_rename_category (fixture->repository, id, "Animals", &error));
  g_assert_no_error (error);
  g_assert_nonnull (outlay_repository_add_category (fixture->repository, "Pets", "pets-symbolic", "#aabbcc",
                                                    &error));
  g_assert_no_error (error);

  entries = read_all (fixture);
  g_assert_cmpstr (outlay_history_entry_get_column (entry_at (entries, 1)), ==, "name");
  g_assert_true (outlay_history_entry_get_undoable (entry_at (entries, 1)));
  g_assert_false (outlay_repository_undo_history_entry (fixture->repository, entry_at (entries, 1), &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME);
  g_assert_nonnull (outlay_repository_find_category (fixture->repository, "Animals"));
}

/* An amount is said in the currency it had: one changed with it in the
 * same write has the old currency before and the new one after, an older
 * one keeps its own after the currency changed. */
static void
test_currency_of_the_time (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 category = outlay_test_category_at (fixture->repository, 0);
  g_autoptr (OutlayExpense) expense = outlay_test_add (fixture, 1250, "EUR", "2026-03-01", "Lunch", category);
  g_autoptr (OutlayExpense) first = NULL;
  g_autoptr (OutlayExpense) second = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  OutlayHistoryEntry *entry;

  outlay_expense_set_amount (expense, 1300);
  first = edit (fixture, expense);
  /* Another write: the journal tells writes apart by their time. */
  outlay_test_let_time_pass ();
  outlay_expense_set_amount (expense, 1500);
  outlay_expense_set_currency (expense, "USD");
  second = edit (fixture, expense);

  entries = read_all (fixture);
  g_assert_cmpuint (entries->len, ==, 4);
  entry = find_column (entries, "amount"); /* the newest: €13.00 → $15.00 */
  g_assert_cmpint (g_variant_get_int64 (outlay_history_entry_get_value (entry)), ==, 1500);
  g_assert_cmpstr (outlay_history_entry_get_old_currency (entry), ==, "EUR");
  g_assert_cmpstr (outlay_history_entry_get_currency (entry), ==, "USD");
  entry = entry_at (entries, 2); /* €12.50 → €13.00, before the currency changed */
  g_assert_cmpint (g_variant_get_int64 (outlay_history_entry_get_value (entry)), ==, 1300);
  g_assert_cmpstr (outlay_history_entry_get_old_currency (entry), ==, "EUR");
  g_assert_cmpstr (outlay_history_entry_get_currency (entry), ==, "EUR");
}

/* Devices: this one, by the name it was given, and the others sync read. */
static void
test_devices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GPtrArray) devices = NULL;
  g_autoptr (GError) error = NULL;
  OutlayHistoryDevice *device;

  outlay_test_exec (handle (fixture), "INSERT INTO sync_peers (device, name) VALUES ('peer-1', 'Phone'), "
                                      "('peer-2', '')");
  outlay_test_exec (handle (fixture), "INSERT INTO outlay_meta (key, value) VALUES ('device_name', 'Laptop')");
  devices = outlay_repository_list_history_devices (fixture->repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (devices->len, ==, 3);
  device = g_ptr_array_index (devices, 0);
  g_assert_null (device->id);
  g_assert_cmpstr (device->name, ==, "Laptop");
  device = g_ptr_array_index (devices, 1);
  g_assert_cmpstr (device->id, ==, "peer-1");
  g_assert_cmpstr (device->name, ==, "Phone");
  device = g_ptr_array_index (devices, 2);
  g_assert_cmpstr (device->name, ==, "peer-2");
}

/* The rows as they were when the ledger joined a sync folder ("=", what
 * the first round sends) are no change anyone made: not in the history. */
static void
test_joined_rows_hidden (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;

  outlay_test_add_sample_expenses (fixture);
  before = read_all (fixture);
  outlay_test_exec (handle (fixture), "INSERT INTO sync_journal (tbl, row_uuid, col, changed_at, hlc) "
                                      "SELECT 'expenses', uuid, '=', '2024-05-01T10:00:00.000Z', 1 FROM expenses");
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM sync_journal WHERE col = '='"), >,
                   0);
  after = read_all (fixture);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpuint (after->len, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/history/words", test_words);
  OUTLAY_TEST_ADD ("/repository/history/delete-restore", test_delete_restore);
  OUTLAY_TEST_ADD ("/repository/history/kinds", test_kinds);
  OUTLAY_TEST_ADD ("/repository/history/pages-and-filters", test_pages_and_filters);
  OUTLAY_TEST_ADD ("/repository/history/row-uses-index", test_row_uses_index);
  OUTLAY_TEST_ADD ("/repository/history/undo", test_undo);
  OUTLAY_TEST_ADD ("/repository/history/undo-rows", test_undo_rows);
  OUTLAY_TEST_ADD ("/repository/history/undo-category-checked", test_undo_category_checked);
  OUTLAY_TEST_ADD ("/repository/history/currency-of-the-time", test_currency_of_the_time);
  OUTLAY_TEST_ADD ("/repository/history/devices", test_devices);
  OUTLAY_TEST_ADD ("/repository/history/joined-rows-hidden", test_joined_rows_hidden);

  return g_test_run ();
}
