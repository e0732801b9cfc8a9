/* outlay-dashboard-page.h
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

#define OUTLAY_TYPE_DASHBOARD_PAGE (outlay_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayDashboardPage, outlay_dashboard_page, OUTLAY, DASHBOARD_PAGE, AdwBin)

GtkWidget        *outlay_dashboard_page_new (OutlayRepository *repository,
                                             const char       *currency);
OutlayRepository *outlay_dashboard_page_get_repository (OutlayDashboardPage *self);
const char       *outlay_dashboard_page_get_currency (OutlayDashboardPage *self);
void              outlay_dashboard_page_set_currency (OutlayDashboardPage *self,
                                                      const char          *currency);
const char       *outlay_dashboard_page_get_period (OutlayDashboardPage *self);
void              outlay_dashboard_page_set_period (OutlayDashboardPage *self,
                                                    const char          *period);
void              outlay_dashboard_page_refresh (OutlayDashboardPage *self);

GtkWidget           *outlay_dashboard_page_get_converted_view (OutlayDashboardPage *self);

G_END_DECLS
