/* outlay-expense-model.h
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

#define OUTLAY_TYPE_EXPENSE_MODEL (outlay_expense_model_get_type ())

G_DECLARE_FINAL_TYPE (OutlayExpenseModel, outlay_expense_model, OUTLAY, EXPENSE_MODEL, GObject)

OutlayExpenseModel *outlay_expense_model_new (OutlayRepository *repository);
OutlayRepository   *outlay_expense_model_get_repository (OutlayExpenseModel *self);
const OutlayQuery  *outlay_expense_model_get_query (OutlayExpenseModel *self);
const OutlayQuery  *outlay_expense_model_get_shown_query (OutlayExpenseModel *self);
gboolean            outlay_expense_model_is_loading (OutlayExpenseModel *self);
void                outlay_expense_model_set_query (OutlayExpenseModel *self,
                                                    const OutlayQuery  *query);
guint               outlay_expense_model_find (OutlayExpenseModel *self,
                                               gint64              id);

G_END_DECLS
