/* outlay-repository-rates.c: exchange rates, entered and imported
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

#include "outlay-currency.h"
#include "outlay-exchange-rate-private.h"
#include "outlay-rate-book-private.h"
#include "outlay-repository-private.h"
#include "outlay-uuid.h"

#define SELECT_RATE "SELECT " OUTLAY_EXCHANGE_RATE_COLUMNS " FROM exchange_rates "

/* Imported rates written between two looks at the cancellable. */
#define IMPORT_CHUNK 4096

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_RATE,
                                                format, args));
  va_end (args);
  return FALSE;
}

/**
 * outlay_repository_validate_rate:
 * @rate: the rate as published or typed, a decimal text with a point
 *
 * Whether one @currency was worth @rate @quote on @day can be stored: two
 * different known currencies, a real day, a positive decimal.
 */
gboolean
outlay_repository_validate_rate (const char *currency,
                                 const char *quote,
                                 const char *day,
                                 const char *rate,
                                 GError    **error)
{
  g_autoptr (GError) rate_error = NULL;
  OutlayRate parsed;

  if (currency == NULL || !outlay_currency_is_valid (currency))
    return invalid (error, _("The currency “%s” is not a known ISO 4217 code."), currency != NULL ? currency : "");
  if (quote == NULL || !outlay_currency_is_valid (quote))
    return invalid (error, _("The currency “%s” is not a known ISO 4217 code."), quote != NULL ? quote : "");
  if (g_str_equal (currency, quote))
    return invalid (error, _("A rate converts between two different currencies, not %s and %s."), currency, quote);
  if (!outlay_date_is_valid (day))
    return invalid (error, _("The date must be a real day between 1900 and 2999."));
  if (!outlay_rate_parse (rate, &parsed, &rate_error))
    return invalid (error, "%s", rate_error->message);

  return TRUE;
}

/* The live rate of the pair, source and day. */
static OutlayExchangeRate *
read_rate_of_day (OutlayRepository *self,
                  const char       *currency,
                  const char       *quote,
                  OutlayRateSource  source,
                  const char       *day,
                  GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  stmt = outlay_database_prepare (self->database,
                                  SELECT_RATE "WHERE currency = ? AND quote = ? AND source = ? AND day = ? "
                                              "AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, outlay_rate_source_to_string (source), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return outlay_exchange_rate_new_from_statement (stmt);
  if (rc != SQLITE_DONE)
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the exchange rates"));
  else
    g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                         _("The exchange rate does not exist."));
  return NULL;
}

static OutlayExchangeRate *
read_rate (OutlayRepository *self,
           const char       *uuid,
           GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  stmt = outlay_database_prepare (self->database, SELECT_RATE "WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return outlay_exchange_rate_new_from_statement (stmt);
  if (rc != SQLITE_DONE)
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the exchange rates"));
  else
    g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                         _("The exchange rate does not exist."));
  return NULL;
}

/* Writes the rate of a pair, source and day: over the live one, else
 * anew. @written says whether anything changed. */
static gboolean
write_rate (OutlayRepository *self,
            const char       *currency,
            const char       *quote,
            const char       *day,
            const char       *rate,
            OutlayRateSource  source,
            const char       *source_name,
            const char       *now,
            gboolean         *added,
            gboolean         *changed,
            GError          **error)
{
  sqlite3_stmt *stmt;
  char          uuid[OUTLAY_UUID_SIZE];

  *added = *changed = FALSE;
  stmt = outlay_database_prepare (self->database,
                                  "UPDATE exchange_rates SET rate = ?, source_name = ?, updated_at = ? "
                                  "WHERE currency = ? AND quote = ? AND source = ? AND day = ? AND deleted_at IS NULL "
                                  "AND (rate != ? OR source_name IS NOT ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, rate, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, source_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, outlay_rate_source_to_string (source), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, rate, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, source_name, -1, SQLITE_STATIC);
  if (!outlay_repository_step_done (self, stmt, _("Could not save the exchange rate"), error))
    return FALSE;
  if (sqlite3_changes (outlay_database_get_handle (self->database)) > 0)
    {
      *changed = TRUE;
      return TRUE;
    }

  /* Nothing to change, or nothing there: the insert tells which. */
  stmt = outlay_database_prepare (self->database,
                                  "INSERT OR IGNORE INTO exchange_rates (uuid, currency, quote, day, rate, source, "
                                  "source_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  outlay_uuid_write (uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, rate, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, outlay_rate_source_to_string (source), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, source_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  if (!outlay_repository_step_done (self, stmt, _("Could not save the exchange rate"), error))
    return FALSE;
  /* The statement outlives the uuid on the stack. */
  sqlite3_bind_null (stmt, 1);
  *added = sqlite3_changes (outlay_database_get_handle (self->database)) > 0;
  return TRUE;
}

/**
 * outlay_repository_set_rate:
 * @currency: one unit of which…
 * @quote: …was worth @rate of this
 * @day: on this day
 * @rate: a decimal text with a point, kept as written
 *
 * Records a rate the person gives: it ranks before imported ones, and
 * takes the place of their earlier one for the same pair and day.
 *
 * Returns: (transfer full): the rate as stored, or %NULL with @error set
 *   and nothing changed
 */
OutlayExchangeRate *
outlay_repository_set_rate (OutlayRepository *self,
                            const char       *currency,
                            const char       *quote,
                            const char       *day,
                            const char       *rate,
                            GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayExchangeRate) stored = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = g_strstrip (g_strdup (rate != NULL ? rate : ""));
  gboolean         added, changed;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!outlay_repository_check_writable (self, error) ||
      !outlay_repository_validate_rate (currency, quote, day, text, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !write_rate (self, currency, quote, day, text, OUTLAY_RATE_SOURCE_ENTERED, NULL, now, &added, &changed, error) ||
      !(stored = read_rate_of_day (self, currency, quote, OUTLAY_RATE_SOURCE_ENTERED, day, error)) ||
      !outlay_transaction_commit (transaction, error))
    return NULL;

  if (added || changed)
    outlay_repository_emit_rates_changed (self);
  return g_steal_pointer (&stored);
}

/* Steps @stmt, whose rows are SELECT_RATE's, into @rates. */
static gboolean
collect_rates (OutlayRepository *self,
               sqlite3_stmt     *stmt,
               GPtrArray        *rates,
               GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rates, outlay_exchange_rate_new_from_statement (stmt));
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the exchange rates"));
      return FALSE;
    }
  return TRUE;
}

/**
 * outlay_repository_list_rates:
 * @currency: (nullable): only the rates of this currency, on either side
 * @limit: at most this many, the newest; 0 for all
 *
 * Returns: (transfer full) (element-type OutlayExchangeRate): the live
 *   rates, the newest day first, then by pair, the person's first
 */
GPtrArray *
outlay_repository_list_rates (OutlayRepository *self,
                              const char       *currency,
                              guint             limit,
                              GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autoptr (GPtrArray) rates = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  stmt = outlay_database_prepare (self->database,
                                  SELECT_RATE "WHERE deleted_at IS NULL AND (? IS NULL OR currency = ? OR quote = ?) "
                                              "ORDER BY day DESC, currency, quote, source LIMIT ?",
                                  error);
  if (stmt == NULL)
    return NULL;

  for (int i = 1; i <= 3; i++)
    sqlite3_bind_text (stmt, i, currency, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  if (!collect_rates (self, stmt, rates, error))
    return NULL;

  return g_steal_pointer (&rates);
}

/* By pair, then the newest day first, the person's first. */
static int
compare_shown (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  OutlayExchangeRate *x = *(OutlayExchangeRate **) a;
  OutlayExchangeRate *y = *(OutlayExchangeRate **) b;
  int                 order;

  if ((order = strcmp (outlay_exchange_rate_get_currency (x), outlay_exchange_rate_get_currency (y))) != 0 ||
      (order = strcmp (outlay_exchange_rate_get_quote (x), outlay_exchange_rate_get_quote (y))) != 0 ||
      (order = strcmp (outlay_exchange_rate_get_day (y), outlay_exchange_rate_get_day (x))) != 0)
    return order;
  return (int) outlay_exchange_rate_get_source (x) - (int) outlay_exchange_rate_get_source (y);
}

/* The pair and source after (@currency, @quote, @source) in the index, one
 * look-up each, so that listing the pairs costs what the pairs do, not
 * what their rates do. */
static gboolean
next_pair (OutlayRepository *self,
           char            **currency,
           char            **quote,
           char            **source,
           gboolean         *found,
           GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  stmt = outlay_database_prepare (self->database,
                                  "SELECT currency, quote, source FROM exchange_rates INDEXED BY exchange_rates_by_day "
                                  "WHERE deleted_at IS NULL AND (currency, quote, source) > (?, ?, ?) "
                                  "ORDER BY currency, quote, source LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, *currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, *quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, *source, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      g_free (*currency);
      g_free (*quote);
      g_free (*source);
      *currency = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *quote = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *source = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  else if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the exchange rates"));
      return FALSE;
    }
  return TRUE;
}

/**
 * outlay_repository_list_latest_rates:
 * @per_pair: of each pair's imported rates, at most this many, the newest
 *
 * The rates to show: all of the person's, and the newest imported ones of
 * each pair. It reads the pairs through the index, so that a file of
 * hundreds of thousands of rates costs no more than its pairs.
 *
 * Returns: (transfer full) (element-type OutlayExchangeRate): the live
 *   rates by pair (currency, then quote), each pair's newest day first,
 *   the person's before a file's of the same day
 */
GPtrArray *
outlay_repository_list_latest_rates (OutlayRepository *self,
                                     guint             per_pair,
                                     GError          **error)
{
  g_autoptr (GPtrArray) rates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *currency = g_strdup ("");
  g_autofree char *quote = g_strdup ("");
  g_autofree char *source = g_strdup ("");
  const char      *entered = outlay_rate_source_to_string (OUTLAY_RATE_SOURCE_ENTERED);
  gboolean         found = TRUE;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (per_pair > 0, NULL);

  while (found)
    {
      g_autoptr (OutlayCachedStatement) stmt = NULL;

      if (!next_pair (self, &currency, &quote, &source, &found, error))
        return NULL;
      if (!found)
        break;

      stmt = outlay_database_prepare (self->database,
                                      SELECT_RATE "WHERE deleted_at IS NULL AND currency = ? AND quote = ? "
                                                  "AND source = ? ORDER BY day DESC LIMIT ?",
                                      error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, quote, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, source, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, g_str_equal (source, entered) ? -1 : (gint64) per_pair);
      if (!collect_rates (self, stmt, rates, error))
        return NULL;
    }

  g_ptr_array_sort_with_data (rates, compare_shown, NULL);
  return g_steal_pointer (&rates);
}

/**
 * outlay_repository_list_older_rates:
 * @currency: the pair's currency
 * @quote: its quote currency
 * @source: whose rates
 * @before: the rates of the days before this one
 * @since: (nullable): and of this day or after, or %NULL for however old
 * @limit: at most this many, 0 for all
 *
 * A pair's rates of one source before a day, newest first: the next page
 * after the rates shown, read along the pair's index whatever the number
 * of its rates.
 *
 * Returns: (transfer full) (element-type OutlayExchangeRate): the rates,
 *   or %NULL with @error set
 */
GPtrArray *
outlay_repository_list_older_rates (OutlayRepository *self,
                                    const char       *currency,
                                    const char       *quote,
                                    OutlayRateSource  source,
                                    const char       *before,
                                    const char       *since,
                                    guint             limit,
                                    GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autoptr (GPtrArray) rates = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (currency != NULL && quote != NULL && before != NULL, NULL);

  stmt = outlay_database_prepare (self->database,
                                  SELECT_RATE "WHERE deleted_at IS NULL AND currency = ? AND quote = ? AND source = ? "
                                              "AND day < ? AND day >= ? ORDER BY day DESC LIMIT ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, outlay_rate_source_to_string (source), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, before, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, since != NULL ? since : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, limit > 0 ? (gint64) limit : -1);
  if (!collect_rates (self, stmt, rates, error))
    return NULL;
  return g_steal_pointer (&rates);
}

/* Deletes (@deleted) or brings back a rate. */
static OutlayExchangeRate *
set_deleted (OutlayRepository *self,
             const char       *uuid,
             gboolean          deleted,
             GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayExchangeRate) stored = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!outlay_repository_check_writable (self, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stored = read_rate (self, uuid, error)))
    return NULL;

  if ((outlay_exchange_rate_get_deleted_at (stored) != NULL) == deleted)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           deleted ? _("The exchange rate was deleted already.")
                                   : _("The exchange rate was not deleted."));
      return NULL;
    }

  /* Brought back over another of its day: the one there stays. */
  if (!deleted)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (OutlayExchangeRate) other =
        read_rate_of_day (self, outlay_exchange_rate_get_currency (stored), outlay_exchange_rate_get_quote (stored),
                          outlay_exchange_rate_get_source (stored), outlay_exchange_rate_get_day (stored),
                          &local_error);

      if (other != NULL)
        {
          invalid (error, _("There is another rate for that day now; it stays."));
          return NULL;
        }
      if (!g_error_matches (local_error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE exchange_rates SET deleted_at = ?, updated_at = ? WHERE uuid = ?",
                                        error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, deleted ? now : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_STATIC);
  g_clear_object (&stored);
  if (!outlay_repository_step_done (self, stmt, _("Could not save the exchange rate"), error) ||
      !(stored = read_rate (self, uuid, error)) || !outlay_transaction_commit (transaction, error))
    return NULL;

  outlay_repository_emit_rates_changed (self);
  return g_steal_pointer (&stored);
}

/**
 * outlay_repository_delete_rate:
 *
 * Returns: (transfer full): the rate as deleted, for an Undo
 */
OutlayExchangeRate *
outlay_repository_delete_rate (OutlayRepository *self,
                               const char       *uuid,
                               GError          **error)
{
  return set_deleted (self, uuid, TRUE, error);
}

/**
 * outlay_repository_restore_rate:
 *
 * Brings back a deleted rate, unless another of the same pair, source and
 * day has come since.
 *
 * Returns: (transfer full): the rate as restored
 */
OutlayExchangeRate *
outlay_repository_restore_rate (OutlayRepository *self,
                                const char       *uuid,
                                GError          **error)
{
  return set_deleted (self, uuid, FALSE, error);
}

/**
 * outlay_repository_import_rates:
 * @entries: (array length=n_entries): the rates read from a file
 * @source_name: what they are called where they came from: "ECB", a
 *   file's name
 * @progress: (nullable) (scope call): told how many are written, of how
 *   many
 * @imported: (out caller-allocates): how many were added, changed, left
 *
 * Writes the rates of a file in one transaction, as imported ones: a rate
 * already there for the same pair and day is replaced when it differs, so
 * that a file can be imported again. Every entry must be valid (see
 * outlay_repository_validate_rate()): a reader leaves out what it cannot
 * read. Cancelled, nothing is written.
 */
gboolean
outlay_repository_import_rates (OutlayRepository       *self,
                                const OutlayRateEntry  *entries,
                                gsize                   n_entries,
                                const char             *source_name,
                                OutlayRulesProgressFunc progress,
                                gpointer                progress_data,
                                GCancellable           *cancellable,
                                OutlayRatesImported    *imported,
                                GError                **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  OutlayRatesImported counts = { 0, 0, 0 };

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (entries != NULL || n_entries == 0, FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  for (gsize i = 0; i < n_entries; i++)
    if (!outlay_repository_validate_rate (entries[i].currency, entries[i].quote, entries[i].day, entries[i].rate,
                                         error))
      return FALSE;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)))
    return FALSE;

  for (gsize i = 0; i < n_entries; i++)
    {
      gboolean added, changed;

      if (i % IMPORT_CHUNK == 0)
        {
          if (progress != NULL)
            progress ((guint) i, (guint) n_entries, progress_data);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
        }
      if (!write_rate (self, entries[i].currency, entries[i].quote, entries[i].day, entries[i].rate,
                       OUTLAY_RATE_SOURCE_IMPORTED, source_name, now, &added, &changed, error))
        return FALSE;
      counts.added += added;
      counts.changed += changed;
      counts.unchanged += !added && !changed;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !outlay_transaction_commit (transaction, error))
    return FALSE;

  if (counts.added + counts.changed > 0)
    outlay_repository_emit_rates_changed (self);
  if (imported != NULL)
    *imported = counts;
  return TRUE;
}

/* Rate books */

/* Adds to @book the rates of @currency in @quote: the person's on or
 * before @to (the last before @from and those from it on), and the files'
 * from a week before @from to @to. */
static gboolean
load_direction (OutlayRepository *self,
                OutlayRateBook   *book,
                const char       *currency,
                const char       *quote,
                const char       *from,
                const char       *to,
                GError          **error)
{
  static const char *const sql[] = {
    "SELECT day, rate, source, source_name, updated_at FROM exchange_rates WHERE currency = ? AND quote = ? "
    "AND source = ? AND day < ? AND deleted_at IS NULL ORDER BY day DESC LIMIT 1",
    "SELECT day, rate, source, source_name, updated_at FROM exchange_rates WHERE currency = ? AND quote = ? "
    "AND source = ? AND day >= ? AND day <= ? AND deleted_at IS NULL",
  };
  g_autoptr (GDate) start = outlay_date_parse_iso (from);
  char week_before[OUTLAY_DATE_ISO_SIZE] = "0000-00-00";

  if (start != NULL && g_date_get_julian (start) > OUTLAY_RATE_BOOK_IMPORTED_DAYS)
    {
      g_date_subtract_days (start, OUTLAY_RATE_BOOK_IMPORTED_DAYS);
      outlay_date_format_iso_buf (start, week_before);
    }

  /* The person's last one before, theirs in the period, the files'. */
  for (guint step = 0; step < 3; step++)
    {
      g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database, sql[step > 0], error);
      OutlayRateSource source = step < 2 ? OUTLAY_RATE_SOURCE_ENTERED : OUTLAY_RATE_SOURCE_IMPORTED;
      int              rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, quote, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, outlay_rate_source_to_string (source), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, step == 2 ? week_before : from, -1, SQLITE_STATIC);
      if (step > 0)
        sqlite3_bind_text (stmt, 5, to, -1, SQLITE_STATIC);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        outlay_rate_book_add (book, currency, quote, (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1), source,
                              (const char *) sqlite3_column_text (stmt, 3),
                              (const char *) sqlite3_column_text (stmt, 4));
      if (rc != SQLITE_DONE)
        {
          outlay_database_propagate_error (self->database, error, rc, _("Could not read the exchange rates"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_pair (OutlayRepository *self,
           OutlayRateBook   *book,
           GHashTable       *loaded,
           const char       *a,
           const char       *b,
           const char       *from,
           const char       *to,
           GError          **error)
{
  g_autofree char *key = strcmp (a, b) < 0 ? g_strconcat (a, b, NULL) : g_strconcat (b, a, NULL);

  if (g_str_equal (a, b) || g_hash_table_contains (loaded, key))
    return TRUE;
  g_hash_table_add (loaded, g_steal_pointer (&key));

  return load_direction (self, book, a, b, from, to, error) && load_direction (self, book, b, a, from, to, error);
}

/**
 * outlay_repository_load_rate_book:
 * @home: the currency to convert to
 * @currencies: the currencies to convert from
 * @from: (nullable): the first day to convert amounts of, %NULL for all
 * @to: (nullable): the last one, %NULL for all
 *
 * Reads the rates that converting amounts of @currencies on the days from
 * @from to @to may take, and no more: a month of five currencies reads a
 * few dozen rows, whatever the rates the ledger holds.
 *
 * Returns: (transfer full): the rates, to look up with
 *   outlay_rate_book_find()
 */
OutlayRateBook *
outlay_repository_load_rate_book (OutlayRepository  *self,
                                  const char        *home,
                                  const char *const *currencies,
                                  const char        *from,
                                  const char        *to,
                                  GError           **error)
{
  g_autoptr (OutlayRateBook) book = NULL;
  g_autoptr (GHashTable) loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *first = from != NULL ? from : "0000-00-00";
  const char *last = to != NULL ? to : "9999-99-99";

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (outlay_currency_is_valid (home), NULL);

  book = outlay_rate_book_new (home);
  for (guint i = 0; currencies != NULL && currencies[i] != NULL; i++)
    {
      const char *currency = currencies[i];

      if (!load_pair (self, book, loaded, currency, home, first, last, error) ||
          (!g_str_equal (currency, OUTLAY_RATE_BOOK_CROSS) && !g_str_equal (home, OUTLAY_RATE_BOOK_CROSS) &&
           (!load_pair (self, book, loaded, currency, OUTLAY_RATE_BOOK_CROSS, first, last, error) ||
            !load_pair (self, book, loaded, OUTLAY_RATE_BOOK_CROSS, home, first, last, error))))
        return NULL;
    }
  outlay_rate_book_seal (book);

  return g_steal_pointer (&book);
}
