/* outlay-category-removal-dialog.c
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

/* The question before a category is deleted or merged into another: where
 * its expenses go (the category it is under, else "Other", unless another
 * is chosen), how many they are, and what becomes of the categories under
 * it: to the top when it is deleted, along with it when it is merged into
 * a category at the top. Both can be undone. The response is "remove" or
 * "cancel". */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-picker.h"
#include "outlay-category-removal-dialog.h"

struct _OutlayCategoryRemovalDialog
{
  AdwMessageDialog parent_instance;

  OutlayRepository *repository;
  OutlayCategory   *category;
  gboolean          merge;
  int               n_expenses; /* -1 while unknown */
  guint             n_children;
  GPtrArray        *budgets; /* the names of those that count it */
  GListStore       *targets;
  GtkWidget        *target_row;
};

G_DEFINE_FINAL_TYPE (OutlayCategoryRemovalDialog, outlay_category_removal_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Says where things go, for the category chosen. */
static void
update_body (OutlayCategoryRemovalDialog *self)
{
  OutlayCategory *target = outlay_category_removal_dialog_get_target (self);
  g_autoptr (GString) body = g_string_new (NULL);
  guint n = (guint) MAX (self->n_expenses, 0);

  if (self->n_expenses == 0)
    g_string_append (body, _("It has no expenses."));
  else if (self->n_expenses < 0)
    g_string_append (body, self->merge ? _("Its expenses, budgets and rules go to the category chosen below.")
                                       : _("Its expenses go to the category chosen below."));
  else if (self->merge)
    g_string_append_printf (body,
                            /* Translators: the body of the question before a category is merged into another */
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Its %u expense, its budgets and rules go to the category chosen below.",
                                         "Its %u expenses, its budgets and rules go to the category chosen below.",
                                         n),
                            n);
  else
    g_string_append_printf (body,
                            /* Translators: the body of the question before a category is deleted */
                            g_dngettext (GETTEXT_PACKAGE, "Its %u expense goes to the category chosen below.",
                                         "Its %u expenses go to the category chosen below.", n),
                            n);

  if (self->n_children > 0)
    {
      gboolean along = self->merge && target != NULL &&
                       outlay_repository_get_parent_category (self->repository, target) == NULL;

      g_string_append_c (body, ' ');
      if (along)
        g_string_append_printf (body,
                                /* Translators: after what becomes of the expenses of a category merged into one at
                                 * the top */
                                g_dngettext (GETTEXT_PACKAGE, "Its %u subcategory goes along with them.",
                                             "Its %u subcategories go along with them.", self->n_children),
                                self->n_children);
      else
        g_string_append_printf (body,
                                /* Translators: after what becomes of the expenses of a category deleted */
                                g_dngettext (GETTEXT_PACKAGE, "Its %u subcategory moves to the top.",
                                             "Its %u subcategories move to the top.", self->n_children),
                                self->n_children);
    }

  /* A budget of a subcategory deleted into the one it is under counts
   * more than it did: said before, not found out later. */
  if (!self->merge && self->budgets->len > 0 && target != NULL)
    {
      g_autofree char *path = outlay_repository_dup_category_path (self->repository, target);

      g_string_append_c (body, ' ');
      if (self->budgets->len == 1)
        /* Translators: after what becomes of the expenses of a category deleted: "The budget “Eating out” then
         * counts Food & Drink." */
        g_string_append_printf (body, _("The budget “%s” then counts %s."), (const char *) self->budgets->pdata[0],
                                path);
      else
        g_string_append_printf (body,
                                /* Translators: after what becomes of the expenses of a category deleted */
                                g_dngettext (GETTEXT_PACKAGE, "%u budget that counts it then counts %s.",
                                             "%u budgets that count it then count %s.", self->budgets->len),
                                self->budgets->len, path);
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body->str);
}

/* Every category offered but this one and those under it; the one it is
 * under, else "Other", chosen. */
static void
fill_targets (OutlayCategoryRemovalDialog *self)
{
  GListModel     *categories = outlay_repository_get_categories (self->repository);
  OutlayCategory *preferred = outlay_repository_get_parent_category (self->repository, self->category);
  guint           chosen = 0;

  if (preferred == NULL)
    preferred = outlay_repository_get_fallback_category (self->repository);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      if (category == self->category ||
          outlay_repository_get_parent_category (self->repository, category) == self->category ||
          (!outlay_repository_is_category_offered (self->repository, category) && category != preferred))
        continue;
      if (category == preferred)
        chosen = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
      g_list_store_append (self->targets, category);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->target_row), G_LIST_MODEL (self->targets));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->target_row), chosen);
}

static void
outlay_category_removal_dialog_dispose (GObject *object)
{
  OutlayCategoryRemovalDialog *self = OUTLAY_CATEGORY_REMOVAL_DIALOG (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->category);
  g_clear_object (&self->targets);
  g_clear_pointer (&self->budgets, g_ptr_array_unref);

  G_OBJECT_CLASS (outlay_category_removal_dialog_parent_class)->dispose (object);
}

static void
outlay_category_removal_dialog_class_init (OutlayCategoryRemovalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_category_removal_dialog_dispose;
}

static void
outlay_category_removal_dialog_init (OutlayCategoryRemovalDialog *self)
{
  self->targets = g_list_store_new (OUTLAY_TYPE_CATEGORY);
  self->budgets = g_ptr_array_new_with_free_func (g_free);
}

/* The budgets that count the category, archived ones too: a removal
 * changes them all. */
static void
find_budgets (OutlayCategoryRemovalDialog *self)
{
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GError) error = NULL;
  const char *uuid = outlay_category_get_uuid (self->category);

  if (!(budgets = outlay_repository_list_budgets (self->repository, TRUE, &error)))
    {
      g_warning ("Could not read the budgets: %s", error->message);
      return;
    }
  for (guint i = 0; i < budgets->len; i++)
    {
      const char *const *categories = outlay_budget_get_categories (budgets->pdata[i]);

      if (categories != NULL && g_strv_contains (categories, uuid))
        g_ptr_array_add (self->budgets, g_strdup (outlay_budget_get_name (budgets->pdata[i])));
    }
}

/**
 * outlay_category_removal_dialog_new:
 * @merge: whether the category is merged into another, rather than deleted
 * @n_expenses: how many expenses it has, or -1 while that is not known
 *
 * Returns: (transfer none): the question, not yet shown
 */
OutlayCategoryRemovalDialog *
outlay_category_removal_dialog_new (GtkWindow        *parent,
                                    OutlayRepository *repository,
                                    OutlayCategory   *category,
                                    gboolean          merge,
                                    int               n_expenses)
{
  OutlayCategoryRemovalDialog *self;
  AdwMessageDialog            *dialog;
  GtkWidget                   *list;
  g_autoptr (GtkListItemFactory) factory = NULL;
  g_autoptr (GtkListItemFactory) list_factory = NULL;
  g_autoptr (GPtrArray) children = NULL;
  const char *name;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (category), NULL);

  self = g_object_new (OUTLAY_TYPE_CATEGORY_REMOVAL_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  self->repository = g_object_ref (repository);
  self->category = g_object_ref (category);
  self->merge = merge;
  self->n_expenses = n_expenses;
  children = outlay_repository_list_subcategories (repository, category);
  self->n_children = children->len;
  find_budgets (self);
  name = outlay_category_get_name (category);

  if (merge)
    /* Translators: the question before a category is merged into another, with its name */
    adw_message_dialog_format_heading (dialog, _("Merge “%s”?"), name);
  else
    /* Translators: the question before a category is deleted, with its name */
    adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), name);

  self->target_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row),
                                 merge ? _("_Merge Into") : _("_Move Expenses To"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->target_row), TRUE);
  factory = outlay_category_factory_new (repository, FALSE);
  list_factory = outlay_category_factory_new (repository, TRUE);
  adw_combo_row_set_factory (ADW_COMBO_ROW (self->target_row), factory);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (self->target_row), list_factory);
  fill_targets (self);
  g_signal_connect_swapped (self->target_row, "notify::selected", G_CALLBACK (update_body), self);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), self->target_row);
  adw_message_dialog_set_extra_child (dialog, list);
  update_body (self);

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "remove", merge ? _("_Merge") : _("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "remove",
                                              merge ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "remove");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return self;
}

/**
 * outlay_category_removal_dialog_get_category:
 *
 * Returns: (transfer none): the category to delete or merge
 */
OutlayCategory *
outlay_category_removal_dialog_get_category (OutlayCategoryRemovalDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_REMOVAL_DIALOG (self), NULL);

  return self->category;
}

/**
 * outlay_category_removal_dialog_get_target:
 *
 * Returns: (transfer none) (nullable): where its expenses go
 */
OutlayCategory *
outlay_category_removal_dialog_get_target (OutlayCategoryRemovalDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_REMOVAL_DIALOG (self), NULL);

  return adw_combo_row_get_selected_item (ADW_COMBO_ROW (self->target_row));
}

gboolean
outlay_category_removal_dialog_get_merge (OutlayCategoryRemovalDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_REMOVAL_DIALOG (self), FALSE);

  return self->merge;
}

/**
 * outlay_category_removal_dialog_get_target_row:
 *
 * Returns: (transfer none): the drop-down of where its expenses go
 */
GtkWidget *
outlay_category_removal_dialog_get_target_row (OutlayCategoryRemovalDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_REMOVAL_DIALOG (self), NULL);

  return self->target_row;
}
