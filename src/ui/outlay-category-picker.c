/* outlay-category-picker.c
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

/* The category of an expense, chosen from a drop-down: the categories new
 * expenses may go in (not the hidden ones), each under the one it is in,
 * and the expense's own even when hidden; then "New Category…", which
 * opens the category editor and chooses what it adds. It follows every
 * change of the categories at once, and keeps the choice across them: a
 * category deleted meanwhile gives way to the one its expenses went to.
 *
 * Its factories also show categories in the other drop-downs: with the
 * category it is under ("Food › Restaurants") where one is shown, and
 * indented under it in a list. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-editor.h"
#include "outlay-category-icon.h"
#include "outlay-category-picker.h"

/* Subcategories in a list, under the category they are in. */
#define INDENT 24

struct _OutlayCategoryPicker
{
  AdwComboRow parent_instance;

  OutlayRepository *repository;
  GListStore       *store;      /* offered categories, then new_choice */
  GObject          *new_choice; /* "New Category…" */
  gint64            category_id;
  gint64            kept_id; /* listed even when hidden: the expense's own */
  GtkWidget        *editor;  /* while "New Category…" is open */
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (OutlayCategoryPicker, outlay_category_picker, ADW_TYPE_COMBO_ROW)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Factories */

typedef struct
{
  OutlayRepository *repository;
  gboolean          in_list;
} FactoryData;

static void
factory_data_free (gpointer  data,
                   GClosure *closure)
{
  FactoryData *factory_data = data;

  g_clear_object (&factory_data->repository);
  g_free (factory_data);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             FactoryData              *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = outlay_category_icon_new ();
  GtkWidget *label = gtk_label_new (NULL);

  outlay_category_icon_set_size (OUTLAY_CATEGORY_ICON (icon), 24);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (data->in_list)
    {
      /* A list of names wraps them rather than widen a phone's popover. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
    }
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            FactoryData              *data)
{
  GtkWidget       *box = gtk_list_item_get_child (item);
  GtkWidget       *icon = gtk_widget_get_first_child (box);
  GtkWidget       *label = gtk_widget_get_next_sibling (icon);
  GObject         *object = gtk_list_item_get_item (item);
  g_autofree char *path = NULL;
  int              indent = 0;

  if (OUTLAY_IS_CATEGORY (object))
    {
      OutlayCategory *category = OUTLAY_CATEGORY (object);

      path = outlay_repository_dup_category_path (data->repository, category);
      outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (icon), category);
      gtk_widget_set_opacity (icon, 1);
      if (data->in_list && outlay_repository_get_parent_category (data->repository, category) != NULL)
        indent = INDENT;
      gtk_label_set_label (GTK_LABEL (label), data->in_list ? outlay_category_get_name (category) : path);
    }
  else
    {
      const char *icon_name = g_object_get_data (object, "icon-name");

      outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (icon), NULL);
      outlay_category_icon_set_look (OUTLAY_CATEGORY_ICON (icon), icon_name, NULL);
      /* Where the others have their icon: the names line up. */
      gtk_widget_set_opacity (icon, icon_name != NULL ? 1 : 0);
      path = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
      gtk_label_set_label (GTK_LABEL (label), path);
    }
  gtk_widget_set_margin_start (box, indent);
  /* An indented name is heard with the category it is under. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, path, -1);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              FactoryData              *data)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (gtk_widget_get_first_child (box)), NULL);
}

/**
 * outlay_category_factory_new:
 * @in_list: for the list a drop-down opens, rather than its button
 *
 * Shows #OutlayCategory items with their icon, and the choices of
 * outlay_category_choice_new() among them.
 *
 * Returns: (transfer full): a factory
 */
GtkListItemFactory *
outlay_category_factory_new (OutlayRepository *repository,
                             gboolean          in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  FactoryData        *data = g_new0 (FactoryData, 1);

  data->repository = g_object_ref (repository);
  data->in_list = in_list;
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), data);
  g_signal_connect_data (factory, "unbind", G_CALLBACK (on_unbind_cb), data, factory_data_free, 0);
  return factory;
}

/**
 * outlay_category_choice_new:
 * @label: what it says, such as "None"
 * @icon_name: (nullable): a symbolic icon shown where categories show theirs
 *
 * Returns: (transfer full): an item of a list of categories that is not
 *   one, for outlay_category_factory_new()
 */
GObject *
outlay_category_choice_new (const char *label,
                            const char *icon_name)
{
  GtkStringObject *choice = gtk_string_object_new (label);

  g_object_set_data_full (G_OBJECT (choice), "icon-name", g_strdup (icon_name), g_free);
  return G_OBJECT (choice);
}

/* The picker */

static guint
find_position (OutlayCategoryPicker *self,
               gint64                category_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (OUTLAY_IS_CATEGORY (item) && outlay_category_get_id (OUTLAY_CATEGORY (item)) == category_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_category_id (OutlayCategoryPicker *self,
                 gint64                category_id)
{
  if (self->category_id == category_id)
    return;
  self->category_id = category_id;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Shows the choice; one that is gone gives way to the category its
 * expenses went to ("Other"), else the first. */
static void
show_choice (OutlayCategoryPicker *self)
{
  guint position = find_position (self, self->category_id);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      OutlayCategory *fallback = outlay_repository_get_fallback_category (self->repository);

      position = fallback != NULL ? find_position (self, outlay_category_get_id (fallback)) : 0;
      if (position == GTK_INVALID_LIST_POSITION)
        position = 0;
    }

  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
  self->updating = FALSE;

  {
    g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

    set_category_id (self, OUTLAY_IS_CATEGORY (item) ? outlay_category_get_id (OUTLAY_CATEGORY (item)) : 0);
  }
}

static void
rebuild (OutlayCategoryPicker *self)
{
  GListModel *categories = outlay_repository_get_categories (self->repository);
  guint       n = g_list_model_get_n_items (categories);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      gint64 id = outlay_category_get_id (category);

      if (outlay_repository_is_category_offered (self->repository, category) || id == self->kept_id ||
          id == self->category_id)
        g_ptr_array_add (items, g_steal_pointer (&category));
    }
  g_ptr_array_add (items, g_object_ref (self->new_choice));

  self->updating = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), items->pdata,
                       items->len);
  self->updating = FALSE;
  show_choice (self);
}

static void
on_editor_saved_cb (OutlayCategoryPicker *self,
                    OutlayCategory       *category)
{
  outlay_category_picker_select (self, outlay_category_get_id (category), FALSE);
}

static void
open_editor (OutlayCategoryPicker *self)
{
  GtkRoot              *root = gtk_widget_get_root (GTK_WIDGET (self));
  OutlayCategoryEditor *editor;

  if (self->editor != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->editor));
      return;
    }
  editor = outlay_category_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->repository, NULL, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->editor, GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_selected_cb (OutlayCategoryPicker *self)
{
  GObject *item;

  if (self->updating || self->repository == NULL)
    return;

  item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self));
  if (item == self->new_choice)
    {
      /* The choice stays what it was until the new one is saved. */
      show_choice (self);
      open_editor (self);
    }
  else if (OUTLAY_IS_CATEGORY (item))
    set_category_id (self, outlay_category_get_id (OUTLAY_CATEGORY (item)));
}

static void
outlay_category_picker_dispose (GObject *object)
{
  OutlayCategoryPicker *self = OUTLAY_CATEGORY_PICKER (object);

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  g_clear_weak_pointer (&self->editor);
  g_clear_object (&self->repository);
  g_clear_object (&self->store);
  g_clear_object (&self->new_choice);

  G_OBJECT_CLASS (outlay_category_picker_parent_class)->dispose (object);
}

static void
outlay_category_picker_class_init (OutlayCategoryPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_category_picker_dispose;

  /**
   * OutlayCategoryPicker::changed:
   *
   * The category chosen changed: by the person, by a new category saved,
   * or because the one chosen was deleted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
outlay_category_picker_init (OutlayCategoryPicker *self)
{
  self->store = g_list_store_new (G_TYPE_OBJECT);
  /* Translators: the last choice of the category drop-down of an expense */
  self->new_choice = outlay_category_choice_new (_("New Category…"), "list-add-symbolic");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Category"));
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_cb), NULL);
}

GtkWidget *
outlay_category_picker_new (void)
{
  return g_object_new (OUTLAY_TYPE_CATEGORY_PICKER, NULL);
}

/**
 * outlay_category_picker_set_repository:
 *
 * Lists the categories of @repository, once.
 */
void
outlay_category_picker_set_repository (OutlayCategoryPicker *self,
                                       OutlayRepository     *repository)
{
  g_autoptr (GtkListItemFactory) factory = NULL;
  g_autoptr (GtkListItemFactory) list_factory = NULL;

  g_return_if_fail (OUTLAY_IS_CATEGORY_PICKER (self));
  g_return_if_fail (OUTLAY_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  factory = outlay_category_factory_new (repository, FALSE);
  list_factory = outlay_category_factory_new (repository, TRUE);
  adw_combo_row_set_factory (ADW_COMBO_ROW (self), factory);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (self), list_factory);
  self->updating = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->store));
  self->updating = FALSE;
  g_signal_connect_object (outlay_repository_get_categories (repository), "items-changed", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * outlay_category_picker_get_category_id:
 *
 * Returns: the category chosen, 0 for none (there are no categories)
 */
gint64
outlay_category_picker_get_category_id (OutlayCategoryPicker *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_PICKER (self), 0);

  return self->category_id;
}

/**
 * outlay_category_picker_select:
 * @keep: whether it stays in the list even when hidden, as the category of
 *   an expense already in it does; else a hidden one gives way to the first
 *   category offered
 *
 * Chooses a category.
 */
void
outlay_category_picker_select (OutlayCategoryPicker *self,
                               gint64                category_id,
                               gboolean              keep)
{
  OutlayCategory *category;

  g_return_if_fail (OUTLAY_IS_CATEGORY_PICKER (self));
  g_return_if_fail (self->repository != NULL);

  category = outlay_repository_lookup_category (self->repository, category_id);
  self->kept_id = keep ? category_id : 0;
  if (!keep && category != NULL && !outlay_repository_is_category_offered (self->repository, category))
    {
      GListModel *categories = outlay_repository_get_categories (self->repository);

      category_id = 0;
      for (guint i = 0; category_id == 0 && i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr (OutlayCategory) other = g_list_model_get_item (categories, i);

          if (outlay_repository_is_category_offered (self->repository, other))
            category_id = outlay_category_get_id (other);
        }
    }
  /* Listed first, then shown. */
  self->category_id = category_id;
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * outlay_category_picker_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor of a new category that
 *   "New Category…" opened, while it is open
 */
GtkWindow *
outlay_category_picker_get_editor (OutlayCategoryPicker *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_PICKER (self), NULL);

  return GTK_WINDOW (self->editor);
}
