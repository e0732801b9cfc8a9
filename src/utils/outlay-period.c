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

#include "outlay-date.h"
#include "outlay-period.h"

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

/* Whole calendar months: as many whole months just before. */
static void
months_before (GDate *first,
               GDate *after_last,
               char **previous_from,
               char **previous_to)
{
  int months = ((int) g_date_get_year (after_last) - (int) g_date_get_year (first)) * 12 +
               ((int) g_date_get_month (after_last) - (int) g_date_get_month (first));

  g_assert (months > 0);

  g_date_subtract_days (first, 1);
  *previous_to = outlay_date_format_iso (first);
  g_date_add_days (first, 1);
  g_date_subtract_months (first, months);
  *previous_from = outlay_date_format_iso (first);
}

/**
 * outlay_period_previous:
 * @from: the first day of the period, `YYYY-MM-DD`
 * @to: its last day
 * @today: (nullable): today, to recognise a period that runs up to it
 * @previous_from: (out): the first day of the period to compare with
 * @previous_to: (out): its last day
 *
 * The one rule for “the period before”, used by the Dashboard and the
 * command line alike:
 *
 * - a period that starts on the first of a month and runs up to @today
 *   compares with the same days of the month before (this month so far) or,
 *   when it spans months (this year so far, the last 12 months), with the
 *   same days a year before: what a person means by “this time last
 *   month” or “last year”, on the last day of a month too (but this month
 *   on its last day is a whole month). A day that the shorter month lacks
 *   becomes its last day (31 March → 29 February);
 * - whole calendar months compare with as many whole months just before
 *   (March → February, a year → the year before, a quarter → the quarter
 *   before);
 * - any other range compares with as many days just before it.
 *
 * Returns: %FALSE, and sets nothing, when @from or @to is not a valid day
 *   or they are reversed
 */
gboolean
outlay_period_previous (const char  *from,
                        const char  *to,
                        const GDate *today,
                        char       **previous_from,
                        char       **previous_to)
{
  g_autoptr (GDate) first = outlay_date_parse_iso (from);
  g_autoptr (GDate) last = outlay_date_parse_iso (to);
  g_autoptr (GDate) after_last = NULL;
  int days;

  g_return_val_if_fail (previous_from != NULL && previous_to != NULL, FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);

  if (first == NULL || last == NULL || g_date_compare (first, last) > 0)
    return FALSE;

  after_last = g_date_copy (last);
  g_date_add_days (after_last, 1);

  if (today != NULL && g_date_get_day (first) == 1 && g_date_compare (last, today) == 0)
    {
      gboolean one_month = g_date_get_year (first) == g_date_get_year (last) &&
                           g_date_get_month (first) == g_date_get_month (last);
      guint months = one_month ? 1 : 12;

      /* This month on its last day is the whole month: the month before. */
      if (one_month && g_date_get_day (after_last) == 1)
        {
          months_before (first, after_last, previous_from, previous_to);
          return TRUE;
        }

      /* GDate keeps the day within the shorter month. */
      g_date_subtract_months (first, months);
      g_date_subtract_months (last, months);
      *previous_from = outlay_date_format_iso (first);
      *previous_to = outlay_date_format_iso (last);
      return TRUE;
    }

  if (g_date_get_day (first) == 1 && g_date_get_day (after_last) == 1)
    {
      months_before (first, after_last, previous_from, previous_to);
      return TRUE;
    }

  days = g_date_days_between (first, last) + 1;
  g_date_subtract_days (first, 1);
  *previous_to = outlay_date_format_iso (first);
  g_date_subtract_days (first, days - 1);
  *previous_from = outlay_date_format_iso (first);

  return TRUE;
}
