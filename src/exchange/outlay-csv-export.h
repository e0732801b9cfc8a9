/* outlay-csv-export.h
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

#include "outlay-query.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

/* CSV (RFC 4180, UTF-8, CRLF, a header row): date, amount, currency,
 * description, category, note — ISO dates and plain decimal amounts
 * ("1234.50"), so any spreadsheet and Outlay's own import read it back.
 * @query: (nullable): which expenses, in its order; %NULL for all, by date */
gboolean outlay_export_csv (OutlayRepository  *repository,
                            const OutlayQuery *query,
                            GOutputStream     *out,
                            GCancellable      *cancellable,
                            guint             *n_written,
                            GError           **error);

G_END_DECLS
