/* outlay-export-private.h
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

#include "outlay-store-private.h"

G_BEGIN_DECLS

/* What the CSV export and Outlay's JSON share: a buffer that goes to the
 * stream in pieces while the repository walks the expenses, and one read
 * transaction from outlay_export_writer_init() to _clear(), so that what
 * the file says of the ledger (its categories, whether it holds refunds)
 * and its expenses are of the same moment, whatever another program
 * writes meanwhile. */

typedef struct
{
  OutlayRepository *repository;
  GOutputStream    *out;
  GCancellable     *cancellable;
  GString          *buffer;
  guint             n_written;
  gboolean          in_snapshot; /* the writer's own read transaction */
  GHashTable       *paths;       /* a subcategory's id → the path written for it */
} OutlayExportWriter;

void outlay_export_writer_init (OutlayExportWriter *writer,
                                OutlayRepository   *repository,
                                GOutputStream      *out,
                                GCancellable       *cancellable);
void outlay_export_writer_clear (OutlayExportWriter *writer);
/* Writes the buffer when it holds a piece, or whatever it holds with @force. */
gboolean    outlay_export_writer_flush (OutlayExportWriter *writer,
                                        gboolean            force,
                                        GError            **error);
/* The name a file gives @expense's category: "Parent › Child" for a
 * subcategory, whatever the language, so that an import finds it again. */
const char *outlay_export_writer_category_name (OutlayExportWriter *writer,
                                                OutlayExpense      *expense);
const char *outlay_export_writer_category_path (OutlayExportWriter *writer,
                                                OutlayCategory     *category);

G_END_DECLS
