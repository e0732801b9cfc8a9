/* outlay-ledger-json-category-rules.c
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

/* The rules that file expenses in Outlay's JSON file: one a line, in their
 * order, with their category by path (as the expenses name theirs), so
 * that a rule comes back from the file as it was. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-category-rule-private.h"
#include "outlay-ledger-json-private.h"
#include "outlay-repository.h"
#include "outlay-uuid.h"

/* Writing */

JsonNode *
outlay_ledger_json_category_rule_to_node (OutlayExportWriter *writer,
                                          OutlayCategoryRule *rule,
                                          gboolean            include_deleted,
                                          GError            **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  const char *const *patterns = outlay_category_rule_get_patterns (rule);
  OutlayCategory    *category =
    outlay_repository_lookup_category_by_uuid (writer->repository, outlay_category_rule_get_category_uuid (rule));

  json_builder_begin_object (builder);
  add_string_member (builder, "uuid", outlay_category_rule_get_uuid (rule));
  add_string_member (builder, "field", outlay_rule_field_to_string (outlay_category_rule_get_field (rule)));
  add_string_member (builder, "match", outlay_rule_match_to_string (outlay_category_rule_get_match (rule)));
  json_builder_set_member_name (builder, "patterns");
  json_builder_begin_array (builder);
  for (guint i = 0; patterns[i] != NULL; i++)
    json_builder_add_string_value (builder, patterns[i]);
  json_builder_end_array (builder);
  add_optional_member (builder, "amount_min", outlay_category_rule_get_amount_min (rule));
  add_optional_member (builder, "amount_max", outlay_category_rule_get_amount_max (rule));
  add_optional_member (builder, "currency", outlay_category_rule_get_currency (rule));
  /* A rule of a category deleted since files nothing: it keeps none. */
  if (category != NULL)
    add_string_member (builder, "category", outlay_export_writer_category_path (writer, category));
  add_optional_member (builder, "rename_to", outlay_category_rule_get_rename_to (rule));
  add_string_member (builder, "created_at", outlay_category_rule_get_created_at (rule));
  add_string_member (builder, "updated_at", outlay_category_rule_get_updated_at (rule));
  add_optional_member (builder, "deleted_at", outlay_category_rule_get_deleted_at (rule));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Reading */

OutlayImportCategoryRule *
outlay_import_category_rule_new (void)
{
  return g_new0 (OutlayImportCategoryRule, 1);
}

void
outlay_import_category_rule_free (OutlayImportCategoryRule *rule)
{
  if (rule == NULL)
    return;

  g_clear_object (&rule->rule);
  g_free (rule->category_name);
  g_free (rule);
}

/* The texts of "patterns": NULL unless it is an array of one or more. */
static GStrv
read_patterns (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "patterns");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return NULL;
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

/**
 * outlay_ledger_json_read_category_rule:
 * @position: the rule's place in the file, from 1
 *
 * Adds the rule @node describes to @source, or an issue that says why it
 * cannot.
 */
void
outlay_ledger_json_read_category_rule (OutlayImportSource *source,
                                       JsonNode           *node,
                                       guint               position)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *uuid = object != NULL ? outlay_ledger_json_member_string (object, "uuid") : NULL;
  g_autoptr (OutlayImportCategoryRule) rule = NULL;
  g_auto (GStrv) patterns = NULL;
  OutlayRuleField field = OUTLAY_RULE_FIELD_DESCRIPTION;
  OutlayRuleMatch match = OUTLAY_RULE_MATCH_CONTAINS;

  if (object == NULL || !outlay_uuid_is_valid (uuid) || !(patterns = read_patterns (object)))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("Rule %u has no valid uuid or texts to look for."), position);
      return;
    }

  if ((json_object_has_member (object, "field") &&
       !outlay_rule_field_from_string (outlay_ledger_json_member_string (object, "field"), &field)) ||
      (json_object_has_member (object, "match") &&
       !outlay_rule_match_from_string (outlay_ledger_json_member_string (object, "match"), &match)) ||
      !outlay_ledger_json_member_is_string_or_absent (object, "amount_min") ||
      !outlay_ledger_json_member_is_string_or_absent (object, "amount_max") ||
      !outlay_ledger_json_member_is_string_or_absent (object, "currency") ||
      !outlay_ledger_json_member_is_string_or_absent (object, "category") ||
      !outlay_ledger_json_member_is_string_or_absent (object, "rename_to") ||
      !outlay_ledger_json_is_timestamp_member (object, "created_at", TRUE) ||
      !outlay_ledger_json_is_timestamp_member (object, "updated_at", TRUE) ||
      !outlay_ledger_json_is_timestamp_member (object, "deleted_at", FALSE))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("Rule %u has a member that cannot be read."), position);
      return;
    }

  rule = outlay_import_category_rule_new ();
  rule->rule = outlay_category_rule_new ();
  outlay_category_rule_set_identity (rule->rule, 0, uuid, position - 1);
  outlay_category_rule_set_field (rule->rule, field);
  outlay_category_rule_set_match (rule->rule, match);
  outlay_category_rule_set_patterns (rule->rule, (const char *const *) patterns);
  outlay_category_rule_set_amount_min (rule->rule, outlay_ledger_json_member_string (object, "amount_min"));
  outlay_category_rule_set_amount_max (rule->rule, outlay_ledger_json_member_string (object, "amount_max"));
  outlay_category_rule_set_currency (rule->rule, outlay_ledger_json_member_string (object, "currency"));
  outlay_category_rule_set_rename_to (rule->rule, outlay_ledger_json_member_string (object, "rename_to"));
  outlay_category_rule_set_timestamps (rule->rule, outlay_ledger_json_member_string (object, "created_at"),
                                       outlay_ledger_json_member_string (object, "updated_at"),
                                       outlay_ledger_json_member_string (object, "deleted_at"));
  rule->category_name = g_strdup (outlay_ledger_json_member_string (object, "category"));
  g_ptr_array_add (source->category_rules, g_steal_pointer (&rule));
}
