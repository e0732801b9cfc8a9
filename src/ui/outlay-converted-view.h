/* outlay-converted-view.h: what a period comes to in one currency
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

#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_CONVERTED_VIEW (outlay_converted_view_get_type ())

G_DECLARE_FINAL_TYPE (OutlayConvertedView, outlay_converted_view, OUTLAY, CONVERTED_VIEW, GtkWidget)

GtkWidget  *outlay_converted_view_new (void);
void        outlay_converted_view_set_total (OutlayConvertedView        *self,
                                             const OutlayConvertedTotal *total);
const char *outlay_converted_view_get_title (OutlayConvertedView *self);
GPtrArray  *outlay_converted_view_dup_lines (OutlayConvertedView *self);
GtkWidget  *outlay_converted_view_get_expander (OutlayConvertedView *self);

GtkWidget  *outlay_missing_rate_new (const char *currency,
                                     guint       count);

char       *outlay_converted_describe_rates (const OutlayRateFound *found);

G_END_DECLS
