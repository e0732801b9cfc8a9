/* outlay-rates-import.h: a file of exchange rates into the ledger
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

#include "outlay-rate-file.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

/* What importing a file of rates did. */
typedef struct
{
  OutlayRateFileFormat format;
  char                *source_name; /* "ECB", or the file's name */
  guint                n_read;      /* rates the file gave */
  OutlayRatesImported  written;     /* added, changed, as they were */
  GPtrArray           *problems;    /* OutlayRateFileProblem: the lines left out */
} OutlayRatesImport;

void     outlay_rates_import_clear (OutlayRatesImport *report);
gboolean outlay_rates_import_file (OutlayRepository       *repository,
                                   const char             *name,
                                   const char             *data,
                                   gsize                   length,
                                   gboolean                dry_run,
                                   OutlayRulesProgressFunc progress,
                                   gpointer                progress_data,
                                   GCancellable           *cancellable,
                                   OutlayRatesImport      *report,
                                   GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OutlayRatesImport, outlay_rates_import_clear)

G_END_DECLS
