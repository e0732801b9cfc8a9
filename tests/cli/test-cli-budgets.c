/* test-cli-budgets.c
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

/* `outlay budget` as people and scripts use it: the real binary on a
 * database the test holds open. The expenses are added with `outlay add`
 * too, and the expected days are worked out here with GDate, not with
 * the code under test. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>

#include "outlay-cli-test-utils.h"
#include "outlay-uuid.h"

static gboolean
have_locale (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    return FALSE;

  freelocale (locale);
  return TRUE;
}

/* The ledger's currency, which new budgets and expenses take. */
static void
use_euros (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_repository_set_currency (fixture->store.repository, "EUR", &error));
  g_assert_no_error (error);
}

static void
add_expense (Fixture    *fixture,
             const char *amount,
             const char *description,
             const char *date,
             const char *category)
{
  g_auto (Result) result = { 0 };

  run (fixture, &result, "add", amount, description, "--date", date, "--category", category);
  assert_success (&result);
}

static void
add_refund (Fixture    *fixture,
            const char *amount,
            const char *description,
            const char *date,
            const char *category)
{
  g_auto (Result) result = { 0 };

  run (fixture, &result, "add", amount, description, "--date", date, "--category", category, "--refund");
  assert_success (&result);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  assert_json (text);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* The object `budget show NAME --json [--date DAY]` prints, in @locale. */
static JsonObject *
show_in (Fixture    *fixture,
         const char *locale,
         const char *name,
         const char *date)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;

  if (date != NULL)
    run_in (fixture, locale, &result, "budget", "show", name, "--json", "--date", date, NULL);
  else
    run_in (fixture, locale, &result, "budget", "show", name, "--json", NULL);
  assert_success (&result);

  root = parse_json (result.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
show (Fixture    *fixture,
      const char *name,
      const char *date)
{
  return show_in (fixture, "C.UTF-8", name, date);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_string_member (object, name);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_int_member (object, name);
}

static char *
first_of_month_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_strdup_printf ("%04d-%02d-01", g_date_time_get_year (now), g_date_time_get_month (now));
}

/* The tests */

static void
test_help (Fixture      *fixture,
           gconstpointer user_data)
{
  static const char *const subcommands[] = { "list", "add", "show", "edit", "delete" };
  g_auto (Result) result = { 0 };

  run (fixture, &result, "help");
  assert_success (&result);
  assert_contains (result.out, "  budget ");

  run (fixture, &result, "budget", "--help");
  assert_success (&result);
  assert_contains (result.out, "outlay budget [OPTION…] [list|add|show|edit|override|delete]");
  assert_contains (result.out, "Examples:");
  assert_contains (result.out, "--archived");
  assert_contains (result.out, "--json");
  assert_contains (result.out, "\"uncounted\": {");
  assert_contains (result.out, "fully_used");

  run (fixture, &result, "help", "budget");
  assert_success (&result);
  assert_contains (result.out, "outlay budget [OPTION…]");

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("outlay budget %s [OPTION…]", subcommands[i]);

      run (fixture, &result, "budget", subcommands[i], "--help");
      assert_success (&result);
      assert_contains (result.out, usage);
      assert_contains (result.out, "Example");
      assert_contains (result.out, "--database");
      assert_contains (result.out, "\"period_start\": \"2026-02-25\"");
      assert_contains (result.out, "\"remaining_minor\"");
    }

  run (fixture, &result, "budget", "override", "--help");
  assert_success (&result);
  assert_contains (result.out, "outlay budget override [OPTION…] NAME|UUID DAY [AMOUNT]");
  assert_contains (result.out, "--remove");
  assert_contains (result.out, "\"removed\": false");

  run (fixture, &result, "budget", "add", "--help");
  assert_contains (result.out, "payday to payday");
  assert_contains (result.out, "--rollover-from");
  run (fixture, &result, "budget", "edit", "--help");
  assert_contains (result.out, "--no-cap");
  assert_contains (result.out, "--unarchive");
}

/* A month from the 1st of this month, the ledger's currency, every
 * category, alerts at 80 and 100 %, no carry. */
static void
test_add_defaults (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autofree char *first = first_of_month_iso ();
  g_autofree char *new_year = g_strdup_printf ("%.4s-01-01", first);
  g_autofree char *added = g_strdup_printf ("Added budget “Groceries”: €400.00 every month from %s.\n", first);
  g_autoptr (JsonObject) budget = NULL;
  g_autoptr (JsonObject) yearly = NULL;
  g_auto (Result) result = { 0 };
  JsonArray *alerts;

  use_euros (fixture);

  run (fixture, &result, "budget", "add", "Groceries", "400");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, added);

  budget = show (fixture, "groceries", NULL);
  g_assert_cmpstr (member_string (budget, "name"), ==, "Groceries");
  g_assert_cmpstr (member_string (budget, "period"), ==, "month");
  g_assert_cmpint (member_int (budget, "every"), ==, 1);
  g_assert_cmpstr (member_string (budget, "anchor"), ==, first);
  g_assert_cmpstr (member_string (budget, "period_start"), ==, first);
  g_assert_true (json_object_get_null_member (budget, "range_end"));
  g_assert_cmpstr (member_string (budget, "amount"), ==, "400.00");
  g_assert_cmpint (member_int (budget, "amount_minor"), ==, 40000);
  g_assert_cmpstr (member_string (budget, "currency"), ==, "EUR");
  g_assert_cmpstr (member_string (budget, "state"), ==, "on_track");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (budget, "categories")), ==, 0);
  g_assert_cmpstr (member_string (budget, "rollover"), ==, "none");
  g_assert_true (json_object_get_null_member (budget, "cap"));
  g_assert_true (json_object_get_null_member (budget, "cap_minor"));
  g_assert_true (json_object_get_null_member (budget, "rollover_from"));
  g_assert_false (json_object_get_boolean_member (budget, "archived"));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (budget, "uncounted")), ==, 0);
  alerts = json_object_get_array_member (budget, "alerts");
  g_assert_cmpuint (json_array_get_length (alerts), ==, 2);
  g_assert_cmpint (json_array_get_int_element (alerts, 0), ==, 80);
  g_assert_cmpint (json_array_get_int_element (alerts, 1), ==, 100);
  g_assert_true (outlay_uuid_is_valid (member_string (budget, "uuid")));

  /* Found by its uuid as well. */
  {
    g_autoptr (JsonObject) same = show (fixture, member_string (budget, "uuid"), NULL);

    g_assert_cmpstr (member_string (same, "name"), ==, "Groceries");
  }

  run (fixture, &result, "budget", "add", "Yearly", "1200", "--period", "year", "--alert", "50");
  assert_success (&result);
  yearly = show (fixture, "Yearly", NULL);
  g_assert_cmpstr (member_string (yearly, "period"), ==, "year");
  g_assert_cmpstr (member_string (yearly, "anchor"), ==, new_year);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (yearly, "alerts")), ==, 1);

  /* A budget of 0 only watches. */
  run (fixture, &result, "budget", "add", "Everything", "0");
  assert_success (&result);
  assert_contains (result.out, "watching every month");

  run (fixture, &result, "budget", "list");
  assert_success (&result);
  assert_contains (result.out, "NAME");
  assert_contains (result.out, "Groceries");
  assert_contains (result.out, "€400.00");
  assert_contains (result.out, "watching");
  assert_contains (result.out, "3 budgets\n");

  /* `outlay budget` alone lists them. */
  run (fixture, &result, "budget");
  assert_success (&result);
  assert_contains (result.out, "3 budgets\n");
}

/* Payday to payday: a month from the 25th, with a refund, and its state
 * as it fills up: on track, fully used at exactly 100 %, over. */
static void
test_payday (Fixture      *fixture,
             gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonObject *budget;

  use_euros (fixture);

  run (fixture, &result, "budget", "add", "Month to month", "400", "--anchor", "2026-01-25");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Added budget “Month to month”: €400.00 every month from 2026-01-25.\n");

  add_expense (fixture, "70", "Before", "2026-02-24", "Groceries");
  add_expense (fixture, "100", "Market", "2026-02-25", "Groceries");
  add_expense (fixture, "50", "Dinner", "2026-03-10", "Food & Drink");
  add_refund (fixture, "30", "Returned", "2026-03-01", "Groceries");
  add_expense (fixture, "80", "After", "2026-03-25", "Groceries");

  run (fixture, &result, "budget", "list", "--date", "2026-03-10", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  budget = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (member_string (budget, "name"), ==, "Month to month");
  g_assert_cmpstr (member_string (budget, "period_start"), ==, "2026-02-25");
  g_assert_cmpstr (member_string (budget, "period_end"), ==, "2026-03-24");
  g_assert_cmpstr (member_string (budget, "spent"), ==, "120.00");
  g_assert_cmpint (member_int (budget, "spent_minor"), ==, 12000);
  g_assert_cmpstr (member_string (budget, "available"), ==, "400.00");
  g_assert_cmpstr (member_string (budget, "carried"), ==, "0.00");
  g_assert_cmpstr (member_string (budget, "remaining"), ==, "280.00");
  g_assert_cmpint (member_int (budget, "remaining_minor"), ==, 28000);
  g_assert_cmpstr (member_string (budget, "state"), ==, "on_track");
  /* 14 of its 28 days */
  g_assert_cmpint (member_int (budget, "pace_percent"), ==, 50);
  g_assert_cmpint (member_int (budget, "days_left"), ==, 14);

  /* The text says the same, in words. */
  run (fixture, &result, "budget", "list", "--date", "2026-03-10");
  assert_success (&result);
  assert_contains (result.out, "2026-02-25 – 2026-03-24");
  assert_contains (result.out, "€120.00");
  assert_contains (result.out, "€280.00");
  assert_contains (result.out, "on track");
  assert_contains (result.out, "day 14 of 28");
  assert_contains (result.out, "1 budget\n");

  /* Spending faster than the days pass */
  add_expense (fixture, "150", "Shoes", "2026-03-02", "Shopping");
  {
    g_autoptr (JsonObject) ahead = show (fixture, "month to month", "2026-03-10");

    g_assert_cmpstr (member_string (ahead, "state"), ==, "ahead_of_pace");
  }

  /* Exactly all of it is not over. */
  add_expense (fixture, "130", "Coat", "2026-03-03", "Shopping");
  {
    g_autoptr (JsonObject) full = show (fixture, "Month to month", "2026-03-10");

    g_assert_cmpstr (member_string (full, "spent"), ==, "400.00");
    g_assert_cmpstr (member_string (full, "remaining"), ==, "0.00");
    g_assert_cmpstr (member_string (full, "state"), ==, "fully_used");
  }
  run (fixture, &result, "budget", "show", "Month to month", "--date", "2026-03-10");
  assert_success (&result);
  assert_contains (result.out, "fully used");

  add_expense (fixture, "0.01", "Gum", "2026-03-24", "Food & Drink");
  {
    g_autoptr (JsonObject) over = show (fixture, "Month to month", "2026-03-10");

    g_assert_cmpstr (member_string (over, "remaining"), ==, "-0.01");
    g_assert_cmpint (member_int (over, "remaining_minor"), ==, -1);
    g_assert_cmpstr (member_string (over, "state"), ==, "over");
  }
  run (fixture, &result, "budget", "list", "--date", "2026-03-10");
  assert_success (&result);
  assert_contains (result.out, "over");
  assert_contains (result.out, "-€0.01");

  /* The next period starts afresh: no carry was asked for. */
  {
    g_autoptr (JsonObject) next = show (fixture, "Month to month", "2026-03-25");

    g_assert_cmpstr (member_string (next, "period_start"), ==, "2026-03-25");
    g_assert_cmpstr (member_string (next, "carried"), ==, "0.00");
    g_assert_cmpstr (member_string (next, "spent"), ==, "80.00");
  }
}

/* What is left carries into the next period, within the cap; with both,
 * what is overspent too. */
static void
test_rollover (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr (JsonObject) february = NULL;
  g_autoptr (JsonObject) capped = NULL;
  g_autoptr (JsonObject) march = NULL;
  g_autoptr (JsonObject) both = NULL;
  g_autoptr (JsonObject) uncapped = NULL;
  g_auto (Result) result = { 0 };

  use_euros (fixture);

  run (fixture, &result, "budget", "add", "Carry", "100", "--anchor", "2026-01-01", "--rollover", "surplus");
  assert_success (&result);
  add_expense (fixture, "60", "January", "2026-01-10", "Groceries");

  february = show (fixture, "Carry", "2026-02-15");
  g_assert_cmpstr (member_string (february, "rollover"), ==, "surplus");
  g_assert_cmpstr (member_string (february, "carried"), ==, "40.00");
  g_assert_cmpint (member_int (february, "carried_minor"), ==, 4000);
  g_assert_cmpstr (member_string (february, "available"), ==, "140.00");
  g_assert_cmpstr (member_string (february, "remaining"), ==, "140.00");

  run (fixture, &result, "budget", "show", "Carry", "--date", "2026-02-15");
  assert_success (&result);
  assert_contains (result.out, "Carried");
  assert_contains (result.out, "€40.00");

  run (fixture, &result, "budget", "edit", "Carry", "--cap", "25");
  assert_success (&result);
  capped = show (fixture, "Carry", "2026-02-15");
  g_assert_cmpstr (member_string (capped, "cap"), ==, "25.00");
  g_assert_cmpint (member_int (capped, "cap_minor"), ==, 2500);
  g_assert_cmpstr (member_string (capped, "carried"), ==, "25.00");

  /* Overspent in February: surplus carries nothing of it... */
  add_expense (fixture, "200", "February", "2026-02-10", "Groceries");
  march = show (fixture, "Carry", "2026-03-15");
  g_assert_cmpstr (member_string (march, "carried"), ==, "0.00");

  /* ...both carries it, within the cap, and without it all of it: 140 -
   * 200. The carry is folded from the expenses every time. */
  run (fixture, &result, "budget", "edit", "Carry", "--rollover", "both");
  assert_success (&result);
  both = show (fixture, "Carry", "2026-03-15");
  g_assert_cmpstr (member_string (both, "carried"), ==, "-25.00");
  g_assert_cmpstr (member_string (both, "available"), ==, "75.00");
  run (fixture, &result, "budget", "edit", "Carry", "--no-cap");
  assert_success (&result);
  uncapped = show (fixture, "Carry", "2026-03-15");
  g_assert_true (json_object_get_null_member (uncapped, "cap"));
  g_assert_cmpstr (member_string (uncapped, "carried"), ==, "-60.00");
  g_assert_cmpint (member_int (uncapped, "carried_minor"), ==, -6000);

  /* Carried from the period of --rollover-from on: February starts it. */
  run (fixture, &result, "budget", "edit", "Carry", "--rollover-from", "2026-02-01");
  assert_success (&result);
  {
    g_autoptr (JsonObject) later = show (fixture, "Carry", "2026-03-15");

    g_assert_cmpstr (member_string (later, "rollover_from"), ==, "2026-02-01");
    g_assert_cmpstr (member_string (later, "carried"), ==, "-100.00");
  }
}

/* Expenses in another currency are not counted, but said. */
static void
test_uncounted (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr (JsonObject) budget = NULL;
  g_auto (Result) result = { 0 };
  JsonObject *uncounted;

  use_euros (fixture);

  run (fixture, &result, "budget", "add", "March", "300", "--anchor", "2026-03-01");
  assert_success (&result);
  add_expense (fixture, "40", "Market", "2026-03-05", "Groceries");
  run (fixture, &result, "add", "15", "Taxi", "--currency", "USD", "--date", "2026-03-06", "-c", "Transport");
  assert_success (&result);

  budget = show (fixture, "March", "2026-03-10");
  g_assert_cmpstr (member_string (budget, "spent"), ==, "40.00");
  uncounted = json_object_get_object_member (budget, "uncounted");
  g_assert_cmpuint (json_object_get_size (uncounted), ==, 1);
  g_assert_cmpint (json_object_get_int_member (uncounted, "USD"), ==, 1);

  run (fixture, &result, "budget", "list", "--date", "2026-03-10");
  assert_success (&result);
  assert_contains (result.out, "“March” does not count 1 expense in USD.\n");
  run (fixture, &result, "budget", "show", "March", "--date", "2026-03-10");
  assert_success (&result);
  assert_contains (result.out, "Not counted");
  assert_contains (result.out, "1 expense in USD");

  /* A budget in dollars counts it, and not the euros. */
  run (fixture, &result, "budget", "add", "Dollars", "$ 100", "--currency", "usd", "--anchor", "2026-03-01");
  assert_success (&result);
  {
    g_autoptr (JsonObject) dollars = show (fixture, "Dollars", "2026-03-10");

    g_assert_cmpstr (member_string (dollars, "currency"), ==, "USD");
    g_assert_cmpstr (member_string (dollars, "spent"), ==, "15.00");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (dollars, "uncounted"), "EUR"), ==, 1);
  }
}

/* --category restricts what a budget counts. */
static void
test_categories (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (JsonObject) budget = NULL;
  g_autoptr (JsonObject) all = NULL;
  g_auto (Result) result = { 0 };
  JsonArray *names;

  use_euros (fixture);

  run (fixture, &result, "budget", "add", "Food", "300", "--anchor", "2026-03-01", "--category", "groceries", "-c",
       " FOOD & DRINK ");
  assert_success (&result);
  add_expense (fixture, "40", "Market", "2026-03-05", "Groceries");
  add_expense (fixture, "12", "Lunch", "2026-03-06", "Food & Drink");
  add_expense (fixture, "29", "Bus pass", "2026-03-07", "Transport");
  run (fixture, &result, "add", "5", "Candy", "--currency", "USD", "--date", "2026-03-06", "-c", "Transport");
  assert_success (&result);

  budget = show (fixture, "Food", "2026-03-10");
  g_assert_cmpstr (member_string (budget, "spent"), ==, "52.00");
  names = json_object_get_array_member (budget, "categories");
  g_assert_cmpuint (json_array_get_length (names), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "Groceries");
  g_assert_cmpstr (json_array_get_string_element (names, 1), ==, "Food & Drink");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (budget, "category_uuids")), ==, 2);
  /* What it does not count in other currencies is of its categories only. */
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (budget, "uncounted")), ==, 0);

  run (fixture, &result, "budget", "show", "Food");
  assert_success (&result);
  assert_contains (result.out, "Groceries, Food & Drink");

  run (fixture, &result, "budget", "edit", "Food", "--category", "transport");
  assert_success (&result);
  {
    g_autoptr (JsonObject) transport = show (fixture, "Food", "2026-03-10");

    g_assert_cmpstr (member_string (transport, "spent"), ==, "29.00");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (transport, "uncounted"), "USD"), ==,
                     1);
  }

  run (fixture, &result, "budget", "edit", "Food", "--all-categories");
  assert_success (&result);
  all = show (fixture, "Food", "2026-03-10");
  g_assert_cmpstr (member_string (all, "spent"), ==, "81.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (all, "categories")), ==, 0);
}

/* Only what is given changes; archived budgets leave the list. */
static void
test_edit (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (JsonObject) before = NULL;
  g_autoptr (JsonObject) after = NULL;
  g_autoptr (JsonObject) archived = NULL;
  g_auto (Result) result = { 0 };

  use_euros (fixture);

  run (fixture, &result, "budget", "add", "Groceries", "400", "--anchor", "2026-01-25", "--rollover", "surplus",
       "--alert", "90");
  assert_success (&result);
  run (fixture, &result, "budget", "add", "Fun", "50", "--period", "week", "--anchor", "2026-03-02");
  assert_success (&result);
  before = show (fixture, "Groceries", NULL);

  run (fixture, &result, "budget", "edit", "groceries", "--amount", "450.50");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Changed budget “Groceries”: €450.50 every month from 2026-01-25.\n");
  after = show (fixture, "Groceries", NULL);
  g_assert_cmpint (member_int (after, "amount_minor"), ==, 45050);
  g_assert_cmpstr (member_string (after, "uuid"), ==, member_string (before, "uuid"));
  g_assert_cmpstr (member_string (after, "anchor"), ==, "2026-01-25");
  g_assert_cmpstr (member_string (after, "rollover"), ==, "surplus");
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (after, "alerts"), 0), ==, 90);
  g_clear_pointer (&after, json_object_unref);

  run (fixture, &result, "budget", "edit", "Groceries", "--name", "Food shop", "--every", "2");
  assert_success (&result);
  assert_contains (result.out, "Changed budget “Food shop”: €450.50 every 2 months from 2026-01-25.");
  run (fixture, &result, "budget", "show", "Groceries");
  assert_failure (&result, 1, "There is no budget “Groceries”");
  after = show (fixture, "food shop", NULL);
  g_assert_cmpint (member_int (after, "every"), ==, 2);
  g_clear_pointer (&after, json_object_unref);

  /* A one-off range, and back to weeks from a given day */
  run (fixture, &result, "budget", "edit", "Food shop", "--from", "2026-07-01", "--to", "2026-08-31");
  assert_success (&result);
  after = show (fixture, "Food shop", "2026-01-01");
  g_assert_cmpstr (member_string (after, "period"), ==, "range");
  g_assert_cmpstr (member_string (after, "range_end"), ==, "2026-08-31");
  g_assert_cmpstr (member_string (after, "period_start"), ==, "2026-07-01");
  g_assert_cmpstr (member_string (after, "period_end"), ==, "2026-08-31");
  g_clear_pointer (&after, json_object_unref);
  run (fixture, &result, "budget", "edit", "Food shop", "--period", "week", "--anchor", "2026-03-02");
  assert_success (&result);
  after = show (fixture, "Food shop", "2026-03-10");
  g_assert_cmpstr (member_string (after, "period_start"), ==, "2026-03-09");
  g_assert_cmpstr (member_string (after, "period_end"), ==, "2026-03-15");
  g_assert_true (json_object_get_null_member (after, "range_end"));

  /* Archived: out of the list, back with --archived */
  run (fixture, &result, "budget", "edit", "Food shop", "--archive");
  assert_success (&result);
  assert_contains (result.out, "It is archived");
  run (fixture, &result, "budget", "list");
  assert_success (&result);
  assert_lacks (result.out, "Food shop");
  assert_contains (result.out, "Fun");
  assert_contains (result.out, "1 budget\n");
  run (fixture, &result, "budget", "list", "--json");
  assert_success (&result);
  assert_lacks (result.out, "Food shop");
  run (fixture, &result, "budget", "list", "--archived");
  assert_success (&result);
  assert_contains (result.out, "Food shop (archived)");
  assert_contains (result.out, "2 budgets\n");
  archived = show (fixture, "Food shop", NULL);
  g_assert_true (json_object_get_boolean_member (archived, "archived"));
  g_assert_nonnull (member_string (archived, "archived_at"));

  run (fixture, &result, "budget", "edit", "Food shop", "--unarchive", "--amount", "500");
  assert_success (&result);
  run (fixture, &result, "budget", "list");
  assert_success (&result);
  assert_contains (result.out, "Food shop");
  run (fixture, &result, "budget", "show", "Food shop");
  assert_success (&result);
  assert_contains (result.out, "Amount     €500.00\n");
  assert_lacks (result.out, "Archived");

  /* A refused change changes nothing, not even the archive. */
  {
    g_autofree char *kept = dump (fixture);
    g_autofree char *now = NULL;

    run (fixture, &result, "budget", "edit", "Food shop", "--archive", "--name", "fun");
    assert_failure (&result, 1, "already a budget named “Fun”");
    now = dump (fixture);
    g_assert_cmpstr (now, ==, kept);
  }
}

static void
test_delete (Fixture      *fixture,
             gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *rows = NULL;

  use_euros (fixture);

  run (fixture, &result, "budget", "add", "Groceries", "400", "--anchor", "2026-01-25");
  assert_success (&result);
  run (fixture, &result, "budget", "delete", "groceries");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Deleted budget “Groceries”: €400.00 every month from 2026-01-25.\n");

  run (fixture, &result, "budget", "show", "Groceries");
  assert_failure (&result, 1, "There is no budget “Groceries”");
  run (fixture, &result, "budget", "delete", "Groceries");
  assert_failure (&result, 1, "There is no budget “Groceries”");
  run (fixture, &result, "budget", "list", "--archived");
  assert_success (&result);
  assert_contains (result.out, "No budgets.");

  /* Softly: the row stays. */
  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT name, deleted_at IS NOT NULL FROM budgets");
  g_assert_cmpstr (rows, ==, "Groceries|1\n");

  /* Its name is free again. */
  run (fixture, &result, "budget", "add", "Groceries", "10", "--json");
  assert_success (&result);
  assert_json (result.out);
}

/* A week starts on the locale's first day: Monday in Germany, Sunday in
 * the United States. */
static void
check_week_start (Fixture     *fixture,
                  const char  *locale,
                  const char  *name,
                  GDateWeekday first_day)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (JsonObject) budget = NULL;
  g_auto (Result) result = { 0 };
  GDate  today;
  GDate *anchor;
  int    days_back;

  if (!have_locale (locale))
    {
      g_autofree char *why = g_strdup_printf ("The %s locale is not installed", locale);

      g_test_skip (why);
      return;
    }

  run_in (fixture, locale, &result, "budget", "add", name, "100", "--period", "week", NULL);
  assert_success (&result);
  budget = show_in (fixture, locale, name, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  anchor = g_date_new ();
  g_assert_true (g_date_valid (&today));
  {
    int y, m, d;

    g_assert_cmpint (sscanf (member_string (budget, "anchor"), "%d-%d-%d", &y, &m, &d), ==, 3);
    g_date_set_dmy (anchor, d, m, y);
  }
  g_assert_cmpint (g_date_get_weekday (anchor), ==, first_day);
  days_back = g_date_days_between (anchor, &today);
  g_assert_cmpint (days_back, >=, 0);
  g_assert_cmpint (days_back, <=, 6);
  g_assert_cmpstr (member_string (budget, "period_start"), ==, member_string (budget, "anchor"));
  g_date_free (anchor);
}

static void
test_weeks_by_locale (Fixture      *fixture,
                      gconstpointer user_data)
{
  use_euros (fixture);

  check_week_start (fixture, "de_DE.UTF-8", "Woche", G_DATE_MONDAY);
  check_week_start (fixture, "en_US.UTF-8", "Week", G_DATE_SUNDAY);
}

typedef struct
{
  int         status;
  const char *message;
  const char *args[12];
} BadInput;

/* Every refusal: one line on stderr, the right status, and not a byte of
 * the data changed. */
static void
test_bad_input (Fixture      *fixture,
                gconstpointer user_data)
{
  const BadInput cases[] = {
    { 2, "“frob” is not one of list, add, show, edit, override or delete", { "frob" } },
    { 2, "Give the name of the budget, a day of the period and its amount", { "override", "Groceries", "2026-12-01" } },
    { 2, "Give the name of the budget and a day of the period", { "override", "Groceries", "--remove" } },
    { 2, "“someday” is not a day", { "override", "Groceries", "someday", "5" } },
    { 2, "Invalid amount “lots”", { "override", "Groceries", "2026-12-01", "lots" } },
    { 1, "There is no budget “Nope”", { "override", "Nope", "2026-12-01", "5" } },
    { 1, "has one amount", { "override", "Trip", "2026-07-03", "5" } },
    { 2, "Give the name of the budget and its amount", { "add" } },
    { 2, "Give the name of the budget and its amount", { "add", "Fun" } },
    { 2, "Unexpected argument “Out”", { "add", "Eating", "50", "Out" } },
    { 2, "Invalid amount “abc”", { "add", "Fun", "abc" } },
    { 2, "less than zero", { "add", "Fun", "5-7" } },
    { 2, "--every “0” is not a number from 1 to 1000", { "add", "Fun", "5", "--every", "0" } },
    { 2, "--every “1001”", { "add", "Fun", "5", "--every", "1001" } },
    { 2, "--period “fortnight” is not one of week, month or year", { "add", "Fun", "5", "--period", "fortnight" } },
    { 2, "--period “range” is not one of", { "add", "Fun", "5", "--period", "range" } },
    { 2, "--from and --to go together", { "add", "Fun", "5", "--from", "2026-03-01" } },
    { 2, "--from and --to go together", { "add", "Fun", "5", "--to", "2026-03-01" } },
    { 2,
      "--from 2026-03-31 is after --to 2026-03-01",
      { "add", "Fun", "5", "--from", "2026-03-31", "--to", "2026-03-01" } },
    { 2,
      "cannot be combined with --period",
      { "add", "Fun", "5", "--from", "2026-03-01", "--to", "2026-03-31", "--period", "week" } },
    { 2,
      "cannot be combined with --period",
      { "edit", "Groceries", "--from", "2026-03-01", "--to", "2026-03-31", "--anchor", "2026-03-01" } },
    { 2, "“2026-02-30” is not a day", { "add", "Fun", "5", "--anchor", "2026-02-30" } },
    { 2, "is not a day", { "add", "Fun", "5", "--rollover-from", "someday" } },
    { 1, "There is no category “Nope”", { "add", "Fun", "5", "--category", "Nope" } },
    { 1, "There is no category “Nope”", { "edit", "Groceries", "--category", "Nope" } },
    { 2, "--alert “0” is not a percent from 1 to 1000", { "add", "Fun", "5", "--alert", "0" } },
    { 2, "--alert “1001”", { "add", "Fun", "5", "--alert", "80", "--alert", "1001" } },
    { 2, "--rollover “maybe” is not one of none, surplus or both", { "add", "Fun", "5", "--rollover", "maybe" } },
    { 2, "Invalid amount “lots”", { "add", "Fun", "5", "--cap", "lots" } },
    { 2, "not a currency code", { "add", "Fun", "5", "--currency", "XYZ" } },
    { 2, "Invalid amount", { "add", "Fun", "€5", "--currency", "USD" } },
    { 1, "already a budget named “Groceries”", { "add", "groceries", "10" } },
    { 1, "The budget’s name is empty", { "add", " ", "10" } },
    { 1, "There is no budget “Nope”", { "edit", "Nope", "--amount", "3" } },
    { 1, "There is no budget “Nope”", { "show", "Nope" } },
    { 1, "There is no budget “Nope”", { "delete", "Nope" } },
    { 2, "Give the name or the UUID of a budget", { "show" } },
    { 2, "Give the name or the UUID of a budget", { "delete" } },
    { 2, "Unexpected argument “Fun”", { "delete", "Groceries", "Fun" } },
    { 2, "Nothing to change", { "edit", "Groceries" } },
    { 2, "Invalid amount", { "edit", "Groceries", "--amount", "lots" } },
    { 2, "--currency needs --amount", { "edit", "Groceries", "--currency", "USD" } },
    { 2, "--archive and --unarchive contradict", { "edit", "Groceries", "--archive", "--unarchive" } },
    { 2, "--cap and --no-cap contradict", { "edit", "Groceries", "--cap", "5", "--no-cap" } },
    { 2, "--all-categories and --category contradict", { "edit", "Groceries", "--all-categories", "-c", "Transport" } },
    { 2, "is one range of days", { "edit", "Trip", "--every", "2" } },
    { 1, "already a budget named “Trip”", { "edit", "Groceries", "--name", "TRIP", "--archive" } },
    { 2, "is not a day", { "list", "--date", "soon" } },
    { 2, "Unexpected argument “Groceries”", { "list", "Groceries" } },
    { 2, "Unknown option --bogus", { "list", "--bogus" } },
  };
  g_autofree char *before = NULL;
  g_auto (Result) result = { 0 };

  use_euros (fixture);
  seed_ledger (fixture);
  run (fixture, &result, "budget", "add", "Groceries", "400", "--category", "Groceries");
  assert_success (&result);
  run (fixture, &result, "budget", "add", "Trip", "900", "--from", "2026-07-01", "--to", "2026-07-14");
  assert_success (&result);
  before = dump (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autofree char *after = NULL;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->store.path);
      g_ptr_array_add (args, (gpointer) "budget");
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i].args[j]);
      g_ptr_array_add (args, NULL);

      g_test_message ("outlay budget %s %s", cases[i].args[0], cases[i].args[1] ? cases[i].args[1] : "");
      result_clear (&result);
      run_argv ("C.UTF-8", (const char *const *) args->pdata, NULL, &result);

      assert_failure (&result, cases[i].status, cases[i].message);

      after = dump (fixture);
      g_assert_cmpstr (after, ==, before);
    }
}

/* One period's own amount: named by any of its days, shown, carried over
 * like any amount, and taken back. */
static void
test_override (Fixture      *fixture,
               gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonObject) december = NULL;
  g_autoptr (JsonObject) january = NULL;
  g_autoptr (JsonObject) usual = NULL;
  JsonObject *set;
  JsonArray  *overrides;

  use_euros (fixture);
  run (fixture, &result, "budget", "add", "Groceries", "400", "--anchor", "2026-01-01", "--rollover", "surplus");
  assert_success (&result);

  run (fixture, &result, "budget", "override", "groceries", "2026-12-15", "600", "--json");
  assert_success (&result);
  root = parse_json (result.out);
  set = json_node_get_object (root);
  g_assert_cmpstr (member_string (set, "budget"), ==, "Groceries");
  g_assert_cmpstr (member_string (set, "period_start"), ==, "2026-12-01");
  g_assert_cmpstr (member_string (set, "amount"), ==, "600.00");
  g_assert_cmpint (member_int (set, "amount_minor"), ==, 60000);
  g_assert_false (json_object_get_boolean_member (set, "removed"));

  december = show (fixture, "Groceries", "2026-12-03");
  g_assert_cmpstr (member_string (december, "amount"), ==, "600.00");
  overrides = json_object_get_array_member (december, "overrides");
  g_assert_cmpuint (json_array_get_length (overrides), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (overrides, 0), "period_start"), ==,
                   "2026-12-01");
  /* Nothing spent: January 2027 carries the whole of 2026, December's
   * 600 among it: 11 × 400 + 600. */
  january = show (fixture, "Groceries", "2027-01-03");
  g_assert_cmpstr (member_string (january, "amount"), ==, "400.00");
  g_assert_cmpstr (member_string (january, "carried"), ==, "5000.00");

  run (fixture, &result, "budget", "show", "Groceries", "--date", "2026-12-03");
  assert_success (&result);
  assert_contains (result.out, "Other amounts");
  assert_contains (result.out, "2026-12-01: €600.00");

  run (fixture, &result, "budget", "override", "Groceries", "2026-12-31", "--remove");
  assert_success (&result);
  assert_contains (result.out, "its usual amount, €400.00, again");
  usual = show (fixture, "Groceries", "2026-12-03");
  g_assert_cmpstr (member_string (usual, "amount"), ==, "400.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (usual, "overrides")), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/cli/budget/help", test_help);
  add_test ("/cli/budget/add-defaults", test_add_defaults);
  add_test ("/cli/budget/payday", test_payday);
  add_test ("/cli/budget/rollover", test_rollover);
  add_test ("/cli/budget/uncounted", test_uncounted);
  add_test ("/cli/budget/categories", test_categories);
  add_test ("/cli/budget/edit", test_edit);
  add_test ("/cli/budget/delete", test_delete);
  add_test ("/cli/budget/weeks-by-locale", test_weeks_by_locale);
  add_test ("/cli/budget/override", test_override);
  add_test ("/cli/budget/bad-input", test_bad_input);

  return g_test_run ();
}
