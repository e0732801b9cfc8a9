/* outlay-importer-private.h
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

#include "outlay-importer.h"

G_BEGIN_DECLS

/* What the importer (outlay-importer.c) does with categories, in
 * outlay-importer-categories.c: all of it inside the import's or the
 * undo's transaction. */

/* outlay-importer.c */
gboolean    outlay_importer_query_uuid (OutlayRepository *self,
                                        const char       *sql,
                                        const char       *context,
                                        gint64            id,
                                        char            **uuid,
                                        GError          **error);
gboolean    outlay_importer_read_rate_state (OutlayRepository       *self,
                                             const OutlayImportRate *rate,
                                             gboolean               *present,
                                             gboolean               *clashes,
                                             GError                **error);

GPtrArray  *outlay_importer_snapshot_categories (OutlayRepository *self);
/* A lossless file into a new ledger: its categories, in its order, with
 * their uuids, times, parents and all, take the place of the defaults. */
gboolean    outlay_importer_replace_categories (OutlayRepository   *self,
                                                OutlayImportPlan   *plan,
                                                const char         *now,
                                                OutlayImportResult *result,
                                                GError            **error);
/* The categories the plan's expenses go to that the ledger lacks. */
gboolean    outlay_importer_create_missing_categories (OutlayRepository *self,
                                                       OutlayImportPlan *plan,
                                                       const char       *now,
                                                       GArray           *created,
                                                       GError          **error);
/* The uuid of the category the source's @name is, created when the
 * ledger lacks it: for a budget or a recurring expense of the file. */
const char *outlay_importer_category_uuid (OutlayRepository *self,
                                           OutlayImportPlan *plan,
                                           const char       *name,
                                           const char       *now,
                                           GArray           *created,
                                           GError          **error);
/* After a failed import: the plan's categories are the ledger's again. */
void        outlay_importer_forget_categories (OutlayRepository   *self,
                                               OutlayImportPlan   *plan,
                                               OutlayImportResult *result);
/* Undo: the categories it created go, those it replaced come back. */
gboolean    outlay_importer_restore_categories (OutlayRepository         *self,
                                                const OutlayImportResult *result,
                                                GError                  **error);
/* After the undo is committed. */
void        outlay_importer_restored_categories (OutlayRepository         *self,
                                                 const OutlayImportResult *result);

G_END_DECLS
