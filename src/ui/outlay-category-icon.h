/* outlay-category-icon.h
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

#include <gtk/gtk.h>

#include "outlay-category.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_CATEGORY_ICON (outlay_category_icon_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCategoryIcon, outlay_category_icon, OUTLAY, CATEGORY_ICON, GtkWidget)

GtkWidget      *outlay_category_icon_new (void);
OutlayCategory *outlay_category_icon_get_category (OutlayCategoryIcon *self);
void            outlay_category_icon_set_category (OutlayCategoryIcon *self,
                                                   OutlayCategory     *category);
void            outlay_category_icon_set_size (OutlayCategoryIcon *self,
                                               int                 size);
GBytes         *outlay_category_icon_render_png (OutlayCategory *category,
                                                 GdkDisplay     *display,
                                                 int             size);
void            outlay_category_icon_set_look (OutlayCategoryIcon *self,
                                               const char         *icon_name,
                                               const char         *color);
gboolean        outlay_color_is_light (const char *color);

G_END_DECLS
