/* outlay-period.c
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
#include <stdio.h>

#include "outlay-period.h"
#include "outlay-repository.h"

static const struct
{
  const char *id;
  const char *label;
} periods[] = {
  { "this-month", N_("This Month") },
  { "last-month", N_("Last Month") },
  { "this-year", N_("This Year") },
  { "last-12-months", N_("Last 12 Months") },
  { "all-time", N_("All Time") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (periods) == OUTLAY_N_PERIODS);

/**
 * outlay_date_format_iso:
 *
 * Returns: (transfer full): @date as `YYYY-MM-DD`
 */
char *
outlay_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/**
 * outlay_date_parse_iso:
 *
 * Returns: (transfer full) (nullable): the day written `YYYY-MM-DD`, or
 *   %NULL when @text is not a real day
 */
GDate *
outlay_date_parse_iso (const char *text)
{
  guint year, month, day;

  if (!outlay_date_is_valid (text) || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return NULL;

  return g_date_new_dmy (day, month, year);
}

/**
 * outlay_date_new_today:
 *
 * Returns: (transfer full): today in the local time zone
 */
GDate *
outlay_date_new_today (void)
{
  /* Looked up once: asking for the local zone each time reads
   * /etc/localtime, and list rows ask for today as they are bound. */
  static GTimeZone *local;
  g_autoptr (GDateTime) now = NULL;

  if (g_once_init_enter (&local))
    g_once_init_leave (&local, g_time_zone_new_local ());

  now = g_date_time_new_now (local);

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/**
 * outlay_period_get_range:
 * @today: the day the period is relative to
 * @from: (out): its first day, or %NULL for all time
 * @to: (out): its last day (today for running periods), or %NULL
 *
 * "This month" and "this year" run from their first day to @today; "last
 * month" is the whole calendar month before; "last 12 months" is this month
 * and the eleven before it.
 */
void
outlay_period_get_range (OutlayPeriod period,
                         const GDate *today,
                         char       **from,
                         char       **to)
{
  g_autoptr (GDate) first = NULL;
  g_autoptr (GDate) last = NULL;

  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (from != NULL && to != NULL);

  first = g_date_copy (today);
  last = g_date_copy (today);

  switch (period)
    {
    case OUTLAY_PERIOD_THIS_MONTH:
      g_date_set_day (first, 1);
      break;

    case OUTLAY_PERIOD_LAST_MONTH:
      g_date_set_day (first, 1);
      g_date_subtract_months (first, 1);
      g_date_set_day (last, 1);
      g_date_subtract_days (last, 1);
      break;

    case OUTLAY_PERIOD_THIS_YEAR:
      g_date_set_dmy (first, 1, G_DATE_JANUARY, g_date_get_year (today));
      break;

    case OUTLAY_PERIOD_LAST_12_MONTHS:
      g_date_set_day (first, 1);
      g_date_subtract_months (first, 11);
      break;

    case OUTLAY_PERIOD_ALL_TIME:
    default:
      *from = NULL;
      *to = NULL;
      return;
    }

  *from = outlay_date_format_iso (first);
  *to = outlay_date_format_iso (last);
}

const char *
outlay_period_to_string (OutlayPeriod period)
{
  g_return_val_if_fail (period < OUTLAY_N_PERIODS, NULL);

  return periods[period].id;
}

gboolean
outlay_period_from_string (const char   *text,
                           OutlayPeriod *period)
{
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      if (g_strcmp0 (text, periods[i].id) == 0)
        {
          *period = (OutlayPeriod) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * outlay_period_get_label:
 *
 * Returns: the translated name to show, such as “This Month”
 */
const char *
outlay_period_get_label (OutlayPeriod period)
{
  g_return_val_if_fail (period < OUTLAY_N_PERIODS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, periods[period].label);
}
