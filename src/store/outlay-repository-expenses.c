/* outlay-repository-expenses.c
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

#include <glib/gi18n-lib.h>

#include "outlay-repository-private.h"

#define BULK_CACHE_KIB (64 * 1024)
/* Without the indexes the rows are only appended: a small cache does, and
 * was faster than the big one in a 1,000,000-line import (13 s, not 18 s),
 * in less memory. */
#define APPEND_CACHE_KIB (16 * 1024)
#define SQL_SELECT_EXPENSE "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE id = ?"

static OutlayExpense *
fetch_expense (OutlayRepository *self,
               gint64            id,
               GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database, SQL_SELECT_EXPENSE, error);
  OutlayExpense *expense = NULL;
  int            rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    expense = outlay_expense_new_from_statement (stmt);
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                   _("There is no expense with the number %s."), number);
    }
  else
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the expense"));

  return expense;
}

/* Brings the search index up to date with the rows queued by the triggers:
 * ours, inside each write's transaction, and those of an older version,
 * when the file is opened. */
gboolean
outlay_repository_sync_search (OutlayRepository *self,
                               GError          **error)
{
  static const char *const steps[] = {
    /* Rows added since the last sync have no entry yet; skipping them keeps
     * a bulk import from looking up a million missing rows. */
    "DELETE FROM expenses_fts WHERE rowid IN (SELECT id FROM expenses_fts_queue "
    "WHERE id <= (SELECT rowid FROM expenses_fts ORDER BY rowid DESC LIMIT 1))",
    "INSERT INTO expenses_fts (rowid, description, note) "
    "SELECT id, description, note FROM expenses WHERE id IN (SELECT id FROM expenses_fts_queue)",
    "DELETE FROM expenses_fts_queue",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = outlay_database_prepare (self->database, steps[i], error);

      if (stmt == NULL || !outlay_repository_step_done (self, stmt, _("Could not update the search index"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
search_is_stale (OutlayRepository *self)
{
  g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database,
                                                                    "SELECT EXISTS (SELECT 1 FROM expenses_fts_queue)",
                                                                    NULL);
  gboolean stale = FALSE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    stale = sqlite3_column_int (stmt, 0) != 0;

  return stale;
}

/* Catches up with what an older version wrote; a read-only file searches
 * what is indexed. */
gboolean
outlay_repository_catch_up_search (OutlayRepository *self,
                                   GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;

  if (outlay_database_is_read_only (self->database) || !search_is_stale (self))
    return TRUE;

  transaction = outlay_database_begin_transaction (self->database, error);

  return transaction != NULL &&
         outlay_repository_sync_search (self, error) &&
         outlay_transaction_commit (transaction, error);
}

/* The amount charged and its currency, at @column and the one after, or
 * two nulls. */
static void
bind_charged (sqlite3_stmt  *stmt,
              int            column,
              OutlayExpense *expense)
{
  gint64      charged = 0;
  const char *currency = outlay_expense_get_charged (expense, &charged);

  if (currency != NULL)
    sqlite3_bind_int64 (stmt, column, charged);
  else
    sqlite3_bind_null (stmt, column);
  sqlite3_bind_text (stmt, column + 1, currency, -1, SQLITE_STATIC);
}

/* The charge of @expense once more when its amount or currency changed
 * from @before's: the trigger of such a change forgets it, for the sake of
 * older versions. */
static gboolean
keep_charge (OutlayRepository *self,
             OutlayExpense    *before,
             OutlayExpense    *expense,
             GError          **error)
{
  sqlite3_stmt *stmt;

  if (outlay_expense_get_charged (expense, NULL) == NULL ||
      (outlay_expense_get_amount (expense) == outlay_expense_get_amount (before) &&
       g_strcmp0 (outlay_expense_get_currency (expense), outlay_expense_get_currency (before)) == 0))
    return TRUE;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE expenses SET charged_amount = ?, charged_currency = ? WHERE id = ?",
                                        error)))
    return FALSE;
  bind_charged (stmt, 1, expense);
  sqlite3_bind_int64 (stmt, 3, outlay_expense_get_id (expense));
  return outlay_repository_step_done (self, stmt, _("Could not save the expense"), error);
}

#define SQL_INSERT_EXPENSE                                                                                  \
  "INSERT INTO expenses (uuid, amount, currency, description, note, category_id, occurred_on, created_at, " \
  "updated_at, deleted_at, import_hash, rule_uuid, scheduled_on, charged_amount, charged_currency) "         \
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

/* Runs @stmt, SQL_INSERT_EXPENSE, for one draft. A bulk insert runs it a
 * million times, so it copies nothing: the uuid is made on the stack and
 * the description bound trimmed in place.
 *
 * @exact keeps what an imported draft brings besides its values: its
 * timestamps and tombstone (a new expense gets @now, and is live). */
static gboolean
insert_expense (OutlayRepository *self,
                sqlite3_stmt     *stmt,
                OutlayExpense    *draft,
                const char       *now,
                gboolean          exact,
                gint64           *id,
                GError          **error)
{
  const char *created_at = exact ? outlay_expense_get_created_at (draft) : NULL;
  const char *updated_at = exact ? outlay_expense_get_updated_at (draft) : NULL;
  const char *draft_uuid = outlay_expense_get_uuid (draft);
  const char *description;
  gsize       description_length;
  char        uuid[OUTLAY_UUID_SIZE];
  int         rc;

  if (draft_uuid == NULL)
    outlay_uuid_write (uuid);
  description = outlay_repository_strip_span (outlay_expense_get_description (draft), &description_length);

  sqlite3_bind_text (stmt, 1, draft_uuid != NULL ? draft_uuid : uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, outlay_expense_get_amount (draft));
  sqlite3_bind_text (stmt, 3, outlay_expense_get_currency (draft), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, description, (int) description_length, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, outlay_expense_get_note (draft), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, outlay_expense_get_category_id (draft));
  sqlite3_bind_text (stmt, 7, outlay_expense_get_occurred_on (draft), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, created_at != NULL ? created_at : now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, updated_at != NULL ? updated_at : now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, exact ? outlay_expense_get_deleted_at (draft) : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, outlay_expense_get_import_hash (draft), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, outlay_expense_get_rule_uuid (draft), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, outlay_expense_get_scheduled_on (draft), -1, SQLITE_STATIC);
  bind_charged (stmt, 14, draft);

  /* The message is translated only when it is needed. */
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    outlay_database_propagate_error (self->database, error, rc, _("Could not save the expense"));
  sqlite3_reset (stmt);
  /* The uuid on the stack must not outlive this call in the statement. */
  sqlite3_bind_null (stmt, 1);

  if (rc != SQLITE_DONE)
    return FALSE;

  *id = sqlite3_last_insert_rowid (outlay_database_get_handle (self->database));
  return TRUE;
}

/**
 * outlay_repository_add_expense:
 * @draft: the values to store; its id, timestamps and (when unset) uuid are
 *   ignored
 *
 * Returns: (transfer full): the stored expense, or %NULL with @error set
 *   and nothing changed
 */
OutlayExpense *
outlay_repository_add_expense (OutlayRepository *self,
                               OutlayExpense    *draft,
                               GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;
  gint64           id;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!outlay_repository_check_writable (self, error))
    return NULL;
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (draft), NULL);

  if (!outlay_repository_validate_expense (self, draft, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database, SQL_INSERT_EXPENSE, error)) ||
      !insert_expense (self, stmt, draft, now, FALSE, &id, error) ||
      !(stored = fetch_expense (self, id, error)) ||
      !outlay_repository_sync_search (self, error) ||
      !outlay_transaction_commit (transaction, error))
    return NULL;

  outlay_repository_emit_change (self, OUTLAY_CHANGE_ADDED, NULL, stored);

  return g_steal_pointer (&stored);
}

static void
set_triggers_enabled (OutlayRepository *self,
                      gboolean          enabled)
{
  int state = 0;

  sqlite3_db_config (outlay_database_get_handle (self->database),
                     SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled ? 1 : 0, &state);
}

/* What the triggers would have written for the rows @first_id to @last_id,
 * which one transaction has just added (their ids are consecutive). */
static gboolean
add_derived_rows (OutlayRepository *self,
                  gint64            first_id,
                  gint64            last_id,
                  GError          **error)
{
  static const char *const steps[] = {
    OUTLAY_SQL_ADD_EXPENSE_DAYS ("id BETWEEN ? AND ? AND deleted_at IS NULL"),
    "INSERT INTO expenses_fts (rowid, description, note) "
    "SELECT id, description, note FROM expenses WHERE id BETWEEN ? AND ?",
    /* The change journal (outlay-sync-tables.c): a new row each. */
    "INSERT INTO sync_journal (tbl, row_uuid, col, changed_at) "
    "SELECT 'expenses', uuid, '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM expenses WHERE id BETWEEN ? AND ? "
    "ORDER BY id",
  };

  g_assert (first_id <= last_id);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = outlay_database_prepare (self->database, steps[i], error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, first_id);
      sqlite3_bind_int64 (stmt, 2, last_id);
      if (!outlay_repository_step_done (self, stmt, _("Could not save the expenses"), error))
        return FALSE;
    }

  return TRUE;
}

/* Inside an open transaction: the drafts get consecutive ids
 * @first_id…@last_id. */
gboolean
outlay_repository_insert_drafts (OutlayRepository *self,
                                 OutlayExpense   **drafts,
                                 guint             n_drafts,
                                 const char       *now,
                                 gboolean          exact,
                                 gint64           *first_id,
                                 gint64           *last_id,
                                 GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean      ok;

  /* Without a row there would be no ids to derive from. */
  g_assert (n_drafts > 0);

  if (!(stmt = outlay_database_prepare (self->database, SQL_INSERT_EXPENSE, error)))
    return FALSE;

  /* The indexes of a large file do not fit SQLite's default 2 MB cache; a
   * bigger one for the length of an import saves most page reads. And the
   * per-row triggers cost more than the rows themselves: this connection
   * turns them off and writes the same derived data once, set-based. */
  outlay_database_set_cache_size (self->database, self->expense_indexes_off ? APPEND_CACHE_KIB : BULK_CACHE_KIB);
  set_triggers_enabled (self, FALSE);

  ok = insert_expense (self, stmt, drafts[0], now, exact, first_id, error);
  for (guint i = 1; ok && i < n_drafts; i++)
    ok = insert_expense (self, stmt, drafts[i], now, exact, last_id, error);

  if (ok && n_drafts == 1)
    *last_id = *first_id;

  ok = ok && add_derived_rows (self, *first_id, *last_id, error);

  set_triggers_enabled (self, TRUE);
  outlay_database_set_cache_size (self->database, 0);

  return ok && outlay_repository_sync_search (self, error);
}

/* The one number @sql reads from the expenses. */
gboolean
outlay_repository_read_expenses_number (OutlayRepository *self,
                                        const char       *sql,
                                        gint64           *value,
                                        GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Every row, deleted or not: what a bulk insert is weighed against. */
gboolean
outlay_repository_count_expense_rows (OutlayRepository *self,
                                      guint            *n_rows,
                                      GError          **error)
{
  gint64 count = 0;

  if (!outlay_repository_read_expenses_number (self, "SELECT count(*) FROM expenses", &count, error))
    return FALSE;

  *n_rows = (guint) MIN (count, (gint64) G_MAXUINT);
  return TRUE;
}

/* Returns: (transfer full): the statements that create the indexes again,
 * as the schema holds them (whatever data format wrote them). */
GPtrArray *
outlay_repository_take_off_expense_indexes (OutlayRepository *self,
                                            GError          **error)
{
  g_autoptr (GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  stmt = outlay_database_prepare (self->database,
                                  "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                                  "tbl_name = 'expenses' AND sql IS NOT NULL ORDER BY name",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not save the expenses"));
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      char    *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) names->pdata[i]);
      gboolean ok = outlay_database_exec (self->database, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return NULL;
    }

  self->expense_indexes_off = TRUE;
  return g_steal_pointer (&indexes);
}

gboolean
outlay_repository_put_back_expense_indexes (OutlayRepository *self,
                                            GPtrArray        *indexes,
                                            GError          **error)
{
  for (guint i = 0; i < indexes->len; i++)
    if (!outlay_database_exec (self->database, indexes->pdata[i], error))
      return FALSE;

  self->expense_indexes_off = FALSE;
  return TRUE;
}

/**
 * outlay_repository_add_expenses:
 * @drafts: (array length=n_drafts): the expenses to store
 *
 * Stores every draft in one transaction: all of them or, on error, none.
 */
gboolean
outlay_repository_add_expenses (OutlayRepository *self,
                                OutlayExpense   **drafts,
                                guint             n_drafts,
                                GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  gint64           first_id = 0;
  gint64           last_id = 0;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;
  g_return_val_if_fail (drafts != NULL || n_drafts == 0, FALSE);

  for (guint i = 0; i < n_drafts; i++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!outlay_repository_validate_expense (self, drafts[i], &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Expense %u of %u: %s"), i + 1, n_drafts, local_error->message);
          return FALSE;
        }
    }

  if (n_drafts == 0)
    return TRUE;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !outlay_repository_insert_drafts (self, drafts, n_drafts, now, FALSE, &first_id, &last_id, error) ||
      !outlay_transaction_commit (transaction, error))
    return FALSE;

  outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);

  return TRUE;
}

/**
 * outlay_repository_update_expense:
 * @expense: the new values, for the expense with its id
 *
 * Returns: (transfer full): the stored expense, or %NULL with @error set
 *   and nothing changed
 */
OutlayExpense *
outlay_repository_update_expense (OutlayRepository *self,
                                  OutlayExpense    *expense,
                                  GError          **error)
{
  static const char sql[] =
    "UPDATE expenses SET amount = ?, currency = ?, description = ?, note = ?, category_id = ?, "
    "occurred_on = ?, updated_at = ?, charged_amount = ?, charged_currency = ? WHERE id = ? AND deleted_at IS NULL";
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayExpense) before = NULL;
  g_autoptr (OutlayExpense) after = NULL;
  g_autofree char *now = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt    *stmt;
  gint64           id;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!outlay_repository_check_writable (self, error))
    return NULL;
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (expense), NULL);

  if (!outlay_repository_validate_expense (self, expense, error))
    return NULL;

  id = outlay_expense_get_id (expense);
  now = outlay_timestamp_now_utc ();
  description = outlay_repository_strip_text (outlay_expense_get_description (expense));

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(before = fetch_expense (self, id, error)))
    return NULL;

  if (outlay_expense_get_deleted_at (before) != NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The expense was deleted and cannot be changed."));
      return NULL;
    }

  if (!(stmt = outlay_database_prepare (self->database, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, outlay_expense_get_amount (expense));
  sqlite3_bind_text (stmt, 2, outlay_expense_get_currency (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, outlay_expense_get_note (expense), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, outlay_expense_get_category_id (expense));
  sqlite3_bind_text (stmt, 6, outlay_expense_get_occurred_on (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  bind_charged (stmt, 8, expense);
  sqlite3_bind_int64 (stmt, 10, id);

  if (!outlay_repository_step_done (self, stmt, _("Could not save the expense"), error) ||
      !keep_charge (self, before, expense, error) || !(after = fetch_expense (self, id, error)) ||
      !outlay_repository_sync_search (self, error) ||
      !outlay_transaction_commit (transaction, error))
    return NULL;

  outlay_repository_emit_change (self, OUTLAY_CHANGE_UPDATED, before, after);

  return g_steal_pointer (&after);
}

static OutlayExpense *
set_deleted (OutlayRepository *self,
             gint64            id,
             gboolean          deleted,
             GError          **error)
{
  static const char delete_sql[] = "UPDATE expenses SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
  static const char restore_sql[] = "UPDATE expenses SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL";
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayExpense) before = NULL;
  g_autoptr (OutlayExpense) after = NULL;
  g_autofree char *now = outlay_timestamp_now_utc ();
  sqlite3_stmt    *stmt;

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(before = fetch_expense (self, id, error)))
    return NULL;

  if ((outlay_expense_get_deleted_at (before) != NULL) == deleted)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           deleted ? _("The expense is already deleted.")
                                   : _("The expense is not deleted."));
      return NULL;
    }

  if (!(stmt = outlay_database_prepare (self->database, deleted ? delete_sql : restore_sql, error)))
    return NULL;

  if (deleted)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, id);
    }
  else
    sqlite3_bind_int64 (stmt, 1, id);

  if (!outlay_repository_step_done (self, stmt,
                                    deleted ? _("Could not delete the expense") : _("Could not restore the expense"),
                                    error) ||
      !(after = fetch_expense (self, id, error)) || !outlay_transaction_commit (transaction, error))
    return NULL;

  outlay_repository_emit_change (self, deleted ? OUTLAY_CHANGE_REMOVED : OUTLAY_CHANGE_RESTORED, before, after);

  return g_steal_pointer (&after);
}

/**
 * outlay_repository_delete_expense:
 *
 * Deletes softly: the row stays, marked deleted, so that
 * outlay_repository_restore_expense() brings it back exactly.
 *
 * Returns: (transfer full): the deleted expense (with deleted-at set), all
 *   that Undo needs; or %NULL with @error set
 */
OutlayExpense *
outlay_repository_delete_expense (OutlayRepository *self,
                                  gint64            id,
                                  GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!outlay_repository_check_writable (self, error))
    return NULL;

  return set_deleted (self, id, TRUE, error);
}

/**
 * outlay_repository_restore_expense:
 *
 * Returns: (transfer full): the restored expense, as it was before it was
 *   deleted; or %NULL with @error set
 */
OutlayExpense *
outlay_repository_restore_expense (OutlayRepository *self,
                                   gint64            id,
                                   GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!outlay_repository_check_writable (self, error))
    return NULL;

  return set_deleted (self, id, FALSE, error);
}

/**
 * outlay_repository_get_expense:
 *
 * Returns: (transfer full): the expense, deleted or not
 */
OutlayExpense *
outlay_repository_get_expense (OutlayRepository *self,
                               gint64            id,
                               GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return fetch_expense (self, id, error);
}

OutlayExpense *
outlay_repository_get_expense_by_uuid (OutlayRepository *self,
                                       const char       *uuid,
                                       GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  OutlayExpense *expense = NULL;
  int            rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = outlay_database_prepare (self->database,
                                  "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE uuid = ?",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    expense = outlay_expense_new_from_statement (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                 _("There is no expense with the identifier %s."), uuid);
  else
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the expense"));

  return expense;
}

sqlite3_stmt *
outlay_repository_prepare_query (OutlayRepository  *self,
                                 const char        *select,
                                 const OutlayQuery *query,
                                 gboolean           ordered,
                                 const char        *suffix,
                                 OutlayBindings    *bindings,
                                 GError           **error)
{
  g_autoptr (GString) sql = g_string_new (select);
  sqlite3_stmt *stmt;

  if (outlay_query_get_text (query) != NULL && !outlay_repository_catch_up_search (self, error))
    return NULL;

  g_string_append (sql, " FROM expenses WHERE deleted_at IS NULL");
  outlay_query_append_filter (query, sql, bindings);
  if (ordered)
    outlay_query_append_order (query, sql);
  if (suffix != NULL)
    g_string_append (sql, suffix);

  stmt = outlay_database_prepare (self->database, sql->str, error);
  if (stmt != NULL)
    outlay_bindings_apply (bindings, stmt, 1);

  return stmt;
}

/**
 * outlay_repository_find_expenses:
 * @limit: the most to return, or 0 for all
 *
 * Returns: (transfer full) (element-type OutlayExpense): the expenses that
 *   match @query, in its order
 */
GPtrArray *
outlay_repository_find_expenses (OutlayRepository  *self,
                                 const OutlayQuery *query,
                                 guint              offset,
                                 guint              limit,
                                 GError           **error)
{
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  outlay_bindings_init (&bindings);
  stmt = outlay_repository_prepare_query (self, "SELECT " OUTLAY_EXPENSE_COLUMNS, query, TRUE, " LIMIT ? OFFSET ?",
                                          &bindings, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, bindings.kinds->len + 1, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, bindings.kinds->len + 2, offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, outlay_expense_new_from_statement (stmt));

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return NULL;
    }

  return g_steal_pointer (&result);
}

/* Of the matches of a quick search, how many of the last written are
 * put in the order of their days. */
#define RECENT_WINDOW 200

/**
 * outlay_repository_search_recent:
 * @text: words, each matching the start of a word of a description or note
 * @limit: the most to return
 *
 * A search as-you-type outside the window (GNOME Shell's): of the expenses
 * @text matches, the few last written, newest day first. It reads the
 * search index backwards and stops after 200 (deleted ones among them), so
 * that it costs about the same however many match; the window's list
 * sorts them all.
 *
 * Returns: (transfer full) (element-type OutlayExpense): the expenses, or
 *   %NULL with @error set
 */
GPtrArray *
outlay_repository_search_recent (OutlayRepository *self,
                                 const char       *text,
                                 guint             limit,
                                 GError          **error)
{
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autofree char *match = NULL;
  int              rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  match = outlay_query_build_fts_match (text);
  if (*match == '\0')
    return g_steal_pointer (&result);
  if (!outlay_repository_catch_up_search (self, error))
    return NULL;

  stmt = outlay_database_prepare (self->database,
                                  "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM (SELECT rowid AS matched FROM expenses_fts "
                                  "WHERE expenses_fts MATCH ? ORDER BY rowid DESC LIMIT ?) "
                                  "JOIN expenses ON id = matched WHERE deleted_at IS NULL "
                                  "ORDER BY occurred_on DESC, id DESC LIMIT ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, MAX (RECENT_WINDOW, limit));
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, outlay_expense_new_from_statement (stmt));
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* A search that matches many expenses, in an order one of the expenses'
 * indexes has (by date, amount or description), walks that index and
 * keeps the rows the search index found. At 1,000,000 expenses the walk
 * costs about 100 ms whatever the word, and its first page is known after
 * a few hundred rows: "c" shows its first rows after 40 ms and all 195,000
 * after 150 ms.
 * Sorting the matches instead (the plain query) looks each one up, about
 * 2.7 µs a match, before the first is known: 240 ms for "c". That stays
 * the way for rarer words, other orders and filters an index does not
 * hold, and a ledger whose ids are too sparse for a bitmap. */
#define WALK_SHARE 32                             /* walk when one expense in 32 matches */
#define WALK_MAX_ID (G_GINT64_CONSTANT (1) << 26) /* a bitmap of at most 8 MB */

/* Whether @query keeps rows by more than its text: what the description's
 * index does not hold. */
static gboolean
has_filters (const OutlayQuery *query)
{
  return query->categories->len > 0 || query->date_from != NULL || query->date_to != NULL ||
         outlay_query_has_amount_range (query);
}

static const char *
walkable_index (const OutlayQuery *query)
{
  if (query->text == NULL || query->categories->len > 0)
    return NULL;

  switch (query->sort)
    {
    case OUTLAY_SORT_DATE:
      return outlay_query_has_amount_range (query) ? NULL : "expenses_by_date";
    case OUTLAY_SORT_AMOUNT:
      return query->date_from != NULL || query->date_to != NULL ? NULL : "expenses_by_amount";
    case OUTLAY_SORT_DESCRIPTION:
      return has_filters (query) ? NULL : "expenses_by_description";
    default:
      return NULL;
    }
}

/* Marks the rows that match @query's text in @bits (ids up to @max_id). */
static gboolean
read_matches (OutlayRepository  *self,
              const OutlayQuery *query,
              guint8            *bits,
              gint64             max_id,
              guint             *n_matches,
              GError           **error)
{
  g_autofree char *match = outlay_query_build_fts_match (query->text);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  stmt = outlay_database_prepare (self->database, "SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);

  *n_matches = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id > 0 && id <= max_id)
        {
          bits[id >> 3] |= 1u << (id & 7);
          (*n_matches)++;
        }
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }

  return TRUE;
}

/* Reads the ids of @stmt's first column into @ids, keeping only those in
 * @bits (ids 1 to @max_id) when it is given, and hands the first @n_first
 * to @first. */
static gboolean
read_ids (OutlayRepository *self,
          sqlite3_stmt     *stmt,
          const guint8     *bits,
          gint64            max_id,
          GArray           *ids,
          guint             n_first,
          OutlayIdsFunc     first,
          gpointer          user_data,
          GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      /* Each statement reads the file as it is when it starts: a row
       * written since the search index was read is not in the bitmap (the
       * write reads the list again anyway). */
      if (bits != NULL && (id <= 0 || id > max_id || (bits[id >> 3] & (1u << (id & 7))) == 0))
        continue;

      g_array_append_val (ids, id);
      if (ids->len == n_first && first != NULL)
        first (ids, user_data);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }

  return TRUE;
}

/* The ids of a search that matches many rows, by walking @index; %FALSE
 * with no error set when the walk would not pay. */
static gboolean
walk_index (OutlayRepository  *self,
            const OutlayQuery *query,
            const char        *index,
            GArray            *ids,
            guint              n_first,
            OutlayIdsFunc      first,
            gpointer           user_data,
            GError           **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autoptr (OutlayQuery) rest = outlay_query_copy (query);
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (GString) sql = NULL;
  g_autofree guint8 *bits = NULL;
  gint64             max_id = 0;
  guint              n_matches;

  if (!outlay_repository_catch_up_search (self, error))
    return FALSE;

  stmt = outlay_database_prepare (self->database, "SELECT max(id) FROM expenses", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, outlay_cached_statement_release);
  if (max_id <= 0 || max_id > WALK_MAX_ID)
    return FALSE;

  bits = g_malloc0 ((gsize) (max_id >> 3) + 1);
  if (!read_matches (self, query, bits, max_id, &n_matches, error))
    return FALSE;
  if (n_matches == 0)
    return TRUE;
  if ((gint64) n_matches * WALK_SHARE < max_id)
    return FALSE;

  /* The index holds the other conditions (walkable_index()). */
  outlay_query_set_text (rest, NULL);
  sql = g_string_new (NULL);
  g_string_printf (sql, "SELECT id FROM expenses INDEXED BY %s WHERE deleted_at IS NULL", index);
  outlay_bindings_init (&bindings);
  outlay_query_append_filter (rest, sql, &bindings);
  outlay_query_append_order (rest, sql);

  stmt = outlay_database_prepare (self->database, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  outlay_bindings_apply (&bindings, stmt, 1);

  return read_ids (self, stmt, bits, max_id, ids, n_first, first, user_data, error);
}

/* Hands the first @n_first ids of @query to @first, when there are as
 * many. */
static gboolean
read_first_sorted (OutlayRepository  *self,
                   const OutlayQuery *query,
                   guint              n_first,
                   OutlayIdsFunc      first,
                   gpointer           user_data,
                   GError           **error)
{
  g_autoptr (GArray) page = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_first);
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;

  outlay_bindings_init (&bindings);
  stmt = outlay_repository_prepare_query (self, "SELECT id", query, TRUE, " LIMIT ?", &bindings, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, bindings.kinds->len + 1, n_first);

  if (!read_ids (self, stmt, NULL, 0, page, 0, NULL, NULL, error))
    return FALSE;
  if (page->len == n_first)
    first (page, user_data);

  return TRUE;
}

/**
 * outlay_repository_find_expense_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the expenses
 *   that match @query, in its order
 */
GArray *
outlay_repository_find_expense_ids (OutlayRepository  *self,
                                    const OutlayQuery *query,
                                    GError           **error)
{
  return outlay_repository_find_expense_ids_first (self, query, 0, NULL, NULL, error);
}

/**
 * outlay_repository_find_expense_ids_first:
 * @n_first: how many ids @first wants
 * @first: (scope call) (nullable): called with the first @n_first ids (in
 *   the array that is being filled) as soon as they are known, when that
 *   is before the whole list is; not called when there are fewer
 *
 * Like outlay_repository_find_expense_ids(), for a list that can show its
 * first rows while the rest is read.
 *
 * Returns: (transfer full) (element-type gint64): the ids of the expenses
 *   that match @query, in its order
 */
GArray *
outlay_repository_find_expense_ids_first (OutlayRepository  *self,
                                          const OutlayQuery *query,
                                          guint              n_first,
                                          OutlayIdsFunc      first,
                                          gpointer           user_data,
                                          GError           **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *index;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  index = walkable_index (query);
  if (index != NULL)
    {
      if (walk_index (self, query, index, ids, n_first, first, user_data, &local_error))
        return g_steal_pointer (&ids);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  /* Filtered by what the description's index does not hold, SQLite may
   * sort every row before it knows the first (at 1,000,000 expenses
   * 900 ms): the first page alone is a bounded sort in one pass. */
  if (first != NULL && n_first > 0 && query->sort == OUTLAY_SORT_DESCRIPTION && has_filters (query))
    {
      if (!read_first_sorted (self, query, n_first, first, user_data, error))
        return NULL;
      first = NULL;
    }

  outlay_bindings_init (&bindings);
  stmt = outlay_repository_prepare_query (self, "SELECT id", query, TRUE, NULL, &bindings, error);
  if (stmt == NULL || !read_ids (self, stmt, NULL, 0, ids, n_first, first, user_data, error))
    return NULL;

  return g_steal_pointer (&ids);
}

gboolean
outlay_repository_count_expenses (OutlayRepository  *self,
                                  const OutlayQuery *query,
                                  guint             *count,
                                  GError           **error)
{
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  outlay_bindings_init (&bindings);
  stmt = outlay_repository_prepare_query (self, "SELECT count(*)", query, FALSE, NULL, &bindings, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = (guint) sqlite3_column_int64 (stmt, 0);

  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not count the expenses"));
      return FALSE;
    }

  return TRUE;
}

/**
 * outlay_repository_foreach_expense:
 * @query: (nullable): which expenses, in its order; %NULL for all, by date
 * @include_deleted: with no @query, the deleted expenses too
 *
 * Calls @func for one expense after the other without holding them all:
 * what an export of a million expenses needs. Stops at the first error.
 */
gboolean
outlay_repository_foreach_expense (OutlayRepository  *self,
                                   const OutlayQuery *query,
                                   gboolean           include_deleted,
                                   OutlayExpenseFunc  func,
                                   gpointer           user_data,
                                   GError           **error)
{
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  gboolean ok = TRUE;
  int      rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  outlay_bindings_init (&bindings);
  if (query != NULL)
    stmt = outlay_repository_prepare_query (self, "SELECT " OUTLAY_EXPENSE_COLUMNS, query, TRUE, "", &bindings, error);
  else if (include_deleted)
    stmt = outlay_database_prepare (self->database,
                                    "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses ORDER BY occurred_on, id",
                                    error);
  else
    stmt = outlay_database_prepare (self->database,
                                    "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses "
                                    "WHERE deleted_at IS NULL ORDER BY occurred_on, id",
                                    error);
  if (stmt == NULL)
    return FALSE;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (OutlayExpense) expense = outlay_expense_new_from_statement (stmt);

      ok = func (expense, user_data, error);
    }

  if (ok && rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }

  return ok;
}
