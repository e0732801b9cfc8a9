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

/* What the editors' forms and the Dashboard's groups share: rows for a
 * choice among words and for a number, a label that wraps, and a row's
 * name beside its amount. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-fit-bin.h"
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

/**
 * outlay_form_label_new:
 * @text: (nullable): the label's text
 * @css_class: (nullable): a style class, such as "heading" or "caption"
 * @xalign: where the text lines up, 0 at the start and 1 at the end
 *
 * A label that wraps, inside a word too where large text leaves no other
 * way: a row of a list never widens a phone's window.
 *
 * Returns: (transfer floating): a #GtkLabel
 */
GtkWidget *
outlay_form_label_new (const char *text,
                       const char *css_class,
                       float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/**
 * outlay_form_name_amount_new:
 * @name: what the row is about, such as a budget's name
 * @amount: its amount, written whole
 *
 * The first line of a row of the Dashboard's groups: the name in bold,
 * wrapping, and the amount at the end, which shrinks to fit rather than
 * break inside the number.
 *
 * Returns: (transfer floating): a horizontal #GtkBox
 */
GtkWidget *
outlay_form_name_amount_new (const char *name,
                             const char *amount)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name_label = outlay_form_label_new (name, "heading", 0);
  GtkWidget *amount_label = outlay_form_label_new (amount, "numeric", 1);
  GtkWidget *fit = outlay_fit_bin_new ();

  gtk_label_set_wrap (GTK_LABEL (amount_label), FALSE);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_box_append (GTK_BOX (line), name_label);
  gtk_widget_set_valign (fit, GTK_ALIGN_CENTER);
  adw_bin_set_child (ADW_BIN (fit), amount_label);
  gtk_box_append (GTK_BOX (line), fit);
  return line;
}

/**
 * outlay_form_group_new:
 * @page: the #AdwPreferencesPage it goes at the end of
 * @title: (nullable): its title
 * @description: (nullable): what it says under the title
 *
 * Returns: (transfer none): an #AdwPreferencesGroup, added to @page
 */
GtkWidget *
outlay_form_group_new (GtkWidget  *page,
                       const char *title,
                       const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

/**
 * outlay_form_dialog_header_new:
 * @dialog: the dialog, which Cancel destroys
 * @accept_label: the suggested button's label, with a mnemonic: "_Save"
 * @accept: what it does, called with @dialog
 * @accept_button: (out) (transfer none): the suggested button
 *
 * Returns: (transfer floating): a dialog's header bar: Cancel at the
 *   start, the suggested button at the end, no window buttons
 */
GtkWidget *
outlay_form_dialog_header_new (GtkWindow  *dialog,
                               const char *accept_label,
                               GCallback   accept,
                               GtkWidget **accept_button)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  /* The window's title, which gives way to the buttons on a phone with
   * large text (the header bar's own title and AdwWindowTitle keep five
   * letters, which pushes the window wider than a phone at text ×2). */
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (title, "title");
  gtk_widget_add_css_class (subtitle, "subtitle");
  for (GtkWidget *label = title; label != NULL; label = label == title ? subtitle : NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (titles), label);
    }
  gtk_widget_set_visible (subtitle, FALSE);
  g_object_bind_property (dialog, "title", title, "label", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (header), "outlay-subtitle", subtitle);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), titles);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  *accept_button = gtk_button_new_with_mnemonic (accept_label);
  gtk_widget_add_css_class (*accept_button, "suggested-action");
  g_signal_connect_swapped (*accept_button, "clicked", accept, dialog);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), *accept_button);
  return header;
}

/**
 * outlay_form_dialog_header_set_subtitle:
 * @header: from outlay_form_dialog_header_new()
 * @subtitle: (nullable): a line under the window's title, such as the name
 *   of what is edited
 */
void
outlay_form_dialog_header_set_subtitle (GtkWidget  *header,
                                        const char *subtitle)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (header), "outlay-subtitle");

  g_return_if_fail (GTK_IS_LABEL (label));
  gtk_label_set_label (GTK_LABEL (label), subtitle);
  gtk_widget_set_visible (label, subtitle != NULL && *subtitle != '\0');
}

/**
 * outlay_form_button_row_new:
 * @title: the title, with a mnemonic
 * @subtitle: what it does
 * @icon_name: the icon at its end
 *
 * Returns: (transfer floating): a row that does something when activated
 */
GtkWidget *
outlay_form_button_row_new (const char *title,
                            const char *subtitle,
                            const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}
