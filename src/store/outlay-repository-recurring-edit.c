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
 * the window), a rule changed from a day on ("this and later"), paused or
 * resumed; and how many expenses a rule wrote, which deleting it asks
 * about.
 *
 * done_through only says where a catch-up starts looking (see
 * outlay-repository-recurring.c). An occurrence that is open again on a
 * day the rule was done through would never be looked at: these writes
 * move done_through back to the day before it. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-date.h"
#include "outlay-money.h"
#include "outlay-repository-recurring-private.h"

#define DELETE_EXCEPTION                                                  \
  "UPDATE recurring_exceptions SET deleted_at = ?, updated_at = ? WHERE " \
  "rule_uuid = ? AND scheduled_on = ? AND deleted_at IS NULL"

/* Runs @sql, an update of one live exception, whose parameters are @first
 * (unless %NULL), @now, the rule's uuid and the scheduled day. */
static gboolean
update_exception (OutlayRepository *self,
                  const char       *sql,
                  const char       *first,
                  const char       *now,
                  const char       *rule_uuid,
                  const char       *scheduled,
                  GError          **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (self->database, sql, error);
  int           n = 1;

  if (stmt == NULL)
    return FALSE;
  if (first != NULL)
    sqlite3_bind_text (stmt, n++, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n++, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n++, rule_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n, scheduled, -1, SQLITE_TRANSIENT);
  return outlay_repository_step_done (self, stmt, _("Could not save the occurrence of the recurring expense"), error);
}

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
  gboolean                  unskip;
  GDate                     open_on;

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
  if (!update_exception (self,
                         unskip ? "UPDATE recurring_exceptions SET skipped = 0, updated_at = ? "
                                  "WHERE rule_uuid = ? AND scheduled_on = ? AND deleted_at IS NULL"
                                : DELETE_EXCEPTION,
                         unskip ? NULL : now, now, rule_uuid, day, error))
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
  if (!reopen_from (self, rule, scheduled, error) || !outlay_repository_sync_search (self, error) ||
      !outlay_transaction_commit (transaction, error))
    return FALSE;

  outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  outlay_repository_emit_recurring_changed (self);
  return TRUE;
}

/* The first occurrence @r names on @from or later, as scheduled (before
 * the weekend rule, which moves or leaves out a day but does not change
 * which occurrence it is); unless @bounded, as if it never ended. */
static gboolean
next_scheduled (const OutlayRecurrence *r,
                const GDate            *from,
                gboolean                bounded,
                OutlayOccurrence       *occurrence)
{
  OutlayRecurrence scheduled = *r;

  scheduled.weekend = OUTLAY_WEEKEND_KEEP;
  if (!bounded)
    scheduled.end = OUTLAY_REPEAT_END_NEVER;
  return outlay_recurrence_next (&scheduled, from, occurrence);
}

static gboolean
names_day (const OutlayRecurrence *r,
           const GDate            *day)
{
  OutlayOccurrence occurrence;

  return next_scheduled (r, day, TRUE, &occurrence) && g_date_compare (&occurrence.scheduled, day) == 0;
}

static gboolean
same_end (const OutlayRecurrence *a,
          const OutlayRecurrence *b)
{
  return a->end == b->end && (a->end != OUTLAY_REPEAT_END_COUNT || a->count == b->count) &&
         (a->end != OUTLAY_REPEAT_END_UNTIL || g_date_compare (&a->until, &b->until) == 0);
}

/* The schedule of the new rule of a split: @changed's, from @from on. */
static gboolean
split_recurrence (const OutlayRecurrence *old,
                  const OutlayRecurrence *changed,
                  const GDate            *from,
                  OutlayRecurrence       *r,
                  GError                **error)
{
  OutlayOccurrence occurrence;
  guint64          before = G_MAXUINT64; /* how many of the old rule's fall before @from */

  *r = *changed;
  if (next_scheduled (old, from, FALSE, &occurrence))
    before = occurrence.number;
  if (((old->end == OUTLAY_REPEAT_END_COUNT && before >= old->count) ||
       (old->end == OUTLAY_REPEAT_END_UNTIL && g_date_compare (&old->until, from) < 0)) &&
      same_end (old, changed))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DATE,
                           _("The recurring expense ends before that day: there is nothing to change from then on."));
      return FALSE;
    }

  /* It starts on the first day its schedule names from @from on, not on
   * @from itself: every second week, or a yearly one, keeps its days. */
  if (g_date_compare (&r->start, from) < 0)
    r->start = next_scheduled (changed, from, FALSE, &occurrence) ? occurrence.scheduled : *from;
  /* Ten times in all, four of them before: six more. */
  if (old->end == OUTLAY_REPEAT_END_COUNT && same_end (old, changed))
    r->count = old->count - (guint) before;
  return TRUE;
}

/* How far the new rule of a split is done: through the day before @from,
 * or as far as the old rule was, so that it deals with no day again; but
 * an occurrence it takes over that was moved before that is looked at on
 * its day. */
static void
split_done_through (OutlayRecurringRule *old,
                    const GDate         *from,
                    GHashTable          *taken_over,
                    char                 text[OUTLAY_DATE_ISO_SIZE])
{
  g_autoptr (GDate) old_done = NULL;
  GHashTableIter iter;
  gpointer       value;
  GDate          done = *from;

  g_date_subtract_days (&done, 1);
  if (outlay_recurring_rule_get_done_through (old) != NULL &&
      (old_done = outlay_date_parse_iso (outlay_recurring_rule_get_done_through (old))) != NULL &&
      g_date_compare (old_done, &done) > 0)
    done = *old_done;
  g_hash_table_iter_init (&iter, taken_over);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const OutlayRecurringException *exception = value;

      if (!exception->skipped && g_date_valid (&exception->day) && g_date_compare (&exception->day, &done) <= 0)
        {
          done = exception->day;
          g_date_subtract_days (&done, 1);
        }
    }
  outlay_date_format_iso_buf (&done, text);
}

/* The old rule of a split ends the day before @from, unless it ends
 * before: one that ends after a number of times ends on a day instead. */
static gboolean
end_before (OutlayRepository    *self,
            OutlayRecurringRule *old,
            const GDate         *from,
            const char          *now,
            GError             **error)
{
  OutlayOccurrence occurrence;
  char             until[OUTLAY_DATE_ISO_SIZE];
  sqlite3_stmt    *stmt;
  GDate            last = *from;

  if (!next_scheduled (outlay_recurring_rule_get_recurrence (old), from, TRUE, &occurrence))
    return TRUE;
  g_date_subtract_days (&last, 1);
  outlay_date_format_iso_buf (&last, until);
  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE recurring_rules SET end_count = NULL, end_on = ?, updated_at = ? "
                                        "WHERE uuid = ?",
                                        error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, until, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, outlay_recurring_rule_get_uuid (old), -1, SQLITE_TRANSIENT);
  return outlay_repository_step_done (self, stmt, _("Could not save the recurring expense"), error);
}

/* The old rule's exceptions from @from on go to the new rule where its
 * schedule still names their day (@taken_over), and are deleted where it
 * does not. The occurrences the old rule wrote ahead of their day stay its
 * own; the new rule skips them rather than write them a second time. */
static gboolean
hand_over (OutlayRepository       *self,
           OutlayRecurringRule    *old,
           const char             *new_uuid,
           const OutlayRecurrence *r,
           const GDate            *from,
           GHashTable             *exceptions,
           GHashTable             *taken_over,
           const char             *now,
           GError                **error)
{
  const char *old_uuid = outlay_recurring_rule_get_uuid (old);
  g_autoptr (GHashTable) written = NULL;
  char           from_text[OUTLAY_DATE_ISO_SIZE];
  GHashTableIter iter;
  gpointer       key;

  outlay_date_format_iso_buf (from, from_text);
  g_hash_table_iter_init (&iter, exceptions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean taken = g_hash_table_contains (taken_over, key);

      if (strcmp (key, from_text) >= 0 &&
          !update_exception (self,
                             taken ? "UPDATE recurring_exceptions SET rule_uuid = ?, updated_at = ? "
                                     "WHERE rule_uuid = ? AND scheduled_on = ? AND deleted_at IS NULL"
                                   : DELETE_EXCEPTION,
                             taken ? new_uuid : now, now, old_uuid, key, error))
        return FALSE;
    }

  if (!(written = outlay_repository_read_written_occurrences (self, old, from, error)))
    return FALSE;
  g_hash_table_iter_init (&iter, written);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr (GDate) scheduled = outlay_date_parse_iso (key);

      if (scheduled != NULL && names_day (r, scheduled) &&
          !outlay_repository_write_skipped_occurrence (self, new_uuid, scheduled, now, error))
        return FALSE;
    }
  return TRUE;
}

/* Of @exceptions, those from @from on whose day @r names. */
static GHashTable *
find_taken_over (GHashTable             *exceptions,
                 const GDate            *from,
                 const OutlayRecurrence *r)
{
  GHashTable    *taken_over = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer       key, value;

  g_hash_table_iter_init (&iter, exceptions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr (GDate) scheduled = outlay_date_parse_iso (key);

      if (scheduled != NULL && g_date_compare (scheduled, from) >= 0 && names_day (r, scheduled))
        g_hash_table_insert (taken_over, key, value);
    }
  return taken_over;
}

/**
 * outlay_repository_split_recurring_rule:
 * @uuid: the rule
 * @from: the first day the change is for
 * @changed: what the rule is from @from on (its identity and how far it
 *   is done are not read)
 *
 * Changes a rule from a day on ("this and later"): the rule ends the day
 * before @from (unless it ends before), and a new one with @changed's
 * fields starts on the first day its schedule names from @from on. What
 * the old rule wrote stays its own and is not written again; one that
 * ended after a number of times keeps its count in all, when @changed
 * keeps it. The skipped and changed occurrences from @from on go to the
 * new rule where it still has their day. A @from on or before the rule's
 * first day changes the rule itself, as
 * outlay_repository_update_recurring_rule() does.
 *
 * Returns: (transfer full): the new rule as stored (or the changed one)
 */
OutlayRecurringRule *
outlay_repository_split_recurring_rule (OutlayRepository    *self,
                                        const char          *uuid,
                                        const GDate         *from,
                                        OutlayRecurringRule *changed,
                                        GError             **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRecurringRule) old = NULL;
  g_autoptr (OutlayRecurringRule) draft = NULL;
  g_autoptr (GHashTable) exceptions = NULL;
  g_autoptr (GHashTable) taken_over = NULL;
  g_autofree char *now = NULL;
  g_autofree char *new_uuid = NULL;
  char             done[OUTLAY_DATE_ISO_SIZE];
  OutlayRecurrence r;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL && from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (changed), NULL);

  if (!outlay_repository_check_writable (self, error) ||
      !outlay_repository_validate_recurring_rule (self, changed, error) ||
      !(old = outlay_repository_read_live_recurring_rule (self, uuid, error)))
    return NULL;

  if (g_date_compare (from, &outlay_recurring_rule_get_recurrence (old)->start) <= 0)
    {
      g_autoptr (OutlayRecurringRule) whole = outlay_recurring_rule_copy (changed);

      outlay_recurring_rule_set_identity (whole, outlay_recurring_rule_get_id (old), uuid);
      return outlay_repository_update_recurring_rule (self, whole, error);
    }

  now = outlay_timestamp_now_utc ();
  /* Read again in the transaction: a catch-up may have moved it on. */
  g_clear_object (&old);
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(old = outlay_repository_read_live_recurring_rule (self, uuid, error)) ||
      !split_recurrence (outlay_recurring_rule_get_recurrence (old), outlay_recurring_rule_get_recurrence (changed),
                         from, &r, error) ||
      !(exceptions = outlay_repository_read_recurring_exceptions (self, old, error)))
    return NULL;

  taken_over = find_taken_over (exceptions, from, &r);
  split_done_through (old, from, taken_over, done);
  draft = outlay_recurring_rule_copy (changed);
  outlay_recurring_rule_set_identity (draft, 0, NULL);
  outlay_recurring_rule_set_timestamps (draft, NULL, NULL, NULL);
  outlay_recurring_rule_set_recurrence (draft, &r);
  outlay_recurring_rule_set_done_through (draft, done);

  if (!end_before (self, old, from, now, error) ||
      !outlay_repository_insert_recurring_rule (self, draft, now, &new_uuid, error) ||
      !hand_over (self, old, new_uuid, &r, from, exceptions, taken_over, now, error))
    return NULL;

  return outlay_repository_finish_recurring_write (self, transaction, new_uuid, FALSE, error);
}

/**
 * outlay_repository_get_occurrence:
 * @rule_uuid: the rule
 * @scheduled: the day the schedule names for the occurrence
 * @planned: (out caller-allocates): the occurrence as it falls: its day
 *   and amount, its own or the rule's
 *
 * Returns: whether the occurrence is still to come or due (not written nor
 *   skipped); %OUTLAY_REPOSITORY_ERROR_NOT_FOUND if not
 */
gboolean
outlay_repository_get_occurrence (OutlayRepository     *self,
                                  const char           *rule_uuid,
                                  const GDate          *scheduled,
                                  OutlayPlannedExpense *planned,
                                  GError              **error)
{
  g_autoptr (OutlayRecurringRule) rule = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (rule_uuid != NULL && scheduled != NULL && g_date_valid (scheduled), FALSE);
  g_return_val_if_fail (planned != NULL, FALSE);

  memset (planned, 0, sizeof *planned);
  return (rule = outlay_repository_read_live_recurring_rule (self, rule_uuid, error)) != NULL &&
         outlay_repository_find_open_occurrence (self, rule, scheduled, planned, error);
}

/**
 * outlay_repository_override_occurrence:
 * @rule_uuid: the rule
 * @scheduled: the day the schedule names for the occurrence
 * @amount: its own amount, or -1 for the rule's
 * @day: (nullable): the day it falls on instead, or %NULL for the one its
 *   schedule gives it
 *
 * Gives one occurrence still to come or due, not written yet, its own
 * amount or day (or both; what is given replaces what an earlier change
 * gave). outlay_repository_restore_occurrence() takes it back.
 *
 * Returns: whether it was changed; %OUTLAY_REPOSITORY_ERROR_NOT_FOUND when
 *   the schedule has no such occurrence still to come or due, or it is
 *   written already
 */
gboolean
outlay_repository_override_occurrence (OutlayRepository *self,
                                       const char       *rule_uuid,
                                       const GDate      *scheduled,
                                       gint64            amount,
                                       const GDate      *day,
                                       GError          **error)
{
  g_auto (OutlayPlannedExpense) planned = { 0 };
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  char             scheduled_text[OUTLAY_DATE_ISO_SIZE];
  char             day_text[OUTLAY_DATE_ISO_SIZE] = "";
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (rule_uuid != NULL && scheduled != NULL && g_date_valid (scheduled), FALSE);
  g_return_val_if_fail (amount >= 0 || day != NULL, FALSE);

  if (amount != -1 && (amount <= 0 || amount > OUTLAY_MONEY_MAX))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                           amount <= 0 ? _("A recurring expense’s amount is more than zero.")
                                       : _("The amount is too large."));
      return FALSE;
    }
  if (day != NULL && g_date_valid (day))
    outlay_date_format_iso_buf (day, day_text);
  if (day != NULL && !outlay_date_is_valid (day_text))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DATE,
                           _("The date must be a real day between 1900 and 2999."));
      return FALSE;
    }
  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  now = outlay_timestamp_now_utc ();
  uuid = outlay_uuid_new ();
  outlay_date_format_iso_buf (scheduled, scheduled_text);
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(rule = outlay_repository_read_live_recurring_rule (self, rule_uuid, error)) ||
      !check_not_written (self, rule, scheduled, error) ||
      !outlay_repository_find_open_occurrence (self, rule, scheduled, &planned, error) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "INSERT INTO recurring_exceptions (uuid, rule_uuid, scheduled_on, skipped, "
                                        "amount, occurs_on, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?) "
                                        "ON CONFLICT (rule_uuid, scheduled_on) WHERE deleted_at IS NULL "
                                        "DO UPDATE SET skipped = 0, amount = excluded.amount, "
                                        "occurs_on = excluded.occurs_on, updated_at = excluded.updated_at",
                                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rule_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, scheduled_text, -1, SQLITE_TRANSIENT);
  if (amount >= 0)
    sqlite3_bind_int64 (stmt, 4, amount);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, day != NULL ? day_text : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not save the occurrence of the recurring expense"), error))
    return FALSE;

  /* Moved to a day the rule was done through: looked at there. */
  if ((day != NULL && !reopen_from (self, rule, day, error)) || !outlay_transaction_commit (transaction, error))
    return FALSE;

  outlay_repository_emit_recurring_changed (self);
  return TRUE;
}

/**
 * outlay_repository_pause_recurring_rule:
 * @uuid: the rule's uuid
 * @pause: pause it (from now), or resume it
 *
 * Pauses or resumes the rule: nothing that falls while it is paused is
 * written, then or later. A rule that is so already is left as it is.
 *
 * Returns: (transfer full): the rule as stored
 */
OutlayRecurringRule *
outlay_repository_pause_recurring_rule (OutlayRepository *self,
                                        const char       *uuid,
                                        gboolean          pause,
                                        GError          **error)
{
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(rule = outlay_repository_read_recurring_rule (self, uuid, error)))
    return NULL;
  if (pause == (outlay_recurring_rule_get_paused_at (rule) != NULL))
    return g_steal_pointer (&rule);

  if (pause)
    now = outlay_timestamp_now_utc ();
  outlay_recurring_rule_set_paused_at (rule, now);
  return outlay_repository_update_recurring_rule (self, rule, error);
}

/**
 * outlay_repository_count_recurring_expenses:
 * @rule_uuid: a rule's uuid
 *
 * What deleting the rule with its expenses would delete. Reads the rule's
 * own expenses only, by their index.
 *
 * Returns: how many expenses the rule wrote that are not deleted, or -1
 *   with @error set
 */
gint64
outlay_repository_count_recurring_expenses (OutlayRepository *self,
                                            const char       *rule_uuid,
                                            GError          **error)
{
  sqlite3_stmt *stmt;
  gint64        count = -1;
  int           rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), -1);
  g_return_val_if_fail (rule_uuid != NULL, -1);

  if (!(stmt = outlay_database_prepare (self->database,
                                        "SELECT count(*) FROM expenses WHERE rule_uuid = ? AND deleted_at IS NULL",
                                        error)))
    return -1;

  sqlite3_bind_text (stmt, 1, rule_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the recurring expenses"));
  return count;
}

/* Runs one of take_back_split()'s statements: its four values in order. */
static gboolean
run_four (OutlayRepository *self,
          const char       *sql,
          const char       *a,
          const char       *b,
          const char       *c,
          const char       *d,
          GError          **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, c, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, d, -1, SQLITE_TRANSIENT);
  return outlay_repository_step_done (self, stmt, _("Could not undo the change of the recurring expense"), error);
}

/**
 * outlay_repository_take_back_split:
 * @before: the rule as it was before outlay_repository_split_recurring_rule()
 * @added_uuid: the rule the split added
 *
 * The Undo of a change "from a day on": the exceptions the split handed to
 * the new rule go back to the old one, those it deleted come back, the
 * skips it wrote go; the new rule goes (with anything it wrote since), and
 * the old rule is as it was. Safe to run again when a step was refused
 * because another program was writing.
 *
 * Returns: whether it was taken back
 */
gboolean
outlay_repository_take_back_split (OutlayRepository    *self,
                                   OutlayRecurringRule *before,
                                   const char          *added_uuid,
                                   GError             **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRecurringRule) added = NULL;
  g_autoptr (OutlayRecurringRule) gone = NULL;
  g_autoptr (OutlayRecurringRule) restored = NULL;
  g_autofree char *now = NULL;
  const char      *old_uuid;
  const char      *split_at;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (before) && added_uuid != NULL, FALSE);

  if (!outlay_repository_check_writable (self, error) ||
      !(added = outlay_repository_get_recurring_rule (self, added_uuid, error)))
    return FALSE;

  old_uuid = outlay_recurring_rule_get_uuid (before);
  split_at = outlay_recurring_rule_get_created_at (added);
  now = outlay_timestamp_now_utc ();
  if (outlay_recurring_rule_get_deleted_at (added) == NULL)
    {
      if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
          /* Those it deleted, on the days the new schedule does not name. */
          !run_four (self,
                     "UPDATE recurring_exceptions SET deleted_at = NULL, updated_at = ? "
                     "WHERE rule_uuid = ? AND deleted_at = ? AND ? IS NOT NULL",
                     now, old_uuid, split_at, split_at, error) ||
          /* The skips it wrote for days the old rule had written. */
          !run_four (self,
                     "UPDATE recurring_exceptions SET deleted_at = ?, updated_at = ? "
                     "WHERE rule_uuid = ? AND deleted_at IS NULL AND created_at >= ?",
                     now, now, added_uuid, split_at, error) ||
          /* Those it handed over. */
          !run_four (self,
                     "UPDATE recurring_exceptions SET rule_uuid = ?, updated_at = ? "
                     "WHERE rule_uuid = ? AND deleted_at IS NULL AND created_at < ?",
                     old_uuid, now, added_uuid, split_at, error) ||
          !outlay_transaction_commit (transaction, error))
        return FALSE;
      if (!(gone = outlay_repository_delete_recurring_rule (self, added_uuid, TRUE, error)))
        return FALSE;
    }

  restored = outlay_repository_update_recurring_rule (self, before, error);
  return restored != NULL;
}
