/* outlay-rate.h: exchange rates as published, and exact conversions
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

#include <glib.h>

/* Conversions multiply an amount by a fraction whose terms reach 2^127:
 * the product needs more than 64 bits, and a double would round money. */
#ifndef __SIZEOF_INT128__
#error "Outlay converts money with 128-bit integers (unsigned __int128); this compiler has none"
#endif

G_BEGIN_DECLS

#define OUTLAY_RATE_ERROR (outlay_rate_error_quark ())

typedef enum
{
  OUTLAY_RATE_ERROR_EMPTY,
  OUTLAY_RATE_ERROR_INVALID,
  OUTLAY_RATE_ERROR_NOT_POSITIVE,
  OUTLAY_RATE_ERROR_TOO_PRECISE,
} OutlayRateError;

/* The most significant digits and decimals a rate may have. */
#define OUTLAY_RATE_MAX_DIGITS 15
#define OUTLAY_RATE_MAX_SCALE 12

/* A rate as published, a decimal: @mantissa / 10^@scale, always > 0.
 * "1.0813" is { 10813, 4 }; "1.0" is { 10, 1 }, equal to { 1, 0 }. */
typedef struct
{
  gint64 mantissa;
  guint  scale;
} OutlayRate;

/* A factor from the minor units of one currency to those of another:
 * the exact fraction @num / @den, kept in lowest terms. A stack value;
 * its fields are private. */
typedef struct
{
  /*< private >*/
  unsigned __int128 num;
  unsigned __int128 den;
} OutlayConversion;

/* A sum of converted amounts that rounds once, at the end. Terms in a
 * row with the same conversion (one currency's amounts) are added in their
 * own minor units and converted once, exactly. When the conversion
 * changes, the terms so far are kept in billionths (10^-9) of the target's
 * minor unit: exactly when the conversion gives no more decimals than
 * that, otherwise rounded half away from zero there, so such a run errs
 * by at most 5 * 10^-10 of a minor unit. Sum each currency's amounts
 * together for an exact total. A stack value; its fields are private. */
typedef struct
{
  /*< private >*/
  __int128         total;
  OutlayConversion conversion;
  gint64           pending;
  gboolean         have_pending;
  gboolean         overflow;
} OutlayConvertedSum;

GQuark outlay_rate_error_quark (void);

gboolean outlay_rate_parse (const char *text,
                            OutlayRate *rate,
                            GError    **error);
char    *outlay_rate_normalize (const char *text);
char    *outlay_rate_to_string (const OutlayRate *rate);
gboolean outlay_rate_equal (const OutlayRate *a,
                            const OutlayRate *b);

gboolean outlay_conversion_init (OutlayConversion *conversion,
                                 const char       *from_code,
                                 const char       *to_code);
gboolean outlay_conversion_multiply (OutlayConversion *conversion,
                                     const OutlayRate *rate);
gboolean outlay_conversion_divide (OutlayConversion *conversion,
                                   const OutlayRate *rate);
gboolean outlay_conversion_apply (const OutlayConversion *conversion,
                                  gint64                  minor_from,
                                  gint64                 *minor_to);

void     outlay_converted_sum_init (OutlayConvertedSum *sum);
gboolean outlay_converted_sum_add (OutlayConvertedSum     *sum,
                                   const OutlayConversion *conversion,
                                   gint64                  minor_from);
gboolean outlay_converted_sum_get (const OutlayConvertedSum *sum,
                                   gint64                   *minor_to);

G_END_DECLS
