/* outlay-category-editor.h
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

#define OUTLAY_TYPE_CATEGORY_EDITOR (outlay_category_editor_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCategoryEditor, outlay_category_editor, OUTLAY, CATEGORY_EDITOR, AdwWindow)

OutlayCategoryEditor *outlay_category_editor_new (GtkWindow        *parent,
                                                  OutlayRepository *repository,
                                                  OutlayCategory   *category,
                                                  OutlayCategory   *under);
gboolean              outlay_category_editor_save (OutlayCategoryEditor *self);
GtkWidget            *outlay_category_editor_get_name_row (OutlayCategoryEditor *self);
GtkWidget            *outlay_category_editor_get_parent_row (OutlayCategoryEditor *self);
GtkWidget            *outlay_category_editor_get_palette (OutlayCategoryEditor *self);
GtkWidget            *outlay_category_editor_get_icons (OutlayCategoryEditor *self);
const char           *outlay_category_editor_get_error (OutlayCategoryEditor *self);
void                  outlay_category_editor_select_parent (OutlayCategoryEditor *self,
                                                            OutlayCategory       *parent);

G_END_DECLS
