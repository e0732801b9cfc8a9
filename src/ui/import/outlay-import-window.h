/* outlay-import-window.h
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

#include "outlay-importer.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_IMPORT_WINDOW (outlay_import_window_get_type ())

G_DECLARE_FINAL_TYPE (OutlayImportWindow, outlay_import_window, OUTLAY, IMPORT_WINDOW, AdwWindow)

GtkFileChooserNative *outlay_import_window_create_chooser (GtkWindow *parent);

void                outlay_import_window_load_async (GtkWindow          *parent,
                                                     OutlayRepository   *repository,
                                                     const char         *currency,
                                                     GFile              *file,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
OutlayImportWindow *outlay_import_window_load_finish (GAsyncResult *result,
                                                      GError      **error);

gboolean            outlay_import_window_is_busy (OutlayImportWindow *self);
guint               outlay_import_window_get_n_to_import (OutlayImportWindow *self);
OutlayImportResult *outlay_import_window_steal_result (OutlayImportWindow *self);

G_END_DECLS
