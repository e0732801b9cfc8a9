/* outlay-form-rows.c
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

/* Rows that the editors' forms share: a choice among words, and a number. */

#include "config.h"

#include "outlay-form-rows.h"

/**
 * outlay_form_combo_row_new:
 * @title: the row's title, with a mnemonic
 * @choices: (array zero-terminated=1): the words to choose among
 *
 * Returns: (transfer floating): an #AdwComboRow
 */
GtkWidget *
outlay_form_combo_row_new (const char        *title,
                           const char *const *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  return row;
}

/**
 * outlay_form_spin_row_new:
 * @title: the row's title, with a mnemonic
 * @spin: (out) (transfer none): the spin button, named by the row for
 *   screen readers
 *
 * Returns: (transfer floating): an #AdwActionRow with a spin button
 */
GtkWidget *
outlay_form_spin_row_new (const char *title,
                          double      min,
                          double      max,
                          GtkWidget **spin)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  *spin = gtk_spin_button_new_with_range (min, max, 1);
  gtk_widget_set_valign (*spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *spin);
  return row;
}
