/* outlay-date.c: calendar days written YYYY-MM-DD, and UTC timestamps
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
 * * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "outlay-date.h"

/**
 * outlay_date_is_valid:
 * @date: (nullable): text to check
 *
 * Returns: whether @date is a real calendar day from 1900 to 2999 written
 *   `YYYY-MM-DD`
 */
gboolean
outlay_date_is_valid (const char *date)
{
  guint year, month, day;

  if (date == NULL || strlen (date) != 10 ||
      !g_ascii_isdigit (date[0]) || !g_ascii_isdigit (date[1]) ||
      !g_ascii_isdigit (date[2]) || !g_ascii_isdigit (date[3]) || date[4] != '-' ||
      !g_ascii_isdigit (date[5]) || !g_ascii_isdigit (date[6]) || date[7] != '-' ||
      !g_ascii_isdigit (date[8]) || !g_ascii_isdigit (date[9]))
    return FALSE;

  if (sscanf (date, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;

  return year >= 1900 && year <= 2999 && g_date_valid_dmy (day, month, year);
}

/**
 * outlay_date_parse_iso:
 *
 * Returns: (transfer full) (nullable): the day written `YYYY-MM-DD`, or
 *   %NULL when @text is not a valid day (see outlay_date_is_valid())
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
 * outlay_date_format_iso_buf:
 *
 * Writes @date as `YYYY-MM-DD` into @buf, for loops that would otherwise
 * allocate a string a day.
 */
void
outlay_date_format_iso_buf (const GDate *date,
                            char         buf[OUTLAY_DATE_ISO_SIZE])
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_snprintf (buf, OUTLAY_DATE_ISO_SIZE, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/**
 * outlay_date_format_iso:
 *
 * Returns: (transfer full): @date as `YYYY-MM-DD`
 */
char *
outlay_date_format_iso (const GDate *date)
{
  char buf[OUTLAY_DATE_ISO_SIZE];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  outlay_date_format_iso_buf (date, buf);
  return g_strdup (buf);
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
 * outlay_timestamp_now_utc:
 *
 * Returns: (transfer full): the time of an edit, in UTC to the millisecond,
 *   e.g. `2026-11-25T10:15:00.123Z`: it sorts as text
 */
char *
outlay_timestamp_now_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *base = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (now) / 1000);
}
