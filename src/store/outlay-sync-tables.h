/* outlay-sync-tables.h
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

G_BEGIN_DECLS

/* What sync carries of the ledger: the tables whose rows travel between
 * devices and, of each, the columns (never id, uuid or updated_at, which
 * are each device's own). A column travels under its own name, except a
 * reference by local id, which travels as the uuid of the row it names
 * (expenses.category_id as "category"). @since is the data format that
 * began to journal it: a format step journals the columns of its own
 * version, so that the triggers of an older step never name a column the
 * file does not have yet. */
/* What a column holds, as what another device sends is checked. */
typedef enum
{
  OUTLAY_SYNC_TEXT,
  OUTLAY_SYNC_INTEGER,
  OUTLAY_SYNC_CURRENCY, /* an ISO 4217 code */
} OutlaySyncKind;

typedef struct
{
  const char    *name;
  OutlaySyncKind kind;
  /* The local column when it is a reference by id, else NULL. */
  const char *id_column;
  /* The table @id_column refers to. */
  const char *id_table;
  guint       since;
} OutlaySyncColumn;

typedef struct
{
  const char             *name;
  /* Only rows for which this holds travel ("source = 'entered'": the
   * trigger puts NEW. or OLD. in front), or NULL. */
  const char             *row_filter;
  const OutlaySyncColumn *columns;
  guint                   n_columns;
} OutlaySyncTable;

const OutlaySyncTable  *outlay_sync_tables_get (guint *n_tables);
const OutlaySyncTable  *outlay_sync_tables_lookup (const char *name);
const OutlaySyncColumn *outlay_sync_table_lookup_column (const OutlaySyncTable *table,
                                                         const char            *name);
char                   *outlay_sync_tables_build_triggers (guint version);
char                   *outlay_sync_column_build_read (const OutlaySyncColumn *column,
                                                       const char             *row);

G_END_DECLS
