/* outlay-drawing.h: colours and text for the charts and the report
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

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* A colour as GdkRGBA holds it (the report has no GDK). */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} OutlayColor;

/* For a static colour: OUTLAY_COLOR_INIT (0x35, 0x84, 0xe4) */
#define OUTLAY_COLOR_INIT(r, g, b) { (r) / 255.f, (g) / 255.f, (b) / 255.f, 1.f }

gboolean outlay_color_parse (const char  *text,
                             OutlayColor *color);
void     outlay_color_set_source (cairo_t           *cr,
                                  const OutlayColor *color,
                                  double             alpha);

void outlay_drawing_rounded_rect (cairo_t *cr,
                                  double   x,
                                  double   y,
                                  double   width,
                                  double   height,
                                  double   top_radius,
                                  double   bottom_radius);
void outlay_drawing_show_layout (cairo_t           *cr,
                                 PangoLayout       *layout,
                                 double             x,
                                 double             y,
                                 const OutlayColor *color,
                                 double             alpha);

G_END_DECLS
