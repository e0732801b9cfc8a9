/* outlay-rate-book.h: the exchange rates of a period, to convert with
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

#include "outlay-exchange-rate.h"
#include "outlay-rate.h"

G_BEGIN_DECLS

/* How many days back an imported rate still holds: banks publish on
 * working days only. */
#define OUTLAY_RATE_BOOK_IMPORTED_DAYS 7

/* The currency a cross rate goes through. */
#define OUTLAY_RATE_BOOK_CROSS "EUR"

/* One rate a conversion took: 1 @currency = @rate @quote, on @day. */
typedef struct
{
  char             currency[4];
  char             quote[4];
  char             day[11];
  const char      *rate;        /* as published; owned by the book */
  OutlayRateSource source;
  const char      *source_name; /* (nullable); owned by the book */
} OutlayRateLeg;

/* How an amount of a day converts: its factor, and the one rate it took,
 * or the two of a cross rate through the euro. */
typedef struct
{
  OutlayConversion conversion;
  guint            n_legs;
  OutlayRateLeg    legs[2];
} OutlayRateFound;

typedef struct _OutlayRateBook OutlayRateBook;

#define OUTLAY_TYPE_RATE_BOOK (outlay_rate_book_get_type ())

GType           outlay_rate_book_get_type (void) G_GNUC_CONST;
OutlayRateBook *outlay_rate_book_ref (OutlayRateBook *book);
void            outlay_rate_book_unref (OutlayRateBook *book);
const char     *outlay_rate_book_get_home (OutlayRateBook *book);
gboolean        outlay_rate_book_find (OutlayRateBook  *book,
                                       const char      *currency,
                                       const char      *day,
                                       OutlayRateFound *found);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayRateBook, outlay_rate_book_unref)

G_END_DECLS
