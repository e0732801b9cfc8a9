/* outlay-database.h
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

G_BEGIN_DECLS

/* The schema this code creates and migrates to. */
#define OUTLAY_SCHEMA_VERSION 9

/* Files up to this size get a whole quick check when they are opened: at
 * about 2 ms a megabyte, it costs the first frame less than 35 ms. Larger
 * ones have their small tables checked at open, and the caller checks the
 * whole file off the main thread (outlay_database_check()). */
#define OUTLAY_DATABASE_QUICK_CHECK_MAX_BYTES (16 * 1024 * 1024)
/* How long a write waits for another program's to finish, by default. */
#define OUTLAY_DATABASE_BUSY_TIMEOUT_MS 5000

#define OUTLAY_DATABASE_ERROR (outlay_database_error_quark ())

typedef enum
{
  OUTLAY_DATABASE_ERROR_FAILED,
  OUTLAY_DATABASE_ERROR_OPEN,
  OUTLAY_DATABASE_ERROR_NOT_A_DATABASE,
  OUTLAY_DATABASE_ERROR_TOO_NEW,
  OUTLAY_DATABASE_ERROR_MIGRATION,
  OUTLAY_DATABASE_ERROR_BACKUP,
  OUTLAY_DATABASE_ERROR_FULL,
  OUTLAY_DATABASE_ERROR_READ_ONLY,
  OUTLAY_DATABASE_ERROR_BUSY,
  OUTLAY_DATABASE_ERROR_CONSTRAINT,
  OUTLAY_DATABASE_ERROR_DAMAGED,
} OutlayDatabaseError;

#define OUTLAY_TYPE_DATABASE (outlay_database_get_type ())

G_DECLARE_FINAL_TYPE (OutlayDatabase, outlay_database, OUTLAY, DATABASE, GObject)

typedef enum
{
  OUTLAY_DATABASE_FLAGS_NONE = 0,
  OUTLAY_DATABASE_FLAGS_READ_ONLY = 1 << 0,
} OutlayDatabaseFlags;

GQuark          outlay_database_error_quark (void);
char           *outlay_database_get_default_path (void);
OutlayDatabase *outlay_database_open (const char *path,
                                      GError    **error);
OutlayDatabase *outlay_database_open_full (const char         *path,
                                           OutlayDatabaseFlags flags,
                                           GError            **error);
gboolean        outlay_database_is_read_only (OutlayDatabase *self);
gboolean        outlay_database_is_damaged (OutlayDatabase *self);
void            outlay_database_mark_damaged (OutlayDatabase *self);
gboolean        outlay_database_check (OutlayDatabase *self,
                                       gboolean        full,
                                       GCancellable   *cancellable,
                                       char         ***problems,
                                       GError        **error);
const char     *outlay_database_get_path (OutlayDatabase *self);
guint           outlay_database_get_schema_version (OutlayDatabase *self);
guint           outlay_database_get_min_writer_version (OutlayDatabase *self);
const char     *outlay_database_get_backup_path (OutlayDatabase *self);
void            outlay_database_set_busy_timeout (OutlayDatabase *self,
                                                  guint           timeout_ms);
guint           outlay_database_get_busy_timeout (OutlayDatabase *self);
gboolean        outlay_database_probe_write (OutlayDatabase *self,
                                             GError        **error);
char           *outlay_database_find_writer (OutlayDatabase *self,
                                             GPid           *pid);
gboolean        outlay_database_backup (OutlayDatabase *self,
                                        const char     *destination,
                                        GError        **error);
gboolean        outlay_database_check_file (const char *path,
                                            GError    **error);
gboolean        outlay_database_restore (OutlayDatabase *self,
                                         const char     *backup,
                                         const char     *safety_backup,
                                         GError        **error);

G_END_DECLS
