/* outlay-format.c
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

/* Dates as people read them, in their language. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-repository.h"
#include "outlay-period.h"

static char *
format_with (const GDate *date,
             const char  *format)
{
  char buf[128];

  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return outlay_date_format_iso (date);

  return g_strdup (buf);
}

/**
 * outlay_format_day_heading:
 * @iso_date: a day as `YYYY-MM-DD`
 * @today: the day to count from
 *
 * Returns: (transfer full): “Today”, “Yesterday”, “Monday 23 November”,
 *   or with the year when it is not this year's
 */
char *
outlay_format_day_heading (const char  *iso_date,
                           const GDate *today)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (iso_date);
  int days;

  if (date == NULL)
    return g_strdup (iso_date != NULL ? iso_date : "");

  days = g_date_days_between (date, today);
  if (days == 0)
    return g_strdup (_ ("Today"));
  if (days == 1)
    return g_strdup (_ ("Yesterday"));

  if (g_date_get_year (date) == g_date_get_year (today))
    /* Translators: a day heading in the list, see strftime(3); e.g. "Monday 23 November" */
    return format_with (date, _ ("%A %-d %B"));

  /* Translators: a day heading of another year, see strftime(3); e.g. "Monday 23 November 2025" */
  return format_with (date, _ ("%A %-d %B %Y"));
}

/**
 * outlay_format_date:
 *
 * Returns: (transfer full): a day in a short form, such as “23 Nov 2026”
 */
char *
outlay_format_date (const char *iso_date)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (iso_date);

  if (date == NULL)
    return g_strdup (iso_date != NULL ? iso_date : "");

  /* Translators: a short date, see strftime(3); e.g. "23 Nov 2026" */
  return format_with (date, _ ("%-d %b %Y"));
}

/**
 * outlay_format_month:
 * @iso_month: a month as `YYYY-MM`
 *
 * Returns: (transfer full): the month's name and year, such as “November 2026”
 */
char *
outlay_format_month (const char *iso_month)
{
  g_autofree char *day = g_strconcat (iso_month != NULL ? iso_month : "", "-01", NULL);
  g_autoptr (GDate) date = outlay_date_parse_iso (day);

  if (date == NULL)
    return g_strdup (iso_month != NULL ? iso_month : "");

  /* Translators: a month and its year, see strftime(3); e.g. "November 2026" */
  return format_with (date, _ ("%B %Y"));
}

/**
 * outlay_format_totals:
 * @totals: (element-type OutlayCurrencyTotal): totals per currency
 * @currency: the currency to show a zero in when there is nothing
 *
 * Returns: (transfer full): the totals joined, such as “€12.00 + $4.50”
 */
char *
outlay_format_totals (GArray     *totals,
                      const char *currency)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (totals == NULL || totals->len == 0)
    return outlay_money_format (0, currency);

  for (guint i = 0; i < totals->len; i++)
    {
      const OutlayCurrencyTotal *total = &g_array_index (totals, OutlayCurrencyTotal, i);
      g_autofree char           *amount = outlay_money_format (total->total, total->currency);

      if (i > 0)
        g_string_append (text, " + ");
      g_string_append (text, amount != NULL ? amount : total->currency);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
