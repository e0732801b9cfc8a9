/* outlay-color-palette.c
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

/* The colour of a category: a swatch of each colour of the GNOME palette
 * that suits a category's badge, as toggle buttons a screen reader names
 * by colour, and "Custom…", which opens a colour chooser. A colour chosen
 * there (or a category's own colour from elsewhere) shows as one more
 * swatch. The chosen swatch carries a check mark, so that the choice does
 * not rest on telling colours apart. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-icon.h"
#include "outlay-color-palette.h"

#define SWATCH_SIZE 32

typedef struct
{
  const char *color;
  const char *name;
} Swatch;

/* From the GNOME HIG palette: strong enough for a white icon, or (the
 * yellows) a dark one, and the ones the first categories have. */
/* clang-format off */
static const Swatch palette[] = {
  { "#3584e4", NC_("colour", "Blue") },
  { "#1a5fb4", NC_("colour", "Dark Blue") },
  { "#2ec27e", NC_("colour", "Green") },
  { "#26a269", NC_("colour", "Dark Green") },
  { "#f6d32d", NC_("colour", "Yellow") },
  { "#e5a50a", NC_("colour", "Dark Yellow") },
  { "#ff7800", NC_("colour", "Orange") },
  { "#e66100", NC_("colour", "Dark Orange") },
  { "#e01b24", NC_("colour", "Red") },
  { "#a51d2d", NC_("colour", "Dark Red") },
  { "#c061cb", NC_("colour", "Light Purple") },
  { "#9141ac", NC_("colour", "Purple") },
  { "#865e3c", NC_("colour", "Brown") },
  { "#77767b", NC_("colour", "Grey") },
  { "#3d3846", NC_("colour", "Dark Grey") },
};
/* clang-format on */

struct _OutlayColorPalette
{
  AdwBin parent_instance;

  char      *color;
  GtkWidget *flow;
  GtkWidget *swatches[G_N_ELEMENTS (palette)];
  GtkWidget *custom_swatch; /* a colour not of the palette */
  GtkWidget *custom_button;
  GtkWidget *chooser; /* while it is open */
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (OutlayColorPalette, outlay_color_palette, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_swatch (GtkWidget  *swatch,
             const char *color)
{
  gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (swatch));

  outlay_category_icon_set_look (OUTLAY_CATEGORY_ICON (gtk_button_get_child (GTK_BUTTON (swatch))),
                                 active ? "object-select-symbolic" : NULL, color);
}

static int
find_in_palette (const char *color)
{
  for (guint i = 0; color != NULL && i < G_N_ELEMENTS (palette); i++)
    if (g_ascii_strcasecmp (palette[i].color, color) == 0)
      return (int) i;
  return -1;
}

/* Each swatch as it is: the chosen one checked, the custom one shown
 * while the colour is its own. */
static void
update (OutlayColorPalette *self)
{
  int index = find_in_palette (self->color);

  self->updating = TRUE;
  if (index >= 0)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->swatches[index]), TRUE);
  else if (self->color != NULL)
    {
      g_autofree char *name = NULL;

      /* Translators: the swatch of a colour chosen with "Custom…", read by a screen reader; %s is it as
       * #rrggbb */
      name = g_strdup_printf (_("Custom Colour %s"), self->color);
      gtk_widget_set_tooltip_text (self->custom_swatch, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_swatch), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (self->custom_swatch)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (self->custom_swatch), "color", g_strdup (self->color), g_free);
      gtk_widget_set_visible (gtk_widget_get_parent (self->custom_swatch), TRUE);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->custom_swatch), TRUE);
    }
  self->updating = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    show_swatch (self->swatches[i], palette[i].color);
  show_swatch (self->custom_swatch, g_object_get_data (G_OBJECT (self->custom_swatch), "color"));
}

static void
take_color (OutlayColorPalette *self,
            const char         *color)
{
  if (g_strcmp0 (self->color, color) == 0)
    return;
  g_free (self->color);
  self->color = g_ascii_strdown (color, -1);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

static void
on_swatch_toggled_cb (GtkToggleButton    *swatch,
                      OutlayColorPalette *self)
{
  if (self->updating || !gtk_toggle_button_get_active (swatch))
    return;
  take_color (self, g_object_get_data (G_OBJECT (swatch), "color"));
}

static void
on_chooser_response_cb (GtkDialog          *dialog,
                        int                 response,
                        OutlayColorPalette *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      GdkRGBA          rgba;
      g_autofree char *color = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      color = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + 0.5), (guint) (rgba.green * 255 + 0.5),
                               (guint) (rgba.blue * 255 + 0.5));
      take_color (self, color);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* GTK 4.8 has no GtkColorDialog. */
static void
on_custom_clicked_cb (OutlayColorPalette *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GdkRGBA  rgba;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_color_chooser_dialog_new (_("Custom Colour"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_object_add_weak_pointer (G_OBJECT (self->chooser), (gpointer *) &self->chooser);
  gtk_window_set_modal (GTK_WINDOW (self->chooser), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (self->chooser), FALSE);
  if (self->color != NULL && gdk_rgba_parse (&rgba, self->color))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->chooser), &rgba);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->chooser));
}

static GtkWidget *
new_swatch (OutlayColorPalette *self,
            const char         *color,
            const char         *name)
{
  GtkWidget *swatch = gtk_toggle_button_new ();
  GtkWidget *disc = outlay_category_icon_new ();

  outlay_category_icon_set_size (OUTLAY_CATEGORY_ICON (disc), SWATCH_SIZE);
  gtk_button_set_child (GTK_BUTTON (swatch), disc);
  gtk_widget_add_css_class (swatch, "flat");
  gtk_widget_add_css_class (swatch, "circular");
  gtk_widget_add_css_class (swatch, "color-swatch");
  g_object_set_data_full (G_OBJECT (swatch), "color", g_strdup (color), g_free);
  if (name != NULL)
    {
      gtk_widget_set_tooltip_text (swatch, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  if (self->swatches[0] != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (swatch), GTK_TOGGLE_BUTTON (self->swatches[0]));
  g_signal_connect_object (swatch, "toggled", G_CALLBACK (on_swatch_toggled_cb), self, 0);
  gtk_flow_box_append (GTK_FLOW_BOX (self->flow), swatch);
  /* The buttons take the focus, not the boxes around them, which are
   * named as their button is. */
  gtk_widget_set_focusable (gtk_widget_get_parent (swatch), FALSE);
  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (swatch)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name, -1);
  return swatch;
}

static void
outlay_color_palette_dispose (GObject *object)
{
  OutlayColorPalette *self = OUTLAY_COLOR_PALETTE (object);

  if (self->chooser != NULL)
    gtk_window_destroy (GTK_WINDOW (self->chooser));

  G_OBJECT_CLASS (outlay_color_palette_parent_class)->dispose (object);
}

static void
outlay_color_palette_finalize (GObject *object)
{
  OutlayColorPalette *self = OUTLAY_COLOR_PALETTE (object);

  g_free (self->color);

  G_OBJECT_CLASS (outlay_color_palette_parent_class)->finalize (object);
}

static void
outlay_color_palette_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OutlayColorPalette *self = OUTLAY_COLOR_PALETTE (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_color_palette_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OutlayColorPalette *self = OUTLAY_COLOR_PALETTE (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      outlay_color_palette_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_color_palette_class_init (OutlayColorPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_color_palette_dispose;
  object_class->finalize = outlay_color_palette_finalize;
  object_class->get_property = outlay_color_palette_get_property;
  object_class->set_property = outlay_color_palette_set_property;

  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_color_palette_init (OutlayColorPalette *self)
{
  GtkWidget *icon;

  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 4);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 16);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour"), -1);
  adw_bin_set_child (ADW_BIN (self), self->flow);

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    self->swatches[i] = new_swatch (self, palette[i].color, g_dpgettext2 (GETTEXT_PACKAGE, "colour", palette[i].name));
  self->custom_swatch = new_swatch (self, NULL, NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (self->custom_swatch), FALSE);

  self->custom_button = gtk_button_new ();
  icon = gtk_image_new_from_icon_name ("color-select-symbolic");
  gtk_button_set_child (GTK_BUTTON (self->custom_button), icon);
  gtk_widget_add_css_class (self->custom_button, "circular");
  gtk_widget_add_css_class (self->custom_button, "color-swatch");
  gtk_widget_set_tooltip_text (self->custom_button, _("Custom Colour…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Custom Colour…"), -1);
  g_signal_connect_object (self->custom_button, "clicked", G_CALLBACK (on_custom_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_flow_box_append (GTK_FLOW_BOX (self->flow), self->custom_button);
  gtk_widget_set_focusable (gtk_widget_get_parent (self->custom_button), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (self->custom_button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Custom Colour…"), -1);
  update (self);
}

GtkWidget *
outlay_color_palette_new (void)
{
  return g_object_new (OUTLAY_TYPE_COLOR_PALETTE, NULL);
}

/**
 * outlay_color_palette_get_color:
 *
 * Returns: (nullable): the colour chosen, as `#rrggbb`
 */
const char *
outlay_color_palette_get_color (OutlayColorPalette *self)
{
  g_return_val_if_fail (OUTLAY_IS_COLOR_PALETTE (self), NULL);

  return self->color;
}

/**
 * outlay_color_palette_set_color:
 * @color: a colour as `#rrggbb`: of the palette, or a custom one
 */
void
outlay_color_palette_set_color (OutlayColorPalette *self,
                                const char         *color)
{
  g_return_if_fail (OUTLAY_IS_COLOR_PALETTE (self));
  g_return_if_fail (color != NULL);

  take_color (self, color);
}

/**
 * outlay_color_palette_get_swatch:
 * @color: a colour of the palette
 *
 * Returns: (transfer none) (nullable): its toggle button
 */
GtkWidget *
outlay_color_palette_get_swatch (OutlayColorPalette *self,
                                 const char         *color)
{
  int index;

  g_return_val_if_fail (OUTLAY_IS_COLOR_PALETTE (self), NULL);

  index = find_in_palette (color);
  return index >= 0 ? self->swatches[index] : self->custom_swatch;
}

/**
 * outlay_color_palette_get_custom_button:
 *
 * Returns: (transfer none): the button that opens the colour chooser
 */
GtkWidget *
outlay_color_palette_get_custom_button (OutlayColorPalette *self)
{
  g_return_val_if_fail (OUTLAY_IS_COLOR_PALETTE (self), NULL);

  return self->custom_button;
}

/**
 * outlay_color_palette_get_chooser:
 *
 * Returns: (transfer none) (nullable): the colour chooser, while it is open
 */
GtkWindow *
outlay_color_palette_get_chooser (OutlayColorPalette *self)
{
  g_return_val_if_fail (OUTLAY_IS_COLOR_PALETTE (self), NULL);

  return GTK_WINDOW (self->chooser);
}
