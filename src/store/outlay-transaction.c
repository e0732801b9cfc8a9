/* outlay-transaction.c
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

#include "config.h"

#include "outlay-database-private.h"

struct _OutlayTransaction
{
  OutlayDatabase *database;
  gboolean        finished; /* committed, or rolled back by a failed commit */
};

/**
 * outlay_database_begin_transaction:
 *
 * Starts a write transaction with `BEGIN IMMEDIATE`: the write lock is
 * taken now, so a file another connection is writing fails here, before
 * anything was read under a lock that could not be upgraded.
 *
 * Returns: (transfer full) (nullable): a guard that rolls the transaction
 *   back when freed unless outlay_transaction_commit() succeeded, or %NULL
 *   with @error set
 */
OutlayTransaction *
outlay_database_begin_transaction (OutlayDatabase *self,
                                   GError        **error)
{
  OutlayTransaction *transaction;

  g_return_val_if_fail (OUTLAY_IS_DATABASE (self), NULL);

  if (!outlay_database_begin (self, error))
    return NULL;

  transaction = g_new0 (OutlayTransaction, 1);
  transaction->database = g_object_ref (self);

  return transaction;
}

/**
 * outlay_transaction_commit:
 *
 * Commits once; a commit that fails has rolled the transaction back.
 *
 * Returns: whether the writes are in the file
 */
gboolean
outlay_transaction_commit (OutlayTransaction *self,
                           GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  self->finished = TRUE;

  return outlay_database_commit (self->database, error);
}

void
outlay_transaction_free (OutlayTransaction *self)
{
  if (self == NULL)
    return;

  if (!self->finished)
    outlay_database_rollback (self->database);

  g_object_unref (self->database);
  g_free (self);
}
