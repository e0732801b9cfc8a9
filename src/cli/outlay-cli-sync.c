/* outlay-cli-sync.c
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

/* `outlay sync`: set up, run one round, show the status, leave. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-cli-private.h"
#include "outlay-sync.h"

static void
json_counts (JsonBuilder            *builder,
             const OutlaySyncCounts *counts)
{
  outlay_cli_json_add_int (builder, "written", counts->written);
  outlay_cli_json_add_int (builder, "applied", counts->applied);
  outlay_cli_json_add_int (builder, "skipped", counts->skipped);
  outlay_cli_json_add_int (builder, "pending", counts->pending);
  outlay_cli_json_add_int (builder, "held", counts->held);
  outlay_cli_json_add_int (builder, "torn", counts->torn);
  outlay_cli_json_add_int (builder, "devices", counts->devices);
}

static gboolean
print_status (OutlayCli *cli,
              GError   **error)
{
  g_autoptr (OutlaySyncStatus) status = outlay_sync_get_status (cli->repository, error);

  if (status == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_bool (builder, "syncing", status->folder != NULL);
      outlay_cli_json_add_string (builder, "folder", status->folder);
      outlay_cli_json_add_string (builder, "ledger", status->ledger);
      outlay_cli_json_add_string (builder, "last_sync", status->last_sync_at);
      outlay_cli_json_add_int (builder, "unsent", status->unsent);
      outlay_cli_json_add_int (builder, "pending", status->pending);
      outlay_cli_json_add_int (builder, "held", status->held);
      outlay_cli_json_begin_array (builder, "devices");
      for (guint i = 0; i < status->devices->len; i++)
        {
          OutlaySyncDevice *device = g_ptr_array_index (status->devices, i);

          outlay_cli_json_begin_object (builder, NULL);
          outlay_cli_json_add_string (builder, "id", device->id);
          outlay_cli_json_add_string (builder, "name", device->name);
          outlay_cli_json_add_bool (builder, "this_device", device->is_self);
          outlay_cli_json_add_string (builder, "last_seen", device->seen_at);
          outlay_cli_json_add_positive (builder, "schema_version", device->schema);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      outlay_cli_json_print (builder);
      return TRUE;
    }

  if (status->folder == NULL)
    {
      outlay_cli_print (_("This ledger does not sync. To sync it: outlay sync setup FOLDER\n"));
      return TRUE;
    }

  outlay_cli_print (_("Syncing through “%s” (ledger %s).\n"), status->folder, status->ledger);
  outlay_cli_print (_("Last sync: %s\n"), status->last_sync_at != NULL ? status->last_sync_at : _("never"));
  if (status->unsent > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u change of this device is not in the folder yet.\n",
                                   "%u changes of this device are not in the folder yet.\n", status->unsent),
                      status->unsent);
  if (status->pending > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                   "%u change of another device waits to be applied (%u with a clock ahead).\n",
                                   "%u changes of other devices wait to be applied (%u with a clock ahead).\n",
                                   status->pending),
                      status->pending, status->held);

  {
    g_autoptr (OutlayCliTable) table = outlay_cli_table_new (3);

    for (guint i = 0; i < status->devices->len; i++)
      {
        OutlaySyncDevice *device = g_ptr_array_index (status->devices, i);

        outlay_cli_table_add (table, device->name,
                              device->is_self ? _("this device") : "",
                              device->seen_at != NULL ? device->seen_at : _("not seen yet"), NULL);
      }
    outlay_cli_table_print (table, "");
  }

  return TRUE;
}

static gboolean
sync_setup (OutlayCli *cli,
            char     **argv,
            GError   **error)
{
  g_autofree char *name = NULL;
  g_autofree char *ledger = NULL;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("This device’s name, as the others show it"), N_("NAME") },
    { "ledger", 'l', 0, G_OPTION_ARG_STRING, &ledger,
      N_("The ledger to join when the folder holds several"), N_("UUID") },
    G_OPTION_ENTRY_NULL,
  };
  /* clang-format on */
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *folder = NULL;
  g_autofree char *utf8_name = NULL;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("FOLDER"),
    _("Syncs this ledger through FOLDER, a folder that another program keeps the same on each device (Syncthing, "
      "the Nextcloud client, a mounted WebDAV share, or a USB stick carried between them). Each device writes its "
      "changes only into its own folder inside, Outlay/LEDGER/DEVICE/, so no two write one file; the database "
      "itself never goes there, and a FOLDER that holds it is refused. When FOLDER already holds a ledger, this one "
      "joins it at the next sync: categories of the same name become one, and what this ledger has is added. Run "
      "“outlay sync” to sync."),
    _("Examples:\n"
      "  outlay sync setup ~/Sync --name Laptop\n"
      "  outlay sync setup /media/usb --ledger 0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\n"
      "\n"
      "With --json, the status, as “outlay sync status --json” prints it.\n"),
    NULL, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 1, 1, _("Give the folder to sync through."), error))
    return FALSE;

  folder = g_strdup (args[1]);
  if ((name != NULL && !(utf8_name = outlay_cli_text (name, "--name", error))) || !outlay_cli_open (cli, TRUE, error) ||
      !outlay_sync_setup (cli->repository, folder, utf8_name, ledger, error))
    return FALSE;

  if (!cli->json)
    outlay_cli_print (_("This ledger now syncs through “%s”. Run “outlay sync” to sync now.\n"), folder);

  return !cli->json || print_status (cli, error);
}

static gboolean
sync_status (OutlayCli *cli,
             char     **argv,
             GError   **error)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, NULL,
    _("Shows where this ledger syncs, when it last did, this device and the others that wrote to the folder (by when "
      "they last did), how many of this device’s changes are not in the folder yet, and how many of the others’ "
      "wait to be applied: changes of a newer Outlay’s tables or columns, of rows not here yet, or with a clock "
      "more than 5 minutes ahead of this device’s (held)."),
    _("With --json (times in UTC; folder, ledger and last_sync null when not syncing):\n"),
    "  { \"syncing\": true, \"folder\": \"/home/me/Sync\", \"ledger\": \"…\", "
    "\"last_sync\": \"2026-12-08T09:30:00Z\",\n"
    "    \"unsent\": 0, \"pending\": 0, \"held\": 0,\n"
    "    \"devices\": [ { \"id\": \"…\", \"name\": \"Laptop\", \"this_device\": true, "
    "\"last_seen\": \"…\", \"schema_version\": 9 } ] }\n",
    entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) || !outlay_cli_open (cli, FALSE, error))
    return FALSE;

  return print_status (cli, error);
}

static gboolean
sync_leave (OutlayCli *cli,
            char     **argv,
            GError   **error)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);

  context = outlay_cli_context_new (cli, NULL,
                                    _("Stops syncing this ledger. What this device wrote stays in the folder for the "
                                      "others; syncing again later goes on from where it stopped."),
                                    _("With --json: { \"syncing\": false, … } as “outlay sync status --json”.\n"),
                                    NULL, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) || !outlay_cli_open (cli, TRUE, error) ||
      !outlay_sync_leave (cli->repository, error))
    return FALSE;

  if (!cli->json)
    outlay_cli_print (_("This ledger no longer syncs.\n"));

  return !cli->json || print_status (cli, error);
}

static gboolean
sync_round (OutlayCli *cli,
            char     **argv,
            GError   **error)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  OutlaySyncCounts counts = { 0 };

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("[setup|status|leave]"),
    _("Syncs once: writes this device’s changes to the sync folder and applies the other devices’ changes that are "
      "newer than what this ledger has, cell by cell (the later change of a field wins, whichever device made it). "
      "A change of a newer Outlay’s table or column, or of a row not here yet, waits and is applied later; nothing "
      "is dropped. “outlay sync setup FOLDER” chooses the folder, “outlay sync status” shows the devices, "
      "“outlay sync leave” stops."),
    _("With --json (written: this device’s changes written to the folder; applied and skipped: the others’, "
      "skipped when older than what is here; pending: waiting, of them held: with a clock ahead; torn: lines "
      "not whole yet, read again next time; devices: the others in the folder):\n"),
    "  { \"written\": 3, \"applied\": 12, \"skipped\": 0, \"pending\": 0, \"held\": 0, \"torn\": 0, "
    "\"devices\": 1 }\n",
    entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) || !outlay_cli_open (cli, TRUE, error) ||
      !outlay_sync_run (cli->repository, &counts, NULL, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      outlay_cli_json_begin_object (builder, NULL);
      json_counts (builder, &counts);
      json_builder_end_object (builder);
      outlay_cli_json_print (builder);
      return TRUE;
    }

  /* Translators: what one sync did; the numbers are changes */
  outlay_cli_print (_("Wrote %u, applied %u, skipped %u older; %u waiting (%u held); %u other devices.\n"),
                    counts.written, counts.applied, counts.skipped, counts.pending, counts.held, counts.devices);
  if (counts.torn > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                   "%u file is not whole in the folder yet; it is read again next time.\n",
                                   "%u files are not whole in the folder yet; they are read again next time.\n",
                                   counts.torn),
                      counts.torn);
  return TRUE;
}

gboolean
outlay_cli_sync (OutlayCli *cli,
                 char     **argv,
                 GError   **error)
{
  static const OutlayCliSubcommand subcommands[] = {
    { "setup", "sync setup", sync_setup },
    { "status", "sync status", sync_status },
    { "leave", "sync leave", sync_leave },
  };
  gboolean handled;
  gboolean done;
  int      sub;

  done = outlay_cli_run_subcommand (cli, argv, subcommands, G_N_ELEMENTS (subcommands), &sub, &handled, error);
  if (handled)
    return done;
  if (sub < 0)
    return sync_round (cli, argv, error);

  {
    g_autofree char *utf8 = g_utf8_make_valid (argv[sub], -1);

    /* Translators: the words after “outlay sync” */
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE, _("“%s” is not one of setup, status or leave."),
                 utf8);
  }
  return FALSE;
}
