/* outlay-export.h
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

/* The formats Outlay exports to, for the places that offer a choice:
 * CSV for spreadsheets, and Outlay's own JSON, which it also reads back. */

#include <gio/gio.h>

#include "outlay-csv-export.h"
#include "outlay-ledger-json.h"
#include "outlay-query.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_EXPORT_FORMAT_CSV,
  OUTLAY_EXPORT_FORMAT_JSON,
} OutlayExportFormat;

gboolean outlay_export_write (OutlayRepository  *repository,
                              OutlayExportFormat format,
                              const OutlayQuery *query,
                              gboolean           include_deleted,
                              GOutputStream     *out,
                              GCancellable      *cancellable,
                              guint             *n_written,
                              GError           **error);
gboolean outlay_export_to_file (OutlayRepository  *repository,
                                OutlayExportFormat format,
                                const OutlayQuery *query,
                                gboolean           include_deleted,
                                GFile             *file,
                                GCancellable      *cancellable,
                                guint             *n_written,
                                GError           **error);

G_END_DECLS
