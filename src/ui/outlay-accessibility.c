/* outlay-accessibility.c
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

/* What GTK 4.8 gets wrong in the names screen readers hear, put right for
 * every widget of the application (libadwaita's dialogs included) as it is
 * mapped, rather than widget by widget:
 *
 * - a button with a mnemonic is named twice over, by its raw label,
 *   underscore and all, and by the label widget in it: "_Save Save";
 * - the button inside a GtkDropDown, which is what takes the focus, has no
 *   name at all (AT-SPI falls back to "GtkToggleButton") and does not say
 *   what is chosen;
 * - a button with an icon only and no name is called "GtkImage", even
 *   when its tooltip says what it does (libadwaita's own search button in
 *   the Preferences window);
 * - the list inside a libadwaita preferences group is called "GtkListBox"
 *   when the group has no title, as is the list an expander row unfolds,
 *   and the view switcher "AdwViewSwitcher". */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "outlay-accessibility.h"

#define FIXED_KEY "outlay-accessibility-fixed"

static void
drop_raw_button_label (GtkButton *button)
{
  /* GTK sets the raw label again whenever the label changes. */
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static char *
dup_selected_text (GtkDropDown *dropdown)
{
  GObject       *item = gtk_drop_down_get_selected_item (dropdown);
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  g_auto (GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  return NULL;
}

/* The drop-down's button is named by the drop-down and described by the
 * choice: “Period filter”, “This Month”. */
static void
on_drop_down_selected_cb (GtkDropDown *dropdown,
                          GParamSpec  *pspec,
                          GtkWidget   *button)
{
  g_autofree char *text = dup_selected_text (dropdown);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
fix_drop_down_button (GtkWidget   *button,
                      GtkDropDown *dropdown)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, dropdown, NULL,
                                  -1);
  g_signal_connect_object (dropdown, "notify::selected-item",
                           G_CALLBACK (on_drop_down_selected_cb), button, 0);
  on_drop_down_selected_cb (dropdown, NULL, button);
}

/* A group's list is named by the group's title, and the list of rows an
 * expander row unfolds by the expander's title, or has no name: GTK's
 * stand-in, the type name, would be read out. */
static void
name_group_list (GtkWidget *list)
{
  GtkWidget  *group = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget  *expander = gtk_widget_get_ancestor (list, ADW_TYPE_EXPANDER_ROW);
  const char *title;

  if (expander != NULL && !gtk_widget_has_css_class (list, "boxed-list"))
    {
      title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander));
      gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                      -1);
      return;
    }

  if (group == NULL || !gtk_widget_has_css_class (list, "boxed-list"))
    return;

  title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);
}

static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* A name for a button that shows an icon only: its tooltip, or what the
 * icons libadwaita uses without a tooltip stand for. */
static const char *
icon_button_name (GtkButton  *button,
                  const char *icon)
{
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));

  if (tooltip != NULL && *tooltip != '\0')
    return tooltip;
  if (g_strcmp0 (icon, "window-close-symbolic") == 0)
    /* Translators: the name screen readers give a button with a cross, such as a toast's */
    return _("Close");
  if (g_strcmp0 (icon, "system-search-symbolic") == 0 || g_strcmp0 (icon, "edit-find-symbolic") == 0)
    /* Translators: the name screen readers give a button with a magnifying glass */
    return _("Search");

  return NULL;
}

static void
name_icon_button (GtkButton *button)
{
  GtkWidget  *child = gtk_button_get_child (button);
  const char *icon = gtk_button_get_icon_name (button);
  const char *name;

  /* Set as the icon, or as an image child. */
  if (icon == NULL && GTK_IS_IMAGE (child))
    icon = gtk_image_get_icon_name (GTK_IMAGE (child));

  /* Such a button is labelled by its image, which has no name either. */
  if (icon == NULL ||
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;

  name = icon_button_name (button, icon);
  if (name == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static gboolean
on_widget_map_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkWidget *parent;

  if (!(GTK_IS_BUTTON (widget) || GTK_IS_LIST_BOX (widget) || ADW_IS_VIEW_SWITCHER (widget)) ||
      g_object_get_data (G_OBJECT (widget), FIXED_KEY) != NULL)
    return TRUE;

  g_object_set_data (G_OBJECT (widget), FIXED_KEY, GINT_TO_POINTER (TRUE));

  if (ADW_IS_VIEW_SWITCHER (widget))
    {
      /* A list of tabs, each with its name, needs none of its own. */
      if (!has_name (widget))
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      return TRUE;
    }

  if (GTK_IS_LIST_BOX (widget))
    {
      name_group_list (widget);
      return TRUE;
    }

  parent = gtk_widget_get_parent (widget);
  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (parent))
    fix_drop_down_button (widget, GTK_DROP_DOWN (parent));

  g_signal_connect (widget, "notify::label", G_CALLBACK (drop_raw_button_label), NULL);
  g_signal_connect (widget, "notify::use-underline", G_CALLBACK (drop_raw_button_label), NULL);
  drop_raw_button_label (GTK_BUTTON (widget));
  name_icon_button (GTK_BUTTON (widget));

  return TRUE;
}

/**
 * outlay_accessibility_init:
 *
 * Puts right, from now on, the accessible names GTK 4.8 gets wrong. Safe
 * to call more than once.
 */
void
outlay_accessibility_init (void)
{
  static gsize hooked = 0;

  if (g_once_init_enter (&hooked))
    {
      /* The signal exists once the class does. */
      g_autoptr (GTypeClass) klass = g_type_class_ref (GTK_TYPE_WIDGET);
      gulong id = g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                              on_widget_map_hook, NULL, NULL);

      g_once_init_leave (&hooked, id);
    }
}
