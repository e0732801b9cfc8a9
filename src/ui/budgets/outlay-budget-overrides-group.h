/* outlay-budget-overrides-group.h
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

#define OUTLAY_TYPE_BUDGET_OVERRIDES_GROUP (outlay_budget_overrides_group_get_type ())

G_DECLARE_FINAL_TYPE (OutlayBudgetOverridesGroup, outlay_budget_overrides_group, OUTLAY, BUDGET_OVERRIDES_GROUP,
                      AdwPreferencesGroup)

GtkWidget  *outlay_budget_overrides_group_new (OutlayRepository *repository);
void        outlay_budget_overrides_group_set_budget (OutlayBudgetOverridesGroup *self,
                                                      OutlayBudget               *budget,
                                                      const GDate                *today);
gboolean    outlay_budget_overrides_group_apply (OutlayBudgetOverridesGroup *self);
GtkWidget  *outlay_budget_overrides_group_get_period_row (OutlayBudgetOverridesGroup *self);
GtkWidget  *outlay_budget_overrides_group_get_amount_row (OutlayBudgetOverridesGroup *self);
const char *outlay_budget_overrides_group_get_error (OutlayBudgetOverridesGroup *self);
guint       outlay_budget_overrides_group_get_n_overrides (OutlayBudgetOverridesGroup *self);
gboolean    outlay_budget_overrides_group_remove (OutlayBudgetOverridesGroup *self,
                                                  guint                       index);

G_END_DECLS
