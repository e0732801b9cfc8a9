/* outlay-ledger-json-budgets.c
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

/* The budgets in Outlay's JSON file: one a line, with their categories by
 * name (as the expenses name theirs), their overrides and the alerts they
 * gave, so that a budget comes back from the file as it was. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-ledger-json-private.h"
#include "outlay-date.h"
#include "outlay-money.h"
#include "outlay-repository.h"
#include "outlay-uuid.h"

/* Writing */

/* The overrides or the alerts given of the budget @uuid, as an array. */
static gboolean
add_budget_rows (OutlayExportWriter *writer,
                 JsonBuilder        *builder,
                 const char         *name,
                 const char         *sql,
                 const char         *uuid,
                 const char         *currency,
                 gboolean            include_deleted,
                 GError            **error)
{
  OutlayDatabase *database = outlay_repository_get_database (writer->repository);
  sqlite3_stmt   *stmt = outlay_database_prepare (database, sql, error);
  gboolean        any = FALSE;
  int             rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, include_deleted);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!any)
        {
          json_builder_set_member_name (builder, name);
          json_builder_begin_array (builder);
          any = TRUE;
        }
      json_builder_begin_object (builder);
      add_string_member (builder, "uuid", (const char *) sqlite3_column_text (stmt, 0));
      add_string_member (builder, "period_start", (const char *) sqlite3_column_text (stmt, 1));
      if (currency != NULL)
        {
          g_autofree char *amount = outlay_money_format_plain (sqlite3_column_int64 (stmt, 2), currency);

          add_string_member (builder, "amount", amount);
        }
      else
        {
          json_builder_set_member_name (builder, "threshold");
          json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));
        }
      add_string_member (builder, "created_at", (const char *) sqlite3_column_text (stmt, 3));
      add_string_member (builder, "updated_at", (const char *) sqlite3_column_text (stmt, 4));
      add_optional_member (builder, "deleted_at", (const char *) sqlite3_column_text (stmt, 5));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  if (any)
    json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (database, error, rc, _("Could not read the budgets"));
      return FALSE;
    }

  return TRUE;
}

JsonNode *
outlay_ledger_json_budget_to_node (OutlayExportWriter *writer,
                                   OutlayBudget       *budget,
                                   gboolean            include_deleted,
                                   GError            **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  const char        *currency = outlay_budget_get_currency (budget);
  const char *const *uuids = outlay_budget_get_categories (budget);
  GArray            *alerts = outlay_budget_get_alerts (budget);
  g_autofree char   *amount = outlay_money_format_plain (outlay_budget_get_amount (budget), currency);

  json_builder_begin_object (builder);
  add_string_member (builder, "uuid", outlay_budget_get_uuid (budget));
  add_string_member (builder, "name", outlay_budget_get_name (budget));
  add_string_member (builder, "amount", amount);
  add_string_member (builder, "currency", currency);
  add_string_member (builder, "period", outlay_cycle_unit_to_string (outlay_budget_get_period (budget)));
  json_builder_set_member_name (builder, "every");
  json_builder_add_int_value (builder, outlay_budget_get_every (budget));
  add_string_member (builder, "anchor", outlay_budget_get_anchor (budget));
  add_optional_member (builder, "range_end", outlay_budget_get_range_end (budget));

  /* By name, as the expenses name theirs. */
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      OutlayCategory *category = outlay_repository_lookup_category_by_uuid (writer->repository, uuids[i]);

      if (category != NULL)
        json_builder_add_string_value (builder, outlay_export_writer_category_path (writer, category));
    }
  json_builder_end_array (builder);

  add_string_member (builder, "rollover", outlay_rollover_to_string (outlay_budget_get_rollover (budget)));
  if (outlay_budget_get_rollover_cap (budget) >= 0)
    {
      g_autofree char *cap = outlay_money_format_plain (outlay_budget_get_rollover_cap (budget), currency);

      add_string_member (builder, "cap", cap);
    }
  add_optional_member (builder, "rollover_from", outlay_budget_get_rollover_from (budget));
  json_builder_set_member_name (builder, "alerts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < alerts->len; i++)
    json_builder_add_int_value (builder, g_array_index (alerts, guint, i));
  json_builder_end_array (builder);
  add_optional_member (builder, "archived_at", outlay_budget_get_archived_at (budget));
  add_string_member (builder, "created_at", outlay_budget_get_created_at (budget));
  add_string_member (builder, "updated_at", outlay_budget_get_updated_at (budget));
  add_optional_member (builder, "deleted_at", outlay_budget_get_deleted_at (budget));

  if (!add_budget_rows (writer, builder, "overrides",
                        "SELECT uuid, period_start, amount, created_at, updated_at, deleted_at FROM budget_overrides "
                        "WHERE budget_uuid = ? AND (? OR deleted_at IS NULL) ORDER BY period_start, id",
                        outlay_budget_get_uuid (budget), currency, include_deleted, error) ||
      !add_budget_rows (writer, builder, "alerts_given",
                        "SELECT uuid, period_start, threshold, created_at, updated_at, deleted_at FROM budget_alerts "
                        "WHERE budget_uuid = ? AND (? OR deleted_at IS NULL) ORDER BY period_start, threshold, id",
                        outlay_budget_get_uuid (budget), NULL, include_deleted, error))
    return NULL;

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Reading */

/* An integer member from @min to @max: FALSE when it is not one. */
gboolean
outlay_ledger_json_read_int (JsonObject *object,
                             const char *name,
                             gint64      min,
                             gint64      max,
                             gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return *value >= min && *value <= max;
}

static gboolean
is_optional_day (JsonObject *object,
                 const char *name)
{
  const char *day = outlay_ledger_json_member_string (object, name);

  return !json_object_has_member (object, name) || (day != NULL && outlay_date_is_valid (day));
}

static gboolean
has_timestamps (JsonObject *object)
{
  const char *created_at = outlay_ledger_json_member_string (object, "created_at");
  const char *updated_at = outlay_ledger_json_member_string (object, "updated_at");
  const char *deleted_at = outlay_ledger_json_member_string (object, "deleted_at");

  return created_at != NULL && updated_at != NULL && outlay_ledger_json_is_timestamp (created_at) &&
         outlay_ledger_json_is_timestamp (updated_at) &&
         (!json_object_has_member (object, "deleted_at") ||
          (deleted_at != NULL && outlay_ledger_json_is_timestamp (deleted_at)));
}

/* The overrides (@currency set: an amount) or the alerts given (a
 * threshold) of a budget: FALSE when one is not as Outlay writes it. */
static gboolean
read_rows (JsonObject *object,
           const char *name,
           const char *currency,
           GPtrArray  *rows)
{
  JsonNode  *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode   *element = json_array_get_element (array, i);
      JsonObject *row_object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      g_autoptr (OutlayImportBudgetRow) row = outlay_import_budget_row_new ();
      const char *uuid = row_object != NULL ? outlay_ledger_json_member_string (row_object, "uuid") : NULL;
      const char *start = row_object != NULL ? outlay_ledger_json_member_string (row_object, "period_start") : NULL;
      const char *amount = row_object != NULL ? outlay_ledger_json_member_string (row_object, "amount") : NULL;

      if (row_object == NULL || !outlay_uuid_is_valid (uuid) || start == NULL || !outlay_date_is_valid (start) ||
          !has_timestamps (row_object))
        return FALSE;
      if (currency != NULL ? amount == NULL || !outlay_money_parse_plain (amount, currency, &row->value, NULL) ||
                               row->value < 0
                           : !outlay_ledger_json_read_int (row_object, "threshold", 1, 1000, &row->value))
        return FALSE;

      row->uuid = g_strdup (uuid);
      row->period_start = g_strdup (start);
      row->created_at = g_strdup (outlay_ledger_json_member_string (row_object, "created_at"));
      row->updated_at = g_strdup (outlay_ledger_json_member_string (row_object, "updated_at"));
      row->deleted_at = g_strdup (outlay_ledger_json_member_string (row_object, "deleted_at"));
      g_ptr_array_add (rows, g_steal_pointer (&row));
    }

  return TRUE;
}

/* The categories, by name, and the thresholds: FALSE when not arrays of
 * names and of percents. */
static gboolean
read_lists (JsonObject         *object,
            OutlayImportBudget *budget)
{
  JsonNode  *categories = json_object_get_member (object, "categories");
  JsonNode  *alerts = json_object_get_member (object, "alerts");
  GPtrArray *names = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_autoptr (GArray) percents = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonArray *array;

  if (categories == NULL || !JSON_NODE_HOLDS_ARRAY (categories) || alerts == NULL || !JSON_NODE_HOLDS_ARRAY (alerts))
    {
      g_ptr_array_unref (names);
      return FALSE;
    }

  array = json_node_get_array (categories);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *name = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING)
        {
          g_ptr_array_unref (names);
          return FALSE;
        }
      g_ptr_array_add (names, g_strdup (json_node_get_string (name)));
    }
  g_strfreev (budget->category_names);
  budget->category_names = (GStrv) g_ptr_array_free (names, FALSE);

  array = json_node_get_array (alerts);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *percent = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (percent) || json_node_get_value_type (percent) != G_TYPE_INT64 ||
          json_node_get_int (percent) < 1 || json_node_get_int (percent) > 1000)
        return FALSE;
      g_array_append_val (percents, (guint){ (guint) json_node_get_int (percent) });
    }
  outlay_budget_set_alerts (budget->budget, (const guint *) (gpointer) percents->data, percents->len);

  return TRUE;
}

/**
 * outlay_ledger_json_read_budget:
 * @position: its place in the file's list of budgets, from 1
 *
 * Adds the budget @node describes to @source, or an issue that says why
 * it cannot be read. Whether the ledger can take it (its name, its
 * categories) is for the import to see.
 */
void
outlay_ledger_json_read_budget (OutlayImportSource *source,
                                JsonNode           *node,
                                guint               position)
{
  g_autoptr (OutlayImportBudget) budget = outlay_import_budget_new ();
  JsonObject     *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char     *uuid = object != NULL ? outlay_ledger_json_member_string (object, "uuid") : NULL;
  const char     *name = object != NULL ? outlay_ledger_json_member_string (object, "name") : NULL;
  const char     *currency = object != NULL ? outlay_ledger_json_member_string (object, "currency") : NULL;
  const char     *amount = object != NULL ? outlay_ledger_json_member_string (object, "amount") : NULL;
  const char     *cap = object != NULL ? outlay_ledger_json_member_string (object, "cap") : NULL;
  const char     *anchor = object != NULL ? outlay_ledger_json_member_string (object, "anchor") : NULL;
  OutlayCycleUnit period;
  OutlayRollover  rollover;
  gint64          every = 1;
  gint64          minor = 0;
  gint64          cap_minor = -1;

  if (object == NULL || !outlay_uuid_is_valid (uuid) || name == NULL)
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("Budget %u has no valid uuid or name."), position);
      return;
    }

  if (!outlay_currency_is_valid (currency) || amount == NULL ||
      !outlay_money_parse_plain (amount, currency, &minor, NULL) || minor < 0 ||
      (cap != NULL && (!outlay_money_parse_plain (cap, currency, &cap_minor, NULL) || cap_minor < 0)) ||
      (json_object_has_member (object, "cap") && cap == NULL))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The budget “%s” has no known currency, or an amount that cannot be read."),
                                      name);
      return;
    }

  if (!outlay_cycle_unit_from_string (outlay_ledger_json_member_string (object, "period"), &period) ||
      !outlay_ledger_json_read_int (object, "every", 1, 1000, &every) ||
      anchor == NULL || !outlay_date_is_valid (anchor) ||
      !is_optional_day (object, "range_end") || !is_optional_day (object, "rollover_from") ||
      !outlay_rollover_from_string (outlay_ledger_json_member_string (object, "rollover"), &rollover))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The budget “%s” has a period or a rollover that cannot be read."), name);
      return;
    }

  if (!read_lists (object, budget) || !has_timestamps (object) ||
      (json_object_has_member (object, "archived_at") &&
       !outlay_ledger_json_is_timestamp (outlay_ledger_json_member_string (object, "archived_at"))) ||
      (json_object_has_member (object, "archived_at") &&
       outlay_ledger_json_member_string (object, "archived_at") == NULL) ||
      !read_rows (object, "overrides", currency, budget->overrides) ||
      !read_rows (object, "alerts_given", NULL, budget->alerts_given))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The budget “%s” has categories, alerts or times that cannot be read."), name);
      return;
    }

  outlay_budget_set_identity (budget->budget, 0, uuid, 0);
  outlay_budget_set_name (budget->budget, name);
  outlay_budget_set_amount (budget->budget, minor);
  outlay_budget_set_currency (budget->budget, currency);
  outlay_budget_set_cycle (budget->budget, period, (guint) every, anchor,
                           outlay_ledger_json_member_string (object, "range_end"));
  outlay_budget_set_rollover (budget->budget, rollover, cap_minor,
                              outlay_ledger_json_member_string (object, "rollover_from"));
  outlay_budget_set_archived_at (budget->budget, outlay_ledger_json_member_string (object, "archived_at"));
  outlay_budget_set_timestamps (budget->budget, outlay_ledger_json_member_string (object, "created_at"),
                                outlay_ledger_json_member_string (object, "updated_at"),
                                outlay_ledger_json_member_string (object, "deleted_at"));

  g_ptr_array_add (source->budgets, g_steal_pointer (&budget));
}
