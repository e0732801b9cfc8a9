/* outlay-ring-drawing.h: the category ring, drawn with cairo
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

#include "outlay-drawing.h"

G_BEGIN_DECLS

/* How much a hovered arc grows outwards, kept free around the ring. */
#define OUTLAY_RING_HOVER_GROW 4.0

typedef struct
{
  gint64      value; /* minor units, >= 0 */
  OutlayColor color;
} OutlayRingSegment;

typedef struct
{
  double cx;
  double cy;
  double outer;
  double thickness;
} OutlayRingGeometry;

void outlay_ring_get_geometry (double              width,
                               double              height,
                               OutlayRingGeometry *geometry);
int  outlay_ring_segment_at (const OutlayRingGeometry *geometry,
                             const OutlayRingSegment  *segments,
                             guint                     n_segments,
                             double                    x,
                             double                    y);
void outlay_ring_draw (cairo_t                  *cr,
                       const OutlayRingGeometry *geometry,
                       const OutlayRingSegment  *segments,
                       guint                     n_segments,
                       int                       hovered,
                       const OutlayColor        *fg);
void outlay_ring_draw_center (cairo_t                  *cr,
                              PangoContext             *context,
                              const OutlayRingGeometry *geometry,
                              const char               *title,
                              const char               *subtitle,
                              const OutlayColor        *fg);

G_END_DECLS
