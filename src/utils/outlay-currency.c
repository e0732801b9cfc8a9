/* outlay-currency.c
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

/* INT_CURR_SYMBOL is a GNU name. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "outlay-currency.h"

/* Sorted by code: outlay_currency_lookup() bisects it. The terminating
 * entry is not counted by outlay_currency_get_all(). Symbols that would be
 * ambiguous or right-to-left in a mixed string use the code. */
static const OutlayCurrency currencies[] = {
  { "AED", "AED", 2 },
  { "ARS", "AR$", 2 },
  { "AUD", "A$", 2 },
  { "BGN", "лв.", 2 },
  { "BHD", "BHD", 3 },
  { "BRL", "R$", 2 },
  { "CAD", "CA$", 2 },
  { "CHF", "CHF", 2 },
  { "CLP", "CLP$", 0 },
  { "CNY", "CN¥", 2 },
  { "CZK", "Kč", 2 },
  { "DKK", "kr.", 2 },
  { "EGP", "E£", 2 },
  { "EUR", "€", 2 },
  { "GBP", "£", 2 },
  { "GEL", "₾", 2 },
  { "HKD", "HK$", 2 },
  { "HUF", "Ft", 2 },
  { "IDR", "Rp", 2 },
  { "ILS", "₪", 2 },
  { "INR", "₹", 2 },
  { "IQD", "IQD", 3 },
  { "ISK", "kr", 0 },
  { "JOD", "JOD", 3 },
  { "JPY", "¥", 0 },
  { "KRW", "₩", 0 },
  { "KWD", "KWD", 3 },
  { "KZT", "₸", 2 },
  { "LYD", "LYD", 3 },
  { "MAD", "MAD", 2 },
  { "MXN", "MX$", 2 },
  { "MYR", "RM", 2 },
  { "NGN", "₦", 2 },
  { "NOK", "kr", 2 },
  { "NZD", "NZ$", 2 },
  { "OMR", "OMR", 3 },
  { "PHP", "₱", 2 },
  { "PKR", "Rs", 2 },
  { "PLN", "zł", 2 },
  { "QAR", "QAR", 2 },
  { "RON", "lei", 2 },
  { "RUB", "₽", 2 },
  { "SAR", "SAR", 2 },
  { "SEK", "kr", 2 },
  { "SGD", "S$", 2 },
  { "THB", "฿", 2 },
  { "TND", "TND", 3 },
  { "TRY", "₺", 2 },
  { "TWD", "NT$", 2 },
  { "UAH", "₴", 2 },
  { "USD", "$", 2 },
  { "VND", "₫", 0 },
  { "ZAR", "R", 2 },
  { NULL, NULL, 0 }
};

/* Other ways people write a currency, accepted by the parser only (the
 * formatter always writes the table's symbol). Codes are space separated. */
static const OutlayCurrencyAlias currency_aliases[] = {
  { "$", "USD ARS AUD BRL CAD CLP HKD MXN NZD SGD TWD" },
  { "US$", "USD" },
  { "AU$", "AUD" },
  { "C$", "CAD" },
  { "¥", "CNY" },
  { "￥", "JPY CNY" }, /* U+FFE5, glibc's ja_JP symbol */
  { "円", "JPY" },
  { "元", "CNY" },
  { "RMB", "CNY" },
  { "￦", "KRW" },
  { "원", "KRW" },
  { "Fr.", "CHF" },
  { "SFr.", "CHF" },
  { "kr", "DKK" },
  { "kr.", "ISK NOK SEK" },
  { "Rs", "INR" },
  { "Rs.", "INR PKR" },
  { "TL", "TRY" },
  { "NIS", "ILS" },
  { "грн", "UAH" },
  { "руб.", "RUB" },
};

static int
compare_currency (const void *key,
                  const void *element)
{
  return strcmp (key, ((const OutlayCurrency *) element)->code);
}

/**
 * outlay_currency_lookup:
 * @code: (nullable): an ISO 4217 code in upper case, e.g. "EUR"
 *
 * Returns: (nullable): the table entry for @code, or %NULL when @code is
 *   %NULL or not in the table (the comparison is case-sensitive)
 */
const OutlayCurrency *
outlay_currency_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  return bsearch (code, currencies, G_N_ELEMENTS (currencies) - 1,
                  sizeof currencies[0], compare_currency);
}

gboolean
outlay_currency_is_valid (const char *code)
{
  return outlay_currency_lookup (code) != NULL;
}

/**
 * outlay_currency_get_all:
 * @n_currencies: (out) (optional): the number of currencies
 *
 * Returns: the static currency table, sorted by code and terminated by an
 *   entry whose code is %NULL
 */
const OutlayCurrency *
outlay_currency_get_all (guint *n_currencies)
{
  if (n_currencies != NULL)
    *n_currencies = G_N_ELEMENTS (currencies) - 1;

  return currencies;
}

/**
 * outlay_currency_for_locale:
 *
 * The currency of the calling thread's LC_MONETARY (its int_curr_symbol).
 *
 * Returns: a code in the table. "USD" for the C and POSIX locales, which
 *   name no currency, and for a locale whose currency the table lacks: the
 *   C locale's number conventions are the American ones, and a fixed,
 *   documented answer beats a guess.
 */
const char *
outlay_currency_for_locale (void)
{
  g_autofree char      *code = g_strstrip (g_strdup (nl_langinfo (INT_CURR_SYMBOL)));
  const OutlayCurrency *currency = outlay_currency_lookup (code);

  if (currency != NULL)
    return currency->code;

  return "USD";
}

/**
 * outlay_currency_get_aliases:
 * @n_aliases: (out): the number of aliases
 *
 * Returns: the static table of other ways people write currencies ("US$",
 *   "Fr.", "kr."), for parsers
 */
const OutlayCurrencyAlias *
outlay_currency_get_aliases (guint *n_aliases)
{
  g_return_val_if_fail (n_aliases != NULL, NULL);

  *n_aliases = G_N_ELEMENTS (currency_aliases);

  return currency_aliases;
}

/* Adds the currency @code (three letters) to what @text may name. */
static void
note_candidate (const char **found,
                gboolean    *ambiguous,
                const char  *code)
{
  char                  upper[4] = { code[0], code[1], code[2], '\0' };
  const OutlayCurrency *currency = outlay_currency_lookup (upper);

  g_assert (currency != NULL);

  if (*found == NULL)
    *found = currency->code;
  else if (strcmp (*found, currency->code) != 0)
    *ambiguous = TRUE;
}

/**
 * outlay_currency_from_written:
 * @text: a currency as a file or a person writes it: a code in any case
 *   ("eur"), a symbol ("€") or another usual way ("Fr.", "US$")
 *
 * The amount parser reads a currency beside an amount by the same table.
 *
 * Returns: (nullable): the code of the one currency @text names, or %NULL
 *   when it names none or several ("$", "¥", "kr.")
 */
const char *
outlay_currency_from_written (const char *text)
{
  g_autofree char      *upper = NULL;
  const char           *found = NULL;
  gboolean              ambiguous = FALSE;
  const OutlayCurrency *code;

  g_return_val_if_fail (text != NULL, NULL);

  upper = g_ascii_strup (text, -1);
  if ((code = outlay_currency_lookup (upper)) != NULL)
    return code->code;

  for (guint i = 0; i < G_N_ELEMENTS (currencies) - 1; i++)
    {
      if (strcmp (currencies[i].symbol, text) == 0)
        note_candidate (&found, &ambiguous, currencies[i].code);
    }

  for (guint i = 0; i < G_N_ELEMENTS (currency_aliases); i++)
    {
      if (strcmp (currency_aliases[i].symbol, text) != 0)
        continue;
      for (const char *c = currency_aliases[i].codes; *c != '\0'; c += c[3] == ' ' ? 4 : 3)
        note_candidate (&found, &ambiguous, c);
    }

  return ambiguous ? NULL : found;
}
