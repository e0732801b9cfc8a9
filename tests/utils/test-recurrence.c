/* test-recurrence.c
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

#include <locale.h>

#include "outlay-date.h"
#include "outlay-recurrence.h"

/* The expected days are not worked out the way the code under test works
 * them out: every day of five years is looked at, and kept when it is
 * what a person means by "the 31st", "the last Friday" or "the 2nd
 * Tuesday" (its weekday and day of the month, as GLib's calendar says);
 * the weekend rules walk day by day to the Friday before or the Monday
 * after. A few days are also written out by hand from a calendar. */

#define FIRST "2027-01-01"
#define LAST "2031-12-31"

static GDate
day_of (const char *text)
{
  g_autoptr (GDate) parsed = outlay_date_parse_iso (text);

  g_assert_nonnull (parsed);
  return *parsed;
}

static gboolean
is_leap (guint year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Whether @day is the last of its month: the day after is a 1st. */
static gboolean
is_month_end (const GDate *day)
{
  GDate next = *day;

  g_date_add_days (&next, 1);
  return g_date_get_day (&next) == 1;
}

static gboolean
is_weekend (const GDate *day)
{
  return g_date_get_weekday (day) == G_DATE_SATURDAY || g_date_get_weekday (day) == G_DATE_SUNDAY;
}

typedef gboolean (*DayPredicate) (const GDate  *day,
                                  gconstpointer data);

static gboolean
on_31st (const GDate *day, gconstpointer data)
{
  return g_date_get_day (day) == 31 || (is_month_end (day) && g_date_get_day (day) < 31);
}

static gboolean
on_30th (const GDate *day, gconstpointer data)
{
  return g_date_get_day (day) == 30 || (is_month_end (day) && g_date_get_day (day) < 30);
}

static gboolean
on_29_february (const GDate *day, gconstpointer data)
{
  guint year = g_date_get_year (day);

  return g_date_get_month (day) == G_DATE_FEBRUARY &&
         (g_date_get_day (day) == 29 || (g_date_get_day (day) == 28 && !is_leap (year)));
}

static gboolean
on_last_day (const GDate *day, gconstpointer data)
{
  return is_month_end (day);
}

/* A Friday with no other Friday in its month after it. */
static gboolean
on_last_friday (const GDate *day, gconstpointer data)
{
  GDate week_later = *day;

  g_date_add_days (&week_later, 7);
  return g_date_get_weekday (day) == G_DATE_FRIDAY && g_date_get_month (&week_later) != g_date_get_month (day);
}

/* The second Tuesday: a Tuesday from the 8th to the 14th. */
static gboolean
on_second_tuesday (const GDate *day, gconstpointer data)
{
  return g_date_get_weekday (day) == G_DATE_TUESDAY && g_date_get_day (day) >= 8 && g_date_get_day (day) <= 14;
}

/* Every 14th day from Tuesday 5 January 2027. */
static gboolean
every_two_weeks (const GDate *day, gconstpointer data)
{
  GDate start = day_of ("2027-01-05");

  return g_date_compare (day, &start) >= 0 && g_date_days_between (&start, day) % 14 == 0;
}

/* Tuesdays and Thursdays of every second week from Wednesday 6 January
 * 2027 (the first, then, is Thursday 7 January: the week's Tuesday came
 * before the start). The weeks counted are those of the start's Monday,
 * 4 January: 4–10 January, 18–24 January, … */
static gboolean
tuesday_thursday_fortnightly (const GDate *day, gconstpointer data)
{
  GDate        first_monday = day_of ("2027-01-04");
  GDate        start = day_of ("2027-01-06");
  GDateWeekday weekday = g_date_get_weekday (day);

  if (g_date_compare (day, &start) < 0 || (weekday != G_DATE_TUESDAY && weekday != G_DATE_THURSDAY))
    return FALSE;
  return (g_date_days_between (&first_monday, day) / 7) % 2 == 0;
}

static gboolean
every_third_day (const GDate *day, gconstpointer data)
{
  GDate start = day_of ("2027-03-10");

  return g_date_compare (day, &start) >= 0 && g_date_days_between (&start, day) % 3 == 0;
}

/* The day an occurrence scheduled on @day falls on, walking one day at a
 * time; FALSE if it is skipped. */
static gboolean
expected_day (OutlayWeekendRule rule,
              GDate            *day)
{
  if (!is_weekend (day) || rule == OUTLAY_WEEKEND_KEEP)
    return TRUE;
  if (rule == OUTLAY_WEEKEND_SKIP)
    return FALSE;
  while (g_date_get_weekday (day) != (rule == OUTLAY_WEEKEND_BEFORE ? G_DATE_FRIDAY : G_DATE_MONDAY))
    {
      if (rule == OUTLAY_WEEKEND_BEFORE)
        g_date_subtract_days (day, 1);
      else
        g_date_add_days (day, 1);
    }
  return TRUE;
}

typedef struct
{
  const char      *name;
  OutlayRecurrence recurrence;
  DayPredicate     predicate;
} Case;

static void
assert_days (const OutlayRecurrence *recurrence,
             DayPredicate            predicate,
             const char             *name)
{
  GDate first = day_of (FIRST);
  GDate last = day_of (LAST);
  g_autoptr (GArray) expected = g_array_new (FALSE, FALSE, sizeof (OutlayOccurrence));
  g_autoptr (GArray) found = NULL;
  guint64 number = 0;

  for (GDate day = first; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      OutlayOccurrence occurrence = { day, day, 0 };

      if (g_date_compare (&day, &recurrence->start) < 0 || !predicate (&day, NULL))
        continue;
      occurrence.number = number++;
      if (expected_day (recurrence->weekend, &occurrence.day) && g_date_compare (&occurrence.day, &last) <= 0)
        g_array_append_val (expected, occurrence);
    }
  g_assert_cmpuint (expected->len, >=, 4);

  found = outlay_recurrence_between (recurrence, &first, &last, 0);
  for (guint i = 0; i < MIN (expected->len, found->len); i++)
    {
      OutlayOccurrence *want = &g_array_index (expected, OutlayOccurrence, i);
      OutlayOccurrence *got = &g_array_index (found, OutlayOccurrence, i);
      char              want_text[OUTLAY_DATE_ISO_SIZE], got_text[OUTLAY_DATE_ISO_SIZE];
      char              want_scheduled[OUTLAY_DATE_ISO_SIZE], got_scheduled[OUTLAY_DATE_ISO_SIZE];

      outlay_date_format_iso_buf (&want->day, want_text);
      outlay_date_format_iso_buf (&got->day, got_text);
      outlay_date_format_iso_buf (&want->scheduled, want_scheduled);
      outlay_date_format_iso_buf (&got->scheduled, got_scheduled);
      if (g_strcmp0 (want_text, got_text) != 0 || g_strcmp0 (want_scheduled, got_scheduled) != 0)
        g_error ("%s, occurrence %u: expected %s (scheduled %s), got %s (scheduled %s)", name, i, want_text,
                 want_scheduled, got_text, got_scheduled);
      g_assert_cmpuint (got->number, ==, want->number);
    }
  g_assert_cmpuint (found->len, ==, expected->len);
}

static OutlayRecurrence
recurrence_of (OutlayRepeatUnit unit,
               guint            interval,
               const char      *start)
{
  GDate            first = day_of (start);
  OutlayRecurrence recurrence;

  outlay_recurrence_init (&recurrence, unit, interval, &first);
  return recurrence;
}

static void
test_five_years (void)
{
  Case  cases[12];
  guint n = 0;

  cases[n] = (Case){ "monthly on the 31st", recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-31"), on_31st };
  n++;
  cases[n] = (Case){ "monthly on the 30th", recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-30"), on_30th };
  n++;
  cases[n] = (Case){ "yearly on 29 February", recurrence_of (OUTLAY_REPEAT_YEARLY, 1, "2028-02-29"),
                     on_29_february };
  n++;
  cases[n] = (Case){ "monthly on the last day", recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-15"),
                     on_last_day };
  cases[n].recurrence.monthly_on = OUTLAY_MONTHLY_LAST_DAY;
  n++;
  cases[n] = (Case){ "the last Friday", recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-01"), on_last_friday };
  cases[n].recurrence.monthly_on = OUTLAY_MONTHLY_ON_WEEKDAY;
  cases[n].recurrence.week_number = -1;
  cases[n].recurrence.weekday = G_DATE_FRIDAY;
  n++;
  cases[n] = (Case){ "the 2nd Tuesday", recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-01"),
                     on_second_tuesday };
  cases[n].recurrence.monthly_on = OUTLAY_MONTHLY_ON_WEEKDAY;
  cases[n].recurrence.week_number = 2;
  cases[n].recurrence.weekday = G_DATE_TUESDAY;
  n++;
  cases[n] = (Case){ "every 2 weeks", recurrence_of (OUTLAY_REPEAT_WEEKLY, 2, "2027-01-05"), every_two_weeks };
  n++;
  cases[n] = (Case){ "Tuesday and Thursday every 2 weeks", recurrence_of (OUTLAY_REPEAT_WEEKLY, 2, "2027-01-06"),
                     tuesday_thursday_fortnightly };
  cases[n].recurrence.weekdays = OUTLAY_WEEKDAY_BIT (G_DATE_TUESDAY) | OUTLAY_WEEKDAY_BIT (G_DATE_THURSDAY);
  n++;
  cases[n] = (Case){ "every 3 days", recurrence_of (OUTLAY_REPEAT_DAILY, 3, "2027-03-10"), every_third_day };
  n++;
  g_assert_cmpuint (n, <=, G_N_ELEMENTS (cases));

  for (guint i = 0; i < n; i++)
    for (OutlayWeekendRule rule = OUTLAY_WEEKEND_KEEP; rule <= OUTLAY_WEEKEND_SKIP; rule++)
      {
        g_autofree char *name = g_strdup_printf ("%s, weekends: %s", cases[i].name,
                                                 outlay_weekend_rule_to_string (rule));

        cases[i].recurrence.weekend = rule;
        g_assert_true (outlay_recurrence_validate (&cases[i].recurrence, NULL));
        assert_days (&cases[i].recurrence, cases[i].predicate, name);
      }
}

static char *
days_text (GArray *occurrences)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    {
      char buf[OUTLAY_DATE_ISO_SIZE];

      outlay_date_format_iso_buf (&g_array_index (occurrences, OutlayOccurrence, i).day, buf);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", buf);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Written out from a calendar of 2027 and 2028. */
static void
test_by_hand (void)
{
  struct
  {
    OutlayRecurrence recurrence;
    const char      *from;
    const char      *to;
    const char      *expected;
  } cases[6];
  guint n = 0;

  cases[n].recurrence = recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-31");
  cases[n].from = "2027-01-01", cases[n].to = "2027-05-31";
  cases[n].expected = "2027-01-31 2027-02-28 2027-03-31 2027-04-30 2027-05-31";
  n++;
  /* 31 January 2027 is a Sunday, 28 February too, 30 April a Friday. */
  cases[n].recurrence = recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-31");
  cases[n].recurrence.weekend = OUTLAY_WEEKEND_AFTER;
  cases[n].from = "2027-01-01", cases[n].to = "2027-05-31";
  cases[n].expected = "2027-02-01 2027-03-01 2027-03-31 2027-04-30 2027-05-31";
  n++;
  cases[n].recurrence = recurrence_of (OUTLAY_REPEAT_YEARLY, 1, "2028-02-29");
  cases[n].from = "2028-01-01", cases[n].to = "2032-12-31";
  cases[n].expected = "2028-02-29 2029-02-28 2030-02-28 2031-02-28 2032-02-29";
  n++;
  cases[n].recurrence = recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-01");
  cases[n].recurrence.monthly_on = OUTLAY_MONTHLY_ON_WEEKDAY;
  cases[n].recurrence.week_number = 2;
  cases[n].recurrence.weekday = G_DATE_TUESDAY;
  cases[n].from = "2027-01-01", cases[n].to = "2027-04-30";
  cases[n].expected = "2027-01-12 2027-02-09 2027-03-09 2027-04-13";
  n++;
  /* Monthly on the 1st from the 15th: the first is next month's; three
   * times, then no more. */
  cases[n].recurrence = recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-15");
  cases[n].recurrence.month_day = 1;
  cases[n].recurrence.end = OUTLAY_REPEAT_END_COUNT;
  cases[n].recurrence.count = 3;
  cases[n].from = "2027-01-01", cases[n].to = "2027-12-31";
  cases[n].expected = "2027-02-01 2027-03-01 2027-04-01";
  n++;
  /* Every second month until 1 September: the 1 September one is in. */
  cases[n].recurrence = recurrence_of (OUTLAY_REPEAT_MONTHLY, 2, "2027-03-01");
  cases[n].recurrence.end = OUTLAY_REPEAT_END_UNTIL;
  cases[n].recurrence.until = day_of ("2027-09-01");
  cases[n].from = "2027-01-01", cases[n].to = "2027-12-31";
  cases[n].expected = "2027-03-01 2027-05-01 2027-07-01 2027-09-01";
  n++;

  for (guint i = 0; i < n; i++)
    {
      GDate from = day_of (cases[i].from);
      GDate to = day_of (cases[i].to);
      g_autoptr (GArray) found = outlay_recurrence_between (&cases[i].recurrence, &from, &to, 0);
      g_autofree char *text = days_text (found);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Any window of days gives the occurrences of the whole schedule that fall
 * in it, numbered as in the whole: the code starts a window's walk near
 * its first day, not at the start. */
static void
test_windows_agree (void)
{
  OutlayRecurrence recurrences[4];
  GDate            first = day_of (FIRST);
  /* Past the last window's last day. */
  GDate last = day_of ("2032-12-31");

  recurrences[0] = recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-31");
  recurrences[0].weekend = OUTLAY_WEEKEND_AFTER;
  recurrences[1] = recurrence_of (OUTLAY_REPEAT_WEEKLY, 3, "2027-02-03");
  recurrences[1].weekdays = 0x7f & ~OUTLAY_WEEKDAY_BIT (G_DATE_WEDNESDAY);
  recurrences[1].weekend = OUTLAY_WEEKEND_BEFORE;
  recurrences[2] = recurrence_of (OUTLAY_REPEAT_DAILY, 5, "2027-01-02");
  recurrences[2].weekend = OUTLAY_WEEKEND_SKIP;
  recurrences[3] = recurrence_of (OUTLAY_REPEAT_YEARLY, 1, "2027-12-31");

  for (guint r = 0; r < G_N_ELEMENTS (recurrences); r++)
    {
      g_autoptr (GArray) whole = outlay_recurrence_between (&recurrences[r], &first, &last, 0);

      for (guint i = 0; i < 300; i++)
        {
          GDate from = first;
          GDate to;
          guint expected_first = G_MAXUINT;
          guint expected_n = 0;
          g_autoptr (GArray) window = NULL;

          g_date_add_days (&from, g_test_rand_int_range (0, 1800));
          to = from;
          g_date_add_days (&to, g_test_rand_int_range (0, 120));
          for (guint j = 0; j < whole->len; j++)
            {
              const GDate *day = &g_array_index (whole, OutlayOccurrence, j).day;

              if (g_date_compare (day, &from) >= 0 && g_date_compare (day, &to) <= 0)
                {
                  expected_first = MIN (expected_first, j);
                  expected_n++;
                }
            }
          window = outlay_recurrence_between (&recurrences[r], &from, &to, 0);
          g_assert_cmpuint (window->len, ==, expected_n);
          for (guint j = 0; j < window->len; j++)
            {
              OutlayOccurrence *a = &g_array_index (window, OutlayOccurrence, j);
              OutlayOccurrence *b = &g_array_index (whole, OutlayOccurrence, expected_first + j);

              g_assert_cmpint (g_date_compare (&a->day, &b->day), ==, 0);
              g_assert_cmpuint (a->number, ==, b->number);
            }
        }
    }
}

static void
test_next_and_last (void)
{
  OutlayRecurrence recurrence = recurrence_of (OUTLAY_REPEAT_WEEKLY, 1, "2027-01-04");
  OutlayOccurrence occurrence;
  GDate            day = day_of ("2027-01-05");
  char             text[OUTLAY_DATE_ISO_SIZE];

  g_assert_true (outlay_recurrence_next (&recurrence, &day, &occurrence));
  outlay_date_format_iso_buf (&occurrence.day, text);
  g_assert_cmpstr (text, ==, "2027-01-11");
  g_assert_cmpuint (occurrence.number, ==, 1);
  g_assert_false (outlay_recurrence_get_last (&recurrence, &occurrence));

  recurrence.end = OUTLAY_REPEAT_END_COUNT;
  recurrence.count = 10;
  g_assert_true (outlay_recurrence_get_last (&recurrence, &occurrence));
  outlay_date_format_iso_buf (&occurrence.day, text);
  g_assert_cmpstr (text, ==, "2027-03-08");
  day = day_of ("2027-03-09");
  g_assert_false (outlay_recurrence_next (&recurrence, &day, &occurrence));
}

static void
test_invalid (void)
{
  OutlayRecurrence recurrence = recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-31");
  g_autoptr (GError) error = NULL;

  recurrence.interval = 0;
  g_assert_false (outlay_recurrence_validate (&recurrence, &error));
  g_assert_error (error, OUTLAY_RECURRENCE_ERROR, OUTLAY_RECURRENCE_ERROR_INVALID);
  g_clear_error (&error);

  recurrence.interval = 1;
  recurrence.monthly_on = OUTLAY_MONTHLY_ON_WEEKDAY;
  recurrence.week_number = 5;
  g_assert_false (outlay_recurrence_validate (&recurrence, &error));
  g_clear_error (&error);

  recurrence = recurrence_of (OUTLAY_REPEAT_WEEKLY, 1, "2027-01-31");
  recurrence.weekdays = 0;
  g_assert_false (outlay_recurrence_validate (&recurrence, &error));
  g_clear_error (&error);

  recurrence = recurrence_of (OUTLAY_REPEAT_DAILY, 1, "2027-01-31");
  recurrence.end = OUTLAY_REPEAT_END_UNTIL;
  recurrence.until = day_of ("2027-01-30");
  g_assert_false (outlay_recurrence_validate (&recurrence, &error));
}

static void
test_monthly_equivalent (void)
{
  OutlayRecurrence recurrence = recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-31");

  g_assert_cmpint (outlay_recurrence_monthly_equivalent (&recurrence, 95000), ==, 95000);
  recurrence = recurrence_of (OUTLAY_REPEAT_YEARLY, 1, "2027-01-31");
  g_assert_cmpint (outlay_recurrence_monthly_equivalent (&recurrence, 12000), ==, 1000);
  /* 52.18 weeks a year: 10.00 a week is 43.48 a month. */
  recurrence = recurrence_of (OUTLAY_REPEAT_WEEKLY, 1, "2027-01-31");
  g_assert_cmpint (outlay_recurrence_monthly_equivalent (&recurrence, 1000), ==, 4348);
  recurrence = recurrence_of (OUTLAY_REPEAT_WEEKLY, 2, "2027-01-31");
  g_assert_cmpint (outlay_recurrence_monthly_equivalent (&recurrence, 1000), ==, 2174);
  /* 365.25 / 12 = 30.4375 days */
  recurrence = recurrence_of (OUTLAY_REPEAT_DAILY, 1, "2027-01-31");
  g_assert_cmpint (outlay_recurrence_monthly_equivalent (&recurrence, 100), ==, 3044);
}

static void
assert_described (const OutlayRecurrence *recurrence,
                  const char             *expected)
{
  g_autofree char *text = outlay_recurrence_describe (recurrence);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe (void)
{
  OutlayRecurrence recurrence = recurrence_of (OUTLAY_REPEAT_MONTHLY, 1, "2027-01-01");

  assert_described (&recurrence, "monthly on day 1");
  recurrence.interval = 3;
  recurrence.monthly_on = OUTLAY_MONTHLY_LAST_DAY;
  assert_described (&recurrence, "every 3 months on the last day");
  recurrence.interval = 1;
  recurrence.monthly_on = OUTLAY_MONTHLY_ON_WEEKDAY;
  recurrence.week_number = 2;
  recurrence.weekday = G_DATE_TUESDAY;
  assert_described (&recurrence, "monthly on the second Tuesday");
  recurrence.week_number = -1;
  recurrence.weekday = G_DATE_FRIDAY;
  assert_described (&recurrence, "monthly on the last Friday");

  recurrence = recurrence_of (OUTLAY_REPEAT_WEEKLY, 2, "2027-01-05");
  recurrence.weekdays |= OUTLAY_WEEKDAY_BIT (G_DATE_THURSDAY);
  assert_described (&recurrence, "every 2 weeks on Tuesday, Thursday");
  recurrence = recurrence_of (OUTLAY_REPEAT_DAILY, 1, "2027-01-05");
  assert_described (&recurrence, "daily");
  recurrence = recurrence_of (OUTLAY_REPEAT_YEARLY, 1, "2028-02-29");
  assert_described (&recurrence, "yearly on 29 February");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/five-years", test_five_years);
  g_test_add_func ("/recurrence/by-hand", test_by_hand);
  g_test_add_func ("/recurrence/windows-agree", test_windows_agree);
  g_test_add_func ("/recurrence/next-and-last", test_next_and_last);
  g_test_add_func ("/recurrence/invalid", test_invalid);
  g_test_add_func ("/recurrence/monthly-equivalent", test_monthly_equivalent);
  g_test_add_func ("/recurrence/describe", test_describe);

  return g_test_run ();
}
