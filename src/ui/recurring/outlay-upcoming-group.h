/* outlay-upcoming-group.h
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

/* The days ahead the group sums up. */
#define OUTLAY_UPCOMING_DAYS 30

#define OUTLAY_TYPE_UPCOMING_GROUP (outlay_upcoming_group_get_type ())

G_DECLARE_FINAL_TYPE (OutlayUpcomingGroup, outlay_upcoming_group, OUTLAY, UPCOMING_GROUP, GtkBox)

GtkWidget *outlay_upcoming_group_new (void);
void       outlay_upcoming_group_set_repository (OutlayUpcomingGroup *self,
                                                 OutlayRepository    *repository);
void       outlay_upcoming_group_refresh (OutlayUpcomingGroup *self,
                                          const GDate         *today);
char      *outlay_upcoming_group_speak (const OutlayPlannedExpense *planned,
                                        gboolean                    due,
                                        const GDate                *today);

G_END_DECLS
