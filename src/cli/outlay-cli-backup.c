/* outlay-cli-backup.c
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

/* `outlay backup`, `outlay restore` of a backup, `outlay restore-backup`
 * and `outlay check`: what keeps the ledger safe, and what every command
 * says of a damaged one. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "outlay-cli-private.h"

#define DEFAULT_BACKUP_COUNT 10

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

/* How many backups to keep: the window's setting when its schema is
 * installed, as GSettings would abort without it. */
static guint
backup_count (void)
{
  g_autoptr (GSettings) settings = outlay_cli_new_settings ("backup-count");

  return settings != NULL ? MAX (g_settings_get_uint (settings, "backup-count"), 1) : DEFAULT_BACKUP_COUNT;
}

/* Deletes the backups beyond the number to keep, after a command made one;
 * failing to delete an old one is no reason for the command to fail. */
void
outlay_cli_prune_backups (OutlayCli *cli)
{
  g_autoptr (OutlayBackups) backups = outlay_backups_new (cli->database);
  g_autoptr (GError) error = NULL;

  if (!outlay_backups_prune (backups, backup_count (), &error))
    g_printerr ("%s\n", error->message);
}

/* When a backup was made, in local time, as people read it. */
static char *
format_created (OutlayBackupInfo *info)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (info->created);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
state_get_label (OutlayBackupState state)
{
  switch (state)
    {
    case OUTLAY_BACKUP_STATE_VERIFIED:
      /* Translators: a backup passed SQLite's integrity check when it was made */
      return _("Verified");
    case OUTLAY_BACKUP_STATE_DAMAGED:
      /* Translators: a backup failed SQLite's integrity check: a damaged file, kept apart */
      return _("Damaged");
    case OUTLAY_BACKUP_STATE_UNVERIFIED:
    default:
      /* Translators: a backup made before Outlay checked its backups */
      return _("Not verified");
    }
}

/* A backup as `backup --list --json` prints it; @name is its member's
 * name, or %NULL in an array. */
static void
json_backup (JsonBuilder      *builder,
             const char       *name,
             OutlayBackupInfo *info)
{
  g_autofree char *created = g_date_time_format_iso8601 (info->created);

  outlay_cli_json_begin_object (builder, name);
  outlay_cli_json_add_string (builder, "path", info->path);
  outlay_cli_json_add_string (builder, "created", created);
  outlay_cli_json_add_string (builder, "reason", outlay_backup_reason_to_string (info->reason));
  outlay_cli_json_add_string (builder, "state", outlay_backup_state_to_string (info->state));
  if (info->state == OUTLAY_BACKUP_STATE_VERIFIED)
    outlay_cli_json_add_int (builder, "expenses", info->expenses);
  else
    outlay_cli_json_add_null (builder, "expenses");
  outlay_cli_json_add_positive (builder, "schema_version", info->schema_version);
  outlay_cli_json_add_int (builder, "size", info->size);
  json_builder_end_object (builder);
}

static void
print_backup_list (OutlayCli     *cli,
                   OutlayBackups *backups_folder,
                   GPtrArray     *backups)
{
  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      outlay_cli_json_begin_array (builder, NULL);
      for (guint i = 0; i < backups->len; i++)
        json_backup (builder, NULL, g_ptr_array_index (backups, i));
      json_builder_end_array (builder);
      outlay_cli_json_print (builder);
      return;
    }

  if (backups->len == 0)
    {
      g_autofree char *folder = outlay_backups_get_folder (backups_folder);

      outlay_cli_print (_("There are no backups in “%s” yet.\n"), folder);
      return;
    }

  {
    g_autoptr (OutlayCliTable) table = outlay_cli_table_new (7);

    outlay_cli_table_align_right (table, 3);
    outlay_cli_table_align_right (table, 5);
    for (guint i = 0; i < backups->len; i++)
      {
        OutlayBackupInfo *info = g_ptr_array_index (backups, i);
        g_autofree char  *date = format_created (info);
        g_autofree char  *size = g_format_size ((guint64) info->size);
        g_autofree char  *expenses = NULL;
        g_autofree char  *format = NULL;

        /* Only a verified backup recorded how many it holds. */
        if (info->state == OUTLAY_BACKUP_STATE_VERIFIED)
          expenses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expense", "%u expenses", info->expenses),
                                      info->expenses);
        if (info->schema_version > 0)
          /* Translators: the data format of a backup, as in “data format 3” */
          format = g_strdup_printf (_("data format %u"), info->schema_version);

        outlay_cli_table_add (table, date, outlay_backup_reason_get_label (info->reason),
                              state_get_label (info->state), expenses != NULL ? expenses : "",
                              format != NULL ? format : "", size, info->path, NULL);
      }
    outlay_cli_table_print (table, "");
  }
}

/* The backups of the open ledger, or of its path when it does not open. */
static OutlayBackups *
new_backups (OutlayCli *cli)
{
  if (cli->database != NULL)
    return outlay_backups_new (cli->database);

  return outlay_backups_new_for_path (outlay_cli_get_database_path (cli));
}

/* Opens the ledger, damaged or not; one that does not open at all is no
 * error (cli->database stays %NULL). */
static gboolean
open_even_unopenable (OutlayCli *cli,
                      GError   **error)
{
  g_autoptr (GError) local_error = NULL;

  if (outlay_cli_open_any (cli, FALSE, &local_error) ||
      g_error_matches (local_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
outlay_cli_backup (OutlayCli *cli,
                   char     **argv,
                   GError   **error)
{
  gboolean           force = FALSE;
  gboolean           list = FALSE;
  const GOptionEntry entries[] = {
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list,
      N_("List the backups in the backups folder, newest first"), NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE when it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (OutlayBackups) backups_folder = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *destination = NULL;

  context =
    outlay_cli_context_new (cli, _("[FILE]"),
                            _("Saves a consistent copy of the database with SQLite’s online backup, "
                              "also while the window is open. Without FILE the copy goes to the backups "
                              "folder beside the database, named after the database, the time (UTC) and "
                              "the reason, such as outlay-20240305-101500-manual.db, and only the newest "
                              "backups are kept there (as many as Preferences says, 10 by default). "
                              "With a folder, the copy is named after the database and the time in it; "
                              "a FILE is written as given; a damaged database is not copied. --list shows "
                              "the backups in the backups folder, with the date, why it was made, whether "
                              "it passed the integrity check when it was made (and then how many expenses "
                              "it holds), its data format, its size and its path; it works on a damaged "
                              "database too."),
                            _("Examples:\n"
                              "  outlay backup\n"
                              "  outlay backup ~/Documents/expenses-2024.db\n"
                              "  outlay backup /media/usb/\n"
                              "  outlay backup --list\n"
                              "\n"
                              "With --json (size in bytes; with --list an array of such objects, "
                              "with created in UTC, reason one of manual, daily, migration, import, "
                              "restore, state one of verified, unverified, damaged, and expenses null "
                              "unless verified, schema_version null when it cannot be read):\n"),
                            "  { \"path\": \"/home/me/.local/share/outlay/backups/outlay-20240305-101500-manual.db\", "
                            "\"size\": 98304 }\n"
                            "  [ { \"path\": \"…\", \"created\": \"2024-03-05T10:15:00Z\", \"reason\": \"manual\", "
                            "\"state\": \"verified\",\n"
                            "      \"expenses\": 1234, \"schema_version\": 4, \"size\": 98304 } ]\n",
                            entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 0, list ? 0 : 1, NULL, error))
    return FALSE;

  if (list)
    {
      g_autoptr (GPtrArray) backups = NULL;

      /* The list is what a damaged ledger needs most. */
      cli->accepts_damage = TRUE;
      if (!open_even_unopenable (cli, error))
        return FALSE;

      backups_folder = new_backups (cli);
      backups = outlay_backups_list (backups_folder, error);
      if (backups == NULL)
        return FALSE;
      print_backup_list (cli, backups_folder, backups);
      return TRUE;
    }

  if (!outlay_cli_open (cli, FALSE, error))
    return FALSE;

  backups_folder = outlay_backups_new (cli->database);

  if (args[1] == NULL)
    {
      destination = outlay_backups_create (backups_folder, OUTLAY_BACKUP_REASON_MANUAL, error);
      if (destination == NULL)
        return FALSE;
      outlay_cli_prune_backups (cli);
    }
  else
    {
      if (g_file_test (args[1], G_FILE_TEST_IS_DIR))
        destination = outlay_backups_build_path (backups_folder, args[1]);
      else
        destination = g_strdup (args[1]);

      if (outlay_cli_same_file (destination, outlay_database_get_path (cli->database)))
        {
          g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                       _("“%s” is the database itself; give another file."), destination);
          return FALSE;
        }

      if (!force && g_file_test (destination, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                       _("“%s” already exists; give another name, or --force to replace it."), destination);
          return FALSE;
        }

      if (!outlay_database_backup (cli->database, destination, error))
        return FALSE;
    }

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "path", destination);
      outlay_cli_json_add_int (builder, "size", file_size (destination));
      json_builder_end_object (builder);
      outlay_cli_json_print (builder);
    }
  else
    {
      g_autofree char *size = g_format_size ((guint64) MAX (file_size (destination), 0));

      outlay_cli_print (_("Saved a backup to “%s” (%s).\n"), destination, size);
    }

  return TRUE;
}

/* A backup given by its path, or by its name in the backups folder (with
 * or without .db), as `outlay backup --list` shows it. */
static char *
find_backup (OutlayCli  *cli,
             const char *text,
             gboolean    database_exists,
             GError    **error)
{
  g_autoptr (OutlayBackups) backups_folder = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *with_suffix = g_strconcat (text, ".db", NULL);

  if (strchr (text, G_DIR_SEPARATOR) != NULL || g_file_test (text, G_FILE_TEST_EXISTS))
    return g_strdup (text);

  /* By the path alone: the ledger may be too damaged to open. */
  if (database_exists)
    {
      backups_folder = outlay_backups_new_for_path (outlay_cli_get_database_path (cli));
      backups = outlay_backups_list (backups_folder, error);
      if (backups == NULL)
        return NULL;

      for (guint i = 0; i < backups->len; i++)
        {
          OutlayBackupInfo *info = g_ptr_array_index (backups, i);
          g_autofree char  *name = g_path_get_basename (info->path);

          if (g_str_equal (name, text) || g_str_equal (name, with_suffix))
            return g_strdup (info->path);
        }
    }

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
               _("There is no file or backup named “%s”; “outlay backup --list” shows the backups."), text);
  return NULL;
}

/* Brings back @backup in place of the ledger; @safety is then where the
 * state before went, and @damaged whether it was damaged. */
static gboolean
replace_ledger (OutlayCli  *cli,
                const char *backup,
                gboolean    existed,
                char      **safety,
                gboolean   *damaged,
                GError    **error)
{
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (GError) open_error = NULL;

  if (!outlay_cli_open_any (cli, TRUE, &open_error))
    {
      if (!existed || !g_error_matches (open_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE))
        {
          g_propagate_error (error, g_steal_pointer (&open_error));
          return FALSE;
        }

      /* Too damaged to open, so no restore can write into it: the backup
       * takes the file's place, and the file is kept apart. */
      backups = outlay_backups_new_for_path (outlay_cli_get_database_path (cli));
      *damaged = TRUE;
      return outlay_backups_replace_damaged (backups, backup, safety, error);
    }

  if (!existed)
    {
      if (outlay_database_restore (cli->database, backup, NULL, error))
        return TRUE;

      /* Leave no new, empty database behind either. */
      outlay_cli_remove_database (cli);
      return FALSE;
    }

  *damaged = outlay_database_is_damaged (cli->database);
  backups = outlay_backups_new (cli->database);
  if (!outlay_backups_restore (backups, backup, safety, error))
    return FALSE;

  outlay_cli_prune_backups (cli);
  return TRUE;
}

static gboolean
restore_backup (OutlayCli  *cli,
                char      **argv,
                const char *parameters,
                const char *summary,
                const char *examples,
                const char *missing,
                GError    **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *safety = NULL;
  g_autofree char *backup = NULL;
  const char      *path;
  gboolean         existed;
  gboolean         damaged = FALSE;

  context = outlay_cli_context_new (cli, parameters, summary, examples,
                                    "  {\n"
                                    "    \"restored_from\": \"/home/me/…/outlay-20240305-101500-daily.db\",\n"
                                    "    \"database\": \"/home/me/.local/share/outlay/outlay.db\",\n"
                                    "    \"previous_state\": \"/home/me/…/outlay-20240307-184210-restore.db\",\n"
                                    "    \"previous_state_damaged\": false\n"
                                    "  }\n",
                                    NULL);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, 1, missing, error))
    return FALSE;

  /* Bringing back a backup is what a damaged ledger needs. */
  cli->accepts_damage = TRUE;
  path = outlay_cli_get_database_path (cli);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  /* Before anything is created. */
  backup = find_backup (cli, args[1], existed, error);
  if (backup == NULL || !outlay_database_check_file (backup, error))
    return FALSE;

  if (existed && outlay_cli_same_file (backup, path))
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("“%s” is the database itself; give a backup file."), backup);
      return FALSE;
    }

  if (!replace_ledger (cli, backup, existed, &safety, &damaged, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "restored_from", backup);
      outlay_cli_json_add_string (builder, "database", path);
      outlay_cli_json_add_string (builder, "previous_state", safety);
      outlay_cli_json_add_bool (builder, "previous_state_damaged", damaged);
      json_builder_end_object (builder);
      outlay_cli_json_print (builder);
    }
  else
    {
      outlay_cli_print (_("Restored “%s” from “%s”.\n"), path, backup);
      if (damaged && safety != NULL)
        outlay_cli_print (_("The damaged database was kept apart as “%s”.\n"), safety);
      else if (safety != NULL)
        {
          g_autofree char *prefix = outlay_cli_dup_command_prefix (cli);
          g_autofree char *quoted = g_shell_quote (safety);

          outlay_cli_print (_("The state before was saved; to go back to it: %s restore %s\n"), prefix, quoted);
        }
    }

  return TRUE;
}

#define RESTORE_SUMMARY                                                                                           \
  N_("Replaces everything in the database with the content of a backup. The backup must be an Outlay "           \
     "database that passes SQLite’s integrity check; an older format is upgraded. The current state is first " \
     "saved to the backups folder beside the database, so that a restore can be undone with another one. The "   \
     "content is replaced in one SQLite transaction, without renaming the file: it is safe while the window is " \
     "open, which then shows the restored expenses, and a failure leaves the database as it was.")

gboolean
outlay_cli_restore_backup (OutlayCli *cli,
                           char     **argv,
                           GError   **error)
{
  return restore_backup (cli, argv, _("FILE"),
                         _(RESTORE_SUMMARY),
                         _("The same as “outlay restore FILE”.\n"
                           "\n"
                           "Examples:\n"
                           "  outlay restore-backup ~/.local/share/outlay/backups/outlay-20240305-101500-daily.db\n"
                           "\n"
                           "With --json; previous_state is null when there was no database before:\n"),
                         _("Give the backup file to restore."),
                         error);
}

/**
 * outlay_cli_restore_any:
 *
 * `outlay restore`: a number or a UUID is an expense to bring back; any
 * other argument is a backup, a file or the name of one in the backups
 * folder.
 */
gboolean
outlay_cli_restore_any (OutlayCli *cli,
                        char     **argv,
                        GError   **error)
{
  int argument = outlay_cli_find_argument (argv);

  if (argument >= 0 && outlay_cli_is_expense_reference (argv[argument]))
    return outlay_cli_restore (cli, argv, error);

  return restore_backup (cli, argv, _("ID|UUID|BACKUP"),
                         _("Brings back a deleted expense, given by its number or its UUID, or a whole backup, "
                           "given by its file or its name in “outlay backup --list”. An argument of digits "
                           "only, or a UUID, is always an expense: to restore a file with such a name, write "
                           "it as a path, such as ./12.\n"
                           "\n"
                           "A backup replaces everything in the database; the current state is first saved "
                           "to the backups folder, so that the restore can be undone with another one. It is "
                           "safe while the window is open, and a failure leaves the database as it was. A "
                           "damaged database, even one that does not open, is replaced the same way and kept "
                           "apart in the backups folder (“outlay check” names the backup to bring back)."),
                         _("Examples:\n"
                           "  outlay restore 12\n"
                           "  outlay restore outlay-20240305-101500-daily.db\n"
                           "  outlay restore ~/Documents/expenses-2024.db\n"
                           "\n"
                           "With --json, an expense’s restore prints the expense (see “outlay show --help”); "
                           "a backup’s, this (previous_state is null when there was no database before):\n"),
                         _("Give the number or the UUID of a deleted expense, or the backup to restore."),
                         error);
}

/* Damage */

/* A backup's name as `outlay restore` takes it, quoted for the shell only
 * when it has to be. */
static char *
dup_restore_argument (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.+,:@%=", *p) == NULL)
      return g_shell_quote (name);

  return g_steal_pointer (&name);
}

/* @listed: (out): whether the backups folder could be read */
static OutlayBackupInfo *
find_newest_good (OutlayCli *cli,
                  gboolean  *listed)
{
  g_autoptr (OutlayBackups) backups = outlay_backups_new_for_path (outlay_cli_get_database_path (cli));
  g_autoptr (GError) error = NULL;
  OutlayBackupInfo *info = outlay_backups_find_newest_good (backups, &error);

  *listed = error == NULL;
  return info;
}

/**
 * outlay_cli_set_damaged_error:
 * @open_error: (nullable): why the ledger does not open at all, or %NULL
 *   when it opened and is damaged
 *
 * Sets the one line every command but `check`, `backup --list` and the
 * restore of a backup ends with on a damaged ledger: that nothing was
 * changed, that `outlay check` says what is wrong, and the command that
 * brings back the newest good backup, with its date and expense count.
 */
void
outlay_cli_set_damaged_error (OutlayCli    *cli,
                              const GError *open_error,
                              GError      **error)
{
  g_autoptr (OutlayBackupInfo) backup = NULL;
  g_autofree char *prefix = outlay_cli_dup_command_prefix (cli);
  g_autofree char *state = NULL;
  g_autofree char *hint = NULL;
  gboolean         listed = FALSE;

  if (open_error != NULL)
    state = g_strdup_printf ("%s %s", open_error->message, _("Nothing was changed."));
  else
    state = g_strdup_printf (_("The database “%s” is damaged, so nothing was changed."),
                             outlay_cli_get_database_path (cli));

  backup = find_newest_good (cli, &listed);
  if (backup != NULL)
    {
      g_autofree char *name = dup_restore_argument (backup->path);
      g_autofree char *created = format_created (backup);

      if (backup->state == OUTLAY_BACKUP_STATE_VERIFIED)
        hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: the first two %s are how to run outlay on this
                                              * database ("outlay", or "outlay --database FILE"), then come
                                              * the backup's name and when it was made (local date and time) */
                                             "“%s check” says what is wrong, and “%s restore %s” brings back the "
                                             "newest good backup, made %s with %u expense.",
                                             "“%s check” says what is wrong, and “%s restore %s” brings back the "
                                             "newest good backup, made %s with %u expenses.",
                                             backup->expenses),
                                prefix, prefix, name, created, backup->expenses);
      else
        /* Translators: as above, for a backup made before Outlay checked its backups */
        hint = g_strdup_printf (_("“%s check” says what is wrong, and “%s restore %s” brings back the newest "
                                  "backup, made %s, before backups were checked."),
                                prefix, prefix, name, created);
    }
  else if (listed)
    hint = g_strdup_printf (_("“%s check” says what is wrong; there is no backup to bring back."), prefix);
  else
    hint = g_strdup_printf (_("“%s check” says what is wrong."), prefix);

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_DAMAGED, "%s %s", state, hint);
}

/* What `check` found. */
typedef struct
{
  gboolean          damaged;
  GPtrArray        *problems;       /* of lines */
  guint             schema_version; /* 0 when it cannot be read */
  gboolean          counted;
  guint             expenses;
  gboolean          listed;
  OutlayBackupInfo *backup; /* the newest good one */
} Check;

static void
check_clear (Check *check)
{
  g_clear_pointer (&check->problems, g_ptr_array_unref);
  g_clear_pointer (&check->backup, outlay_backup_info_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

/* SQLite's report, a line each, without the heading it puts before the
 * problems of each database ("*** in database main ***"). */
static void
add_problem (Check      *check,
             const char *problem)
{
  g_auto (GStrv) lines = g_strsplit (problem, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], "*** in database "))
        g_ptr_array_add (check->problems, g_strdup (lines[i]));
    }
}

/* Opens the ledger, damaged or not, and runs SQLite's integrity check
 * over the whole of it. */
static gboolean
run_check (OutlayCli *cli,
           Check     *check,
           GError   **error)
{
  g_autoptr (GError) open_error = NULL;
  g_autoptr (GError) count_error = NULL;
  g_autoptr (OutlayQuery) query = NULL;
  g_auto (GStrv) problems = NULL;

  check->problems = g_ptr_array_new_with_free_func (g_free);

  if (!outlay_cli_open_any (cli, FALSE, &open_error))
    {
      if (!g_error_matches (open_error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE))
        {
          g_propagate_error (error, g_steal_pointer (&open_error));
          return FALSE;
        }

      check->damaged = TRUE;
      add_problem (check, open_error->message);
      return TRUE;
    }

  if (!outlay_database_check (cli->database, TRUE, NULL, &problems, error))
    return FALSE;

  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
    add_problem (check, problems[i]);
  check->schema_version = outlay_database_get_schema_version (cli->database);

  /* What can still be read of a damaged file. */
  query = outlay_query_new ();
  check->counted = outlay_repository_count_expenses (cli->repository, query, &check->expenses, &count_error);
  check->damaged = outlay_database_is_damaged (cli->database);
  if (!check->counted && !check->damaged)
    {
      g_propagate_error (error, g_steal_pointer (&count_error));
      return FALSE;
    }

  return TRUE;
}

static void
print_check_json (OutlayCli *cli,
                  Check     *check)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_add_string (builder, "path", outlay_cli_get_database_path (cli));
  outlay_cli_json_add_bool (builder, "damaged", check->damaged);
  outlay_cli_json_begin_array (builder, "problems");
  for (guint i = 0; i < check->problems->len; i++)
    outlay_cli_json_add_string (builder, NULL, g_ptr_array_index (check->problems, i));
  json_builder_end_array (builder);
  outlay_cli_json_add_positive (builder, "schema_version", check->schema_version);
  if (check->counted)
    outlay_cli_json_add_int (builder, "expenses", check->expenses);
  else
    outlay_cli_json_add_null (builder, "expenses");
  if (check->backup != NULL)
    json_backup (builder, "newest_good_backup", check->backup);
  else
    outlay_cli_json_add_null (builder, "newest_good_backup");
  json_builder_end_object (builder);
  outlay_cli_json_print (builder);
}

/* Enough of SQLite's report to see what is wrong; --json has all of it. */
#define PROBLEMS_SHOWN 10

static void
print_check_text (OutlayCli *cli,
                  Check     *check)
{
  const char      *path = outlay_cli_get_database_path (cli);
  g_autofree char *prefix = outlay_cli_dup_command_prefix (cli);
  guint            shown = MIN (check->problems->len, PROBLEMS_SHOWN);

  if (!check->damaged)
    {
      outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "The database “%s” is sound: %u expense, data format %u.\n",
                                     "The database “%s” is sound: %u expenses, data format %u.\n", check->expenses),
                        path, check->expenses, check->schema_version);
      return;
    }

  if (cli->database == NULL)
    outlay_cli_print (_("The database “%s” does not open:\n"), path);
  else
    outlay_cli_print (_("The database “%s” is damaged; SQLite’s integrity check found:\n"), path);

  for (guint i = 0; i < shown; i++)
    outlay_cli_print ("  %s\n", (const char *) g_ptr_array_index (check->problems, i));
  if (check->problems->len > shown)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "  and %u more problem\n", "  and %u more problems\n",
                                   check->problems->len - shown),
                      check->problems->len - shown);

  if (check->backup != NULL)
    {
      g_autofree char *name = dup_restore_argument (check->backup->path);
      g_autofree char *created = format_created (check->backup);
      const char      *reason = outlay_backup_reason_get_label (check->backup->reason);

      if (check->backup->state == OUTLAY_BACKUP_STATE_VERIFIED)
        outlay_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the first %s is when the backup was made (local date
                                        * and time), the second why (“Daily”, “Before an import”, …) */
                                       "The newest good backup was made %s (%s) and holds %u expense; "
                                       "to bring it back:\n",
                                       "The newest good backup was made %s (%s) and holds %u expenses; "
                                       "to bring it back:\n",
                                       check->backup->expenses),
                          created, reason, check->backup->expenses);
      else
        outlay_cli_print (_("The newest backup was made %s (%s), before backups were checked; "
                            "to bring it back:\n"),
                          created, reason);
      outlay_cli_print ("  %s restore %s\n", prefix, name);
    }
  else if (check->listed)
    {
      g_autoptr (OutlayBackups) backups = outlay_backups_new_for_path (path);
      g_autofree char *folder = outlay_backups_get_folder (backups);

      outlay_cli_print (_("There is no backup of it in “%s”.\n"), folder);
    }
}

gboolean
outlay_cli_check (OutlayCli *cli,
                  char     **argv,
                  GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_auto (Check) check = { 0 };

  context =
    outlay_cli_context_new (cli, NULL,
                            _("Runs SQLite’s integrity check over the whole database, also while the window "
                              "is open, and says whether it is sound. When it is damaged, or does not open "
                              "at all, it lists what is wrong, names the newest backup that passed the check "
                              "when it was made, and prints the command that brings it back; it then exits "
                              "with 1. Every command except “backup --list” and the restore of a backup "
                              "refuses a damaged database, with one line that says so."),
                            _("Examples:\n"
                              "  outlay check\n"
                              "  outlay check --database ~/Documents/expenses-2024.db\n"
                              "\n"
                              "With --json, one object; problems is empty and damaged false when the "
                              "database is sound, schema_version and expenses are null when they cannot "
                              "be read, and newest_good_backup is as in “outlay backup --list --json”, "
                              "or null when there is none:\n"),
                            "  {\n"
                            "    \"path\": \"/home/me/.local/share/outlay/outlay.db\",\n"
                            "    \"damaged\": true,\n"
                            "    \"problems\": [ \"Page 3: btreeInitPage() returns error code 11\" ],\n"
                            "    \"schema_version\": 4,\n"
                            "    \"expenses\": 1234,\n"
                            "    \"newest_good_backup\": { \"path\": \"…/backups/outlay-20240305-101500-daily.db\",\n"
                            "      \"created\": \"2024-03-05T10:15:00Z\", \"reason\": \"daily\", "
                            "\"state\": \"verified\",\n"
                            "      \"expenses\": 1230, \"schema_version\": 4, \"size\": 98304 }\n"
                            "  }\n",
                            NULL);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error))
    return FALSE;

  cli->accepts_damage = TRUE;
  if (!run_check (cli, &check, error))
    return FALSE;

  check.backup = find_newest_good (cli, &check.listed);

  if (cli->json)
    print_check_json (cli, &check);
  else
    print_check_text (cli, &check);

  if (check.damaged)
    cli->status = OUTLAY_CLI_EXIT_FAILED;

  return TRUE;
}
