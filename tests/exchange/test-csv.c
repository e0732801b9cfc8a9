/* test-csv.c
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

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "outlay-csv.h"
#include "outlay-money.h"

/* Sources, mappings and rows are compared as text, one line per record or
 * issue, so that a failure shows everything that differs at once. */

static OutlayCsvTable *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  OutlayCsvTable *table;
  gsize           length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  table = outlay_csv_table_read (contents, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);

  return table;
}

static OutlayCsvTable *
read_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  OutlayCsvTable *table = outlay_csv_table_read (text, strlen (text), &error);

  g_assert_no_error (error);
  return table;
}

static const char *
column_name (int column)
{
  static char buffers[16][16];
  static int  next;
  char       *buffer = buffers[next++ % 16];

  if (column < 0)
    return "-";
  g_snprintf (buffer, sizeof buffers[0], "%d", column);
  return buffer;
}

static char *
describe_mapping (const OutlayCsvMapping *m)
{
  static const char *const formats[] = { "ISO", "DMY", "MDY", "YMD" };
  static const char *const signs[] = { "negative", "positive", "all", "refunds" };

  return g_strdup_printf ("first=%u header=%d date=%s amount=%s description=%s category=%s "
                          "note=%s currency=%s debit=%s credit=%s format=%s decimal=%c sign=%s direction=%s",
                          m->first_row, m->has_header, column_name (m->date_column),
                          column_name (m->amount_column), column_name (m->description_column),
                          column_name (m->category_column), column_name (m->note_column),
                          column_name (m->currency_column), column_name (m->debit_column),
                          column_name (m->credit_column), formats[m->date_format],
                          m->decimal_separator, signs[m->sign], column_name (m->direction_column));
}

static char *
describe_records (OutlayImportSource *source)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < source->records->len; i++)
    {
      OutlayImportRecord *r = g_ptr_array_index (source->records, i);

      /* Money received is marked: a refund only if the person takes it. */
      g_string_append_printf (out, "%u %s %" G_GINT64_FORMAT "%s %s [%s] [%s] [%s]\n",
                              r->line, r->date, r->amount, r->incoming ? " in" : "",
                              r->currency != NULL ? r->currency : "-",
                              r->description,
                              r->note != NULL ? r->note : "",
                              r->category != NULL ? r->category : "-");
    }

  return g_string_free (out, FALSE);
}

static char *
describe_issues (OutlayImportSource *source)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < source->issues->len; i++)
    {
      OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

      g_string_append_printf (out, "%u %s %s\n", issue->line,
                              issue->kind == OUTLAY_IMPORT_ISSUE_ERROR ? "error" : "skipped",
                              issue->message);
    }

  return g_string_free (out, FALSE);
}

static char *
describe_rows (OutlayCsvTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < outlay_csv_table_get_n_rows (table); r++)
    {
      guint              n;
      const char *const *fields = outlay_csv_table_get_row (table, r, &n);

      g_string_append_printf (out, "%u:", outlay_csv_table_get_line (table, r));
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "%s<%s>", i > 0 ? "," : "", fields[i]);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static OutlayImportSource *
import (OutlayCsvTable         *table,
        const OutlayCsvMapping *mapping,
        const char             *currency)
{
  g_autoptr (GError) error = NULL;
  OutlayImportSource *source = outlay_csv_import (table, mapping, currency, &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

static void
assert_mapping (OutlayCsvTable   *table,
                OutlayCsvMapping *mapping,
                const char       *expected)
{
  g_autofree char *described = NULL;
  g_autoptr (GError) error = NULL;

  outlay_csv_mapping_guess (table, mapping);
  described = describe_mapping (mapping);
  g_assert_cmpstr (described, ==, expected);
  g_assert_true (outlay_csv_mapping_validate (mapping, table, &error));
  g_assert_no_error (error);
}

static void
assert_source (OutlayImportSource *source,
               const char         *records,
               const char         *issues)
{
  g_autofree char *r = describe_records (source);
  g_autofree char *i = describe_issues (source);

  g_assert_cmpstr (r, ==, records);
  g_assert_cmpstr (i, ==, issues);
}

/* Windows-1252 bytes, a preamble with the account above the header, quoted
 * fields, "1.234,56", debits negative, a salary among them. */
static void
test_german_bank (void)
{
  g_autoptr (OutlayCsvTable) table = read_fixture ("german-bank.csv");
  g_autoptr (OutlayImportSource) source = NULL;
  OutlayCsvMapping mapping;

  g_assert_cmpint (outlay_csv_table_get_encoding (table), ==, OUTLAY_CSV_ENCODING_LATIN1);
  g_assert_cmpint (outlay_csv_table_get_delimiter (table), ==, ';');
  g_assert_cmpuint (outlay_csv_table_get_n_rows (table), ==, 10);
  g_assert_cmpuint (outlay_csv_table_get_n_columns (table), ==, 7);
  g_assert_cmpuint (outlay_csv_table_get_line (table, 4), ==, 6);

  assert_mapping (table, &mapping,
                  "first=4 header=1 date=0 amount=5 description=3 category=- note=4 "
                  "currency=- debit=- credit=- format=DMY decimal=, sign=negative direction=-");

  source = import (table, &mapping, "EUR");
  assert_source (source,
                 "7 2026-11-24 1250 - [REWE Markt GmbH] [Einkauf Filiale München] [-]\n"
                 "8 2026-11-23 -234567 in - [Arbeitgeber AG] [Gehalt November] [-]\n"
                 "9 2026-11-22 480 - [Bäckerei Müller] [Brötchen & Kaffee] [-]\n"
                 "10 2026-11-20 123456 - [Hausverwaltung Schön] [Miete Dezember] [-]\n"
                 "11 2026-11-19 8700 - [Stadtwerke Köln] [Strom Abschlag 150 €] [-]\n",
                 "");
}

/* MM/DD/YYYY, quoted descriptions with commas and doubled quotes, money
 * out and money in in two columns, a running balance to leave alone. */
static void
test_us_bank (void)
{
  g_autoptr (OutlayCsvTable) table = read_fixture ("us-bank.csv");
  g_autoptr (OutlayImportSource) source = NULL;
  OutlayCsvMapping mapping;

  g_assert_cmpint (outlay_csv_table_get_encoding (table), ==, OUTLAY_CSV_ENCODING_UTF8);
  g_assert_cmpint (outlay_csv_table_get_delimiter (table), ==, ',');
  g_assert_cmpuint (outlay_csv_table_get_n_columns (table), ==, 5);

  assert_mapping (table, &mapping,
                  "first=0 header=1 date=0 amount=- description=1 category=- note=- "
                  "currency=- debit=2 credit=3 format=MDY decimal=. sign=negative direction=-");

  source = import (table, &mapping, "USD");
  assert_source (source,
                 "2 2026-11-24 575 - [STARBUCKS STORE #1234, SEATTLE WA] [] [-]\n"
                 "3 2026-11-23 -250000 in - [PAYROLL \"ACME, INC.\"] [] [-]\n"
                 "4 2026-11-21 123456 - [AMAZON.COM*2K4 MARKETPLACE] [] [-]\n"
                 "5 2026-11-13 2310 - [JOE'S DINER \"THE ORIGINAL\"] [] [-]\n",
                 "");
}

/* UTF-8 with a byte order mark, ISO dates, positive amounts, categories
 * and notes, and a note over two lines that shifts the later lines. */
static void
test_app_export (void)
{
  g_autoptr (OutlayCsvTable) table = read_fixture ("app-export.csv");
  g_autoptr (OutlayImportSource) source = NULL;
  OutlayCsvMapping mapping;

  g_assert_cmpint (outlay_csv_table_get_encoding (table), ==, OUTLAY_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpint (outlay_csv_table_get_delimiter (table), ==, ',');
  g_assert_cmpuint (outlay_csv_table_get_n_rows (table), ==, 5);
  g_assert_cmpuint (outlay_csv_table_get_line (table, 3), ==, 5);

  assert_mapping (table, &mapping,
                  "first=0 header=1 date=0 amount=2 description=1 category=3 note=4 "
                  "currency=- debit=- credit=- format=ISO decimal=. sign=positive direction=-");

  source = import (table, &mapping, "EUR");
  assert_source (source,
                 "2 2026-11-01 4520 - [Groceries] [Weekly shop] [Food: Groceries]\n"
                 "3 2026-11-02 350 - [Coffee ☕] [Two lines:\nlatte and croissant] [Food]\n"
                 "5 2026-11-03 1200 - [Train ticket] [] [Transport]\n"
                 "6 2026-11-05 410 - [Café Crème] [] [Food]\n",
                 "");
}

/* Outlay's own export reads back exactly: the same values, and written
 * again, the same bytes. */
static void
test_outlay_export (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", "outlay-export.csv", NULL);
  g_autofree char *original = NULL;
  g_autoptr (OutlayCsvTable) table = read_fixture ("outlay-export.csv");
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (GString) written = g_string_new (NULL);
  const char *const header[] = { "date", "amount", "currency", "description", "category", "note" };
  OutlayCsvMapping  mapping;

  assert_mapping (table, &mapping,
                  "first=0 header=1 date=0 amount=1 description=3 category=4 note=5 "
                  "currency=2 debit=- credit=- format=ISO decimal=. sign=refunds direction=-");

  source = import (table, &mapping, "EUR");
  assert_source (source,
                 "2 2026-11-24 1250 EUR [Lunch] [] [Food]\n"
                 "3 2026-11-23 123456 EUR [Rent, December] [Paid \"early\"] [Housing]\n"
                 "4 2026-11-20 1500 JPY [Ramen] [Tokyo] [Food: Eating out]\n"
                 "5 2026-11-19 99 USD [App] [Two\r\nlines] [-]\n",
                 "");

  outlay_csv_append_row (written, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < source->records->len; i++)
    {
      OutlayImportRecord *r = g_ptr_array_index (source->records, i);
      g_autofree char    *amount = outlay_money_format_plain (r->amount, r->currency);
      const char *const   fields[] = { r->date, amount, r->currency, r->description,
                                     r->category != NULL ? r->category : "", r->note };

      outlay_csv_append_row (written, fields, G_N_ELEMENTS (fields));
    }

  g_file_get_contents (path, &original, NULL, NULL);
  g_assert_cmpstr (written->str, ==, original);
}

/* Tabs, two-digit years, a currency column, a refund among debits. */
static void
test_tab_separated (void)
{
  g_autoptr (OutlayCsvTable) table = read_fixture ("tab-separated.tsv");
  g_autoptr (OutlayImportSource) source = NULL;
  OutlayCsvMapping mapping;

  g_assert_cmpint (outlay_csv_table_get_encoding (table), ==, OUTLAY_CSV_ENCODING_UTF8);
  g_assert_cmpint (outlay_csv_table_get_delimiter (table), ==, '\t');

  assert_mapping (table, &mapping,
                  "first=0 header=1 date=0 amount=3 description=1 category=2 note=- "
                  "currency=4 debit=- credit=- format=DMY decimal=, sign=negative direction=-");

  source = import (table, &mapping, "EUR");
  assert_source (source,
                 "2 2026-11-24 1100 EUR [Kino am Markt] [] [Freizeit]\n"
                 "3 2026-11-25 1999 EUR [Buchhandlung] [] [Bücher]\n"
                 "4 2026-11-26 -500 in EUR [Rückerstattung] [] [Bücher]\n"
                 "5 2026-12-01 24000 CHF [Hotel Zürich] [] [Reisen]\n",
                 "");
}

/* Every broken row is named with its line and reason; the good ones are
 * read all the same. */
static void
test_broken_rows (void)
{
  g_autoptr (OutlayCsvTable) table = read_fixture ("broken.csv");
  g_autoptr (OutlayImportSource) source = NULL;
  OutlayCsvMapping mapping;

  assert_mapping (table, &mapping,
                  "first=0 header=1 date=0 amount=1 description=2 category=- note=- "
                  "currency=- debit=- credit=- format=ISO decimal=. sign=positive direction=-");

  source = import (table, &mapping, "EUR");
  assert_source (source,
                 "2 2026-11-01 1000 - [Good one] [] [-]\n"
                 "11 2026-11-07 -300 in - [Refund] [] [-]\n"
                 "12 2026-11-08 800 - [Good two] [] [-]\n"
                 "15 2026-11-10 1000 - [Good three] [] [-]\n",
                 "3 error “2026-13-01” is not a date (expected YYYY-MM-DD).\n"
                 "4 error “abc” is not allowed in an amount\n"
                 "5 error Expected at least 3 fields, found 1.\n"
                 "6 error “1.2.3” has more than one decimal mark\n"
                 "7 error Amounts in EUR can have at most 2 decimals\n"
                 "8 error The date is missing.\n"
                 "10 skipped The amount is zero.\n"
                 "13 error “31.02.2026” is not a date (expected YYYY-MM-DD).\n"
                 "14 error The description is longer than 200 characters.\n"
                 "16 error “\"” is not allowed in an amount\n");
  g_assert_cmpuint (outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_ERROR), ==, 9);
}

static void
test_not_text (void)
{
  static const struct
  {
    const char *data;
    gsize       length;
    int         code;
    const char *message;
  } cases[] = {
    { "", 0, OUTLAY_CSV_ERROR_EMPTY, "The file is empty." },
    { " \r\n\t\r\n", 5, OUTLAY_CSV_ERROR_EMPTY, "The file is empty." },
    { "\xef\xbb\xbf", 3, OUTLAY_CSV_ERROR_EMPTY, "The file is empty." },
    { "date,amount\n\0\x01\x02", 15, OUTLAY_CSV_ERROR_NOT_TEXT,
      "This file does not contain text, so it is not a CSV file." },
    { "PK\x03\x04\x14\0\x06\0", 8, OUTLAY_CSV_ERROR_NOT_TEXT,
      "This is a spreadsheet or an archive, not a CSV file. Save it as CSV first." },
    { "\xd0\xcf\x11\xe0\xa1\xb1", 6, OUTLAY_CSV_ERROR_NOT_TEXT,
      "This is an Excel file, not a CSV file. Save it as CSV first." },
    { "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 15, OUTLAY_CSV_ERROR_NOT_TEXT,
      "This is a PDF document, not a CSV file. Most banks offer a CSV export next to the PDF statement." },
    /* UTF-16 with a lone surrogate. */
    { "\xff\xfe\x00\xd8", 4, OUTLAY_CSV_ERROR_NOT_TEXT, "This file does not contain text, so it is not a CSV file." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OutlayCsvTable) table = outlay_csv_table_read (cases[i].data, cases[i].length, &error);

      g_assert_null (table);
      g_assert_error (error, OUTLAY_CSV_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_utf16 (void)
{
  const char      *text = "Datum;Betrag;Beschreibung\r\n01.11.2026;-3,20;Bäckerei\r\n";
  g_autofree char *utf16 = NULL;
  g_autofree char *with_bom = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCsvTable) table = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  OutlayCsvMapping mapping;
  gsize            length;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (length + 2);
  memcpy (with_bom, "\xff\xfe", 2);
  memcpy (with_bom + 2, utf16, length);

  table = outlay_csv_table_read (with_bom, length + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_csv_table_get_encoding (table), ==, OUTLAY_CSV_ENCODING_UTF16);
  g_assert_cmpint (outlay_csv_table_get_delimiter (table), ==, ';');

  outlay_csv_mapping_guess (table, &mapping);
  source = import (table, &mapping, "EUR");
  assert_source (source, "2 2026-11-01 320 - [Bäckerei] [] [-]\n", "");
}

/* Rows, their lines and their fields with every kind of line end and
 * quoting, including quoting that is not quite RFC 4180. */
static void
test_parse_rows (void)
{
  static const struct
  {
    const char *text;
    const char *rows;
  } cases[] = {
    { "a,b\nc,d\n", "1:<a>,<b>\n2:<c>,<d>\n" },
    { "a,b\r\nc,d", "1:<a>,<b>\n2:<c>,<d>\n" },
    { "a,b\rc,d\r", "1:<a>,<b>\n2:<c>,<d>\n" },
    { "a,b\n\n\r\n\nc,d\n", "1:<a>,<b>\n5:<c>,<d>\n" },
    { "a,\"x\ny\",b\nc,d,e\n", "1:<a>,<x\ny>,<b>\n3:<c>,<d>,<e>\n" },
    { "a,\"x\r\n\r\ny\",b\nc,d,e\n", "1:<a>,<x\r\n\r\ny>,<b>\n4:<c>,<d>,<e>\n" },
    { "\"say \"\"hi\"\"\",b\n", "1:<say \"hi\">,<b>\n" },
    { "a,,b,\n", "1:<a>,<>,<b>,<>\n" },
    { " a , b \n", "1:< a >,< b >\n" },
    /* A quote inside a field is an ordinary character. */
    { "5\" screen,b\n", "1:<5\" screen>,<b>\n" },
    /* Text after the closing quote stays with the field. */
    { "\"quoted\"tail,b\n", "1:<quotedtail>,<b>\n" },
    /* A quote that never closes is read as text, not as the rest of the file. */
    { "x,\"open,y\nc,d,e\n", "1:<x>,<\"open>,<y>\n2:<c>,<d>,<e>\n" },
    /* One column: any delimiter reads it the same. */
    { "one\ntwo\n", "1:<one>\n2:<two>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (OutlayCsvTable) table = read_text (cases[i].text);
      g_autofree char *rows = describe_rows (table);

      g_assert_cmpstr (rows, ==, cases[i].rows);
    }
}

static void
test_detect_delimiter (void)
{
  static const struct
  {
    const char *text;
    char        delimiter;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "a;b;c\n1,50;2,50;3\n", ';' },
    { "a\tb\n1,5\t2,5\n", '\t' },
    { "a|b|c\n1|2|3\n", '|' },
    { "\"x;y\",b\n\"1;2\",3\n", ',' },
    { "\"x,y\";b\n\"1,2\";3\n", ';' },
    /* A preamble with fewer fields does not outvote the table. */
    { "Konto;123\nDatum;Text;Betrag\n1.1.2026;A;1,5\n2.1.2026;B;2,5\n", ';' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (OutlayCsvTable) table = read_text (cases[i].text);

      g_assert_cmpint (outlay_csv_table_get_delimiter (table), ==, cases[i].delimiter);
    }
}

static void
test_parse_amount (void)
{
  static const struct
  {
    const char *text;
    char        separator;
    const char *currency;
    gint64      expected;
    const char *code;
  } accept[] = {
    { "12.50", '.', "EUR", 1250, NULL },
    { "12,50", ',', "EUR", 1250, NULL },
    { "-12,50", ',', "EUR", -1250, NULL },
    { "+12.50", '.', "EUR", 1250, NULL },
    { "12,50-", ',', "EUR", -1250, NULL },
    { "(12.50)", '.', "USD", -1250, NULL },
    { "1.234,56", ',', "EUR", 123456, NULL },
    { "1,234.56", '.', "USD", 123456, NULL },
    { "1,234,567.89", '.', "USD", 123456789, NULL },
    { "1 234,56", ',', "EUR", 123456, NULL },
    { "1\xc2\xa0"
      "234,56",
      ',', "EUR", 123456, NULL },
    { "1\xe2\x80\xaf"
      "234,56",
      ',', "EUR", 123456, NULL },
    { "1'234.50", '.', "CHF", 123450, NULL },
    { "€ 12,50", ',', "EUR", 1250, NULL },
    { "12,50 €", ',', "EUR", 1250, NULL },
    { "-€12.50", '.', "EUR", -1250, NULL },
    { "€-12.50", '.', "EUR", -1250, NULL },
    { "($1,234.56)", '.', "USD", -123456, NULL },
    { "12.50 USD", '.', "EUR", 1250, "USD" },
    { "EUR -3,20", ',', "USD", -320, "EUR" },
    { "-1.234,56 EUR", ',', "EUR", -123456, "EUR" },
    { "1500", '.', "JPY", 1500, NULL },
    { "1500.00", '.', "JPY", 1500, NULL },
    { "12.5", '.', "EUR", 1250, NULL },
    { ".50", '.', "EUR", 50, NULL },
    { "0", '.', "EUR", 0, NULL },
    { "1.234", ',', "EUR", 123400, NULL },
    { "1,234", '.', "EUR", 123400, NULL },
    { "1.234,567", ',', "BHD", 1234567, NULL },
    { "−7.00", '.', "EUR", -700, NULL },
    { "  42  ", '.', "EUR", 4200, NULL },
    { "9999999999.99", '.', "EUR", 999999999999, NULL },
  };
  static const struct
  {
    const char *text;
    char        separator;
    const char *currency;
    int         code;
    const char *message;
  } reject[] = {
    { "", '.', "EUR", OUTLAY_MONEY_ERROR_EMPTY, "The amount is missing." },
    { "abc", '.', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“abc” is not allowed in an amount" },
    { "1.2.3", '.', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“1.2.3” has more than one decimal mark" },
    { "1.2.3", ',', "EUR", OUTLAY_MONEY_ERROR_INVALID,
      "“1.2.3” is not a well-formed number: after a thousands separator come groups of exactly three digits" },
    { "12.50", ',', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“12.50” is not an amount with “,” as the decimal separator." },
    { "1,23,456.00", '.', "EUR", OUTLAY_MONEY_ERROR_INVALID,
      "“1,23,456.00” is not a well-formed number: after a thousands separator come groups of exactly three digits" },
    { "1.234 567,00", ',', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“1.234 567,00” mixes different thousands separators" },
    { "12,50,", ',', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“12,50,” has more than one decimal mark" },
    { "--5", '.', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“--5” is not an amount." },
    { "-(5)", '.', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“-(5)” is not an amount." },
    { "-5-", '.', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“-5-” is not an amount." },
    { "(5", '.', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“(5” is not an amount." },
    { "€", '.', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“€” is not an amount." },
    { "5 + 3", '.', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“5 + 3” is not an amount." },
    { "1e5", '.', "EUR", OUTLAY_MONEY_ERROR_INVALID, "“e” is not allowed in an amount" },
    { "12.345", '.', "EUR", OUTLAY_MONEY_ERROR_TOO_PRECISE, "Amounts in EUR can have at most 2 decimals" },
    { "12.5", '.', "JPY", OUTLAY_MONEY_ERROR_TOO_PRECISE, "Amounts in JPY cannot have decimals" },
    { "10000000000.00", '.', "EUR", OUTLAY_MONEY_ERROR_OUT_OF_RANGE,
      "The amount is too large; the largest possible is €9,999,999,999.99" },
    { "99999999999999999999", '.', "EUR", OUTLAY_MONEY_ERROR_OUT_OF_RANGE,
      "The amount is too large; the largest possible is €9,999,999,999.99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accept); i++)
    {
      g_autoptr (GError) error = NULL;
      const char *code = "unset";
      gint64      value = 0;

      g_test_message ("accept “%s”", accept[i].text);
      g_assert_true (
        outlay_csv_parse_amount (accept[i].text, accept[i].separator, accept[i].currency, &value, &code, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, accept[i].expected);
      g_assert_cmpstr (code, ==, accept[i].code);
    }

  for (guint i = 0; i < G_N_ELEMENTS (reject); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 value = 0;

      g_test_message ("reject “%s”", reject[i].text);
      g_assert_false (
        outlay_csv_parse_amount (reject[i].text, reject[i].separator, reject[i].currency, &value, NULL, &error));
      g_assert_error (error, OUTLAY_MONEY_ERROR, reject[i].code);
      g_assert_cmpstr (error->message, ==, reject[i].message);
    }
}

static void
test_parse_date (void)
{
  static const struct
  {
    const char         *text;
    OutlayCsvDateFormat format;
    const char         *expected;
  } cases[] = {
    { "2026-11-24", OUTLAY_CSV_DATE_ISO, "2026-11-24" },
    { "2026-1-4", OUTLAY_CSV_DATE_ISO, "2026-01-04" },
    { "2026-11-24T13:45:00Z", OUTLAY_CSV_DATE_ISO, "2026-11-24" },
    { "2026-11-24 13:45", OUTLAY_CSV_DATE_ISO, "2026-11-24" },
    { "2026/11/24", OUTLAY_CSV_DATE_YMD_SLASH, "2026-11-24" },
    { "24.11.2026", OUTLAY_CSV_DATE_DMY, "2026-11-24" },
    { "24/11/2026", OUTLAY_CSV_DATE_DMY, "2026-11-24" },
    { "24-11-2026", OUTLAY_CSV_DATE_DMY, "2026-11-24" },
    { "4.1.2026", OUTLAY_CSV_DATE_DMY, "2026-01-04" },
    { "24.11.26", OUTLAY_CSV_DATE_DMY, "2026-11-24" },
    { "24.11.69", OUTLAY_CSV_DATE_DMY, "2069-11-24" },
    { "24.11.70", OUTLAY_CSV_DATE_DMY, "1970-11-24" },
    { "11/24/2026", OUTLAY_CSV_DATE_MDY, "2026-11-24" },
    { "11/24/2026 1:45 PM", OUTLAY_CSV_DATE_MDY, "2026-11-24" },
    { " 29.02.2028 ", OUTLAY_CSV_DATE_DMY, "2028-02-29" },
    { "29.02.2026", OUTLAY_CSV_DATE_DMY, NULL },
    { "31.02.2026", OUTLAY_CSV_DATE_DMY, NULL },
    { "11/24/2026", OUTLAY_CSV_DATE_DMY, NULL },
    { "24.11.2026", OUTLAY_CSV_DATE_MDY, NULL },
    { "24.11.2026", OUTLAY_CSV_DATE_ISO, NULL },
    { "2026-11-24", OUTLAY_CSV_DATE_DMY, NULL },
    { "24.11-2026", OUTLAY_CSV_DATE_DMY, NULL },
    { "24.11.202", OUTLAY_CSV_DATE_DMY, NULL },
    { "24.11.2026x", OUTLAY_CSV_DATE_DMY, NULL },
    { "1899-12-31", OUTLAY_CSV_DATE_ISO, NULL },
    { "3000-01-01", OUTLAY_CSV_DATE_ISO, NULL },
    { "", OUTLAY_CSV_DATE_ISO, NULL },
    { "yesterday", OUTLAY_CSV_DATE_ISO, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = outlay_csv_parse_date (cases[i].text, cases[i].format);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpstr (date, ==, cases[i].expected);
    }
}

/* 01/02/2026 is 1 February in Germany and January 2 in the US: a day above
 * 12 anywhere in the column decides, and only without one the locale. */
static void
test_guess_date_order (void)
{
  const char               *ambiguous = "Date,Amount\n01/02/2026,1.00\n03/04/2026,2.00\n";
  const char               *with_day = "Date,Amount\n01/02/2026,1.00\n03/24/2026,2.00\n";
  const char               *locales[] = { "en_US.UTF-8", "de_DE.UTF-8" };
  const OutlayCsvDateFormat ambiguous_format[] = { OUTLAY_CSV_DATE_MDY, OUTLAY_CSV_DATE_DMY };

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autoptr (OutlayCsvTable) a = read_text (ambiguous);
      g_autoptr (OutlayCsvTable) b = read_text (with_day);
      locale_t         loc = newlocale (LC_ALL_MASK, locales[i], (locale_t) 0);
      OutlayCsvMapping mapping;

      if (loc == (locale_t) 0)
        {
          g_test_fail_printf ("The locale %s is not installed. Run build-aux/install-deps.", locales[i]);
          return;
        }
      uselocale (loc);

      outlay_csv_mapping_guess (a, &mapping);
      g_assert_cmpint (mapping.date_format, ==, ambiguous_format[i]);
      outlay_csv_mapping_guess (b, &mapping);
      g_assert_cmpint (mapping.date_format, ==, OUTLAY_CSV_DATE_MDY);

      uselocale (LC_GLOBAL_LOCALE);
      freelocale (loc);
    }
}

static void
test_guess_sign (void)
{
  static const struct
  {
    const char   *text;
    OutlayCsvSign sign;
  } cases[] = {
    { "Date,Amount\n2026-11-01,12.00\n2026-11-02,3.00\n", OUTLAY_CSV_SIGN_POSITIVE_IS_EXPENSE },
    { "Date,Amount\n2026-11-01,-12.00\n2026-11-02,300.00\n", OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE },
    { "Date,Amount\n2026-11-01,-12.00\n2026-11-02,-3.00\n", OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE },
    { "Date,Amount\n2026-11-01,(12.00)\n2026-11-02,3.00\n", OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE },
    /* Twice as many credits as debits is still a bank statement... */
    { "Date,Amount\n2026-11-01,-12.00\n2026-11-02,300.00\n2026-11-03,300.00\n", OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE },
    /* ...but charges with the odd payment to the card are a card statement. */
    { "Date,Amount\n2026-11-01,12.00\n2026-11-02,30.00\n2026-11-03,-500.00\n2026-11-04,3.50\n2026-11-05,8.10\n",
      OUTLAY_CSV_SIGN_POSITIVE_IS_EXPENSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (OutlayCsvTable) table = read_text (cases[i].text);
      OutlayCsvMapping mapping;

      outlay_csv_mapping_guess (table, &mapping);
      g_assert_cmpint (mapping.sign, ==, cases[i].sign);
    }
}

/* Without column names the content decides: the column of dates, the
 * column of amounts with decimals, the column with the most text. */
static void
test_guess_without_header (void)
{
  g_autoptr (OutlayCsvTable) table = read_text ("4711;24.11.2026;Bäckerei am Eck;-3,20;17\n"
                                                "4712;25.11.2026;Tankstelle;-61,05;18\n"
                                                "4713;25.11.2026;Gehalt;2.500,00;19\n");
  g_autoptr (OutlayCsvTable) named = read_text ("When,What,How much\n2026-11-01,Tea,2.50\n");
  g_autoptr (OutlayImportSource) source = NULL;
  OutlayCsvMapping mapping;

  assert_mapping (table, &mapping,
                  "first=0 header=0 date=1 amount=3 description=2 category=- note=- "
                  "currency=- debit=- credit=- format=DMY decimal=, sign=negative direction=-");
  source = import (table, &mapping, "EUR");
  assert_source (source,
                 "1 2026-11-24 320 - [Bäckerei am Eck] [] [-]\n"
                 "2 2026-11-25 6105 - [Tankstelle] [] [-]\n"
                 "3 2026-11-25 -250000 in - [Gehalt] [] [-]\n",
                 "");

  /* Names nobody knows, above rows with dates: still a header. */
  assert_mapping (named, &mapping,
                  "first=0 header=1 date=0 amount=2 description=1 category=- note=- "
                  "currency=- debit=- credit=- format=ISO decimal=. sign=positive direction=-");
}

static void
test_validate (void)
{
  g_autoptr (OutlayCsvTable) table = read_text ("Date,Amount,Debit,Credit,Text\n2026-11-01,1.00,,,A\n");
  static const struct
  {
    int         date, amount, debit, credit, description;
    char        separator;
    const char *message;
  } cases[] = {
    { -1, 1, -1, -1, 4, '.', "Choose the column with the dates." },
    { 0, -1, -1, -1, 4, '.', "Choose the column with the amounts." },
    { 0, -1, -1, 3, 4, '.', "Choose the column with the money spent (debit) as well." },
    { 0, 1, 2, 3, 4, '.', "Choose either one column with the amounts or separate debit and credit columns, not both." },
    { 0, 0, -1, -1, 4, '.', "Choose a different column for each kind of information." },
    { 0, -1, 2, 2, 4, '.', "Choose a different column for each kind of information." },
    { 0, 1, -1, -1, 5, '.', "The file has only 5 columns." },
    { 0, 1, -1, -1, 4, ' ', "Choose a period or a comma as the decimal separator." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OutlayImportSource) source = NULL;
      OutlayCsvMapping mapping;

      outlay_csv_mapping_guess (table, &mapping);
      mapping.date_column = cases[i].date;
      mapping.amount_column = cases[i].amount;
      mapping.debit_column = cases[i].debit;
      mapping.credit_column = cases[i].credit;
      mapping.description_column = cases[i].description;
      mapping.decimal_separator = cases[i].separator;

      g_assert_false (outlay_csv_mapping_validate (&mapping, table, &error));
      g_assert_error (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_MAPPING);
      g_assert_cmpstr (error->message, ==, cases[i].message);

      g_clear_error (&error);
      source = outlay_csv_import (table, &mapping, "EUR", &error);
      g_assert_null (source);
      g_assert_error (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_MAPPING);
    }
}

/* Banks that write every amount positive and say in a column of its own
 * which are debits. */
static void
test_direction_marks (void)
{
  g_autoptr (OutlayCsvTable) table =
    read_text ("Buchungstag;Valuta;Empfänger/Zahlungspflichtiger;Vorgang/Verwendungszweck;Währung;Umsatz;\n"
               "24.11.2026;24.11.2026;REWE;Einkauf;EUR;12,50;S\n"
               "23.11.2026;23.11.2026;Arbeitgeber;Gehalt;EUR;2.345,67;H\n"
               "22.11.2026;22.11.2026;Bäcker;Brötchen;EUR;4,80;S\n"
               "21.11.2026;21.11.2026;Kiosk;Zeitung;EUR;2,00;X\n"
               "20.11.2026;20.11.2026;Bank;Storno;EUR;-3,00;\n");
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (GError) error = NULL;
  OutlayCsvMapping mapping;

  outlay_csv_mapping_guess (table, &mapping);
  /* The last column is only S and H: the marks. */
  {
    g_autofree char *described = describe_mapping (&mapping);

    g_assert_cmpstr (described, ==,
                     "first=0 header=1 date=0 amount=5 description=2 category=- note=3 "
                     "currency=4 debit=- credit=- format=DMY decimal=, sign=negative direction=6");
  }

  source = import (table, &mapping, "EUR");
  assert_source (source,
                 "2 2026-11-24 1250 EUR [REWE] [Einkauf] [-]\n"
                 "3 2026-11-23 -234567 in EUR [Arbeitgeber] [Gehalt] [-]\n"
                 "4 2026-11-22 480 EUR [Bäcker] [Brötchen] [-]\n"
                 "6 2026-11-20 300 EUR [Bank] [Storno] [-]\n",
                 "5 error “X” marks the amount as neither a debit nor a credit.\n");

  mapping.amount_column = -1;
  mapping.debit_column = 5;
  g_assert_false (outlay_csv_mapping_validate (&mapping, table, &error));
  g_assert_error (error, OUTLAY_CSV_ERROR, OUTLAY_CSV_ERROR_MAPPING);
  g_assert_cmpstr (error->message, ==, "Debit and credit marks need the column with the amounts.");
}

/* Currencies from a column (codes in any case, unambiguous symbols) or
 * next to the amount; the decimals follow the row's currency. */
static void
test_import_currencies (void)
{
  g_autoptr (OutlayCsvTable) table = read_text ("Date;Amount;Currency;Text\n"
                                                "2026-11-01;5.00;usd;Lower case\n"
                                                "2026-11-02;4.00;€;Symbol\n"
                                                "2026-11-03;3.00;$;Dollar of which country\n"
                                                "2026-11-04;2.00;XYZ;Unknown\n"
                                                "2026-11-05;1500;JPY;Yen\n"
                                                "2026-11-06;15.50;JPY;Yen with decimals\n"
                                                "2026-11-07;7.25;;Ledger's\n"
                                                "2026-11-08;7.25 GBP;;Named by the amount\n"
                                                "2026-11-09;7.25 GBP;EUR;Both, differing\n");
  g_autoptr (OutlayImportSource) source = NULL;
  OutlayCsvMapping mapping;

  outlay_csv_mapping_guess (table, &mapping);
  g_assert_cmpint (mapping.currency_column, ==, 2);
  source = import (table, &mapping, "EUR");
  assert_source (source,
                 "2 2026-11-01 500 USD [Lower case] [] [-]\n"
                 "3 2026-11-02 400 EUR [Symbol] [] [-]\n"
                 "6 2026-11-05 1500 JPY [Yen] [] [-]\n"
                 "8 2026-11-07 725 - [Ledger's] [] [-]\n"
                 "9 2026-11-08 725 GBP [Named by the amount] [] [-]\n",
                 "4 error “$” is not a currency code.\n"
                 "5 error “XYZ” is not a currency code.\n"
                 "7 error Amounts in JPY cannot have decimals\n"
                 "10 error The amount is in GBP, but the currency column says EUR.\n");
}

/* What the writer writes reads back as the same fields, whatever they
 * hold; and it quotes only what needs it. */
static void
test_write_round_trip (void)
{
  const char *const rows[][5] = {
    { "plain", "with, comma", "say \"hi\"", "two\nlines", "" },
    { " leading", "trailing ", "\tboth\t", "cr\ronly", "crlf\r\nend" },
    { "semi;colon", "pi|pe", "tab\there", "Bäckerei €", "\"" },
    { "", "", "", "", "" },
    { "\xef\xbb\xbf"
      "bom",
      "\xc2\xa0nbsp", "\"\"", "a\"\"b", "end" },
  };
  const char *const single[] = { "" };
  const char *const lone[] = { "just one" };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autoptr (OutlayCsvTable) table = NULL;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    outlay_csv_append_row (out, rows[r], G_N_ELEMENTS (rows[r]));
  outlay_csv_append_row (out, single, 1);
  outlay_csv_append_row (out, lone, 1);

  table = read_text (out->str);
  g_assert_cmpint (outlay_csv_table_get_delimiter (table), ==, ',');
  g_assert_cmpuint (outlay_csv_table_get_n_rows (table), ==, G_N_ELEMENTS (rows) + 2);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      guint              n;
      const char *const *fields = outlay_csv_table_get_row (table, r, &n);

      g_assert_cmpuint (n, ==, 5);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (fields[i], ==, rows[r][i]);
    }
  {
    guint              n;
    const char *const *fields = outlay_csv_table_get_row (table, G_N_ELEMENTS (rows), &n);

    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpstr (fields[0], ==, "");
  }

  outlay_csv_append_row (plain, rows[0], G_N_ELEMENTS (rows[0]));
  outlay_csv_append_row (plain, rows[3], G_N_ELEMENTS (rows[3]));
  g_assert_cmpstr (plain->str, ==, "plain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n,,,,\r\n");

  /* Each row alone re-reads the same too: the delimiter is found from it. */
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autoptr (GString) one = g_string_new (NULL);
      g_autoptr (OutlayCsvTable) again = NULL;
      const char *const *fields;
      guint              n;

      outlay_csv_append_row (one, rows[r], G_N_ELEMENTS (rows[r]));
      again = read_text (one->str);
      fields = outlay_csv_table_get_row (again, 0, &n);
      g_assert_cmpuint (n, ==, 5);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (fields[i], ==, rows[r][i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/file/german-bank", test_german_bank);
  g_test_add_func ("/csv/file/us-bank", test_us_bank);
  g_test_add_func ("/csv/file/app-export", test_app_export);
  g_test_add_func ("/csv/file/outlay-export", test_outlay_export);
  g_test_add_func ("/csv/file/tab-separated", test_tab_separated);
  g_test_add_func ("/csv/file/broken-rows", test_broken_rows);
  g_test_add_func ("/csv/read/not-text", test_not_text);
  g_test_add_func ("/csv/read/utf16", test_utf16);
  g_test_add_func ("/csv/read/rows", test_parse_rows);
  g_test_add_func ("/csv/read/delimiter", test_detect_delimiter);
  g_test_add_func ("/csv/parse/amount", test_parse_amount);
  g_test_add_func ("/csv/parse/date", test_parse_date);
  g_test_add_func ("/csv/guess/date-order", test_guess_date_order);
  g_test_add_func ("/csv/guess/sign", test_guess_sign);
  g_test_add_func ("/csv/guess/without-header", test_guess_without_header);
  g_test_add_func ("/csv/mapping/validate", test_validate);
  g_test_add_func ("/csv/import/currencies", test_import_currencies);
  g_test_add_func ("/csv/import/direction-marks", test_direction_marks);
  g_test_add_func ("/csv/write/round-trip", test_write_round_trip);

  return g_test_run ();
}
