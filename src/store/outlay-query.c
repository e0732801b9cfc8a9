/* outlay-query.c
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

#include "outlay-query-private.h"

G_DEFINE_BOXED_TYPE (OutlayQuery, outlay_query, outlay_query_copy, outlay_query_free)

/**
 * outlay_query_new:
 *
 * Returns: (transfer full): a query for every expense, newest first
 */
OutlayQuery *
outlay_query_new (void)
{
  OutlayQuery *self = g_new0 (OutlayQuery, 1);

  self->categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->min_amount = G_MININT64;
  self->max_amount = G_MAXINT64;
  self->sort = OUTLAY_SORT_DATE;
  self->descending = TRUE;

  return self;
}

OutlayQuery *
outlay_query_copy (const OutlayQuery *self)
{
  OutlayQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = outlay_query_new ();
  copy->text = g_strdup (self->text);
  g_array_append_vals (copy->categories, self->categories->data, self->categories->len);
  copy->date_from = g_strdup (self->date_from);
  copy->date_to = g_strdup (self->date_to);
  copy->min_amount = self->min_amount;
  copy->max_amount = self->max_amount;
  copy->sort = self->sort;
  copy->descending = self->descending;

  return copy;
}

void
outlay_query_free (OutlayQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_array_unref (self->categories);
  g_free (self->date_from);
  g_free (self->date_to);
  g_free (self);
}

gboolean
outlay_query_equal (const OutlayQuery *a,
                    const OutlayQuery *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->text, b->text) == 0 && a->categories->len == b->categories->len &&
         (a->categories->len == 0 ||
          memcmp (a->categories->data, b->categories->data, a->categories->len * sizeof (gint64)) == 0) &&
         g_strcmp0 (a->date_from, b->date_from) == 0 && g_strcmp0 (a->date_to, b->date_to) == 0 &&
         a->min_amount == b->min_amount && a->max_amount == b->max_amount && a->sort == b->sort &&
         a->descending == b->descending;
}

/**
 * outlay_query_set_text:
 * @text: (nullable): words to find in the description or the note; each
 *   word matches the start of a word, accents and case ignored
 */
void
outlay_query_set_text (OutlayQuery *self,
                       const char  *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (self != NULL);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_free (self->text);
  self->text = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

const char *
outlay_query_get_text (const OutlayQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * outlay_query_set_categories:
 * @category_ids: (array length=n_category_ids) (nullable): the categories to
 *   keep; none means every category
 */
void
outlay_query_set_categories (OutlayQuery  *self,
                             const gint64 *category_ids,
                             guint         n_category_ids)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->categories, 0);
  for (guint i = 0; i < n_category_ids; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < self->categories->len && !seen; j++)
        seen = g_array_index (self->categories, gint64, j) == category_ids[i];
      if (!seen)
        g_array_append_val (self->categories, category_ids[i]);
    }
  g_array_sort (self->categories, compare_int64);
}

const gint64 *
outlay_query_get_categories (const OutlayQuery *self,
                             guint             *n_category_ids)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_category_ids = self->categories->len;
  return (const gint64 *) (gpointer) self->categories->data;
}

/**
 * outlay_query_set_date_range:
 * @from: (nullable): the first day, `YYYY-MM-DD`, or %NULL for no limit
 * @to: (nullable): the last day, included, or %NULL for no limit
 */
void
outlay_query_set_date_range (OutlayQuery *self,
                             const char  *from,
                             const char  *to)
{
  g_return_if_fail (self != NULL);

  g_free (self->date_from);
  g_free (self->date_to);
  self->date_from = g_strdup (from);
  self->date_to = g_strdup (to);
}

const char *
outlay_query_get_date_from (const OutlayQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date_from;
}

const char *
outlay_query_get_date_to (const OutlayQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date_to;
}

/**
 * outlay_query_set_amount_range:
 * @min_amount: the smallest amount kept, in minor units, or %G_MININT64
 * @max_amount: the largest amount kept, in minor units, or %G_MAXINT64
 */
void
outlay_query_set_amount_range (OutlayQuery *self,
                               gint64       min_amount,
                               gint64       max_amount)
{
  g_return_if_fail (self != NULL);

  self->min_amount = min_amount;
  self->max_amount = max_amount;
}

void
outlay_query_set_sort (OutlayQuery    *self,
                       OutlaySortField field,
                       gboolean        descending)
{
  g_return_if_fail (self != NULL);

  self->sort = field;
  self->descending = !!descending;
}

OutlaySortField
outlay_query_get_sort_field (const OutlayQuery *self)
{
  g_return_val_if_fail (self != NULL, OUTLAY_SORT_DATE);
  return self->sort;
}

gboolean
outlay_query_get_descending (const OutlayQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->descending;
}

gboolean
outlay_query_has_text (const OutlayQuery *self)
{
  return self->text != NULL;
}

gboolean
outlay_query_has_amount_range (const OutlayQuery *self)
{
  return self->min_amount != G_MININT64 || self->max_amount != G_MAXINT64;
}

/* Everything but the text, which only the full-text index can answer. */
gboolean
outlay_query_matches_expense (const OutlayQuery *self,
                              OutlayExpense     *expense)
{
  const char *day = outlay_expense_get_occurred_on (expense);
  gint64      amount = outlay_expense_get_amount (expense);

  if (outlay_expense_get_deleted_at (expense) != NULL)
    return FALSE;

  if (self->categories->len > 0)
    {
      gint64   category = outlay_expense_get_category_id (expense);
      gboolean found = FALSE;

      for (guint i = 0; i < self->categories->len && !found; i++)
        found = g_array_index (self->categories, gint64, i) == category;
      if (!found)
        return FALSE;
    }

  if (self->date_from != NULL && g_strcmp0 (day, self->date_from) < 0)
    return FALSE;
  if (self->date_to != NULL && g_strcmp0 (day, self->date_to) > 0)
    return FALSE;

  return amount >= self->min_amount && amount <= self->max_amount;
}

/* Turns what a person types into an FTS5 expression: every word must match
 * the start of a word. Quoting each word keeps FTS5 syntax out of reach. */
char *
outlay_query_build_fts_match (const char *text)
{
  g_autoptr (GString) match = g_string_new (NULL);
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n\r", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;

      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append (match, "\"*");
    }

  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* Appends " AND …" conditions on the expenses table (unaliased). */
void
outlay_query_append_filter (const OutlayQuery *self,
                            GString           *sql,
                            OutlayBindings    *bindings)
{
  if (self->text != NULL)
    {
      g_autofree char *match = outlay_query_build_fts_match (self->text);

      g_string_append (sql, " AND id IN (SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ?)");
      outlay_bindings_add_text (bindings, match);
    }

  if (self->categories->len > 0)
    {
      g_string_append (sql, " AND category_id IN (");
      for (guint i = 0; i < self->categories->len; i++)
        {
          g_string_append (sql, i > 0 ? ", ?" : "?");
          outlay_bindings_add_int (bindings, g_array_index (self->categories, gint64, i));
        }
      g_string_append_c (sql, ')');
    }

  if (self->date_from != NULL)
    {
      g_string_append (sql, " AND occurred_on >= ?");
      outlay_bindings_add_text (bindings, self->date_from);
    }

  if (self->date_to != NULL)
    {
      g_string_append (sql, " AND occurred_on <= ?");
      outlay_bindings_add_text (bindings, self->date_to);
    }

  if (self->min_amount != G_MININT64)
    {
      g_string_append (sql, " AND amount >= ?");
      outlay_bindings_add_int (bindings, self->min_amount);
    }

  if (self->max_amount != G_MAXINT64)
    {
      g_string_append (sql, " AND amount <= ?");
      outlay_bindings_add_int (bindings, self->max_amount);
    }
}

void
outlay_query_append_order (const OutlayQuery *self,
                           GString           *sql)
{
  const char *dir = self->descending ? "DESC" : "ASC";

  switch (self->sort)
    {
    case OUTLAY_SORT_AMOUNT:
      g_string_append_printf (sql, " ORDER BY amount %s, id %s", dir, dir);
      break;

    case OUTLAY_SORT_DESCRIPTION:
      g_string_append_printf (sql, " ORDER BY description COLLATE NOCASE %s, id %s", dir, dir);
      break;

    case OUTLAY_SORT_DATE:
    default:
      g_string_append_printf (sql, " ORDER BY occurred_on %s, id %s", dir, dir);
      break;
    }
}

void
outlay_bindings_init (OutlayBindings *bindings)
{
  bindings->texts = g_ptr_array_new_with_free_func (g_free);
  bindings->kinds = g_array_new (FALSE, FALSE, sizeof (char));
  bindings->values = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
outlay_bindings_clear (OutlayBindings *bindings)
{
  g_clear_pointer (&bindings->texts, g_ptr_array_unref);
  g_clear_pointer (&bindings->kinds, g_array_unref);
  g_clear_pointer (&bindings->values, g_array_unref);
}

void
outlay_bindings_add_int (OutlayBindings *bindings,
                         gint64          value)
{
  char kind = 'i';

  g_array_append_val (bindings->kinds, kind);
  g_array_append_val (bindings->values, value);
}

void
outlay_bindings_add_text (OutlayBindings *bindings,
                          const char     *value)
{
  char   kind = 't';
  gint64 index = bindings->texts->len;

  g_ptr_array_add (bindings->texts, g_strdup (value));
  g_array_append_val (bindings->kinds, kind);
  g_array_append_val (bindings->values, index);
}

/* Binds every value from placeholder @first on; returns the next free one. */
int
outlay_bindings_apply (OutlayBindings *bindings,
                       sqlite3_stmt   *stmt,
                       int             first)
{
  for (guint i = 0; i < bindings->kinds->len; i++)
    {
      gint64 value = g_array_index (bindings->values, gint64, i);

      if (g_array_index (bindings->kinds, char, i) == 't')
        sqlite3_bind_text (stmt, first + i, g_ptr_array_index (bindings->texts, value), -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, first + i, value);
    }

  return first + bindings->kinds->len;
}
