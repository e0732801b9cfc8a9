/* outlay-reminders.h: notifications while the window is closed
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

#include "outlay-application.h"

G_BEGIN_DECLS

/* What the desktop said of running in the background. */
typedef enum
{
  OUTLAY_BACKGROUND_NOT_ASKED,
  OUTLAY_BACKGROUND_ASKING,
  OUTLAY_BACKGROUND_ALLOWED,
  OUTLAY_BACKGROUND_DENIED,
  OUTLAY_BACKGROUND_UNAVAILABLE, /* no Background portal */
} OutlayBackgroundStatus;

#define OUTLAY_TYPE_REMINDERS (outlay_reminders_get_type ())

G_DECLARE_FINAL_TYPE (OutlayReminders, outlay_reminders, OUTLAY, REMINDERS, GObject)

OutlayReminders       *outlay_reminders_new (OutlayApplication *app);
void                   outlay_reminders_start (OutlayReminders *self);
void                   outlay_reminders_check (OutlayReminders *self,
                                               GDateTime       *now);
void                   outlay_reminders_request_background (OutlayReminders *self);
OutlayBackgroundStatus outlay_reminders_get_background_status (OutlayReminders *self);
gboolean               outlay_reminders_is_holding (OutlayReminders *self);

G_END_DECLS
