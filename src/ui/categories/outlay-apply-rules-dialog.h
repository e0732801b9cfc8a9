/* outlay-apply-rules-dialog.h
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

#include "outlay-reader.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_APPLY_RULES_DIALOG (outlay_apply_rules_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayApplyRulesDialog, outlay_apply_rules_dialog, OUTLAY, APPLY_RULES_DIALOG, AdwWindow)

OutlayApplyRulesDialog *outlay_apply_rules_dialog_new (GtkWindow        *parent,
                                                       OutlayRepository *repository,
                                                       OutlayReader     *reader);
void                    outlay_apply_rules_dialog_set_all (OutlayApplyRulesDialog *self,
                                                           gboolean                all);
void                    outlay_apply_rules_dialog_preview (OutlayApplyRulesDialog *self);
OutlayRulesPlan        *outlay_apply_rules_dialog_get_plan (OutlayApplyRulesDialog *self);
gboolean                outlay_apply_rules_dialog_is_planning (OutlayApplyRulesDialog *self);
gboolean                outlay_apply_rules_dialog_is_applying (OutlayApplyRulesDialog *self);
const char             *outlay_apply_rules_dialog_get_summary (OutlayApplyRulesDialog *self);
void                    outlay_apply_rules_dialog_apply (OutlayApplyRulesDialog *self);

G_END_DECLS
