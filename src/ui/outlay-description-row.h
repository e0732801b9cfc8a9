/* outlay-description-row.h
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

#define OUTLAY_TYPE_DESCRIPTION_ROW (outlay_description_row_get_type ())

G_DECLARE_FINAL_TYPE (OutlayDescriptionRow, outlay_description_row, OUTLAY, DESCRIPTION_ROW, AdwEntryRow)

OutlayRepository *outlay_description_row_get_repository (OutlayDescriptionRow *self);
void              outlay_description_row_set_repository (OutlayDescriptionRow *self,
                                                         OutlayRepository     *repository);
void              outlay_description_row_update_suggestions (OutlayDescriptionRow *self);
void              outlay_description_row_hide_suggestions (OutlayDescriptionRow *self);

G_END_DECLS
