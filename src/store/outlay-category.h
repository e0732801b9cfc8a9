/* outlay-category.h
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

#define OUTLAY_TYPE_CATEGORY (outlay_category_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCategory, outlay_category, OUTLAY, CATEGORY, GObject)

gint64      outlay_category_get_id (OutlayCategory *self);
const char *outlay_category_get_uuid (OutlayCategory *self);
const char *outlay_category_get_name (OutlayCategory *self);
const char *outlay_category_get_icon_name (OutlayCategory *self);
const char *outlay_category_get_color (OutlayCategory *self);
int         outlay_category_get_position (OutlayCategory *self);
const char *outlay_category_get_created_at (OutlayCategory *self);
const char *outlay_category_get_updated_at (OutlayCategory *self);
const char *outlay_category_get_deleted_at (OutlayCategory *self);
const char *outlay_category_get_parent_uuid (OutlayCategory *self);
gboolean    outlay_category_get_hidden (OutlayCategory *self);
void        outlay_category_assign (OutlayCategory *self,
                                    OutlayCategory *other);

G_END_DECLS
