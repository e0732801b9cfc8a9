/* outlay-sync-benchmark.c
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

/* outlay-sync-benchmark: what the change journal costs and how fast sync
 * is, against the targets of issue 16:
 *
 *   outlay-sync-benchmark [--count 100000] [--edits 10000]
 *
 * - a single add, and adding --count expenses at once (the import's
 *   path), with the journal and without (its triggers dropped);
 * - a second device applying --edits changes of another (new expenses,
 *   then changed amounts), and a new device joining a ledger of --count
 *   expenses; the bytes a change takes in the folder.
 * Prints "target …: met|MISSED" lines and "# N targets missed" last. */

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "outlay-database-private.h"
#include "outlay-repository.h"
#include "outlay-sync.h"

static int opt_count = 100000;
static int opt_edits = 10000;
static int opt_adds = 1000;

static const GOptionEntry entries[] = {
  { "count", 'n', 0, G_OPTION_ARG_INT, &opt_count, "Expenses of the big ledger (100,000)", "N" },
  { "edits", 'e', 0, G_OPTION_ARG_INT, &opt_edits, "Changes a device applies (10,000)", "N" },
  { "adds", 'a', 0, G_OPTION_ARG_INT, &opt_adds, "Single adds measured (1,000)", "N" },
  { NULL }
};

static guint missed;

static void
target (const char *what,
        double      value,
        double      limit,
        const char *unit)
{
  gboolean met = value <= limit;

  g_print ("target %s <= %g %s: %s (%.3g %s)\n", what, limit, unit, met ? "met" : "MISSED", value, unit);
  missed += !met;
}

typedef struct
{
  OutlayDatabase   *database;
  OutlayRepository *repository;
} Ledger;

static void
ledger_open (Ledger     *ledger,
             const char *path,
             gboolean    journal)
{
  g_autoptr (GError) error = NULL;

  ledger->database = outlay_database_open (path, &error);
  g_assert_no_error (error);
  ledger->repository = outlay_repository_new (ledger->database);
  if (!journal)
    {
      sqlite3      *db = outlay_database_get_handle (ledger->database);
      sqlite3_stmt *stmt = NULL;
      GPtrArray    *drops = g_ptr_array_new_with_free_func (g_free);

      sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sync!_%' "
                              "ESCAPE '!'", -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (drops, g_strdup_printf ("DROP TRIGGER %s", sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      for (guint i = 0; i < drops->len; i++)
        g_assert_cmpint (sqlite3_exec (db, drops->pdata[i], NULL, NULL, NULL), ==, SQLITE_OK);
      g_ptr_array_unref (drops);
      /* The bulk insert writes the journal itself: into a table in memory
       * without an index, which costs less than nothing at all would not,
       * so the journal's cost is if anything overstated. */
      g_assert_cmpint (sqlite3_exec (db,
                                     "ALTER TABLE sync_journal RENAME TO sync_journal_off; "
                                     "CREATE TEMP TABLE sync_journal (tbl, row_uuid, col, value, old_value, "
                                     "changed_at, device, hlc)",
                                     NULL, NULL, NULL),
                       ==, SQLITE_OK);
    }
}

static void
ledger_close (Ledger *ledger)
{
  g_clear_object (&ledger->repository);
  g_clear_object (&ledger->database);
}

/* The size of the ledger's pages in use. */
static gint64
ledger_bytes (Ledger *ledger)
{
  sqlite3      *db = outlay_database_get_handle (ledger->database);
  sqlite3_stmt *stmt = NULL;
  gint64        bytes = 0;

  sqlite3_prepare_v2 (db, "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count, "
                          "pragma_freelist_count, pragma_page_size", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    bytes = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return bytes;
}

static OutlayExpense *
draft_new (Ledger *ledger,
           guint   i)
{
  OutlayExpense   *draft = outlay_expense_new ();
  GListModel      *categories = outlay_repository_get_categories (ledger->repository);
  g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i % g_list_model_get_n_items (categories));
  g_autoptr (GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2020);
  g_autofree char *description = g_strdup_printf ("Expense %u at the corner shop", i);

  g_date_add_days (day, i % 2000);
  outlay_expense_set_amount (draft, 100 + (i * 37) % 10000);
  outlay_expense_set_currency (draft, "EUR");
  outlay_expense_set_description (draft, description);
  outlay_expense_set_category_id (draft, outlay_category_get_id (category));
  outlay_expense_set_date (draft, day);
  return draft;
}

static double
add_many (Ledger *ledger,
          guint   n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 start;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (drafts, draft_new (ledger, i));

  start = g_get_monotonic_time ();
  g_assert_true (outlay_repository_add_expenses (ledger->repository, (OutlayExpense **) drafts->pdata, drafts->len,
                                                 &error));
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median time of a single add, in ms, alternating between two ledgers
 * so that both see the same machine. */
static void
single_adds (Ledger *with,
             Ledger *without,
             double *with_ms,
             double *without_ms)
{
  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) b = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < opt_adds; i++)
    for (int k = 0; k < 2; k++)
      {
        Ledger *ledger = k == 0 ? with : without;
        g_autoptr (OutlayExpense) draft = draft_new (ledger, (guint) i);
        g_autoptr (OutlayExpense) stored = NULL;
        g_autoptr (GError) error = NULL;
        gint64 start = g_get_monotonic_time ();
        double ms;

        stored = outlay_repository_add_expense (ledger->repository, draft, &error);
        g_assert_no_error (error);
        ms = (g_get_monotonic_time () - start) / 1e3;
        g_array_append_val (k == 0 ? a : b, ms);
      }

  g_array_sort (a, compare_doubles);
  g_array_sort (b, compare_doubles);
  *with_ms = g_array_index (a, double, a->len / 2);
  *without_ms = g_array_index (b, double, b->len / 2);
}

static double
sync_round (Ledger           *ledger,
            OutlaySyncCounts *counts)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (outlay_sync_run (ledger->repository, counts, NULL, &error));
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
setup (Ledger     *ledger,
       const char *folder,
       const char *name)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_sync_setup (ledger->repository, folder, name, NULL, &error));
  g_assert_no_error (error);
}

static gint64
folder_bytes (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  gint64      total = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf         st;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        total += folder_bytes (child);
      else if (g_str_has_suffix (name, ".jsonl") && g_stat (child, &st) == 0)
        total += st.st_size;
    }
  return total;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new ("- measure the change journal and sync");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  Ledger           with = { 0 };
  Ledger           without = { 0 };
  Ledger           phone = { 0 };
  Ledger           fresh = { 0 };
  OutlaySyncCounts counts = { 0 };
  double           t_with, t_without, ms_with, ms_without, t;
  gint64           bytes;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = g_dir_make_tmp ("outlay-sync-benchmark-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_build_filename (dir, "Sync", NULL);
  g_mkdir (folder, 0700);

  /* The journal's cost: the best of three of each, alternating, on new
   * ledgers, so that both see the same machine. */
  t_with = t_without = G_MAXDOUBLE;
  for (int run = 0; run < 3; run++)
    {
      g_autofree char *a = g_strdup_printf ("%s/with-%d.db", dir, run);
      g_autofree char *b = g_strdup_printf ("%s/without-%d.db", dir, run);
      double           without_s;
      double           with_s;

      if (run > 0)
        {
          ledger_close (&with);
          ledger_close (&without);
        }
      ledger_open (&with, a, TRUE);
      ledger_open (&without, b, FALSE);
      without_s = add_many (&without, (guint) opt_count);
      with_s = add_many (&with, (guint) opt_count);

      t_without = MIN (t_without, without_s);
      t_with = MIN (t_with, with_s);
    }

  {
    g_print ("add %d at once (best of 3): %.2f s with the journal, %.2f s without\n", opt_count, t_with, t_without);
    target ("journal's cost on adding many at once", 100.0 * (t_with - t_without) / t_without, 30, "%");
    g_print ("the ledger of %d: %.1f MB with the journal, %.1f MB without (%.0f bytes an expense more)\n",
             opt_count, ledger_bytes (&with) / 1e6, ledger_bytes (&without) / 1e6,
             (double) (ledger_bytes (&with) - ledger_bytes (&without)) / opt_count);

    single_adds (&with, &without, &ms_with, &ms_without);
    g_print ("single add (median of %d), in a ledger of %d: %.3f ms with the journal, %.3f ms without\n", opt_adds,
             opt_count, ms_with, ms_without);
    target ("journal's cost on a single add", 100.0 * (ms_with - ms_without) / ms_without, 20, "%");
    ledger_close (&without);
  }

  /* A new device joins the big ledger. */
  {
    g_autofree char *path = g_build_filename (dir, "fresh.db", NULL);

    setup (&with, folder, "Desktop");
    t = sync_round (&with, &counts);
    bytes = folder_bytes (folder);
    g_print ("first round of a ledger of %d: %.2f s, %u changes written, %.0f bytes a new row\n",
             opt_count + opt_adds, t, counts.written, (double) bytes / counts.written);

    ledger_open (&fresh, path, TRUE);
    setup (&fresh, folder, "Phone");
    t = sync_round (&fresh, &counts);
    g_print ("a new device joins: %.2f s, %u changes applied\n", t, counts.applied);
    target ("a new device joins a ledger of 100,000 expenses", t * 100000.0 / opt_count, 30, "s");
  }

  /* Another device's changes: new expenses, then amounts changed. */
  {
    g_autofree char *path = g_build_filename (dir, "phone.db", NULL);
    sqlite3         *db = outlay_database_get_handle (fresh.database);
    g_autofree char *edit = NULL;
    gint64           before;

    /* A third device, in the ledger already. */
    ledger_open (&phone, path, TRUE);
    setup (&phone, folder, "Tablet");
    sync_round (&phone, &counts);

    add_many (&fresh, (guint) opt_edits);
    sync_round (&fresh, &counts);
    g_print ("# the joined device wrote %u new expenses\n", counts.written);
    ledger_open (&phone, path, TRUE);
    t = sync_round (&phone, &counts);
    g_print ("apply %u new expenses of another device: %.2f s\n", counts.applied, t);
    target ("apply 10,000 changes (new expenses)", t * 10000.0 / MAX (counts.applied, 1), 1, "s");

    before = folder_bytes (folder);
    edit = g_strdup_printf ("UPDATE expenses SET amount = amount + 1 WHERE id IN (SELECT id FROM expenses "
                            "ORDER BY id DESC LIMIT %d)", opt_edits);
    g_assert_cmpint (sqlite3_exec (db, edit, NULL, NULL, NULL), ==, SQLITE_OK);
    sync_round (&fresh, &counts);
    g_print ("bytes a changed amount takes in the folder: %.0f\n",
             (double) (folder_bytes (folder) - before) / MAX (counts.written, 1));
    t = sync_round (&phone, &counts);
    g_print ("apply %u changed amounts of another device: %.2f s\n", counts.applied, t);
    target ("apply 10,000 changes (amounts)", t * 10000.0 / MAX (counts.applied, 1), 1, "s");
  }

  ledger_close (&with);
  ledger_close (&fresh);
  ledger_close (&phone);

  g_print ("# %u targets missed\n", missed);
  return 0;
}
