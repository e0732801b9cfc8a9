/* outlay-recurring-window.h
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
#include "outlay-window.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_RECURRING_WINDOW (outlay_recurring_window_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRecurringWindow, outlay_recurring_window, OUTLAY, RECURRING_WINDOW, AdwWindow)

OutlayRecurringWindow *outlay_recurring_window_new (GtkWindow        *parent,
                                                    OutlayRepository *repository);
void                   outlay_recurring_window_set_today (OutlayRecurringWindow *self,
                                                          const GDate           *today);
void                   outlay_recurring_window_take_today (OutlayRecurringWindow *self);
GtkWidget             *outlay_recurring_window_get_row (OutlayRecurringWindow *self,
                                                        const char            *description);
char                 **outlay_recurring_window_dup_descriptions (OutlayRecurringWindow *self);
const char            *outlay_recurring_window_get_summary (OutlayRecurringWindow *self);
const char            *outlay_recurring_window_get_page (OutlayRecurringWindow *self);
GtkWindow             *outlay_recurring_window_get_question (OutlayRecurringWindow *self);
void                   outlay_recurring_window_push_undo (OutlayRecurringWindow *self,
                                                          const char            *title,
                                                          OutlayUndoFunc         take_back,
                                                          gpointer               data,
                                                          GDestroyNotify         destroy_data);

void outlay_recurring_offer_undo (GtkWidget     *widget,
                                  const char    *title,
                                  const char    *undone,
                                  OutlayUndoFunc take_back,
                                  gpointer       data,
                                  GDestroyNotify destroy_data);

G_END_DECLS
