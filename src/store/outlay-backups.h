/* outlay-backups.h
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

#include "outlay-database.h"

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_BACKUP_REASON_MANUAL,
  OUTLAY_BACKUP_REASON_DAILY,
  OUTLAY_BACKUP_REASON_MIGRATION,
  OUTLAY_BACKUP_REASON_IMPORT,
  OUTLAY_BACKUP_REASON_RESTORE, /* the state saved before a restore */
} OutlayBackupReason;

typedef enum
{
  OUTLAY_BACKUP_STATE_UNVERIFIED, /* made before backups were checked */
  OUTLAY_BACKUP_STATE_VERIFIED,   /* passed the integrity check when made */
  OUTLAY_BACKUP_STATE_DAMAGED,    /* failed it: a damaged file, kept apart */
} OutlayBackupState;

typedef struct
{
  char              *path;
  GDateTime         *created;
  goffset            size;
  OutlayBackupReason reason;
  OutlayBackupState  state;
  guint              schema_version; /* 0 when it could not be read */
  guint              expenses;       /* recorded when verified */
} OutlayBackupInfo;

void        outlay_backup_info_free (OutlayBackupInfo *info);
const char *outlay_backup_reason_to_string (OutlayBackupReason reason);
const char *outlay_backup_reason_get_label (OutlayBackupReason reason);
const char *outlay_backup_state_to_string (OutlayBackupState state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayBackupInfo, outlay_backup_info_free)

#define OUTLAY_TYPE_BACKUPS (outlay_backups_get_type ())

G_DECLARE_FINAL_TYPE (OutlayBackups, outlay_backups, OUTLAY, BACKUPS, GObject)

OutlayBackups    *outlay_backups_new (OutlayDatabase *database);
OutlayBackups    *outlay_backups_new_for_path (const char *database_path);
char             *outlay_backups_get_folder (OutlayBackups *self);
char             *outlay_backups_build_path (OutlayBackups *self,
                                             const char    *folder);
char             *outlay_backups_create (OutlayBackups     *self,
                                         OutlayBackupReason reason,
                                         GError           **error);
GPtrArray        *outlay_backups_list (OutlayBackups *self,
                                       GError       **error);
OutlayBackupInfo *outlay_backups_find_newest_good (OutlayBackups *self,
                                                   GError       **error);
gboolean          outlay_backups_prune (OutlayBackups *self,
                                        guint          keep,
                                        GError       **error);
gboolean          outlay_backups_ensure_daily (OutlayBackups *self,
                                               guint          keep,
                                               gboolean      *made,
                                               GError       **error);
gboolean          outlay_backups_restore (OutlayBackups *self,
                                          const char    *backup,
                                          char         **safety_backup,
                                          GError       **error);

void     outlay_backups_ensure_daily_async (OutlayBackups      *self,
                                            guint               keep,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean outlay_backups_ensure_daily_finish (OutlayBackups *self,
                                             GAsyncResult  *result,
                                             gboolean      *made,
                                             GError       **error);
void     outlay_backups_create_async (OutlayBackups      *self,
                                      OutlayBackupReason  reason,
                                      guint               keep,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
char    *outlay_backups_create_finish (OutlayBackups *self,
                                       GAsyncResult  *result,
                                       GError       **error);
void     outlay_backups_restore_async (OutlayBackups      *self,
                                       const char         *backup,
                                       guint               keep,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
gboolean outlay_backups_restore_finish (OutlayBackups *self,
                                        GAsyncResult  *result,
                                        char         **safety_backup,
                                        GError       **error);
void     outlay_backups_save_copy_async (OutlayBackups      *self,
                                         GFile              *destination,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gboolean outlay_backups_save_copy_finish (OutlayBackups *self,
                                          GAsyncResult  *result,
                                          GError       **error);

gboolean outlay_backups_replace_damaged (OutlayBackups *self,
                                         const char    *backup,
                                         char         **damaged_copy,
                                         GError       **error);

G_END_DECLS
