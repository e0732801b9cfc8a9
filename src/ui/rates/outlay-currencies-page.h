/* outlay-currencies-page.h: Preferences › Currencies
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

#define OUTLAY_TYPE_CURRENCIES_PAGE (outlay_currencies_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCurrenciesPage, outlay_currencies_page, OUTLAY, CURRENCIES_PAGE, AdwPreferencesPage)

GtkWidget  *outlay_currencies_page_new (OutlayRepository *repository,
                                        const char       *home);
void        outlay_currencies_page_set_home (OutlayCurrenciesPage *self,
                                             const char           *home);
GtkWidget  *outlay_currencies_page_add_rate (OutlayCurrenciesPage *self);
void        outlay_currencies_page_import_file (OutlayCurrenciesPage *self,
                                                GFile                *file);
gboolean    outlay_currencies_page_get_importing (OutlayCurrenciesPage *self);
const char *outlay_currencies_page_get_summary (OutlayCurrenciesPage *self);
void        outlay_currencies_page_undo (OutlayCurrenciesPage *self);

G_END_DECLS
