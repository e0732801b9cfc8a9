/* outlay-cli-recurring.c
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

/* `outlay recurring [list|add|show|edit|pause|resume|delete|skip|confirm|
 * override|restore|run]`: recurring expenses (override and restore in
 * outlay-cli-recurring-edit.c). Which days they fall on and what a catch-up
 * writes are the store's to work out; this file reads options and
 * prints. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cli-private.h"
#include "outlay-date.h"
#include "outlay-money.h"
#include "outlay-number.h"

/* The most times a recurring expense may be given to end after. */
#define MAX_COUNT 100000

#define RULE_JSON_HELP                                        \
  "  {\n"                                                     \
  "    \"uuid\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\n" \
  "    \"description\": \"Rent\",\n"                          \
  "    \"amount\": \"950.00\",\n"                             \
  "    \"amount_minor\": 95000,\n"                            \
  "    \"currency\": \"EUR\",\n"                              \
  "    \"category\": \"Housing\",\n"                          \
  "    \"note\": \"\",\n"                                     \
  "    \"repeats\": \"monthly on day 1\",\n"                  \
  "    \"every\": \"month\",\n"                               \
  "    \"interval\": 1,\n"                                    \
  "    \"from\": \"2026-01-01\",\n"                           \
  "    \"weekdays\": null,\n"                                 \
  "    \"on_day\": 1,\n"                                      \
  "    \"on_weekday\": null,\n"                               \
  "    \"count\": null,\n"                                    \
  "    \"until\": null,\n"                                    \
  "    \"weekend\": \"keep\",\n"                              \
  "    \"mode\": \"automatic\",\n"                            \
  "    \"paused\": false,\n"                                  \
  "    \"next\": \"2026-04-01\",\n"                           \
  "    \"monthly_equivalent\": \"950.00\",\n"                 \
  "    \"monthly_equivalent_minor\": 95000,\n"                \
  "    \"done_through\": \"2026-03-20\"\n"                    \
  "  }\n"

#define RUN_JSON_HELP                                           \
  "{\n"                                                         \
  "  \"through\": \"2026-03-20\",\n"                            \
  "  \"dry_run\": false,\n"                                     \
  "  \"written\": [\n"                                          \
  "    {\n"                                                     \
  "      \"rule\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\n" \
  "      \"description\": \"Rent\",\n"                          \
  "      \"date\": \"2026-03-01\",\n"                           \
  "      \"scheduled\": \"2026-03-01\",\n"                      \
  "      \"amount\": \"950.00\",\n"                             \
  "      \"amount_minor\": 95000,\n"                            \
  "      \"currency\": \"EUR\"\n"                               \
  "    }\n"                                                     \
  "  ],\n"                                                      \
  "  \"held\": [\n"                                             \
  "    {\n"                                                     \
  "      \"rule\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4b\",\n" \
  "      \"description\": \"Coffee\",\n"                        \
  "      \"count\": 91\n"                                       \
  "    }\n"                                                     \
  "  ],\n"                                                      \
  "  \"due\": []\n"                                             \
  "}\n"

/* The options add and edit share: what a recurring expense is. */
typedef struct
{
  char    *every_text;
  char    *interval_text;
  char    *on_day_text;
  char   **on_weekday_texts;
  char    *from_text;
  char    *until_text;
  char    *count_text;
  gboolean forever;
  char    *weekend_text;
  char    *mode_text;
  char    *category_name;
  char    *note_text;
  char    *currency_text;
  char    *amount_text;      /* edit */
  char    *description_text; /* edit */
} RuleOptions;

static void
rule_options_clear (RuleOptions *options)
{
  g_clear_pointer (&options->every_text, g_free);
  g_clear_pointer (&options->interval_text, g_free);
  g_clear_pointer (&options->on_day_text, g_free);
  g_clear_pointer (&options->on_weekday_texts, g_strfreev);
  g_clear_pointer (&options->from_text, g_free);
  g_clear_pointer (&options->until_text, g_free);
  g_clear_pointer (&options->count_text, g_free);
  g_clear_pointer (&options->weekend_text, g_free);
  g_clear_pointer (&options->mode_text, g_free);
  g_clear_pointer (&options->category_name, g_free);
  g_clear_pointer (&options->note_text, g_free);
  g_clear_pointer (&options->currency_text, g_free);
  g_clear_pointer (&options->amount_text, g_free);
  g_clear_pointer (&options->description_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RuleOptions, rule_options_clear)

static GOptionEntry *
rule_options_entries (RuleOptions *options,
                      gboolean     edit)
{
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "every", 'e', 0, G_OPTION_ARG_FILENAME, &options->every_text,
      N_("How often: day, week, month or year (default: month)"), N_("UNIT") },
    { "interval", 'i', 0, G_OPTION_ARG_FILENAME, &options->interval_text,
      N_("Every N days, weeks, months or years (default: 1)"), N_("N") },
    { "on-day", 0, 0, G_OPTION_ARG_FILENAME, &options->on_day_text,
      N_("Monthly: on day N (the month's last day where it has fewer), or on the last day"), N_("N|last") },
    { "on-weekday", 'w', 0, G_OPTION_ARG_FILENAME_ARRAY, &options->on_weekday_texts,
      N_("Weekly: on this weekday, MO … SU (repeat it for several); monthly: on the Nth or last weekday, "
         "such as 2TU or -1FR"),
      N_("DAY") },
    { "from", 'f', 0, G_OPTION_ARG_FILENAME, &options->from_text,
      N_("The first day of the schedule (default: today)"), N_("DAY") },
    { "until", 'u', 0, G_OPTION_ARG_FILENAME, &options->until_text,
      N_("No occurrence after this day"), N_("DAY") },
    { "count", 'n', 0, G_OPTION_ARG_FILENAME, &options->count_text,
      N_("Ends after N occurrences"), N_("N") },
    { "forever", 0, 0, G_OPTION_ARG_NONE, &options->forever,
      N_("Never ends (undoes --until and --count)"), NULL },
    { "weekend", 0, 0, G_OPTION_ARG_FILENAME, &options->weekend_text,
      N_("An occurrence on a Saturday or Sunday: keep it, move it to the Friday before or the Monday after, or "
         "skip it (default: keep)"),
      N_("keep|before|after|skip") },
    { "mode", 'm', 0, G_OPTION_ARG_FILENAME, &options->mode_text,
      N_("auto: written on its day; confirm: due until confirmed or skipped (default: auto)"),
      N_("auto|confirm") },
    { "category", 'c', 0, G_OPTION_ARG_FILENAME, &options->category_name,
      N_("Its category, by name (default: Other)"), N_("NAME") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &options->note_text, N_("A note for its expenses"), N_("TEXT") },
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &options->currency_text,
      N_("Its currency (default: the ledger's)"), N_("CODE") },
    G_OPTION_ENTRY_NULL
  };
  /* clang-format on */
  const GOptionEntry edit_entries[] = {
    { "amount", 'a', 0, G_OPTION_ARG_FILENAME, &options->amount_text, N_("A new amount"), N_("AMOUNT") },
      { "description", 'd', 0, G_OPTION_ARG_FILENAME, &options->description_text, N_("A new description"), N_("TEXT") },
        G_OPTION_ENTRY_NULL };
  guint         n = G_N_ELEMENTS (entries) - 1;
  guint         n_edit = edit ? G_N_ELEMENTS (edit_entries) - 1 : 0;
  GOptionEntry *all = g_new0 (GOptionEntry, n + n_edit + 1);

  memcpy (all, edit_entries, n_edit * sizeof (GOptionEntry));
  memcpy (all + n_edit, entries, n * sizeof (GOptionEntry));
  for (guint i = n_edit; edit && i < n + n_edit; i++)
    if (g_str_equal (all[i].long_name, "from"))
      all[i].description = N_("Change only what falls from this day on (default: all that is still to come)");
  return all;
}

static gboolean
parse_count (const char *text,
             const char *option,
             guint       max,
             guint      *value,
             GError    **error)
{
  guint64 number = 0;

  if (!outlay_cli_is_number (text) || !g_ascii_string_to_unsigned (text, 10, 1, max, &number, NULL))
    return outlay_cli_usage_error (error, _("%s takes a whole number from 1 to %u, not “%s”."), option, max, text);
  *value = (guint) number;
  return TRUE;
}

gboolean
outlay_cli_parse_day (const char *text,
                      const char *option,
                      GDate      *day,
                      GError    **error)
{
  g_autofree char *iso = NULL;
  g_autoptr (GDate) parsed = NULL;

  if (!outlay_cli_parse_date (text, option, &iso, error))
    return FALSE;
  parsed = outlay_date_parse_iso (iso);
  *day = *parsed;
  return TRUE;
}

/* "2TU", "-1FR": the Nth (1 to 4) or last weekday of a month. */
static gboolean
parse_nth_weekday (const char       *text,
                   OutlayRecurrence *r)
{
  gsize            length = strlen (text);
  g_autofree char *number = NULL;
  GDateWeekday     weekday;
  gint64           n = 0;

  if (length < 3)
    return FALSE;
  weekday = outlay_weekday_from_code (text + length - 2);
  number = g_strndup (text, length - 2);
  if (weekday == G_DATE_BAD_WEEKDAY || !g_ascii_string_to_signed (number, 10, -1, 4, &n, NULL) || n == 0)
    return FALSE;
  r->monthly_on = OUTLAY_MONTHLY_ON_WEEKDAY;
  r->week_number = (int) n;
  r->weekday = weekday;
  return TRUE;
}

/* Applies the options about the schedule to @r, which holds the rule's
 * (or, for a new one, a monthly one from today). */
static gboolean
apply_schedule (RuleOptions      *options,
                OutlayRecurrence *r,
                GError          **error)
{
  OutlayRepeatUnit unit = r->unit;
  guint            interval = r->interval;
  GDate            start = r->start;

  if (options->every_text != NULL && !outlay_repeat_unit_from_string (options->every_text, &unit))
    return outlay_cli_usage_error (error, _("--every takes day, week, month or year, not “%s”."), options->every_text);
  if (options->interval_text != NULL && !parse_count (options->interval_text, "--interval", 1000, &interval, error))
    return FALSE;
  if (options->from_text != NULL && !outlay_cli_parse_day (options->from_text, "--from", &start, error))
    return FALSE;

  /* A new unit or first day: the days it falls on follow from them again,
   * the end and the weekend rule stay. */
  if (unit != r->unit || g_date_compare (&start, &r->start) != 0)
    {
      OutlayRecurrence fresh;

      outlay_recurrence_init (&fresh, unit, interval, &start);
      fresh.end = r->end;
      fresh.count = r->count;
      fresh.until = r->until;
      fresh.weekend = r->weekend;
      *r = fresh;
    }
  r->interval = interval;

  if (options->on_day_text != NULL)
    {
      guint day = 0;

      if (r->unit != OUTLAY_REPEAT_MONTHLY)
        return outlay_cli_usage_error (error, _("--on-day is for a monthly expense (--every month)."));
      if (g_ascii_strcasecmp (options->on_day_text, "last") == 0)
        r->monthly_on = OUTLAY_MONTHLY_LAST_DAY;
      else if (parse_count (options->on_day_text, "--on-day", 31, &day, error))
        {
          r->monthly_on = OUTLAY_MONTHLY_ON_DAY;
          r->month_day = day;
        }
      else
        return FALSE;
    }

  if (options->on_weekday_texts != NULL)
    {
      if (r->unit == OUTLAY_REPEAT_WEEKLY)
        {
          r->weekdays = 0;
          for (guint i = 0; options->on_weekday_texts[i] != NULL; i++)
            {
              g_auto (GStrv) codes = g_strsplit (options->on_weekday_texts[i], ",", -1);

              for (guint j = 0; codes[j] != NULL; j++)
                {
                  GDateWeekday day = outlay_weekday_from_code (g_strstrip (codes[j]));

                  if (day == G_DATE_BAD_WEEKDAY)
                    return outlay_cli_usage_error (error,
                                                   _("--on-weekday takes MO, TU, WE, TH, FR, SA or SU, not “%s”."),
                                                      codes[j]);
                  r->weekdays |= OUTLAY_WEEKDAY_BIT (day);
                }
            }
        }
      else if (r->unit == OUTLAY_REPEAT_MONTHLY)
        {
          if (g_strv_length (options->on_weekday_texts) != 1 || !parse_nth_weekday (options->on_weekday_texts[0], r))
            return outlay_cli_usage_error (error,
                                           _("A monthly expense falls on one weekday of the month: --on-weekday 2TU "
                                             "(the second Tuesday) or -1FR (the last Friday), not “%s”."),
                                              options->on_weekday_texts[0]);
        }
      else
        return outlay_cli_usage_error (error, _("--on-weekday is for a weekly or a monthly expense."));
    }

  if ((options->until_text != NULL) + (options->count_text != NULL) + options->forever > 1)
    return outlay_cli_usage_error (error, _("Give one of --until, --count and --forever."));
  if (options->forever)
    r->end = OUTLAY_REPEAT_END_NEVER;
  if (options->until_text != NULL)
    {
      if (!outlay_cli_parse_day (options->until_text, "--until", &r->until, error))
        return FALSE;
      r->end = OUTLAY_REPEAT_END_UNTIL;
    }
  if (options->count_text != NULL)
    {
      if (!parse_count (options->count_text, "--count", MAX_COUNT, &r->count, error))
        return FALSE;
      r->end = OUTLAY_REPEAT_END_COUNT;
    }
  if (options->weekend_text != NULL && !outlay_weekend_rule_from_string (options->weekend_text, &r->weekend))
    return outlay_cli_usage_error (error, _("--weekend takes keep, before, after or skip, not “%s”."),
                                             options->weekend_text);

  return TRUE;
}

/* The options that are not about the schedule, the database open. */
static gboolean
apply_fields (OutlayCli           *cli,
              RuleOptions         *options,
              OutlayRecurringRule *rule,
              GError             **error)
{
  if (options->mode_text != NULL)
    {
      if (g_str_equal (options->mode_text, "auto") || g_str_equal (options->mode_text, "automatic"))
        outlay_recurring_rule_set_mode (rule, OUTLAY_RECURRING_AUTOMATIC);
      else if (g_str_equal (options->mode_text, "confirm"))
        outlay_recurring_rule_set_mode (rule, OUTLAY_RECURRING_CONFIRM);
      else
        return outlay_cli_usage_error (error, _("--mode takes auto or confirm, not “%s”."), options->mode_text);
    }
  if (options->category_name != NULL)
    {
      OutlayCategory  *category = NULL; /* the list holds it */
      g_autofree char *name = outlay_cli_text (options->category_name, _("The category"), error);

      if (name == NULL || !(category = outlay_cli_find_category (cli, name, error)))
        return FALSE;
      outlay_recurring_rule_set_category_uuid (rule, outlay_category_get_uuid (category));
    }
  if (options->note_text != NULL)
    {
      g_autofree char *note = outlay_cli_text (options->note_text, _("The note"), error);

      if (note == NULL)
        return FALSE;
      outlay_recurring_rule_set_note (rule, note);
    }
  if (options->description_text != NULL)
    {
      g_autofree char *description = outlay_cli_text (options->description_text, _("The description"), error);

      if (description == NULL)
        return FALSE;
      outlay_recurring_rule_set_description (rule, description);
    }
  if (options->currency_text != NULL)
    {
      g_autofree char *currency = NULL;

      if (!outlay_cli_parse_currency (options->currency_text, &currency, error))
        return FALSE;
      outlay_recurring_rule_set_currency (rule, currency);
    }
  if (options->amount_text != NULL)
    {
      gint64 amount = 0;

      if (!outlay_cli_parse_amount (options->amount_text, outlay_recurring_rule_get_currency (rule), &amount, error))
        return FALSE;
      outlay_recurring_rule_set_amount (rule, amount);
    }
  return TRUE;
}

/* A rule by its uuid, or by its description in any case when only one
 * has it, or only one of those that have it has not ended. */
OutlayRecurringRule *
outlay_cli_find_recurring_rule (OutlayCli  *cli,
                                const char *raw,
                                GError    **error)
{
  g_autofree char *text = outlay_cli_text (raw, _("The recurring expense"), error);
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char     *folded = NULL;
  OutlayRecurringRule *found = NULL;
  OutlayRecurringRule *going = NULL;
  guint                n_found = 0;
  guint                n_going = 0;

  if (text == NULL || !(rules = outlay_repository_list_recurring_rules (cli->repository, error)))
    return NULL;
  g_strstrip (text);
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < rules->len; i++)
    {
      OutlayRecurringRule    *rule = g_ptr_array_index (rules, i);
      const OutlayRecurrence *r = outlay_recurring_rule_get_recurrence (rule);
      g_autofree char        *other = g_utf8_casefold (outlay_recurring_rule_get_description (rule), -1);
      OutlayOccurrence        next;

      if (g_ascii_strcasecmp (outlay_recurring_rule_get_uuid (rule), text) == 0)
        return g_object_ref (rule);
      if (!g_str_equal (folded, other))
        continue;
      found = rule;
      n_found++;
      if (outlay_recurrence_validate (r, NULL) && outlay_recurrence_next (r, today, &next))
        {
          going = rule;
          n_going++;
        }
    }

  /* One changed from a day on ends where the new one, of the same name,
   * goes on: once it has ended, the name is the new one's. */
  if (n_found == 1 || (n_found > 1 && n_going == 1))
    return g_object_ref (n_found == 1 ? found : going);
  if (n_found > 1)
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                 _("%u recurring expenses are called “%s”: give the UUID of one (outlay recurring list --json)."),
                    n_found, text);
  else
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                 _("There is no recurring expense “%s” (outlay recurring list shows them)."), text);
  return NULL;
}

/* The database opened, and the recurring expense the one argument names. */
static OutlayRecurringRule *
open_rule (OutlayCli *cli,
           char     **args,
           GError   **error)
{
  const char *usage = _("Give the description or the UUID of a recurring expense.");

  if (!outlay_cli_expect_args (cli, args, 1, 1, usage, error) || !outlay_cli_open (cli, FALSE, error))
    return NULL;
  return outlay_cli_find_recurring_rule (cli, args[1], error);
}

/* Printing */

/* A category deleted since: the fallback's, as its expenses are. */
static const char *
category_name_of (OutlayCli           *cli,
                  OutlayRecurringRule *rule)
{
  OutlayCategory *category =
    outlay_repository_lookup_category_by_uuid (cli->repository, outlay_recurring_rule_get_category_uuid (rule));

  if (category == NULL)
    category = outlay_repository_get_fallback_category (cli->repository);
  return category != NULL ? outlay_category_get_name (category) : NULL;
}

static char *
describe_end (const OutlayRecurrence *r)
{
  char day[OUTLAY_DATE_ISO_SIZE];

  switch (r->end)
    {
    case OUTLAY_REPEAT_END_COUNT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time", "%u times", r->count), r->count);
    case OUTLAY_REPEAT_END_UNTIL:
      outlay_date_format_iso_buf (&r->until, day);
      /* Translators: when a recurring expense ends */
      return g_strdup_printf (_("until %s"), day);
    case OUTLAY_REPEAT_END_NEVER:
    default:
      return NULL;
    }
}

static void
json_day (JsonBuilder *builder,
          const char  *name,
          const GDate *day)
{
  char text[OUTLAY_DATE_ISO_SIZE];

  outlay_date_format_iso_buf (day, text);
  outlay_cli_json_add_string (builder, name, text);
}

static gboolean
json_rule (OutlayCli           *cli,
           JsonBuilder         *builder,
           OutlayRecurringRule *rule,
           GError             **error)
{
  const OutlayRecurrence *r = outlay_recurring_rule_get_recurrence (rule);
  const char             *currency = outlay_recurring_rule_get_currency (rule);
  g_autofree char        *repeats = outlay_recurrence_describe (r);
  g_auto (OutlayPlannedExpense) next = { 0 };
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GError) next_error = NULL;
  gboolean has_next;

  has_next = outlay_recurring_rule_get_paused_at (rule) == NULL &&
             outlay_repository_get_next_occurrence (cli->repository, rule, today, &next, &next_error);
  if (next_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&next_error));
      return FALSE;
    }

  json_builder_begin_object (builder);
  outlay_cli_json_add_string (builder, "uuid", outlay_recurring_rule_get_uuid (rule));
  outlay_cli_json_add_string (builder, "description", outlay_recurring_rule_get_description (rule));
  outlay_cli_json_add_money (builder, "amount", outlay_recurring_rule_get_amount (rule), currency);
  outlay_cli_json_add_string (builder, "currency", currency);
  outlay_cli_json_add_string (builder, "category", category_name_of (cli, rule));
  outlay_cli_json_add_string (builder, "note", outlay_recurring_rule_get_note (rule));
  outlay_cli_json_add_string (builder, "repeats", repeats);
  outlay_cli_json_add_string (builder, "every", outlay_repeat_unit_to_string (r->unit));
  outlay_cli_json_add_int (builder, "interval", r->interval);
  json_day (builder, "from", &r->start);
  if (r->unit == OUTLAY_REPEAT_WEEKLY)
    {
      outlay_cli_json_begin_array (builder, "weekdays");
      for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
        if ((r->weekdays & OUTLAY_WEEKDAY_BIT (day)) != 0)
          json_builder_add_string_value (builder, outlay_weekday_to_code (day));
      json_builder_end_array (builder);
    }
  else
    outlay_cli_json_add_null (builder, "weekdays");
  if (r->unit == OUTLAY_REPEAT_MONTHLY && r->monthly_on == OUTLAY_MONTHLY_ON_DAY)
    outlay_cli_json_add_int (builder, "on_day", r->month_day);
  else if (r->unit == OUTLAY_REPEAT_MONTHLY && r->monthly_on == OUTLAY_MONTHLY_LAST_DAY)
    outlay_cli_json_add_string (builder, "on_day", "last");
  else
    outlay_cli_json_add_null (builder, "on_day");
  if (r->unit == OUTLAY_REPEAT_MONTHLY && r->monthly_on == OUTLAY_MONTHLY_ON_WEEKDAY)
    {
      g_autofree char *nth = g_strdup_printf ("%d%s", r->week_number, outlay_weekday_to_code (r->weekday));

      outlay_cli_json_add_string (builder, "on_weekday", nth);
    }
  else
    outlay_cli_json_add_null (builder, "on_weekday");
  if (r->end == OUTLAY_REPEAT_END_COUNT)
    outlay_cli_json_add_int (builder, "count", r->count);
  else
    outlay_cli_json_add_null (builder, "count");
  if (r->end == OUTLAY_REPEAT_END_UNTIL)
    json_day (builder, "until", &r->until);
  else
    outlay_cli_json_add_null (builder, "until");
  outlay_cli_json_add_string (builder, "weekend", outlay_weekend_rule_to_string (r->weekend));
  outlay_cli_json_add_string (builder, "mode", outlay_recurring_mode_to_string (outlay_recurring_rule_get_mode (rule)));
  outlay_cli_json_add_bool (builder, "paused", outlay_recurring_rule_get_paused_at (rule) != NULL);
  if (has_next)
    json_day (builder, "next", &next.occurrence.day);
  else
    outlay_cli_json_add_null (builder, "next");
  outlay_cli_json_add_money (builder, "monthly_equivalent",
                             outlay_recurrence_monthly_equivalent (r, outlay_recurring_rule_get_amount (rule)),
                             currency);
  outlay_cli_json_add_string (builder, "done_through", outlay_recurring_rule_get_done_through (rule));
  json_builder_end_object (builder);
  return TRUE;
}

/* "Rent: 950.00 EUR, monthly on day 1 from 2026-01-01, 12 times" */
static char *
describe_rule (OutlayRecurringRule *rule)
{
  const OutlayRecurrence *r = outlay_recurring_rule_get_recurrence (rule);
  g_autofree char        *amount = outlay_money_format_plain (outlay_recurring_rule_get_amount (rule),
                                                              outlay_recurring_rule_get_currency (rule));
  g_autofree char        *repeats = outlay_recurrence_describe (r);
  g_autofree char        *end = describe_end (r);
  char                    start[OUTLAY_DATE_ISO_SIZE];
  g_autoptr (GString) text = g_string_new (NULL);

  outlay_date_format_iso_buf (&r->start, start);
  /* Translators: a recurring expense: amount, currency, how often, first day */
  g_string_printf (text, _("%s %s, %s from %s"), amount, outlay_recurring_rule_get_currency (rule), repeats, start);
  if (end != NULL)
    g_string_append_printf (text, ", %s", end);
  if (outlay_recurring_rule_get_mode (rule) == OUTLAY_RECURRING_CONFIRM)
    g_string_append_printf (text, ", %s", _("to confirm"));
  if (outlay_recurring_rule_get_paused_at (rule) != NULL)
    g_string_append_printf (text, ", %s", _("paused"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef enum
{
  SAID_NOTHING, /* --json only */
  SAID_ADDED,
  SAID_CHANGED,
  SAID_CHANGED_FROM,
  SAID_PAUSED,
  SAID_RESUMED,
  SAID_PAUSED_ALREADY,
  SAID_NOT_PAUSED,
  SAID_DELETED,
  SAID_DELETED_WITH_EXPENSES,
} Said;

static gboolean
print_rule (OutlayCli           *cli,
            OutlayRecurringRule *rule,
            Said                 said,
            GError             **error)
{
  const char      *description = outlay_recurring_rule_get_description (rule);
  g_autofree char *what = NULL;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      if (!json_rule (cli, builder, rule, error))
        return FALSE;
      outlay_cli_json_print (builder);
      return TRUE;
    }

  what = describe_rule (rule);
  switch (said)
    {
    case SAID_ADDED:
      /* Translators: "Added recurring expense “Rent”: 950.00 EUR, monthly on day 1 from 2026-01-01." */
      outlay_cli_print (_("Added recurring expense “%s”: %s.\n"), description, what);
      break;
    case SAID_CHANGED:
      outlay_cli_print (_("Changed recurring expense “%s”: %s.\n"), description, what);
      break;
    case SAID_CHANGED_FROM:
      /* Translators: the new recurring expense of a change from a day on, and what it is */
      outlay_cli_print (_("Changed recurring expense “%s” from a day on: %s.\n"), description, what);
      break;
    case SAID_PAUSED:
      outlay_cli_print (_("Paused “%s”: %s.\n"), description, what);
      break;
    case SAID_RESUMED:
      outlay_cli_print (_("Resumed “%s”: %s.\n"), description, what);
      break;
    case SAID_PAUSED_ALREADY:
      outlay_cli_print (_("“%s” is paused already: %s.\n"), description, what);
      break;
    case SAID_NOT_PAUSED:
      outlay_cli_print (_("“%s” is not paused: %s.\n"), description, what);
      break;
    case SAID_DELETED:
      outlay_cli_print (_("Deleted recurring expense “%s”, its expenses kept: %s.\n"), description, what);
      break;
    case SAID_DELETED_WITH_EXPENSES:
      outlay_cli_print (_("Deleted recurring expense “%s” and its expenses: %s.\n"), description, what);
      break;
    case SAID_NOTHING:
    default:
      outlay_cli_print ("%s: %s.\n", description, what);
      break;
    }
  return TRUE;
}

/* list */

static gboolean
list_rules (OutlayCli *cli,
            char     **argv,
            GError   **error)
{
  gboolean whole = g_str_equal (cli->command, "recurring");
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayCliTable) table = outlay_cli_table_new (6);
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, whole ? _("[list|add|show|edit|pause|resume|delete|skip|confirm|override|restore|run] …") : NULL,
    _("Lists the recurring expenses: how often each falls, when next, and what it costs in an average month. "
      "“outlay recurring add”, “show”, “edit”, “pause”, “resume”, “delete”, “skip”, “confirm”, “override”, "
      "“restore” and “run” deal with them; each has its own --help."),
    _("Examples:\n"
      "  outlay recurring add 950 Rent --category Housing --on-day 1\n"
      "  outlay recurring add 39.99 Phone bill --on-day last --weekend before --mode confirm\n"
      "  outlay recurring add 12 Gym --every week --interval 2 --on-weekday TU --on-weekday TH\n"
      "  outlay recurring add 25 Book club --on-weekday 2TU --count 10\n"
      "  outlay recurring run\n"
      "\n"
      "With --json, an array of recurring expense objects:\n"),
    "[\n" RULE_JSON_HELP "]\n", NULL);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) || !outlay_cli_open (cli, FALSE, error) ||
      !(rules = outlay_repository_list_recurring_rules (cli->repository, error)))
    return FALSE;

  outlay_cli_table_align_right (table, 1);
  outlay_cli_table_align_right (table, 4);
  outlay_cli_table_add (table, _("DESCRIPTION"), _("AMOUNT"), _("REPEATS"), _("NEXT"), _("A MONTH"), _("MODE"),
                                                                                                             NULL);
  for (guint i = 0; i < rules->len; i++)
    {
      OutlayRecurringRule    *rule = g_ptr_array_index (rules, i);
      const OutlayRecurrence *r = outlay_recurring_rule_get_recurrence (rule);
      const char             *currency = outlay_recurring_rule_get_currency (rule);
      g_auto (OutlayPlannedExpense) next = { 0 };
      g_autofree char *amount = NULL;
      g_autofree char *repeats = NULL;
      g_autofree char *monthly = NULL;
      char             day[OUTLAY_DATE_ISO_SIZE] = "–";
      const char      *mode;

      if (cli->json)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();

          if (!json_rule (cli, builder, rule, error))
            return FALSE;
          outlay_cli_json_print_element (builder, i);
          continue;
        }

      if (outlay_recurring_rule_get_paused_at (rule) == NULL)
        {
          if (outlay_repository_get_next_occurrence (cli->repository, rule, today, &next, error))
            outlay_date_format_iso_buf (&next.occurrence.day, day);
          else if (error != NULL && *error != NULL)
            return FALSE;
        }
      amount = outlay_money_format_expense (outlay_recurring_rule_get_amount (rule), currency);
      repeats = outlay_recurrence_describe (r);
      monthly =
        outlay_money_format_expense (outlay_recurrence_monthly_equivalent (r, outlay_recurring_rule_get_amount (rule)),
                                     currency);
      /* clang-format off */
      mode = outlay_recurring_rule_get_paused_at (rule) != NULL                         ? _("paused")
             : outlay_recurring_rule_get_mode (rule) == OUTLAY_RECURRING_CONFIRM ? _("to confirm")
                                                                                 : _("automatic");
      /* clang-format on */
      outlay_cli_table_add (table, outlay_recurring_rule_get_description (rule), amount, repeats, day, monthly, mode,
                            NULL);
    }

  if (cli->json)
    {
      outlay_cli_json_print_end (rules->len);
      return TRUE;
    }
  if (rules->len == 0)
    {
      outlay_cli_print (_("There are no recurring expenses. “outlay recurring add AMOUNT DESCRIPTION” adds one.\n"));
      return TRUE;
    }
  outlay_cli_table_print (table, "");
  return TRUE;
}

/* add */

static gboolean
add_rule (OutlayCli *cli,
          char     **argv,
          GError   **error)
{
  g_auto (RuleOptions) options = { 0 };
  g_autofree GOptionEntry *entries = rule_options_entries (&options, FALSE);
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *description = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *currency = NULL;
  OutlayRecurrence recurrence;
  gint64           amount = 0;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("AMOUNT DESCRIPTION…"),
    _("Adds a recurring expense: AMOUNT, read as “outlay add” reads amounts, each time it falls. Each day it "
      "falls on is counted from the first (a month on the 31st falls on the 31st again after February). "
      "“outlay recurring run”, and the window when it opens, write what is due."),
    _("Examples:\n"
      "  outlay recurring add 950 Rent --category Housing --on-day 1\n"
      "  outlay recurring add 39.99 Phone bill --on-day last --weekend before --mode confirm\n"
      "  outlay recurring add 12 Gym --every week --interval 2 --on-weekday TU --on-weekday TH\n"
      "  outlay recurring add 25 Book club --on-weekday 2TU --count 10\n"
      "  outlay recurring add 240 Insurance --every year --from 2026-02-28\n"
      "\n"
      "With --json, the new recurring expense object:\n"),
    RULE_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 2, G_MAXUINT, _("Give the amount and the description."), error))
    return FALSE;
  joined = g_strjoinv (" ", args + 2);
  if (!(description = outlay_cli_text (joined, _("The description"), error)))
    return FALSE;

  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, today);
  if (!apply_schedule (&options, &recurrence, error))
    return FALSE;
  if (options.currency_text != NULL && !outlay_cli_parse_currency (options.currency_text, &currency, error))
    return FALSE;

  if (!outlay_cli_open (cli, TRUE, error))
    return FALSE;
  if (currency == NULL)
    currency = outlay_cli_dup_default_currency (cli);
  if (!outlay_cli_parse_amount (args[1], currency, &amount, error))
    return FALSE;

  outlay_recurring_rule_set_amount (draft, amount);
  outlay_recurring_rule_set_currency (draft, currency);
  outlay_recurring_rule_set_description (draft, description);
  outlay_recurring_rule_set_recurrence (draft, &recurrence);
  if (outlay_repository_get_fallback_category (cli->repository) != NULL)
    outlay_recurring_rule_set_category_uuid (
      draft, outlay_category_get_uuid (outlay_repository_get_fallback_category (cli->repository)));
  g_clear_pointer (&options.currency_text, g_free);
  if (!apply_fields (cli, &options, draft, error) ||
      !(stored = outlay_repository_add_recurring_rule (cli->repository, draft, error)))
    return FALSE;

  return print_rule (cli, stored, SAID_ADDED, error);
}

/* show */

static gboolean
show_rule (OutlayCli *cli,
           char     **argv,
           GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_auto (OutlayPlannedExpense) next = { 0 };
  g_autofree char *what = NULL;

  /* clang-format off */
  context = outlay_cli_context_new (cli, _("DESCRIPTION|UUID"),
                                    _("Shows one recurring expense, found by its description in any case or its "
                                      "UUID, and when it falls next."),
                                    _("Example:\n"
                                      "  outlay recurring show rent --json\n"
                                      "\n"
                                      "With --json, one recurring expense object:\n"),
                                    RULE_JSON_HELP, NULL);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!(rule = open_rule (cli, args, error)))
    return FALSE;

  if (cli->json)
    return print_rule (cli, rule, SAID_NOTHING, error);

  what = describe_rule (rule);
  outlay_cli_print ("%s: %s\n", outlay_recurring_rule_get_description (rule), what);
  outlay_cli_print (_("Category: %s\n"), category_name_of (cli, rule));
  if (*outlay_recurring_rule_get_note (rule) != '\0')
    outlay_cli_print (_("Note: %s\n"), outlay_recurring_rule_get_note (rule));
  if (outlay_recurring_rule_get_paused_at (rule) == NULL &&
      outlay_repository_get_next_occurrence (cli->repository, rule, today, &next, error))
    {
      char day[OUTLAY_DATE_ISO_SIZE];

      outlay_date_format_iso_buf (&next.occurrence.day, day);
      outlay_cli_print (_("Next: %s\n"), day);
    }
  else if (error != NULL && *error != NULL)
    return FALSE;
  outlay_cli_print (_("UUID: %s\n"), outlay_recurring_rule_get_uuid (rule));
  return TRUE;
}

/* edit, pause, resume */

static gboolean
edit_rule (OutlayCli *cli,
           char     **argv,
           GError   **error)
{
  g_auto (RuleOptions) options = { 0 };
  g_autofree GOptionEntry *entries = rule_options_entries (&options, TRUE);
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (OutlayRecurringRule) stored = NULL;
  OutlayRecurrence recurrence;
  OutlayRepeatUnit unit;
  gboolean         split;
  GDate            from;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("DESCRIPTION|UUID"),
    _("Changes a recurring expense, with the options of “outlay recurring add” and --amount and --description: "
      "every occurrence still to come, or with --from those from a day on (the recurring expense ends the day "
      "before, and a new one goes on from there). The expenses it wrote already stay as they are."),
    _("Examples:\n"
      "  outlay recurring edit Rent --amount 990\n"
      "  outlay recurring edit Rent --amount 990 --from 2026-07-01\n"
      "  outlay recurring edit Gym --every month --on-day 1 --forever\n"
      "\n"
      "With --json, the changed recurring expense object (with --from, the new one):\n"),
    RULE_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  /* Here --from is the day the change is for, not the first of the
   * schedule: the schedule keeps its days. */
  split = options.from_text != NULL;
  if (split && !outlay_cli_parse_day (options.from_text, "--from", &from, error))
    return FALSE;
  g_clear_pointer (&options.from_text, g_free);
  if (!(rule = open_rule (cli, args, error)))
    return FALSE;

  if (options.every_text == NULL && options.interval_text == NULL && options.on_day_text == NULL &&
      options.on_weekday_texts == NULL && options.until_text == NULL &&
      options.count_text == NULL && !options.forever && options.weekend_text == NULL && options.mode_text == NULL &&
      options.category_name == NULL && options.note_text == NULL && options.currency_text == NULL &&
      options.amount_text == NULL && options.description_text == NULL)
    return outlay_cli_usage_error (error,
                                   _("Nothing to change: give what changes, such as --amount 990 (see --help)."));
  /* Its amount is in minor units of its currency. */
  if (options.currency_text != NULL && options.amount_text == NULL)
    return outlay_cli_usage_error (error, _("--currency needs --amount: the amount in the new currency."));

  recurrence = *outlay_recurring_rule_get_recurrence (rule);
  /* Another unit from a day on falls on that day's weekday or day. */
  if (split && options.every_text != NULL && outlay_repeat_unit_from_string (options.every_text, &unit) &&
      unit != recurrence.unit)
    recurrence.start = from;
  if (!apply_schedule (&options, &recurrence, error))
    return FALSE;
  outlay_recurring_rule_set_recurrence (rule, &recurrence);
  if (!apply_fields (cli, &options, rule, error))
    return FALSE;
  stored = split ? outlay_repository_split_recurring_rule (cli->repository, outlay_recurring_rule_get_uuid (rule),
                                                           &from, rule, error)
                 : outlay_repository_update_recurring_rule (cli->repository, rule, error);
  if (stored == NULL)
    return FALSE;

  return print_rule (cli, stored, split ? SAID_CHANGED_FROM : SAID_CHANGED, error);
}

static gboolean
pause_or_resume (OutlayCli *cli,
                 char     **argv,
                 gboolean   pause,
                 GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (OutlayRecurringRule) stored = NULL;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("DESCRIPTION|UUID"),
    pause ? _("Pauses a recurring expense: nothing that falls while it is paused is written, then or later.")
          : _("Resumes a paused recurring expense, from today."),
    _("With --json, the recurring expense object:\n"), RULE_JSON_HELP, NULL);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!(rule = open_rule (cli, args, error)))
    return FALSE;

  if (pause == (outlay_recurring_rule_get_paused_at (rule) != NULL))
    return print_rule (cli, rule, pause ? SAID_PAUSED_ALREADY : SAID_NOT_PAUSED, error);

  if (!(stored = outlay_repository_pause_recurring_rule (cli->repository, outlay_recurring_rule_get_uuid (rule),
                                                         pause, error)))
    return FALSE;

  return print_rule (cli, stored, pause ? SAID_PAUSED : SAID_RESUMED, error);
}

static gboolean
pause_rule (OutlayCli *cli,
            char     **argv,
            GError   **error)
{
  return pause_or_resume (cli, argv, TRUE, error);
}

static gboolean
resume_rule (OutlayCli *cli,
             char     **argv,
             GError   **error)
{
  return pause_or_resume (cli, argv, FALSE, error);
}

/* delete */

static gboolean
delete_rule (OutlayCli *cli,
             char     **argv,
             GError   **error)
{
  gboolean           keep = FALSE;
  gboolean           remove = FALSE;
  const GOptionEntry entries[] = {
    { "keep-expenses", 0, 0, G_OPTION_ARG_NONE, &keep, N_("Keep the expenses it wrote (the default)"), NULL },
      { "delete-expenses", 0, 0, G_OPTION_ARG_NONE, &remove, N_("Delete the expenses it wrote too"), NULL },
        G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (OutlayRecurringRule) before = NULL;
  const char *uuid;

  /* clang-format off */
  context = outlay_cli_context_new (cli, _("DESCRIPTION|UUID"),
                                    _("Deletes a recurring expense: it writes nothing more. The expenses it wrote "
                                      "stay, unless --delete-expenses; both are kept, marked deleted, for a later "
                                      "sync."),
                                    _("Example:\n"
                                      "  outlay recurring delete Gym --delete-expenses\n"
                                      "\n"
                                      "With --json, the deleted recurring expense object:\n"),
                                    RULE_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (keep && remove)
    return outlay_cli_usage_error (error, _("Give --keep-expenses or --delete-expenses, not both."));
  if (!(rule = open_rule (cli, args, error)))
    return FALSE;
  uuid = outlay_recurring_rule_get_uuid (rule);
  before = outlay_repository_delete_recurring_rule (cli->repository, uuid, remove, error);
  if (before == NULL)
    return FALSE;

  return print_rule (cli, before, remove ? SAID_DELETED_WITH_EXPENSES : SAID_DELETED, error);
}

/* skip, confirm */

void
outlay_cli_json_occurrence (JsonBuilder                *builder,
                            const OutlayPlannedExpense *planned)
{
  const char *currency = outlay_recurring_rule_get_currency (planned->rule);

  json_builder_begin_object (builder);
  outlay_cli_json_add_string (builder, "rule", outlay_recurring_rule_get_uuid (planned->rule));
  outlay_cli_json_add_string (builder, "description", outlay_recurring_rule_get_description (planned->rule));
  json_day (builder, "date", &planned->occurrence.day);
  json_day (builder, "scheduled", &planned->occurrence.scheduled);
  outlay_cli_json_add_money (builder, "amount", planned->amount, currency);
  outlay_cli_json_add_string (builder, "currency", currency);
  json_builder_end_object (builder);
}

static void
print_occurrence (const OutlayPlannedExpense *planned)
{
  g_autofree char *amount = outlay_money_format_expense (planned->amount,
                                                         outlay_recurring_rule_get_currency (planned->rule));
  char             day[OUTLAY_DATE_ISO_SIZE];

  outlay_date_format_iso_buf (&planned->occurrence.day, day);
  outlay_cli_print ("  %s  %s  %s\n", day, outlay_recurring_rule_get_description (planned->rule), amount);
}

static gboolean
skip_or_confirm (OutlayCli *cli,
                 char     **argv,
                 gboolean   confirm,
                 GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_auto (OutlayPlannedExpense) planned = { 0 };
  const char *usage;
  GDate       scheduled;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("DESCRIPTION|UUID DAY"),
    confirm ? _("Writes the occurrence a recurring expense's schedule names on DAY now: a due one of an expense to "
                "confirm, or one still to come, ahead of its day.")
            : _("Leaves out the occurrence a recurring expense's schedule names on DAY, due or still to come: it "
                "is never written."),
    confirm ? _("Example:\n  outlay recurring confirm 'Phone bill' 2026-03-31\n")
            : _("Example:\n  outlay recurring skip Rent 2026-08-01\n"),
    NULL, NULL);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  usage = _("Give the description or the UUID of a recurring expense, and the day.");
  if (!outlay_cli_expect_args (cli, args, 2, 2, usage, error) ||
      !outlay_cli_parse_day (args[2], _("The day"), &scheduled, error))
    return FALSE;
  if (!outlay_cli_open (cli, FALSE, error) || !(rule = outlay_cli_find_recurring_rule (cli, args[1], error)))
    return FALSE;

  if (confirm)
    {
      gint64 id = outlay_repository_confirm_occurrence (cli->repository, outlay_recurring_rule_get_uuid (rule),
                                                        &scheduled, today, error);
      g_autoptr (OutlayExpense) expense = NULL;

      if (id == 0 || !(expense = outlay_repository_get_expense (cli->repository, id, error)))
        return FALSE;
      if (cli->json)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();

          outlay_cli_json_expense (cli, builder, expense);
          outlay_cli_json_print (builder);
        }
      else
        outlay_cli_print_expense (cli, expense);
      return TRUE;
    }

  if (!outlay_repository_skip_occurrence (cli->repository, outlay_recurring_rule_get_uuid (rule), &scheduled, today,
                                          error))
    return FALSE;
  if (cli->json)
    return print_rule (cli, rule, SAID_NOTHING, error);
  outlay_cli_print (_("Skipped “%s” on %s.\n"), outlay_recurring_rule_get_description (rule), args[2]);
  return TRUE;
}

static gboolean
skip_occurrence (OutlayCli *cli,
                 char     **argv,
                 GError   **error)
{
  return skip_or_confirm (cli, argv, FALSE, error);
}

static gboolean
confirm_occurrence (OutlayCli *cli,
                    char     **argv,
                    GError   **error)
{
  return skip_or_confirm (cli, argv, TRUE, error);
}

/* run */

static gboolean
run_rules (OutlayCli *cli,
           char     **argv,
           GError   **error)
{
  g_autofree char   *through_text = NULL;
  gboolean           dry_run = FALSE;
  gboolean           allow_many = FALSE;
  const GOptionEntry entries[] = {
    { "through", 't', 0, G_OPTION_ARG_FILENAME, &through_text,
      N_("Catch up to this day, as if it were today (default: today)"), N_("DAY") },
      { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Say what would be written, and write nothing"), NULL },
        { "allow-many", 0, 0, G_OPTION_ARG_NONE, &allow_many,
          N_("Write even where one recurring expense would write more than 60 at once"), NULL },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GArray) due = NULL;
  GDate through;
  guint most;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, NULL,
    _("Writes every occurrence of the automatic recurring expenses that fell since they were last written, up to "
      "today, each once (two runs at once write each once too), and lists those due to confirm. One recurring "
      "expense that would write more than 60 at once is held until run with --allow-many."),
    _("Examples:\n"
      "  outlay recurring run\n"
      "  outlay recurring run --through 2026-12-31 --dry-run\n"
      "\n"
      "With --json, what it wrote (or would write), held and found due:\n"),
    RUN_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) ||
      !outlay_cli_parse_day (through_text != NULL ? through_text : "today", "--through", &through, error) ||
      !outlay_cli_open (cli, FALSE, error))
    return FALSE;

  most = allow_many ? 0 : OUTLAY_RECURRING_MOST_AT_ONCE;
  run = dry_run ? outlay_repository_plan_recurring (cli->repository, &through, most, NULL, error)
                : outlay_repository_run_recurring (cli->repository, &through, most, NULL, error);
  if (run == NULL || !(due = outlay_repository_list_due (cli->repository, &through, error)))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_day (builder, "through", &through);
      outlay_cli_json_add_bool (builder, "dry_run", dry_run);
      outlay_cli_json_begin_array (builder, "written");
      for (guint i = 0; i < run->planned->len; i++)
        outlay_cli_json_occurrence (builder, &g_array_index (run->planned, OutlayPlannedExpense, i));
      json_builder_end_array (builder);
      outlay_cli_json_begin_array (builder, "held");
      for (guint i = 0; i < run->held->len; i++)
        {
          const OutlayHeldRule *held = g_ptr_array_index (run->held, i);

          json_builder_begin_object (builder);
          outlay_cli_json_add_string (builder, "rule", outlay_recurring_rule_get_uuid (held->rule));
          outlay_cli_json_add_string (builder, "description", outlay_recurring_rule_get_description (held->rule));
          outlay_cli_json_add_int (builder, "count", held->count);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      outlay_cli_json_begin_array (builder, "due");
      for (guint i = 0; i < due->len; i++)
        outlay_cli_json_occurrence (builder, &g_array_index (due, OutlayPlannedExpense, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      outlay_cli_json_print (builder);
      return TRUE;
    }

  if (run->planned->len == 0)
    outlay_cli_print (dry_run ? _("No recurring expense would be written.\n") : _("No recurring expense was due.\n"));
  else
    outlay_cli_print (dry_run ? g_dngettext (GETTEXT_PACKAGE, "%u recurring expense would be written:\n",
                                             "%u recurring expenses would be written:\n", run->planned->len)
                              : g_dngettext (GETTEXT_PACKAGE, "Added %u recurring expense:\n",
                                             "Added %u recurring expenses:\n", run->planned->len),
                      run->planned->len);
  for (guint i = 0; i < run->planned->len; i++)
    print_occurrence (&g_array_index (run->planned, OutlayPlannedExpense, i));
  for (guint i = 0; i < run->held->len; i++)
    {
      const OutlayHeldRule *held = g_ptr_array_index (run->held, i);

      outlay_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                     "“%s” would add %u expense at once: run again with --allow-many to add it.\n",
                                     "“%s” would add %u expenses at once: run again with --allow-many to add them.\n",
                                     held->count),
                        outlay_recurring_rule_get_description (held->rule), held->count);
    }
  if (due->len > 0)
    {
      outlay_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                     "%u recurring expense is due, to confirm (outlay recurring confirm) or skip:\n",
                                     "%u recurring expenses are due, to confirm (outlay recurring confirm) or skip:\n",
                                     due->len),
                        due->len);
      for (guint i = 0; i < due->len; i++)
        print_occurrence (&g_array_index (due, OutlayPlannedExpense, i));
    }
  return TRUE;
}

gboolean
outlay_cli_recurring (OutlayCli *cli,
                      char     **argv,
                      GError   **error)
{
  static const OutlayCliSubcommand subcommands[] = {
    { "list", "recurring list", list_rules },
    { "add", "recurring add", add_rule },
    { "show", "recurring show", show_rule },
    { "edit", "recurring edit", edit_rule },
    { "pause", "recurring pause", pause_rule },
    { "resume", "recurring resume", resume_rule },
    { "delete", "recurring delete", delete_rule },
    { "skip", "recurring skip", skip_occurrence },
    { "confirm", "recurring confirm", confirm_occurrence },
    { "override", "recurring override", outlay_cli_recurring_override },
    { "restore", "recurring restore", outlay_cli_recurring_restore },
    { "run", "recurring run", run_rules },
  };
  gboolean handled;
  gboolean done;
  int      sub;

  done = outlay_cli_run_subcommand (cli, argv, subcommands, G_N_ELEMENTS (subcommands), &sub, &handled, error);
  if (handled)
    return done;
  if (sub < 0)
    return list_rules (cli, argv, error);

  {
    g_autofree char *utf8 = g_utf8_make_valid (argv[sub], -1);

    /* Translators: the words after “outlay recurring” */
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                 _("“%s” is not one of list, add, show, edit, pause, resume, delete, skip, confirm, override, "
                   "restore or run."),
                    utf8);
  }
  return FALSE;
}
