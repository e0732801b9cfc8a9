/* outlay-repository-recurring.c
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

/* Recurring expenses: their rules, and the occurrences written as
 * expenses.
 *
 * An occurrence's expense has a uuid derived from its rule's uuid and its
 * scheduled day, and is inserted with ON CONFLICT DO NOTHING: two
 * processes (later two devices) that write the same occurrence make one
 * row, and an occurrence that was deleted keeps its row, with its
 * deleted_at, so that it is never written again. Which occurrences exist
 * is read from the expenses themselves (by rule and scheduled day, deleted
 * or not), never remembered apart; done_through only tells where to start
 * looking. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-date.h"
#include "outlay-money.h"
#include "outlay-repository-recurring-private.h"

/* A weekend rule moves an occurrence by at most two days: a catch-up looks
 * that far before where the last one stopped. */
#define MAX_SHIFT 2

/* clang-format off */
G_DEFINE_BOXED_TYPE (OutlayRecurringRun, outlay_recurring_run, outlay_recurring_run_ref, outlay_recurring_run_unref)
/* clang-format on */

OutlayRecurringRun *
outlay_recurring_run_ref (OutlayRecurringRun *run)
{
  g_atomic_ref_count_inc (&run->ref_count);
  return run;
}

void
outlay_recurring_run_unref (OutlayRecurringRun *run)
{
  if (!g_atomic_ref_count_dec (&run->ref_count))
    return;
  g_array_unref (run->expense_ids);
  g_array_unref (run->planned);
  g_ptr_array_unref (run->held);
  g_free (run);
}

static OutlayRecurringRun *
recurring_run_new (void)
{
  OutlayRecurringRun *run = g_new0 (OutlayRecurringRun, 1);

  g_atomic_ref_count_init (&run->ref_count);
  run->expense_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  run->planned = g_array_new (FALSE, FALSE, sizeof (OutlayPlannedExpense));
  g_array_set_clear_func (run->planned, (GDestroyNotify) outlay_planned_expense_clear);
  run->held = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_held_rule_free);
  return run;
}

void
outlay_held_rule_free (OutlayHeldRule *held)
{
  g_clear_object (&held->rule);
  g_free (held);
}

void
outlay_planned_expense_clear (OutlayPlannedExpense *planned)
{
  g_clear_object (&planned->rule);
}

/**
 * outlay_repository_validate_recurring_rule:
 *
 * Checks @rule as an expense is checked (amount, currency, description,
 * note, category, start day), and its repetition.
 */
gboolean
outlay_repository_validate_recurring_rule (OutlayRepository    *self,
                                           OutlayRecurringRule *rule,
                                           GError             **error)
{
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  OutlayCategory *category;
  g_autoptr (GError) recurrence_error = NULL;
  const OutlayRecurrence *recurrence;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (rule), FALSE);

  recurrence = outlay_recurring_rule_get_recurrence (rule);
  if (outlay_recurring_rule_get_amount (rule) <= 0)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                           _("A recurring expense’s amount is more than zero."));
      return FALSE;
    }
  if (!outlay_recurrence_validate (recurrence, &recurrence_error))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
                           recurrence_error->message);
      return FALSE;
    }
  if (outlay_recurring_rule_get_mode (rule) > OUTLAY_RECURRING_CONFIRM)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
                           _("A recurring expense is written on its day or when confirmed."));
      return FALSE;
    }
  category = outlay_repository_lookup_category_by_uuid (self, outlay_recurring_rule_get_category_uuid (rule));
  if (category == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY,
                           _("The recurring expense’s category does not exist."));
      return FALSE;
    }

  outlay_expense_set_amount (draft, outlay_recurring_rule_get_amount (rule));
  outlay_expense_set_currency (draft, outlay_recurring_rule_get_currency (rule));
  outlay_expense_set_description (draft, outlay_recurring_rule_get_description (rule));
  outlay_expense_set_note (draft, outlay_recurring_rule_get_note (rule));
  outlay_expense_set_category_id (draft, outlay_category_get_id (category));
  outlay_expense_set_date (draft, &recurrence->start);
  return outlay_repository_validate_expense (self, draft, error);
}

OutlayRecurringRule *
outlay_repository_read_recurring_rule (OutlayRepository *self,
                                       const char       *uuid,
                                       GError          **error)
{
  sqlite3_stmt        *stmt = outlay_database_prepare (self->database,
                                                       "SELECT " OUTLAY_RECURRING_RULE_COLUMNS
                                                       " FROM recurring_rules WHERE uuid = ?",
                                                       error);
  OutlayRecurringRule *rule = NULL;
  int                  rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rule = outlay_recurring_rule_new_from_statement (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                         _("The recurring expense does not exist."));
  else if (rc != SQLITE_ROW)
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the recurring expenses"));

  return rule;
}

/**
 * outlay_repository_get_recurring_rule:
 * @uuid: the rule's uuid
 *
 * Returns: (transfer full): the rule, deleted or not, or %NULL with
 *   %OUTLAY_REPOSITORY_ERROR_NOT_FOUND
 */
OutlayRecurringRule *
outlay_repository_get_recurring_rule (OutlayRepository *self,
                                      const char       *uuid,
                                      GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return outlay_repository_read_recurring_rule (self, uuid, error);
}

/**
 * outlay_repository_list_recurring_rules:
 *
 * Returns: (transfer full) (element-type OutlayRecurringRule): the rules
 *   not deleted, paused or not, by description
 */
GPtrArray *
outlay_repository_list_recurring_rules (OutlayRepository *self,
                                        GError          **error)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  stmt = outlay_database_prepare (self->database,
                                  "SELECT " OUTLAY_RECURRING_RULE_COLUMNS " FROM recurring_rules "
                                  "WHERE deleted_at IS NULL ORDER BY description COLLATE NOCASE, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rules, outlay_recurring_rule_new_from_statement (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the recurring expenses"));
      return NULL;
    }
  return g_steal_pointer (&rules);
}

static void
bind_rule (sqlite3_stmt        *stmt,
           OutlayRecurringRule *rule,
           const char          *description,
           const char          *note)
{
  const OutlayRecurrence *r = outlay_recurring_rule_get_recurrence (rule);
  char                    start[OUTLAY_DATE_ISO_SIZE];
  char                    until[OUTLAY_DATE_ISO_SIZE];

  outlay_date_format_iso_buf (&r->start, start);
  sqlite3_bind_int64 (stmt, 1, outlay_recurring_rule_get_amount (rule));
  sqlite3_bind_text (stmt, 2, outlay_recurring_rule_get_currency (rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, outlay_recurring_rule_get_category_uuid (rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, outlay_repeat_unit_to_string (r->unit), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, r->interval);
  sqlite3_bind_int64 (stmt, 9, r->unit == OUTLAY_REPEAT_WEEKLY ? r->weekdays : 0);
  sqlite3_bind_text (stmt, 10, outlay_monthly_on_to_string (r->monthly_on), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, r->month_day);
  sqlite3_bind_int64 (stmt, 12, r->week_number);
  sqlite3_bind_int64 (stmt, 13, r->weekday);
  if (r->end == OUTLAY_REPEAT_END_COUNT)
    sqlite3_bind_int64 (stmt, 14, r->count);
  else
    sqlite3_bind_null (stmt, 14);
  if (r->end == OUTLAY_REPEAT_END_UNTIL)
    {
      outlay_date_format_iso_buf (&r->until, until);
      sqlite3_bind_text (stmt, 15, until, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_null (stmt, 15);
    }
  sqlite3_bind_text (stmt, 16, outlay_weekend_rule_to_string (r->weekend), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 17, outlay_recurring_mode_to_string (outlay_recurring_rule_get_mode (rule)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 18, outlay_recurring_rule_get_paused_at (rule), -1, SQLITE_TRANSIENT);
}

/* Commits, reads the rule back and says the rules changed. */
OutlayRecurringRule *
outlay_repository_finish_recurring_write (OutlayRepository  *self,
                                          OutlayTransaction *transaction,
                                          const char        *uuid,
                                          gboolean           expenses_changed,
                                          GError           **error)
{
  g_autoptr (OutlayRecurringRule) stored = outlay_repository_read_recurring_rule (self, uuid, error);

  if (stored == NULL || !outlay_transaction_commit (transaction, error))
    return NULL;

  if (expenses_changed)
    outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  outlay_repository_emit_recurring_changed (self);
  return g_steal_pointer (&stored);
}

/* Checks and inserts @draft, in the transaction the caller holds. */
gboolean
outlay_repository_insert_recurring_rule (OutlayRepository    *self,
                                         OutlayRecurringRule *draft,
                                         const char          *now,
                                         char               **uuid_out,
                                         GError             **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *description = NULL;
  g_autofree char *note = NULL;
  sqlite3_stmt    *stmt;
  const char      *created_at;

  if (!outlay_repository_validate_recurring_rule (self, draft, error))
    return FALSE;

  uuid = outlay_recurring_rule_get_uuid (draft) != NULL ? g_strdup (outlay_recurring_rule_get_uuid (draft))
                                                        : outlay_uuid_new ();
  description = outlay_repository_strip_text (outlay_recurring_rule_get_description (draft));
  note = g_strdup (outlay_recurring_rule_get_note (draft));
  created_at = outlay_recurring_rule_get_created_at (draft) != NULL ? outlay_recurring_rule_get_created_at (draft)
                                                                    : now;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "INSERT INTO recurring_rules (amount, currency, description, note, "
                                        "category_uuid, start_on, unit, every, weekdays, monthly_on, month_day, "
                                        "week_number, weekday, end_count, end_on, weekend, mode, paused_at, "
                                        "done_through, uuid, created_at, updated_at, deleted_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        error)))
    return FALSE;

  bind_rule (stmt, draft, description, note);
  sqlite3_bind_text (stmt, 19, outlay_recurring_rule_get_done_through (draft), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 20, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 21, created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 22,
                     outlay_recurring_rule_get_updated_at (draft) != NULL ? outlay_recurring_rule_get_updated_at (draft)
                                                                          : created_at,
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 23, outlay_recurring_rule_get_deleted_at (draft), -1, SQLITE_TRANSIENT);

  if (!outlay_repository_step_done (self, stmt, _("Could not save the recurring expense"), error))
    return FALSE;

  if (uuid_out != NULL)
    *uuid_out = g_steal_pointer (&uuid);
  return TRUE;
}

/**
 * outlay_repository_add_recurring_rule:
 * @draft: what to add; a uuid and timestamps it brings (a restored file)
 *   are kept
 *
 * Adds the rule. Its occurrences are written by the next
 * outlay_repository_run_recurring().
 *
 * Returns: (transfer full): the rule as stored
 */
OutlayRecurringRule *
outlay_repository_add_recurring_rule (OutlayRepository    *self,
                                      OutlayRecurringRule *draft,
                                      GError             **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (draft), NULL);

  if (!outlay_repository_check_writable (self, error) ||
      !outlay_repository_validate_recurring_rule (self, draft, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !outlay_repository_insert_recurring_rule (self, draft, now, &uuid, error))
    return NULL;

  return outlay_repository_finish_recurring_write (self, transaction, uuid, FALSE, error);
}

/**
 * outlay_repository_update_recurring_rule:
 *
 * Writes every field of @rule (but its identity, how far it is done and
 * its timestamps) over the stored one. Expenses written already stay as
 * they are.
 *
 * Returns: (transfer full): the rule as stored
 */
OutlayRecurringRule *
outlay_repository_update_recurring_rule (OutlayRepository    *self,
                                         OutlayRecurringRule *rule,
                                         GError             **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autofree char *now = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt    *stmt;
  const char      *uuid;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (rule), NULL);

  uuid = outlay_recurring_rule_get_uuid (rule);
  if (!outlay_repository_check_writable (self, error) ||
      !outlay_repository_validate_recurring_rule (self, rule, error))
    return NULL;
  if (uuid == NULL || !(stored = outlay_repository_read_recurring_rule (self, uuid, error)))
    {
      if (uuid == NULL)
        g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                             _("The recurring expense does not exist."));
      return NULL;
    }
  if (outlay_recurring_rule_get_deleted_at (stored) != NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The recurring expense was deleted."));
      return NULL;
    }

  now = outlay_timestamp_now_utc ();
  description = outlay_repository_strip_text (outlay_recurring_rule_get_description (rule));
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE recurring_rules SET amount = ?, currency = ?, description = ?, "
                                        "note = ?, category_uuid = ?, start_on = ?, unit = ?, every = ?, "
                                        "weekdays = ?, monthly_on = ?, month_day = ?, week_number = ?, "
                                        "weekday = ?, end_count = ?, end_on = ?, weekend = ?, mode = ?, "
                                        "paused_at = ?, updated_at = ? WHERE uuid = ?",
                                        error)))
    return NULL;

  bind_rule (stmt, rule, description, outlay_recurring_rule_get_note (rule));
  sqlite3_bind_text (stmt, 19, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 20, uuid, -1, SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not save the recurring expense"), error))
    return NULL;

  return outlay_repository_finish_recurring_write (self, transaction, uuid, FALSE, error);
}

/**
 * outlay_repository_delete_recurring_rule:
 * @delete_expenses: whether its written expenses go too (deleted softly,
 *   as the rule is), or stay as ordinary expenses
 *
 * Returns: (transfer full): the rule as it was before
 */
OutlayRecurringRule *
outlay_repository_delete_recurring_rule (OutlayRepository *self,
                                         const char       *uuid,
                                         gboolean          delete_expenses,
                                         GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRecurringRule) before = NULL;
  g_autoptr (OutlayRecurringRule) after = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!outlay_repository_check_writable (self, error) ||
      !(before = outlay_repository_read_recurring_rule (self, uuid, error)))
    return NULL;
  if (outlay_recurring_rule_get_deleted_at (before) != NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The recurring expense was deleted already."));
      return NULL;
    }

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE recurring_rules SET deleted_at = ?, updated_at = ? WHERE uuid = ?",
                                        error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not delete the recurring expense"), error))
    return NULL;

  if (delete_expenses)
    {
      if (!(stmt = outlay_database_prepare (self->database,
                                            "UPDATE expenses SET deleted_at = ?, updated_at = ? "
                                            "WHERE rule_uuid = ? AND deleted_at IS NULL",
                                            error)))
        return NULL;
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_TRANSIENT);
      if (!outlay_repository_step_done (self, stmt, _("Could not delete the recurring expense"), error))
        return NULL;
    }

  if (!(after = outlay_repository_finish_recurring_write (self, transaction, uuid, delete_expenses, error)))
    return NULL;
  return g_steal_pointer (&before);
}

/**
 * outlay_repository_restore_recurring_rule:
 *
 * The Undo of outlay_repository_delete_recurring_rule(): the rule comes
 * back, and the expenses deleted with it.
 *
 * Returns: (transfer full): the rule as stored
 */
OutlayRecurringRule *
outlay_repository_restore_recurring_rule (OutlayRepository *self,
                                          const char       *uuid,
                                          GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRecurringRule) before = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;
  const char      *deleted_at;
  int              restored;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!outlay_repository_check_writable (self, error) ||
      !(before = outlay_repository_read_recurring_rule (self, uuid, error)))
    return NULL;
  deleted_at = outlay_recurring_rule_get_deleted_at (before);
  if (deleted_at == NULL)
    return g_steal_pointer (&before);

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE expenses SET deleted_at = NULL, updated_at = ? "
                                        "WHERE rule_uuid = ? AND deleted_at = ?",
                                        error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, deleted_at, -1, SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not restore the recurring expense"), error))
    return NULL;
  restored = sqlite3_changes (outlay_database_get_handle (self->database));

  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE recurring_rules SET deleted_at = NULL, updated_at = ? WHERE uuid = ?",
                                        error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not restore the recurring expense"), error))
    return NULL;

  return outlay_repository_finish_recurring_write (self, transaction, uuid, restored > 0, error);
}

/* The occurrences of @rule that exist as expenses (deleted too), by their
 * scheduled day from @from on: a set of "YYYY-MM-DD". */
GHashTable *
outlay_repository_read_written_occurrences (OutlayRepository    *self,
                                            OutlayRecurringRule *rule,
                                            const GDate         *from,
                                            GError             **error)
{
  g_autoptr (GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char          day[OUTLAY_DATE_ISO_SIZE];
  sqlite3_stmt *stmt;
  int           rc;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "SELECT scheduled_on FROM expenses WHERE rule_uuid = ? AND scheduled_on >= ?",
                                        error)))
    return NULL;

  outlay_date_format_iso_buf (from, day);
  sqlite3_bind_text (stmt, 1, outlay_recurring_rule_get_uuid (rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (written, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the recurring expenses"));
      return NULL;
    }
  return g_steal_pointer (&written);
}

GHashTable *
outlay_repository_read_recurring_exceptions (OutlayRepository    *self,
                                             OutlayRecurringRule *rule,
                                             GError             **error)
{
  g_autoptr (GHashTable) exceptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int           rc;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "SELECT scheduled_on, skipped, amount, occurs_on FROM recurring_exceptions "
                                        "WHERE rule_uuid = ? AND deleted_at IS NULL",
                                        error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, outlay_recurring_rule_get_uuid (rule), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayRecurringException *exception = g_new0 (OutlayRecurringException, 1);
      g_autoptr (GDate) day = outlay_date_parse_iso ((const char *) sqlite3_column_text (stmt, 3));

      exception->skipped = sqlite3_column_int (stmt, 1) != 0;
      exception->amount = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 2);
      g_date_clear (&exception->day, 1);
      if (day != NULL)
        exception->day = *day;
      g_hash_table_insert (exceptions, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), exception);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the recurring expenses"));
      return NULL;
    }
  return g_steal_pointer (&exceptions);
}

/* Where to start looking for @rule's occurrences not yet dealt with. */
static GDate
first_open_day (OutlayRecurringRule *rule)
{
  const OutlayRecurrence *recurrence = outlay_recurring_rule_get_recurrence (rule);
  g_autoptr (GDate) done = NULL;
  GDate from = recurrence->start;

  if (outlay_recurring_rule_get_done_through (rule) != NULL &&
      (done = outlay_date_parse_iso (outlay_recurring_rule_get_done_through (rule))) != NULL &&
      g_date_compare (done, &from) >= 0)
    {
      from = *done;
      g_date_add_days (&from, 1);
    }
  if (g_date_get_julian (&from) > MAX_SHIFT)
    g_date_subtract_days (&from, MAX_SHIFT);
  return from;
}

/* The occurrences of @rule from @from to @to that are not written, with
 * their exceptions: skipped ones left out, moved ones on their new day
 * (those moved into the days from elsewhere too). */
static GArray *
list_open (OutlayRepository    *self,
           OutlayRecurringRule *rule,
           const GDate         *from,
           const GDate         *to,
           GError             **error)
{
  const OutlayRecurrence *recurrence = outlay_recurring_rule_get_recurrence (rule);
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (OutlayPlannedExpense));
  g_autoptr (GHashTable) written = NULL;
  g_autoptr (GHashTable) exceptions = NULL;
  g_autoptr (GArray) occurrences = NULL;
  GHashTableIter iter;
  gpointer       key, value;
  GDate          earliest = recurrence->start;

  g_array_set_clear_func (open, (GDestroyNotify) outlay_planned_expense_clear);
  if (g_date_get_julian (&earliest) > MAX_SHIFT)
    g_date_subtract_days (&earliest, MAX_SHIFT);
  if (!(exceptions = outlay_repository_read_recurring_exceptions (self, rule, error)) ||
      !(written = outlay_repository_read_written_occurrences (self, rule, &earliest, error)))
    return NULL;

  occurrences = outlay_recurrence_between (recurrence, from, to, 0);
  for (guint i = 0; i < occurrences->len; i++)
    {
      const OutlayOccurrence   *occurrence = &g_array_index (occurrences, OutlayOccurrence, i);
      OutlayPlannedExpense      planned = { 0 };
      char                      scheduled[OUTLAY_DATE_ISO_SIZE];
      OutlayRecurringException *exception;

      outlay_date_format_iso_buf (&occurrence->scheduled, scheduled);
      exception = g_hash_table_lookup (exceptions, scheduled);
      if (g_hash_table_contains (written, scheduled) || (exception != NULL && exception->skipped))
        continue;
      /* Moved to another day: listed there (below), if in these days. */
      if (exception != NULL && g_date_valid (&exception->day))
        continue;

      planned.rule = g_object_ref (rule);
      planned.occurrence = *occurrence;
      planned.amount = exception != NULL && exception->amount >= 0 ? exception->amount
                                                                   : outlay_recurring_rule_get_amount (rule);
      g_array_append_val (open, planned);
    }

  /* Moved ones, whose days the walk above does not see. */
  g_hash_table_iter_init (&iter, exceptions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      OutlayRecurringException *exception = value;
      OutlayPlannedExpense      planned = { 0 };
      g_autoptr (GDate) scheduled = outlay_date_parse_iso (key);

      if (exception->skipped || !g_date_valid (&exception->day) || scheduled == NULL ||
          g_hash_table_contains (written, key) || g_date_compare (&exception->day, from) < 0 ||
          g_date_compare (&exception->day, to) > 0)
        continue;
      planned.rule = g_object_ref (rule);
      planned.occurrence.scheduled = *scheduled;
      planned.occurrence.day = exception->day;
      planned.occurrence.number = G_MAXUINT64;
      planned.amount = exception->amount >= 0 ? exception->amount : outlay_recurring_rule_get_amount (rule);
      g_array_append_val (open, planned);
    }

  return g_steal_pointer (&open);
}

/* Writes one occurrence as an expense, unless it exists (or existed). */
static gboolean
write_occurrence (OutlayRepository           *self,
                  const OutlayPlannedExpense *planned,
                  const char                 *now,
                  gint64                     *id,
                  GError                    **error)
{
  g_autofree char *uuid = outlay_recurring_rule_dup_occurrence_uuid (planned->rule, &planned->occurrence.scheduled);
  OutlayCategory  *category =
    outlay_repository_lookup_category_by_uuid (self, outlay_recurring_rule_get_category_uuid (planned->rule));
  char          day[OUTLAY_DATE_ISO_SIZE];
  char          scheduled[OUTLAY_DATE_ISO_SIZE];
  sqlite3_stmt *stmt;

  /* A category deleted since: as any expense of it, in the fallback. */
  if (category == NULL)
    category = outlay_repository_get_fallback_category (self);
  if (category == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY,
                           _("The recurring expense’s category does not exist."));
      return FALSE;
    }

  if (!(stmt = outlay_database_prepare (self->database,
                                        "INSERT INTO expenses (uuid, amount, currency, description, note, "
                                        "category_id, occurred_on, created_at, updated_at, rule_uuid, scheduled_on) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING",
                                        error)))
    return FALSE;

  outlay_date_format_iso_buf (&planned->occurrence.day, day);
  outlay_date_format_iso_buf (&planned->occurrence.scheduled, scheduled);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, planned->amount);
  sqlite3_bind_text (stmt, 3, outlay_recurring_rule_get_currency (planned->rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, outlay_recurring_rule_get_description (planned->rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, outlay_recurring_rule_get_note (planned->rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, outlay_category_get_id (category));
  sqlite3_bind_text (stmt, 7, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, outlay_recurring_rule_get_uuid (planned->rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, scheduled, -1, SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not write the recurring expense"), error))
    return FALSE;

  *id = sqlite3_changes (outlay_database_get_handle (self->database)) > 0
          ? sqlite3_last_insert_rowid (outlay_database_get_handle (self->database))
          : 0;
  return TRUE;
}

/* @changed (optional) is set when the rule was done through another day. */
gboolean
outlay_repository_set_done_through (OutlayRepository    *self,
                                    OutlayRecurringRule *rule,
                                    const GDate         *day,
                                    gboolean            *changed,
                                    GError             **error)
{
  char          text[OUTLAY_DATE_ISO_SIZE];
  sqlite3_stmt *stmt;

  outlay_date_format_iso_buf (day, text);
  if (g_strcmp0 (outlay_recurring_rule_get_done_through (rule), text) == 0)
    return TRUE;
  if (changed != NULL)
    *changed = TRUE;
  if (!(stmt = outlay_database_prepare (self->database, "UPDATE recurring_rules SET done_through = ? WHERE uuid = ?",
                                        error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, outlay_recurring_rule_get_uuid (rule), -1, SQLITE_TRANSIENT);
  return outlay_repository_step_done (self, stmt, _("Could not write the recurring expense"), error);
}

static gint
compare_planned (gconstpointer a,
                 gconstpointer b)
{
  const OutlayPlannedExpense *pa = a;
  const OutlayPlannedExpense *pb = b;
  int                         order = g_date_compare (&pa->occurrence.day, &pb->occurrence.day);

  if (order != 0)
    return order;
  order = g_utf8_collate (outlay_recurring_rule_get_description (pa->rule),
                          outlay_recurring_rule_get_description (pb->rule));
  if (order != 0)
    return order;
  return g_strcmp0 (outlay_recurring_rule_get_uuid (pa->rule), outlay_recurring_rule_get_uuid (pb->rule));
}

static gboolean
has_rules (OutlayRepository *self,
           gboolean         *any,
           GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt =
    outlay_database_prepare (self->database, "SELECT EXISTS (SELECT 1 FROM recurring_rules WHERE deleted_at IS NULL)",
                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the recurring expenses"));
      return FALSE;
    }
  *any = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

static OutlayRecurringRun *
run_or_plan (OutlayRepository  *self,
             const GDate       *today,
             guint              most,
             const char *const *allowed,
             gboolean           write,
             GError           **error)
{
  g_autoptr (OutlayRecurringRun) run = recurring_run_new ();
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autofree char *now = NULL;
  gboolean         changed = FALSE;
  gboolean         any = FALSE;

  if (write && !outlay_repository_check_writable (self, error))
    return NULL;

  /* Without a rule, nothing to lock the ledger for (the window runs this
   * each time it opens). */
  if (!has_rules (self, &any, error))
    return NULL;
  if (!any)
    return g_steal_pointer (&run);

  now = outlay_timestamp_now_utc ();
  /* Read in the transaction: another process may have run a moment ago. */
  if ((write && !(transaction = outlay_database_begin_transaction (self->database, error))) ||
      !(rules = outlay_repository_list_recurring_rules (self, error)))
    return NULL;

  for (guint i = 0; i < rules->len; i++)
    {
      OutlayRecurringRule *rule = g_ptr_array_index (rules, i);
      g_autoptr (GArray) open = NULL;
      GDate from = first_open_day (rule);

      if (!outlay_recurrence_validate (outlay_recurring_rule_get_recurrence (rule), NULL) ||
          g_date_compare (&from, today) > 0)
        continue;
      /* What falls while a rule is paused is left out, not caught up on
       * when it resumes. */
      if (outlay_recurring_rule_get_paused_at (rule) != NULL)
        {
          if (write && !outlay_repository_set_done_through (self, rule, today, &changed, error))
            return NULL;
          continue;
        }
      if (outlay_recurring_rule_get_mode (rule) != OUTLAY_RECURRING_AUTOMATIC)
        continue;

      if (!(open = list_open (self, rule, &from, today, error)))
        return NULL;
      if (most > 0 && open->len > most &&
          (allowed == NULL || !g_strv_contains (allowed, outlay_recurring_rule_get_uuid (rule))))
        {
          OutlayHeldRule *held = g_new0 (OutlayHeldRule, 1);

          held->rule = g_object_ref (rule);
          held->count = open->len;
          g_ptr_array_add (run->held, held);
          continue;
        }

      g_array_sort (open, compare_planned);
      for (guint j = 0; j < open->len; j++)
        {
          OutlayPlannedExpense *planned = &g_array_index (open, OutlayPlannedExpense, j);
          OutlayPlannedExpense  copy = *planned;
          gint64                id = 0;

          if (write && !write_occurrence (self, planned, now, &id, error))
            return NULL;
          if (write && id == 0)
            continue;
          if (id != 0)
            g_array_append_val (run->expense_ids, id);
          copy.rule = g_object_ref (planned->rule);
          g_array_append_val (run->planned, copy);
        }
      if (write && !outlay_repository_set_done_through (self, rule, today, &changed, error))
        return NULL;
    }

  /* By day, whichever rule. */
  g_array_sort (run->planned, compare_planned);
  if (!write)
    return g_steal_pointer (&run);
  /* What was written is found by a search at once. */
  if (!outlay_repository_sync_search (self, error) || !outlay_transaction_commit (transaction, error))
    return NULL;

  if (run->expense_ids->len > 0)
    outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  /* Only when it changed something: a run that finds nothing to do is
   * not a change to follow. */
  if (changed)
    outlay_repository_emit_recurring_changed (self);
  return g_steal_pointer (&run);
}

/**
 * outlay_repository_run_recurring:
 * @today: the day to catch up to
 * @most: the most occurrences one rule may write in this run, unless its
 *   uuid is in @allowed (0 for no limit)
 * @allowed: (nullable) (array zero-terminated=1): rules that may write
 *   more
 *
 * Writes every occurrence of the automatic rules that falls on @today or
 * before and is not written yet: a year away writes every month of rent,
 * each once. What falls while a rule is paused is left out, for good. A
 * rule that would write more than @most is held, with how many it would
 * write, for the person to decide; it writes nothing. All in one
 * transaction.
 *
 * Returns: (transfer full): what was written (its ids, and each
 *   occurrence) and held, or %NULL on error
 */
OutlayRecurringRun *
outlay_repository_run_recurring (OutlayRepository  *self,
                                 const GDate       *today,
                                 guint              most,
                                 const char *const *allowed,
                                 GError           **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return run_or_plan (self, today, most, allowed, TRUE, error);
}

/**
 * outlay_repository_plan_recurring:
 *
 * What outlay_repository_run_recurring() would write and hold, without
 * writing anything: its expense ids are empty.
 *
 * Returns: (transfer full): the plan, or %NULL on error
 */
OutlayRecurringRun *
outlay_repository_plan_recurring (OutlayRepository  *self,
                                  const GDate       *today,
                                  guint              most,
                                  const char *const *allowed,
                                  GError           **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return run_or_plan (self, today, most, allowed, FALSE, error);
}

/* The open occurrences of every rule that @include says, from each one's
 * first open day (or @from, if later) to @to, by day. */
static GArray *
list_planned (OutlayRepository *self,
              const GDate      *from,
              const GDate      *to,
              gboolean          due,
              GError          **error)
{
  g_autoptr (GArray) planned = g_array_new (FALSE, FALSE, sizeof (OutlayPlannedExpense));
  g_autoptr (GPtrArray) rules = NULL;

  g_array_set_clear_func (planned, (GDestroyNotify) outlay_planned_expense_clear);
  if (!(rules = outlay_repository_list_recurring_rules (self, error)))
    return NULL;

  for (guint i = 0; i < rules->len; i++)
    {
      OutlayRecurringRule *rule = g_ptr_array_index (rules, i);
      g_autoptr (GArray) open = NULL;
      GDate start = first_open_day (rule);

      if (outlay_recurring_rule_get_paused_at (rule) != NULL ||
          !outlay_recurrence_validate (outlay_recurring_rule_get_recurrence (rule), NULL) ||
          (due && outlay_recurring_rule_get_mode (rule) != OUTLAY_RECURRING_CONFIRM))
        continue;
      if (from != NULL && g_date_compare (from, &start) > 0)
        start = *from;
      if (g_date_compare (&start, to) > 0)
        continue;
      if (!(open = list_open (self, rule, &start, to, error)))
        return NULL;
      for (guint j = 0; j < open->len; j++)
        {
          OutlayPlannedExpense *item = &g_array_index (open, OutlayPlannedExpense, j);
          OutlayPlannedExpense  copy = *item;

          copy.rule = g_object_ref (item->rule);
          g_array_append_val (planned, copy);
        }
    }

  g_array_sort (planned, compare_planned);
  return g_steal_pointer (&planned);
}

/**
 * outlay_repository_list_upcoming:
 * @from: the first day
 * @to: the last day
 *
 * Returns: (transfer full) (element-type OutlayPlannedExpense): the
 *   occurrences of the rules not paused, automatic or to confirm, that
 *   fall from @from to @to and are not written yet, by day
 */
GArray *
outlay_repository_list_upcoming (OutlayRepository *self,
                                 const GDate      *from,
                                 const GDate      *to,
                                 GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  return list_planned (self, from, to, FALSE, error);
}

/**
 * outlay_repository_get_next_occurrence:
 * @rule: a rule
 * @from: the first day to look at
 * @planned: (out caller-allocates): its first occurrence not written yet
 *   that falls on @from or later
 *
 * Returns: whether it has one (%FALSE without an error once it ended)
 */
gboolean
outlay_repository_get_next_occurrence (OutlayRepository     *self,
                                       OutlayRecurringRule  *rule,
                                       const GDate          *from,
                                       OutlayPlannedExpense *planned,
                                       GError              **error)
{
  static const guint windows[] = { 62, 800, 40000 };
  GDate              start = first_open_day (rule);

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (rule) && from != NULL && planned != NULL, FALSE);

  memset (planned, 0, sizeof *planned);
  if (!outlay_recurrence_validate (outlay_recurring_rule_get_recurrence (rule), NULL))
    return FALSE;
  if (g_date_compare (from, &start) > 0)
    start = *from;

  /* Most rules fall within two months; a yearly one within a few. */
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      g_autoptr (GArray) open = NULL;
      GDate to = start;

      g_date_add_days (&to, MIN (windows[i], (guint) (G_MAXUINT32 - g_date_get_julian (&to))));
      if (!(open = list_open (self, rule, &start, &to, error)))
        return FALSE;
      if (open->len > 0)
        {
          g_array_sort (open, compare_planned);
          *planned = g_array_index (open, OutlayPlannedExpense, 0);
          planned->rule = g_object_ref (planned->rule);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * outlay_repository_list_due:
 * @today: the day
 *
 * Returns: (transfer full) (element-type OutlayPlannedExpense): the
 *   occurrences of the rules to confirm that fell on @today or before and
 *   are neither confirmed nor skipped, by day
 */
GArray *
outlay_repository_list_due (OutlayRepository *self,
                            const GDate      *today,
                            GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  return list_planned (self, NULL, today, TRUE, error);
}

/* After one of a rule's occurrences was confirmed or skipped: the rule is
 * done through the day before its first open occurrence up to @today. */
static gboolean
advance_done_through (OutlayRepository    *self,
                      OutlayRecurringRule *rule,
                      const GDate         *today,
                      GError             **error)
{
  g_autoptr (GArray) open = NULL;
  GDate from = first_open_day (rule);
  GDate done = *today;

  if (g_date_compare (&from, today) > 0)
    return TRUE;
  if (!(open = list_open (self, rule, &from, today, error)))
    return FALSE;
  for (guint i = 0; i < open->len; i++)
    {
      const GDate *day = &g_array_index (open, OutlayPlannedExpense, i).occurrence.day;

      if (g_date_compare (day, &done) <= 0)
        {
          done = *day;
          g_date_subtract_days (&done, 1);
        }
    }
  return g_date_compare (&done, &outlay_recurring_rule_get_recurrence (rule)->start) < 0 ||
         outlay_repository_set_done_through (self, rule, &done, NULL, error);
}

/* Finds the open occurrence of @rule scheduled on @scheduled, up to @today
 * or later. */
gboolean
outlay_repository_find_open_occurrence (OutlayRepository     *self,
                                        OutlayRecurringRule  *rule,
                                        const GDate          *scheduled,
                                        OutlayPlannedExpense *found,
                                        GError              **error)
{
  g_autoptr (GArray) open = NULL;
  g_autoptr (GHashTable) exceptions = NULL;
  OutlayRecurringException *exception;
  char                      day[OUTLAY_DATE_ISO_SIZE];
  GDate                     from = *scheduled;
  GDate                     to = *scheduled;

  if (g_date_get_julian (&from) > MAX_SHIFT)
    g_date_subtract_days (&from, MAX_SHIFT);
  g_date_add_days (&to, MAX_SHIFT);
  /* A moved one can be anywhere: look on its day too. */
  if (!(exceptions = outlay_repository_read_recurring_exceptions (self, rule, error)))
    return FALSE;
  outlay_date_format_iso_buf (scheduled, day);
  exception = g_hash_table_lookup (exceptions, day);
  if (exception != NULL && g_date_valid (&exception->day))
    {
      if (g_date_compare (&exception->day, &from) < 0)
        from = exception->day;
      if (g_date_compare (&exception->day, &to) > 0)
        to = exception->day;
    }
  if (!(open = list_open (self, rule, &from, &to, error)))
    return FALSE;
  for (guint i = 0; i < open->len; i++)
    {
      OutlayPlannedExpense *planned = &g_array_index (open, OutlayPlannedExpense, i);

      if (g_date_compare (&planned->occurrence.scheduled, scheduled) == 0)
        {
          *found = *planned;
          found->rule = g_object_ref (planned->rule);
          return TRUE;
        }
    }

  g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                       _("The recurring expense has no occurrence on that day that is still to come or due."));
  return FALSE;
}

OutlayRecurringRule *
outlay_repository_read_live_recurring_rule (OutlayRepository *self,
                                            const char       *uuid,
                                            GError          **error)
{
  g_autoptr (OutlayRecurringRule) rule = outlay_repository_read_recurring_rule (self, uuid, error);

  if (rule != NULL && outlay_recurring_rule_get_deleted_at (rule) != NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The recurring expense was deleted."));
      return NULL;
    }
  return g_steal_pointer (&rule);
}

/**
 * outlay_repository_confirm_occurrence:
 * @rule_uuid: the rule
 * @scheduled: the day the schedule names for the occurrence
 * @today: today, up to which the rule counts as done when nothing before
 *   is left
 *
 * Writes the occurrence as an expense now (a due one of a rule to confirm,
 * or an upcoming one ahead of its day).
 *
 * Returns: the new expense's id, or 0 on error
 */
gint64
outlay_repository_confirm_occurrence (OutlayRepository *self,
                                      const char       *rule_uuid,
                                      const GDate      *scheduled,
                                      const GDate      *today,
                                      GError          **error)
{
  g_auto (OutlayPlannedExpense) planned = { 0 };
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autofree char *now = NULL;
  gint64           id = 0;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), 0);
  g_return_val_if_fail (rule_uuid != NULL && scheduled != NULL && today != NULL, 0);

  if (!outlay_repository_check_writable (self, error))
    return 0;
  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(rule = outlay_repository_read_live_recurring_rule (self, rule_uuid, error)) ||
      !outlay_repository_find_open_occurrence (self, rule, scheduled, &planned, error) ||
      !write_occurrence (self, &planned, now, &id, error) || !advance_done_through (self, rule, today, error) ||
      !outlay_repository_sync_search (self, error) || !outlay_transaction_commit (transaction, error))
    return 0;

  outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  outlay_repository_emit_recurring_changed (self);
  return id;
}

/* Writes what a rule owes up to @today, in the transaction the caller
 * holds: every open occurrence of an automatic rule, or only the one
 * scheduled on @only; and moves how far the rule is done. */
gboolean
outlay_repository_write_owed (OutlayRepository    *self,
                              OutlayRecurringRule *rule,
                              const GDate         *today,
                              const GDate         *only,
                              const char          *now,
                              GArray              *expense_ids,
                              GError             **error)
{
  g_autoptr (GArray) open = NULL;
  GDate from = first_open_day (rule);

  if (only != NULL)
    {
      g_auto (OutlayPlannedExpense) planned = { 0 };
      gint64 id = 0;

      if (!outlay_repository_find_open_occurrence (self, rule, only, &planned, error) ||
          !write_occurrence (self, &planned, now, &id, error))
        return FALSE;
      if (id != 0)
        g_array_append_val (expense_ids, id);
      return advance_done_through (self, rule, today, error);
    }

  if (g_date_compare (&from, today) > 0)
    return TRUE;
  if (!(open = list_open (self, rule, &from, today, error)))
    return FALSE;
  g_array_sort (open, compare_planned);
  for (guint i = 0; i < open->len; i++)
    {
      gint64 id = 0;

      if (!write_occurrence (self, &g_array_index (open, OutlayPlannedExpense, i), now, &id, error))
        return FALSE;
      if (id != 0)
        g_array_append_val (expense_ids, id);
    }
  return outlay_repository_set_done_through (self, rule, today, NULL, error);
}

gboolean
outlay_repository_write_skipped_occurrence (OutlayRepository *self,
                                            const char       *rule_uuid,
                                            const GDate      *scheduled,
                                            const char       *now,
                                            GError          **error)
{
  g_autofree char *uuid = outlay_uuid_new ();
  char             day[OUTLAY_DATE_ISO_SIZE];
  sqlite3_stmt    *stmt;

  /* Over an exception that moved it, if any. */
  if (!(stmt = outlay_database_prepare (self->database,
                                        "INSERT INTO recurring_exceptions (uuid, rule_uuid, scheduled_on, skipped, "
                                        "created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?) "
                                        "ON CONFLICT (rule_uuid, scheduled_on) WHERE deleted_at IS NULL "
                                        "DO UPDATE SET skipped = 1, updated_at = excluded.updated_at",
                                        error)))
    return FALSE;
  outlay_date_format_iso_buf (scheduled, day);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rule_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  return outlay_repository_step_done (self, stmt, _("Could not skip the recurring expense"), error);
}

/**
 * outlay_repository_skip_occurrence:
 * @rule_uuid: the rule
 * @scheduled: the day the schedule names for the occurrence
 * @today: today
 *
 * Leaves one occurrence out, due or still to come: it is never written.
 */
gboolean
outlay_repository_skip_occurrence (OutlayRepository *self,
                                   const char       *rule_uuid,
                                   const GDate      *scheduled,
                                   const GDate      *today,
                                   GError          **error)
{
  g_auto (OutlayPlannedExpense) planned = { 0 };
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (rule_uuid != NULL && scheduled != NULL && today != NULL, FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;
  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(rule = outlay_repository_read_live_recurring_rule (self, rule_uuid, error)) ||
      !outlay_repository_find_open_occurrence (self, rule, scheduled, &planned, error) ||
      !outlay_repository_write_skipped_occurrence (self, rule_uuid, scheduled, now, error) ||
      !advance_done_through (self, rule, today, error) || !outlay_transaction_commit (transaction, error))
    return FALSE;

  outlay_repository_emit_recurring_changed (self);
  return TRUE;
}

/**
 * outlay_repository_take_back_run:
 * @expense_ids: (element-type gint64): what a run wrote
 *
 * The Undo of a catch-up: the expenses it wrote are deleted, those still
 * live (softly: their rows stay, so the rules never write them again). One
 * transaction.
 *
 * Returns: how many were deleted, or -1 with @error set
 */
gint64
outlay_repository_take_back_run (OutlayRepository *self,
                                 GArray           *expense_ids,
                                 GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;
  gint64           n_deleted = 0;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), -1);
  g_return_val_if_fail (expense_ids != NULL, -1);

  if (!outlay_repository_check_writable (self, error))
    return -1;
  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE expenses SET deleted_at = ?, updated_at = ? "
                                        "WHERE id = ? AND rule_uuid IS NOT NULL AND deleted_at IS NULL",
                                        error)))
    return -1;

  for (guint i = 0; i < expense_ids->len; i++)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, g_array_index (expense_ids, gint64, i));
      if (!outlay_repository_step_done (self, stmt, _("Could not undo the recurring expenses"), error))
        return -1;
      n_deleted += sqlite3_changes (outlay_database_get_handle (self->database));
    }
  if (!outlay_transaction_commit (transaction, error))
    return -1;

  if (n_deleted > 0)
    outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  return n_deleted;
}
