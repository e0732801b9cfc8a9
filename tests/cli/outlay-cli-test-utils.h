/* outlay-cli-test-utils.h
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

/* What the tests of the command line share: a database held open as the
 * window would hold it, the real `outlay` binary run on it without a
 * display, and checks of what it printed. Everything is static inline so
 * that a test includes only what it uses. */

#pragma once

#include <string.h>

#include "outlay-repository.h"
#include "outlay-test-utils.h"

G_BEGIN_DECLS

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

static inline void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static inline void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  outlay_test_fixture_setup (&fixture->store, user_data);
}

static inline void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  outlay_test_fixture_teardown (&fixture->store, user_data);
}

typedef void (*TestFunc) (Fixture      *fixture,
                          gconstpointer user_data);

/* A test on a fixture of its own. */
static inline void
add_test (const char *path,
          TestFunc    func)
{
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

static inline const char *
binary (void)
{
  const char *path = g_getenv ("OUTLAY_BINARY");

  g_assert_nonnull (path);
  return path;
}

/* Runs outlay with @args in @locale, without a display: GTK could not start
 * even if it were asked to. */
static inline void
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
static inline void
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

static inline void
assert_success (const Result *result)
{
  if (result->status != 0)
    g_error ("outlay failed with %d: %s", result->status, result->err);
  g_assert_cmpstr (result->err, ==, "");
}

/* One line on stderr, prefixed "outlay: ", nothing on stdout. */
static inline void
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

static inline void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

static inline void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in:\n%s", part, text);
}

static inline char *
dump_database (const char *path)
{
  sqlite3 *db = NULL;
  char    *dump;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  dump = outlay_test_dump_store (db);
  sqlite3_close (db);

  return dump;
}

static inline char *
dump (Fixture *fixture)
{
  return dump_database (fixture->store.path);
}

static inline gint64
category (Fixture *fixture,
          guint    position)
{
  return outlay_test_category_at (fixture->store.repository, position);
}

static inline void
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
static inline void
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

static inline void
skip_space (const char **p)
{
  while (**p == ' ' || **p == '\n' || **p == '\t' || **p == '\r')
    (*p)++;
}

static inline gboolean json_value (const char **p,
                                   guint        depth);

static inline gboolean
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

static inline gboolean
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

static inline gboolean
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

static inline gboolean
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

static inline void
assert_json (const char *text)
{
  const char *p = text;

  if (!json_value (&p, 0) || (skip_space (&p), *p != '\0'))
    g_error ("Not JSON (at offset %d):\n%s", (int) (p - text), text);
}

/* The ids of the expenses in a list printed with --json, in order. */
static inline char *
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

/* A command that must be refused: its exit status, a part of its one-line
 * reason, and its arguments after the command. */
typedef struct
{
  int         status;
  const char *message;
  const char *args[12];
} OutlayCliRefusal;

/* Runs `outlay COMMAND ARGS…` for each of @cases and checks that each is
 * refused as it says, with not a byte of the data changed. */
static inline void
assert_refusals (Fixture                *fixture,
                 const char             *command,
                 const OutlayCliRefusal *cases,
                 guint                   n_cases)
{
  g_autofree char *before = dump (fixture);
  g_auto (Result) result = { 0 };

  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autofree char *after = NULL;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->store.path);
      g_ptr_array_add (args, (gpointer) command);
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i].args[j]);
      g_ptr_array_add (args, NULL);

      g_test_message ("outlay %s %s", command, cases[i].args[0] != NULL ? cases[i].args[0] : "");
      result_clear (&result);
      run_argv ("C.UTF-8", (const char *const *) args->pdata, NULL, &result);

      assert_failure (&result, cases[i].status, cases[i].message);

      after = dump (fixture);
      g_assert_cmpstr (after, ==, before);
    }
}

G_END_DECLS
