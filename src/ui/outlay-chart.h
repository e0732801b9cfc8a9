/* outlay-chart.h: what every chart of Outlay does besides drawing
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
 * * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OUTLAY_TYPE_CHART (outlay_chart_get_type ())

G_DECLARE_DERIVABLE_TYPE (OutlayChart, outlay_chart, OUTLAY, CHART, GtkWidget)

/**
 * OutlayChartClass:
 * @get_n_parts: how many parts (bars, arcs) the chart shows
 * @part_at: the part under a point, or -1
 * @dup_part_text: what a part says in its tooltip and to a screen reader
 * @get_keyboard_part: (optional): the part the tooltip tells from the
 *   keyboard before the arrows chose one, or -1; 0 by default
 * @get_part_area: (optional): the area of a part, for its tooltip
 *
 * A chart is made of parts. This class gives every chart the same
 * interaction: a tooltip for the part under the pointer or chosen with the
 * arrows (Home and End jump), the hovered part for the subclass to draw
 * larger or brighter, focus, and a screen reader name that follows the
 * part the arrows are on.
 */
struct _OutlayChartClass
{
  GtkWidgetClass parent_class;

  guint    (*get_n_parts)       (OutlayChart *self);
  int      (*part_at)           (OutlayChart *self,
                                 double       x,
                                 double       y);
  char    *(*dup_part_text)     (OutlayChart *self,
                                 guint        index);
  int      (*get_keyboard_part) (OutlayChart *self);
  gboolean (*get_part_area)     (OutlayChart  *self,
                                 guint         index,
                                 GdkRectangle *area);
};

int  outlay_chart_get_hovered (OutlayChart *self);
void outlay_chart_reset_hovered (OutlayChart *self);
void outlay_chart_set_label (OutlayChart *self,
                             const char  *label);

G_END_DECLS
