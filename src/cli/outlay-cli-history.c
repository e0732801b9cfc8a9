/* outlay-cli-history.c: the history of every change
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

/* `outlay history [ID|UUID]`: every change of the ledger, newest first, in
 * words. The store reads the journal and names what it needs; the words
 * are the window's (outlay-format-history.c). */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-cli-private.h"
#include "outlay-format-history.h"
#include "outlay-number.h"
#include "outlay-uuid.h"

/* Entries read at a time: the journal is read in pages, never whole. */
#define PAGE 100

#define HISTORY_JSON_HELP                                                                      \
  "  {\n"                                                                                      \
  "    \"seq\": 42,\n"                                                                         \
  "    \"kind\": \"expenses\",\n"                                                              \
  "    \"table\": \"expenses\",\n"                                                             \
  "    \"uuid\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\n"                                  \
  "    \"label\": \"Lunch\",\n"                                                                \
  "    \"change\": \"changed\",\n"                                                             \
  "    \"field\": \"amount\",\n"                                                               \
  "    \"before\": 1250,\n"                                                                    \
  "    \"after\": 1500,\n"                                                                     \
  "    \"before_text\": \"$12.50\",\n"                                                         \
  "    \"after_text\": \"$15.00\",\n"                                                          \
  "    \"currency\": \"USD\",\n"                                                               \
  "    \"before_currency\": \"USD\",\n"                                                        \
  "    \"changed_at\": \"2026-05-14T16:02:11.250Z\",\n"                                        \
  "    \"device\": null,\n"                                                                    \
  "    \"device_name\": \"This Device\",\n"                                                    \
  "    \"undoable\": true,\n"                                                                  \
  "    \"text\": \"Expense “Lunch”: Amount $12.50 → $15.00 on This Device, yesterday 18:02\"\n" \
  "  }\n"

static const char *const change_names[] = {
  [OUTLAY_HISTORY_ADDED] = "added",
  [OUTLAY_HISTORY_CHANGED] = "changed",
  [OUTLAY_HISTORY_DELETED] = "deleted",
  [OUTLAY_HISTORY_RESTORED] = "restored",
  [OUTLAY_HISTORY_REMOVED] = "removed",
};

static void
json_value (JsonBuilder *builder,
            const char  *name,
            GVariant    *value)
{
  if (value == NULL)
    outlay_cli_json_add_null (builder, name);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    outlay_cli_json_add_int (builder, name, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_double_value (builder, g_variant_get_double (value));
    }
  else
    outlay_cli_json_add_string (builder, name, g_variant_get_string (value, NULL));
}

static void
json_entry (JsonBuilder        *builder,
            OutlayHistoryEntry *entry,
            GDateTime          *now)
{
  OutlayHistoryChange change = outlay_history_entry_get_change (entry);
  gboolean            cell = change != OUTLAY_HISTORY_ADDED && change != OUTLAY_HISTORY_REMOVED;
  g_autofree char    *device_name = outlay_format_history_device (entry);
  g_autofree char    *text = outlay_format_history_line (entry, now);

  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_add_int (builder, "seq", outlay_history_entry_get_seq (entry));
  outlay_cli_json_add_string (builder, "kind", outlay_history_kind_to_string (outlay_history_entry_get_kind (entry)));
  outlay_cli_json_add_string (builder, "table", outlay_history_entry_get_table (entry));
  outlay_cli_json_add_string (builder, "uuid", outlay_history_entry_get_row_uuid (entry));
  outlay_cli_json_add_string (builder, "label", outlay_history_entry_get_label (entry));
  outlay_cli_json_add_string (builder, "change", change_names[change]);
  if (cell)
    {
      g_autofree char *before = outlay_format_history_value (entry, TRUE);
      g_autofree char *after = outlay_format_history_value (entry, FALSE);

      outlay_cli_json_add_string (builder, "field", outlay_history_entry_get_column (entry));
      json_value (builder, "before", outlay_history_entry_get_old_value (entry));
      json_value (builder, "after", outlay_history_entry_get_value (entry));
      outlay_cli_json_add_string (builder, "before_text", before);
      outlay_cli_json_add_string (builder, "after_text", after);
    }
  else
    {
      outlay_cli_json_add_null (builder, "field");
      outlay_cli_json_add_null (builder, "before");
      outlay_cli_json_add_null (builder, "after");
      outlay_cli_json_add_null (builder, "before_text");
      outlay_cli_json_add_null (builder, "after_text");
    }
  outlay_cli_json_add_string (builder, "currency", outlay_history_entry_get_currency (entry));
  outlay_cli_json_add_string (builder, "before_currency", outlay_history_entry_get_old_currency (entry));
  outlay_cli_json_add_string (builder, "changed_at", outlay_history_entry_get_changed_at (entry));
  outlay_cli_json_add_string (builder, "device", outlay_history_entry_get_device (entry));
  outlay_cli_json_add_string (builder, "device_name", device_name);
  outlay_cli_json_add_bool (builder, "undoable", outlay_history_entry_get_undoable (entry));
  outlay_cli_json_add_string (builder, "text", text);
  json_builder_end_object (builder);
}

/* --device NAME: this device by its name, "this" or "This Device"; another
 * one by its name or id. */
static gboolean
find_device (OutlayCli           *cli,
             const char          *text,
             OutlayHistoryFilter *filter,
             char               **id,
             GError             **error)
{
  g_autoptr (GPtrArray) devices = outlay_repository_list_history_devices (cli->repository, error);
  g_autoptr (GString) known = g_string_new (NULL);

  if (devices == NULL)
    return FALSE;

  filter->by_device = TRUE;
  for (guint i = 0; i < devices->len; i++)
    {
      OutlayHistoryDevice *device = g_ptr_array_index (devices, i);
      const char          *name = device->name != NULL ? device->name : _("This Device");

      if (g_utf8_collate (name, text) == 0 || (device->id != NULL && g_ascii_strcasecmp (device->id, text) == 0) ||
          (device->id == NULL && (g_ascii_strcasecmp (text, "this") == 0 ||
                                  g_ascii_strcasecmp (text, "This Device") == 0)))
        {
          *id = g_strdup (device->id);
          filter->device = *id;
          return TRUE;
        }
      g_string_append_printf (known, i == 0 ? "“%s”" : ", “%s”", name);
    }

  return outlay_cli_usage_error (error, _("No device is called “%s”; the devices are %s."), text, known->str);
}

static gboolean
parse_filter (OutlayCli           *cli,
              char               **args,
              const char          *since_text,
              const char          *device_text,
              const char          *kind_text,
              OutlayHistoryFilter *filter,
              char               **row_uuid,
              char               **since,
              char               **device,
              GError             **error)
{
  g_autofree char *day = NULL;

  if (kind_text != NULL && !outlay_history_kind_from_string (kind_text, &filter->kind))
    return outlay_cli_usage_error (error,
                                   _("--kind “%s” is not a kind of change: write expenses, categories, budgets, "
                                     "recurring, rules or rates."),
                                   kind_text);
  if (since_text != NULL)
    {
      if (!outlay_cli_parse_date (since_text, "--since", &day, error))
        return FALSE;
      filter->since = *since = outlay_history_since_day (day);
    }

  if (!outlay_cli_open (cli, FALSE, error))
    return FALSE;
  if (device_text != NULL && !find_device (cli, device_text, filter, device, error))
    return FALSE;

  /* A UUID is any row's, even one removed for good; a number an expense's. */
  if (args[1] != NULL && outlay_uuid_is_valid (args[1]))
    *row_uuid = g_ascii_strdown (args[1], -1);
  else if (args[1] != NULL)
    {
      g_autoptr (OutlayExpense) expense = outlay_cli_find_expense (cli, args[1], error);

      if (expense == NULL)
        return FALSE;
      *row_uuid = g_strdup (outlay_expense_get_uuid (expense));
    }
  filter->row_uuid = *row_uuid;

  return TRUE;
}

gboolean
outlay_cli_history (OutlayCli *cli,
                    char     **argv,
                    GError   **error)
{
  g_autofree char *since_text = NULL;
  g_autofree char *device_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *limit_text = NULL;
  guint64          limit = G_MAXUINT;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_FILENAME, &since_text,
      N_("Only the changes made from this day on: YYYY-MM-DD, today or yesterday"), N_("DAY") },
    { "device", 0, 0, G_OPTION_ARG_FILENAME, &device_text,
      N_("Only the changes made on this device, by its name (“this” for this one)"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, &kind_text,
      N_("Only the changes of expenses, categories, budgets, recurring, rules or rates"), N_("KIND") },
    { "limit", 'n', 0, G_OPTION_ARG_FILENAME, &limit_text, N_("At most this many, the newest"), N_("N") },
    G_OPTION_ENTRY_NULL,
  };
  /* clang-format on */
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  OutlayHistoryFilter filter = { 0 };
  g_autofree char    *row_uuid = NULL;
  g_autofree char    *since = NULL;
  g_autofree char    *device = NULL;
  guint               n_printed = 0;
  gint64              before = 0;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("[ID|UUID]"),
    _("Lists the changes of the ledger, the newest first, one a line: what changed, from what to what, on which "
      "device and when. With the number or the UUID of an expense, only its changes; with the UUID of a category, "
      "budget, recurring expense, rule or rate, only that one’s."),
    _("Examples:\n"
      "  outlay history\n"
      "  outlay history 12\n"
      "  outlay history --since yesterday --kind expenses\n"
      "  outlay history --device Phone --limit 20 --json\n"
      "\n"
      "With --json, an array of change objects; “change” is added, changed, deleted,\n"
      "restored or removed (for good), “before” and “after” the cell’s values (amounts\n"
      "in minor units):\n"),
    "[\n" HISTORY_JSON_HELP "]\n", entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 0, 1, NULL, error))
    return FALSE;
  if (limit_text != NULL && !outlay_parse_unsigned (limit_text, 1, G_MAXUINT, &limit))
    return outlay_cli_usage_error (error, _("--limit takes a whole number from 1, not “%s”."), limit_text);
  if (!parse_filter (cli, args, since_text, device_text, kind_text, &filter, &row_uuid, &since, &device, error))
    return FALSE;

  while (n_printed < limit)
    {
      g_autoptr (GPtrArray) page = outlay_repository_read_history (cli->repository, &filter, before,
                                                                   (guint) MIN (PAGE, limit - n_printed), error);

      if (page == NULL)
        return FALSE;

      for (guint i = 0; i < page->len; i++, n_printed++)
        {
          OutlayHistoryEntry *entry = g_ptr_array_index (page, i);

          if (cli->json)
            {
              g_autoptr (JsonBuilder) builder = json_builder_new ();

              json_entry (builder, entry, now);
              outlay_cli_json_print_element (builder, n_printed);
            }
          else
            {
              g_autofree char *line = outlay_format_history_line (entry, now);

              outlay_cli_print ("%s\n", line);
            }
          before = outlay_history_entry_get_seq (entry);
        }
      if (page->len < PAGE)
        break;
    }

  if (cli->json)
    outlay_cli_json_print_end (n_printed);
  else if (n_printed == 0)
    outlay_cli_print (_("No changes.\n"));

  return TRUE;
}
