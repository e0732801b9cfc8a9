/* outlay-repository-categories.c
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
#include <string.h>

#include "outlay-repository-private.h"

/* The category of @items that @category is under: a live one at the top.
 * A parent that is deleted (by an older version, which knows nothing of
 * parents), or is itself under another, leaves @category at the top. */
static OutlayCategory *
find_parent_in (GPtrArray      *items,
                OutlayCategory *category)
{
  const char *parent_uuid = outlay_category_get_parent_uuid (category);

  if (parent_uuid == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      OutlayCategory *other = items->pdata[i];

      if (other != category && g_strcmp0 (outlay_category_get_uuid (other), parent_uuid) == 0)
        {
          const char *grand_uuid = outlay_category_get_parent_uuid (other);
          gboolean    at_top = TRUE;

          for (guint j = 0; at_top && grand_uuid != NULL && j < items->len; j++)
            at_top = g_strcmp0 (outlay_category_get_uuid (items->pdata[j]), grand_uuid) != 0;

          return at_top ? other : NULL;
        }
    }

  return NULL;
}

/* @items in their order, each category at the top followed by the ones
 * under it: the order of every list and menu of categories. */
static GPtrArray *
order_as_tree (GPtrArray *items)
{
  g_autoptr (GPtrArray) tree = g_ptr_array_new_full (items->len, g_object_unref);
  g_autofree OutlayCategory **parents = g_new0 (OutlayCategory *, items->len + 1);

  for (guint i = 0; i < items->len; i++)
    parents[i] = find_parent_in (items, items->pdata[i]);

  /* Those whose parent is gone come after the others at the top: their
   * positions are among that parent's. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < items->len; i++)
      {
        if (parents[i] != NULL || (outlay_category_get_parent_uuid (items->pdata[i]) != NULL) != pass)
          continue;

        g_ptr_array_add (tree, g_object_ref (items->pdata[i]));
        for (guint j = 0; j < items->len; j++)
          if (parents[j] == items->pdata[i])
            g_ptr_array_add (tree, g_object_ref (items->pdata[j]));
      }

  g_ptr_array_unref (items);
  return g_steal_pointer (&tree);
}

/* The live categories as the file holds them, as new objects: nothing in
 * memory changes until apply_categories(), so that a write can read them
 * inside its transaction and show them only once it is committed. */
static GPtrArray *
read_categories (OutlayRepository *self,
                 GError          **error)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  stmt = outlay_database_prepare (self->database,
                                  "SELECT " OUTLAY_CATEGORY_COLUMNS " FROM categories "
                                  "WHERE deleted_at IS NULL ORDER BY position, id",
                                  error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (items);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, outlay_category_new_from_statement (stmt));

  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (items);
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the categories"));
      return NULL;
    }

  return order_as_tree (items);
}

static gboolean
retire_category (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  g_hash_table_replace (user_data, key, value);
  return TRUE;
}

static void
apply_categories (OutlayRepository *self,
                  GPtrArray        *fresh)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->categories));

  for (guint i = 0; i < n_old; i++)
    {
      OutlayCategory *category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);
      gint64          id = outlay_category_get_id (category);

      g_hash_table_insert (old, g_memdup2 (&id, sizeof id), category);
    }

  for (guint f = 0; f < fresh->len; f++)
    {
      OutlayCategory *category = fresh->pdata[f];
      gint64          id = outlay_category_get_id (category);
      OutlayCategory *existing = NULL;
      gpointer        key = NULL;

      /* Keep the objects others hold, those of the categories an Undo
       * brings back too; only their values change. */
      if (!g_hash_table_steal_extended (old, &id, &key, (gpointer *) &existing) &&
          g_hash_table_steal_extended (self->retired, &id, &key, (gpointer *) &existing) &&
          g_strcmp0 (outlay_category_get_uuid (existing), outlay_category_get_uuid (category)) != 0)
        g_clear_object (&existing); /* the id of another, after a restore */
      g_free (key);

      if (existing != NULL)
        {
          outlay_category_assign (existing, category);
          g_ptr_array_add (items, existing);
        }
      else
        g_ptr_array_add (items, g_object_ref (category));
    }

  g_list_store_splice (self->categories, 0, n_old, items->pdata, items->len);

  /* Those gone wait for an Undo. */
  g_hash_table_foreach_steal (old, retire_category, self->retired);
}

gboolean
outlay_repository_reload_categories (OutlayRepository *self,
                                     GError          **error)
{
  g_autoptr (GPtrArray) fresh = read_categories (self, error);

  if (fresh == NULL)
    return FALSE;

  apply_categories (self, fresh);

  return TRUE;
}

/* Reads the categories before the commit: once the write is in the file,
 * nothing can fail and the list shows it. */
gboolean
outlay_repository_commit_categories (OutlayRepository  *self,
                                     OutlayTransaction *transaction,
                                     GError           **error)
{
  g_autoptr (GPtrArray) fresh = read_categories (self, error);

  if (fresh == NULL || !outlay_transaction_commit (transaction, error))
    return FALSE;

  apply_categories (self, fresh);

  return TRUE;
}

static gboolean
commit_category_write (OutlayRepository  *self,
                       OutlayTransaction *transaction,
                       GError           **error)
{
  if (!outlay_repository_commit_categories (self, transaction, error))
    return FALSE;

  outlay_repository_emit_categories_changed (self);

  return TRUE;
}

typedef gboolean (*CategoryMatch) (OutlayCategory *category,
                                   gconstpointer   key);

/* The first live category that @match accepts, (transfer none): the list
 * store holds a reference for as long as the category is live. */
static OutlayCategory *
find_category (OutlayRepository *self,
               CategoryMatch     match,
               gconstpointer     key)
{
  GListModel *categories = G_LIST_MODEL (self->categories);
  guint       n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      if (match (category, key))
        return category;
    }

  return NULL;
}

static gboolean
has_id (OutlayCategory *category,
        gconstpointer   key)
{
  return outlay_category_get_id (category) == *(const gint64 *) key;
}

static gboolean
has_uuid (OutlayCategory *category,
          gconstpointer   key)
{
  return g_strcmp0 (outlay_category_get_uuid (category), key) == 0;
}

/* A name as names are compared: ignoring case and how characters are
 * composed. */
static char *
fold_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

typedef struct
{
  const char *folded; /* the name looked for, folded */
  gint64      except_id;
} NameKey;

static gboolean
has_folded_name (OutlayCategory *category,
                 gconstpointer   key)
{
  const NameKey   *name = key;
  g_autofree char *folded = NULL;

  if (outlay_category_get_id (category) == name->except_id)
    return FALSE;

  folded = fold_name (outlay_category_get_name (category));
  return g_strcmp0 (folded, name->folded) == 0;
}

/**
 * outlay_repository_get_categories:
 *
 * Returns: (transfer none): the live list of categories, each one at the top
 *   followed by the ones under it, in their order; the same objects stay in
 *   it and follow every change. Hidden ones are in it too: see
 *   outlay_repository_is_category_offered().
 */
GListModel *
outlay_repository_get_categories (OutlayRepository *self)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->categories);
}

/**
 * outlay_repository_lookup_category:
 *
 * Returns: (transfer none) (nullable): the category, unless it is deleted
 */
OutlayCategory *
outlay_repository_lookup_category (OutlayRepository *self,
                                   gint64            id)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return find_category (self, has_id, &id);
}

/**
 * outlay_repository_lookup_category_by_uuid:
 * @uuid: (nullable): a category's uuid
 *
 * Returns: (transfer none) (nullable): the category, unless it is deleted
 */
OutlayCategory *
outlay_repository_lookup_category_by_uuid (OutlayRepository *self,
                                           const char       *uuid)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return uuid != NULL ? find_category (self, has_uuid, uuid) : NULL;
}

/**
 * outlay_repository_get_fallback_category:
 *
 * Returns: (transfer none) (nullable): the category that takes the expenses
 *   of a deleted one ("Other")
 */
OutlayCategory *
outlay_repository_get_fallback_category (OutlayRepository *self)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return find_category (self, has_uuid, self->fallback_uuid);
}

/**
 * outlay_repository_get_parent_category:
 *
 * Returns: (transfer none) (nullable): the category @category is under, or
 *   %NULL for one at the top
 */
OutlayCategory *
outlay_repository_get_parent_category (OutlayRepository *self,
                                       OutlayCategory   *category)
{
  OutlayCategory *parent;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (category), NULL);

  parent = outlay_repository_lookup_category_by_uuid (self, outlay_category_get_parent_uuid (category));
  if (parent == NULL || parent == category ||
      outlay_repository_lookup_category_by_uuid (self, outlay_category_get_parent_uuid (parent)) != NULL)
    return NULL;

  return parent;
}

/**
 * outlay_repository_list_subcategories:
 *
 * Returns: (transfer container) (element-type OutlayCategory): the live
 *   categories under @category, in their order
 */
GPtrArray *
outlay_repository_list_subcategories (OutlayRepository *self,
                                      OutlayCategory   *category)
{
  GListModel *model;
  GPtrArray  *children = g_ptr_array_new_with_free_func (g_object_unref);
  guint       n;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), children);

  model = G_LIST_MODEL (self->categories);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) other = g_list_model_get_item (model, i);

      if (outlay_repository_get_parent_category (self, other) == category)
        g_ptr_array_add (children, g_steal_pointer (&other));
    }

  return children;
}

/**
 * outlay_repository_is_category_offered:
 *
 * Returns: whether new expenses may go in @category: it is not hidden, and
 *   neither is the category it is under
 */
gboolean
outlay_repository_is_category_offered (OutlayRepository *self,
                                       OutlayCategory   *category)
{
  OutlayCategory *parent;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (category), FALSE);

  parent = outlay_repository_get_parent_category (self, category);
  return !outlay_category_get_hidden (category) && (parent == NULL || !outlay_category_get_hidden (parent));
}

/**
 * outlay_repository_dup_category_path:
 *
 * Returns: (transfer full): the category's name after the one it is under:
 *   "Food & Drink › Restaurants"
 */
char *
outlay_repository_dup_category_path (OutlayRepository *self,
                                     OutlayCategory   *category)
{
  OutlayCategory *parent;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (category), NULL);

  parent = outlay_repository_get_parent_category (self, category);
  if (parent == NULL)
    return g_strdup (outlay_category_get_name (category));

  /* Translators: a subcategory after the category it is under, as in
   * "Food & Drink › Restaurants" */
  return g_strdup_printf (_("%s › %s"), outlay_category_get_name (parent), outlay_category_get_name (category));
}

/**
 * outlay_repository_expand_category_ids:
 * @ids: (array length=n_ids): categories
 *
 * Returns: (transfer full) (element-type gint64): @ids and the categories
 *   under them: what a filter or a budget of @ids counts
 */
GArray *
outlay_repository_expand_category_ids (OutlayRepository *self,
                                       const gint64     *ids,
                                       guint             n_ids)
{
  GArray     *expanded = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  GListModel *model;
  guint       n;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), expanded);

  g_array_append_vals (expanded, ids, n_ids);
  model = G_LIST_MODEL (self->categories);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (model, i);
      OutlayCategory *parent = outlay_repository_get_parent_category (self, category);
      gint64          id = outlay_category_get_id (category);
      gboolean        listed = FALSE, under_listed = FALSE;

      for (guint j = 0; j < n_ids; j++)
        {
          listed = listed || ids[j] == id;
          under_listed = under_listed || (parent != NULL && ids[j] == outlay_category_get_id (parent));
        }

      if (under_listed && !listed)
        g_array_append_val (expanded, id);
    }

  return expanded;
}

/* The live category named @name, ignoring case, other than the one with
 * @except_id (0 for none); (transfer none). Names are unique among the
 * categories under one parent: one at the top comes first, then the first
 * of that name under another. "Parent › Child" and "Parent:Child" (as
 * HomeBank writes it) name the one under Parent. */
OutlayCategory *
outlay_repository_find_category_named (OutlayRepository *self,
                                       const char       *name,
                                       gint64            except_id)
{
  g_autofree char *folded = fold_name (name);
  NameKey          key = { folded, except_id };
  GListModel      *model = G_LIST_MODEL (self->categories);
  guint            n = g_list_model_get_n_items (model);
  const char      *separators[] = { " › ", "›", ":" };
  OutlayCategory  *found = NULL;

  g_assert (OUTLAY_IS_REPOSITORY (self));

  /* One at the top first; then one under another, unless several are:
   * "Other" under two categories names neither. */
  for (guint pass = 0; pass < 2 && found == NULL; pass++)
    {
      guint n_found = 0;

      for (guint i = 0; i < n && n_found < 2; i++)
        {
          g_autoptr (OutlayCategory) category = g_list_model_get_item (model, i);
          gboolean at_top = outlay_repository_get_parent_category (self, category) == NULL;

          if (at_top == (pass == 0) && has_folded_name (category, &key))
            {
              found = category;
              n_found++;
            }
        }

      if (n_found > 1)
        found = NULL;
    }

  for (guint s = 0; found == NULL && s < G_N_ELEMENTS (separators); s++)
    {
      const char      *split = strstr (name, separators[s]);
      g_autofree char *parent_name = NULL;
      g_autofree char *child_name = NULL;
      OutlayCategory  *parent;

      if (split == NULL || split == name)
        continue;

      parent_name = g_strstrip (g_strndup (name, split - name));
      child_name = g_strstrip (g_strdup (split + strlen (separators[s])));
      parent = outlay_repository_find_category_named (self, parent_name, 0);
      if (parent != NULL && *child_name != '\0')
        found = outlay_repository_find_subcategory_named (self, parent, child_name, except_id);
    }

  return found;
}

/* The live category under @parent (at the top for %NULL) named @name,
 * ignoring case, other than the one with @except_id; (transfer none). */
OutlayCategory *
outlay_repository_find_subcategory_named (OutlayRepository *self,
                                          OutlayCategory   *parent,
                                          const char       *name,
                                          gint64            except_id)
{
  g_autofree char *folded = fold_name (name);
  NameKey          key = { folded, except_id };
  GListModel      *model = G_LIST_MODEL (self->categories);
  guint            n = g_list_model_get_n_items (model);

  g_assert (OUTLAY_IS_REPOSITORY (self));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (model, i);

      if (outlay_repository_get_parent_category (self, category) == parent && has_folded_name (category, &key))
        return category;
    }

  return NULL;
}

/**
 * outlay_repository_find_category:
 * @name: a name, "Parent › Child", or a uuid
 *
 * Returns: (transfer none) (nullable): the live category it names
 */
OutlayCategory *
outlay_repository_find_category (OutlayRepository *self,
                                 const char       *name)
{
  g_autofree char *stripped = NULL;
  OutlayCategory  *category;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  category = outlay_repository_find_category_named (self, stripped, 0);
  if (category == NULL && outlay_uuid_is_valid (stripped))
    category = outlay_repository_lookup_category_by_uuid (self, stripped);

  return category;
}

/* The live category of that name, ignoring case, or 0. */
gint64
outlay_repository_find_category_by_name (OutlayRepository *self,
                                         const char       *name)
{
  OutlayCategory *category = outlay_repository_find_category_named (self, name, 0);

  return category != NULL ? outlay_category_get_id (category) : 0;
}

static gboolean
set_not_found (GError **error)
{
  g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                       _("The category does not exist."));
  return FALSE;
}

/* A name no other category under @parent (%NULL: at the top) has. */
static gboolean
validate_category_name (OutlayRepository *self,
                        const char       *name,
                        OutlayCategory   *parent,
                        gint64            except_id,
                        GError          **error)
{
  g_autofree char *stripped = NULL;

  switch (outlay_repository_check_text (name, OUTLAY_CATEGORY_NAME_MAX_LENGTH, TRUE))
    {
    case OUTLAY_TEXT_EMPTY:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                           _("The category name is empty."));
      return FALSE;

    case OUTLAY_TEXT_TOO_LONG:
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                   _("The category name is longer than %u characters."), OUTLAY_CATEGORY_NAME_MAX_LENGTH);
      return FALSE;

    case OUTLAY_TEXT_INVALID:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                           _("The category name contains characters that are not allowed."));
      return FALSE;

    case OUTLAY_TEXT_OK:
    default:
      break;
    }

  stripped = outlay_repository_strip_text (name);
  if (outlay_repository_find_subcategory_named (self, parent, stripped, except_id) != NULL)
    {
      if (parent != NULL)
        g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                     _("“%s” already has a category named “%s”."), outlay_category_get_name (parent), stripped);
      else
        g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                     _("There is already a category named “%s”."), stripped);
      return FALSE;
    }

  return TRUE;
}

/* Whether @category may go under @parent: one level only, no cycle. */
static gboolean
validate_parent (OutlayRepository *self,
                 OutlayCategory   *category,
                 OutlayCategory   *parent,
                 GError          **error)
{
  g_autoptr (GPtrArray) children = NULL;

  if (parent == NULL)
    return TRUE;

  if (parent == category)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PARENT,
                           _("A category cannot be under itself."));
      return FALSE;
    }

  if (outlay_repository_get_parent_category (self, parent) != NULL)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PARENT,
                   _("“%s” is itself under another category: subcategories go one level deep."),
                      outlay_category_get_name (parent));
      return FALSE;
    }

  children = category != NULL ? outlay_repository_list_subcategories (self, category) : NULL;
  if (children != NULL && children->len > 0)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PARENT,
                   _("“%s” has subcategories of its own and cannot go under another category."),
                      outlay_category_get_name (category));
      return FALSE;
    }

  return TRUE;
}

gboolean
outlay_repository_validate_color (const char *color,
                                  GError    **error)
{
  gboolean valid = color != NULL && strlen (color) == 7 && color[0] == '#';

  for (guint i = 1; valid && i < 7; i++)
    valid = g_ascii_isxdigit (color[i]);

  if (!valid)
    g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_COLOR,
                 _("The colour “%s” is not of the form #rrggbb."), color != NULL ? color : "");

  return valid;
}

gboolean
outlay_repository_validate_icon_name (const char *icon_name,
                                      GError    **error)
{
  gboolean valid = icon_name != NULL && *icon_name != '\0' && strlen (icon_name) <= 100;

  for (const char *p = icon_name; valid && *p != '\0'; p++)
    valid = g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.';

  if (!valid)
    g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_ICON,
                         _("The icon name is not valid."));

  return valid;
}

static gboolean
finish_category_write (OutlayRepository  *self,
                       OutlayTransaction *transaction,
                       const char        *context,
                       sqlite3_stmt      *stmt,
                       GError           **error)
{
  g_assert (transaction != NULL);

  return outlay_repository_step_done (self, stmt, context, error) &&
         commit_category_write (self, transaction, error);
}

/* Inserts a category at the end of the ones under @parent_uuid (%NULL: at
 * the top), which must be a live category at the top. */
gboolean
outlay_repository_insert_category (OutlayRepository *self,
                                   const char       *name,
                                   const char       *icon_name,
                                   const char       *color,
                                   const char       *parent_uuid,
                                   const char       *now,
                                   gint64           *id,
                                   GError          **error)
{
  g_autofree char *uuid = outlay_uuid_new ();
  g_autofree char *stripped = outlay_repository_strip_text (name);
  OutlayCategory  *parent = NULL;
  sqlite3_stmt    *stmt;

  if (parent_uuid != NULL && (parent = outlay_repository_lookup_category_by_uuid (self, parent_uuid)) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PARENT,
                           _("The category to put it under does not exist."));
      return FALSE;
    }

  if (!validate_category_name (self, stripped, parent, -1, error) || !validate_parent (self, NULL, parent, error) ||
      !outlay_repository_validate_icon_name (icon_name, error) || !outlay_repository_validate_color (color, error))
    return FALSE;

  stmt = outlay_database_prepare (self->database,
                                  "INSERT INTO categories (uuid, name, icon_name, color, parent_uuid, position, "
                                  "created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position) + 1, 0) FROM categories "
                                  "WHERE deleted_at IS NULL AND parent_uuid IS ?), ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, icon_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, color, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, parent_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, parent_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);

  if (!outlay_repository_step_done (self, stmt, _("Could not add the category"), error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (outlay_database_get_handle (self->database));
  return TRUE;
}

/**
 * outlay_repository_add_subcategory:
 * @parent: (nullable): the category to put it under, at the top for %NULL
 *
 * Adds a category at the end of the ones under @parent.
 *
 * Returns: (transfer none): the new category, or %NULL with @error set
 */
OutlayCategory *
outlay_repository_add_subcategory (OutlayRepository *self,
                                   OutlayCategory   *parent,
                                   const char       *name,
                                   const char       *icon_name,
                                   const char       *color,
                                   GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  gint64           id;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (parent == NULL || OUTLAY_IS_CATEGORY (parent), NULL);

  if (!outlay_repository_check_writable (self, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !outlay_repository_insert_category (self, name, icon_name, color,
                                          parent != NULL ? outlay_category_get_uuid (parent) : NULL, now, &id,
                                          error) ||
      !commit_category_write (self, transaction, error))
    return NULL;

  return outlay_repository_lookup_category (self, id);
}

/**
 * outlay_repository_add_category:
 *
 * Adds a category at the end of the ones at the top.
 *
 * Returns: (transfer none): the new category, or %NULL with @error set
 */
OutlayCategory *
outlay_repository_add_category (OutlayRepository *self,
                                const char       *name,
                                const char       *icon_name,
                                const char       *color,
                                GError          **error)
{
  return outlay_repository_add_subcategory (self, NULL, name, icon_name, color, error);
}

/**
 * outlay_repository_change_category:
 * @changes: what to change; each %NULL field stays as it is
 *
 * Renames, recolours, gives another icon or moves a category under another
 * (or to the top), in one write. Nothing changes unless all of it is valid.
 */
gboolean
outlay_repository_change_category (OutlayRepository            *self,
                                   gint64                       id,
                                   const OutlayCategoryChanges *changes,
                                   GError                     **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  OutlayCategory  *category;
  OutlayCategory  *parent;
  const char      *parent_uuid;
  gboolean         reparent;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  if ((category = outlay_repository_lookup_category (self, id)) == NULL)
    return set_not_found (error);

  /* Against the parent stored: one whose parent an older version deleted
   * shows at the top, and comes there for good when put at the top. */
  parent = outlay_repository_get_parent_category (self, category);
  reparent = changes->parent_uuid != NULL &&
             g_strcmp0 (*changes->parent_uuid != '\0' ? changes->parent_uuid : NULL,
                        outlay_category_get_parent_uuid (category)) != 0;
  if (reparent && *changes->parent_uuid != '\0' &&
      (parent = outlay_repository_lookup_category_by_uuid (self, changes->parent_uuid)) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PARENT,
                           _("The category to put it under does not exist."));
      return FALSE;
    }
  else if (reparent && *changes->parent_uuid == '\0')
    parent = NULL;

  name = outlay_repository_strip_text (changes->name != NULL ? changes->name : outlay_category_get_name (category));
  if (!validate_category_name (self, name, parent, id, error) ||
      (reparent && !validate_parent (self, category, parent, error)) ||
      (changes->icon_name != NULL && !outlay_repository_validate_icon_name (changes->icon_name, error)) ||
      (changes->color != NULL && !outlay_repository_validate_color (changes->color, error)))
    return FALSE;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE categories SET name = ?, icon_name = coalesce (?, icon_name), "
                                        "color = coalesce (?, color), "
                                        "parent_uuid = CASE WHEN ? THEN ? ELSE parent_uuid END, "
                                        "position = CASE WHEN ? THEN (SELECT coalesce (max (position) + 1, 0) "
                                        "FROM categories WHERE deleted_at IS NULL AND parent_uuid IS ?) "
                                        "ELSE position END, updated_at = ? "
                                        "WHERE id = ? AND deleted_at IS NULL",
                                        error)))
    return FALSE;

  parent_uuid = parent != NULL ? outlay_category_get_uuid (parent) : NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, changes->icon_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, changes->color, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, reparent);
  sqlite3_bind_text (stmt, 5, parent_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, reparent);
  sqlite3_bind_text (stmt, 7, parent_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, id);

  return finish_category_write (self, transaction, _("Could not change the category"), stmt, error);
}

gboolean
outlay_repository_rename_category (OutlayRepository *self,
                                   gint64            id,
                                   const char       *name,
                                   GError          **error)
{
  OutlayCategoryChanges changes = { .name = name };

  g_return_val_if_fail (name != NULL, FALSE);

  return outlay_repository_change_category (self, id, &changes, error);
}

gboolean
outlay_repository_recolor_category (OutlayRepository *self,
                                    gint64            id,
                                    const char       *color,
                                    GError          **error)
{
  OutlayCategoryChanges changes = { .color = color };

  if (color == NULL)
    return outlay_repository_validate_color (color, error);

  return outlay_repository_change_category (self, id, &changes, error);
}

/**
 * outlay_repository_set_category_hidden:
 *
 * Hides a category, which keeps its expenses but is not offered for new
 * ones, or shows it again. The category that takes the expenses of deleted
 * ones is never hidden.
 */
gboolean
outlay_repository_set_category_hidden (OutlayRepository *self,
                                       gint64            id,
                                       gboolean          hidden,
                                       GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  OutlayCategory  *category;
  OutlayCategory  *fallback;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  if ((category = outlay_repository_lookup_category (self, id)) == NULL)
    return set_not_found (error);

  fallback = outlay_repository_get_fallback_category (self);
  if (hidden && category == fallback)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_PROTECTED,
                   _("“%s” takes the expenses of deleted categories and cannot be hidden."),
                      outlay_category_get_name (category));
      return FALSE;
    }

  if (outlay_category_get_hidden (category) == !!hidden)
    return TRUE;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE categories SET hidden = ?, updated_at = ? WHERE id = ? AND "
                                        "deleted_at IS NULL",
                                        error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, !!hidden);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  return finish_category_write (self, transaction, _("Could not change the category"), stmt, error);
}

/**
 * outlay_repository_move_category:
 * @position: the new index among the categories under the same one (or
 *   among the ones at the top)
 *
 * Moves a category within its siblings; the others keep their order.
 */
gboolean
outlay_repository_move_category (OutlayRepository *self,
                                 gint64            id,
                                 guint             position,
                                 GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) siblings = NULL;
  g_autofree char *now = outlay_timestamp_now_utc ();
  OutlayCategory  *category;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  if ((category = outlay_repository_lookup_category (self, id)) == NULL)
    return set_not_found (error);

  siblings = outlay_repository_list_subcategories (self, outlay_repository_get_parent_category (self, category));
  if (position >= siblings->len)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION,
                   _("The position must be between 1 and %u."), siblings->len);
      return FALSE;
    }

  for (guint i = 0; i < siblings->len; i++)
    {
      gint64 other = outlay_category_get_id (siblings->pdata[i]);

      if (other != id)
        g_array_append_val (order, other);
    }
  g_array_insert_val (order, position, id);

  if (!(transaction = outlay_database_begin_transaction (self->database, error)))
    return FALSE;

  stmt =
    outlay_database_prepare (self->database,
                             "UPDATE categories SET position = ?, updated_at = ? WHERE id = ? AND position IS NOT ?",
                             error);
  for (guint i = 0; stmt != NULL && i < order->len; i++)
    {
      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (order, gint64, i));
      sqlite3_bind_int (stmt, 4, (int) i);

      if (i + 1 == order->len)
        return finish_category_write (self, transaction, _("Could not move the category"), stmt, error);

      if (!outlay_repository_step_done (self, stmt, _("Could not move the category"), error))
        break;
    }

  return FALSE;
}
