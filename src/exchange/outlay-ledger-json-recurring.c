/* outlay-ledger-json-recurring.c
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

/* The recurring expenses' rules in Outlay's JSON file: one a line, with
 * their category by name (as the expenses name theirs), their repetition
 * in plain members and their exceptions, so that a rule comes back from
 * the file as it was, and goes on writing the same occurrences. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-currency.h"
#include "outlay-date.h"
#include "outlay-ledger-json-private.h"
#include "outlay-money.h"
#include "outlay-repository.h"
#include "outlay-uuid.h"

/* Writing */

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_day_member (JsonBuilder *builder,
                const char  *name,
                const GDate *day)
{
  char text[OUTLAY_DATE_ISO_SIZE];

  outlay_date_format_iso_buf (day, text);
  add_string_member (builder, name, text);
}

static void
add_repetition (JsonBuilder            *builder,
                const OutlayRecurrence *r)
{
  add_string_member (builder, "repeat", outlay_repeat_unit_to_string (r->unit));
  add_int_member (builder, "every", r->interval);
  add_day_member (builder, "start", &r->start);
  if (r->unit == OUTLAY_REPEAT_WEEKLY)
    {
      json_builder_set_member_name (builder, "weekdays");
      json_builder_begin_array (builder);
      for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
        if ((r->weekdays & OUTLAY_WEEKDAY_BIT (day)) != 0)
          json_builder_add_string_value (builder, outlay_weekday_to_code (day));
      json_builder_end_array (builder);
    }
  if (r->unit == OUTLAY_REPEAT_MONTHLY)
    {
      add_string_member (builder, "on", outlay_monthly_on_to_string (r->monthly_on));
      if (r->monthly_on == OUTLAY_MONTHLY_ON_DAY)
        add_int_member (builder, "day", r->month_day);
      if (r->monthly_on == OUTLAY_MONTHLY_ON_WEEKDAY)
        {
          add_int_member (builder, "week", r->week_number);
          add_string_member (builder, "weekday", outlay_weekday_to_code (r->weekday));
        }
    }
  if (r->end == OUTLAY_REPEAT_END_COUNT)
    add_int_member (builder, "count", r->count);
  if (r->end == OUTLAY_REPEAT_END_UNTIL)
    add_day_member (builder, "until", &r->until);
  add_string_member (builder, "weekend", outlay_weekend_rule_to_string (r->weekend));
}

/* The rule @uuid's exceptions, as an array, when it has any. */
static gboolean
add_exceptions (OutlayExportWriter *writer,
                JsonBuilder        *builder,
                const char         *uuid,
                const char         *currency,
                gboolean            include_deleted,
                GError            **error)
{
  OutlayDatabase *database = outlay_repository_get_database (writer->repository);
  sqlite3_stmt   *stmt = outlay_database_prepare (database,
                                                  "SELECT uuid, scheduled_on, skipped, amount, occurs_on, created_at, "
                                                    "updated_at, deleted_at FROM recurring_exceptions "
                                                    "WHERE rule_uuid = ? AND (? OR deleted_at IS NULL) "
                                                    "ORDER BY scheduled_on, id",
                                                  error);
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
          json_builder_set_member_name (builder, "exceptions");
          json_builder_begin_array (builder);
          any = TRUE;
        }
      json_builder_begin_object (builder);
      add_string_member (builder, "uuid", (const char *) sqlite3_column_text (stmt, 0));
      add_string_member (builder, "scheduled", (const char *) sqlite3_column_text (stmt, 1));
      if (sqlite3_column_int (stmt, 2) != 0)
        {
          json_builder_set_member_name (builder, "skipped");
          json_builder_add_boolean_value (builder, TRUE);
        }
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          g_autofree char *amount = outlay_money_format_plain (sqlite3_column_int64 (stmt, 3), currency);

          add_string_member (builder, "amount", amount);
        }
      add_optional_member (builder, "day", (const char *) sqlite3_column_text (stmt, 4));
      add_string_member (builder, "created_at", (const char *) sqlite3_column_text (stmt, 5));
      add_string_member (builder, "updated_at", (const char *) sqlite3_column_text (stmt, 6));
      add_optional_member (builder, "deleted_at", (const char *) sqlite3_column_text (stmt, 7));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  if (any)
    json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (database, error, rc, _("Could not read the recurring expenses"));
      return FALSE;
    }
  return TRUE;
}

JsonNode *
outlay_ledger_json_rule_to_node (OutlayExportWriter  *writer,
                                 OutlayRecurringRule *rule,
                                 gboolean             include_deleted,
                                 GError             **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  const char      *currency = outlay_recurring_rule_get_currency (rule);
  const char      *note = outlay_recurring_rule_get_note (rule);
  g_autofree char *amount = outlay_money_format_plain (outlay_recurring_rule_get_amount (rule), currency);
  OutlayCategory  *category =
    outlay_repository_lookup_category_by_uuid (writer->repository, outlay_recurring_rule_get_category_uuid (rule));

  /* By name, as the expenses name theirs; one deleted since is the
   * fallback's, as its expenses are. */
  if (category == NULL)
    category = outlay_repository_get_fallback_category (writer->repository);

  json_builder_begin_object (builder);
  add_string_member (builder, "uuid", outlay_recurring_rule_get_uuid (rule));
  add_string_member (builder, "description", outlay_recurring_rule_get_description (rule));
  add_string_member (builder, "amount", amount);
  add_string_member (builder, "currency", currency);
  if (category != NULL)
    add_string_member (builder, "category", outlay_export_writer_category_path (writer, category));
  if (note != NULL && *note != '\0')
    add_string_member (builder, "note", note);
  add_repetition (builder, outlay_recurring_rule_get_recurrence (rule));
  add_string_member (builder, "mode", outlay_recurring_mode_to_string (outlay_recurring_rule_get_mode (rule)));
  add_optional_member (builder, "paused_at", outlay_recurring_rule_get_paused_at (rule));
  add_optional_member (builder, "done_through", outlay_recurring_rule_get_done_through (rule));
  add_string_member (builder, "created_at", outlay_recurring_rule_get_created_at (rule));
  add_string_member (builder, "updated_at", outlay_recurring_rule_get_updated_at (rule));
  add_optional_member (builder, "deleted_at", outlay_recurring_rule_get_deleted_at (rule));
  if (!add_exceptions (writer, builder, outlay_recurring_rule_get_uuid (rule), currency, include_deleted, error))
    return NULL;
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Reading */

static gboolean
read_day (JsonObject *object,
          const char *name,
          GDate      *day)
{
  g_autoptr (GDate) parsed = outlay_date_parse_iso (outlay_ledger_json_member_string (object, name));

  if (parsed == NULL)
    return FALSE;
  *day = *parsed;
  return TRUE;
}

/* A timestamp member: FALSE when it is there and not one, or required and
 * missing. */
static gboolean
read_timestamp (JsonObject *object,
                const char *name,
                gboolean    required)
{
  const char *text = outlay_ledger_json_member_string (object, name);

  if (!json_object_has_member (object, name))
    return !required;
  return text != NULL && outlay_ledger_json_is_timestamp (text);
}

static gboolean
read_repetition (JsonObject       *object,
                 OutlayRecurrence *r)
{
  gint64 every = 0;
  gint64 value = 0;
  GDate  start;

  if (!outlay_repeat_unit_from_string (outlay_ledger_json_member_string (object, "repeat"), &r->unit) ||
      !outlay_ledger_json_read_int (object, "every", 1, 1000, &every) || !read_day (object, "start", &start))
    return FALSE;
  {
    OutlayRepeatUnit unit = r->unit;

    outlay_recurrence_init (r, unit, (guint) every, &start);
  }

  if (r->unit == OUTLAY_REPEAT_WEEKLY)
    {
      JsonNode  *node = json_object_get_member (object, "weekdays");
      JsonArray *array;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        return FALSE;
      array = json_node_get_array (node);
      r->weekdays = 0;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode    *element = json_array_get_element (array, i);
          GDateWeekday day = G_DATE_BAD_WEEKDAY;

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            day = outlay_weekday_from_code (json_node_get_string (element));
          if (day == G_DATE_BAD_WEEKDAY)
            return FALSE;
          r->weekdays |= OUTLAY_WEEKDAY_BIT (day);
        }
    }
  if (r->unit == OUTLAY_REPEAT_MONTHLY)
    {
      if (!outlay_monthly_on_from_string (outlay_ledger_json_member_string (object, "on"), &r->monthly_on))
        return FALSE;
      if (r->monthly_on == OUTLAY_MONTHLY_ON_DAY)
        {
          if (!outlay_ledger_json_read_int (object, "day", 1, 31, &value))
            return FALSE;
          r->month_day = (guint) value;
        }
      if (r->monthly_on == OUTLAY_MONTHLY_ON_WEEKDAY)
        {
          if (!outlay_ledger_json_read_int (object, "week", -1, 4, &value) || value == 0)
            return FALSE;
          r->week_number = (int) value;
          r->weekday = outlay_weekday_from_code (outlay_ledger_json_member_string (object, "weekday"));
        }
    }
  if (json_object_has_member (object, "count"))
    {
      if (!outlay_ledger_json_read_int (object, "count", 1, G_MAXINT32, &value))
        return FALSE;
      r->end = OUTLAY_REPEAT_END_COUNT;
      r->count = (guint) value;
    }
  else if (json_object_has_member (object, "until"))
    {
      if (!read_day (object, "until", &r->until))
        return FALSE;
      r->end = OUTLAY_REPEAT_END_UNTIL;
    }
  if (!outlay_weekend_rule_from_string (outlay_ledger_json_member_string (object, "weekend"), &r->weekend))
    return FALSE;

  return outlay_recurrence_validate (r, NULL);
}

/* The exceptions of a rule: FALSE when one is not as Outlay writes it. */
static gboolean
read_exceptions (JsonObject       *object,
                 const char       *currency,
                 OutlayImportRule *rule)
{
  JsonNode  *node = json_object_get_member (object, "exceptions");
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode   *element = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      g_autoptr (OutlayImportRuleException) exception = g_new0 (OutlayImportRuleException, 1);
      const char *uuid = item != NULL ? outlay_ledger_json_member_string (item, "uuid") : NULL;
      const char *scheduled = item != NULL ? outlay_ledger_json_member_string (item, "scheduled") : NULL;
      const char *amount = item != NULL ? outlay_ledger_json_member_string (item, "amount") : NULL;
      const char *day = item != NULL ? outlay_ledger_json_member_string (item, "day") : NULL;
      JsonNode   *skipped = item != NULL ? json_object_get_member (item, "skipped") : NULL;

      if (item == NULL || !outlay_uuid_is_valid (uuid) || scheduled == NULL || !outlay_date_is_valid (scheduled) ||
          (json_object_has_member (item, "day") && (day == NULL || !outlay_date_is_valid (day))) ||
          (json_object_has_member (item, "amount") && amount == NULL) ||
          (skipped != NULL &&
           (!JSON_NODE_HOLDS_VALUE (skipped) || json_node_get_value_type (skipped) != G_TYPE_BOOLEAN)) ||
          !read_timestamp (item, "created_at", TRUE) || !read_timestamp (item, "updated_at", TRUE) ||
          !read_timestamp (item, "deleted_at", FALSE))
        return FALSE;

      exception->amount = -1;
      if (amount != NULL &&
          (!outlay_money_parse_plain (amount, currency, &exception->amount, NULL) || exception->amount <= 0))
        return FALSE;
      exception->uuid = g_strdup (uuid);
      exception->scheduled_on = g_strdup (scheduled);
      exception->skipped = skipped != NULL && json_node_get_boolean (skipped);
      exception->occurs_on = g_strdup (day);
      exception->created_at = g_strdup (outlay_ledger_json_member_string (item, "created_at"));
      exception->updated_at = g_strdup (outlay_ledger_json_member_string (item, "updated_at"));
      exception->deleted_at = g_strdup (outlay_ledger_json_member_string (item, "deleted_at"));
      g_ptr_array_add (rule->exceptions, g_steal_pointer (&exception));
    }

  return TRUE;
}

/**
 * outlay_ledger_json_read_rule:
 * @position: its place in the file's list of recurring expenses, from 1
 *
 * Adds the rule @node describes to @source, or an issue that says why it
 * cannot be read.
 */
void
outlay_ledger_json_read_rule (OutlayImportSource *source,
                              JsonNode           *node,
                              guint               position)
{
  g_autoptr (OutlayImportRule) rule = outlay_import_rule_new ();
  JsonObject         *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char         *uuid = object != NULL ? outlay_ledger_json_member_string (object, "uuid") : NULL;
  const char         *description = object != NULL ? outlay_ledger_json_member_string (object, "description") : NULL;
  const char         *currency = object != NULL ? outlay_ledger_json_member_string (object, "currency") : NULL;
  const char         *amount = object != NULL ? outlay_ledger_json_member_string (object, "amount") : NULL;
  const char         *category = object != NULL ? outlay_ledger_json_member_string (object, "category") : NULL;
  OutlayRecurrence    recurrence;
  OutlayRecurringMode mode;
  gint64              minor = 0;

  if (object == NULL || !outlay_uuid_is_valid (uuid) || description == NULL)
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("Recurring expense %u has no valid uuid or description."), position);
      return;
    }
  if (!outlay_currency_is_valid (currency) || amount == NULL ||
      !outlay_money_parse_plain (amount, currency, &minor, NULL) || minor <= 0 || category == NULL)
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The recurring expense “%s” has no known currency, category or amount."),
                                         description);
      return;
    }
  if (!read_repetition (object, &recurrence) ||
      !outlay_recurring_mode_from_string (outlay_ledger_json_member_string (object, "mode"), &mode))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The recurring expense “%s” has a repetition that cannot be read."),
                                         description);
      return;
    }
  if ((json_object_has_member (object, "note") && outlay_ledger_json_member_string (object, "note") == NULL) ||
      !read_timestamp (object, "paused_at", FALSE) || !read_timestamp (object, "created_at", TRUE) ||
      !read_timestamp (object, "updated_at", TRUE) || !read_timestamp (object, "deleted_at", FALSE) ||
      (json_object_has_member (object, "done_through") &&
       !outlay_date_is_valid (outlay_ledger_json_member_string (object, "done_through"))) ||
      !read_exceptions (object, currency, rule))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The recurring expense “%s” has a note, exceptions or times that cannot be "
                                        "read."),
                                         description);
      return;
    }

  outlay_recurring_rule_set_identity (rule->rule, 0, uuid);
  outlay_recurring_rule_set_amount (rule->rule, minor);
  outlay_recurring_rule_set_currency (rule->rule, currency);
  outlay_recurring_rule_set_description (rule->rule, description);
  outlay_recurring_rule_set_note (rule->rule, outlay_ledger_json_member_string (object, "note"));
  outlay_recurring_rule_set_recurrence (rule->rule, &recurrence);
  outlay_recurring_rule_set_mode (rule->rule, mode);
  outlay_recurring_rule_set_paused_at (rule->rule, outlay_ledger_json_member_string (object, "paused_at"));
  outlay_recurring_rule_set_done_through (rule->rule, outlay_ledger_json_member_string (object, "done_through"));
  outlay_recurring_rule_set_timestamps (rule->rule, outlay_ledger_json_member_string (object, "created_at"),
                                        outlay_ledger_json_member_string (object, "updated_at"),
                                        outlay_ledger_json_member_string (object, "deleted_at"));
  rule->category_name = g_strdup (category);

  g_ptr_array_add (source->rules, g_steal_pointer (&rule));
}
