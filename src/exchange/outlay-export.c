/* outlay-export.c
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
#include "config.h"

#include "outlay-export-private.h"
#include "outlay-repository.h"

/* Written in pieces of about this size. */
#define CHUNK_SIZE (64 * 1024)

void
outlay_export_writer_init (OutlayExportWriter *writer,
                           OutlayRepository   *repository,
                           GOutputStream      *out,
                           GCancellable       *cancellable)
{
  g_assert (OUTLAY_IS_REPOSITORY (repository));
  g_assert (G_IS_OUTPUT_STREAM (out));

  *writer = (OutlayExportWriter){
    repository, out, cancellable, g_string_sized_new (CHUNK_SIZE + 1024), 0
  };
}

void
outlay_export_writer_clear (OutlayExportWriter *writer)
{
  if (writer->buffer != NULL)
    g_string_free (g_steal_pointer (&writer->buffer), TRUE);
}

gboolean
outlay_export_writer_flush (OutlayExportWriter *writer,
                            gboolean            force,
                            GError            **error)
{
  if (writer->buffer->len == 0 || (!force && writer->buffer->len < CHUNK_SIZE))
    return TRUE;

  if (!g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                                  NULL, writer->cancellable, error))
    return FALSE;

  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

const char *
outlay_export_writer_category_name (OutlayExportWriter *writer,
                                    OutlayExpense      *expense)
{
  OutlayCategory *category = outlay_repository_lookup_category (writer->repository,
                                                                outlay_expense_get_category_id (expense));

  return category != NULL ? outlay_category_get_name (category) : "";
}
