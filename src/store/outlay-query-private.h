/* outlay-query-private.h
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

#include <sqlite3.h>

#include "outlay-expense.h"
#include "outlay-query.h"

G_BEGIN_DECLS

struct _OutlayQuery
{
  char           *text;
  GArray         *categories; /* gint64, sorted, no duplicates */
  char           *date_from;  /* inclusive, YYYY-MM-DD or NULL */
  char           *date_to;    /* inclusive, YYYY-MM-DD or NULL */
  gint64          min_amount;
  gint64          max_amount;
  OutlaySortField sort;
  gboolean        descending;
};

/* Values to bind to the placeholders of a query built from an OutlayQuery. */
typedef struct
{
  GPtrArray *texts;
  GArray    *kinds;  /* 't' text (index into texts) or 'i' integer */
  GArray    *values; /* gint64 */
} OutlayBindings;

void outlay_bindings_init (OutlayBindings *bindings);
void outlay_bindings_clear (OutlayBindings *bindings);
void outlay_bindings_add_int (OutlayBindings *bindings,
                              gint64          value);
void outlay_bindings_add_text (OutlayBindings *bindings,
                               const char     *value);
int  outlay_bindings_apply (OutlayBindings *bindings,
                            sqlite3_stmt   *stmt,
                            int             first);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OutlayBindings, outlay_bindings_clear)

gboolean outlay_query_has_text (const OutlayQuery *self);
gboolean outlay_query_has_amount_range (const OutlayQuery *self);
gboolean outlay_query_matches_expense (const OutlayQuery *self,
                                       OutlayExpense     *expense);
void     outlay_query_append_filter (const OutlayQuery *self,
                                     GString           *sql,
                                     OutlayBindings    *bindings);
void     outlay_query_append_order (const OutlayQuery *self,
                                    GString           *sql);
char    *outlay_query_build_fts_match (const char *text);

G_END_DECLS
