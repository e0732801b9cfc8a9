/* outlay-ledger-json-categories.c
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

/* The categories in Outlay's JSON file: one a line, in the list's order
 * (each one at the top before the ones under it), each with its uuid and
 * times, and the one it is under by name, which is unique at the top. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-ledger-json-private.h"
#include "outlay-repository.h"
#include "outlay-uuid.h"

/**
 * outlay_ledger_json_has_tree:
 *
 * Returns: whether a category is under another or hidden: what a file of
 *   version 5 holds and older ones do not
 */
gboolean
outlay_ledger_json_has_tree (OutlayRepository *repository)
{
  GListModel *categories = outlay_repository_get_categories (repository);
  guint       n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      if (outlay_category_get_hidden (category) ||
          outlay_repository_get_parent_category (repository, category) != NULL)
        return TRUE;
    }

  return FALSE;
}

JsonNode *
outlay_ledger_json_category_to_node (OutlayExportWriter *writer,
                                     OutlayCategory     *category)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  OutlayCategory *parent = outlay_repository_get_parent_category (writer->repository, category);

  json_builder_begin_object (builder);
  add_string_member (builder, "uuid", outlay_category_get_uuid (category));
  add_string_member (builder, "name", outlay_category_get_name (category));
  add_string_member (builder, "icon", outlay_category_get_icon_name (category));
  add_string_member (builder, "color", outlay_category_get_color (category));
  if (parent != NULL)
    add_string_member (builder, "parent", outlay_category_get_name (parent));
  if (outlay_category_get_hidden (category))
    {
      json_builder_set_member_name (builder, "hidden");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (category == outlay_repository_get_fallback_category (writer->repository))
    {
      json_builder_set_member_name (builder, "fallback");
      json_builder_add_boolean_value (builder, TRUE);
    }
  add_string_member (builder, "created_at", outlay_category_get_created_at (category));
  add_string_member (builder, "updated_at", outlay_category_get_updated_at (category));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* What the file's categories are told apart by in @seen: the name under
 * its parent (names are unique among the categories under one), and the
 * uuid, in keys that cannot be the same. */
static char *
name_key (const char *parent,
          const char *name)
{
  g_autofree char *folded_parent = g_utf8_casefold (parent != NULL ? parent : "", -1);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_strconcat (parent != NULL ? "s" : "t", folded_parent, "\x1f", folded, NULL);
}

/**
 * outlay_ledger_json_read_category:
 * @seen: the names and uuids of the categories read before, for this one
 *   to be told apart from them
 * @position: from 1, for the messages
 */
void
outlay_ledger_json_read_category (OutlayImportSource *source,
                                  GHashTable         *seen,
                                  JsonNode           *node,
                                  guint               position)
{
  JsonObject               *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char               *name = object != NULL ? outlay_ledger_json_member_string (object, "name") : NULL;
  const char               *parent;
  const char               *uuid;
  g_autofree char          *path = NULL;
  g_autofree char          *uuid_key = NULL;
  OutlayImportCategoryInfo *info;

  if (name == NULL || *name == '\0')
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("Category %u has no name; its expenses go to the category they name."),
                                      position);
      return;
    }

  parent = outlay_ledger_json_member_string (object, "parent");
  uuid = outlay_ledger_json_member_string (object, "uuid");
  if (!outlay_ledger_json_member_is_string_or_absent (object, "parent") ||
      (json_object_has_member (object, "uuid") && !outlay_uuid_is_valid (uuid)) ||
      !outlay_ledger_json_member_is_string_or_absent (object, "created_at") ||
      !outlay_ledger_json_member_is_string_or_absent (object, "updated_at") ||
      !outlay_ledger_json_is_timestamp (outlay_ledger_json_member_string (object, "created_at")) ||
      !outlay_ledger_json_is_timestamp (outlay_ledger_json_member_string (object, "updated_at")))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The category “%s” has a parent, uuid or time that cannot be read; its "
                                        "expenses go to the category they name."),
                                      name);
      return;
    }
  if (parent != NULL && *parent == '\0')
    parent = NULL;

  path = outlay_import_category_path (parent, name);
  if (!g_hash_table_add (seen, name_key (parent, name)))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The category “%s” is in the file twice; the first one is kept."), path);
      return;
    }

  uuid_key = uuid != NULL ? g_strconcat ("u", uuid, NULL) : NULL;
  if (uuid_key != NULL && !g_hash_table_add (seen, g_steal_pointer (&uuid_key)))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("The category “%s” has the uuid of another one; it is read without it."),
                                      path);
      uuid = NULL;
    }

  info = outlay_import_source_add_category (source, parent, name, outlay_ledger_json_member_string (object, "icon"),
                                            outlay_ledger_json_member_string (object, "color"),
                                            outlay_ledger_json_member_is_true (object, "fallback"));
  info->hidden = outlay_ledger_json_member_is_true (object, "hidden");
  info->uuid = g_strdup (uuid);
  info->created_at = g_strdup (outlay_ledger_json_member_string (object, "created_at"));
  info->updated_at = g_strdup (outlay_ledger_json_member_string (object, "updated_at"));
}
