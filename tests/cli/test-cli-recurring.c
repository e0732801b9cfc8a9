/* test-cli-recurring.c
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

/* `outlay recurring` as people and scripts use it: the real binary on a
 * database the test holds open. The days are written out from a
 * calendar, not worked out by the code under test. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "outlay-cli-test-utils.h"

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  return outlay_test_query_int (outlay_database_get_handle (fixture->store.database), sql);
}

static char *
days_of (Fixture    *fixture,
         const char *description)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat(occurred_on, ' ') FROM (SELECT occurred_on FROM "
                                          "expenses WHERE description = '%s' AND deleted_at IS NULL "
                                          "ORDER BY occurred_on)",
                                          description);
  char            *dump = outlay_test_dump (outlay_database_get_handle (fixture->store.database), sql);

  return g_strstrip (dump);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Added, listed and shown in the documented shape. */
static void
test_add_and_list (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonObject *rule;

  run (fixture, &result, "recurring", "add", "950", "Rent", "--category", "Housing", "--on-day", "1", "--from",
       "2026-01-01", "--currency", "EUR");
  assert_success (&result);
  assert_contains (result.out, "Added recurring expense “Rent”: 950.00 EUR, monthly on day 1 from 2026-01-01.");
  run (fixture, &result, "recurring", "add", "12", "Gym", "--every", "week", "--interval", "2", "--on-weekday", "TU",
       "--on-weekday", "TH", "--from", "2026-01-05", "--until", "2026-06-30", "--mode", "confirm");
  assert_success (&result);
  assert_contains (result.out, "every 2 weeks on Tuesday, Thursday from 2026-01-05, until 2026-06-30, to confirm");

  run (fixture, &result, "recurring", "list", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  /* By description: Gym, Rent. */
  rule = json_array_get_object_element (json_node_get_array (root), 1);
  g_assert_cmpstr (json_object_get_string_member (rule, "description"), ==, "Rent");
  g_assert_cmpstr (json_object_get_string_member (rule, "amount"), ==, "950.00");
  g_assert_cmpint (json_object_get_int_member (rule, "amount_minor"), ==, 95000);
  g_assert_cmpstr (json_object_get_string_member (rule, "category"), ==, "Housing");
  g_assert_cmpstr (json_object_get_string_member (rule, "repeats"), ==, "monthly on day 1");
  g_assert_cmpstr (json_object_get_string_member (rule, "every"), ==, "month");
  g_assert_cmpint (json_object_get_int_member (rule, "on_day"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (rule, "mode"), ==, "automatic");
  g_assert_cmpstr (json_object_get_string_member (rule, "monthly_equivalent"), ==, "950.00");
  rule = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (rule, "until"), ==, "2026-06-30");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (rule, "weekdays"), 1), ==, "TH");
  /* 12.00 × 2 × 365.25 / 7 / 2 / 12 */
  g_assert_cmpstr (json_object_get_string_member (rule, "monthly_equivalent"), ==, "52.18");

  run (fixture, &result, "recurring", "show", "rent");
  assert_success (&result);
  assert_contains (result.out, "Category: Housing\n");
}

/* 400 days without running write every occurrence once; a second run
 * writes nothing; a deleted one stays deleted; an edit leaves what was
 * written alone. */
static void
test_run (Fixture      *fixture,
          gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *days = NULL;
  g_autofree char *amounts = NULL;
  g_autofree char *id = NULL;

  run (fixture, &result, "recurring", "add", "950", "Rent", "--on-day", "31", "--from", "2026-01-31", "--currency",
       "EUR");
  assert_success (&result);

  run (fixture, &result, "recurring", "run", "--through", "2027-03-06", "--dry-run");
  assert_success (&result);
  assert_contains (result.out, "14 recurring expenses would be written:");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM expenses"), ==, 0);

  run (fixture, &result, "recurring", "run", "--through", "2027-03-06");
  assert_success (&result);
  assert_contains (result.out, "Added 14 recurring expenses:");
  days = days_of (fixture, "Rent");
  g_assert_cmpstr (days, ==,
                   "2026-01-31 2026-02-28 2026-03-31 2026-04-30 2026-05-31 2026-06-30 2026-07-31 2026-08-31 "
                   "2026-09-30 2026-10-31 2026-11-30 2026-12-31 2027-01-31 2027-02-28");

  run (fixture, &result, "recurring", "run", "--through", "2027-03-06", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"written\": []");

  /* Delete June's, raise the rent from now on, run again. */
  id = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                         "SELECT id FROM expenses WHERE occurred_on = '2026-06-30'");
  g_strstrip (id);
  run (fixture, &result, "delete", id);
  assert_success (&result);
  run (fixture, &result, "recurring", "edit", "Rent", "--amount", "990");
  assert_success (&result);
  run (fixture, &result, "recurring", "run", "--through", "2027-04-02");
  assert_success (&result);
  assert_contains (result.out, "Added 1 recurring expense:\n  2027-03-31  Rent  €990.00\n");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM expenses WHERE occurred_on = '2026-06-30' "
                                        "AND deleted_at IS NOT NULL"),
                   ==, 1);
  amounts = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                              "SELECT amount, count(*) FROM expenses WHERE deleted_at IS NULL GROUP BY amount");
  g_assert_cmpstr (amounts, ==, "95000|13\n99000|1\n");
}

/* Two processes that catch up at the same time write each occurrence
 * once. */
static void
test_two_at_once (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);

  run (fixture, &result, "recurring", "add", "3", "Coffee", "--every", "day", "--from", "2026-01-01", "--currency",
       "EUR");
  assert_success (&result);

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (GError) error = NULL;
      const char  *argv[] = { binary (), "--database", fixture->store.path, "recurring", "run",
                              "--through", "2026-02-28", "--allow-many", NULL };
      GSubprocess *process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);

      g_assert_no_error (error);
      g_ptr_array_add (processes, process);
    }
  for (guint i = 0; i < processes->len; i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (g_subprocess_wait_check (g_ptr_array_index (processes, i), NULL, &error));
      g_assert_no_error (error);
    }

  /* 31 + 28 days */
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM expenses"), ==, 59);
  g_assert_cmpint (count_rows (fixture, "SELECT count(DISTINCT scheduled_on) FROM expenses"), ==, 59);
}

/* More than 60 at once waits for --allow-many. */
static void
test_held (Fixture      *fixture,
           gconstpointer user_data)
{
  g_auto (Result) result = { 0 };

  run (fixture, &result, "recurring", "add", "3", "Coffee", "--every", "day", "--from", "2026-01-01");
  assert_success (&result);
  run (fixture, &result, "recurring", "run", "--through", "2026-03-31");
  assert_success (&result);
  assert_contains (result.out, "“Coffee” would add 90 expenses at once: run again with --allow-many to add them.");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM expenses"), ==, 0);
  run (fixture, &result, "recurring", "run", "--through", "2026-03-31", "--allow-many");
  assert_success (&result);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM expenses"), ==, 90);
}

/* To confirm: due until confirmed or skipped; paused: nothing meanwhile. */
static void
test_confirm_skip_pause (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *days = NULL;

  /* 31 January 2026 is a Saturday, 28 February too: the Friday before. */
  run (fixture, &result, "recurring", "add", "39.99", "Phone bill", "--on-day", "last", "--weekend", "before",
       "--mode", "confirm", "--from", "2026-01-01");
  assert_success (&result);
  run (fixture, &result, "recurring", "run", "--through", "2026-03-02");
  assert_success (&result);
  assert_contains (result.out, "2 recurring expenses are due, to confirm (outlay recurring confirm) or skip:\n"
                               "  2026-01-30  Phone bill  $39.99\n  2026-02-27  Phone bill  $39.99\n");
  run (fixture, &result, "recurring", "confirm", "phone bill", "2026-01-31");
  assert_success (&result);
  run (fixture, &result, "recurring", "skip", "Phone bill", "2026-02-28");
  assert_success (&result);
  run (fixture, &result, "recurring", "run", "--through", "2026-03-02", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"due\": []");
  days = days_of (fixture, "Phone bill");
  g_assert_cmpstr (days, ==, "2026-01-30");

  run (fixture, &result, "recurring", "add", "30", "Gym", "--on-day", "10", "--from", "2026-01-10");
  assert_success (&result);
  run (fixture, &result, "recurring", "run", "--through", "2026-02-15");
  assert_success (&result);
  run (fixture, &result, "recurring", "pause", "Gym");
  assert_success (&result);
  run (fixture, &result, "recurring", "run", "--through", "2026-04-20");
  assert_success (&result);
  run (fixture, &result, "recurring", "resume", "Gym");
  assert_success (&result);
  run (fixture, &result, "recurring", "run", "--through", "2026-05-10");
  assert_success (&result);
  g_clear_pointer (&days, g_free);
  days = days_of (fixture, "Gym");
  g_assert_cmpstr (days, ==, "2026-01-10 2026-02-10 2026-05-10");

  run (fixture, &result, "recurring", "delete", "Gym", "--delete-expenses");
  assert_success (&result);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM expenses WHERE description = 'Gym' "
                                        "AND deleted_at IS NULL"),
                   ==, 0);
}

/* "This and later": the rent goes up from the middle of February, said
 * after March was written. What was written stays, with its amount; the
 * new recurring expense falls on the same days from April, and the name
 * finds it once the old one has ended. */
static void
test_edit_from (Fixture      *fixture,
                gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *old_uuid = NULL;
  g_autofree char *new_uuid = NULL;
  g_autofree char *amounts = NULL;
  g_autofree char *show = NULL;
  JsonObject      *rule;

  run (fixture, &result, "recurring", "add", "950", "Rent", "--on-day", "1", "--from", "2026-01-01", "--currency",
       "EUR", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  old_uuid = g_strdup (json_object_get_string_member (json_node_get_object (root), "uuid"));
  g_clear_pointer (&root, json_node_unref);
  run (fixture, &result, "recurring", "run", "--through", "2026-03-10");
  assert_success (&result);

  run (fixture, &result, "recurring", "edit", "Rent", "--amount", "990", "--from", "2026-02-15", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  rule = json_node_get_object (root);
  new_uuid = g_strdup (json_object_get_string_member (rule, "uuid"));
  g_assert_cmpstr (new_uuid, !=, old_uuid);
  g_assert_cmpstr (json_object_get_string_member (rule, "amount"), ==, "990.00");
  g_assert_cmpstr (json_object_get_string_member (rule, "from"), ==, "2026-03-01");
  g_assert_cmpint (json_object_get_int_member (rule, "on_day"), ==, 1);

  run (fixture, &result, "recurring", "show", old_uuid, "--json");
  assert_success (&result);
  assert_contains (result.out, "\"until\": \"2026-02-14\"");
  run (fixture, &result, "recurring", "show", "rent");
  assert_success (&result);
  show = g_strdup_printf ("UUID: %s\n", new_uuid);
  assert_contains (result.out, show);

  run (fixture, &result, "recurring", "run", "--through", "2026-05-02");
  assert_success (&result);
  assert_contains (result.out,
                   "Added 2 recurring expenses:\n  2026-04-01  Rent  €990.00\n  2026-05-01  Rent  €990.00\n");
  amounts = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                              "SELECT group_concat(occurred_on || ':' || amount, ' ') FROM "
                              "(SELECT occurred_on, amount FROM expenses ORDER BY occurred_on)");
  g_assert_cmpstr (amounts, ==,
                   "2026-01-01:95000 2026-02-01:95000 2026-03-01:95000 2026-04-01:99000 2026-05-01:99000\n");

  /* Another unit from a day on falls on that day's weekday. */
  run (fixture, &result, "recurring", "edit", "Rent", "--every", "week", "--from", "2026-06-01");
  assert_success (&result);
  assert_contains (result.out, "Changed recurring expense “Rent” from a day on: 990.00 EUR, weekly on Monday from "
                               "2026-06-01.");
}

/* One occurrence paid later and for more, listed and written so; the
 * Undo of that and of a skip. */
static void
test_override_and_restore (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *days = NULL;
  JsonObject      *occurrence;

  run (fixture, &result, "recurring", "add", "950", "Rent", "--on-day", "1", "--from", "2026-01-01", "--currency",
       "EUR");
  assert_success (&result);
  run (fixture, &result, "recurring", "run", "--through", "2026-02-10");
  assert_success (&result);

  run (fixture, &result, "recurring", "override", "Rent", "2026-03-01", "--amount", "990", "--on", "2026-03-03",
       "--json");
  assert_success (&result);
  root = parse_json (result.out);
  occurrence = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (occurrence, "date"), ==, "2026-03-03");
  g_assert_cmpstr (json_object_get_string_member (occurrence, "scheduled"), ==, "2026-03-01");
  g_assert_cmpint (json_object_get_int_member (occurrence, "amount_minor"), ==, 99000);
  run (fixture, &result, "recurring", "run", "--through", "2026-03-02", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"written\": []");

  run (fixture, &result, "recurring", "restore", "Rent", "2026-03-01");
  assert_success (&result);
  assert_contains (result.out, "Restored “Rent” of 2026-03-01: it falls on 2026-03-01, for €950.00.\n");
  run (fixture, &result, "recurring", "override", "Rent", "2026-03-01", "--amount", "990", "--on", "2026-03-03");
  assert_success (&result);
  assert_contains (result.out, "Changed “Rent” of 2026-03-01: it falls on 2026-03-03, for €990.00.\n");
  run (fixture, &result, "recurring", "run", "--through", "2026-03-05");
  assert_success (&result);
  assert_contains (result.out, "Added 1 recurring expense:\n  2026-03-03  Rent  €990.00\n");

  run (fixture, &result, "recurring", "skip", "Rent", "2026-04-01");
  assert_success (&result);
  run (fixture, &result, "recurring", "restore", "Rent", "2026-04-01");
  assert_success (&result);
  run (fixture, &result, "recurring", "run", "--through", "2026-04-02");
  assert_success (&result);
  days = days_of (fixture, "Rent");
  g_assert_cmpstr (days, ==, "2026-01-01 2026-02-01 2026-03-03 2026-04-01");
}

typedef struct
{
  int         status;
  const char *message;
  const char *args[10];
} BadInput;

/* Bad input: a one-line reason, a non-zero exit, the database as it was. */
static void
test_bad_input (Fixture      *fixture,
                gconstpointer user_data)
{
  const BadInput cases[] = {
    { 2,
      "is not one of list, add, show, edit, pause, resume, delete, skip, confirm, override, restore or run",
      { "frob" } },
    { 2, "Give the amount and the description", { "add", "5" } },
    { 2, "Invalid amount “lots”", { "add", "lots", "Rent" } },
    { 1, "A recurring expense’s amount is more than zero", { "add", "0", "Free" } },
    { 2, "--every takes day, week, month or year, not “fortnight”", { "add", "5", "X", "--every", "fortnight" } },
    { 2, "--interval takes a whole number from 1 to 1000", { "add", "5", "X", "--interval", "0" } },
    { 2, "--on-day takes a whole number from 1 to 31, not “32”", { "add", "5", "X", "--on-day", "32" } },
    { 2, "--on-day is for a monthly expense", { "add", "5", "X", "--every", "week", "--on-day", "3" } },
    { 2,
      "--on-weekday takes MO, TU, WE, TH, FR, SA or SU, not “XX”",
      { "add", "5", "X", "--every", "week", "--on-weekday", "XX" } },
    { 2, "not “5TU”", { "add", "5", "X", "--on-weekday", "5TU" } },
    { 2, "--on-weekday is for a weekly or a monthly expense", { "add", "5", "X", "--every", "day", "-w", "TU" } },
    { 2, "Give one of --until, --count and --forever", { "add", "5", "X", "--count", "3", "--until", "2026-12-31" } },
    { 2, "--weekend takes keep, before, after or skip", { "add", "5", "X", "--weekend", "never" } },
    { 2, "--mode takes auto or confirm", { "add", "5", "X", "--mode", "maybe" } },
    { 2, "is not a day", { "add", "5", "X", "--from", "2026-02-30" } },
    { 1, "ends on or after the day it starts", { "add", "5", "X", "--from", "2026-03-01", "--until", "2026-02-01" } },
    { 1, "There is no category “Nope”", { "add", "5", "X", "--category", "Nope" } },
    { 1, "There is no recurring expense “Nope”", { "show", "Nope" } },
    { 1, "There is no recurring expense “Nope”", { "skip", "Nope", "2026-01-01" } },
    { 2, "Nothing to change", { "edit", "Rent" } },
    { 2, "--currency needs --amount", { "edit", "Rent", "--currency", "USD" } },
    { 1, "no occurrence on that day", { "skip", "Rent", "2026-01-15" } },
    { 1, "no occurrence on that day", { "confirm", "Rent", "2026-01-01" } },
    { 2,
      "Give --keep-expenses or --delete-expenses, not both",
      { "delete", "Rent", "--keep-expenses", "--delete-expenses" } },
    { 2, "is not a day", { "run", "--through", "soon" } },
    { 2, "is not a day", { "edit", "Rent", "--amount", "5", "--from", "someday" } },
    { 2, "Nothing to change", { "edit", "Rent", "--from", "2026-03-01" } },
    { 1, "amount is more than zero", { "edit", "Rent", "--amount", "0", "--from", "2026-03-01" } },
    { 1, "ends before that day", { "edit", "Gym", "--amount", "5", "--from", "2026-06-01" } },
    { 2, "Give the description or the UUID of a recurring expense, and the day", { "override", "Rent" } },
    { 2, "Nothing to change: give --amount, --on or both", { "override", "Rent", "2026-03-01" } },
    { 2, "is not a day", { "override", "Rent", "2026-02-30", "--amount", "5" } },
    { 2, "is not a day", { "override", "Rent", "2026-03-01", "--on", "soon" } },
    { 2, "Invalid amount “lots”", { "override", "Rent", "2026-03-01", "--amount", "lots" } },
    { 1, "amount is more than zero", { "override", "Rent", "2026-03-01", "--amount", "0" } },
    { 1, "written already", { "override", "Rent", "2026-01-01", "--amount", "5" } },
    { 1, "no occurrence on that day", { "override", "Rent", "2026-03-15", "--amount", "5" } },
    { 1, "There is no recurring expense “Nope”", { "override", "Nope", "2026-03-01", "--amount", "5" } },
    { 1, "neither skipped nor changed", { "restore", "Rent", "2026-03-01" } },
    { 2, "Give the description or the UUID of a recurring expense, and the day", { "restore", "Rent" } },
  };
  g_autofree char *before = NULL;
  g_auto (Result) result = { 0 };

  run (fixture, &result, "recurring", "add", "950", "Rent", "--on-day", "1", "--from", "2026-01-01");
  assert_success (&result);
  run (fixture, &result, "recurring", "add", "30", "Gym", "--on-day", "10", "--from", "2026-01-10", "--count", "2");
  assert_success (&result);
  run (fixture, &result, "recurring", "run", "--through", "2026-02-10");
  assert_success (&result);
  before = dump (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autofree char *after = NULL;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->store.path);
      g_ptr_array_add (args, (gpointer) "recurring");
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i].args[j]);
      g_ptr_array_add (args, NULL);

      g_test_message ("outlay recurring %s %s", cases[i].args[0], cases[i].args[1] ? cases[i].args[1] : "");
      result_clear (&result);
      run_argv ("C.UTF-8", (const char *const *) args->pdata, NULL, &result);
      assert_failure (&result, cases[i].status, cases[i].message);

      after = dump (fixture);
      g_assert_cmpstr (after, ==, before);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/cli/recurring/add-and-list", test_add_and_list);
  add_test ("/cli/recurring/run", test_run);
  add_test ("/cli/recurring/two-at-once", test_two_at_once);
  add_test ("/cli/recurring/held", test_held);
  add_test ("/cli/recurring/confirm-skip-pause", test_confirm_skip_pause);
  add_test ("/cli/recurring/edit-from", test_edit_from);
  add_test ("/cli/recurring/override-and-restore", test_override_and_restore);
  add_test ("/cli/recurring/bad-input", test_bad_input);

  return g_test_run ();
}
