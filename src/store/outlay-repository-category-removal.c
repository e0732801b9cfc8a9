/* outlay-repository-category-removal.c
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

/* Deleting a category, or merging it into another, which is the same
 * write: everything that names the category (its expenses, deleted ones
 * too, the budgets that count it, the recurring expenses and the rules
 * that file under it) comes to name the other one, and the categories
 * under it move. What moved is remembered, so that Undo moves exactly
 * that back; nothing is ever lost, and the ledger's totals stay. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-repository-private.h"

struct _OutlayCategoryRemoval
{
  gatomicrefcount ref_count;
  gint64          category_id;
  char           *category_uuid;
  gint64          into_id;
  char           *into_uuid;
  char           *children_parent_uuid; /* where the categories under it went: NULL for the top */
  GArray         *expense_ids;          /* gint64: the expenses moved */
  GPtrArray      *children;             /* uuids of the categories that were under it */
  GPtrArray      *budgets;              /* uuid, categories before, categories after; in threes */
  GPtrArray      *recurring_rules;      /* uuids */
  GPtrArray      *category_rules;       /* uuids */
  gboolean        restore_under_parent; /* Undo: whether the category it was under can take it back */
};

G_DEFINE_BOXED_TYPE (OutlayCategoryRemoval,
                     outlay_category_removal,
                     outlay_category_removal_ref,
                     outlay_category_removal_unref)

static OutlayCategoryRemoval *
removal_new (void)
{
  OutlayCategoryRemoval *removal = g_new0 (OutlayCategoryRemoval, 1);

  g_atomic_ref_count_init (&removal->ref_count);
  removal->expense_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  removal->children = g_ptr_array_new_with_free_func (g_free);
  removal->budgets = g_ptr_array_new_with_free_func (g_free);
  removal->recurring_rules = g_ptr_array_new_with_free_func (g_free);
  removal->category_rules = g_ptr_array_new_with_free_func (g_free);

  return removal;
}

OutlayCategoryRemoval *
outlay_category_removal_ref (OutlayCategoryRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, NULL);

  g_atomic_ref_count_inc (&removal->ref_count);
  return removal;
}

void
outlay_category_removal_unref (OutlayCategoryRemoval *removal)
{
  g_return_if_fail (removal != NULL);

  if (!g_atomic_ref_count_dec (&removal->ref_count))
    return;

  g_free (removal->category_uuid);
  g_free (removal->into_uuid);
  g_free (removal->children_parent_uuid);
  g_array_unref (removal->expense_ids);
  g_ptr_array_unref (removal->children);
  g_ptr_array_unref (removal->budgets);
  g_ptr_array_unref (removal->recurring_rules);
  g_ptr_array_unref (removal->category_rules);
  g_free (removal);
}

/* The category deleted. */
gint64
outlay_category_removal_get_category_id (OutlayCategoryRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, 0);
  return removal->category_id;
}

/* The category that took its expenses. */
gint64
outlay_category_removal_get_into_id (OutlayCategoryRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, 0);
  return removal->into_id;
}

/* How many expenses moved, deleted ones included. */
guint
outlay_category_removal_get_n_expenses (OutlayCategoryRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, 0);
  return removal->expense_ids->len;
}

/* How many categories that were under it moved. */
guint
outlay_category_removal_get_n_subcategories (OutlayCategoryRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, 0);
  return removal->children->len;
}

/* Adds the texts of column 0 of @sql, with @uuid bound to ?1, to @uuids. */
static gboolean
collect_uuids (OutlayRepository *self,
               const char       *sql,
               const char       *uuid,
               GPtrArray        *uuids,
               GError          **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (self->database, sql, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the database"));
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Runs @sql with @to, @now, each uuid of @uuids and @extra (if not %NULL)
 * bound to its placeholders, in that order. */
static gboolean
update_each (OutlayRepository *self,
             const char       *sql,
             GPtrArray        *uuids,
             const char       *to,
             const char       *extra,
             const char       *now,
             GError          **error)
{
  sqlite3_stmt *stmt;

  if (uuids->len == 0)
    return TRUE;

  if (!(stmt = outlay_database_prepare (self->database, sql, error)))
    return FALSE;

  for (guint i = 0; i < uuids->len; i++)
    {
      sqlite3_bind_text (stmt, 1, to, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, uuids->pdata[i], -1, SQLITE_STATIC);
      if (extra != NULL)
        sqlite3_bind_text (stmt, 4, extra, -1, SQLITE_STATIC);
      if (!outlay_repository_step_done (self, stmt, _("Could not move what names the category"), error))
        return FALSE;
    }

  return TRUE;
}

/* The recurring expenses and the rules that name the category come to name
 * the one that takes its expenses (@forward), or back where they still
 * do. */
static gboolean
move_referrers (OutlayRepository      *self,
                OutlayCategoryRemoval *removal,
                const char            *now,
                gboolean               forward,
                GError               **error)
{
  const char *to = forward ? removal->into_uuid : removal->category_uuid;
  const char *from = forward ? NULL : removal->into_uuid;

  if (forward)
    return update_each (self, "UPDATE recurring_rules SET category_uuid = ?, updated_at = ? WHERE uuid = ?",
                        removal->recurring_rules, to, from, now, error) &&
           update_each (self, "UPDATE category_rules SET category_uuid = ?, updated_at = ? WHERE uuid = ?",
                        removal->category_rules, to, from, now, error);

  return update_each (self,
                      "UPDATE recurring_rules SET category_uuid = ?, updated_at = ? WHERE uuid = ? "
                      "AND category_uuid = ?",
                      removal->recurring_rules, to, from, now, error) &&
         update_each (self,
                      "UPDATE category_rules SET category_uuid = ?, updated_at = ? WHERE uuid = ? "
                      "AND category_uuid = ?",
                      removal->category_rules, to, from, now, error);
}

/* A budget's categories with @from in place of... (see below): @from
 * becomes @to, then @extra are added; none twice. */
static char *
replace_in_list (const char *list,
                 const char *from,
                 const char *to,
                 GPtrArray  *extra)
{
  g_auto (GStrv) uuids = g_strsplit (list, " ", -1);
  g_autoptr (GPtrArray) result = g_ptr_array_new ();

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      const char *uuid = g_str_equal (uuids[i], from) ? to : uuids[i];

      if (*uuid != '\0' && !g_ptr_array_find_with_equal_func (result, uuid, g_str_equal, NULL))
        g_ptr_array_add (result, (gpointer) uuid);
    }

  for (guint i = 0; extra != NULL && i < extra->len; i++)
    if (!g_ptr_array_find_with_equal_func (result, extra->pdata[i], g_str_equal, NULL))
      g_ptr_array_add (result, extra->pdata[i]);

  g_ptr_array_add (result, NULL);
  return g_strjoinv (" ", (char **) result->pdata);
}

/* The budgets that count the category come to count @into (and, when the
 * categories under it go to the top, those too: it counted them). */
static gboolean
move_budgets (OutlayRepository      *self,
              OutlayCategoryRemoval *removal,
              const char            *now,
              GError               **error)
{
  sqlite3_stmt *stmt;
  GPtrArray    *budgets = removal->budgets;
  int           rc;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "SELECT uuid, categories FROM budgets "
                                        "WHERE instr (' ' || categories || ' ', ' ' || ? || ' ') > 0",
                                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, removal->category_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *before = (const char *) sqlite3_column_text (stmt, 1);

      g_ptr_array_add (budgets, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (budgets, g_strdup (before));
      g_ptr_array_add (budgets, replace_in_list (before, removal->category_uuid, removal->into_uuid,
                                                 removal->children_parent_uuid == NULL ? removal->children : NULL));
    }
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the budgets"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (budgets->len > 0 &&
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE budgets SET categories = ?, updated_at = ? WHERE uuid = ?", error)))
    return FALSE;

  for (guint i = 0; i < budgets->len; i += 3)
    {
      sqlite3_bind_text (stmt, 1, budgets->pdata[i + 2], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, budgets->pdata[i], -1, SQLITE_STATIC);
      if (!outlay_repository_step_done (self, stmt, _("Could not change the budgets"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
move_expenses (OutlayRepository      *self,
               OutlayCategoryRemoval *removal,
               const char            *now,
               GError               **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  if (!(stmt = outlay_database_prepare (self->database, "SELECT id FROM expenses WHERE category_id = ?", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, removal->category_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (removal->expense_ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE expenses SET category_id = ?, updated_at = ? WHERE category_id = ?",
                                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, removal->into_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, removal->category_id);

  return outlay_repository_step_done (self, stmt, _("Could not move the expenses of the category"), error);
}

/* Whether the categories under the removed one may go where they go: none
 * may have the name of one already there. */
static gboolean
check_children_fit (OutlayRepository      *self,
                    OutlayCategoryRemoval *removal,
                    GPtrArray             *children,
                    GError               **error)
{
  OutlayCategory *into = outlay_repository_lookup_category (self, removal->into_id);
  OutlayCategory *new_parent = removal->children_parent_uuid != NULL ? into : NULL;

  for (guint i = 0; i < children->len; i++)
    {
      OutlayCategory *child = children->pdata[i];
      const char     *name = outlay_category_get_name (child);
      OutlayCategory *clash = outlay_repository_find_subcategory_named (self, new_parent, name,
                                                                        outlay_category_get_id (child));

      /* The category removed leaves its place. */
      if (clash == NULL || outlay_category_get_id (clash) == removal->category_id)
        continue;

      if (new_parent != NULL)
        g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                     _("“%s” already has a category named “%s”: rename one of them first."),
                     outlay_category_get_name (new_parent), name);
      else
        g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                     _("“%s” would move to the top, where there already is a category of that name: "
                       "rename one of them first."),
                     name);
      return FALSE;
    }

  return TRUE;
}

/* The categories under the removed one go under @into or to the top, at
 * the end of the ones there. */
static gboolean
move_children (OutlayRepository      *self,
               OutlayCategoryRemoval *removal,
               const char            *now,
               GError               **error)
{
  const char   *to = removal->children_parent_uuid;
  sqlite3_stmt *stmt;

  if (removal->children->len == 0)
    return TRUE;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE categories SET parent_uuid = ?, updated_at = ?, position = (SELECT "
                                        "coalesce (max (position) + 1, 0) FROM categories WHERE deleted_at IS NULL "
                                        "AND parent_uuid IS ?) WHERE uuid = ?",
                                        error)))
    return FALSE;

  for (guint i = 0; i < removal->children->len; i++)
    {
      sqlite3_bind_text (stmt, 1, to, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, removal->children->pdata[i], -1, SQLITE_STATIC);
      if (!outlay_repository_step_done (self, stmt, _("Could not move the category"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_removal (OutlayRepository      *self,
               OutlayCategoryRemoval *removal,
               const char            *now,
               GError               **error)
{
  sqlite3_stmt *stmt;

  if (!move_expenses (self, removal, now, error) || !move_budgets (self, removal, now, error))
    return FALSE;

  if (!collect_uuids (self, "SELECT uuid FROM recurring_rules WHERE category_uuid = ?", removal->category_uuid,
                      removal->recurring_rules, error) ||
      !collect_uuids (self, "SELECT uuid FROM category_rules WHERE category_uuid = ?", removal->category_uuid,
                      removal->category_rules, error))
    return FALSE;

  if (!move_referrers (self, removal, now, TRUE, error) || !move_children (self, removal, now, error))
    return FALSE;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE categories SET deleted_at = ?, updated_at = ? WHERE id = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, removal->category_id);

  return outlay_repository_step_done (self, stmt, _("Could not delete the category"), error);
}

static void
emit_removal_signals (OutlayRepository      *self,
                      OutlayCategoryRemoval *removal)
{
  outlay_repository_emit_categories_changed (self);
  if (removal->expense_ids->len > 0)
    outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  if (removal->budgets->len > 0)
    outlay_repository_emit_budgets_changed (self);
  if (removal->recurring_rules->len > 0)
    outlay_repository_emit_recurring_changed (self);
  if (removal->category_rules->len > 0)
    outlay_repository_emit_category_rules_changed (self);
}

/**
 * outlay_repository_remove_category:
 * @into_id: the category that takes its expenses; 0 for the one it is under,
 *   or else the fallback ("Other")
 * @merge: whether the categories under it go under @into_id (when that is
 *   at the top), as in a merge, rather than to the top
 *
 * Deletes a category: its expenses (deleted ones too), the budgets that
 * count it, the recurring expenses and the rules that file under it come to
 * name @into_id. The fallback category cannot be deleted.
 *
 * Returns: (transfer full): what moved, for
 *   outlay_repository_undo_category_removal(), or %NULL with @error set
 */
OutlayCategoryRemoval *
outlay_repository_remove_category (OutlayRepository *self,
                                   gint64            id,
                                   gint64            into_id,
                                   gboolean          merge,
                                   GError          **error)
{
  g_autoptr (OutlayCategoryRemoval) removal = NULL;
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GPtrArray) children = NULL;
  g_autofree char *now = NULL;
  OutlayCategory  *category;
  OutlayCategory  *into;
  OutlayCategory  *fallback;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!outlay_repository_check_writable (self, error))
    return NULL;

  if ((category = outlay_repository_lookup_category (self, id)) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The category does not exist."));
      return NULL;
    }

  fallback = outlay_repository_get_fallback_category (self);
  if (fallback == NULL || fallback == category)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_PROTECTED,
                           _("This category takes the expenses of deleted categories and cannot be deleted."));
      return NULL;
    }

  into = into_id != 0 ? outlay_repository_lookup_category (self, into_id)
                      : outlay_repository_get_parent_category (self, category);
  if (into_id == 0 && into == NULL)
    into = fallback;
  if (into == NULL || into == category)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY,
                           into == NULL ? _("The category to move the expenses to does not exist.")
                                        : _("A category cannot be merged into itself."));
      return NULL;
    }

  removal = removal_new ();
  removal->category_id = id;
  removal->category_uuid = g_strdup (outlay_category_get_uuid (category));
  removal->into_id = outlay_category_get_id (into);
  removal->into_uuid = g_strdup (outlay_category_get_uuid (into));

  children = outlay_repository_list_subcategories (self, category);
  for (guint i = 0; i < children->len; i++)
    g_ptr_array_add (removal->children, g_strdup (outlay_category_get_uuid (children->pdata[i])));
  if (merge && outlay_repository_get_parent_category (self, into) == NULL &&
      !g_ptr_array_find (children, into, NULL))
    removal->children_parent_uuid = g_strdup (removal->into_uuid);

  if (!check_children_fit (self, removal, children, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !write_removal (self, removal, now, error) ||
      !outlay_repository_commit_categories (self, transaction, error))
    return NULL;

  emit_removal_signals (self, removal);

  return g_steal_pointer (&removal);
}

/**
 * outlay_repository_delete_category:
 * @n_moved: (out) (optional): how many expenses moved
 *
 * Deletes a category into the one it is under, or the fallback ("Other");
 * the categories under it go to the top.
 */
gboolean
outlay_repository_delete_category (OutlayRepository *self,
                                   gint64            id,
                                   guint            *n_moved,
                                   GError          **error)
{
  g_autoptr (OutlayCategoryRemoval) removal = outlay_repository_remove_category (self, id, 0, FALSE, error);

  if (removal != NULL && n_moved != NULL)
    *n_moved = removal->expense_ids->len;

  return removal != NULL;
}

/* The deleted category's name and the uuid of the category it was under. */
static gboolean
read_removed (OutlayRepository *self,
              gint64            id,
              char            **name,
              char            **parent_uuid,
              GError          **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (self->database,
                                                "SELECT name, parent_uuid FROM categories "
                                                "WHERE id = ? AND deleted_at IS NOT NULL",
                                                error);
  int           rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *parent_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                         _("The category is not deleted."));
  else
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the categories"));
  return FALSE;
}

static gboolean
write_undo (OutlayRepository      *self,
            OutlayCategoryRemoval *removal,
            const char            *now,
            GError               **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE categories SET deleted_at = NULL, updated_at = ?, "
                                        "parent_uuid = CASE WHEN ? THEN parent_uuid END WHERE id = ?",
                                        error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, removal->restore_under_parent);
  sqlite3_bind_int64 (stmt, 3, removal->category_id);
  if (!outlay_repository_step_done (self, stmt, _("Could not restore the category"), error))
    return FALSE;

  /* Only what still is where the removal put it goes back. */
  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE expenses SET category_id = ?, updated_at = ? "
                                        "WHERE id = ? AND category_id = ?",
                                        error)))
    return FALSE;
  for (guint i = 0; i < removal->expense_ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, removal->category_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (removal->expense_ids, gint64, i));
      sqlite3_bind_int64 (stmt, 4, removal->into_id);
      if (!outlay_repository_step_done (self, stmt, _("Could not move the expenses of the category"), error))
        return FALSE;
    }

  if (removal->budgets->len > 0 &&
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE budgets SET categories = ?, updated_at = ? "
                                        "WHERE uuid = ? AND categories = ?",
                                        error)))
    return FALSE;
  for (guint i = 0; i < removal->budgets->len; i += 3)
    {
      sqlite3_bind_text (stmt, 1, removal->budgets->pdata[i + 1], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, removal->budgets->pdata[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, removal->budgets->pdata[i + 2], -1, SQLITE_STATIC);
      if (!outlay_repository_step_done (self, stmt, _("Could not change the budgets"), error))
        return FALSE;
    }

  if (!move_referrers (self, removal, now, FALSE, error))
    return FALSE;

  return update_each (self,
                      "UPDATE categories SET parent_uuid = ?, updated_at = ? "
                      "WHERE uuid = ? AND deleted_at IS NULL AND parent_uuid IS ?",
                      removal->children, removal->category_uuid, removal->children_parent_uuid, now, error);
}

/**
 * outlay_repository_undo_category_removal:
 *
 * Restores the category @removal deleted and moves back what moved and has
 * not changed since. Nothing changes if another category has taken its name
 * meanwhile.
 */
gboolean
outlay_repository_undo_category_removal (OutlayRepository      *self,
                                         OutlayCategoryRemoval *removal,
                                         GError               **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *parent_uuid = NULL;
  OutlayCategory  *parent;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (removal != NULL, FALSE);

  if (!outlay_repository_check_writable (self, error) ||
      !read_removed (self, removal->category_id, &name, &parent_uuid, error))
    return FALSE;

  /* The expenses it took are where Undo takes them from. */
  if (outlay_repository_lookup_category (self, removal->into_id) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The category that took its expenses was deleted since: nothing was undone."));
      return FALSE;
    }

  /* Back under its category only if that is still one at the top. */
  parent = outlay_repository_lookup_category_by_uuid (self, parent_uuid);
  if (parent != NULL && outlay_repository_get_parent_category (self, parent) != NULL)
    parent = NULL;
  removal->restore_under_parent = parent != NULL;
  if (outlay_repository_find_subcategory_named (self, parent, name, 0) != NULL)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                   _("There is already a category named “%s”."), name);
      return FALSE;
    }

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !write_undo (self, removal, now, error) || !outlay_repository_commit_categories (self, transaction, error))
    return FALSE;

  emit_removal_signals (self, removal);

  return TRUE;
}
