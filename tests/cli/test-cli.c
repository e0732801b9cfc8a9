/* test-cli.c
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

/* The command line as people and scripts use it: the real `outlay`
 * binary, run without a display, on a database that the test holds open
 * the whole time as the window would. The commands on expenses and
 * categories, and what every command shares; test-cli-transfer covers
 * what moves data in and out: backups, export and import. */

#include "config.h"

#include <locale.h>
#include <unistd.h>

#include "outlay-cli-test-utils.h"
#include "outlay-period.h"

static gboolean
have_locale (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    return FALSE;

  freelocale (locale);
  return TRUE;
}

static char *
today_iso (int days_back)
{
  g_autoptr (GDate) today = outlay_date_new_today ();

  g_date_subtract_days (today, days_back);
  return outlay_date_format_iso (today);
}

/* The tests */

static void
test_help (Fixture      *fixture,
           gconstpointer user_data)
{
  static const char *const commands[] = {
    "add",
    "list",
    "show",
    "edit",
    "delete",
    "restore",
    "summary",
    "categories",
    "check",
    "backup",
    "restore-backup",
    "export",
    "import",
  };
  static const char *const subcommands[] = { "add", "edit", "rename", "move", "hide", "show", "merge", "delete" };
  g_auto (Result) result = { 0 };
  g_autofree char  *version = g_strdup_printf ("outlay %s\n", PACKAGE_VERSION);
  const char *const version_args[] = { "--version", NULL };
  const char *const help_args[] = { "--help", NULL };

  run_argv ("C.UTF-8", version_args, NULL, &result);
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, version);
  result_clear (&result);

  /* The window's --help (or the command line's, built without it). */
  run_argv ("C.UTF-8", help_args, NULL, &result);
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    assert_contains (result.out, commands[i]);

  run (fixture, &result, "help");
  assert_success (&result);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    assert_contains (result.out, commands[i]);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("outlay %s [OPTION…]", commands[i]);

      run (fixture, &result, commands[i], "--help");
      assert_success (&result);
      assert_contains (result.out, usage);
      assert_contains (result.out, "Example");
      assert_contains (result.out, "--database");
      assert_contains (result.out, "--json");

      run (fixture, &result, "help", commands[i]);
      assert_success (&result);
      assert_contains (result.out, usage);
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("outlay categories %s [OPTION…]", subcommands[i]);

      run (fixture, &result, "categories", subcommands[i], "--help");
      assert_success (&result);
      assert_contains (result.out, usage);
    }

  run (fixture, &result, "add", "--help");
  assert_contains (result.out, "\"amount_minor\": 350");
  run (fixture, &result, "summary", "--help");
  assert_contains (result.out, "\"daily_average\"");
  run (fixture, &result, "import", "--help");
  assert_contains (result.out, "\"not_expenses\": 1,");
  assert_contains (result.out, "--no-create-categories");
}

static void
test_add (Fixture      *fixture,
          gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *today = today_iso (0);
  g_autofree char *yesterday = today_iso (1);
  g_autofree char *expected = NULL;
  g_autofree char *rows = NULL;

  run (fixture, &result, "add", "4.20", "Coffee");
  assert_success (&result);
  expected = g_strdup_printf ("Added expense 1: “Coffee”, $4.20 on %s in Other (UUID ", today);
  g_assert_true (g_str_has_prefix (result.out, expected));
  g_assert_true (g_str_has_suffix (result.out, ").\n"));

  /* Sums, several words, a category in another case, a day, a note. */
  run (fixture, &result, "add", "12.50+3", "Lunch", "with", "Anna", "--category", "food & DRINK",
       "--date", "yesterday", "--note", "Two courses");
  assert_success (&result);
  run (fixture, &result, "add", "€ 7", "Museum", "-c", "Entertainment", "-d", "2024-02-29", "--currency", "eur");
  assert_success (&result);
  assert_contains (result.out, "“Museum”, €7.00 on 2024-02-29 in Entertainment");
  run (fixture, &result, "add", "(10+2)/4", "Split", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"id\": 4,");
  assert_contains (result.out, "\"amount\": \"3.00\",\n  \"amount_minor\": 300,");
  assert_contains (result.out, "\"currency\": \"USD\"");
  assert_contains (result.out, "\"category\": \"Other\"");
  assert_contains (result.out, "\"deleted_at\": null");

  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT e.amount, e.currency, e.description, e.note, c.name, e.occurred_on = date('now', "
                           "'localtime') "
                           "FROM expenses e JOIN categories c ON c.id = e.category_id ORDER BY e.id");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("420|USD|Coffee||Other|1\n"
                              "1550|USD|Lunch with Anna|Two courses|Food & Drink|0\n"
                              "700|EUR|Museum||Entertainment|0\n"
                              "300|USD|Split||Other|1\n");
  g_assert_cmpstr (rows, ==, expected);
  g_clear_pointer (&rows, g_free);
  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT occurred_on FROM expenses WHERE id = 2");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s\n", yesterday);
  g_assert_cmpstr (rows, ==, expected);
  outlay_test_assert_summary_consistent (outlay_database_get_handle (fixture->store.database));
}

/* A refund, money back, is added and edited with --refund, kept negative
 * in its category, shown with a plus sign, and lowers the totals. */
static void
test_refunds (Fixture      *fixture,
              gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *rows = NULL;

  run (fixture, &result, "add", "80", "Boots", "--date", "2024-03-02", "--category", "Food & Drink");
  assert_success (&result);
  run (fixture, &result, "add", "59", "Boots", "returned", "--date", "2024-03-09", "--category", "Food & Drink",
       "--refund");
  assert_success (&result);
  assert_contains (result.out, "“Boots returned”, +$59.00 on 2024-03-09 in Food & Drink");

  run (fixture, &result, "show", "2", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"amount\": \"-59.00\",\n  \"amount_minor\": -5900,\n  \"currency\": \"USD\",\n"
                               "  \"refund\": true,");
  run (fixture, &result, "show", "1", "--json");
  assert_contains (result.out, "\"refund\": false,");

  run (fixture, &result, "list");
  assert_success (&result);
  assert_contains (result.out, "+$59.00");
  assert_contains (result.out, "2 expenses, total $21.00\n");
  run (fixture, &result, "summary", "--month", "2024-03", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"total\": \"21.00\",\n  \"total_minor\": 2100,");

  /* A new amount keeps it a refund; --no-refund and --refund turn it. */
  run (fixture, &result, "edit", "2", "--amount", "60");
  assert_success (&result);
  assert_contains (result.out, "+$60.00");
  run (fixture, &result, "edit", "2", "--no-refund");
  assert_success (&result);
  run (fixture, &result, "edit", "1", "--refund", "--amount", "5");
  assert_success (&result);
  run (fixture, &result, "edit", "1", "--refund");
  assert_success (&result);

  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT id, amount FROM expenses ORDER BY id");
  g_assert_cmpstr (rows, ==, "1|-500\n2|6000\n");
  outlay_test_assert_summary_consistent (outlay_database_get_handle (fixture->store.database));
}

/* Amounts are read and written in the locale's way. */
static void
test_add_german (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *rows = NULL;

  if (!have_locale ("de_DE.UTF-8"))
    {
      g_test_skip ("The de_DE.UTF-8 locale is not installed (build-aux/install-deps generates it)");
      return;
    }

  run_in (fixture, "de_DE.UTF-8", &result, "add", "1.234,50", "Miete", "-c", "Housing", NULL);
  assert_success (&result);
  assert_contains (result.out, "1.234,50\u00a0€");
  run_in (fixture, "de_DE.UTF-8", &result, "add", "12,50+0,25", "Essen", NULL);
  assert_success (&result);
  run_in (fixture, "de_DE.UTF-8", &result, "add", "3.5", "Brezel", NULL);
  assert_success (&result);

  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT amount, currency FROM expenses ORDER BY id");
  g_assert_cmpstr (rows, ==, "123450|EUR\n1275|EUR\n350|EUR\n");

  run_in (fixture, "de_DE.UTF-8", &result, "list", NULL);
  assert_success (&result);
  assert_contains (result.out, "1.234,50\u00a0€");
  assert_contains (result.out, "12,75\u00a0€");
  assert_contains (result.out, "3 expenses, total 1.250,75\u00a0€\n");

  /* JSON stays plain whatever the locale. */
  run_in (fixture, "de_DE.UTF-8", &result, "list", "--json", "--sort", "amount", NULL);
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"amount\": \"1234.50\"");

  run_in (fixture, "de_DE.UTF-8", &result, "summary", "--json", NULL);
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"percent\": 98.7");
}

/* A command run under another locale (a cron job, an ssh session) writes
 * the ledger's currency, not its locale's. */
static void
test_ledger_currency (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("outlay-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autofree char *rows = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3          *db = NULL;
  const char *const add_german[] = { "--database", path, "add", "3,20", "Brezel", NULL };
  const char *const add_c[] = { "--database", path, "add", "4.20", "Coffee", NULL };
  const char *const summary_c[] = { "--database", path, "summary", "--json", NULL };

  if (!have_locale ("de_DE.UTF-8"))
    {
      g_test_skip ("The de_DE.UTF-8 locale is not installed (build-aux/install-deps generates it)");
      outlay_test_remove_tree (dir);
      return;
    }

  /* A ledger the command makes records the currency of its locale then. */
  run_argv ("de_DE.UTF-8", add_german, NULL, &result);
  assert_success (&result);
  run_argv ("C.UTF-8", add_c, NULL, &result);
  assert_success (&result);
  assert_contains (result.out, "€4.20");
  run_argv ("C.UTF-8", summary_c, NULL, &result);
  assert_success (&result);
  assert_contains (result.out, "\"currency\": \"EUR\",");
  assert_contains (result.out, "\"total_minor\": 740,");
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rows = outlay_test_dump (db, "SELECT amount, currency FROM expenses ORDER BY id");
  g_assert_cmpstr (rows, ==, "320|EUR\n420|EUR\n");
  g_clear_pointer (&rows, g_free);
  rows = outlay_test_dump (db, "SELECT value FROM outlay_meta WHERE key = 'currency'");
  g_assert_cmpstr (rows, ==, "EUR\n");
  g_clear_pointer (&rows, g_free);
  sqlite3_close (db);
  outlay_test_remove_tree (dir);

  /* A ledger that records none is in the currency of most expenses... */
  run_in (fixture, "de_DE.UTF-8", &result, "add", "12,50", "Essen", NULL);
  assert_success (&result);
  run (fixture, &result, "add", "5", "Lunch");
  assert_success (&result);
  assert_contains (result.out, "€5.00");

  /* ...and one that records its own is in that one. */
  g_assert_true (outlay_repository_set_currency (fixture->store.repository, "CHF", &error));
  g_assert_no_error (error);
  run (fixture, &result, "add", "6", "Dinner");
  assert_success (&result);
  assert_contains (result.out, "CHF");
  /* --currency still says otherwise for one expense. */
  run (fixture, &result, "add", "7", "Taxi", "--currency", "USD");
  assert_success (&result);
  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT amount, currency FROM expenses ORDER BY id");
  g_assert_cmpstr (rows, ==, "1250|EUR\n500|EUR\n600|CHF\n700|USD\n");

  /* A currency Outlay does not know is refused and changes nothing. */
  g_assert_false (outlay_repository_set_currency (fixture->store.repository, "XYZ", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY);
  g_clear_error (&error);
  g_clear_pointer (&rows, g_free);
  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT value FROM outlay_meta WHERE key = 'currency'");
  g_assert_cmpstr (rows, ==, "CHF\n");
}

static void
test_list (Fixture      *fixture,
           gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *ids = NULL;

  run (fixture, &result, "list");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "No expenses match.\n");

  seed_ledger (fixture);

  run (fixture, &result, "list");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==,
                   "ID  DATE        CATEGORY      DESCRIPTION   AMOUNT\n"
                   " 8  2024-03-01  Other         Gift          €20.00\n"
                   " 7  2024-02-26  Transport     Taxi          $15.00\n"
                   " 6  2024-02-25  Transport     Bus pass      €29.00\n"
                   " 5  2024-02-20  Groceries     Supermarket   €40.00\n"
                   " 4  2024-02-14  Food & Drink  Dinner        €55.50\n"
                   " 3  2024-02-03  Food & Drink  Coffee         €4.50\n"
                   " 2  2024-01-20  Food & Drink  Coffee beans  €12.00\n"
                   " 1  2024-01-10  Groceries     Market        €30.00\n"
                   "\n"
                   "8 expenses, total €191.00, $15.00\n");

#define ASSERT_IDS(expected, ...)                          \
  G_STMT_START                                             \
  {                                                        \
    run (fixture, &result, "list", "--json", __VA_ARGS__); \
    assert_success (&result);                              \
    g_clear_pointer (&ids, g_free);                        \
    ids = json_ids (result.out);                           \
    g_assert_cmpstr (ids, ==, expected);                   \
  }                                                        \
  G_STMT_END

  ASSERT_IDS ("7 6 5 4 3", "--month", "2024-02");
  ASSERT_IDS ("3 4 5 6 7", "--month", "2024-02", "--reverse");
  ASSERT_IDS ("5 4 3 2", "--from", "2024-01-15", "--to", "2024-02-20");
  ASSERT_IDS ("8 7 6 5 4 3 2", "--from", "2024-01-11");
  ASSERT_IDS ("7 6 5 1", "--category", "groceries", "--category", "Transport");
  ASSERT_IDS ("3 2", "--search", "coffee");
  ASSERT_IDS ("4 5 1 6 8 7 2 3", "--sort", "amount");
  ASSERT_IDS ("6 3 2 4 8 1 5 7", "--sort", "description");
  ASSERT_IDS ("7 5", "--sort", "description", "--reverse", "--limit", "2");
  ASSERT_IDS ("", "--month", "2023-12");

  run (fixture, &result, "list", "--json", "--month", "2023-12");
  g_assert_cmpstr (result.out, ==, "[]\n");

  /* The count and totals cover every match, not only those shown. */
  run (fixture, &result, "list", "--limit", "2", "--category", "Food & Drink");
  assert_success (&result);
  assert_contains (result.out, " 4  2024-02-14");
  assert_lacks (result.out, "Coffee beans");
  assert_contains (result.out, "\n2 of 3 expenses shown, total €72.00\n");

  /* --database after the command, and $OUTLAY_DATABASE, work as well. */
  {
    const char *const args[] = { "list", "--month", "2024-03", "--database", fixture->store.path, NULL };
    const char *const env_args[] = { "list", "--month", "2024-03", NULL };
    const char *const env[] = { "OUTLAY_DATABASE", fixture->store.path, NULL };

    result_clear (&result);
    run_argv ("C.UTF-8", args, NULL, &result);
    assert_success (&result);
    assert_contains (result.out, "1 expense, total €20.00\n");

    result_clear (&result);
    run_argv ("C.UTF-8", env_args, env, &result);
    assert_success (&result);
    assert_contains (result.out, "1 expense, total €20.00\n");
  }
#undef ASSERT_IDS
}

static void
test_show_edit_delete_restore (Fixture      *fixture,
                               gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (OutlayExpense) expense = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *ids = NULL;

  seed_ledger (fixture);

  run (fixture, &result, "show", "4");
  assert_success (&result);
  assert_contains (result.out, "Expense 4\n");
  assert_contains (result.out, "  Description  Dinner\n");
  assert_contains (result.out, "  Amount       €55.50\n");
  assert_contains (result.out, "  Category     Food & Drink\n");
  assert_lacks (result.out, "Deleted");

  expense = outlay_repository_get_expense (fixture->store.repository, 4, &error);
  g_assert_no_error (error);
  run (fixture, &result, "show", outlay_expense_get_uuid (expense), "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"id\": 4,");
  assert_contains (result.out, "\"amount\": \"55.50\",\n  \"amount_minor\": 5550,\n  \"currency\": \"EUR\",");

  run (fixture, &result, "edit", "4", "--amount", "60+2.5", "--category", "groceries",
       "--date", "2024-02-15", "--note", "Line one\nLine two", "--description", "Dinner out");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Changed expense 4: “Dinner out”, €62.50 on 2024-02-15 in Groceries.\n");

  run (fixture, &result, "show", "4");
  assert_contains (result.out, "  Note         Line one\n               Line two\n");

  /* Another currency needs the amount in it. */
  run (fixture, &result, "edit", "4", "--currency", "jpy", "--amount", "9000", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"amount\": \"9000\",\n  \"amount_minor\": 9000,\n  \"currency\": \"JPY\",");

  run (fixture, &result, "edit", "4", "--note", "");
  assert_success (&result);

  g_clear_object (&expense);
  expense = outlay_repository_get_expense (fixture->store.repository, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_amount (expense), ==, 9000);
  g_assert_cmpstr (outlay_expense_get_note (expense), ==, "");
  g_assert_cmpint (outlay_expense_get_category_id (expense), ==, category (fixture, GROCERIES));

  prefix = g_strdup_printf ("outlay --database '%s' restore 4\n", fixture->store.path);
  run (fixture, &result, "delete", "4");
  assert_success (&result);
  assert_contains (result.out, "Deleted expense 4: “Dinner out”");
  g_assert_true (g_str_has_suffix (result.out, prefix));

  run (fixture, &result, "list", "--json");
  ids = json_ids (result.out);
  g_assert_cmpstr (ids, ==, "8 7 6 5 3 2 1");

  run (fixture, &result, "show", "4");
  assert_success (&result);
  assert_contains (result.out, "  Deleted      ");
  g_assert_true (g_str_has_suffix (result.out, prefix));

  run (fixture, &result, "restore", "4", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"deleted_at\": null");

  run (fixture, &result, "list", "--month", "2024-02");
  assert_contains (result.out, " 4  2024-02-15  Groceries");
  outlay_test_assert_summary_consistent (outlay_database_get_handle (fixture->store.database));
}

static void
test_summary (Fixture      *fixture,
              gconstpointer user_data)
{
  g_auto (Result) result = { 0 };

  seed_ledger (fixture);

  run (fixture, &result, "summary", "--month", "2024-02", "--currency", "EUR");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==,
                   "Period         2024-02-01 to 2024-02-29 (29 days)\n"
                   "Total          €129.00 in 4 expenses\n"
                   "Daily average  €4.45\n"
                   "Period before  €42.00 in 2 expenses, 2024-01-01 to 2024-01-31\n"
                   "Change         +€87.00 (+207.1%)\n"
                   "\n"
                   "CATEGORY      AMOUNT  SHARE  COUNT\n"
                   "Food & Drink  €60.00  46.5%      2\n"
                   "Groceries     €40.00  31.0%      1\n"
                   "Transport     €29.00  22.5%      1\n"
                   "\n"
                   "Not counted above: $15.00 in 1 expense (--currency USD)\n");

  run (fixture, &result, "summary", "--month", "2024-02", "--currency", "eur", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out,
                   "{\n"
                   "  \"from\": \"2024-02-01\",\n"
                   "  \"to\": \"2024-02-29\",\n"
                   "  \"days\": 29,\n"
                   "  \"currency\": \"EUR\",\n"
                   "  \"total\": \"129.00\",\n"
                   "  \"total_minor\": 12900,\n"
                   "  \"count\": 4,\n"
                   "  \"daily_average\": \"4.45\",\n"
                   "  \"daily_average_minor\": 445,\n"
                   "  \"categories\": [\n"
                   "    {\n"
                   "      \"category\": \"Food & Drink\",\n"
                   "      \"category_id\": 1,\n"
                   "      \"total\": \"60.00\",\n"
                   "      \"total_minor\": 6000,\n"
                   "      \"count\": 2,\n"
                   "      \"percent\": 46.5\n"
                   "    },\n");
  assert_contains (result.out,
                   "  \"previous\": {\n"
                   "    \"from\": \"2024-01-01\",\n"
                   "    \"to\": \"2024-01-31\",\n"
                   "    \"total\": \"42.00\",\n"
                   "    \"total_minor\": 4200,\n"
                   "    \"count\": 2,\n"
                   "    \"change\": \"87.00\",\n"
                   "    \"change_minor\": 8700,\n"
                   "    \"change_percent\": 207.1\n"
                   "  },\n"
                   "  \"other_currencies\": [\n"
                   "    {\n"
                   "      \"currency\": \"USD\",\n"
                   "      \"total\": \"15.00\",\n"
                   "      \"total_minor\": 1500,\n"
                   "      \"count\": 1\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");

  /* Filters; a range of days compares with as many days before it. */
  run (fixture, &result, "summary", "--from", "2024-02-01", "--to", "2024-02-20", "--currency", "EUR",
       "--category", "Food & Drink", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"days\": 20,");
  assert_contains (result.out, "\"total_minor\": 6000,");
  assert_contains (result.out, "\"from\": \"2024-01-12\",\n    \"to\": \"2024-01-31\",\n    \"total\": \"12.00\",");

  run (fixture, &result, "summary", "--month", "2024-02", "--currency", "EUR", "--search", "coffee", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"total_minor\": 450,\n  \"count\": 1,");

  /* Nothing to compare with: no percentage. */
  run (fixture, &result, "summary", "--month", "2024-01", "--currency", "EUR", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"change_percent\": null");

  /* By default: this month so far, in the ledger's currency, whatever the
   * locale: a ledger that records none is in the one of most expenses. */
  run (fixture, &result, "summary", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"currency\": \"EUR\",");
}

static void
test_categories (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *names = NULL;
  g_autofree char *ids = NULL;

  seed_ledger (fixture);

  run (fixture, &result, "categories");
  assert_success (&result);
  g_assert_true (g_str_has_prefix (result.out,
                                   "NAME           COLOR    ICON                           EXPENSES\n"
                                   "Food & Drink   #e66100  emoji-food-symbolic                   3\n"
                                   "Groceries      #2ec27e  emoji-nature-symbolic                 2\n"
                                   "Transport      #3584e4  emoji-travel-symbolic                 2\n"));
  assert_contains (result.out, "\n“Other” takes the expenses of deleted categories and cannot be deleted.\n");

  run (fixture, &result, "categories", "add", "Pets", "--color", "#986A44", "--icon", "face-monkey-symbolic");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Added category “Pets” (#986A44, face-monkey-symbolic).\n");

  run (fixture, &result, "categories", "add", "Kids", "and", "School", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"name\": \"Kids and School\",");
  assert_contains (result.out, "\"icon\": \"outlay-category-tag-symbolic\",");
  assert_contains (result.out, "\"position\": 11,");
  assert_contains (result.out, "\"fallback\": false,\n  \"expense_count\": 0\n");

  run (fixture, &result, "categories", "rename", "food & drink", "Eating out");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Renamed category “Food & Drink” to “Eating out”.\n");

  run (fixture, &result, "categories", "delete", "transport");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "Deleted category “Transport”; 2 expenses moved to “Other”.\n");

  run (fixture, &result, "categories", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_lacks (result.out, "Transport");
  assert_contains (result.out, "\"name\": \"Other\",\n    \"color\": \"#77767b\",\n    \"icon\": "
                               "\"view-more-horizontal-symbolic\",\n"
                               "    \"position\": 9,\n    \"parent\": null,\n    \"parent_uuid\": null,\n"
                               "    \"path\": \"Other\",\n    \"hidden\": false,\n    \"fallback\": true,\n"
                               "    \"expense_count\": 3\n");

  names = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                            "SELECT name FROM categories WHERE deleted_at IS NULL ORDER BY position");
  g_assert_cmpstr (names, ==,
                   "Eating "
                   "out\nGroceries\nHousing\nUtilities\nHealth\nShopping\nEntertainment\nTravel\nOther\nPets\nKids and "
                   "School\n");

  run (fixture, &result, "list", "--category", "eating out", "--json");
  assert_success (&result);
  ids = json_ids (result.out);
  g_assert_cmpstr (ids, ==, "4 3 2");
}
/* Text that the store holds as it came (an import, an older version) is
 * still valid JSON: every control character escaped, U+001F too, which
 * json-glib 1.6 leaves as it is. */
static void
test_json_escaping (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_auto (Result) result = { 0 };

  seed_ledger (fixture);
  outlay_test_exec (outlay_database_get_handle (fixture->store.database),
                    "UPDATE expenses SET description = 'A' || char(31) || '\"B\"\\' || char(1) || 'é€' WHERE id = 1");

  run (fixture, &result, "show", "1", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"description\": \"A\\u001f\\\"B\\\"\\\\\\u0001é€\",\n");
}

/* While the window holds the file — reading, or in the middle of a write
 * — the command line waits its turn, and the window sees the result. */
static void
test_window_open (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (Result) result = { 0 };
  sqlite3 *writer = NULL;

  run (fixture, &result, "add", "3", "First");
  assert_success (&result);
  g_assert_true (outlay_repository_check_external_changes (fixture->store.repository));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 1);
  g_assert_false (outlay_repository_check_external_changes (fixture->store.repository));

  /* A write of the window's in progress. */
  g_assert_cmpint (sqlite3_open (fixture->store.path, &writer), ==, SQLITE_OK);
  outlay_test_exec (writer, "BEGIN IMMEDIATE");
  outlay_test_exec (writer, "UPDATE outlay_meta SET value = value WHERE key = 'min_writer_version'");

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawn (launcher, &error, binary (), "--database", fixture->store.path,
                                         "add", "4", "Second", NULL);
  g_assert_no_error (error);

  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (outlay_test_query_int (writer, "SELECT count(*) FROM expenses"), ==, 1);
  outlay_test_exec (writer, "COMMIT");
  sqlite3_close (writer);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_contains (out, "Added expense 2");

  g_assert_true (outlay_repository_check_external_changes (fixture->store.repository));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 2);
}

/* Another program holds the ledger in a write transaction and does not let
 * go: a write waits for --timeout (5 seconds by default), then fails with
 * one line that names the program, and nothing changed; a read goes on. */
static void
test_ledger_held (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  /* Without /proc (a chroot) the program cannot be told: the message says
   * "another program" then, and nothing else changes. */
  g_autofree char *holder =
    g_file_test ("/proc/locks", G_FILE_TEST_EXISTS)
      ? g_strdup_printf ("another program (“test-cli”, process %d) is changing", (int) getpid ())
      : g_strdup ("another program is changing");
  g_autofree char *backup = g_build_filename (fixture->store.dir, "copy.db", NULL);
  g_autofree char *n_backups = NULL;
  sqlite3         *other;
  GThread         *release;
  gint64           start;
  gint64           waited;

  run (fixture, &result, "add", "3", "First");
  assert_success (&result);
  run (fixture, &result, "backup", backup);
  assert_success (&result);
  run (fixture, &result, "backup", "--list", "--json");
  assert_success (&result);
  n_backups = g_strdup (result.out);
  before = dump (fixture);

  other = outlay_test_hold_ledger (fixture->store.path);

  start = g_get_monotonic_time ();
  run (fixture, &result, "add", "4", "Second", "--timeout", "1");
  waited = (g_get_monotonic_time () - start) / 1000;
  assert_failure (&result, 1, "Could not start a change: ");
  assert_contains (result.err, holder);
  assert_contains (result.err, " is changing the ledger and did not finish within 1 second. Nothing was changed; "
                               "try again when it has finished.");
  g_assert_cmpint (waited, >=, 1000);
  g_assert_cmpint (waited, <, 4000);

  /* --json changes nothing of it: one line on stderr, nothing on stdout. */
  run (fixture, &result, "delete", "1", "--json", "--timeout", "0");
  assert_failure (&result, 1, " is changing the ledger. Nothing was changed");
  assert_contains (result.err, holder);

  /* The default is five seconds. */
  start = g_get_monotonic_time ();
  run (fixture, &result, "categories", "add", "Pets");
  waited = (g_get_monotonic_time () - start) / 1000;
  assert_failure (&result, 1, "did not finish within 5 seconds");
  g_assert_cmpint (waited, >=, 5000);

  /* A restore of a backup too, which leaves no backup of the state before. */
  run (fixture, &result, "restore", backup, "--timeout", "1");
  assert_failure (&result, 1, "Could not restore the backup: ");
  assert_contains (result.err, holder);

  /* Reading does not wait. */
  run (fixture, &result, "list", "--timeout", "0");
  assert_success (&result);
  assert_contains (result.out, "First");

  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
  run (fixture, &result, "backup", "--list", "--json");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, n_backups);

  /* A write that waits goes through as soon as the other program has
   * finished, within its timeout. */
  release = outlay_test_release_ledger_later (other);
  start = g_get_monotonic_time ();
  run (fixture, &result, "add", "4", "Second", "--timeout", "5");
  waited = (g_get_monotonic_time () - start) / 1000;
  g_thread_join (release);
  assert_success (&result);
  assert_contains (result.out, "Added expense 2");
  g_assert_cmpint (waited, >=, OUTLAY_TEST_RELEASE_LATER_MS - 50);
  g_assert_cmpint (waited, <, 4000);

  /* A timeout that is not a number of seconds is a usage error. */
  run (fixture, &result, "list", "--timeout", "soon");
  assert_failure (&result, 2, "--timeout “soon” is not a number of seconds from 0 to 86400.");
  run (fixture, &result, "list", "--timeout", "86401");
  assert_failure (&result, 2, "--timeout “86401”");
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
  g_autofree char *notes = g_build_filename (fixture->store.dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->store.dir, "missing.db", NULL);
  g_autofree char *existing = g_build_filename (fixture->store.dir, "existing.db", NULL);
  g_autofree char *backups = g_build_filename (fixture->store.dir, "backups", NULL);
  g_autofree char *statement = g_build_filename (fixture->store.dir, "statement.csv", NULL);
  g_autofree char *export = g_build_filename (fixture->store.dir, "export.csv", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->store.dir, "no", "such", "folder.csv", NULL);
  g_autofree char *missing_csv = g_build_filename (fixture->store.dir, "missing.csv", NULL);
  g_autofree char *empty_json = g_build_filename (fixture->store.dir, "empty.json", NULL);
  const BadInput   cases[] = {
      { 2, "Give an amount and a description", { "add" } },
      { 2, "Give an amount and a description", { "add", "12" } },
      { 2, "Invalid amount “abc”", { "add", "abc", "Coffee" } },
      { 2, "divides by zero", { "add", "1/0", "Coffee" } },
      { 2, "Invalid amount", { "add", "1.2.3,4", "Coffee" } },
      { 2, "Invalid amount", { "add", "€5", "Coffee", "--currency", "USD" } },
      { 1, "more than zero", { "add", "0", "Coffee" } },
      { 2, "less than zero. Money back is given as a positive amount, with --refund", { "add", "5-7", "Coffee" } },
      { 1, "There is no category “Nope”", { "add", "3", "Coffee", "--category", "Nope" } },
      { 2, "“2024-02-30” is not a day", { "add", "3", "Coffee", "--date", "2024-02-30" } },
      { 2, "is not a day", { "add", "3", "Coffee", "--date", "tomorrow" } },
      { 2, "is not a day", { "add", "3", "Coffee", "--date", "1899-12-31" } },
      { 2, "not a currency code", { "add", "3", "Coffee", "--currency", "XYZ" } },
      { 1, "description is empty", { "add", "3", " " } },
      { 2, "Unknown option --bogus", { "add", "3", "Coffee", "--bogus" } },
      { 2, "is not a month", { "list", "--month", "2024-13" } },
      { 2, "is not a month", { "list", "--month", "March" } },
      { 2, "cannot be combined", { "list", "--month", "2024-02", "--from", "2024-02-01" } },
      { 2, "is after --to", { "list", "--from", "2024-03-01", "--to", "2024-02-01" } },
      { 2, "--sort “size”", { "list", "--sort", "size" } },
      { 2, "--limit", { "list", "--limit", "many" } },
      { 2, "--limit must be", { "list", "--limit", "-3" } },
      { 1, "There is no category", { "list", "--category", "Groceries", "--category", "Nope" } },
      { 2, "Unexpected argument “coffee”", { "list", "coffee" } },
      { 1, "There is no expense with the number 999", { "show", "999" } },
      { 2, "not the number or the UUID", { "show", "first" } },
      { 2, "not the number or the UUID", { "show", "9223372036854775808" } },
      { 1, "There is no expense with the identifier", { "show", "01234567-89ab-7def-8123-456789abcdef" } },
      { 2, "Nothing to change", { "edit", "1" } },
      { 1, "There is no expense with the number 999", { "edit", "999", "--amount", "3" } },
      { 2, "Invalid amount", { "edit", "1", "--amount", "lots" } },
      { 1, "There is no category", { "edit", "1", "--category", "Nope" } },
      { 1, "description is empty", { "edit", "1", "--description", "" } },
      { 2, "--currency needs --amount", { "edit", "1", "--currency", "EUR" } },
      { 2, "--refund and --no-refund contradict", { "edit", "1", "--refund", "--no-refund" } },
      { 2, "less than zero", { "edit", "1", "--amount", "2-5" } },
      { 2, "is not a day", { "edit", "1", "--date", "2024-13-01" } },
      { 2, "Give the number or the UUID", { "delete" } },
      { 1, "There is no expense with the number 999", { "delete", "999" } },
      { 1, "not deleted", { "restore", "1" } },
      { 1, "is not an Outlay database", { "restore", notes } },
      { 1, "does not exist", { "restore", missing } },
      { 1,
        "There is no file or backup named “outlay-20240101-000000-daily”",
        { "restore", "outlay-20240101-000000-daily" } },
      { 2, "Give the number or the UUID of a deleted expense, or the backup", { "restore" } },
      { 2, "Unexpected argument “extra”", { "backup", "--list", "extra" } },
      { 2, "is not a month", { "summary", "--month", "24-01" } },
      { 2, "--to needs --from", { "summary", "--to", "2024-01-31" } },
      { 2, "not a currency code", { "summary", "--currency", "ABC" } },
      { 1, "There is no category", { "summary", "--category", "Nope" } },
      { 1, "already a category named “groceries”", { "categories", "add", "groceries" } },
      { 1, "not of the form #rrggbb", { "categories", "add", "Pets", "--color", "red" } },
      { 1, "icon name is not valid", { "categories", "add", "Pets", "--icon", "../../x" } },
      { 1, "There is no category “Nope”", { "categories", "rename", "Nope", "Other things" } },
      { 1, "already a category named “transport”", { "categories", "rename", "Groceries", "transport" } },
      { 2, "Give the name of a category and its new name", { "categories", "rename", "Groceries" } },
      { 1, "cannot be deleted", { "categories", "delete", "Other" } },
      { 1, "There is no category “Nope”", { "categories", "delete", "Nope" } },
      { 2, "“frob” is not one of list", { "categories", "frob" } },
      { 1, "already exists", { "backup", existing } },
      { 2, "is the database itself", { "backup", fixture->store.path } },
      { 1, "does not exist", { "restore-backup", missing } },
      { 1, "is not an Outlay database", { "restore-backup", notes } },
      { 2, "is the database itself", { "restore-backup", fixture->store.path } },
      { 2, "Give the backup file", { "restore-backup" } },
      { 2, "--format “xml” is not one of csv or json", { "export", "--format", "xml" } },
      { 2, "--include-deleted needs JSON", { "export", "--include-deleted" } },
      { 2, "cannot be combined with --from",
        { "export", "--include-deleted", "--format", "json", "--month", "2024-02" } },
      { 2, "--json reports on the FILE written", { "export", "--json" } },
      { 2, "is not a month", { "export", export, "--month", "2024-13" } },
      { 2, "is the database itself", { "export", fixture->store.path } },
      { 2, "Unexpected argument", { "export", export, "more.csv" } },
      { 1, "There is no category “Nope”", { "export", export, "--category", "Nope" } },
      { 1, "Could not write", { "export", nowhere } },
      { 2, "Give the file to import", { "import" } },
      { 1, "there is no such file", { "import", missing_csv } },
      { 1, "is not a file of expenses Outlay recognises", { "import", notes } },
      { 1, "Cannot import", { "import", existing, "--format", "homebank" } },
      { 1, "Cannot import", { "import", empty_json } },
      { 1, "Not one line of “", { "import", statement, "--date-format", "mdy" } },
      { 2,
        "--sign “maybe” is not one of negative, positive, all or refunds",
        { "import", statement, "--sign", "maybe" } },
      { 2, "--date-format “dd.mm.yyyy” is not one of", { "import", statement, "--date-format", "dd.mm.yyyy" } },
      { 2, "--decimal-separator “;”", { "import", statement, "--decimal-separator", ";" } },
      { 2, "--format “ods”", { "import", statement, "--format", "ods" } },
      { 2, "cannot be combined", { "import", statement, "--header", "--no-header" } },
      { 2, "columns are counted from 1", { "import", statement, "--date-column", "0" } },
      { 2, "columns are counted from 1", { "import", statement, "--date-column", "00" } },
      { 2, "is not of the form", { "import", statement, "--map-category", "Essen" } },
      { 2, "is for CSV files", { "import", notes, "--format", "json", "--sign", "all" } },
      { 2, "not a currency code", { "import", statement, "--currency", "XYZ" } },
      { 1,
        "“Datum” is not a column of the file; its columns are: 1 “Buchungstag”, 2 “Text”",
        { "import", statement, "--date-column", "Datum" } },
      { 1, "the file has only 3 columns", { "import", statement, "--amount-column", "7" } },
      { 1, "the file has only 3 columns", { "import", statement, "--amount-column", "18446744073709551617" } },
      { 1, "the file names no categories, so it has no “Pets”",
        { "import", statement, "--map-category", "Pets=Other" } },
      { 1, "There is no category “Nope”", { "import", statement, "--map-category", "Essen=Nope" } },
      { 2, "“frobnicate” is not a command", { "frobnicate" } },
      { 2, "“nothing” is not a command", { "help", "nothing" } },
  };
  g_autofree char *before = NULL;
  g_auto (Result) result = { 0 };

  seed_ledger (fixture);
  g_assert_true (g_file_set_contents (notes, "These are not expenses.\n", -1, NULL));
  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));
  g_assert_true (g_file_set_contents (export, "keep me", -1, NULL));
  g_assert_true (g_file_set_contents (empty_json, "{ \"expenses\": [] }", -1, NULL));
  g_assert_true (g_file_set_contents (statement, "Buchungstag;Text;Betrag\n24.02.2024;Coffee;-3,50\n", -1, NULL));
  before = dump (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autofree char *after = NULL;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->store.path);
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i].args[j]);
      g_ptr_array_add (args, NULL);

      g_test_message ("outlay %s", cases[i].args[0]);
      result_clear (&result);
      run_argv ("C.UTF-8", (const char *const *) args->pdata, NULL, &result);

      assert_failure (&result, cases[i].status, cases[i].message);

      after = dump (fixture);
      g_assert_cmpstr (after, ==, before);
    }

  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (export, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "keep me");
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }

  /* A mistyped --database is an error, not a new, empty file. */
  {
    const char *const reading[] = { "--database", missing, "list", NULL };
    const char *const changing[] = { "--database", missing, "delete", "1", NULL };
    const char *const importing[] = { "--database", missing, "import", notes, NULL };
    const char *const exporting[] = { "--database", missing, "export", NULL };

    result_clear (&result);
    run_argv ("C.UTF-8", reading, NULL, &result);
    assert_failure (&result, 1, "There is no database at");
    result_clear (&result);
    run_argv ("C.UTF-8", changing, NULL, &result);
    assert_failure (&result, 1, "There is no database at");
    result_clear (&result);
    run_argv ("C.UTF-8", exporting, NULL, &result);
    assert_failure (&result, 1, "There is no database at");
    result_clear (&result);
    run_argv ("C.UTF-8", importing, NULL, &result);
    assert_failure (&result, 1, "is not a file of expenses");
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/cli/help", test_help);
  add_test ("/cli/add", test_add);
  add_test ("/cli/add/german", test_add_german);
  add_test ("/cli/add/refunds", test_refunds);
  add_test ("/cli/add/ledger-currency", test_ledger_currency);
  add_test ("/cli/list", test_list);
  add_test ("/cli/show-edit-delete-restore", test_show_edit_delete_restore);
  add_test ("/cli/summary", test_summary);
  add_test ("/cli/categories", test_categories);
  add_test ("/cli/json-escaping", test_json_escaping);
  add_test ("/cli/window-open", test_window_open);
  add_test ("/cli/ledger-held", test_ledger_held);
  add_test ("/cli/bad-input", test_bad_input);

  return g_test_run ();
}
