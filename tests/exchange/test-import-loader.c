/* test-import-loader.c
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

/* The one way from a file to an import plan: the format it tells, the
 * parsing, and the plan in a worker, cancellable. */

#include "config.h"

#include <locale.h>

#include "outlay-import-loader.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static OutlayImportFormat
format_of (const char        *path,
           OutlayImportFormat asked)
{
  g_autoptr (OutlayImportLoader) loader = outlay_import_loader_new ("EUR");
  g_autoptr (GError) error = NULL;

  outlay_import_loader_set_format (loader, asked);
  g_assert_true (outlay_import_loader_read (loader, path, &error));
  g_assert_no_error (error);

  return outlay_import_loader_get_format (loader);
}

/* Asked for, else the name, else the content: as docs/cli.md says. */
static void
test_format (Fixture      *fixture,
             gconstpointer user_data)
{
  static const char json[] = "{\"format\": \"outlay-ledger\", \"version\": 1, \"expenses\": []}";
  g_autofree char  *named_csv = write_file (fixture, "ledger.csv", json);
  g_autofree char  *unnamed = write_file (fixture, "ledger", json);
  g_autofree char  *text = write_file (fixture, "notes", "date,amount\n2026-11-01,3.50\n");
  g_autofree char  *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  g_autoptr (OutlayImportLoader) loader = outlay_import_loader_new ("EUR");
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (format_of (named_csv, OUTLAY_IMPORT_FORMAT_UNKNOWN), ==, OUTLAY_IMPORT_FORMAT_CSV);
  g_assert_cmpint (format_of (unnamed, OUTLAY_IMPORT_FORMAT_UNKNOWN), ==, OUTLAY_IMPORT_FORMAT_JSON);
  g_assert_cmpint (format_of (text, OUTLAY_IMPORT_FORMAT_UNKNOWN), ==, OUTLAY_IMPORT_FORMAT_CSV);
  g_assert_cmpint (format_of (named_csv, OUTLAY_IMPORT_FORMAT_JSON), ==, OUTLAY_IMPORT_FORMAT_JSON);

  g_assert_false (outlay_import_loader_read (loader, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* A fixture, read and parsed. */
static OutlayImportLoader *
load_fixture (const char *folder,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
  g_autoptr (OutlayImportLoader) loader = outlay_import_loader_new ("EUR");
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_import_loader_read (loader, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_import_loader_get_file_name (loader), ==, name);
  g_assert_null (outlay_import_loader_get_table (loader));
  g_assert_true (outlay_import_loader_parse (loader, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&loader);
}

/* Every plan takes the records it is given: asked twice, the loader gives
 * the same records twice. */
static void
assert_records_twice (OutlayImportLoader     *loader,
                      const OutlayCsvMapping *mapping)
{
  g_autoptr (OutlayImportSource) first = NULL;
  g_autoptr (OutlayImportSource) second = NULL;
  g_autoptr (GError) error = NULL;

  first = outlay_import_loader_build_source (loader, mapping, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpuint (first->records->len, >, 0);
  second = outlay_import_loader_build_source (loader, mapping, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_cmpuint (second->records->len, ==, first->records->len);
}

/* A CSV file is a table until a mapping reads it. */
static void
test_csv (Fixture      *fixture,
          gconstpointer user_data)
{
  g_autoptr (OutlayImportLoader) loader = load_fixture ("csv", "german-bank.csv");
  g_autoptr (GError) error = NULL;
  OutlayCsvMapping mapping;

  g_assert_nonnull (outlay_import_loader_get_table (loader));
  outlay_csv_mapping_guess (outlay_import_loader_get_table (loader), &mapping);
  assert_records_twice (loader, &mapping);

  /* A mapping without a column of dates reads nothing. */
  mapping.date_column = -1;
  g_assert_null (outlay_import_loader_build_source (loader, &mapping, &error));
  g_assert_nonnull (error);
}

/* HomeBank is read at once; asked again, the records are read again. */
static void
test_homebank (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr (OutlayImportLoader) loader = load_fixture ("homebank", "homebank5.xhb");

  g_assert_cmpint (outlay_import_loader_get_format (loader), ==, OUTLAY_IMPORT_FORMAT_HOMEBANK);
  g_assert_null (outlay_import_loader_get_table (loader));
  assert_records_twice (loader, NULL);
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* As the window does it: read and parse without blocking, then plan on a
 * connection of the worker's own. */
static void
test_async (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "homebank", "homebank5.xhb", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (OutlayImportLoader) loader = outlay_import_loader_new ("EUR");
  g_autoptr (GAsyncResult) loaded = NULL;
  g_autoptr (GAsyncResult) planned = NULL;
  g_autoptr (GAsyncResult) cancelled = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GError) error = NULL;

  outlay_import_loader_load_async (loader, file, NULL, on_done_cb, &loaded);
  g_assert_true (outlay_import_loader_load_finish (loader, wait_for (&loaded), &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_import_loader_get_format (loader), ==, OUTLAY_IMPORT_FORMAT_HOMEBANK);
  g_assert_cmpstr (outlay_import_loader_get_file_name (loader), ==, "homebank5.xhb");

  outlay_import_loader_plan_async (loader, fixture->path, NULL, NULL, on_done_cb, &planned);
  plan = outlay_import_loader_plan_finish (loader, wait_for (&planned), &repository, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_true (OUTLAY_IS_REPOSITORY (repository));
  g_assert_cmpuint (outlay_import_plan_get_n_added (plan), >, 0);
  g_clear_pointer (&plan, outlay_import_plan_free);
  g_clear_object (&repository);

  /* A plan nobody waits for any more ends without one. */
  g_cancellable_cancel (cancellable);
  outlay_import_loader_plan_async (loader, fixture->path, NULL, cancellable, on_done_cb, &cancelled);
  plan = outlay_import_loader_plan_finish (loader, wait_for (&cancelled), &repository, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (plan);
  g_assert_null (repository);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-loader/format", Fixture, NULL, outlay_test_fixture_setup, test_format,
              outlay_test_fixture_teardown);
  g_test_add ("/import-loader/csv", Fixture, NULL, outlay_test_fixture_setup, test_csv, outlay_test_fixture_teardown);
  g_test_add ("/import-loader/homebank", Fixture, NULL, outlay_test_fixture_setup, test_homebank,
              outlay_test_fixture_teardown);
  g_test_add ("/import-loader/async", Fixture, NULL, outlay_test_fixture_setup, test_async,
              outlay_test_fixture_teardown);

  return g_test_run ();
}
