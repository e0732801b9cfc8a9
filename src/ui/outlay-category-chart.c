/* outlay-category-chart.c
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

/* Spending by category as a ring: one arc per category in the category's
 * own colour, in the order given (largest first), with a title (the total)
 * and a subtitle in the middle. Hovering an arc tells its category, amount
 * and share; assistive technologies read the same as the description. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "outlay-category-chart.h"
#include "outlay-format.h"
#include "outlay-money.h"

/* How much a hovered arc grows outwards, kept free around the ring. */
#define HOVER_GROW 4.0
/* The gap between two arcs, in pixels along the ring. */
#define GAP 2.5

typedef struct
{
  char   *name;
  gint64  value;
  GdkRGBA color;
} Segment;

struct _OutlayCategoryChart
{
  OutlayChart parent_instance;

  GArray *segments; /* Segment */
  gint64  total;
  char   *currency;
  char   *title;
  char   *subtitle;
  char   *summary;
};

G_DEFINE_FINAL_TYPE (OutlayCategoryChart, outlay_category_chart, OUTLAY_TYPE_CHART)

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  g_clear_pointer (&segment->name, g_free);
}

static void
get_geometry (OutlayCategoryChart *self,
              double              *cx,
              double              *cy,
              double              *outer,
              double              *thickness)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  *cx = width / 2;
  *cy = height / 2;
  *outer = MAX (0, MIN (width, height) / 2 - HOVER_GROW);
  *thickness = MAX (10, *outer * 0.26);
}

/* The arcs run clockwise from twelve o'clock. */
static int
segment_at (OutlayCategoryChart *self,
            double               x,
            double               y)
{
  double cx, cy, outer, thickness, distance, angle, position;
  double start = 0;

  if (self->total <= 0)
    return -1;

  get_geometry (self, &cx, &cy, &outer, &thickness);
  distance = hypot (x - cx, y - cy);
  if (distance < outer - thickness || distance > outer + HOVER_GROW)
    return -1;

  angle = atan2 (y - cy, x - cx) + G_PI / 2;
  if (angle < 0)
    angle += 2 * G_PI;
  position = angle / (2 * G_PI);

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);
      double         share = (double) segment->value / (double) self->total;

      if (position >= start && position < start + share)
        return (int) i;
      start += share;
    }

  return -1;
}

static void
update_summary (OutlayCategoryChart *self)
{
  g_autoptr (GString) summary = g_string_new (NULL);

  for (guint i = 0; i < self->segments->len; i++)
    {
      g_autofree char *text = outlay_category_chart_dup_segment_text (self, i);

      if (i > 0)
        g_string_append (summary, "; ");
      g_string_append (summary, text);
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
draw_ring (OutlayCategoryChart *self,
           cairo_t             *cr,
           const GdkRGBA       *fg)
{
  double cx, cy, outer, thickness;
  double angle = -G_PI / 2;
  double gap;

  get_geometry (self, &cx, &cy, &outer, &thickness);
  if (outer <= thickness)
    return;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* The track, so an empty period still shows a ring. */
  cairo_set_line_width (cr, thickness);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.08);
  cairo_arc (cr, cx, cy, outer - thickness / 2, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (self->total <= 0)
    return;

  gap = self->segments->len > 1 ? GAP / (outer - thickness / 2) : 0;

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);
      double         sweep = 2 * G_PI * (double) segment->value / (double) self->total;
      double         grow = (int) i == outlay_chart_get_hovered (OUTLAY_CHART (self)) ? HOVER_GROW : 0;
      double         width = thickness + grow;

      if (sweep > gap)
        {
          cairo_set_line_width (cr, width);
          gdk_cairo_set_source_rgba (cr, &segment->color);
          cairo_arc (cr, cx, cy, outer + grow - width / 2,
                     angle + gap / 2, angle + sweep - gap / 2);
          cairo_stroke (cr);
        }

      angle += sweep;
    }
}

static void
draw_center (OutlayCategoryChart *self,
             GtkSnapshot         *snapshot,
             const GdkRGBA       *fg)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double     cx, cy, outer, thickness, room;
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) subtitle = NULL;
  PangoAttrList *attrs;
  GdkRGBA        dim = *fg;
  int            tw = 0, th = 0, sw = 0, sh = 0;
  float          scale = 1.f;

  get_geometry (self, &cx, &cy, &outer, &thickness);
  room = 2 * (outer - thickness) - 16;
  if (room <= 0 || (self->title == NULL && self->subtitle == NULL))
    return;

  title = gtk_widget_create_pango_layout (widget, self->title);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (1.2));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (title, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (title, &tw, &th);

  subtitle = gtk_widget_create_pango_layout (widget, self->subtitle);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.83));
  pango_layout_set_attributes (subtitle, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (subtitle, &sw, &sh);
  if (sw > room)
    {
      pango_layout_set_width (subtitle, (int) (room * PANGO_SCALE));
      pango_layout_set_ellipsize (subtitle, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (subtitle, &sw, &sh);
    }

  /* A long amount shrinks to fit inside the ring rather than cross it. */
  if (tw > room)
    scale = (float) (room / tw);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy - (th * scale + sh) / 2));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-tw / 2.f, 0));
  gtk_snapshot_append_layout (snapshot, title, fg);
  gtk_snapshot_restore (snapshot);

  dim.alpha *= 0.7f;
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-sw / 2.f, th * scale));
  gtk_snapshot_append_layout (snapshot, subtitle, &dim);
  gtk_snapshot_restore (snapshot);
}

static void
outlay_category_chart_measure (GtkWidget     *widget,
                               GtkOrientation orientation,
                               int            for_size,
                               int           *minimum,
                               int           *natural,
                               int           *minimum_baseline,
                               int           *natural_baseline)
{
  *minimum = 160;
  *natural = 220;
}

static void
outlay_category_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  OutlayCategoryChart *self = OUTLAY_CATEGORY_CHART (widget);
  float                width = gtk_widget_get_width (widget);
  float                height = gtk_widget_get_height (widget);
  GdkRGBA              fg;
  cairo_t             *cr;

  if (width <= 0 || height <= 0)
    return;

  /* gtk_widget_get_color() is GTK 4.10; on the 4.8 floor the style
   * context is how a widget reads its colour. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  /* GTK 4.8 has no paths in GtkSnapshot (GskPath is 4.14): arcs go
   * through cairo. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_ring (self, cr, &fg);
  cairo_destroy (cr);

  draw_center (self, snapshot, &fg);
}

static guint
outlay_category_chart_get_n_parts (OutlayChart *chart)
{
  return OUTLAY_CATEGORY_CHART (chart)->segments->len;
}

static int
outlay_category_chart_part_at (OutlayChart *chart,
                               double       x,
                               double       y)
{
  return segment_at (OUTLAY_CATEGORY_CHART (chart), x, y);
}

static char *
outlay_category_chart_dup_part_text (OutlayChart *chart,
                                     guint        index)
{
  return outlay_category_chart_dup_segment_text (OUTLAY_CATEGORY_CHART (chart), index);
}

static void
outlay_category_chart_finalize (GObject *object)
{
  OutlayCategoryChart *self = OUTLAY_CATEGORY_CHART (object);

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (outlay_category_chart_parent_class)->finalize (object);
}

static void
outlay_category_chart_class_init (OutlayCategoryChartClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass   *widget_class = GTK_WIDGET_CLASS (klass);
  OutlayChartClass *chart_class = OUTLAY_CHART_CLASS (klass);

  object_class->finalize = outlay_category_chart_finalize;

  widget_class->measure = outlay_category_chart_measure;
  widget_class->snapshot = outlay_category_chart_snapshot;

  chart_class->get_n_parts = outlay_category_chart_get_n_parts;
  chart_class->part_at = outlay_category_chart_part_at;
  chart_class->dup_part_text = outlay_category_chart_dup_part_text;

  gtk_widget_class_set_css_name (widget_class, "categorychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
outlay_category_chart_init (OutlayCategoryChart *self)
{
  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  g_array_set_clear_func (self->segments, segment_clear);
  self->currency = g_strdup ("EUR");
  self->summary = g_strdup ("");

  outlay_chart_set_label (OUTLAY_CHART (self), _("Spending by category"));
}

GtkWidget *
outlay_category_chart_new (void)
{
  return g_object_new (OUTLAY_TYPE_CATEGORY_CHART, NULL);
}

/**
 * outlay_category_chart_set_segments:
 * @segments: (array length=n_segments): the categories, in the order to
 *   draw them clockwise from the top
 * @currency: the ISO 4217 code the values are in
 */
void
outlay_category_chart_set_segments (OutlayCategoryChart      *self,
                                    const OutlayChartSegment *segments,
                                    guint                     n_segments,
                                    const char               *currency)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_CHART (self));
  g_return_if_fail (segments != NULL || n_segments == 0);
  g_return_if_fail (currency != NULL);

  g_array_set_size (self->segments, 0);
  self->total = 0;
  outlay_chart_reset_hovered (OUTLAY_CHART (self));

  for (guint i = 0; i < n_segments; i++)
    {
      Segment segment = { g_strdup (segments[i].name), MAX (0, segments[i].value), { 0 } };

      if (segments[i].color == NULL || !gdk_rgba_parse (&segment.color, segments[i].color))
        gdk_rgba_parse (&segment.color, "#77767b");

      self->total += segment.value;
      g_array_append_val (self->segments, segment);
    }

  g_free (self->currency);
  self->currency = g_strdup (currency);

  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * outlay_category_chart_set_center:
 * @title: (nullable): the big text in the middle of the ring
 * @subtitle: (nullable): the small text under it
 */
void
outlay_category_chart_set_center (OutlayCategoryChart *self,
                                  const char          *title,
                                  const char          *subtitle)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
outlay_category_chart_get_n_segments (OutlayCategoryChart *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_CHART (self), 0);

  return self->segments->len;
}

gint64
outlay_category_chart_get_value (OutlayCategoryChart *self,
                                 guint                index)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_CHART (self), 0);
  g_return_val_if_fail (index < self->segments->len, 0);

  return g_array_index (self->segments, Segment, index).value;
}

/**
 * outlay_category_chart_dup_percentage:
 *
 * The share of the segment at @index in the whole, rounded to a whole
 * percent; a share that rounds to 0% or 100% without being it says so
 * (“<1%”, “>99%”), so that no category that has spending reads as none.
 *
 * Returns: (transfer full): the share as text, such as “45%”
 */
char *
outlay_category_chart_dup_percentage (OutlayCategoryChart *self,
                                      guint                index)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_CHART (self), NULL);
  g_return_val_if_fail (index < self->segments->len, NULL);

  return outlay_format_percent (g_array_index (self->segments, Segment, index).value, self->total, TRUE);
}

/**
 * outlay_category_chart_dup_segment_text:
 *
 * Returns: (transfer full): what the tooltip of the arc at @index says,
 *   such as “Groceries: €120.00 (45%)”
 */
char *
outlay_category_chart_dup_segment_text (OutlayCategoryChart *self,
                                        guint                index)
{
  const Segment   *segment;
  g_autofree char *amount = NULL;
  g_autofree char *percentage = NULL;

  g_return_val_if_fail (OUTLAY_IS_CATEGORY_CHART (self), NULL);
  g_return_val_if_fail (index < self->segments->len, NULL);

  segment = &g_array_index (self->segments, Segment, index);
  amount = outlay_money_format (segment->value, self->currency);
  percentage = outlay_category_chart_dup_percentage (self, index);

  /* Translators: a category, what was spent in it and its share, e.g. "Groceries: €120.00 (45%)" */
  return g_strdup_printf (_("%s: %s (%s)"), segment->name, amount != NULL ? amount : "", percentage);
}

/**
 * outlay_category_chart_get_summary:
 *
 * Returns: the text equivalent of the chart that assistive technologies
 *   read: every category, its amount and its share
 */
const char *
outlay_category_chart_get_summary (OutlayCategoryChart *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_CHART (self), NULL);

  return self->summary;
}
