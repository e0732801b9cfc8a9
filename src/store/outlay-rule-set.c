/* outlay-rule-set.c: rules compiled to file many expenses
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

/* A list of rules made ready to be asked a million times: the patterns
 * folded once (outlay_text_fold()), the amount bounds read once, the rules
 * in their order. Asking folds the expense's description once, and its
 * note only when a rule looks there and gets that far; the cheap tests
 * (currency, amount) come before the text. Nothing changes after
 * outlay_rule_set_new(), so that workers may ask at the same time. */

#include "config.h"

#include <string.h>

#include "outlay-currency.h"
#include "outlay-rule-set.h"
#include "outlay-text-fold.h"

/* Descriptions and most notes fold into this much stack. */
#define FOLD_BUFFER_SIZE 512

typedef struct
{
  gboolean set;
  gint64   mantissa;
  guint    decimals;
} Bound;

typedef struct
{
  OutlayCategoryRule *rule; /* a copy of the one given */
  OutlayRuleField     field;
  OutlayRuleMatch     match;
  GStrv               patterns; /* folded, none empty */
  char               *currency; /* NULL: any */
  Bound               min;
  Bound               max;
} Compiled;

struct _OutlayRuleSet
{
  gatomicrefcount ref_count;
  Compiled       *rules;
  guint           n_rules;
  gboolean        uses_note;
};

G_DEFINE_BOXED_TYPE (OutlayRuleSet, outlay_rule_set, outlay_rule_set_ref, outlay_rule_set_unref)

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  OutlayCategoryRule *x = *(OutlayCategoryRule *const *) a;
  OutlayCategoryRule *y = *(OutlayCategoryRule *const *) b;
  int                 p = outlay_category_rule_get_position (x);
  int                 q = outlay_category_rule_get_position (y);

  return (p > q) - (p < q);
}

static void
read_bound (const char *text,
            Bound      *bound)
{
  bound->set = outlay_rule_amount_parse (text, &bound->mantissa, &bound->decimals);
}

static void
compile (Compiled           *compiled,
         OutlayCategoryRule *rule)
{
  const char *const *patterns = outlay_category_rule_get_patterns (rule);
  g_autoptr (GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);

  compiled->rule = outlay_category_rule_copy (rule);
  compiled->field = outlay_category_rule_get_field (rule);
  compiled->match = outlay_category_rule_get_match (rule);
  for (guint i = 0; patterns[i] != NULL; i++)
    {
      char *pattern = outlay_text_fold (patterns[i]);

      if (*pattern != '\0')
        g_ptr_array_add (folded, pattern);
      else
        g_free (pattern);
    }
  g_ptr_array_add (folded, NULL);
  compiled->patterns = (GStrv) g_ptr_array_free (g_steal_pointer (&folded), FALSE);
  compiled->currency = g_strdup (outlay_category_rule_get_currency (rule));
  read_bound (outlay_category_rule_get_amount_min (rule), &compiled->min);
  read_bound (outlay_category_rule_get_amount_max (rule), &compiled->max);
}

/**
 * outlay_rule_set_new:
 * @rules: (element-type OutlayCategoryRule): the rules; deleted ones are
 *   left out, the others are copied and ordered by position (those of one
 *   position as given)
 *
 * Returns: (transfer full): the rules, ready to match
 */
OutlayRuleSet *
outlay_rule_set_new (GPtrArray *rules)
{
  g_autoptr (GPtrArray) live = g_ptr_array_new ();
  OutlayRuleSet *set;

  g_return_val_if_fail (rules != NULL, NULL);

  for (guint i = 0; i < rules->len; i++)
    {
      OutlayCategoryRule *rule = g_ptr_array_index (rules, i);

      g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (rule), NULL);
      if (outlay_category_rule_get_deleted_at (rule) == NULL)
        g_ptr_array_add (live, rule);
    }
  /* g_ptr_array_sort() is a merge sort: stable. */
  g_ptr_array_sort (live, compare_positions);

  set = g_new0 (OutlayRuleSet, 1);
  g_atomic_ref_count_init (&set->ref_count);
  set->n_rules = live->len;
  set->rules = g_new0 (Compiled, MAX (live->len, 1));
  for (guint i = 0; i < live->len; i++)
    {
      compile (&set->rules[i], g_ptr_array_index (live, i));
      set->uses_note |= set->rules[i].field == OUTLAY_RULE_FIELD_NOTE;
    }

  return set;
}

OutlayRuleSet *
outlay_rule_set_ref (OutlayRuleSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  g_atomic_ref_count_inc (&set->ref_count);
  return set;
}

void
outlay_rule_set_unref (OutlayRuleSet *set)
{
  g_return_if_fail (set != NULL);

  if (!g_atomic_ref_count_dec (&set->ref_count))
    return;

  for (guint i = 0; i < set->n_rules; i++)
    {
      g_object_unref (set->rules[i].rule);
      g_strfreev (set->rules[i].patterns);
      g_free (set->rules[i].currency);
    }
  g_free (set->rules);
  g_free (set);
}

guint
outlay_rule_set_get_n_rules (OutlayRuleSet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return set->n_rules;
}

/**
 * outlay_rule_set_get_rule:
 *
 * Returns: (transfer none): the rule at @index, in the order they match;
 *   the set's own copy, not to be changed
 */
OutlayCategoryRule *
outlay_rule_set_get_rule (OutlayRuleSet *set,
                          guint          index)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (index < set->n_rules, NULL);

  return set->rules[index].rule;
}

/* Whether a rule looks in the note: a caller that reads many expenses
 * need not read their notes otherwise. */
gboolean
outlay_rule_set_uses_note (OutlayRuleSet *set)
{
  g_return_val_if_fail (set != NULL, FALSE);

  return set->uses_note;
}

/* A text folded on first use, on the stack when it fits. */
typedef struct
{
  const char *raw;
  const char *folded;
  char       *allocated;
  char        buffer[FOLD_BUFFER_SIZE];
} Folded;

static const char *
folded_text (Folded *text)
{
  if (text->folded != NULL)
    return text->folded;

  if (outlay_text_fold_ascii (text->raw, text->buffer, sizeof text->buffer))
    text->folded = text->buffer;
  else
    text->folded = text->allocated = outlay_text_fold (text->raw);

  return text->folded;
}

static gboolean
matches_text (const Compiled *compiled,
              const char     *text)
{
  for (guint i = 0; compiled->patterns[i] != NULL; i++)
    {
      const char *pattern = compiled->patterns[i];

      switch (compiled->match)
        {
        case OUTLAY_RULE_MATCH_STARTS:
          if (g_str_has_prefix (text, pattern))
            return TRUE;
          break;
        case OUTLAY_RULE_MATCH_EQUALS:
          if (strcmp (text, pattern) == 0)
            return TRUE;
          break;
        case OUTLAY_RULE_MATCH_CONTAINS:
        default:
          if (strstr (text, pattern) != NULL)
            return TRUE;
          break;
        }
    }

  return FALSE;
}

/* -1 for a currency the table does not know: no bound holds it. */
static int
exponent_of (const char *currency)
{
  const OutlayCurrency *found = outlay_currency_lookup (currency);

  return found != NULL && found->exponent <= 3 ? (int) found->exponent : -1;
}

static gboolean
within_bounds (const Compiled *compiled,
               gint64          amount,
               int             exponent)
{
  if (exponent < 0)
    return FALSE;
  if (compiled->min.set &&
      outlay_rule_amount_compare (amount, (guint) exponent, compiled->min.mantissa, compiled->min.decimals) < 0)
    return FALSE;
  if (compiled->max.set &&
      outlay_rule_amount_compare (amount, (guint) exponent, compiled->max.mantissa, compiled->max.decimals) > 0)
    return FALSE;
  return TRUE;
}

/**
 * outlay_rule_set_match_index:
 * @description: (nullable): the expense's description
 * @note: (nullable): its note
 * @amount: its amount, in minor units of @currency
 * @currency: (nullable): its currency
 *
 * Safe to call from several threads at once.
 *
 * Returns: the index of the first rule that matches the expense, or -1
 */
int
outlay_rule_set_match_index (OutlayRuleSet *set,
                             const char    *description,
                             const char    *note,
                             gint64         amount,
                             const char    *currency)
{
  Folded texts[2];      /* the description and the note; buffers not cleared */
  int    exponent = -2; /* not looked up yet */
  int    found = -1;

  g_return_val_if_fail (set != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      texts[i].raw = i == 0 ? description : note;
      texts[i].folded = texts[i].allocated = NULL;
    }

  for (guint i = 0; i < set->n_rules && found < 0; i++)
    {
      const Compiled *compiled = &set->rules[i];

      if (compiled->currency != NULL && g_strcmp0 (compiled->currency, currency) != 0)
        continue;
      if (compiled->min.set || compiled->max.set)
        {
          if (exponent == -2)
            exponent = exponent_of (currency);
          if (!within_bounds (compiled, amount, exponent))
            continue;
        }
      if (matches_text (compiled, folded_text (&texts[compiled->field == OUTLAY_RULE_FIELD_NOTE])))
        found = (int) i;
    }

  g_free (texts[0].allocated);
  g_free (texts[1].allocated);
  return found;
}

/**
 * outlay_rule_set_match:
 *
 * outlay_rule_set_match_index() as the rule.
 *
 * Returns: (transfer none) (nullable): the first rule that matches the
 *   expense (the set's own copy), or %NULL
 */
OutlayCategoryRule *
outlay_rule_set_match (OutlayRuleSet *set,
                       const char    *description,
                       const char    *note,
                       gint64         amount,
                       const char    *currency)
{
  int index = outlay_rule_set_match_index (set, description, note, amount, currency);

  return index >= 0 ? set->rules[index].rule : NULL;
}
