/* outlay-sync-page.h
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

#include "outlay-sync-service.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_SYNC_PAGE (outlay_sync_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlaySyncPage, outlay_sync_page, OUTLAY, SYNC_PAGE, AdwPreferencesPage)

GtkWidget *outlay_sync_page_new (OutlaySyncService *service);
gboolean   outlay_sync_page_choose_folder (OutlaySyncPage *self,
                                           GFile          *folder);
char      *outlay_sync_page_format_ago (const char *timestamp,
                                        GDateTime  *now);

G_END_DECLS
