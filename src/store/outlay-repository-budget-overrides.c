/* outlay-repository-budget-overrides.c
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


/* A budget's amount for one period that differs from its usual one:
 * "December: 600". Stored by the first day of the period, one a period;
 * removing one deletes it softly, like every row, for a later sync. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-money.h"
#include "outlay-repository-private.h"
#include "outlay-uuid.h"

/* The first day of the period of @budget that @day falls in. */
static gboolean
period_of (OutlayBudget *budget,
           const char   *day,
           char          start_text[OUTLAY_DATE_ISO_SIZE],
           GError      **error)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (day);
  OutlayCycle cycle;
  GDate       start;
  gint64      k;

  if (!outlay_budget_get_cycle (budget, &cycle, error))
    return FALSE;

  if (date == NULL)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DATE,
                   _("“%s” is not a day: write it as YYYY-MM-DD."), day != NULL ? day : "");
      return FALSE;
    }
  if (cycle.unit == OUTLAY_CYCLE_RANGE)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
                           _("A budget for one range of days has one amount: change the budget’s amount instead."));
      return FALSE;
    }
  if (!outlay_cycle_find (&cycle, date, &k) || !outlay_cycle_get_start (&cycle, k, &start))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
                   _("The budget has no period on %s."), day);
      return FALSE;
    }

  outlay_date_format_iso_buf (&start, start_text);
  return TRUE;
}

/**
 * outlay_repository_set_budget_override:
 * @id: the budget's id
 * @day: a day of the period, as "YYYY-MM-DD"
 * @amount: the period's amount in minor units, or -1 to go back to the
 *   budget's usual amount
 * @period_start: (out) (optional): the first day of the period, which is
 *   what the override is kept by
 *
 * Gives the period @day falls in another amount than the budget's, or
 * takes that away.
 */
gboolean
outlay_repository_set_budget_override (OutlayRepository *self,
                                       gint64            id,
                                       const char       *day,
                                       gint64            amount,
                                       char            **period_start,
                                       GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayBudget) budget = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  char             start[OUTLAY_DATE_ISO_SIZE];
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error) || !(budget = outlay_repository_read_budget (self, id, error)))
    return FALSE;
  if (outlay_budget_get_deleted_at (budget) != NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The budget was deleted."));
      return FALSE;
    }
  if (amount < -1 || amount > OUTLAY_MONEY_MAX)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                           _("A period’s amount is zero or more, up to what Outlay can keep."));
      return FALSE;
    }
  if (!period_of (budget, day, start, error))
    return FALSE;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)))
    return FALSE;

  /* The one there goes, softly; a new amount is a new row. */
  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE budget_overrides SET deleted_at = ?, updated_at = ? "
                                        "WHERE budget_uuid = ? AND period_start = ? AND deleted_at IS NULL",
                                        error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, outlay_budget_get_uuid (budget), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, start, -1, SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not save the budget"), error))
    return FALSE;

  if (amount >= 0)
    {
      uuid = outlay_uuid_new ();
      if (!(stmt = outlay_database_prepare (self->database,
                                            "INSERT INTO budget_overrides (uuid, budget_uuid, period_start, amount, "
                                            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                                            error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, outlay_budget_get_uuid (budget), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, amount);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
      if (!outlay_repository_step_done (self, stmt, _("Could not save the budget"), error))
        return FALSE;
    }

  if (!outlay_transaction_commit (transaction, error))
    return FALSE;

  outlay_repository_emit_budgets_changed (self);
  if (period_start != NULL)
    *period_start = g_strdup (start);
  return TRUE;
}

/**
 * outlay_repository_list_budget_overrides:
 *
 * Returns: (transfer full) (element-type OutlayBudgetOverride): the
 *   periods of @budget that have their own amount, in order, or %NULL
 *   with @error set
 */
GArray *
outlay_repository_list_budget_overrides (OutlayRepository *self,
                                         OutlayBudget     *budget,
                                         GError          **error)
{
  g_autoptr (GArray) overrides = g_array_new (FALSE, TRUE, sizeof (OutlayBudgetOverride));
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_BUDGET (budget), NULL);

  if (!(stmt = outlay_database_prepare (self->database,
                                        "SELECT period_start, amount FROM budget_overrides "
                                        "WHERE budget_uuid = ? AND deleted_at IS NULL ORDER BY period_start",
                                        error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, outlay_budget_get_uuid (budget), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayBudgetOverride row = { { 0 } };

      g_strlcpy (row.period_start, (const char *) sqlite3_column_text (stmt, 0), sizeof row.period_start);
      row.amount = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (overrides, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the budgets"));
      return NULL;
    }

  return g_steal_pointer (&overrides);
}
