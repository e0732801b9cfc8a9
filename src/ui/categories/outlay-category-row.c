/* outlay-category-row.c
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

/* A category in the Categories window: a handle to drag it by, its badge,
 * its name, how many expenses it has and whether it is hidden, and a menu
 * to edit, add a subcategory, move, hide or show, merge and delete it. A
 * subcategory is indented under the category it is in. It moves among the
 * categories beside it by drag and drop, and with Alt+Up and Alt+Down.
 * A screen reader hears the row as one phrase. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-icon.h"
#include "outlay-category-row.h"
#include "outlay-form-rows.h"

/* How far a subcategory is indented: past its parent's badge. */
#define INDENT 28

struct _OutlayCategoryRow
{
  GtkListBoxRow parent_instance;

  OutlayCategory *category;
  gint64          parent_id; /* who its siblings are: 0 at the top */
  gboolean        sub;       /* under another */
  guint           index;     /* among its siblings */
  char           *menu_key;  /* what the menu offers, to keep an open one */

  GtkWidget *box;
  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *menu_button;
  double     drag_x;
  double     drag_y;
};

G_DEFINE_FINAL_TYPE (OutlayCategoryRow, outlay_category_row, GTK_TYPE_LIST_BOX_ROW)

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             gint64      id)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

/* Edit, New Subcategory; Move Up, Move Down; Hide or Show; Merge Into…,
 * Delete…: each where it applies. */
static void
update_menu (OutlayCategoryRow           *self,
             const OutlayCategoryRowInfo *info)
{
  gint64           id = outlay_category_get_id (self->category);
  gboolean         hidden = outlay_category_get_hidden (self->category);
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  g_autoptr (GMenu) menu = NULL;
  g_autoptr (GMenu) moves = NULL;
  g_autoptr (GMenu) last = NULL;

  /* Translators: the menu of a category's row, with its name */
  label = g_strdup_printf (_("Actions for “%s”"), outlay_category_get_name (self->category));
  key = g_strdup_printf ("%s|%d%d%d%d%d", label, self->sub, info->index > 0, !info->last, hidden, info->fallback);
  /* A new menu would close the one open: only when it offers other things. */
  if (g_strcmp0 (key, self->menu_key) == 0)
    return;
  g_free (self->menu_key);
  self->menu_key = g_steal_pointer (&key);

  menu = g_menu_new ();
  moves = g_menu_new ();
  last = g_menu_new ();
  append_item (menu, _("_Edit"), "categories.edit", id);
  if (!self->sub)
    append_item (menu, _("New _Subcategory"), "categories.new-subcategory", id);
  if (info->index > 0)
    append_item (moves, _("Move _Up"), "categories.move-up", id);
  if (!info->last)
    append_item (moves, _("Move _Down"), "categories.move-down", id);
  if (!info->fallback)
    {
      if (hidden)
        append_item (moves, _("Sh_ow"), "categories.show", id);
      else
        append_item (moves, _("_Hide"), "categories.hide", id);
      append_item (last, _("_Merge Into…"), "categories.merge", id);
      append_item (last, _("_Delete…"), "categories.delete", id);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (self->menu_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Keyboard */

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  OutlayCategoryRow *self = OUTLAY_CATEGORY_ROW (widget);
  const char        *action = g_variant_get_boolean (args) ? "categories.move-up" : "categories.move-down";

  if (self->category == NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, action, "x", outlay_category_get_id (self->category));
}

/* Drag and drop, among the categories beside it */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource     *source,
                    double             x,
                    double             y,
                    OutlayCategoryRow *self)
{
  if (self->category == NULL)
    return NULL;
  self->drag_x = x;
  self->drag_y = y;
  return gdk_content_provider_new_typed (OUTLAY_TYPE_CATEGORY_ROW, self);
}

static void
on_drag_begin_cb (GtkDragSource     *source,
                  GdkDrag           *drag,
                  OutlayCategoryRow *self)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, (int) self->drag_x, (int) self->drag_y);
}

static gboolean
is_sibling (OutlayCategoryRow *self,
            const GValue      *value)
{
  OutlayCategoryRow *dragged;

  if (value == NULL || !G_VALUE_HOLDS (value, OUTLAY_TYPE_CATEGORY_ROW))
    return FALSE;
  dragged = g_value_get_object (value);
  return dragged != NULL && dragged != self && dragged->category != NULL && self->category != NULL &&
         dragged->parent_id == self->parent_id && dragged->sub == self->sub;
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget     *target,
                   double             x,
                   double             y,
                   OutlayCategoryRow *self)
{
  return is_sibling (self, gtk_drop_target_get_value (target)) ? GDK_ACTION_MOVE : 0;
}

static gboolean
on_drop_cb (GtkDropTarget     *target,
            const GValue      *value,
            double             x,
            double             y,
            OutlayCategoryRow *self)
{
  OutlayCategoryRow *dragged;

  if (!is_sibling (self, value))
    return FALSE;
  dragged = g_value_get_object (value);
  /* It takes the place of the one it is dropped on. */
  return gtk_widget_activate_action (GTK_WIDGET (self), "categories.move-to", "(xu)",
                                     outlay_category_get_id (dragged->category), self->index);
}

static void
outlay_category_row_finalize (GObject *object)
{
  OutlayCategoryRow *self = OUTLAY_CATEGORY_ROW (object);

  g_clear_object (&self->category);
  g_clear_pointer (&self->menu_key, g_free);

  G_OBJECT_CLASS (outlay_category_row_parent_class)->finalize (object);
}

static void
outlay_category_row_class_init (OutlayCategoryRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = outlay_category_row_finalize;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, move_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, move_cb, "b", FALSE);
}

static void
outlay_category_row_init (OutlayCategoryRow *self)
{
  GtkWidget     *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget     *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (OUTLAY_TYPE_CATEGORY_ROW, GDK_ACTION_MOVE);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_margin_top (self->box, 8);
  gtk_widget_set_margin_bottom (self->box, 8);

  gtk_widget_add_css_class (handle, "dim-label");
  gtk_box_append (GTK_BOX (self->box), handle);

  self->icon = outlay_category_icon_new ();
  outlay_category_icon_set_size (OUTLAY_CATEGORY_ICON (self->icon), 32);
  gtk_widget_set_valign (self->icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), self->icon);

  gtk_widget_set_hexpand (words, TRUE);
  gtk_widget_set_valign (words, GTK_ALIGN_CENTER);
  self->title = outlay_form_label_new (NULL, "title", 0);
  gtk_box_append (GTK_BOX (words), self->title);
  self->subtitle = outlay_form_label_new (NULL, "subtitle", 0);
  gtk_box_append (GTK_BOX (words), self->subtitle);
  gtk_box_append (GTK_BOX (self->box), words);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_box_append (GTK_BOX (self->box), self->menu_button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
outlay_category_row_new (void)
{
  return g_object_new (OUTLAY_TYPE_CATEGORY_ROW, NULL);
}

/**
 * outlay_category_row_set_category:
 * @category: the category, as stored
 * @info: where it stands: under which one, its place, its expenses
 */
void
outlay_category_row_set_category (OutlayCategoryRow           *self,
                                  OutlayCategory              *category,
                                  const OutlayCategoryRowInfo *info)
{
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autoptr (GString) spoken = g_string_new (NULL);
  gboolean hidden;

  g_return_if_fail (OUTLAY_IS_CATEGORY_ROW (self));
  g_return_if_fail (OUTLAY_IS_CATEGORY (category));
  g_return_if_fail (info != NULL);

  g_set_object (&self->category, category);
  self->sub = info->parent_name != NULL;
  self->parent_id = info->parent_id;
  self->index = info->index;
  hidden = outlay_category_get_hidden (category) || info->parent_hidden;

  g_string_append (spoken, outlay_category_get_name (category));
  if (info->parent_name != NULL)
    {
      g_string_append (spoken, ", ");
      /* Translators: read by a screen reader after a subcategory's name: the category it is in */
      g_string_append_printf (spoken, _("in %s"), info->parent_name);
    }
  if (info->counted)
    {
      g_autofree char *count = NULL;

      if (info->n_expenses == 0)
        count = g_strdup (_("No expenses"));
      else
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expense", "%u expenses", info->n_expenses),
                                 info->n_expenses);
      g_string_append (subtitle, count);
      g_string_append_printf (spoken, ", %s", count);
    }
  if (hidden)
    {
      /* Translators: a category that is not offered for new expenses, after the number of its expenses */
      const char *word = outlay_category_get_hidden (category) ? _("Hidden") : _("Hidden with its category");

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, word);
      g_string_append_printf (spoken, ", %s", word);
    }

  gtk_label_set_label (GTK_LABEL (self->title), outlay_category_get_name (category));
  gtk_label_set_label (GTK_LABEL (self->subtitle), subtitle->str);
  gtk_widget_set_visible (self->subtitle, subtitle->len > 0);
  outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (self->icon), category);
  gtk_widget_set_opacity (self->icon, hidden ? 0.55 : 1);
  if (hidden)
    gtk_widget_add_css_class (self->title, "dim-label");
  else
    gtk_widget_remove_css_class (self->title, "dim-label");
  gtk_widget_set_margin_start (self->box, 6 + (self->sub ? INDENT : 0));
  update_menu (self, info);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str, -1);
}

/**
 * outlay_category_row_get_category:
 *
 * Returns: (transfer none) (nullable): the category it shows
 */
OutlayCategory *
outlay_category_row_get_category (OutlayCategoryRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_ROW (self), NULL);

  return self->category;
}

/**
 * outlay_category_row_get_subtitle:
 *
 * Returns: what it says under the name: the number of expenses, "Hidden"
 */
const char *
outlay_category_row_get_subtitle (OutlayCategoryRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_ROW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->subtitle));
}

/**
 * outlay_category_row_get_menu_button:
 *
 * Returns: (transfer none): the button of its menu
 */
GtkWidget *
outlay_category_row_get_menu_button (OutlayCategoryRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_ROW (self), NULL);

  return self->menu_button;
}
