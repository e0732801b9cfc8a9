/* outlay-ledger-json.h
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

#include "outlay-import.h"
#include "outlay-query.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_EXPORT_ERROR (outlay_export_error_quark ())

typedef enum
{
  /* The file is not an Outlay export, or a newer one than this version reads. */
  OUTLAY_EXPORT_ERROR_INVALID,
  OUTLAY_EXPORT_ERROR_UNSUPPORTED,
} OutlayExportError;

GQuark outlay_export_error_quark (void);

/* Outlay's lossless JSON: every category with its icon and colour, every
 * expense with its uuid, timestamps and import hash, and with
 * @include_deleted the deleted ones (tombstones). Exporting, importing into
 * an empty ledger and exporting again gives the same bytes.
 * @query: (nullable): which expenses; %NULL for all */
gboolean outlay_export_json (OutlayRepository  *repository,
                             const OutlayQuery *query,
                             gboolean           include_deleted,
                             GOutputStream     *out,
                             GCancellable      *cancellable,
                             guint             *n_written,
                             GError           **error);

/* Reads what outlay_export_json() wrote. Problems with single expenses are
 * issues of the source (line 0, the message names the expense's position);
 * a file that is not an Outlay export fails with OUTLAY_EXPORT_ERROR. */
OutlayImportSource *outlay_json_read (const char *data,
                                      gsize       length,
                                      GError    **error);

/* The same from a file: a line at a time when it is laid out as Outlay
 * writes it, so that its size does not matter; read whole otherwise. */
OutlayImportSource *outlay_json_read_file (GFile        *file,
                                           GCancellable *cancellable,
                                           gboolean     *by_lines,
                                           GError      **error);

G_END_DECLS
