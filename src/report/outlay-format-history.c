/* outlay-format-history.c: a change of the history, in words
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

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-format-history.h"
#include "outlay-format.h"
#include "outlay-money.h"

typedef enum
{
  VALUE_TEXT,
  VALUE_MONEY,
  VALUE_DAY,
  VALUE_CATEGORY,
  VALUE_YES_NO,
  VALUE_TIME,
} ValueKind;

/* The cells a person changes, by name whatever the table. */
static const struct
{
  const char *column;
  const char *label;
  ValueKind   kind;
} fields[] = {
  { "amount", N_("Amount"), VALUE_MONEY },
  { "currency", N_("Currency"), VALUE_TEXT },
  { "description", N_("Description"), VALUE_TEXT },
  { "note", N_("Note"), VALUE_TEXT },
  { "category", N_("Category"), VALUE_CATEGORY },
  { "category_uuid", N_("Category"), VALUE_CATEGORY },
  { "parent_uuid", N_("Parent category"), VALUE_CATEGORY },
  { "occurred_on", N_("Date"), VALUE_DAY },
  { "charged_amount", N_("Card charge"), VALUE_MONEY },
  { "charged_currency", N_("Card currency"), VALUE_TEXT },
  { "name", N_("Name"), VALUE_TEXT },
  { "icon_name", N_("Icon"), VALUE_TEXT },
  { "color", N_("Color"), VALUE_TEXT },
  { "hidden", N_("Hidden"), VALUE_YES_NO },
  { "period", N_("Period"), VALUE_TEXT },
  { "every", N_("Every"), VALUE_TEXT },
  { "anchor", N_("First day"), VALUE_DAY },
  { "range_end", N_("Last day"), VALUE_DAY },
  { "categories", N_("Categories"), VALUE_TEXT },
  { "rollover", N_("Carry over"), VALUE_YES_NO },
  { "rollover_cap", N_("Most carried over"), VALUE_MONEY },
  { "rollover_from", N_("Carried over from"), VALUE_DAY },
  { "alerts", N_("Alerts"), VALUE_TEXT },
  { "archived_at", N_("Archived"), VALUE_TIME },
  { "period_start", N_("Period"), VALUE_DAY },
  { "start_on", N_("Starts"), VALUE_DAY },
  { "end_on", N_("Ends"), VALUE_DAY },
  { "end_count", N_("Times"), VALUE_TEXT },
  { "paused_at", N_("Paused"), VALUE_TIME },
  { "skipped", N_("Skipped"), VALUE_YES_NO },
  { "occurs_on", N_("Moved to"), VALUE_DAY },
  { "patterns", N_("Looks for"), VALUE_TEXT },
  { "amount_min", N_("Smallest amount"), VALUE_MONEY },
  { "amount_max", N_("Largest amount"), VALUE_MONEY },
  { "rename_to", N_("Renames to"), VALUE_TEXT },
  { "day", N_("Day"), VALUE_DAY },
  { "rate", N_("Rate"), VALUE_TEXT },
  { "quote", N_("In"), VALUE_TEXT },
  { "deleted_at", N_("Deleted"), VALUE_TIME },
};

static const struct
{
  const char *table;
  const char *noun;
} nouns[] = {
  { "expenses", N_("Expense") },
  { "categories", N_("Category") },
  { "budgets", N_("Budget") },
  { "budget_overrides", N_("Budget of one period") },
  { "budget_alerts", N_("Budget alert") },
  { "recurring_rules", N_("Recurring expense") },
  { "recurring_exceptions", N_("One occurrence") },
  { "category_rules", N_("Rule") },
  { "exchange_rates", N_("Exchange rate") },
};

static int
find_field (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].column, column))
      return i;

  return -1;
}

/**
 * outlay_format_history_kind:
 *
 * Returns: what a filter of the history by @kind is called: “Expenses”
 */
const char *
outlay_format_history_kind (OutlayHistoryKind kind)
{
  switch (kind)
    {
    case OUTLAY_HISTORY_KIND_EXPENSES:
      return _("Expenses");
    case OUTLAY_HISTORY_KIND_CATEGORIES:
      return _("Categories");
    case OUTLAY_HISTORY_KIND_BUDGETS:
      return _("Budgets");
    case OUTLAY_HISTORY_KIND_RECURRING:
      return _("Recurring Expenses");
    case OUTLAY_HISTORY_KIND_RULES:
      return _("Rules");
    case OUTLAY_HISTORY_KIND_RATES:
      return _("Exchange Rates");
    case OUTLAY_HISTORY_KIND_ALL:
    default:
      return _("All Changes");
    }
}

/**
 * outlay_format_history_noun:
 *
 * Returns: what the row @entry changed is: “Expense”, “Category”
 */
const char *
outlay_format_history_noun (OutlayHistoryEntry *entry)
{
  const char *table = outlay_history_entry_get_table (entry);

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_str_equal (nouns[i].table, table))
      return _(nouns[i].noun);

  return table;
}

/**
 * outlay_format_history_field:
 *
 * Returns: (transfer full): the name of the cell @entry changed: “Amount”
 */
char *
outlay_format_history_field (OutlayHistoryEntry *entry)
{
  const char *column = outlay_history_entry_get_column (entry);
  int         field = find_field (column);
  char       *words;

  if (field >= 0)
    return g_strdup (_(fields[field].label));

  /* A column of a newer Outlay: its own name, as words. */
  words = g_strdelimit (g_strdup (column), "_", ' ');
  if (words[0] != '\0')
    words[0] = g_ascii_toupper (words[0]);
  return words;
}

static char *
format_text (GVariant *value)
{
  if (value == NULL)
    return g_strdup (_("none"));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return g_strdup_printf ("%g", g_variant_get_double (value));
  if (g_variant_get_string (value, NULL)[0] == '\0')
    return g_strdup (_("none"));

  /* Translators: a text an entry of the history changed, quoted */
  return g_strdup_printf (_("“%s”"), g_variant_get_string (value, NULL));
}

/* A value in words; @spoken says amounts with their currency's name. */
static char *
format_value (OutlayHistoryEntry *entry,
              gboolean            before,
              gboolean            spoken)
{
  GVariant   *value = before ? outlay_history_entry_get_old_value (entry) : outlay_history_entry_get_value (entry);
  const char *name = before ? outlay_history_entry_get_old_value_name (entry)
                            : outlay_history_entry_get_value_name (entry);
  int         field = find_field (outlay_history_entry_get_column (entry));
  const char *currency = before ? outlay_history_entry_get_old_currency (entry)
                                : outlay_history_entry_get_currency (entry);

  if (field < 0 || value == NULL)
    return format_text (value);

  switch (fields[field].kind)
    {
    case VALUE_MONEY:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64) && currency != NULL)
        {
          char *money = spoken ? outlay_format_amount_spoken (g_variant_get_int64 (value), currency)
                               : outlay_money_format (g_variant_get_int64 (value), currency);

          if (money != NULL)
            return money;
        }
      break;
    case VALUE_DAY:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        return outlay_format_date (g_variant_get_string (value, NULL));
      break;
    case VALUE_CATEGORY:
      /* A category no longer here, or not here yet. */
      return g_strdup (name != NULL ? name : _("an unknown category"));
    case VALUE_YES_NO:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        return g_strdup (g_variant_get_int64 (value) != 0 ? _("yes") : _("no"));
      break;
    case VALUE_TIME:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        return outlay_format_history_time (g_variant_get_string (value, NULL), NULL);
      break;
    case VALUE_TEXT:
    default:
      break;
    }

  return format_text (value);
}

/**
 * outlay_format_history_value:
 * @before: whether the value before the change, or after it
 *
 * Returns: (transfer full): one of the values of the cell @entry changed,
 *   in words: “$12.50”, “Groceries”, “23 Nov 2026”
 */
char *
outlay_format_history_value (OutlayHistoryEntry *entry,
                             gboolean            before)
{
  return format_value (entry, before, FALSE);
}

/* A change that sets or clears a time says so in one word. */
static const char *
format_switch (OutlayHistoryEntry *entry)
{
  const char *column = outlay_history_entry_get_column (entry);
  gboolean    set = outlay_history_entry_get_value (entry) != NULL;

  if (g_str_equal (column, "archived_at"))
    return set ? _("Archived") : _("Taken out of the archive");
  if (g_str_equal (column, "paused_at"))
    return set ? _("Paused") : _("Resumed");

  return NULL;
}

/**
 * outlay_format_history_change:
 *
 * Returns: (transfer full): what @entry did, in words: “Amount $12.50 →
 *   $15.00”, “Added”, “Deleted”
 */
char *
outlay_format_history_change (OutlayHistoryEntry *entry)
{
  g_autofree char *field = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char      *words;

  switch (outlay_history_entry_get_change (entry))
    {
    case OUTLAY_HISTORY_ADDED:
      return g_strdup (_("Added"));
    case OUTLAY_HISTORY_DELETED:
      return g_strdup (_("Deleted"));
    case OUTLAY_HISTORY_RESTORED:
      return g_strdup (_("Restored"));
    case OUTLAY_HISTORY_REMOVED:
      return g_strdup (_("Removed for good"));
    case OUTLAY_HISTORY_CHANGED:
    default:
      break;
    }

  if ((words = format_switch (entry)) != NULL)
    return g_strdup (words);

  field = outlay_format_history_field (entry);
  before = outlay_format_history_value (entry, TRUE);
  after = outlay_format_history_value (entry, FALSE);
  /* Translators: a change of the history: the field, its value before and
   * after: “Amount $12.50 → $15.00” */
  return g_strdup_printf (_("%s %s → %s"), field, before, after);
}

/**
 * outlay_format_history_subject:
 *
 * Returns: (transfer full): the row @entry changed: “Expense “Lunch””
 */
char *
outlay_format_history_subject (OutlayHistoryEntry *entry)
{
  const char *label = outlay_history_entry_get_label (entry);

  if (label == NULL || label[0] == '\0')
    return g_strdup (outlay_format_history_noun (entry));

  /* Translators: the row a change is about: what it is and its name:
   * “Expense “Lunch””, “Category “Food”” */
  return g_strdup_printf (_("%s “%s”"), outlay_format_history_noun (entry), label);
}

/**
 * outlay_format_history_device:
 *
 * Returns: (transfer full): the name of the device @entry was made on
 */
char *
outlay_format_history_device (OutlayHistoryEntry *entry)
{
  const char *name = outlay_history_entry_get_device_name (entry);

  if (name != NULL)
    return g_strdup (name);

  return g_strdup (_("This Device"));
}

/**
 * outlay_format_history_time:
 * @changed_at: a UTC time as the journal writes it
 * @now: (nullable): the time to count days from, or %NULL for now
 *
 * Returns: (transfer full): the local time, its day in words: “today
 *   18:02”, “yesterday 18:02”, “3 Dec 2026 18:02”
 */
char *
outlay_format_history_time (const char *changed_at,
                            GDateTime  *now)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (changed_at, NULL);
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) here = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *day = NULL;
  GDate            date;
  GDate            today;
  int              days;

  if (utc == NULL)
    return g_strdup (changed_at != NULL ? changed_at : "");

  local = g_date_time_to_local (utc);
  here = now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  g_date_clear (&date, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (here), g_date_time_get_month (here),
                  g_date_time_get_year (here));
  days = g_date_days_between (&date, &today);
  clock = g_date_time_format (local, "%H:%M");

  if (days == 0)
    /* Translators: when a change was made today: “today 18:02” */
    return g_strdup_printf (_("today %s"), clock);
  if (days == 1)
    /* Translators: when a change was made yesterday: “yesterday 18:02” */
    return g_strdup_printf (_("yesterday %s"), clock);

  day = outlay_format_date_with (&date, _("%-d %b %Y"));
  /* Translators: when a change was made: its day and time, “3 Dec 2026 18:02” */
  return g_strdup_printf (_("%s %s"), day, clock);
}

/**
 * outlay_format_history_when:
 *
 * Returns: (transfer full): where and when @entry was made: “on Phone,
 *   yesterday 18:02”
 */
char *
outlay_format_history_when (OutlayHistoryEntry *entry,
                            GDateTime          *now)
{
  g_autofree char *device = outlay_format_history_device (entry);
  g_autofree char *time = outlay_format_history_time (outlay_history_entry_get_changed_at (entry), now);

  /* Translators: where and when a change was made: “on Phone, yesterday 18:02” */
  return g_strdup_printf (_("on %s, %s"), device, time);
}

/**
 * outlay_format_history_line:
 *
 * Returns: (transfer full): @entry in one line: “Expense “Lunch”: Amount
 *   $12.50 → $15.00 on Phone, yesterday 18:02”
 */
char *
outlay_format_history_line (OutlayHistoryEntry *entry,
                            GDateTime          *now)
{
  g_autofree char *subject = outlay_format_history_subject (entry);
  g_autofree char *change = outlay_format_history_change (entry);
  g_autofree char *when = outlay_format_history_when (entry, now);

  /* Translators: one change of the history: the row, what changed, where
   * and when: “Expense “Lunch”: Amount $12.50 → $15.00 on Phone, yesterday 18:02” */
  return g_strdup_printf (_("%s: %s %s"), subject, change, when);
}

/**
 * outlay_format_history_spoken:
 *
 * Returns: (transfer full): @entry as one phrase for a screen reader, the
 *   arrow and the currency said in words: “Expense “Lunch”: Amount changed
 *   from 12.50 US dollars to 15 US dollars on Phone, yesterday 18:02”
 */
char *
outlay_format_history_spoken (OutlayHistoryEntry *entry,
                              GDateTime          *now)
{
  g_autofree char *subject = outlay_format_history_subject (entry);
  g_autofree char *when = outlay_format_history_when (entry, now);
  g_autofree char *change = NULL;

  if (outlay_history_entry_get_change (entry) == OUTLAY_HISTORY_CHANGED && format_switch (entry) == NULL)
    {
      g_autofree char *field = outlay_format_history_field (entry);
      g_autofree char *before = format_value (entry, TRUE, TRUE);
      g_autofree char *after = format_value (entry, FALSE, TRUE);

      /* Translators: a change, read by a screen reader: “Amount changed from $12.50 to $15.00” */
      change = g_strdup_printf (_("%s changed from %s to %s"), field, before, after);
    }
  else
    change = outlay_format_history_change (entry);

  return g_strdup_printf (_("%s: %s %s"), subject, change, when);
}
