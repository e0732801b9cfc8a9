/* outlay-import-loader.h
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

#include <gio/gio.h>

#include "outlay-csv.h"
#include "outlay-import-plan.h"
#include "outlay-import.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_IMPORT_LOADER (outlay_import_loader_get_type ())

G_DECLARE_FINAL_TYPE (OutlayImportLoader, outlay_import_loader, OUTLAY, IMPORT_LOADER, GObject)

OutlayImportLoader *outlay_import_loader_new (const char *currency);
OutlayImportFormat  outlay_import_loader_get_format (OutlayImportLoader *self);
void                outlay_import_loader_set_format (OutlayImportLoader *self,
                                                     OutlayImportFormat  format);
const char         *outlay_import_loader_get_currency (OutlayImportLoader *self);
const char         *outlay_import_loader_get_file_name (OutlayImportLoader *self);
OutlayCsvTable     *outlay_import_loader_get_table (OutlayImportLoader *self);

gboolean outlay_import_loader_read (OutlayImportLoader *self,
                                    const char         *path,
                                    GError            **error);
gboolean outlay_import_loader_parse (OutlayImportLoader *self,
                                     GCancellable       *cancellable,
                                     GError            **error);
void     outlay_import_loader_load_async (OutlayImportLoader *self,
                                          GFile              *file,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
gboolean outlay_import_loader_load_finish (OutlayImportLoader *self,
                                           GAsyncResult       *result,
                                           GError            **error);

OutlayImportSource *outlay_import_loader_build_source (OutlayImportLoader     *self,
                                                       const OutlayCsvMapping *mapping,
                                                       GError                **error);
void                outlay_import_loader_plan_async (OutlayImportLoader     *self,
                                                     const char             *database_path,
                                                     const OutlayCsvMapping *mapping,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
OutlayImportPlan   *outlay_import_loader_plan_finish (OutlayImportLoader *self,
                                                      GAsyncResult       *result,
                                                      OutlayRepository  **repository,
                                                      GError            **error);

G_END_DECLS
