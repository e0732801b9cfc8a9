/* outlay-waiting-bar.h
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

#include "outlay-database.h"

G_BEGIN_DECLS

/* How often a write that found another program writing is tried again. */
#define OUTLAY_WAITING_BAR_RETRY_MS 300

#define OUTLAY_TYPE_WAITING_BAR (outlay_waiting_bar_get_type ())

G_DECLARE_FINAL_TYPE (OutlayWaitingBar, outlay_waiting_bar, OUTLAY, WAITING_BAR, AdwBin)

GtkWidget *outlay_waiting_bar_new (void);
void       outlay_waiting_bar_start (OutlayWaitingBar *self,
                                     OutlayDatabase   *database,
                                     const char       *message);
void       outlay_waiting_bar_stop (OutlayWaitingBar *self);
gboolean   outlay_waiting_bar_get_waiting (OutlayWaitingBar *self);
void       outlay_waiting_bar_set_long_wait (OutlayWaitingBar *self,
                                             guint             seconds);

G_END_DECLS
