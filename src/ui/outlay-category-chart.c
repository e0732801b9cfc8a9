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
 * and share; assistive technologies read the same as the description.
 *
 * The drawing itself is outlay_ring_draw() in src/report, which has no
 * GTK: the printed report draws the same ring, on paper and without a
 * display. This widget gives it its size, colours and Pango context. */

#include "config.h"

#include <glib/gi18n.h>
#include "outlay-category-chart.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-ring-drawing.h"

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
  GArray *parts;    /* OutlayRingSegment, what the ring draws of them */
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
              OutlayRingGeometry  *geometry)
{
  outlay_ring_get_geometry (gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)),
                            geometry);
}

static int
segment_at (OutlayCategoryChart *self,
            double               x,
            double               y)
{
  OutlayRingGeometry geometry;

  get_geometry (self, &geometry);
  return outlay_ring_segment_at (&geometry, (const OutlayRingSegment *) (gpointer) self->parts->data,
                                 self->parts->len, x, y);
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
  OutlayRingGeometry   geometry;
  GdkRGBA              rgba;
  OutlayColor          fg;
  cairo_t             *cr;

  if (width <= 0 || height <= 0)
    return;

  /* gtk_widget_get_color() is GTK 4.10; on the 4.8 floor the style
   * context is how a widget reads its colour. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &rgba);
  fg = (OutlayColor){ rgba.red, rgba.green, rgba.blue, rgba.alpha };

  /* The ring is drawn by the code the printed report uses (src/report),
   * on cairo; GTK 4.8 has no paths in GtkSnapshot (GskPath is 4.14). */
  get_geometry (self, &geometry);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  outlay_ring_draw (cr, &geometry, (const OutlayRingSegment *) (gpointer) self->parts->data, self->parts->len,
                    outlay_chart_get_hovered (OUTLAY_CHART (self)), &fg);
  outlay_ring_draw_center (cr, gtk_widget_get_pango_context (widget), &geometry, self->title, self->subtitle, &fg);
  cairo_destroy (cr);
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
  g_clear_pointer (&self->parts, g_array_unref);
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
  self->parts = g_array_new (FALSE, TRUE, sizeof (OutlayRingSegment));
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
  g_array_set_size (self->parts, 0);
  self->total = 0;
  outlay_chart_reset_hovered (OUTLAY_CHART (self));

  for (guint i = 0; i < n_segments; i++)
    {
      Segment           segment = { g_strdup (segments[i].name), MAX (0, segments[i].value), { 0 } };
      OutlayRingSegment part;

      if (segments[i].color == NULL || !gdk_rgba_parse (&segment.color, segments[i].color))
        gdk_rgba_parse (&segment.color, "#77767b");
      part.value = segment.value;
      part.color = (OutlayColor){ segment.color.red, segment.color.green, segment.color.blue, segment.color.alpha };

      self->total += segment.value;
      g_array_append_val (self->segments, segment);
      g_array_append_val (self->parts, part);
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
