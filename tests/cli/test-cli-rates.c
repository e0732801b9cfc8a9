/* test-cli-rates.c: outlay rates, and totals in the home currency
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

#include <json-glib/json-glib.h>

#include "outlay-cli-test-utils.h"

/* A ledger in euros, whatever the locale of the commands. */
static void
record_euros (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_repository_set_currency (fixture->store.repository, "EUR", &error));
  g_assert_no_error (error);
}

static const char *
query_charged (Fixture *fixture)
{
  static char text[64];
  g_autofree char *dump = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                                            "SELECT charged_amount FROM expenses WHERE charged_amount IS NOT NULL");

  g_strlcpy (text, g_strstrip (dump), sizeof text);
  return text;
}

static const char *
query_rates (Fixture *fixture)
{
  static char text[64];
  g_autofree char *dump = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                                            "SELECT count(*) FROM exchange_rates");

  g_strlcpy (text, g_strstrip (dump), sizeof text);
  return text;
}

static JsonObject *
parse_object (const char *text,
              JsonNode  **root)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  assert_json (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  *root = json_node_copy (json_parser_get_root (parser));
  return JSON_NODE_HOLDS_OBJECT (*root) ? json_node_get_object (*root) : NULL;
}

/* Set in the ledger's currency, with a comma or a point; again for the
 * same day in its place; listed the newest first, in the documented shape;
 * deleted by currency and day, or by uuid. */
static void
test_set_list_delete (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *rate;
  JsonArray  *rates;

  record_euros (fixture);
  run (fixture, &result, "rates");
  assert_success (&result);
  assert_contains (result.out, "There are no exchange rates.");

  run (fixture, &result, "rates", "set", "usd", "0,9205", "--date", "2026-05-14");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Set 1 USD = 0.9205 EUR on 2026-05-14.\n");
  run (fixture, &result, "rates", "set", "USD", "0.9210", "--date", "2026-05-14", "--json");
  assert_success (&result);
  rate = parse_object (result.out, &root);
  g_assert_cmpstr (json_object_get_string_member (rate, "currency"), ==, "USD");
  g_assert_cmpstr (json_object_get_string_member (rate, "quote"), ==, "EUR");
  g_assert_cmpstr (json_object_get_string_member (rate, "date"), ==, "2026-05-14");
  g_assert_cmpstr (json_object_get_string_member (rate, "rate"), ==, "0.9210");
  g_assert_cmpstr (json_object_get_string_member (rate, "source"), ==, "entered");
  g_assert_true (json_object_get_null_member (rate, "source_name"));
  g_assert_false (json_object_has_member (rate, "deleted_at"));
  uuid = g_strdup (json_object_get_string_member (rate, "uuid"));
  g_clear_pointer (&root, json_node_unref);

  run (fixture, &result, "rates", "set", "EUR", "161.98", "--quote", "JPY", "--date", "2026-05-15");
  assert_success (&result);
  run (fixture, &result, "rates", "list");
  assert_success (&result);
  assert_contains (result.out, "2026-05-15  1 EUR = 161.98 JPY  yours");
  assert_contains (result.out, "2026-05-14  1 USD = 0.9210 EUR  yours");
  g_assert_true (strstr (result.out, "161.98") < strstr (result.out, "0.9210"));
  run (fixture, &result, "rates", "list", "--currency", "jpy", "--json");
  assert_success (&result);
  root = NULL;
  {
    g_autoptr (JsonParser) parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (parser, result.out, -1, NULL));
    rates = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (rates), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rates, 0), "quote"), ==, "JPY");
  }

  run (fixture, &result, "rates", "delete", "USD", "--date", "2026-05-14");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Deleted the rate 1 USD = 0.9210 EUR of 2026-05-14.\n");
  run (fixture, &result, "rates", "list", "--currency", "USD");
  assert_contains (result.out, "There are no exchange rates.");
  run (fixture, &result, "rates", "set", "USD", "0.93", "--date", "2026-05-14");
  run (fixture, &result, "rates", "list", "--json", "--limit", "1");
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *newest;

    g_assert_true (json_parser_load_from_data (parser, result.out, -1, NULL));
    newest = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
    g_free (uuid);
    uuid = g_strdup (json_object_get_string_member (newest, "uuid"));
  }
  run (fixture, &result, "rates", "delete", uuid, "--json");
  assert_success (&result);
  rate = parse_object (result.out, &root);
  g_assert_true (json_object_has_member (rate, "deleted_at"));
}

/* What is not a rate, or names none, changes nothing and says why. */
static void
test_refused (Fixture      *fixture,
              gconstpointer user_data)
{
  static const OutlayCliRefusal cases[] = {
    { 2, "Give the currency and its rate", { "set", "USD" } },
    { 2, "“XYZ” is not a currency code", { "set", "XYZ", "1.1" } },
    { 2, "--quote “EURO” is not a currency code", { "set", "USD", "1.1", "--quote", "EURO" } },
    { 1, "two different currencies, not EUR and EUR", { "set", "EUR", "1" } },
    { 2, "rate", { "set", "USD", "abc" } },
    { 2, "rate", { "set", "USD", "0" } },
    { 2, "“1,350” could be 1350 or 1.350", { "set", "USD", "1,350", "--quote", "KRW" } },
    { 2, "Unknown option -0.9", { "set", "USD", "-0.9" } },
    { 2, "rate", { "set", "USD", "1.234.5" } },
    { 2, "--date", { "set", "USD", "0.9", "--date", "2026-02-30" } },
    { 2, "--limit takes a whole number from 1", { "list", "--limit", "0" } },
    { 1, "You have no rate of USD in EUR on 2026-05-14", { "delete", "USD", "--date", "2026-05-14" } },
    { 1, "does not exist", { "delete", "0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a" } },
    { 2, "“swap” is not one of list, set, delete or import", { "swap" } },
  };

  static const OutlayCliRefusal charges[] = {
    { 1, "in the expense’s own currency", { "5", "Bread", "--currency", "EUR", "--charged", "5" } },
    { 2, "abc", { "5", "Bread", "--currency", "USD", "--charged", "abc" } },
    { 1, "more than zero", { "5", "Bread", "--currency", "USD", "--charged", "0" } },
  };

  record_euros (fixture);
  assert_refusals (fixture, "rates", cases, G_N_ELEMENTS (cases));
  assert_refusals (fixture, "add", charges, G_N_ELEMENTS (charges));
}

/* A card charge kept, shown, cleared by a new amount; a summary converted
 * at the rates of the days, what has no rate apart. By hand: €12.50 +
 * ($200.00 + $10.00) / 1.0813 + €80.11 (charged) = 12.50 + 194.211… + 80.11
 * = €286.82; ARS 1,500.00 has no rate. */
static void
test_charged_and_converted (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;
  JsonObject *converted;

  record_euros (fixture);
  run (fixture, &result, "add", "12.50", "Lunch", "--currency", "EUR", "--date", "2026-05-02");
  run (fixture, &result, "add", "200", "Hotel", "--currency", "USD", "--date", "2026-05-14");
  run (fixture, &result, "add", "10", "Taxi", "--currency", "USD", "--date", "2026-05-18");
  run (fixture, &result, "add", "1500", "Asado", "--currency", "ARS", "--date", "2026-05-03");
  run (fixture, &result, "add", "86.50", "Dinner", "--currency", "USD", "--date", "2026-05-14", "--charged",
       "80.11", "--json");
  assert_success (&result);
  object = parse_object (result.out, &root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "charged"), "amount"), ==,
                   "80.11");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "charged"), "currency"),
                   ==, "EUR");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, "id"));
  g_clear_pointer (&root, json_node_unref);
  run (fixture, &result, "rates", "set", "EUR", "1.0813", "--quote", "USD", "--date", "2026-05-14");
  assert_success (&result);

  run (fixture, &result, "summary", "--month", "2026-05", "--currency", "EUR", "--in", "EUR");
  assert_success (&result);
  assert_contains (result.out, "In EUR: ≈ €286.82\n");
  assert_contains (result.out, "  $296.50 → €274.32 (1 EUR = 1.0813 USD, yours, 2026-05-14; 1 at the card’s charge)");
  assert_contains (result.out, "  Not counted: ARS 1,500.00 in 1 expense has no rate (outlay rates set ARS RATE)");

  run (fixture, &result, "summary", "--month", "2026-05", "--currency", "EUR", "--in", "EUR", "--json");
  assert_success (&result);
  object = parse_object (result.out, &root);
  converted = json_object_get_object_member (object, "converted");
  g_assert_cmpstr (json_object_get_string_member (converted, "currency"), ==, "EUR");
  g_assert_cmpint (json_object_get_int_member (converted, "total_minor"), ==, 28682);
  g_assert_cmpint (json_object_get_int_member (converted, "without_rate"), ==, 1);
  g_clear_pointer (&root, json_node_unref);

  /* Each expense listed in euros: $200.00 / 1.0813 = €184.96, the dinner at
   * its charge, the pesos at none. */
  run (fixture, &result, "list", "--month", "2026-05", "--in", "EUR");
  assert_success (&result);
  assert_contains (result.out, "$200.00  €184.96\n");
  assert_contains (result.out, "ARS 1,500.00  no rate\n");
  assert_contains (result.out, "In EUR: ≈ €286.82; 1 expense has no rate\n");
  run (fixture, &result, "list", "--month", "2026-05", "--in", "EUR", "--json", "--search", "dinner");
  assert_success (&result);
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *dinner;

    g_assert_true (json_parser_load_from_data (parser, result.out, -1, NULL));
    dinner = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dinner, "converted"), "amount"), ==,
                     "80.11");
    g_assert_cmpstr (json_object_get_string_member (dinner, "rate_source"), ==, "charged");
  }
  run (fixture, &result, "list", "--month", "2026-05", "--in", "EUR", "--json", "--search", "hotel");
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *hotel;

    g_assert_true (json_parser_load_from_data (parser, result.out, -1, NULL));
    hotel = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (hotel, "converted"), "amount_minor"),
                     ==, 18496);
    g_assert_cmpstr (json_object_get_string_member (hotel, "rate"), ==, "1.0813");
    g_assert_cmpstr (json_object_get_string_member (hotel, "rate_date"), ==, "2026-05-14");
    g_assert_cmpstr (json_object_get_string_member (hotel, "rate_source"), ==, "entered");
  }

  /* A new amount forgets the charge; --charged gives it again. */
  run (fixture, &result, "edit", id, "--amount", "90", "--json");
  assert_success (&result);
  object = parse_object (result.out, &root);
  g_assert_true (json_object_get_null_member (object, "charged"));
  g_clear_pointer (&root, json_node_unref);
  run (fixture, &result, "edit", id, "--charged", "83", "--json");
  assert_success (&result);
  object = parse_object (result.out, &root);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "charged"), "amount_minor"), ==,
                   8300);
  g_clear_pointer (&root, json_node_unref);
  /* Turned into a refund, its charge is given back too. */
  run (fixture, &result, "edit", id, "--refund");
  assert_success (&result);
  g_assert_cmpstr (query_charged (fixture), ==, "-8300");
  run (fixture, &result, "edit", id, "--no-charged");
  assert_success (&result);
  g_assert_cmpstr (query_charged (fixture), ==, "");
}

/* The ECB's history: every rate it holds, each bad line by number; again,
 * nothing new; a dry run writes nothing; a file that holds no rates is
 * refused whole. */
static void
test_import (Fixture      *fixture,
             gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *history = g_test_build_filename (G_TEST_DIST, "fixtures", "rates", "eurofxref-hist.csv", NULL);
  g_autofree char *statement = g_test_build_filename (G_TEST_DIST, "fixtures", "rates", "bank-statement.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonObject *report;
  JsonArray  *problems;
  gint64      n_rates;

  record_euros (fixture);
  run (fixture, &result, "rates", "import", history, "--dry-run", "--json");
  assert_success (&result);
  report = parse_object (result.out, &root);
  g_assert_cmpstr (json_object_get_string_member (report, "format"), ==, "ecb-csv");
  g_assert_cmpstr (json_object_get_string_member (report, "source_name"), ==, "ECB");
  g_assert_true (json_object_get_boolean_member (report, "dry_run"));
  n_rates = json_object_get_int_member (report, "rates");
  g_assert_cmpint (n_rates, >, 0);
  g_assert_cmpint (json_object_get_int_member (report, "added"), ==, 0);
  problems = json_object_get_array_member (report, "problems");
  g_assert_cmpuint (json_array_get_length (problems), >, 0);
  /* The euro's old partners the header names, then the day 2024-13-01. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (problems, 0), "line"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (problems, 2), "line"), ==, 4);
  g_assert_cmpint (n_rates, ==, 28);
  g_assert_cmpstr (query_rates (fixture), ==, "0");
  g_clear_pointer (&root, json_node_unref);

  run (fixture, &result, "rates", "import", history);
  assert_success (&result);
  assert_contains (result.out, "rates from “eurofxref-hist.csv” (ECB).\n");
  assert_contains (result.out, "Added 28, changed 0, 0 as they were.\n");
  assert_contains (result.out, "  line 4: “2024-13-01” is not a day");
  run (fixture, &result, "rates", "list", "--currency", "USD", "--limit", "1");
  assert_contains (result.out, "2024-05-14  1 EUR = 1.0813 USD  ECB");

  run (fixture, &result, "rates", "import", history, "--json");
  report = parse_object (result.out, &root);
  g_assert_cmpint (json_object_get_int_member (report, "added"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "unchanged"), ==, n_rates);
  g_clear_pointer (&root, json_node_unref);

  before = dump (fixture);
  run (fixture, &result, "rates", "import", statement);
  assert_failure (&result, 1, "is not a file of exchange rates");
  run (fixture, &result, "rates", "import", "/nonexistent/rates.csv");
  assert_failure (&result, 1, "rates.csv");
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/cli/rates/set-list-delete", test_set_list_delete);
  add_test ("/cli/rates/refused", test_refused);
  add_test ("/cli/rates/charged-and-converted", test_charged_and_converted);
  add_test ("/cli/rates/import", test_import);

  return g_test_run ();
}
