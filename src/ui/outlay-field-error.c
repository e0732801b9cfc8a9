/* outlay-field-error.c
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


/* The error shown under a field of a form, and what a screen reader says
 * about the field. */

#include "config.h"

#include "outlay-field-error.h"

/**
 * outlay_field_error_set:
 * @editable: (nullable): the part of @field that has the focus
 * @message: (nullable): what is wrong, or %NULL to hide the error
 * @description: (nullable): what a screen reader says about the field when
 *   nothing is wrong
 *
 * Shows or hides the error under a field, marks the field, and makes the
 * message the accessible description of the field and of its editable part,
 * which is what has the focus.
 */
void
outlay_field_error_set (GtkWidget  *field,
                        GtkWidget  *editable,
                        GtkLabel   *label,
                        const char *message,
                        const char *description)
{
  GtkWidget  *targets[] = { field, editable };
  const char *said = message != NULL ? message : description;

  if (message != NULL)
    {
      gtk_label_set_text (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_widget_add_css_class (field, "error");
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      gtk_label_set_text (label, "");
      gtk_widget_remove_css_class (field, "error");
    }

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      if (targets[i] == NULL)
        continue;

      if (said != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (targets[i]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (targets[i]),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/**
 * outlay_entry_row_get_text:
 *
 * Returns: (transfer none): the text widget inside @row, which has the focus
 */
GtkWidget *
outlay_entry_row_get_text (AdwEntryRow *row)
{
  return GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));
}

/**
 * outlay_entry_row_label_text:
 * @error: the label under the row that shows its error
 *
 * The focus is on a row's text, so that is where a screen reader looks for
 * the field's name and its error.
 */
void
outlay_entry_row_label_text (AdwEntryRow *row,
                             GtkLabel    *error)
{
  GtkWidget *text = outlay_entry_row_get_text (row);

  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error, NULL,
                                  -1);
}
