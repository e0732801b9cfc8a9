/* outlay-importer.c: applies an import plan to the ledger, and undoes it
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
#include <glib/gstdio.h>

#include "outlay-backups.h"
#include "outlay-category-rule-private.h"
#include "outlay-database-private.h"
#include "outlay-importer-private.h"
#include "outlay-repository-private.h"
#include "outlay-uuid.h"

/* How many expenses are built and inserted at a time. */
#define DRAFTS_PER_CHUNK 10000

/* From how many new expenses on an import as large as the ledger builds
 * the indexes after its rows. */
#define BULK_INDEX_MIN_ROWS 10000

static gboolean
insert_budget_rows (OutlayRepository *self,
                    const char       *sql,
                    const char       *budget_uuid,
                    GPtrArray        *rows,
                    GError          **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const OutlayImportBudgetRow *row = g_ptr_array_index (rows, i);
      sqlite3_stmt *stmt = outlay_database_prepare (outlay_repository_get_database (self), sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, budget_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, row->period_start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, row->value);
      sqlite3_bind_text (stmt, 5, row->created_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, row->updated_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, row->deleted_at, -1, SQLITE_TRANSIENT);
      if (!outlay_repository_step_done (self, stmt, _("Could not save the budget"), error))
        return FALSE;
    }

  return TRUE;
}

/* The budgets of a lossless file the plan adds, in its order, with their
 * categories (made where the ledger lacks them), overrides and alerts. */
static gboolean
write_budgets (OutlayRepository   *self,
               OutlayImportPlan   *plan,
               const char         *now,
               OutlayImportResult *result,
               GError            **error)
{
  GPtrArray *budgets = outlay_import_plan_get_source (plan)->budgets;

  for (guint i = 0; i < budgets->len; i++)
    {
      OutlayImportBudget *budget = g_ptr_array_index (budgets, i);
      g_autoptr (OutlayBudget) draft = NULL;
      g_autoptr (GPtrArray) uuids = g_ptr_array_new_null_terminated (4, g_free, TRUE);
      g_autoptr (GError) local_error = NULL;
      gint64 id;

      if (outlay_import_plan_get_budget_action (plan, i) != OUTLAY_IMPORT_ACTION_ADD)
        continue;

      for (guint j = 0; budget->category_names[j] != NULL; j++)
        {
          const char *uuid = outlay_importer_category_uuid (self, plan, budget->category_names[j], now,
                                                            result->created_category_ids, error);

          if (uuid == NULL)
            return FALSE;
          g_ptr_array_add (uuids, g_strdup (uuid));
        }

      draft = outlay_budget_copy (budget->budget);
      outlay_budget_set_categories (draft, (const char *const *) uuids->pdata);
      if (!outlay_repository_insert_budget (self, draft, now, &id, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code, _("Could not add the budget “%s”: %s"),
                       outlay_budget_get_name (draft), local_error->message);
          return FALSE;
        }
      if (!insert_budget_rows (self,
                               "INSERT INTO budget_overrides (uuid, budget_uuid, period_start, amount, created_at, "
                               "updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               outlay_budget_get_uuid (draft), budget->overrides, error) ||
          !insert_budget_rows (self,
                               "INSERT INTO budget_alerts (uuid, budget_uuid, period_start, threshold, created_at, "
                               "updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               outlay_budget_get_uuid (draft), budget->alerts_given, error))
        return FALSE;
      g_ptr_array_add (result->added_budget_uuids, g_strdup (outlay_budget_get_uuid (draft)));
    }

  return TRUE;
}

/* Adds @r (with @uuid), after the ledger's rules, or writes it over the
 * rule of @uuid. */
static gboolean
write_category_rule (OutlayRepository   *self,
                     OutlayCategoryRule *r,
                     const char         *uuid,
                     const char         *category_uuid,
                     gboolean            add,
                     const char         *now,
                     GError            **error)
{
  g_autofree char *patterns = outlay_category_rule_dup_patterns_text (r);
  const char      *created_at = outlay_category_rule_get_created_at (r);
  const char      *updated_at = outlay_category_rule_get_updated_at (r);
  sqlite3_stmt    *stmt;

  stmt = outlay_database_prepare (
    outlay_repository_get_database (self),
    add ? "INSERT INTO category_rules (field, match_type, patterns, amount_min, amount_max, currency, "
          "category_uuid, rename_to, created_at, updated_at, deleted_at, uuid, position) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM category_rules))"
        : "UPDATE category_rules SET field = ?, match_type = ?, patterns = ?, amount_min = ?, amount_max = ?, "
          "currency = ?, category_uuid = ?, rename_to = ?, created_at = ?, updated_at = ?, deleted_at = ? "
          "WHERE uuid = ?",
    error);
  if (stmt == NULL)
    return FALSE;

  if (created_at == NULL)
    created_at = now;
  if (updated_at == NULL)
    updated_at = created_at;
  sqlite3_bind_text (stmt, 1, outlay_rule_field_to_string (outlay_category_rule_get_field (r)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, outlay_rule_match_to_string (outlay_category_rule_get_match (r)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, patterns, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, outlay_category_rule_get_amount_min (r), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, outlay_category_rule_get_amount_max (r), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, outlay_category_rule_get_currency (r), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, category_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, outlay_category_rule_get_rename_to (r), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, updated_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, outlay_category_rule_get_deleted_at (r), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, uuid, -1, SQLITE_TRANSIENT);

  return outlay_repository_step_done (self, stmt, _("Could not save the rule"), error);
}

/* The rules that file expenses the plan adds or updates, with their
 * categories (made where the ledger lacks them), after the ledger's own
 * rules in the source's order; a rule without a category files under the
 * fallback one. */
static gboolean
write_category_rules (OutlayRepository   *self,
                      OutlayImportPlan   *plan,
                      const char         *now,
                      OutlayImportResult *result,
                      GError            **error)
{
  GPtrArray *rules = outlay_import_plan_get_source (plan)->category_rules;

  for (guint i = 0; i < rules->len; i++)
    {
      OutlayImportCategoryRule *rule = g_ptr_array_index (rules, i);
      OutlayImportRuleChange    change = outlay_import_plan_get_category_rule_change (plan, i);
      const char               *category_uuid;
      g_autofree char          *uuid = NULL;
      OutlayCategoryRule       *before;

      if (change == OUTLAY_IMPORT_RULE_KEEP)
        continue;
      if (rule->category_name == NULL && outlay_repository_get_fallback_category (self) != NULL)
        category_uuid = outlay_category_get_uuid (outlay_repository_get_fallback_category (self));
      else if (!(category_uuid = outlay_importer_category_uuid (self, plan, rule->category_name, now,
                                                                result->created_category_ids, error)))
        return FALSE;

      uuid = outlay_category_rule_get_uuid (rule->rule) != NULL ? g_strdup (outlay_category_rule_get_uuid (rule->rule))
                                                                : outlay_uuid_new ();
      if (change == OUTLAY_IMPORT_RULE_UPDATE)
        {
          /* As it is, for undo. */
          if (!(before = outlay_repository_get_category_rule (self, uuid, error)))
            return FALSE;
          g_ptr_array_add (result->updated_category_rules, before);
        }
      if (!write_category_rule (self, rule->rule, uuid, category_uuid, change == OUTLAY_IMPORT_RULE_ADD, now, error))
        return FALSE;
      if (change == OUTLAY_IMPORT_RULE_ADD)
        g_ptr_array_add (result->added_category_rule_uuids, g_steal_pointer (&uuid));
      result->n_category_rules++;
    }

  return TRUE;
}

/* Whether the ledger has the rate of a uuid (deleted or not), and a live
 * one of the pair, source and day. */
#define SQL_RATE_PRESENT                                                                              \
  "SELECT EXISTS (SELECT 1 FROM exchange_rates WHERE uuid = ?), "                                     \
  "EXISTS (SELECT 1 FROM exchange_rates WHERE currency = ? AND quote = ? AND source = ? AND day = ? " \
  "AND deleted_at IS NULL)"
#define SQL_INSERT_RATE                                                                                         \
  "INSERT INTO exchange_rates (uuid, currency, quote, day, rate, source, source_name, created_at, updated_at, " \
  "deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

/**
 * outlay_importer_read_rate_state:
 * @present: (out): whether the ledger has the rate's uuid, deleted or not
 * @clashes: (out): whether the rate is live and the ledger has a live one
 *   of its pair, source and day, which the unique index allows once
 */
gboolean
outlay_importer_read_rate_state (OutlayRepository       *self,
                                 const OutlayImportRate *rate,
                                 gboolean               *present,
                                 gboolean               *clashes,
                                 GError                **error)
{
  OutlayDatabase *database = outlay_repository_get_database (self);
  sqlite3_stmt   *stmt = outlay_database_prepare (database, SQL_RATE_PRESENT, error);
  int             rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rate->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rate->currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, rate->quote, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, outlay_rate_source_to_string (rate->source), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, rate->day, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *present = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  *clashes = rc == SQLITE_ROW && sqlite3_column_int (stmt, 1) != 0 && rate->deleted_at == NULL;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (database, error, rc, _("Could not read the exchange rates"));
      return FALSE;
    }

  return TRUE;
}

/* The exchange rates of a lossless file, as they were in its ledger: a
 * rate the ledger has already (by uuid) is left as it is, so that a file
 * can be imported again; a live one whose pair, source and day the ledger
 * has a live rate of leaves the ledger's (the unique index allows one),
 * counted in @result. The plan counted the same before; this looks again,
 * inside the transaction. */
static gboolean
write_rates (OutlayRepository   *self,
             OutlayImportPlan   *plan,
             OutlayImportResult *result,
             GError            **error)
{
  OutlayDatabase *database = outlay_repository_get_database (self);
  GPtrArray      *rates = outlay_import_plan_get_source (plan)->rates;

  result->n_rates_kept = 0;
  for (guint i = 0; i < rates->len; i++)
    {
      const OutlayImportRate *rate = g_ptr_array_index (rates, i);
      const char             *source = outlay_rate_source_to_string (rate->source);
      sqlite3_stmt           *stmt;
      gboolean                present, clashes;

      if (!outlay_importer_read_rate_state (self, rate, &present, &clashes, error))
        return FALSE;
      if (present || clashes)
        {
          result->n_rates_kept += !present;
          continue;
        }

      if (!(stmt = outlay_database_prepare (database, SQL_INSERT_RATE, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, rate->uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, rate->currency, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, rate->quote, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, rate->day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, rate->rate, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, source, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, rate->source_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, rate->created_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, rate->updated_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, rate->deleted_at, -1, SQLITE_TRANSIENT);
      if (!outlay_repository_step_done (self, stmt, _("Could not save the exchange rate"), error))
        return FALSE;
      g_ptr_array_add (result->added_rate_uuids, g_strdup (rate->uuid));
    }

  return TRUE;
}

#define SQL_INSERT_EXCEPTION                                                                      \
  "INSERT INTO recurring_exceptions (uuid, rule_uuid, scheduled_on, skipped, amount, occurs_on, " \
  "created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"

/* The recurring expenses' rules of a lossless file the plan adds, with
 * their categories (made where the ledger lacks them) and exceptions. */
static gboolean
write_rules (OutlayRepository   *self,
             OutlayImportPlan   *plan,
             const char         *now,
             OutlayImportResult *result,
             GError            **error)
{
  GPtrArray *rules = outlay_import_plan_get_source (plan)->rules;

  for (guint i = 0; i < rules->len; i++)
    {
      OutlayImportRule *rule = g_ptr_array_index (rules, i);
      g_autoptr (OutlayRecurringRule) draft = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autofree char *uuid = NULL;
      const char      *category_uuid;

      if (outlay_import_plan_get_rule_action (plan, i) != OUTLAY_IMPORT_ACTION_ADD)
        continue;

      /* None: the fallback's, as an expense of no category. */
      if (rule->category_name == NULL && outlay_repository_get_fallback_category (self) != NULL)
        category_uuid = outlay_category_get_uuid (outlay_repository_get_fallback_category (self));
      else if (!(category_uuid = outlay_importer_category_uuid (self, plan, rule->category_name, now,
                                                                result->created_category_ids, error)))
        return FALSE;
      draft = outlay_recurring_rule_copy (rule->rule);
      outlay_recurring_rule_set_category_uuid (draft, category_uuid);
      if (!outlay_repository_insert_recurring_rule (self, draft, now, &uuid, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not add the recurring expense “%s”: %s"), outlay_recurring_rule_get_description (draft),
                          local_error->message);
          return FALSE;
        }

      for (guint j = 0; j < rule->exceptions->len; j++)
        {
          const OutlayImportRuleException *exception = g_ptr_array_index (rule->exceptions, j);
          OutlayDatabase                  *database = outlay_repository_get_database (self);
          sqlite3_stmt                    *stmt = outlay_database_prepare (database, SQL_INSERT_EXCEPTION, error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, exception->uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, exception->scheduled_on, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 4, exception->skipped);
          if (exception->amount >= 0)
            sqlite3_bind_int64 (stmt, 5, exception->amount);
          else
            sqlite3_bind_null (stmt, 5);
          sqlite3_bind_text (stmt, 6, exception->occurs_on, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 7, exception->created_at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 8, exception->updated_at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 9, exception->deleted_at, -1, SQLITE_TRANSIENT);
          if (!outlay_repository_step_done (self, stmt, _("Could not save the recurring expense"), error))
            return FALSE;
        }
      g_ptr_array_add (result->added_rule_uuids, g_steal_pointer (&uuid));
    }

  return TRUE;
}

static gboolean
back_up_before_import (OutlayRepository *self,
                       char            **path,
                       GError          **error)
{
  g_autoptr (OutlayBackups) backups = outlay_backups_new (outlay_repository_get_database (self));

  *path = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_IMPORT, error);

  return *path != NULL;
}

/* The uuid of the row @id that @sql ("SELECT uuid FROM … WHERE id = ?")
 * reads, or %NULL when there is none; %FALSE only when it could not be
 * read, with @context (translated) leading the message. */
gboolean
outlay_importer_query_uuid (OutlayRepository *self,
                            const char       *sql,
                            const char       *context,
                            gint64            id,
                            char            **uuid,
                            GError          **error)
{
  OutlayDatabase *database = outlay_repository_get_database (self);
  sqlite3_stmt   *stmt = outlay_database_prepare (database, sql, error);
  int             rc;

  *uuid = NULL;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (database, error, rc, context);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_uuid (OutlayRepository *self,
            gint64            id,
            char            **uuid,
            GError          **error)
{
  return outlay_importer_query_uuid (self, "SELECT uuid FROM expenses WHERE id = ?", _("Could not read the expenses"),
                                     id, uuid, error);
}

/* Inserts @drafts after those of the earlier chunks; the ids of one
 * transaction follow on, so the first chunk gives the first id and each
 * chunk the last one so far. */
static gboolean
insert_chunk (OutlayRepository   *self,
              GPtrArray          *drafts,
              const char         *now,
              OutlayImportResult *result,
              GError            **error)
{
  gint64 first_id = 0;
  gint64 last_id = 0;

  g_assert (drafts->len > 0);

  if (!outlay_repository_insert_drafts (self, (OutlayExpense **) drafts->pdata, drafts->len, now, TRUE,
                                        &first_id, &last_id, error))
    return FALSE;

  g_assert (result->n_added == 0 || first_id == result->last_id + 1);
  if (result->n_added == 0)
    result->first_id = first_id;
  result->last_id = last_id;
  result->n_added += drafts->len;

  return TRUE;
}

typedef struct
{
  OutlayRepository   *repository;
  OutlayImportPlan   *plan;
  gint64              fallback_id;
  const char         *now;
  OutlayImportResult *result;
  GPtrArray          *drafts;
} WritePass;

static gboolean
write_record (OutlayImportRecord *record,
              guint               index,
              gpointer            user_data,
              GError            **error)
{
  WritePass *pass = user_data;
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (GError) local_error = NULL;

  if (outlay_import_plan_get_action (pass->plan, index) != OUTLAY_IMPORT_ACTION_ADD)
    return TRUE;

  draft = outlay_import_plan_build_draft (pass->plan, index, record, pass->fallback_id);
  if (!outlay_repository_validate_expense (pass->repository, draft, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, _("Line %u: %s"), record->line, local_error->message);
      return FALSE;
    }
  g_ptr_array_add (pass->drafts, g_steal_pointer (&draft));

  if (pass->drafts->len < DRAFTS_PER_CHUNK)
    return TRUE;
  if (!insert_chunk (pass->repository, pass->drafts, pass->now, pass->result, error))
    return FALSE;
  g_ptr_array_set_size (pass->drafts, 0);

  return TRUE;
}

/**
 * outlay_importer_apply:
 * @plan: what to import, as outlay_import_plan_new() worked it out and the
 *   caller mapped its categories
 *
 * Adds the plan's new expenses and creates the categories it needs, in one
 * transaction, after a backup copy of the file (which the caller prunes
 * with outlay_backups_prune() to the number the person keeps). Lines of
 * the source that could not be read or are duplicates are left out; the
 * result counts them.
 *
 * Returns: (transfer full): what was written, or %NULL with @error set and
 *   nothing changed
 */
OutlayImportResult *
outlay_importer_apply (OutlayRepository *self,
                       OutlayImportPlan *plan,
                       GError          **error)
{
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GPtrArray) indexes = NULL;
  g_autofree char    *now = NULL;
  guint               n_added;
  OutlayImportSource *source;
  OutlayCategory     *fallback;
  gboolean            replace;
  WritePass           pass;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  source = outlay_import_plan_get_source (plan);
  replace = outlay_import_plan_get_replace_categories (plan);

  result = g_new0 (OutlayImportResult, 1);
  result->created_category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->added_budget_uuids = g_ptr_array_new_with_free_func (g_free);
  result->added_rule_uuids = g_ptr_array_new_with_free_func (g_free);
  result->added_category_rule_uuids = g_ptr_array_new_with_free_func (g_free);
  result->updated_category_rules = g_ptr_array_new_with_free_func (g_object_unref);
  result->added_rate_uuids = g_ptr_array_new_with_free_func (g_free);
  result->n_duplicates = outlay_import_plan_get_n_duplicates (plan);
  result->n_rates_kept = outlay_import_plan_get_n_rates_kept (plan);
  result->n_errors = outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_ERROR);
  result->n_skipped = outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_SKIPPED);

  if (outlay_database_is_read_only (outlay_repository_get_database (self)))
    {
      g_set_error_literal (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_READ_ONLY,
                           _("The ledger is open read-only; nothing was imported."));
      return NULL;
    }

  if (outlay_import_plan_get_n_added (plan) == 0 && outlay_import_plan_get_n_budgets (plan) == 0 &&
      outlay_import_plan_get_n_rules (plan) == 0 && outlay_import_plan_get_n_category_rules (plan) == 0 &&
      outlay_import_plan_get_n_rates (plan) == 0 && !replace)
    return g_steal_pointer (&result);

  if (!back_up_before_import (self, &result->backup_path, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (outlay_repository_get_database (self), error)))
    {
      /* Nothing changed (another program may be writing): as after a
       * failure below, a copy per try would only pile up. */
      g_unlink (result->backup_path);
      return NULL;
    }

  /* Another program may have added some of the same expenses since the
   * plan was made; now nobody else can write until this commits. */
  if (!outlay_import_plan_recheck (plan, error))
    goto failed;
  result->n_duplicates = outlay_import_plan_get_n_duplicates (plan);

  if (replace)
    {
      result->replaced_categories = outlay_importer_snapshot_categories (self);
      /* A new ledger takes the file's currency with its categories. */
      if (source->currency != NULL)
        {
          if (!outlay_repository_read_currency (self, &result->previous_currency, error) ||
              !outlay_repository_write_currency (self, source->currency, error))
            goto failed;
          result->replaced_currency = TRUE;
        }
      if (!outlay_importer_replace_categories (self, plan, now, result, error) ||
          !outlay_repository_reload_categories (self, error))
        goto failed;
    }

  if (!outlay_importer_create_missing_categories (self, plan, now, result->created_category_ids, error) ||
      !write_budgets (self, plan, now, result, error) || !write_rules (self, plan, now, result, error) ||
      !write_category_rules (self, plan, now, result, error) || !write_rates (self, plan, result, error))
    goto failed;

  /* An import larger than the ledger builds the expenses' indexes once,
   * after its rows, instead of updating each of them row by row: at
   * 1,000,000 rows the indexes whose keys come in no order (date, amount,
   * category, description) cost more than the rows. */
  n_added = outlay_import_plan_get_n_added (plan);
  if (n_added >= BULK_INDEX_MIN_ROWS)
    {
      guint n_rows = 0;

      if (!outlay_repository_count_expense_rows (self, &n_rows, error))
        goto failed;
      if (n_added >= n_rows && !(indexes = outlay_repository_take_off_expense_indexes (self, error)))
        goto failed;
    }

  /* The drafts are written a chunk at a time, all in the one transaction:
   * a large file never has all its expenses as objects at once. */
  fallback = outlay_repository_get_fallback_category (self);
  pass.repository = self;
  pass.plan = plan;
  pass.fallback_id = outlay_category_get_id (fallback);
  pass.now = now;
  pass.result = result;
  pass.drafts = drafts = g_ptr_array_new_full (DRAFTS_PER_CHUNK, g_object_unref);
  if (!outlay_import_source_foreach (source, write_record, &pass, error) ||
      (drafts->len > 0 && !insert_chunk (self, drafts, now, result, error)))
    goto failed;

  if (indexes != NULL && !outlay_repository_put_back_expense_indexes (self, indexes, error))
    goto failed;

  /* Everything is read before the commit, so that nothing fails after it. */
  if (result->n_added > 0 &&
      (!query_uuid (self, result->first_id, &result->first_uuid, error) ||
       !query_uuid (self, result->last_id, &result->last_uuid, error)))
    goto failed;

  if (!outlay_repository_commit_categories (self, transaction, error))
    goto failed;

  result->n_categories_created = result->created_category_ids->len;

  if (replace || result->n_categories_created > 0)
    outlay_repository_emit_categories_changed (self);
  if (result->n_added > 0)
    outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  if (result->added_budget_uuids->len > 0)
    outlay_repository_emit_budgets_changed (self);
  if (result->added_rule_uuids->len > 0)
    outlay_repository_emit_recurring_changed (self);
  if (result->n_category_rules > 0)
    outlay_repository_emit_category_rules_changed (self);
  if (result->added_rate_uuids->len > 0)
    outlay_repository_emit_rates_changed (self);

  return g_steal_pointer (&result);

failed:
  /* Before the categories are read again: they must be the committed ones. */
  g_clear_pointer (&transaction, outlay_transaction_free);
  /* The rollback put back whatever indexes were taken off. */
  self->expense_indexes_off = FALSE;
  outlay_importer_forget_categories (self, plan, result);
  outlay_repository_reload_categories (self, NULL);
  /* The ledger is still what the backup holds; a copy per failed try
   * would only fill the disk further, which is often why it failed. */
  g_unlink (result->backup_path);
  return NULL;
}

/* Deletes for good the rows of @uuids that @sql ("DELETE … WHERE uuid = ?")
 * names. */
static gboolean
delete_by_uuid (OutlayRepository *self,
                const char       *sql,
                GPtrArray        *uuids,
                GError          **error)
{
  for (guint i = 0; i < uuids->len; i++)
    {
      sqlite3_stmt *stmt = outlay_database_prepare (outlay_repository_get_database (self), sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (uuids, i), -1, SQLITE_TRANSIENT);
      if (!outlay_repository_step_done (self, stmt, _("Could not undo the import"), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * outlay_importer_undo:
 * @result: what outlay_importer_apply() returned
 *
 * Removes the expenses the import added — for good: they never existed
 * before it — and the categories it created, unless an expense added since
 * uses them. One transaction.
 */
gboolean
outlay_importer_undo (OutlayRepository         *self,
                      const OutlayImportResult *result,
                      GError                  **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (result->n_added == 0 && result->created_category_ids->len == 0 && result->replaced_categories == NULL &&
      !result->replaced_currency && result->added_budget_uuids->len == 0 && result->added_rule_uuids->len == 0 &&
      result->added_category_rule_uuids->len == 0 && result->updated_category_rules->len == 0 &&
      result->added_rate_uuids->len == 0)
    return TRUE;

  if (!(transaction = outlay_database_begin_transaction (outlay_repository_get_database (self), error)))
    return FALSE;

  /* The ids may have been given again since: a backup restored from before
   * the import, then new expenses. Only the very rows it added go. */
  if (result->n_added > 0)
    {
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      if (!query_uuid (self, result->first_id, &first, error) || !query_uuid (self, result->last_id, &last, error))
        return FALSE;

      if (g_strcmp0 (first, result->first_uuid) != 0 || g_strcmp0 (last, result->last_uuid) != 0)
        {
          g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                               _("The imported expenses are no longer in the ledger, so the import cannot be undone."));
          return FALSE;
        }
    }

  if (result->n_added > 0)
    {
      if (!(stmt = outlay_database_prepare (outlay_repository_get_database (self),
                                            "DELETE FROM expenses WHERE id BETWEEN ? AND ?", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, result->first_id);
      sqlite3_bind_int64 (stmt, 2, result->last_id);
      if (!outlay_repository_step_done (self, stmt, _("Could not undo the import"), error))
        return FALSE;
    }

  /* The budgets it added never were: they go for good, with their rows. */
  for (guint i = 0; i < result->added_budget_uuids->len; i++)
    {
      static const char *const sql[] = {
        "DELETE FROM budgets WHERE uuid = ?",
        "DELETE FROM budget_overrides WHERE budget_uuid = ?",
        "DELETE FROM budget_alerts WHERE budget_uuid = ?",
      };

      for (guint j = 0; j < G_N_ELEMENTS (sql); j++)
        {
          if (!(stmt = outlay_database_prepare (outlay_repository_get_database (self), sql[j], error)))
            return FALSE;
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (result->added_budget_uuids, i), -1, SQLITE_TRANSIENT);
          if (!outlay_repository_step_done (self, stmt, _("Could not undo the import"), error))
            return FALSE;
        }
    }

  /* So do the rules that file expenses and the exchange rates it added. */
  if (!delete_by_uuid (self, "DELETE FROM category_rules WHERE uuid = ?", result->added_category_rule_uuids, error) ||
      !delete_by_uuid (self, "DELETE FROM exchange_rates WHERE uuid = ?", result->added_rate_uuids, error))
    return FALSE;

  /* The rules it updated are as they were. */
  for (guint i = 0; i < result->updated_category_rules->len; i++)
    {
      OutlayCategoryRule *before = g_ptr_array_index (result->updated_category_rules, i);

      if (!write_category_rule (self, before, outlay_category_rule_get_uuid (before),
                                outlay_category_rule_get_category_uuid (before), FALSE, NULL, error))
        return FALSE;
    }

  /* So do the recurring expenses' rules. */
  for (guint i = 0; i < result->added_rule_uuids->len; i++)
    {
      static const char *const sql[] = {
        "DELETE FROM recurring_rules WHERE uuid = ?",
        "DELETE FROM recurring_exceptions WHERE rule_uuid = ?",
      };

      for (guint j = 0; j < G_N_ELEMENTS (sql); j++)
        {
          if (!(stmt = outlay_database_prepare (outlay_repository_get_database (self), sql[j], error)))
            return FALSE;
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (result->added_rule_uuids, i), -1, SQLITE_TRANSIENT);
          if (!outlay_repository_step_done (self, stmt, _("Could not undo the import"), error))
            return FALSE;
        }
    }

  if (!outlay_importer_restore_categories (self, result, error))
    return FALSE;

  if (result->replaced_currency && !outlay_repository_write_currency (self, result->previous_currency, error))
    return FALSE;

  if (!outlay_repository_sync_search (self, error) || !outlay_repository_commit_categories (self, transaction, error))
    return FALSE;
  outlay_importer_restored_categories (self, result);

  if (result->created_category_ids->len > 0 || result->replaced_categories != NULL)
    outlay_repository_emit_categories_changed (self);
  outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  if (result->added_budget_uuids->len > 0)
    outlay_repository_emit_budgets_changed (self);
  if (result->added_rule_uuids->len > 0)
    outlay_repository_emit_recurring_changed (self);
  if (result->added_category_rule_uuids->len > 0 || result->updated_category_rules->len > 0)
    outlay_repository_emit_category_rules_changed (self);
  if (result->added_rate_uuids->len > 0)
    outlay_repository_emit_rates_changed (self);

  return TRUE;
}


void
outlay_import_result_free (OutlayImportResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->created_category_ids, g_array_unref);
  g_clear_pointer (&result->replaced_categories, g_ptr_array_unref);
  g_clear_pointer (&result->added_budget_uuids, g_ptr_array_unref);
  g_clear_pointer (&result->added_rule_uuids, g_ptr_array_unref);
  g_clear_pointer (&result->added_category_rule_uuids, g_ptr_array_unref);
  g_clear_pointer (&result->updated_category_rules, g_ptr_array_unref);
  g_clear_pointer (&result->added_rate_uuids, g_ptr_array_unref);
  g_free (result->previous_currency);
  g_free (result->previous_fallback_uuid);
  g_free (result->first_uuid);
  g_free (result->last_uuid);
  g_free (result->backup_path);
  g_free (result);
}
