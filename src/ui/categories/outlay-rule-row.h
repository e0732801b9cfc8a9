/* outlay-rule-row.h
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

#include "outlay-reorder-row.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_RULE_ROW (outlay_rule_row_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRuleRow, outlay_rule_row, OUTLAY, RULE_ROW, OutlayReorderRow)

GtkWidget          *outlay_rule_row_new (void);
void                outlay_rule_row_set_rule (OutlayRuleRow      *self,
                                              OutlayRepository   *repository,
                                              OutlayCategoryRule *rule,
                                              guint               index,
                                              gboolean            last);
OutlayCategoryRule *outlay_rule_row_get_rule (OutlayRuleRow *self);
const char         *outlay_rule_row_get_title (OutlayRuleRow *self);
const char         *outlay_rule_row_get_subtitle (OutlayRuleRow *self);
GtkWidget          *outlay_rule_row_get_menu_button (OutlayRuleRow *self);

char *outlay_rule_describe_condition (OutlayCategoryRule *rule);
char *outlay_rule_describe_outcome (OutlayRepository   *repository,
                                    OutlayCategoryRule *rule);

G_END_DECLS
