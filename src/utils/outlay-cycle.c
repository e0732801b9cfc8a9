/* outlay-cycle.c
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

/* Period k of a cycle starts k periods after the anchor, always counted
 * from the anchor and never stepped from period k - 1, so that month ends
 * do not drift: a month from the 31st starts on the 31st where the month
 * has one and on its last day otherwise (28 February, then 31 March
 * again), and a year from 29 February starts on 28 February in the other
 * years. A period ends the day before the next one starts. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>

#include "outlay-cycle.h"
#include "outlay-date.h"

#define FIRST_YEAR 1900
#define LAST_YEAR 2999

static const char *const unit_names[] = { "week", "month", "year", "range" };

G_STATIC_ASSERT (G_N_ELEMENTS (unit_names) == OUTLAY_CYCLE_RANGE + 1);

/* clang-format off */
G_DEFINE_QUARK (outlay-cycle-error-quark, outlay_cycle_error)
/* clang-format on */

const char *
outlay_cycle_unit_to_string (OutlayCycleUnit unit)
{
  g_return_val_if_fail (unit <= OUTLAY_CYCLE_RANGE, NULL);

  return unit_names[unit];
}

gboolean
outlay_cycle_unit_from_string (const char      *text,
                               OutlayCycleUnit *unit)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (unit_names); i++)
    if (g_str_equal (text, unit_names[i]))
      {
        *unit = i;
        return TRUE;
      }

  return FALSE;
}

/* Floor division, for periods before the anchor. */
static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static gboolean
set_clamped (GDate *date,
             gint64 year,
             guint  month,
             guint  day)
{
  if (year < FIRST_YEAR || year > LAST_YEAR)
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, MIN (day, g_date_get_days_in_month (month, (GDateYear) year)), month, (GDateYear) year);
  return TRUE;
}

/**
 * outlay_cycle_init:
 * @every: how many units a period lasts, 1 or more (1 for a range)
 * @anchor: the first day of period 0, YYYY-MM-DD
 * @last: (nullable): for a range, its last day; %NULL otherwise
 */
gboolean
outlay_cycle_init (OutlayCycle    *cycle,
                   OutlayCycleUnit unit,
                   guint           every,
                   const char     *anchor,
                   const char     *last,
                   GError        **error)
{
  g_autoptr (GDate) first = NULL;
  g_autoptr (GDate) end = NULL;

  g_return_val_if_fail (cycle != NULL, FALSE);
  g_return_val_if_fail (unit <= OUTLAY_CYCLE_RANGE, FALSE);

  if (anchor == NULL || (first = outlay_date_parse_iso (anchor)) == NULL)
    {
      g_set_error (error, OUTLAY_CYCLE_ERROR, OUTLAY_CYCLE_ERROR_INVALID,
                   _("“%s” is not a day (YYYY-MM-DD between 1900 and 2999)."), anchor != NULL ? anchor : "");
      return FALSE;
    }

  if (every < 1 || every > 1000)
    {
      g_set_error (error, OUTLAY_CYCLE_ERROR, OUTLAY_CYCLE_ERROR_INVALID,
                   _("A period repeats every 1 to 1000 weeks, months or years, not every %u."), every);
      return FALSE;
    }

  if (unit == OUTLAY_CYCLE_RANGE)
    {
      if (last == NULL || (end = outlay_date_parse_iso (last)) == NULL)
        {
          g_set_error (error, OUTLAY_CYCLE_ERROR, OUTLAY_CYCLE_ERROR_INVALID,
                       _("“%s” is not a day (YYYY-MM-DD between 1900 and 2999)."), last != NULL ? last : "");
          return FALSE;
        }
      if (g_date_compare (end, first) < 0)
        {
          g_set_error (error, OUTLAY_CYCLE_ERROR, OUTLAY_CYCLE_ERROR_INVALID,
                       _("The range ends on %s, before it starts on %s."), last, anchor);
          return FALSE;
        }
    }

  cycle->unit = unit;
  cycle->every = unit == OUTLAY_CYCLE_RANGE ? 1 : every;
  cycle->anchor = *first;
  g_date_clear (&cycle->last, 1);
  if (end != NULL)
    cycle->last = *end;

  return TRUE;
}

/**
 * outlay_cycle_get_start:
 * @index: which period: 0 starts on the anchor, -1 is the one before
 *
 * Returns: whether period @index exists, its first day in @start
 */
gboolean
outlay_cycle_get_start (const OutlayCycle *cycle,
                        gint64             index,
                        GDate             *start)
{
  guint  day = g_date_get_day (&cycle->anchor);
  guint  month = g_date_get_month (&cycle->anchor);
  gint64 year = g_date_get_year (&cycle->anchor);
  gint64 months;
  gint64 julian;

  g_return_val_if_fail (cycle != NULL && start != NULL, FALSE);

  if (index < -OUTLAY_CYCLE_MAX_INDEX || index > OUTLAY_CYCLE_MAX_INDEX)
    return FALSE;

  switch (cycle->unit)
    {
    case OUTLAY_CYCLE_WEEK:
      julian = (gint64) g_date_get_julian (&cycle->anchor) + index * 7 * cycle->every;
      if (julian < 1 || julian > G_MAXUINT32)
        return FALSE;
      g_date_clear (start, 1);
      g_date_set_julian (start, (guint32) julian);
      return g_date_get_year (start) >= FIRST_YEAR && g_date_get_year (start) <= LAST_YEAR;

    case OUTLAY_CYCLE_MONTH:
      months = year * 12 + (month - 1) + index * cycle->every;
      return set_clamped (start, floor_div (months, 12), (guint) (months - floor_div (months, 12) * 12) + 1, day);

    case OUTLAY_CYCLE_YEAR:
      return set_clamped (start, year + index * cycle->every, month, day);

    case OUTLAY_CYCLE_RANGE:
      if (index != 0)
        return FALSE;
      *start = cycle->anchor;
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * outlay_cycle_get_period:
 *
 * Returns: whether period @index exists, its first and last days in @start
 *   and @end (both optional)
 */
gboolean
outlay_cycle_get_period (const OutlayCycle *cycle,
                         gint64             index,
                         GDate             *start,
                         GDate             *end)
{
  GDate first;
  GDate next;

  g_return_val_if_fail (cycle != NULL, FALSE);

  if (!outlay_cycle_get_start (cycle, index, &first))
    return FALSE;

  if (cycle->unit == OUTLAY_CYCLE_RANGE)
    next = cycle->last;
  else if (outlay_cycle_get_start (cycle, index + 1, &next))
    g_date_subtract_days (&next, 1);
  else
    g_date_set_dmy (&next, 31, G_DATE_DECEMBER, LAST_YEAR);

  if (start != NULL)
    *start = first;
  if (end != NULL)
    *end = next;

  return TRUE;
}

/**
 * outlay_cycle_find:
 * @index: (out): the period @day falls in, negative before the anchor
 *
 * Returns: whether @day falls in a period: always, but for a range
 */
gboolean
outlay_cycle_find (const OutlayCycle *cycle,
                   const GDate       *day,
                   gint64            *index)
{
  gint64 k;
  gint64 apart;
  GDate  start;

  g_return_val_if_fail (cycle != NULL && day != NULL && index != NULL, FALSE);

  switch (cycle->unit)
    {
    case OUTLAY_CYCLE_WEEK:
      apart = (gint64) g_date_get_julian (day) - (gint64) g_date_get_julian (&cycle->anchor);
      k = floor_div (apart, 7 * (gint64) cycle->every);
      break;

    case OUTLAY_CYCLE_MONTH:
      apart = ((gint64) g_date_get_year (day) - g_date_get_year (&cycle->anchor)) * 12 +
              ((gint64) g_date_get_month (day) - g_date_get_month (&cycle->anchor));
      k = floor_div (apart, cycle->every);
      break;

    case OUTLAY_CYCLE_YEAR:
      apart = (gint64) g_date_get_year (day) - g_date_get_year (&cycle->anchor);
      k = floor_div (apart, cycle->every);
      break;

    case OUTLAY_CYCLE_RANGE:
      *index = 0;
      return g_date_compare (day, &cycle->anchor) >= 0 && g_date_compare (day, &cycle->last) <= 0;

    default:
      g_return_val_if_reached (FALSE);
    }

  /* The estimate is at most one off where a clamped day moved a start. */
  while (outlay_cycle_get_start (cycle, k, &start) && g_date_compare (&start, day) > 0)
    k--;
  while (outlay_cycle_get_start (cycle, k + 1, &start) && g_date_compare (&start, day) <= 0)
    k++;

  *index = k;
  return TRUE;
}

/**
 * outlay_locale_first_weekday:
 *
 * Returns: the day the locale's weeks start on, as a #GDateWeekday
 *   (Monday in most of Europe, Sunday in the United States)
 */
guint
outlay_locale_first_weekday (void)
{
#ifdef __GLIBC__
  /* glibc, read as GTK's calendar reads it: the first weekday counts from
   * 1 on the day _NL_TIME_WEEK_1STDAY names, a Sunday (19971130) or a
   * Monday (19971201), which comes as a number in place of a string. */
  union
  {
    unsigned int word;
    char        *string;
  } origin, first;
  guint origin_day;
  guint week_start; /* 0 for Sunday */

  origin.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  first.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  if (origin.word == 19971130)
    origin_day = 0;
  else if (origin.word == 19971201)
    origin_day = 1;
  else
    return G_DATE_MONDAY;

  week_start = (origin_day + (guint) (unsigned char) first.string[0] + 6) % 7;
  return week_start == 0 ? G_DATE_SUNDAY : week_start;
#else
  return G_DATE_MONDAY;
#endif
}
