/* outlay-drawing.c
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

/* What the charts and the report draw with, on cairo alone: the window
 * draws its charts through gtk_snapshot_append_cairo() and the report
 * onto a PDF surface, so that both look the same. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "outlay-drawing.h"

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

/**
 * outlay_color_parse:
 * @text: "#rrggbb" or "#rgb", as categories store their colours
 *
 * Returns: whether @text was a colour; @color is left alone if not
 */
gboolean
outlay_color_parse (const char  *text,
                    OutlayColor *color)
{
  int    digits[6];
  gsize  len;

  g_return_val_if_fail (color != NULL, FALSE);

  if (text == NULL || text[0] != '#')
    return FALSE;
  len = strlen (text + 1);
  if (len != 3 && len != 6)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((digits[i] = hex_digit (text[1 + i])) < 0)
      return FALSE;

  if (len == 3)
    {
      color->red = digits[0] * 17 / 255.f;
      color->green = digits[1] * 17 / 255.f;
      color->blue = digits[2] * 17 / 255.f;
    }
  else
    {
      color->red = (digits[0] * 16 + digits[1]) / 255.f;
      color->green = (digits[2] * 16 + digits[3]) / 255.f;
      color->blue = (digits[4] * 16 + digits[5]) / 255.f;
    }
  color->alpha = 1.f;

  return TRUE;
}

/* @alpha fades the colour further, as the widgets fade their text colour. */
void
outlay_color_set_source (cairo_t           *cr,
                         const OutlayColor *color,
                         double             alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* A rectangle whose top and bottom corners may be rounded differently, as
 * a bar stands on its baseline with round shoulders. */
void
outlay_drawing_rounded_rect (cairo_t *cr,
                             double   x,
                             double   y,
                             double   width,
                             double   height,
                             double   top_radius,
                             double   bottom_radius)
{
  double top = MIN (top_radius, MIN (width, height) / 2);
  double bottom = MIN (bottom_radius, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  if (top > 0)
    {
      cairo_arc (cr, x + width - top, y + top, top, -G_PI / 2, 0);
    }
  else
    cairo_move_to (cr, x + width, y);
  if (bottom > 0)
    {
      cairo_arc (cr, x + width - bottom, y + height - bottom, bottom, 0, G_PI / 2);
      cairo_arc (cr, x + bottom, y + height - bottom, bottom, G_PI / 2, G_PI);
    }
  else
    {
      cairo_line_to (cr, x + width, y + height);
      cairo_line_to (cr, x, y + height);
    }
  if (top > 0)
    cairo_arc (cr, x + top, y + top, top, G_PI, 3 * G_PI / 2);
  else
    cairo_line_to (cr, x, y);
  cairo_close_path (cr);
}

void
outlay_drawing_show_layout (cairo_t           *cr,
                            PangoLayout       *layout,
                            double             x,
                            double             y,
                            const OutlayColor *color,
                            double             alpha)
{
  cairo_save (cr);
  cairo_move_to (cr, x, y);
  outlay_color_set_source (cr, color, alpha);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
