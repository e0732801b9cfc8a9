/* outlay-reorder-row.c
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

/* A row of a list its items are put in order in, the categories or the
 * rules: a handle to drag it by, a badge, a title over a subtitle and a
 * menu. It moves by drag and drop, taking the place of the row it is
 * dropped on, and with Alt+Up and Alt+Down, through the actions
 * "PREFIX.move-to", "PREFIX.move-up" and "PREFIX.move-down" of its class's
 * prefix; a subclass says what names its item and which rows it may take
 * the place of. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-icon.h"
#include "outlay-form-rows.h"
#include "outlay-reorder-row.h"

typedef struct
{
  guint index; /* in the order it is moved in */
  char *menu_key;

  GtkWidget *box;
  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *menu_button;
  double     drag_x;
  double     drag_y;
} OutlayReorderRowPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OutlayReorderRow, outlay_reorder_row, GTK_TYPE_LIST_BOX_ROW)

/* Returns: (transfer full) (nullable): not floating */
static GVariant *
dup_target (OutlayReorderRow *self)
{
  GVariant *target = OUTLAY_REORDER_ROW_GET_CLASS (self)->dup_target (self);

  return target != NULL ? g_variant_ref_sink (target) : NULL;
}

static gboolean
activate_action (OutlayReorderRow *self,
                 const char       *action,
                 GVariant         *parameter)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", OUTLAY_REORDER_ROW_GET_CLASS (self)->action_prefix, action);

  return gtk_widget_activate_action_variant (GTK_WIDGET (self), name, parameter);
}

/* Keyboard */

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  OutlayReorderRow *self = OUTLAY_REORDER_ROW (widget);
  g_autoptr (GVariant) target = dup_target (self);

  if (target == NULL)
    return FALSE;
  return activate_action (self, g_variant_get_boolean (args) ? "move-up" : "move-down", target);
}

/* Drag and drop */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource    *source,
                    double            x,
                    double            y,
                    OutlayReorderRow *self)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);
  g_autoptr (GVariant) target = dup_target (self);

  if (target == NULL)
    return NULL;
  priv->drag_x = x;
  priv->drag_y = y;
  return gdk_content_provider_new_typed (G_OBJECT_TYPE (self), self);
}

static void
on_drag_begin_cb (GtkDragSource    *source,
                  GdkDrag          *drag,
                  OutlayReorderRow *self)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, (int) priv->drag_x, (int) priv->drag_y);
}

/* The row dragged, if it may take this one's place; else %NULL. */
static OutlayReorderRow *
accepted (OutlayReorderRow *self,
          const GValue     *value)
{
  OutlayReorderRow *dragged;
  g_autoptr (GVariant) own = NULL;
  g_autoptr (GVariant) other = NULL;

  if (value == NULL || !G_VALUE_HOLDS (value, G_OBJECT_TYPE (self)))
    return NULL;
  dragged = g_value_get_object (value);
  if (dragged == NULL || dragged == self || (own = dup_target (self)) == NULL ||
      (other = dup_target (dragged)) == NULL)
    return NULL;
  return OUTLAY_REORDER_ROW_GET_CLASS (self)->accepts (self, dragged) ? dragged : NULL;
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget    *target,
                   double            x,
                   double            y,
                   OutlayReorderRow *self)
{
  return accepted (self, gtk_drop_target_get_value (target)) != NULL ? GDK_ACTION_MOVE : 0;
}

static gboolean
on_drop_cb (GtkDropTarget    *target,
            const GValue     *value,
            double            x,
            double            y,
            OutlayReorderRow *self)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);
  OutlayReorderRow        *dragged = accepted (self, value);
  g_autoptr (GVariant) item = NULL;
  g_autoptr (GVariant) parameter = NULL;

  if (dragged == NULL)
    return FALSE;
  /* It takes the place of the one it is dropped on. */
  item = dup_target (dragged);
  parameter = g_variant_ref_sink (g_variant_new ("(@*u)", item, priv->index));
  return activate_action (self, "move-to", parameter);
}

static void
outlay_reorder_row_constructed (GObject *object)
{
  OutlayReorderRow *self = OUTLAY_REORDER_ROW (object);
  GtkDragSource    *source = gtk_drag_source_new ();
  /* Only rows of its own kind are dropped on it. */
  GtkDropTarget *target = gtk_drop_target_new (G_OBJECT_TYPE (self), GDK_ACTION_MOVE);

  G_OBJECT_CLASS (outlay_reorder_row_parent_class)->constructed (object);

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

static void
outlay_reorder_row_finalize (GObject *object)
{
  OutlayReorderRow        *self = OUTLAY_REORDER_ROW (object);
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);

  g_clear_pointer (&priv->menu_key, g_free);

  G_OBJECT_CLASS (outlay_reorder_row_parent_class)->finalize (object);
}

static void
outlay_reorder_row_class_init (OutlayReorderRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = outlay_reorder_row_constructed;
  object_class->finalize = outlay_reorder_row_finalize;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, move_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, move_cb, "b", FALSE);
}

static void
outlay_reorder_row_init (OutlayReorderRow *self)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);
  GtkWidget               *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget               *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  priv->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (priv->box, 6);
  gtk_widget_set_margin_end (priv->box, 6);
  gtk_widget_set_margin_top (priv->box, 8);
  gtk_widget_set_margin_bottom (priv->box, 8);

  gtk_widget_add_css_class (handle, "dim-label");
  gtk_box_append (GTK_BOX (priv->box), handle);

  priv->icon = outlay_category_icon_new ();
  outlay_category_icon_set_size (OUTLAY_CATEGORY_ICON (priv->icon), 32);
  gtk_widget_set_valign (priv->icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (priv->box), priv->icon);

  gtk_widget_set_hexpand (words, TRUE);
  gtk_widget_set_valign (words, GTK_ALIGN_CENTER);
  priv->title = outlay_form_label_new (NULL, "title", 0);
  gtk_box_append (GTK_BOX (words), priv->title);
  priv->subtitle = outlay_form_label_new (NULL, "subtitle", 0);
  gtk_box_append (GTK_BOX (words), priv->subtitle);
  gtk_box_append (GTK_BOX (priv->box), words);

  priv->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (priv->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (priv->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (priv->menu_button, "flat");
  gtk_box_append (GTK_BOX (priv->box), priv->menu_button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), priv->box);
}

/**
 * outlay_reorder_row_set_index:
 * @index: its place in the order, which a row dropped on it takes
 */
void
outlay_reorder_row_set_index (OutlayReorderRow *self,
                              guint             index)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);

  g_return_if_fail (OUTLAY_IS_REORDER_ROW (self));

  priv->index = index;
}

guint
outlay_reorder_row_get_index (OutlayReorderRow *self)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);

  g_return_val_if_fail (OUTLAY_IS_REORDER_ROW (self), 0);

  return priv->index;
}

/**
 * outlay_reorder_row_get_box:
 *
 * Returns: (transfer none): the box of the handle, badge, words and menu
 */
GtkWidget *
outlay_reorder_row_get_box (OutlayReorderRow *self)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);

  g_return_val_if_fail (OUTLAY_IS_REORDER_ROW (self), NULL);

  return priv->box;
}

/**
 * outlay_reorder_row_get_icon:
 *
 * Returns: (transfer none): its badge, an #OutlayCategoryIcon
 */
GtkWidget *
outlay_reorder_row_get_icon (OutlayReorderRow *self)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);

  g_return_val_if_fail (OUTLAY_IS_REORDER_ROW (self), NULL);

  return priv->icon;
}

/**
 * outlay_reorder_row_get_title:
 *
 * Returns: (transfer none): the label of its title
 */
GtkWidget *
outlay_reorder_row_get_title (OutlayReorderRow *self)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);

  g_return_val_if_fail (OUTLAY_IS_REORDER_ROW (self), NULL);

  return priv->title;
}

/**
 * outlay_reorder_row_get_subtitle:
 *
 * Returns: (transfer none): the label under its title
 */
GtkWidget *
outlay_reorder_row_get_subtitle (OutlayReorderRow *self)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);

  g_return_val_if_fail (OUTLAY_IS_REORDER_ROW (self), NULL);

  return priv->subtitle;
}

/**
 * outlay_reorder_row_get_menu_button:
 *
 * Returns: (transfer none): the button of its menu
 */
GtkWidget *
outlay_reorder_row_get_menu_button (OutlayReorderRow *self)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);

  g_return_val_if_fail (OUTLAY_IS_REORDER_ROW (self), NULL);

  return priv->menu_button;
}

/**
 * outlay_reorder_row_append_item:
 * @action: the name of an action of the class's prefix, given the item
 *
 * Adds an item for the row's item to @menu.
 */
void
outlay_reorder_row_append_item (OutlayReorderRow *self,
                                GMenu            *menu,
                                const char       *label,
                                const char       *action)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);
  g_autoptr (GVariant) target = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (OUTLAY_IS_REORDER_ROW (self));

  target = dup_target (self);
  name = g_strdup_printf ("%s.%s", OUTLAY_REORDER_ROW_GET_CLASS (self)->action_prefix, action);
  g_menu_item_set_action_and_target_value (item, name, target);
  g_menu_append_item (menu, item);
}

/**
 * outlay_reorder_row_new_moves:
 * @last: whether it is last in the order
 *
 * Returns: (transfer full): a section of Move Up and Move Down, each where
 *   it applies
 */
GMenu *
outlay_reorder_row_new_moves (OutlayReorderRow *self,
                              gboolean          last)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);
  GMenu                   *moves = g_menu_new ();

  if (priv->index > 0)
    outlay_reorder_row_append_item (self, moves, _("Move _Up"), "move-up");
  if (!last)
    outlay_reorder_row_append_item (self, moves, _("Move _Down"), "move-down");
  return moves;
}

/**
 * outlay_reorder_row_set_menu_key:
 * @key: (transfer full): what the menu would offer
 *
 * A new menu would close the one open: it is made only when it offers
 * other things.
 *
 * Returns: whether the menu is to be made again
 */
gboolean
outlay_reorder_row_set_menu_key (OutlayReorderRow *self,
                                 char             *key)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);

  g_return_val_if_fail (OUTLAY_IS_REORDER_ROW (self), FALSE);

  if (g_strcmp0 (key, priv->menu_key) == 0)
    {
      g_free (key);
      return FALSE;
    }
  g_free (priv->menu_key);
  priv->menu_key = key;
  return TRUE;
}

/**
 * outlay_reorder_row_set_menu:
 * @label: what its button is called
 */
void
outlay_reorder_row_set_menu (OutlayReorderRow *self,
                             GMenuModel       *menu,
                             const char       *label)
{
  OutlayReorderRowPrivate *priv = outlay_reorder_row_get_instance_private (self);

  g_return_if_fail (OUTLAY_IS_REORDER_ROW (self));

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (priv->menu_button), menu);
  gtk_widget_set_tooltip_text (priv->menu_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
