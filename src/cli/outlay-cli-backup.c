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

/* `outlay backup` and `outlay restore-backup`. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "outlay-cli-private.h"

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

gboolean
outlay_cli_backup (OutlayCli *cli,
                   char     **argv,
                   GError   **error)
{
  gboolean           force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_ ("Replace FILE when it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *destination = NULL;

  context = outlay_cli_context_new (cli, _ ("[FILE]"),
                                    _ ("Saves a consistent copy of the database with SQLite’s online backup, "
                                       "also while the window is open. Without FILE, or with a folder, the copy "
                                       "is named after the database and the time (UTC), such as "
                                       "outlay-20240305-101500.db, in the backups folder beside the database or "
                                       "in the folder given."),
                                    _ ("Examples:\n"
                                       "  outlay backup\n"
                                       "  outlay backup ~/Documents/expenses-2024.db\n"
                                       "  outlay backup /media/usb/\n"
                                       "\n"
                                       "With --json (size in bytes):\n"),
                                    "  { \"path\": \"/home/me/.local/share/outlay/backups/outlay-20240305-101500.db\", \"size\": 98304 }\n",
                                    entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 0, 1, NULL, error) ||
      !outlay_cli_open (cli, FALSE, error))
    return FALSE;

  if (args[1] == NULL)
    destination = outlay_database_build_backup_path (cli->database, NULL);
  else if (g_file_test (args[1], G_FILE_TEST_IS_DIR))
    destination = outlay_database_build_backup_path (cli->database, args[1]);
  else
    destination = g_strdup (args[1]);

  if (outlay_cli_same_file (destination, outlay_database_get_path (cli->database)))
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _ ("“%s” is the database itself; give another file."), destination);
      return FALSE;
    }

  if (!force && g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                   _ ("“%s” already exists; give another name, or --force to replace it."), destination);
      return FALSE;
    }

  if (!outlay_database_backup (cli->database, destination, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (OutlayJson) json = outlay_json_new ();

      outlay_json_begin_object (json);
      outlay_json_member (json, "path");
      outlay_json_string (json, destination);
      outlay_json_member (json, "size");
      outlay_json_int (json, file_size (destination));
      outlay_json_end_object (json);
      outlay_json_print (json);
    }
  else
    {
      g_autofree char *size = g_format_size ((guint64) MAX (file_size (destination), 0));

      outlay_cli_print (_ ("Saved a backup to “%s” (%s).\n"), destination, size);
    }

  return TRUE;
}

gboolean
outlay_cli_restore_backup (OutlayCli *cli,
                           char     **argv,
                           GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *safety = NULL;
  const char      *backup;
  const char      *path;
  gboolean         existed;

  context = outlay_cli_context_new (cli, _ ("FILE"),
                                    _ ("Replaces everything in the database with the content of a backup. FILE "
                                       "must be an Outlay database that passes SQLite’s integrity check; an older "
                                       "format is upgraded. The current state is first saved to the backups folder "
                                       "beside the database, so that a restore can be undone with another one. The "
                                       "content is replaced in one SQLite transaction, without renaming the file: "
                                       "it is safe while the window is open, which then shows the restored "
                                       "expenses, and a failure leaves the database as it was."),
                                    _ ("Examples:\n"
                                       "  outlay restore-backup ~/.local/share/outlay/backups/outlay-20240305-101500.db\n"
                                       "\n"
                                       "With --json; previous_state is null when there was no database before:\n"),
                                    "  {\n"
                                    "    \"restored_from\": \"/home/me/…/outlay-20240305-101500.db\",\n"
                                    "    \"database\": \"/home/me/.local/share/outlay/outlay.db\",\n"
                                    "    \"previous_state\": \"/home/me/…/backups/outlay-20240307-184210.db\"\n"
                                    "  }\n",
                                    NULL);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, 1, _ ("Give the backup file to restore."), error))
    return FALSE;

  backup = args[1];
  path = outlay_cli_get_database_path (cli);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  /* Before anything is opened or created. */
  if (!outlay_database_check_file (backup, error))
    return FALSE;

  if (existed && outlay_cli_same_file (backup, path))
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _ ("“%s” is the database itself; give a backup file."), backup);
      return FALSE;
    }

  if (!outlay_cli_open (cli, TRUE, error))
    return FALSE;

  if (existed)
    safety = outlay_database_build_backup_path (cli->database, NULL);

  if (!outlay_database_restore (cli->database, backup, safety, error))
    {
      /* Leave no new, empty database behind either. */
      if (!existed)
        outlay_cli_remove_database (cli);
      return FALSE;
    }

  if (cli->json)
    {
      g_autoptr (OutlayJson) json = outlay_json_new ();

      outlay_json_begin_object (json);
      outlay_json_member (json, "restored_from");
      outlay_json_string (json, backup);
      outlay_json_member (json, "database");
      outlay_json_string (json, path);
      outlay_json_member (json, "previous_state");
      outlay_json_string (json, safety);
      outlay_json_end_object (json);
      outlay_json_print (json);
    }
  else
    {
      outlay_cli_print (_ ("Restored “%s” from “%s”.\n"), path, backup);
      if (safety != NULL)
        {
          g_autofree char *prefix = outlay_cli_dup_command_prefix (cli);
          g_autofree char *quoted = g_shell_quote (safety);

          outlay_cli_print (_ ("The state before was saved; to go back to it: %s restore-backup %s\n"), prefix, quoted);
        }
    }

  return TRUE;
}
