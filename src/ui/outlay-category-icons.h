/* outlay-category-icons.h
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

#include <glib.h>

G_BEGIN_DECLS

/* The context of the keywords in the translations:
 * g_dpgettext2 (GETTEXT_PACKAGE, OUTLAY_CATEGORY_ICON_KEYWORDS_CONTEXT, icon->keywords). */
#define OUTLAY_CATEGORY_ICON_KEYWORDS_CONTEXT "category icon keywords"

/* One icon a category can be drawn with. @keywords are the English words
 * it is found by, separated by ';', the first naming the icon; they are
 * marked NC_(OUTLAY_CATEGORY_ICON_KEYWORDS_CONTEXT, …) for translation. */
typedef struct
{
  const char *icon_name;
  const char *keywords;
} OutlayCategoryIconInfo;

const OutlayCategoryIconInfo *outlay_category_icons_get (guint *n_icons);
const char                   *outlay_category_icons_resolve (const char *icon_name);
gboolean                      outlay_category_icon_info_matches (const OutlayCategoryIconInfo *icon,
                                                                 const char                   *search);
const char                   *outlay_category_icon_info_get_label (const OutlayCategoryIconInfo *icon);

G_END_DECLS
