/* outlay-expense.h
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

#include <glib-object.h>

G_BEGIN_DECLS

#define OUTLAY_TYPE_EXPENSE (outlay_expense_get_type ())

G_DECLARE_FINAL_TYPE (OutlayExpense, outlay_expense, OUTLAY, EXPENSE, GObject)

OutlayExpense *outlay_expense_new (void);
OutlayExpense *outlay_expense_copy (OutlayExpense *self);
gboolean       outlay_expense_equal (OutlayExpense *a,
                                     OutlayExpense *b);
void           outlay_expense_assign (OutlayExpense *self,
                                      OutlayExpense *other);

gint64      outlay_expense_get_id (OutlayExpense *self);
const char *outlay_expense_get_uuid (OutlayExpense *self);
gint64      outlay_expense_get_amount (OutlayExpense *self);
void        outlay_expense_set_amount (OutlayExpense *self,
                                       gint64         amount);
const char *outlay_expense_get_currency (OutlayExpense *self);
void        outlay_expense_set_currency (OutlayExpense *self,
                                         const char    *currency);
const char *outlay_expense_get_description (OutlayExpense *self);
void        outlay_expense_set_description (OutlayExpense *self,
                                            const char    *description);
const char *outlay_expense_get_note (OutlayExpense *self);
void        outlay_expense_set_note (OutlayExpense *self,
                                     const char    *note);
gint64      outlay_expense_get_category_id (OutlayExpense *self);
void        outlay_expense_set_category_id (OutlayExpense *self,
                                            gint64         category_id);
const char *outlay_expense_get_occurred_on (OutlayExpense *self);
void        outlay_expense_set_occurred_on (OutlayExpense *self,
                                            const char    *occurred_on);
GDate      *outlay_expense_dup_date (OutlayExpense *self);
void        outlay_expense_set_date (OutlayExpense *self,
                                     const GDate   *date);
const char *outlay_expense_get_created_at (OutlayExpense *self);
const char *outlay_expense_get_updated_at (OutlayExpense *self);
const char *outlay_expense_get_deleted_at (OutlayExpense *self);
const char *outlay_expense_get_import_hash (OutlayExpense *self);
void        outlay_expense_set_import_hash (OutlayExpense *self,
                                            const char    *import_hash);
const char *outlay_expense_get_charged (OutlayExpense *self,
                                       gint64        *amount);
void        outlay_expense_set_charged (OutlayExpense *self,
                                       gint64         amount,
                                       const char    *currency);
const char *outlay_expense_get_rule_uuid (OutlayExpense *self);
const char *outlay_expense_get_scheduled_on (OutlayExpense *self);
void        outlay_expense_set_occurrence (OutlayExpense *self,
                                           const char    *rule_uuid,
                                           const char    *scheduled_on);

G_END_DECLS
