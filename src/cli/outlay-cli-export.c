/* outlay-cli-export.c
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

/* `outlay export`: the expenses as CSV for spreadsheets, or as Outlay's
 * own JSON, which `outlay import` reads back without losing anything. */

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "outlay-cli-private.h"
#include "outlay-export.h"

static gboolean
parse_format (const char *text,
              gboolean   *json,
              GError    **error)
{
  if (g_ascii_strcasecmp (text, "csv") == 0 || g_ascii_strcasecmp (text, "json") == 0)
    {
      *json = g_ascii_strcasecmp (text, "json") == 0;
      return TRUE;
    }

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
               _("--format “%s” is not one of csv or json."), text);
  return FALSE;
}

static gboolean
has_filter (const OutlayCliFilter *filter)
{
  return filter->from_text != NULL || filter->to_text != NULL || filter->month_text != NULL ||
         filter->category_names != NULL || filter->search_text != NULL;
}

static OutlayExportFormat
format_of (gboolean json)
{
  return json ? OUTLAY_EXPORT_FORMAT_JSON : OUTLAY_EXPORT_FORMAT_CSV;
}

static gboolean
export_to_file (OutlayCli         *cli,
                const char        *path,
                const OutlayQuery *query,
                gboolean           json,
                gboolean           include_deleted,
                guint             *n_written,
                GError           **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) local_error = NULL;

  if (outlay_export_to_file (cli->repository, format_of (json), query, include_deleted, file, NULL, n_written,
                             &local_error))
    return TRUE;

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
               _("Could not write “%s”: %s"), path, local_error->message);
  return FALSE;
}

static gboolean
export_to_stdout (OutlayCli         *cli,
                  const OutlayQuery *query,
                  gboolean           json,
                  gboolean           include_deleted,
                  GError           **error)
{
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GError) local_error = NULL;

  /* Nothing else goes to stdout, but what stdio holds goes first. */
  fflush (stdout);
  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  if (outlay_export_write (cli->repository, format_of (json), query, include_deleted, out, NULL, NULL, &local_error) &&
      g_output_stream_close (out, NULL, &local_error))
    return TRUE;

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
               _("Could not write the expenses: %s"), local_error->message);
  return FALSE;
}

gboolean
outlay_cli_export (OutlayCli *cli,
                   char     **argv,
                   GError   **error)
{
  g_auto (OutlayCliFilter) filter = { 0 };
  g_autofree char   *format_text = NULL;
  gboolean           include_deleted = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_FILENAME, &format_text,
      N_("csv (for spreadsheets) or json (everything, for another Outlay); default: from FILE’s extension, else csv"),
      N_("FORMAT") },
    { "include-deleted", 0, 0, G_OPTION_ARG_NONE, &include_deleted,
      N_("JSON of the whole ledger: the deleted expenses too, marked deleted"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autofree GOptionEntry *all_entries = outlay_cli_filter_add_entries (&filter, entries);
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayQuery) query = NULL;
  g_autofree char *lower = NULL;
  const char      *path = NULL;
  gboolean         json = FALSE;
  guint            n_written = 0;

  context = outlay_cli_context_new (cli, _("[FILE]"),
                                    _("Writes the expenses that match every filter given, oldest first, to FILE or, "
                                      "without FILE or with “-”, to stdout. CSV has a row of column names, then one "
                                      "row an expense: date, amount, currency, description, category, note (ISO days, "
                                      "amounts such as 1234.50, UTF-8). JSON is Outlay’s own file of the ledger: the "
                                      "categories with their colours and icons, and every expense with its UUID and "
                                      "timestamps; “outlay import” reads it back as it was. FILE is replaced only "
                                      "once it is complete."),
                                    _("Examples:\n"
                                      "  outlay export expenses.csv\n"
                                      "  outlay export --month 2024-03 --category Groceries march.csv\n"
                                      "  outlay export ledger.json --include-deleted\n"
                                      "  outlay export --format json | gzip > ledger.json.gz\n"
                                      "\n"
                                      "With --json, and a FILE, what was written:\n"),
                                    "  { \"path\": \"expenses.csv\", \"format\": \"csv\", \"count\": 42 }\n",
                                    all_entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 0, 1, NULL, error) ||
      (format_text != NULL && !parse_format (format_text, &json, error)))
    return FALSE;

  if (args[1] != NULL && !g_str_equal (args[1], "-"))
    path = args[1];

  if (format_text == NULL && path != NULL)
    {
      lower = g_ascii_strdown (path, -1);
      json = g_str_has_suffix (lower, ".json");
    }

  if (cli->json && path == NULL)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--json reports on the FILE written; to write the expenses as JSON, use --format json."));
      return FALSE;
    }

  if (include_deleted && !json)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--include-deleted needs JSON (--format json): CSV cannot mark an expense deleted."));
      return FALSE;
    }

  if (include_deleted && has_filter (&filter))
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--include-deleted exports the whole ledger; it cannot be combined with --from, "
                             "--to, --month, --category or --search."));
      return FALSE;
    }

  if (!outlay_cli_filter_parse (&filter, error) ||
      !outlay_cli_open (cli, FALSE, error))
    return FALSE;

  if (path != NULL && outlay_cli_same_file (path, outlay_database_get_path (cli->database)))
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("“%s” is the database itself; give another file."), path);
      return FALSE;
    }

  /* Without a filter the store writes the whole ledger in its own order,
   * so that two exports of the same data are the same bytes. */
  if (has_filter (&filter))
    {
      query = outlay_query_new ();
      if (!outlay_cli_filter_apply (cli, &filter, query, error))
        return FALSE;
      outlay_query_set_sort (query, OUTLAY_SORT_DATE, FALSE);
    }

  if (path == NULL)
    return export_to_stdout (cli, query, json, include_deleted, error);

  if (!export_to_file (cli, path, query, json, include_deleted, &n_written, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) report = json_builder_new ();

      outlay_cli_json_begin_object (report, NULL);
      outlay_cli_json_add_string (report, "path", path);
      outlay_cli_json_add_string (report, "format", json ? "json" : "csv");
      outlay_cli_json_add_int (report, "count", n_written);
      json_builder_end_object (report);
      outlay_cli_json_print (report);
    }
  else
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u expense to “%s”.\n",
                                   "Exported %u expenses to “%s”.\n", n_written),
                      n_written, path);

  return TRUE;
}
