/* outlay-field-error.h
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

void       outlay_field_error_set (GtkWidget  *field,
                                   GtkWidget  *editable,
                                   GtkLabel   *label,
                                   const char *message,
                                   const char *description);
GtkWidget *outlay_entry_row_get_text (AdwEntryRow *row);
void       outlay_entry_row_label_text (AdwEntryRow *row,
                                        GtkLabel    *error);

G_END_DECLS
