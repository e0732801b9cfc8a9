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

static OutlayCategory *
category_by_uuid (OutlayRepository *self,
                  const char       *uuid)
{
  GListModel *categories = G_LIST_MODEL (self->categories);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      OutlayCategory *category = g_list_model_get_item (categories, i);

      g_object_unref (category); /* the list holds it */
      if (g_strcmp0 (outlay_category_get_uuid (category), uuid) == 0)
        return category;
    }

  return NULL;
}

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
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                           _("The most a budget carries is zero or more, up to what Outlay can keep."));
      return FALSE;
    }

  for (guint i = 0; categories[i] != NULL; i++)
    if (category_by_uuid (self, categories[i]) == NULL)
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

static OutlayBudget *
read_budget (OutlayRepository *self,
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
  g_autoptr (OutlayBudget) stored = read_budget (self, id, error);

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

  if (!(stored = read_budget (self, outlay_budget_get_id (budget), error)))
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

  if (!outlay_repository_check_writable (self, error) || !(before = read_budget (self, id, error)))
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

  if (!outlay_repository_check_writable (self, error) || !(stored = read_budget (self, id, error)))
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

/* What it spent */

/* The condition on expense_days for the budget's categories: "" for all,
 * else "AND category_id IN (…)" of their ids, which are integers the
 * statement holds as text without a parameter. */
static char *
categories_condition (OutlayRepository *self,
                      OutlayBudget     *budget)
{
  const char *const *uuids = outlay_budget_get_categories (budget);
  GString           *condition;

  if (uuids[0] == NULL)
    return g_strdup ("");

  condition = g_string_new (" AND category_id IN (");
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      OutlayCategory *category = category_by_uuid (self, uuids[i]);

      g_string_append_printf (condition, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                              category != NULL ? outlay_category_get_id (category) : (gint64) -1);
    }
  g_string_append_c (condition, ')');

  return g_string_free (condition, FALSE);
}

/* What each period from @first to @last spent, in @spent (one a period),
 * from the per-day summary. */
static gboolean
read_spent (OutlayRepository  *self,
            OutlayBudget      *budget,
            const OutlayCycle *cycle,
            gint64             first,
            gint64             last,
            gint64            *spent,
            GError           **error)
{
  g_autofree char *condition = categories_condition (self, budget);
  g_autofree char *sql = g_strdup_printf ("SELECT day, sum(total) FROM expense_days "
                                          "WHERE currency = ? AND day >= ? AND day <= ?%s GROUP BY day ORDER BY day",
                                          condition);
  char          from[OUTLAY_DATE_ISO_SIZE], to[OUTLAY_DATE_ISO_SIZE], last_day[OUTLAY_DATE_ISO_SIZE];
  GDate         start, end;
  gint64        k = first;
  sqlite3_stmt *stmt;
  int           rc;

  /* From the first day of @first to the last of @last; @to is the last
   * day of period k as the days are read. */
  outlay_cycle_get_period (cycle, first, &start, &end);
  outlay_date_format_iso_buf (&start, from);
  outlay_date_format_iso_buf (&end, to);
  outlay_cycle_get_period (cycle, last, NULL, &end);
  outlay_date_format_iso_buf (&end, last_day);

  if (!(stmt = outlay_database_prepare (self->database, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, outlay_budget_get_currency (budget), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);

      /* The days come in order: move on to the period that holds this one. */
      while (k < last && strcmp (day, to) > 0)
        {
          k++;
          outlay_cycle_get_period (cycle, k, NULL, &end);
          outlay_date_format_iso_buf (&end, to);
        }
      spent[k - first] += sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read what the budget spent"));
      return FALSE;
    }

  return TRUE;
}

/* The amounts of the periods from @first to @last that an override
 * changes, into @amounts (already the budget's amount each). */
static gboolean
read_overrides (OutlayRepository  *self,
                OutlayBudget      *budget,
                const OutlayCycle *cycle,
                gint64             first,
                gint64             last,
                gint64            *amounts,
                GError           **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (self->database,
                                                "SELECT period_start, amount FROM budget_overrides "
                                                "WHERE budget_uuid = ? AND deleted_at IS NULL",
                                                error);
  int           rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, outlay_budget_get_uuid (budget), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GDate) start = outlay_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0));
      GDate  first_day;
      gint64 k;

      /* Only an override on a period's first day counts. */
      if (start != NULL && outlay_cycle_find (cycle, start, &k) && k >= first && k <= last &&
          outlay_cycle_get_start (cycle, k, &first_day) && g_date_compare (&first_day, start) == 0)
        amounts[k - first] = sqlite3_column_int64 (stmt, 1);
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
read_uncounted (OutlayRepository   *self,
                OutlayBudget       *budget,
                OutlayBudgetStatus *status,
                GError            **error)
{
  g_autofree char *condition = categories_condition (self, budget);
  g_autofree char *sql = g_strdup_printf ("SELECT currency, sum(total), sum(count) FROM expense_days "
                                          "WHERE currency != ? AND day >= ? AND day <= ?%s "
                                          "GROUP BY currency HAVING sum(count) > 0 ORDER BY currency",
                                          condition);
  sqlite3_stmt    *stmt = outlay_database_prepare (self->database, sql, error);
  int              rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, outlay_budget_get_currency (budget), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, status->period_start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, status->period_end, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayCurrencyTotal row = { { 0 } };

      g_strlcpy (row.currency, (const char *) sqlite3_column_text (stmt, 0), sizeof row.currency);
      row.total = sqlite3_column_int64 (stmt, 1);
      row.count = (guint) sqlite3_column_int64 (stmt, 2);
      g_array_append_val (status->uncounted, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read what the budget spent"));
      return FALSE;
    }

  return TRUE;
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
  g_autofree gint64 *spent = NULL;
  g_autofree gint64 *amounts = NULL;
  OutlayCycle        cycle;
  GDate              start, end;
  gint64             k, first = 0, carry = 0;
  gint64             n;
  gint64             elapsed;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_BUDGET (budget), FALSE);
  g_return_val_if_fail (day != NULL && status != NULL, FALSE);

  memset (status, 0, sizeof *status);
  status->uncounted = g_array_new (FALSE, FALSE, sizeof (OutlayCurrencyTotal));

  if (!outlay_budget_get_cycle (budget, &cycle, error))
    return FALSE;

  if (!outlay_cycle_find (&cycle, day, &k))
    k = 0;

  if (outlay_budget_get_rollover (budget) == OUTLAY_ROLLOVER_NONE)
    first = k;
  else if (outlay_budget_get_rollover_from (budget) != NULL)
    {
      g_autoptr (GDate) from = outlay_date_parse_iso (outlay_budget_get_rollover_from (budget));

      if (from == NULL || !outlay_cycle_find (&cycle, from, &first))
        first = 0;
    }
  /* A carry that starts later than the day carries nothing yet. */
  first = MIN (first, k);
  n = k - first + 1;

  spent = g_new0 (gint64, n);
  amounts = g_new (gint64, n);
  for (gint64 i = 0; i < n; i++)
    amounts[i] = outlay_budget_get_amount (budget);

  if (!read_spent (self, budget, &cycle, first, k, spent, error) ||
      !read_overrides (self, budget, &cycle, first, k, amounts, error))
    return FALSE;

  for (gint64 i = 0; i < n - 1; i++)
    carry = carry_out (budget, amounts[i] + carry - spent[i]);

  outlay_cycle_get_period (&cycle, k, &start, &end);
  outlay_date_format_iso_buf (&start, status->period_start);
  outlay_date_format_iso_buf (&end, status->period_end);
  status->amount = amounts[n - 1];
  status->carried = carry;
  status->available = status->amount + carry;
  status->spent = spent[n - 1];
  status->remaining = status->available - status->spent;

  status->days = g_date_days_between (&start, &end) + 1;
  elapsed = (gint64) g_date_days_between (&start, day) + 1;
  status->days_elapsed = (guint) CLAMP (elapsed, 0, (gint64) status->days);
  status->days_left = status->days - status->days_elapsed;
  status->pace_percent = status->days_elapsed * 100 / status->days;
  status->state = state_of (budget, status);

  return read_uncounted (self, budget, status, error);
}
