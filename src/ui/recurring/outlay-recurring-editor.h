/* outlay-recurring-editor.h
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

#define OUTLAY_TYPE_RECURRING_EDITOR (outlay_recurring_editor_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRecurringEditor, outlay_recurring_editor, OUTLAY, RECURRING_EDITOR, AdwWindow)

OutlayRecurringEditor *outlay_recurring_editor_new (GtkWindow           *parent,
                                                    OutlayRepository    *repository,
                                                    OutlayRecurringRule *rule,
                                                    const char          *currency);
gboolean               outlay_recurring_editor_save (OutlayRecurringEditor *self);

G_END_DECLS
