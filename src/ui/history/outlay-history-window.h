/* outlay-history-window.h: the history of every change
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

#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_HISTORY_WINDOW (outlay_history_window_get_type ())

G_DECLARE_FINAL_TYPE (OutlayHistoryWindow, outlay_history_window, OUTLAY, HISTORY_WINDOW, AdwWindow)

OutlayHistoryWindow *outlay_history_window_new (GtkWindow        *parent,
                                                OutlayRepository *repository,
                                                const char       *row_uuid);
gboolean             outlay_history_window_is_loading (OutlayHistoryWindow *self);
GtkListBox          *outlay_history_window_get_list (OutlayHistoryWindow *self);
void                 outlay_history_window_set_kind (OutlayHistoryWindow *self,
                                                     OutlayHistoryKind    kind);
void                 outlay_history_window_set_device (OutlayHistoryWindow *self,
                                                       guint                index);
void                 outlay_history_window_load_more (OutlayHistoryWindow *self);

void outlay_history_window_add_actions (GtkWidgetClass *window_class);

G_END_DECLS
