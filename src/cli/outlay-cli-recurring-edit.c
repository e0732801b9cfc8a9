/* outlay-cli-recurring-edit.c
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

/* `outlay recurring override RULE DAY [--amount AMOUNT] [--on DAY]` and
 * `outlay recurring restore RULE DAY`: one occurrence of a recurring
 * expense with its own amount or day, and the Undo of that or of a
 * skip. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-cli-private.h"
#include "outlay-date.h"
#include "outlay-money.h"

#define OCCURRENCE_JSON_HELP                                \
  "{\n"                                                     \
  "  \"rule\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\n" \
  "  \"description\": \"Rent\",\n"                          \
  "  \"date\": \"2026-08-03\",\n"                           \
  "  \"scheduled\": \"2026-08-01\",\n"                      \
  "  \"amount\": \"990.00\",\n"                             \
  "  \"amount_minor\": 99000,\n"                            \
  "  \"currency\": \"EUR\"\n"                               \
  "}\n"

typedef enum
{
  SAID_CHANGED,
  SAID_RESTORED,
} Said;

static const char *
usage (void)
{
  return _("Give the description or the UUID of a recurring expense, and the day.");
}

/* The occurrence as it falls now. */
static gboolean
print_occurrence (OutlayCli           *cli,
                  OutlayRecurringRule *rule,
                  const GDate         *scheduled,
                  Said                 said,
                  GError             **error)
{
  g_auto (OutlayPlannedExpense) planned = { 0 };
  g_autofree char *amount = NULL;
  char             scheduled_text[OUTLAY_DATE_ISO_SIZE];
  char             day[OUTLAY_DATE_ISO_SIZE];

  if (!outlay_repository_get_occurrence (cli->repository, outlay_recurring_rule_get_uuid (rule), scheduled, &planned,
                                         error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      outlay_cli_json_occurrence (builder, &planned);
      outlay_cli_json_print (builder);
      return TRUE;
    }

  amount = outlay_money_format_expense (planned.amount, outlay_recurring_rule_get_currency (rule));
  outlay_date_format_iso_buf (scheduled, scheduled_text);
  outlay_date_format_iso_buf (&planned.occurrence.day, day);
  if (said == SAID_CHANGED)
    /* Translators: a recurring expense, the day its schedule names for one occurrence, and the day and amount it
     * has now */
    outlay_cli_print (_("Changed “%s” of %s: it falls on %s, for %s.\n"), outlay_recurring_rule_get_description (rule),
                         scheduled_text, day, amount);
  else
    outlay_cli_print (_("Restored “%s” of %s: it falls on %s, for %s.\n"), outlay_recurring_rule_get_description (rule),
                         scheduled_text, day, amount);
  return TRUE;
}

gboolean
outlay_cli_recurring_override (OutlayCli *cli,
                               char     **argv,
                               GError   **error)
{
  g_autofree char *amount_text = NULL;
  g_autofree char *on_text = NULL;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "amount", 'a', 0, G_OPTION_ARG_FILENAME, &amount_text, N_("Its amount (default: the recurring expense’s)"),
      N_("AMOUNT") },
    { "on", 0, 0, G_OPTION_ARG_FILENAME, &on_text, N_("The day it falls on (default: the day its schedule gives it)"),
      N_("DAY") },
    G_OPTION_ENTRY_NULL
  };
  /* clang-format on */
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayRecurringRule) rule = NULL;
  gint64 amount = -1;
  GDate  scheduled;
  GDate  on;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("DESCRIPTION|UUID DAY"),
    _("Gives the occurrence a recurring expense's schedule names on DAY, still to come or due, its own amount or "
      "day; what is not given is as the recurring expense says. “outlay recurring restore” takes it back."),
    _("Examples:\n"
      "  outlay recurring override Rent 2026-08-01 --amount 990 --on 2026-08-03\n"
      "  outlay recurring override 'Phone bill' 2026-03-31 --amount 52.10\n"
      "\n"
      "With --json, the occurrence as it falls now:\n"),
    OCCURRENCE_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 2, 2, usage (), error) ||
      !outlay_cli_parse_day (args[2], _("The day"), &scheduled, error) ||
                             (on_text != NULL && !outlay_cli_parse_day (on_text, "--on", &on, error)))
    return FALSE;
  if (amount_text == NULL && on_text == NULL)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("Nothing to change: give --amount, --on or both (see --help)."));
      return FALSE;
    }
  if (!outlay_cli_open (cli, FALSE, error) || !(rule = outlay_cli_find_recurring_rule (cli, args[1], error)))
    return FALSE;
  if (amount_text != NULL &&
      !outlay_cli_parse_amount (amount_text, outlay_recurring_rule_get_currency (rule), &amount, error))
    return FALSE;

  if (!outlay_repository_override_occurrence (cli->repository, outlay_recurring_rule_get_uuid (rule), &scheduled,
                                              amount, on_text != NULL ? &on : NULL, error))
    return FALSE;
  return print_occurrence (cli, rule, &scheduled, SAID_CHANGED, error);
}

gboolean
outlay_cli_recurring_restore (OutlayCli *cli,
                              char     **argv,
                              GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayRecurringRule) rule = NULL;
  GDate scheduled;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("DESCRIPTION|UUID DAY"),
    _("Takes back a skip (“outlay recurring skip”) or a change (“outlay recurring override”) of the occurrence a "
      "recurring expense's schedule names on DAY: it is still to come, or due, again. Of a skip over a change, "
      "the skip only."),
    _("Example:\n"
      "  outlay recurring restore Rent 2026-08-01\n"
      "\n"
      "With --json, the occurrence as it falls again:\n"),
    OCCURRENCE_JSON_HELP, NULL);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 2, 2, usage (), error) ||
      !outlay_cli_parse_day (args[2], _("The day"), &scheduled, error) || !outlay_cli_open (cli, FALSE, error) ||
                             !(rule = outlay_cli_find_recurring_rule (cli, args[1], error)))
    return FALSE;

  if (!outlay_repository_restore_occurrence (cli->repository, outlay_recurring_rule_get_uuid (rule), &scheduled,
                                             error))
    return FALSE;
  return print_occurrence (cli, rule, &scheduled, SAID_RESTORED, error);
}
