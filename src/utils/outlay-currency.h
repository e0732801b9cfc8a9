/* outlay-currency.h
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

G_BEGIN_DECLS

/* One entry of the compiled-in currency table. The strings are static;
 * symbols are UTF-8. */
typedef struct
{
  const char *code;     /* ISO 4217, e.g. "EUR" */
  const char *symbol;   /* e.g. "€" */
  guint       exponent; /* number of minor-unit digits: JPY 0, EUR 2, BHD 3 */
} OutlayCurrency;

/* Another way people write a currency, which parsers accept and the
 * formatter never writes; @codes are the codes it may stand for, space
 * separated. */
typedef struct
{
  const char *symbol;
  const char *codes;
} OutlayCurrencyAlias;

const OutlayCurrency      *outlay_currency_lookup (const char *code);
gboolean                   outlay_currency_is_valid (const char *code);
const char                *outlay_currency_for_locale (void);
const char                *outlay_currency_from_written (const char *text);
const OutlayCurrency      *outlay_currency_get_all (guint *n_currencies);
const OutlayCurrencyAlias *outlay_currency_get_aliases (guint *n_aliases);

G_END_DECLS
