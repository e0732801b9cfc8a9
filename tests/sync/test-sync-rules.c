/* test-sync-rules.c
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

/* What a device does with what another wrote, line by line, written here
 * by hand as a device of a newer Outlay would write them: a clock from
 * the future is held, a table or column this Outlay does not know is
 * kept, a change of a row not here yet waits for the row, a line half
 * copied or damaged is read again later; nothing is dropped, and each is
 * applied once it can be. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-sync-private.h"
#include "outlay-test-utils.h"

#define OTHER_DEVICE "7f3c2a10-5b6d-4e8f-9a1b-0000000000f1"
#define ROW          "7f3c2a10-5b6d-4e8f-9a1b-0000000000e1"

typedef struct
{
  OutlayTestFixture store;
  char             *folder;
  char             *device_dir;
  gint64            now_ms;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ledger = NULL;
  OutlaySyncCounts counts = { 0 };

  outlay_test_fixture_setup (&fixture->store, data);
  fixture->folder = g_build_filename (fixture->store.dir, "Sync", NULL);
  g_assert_cmpint (g_mkdir (fixture->folder, 0700), ==, 0);
  g_assert_true (outlay_sync_setup (fixture->store.repository, fixture->folder, "Desktop", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (outlay_sync_run (fixture->store.repository, &counts, NULL, &error));
  g_assert_no_error (error);

  ledger = outlay_test_dump (outlay_test_handle (&fixture->store),
                             "SELECT value FROM outlay_meta WHERE key = 'sync_ledger'");
  fixture->device_dir = g_build_filename (fixture->folder, "Outlay", g_strstrip (ledger), OTHER_DEVICE, NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->device_dir, 0700), ==, 0);
  fixture->now_ms = g_get_real_time () / 1000;
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_free (fixture->folder);
  g_free (fixture->device_dir);
  outlay_test_fixture_teardown (&fixture->store, data);
}

/* A line as a device writes it: its fields, then the first 16 hex digits
 * of the SHA-256 of what comes before ,"s":. */
static char *
line (gint64      hlc,
      const char *table,
      const char *row,
      const char *column,
      const char *value_json)
{
  g_autofree char *body = g_strdup_printf ("{\"h\":%" G_GINT64_FORMAT
                                           ",\"t\":\"%s\",\"r\":\"%s\",\"c\":\"%s\",\"v\":%s",
                                           hlc, table, row, column, value_json);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);

  sum[16] = '\0';
  return g_strdup_printf ("%s,\"s\":\"%s\"}\n", body, sum);
}

static void
write_segment (Fixture    *fixture,
               guint       number,
               const char *contents)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%08u.jsonl", number);
  g_autofree char *path = g_build_filename (fixture->device_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static OutlaySyncCounts
sync_once (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  OutlaySyncCounts counts = { 0 };

  g_assert_true (outlay_sync_run (fixture->store.repository, &counts, NULL, &error));
  g_assert_no_error (error);
  return counts;
}

static gint64
hlc_at (Fixture *fixture,
        gint64   offset_ms)
{
  return (fixture->now_ms + offset_ms) << 16;
}

/* A new expense of the other device, as JSON, in the category at position
 * 0 here (the default categories travel by uuid). */
static char *
new_expense_json (Fixture    *fixture,
                  const char *description,
                  guint       amount)
{
  g_autofree char *category = outlay_test_dump (outlay_test_handle (&fixture->store),
                                                "SELECT uuid FROM categories ORDER BY position LIMIT 1");

  return g_strdup_printf ("{\"amount\":%u,\"currency\":\"EUR\",\"description\":\"%s\",\"note\":\"\","
                          "\"category\":\"%s\",\"occurred_on\":\"2026-03-02\",\"created_at\":"
                          "\"2026-03-02T10:00:00.000Z\",\"deleted_at\":null}",
                          amount, description, g_strstrip (category));
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return outlay_test_query_int (outlay_test_handle (&fixture->store), sql);
}

/* A clock more than 5 minutes ahead: held, said, applied once its time
 * has come. */
static void
test_future_held (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *json = new_expense_json (fixture, "From the future", 999);
  g_autofree char *text = line (hlc_at (fixture, 10 * 60 * 1000), "expenses", ROW, "*", json);
  g_autoptr (OutlaySyncStatus) status = NULL;
  OutlaySyncCounts counts;

  write_segment (fixture, 1, text);
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.held, ==, 1);
  g_assert_cmpuint (counts.pending, ==, 1);
  g_assert_cmpuint (counts.applied, ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM expenses WHERE uuid = '" ROW "'"), ==, 0);
  status = outlay_sync_get_status (fixture->store.repository, NULL);
  g_assert_cmpuint (status->held, ==, 1);

  /* Its time comes (the clocks agree again). */
  outlay_test_exec (outlay_test_handle (&fixture->store), "UPDATE sync_pending SET hlc = hlc - (600000 << 16)");
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.held, ==, 0);
  g_assert_cmpuint (counts.pending, ==, 0);
  g_assert_cmpint (count (fixture, "SELECT amount FROM expenses WHERE uuid = '" ROW "'"), ==, 999);
}

/* A newer Outlay's table and column are kept, not dropped, and the rest of
 * the row is applied; so is a row this version cannot take. */
static void
test_newer_kept (Fixture      *fixture,
                 gconstpointer data)
{
  g_autofree char *json = new_expense_json (fixture, "Receipt", 1250);
  g_autoptr (GString) segment = g_string_new (NULL);
  g_autofree char *a = line (hlc_at (fixture, -3000), "expenses", ROW, "*", json);
  g_autofree char *b = line (hlc_at (fixture, -2000), "expenses", ROW, "mood", "\"happy\"");
  g_autofree char *c = line (hlc_at (fixture, -1000), "savings_goals", "7f3c2a10-5b6d-4e8f-9a1b-0000000000d1", "*",
                             "{\"amount\":20000}");

  /* A row without what this version needs of it (no amount): kept aside,
   * the round goes on. */
  g_autofree char *d = line (hlc_at (fixture, -500), "expenses", "7f3c2a10-5b6d-4e8f-9a1b-0000000000e2", "*",
                             "{\"description\":\"Broken\"}");
  g_autofree char *e = line (hlc_at (fixture, -400), "expenses", ROW, "note", "\"paid\"");
  OutlaySyncCounts counts;

  /* Values that are not what the columns hold (a damaged or hostile
   * file): never applied. */
  g_autofree char *f = line (hlc_at (fixture, -300), "expenses", ROW, "amount", "\"abc\"");
  g_autofree char *g = line (hlc_at (fixture, -200), "expenses", ROW, "currency", "true");
  g_autofree char *h = line (hlc_at (fixture, -100), "expenses", ROW, "currency", "\"XYZ\"");

  g_string_append_printf (segment, "%s%s%s%s%s%s%s%s", a, b, c, d, e, f, g, h);
  write_segment (fixture, 1, segment->str);
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.applied, ==, 2);
  g_assert_cmpuint (counts.pending, ==, 6);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM sync_pending WHERE reason = 'invalid'"), ==, 4);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM expenses WHERE uuid = '" ROW "' AND amount = 1250 "
                                   "AND currency = 'EUR'"),
                   ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM expenses WHERE note = 'paid'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT amount FROM expenses WHERE uuid = '" ROW "'"), ==, 1250);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM sync_pending WHERE reason = 'column' AND col = 'mood' "
                                   "AND value = '\"happy\"'"),
                   ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM sync_pending WHERE reason = 'table' "
                                   "AND tbl = 'savings_goals'"),
                   ==, 1);

  /* Still kept after more rounds, for the day this Outlay knows them. */
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.pending, ==, 6);
}

/* A change of a row whose own line comes later (from another segment):
 * it waits, and is applied after the row. */
static void
test_row_later (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *json = new_expense_json (fixture, "Taxi", 1800);
  g_autofree char *change = line (hlc_at (fixture, -1000), "expenses", ROW, "amount", "2100");
  g_autofree char *row = line (hlc_at (fixture, -2000), "expenses", ROW, "*", json);
  OutlaySyncCounts counts;

  /* Only the change has come: the fake device's first segment is torn
   * off before the row's line. */
  write_segment (fixture, 1, change);
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.pending, ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM sync_pending WHERE reason = 'row'"), ==, 1);

  write_segment (fixture, 2, row);
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.pending, ==, 0);
  /* The later change wins though it came first. */
  g_assert_cmpint (count (fixture, "SELECT amount FROM expenses WHERE uuid = '" ROW "'"), ==, 2100);
  outlay_test_assert_summary_consistent (outlay_test_handle (&fixture->store));
}

/* A segment half copied, and one with a damaged line: nothing of the bad
 * line is applied; once whole, all of it is, once. */
static void
test_torn_and_damaged (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *json = new_expense_json (fixture, "Groceries", 4200);
  g_autofree char *row = line (hlc_at (fixture, -3000), "expenses", ROW, "*", json);
  g_autofree char *change = line (hlc_at (fixture, -2000), "expenses", ROW, "description", "\"Market\"");
  g_autofree char *whole = g_strconcat (row, change, NULL);
  g_autofree char *torn = g_strndup (whole, strlen (row) + strlen (change) / 2);
  g_autofree char *damaged = g_strdup (whole);
  OutlaySyncCounts counts;

  write_segment (fixture, 1, torn);
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.torn, ==, 1);
  g_assert_cmpuint (counts.applied, ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM expenses WHERE description = 'Groceries'"), ==, 1);

  /* The same length, one byte changed: its sum no longer matches. */
  *strstr (damaged + strlen (row), "Market") = 'N';
  write_segment (fixture, 1, damaged);
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.torn, ==, 1);
  g_assert_cmpuint (counts.applied, ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM expenses WHERE description = 'Narket'"), ==, 0);

  write_segment (fixture, 1, whole);
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.torn, ==, 0);
  g_assert_cmpuint (counts.applied, ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM expenses WHERE description = 'Market'"), ==, 1);

  /* Read again from the start: nothing changes. */
  outlay_test_exec (outlay_test_handle (&fixture->store), "UPDATE sync_peers SET segment = 1, line = 0");
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.applied, ==, 0);
  g_assert_cmpuint (counts.skipped, ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM expenses WHERE uuid = '" ROW "'"), ==, 1);
}

static char *
own_segment (Fixture *fixture,
             guint    number)
{
  g_autofree char *device = outlay_test_dump (outlay_test_handle (&fixture->store),
                                              "SELECT value FROM outlay_meta WHERE key = 'device_id'");
  g_autofree char *ledger_dir = g_path_get_dirname (fixture->device_dir);
  g_autofree char *name = g_strdup_printf ("%08u.jsonl", number);
  g_autofree char *path = g_build_filename (ledger_dir, g_strstrip (device), name, NULL);
  char            *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* A ledger brought back from a backup is older than what it wrote to the
 * folder: its next segment never goes over one the others may have read. */
static void
test_older_than_folder (Fixture      *fixture,
                        gconstpointer data)
{
  gint64           category = outlay_test_category_at (fixture->store.repository, 0);
  g_autoptr (OutlayExpense) first = outlay_test_add (&fixture->store, 1000, "EUR", "2026-03-01", "First", category);
  g_autoptr (OutlayExpense) second = NULL;
  g_autofree char *written = NULL;
  g_autofree char *after = NULL;
  g_autofree char *next = NULL;

  sync_once (fixture);
  written = own_segment (fixture, 2);
  g_assert_nonnull (strstr (written, "First"));

  /* The backup: from before the first expense was journaled and written. */
  outlay_test_exec (outlay_test_handle (&fixture->store),
                    "DELETE FROM sync_journal "
                    "WHERE row_uuid IN (SELECT uuid FROM expenses WHERE description = 'First');"
                    "UPDATE outlay_meta SET value = '1' WHERE key = 'sync_segment';"
                    "UPDATE outlay_meta SET value = (SELECT max(seq) FROM sync_journal) "
                    "WHERE key = 'sync_written_seq'");
  second = outlay_test_add (&fixture->store, 2000, "EUR", "2026-03-02", "Second", category);
  sync_once (fixture);

  after = own_segment (fixture, 2);
  next = own_segment (fixture, 3);
  g_assert_cmpstr (after, ==, written);
  g_assert_nonnull (next);
  g_assert_nonnull (strstr (next, "Second"));
}

static OutlayRepository *
open_other (Fixture         *fixture,
            const char      *name,
            OutlayDatabase **database)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->store.dir, name, NULL);

  *database = outlay_database_open (path, &error);
  g_assert_no_error (error);
  return outlay_repository_new (*database);
}

static void
setup_in (OutlayRepository *repository,
          const char       *folder,
          const char       *name)
{
  g_autoptr (GError) error = NULL;
  OutlaySyncCounts counts = { 0 };

  g_assert_true (outlay_sync_setup (repository, folder, name, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (outlay_sync_run (repository, &counts, NULL, &error));
  g_assert_no_error (error);
}

/* The same ledger through a new folder: it sends everything again, so a
 * device that joins there gets it. */
static void
test_new_folder (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (OutlayDatabase) other_database = NULL;
  g_autoptr (OutlayRepository) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->store.dir, "Sync2", NULL);
  gint64           category = outlay_test_category_at (fixture->store.repository, 0);
  g_autoptr (OutlayExpense) expense = outlay_test_add (&fixture->store, 700, "EUR", "2026-03-03", "Pie", category);
  OutlaySyncCounts counts;

  sync_once (fixture);
  g_assert_true (outlay_sync_leave (fixture->store.repository, &error));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (outlay_sync_setup (fixture->store.repository, folder, NULL, NULL, &error));
  g_assert_no_error (error);
  counts = sync_once (fixture);
  g_assert_cmpuint (counts.written, ==, 11);

  other = open_other (fixture, "other.db", &other_database);
  setup_in (other, folder, "Phone");
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (other_database),
                                          "SELECT count(*) FROM expenses WHERE description = 'Pie'"),
                   ==, 1);
}

/* Another ledger: what this device wrote for the first does not go to the
 * second (its categories under their old uuids would be there twice). */
static void
test_other_ledger (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (OutlayDatabase) other_database = NULL;
  g_autoptr (OutlayRepository) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->store.dir, "Theirs", NULL);
  sqlite3         *db;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  other = open_other (fixture, "other.db", &other_database);
  setup_in (other, folder, "Laptop");

  g_assert_true (outlay_sync_leave (fixture->store.repository, &error));
  g_assert_true (outlay_sync_setup (fixture->store.repository, folder, NULL, NULL, &error));
  g_assert_no_error (error);
  sync_once (fixture);
  g_assert_true (outlay_sync_run (other, NULL, NULL, &error));
  g_assert_no_error (error);

  db = outlay_database_get_handle (other_database);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM categories"), ==,
                   outlay_test_query_int (outlay_test_handle (&fixture->store), "SELECT count(*) FROM categories"));
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM categories WHERE name = 'Groceries'"), ==, 1);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

/* A device that joins a large ledger is told how far it got: rising, to
 * the end. */
static void
test_progress (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  OutlaySyncCounts counts = { 0 };

  for (guint segment = 1; segment <= 3; segment++)
    {
      g_autoptr (GString) contents = g_string_new (NULL);

      for (guint i = 0; i < 20; i++)
        {
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *json = new_expense_json (fixture, "Bulk", 100 * segment + i);
          gint64           hlc = hlc_at (fixture, -100000 + (gint64) (segment * 100 + i));
          g_autofree char *text = line (hlc, "expenses", uuid, "*", json);

          g_string_append (contents, text);
        }
      write_segment (fixture, segment, contents->str);
    }

  g_assert_true (outlay_sync_run_with_progress (fixture->store.repository, &counts, on_progress, fractions, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.applied, ==, 60);
  g_assert_cmpuint (fractions->len, ==, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/rules/future-held", Fixture, NULL, fixture_setup, test_future_held, fixture_teardown);
  g_test_add ("/sync/rules/newer-kept", Fixture, NULL, fixture_setup, test_newer_kept, fixture_teardown);
  g_test_add ("/sync/rules/row-later", Fixture, NULL, fixture_setup, test_row_later, fixture_teardown);
  g_test_add ("/sync/rules/torn-and-damaged", Fixture, NULL, fixture_setup, test_torn_and_damaged, fixture_teardown);
  g_test_add ("/sync/rules/progress", Fixture, NULL, fixture_setup, test_progress, fixture_teardown);
  g_test_add ("/sync/rules/older-than-folder", Fixture, NULL, fixture_setup, test_older_than_folder,
              fixture_teardown);
  g_test_add ("/sync/rules/new-folder", Fixture, NULL, fixture_setup, test_new_folder, fixture_teardown);
  g_test_add ("/sync/rules/other-ledger", Fixture, NULL, fixture_setup, test_other_ledger, fixture_teardown);

  return g_test_run ();
}
