/* test-cli-history.c: `outlay history`
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

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Each change one line in words, the newest first: an addition, the
 * amount before and after in the expense's currency, the category by
 * name, a deletion and a restore, where and when. */
static void
test_lines (Fixture      *fixture,
            gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_auto (GStrv) lines = NULL;

  run (fixture, &result, "history");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "No changes.\n");

  run (fixture, &result, "add", "12.50", "Lunch", "--currency", "EUR");
  assert_success (&result);
  run (fixture, &result, "edit", "1", "--amount", "15", "--category", "Groceries");
  assert_success (&result);
  run (fixture, &result, "delete", "1");
  assert_success (&result);
  run (fixture, &result, "restore", "1");
  assert_success (&result);

  run (fixture, &result, "history");
  assert_success (&result);
  lines = g_strsplit (result.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[0], "Expense “Lunch”: Restored on This Device, today "));
  g_assert_true (g_str_has_prefix (lines[1], "Expense “Lunch”: Deleted on This Device, today "));
  assert_contains (result.out, "Expense “Lunch”: Amount €12.50 → €15.00 on This Device, today ");
  assert_contains (result.out, "Expense “Lunch”: Category Other → Groceries on This Device, today ");
  g_assert_true (g_str_has_prefix (lines[4], "Expense “Lunch”: Added on This Device, today "));
  assert_lacks (result.out, "created_at");

  run (fixture, &result, "history", "--limit", "2");
  assert_success (&result);
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (result.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  assert_contains (lines[1], "Deleted");
}

/* One expense's changes by number or UUID; a category's by its UUID; the
 * filters by kind, day and device. */
static void
test_filters (Fixture      *fixture,
              gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *uuid = NULL;
  g_autofree char *category_uuid = NULL;
  sqlite3         *db = outlay_database_get_handle (fixture->store.database);

  run (fixture, &result, "add", "3", "Bread", "--currency", "EUR");
  run (fixture, &result, "add", "4", "Milk", "--currency", "EUR");
  run (fixture, &result, "edit", "2", "--description", "Oat milk");
  run (fixture, &result, "categories", "add", "Pets");
  assert_success (&result);
  uuid = outlay_test_dump (db, "SELECT uuid FROM expenses WHERE id = 2");
  g_strstrip (uuid);
  category_uuid = outlay_test_dump (db, "SELECT uuid FROM categories WHERE name = 'Pets'");
  g_strstrip (category_uuid);

  run (fixture, &result, "history", "2");
  assert_success (&result);
  assert_contains (result.out, "Description “Milk” → “Oat milk”");
  assert_contains (result.out, "Expense “Oat milk”: Added");
  assert_lacks (result.out, "Bread");
  assert_lacks (result.out, "Pets");

  run (fixture, &result, "history", uuid);
  assert_success (&result);
  assert_contains (result.out, "Description “Milk” → “Oat milk”");
  assert_lacks (result.out, "Bread");

  run (fixture, &result, "history", category_uuid);
  assert_success (&result);
  g_assert_true (g_str_has_prefix (result.out, "Category “Pets”: Added on This Device"));

  run (fixture, &result, "history", "--kind", "category");
  assert_success (&result);
  assert_contains (result.out, "Pets");
  assert_lacks (result.out, "Bread");

  /* Days count in local time; one change made long ago. */
  outlay_test_exec (db, "UPDATE sync_journal SET changed_at = '2020-01-01T10:00:00.000Z' WHERE seq = 1");
  run (fixture, &result, "history", "--since", "2021-01-01", "--kind", "expenses");
  assert_success (&result);
  assert_lacks (result.out, "Bread");
  assert_contains (result.out, "Milk");

  /* Another device by its name, this one as "this" or by its own name. */
  outlay_test_exec (db, "INSERT INTO sync_peers (device, name) VALUES ('0b9c1e2f-peer', 'Phone')");
  outlay_test_exec (db, "INSERT INTO outlay_meta (key, value) VALUES ('device_name', 'Laptop')");
  outlay_test_exec (db, "UPDATE sync_journal SET device = '0b9c1e2f-peer' WHERE seq = 2");
  run (fixture, &result, "history", "--device", "Phone");
  assert_success (&result);
  g_assert_cmpuint (count_lines (result.out), ==, 1);
  assert_contains (result.out, "on Phone, ");
  run (fixture, &result, "history", "--device", "this");
  assert_success (&result);
  assert_lacks (result.out, "on Phone");
  assert_contains (result.out, "on Laptop, ");
  run (fixture, &result, "history", "--device", "Laptop", "--kind", "expenses");
  assert_success (&result);
  g_assert_cmpuint (count_lines (result.out), ==, 2); /* Bread added, Milk renamed */
}

/* The documented shape, with the values as the journal keeps them. */
static void
test_json (Fixture      *fixture,
           gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray  *changes;
  JsonObject *change;
  JsonObject *added;

  run (fixture, &result, "history", "--json");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "[]\n");

  run (fixture, &result, "add", "12.50", "Lunch", "--currency", "EUR");
  run (fixture, &result, "edit", "1", "--amount", "15");
  run (fixture, &result, "history", "1", "--json");
  assert_success (&result);
  assert_json (result.out);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, NULL));
  changes = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
  change = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "expenses");
  g_assert_cmpstr (json_object_get_string_member (change, "table"), ==, "expenses");
  g_assert_cmpstr (json_object_get_string_member (change, "label"), ==, "Lunch");
  g_assert_cmpstr (json_object_get_string_member (change, "change"), ==, "changed");
  g_assert_cmpstr (json_object_get_string_member (change, "field"), ==, "amount");
  g_assert_cmpint (json_object_get_int_member (change, "before"), ==, 1250);
  g_assert_cmpint (json_object_get_int_member (change, "after"), ==, 1500);
  g_assert_cmpstr (json_object_get_string_member (change, "before_text"), ==, "€12.50");
  g_assert_cmpstr (json_object_get_string_member (change, "after_text"), ==, "€15.00");
  g_assert_cmpstr (json_object_get_string_member (change, "currency"), ==, "EUR");
  g_assert_cmpstr (json_object_get_string_member (change, "before_currency"), ==, "EUR");
  g_assert_true (json_object_get_null_member (change, "device"));
  g_assert_cmpstr (json_object_get_string_member (change, "device_name"), ==, "This Device");
  g_assert_true (json_object_get_boolean_member (change, "undoable"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (change, "changed_at"), "20"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (change, "text"), "Expense “Lunch”: Amount"));
  g_assert_true (json_object_get_int_member (change, "seq") > 0);

  added = json_array_get_object_element (changes, 1);
  g_assert_cmpstr (json_object_get_string_member (added, "change"), ==, "added");
  g_assert_true (json_object_get_null_member (added, "field"));
  g_assert_true (json_object_get_null_member (added, "before"));
  g_assert_true (json_object_get_int_member (added, "seq") < json_object_get_int_member (change, "seq"));
}

static void
test_refused (Fixture      *fixture,
              gconstpointer user_data)
{
  static const OutlayCliRefusal cases[] = {
    { 2, "--kind “bills” is not a kind of change", { "--kind", "bills" } },
    { 2, "--since “someday” is not a day", { "--since", "someday" } },
    { 2, "--limit takes a whole number from 1", { "--limit", "0" } },
    { 2, "No device is called “Tablet”", { "--device", "Tablet" } },
    { 2, "“lunch” is not the number or the UUID of an expense", { "lunch" } },
    { 1, "There is no expense", { "99" } },
    { 2, "Unknown option", { "--bogus" } },
  };

  g_auto (Result) result = { 0 };

  run (fixture, &result, "add", "1", "x");
  assert_success (&result);
  assert_refusals (fixture, "history", cases, G_N_ELEMENTS (cases));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/cli/history/lines", test_lines);
  add_test ("/cli/history/filters", test_filters);
  add_test ("/cli/history/json", test_json);
  add_test ("/cli/history/refused", test_refused);

  return g_test_run ();
}
