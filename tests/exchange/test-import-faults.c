/* test-import-faults.c
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

/* An import and its undo with the disk failing at each of their I/O calls
 * in turn (tests/lib/outlay-test-faults.c): all of it or nothing, and the
 * categories the window shows are those in the file. */

#include "config.h"

#include "outlay-export.h"
#include "outlay-importer.h"
#include "outlay-ledger-json.h"
#include "outlay-test-faults.h"

typedef OutlayTestFixture Fixture;

#define MAX_PER_KIND 16

/* Lines of a bank statement; "Lebensmittel" is a category to create. */
static OutlayImportSource *
statement (void)
{
  static const struct
  {
    const char *date;
    gint64      amount;
    const char *description;
    const char *category;
  } lines[] = {
    { "2024-04-02", 350, "Coffee", "Food & Drink" },
    { "2024-04-03", 5437, "Weekly shop", "Lebensmittel" },
    { "2024-04-05", 1999, "Train", "Transport" },
  };
  OutlayImportSource *source = outlay_import_source_new ();

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      OutlayImportRecord *record = outlay_import_record_new ();

      record->line = i + 2;
      record->date = g_strdup (lines[i].date);
      record->amount = lines[i].amount;
      g_free (record->description);
      record->description = g_strdup (lines[i].description);
      record->category = g_strdup (lines[i].category);
      outlay_import_source_add_record (source, record);
    }

  return source;
}

/* Lines whose categories are subcategories: of one the ledger has, and
 * of one it lacks under a category it lacks too. */
static OutlayImportSource *
statement_of_subcategories (void)
{
  OutlayImportSource *source = statement ();
  const char *const   categories[] = { "Food & Drink › Tea", "Pets › Vet", "Pets › Vet" };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      OutlayImportRecord *record = outlay_import_record_new ();

      record->line = i + 10;
      record->date = g_strdup ("2024-04-10");
      record->amount = 100 + i;
      g_free (record->description);
      record->description = g_strdup_printf ("Line %u", i);
      record->category = g_strdup (categories[i]);
      outlay_import_source_add_record (source, record);
    }

  return source;
}

/* Exchange rates of both sources, a tombstone among them, and an expense
 * with what the card was charged. */
static void
add_rates (Fixture *fixture)
{
  const OutlayRateEntry entry = { "USD", "EUR", "2024-04-02", "0.92310" };
  g_autoptr (OutlayExchangeRate) entered = NULL;
  g_autoptr (OutlayExchangeRate) deleted = NULL;
  g_autoptr (OutlayExpense) draft =
    outlay_test_draft (8700, "USD", "2024-04-02", "Hotel", outlay_test_category_at (fixture->repository, 0));
  g_autoptr (GError) error = NULL;
  OutlayExpense *drafts[] = { draft };

  entered = outlay_repository_set_rate (fixture->repository, "GBP", "EUR", "2024-04-01", "1.16", &error);
  g_assert_no_error (error);
  deleted = outlay_repository_delete_rate (fixture->repository, outlay_exchange_rate_get_uuid (entered), &error);
  g_assert_no_error (error);
  g_clear_object (&entered);
  entered = outlay_repository_set_rate (fixture->repository, "GBP", "EUR", "2024-04-01", "1.17", &error);
  g_assert_no_error (error);
  g_assert_true (outlay_repository_import_rates (fixture->repository, &entry, 1, "ECB", NULL, NULL, NULL, NULL,
                                                 &error));
  g_assert_no_error (error);
  outlay_expense_set_charged (draft, 8011, "EUR");
  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, 1, &error));
  g_assert_no_error (error);
}

/* Outlay's own file of the sample ledger, which replaces the categories of
 * an empty one; with "tree", subcategories and hidden ones too, with
 * "rates", exchange rates and an amount charged. */
static GBytes *
export_sample (Fixture    *fixture,
               const char *kind)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  guint n = 0;

  outlay_test_add_sample_expenses (fixture);
  if (g_strcmp0 (kind, "tree") == 0)
    outlay_test_add_sample_tree (fixture);
  if (g_strcmp0 (kind, "rates") == 0)
    add_rates (fixture);
  g_assert_true (outlay_export_json (fixture->repository, NULL, TRUE, out, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* Plans @bytes (Outlay's JSON) or, when %NULL, the statement; the one of
 * subcategories for STATEMENT_OF_SUBCATEGORIES. */
static char statement_of_subcategories_tag;
#define STATEMENT_OF_SUBCATEGORIES ((GBytes *) &statement_of_subcategories_tag)

static OutlayImportPlan *
plan_import (Fixture *fixture,
             GBytes  *bytes)
{
  g_autoptr (GError) error = NULL;
  OutlayImportSource *source;
  OutlayImportPlan *plan;

  if (bytes == STATEMENT_OF_SUBCATEGORIES)
    source = statement_of_subcategories ();
  else if (bytes != NULL)
    source = outlay_json_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  else
    source = statement ();
  g_assert_no_error (error);

  plan = outlay_import_plan_new (fixture->repository, source, "EUR", &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static gpointer
prepare_import (Fixture *fixture,
                gpointer user_data)
{
  return plan_import (fixture, user_data);
}

static gboolean
apply (Fixture *fixture,
       gpointer state,
       GError **error)
{
  g_autoptr (OutlayImportResult) result = outlay_importer_apply (fixture->repository, state, error);

  return result != NULL;
}

static gpointer
prepare_undo (Fixture *fixture,
              gpointer user_data)
{
  return user_data;
}

static gboolean
undo (Fixture *fixture,
      gpointer state,
      GError **error)
{
  return outlay_importer_undo (fixture->repository, state, error);
}

static const OutlayFaultOperation import_operation = { "import", prepare_import, apply,
                                                        (GDestroyNotify) outlay_import_plan_free };
static const OutlayFaultOperation undo_operation = { "undo import", prepare_undo, undo, NULL };

static void
check (Fixture                    *fixture,
       const OutlayFaultOperation *operation,
       gpointer                    user_data)
{
  g_assert_cmpuint (outlay_test_faults_check (fixture, operation, user_data, MAX_PER_KIND), >, 0);
}

static void
test_import_statement (Fixture      *fixture,
                       gconstpointer user_data)
{
  outlay_test_add_sample_expenses (fixture);
  check (fixture, &import_operation, NULL);
}

static void
test_import_subcategories (Fixture      *fixture,
                           gconstpointer user_data)
{
  outlay_test_add_sample_tree (fixture);
  check (fixture, &import_operation, STATEMENT_OF_SUBCATEGORIES);
}

static void
test_import_lossless (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (GBytes) bytes = export_sample (fixture, user_data);

  /* Into a new, empty ledger. */
  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);
  check (fixture, &import_operation, bytes);
}

static void
test_undo (Fixture *fixture,
           GBytes  *bytes)
{
  g_autoptr (OutlayImportPlan) plan = plan_import (fixture, bytes);
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportResult) result = outlay_importer_apply (fixture->repository, plan, &error);

  g_assert_no_error (error);
  g_clear_pointer (&plan, outlay_import_plan_free);
  check (fixture, &undo_operation, result);
}

static void
test_undo_statement (Fixture      *fixture,
                     gconstpointer user_data)
{
  outlay_test_add_sample_expenses (fixture);
  test_undo (fixture, NULL);
}

static void
test_undo_subcategories (Fixture      *fixture,
                         gconstpointer user_data)
{
  outlay_test_add_sample_tree (fixture);
  test_undo (fixture, STATEMENT_OF_SUBCATEGORIES);
}

static void
test_undo_lossless (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (GBytes) bytes = export_sample (fixture, user_data);

  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);
  test_undo (fixture, bytes);
}

/* Another program holds the ledger: the import gives way, with nothing
 * written and no backup left behind for each try, and goes through once
 * the other program has finished. */
static void
test_held_ledger (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3         *other;

  outlay_test_add_sample_expenses (fixture);
  plan = plan_import (fixture, NULL);
  before = outlay_test_dump_store (outlay_test_handle (fixture));

  other = outlay_test_hold_ledger (fixture->path);
  outlay_database_set_busy_timeout (fixture->database, 0);

  for (guint i = 0; i < 3; i++)
    {
      result = outlay_importer_apply (fixture->repository, plan, &error);
      g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY);
      g_assert_null (result);
      g_clear_error (&error);
    }
  g_assert_cmpuint (outlay_test_count_files (backups), ==, 0);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);

  outlay_test_release_ledger (other);
  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_added, >, 0);
  g_assert_cmpuint (outlay_test_count_files (backups), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/import-faults/statement/apply", test_import_statement);
  OUTLAY_TEST_ADD ("/import-faults/statement/undo", test_undo_statement);
  OUTLAY_TEST_ADD ("/import-faults/lossless/apply", test_import_lossless);
  OUTLAY_TEST_ADD ("/import-faults/lossless/undo", test_undo_lossless);
  OUTLAY_TEST_ADD ("/import-faults/subcategories/apply", test_import_subcategories);
  OUTLAY_TEST_ADD ("/import-faults/subcategories/undo", test_undo_subcategories);
  /* Subcategories and hidden ones: the file's uuids and the fallback's. */
  g_test_add ("/import-faults/lossless-tree/apply", Fixture, "tree", outlay_test_fixture_setup, test_import_lossless,
              outlay_test_fixture_teardown);
  g_test_add ("/import-faults/lossless-tree/undo", Fixture, "tree", outlay_test_fixture_setup, test_undo_lossless,
              outlay_test_fixture_teardown);
  /* Exchange rates and amounts charged: version 7. */
  g_test_add ("/import-faults/lossless-rates/apply", Fixture, "rates", outlay_test_fixture_setup, test_import_lossless,
              outlay_test_fixture_teardown);
  g_test_add ("/import-faults/lossless-rates/undo", Fixture, "rates", outlay_test_fixture_setup, test_undo_lossless,
              outlay_test_fixture_teardown);
  OUTLAY_TEST_ADD ("/import-faults/held-ledger", test_held_ledger);

  return g_test_run ();
}
