/* outlay-csv.c
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

#include <langinfo.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "outlay-csv.h"
#include "outlay-money.h"
#include "outlay-repository.h"

/* A quoted field longer than this is taken for a stray quote: the field is
 * read again as if the quote were an ordinary character. It bounds the
 * work a file full of unmatched quotes can cause. */
#define MAX_QUOTED_FIELD (1024 * 1024)

/* How many rows the delimiter and the mapping are guessed from. */
#define SAMPLE_ROWS 200

/* How far down a file the row with the column names is looked for. */
#define HEADER_SEARCH_ROWS 30

typedef struct
{
  guint    line;
  guint    n_fields;
  gboolean irregular; /* a quote where RFC 4180 allows none */
  char   **fields;
} CsvRow;

struct OutlayCsvTable
{
  gatomicrefcount   ref_count;
  OutlayCsvEncoding encoding;
  char              delimiter;
  guint             n_columns;
  GPtrArray        *rows; /* of CsvRow */
};

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
                           _("This is a PDF document, not a CSV file. Most banks offer a CSV export next to the PDF statement."));
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

/* Returns the text as UTF-8 without a byte order mark. */
static char *
decode (const char        *data,
        gsize              length,
        OutlayCsvEncoding *encoding,
        gsize             *text_length,
        GError           **error)
{
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
      *text_length = written;
      return text;
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
          *text_length = length - 3;
          return g_strndup (data + 3, length - 3);
        }
      /* A byte order mark in front of something else: the mark is wrong,
       * the bytes are what the bank wrote. */
      bytes += 3;
      length -= 3;
    }
  else if (g_utf8_validate_len (data, length, NULL))
    {
      *encoding = OUTLAY_CSV_ENCODING_UTF8;
      *text_length = length;
      return g_strndup (data, length);
    }

  *encoding = OUTLAY_CSV_ENCODING_LATIN1;
  text = decode_cp1252 (bytes, length);
  *text_length = strlen (text);
  return text;
}

/* Parsing */

static void
csv_row_free (CsvRow *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

static gsize
skip_newline (const char *text,
              gsize       length,
              gsize       pos)
{
  if (text[pos] == '\r' && pos + 1 < length && text[pos + 1] == '\n')
    return pos + 2;
  return pos + 1;
}

/* Reads a quoted field starting at the quote at @pos. Returns FALSE, with
 * nothing consumed, when the quote has no partner. */
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

          g_string_append_len (field, text + p, next - p);
          p = next;
          l++;
          continue;
        }
      g_string_append_c (field, c);
      p++;
    }

  g_string_truncate (field, 0);
  return FALSE;
}

/* RFC 4180, forgiving: a quote that does not open a field, or text after a
 * closing quote, is kept as it is and marks the row irregular (which tells
 * a wrong delimiter from the right one). Empty lines are not rows. */
static GPtrArray *
parse_rows (const char *text,
            gsize       length,
            char        delimiter,
            guint       max_rows)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_row_free);
  gsize      pos = 0;
  guint      line = 1;

  while (pos < length && rows->len < max_rows)
    {
      g_autoptr (GPtrArray) fields = NULL;
      CsvRow *row;

      if (text[pos] == '\r' || text[pos] == '\n')
        {
          pos = skip_newline (text, length, pos);
          line++;
          continue;
        }

      row = g_new0 (CsvRow, 1);
      row->line = line;
      fields = g_ptr_array_new ();

      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (pos < length && text[pos] == '"' && read_quoted_field (text, length, &pos, &line, field))
            {
              while (pos < length && text[pos] != delimiter && text[pos] != '\r' && text[pos] != '\n')
                {
                  g_string_append_c (field, text[pos++]);
                  row->irregular = TRUE;
                }
            }
          else
            {
              while (pos < length && text[pos] != delimiter && text[pos] != '\r' && text[pos] != '\n')
                {
                  if (text[pos] == '"')
                    row->irregular = TRUE;
                  g_string_append_c (field, text[pos++]);
                }
            }
          /* A GString keeps room to grow; a table of a large file keeps
           * only what each field holds. */
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_free (field, TRUE);

          if (pos < length && text[pos] == delimiter)
            {
              pos++;
              continue;
            }
          break;
        }

      if (pos < length)
        {
          pos = skip_newline (text, length, pos);
          line++;
        }

      row->n_fields = fields->len;
      g_ptr_array_add (fields, NULL);
      row->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
      g_ptr_array_add (rows, row);
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
      g_autoptr (GPtrArray) rows = parse_rows (text, length, delimiters[d], SAMPLE_ROWS);
      g_autoptr (GHashTable) widths = g_hash_table_new (NULL, NULL);
      guint irregular = 0;
      guint consistent = 0;
      guint width = 1;

      for (guint i = 0; i < rows->len; i++)
        {
          CsvRow *row = g_ptr_array_index (rows, i);
          guint   count = GPOINTER_TO_UINT (g_hash_table_lookup (widths, GUINT_TO_POINTER (row->n_fields))) + 1;

          g_hash_table_insert (widths, GUINT_TO_POINTER (row->n_fields), GUINT_TO_POINTER (count));
          if (row->irregular)
            irregular++;
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
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

OutlayCsvTable *
outlay_csv_table_read (const char *data,
                       gsize       length,
                       GError    **error)
{
  g_autofree char  *text = NULL;
  OutlayCsvTable   *table;
  OutlayCsvEncoding encoding = OUTLAY_CSV_ENCODING_UTF8;
  gsize             text_length = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > 0)
    text = decode (data, length, &encoding, &text_length, error);
  else
    text = g_strdup ("");
  if (text == NULL)
    return NULL;

  if (is_blank (text))
    {
      g_set_error_literal (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }

  table = g_new0 (OutlayCsvTable, 1);
  g_atomic_ref_count_init (&table->ref_count);
  table->encoding = encoding;
  table->delimiter = detect_delimiter (text, text_length);
  table->rows = parse_rows (text, text_length, table->delimiter, G_MAXUINT);
  for (guint i = 0; i < table->rows->len; i++)
    {
      CsvRow *row = g_ptr_array_index (table->rows, i);

      table->n_columns = MAX (table->n_columns, row->n_fields);
    }

  return table;
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
      g_ptr_array_unref (table->rows);
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

const char *const *
outlay_csv_table_get_row (OutlayCsvTable *table,
                          guint           row,
                          guint          *n_fields)
{
  CsvRow *r;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  r = g_ptr_array_index (table->rows, row);
  if (n_fields != NULL)
    *n_fields = r->n_fields;

  return (const char *const *) r->fields;
}

guint
outlay_csv_table_get_line (OutlayCsvTable *table,
                           guint           row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return ((CsvRow *) g_ptr_array_index (table->rows, row))->line;
}

/* Trims white space (any Unicode space, NBSP too) from both ends. */
static char *
trim (const char *text)
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

/* Dates */

static const char *
date_separator_default (OutlayCsvDateFormat format)
{
  switch (format)
    {
    case OUTLAY_CSV_DATE_ISO:
      return "-";
    case OUTLAY_CSV_DATE_DMY:
      return ".";
    case OUTLAY_CSV_DATE_MDY:
    case OUTLAY_CSV_DATE_YMD_SLASH:
    default:
      return "/";
    }
}

char *
outlay_csv_date_format_describe (OutlayCsvDateFormat format,
                                 char                separator)
{
  /* Translators: a placeholder for the year in a date pattern such as
   * DD.MM.YYYY, shown when a date in a CSV file cannot be read. */
  const char *y = C_("date pattern", "YYYY");
  /* Translators: a placeholder for the month in a date pattern such as DD.MM.YYYY. */
  const char *m = C_("date pattern", "MM");
  /* Translators: a placeholder for the day in a date pattern such as DD.MM.YYYY. */
  const char *d = C_("date pattern", "DD");
  char        sep[2] = { separator, '\0' };

  /* Year first is written one way; day and month every way. */
  if ((separator != '.' && separator != '/' && separator != '-') ||
      format == OUTLAY_CSV_DATE_ISO || format == OUTLAY_CSV_DATE_YMD_SLASH)
    sep[0] = date_separator_default (format)[0];

  switch (format)
    {
    case OUTLAY_CSV_DATE_DMY:
      return g_strconcat (d, sep, m, sep, y, NULL);
    case OUTLAY_CSV_DATE_MDY:
      return g_strconcat (m, sep, d, sep, y, NULL);
    case OUTLAY_CSV_DATE_ISO:
    case OUTLAY_CSV_DATE_YMD_SLASH:
    default:
      return g_strconcat (y, sep, m, sep, d, NULL);
    }
}

static const char *
read_digits (const char *p,
             guint      *value,
             guint      *n_digits)
{
  *value = 0;
  *n_digits = 0;
  while (g_ascii_isdigit (*p) && *n_digits < 5)
    {
      *value = *value * 10 + (guint) (*p - '0');
      (*n_digits)++;
      p++;
    }
  return p;
}

/* What may follow a date: a time of day, as apps that export timestamps
 * write it ("2026-11-24T13:45:00Z", "11/24/2026 1:45 PM"). */
static gboolean
is_time_suffix (const char *p)
{
  if (*p == '\0')
    return TRUE;
  if ((*p != 'T' && *p != ' ') || !g_ascii_isdigit (p[1]))
    return FALSE;
  p++;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p != ':')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && strchr (":.,+-Z APMapm", *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

char *
outlay_csv_parse_date (const char         *text,
                       OutlayCsvDateFormat format)
{
  g_autofree char *trimmed = NULL;
  const char      *p;
  guint            part[3], digits[3];
  guint            year, month, day;
  char             sep;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = trim (text);
  p = read_digits (trimmed, &part[0], &digits[0]);
  sep = *p;
  if (sep != '.' && sep != '/' && sep != '-')
    return NULL;
  p = read_digits (p + 1, &part[1], &digits[1]);
  if (*p != sep)
    return NULL;
  p = read_digits (p + 1, &part[2], &digits[2]);
  if (!is_time_suffix (p))
    return NULL;

  switch (format)
    {
    case OUTLAY_CSV_DATE_ISO:
    case OUTLAY_CSV_DATE_YMD_SLASH:
      if (digits[0] != 4 || digits[1] < 1 || digits[1] > 2 || digits[2] < 1 || digits[2] > 2)
        return NULL;
      year = part[0], month = part[1], day = part[2];
      break;
    case OUTLAY_CSV_DATE_DMY:
    case OUTLAY_CSV_DATE_MDY:
      if (digits[0] < 1 || digits[0] > 2 || digits[1] < 1 || digits[1] > 2 || (digits[2] != 4 && digits[2] != 2))
        return NULL;
      if (format == OUTLAY_CSV_DATE_DMY)
        day = part[0], month = part[1];
      else
        month = part[0], day = part[1];
      year = part[2];
      /* Two-digit years are this century's up to 69, the last one's from
       * 70: what spreadsheets do. */
      if (digits[2] == 2)
        year += year < 70 ? 2000 : 1900;
      break;
    default:
      return NULL;
    }

  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Amounts */

gboolean
outlay_csv_parse_amount (const char  *text,
                         char         decimal_separator,
                         const char  *currency,
                         gint64      *minor_units,
                         const char **code,
                         GError     **error)
{
  g_return_val_if_fail (minor_units != NULL, FALSE);

  return outlay_money_parse_decimal (text, decimal_separator, currency, minor_units, code, error);
}

/* Guessing the mapping */

typedef enum
{
  ROLE_DEBIT,
  ROLE_CREDIT,
  ROLE_CURRENCY,
  ROLE_DATE,
  ROLE_AMOUNT,
  ROLE_CATEGORY,
  ROLE_NOTE,
  ROLE_DESCRIPTION,
  N_ROLES
} Role;

/* Column names, folded (lower case, no accents, punctuation as spaces), in
 * order of preference within a role. Roles are filled in the order above,
 * so that "Debit Amount" is the debit before "amount" can take it. */
static const char *const role_names[N_ROLES][32] = {
  [ROLE_DEBIT] = { "debit", "debits", "debit amount", "soll", "withdrawal", "withdrawals", "money out", "paid out", "ausgabe", "ausgaben", "depense", "depenses", NULL },
  [ROLE_CREDIT] = { "credit", "credits", "credit amount", "haben", "deposit", "deposits", "money in", "paid in", "einnahme", "einnahmen", "recette", "recettes", NULL },
  [ROLE_CURRENCY] = { "currency", "wahrung", "waehrung", "devise", "monnaie", "ccy", NULL },
  [ROLE_DATE] = { "buchungstag", "buchungsdatum", "transaction date", "posting date", "posted date", "booking date", "date d operation", "date de l operation", "date operation", "date", "datum", "wertstellung", "valuta", "value date", "date de valeur", NULL },
  [ROLE_AMOUNT] = { "amount", "betrag", "montant", "umsatz", "summe", "sum", "price", "preis", "prix", NULL },
  [ROLE_CATEGORY] = { "category", "kategorie", "categorie", NULL },
  [ROLE_NOTE] = { "note", "notes", "memo", "notiz", "notizen", "remarque", "remarques", "comment", "comments", "kommentar", "commentaire", "bemerkung", NULL },
  [ROLE_DESCRIPTION] = { "description", "beschreibung", "libelle", "payee", "empfanger", "zahlungsempfanger", "beguenstigter zahlungspflichtiger", "begunstigter zahlungspflichtiger", "auftraggeber empfanger", "begunstigter", "auftraggeber", "merchant", "title", "titel", "name", "bezeichnung", "verwendungszweck", "buchungstext", "narrative", "details", "text", "titre", NULL },
};

/* Lower case, accents dropped, anything but letters and digits a single
 * space: "Date d'opération" → "date d operation". */
static char *
fold_name (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  g_autofree char *lower = NULL;
  GString         *out = g_string_new (NULL);
  gboolean         space = FALSE;

  if (decomposed == NULL)
    return g_string_free (out, FALSE);
  lower = g_utf8_casefold (decomposed, -1);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        {
          space = TRUE;
        }
    }

  return g_string_free (out, FALSE);
}

/* Debit and credit marks: -1 for a debit, 1 for a credit, 0 for neither. */
static int
direction_mark (const char *text)
{
  static const char *const debits[] = { "s", "soll", "d", "db", "dr", "dbit", "debit", "withdrawal", NULL };
  static const char *const credits[] = { "h", "haben", "c", "cr", "crdt", "credit", "deposit", NULL };
  g_autofree char         *folded = fold_name (text);

  if (g_strv_contains (debits, folded))
    return -1;
  if (g_strv_contains (credits, folded))
    return 1;
  return 0;
}

static gboolean
name_contains_word (const char *folded,
                    const char *word)
{
  g_autofree char *haystack = g_strconcat (" ", folded, " ", NULL);
  g_autofree char *needle = g_strconcat (" ", word, " ", NULL);

  return strstr (haystack, needle) != NULL;
}

/* The column whose folded name is one of @role's names, exactly or else
 * as whole words ("Betrag (EUR)"), the earlier names first; or -1. */
static int
find_named_column (char *const *folded,
                   guint        n_fields,
                   Role         role,
                   gboolean    *claimed)
{
  for (guint k = 0; role_names[role][k] != NULL; k++)
    {
      for (int pass = 0; pass < 2; pass++)
        {
          for (guint i = 0; i < n_fields; i++)
            {
              if (claimed[i])
                continue;
              if (pass == 0 ? strcmp (folded[i], role_names[role][k]) == 0
                            : name_contains_word (folded[i], role_names[role][k]))
                return (int) i;
            }
        }
    }

  return -1;
}

static int *
role_column (OutlayCsvMapping *mapping,
             Role              role)
{
  switch (role)
    {
    case ROLE_DEBIT:
      return &mapping->debit_column;
    case ROLE_CREDIT:
      return &mapping->credit_column;
    case ROLE_CURRENCY:
      return &mapping->currency_column;
    case ROLE_DATE:
      return &mapping->date_column;
    case ROLE_AMOUNT:
      return &mapping->amount_column;
    case ROLE_CATEGORY:
      return &mapping->category_column;
    case ROLE_NOTE:
      return &mapping->note_column;
    case ROLE_DESCRIPTION:
    case N_ROLES:
    default:
      return &mapping->description_column;
    }
}

/* How many of the row's fields are known column names. */
static guint
count_named_columns (const char *const *fields,
                     guint              n_fields)
{
  guint count = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *folded = fold_name (fields[i]);
      gboolean         found = FALSE;

      for (guint role = 0; role < N_ROLES && !found; role++)
        {
          for (guint k = 0; role_names[role][k] != NULL && !found; k++)
            found = strcmp (folded, role_names[role][k]) == 0 || name_contains_word (folded, role_names[role][k]);
        }
      if (found)
        count++;
    }

  return count;
}

static void
map_by_names (OutlayCsvTable   *table,
              guint             header,
              OutlayCsvMapping *mapping)
{
  guint                n_fields;
  const char *const   *fields = outlay_csv_table_get_row (table, header, &n_fields);
  g_autofree gboolean *claimed = g_new0 (gboolean, n_fields);
  g_auto (GStrv) folded = g_new0 (char *, n_fields + 1);
  int purpose;

  for (guint i = 0; i < n_fields; i++)
    folded[i] = fold_name (fields[i]);

  for (Role role = 0; role < N_ROLES; role++)
    {
      int column = find_named_column (folded, n_fields, role, claimed);

      *role_column (mapping, role) = column;
      if (column >= 0)
        claimed[column] = TRUE;
    }

  /* One amount column, or a debit and a credit column; not a mix. */
  if (mapping->amount_column >= 0)
    mapping->debit_column = mapping->credit_column = -1;
  else if (mapping->debit_column < 0)
    mapping->credit_column = -1;

  /* A German statement names the payee and the purpose apart: the payee
   * describes the expense, the purpose (a reference text) is a note. */
  purpose = -1;
  for (guint i = 0; i < n_fields; i++)
    {
      if (name_contains_word (folded[i], "verwendungszweck"))
        purpose = (int) i;
    }
  if (mapping->note_column < 0 && purpose >= 0 && purpose != mapping->description_column)
    mapping->note_column = purpose;
}

static gboolean
uses_column (const OutlayCsvMapping *mapping,
             int                     column)
{
  return column == mapping->date_column || column == mapping->amount_column ||
         column == mapping->description_column || column == mapping->category_column ||
         column == mapping->note_column || column == mapping->currency_column ||
         column == mapping->debit_column || column == mapping->credit_column ||
         column == mapping->direction_column;
}

/* The trimmed values of @column in the data rows, blanks left out. */
static GPtrArray *
column_values (OutlayCsvTable *table,
               guint           first,
               int             column)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  if (column < 0)
    return values;

  for (guint r = first; r < table->rows->len && r < first + SAMPLE_ROWS; r++)
    {
      CsvRow *row = g_ptr_array_index (table->rows, r);

      if ((guint) column < row->n_fields && !is_blank (row->fields[column]))
        g_ptr_array_add (values, trim (row->fields[column]));
    }

  return values;
}

/* The C locale's "%m/%d/%y" is no one's preference. */
static gboolean
locale_prefers_mdy (void)
{
  const char *format = nl_langinfo (D_FMT);

  return format != NULL && g_str_has_prefix (format, "%m") && strcmp (format, "%m/%d/%y") != 0;
}

/* The format that reads every value, or failing that the most; *@n_read
 * is how many it reads. */
static OutlayCsvDateFormat
guess_date_format (GPtrArray *values,
                   guint     *n_read)
{
  static const OutlayCsvDateFormat formats[] = { OUTLAY_CSV_DATE_ISO, OUTLAY_CSV_DATE_DMY, OUTLAY_CSV_DATE_MDY };
  guint                            counts[G_N_ELEMENTS (formats)] = { 0 };
  OutlayCsvDateFormat              best;
  guint                            best_count = 0;
  gboolean                         mdy_first;

  for (guint i = 0; i < values->len; i++)
    {
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *date = outlay_csv_parse_date (g_ptr_array_index (values, i), formats[f]);

          if (date != NULL)
            counts[f]++;
        }
    }

  if (values->len == 0)
    {
      *n_read = 0;
      return OUTLAY_CSV_DATE_ISO;
    }

  /* Where day and month both read every value (no day above 12), the
   * user's locale decides; but nobody writes the month first with dots. */
  mdy_first = locale_prefers_mdy () && strchr (g_ptr_array_index (values, 0), '.') == NULL;
  best = mdy_first && counts[2] >= counts[1] ? OUTLAY_CSV_DATE_MDY : OUTLAY_CSV_DATE_DMY;
  best_count = MAX (counts[1], counts[2]);
  if (counts[0] >= best_count && counts[0] > 0)
    {
      const char *first = g_ptr_array_index (values, 0);

      best = strchr (first, '-') != NULL ? OUTLAY_CSV_DATE_ISO : OUTLAY_CSV_DATE_YMD_SLASH;
      best_count = counts[0];
    }
  else if (counts[1] > counts[2])
    {
      best = OUTLAY_CSV_DATE_DMY;
    }
  else if (counts[2] > counts[1])
    {
      best = OUTLAY_CSV_DATE_MDY;
    }

  *n_read = best_count;
  return best;
}

static gboolean
row_has_date (const char *const *fields,
              guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      for (OutlayCsvDateFormat f = OUTLAY_CSV_DATE_ISO; f <= OUTLAY_CSV_DATE_MDY; f++)
        {
          g_autofree char *date = outlay_csv_parse_date (fields[i], f);

          if (date != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether @text has the shape of an amount with @decimal_separator, and
 * its sign. The currency has three decimals, the most any has, so that
 * what the guess looks at is the shape; too many decimals or too large an
 * amount is still an amount, of no known sign. */
static gboolean
read_amount_shape (const char *text,
                   char        decimal_separator,
                   gboolean   *negative)
{
  g_autoptr (GError) error = NULL;
  gint64 value = 0;

  *negative = FALSE;
  if (outlay_money_parse_decimal (text, decimal_separator, "BHD", &value, NULL, &error))
    {
      *negative = value < 0;
      return TRUE;
    }

  return error->code == OUTLAY_MONEY_ERROR_TOO_PRECISE ||
         error->code == OUTLAY_MONEY_ERROR_OUT_OF_RANGE;
}

static gboolean
is_amount (const char *text)
{
  gboolean negative;

  return read_amount_shape (text, '.', &negative) || read_amount_shape (text, ',', &negative);
}

/* Votes for the decimal separator: the last of two different separators,
 * or a single one not followed by exactly three digits. */
static int
decimal_vote (const char *text)
{
  const char *dot = strrchr (text, '.');
  const char *comma = strrchr (text, ',');
  const char *last;
  guint       digits = 0;

  if (dot != NULL && comma != NULL)
    return dot > comma ? '.' : ',';
  last = dot != NULL ? dot : comma;
  if (last == NULL || strchr (text, *last) != last)
    return last == NULL ? 0 : (*last == '.' ? ',' : '.');
  for (const char *p = last + 1; g_ascii_isdigit (*p); p++)
    digits++;
  return digits != 3 && digits > 0 ? *last : 0;
}

static void
guess_amounts (OutlayCsvTable   *table,
               guint             first,
               OutlayCsvMapping *mapping)
{
  int      columns[] = { mapping->amount_column, mapping->debit_column, mapping->credit_column };
  int      dots = 0, commas = 0;
  guint    negative = 0, positive = 0;
  gboolean any = FALSE;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autoptr (GPtrArray) values = column_values (table, first, columns[c]);

      for (guint i = 0; i < values->len; i++)
        {
          int vote = decimal_vote (g_ptr_array_index (values, i));

          dots += vote == '.';
          commas += vote == ',';
        }
    }

  if (dots != commas)
    mapping->decimal_separator = dots > commas ? '.' : ',';
  else
    mapping->decimal_separator = table->delimiter == ';' ? ',' : '.';

  if (mapping->amount_column < 0)
    return;

  {
    g_autoptr (GPtrArray) values = column_values (table, first, mapping->amount_column);

    for (guint i = 0; i < values->len; i++)
      {
        gboolean is_negative;

        if (!read_amount_shape (g_ptr_array_index (values, i), mapping->decimal_separator, &is_negative))
          continue;
        any = TRUE;
        if (is_negative)
          negative++;
        else
          positive++;
      }
  }

  /* Only positive amounts are a list of expenses. Mixed signs are a bank
   * statement, debits negative: unless positive amounts outnumber the
   * negative ones more than twice, which is a card statement with charges
   * positive and the odd payment or refund negative (people spend in many
   * small amounts and are paid in few large ones). Only negative amounts
   * are a statement of nothing but payments: reading them as a statement
   * imports each of them, and leaves out a refund in the next export. */
  if (any && positive > 2 * negative && mapping->direction_column < 0)
    mapping->sign = OUTLAY_CSV_SIGN_POSITIVE_IS_EXPENSE;
  else
    mapping->sign = OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE;
}

/* Fills in by content what the column names did not say. */
static void
map_by_content (OutlayCsvTable   *table,
                guint             first,
                OutlayCsvMapping *mapping)
{
  int   best_amount = -1;
  gsize best_text = 0;

  for (guint c = 0; c < table->n_columns && mapping->date_column < 0; c++)
    {
      g_autoptr (GPtrArray) values = column_values (table, first, (int) c);
      guint n_read = 0;

      if (uses_column (mapping, (int) c) || values->len == 0)
        continue;
      guess_date_format (values, &n_read);
      if (n_read == values->len)
        mapping->date_column = (int) c;
    }

  if (mapping->amount_column < 0 && mapping->debit_column < 0)
    {
      /* The last column of numbers, unless an earlier one has decimals
       * (and the last one is, say, a running balance with none). */
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autoptr (GPtrArray) values = column_values (table, first, (int) c);
          gboolean all = values->len > 0;

          if (uses_column (mapping, (int) c))
            continue;
          for (guint i = 0; i < values->len && all; i++)
            all = is_amount (g_ptr_array_index (values, i));
          if (all)
            {
              gboolean decimals = FALSE;

              for (guint i = 0; i < values->len && !decimals; i++)
                decimals = decimal_vote (g_ptr_array_index (values, i)) != 0;
              if (best_amount < 0 || decimals)
                best_amount = (int) c;
              if (decimals)
                break;
            }
        }
      mapping->amount_column = best_amount;
    }

  /* A column of debit and credit marks; a stray other value in it is
   * the row's problem, not the column's. */
  for (guint c = 0; c < table->n_columns && mapping->amount_column >= 0 && mapping->direction_column < 0; c++)
    {
      g_autoptr (GPtrArray) values = column_values (table, first, (int) c);
      guint marks = 0;

      if (uses_column (mapping, (int) c))
        continue;
      for (guint i = 0; i < values->len; i++)
        marks += direction_mark (g_ptr_array_index (values, i)) != 0;
      if (marks > 0 && marks * 4 >= values->len * 3)
        mapping->direction_column = (int) c;
    }

  if (mapping->description_column < 0)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autoptr (GPtrArray) values = column_values (table, first, (int) c);
          gsize text = 0;

          if (uses_column (mapping, (int) c))
            continue;
          for (guint i = 0; i < values->len; i++)
            {
              const char *value = g_ptr_array_index (values, i);

              if (!is_amount (value) && !row_has_date (&value, 1))
                text += strlen (value);
            }
          if (text > best_text)
            {
              best_text = text;
              mapping->description_column = (int) c;
            }
        }
    }
}

void
outlay_csv_mapping_guess (OutlayCsvTable   *table,
                          OutlayCsvMapping *mapping)
{
  g_autoptr (GHashTable) widths = NULL;
  guint width = 0, width_count = 0;
  int   header = -1;
  guint first;

  g_return_if_fail (table != NULL);
  g_return_if_fail (mapping != NULL);

  *mapping = (OutlayCsvMapping){
    .first_row = 0,
    .has_header = FALSE,
    .date_column = -1,
    .amount_column = -1,
    .description_column = -1,
    .category_column = -1,
    .note_column = -1,
    .currency_column = -1,
    .debit_column = -1,
    .credit_column = -1,
    .direction_column = -1,
    .date_format = OUTLAY_CSV_DATE_ISO,
    .decimal_separator = '.',
    .sign = OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE,
  };

  if (table->rows->len == 0)
    return;

  /* The width most rows have is the table's; rows above the first of them
   * are a preamble. */
  widths = g_hash_table_new (NULL, NULL);
  for (guint r = 0; r < table->rows->len && r < SAMPLE_ROWS; r++)
    {
      CsvRow *row = g_ptr_array_index (table->rows, r);
      guint   count = GPOINTER_TO_UINT (g_hash_table_lookup (widths, GUINT_TO_POINTER (row->n_fields))) + 1;

      g_hash_table_insert (widths, GUINT_TO_POINTER (row->n_fields), GUINT_TO_POINTER (count));
      if (count > width_count || (count == width_count && row->n_fields > width))
        {
          width = row->n_fields;
          width_count = count;
        }
    }

  for (guint r = 0; r < table->rows->len && r < HEADER_SEARCH_ROWS && header < 0; r++)
    {
      CsvRow *row = g_ptr_array_index (table->rows, r);

      if (row->n_fields >= 2 && row->n_fields + 1 >= width &&
          count_named_columns ((const char *const *) row->fields, row->n_fields) >= 2)
        header = (int) r;
    }

  if (header >= 0)
    {
      mapping->first_row = (guint) header;
      mapping->has_header = TRUE;
      map_by_names (table, (guint) header, mapping);
    }
  else
    {
      CsvRow *row = NULL;

      for (guint r = 0; r < table->rows->len; r++)
        {
          row = g_ptr_array_index (table->rows, r);
          if (row->n_fields == width)
            {
              mapping->first_row = r;
              break;
            }
        }
      /* Column names nobody here knows: a first row without a date above
       * rows with one. */
      if (!row_has_date ((const char *const *) row->fields, row->n_fields) &&
          mapping->first_row + 1 < table->rows->len)
        {
          CsvRow *next = g_ptr_array_index (table->rows, mapping->first_row + 1);

          mapping->has_header = row_has_date ((const char *const *) next->fields, next->n_fields);
        }
    }

  first = mapping->first_row + (mapping->has_header ? 1 : 0);
  map_by_content (table, first, mapping);

  if (mapping->date_column >= 0)
    {
      g_autoptr (GPtrArray) values = column_values (table, first, mapping->date_column);
      guint n_read;

      if (values->len > 0)
        mapping->date_format = guess_date_format (values, &n_read);
    }

  guess_amounts (table, first, mapping);
}

static gboolean
mapping_error (GError    **error,
               const char *message)
{
  g_set_error_literal (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_MAPPING, message);
  return FALSE;
}

gboolean
outlay_csv_mapping_validate (const OutlayCsvMapping *mapping,
                             OutlayCsvTable         *table,
                             GError                **error)
{
  const int columns[] = {
    mapping->date_column, mapping->amount_column, mapping->description_column,
    mapping->category_column, mapping->note_column, mapping->currency_column,
    mapping->debit_column, mapping->credit_column, mapping->direction_column
  };

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (mapping->date_column < 0)
    return mapping_error (error, _("Choose the column with the dates."));
  if (mapping->amount_column < 0 && mapping->debit_column < 0)
    {
      if (mapping->credit_column >= 0)
        return mapping_error (error, _("Choose the column with the money spent (debit) as well."));
      return mapping_error (error, _("Choose the column with the amounts."));
    }
  if (mapping->direction_column >= 0 && mapping->amount_column < 0)
    return mapping_error (error, _("Debit and credit marks need the column with the amounts."));
  if (mapping->amount_column >= 0 && (mapping->debit_column >= 0 || mapping->credit_column >= 0))
    return mapping_error (error, _("Choose either one column with the amounts or separate debit and credit columns, not both."));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (columns[i] >= (int) table->n_columns || columns[i] < -1)
        {
          g_set_error (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_MAPPING,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The file has only %u column.",
                                    "The file has only %u columns.",
                                    table->n_columns),
                       table->n_columns);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        {
          if (columns[i] >= 0 && columns[i] == columns[j])
            return mapping_error (error, _("Choose a different column for each kind of information."));
        }
    }

  if (mapping->decimal_separator != '.' && mapping->decimal_separator != ',')
    return mapping_error (error, _("Choose a period or a comma as the decimal separator."));
  if (mapping->date_format > OUTLAY_CSV_DATE_YMD_SLASH)
    return mapping_error (error, _("Choose how the dates are written."));
  if (mapping->sign > OUTLAY_CSV_SIGN_ALL_ARE_EXPENSES)
    return mapping_error (error, _("Choose which amounts are expenses."));

  return TRUE;
}

/* Importing */

static const char *
resolve_currency (const char *text)
{
  g_autofree char      *upper = g_ascii_strup (text, -1);
  const OutlayCurrency *currency = outlay_currency_lookup (upper);
  const OutlayCurrency *all;
  const char           *found = NULL;
  guint                 n;

  if (currency != NULL)
    return currency->code;

  /* A symbol only one currency uses: "€", "£", "zł"; not "$" or "¥". */
  if (strcmp (text, "$") == 0 || strcmp (text, "¥") == 0)
    return NULL;
  all = outlay_currency_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      if (strcmp (all[i].symbol, text) == 0)
        {
          if (found != NULL)
            return NULL;
          found = all[i].code;
        }
    }

  return found;
}

static const char *
field_at (const char *const *fields,
          int                column)
{
  return column >= 0 ? fields[column] : "";
}

/* The row's amount in minor units, signed as in the file, and in
 * *@currency_out the currency it names, if any. */
static gboolean
read_row_amount (OutlayImportSource     *source,
                 guint                   line,
                 const char *const      *fields,
                 const OutlayCsvMapping *mapping,
                 const char             *currency,
                 gint64                 *amount,
                 const char            **code,
                 gboolean               *received)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *debit = NULL;
  g_autofree char *credit = NULL;

  *received = FALSE;

  if (mapping->amount_column >= 0)
    {
      g_autofree char *text = trim (fields[mapping->amount_column]);

      if (!outlay_csv_parse_amount (text, mapping->decimal_separator, currency, amount, code, &error))
        {
          outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR, "%s", error->message);
          return FALSE;
        }
      if (mapping->direction_column >= 0)
        {
          g_autofree char *mark = trim (fields[mapping->direction_column]);
          int              direction = direction_mark (mark);

          if (mark[0] != '\0' && direction == 0)
            {
              outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                              _("“%s” marks the amount as neither a debit nor a credit."), mark);
              return FALSE;
            }
          if (direction != 0)
            *amount = direction * ABS (*amount);
        }
      return TRUE;
    }

  debit = trim (fields[mapping->debit_column]);
  credit = trim (field_at (fields, mapping->credit_column));
  if (debit[0] == '\0' && credit[0] == '\0')
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR, "%s",
                                      _("There is neither a debit nor a credit amount."));
      return FALSE;
    }
  if (debit[0] != '\0')
    {
      if (!outlay_csv_parse_amount (debit, mapping->decimal_separator, currency, amount, code, &error))
        {
          outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR, "%s", error->message);
          return FALSE;
        }
      *amount = ABS (*amount);
      if (*amount != 0 || credit[0] == '\0')
        return TRUE;
    }

  if (!outlay_csv_parse_amount (credit, mapping->decimal_separator, currency, amount, code, &error))
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR, "%s", error->message);
      return FALSE;
    }
  *received = *amount != 0;
  *amount = -ABS (*amount);
  return TRUE;
}

static void
import_row (OutlayImportSource     *source,
            guint                   line,
            const char *const      *fields,
            const OutlayCsvMapping *mapping,
            const char             *ledger_currency)
{
  g_autoptr (OutlayImportRecord) record = NULL;
  g_autofree char *date_text = trim (fields[mapping->date_column]);
  g_autofree char *date = outlay_csv_parse_date (date_text, mapping->date_format);
  const char      *column_currency = NULL;
  const char      *amount_currency = NULL;
  gint64           amount = 0;
  gboolean         received = FALSE;

  if (date == NULL)
    {
      g_autofree char *pattern = NULL;
      const char      *sep = date_text + strspn (date_text, "0123456789");

      if (date_text[0] == '\0')
        {
          outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR, "%s",
                                          _("The date is missing."));
          return;
        }
      pattern = outlay_csv_date_format_describe (mapping->date_format, *sep);
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("“%s” is not a date (expected %s)."), date_text, pattern);
      return;
    }

  if (mapping->currency_column >= 0)
    {
      g_autofree char *text = trim (fields[mapping->currency_column]);

      if (text[0] != '\0' && (column_currency = resolve_currency (text)) == NULL)
        {
          outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                          _("“%s” is not a currency code."), text);
          return;
        }
    }

  if (!read_row_amount (source, line, fields, mapping,
                        column_currency != NULL ? column_currency : ledger_currency,
                        &amount, &amount_currency, &received))
    return;

  if (column_currency != NULL && amount_currency != NULL && strcmp (column_currency, amount_currency) != 0)
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The amount is in %s, but the currency column says %s."),
                                      amount_currency, column_currency);
      return;
    }

  if (amount == 0)
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_SKIPPED, "%s",
                                      _("The amount is zero."));
      return;
    }

  if (mapping->amount_column >= 0)
    {
      if (mapping->sign == OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE)
        received = amount > 0;
      else if (mapping->sign == OUTLAY_CSV_SIGN_POSITIVE_IS_EXPENSE && amount < 0)
        {
          outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_SKIPPED, "%s",
                                          _("A negative amount is a refund, not an expense."));
          return;
        }
    }
  if (received)
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_SKIPPED, "%s",
                                      _("Money received, not an expense."));
      return;
    }

  record = outlay_import_record_new ();
  record->line = line;
  record->date = g_steal_pointer (&date);
  record->amount = ABS (amount);
  record->currency = g_strdup (column_currency != NULL ? column_currency : amount_currency);
  g_free (record->description);
  record->description = trim (field_at (fields, mapping->description_column));
  record->note = trim (field_at (fields, mapping->note_column));
  record->category = trim (field_at (fields, mapping->category_column));
  if (record->category[0] == '\0')
    g_clear_pointer (&record->category, g_free);

  if (g_utf8_strlen (record->description, -1) > OUTLAY_DESCRIPTION_MAX_LENGTH)
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The description is longer than %u characters."),
                                      (guint) OUTLAY_DESCRIPTION_MAX_LENGTH);
      return;
    }
  if (g_utf8_strlen (record->note, -1) > OUTLAY_NOTE_MAX_LENGTH)
    {
      outlay_import_source_add_issue (source, line, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The note is longer than %u characters."),
                                      (guint) OUTLAY_NOTE_MAX_LENGTH);
      return;
    }

  outlay_import_source_add_record (source, g_steal_pointer (&record));
}

OutlayImportSource *
outlay_csv_import (OutlayCsvTable         *table,
                   const OutlayCsvMapping *mapping,
                   const char             *currency,
                   GError                **error)
{
  g_autoptr (OutlayImportSource) source = NULL;
  const int columns[] = {
    mapping->date_column, mapping->amount_column, mapping->description_column,
    mapping->category_column, mapping->note_column, mapping->currency_column,
    mapping->debit_column, mapping->credit_column, mapping->direction_column
  };
  guint needed = 0;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!outlay_csv_mapping_validate (mapping, table, error))
    return NULL;
  if (currency == NULL || outlay_currency_lookup (currency) == NULL)
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY,
                   _("“%s” is not a currency code."), currency != NULL ? currency : "");
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    needed = MAX (needed, (guint) (columns[i] + 1));

  source = outlay_import_source_new ();
  for (guint r = mapping->first_row + (mapping->has_header ? 1 : 0); r < table->rows->len; r++)
    {
      CsvRow  *row = g_ptr_array_index (table->rows, r);
      gboolean blank = TRUE;

      for (guint i = 0; i < row->n_fields && blank; i++)
        blank = is_blank (row->fields[i]);
      if (blank)
        continue;

      if (row->n_fields < needed)
        {
          outlay_import_source_add_issue (source, row->line, OUTLAY_IMPORT_ISSUE_ERROR,
                                          g_dngettext (GETTEXT_PACKAGE,
                                                       "Expected at least %u field, found %u.",
                                                       "Expected at least %u fields, found %u.",
                                                       needed),
                                          needed, row->n_fields);
          continue;
        }

      import_row (source, row->line, (const char *const *) row->fields, mapping, currency);
    }

  return g_steal_pointer (&source);
}

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
