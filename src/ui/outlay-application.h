/* outlay-application.h
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

#define OUTLAY_TYPE_APPLICATION (outlay_application_get_type ())

G_DECLARE_FINAL_TYPE (OutlayApplication, outlay_application, OUTLAY, APPLICATION, AdwApplication)

OutlayApplication *outlay_application_new (void);
OutlayRepository  *outlay_application_get_repository (OutlayApplication *self);
GSettings         *outlay_application_get_settings (OutlayApplication *self);
char              *outlay_application_dup_currency (OutlayApplication *self);
char              *outlay_application_dup_ledger_currency (OutlayApplication *self);
GtkWindow         *outlay_application_get_main_window (OutlayApplication *self);
GtkWindow         *outlay_application_present_window (OutlayApplication *self,
                                                       guint32            timestamp);

typedef struct _OutlayReminders OutlayReminders;
OutlayReminders   *outlay_application_get_reminders (OutlayApplication *self);

typedef struct _OutlaySyncService OutlaySyncService;
OutlaySyncService *outlay_application_get_sync_service (OutlayApplication *self);

G_END_DECLS
