/* outlay-test-desktop.h: GNOME Shell's notifications and the Background
 * portal, played by a test on a session bus of its own
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

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the notification server was told. */
typedef struct
{
  char     *what;         /* "add" or "remove" */
  char     *id;
  GVariant *notification; /* a{sv}, for "add" */
} OutlayTestNotification;

typedef struct _OutlayTestDesktop OutlayTestDesktop;

OutlayTestDesktop *outlay_test_desktop_up (void);
void               outlay_test_desktop_stop (OutlayTestDesktop *self);
GDBusConnection   *outlay_test_desktop_get_connection (OutlayTestDesktop *self);
GPtrArray         *outlay_test_desktop_get_told (OutlayTestDesktop *self);
const OutlayTestNotification *outlay_test_desktop_last_told (OutlayTestDesktop *self);
void               outlay_test_desktop_answer_background (OutlayTestDesktop *self,
                                                          gboolean           portal,
                                                          gboolean           allowed);
GVariant          *outlay_test_desktop_get_background_request (OutlayTestDesktop *self);
const char        *outlay_test_notification_get (const OutlayTestNotification *told,
                                                 const char                   *key);

G_END_DECLS
