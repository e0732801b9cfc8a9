/* outlay-sync.h
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

G_BEGIN_DECLS

#define OUTLAY_SYNC_ERROR (outlay_sync_error_quark ())

typedef enum
{
  OUTLAY_SYNC_ERROR_NOT_SET_UP,
  OUTLAY_SYNC_ERROR_FOLDER,
  OUTLAY_SYNC_ERROR_HOLDS_DATABASE,
  OUTLAY_SYNC_ERROR_LEDGER,
  OUTLAY_SYNC_ERROR_NAME,
  OUTLAY_SYNC_ERROR_WRITE,
} OutlaySyncError;

/* What one round did. */
typedef struct
{
  guint written;  /* this device's changes written to the folder */
  guint applied;  /* other devices' changes applied */
  guint skipped;  /* other devices' changes older than what is here */
  guint pending;  /* kept until they can be applied */
  guint held;     /* of them, with a clock from the future */
  guint torn;     /* lines not whole yet, to be read again */
  guint devices;  /* other devices found in the folder */
} OutlaySyncCounts;

typedef struct
{
  char    *id;
  char    *name;
  char    *seen_at; /* when it last wrote to the folder (UTC, ISO 8601), or NULL */
  guint    schema;
  gboolean is_self;
} OutlaySyncDevice;

typedef struct
{
  char      *folder;      /* NULL: not syncing */
  char      *ledger;
  char      *device_id;
  char      *device_name;
  char      *last_sync_at;
  GPtrArray *devices;     /* OutlaySyncDevice, this one first */
  guint      unsent;      /* this device's changes not in the folder yet */
  guint      pending;
  guint      held;
} OutlaySyncStatus;

/* How far a round has read the other devices' changes, from 0 to 1: called
 * in the thread that runs the round. */
typedef void (*OutlaySyncProgressFunc) (double   fraction,
                                        gpointer user_data);

GQuark            outlay_sync_error_quark (void);

gboolean          outlay_sync_setup (OutlayRepository *repository,
                                     const char       *folder,
                                     const char       *name,
                                     const char       *ledger,
                                     GError          **error);
gboolean          outlay_sync_run (OutlayRepository *repository,
                                   OutlaySyncCounts *counts,
                                   GCancellable     *cancellable,
                                   GError          **error);
gboolean          outlay_sync_run_with_progress (OutlayRepository      *repository,
                                                 OutlaySyncCounts      *counts,
                                                 OutlaySyncProgressFunc progress,
                                                 gpointer               user_data,
                                                 GCancellable          *cancellable,
                                                 GError               **error);
gboolean          outlay_sync_leave (OutlayRepository *repository,
                                     GError          **error);
gboolean          outlay_sync_set_device_name (OutlayRepository *repository,
                                               const char       *name,
                                               GError          **error);
OutlaySyncStatus *outlay_sync_get_status (OutlayRepository *repository,
                                          GError          **error);
void              outlay_sync_status_free (OutlaySyncStatus *status);
char             *outlay_sync_default_device_name (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlaySyncStatus, outlay_sync_status_free)

G_END_DECLS
