/* outlay-importer-categories.c: the categories an import creates or
 * replaces, and brings back on undo
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

#include "outlay-database-private.h"
#include "outlay-importer-private.h"
#include "outlay-repository-private.h"

#define DEFAULT_ICON "view-more-horizontal-symbolic"

/* Colours of the GNOME palette for categories an import creates, in turn. */
static const char *const import_colors[] = {
  "#1c71d8",
  "#26a269",
  "#e5a50a",
  "#c64600",
  "#a51d2d",
  "#813d9c",
  "#63452c",
  "#5e5c64",
};

static void
category_state_free (OutlayImportCategoryState *state)
{
  g_free (state->uuid);
  g_free (state->name);
  g_free (state->icon_name);
  g_free (state->color);
  g_free (state->parent_uuid);
  g_free (state->created_at);
  g_free (state->updated_at);
  g_free (state);
}

GPtrArray *
outlay_importer_snapshot_categories (OutlayRepository *self)
{
  GListModel *current = outlay_repository_get_categories (self);
  GPtrArray  *states = g_ptr_array_new_with_free_func ((GDestroyNotify) category_state_free);
  guint       n = g_list_model_get_n_items (current);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (current, i);
      OutlayImportCategoryState *state = g_new0 (OutlayImportCategoryState, 1);

      state->id = outlay_category_get_id (category);
      state->uuid = g_strdup (outlay_category_get_uuid (category));
      state->name = g_strdup (outlay_category_get_name (category));
      state->icon_name = g_strdup (outlay_category_get_icon_name (category));
      state->color = g_strdup (outlay_category_get_color (category));
      state->parent_uuid = g_strdup (outlay_category_get_parent_uuid (category));
      state->hidden = outlay_category_get_hidden (category);
      state->position = outlay_category_get_position (category);
      state->created_at = g_strdup (outlay_category_get_created_at (category));
      state->updated_at = g_strdup (outlay_category_get_updated_at (category));
      g_ptr_array_add (states, state);
    }

  return states;
}

/* What a source says of the category @id: its place, and from a lossless
 * one its uuid (unless another category of the ledger has that one) and
 * times. A %NULL @name, @icon_name, @color or a negative @position
 * leaves it as it is. */
static gboolean
write_category (OutlayRepository               *self,
                gint64                          id,
                const OutlayImportCategoryInfo *info,
                const char                     *name,
                const char                     *icon_name,
                const char                     *color,
                const char                     *parent_uuid,
                int                             position,
                const char                     *now,
                GError                        **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (outlay_repository_get_database (self),
                                                "UPDATE categories SET name = coalesce (?1, name), "
                                                "icon_name = coalesce (?2, icon_name), color = coalesce (?3, color), "
                                                "parent_uuid = ?4, hidden = ?5, position = coalesce (?6, position), "
                                                "uuid = CASE WHEN ?7 IS NULL OR EXISTS (SELECT 1 FROM categories "
                                                "  WHERE uuid = ?7) THEN uuid ELSE ?7 END, "
                                                "created_at = coalesce (?8, created_at), "
                                                "updated_at = coalesce (?9, ?10) WHERE id = ?11",
                                                error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, icon_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, color, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, parent_uuid, -1, SQLITE_TRANSIENT);
  /* The category that takes the expenses of deleted ones is never hidden. */
  sqlite3_bind_int (stmt, 5, info->hidden && !info->fallback);
  if (position >= 0)
    sqlite3_bind_int (stmt, 6, position);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, info->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, info->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, info->updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, id);

  return outlay_repository_step_done (self, stmt, _("Could not change the category"), error);
}

/* The fallback category took the file's uuid: what says which category
 * it is follows, and the result remembers the one it had. */
static gboolean
follow_fallback (OutlayRepository   *self,
                 gint64              id,
                 OutlayImportResult *result,
                 GError            **error)
{
  g_autofree char *uuid = NULL;
  sqlite3_stmt    *stmt;

  if (!outlay_importer_query_uuid (self, "SELECT uuid FROM categories WHERE id = ?", _("Could not read the categories"),
                                   id, &uuid, error))
    return FALSE;
  if (g_strcmp0 (uuid, self->fallback_uuid) == 0)
    return TRUE;

  if (!(stmt = outlay_database_prepare (outlay_repository_get_database (self),
                                        "UPDATE outlay_meta SET value = ? WHERE key = 'fallback_category_uuid'",
                                        error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!outlay_repository_step_done (self, stmt, _("Could not change the category"), error))
    return FALSE;

  if (result->previous_fallback_uuid == NULL)
    result->previous_fallback_uuid = g_strdup (self->fallback_uuid);
  g_free (self->fallback_uuid);
  self->fallback_uuid = g_steal_pointer (&uuid);

  return TRUE;
}

/* A new category @name under @parent (at the top for %NULL), as @info
 * describes it when the source does; 0 with @error set when it cannot be
 * added. */
static gint64
create_category (OutlayRepository               *self,
                 OutlayImportPlan               *plan,
                 const OutlayImportCategoryInfo *info,
                 const char                     *name,
                 OutlayCategory                 *parent,
                 const char                     *now,
                 GArray                         *created,
                 GError                        **error)
{
  const char *icon_name = info != NULL && info->icon_name != NULL ? info->icon_name : DEFAULT_ICON;
  const char *color = info != NULL && info->color != NULL ? info->color
                                                          : import_colors[created->len % G_N_ELEMENTS (import_colors)];
  const char *parent_uuid = parent != NULL ? outlay_category_get_uuid (parent) : NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 id = 0;

  if (!outlay_repository_insert_category (self, name, icon_name, color, parent_uuid, now, &id, &local_error))
    {
      g_autofree char *path =
        outlay_import_category_path (parent != NULL ? outlay_category_get_name (parent) : NULL, name);

      g_set_error (error, local_error->domain, local_error->code, _("Could not add the category “%s”: %s"), path,
                   local_error->message);
      return 0;
    }
  g_array_append_val (created, id);

  /* A lossless file's category is the same one as in the ledger it came
   * from: its uuid, times, and whether it is hidden. */
  if (info != NULL && outlay_import_plan_get_source (plan)->lossless &&
      !write_category (self, id, info, NULL, NULL, NULL, parent_uuid, -1, now, error))
    return 0;

  if (!outlay_repository_reload_categories (self, error))
    return 0;

  return id;
}

/* The ledger's category at the top that the source's @name at the top
 * is, created when it lacks one. */
static OutlayCategory *
ensure_top_category (OutlayRepository *self,
                     OutlayImportPlan *plan,
                     const char       *name,
                     const char       *now,
                     GArray           *created,
                     GError          **error)
{
  const OutlayImportCategoryInfo *info;
  OutlayCategory                 *category = outlay_import_plan_find_top_category (plan, name);
  gint64                          id;

  if (category != NULL)
    return category;

  info = outlay_import_plan_lookup_category_info (plan, name);
  if (info != NULL && info->parent != NULL)
    info = NULL;
  if ((id = create_category (self, plan, info, name, NULL, now, created, error)) == 0)
    return NULL;

  return outlay_repository_lookup_category (self, id);
}

/* The id of the ledger's category that the source's @name ("Parent ›
 * Child" for a subcategory) is, created with its parent when the ledger
 * lacks it; 0 with @error set when it cannot be added. */
static gint64
ensure_category (OutlayRepository *self,
                 OutlayImportPlan *plan,
                 const char       *name,
                 const char       *now,
                 GArray           *created,
                 GError          **error)
{
  const OutlayImportCategoryInfo *info;
  OutlayCategory                 *category = outlay_import_plan_find_exact_category (plan, name);
  OutlayCategory                 *parent = NULL;
  g_autofree char                *split_parent = NULL;
  g_autofree char                *split_name = NULL;
  const char                     *parent_name = NULL;
  const char                     *own_name = name;

  if (category != NULL)
    return outlay_category_get_id (category);

  /* What the source says of it, else what its name does. */
  info = outlay_import_plan_lookup_category_info (plan, name);
  if (info != NULL)
    {
      parent_name = info->parent;
      own_name = info->name;
    }
  else if (outlay_import_split_category_path (name, &split_parent, &split_name))
    {
      parent_name = split_parent;
      own_name = split_name;
    }

  if (parent_name != NULL && !(parent = ensure_top_category (self, plan, parent_name, now, created, error)))
    return 0;

  return create_category (self, plan, info, own_name, parent, now, created, error);
}

gboolean
outlay_importer_create_missing_categories (OutlayRepository *self,
                                           OutlayImportPlan *plan,
                                           const char       *now,
                                           GArray           *created,
                                           GError          **error)
{
  GPtrArray *matches = outlay_import_plan_get_categories (plan);

  for (guint i = 0; i < matches->len; i++)
    {
      OutlayImportCategoryMatch *match = g_ptr_array_index (matches, i);
      gint64                     id;

      if (match->category_id != 0 || match->n_records == 0)
        continue;

      /* Found by now when an earlier match created it (names differing in
       * case only, or a parent of one). */
      if ((id = ensure_category (self, plan, match->name, now, created, error)) == 0)
        return FALSE;
      match->category_id = id;
    }

  return TRUE;
}

const char *
outlay_importer_category_uuid (OutlayRepository *self,
                               OutlayImportPlan *plan,
                               const char       *name,
                               const char       *now,
                               GArray           *created,
                               GError          **error)
{
  GPtrArray       *matches = outlay_import_plan_get_categories (plan);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  gint64           id = 0;
  OutlayCategory  *category;

  /* Where the person sent the file's category, as its expenses go. */
  for (guint i = 0; id == 0 && i < matches->len; i++)
    {
      const OutlayImportCategoryMatch *match = g_ptr_array_index (matches, i);
      g_autofree char                 *other = g_utf8_casefold (match->name, -1);

      if (match->category_id != 0 && g_str_equal (folded, other))
        id = match->category_id;
    }
  /* Else as the plan finds the expenses' categories. */
  if (id == 0 && (category = outlay_import_plan_find_category (plan, name)) != NULL)
    return outlay_category_get_uuid (category);
  if (id == 0 && (id = ensure_category (self, plan, name, now, created, error)) == 0)
    return NULL;

  category = outlay_repository_lookup_category (self, id);
  return category != NULL ? outlay_category_get_uuid (category) : NULL;
}

/* Replacing the defaults */

static gboolean
is_kept (GArray *kept,
         gint64  id)
{
  for (guint i = 0; i < kept->len; i++)
    {
      if (g_array_index (kept, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

/* The category of the ledger that takes the file's @info under @parent,
 * or 0: the fallback only ever takes the file's fallback, whatever its
 * name; another takes the file's of its uuid, else of its name. */
static gint64
replaced_by (OutlayRepository               *self,
             const OutlayImportCategoryInfo *info,
             OutlayCategory                 *parent,
             gint64                          fallback_id,
             GArray                         *kept)
{
  OutlayCategory *category = NULL;

  if (info->fallback && fallback_id != 0)
    return is_kept (kept, fallback_id) ? 0 : fallback_id;

  if (info->uuid != NULL)
    category = outlay_repository_lookup_category_by_uuid (self, info->uuid);
  if (category == NULL || outlay_category_get_id (category) == fallback_id ||
      is_kept (kept, outlay_category_get_id (category)))
    category = outlay_repository_find_subcategory_named (self, parent, info->name, fallback_id);
  if (category == NULL || is_kept (kept, outlay_category_get_id (category)))
    return 0;

  return outlay_category_get_id (category);
}

/* The category at the top that the file's category under @name goes
 * under: the file's of that name, else the ledger's, else a new one. */
static OutlayCategory *
replaced_parent (OutlayRepository *self,
                 OutlayImportPlan *plan,
                 GHashTable       *tops,
                 const char       *name,
                 const char       *now,
                 GArray           *kept,
                 GArray           *created,
                 GError          **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  gint64          *top = g_hash_table_lookup (tops, folded);
  OutlayCategory  *category;
  gint64           id;

  if (top != NULL)
    return outlay_repository_lookup_category (self, *top);

  category = outlay_repository_find_subcategory_named (self, NULL, name, 0);
  if (category != NULL)
    id = outlay_category_get_id (category);
  else if ((id = create_category (self, plan, NULL, name, NULL, now, created, error)) == 0)
    return NULL;

  g_array_append_val (kept, id);
  g_hash_table_insert (tops, g_steal_pointer (&folded), g_memdup2 (&id, sizeof id));
  return outlay_repository_lookup_category (self, id);
}

/* The file's category @i, @info, under @parent, in the place of the
 * ledger's @id, or a new one for 0. */
static gboolean
replace_category (OutlayRepository               *self,
                  OutlayImportPlan               *plan,
                  const OutlayImportCategoryInfo *info,
                  guint                           i,
                  OutlayCategory                 *parent,
                  gint64                         *id,
                  const char                     *now,
                  OutlayImportResult             *result,
                  GError                        **error)
{
  const char     *icon_name = info->icon_name != NULL ? info->icon_name : DEFAULT_ICON;
  const char     *color = info->color != NULL ? info->color : import_colors[i % G_N_ELEMENTS (import_colors)];
  const char     *parent_uuid = parent != NULL ? outlay_category_get_uuid (parent) : NULL;
  OutlayCategory *fallback = outlay_repository_get_fallback_category (self);

  if (!outlay_repository_validate_icon_name (icon_name, error) || !outlay_repository_validate_color (color, error))
    return FALSE;

  if (*id == 0)
    {
      if (!outlay_repository_insert_category (self, info->name, icon_name, color, parent_uuid, now, id, error))
        return FALSE;
      g_array_append_val (result->created_category_ids, *id);
    }

  if (!write_category (self, *id, info, info->name, icon_name, color, parent_uuid, (int) i, now, error) ||
      (fallback != NULL && *id == outlay_category_get_id (fallback) && !follow_fallback (self, *id, result, error)))
    return FALSE;

  /* The next one's name is checked against this one's. */
  return outlay_repository_reload_categories (self, error);
}

gboolean
outlay_importer_replace_categories (OutlayRepository   *self,
                                    OutlayImportPlan   *plan,
                                    const char         *now,
                                    OutlayImportResult *result,
                                    GError            **error)
{
  OutlayImportSource *source = outlay_import_plan_get_source (plan);
  GPtrArray          *matches = outlay_import_plan_get_categories (plan);
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) tops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  OutlayCategory *fallback = outlay_repository_get_fallback_category (self);
  gint64          fallback_id = fallback != NULL ? outlay_category_get_id (fallback) : 0;

  g_assert (result->replaced_categories != NULL);

  /* The categories at the top first, then those under them, each in the
   * file's order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < source->categories->len; i++)
      {
        const OutlayImportCategoryInfo *info = g_ptr_array_index (source->categories, i);
        OutlayCategory                 *parent = NULL;
        gint64                          id;

        if ((info->parent != NULL) != (pass == 1))
          continue;
        if (info->parent != NULL &&
            !(parent = replaced_parent (self, plan, tops, info->parent, now, kept, result->created_category_ids,
                                        error)))
          return FALSE;

        id = replaced_by (self, info, parent, fallback_id, kept);
        if (!replace_category (self, plan, info, i, parent, &id, now, result, error))
          return FALSE;
        g_array_append_val (kept, id);
        if (info->parent == NULL)
          g_hash_table_insert (tops, g_utf8_casefold (info->name, -1), g_memdup2 (&id, sizeof id));
      }

  /* Categories the person chose for some of the file's expenses stay. */
  for (guint i = 0; i < matches->len; i++)
    {
      OutlayImportCategoryMatch *match = g_ptr_array_index (matches, i);

      if (match->category_id != 0)
        g_array_append_val (kept, match->category_id);
    }

  /* The defaults the file does not have: the ledger is new, so nothing
   * uses them. */
  for (guint j = 0; j < result->replaced_categories->len; j++)
    {
      const OutlayImportCategoryState *state = g_ptr_array_index (result->replaced_categories, j);
      sqlite3_stmt                    *stmt;

      if (state->id == fallback_id || is_kept (kept, state->id))
        continue;

      if (!(stmt = outlay_database_prepare (outlay_repository_get_database (self),
                                            "UPDATE categories SET deleted_at = ?, updated_at = ? WHERE id = ?",
                                            error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, state->id);
      if (!outlay_repository_step_done (self, stmt, _("Could not change the category"), error))
        return FALSE;
    }

  return TRUE;
}

void
outlay_importer_forget_categories (OutlayRepository   *self,
                                   OutlayImportPlan   *plan,
                                   OutlayImportResult *result)
{
  GPtrArray *matches = outlay_import_plan_get_categories (plan);
  GArray    *created = result->created_category_ids;

  for (guint i = 0; i < matches->len; i++)
    {
      OutlayImportCategoryMatch *match = g_ptr_array_index (matches, i);

      for (guint j = 0; j < created->len; j++)
        {
          if (match->category_id == g_array_index (created, gint64, j))
            match->category_id = 0;
        }
    }

  /* The rollback gave the fallback its uuid back. */
  if (result->previous_fallback_uuid != NULL)
    {
      g_free (self->fallback_uuid);
      self->fallback_uuid = g_steal_pointer (&result->previous_fallback_uuid);
    }
}

/* Undoing */

gboolean
outlay_importer_restore_categories (OutlayRepository         *self,
                                    const OutlayImportResult *result,
                                    GError                  **error)
{
  OutlayDatabase *database = outlay_repository_get_database (self);
  sqlite3_stmt   *stmt;

  /* First out of the way of the names and uuids the replaced ones had, the
   * categories it created go, those under others first, unless an expense
   * or a category added since is in them. */
  for (guint i = result->created_category_ids->len; i-- > 0;)
    {
      if (!(stmt = outlay_database_prepare (database,
                                            "DELETE FROM categories WHERE id = ?1 "
                                            "AND NOT EXISTS (SELECT 1 FROM expenses WHERE category_id = ?1) "
                                            "AND NOT EXISTS (SELECT 1 FROM categories AS child "
                                            "  WHERE child.parent_uuid = categories.uuid "
                                            "  AND child.deleted_at IS NULL)",
                                            error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (result->created_category_ids, gint64, i));
      if (!outlay_repository_step_done (self, stmt, _("Could not undo the import"), error))
        return FALSE;
    }

  for (guint i = 0; result->replaced_categories != NULL && i < result->replaced_categories->len; i++)
    {
      const OutlayImportCategoryState *state = g_ptr_array_index (result->replaced_categories, i);

      if (!(stmt = outlay_database_prepare (database,
                                            "UPDATE categories SET uuid = ?, name = ?, icon_name = ?, color = ?, "
                                            "parent_uuid = ?, hidden = ?, position = ?, created_at = ?, "
                                            "updated_at = ?, deleted_at = NULL WHERE id = ?",
                                            error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, state->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, state->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, state->icon_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, state->color, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, state->parent_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, state->hidden);
      sqlite3_bind_int (stmt, 7, state->position);
      sqlite3_bind_text (stmt, 8, state->created_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, state->updated_at, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 10, state->id);
      if (!outlay_repository_step_done (self, stmt, _("Could not undo the import"), error))
        return FALSE;
    }

  if (result->previous_fallback_uuid != NULL)
    {
      if (!(stmt = outlay_database_prepare (database,
                                            "UPDATE outlay_meta SET value = ? WHERE key = 'fallback_category_uuid'",
                                            error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, result->previous_fallback_uuid, -1, SQLITE_STATIC);
      if (!outlay_repository_step_done (self, stmt, _("Could not undo the import"), error))
        return FALSE;
    }

  return TRUE;
}

void
outlay_importer_restored_categories (OutlayRepository         *self,
                                     const OutlayImportResult *result)
{
  if (result->previous_fallback_uuid != NULL)
    {
      g_free (self->fallback_uuid);
      self->fallback_uuid = g_strdup (result->previous_fallback_uuid);
    }
}
