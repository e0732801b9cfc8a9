/* outlay-test-widgets.c
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

#include "outlay-test-widgets.h"

/* Every line of every label drawn under @widget starts a word: with Large
 * Text on a phone, nothing is broken inside one. */
void
outlay_test_assert_whole_words (GtkWidget *widget)
{
  PangoLayout *layout;
  const char  *text;
  GSList      *lines;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    outlay_test_assert_whole_words (c);

  if (!GTK_IS_LABEL (widget) || !gtk_widget_is_drawable (widget))
    return;

  layout = gtk_label_get_layout (GTK_LABEL (widget));
  text = pango_layout_get_text (layout);
  lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      g_assert_cmpint (line->start_index, >, 0);
      if (!g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + line->start_index))))
        g_error ("“%s” is broken inside a word at byte %d", text, line->start_index);
    }
}
