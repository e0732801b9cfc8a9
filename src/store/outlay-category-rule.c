/* outlay-category-rule.c
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

#include "config.h"

#include <string.h>

#include "outlay-category-rule-private.h"

/* A rule as a value: the repository reads, checks and writes it
 * (outlay-repository-rules.c); OutlayRuleSet (outlay-rule-set.c) matches
 * expenses against a list of them. */
struct _OutlayCategoryRule
{
  GObject parent_instance;

  gint64          id;
  char           *uuid;
  int             position;
  OutlayRuleField field;
  OutlayRuleMatch match;
  GStrv           patterns;
  char           *amount_min;
  char           *amount_max;
  char           *currency;
  char           *category_uuid;
  char           *rename_to;
  char           *created_at;
  char           *updated_at;
  char           *deleted_at;
};

G_DEFINE_FINAL_TYPE (OutlayCategoryRule, outlay_category_rule, G_TYPE_OBJECT)

static const char *const field_names[] = { "description", "note" };
static const char *const match_names[] = { "contains", "starts", "equals" };

const char *
outlay_rule_field_to_string (OutlayRuleField field)
{
  g_return_val_if_fail (field <= OUTLAY_RULE_FIELD_NOTE, NULL);

  return field_names[field];
}

gboolean
outlay_rule_field_from_string (const char      *text,
                               OutlayRuleField *field)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (field_names); i++)
    if (g_str_equal (text, field_names[i]))
      {
        *field = i;
        return TRUE;
      }

  return FALSE;
}

const char *
outlay_rule_match_to_string (OutlayRuleMatch match)
{
  g_return_val_if_fail (match <= OUTLAY_RULE_MATCH_EQUALS, NULL);

  return match_names[match];
}

gboolean
outlay_rule_match_from_string (const char      *text,
                               OutlayRuleMatch *match)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (match_names); i++)
    if (g_str_equal (text, match_names[i]))
      {
        *match = i;
        return TRUE;
      }

  return FALSE;
}

static void
outlay_category_rule_finalize (GObject *object)
{
  OutlayCategoryRule *self = OUTLAY_CATEGORY_RULE (object);

  g_free (self->uuid);
  g_strfreev (self->patterns);
  g_free (self->amount_min);
  g_free (self->amount_max);
  g_free (self->currency);
  g_free (self->category_uuid);
  g_free (self->rename_to);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->deleted_at);

  G_OBJECT_CLASS (outlay_category_rule_parent_class)->finalize (object);
}

static void
outlay_category_rule_class_init (OutlayCategoryRuleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_category_rule_finalize;
}

static void
outlay_category_rule_init (OutlayCategoryRule *self)
{
  self->patterns = g_new0 (char *, 1);
}

/**
 * outlay_category_rule_new:
 *
 * Returns: (transfer full): a draft that looks for nothing yet in the
 *   description, in any amount and currency, and keeps the description
 */
OutlayCategoryRule *
outlay_category_rule_new (void)
{
  return g_object_new (OUTLAY_TYPE_CATEGORY_RULE, NULL);
}

OutlayCategoryRule *
outlay_category_rule_copy (OutlayCategoryRule *self)
{
  OutlayCategoryRule *copy;

  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);

  copy = outlay_category_rule_new ();
  outlay_category_rule_set_identity (copy, self->id, self->uuid, self->position);
  copy->field = self->field;
  copy->match = self->match;
  outlay_category_rule_set_patterns (copy, (const char *const *) self->patterns);
  outlay_category_rule_set_amount_min (copy, self->amount_min);
  outlay_category_rule_set_amount_max (copy, self->amount_max);
  outlay_category_rule_set_currency (copy, self->currency);
  outlay_category_rule_set_category_uuid (copy, self->category_uuid);
  outlay_category_rule_set_rename_to (copy, self->rename_to);
  outlay_category_rule_set_timestamps (copy, self->created_at, self->updated_at, self->deleted_at);

  return copy;
}

gboolean
outlay_category_rule_equal (OutlayCategoryRule *a,
                            OutlayCategoryRule *b)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (a), FALSE);
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (b), FALSE);

  return a->id == b->id && g_strcmp0 (a->uuid, b->uuid) == 0 && a->position == b->position &&
         a->field == b->field && a->match == b->match &&
         g_strv_equal ((const char *const *) a->patterns, (const char *const *) b->patterns) &&
         g_strcmp0 (a->amount_min, b->amount_min) == 0 && g_strcmp0 (a->amount_max, b->amount_max) == 0 &&
         g_strcmp0 (a->currency, b->currency) == 0 && g_strcmp0 (a->category_uuid, b->category_uuid) == 0 &&
         g_strcmp0 (a->rename_to, b->rename_to) == 0 && g_strcmp0 (a->created_at, b->created_at) == 0 &&
         g_strcmp0 (a->updated_at, b->updated_at) == 0 && g_strcmp0 (a->deleted_at, b->deleted_at) == 0;
}

gint64
outlay_category_rule_get_id (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), 0);
  return self->id;
}

const char *
outlay_category_rule_get_uuid (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);
  return self->uuid;
}

int
outlay_category_rule_get_position (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), 0);
  return self->position;
}

OutlayRuleField
outlay_category_rule_get_field (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), OUTLAY_RULE_FIELD_DESCRIPTION);
  return self->field;
}

void
outlay_category_rule_set_field (OutlayCategoryRule *self,
                                OutlayRuleField     field)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_RULE (self));
  self->field = field;
}

OutlayRuleMatch
outlay_category_rule_get_match (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), OUTLAY_RULE_MATCH_CONTAINS);
  return self->match;
}

void
outlay_category_rule_set_match (OutlayCategoryRule *self,
                                OutlayRuleMatch     match)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_RULE (self));
  self->match = match;
}

const char *const *
outlay_category_rule_get_patterns (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);
  return (const char *const *) self->patterns;
}

/**
 * outlay_category_rule_set_patterns:
 * @patterns: (nullable) (array zero-terminated=1): what to look for; the
 *   repository stores them trimmed, the blank ones left out
 */
void
outlay_category_rule_set_patterns (OutlayCategoryRule *self,
                                   const char *const  *patterns)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_RULE (self));

  g_strfreev (self->patterns);
  self->patterns = patterns != NULL ? g_strdupv ((char **) patterns) : g_new0 (char *, 1);
}

const char *
outlay_category_rule_get_amount_min (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);
  return self->amount_min;
}

void
outlay_category_rule_set_amount_min (OutlayCategoryRule *self,
                                     const char         *amount)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_RULE (self));
  g_free (self->amount_min);
  self->amount_min = g_strdup (amount);
}

const char *
outlay_category_rule_get_amount_max (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);
  return self->amount_max;
}

void
outlay_category_rule_set_amount_max (OutlayCategoryRule *self,
                                     const char         *amount)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_RULE (self));
  g_free (self->amount_max);
  self->amount_max = g_strdup (amount);
}

const char *
outlay_category_rule_get_currency (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);
  return self->currency;
}

void
outlay_category_rule_set_currency (OutlayCategoryRule *self,
                                   const char         *currency)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_RULE (self));
  g_free (self->currency);
  self->currency = g_strdup (currency);
}

const char *
outlay_category_rule_get_category_uuid (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);
  return self->category_uuid;
}

void
outlay_category_rule_set_category_uuid (OutlayCategoryRule *self,
                                        const char         *category_uuid)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_RULE (self));
  g_free (self->category_uuid);
  self->category_uuid = g_strdup (category_uuid);
}

const char *
outlay_category_rule_get_rename_to (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);
  return self->rename_to;
}

void
outlay_category_rule_set_rename_to (OutlayCategoryRule *self,
                                    const char         *rename_to)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY_RULE (self));
  g_free (self->rename_to);
  self->rename_to = g_strdup (rename_to);
}

const char *
outlay_category_rule_get_created_at (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);
  return self->created_at;
}

const char *
outlay_category_rule_get_updated_at (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);
  return self->updated_at;
}

const char *
outlay_category_rule_get_deleted_at (OutlayCategoryRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (self), NULL);
  return self->deleted_at;
}

/* Amount bounds */

static const gint64 powers_of_ten[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

/**
 * outlay_rule_amount_parse:
 * @text: a bound as a rule keeps it: an optional "-", one to
 *   %OUTLAY_RULE_AMOUNT_MAX_DIGITS digits, and optionally "." and one to
 *   %OUTLAY_RULE_AMOUNT_MAX_DECIMALS digits ("50", "12.50", "-0.125")
 * @mantissa: (out) (optional): its digits as a whole number (1250)
 * @decimals: (out) (optional): how many of them follow the point (2)
 *
 * Returns: whether @text is such a bound; the outs are left alone if not
 */
gboolean
outlay_rule_amount_parse (const char *text,
                          gint64     *mantissa,
                          guint      *decimals)
{
  const char *p = text;
  gint64      value = 0;
  guint       n_digits = 0;
  guint       n_decimals = 0;
  gboolean    negative;

  if (text == NULL)
    return FALSE;

  negative = *p == '-';
  if (negative)
    p++;
  for (; g_ascii_isdigit (*p); p++, n_digits++)
    value = n_digits < OUTLAY_RULE_AMOUNT_MAX_DIGITS ? value * 10 + (*p - '0') : value;
  if (n_digits == 0 || n_digits > OUTLAY_RULE_AMOUNT_MAX_DIGITS)
    return FALSE;
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++, n_decimals++)
        value = n_decimals < OUTLAY_RULE_AMOUNT_MAX_DECIMALS ? value * 10 + (*p - '0') : value;
      if (n_decimals == 0 || n_decimals > OUTLAY_RULE_AMOUNT_MAX_DECIMALS)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  if (mantissa != NULL)
    *mantissa = negative ? -value : value;
  if (decimals != NULL)
    *decimals = n_decimals;
  return TRUE;
}

/**
 * outlay_rule_amount_compare:
 * @amount: an expense's amount, in minor units of its currency
 * @exponent: its currency's number of decimals (3 at most)
 * @mantissa: a bound, as outlay_rule_amount_parse() reads it
 * @decimals: its number of decimals
 *
 * Compares exactly, as whole numbers scaled to the larger number of
 * decimals: an amount of 5000 JPY is 5000.00, 1.250 BHD is 1.25.
 *
 * Returns: less than, equal to or more than 0 as @amount is less than,
 *   equal to or more than the bound
 */
int
outlay_rule_amount_compare (gint64 amount,
                            guint  exponent,
                            gint64 mantissa,
                            guint  decimals)
{
  guint  scale = MAX (exponent, decimals);
  gint64 a;
  gint64 b;

  g_return_val_if_fail (exponent <= 3 && decimals <= OUTLAY_RULE_AMOUNT_MAX_DECIMALS, 0);

  /* Nothing an expense may hold is cut off (OUTLAY_MONEY_MAX): then
   * neither product overflows. The amount is scaled by 10^6 at most; the
   * bound, of 18 digits at most, only by the currency's decimals beyond
   * its own, when it has at most 2 and so 14 digits. */
  amount = CLAMP (amount, -G_GINT64_CONSTANT (1000000000000), G_GINT64_CONSTANT (1000000000000));
  a = amount * powers_of_ten[scale - exponent];
  b = mantissa * powers_of_ten[scale - decimals];

  return (a > b) - (a < b);
}

/* Package-private */

void
outlay_category_rule_set_identity (OutlayCategoryRule *self,
                                   gint64              id,
                                   const char         *uuid,
                                   int                 position)
{
  self->id = id;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  self->position = position;
}

void
outlay_category_rule_set_timestamps (OutlayCategoryRule *self,
                                     const char         *created_at,
                                     const char         *updated_at,
                                     const char         *deleted_at)
{
  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  g_free (self->updated_at);
  self->updated_at = g_strdup (updated_at);
  g_free (self->deleted_at);
  self->deleted_at = g_strdup (deleted_at);
}

/* The patterns as the column keeps them: one a line. */
char *
outlay_category_rule_dup_patterns_text (OutlayCategoryRule *self)
{
  return g_strjoinv ("\n", self->patterns);
}

/* The columns of OUTLAY_CATEGORY_RULE_COLUMNS, in order. */
OutlayCategoryRule *
outlay_category_rule_new_from_statement (sqlite3_stmt *stmt)
{
  OutlayCategoryRule *self = outlay_category_rule_new ();
  const char         *patterns = (const char *) sqlite3_column_text (stmt, 5);

  outlay_category_rule_set_identity (self, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                                     sqlite3_column_int (stmt, 2));
  /* What a newer version may write and this one does not know: the
   * defaults. */
  if (!outlay_rule_field_from_string ((const char *) sqlite3_column_text (stmt, 3), &self->field))
    self->field = OUTLAY_RULE_FIELD_DESCRIPTION;
  if (!outlay_rule_match_from_string ((const char *) sqlite3_column_text (stmt, 4), &self->match))
    self->match = OUTLAY_RULE_MATCH_CONTAINS;
  g_strfreev (self->patterns);
  self->patterns = patterns != NULL && *patterns != '\0' ? g_strsplit (patterns, "\n", -1) : g_new0 (char *, 1);
  self->amount_min = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  self->amount_max = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  self->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  self->category_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  self->rename_to = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  outlay_category_rule_set_timestamps (self, (const char *) sqlite3_column_text (stmt, 11),
                                       (const char *) sqlite3_column_text (stmt, 12),
                                       (const char *) sqlite3_column_text (stmt, 13));

  return self;
}
