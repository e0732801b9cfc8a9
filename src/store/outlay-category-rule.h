/* outlay-category-rule.h: a rule that files expenses
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

G_BEGIN_DECLS

/* Where a rule looks. */
typedef enum
{
  OUTLAY_RULE_FIELD_DESCRIPTION,
  OUTLAY_RULE_FIELD_NOTE,
} OutlayRuleField;

/* How a pattern must meet the text it looks in (both folded, see
 * outlay_text_fold()). */
typedef enum
{
  OUTLAY_RULE_MATCH_CONTAINS,
  OUTLAY_RULE_MATCH_STARTS,
  OUTLAY_RULE_MATCH_EQUALS,
} OutlayRuleMatch;

const char *outlay_rule_field_to_string (OutlayRuleField field);
gboolean    outlay_rule_field_from_string (const char      *text,
                                           OutlayRuleField *field);
const char *outlay_rule_match_to_string (OutlayRuleMatch match);
gboolean    outlay_rule_match_from_string (const char      *text,
                                           OutlayRuleMatch *match);

#define OUTLAY_TYPE_CATEGORY_RULE (outlay_category_rule_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCategoryRule, outlay_category_rule, OUTLAY, CATEGORY_RULE, GObject)

OutlayCategoryRule *outlay_category_rule_new (void);
OutlayCategoryRule *outlay_category_rule_copy (OutlayCategoryRule *self);
gboolean            outlay_category_rule_equal (OutlayCategoryRule *a,
                                                OutlayCategoryRule *b);

gint64      outlay_category_rule_get_id (OutlayCategoryRule *self);
const char *outlay_category_rule_get_uuid (OutlayCategoryRule *self);
/* Among the rules: the first that matches, by position, wins. */
int             outlay_category_rule_get_position (OutlayCategoryRule *self);
OutlayRuleField outlay_category_rule_get_field (OutlayCategoryRule *self);
void            outlay_category_rule_set_field (OutlayCategoryRule *self,
                                                OutlayRuleField     field);
OutlayRuleMatch outlay_category_rule_get_match (OutlayCategoryRule *self);
void            outlay_category_rule_set_match (OutlayCategoryRule *self,
                                                OutlayRuleMatch     match);
/* Any one of them matching is enough. */
const char *const *outlay_category_rule_get_patterns (OutlayCategoryRule *self);
void               outlay_category_rule_set_patterns (OutlayCategoryRule *self,
                                                      const char *const  *patterns);
/* Decimal texts ("50.00"), inclusive, in the expense's own currency;
 * NULL: no bound. */
const char *outlay_category_rule_get_amount_min (OutlayCategoryRule *self);
void        outlay_category_rule_set_amount_min (OutlayCategoryRule *self,
                                                 const char         *amount);
const char *outlay_category_rule_get_amount_max (OutlayCategoryRule *self);
void        outlay_category_rule_set_amount_max (OutlayCategoryRule *self,
                                                 const char         *amount);
/* NULL: any currency */
const char *outlay_category_rule_get_currency (OutlayCategoryRule *self);
void        outlay_category_rule_set_currency (OutlayCategoryRule *self,
                                               const char         *currency);
const char *outlay_category_rule_get_category_uuid (OutlayCategoryRule *self);
void        outlay_category_rule_set_category_uuid (OutlayCategoryRule *self,
                                                    const char         *category_uuid);
/* The description a matching expense gets; NULL keeps its own. */
const char *outlay_category_rule_get_rename_to (OutlayCategoryRule *self);
void        outlay_category_rule_set_rename_to (OutlayCategoryRule *self,
                                                const char         *rename_to);
const char *outlay_category_rule_get_created_at (OutlayCategoryRule *self);
const char *outlay_category_rule_get_updated_at (OutlayCategoryRule *self);
const char *outlay_category_rule_get_deleted_at (OutlayCategoryRule *self);

/* The most decimals an amount bound may have, and the most digits before
 * its decimal point: any bound compares exactly with any amount. */
#define OUTLAY_RULE_AMOUNT_MAX_DECIMALS 6
#define OUTLAY_RULE_AMOUNT_MAX_DIGITS 12

gboolean outlay_rule_amount_parse (const char *text,
                                   gint64     *mantissa,
                                   guint      *decimals);
int      outlay_rule_amount_compare (gint64 amount,
                                     guint  exponent,
                                     gint64 mantissa,
                                     guint  decimals);

G_END_DECLS
