/* outlay-history-entry.h: one change of the ledger, as the journal has it
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

#include <glib-object.h>

G_BEGIN_DECLS

/* What a change did to its row. */
typedef enum
{
  OUTLAY_HISTORY_ADDED,   /* the row is new */
  OUTLAY_HISTORY_CHANGED, /* one cell changed */
  OUTLAY_HISTORY_DELETED, /* deleted_at set: it can be restored */
  OUTLAY_HISTORY_RESTORED,
  OUTLAY_HISTORY_REMOVED, /* the row is gone for good */
} OutlayHistoryChange;

/* What a change is about: the kinds of rows a person tells apart. */
typedef enum
{
  OUTLAY_HISTORY_KIND_ALL,
  OUTLAY_HISTORY_KIND_EXPENSES,
  OUTLAY_HISTORY_KIND_CATEGORIES,
  OUTLAY_HISTORY_KIND_BUDGETS,   /* budgets, their periods' amounts and alerts */
  OUTLAY_HISTORY_KIND_RECURRING, /* recurring expenses and their exceptions */
  OUTLAY_HISTORY_KIND_RULES,
  OUTLAY_HISTORY_KIND_RATES,
} OutlayHistoryKind;

#define OUTLAY_HISTORY_N_KINDS (OUTLAY_HISTORY_KIND_RATES + 1)

const char *outlay_history_kind_to_string (OutlayHistoryKind kind);
gboolean    outlay_history_kind_from_string (const char        *text,
                                             OutlayHistoryKind *kind);
OutlayHistoryKind outlay_history_kind_of_table (const char *table);

#define OUTLAY_TYPE_HISTORY_ENTRY (outlay_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (OutlayHistoryEntry, outlay_history_entry, OUTLAY, HISTORY_ENTRY, GObject)

gint64              outlay_history_entry_get_seq (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_table (OutlayHistoryEntry *self);
OutlayHistoryKind   outlay_history_entry_get_kind (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_row_uuid (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_column (OutlayHistoryEntry *self);
OutlayHistoryChange outlay_history_entry_get_change (OutlayHistoryEntry *self);
GVariant           *outlay_history_entry_get_value (OutlayHistoryEntry *self);
GVariant           *outlay_history_entry_get_old_value (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_value_name (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_old_value_name (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_changed_at (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_device (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_device_name (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_label (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_currency (OutlayHistoryEntry *self);
const char         *outlay_history_entry_get_old_currency (OutlayHistoryEntry *self);
gboolean            outlay_history_entry_get_undoable (OutlayHistoryEntry *self);

G_END_DECLS
