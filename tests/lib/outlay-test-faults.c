/* outlay-test-faults.c
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

#include "outlay-expense-model.h"
#include "outlay-test-faults.h"

static const OutlayFaultKind kinds[] = {
  OUTLAY_FAULT_READ,
  OUTLAY_FAULT_WRITE,
  OUTLAY_FAULT_SYNC,
  OUTLAY_FAULT_TRUNCATE,
  OUTLAY_FAULT_LOCK,
};

/* Every row of every table (the search index's too), and the schema
 * version: two dumps are equal when the ledger holds the same data. */
static char *
dump_ledger (sqlite3 *db)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *tables = outlay_test_dump (db,
                                              "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                              "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                                              "ORDER BY name");
  g_auto (GStrv) names = g_strsplit (tables, "\n", -1);

  g_string_append_printf (out, "user_version %" G_GINT64_FORMAT "\n",
                          outlay_test_query_int (db, "PRAGMA user_version"));

  for (guint i = 0; names[i] != NULL && names[i][0] != '\0'; i++)
    {
      /* quote() spells blobs as hex, and sorting by every column gives
       * the tables without a rowid an order too. */
      g_autofree char *columns_sql = g_strdup_printf ("SELECT group_concat ('quote (\"' || name || '\")', ', '), "
                                                      "group_concat (cid + 1, ', ') "
                                                      "FROM pragma_table_info ('%s')",
                                                      names[i]);
      g_autofree char *columns = g_strchomp (outlay_test_dump (db, columns_sql));
      g_auto (GStrv) parts = g_strsplit (columns, "|", 2);
      /* What a backup records of its own check (backup_*) is not ledger
       * data, nor the ids an upgrade to data format 9 draws at random. */
      const char      *where = g_str_equal (names[i], "outlay_meta")
                                 ? "WHERE key NOT LIKE 'backup!_%' ESCAPE '!' "
                                   "AND key NOT IN ('device_id', 'ledger_uuid')"
                                 : "";
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\" %s ORDER BY %s", parts[0], names[i], where,
                                              parts[1]);
      g_autofree char *rows = outlay_test_dump (db, sql);

      g_string_append_printf (out, "[%s]\n%s", names[i], rows);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The files under @dir, as paths relative to it. */
static void
list_files (const char *dir,
            const char *prefix,
            GPtrArray  *files)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *relative = prefix != NULL ? g_build_filename (prefix, name, NULL) : g_strdup (name);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (path, relative, files);
      g_ptr_array_add (files, g_steal_pointer (&relative));
    }
}

static GPtrArray *
dup_files (const char *dir)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  list_files (dir, NULL, files);

  return files;
}

static void
copy_tree (const char *source,
           const char *destination)
{
  g_autoptr (GPtrArray) files = dup_files (source);

  g_assert_cmpint (g_mkdir_with_parents (destination, 0700), ==, 0);

  /* A folder comes after what it holds: create them first. */
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *from = g_build_filename (source, files->pdata[i], NULL);
      g_autofree char *to = g_build_filename (destination, files->pdata[i], NULL);

      if (g_file_test (from, G_FILE_TEST_IS_DIR))
        g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
    }

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *from = g_build_filename (source, files->pdata[i], NULL);
      g_autofree char *to = g_build_filename (destination, files->pdata[i], NULL);
      g_autoptr (GBytes) bytes = NULL;

      if (g_file_test (from, G_FILE_TEST_IS_DIR))
        continue;

      bytes = outlay_test_read_bytes (from);
      g_assert_true (g_file_set_contents_full (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                               G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    }
}

/* Starts again from the copy of the ledger in @template. */
static void
reset (OutlayTestFixture *fixture,
       const char        *template)
{
  outlay_test_fixture_close (fixture);
  outlay_test_remove_tree (fixture->dir);
  copy_tree (template, fixture->dir);
  outlay_test_fixture_open (fixture);
}

static gboolean
contains (GPtrArray  *files,
          const char *name)
{
  return g_ptr_array_find_with_equal_func (files, name, g_str_equal, NULL);
}

/* A failed write may leave a complete backup behind (the copy made before
 * it), never a part of one nor a temporary file. */
static void
assert_no_partial_files (OutlayTestFixture *fixture,
                         GPtrArray         *before)
{
  g_autoptr (GPtrArray) after = dup_files (fixture->dir);
  g_autofree char *base = g_path_get_basename (fixture->path);
  g_autofree char *wal = g_strconcat (base, "-wal", NULL);
  g_autofree char *shm = g_strconcat (base, "-shm", NULL);

  for (guint i = 0; i < after->len; i++)
    {
      const char *name = after->pdata[i];
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr (GError) error = NULL;

      if (contains (before, name) || g_str_equal (name, wal) || g_str_equal (name, shm) ||
          g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;

      if (!g_str_has_suffix (name, ".db"))
        g_error ("The failed write left “%s” behind", name);
      if (!outlay_database_check_file (path, &error))
        g_error ("The failed write left a damaged backup “%s”: %s", name, error->message);
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* What the repository and a list of expenses show is what the file holds. */
static void
assert_repository_agrees (OutlayTestFixture  *fixture,
                          OutlayExpenseModel *model)
{
  gint64 n_live;
  sqlite3 *db = outlay_test_handle (fixture);
  GListModel *categories = outlay_repository_get_categories (fixture->repository);
  g_autoptr (GString) shown = g_string_new (NULL);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  /* In the order of ids: the list's own order follows the categories'
   * parents (see outlay_repository_get_categories()). */
  g_autofree char *stored = outlay_test_dump (db,
                                              "SELECT id, name, icon_name, color, position, "
                                              "coalesce (parent_uuid, ''), hidden FROM categories "
                                              "WHERE deleted_at IS NULL ORDER BY id");

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      g_ptr_array_add (lines, g_strdup_printf ("%012" G_GINT64_FORMAT "%" G_GINT64_FORMAT "|%s|%s|%s|%d|%s|%d\n",
                                               outlay_category_get_id (category), outlay_category_get_id (category),
                                               outlay_category_get_name (category),
                                               outlay_category_get_icon_name (category),
                                               outlay_category_get_color (category),
                                               outlay_category_get_position (category),
                                               outlay_category_get_parent_uuid (category) != NULL
                                                 ? outlay_category_get_parent_uuid (category)
                                                 : "",
                                               outlay_category_get_hidden (category)));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append (shown, (const char *) lines->pdata[i] + 12);
  g_assert_cmpstr (shown->str, ==, stored);

  n_live = outlay_test_query_int (db, "SELECT count(*) FROM expenses WHERE deleted_at IS NULL");
  /* A list that could not read after the change logged it, and catches up
   * at the next one. */
  if (model != NULL)
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_live);
  g_assert_cmpuint (outlay_test_count (fixture), ==, n_live);
  outlay_test_assert_summary_consistent (db);
}

/* The warnings logged while a fault was in, and the runs after which the
 * list of expenses did not show the file, to report. */
static GPtrArray *warnings;
static guint      n_stale_lists;

/* The store warns when a read after a committed write fails: with a fault
 * in, that is what it must do, without stopping the test. */
static gboolean
tolerated (GLogLevelFlags log_level)
{
  return (log_level & G_LOG_LEVEL_WARNING) != 0 && outlay_fault_vfs_injected ();
}

static void
log_cb (const char    *log_domain,
        GLogLevelFlags log_level,
        const char    *message,
        gpointer       user_data)
{
  if (tolerated (log_level))
    g_ptr_array_add (warnings, g_strdup (message));
  else
    g_log_default_handler (log_domain, log_level, message, user_data);
}

static gboolean
log_fatal_cb (const char    *log_domain,
              GLogLevelFlags log_level,
              const char    *message,
              gpointer       user_data)
{
  return !tolerated (log_level);
}

typedef enum
{
  TRIAL_NOT_REACHED,
  TRIAL_FAILED,
  TRIAL_ABSORBED,
} TrialOutcome;

/* One run of @operation with the @nth call of @kind failing (none when
 * @nth is 0), from the ledger in @template. */
static TrialOutcome
run_trial (OutlayTestFixture          *fixture,
           const char                 *template,
           const OutlayFaultOperation *operation,
           gpointer                    user_data,
           OutlayFaultKind             kind,
           guint                       nth,
           int                         code,
           guint                      *counts)
{
  g_autoptr (OutlayExpenseModel) model = NULL;
  g_autoptr (GPtrArray) files_before = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gpointer state = NULL;
  guint n_warnings = warnings->len;
  TrialOutcome outcome;
  gboolean done;

  reset (fixture, template);
  model = outlay_expense_model_new (fixture->repository);
  g_list_model_get_n_items (G_LIST_MODEL (model));
  before = dump_ledger (outlay_test_handle (fixture));
  files_before = dup_files (fixture->dir);
  if (operation->prepare != NULL)
    state = operation->prepare (fixture, user_data);
  g_array_set_size (fixture->changes, 0);

  outlay_fault_vfs_arm (kind, nth, code);
  done = operation->run (fixture, state, &error);
  outlay_fault_vfs_disarm ();

  for (guint k = 0; counts != NULL && k < G_N_ELEMENTS (kinds); k++)
    counts[k] = outlay_fault_vfs_get_calls (kinds[k]);

  if (nth == 0)
    outcome = TRIAL_ABSORBED;
  else if (!outlay_fault_vfs_injected ())
    outcome = TRIAL_NOT_REACHED;
  else
    outcome = done ? TRIAL_ABSORBED : TRIAL_FAILED;

  if (done)
    g_assert_no_error (error);
  else
    {
      if (error == NULL)
        g_error ("%s failed without an error (%s fault at call %u)",
                 operation->name, outlay_fault_kind_to_string (kind), nth);
      g_assert_cmpstr (error->message, !=, "");
      g_test_message ("%s, %s fault at call %u: %s",
                      operation->name, outlay_fault_kind_to_string (kind), nth, error->message);

      after = dump_ledger (outlay_test_handle (fixture));
      if (g_strcmp0 (before, after) != 0)
        g_error ("%s changed the ledger although it failed (%s fault at call %u: %s)",
                 operation->name, outlay_fault_kind_to_string (kind), nth, error->message);
      assert_no_partial_files (fixture, files_before);
      /* Nothing tells the window of a change that did not happen. */
      g_assert_cmpuint (fixture->changes->len, ==, 0);
    }
  assert_repository_agrees (fixture, warnings->len == n_warnings ? model : NULL);
  if (warnings->len > n_warnings)
    n_stale_lists++;

  if (done && warnings->len > n_warnings)
    {
      /* A reload (as after a change by another program) brings it back. */
      outlay_repository_reload (fixture->repository);
      assert_repository_agrees (fixture, model);
    }
  else if (!done)
    {
      g_clear_error (&error);
      if (operation->free_state != NULL)
        g_clear_pointer (&state, operation->free_state);
      if (operation->prepare != NULL)
        state = operation->prepare (fixture, user_data);

      /* Once the disk works again, so does the write. */
      done = operation->run (fixture, state, &error);
      g_assert_no_error (error);
      g_assert_true (done);
      assert_repository_agrees (fixture, model);
    }

  if (operation->free_state != NULL)
    g_clear_pointer (&state, operation->free_state);
  g_clear_object (&model);

  return outcome;
}

typedef TrialOutcome (*RunTrialFunc) (OutlayFaultKind kind,
                                      guint           nth,
                                      int             code,
                                      gpointer        data);

/* Runs @run with each of the @counts calls of each kind failing in turn,
 * at most @max_per_kind of a kind; returns the number of faults injected. */
static guint
inject_faults (const char  *name,
               const guint *counts,
               guint        max_per_kind,
               RunTrialFunc run,
               gpointer     data)
{
  guint n_injected = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint n_tries = MIN (counts[k], max_per_kind);
      guint n_failed = 0;
      guint n_absorbed = 0;

      for (guint i = 0; i < n_tries; i++)
        {
          /* From the first call to the last, evenly. */
          guint nth = n_tries > 1 ? 1 + (guint) ((guint64) i * (counts[k] - 1) / (n_tries - 1)) : 1;
          /* A disk that is full fails a write in its own way. */
          int code = kinds[k] == OUTLAY_FAULT_WRITE && i % 2 == 1 ? SQLITE_FULL : 0;

          switch (run (kinds[k], nth, code, data))
            {
            case TRIAL_FAILED:
              n_failed++;
              break;
            case TRIAL_ABSORBED:
              n_absorbed++;
              break;
            case TRIAL_NOT_REACHED:
            default:
              g_error ("%s made fewer %s calls than the %u it made without faults",
                       name, outlay_fault_kind_to_string (kinds[k]), counts[k]);
            }
        }

      g_test_message ("faults: %s, %s: %u calls, %u faults injected: %u made it fail, %u were absorbed",
                      name, outlay_fault_kind_to_string (kinds[k]), counts[k], n_tries, n_failed, n_absorbed);
      n_injected += n_tries;
    }

  return n_injected;
}

typedef struct
{
  OutlayTestFixture          *fixture;
  const char                 *template_dir;
  const OutlayFaultOperation *operation;
  gpointer                    user_data;
} WriteTrial;

static TrialOutcome
run_write_trial (OutlayFaultKind kind,
                 guint           nth,
                 int             code,
                 gpointer        data)
{
  WriteTrial *trial = data;

  return run_trial (trial->fixture, trial->template_dir, trial->operation, trial->user_data, kind, nth, code, NULL);
}

/* The schema and every row of the file at @path, as the next program to
 * open it reads them; the file must pass SQLite's integrity check. */
static char *
dump_file (const char *path)
{
  g_autofree char *integrity = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *ledger = NULL;
  sqlite3         *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  integrity = outlay_test_dump (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  schema = outlay_test_dump (db,
                             "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                             "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
  ledger = dump_ledger (db);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return g_strconcat (schema, ledger, NULL);
}

/* Starts again from the copy of the closed ledger in @template_dir. */
static void
reset_closed (OutlayTestFixture *fixture,
              const char        *template_dir)
{
  g_assert_null (fixture->database);
  outlay_test_remove_tree (fixture->dir);
  copy_tree (template_dir, fixture->dir);
}

/* Opens and closes the ledger; returns the schema version it had open. */
static guint
open_and_close (OutlayTestFixture *fixture,
                GError           **error)
{
  g_autoptr (OutlayDatabase) database = outlay_database_open (fixture->path, error);
  guint version;

  if (database == NULL)
    return 0;

  version = outlay_database_get_schema_version (database);
  g_assert_finalize_object (g_steal_pointer (&database));

  return version;
}

/* The backups the open made hold the file as it was before. */
static void
assert_backups_hold (OutlayTestFixture *fixture,
                     GPtrArray         *before,
                     const char        *old_file)
{
  g_autoptr (GPtrArray) after = dup_files (fixture->dir);

  for (guint i = 0; i < after->len; i++)
    {
      const char      *name = after->pdata[i];
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *held = NULL;

      if (contains (before, name) || !g_str_has_suffix (name, ".db") || g_str_equal (path, fixture->path))
        continue;

      held = dump_file (path);
      g_assert_cmpstr (held, ==, old_file);
    }
}

typedef struct
{
  OutlayTestFixture *fixture;
  const char        *template_dir;
  const char        *old_file; /* the dumps of the file before and after */
  const char        *new_file; /* an open without faults */
} OpenTrial;

/* One open of the ledger in @template_dir with the @nth call of @kind failing. */
static TrialOutcome
run_open_trial (OutlayFaultKind kind,
                guint           nth,
                int             code,
                gpointer        data)
{
  const OpenTrial   *trial = data;
  OutlayTestFixture *fixture = trial->fixture;
  g_autoptr (GPtrArray) files_before = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reopened = NULL;
  gboolean         opened;
  guint            version;

  reset_closed (fixture, trial->template_dir);
  files_before = dup_files (fixture->dir);

  outlay_fault_vfs_arm (kind, nth, code);
  version = open_and_close (fixture, &error);
  outlay_fault_vfs_disarm ();
  opened = version != 0;

  if (!outlay_fault_vfs_injected ())
    return TRIAL_NOT_REACHED;

  after = dump_file (fixture->path);
  assert_backups_hold (fixture, files_before, trial->old_file);

  if (opened)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (version, ==, OUTLAY_SCHEMA_VERSION);
      if (g_strcmp0 (after, trial->new_file) != 0)
        g_error ("The open succeeded but left the file other than an open without faults does "
                 "(%s fault at call %u)",
                 outlay_fault_kind_to_string (kind), nth);
    }
  else
    {
      if (error == NULL)
        g_error ("The open failed without an error (%s fault at call %u)", outlay_fault_kind_to_string (kind), nth);
      g_assert_cmpstr (error->message, !=, "");
      g_test_message ("open, %s fault at call %u: %s", outlay_fault_kind_to_string (kind), nth, error->message);
      if (g_strcmp0 (after, trial->old_file) != 0)
        g_error ("The open changed the file although it failed (%s fault at call %u: %s)",
                 outlay_fault_kind_to_string (kind), nth, error->message);
      assert_no_partial_files (fixture, files_before);
      g_clear_error (&error);
    }

  /* Once the disk works again, so does the open. */
  version = open_and_close (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (version, ==, OUTLAY_SCHEMA_VERSION);
  reopened = dump_file (fixture->path);
  g_assert_cmpstr (reopened, ==, trial->new_file);

  return opened ? TRIAL_ABSORBED : TRIAL_FAILED;
}

guint
outlay_test_faults_check (OutlayTestFixture          *fixture,
                          const OutlayFaultOperation *operation,
                          gpointer                    user_data,
                          guint                       max_per_kind)
{
  g_autofree char *template = g_strconcat (fixture->dir, ".template", NULL);
  WriteTrial trial = { fixture, template, operation, user_data };
  guint      counts[G_N_ELEMENTS (kinds)];
  guint      n_injected;
  guint      handler;

  g_assert_cmpuint (max_per_kind, >=, 2);
  outlay_fault_vfs_install ();
  warnings = g_ptr_array_new_with_free_func (g_free);
  g_test_log_set_fatal_handler (log_fatal_cb, NULL);
  handler = g_log_set_handler ("Outlay-Store", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, log_cb, NULL);

  outlay_test_fixture_close (fixture);
  copy_tree (fixture->dir, template);
  outlay_test_fixture_open (fixture);

  run_trial (fixture, template, operation, user_data, 0, 0, 0, counts);

  n_injected = inject_faults (operation->name, counts, max_per_kind, run_write_trial, &trial);

  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("faults: %s: warning: %s", operation->name, (char *) warnings->pdata[i]);
  g_test_message ("faults: %s: %u faults injected, the list of expenses was behind the file after %u",
                  operation->name, n_injected, n_stale_lists);
  n_stale_lists = 0;
  g_log_remove_handler ("Outlay-Store", handler);
  g_test_log_set_fatal_handler (NULL, NULL);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  outlay_test_fixture_close (fixture);
  outlay_test_remove_tree (template);
  outlay_test_fixture_open (fixture);

  return n_injected;
}

guint
outlay_test_faults_check_open (OutlayTestFixture *fixture,
                               guint              max_per_kind)
{
  g_autofree char *template_dir = g_strconcat (fixture->dir, ".template", NULL);
  g_autofree char *old_file = NULL;
  g_autofree char *new_file = NULL;
  g_autoptr (GError) error = NULL;
  OpenTrial trial = { fixture, template_dir, NULL, NULL };
  guint     counts[G_N_ELEMENTS (kinds)];
  guint     n_injected;

  g_assert_cmpuint (max_per_kind, >=, 2);
  g_assert_null (fixture->database);
  outlay_fault_vfs_install ();

  copy_tree (fixture->dir, template_dir);
  old_file = dump_file (fixture->path);

  /* Without faults, to count the calls and see what a whole open leaves. */
  reset_closed (fixture, template_dir);
  outlay_fault_vfs_reset ();
  g_assert_cmpuint (open_and_close (fixture, &error), ==, OUTLAY_SCHEMA_VERSION);
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    counts[k] = outlay_fault_vfs_get_calls (kinds[k]);
  new_file = dump_file (fixture->path);
  g_assert_cmpstr (new_file, !=, old_file);
  trial.old_file = old_file;
  trial.new_file = new_file;

  n_injected = inject_faults ("open", counts, max_per_kind, run_open_trial, &trial);

  g_test_message ("faults: open: %u faults injected", n_injected);
  outlay_test_remove_tree (template_dir);

  return n_injected;
}
