/* outlay-category-row.h
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

#include "outlay-category.h"
#include "outlay-reorder-row.h"

G_BEGIN_DECLS

/* Where a row's category stands, which the category alone does not say. */
typedef struct
{
  gint64      parent_id;   /* 0 at the top */
  const char *parent_name; /* %NULL at the top */
  gboolean    parent_hidden;
  gboolean    counted; /* whether n_expenses is known yet */
  guint       n_expenses;
  guint       index; /* among the categories under the same one */
  gboolean    last;
  gboolean    fallback; /* takes the expenses of deleted ones: stays */
} OutlayCategoryRowInfo;

#define OUTLAY_TYPE_CATEGORY_ROW (outlay_category_row_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCategoryRow, outlay_category_row, OUTLAY, CATEGORY_ROW, OutlayReorderRow)

GtkWidget      *outlay_category_row_new (void);
void            outlay_category_row_set_category (OutlayCategoryRow           *self,
                                                  OutlayCategory              *category,
                                                  const OutlayCategoryRowInfo *info);
OutlayCategory *outlay_category_row_get_category (OutlayCategoryRow *self);
const char     *outlay_category_row_get_subtitle (OutlayCategoryRow *self);
GtkWidget      *outlay_category_row_get_menu_button (OutlayCategoryRow *self);

G_END_DECLS
