/* outlay-quick-entry.c: an expense written as a few words
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

/* "12.50 lunch", "4,20 Kaffee", "taxi 18": what GNOME Shell's search
 * hands over, word by word, read as an amount and what it was for. The
 * amount is read as the editor reads one (outlay_money_parse(), in the
 * person's locale) at the start or at the end; the other words are the
 * description, which must say something in letters. */

#include "config.h"

#include "outlay-money.h"
#include "outlay-quick-entry.h"

/* Whether @text has a letter: "12 15" is two numbers, not an expense. */
static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
read_amount (const char *word,
             const char *currency,
             gint64     *amount)
{
  gint64 read = 0;

  /* Money back is not written in a few words. */
  if (!outlay_money_parse (word, currency, &read, NULL) || read <= 0)
    return FALSE;
  *amount = read;
  return TRUE;
}

/**
 * outlay_quick_entry_parse:
 * @words: (array zero-terminated=1): the words typed, such as GNOME Shell
 *   splits a search into
 * @currency: the currency of the amount
 * @amount: (out): the amount, in minor units of @currency, more than zero
 * @description: (out) (transfer full): the other words, one space apart
 *
 * Reads @words as an expense: an amount first or last, and a description
 * with at least one letter.
 *
 * Returns: whether @words say an expense
 */
gboolean
outlay_quick_entry_parse (const char *const *words,
                          const char        *currency,
                          gint64            *amount,
                          char             **description)
{
  g_autofree char *text = NULL;
  guint            n;
  guint            first = 0;
  guint            last;

  g_return_val_if_fail (words != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);

  n = g_strv_length ((char **) words);
  if (n < 2)
    return FALSE;
  last = n - 1;

  if (read_amount (words[0], currency, amount))
    first = 1;
  else if (read_amount (words[n - 1], currency, amount))
    last = n - 2;
  else
    return FALSE;

  {
    g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
    g_auto (GStrv) rest = NULL;

    for (guint i = first; i <= last; i++)
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    rest = g_strv_builder_end (builder);
    text = g_strjoinv (" ", rest);
  }
  if (!has_letter (text))
    return FALSE;

  *description = g_steal_pointer (&text);
  return TRUE;
}
