/* outlay-sync-service.h
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

#include <gio/gio.h>

#include "outlay-repository.h"
#include "outlay-sync.h"

G_BEGIN_DECLS

/* Why a round is asked for: after this device's changes a round that
 * would send nothing is left out. */
typedef enum
{
  OUTLAY_SYNC_REASON_CHANGES,
  OUTLAY_SYNC_REASON_FOLDER,
  OUTLAY_SYNC_REASON_TIMER,
  OUTLAY_SYNC_REASON_START,
  OUTLAY_SYNC_REASON_MANUAL,
} OutlaySyncReason;

#define OUTLAY_TYPE_SYNC_SERVICE (outlay_sync_service_get_type ())

G_DECLARE_FINAL_TYPE (OutlaySyncService, outlay_sync_service, OUTLAY, SYNC_SERVICE, GObject)

OutlaySyncService *outlay_sync_service_new (OutlayRepository *repository);
void               outlay_sync_service_start (OutlaySyncService *self);
void               outlay_sync_service_request (OutlaySyncService *self,
                                                OutlaySyncReason   reason);
gboolean           outlay_sync_service_setup (OutlaySyncService *self,
                                              const char        *folder,
                                              GError           **error);
gboolean           outlay_sync_service_leave (OutlaySyncService *self,
                                              GError           **error);
gboolean           outlay_sync_service_set_device_name (OutlaySyncService *self,
                                                        const char        *name,
                                                        GError           **error);
OutlaySyncStatus  *outlay_sync_service_dup_status (OutlaySyncService *self,
                                                   GError           **error);
gboolean           outlay_sync_service_get_running (OutlaySyncService *self);
int                outlay_sync_service_get_percent (OutlaySyncService *self);
gboolean           outlay_sync_service_is_busy (OutlaySyncService *self);
const char        *outlay_sync_service_get_error (OutlaySyncService *self);
guint              outlay_sync_service_get_rounds (OutlaySyncService *self);
void               outlay_sync_service_set_delays (OutlaySyncService *self,
                                                   guint              changes_ms,
                                                   guint              folder_ms,
                                                   guint              timer_s);

G_END_DECLS
