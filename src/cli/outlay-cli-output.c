/* outlay-cli-output.c
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

/* What the commands print: aligned tables for people, JSON for programs.
 * Everything is written as UTF-8, whatever the locale (g_print() would
 * turn "€" into "?" in the C locale, and JSON must be UTF-8). */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "outlay-cli-private.h"
#include "outlay-money.h"

void
outlay_cli_write (const char *text)
{
  fputs (text, stdout);
}

void
outlay_cli_print (const char *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list          args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  outlay_cli_write (text);
}

/* Columns on a terminal: wide (East Asian) characters take two, combining
 * marks none. */
guint
outlay_cli_text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* Tables */

struct _OutlayCliTable
{
  guint      n_columns;
  guint32    right_aligned; /* a bit per column */
  GPtrArray *rows;          /* GStrv of n_columns */
};

OutlayCliTable *
outlay_cli_table_new (guint n_columns)
{
  OutlayCliTable *table = g_new0 (OutlayCliTable, 1);

  g_assert (n_columns > 0 && n_columns <= 32);

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return table;
}

void
outlay_cli_table_free (OutlayCliTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
outlay_cli_table_align_right (OutlayCliTable *table,
                              guint           column)
{
  g_assert (column < table->n_columns);

  table->right_aligned |= 1u << column;
}

/**
 * outlay_cli_table_add:
 * @...: one string per column, then %NULL
 */
void
outlay_cli_table_add (OutlayCliTable *table,
                      ...)
{
  char      **row = g_new0 (char *, table->n_columns + 1);
  va_list     args;
  const char *cell;
  guint       i = 0;

  va_start (args, table);
  while ((cell = va_arg (args, const char *)) != NULL)
    {
      g_assert (i < table->n_columns);
      row[i++] = g_strdup (cell);
    }
  va_end (args);

  g_assert (i == table->n_columns);
  g_ptr_array_add (table->rows, row);
}

static void
append_spaces (GString *out,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* Columns two spaces apart; no spaces at the end of a line. */
void
outlay_cli_table_print (OutlayCliTable *table,
                        const char     *indent)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], outlay_cli_text_width (row[c]));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      gsize  line_start = out->len;

      g_string_append (out, indent != NULL ? indent : "");

      for (guint c = 0; c < table->n_columns; c++)
        {
          guint padding = widths[c] - outlay_cli_text_width (row[c]);

          if (c > 0)
            g_string_append (out, "  ");

          if (table->right_aligned & (1u << c))
            {
              append_spaces (out, padding);
              g_string_append (out, row[c]);
            }
          else
            {
              g_string_append (out, row[c]);
              append_spaces (out, padding);
            }
        }

      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }

  outlay_cli_write (out->str);
}

/* JSON, indented by two spaces as jq prints it */

struct _OutlayJson
{
  GString *out;
  GArray  *counts; /* guint: values so far in each open container */
  gboolean after_member;
};

OutlayJson *
outlay_json_new (void)
{
  OutlayJson *json = g_new0 (OutlayJson, 1);

  json->out = g_string_new (NULL);
  json->counts = g_array_new (FALSE, TRUE, sizeof (guint));

  return json;
}

void
outlay_json_free (OutlayJson *json)
{
  g_string_free (json->out, TRUE);
  g_array_unref (json->counts);
  g_free (json);
}

void
outlay_json_print (OutlayJson *json)
{
  g_assert (json->counts->len == 0);

  outlay_cli_write (json->out->str);
  outlay_cli_write ("\n");
}

static void
indent (OutlayJson *json)
{
  append_spaces (json->out, 2 * json->counts->len);
}

static void
before_value (OutlayJson *json)
{
  guint *count;

  if (json->after_member)
    {
      json->after_member = FALSE;
      return;
    }

  if (json->counts->len == 0)
    return;

  count = &g_array_index (json->counts, guint, json->counts->len - 1);
  if (*count > 0)
    g_string_append_c (json->out, ',');
  g_string_append_c (json->out, '\n');
  indent (json);
  (*count)++;
}

static void
begin (OutlayJson *json,
       char        bracket)
{
  guint zero = 0;

  before_value (json);
  g_string_append_c (json->out, bracket);
  g_array_append_val (json->counts, zero);
}

static void
end (OutlayJson *json,
     char        bracket)
{
  guint count;

  g_assert (json->counts->len > 0 && !json->after_member);

  count = g_array_index (json->counts, guint, json->counts->len - 1);
  g_array_set_size (json->counts, json->counts->len - 1);
  if (count > 0)
    {
      g_string_append_c (json->out, '\n');
      indent (json);
    }
  g_string_append_c (json->out, bracket);
}

void
outlay_json_begin_object (OutlayJson *json)
{
  begin (json, '{');
}

void
outlay_json_end_object (OutlayJson *json)
{
  end (json, '}');
}

void
outlay_json_begin_array (OutlayJson *json)
{
  begin (json, '[');
}

void
outlay_json_end_array (OutlayJson *json)
{
  end (json, ']');
}

static void
append_string (GString    *out,
               const char *value)
{
  g_string_append_c (out, '"');

  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\t':
          g_string_append (out, "\\t");
          break;

        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }

  g_string_append_c (out, '"');
}

void
outlay_json_member (OutlayJson *json,
                    const char *name)
{
  g_assert (!json->after_member);

  before_value (json);
  append_string (json->out, name);
  g_string_append (json->out, ": ");
  json->after_member = TRUE;
}

/* The store only holds valid UTF-8; anything else would not be JSON. */
void
outlay_json_string (OutlayJson *json,
                    const char *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    {
      outlay_json_null (json);
      return;
    }

  before_value (json);
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  append_string (json->out, value);
}

void
outlay_json_int (OutlayJson *json,
                 gint64      value)
{
  before_value (json);
  g_string_append_printf (json->out, "%" G_GINT64_FORMAT, value);
}

void
outlay_json_bool (OutlayJson *json,
                  gboolean    value)
{
  before_value (json);
  g_string_append (json->out, value ? "true" : "false");
}

void
outlay_json_null (OutlayJson *json)
{
  before_value (json);
  g_string_append (json->out, "null");
}

/**
 * outlay_json_percent:
 *
 * Writes @part as a percentage of @whole with one decimal (a number), or
 * null when @whole is zero.
 */
void
outlay_json_percent (OutlayJson *json,
                     gint64      part,
                     gint64      whole)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (whole == 0)
    {
      outlay_json_null (json);
      return;
    }

  /* A ratio for people, not money: a double is fine here. */
  before_value (json);
  g_string_append (json->out, g_ascii_formatd (buf, sizeof buf, "%.1f", 100.0 * (double) part / (double) whole));
}

/**
 * outlay_json_money:
 * @name: the member for the plain decimal text ("12.50"); @name_minor gets
 *   the whole number of minor units (1250)
 */
void
outlay_json_money (OutlayJson *json,
                   const char *name,
                   gint64      minor_units,
                   const char *currency)
{
  g_autofree char *plain = outlay_money_format_plain (minor_units, currency);
  g_autofree char *minor_name = g_strconcat (name, "_minor", NULL);

  outlay_json_member (json, name);
  outlay_json_string (json, plain);
  outlay_json_member (json, minor_name);
  outlay_json_int (json, minor_units);
}

/**
 * outlay_cli_format_percent:
 *
 * Returns: (transfer full) (nullable): @part as a percentage of @whole,
 *   with one decimal in the locale's way ("12.5%", "12,5%"), or %NULL when
 *   @whole is zero
 */
char *
outlay_cli_format_percent (gint64 part,
                           gint64 whole)
{
  if (whole == 0)
    return NULL;

  return g_strdup_printf ("%.1f%%", 100.0 * (double) part / (double) whole);
}
