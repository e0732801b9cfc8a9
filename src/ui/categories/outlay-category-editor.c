/* outlay-category-editor.c
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

/* A category's editor, for a new one and to change one: its name, the
 * category it is under (one level: "Food › Restaurants"), its colour and
 * its icon, with its badge as it will look above them. What the store
 * refuses (an empty name, one a sibling has, a parent that would make a
 * second level) shows under the field it is about, and what was typed
 * stays. The icons to choose from are the ones Outlay ships. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-editor.h"
#include "outlay-category-icon.h"
#include "outlay-category-picker.h"
#include "outlay-color-palette.h"
#include "outlay-form-rows.h"
#include "outlay-icon-grid.h"

#define DEFAULT_COLOR "#3584e4"
#define DEFAULT_ICON "outlay-category-tag-symbolic"

struct _OutlayCategoryEditor
{
  AdwWindow parent_instance;

  OutlayRepository *repository;
  OutlayCategory   *category; /* %NULL for a new one */
  char             *icon_name;
  GListStore       *parents; /* "None", then the categories at the top */

  GtkWidget *header;
  GtkWidget *save_button;
  GtkWidget *preview;
  GtkWidget *error_label;
  GtkWidget *name_row;
  GtkWidget *name_error;
  GtkWidget *parent_row;
  GtkWidget *parent_error;
  GtkWidget *palette;
  GtkWidget *icons;
};

G_DEFINE_FINAL_TYPE (OutlayCategoryEditor, outlay_category_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A field's error under it, and in what a screen reader says of the
 * field; %NULL clears it. */
static void
set_error (GtkWidget  *field,
           GtkWidget  *label,
           const char *message)
{
  gtk_label_set_text (GTK_LABEL (label), message != NULL ? message : "");
  gtk_widget_set_visible (label, message != NULL);
  if (field == NULL)
    return;
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
clear_errors (OutlayCategoryEditor *self)
{
  set_error (NULL, self->error_label, NULL);
  set_error (self->name_row, self->name_error, NULL);
  set_error (self->parent_row, self->parent_error, NULL);
}

/* Under the field the store names. */
static void
show_store_error (OutlayCategoryEditor *self,
                  const GError         *error)
{
  if (g_error_matches (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME))
    {
      set_error (self->name_row, self->name_error, error->message);
      gtk_widget_grab_focus (self->name_row);
    }
  else if (g_error_matches (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PARENT))
    {
      set_error (self->parent_row, self->parent_error, error->message);
      gtk_widget_grab_focus (self->parent_row);
    }
  else
    {
      set_error (NULL, self->error_label, error->message);
      gtk_widget_grab_focus (self->error_label);
    }
}

static OutlayCategory *
chosen_parent (OutlayCategoryEditor *self)
{
  GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self->parent_row));

  return OUTLAY_IS_CATEGORY (item) ? OUTLAY_CATEGORY (item) : NULL;
}

static void
update_preview (OutlayCategoryEditor *self)
{
  g_free (self->icon_name);
  self->icon_name = g_strdup (outlay_icon_grid_get_icon_name (OUTLAY_ICON_GRID (self->icons)));
  outlay_category_icon_set_look (OUTLAY_CATEGORY_ICON (self->preview), self->icon_name,
                                 outlay_color_palette_get_color (OUTLAY_COLOR_PALETTE (self->palette)));
}

static void
on_name_changed_cb (OutlayCategoryEditor *self)
{
  set_error (self->name_row, self->name_error, NULL);
}

static void
on_parent_changed_cb (OutlayCategoryEditor *self)
{
  set_error (self->parent_row, self->parent_error, NULL);
}

/**
 * outlay_category_editor_save:
 *
 * What Save does: adds the category or changes it, then closes, unless the
 * store refuses, in which case it says why under the field.
 *
 * Returns: whether it was saved
 */
gboolean
outlay_category_editor_save (OutlayCategoryEditor *self)
{
  g_autoptr (GError) error = NULL;
  const char     *name;
  const char     *color;
  OutlayCategory *parent;
  OutlayCategory *saved = NULL;

  g_return_val_if_fail (OUTLAY_IS_CATEGORY_EDITOR (self), FALSE);

  clear_errors (self);
  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  color = outlay_color_palette_get_color (OUTLAY_COLOR_PALETTE (self->palette));
  parent = chosen_parent (self);
  if (self->category == NULL)
    saved = outlay_repository_add_subcategory (self->repository, parent, name, self->icon_name, color, &error);
  else
    {
      OutlayCategoryChanges changes = {
        .name = name,
        .icon_name = self->icon_name,
        .color = color,
        .parent_uuid = parent != NULL ? outlay_category_get_uuid (parent) : "",
      };

      if (outlay_repository_change_category (self->repository, outlay_category_get_id (self->category), &changes,
                                             &error))
        saved = self->category;
    }

  if (saved == NULL)
    {
      show_store_error (self, error);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, saved);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* Building */

static GtkWidget *
new_group (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

static GtkWidget *
new_error_label (void)
{
  /* Said at once by a screen reader when it shows. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, "xalign", 0.f, "wrap",
                                   TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR, "visible", FALSE, NULL);

  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "field-error");
  return label;
}

/* "None", then each category at the top but this one. */
static void
fill_parents (OutlayCategoryEditor *self)
{
  GListModel *categories = outlay_repository_get_categories (self->repository);
  g_autoptr (GObject) none = NULL;

  /* Translators: the category a category is under: none, it is at the top */
  none = outlay_category_choice_new (C_("parent category", "None"), NULL);
  g_list_store_append (self->parents, none);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      if (category != self->category && outlay_repository_get_parent_category (self->repository, category) == NULL)
        g_list_store_append (self->parents, category);
    }
}

static void
build (OutlayCategoryEditor *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *header;
  GtkWidget *group;
  g_autoptr (GtkListItemFactory) factory = outlay_category_factory_new (self->repository, FALSE);
  g_autoptr (GtkListItemFactory) list_factory = outlay_category_factory_new (self->repository, TRUE);

  header = outlay_form_dialog_header_new (GTK_WINDOW (self), _("_Save"), G_CALLBACK (outlay_category_editor_save),
                                                                &self->save_button);
  self->header = header;
  gtk_box_append (GTK_BOX (content), header);

  group = new_group (page, NULL);
  self->preview = outlay_category_icon_new ();
  outlay_category_icon_set_size (OUTLAY_CATEGORY_ICON (self->preview), 72);
  gtk_widget_set_halign (self->preview, GTK_ALIGN_CENTER);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->preview);

  group = new_group (page, NULL);
  self->error_label = new_error_label ();
  gtk_widget_set_focusable (self->error_label, TRUE);
  gtk_widget_set_margin_bottom (self->error_label, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->error_label);
  self->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("_Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->name_row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->name_row), TRUE);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_name_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->name_row);
  self->name_error = new_error_label ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->name_error);

  group = new_group (page, NULL);
  self->parent_row = adw_combo_row_new ();
  /* Translators: the category a category is under, "Food" for "Food › Restaurants" */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->parent_row), _("_Under"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->parent_row), TRUE);
  adw_combo_row_set_factory (ADW_COMBO_ROW (self->parent_row), factory);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (self->parent_row), list_factory);
  fill_parents (self);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->parent_row), G_LIST_MODEL (self->parents));
  g_signal_connect_swapped (self->parent_row, "notify::selected", G_CALLBACK (on_parent_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->parent_row);
  self->parent_error = new_error_label ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->parent_error);

  group = new_group (page, _("Colour"));
  self->palette = outlay_color_palette_new ();
  g_signal_connect_swapped (self->palette, "notify::color", G_CALLBACK (update_preview), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->palette);

  group = new_group (page, _("Icon"));
  self->icons = outlay_icon_grid_new ();
  g_signal_connect_swapped (self->icons, "notify::icon-name", G_CALLBACK (update_preview), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->icons);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

static void
fill (OutlayCategoryEditor *self,
      OutlayCategory       *under)
{
  g_autoptr (GPtrArray) children = NULL;
  OutlayCategory *parent = under;
  const char     *color = under != NULL ? outlay_category_get_color (under) : DEFAULT_COLOR;
  const char     *icon = under != NULL ? outlay_category_get_icon_name (under) : DEFAULT_ICON;

  if (self->category == NULL)
    {
      const char *title = under != NULL ? _("New Subcategory") : _("New Category");

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Category"));
      outlay_form_dialog_header_set_subtitle (self->header, outlay_category_get_name (self->category));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), outlay_category_get_name (self->category));
      parent = outlay_repository_get_parent_category (self->repository, self->category);
      color = outlay_category_get_color (self->category);
      icon = outlay_category_get_icon_name (self->category);
      children = outlay_repository_list_subcategories (self->repository, self->category);
      if (children->len > 0)
        {
          /* One level: a category with its own cannot go under another. */
          gtk_widget_set_sensitive (self->parent_row, FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->parent_row), _("It has subcategories of its own"));
        }
    }

  outlay_category_editor_select_parent (self, parent);
  outlay_icon_grid_set_icon_name (OUTLAY_ICON_GRID (self->icons), icon != NULL ? icon : DEFAULT_ICON);
  outlay_color_palette_set_color (OUTLAY_COLOR_PALETTE (self->palette), color != NULL ? color : DEFAULT_COLOR);
  update_preview (self);
}

static void
outlay_category_editor_dispose (GObject *object)
{
  OutlayCategoryEditor *self = OUTLAY_CATEGORY_EDITOR (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->category);
  g_clear_object (&self->parents);
  g_clear_pointer (&self->icon_name, g_free);

  G_OBJECT_CLASS (outlay_category_editor_parent_class)->dispose (object);
}

static void
outlay_category_editor_class_init (OutlayCategoryEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_category_editor_dispose;

  /**
   * OutlayCategoryEditor::saved:
   * @category: the category, as stored
   *
   * The category was added or changed; the editor closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, OUTLAY_TYPE_CATEGORY);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_category_editor_init (OutlayCategoryEditor *self)
{
  self->parents = g_list_store_new (G_TYPE_OBJECT);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 640);
}

/**
 * outlay_category_editor_new:
 * @category: (nullable): the category to change; %NULL for a new one
 * @under: (nullable): for a new one, the category to put it under
 *
 * Returns: (transfer none): the editor, which destroys itself when closed
 */
OutlayCategoryEditor *
outlay_category_editor_new (GtkWindow        *parent,
                            OutlayRepository *repository,
                            OutlayCategory   *category,
                            OutlayCategory   *under)
{
  OutlayCategoryEditor *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (category == NULL || OUTLAY_IS_CATEGORY (category), NULL);

  self = g_object_new (OUTLAY_TYPE_CATEGORY_EDITOR, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->repository = g_object_ref (repository);
  self->category = category != NULL ? g_object_ref (category) : NULL;
  build (self);
  fill (self, category == NULL ? under : NULL);
  /* The name first: a new category is typed and Enter saves it. */
  gtk_widget_grab_focus (self->name_row);
  return self;
}

/**
 * outlay_category_editor_select_parent:
 * @parent: (nullable): a category at the top, or %NULL for none
 */
void
outlay_category_editor_select_parent (OutlayCategoryEditor *self,
                                      OutlayCategory       *parent)
{
  guint n;

  g_return_if_fail (OUTLAY_IS_CATEGORY_EDITOR (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->parents));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->parents), i);

      if ((parent == NULL && !OUTLAY_IS_CATEGORY (item)) || item == G_OBJECT (parent))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->parent_row), i);
          return;
        }
    }
}

GtkWidget *
outlay_category_editor_get_name_row (OutlayCategoryEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_EDITOR (self), NULL);
  return self->name_row;
}

GtkWidget *
outlay_category_editor_get_parent_row (OutlayCategoryEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_EDITOR (self), NULL);
  return self->parent_row;
}

GtkWidget *
outlay_category_editor_get_palette (OutlayCategoryEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_EDITOR (self), NULL);
  return self->palette;
}

/**
 * outlay_category_editor_get_icons:
 *
 * Returns: (transfer none) (nullable): the grid of icons to choose from
 */
GtkWidget *
outlay_category_editor_get_icons (OutlayCategoryEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_EDITOR (self), NULL);
  return self->icons;
}

/**
 * outlay_category_editor_get_error:
 *
 * Returns: (nullable): what the editor says is wrong, under whichever
 *   field, or %NULL
 */
const char *
outlay_category_editor_get_error (OutlayCategoryEditor *self)
{
  GtkWidget *labels[] = { self->error_label, self->name_error, self->parent_error };

  g_return_val_if_fail (OUTLAY_IS_CATEGORY_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (gtk_widget_get_visible (labels[i]))
      return gtk_label_get_text (GTK_LABEL (labels[i]));
  return NULL;
}
