/* outlay-icon-grid.h
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

G_BEGIN_DECLS

#define OUTLAY_TYPE_ICON_GRID (outlay_icon_grid_get_type ())

G_DECLARE_FINAL_TYPE (OutlayIconGrid, outlay_icon_grid, OUTLAY, ICON_GRID, AdwBin)

GtkWidget  *outlay_icon_grid_new (void);
const char *outlay_icon_grid_get_icon_name (OutlayIconGrid *self);
void        outlay_icon_grid_set_icon_name (OutlayIconGrid *self,
                                            const char     *icon_name);
GtkWidget  *outlay_icon_grid_get_search_entry (OutlayIconGrid *self);
GtkWidget  *outlay_icon_grid_get_button (OutlayIconGrid *self,
                                         const char     *icon_name);
guint       outlay_icon_grid_count_shown (OutlayIconGrid *self);

G_END_DECLS
