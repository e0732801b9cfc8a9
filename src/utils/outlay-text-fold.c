/* outlay-text-fold.c: text compared as a person reads it
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

#include <string.h>

#include "outlay-text-fold.h"

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

/* @text decomposed (NFKD), without its combining marks. */
static char *
decompose (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  GString         *out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_mark (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Every run of blanks as one space, none at either end. */
static char *
collapse_blanks (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean blank = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_blank (c))
        {
          blank = out->len > 0;
          continue;
        }
      if (blank)
        g_string_append_c (out, ' ');
      blank = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * outlay_text_fold_ascii:
 * @text: (nullable): the text
 * @buffer: where to write the folded text
 * @size: the size of @buffer, in bytes
 *
 * outlay_text_fold() without an allocation, for the common case of plain
 * ASCII text: loops that fold many texts try it first.
 *
 * Returns: %FALSE, with @buffer undefined, when @text holds anything but
 *   ASCII or its folded form does not fit in @size bytes (with its NUL)
 */
gboolean
outlay_text_fold_ascii (const char *text,
                        char       *buffer,
                        gsize       size)
{
  gsize    length = 0;
  gboolean blank = FALSE;

  g_return_val_if_fail (buffer != NULL && size > 0, FALSE);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      char c = *p;

      if ((guchar) c >= 0x80)
        return FALSE;
      if (g_ascii_isspace (c))
        {
          blank = length > 0;
          continue;
        }
      if (length + (blank ? 2 : 1) >= size)
        return FALSE;
      if (blank)
        buffer[length++] = ' ';
      blank = FALSE;
      buffer[length++] = g_ascii_tolower (c);
    }

  buffer[length] = '\0';
  return TRUE;
}

/**
 * outlay_text_fold:
 * @text: (nullable): the text, in UTF-8 (what is not is made valid first)
 *
 * The form in which two texts compare as a person reads them, whatever
 * their case, accents and spacing: compatibility-decomposed (NFKD), without
 * combining marks, case-folded, every run of blanks one space, none at
 * either end. "Bäckerei  SCHMIDT" and "backerei schmidt" fold alike, "ß"
 * folds to "ss", "ﬁ" to "fi" and a full-width "Ａ" to "a".
 *
 * Returns: (transfer full): the folded text; "" for %NULL
 */
char *
outlay_text_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return g_strdup ("");

  if (is_ascii (text))
    {
      gsize size = strlen (text) + 1;
      char *buffer = g_malloc (size);

      /* Folding never lengthens ASCII text. */
      outlay_text_fold_ascii (text, buffer, size);
      return buffer;
    }

  valid = g_utf8_make_valid (text, -1);
  decomposed = decompose (valid);
  folded = g_utf8_casefold (decomposed, -1);
  /* Case folding can give back what decomposes further ("ǅ"). */
  if (!is_ascii (folded))
    {
      g_autofree char *again = decompose (folded);

      g_free (folded);
      folded = g_steal_pointer (&again);
    }

  return collapse_blanks (folded);
}
