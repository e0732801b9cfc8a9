/* outlay-money.h
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

#include "outlay-currency.h"

G_BEGIN_DECLS

/* The largest amount, in minor units, that a single expense may hold. A
 * million of them still sum without overflowing a gint64. */
#define OUTLAY_MONEY_MAX G_GINT64_CONSTANT (999999999999)

#define OUTLAY_MONEY_ERROR (outlay_money_error_quark ())

typedef enum
{
  OUTLAY_MONEY_ERROR_EMPTY,
  OUTLAY_MONEY_ERROR_INVALID,
  OUTLAY_MONEY_ERROR_AMBIGUOUS,
  OUTLAY_MONEY_ERROR_TOO_PRECISE,
  OUTLAY_MONEY_ERROR_OUT_OF_RANGE,
  OUTLAY_MONEY_ERROR_DIVISION_BY_ZERO,
  OUTLAY_MONEY_ERROR_UNKNOWN_CURRENCY,
  OUTLAY_MONEY_ERROR_CURRENCY_MISMATCH,
} OutlayMoneyError;

GQuark outlay_money_error_quark (void);

gboolean outlay_money_parse (const char *text,
                             const char *currency,
                             gint64     *minor_units,
                             GError    **error);
char    *outlay_money_format (gint64      minor_units,
                              const char *currency);
char    *outlay_money_format_expense (gint64      minor_units,
                                      const char *currency);
char    *outlay_money_format_plain (gint64      minor_units,
                                    const char *currency);
gboolean outlay_money_parse_plain (const char *text,
                                   const char *currency,
                                   gint64     *minor_units,
                                   GError    **error);
gboolean outlay_money_parse_decimal (const char  *text,
                                     char         decimal_separator,
                                     const char  *currency,
                                     gint64      *minor_units,
                                     const char **code,
                                     GError     **error);

G_END_DECLS
