/* outlay-category-legend.h
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

/* The rows of the Dashboard's spending by category: a category at the top
 * with its total, opening into the categories under it. Fills a
 * GtkListBox that the Dashboard's template holds. */
typedef struct _OutlayCategoryLegend OutlayCategoryLegend;

OutlayCategoryLegend *outlay_category_legend_new (GtkListBox *list);
void                  outlay_category_legend_free (OutlayCategoryLegend *self);
void                  outlay_category_legend_update (OutlayCategoryLegend *self,
                                                     OutlayRepository     *repository,
                                                     GArray               *totals,
                                                     const char           *currency);
gint64                outlay_category_legend_get_category (OutlayCategoryLegend *self,
                                                           GtkListBoxRow        *row,
                                                           gboolean             *own);
void                  outlay_category_legend_set_expanded (OutlayCategoryLegend *self,
                                                           gint64                category_id,
                                                           gboolean              expanded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayCategoryLegend, outlay_category_legend_free)

G_END_DECLS
