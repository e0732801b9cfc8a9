/* outlay-recurrence.c
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

/* A recurrence is read as a row of periods from its start: period k is
 * k × interval days, weeks, months or years after the start's, always
 * counted from the start and never stepped from period k - 1, so that
 * month ends do not drift (a rule on the 31st falls on the 31st again
 * after February). A period holds one occurrence, or for weeks one on each
 * chosen weekday; in period 0 only those from the start day on count.
 *
 * Weeks run from Monday, whatever the locale: the days a rule falls on are
 * part of what identifies its occurrences, and must not change with the
 * language of the program that works them out.
 *
 * The weekend rule moves an occurrence's day, not the occurrence: it keeps
 * its scheduled day, which identifies it, and its number, which an end
 * after N times counts (a skipped one counts too). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-date.h"
#include "outlay-recurrence.h"

#define FIRST_YEAR 1900
#define LAST_YEAR 2999
/* Weekend days move by at most two days either way. */
#define MAX_SHIFT 2

static const char *const unit_names[] = { "day", "week", "month", "year" };
static const char *const monthly_on_names[] = { "day", "last", "weekday" };
static const char *const weekend_names[] = { "keep", "before", "after", "skip" };
static const char *const weekday_codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

G_STATIC_ASSERT (G_N_ELEMENTS (unit_names) == OUTLAY_REPEAT_YEARLY + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (monthly_on_names) == OUTLAY_MONTHLY_ON_WEEKDAY + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (weekend_names) == OUTLAY_WEEKEND_SKIP + 1);

/* clang-format off */
G_DEFINE_QUARK (outlay-recurrence-error-quark, outlay_recurrence_error)
/* clang-format on */

const char *
outlay_repeat_unit_to_string (OutlayRepeatUnit unit)
{
  g_return_val_if_fail (unit <= OUTLAY_REPEAT_YEARLY, NULL);

  return unit_names[unit];
}

gboolean
outlay_repeat_unit_from_string (const char       *text,
                                OutlayRepeatUnit *unit)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (unit_names); i++)
    if (g_str_equal (text, unit_names[i]))
      {
        *unit = i;
        return TRUE;
      }
  return FALSE;
}

const char *
outlay_monthly_on_to_string (OutlayMonthlyOn monthly_on)
{
  g_return_val_if_fail (monthly_on <= OUTLAY_MONTHLY_ON_WEEKDAY, NULL);

  return monthly_on_names[monthly_on];
}

gboolean
outlay_monthly_on_from_string (const char      *text,
                               OutlayMonthlyOn *monthly_on)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (monthly_on_names); i++)
    if (g_str_equal (text, monthly_on_names[i]))
      {
        *monthly_on = i;
        return TRUE;
      }
  return FALSE;
}

const char *
outlay_weekend_rule_to_string (OutlayWeekendRule rule)
{
  g_return_val_if_fail (rule <= OUTLAY_WEEKEND_SKIP, NULL);

  return weekend_names[rule];
}

gboolean
outlay_weekend_rule_from_string (const char        *text,
                                 OutlayWeekendRule *rule)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (weekend_names); i++)
    if (g_str_equal (text, weekend_names[i]))
      {
        *rule = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * outlay_weekday_to_code:
 *
 * Returns: the weekday's two letters, as iCalendar writes them: "MO" … "SU"
 */
const char *
outlay_weekday_to_code (GDateWeekday weekday)
{
  g_return_val_if_fail (g_date_valid_weekday (weekday), NULL);

  return weekday_codes[weekday - 1];
}

GDateWeekday
outlay_weekday_from_code (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (weekday_codes); i++)
    if (g_ascii_strcasecmp (code, weekday_codes[i]) == 0)
      return (GDateWeekday) (i + 1);
  return G_DATE_BAD_WEEKDAY;
}

/**
 * outlay_recurrence_init:
 *
 * Sets @recurrence to fall every @interval units from @start, on the
 * start's weekday, day of the month or day of the year; never ending,
 * weekends kept.
 */
void
outlay_recurrence_init (OutlayRecurrence *recurrence,
                        OutlayRepeatUnit  unit,
                        guint             interval,
                        const GDate      *start)
{
  g_return_if_fail (recurrence != NULL);
  g_return_if_fail (start != NULL && g_date_valid (start));

  memset (recurrence, 0, sizeof *recurrence);
  recurrence->unit = unit;
  recurrence->interval = interval;
  recurrence->start = *start;
  recurrence->weekdays = OUTLAY_WEEKDAY_BIT (g_date_get_weekday (start));
  recurrence->monthly_on = OUTLAY_MONTHLY_ON_DAY;
  recurrence->month_day = g_date_get_day (start);
  recurrence->week_number = 1;
  recurrence->weekday = g_date_get_weekday (start);
  recurrence->end = OUTLAY_REPEAT_END_NEVER;
  g_date_clear (&recurrence->until, 1);
  recurrence->weekend = OUTLAY_WEEKEND_KEEP;
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, OUTLAY_RECURRENCE_ERROR, OUTLAY_RECURRENCE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
outlay_recurrence_validate (const OutlayRecurrence *recurrence,
                            GError                **error)
{
  g_return_val_if_fail (recurrence != NULL, FALSE);

  if (recurrence->unit > OUTLAY_REPEAT_YEARLY)
    return invalid (error, _("A recurring expense repeats daily, weekly, monthly or yearly."));
  if (recurrence->interval < 1 || recurrence->interval > 1000)
    return invalid (error, _("A recurring expense repeats every 1 to 1000 days, weeks, months or years."));
  if (!g_date_valid (&recurrence->start) ||
      g_date_get_year (&recurrence->start) < FIRST_YEAR ||
      g_date_get_year (&recurrence->start) > LAST_YEAR)
    return invalid (error, _("A recurring expense starts on a day between 1900 and 2999."));
  if (recurrence->unit == OUTLAY_REPEAT_WEEKLY && (recurrence->weekdays == 0 || recurrence->weekdays > 0x7f))
    return invalid (error, _("A weekly expense falls on at least one day of the week."));
  if (recurrence->unit == OUTLAY_REPEAT_MONTHLY)
    {
      gboolean bad_week = recurrence->week_number != -1 &&
                          (recurrence->week_number < 1 || recurrence->week_number > 4);

      if (recurrence->monthly_on > OUTLAY_MONTHLY_ON_WEEKDAY)
        return invalid (error, _("A monthly expense falls on a day of the month, its last day, or a weekday."));
      if (recurrence->monthly_on == OUTLAY_MONTHLY_ON_DAY && (recurrence->month_day < 1 || recurrence->month_day > 31))
        return invalid (error, _("A monthly expense falls on a day from 1 to 31."));
      if (recurrence->monthly_on == OUTLAY_MONTHLY_ON_WEEKDAY &&
          (!g_date_valid_weekday (recurrence->weekday) || bad_week))
        return invalid (error, _("A monthly expense on a weekday falls on the first, second, third, "
                                 "fourth or last of them in the month."));
    }
  if (recurrence->end == OUTLAY_REPEAT_END_COUNT && recurrence->count < 1)
    return invalid (error, _("A recurring expense that ends after a number of times happens at least once."));
  if (recurrence->end == OUTLAY_REPEAT_END_UNTIL &&
      (!g_date_valid (&recurrence->until) || g_date_compare (&recurrence->until, &recurrence->start) < 0))
    return invalid (error, _("A recurring expense ends on or after the day it starts."));
  if (recurrence->end > OUTLAY_REPEAT_END_UNTIL || recurrence->weekend > OUTLAY_WEEKEND_SKIP)
    return invalid (error, _("This repetition is not one Outlay knows."));

  return TRUE;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static gboolean
set_julian (GDate *date,
            gint64 julian)
{
  g_date_clear (date, 1);
  if (julian < 1 || julian > G_MAXUINT32)
    return FALSE;
  g_date_set_julian (date, (guint32) julian);
  return g_date_get_year (date) >= FIRST_YEAR && g_date_get_year (date) <= LAST_YEAR;
}

static guint
days_in_month (gint64 year,
               guint  month)
{
  return g_date_get_days_in_month (month, (GDateYear) year);
}

/* The day of a month a monthly recurrence names. */
static guint
monthly_day (const OutlayRecurrence *r,
             gint64                  year,
             guint                   month)
{
  guint last = days_in_month (year, month);
  g_autoptr (GDate) first = NULL;
  GDateWeekday weekday;
  guint        day;

  switch (r->monthly_on)
    {
    case OUTLAY_MONTHLY_LAST_DAY:
      return last;

    case OUTLAY_MONTHLY_ON_WEEKDAY:
      first = g_date_new_dmy (1, month, (GDateYear) year);
      weekday = g_date_get_weekday (first);
      /* The first such weekday of the month. */
      day = 1 + (guint) (((int) r->weekday - (int) weekday + 7) % 7);
      if (r->week_number > 0)
        return day + 7 * (r->week_number - 1);
      return day + 7 * ((last - day) / 7);

    case OUTLAY_MONTHLY_ON_DAY:
    default:
      return MIN (r->month_day, last);
    }
}

static guint
popcount7 (guint bits)
{
  guint n = 0;

  for (guint i = 0; i < 7; i++)
    n += (bits >> i) & 1;
  return n;
}

/* The days period @k names, in order, before the weekend rule; in period
 * 0, only those from the start on. Returns how many (at most 7). */
static guint
period_days (const OutlayRecurrence *r,
             gint64                  k,
             GDate                   days[7])
{
  gint64 start_julian = g_date_get_julian (&r->start);
  gint64 months;
  gint64 year;
  guint  n = 0;
  GDate  day;

  switch (r->unit)
    {
    case OUTLAY_REPEAT_DAILY:
      if (set_julian (&day, start_julian + k * r->interval))
        days[n++] = day;
      return n;

    case OUTLAY_REPEAT_WEEKLY:
      {
        gint64 monday = start_julian - (g_date_get_weekday (&r->start) - 1) + 7 * k * r->interval;

        for (guint w = 0; w < 7; w++)
          if ((r->weekdays & (1u << w)) != 0 && set_julian (&day, monday + w) &&
              (k > 0 || g_date_compare (&day, &r->start) >= 0))
            days[n++] = day;
        return n;
      }

    case OUTLAY_REPEAT_MONTHLY:
      months = (gint64) g_date_get_year (&r->start) * 12 + (g_date_get_month (&r->start) - 1) + k * r->interval;
      year = floor_div (months, 12);
      if (year < FIRST_YEAR || year > LAST_YEAR)
        return 0;
      {
        guint month = (guint) (months - year * 12) + 1;

        g_date_clear (&day, 1);
        g_date_set_dmy (&day, monthly_day (r, year, month), month, (GDateYear) year);
      }
      if (k == 0 && g_date_compare (&day, &r->start) < 0)
        return 0;
      days[n++] = day;
      return n;

    case OUTLAY_REPEAT_YEARLY:
      year = g_date_get_year (&r->start) + k * r->interval;
      if (year > LAST_YEAR)
        return 0;
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, MIN (g_date_get_day (&r->start), days_in_month (year, g_date_get_month (&r->start))),
                      g_date_get_month (&r->start), (GDateYear) year);
      days[n++] = day;
      return n;

    default:
      g_return_val_if_reached (0);
    }
}

/* How many occurrences the periods before period @k hold. */
static guint64
numbered_before (const OutlayRecurrence *r,
                 gint64                  k)
{
  GDate days[7];
  guint in_first;
  guint per_period;

  if (k <= 0)
    return 0;
  in_first = period_days (r, 0, days);
  per_period = r->unit == OUTLAY_REPEAT_WEEKLY ? popcount7 (r->weekdays) : 1;
  return in_first + (guint64) (k - 1) * per_period;
}

/* The period @day falls in, counted from the start's (0), or the one
 * before for a day before the start. */
static gint64
period_of (const OutlayRecurrence *r,
           const GDate            *day)
{
  gint64 months;

  switch (r->unit)
    {
    case OUTLAY_REPEAT_DAILY:
      return floor_div ((gint64) g_date_get_julian (day) - g_date_get_julian (&r->start), r->interval);

    case OUTLAY_REPEAT_WEEKLY:
      {
        gint64 monday = (gint64) g_date_get_julian (&r->start) - (g_date_get_weekday (&r->start) - 1);

        return floor_div (floor_div ((gint64) g_date_get_julian (day) - monday, 7), r->interval);
      }

    case OUTLAY_REPEAT_MONTHLY:
      months = ((gint64) g_date_get_year (day) - g_date_get_year (&r->start)) * 12 +
               ((gint64) g_date_get_month (day) - g_date_get_month (&r->start));
      return floor_div (months, r->interval);

    case OUTLAY_REPEAT_YEARLY:
      return floor_div ((gint64) g_date_get_year (day) - g_date_get_year (&r->start), r->interval);

    default:
      g_return_val_if_reached (0);
    }
}

/* Moves @day off a weekend as the rule says; FALSE if it is skipped. */
static gboolean
apply_weekend (OutlayWeekendRule rule,
               GDate            *day)
{
  GDateWeekday weekday = g_date_get_weekday (day);
  gboolean     weekend = weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;

  if (!weekend)
    return TRUE;
  switch (rule)
    {
    case OUTLAY_WEEKEND_BEFORE:
      g_date_subtract_days (day, weekday == G_DATE_SATURDAY ? 1 : 2);
      return TRUE;
    case OUTLAY_WEEKEND_AFTER:
      g_date_add_days (day, weekday == G_DATE_SATURDAY ? 2 : 1);
      return TRUE;
    case OUTLAY_WEEKEND_SKIP:
      return FALSE;
    case OUTLAY_WEEKEND_KEEP:
    default:
      return TRUE;
    }
}

/* Whether the schedule still names @number on @scheduled. */
static gboolean
within_end (const OutlayRecurrence *r,
            guint64                 number,
            const GDate            *scheduled)
{
  switch (r->end)
    {
    case OUTLAY_REPEAT_END_COUNT:
      return number < r->count;
    case OUTLAY_REPEAT_END_UNTIL:
      return g_date_compare (scheduled, &r->until) <= 0;
    case OUTLAY_REPEAT_END_NEVER:
    default:
      return TRUE;
    }
}

typedef gboolean (*OccurrenceFunc) (const OutlayOccurrence *occurrence,
                                    gpointer                user_data);

/* Calls @func on each occurrence whose day, after the weekend rule, is
 * @from or later, in order, until it returns FALSE, the schedule ends, or
 * the days pass @to (if not %NULL). */
static void
for_each_from (const OutlayRecurrence *r,
               const GDate            *from,
               const GDate            *to,
               OccurrenceFunc          func,
               gpointer                user_data)
{
  GDate   earliest = *from;
  gint64  k;
  guint64 number;

  g_return_if_fail (outlay_recurrence_validate (r, NULL));

  /* An occurrence of the period before can move onto @from. */
  if (g_date_get_julian (&earliest) > MAX_SHIFT)
    g_date_subtract_days (&earliest, MAX_SHIFT);
  k = MAX (period_of (r, &earliest) - 1, 0);
  number = numbered_before (r, k);

  for (;; k++)
    {
      GDate days[7];
      guint n = period_days (r, k, days);

      /* Period 0 can fall before the start; a later period is empty
       * only past the last year, where the schedule runs out. */
      if (n == 0 && k > 0)
        return;
      for (guint i = 0; i < n; i++, number++)
        {
          OutlayOccurrence occurrence = { days[i], days[i], number };

          if (!within_end (r, number, &days[i]))
            return;
          if (to != NULL && g_date_get_julian (&days[i]) > (guint64) g_date_get_julian (to) + MAX_SHIFT)
            return;
          if (!apply_weekend (r->weekend, &occurrence.day) || g_date_compare (&occurrence.day, from) < 0)
            continue;
          if (to != NULL && g_date_compare (&occurrence.day, to) > 0)
            continue;
          if (!func (&occurrence, user_data))
            return;
        }
    }
}

typedef struct
{
  GArray *found;
  guint   limit;
} Collect;

static gboolean
collect_cb (const OutlayOccurrence *occurrence,
            gpointer                user_data)
{
  Collect *collect = user_data;

  g_array_append_val (collect->found, *occurrence);
  return collect->limit == 0 || collect->found->len < collect->limit;
}

/**
 * outlay_recurrence_between:
 * @from: the first day
 * @to: the last day
 * @limit: the most occurrences to return, 0 for all
 *
 * Returns: (transfer full) (element-type OutlayOccurrence): the occurrences
 *   that fall on a day from @from to @to, after the weekend rule, in order
 */
GArray *
outlay_recurrence_between (const OutlayRecurrence *recurrence,
                           const GDate            *from,
                           const GDate            *to,
                           guint                   limit)
{
  Collect collect = { g_array_new (FALSE, FALSE, sizeof (OutlayOccurrence)), limit };

  g_return_val_if_fail (recurrence != NULL && from != NULL && to != NULL, collect.found);

  if (g_date_compare (from, to) <= 0)
    for_each_from (recurrence, from, to, collect_cb, &collect);
  return collect.found;
}

static gboolean
first_cb (const OutlayOccurrence *occurrence,
          gpointer                user_data)
{
  *(OutlayOccurrence *) user_data = *occurrence;
  return FALSE;
}

/**
 * outlay_recurrence_next:
 * @from: a day
 * @occurrence: (out): the first occurrence that falls on @from or later
 *
 * Returns: whether there is one (%FALSE once the schedule has ended)
 */
gboolean
outlay_recurrence_next (const OutlayRecurrence *recurrence,
                        const GDate            *from,
                        OutlayOccurrence       *occurrence)
{
  OutlayOccurrence found = { { 0 } };

  g_return_val_if_fail (recurrence != NULL && from != NULL && occurrence != NULL, FALSE);

  g_date_clear (&found.day, 1);
  for_each_from (recurrence, from, NULL, first_cb, &found);
  if (!g_date_valid (&found.day))
    return FALSE;
  *occurrence = found;
  return TRUE;
}

static gboolean
last_cb (const OutlayOccurrence *occurrence,
         gpointer                user_data)
{
  *(OutlayOccurrence *) user_data = *occurrence;
  return TRUE;
}

/**
 * outlay_recurrence_get_last:
 * @occurrence: (out): the last occurrence of a schedule that ends
 *
 * Returns: whether the schedule ends and has one
 */
gboolean
outlay_recurrence_get_last (const OutlayRecurrence *recurrence,
                            OutlayOccurrence       *occurrence)
{
  OutlayOccurrence found = { { 0 } };
  GDate            from = recurrence->start;
  GDate            to;

  g_return_val_if_fail (recurrence != NULL && occurrence != NULL, FALSE);

  if (recurrence->end == OUTLAY_REPEAT_END_NEVER)
    return FALSE;
  g_date_clear (&found.day, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, LAST_YEAR);
  if (g_date_get_julian (&from) > MAX_SHIFT)
    g_date_subtract_days (&from, MAX_SHIFT);
  for_each_from (recurrence, &from, &to, last_cb, &found);
  if (!g_date_valid (&found.day))
    return FALSE;
  *occurrence = found;
  return TRUE;
}

static gint64
divide_rounded (gint64 numerator,
                gint64 denominator)
{
  gint64 half = denominator / 2;

  return numerator >= 0 ? (numerator + half) / denominator : -((-numerator + half) / denominator);
}

/**
 * outlay_recurrence_monthly_equivalent:
 * @amount: what one occurrence costs, in minor units
 *
 * Returns: what the recurrence costs in an average month (a year of
 *   365.25 days over 12), rounded to the minor unit
 */
gint64
outlay_recurrence_monthly_equivalent (const OutlayRecurrence *recurrence,
                                      gint64                  amount)
{
  gint64 interval = MAX (recurrence->interval, 1);

  /* Amounts are far below 2^63 / 36525 (2.5 × 10^14 minor units). */
  amount = CLAMP (amount, -G_GINT64_CONSTANT (100000000000000), G_GINT64_CONSTANT (100000000000000));
  switch (recurrence->unit)
    {
    case OUTLAY_REPEAT_DAILY:
      return divide_rounded (amount * 36525, 1200 * interval);
    case OUTLAY_REPEAT_WEEKLY:
      return divide_rounded (amount * popcount7 (recurrence->weekdays) * 36525, 7 * 1200 * interval);
    case OUTLAY_REPEAT_MONTHLY:
      return divide_rounded (amount, interval);
    case OUTLAY_REPEAT_YEARLY:
      return divide_rounded (amount, 12 * interval);
    default:
      g_return_val_if_reached (0);
    }
}

/* A weekday's name in the language of the messages. */
static char *
weekday_name (GDateWeekday weekday)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr (GDate) day = g_date_new_dmy (weekday, G_DATE_JANUARY, 2024);
  char name[64];

  if (g_date_strftime (name, sizeof name, "%A", day) == 0)
    return g_strdup (outlay_weekday_to_code (weekday));
  return g_locale_to_utf8 (name, -1, NULL, NULL, NULL);
}

static char *
describe_monthly_day (const OutlayRecurrence *r)
{
  g_autofree char *weekday = NULL;

  switch (r->monthly_on)
    {
    case OUTLAY_MONTHLY_LAST_DAY:
      /* Translators: when a monthly expense falls: "monthly on the last day" */
      return g_strdup (_("on the last day"));

    case OUTLAY_MONTHLY_ON_WEEKDAY:
      weekday = weekday_name (r->weekday);
      switch (r->week_number)
        {
        case 1:
          /* Translators: when a monthly expense falls; %s is a weekday: "on the first Monday" */
          return g_strdup_printf (_("on the first %s"), weekday);
        case 2:
          /* Translators: when a monthly expense falls; %s is a weekday: "on the second Tuesday" */
          return g_strdup_printf (_("on the second %s"), weekday);
        case 3:
          /* Translators: when a monthly expense falls; %s is a weekday: "on the third Wednesday" */
          return g_strdup_printf (_("on the third %s"), weekday);
        case 4:
          /* Translators: when a monthly expense falls; %s is a weekday: "on the fourth Thursday" */
          return g_strdup_printf (_("on the fourth %s"), weekday);
        default:
          /* Translators: when a monthly expense falls; %s is a weekday: "on the last Friday" */
          return g_strdup_printf (_("on the last %s"), weekday);
        }

    case OUTLAY_MONTHLY_ON_DAY:
    default:
      /* Translators: when a monthly expense falls: "on day 31" (of the month) */
      return g_strdup_printf (_("on day %u"), r->month_day);
    }
}

static char *
describe_day_of_year (const GDate *day)
{
  char text[64];

  /* Translators: a day of the year as strftime() writes it: "29 February" */
  if (g_date_strftime (text, sizeof text, _("%-d %B"), day) == 0)
    return outlay_date_format_iso (day);
  return g_locale_to_utf8 (text, -1, NULL, NULL, NULL);
}

/**
 * outlay_recurrence_describe:
 *
 * Returns: (transfer full): the repetition in words, without its end:
 *   "monthly on day 1", "every 2 weeks on Tuesday, Thursday", "yearly on
 *   29 February"
 */
char *
outlay_recurrence_describe (const OutlayRecurrence *r)
{
  g_autofree char *on = NULL;

  g_return_val_if_fail (r != NULL, NULL);

  switch (r->unit)
    {
    case OUTLAY_REPEAT_DAILY:
      if (r->interval == 1)
        return g_strdup (_("daily"));
      /* Translators: how often an expense repeats */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u day", "every %u days", r->interval),
                              r->interval);

    case OUTLAY_REPEAT_WEEKLY:
      {
        g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

        for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
          if ((r->weekdays & OUTLAY_WEEKDAY_BIT (day)) != 0)
            g_ptr_array_add (names, weekday_name (day));
        g_ptr_array_add (names, NULL);
        /* Translators: what separates the weekdays of a weekly expense: "Tuesday, Thursday" */
        on = g_strjoinv (_(", "), (char **) names->pdata);
      }
      if (r->interval == 1)
        /* Translators: how often an expense repeats; %s are weekdays: "weekly on Tuesday, Thursday" */
        return g_strdup_printf (_("weekly on %s"), on);
      /* Translators: how often an expense repeats; %u is a number, %s are weekdays */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u week on %s", "every %u weeks on %s",
                                           r->interval),
                              r->interval, on);

    case OUTLAY_REPEAT_MONTHLY:
      on = describe_monthly_day (r);
      if (r->interval == 1)
        /* Translators: how often an expense repeats; %s says the day: "monthly on day 1" */
        return g_strdup_printf (_("monthly %s"), on);
      /* Translators: how often an expense repeats; %u is a number, %s says the day: "every 2 months on day 1" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u month %s", "every %u months %s",
                                           r->interval),
                              r->interval, on);

    case OUTLAY_REPEAT_YEARLY:
    default:
      on = describe_day_of_year (&r->start);
      if (r->interval == 1)
        /* Translators: how often an expense repeats; %s is a day: "yearly on 29 February" */
        return g_strdup_printf (_("yearly on %s"), on);
      /* Translators: how often an expense repeats; %u is a number, %s is a day */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u year on %s", "every %u years on %s",
                                           r->interval),
                              r->interval, on);
    }
}
