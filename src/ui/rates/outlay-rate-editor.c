/* outlay-rate-editor.c: one exchange rate, new or changed
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

/* An exchange rate's editor: 1 currency = rate quote on a day. The rate
 * is taken as typed, with a comma for the decimal point too; what the
 * store refuses shows under the rate, and what was typed stays. Saving a
 * rate of a pair and day replaces the person's rate of that pair and day. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-currency.h"
#include "outlay-date.h"
#include "outlay-date-row.h"
#include "outlay-form-rows.h"
#include "outlay-rate.h"
#include "outlay-rate-editor.h"

struct _OutlayRateEditor
{
  AdwWindow parent_instance;

  OutlayRepository   *repository;
  OutlayExchangeRate *rate; /* the person's rate changed, or %NULL */

  GtkWidget *save_button;
  GtkWidget *currency_row;
  GtkWidget *quote_row;
  GtkWidget *day_row;
  GtkWidget *rate_row;
  GtkWidget *rate_error;
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayRateEditor, outlay_rate_editor, ADW_TYPE_WINDOW)

static const char *
selected_code (GtkWidget *row)
{
  guint                 n_currencies;
  const OutlayCurrency *currencies = outlay_currency_get_all (&n_currencies);
  guint                 selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return selected < n_currencies ? currencies[selected].code : NULL;
}

static void
select_code (GtkWidget  *row,
             const char *code)
{
  guint                 n_currencies;
  const OutlayCurrency *currencies = outlay_currency_get_all (&n_currencies);

  for (guint i = 0; i < n_currencies; i++)
    if (g_strcmp0 (currencies[i].code, code) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
}

static void
show_error (OutlayRateEditor *self,
            const char       *message)
{
  gtk_label_set_text (GTK_LABEL (self->rate_error), message != NULL ? message : "");
  gtk_widget_set_visible (self->rate_error, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (self->rate_row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->rate_row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->rate_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
on_rate_changed_cb (OutlayRateEditor *self)
{
  show_error (self, NULL);
}

static GtkWidget *
currency_row_new (const char *title)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GtkExpression) expression = NULL;
  GtkWidget            *row = adw_combo_row_new ();
  guint                 n_currencies;
  const OutlayCurrency *currencies = outlay_currency_get_all (&n_currencies);

  for (guint i = 0; i < n_currencies; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s — %s", currencies[i].code, currencies[i].symbol);

      gtk_string_list_append (names, name);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  return row;
}

static void
outlay_rate_editor_dispose (GObject *object)
{
  OutlayRateEditor *self = OUTLAY_RATE_EDITOR (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->rate);

  G_OBJECT_CLASS (outlay_rate_editor_parent_class)->dispose (object);
}

static void
outlay_rate_editor_class_init (OutlayRateEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_rate_editor_dispose;

  /**
   * OutlayRateEditor::saved:
   * @rate: the rate as stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, OUTLAY_TYPE_EXCHANGE_RATE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_rate_editor_init (OutlayRateEditor *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;
  GtkWidget *header;

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 420, 480);

  header = outlay_form_dialog_header_new (GTK_WINDOW (self), _("_Save"), G_CALLBACK (outlay_rate_editor_save),
                                          &self->save_button);
  gtk_box_append (GTK_BOX (content), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);

  group = outlay_form_group_new (page, NULL, _("What one unit of a currency was worth in another on a day."));
  /* Translators: the currency a rate is of: 1 USD = … */
  self->currency_row = currency_row_new (_("C_urrency"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->currency_row);
  /* Translators: the currency a rate is in: … = 0.92 EUR */
  self->quote_row = currency_row_new (_("_In"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->quote_row);
  self->day_row = g_object_new (OUTLAY_TYPE_DATE_ROW, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row), _("_Day"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->day_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->day_row);

  self->rate_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rate_row), _("_Rate"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->rate_row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->rate_row), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->rate_row), 10);
  g_signal_connect_swapped (self->rate_row, "changed", G_CALLBACK (on_rate_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rate_row);

  /* Said at once by a screen reader when it shows. */
  self->rate_error = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, "xalign", 0.f, "wrap",
                                   TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR, "visible", FALSE, "margin-top", 6, NULL);
  gtk_widget_add_css_class (self->rate_error, "error");
  gtk_widget_add_css_class (self->rate_error, "caption");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rate_error);

  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

/**
 * outlay_rate_editor_new:
 * @home: the quote a new rate starts with
 * @rate: (nullable): the rate to change, or %NULL for a new one; of a
 *   file's, the person's own of its pair and day is made
 *
 * Returns: (transfer none): the editor, not yet shown
 */
GtkWidget *
outlay_rate_editor_new (GtkWindow          *parent,
                        OutlayRepository   *repository,
                        const char         *home,
                        OutlayExchangeRate *rate)
{
  OutlayRateEditor *self;
  const char       *title = rate != NULL ? _("Edit Rate") : _("Add Rate");

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (home != NULL, NULL);

  self = g_object_new (OUTLAY_TYPE_RATE_EDITOR, "title", title, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->repository = g_object_ref (repository);

  if (rate != NULL && outlay_exchange_rate_get_source (rate) == OUTLAY_RATE_SOURCE_ENTERED)
    self->rate = g_object_ref (rate);
  if (rate != NULL)
    {
      select_code (self->currency_row, outlay_exchange_rate_get_currency (rate));
      select_code (self->quote_row, outlay_exchange_rate_get_quote (rate));
      outlay_date_row_set_date (OUTLAY_DATE_ROW (self->day_row), outlay_exchange_rate_get_day (rate));
      gtk_editable_set_text (GTK_EDITABLE (self->rate_row), outlay_exchange_rate_get_rate (rate));
    }
  else
    {
      g_autoptr (GDate) today = outlay_date_new_today ();
      g_autofree char *day = outlay_date_format_iso (today);

      outlay_date_row_set_date (OUTLAY_DATE_ROW (self->day_row), day);
      /* The home currency is what rates are mostly needed into. */
      select_code (self->currency_row, g_str_equal (home, "USD") ? "EUR" : "USD");
      select_code (self->quote_row, home);
    }
  gtk_widget_grab_focus (self->rate_row);

  return GTK_WIDGET (self);
}

void
outlay_rate_editor_set_currency (OutlayRateEditor *self,
                                 const char       *code)
{
  g_return_if_fail (OUTLAY_IS_RATE_EDITOR (self));

  select_code (self->currency_row, code);
}

/**
 * outlay_rate_editor_get_currency:
 *
 * Returns: the currency chosen, one unit of which the rate is worth
 */
const char *
outlay_rate_editor_get_currency (OutlayRateEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_RATE_EDITOR (self), NULL);

  return selected_code (self->currency_row);
}

void
outlay_rate_editor_set_rate_text (OutlayRateEditor *self,
                                  const char       *text)
{
  g_return_if_fail (OUTLAY_IS_RATE_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), text);
}

/**
 * outlay_rate_editor_get_error:
 *
 * Returns: (nullable): what the store said of the rate, while it shows
 */
const char *
outlay_rate_editor_get_error (OutlayRateEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_RATE_EDITOR (self), NULL);

  return gtk_widget_get_visible (self->rate_error) ? gtk_label_get_text (GTK_LABEL (self->rate_error)) : NULL;
}

/**
 * outlay_rate_editor_save:
 *
 * Stores the rate and closes, or shows why it cannot be stored.
 *
 * Returns: whether it was stored
 */
gboolean
outlay_rate_editor_save (OutlayRateEditor *self)
{
  g_autoptr (OutlayExchangeRate) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *rate = NULL;

  g_return_val_if_fail (OUTLAY_IS_RATE_EDITOR (self), FALSE);

  rate = outlay_rate_normalize (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)));
  stored = outlay_repository_set_rate (self->repository, selected_code (self->currency_row),
                                       selected_code (self->quote_row),
                                       outlay_date_row_get_date (OUTLAY_DATE_ROW (self->day_row)), rate, &error);
  if (stored == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (self->rate_row);
      return FALSE;
    }

  /* Moved to another pair or day, the person's rate is not also kept where
   * it was; one of the same pair and day was replaced already. */
  if (self->rate != NULL &&
      (g_strcmp0 (outlay_exchange_rate_get_currency (self->rate), outlay_exchange_rate_get_currency (stored)) != 0 ||
       g_strcmp0 (outlay_exchange_rate_get_quote (self->rate), outlay_exchange_rate_get_quote (stored)) != 0 ||
       g_strcmp0 (outlay_exchange_rate_get_day (self->rate), outlay_exchange_rate_get_day (stored)) != 0))
    {
      g_autoptr (OutlayExchangeRate) moved = NULL;

      moved = outlay_repository_delete_rate (self->repository, outlay_exchange_rate_get_uuid (self->rate), &error);
      if (moved == NULL)
        g_warning ("Could not remove the rate where it was: %s", error->message);
    }

  g_signal_emit (self, signals[SAVED], 0, stored);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
