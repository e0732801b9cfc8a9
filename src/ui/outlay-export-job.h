/* outlay-export-job.h
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

#include <gtk/gtk.h>

#include "outlay-export.h"
#include "outlay-query.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

GtkFileChooserNative *outlay_export_job_create_chooser (GtkWindow *parent);
OutlayExportFormat    outlay_export_job_get_format (GtkFileChooser *chooser,
                                                    GFile          *file);

void     outlay_export_job_run_async (OutlayRepository   *repository,
                                      const OutlayQuery  *query,
                                      OutlayExportFormat  format,
                                      GFile              *file,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
gboolean outlay_export_job_run_finish (GAsyncResult *result,
                                       guint        *n_written,
                                       GError      **error);

G_END_DECLS
