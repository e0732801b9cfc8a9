/* outlay-ring-drawing.c
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
 * own colour, clockwise from twelve o'clock in the order given, with a
 * title (the total) and a subtitle in the middle. The Dashboard's
 * OutlayCategoryChart draws it through gtk_snapshot_append_cairo() and the
 * report onto its pages: one drawing, so the two look alike. */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "outlay-ring-drawing.h"

/* The gap between two arcs, along the ring. */
#define GAP 2.5

static gint64
total_of (const OutlayRingSegment *segments,
          guint                    n_segments)
{
  gint64 total = 0;

  for (guint i = 0; i < n_segments; i++)
    total += MAX (0, segments[i].value);
  return total;
}

/**
 * outlay_ring_get_geometry:
 *
 * The ring that fits a @width × @height area, centred, with room for a
 * hovered arc to grow.
 */
void
outlay_ring_get_geometry (double              width,
                          double              height,
                          OutlayRingGeometry *geometry)
{
  g_return_if_fail (geometry != NULL);

  geometry->cx = width / 2;
  geometry->cy = height / 2;
  geometry->outer = MAX (0, MIN (width, height) / 2 - OUTLAY_RING_HOVER_GROW);
  geometry->thickness = MAX (10, geometry->outer * 0.26);
}

/**
 * outlay_ring_segment_at:
 *
 * Returns: the index of the arc under (@x, @y), or -1
 */
int
outlay_ring_segment_at (const OutlayRingGeometry *geometry,
                        const OutlayRingSegment  *segments,
                        guint                     n_segments,
                        double                    x,
                        double                    y)
{
  gint64 total = total_of (segments, n_segments);
  double distance, angle, position;
  double start = 0;

  if (total <= 0)
    return -1;

  distance = hypot (x - geometry->cx, y - geometry->cy);
  if (distance < geometry->outer - geometry->thickness || distance > geometry->outer + OUTLAY_RING_HOVER_GROW)
    return -1;

  angle = atan2 (y - geometry->cy, x - geometry->cx) + G_PI / 2;
  if (angle < 0)
    angle += 2 * G_PI;
  position = angle / (2 * G_PI);

  for (guint i = 0; i < n_segments; i++)
    {
      double share = (double) MAX (0, segments[i].value) / (double) total;

      if (position >= start && position < start + share)
        return (int) i;
      start += share;
    }

  return -1;
}

/**
 * outlay_ring_draw:
 * @hovered: the arc to draw larger, or -1
 * @fg: the text colour, whose faint tint is the track under the arcs
 */
void
outlay_ring_draw (cairo_t                  *cr,
                  const OutlayRingGeometry *geometry,
                  const OutlayRingSegment  *segments,
                  guint                     n_segments,
                  int                       hovered,
                  const OutlayColor        *fg)
{
  double outer = geometry->outer;
  double thickness = geometry->thickness;
  double angle = -G_PI / 2;
  gint64 total = total_of (segments, n_segments);
  double gap;

  if (outer <= thickness)
    return;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* The track, so an empty period still shows a ring. */
  cairo_set_line_width (cr, thickness);
  outlay_color_set_source (cr, fg, 0.08);
  cairo_new_path (cr);
  cairo_arc (cr, geometry->cx, geometry->cy, outer - thickness / 2, 0, 2 * G_PI);
  cairo_stroke (cr);

  gap = n_segments > 1 ? GAP / (outer - thickness / 2) : 0;

  for (guint i = 0; total > 0 && i < n_segments; i++)
    {
      double sweep = 2 * G_PI * (double) MAX (0, segments[i].value) / (double) total;
      double grow = (int) i == hovered ? OUTLAY_RING_HOVER_GROW : 0;
      double width = thickness + grow;

      if (sweep > gap)
        {
          cairo_set_line_width (cr, width);
          outlay_color_set_source (cr, &segments[i].color, 1.0);
          cairo_new_path (cr);
          cairo_arc (cr, geometry->cx, geometry->cy, outer + grow - width / 2,
                     angle + gap / 2, angle + sweep - gap / 2);
          cairo_stroke (cr);
        }

      angle += sweep;
    }

  cairo_restore (cr);
}

/**
 * outlay_ring_draw_center:
 * @context: what the text is laid out with: the widget's, or the report's
 * @title: (nullable): the big text in the middle, such as the total
 * @subtitle: (nullable): the small text under it
 */
void
outlay_ring_draw_center (cairo_t                  *cr,
                         PangoContext             *context,
                         const OutlayRingGeometry *geometry,
                         const char               *title,
                         const char               *subtitle,
                         const OutlayColor        *fg)
{
  double room = 2 * (geometry->outer - geometry->thickness) - 16;
  g_autoptr (PangoLayout) title_layout = NULL;
  g_autoptr (PangoLayout) subtitle_layout = NULL;
  PangoAttrList *attrs;
  int            tw = 0, th = 0, sw = 0, sh = 0;
  double         scale = 1;

  if (room <= 0 || (title == NULL && subtitle == NULL))
    return;

  title_layout = pango_layout_new (context);
  pango_layout_set_text (title_layout, title != NULL ? title : "", -1);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (1.2));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (title_layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (title_layout, &tw, &th);

  subtitle_layout = pango_layout_new (context);
  pango_layout_set_text (subtitle_layout, subtitle != NULL ? subtitle : "", -1);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.83));
  pango_layout_set_attributes (subtitle_layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (subtitle_layout, &sw, &sh);
  if (sw > room)
    {
      pango_layout_set_width (subtitle_layout, (int) (room * PANGO_SCALE));
      pango_layout_set_ellipsize (subtitle_layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (subtitle_layout, &sw, &sh);
    }

  /* A long amount shrinks to fit inside the ring rather than cross it. */
  if (tw > room)
    scale = room / tw;

  cairo_save (cr);
  cairo_translate (cr, geometry->cx, geometry->cy - (th * scale + sh) / 2);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  outlay_drawing_show_layout (cr, title_layout, -tw / 2.0, 0, fg, 1.0);
  cairo_restore (cr);
  outlay_drawing_show_layout (cr, subtitle_layout, -sw / 2.0, th * scale, fg, 0.7);
  cairo_restore (cr);
}
