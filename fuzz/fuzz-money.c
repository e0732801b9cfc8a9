/* fuzz-money.c: libFuzzer harness for the amount parser
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

#include <locale.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "outlay-money.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The first byte picks the currency, the rest is what a person typed. Any
 * text must either parse or fail with a GError, never crash; an amount that
 * parses must survive formatting and parsing again unchanged. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const OutlayCurrency *currencies;
  const OutlayCurrency *currency;
  g_autofree char      *text = NULL;
  g_autoptr (GError) error = NULL;
  guint  n_currencies;
  gint64 amount;

  if (size == 0)
    return 0;

  currencies = outlay_currency_get_all (&n_currencies);
  currency = &currencies[data[0] % n_currencies];
  text = g_strndup ((const char *) data + 1, size - 1);

  if (outlay_money_parse (text, currency->code, &amount, &error))
    {
      g_autofree char *formatted = outlay_money_format (amount, currency->code);
      g_autofree char *plain = outlay_money_format_plain (amount, currency->code);
      gint64           again = 0;

      if (!outlay_money_parse (formatted, currency->code, &again, NULL) || again != amount)
        g_error ("“%s” parsed as %" G_GINT64_FORMAT " but its formatting “%s” did not parse back",
                 text, amount, formatted);
      if (!outlay_money_parse_plain (plain, currency->code, &again, NULL) || again != amount)
        g_error ("“%s” parsed as %" G_GINT64_FORMAT " but “%s” did not parse back",
                 text, amount, plain);
    }
  else
    {
      g_assert (error != NULL);
      g_assert (error->message != NULL && error->message[0] != '\0');
    }

  g_clear_error (&error);
  if (outlay_money_parse_plain (text, currency->code, &amount, &error))
    {
      g_autofree char *plain = outlay_money_format_plain (amount, currency->code);
      gint64           again = 0;

      if (!outlay_money_parse_plain (plain, currency->code, &again, NULL) || again != amount)
        g_error ("plain “%s” parsed as %" G_GINT64_FORMAT " but “%s” did not parse back",
                 text, amount, plain);
    }
  else
    {
      g_assert (error != NULL);
    }

  return 0;
}
