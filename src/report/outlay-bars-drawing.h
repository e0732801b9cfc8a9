/* outlay-bars-drawing.h: the trend bars, drawn with cairo
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
#include "outlay-repository.h"

G_BEGIN_DECLS

typedef struct
{
  OutlayColor fg;     /* the text colour: the other bars, the grid, the labels */
  OutlayColor accent; /* the highlighted bar */
  OutlayColor error;  /* what a period spent beyond what it had */
} OutlayBarsColors;

/* What the bars show. @limits is %NULL for months, else one a bar. */
typedef struct
{
  const OutlayPeriodTotal *bars;
  const gint64            *limits;
  guint                    n_bars;
  const char *const       *labels;   /* under the bars: "Nov" */
  const char *const       *initials; /* when the labels do not fit: "N" */
  int                      highlight;
  int                      hovered;
} OutlayBarsChart;

typedef struct
{
  double slot;
  double bar_width;
  double chart_height; /* above the labels */
  double label_height;
} OutlayBarsGeometry;

void outlay_bars_get_geometry (PangoContext       *context,
                               double              width,
                               double              height,
                               guint               n_bars,
                               OutlayBarsGeometry *geometry);
int  outlay_bars_bar_at (const OutlayBarsGeometry *geometry,
                         guint                     n_bars,
                         double                    height,
                         double                    x,
                         double                    y);
void outlay_bars_draw (cairo_t                *cr,
                       PangoContext           *context,
                       double                  width,
                       double                  height,
                       const OutlayBarsChart  *chart,
                       const OutlayBarsColors *colors);

G_END_DECLS
