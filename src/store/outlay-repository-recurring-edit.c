/* outlay-repository-recurring-edit.c
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

/* Recurring expenses, changed after they were added: one occurrence given
 * another amount or day, a skip or a confirmation taken back (the Undo of
 * the window), and a rule changed from a day on ("this and later").
 *
 * done_through only says where a catch-up starts looking (see
 * outlay-repository-recurring.c). An occurrence that is open again on a
 * day the rule was done through would never be looked at: these writes
 * move done_through back to the day before it. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-date.h"
#include "outlay-repository-recurring-private.h"

/* Makes a catch-up, and the list of what is due, look at @day again. */
static gboolean
reopen_from (OutlayRepository    *self,
             OutlayRecurringRule *rule,
             const GDate         *day,
             GError             **error)
{
  g_autoptr (GDate) done = NULL;
  GDate before = *day;

  if (outlay_recurring_rule_get_done_through (rule) == NULL ||
      !(done = outlay_date_parse_iso (outlay_recurring_rule_get_done_through (rule))))
    return TRUE;
  g_date_subtract_days (&before, 1);
  if (g_date_compare (done, &before) <= 0)
    return TRUE;
  return outlay_repository_set_done_through (self, rule, &before, NULL, error);
}

static gboolean
check_not_written (OutlayRepository    *self,
                   OutlayRecurringRule *rule,
                   const GDate         *scheduled,
                   GError             **error)
{
  g_autoptr (GHashTable) written = outlay_repository_read_written_occurrences (self, rule, scheduled, error);
  char day[OUTLAY_DATE_ISO_SIZE];

  if (written == NULL)
    return FALSE;
  outlay_date_format_iso_buf (scheduled, day);
  if (!g_hash_table_contains (written, day))
    return TRUE;

  g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                       _("That occurrence of the recurring expense is written already: change or delete its "
                         "expense instead."));
  return FALSE;
}

/**
 * outlay_repository_restore_occurrence:
 * @rule_uuid: the rule
 * @scheduled: the day the schedule names for the occurrence
 *
 * The Undo of outlay_repository_skip_occurrence() or
 * outlay_repository_override_occurrence(): the occurrence is open again,
 * due again if its day has passed (a rule to confirm lists it, an
 * automatic one writes it in its next catch-up). A skip over an occurrence
 * that had another amount or day takes back the skip only.
 *
 * Returns: whether it was restored; %OUTLAY_REPOSITORY_ERROR_NOT_FOUND
 *   when the occurrence is neither skipped nor changed, or written already
 */
gboolean
outlay_repository_restore_occurrence (OutlayRepository *self,
                                      const char       *rule_uuid,
                                      const GDate      *scheduled,
                                      GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (GHashTable) exceptions = NULL;
  g_autofree char          *now = NULL;
  OutlayRecurringException *exception;
  char                      day[OUTLAY_DATE_ISO_SIZE];
  sqlite3_stmt             *stmt;
  gboolean                  unskip;
  GDate                     open_on;
  int                       n = 1;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (rule_uuid != NULL && scheduled != NULL && g_date_valid (scheduled), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;
  now = outlay_timestamp_now_utc ();
  outlay_date_format_iso_buf (scheduled, day);
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(rule = outlay_repository_read_live_recurring_rule (self, rule_uuid, error)) ||
      !(exceptions = outlay_repository_read_recurring_exceptions (self, rule, error)))
    return FALSE;
  if (!(exception = g_hash_table_lookup (exceptions, day)))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("That occurrence of the recurring expense is neither skipped nor changed."));
      return FALSE;
    }
  if (!check_not_written (self, rule, scheduled, error))
    return FALSE;

  /* The row stays, deleted, for a later sync to carry the Undo too. */
  unskip = exception->skipped && (exception->amount >= 0 || g_date_valid (&exception->day));
  if (!(stmt = outlay_database_prepare (self->database,
                                        unskip ? "UPDATE recurring_exceptions SET skipped = 0, updated_at = ? "
                                                 "WHERE rule_uuid = ? AND scheduled_on = ? AND deleted_at IS NULL"
                                               : "UPDATE recurring_exceptions SET deleted_at = ?, updated_at = ? "
                                                 "WHERE rule_uuid = ? AND scheduled_on = ? AND deleted_at IS NULL",
                                        error)))
    return FALSE;
  sqlite3_bind_text (stmt, n++, now, -1, SQLITE_TRANSIENT);
  if (!unskip)
    sqlite3_bind_text (stmt, n++, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n++, rule_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n, day, -1, SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not restore the occurrence of the recurring expense"), error))
    return FALSE;

  /* A weekend rule moves it by at most two days: the catch-up looks that
   * far back from the day after done_through. */
  open_on = *scheduled;
  if (unskip && g_date_valid (&exception->day) && g_date_compare (&exception->day, &open_on) < 0)
    open_on = exception->day;
  if (!reopen_from (self, rule, &open_on, error) || !outlay_transaction_commit (transaction, error))
    return FALSE;

  outlay_repository_emit_recurring_changed (self);
  return TRUE;
}

/**
 * outlay_repository_take_back_confirmation:
 * @expense_id: what outlay_repository_confirm_occurrence() wrote
 *
 * The Undo of a confirmation: the expense is removed, and its occurrence
 * is open again (due again, if its day has passed), to confirm or skip
 * once more.
 *
 * Returns: whether it was taken back; %OUTLAY_REPOSITORY_ERROR_NOT_FOUND
 *   for an expense that is not a live occurrence,
 *   %OUTLAY_REPOSITORY_ERROR_PROTECTED for one changed since it was
 *   written
 */
gboolean
outlay_repository_take_back_confirmation (OutlayRepository *self,
                                          gint64            expense_id,
                                          GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (GDate) scheduled = NULL;
  g_autoptr (GDate) occurred = NULL;
  g_autofree char *rule_uuid = NULL;
  sqlite3_stmt    *stmt;
  gboolean         deleted = FALSE;
  gboolean         changed = FALSE;
  int              rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "SELECT rule_uuid, scheduled_on, occurred_on, deleted_at IS NOT NULL, "
                                        "updated_at <> created_at FROM expenses WHERE id = ?",
                                        error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, expense_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      rule_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      scheduled = outlay_date_parse_iso ((const char *) sqlite3_column_text (stmt, 1));
      occurred = outlay_date_parse_iso ((const char *) sqlite3_column_text (stmt, 2));
      deleted = sqlite3_column_int (stmt, 3) != 0;
      changed = sqlite3_column_int (stmt, 4) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expense"));
      return FALSE;
    }
  if (rule_uuid == NULL || scheduled == NULL || occurred == NULL || deleted)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The expense is not a confirmed occurrence of a recurring expense."));
      return FALSE;
    }
  /* Removing it would lose what the person changed. */
  if (changed)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_PROTECTED,
                           _("The expense was changed since it was confirmed: delete it instead."));
      return FALSE;
    }
  if (!(rule = outlay_repository_read_live_recurring_rule (self, rule_uuid, error)))
    return FALSE;

  /* Not a soft delete: an occurrence whose expense exists, deleted or not,
   * is never written again (its uuid is derived from the rule and the
   * day), so a deleted row would make the occurrence gone for good rather
   * than due again. Removing the row is sound only because the
   * confirmation created it a moment ago and nothing has changed it since
   * (checked above): nothing refers to it, and no one has seen it but the
   * person taking it back. */
  if (!(stmt = outlay_database_prepare (self->database, "DELETE FROM expenses WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, expense_id);
  if (!outlay_repository_step_done (self, stmt, _("Could not take back the recurring expense"), error))
    return FALSE;

  if (g_date_compare (occurred, scheduled) < 0)
    *scheduled = *occurred;
  if (!reopen_from (self, rule, scheduled, error) || !outlay_transaction_commit (transaction, error))
    return FALSE;

  outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  outlay_repository_emit_recurring_changed (self);
  return TRUE;
}
