/* outlay-rule-editor.h
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

#include "outlay-reader.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_RULE_EDITOR (outlay_rule_editor_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRuleEditor, outlay_rule_editor, OUTLAY, RULE_EDITOR, AdwWindow)

OutlayRuleEditor *outlay_rule_editor_new (GtkWindow          *parent,
                                          OutlayRepository   *repository,
                                          OutlayReader       *reader,
                                          OutlayCategoryRule *rule);
gboolean          outlay_rule_editor_save (OutlayRuleEditor *self);
const char       *outlay_rule_editor_get_error (OutlayRuleEditor *self);
GtkWidget        *outlay_rule_editor_get_row (OutlayRuleEditor *self,
                                              const char       *name);
void              outlay_rule_editor_add_pattern (OutlayRuleEditor *self,
                                                  const char       *text);
const char       *outlay_rule_editor_get_matches (OutlayRuleEditor *self);
gboolean          outlay_rule_editor_is_counting (OutlayRuleEditor *self);

G_END_DECLS
