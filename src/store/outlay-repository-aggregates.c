/* outlay-repository-aggregates.c
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

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-repository-private.h"

/* Totals, read from the per-day summary wherever the filter allows, and
 * the descriptions the editor suggests. */

/* Sentinels that sort before and after every real date. */
#define FIRST_DAY "0000-00-00"
#define LAST_DAY "9999-99-99"

/* A statement on the per-day summary, for a query that filters at most by
 * category and date: what the summary keeps. */
sqlite3_stmt *
outlay_repository_prepare_days (OutlayRepository  *self,
                                const char        *select,
                                const OutlayQuery *query,
                                const char        *suffix,
                                OutlayBindings    *bindings,
                                GError           **error)
{
  g_autoptr (GString) sql = g_string_new (select);
  guint         n_categories;
  const gint64 *categories = outlay_query_get_categories (query, &n_categories);
  sqlite3_stmt *stmt;

  g_assert (!outlay_query_has_text (query) && !outlay_query_has_amount_range (query));

  g_string_append (sql, " FROM expense_days WHERE day >= ? AND day <= ?");
  outlay_bindings_add_text (bindings, query->date_from != NULL ? query->date_from : FIRST_DAY);
  outlay_bindings_add_text (bindings, query->date_to != NULL ? query->date_to : LAST_DAY);
  if (n_categories > 0)
    {
      g_string_append (sql, " AND category_id IN (");
      for (guint i = 0; i < n_categories; i++)
        {
          g_string_append (sql, i > 0 ? ", ?" : "?");
          outlay_bindings_add_int (bindings, categories[i]);
        }
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, suffix);

  stmt = outlay_database_prepare (self->database, sql->str, error);
  if (stmt != NULL)
    outlay_bindings_apply (bindings, stmt, 1);

  return stmt;
}

/**
 * outlay_repository_summarize:
 * @n_all: (out) (optional): how many expenses match
 *
 * What a list shows at its foot, and a day at its heading: the total of the
 * matching expenses in each currency they are in, the most used first.
 * Filters by category and date read the per-day summary.
 *
 * Returns: (transfer full) (element-type OutlayCurrencyTotal): the totals
 */
GArray *
outlay_repository_summarize (OutlayRepository  *self,
                             const OutlayQuery *query,
                             guint             *n_all,
                             GError           **error)
{
  g_autoptr (GArray) totals = g_array_new (FALSE, FALSE, sizeof (OutlayCurrencyTotal));
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  guint count = 0;
  int   rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  outlay_bindings_init (&bindings);

  if (!outlay_query_has_text (query) && !outlay_query_has_amount_range (query))
    stmt = outlay_repository_prepare_days (self, "SELECT currency, sum(total), sum(count)", query,
                                           " GROUP BY currency HAVING sum(count) > 0 ORDER BY 3 DESC, 1",
                                           &bindings, error);
  else
    stmt = outlay_repository_prepare_query (self, "SELECT currency, sum(amount), count(*)", query, FALSE,
                                            " GROUP BY currency ORDER BY 3 DESC, 1", &bindings, error);

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayCurrencyTotal row = { { 0 }, 0, 0 };

      g_strlcpy (row.currency, (const char *) sqlite3_column_text (stmt, 0), sizeof row.currency);
      row.total = sqlite3_column_int64 (stmt, 1);
      row.count = (guint) sqlite3_column_int64 (stmt, 2);
      count += row.count;
      g_array_append_val (totals, row);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not compute the total"));
      return NULL;
    }

  if (n_all != NULL)
    *n_all = count;

  return g_steal_pointer (&totals);
}

static sqlite3_stmt *
prepare_aggregate (OutlayRepository *self,
                   const char       *sql,
                   const char       *currency,
                   const char       *from,
                   const char       *to,
                   GError          **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, from != NULL ? from : FIRST_DAY, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to != NULL ? to : LAST_DAY, -1, SQLITE_TRANSIENT);

  return stmt;
}

gboolean
outlay_repository_get_total (OutlayRepository *self,
                             const char       *currency,
                             const char       *from,
                             const char       *to,
                             OutlayTotal      *total,
                             GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  stmt = prepare_aggregate (self,
                            "SELECT coalesce(sum(total), 0), coalesce(sum(count), 0) FROM expense_days "
                            "WHERE currency = ? AND day >= ? AND day <= ?",
                            currency, from, to, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      total->total = sqlite3_column_int64 (stmt, 0);
      total->count = (guint) sqlite3_column_int64 (stmt, 1);
    }

  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not compute the total"));
      return FALSE;
    }

  return TRUE;
}

/**
 * outlay_repository_has_refunds:
 *
 * Whether any expense, deleted or not, is a refund (a negative amount),
 * which a file that holds them says so an older Outlay does not misread it.
 * A scan of the table when there is none: for exports, off the main loop.
 */
gboolean
outlay_repository_has_refunds (OutlayRepository *self,
                               gboolean         *has_refunds,
                               GError          **error)
{
  gint64 exists = 0;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (has_refunds != NULL, FALSE);

  if (!outlay_repository_read_expenses_number (self, "SELECT EXISTS (SELECT 1 FROM expenses WHERE amount < 0)",
                                               &exists, error))
    return FALSE;

  *has_refunds = exists != 0;
  return TRUE;
}

/**
 * outlay_repository_totals_by_category:
 *
 * Returns: (transfer full) (element-type OutlayCategoryTotal): the spending
 *   of each category that has any, largest first
 */
GArray *
outlay_repository_totals_by_category (OutlayRepository *self,
                                      const char       *currency,
                                      const char       *from,
                                      const char       *to,
                                      GError          **error)
{
  g_autoptr (GArray) totals = g_array_new (FALSE, FALSE, sizeof (OutlayCategoryTotal));
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  stmt = prepare_aggregate (self,
                            "SELECT category_id, sum(total), sum(count) FROM expense_days "
                            "WHERE currency = ? AND day >= ? AND day <= ? "
                            "GROUP BY category_id ORDER BY 2 DESC, 1",
                            currency, from, to, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayCategoryTotal row = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        (guint) sqlite3_column_int64 (stmt, 2),
      };
      g_array_append_val (totals, row);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not compute the totals"));
      return NULL;
    }

  return g_steal_pointer (&totals);
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const OutlayCategoryTotal *x = a;
  const OutlayCategoryTotal *y = b;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return x->category_id < y->category_id ? -1 : x->category_id > y->category_id;
}

/**
 * outlay_repository_roll_up_category_totals:
 * @totals: (element-type OutlayCategoryTotal): totals of categories, as
 *   outlay_repository_totals_by_category() gives them
 *
 * Returns: (transfer full) (element-type OutlayCategoryTotal): the totals of
 *   the categories at the top, each with those of the categories under it,
 *   largest first
 */
GArray *
outlay_repository_roll_up_category_totals (OutlayRepository *self,
                                           GArray           *totals)
{
  GArray *rolled = g_array_sized_new (FALSE, FALSE, sizeof (OutlayCategoryTotal), totals->len);

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), rolled);

  for (guint i = 0; i < totals->len; i++)
    {
      const OutlayCategoryTotal *total = &g_array_index (totals, OutlayCategoryTotal, i);
      OutlayCategory            *category = outlay_repository_lookup_category (self, total->category_id);
      OutlayCategory            *parent = category != NULL ? outlay_repository_get_parent_category (self, category)
                                                           : NULL;
      gint64                     top = parent != NULL ? outlay_category_get_id (parent) : total->category_id;
      gboolean                   found = FALSE;

      for (guint j = 0; j < rolled->len && !found; j++)
        {
          OutlayCategoryTotal *row = &g_array_index (rolled, OutlayCategoryTotal, j);

          if (row->category_id == top)
            {
              row->total += total->total;
              row->count += total->count;
              found = TRUE;
            }
        }

      if (!found)
        {
          OutlayCategoryTotal row = { top, total->total, total->count };

          g_array_append_val (rolled, row);
        }
    }

  g_array_sort (rolled, compare_totals);
  return rolled;
}

/* Fills the gaps between @from and @to with zero rows, so that a chart gets
 * one entry for every month or day of the range. */
static GArray *
fill_periods (GArray     *sparse,
              const char *from,
              const char *to,
              gboolean    by_month)
{
  g_autoptr (GDate) first = outlay_date_parse_iso (from);
  g_autoptr (GDate) last = outlay_date_parse_iso (to);
  GArray *filled;
  guint   next = 0;

  if (first == NULL || last == NULL || g_date_compare (first, last) > 0)
    return g_array_ref (sparse);

  filled = g_array_new (FALSE, FALSE, sizeof (OutlayPeriodTotal));

  if (by_month)
    g_date_set_day (first, 1);

  while (g_date_compare (first, last) <= 0)
    {
      OutlayPeriodTotal row = { { 0 }, 0, 0 };
      char              day[OUTLAY_DATE_ISO_SIZE];

      outlay_date_format_iso_buf (first, day);
      g_strlcpy (row.period, day, by_month ? 8 : 11);

      if (next < sparse->len &&
          strcmp (g_array_index (sparse, OutlayPeriodTotal, next).period, row.period) == 0)
        row = g_array_index (sparse, OutlayPeriodTotal, next++);

      g_array_append_val (filled, row);

      if (by_month)
        g_date_add_months (first, 1);
      else
        g_date_add_days (first, 1);
    }

  return filled;
}

#define SQL_TOTALS_BY(period)                                    \
  "SELECT " period ", sum(total), sum(count) FROM expense_days " \
  "WHERE currency = ? AND day >= ? AND day <= ? GROUP BY 1 ORDER BY 1"

static GArray *
totals_by_period (OutlayRepository *self,
                  const char       *currency,
                  const char       *from,
                  const char       *to,
                  gboolean          by_month,
                  GError          **error)
{
  g_autoptr (GArray) totals = g_array_new (FALSE, FALSE, sizeof (OutlayPeriodTotal));
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  stmt = prepare_aggregate (self, by_month ? SQL_TOTALS_BY ("substr(day, 1, 7)") : SQL_TOTALS_BY ("day"),
                            currency, from, to, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayPeriodTotal row = { { 0 }, 0, 0 };

      g_strlcpy (row.period, (const char *) sqlite3_column_text (stmt, 0), sizeof row.period);
      row.total = sqlite3_column_int64 (stmt, 1);
      row.count = (guint) sqlite3_column_int64 (stmt, 2);
      g_array_append_val (totals, row);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not compute the totals"));
      return NULL;
    }

  return fill_periods (totals, from, to, by_month);
}

/**
 * outlay_repository_totals_by_month:
 *
 * Returns: (transfer full) (element-type OutlayPeriodTotal): one row per
 *   month, oldest first; every month of the range when both ends are given,
 *   else only the months with expenses
 */
GArray *
outlay_repository_totals_by_month (OutlayRepository *self,
                                   const char       *currency,
                                   const char       *from,
                                   const char       *to,
                                   GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  return totals_by_period (self, currency, from, to, TRUE, error);
}

/**
 * outlay_repository_totals_by_day:
 *
 * Returns: (transfer full) (element-type OutlayPeriodTotal): one row per
 *   day, oldest first; every day of the range when both ends are given
 */
GArray *
outlay_repository_totals_by_day (OutlayRepository *self,
                                 const char       *currency,
                                 const char       *from,
                                 const char       *to,
                                 GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  return totals_by_period (self, currency, from, to, FALSE, error);
}

static void
suggestion_free (gpointer data)
{
  OutlaySuggestion *suggestion = data;

  g_free (suggestion->description);
  g_free (suggestion->currency);
  g_free (suggestion);
}

/**
 * outlay_repository_get_latest_category_id:
 *
 * Returns: the category of the most recently entered expense that is not
 *   deleted, or 0 when there is none (or on error, with @error set)
 */
gint64
outlay_repository_get_latest_category_id (OutlayRepository *self,
                                          GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  gint64 category_id = 0;
  int    rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), 0);

  /* The newest rows come first by id: one step, at any size. */
  stmt = outlay_database_prepare (self->database,
                                  "SELECT category_id FROM expenses WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return 0;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    category_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));

  return category_id;
}

/**
 * outlay_repository_suggest_descriptions:
 * @prefix: (nullable): what the person has typed so far
 * @limit: the most to return
 *
 * Distinct descriptions among the most recently entered expenses, each with
 * the category and amount it was last used with, newest first.
 *
 * Returns: (transfer full) (element-type OutlaySuggestion): the suggestions
 */
GPtrArray *
outlay_repository_suggest_descriptions (OutlayRepository *self,
                                        const char       *prefix,
                                        guint             limit,
                                        GError          **error)
{
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (suggestion_free);
  g_autoptr (GString) pattern = g_string_new (NULL);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  /* Looking at the latest few thousand keeps this instant at any size. */
  stmt = outlay_database_prepare (self->database,
                                  "SELECT description, category_id, amount, currency, max(id) FROM ("
                                  "  SELECT id, description, category_id, amount, currency FROM expenses "
                                  "  WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 5000"
                                  ") WHERE description LIKE ? ESCAPE '\\' "
                                  "GROUP BY description COLLATE NOCASE ORDER BY max(id) DESC LIMIT ?",
                                  error);
  if (stmt == NULL)
    return NULL;

  for (const char *p = prefix != NULL ? prefix : ""; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  sqlite3_bind_text (stmt, 1, pattern->str, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlaySuggestion *suggestion = g_new0 (OutlaySuggestion, 1);

      suggestion->description = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      suggestion->category_id = sqlite3_column_int64 (stmt, 1);
      suggestion->amount = sqlite3_column_int64 (stmt, 2);
      suggestion->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (result, suggestion);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read past descriptions"));
      return NULL;
    }

  return g_steal_pointer (&result);
}
