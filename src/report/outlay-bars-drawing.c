/* outlay-bars-drawing.c
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

/* Spending by month as bars: one bar per month, one (the current month)
 * in the accent colour, the months' names below; for a budget's periods,
 * a line across each bar at what the period had, and the part of a bar
 * above it in the error colour. The Dashboard's OutlayTrendChart draws it
 * through gtk_snapshot_append_cairo() and the report onto its pages. */

#include "config.h"

#include <pango/pangocairo.h>

#include "outlay-bars-drawing.h"

#define BAR_MAX_WIDTH 40.0
#define LABEL_SPACING 6.0
#define TOP_PADDING 6.0
#define MIN_BAR_HEIGHT 3.0

/**
 * outlay_bars_get_geometry:
 * @context: what the labels are laid out with
 *
 * Where @n_bars bars go in a @width × @height area.
 */
void
outlay_bars_get_geometry (PangoContext       *context,
                          double              width,
                          double              height,
                          guint               n_bars,
                          OutlayBarsGeometry *geometry)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (context);
  int label_height;

  pango_layout_set_text (layout, "M", -1);
  pango_layout_get_pixel_size (layout, NULL, &label_height);

  geometry->slot = n_bars > 0 ? width / n_bars : width;
  geometry->bar_width = MIN (BAR_MAX_WIDTH, geometry->slot * 0.6);
  geometry->chart_height = MAX (0, height - label_height - LABEL_SPACING);
  geometry->label_height = label_height;
}

/**
 * outlay_bars_bar_at:
 *
 * Returns: the bar whose column holds (@x, @y), or -1
 */
int
outlay_bars_bar_at (const OutlayBarsGeometry *geometry,
                    guint                     n_bars,
                    double                    height,
                    double                    x,
                    double                    y)
{
  int index;

  if (n_bars == 0 || geometry->slot <= 0 || x < 0 || y < 0 || y > height)
    return -1;

  index = (int) (x / geometry->slot);
  if (index < 0 || index >= (int) n_bars)
    return -1;

  return index;
}

static double
scaled (gint64 value,
        gint64 max,
        double room)
{
  return (double) value / (double) max * room;
}

static void
draw_bar (cairo_t                  *cr,
          const OutlayBarsGeometry *geometry,
          const OutlayBarsChart    *chart,
          const OutlayBarsColors   *colors,
          guint                     i,
          gint64                    max)
{
  const OutlayPeriodTotal *bar = &chart->bars[i];
  double                   room = geometry->chart_height - 1 - TOP_PADDING;
  double                   x = geometry->slot * i + (geometry->slot - geometry->bar_width) / 2;
  double                   base = geometry->chart_height - 1;
  double                   h = 0;
  gint64                   limit = chart->limits != NULL ? chart->limits[i] : -1;

  if (max > 0 && bar->total > 0)
    h = MAX (MIN_BAR_HEIGHT, scaled (bar->total, max, room));

  if (h > 0)
    {
      double radius = MIN (geometry->bar_width / 2, MIN (6.0, h));

      cairo_save (cr);
      outlay_drawing_rounded_rect (cr, x, base - h, geometry->bar_width, h, radius, 0);
      cairo_clip (cr);
      /* The other months in the text colour, faded only so far that a bar
       * keeps a 3:1 contrast with the card (WCAG 1.4.11); the current
       * month in the accent colour. */
      if ((int) i == chart->highlight)
        outlay_color_set_source (cr, &colors->accent, 1.0);
      else
        outlay_color_set_source (cr, &colors->fg, 0.55);
      cairo_paint (cr);
      /* What a period spent beyond what it had, in the error colour. */
      if (chart->limits != NULL && bar->total > limit)
        {
          double lh = scaled (MAX (limit, 0), max, room);

          outlay_color_set_source (cr, &colors->error, 1.0);
          cairo_rectangle (cr, x, base - h, geometry->bar_width, MAX (0, h - lh));
          cairo_fill (cr);
        }
      cairo_restore (cr);
    }

  /* What the period had: a line across its slot, faded as far as a 3:1
   * contrast with the card allows. */
  if (chart->limits != NULL && max > 0 && limit > 0)
    {
      double ly = base - scaled (limit, max, room);
      double inset = (geometry->slot - geometry->bar_width) / 4;

      outlay_color_set_source (cr, &colors->fg, 0.7);
      cairo_rectangle (cr, geometry->slot * i + inset, ly - 1, geometry->slot - 2 * inset, 2);
      cairo_fill (cr);
    }
}

/**
 * outlay_bars_draw:
 * @context: what the labels are laid out with
 */
void
outlay_bars_draw (cairo_t                *cr,
                  PangoContext           *context,
                  double                  width,
                  double                  height,
                  const OutlayBarsChart  *chart,
                  const OutlayBarsColors *colors)
{
  OutlayBarsGeometry geometry;
  gint64             max = 0;
  gboolean           initials = FALSE;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);

  if (chart->n_bars == 0)
    return;

  outlay_bars_get_geometry (context, width, height, chart->n_bars, &geometry);

  for (guint i = 0; i < chart->n_bars; i++)
    {
      max = MAX (max, chart->bars[i].total);
      if (chart->limits != NULL)
        max = MAX (max, chart->limits[i]);
    }

  /* Short names when every one of them fits its slot. */
  for (guint i = 0; i < chart->n_bars; i++)
    {
      PangoLayout *layout = pango_layout_new (context);
      int          w;

      pango_layout_set_text (layout, chart->labels[i], -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      if (w > geometry.slot - 4)
        initials = TRUE;
      g_ptr_array_add (labels, layout);
    }
  if (initials)
    {
      for (guint i = 0; i < chart->n_bars; i++)
        pango_layout_set_text (g_ptr_array_index (labels, i), chart->initials[i], -1);
    }

  cairo_save (cr);

  /* Faint gridlines at a third, two thirds and the top of the scale, and
   * the baseline a little stronger. */
  outlay_color_set_source (cr, &colors->fg, 0.08);
  for (int i = 1; i <= 3; i++)
    cairo_rectangle (cr, 0, TOP_PADDING + (geometry.chart_height - TOP_PADDING) * (1 - i / 3.0), width, 1);
  cairo_fill (cr);
  outlay_color_set_source (cr, &colors->fg, 0.2);
  cairo_rectangle (cr, 0, geometry.chart_height - 1, width, 1);
  cairo_fill (cr);

  for (guint i = 0; i < chart->n_bars; i++)
    {
      PangoLayout *layout = g_ptr_array_index (labels, i);
      gboolean     highlighted = (int) i == chart->highlight;
      int          label_width;

      /* The bar under the pointer, or the one the arrows went to, gets a
       * column behind it. */
      if ((int) i == chart->hovered)
        {
          outlay_drawing_rounded_rect (cr, geometry.slot * i + 2, 0, geometry.slot - 4,
                                       geometry.chart_height + LABEL_SPACING + geometry.label_height, 6, 6);
          outlay_color_set_source (cr, &colors->fg, 0.08);
          cairo_fill (cr);
        }

      draw_bar (cr, &geometry, chart, colors, i, max);

      if (highlighted)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }

      pango_layout_get_pixel_size (layout, &label_width, NULL);
      outlay_drawing_show_layout (cr, layout, geometry.slot * i + (geometry.slot - label_width) / 2,
                                  geometry.chart_height + LABEL_SPACING, &colors->fg, highlighted ? 1.0 : 0.7);
    }

  cairo_restore (cr);
}
