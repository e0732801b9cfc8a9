/* outlay-cli-budget-overrides.c
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


/* outlay budget override NAME DAY AMOUNT | --remove: another amount for
 * the one period a day falls in ("December: 600"). */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-cli-private.h"
#include "outlay-money.h"

#define OVERRIDE_JSON_HELP                                  \
  "{\n"                                                     \
  "  \"budget\": \"Groceries\",\n"                          \
  "  \"uuid\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\n" \
  "  \"period_start\": \"2026-12-01\",\n"                   \
  "  \"amount\": \"600.00\",\n"                             \
  "  \"amount_minor\": 60000,\n"                            \
  "  \"currency\": \"EUR\",\n"                              \
  "  \"removed\": false\n"                                  \
  "}\n"

gboolean
outlay_cli_budget_override (OutlayCli *cli,
                            char     **argv,
                            GError   **error)
{
  gboolean           remove = FALSE;
  const GOptionEntry entries[] = {
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, N_("Give the period the budget’s usual amount again"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayBudget) budget = NULL;
  g_autofree char *name = NULL;
  g_autofree char *day = NULL;
  g_autofree char *period_start = NULL;
  gint64           amount = -1;
  const char      *currency;

  context = outlay_cli_context_new (cli, _("NAME|UUID DAY [AMOUNT]"),
                                    _("Gives one period of a budget another amount than its usual one, such as "
                                      "more in December: the period the day falls in. With --remove, the period "
                                      "has the usual amount again."),
                                    _("Examples:\n"
                                      "  outlay budget override Groceries 2026-12-01 600\n"
                                      "  outlay budget override Groceries 2026-12-01 --remove\n"
                                      "\n"
                                      "With --json:\n"),
                                    OVERRIDE_JSON_HELP, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, remove ? 2 : 3, remove ? 2 : 3,
                               remove ? _("Give the name of the budget and a day of the period.")
                                      : _("Give the name of the budget, a day of the period and its amount."),
                               error) ||
      !(name = outlay_cli_text (args[1], _("The budget"), error)) ||
      !outlay_cli_parse_date (args[2], _("The day"), &day, error) ||
      !outlay_cli_open (cli, FALSE, error) ||
      !(budget = outlay_repository_find_budget (cli->repository, g_strstrip (name), error)))
    return FALSE;

  currency = outlay_budget_get_currency (budget);
  if (!remove && !outlay_cli_parse_amount (args[3], currency, &amount, error))
    return FALSE;

  if (!outlay_repository_set_budget_override (cli->repository, outlay_budget_get_id (budget), day, amount,
                                              &period_start, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "budget", outlay_budget_get_name (budget));
      outlay_cli_json_add_string (builder, "uuid", outlay_budget_get_uuid (budget));
      outlay_cli_json_add_string (builder, "period_start", period_start);
      if (remove)
        {
          outlay_cli_json_add_money (builder, "amount", outlay_budget_get_amount (budget), currency);
        }
      else
        {
          outlay_cli_json_add_money (builder, "amount", amount, currency);
        }
      outlay_cli_json_add_string (builder, "currency", currency);
      outlay_cli_json_add_bool (builder, "removed", remove);
      json_builder_end_object (builder);
      outlay_cli_json_print (builder);
      return TRUE;
    }

  if (remove)
    {
      g_autofree char *usual = outlay_money_format (outlay_budget_get_amount (budget), currency);

      /* Translators: a budget, the first day of one of its periods, and its usual amount */
      outlay_cli_print (_("Budget “%s”: the period from %s has its usual amount, %s, again\n"),
                        outlay_budget_get_name (budget), period_start, usual);
    }
  else
    {
      g_autofree char *text = outlay_money_format (amount, currency);

      /* Translators: a budget, the first day of one of its periods, and the amount it has there */
      outlay_cli_print (_("Budget “%s”: the period from %s has %s\n"), outlay_budget_get_name (budget), period_start,
                        text);
    }
  return TRUE;
}
