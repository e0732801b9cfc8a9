/* test-number.c
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

#include <errno.h>

#include "outlay-number.h"

/* What errno may hold when a parse starts: EAGAIN is what GLib 2.74's
 * futex waits leave behind (issue 11); the others are what a parser that
 * trusts errno would take for "no digits" or "too large". */
static const int stale_errnos[] = { 0, EAGAIN, ERANGE, EINVAL, ENOMEM };

/* Parses @text once after each stale errno: it gives @expected when
 * @parses, and otherwise changes nothing; errno is neither read nor
 * written. */
static void
check_parse (const char *text,
             guint64     min,
             guint64     max,
             gboolean    parses,
             guint64     expected)
{
  for (guint i = 0; i < G_N_ELEMENTS (stale_errnos); i++)
    {
      guint64 value = 12345;

      errno = stale_errnos[i];
      g_assert_cmpint (outlay_parse_unsigned (text, min, max, &value), ==, parses);
      g_assert_cmpuint (value, ==, parses ? expected : 12345);
      g_assert_cmpint (errno, ==, stale_errnos[i]);
    }
}

#define assert_parses(text, min, max, expected) check_parse (text, min, max, TRUE, expected)
#define assert_rejected(text, min, max) check_parse (text, min, max, FALSE, 0)

/* The numbers of a HomeBank version, an expense id, a column: read
 * whatever errno holds when the parse starts. */
static void
test_numbers (void)
{
  assert_parses ("1", 0, G_MAXUINT32, 1);
  assert_parses ("3", 0, G_MAXUINT32, 3);
  assert_parses ("4", 0, G_MAXUINT32, 4);
  assert_parses ("0", 0, G_MAXUINT32, 0);
  assert_parses ("739944", 1, 2932896, 739944);
  assert_parses ("007", 0, 10, 7);
  assert_parses ("4294967295", 0, G_MAXUINT32, G_MAXUINT32);
  assert_parses ("9223372036854775807", 1, G_MAXINT64, G_MAXINT64);
  assert_parses ("18446744073709551615", 0, G_MAXUINT64, G_MAXUINT64);
  g_assert_true (outlay_parse_unsigned ("42", 0, 100, NULL));
}

static void
test_range (void)
{
  assert_parses ("1", 1, 5, 1);
  assert_parses ("5", 1, 5, 5);
  assert_rejected ("0", 1, 5);
  assert_rejected ("6", 1, 5);
  assert_rejected ("4294967296", 0, G_MAXUINT32);
  assert_rejected ("9223372036854775808", 1, G_MAXINT64);
  g_assert_true (outlay_parse_unsigned ("000", 0, 0, NULL));
  g_assert_false (outlay_parse_unsigned ("1", 0, 0, NULL));
}

/* A number past 2^64 - 1 is refused, not cut down or wrapped around. */
static void
test_overflow (void)
{
  assert_rejected ("18446744073709551616", 0, G_MAXUINT64);
  assert_rejected ("18446744073709551620", 0, G_MAXUINT64);
  assert_rejected ("99999999999999999999", 0, G_MAXUINT64);
  assert_rejected ("184467440737095516150", 0, G_MAXUINT64);
  assert_rejected ("36893488147419103232", 0, G_MAXUINT64);
}

static void
test_not_numbers (void)
{
  static const char *const texts[] = {
    "",
    " 1",
    "1 ",
    "\t1",
    "1\n",
    "+1",
    "-1",
    "-0",
    "1.3",
    "1,5",
    "1e3",
    "0x10",
    "12a",
    "a12",
    "one",
    "\xd9\xa1",     /* ARABIC-INDIC DIGIT ONE */
    "\xef\xbc\x91", /* FULLWIDTH DIGIT ONE */
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_rejected (texts[i], 0, G_MAXUINT64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/numbers", test_numbers);
  g_test_add_func ("/number/range", test_range);
  g_test_add_func ("/number/overflow", test_overflow);
  g_test_add_func ("/number/not-numbers", test_not_numbers);

  return g_test_run ();
}
