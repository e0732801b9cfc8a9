/* outlay-trend-chart.h
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

#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_TREND_CHART (outlay_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (OutlayTrendChart, outlay_trend_chart, OUTLAY, TREND_CHART, OutlayChart)

GtkWidget  *outlay_trend_chart_new (void);
void        outlay_trend_chart_set_months (OutlayTrendChart        *self,
                                           const OutlayPeriodTotal *months,
                                           guint                    n_months,
                                           const char              *currency,
                                           const char              *highlight);
guint       outlay_trend_chart_get_n_bars (OutlayTrendChart *self);
gint64      outlay_trend_chart_get_value (OutlayTrendChart *self,
                                          guint             index);
const char *outlay_trend_chart_get_month (OutlayTrendChart *self,
                                          guint             index);
int         outlay_trend_chart_get_highlight (OutlayTrendChart *self);
char       *outlay_trend_chart_dup_bar_text (OutlayTrendChart *self,
                                             guint             index);
const char *outlay_trend_chart_get_summary (OutlayTrendChart *self);
void        outlay_trend_chart_set_budget_periods (OutlayTrendChart         *self,
                                                   const OutlayBudgetPeriod *periods,
                                                   guint                     n_periods,
                                                   OutlayCycleUnit           unit,
                                                   const char               *currency);
gint64      outlay_trend_chart_get_limit (OutlayTrendChart *self,
                                          guint             index);

G_END_DECLS
