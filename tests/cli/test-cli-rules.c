/* test-cli-rules.c
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

/* `outlay rules` as people and scripts use it: the real binary on a
 * database the test holds open. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "outlay-cli-test-utils.h"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  assert_json (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  return g_strstrip (outlay_test_dump (outlay_database_get_handle (fixture->store.database), sql));
}

/* Three rules, listed in their order in the documented shape. */
static void
test_add_and_list (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonObject *rule;
  JsonArray  *patterns;

  run (fixture, &result, "rules");
  assert_success (&result);
  assert_contains (result.out, "There are no rules.");
  run (fixture, &result, "rules", "list", "--json");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "[]\n");

  run (fixture, &result, "rules", "add", "--contains", "rewe", "--contains", "Lidl", "--category", "groceries");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Added rule 1: description contains “rewe” or “Lidl” → Groceries.\n");
  run (fixture, &result, "rules", "add", "--contains", "sq *roastery", "--match", "starts", "--category",
       "Food & Drink", "--rename", "Roastery", "--amount-min", "2", "--currency", "eur");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==,
                   "Added rule 2: description starts with “sq *roastery”, from 2.00 EUR → Food & Drink, renamed "
                   "“Roastery”.\n");
  run (fixture, &result, "rules", "add", "--contains", "reimbursable", "--field", "note", "--match", "equals",
       "--category", "Other", "--amount-max", "1.234,50", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  rule = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (rule, "position"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (rule, "field"), ==, "note");
  g_assert_cmpstr (json_object_get_string_member (rule, "match"), ==, "equals");
  /* Without a currency, read in the ledger's (the locale's: USD). */
  g_assert_cmpstr (json_object_get_string_member (rule, "amount_max"), ==, "1234.50");
  g_assert_true (json_object_get_null_member (rule, "amount_min"));
  g_assert_true (json_object_get_null_member (rule, "currency"));
  g_assert_true (json_object_get_null_member (rule, "rename"));
  g_clear_pointer (&root, json_node_unref);

  run (fixture, &result, "rules", "list");
  assert_success (&result);
  assert_contains (result.out, "#  WHEN");
  assert_contains (result.out, "1  description contains “rewe” or “Lidl”");
  assert_contains (result.out, "2  description starts with “sq *roastery”  from 2.00 EUR");
  assert_contains (result.out, "Roastery\n");
  assert_contains (result.out, "3  note is “reimbursable”");
  assert_contains (result.out, "up to 1234.50");

  run (fixture, &result, "rules", "list", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
  rule = json_array_get_object_element (json_node_get_array (root), 1);
  g_assert_cmpint (json_object_get_int_member (rule, "position"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (rule, "match"), ==, "starts");
  patterns = json_object_get_array_member (rule, "patterns");
  g_assert_cmpuint (json_array_get_length (patterns), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (patterns, 0), ==, "sq *roastery");
  g_assert_cmpstr (json_object_get_string_member (rule, "amount_min"), ==, "2.00");
  g_assert_cmpstr (json_object_get_string_member (rule, "currency"), ==, "EUR");
  g_assert_cmpstr (json_object_get_string_member (rule, "category"), ==, "Food & Drink");
  g_assert_cmpstr (json_object_get_string_member (rule, "rename"), ==, "Roastery");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (rule, "created_at"), "Z"));
  g_assert_false (json_object_has_member (rule, "deleted_at"));
}

/* Edited, moved and deleted by number or UUID. */
static void
test_edit_move_delete (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *order = NULL;
  JsonObject      *rule;

  run (fixture, &result, "rules", "add", "--contains", "coffee", "--category", "Food & Drink", "--rename", "Coffee",
       "--currency", "EUR", "--amount-min", "1", "--amount-max", "9");
  assert_success (&result);
  run (fixture, &result, "rules", "add", "--contains", "coffee beans", "--category", "Groceries");
  assert_success (&result);
  uuid = query_text (fixture, "SELECT uuid FROM category_rules WHERE patterns = 'coffee beans'");

  run (fixture, &result, "rules", "edit", "1", "--no-rename", "--any-currency", "--no-amount-min", "--contains",
       "espresso", "--contains", "coffee", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  rule = json_node_get_object (root);
  g_assert_true (json_object_get_null_member (rule, "rename"));
  g_assert_true (json_object_get_null_member (rule, "currency"));
  g_assert_true (json_object_get_null_member (rule, "amount_min"));
  g_assert_cmpstr (json_object_get_string_member (rule, "amount_max"), ==, "9.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rule, "patterns")), ==, 2);
  g_clear_pointer (&root, json_node_unref);

  /* The first rule that matches wins: "coffee beans" is filed by rule 1. */
  run (fixture, &result, "rules", "test", "--description", "Coffee beans");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Food & Drink, by rule 1: description contains “espresso” or “coffee”, up to 9.00 "
                                   "→ Food & Drink.\n");
  run (fixture, &result, "rules", "move", uuid, "--position", "1");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Moved rule 1: description contains “coffee beans” → Groceries.\n");
  run (fixture, &result, "rules", "test", "--description", "Coffee beans", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "category"), ==, "Groceries");
  g_clear_pointer (&root, json_node_unref);

  run (fixture, &result, "rules", "delete", "2", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (json_node_get_object (root), "deleted_at"), "Z"));
  run (fixture, &result, "rules", "delete", uuid);
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Deleted rule 1: description contains “coffee beans” → Groceries.\n");
  order = query_text (fixture, "SELECT count(*) FROM category_rules WHERE deleted_at IS NOT NULL");
  g_assert_cmpstr (order, ==, "2");
  run (fixture, &result, "rules");
  assert_success (&result);
  assert_contains (result.out, "There are no rules.");
}

/* A rule, else what was learned, else nothing; nothing written. */
static void
test_test (Fixture      *fixture,
           gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonObject      *suggestion;

  seed_ledger (fixture);
  seed (fixture, 450, "EUR", "2024-03-04", "coffee", FOOD);
  seed (fixture, 450, "EUR", "2024-03-05", "COFFEE", OTHER);
  seed (fixture, 450, "EUR", "2024-03-05", "Coffee", OTHER);
  run (fixture, &result, "rules", "add", "--contains", "bäckerei", "--category", "Groceries", "--rename", "Bakery");
  assert_success (&result);
  before = dump (fixture);

  run (fixture, &result, "rules", "test", "--description", "BACKEREI Schmidt", "--amount", "3.50", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  suggestion = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (suggestion, "suggested_by"), ==, "rule");
  g_assert_cmpstr (json_object_get_string_member (suggestion, "category"), ==, "Groceries");
  g_assert_cmpstr (json_object_get_string_member (suggestion, "description"), ==, "Bakery");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (suggestion, "rule"), "position"), ==, 1);
  g_clear_pointer (&root, json_node_unref);
  run (fixture, &result, "rules", "test", "--description", "BACKEREI Schmidt");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Groceries, as “Bakery”, by rule 1: description contains “bäckerei” → Groceries, "
                                   "renamed “Bakery”.\n");

  /* Learned from the same description, in any case; never Other. */
  run (fixture, &result, "rules", "test", "--description", "coffee", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  suggestion = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (suggestion, "suggested_by"), ==, "learned");
  g_assert_cmpstr (json_object_get_string_member (suggestion, "category"), ==, "Food & Drink");
  g_assert_true (json_object_get_null_member (suggestion, "rule"));
  g_clear_pointer (&root, json_node_unref);
  run (fixture, &result, "rules", "test", "--description", "Coffee");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Food & Drink: no rule matches, and most expenses described “Coffee” are there.\n");

  run (fixture, &result, "rules", "test", "--description", "Gift", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  suggestion = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (suggestion, "suggested_by"), ==, "none");
  g_assert_true (json_object_get_null_member (suggestion, "category"));
  run (fixture, &result, "rules", "test", "--description", "Gift");
  assert_success (&result);
  assert_contains (result.out, "No suggestion");

  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* A dry run lists and writes nothing; --only-other leaves the others; the
 * apply writes what it lists. */
static void
test_apply (Fixture      *fixture,
            gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *filed = NULL;
  JsonObject      *apply;
  JsonObject      *change;

  seed_ledger (fixture);
  seed (fixture, 420, "EUR", "2024-03-02", "SQ *ROASTERY 0423 BERLIN", OTHER);
  run (fixture, &result, "rules", "add", "--contains", "sq *roastery", "--category", "Food & Drink", "--rename",
       "Roastery");
  assert_success (&result);
  run (fixture, &result, "rules", "add", "--contains", "market", "--category", "Shopping");
  assert_success (&result);
  before = dump (fixture);

  run (fixture, &result, "rules", "apply", "--dry-run");
  assert_success (&result);
  assert_contains (result.out, "Rule 1: description contains “sq *roastery” → Food & Drink, renamed “Roastery”: "
                               "1 expense\n");
  assert_contains (result.out, "Rule 2: description contains “market” → Shopping: 2 expenses\n");
  assert_contains (result.out, "SQ *ROASTERY 0423 BERLIN → Roastery");
  assert_contains (result.out, "Other → Food & Drink");
  assert_contains (result.out, "Groceries → Shopping");
  assert_contains (result.out, "3 expenses would change, of 9 looked at; nothing was written.\n");
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  run (fixture, &result, "rules", "apply", "--dry-run", "--only-other", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  apply = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (apply, "dry_run"));
  g_assert_true (json_object_get_boolean_member (apply, "only_other"));
  g_assert_cmpint (json_object_get_int_member (apply, "scanned"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (apply, "changed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (apply, "skipped"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (apply, "rules")), ==, 2);
  change = json_array_get_object_element (json_object_get_array_member (apply, "expenses"), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "description"), ==, "SQ *ROASTERY 0423 BERLIN");
  g_assert_cmpstr (json_object_get_string_member (change, "new_description"), ==, "Roastery");
  g_assert_cmpstr (json_object_get_string_member (change, "category"), ==, "Other");
  g_assert_cmpstr (json_object_get_string_member (change, "new_category"), ==, "Food & Drink");
  g_assert_cmpstr (json_object_get_string_member (change, "amount"), ==, "4.20");
  g_assert_cmpint (json_object_get_int_member (change, "amount_minor"), ==, 420);
  g_assert_cmpstr (json_object_get_string_member (change, "date"), ==, "2024-03-02");
  g_assert_cmpint (json_object_get_int_member (change, "rule"), ==, 1);
  g_clear_pointer (&root, json_node_unref);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);

  run (fixture, &result, "rules", "apply", "--only-other");
  assert_success (&result);
  assert_contains (result.out, "Changed 1 expense, of 2 looked at.\n");
  filed = query_text (fixture, "SELECT c.name FROM expenses e JOIN categories c ON c.id = e.category_id "
                               "WHERE e.description = 'Roastery'");
  g_assert_cmpstr (filed, ==, "Food & Drink");

  run (fixture, &result, "rules", "apply", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  apply = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (apply, "dry_run"));
  g_assert_cmpint (json_object_get_int_member (apply, "changed"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (
                     json_array_get_object_element (json_object_get_array_member (apply, "rules"), 1), "count"),
                   ==, 2);

  run (fixture, &result, "rules", "apply");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "No expense changed, of 9 looked at.\n");
  outlay_test_assert_summary_consistent (outlay_database_get_handle (fixture->store.database));
}

/* One line on stderr, a non-zero status, and not a byte changed. */
static void
test_refused (Fixture      *fixture,
              gconstpointer user_data)
{
  /* clang-format off */
  static const OutlayCliRefusal refusals[] = {
    { 2, "Give what to look for: --contains TEXT", { "add", "--category", "Groceries", NULL } },
    { 2, "Give the category it files expenses under", { "add", "--contains", "rewe", NULL } },
    { 1, "There is no category “Nope”", { "add", "--contains", "rewe", "--category", "Nope", NULL } },
    { 2, "--field is description or note, not “body”",
      { "add", "--contains", "rewe", "--category", "Groceries", "--field", "body", NULL } },
    { 2, "--match is contains, starts or equals",
      { "add", "--contains", "rewe", "--category", "Groceries", "--match", "regex", NULL } },
    { 2, "--currency “EURO” is not a currency code",
      { "add", "--contains", "rewe", "--category", "Groceries", "--currency", "EURO", NULL } },
    { 2, "--amount-min “abc” is not an amount",
      { "add", "--contains", "rewe", "--category", "Groceries", "--amount-min", "abc", NULL } },
    { 2, "--amount-max “1.5” is not an amount: Amounts in JPY cannot have decimals",
      { "add", "--contains", "rewe", "--category", "Groceries", "--currency", "JPY", "--amount-max", "1.5", NULL } },
    { 1, "lowest amount (50.00) is more than its highest (10.00)",
      { "add", "--contains", "rewe", "--category", "Groceries", "--amount-min", "50", "--amount-max", "10", NULL } },
    { 1, "The rule looks for nothing", { "add", "--contains", "  ", "--category", "Groceries", NULL } },
    { 1, "description the rule gives is empty",
      { "add", "--contains", "rewe", "--category", "Groceries", "--rename", " ", NULL } },
    { 2, "Unexpected argument “Groceries”", { "add", "--contains", "rewe", "Groceries", NULL } },
    { 1, "There is no rule 9: there is 1", { "edit", "9", "--category", "Other", NULL } },
    { 1, "There is no rule “coffee”", { "edit", "coffee", "--category", "Other", NULL } },
    { 2, "Nothing to change", { "edit", "1", NULL } },
    { 2, "Give --rename or --no-rename, not both", { "edit", "1", "--rename", "X", "--no-rename", NULL } },
    { 2, "Give --currency or --any-currency, not both", { "edit", "1", "--currency", "EUR", "--any-currency", NULL } },
    { 2, "Give the number of a rule", { "edit", "--category", "Other", NULL } },
    { 2, "--position takes a whole number from 1", { "move", "1", "--position", "0", NULL } },
    { 2, "--position 5 is past the end: there is 1 rule", { "move", "1", "--position", "5", NULL } },
    { 2, "Give where it goes: --position N", { "move", "1", NULL } },
    { 1, "There is no rule 2", { "delete", "2", NULL } },
    { 2, "Give the expense’s description", { "test", NULL } },
    { 2, "Invalid amount “-3”", { "test", "--description", "Coffee", "--amount", "-3", NULL } },
    { 2, "Unexpected argument “now”", { "apply", "now", NULL } },
    { 2, "“frobnicate” is not one of list, add, edit, move, delete, test or apply", { "frobnicate", NULL } },
    { 2, "Unknown option --bogus", { "list", "--bogus", NULL } },
  };
  /* clang-format on */
  g_auto (Result) result = { 0 };

  seed_ledger (fixture);
  run (fixture, &result, "rules", "add", "--contains", "market", "--category", "Groceries");
  assert_success (&result);
  assert_refusals (fixture, "rules", refusals, G_N_ELEMENTS (refusals));
}

/* Every subcommand's --help shows its JSON. */
static void
test_help (Fixture      *fixture,
           gconstpointer user_data)
{
  static const char *const commands[][2] = {
    { "list", "\"patterns\": [" },
    { "add", "\"rename\": \"Roastery\"" },
    { "edit", "--no-amount-min" },
    { "move", "--position" },
    { "delete", "deleted_at" },
    { "test", "\"suggested_by\"" },
    { "apply", "\"new_category\"" },
  };
  g_auto (Result) result = { 0 };

  run (fixture, &result, "help");
  assert_success (&result);
  assert_contains (result.out, "rules");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run (fixture, &result, "rules", commands[i][0], "--help");
      assert_success (&result);
      assert_contains (result.out, commands[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/cli/rules/add-and-list", test_add_and_list);
  add_test ("/cli/rules/edit-move-delete", test_edit_move_delete);
  add_test ("/cli/rules/test", test_test);
  add_test ("/cli/rules/apply", test_apply);
  add_test ("/cli/rules/refused", test_refused);
  add_test ("/cli/rules/help", test_help);

  return g_test_run ();
}
