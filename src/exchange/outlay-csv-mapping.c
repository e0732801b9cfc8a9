/* outlay-csv-mapping.c
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

#include "outlay-csv-private.h"
#include "outlay-money.h"

/* How far down a file the row with the column names is looked for. */
#define HEADER_SEARCH_ROWS 30

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

  trimmed = outlay_csv_trim (text);
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
  [ROLE_DEBIT] = { "debit", "debits", "debit amount", "soll", "withdrawal", "withdrawals", "money out", "paid out",
                   "ausgabe", "ausgaben", "depense", "depenses", NULL },
  [ROLE_CREDIT] = { "credit", "credits", "credit amount", "haben", "deposit", "deposits", "money in", "paid in",
                    "einnahme", "einnahmen", "recette", "recettes", NULL },
  [ROLE_CURRENCY] = { "currency", "wahrung", "waehrung", "devise", "monnaie", "ccy", NULL },
  [ROLE_DATE] = { "buchungstag", "buchungsdatum", "transaction date", "posting date", "posted date", "booking date",
                  "date d operation", "date de l operation", "date operation", "date", "datum", "wertstellung",
                  "valuta", "value date", "date de valeur", NULL },
  [ROLE_AMOUNT] = { "amount", "betrag", "montant", "umsatz", "summe", "sum", "price", "preis", "prix", NULL },
  [ROLE_CATEGORY] = { "category", "kategorie", "categorie", NULL },
  [ROLE_NOTE] = { "note", "notes", "memo", "notiz", "notizen", "remarque", "remarques", "comment", "comments",
                  "kommentar", "commentaire", "bemerkung", NULL },
  [ROLE_DESCRIPTION] = { "description", "beschreibung", "libelle", "payee", "empfanger", "zahlungsempfanger",
                         "beguenstigter zahlungspflichtiger", "begunstigter zahlungspflichtiger",
                         "auftraggeber empfanger", "begunstigter", "auftraggeber", "merchant", "title", "titel", "name",
                         "bezeichnung", "verwendungszweck", "buchungstext", "narrative", "details", "text", "titre",
                         NULL },
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

int
outlay_csv_direction_mark (const char *text)
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

  for (guint r = first; r < table->rows->len && r < first + OUTLAY_CSV_SAMPLE_ROWS; r++)
    {
      guint              n_fields = 0;
      const char *const *fields = outlay_csv_table_get_row (table, r, &n_fields);

      if ((guint) column < n_fields && !outlay_csv_is_blank (fields[column]))
        g_ptr_array_add (values, outlay_csv_trim (fields[column]));
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

/* The header outlay_export_csv() writes, exactly. */
static gboolean
is_outlay_export (OutlayCsvTable *table,
                  guint           row)
{
  static const char *const header[] = { "date", "amount", "currency", "description", "category", "note" };
  guint                    n_fields = 0;
  const char *const       *fields = outlay_csv_table_get_row (table, row, &n_fields);

  if (n_fields != G_N_ELEMENTS (header))
    return FALSE;
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i], header[i]) != 0)
      return FALSE;

  return TRUE;
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
        marks += outlay_csv_direction_mark (g_ptr_array_index (values, i)) != 0;
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
  for (guint r = 0; r < table->rows->len && r < OUTLAY_CSV_SAMPLE_ROWS; r++)
    {
      OutlayCsvRow *row = &g_array_index (table->rows, OutlayCsvRow, r);
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
      guint              n_fields = 0;
      const char *const *fields = outlay_csv_table_get_row (table, r, &n_fields);

      if (n_fields >= 2 && n_fields + 1 >= width && count_named_columns (fields, n_fields) >= 2)
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
      guint              r;
      guint              n_fields = 0;
      const char *const *fields;

      for (r = 0; r < table->rows->len; r++)
        {
          if (g_array_index (table->rows, OutlayCsvRow, r).n_fields == width)
            {
              mapping->first_row = r;
              break;
            }
        }
      /* Column names nobody here knows: a first row without a date above
       * rows with one. */
      fields = outlay_csv_table_get_row (table, MIN (r, table->rows->len - 1), &n_fields);
      if (!row_has_date (fields, n_fields) && mapping->first_row + 1 < table->rows->len)
        {
          fields = outlay_csv_table_get_row (table, mapping->first_row + 1, &n_fields);
          mapping->has_header = row_has_date (fields, n_fields);
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

  /* Outlay's own export: its negative amounts are refunds. */
  if (mapping->has_header && is_outlay_export (table, mapping->first_row))
    mapping->sign = OUTLAY_CSV_SIGN_NEGATIVE_IS_REFUND;
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
    return mapping_error (error, _("Choose either one column with the amounts or separate debit and credit columns, "
                                   "not both."));

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
  if (mapping->sign > OUTLAY_CSV_SIGN_NEGATIVE_IS_REFUND)
    return mapping_error (error, _("Choose which amounts are expenses."));

  return TRUE;
}

