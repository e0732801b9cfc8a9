/* outlay-salvage-benchmark.c
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

/* outlay-salvage-benchmark: how long "Save what can be read" takes on a
 * big ledger, and the memory it needs.
 *
 *   outlay-benchmark --count 1000000 --runs 1 --database /tmp/big/outlay.db --keep
 *   outlay-salvage-benchmark --database /tmp/big/outlay.db [--damage N] [--root]
 *
 * It copies the ledger into a temporary folder, writes garbage over N
 * random pages of the expenses table (--damage), or over its root page
 * (--root), salvages the copy into a new file and prints the time, the
 * peak RSS and the counts. The ledger given is only read. Run by hand. */

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "outlay-salvage.h"

static char    *opt_database = NULL;
static int      opt_damage = 0;
static gboolean opt_root = FALSE;
static int      opt_seed = 1;

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database, "The ledger to salvage a copy of", "PATH" },
  { "damage", 'n', 0, G_OPTION_ARG_INT, &opt_damage, "Overwrite N random pages of the expenses table", "N" },
  { "root", 'r', 0, G_OPTION_ARG_NONE, &opt_root, "Overwrite the root page of the expenses table", NULL },
  { "seed", 's', 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the pages picked", "S" },
  { NULL }
};

/* The peak RSS so far: before the salvage, the program has only copied
 * and damaged a file, a page at a time. */
static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* The pages of the expenses table, its root first. */
static GArray *
expense_pages (const char *path,
               int        *page_size)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?immutable=1", NULL);
  GArray          *pages = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = 'expenses' ORDER BY path", -1, &stmt, NULL) !=
        SQLITE_OK)
    g_error ("Could not list the pages of %s: %s", path, sqlite3_errmsg (db));

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int pageno = sqlite3_column_int (stmt, 0);
      g_array_append_val (pages, pageno);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL);
  sqlite3_step (stmt);
  *page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return pages;
}

static void
overwrite_page (const char *path,
                int         pageno,
                int         page_size,
                GRand      *rand)
{
  g_autofree guint8 *garbage = g_malloc (page_size);
  int                fd = g_open (path, O_WRONLY, 0);

  for (int i = 0; i < page_size; i++)
    garbage[i] = (guint8) g_rand_int_range (rand, 0, 256);
  garbage[0] = 0x7f;

  if (fd < 0 || pwrite (fd, garbage, page_size, (off_t) (pageno - 1) * page_size) != page_size)
    g_error ("Could not damage %s", path);
  close (fd);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new ("- measure the salvage of a damaged ledger");
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) source = NULL;
  g_autoptr (GFile) copy = NULL;
  g_autofree char    *dir = NULL;
  g_autofree char    *damaged = NULL;
  g_autofree char    *saved = NULL;
  OutlaySalvageReport report;
  gint64              start;
  gboolean            ok;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_database == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--database is needed");
      return 2;
    }

  dir = g_dir_make_tmp ("outlay-salvage-benchmark-XXXXXX", &error);
  g_assert_no_error (error);
  damaged = g_build_filename (dir, "damaged.db", NULL);
  saved = g_build_filename (dir, "saved.db", NULL);
  source = g_file_new_for_path (opt_database);
  copy = g_file_new_for_path (damaged);
  if (!g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    {
      g_printerr ("Could not copy %s: %s\n", opt_database, error->message);
      return 1;
    }

  if (opt_damage > 0 || opt_root)
    {
      g_autoptr (GArray) pages = NULL;
      GRand *rand = g_rand_new_with_seed ((guint32) opt_seed);
      int    page_size = 0;

      pages = expense_pages (damaged, &page_size);
      if (opt_root)
        overwrite_page (damaged, g_array_index (pages, int, 0), page_size, rand);
      for (int i = 0; i < opt_damage; i++)
        overwrite_page (damaged, g_array_index (pages, int, g_rand_int_range (rand, 1, pages->len)), page_size, rand);
      g_print ("# overwrote %d of the %u pages of the expenses%s\n", opt_damage, pages->len,
               opt_root ? " and their root page" : "");
      g_rand_free (rand);
    }

  g_print ("# peak RSS before: %.1f MB\n", peak_rss_mb ());

  start = g_get_monotonic_time ();
  ok = outlay_salvage (damaged, saved, &report, NULL, &error);
  g_print ("salvage: %.2f s\n", (g_get_monotonic_time () - start) / 1e6);
  g_print ("peak RSS: %.1f MB\n", peak_rss_mb ());

  if (!ok)
    g_print ("failed: %s\n", error->message);
  else
    g_print ("expenses saved: %u\nexpenses unreadable: %u\ncategories saved: %u\ncategories unreadable: %u\n"
             "categories replaced: %s\n",
             report.expenses_saved, report.expenses_unreadable, report.categories_saved,
             report.categories_unreadable, report.categories_replaced ? "yes" : "no");

  g_unlink (saved);
  g_unlink (damaged);
  g_rmdir (dir);

  return ok ? 0 : 1;
}
