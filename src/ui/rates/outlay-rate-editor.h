/* outlay-rate-editor.h: one exchange rate, new or changed
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

#define OUTLAY_TYPE_RATE_EDITOR (outlay_rate_editor_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRateEditor, outlay_rate_editor, OUTLAY, RATE_EDITOR, AdwWindow)

GtkWidget *outlay_rate_editor_new (GtkWindow          *parent,
                                   OutlayRepository   *repository,
                                   const char         *home,
                                   OutlayExchangeRate *rate);

void        outlay_rate_editor_set_currency (OutlayRateEditor *self,
                                             const char       *code);
const char *outlay_rate_editor_get_currency (OutlayRateEditor *self);
void        outlay_rate_editor_set_rate_text (OutlayRateEditor *self,
                                              const char       *text);
const char *outlay_rate_editor_get_error (OutlayRateEditor *self);
gboolean    outlay_rate_editor_save (OutlayRateEditor *self);

G_END_DECLS
