/* outlay-categories-window.c
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

/* The Categories window: every category, each followed by the ones under
 * it, with its badge, how many expenses it has and whether it is hidden.
 * From here categories are added (with "+" or Ctrl+N), edited (a row, or
 * its menu), moved among the ones beside them (drag and drop, Alt+Up and
 * Alt+Down, the menu), hidden and shown, merged and deleted; hiding,
 * merging and deleting offer Undo. Everything goes through the repository,
 * so the list (and every other view of the categories) follows at once.
 *
 * The numbers of expenses come from the per-day summary, which grows with
 * the ledger: they are added up in the background. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-application.h"
#include "outlay-categories-window.h"
#include "outlay-category-editor.h"
#include "outlay-category-removal-dialog.h"
#include "outlay-category-row.h"
#include "outlay-reader.h"
#include "outlay-rules-page.h"
#include "outlay-toasts.h"

typedef enum
{
  UNDO_NONE,
  UNDO_HIDDEN,  /* shows or hides it again */
  UNDO_REMOVAL, /* brings back what was deleted or merged */
} UndoKind;

struct _OutlayCategoriesWindow
{
  AdwWindow parent_instance;

  OutlayRepository *repository;
  OutlayReader     *reader;
  GCancellable     *counting;
  GHashTable       *counts; /* category id → its expenses; %NULL until read */
  GHashTable       *rows;   /* category id → its OutlayCategoryRow, which the list owns */

  UndoKind               undo_kind;
  gint64                 undo_id;
  gboolean               undo_hidden; /* what Undo sets */
  OutlayCategoryRemoval *undo_removal;
  AdwToast              *undo_toast;
  GtkWidget             *question; /* while one asks */
  GtkWidget             *editor;   /* while one is open */

  AdwToastOverlay *toasts;
  GtkListBox      *list;
  GtkWidget       *add_button;
  AdwViewStack    *view_stack;
  GtkWidget       *rules_page;
};

G_DEFINE_FINAL_TYPE (OutlayCategoriesWindow, outlay_categories_window, ADW_TYPE_WINDOW)

static void
show_error (OutlayCategoriesWindow *self,
            const GError           *error)
{
  outlay_toasts_add_error (self->toasts, error->message);
}

static void
show_undo (OutlayCategoriesWindow *self,
           const char             *title,
           UndoKind                kind)
{
  self->undo_kind = kind;
  outlay_toasts_add_undo (self->toasts, title, "categories.undo", &self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "categories.undo", TRUE);
}

static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  guint position_a = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), "position"));
  guint position_b = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "position"));

  return position_a < position_b ? -1 : position_a > position_b;
}

/* The row of each category, made once and then kept while the category is,
 * so that the focus stays on it while it moves. */
static GtkWidget *
ensure_row (OutlayCategoriesWindow *self,
            gint64                  id)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, &id);

  if (row == NULL)
    {
      row = outlay_category_row_new ();
      g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id), row);
      gtk_list_box_append (self->list, row);
    }
  return row;
}

static void
refresh (OutlayCategoriesWindow *self)
{
  GListModel     *categories = outlay_repository_get_categories (self->repository);
  OutlayCategory *fallback = outlay_repository_get_fallback_category (self->repository);
  guint           n = g_list_model_get_n_items (categories);
  g_autoptr (GHashTable) listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer       id, row;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      OutlayCategory *parent = outlay_repository_get_parent_category (self->repository, category);
      g_autoptr (GPtrArray) siblings = outlay_repository_list_subcategories (self->repository, parent);
      gint64                id_value = outlay_category_get_id (category);
      OutlayCategoryRowInfo info = { 0 };
      guint                 index = 0;

      g_ptr_array_find (siblings, category, &index);
      info.parent_id = parent != NULL ? outlay_category_get_id (parent) : 0;
      info.parent_name = parent != NULL ? outlay_category_get_name (parent) : NULL;
      info.parent_hidden = parent != NULL && outlay_category_get_hidden (parent);
      info.counted = self->counts != NULL;
      info.n_expenses = self->counts != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, &id_value)) : 0;
      info.index = index;
      info.last = index + 1 >= siblings->len;
      info.fallback = category == fallback;

      row = ensure_row (self, id_value);
      g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (i));
      outlay_category_row_set_category (OUTLAY_CATEGORY_ROW (row), category, &info);
      g_hash_table_lookup_extended (self->rows, &id_value, &id, NULL);
      g_hash_table_add (listed, id);
    }

  /* Deleted, here or by another program. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &id, &row))
    if (!g_hash_table_contains (listed, id))
      {
        gtk_list_box_remove (self->list, row);
        g_hash_table_iter_remove (&iter);
      }
  gtk_list_box_invalidate_sort (self->list);
}

/* Counting */

static void
count_free (gpointer data)
{
  g_hash_table_unref (data);
}

/* The expenses of each category, in every currency: one read of the
 * per-day summary for each currency the ledger has. */
static gpointer
count_thread (OutlayRepository *repository,
              gpointer          data,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GArray) currencies = outlay_repository_summarize (repository, query, NULL, error);

  if (currencies == NULL)
    return NULL;

  for (guint i = 0; i < currencies->len; i++)
    {
      const char *currency = g_array_index (currencies, OutlayCurrencyTotal, i).currency;
      g_autoptr (GArray) totals = outlay_repository_totals_by_category (repository, currency, NULL, NULL, error);

      if (totals == NULL)
        return NULL;
      for (guint j = 0; j < totals->len; j++)
        {
          const OutlayCategoryTotal *total = &g_array_index (totals, OutlayCategoryTotal, j);
          guint                      known = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &total->category_id));

          g_hash_table_replace (counts, g_memdup2 (&total->category_id, sizeof (gint64)),
                                GUINT_TO_POINTER (known + total->count));
        }
    }
  return g_steal_pointer (&counts);
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  OutlayCategoriesWindow *self;
  GHashTable             *counts;
  g_autoptr (GError) error = NULL;

  counts = outlay_reader_run_finish (OUTLAY_READER (source), result, &error);
  /* Cancelled when the window goes: it may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_clear_object (&self->counting);
  if (counts == NULL)
    {
      if (!g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
        g_warning ("Could not count the expenses of the categories: %s", error->message);
      return;
    }
  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = counts;
  refresh (self);
}

static void
count (OutlayCategoriesWindow *self)
{
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  if (self->reader == NULL)
    self->reader = outlay_reader_new (self->repository);
  self->counting = g_cancellable_new ();
  outlay_reader_run_async (self->reader, count_thread, NULL, NULL, count_free, self->counting, counted_cb, self);
}

/* Editing */

static OutlayCategory *
lookup (OutlayCategoriesWindow *self,
        GVariant               *parameter)
{
  return outlay_repository_lookup_category (self->repository, g_variant_get_int64 (parameter));
}

static void
open_editor (OutlayCategoriesWindow *self,
             OutlayCategory         *category,
             OutlayCategory         *under)
{
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  g_set_weak_pointer (&self->editor,
                      GTK_WIDGET (outlay_category_editor_new (GTK_WINDOW (self), self->repository, category, under)));
  gtk_window_present (GTK_WINDOW (self->editor));
}

static void
on_row_activated_cb (OutlayCategoriesWindow *self,
                     GtkListBoxRow          *row)
{
  OutlayCategory *category = outlay_category_row_get_category (OUTLAY_CATEGORY_ROW (row));

  if (category != NULL)
    open_editor (self, category, NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  OutlayCategoriesWindow *self = OUTLAY_CATEGORIES_WINDOW (widget);

  /* Ctrl+N adds what the page shows. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "rules") == 0)
    gtk_widget_activate_action (self->rules_page, "rules.add", NULL);
  else
    open_editor (self, NULL, NULL);
}

/* The header's New Category is for the categories' page. */
static void
on_page_changed_cb (OutlayCategoriesWindow *self)
{
  gtk_widget_set_visible (self->add_button,
                          g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "rules") != 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayCategoriesWindow *self = OUTLAY_CATEGORIES_WINDOW (widget);
  OutlayCategory         *category = lookup (self, parameter);

  if (category == NULL)
    return;
  if (g_str_equal (action_name, "categories.new-subcategory"))
    open_editor (self, NULL, category);
  else
    open_editor (self, category, NULL);
}

/* Moving */

static void
move_to (OutlayCategoriesWindow *self,
         gint64                  id,
         guint                   position)
{
  g_autoptr (GError) error = NULL;

  if (!outlay_repository_move_category (self->repository, id, position, &error))
    show_error (self, error);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayCategoriesWindow *self = OUTLAY_CATEGORIES_WINDOW (widget);
  OutlayCategory         *category = lookup (self, parameter);
  g_autoptr (GPtrArray) siblings = NULL;
  gboolean up = g_str_equal (action_name, "categories.move-up");
  guint    index;

  if (category == NULL)
    return;
  siblings = outlay_repository_list_subcategories (self->repository,
                                                   outlay_repository_get_parent_category (self->repository, category));
  if (!g_ptr_array_find (siblings, category, &index) || (up && index == 0) || (!up && index + 1 >= siblings->len))
    {
      /* Already first, or last, among the ones beside it. */
      gtk_widget_error_bell (widget);
      return;
    }
  move_to (self, outlay_category_get_id (category), up ? index - 1 : index + 1);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gint64 id;
  guint  position;

  g_variant_get (parameter, "(xu)", &id, &position);
  move_to (OUTLAY_CATEGORIES_WINDOW (widget), id, position);
}

/* Hiding */

static void
hide_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayCategoriesWindow *self = OUTLAY_CATEGORIES_WINDOW (widget);
  OutlayCategory         *category = lookup (self, parameter);
  gboolean                hide = g_str_equal (action_name, "categories.hide");
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (category == NULL)
    return;
  if (!outlay_repository_set_category_hidden (self->repository, outlay_category_get_id (category), hide, &error))
    {
      show_error (self, error);
      return;
    }
  if (hide)
    /* Translators: a toast after a category was hidden, with its name */
    title = g_strdup_printf (_("“%s” is hidden: it is not offered for new expenses"),
                                outlay_category_get_name (category));
  else
    /* Translators: a toast after a hidden category was shown again, with its name */
    title = g_strdup_printf (_("“%s” is offered again"), outlay_category_get_name (category));
  self->undo_id = outlay_category_get_id (category);
  self->undo_hidden = !hide;
  show_undo (self, title, UNDO_HIDDEN);
}

/* Deleting and merging */

static void
on_removal_response_cb (OutlayCategoryRemovalDialog *dialog,
                        const char                  *response,
                        OutlayCategoriesWindow      *self)
{
  OutlayCategory  *category = outlay_category_removal_dialog_get_category (dialog);
  OutlayCategory  *target = outlay_category_removal_dialog_get_target (dialog);
  gboolean         merge = outlay_category_removal_dialog_get_merge (dialog);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GError) error = NULL;
  OutlayCategoryRemoval *removal;

  if (!g_str_equal (response, "remove") || target == NULL)
    return;

  name = g_strdup (outlay_category_get_name (category));
  removal = outlay_repository_remove_category (self->repository, outlay_category_get_id (category),
                                               outlay_category_get_id (target), merge, &error);
  if (removal == NULL)
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->undo_removal, outlay_category_removal_unref);
  self->undo_removal = removal;
  if (merge)
    /* Translators: a toast after a category was merged into another, with their names */
    title = g_strdup_printf (_("Merged “%s” into “%s”"), name, outlay_category_get_name (target));
  else
    /* Translators: a toast after a category was deleted, with its name */
    title = g_strdup_printf (_("Deleted category “%s”"), name);
  show_undo (self, title, UNDO_REMOVAL);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OutlayCategoriesWindow      *self = OUTLAY_CATEGORIES_WINDOW (widget);
  OutlayCategory              *category = lookup (self, parameter);
  OutlayCategoryRemovalDialog *dialog;
  gint64                       id;
  int                          n_expenses = -1;

  if (category == NULL || self->question != NULL)
    return;
  id = outlay_category_get_id (category);
  if (self->counts != NULL)
    n_expenses = (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, &id));
  dialog = outlay_category_removal_dialog_new (GTK_WINDOW (self), self->repository, category,
                                               g_str_equal (action_name, "categories.merge"), n_expenses);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_removal_response_cb), self, 0);
  g_set_weak_pointer (&self->question, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayCategoriesWindow *self = OUTLAY_CATEGORIES_WINDOW (widget);
  g_autoptr (OutlayCategoryRemoval) removal = g_steal_pointer (&self->undo_removal);
  g_autoptr (GError) error = NULL;
  UndoKind kind = self->undo_kind;
  gboolean done = TRUE;

  self->undo_kind = UNDO_NONE;
  gtk_widget_action_set_enabled (widget, "categories.undo", FALSE);
  if (kind == UNDO_HIDDEN)
    done = outlay_repository_set_category_hidden (self->repository, self->undo_id, self->undo_hidden, &error);
  else if (kind == UNDO_REMOVAL && removal != NULL)
    done = outlay_repository_undo_category_removal (self->repository, removal, &error);
  if (!done)
    show_error (self, error);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
outlay_categories_window_dispose (GObject *object)
{
  OutlayCategoriesWindow *self = OUTLAY_CATEGORIES_WINDOW (object);

  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_weak_pointer (&self->undo_toast);
  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->question));
  g_clear_weak_pointer (&self->question);
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  g_clear_weak_pointer (&self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_CATEGORIES_WINDOW);

  G_OBJECT_CLASS (outlay_categories_window_parent_class)->dispose (object);
}

static void
outlay_categories_window_finalize (GObject *object)
{
  OutlayCategoriesWindow *self = OUTLAY_CATEGORIES_WINDOW (object);

  g_clear_object (&self->reader);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->undo_removal, outlay_category_removal_unref);

  G_OBJECT_CLASS (outlay_categories_window_parent_class)->finalize (object);
}

static void
outlay_categories_window_class_init (OutlayCategoriesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_categories_window_dispose;
  object_class->finalize = outlay_categories_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/categories/outlay-categories-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayCategoriesWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, OutlayCategoriesWindow, list);
  gtk_widget_class_bind_template_child (widget_class, OutlayCategoriesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayCategoriesWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "categories.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "categories.new-subcategory", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "categories.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "categories.move-up", "x", move_action);
  gtk_widget_class_install_action (widget_class, "categories.move-down", "x", move_action);
  gtk_widget_class_install_action (widget_class, "categories.move-to", "(xu)", move_to_action);
  gtk_widget_class_install_action (widget_class, "categories.hide", "x", hide_action);
  gtk_widget_class_install_action (widget_class, "categories.show", "x", hide_action);
  gtk_widget_class_install_action (widget_class, "categories.delete", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "categories.merge", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "categories.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "categories.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "categories.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "categories.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "categories.close", NULL);
}

static void
outlay_categories_window_init (OutlayCategoriesWindow *self)
{
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_sort_func (self->list, compare_rows, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "categories.undo", FALSE);
}

/**
 * outlay_categories_window_new:
 * @parent: (nullable): the main window
 *
 * Returns: (transfer none): the window, not yet shown
 */
OutlayCategoriesWindow *
outlay_categories_window_new (GtkWindow        *parent,
                              OutlayRepository *repository)
{
  OutlayCategoriesWindow *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);

  self = g_object_new (OUTLAY_TYPE_CATEGORIES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->repository = g_object_ref (repository);
  g_signal_connect_object (repository, "categories-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (repository, "categories-changed", G_CALLBACK (count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (repository, "expenses-changed", G_CALLBACK (count), self, G_CONNECT_SWAPPED);
  refresh (self);
  count (self);

  self->rules_page = outlay_rules_page_new (repository);
  adw_view_stack_add_titled (self->view_stack, self->rules_page, "rules", _("Rules"));
  adw_view_stack_page_set_icon_name (adw_view_stack_get_page (self->view_stack, self->rules_page),
                                     "edit-find-replace-symbolic");

  return self;
}

/**
 * outlay_categories_window_show_rules:
 *
 * Shows the Rules page beside the categories.
 */
void
outlay_categories_window_show_rules (OutlayCategoriesWindow *self)
{
  g_return_if_fail (OUTLAY_IS_CATEGORIES_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "rules");
}

/**
 * outlay_categories_window_get_rules_page:
 *
 * Returns: (transfer none): the Rules page
 */
GtkWidget *
outlay_categories_window_get_rules_page (OutlayCategoriesWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORIES_WINDOW (self), NULL);

  return self->rules_page;
}

/**
 * outlay_categories_window_get_row:
 * @name: a category's name
 *
 * Returns: (transfer none) (nullable): the row of the first category of
 *   that name
 */
GtkWidget *
outlay_categories_window_get_row (OutlayCategoriesWindow *self,
                                  const char             *name)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORIES_WINDOW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      OutlayCategory *category =
        OUTLAY_IS_CATEGORY_ROW (row) ? outlay_category_row_get_category (OUTLAY_CATEGORY_ROW (row)) : NULL;

      if (category != NULL && g_strcmp0 (outlay_category_get_name (category), name) == 0)
        return row;
    }
  return NULL;
}

/**
 * outlay_categories_window_dup_names:
 *
 * Returns: (transfer full): the categories of the rows in their order, each
 *   under another with its name: "Food & Drink › Restaurants"
 */
char **
outlay_categories_window_dup_names (OutlayCategoriesWindow *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (OUTLAY_IS_CATEGORIES_WINDOW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (OUTLAY_IS_CATEGORY_ROW (row) && outlay_category_row_get_category (OUTLAY_CATEGORY_ROW (row)) != NULL)
      {
        OutlayCategory  *category = outlay_category_row_get_category (OUTLAY_CATEGORY_ROW (row));
        g_autofree char *path = outlay_repository_dup_category_path (self->repository, category);

        g_strv_builder_add (builder, path);
      }
  return g_strv_builder_end (builder);
}

/**
 * outlay_categories_window_get_question:
 *
 * Returns: (transfer none) (nullable): the question before a delete or a
 *   merge, while it asks
 */
GtkWindow *
outlay_categories_window_get_question (OutlayCategoriesWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORIES_WINDOW (self), NULL);

  return GTK_WINDOW (self->question);
}

/**
 * outlay_categories_window_get_editor:
 *
 * Returns: (transfer none) (nullable): the category editor, while it is open
 */
GtkWindow *
outlay_categories_window_get_editor (OutlayCategoriesWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORIES_WINDOW (self), NULL);

  return GTK_WINDOW (self->editor);
}

/**
 * outlay_categories_window_is_counted:
 *
 * Returns: whether the rows say how many expenses they have
 */
gboolean
outlay_categories_window_is_counted (OutlayCategoriesWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORIES_WINDOW (self), FALSE);

  return self->counts != NULL && self->counting == NULL;
}

static void
categories_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkApplication         *app = gtk_window_get_application (GTK_WINDOW (widget));
  OutlayRepository       *repository;
  OutlayCategoriesWindow *window;

  if (!OUTLAY_IS_APPLICATION (app))
    return;
  repository = outlay_application_get_repository (OUTLAY_APPLICATION (app));
  window = outlay_categories_window_new (GTK_WINDOW (widget), repository);
  if (g_str_equal (action_name, "win.rules"))
    outlay_categories_window_show_rules (window);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * outlay_categories_window_add_action:
 * @window_class: the main window's class
 *
 * Installs "win.categories", which opens the Categories window over the
 * main window, and its shortcut, Ctrl+Shift+C; and "win.rules", which
 * opens it on its Rules page.
 */
void
outlay_categories_window_add_action (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.categories", NULL, categories_action);
  gtk_widget_class_add_binding_action (window_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.categories",
                                       NULL);
  gtk_widget_class_install_action (window_class, "win.rules", NULL, categories_action);
}
