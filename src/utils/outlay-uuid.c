/* outlay-uuid.c: the uuids that name every row of a ledger
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

#include <string.h>

#include "outlay-uuid.h"

/* The 16 bytes of a uuid in its lower-case text form. */
static void
write_bytes (const guint8 b[16],
             char        *text)
{
  static const char hex[] = "0123456789abcdef";
  guint             t = 0;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        text[t++] = '-';
      text[t++] = hex[b[i] >> 4];
      text[t++] = hex[b[i] & 0x0f];
    }
  text[t] = '\0';

  g_assert (t + 1 == OUTLAY_UUID_SIZE);
}

/**
 * outlay_uuid_write:
 * @text: (out caller-allocates): room for %OUTLAY_UUID_SIZE bytes
 *
 * Writes a new time-ordered (version 7) UUID in its lower-case text form:
 * new rows land at the end of a uuid index instead of on a random page of
 * it, which keeps bulk imports fast on a large file. A bulk insert makes a
 * million of them, so this takes three random numbers and no printf.
 */
void
outlay_uuid_write (char *text)
{
  guint8  b[16];
  guint64 ms = (guint64) (g_get_real_time () / 1000);

  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (8 * (5 - i)));
  for (guint i = 6; i < 16; i += 4)
    {
      guint32 r = g_random_int ();

      for (guint j = i; j < MIN (i + 4, 16); j++, r >>= 8)
        b[j] = (guint8) r;
    }
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  write_bytes (b, text);
}

/**
 * outlay_uuid_new:
 *
 * Returns: (transfer full): a new uuid, as outlay_uuid_write() makes it
 */
char *
outlay_uuid_new (void)
{
  char *text = g_malloc (OUTLAY_UUID_SIZE);

  outlay_uuid_write (text);
  return text;
}

/**
 * outlay_uuid_is_valid:
 * @text: (nullable): text to check
 *
 * Returns: whether @text has the shape of a uuid,
 *   `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hexadecimal digits of any case
 */
gboolean
outlay_uuid_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 36)
    return FALSE;

  for (guint i = 0; i < 36; i++)
    {
      gboolean dash = i == 8 || i == 13 || i == 18 || i == 23;

      if (dash ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * outlay_uuid_new_for_name:
 * @namespace_uuid: a uuid, in its text form
 * @name: any text
 *
 * A name-based uuid (version 5, RFC 4122: SHA-1 of the namespace's bytes
 * and the name): the same namespace and name give the same uuid on every
 * device and in every process, so that something two of them make apart,
 * such as one occurrence of a recurring expense, is one row.
 *
 * Returns: (transfer full): the uuid, or %NULL if @namespace_uuid is not one
 */
char *
outlay_uuid_new_for_name (const char *namespace_uuid,
                          const char *name)
{
  g_autoptr (GChecksum) checksum = NULL;
  guint8 ns[16];
  guint8 digest[20];
  gsize  digest_len = sizeof digest;
  char  *text;

  g_return_val_if_fail (name != NULL, NULL);

  if (!outlay_uuid_is_valid (namespace_uuid))
    return NULL;
  for (guint i = 0, j = 0; i < 16; j++)
    {
      if (namespace_uuid[j] == '-')
        continue;
      ns[i++] = (guint8) (g_ascii_xdigit_value (namespace_uuid[j]) << 4 | g_ascii_xdigit_value (namespace_uuid[j + 1]));
      j++;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (checksum, ns, sizeof ns);
  g_checksum_update (checksum, (const guchar *) name, -1);
  g_checksum_get_digest (checksum, digest, &digest_len);

  digest[6] = 0x50 | (digest[6] & 0x0f);
  digest[8] = 0x80 | (digest[8] & 0x3f);
  text = g_malloc (OUTLAY_UUID_SIZE);
  write_bytes (digest, text);
  return text;
}
