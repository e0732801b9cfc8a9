/* outlay-repository-converted.c: totals in the home currency
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

/* What the expenses a query matches come to in the home currency, beside
 * their totals in each currency: each day's amounts of a currency at that
 * day's rate (see outlay-rate-book.c), an expense whose card charge is
 * known at that charge, the home currency's as they are; rounded once.
 * What has no rate is counted apart, never guessed.
 *
 * It reads the per-day summary and the expenses with a charge (a partial
 * index), so a month costs the same at a million expenses as at a
 * hundred; a text search reads its matches, as its list does. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-repository-private.h"

#define FIRST_DAY "0000-00-00"
#define LAST_DAY "9999-99-99"

/* The amounts of one currency on one day. */
typedef struct
{
  char   day[OUTLAY_DATE_ISO_SIZE];
  char   currency[4];
  gint64 total;
  guint  count;
  gint64 charged_part; /* of @total: what the card charges are known for */
  gint64 charged;      /* those charges, in the home currency */
  guint  n_charged;
} DayAmounts;

void
outlay_converted_total_free (OutlayConvertedTotal *total)
{
  if (total == NULL)
    return;

  g_array_unref (total->currencies);
  g_clear_pointer (&total->book, outlay_rate_book_unref);
  g_free (total);
}

static DayAmounts *
lookup_day (GHashTable *days,
            GPtrArray  *order,
            const char *day,
            const char *currency)
{
  g_autofree char *key = g_strconcat (day, currency, NULL);
  DayAmounts      *amounts = g_hash_table_lookup (days, key);

  if (amounts == NULL)
    {
      amounts = g_new0 (DayAmounts, 1);
      g_strlcpy (amounts->day, day, sizeof amounts->day);
      g_strlcpy (amounts->currency, currency, sizeof amounts->currency);
      g_hash_table_insert (days, g_steal_pointer (&key), amounts);
      g_ptr_array_add (order, amounts);
    }
  return amounts;
}

static const char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Steps @stmt, whose rows are (day, currency, total, count[, charged part,
 * charged, number charged]), into @days. */
static gboolean
read_days (OutlayRepository *self,
           sqlite3_stmt     *stmt,
           GHashTable       *days,
           GPtrArray        *order,
           gboolean          charges_only,
           GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DayAmounts *amounts = lookup_day (days, order, text_at (stmt, 0), text_at (stmt, 1));

      if (!charges_only)
        {
          amounts->total += sqlite3_column_int64 (stmt, 2);
          amounts->count += (guint) sqlite3_column_int64 (stmt, 3);
        }
      if (sqlite3_column_count (stmt) > 4)
        {
          amounts->charged_part += sqlite3_column_int64 (stmt, 4);
          amounts->charged += sqlite3_column_int64 (stmt, 5);
          amounts->n_charged += (guint) sqlite3_column_int64 (stmt, 6);
        }
    }
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not compute the total"));
      return FALSE;
    }
  return TRUE;
}

/* The charges known in @home of the expenses of a summary query. */
static gboolean
read_charges (OutlayRepository  *self,
              const OutlayQuery *query,
              const char        *home,
              GHashTable        *days,
              GPtrArray         *order,
              GError           **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  guint         n_categories = 0;
  const gint64 *categories = outlay_query_get_categories (query, &n_categories);
  int           n = 1;

  g_string_append (sql, "SELECT occurred_on, currency, 0, 0, sum(amount), sum(charged_amount), count(*) "
                        "FROM expenses INDEXED BY expenses_charged WHERE charged_amount IS NOT NULL "
                        "AND deleted_at IS NULL AND occurred_on >= ? AND occurred_on <= ? AND charged_currency = ?");
  if (n_categories > 0)
    {
      g_string_append (sql, " AND category_id IN (");
      for (guint i = 0; i < n_categories; i++)
        g_string_append (sql, i > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, " GROUP BY 1, 2");

  if (!(stmt = outlay_database_prepare (self->database, sql->str, error)))
    return FALSE;
  sqlite3_bind_text (stmt, n++, query->date_from != NULL ? query->date_from : FIRST_DAY, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, n++, query->date_to != NULL ? query->date_to : LAST_DAY, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, n++, home, -1, SQLITE_STATIC);
  for (guint i = 0; i < n_categories; i++)
    sqlite3_bind_int64 (stmt, n++, categories[i]);

  return read_days (self, stmt, days, order, TRUE, error);
}

static gboolean
read_amounts (OutlayRepository  *self,
              const OutlayQuery *query,
              const char        *home,
              GHashTable        *days,
              GPtrArray         *order,
              GError           **error)
{
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;

  outlay_bindings_init (&bindings);

  if (!outlay_query_has_text (query) && !outlay_query_has_amount_range (query))
    {
      stmt = outlay_repository_prepare_days (self, "SELECT day, currency, sum(total), sum(count)", query,
                                             " GROUP BY day, currency HAVING sum(count) > 0", &bindings, error);
      return stmt != NULL && read_days (self, stmt, days, order, FALSE, error) &&
             read_charges (self, query, home, days, order, error);
    }

  {
    /* @home is one of the currency table's codes: letters only. */
    g_autofree char *select = g_strdup_printf (
      "SELECT occurred_on, currency, sum(amount), count(*), "
      "coalesce(sum(CASE WHEN charged_currency = '%s' AND charged_amount IS NOT NULL THEN amount END), 0), "
      "coalesce(sum(CASE WHEN charged_currency = '%s' THEN charged_amount END), 0), "
      "count(CASE WHEN charged_currency = '%s' AND charged_amount IS NOT NULL THEN 1 END)",
      home, home, home);

    stmt = outlay_repository_prepare_query (self, select, query, FALSE, " GROUP BY 1, 2", &bindings, error);
    return stmt != NULL && read_days (self, stmt, days, order, FALSE, error);
  }
}

/* The index of @code's entry, added when new. */
static guint
currency_index (GArray     *currencies,
                const char *code)
{
  OutlayConvertedCurrency added = { { 0 } };

  for (guint i = 0; i < currencies->len; i++)
    if (g_str_equal (g_array_index (currencies, OutlayConvertedCurrency, i).currency, code))
      return i;

  g_strlcpy (added.currency, code, sizeof added.currency);
  g_array_append_val (currencies, added);
  return currencies->len - 1;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const DayAmounts *x = *(DayAmounts *const *) a;
  const DayAmounts *y = *(DayAmounts *const *) b;

  return strcmp (x->day, y->day);
}

static int
compare_currencies (gconstpointer a,
                    gconstpointer b)
{
  const OutlayConvertedCurrency *x = a;
  const OutlayConvertedCurrency *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->currency, y->currency);
}

/* Whether two rates found are the same rates. */
static gboolean
same_rates (const OutlayRateFound *a,
            const OutlayRateFound *b)
{
  if (a->n_legs != b->n_legs)
    return FALSE;
  for (guint i = 0; i < a->n_legs; i++)
    if (strcmp (a->legs[i].day, b->legs[i].day) != 0 || a->legs[i].rate != b->legs[i].rate)
      return FALSE;
  return TRUE;
}

/**
 * outlay_repository_convert_total:
 * @query: the expenses, as a list or the Dashboard filters them
 * @home: the currency to convert to
 *
 * What the expenses of @query come to in @home, and how each currency
 * was converted. Cheap enough for the main loop when @query filters by
 * date and category only (it reads the per-day summary).
 *
 * Returns: (transfer full): the total, or %NULL with @error set
 */
OutlayConvertedTotal *
outlay_repository_convert_total (OutlayRepository  *self,
                                 const OutlayQuery *query,
                                 const char        *home,
                                 GError           **error)
{
  g_autoptr (GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) sums = g_array_new (FALSE, FALSE, sizeof (OutlayConvertedSum));
  OutlayConvertedTotal *result;
  OutlayConvertedSum    total_sum;
  OutlayConversion      identity;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (outlay_currency_is_valid (home), NULL);

  if (!read_amounts (self, query, home, days, order, error))
    return NULL;

  result = g_new0 (OutlayConvertedTotal, 1);
  g_strlcpy (result->home, home, sizeof result->home);
  result->currencies = g_array_new (FALSE, TRUE, sizeof (OutlayConvertedCurrency));
  g_ptr_array_sort (order, compare_days);
  for (guint i = 0; i < order->len; i++)
    {
      DayAmounts *amounts = g_ptr_array_index (order, i);
      guint       n_known = result->currencies->len;
      guint       index = currency_index (result->currencies, amounts->currency);

      if (index == n_known && !g_str_equal (amounts->currency, home))
        g_ptr_array_add (codes, g_strdup (amounts->currency));
      g_array_index (result->currencies, OutlayConvertedCurrency, index).count += amounts->count;
    }
  g_ptr_array_add (codes, NULL);

  result->book = outlay_repository_load_rate_book (self, home, (const char *const *) codes->pdata, query->date_from,
                                                   query->date_to, error);
  if (result->book == NULL)
    {
      outlay_converted_total_free (result);
      return NULL;
    }

  /* Each currency's sum and the whole, each rounded once. */
  g_array_set_size (sums, result->currencies->len);
  for (guint i = 0; i < sums->len; i++)
    outlay_converted_sum_init (&g_array_index (sums, OutlayConvertedSum, i));
  outlay_converted_sum_init (&total_sum);
  outlay_conversion_init (&identity, home, home);

  for (guint i = 0; i < order->len; i++)
    {
      DayAmounts              *amounts = g_ptr_array_index (order, i);
      guint                    index = currency_index (result->currencies, amounts->currency);
      OutlayConvertedCurrency *currency = &g_array_index (result->currencies, OutlayConvertedCurrency, index);
      OutlayConvertedSum      *sum = &g_array_index (sums, OutlayConvertedSum, index);
      gint64                   rest = amounts->total - amounts->charged_part;
      OutlayRateFound          found;

      currency->total += amounts->total;
      if (amounts->n_charged > 0)
        {
          currency->n_charged += amounts->n_charged;
          outlay_converted_sum_add (sum, &identity, amounts->charged);
          outlay_converted_sum_add (&total_sum, &identity, amounts->charged);
        }
      if (rest == 0 && amounts->count == amounts->n_charged)
        continue;

      if (!outlay_rate_book_find (result->book, amounts->currency, amounts->day, &found))
        {
          currency->n_without_rate += amounts->count - amounts->n_charged;
          currency->total_without_rate += rest;
          result->n_without_rate += amounts->count - amounts->n_charged;
          continue;
        }
      outlay_converted_sum_add (sum, &found.conversion, rest);
      outlay_converted_sum_add (&total_sum, &found.conversion, rest);
      if (found.n_legs > 0)
        {
          if (currency->latest.n_legs > 0 && !same_rates (&currency->latest, &found))
            currency->several_rates = TRUE;
          currency->latest = found;
        }
    }

  for (guint i = 0; i < result->currencies->len; i++)
    {
      OutlayConvertedCurrency *currency = &g_array_index (result->currencies, OutlayConvertedCurrency, i);

      if (!outlay_converted_sum_get (&g_array_index (sums, OutlayConvertedSum, i), &currency->converted))
        currency->overflow = TRUE;
    }
  if (!outlay_converted_sum_get (&total_sum, &result->total))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                           _("The total is too large to convert."));
      outlay_converted_total_free (result);
      return NULL;
    }
  g_array_sort (result->currencies, compare_currencies);

  return result;
}
