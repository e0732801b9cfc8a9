/* outlay-import-refunds-group.h
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

#include "outlay-import-plan.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_IMPORT_REFUNDS_GROUP (outlay_import_refunds_group_get_type ())

G_DECLARE_FINAL_TYPE (OutlayImportRefundsGroup, outlay_import_refunds_group, OUTLAY, IMPORT_REFUNDS_GROUP,
                      AdwPreferencesGroup)

/* Which of a statement's incoming lines the import takes as refunds. */
typedef enum
{
  OUTLAY_IMPORT_REFUNDS_NONE,
  OUTLAY_IMPORT_REFUNDS_ALL,
  OUTLAY_IMPORT_REFUNDS_PICKED,
} OutlayImportRefunds;

void                outlay_import_refunds_group_set_plan (OutlayImportRefundsGroup *self,
                                                          OutlayImportPlan         *plan,
                                                          OutlayRepository         *repository);
OutlayImportRefunds outlay_import_refunds_group_get_choice (OutlayImportRefundsGroup *self);
void                outlay_import_refunds_group_set_choice (OutlayImportRefundsGroup *self,
                                                            OutlayImportRefunds       choice);

G_END_DECLS
