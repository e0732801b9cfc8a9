/* outlay-category-icon.c
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

/* A category's badge: its symbolic icon on a disc of its colour, shaded
 * from lighter to darker. The icon is white, or near-black on light
 * colours (yellow), so that it keeps a 3:1 contrast with the disc. It
 * follows the category's changes of colour and icon. */

#include "config.h"

#include <math.h>

#include "outlay-category-icon.h"
#include "outlay-category-icons.h"

struct _OutlayCategoryIcon
{
  GtkWidget parent_instance;

  OutlayCategory *category;
  char           *icon_name; /* without a category: see outlay_category_icon_set_look() */
  char           *color_name;
  gboolean        plain; /* a look without an icon */
  GtkWidget      *image;
  GdkRGBA         color;
  int             size;
  gulong          notify_handler;
};

enum
{
  PROP_0,
  PROP_CATEGORY,
  PROP_SIZE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OutlayCategoryIcon, outlay_category_icon, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static double
channel_luminance (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/**
 * outlay_color_is_light:
 * @color: a colour as `#rrggbb`
 *
 * Returns: whether dark text or icons contrast better on @color than
 *   white ones do (WCAG relative luminance)
 */
gboolean
outlay_color_is_light (const char *color)
{
  GdkRGBA rgba;
  double  luminance;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return FALSE;

  luminance = 0.2126 * channel_luminance (rgba.red) +
              0.7152 * channel_luminance (rgba.green) +
              0.0722 * channel_luminance (rgba.blue);

  /* The luminance at which white and black give the same contrast. */
  return luminance > 0.179;
}

static void
update (OutlayCategoryIcon *self)
{
  const char *color = self->category != NULL ? outlay_category_get_color (self->category) : self->color_name;
  const char *icon = NULL;

  /* Drawn with a shipped icon rather than the theme's, also when the
   * ledger was made before the catalogue; none draws the "other" one. A
   * look without an icon is a plain disc: a colour to choose. */
  if (self->category != NULL)
    icon = outlay_category_icons_resolve (outlay_category_get_icon_name (self->category));
  else if (!self->plain)
    icon = outlay_category_icons_resolve (self->icon_name);

  if (color == NULL || !gdk_rgba_parse (&self->color, color))
    gdk_rgba_parse (&self->color, "#77767b");

  /* Rows rebind often while scrolling: only touch what changed, as a new
   * icon name means a new lookup and a new style means a restyle. */
  if (icon != NULL && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (self->image)), icon) != 0)
    gtk_image_set_from_icon_name (GTK_IMAGE (self->image), icon);
  gtk_widget_set_visible (self->image, icon != NULL);

  if (outlay_color_is_light (color))
    {
      if (!gtk_widget_has_css_class (self->image, "on-light"))
        {
          gtk_widget_add_css_class (self->image, "on-light");
          gtk_widget_remove_css_class (self->image, "on-dark");
        }
    }
  else if (!gtk_widget_has_css_class (self->image, "on-dark"))
    {
      gtk_widget_add_css_class (self->image, "on-dark");
      gtk_widget_remove_css_class (self->image, "on-light");
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_category_notify_cb (OutlayCategoryIcon *self)
{
  update (self);
}

static void
outlay_category_icon_measure (GtkWidget     *widget,
                              GtkOrientation orientation,
                              int            for_size,
                              int           *minimum,
                              int           *natural,
                              int           *minimum_baseline,
                              int           *natural_baseline)
{
  OutlayCategoryIcon *self = OUTLAY_CATEGORY_ICON (widget);

  *minimum = *natural = self->size;
}

static void
outlay_category_icon_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  OutlayCategoryIcon *self = OUTLAY_CATEGORY_ICON (widget);
  int                 icon = MAX (8, self->size / 2);

  gtk_widget_allocate (self->image, icon, icon, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((width - icon) / 2.f,
                                                                            (height - icon) / 2.f)));
}

/* The disc of @color within @bounds. */
static void
snapshot_disc (GtkSnapshot           *snapshot,
               const GdkRGBA         *color,
               const graphene_rect_t *bounds)
{
  float          d = bounds->size.width;
  GskRoundedRect disc;
  GdkRGBA        top = *color;
  GdkRGBA        bottom = *color;
  GskColorStop   stops[2];

  /* A light top edge and a darker bottom one give the disc some depth
   * without leaving the category's own hue. */
  top.red = MIN (1.0, top.red * 1.12 + 0.04);
  top.green = MIN (1.0, top.green * 1.12 + 0.04);
  top.blue = MIN (1.0, top.blue * 1.12 + 0.04);
  bottom.red *= 0.88;
  bottom.green *= 0.88;
  bottom.blue *= 0.88;
  stops[0] = (GskColorStop){ 0.0, top };
  stops[1] = (GskColorStop){ 1.0, bottom };

  gsk_rounded_rect_init_from_rect (&disc, bounds, d / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &disc);
  gtk_snapshot_append_linear_gradient (snapshot, bounds,
                                       &GRAPHENE_POINT_INIT (bounds->origin.x, bounds->origin.y),
                                       &GRAPHENE_POINT_INIT (bounds->origin.x, bounds->origin.y + d),
                                       stops, G_N_ELEMENTS (stops));
  gtk_snapshot_pop (snapshot);
}

static void
outlay_category_icon_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  OutlayCategoryIcon *self = OUTLAY_CATEGORY_ICON (widget);
  float               w = gtk_widget_get_width (widget);
  float               h = gtk_widget_get_height (widget);
  float               d = MIN (w, h);

  snapshot_disc (snapshot, &self->color, &GRAPHENE_RECT_INIT ((w - d) / 2, (h - d) / 2, d, d));
  gtk_widget_snapshot_child (widget, self->image, snapshot);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * outlay_category_icon_render_png:
 * @category: the category
 * @display: whose icon theme has Outlay's icons
 * @size: the diameter, in pixels
 *
 * The badge the window shows, as a PNG image: for places that show
 * pictures, not widgets (GNOME Shell's search results).
 *
 * Returns: (transfer full): the PNG file's bytes
 */
GBytes *
outlay_category_icon_render_png (OutlayCategory *category,
                                 GdkDisplay     *display,
                                 int             size)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GByteArray) png = g_byte_array_new ();
  const char      *color_name = outlay_category_get_color (category);
  const char      *icon_name = outlay_category_icons_resolve (outlay_category_get_icon_name (category));
  int              icon_size = MAX (8, size / 2);
  GdkRGBA          color;
  cairo_surface_t *surface;
  cairo_t         *cr;

  g_return_val_if_fail (OUTLAY_IS_CATEGORY (category), NULL);
  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (color_name == NULL || !gdk_rgba_parse (&color, color_name))
    gdk_rgba_parse (&color, "#77767b");
  snapshot_disc (snapshot, &color, &GRAPHENE_RECT_INIT (0, 0, size, size));
  if (icon_name != NULL)
    {
      g_autoptr (GtkIconPaintable) icon =
        gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (display), icon_name, NULL, icon_size, 1,
                                    GTK_TEXT_DIR_NONE, 0);
      /* As style.css colours it in the window. */
      GdkRGBA foreground = outlay_color_is_light (color_name) ? (GdkRGBA){ 0, 0, 0, 0.8 } : (GdkRGBA){ 1, 1, 1, 1 };
      GdkRGBA colors[4] = { foreground, foreground, foreground, foreground };

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((size - icon_size) / 2.f, (size - icon_size) / 2.f));
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, icon_size, icon_size,
                                                colors, G_N_ELEMENTS (colors));
      gtk_snapshot_restore (snapshot);
    }

  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static void
outlay_category_icon_dispose (GObject *object)
{
  OutlayCategoryIcon *self = OUTLAY_CATEGORY_ICON (object);

  outlay_category_icon_set_category (self, NULL);
  g_clear_pointer (&self->image, gtk_widget_unparent);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->color_name, g_free);

  G_OBJECT_CLASS (outlay_category_icon_parent_class)->dispose (object);
}

static void
outlay_category_icon_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OutlayCategoryIcon *self = OUTLAY_CATEGORY_ICON (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      g_value_set_object (value, self->category);
      break;

    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_category_icon_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OutlayCategoryIcon *self = OUTLAY_CATEGORY_ICON (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      outlay_category_icon_set_category (self, g_value_get_object (value));
      break;

    case PROP_SIZE:
      outlay_category_icon_set_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_category_icon_class_init (OutlayCategoryIconClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_category_icon_dispose;
  object_class->get_property = outlay_category_icon_get_property;
  object_class->set_property = outlay_category_icon_set_property;

  widget_class->measure = outlay_category_icon_measure;
  widget_class->size_allocate = outlay_category_icon_size_allocate;
  widget_class->snapshot = outlay_category_icon_snapshot;

  properties[PROP_CATEGORY] =
    g_param_spec_object ("category", NULL, NULL,
                         OUTLAY_TYPE_CATEGORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL,
                      16, 256, 36,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "categoryicon");
  /* Decorative: the row or label beside it names the category. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
outlay_category_icon_init (OutlayCategoryIcon *self)
{
  self->size = 36;
  self->image = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (self->image), 18);
  gtk_widget_set_parent (self->image, GTK_WIDGET (self));
  update (self);
}

GtkWidget *
outlay_category_icon_new (void)
{
  return g_object_new (OUTLAY_TYPE_CATEGORY_ICON, NULL);
}

OutlayCategory *
outlay_category_icon_get_category (OutlayCategoryIcon *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_ICON (self), NULL);

  return self->category;
}

void
outlay_category_icon_set_category (OutlayCategoryIcon *self,
                                   OutlayCategory     *category)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_ICON (self));
  g_return_if_fail (category == NULL || OUTLAY_IS_CATEGORY (category));

  if (self->category == category)
    return;

  if (self->category != NULL)
    g_clear_signal_handler (&self->notify_handler, self->category);
  g_set_object (&self->category, category);
  if (category != NULL)
    self->notify_handler = g_signal_connect_swapped (category, "notify",
                                                     G_CALLBACK (on_category_notify_cb), self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

/**
 * outlay_category_icon_set_size:
 * @size: the diameter of the disc, in logical pixels
 */
void
outlay_category_icon_set_size (OutlayCategoryIcon *self,
                               int                 size)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_ICON (self));

  if (self->size == size)
    return;

  self->size = size;
  gtk_image_set_pixel_size (GTK_IMAGE (self->image), MAX (8, size / 2));
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

/**
 * outlay_category_icon_set_look:
 * @icon_name: (nullable): a symbolic icon's name, or %NULL for none
 * @color: (nullable): a colour as `#rrggbb`
 *
 * What it shows while it has no category: a category being made or
 * changed, before it is saved.
 */
void
outlay_category_icon_set_look (OutlayCategoryIcon *self,
                               const char         *icon_name,
                               const char         *color)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_ICON (self));

  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
  self->plain = icon_name == NULL;
  g_free (self->color_name);
  self->color_name = g_strdup (color);
  update (self);
}
