/* outlay-charged-group.h
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

#define OUTLAY_TYPE_CHARGED_GROUP (outlay_charged_group_get_type ())

G_DECLARE_FINAL_TYPE (OutlayChargedGroup, outlay_charged_group, OUTLAY, CHARGED_GROUP, AdwPreferencesGroup)

void        outlay_charged_group_set_repository (OutlayChargedGroup *self,
                                                 OutlayRepository   *repository);
const char *outlay_charged_group_get_home (OutlayChargedGroup *self);
void        outlay_charged_group_set_home (OutlayChargedGroup *self,
                                           const char         *home);
void        outlay_charged_group_show_expense (OutlayChargedGroup *self,
                                               const char         *currency,
                                               gint64              amount,
                                               const char         *day);
void        outlay_charged_group_load (OutlayChargedGroup *self,
                                       gint64              charged);
gboolean    outlay_charged_group_read (OutlayChargedGroup *self,
                                       gboolean           *known,
                                       gint64             *charged);
const char *outlay_charged_group_get_text (OutlayChargedGroup *self);
void        outlay_charged_group_set_store_error (OutlayChargedGroup *self,
                                                  const char         *message);
gboolean    outlay_charged_group_focus_error (OutlayChargedGroup *self);
const char *outlay_charged_group_get_line (OutlayChargedGroup *self);

G_END_DECLS
