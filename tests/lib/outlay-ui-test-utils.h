/* outlay-ui-test-utils.h
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

#include "outlay-application.h"
#include "outlay-repository.h"
#include "outlay-window.h"

G_BEGIN_DECLS

typedef gboolean (*OutlayUiTestMatch) (GtkWidget  *widget,
                                       const char *text);
typedef gboolean (*OutlayUiTestCondition) (gpointer data);

/* The longest the main loop went without running a timeout that asks for
 * every 5 ms: how long something kept it from its sources. */
typedef struct
{
  gint64 last;
  gint64 longest;
  guint  id;
} OutlayUiTestStallMeter;

void               outlay_ui_test_drain (void);
void               outlay_ui_test_settle (GtkWidget *widget);
void               outlay_ui_test_wait_ms (guint ms);
int                outlay_ui_test_min_width_at_text_scale_2 (GtkWidget *window);
gboolean           outlay_ui_test_wait_for (OutlayUiTestCondition condition,
                                            gpointer              data);
GtkWidget         *outlay_ui_test_find (GtkWidget        *root,
                                        OutlayUiTestMatch match,
                                        const char       *text);
gboolean           outlay_ui_test_is_row (GtkWidget  *widget,
                                          const char *title);
gboolean           outlay_ui_test_is_entry_row (GtkWidget  *widget,
                                                const char *title);
gboolean           outlay_ui_test_is_button (GtkWidget  *widget,
                                             const char *label);
gboolean           outlay_ui_test_is_status_page (GtkWidget  *widget,
                                                  const char *title);
gboolean           outlay_ui_test_is_label (GtkWidget  *widget,
                                            const char *text);
gboolean           outlay_ui_test_is_label_containing (GtkWidget  *widget,
                                                       const char *text);
gboolean           outlay_ui_test_is_mapped_type (GtkWidget  *widget,
                                                  const char *type_name);
gboolean           outlay_ui_test_is_of_type (GtkWidget  *widget,
                                              const char *type_name);
GtkWidget         *outlay_ui_test_find_of_type (GtkWidget *root,
                                                GType      type);
gboolean           outlay_ui_test_has_css_class (GtkWidget  *widget,
                                                 const char *css_class);
GtkWindow         *outlay_ui_test_find_toplevel (GType type);
void               outlay_ui_test_click (GtkWidget *button);
gboolean           outlay_ui_test_drop (GtkWidget *dragged,
                                        GtkWidget *target);
OutlayApplication *outlay_ui_test_register_application (const char *dir_template,
                                                        char      **database_dir,
                                                        char      **database_path);
void               outlay_ui_test_reset_settings (void);
void               outlay_ui_test_stall_meter_start (OutlayUiTestStallMeter *meter);
guint              outlay_ui_test_stall_meter_stop (OutlayUiTestStallMeter *meter);
OutlayWindow      *outlay_ui_test_open_window (OutlayApplication *app,
                                               int                width,
                                               int                height);

guint              outlay_ui_test_count_expenses (OutlayRepository *repository);
void               outlay_ui_test_add_expense (OutlayRepository *repository,
                                               const char       *description);

G_END_DECLS
