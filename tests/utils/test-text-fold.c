/* test-text-fold.c
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

#include "outlay-text-fold.h"

static void
assert_folds (const char *text,
              const char *expected)
{
  g_autofree char *folded = outlay_text_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

/* Case, accents and spacing, as a person reads them. */
static void
test_fold (void)
{
  assert_folds ("Bäckerei  SCHMIDT", "backerei schmidt");
  assert_folds ("backerei", "backerei");
  assert_folds ("BÄCKEREI", "backerei");
  assert_folds ("Straße", "strasse");
  assert_folds ("ß", "ss");
  assert_folds ("ẞ", "ss");
  assert_folds ("Crème Brûlée", "creme brulee");
  assert_folds ("İstanbul", "istanbul");
  assert_folds ("Ǆemal", "dzemal");
  assert_folds ("ﬁsh", "fish");
  assert_folds ("ＲＥＷＥ", "rewe");
  assert_folds ("Ⅻ", "xii");
  assert_folds ("Ça va", "ca va");
  /* No decomposition: a letter of its own. */
  assert_folds ("Smørrebrød", "smørrebrød");
  /* Already decomposed: "e" and a combining acute accent. */
  assert_folds ("Cafe\xcc\x81", "cafe");
}

static void
test_blanks (void)
{
  assert_folds ("", "");
  assert_folds (NULL, "");
  assert_folds ("   ", "");
  assert_folds ("  SQ *ROASTERY \t 0423\nBERLIN  ", "sq *roastery 0423 berlin");
  /* A no-break space, a thin space and an ideographic space. */
  assert_folds ("Café\xc2\xa0"
                "de\xe2\x80\x89la\xe3\x80\x80Paix",
                "cafe de la paix");
  assert_folds ("\xc2\xa0"
                "Bäckerei\xc2\xa0",
                "backerei");
}

/* Bytes that are not UTF-8 are made valid first, never a crash. */
static void
test_invalid (void)
{
  g_autofree char *folded = outlay_text_fold ("Caf\xe9 M\xfcller");

  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_true (g_str_has_prefix (folded, "caf"));
}

/* The fast path folds as the whole one, and says when it cannot. */
static void
test_ascii (void)
{
  static const char *const texts[] = { "Coffee at Starbucks", "  SQ *ROASTERY  0423 ", "a\tb\nc", "", "X" };
  char                     buffer[64];
  char                     small[4];

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = outlay_text_fold (texts[i]);

      g_assert_true (outlay_text_fold_ascii (texts[i], buffer, sizeof buffer));
      g_assert_cmpstr (buffer, ==, folded);
    }

  g_assert_false (outlay_text_fold_ascii ("Bäckerei", buffer, sizeof buffer));
  g_assert_true (outlay_text_fold_ascii ("A  B", small, sizeof small));
  g_assert_cmpstr (small, ==, "a b");
  g_assert_false (outlay_text_fold_ascii ("ABCD", small, sizeof small));
  g_assert_true (outlay_text_fold_ascii ("   ABC   ", small, sizeof small));
  g_assert_cmpstr (small, ==, "abc");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-fold/fold", test_fold);
  g_test_add_func ("/text-fold/blanks", test_blanks);
  g_test_add_func ("/text-fold/invalid", test_invalid);
  g_test_add_func ("/text-fold/ascii", test_ascii);

  return g_test_run ();
}
