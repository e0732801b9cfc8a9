/* outlay-csv.h
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

#pragma once

#include <glib.h>

#include "outlay-import.h"

G_BEGIN_DECLS

/* CSV files from banks and other apps: reading them into a table of text
 * fields (any common encoding and delimiter, RFC 4180 quoting), guessing
 * which column is what, and turning the rows into import records, with a
 * reason for every row that is not one. And the writer of Outlay's own CSV. */

#define OUTLAY_CSV_ERROR (outlay_csv_error_quark ())

typedef enum
{
  OUTLAY_CSV_ERROR_EMPTY,    /* the file has no text at all */
  OUTLAY_CSV_ERROR_NOT_TEXT, /* binary data, a spreadsheet, a PDF */
  OUTLAY_CSV_ERROR_MAPPING,  /* the columns chosen cannot be imported */
} OutlayCsvError;

typedef enum
{
  OUTLAY_CSV_ENCODING_UTF8,
  OUTLAY_CSV_ENCODING_UTF8_BOM,
  /* Decoded as Windows-1252, which is what "Latin-1" files from banks
   * really are (€ is 0x80 there). */
  OUTLAY_CSV_ENCODING_LATIN1,
  /* UTF-16 with a byte order mark, little or big endian (Excel's
   * "Unicode text"). */
  OUTLAY_CSV_ENCODING_UTF16,
} OutlayCsvEncoding;

typedef struct OutlayCsvTable OutlayCsvTable;

GQuark outlay_csv_error_quark (void);

/* Errors only when the data is empty or is not text; anything that is text
 * becomes a table, however odd its rows. Empty lines are left out of the
 * table; every row remembers the line it starts on. */
OutlayCsvTable   *outlay_csv_table_read (const char *data,
                                         gsize       length,
                                         GError    **error);
OutlayCsvTable   *outlay_csv_table_read_bytes (GBytes  *contents,
                                               GError **error);
OutlayCsvTable   *outlay_csv_table_ref (OutlayCsvTable *table);
void              outlay_csv_table_unref (OutlayCsvTable *table);
OutlayCsvEncoding outlay_csv_table_get_encoding (OutlayCsvTable *table);
char              outlay_csv_table_get_delimiter (OutlayCsvTable *table);
guint             outlay_csv_table_get_n_rows (OutlayCsvTable *table);
/* The number of fields of the widest row. */
guint outlay_csv_table_get_n_columns (OutlayCsvTable *table);
/* The fields as they are in the file (UTF-8, quotes removed, not trimmed);
 * the array is terminated by NULL and owned by @table. A row is read from
 * the text the first time it is asked for, and kept from then on. */
const char *const *outlay_csv_table_get_row (OutlayCsvTable *table,
                                             guint           row,
                                             guint          *n_fields);
/* The 1-based line of the file where @row starts. */
guint outlay_csv_table_get_line (OutlayCsvTable *table,
                                 guint           row);

typedef enum
{
  OUTLAY_CSV_DATE_ISO,       /* 2026-11-24 */
  OUTLAY_CSV_DATE_DMY,       /* 24.11.2026, 24/11/2026, 24-11-2026 */
  OUTLAY_CSV_DATE_MDY,       /* 11/24/2026 */
  OUTLAY_CSV_DATE_YMD_SLASH, /* 2026/11/24 */
} OutlayCsvDateFormat;

typedef enum
{
  /* Bank statements: debits are negative, credits are skipped. */
  OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE,
  /* Expense lists: negative amounts (refunds) are skipped. */
  OUTLAY_CSV_SIGN_POSITIVE_IS_EXPENSE,
  /* Every amount is money spent, whatever its sign. */
  OUTLAY_CSV_SIGN_ALL_ARE_EXPENSES,
  /* Positive amounts are money spent, negative ones refunds: Outlay's own
   * CSV export, read back. */
  OUTLAY_CSV_SIGN_NEGATIVE_IS_REFUND,
} OutlayCsvSign;

typedef struct
{
  /* The row with the column names when @has_header, else the first row of
   * data. Rows above it are the file's preamble (a bank's account number,
   * the period) and are not imported. */
  guint    first_row;
  gboolean has_header;
  /* Column indexes, -1 for none. Date and amount are required; a pair of
   * debit and credit columns may stand in for the amount column. */
  int date_column;
  int amount_column;
  int description_column;
  int category_column;
  int note_column;
  int currency_column;
  int debit_column;
  int credit_column;
  /* With an amount column: a column that says which amounts are debits
   * and which are credits ("S"/"H", "D"/"C", "DR"/"CR", "Soll"/"Haben",
   * "Debit"/"Credit"), for banks that write every amount positive. The
   * marks give the amounts their sign before @sign applies. */
  int                 direction_column;
  OutlayCsvDateFormat date_format;
  char                decimal_separator; /* '.' or ',' */
  /* How to read the amount column; with debit and credit columns, what
   * is in the debit column is spent and what is in the credit column is
   * money received, whatever its sign. */
  OutlayCsvSign sign;
} OutlayCsvMapping;

/* The header is the first of the top rows with two known column names
 * (English, German, French), which also place the columns; what they do
 * not place is found by content (the column of dates, of amounts, with
 * the most text). Day or month first: a day above 12 decides, else the
 * locale. The decimal separator: what the amounts say ("1.234,56", "12,50"),
 * else ',' in files separated by ';'. The sign: positive amounts only, or
 * more than twice as many positive as negative ones (a card statement),
 * are POSITIVE_IS_EXPENSE; anything else NEGATIVE_IS_EXPENSE. */
void     outlay_csv_mapping_guess (OutlayCsvTable   *table,
                                   OutlayCsvMapping *mapping);
gboolean outlay_csv_mapping_validate (const OutlayCsvMapping *mapping,
                                      OutlayCsvTable         *table,
                                      GError                **error);
/* A pattern for @format such as "DD.MM.YYYY", in the user's language. */
char *outlay_csv_date_format_describe (OutlayCsvDateFormat format,
                                       char                separator);

/* One record per row of data, or an issue with the row's line and the
 * reason. @currency is the ledger's, whose decimals apply when the row
 * names no currency of its own (a currency column or a code next to the
 * amount, "12.50 USD"); records keep NULL for it. */
OutlayImportSource *outlay_csv_import (OutlayCsvTable         *table,
                                       const OutlayCsvMapping *mapping,
                                       const char             *currency,
                                       GError                **error);

/* Exact decimal parsing of one amount as banks write it: "-1.234,56",
 * "(12.50)", "12,50-", "€ 12.50", "1'234.50 CHF". @decimal_separator is '.'
 * or ','. The decimals allowed are @currency's, or those of the ISO code
 * written next to the number, which @code (when not NULL) receives.
 * outlay_money_parse_decimal() reads it, so the messages are the editor's. */
gboolean outlay_csv_parse_amount (const char  *text,
                                  char         decimal_separator,
                                  const char  *currency,
                                  gint64      *minor_units,
                                  const char **code,
                                  GError     **error);
/* @text as "YYYY-MM-DD", or NULL when it is not a date in @format. */
char *outlay_csv_parse_date (const char         *text,
                             OutlayCsvDateFormat format);

/* Appends one row, RFC 4180: a comma between fields, CRLF at the end, a
 * field in quotes (and its quotes doubled) when it holds a delimiter, a
 * quote, a line break or white space at either end. */
void outlay_csv_append_row (GString           *out,
                            const char *const *fields,
                            guint              n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayCsvTable, outlay_csv_table_unref)

G_END_DECLS
