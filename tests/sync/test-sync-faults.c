/* test-sync-faults.c
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

/* A sync round with the disk failing at each of its I/O calls in turn
 * (tests/lib/outlay-fault-vfs.c), and with its segment failing to be
 * written: the round fails with an error, the ledger stays sound, and the
 * next rounds complete it, so that both devices end as they would have
 * without the fault. Nothing is lost, nothing is applied twice. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-fault-vfs.h"
#include "outlay-sync-private.h"
#include "outlay-test-utils.h"

/* The first and last calls of every kind and a spread in between. */
#define MAX_PER_KIND 24

typedef struct
{
  char *dir;
  char *folder;
  char *desktop;
  char *phone;
  char *template; /* the phone's ledger and the folder before the round */
} Setup;

static void
setup_clear (Setup *setup)
{
  outlay_test_remove_tree (setup->dir);
  g_free (setup->dir);
  g_free (setup->folder);
  g_free (setup->desktop);
  g_free (setup->phone);
  g_free (setup->template);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Setup, setup_clear)

typedef struct
{
  OutlayDatabase   *database;
  OutlayRepository *repository;
} Ledger;

static void
ledger_open (Ledger     *ledger,
             const char *path)
{
  g_autoptr (GError) error = NULL;

  ledger->database = outlay_database_open (path, &error);
  g_assert_no_error (error);
  ledger->repository = outlay_repository_new (ledger->database);
}

static void
ledger_close (Ledger *ledger)
{
  g_clear_object (&ledger->repository);
  g_clear_object (&ledger->database);
}

static void
add (Ledger     *ledger,
     gint64      amount,
     const char *description)
{
  g_autoptr (GError) error = NULL;
  GListModel     *categories = outlay_repository_get_categories (ledger->repository);
  g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, 1);
  g_autoptr (OutlayExpense) draft = outlay_test_draft (amount, "EUR", "2024-04-01", description,
                                                       outlay_category_get_id (category));
  g_autoptr (OutlayExpense) stored = outlay_repository_add_expense (ledger->repository, draft, &error);

  g_assert_no_error (error);
}

static gboolean
run_round (const char *path,
           GError    **error)
{
  Ledger   ledger = { 0 };
  gboolean done;

  /* The fault may hit the open itself. */
  ledger.database = outlay_database_open (path, error);
  if (ledger.database == NULL)
    return FALSE;
  ledger.repository = outlay_repository_new (ledger.database);
  done = outlay_sync_run (ledger.repository, NULL, NULL, error);
  ledger_close (&ledger);
  return done;
}

static void
sync_ok (const char *path)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (run_round (path, &error));
  g_assert_no_error (error);
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autofree char *command = g_strdup_printf ("cp -a '%s' '%s'", from, to);

  g_assert_cmpint (system (command), ==, 0);
}

/* What both ledgers hold of what syncs, without local ids and times. */
static char *
dump_synced (const char *path)
{
  sqlite3         *db = NULL;
  g_autofree char *expenses = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *integrity = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  integrity = outlay_test_dump (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  outlay_test_assert_summary_consistent (db);
  expenses = outlay_test_dump (db, "SELECT e.uuid, amount, currency, description, note, c.uuid, occurred_on, "
                                   "e.deleted_at IS NULL FROM expenses e JOIN categories c ON c.id = e.category_id "
                                   "ORDER BY e.uuid");
  categories = outlay_test_dump (db, "SELECT uuid, name, position, deleted_at IS NULL FROM categories ORDER BY uuid");
  sqlite3_close (db);

  return g_strconcat (expenses, categories, NULL);
}

/* The desktop has synced two expenses; the phone joins with its own and
 * a change, so that its first round applies, stamps, journals its rows
 * and writes a segment. */
static void
prepare (Setup *setup)
{
  Ledger desktop = { 0 };
  Ledger phone = { 0 };
  g_autoptr (GError) error = NULL;

  setup->dir = g_dir_make_tmp ("outlay-sync-faults-XXXXXX", NULL);
  setup->folder = g_build_filename (setup->dir, "Sync", NULL);
  setup->desktop = g_build_filename (setup->dir, "desktop.db", NULL);
  setup->phone = g_build_filename (setup->dir, "phone", "outlay.db", NULL);
  setup->template = g_build_filename (setup->dir, "template", NULL);
  g_mkdir_with_parents (setup->folder, 0700);

  ledger_open (&desktop, setup->desktop);
  add (&desktop, 1250, "Lunch");
  add (&desktop, 300, "Coffee");
  g_assert_true (outlay_sync_setup (desktop.repository, setup->folder, "Desktop", NULL, &error));
  g_assert_no_error (error);
  ledger_close (&desktop);
  sync_ok (setup->desktop);

  ledger_open (&phone, setup->phone);
  add (&phone, 1800, "Bakery");
  add (&phone, 990, "Bus");
  g_assert_true (outlay_sync_setup (phone.repository, setup->folder, "Phone", NULL, &error));
  g_assert_no_error (error);
  ledger_close (&phone);

  g_mkdir (setup->template, 0700);
  {
    g_autofree char *phone_dir = g_path_get_dirname (setup->phone);

    copy_tree (phone_dir, setup->template);
  }
  copy_tree (setup->folder, setup->template);
}

static void
restore (Setup *setup)
{
  g_autofree char *phone_dir = g_path_get_dirname (setup->phone);
  g_autofree char *saved_phone = g_build_filename (setup->template, "phone", NULL);
  g_autofree char *saved_folder = g_build_filename (setup->template, "Sync", NULL);

  outlay_test_remove_tree (phone_dir);
  outlay_test_remove_tree (setup->folder);
  copy_tree (saved_phone, phone_dir);
  copy_tree (saved_folder, setup->folder);
}

/* Both ledgers after the phone's round (with whatever fault) and rounds
 * after it without faults. */
static char *
finish (Setup *setup)
{
  g_autofree char *phone = NULL;
  g_autofree char *desktop = NULL;

  sync_ok (setup->phone);
  sync_ok (setup->desktop);
  sync_ok (setup->phone);

  phone = dump_synced (setup->phone);
  desktop = dump_synced (setup->desktop);
  g_assert_cmpstr (phone, ==, desktop);

  return g_steal_pointer (&phone);
}

/* A failed read while the repository reads its categories is a warning
 * (the window keeps what it showed), not the end of the test, while a
 * fault is in. */
static gboolean
tolerated (GLogLevelFlags level,
           const char    *message)
{
  return (level & G_LOG_LEVEL_WARNING) != 0 && outlay_fault_vfs_injected ();
}

static gboolean
on_fatal_log (const char    *domain,
              GLogLevelFlags level,
              const char    *message,
              gpointer       user_data)
{
  return !tolerated (level, message);
}

static void
on_log (const char    *domain,
        GLogLevelFlags level,
        const char    *message,
        gpointer       user_data)
{
  if (!tolerated (level, message))
    g_log_default_handler (domain, level, message, user_data);
}

static void
test_io_faults (void)
{
  static const OutlayFaultKind kinds[] = {
    OUTLAY_FAULT_READ, OUTLAY_FAULT_WRITE, OUTLAY_FAULT_SYNC, OUTLAY_FAULT_TRUNCATE, OUTLAY_FAULT_LOCK,
  };
  g_auto (Setup) setup = { 0 };
  g_autofree char *expected = NULL;
  guint            injected = 0;
  guint            failed = 0;

  /* Reset by each test. */
  g_test_log_set_fatal_handler (on_fatal_log, NULL);
  outlay_fault_vfs_install ();
  prepare (&setup);

  /* Without faults: what every trial must end with, and the calls. */
  {
    guint counts[G_N_ELEMENTS (kinds)];

    restore (&setup);
    outlay_fault_vfs_reset ();
    sync_ok (setup.phone);
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      counts[k] = outlay_fault_vfs_get_calls (kinds[k]);
    expected = finish (&setup);
    g_assert_nonnull (strstr (expected, "Bakery"));
    g_assert_nonnull (strstr (expected, "Lunch"));

    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      for (guint i = 0; i < MIN (counts[k], MAX_PER_KIND); i++)
        {
          guint nth = counts[k] <= MAX_PER_KIND ? i + 1 : 1 + i * (counts[k] - 1) / (MAX_PER_KIND - 1);
          g_autoptr (GError) error = NULL;
          g_autofree char *after = NULL;
          gboolean done;

          restore (&setup);
          outlay_fault_vfs_arm (kinds[k], nth, 0);
          done = run_round (setup.phone, &error);
          outlay_fault_vfs_disarm ();
          if (!outlay_fault_vfs_injected ())
            continue;
          injected++;
          if (!done)
            {
              g_assert_nonnull (error);
              g_assert_cmpstr (error->message, !=, "");
              failed++;
            }

          after = finish (&setup);
          if (g_strcmp0 (after, expected) != 0)
            g_error ("%s fault at call %u: the ledgers differ from a round without faults",
                     outlay_fault_kind_to_string (kinds[k]), nth);
        }
  }

  g_test_message ("%u faults injected, %u rounds failed", injected, failed);
  g_assert_cmpuint (injected, >, 20);
  g_assert_cmpuint (failed, >, 0);
}

/* The segment cannot be written (its name is taken by a folder): the round
 * fails and says so; the changes are written by the next one. */
static void
test_segment_write_fails (void)
{
  g_auto (Setup) setup = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *after = NULL;
  g_autofree char *device = NULL;
  g_autofree char *blocked = NULL;
  g_autofree char *listing = NULL;
  sqlite3         *db = NULL;

  prepare (&setup);
  restore (&setup);
  sync_ok (setup.phone);
  expected = finish (&setup);

  restore (&setup);
  g_assert_cmpint (sqlite3_open (setup.phone, &db), ==, SQLITE_OK);
  device = outlay_test_dump (db, "SELECT value FROM outlay_meta WHERE key = 'device_id'");
  listing = outlay_test_dump (db, "SELECT value FROM outlay_meta WHERE key = 'sync_ledger'");
  sqlite3_close (db);
  blocked = g_build_filename (setup.folder, "Outlay", g_strstrip (listing), g_strstrip (device), "00000001.jsonl",
                              NULL);
  g_assert_cmpint (g_mkdir_with_parents (blocked, 0700), ==, 0);

  g_assert_false (run_round (setup.phone, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);

  /* No half-written file is left for the desktop to read. */
  {
    g_autofree char *dir = g_path_get_dirname (blocked);
    g_autoptr (GDir) files = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (files)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".partial"));
  }

  g_assert_cmpint (g_rmdir (blocked), ==, 0);
  after = finish (&setup);
  g_assert_cmpstr (after, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_handler ("Outlay-Store", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, on_log, NULL);

  g_test_add_func ("/sync/faults/io", test_io_faults);
  g_test_add_func ("/sync/faults/segment", test_segment_write_fails);

  return g_test_run ();
}
