/* test-held-ledger.c
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

/* Another program holds the ledger in a write transaction (here a second
 * connection, as `sqlite3` or another Outlay would): reads go on, a write
 * waits as long as its connection's busy timeout says and then fails with
 * OUTLAY_DATABASE_ERROR_BUSY and a clear message, changing nothing. */

#include "config.h"

#include "outlay-database-private.h"
#include "outlay-repository.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

/* Another program's write, begun, with a change of its own not committed. */
static sqlite3 *
hold_ledger (Fixture *fixture)
{
  sqlite3 *other = outlay_test_hold_ledger (fixture->path);

  outlay_test_exec (other, "UPDATE expenses SET description = 'Not committed'");
  return other;
}

static gint64
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000;
}

static void
test_busy_timeout (Fixture      *fixture,
                   gconstpointer user_data)
{
  sqlite3 *db = outlay_test_handle (fixture);

  g_assert_cmpuint (outlay_database_get_busy_timeout (fixture->database), ==, OUTLAY_DATABASE_BUSY_TIMEOUT_MS);
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA busy_timeout"), ==, OUTLAY_DATABASE_BUSY_TIMEOUT_MS);

  outlay_database_set_busy_timeout (fixture->database, 20);
  g_assert_cmpuint (outlay_database_get_busy_timeout (fixture->database), ==, 20);
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA busy_timeout"), ==, 20);

  outlay_database_set_busy_timeout (fixture->database, 0);
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA busy_timeout"), ==, 0);

  /* Nobody writes: nobody to name. */
  g_assert_null (outlay_database_find_writer (fixture->database, NULL));
}

/* What the list and the dashboard read, while the other write is open:
 * all of it at once, and only what is committed. */
static void
test_reads_go_on (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (OutlayExpense) first = NULL;
  g_autoptr (OutlayExpense) second = NULL;
  g_autoptr (OutlayExpense) got = NULL;
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autoptr (GArray) by_category = NULL;
  g_autoptr (GArray) by_month = NULL;
  g_autoptr (GArray) by_day = NULL;
  g_autoptr (GArray) summary = NULL;
  g_autoptr (GError) error = NULL;
  OutlayTotal total = { 0 };
  sqlite3    *other;
  guint       count = 0;
  guint       n_all = 0;
  gint64      start;

  first = outlay_test_add (fixture, 1250, "EUR", "2026-03-02", "Groceries", outlay_test_category (fixture, 1));
  second = outlay_test_add (fixture, 480, "EUR", "2026-03-05", "Bus", outlay_test_category (fixture, 2));
  outlay_database_set_busy_timeout (fixture->database, 0);

  other = hold_ledger (fixture);
  start = g_get_monotonic_time ();

  g_assert_true (outlay_repository_count_expenses (fixture->repository, query, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);
  found = outlay_repository_find_expenses (fixture->repository, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (outlay_expense_get_description (g_ptr_array_index (found, 0)), !=, "Not committed");
  summary = outlay_repository_summarize (fixture->repository, query, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 2);
  got = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_expense_get_description (got), ==, "Groceries");

  g_assert_true (outlay_repository_get_total (fixture->repository, "EUR", "2026-03-01", "2026-03-31", &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total.total, ==, 1730);
  by_category = outlay_repository_totals_by_category (fixture->repository, "EUR", "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_category->len, ==, 2);
  by_month = outlay_repository_totals_by_month (fixture->repository, "EUR", "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_month->len, >, 0);
  by_day = outlay_repository_totals_by_day (fixture->repository, "EUR", "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_day->len, >, 0);
  suggestions = outlay_repository_suggest_descriptions (fixture->repository, "Gro", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_false (outlay_repository_check_external_changes (fixture->repository));

  /* Not one of them waited for the other program. */
  g_assert_cmpint (elapsed_ms (start), <, 1000);

  outlay_test_release_ledger (other);
}

/* A write gives way after the busy timeout, with a message that says why,
 * and nothing changed; once the other program is done it goes through. */
static void
test_writes_give_way (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (OutlayExpense) first = NULL;
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (OutlayExpense) added = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3         *other;
  gint64           start;

  first = outlay_test_add (fixture, 1250, "EUR", "2026-03-02", "Groceries", outlay_test_category (fixture, 1));
  draft = outlay_test_draft (300, "EUR", "2026-03-03", "Coffee", outlay_test_category (fixture, 0));
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  other = hold_ledger (fixture);

  /* The window's way: no waiting inside SQLite. */
  outlay_database_set_busy_timeout (fixture->database, 0);
  start = g_get_monotonic_time ();
  added = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_cmpint (elapsed_ms (start), <, 500);
  g_assert_null (added);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY);
  /* The other connection is of this very process: nobody else to name. */
  g_assert_cmpstr (error->message, ==,
                   "Could not start a change: another program is changing the ledger. Nothing was changed; "
                   "try again when it has finished.");
  g_clear_error (&error);
  g_assert_false (outlay_database_probe_write (fixture->database, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY);
  g_clear_error (&error);

  /* The command line's way: it waits, then says how long. */
  outlay_database_set_busy_timeout (fixture->database, 1000);
  start = g_get_monotonic_time ();
  g_assert_null (outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (first), &error));
  g_assert_cmpint (elapsed_ms (start), >=, 900);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==,
                   "Could not start a change: another program is changing the ledger and did not finish within "
                   "1 second. Nothing was changed; try again when it has finished.");
  g_clear_error (&error);

  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);

  outlay_test_release_ledger (other);
  g_assert_true (outlay_database_probe_write (fixture->database, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
  added = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
}

/* A write that waits inside SQLite goes through as soon as the other
 * program has finished, with what that program committed kept. */
static void
test_write_waits_then_goes_through (Fixture      *fixture,
                                    gconstpointer user_data)
{
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (OutlayExpense) added = NULL;
  g_autoptr (GError) error = NULL;
  GThread *release;
  sqlite3 *other;
  gint64   start;
  gint64   waited;

  draft = outlay_test_draft (300, "EUR", "2026-03-03", "Coffee", outlay_test_category (fixture, 0));
  other = hold_ledger (fixture);
  outlay_database_set_busy_timeout (fixture->database, 5000);

  release = outlay_test_release_ledger_later (other);
  start = g_get_monotonic_time ();
  added = outlay_repository_add_expense (fixture->repository, draft, &error);
  waited = elapsed_ms (start);
  g_thread_join (release);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_test_message ("the write waited %" G_GINT64_FORMAT " ms", waited);
  g_assert_cmpint (waited, >=, OUTLAY_TEST_RELEASE_LATER_MS - 50);
  g_assert_cmpint (waited, <, 4000);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 1);
}

/* A restore waits too, and leaves no copy of the state before behind when
 * it gives way: the caller may try again many times. */
static void
test_restore_gives_way (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr (OutlayExpense) first = NULL;
  g_autoptr (OutlayExpense) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autofree char *safety = g_build_filename (fixture->dir, "safety.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3         *other;
  gint64           start;

  first = outlay_test_add (fixture, 1250, "EUR", "2026-03-02", "Groceries", outlay_test_category (fixture, 1));
  g_assert_true (outlay_database_backup (fixture->database, backup, &error));
  g_assert_no_error (error);
  second = outlay_test_add (fixture, 480, "EUR", "2026-03-05", "Bus", outlay_test_category (fixture, 2));
  before = outlay_test_dump_store (outlay_test_handle (fixture));

  other = hold_ledger (fixture);
  outlay_database_set_busy_timeout (fixture->database, 200);
  start = g_get_monotonic_time ();
  g_assert_false (outlay_database_restore (fixture->database, backup, safety, &error));
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY);
  g_assert_true (g_str_has_prefix (error->message, "Could not restore the backup: another program is changing"));
  g_assert_cmpint (elapsed_ms (start), >=, 150);
  g_clear_error (&error);
  g_assert_false (g_file_test (safety, G_FILE_TEST_EXISTS));
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);

  outlay_test_release_ledger (other);
  g_assert_true (outlay_database_restore (fixture->database, backup, safety, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (outlay_test_count (fixture), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/held-ledger/busy-timeout", test_busy_timeout);
  OUTLAY_TEST_ADD ("/held-ledger/reads-go-on", test_reads_go_on);
  OUTLAY_TEST_ADD ("/held-ledger/writes-give-way", test_writes_give_way);
  OUTLAY_TEST_ADD ("/held-ledger/write-waits", test_write_waits_then_goes_through);
  OUTLAY_TEST_ADD ("/held-ledger/restore-gives-way", test_restore_gives_way);

  return g_test_run ();
}
