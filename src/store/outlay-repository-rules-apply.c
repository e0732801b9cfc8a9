/* outlay-repository-rules-apply.c
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

/* The rules applied to the expenses there are ("Apply Rules to Existing
 * Expenses…"), in three steps so that the long one runs in a worker:
 *
 *  1. outlay_repository_plan_rules() reads every live expense, in chunks by
 *     id, and lists what the rules would change. It only reads, and is
 *     meant for a worker: on the repository an OutlayReader gives its
 *     function (its own read-only connection), with progress and a
 *     cancellable; the command line runs it on its one connection.
 *     outlay_repository_count_rule_matches() reads the same way, for a
 *     rule's "matches 37 expenses";
 *  2. outlay_repository_apply_rules_plan() writes the changes in one
 *     transaction, leaving alone an expense that changed since the plan;
 *  3. outlay_repository_undo_rules_apply() puts back what the apply wrote,
 *     where it is still what the apply wrote.
 *
 * The window writes (2) and (3) in a worker too, through a connection of
 * its own (the _async() calls): a million changes take seconds.
 *
 * A plan keeps the texts of its changes in a string chunk, each distinct
 * text once: a million changes of a few hundred descriptions cost little
 * more than their ids. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-category-rule-private.h"
#include "outlay-repository-private.h"

/* Expenses read at a time: between two chunks the plan says how far it
 * is and looks at its cancellable. */
#define CHUNK_SIZE 8192

/* The page cache of a large apply or Undo, as of a bulk insert. */
#define WRITE_CACHE_KIB (64 * 1024)

/* The columns scan_expenses() reads, in order. */
enum
{
  COLUMN_ID,
  COLUMN_CATEGORY_ID,
  COLUMN_AMOUNT,
  COLUMN_CURRENCY,
  COLUMN_DESCRIPTION,
  COLUMN_NOTE,
  COLUMN_OCCURRED_ON,
  COLUMN_UPDATED_AT,
};

#define SCAN_COLUMNS "id, category_id, amount, currency, description, note, occurred_on, updated_at"

G_DEFINE_BOXED_TYPE (OutlayRulesPlan, outlay_rules_plan, outlay_rules_plan_ref, outlay_rules_plan_unref)

static OutlayRulesPlan *
plan_new (GPtrArray *rules)
{
  OutlayRulesPlan *plan = g_new0 (OutlayRulesPlan, 1);

  g_atomic_ref_count_init (&plan->ref_count);
  plan->rules = g_ptr_array_new_full (rules->len, g_object_unref);
  for (guint i = 0; i < rules->len; i++)
    g_ptr_array_add (plan->rules, g_object_ref (g_ptr_array_index (rules, i)));
  plan->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (plan->counts, rules->len);
  plan->changes = g_array_new (FALSE, FALSE, sizeof (OutlayRuleChange));

  return plan;
}

OutlayRulesPlan *
outlay_rules_plan_ref (OutlayRulesPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  g_atomic_ref_count_inc (&plan->ref_count);
  return plan;
}

void
outlay_rules_plan_unref (OutlayRulesPlan *plan)
{
  g_return_if_fail (plan != NULL);

  if (!g_atomic_ref_count_dec (&plan->ref_count))
    return;

  g_ptr_array_unref (plan->rules);
  g_array_unref (plan->counts);
  g_array_unref (plan->changes);
  g_free (plan->applied_at);
  g_clear_pointer (&plan->strings, g_string_chunk_free);
  g_clear_pointer ((OutlayRulesPlan **) &plan->planned, outlay_rules_plan_unref);
  g_free (plan);
}

/* Reading */

static gboolean
set_cancelled (GCancellable *cancellable,
               GError      **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* How many live expenses there are (of @category_id, unless 0), from the
 * per-day summary. */
static gboolean
count_live (OutlayRepository *self,
            gint64            category_id,
            guint            *count,
            GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  stmt = outlay_database_prepare (self->database,
                                  category_id != 0
                                    ? "SELECT coalesce(sum(count), 0) FROM expense_days WHERE category_id = ?"
                                    : "SELECT coalesce(sum(count), 0) FROM expense_days",
                                  error);
  if (stmt == NULL)
    return FALSE;

  if (category_id != 0)
    sqlite3_bind_int64 (stmt, 1, category_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }

  *count = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  return TRUE;
}

typedef void (*RowFunc) (sqlite3_stmt *row,
                         gpointer      user_data);

/* Calls @func with every live expense (of @category_id, unless 0), by id,
 * a chunk at a time: each chunk is a read of its own, so that a long scan
 * holds no snapshot of the file and a write in between is not waited for.
 * The category is compared row by row (+category_id): its index would
 * give the rows out of the order of their ids. */
static gboolean
scan_expenses (OutlayRepository       *self,
               gint64                  category_id,
               OutlayRulesProgressFunc progress,
               gpointer                progress_data,
               GCancellable           *cancellable,
               RowFunc                 func,
               gpointer                user_data,
               guint                  *n_scanned,
               GError                **error)
{
  gint64 last_id = 0;
  guint  total = 0;
  guint  done = 0;
  guint  n_read;

  if (progress != NULL && !count_live (self, category_id, &total, error))
    return FALSE;

  do
    {
      g_autoptr (OutlayCachedStatement) stmt = NULL;
      int rc;

      if (set_cancelled (cancellable, error))
        return FALSE;

      stmt = outlay_database_prepare (self->database,
                                      category_id != 0 ? "SELECT " SCAN_COLUMNS " FROM expenses WHERE id > ? "
                                                         "AND deleted_at IS NULL AND +category_id = ? "
                                                         "ORDER BY id LIMIT ?"
                                                       : "SELECT " SCAN_COLUMNS " FROM expenses WHERE id > ? "
                                                         "AND deleted_at IS NULL ORDER BY id LIMIT ?",
                                      error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, last_id);
      if (category_id != 0)
        sqlite3_bind_int64 (stmt, 2, category_id);
      sqlite3_bind_int (stmt, category_id != 0 ? 3 : 2, CHUNK_SIZE);

      n_read = 0;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          last_id = sqlite3_column_int64 (stmt, COLUMN_ID);
          func (stmt, user_data);
          n_read++;
        }
      if (rc != SQLITE_DONE)
        {
          /* The reader's progress handler interrupts a cancelled read. */
          if (!set_cancelled (cancellable, error))
            outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
          return FALSE;
        }

      done += n_read;
      if (progress != NULL)
        progress (done, MAX (total, done), progress_data);
    }
  while (n_read == CHUNK_SIZE);

  if (n_scanned != NULL)
    *n_scanned = done;
  return TRUE;
}

static const char *
column_text (sqlite3_stmt *row,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (row, column);

  return text != NULL ? text : "";
}

typedef struct
{
  OutlayRuleSet *set;
  guint          count;
} Counting;

static void
count_row (sqlite3_stmt *row,
           gpointer      user_data)
{
  Counting *counting = user_data;

  if (outlay_rule_set_match_index (counting->set, column_text (row, COLUMN_DESCRIPTION),
                                   column_text (row, COLUMN_NOTE), sqlite3_column_int64 (row, COLUMN_AMOUNT),
                                   column_text (row, COLUMN_CURRENCY)) >= 0)
    counting->count++;
}

/**
 * outlay_repository_count_rule_matches:
 * @self: a repository on a connection of its own (the one an
 *   #OutlayReader gives its function), in a worker: this reads every
 *   expense
 * @rule: a rule, stored or a draft; its position does not matter
 * @cancellable: (nullable): stops the count
 * @count: (out): how many live expenses it matches, whatever their
 *   category and whatever the other rules say
 *
 * For a Rules page's "matches 37 expenses" as a rule is typed.
 */
gboolean
outlay_repository_count_rule_matches (OutlayRepository   *self,
                                      OutlayCategoryRule *rule,
                                      GCancellable       *cancellable,
                                      guint              *count,
                                      GError            **error)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  g_autoptr (OutlayCategoryRule) live = NULL;
  g_autoptr (OutlayRuleSet) set = NULL;
  Counting counting = { 0 };

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (rule), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  /* A deleted rule is counted as if it were not. */
  live = outlay_category_rule_copy (rule);
  outlay_category_rule_set_timestamps (live, outlay_category_rule_get_created_at (rule),
                                       outlay_category_rule_get_updated_at (rule), NULL);
  g_ptr_array_add (rules, live);
  set = outlay_rule_set_new (rules);
  counting.set = set;

  if (!scan_expenses (self, 0, NULL, NULL, cancellable, count_row, &counting, NULL, error))
    return FALSE;

  *count = counting.count;
  return TRUE;
}

/* Planning */

typedef struct
{
  OutlayRuleSet   *set;
  gboolean         uses_note;
  GArray          *category_ids; /* gint64 for each rule: 0 when its category is gone */
  OutlayRulesPlan *plan;
} Planning;

static void
plan_row (sqlite3_stmt *row,
          gpointer      user_data)
{
  Planning           *planning = user_data;
  OutlayRulesPlan    *plan = planning->plan;
  const char         *description = column_text (row, COLUMN_DESCRIPTION);
  const char         *currency = column_text (row, COLUMN_CURRENCY);
  gint64              amount = sqlite3_column_int64 (row, COLUMN_AMOUNT);
  gint64              old_category_id = sqlite3_column_int64 (row, COLUMN_CATEGORY_ID);
  OutlayCategoryRule *rule;
  const char         *rename_to;
  OutlayRuleChange    change = { 0 };
  gboolean            renamed;
  int                 index;

  index = outlay_rule_set_match_index (planning->set, description,
                                       planning->uses_note ? column_text (row, COLUMN_NOTE) : NULL, amount, currency);
  if (index < 0 || g_array_index (planning->category_ids, gint64, index) == 0)
    return;

  rule = g_ptr_array_index (plan->rules, index);
  rename_to = outlay_category_rule_get_rename_to (rule);
  renamed = rename_to != NULL && strcmp (rename_to, description) != 0;
  change.new_category_id = g_array_index (planning->category_ids, gint64, index);
  if (change.new_category_id == old_category_id && !renamed)
    return;

  change.expense_id = sqlite3_column_int64 (row, COLUMN_ID);
  change.old_category_id = old_category_id;
  change.old_description = g_string_chunk_insert_const (plan->strings, description);
  change.new_description = renamed ? g_string_chunk_insert_const (plan->strings, rename_to) : change.old_description;
  change.amount = amount;
  g_strlcpy (change.currency, currency, sizeof change.currency);
  g_strlcpy (change.date, column_text (row, COLUMN_OCCURRED_ON), sizeof change.date);
  change.rule_index = (guint) index;
  change.updated_at = g_string_chunk_insert_const (plan->strings, column_text (row, COLUMN_UPDATED_AT));
  g_array_append_val (plan->changes, change);
  g_array_index (plan->counts, guint, index)++;
}

/* The id of each rule's category, read from the file: a reader's
 * connection does not follow the categories as they change. */
static GArray *
read_category_ids (OutlayRepository *self,
                   GPtrArray        *rules,
                   GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) by_rule = g_array_new (FALSE, TRUE, sizeof (gint64));
  int rc;

  stmt = outlay_database_prepare (self->database, "SELECT uuid, id FROM categories WHERE deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the categories"));
      return NULL;
    }

  g_array_set_size (by_rule, rules->len);
  for (guint i = 0; i < rules->len; i++)
    {
      const char *uuid = outlay_category_rule_get_category_uuid (g_ptr_array_index (rules, i));

      g_array_index (by_rule, gint64, i) = uuid != NULL ? (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (ids, uuid))
                                                        : 0;
    }

  return g_steal_pointer (&by_rule);
}

/**
 * outlay_repository_plan_rules:
 * @self: a repository on a connection of its own (the one an
 *   #OutlayReader gives its function), in a worker: this reads every
 *   expense. The command line passes its only one.
 * @set: the rules, as outlay_repository_dup_rule_set() gives them
 * @only_fallback: only the expenses in the fallback category (“Other”)
 * @fallback_id: the id of the fallback category, for @only_fallback
 * @progress: (nullable) (scope call): told how many expenses are read, of
 *   how many, from the planning thread
 * @cancellable: (nullable): stops the plan, with %G_IO_ERROR_CANCELLED
 *
 * Reads the live expenses in the order of their ids and lists what the
 * rules change: the first rule that matches an expense gives it its
 * category, and its description when the rule renames. An expense that
 * would stay as it is is not listed, nor one whose rule's category is
 * gone. Nothing is written.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
OutlayRulesPlan *
outlay_repository_plan_rules (OutlayRepository       *self,
                              OutlayRuleSet          *set,
                              gboolean                only_fallback,
                              gint64                  fallback_id,
                              OutlayRulesProgressFunc progress,
                              gpointer                user_data,
                              GCancellable           *cancellable,
                              GError                **error)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  g_autoptr (OutlayRulesPlan) plan = NULL;
  g_autoptr (GArray) category_ids = NULL;
  Planning planning = { set, outlay_rule_set_uses_note (set), NULL, NULL };

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (!only_fallback || fallback_id > 0, NULL);

  for (guint i = 0; i < outlay_rule_set_get_n_rules (set); i++)
    g_ptr_array_add (rules, outlay_rule_set_get_rule (set, i));
  plan = plan_new (rules);
  plan->strings = g_string_chunk_new (64 * 1024);
  if (!(category_ids = read_category_ids (self, rules, error)))
    return NULL;

  planning.category_ids = category_ids;
  planning.plan = plan;
  if (rules->len > 0 &&
      !scan_expenses (self, only_fallback ? fallback_id : 0, progress, user_data, cancellable, plan_row, &planning,
                      &plan->n_scanned, error))
    return NULL;

  return g_steal_pointer (&plan);
}

/* Writing */

/* Puts one change in place where the expense still is as @from says:
 * @from_category, @from_description and @from_updated_at. */
static gboolean
write_change (OutlayRepository *self,
              gint64            expense_id,
              gint64            from_category,
              const char       *from_description,
              const char       *from_updated_at,
              gint64            to_category,
              const char       *to_description,
              const char       *now,
              gboolean         *written,
              GError          **error)
{
  gboolean      rename = to_description != from_description && strcmp (to_description, from_description) != 0;
  sqlite3_stmt *stmt;
  int           n = 1;

  /* Only a rename names the description: the search index is queued for
   * a row whose description is written, even unchanged. */
  stmt = outlay_database_prepare (self->database,
                                  rename ? "UPDATE expenses SET category_id = ?, description = ?, updated_at = ? "
                                           "WHERE id = ? AND deleted_at IS NULL AND updated_at = ? "
                                           "AND category_id = ? AND description = ?"
                                         : "UPDATE expenses SET category_id = ?, updated_at = ? "
                                           "WHERE id = ? AND deleted_at IS NULL AND updated_at = ? "
                                           "AND category_id = ? AND description = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, n++, to_category);
  if (rename)
    sqlite3_bind_text (stmt, n++, to_description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, n++, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, n++, expense_id);
  sqlite3_bind_text (stmt, n++, from_updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, n++, from_category);
  sqlite3_bind_text (stmt, n++, from_description, -1, SQLITE_STATIC);
  if (!outlay_repository_step_done (self, stmt, _("Could not change the expenses"), error))
    return FALSE;

  *written = sqlite3_changes (outlay_database_get_handle (self->database)) > 0;
  return TRUE;
}

/* Whether the category of @id is live, looked up once per apply: a
 * million changes go to a handful of categories. */
static gboolean
is_live_category (OutlayRepository *self,
                  GHashTable       *known,
                  gint64            id)
{
  gpointer found;

  if (!g_hash_table_lookup_extended (known, &id, NULL, &found))
    {
      gint64 *key = g_memdup2 (&id, sizeof id);

      found = GINT_TO_POINTER (outlay_repository_lookup_category (self, id) != NULL);
      g_hash_table_insert (known, key, found);
    }

  return GPOINTER_TO_INT (found);
}

/* Writes the changes of @plan, from what they were to what they become, or
 * back when @undo; @done gets those written. */
typedef struct
{
  OutlayRulesProgressFunc progress;
  gpointer                progress_data;
  GCancellable           *cancellable;
} Writing;

/* Says how far a write is; whether it goes on. */
static gboolean
keep_writing (const Writing *writing,
              guint          done,
              guint          total,
              GError       **error)
{
  if (writing->progress != NULL)
    writing->progress (done, total, writing->progress_data);
  return !set_cancelled (writing->cancellable, error);
}

static gboolean
write_changes (OutlayRepository *self,
               OutlayRulesPlan  *plan,
               gboolean          undo,
               const char       *now,
               const Writing    *writing,
               OutlayRulesPlan  *done,
               gboolean         *renamed,
               GError          **error)
{
  g_autoptr (GHashTable) categories = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean ok = TRUE;

  /* A large change spills no page before its commit. */
  outlay_database_set_cache_size (self->database, WRITE_CACHE_KIB);

  for (guint i = 0; ok && i < plan->changes->len; i++)
    {
      OutlayRuleChange change = g_array_index (plan->changes, OutlayRuleChange, i);
      gboolean         written = FALSE;

      /* Between two chunks: how far it is, and whether to stop (the
       * caller's transaction then rolls back). */
      if (writing != NULL && i > 0 && i % CHUNK_SIZE == 0 && !keep_writing (writing, i, plan->changes->len, error))
        {
          ok = FALSE;
          break;
        }

      if (undo && is_live_category (self, categories, change.old_category_id))
        ok = write_change (self, change.expense_id, change.new_category_id, change.new_description,
                           plan->applied_at, change.old_category_id, change.old_description, now, &written, error);
      else if (!undo && is_live_category (self, categories, change.new_category_id))
        ok = write_change (self, change.expense_id, change.old_category_id, change.old_description,
                           change.updated_at, change.new_category_id, change.new_description, now, &written, error);

      if (!written)
        {
          done->n_skipped++;
          continue;
        }

      *renamed |= change.new_description != change.old_description;
      change.updated_at = now;
      g_array_append_val (done->changes, change);
      g_array_index (done->counts, guint, change.rule_index)++;
    }

  outlay_database_set_cache_size (self->database, 0);
  /* Stopped before the commit, the last moment it can be. */
  return ok && (writing == NULL || keep_writing (writing, plan->changes->len, plan->changes->len, error));
}

static gboolean
apply_plan (OutlayRepository *self,
            OutlayRulesPlan  *plan,
            const Writing    *writing,
            OutlayRulesPlan **applied,
            GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRulesPlan) done = NULL;
  gboolean renamed = FALSE;

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  done = plan_new (plan->rules);
  done->applied_at = outlay_timestamp_now_utc ();
  done->planned = outlay_rules_plan_ref (plan);
  done->n_scanned = plan->n_scanned;
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !write_changes (self, plan, FALSE, done->applied_at, writing, done, &renamed, error) ||
      (renamed && !outlay_repository_sync_search (self, error)) || !outlay_transaction_commit (transaction, error))
    return FALSE;

  if (done->changes->len > 0)
    outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  if (applied != NULL)
    *applied = g_steal_pointer (&done);
  return TRUE;
}

/**
 * outlay_repository_apply_rules_plan:
 * @plan: what outlay_repository_plan_rules() planned
 * @applied: (out) (optional) (transfer full): what was changed, for
 *   outlay_repository_undo_rules_apply(); its n_skipped counts the expenses
 *   left alone
 *
 * Writes the plan's changes in one transaction. An expense changed, or
 * deleted, since the plan stays as it is, and so does one whose new
 * category was deleted since. Says that the expenses changed (a reset).
 */
gboolean
outlay_repository_apply_rules_plan (OutlayRepository *self,
                                    OutlayRulesPlan  *plan,
                                    OutlayRulesPlan **applied,
                                    GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (plan != NULL && plan->applied_at == NULL, FALSE);

  return apply_plan (self, plan, NULL, applied, error);
}

/**
 * outlay_repository_undo_rules_apply:
 * @applied: what outlay_repository_apply_rules_plan() changed
 * @n_restored: (out) (optional): how many expenses were put back
 *
 * Puts back the category and description each expense had, in one
 * transaction, where the expense is still as the apply left it; one changed
 * since, deleted, or whose old category was deleted since stays as it is.
 * The expenses put back get a new updated_at, as any change does.
 */
gboolean
outlay_repository_undo_rules_apply (OutlayRepository *self,
                                    OutlayRulesPlan  *applied,
                                    guint            *n_restored,
                                    GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayRulesPlan) undone = NULL;
  g_autofree char *now = NULL;
  gboolean         renamed = FALSE;
  guint            n;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (applied != NULL && applied->applied_at != NULL, FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  now = outlay_timestamp_now_utc ();
  undone = plan_new (applied->rules);
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !write_changes (self, applied, TRUE, now, NULL, undone, &renamed, error) ||
      (renamed && !outlay_repository_sync_search (self, error)) || !outlay_transaction_commit (transaction, error))
    return FALSE;

  n = undone->changes->len;
  if (n > 0)
    outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  if (n_restored != NULL)
    *n_restored = n;
  return TRUE;
}

/* In a worker */

/* An apply or an Undo written through a connection of its own, in a
 * worker: a million expenses take seconds to change. */
typedef struct
{
  char                   *path;
  OutlayRulesPlan        *plan;
  gboolean                undo;
  OutlayRulesProgressFunc progress;
  gpointer                progress_data;
  guint                   n_restored;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->path);
  outlay_rules_plan_unref (job->plan);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (OutlayRulesPlan) applied = NULL;
  g_autoptr (GError) error = NULL;
  Writing writing = { job->progress, job->progress_data, cancellable };

  if (!(database = outlay_database_open (job->path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  repository = outlay_repository_new (database);

  if (job->undo ? !outlay_repository_undo_rules_apply (repository, job->plan, &job->n_restored, &error)
                : !apply_plan (repository, job->plan, &writing, &applied, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (job->undo)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_pointer (task, g_steal_pointer (&applied), (GDestroyNotify) outlay_rules_plan_unref);
}

static void
write_async (OutlayRepository       *self,
             OutlayRulesPlan        *plan,
             gboolean                undo,
             OutlayRulesProgressFunc progress,
             gpointer                progress_data,
             GCancellable           *cancellable,
             GAsyncReadyCallback     callback,
             gpointer                user_data,
             gpointer                source_tag)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (GError) error = NULL;
  WriteJob *job;

  g_task_set_source_tag (task, source_tag);
  g_task_set_return_on_cancel (task, FALSE);
  /* Cancelled too late, the changes are written: the answer says so. */
  g_task_set_check_cancellable (task, FALSE);

  /* What the main connection knows, the worker's would not: a damaged
   * file, one opened read-only. */
  if (!outlay_repository_check_writable (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (WriteJob, 1);
  job->path = g_strdup (outlay_database_get_path (self->database));
  job->plan = outlay_rules_plan_ref (plan);
  job->undo = undo;
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

/* After the worker: the repository reads again what the other connection
 * wrote (the lists reset), and a damaged file is marked so. */
static void
write_finished (OutlayRepository *self,
                GError           *error)
{
  if (g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
    outlay_database_mark_damaged (self->database);
  outlay_repository_check_external_changes (self);
}

/**
 * outlay_repository_apply_rules_plan_async:
 * @plan: what outlay_repository_plan_rules() planned
 * @progress: (nullable): told how many changes are written, of how many,
 *   from the worker thread; @progress_data must live until @callback
 * @cancellable: (nullable): stops the apply, which then changes nothing
 *
 * As outlay_repository_apply_rules_plan(), through a connection of its
 * own in a worker thread. The repository learns of the changes before
 * @callback runs.
 */
void
outlay_repository_apply_rules_plan_async (OutlayRepository       *self,
                                          OutlayRulesPlan        *plan,
                                          OutlayRulesProgressFunc progress,
                                          gpointer                progress_data,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data)
{
  g_return_if_fail (OUTLAY_IS_REPOSITORY (self));
  g_return_if_fail (plan != NULL && plan->applied_at == NULL);

  write_async (self, plan, FALSE, progress, progress_data, cancellable, callback, user_data,
               outlay_repository_apply_rules_plan_async);
}

/**
 * outlay_repository_apply_rules_plan_finish:
 *
 * Returns: (transfer full): what was changed, for the Undo, or %NULL with
 *   @error set (%G_IO_ERROR_CANCELLED when stopped)
 */
OutlayRulesPlan *
outlay_repository_apply_rules_plan_finish (OutlayRepository *self,
                                           GAsyncResult     *result,
                                           GError          **error)
{
  g_autoptr (GError) local_error = NULL;
  OutlayRulesPlan *applied;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  applied = g_task_propagate_pointer (G_TASK (result), &local_error);
  write_finished (self, local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return applied;
}

/**
 * outlay_repository_undo_rules_apply_async:
 * @applied: what an apply changed
 *
 * As outlay_repository_undo_rules_apply(), through a connection of its
 * own in a worker thread.
 */
void
outlay_repository_undo_rules_apply_async (OutlayRepository   *self,
                                          OutlayRulesPlan    *applied,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data)
{
  g_return_if_fail (OUTLAY_IS_REPOSITORY (self));
  g_return_if_fail (applied != NULL && applied->applied_at != NULL);

  write_async (self, applied, TRUE, NULL, NULL, NULL, callback, user_data, outlay_repository_undo_rules_apply_async);
}

/**
 * outlay_repository_undo_rules_apply_finish:
 * @n_restored: (out) (optional): how many expenses were put back
 */
gboolean
outlay_repository_undo_rules_apply_finish (OutlayRepository *self,
                                           GAsyncResult     *result,
                                           guint            *n_restored,
                                           GError          **error)
{
  g_autoptr (GError) local_error = NULL;
  WriteJob *job;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      write_finished (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  write_finished (self, NULL);
  if (n_restored != NULL)
    *n_restored = job->n_restored;
  return TRUE;
}
