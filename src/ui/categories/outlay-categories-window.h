/* outlay-categories-window.h
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

#define OUTLAY_TYPE_CATEGORIES_WINDOW (outlay_categories_window_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCategoriesWindow, outlay_categories_window, OUTLAY, CATEGORIES_WINDOW, AdwWindow)

OutlayCategoriesWindow *outlay_categories_window_new (GtkWindow        *parent,
                                                      OutlayRepository *repository);
GtkWidget              *outlay_categories_window_get_row (OutlayCategoriesWindow *self,
                                                          const char             *name);
char                  **outlay_categories_window_dup_names (OutlayCategoriesWindow *self);
GtkWindow              *outlay_categories_window_get_question (OutlayCategoriesWindow *self);
GtkWindow              *outlay_categories_window_get_editor (OutlayCategoriesWindow *self);
gboolean                outlay_categories_window_is_counted (OutlayCategoriesWindow *self);
void                    outlay_categories_window_show_rules (OutlayCategoriesWindow *self);
GtkWidget              *outlay_categories_window_get_rules_page (OutlayCategoriesWindow *self);

void outlay_categories_window_add_action (GtkWidgetClass *window_class);

G_END_DECLS
