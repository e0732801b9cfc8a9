/* outlay-reorder-row.h
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

G_BEGIN_DECLS

#define OUTLAY_TYPE_REORDER_ROW (outlay_reorder_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (OutlayReorderRow, outlay_reorder_row, OUTLAY, REORDER_ROW, GtkListBoxRow)

struct _OutlayReorderRowClass
{
  GtkListBoxRowClass parent_class;

  /* The prefix of the actions "move-up", "move-down" and "move-to". */
  const char *action_prefix;

  /* What the actions are given to name the item, or %NULL while it has none. */
  GVariant *(*dup_target) (OutlayReorderRow *self);
  /* Whether @dragged, another row with an item, may take this one's place. */
  gboolean (*accepts) (OutlayReorderRow *self,
                       OutlayReorderRow *dragged);
};

void       outlay_reorder_row_set_index (OutlayReorderRow *self,
                                         guint             index);
guint      outlay_reorder_row_get_index (OutlayReorderRow *self);
GtkWidget *outlay_reorder_row_get_box (OutlayReorderRow *self);
GtkWidget *outlay_reorder_row_get_icon (OutlayReorderRow *self);
GtkWidget *outlay_reorder_row_get_title (OutlayReorderRow *self);
GtkWidget *outlay_reorder_row_get_subtitle (OutlayReorderRow *self);
GtkWidget *outlay_reorder_row_get_menu_button (OutlayReorderRow *self);
void       outlay_reorder_row_append_item (OutlayReorderRow *self,
                                           GMenu            *menu,
                                           const char       *label,
                                           const char       *action);
GMenu     *outlay_reorder_row_new_moves (OutlayReorderRow *self,
                                         gboolean          last);
gboolean   outlay_reorder_row_set_menu_key (OutlayReorderRow *self,
                                            char             *key);
void       outlay_reorder_row_set_menu (OutlayReorderRow *self,
                                        GMenuModel       *menu,
                                        const char       *label);

G_END_DECLS
