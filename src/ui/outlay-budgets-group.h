/* outlay-budgets-group.h
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

#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_BUDGETS_GROUP (outlay_budgets_group_get_type ())

G_DECLARE_FINAL_TYPE (OutlayBudgetsGroup, outlay_budgets_group, OUTLAY, BUDGETS_GROUP, GtkBox)

GtkWidget *outlay_budgets_group_new (void);
void       outlay_budgets_group_set_repository (OutlayBudgetsGroup *self,
                                                OutlayRepository   *repository);
void       outlay_budgets_group_refresh (OutlayBudgetsGroup *self,
                                         const GDate        *today);
char      *outlay_budgets_group_describe_status (OutlayBudget             *budget,
                                                 const OutlayBudgetStatus *status);
char      *outlay_budgets_group_speak_status (OutlayBudget             *budget,
                                              const OutlayBudgetStatus *status);

G_END_DECLS
