/* outlay-history-entry-private.h: what the repository fills in
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

#include "outlay-history-entry.h"

G_BEGIN_DECLS

/* @value and @old_value are floating or full references, or NULL for an
 * SQL NULL. */
OutlayHistoryEntry *outlay_history_entry_new (gint64              seq,
                                              const char         *table,
                                              const char         *row_uuid,
                                              const char         *column,
                                              OutlayHistoryChange change,
                                              GVariant           *value,
                                              GVariant           *old_value,
                                              const char         *changed_at,
                                              const char         *device);
void outlay_history_entry_set_device_name (OutlayHistoryEntry *self,
                                           const char         *device_name);
void outlay_history_entry_set_label (OutlayHistoryEntry *self,
                                     const char         *label,
                                     const char         *currency);
void outlay_history_entry_set_currencies (OutlayHistoryEntry *self,
                                          const char         *old_currency,
                                          const char         *currency);
void outlay_history_entry_set_value_names (OutlayHistoryEntry *self,
                                           const char         *value_name,
                                           const char         *old_value_name);
void outlay_history_entry_set_undoable (OutlayHistoryEntry *self,
                                        gboolean            undoable);

G_END_DECLS
