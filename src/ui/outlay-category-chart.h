/* outlay-category-chart.h
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

#include <gtk/gtk.h>

#include "outlay-chart.h"

G_BEGIN_DECLS

/* One slice of the ring. The strings are copied. */
typedef struct
{
  const char *name;
  gint64      value; /* minor units, >= 0 */
  const char *color; /* "#rrggbb" */
} OutlayChartSegment;

#define OUTLAY_TYPE_CATEGORY_CHART (outlay_category_chart_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCategoryChart, outlay_category_chart, OUTLAY, CATEGORY_CHART, OutlayChart)

GtkWidget  *outlay_category_chart_new (void);
void        outlay_category_chart_set_segments (OutlayCategoryChart      *self,
                                                const OutlayChartSegment *segments,
                                                guint                     n_segments,
                                                const char               *currency);
void        outlay_category_chart_set_center (OutlayCategoryChart *self,
                                              const char          *title,
                                              const char          *subtitle);
guint       outlay_category_chart_get_n_segments (OutlayCategoryChart *self);
gint64      outlay_category_chart_get_value (OutlayCategoryChart *self,
                                             guint                index);
char       *outlay_category_chart_dup_percentage (OutlayCategoryChart *self,
                                                  guint                index);
char       *outlay_category_chart_dup_segment_text (OutlayCategoryChart *self,
                                                    guint                index);
const char *outlay_category_chart_get_summary (OutlayCategoryChart *self);

G_END_DECLS
