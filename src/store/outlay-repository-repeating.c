/* outlay-repository-repeating.c
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

/* An expense typed in the editor that repeats: its rule, and what the rule
 * owes up to today, written as one change that either happens or leaves
 * the ledger as it was. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-repository-private.h"

/**
 * outlay_repository_add_repeating_expense:
 * @draft: the expense as typed; its day is the first of the schedule
 * @recurrence: how it repeats; its start is taken from @draft's day
 * @mode: whether later occurrences are written on their day or asked for
 * @today: today
 * @written: (out) (transfer full) (element-type gint64): the expenses
 *   written now: the one typed when its day has come (confirmed, for a rule
 *   that asks), and for an automatic rule every other one due up to @today
 *
 * Returns: (transfer full): the rule as stored, or %NULL with @error set and
 *   nothing changed
 */
OutlayRecurringRule *
outlay_repository_add_repeating_expense (OutlayRepository       *self,
                                         OutlayExpense          *draft,
                                         const OutlayRecurrence *recurrence,
                                         OutlayRecurringMode     mode,
                                         const GDate            *today,
                                         GArray                **written,
                                         GError                **error)
{
  g_autoptr (OutlayRecurringRule) rule = outlay_recurring_rule_new ();
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GDate) start = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  OutlayCategory  *category;
  OutlayRecurrence repeat;
  OutlayOccurrence first;
  gboolean         owed;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (draft), NULL);
  g_return_val_if_fail (recurrence != NULL && today != NULL && written != NULL, NULL);

  start = outlay_date_parse_iso (outlay_expense_get_occurred_on (draft));
  if (start == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DATE,
                           _("A repeating expense needs the day it starts."));
      return NULL;
    }
  repeat = *recurrence;
  repeat.start = *start;

  outlay_recurring_rule_set_amount (rule, outlay_expense_get_amount (draft));
  outlay_recurring_rule_set_currency (rule, outlay_expense_get_currency (draft));
  outlay_recurring_rule_set_description (rule, outlay_expense_get_description (draft));
  outlay_recurring_rule_set_note (rule, outlay_expense_get_note (draft));
  if ((category = outlay_repository_lookup_category (self, outlay_expense_get_category_id (draft))) != NULL)
    outlay_recurring_rule_set_category_uuid (rule, outlay_category_get_uuid (category));
  outlay_recurring_rule_set_recurrence (rule, &repeat);
  outlay_recurring_rule_set_mode (rule, mode);

  if (!outlay_repository_check_writable (self, error) ||
      !outlay_repository_validate_recurring_rule (self, rule, error))
    return NULL;

  /* The day typed is the first occurrence: written when it has come
   * (confirmed by typing it, for a rule that asks), and for an automatic
   * rule every later one that is owed too. */
  owed = outlay_recurrence_next (&repeat, start, &first) && g_date_compare (&first.day, today) <= 0;
  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !outlay_repository_insert_recurring_rule (self, rule, now, &uuid, error) ||
      !(stored = outlay_repository_get_recurring_rule (self, uuid, error)) ||
      (owed && !outlay_repository_write_owed (self, stored, today,
                                              mode == OUTLAY_RECURRING_CONFIRM ? &first.scheduled : NULL, now, ids,
                                              error)))
    return NULL;
  g_clear_object (&stored);
  if (!(stored = outlay_repository_get_recurring_rule (self, uuid, error)) ||
      !outlay_repository_sync_search (self, error) || !outlay_transaction_commit (transaction, error))
    return NULL;

  if (ids->len > 0)
    outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  outlay_repository_emit_recurring_changed (self);
  *written = g_steal_pointer (&ids);
  return g_steal_pointer (&stored);
}

/**
 * outlay_repository_confirm_due:
 * @today: today
 *
 * Confirm All: writes every occurrence due up to @today of the recurring
 * expenses that ask first, as one change: all of them, or none.
 *
 * Returns: (transfer full) (element-type gint64): the expenses written, or
 *   %NULL with @error set and nothing changed
 */
GArray *
outlay_repository_confirm_due (OutlayRepository *self,
                               const GDate      *today,
                               GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) due = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!outlay_repository_check_writable (self, error))
    return NULL;
  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(due = outlay_repository_list_due (self, today, error)))
    return NULL;

  for (guint i = 0; i < due->len; i++)
    {
      const OutlayPlannedExpense *planned = &g_array_index (due, OutlayPlannedExpense, i);
      /* As it is now: confirming one moves how far it is done. */
      g_autoptr (OutlayRecurringRule) rule =
        outlay_repository_get_recurring_rule (self, outlay_recurring_rule_get_uuid (planned->rule), error);

      if (rule == NULL ||
          !outlay_repository_write_owed (self, rule, today, &planned->occurrence.scheduled, now, ids, error))
        return NULL;
    }
  if (!outlay_repository_sync_search (self, error) || !outlay_transaction_commit (transaction, error))
    return NULL;

  if (ids->len > 0)
    {
      outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
      outlay_repository_emit_recurring_changed (self);
    }
  return g_steal_pointer (&ids);
}
