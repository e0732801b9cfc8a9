/* outlay-salvage-private.h: reading the rows of a damaged table
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
#include <sqlite3.h>

G_BEGIN_DECLS

/* Reads a rowid table of a damaged file row by row, in id order, past the
 * pages that no longer read; see outlay-salvage-reader.c. */
typedef struct _OutlaySalvageReader OutlaySalvageReader;

/* Called with a row whose every column read; returns FALSE, with @error
 * set, only to stop everything. */
typedef gboolean (*OutlaySalvageRowFunc) (sqlite3_stmt *row,
                                          gpointer      user_data,
                                          GError      **error);

gboolean             outlay_salvage_is_damage (int rc);
OutlaySalvageReader *outlay_salvage_reader_new (sqlite3      *db,
                                                const char   *table,
                                                const char   *columns,
                                                const char   *error_context,
                                                GCancellable *cancellable,
                                                GError      **error);
void                 outlay_salvage_reader_free (OutlaySalvageReader *self);
gboolean             outlay_salvage_reader_read (OutlaySalvageReader *self,
                                                 OutlaySalvageRowFunc func,
                                                 gpointer             user_data,
                                                 GError             **error);
gboolean             outlay_salvage_reader_read_lost (OutlaySalvageReader *self,
                                                      const char *const   *index_scans,
                                                      OutlaySalvageRowFunc func,
                                                      gpointer             user_data,
                                                      guint               *n_lost,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlaySalvageReader, outlay_salvage_reader_free)

G_END_DECLS
