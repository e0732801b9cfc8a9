/* outlay-damaged-page.h
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

#include "outlay-database.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_DAMAGED_PAGE (outlay_damaged_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayDamagedPage, outlay_damaged_page, OUTLAY, DAMAGED_PAGE, AdwBin)

GtkWidget *outlay_damaged_page_new (OutlayDatabase *database,
                                    const char     *path,
                                    const char     *detail,
                                    guint           keep);
void       outlay_damaged_page_refresh (OutlayDamagedPage *self);
void       outlay_damaged_page_set_detail (OutlayDamagedPage *self,
                                           const char        *detail);
void       outlay_damaged_page_restore (OutlayDamagedPage *self,
                                        const char        *backup);
void       outlay_damaged_page_salvage_to (OutlayDamagedPage *self,
                                           GFile             *destination);

G_END_DECLS
