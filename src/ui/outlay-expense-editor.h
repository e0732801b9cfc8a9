/* outlay-expense-editor.h
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

#include "outlay-expense.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_EXPENSE_EDITOR (outlay_expense_editor_get_type ())

G_DECLARE_FINAL_TYPE (OutlayExpenseEditor, outlay_expense_editor, OUTLAY, EXPENSE_EDITOR, AdwBin)

GtkWidget        *outlay_expense_editor_new (OutlayRepository *repository);
OutlayRepository *outlay_expense_editor_get_repository (OutlayExpenseEditor *self);
const char       *outlay_expense_editor_get_currency (OutlayExpenseEditor *self);
void              outlay_expense_editor_set_currency (OutlayExpenseEditor *self,
                                                      const char          *currency);
const char       *outlay_expense_editor_get_title (OutlayExpenseEditor *self);
gboolean          outlay_expense_editor_get_can_save (OutlayExpenseEditor *self);
gboolean          outlay_expense_editor_get_dirty (OutlayExpenseEditor *self);
void              outlay_expense_editor_new_expense (OutlayExpenseEditor *self);
void              outlay_expense_editor_focus_amount (OutlayExpenseEditor *self);
void              outlay_expense_editor_edit (OutlayExpenseEditor *self,
                                              OutlayExpense       *expense);
OutlayExpense    *outlay_expense_editor_get_expense (OutlayExpenseEditor *self);
gboolean          outlay_expense_editor_save (OutlayExpenseEditor *self,
                                              gboolean             add_another);
gboolean          outlay_expense_editor_get_waiting (OutlayExpenseEditor *self);
void              outlay_expense_editor_stop_waiting (OutlayExpenseEditor *self);

G_END_DECLS
