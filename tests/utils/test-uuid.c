/* test-uuid.c: the uuids rows are named by
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
 * * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "outlay-uuid.h"

static void
test_new (void)
{
  g_autofree char *earlier = outlay_uuid_new ();
  g_autofree char *later = NULL;

  g_assert_true (outlay_uuid_is_valid (earlier));
  /* Version 7, RFC 4122 variant. */
  g_assert_cmpint (earlier[14], ==, '7');
  g_assert_nonnull (strchr ("89ab", earlier[19]));

  /* Time-ordered: a uuid made a few milliseconds later sorts after. */
  g_usleep (3 * 1000);
  later = outlay_uuid_new ();
  g_assert_cmpstr (earlier, <, later);
  g_assert_cmpstr (earlier, !=, later);
}

/* Many in the same millisecond: each valid, of version 7, and unique. */
static void
test_write_many (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 10000; i++)
    {
      char text[OUTLAY_UUID_SIZE];

      outlay_uuid_write (text);
      g_assert_true (outlay_uuid_is_valid (text));
      g_assert_cmpint (text[14], ==, '7');
      g_assert_nonnull (strchr ("89ab", text[19]));
      for (guint j = 0; j < OUTLAY_UUID_SIZE - 1; j++)
        g_assert_false (g_ascii_isupper (text[j]));
      g_assert_true (g_hash_table_add (seen, g_strdup (text)));
    }
}

static void
test_is_valid (void)
{
  static const char *const valid[] = {
    "0190b0a2-7c1e-7d3a-9f00-1234567890ab",
    "0190B0A2-7C1E-7D3A-9F00-1234567890AB",
    "00000000-0000-0000-0000-000000000000",
  };
  static const char *const invalid[] = {
    "",
    "0190b0a2-7c1e-7d3a-9f00-1234567890a",
    "0190b0a2-7c1e-7d3a-9f00-1234567890abc",
    "0190b0a27c1e-7d3a-9f00-1234567890ab-",
    "0190b0a2-7c1e-7d3a-9f00-1234567890ag",
    "0190b0a2 7c1e 7d3a 9f00 1234567890ab",
    "12",
    NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (outlay_uuid_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (outlay_uuid_is_valid (invalid[i]));
}

/* Version 5 uuids as RFC 4122 defines them: the values are Python's
 * uuid.uuid5(), the first its documentation's own example. */
static void
test_for_name (void)
{
  g_autofree char *dns = outlay_uuid_new_for_name ("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org");
  g_autofree char *day = outlay_uuid_new_for_name ("0C6F5D1E-7A43-4B8E-9D1A-000000000001", "2027-01-31");
  g_autofree char *again = outlay_uuid_new_for_name ("0c6f5d1e-7a43-4b8e-9d1a-000000000001", "2027-01-31");
  g_autofree char *next = outlay_uuid_new_for_name ("0c6f5d1e-7a43-4b8e-9d1a-000000000001", "2027-02-28");

  g_assert_cmpstr (dns, ==, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  g_assert_cmpstr (day, ==, "99a360b9-e500-5839-9054-5eb0b241cff4");
  g_assert_cmpstr (again, ==, day);
  g_assert_cmpstr (next, !=, day);
  g_assert_null (outlay_uuid_new_for_name ("not a uuid", "2027-01-31"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uuid/new", test_new);
  g_test_add_func ("/uuid/write-many", test_write_many);
  g_test_add_func ("/uuid/is-valid", test_is_valid);
  g_test_add_func ("/uuid/for-name", test_for_name);

  return g_test_run ();
}
