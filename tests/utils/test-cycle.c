/* test-cycle.c
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

#include "outlay-cycle.h"
#include "outlay-date.h"

/* The expected days are written out by hand from a calendar, not worked
 * out by the code under test. */

static OutlayCycle
cycle_of (OutlayCycleUnit unit,
          guint           every,
          const char     *anchor,
          const char     *last)
{
  g_autoptr (GError) error = NULL;
  OutlayCycle cycle;

  g_assert_true (outlay_cycle_init (&cycle, unit, every, anchor, last, &error));
  g_assert_no_error (error);
  return cycle;
}

static char *
iso (const GDate *date)
{
  return outlay_date_format_iso (date);
}

/* "START..END" of period @index. */
static char *
period (const OutlayCycle *cycle,
        gint64             index)
{
  GDate            start, end;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!outlay_cycle_get_period (cycle, index, &start, &end))
    return g_strdup ("none");
  a = iso (&start);
  b = iso (&end);
  return g_strdup_printf ("%s..%s", a, b);
}

static gint64
find (const OutlayCycle *cycle,
      const char        *day)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (day);
  gint64 index = G_MININT64;

  g_assert_nonnull (date);
  g_assert_true (outlay_cycle_find (cycle, date, &index));
  return index;
}

static void
assert_period (const OutlayCycle *cycle,
               gint64             index,
               const char        *expected)
{
  g_autofree char *got = period (cycle, index);

  g_assert_cmpstr (got, ==, expected);
}

/* A month from the 31st: the 31st where there is one, the last day where
 * not, and back to the 31st after February. */
static void
test_month_ends (void)
{
  OutlayCycle cycle = cycle_of (OUTLAY_CYCLE_MONTH, 1, "2026-01-31", NULL);
  OutlayCycle leap = cycle_of (OUTLAY_CYCLE_MONTH, 1, "2024-01-31", NULL);

  assert_period (&cycle, 0, "2026-01-31..2026-02-27");
  assert_period (&cycle, 1, "2026-02-28..2026-03-30");
  assert_period (&cycle, 2, "2026-03-31..2026-04-29");
  assert_period (&cycle, 3, "2026-04-30..2026-05-30");
  assert_period (&cycle, 4, "2026-05-31..2026-06-29");
  assert_period (&cycle, -1, "2025-12-31..2026-01-30");
  assert_period (&cycle, -2, "2025-11-30..2025-12-30");
  assert_period (&cycle, 13, "2027-02-28..2027-03-30");
  assert_period (&cycle, 11, "2026-12-31..2027-01-30");
  assert_period (&leap, 1, "2024-02-29..2024-03-30");

  g_assert_cmpint (find (&cycle, "2026-02-27"), ==, 0);
  g_assert_cmpint (find (&cycle, "2026-02-28"), ==, 1);
  g_assert_cmpint (find (&cycle, "2026-03-30"), ==, 1);
  g_assert_cmpint (find (&cycle, "2026-03-31"), ==, 2);
  g_assert_cmpint (find (&cycle, "2026-01-30"), ==, -1);
  g_assert_cmpint (find (&cycle, "2025-12-30"), ==, -2);
}

/* Payday to payday: a "month" from the 25th to the 24th. */
static void
test_payday (void)
{
  OutlayCycle cycle = cycle_of (OUTLAY_CYCLE_MONTH, 1, "2026-01-25", NULL);
  OutlayCycle quarter = cycle_of (OUTLAY_CYCLE_MONTH, 3, "2026-11-30", NULL);

  g_assert_cmpint (find (&cycle, "2026-03-10"), ==, 1);
  assert_period (&cycle, 1, "2026-02-25..2026-03-24");
  g_assert_cmpint (find (&cycle, "2026-03-24"), ==, 1);
  g_assert_cmpint (find (&cycle, "2026-03-25"), ==, 2);
  /* Across the year's end. */
  g_assert_cmpint (find (&cycle, "2027-01-01"), ==, 11);
  assert_period (&cycle, 11, "2026-12-25..2027-01-24");

  assert_period (&quarter, 0, "2026-11-30..2027-02-27");
  assert_period (&quarter, 1, "2027-02-28..2027-05-29");
  assert_period (&quarter, 2, "2027-05-30..2027-08-29");
  g_assert_cmpint (find (&quarter, "2027-02-27"), ==, 0);
  g_assert_cmpint (find (&quarter, "2027-02-28"), ==, 1);
}

/* A year from 29 February starts on 28 February in the other years. */
static void
test_years (void)
{
  OutlayCycle cycle = cycle_of (OUTLAY_CYCLE_YEAR, 1, "2024-02-29", NULL);
  OutlayCycle calendar = cycle_of (OUTLAY_CYCLE_YEAR, 1, "2026-01-01", NULL);

  assert_period (&cycle, 0, "2024-02-29..2025-02-27");
  assert_period (&cycle, 1, "2025-02-28..2026-02-27");
  assert_period (&cycle, 4, "2028-02-29..2029-02-27");
  g_assert_cmpint (find (&cycle, "2028-02-28"), ==, 3);
  g_assert_cmpint (find (&cycle, "2028-02-29"), ==, 4);

  assert_period (&calendar, 0, "2026-01-01..2026-12-31");
  g_assert_cmpint (find (&calendar, "2026-12-31"), ==, 0);
  g_assert_cmpint (find (&calendar, "2027-01-01"), ==, 1);
  g_assert_cmpint (find (&calendar, "2025-12-31"), ==, -1);
}

static void
test_weeks (void)
{
  /* 7 December 2026 is a Monday. */
  OutlayCycle fortnight = cycle_of (OUTLAY_CYCLE_WEEK, 2, "2026-12-07", NULL);
  OutlayCycle week = cycle_of (OUTLAY_CYCLE_WEEK, 1, "2026-12-28", NULL);

  assert_period (&fortnight, 0, "2026-12-07..2026-12-20");
  assert_period (&fortnight, 1, "2026-12-21..2027-01-03");
  assert_period (&fortnight, -1, "2026-11-23..2026-12-06");
  g_assert_cmpint (find (&fortnight, "2027-01-03"), ==, 1);
  g_assert_cmpint (find (&fortnight, "2027-01-04"), ==, 2);
  g_assert_cmpint (find (&fortnight, "2026-12-06"), ==, -1);

  /* A week across the year's end is one week. */
  assert_period (&week, 0, "2026-12-28..2027-01-03");
  g_assert_cmpint (find (&week, "2027-01-01"), ==, 0);
}

static void
test_range (void)
{
  OutlayCycle trip = cycle_of (OUTLAY_CYCLE_RANGE, 1, "2026-07-01", "2026-07-21");
  g_autoptr (GDate) after = outlay_date_parse_iso ("2026-07-22");
  g_autoptr (GDate) before = outlay_date_parse_iso ("2026-06-30");
  g_autoptr (GError) error = NULL;
  OutlayCycle bad;
  gint64      index;

  assert_period (&trip, 0, "2026-07-01..2026-07-21");
  assert_period (&trip, 1, "none");
  assert_period (&trip, -1, "none");
  g_assert_cmpint (find (&trip, "2026-07-21"), ==, 0);
  g_assert_false (outlay_cycle_find (&trip, after, &index));
  g_assert_false (outlay_cycle_find (&trip, before, &index));

  g_assert_false (outlay_cycle_init (&bad, OUTLAY_CYCLE_RANGE, 1, "2026-07-21", "2026-07-01", &error));
  g_assert_error (error, OUTLAY_CYCLE_ERROR, OUTLAY_CYCLE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (outlay_cycle_init (&bad, OUTLAY_CYCLE_MONTH, 0, "2026-07-21", NULL, &error));
  g_assert_error (error, OUTLAY_CYCLE_ERROR, OUTLAY_CYCLE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (outlay_cycle_init (&bad, OUTLAY_CYCLE_MONTH, 1, "2026-02-30", NULL, &error));
  g_assert_error (error, OUTLAY_CYCLE_ERROR, OUTLAY_CYCLE_ERROR_INVALID);
}

/* Walking every day of several years, for cycles of every kind: each day
 * is in exactly one period, periods follow each other without a gap, and
 * each starts on the day of the month (or of the week) of the anchor, or
 * on its month's last day when the month is shorter. */
static void
test_every_day (void)
{
  GRand *rand = g_rand_new_with_seed (20261207);

  for (guint n = 0; n < 60; n++)
    {
      OutlayCycleUnit unit = n % 3;
      guint           every = 1 + g_rand_int_range (rand, 0, 4);
      GDate           anchor;
      g_autofree char *anchor_text = NULL;
      OutlayCycle     cycle;
      GDate           day;
      gint64          last_index = G_MININT64;

      g_date_clear (&anchor, 1);
      g_date_set_dmy (&anchor, g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 13),
                      g_rand_int_range (rand, 1990, 2030));
      /* Ends of months, the 29th of February among them, half the time. */
      if (n % 2 == 1)
        g_date_set_day (&anchor, g_date_get_days_in_month (g_date_get_month (&anchor), g_date_get_year (&anchor)));
      anchor_text = iso (&anchor);
      cycle = cycle_of (unit, every, anchor_text, NULL);

      day = anchor;
      g_date_subtract_days (&day, 800);
      for (guint i = 0; i < 3000; i++, g_date_add_days (&day, 1))
        {
          GDate  start, end;
          gint64 index;

          g_assert_true (outlay_cycle_find (&cycle, &day, &index));
          g_assert_true (outlay_cycle_get_period (&cycle, index, &start, &end));
          g_assert_cmpint (g_date_compare (&start, &day), <=, 0);
          g_assert_cmpint (g_date_compare (&day, &end), <=, 0);
          if (last_index != G_MININT64)
            {
              g_assert_true (index == last_index || index == last_index + 1);
              if (index == last_index + 1)
                g_assert_cmpint (g_date_compare (&start, &day), ==, 0);
            }
          if (index == 0)
            g_assert_cmpint (g_date_compare (&start, &anchor), ==, 0);

          switch (unit)
            {
            case OUTLAY_CYCLE_WEEK:
              g_assert_cmpint (g_date_get_weekday (&start), ==, g_date_get_weekday (&anchor));
              break;
            case OUTLAY_CYCLE_MONTH:
            case OUTLAY_CYCLE_YEAR:
              if (g_date_get_day (&start) != g_date_get_day (&anchor))
                {
                  g_assert_cmpint (g_date_get_day (&start), <, g_date_get_day (&anchor));
                  g_assert_true (g_date_is_last_of_month (&start));
                }
              break;
            case OUTLAY_CYCLE_RANGE:
            default:
              g_assert_not_reached ();
            }
          last_index = index;
        }
    }

  g_rand_free (rand);
}

static guint
first_weekday_in (const char *name)
{
  locale_t loc = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  guint    weekday;

  if (loc == (locale_t) 0)
    {
      g_test_fail_printf ("The locale %s is not installed. Run build-aux/install-deps to generate it.", name);
      return 0;
    }
  uselocale (loc);
  weekday = outlay_locale_first_weekday ();
  uselocale (LC_GLOBAL_LOCALE);
  freelocale (loc);

  return weekday;
}

/* Weeks start where the locale starts them. */
static void
test_first_weekday (void)
{
  g_assert_cmpuint (first_weekday_in ("de_DE.UTF-8"), ==, G_DATE_MONDAY);
  g_assert_cmpuint (first_weekday_in ("fr_FR.UTF-8"), ==, G_DATE_MONDAY);
  g_assert_cmpuint (first_weekday_in ("en_US.UTF-8"), ==, G_DATE_SUNDAY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cycle/month-ends", test_month_ends);
  g_test_add_func ("/cycle/payday", test_payday);
  g_test_add_func ("/cycle/years", test_years);
  g_test_add_func ("/cycle/weeks", test_weeks);
  g_test_add_func ("/cycle/range", test_range);
  g_test_add_func ("/cycle/every-day", test_every_day);
  g_test_add_func ("/cycle/first-weekday", test_first_weekday);

  return g_test_run ();
}
