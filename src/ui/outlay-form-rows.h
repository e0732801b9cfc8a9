/* outlay-form-rows.h
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

GtkWidget *outlay_form_combo_row_new (const char        *title,
                                      const char *const *choices);
GtkWidget *outlay_form_spin_row_new (const char *title,
                                     double      min,
                                     double      max,
                                     GtkWidget **spin);
GtkWidget *outlay_form_button_row_new (const char *title,
                                       const char *subtitle,
                                       const char *icon_name);
GtkWidget *outlay_form_label_new (const char *text,
                                  const char *css_class,
                                  float       xalign);
GtkWidget *outlay_form_name_amount_new (const char *name,
                                        const char *amount);

GtkWidget *outlay_form_group_new (GtkWidget  *page,
                                  const char *title,
                                  const char *description);

GtkWidget *outlay_form_dialog_header_new (GtkWindow  *dialog,
                                          const char *accept_label,
                                          GCallback   accept,
                                          GtkWidget **accept_button);
void       outlay_form_dialog_header_set_subtitle (GtkWidget  *header,
                                                   const char *subtitle);

G_END_DECLS
