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

/* The live categories as the file holds them, as new objects: nothing in
 * memory changes until apply_categories(), so that a write can read them
 * inside its transaction and show them only once it is committed. */
static GPtrArray *
read_categories (OutlayRepository *self,
                 GError          **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  stmt = outlay_database_prepare (self->database,
                                  "SELECT " OUTLAY_CATEGORY_COLUMNS " FROM categories "
                                  "WHERE deleted_at IS NULL ORDER BY position, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, outlay_category_new_from_statement (stmt));

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the categories"));
      return NULL;
    }

  return g_steal_pointer (&items);
}

static void
apply_categories (OutlayRepository *self,
                  GPtrArray        *fresh)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->categories));

  for (guint f = 0; f < fresh->len; f++)
    {
      OutlayCategory *category = fresh->pdata[f];
      OutlayCategory *existing = NULL;

      /* Keep the objects others hold; only their values change. */
      for (guint i = 0; i < n_old && existing == NULL; i++)
        {
          g_autoptr (OutlayCategory) old = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

          if (outlay_category_get_id (old) == outlay_category_get_id (category))
            existing = g_steal_pointer (&old);
        }

      if (existing != NULL)
        {
          outlay_category_assign (existing, category);
          g_ptr_array_add (items, existing);
        }
      else
        g_ptr_array_add (items, g_object_ref (category));
    }

  g_list_store_splice (self->categories, 0, n_old, items->pdata, items->len);
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

typedef struct
{
  const char *folded; /* the name looked for, case-folded */
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

  folded = g_utf8_casefold (outlay_category_get_name (category), -1);
  return g_strcmp0 (folded, name->folded) == 0;
}

/**
 * outlay_repository_get_categories:
 *
 * Returns: (transfer none): the live list of categories in their order; the
 *   same objects stay in it and follow every change
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

/* The live category named @name, ignoring case, other than the one with
 * @except_id (0 for none); (transfer none). Names are unique among the live
 * categories, so there is at most one. */
OutlayCategory *
outlay_repository_find_category_named (OutlayRepository *self,
                                       const char       *name,
                                       gint64            except_id)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  NameKey          key = { folded, except_id };

  g_assert (OUTLAY_IS_REPOSITORY (self));

  return find_category (self, has_folded_name, &key);
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
validate_category_name (OutlayRepository *self,
                        const char       *name,
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
  if (outlay_repository_find_category_named (self, stripped, except_id) != NULL)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                   _("There is already a category named “%s”."), stripped);
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

gboolean
outlay_repository_insert_category (OutlayRepository *self,
                                   const char       *name,
                                   const char       *icon_name,
                                   const char       *color,
                                   const char       *now,
                                   gint64           *id,
                                   GError          **error)
{
  g_autofree char *uuid = outlay_uuid_new ();
  g_autofree char *stripped = outlay_repository_strip_text (name);
  sqlite3_stmt    *stmt;

  if (!validate_category_name (self, stripped, -1, error) ||
      !outlay_repository_validate_icon_name (icon_name, error) ||
      !outlay_repository_validate_color (color, error))
    return FALSE;

  stmt =
    outlay_database_prepare (self->database,
                             "INSERT INTO categories (uuid, name, icon_name, color, position, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, (SELECT coalesce(max(position) + 1, 0) FROM categories WHERE "
                             "deleted_at IS NULL), ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, icon_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, color, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);

  if (!outlay_repository_step_done (self, stmt, _("Could not add the category"), error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (outlay_database_get_handle (self->database));
  return TRUE;
}

/**
 * outlay_repository_add_category:
 *
 * Adds a category at the end of the list.
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
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  gint64           id;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!outlay_repository_check_writable (self, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !outlay_repository_insert_category (self, name, icon_name, color, now, &id, error) ||
      !commit_category_write (self, transaction, error))
    return NULL;

  return outlay_repository_lookup_category (self, id);
}

static gboolean
update_category_field (OutlayRepository *self,
                       gint64            id,
                       const char       *sql,
                       const char       *value,
                       GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = outlay_timestamp_now_utc ();
  sqlite3_stmt    *stmt;

  if (outlay_repository_lookup_category (self, id) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The category does not exist."));
      return FALSE;
    }

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  return finish_category_write (self, transaction, _("Could not change the category"), stmt, error);
}

gboolean
outlay_repository_rename_category (OutlayRepository *self,
                                   gint64            id,
                                   const char       *name,
                                   GError          **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  if (!validate_category_name (self, name, id, error))
    return FALSE;

  stripped = outlay_repository_strip_text (name);
  return update_category_field (self, id,
                                "UPDATE categories SET name = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                                stripped, error);
}

gboolean
outlay_repository_recolor_category (OutlayRepository *self,
                                    gint64            id,
                                    const char       *color,
                                    GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  if (!outlay_repository_validate_color (color, error))
    return FALSE;

  return update_category_field (self, id,
                                "UPDATE categories SET color = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                                color, error);
}

/**
 * outlay_repository_move_category:
 * @position: the new index in the list
 *
 * Moves a category within the list; the others keep their order.
 */
gboolean
outlay_repository_move_category (OutlayRepository *self,
                                 gint64            id,
                                 guint             position,
                                 GError          **error)
{
  GListModel *model = G_LIST_MODEL (self->categories);
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = outlay_timestamp_now_utc ();
  guint            n = g_list_model_get_n_items (model);
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  if (outlay_repository_lookup_category (self, id) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The category does not exist."));
      return FALSE;
    }

  if (position >= n)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION,
                   _("The position must be between 1 and %u."), n);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (model, i);
      gint64 other = outlay_category_get_id (category);

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

/**
 * outlay_repository_delete_category:
 * @n_moved: (out) (optional): how many expenses moved to the fallback
 *
 * Deletes a category; its expenses, deleted ones included, move to the
 * fallback category ("Other"), so nothing is lost. The fallback category
 * itself cannot be deleted.
 */
gboolean
outlay_repository_delete_category (OutlayRepository *self,
                                   gint64            id,
                                   guint            *n_moved,
                                   GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  OutlayCategory  *fallback;
  g_autofree char *now = outlay_timestamp_now_utc ();
  sqlite3_stmt    *stmt;
  guint            moved;
  gboolean         budgets_changed = FALSE;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  if (outlay_repository_lookup_category (self, id) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The category does not exist."));
      return FALSE;
    }

  fallback = outlay_repository_get_fallback_category (self);
  if (fallback == NULL || outlay_category_get_id (fallback) == id)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_PROTECTED,
                           _("This category takes the expenses of deleted categories and cannot be deleted."));
      return FALSE;
    }

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE expenses SET category_id = ?, updated_at = ? WHERE category_id = ?",
                                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, outlay_category_get_id (fallback));
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!outlay_repository_step_done (self, stmt, _("Could not move the expenses of the category"), error))
    return FALSE;
  moved = sqlite3_changes (outlay_database_get_handle (self->database));

  /* A budget counts, in place of the category, the one its expenses move
   * to: it keeps counting them (and does not come to count every
   * category when it counted only this one). */
  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE budgets SET categories = trim (replace (' ' || categories || ' ', "
                                        "' ' || ? || ' ', ' ' || ? || ' ')), updated_at = ? "
                                        "WHERE instr (' ' || categories || ' ', ' ' || ? || ' ') > 0",
                                        error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, outlay_category_get_uuid (outlay_repository_lookup_category (self, id)), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, outlay_category_get_uuid (fallback), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, outlay_category_get_uuid (outlay_repository_lookup_category (self, id)), -1,
                     SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not change the budgets"), error))
    return FALSE;
  if (sqlite3_changes (outlay_database_get_handle (self->database)) > 0)
    budgets_changed = TRUE;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE categories SET deleted_at = ?, updated_at = ? WHERE id = ?",
                                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  if (!finish_category_write (self, transaction, _("Could not delete the category"), stmt, error))
    return FALSE;

  if (n_moved != NULL)
    *n_moved = moved;

  if (moved > 0)
    outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  if (budgets_changed)
    outlay_repository_emit_budgets_changed (self);

  return TRUE;
}
