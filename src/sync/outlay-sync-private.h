/* outlay-sync-private.h
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

#include <json-glib/json-glib.h>

#include "outlay-repository-private.h"
#include "outlay-sync-tables.h"
#include "outlay-sync.h"

G_BEGIN_DECLS

#define OUTLAY_SYNC_FOLDER_NAME "Outlay"
#define OUTLAY_SYNC_DEVICE_FILE "device.json"

/* A clock more than this ahead of this device's is held, not applied. */
#define OUTLAY_SYNC_FUTURE_MS (5 * 60 * 1000)
#define OUTLAY_SYNC_HLC_MS(hlc) ((hlc) >> 16)

/* One change as it travels: one line of a segment. */
typedef struct
{
  gint64    hlc;
  char     *table;
  char     *row;
  char     *column;
  JsonNode *value;
} OutlaySyncChange;

void              outlay_sync_change_free (OutlaySyncChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlaySyncChange, outlay_sync_change_free)

/* outlay-sync-segment.c: lines, segments and the device file */
void              outlay_sync_line_append (GString      *out,
                                           gint64        hlc,
                                           const char   *table,
                                           const char   *row,
                                           const char   *column,
                                           sqlite3_stmt *stmt,
                                           int           value_index);
OutlaySyncChange *outlay_sync_line_parse (const char *line,
                                          gsize       length);
char             *outlay_sync_segment_name (guint number);
char             *outlay_sync_folded_name (guint number);
gboolean          outlay_sync_write_file (const char *path,
                                          const char *contents,
                                          gsize       length,
                                          GError    **error);

/* outlay-sync.c: settings (device-local, in outlay_meta) */
gboolean outlay_sync_read_meta (OutlayRepository *repository,
                                const char       *key,
                                char            **value,
                                GError          **error);
gboolean outlay_sync_write_meta (OutlayRepository *repository,
                                 const char       *key,
                                 const char       *value,
                                 GError          **error);
gboolean outlay_sync_write_meta_int (OutlayRepository *repository,
                                     const char       *key,
                                     gint64            value,
                                     GError          **error);

/* outlay-sync-compact.c: folding the segments every device has read */
gboolean outlay_sync_compact (const char *ledger_path,
                              const char *device,
                              gint64     *compacted,
                              gint64     *compacted_lines,
                              gint64      last,
                              GError    **error);
void     outlay_sync_remove_folded (const char *ledger_path,
                                    const char *device,
                                    gint64      compacted);

/* outlay-sync-apply.c: a change of another device into this ledger */
typedef struct
{
  OutlayRepository *repository;
  sqlite3          *db;
  char             *device;     /* this device's id */
  gint64            last_hlc;   /* the greatest clock seen */
  gint64            last_seq;   /* journal entries up to here are accounted for */
  gboolean          joining;    /* the ledger has not joined yet: merge categories by name */
  gint64            now_ms;
  OutlaySyncCounts *counts;
} OutlaySyncApply;

gboolean outlay_sync_apply_change (OutlaySyncApply        *apply,
                                   const char             *device,
                                   const OutlaySyncChange *change,
                                   GError                **error);
gboolean outlay_sync_apply_pending (OutlaySyncApply *apply,
                                    GError         **error);
gboolean outlay_sync_rehome_orphans (OutlaySyncApply *apply,
                                     GError         **error);
gboolean outlay_sync_read_last_seq (OutlaySyncApply *apply,
                                    GError         **error);
gboolean outlay_sync_write_clock (OutlaySyncApply *apply,
                                  const char      *table,
                                  const char      *row,
                                  const char      *column,
                                  gint64           hlc,
                                  const char      *device,
                                  GError         **error);

G_END_DECLS
