/* outlay-format-history.h: a change of the history, in words
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

#include "outlay-history-entry.h"

G_BEGIN_DECLS

const char *outlay_format_history_kind (OutlayHistoryKind kind);
const char *outlay_format_history_noun (OutlayHistoryEntry *entry);
char       *outlay_format_history_field (OutlayHistoryEntry *entry);
char       *outlay_format_history_value (OutlayHistoryEntry *entry,
                                         gboolean            before);
char       *outlay_format_history_change (OutlayHistoryEntry *entry);
char       *outlay_format_history_subject (OutlayHistoryEntry *entry);
char       *outlay_format_history_device (OutlayHistoryEntry *entry);
char       *outlay_format_history_time (const char *changed_at,
                                        GDateTime  *now);
char       *outlay_format_history_when (OutlayHistoryEntry *entry,
                                        GDateTime          *now);
char       *outlay_format_history_line (OutlayHistoryEntry *entry,
                                        GDateTime          *now);
char       *outlay_format_history_spoken (OutlayHistoryEntry *entry,
                                          GDateTime          *now);

G_END_DECLS
