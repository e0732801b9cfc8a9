/* outlay-import-plan-rules.c: the category rules an import goes by
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
#include <sqlite3.h>

#include "outlay-category-rule-private.h"
#include "outlay-database-private.h"
#include "outlay-import-plan-private.h"

/* What a record goes by: the rule that matches it, and the name of its
 * category in the file that decides whether the rule may file it. */
typedef struct
{
  gint32  rule; /* -1: none */
  guint32 slot; /* 0: no category; else the match of plan->rule_matches */
} RecordRule;

gboolean
outlay_import_plan_init_rules (OutlayImportPlan *plan,
                               GError          **error)
{
  g_autoptr (OutlayRuleSet) set = NULL;
  OutlayCategory *fallback;
  guint           n_rules;

  if (plan->source->lossless)
    return TRUE;
  if (!(set = outlay_repository_dup_rule_set (plan->repository, error)))
    return FALSE;
  n_rules = outlay_rule_set_get_n_rules (set);
  fallback = outlay_repository_get_fallback_category (plan->repository);
  if (n_rules == 0 || fallback == NULL)
    return TRUE;

  plan->fallback_id = outlay_category_get_id (fallback);
  plan->rule_category_ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n_rules);
  g_array_set_size (plan->rule_category_ids, n_rules);
  for (guint i = 0; i < n_rules; i++)
    {
      const char     *uuid = outlay_category_rule_get_category_uuid (outlay_rule_set_get_rule (set, i));
      OutlayCategory *category = uuid != NULL ? outlay_repository_lookup_category_by_uuid (plan->repository, uuid)
                                              : NULL;

      g_array_index (plan->rule_category_ids, gint64, i) = category != NULL ? outlay_category_get_id (category) : 0;
    }

  plan->record_rules = g_array_sized_new (FALSE, FALSE, sizeof (RecordRule), plan->source->n_records);
  plan->rule_matches = g_ptr_array_new ();
  plan->rule_set = g_steal_pointer (&set);
  return TRUE;
}

void
outlay_import_plan_clear_rules (OutlayImportPlan *plan)
{
  g_clear_pointer (&plan->rule_set, outlay_rule_set_unref);
  g_clear_pointer (&plan->rule_category_ids, g_array_unref);
  g_clear_pointer (&plan->record_rules, g_array_unref);
  g_clear_pointer (&plan->rule_matches, g_ptr_array_unref);
  g_clear_pointer (&plan->category_rule_changes, g_array_unref);
}

/* Called for each record in order, the first time: only a record that
 * can end in the fallback category (no category, the fallback's, or a
 * name the person may still leave there) is matched. */
void
outlay_import_plan_note_rule (OutlayImportPlan          *plan,
                              OutlayImportRecord        *record,
                              OutlayImportCategoryMatch *match)
{
  RecordRule entry = { -1, 0 };

  if (plan->rule_set == NULL)
    return;

  if (match == NULL || match->category_id == 0 || match->category_id == plan->fallback_id)
    {
      entry.rule = outlay_rule_set_match_index (plan->rule_set, record->description, record->note, record->amount,
                                                record->currency != NULL ? record->currency : plan->currency);
      if (entry.rule >= 0 && g_array_index (plan->rule_category_ids, gint64, entry.rule) == 0)
        entry.rule = -1;
    }

  if (entry.rule >= 0 && match != NULL)
    {
      if (match->rule_slot == 0)
        {
          g_ptr_array_add (plan->rule_matches, match);
          match->rule_slot = plan->rule_matches->len;
        }
      entry.slot = match->rule_slot;
    }

  g_array_append_val (plan->record_rules, entry);
}

/**
 * outlay_import_plan_leave_in_fallback:
 * @name: a category the source names
 *
 * Returns: whether the source names @name
 */
gboolean
outlay_import_plan_leave_in_fallback (OutlayImportPlan *plan,
                                      const char       *name)
{
  OutlayCategory *fallback;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  fallback = outlay_repository_get_fallback_category (plan->repository);
  if (fallback == NULL || !outlay_import_plan_map_category (plan, name, outlay_category_get_id (fallback)))
    return FALSE;

  for (guint i = 0; i < plan->categories->len; i++)
    {
      OutlayImportCategoryMatch *match = g_ptr_array_index (plan->categories, i);
      g_autofree char           *a = g_utf8_casefold (match->name, -1);
      g_autofree char           *b = g_utf8_casefold (name, -1);

      if (g_str_equal (a, b))
        match->mapped = FALSE;
    }

  return TRUE;
}

/**
 * outlay_import_plan_get_rule_set:
 *
 * Returns: (transfer none) (nullable): the rules the import goes by, or
 *   %NULL when it goes by none
 */
OutlayRuleSet *
outlay_import_plan_get_rule_set (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->rule_set;
}

int
outlay_import_plan_get_record_rule (OutlayImportPlan *plan,
                                    guint             index)
{
  const RecordRule          *entry;
  OutlayImportCategoryMatch *match;

  g_return_val_if_fail (plan != NULL, -1);

  if (plan->record_rules == NULL || index >= plan->record_rules->len)
    return -1;

  entry = &g_array_index (plan->record_rules, RecordRule, index);
  if (entry->rule < 0 || entry->slot == 0)
    return entry->rule;

  match = g_ptr_array_index (plan->rule_matches, entry->slot - 1);
  if (match->mapped || match->category_id != plan->fallback_id)
    return -1;

  return entry->rule;
}

gint64
outlay_import_plan_get_rule_category_id (OutlayImportPlan *plan,
                                         guint             rule)
{
  g_return_val_if_fail (plan != NULL, 0);

  if (plan->rule_category_ids == NULL || rule >= plan->rule_category_ids->len)
    return 0;

  return g_array_index (plan->rule_category_ids, gint64, rule);
}

/**
 * outlay_import_plan_count_rule_lines:
 *
 * Returns: (transfer full): of guint, one per rule of
 *   outlay_import_plan_get_rule_set(): the lines it files that the import adds
 */
GArray *
outlay_import_plan_count_rule_lines (OutlayImportPlan *plan)
{
  GArray *counts;

  g_return_val_if_fail (plan != NULL, NULL);

  counts = g_array_new (FALSE, TRUE, sizeof (guint));
  if (plan->rule_set == NULL)
    return counts;

  g_array_set_size (counts, outlay_rule_set_get_n_rules (plan->rule_set));
  for (guint i = 0; i < plan->record_rules->len && i < plan->actions->len; i++)
    {
      int rule = outlay_import_plan_get_record_rule (plan, i);

      if (rule < 0 || g_array_index (plan->actions, OutlayImportAction, i) != OUTLAY_IMPORT_ACTION_ADD ||
          incoming_state (plan, i) == INCOMING_LEFT_OUT)
        continue;
      g_array_index (counts, guint, rule)++;
    }

  return counts;
}

/* Whether the ledger has a live rule that looks for what @rule does (a
 * rule of a source without uuids, imported before). */
static gboolean
has_same_rule (OutlayImportPlan   *plan,
               OutlayCategoryRule *rule,
               gboolean           *same,
               GError            **error)
{
  OutlayDatabase  *database = outlay_repository_get_database (plan->repository);
  g_autofree char *patterns = outlay_category_rule_dup_patterns_text (rule);
  sqlite3_stmt    *stmt = outlay_database_prepare (database,
                                                   "SELECT count(*) FROM category_rules WHERE deleted_at IS NULL "
                                                   "AND field = ? AND match_type = ? AND patterns = ?",
                                                   error);
  int              rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, outlay_rule_field_to_string (outlay_category_rule_get_field (rule)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, outlay_rule_match_to_string (outlay_category_rule_get_match (rule)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, patterns, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *same = rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (database, error, rc, _("Could not read the rules"));
      return FALSE;
    }

  return TRUE;
}

/* The rules of the source: a uuid the ledger lacks is added; one it has
 * is updated when the file's is newer. A rule without a uuid is added
 * unless the ledger has one that looks for the same. */
gboolean
outlay_import_plan_category_rules (OutlayImportPlan *plan,
                                   GError          **error)
{
  OutlayDatabase *database = outlay_repository_get_database (plan->repository);
  GPtrArray      *rules = plan->source->category_rules;
  sqlite3_stmt   *stmt;

  plan->category_rule_changes = g_array_new (FALSE, TRUE, sizeof (OutlayImportRuleChange));
  if (rules->len == 0)
    return TRUE;
  if (!(stmt = outlay_database_prepare (database, "SELECT updated_at FROM category_rules WHERE uuid = ?", error)))
    return FALSE;

  for (guint i = 0; i < rules->len; i++)
    {
      OutlayCategoryRule    *rule = ((OutlayImportCategoryRule *) g_ptr_array_index (rules, i))->rule;
      OutlayImportRuleChange change = OUTLAY_IMPORT_RULE_ADD;
      const char            *uuid = outlay_category_rule_get_uuid (rule);
      int                    rc;
      gboolean               same = FALSE;

      if (uuid == NULL)
        {
          if (!has_same_rule (plan, rule, &same, error))
            return FALSE;
          if (same)
            change = OUTLAY_IMPORT_RULE_KEEP;
        }
      else
        {
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            change = g_strcmp0 (outlay_category_rule_get_updated_at (rule),
                                (const char *) sqlite3_column_text (stmt, 0)) > 0
                       ? OUTLAY_IMPORT_RULE_UPDATE
                       : OUTLAY_IMPORT_RULE_KEEP;
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            {
              outlay_database_propagate_error (database, error, rc, _("Could not read the rules"));
              return FALSE;
            }
        }

      g_array_append_val (plan->category_rule_changes, change);
      if (change != OUTLAY_IMPORT_RULE_KEEP)
        plan->n_category_rules++;
    }

  return TRUE;
}

guint
outlay_import_plan_get_n_category_rules (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_category_rules;
}

OutlayImportRuleChange
outlay_import_plan_get_category_rule_change (OutlayImportPlan *plan,
                                             guint             i)
{
  g_return_val_if_fail (plan != NULL, OUTLAY_IMPORT_RULE_KEEP);

  if (plan->category_rule_changes == NULL || i >= plan->category_rule_changes->len)
    return OUTLAY_IMPORT_RULE_KEEP;

  return g_array_index (plan->category_rule_changes, OutlayImportRuleChange, i);
}
