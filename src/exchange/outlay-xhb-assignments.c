/* outlay-xhb-assignments.c
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

/* HomeBank's assignment rules (<asg>) as Outlay's rules that file
 * expenses. HomeBank looks for @name in the memo (field 0) or the payee
 * (field 1); Outlay describes an expense by its payee, else its memo, so
 * both become a rule on the description. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "outlay-currency.h"
#include "outlay-money.h"
#include "outlay-repository.h"
#include "outlay-xhb-private.h"

/* HomeBank's assignment flags (its hb-assign.h, 5.x). A rule sets what
 * its "do" or "overwrite" flags say; "exact" only makes the text match
 * case-sensitively, and the text is still looked for anywhere. */
#define ASSIGN_EXACT (1 << 0)
#define ASSIGN_DO_PAYEE (1 << 1)
#define ASSIGN_DO_CATEGORY (1 << 2)
#define ASSIGN_DO_PAYMODE (1 << 3)
#define ASSIGN_DO_TAGS (1 << 4)
#define ASSIGN_AMOUNT (1 << 7)
#define ASSIGN_REGEX (1 << 8)
#define ASSIGN_OVERWRITE_PAYEE (1 << 9)
#define ASSIGN_OVERWRITE_CATEGORY (1 << 10)
#define ASSIGN_OVERWRITE_PAYMODE (1 << 11)
#define ASSIGN_OVERWRITE_TAGS (1 << 12)
#define ASSIGN_SETS_CATEGORY (ASSIGN_DO_CATEGORY | ASSIGN_OVERWRITE_CATEGORY)
#define ASSIGN_SETS_ANY                                                                                 \
  (ASSIGN_DO_PAYEE | ASSIGN_DO_CATEGORY | ASSIGN_DO_PAYMODE | ASSIGN_DO_TAGS | ASSIGN_OVERWRITE_PAYEE | \
   ASSIGN_OVERWRITE_CATEGORY | ASSIGN_OVERWRITE_PAYMODE | ASSIGN_OVERWRITE_TAGS)

void
outlay_xhb_read_assignment (Reader              *reader,
                            GMarkupParseContext *context,
                            const char         **names,
                            const char         **values)
{
  Assignment *assignment = g_new0 (Assignment, 1);
  int         line = 0;

  g_markup_parse_context_get_position (context, &line, NULL);
  assignment->line = (guint) line;
  assignment->flags = outlay_xhb_dup_attribute (names, values, "flags");
  assignment->field = outlay_xhb_dup_attribute (names, values, "field");
  assignment->name = outlay_xhb_dup_attribute (names, values, "name");
  assignment->category = outlay_xhb_dup_attribute (names, values, "category");
  assignment->pos = outlay_xhb_dup_attribute (names, values, "pos");
  assignment->amount = outlay_xhb_dup_attribute (names, values, "amount");
  g_ptr_array_add (reader->assignments, assignment);
}

void
outlay_xhb_assignment_free (Assignment *assignment)
{
  g_free (assignment->flags);
  g_free (assignment->field);
  g_free (assignment->name);
  g_free (assignment->category);
  g_free (assignment->pos);
  g_free (assignment->amount);
  g_free (assignment);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const Assignment *x = *(const Assignment *const *) a;
  const Assignment *y = *(const Assignment *const *) b;
  guint             p = outlay_xhb_parse_number (x->pos);
  guint             q = outlay_xhb_parse_number (y->pos);

  if (p != q)
    return (p > q) - (p < q);
  return (x->line > y->line) - (x->line < y->line);
}

/* The amount an assignment of HomeBank 5.6 matches exactly, as the plain
 * decimal text of a rule's range: an expense's, which HomeBank writes
 * negative. */
static gboolean
read_amount (Reader             *reader,
             const Assignment   *assignment,
             const char         *text,
             OutlayImportSource *source,
             char              **amount)
{
  const char           *currency = reader->ledger_currency;
  g_autofree char      *message = NULL;
  const OutlayCurrency *known;
  gboolean              negative = FALSE;
  gint64                minor_units = 0;

  if (!outlay_xhb_resolve_currency (reader, &(Account){ NULL, NULL }, &currency, &message) || currency == NULL)
    currency = reader->ledger_currency;
  known = outlay_currency_lookup (currency);
  if (outlay_xhb_parse_amount (assignment->amount, known != NULL ? known->exponent : 2, &negative, &minor_units) !=
        AMOUNT_OK ||
      !negative || minor_units == 0)
    {
      outlay_import_source_add_issue (source, assignment->line, OUTLAY_IMPORT_ISSUE_SKIPPED,
                                      _("The assignment rule “%s” matches an amount of “%s”, which is not an "
                                        "expense; it is left out."),
                                      text, assignment->amount != NULL ? assignment->amount : "");
      return FALSE;
    }

  *amount = outlay_money_format_plain (minor_units, currency);
  return TRUE;
}

/* One rule of @assignment, or an issue that says why it is left out. */
static void
read_assignment (Reader             *reader,
                 const Assignment   *assignment,
                 OutlayImportSource *source)
{
  g_autoptr (OutlayImportCategoryRule) rule = NULL;
  g_autofree char *text = outlay_xhb_clean_text (assignment->name, FALSE);
  g_autofree char *category = NULL;
  g_autofree char *message = NULL;
  g_autofree char *amount = NULL;
  guint            flags = outlay_xhb_parse_number (assignment->flags);

  if (text == NULL || *text == '\0')
    return;
  /* A rule of HomeBank 5 says what it sets; one of an older file sets the
   * category it has. */
  if (outlay_xhb_parse_number (assignment->category) == 0 ||
      ((flags & ASSIGN_SETS_ANY) != 0 && (flags & ASSIGN_SETS_CATEGORY) == 0))
    return;

  if ((flags & ASSIGN_REGEX) != 0)
    {
      outlay_import_source_add_issue (source, assignment->line, OUTLAY_IMPORT_ISSUE_SKIPPED,
                                      _("The assignment rule “%s” is a regular expression, which Outlay’s rules "
                                        "do not have; it is left out."),
                                      text);
      return;
    }
  if (g_utf8_strlen (text, -1) > OUTLAY_RULE_PATTERN_MAX_LENGTH)
    {
      outlay_import_source_add_issue (source, assignment->line, OUTLAY_IMPORT_ISSUE_SKIPPED,
                                      _("The assignment rule “%s” looks for a text too long for a rule; it is left "
                                        "out."),
                                      text);
      return;
    }
  if ((flags & ASSIGN_AMOUNT) != 0 && !read_amount (reader, assignment, text, source, &amount))
    return;
  if (!outlay_xhb_resolve_category (reader, assignment->category, &category, &message) || category == NULL)
    {
      outlay_import_source_add_issue (source, assignment->line, OUTLAY_IMPORT_ISSUE_SKIPPED,
                                      _("The assignment rule “%s” refers to a category (key “%s”) that is not in "
                                        "the file, or has no name; it is left out."),
                                      text, assignment->category);
      return;
    }

  rule = outlay_import_category_rule_new ();
  rule->rule = outlay_category_rule_new ();
  outlay_category_rule_set_field (rule->rule, OUTLAY_RULE_FIELD_DESCRIPTION);
  /* Outlay's rules ignore case: a case-sensitive one matches a little
   * more here, never less. */
  outlay_category_rule_set_match (rule->rule, OUTLAY_RULE_MATCH_CONTAINS);
  outlay_category_rule_set_patterns (rule->rule, (const char *const[]){ text, NULL });
  if (amount != NULL)
    {
      outlay_category_rule_set_amount_min (rule->rule, amount);
      outlay_category_rule_set_amount_max (rule->rule, amount);
    }
  rule->category_name = g_steal_pointer (&category);
  g_ptr_array_add (source->category_rules, g_steal_pointer (&rule));
}

/* The assignment rules in HomeBank's order (their "pos"). */
void
outlay_xhb_read_assignments (Reader             *reader,
                             OutlayImportSource *source)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_sized_new (reader->assignments->len);

  for (guint i = 0; i < reader->assignments->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (reader->assignments, i));
  /* g_ptr_array_sort is not stable; the line breaks ties. */
  g_ptr_array_sort (sorted, compare_positions);
  for (guint i = 0; i < sorted->len; i++)
    read_assignment (reader, g_ptr_array_index (sorted, i), source);
}
