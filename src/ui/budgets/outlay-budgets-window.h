/* outlay-budgets-window.h
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

#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_BUDGETS_WINDOW (outlay_budgets_window_get_type ())

G_DECLARE_FINAL_TYPE (OutlayBudgetsWindow, outlay_budgets_window, OUTLAY, BUDGETS_WINDOW, AdwWindow)

OutlayBudgetsWindow *outlay_budgets_window_new (GtkWindow        *parent,
                                                OutlayRepository *repository,
                                                const char       *currency);
void                 outlay_budgets_window_set_today (OutlayBudgetsWindow *self,
                                                      const GDate         *today);
void                 outlay_budgets_window_show_budget (OutlayBudgetsWindow *self,
                                                        gint64               id);
void                 outlay_budgets_window_add_budget (OutlayBudgetsWindow *self);
GtkWidget           *outlay_budgets_window_get_editor (OutlayBudgetsWindow *self);
GtkWidget           *outlay_budgets_window_get_row (OutlayBudgetsWindow *self,
                                                    const char          *name);
char               **outlay_budgets_window_dup_names (OutlayBudgetsWindow *self,
                                                      gboolean             archived);
const char          *outlay_budgets_window_get_unbudgeted (OutlayBudgetsWindow *self);
GtkWidget           *outlay_budgets_window_get_chart (OutlayBudgetsWindow *self);
const char          *outlay_budgets_window_get_page (OutlayBudgetsWindow *self);
GtkWidget           *outlay_budgets_window_get_overrides_group (OutlayBudgetsWindow *self);

G_END_DECLS
