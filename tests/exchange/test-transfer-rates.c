/* test-transfer-rates.c: exchange rates and the amounts charged through
 * Outlay's JSON file (version 7)
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
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "outlay-importer.h"
#include "outlay-ledger-json.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

#define RATE_ROWS                                                                                          \
  "SELECT uuid, currency, quote, day, rate, source, source_name, created_at, updated_at, deleted_at FROM " \
  "exchange_rates ORDER BY uuid"
#define CHARGED_ROWS \
  "SELECT uuid, amount, currency, charged_amount, charged_currency, deleted_at FROM expenses ORDER BY uuid"

static sqlite3 *
handle (Fixture *fixture)
{
  return outlay_database_get_handle (fixture->database);
}

static GBytes *
export_json (Fixture *fixture,
             gboolean include_deleted)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (outlay_export_json (fixture->repository, NULL, include_deleted, out, NULL, &n, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static OutlayImportResult *
import (Fixture            *fixture,
        OutlayImportSource *source)
{
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  OutlayImportResult *result;

  g_assert_nonnull (source);
  plan = outlay_import_plan_new (fixture->repository, source, "EUR", &error);
  g_assert_no_error (error);
  result = outlay_importer_apply (fixture->repository, plan, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
set_rate (Fixture    *fixture,
          const char *currency,
          const char *day,
          const char *rate)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExchangeRate) stored = outlay_repository_set_rate (fixture->repository, currency, "EUR", day,
                                                                      rate, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
}

static void
add_charged (Fixture    *fixture,
             gint64      amount,
             const char *description,
             gint64      charged)
{
  g_autoptr (OutlayExpense) draft =
    outlay_test_draft (amount, "USD", "2026-11-02", description, outlay_test_category_at (fixture->repository, 0));
  g_autoptr (GError) error = NULL;
  OutlayExpense *drafts[] = { draft };

  if (charged != 0)
    outlay_expense_set_charged (draft, charged, "EUR");
  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, 1, &error));
  g_assert_no_error (error);
}

/* Rates of both sources, one with a name, a tombstone beside the live
 * rate of its day, and expenses with and without what was charged. */
static void
populate (Fixture *fixture)
{
  const OutlayRateEntry entries[] = {
    { "USD", "EUR", "2026-11-02", "0.92310" },
    { "JPY", "EUR", "2026-11-02", "0.006150" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExchangeRate) deleted = NULL;
  g_autofree char    *uuid = NULL;
  OutlayRatesImported imported;

  set_rate (fixture, "USD", "2026-11-02", "0.9230");
  g_assert_true (outlay_repository_import_rates (fixture->repository, entries, G_N_ELEMENTS (entries), "ECB", NULL,
                                                 NULL, NULL, &imported, &error));
  g_assert_no_error (error);
  set_rate (fixture, "GBP", "2026-10-01", "1.1500");
  uuid = g_strstrip (outlay_test_dump (handle (fixture), "SELECT uuid FROM exchange_rates WHERE currency = 'GBP'"));
  deleted = outlay_repository_delete_rate (fixture->repository, uuid, &error);
  g_assert_no_error (error);
  set_rate (fixture, "GBP", "2026-10-01", "1.1600");

  add_charged (fixture, 8700, "Hotel", 8011);
  add_charged (fixture, -500, "Hotel refund", -461);
  add_charged (fixture, 1200, "Taxi", 0);
}

static char *
describe_source (OutlayImportSource *source)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < source->rates->len; i++)
    {
      OutlayImportRate *r = g_ptr_array_index (source->rates, i);

      g_string_append_printf (out, "rate %u %s %s %s %s %s %d %s %s %s %s\n", r->position, r->uuid, r->currency,
                              r->quote, r->day, r->rate, r->source, r->source_name, r->created_at, r->updated_at,
                              r->deleted_at);
    }
  for (guint i = 0; i < source->records->len; i++)
    {
      OutlayImportRecord *r = g_ptr_array_index (source->records, i);

      g_string_append_printf (out, "expense %s %" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT " %s\n", r->uuid, r->amount,
                              r->currency, r->charged_amount, r->charged_currency);
    }
  for (guint i = 0; i < source->issues->len; i++)
    {
      OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

      g_string_append_printf (out, "issue %d %s\n", issue->kind, issue->message);
    }

  return g_string_free (out, FALSE);
}

/* What the three readers make of @text, which is laid out as Outlay
 * writes it: a line at a time from a file, one element at a time, and
 * the whole tree of the same file laid out otherwise. */
static char *
read_three_ways (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) elements = outlay_json_read (text, strlen (text), &error);
  g_autoptr (OutlayImportSource) lines = NULL;
  g_autoptr (OutlayImportSource) tree = NULL;
  g_autoptr (GFileIOStream) io = NULL;
  g_autoptr (GFile) file = g_file_new_tmp ("outlay-test-XXXXXX.json", &io, &error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *pretty = NULL;
  g_autofree char *by_elements = NULL;
  g_autofree char *by_lines = NULL;
  g_autofree char *by_tree = NULL;
  gboolean         read_by_lines = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (elements);
  by_elements = describe_source (elements);

  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  lines = outlay_json_read_file (file, NULL, &read_by_lines, &error);
  g_file_delete (file, NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (read_by_lines);
  by_lines = describe_source (lines);
  g_assert_cmpstr (by_lines, ==, by_elements);

  /* Pretty-printed, the members of an element are on lines of their own:
   * neither a line nor an element at a time reads it, the tree does. */
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  pretty = json_generator_to_data (generator, NULL);
  tree = outlay_json_read (pretty, strlen (pretty), &error);
  g_assert_no_error (error);
  by_tree = describe_source (tree);
  g_assert_cmpstr (by_tree, ==, by_elements);

  return g_steal_pointer (&by_elements);
}

/* Exported and imported into a new ledger, the rates and the amounts
 * charged are as they were, every column; the file is version 7 and the
 * same bytes again; importing it again adds nothing; undone, the rates it
 * added are gone. */
static void
test_round_trip (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (OutlayImportResult) again = NULL;
  g_autofree char *rates_before = NULL;
  g_autofree char *charged_before = NULL;
  g_autofree char *rates_after = NULL;
  g_autofree char *charged_after = NULL;
  g_autofree char *rates_again = NULL;
  g_autofree char *described = NULL;
  const char      *text;
  gsize            length = 0;

  populate (fixture);
  rates_before = outlay_test_dump (handle (fixture), RATE_ROWS);
  charged_before = outlay_test_dump (handle (fixture), CHARGED_ROWS);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM exchange_rates"), ==, 5);

  first = export_json (fixture, TRUE);
  text = g_bytes_get_data (first, &length);
  g_assert_nonnull (strstr (text, "\"version\": 7,"));
  g_assert_nonnull (strstr (text, "\n  \"rates\": [\n    {\"uuid\":"));
  g_assert_nonnull (strstr (text, "\"amount\":\"87.00\",\"currency\":\"USD\""));
  g_assert_nonnull (strstr (text, "\"charged\":{\"amount\":\"80.11\",\"currency\":\"EUR\"}"));
  g_assert_nonnull (strstr (text, "\"charged\":{\"amount\":\"-4.61\",\"currency\":\"EUR\"}"));
  g_assert_nonnull (strstr (text, "\"rate\":\"0.92310\",\"source\":\"imported\",\"source_name\":\"ECB\""));
  g_assert_nonnull (strstr (text, "\"rate\":\"0.9230\",\"source\":\"entered\",\"created_at\""));

  described = read_three_ways (text);
  g_assert_null (strstr (described, "issue "));

  /* Into a new ledger. */
  outlay_test_fixture_teardown (fixture, NULL);
  outlay_test_fixture_setup (fixture, NULL);
  result = import (fixture, outlay_json_read (text, length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added_rate_uuids->len, ==, 5);
  g_assert_cmpuint (result->n_rates_kept, ==, 0);
  rates_after = outlay_test_dump (handle (fixture), RATE_ROWS);
  charged_after = outlay_test_dump (handle (fixture), CHARGED_ROWS);
  g_assert_cmpstr (rates_after, ==, rates_before);
  g_assert_cmpstr (charged_after, ==, charged_before);
  second = export_json (fixture, TRUE);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first), g_bytes_get_data (second, NULL),
                   g_bytes_get_size (second));

  /* Again: nothing doubles. */
  again = import (fixture, outlay_json_read (text, length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->added_rate_uuids->len, ==, 0);
  g_assert_cmpuint (again->n_rates_kept, ==, 0);
  g_assert_cmpuint (again->n_added, ==, 0);
  /* With nothing to write, no backup either. */
  g_assert_null (again->backup_path);
  rates_again = outlay_test_dump (handle (fixture), RATE_ROWS);
  g_assert_cmpstr (rates_again, ==, rates_before);

  g_assert_true (outlay_importer_undo (fixture->repository, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM exchange_rates"), ==, 0);
}

static char *
export_text (Fixture *fixture,
             gboolean include_deleted)
{
  g_autoptr (GBytes) bytes = export_json (fixture, include_deleted);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Version 7 only with rates or an amount charged: a ledger without them
 * writes what older Outlays read. */
static void
test_version (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExchangeRate) deleted = NULL;
  g_autofree char *without = NULL;
  g_autofree char *with_rate = NULL;
  g_autofree char *deleted_out = NULL;
  g_autofree char *deleted_in = NULL;
  g_autofree char *with_charged = NULL;
  g_autofree char *uuid = NULL;

  add_charged (fixture, 1200, "Taxi", 0);
  without = export_text (fixture, TRUE);
  g_assert_nonnull (strstr (without, "\"version\": 1,"));
  g_assert_null (strstr (without, "\"rates\""));
  g_assert_null (strstr (without, "\"charged\""));

  set_rate (fixture, "USD", "2026-11-02", "0.9230");
  with_rate = export_text (fixture, TRUE);
  g_assert_nonnull (strstr (with_rate, "\"version\": 7,"));

  /* A deleted rate is in the file only with the deleted rows. */
  uuid = g_strstrip (outlay_test_dump (handle (fixture), "SELECT uuid FROM exchange_rates"));
  deleted = outlay_repository_delete_rate (fixture->repository, uuid, &error);
  g_assert_no_error (error);
  deleted_out = export_text (fixture, FALSE);
  g_assert_nonnull (strstr (deleted_out, "\"version\": 1,"));
  deleted_in = export_text (fixture, TRUE);
  g_assert_nonnull (strstr (deleted_in, "\"version\": 7,"));
  g_assert_nonnull (strstr (deleted_in, "\"deleted_at\":"));

  outlay_test_exec (handle (fixture), "DELETE FROM exchange_rates");
  add_charged (fixture, 8700, "Hotel", 8011);
  with_charged = export_text (fixture, TRUE);
  g_assert_nonnull (strstr (with_charged, "\"version\": 7,"));
  g_assert_null (strstr (with_charged, "\"rates\""));

  /* Deleted, the expense charged is in the file only with the deleted rows. */
  outlay_test_exec (handle (fixture), "UPDATE expenses SET deleted_at = '2026-11-03T10:00:00.000Z' "
                                      "WHERE charged_currency IS NOT NULL");
  {
    g_autofree char *charged_out = export_text (fixture, FALSE);
    g_autofree char *charged_in = export_text (fixture, TRUE);

    g_assert_nonnull (strstr (charged_out, "\"version\": 1,"));
    g_assert_nonnull (strstr (charged_in, "\"version\": 7,"));
  }
}

#define UUID(n) "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a0" #n
#define TIMES "\"created_at\":\"2026-11-02T10:00:00.000Z\",\"updated_at\":\"2026-11-02T10:00:00.000Z\""

/* A file of version 7 with a rate that is no number, one of an unknown
 * currency and an expense charged in its own currency: each is an issue
 * that names its place, the rest imports. */
static void
test_bad_values (Fixture      *fixture,
                 gconstpointer data)
{
  const char *text =
    "{\n"
    "  \"format\": \"outlay-ledger\",\n"
    "  \"version\": 7,\n"
    "  \"currency\": \"EUR\",\n"
    "  \"categories\": [],\n"
    "  \"rates\": [\n"
    "    {\"uuid\":\"" UUID (1) "\",\"currency\":\"USD\",\"quote\":\"EUR\",\"day\":\"2026-11-02\",\"rate\":\"0.9231\","
    "\"source\":\"imported\",\"source_name\":\"ECB\"," TIMES "},\n"
    "    {\"uuid\":\"" UUID (2) "\",\"currency\":\"JPY\",\"quote\":\"EUR\",\"day\":\"2026-11-02\",\"rate\":\"abc\","
    "\"source\":\"imported\"," TIMES "},\n"
    "    {\"uuid\":\"" UUID (3) "\",\"currency\":\"QQQ\",\"quote\":\"EUR\",\"day\":\"2026-11-02\",\"rate\":\"2\","
    "\"source\":\"entered\"," TIMES "},\n"
    "    {\"uuid\":\"" UUID (4) "\",\"currency\":\"GBP\",\"quote\":\"EUR\",\"day\":\"2026-11-02\",\"rate\":\"1.16\","
    "\"source\":\"somewhere\"," TIMES "},\n"
    "    {\"uuid\":\"" UUID (5) "\",\"currency\":\"GBP\",\"quote\":\"EUR\",\"day\":\"2026-11-02\",\"rate\":\"1.16\","
    "\"source\":\"entered\"," TIMES "}\n"
    "  ],\n"
    "  \"expenses\": [\n"
    "    {\"uuid\":\"" UUID (6) "\",\"date\":\"2026-11-02\",\"amount\":\"87.00\",\"currency\":\"USD\","
    "\"description\":\"Own\",\"charged\":{\"amount\":\"87.00\",\"currency\":\"USD\"}," TIMES "},\n"
    "    {\"uuid\":\"" UUID (7) "\",\"date\":\"2026-11-02\",\"amount\":\"87.00\",\"currency\":\"USD\","
    "\"description\":\"Text\",\"charged\":{\"amount\":\"lots\",\"currency\":\"EUR\"}," TIMES "},\n"
    "    {\"uuid\":\"" UUID (8) "\",\"date\":\"2026-11-02\",\"amount\":\"87.00\",\"currency\":\"USD\","
    "\"description\":\"Hotel\",\"charged\":{\"amount\":\"80.11\",\"currency\":\"EUR\"}," TIMES "}\n"
    "  ]\n"
    "}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autofree char *described = read_three_ways (text);
  g_autofree char *rates = NULL;
  g_autofree char *charged = NULL;

  g_assert_nonnull (strstr (described, "issue 0 Exchange rate 2 cannot be read: "));
  g_assert_nonnull (strstr (described, "issue 0 Exchange rate 3 cannot be read: The currency “QQQ”"));
  g_assert_nonnull (strstr (described, "issue 0 Exchange rate 4 has a member that cannot be read."));
  g_assert_nonnull (strstr (described, "issue 0 Expense 1 has an amount charged that cannot be read: The amount "
                                       "charged is in the expense’s own currency"));
  g_assert_nonnull (strstr (described, "issue 0 Expense 2 has an amount charged that cannot be read: "));

  source = outlay_json_read (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->rates->len, ==, 2);
  g_assert_cmpuint (outlay_import_source_get_n_records (source), ==, 1);
  result = import (fixture, g_steal_pointer (&source));
  g_assert_cmpuint (result->n_errors, ==, 5);
  g_assert_cmpuint (result->added_rate_uuids->len, ==, 2);
  g_assert_cmpuint (result->n_added, ==, 1);
  rates =
    outlay_test_dump (handle (fixture), "SELECT uuid, rate, source, source_name FROM exchange_rates ORDER BY uuid");
  g_assert_cmpstr (rates, ==, UUID (1) "|0.9231|imported|ECB\n" UUID (5) "|1.16|entered|<NULL>\n");
  charged = outlay_test_dump (handle (fixture), "SELECT description, charged_amount, charged_currency FROM expenses");
  g_assert_cmpstr (charged, ==, "Hotel|8011|EUR\n");
}

/* A live rate of the file whose pair, source and day the ledger has a live
 * rate of leaves the ledger's, and is counted; a deleted one comes in. */
static void
test_same_day (Fixture      *fixture,
               gconstpointer data)
{
  const char *text = "{\n"
                     "  \"format\": \"outlay-ledger\",\n"
                     "  \"version\": 7,\n"
                     "  \"rates\": [\n"
                     "    {\"uuid\":\"" UUID (1) "\",\"currency\":\"USD\",\"quote\":\"EUR\",\"day\":\"2026-11-02\","
                     "\"rate\":\"0.95\",\"source\":\"entered\"," TIMES "},\n"
                     "    {\"uuid\":\"" UUID (2) "\",\"currency\":\"USD\",\"quote\":\"EUR\",\"day\":\"2026-11-02\","
                     "\"rate\":\"0.96\",\"source\":\"entered\"," TIMES ",\"deleted_at\":\"2026-11-03T10:00:00.000Z\"}\n"
                     "  ],\n"
                     "  \"expenses\": []\n"
                     "}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  set_rate (fixture, "USD", "2026-11-02", "0.9230");
  before = outlay_test_dump (handle (fixture), RATE_ROWS);
  /* The plan says so before anything is written. */
  {
    g_autoptr (OutlayImportPlan) plan =
      outlay_import_plan_new (fixture->repository, outlay_json_read (text, strlen (text), NULL), "EUR", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (outlay_import_plan_get_n_rates (plan), ==, 1);
    g_assert_cmpuint (outlay_import_plan_get_n_rates_kept (plan), ==, 1);
  }
  result = import (fixture, outlay_json_read (text, strlen (text), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_rates_kept, ==, 1);
  g_assert_cmpuint (result->added_rate_uuids->len, ==, 1);
  after = outlay_test_dump (handle (fixture), "SELECT rate FROM exchange_rates WHERE deleted_at IS NULL");
  g_assert_cmpstr (after, ==, "0.9230\n");
  g_assert_cmpint (outlay_test_query_int (handle (fixture), "SELECT count(*) FROM exchange_rates"), ==, 2);

  g_assert_true (outlay_importer_undo (fixture->repository, result, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = outlay_test_dump (handle (fixture), RATE_ROWS);
  g_assert_cmpstr (after, ==, before);
}

static gboolean
check_spooled (OutlayImportRecord *record,
               guint               index,
               gpointer            user_data,
               GError            **error)
{
  g_assert_cmpint (record->charged_amount, ==, 100 + (gint64) index);
  g_assert_cmpstr (record->charged_currency, ==, index % 2 == 0 ? "EUR" : NULL);
  return TRUE;
}

/* The records a source sets aside in its file keep what was charged. */
static void
test_spooled (void)
{
  g_autoptr (OutlayImportSource) source = outlay_import_source_new ();
  guint n = OUTLAY_IMPORT_N_HELD + 10;

  for (guint i = 0; i < n; i++)
    {
      OutlayImportRecord *record = outlay_import_record_new ();

      record->date = g_strdup ("2026-11-02");
      record->amount = 1000;
      record->currency = g_strdup ("USD");
      record->charged_amount = 100 + i;
      record->charged_currency = i % 2 == 0 ? g_strdup ("EUR") : NULL;
      outlay_import_source_add_record (source, record);
    }
  g_assert_true (outlay_import_source_foreach (source, check_spooled, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/transfer-rates/round-trip", test_round_trip);
  OUTLAY_TEST_ADD ("/transfer-rates/version", test_version);
  OUTLAY_TEST_ADD ("/transfer-rates/bad-values", test_bad_values);
  OUTLAY_TEST_ADD ("/transfer-rates/same-day", test_same_day);
  g_test_add_func ("/transfer-rates/spooled", test_spooled);

  return g_test_run ();
}
