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
 * the whole time as the window would. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-repository.h"
#include "outlay-test-utils.h"

/* The default categories, by position. */
enum
{
  FOOD,
  GROCERIES,
  TRANSPORT,
  OTHER = 9,
};

typedef struct
{
  OutlayTestFixture store; /* the "window": a connection held open */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  outlay_test_fixture_setup (&fixture->store, user_data);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  outlay_test_fixture_teardown (&fixture->store, user_data);
}

static const char *
binary (void)
{
  const char *path = g_getenv ("OUTLAY_BINARY");

  g_assert_nonnull (path);
  return path;
}

/* Runs outlay with @args in @locale, without a display: GTK could not start
 * even if it were asked to. */
static void
run_argv (const char        *locale,
          const char *const *args,
          const char *const *extra_env,
          Result            *result)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_get_environ ();
  static const char *const unset[] = {
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "OUTLAY_DATABASE",
    "LANGUAGE",
    "LANG",
    "LC_MESSAGES",
    "LC_NUMERIC",
    "LC_MONETARY",
    "LC_CTYPE",
    "LC_TIME",
  };

  for (guint i = 0; i < G_N_ELEMENTS (unset); i++)
    env = g_environ_unsetenv (env, unset[i]);
  env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
  /* Numbers and dates follow the locale; the messages stay English
   * whatever catalogues the machine has installed. */
  env = g_environ_setenv (env, "LANGUAGE", "en", TRUE);
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    env = g_environ_setenv (env, extra_env[i], extra_env[i + 1], TRUE);
  g_subprocess_launcher_set_environ (launcher, env);

  /* A result from an earlier run is replaced, not leaked. */
  result_clear (result);

  g_ptr_array_add (argv, (gpointer) binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

/* outlay --database <the fixture's database> ARGS…, in the C.UTF-8 locale. */
static void
run_in (Fixture    *fixture,
        const char *locale,
        Result     *result,
        ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list     ap;

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, fixture->store.path);

  va_start (ap, result);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  result_clear (result);
  run_argv (locale, (const char *const *) args->pdata, NULL, result);
}

#define run(fixture, result, ...) run_in (fixture, "C.UTF-8", result, __VA_ARGS__, NULL)

static void
assert_success (const Result *result)
{
  if (result->status != 0)
    g_error ("outlay failed with %d: %s", result->status, result->err);
  g_assert_cmpstr (result->err, ==, "");
}

/* One line on stderr, prefixed "outlay: ", nothing on stdout. */
static void
assert_failure (const Result *result,
                int           status,
                const char   *message_part)
{
  if (result->status != status)
    g_error ("expected status %d, got %d: %s%s", status, result->status, result->out, result->err);

  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "outlay: "));
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_true (strchr (result->err, '\n') == result->err + strlen (result->err) - 1);
  if (strstr (result->err, message_part) == NULL)
    g_error ("“%s” is not in the message: %s", message_part, result->err);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in:\n%s", part, text);
}

static char *
dump_database (const char *path)
{
  sqlite3 *db = NULL;
  char    *dump;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  dump = outlay_test_dump_store (db);
  sqlite3_close (db);

  return dump;
}

static char *
dump (Fixture *fixture)
{
  return dump_database (fixture->store.path);
}

static gint64
category (Fixture *fixture,
          guint    position)
{
  return outlay_test_category_at (fixture->store.repository, position);
}

static void
seed (Fixture    *fixture,
      gint64      amount,
      const char *currency,
      const char *date,
      const char *description,
      guint       position)
{
  g_autoptr (OutlayExpense) expense = outlay_test_add (&fixture->store, amount, currency, date, description,
                                                       category (fixture, position));
}

/* Two months to compare, and an expense in another currency. */
static void
seed_ledger (Fixture *fixture)
{
  seed (fixture, 3000, "EUR", "2024-01-10", "Market", GROCERIES);
  seed (fixture, 1200, "EUR", "2024-01-20", "Coffee beans", FOOD);
  seed (fixture, 450, "EUR", "2024-02-03", "Coffee", FOOD);
  seed (fixture, 5550, "EUR", "2024-02-14", "Dinner", FOOD);
  seed (fixture, 4000, "EUR", "2024-02-20", "Supermarket", GROCERIES);
  seed (fixture, 2900, "EUR", "2024-02-25", "Bus pass", TRANSPORT);
  seed (fixture, 1500, "USD", "2024-02-26", "Taxi", TRANSPORT);
  seed (fixture, 2000, "EUR", "2024-03-01", "Gift", OTHER);
}

/* A strict reader of JSON (RFC 8259) that only says whether it is. */

static void
skip_space (const char **p)
{
  while (**p == ' ' || **p == '\n' || **p == '\t' || **p == '\r')
    (*p)++;
}

static gboolean json_value (const char **p,
                            guint        depth);

static gboolean
json_string (const char **p)
{
  if (**p != '"')
    return FALSE;

  for ((*p)++; **p != '"'; (*p)++)
    {
      if ((guchar) * *p < 0x20 || **p == '\0')
        return FALSE;

      if (**p == '\\')
        {
          (*p)++;
          if (**p == 'u')
            {
              for (guint i = 1; i <= 4; i++)
                if (!g_ascii_isxdigit ((*p)[i]))
                  return FALSE;
              *p += 4;
            }
          else if (strchr ("\"\\/bfnrt", **p) == NULL || **p == '\0')
            return FALSE;
        }
    }

  (*p)++;
  return TRUE;
}

static gboolean
json_number (const char **p)
{
  if (**p == '-')
    (*p)++;

  if (**p == '0')
    (*p)++;
  else if (g_ascii_isdigit (**p))
    while (g_ascii_isdigit (**p))
      (*p)++;
  else
    return FALSE;

  if (**p == '.')
    {
      (*p)++;
      if (!g_ascii_isdigit (**p))
        return FALSE;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }

  return TRUE;
}

static gboolean
json_container (const char **p,
                char         close,
                guint        depth)
{
  (*p)++;
  skip_space (p);
  if (**p == close)
    {
      (*p)++;
      return TRUE;
    }

  while (TRUE)
    {
      skip_space (p);
      if (close == '}')
        {
          if (!json_string (p))
            return FALSE;
          skip_space (p);
          if (**p != ':')
            return FALSE;
          (*p)++;
        }

      if (!json_value (p, depth + 1))
        return FALSE;
      skip_space (p);

      if (**p == close)
        {
          (*p)++;
          return TRUE;
        }
      if (**p != ',')
        return FALSE;
      (*p)++;
    }
}

static gboolean
json_value (const char **p,
            guint        depth)
{
  if (depth > 32)
    return FALSE;

  skip_space (p);

  switch (**p)
    {
    case '{':
      return json_container (p, '}', depth);

    case '[':
      return json_container (p, ']', depth);

    case '"':
      return json_string (p);

    case 't':
    case 'f':
    case 'n':
      {
        static const char *const literals[] = { "true", "false", "null" };

        for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
          if (g_str_has_prefix (*p, literals[i]))
            {
              *p += strlen (literals[i]);
              return TRUE;
            }
        return FALSE;
      }

    default:
      return json_number (p);
    }
}

static void
assert_json (const char *text)
{
  const char *p = text;

  if (!json_value (&p, 0) || (skip_space (&p), *p != '\0'))
    g_error ("Not JSON (at offset %d):\n%s", (int) (p - text), text);
}

/* The ids of the expenses in a list printed with --json, in order. */
static char *
json_ids (const char *text)
{
  g_autoptr (GRegex) regex = g_regex_new ("^    \"id\": ([0-9]+),$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GString) ids = g_string_new (NULL);

  assert_json (text);
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *id = g_match_info_fetch (match, 1);

      g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "", id);
      g_match_info_next (match, NULL);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

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
    "backup",
    "restore-backup",
    "export",
    "import",
  };
  static const char *const subcommands[] = { "add", "rename", "delete" };
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
                           "SELECT e.amount, e.currency, e.description, e.note, c.name, e.occurred_on = date('now', 'localtime') "
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

  /* By default: this month so far, in the locale's currency. */
  run (fixture, &result, "summary", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"currency\": \"USD\",");
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
  assert_contains (result.out, "\"icon\": \"folder-symbolic\",");
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
  assert_contains (result.out, "\"name\": \"Other\",\n    \"color\": \"#77767b\",\n    \"icon\": \"view-more-horizontal-symbolic\",\n"
                               "    \"position\": 9,\n    \"fallback\": true,\n    \"expense_count\": 3\n");

  names = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                            "SELECT name FROM categories WHERE deleted_at IS NULL ORDER BY position");
  g_assert_cmpstr (names, ==, "Eating out\nGroceries\nHousing\nUtilities\nHealth\nShopping\nEntertainment\nTravel\nOther\nPets\nKids and School\n");

  run (fixture, &result, "list", "--category", "eating out", "--json");
  assert_success (&result);
  ids = json_ids (result.out);
  g_assert_cmpstr (ids, ==, "4 3 2");
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

static void
test_backup_restore (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *backups = g_build_filename (fixture->store.dir, "backups", NULL);
  g_autofree char *file = g_build_filename (fixture->store.dir, "saved.db", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *later = NULL;
  g_autofree char *now = NULL;
  g_autofree char *safety = NULL;
  g_autoptr (GRegex) default_name = g_regex_new ("^Saved a backup to “(.*/backups/outlay-[0-9]{8}-[0-9]{6}-manual(-[0-9]+)?\\.db)” \\(.*\\)\\.\n$", 0, 0, NULL);
  g_autoptr (GRegex) undo = g_regex_new (" restore '([^']*)'\n$", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  seed_ledger (fixture);
  saved = dump (fixture);

  run (fixture, &result, "backup");
  assert_success (&result);
  g_assert_true (g_regex_match (default_name, result.out, 0, &match));
  g_assert_cmpuint (count_files (backups), ==, 1);
  g_clear_pointer (&match, g_match_info_unref);

  run (fixture, &result, "backup", file, "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"path\": \"");
  assert_contains (result.out, "saved.db\",\n  \"size\": ");
  g_clear_pointer (&now, g_free);
  now = dump_database (file);
  g_assert_cmpstr (now, ==, saved);

  /* An existing file is kept unless asked. */
  run (fixture, &result, "backup", file);
  assert_failure (&result, 1, "already exists");
  run (fixture, &result, "backup", file, "--force");
  assert_success (&result);

  /* Later changes, then back to the backup. */
  run (fixture, &result, "add", "99", "Later", "--currency", "EUR");
  assert_success (&result);
  run (fixture, &result, "categories", "delete", "Groceries");
  assert_success (&result);
  later = dump (fixture);
  g_assert_cmpstr (later, !=, saved);

  run (fixture, &result, "restore-backup", file);
  assert_success (&result);
  assert_contains (result.out, "Restored “");
  g_assert_true (g_regex_match (undo, result.out, 0, &match));
  safety = g_match_info_fetch (match, 1);
  g_clear_pointer (&match, g_match_info_unref);
  g_assert_true (g_str_has_prefix (safety, backups));

  g_clear_pointer (&now, g_free);
  now = dump (fixture);
  g_assert_cmpstr (now, ==, saved);
  g_clear_pointer (&now, g_free);
  now = dump_database (safety);
  g_assert_cmpstr (now, ==, later);

  /* The window notices, and shows the restored content. */
  g_assert_true (outlay_repository_check_external_changes (fixture->store.repository));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 8);

  /* The restore is undone by restoring the state before it. */
  run (fixture, &result, "restore", safety, "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"previous_state\": \"");
  g_clear_pointer (&now, g_free);
  now = dump (fixture);
  g_assert_cmpstr (now, ==, later);

  /* Nothing but backups in the folder, and nothing left beside them. */
  {
    g_autoptr (GDir) listing = g_dir_open (backups, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_true (g_str_has_suffix (name, ".db"));
  }
  g_assert_cmpuint (count_files (fixture->store.dir), ==, 5); /* outlay.db, -wal, -shm, saved.db, backups */
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* What a filter selects, to a file or to stdout, byte for byte. */
static void
test_export (Fixture      *fixture,
             gconstpointer user_data)
{
  static const char *const february_food =
    "date,amount,currency,description,category,note\r\n"
    "2024-02-03,4.50,EUR,Coffee,Food & Drink,\r\n"
    "2024-02-14,55.50,EUR,Dinner,Food & Drink,\r\n";
  g_auto (Result) result = { 0 };
  g_autofree char *file = g_build_filename (fixture->store.dir, "february.csv", NULL);
  g_autofree char *json_file = g_build_filename (fixture->store.dir, "all.JSON", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;

  seed_ledger (fixture);

  run (fixture, &result, "export", "--month", "2024-02", "--category", "food & drink", file);
  assert_success (&result);
  expected = g_strdup_printf ("Exported 2 expenses to “%s”.\n", file);
  g_assert_cmpstr (result.out, ==, expected);
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, february_food);

  /* To stdout: the data and nothing else, in any of the ways to ask. */
  run (fixture, &result, "export", "--from", "2024-02-01", "--to", "2024-02-29", "-c", "Food & Drink");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, february_food);
  run (fixture, &result, "export", "-", "--month", "2024-02", "--search", "dinner", "--format", "csv");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==,
                   "date,amount,currency,description,category,note\r\n"
                   "2024-02-14,55.50,EUR,Dinner,Food & Drink,\r\n");

  /* Everything, oldest first, in every currency. */
  run (fixture, &result, "export");
  assert_success (&result);
  g_assert_true (g_str_has_prefix (result.out,
                                   "date,amount,currency,description,category,note\r\n"
                                   "2024-01-10,30.00,EUR,Market,Groceries,\r\n"));
  assert_contains (result.out, "2024-02-26,15.00,USD,Taxi,Transport,\r\n");
  g_assert_true (g_str_has_suffix (result.out, "2024-03-01,20.00,EUR,Gift,Other,\r\n"));

  /* The extension chooses JSON; --json reports on the file. */
  run (fixture, &result, "export", json_file, "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"format\": \"json\",\n  \"count\": 8\n");
  g_clear_pointer (&contents, g_free);
  contents = read_file (json_file);
  assert_json (contents);
  assert_contains (contents, "\"description\":\"Bus pass\"");

  /* A failed export leaves the file it would have replaced as it was, and
   * creates none. */
  write_file (file, "keep me");
  run (fixture, &result, "export", file, "--category", "Nope");
  assert_failure (&result, 1, "There is no category “Nope”");
  g_clear_pointer (&contents, g_free);
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpuint (count_files (fixture->store.dir), ==, 5); /* outlay.db, -wal, -shm, and the two exports */
}

/* Outlay's JSON goes into a new database and comes out the same bytes,
 * deleted expenses and categories included. */
static void
test_export_import_json (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char  *first = g_build_filename (fixture->store.dir, "ledger.json", NULL);
  g_autofree char  *second = g_build_filename (fixture->store.dir, "again.json", NULL);
  g_autofree char  *copy = g_build_filename (fixture->store.dir, "copy.db", NULL);
  g_autofree char  *first_bytes = NULL;
  g_autofree char  *second_bytes = NULL;
  g_autofree char  *dump_before = NULL;
  g_autofree char  *dump_after = NULL;
  const char *const import_args[] = { "--database", copy, "import", first, NULL };
  const char *const export_args[] = { "--database", copy, "export", "--include-deleted", second, NULL };
  const char *const again_args[] = { "--database", copy, "import", first, "--json", NULL };

  seed_ledger (fixture);
  run (fixture, &result, "categories", "add", "Pets", "--color", "#123456");
  assert_success (&result);
  run (fixture, &result, "add", "12", "Vet", "--category", "Pets", "--date", "2024-03-02",
       "--note", "Line one\nLine two, \"quoted\"", "--currency", "EUR");
  assert_success (&result);
  run (fixture, &result, "delete", "2");
  assert_success (&result);

  run (fixture, &result, "export", first, "--include-deleted");
  assert_success (&result);
  assert_contains (result.out, "Exported 9 expenses");
  first_bytes = read_file (first);
  assert_contains (first_bytes, "\"deleted_at\":\"");

  run_argv ("C.UTF-8", import_args, NULL, &result);
  assert_success (&result);
  assert_contains (result.out, "as an Outlay JSON export.\n");
  assert_contains (result.out, "9 expenses to import, 0 duplicates skipped, 0 lines not expenses (such as income), "
                               "0 lines that cannot be read.\n");
  assert_contains (result.out, "\nImported 9 expenses.\n");
  result_clear (&result);

  run_argv ("C.UTF-8", export_args, NULL, &result);
  assert_success (&result);
  result_clear (&result);
  second_bytes = read_file (second);
  g_assert_cmpstr (second_bytes, ==, first_bytes);

  /* Again: every expense is there already. */
  dump_before = dump_database (copy);
  run_argv ("C.UTF-8", again_args, NULL, &result);
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"format\": \"json\",\n  \"dry_run\": false,\n  \"csv\": null,\n");
  assert_contains (result.out, "\"to_import\": 0,\n  \"duplicates\": 9,\n");
  assert_contains (result.out, "\"imported\": 0,");
  dump_after = dump_database (copy);
  g_assert_cmpstr (dump_after, ==, dump_before);
}

/* A bank's CSV: a duplicate of what the ledger has, income, a line that
 * cannot be read and a new category, reported line by line. */
static void
test_import_csv (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *file = g_build_filename (fixture->store.dir, "statement.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *backups = g_build_filename (fixture->store.dir, "backups", NULL);
  const char      *expected_rows =
    "2024-01-10|3000|EUR|Market|Groceries\n"
    "2024-01-20|1200|EUR|Coffee beans|Food & Drink\n"
    "2024-02-03|450|EUR|Coffee|Food & Drink\n"
    "2024-02-14|5550|EUR|Dinner|Food & Drink\n"
    "2024-02-20|4000|EUR|Supermarket|Groceries\n"
    "2024-02-25|2900|EUR|Bus pass|Transport\n"
    "2024-02-26|1500|USD|Taxi|Transport\n"
    "2024-03-01|2000|EUR|Gift|Other\n"
    "2024-03-04|1299|EUR|Bakery|Groceries\n"
    "2024-03-05|4500|EUR|Vet|Pets\n"
    "2024-03-06|350|EUR|Kiosk|Other\n";

  seed_ledger (fixture);
  write_file (file,
              "Buchungstag;Text;Kategorie;Betrag\n"
              "03.02.2024;Coffee;Essen;-4,50\n"
              "04.03.2024;Bakery;Lebensmittel;-12,99\n"
              "31.02.2024;Broken;Essen;-1,00\n"
              "05.03.2024;Salary;Einkommen;2500,00\n"
              "05.03.2024;Vet;Pets;-45,00\n"
              "06.03.2024;Kiosk;;-3,50\n");
  before = dump (fixture);

  /* A dry run reports everything and writes nothing. */
  run (fixture, &result, "import", file, "--dry-run", "--currency", "EUR", "--map-category", "lebensmittel=groceries");
  assert_success (&result);
  assert_contains (result.out, "as CSV: UTF-8, fields separated by “;”.\n");
  assert_contains (result.out, "  --date-column         1 “Buchungstag”\n");
  assert_contains (result.out, "  --amount-column       4 “Betrag”\n");
  assert_contains (result.out, "  --note-column         none\n");
  assert_contains (result.out, "  --date-format         dmy (DD.MM.YYYY)\n");
  assert_contains (result.out, "  --decimal-separator   ,\n");
  assert_contains (result.out, "3 expenses to import, 1 duplicate skipped, 1 line not an expense (such as income), "
                               "1 line that cannot be read.\n");
  assert_contains (result.out, "New categories: Pets (1)\n");
  assert_contains (result.out, "  Lebensmittel (1)  → Groceries\n");
  assert_contains (result.out, "Lines left out:\n"
                               "  line 4: “31.02.2024” is not a date (expected DD.MM.YYYY).\n"
                               "  line 5: Money received, not an expense.\n");
  g_assert_true (g_str_has_suffix (result.out, "\nWould import 3 expenses (a dry run: nothing was written).\n"));
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  run (fixture, &result, "import", file, "--currency", "EUR", "--map-category", "Lebensmittel=Groceries");
  assert_success (&result);
  assert_contains (result.out, "\nImported 3 expenses.\nThe database as it was before is saved in “");
  g_assert_cmpuint (count_files (backups), ==, 1);

  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT e.occurred_on, e.amount, e.currency, e.description, c.name "
                           "FROM expenses e JOIN categories c ON c.id = e.category_id ORDER BY e.occurred_on, e.id");
  g_assert_cmpstr (rows, ==, expected_rows);
  g_assert_true (outlay_repository_check_external_changes (fixture->store.repository));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 11);

  /* The same file again adds nothing. */
  g_clear_pointer (&before, g_free);
  before = dump (fixture);
  run (fixture, &result, "import", file, "--currency", "EUR", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"to_import\": 0,\n  \"duplicates\": 4,\n  \"not_expenses\": 1,\n  \"unreadable\": 1,\n");
  assert_contains (result.out, "\"line\": 4,\n      \"kind\": \"unreadable\",\n"
                               "      \"message\": \"“31.02.2024” is not a date (expected DD.MM.YYYY).\"\n");
  assert_contains (result.out, "\"date\": 1,\n      \"amount\": 4,\n      \"description\": 2,\n      \"category\": 3,\n");
  g_clear_pointer (&after, g_free);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* What the guess gets wrong, the options correct; categories the ledger
 * lacks can go to the fallback one instead of being created. */
static void
test_import_options (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char  *file = g_build_filename (fixture->store.dir, "list.txt", NULL);
  g_autofree char  *missing = g_build_filename (fixture->store.dir, "new.db", NULL);
  g_autofree char  *rows = NULL;
  const char *const dry_run[] = { "--database", missing, "import", file, "--dry-run", "--no-header",
                                  "--date-column", "2", "--amount-column", "3", "--description-column", "1",
                                  "--category-column", "4", "--date-format", "mdy", "--sign", "positive", NULL };

  write_file (file,
              "Lunch,03/04/2024,12.50,Restaurants\n"
              "Refund,03/05/2024,-5.00,Shopping\n"
              "Books,03/06/2024,20.00,Hobbies\n");

  /* A dry run on a database that does not exist yet creates none. */
  run_argv ("C.UTF-8", dry_run, NULL, &result);
  assert_success (&result);
  assert_contains (result.out, "  --description-column  1\n");
  assert_contains (result.out, "  --date-format         mdy (MM/DD/YYYY)\n");
  assert_contains (result.out, "  --sign                positive (");
  assert_contains (result.out, "  --no-header           no row of column names; the expenses start on line 1\n");
  assert_contains (result.out, "2 expenses to import, 0 duplicates skipped, 1 line not an expense");
  assert_contains (result.out, "  line 2: A negative amount is a refund, not an expense.\n");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  result_clear (&result);

  run (fixture, &result, "import", file, "--no-header", "--date-column", "2", "--amount-column", "3",
       "--description-column", "1", "--category-column", "4", "--date-format", "mdy", "--sign", "all",
       "--no-create-categories", "--currency", "EUR");
  assert_success (&result);
  assert_contains (result.out, "3 expenses to import, 0 duplicates skipped, 0 lines not expenses");
  assert_contains (result.out, "Not created, their expenses go to “Other”: Restaurants (1), Hobbies (1)\n");
  assert_lacks (result.out, "New categories");

  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT e.occurred_on, e.amount, e.description, c.name "
                           "FROM expenses e JOIN categories c ON c.id = e.category_id ORDER BY e.id");
  g_assert_cmpstr (rows, ==,
                   "2024-03-04|1250|Lunch|Other\n"
                   "2024-03-05|500|Refund|Shopping\n"
                   "2024-03-06|2000|Books|Other\n");
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (fixture->store.database),
                                          "SELECT count(*) FROM categories"),
                   ==, 10);
}

/* A HomeBank file is told by its content whatever its name; income and
 * transfers are reported, not imported. */
static void
test_import_homebank (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *fixture_file = g_test_build_filename (G_TEST_DIST, "fixtures", "homebank", "homebank5.xhb", NULL);
  g_autofree char *file = g_build_filename (fixture->store.dir, "budget.backup", NULL);
  g_autofree char *contents = read_file (fixture_file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_file (file, contents);
  before = dump (fixture);

  run (fixture, &result, "import", file, "--dry-run", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"format\": \"homebank\",\n  \"dry_run\": true,\n  \"csv\": null,\n");
  assert_contains (result.out, "\"kind\": \"not_expense\",\n      \"message\": \"A transfer between accounts, not an expense.\"");
  assert_contains (result.out, "\"imported\": 0,\n  \"categories_created\": 0,\n  \"backup\": null\n");
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);

  run (fixture, &result, "import", file, "--currency", "EUR");
  assert_success (&result);
  assert_contains (result.out, "as a HomeBank file.\n");
  assert_contains (result.out, "  line 24: A transfer between accounts, not an expense.\n");
  assert_contains (result.out, "\nImported 8 expenses.\n");
  g_assert_true (outlay_repository_check_external_changes (fixture->store.repository));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 8);
}

/* Copies of the database planted in the backups folder under @name, as if
 * they had been made then. */
static void
plant_backup (Fixture    *fixture,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->store.dir, "backups", name, NULL);

  g_assert_true (outlay_database_backup (fixture->store.database, path, &error));
  g_assert_no_error (error);
}

/* The backups folder: listed, pruned to the setting, restored by name. */
static void
test_backup_list (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *backups = g_build_filename (fixture->store.dir, "backups", NULL);
  g_autofree char *foreign = g_build_filename (backups, "notes.txt", NULL);
  g_autofree char *empty_schemas = g_build_filename (fixture->store.dir, "no-schemas", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *now = NULL;
  g_autoptr (GRegex) line = g_regex_new ("^2024-03-0[45] [0-9]{2}:[0-9]{2}  Daily              [0-9.]+\\x{00a0}kB  .*/backups/outlay-20240305-101500-daily\\.db$",
                                         G_REGEX_MULTILINE, 0, NULL);

  run (fixture, &result, "backup", "--list");
  assert_success (&result);
  assert_contains (result.out, "There are no backups in “");
  run (fixture, &result, "backup", "--list", "--json");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "[]\n");

  seed_ledger (fixture);
  saved = dump (fixture);
  plant_backup (fixture, "outlay-20240305-101500-daily.db");
  plant_backup (fixture, "outlay-20240306-120000-restore.db");
  plant_backup (fixture, "outlay-format1-20240101-080000.db");
  g_assert_true (g_file_set_contents (foreign, "mine", -1, NULL));

  /* Aligned columns: date, reason, size, path; newest first. */
  run (fixture, &result, "backup", "--list");
  assert_success (&result);
  g_test_message ("%s", result.out);
  g_assert_true (g_regex_match (line, result.out, 0, NULL));
  g_assert_true (strstr (result.out, "Before a restore") < strstr (result.out, "Daily"));
  g_assert_true (strstr (result.out, "Daily") < strstr (result.out, "Before an upgrade"));
  assert_lacks (result.out, "notes.txt");

  run (fixture, &result, "backup", "--list", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"created\": \"2024-03-05T10:15:00Z\",\n    \"reason\": \"daily\",\n    \"size\": ");
  assert_contains (result.out, "\"reason\": \"migration\"");

  /* Restored by its name in the list, with or without .db. */
  run (fixture, &result, "add", "5", "After the backups");
  assert_success (&result);
  run (fixture, &result, "restore", "outlay-20240305-101500-daily");
  assert_success (&result);
  assert_contains (result.out, "outlay-20240305-101500-daily.db”.\n");
  assert_contains (result.out, "-restore.db'\n");
  now = dump (fixture);
  g_assert_cmpstr (now, ==, saved);
  run (fixture, &result, "restore", "outlay-20240306-120000-restore.db", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"previous_state\": \"");

  /* Only the newest are kept: 10 by the setting's default. */
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("outlay-202301%02u-000000-daily.db", i);

      plant_backup (fixture, name);
    }
  run (fixture, &result, "backup");
  assert_success (&result);
  g_assert_cmpuint (count_files (backups), ==, 10 + 1);
  g_assert_true (g_file_test (foreign, G_FILE_TEST_IS_REGULAR));

  /* Without the schema installed it keeps 10 too, and does not abort. */
  g_assert_cmpint (g_mkdir (empty_schemas, 0700), ==, 0);
  {
    const char *const env[] = { "GSETTINGS_SCHEMA_DIR", empty_schemas, "XDG_DATA_DIRS", empty_schemas, NULL };
    const char *const args[] = { "--database", fixture->store.path, "backup", NULL };

    plant_backup (fixture, "outlay-20220101-000000-daily.db");
    result_clear (&result);
    run_argv ("C.UTF-8", args, env, &result);
    assert_success (&result);
    g_assert_cmpuint (count_files (backups), ==, 10 + 1);
  }
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
      { 1, "more than zero", { "add", "5-7", "Coffee" } },
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
      { 1, "There is no expense with the identifier", { "show", "01234567-89ab-7def-8123-456789abcdef" } },
      { 2, "Nothing to change", { "edit", "1" } },
      { 1, "There is no expense with the number 999", { "edit", "999", "--amount", "3" } },
      { 2, "Invalid amount", { "edit", "1", "--amount", "lots" } },
      { 1, "There is no category", { "edit", "1", "--category", "Nope" } },
      { 1, "description is empty", { "edit", "1", "--description", "" } },
      { 2, "--currency needs --amount", { "edit", "1", "--currency", "EUR" } },
      { 2, "is not a day", { "edit", "1", "--date", "2024-13-01" } },
      { 2, "Give the number or the UUID", { "delete" } },
      { 1, "There is no expense with the number 999", { "delete", "999" } },
      { 1, "not deleted", { "restore", "1" } },
      { 1, "is not an Outlay database", { "restore", notes } },
      { 1, "does not exist", { "restore", missing } },
      { 1, "There is no file or backup named “outlay-20240101-000000-daily”", { "restore", "outlay-20240101-000000-daily" } },
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
      { 2, "cannot be combined with --from", { "export", "--include-deleted", "--format", "json", "--month", "2024-02" } },
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
      { 2, "--sign “maybe” is not one of negative, positive or all", { "import", statement, "--sign", "maybe" } },
      { 2, "--date-format “dd.mm.yyyy” is not one of", { "import", statement, "--date-format", "dd.mm.yyyy" } },
      { 2, "--decimal-separator “;”", { "import", statement, "--decimal-separator", ";" } },
      { 2, "--format “ods”", { "import", statement, "--format", "ods" } },
      { 2, "cannot be combined", { "import", statement, "--header", "--no-header" } },
      { 2, "columns are counted from 1", { "import", statement, "--date-column", "0" } },
      { 2, "is not of the form", { "import", statement, "--map-category", "Essen" } },
      { 2, "is for CSV files", { "import", notes, "--format", "json", "--sign", "all" } },
      { 2, "not a currency code", { "import", statement, "--currency", "XYZ" } },
      { 1, "“Datum” is not a column of the file; its columns are: 1 “Buchungstag”, 2 “Text”", { "import", statement, "--date-column", "Datum" } },
      { 1, "the file has only 3 columns", { "import", statement, "--amount-column", "7" } },
      { 1, "the file names no categories, so it has no “Pets”", { "import", statement, "--map-category", "Pets=Other" } },
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/help", test_help);
  ADD ("/cli/add", test_add);
  ADD ("/cli/add/german", test_add_german);
  ADD ("/cli/list", test_list);
  ADD ("/cli/show-edit-delete-restore", test_show_edit_delete_restore);
  ADD ("/cli/summary", test_summary);
  ADD ("/cli/categories", test_categories);
  ADD ("/cli/backup-restore", test_backup_restore);
  ADD ("/cli/export", test_export);
  ADD ("/cli/export-import-json", test_export_import_json);
  ADD ("/cli/import/csv", test_import_csv);
  ADD ("/cli/import/options", test_import_options);
  ADD ("/cli/import/homebank", test_import_homebank);
  ADD ("/cli/backup-list", test_backup_list);
  ADD ("/cli/window-open", test_window_open);
  ADD ("/cli/bad-input", test_bad_input);
#undef ADD

  return g_test_run ();
}
