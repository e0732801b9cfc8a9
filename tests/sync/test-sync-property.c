/* test-sync-property.c
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

/* Three ledgers, one folder: random operations on each, the folder's
 * files delivered between them in random order, torn (a prefix copied,
 * the rest later), deleted late (the segments a device folded), and read
 * twice (a ledger that forgets how far it read); one ledger starts on data
 * format 8, written by the old code's SQL, and is upgraded and joins
 * midway. At the end every ledger holds the same rows, each cell holds the
 * newest change made to it, and the derived tables agree with the rows;
 * the segments were folded, and a fourth ledger that joins then gets the
 * same rows from what is left.
 *
 * OUTLAY_SYNC_STEPS sets the number of steps (5,000 by default; each a
 * change, a sync round or a delivery). */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-sync-private.h"
#include "outlay-test-utils.h"

#define N_DEVICES 3

typedef struct
{
  const char       *name;
  char             *path;
  char             *view; /* this device's copy of the shared folder */
  char             *id;
  OutlayDatabase   *database;
  OutlayRepository *repository;
  sqlite3          *old;  /* on data format 8: the old code's connection */
  gboolean          joined;
} Device;

typedef struct
{
  char   *dir;
  char   *ledger;
  Device  devices[N_DEVICES];
  char   *rule_uuid;
  guint   acknowledged;
  guint   rounds;
  guint   torn;
} World;

static const char *const descriptions[] = { "Coffee", "Lunch", "Bus", "Rent", "Books", "Cinema", "Bakery" };
static const char *const category_names[] = { "Fun", "Kids", "Garden", "Coffee Shops", "Gifts", "Pets" };

static sqlite3 *
handle (Device *device)
{
  return device->old != NULL ? device->old : outlay_database_get_handle (device->database);
}

static guint
pick (guint n)
{
  return n == 0 ? 0 : (guint) g_test_rand_int_range (0, (gint32) n);
}

/* The id of a random row that @where selects, or 0. */
static gint64
pick_id (Device     *device,
         const char *table,
         const char *where)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", table, where);
  gint64           n = outlay_test_query_int (handle (device), count_sql);
  g_autofree char *sql = NULL;

  if (n == 0)
    return 0;
  sql = g_strdup_printf ("SELECT id FROM %s WHERE %s ORDER BY id LIMIT 1 OFFSET %u", table, where, pick ((guint) n));
  return outlay_test_query_int (handle (device), sql);
}

static void
open_device (Device *device)
{
  g_autoptr (GError) error = NULL;

  device->database = outlay_database_open (device->path, &error);
  g_assert_no_error (error);
  device->repository = outlay_repository_new (device->database);
  g_free (device->id);
  device->id = outlay_test_dump (outlay_database_get_handle (device->database),
                                 "SELECT value FROM outlay_meta WHERE key = 'device_id'");
  g_strstrip (device->id);
}

static void
sync_device (World  *world,
             Device *device)
{
  g_autoptr (GError) error = NULL;
  OutlaySyncCounts counts = { 0 };

  if (device->old != NULL || !device->joined)
    return;
  g_assert_true (outlay_sync_run (device->repository, &counts, NULL, &error));
  g_assert_no_error (error);
  world->rounds++;
}

static void
copy_file (const char *from,
           const char *to,
           gboolean    torn)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (to);
  gsize            length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  if (torn && length > 2)
    length = 1 + pick ((guint) length - 1);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (to, contents, (gssize) length, &error));
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  gsize            n1 = 0;
  gsize            n2 = 0;

  return g_file_get_contents (a, &one, &n1, NULL) && g_file_get_contents (b, &two, &n2, NULL) && n1 == n2 &&
         memcmp (one, two, n1) == 0;
}

/* What the program that keeps the folder in sync does, badly: some of the
 * files @from wrote, in any order, some of them half. */
static void
deliver (World   *world,
         Device  *from,
         Device  *to,
         gboolean all)
{
  g_autofree char *source = g_build_filename (from->view, "Outlay", world->ledger, from->id, NULL);
  g_autoptr (GDir) dir = g_dir_open (source, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (source, name, NULL);
      g_autofree char *dst = g_build_filename (to->view, "Outlay", world->ledger, from->id, name, NULL);
      gboolean         torn = !all && pick (100) < 15;

      if (name[0] == '.' || same_file (src, dst) || (!all && pick (100) < 30))
        continue;
      copy_file (src, dst, torn);
      world->torn += torn;
    }

  /* Files the device deleted (folded segments) go too, some of them late. */
  {
    g_autofree char *copies = g_build_filename (to->view, "Outlay", world->ledger, from->id, NULL);
    g_autoptr (GDir) listing = g_dir_open (copies, 0, NULL);

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *src = g_build_filename (source, name, NULL);
        g_autofree char *dst = g_build_filename (copies, name, NULL);

        if (!g_file_test (src, G_FILE_TEST_EXISTS) && (all || pick (100) < 50))
          g_assert_cmpint (g_unlink (dst), ==, 0);
      }
  }
}

static void
deliver_everything (World *world)
{
  for (guint i = 0; i < N_DEVICES; i++)
    for (guint j = 0; j < N_DEVICES; j++)
      if (i != j && world->devices[i].joined && world->devices[j].joined)
        deliver (world, &world->devices[i], &world->devices[j], TRUE);
}

static void
join (World  *world,
      Device *device)
{
  g_autoptr (GError) error = NULL;

  /* The first device's folder, whole, before it joins. */
  if (world->ledger != NULL)
    deliver (world, &world->devices[0], device, TRUE);

  g_assert_true (outlay_sync_setup (device->repository, device->view, device->name, NULL, &error));
  g_assert_no_error (error);
  device->joined = TRUE;
  sync_device (world, device);

  if (world->ledger == NULL)
    {
      world->ledger = outlay_test_dump (outlay_database_get_handle (device->database),
                                        "SELECT value FROM outlay_meta WHERE key = 'sync_ledger'");
      g_strstrip (world->ledger);
    }
}

static void
acknowledge (World    *world,
             gboolean  done,
             GError   *error)
{
  /* Refused by the repository's own checks (a name taken, say): no change. */
  if (done)
    world->acknowledged++;
  else
    {
      g_assert_nonnull (error);
      if (g_getenv ("OUTLAY_SYNC_DEBUG") != NULL)
        g_test_message ("refused: %s", error->message);
    }
}

static void
old_code_writes (World  *world,
                 Device *device)
{
  g_autofree char *sql = NULL;
  gint64           id = pick_id (device, "expenses", "deleted_at IS NULL");

  if (pick (3) > 0 || id == 0)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      sql = g_strdup_printf ("INSERT INTO expenses (uuid, amount, currency, description, note, category_id, "
                             "occurred_on, created_at, updated_at) VALUES ('%s', %u, 'EUR', '%s', '', %" G_GINT64_FORMAT
                             ", '2024-03-%02u', strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), "
                             "strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'))",
                             uuid, 100 + pick (5000), descriptions[pick (G_N_ELEMENTS (descriptions))],
                             pick_id (device, "categories", "deleted_at IS NULL"), 1 + pick (28));
    }
  else
    sql = g_strdup_printf ("UPDATE expenses SET amount = %u, updated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') "
                           "WHERE id = %" G_GINT64_FORMAT,
                           100 + pick (5000), id);

  outlay_test_exec (device->old, sql);
  world->acknowledged++;
}

static void
add_expense (World  *world,
             Device *device,
             const char *import_hash)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GDate) day = g_date_new_dmy ((GDateDay) (1 + pick (28)), G_DATE_MARCH, 2024);

  outlay_expense_set_amount (draft, 100 + pick (10000));
  outlay_expense_set_currency (draft, pick (5) == 0 ? "USD" : "EUR");
  outlay_expense_set_description (draft, descriptions[pick (G_N_ELEMENTS (descriptions))]);
  outlay_expense_set_category_id (draft, pick_id (device, "categories", "deleted_at IS NULL"));
  outlay_expense_set_date (draft, day);
  if (import_hash != NULL)
    {
      /* An import's path: a bulk insert, its derived rows written at once. */
      gboolean added;

      outlay_expense_set_import_hash (draft, import_hash);
      added = outlay_repository_add_expenses (device->repository, &draft, 1, &error);
      acknowledge (world, added, error);
      return;
    }
  stored = outlay_repository_add_expense (device->repository, draft, &error);
  acknowledge (world, stored != NULL, error);
}

static void
edit_expense (World  *world,
              Device *device)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) expense = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  gint64 id = pick_id (device, "expenses", "deleted_at IS NULL");

  if (id == 0 || (expense = outlay_repository_get_expense (device->repository, id, NULL)) == NULL)
    return;

  switch (pick (4))
    {
    case 0:
      outlay_expense_set_description (expense, descriptions[pick (G_N_ELEMENTS (descriptions))]);
      break;
    case 1:
      outlay_expense_set_category_id (expense, pick_id (device, "categories", "deleted_at IS NULL"));
      break;
    default:
      outlay_expense_set_amount (expense, 100 + pick (10000));
      break;
    }
  stored = outlay_repository_update_expense (device->repository, expense, &error);
  acknowledge (world, stored != NULL, error);
}

static void
delete_or_restore (World  *world,
                   Device *device)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) done = NULL;
  gboolean restore = pick (3) == 0;
  gint64   id = pick_id (device, "expenses", restore ? "deleted_at IS NOT NULL" : "deleted_at IS NULL");

  if (id == 0)
    return;
  done = restore ? outlay_repository_restore_expense (device->repository, id, &error)
                 : outlay_repository_delete_expense (device->repository, id, &error);
  acknowledge (world, done != NULL, error);
}

static void
change_category (World  *world,
                 Device *device)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fallback = outlay_test_dump (handle (device), "SELECT value FROM outlay_meta "
                                                                 "WHERE key = 'fallback_category_uuid'");
  g_autofree char *others = NULL;
  gint64           id;
  gboolean         done;

  g_strstrip (fallback);
  others = g_strdup_printf ("deleted_at IS NULL AND uuid != '%s'", fallback);
  id = pick_id (device, "categories", others);
  if (id == 0)
    return;

  if (pick (4) > 0 || outlay_test_query_int (handle (device), "SELECT count(*) FROM categories "
                                                              "WHERE deleted_at IS NULL") < 5)
    done = outlay_repository_rename_category (device->repository, id,
                                              category_names[pick (G_N_ELEMENTS (category_names))], &error);
  else
    {
      g_autoptr (OutlayCategoryRemoval) removal = NULL;
      g_autofree char *into_where = g_strdup_printf ("%s AND id != %" G_GINT64_FORMAT, others, id);
      gint64           into = pick_id (device, "categories", into_where);

      removal = outlay_repository_remove_category (device->repository, id, into, TRUE, &error);
      done = removal != NULL;
    }
  acknowledge (world, done, error);
}

static void
recurring (World  *world,
           Device *device,
           guint   step)
{
  g_autoptr (GError) error = NULL;

  if (world->rule_uuid == NULL)
    {
      g_autoptr (OutlayRecurringRule) rule = outlay_recurring_rule_new ();
      g_autoptr (OutlayRecurringRule) stored = NULL;
      g_autoptr (GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
      GListModel *categories = outlay_repository_get_categories (device->repository);
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, 0);
      OutlayRecurrence recurrence;

      outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_WEEKLY, 1, start);
      recurrence.weekdays = OUTLAY_WEEKDAY_BIT (G_DATE_MONDAY);
      outlay_recurring_rule_set_amount (rule, 1200);
      outlay_recurring_rule_set_currency (rule, "EUR");
      outlay_recurring_rule_set_description (rule, "Cleaning");
      outlay_recurring_rule_set_category_uuid (rule, outlay_category_get_uuid (category));
      outlay_recurring_rule_set_recurrence (rule, &recurrence);
      stored = outlay_repository_add_recurring_rule (device->repository, rule, &error);
      g_assert_no_error (error);
      world->rule_uuid = g_strdup (outlay_recurring_rule_get_uuid (stored));
      world->acknowledged++;
    }
  else
    {
      /* Each device catches up on its own: the same weeks, twice. */
      g_autoptr (GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
      g_autoptr (OutlayRecurringRun) run = NULL;

      g_date_add_days (today, step / 20);
      run = outlay_repository_run_recurring (device->repository, today, 60, NULL, &error);
      acknowledge (world, run != NULL, error);
    }
}

static void
step_device (World  *world,
             Device *device,
             guint   step)
{
  guint roll = pick (100);

  if (device->old != NULL)
    {
      old_code_writes (world, device);
      return;
    }

  if (roll < 25)
    add_expense (world, device, NULL);
  else if (roll < 45)
    edit_expense (world, device);
  else if (roll < 55)
    delete_or_restore (world, device);
  else if (roll < 62)
    change_category (world, device);
  else if (roll < 68)
    {
      /* The same line of a bank's file, imported on any device; a device
       * never imports a line it has, deleted or not (as the importer). */
      g_autofree char *hash = g_strdup_printf ("bank-line-%u", pick (40));
      g_autofree char *where = g_strdup_printf ("import_hash = '%s'", hash);

      if (pick_id (device, "expenses", where) == 0)
        add_expense (world, device, hash);
    }
  else if (roll < 72)
    recurring (world, device, step);
  else if (roll < 86)
    sync_device (world, device);
  else
    {
      Device *to = &world->devices[pick (N_DEVICES)];

      if (to != device && to->joined && device->joined)
        deliver (world, device, to, FALSE);
    }

  /* Now and then a device forgets how far it read, and reads it all again. */
  if (pick (1000) < 5 && device->joined)
    outlay_test_exec (handle (device), "UPDATE sync_peers SET segment = 1, line = 0");
}

/* Every synced table as it travels: by uuid, without local ids; an alert
 * by what it is about (two devices may each have given it). */
static char *
dump_ledger (Device *device)
{
  g_autoptr (GString) dump = g_string_new (NULL);
  const OutlaySyncTable *tables;
  guint                  n_tables;

  tables = outlay_sync_tables_get (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autoptr (GString) sql = g_string_new ("SELECT ");
      g_autofree char *rows = NULL;
      gboolean         alerts = g_str_equal (tables[i].name, "budget_alerts");

      if (!alerts)
        g_string_append (sql, "uuid, ");
      for (guint j = 0; j < tables[i].n_columns; j++)
        {
          g_autofree char *read = outlay_sync_column_build_read (&tables[i].columns[j], "t");

          if (alerts && g_str_equal (tables[i].columns[j].name, "created_at"))
            continue;
          g_string_append_printf (sql, "%s%s", j > 0 ? ", " : "", read);
        }
      g_string_append_printf (sql, " FROM %s t", tables[i].name);
      if (tables[i].row_filter != NULL)
        g_string_append_printf (sql, " WHERE t.%s", tables[i].row_filter);
      g_string_append (sql, alerts ? " ORDER BY 1, 2, 3" : " ORDER BY uuid");

      rows = outlay_test_dump (handle (device), sql->str);
      g_string_append_printf (dump, "[%s]\n%s", tables[i].name, rows);
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* Each cell holds the value of the newest change made to it on any device
 * (by clock, then device id), unless a newer copy of the whole row came
 * after: what was acknowledged is there, or lost only to a newer change. */
static void
assert_newest_wins (World  *world,
                    Device *device)
{
  g_autoptr (GHashTable) newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer       key;
  gpointer       value;
  guint          checked = 0;

  for (guint i = 0; i < N_DEVICES; i++)
    {
      Device       *d = &world->devices[i];
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle (d),
                                           "SELECT tbl, row_uuid, col, quote(value), hlc, coalesce(device, ?1) "
                                           "FROM sync_journal "
                                           "WHERE hlc > 0 AND NOT (col IN ('*', '=') AND value IS NULL)",
                                           -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, d->id, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char      *col = (const char *) sqlite3_column_text (stmt, 2);
          gboolean         whole = strchr ("*=-", col[0]) != NULL;
          g_autofree char *stamp = g_strdup_printf ("%020lld %s", (long long) sqlite3_column_int64 (stmt, 4),
                                                    (const char *) sqlite3_column_text (stmt, 5));
          g_autofree char *cell = g_strdup_printf ("%s|%s|%s", (const char *) sqlite3_column_text (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1), whole ? "" : col);
          GHashTable      *map = whole ? rows : newest;
          const char      *seen = g_hash_table_lookup (map, cell);

          if (seen == NULL || strcmp (stamp, seen) > 0)
            g_hash_table_insert (map, g_steal_pointer (&cell),
                                 g_strdup_printf ("%s\t%s", stamp, (const char *) sqlite3_column_text (stmt, 3)));
        }
      sqlite3_finalize (stmt);
    }

  g_hash_table_iter_init (&iter, newest);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto (GStrv) parts = g_strsplit (key, "|", 3);
      g_autofree char *row_key = g_strdup_printf ("%s|%s|", parts[0], parts[1]);
      const char      *row = g_hash_table_lookup (rows, row_key);
      const OutlaySyncTable  *table = outlay_sync_tables_lookup (parts[0]);
      const OutlaySyncColumn *column = outlay_sync_table_lookup_column (table, parts[2]);
      g_autofree char        *read = outlay_sync_column_build_read (column, "t");
      g_autofree char        *sql = NULL;
      g_autofree char        *now = NULL;
      const char             *expected = strchr (value, '\t') + 1;

      /* A newer copy of the row (or its removal) decides. */
      if (row != NULL && strncmp (row, value, strchr (value, '\t') - (char *) value) > 0)
        continue;

      sql = g_strdup_printf ("SELECT quote(%s) FROM %s t WHERE uuid = '%s'", read, parts[0], parts[1]);
      now = outlay_test_dump (handle (device), sql);
      g_strchomp (now);
      if (*now == '\0')
        continue; /* the row was removed for good */
      g_assert_cmpstr (now, ==, expected);
      checked++;
    }

  g_assert_cmpuint (checked, >, 100);
}

static void
assert_derived (Device *device)
{
  g_autofree char *integrity =
    outlay_test_dump (handle (device), "INSERT INTO expenses_fts (expenses_fts, rank) VALUES ('integrity-check', 1)");

  outlay_test_assert_summary_consistent (handle (device));
  g_assert_cmpstr (integrity, ==, "");
  /* No expense stays in a category deleted (merged) on another device. */
  g_assert_cmpint (outlay_test_query_int (handle (device), "SELECT count(*) FROM expenses e JOIN categories c "
                                                           "ON c.id = e.category_id WHERE e.deleted_at IS NULL "
                                                           "AND c.deleted_at IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (outlay_test_query_int (handle (device), "SELECT count(*) FROM expenses_fts_queue"), ==, 0);
  g_assert_cmpint (outlay_test_query_int (handle (device), "SELECT count(*) FROM expenses_fts"), ==,
                   outlay_test_query_int (handle (device), "SELECT count(*) FROM expenses"));
}

static void
upgrade_old_device (World  *world,
                    Device *device)
{
  g_assert_cmpint (sqlite3_close (device->old), ==, SQLITE_OK);
  device->old = NULL;
  open_device (device);
  join (world, device);
}

static void
test_property (void)
{
  g_autofree char *dir = g_dir_make_tmp ("outlay-sync-XXXXXX", NULL);
  g_autofree char *fixture = outlay_test_fixture_text ("schema-8.sql");
  const char      *steps_text = g_getenv ("OUTLAY_SYNC_STEPS");
  guint            steps = steps_text != NULL ? (guint) g_ascii_strtoull (steps_text, NULL, 10) : 5000;
  World            world = { 0 };
  g_autofree char *first = NULL;

  world.dir = dir;
  for (guint i = 0; i < N_DEVICES; i++)
    {
      Device *device = &world.devices[i];

      device->name = (const char *[]) { "Desktop", "Phone", "Laptop" }[i];
      device->path = g_strdup_printf ("%s/%s.db", dir, device->name);
      device->view = g_strdup_printf ("%s/%s-folder", dir, device->name);
      g_assert_cmpint (g_mkdir (device->view, 0700), ==, 0);
    }

  /* The laptop runs an Outlay of data format 8 until midway. */
  g_assert_cmpint (sqlite3_open (world.devices[2].path, &world.devices[2].old), ==, SQLITE_OK);
  outlay_test_exec (world.devices[2].old, fixture);

  open_device (&world.devices[0]);
  open_device (&world.devices[1]);
  for (guint i = 0; i < 20; i++)
    add_expense (&world, &world.devices[1], NULL);
  join (&world, &world.devices[0]);
  join (&world, &world.devices[1]);
  deliver (&world, &world.devices[1], &world.devices[0], TRUE);
  sync_device (&world, &world.devices[0]);

  /* The default categories of both are one set; the expenses the phone had
   * before it joined are on the desktop. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (outlay_test_query_int (handle (&world.devices[i]), "SELECT count(*) FROM categories"), ==,
                       outlay_migrations_get_n_default_categories ());
      g_assert_cmpint (outlay_test_query_int (handle (&world.devices[i]), "SELECT count(*) FROM expenses"), ==, 20);
    }

  for (guint step = 0; step < steps; step++)
    {
      if (step == steps / 2)
        upgrade_old_device (&world, &world.devices[2]);
      step_device (&world, &world.devices[pick (N_DEVICES)], step);
    }

  /* The folder program catches up, everyone syncs until nothing moves. */
  for (guint round = 0; round < 3; round++)
    {
      deliver_everything (&world);
      for (guint i = 0; i < N_DEVICES; i++)
        sync_device (&world, &world.devices[i]);
    }

  first = dump_ledger (&world.devices[0]);
  g_assert_cmpuint (strlen (first), >, 1000);
  for (guint i = 0; i < N_DEVICES; i++)
    {
      g_autofree char *dump = dump_ledger (&world.devices[i]);

      if (g_getenv ("OUTLAY_SYNC_DEBUG") != NULL)
        {
          g_autofree char *path = g_strdup_printf ("/tmp/sync-dump-%u.txt", i);
          g_autofree char *pending = outlay_test_dump (handle (&world.devices[i]),
                                                       "SELECT reason, tbl, col, count(*) FROM sync_pending "
                                                       "GROUP BY 1, 2, 3");
          g_file_set_contents (path, dump, -1, NULL);
          g_test_message ("%s pending:\n%s", world.devices[i].name, pending);
        }
      g_assert_cmpstr (dump, ==, first);
      g_assert_cmpint (outlay_test_query_int (handle (&world.devices[i]), "SELECT count(*) FROM sync_pending"), ==, 0);
      assert_derived (&world.devices[i]);
      assert_newest_wins (&world, &world.devices[i]);
    }

  /* The segments every device read were folded; a new device that joins
   * now gets the same ledger from what is left of them. */
  {
    g_autofree char *command = NULL;
    g_autofree char *dump = NULL;
    Device           late = { .name = "Tablet" };
    guint            folded = 0;

    for (guint i = 0; i < N_DEVICES; i++)
      {
        g_autofree char *own = g_build_filename (world.devices[i].view, "Outlay", world.ledger, world.devices[i].id,
                                                 NULL);
        gint64 written = outlay_test_query_int (handle (&world.devices[i]), "SELECT value FROM outlay_meta "
                                                                            "WHERE key = 'sync_segment'");
        gint64 files = (gint64) outlay_test_count_files (own) - 1;

        folded += files < written;
      }
    g_assert_cmpuint (folded, >, 0);

    late.path = g_strdup_printf ("%s/late.db", dir);
    late.view = g_strdup_printf ("%s/late-folder", dir);
    command = g_strdup_printf ("cp -a '%s' '%s'", world.devices[0].view, late.view);
    g_assert_cmpint (system (command), ==, 0);
    open_device (&late);
    join (&world, &late);
    dump = dump_ledger (&late);
    if (g_getenv ("OUTLAY_SYNC_DEBUG") != NULL)
      {
        g_file_set_contents ("/tmp/sync-dump-late.txt", dump, -1, NULL);
        g_file_set_contents ("/tmp/sync-dump-first.txt", first, -1, NULL);
      }
    g_assert_cmpstr (dump, ==, first);
    assert_derived (&late);
    g_clear_object (&late.repository);
    g_clear_object (&late.database);
    g_free (late.path);
    g_free (late.view);
    g_free (late.id);
  }

  g_test_message ("%u steps: %u changes acknowledged, %u rounds, %u files delivered torn", steps,
                  world.acknowledged, world.rounds, world.torn);
  g_assert_cmpuint (world.acknowledged, >, steps / 3);
  g_assert_cmpuint (world.torn, >, 0);

  for (guint i = 0; i < N_DEVICES; i++)
    {
      g_clear_object (&world.devices[i].repository);
      g_clear_object (&world.devices[i].database);
      g_free (world.devices[i].path);
      g_free (world.devices[i].view);
      g_free (world.devices[i].id);
    }
  g_free (world.ledger);
  g_free (world.rule_uuid);
  outlay_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/property", test_property);

  return g_test_run ();
}
