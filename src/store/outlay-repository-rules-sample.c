/* outlay-repository-rules-sample.c
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

/* A rule tried against the ledger before it is saved: how many expenses
 * it matches and the newest few of them, in one read of the expenses,
 * newest first, a chunk at a time. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-category-rule-private.h"
#include "outlay-repository-private.h"

/* Expenses read at a time: between two chunks the sample looks at its
 * cancellable, and holds no snapshot of the file. */
#define SAMPLE_CHUNK_SIZE 8192

static const char *
text_or_empty (sqlite3_stmt *row,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (row, column);

  return text != NULL ? text : "";
}

/**
 * outlay_repository_sample_rule_matches:
 * @self: a repository on a connection of its own (the one an
 *   #OutlayReader gives its function), in a worker: this reads every
 *   expense
 * @rule: a rule, stored or a draft
 * @limit: the most expenses to return
 * @cancellable: (nullable): stops the read
 * @count: (out): how many live expenses @rule matches
 * @expenses: (out) (transfer container) (element-type OutlayExpense): the
 *   newest of them (by when they were written down), at most @limit
 *
 * Like outlay_repository_count_rule_matches(), and shows some of what is
 * counted: a rule tried against the ledger before it is saved.
 */
gboolean
outlay_repository_sample_rule_matches (OutlayRepository   *self,
                                       OutlayCategoryRule *rule,
                                       guint               limit,
                                       GCancellable       *cancellable,
                                       guint              *count,
                                       GPtrArray         **expenses,
                                       GError            **error)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  g_autoptr (OutlayCategoryRule) live = NULL;
  g_autoptr (OutlayRuleSet) set = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 last_id = G_MAXINT64;
  guint  matched = 0;
  guint  n_read;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (rule), FALSE);
  g_return_val_if_fail (count != NULL && expenses != NULL, FALSE);

  /* A deleted rule is tried as if it were not. */
  live = outlay_category_rule_copy (rule);
  outlay_category_rule_set_timestamps (live, outlay_category_rule_get_created_at (rule),
                                       outlay_category_rule_get_updated_at (rule), NULL);
  g_ptr_array_add (rules, live);
  set = outlay_rule_set_new (rules);

  do
    {
      g_autoptr (OutlayCachedStatement) stmt = NULL;
      int rc;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      stmt = outlay_database_prepare (self->database,
                                      "SELECT id, amount, currency, description, note FROM expenses "
                                      "WHERE id < ? AND deleted_at IS NULL ORDER BY id DESC LIMIT ?",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, last_id);
      sqlite3_bind_int (stmt, 2, SAMPLE_CHUNK_SIZE);

      n_read = 0;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          last_id = sqlite3_column_int64 (stmt, 0);
          n_read++;
          if (outlay_rule_set_match_index (set, text_or_empty (stmt, 3), text_or_empty (stmt, 4),
                                           sqlite3_column_int64 (stmt, 1), text_or_empty (stmt, 2)) < 0)
            continue;
          if (matched < limit)
            g_array_append_val (ids, last_id);
          matched++;
        }
      if (rc != SQLITE_DONE)
        {
          /* The reader's progress handler interrupts a cancelled read. */
          if (!g_cancellable_set_error_if_cancelled (cancellable, error))
            outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
          return FALSE;
        }
    }
  while (n_read == SAMPLE_CHUNK_SIZE);

  for (guint i = 0; i < ids->len; i++)
    {
      OutlayExpense *expense = outlay_repository_get_expense (self, g_array_index (ids, gint64, i), error);

      if (expense == NULL)
        return FALSE;
      g_ptr_array_add (found, expense);
    }

  *count = matched;
  *expenses = g_steal_pointer (&found);
  return TRUE;
}
