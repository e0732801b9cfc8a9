/* outlay-database-private.h
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

#include <sqlite3.h>

#include "outlay-database.h"

G_BEGIN_DECLS

typedef struct
{
  guint version;
  /* The oldest schema version whose code may still write a database that
   * has this step applied. Additive steps keep it where it was. */
  guint       min_writer_version;
  const char *sql;
  gboolean (*apply) (sqlite3 *db,
                     GError **error);
} OutlayMigration;

const OutlayMigration *outlay_migrations_get (guint *n_migrations);
guint                  outlay_migrations_get_n_default_categories (void);

/* What a backup records of itself in its outlay_meta table. */
#define OUTLAY_META_BACKUP_EXPENSES "backup_expenses"
#define OUTLAY_META_BACKUP_VERIFIED "backup_verified_at"

gboolean      outlay_database_backup_full (OutlayDatabase *self,
                                           const char     *destination,
                                           const char     *damaged_destination,
                                           GError        **error);
char         *outlay_database_build_damaged_name (const char *destination);
sqlite3      *outlay_database_get_handle (OutlayDatabase *self);
sqlite3_stmt *outlay_database_prepare (OutlayDatabase *self,
                                       const char     *sql,
                                       GError        **error);
gboolean      outlay_database_exec (OutlayDatabase *self,
                                    const char     *sql,
                                    GError        **error);
gboolean      outlay_database_begin (OutlayDatabase *self,
                                     GError        **error);
gboolean      outlay_database_commit (OutlayDatabase *self,
                                      GError        **error);
void          outlay_database_rollback (OutlayDatabase *self);
void          outlay_database_set_cache_size (OutlayDatabase *self,
                                              guint           kib);
void          outlay_database_propagate_error (OutlayDatabase *self,
                                               GError        **error,
                                               int             rc,
                                               const char     *context);
gboolean      outlay_database_reload (OutlayDatabase *self,
                                      GError        **error);
char         *outlay_database_create_work_folder (OutlayDatabase *self,
                                                  const char     *name_template,
                                                  GError        **error);
void          outlay_database_remove_work_folder (const char *path);
void          outlay_sqlite_set_error (sqlite3    *db,
                                       GError    **error,
                                       int         rc,
                                       const char *context);

/* outlay-sqlite.c: on a raw connection. */
gboolean outlay_sqlite_is_damage (int rc);
gboolean outlay_sqlite_exec (sqlite3    *db,
                             const char *sql,
                             GError    **error);
gboolean outlay_sqlite_query_uint (sqlite3    *db,
                                   const char *sql,
                                   guint      *value,
                                   GError    **error);
gboolean outlay_sqlite_run_check (sqlite3    *db,
                                  const char *sql,
                                  GPtrArray  *problems,
                                  GError    **error);
int      outlay_sqlite_cancel_cb (gpointer cancellable);
gboolean outlay_sqlite_copy (sqlite3    *source,
                             const char *destination,
                             const char *damaged_destination,
                             gboolean    record,
                             GError    **error);
gboolean outlay_sqlite_copy_into (sqlite3    *destination,
                                  const char *source_path,
                                  GError    **error);
gboolean outlay_file_create_parent_directory (const char *path,
                                              GError    **error);
gboolean outlay_file_create_private (const char *path,
                                     GError    **error);
void     outlay_file_remove_copy (const char *path);

/* A write transaction that is rolled back when the guard is freed, unless
 * outlay_transaction_commit() succeeded:
 *
 *   g_autoptr (OutlayTransaction) transaction = outlay_database_begin_transaction (db, error);
 *
 *   if (transaction == NULL || !write (…) || !outlay_transaction_commit (transaction, error))
 *     return FALSE;
 *
 * so that no return path can leave a transaction open. */
typedef struct _OutlayTransaction OutlayTransaction;

OutlayTransaction *outlay_database_begin_transaction (OutlayDatabase *self,
                                                      GError        **error);
gboolean           outlay_transaction_commit (OutlayTransaction *self,
                                              GError           **error);
void               outlay_transaction_free (OutlayTransaction *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayTransaction, outlay_transaction_free)

/* A statement of outlay_database_prepare()'s cache, for one use: declared
 * with g_autoptr (OutlayCachedStatement), it is reset and its bindings
 * cleared when it goes out of scope, so that it keeps no read transaction
 * open and no pointer into memory the caller frees. */
typedef sqlite3_stmt OutlayCachedStatement;

static inline void
outlay_cached_statement_release (OutlayCachedStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayCachedStatement, outlay_cached_statement_release)

G_END_DECLS
