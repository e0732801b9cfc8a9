/* outlay-recurring-row.h
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

#include <adwaita.h>

#include "outlay-recurring-rule.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_RECURRING_ROW (outlay_recurring_row_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRecurringRow, outlay_recurring_row, OUTLAY, RECURRING_ROW, GtkListBoxRow)

GtkWidget           *outlay_recurring_row_new (void);
void                 outlay_recurring_row_set_rule (OutlayRecurringRow  *self,
                                                    OutlayRecurringRule *rule,
                                                    const GDate         *next,
                                                    const GDate         *today);
OutlayRecurringRule *outlay_recurring_row_get_rule (OutlayRecurringRow *self);
const char          *outlay_recurring_row_get_subtitle (OutlayRecurringRow *self);
const char          *outlay_recurring_row_get_amount (OutlayRecurringRow *self);
const char          *outlay_recurring_row_get_monthly (OutlayRecurringRow *self);
GtkWidget           *outlay_recurring_row_get_menu_button (OutlayRecurringRow *self);

G_END_DECLS
