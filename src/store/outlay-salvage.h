/* outlay-salvage.h
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

G_BEGIN_DECLS

/* What outlay_salvage() saved from a damaged ledger, and what it knows was
 * there but could not read. */
typedef struct
{
  guint    expenses_saved;      /* rows written to the new ledger (incl. deleted ones kept as deleted) */
  guint    expenses_unreadable; /* rows known to exist (from an index) that could not be read or were not valid */
  guint    categories_saved;
  guint    categories_unreadable;
  gboolean categories_replaced; /* expenses whose category could not be read were put into a "Recovered" category */
  guint    budgets_saved;       /* budgets, with their overrides and alerts told (data format 5 and later) */
  guint    budgets_unreadable;
} OutlaySalvageReport;

gboolean outlay_salvage (const char          *damaged_path,
                         const char          *destination,
                         OutlaySalvageReport *report,
                         GCancellable        *cancellable,
                         GError             **error);

G_END_DECLS
