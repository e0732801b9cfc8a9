/* outlay-exchange-rate.h: what one unit of a currency was worth on a day
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

/* Where a rate comes from: the person, who ranks first, or a file such as
 * the European Central Bank's. */
typedef enum
{
  OUTLAY_RATE_SOURCE_ENTERED,
  OUTLAY_RATE_SOURCE_IMPORTED,
} OutlayRateSource;

const char *outlay_rate_source_to_string (OutlayRateSource source);
gboolean    outlay_rate_source_from_string (const char       *text,
                                            OutlayRateSource *source);

#define OUTLAY_TYPE_EXCHANGE_RATE (outlay_exchange_rate_get_type ())

G_DECLARE_FINAL_TYPE (OutlayExchangeRate, outlay_exchange_rate, OUTLAY, EXCHANGE_RATE, GObject)

OutlayExchangeRate *outlay_exchange_rate_new (const char      *currency,
                                              const char      *quote,
                                              const char      *day,
                                              const char      *rate,
                                              OutlayRateSource source,
                                              const char      *source_name);

gint64           outlay_exchange_rate_get_id (OutlayExchangeRate *self);
const char      *outlay_exchange_rate_get_uuid (OutlayExchangeRate *self);
const char      *outlay_exchange_rate_get_currency (OutlayExchangeRate *self);
const char      *outlay_exchange_rate_get_quote (OutlayExchangeRate *self);
const char      *outlay_exchange_rate_get_day (OutlayExchangeRate *self);
const char      *outlay_exchange_rate_get_rate (OutlayExchangeRate *self);
OutlayRateSource outlay_exchange_rate_get_source (OutlayExchangeRate *self);
const char      *outlay_exchange_rate_get_source_name (OutlayExchangeRate *self);
const char      *outlay_exchange_rate_get_created_at (OutlayExchangeRate *self);
const char      *outlay_exchange_rate_get_updated_at (OutlayExchangeRate *self);
const char      *outlay_exchange_rate_get_deleted_at (OutlayExchangeRate *self);

G_END_DECLS
