/* outlay-rules-page.h
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

#include <adwaita.h>

#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_RULES_PAGE (outlay_rules_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRulesPage, outlay_rules_page, OUTLAY, RULES_PAGE, AdwBin)

GtkWidget  *outlay_rules_page_new (OutlayRepository *repository);
GtkListBox *outlay_rules_page_get_list (OutlayRulesPage *self);
GtkWidget  *outlay_rules_page_get_editor (OutlayRulesPage *self);
GtkWidget  *outlay_rules_page_get_apply_dialog (OutlayRulesPage *self);
const char *outlay_rules_page_get_toast (OutlayRulesPage *self);

G_END_DECLS
