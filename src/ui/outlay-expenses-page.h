/* outlay-expenses-page.h
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

#include "outlay-expense-model.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_EXPENSES_PAGE (outlay_expenses_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayExpensesPage, outlay_expenses_page, OUTLAY, EXPENSES_PAGE, AdwBin)

GtkWidget          *outlay_expenses_page_new (OutlayRepository *repository,
                                              const char       *currency);
OutlayExpenseModel *outlay_expenses_page_get_model (OutlayExpensesPage *self);
OutlayExpense      *outlay_expenses_page_get_selected (OutlayExpensesPage *self);
void                outlay_expenses_page_new_expense (OutlayExpensesPage *self);
void                outlay_expenses_page_edit_expense (OutlayExpensesPage *self,
                                                       OutlayExpense      *expense);
void                outlay_expenses_page_close_editor (OutlayExpensesPage *self);
void                outlay_expenses_page_start_search (OutlayExpensesPage *self);
void                outlay_expenses_page_search (OutlayExpensesPage *self,
                                                 const char         *text);
void                outlay_expenses_page_show_categories (OutlayExpensesPage *self,
                                                          const gint64       *category_ids,
                                                          guint               n_category_ids,
                                                          const char         *from,
                                                          const char         *to);
void                outlay_expenses_page_show_own (OutlayExpensesPage *self,
                                                   gint64              category_id,
                                                   const char         *from,
                                                   const char         *to);
const char         *outlay_expenses_page_get_category_filter (OutlayExpensesPage *self);
void                outlay_expenses_page_show_filtered (OutlayExpensesPage *self,
                                                        gint64              category_id,
                                                        const char         *from,
                                                        const char         *to);
void                outlay_expenses_page_focus_list (OutlayExpensesPage *self);
gboolean            outlay_expenses_page_get_folded (OutlayExpensesPage *self);
gboolean            outlay_expenses_page_get_editing (OutlayExpensesPage *self);
GtkWidget          *outlay_expenses_page_get_editor (OutlayExpensesPage *self);

G_END_DECLS
