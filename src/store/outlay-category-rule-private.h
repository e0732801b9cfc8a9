/* outlay-category-rule-private.h
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

#include <sqlite3.h>

#include "outlay-category-rule.h"

G_BEGIN_DECLS

#define OUTLAY_CATEGORY_RULE_COLUMNS                                                                              \
  "id, uuid, position, field, match_type, patterns, amount_min, amount_max, currency, category_uuid, rename_to, " \
  "created_at, updated_at, deleted_at"

OutlayCategoryRule *outlay_category_rule_new_from_statement (sqlite3_stmt *stmt);
void                outlay_category_rule_set_identity (OutlayCategoryRule *self,
                                                       gint64              id,
                                                       const char         *uuid,
                                                       int                 position);
void                outlay_category_rule_set_timestamps (OutlayCategoryRule *self,
                                                         const char         *created_at,
                                                         const char         *updated_at,
                                                         const char         *deleted_at);
char               *outlay_category_rule_dup_patterns_text (OutlayCategoryRule *self);

G_END_DECLS
