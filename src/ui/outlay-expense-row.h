/* outlay-expense-row.h
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

#include <gtk/gtk.h>

#include "outlay-expense-model.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_EXPENSE_ROW (outlay_expense_row_get_type ())

G_DECLARE_FINAL_TYPE (OutlayExpenseRow, outlay_expense_row, OUTLAY, EXPENSE_ROW, GtkWidget)

GtkWidget     *outlay_expense_row_new (OutlayExpenseModel *model,
                                       const char         *currency);
void           outlay_expense_row_bind (OutlayExpenseRow *self,
                                        GtkListItem      *list_item);
void           outlay_expense_row_unbind (OutlayExpenseRow *self);
OutlayExpense *outlay_expense_row_get_expense (OutlayExpenseRow *self);
const char    *outlay_expense_row_get_heading (OutlayExpenseRow *self);
char          *outlay_expense_row_dup_label (OutlayExpenseRow *self);

G_END_DECLS
