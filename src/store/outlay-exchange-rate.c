/* outlay-exchange-rate.c: what one unit of a currency was worth on a day
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

#include "outlay-exchange-rate-private.h"

struct _OutlayExchangeRate
{
  GObject parent_instance;

  gint64           id;
  char            *uuid;
  char            *currency;
  char            *quote;
  char            *day;
  char            *rate; /* as published: a decimal text */
  OutlayRateSource source;
  char            *source_name;
  char            *created_at;
  char            *updated_at;
  char            *deleted_at;
};

G_DEFINE_FINAL_TYPE (OutlayExchangeRate, outlay_exchange_rate, G_TYPE_OBJECT)

static const char *const source_names[] = { "entered", "imported" };

const char *
outlay_rate_source_to_string (OutlayRateSource source)
{
  g_return_val_if_fail (source < G_N_ELEMENTS (source_names), NULL);

  return source_names[source];
}

gboolean
outlay_rate_source_from_string (const char       *text,
                                OutlayRateSource *source)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (source_names); i++)
    if (g_str_equal (text, source_names[i]))
      {
        *source = (OutlayRateSource) i;
        return TRUE;
      }

  return FALSE;
}

static void
outlay_exchange_rate_finalize (GObject *object)
{
  OutlayExchangeRate *self = OUTLAY_EXCHANGE_RATE (object);

  g_free (self->uuid);
  g_free (self->currency);
  g_free (self->quote);
  g_free (self->day);
  g_free (self->rate);
  g_free (self->source_name);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->deleted_at);

  G_OBJECT_CLASS (outlay_exchange_rate_parent_class)->finalize (object);
}

static void
outlay_exchange_rate_class_init (OutlayExchangeRateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_exchange_rate_finalize;
}

static void
outlay_exchange_rate_init (OutlayExchangeRate *self)
{
}

/**
 * outlay_exchange_rate_new:
 * @currency: the currency one unit of which is worth @rate
 * @quote: the currency @rate is in
 * @day: the day, YYYY-MM-DD
 * @rate: the rate as published, a decimal text such as "1.0813"
 * @source_name: (nullable): the file's, such as "ECB", for an imported one
 *
 * Returns: (transfer full): a rate not stored yet
 */
OutlayExchangeRate *
outlay_exchange_rate_new (const char      *currency,
                          const char      *quote,
                          const char      *day,
                          const char      *rate,
                          OutlayRateSource source,
                          const char      *source_name)
{
  OutlayExchangeRate *self = g_object_new (OUTLAY_TYPE_EXCHANGE_RATE, NULL);

  self->currency = g_strdup (currency);
  self->quote = g_strdup (quote);
  self->day = g_strdup (day);
  self->rate = g_strdup (rate);
  self->source = source;
  self->source_name = g_strdup (source_name);
  return self;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* From a row of OUTLAY_EXCHANGE_RATE_COLUMNS. */
OutlayExchangeRate *
outlay_exchange_rate_new_from_statement (sqlite3_stmt *stmt)
{
  OutlayExchangeRate *self = g_object_new (OUTLAY_TYPE_EXCHANGE_RATE, NULL);
  OutlayRateSource    source = OUTLAY_RATE_SOURCE_IMPORTED;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = column_dup (stmt, 1);
  self->currency = column_dup (stmt, 2);
  self->quote = column_dup (stmt, 3);
  self->day = column_dup (stmt, 4);
  self->rate = column_dup (stmt, 5);
  /* A source a newer version adds ranks as a file's. */
  outlay_rate_source_from_string ((const char *) sqlite3_column_text (stmt, 6), &source);
  self->source = source;
  self->source_name = column_dup (stmt, 7);
  self->created_at = column_dup (stmt, 8);
  self->updated_at = column_dup (stmt, 9);
  self->deleted_at = column_dup (stmt, 10);
  return self;
}

gint64
outlay_exchange_rate_get_id (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), 0);
  return self->id;
}

const char *
outlay_exchange_rate_get_uuid (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), NULL);
  return self->uuid;
}

const char *
outlay_exchange_rate_get_currency (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), NULL);
  return self->currency;
}

const char *
outlay_exchange_rate_get_quote (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), NULL);
  return self->quote;
}

const char *
outlay_exchange_rate_get_day (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), NULL);
  return self->day;
}

const char *
outlay_exchange_rate_get_rate (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), NULL);
  return self->rate;
}

OutlayRateSource
outlay_exchange_rate_get_source (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), OUTLAY_RATE_SOURCE_ENTERED);
  return self->source;
}

const char *
outlay_exchange_rate_get_source_name (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), NULL);
  return self->source_name;
}

const char *
outlay_exchange_rate_get_created_at (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), NULL);
  return self->created_at;
}

const char *
outlay_exchange_rate_get_updated_at (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), NULL);
  return self->updated_at;
}

const char *
outlay_exchange_rate_get_deleted_at (OutlayExchangeRate *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXCHANGE_RATE (self), NULL);
  return self->deleted_at;
}
