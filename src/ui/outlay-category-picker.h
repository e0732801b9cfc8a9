/* outlay-category-picker.h
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

#define OUTLAY_TYPE_CATEGORY_PICKER (outlay_category_picker_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCategoryPicker, outlay_category_picker, OUTLAY, CATEGORY_PICKER, AdwComboRow)

GtkWidget *outlay_category_picker_new (void);
void       outlay_category_picker_set_repository (OutlayCategoryPicker *self,
                                                  OutlayRepository     *repository);
gint64     outlay_category_picker_get_category_id (OutlayCategoryPicker *self);
void       outlay_category_picker_select (OutlayCategoryPicker *self,
                                          gint64                category_id,
                                          gboolean              keep);
GtkWindow *outlay_category_picker_get_editor (OutlayCategoryPicker *self);

GtkListItemFactory *outlay_category_factory_new (OutlayRepository *repository,
                                                 gboolean          in_list);
GObject            *outlay_category_choice_new (const char *label,
                                                const char *icon_name);

G_END_DECLS
