/* outlay-csv-private.h
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

#include "outlay-csv.h"

G_BEGIN_DECLS

/* What the stages of the CSV reader share: the table that decoding and
 * tokenising build (outlay-csv-decode.c), which the mapping is guessed
 * from (outlay-csv-mapping.c) and the records are read from
 * (outlay-csv-reader.c). */

/* How many rows the delimiter and the mapping are guessed from. */
#define OUTLAY_CSV_SAMPLE_ROWS 200

/* A row is where it starts in the text: a table of a large file keeps
 * no copy of its fields. */
typedef struct
{
  gsize offset;
  guint line;
  guint n_fields;
} OutlayCsvRow;

struct OutlayCsvTable
{
  gatomicrefcount   ref_count;
  OutlayCsvEncoding encoding;
  char              delimiter;
  guint             n_columns;
  GBytes           *text; /* UTF-8, without a byte order mark */
  GArray           *rows; /* of OutlayCsvRow */
  GMutex            mutex;
  GHashTable       *decoded; /* row → its fields, as outlay_csv_table_get_row() gave them */
};

/* The fields of @row, read again from the text into @fields (with a
 * %NULL after them): for reading every row without keeping them. */
void outlay_csv_table_read_row (OutlayCsvTable *table,
                                guint           row,
                                GPtrArray      *fields);

gboolean outlay_csv_is_blank (const char *text);
/* White space (any Unicode space, NBSP too) trimmed from both ends. */
char *outlay_csv_trim (const char *text);
/* Debit and credit marks: -1 for a debit, 1 for a credit, 0 for neither. */
int outlay_csv_direction_mark (const char *text);

G_END_DECLS
