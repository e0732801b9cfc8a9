/* outlay-repository-budgets.c
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

/* Budgets: their rows, and what each has spent. A budget is a handful of
 * rows; what it spent comes from the per-day summary (expense_days), so it
 * costs the days of its periods, never the expenses. What it carries into
 * a period is folded over the periods before, from the summary, every time
 * it is asked: an expense added, changed or deleted in a past period moves
 * every later period's carry. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-money.h"
#include "outlay-repository-private.h"
#include "outlay-uuid.h"

#define BUDGET_NAME_MAX_LENGTH 100
#define MAX_ALERT_PERCENT 1000

static const char *const state_names[] = { "watching", "on_track", "ahead_of_pace", "fully_used", "over" };

const char *
outlay_budget_state_to_string (OutlayBudgetState state)
{
  g_return_val_if_fail (state <= OUTLAY_BUDGET_OVER, NULL);

  return state_names[state];
}

void
outlay_budget_status_clear (OutlayBudgetStatus *status)
{
  g_clear_pointer (&status->uncounted, g_array_unref);
}

/* Reading */

/**
 * outlay_repository_list_budgets:
 * @archived_too: with the archived ones
 *
 * Returns: (transfer container) (element-type OutlayBudget): the budgets
 *   that are not deleted, in their order
 */
GPtrArray *
outlay_repository_list_budgets (OutlayRepository *self,
                                gboolean          archived_too,
                                GError          **error)
{
  g_autoptr (GPtrArray) budgets = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  stmt = outlay_database_prepare (self->database,
                                  "SELECT " OUTLAY_BUDGET_COLUMNS " FROM budgets "
                                  "WHERE deleted_at IS NULL AND (? OR archived_at IS NULL) ORDER BY position, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, archived_too);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (budgets, outlay_budget_new_from_statement (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the budgets"));
      return NULL;
    }

  return g_steal_pointer (&budgets);
}

/**
 * outlay_repository_find_budget:
 * @name_or_uuid: its name, in any case, or its uuid
 *
 * Returns: (transfer full): the budget, archived or not, or %NULL with
 *   %OUTLAY_REPOSITORY_ERROR_NOT_FOUND
 */
OutlayBudget *
outlay_repository_find_budget (OutlayRepository *self,
                               const char       *name_or_uuid,
                               GError          **error)
{
  g_autoptr (GPtrArray) budgets = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (name_or_uuid != NULL, NULL);

  if (!(budgets = outlay_repository_list_budgets (self, TRUE, error)))
    return NULL;

  folded = g_utf8_casefold (name_or_uuid, -1);
  for (guint i = 0; i < budgets->len; i++)
    {
      OutlayBudget    *budget = g_ptr_array_index (budgets, i);
      g_autofree char *name = g_utf8_casefold (outlay_budget_get_name (budget), -1);

      if (g_str_equal (name, folded) || g_strcmp0 (outlay_budget_get_uuid (budget), name_or_uuid) == 0)
        return g_object_ref (budget);
    }

  g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
               _("There is no budget “%s”."), name_or_uuid);
  return NULL;
}

/* Checks */

static gboolean
name_taken (OutlayRepository *self,
            OutlayBudget     *budget,
            const char       *name,
            GError          **error)
{
  g_autoptr (GPtrArray) budgets = outlay_repository_list_budgets (self, TRUE, error);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  if (budgets == NULL)
    return TRUE;

  for (guint i = 0; i < budgets->len; i++)
    {
      OutlayBudget    *other = g_ptr_array_index (budgets, i);
      g_autofree char *other_name = g_utf8_casefold (outlay_budget_get_name (other), -1);

      if (outlay_budget_get_id (other) != outlay_budget_get_id (budget) && g_str_equal (other_name, folded))
        {
          g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                       _("There is already a budget named “%s”."), outlay_budget_get_name (other));
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * outlay_repository_validate_budget:
 *
 * What the store would refuse of @budget, with a message that names the
 * field: an empty or taken name, an amount out of range, an unknown
 * currency or category, a period that cannot be, a threshold out of range.
 */
gboolean
outlay_repository_validate_budget (OutlayRepository *self,
                                   OutlayBudget     *budget,
                                   GError          **error)
{
  const char *const *categories = outlay_budget_get_categories (budget);
  GArray            *alerts = outlay_budget_get_alerts (budget);
  g_autofree char   *name = outlay_repository_strip_text (outlay_budget_get_name (budget));
  g_autoptr (GError) cycle_error = NULL;
  OutlayCycle cycle;
  gint64      cap = outlay_budget_get_rollover_cap (budget);

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_BUDGET (budget), FALSE);

  switch (outlay_repository_check_text (name, BUDGET_NAME_MAX_LENGTH, TRUE))
    {
    case OUTLAY_TEXT_OK:
      break;
    case OUTLAY_TEXT_EMPTY:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                           _("The budget’s name is empty."));
      return FALSE;
    case OUTLAY_TEXT_TOO_LONG:
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                   _("The budget’s name is longer than %u characters."), (guint) BUDGET_NAME_MAX_LENGTH);
      return FALSE;
    case OUTLAY_TEXT_INVALID:
    default:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                           _("The budget’s name holds characters that are not text."));
      return FALSE;
    }

  /* A deleted budget (restored from a file) names nothing any more. */
  if (outlay_budget_get_deleted_at (budget) == NULL && name_taken (self, budget, name, error))
    return FALSE;

  if (outlay_budget_get_amount (budget) < 0 || outlay_budget_get_amount (budget) > OUTLAY_MONEY_MAX)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                           _("A budget’s amount is zero (to watch only) or more, up to what Outlay can keep."));
      return FALSE;
    }

  if (!outlay_currency_is_valid (outlay_budget_get_currency (budget)))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY,
                   _("The currency “%s” is not a known ISO 4217 code."), outlay_budget_get_currency (budget));
      return FALSE;
    }

  if (!outlay_budget_get_cycle (budget, &cycle, &cycle_error))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
                           cycle_error->message);
      return FALSE;
    }

  if (outlay_budget_get_rollover_from (budget) != NULL &&
      !outlay_date_is_valid (outlay_budget_get_rollover_from (budget)))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
                   _("The carry cannot start on “%s”: that is not a day."), outlay_budget_get_rollover_from (budget));
      return FALSE;
    }

  if (cap < -1 || cap > OUTLAY_MONEY_MAX)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CAP,
                           _("The most a budget carries is zero or more, up to what Outlay can keep."));
      return FALSE;
    }

  for (guint i = 0; categories[i] != NULL; i++)
    if (outlay_repository_lookup_category_by_uuid (self, categories[i]) == NULL)
      {
        g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY,
                     _("The budget counts a category that does not exist (%s)."), categories[i]);
        return FALSE;
      }

  for (guint i = 0; i < alerts->len; i++)
    {
      guint percent = g_array_index (alerts, guint, i);

      if (percent < 1 || percent > MAX_ALERT_PERCENT)
        {
          g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_ALERT,
                       _("An alert is at 1 %% to %u %% of the budget, not at %u %%."), MAX_ALERT_PERCENT, percent);
          return FALSE;
        }
    }

  return TRUE;
}

/* Writing */

static void
bind_budget (sqlite3_stmt *stmt,
             OutlayBudget *budget,
             const char   *name)
{
  g_autofree char *categories = outlay_budget_dup_categories_text (budget);
  g_autofree char *alerts = outlay_budget_dup_alerts_text (budget);

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, outlay_budget_get_amount (budget));
  sqlite3_bind_text (stmt, 3, outlay_budget_get_currency (budget), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, outlay_cycle_unit_to_string (outlay_budget_get_period (budget)), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, (int) outlay_budget_get_every (budget));
  sqlite3_bind_text (stmt, 6, outlay_budget_get_anchor (budget), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, outlay_budget_get_range_end (budget), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, categories, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, outlay_rollover_to_string (outlay_budget_get_rollover (budget)), -1, SQLITE_STATIC);
  if (outlay_budget_get_rollover_cap (budget) < 0)
    sqlite3_bind_null (stmt, 10);
  else
    sqlite3_bind_int64 (stmt, 10, outlay_budget_get_rollover_cap (budget));
  sqlite3_bind_text (stmt, 11, outlay_budget_get_rollover_from (budget), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, alerts, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, outlay_budget_get_archived_at (budget), -1, SQLITE_TRANSIENT);
}

/* The budget of @id, deleted or not. */
OutlayBudget *
outlay_repository_read_budget (OutlayRepository *self,
                               gint64            id,
                               GError          **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (self->database,
                                                "SELECT " OUTLAY_BUDGET_COLUMNS " FROM budgets WHERE id = ?", error);
  OutlayBudget *budget = NULL;
  int           rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    budget = outlay_budget_new_from_statement (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                         _("The budget does not exist."));
  else if (rc != SQLITE_ROW)
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the budgets"));

  return budget;
}

/* Commits, reads the budget back and says the budgets changed. */
static OutlayBudget *
finish_budget_write (OutlayRepository  *self,
                     OutlayTransaction *transaction,
                     gint64             id,
                     GError           **error)
{
  g_autoptr (OutlayBudget) stored = outlay_repository_read_budget (self, id, error);

  if (stored == NULL || !outlay_transaction_commit (transaction, error))
    return NULL;

  outlay_repository_emit_budgets_changed (self);
  return g_steal_pointer (&stored);
}

/* Checks and inserts @draft, in the transaction the caller holds. */
gboolean
outlay_repository_insert_budget (OutlayRepository *self,
                                 OutlayBudget     *draft,
                                 const char       *now,
                                 gint64           *id,
                                 GError          **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt    *stmt;
  const char      *created_at;

  if (!outlay_repository_validate_budget (self, draft, error))
    return FALSE;

  uuid = outlay_budget_get_uuid (draft) != NULL ? g_strdup (outlay_budget_get_uuid (draft)) : outlay_uuid_new ();
  name = outlay_repository_strip_text (outlay_budget_get_name (draft));
  created_at = outlay_budget_get_created_at (draft) != NULL ? outlay_budget_get_created_at (draft) : now;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "INSERT INTO budgets (name, amount, currency, period, every, anchor, "
                                        "range_end, categories, rollover, rollover_cap, rollover_from, alerts, "
                                        "archived_at, uuid, position, created_at, updated_at, deleted_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                        "(SELECT coalesce(max(position), -1) + 1 FROM budgets), ?, ?, ?)",
                                        error)))
    return FALSE;

  bind_budget (stmt, draft, name);
  sqlite3_bind_text (stmt, 14, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, outlay_budget_get_updated_at (draft) != NULL ? outlay_budget_get_updated_at (draft)
                                                                             : created_at,
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 17, outlay_budget_get_deleted_at (draft), -1, SQLITE_TRANSIENT);

  if (!outlay_repository_step_done (self, stmt, _("Could not save the budget"), error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (outlay_database_get_handle (self->database));
  return TRUE;
}

/**
 * outlay_repository_add_budget:
 * @draft: what to add; a uuid and timestamps it brings (a restored file)
 *   are kept
 *
 * Adds the budget at the end of the list.
 *
 * Returns: (transfer full): the budget as stored
 */
OutlayBudget *
outlay_repository_add_budget (OutlayRepository *self,
                              OutlayBudget     *draft,
                              GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  gint64           id = 0;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_BUDGET (draft), NULL);

  if (!outlay_repository_check_writable (self, error) || !outlay_repository_validate_budget (self, draft, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !outlay_repository_insert_budget (self, draft, now, &id, error))
    return NULL;

  return finish_budget_write (self, transaction, id, error);
}

/**
 * outlay_repository_update_budget:
 *
 * Writes every field of @budget (but its identity, position and
 * timestamps) over the stored one.
 *
 * Returns: (transfer full): the budget as stored
 */
OutlayBudget *
outlay_repository_update_budget (OutlayRepository *self,
                                 OutlayBudget     *budget,
                                 GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayBudget) stored = NULL;
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_BUDGET (budget), NULL);

  if (!outlay_repository_check_writable (self, error) || !outlay_repository_validate_budget (self, budget, error))
    return NULL;

  if (!(stored = outlay_repository_read_budget (self, outlay_budget_get_id (budget), error)))
    return NULL;
  if (outlay_budget_get_deleted_at (stored) != NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The budget was deleted."));
      return NULL;
    }

  now = outlay_timestamp_now_utc ();
  name = outlay_repository_strip_text (outlay_budget_get_name (budget));
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE budgets SET name = ?, amount = ?, currency = ?, period = ?, "
                                        "every = ?, anchor = ?, range_end = ?, categories = ?, rollover = ?, "
                                        "rollover_cap = ?, rollover_from = ?, alerts = ?, archived_at = ?, "
                                        "updated_at = ? WHERE id = ?",
                                        error)))
    return NULL;

  bind_budget (stmt, budget, name);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 15, outlay_budget_get_id (budget));

  if (!outlay_repository_step_done (self, stmt, _("Could not save the budget"), error))
    return NULL;

  return finish_budget_write (self, transaction, outlay_budget_get_id (budget), error);
}

/**
 * outlay_repository_delete_budget:
 *
 * Deletes softly: the row stays, for Undo and a later sync.
 *
 * Returns: (transfer full): the budget as it was before
 */
OutlayBudget *
outlay_repository_delete_budget (OutlayRepository *self,
                                 gint64            id,
                                 GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayBudget) before = NULL;
  g_autoptr (OutlayBudget) after = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!outlay_repository_check_writable (self, error) || !(before = outlay_repository_read_budget (self, id, error)))
    return NULL;
  if (outlay_budget_get_deleted_at (before) != NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The budget was deleted already."));
      return NULL;
    }

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE budgets SET deleted_at = ?, updated_at = ? WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!outlay_repository_step_done (self, stmt, _("Could not delete the budget"), error) ||
      !(after = finish_budget_write (self, transaction, id, error)))
    return NULL;

  return g_steal_pointer (&before);
}

/**
 * outlay_repository_archive_budget:
 * @archived: %TRUE to archive it, %FALSE to bring it back among the others
 *
 * An archived budget keeps its rows and its history, but leaves the list
 * of the budgets in use. Archiving one that is archived already keeps the
 * day it was archived.
 *
 * Returns: (transfer full): the budget as stored
 */
OutlayBudget *
outlay_repository_archive_budget (OutlayRepository *self,
                                  gint64            id,
                                  gboolean          archived,
                                  GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayBudget) stored = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!outlay_repository_check_writable (self, error) || !(stored = outlay_repository_read_budget (self, id, error)))
    return NULL;
  if (outlay_budget_get_deleted_at (stored) != NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The budget was deleted."));
      return NULL;
    }
  if ((outlay_budget_get_archived_at (stored) != NULL) == !!archived)
    return g_steal_pointer (&stored);

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE budgets SET archived_at = ?, updated_at = ? WHERE id = ?", error)))
    return NULL;

  if (archived)
    sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!outlay_repository_step_done (self, stmt, _("Could not save the budget"), error))
    return NULL;

  return finish_budget_write (self, transaction, id, error);
}

/**
 * outlay_repository_restore_budget:
 *
 * Brings back a budget that was deleted, as it was: the Undo of
 * outlay_repository_delete_budget(). Its name must still be free.
 *
 * Returns: (transfer full): the budget as stored
 */
OutlayBudget *
outlay_repository_restore_budget (OutlayRepository *self,
                                  gint64            id,
                                  GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayBudget) check = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!outlay_repository_check_writable (self, error) || !(stored = outlay_repository_read_budget (self, id, error)))
    return NULL;
  if (outlay_budget_get_deleted_at (stored) == NULL)
    return g_steal_pointer (&stored);

  /* Checked as it will be: not deleted, so another of its name counts. */
  check = outlay_budget_copy (stored);
  outlay_budget_set_timestamps (check, outlay_budget_get_created_at (stored), outlay_budget_get_updated_at (stored),
                                NULL);
  if (!outlay_repository_validate_budget (self, check, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE budgets SET deleted_at = NULL, updated_at = ? WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!outlay_repository_step_done (self, stmt, _("Could not restore the budget"), error))
    return NULL;

  return finish_budget_write (self, transaction, id, error);
}

/**
 * outlay_repository_move_budget:
 * @position: the new index among the budgets in use (archived ones not
 *   counted)
 *
 * Moves a budget within the list; the others keep their order.
 */
gboolean
outlay_repository_move_budget (OutlayRepository *self,
                               gint64            id,
                               guint             position,
                               GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = outlay_timestamp_now_utc ();
  sqlite3_stmt    *stmt;
  gboolean         found = FALSE;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error) ||
      !(budgets = outlay_repository_list_budgets (self, FALSE, error)))
    return FALSE;

  for (guint i = 0; i < budgets->len; i++)
    {
      gint64 other = outlay_budget_get_id (g_ptr_array_index (budgets, i));

      if (other == id)
        found = TRUE;
      else
        g_array_append_val (order, other);
    }
  if (!found)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The budget does not exist, or it is archived."));
      return FALSE;
    }
  if (position >= budgets->len)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION,
                   _("The position must be between 1 and %u."), budgets->len);
      return FALSE;
    }
  g_array_insert_val (order, position, id);

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE budgets SET position = ?, updated_at = ? "
                                        "WHERE id = ? AND position IS NOT ?",
                                        error)))
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (order, gint64, i));
      sqlite3_bind_int (stmt, 4, (int) i);
      if (!outlay_repository_step_done (self, stmt, _("Could not move the budget"), error))
        return FALSE;
    }

  if (!outlay_transaction_commit (transaction, error))
    return FALSE;
  outlay_repository_emit_budgets_changed (self);
  return TRUE;
}

/* The live categories a budget of @uuids counts: those, and the ones under
 * them, so that a budget of "Food" counts "Food › Restaurants", one added
 * later too. */
static GArray *
counted_category_ids (OutlayRepository  *self,
                      const char *const *uuids)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      OutlayCategory *category = outlay_repository_lookup_category_by_uuid (self, uuids[i]);

      if (category != NULL)
        {
          gint64 id = outlay_category_get_id (category);

          g_array_append_val (ids, id);
        }
    }

  return outlay_repository_expand_category_ids (self, (const gint64 *) (gpointer) ids->data, ids->len);
}

/**
 * outlay_repository_get_unbudgeted:
 * @currency: the currency of the totals
 * @from: (nullable): the first day, as "YYYY-MM-DD"
 * @to: (nullable): the last day
 *
 * What no budget in use counts: the spending in @currency between @from
 * and @to of each category that none of its budgets in @currency counts.
 * A budget of all expenses counts every category, which leaves nothing
 * unbudgeted.
 *
 * Returns: (transfer full) (element-type OutlayCategoryTotal): the spending
 *   of each such category that has any, largest first
 */
GArray *
outlay_repository_get_unbudgeted (OutlayRepository *self,
                                  const char       *currency,
                                  const char       *from,
                                  const char       *to,
                                  GError          **error)
{
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GArray) counted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) totals = NULL;
  g_autoptr (GArray) unbudgeted = g_array_new (FALSE, FALSE, sizeof (OutlayCategoryTotal));

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  if (!(budgets = outlay_repository_list_budgets (self, FALSE, error)))
    return NULL;

  for (guint i = 0; i < budgets->len; i++)
    {
      const char *const *uuids = outlay_budget_get_categories (g_ptr_array_index (budgets, i));

      /* A budget counts its own currency only. */
      if (g_strcmp0 (outlay_budget_get_currency (g_ptr_array_index (budgets, i)), currency) != 0)
        continue;
      if (uuids[0] == NULL)
        return g_steal_pointer (&unbudgeted);

      {
        g_autoptr (GArray) ids = counted_category_ids (self, uuids);

        g_array_append_vals (counted, ids->data, ids->len);
      }
    }

  if (!(totals = outlay_repository_totals_by_category (self, currency, from, to, error)))
    return NULL;

  for (guint i = 0; i < totals->len; i++)
    {
      OutlayCategoryTotal *row = &g_array_index (totals, OutlayCategoryTotal, i);
      gboolean             is_counted = FALSE;

      for (guint j = 0; !is_counted && j < counted->len; j++)
        is_counted = g_array_index (counted, gint64, j) == row->category_id;
      if (!is_counted)
        g_array_append_val (unbudgeted, *row);
    }

  return g_steal_pointer (&unbudgeted);
}

/* What they spent
 *
 * The budgets of the Dashboard are worked out together, in one pass over
 * the per-day summary from the first day any of them folds from: every
 * row is a day, a category and a currency, and each budget takes the rows
 * of its categories into the period that holds the day (the days come in
 * order, so each budget only moves forward through its periods). */

typedef struct
{
  OutlayBudget *budget;
  OutlayCycle   cycle;
  gint64        first; /* the first period folded */
  gint64        carry_first; /* the first period whose money carries */
  gint64        last;  /* the period asked for */
  gint64        k;     /* the period the rows read now fall in */
  /* Days as Julian day numbers, compared as numbers row after row. */
  guint32       from;    /* the first day of period first */
  guint32       to;      /* the last day of period k */
  guint32       current; /* the first day of period last */
  guint32       until;   /* the last day of period last */
  char          current_text[OUTLAY_DATE_ISO_SIZE];
  char          until_text[OUTLAY_DATE_ISO_SIZE];
  gboolean      all;
  GArray       *category_ids; /* of gint64, sorted */
  gint64       *spent;        /* one a period, first…last */
  gint64       *amounts;
  GArray       *uncounted; /* of OutlayCurrencyTotal */
  GArray       *foreign;   /* of OutlayBudgetForeign: to convert once the rates are read */
  gboolean      invalid;   /* it could not be worked out */
} Fold;



static void
fold_clear (Fold *fold)
{
  g_clear_pointer (&fold->category_ids, g_array_unref);
  g_clear_pointer (&fold->spent, g_free);
  g_clear_pointer (&fold->amounts, g_free);
  g_clear_pointer (&fold->uncounted, g_array_unref);
  g_clear_pointer (&fold->foreign, g_array_unref);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
fold_counts (const Fold *fold,
             gint64      category_id)
{
  if (fold->all)
    return TRUE;

  return bsearch (&category_id, fold->category_ids->data, fold->category_ids->len, sizeof (gint64), compare_ids) !=
         NULL;
}

/* The amounts of the periods from @first to @last that an override
 * changes, into @fold's amounts (already the budget's amount each). */
static gboolean
read_overrides (OutlayRepository *self,
                Fold             *fold,
                GError          **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (self->database,
                                                "SELECT period_start, amount FROM budget_overrides "
                                                "WHERE budget_uuid = ? AND deleted_at IS NULL",
                                                error);
  int           rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, outlay_budget_get_uuid (fold->budget), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GDate) start = outlay_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0));
      GDate  first_day;
      gint64 k;

      /* Only an override on a period's first day counts. */
      if (start != NULL && outlay_cycle_find (&fold->cycle, start, &k) && k >= fold->first && k <= fold->last &&
          outlay_cycle_get_start (&fold->cycle, k, &first_day) && g_date_compare (&first_day, start) == 0)
        fold->amounts[k - fold->first] = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the budgets"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
fold_init (OutlayRepository *self,
           Fold             *fold,
           OutlayBudget     *budget,
           const GDate      *day,
           guint             n_history,
           GError          **error)
{
  const char *const *uuids = outlay_budget_get_categories (budget);
  GDate              start, end;
  gint64             n;

  memset (fold, 0, sizeof *fold);
  fold->budget = budget;
  fold->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fold->uncounted = g_array_new (FALSE, FALSE, sizeof (OutlayCurrencyTotal));
  fold->foreign = g_array_new (FALSE, FALSE, sizeof (OutlayBudgetForeign));

  if (!outlay_budget_get_cycle (budget, &fold->cycle, error))
    return FALSE;

  if (!outlay_cycle_find (&fold->cycle, day, &fold->last))
    fold->last = 0;

  if (outlay_budget_get_rollover (budget) == OUTLAY_ROLLOVER_NONE)
    fold->first = fold->last;
  else if (outlay_budget_get_rollover_from (budget) != NULL)
    {
      g_autoptr (GDate) from = outlay_date_parse_iso (outlay_budget_get_rollover_from (budget));

      if (from == NULL || !outlay_cycle_find (&fold->cycle, from, &fold->first))
        fold->first = 0;
    }
  /* No period before the first one had any money to carry, not even into
   * a period before the first. */
  if (fold->first < 0)
    fold->first = 0;
  /* A carry that starts later than the day carries nothing yet. */
  fold->first = MIN (fold->first, fold->last);
  fold->carry_first = fold->first;
  /* The periods to show, before the anchor too (what was spent then);
   * a range has only the one. */
  if (n_history > 1 && fold->cycle.unit != OUTLAY_CYCLE_RANGE)
    fold->first = MIN (fold->first, fold->last - (gint64) n_history + 1);
  fold->k = fold->first;

  n = fold->last - fold->first + 1;
  fold->spent = g_new0 (gint64, n);
  fold->amounts = g_new (gint64, n);
  for (gint64 i = 0; i < n; i++)
    fold->amounts[i] = outlay_budget_get_amount (budget);

  /* Periods that would begin before 1900 or after 2999. */
  if (!outlay_cycle_get_period (&fold->cycle, fold->first, &start, &end) ||
      !outlay_cycle_get_period (&fold->cycle, fold->last, NULL, NULL))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
                           _("The budget’s period falls outside the years 1900 to 2999."));
      return FALSE;
    }
  fold->from = g_date_get_julian (&start);
  fold->to = g_date_get_julian (&end);
  outlay_cycle_get_period (&fold->cycle, fold->last, &start, &end);
  fold->current = g_date_get_julian (&start);
  fold->until = g_date_get_julian (&end);
  outlay_date_format_iso_buf (&start, fold->current_text);
  outlay_date_format_iso_buf (&end, fold->until_text);

  fold->all = uuids[0] == NULL;
  g_clear_pointer (&fold->category_ids, g_array_unref);
  fold->category_ids = counted_category_ids (self, uuids);
  g_array_sort (fold->category_ids, compare_ids);

  return TRUE;
}

/* "YYYY-MM-DD", which the summary holds valid, as a Julian day number,
 * without the parsing of a GDate: a row is read for every budget. */
static guint32
julian_of (const char *day)
{
  guint year = (guint) ((day[0] - '0') * 1000 + (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0'));
  guint month = (guint) ((day[5] - '0') * 10 + (day[6] - '0'));
  guint dom = (guint) ((day[8] - '0') * 10 + (day[9] - '0'));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) dom, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* One row of the per-day summary, for one budget. */
static void
fold_row (Fold       *fold,
          guint32     day,
          gint64      category_id,
          const char *currency,
          gint64      total,
          guint       count)
{
  if (day < fold->from || day > fold->until || !fold_counts (fold, category_id))
    return;

  /* The days come in order: move on to the period that holds this one. */
  while (fold->k < fold->last && day > fold->to)
    {
      GDate end;

      fold->k++;
      outlay_cycle_get_period (&fold->cycle, fold->k, NULL, &end);
      fold->to = g_date_get_julian (&end);
    }

  /* Another currency counts at the rate of its day, once the rates are
   * read (outlay-repository-budget-rates.c). */
  if (strcmp (currency, outlay_budget_get_currency (fold->budget)) != 0)
    {
      OutlayBudgetForeign foreign = { fold->k - fold->first, day, category_id, { 0 }, total, count, 0, 0, 0 };

      g_strlcpy (foreign.currency, currency, sizeof foreign.currency);
      g_array_append_val (fold->foreign, foreign);
      return;
    }
  fold->spent[fold->k - fold->first] += total;
}

static gint64
carry_out (OutlayBudget *budget,
           gint64        left)
{
  gint64 cap = outlay_budget_get_rollover_cap (budget);
  gint64 carry;

  switch (outlay_budget_get_rollover (budget))
    {
    case OUTLAY_ROLLOVER_SURPLUS:
      carry = MAX (left, 0);
      break;
    case OUTLAY_ROLLOVER_BOTH:
      carry = left;
      break;
    case OUTLAY_ROLLOVER_NONE:
    default:
      return 0;
    }

  return cap >= 0 ? CLAMP (carry, -cap, cap) : carry;
}

static OutlayBudgetState
state_of (OutlayBudget             *budget,
          const OutlayBudgetStatus *status)
{
  if (outlay_budget_get_amount (budget) == 0)
    return OUTLAY_BUDGET_WATCHING;
  if (status->spent > status->available)
    return OUTLAY_BUDGET_OVER;
  if (status->spent == status->available)
    return OUTLAY_BUDGET_FULLY_USED;
  /* Faster than time: a greater share of the money than of the days. */
  if ((double) status->spent * status->days > (double) status->available * status->days_elapsed)
    return OUTLAY_BUDGET_AHEAD_OF_PACE;
  return OUTLAY_BUDGET_ON_TRACK;
}

/* The carry folded over the periods before the one asked for, and that
 * period as @status says it. */
static void
fold_finish (Fold               *fold,
             const GDate        *day,
             OutlayBudgetStatus *status)
{
  gint64 n = fold->last - fold->first + 1;
  gint64 carry = 0;
  gint64 elapsed;
  GDate  start, end;

  for (gint64 i = 0; i < n - 1; i++)
    if (fold->first + i >= fold->carry_first)
      carry = carry_out (fold->budget, fold->amounts[i] + carry - fold->spent[i]);

  memset (status, 0, sizeof *status);
  outlay_cycle_get_period (&fold->cycle, fold->last, &start, &end);
  g_strlcpy (status->period_start, fold->current_text, sizeof status->period_start);
  g_strlcpy (status->period_end, fold->until_text, sizeof status->period_end);
  status->amount = fold->amounts[n - 1];
  status->carried = carry;
  status->available = status->amount + carry;
  status->spent = fold->spent[n - 1];
  status->remaining = status->available - status->spent;

  status->days = g_date_days_between (&start, &end) + 1;
  elapsed = (gint64) g_date_days_between (&start, day) + 1;
  status->days_elapsed = (guint) CLAMP (elapsed, 0, (gint64) status->days);
  status->ended = elapsed > (gint64) status->days;
  status->days_left = status->days - status->days_elapsed;
  status->pace_percent = status->days_elapsed * 100 / status->days;
  status->state = state_of (fold->budget, status);
  status->uncounted = g_steal_pointer (&fold->uncounted);
}

/* Folds @budgets over the per-day summary, each from its first period
 * (and @n_history periods back at least): @folds has one a budget, and
 * those that cannot be worked out are marked invalid. */
static gboolean
run_folds (OutlayRepository *self,
           Fold             *folds,
           GPtrArray        *budgets,
           const GDate      *day,
           guint             n_history,
           GError          **error)
{
  g_autoptr (GArray) charges = NULL;
  guint32       from = G_MAXUINT32;
  guint32       until = 0;
  char          from_text[OUTLAY_DATE_ISO_SIZE];
  char          until_text[OUTLAY_DATE_ISO_SIZE];
  GDate         date;
  sqlite3_stmt *stmt;
  int           rc;

  for (guint i = 0; i < budgets->len; i++)
    {
      g_autoptr (GError) local_error = NULL;

      /* One budget that cannot be read (a damaged row) hides no other. */
      if (!fold_init (self, &folds[i], g_ptr_array_index (budgets, i), day, n_history, &local_error))
        {
          g_warning ("The budget “%s” cannot be worked out: %s",
                     outlay_budget_get_name (g_ptr_array_index (budgets, i)), local_error->message);
          folds[i].invalid = TRUE;
          continue;
        }
      /* A read that fails is not the budget's fault: it fails the whole. */
      if (!read_overrides (self, &folds[i], error))
        return FALSE;
      from = MIN (from, folds[i].from);
      until = MAX (until, folds[i].until);
    }

  if (from > until)
    return TRUE;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "SELECT day, category_id, currency, total, count FROM expense_days "
                                        "WHERE day >= ? AND day <= ? ORDER BY day",
                                        error)))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, from);
  outlay_date_format_iso_buf (&date, from_text);
  g_date_set_julian (&date, until);
  outlay_date_format_iso_buf (&date, until_text);
  sqlite3_bind_text (stmt, 1, from_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, until_text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32     row_day = julian_of ((const char *) sqlite3_column_text (stmt, 0));
      gint64      category_id = sqlite3_column_int64 (stmt, 1);
      const char *currency = (const char *) sqlite3_column_text (stmt, 2);
      gint64      total = sqlite3_column_int64 (stmt, 3);
      guint       count = (guint) sqlite3_column_int64 (stmt, 4);

      for (guint i = 0; i < budgets->len; i++)
        if (!folds[i].invalid)
          fold_row (&folds[i], row_day, category_id, currency, total, count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read what the budget spent"));
      return FALSE;
    }

  /* What a card charged in the budget's currency counts as charged: only
   * spending in other currencies has charges to look for. */
  for (guint i = 0; i < budgets->len && charges == NULL; i++)
    if (!folds[i].invalid && folds[i].foreign->len > 0 &&
        !(charges = outlay_repository_read_budget_charges (self, from_text, until_text, error)))
      return FALSE;
  for (guint i = 0; charges != NULL && i < budgets->len; i++)
    if (!folds[i].invalid)
      outlay_budget_foreign_add_charges (folds[i].foreign, charges, outlay_budget_get_currency (folds[i].budget));

  for (guint i = 0; i < budgets->len; i++)
    if (!folds[i].invalid &&
        !outlay_repository_convert_budget_spending (self, outlay_budget_get_currency (folds[i].budget),
                                                    folds[i].foreign, folds[i].spent, folds[i].current,
                                                    folds[i].uncounted, error))
      return FALSE;

  return TRUE;
}

/**
 * outlay_repository_get_budget_statuses:
 * @budgets: (element-type OutlayBudget): the budgets
 * @day: the day whose periods are wanted, usually today
 *
 * outlay_repository_get_budget_status() of each of @budgets, in one read
 * of the per-day summary: what the Dashboard shows.
 *
 * Returns: (transfer full) (element-type OutlayBudgetStatus): one status a
 *   budget, in their order, cleared with the array; %NULL with @error set
 */
GArray *
outlay_repository_get_budget_statuses (OutlayRepository *self,
                                       GPtrArray        *budgets,
                                       const GDate      *day,
                                       GError          **error)
{
  g_autoptr (GArray) statuses = NULL;
  g_autofree Fold *folds = NULL;
  gboolean         ok;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (budgets != NULL && day != NULL, NULL);

  statuses = g_array_sized_new (FALSE, TRUE, sizeof (OutlayBudgetStatus), budgets->len);
  g_array_set_clear_func (statuses, (GDestroyNotify) outlay_budget_status_clear);
  folds = g_new0 (Fold, MAX (budgets->len, 1));

  ok = run_folds (self, folds, budgets, day, 1, error);

  for (guint i = 0; i < budgets->len; i++)
    {
      if (ok && folds[i].invalid)
        {
          OutlayBudgetStatus status = { { 0 } };

          /* No period: said by an empty period_start. */
          status.state = OUTLAY_BUDGET_WATCHING;
          status.uncounted = g_array_new (FALSE, FALSE, sizeof (OutlayCurrencyTotal));
          g_array_append_val (statuses, status);
        }
      else if (ok)
        {
          OutlayBudgetStatus status;

          fold_finish (&folds[i], day, &status);
          g_array_append_val (statuses, status);
        }
      fold_clear (&folds[i]);
    }

  return ok ? g_steal_pointer (&statuses) : NULL;
}

/**
 * outlay_repository_get_budget_history:
 * @day: the day whose period is the last, usually today
 * @n_periods: how many periods, the last included
 *
 * What @budget had (its amount and what it carried) and spent in each of
 * the @n_periods periods up to the one @day falls in, oldest first: the
 * Budgets page's chart. Periods before the budget's anchor count what was
 * spent then against its amount; a budget of one range has one period.
 *
 * Returns: (transfer full) (element-type OutlayBudgetPeriod): the periods,
 *   or %NULL with @error set
 */
GArray *
outlay_repository_get_budget_history (OutlayRepository *self,
                                      OutlayBudget     *budget,
                                      const GDate      *day,
                                      guint             n_periods,
                                      GError          **error)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_autoptr (GArray) periods = g_array_new (FALSE, TRUE, sizeof (OutlayBudgetPeriod));
  Fold     fold = { 0 };
  gint64   carry = 0;
  gint64   n;
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_BUDGET (budget), NULL);
  g_return_val_if_fail (day != NULL && n_periods > 0, NULL);

  g_ptr_array_add (one, budget);
  ok = run_folds (self, &fold, one, day, n_periods, error);
  if (ok && fold.invalid)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
                           _("The budget’s periods cannot be worked out: its anchor, its range or its repetition is "
                             "not valid."));
      ok = FALSE;
    }

  n = fold.last - fold.first + 1;
  for (gint64 i = 0; ok && i < n; i++)
    {
      gint64 k = fold.first + i;

      if (k > fold.last - (gint64) n_periods)
        {
          OutlayBudgetPeriod period = { { 0 } };
          GDate              start, end;

          outlay_cycle_get_period (&fold.cycle, k, &start, &end);
          outlay_date_format_iso_buf (&start, period.period_start);
          outlay_date_format_iso_buf (&end, period.period_end);
          period.amount = fold.amounts[i];
          period.carried = carry;
          period.available = period.amount + carry;
          period.spent = fold.spent[i];
          g_array_append_val (periods, period);
        }
      if (k >= fold.carry_first)
        carry = carry_out (budget, fold.amounts[i] + carry - fold.spent[i]);
    }
  fold_clear (&fold);

  return ok ? g_steal_pointer (&periods) : NULL;
}

/**
 * outlay_repository_get_budget_status:
 * @day: the day whose period is wanted, usually today; for a budget of one
 *   range of days, the range whatever the day
 * @status: (out caller-allocates): clear it with outlay_budget_status_clear()
 *
 * What @budget has and has spent in the period @day falls in: its amount,
 * what it carries from the periods before (folded from the first period,
 * or from the period of its rollover's start), what it spent, how far the
 * period is, and its state. Expenses in other currencies are not counted;
 * @status says how many there are, each currency apart.
 */
gboolean
outlay_repository_get_budget_status (OutlayRepository   *self,
                                     OutlayBudget       *budget,
                                     const GDate        *day,
                                     OutlayBudgetStatus *status,
                                     GError            **error)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_autoptr (GArray) statuses = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_BUDGET (budget), FALSE);
  g_return_val_if_fail (day != NULL && status != NULL, FALSE);

  memset (status, 0, sizeof *status);
  g_ptr_array_add (one, budget);
  if (!(statuses = outlay_repository_get_budget_statuses (self, one, day, error)))
    {
      status->uncounted = g_array_new (FALSE, FALSE, sizeof (OutlayCurrencyTotal));
      return FALSE;
    }

  /* The array's clear function would free it: take it out whole. */
  *status = g_array_index (statuses, OutlayBudgetStatus, 0);
  g_array_index (statuses, OutlayBudgetStatus, 0).uncounted = NULL;
  if (status->period_start[0] == '\0')
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
                           _("The budget’s periods cannot be worked out: its anchor, its range or its repetition is "
                             "not valid."));
      return FALSE;
    }
  return TRUE;
}

/* Alerts */

void
outlay_budget_alert_free (OutlayBudgetAlert *alert)
{
  if (alert == NULL)
    return;

  g_clear_object (&alert->budget);
  outlay_budget_status_clear (&alert->status);
  g_free (alert);
}

/**
 * outlay_repository_take_budget_alerts:
 * @day: the day whose periods to look at, usually today
 *
 * The thresholds (outlay_budget_get_alerts()) that budgets have reached in
 * the period @day falls in and that were not told yet, each remembered in
 * the ledger as told, so that it is told once a period whatever edits
 * take the spending back below it and above it again. A budget that only
 * watches has none. One transaction; nothing is remembered when it fails.
 *
 * Returns: (transfer full) (element-type OutlayBudgetAlert): the alerts
 *   to tell, the highest threshold of each budget only, in the budgets'
 *   order; %NULL with @error set
 */
GPtrArray *
outlay_repository_take_budget_alerts (OutlayRepository *self,
                                      const GDate      *day,
                                      GError          **error)
{
  g_autoptr (GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_budget_alert_free);
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GArray) statuses = NULL;
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  if (!(budgets = outlay_repository_list_budgets (self, FALSE, error)))
    return NULL;
  if (budgets->len == 0 || outlay_database_is_read_only (self->database) ||
      outlay_database_is_damaged (self->database))
    return g_steal_pointer (&alerts);
  if (!(statuses = outlay_repository_get_budget_statuses (self, budgets, day, error)))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "INSERT INTO budget_alerts (uuid, budget_uuid, period_start, threshold, "
                                        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (budget_uuid, period_start, threshold) DO NOTHING",
                                        error)))
    return NULL;

  for (guint i = 0; i < budgets->len; i++)
    {
      OutlayBudget       *budget = g_ptr_array_index (budgets, i);
      OutlayBudgetStatus *status = &g_array_index (statuses, OutlayBudgetStatus, i);
      GArray             *thresholds = outlay_budget_get_alerts (budget);
      guint               highest = 0;

      if (status->state == OUTLAY_BUDGET_WATCHING || status->available <= 0)
        continue;

      for (guint t = 0; t < thresholds->len; t++)
        {
          guint            percent = g_array_index (thresholds, guint, t);
          g_autofree char *uuid = NULL;

          /* Reached: spent × 100 ≥ available × percent, without rounding. */
          if ((double) status->spent * 100 < (double) status->available * percent)
            continue;

          uuid = outlay_uuid_new ();
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, outlay_budget_get_uuid (budget), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, status->period_start, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 4, (int) percent);
          sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
          if (!outlay_repository_step_done (self, stmt, _("Could not remember the budget’s alert"), error))
            return NULL;
          if (sqlite3_changes (outlay_database_get_handle (self->database)) > 0)
            highest = MAX (highest, percent);
        }

      if (highest > 0)
        {
          OutlayBudgetAlert *alert = g_new0 (OutlayBudgetAlert, 1);

          alert->budget = g_object_ref (budget);
          alert->threshold = highest;
          alert->status = *status;
          status->uncounted = NULL;
          g_ptr_array_add (alerts, alert);
        }
    }

  if (!outlay_transaction_commit (transaction, error))
    return NULL;

  return g_steal_pointer (&alerts);
}
