/* outlay-window.h
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
#include "outlay-export-job.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_WINDOW (outlay_window_get_type ())

G_DECLARE_FINAL_TYPE (OutlayWindow, outlay_window, OUTLAY, WINDOW, AdwApplicationWindow)

OutlayWindow *outlay_window_new (OutlayApplication *application);
GtkWidget    *outlay_window_get_expenses_page (OutlayWindow *self);
GtkWidget    *outlay_window_get_dashboard_page (OutlayWindow *self);
gboolean      outlay_window_is_busy (OutlayWindow *self);
void          outlay_window_import (OutlayWindow *self,
                                    GFile        *file);
void          outlay_window_export (OutlayWindow      *self,
                                    GFile             *file,
                                    OutlayExportFormat format);

typedef gboolean (*OutlayUndoFunc) (OutlayRepository *repository,
                                    gpointer          data,
                                    GError          **error);

void outlay_window_push_undo (OutlayWindow  *self,
                              const char    *title,
                              const char    *undone,
                              OutlayUndoFunc take_back,
                              gpointer       data,
                              GDestroyNotify destroy_data);
void outlay_window_show_error (OutlayWindow *self,
                               const GError *error);

typedef struct _OutlayRecurringRunner OutlayRecurringRunner;
OutlayRecurringRunner                *outlay_window_get_recurring_runner (OutlayWindow *self);

G_END_DECLS
