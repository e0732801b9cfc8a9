/* test-period.c
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

#include "outlay-period.h"

static void
check_range (OutlayPeriod period,
             const char  *today,
             const char  *from,
             const char  *to)
{
  g_autoptr (GDate) day = outlay_date_parse_iso (today);
  g_autofree char *got_from = NULL;
  g_autofree char *got_to = NULL;

  g_assert_nonnull (day);
  outlay_period_get_range (period, day, &got_from, &got_to);
  g_assert_cmpstr (got_from, ==, from);
  g_assert_cmpstr (got_to, ==, to);
}

static void
test_ranges (void)
{
  check_range (OUTLAY_PERIOD_THIS_MONTH, "2026-11-25", "2026-11-01", "2026-11-25");
  check_range (OUTLAY_PERIOD_LAST_MONTH, "2026-11-25", "2026-10-01", "2026-10-31");
  check_range (OUTLAY_PERIOD_LAST_MONTH, "2024-03-31", "2024-02-01", "2024-02-29");
  check_range (OUTLAY_PERIOD_LAST_MONTH, "2026-01-15", "2025-12-01", "2025-12-31");
  check_range (OUTLAY_PERIOD_THIS_YEAR, "2026-11-25", "2026-01-01", "2026-11-25");
  check_range (OUTLAY_PERIOD_LAST_12_MONTHS, "2026-11-25", "2025-12-01", "2026-11-25");
  check_range (OUTLAY_PERIOD_LAST_12_MONTHS, "2024-02-29", "2023-03-01", "2024-02-29");
  check_range (OUTLAY_PERIOD_ALL_TIME, "2026-11-25", NULL, NULL);
}

static void
test_names (void)
{
  for (guint i = 0; i < OUTLAY_N_PERIODS; i++)
    {
      OutlayPeriod period = OUTLAY_N_PERIODS;

      g_assert_true (outlay_period_from_string (outlay_period_to_string (i), &period));
      g_assert_cmpuint (period, ==, i);
      g_assert_cmpstr (outlay_period_get_label (i), !=, "");
    }

  g_assert_cmpstr (outlay_period_to_string (OUTLAY_PERIOD_LAST_12_MONTHS), ==, "last-12-months");
  g_assert_cmpstr (outlay_period_get_label (OUTLAY_PERIOD_THIS_MONTH), ==, "This Month");
  g_assert_false (outlay_period_from_string ("next-month", &(OutlayPeriod){ 0 }));
  g_assert_false (outlay_period_from_string (NULL, &(OutlayPeriod){ 0 }));
}

static void
test_dates (void)
{
  g_autoptr (GDate) leap = outlay_date_parse_iso ("2024-02-29");
  g_autofree char *text = NULL;

  g_assert_nonnull (leap);
  text = outlay_date_format_iso (leap);
  g_assert_cmpstr (text, ==, "2024-02-29");
  g_assert_null (outlay_date_parse_iso ("2023-02-29"));
  g_assert_null (outlay_date_parse_iso ("2024-2-9"));
  g_assert_null (outlay_date_parse_iso (NULL));
}

/* The rule for the period to compare with, on days counted by hand. */
static void
check_previous (const char *from,
                const char *to,
                const char *expected_from,
                const char *expected_to)
{
  g_autofree char *previous_from = NULL;
  g_autofree char *previous_to = NULL;

  g_assert_true (outlay_period_previous (from, to, NULL, &previous_from, &previous_to));
  g_assert_cmpstr (previous_from, ==, expected_from);
  g_assert_cmpstr (previous_to, ==, expected_to);
}

static void
check_previous_today (const char *from,
                      const char *to,
                      const char *today_text,
                      const char *expected_from,
                      const char *expected_to)
{
  g_autoptr (GDate) today = outlay_date_parse_iso (today_text);
  g_autofree char *previous_from = NULL;
  g_autofree char *previous_to = NULL;

  g_assert_true (outlay_period_previous (from, to, today, &previous_from, &previous_to));
  g_assert_cmpstr (previous_from, ==, expected_from);
  g_assert_cmpstr (previous_to, ==, expected_to);
}

static void
test_period_previous (void)
{
  static const char *const invalid[][2] = {
    { NULL, "2024-03-31" },
    { "2024-03-01", NULL },
    { "2024-02-30", "2024-03-31" },
    { "2024-3-1", "2024-03-31" },
    { "2024-03-31", "2024-03-01" },
    { "", "" },
  };

  /* A month: the month before, with its own length. */
  check_previous ("2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29");
  check_previous ("2023-03-01", "2023-03-31", "2023-02-01", "2023-02-28");
  check_previous ("2024-05-01", "2024-05-31", "2024-04-01", "2024-04-30");
  check_previous ("2024-02-01", "2024-02-29", "2024-01-01", "2024-01-31");
  /* January: the December before. */
  check_previous ("2024-01-01", "2024-01-31", "2023-12-01", "2023-12-31");
  /* A year: the year before. */
  check_previous ("2024-01-01", "2024-12-31", "2023-01-01", "2023-12-31");
  check_previous ("2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31");
  /* A quarter: the quarter before. */
  check_previous ("2024-04-01", "2024-06-30", "2024-01-01", "2024-03-31");
  /* Any other range: as many days, just before. */
  check_previous ("2024-03-05", "2024-03-14", "2024-02-24", "2024-03-04");
  check_previous ("2024-03-01", "2024-03-01", "2024-02-29", "2024-02-29");
  check_previous ("2024-01-01", "2024-01-07", "2023-12-25", "2023-12-31");
  check_previous ("2024-03-15", "2024-04-14", "2024-02-13", "2024-03-14");

  /* Up to today from the first of a month: the same days before, a month
   * before within one month, a year before across months; the day that
   * the shorter month lacks becomes its last day. */
  check_previous_today ("2024-03-01", "2024-03-14", "2024-03-14", "2024-02-01", "2024-02-14");
  check_previous_today ("2024-03-01", "2024-03-31", "2024-03-31", "2024-02-01", "2024-02-29");
  check_previous_today ("2024-03-01", "2024-03-30", "2024-03-30", "2024-02-01", "2024-02-29");
  check_previous_today ("2024-04-01", "2024-04-30", "2024-04-30", "2024-03-01", "2024-03-31");
  check_previous_today ("2026-02-01", "2026-02-28", "2026-02-28", "2026-01-01", "2026-01-31");
  check_previous_today ("2024-01-01", "2024-01-07", "2024-01-07", "2023-12-01", "2023-12-07");
  check_previous_today ("2024-01-01", "2024-05-14", "2024-05-14", "2023-01-01", "2023-05-14");
  check_previous_today ("2023-06-01", "2024-05-14", "2024-05-14", "2022-06-01", "2023-05-14");
  check_previous_today ("2024-01-01", "2024-02-29", "2024-02-29", "2023-01-01", "2023-02-28");
  /* Not up to today, or not from a first: the rules above. */
  check_previous_today ("2024-03-01", "2024-03-14", "2024-03-20", "2024-02-16", "2024-02-29");
  check_previous_today ("2024-03-05", "2024-03-14", "2024-03-14", "2024-02-24", "2024-03-04");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      char *previous_from = NULL;
      char *previous_to = NULL;

      g_assert_false (outlay_period_previous (invalid[i][0], invalid[i][1], NULL, &previous_from, &previous_to));
      g_assert_null (previous_from);
      g_assert_null (previous_to);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/ranges", test_ranges);
  g_test_add_func ("/period/names", test_names);
  g_test_add_func ("/period/dates", test_dates);
  g_test_add_func ("/period/previous", test_period_previous);

  return g_test_run ();
}
