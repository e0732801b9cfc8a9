/* outlay-preferences-window.c
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

/* Preferences: the currency of new expenses and of the totals. It starts
 * as the locale's; choosing one keeps it whatever the locale. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-money.h"
#include "outlay-preferences-window.h"

struct _OutlayPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings   *settings;
  AdwComboRow *currency_row;
  GPtrArray   *codes; /* code per row; "" for automatic */
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (OutlayPreferencesWindow, outlay_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
sync_from_settings (OutlayPreferencesWindow *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "currency");
  guint            selected = 0;

  for (guint i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes, i), code) == 0)
      selected = i;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->currency_row, selected);
  self->updating = FALSE;
}

static void
on_selected_cb (OutlayPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);

  if (self->updating || selected >= self->codes->len)
    return;

  g_settings_set_string (self->settings, "currency", g_ptr_array_index (self->codes, selected));
}

static void
outlay_preferences_window_dispose (GObject *object)
{
  OutlayPreferencesWindow *self = OUTLAY_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->codes, g_ptr_array_unref);

  G_OBJECT_CLASS (outlay_preferences_window_parent_class)->dispose (object);
}

static void
outlay_preferences_window_class_init (OutlayPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_preferences_window_dispose;
}

static void
outlay_preferences_window_init (OutlayPreferencesWindow *self)
{
  AdwPreferencesPage  *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GtkExpression) expression = NULL;
  g_autofree char      *automatic = NULL;
  const OutlayCurrency *currencies;
  guint                 n_currencies;

  self->codes = g_ptr_array_new_with_free_func (g_free);

  adw_preferences_page_set_title (page, _ ("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");
  adw_preferences_group_set_title (group, _ ("Money"));
  adw_preferences_group_set_description (group, _ ("Totals add up the expenses in this currency."));

  /* Translators: the currency choice that follows the language settings, with its code */
  automatic = g_strdup_printf (_ ("Automatic (%s)"), outlay_currency_for_locale ());
  gtk_string_list_append (names, automatic);
  g_ptr_array_add (self->codes, g_strdup (""));

  currencies = outlay_currency_get_all (&n_currencies);
  for (guint i = 0; i < n_currencies; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s — %s", currencies[i].code, currencies[i].symbol);

      gtk_string_list_append (names, name);
      g_ptr_array_add (self->codes, g_strdup (currencies[i].code));
    }

  self->currency_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row), _ ("_Currency"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->currency_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->currency_row), _ ("For new expenses and the totals"));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->currency_row, expression);
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));

  adw_preferences_group_add (group, GTK_WIDGET (self->currency_row));
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 360);
}

GtkWidget *
outlay_preferences_window_new (GSettings *settings)
{
  OutlayPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (OUTLAY_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  sync_from_settings (self);
  g_signal_connect_object (self->currency_row, "notify::selected", G_CALLBACK (on_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::currency", G_CALLBACK (sync_from_settings), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
