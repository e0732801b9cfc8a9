/* outlay-rate-book.c: the exchange rates of a period, to convert with
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

/* The rate for an amount of a day, from the home currency's point of view
 * (see outlay_rate_book_find()):
 *
 *  1. a rate the person entered for the pair on or before the day, however
 *     old: theirs rank first;
 *  2. else one imported from a file on or before the day, at most
 *     OUTLAY_RATE_BOOK_IMPORTED_DAYS earlier (banks publish on working
 *     days only);
 *  3. else a cross rate through the euro, each of its two legs found so;
 *  4. else none: never a rate from a later day, never 1.
 *
 * A pair's rates are kept whichever way they were published: the ECB's
 * "1 EUR = 1.0813 USD" converts dollars to euros by dividing. */

#include "config.h"

#include <string.h>

#include "outlay-date.h"
#include "outlay-rate-book-private.h"

typedef struct
{
  guint32          julian;
  gboolean         forward; /* 1 unit of the pair's first currency = rate units of its second */
  OutlayRate       rate;
  const char      *text;
  const char      *source_name;
  const char      *updated_at; /* of two rates of a day, one each way, the newer holds */
  char             day[11];
} Entry;

/* The rates between two currencies, @first sorting before @second. */
typedef struct
{
  char    first[4];
  char    second[4];
  GArray *by_source[2]; /* of Entry, by day: entered, imported */
} Pair;

struct _OutlayRateBook
{
  gatomicrefcount ref_count;
  char            home[4];
  GPtrArray      *pairs;
  GStringChunk   *strings;
};

G_DEFINE_BOXED_TYPE (OutlayRateBook, outlay_rate_book, outlay_rate_book_ref, outlay_rate_book_unref)

static void
pair_free (Pair *pair)
{
  g_array_unref (pair->by_source[0]);
  g_array_unref (pair->by_source[1]);
  g_free (pair);
}

OutlayRateBook *
outlay_rate_book_new (const char *home)
{
  OutlayRateBook *book = g_new0 (OutlayRateBook, 1);

  g_atomic_ref_count_init (&book->ref_count);
  g_strlcpy (book->home, home, sizeof book->home);
  book->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
  book->strings = g_string_chunk_new (4096);
  return book;
}

OutlayRateBook *
outlay_rate_book_ref (OutlayRateBook *book)
{
  g_return_val_if_fail (book != NULL, NULL);

  g_atomic_ref_count_inc (&book->ref_count);
  return book;
}

void
outlay_rate_book_unref (OutlayRateBook *book)
{
  g_return_if_fail (book != NULL);

  if (!g_atomic_ref_count_dec (&book->ref_count))
    return;

  g_ptr_array_unref (book->pairs);
  g_string_chunk_free (book->strings);
  g_free (book);
}

/**
 * outlay_rate_book_get_home:
 *
 * Returns: the currency the book converts to
 */
const char *
outlay_rate_book_get_home (OutlayRateBook *book)
{
  g_return_val_if_fail (book != NULL, NULL);

  return book->home;
}

static guint32
julian_of (const char *day)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (day);

  return date != NULL ? g_date_get_julian (date) : 0;
}

static Pair *
find_pair (OutlayRateBook *book,
           const char     *a,
           const char     *b,
           gboolean        create)
{
  const char *first = strcmp (a, b) < 0 ? a : b;
  const char *second = first == a ? b : a;
  Pair       *pair;

  for (guint i = 0; i < book->pairs->len; i++)
    {
      pair = g_ptr_array_index (book->pairs, i);
      if (g_str_equal (pair->first, first) && g_str_equal (pair->second, second))
        return pair;
    }
  if (!create)
    return NULL;

  pair = g_new0 (Pair, 1);
  g_strlcpy (pair->first, first, sizeof pair->first);
  g_strlcpy (pair->second, second, sizeof pair->second);
  pair->by_source[0] = g_array_new (FALSE, FALSE, sizeof (Entry));
  pair->by_source[1] = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_ptr_array_add (book->pairs, pair);
  return pair;
}

/* Adds a stored rate; one whose text or day does not read (a newer
 * version's, a damaged row) is left out. */
void
outlay_rate_book_add (OutlayRateBook  *book,
                      const char      *currency,
                      const char      *quote,
                      const char      *day,
                      const char      *rate,
                      OutlayRateSource source,
                      const char      *source_name,
                      const char      *updated_at)
{
  Entry entry = { 0 };
  Pair *pair;

  if (currency == NULL || quote == NULL || g_strcmp0 (currency, quote) == 0 || strlen (currency) != 3 ||
      strlen (quote) != 3 || !outlay_rate_parse (rate, &entry.rate, NULL) || (entry.julian = julian_of (day)) == 0)
    return;

  pair = find_pair (book, currency, quote, TRUE);
  entry.forward = g_str_equal (pair->first, currency);
  entry.text = g_string_chunk_insert_const (book->strings, rate);
  entry.source_name = source_name != NULL ? g_string_chunk_insert_const (book->strings, source_name) : NULL;
  entry.updated_at = g_string_chunk_insert_const (book->strings, updated_at != NULL ? updated_at : "");
  g_strlcpy (entry.day, day, sizeof entry.day);
  g_array_append_val (pair->by_source[source == OUTLAY_RATE_SOURCE_ENTERED ? 0 : 1], entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  return x->julian < y->julian ? -1 : x->julian > y->julian;
}

/* Done adding: each pair's rates in the order of their days. */
void
outlay_rate_book_seal (OutlayRateBook *book)
{
  for (guint i = 0; i < book->pairs->len; i++)
    {
      Pair *pair = g_ptr_array_index (book->pairs, i);

      g_array_sort (pair->by_source[0], compare_entries);
      g_array_sort (pair->by_source[1], compare_entries);
    }
}

/* The last entry on or before @julian, not before @oldest. */
static const Entry *
latest (GArray *entries,
        guint32 julian,
        guint32 oldest)
{
  const Entry *found;
  guint        low = 0;
  guint        high = entries->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (entries, Entry, mid).julian <= julian)
        low = mid + 1;
      else
        high = mid;
    }

  if (low == 0 || g_array_index (entries, Entry, low - 1).julian < oldest)
    return NULL;

  /* A day may have a rate each way (1 USD = 0.92 EUR, 1 EUR = 1.09 USD):
   * the one written last holds. */
  found = &g_array_index (entries, Entry, low - 1);
  for (guint i = low - 1; i > 0 && g_array_index (entries, Entry, i - 1).julian == found->julian; i--)
    if (strcmp (g_array_index (entries, Entry, i - 1).updated_at, found->updated_at) > 0)
      found = &g_array_index (entries, Entry, i - 1);
  return found;
}

/* One leg, @from to @to: the person's rate, else a file's of the week. */
static gboolean
find_leg (OutlayRateBook   *book,
          const char       *from,
          const char       *to,
          guint32           julian,
          OutlayRateFound  *found)
{
  Pair          *pair = find_pair (book, from, to, FALSE);
  const Entry   *entry = NULL;
  OutlayRateLeg *leg;
  gboolean       from_first;
  guint32        oldest = julian > OUTLAY_RATE_BOOK_IMPORTED_DAYS ? julian - OUTLAY_RATE_BOOK_IMPORTED_DAYS : 1;
  OutlayRateSource source = OUTLAY_RATE_SOURCE_ENTERED;

  if (pair == NULL)
    return FALSE;
  if ((entry = latest (pair->by_source[0], julian, 0)) == NULL &&
      (entry = latest (pair->by_source[1], julian, oldest)) != NULL)
    source = OUTLAY_RATE_SOURCE_IMPORTED;
  if (entry == NULL)
    return FALSE;

  /* 1 first = rate second: from the first, multiply; from the second,
   * divide. */
  from_first = g_str_equal (pair->first, from);
  if (from_first == entry->forward ? !outlay_conversion_multiply (&found->conversion, &entry->rate)
                                   : !outlay_conversion_divide (&found->conversion, &entry->rate))
    return FALSE;

  leg = &found->legs[found->n_legs++];
  g_strlcpy (leg->currency, entry->forward ? pair->first : pair->second, sizeof leg->currency);
  g_strlcpy (leg->quote, entry->forward ? pair->second : pair->first, sizeof leg->quote);
  g_strlcpy (leg->day, entry->day, sizeof leg->day);
  leg->rate = entry->text;
  leg->source = source;
  leg->source_name = entry->source_name;
  return TRUE;
}

/**
 * outlay_rate_book_find:
 * @currency: the currency of an amount
 * @day: its day, YYYY-MM-DD
 * @found: (out caller-allocates): the conversion to the book's home
 *   currency and the rates it took
 *
 * Looks for the rate of @day as the file's comment at the top says.
 *
 * Returns: whether there is a rate; %FALSE means the amount cannot be
 *   converted and must be counted apart
 */
gboolean
outlay_rate_book_find (OutlayRateBook  *book,
                       const char      *currency,
                       const char      *day,
                       OutlayRateFound *found)
{
  guint32 julian;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (currency != NULL && found != NULL, FALSE);

  memset (found, 0, sizeof *found);
  if ((julian = julian_of (day)) == 0 || !outlay_conversion_init (&found->conversion, currency, book->home))
    return FALSE;
  if (g_str_equal (currency, book->home))
    return TRUE;

  if (find_leg (book, currency, book->home, julian, found))
    return TRUE;

  if (g_str_equal (currency, OUTLAY_RATE_BOOK_CROSS) || g_str_equal (book->home, OUTLAY_RATE_BOOK_CROSS))
    return FALSE;

  /* Through the euro, with the factor of each leg in turn. */
  found->n_legs = 0;
  outlay_conversion_init (&found->conversion, currency, book->home);
  return find_leg (book, currency, OUTLAY_RATE_BOOK_CROSS, julian, found) &&
         find_leg (book, OUTLAY_RATE_BOOK_CROSS, book->home, julian, found);
}
