/* outlay-expense-model.h
 *
 * Copyright 2026 The Outlay authors
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
void                outlay_expense_model_set_query (OutlayExpenseModel *self,
                                                    const OutlayQuery  *query);
guint               outlay_expense_model_find (OutlayExpenseModel *self,
                                               gint64              id);

G_END_DECLS
