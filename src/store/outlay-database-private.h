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
void          outlay_sqlite_set_error (sqlite3    *db,
                                       GError    **error,
                                       int         rc,
                                       const char *context);

G_END_DECLS
