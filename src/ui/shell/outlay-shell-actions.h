/* outlay-shell-actions.h: what the desktop asks of Outlay
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

void            outlay_shell_actions_install (OutlayApplication *app);
OutlayCategory *outlay_shell_quick_add_category (OutlayApplication *app,
                                                 const char        *description,
                                                 gint64             amount,
                                                 const char        *currency);
OutlayExpense  *outlay_shell_quick_add (OutlayApplication *app,
                                        gint64             amount,
                                        const char        *currency,
                                        const char        *description,
                                        GError           **error);
void            outlay_shell_show_expense (OutlayApplication *app,
                                           const char        *uuid,
                                           guint32            timestamp);
void            outlay_shell_search (OutlayApplication *app,
                                     const char        *text,
                                     guint32            timestamp);

G_END_DECLS
