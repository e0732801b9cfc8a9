/* outlay-rule-set.h: rules compiled to file many expenses
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

#include <glib-object.h>

#include "outlay-category-rule.h"

G_BEGIN_DECLS

typedef struct _OutlayRuleSet OutlayRuleSet;

#define OUTLAY_TYPE_RULE_SET (outlay_rule_set_get_type ())

GType               outlay_rule_set_get_type (void) G_GNUC_CONST;
OutlayRuleSet      *outlay_rule_set_new (GPtrArray *rules);
OutlayRuleSet      *outlay_rule_set_ref (OutlayRuleSet *set);
void                outlay_rule_set_unref (OutlayRuleSet *set);
guint               outlay_rule_set_get_n_rules (OutlayRuleSet *set);
OutlayCategoryRule *outlay_rule_set_get_rule (OutlayRuleSet *set,
                                              guint          index);
gboolean            outlay_rule_set_uses_note (OutlayRuleSet *set);
int                 outlay_rule_set_match_index (OutlayRuleSet *set,
                                                 const char    *description,
                                                 const char    *note,
                                                 gint64         amount,
                                                 const char    *currency);
OutlayCategoryRule *outlay_rule_set_match (OutlayRuleSet *set,
                                           const char    *description,
                                           const char    *note,
                                           gint64         amount,
                                           const char    *currency);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayRuleSet, outlay_rule_set_unref)

G_END_DECLS
