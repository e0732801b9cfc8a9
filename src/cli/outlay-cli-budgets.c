/* outlay-cli-budgets.c
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

/* `outlay budget [list|add|show|edit|override|delete]`: the budgets, and how each
 * stands in the period a day falls in. What a budget carries is the
 * store's to compute, every time; this file only reads options and
 * prints. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cli-private.h"
#include "outlay-money.h"
#include "outlay-number.h"

#define MAX_EVERY 1000
#define MAX_ALERT_PERCENT 1000

#define BUDGET_JSON_HELP                                      \
  "  {\n"                                                     \
  "    \"name\": \"Groceries\",\n"                            \
  "    \"uuid\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\n" \
  "    \"period_start\": \"2026-02-25\",\n"                   \
  "    \"period_end\": \"2026-03-24\",\n"                     \
  "    \"amount\": \"400.00\",\n"                             \
  "    \"amount_minor\": 40000,\n"                            \
  "    \"carried\": \"25.00\",\n"                             \
  "    \"carried_minor\": 2500,\n"                            \
  "    \"available\": \"425.00\",\n"                          \
  "    \"available_minor\": 42500,\n"                         \
  "    \"spent\": \"180.50\",\n"                              \
  "    \"spent_minor\": 18050,\n"                             \
  "    \"remaining\": \"244.50\",\n"                          \
  "    \"remaining_minor\": 24450,\n"                         \
  "    \"spent_percent\": 42.5,\n"                            \
  "    \"currency\": \"EUR\",\n"                              \
  "    \"state\": \"on_track\",\n"                            \
  "    \"pace_percent\": 50,\n"                               \
  "    \"days\": 28,\n"                                       \
  "    \"days_elapsed\": 14,\n"                               \
  "    \"days_left\": 14,\n"                                  \
  "    \"uncounted\": {\n"                                    \
  "      \"USD\": 3\n"                                        \
  "    },\n"                                                  \
  "    \"period\": \"month\",\n"                              \
  "    \"every\": 1,\n"                                       \
  "    \"anchor\": \"2026-01-25\",\n"                         \
  "    \"range_end\": null,\n"                                \
  "    \"categories\": [\n"                                   \
  "      \"Groceries\"\n"                                     \
  "    ],\n"                                                  \
  "    \"category_uuids\": [\n"                               \
  "      \"0190e2a4-0000-7000-8000-000000000002\"\n"          \
  "    ],\n"                                                  \
  "    \"rollover\": \"surplus\",\n"                          \
  "    \"cap\": \"100.00\",\n"                                \
  "    \"cap_minor\": 10000,\n"                               \
  "    \"rollover_from\": null,\n"                            \
  "    \"alerts\": [\n"                                       \
  "      80,\n"                                               \
  "      100\n"                                               \
  "    ],\n"                                                  \
  "    \"overrides\": [\n"                                    \
  "      {\n"                                                 \
  "        \"period_start\": \"2026-11-25\",\n"                \
  "        \"amount\": \"600.00\",\n"                          \
  "        \"amount_minor\": 60000\n"                           \
  "      }\n"                                                 \
  "    ],\n"                                                  \
  "    \"archived\": false,\n"                                \
  "    \"archived_at\": null\n"                               \
  "  }\n"

#define BUDGET_STATES_HELP                                                                              \
  N_("state is watching (an amount of 0), on_track, ahead_of_pace (a greater share of the money spent\n" \
     "than of the period gone), fully_used (exactly all of it) or over. uncounted counts the expenses\n"  \
     "in other currencies, which the budget does not count; categories [] counts every category.\n")

/* The options add and edit share: what a budget is. */
typedef struct
{
  char  *period_text;
  char  *every_text;
  char  *anchor_text;
  char  *from_text;
  char  *to_text;
  char **category_names;
  char  *rollover_text;
  char  *cap_text;
  char  *rollover_from_text;
  char  *currency_text;
  char **alert_texts;

  /* What they say, read before the database is opened */
  gboolean        has_period;
  OutlayCycleUnit period;
  guint           every; /* 0: not given */
  char           *anchor;
  char           *from;
  char           *to;
  gboolean        has_rollover;
  OutlayRollover  rollover;
  char           *rollover_from;
  char           *currency;
  GArray         *alerts; /* of guint; NULL: not given */
} BudgetOptions;

static void
budget_options_clear (BudgetOptions *options)
{
  g_clear_pointer (&options->period_text, g_free);
  g_clear_pointer (&options->every_text, g_free);
  g_clear_pointer (&options->anchor_text, g_free);
  g_clear_pointer (&options->from_text, g_free);
  g_clear_pointer (&options->to_text, g_free);
  g_clear_pointer (&options->category_names, g_strfreev);
  g_clear_pointer (&options->rollover_text, g_free);
  g_clear_pointer (&options->cap_text, g_free);
  g_clear_pointer (&options->rollover_from_text, g_free);
  g_clear_pointer (&options->currency_text, g_free);
  g_clear_pointer (&options->alert_texts, g_strfreev);
  g_clear_pointer (&options->anchor, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->rollover_from, g_free);
  g_clear_pointer (&options->currency, g_free);
  g_clear_pointer (&options->alerts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BudgetOptions, budget_options_clear)

/* Returns: (transfer container): @entries, the command's own options,
 * followed by those of @options, for outlay_cli_context_new() */
static GOptionEntry *
budget_options_add_entries (BudgetOptions      *options,
                            const GOptionEntry *entries)
{
  const GOptionEntry shared[] = {
    { "period", 0, 0, G_OPTION_ARG_FILENAME, &options->period_text,
      N_("How long a period is: week, month (the default) or year"), N_("UNIT") },
    { "every", 0, 0, G_OPTION_ARG_FILENAME, &options->every_text,
      N_("How many weeks, months or years a period lasts (default: 1)"), N_("N") },
    { "anchor", 0, 0, G_OPTION_ARG_FILENAME, &options->anchor_text,
      N_("The first day of a period, from which the others follow (default: the 1st of this month, 1 January, "
         "or the first day of this week in the locale)"),
      N_("DAY") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &options->from_text,
      N_("With --to: one range of days instead of a period that repeats"), N_("DAY") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &options->to_text,
      N_("The last day of the range that --from starts"), N_("DAY") },
    { "category", 'c', 0, G_OPTION_ARG_FILENAME_ARRAY, &options->category_names,
      N_("Count only this category, by name in any case; repeat it for several (default: every category)"),
      N_("NAME") },
    { "rollover", 0, 0, G_OPTION_ARG_FILENAME, &options->rollover_text,
      N_("What a period passes on to the next: none (the default), surplus (what is left) or both (what is "
         "left and what is overspent)"),
      N_("KIND") },
    { "cap", 0, 0, G_OPTION_ARG_FILENAME, &options->cap_text,
      N_("The most a period carries into the next, either way"), N_("AMOUNT") },
    { "rollover-from", 0, 0, G_OPTION_ARG_FILENAME, &options->rollover_from_text,
      N_("Carry from the period of this day on (default: from the first period)"), N_("DAY") },
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &options->currency_text,
      N_("The ISO 4217 code of the currency it counts (default: the ledger’s)"), N_("CODE") },
    { "alert", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->alert_texts,
      N_("Tell at this percent of what the period has, 1 to 1000; repeat it for several (default: 80 and 100)"),
      N_("PERCENT") },
  };
  g_autoptr (GArray) all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    g_array_append_val (all, entries[i]);
  g_array_append_vals (all, shared, G_N_ELEMENTS (shared));

  return (GOptionEntry *) (gpointer) g_array_free (g_steal_pointer (&all), FALSE);
}

static gboolean
budget_options_given (BudgetOptions *options)
{
  return options->period_text != NULL || options->every_text != NULL || options->anchor_text != NULL ||
         options->from_text != NULL || options->to_text != NULL || options->category_names != NULL ||
         options->rollover_text != NULL || options->cap_text != NULL || options->rollover_from_text != NULL ||
         options->currency_text != NULL || options->alert_texts != NULL;
}

static gboolean
parse_period (BudgetOptions *options,
              GError       **error)
{
  if (options->period_text != NULL &&
      (!outlay_cycle_unit_from_string (options->period_text, &options->period) ||
       options->period == OUTLAY_CYCLE_RANGE))
    {
      g_autofree char *utf8 = g_utf8_make_valid (options->period_text, -1);

      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("--period “%s” is not one of week, month or year (a range of days is --from and --to)."), utf8);
      return FALSE;
    }
  options->has_period = options->period_text != NULL;

  if (options->every_text != NULL)
    {
      guint64 every = 0;

      if (!outlay_parse_unsigned (options->every_text, 1, MAX_EVERY, &every))
        {
          g_autofree char *utf8 = g_utf8_make_valid (options->every_text, -1);

          g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                       _("--every “%s” is not a number from 1 to %u."), utf8, MAX_EVERY);
          return FALSE;
        }
      options->every = (guint) every;
    }

  if (options->anchor_text != NULL &&
      !outlay_cli_parse_date (options->anchor_text, "--anchor", &options->anchor, error))
    return FALSE;

  if ((options->from_text != NULL) != (options->to_text != NULL))
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--from and --to go together: give both for one range of days."));
      return FALSE;
    }

  if (options->from_text != NULL &&
      (options->period_text != NULL || options->every_text != NULL || options->anchor_text != NULL))
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--from and --to make one range of days: they cannot be combined with --period, "
                             "--every or --anchor."));
      return FALSE;
    }

  return outlay_cli_parse_range (options->from_text, options->to_text, NULL, &options->from, &options->to, error);
}

/* Reads what can be read before the database is open: all but the
 * categories and the cap, which need it or the budget's currency. */
static gboolean
budget_options_parse (BudgetOptions *options,
                      GError       **error)
{
  if (!parse_period (options, error))
    return FALSE;

  if (options->rollover_text != NULL && !outlay_rollover_from_string (options->rollover_text, &options->rollover))
    {
      g_autofree char *utf8 = g_utf8_make_valid (options->rollover_text, -1);

      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("--rollover “%s” is not one of none, surplus or both."), utf8);
      return FALSE;
    }
  options->has_rollover = options->rollover_text != NULL;

  if ((options->rollover_from_text != NULL &&
       !outlay_cli_parse_date (options->rollover_from_text, "--rollover-from", &options->rollover_from, error)) ||
      (options->currency_text != NULL && !outlay_cli_parse_currency (options->currency_text, &options->currency,
                                                                     error)))
    return FALSE;

  if (options->alert_texts != NULL)
    {
      options->alerts = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; options->alert_texts[i] != NULL; i++)
        {
          guint64 percent = 0;
          guint   value;

          if (!outlay_parse_unsigned (options->alert_texts[i], 1, MAX_ALERT_PERCENT, &percent))
            {
              g_autofree char *utf8 = g_utf8_make_valid (options->alert_texts[i], -1);

              g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--alert “%s” is not a percent from 1 to %u."), utf8, MAX_ALERT_PERCENT);
              return FALSE;
            }
          value = (guint) percent;
          g_array_append_val (options->alerts, value);
        }
    }

  return TRUE;
}

/* The first day of the period of @unit that today falls in, when periods
 * start on the first of the month, on 1 January, or on the first day of
 * the locale's week. */
static char *
default_anchor (OutlayCycleUnit unit)
{
  g_autoptr (GDate) day = outlay_date_new_today ();

  switch (unit)
    {
    case OUTLAY_CYCLE_WEEK:
      while (g_date_get_weekday (day) != (GDateWeekday) outlay_locale_first_weekday ())
        g_date_subtract_days (day, 1);
      break;
    case OUTLAY_CYCLE_YEAR:
      g_date_set_dmy (day, 1, G_DATE_JANUARY, g_date_get_year (day));
      break;
    case OUTLAY_CYCLE_MONTH:
    case OUTLAY_CYCLE_RANGE:
    default:
      g_date_set_day (day, 1);
      break;
    }

  return outlay_date_format_iso (day);
}

/* The uuids of the categories of --category, in the open database. */
static GStrv
find_category_uuids (OutlayCli *cli,
                     char     **names,
                     GError   **error)
{
  g_autoptr (GStrvBuilder) uuids = g_strv_builder_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = outlay_cli_text (names[i], "--category", error);
      OutlayCategory  *category;

      if (name == NULL || !(category = outlay_cli_find_category (cli, name, error)))
        return NULL;
      g_strv_builder_add (uuids, outlay_category_get_uuid (category));
    }

  return g_strv_builder_end (uuids);
}

/* Sets on @budget what @options say, once the database is open and the
 * budget's currency known; @no_cap is edit's --no-cap. */
static gboolean
budget_options_apply (OutlayCli     *cli,
                      BudgetOptions *options,
                      gboolean       no_cap,
                      OutlayBudget  *budget,
                      GError       **error)
{
  gint64 cap = outlay_budget_get_rollover_cap (budget);

  if (options->category_names != NULL)
    {
      g_auto (GStrv) uuids = find_category_uuids (cli, options->category_names, error);

      if (uuids == NULL)
        return FALSE;
      outlay_budget_set_categories (budget, (const char *const *) uuids);
    }

  if (options->from != NULL)
    outlay_budget_set_cycle (budget, OUTLAY_CYCLE_RANGE, 1, options->from, options->to);
  else if (options->has_period || options->every > 0 || options->anchor != NULL)
    {
      OutlayCycleUnit  unit = options->has_period ? options->period : outlay_budget_get_period (budget);
      gboolean         same_unit = unit == outlay_budget_get_period (budget);
      g_autofree char *anchor = NULL;

      if (unit == OUTLAY_CYCLE_RANGE)
        {
          g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                       _("“%s” is one range of days: change it with --from and --to, or make it repeat with "
                         "--period."),
                       outlay_budget_get_name (budget));
          return FALSE;
        }

      /* A new unit starts where periods of it start, unless told. */
      if (options->anchor != NULL)
        anchor = g_strdup (options->anchor);
      else if (same_unit && outlay_budget_get_anchor (budget) != NULL)
        anchor = g_strdup (outlay_budget_get_anchor (budget));
      else
        anchor = default_anchor (unit);

      outlay_budget_set_cycle (budget, unit,
                               options->every > 0 ? options->every
                               : same_unit        ? MAX (outlay_budget_get_every (budget), 1)
                                                  : 1,
                               anchor, NULL);
    }

  if (options->cap_text != NULL &&
      !outlay_cli_parse_amount (options->cap_text, outlay_budget_get_currency (budget), &cap, error))
    return FALSE;
  if (no_cap)
    cap = -1;
  outlay_budget_set_rollover (budget, options->has_rollover ? options->rollover : outlay_budget_get_rollover (budget),
                              cap,
                              options->rollover_from != NULL ? options->rollover_from
                                                             : outlay_budget_get_rollover_from (budget));

  if (options->alerts != NULL)
    outlay_budget_set_alerts (budget, (const guint *) (gpointer) options->alerts->data, options->alerts->len);

  return TRUE;
}

/* Reading the day and the budget */

static gboolean
parse_day (const char *text,
           GDate     **day,
           GError    **error)
{
  g_autofree char *iso = NULL;

  if (!outlay_cli_parse_date (text != NULL ? text : "today", "--date", &iso, error))
    return FALSE;

  *day = outlay_date_parse_iso (iso);
  return TRUE;
}

static OutlayBudget *
find_budget (OutlayCli  *cli,
             const char *raw,
             GError    **error)
{
  g_autofree char *text = outlay_cli_text (raw, _("The budget"), error);

  if (text == NULL)
    return NULL;

  return outlay_repository_find_budget (cli->repository, g_strstrip (text), error);
}

/* Printing */

static const char *
category_name_of (OutlayCli  *cli,
                  const char *uuid)
{
  OutlayCategory *category = outlay_repository_lookup_category_by_uuid (cli->repository, uuid);

  return category != NULL ? outlay_category_get_name (category) : NULL;
}

static void
json_budget (OutlayCli                *cli,
             JsonBuilder              *builder,
             OutlayBudget             *budget,
             const OutlayBudgetStatus *status)
{
  const char        *currency = outlay_budget_get_currency (budget);
  const char *const *categories = outlay_budget_get_categories (budget);
  GArray            *alerts = outlay_budget_get_alerts (budget);
  gint64             cap = outlay_budget_get_rollover_cap (budget);
  g_autoptr (GArray) overrides = NULL;
  g_autoptr (GError) error = NULL;

  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_add_string (builder, "name", outlay_budget_get_name (budget));
  outlay_cli_json_add_string (builder, "uuid", outlay_budget_get_uuid (budget));
  outlay_cli_json_add_string (builder, "period_start", status->period_start);
  outlay_cli_json_add_string (builder, "period_end", status->period_end);
  outlay_cli_json_add_money (builder, "amount", status->amount, currency);
  outlay_cli_json_add_money (builder, "carried", status->carried, currency);
  outlay_cli_json_add_money (builder, "available", status->available, currency);
  outlay_cli_json_add_money (builder, "spent", status->spent, currency);
  outlay_cli_json_add_money (builder, "remaining", status->remaining, currency);
  outlay_cli_json_add_percent (builder, "spent_percent", status->spent, status->available);
  outlay_cli_json_add_string (builder, "currency", currency);
  outlay_cli_json_add_string (builder, "state", outlay_budget_state_to_string (status->state));
  outlay_cli_json_add_int (builder, "pace_percent", status->pace_percent);
  outlay_cli_json_add_int (builder, "days", status->days);
  outlay_cli_json_add_int (builder, "days_elapsed", status->days_elapsed);
  outlay_cli_json_add_int (builder, "days_left", status->days_left);

  outlay_cli_json_begin_object (builder, "uncounted");
  for (guint i = 0; i < status->uncounted->len; i++)
    {
      const OutlayCurrencyTotal *other = &g_array_index (status->uncounted, OutlayCurrencyTotal, i);

      outlay_cli_json_add_int (builder, other->currency, other->count);
    }
  json_builder_end_object (builder);

  outlay_cli_json_add_string (builder, "period", outlay_cycle_unit_to_string (outlay_budget_get_period (budget)));
  outlay_cli_json_add_int (builder, "every", outlay_budget_get_every (budget));
  outlay_cli_json_add_string (builder, "anchor", outlay_budget_get_anchor (budget));
  outlay_cli_json_add_string (builder, "range_end", outlay_budget_get_range_end (budget));

  /* A category deleted since is null: [] would mean every category. */
  outlay_cli_json_begin_array (builder, "categories");
  for (guint i = 0; categories[i] != NULL; i++)
    outlay_cli_json_add_string (builder, NULL, category_name_of (cli, categories[i]));
  json_builder_end_array (builder);
  outlay_cli_json_begin_array (builder, "category_uuids");
  for (guint i = 0; categories[i] != NULL; i++)
    outlay_cli_json_add_string (builder, NULL, categories[i]);
  json_builder_end_array (builder);

  outlay_cli_json_add_string (builder, "rollover", outlay_rollover_to_string (outlay_budget_get_rollover (budget)));
  if (cap >= 0)
    outlay_cli_json_add_money (builder, "cap", cap, currency);
  else
    {
      outlay_cli_json_add_null (builder, "cap");
      outlay_cli_json_add_null (builder, "cap_minor");
    }
  outlay_cli_json_add_string (builder, "rollover_from", outlay_budget_get_rollover_from (budget));

  outlay_cli_json_begin_array (builder, "alerts");
  for (guint i = 0; i < alerts->len; i++)
    outlay_cli_json_add_int (builder, NULL, g_array_index (alerts, guint, i));
  json_builder_end_array (builder);

  /* The periods with another amount; a read that fails leaves them out. */
  outlay_cli_json_begin_array (builder, "overrides");
  if ((overrides = outlay_repository_list_budget_overrides (cli->repository, budget, &error)) == NULL)
    g_warning ("Could not read the budget’s other amounts: %s", error->message);
  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      const OutlayBudgetOverride *row = &g_array_index (overrides, OutlayBudgetOverride, i);

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "period_start", row->period_start);
      outlay_cli_json_add_money (builder, "amount", row->amount, currency);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  outlay_cli_json_add_bool (builder, "archived", outlay_budget_get_archived_at (budget) != NULL);
  outlay_cli_json_add_string (builder, "archived_at", outlay_budget_get_archived_at (budget));
  json_builder_end_object (builder);
}

static const char *
state_words (OutlayBudgetState state)
{
  switch (state)
    {
    case OUTLAY_BUDGET_WATCHING:
      return _("watching");
    case OUTLAY_BUDGET_ON_TRACK:
      return _("on track");
    case OUTLAY_BUDGET_AHEAD_OF_PACE:
      return _("ahead of pace");
    case OUTLAY_BUDGET_FULLY_USED:
      return _("fully used");
    case OUTLAY_BUDGET_OVER:
    default:
      return _("over");
    }
}

/* "every month from 2026-01-25", "2026-03-01 to 2026-03-31" */
static char *
describe_cycle (OutlayBudget *budget)
{
  guint       every = outlay_budget_get_every (budget);
  const char *anchor = outlay_budget_get_anchor (budget);

  switch (outlay_budget_get_period (budget))
    {
    case OUTLAY_CYCLE_WEEK:
      if (every == 1)
        return g_strdup_printf (_("every week from %s"), anchor);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u week from %s", "every %u weeks from %s", every),
                              every, anchor);
    case OUTLAY_CYCLE_MONTH:
      if (every == 1)
        return g_strdup_printf (_("every month from %s"), anchor);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u month from %s", "every %u months from %s",
                                           every),
                              every, anchor);
    case OUTLAY_CYCLE_YEAR:
      if (every == 1)
        return g_strdup_printf (_("every year from %s"), anchor);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u year from %s", "every %u years from %s", every),
                              every, anchor);
    case OUTLAY_CYCLE_RANGE:
    default:
      /* Translators: a budget for one range of days, "from 2026-03-01 to 2026-03-31" */
      return g_strdup_printf (_("from %s to %s"), anchor, outlay_budget_get_range_end (budget));
    }
}

/* "€400.00 every month from 2026-01-25", for the line that confirms a change */
static char *
describe_budget (OutlayBudget *budget)
{
  g_autofree char *cycle = describe_cycle (budget);
  g_autofree char *amount = NULL;

  if (outlay_budget_get_amount (budget) == 0)
    /* Translators: a budget of 0 only watches, "watching every month from 2026-03-01" */
    return g_strdup_printf (_("watching %s"), cycle);

  amount = outlay_money_format (outlay_budget_get_amount (budget), outlay_budget_get_currency (budget));
  return g_strdup_printf ("%s %s", amount, cycle);
}

static char *
describe_period (const OutlayBudgetStatus *status)
{
  /* Translators: the days of a budget's period, "2026-02-25 – 2026-03-24" */
  return g_strdup_printf (_("%s – %s"), status->period_start, status->period_end);
}

static char *
describe_pace (const OutlayBudgetStatus *status)
{
  /* Translators: how far a budget's period is, "day 14 of 28" */
  return g_strdup_printf (_("day %u of %u"), status->days_elapsed, status->days);
}

static char *
describe_uncounted (const OutlayBudgetStatus *status)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < status->uncounted->len; i++)
    {
      const OutlayCurrencyTotal *other = &g_array_index (status->uncounted, OutlayCurrencyTotal, i);

      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: expenses a budget does not count, "3 expenses in USD" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u expense in %s", "%u expenses in %s",
                                                 other->count),
                              other->count, other->currency);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_categories (OutlayCli    *cli,
                     OutlayBudget *budget)
{
  const char *const *categories = outlay_budget_get_categories (budget);
  g_autoptr (GString) text = g_string_new (NULL);

  if (categories[0] == NULL)
    return g_strdup (_("every category"));

  for (guint i = 0; categories[i] != NULL; i++)
    {
      const char *name = category_name_of (cli, categories[i]);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, name != NULL ? name : _("(a deleted category)"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_rollover (OutlayBudget *budget)
{
  g_autoptr (GString) text = g_string_new (NULL);
  gint64              cap = outlay_budget_get_rollover_cap (budget);

  switch (outlay_budget_get_rollover (budget))
    {
    case OUTLAY_ROLLOVER_SURPLUS:
      g_string_append (text, _("what is left carries into the next period"));
      break;
    case OUTLAY_ROLLOVER_BOTH:
      g_string_append (text, _("what is left and what is overspent carry into the next period"));
      break;
    case OUTLAY_ROLLOVER_NONE:
    default:
      return g_strdup (_("none: every period starts afresh"));
    }

  if (cap >= 0)
    {
      g_autofree char *money = outlay_money_format (cap, outlay_budget_get_currency (budget));

      g_string_append_printf (text, _(", at most %s"), money);
    }
  if (outlay_budget_get_rollover_from (budget) != NULL)
    g_string_append_printf (text, _(", from the period of %s"), outlay_budget_get_rollover_from (budget));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_alerts (OutlayBudget *budget)
{
  GArray *alerts = outlay_budget_get_alerts (budget);
  g_autoptr (GString) text = g_string_new (NULL);

  if (alerts->len == 0)
    return g_strdup (_("none"));

  for (guint i = 0; i < alerts->len; i++)
    g_string_append_printf (text, "%s%u %%", i > 0 ? ", " : "", g_array_index (alerts, guint, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
print_budget (OutlayCli                *cli,
              OutlayBudget             *budget,
              const OutlayBudgetStatus *status)
{
  const char      *currency = outlay_budget_get_currency (budget);
  g_autoptr (OutlayCliTable) table = outlay_cli_table_new (2);
  g_autofree char *period = describe_period (status);
  g_autofree char *pace = describe_pace (status);
  g_autofree char *period_line = NULL;
  g_autofree char *amount = outlay_money_format (status->amount, currency);
  g_autofree char *carried = outlay_money_format (status->carried, currency);
  g_autofree char *available = outlay_money_format (status->available, currency);
  g_autofree char *spent = outlay_money_format (status->spent, currency);
  g_autofree char *spent_percent = outlay_cli_format_percent (status->spent, status->available);
  g_autofree char *spent_line = NULL;
  g_autofree char *remaining = outlay_money_format (status->remaining, currency);
  g_autofree char *cycle = describe_cycle (budget);
  g_autofree char *categories = describe_categories (cli, budget);
  g_autofree char *rollover = describe_rollover (budget);
  g_autofree char *alerts = describe_alerts (budget);
  g_autoptr (GArray) overrides = outlay_repository_list_budget_overrides (cli->repository, budget, NULL);

  /* Translators: "2026-02-25 – 2026-03-24, day 14 of 28, 14 days left" */
  period_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %u day left", "%s, %s, %u days left",
                                              status->days_left),
                                 period, pace, status->days_left);
  if (status->state != OUTLAY_BUDGET_WATCHING && spent_percent != NULL)
    spent_line = g_strdup_printf ("%s (%s)", spent, spent_percent);
  else
    spent_line = g_strdup (spent);

  outlay_cli_print (_("Budget “%s”\n"), outlay_budget_get_name (budget));

  outlay_cli_table_add (table, _("Period"), period_line, NULL);
  if (status->state == OUTLAY_BUDGET_WATCHING)
    outlay_cli_table_add (table, _("Amount"), _("none: it only watches"), NULL);
  else
    outlay_cli_table_add (table, _("Amount"), amount, NULL);
  if (outlay_budget_get_rollover (budget) != OUTLAY_ROLLOVER_NONE)
    {
      outlay_cli_table_add (table, _("Carried"), carried, NULL);
      outlay_cli_table_add (table, _("Available"), available, NULL);
    }
  outlay_cli_table_add (table, _("Spent"), spent_line, NULL);
  if (status->state != OUTLAY_BUDGET_WATCHING)
    outlay_cli_table_add (table, _("Remaining"), remaining, NULL);
  outlay_cli_table_add (table, _("State"), state_words (status->state), NULL);
  if (status->uncounted->len > 0)
    {
      g_autofree char *uncounted = describe_uncounted (status);

      outlay_cli_table_add (table, _("Not counted"), uncounted, NULL);
    }
  outlay_cli_table_add (table, _("Repeats"), cycle, NULL);
  outlay_cli_table_add (table, _("Counts"), categories, NULL);
  outlay_cli_table_add (table, _("Rollover"), rollover, NULL);
  outlay_cli_table_add (table, _("Alerts"), alerts, NULL);
  if (overrides != NULL && overrides->len > 0)
    {
      g_autoptr (GString) text = g_string_new (NULL);

      for (guint i = 0; i < overrides->len; i++)
        {
          const OutlayBudgetOverride *row = &g_array_index (overrides, OutlayBudgetOverride, i);
          g_autofree char            *money = outlay_money_format (row->amount, currency);

          if (i > 0)
            g_string_append (text, ", ");
          /* Translators: a period's first day and its own amount, in a list: "2026-12-01: €600.00" */
          g_string_append_printf (text, _("%s: %s"), row->period_start, money);
        }
      outlay_cli_table_add (table, _("Other amounts"), text->str, NULL);
    }
  outlay_cli_table_add (table, _("Currency"), currency, NULL);
  if (outlay_budget_get_archived_at (budget) != NULL)
    outlay_cli_table_add (table, _("Archived"), outlay_budget_get_archived_at (budget), NULL);
  outlay_cli_table_add (table, _("UUID"), outlay_budget_get_uuid (budget), NULL);

  outlay_cli_table_print (table, "  ");
}

static gboolean
print_json_budget (OutlayCli    *cli,
                   OutlayBudget *budget,
                   const GDate  *day,
                   GError      **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_auto (OutlayBudgetStatus) status = { { 0 } };

  if (!outlay_repository_get_budget_status (cli->repository, budget, day, &status, error))
    return FALSE;

  json_budget (cli, builder, budget, &status);
  outlay_cli_json_print (builder);
  return TRUE;
}

typedef enum
{
  CHANGE_ADDED,
  CHANGE_CHANGED,
  CHANGE_DELETED,
} Change;

/* What add, edit and delete print: the budget, as of today. */
static gboolean
print_changed (OutlayCli    *cli,
               OutlayBudget *budget,
               Change        change,
               GError      **error)
{
  const char      *name = outlay_budget_get_name (budget);
  g_autofree char *what = NULL;

  if (cli->json)
    {
      g_autoptr (GDate) today = outlay_date_new_today ();

      return print_json_budget (cli, budget, today, error);
    }

  what = describe_budget (budget);
  switch (change)
    {
    case CHANGE_ADDED:
      /* Translators: "Added budget “Groceries”: €400.00 every month from 2026-01-25." */
      outlay_cli_print (_("Added budget “%s”: %s.\n"), name, what);
      break;
    case CHANGE_CHANGED:
      outlay_cli_print (_("Changed budget “%s”: %s.\n"), name, what);
      break;
    case CHANGE_DELETED:
    default:
      outlay_cli_print (_("Deleted budget “%s”: %s.\n"), name, what);
      break;
    }

  return TRUE;
}

/* list */

static gboolean
list_budgets (OutlayCli *cli,
              char     **argv,
              GError   **error)
{
  g_autofree char   *date_text = NULL;
  gboolean           archived = FALSE;
  const GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_FILENAME, &date_text,
      N_("Each budget in the period this day falls in: YYYY-MM-DD, today or yesterday (default: today)"),
      N_("DAY") },
    { "archived", 0, 0, G_OPTION_ARG_NONE, &archived,
      N_("The archived budgets too"), NULL },
    G_OPTION_ENTRY_NULL
  };
  gboolean         whole = g_str_equal (cli->command, "budget");
  g_autofree char *description = g_strconcat (_("Examples:\n"
                                                 "  outlay budget add Groceries 400 --category Groceries --anchor "
                                                 "2026-01-25\n"
                                                 "  outlay budget list --date 2026-03-10\n"
                                                 "  outlay budget show Groceries --json\n"
                                                 "  outlay budget edit Groceries --amount 450 --rollover surplus\n"
                                                 "  outlay budget edit Groceries --archive\n"
                                                 "  outlay budget override Groceries 2026-12-01 600\n"
                                                 "  outlay budget delete Groceries\n"
                                                 "\n"),
                                              _(BUDGET_STATES_HELP),
                                              _("\nWith --json, an array of budget objects:\n"), NULL);
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayCliTable) table = outlay_cli_table_new (7);
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GPtrArray) uncounted_lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDate) day = NULL;

  context = outlay_cli_context_new (cli, whole ? _("[list|add|show|edit|override|delete] …") : NULL,
                                    _("Lists the budgets, each in the period the day falls in: what it has, "
                                      "what it spent, what is left, and how that compares with the time gone. "
                                      "“outlay budget add”, “show”, “edit”, “override” and “delete” deal with "
                                      "one; each has its own --help."),
                                    description, "[\n" BUDGET_JSON_HELP "]\n", entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) ||
      !parse_day (date_text, &day, error) ||
      !outlay_cli_open (cli, FALSE, error) ||
      !(budgets = outlay_repository_list_budgets (cli->repository, archived, error)))
    return FALSE;

  outlay_cli_table_align_right (table, 2);
  outlay_cli_table_align_right (table, 3);
  outlay_cli_table_align_right (table, 4);
  outlay_cli_table_add (table, _("NAME"), _("PERIOD"), _("SPENT"), _("OF"), _("REMAINING"), _("STATE"), _("PACE"),
                        NULL);

  for (guint i = 0; i < budgets->len; i++)
    {
      OutlayBudget    *budget = g_ptr_array_index (budgets, i);
      const char      *currency = outlay_budget_get_currency (budget);
      g_auto (OutlayBudgetStatus) status = { { 0 } };
      g_autofree char *name = NULL;
      g_autofree char *period = NULL;
      g_autofree char *spent = NULL;
      g_autofree char *available = NULL;
      g_autofree char *remaining = NULL;
      g_autofree char *pace = NULL;

      if (!outlay_repository_get_budget_status (cli->repository, budget, day, &status, error))
        return FALSE;

      if (cli->json)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();

          json_budget (cli, builder, budget, &status);
          outlay_cli_json_print_element (builder, i);
          continue;
        }

      if (outlay_budget_get_archived_at (budget) != NULL)
        /* Translators: an archived budget in the list */
        name = g_strdup_printf (_("%s (archived)"), outlay_budget_get_name (budget));
      else
        name = g_strdup (outlay_budget_get_name (budget));
      period = describe_period (&status);
      spent = outlay_money_format (status.spent, currency);
      if (status.state != OUTLAY_BUDGET_WATCHING)
        {
          available = outlay_money_format (status.available, currency);
          remaining = outlay_money_format (status.remaining, currency);
        }
      pace = describe_pace (&status);
      outlay_cli_table_add (table, name, period, spent, available != NULL ? available : "",
                            remaining != NULL ? remaining : "", state_words (status.state), pace, NULL);

      if (status.uncounted->len > 0)
        {
          g_autofree char *uncounted = describe_uncounted (&status);

          /* Translators: "“Groceries” does not count 3 expenses in USD." */
          g_ptr_array_add (uncounted_lines, g_strdup_printf (_("“%s” does not count %s.\n"),
                                                             outlay_budget_get_name (budget), uncounted));
        }
    }

  if (cli->json)
    {
      outlay_cli_json_print_end (budgets->len);
      return TRUE;
    }

  if (budgets->len == 0)
    {
      g_autofree char *prefix = outlay_cli_dup_command_prefix (cli);

      outlay_cli_print (archived ? _("No budgets. To add one: %s budget add NAME AMOUNT\n")
                                 : _("No budgets in use. To add one: %s budget add NAME AMOUNT\n"),
                        prefix);
      return TRUE;
    }

  outlay_cli_table_print (table, NULL);
  outlay_cli_write ("\n");
  for (guint i = 0; i < uncounted_lines->len; i++)
    outlay_cli_write (g_ptr_array_index (uncounted_lines, i));
  outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u budget\n", "%u budgets\n", budgets->len), budgets->len);

  return TRUE;
}

/* add */

static gboolean
add_budget (OutlayCli *cli,
            char     **argv,
            GError   **error)
{
  g_auto (BudgetOptions) options = { 0 };
  g_autofree GOptionEntry *entries = budget_options_add_entries (&options, NULL);
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  g_autoptr (OutlayBudget) stored = NULL;
  g_autofree char *name = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *anchor = NULL;
  gint64           amount = 0;

  context =
    outlay_cli_context_new (cli, _("NAME AMOUNT"),
                            _("Adds a budget: AMOUNT to spend each period, read as “outlay add” reads "
                              "amounts, in the budget’s currency; 0 only watches what is spent. NAME is "
                              "one argument: quote it if it has spaces. A period is a month unless said "
                              "otherwise, and can start on any day: a month can run from the 25th to the "
                              "24th, payday to payday."),
                            _("Examples:\n"
                              "  outlay budget add Groceries 400 --category Groceries\n"
                              "  outlay budget add 'Month to month' 1500 --anchor 2026-01-25 --rollover surplus\n"
                              "  outlay budget add 'Eating out' 60 --period week -c 'Food & Drink' --alert 50\n"
                              "  outlay budget add Holidays 2000 --from 2026-07-01 --to 2026-08-31\n"
                              "  outlay budget add Everything 0\n"
                              "\n"
                              "With --json, the new budget object, in today’s period:\n"),
                            BUDGET_JSON_HELP, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 2, 2,
                               _("Give the name of the budget and its amount (quote a name with spaces)."), error) ||
      !(name = outlay_cli_text (args[1], _("The name"), error)) || !budget_options_parse (&options, error))
    return FALSE;

  currency = options.currency != NULL ? g_strdup (options.currency) : outlay_cli_dup_default_currency (cli);
  if (!outlay_cli_parse_amount (args[2], currency, &amount, error))
    return FALSE;

  if (!outlay_cli_open (cli, TRUE, error))
    return FALSE;

  outlay_budget_set_name (draft, name);
  outlay_budget_set_amount (draft, amount);
  outlay_budget_set_currency (draft, currency);
  if (options.from == NULL)
    {
      OutlayCycleUnit unit = options.has_period ? options.period : OUTLAY_CYCLE_MONTH;

      anchor = options.anchor != NULL ? g_strdup (options.anchor) : default_anchor (unit);
      outlay_budget_set_cycle (draft, unit, options.every > 0 ? options.every : 1, anchor, NULL);
    }
  outlay_budget_set_rollover (draft, OUTLAY_ROLLOVER_NONE, -1, NULL);

  if (!budget_options_apply (cli, &options, FALSE, draft, error) ||
      !(stored = outlay_repository_add_budget (cli->repository, draft, error)))
    return FALSE;

  return print_changed (cli, stored, CHANGE_ADDED, error);
}

/* show */

static gboolean
show_budget (OutlayCli *cli,
             char     **argv,
             GError   **error)
{
  g_autofree char   *date_text = NULL;
  const GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_FILENAME, &date_text,
      N_("The budget in the period this day falls in (default: today)"), N_("DAY") },
    G_OPTION_ENTRY_NULL
  };
  g_autofree char *description = g_strconcat (_("Examples:\n"
                                                 "  outlay budget show Groceries\n"
                                                 "  outlay budget show groceries --date 2026-02-10 --json\n"
                                                 "\n"),
                                              _(BUDGET_STATES_HELP), _("\nWith --json, one budget object:\n"), NULL);
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayBudget) budget = NULL;
  g_autoptr (GDate) day = NULL;
  g_auto (OutlayBudgetStatus) status = { { 0 } };

  context = outlay_cli_context_new (cli, _("NAME|UUID"),
                                    _("Shows one budget, archived or not, found by its name in any case or its "
                                      "UUID: its settings, and how it stands in the period the day falls in."),
                                    description, BUDGET_JSON_HELP, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, 1, _("Give the name or the UUID of a budget."), error) ||
      !parse_day (date_text, &day, error) ||
      !outlay_cli_open (cli, FALSE, error) ||
      !(budget = find_budget (cli, args[1], error)))
    return FALSE;

  if (cli->json)
    return print_json_budget (cli, budget, day, error);

  if (!outlay_repository_get_budget_status (cli->repository, budget, day, &status, error))
    return FALSE;

  print_budget (cli, budget, &status);
  return TRUE;
}

/* edit */

static gboolean
check_edit_options (BudgetOptions *options,
                    const char    *name_text,
                    const char    *amount_text,
                    gboolean       all_categories,
                    gboolean       no_cap,
                    gboolean       archive,
                    gboolean       unarchive,
                    GError       **error)
{
  const char *message = NULL;

  if (name_text == NULL && amount_text == NULL && !all_categories && !no_cap && !archive && !unarchive &&
      !budget_options_given (options))
    message = _("Nothing to change: give --name, --amount, --period, --every, --anchor, --from and --to, "
                "--category, --rollover, --cap, --currency, --alert, --archive or --unarchive.");
  else if (all_categories && options->category_names != NULL)
    message = _("--all-categories and --category contradict each other: give one.");
  else if (no_cap && options->cap_text != NULL)
    message = _("--cap and --no-cap contradict each other: give one.");
  else if (archive && unarchive)
    message = _("--archive and --unarchive contradict each other: give one.");
  else if (options->currency_text != NULL && amount_text == NULL)
    message = _("--currency needs --amount: the amount in the new currency.");

  if (message != NULL)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
edit_budget (OutlayCli *cli,
             char     **argv,
             GError   **error)
{
  g_auto (BudgetOptions) options = { 0 };
  g_autofree char   *name_text = NULL;
  g_autofree char   *amount_text = NULL;
  gboolean           all_categories = FALSE;
  gboolean           no_cap = FALSE;
  gboolean           archive = FALSE;
  gboolean           unarchive = FALSE;
  const GOptionEntry own_entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name_text,
      N_("The new name"), N_("NAME") },
    { "amount", 'a', 0, G_OPTION_ARG_FILENAME, &amount_text,
      N_("The new amount a period, read as “outlay add” reads it; 0 only watches"), N_("AMOUNT") },
    { "all-categories", 0, 0, G_OPTION_ARG_NONE, &all_categories,
      N_("Count every category again"), NULL },
    { "no-cap", 0, 0, G_OPTION_ARG_NONE, &no_cap,
      N_("Carry without a limit"), NULL },
    { "archive", 0, 0, G_OPTION_ARG_NONE, &archive,
      N_("Archive it: it leaves the list, which shows it again with --archived"), NULL },
    { "unarchive", 0, 0, G_OPTION_ARG_NONE, &unarchive,
      N_("Bring it back from the archive"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autofree GOptionEntry *entries = budget_options_add_entries (&options, own_entries);
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayBudget) budget = NULL;
  g_autoptr (OutlayBudget) stored = NULL;
  g_autofree char *name = NULL;
  gboolean         settings_change;
  gint64           amount = 0;

  context = outlay_cli_context_new (cli, _("NAME|UUID"),
                                    _("Changes a budget: only what is given changes. A new --period without "
                                      "--anchor starts where periods of it start (the 1st of this month, "
                                      "1 January, the first day of this week). Prints the budget as it is now."),
                                    _("Examples:\n"
                                      "  outlay budget edit Groceries --amount 450\n"
                                      "  outlay budget edit Groceries --name Food --category Groceries "
                                      "--category 'Food & Drink'\n"
                                      "  outlay budget edit Food --rollover both --cap 100\n"
                                      "  outlay budget edit Food --period week --anchor 2026-03-02\n"
                                      "  outlay budget edit Food --archive\n"
                                      "\n"
                                      "With --json, the changed budget object, in today’s period:\n"),
                                    BUDGET_JSON_HELP, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, 1, _("Give the name or the UUID of a budget."), error) ||
      !check_edit_options (&options, name_text, amount_text, all_categories, no_cap, archive, unarchive, error) ||
      (name_text != NULL && !(name = outlay_cli_text (name_text, "--name", error))) ||
      !budget_options_parse (&options, error))
    return FALSE;

  /* Read in the currency it will have: with a new one, before the
   * database is opened. */
  if (amount_text != NULL && options.currency != NULL &&
      !outlay_cli_parse_amount (amount_text, options.currency, &amount, error))
    return FALSE;

  if (!outlay_cli_open (cli, FALSE, error) || !(budget = find_budget (cli, args[1], error)))
    return FALSE;

  if (amount_text != NULL && options.currency == NULL &&
      !outlay_cli_parse_amount (amount_text, outlay_budget_get_currency (budget), &amount, error))
    return FALSE;

  if (name != NULL)
    outlay_budget_set_name (budget, name);
  if (amount_text != NULL)
    outlay_budget_set_amount (budget, amount);
  if (options.currency != NULL)
    outlay_budget_set_currency (budget, options.currency);
  if (all_categories)
    outlay_budget_set_categories (budget, NULL);

  if (!budget_options_apply (cli, &options, no_cap, budget, error))
    return FALSE;

  /* Archiving is its own write; what else changes is checked and
   * written first, so that a refusal leaves both undone. */
  settings_change = name != NULL || amount_text != NULL || all_categories || no_cap ||
                    budget_options_given (&options);
  if (settings_change && !(stored = outlay_repository_update_budget (cli->repository, budget, error)))
    return FALSE;

  if (archive || unarchive)
    {
      g_clear_object (&stored);
      if (!(stored = outlay_repository_archive_budget (cli->repository, outlay_budget_get_id (budget), archive,
                                                       error)))
        return FALSE;
    }

  if (!print_changed (cli, stored, CHANGE_CHANGED, error))
    return FALSE;

  if (!cli->json && outlay_budget_get_archived_at (stored) != NULL)
    {
      g_autofree char *prefix = outlay_cli_dup_command_prefix (cli);

      outlay_cli_print (_("It is archived; “%s budget list --archived” shows it.\n"), prefix);
    }

  return TRUE;
}

/* delete */

static gboolean
delete_budget (OutlayCli *cli,
               char     **argv,
               GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayBudget) budget = NULL;
  g_autoptr (OutlayBudget) before = NULL;

  context = outlay_cli_context_new (cli, _("NAME|UUID"),
                                    _("Deletes a budget. Its expenses stay as they are; the budget is kept, "
                                      "marked deleted, for a later sync."),
                                    _("Example:\n"
                                      "  outlay budget delete Groceries\n"
                                      "\n"
                                      "With --json, the deleted budget object, in today’s period:\n"),
                                    BUDGET_JSON_HELP, NULL);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, 1, _("Give the name or the UUID of a budget."), error) ||
      !outlay_cli_open (cli, FALSE, error) ||
      !(budget = find_budget (cli, args[1], error)) ||
      !(before = outlay_repository_delete_budget (cli->repository, outlay_budget_get_id (budget), error)))
    return FALSE;

  return print_changed (cli, before, CHANGE_DELETED, error);
}

gboolean
outlay_cli_budget (OutlayCli *cli,
                   char     **argv,
                   GError   **error)
{
  static const OutlayCliSubcommand subcommands[] = {
    { "list", "budget list", list_budgets },
    { "add", "budget add", add_budget },
    { "show", "budget show", show_budget },
    { "edit", "budget edit", edit_budget },
    { "delete", "budget delete", delete_budget },
    { "override", "budget override", outlay_cli_budget_override },
  };
  gboolean handled;
  gboolean done;
  int      sub;

  done = outlay_cli_run_subcommand (cli, argv, subcommands, G_N_ELEMENTS (subcommands), &sub, &handled, error);
  if (handled)
    return done;
  if (sub < 0)
    return list_budgets (cli, argv, error);

  /* "budget --date 2026-03-10": the word is an option's value, for list. */
  if (sub > 1 && argv[sub - 1][0] == '-')
    return list_budgets (cli, argv, error);

  {
    g_autofree char *utf8 = g_utf8_make_valid (argv[sub], -1);

    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                 _("“%s” is not one of list, add, show, edit, override or delete."), utf8);
  }
  return FALSE;
}
