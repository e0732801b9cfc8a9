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

/* JSON: documents are built with JsonBuilder and laid out here the way jq
 * prints them, indented by two spaces, with "name": value; JsonGenerator
 * writes every name and value (its own pretty printing puts a space
 * before the colon, and an empty object as "{  }"). */

/* Before the element @index of a container whose elements are at @depth. */
static void
append_separator (GString *out,
                  guint    index,
                  guint    depth)
{
  if (index > 0)
    g_string_append_c (out, ',');
  g_string_append_c (out, '\n');
  append_spaces (out, 2 * depth);
}

/* Empty containers stay on one line: [] and {}. */
static void
append_close (GString *out,
              guint    n_elements,
              guint    depth,
              char     bracket)
{
  if (n_elements > 0)
    {
      g_string_append_c (out, '\n');
      append_spaces (out, 2 * depth);
    }
  g_string_append_c (out, bracket);
}

/* JsonGenerator writes a double with 17 significant digits (207.1 as
 * 207.09999999999999); the percentages are rounded to one decimal and
 * written with it, as documented. */
static gboolean
append_one_decimal (GString  *out,
                    JsonNode *value)
{
  char   buf[G_ASCII_DTOSTR_BUF_SIZE];
  double number;

  g_assert (JSON_NODE_HOLDS_VALUE (value));

  if (json_node_get_value_type (value) != G_TYPE_DOUBLE)
    return FALSE;

  number = json_node_get_double (value);
  g_ascii_formatd (buf, sizeof buf, "%.1f", number);
  if (g_ascii_strtod (buf, NULL) != number)
    return FALSE;

  g_string_append (out, buf);
  return TRUE;
}

static void
append_scalar (GString       *out,
               JsonGenerator *generator,
               JsonNode      *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && append_one_decimal (out, node))
    return;

  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, out);
}

static void
append_name (GString       *out,
             JsonGenerator *generator,
             const char    *name)
{
  g_autoptr (JsonNode) node = json_node_init_string (json_node_alloc (), name);

  append_scalar (out, generator, node);
  g_string_append (out, ": ");
}

static void
append_node (GString       *out,
             JsonGenerator *generator,
             JsonNode      *node,
             guint          depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char    *name;
        JsonNode      *member;
        guint          n = 0;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            append_separator (out, n++, depth + 1);
            append_name (out, generator, name);
            append_node (out, generator, member, depth + 1);
          }
        append_close (out, n, depth, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint      n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            append_separator (out, i, depth + 1);
            append_node (out, generator, json_array_get_element (array, i), depth + 1);
          }
        append_close (out, n, depth, ']');
      }
      break;

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      append_scalar (out, generator, node);
      break;
    }
}

/* json-glib 1.6 leaves U+001F unescaped, which no JSON reader accepts; the
 * byte appears nowhere else in UTF-8 text. */
static void
write_json (GString *out)
{
  g_string_replace (out, "\x1f", "\\u001f", 0);
  outlay_cli_write (out->str);
}

static void
write_node (JsonNode   *node,
            guint       depth,
            const char *before,
            const char *after)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GString) out = g_string_new (before);

  append_node (out, generator, node, depth);
  if (after != NULL)
    g_string_append (out, after);
  write_json (out);
}

/**
 * outlay_cli_json_print:
 * @builder: a builder that holds a whole document
 *
 * Prints the document, then a newline.
 */
void
outlay_cli_json_print (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  g_return_if_fail (root != NULL);

  write_node (root, 0, NULL, "\n");
}

/**
 * outlay_cli_json_print_element:
 * @builder: a builder that holds one element of an array
 * @index: its position, from 0
 *
 * Prints an array element by element, so that a long list is never held
 * whole: the first element opens the array; outlay_cli_json_print_end()
 * closes it.
 */
void
outlay_cli_json_print_element (JsonBuilder *builder,
                               guint        index)
{
  g_autoptr (JsonNode) element = json_builder_get_root (builder);
  g_autoptr (GString) before = g_string_new (index == 0 ? "[" : NULL);

  g_return_if_fail (element != NULL);

  append_separator (before, index, 1);
  write_node (element, 1, before->str, NULL);
}

/**
 * outlay_cli_json_print_end:
 * @n_elements: how many outlay_cli_json_print_element() printed
 */
void
outlay_cli_json_print_end (guint n_elements)
{
  g_autoptr (GString) out = g_string_new (n_elements == 0 ? "[" : NULL);

  append_close (out, n_elements, 0, ']');
  g_string_append_c (out, '\n');
  outlay_cli_write (out->str);
}

/* The members. With a %NULL @name, each adds an element to an array. */

static void
set_name (JsonBuilder *builder,
          const char  *name)
{
  if (name != NULL)
    json_builder_set_member_name (builder, name);
}

void
outlay_cli_json_begin_object (JsonBuilder *builder,
                              const char  *name)
{
  set_name (builder, name);
  json_builder_begin_object (builder);
}

void
outlay_cli_json_begin_array (JsonBuilder *builder,
                             const char  *name)
{
  set_name (builder, name);
  json_builder_begin_array (builder);
}

/**
 * outlay_cli_json_add_string:
 * @value: (nullable): the text, or %NULL for null
 *
 * The store only holds valid UTF-8; anything else would not be JSON.
 */
void
outlay_cli_json_add_string (JsonBuilder *builder,
                            const char  *name,
                            const char  *value)
{
  g_autofree char *valid = NULL;

  set_name (builder, name);
  if (value == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  json_builder_add_string_value (builder, value);
}

void
outlay_cli_json_add_int (JsonBuilder *builder,
                         const char  *name,
                         gint64       value)
{
  set_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/**
 * outlay_cli_json_add_positive:
 *
 * Adds @value when it is above zero, else null: for ids, and line and
 * column numbers, which count from 1.
 */
void
outlay_cli_json_add_positive (JsonBuilder *builder,
                              const char  *name,
                              gint64       value)
{
  set_name (builder, name);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* For what is not known, such as the expenses of a backup that was not
 * checked: 0 would be a count. */
void
outlay_cli_json_add_null (JsonBuilder *builder,
                          const char  *name)
{
  set_name (builder, name);
  json_builder_add_null_value (builder);
}

void
outlay_cli_json_add_bool (JsonBuilder *builder,
                          const char  *name,
                          gboolean     value)
{
  set_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/**
 * outlay_cli_json_add_percent:
 *
 * Adds @part as a percentage of @whole with one decimal (a number), or
 * null when @whole is zero.
 */
void
outlay_cli_json_add_percent (JsonBuilder *builder,
                             const char  *name,
                             gint64       part,
                             gint64       whole)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  set_name (builder, name);
  /* Of nothing, or of less (more refunded than spent), no share or
   * change means anything. */
  if (whole <= 0)
    {
      json_builder_add_null_value (builder);
      return;
    }

  /* A ratio for people, not money: a double is fine here. Rounded to the
   * decimal it is printed with. */
  g_ascii_formatd (buf, sizeof buf, "%.1f", 100.0 * (double) part / (double) whole);
  json_builder_add_double_value (builder, g_ascii_strtod (buf, NULL));
}

/**
 * outlay_cli_json_add_money:
 * @name: the member for the plain decimal text ("12.50"); @name_minor gets
 *   the whole number of minor units (1250)
 */
void
outlay_cli_json_add_money (JsonBuilder *builder,
                           const char  *name,
                           gint64       minor_units,
                           const char  *currency)
{
  g_autofree char *plain = outlay_money_format_plain (minor_units, currency);
  g_autofree char *minor_name = g_strconcat (name, "_minor", NULL);

  outlay_cli_json_add_string (builder, name, plain);
  outlay_cli_json_add_int (builder, minor_name, minor_units);
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
  if (whole <= 0)
    return NULL;

  return g_strdup_printf ("%.1f%%", 100.0 * (double) part / (double) whole);
}
