/* outlay-number.c: whole numbers read from text
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

#include "outlay-number.h"

/**
 * outlay_parse_unsigned:
 * @text: the text to read
 * @min: the smallest number accepted
 * @max: the largest number accepted
 * @value: (out) (optional): where to store the number
 *
 * Reads @text as a whole number written in decimal ASCII digits, and
 * nothing else: no sign, no space, no "0x", whatever the locale.
 *
 * This reads the digits itself rather than through g_ascii_string_to_unsigned()
 * or strtoull(), which report errors through errno: GLib 2.74 can leave
 * EAGAIN in errno from inside g_ascii_strtoull() (a futex wait in the
 * g_once_init_enter() that makes its C locale, when another thread makes
 * it at the same moment), and g_ascii_string_to_unsigned() then takes a
 * good number for a bad one. Here errno is neither read nor written.
 *
 * Returns: whether @text is a number from @min to @max; @value is left
 *   as it was when it is not
 */
gboolean
outlay_parse_unsigned (const char *text,
                       guint64     min,
                       guint64     max,
                       guint64    *value)
{
  guint64 number = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (min <= max, FALSE);

  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      guint digit;

      if (*p < '0' || *p > '9')
        return FALSE;

      digit = (guint) (*p - '0');
      if (number > (G_MAXUINT64 - digit) / 10)
        return FALSE;
      number = number * 10 + digit;
    }

  if (number < min || number > max)
    return FALSE;

  if (value != NULL)
    *value = number;
  return TRUE;
}
