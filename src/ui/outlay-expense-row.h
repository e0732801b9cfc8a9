/* outlay-expense-row.h
 *
 * Copyright 2026 The Outlay authors
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
