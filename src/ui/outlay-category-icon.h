/* outlay-category-icon.h
 *
 * Copyright 2026 The Outlay authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "outlay-category.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_CATEGORY_ICON (outlay_category_icon_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCategoryIcon, outlay_category_icon, OUTLAY, CATEGORY_ICON, GtkWidget)

GtkWidget      *outlay_category_icon_new (void);
OutlayCategory *outlay_category_icon_get_category (OutlayCategoryIcon *self);
void            outlay_category_icon_set_category (OutlayCategoryIcon *self,
                                                   OutlayCategory     *category);
void            outlay_category_icon_set_size (OutlayCategoryIcon *self,
                                               int                 size);
gboolean        outlay_color_is_light (const char *color);

G_END_DECLS
