/* outlay-uuid.c: the uuids that name every row of a ledger
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

#include <string.h>

#include "outlay-uuid.h"

/**
 * outlay_uuid_write:
 * @text: (out caller-allocates): room for %OUTLAY_UUID_SIZE bytes
 *
 * Writes a new time-ordered (version 7) UUID in its lower-case text form:
 * new rows land at the end of a uuid index instead of on a random page of
 * it, which keeps bulk imports fast on a large file. A bulk insert makes a
 * million of them, so this takes three random numbers and no printf.
 */
void
outlay_uuid_write (char *text)
{
  static const char hex[] = "0123456789abcdef";
  guint8            b[16];
  guint64           ms = (guint64) (g_get_real_time () / 1000);
  guint             t = 0;

  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (8 * (5 - i)));
  for (guint i = 6; i < 16; i += 4)
    {
      guint32 r = g_random_int ();

      for (guint j = i; j < MIN (i + 4, 16); j++, r >>= 8)
        b[j] = (guint8) r;
    }
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        text[t++] = '-';
      text[t++] = hex[b[i] >> 4];
      text[t++] = hex[b[i] & 0x0f];
    }
  text[t] = '\0';

  g_assert (t + 1 == OUTLAY_UUID_SIZE);
}

/**
 * outlay_uuid_new:
 *
 * Returns: (transfer full): a new uuid, as outlay_uuid_write() makes it
 */
char *
outlay_uuid_new (void)
{
  char *text = g_malloc (OUTLAY_UUID_SIZE);

  outlay_uuid_write (text);
  return text;
}

/**
 * outlay_uuid_is_valid:
 * @text: (nullable): text to check
 *
 * Returns: whether @text has the shape of a uuid,
 *   `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hexadecimal digits of any case
 */
gboolean
outlay_uuid_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 36)
    return FALSE;

  for (guint i = 0; i < 36; i++)
    {
      gboolean dash = i == 8 || i == 13 || i == 18 || i == 23;

      if (dash ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}
