/* outlay-csv-writer.c
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

#include <string.h>

#include "outlay-csv.h"

/* Writing */

static gboolean
needs_quotes (const char *field,
              guint       n_fields)
{
  gsize length = strlen (field);

  /* A lone empty field would be an empty line, which is no row at all. */
  if (length == 0)
    return n_fields == 1;
  if (strpbrk (field, ",;\t|\"\r\n") != NULL)
    return TRUE;
  /* Readers trim; a byte order mark at the start of the file would be
   * taken for the encoding. */
  if (g_unichar_isspace (g_utf8_get_char (field)) || g_str_has_prefix (field, "\xef\xbb\xbf"))
    return TRUE;
  return g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (field + length)));
}

void
outlay_csv_append_row (GString           *out,
                       const char *const *fields,
                       guint              n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (!needs_quotes (field, n_fields))
        {
          g_string_append (out, field);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
