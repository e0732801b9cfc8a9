/* outlay-history-row.h: one change of the History window
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

#include <adwaita.h>

#include "outlay-history-entry.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_HISTORY_ROW (outlay_history_row_get_type ())

G_DECLARE_FINAL_TYPE (OutlayHistoryRow, outlay_history_row, OUTLAY, HISTORY_ROW, AdwActionRow)

GtkWidget          *outlay_history_row_new (OutlayHistoryEntry *entry,
                                            GDateTime          *now);
OutlayHistoryEntry *outlay_history_row_get_entry (OutlayHistoryRow *self);
GtkWidget          *outlay_history_row_get_undo_button (OutlayHistoryRow *self);
const char         *outlay_history_row_get_spoken (OutlayHistoryRow *self);

G_END_DECLS
