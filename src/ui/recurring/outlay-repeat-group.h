/* outlay-repeat-group.h
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

#include "outlay-recurrence.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_REPEAT_GROUP (outlay_repeat_group_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRepeatGroup, outlay_repeat_group, OUTLAY, REPEAT_GROUP, AdwPreferencesGroup)

GtkWidget          *outlay_repeat_group_new (void);
void                outlay_repeat_group_set_start (OutlayRepeatGroup *self,
                                                   const GDate       *start);
void                outlay_repeat_group_set_allow_never (OutlayRepeatGroup *self,
                                                         gboolean           allow_never);
gboolean            outlay_repeat_group_get_repeats (OutlayRepeatGroup *self);
gboolean            outlay_repeat_group_get_recurrence (OutlayRepeatGroup *self,
                                                        OutlayRecurrence  *recurrence);
void                outlay_repeat_group_set_recurrence (OutlayRepeatGroup      *self,
                                                        const OutlayRecurrence *recurrence,
                                                        OutlayRecurringMode     mode);
OutlayRecurringMode outlay_repeat_group_get_mode (OutlayRepeatGroup *self);
void                outlay_repeat_group_choose_custom (OutlayRepeatGroup *self);
void                outlay_repeat_group_show_expense (OutlayRepeatGroup *self,
                                                      OutlayRepository  *repository,
                                                      OutlayExpense     *expense);
OutlayExpense      *outlay_repeat_group_save (OutlayRepeatGroup *self,
                                              OutlayRepository  *repository,
                                              OutlayExpense     *draft,
                                              gboolean          *saved,
                                              GError           **error);
char               *outlay_repeat_group_describe_next (const OutlayRecurrence *recurrence,
                                                       const GDate            *today,
                                                       guint                   n);

G_END_DECLS
