/* outlay-cli.c
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

/* The headless command line: `outlay COMMAND …` on the same database as the
 * window, with GLib and the store only, so that it runs without a display.
 * This file dispatches the commands and holds what they share: options,
 * the database, and reading dates, amounts, categories and expenses. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "outlay-cli-private.h"
#include "outlay-money.h"
#include "outlay-number.h"
#include "outlay-period.h"
#include "outlay-uuid.h"

/* clang-format off */
G_DEFINE_QUARK (outlay-cli-error-quark, outlay_cli_error)
/* clang-format on */

/* A day: a script that would wait longer is better off trying again. */
#define MAX_TIMEOUT_SECONDS 86400

typedef struct
{
  const char      *name;
  OutlayCliRunFunc run;
  const char      *summary;
} Command;

/* clang-format off */
static const Command commands[] = {
  { "add", outlay_cli_add, N_("Add an expense") },
  { "list", outlay_cli_list, N_("List expenses, filtered and sorted") },
  { "show", outlay_cli_show, N_("Show one expense") },
  { "edit", outlay_cli_edit, N_("Change an expense") },
  { "delete", outlay_cli_delete, N_("Delete an expense (it can be restored)") },
  { "restore", outlay_cli_restore_any, N_("Bring back a deleted expense, or a backup") },
  { "summary", outlay_cli_summary, N_("Totals of a period by category, against the period before") },
  { "categories", outlay_cli_categories, N_("List, add, rename or delete categories") },
  { "budget", outlay_cli_budget, N_("Budgets: what each has, spent and has left in its period; add, edit, delete") },
  { "recurring", outlay_cli_recurring,
    N_("Recurring expenses: add, list, pause, skip; write what is due (run)") },
  { "rules", outlay_cli_rules, N_("Rules that file expenses: add, list, move, test; apply them to expenses") },
  { "rates", outlay_cli_rates, N_("Exchange rates: list, set, delete, import from a file") },
  { "history", outlay_cli_history, N_("Every change of the ledger, newest first: what, where and when") },
  { "report", outlay_cli_report, N_("Write a report of a month or a year to a PDF file") },
  { "check", outlay_cli_check, N_("Check the database for damage, and say how to bring back a backup") },
  { "backup", outlay_cli_backup, N_("Save a copy of the database, or list the backups") },
  { "restore-backup", outlay_cli_restore_backup,
    N_("Replace the database with the content of a backup (as “restore FILE”)") },
  { "export", outlay_cli_export, N_("Write expenses to a CSV or JSON file") },
  { "import", outlay_cli_import, N_("Read expenses from a CSV, HomeBank or Outlay JSON file") },
  { "sync", outlay_cli_sync, N_("Sync through a shared folder: setup, status, leave; alone, sync once") },
};
/* clang-format on */

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

/* The length of a leading "--database FILE" or "--database=FILE", which may
 * come before the command as well as after it. */
static int
global_option_length (int    argc,
                      char **argv,
                      int    i)
{
  if (g_str_has_prefix (argv[i], "--database="))
    return 1;

  if (g_str_equal (argv[i], "--database") && i + 1 < argc)
    return 2;

  return 0;
}

static int
skip_global_options (int    argc,
                     char **argv)
{
  int i = 1;
  int n;

  while (i < argc && (n = global_option_length (argc, argv, i)) > 0)
    i += n;

  return i;
}

/**
 * outlay_cli_handles:
 *
 * Returns: whether the command line asks for a command rather than the
 *   window: its first word after any `--database FILE` is not an option
 *   (an unknown word is the command line's to refuse), or is `--version`
 */
gboolean
outlay_cli_handles (int    argc,
                    char **argv)
{
  int i = skip_global_options (argc, argv);

  if (i >= argc)
    return FALSE;

  return argv[i][0] != '-' || g_str_equal (argv[i], "--version");
}

/**
 * outlay_cli_get_overview:
 *
 * Returns: the list of commands, for `outlay --help` and `outlay help`
 */
const char *
outlay_cli_get_overview (void)
{
  static char *overview = NULL;

  if (g_once_init_enter (&overview))
    {
      GString *text = g_string_new (_("Commands (they need no display, and work while the window is open):"));
      guint    width = strlen ("restore-backup");
      char    *result;

      g_string_append_c (text, '\n');
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        g_string_append_printf (text, "  %-*s  %s\n", (int) width, commands[i].name, _(commands[i].summary));
      g_string_append_printf (text, "  %-*s  %s\n", (int) width, "help",
                              _("Show the options and examples of a command"));
      g_string_append_c (text, '\n');
      g_string_append (text, _("Every command takes --database FILE (default: $OUTLAY_DATABASE, else the\n"
                               "database the window opens), --json for output that programs read, --timeout\n"
                               "SECONDS to wait for another program that is changing the ledger, and --help.\n"
                               "Run “outlay help COMMAND” for its options and examples."));
      g_string_append_c (text, '\n');

      result = g_string_free (text, FALSE);
      g_once_init_leave (&overview, result);
    }

  return overview;
}

static void
print_usage (void)
{
  g_autoptr (OutlayCliTable) table = outlay_cli_table_new (2);

  outlay_cli_table_add (table, "outlay", _("Open the window"), NULL);
  outlay_cli_table_add (table, _("outlay COMMAND [OPTION…] [ARGUMENT…]"), _("Run a command without the window"), NULL);

  outlay_cli_print ("%s\n", _("Usage:"));
  outlay_cli_table_print (table, "  ");
  outlay_cli_print ("\n%s", outlay_cli_get_overview ());
}

/* Options and arguments */

/**
 * outlay_cli_context_new:
 * @parameters: what follows the options in the usage line
 * @summary: what the command does, a sentence or two
 * @description: (nullable): examples, after the options
 * @json_shape: (nullable): an example of what --json prints, after them
 *   (not translated: the names are part of the interface)
 * @entries: (nullable): the command's own options
 *
 * Returns: (transfer full): a context with the command's options and the
 *   ones every command has: --database, --json and --help
 */
GOptionContext *
outlay_cli_context_new (OutlayCli          *cli,
                        const char         *parameters,
                        const char         *summary,
                        const char         *description,
                        const char         *json_shape,
                        const GOptionEntry *entries)
{
  const GOptionEntry common[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &cli->database_option,
      N_("The database to use (default: $OUTLAY_DATABASE, else the one the window opens)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json,
      N_("Print JSON for programs (the shape is below and in docs/cli.md)"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_FILENAME, &cli->timeout_option,
      N_("How long to wait for another program that is changing the ledger (default: 5)"), N_("SECONDS") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &cli->help,
      N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  if (description != NULL || json_shape != NULL)
    {
      g_autofree char *text = g_strconcat (description != NULL ? description : "",
                                           json_shape != NULL ? json_shape : "", NULL);

      g_option_context_set_description (context, text);
    }
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);

  return context;
}

/**
 * outlay_cli_parse:
 * @args: (inout): the command's words, the command itself first; what is
 *   left after the options on return
 *
 * Reads the options. When --help was given, prints the help; the command
 * then returns at once (cli->help is set).
 */
gboolean
outlay_cli_parse (OutlayCli      *cli,
                  GOptionContext *context,
                  char         ***args,
                  GError        **error)
{
  g_autofree char *prgname = g_strconcat ("outlay ", cli->command, NULL);

  /* The usage line of --help starts with the program name. */
  g_set_prgname (prgname);

  if (!g_option_context_parse_strv (context, args, error))
    return FALSE;

  if (cli->database_option != NULL)
    {
      g_free (cli->database_path);
      cli->database_path = g_steal_pointer (&cli->database_option);
      cli->database_explicit = TRUE;
    }

  if (cli->timeout_option != NULL)
    {
      guint64 seconds = 0;

      if (!outlay_parse_unsigned (cli->timeout_option, 0, MAX_TIMEOUT_SECONDS, &seconds))
        {
          g_autofree char *utf8 = g_utf8_make_valid (cli->timeout_option, -1);

          g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                       _("--timeout “%s” is not a number of seconds from 0 to %u."), utf8, MAX_TIMEOUT_SECONDS);
          return FALSE;
        }
      cli->timeout_ms = (guint) seconds * 1000;
    }

  if (cli->help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      outlay_cli_write (help);
    }

  return TRUE;
}

/**
 * outlay_cli_expect_args:
 * @args: what outlay_cli_parse() left, the command first
 * @what: what is missing, as a sentence: “Give an amount and a description.”
 */
gboolean
outlay_cli_expect_args (OutlayCli  *cli,
                        char      **args,
                        guint       min_args,
                        guint       max_args,
                        const char *what,
                        GError    **error)
{
  guint n = g_strv_length (args) - 1;

  if (n < min_args)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE, what);
      return FALSE;
    }

  if (n > max_args)
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("Unexpected argument “%s”."), args[max_args + 1]);
      return FALSE;
    }

  return TRUE;
}

/**
 * outlay_cli_text:
 * @raw: a word of the command line, in the locale's encoding
 * @what: (nullable): what it is, for the error message
 *
 * Options are read as file names, without GOption's conversion, so that
 * UTF-8 works even in the C locale; this converts them.
 *
 * Returns: (transfer full): @raw as UTF-8, or %NULL with @error set
 */
char *
outlay_cli_text (const char *raw,
                 const char *what,
                 GError    **error)
{
  char *utf8;

  if (raw == NULL)
    return NULL;

  if (g_utf8_validate (raw, -1, NULL))
    return g_strdup (raw);

  utf8 = g_locale_to_utf8 (raw, -1, NULL, NULL, NULL);
  if (utf8 == NULL)
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                 _("%s is not text in the encoding of the current locale."),
                 what != NULL ? what : _("An argument"));

  return utf8;
}

/**
 * outlay_cli_parse_date:
 * @option: the option it came from, for the message
 * @date: (out): the day as `YYYY-MM-DD`
 *
 * Reads `YYYY-MM-DD`, `today` or `yesterday` (local time).
 */
gboolean
outlay_cli_parse_date (const char *text,
                       const char *option,
                       char      **date,
                       GError    **error)
{
  if (g_ascii_strcasecmp (text, "today") == 0 || g_ascii_strcasecmp (text, "yesterday") == 0)
    {
      g_autoptr (GDate) day = outlay_date_new_today ();

      if (g_ascii_strcasecmp (text, "yesterday") == 0)
        g_date_subtract_days (day, 1);
      *date = outlay_date_format_iso (day);
      return TRUE;
    }

  if (outlay_date_is_valid (text))
    {
      *date = g_strdup (text);
      return TRUE;
    }

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
               _("%s “%s” is not a day: write YYYY-MM-DD (1900 to 2999), “today” or “yesterday”."),
               option, text);
  return FALSE;
}

/**
 * outlay_cli_parse_month:
 * @from: (out): the first day of the month
 * @to: (out): its last day
 *
 * Reads `YYYY-MM`.
 */
gboolean
outlay_cli_parse_month (const char *text,
                        char      **from,
                        char      **to,
                        GError    **error)
{
  g_autofree char *first = g_strconcat (text, "-01", NULL);
  g_autoptr (GDate) last = NULL;

  if (strlen (text) != 7 || !outlay_date_is_valid (first))
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("--month “%s” is not a month: write YYYY-MM, such as 2024-03."), text);
      return FALSE;
    }

  last = outlay_date_parse_iso (first);
  g_date_add_months (last, 1);
  g_date_subtract_days (last, 1);

  *from = g_steal_pointer (&first);
  *to = outlay_date_format_iso (last);
  return TRUE;
}

/**
 * outlay_cli_parse_range:
 * @from_text: (nullable): --from
 * @to_text: (nullable): --to
 * @month_text: (nullable): --month, which excludes the other two
 * @from: (out): the first day, or %NULL for no limit
 * @to: (out): the last day, or %NULL for no limit
 */
gboolean
outlay_cli_parse_range (const char *from_text,
                        const char *to_text,
                        const char *month_text,
                        char      **from,
                        char      **to,
                        GError    **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (month_text != NULL && (from_text != NULL || to_text != NULL))
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--month cannot be combined with --from or --to."));
      return FALSE;
    }

  if (month_text != NULL)
    return outlay_cli_parse_month (month_text, from, to, error);

  if ((from_text != NULL && !outlay_cli_parse_date (from_text, "--from", &first, error)) ||
      (to_text != NULL && !outlay_cli_parse_date (to_text, "--to", &last, error)))
    return FALSE;

  if (first != NULL && last != NULL && strcmp (first, last) > 0)
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("--from %s is after --to %s."), first, last);
      return FALSE;
    }

  *from = g_steal_pointer (&first);
  *to = g_steal_pointer (&last);
  return TRUE;
}

gboolean
outlay_cli_parse_currency (const char *text,
                           char      **currency,
                           GError    **error)
{
  g_autofree char      *code = g_ascii_strup (text, -1);
  const OutlayCurrency *known = outlay_currency_lookup (code);

  if (known == NULL)
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("--currency “%s” is not a currency code Outlay knows (ISO 4217, such as EUR)."), text);
      return FALSE;
    }

  *currency = g_strdup (known->code);
  return TRUE;
}

/**
 * outlay_cli_new_settings:
 * @key: a key the caller reads
 *
 * Returns: (transfer full) (nullable): the window's settings, or %NULL when
 *   their schema, or @key in it, is not installed (GSettings would abort)
 */
GSettings *
outlay_cli_new_settings (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/* The one chosen in Preferences, or NULL for Automatic. */
static char *
dup_chosen_currency (void)
{
  g_autoptr (GSettings) settings = outlay_cli_new_settings ("currency");
  g_autofree char *chosen = settings != NULL ? g_settings_get_string (settings, "currency") : NULL;

  return outlay_currency_is_valid (chosen) ? g_steal_pointer (&chosen) : NULL;
}

/**
 * outlay_cli_dup_default_currency:
 *
 * Returns: (transfer full): the currency of new expenses, as in the window:
 *   the one chosen in Preferences, else the ledger's (whatever the locale
 *   of this command), else for a ledger not made yet the locale's
 */
char *
outlay_cli_dup_default_currency (OutlayCli *cli)
{
  char *chosen = dup_chosen_currency ();

  if (chosen != NULL)
    return chosen;

  /* Only looked at: a ledger that does not open says so when the command
   * opens it. */
  if (cli->repository == NULL && g_file_test (outlay_cli_get_database_path (cli), G_FILE_TEST_EXISTS))
    outlay_cli_open (cli, FALSE, NULL);
  if (cli->repository != NULL && !outlay_database_is_damaged (cli->database))
    return outlay_repository_dup_currency (cli->repository, outlay_currency_for_locale ());

  return g_strdup (outlay_currency_for_locale ());
}

/**
 * outlay_cli_usage_error:
 * @format: the message, a sentence
 *
 * Sets @error to a usage error (exit status 2).
 *
 * Returns: %FALSE, for `return outlay_cli_usage_error (…);`
 */
gboolean
outlay_cli_usage_error (GError    **error,
                        const char *format,
                        ...)
{
  va_list          args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE, message);
  return FALSE;
}

/**
 * outlay_cli_parse_position:
 * @text: (nullable): what --position was given, %NULL when it was not
 * @position: (out): the place, from 1
 *
 * Reads the --position of a `move` command.
 */
gboolean
outlay_cli_parse_position (const char *text,
                           guint      *position,
                           GError    **error)
{
  guint64 value = 0;

  if (text == NULL)
    return outlay_cli_usage_error (error, _("Give where it goes: --position N."));
  if (!outlay_parse_unsigned (text, 1, G_MAXUINT, &value))
    return outlay_cli_usage_error (error, _("--position takes a whole number from 1, not “%s”."), text);

  *position = (guint) value;
  return TRUE;
}

/**
 * outlay_cli_parse_amount:
 *
 * Reads an amount as the window's amount field does: in the locale's way
 * of writing numbers, with a currency symbol or sums allowed.
 */
gboolean
outlay_cli_parse_amount (const char *text,
                         const char *currency,
                         gint64     *amount,
                         GError    **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!outlay_money_parse (text, currency, amount, &local_error))
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("Invalid amount “%s”: %s"), text, local_error->message);
      return FALSE;
    }

  /* Money back is a refund, said in words rather than by a sign that a
   * slip of the finger could add. */
  if (*amount < 0)
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("Invalid amount “%s”: it comes to less than zero. Money back is given as a positive "
                     "amount, with --refund."),
                   text);
      return FALSE;
    }

  return TRUE;
}

/* The database */

const char *
outlay_cli_get_database_path (OutlayCli *cli)
{
  if (cli->database_path == NULL)
    cli->database_path = outlay_database_get_default_path ();

  return cli->database_path;
}

/**
 * outlay_cli_open_any:
 * @create: whether a missing database may be created
 *
 * Opens the database as outlay_cli_open() does, also when it is damaged:
 * for the commands that look at a damaged ledger or bring back a backup in
 * its place. A ledger that does not open at all fails with
 * %OUTLAY_DATABASE_ERROR_NOT_A_DATABASE.
 */
gboolean
outlay_cli_open_any (OutlayCli *cli,
                     gboolean   create,
                     GError   **error)
{
  const char *path = outlay_cli_get_database_path (cli);
  gboolean    created;

  /* A command may look something up before it writes: one connection. */
  if (cli->database != NULL)
    return TRUE;

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                   _("There is no database at “%s” yet: add an expense first, or give another with --database."),
                   path);
      return FALSE;
    }

  created = !g_file_test (path, G_FILE_TEST_EXISTS);
  cli->database = outlay_database_open (path, error);
  if (cli->database == NULL)
    return FALSE;

  outlay_database_set_busy_timeout (cli->database, cli->timeout_ms);
  cli->repository = outlay_repository_new (cli->database);

  /* A new ledger records its currency, as the window's does. */
  if (created)
    {
      g_autofree char *chosen = dup_chosen_currency ();

      if (!outlay_repository_ensure_currency (cli->repository, chosen != NULL ? chosen : outlay_currency_for_locale (),
                                              error))
        return FALSE;
    }
  return TRUE;
}

/**
 * outlay_cli_open:
 * @create: whether a missing database may be created; only the commands
 *   that add something do, so that a mistyped --database is an error
 *   rather than a new, empty file
 *
 * A damaged ledger, or one that does not open, fails with
 * %OUTLAY_CLI_ERROR_DAMAGED: the line says how to bring back a backup.
 */
gboolean
outlay_cli_open (OutlayCli *cli,
                 gboolean   create,
                 GError   **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!outlay_cli_open_any (cli, create, &local_error))
    {
      if (g_error_matches (local_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE))
        outlay_cli_set_damaged_error (cli, local_error, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (outlay_database_is_damaged (cli->database))
    {
      outlay_cli_set_damaged_error (cli, NULL, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * outlay_cli_remove_database:
 *
 * Closes the database and deletes its files: for a command that created
 * it and then failed, so that it leaves no new, empty database behind.
 */
void
outlay_cli_remove_database (OutlayCli *cli)
{
  const char      *path = outlay_cli_get_database_path (cli);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&cli->repository);
  g_clear_object (&cli->database);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

/**
 * outlay_cli_dup_command_prefix:
 *
 * Returns: (transfer full): how to run another command on the same
 *   database, for hints such as how to restore what was deleted
 */
char *
outlay_cli_dup_command_prefix (OutlayCli *cli)
{
  g_autofree char *quoted = NULL;

  if (!cli->database_explicit)
    return g_strdup ("outlay");

  quoted = g_shell_quote (cli->database_path);
  return g_strdup_printf ("outlay --database %s", quoted);
}

/**
 * outlay_cli_find_category:
 * @name: a category's name, in any case, with spaces around or not; a
 *   subcategory's also as "Parent › Child" or "Parent:Child"
 *
 * Returns: (transfer none): the category, or %NULL with @error set
 */
OutlayCategory *
outlay_cli_find_category (OutlayCli  *cli,
                          const char *name,
                          GError    **error)
{
  GListModel      *categories = outlay_repository_get_categories (cli->repository);
  guint            n = g_list_model_get_n_items (categories);
  g_autofree char *wanted = g_strstrip (g_strdup (name));
  g_autoptr (GString) names = g_string_new (NULL);
  OutlayCategory *found = outlay_repository_find_category (cli->repository, wanted);

  if (found != NULL)
    return found;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      g_autofree char *path = outlay_repository_dup_category_path (cli->repository, category);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, path);
    }

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
               _("There is no category “%s”; there are: %s."), wanted, names->str);
  return NULL;
}

/**
 * outlay_cli_is_number:
 *
 * Returns: whether @text is digits only, and at least one
 */
gboolean
outlay_cli_is_number (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/**
 * outlay_cli_find_argument:
 * @argv: a command's words, the command itself first
 *
 * Returns: the index in @argv of the first word that is neither an
 *   option nor the value of a "--database FILE" before it, or -1
 */
int
outlay_cli_find_argument (char **argv)
{
  for (int i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--database") && argv[i + 1] != NULL)
        i++;
      else if (g_str_equal (argv[i], "--"))
        return argv[i + 1] != NULL ? i + 1 : -1;
      else if (argv[i][0] != '-')
        return i;
    }

  return -1;
}

/**
 * outlay_cli_run_subcommand:
 * @argv: a command's words, the command itself first
 * @subcommands: (array length=n_subcommands): the words it knows
 * @sub: (out): the index in @argv of its first argument, or -1 for none
 * @handled: (out): whether that argument named one of @subcommands, which
 *   then ran with the other words
 *
 * Returns: what the subcommand returned, or %FALSE when none ran
 */
gboolean
outlay_cli_run_subcommand (OutlayCli                 *cli,
                           char                     **argv,
                           const OutlayCliSubcommand *subcommands,
                           guint                      n_subcommands,
                           int                       *sub,
                           gboolean                  *handled,
                           GError                   **error)
{
  g_autoptr (GPtrArray) rest = NULL;

  *handled = FALSE;
  *sub = outlay_cli_find_argument (argv);
  if (*sub < 0)
    return FALSE;

  for (guint i = 0; i < n_subcommands; i++)
    {
      if (!g_str_equal (argv[*sub], subcommands[i].name))
        continue;

      rest = g_ptr_array_new ();
      for (int j = 0; argv[j] != NULL; j++)
        if (j != *sub)
          g_ptr_array_add (rest, argv[j]);
      g_ptr_array_add (rest, NULL);

      *handled = TRUE;
      cli->command = subcommands[i].command;
      return subcommands[i].run (cli, (char **) rest->pdata, error);
    }

  return FALSE;
}

/**
 * outlay_cli_is_expense_reference:
 *
 * Returns: whether @text names an expense rather than a file: it is all
 *   digits (an expense's number) or a UUID
 */
gboolean
outlay_cli_is_expense_reference (const char *text)
{
  return outlay_uuid_is_valid (text) || outlay_cli_is_number (text);
}

/**
 * outlay_cli_find_expense:
 * @text: an expense's number (its id) or its UUID
 *
 * Returns: (transfer full): the expense, deleted or not, or %NULL with
 *   @error set
 */
OutlayExpense *
outlay_cli_find_expense (OutlayCli  *cli,
                         const char *text,
                         GError    **error)
{
  guint64 id = 0;

  if (outlay_uuid_is_valid (text))
    {
      g_autofree char *uuid = g_ascii_strdown (text, -1);

      return outlay_repository_get_expense_by_uuid (cli->repository, uuid, error);
    }

  if (!outlay_parse_unsigned (text, 1, G_MAXINT64, &id))
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("“%s” is not the number or the UUID of an expense."), text);
      return NULL;
    }

  return outlay_repository_get_expense (cli->repository, (gint64) id, error);
}

/**
 * outlay_cli_set_query_categories:
 * @names: (nullable): the values of --category, each a category's name
 *
 * Restricts @query to the categories named.
 */
gboolean
outlay_cli_set_query_categories (OutlayCli   *cli,
                                 OutlayQuery *query,
                                 char       **names,
                                 GError     **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) expanded = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = outlay_cli_text (names[i], "--category", error);
      OutlayCategory  *category;
      gint64           id;

      if (name == NULL || (category = outlay_cli_find_category (cli, name, error)) == NULL)
        return FALSE;

      id = outlay_category_get_id (category);
      g_array_append_val (ids, id);
    }

  /* A category counts the ones under it. */
  expanded = outlay_repository_expand_category_ids (cli->repository, (const gint64 *) (gpointer) ids->data, ids->len);
  outlay_query_set_categories (query, (const gint64 *) (gpointer) expanded->data, expanded->len);
  return TRUE;
}

/* The filters of list and export */

void
outlay_cli_filter_clear (OutlayCliFilter *filter)
{
  g_clear_pointer (&filter->from_text, g_free);
  g_clear_pointer (&filter->to_text, g_free);
  g_clear_pointer (&filter->month_text, g_free);
  g_clear_pointer (&filter->category_names, g_strfreev);
  g_clear_pointer (&filter->search_text, g_free);
  g_clear_pointer (&filter->from, g_free);
  g_clear_pointer (&filter->to, g_free);
  g_clear_pointer (&filter->search, g_free);
}

/**
 * outlay_cli_filter_add_entries:
 * @entries: (nullable): the command's own options, ending in
 *   %G_OPTION_ENTRY_NULL
 *
 * Returns: (transfer container): the filter's options followed by
 *   @entries, for outlay_cli_context_new()
 */
GOptionEntry *
outlay_cli_filter_add_entries (OutlayCliFilter    *filter,
                               const GOptionEntry *entries)
{
  const GOptionEntry filter_entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &filter->from_text,
      N_("Only expenses on or after this day (YYYY-MM-DD, today or yesterday)"), N_("DAY") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &filter->to_text,
      N_("Only expenses on or before this day"), N_("DAY") },
    { "month", 'm', 0, G_OPTION_ARG_FILENAME, &filter->month_text,
      N_("Only expenses of this month"), N_("YYYY-MM") },
    { "category", 'c', 0, G_OPTION_ARG_FILENAME_ARRAY, &filter->category_names,
      N_("Only expenses in this category; repeat it for several"), N_("NAME") },
    { "search", 's', 0, G_OPTION_ARG_FILENAME, &filter->search_text,
      N_("Only expenses whose description or note contain these words"), N_("TEXT") },
  };
  g_autoptr (GArray) all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  g_array_append_vals (all, filter_entries, G_N_ELEMENTS (filter_entries));
  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    g_array_append_val (all, entries[i]);

  return (GOptionEntry *) (gpointer) g_array_free (g_steal_pointer (&all), FALSE);
}

/**
 * outlay_cli_filter_parse:
 *
 * Reads the filter's options, before the database is opened.
 */
gboolean
outlay_cli_filter_parse (OutlayCliFilter *filter,
                         GError         **error)
{
  if (!outlay_cli_parse_range (filter->from_text, filter->to_text, filter->month_text,
                               &filter->from, &filter->to, error))
    return FALSE;

  if (filter->search_text != NULL &&
      !(filter->search = outlay_cli_text (filter->search_text, "--search", error)))
    return FALSE;

  return TRUE;
}

/**
 * outlay_cli_filter_apply:
 *
 * Restricts @query to what @filter, read by outlay_cli_filter_parse(),
 * asks for; the categories are looked up in the open database.
 */
gboolean
outlay_cli_filter_apply (OutlayCli       *cli,
                         OutlayCliFilter *filter,
                         OutlayQuery     *query,
                         GError         **error)
{
  if (!outlay_cli_set_query_categories (cli, query, filter->category_names, error))
    return FALSE;

  outlay_query_set_date_range (query, filter->from, filter->to);
  outlay_query_set_text (query, filter->search);
  return TRUE;
}

/**
 * outlay_cli_same_file:
 *
 * Returns: whether @a and @b both exist and are the same file
 */
gboolean
outlay_cli_same_file (const char *a,
                      const char *b)
{
  GStatBuf st_a;
  GStatBuf st_b;

  return g_stat (a, &st_a) == 0 && g_stat (b, &st_b) == 0 &&
         st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

/**
 * outlay_cli_category_name:
 *
 * Returns: the name of the category, or of the fallback one when it is
 *   gone
 */
const char *
outlay_cli_category_name (OutlayCli *cli,
                          gint64     category_id)
{
  OutlayCategory *category = outlay_repository_lookup_category (cli->repository, category_id);

  if (category == NULL)
    category = outlay_repository_get_fallback_category (cli->repository);

  return category != NULL ? outlay_category_get_name (category) : "";
}

/* Running */

static int
exit_status (const GError *error)
{
  if (error->domain == G_OPTION_ERROR ||
      g_error_matches (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE))
    return OUTLAY_CLI_EXIT_USAGE;

  return OUTLAY_CLI_EXIT_FAILED;
}

/* One line on stderr, whatever the message holds. */
static void
print_error (OutlayCli    *cli,
             const GError *error)
{
  g_autofree char *message = g_strdup (error->message);

  g_strdelimit (message, "\r\n", ' ');

  if (exit_status (error) == OUTLAY_CLI_EXIT_USAGE && cli->command != NULL)
    {
      g_autofree char *hint = g_strdup_printf (_("See “outlay %s --help”."), cli->command);
      gboolean         ends_sentence = g_str_has_suffix (message, ".");

      fprintf (stderr, "outlay: %s%s %s\n", message, ends_sentence ? "" : ".", hint);
    }
  else
    fprintf (stderr, "outlay: %s\n", message);
}

static int
finish (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int errsv = errno;

      fprintf (stderr, "outlay: %s: %s\n", _("Could not write the output"), g_strerror (errsv));
      return status == 0 ? OUTLAY_CLI_EXIT_FAILED : status;
    }

  return status;
}

static void
clear_cli (OutlayCli *cli)
{
  g_clear_object (&cli->repository);
  g_clear_object (&cli->database);
  g_clear_pointer (&cli->database_path, g_free);
  g_clear_pointer (&cli->database_option, g_free);
  g_clear_pointer (&cli->timeout_option, g_free);
}

static int
run_command (OutlayCli     *cli,
             const Command *command,
             char         **args)
{
  g_autoptr (GError) error = NULL;

  cli->command = command->name;

  if (!command->run (cli, args, &error))
    {
      /* Whatever a read that met the damage made of it ("no such category"),
       * the person needs to hear that the ledger is damaged, and what to do. */
      if (!cli->accepts_damage && cli->database != NULL && outlay_database_is_damaged (cli->database) &&
          !g_error_matches (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_DAMAGED))
        {
          g_clear_error (&error);
          outlay_cli_set_damaged_error (cli, NULL, &error);
        }

      print_error (cli, error);
      return exit_status (error);
    }

  return cli->status;
}

static int
fail_unknown_command (OutlayCli  *cli,
                      const char *name)
{
  g_autofree char *utf8 = g_utf8_make_valid (name, -1);
  g_autoptr (GError) error = g_error_new (OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                                          _("“%s” is not a command; “outlay help” lists them."), utf8);

  print_error (cli, error);
  return OUTLAY_CLI_EXIT_USAGE;
}

static int
run (OutlayCli *cli,
     int        argc,
     char     **argv)
{
  const Command *command;
  const char    *name;
  int            i = 1;
  int            n;

  while (i < argc && (n = global_option_length (argc, argv, i)) > 0)
    {
      const char *value = n == 1 ? argv[i] + strlen ("--database=") : argv[i + 1];

      g_free (cli->database_path);
      cli->database_path = g_strdup (value);
      cli->database_explicit = TRUE;
      i += n;
    }

  if (i >= argc)
    {
      print_usage ();
      return OUTLAY_CLI_EXIT_USAGE;
    }

  name = argv[i];

  if (g_str_equal (name, "--version") || g_str_equal (name, "version"))
    {
      outlay_cli_print ("outlay %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_str_equal (name, "help") || g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    {
      const char *topic = i + 1 < argc ? argv[i + 1] : NULL;
      char       *help_args[] = { NULL, (char *) "--help", NULL };

      if (topic == NULL)
        {
          print_usage ();
          return 0;
        }

      if ((command = find_command (topic)) == NULL)
        return fail_unknown_command (cli, topic);

      help_args[0] = (char *) topic;
      return run_command (cli, command, help_args);
    }

  if ((command = find_command (name)) == NULL)
    return fail_unknown_command (cli, name);

  return run_command (cli, command, &argv[i]);
}

/**
 * outlay_cli_run:
 * @argv: the whole command line, the program first
 *
 * Runs one command. Output goes to stdout; a problem is one line on stderr
 * starting with "outlay: ".
 *
 * Returns: the exit status: 0, 1 when the command failed (nothing was
 *   changed), 2 when the command line was wrong (nothing was done)
 */
int
outlay_cli_run (int    argc,
                char **argv)
{
  OutlayCli cli = { 0 };
  int       status;

  g_return_val_if_fail (argc >= 1 && argv != NULL, OUTLAY_CLI_EXIT_USAGE);

  cli.timeout_ms = OUTLAY_DATABASE_BUSY_TIMEOUT_MS;

  g_set_prgname ("outlay");

  status = run (&cli, argc, argv);
  clear_cli (&cli);

  return finish (status);
}
