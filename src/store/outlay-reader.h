/* outlay-reader.h
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

#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_READER (outlay_reader_get_type ())

G_DECLARE_FINAL_TYPE (OutlayReader, outlay_reader, OUTLAY, READER, GObject)

/**
 * OutlayReaderFunc:
 * @repository: a read-only repository on the reader's own connection, used
 *   by this call alone
 * @data: what outlay_reader_run_async() was given
 * @cancellable: cancelled when the caller no longer wants the answer; the
 *   running statement is interrupted too
 * @error: a location for a #GError
 *
 * Runs in a worker thread.
 *
 * Returns: the answer, or %NULL with @error set
 */
typedef gpointer (*OutlayReaderFunc) (OutlayRepository *repository,
                                      gpointer          data,
                                      GCancellable     *cancellable,
                                      GError          **error);

OutlayReader *outlay_reader_new (OutlayRepository *repository);
void          outlay_reader_run_async (OutlayReader       *self,
                                       OutlayReaderFunc    func,
                                       gpointer            data,
                                       GDestroyNotify      data_free,
                                       GDestroyNotify      result_free,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
gpointer      outlay_reader_run_finish (OutlayReader *self,
                                        GAsyncResult *result,
                                        GError      **error);

G_END_DECLS
