/* outlay-csv-decode.c
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

#include <glib/gi18n-lib.h>

#include "outlay-csv-private.h"

/* A quoted field longer than this is taken for a stray quote: the field is
 * read again as if the quote were an ordinary character. It bounds the
 * work a file full of unmatched quotes can cause. */
#define MAX_QUOTED_FIELD (1024 * 1024)

static const char delimiters[] = { ',', ';', '\t', '|' };

GQuark
outlay_csv_error_quark (void)
{
  return g_quark_from_static_string ("outlay-csv-error-quark");
}

/* Decoding */

/* Windows-1252 0x80–0x9F; the five undefined bytes keep their C1 code. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};

static char *
decode_cp1252 (const guchar *data,
               gsize         length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] < 0x80)
        g_string_append_c (out, (char) data[i]);
      else if (data[i] < 0xA0)
        g_string_append_unichar (out, cp1252_high[data[i] - 0x80]);
      else
        g_string_append_unichar (out, data[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
check_binary_signature (const guchar *data,
                        gsize         length,
                        GError      **error)
{
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    {
      g_set_error_literal (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_NOT_TEXT,
                           _("This is a spreadsheet or an archive, not a CSV file. Save it as CSV first."));
      return FALSE;
    }
  if (length >= 4 && memcmp (data, "\xd0\xcf\x11\xe0", 4) == 0)
    {
      g_set_error_literal (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_NOT_TEXT,
                           _("This is an Excel file, not a CSV file. Save it as CSV first."));
      return FALSE;
    }
  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      g_set_error_literal (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_NOT_TEXT,
                           _("This is a PDF document, not a CSV file. Most banks offer a CSV export next to the PDF "
                             "statement."));
      return FALSE;
    }

  return TRUE;
}

static void
set_not_text_error (GError **error)
{
  g_set_error_literal (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_NOT_TEXT,
                       _("This file does not contain text, so it is not a CSV file."));
}

/* Returns the text as UTF-8 without a byte order mark: @contents itself,
 * or the part after the mark, when it is UTF-8 already. */
static GBytes *
decode (GBytes            *contents,
        OutlayCsvEncoding *encoding,
        GError           **error)
{
  gsize         length = 0;
  const char   *data = g_bytes_get_data (contents, &length);
  const guchar *bytes = (const guchar *) data;
  char         *text;

  /* A file that is valid text is read as text, whatever it starts with;
   * the signatures only give a better reason than "not text". */
  if ((memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, NULL)) &&
      !check_binary_signature (bytes, length, error))
    return NULL;

  if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      const char *charset = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      gsize       written = 0;

      text = g_convert (data + 2, length - 2, "UTF-8", charset, NULL, &written, NULL);
      if (text == NULL || memchr (text, '\0', written) != NULL)
        {
          g_free (text);
          set_not_text_error (error);
          return NULL;
        }
      *encoding = OUTLAY_CSV_ENCODING_UTF16;
      return g_bytes_new_take (text, written);
    }

  if (memchr (data, '\0', length) != NULL)
    {
      set_not_text_error (error);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      if (g_utf8_validate_len (data + 3, length - 3, NULL))
        {
          *encoding = OUTLAY_CSV_ENCODING_UTF8_BOM;
          return g_bytes_new_from_bytes (contents, 3, length - 3);
        }
      /* A byte order mark in front of something else: the mark is wrong,
       * the bytes are what the bank wrote. */
      bytes += 3;
      length -= 3;
    }
  else if (g_utf8_validate_len (data, length, NULL))
    {
      *encoding = OUTLAY_CSV_ENCODING_UTF8;
      return g_bytes_ref (contents);
    }

  *encoding = OUTLAY_CSV_ENCODING_LATIN1;
  text = decode_cp1252 (bytes, length);
  length = strlen (text);
  return g_bytes_new_take (text, length);
}

/* Parsing */

static gsize
skip_newline (const char *text,
              gsize       length,
              gsize       pos)
{
  if (text[pos] == '\r' && pos + 1 < length && text[pos + 1] == '\n')
    return pos + 2;
  return pos + 1;
}

/* Reads a quoted field starting at the quote at @pos, into @field unless
 * it is %NULL. Returns FALSE, with nothing consumed, when the quote has no
 * partner. */
static gboolean
read_quoted_field (const char *text,
                   gsize       length,
                   gsize      *pos,
                   guint      *line,
                   GString    *field)
{
  gsize p = *pos + 1;
  guint l = *line;

  while (p < length && p - *pos <= MAX_QUOTED_FIELD)
    {
      char c = text[p];

      if (c == '"')
        {
          if (p + 1 < length && text[p + 1] == '"')
            {
              if (field != NULL)
                g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          *pos = p + 1;
          *line = l;
          return TRUE;
        }
      if (c == '\r' || c == '\n')
        {
          gsize next = skip_newline (text, length, p);

          if (field != NULL)
            g_string_append_len (field, text + p, next - p);
          p = next;
          l++;
          continue;
        }
      if (field != NULL)
        g_string_append_c (field, c);
      p++;
    }

  if (field != NULL)
    g_string_truncate (field, 0);
  return FALSE;
}

/* Reads the row that starts at *@pos (not at an empty line), moving *@pos
 * and *@line past it. Its fields go into @fields, unless that is %NULL:
 * counting them and telling a broken quote is what the table keeps; the
 * fields themselves are read again when they are asked for.
 *
 * RFC 4180, forgiving: a quote that does not open a field, or text after a
 * closing quote, is kept as it is and marks the row irregular (which tells
 * a wrong delimiter from the right one). */
static void
read_row (const char *text,
          gsize       length,
          char        delimiter,
          gsize      *pos,
          guint      *line,
          GPtrArray  *fields,
          guint      *n_fields,
          gboolean   *irregular)
{
  g_autoptr (GString) field = fields != NULL ? g_string_new (NULL) : NULL;
  gsize p = *pos;

  *n_fields = 0;
  *irregular = FALSE;

  for (;;)
    {
      gsize start;

      if (p < length && text[p] == '"' && read_quoted_field (text, length, &p, line, field))
        {
          start = p;
          while (p < length && text[p] != delimiter && text[p] != '\r' && text[p] != '\n')
            p++;
          *irregular |= p > start;
        }
      else
        {
          start = p;
          while (p < length && text[p] != delimiter && text[p] != '\r' && text[p] != '\n')
            {
              if (text[p] == '"')
                *irregular = TRUE;
              p++;
            }
        }
      if (field != NULL)
        {
          g_string_append_len (field, text + start, p - start);
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
        }
      (*n_fields)++;

      if (p < length && text[p] == delimiter)
        {
          p++;
          continue;
        }
      break;
    }

  if (p < length)
    {
      p = skip_newline (text, length, p);
      (*line)++;
    }
  *pos = p;
}

/* Moves *@pos past empty lines, counting them in *@line. */
static gboolean
skip_empty_lines (const char *text,
                  gsize       length,
                  gsize      *pos,
                  guint      *line)
{
  while (*pos < length && (text[*pos] == '\r' || text[*pos] == '\n'))
    {
      *pos = skip_newline (text, length, *pos);
      (*line)++;
    }
  return *pos < length;
}

/* Where each row starts, its line and how many fields it has; empty lines
 * are not rows. */
static GArray *
parse_rows (const char *text,
            gsize       length,
            char        delimiter,
            guint       max_rows,
            guint      *n_irregular)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (OutlayCsvRow));
  gsize   pos = 0;
  guint   line = 1;

  *n_irregular = 0;
  while (rows->len < max_rows && skip_empty_lines (text, length, &pos, &line))
    {
      OutlayCsvRow row = { pos, line, 0 };
      gboolean     irregular = FALSE;

      read_row (text, length, delimiter, &pos, &line, NULL, &row.n_fields, &irregular);
      if (irregular)
        (*n_irregular)++;
      g_array_append_val (rows, row);
    }

  return rows;
}

/* The delimiter that reads the sample with the fewest broken quotes, then
 * with the most rows of the same width, then into the most fields. A
 * single column reads the same with any of them. */
static char
detect_delimiter (const char *text,
                  gsize       length)
{
  char  best = ',';
  guint best_irregular = G_MAXUINT;
  guint best_consistent = 0;
  guint best_width = 1;

  for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
    {
      guint irregular = 0;
      g_autoptr (GArray) rows = parse_rows (text, length, delimiters[d], OUTLAY_CSV_SAMPLE_ROWS, &irregular);
      g_autoptr (GHashTable) widths = g_hash_table_new (NULL, NULL);
      guint consistent = 0;
      guint width = 1;

      for (guint i = 0; i < rows->len; i++)
        {
          OutlayCsvRow *row = &g_array_index (rows, OutlayCsvRow, i);
          guint   count = GPOINTER_TO_UINT (g_hash_table_lookup (widths, GUINT_TO_POINTER (row->n_fields))) + 1;

          g_hash_table_insert (widths, GUINT_TO_POINTER (row->n_fields), GUINT_TO_POINTER (count));
          if (count > consistent || (count == consistent && row->n_fields > width))
            {
              consistent = count;
              width = row->n_fields;
            }
        }

      if (width < 2)
        continue;
      if (irregular < best_irregular ||
          (irregular == best_irregular && consistent > best_consistent) ||
          (irregular == best_irregular && consistent == best_consistent && width > best_width))
        {
          best = delimiters[d];
          best_irregular = irregular;
          best_consistent = consistent;
          best_width = width;
        }
    }

  return best;
}

static gboolean
is_blank_len (const char *text,
              gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

gboolean
outlay_csv_is_blank (const char *text)
{
  return is_blank_len (text, strlen (text));
}

/**
 * outlay_csv_table_read_bytes:
 * @contents: the file's bytes
 *
 * Like outlay_csv_table_read(), but the table keeps @contents rather than a
 * copy when it is UTF-8 already.
 */
OutlayCsvTable *
outlay_csv_table_read_bytes (GBytes  *contents,
                             GError **error)
{
  g_autoptr (GBytes) text = NULL;
  OutlayCsvTable   *table;
  OutlayCsvEncoding encoding = OUTLAY_CSV_ENCODING_UTF8;
  const char       *data;
  gsize             length = 0;
  guint             n_irregular;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (contents) > 0)
    text = decode (contents, &encoding, error);
  else
    text = g_bytes_ref (contents);
  if (text == NULL)
    return NULL;

  data = g_bytes_get_data (text, &length);
  if (is_blank_len (data, length))
    {
      g_set_error_literal (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }

  table = g_new0 (OutlayCsvTable, 1);
  g_atomic_ref_count_init (&table->ref_count);
  g_mutex_init (&table->mutex);
  table->encoding = encoding;
  table->text = g_steal_pointer (&text);
  table->delimiter = detect_delimiter (data, length);
  table->rows = parse_rows (data, length, table->delimiter, G_MAXUINT, &n_irregular);
  table->decoded = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_strfreev);
  for (guint i = 0; i < table->rows->len; i++)
    table->n_columns = MAX (table->n_columns, g_array_index (table->rows, OutlayCsvRow, i).n_fields);

  return table;
}

OutlayCsvTable *
outlay_csv_table_read (const char *data,
                       gsize       length,
                       GError    **error)
{
  g_autoptr (GBytes) contents = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contents = g_bytes_new (data, length);
  return outlay_csv_table_read_bytes (contents, error);
}

OutlayCsvTable *
outlay_csv_table_ref (OutlayCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  g_atomic_ref_count_inc (&table->ref_count);
  return table;
}

void
outlay_csv_table_unref (OutlayCsvTable *table)
{
  g_return_if_fail (table != NULL);

  if (g_atomic_ref_count_dec (&table->ref_count))
    {
      g_hash_table_unref (table->decoded);
      g_array_unref (table->rows);
      g_bytes_unref (table->text);
      g_mutex_clear (&table->mutex);
      g_free (table);
    }
}

OutlayCsvEncoding
outlay_csv_table_get_encoding (OutlayCsvTable *table)
{
  g_return_val_if_fail (table != NULL, OUTLAY_CSV_ENCODING_UTF8);

  return table->encoding;
}

char
outlay_csv_table_get_delimiter (OutlayCsvTable *table)
{
  g_return_val_if_fail (table != NULL, ',');

  return table->delimiter;
}

guint
outlay_csv_table_get_n_rows (OutlayCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

guint
outlay_csv_table_get_n_columns (OutlayCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->n_columns;
}

/* Reads the fields of @row into @fields, after emptying it; it ends with
 * %NULL. Does not touch what outlay_csv_table_get_row() keeps, so any
 * thread may call it. */
void
outlay_csv_table_read_row (OutlayCsvTable *table,
                           guint           row,
                           GPtrArray      *fields)
{
  const OutlayCsvRow *r;
  const char         *text;
  gsize               length = 0;
  gsize               pos;
  guint               line;
  guint               n_fields = 0;
  gboolean            irregular = FALSE;

  g_assert (row < table->rows->len);

  r = &g_array_index (table->rows, OutlayCsvRow, row);
  text = g_bytes_get_data (table->text, &length);
  pos = r->offset;
  line = r->line;
  g_ptr_array_set_size (fields, 0);
  read_row (text, length, table->delimiter, &pos, &line, fields, &n_fields, &irregular);
  g_assert (n_fields == r->n_fields);
  g_ptr_array_add (fields, NULL);
}

const char *const *
outlay_csv_table_get_row (OutlayCsvTable *table,
                          guint           row,
                          guint          *n_fields)
{
  char **fields;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  /* The rows asked for here are those a person sees or the mapping is
   * guessed from: they are read once and kept, so that what this returns
   * lives as long as the table. */
  g_mutex_lock (&table->mutex);
  fields = g_hash_table_lookup (table->decoded, GUINT_TO_POINTER (row));
  if (fields == NULL)
    {
      GPtrArray *array = g_ptr_array_new ();

      outlay_csv_table_read_row (table, row, array);
      fields = (char **) g_ptr_array_free (array, FALSE);
      g_hash_table_insert (table->decoded, GUINT_TO_POINTER (row), fields);
    }
  g_mutex_unlock (&table->mutex);

  if (n_fields != NULL)
    *n_fields = g_array_index (table->rows, OutlayCsvRow, row).n_fields;

  return (const char *const *) fields;
}

guint
outlay_csv_table_get_line (OutlayCsvTable *table,
                           guint           row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return g_array_index (table->rows, OutlayCsvRow, row).line;
}

char *
outlay_csv_trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}
