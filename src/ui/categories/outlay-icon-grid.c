/* outlay-icon-grid.c
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

/* The icon of a category, chosen from the icons Outlay ships (so that they
 * look the same under every icon theme): a search above a grid of toggle
 * buttons, each named by what its icon shows for screen readers and in
 * its tooltip. The search finds icons by their keywords, in the user's
 * language and in English. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-icons.h"
#include "outlay-icon-grid.h"

struct _OutlayIconGrid
{
  AdwBin parent_instance;

  char      *icon_name;
  GtkWidget *search;
  GtkWidget *flow;
  GtkWidget *empty;
  GPtrArray *buttons; /* in the catalogue's order */
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (OutlayIconGrid, outlay_icon_grid, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const OutlayCategoryIconInfo *
info_of (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "icon");
}

static void
show_choice (OutlayIconGrid *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    g_strcmp0 (info_of (button)->icon_name, self->icon_name) == 0);
    }
  self->updating = FALSE;
}

static void
on_toggled_cb (GtkToggleButton *button,
               OutlayIconGrid  *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  outlay_icon_grid_set_icon_name (self, info_of (GTK_WIDGET (button))->icon_name);
}

static gboolean
filter_cb (GtkFlowBoxChild *child,
           gpointer         user_data)
{
  OutlayIconGrid *self = user_data;

  return outlay_category_icon_info_matches (info_of (gtk_flow_box_child_get_child (child)),
                                            gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
on_search_changed_cb (OutlayIconGrid *self)
{
  gtk_flow_box_invalidate_filter (GTK_FLOW_BOX (self->flow));
  gtk_widget_set_visible (self->empty, outlay_icon_grid_count_shown (self) == 0);
}

static void
outlay_icon_grid_finalize (GObject *object)
{
  OutlayIconGrid *self = OUTLAY_ICON_GRID (object);

  g_free (self->icon_name);
  g_ptr_array_unref (self->buttons);

  G_OBJECT_CLASS (outlay_icon_grid_parent_class)->finalize (object);
}

static void
outlay_icon_grid_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OutlayIconGrid *self = OUTLAY_ICON_GRID (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_icon_grid_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OutlayIconGrid *self = OUTLAY_ICON_GRID (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      outlay_icon_grid_set_icon_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_icon_grid_class_init (OutlayIconGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = outlay_icon_grid_finalize;
  object_class->get_property = outlay_icon_grid_get_property;
  object_class->set_property = outlay_icon_grid_set_property;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_icon_grid_init (OutlayIconGrid *self)
{
  GtkWidget                    *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  guint                         n;
  const OutlayCategoryIconInfo *icons = outlay_category_icons_get (&n);

  self->buttons = g_ptr_array_new ();

  self->search = gtk_search_entry_new ();
  /* Translators: the placeholder of the search of the icons of a category */
  g_object_set (self->search, "placeholder-text", _("Search icons"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search icons"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->search);

  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 5);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_flow_box_set_filter_func (GTK_FLOW_BOX (self->flow), filter_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Icon"), -1);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget  *button = gtk_toggle_button_new ();
      GtkWidget  *image = gtk_image_new_from_icon_name (icons[i].icon_name);
      const char *label = outlay_category_icon_info_get_label (&icons[i]);

      gtk_image_set_pixel_size (GTK_IMAGE (image), 24);
      gtk_button_set_child (GTK_BUTTON (button), image);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "category-icon-choice");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "icon", (gpointer) &icons[i]);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), g_ptr_array_index (self->buttons, 0));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_toggled_cb), self, 0);
      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), button);
      /* The buttons take the focus; the boxes around them are named as
       * their button is. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (button)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_ptr_array_add (self->buttons, button);
    }
  gtk_box_append (GTK_BOX (box), self->flow);

  /* Translators: under the search of the icons of a category, when it finds none */
  self->empty = gtk_label_new (_("No icon has that name"));
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_visible (self->empty, FALSE);
  gtk_box_append (GTK_BOX (box), self->empty);

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
outlay_icon_grid_new (void)
{
  return g_object_new (OUTLAY_TYPE_ICON_GRID, NULL);
}

/**
 * outlay_icon_grid_get_icon_name:
 *
 * Returns: (nullable): the icon chosen
 */
const char *
outlay_icon_grid_get_icon_name (OutlayIconGrid *self)
{
  g_return_val_if_fail (OUTLAY_IS_ICON_GRID (self), NULL);

  return self->icon_name;
}

/**
 * outlay_icon_grid_set_icon_name:
 * @icon_name: an icon a category has: one of the catalogue's, or one of
 *   the theme's that a ledger was given before it, which stands for one
 */
void
outlay_icon_grid_set_icon_name (OutlayIconGrid *self,
                                const char     *icon_name)
{
  const char *resolved;

  g_return_if_fail (OUTLAY_IS_ICON_GRID (self));

  resolved = outlay_category_icons_resolve (icon_name);
  if (g_strcmp0 (self->icon_name, resolved) == 0)
    return;
  g_free (self->icon_name);
  self->icon_name = g_strdup (resolved);
  show_choice (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

GtkWidget *
outlay_icon_grid_get_search_entry (OutlayIconGrid *self)
{
  g_return_val_if_fail (OUTLAY_IS_ICON_GRID (self), NULL);

  return self->search;
}

/**
 * outlay_icon_grid_get_button:
 *
 * Returns: (transfer none) (nullable): the toggle button of @icon_name
 */
GtkWidget *
outlay_icon_grid_get_button (OutlayIconGrid *self,
                             const char     *icon_name)
{
  g_return_val_if_fail (OUTLAY_IS_ICON_GRID (self), NULL);

  for (guint i = 0; i < self->buttons->len; i++)
    if (g_strcmp0 (info_of (g_ptr_array_index (self->buttons, i))->icon_name, icon_name) == 0)
      return g_ptr_array_index (self->buttons, i);
  return NULL;
}

/**
 * outlay_icon_grid_count_shown:
 *
 * Returns: how many icons the search leaves
 */
guint
outlay_icon_grid_count_shown (OutlayIconGrid *self)
{
  const char *search;
  guint       n = 0;

  g_return_val_if_fail (OUTLAY_IS_ICON_GRID (self), 0);

  search = gtk_editable_get_text (GTK_EDITABLE (self->search));
  for (guint i = 0; i < self->buttons->len; i++)
    n += outlay_category_icon_info_matches (info_of (g_ptr_array_index (self->buttons, i)), search);
  return n;
}
