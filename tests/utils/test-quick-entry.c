/* test-quick-entry.c: "12.50 lunch" read as an expense
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

#define _GNU_SOURCE
#include <locale.h>

#include <glib.h>

#include "outlay-quick-entry.h"

/* What a row's words come to: "1250 lunch", or "-" when they are no
 * expense. */
static char *
read_words (const char *locale_name,
            const char *typed,
            const char *currency)
{
  locale_t loc = newlocale (LC_ALL_MASK, locale_name, (locale_t) 0);
  g_auto (GStrv) words = g_strsplit (typed, " ", -1);
  g_autofree char *description = NULL;
  gint64   amount = 0;
  gboolean read;

  if (loc == (locale_t) 0)
    {
      g_test_fail_printf ("The locale %s is not installed: run build-aux/install-deps.", locale_name);
      return g_strdup ("?");
    }
  uselocale (loc);
  read = outlay_quick_entry_parse ((const char *const *) words, currency, &amount, &description);
  uselocale (LC_GLOBAL_LOCALE);
  freelocale (loc);

  return read ? g_strdup_printf ("%" G_GINT64_FORMAT " %s", amount, description) : g_strdup ("-");
}

static void
test_parse (void)
{
  static const struct
  {
    const char *locale;
    const char *typed;
    const char *currency;
    const char *expected;
  } rows[] = {
    /* The amount first or last, the rest said as typed. */
    { "en_US.UTF-8", "12.50 lunch", "EUR", "1250 lunch" },
    { "en_US.UTF-8", "taxi to the station 18", "EUR", "1800 taxi to the station" },
    { "en_US.UTF-8", "€3.20 Coffee at Mario's", "EUR", "320 Coffee at Mario's" },
    /* A decimal comma in a German locale, and in any (not three digits). */
    { "de_DE.UTF-8", "4,20 Kaffee", "EUR", "420 Kaffee" },
    { "en_US.UTF-8", "4,20 Kaffee", "EUR", "420 Kaffee" },
    { "de_DE.UTF-8", "1.234,50 Fahrrad", "EUR", "123450 Fahrrad" },
    /* Yen have no decimals; a sum is worked out as in the editor. */
    { "ja_JP.UTF-8", "850 ramen", "JPY", "850 ramen" },
    { "en_US.UTF-8", "3*2.50 beers", "EUR", "750 beers" },
    /* The first word wins when both are numbers; empty words are skipped. */
    { "en_US.UTF-8", "12 bus 7", "EUR", "1200 bus 7" },
    { "en_US.UTF-8", "5  bread", "EUR", "500 bread" },
    /* Not an expense: one word, no letters, nothing, money back, too
     * precise, a number in the middle only, another currency's symbol. */
    { "en_US.UTF-8", "12.50", "EUR", "-" },
    { "en_US.UTF-8", "lunch", "EUR", "-" },
    { "en_US.UTF-8", "12 15", "EUR", "-" },
    { "en_US.UTF-8", "0 lunch", "EUR", "-" },
    { "en_US.UTF-8", "-5 refund", "EUR", "-" },
    { "en_US.UTF-8", "12.505 lunch", "EUR", "-" },
    { "en_US.UTF-8", "lunch 12 at work", "EUR", "-" },
    { "en_US.UTF-8", "$12 lunch", "EUR", "-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *got = read_words (rows[i].locale, rows[i].typed, rows[i].currency);
      g_autofree char *said = g_strdup_printf ("%s in %s: %s", rows[i].typed, rows[i].locale, got);
      g_autofree char *expected = g_strdup_printf ("%s in %s: %s", rows[i].typed, rows[i].locale,
                                                   rows[i].expected);

      g_assert_cmpstr (said, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quick-entry/parse", test_parse);
  return g_test_run ();
}
