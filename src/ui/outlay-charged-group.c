/* outlay-charged-group.c
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

/* What the card was charged, in the home currency, for an expense in
 * another one: a field of the expense editor, shown only for such an
 * expense, and the line under the amount that says what it comes to
 * (“≈ €184.10 at 1 USD = 0.9205 EUR (14 May)”, or what was charged).
 *
 * The rate is looked up when the currency, the day or the ledger's rates
 * change, not on every keystroke: typing the amount only converts again. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-charged-group.h"
#include "outlay-date.h"
#include "outlay-field-error.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-rate-book.h"

struct _OutlayChargedGroup
{
  AdwPreferencesGroup parent_instance;

  OutlayRepository *repository;
  char             *home;
  char             *currency; /* the expense's */
  char             *day;
  gint64            amount; /* the expense's, more than zero; 0 for none */
  char             *store_error;
  char             *line;

  /* The rate of the currency and day last looked up. */
  OutlayRateBook *book;
  OutlayRateFound found;
  gboolean        have_rate;
  char           *rate_currency;
  char           *rate_day;

  AdwEntryRow *row;
  GtkLabel    *home_label;
  GtkLabel    *error;

  guint filling : 1;
};

enum
{
  PROP_0,
  PROP_LINE,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayChargedGroup, outlay_charged_group, ADW_TYPE_PREFERENCES_GROUP)

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static gboolean
is_foreign (OutlayChargedGroup *self)
{
  return self->home != NULL && self->currency != NULL && g_strcmp0 (self->home, self->currency) != 0;
}

/* Returns: whether the text is empty or an amount; @message says why not. */
static gboolean
parse (OutlayChargedGroup *self,
       gboolean           *known,
       gint64             *charged,
       char              **message)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->row))));
  g_autoptr (GError) error = NULL;

  *known = FALSE;
  *charged = 0;
  if (!is_foreign (self) || *text == '\0')
    return TRUE;

  if (!outlay_money_parse (text, self->home, charged, &error))
    {
      if (message != NULL)
        *message = g_strdup (error->message);
      return FALSE;
    }

  *known = TRUE;
  return TRUE;
}

static void
forget_rate (OutlayChargedGroup *self)
{
  g_clear_pointer (&self->book, outlay_rate_book_unref);
  g_clear_pointer (&self->rate_currency, g_free);
  g_clear_pointer (&self->rate_day, g_free);
  self->have_rate = FALSE;
}

static void
look_up_rate (OutlayChargedGroup *self)
{
  const char *currencies[] = { self->currency, NULL };
  g_autoptr (GError) error = NULL;

  if (self->book != NULL && g_strcmp0 (self->rate_currency, self->currency) == 0 &&
      g_strcmp0 (self->rate_day, self->day) == 0 &&
      g_strcmp0 (outlay_rate_book_get_home (self->book), self->home) == 0)
    return;

  forget_rate (self);
  self->book = outlay_repository_load_rate_book (self->repository, self->home, currencies, self->day, self->day,
                                                 &error);
  if (self->book == NULL)
    {
      g_debug ("No rates for %s on %s: %s", self->currency, self->day, error->message);
      return;
    }

  self->rate_currency = g_strdup (self->currency);
  self->rate_day = g_strdup (self->day);
  self->have_rate = outlay_rate_book_find (self->book, self->currency, self->day, &self->found);
}

static char *
format_day (const char *iso_day)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (iso_day);

  return date != NULL ? outlay_format_date_with (date, _("%-d %b")) : g_strdup (iso_day);
}

/* “1 USD = 0.9205 EUR”, or the two rates of a cross rate. */
static char *
describe_rates (OutlayChargedGroup *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->found.n_legs; i++)
    {
      const OutlayRateLeg *leg = &self->found.legs[i];
      g_autofree char     *said = outlay_format_rate (leg->currency, leg->rate, leg->quote);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, said);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe (OutlayChargedGroup *self)
{
  g_autofree char *day = NULL;
  g_autofree char *rates = NULL;
  g_autofree char *converted = NULL;
  gboolean         known;
  gint64           charged;
  gint64           to = 0;

  if (!is_foreign (self) || self->repository == NULL || self->day == NULL)
    return NULL;

  if (parse (self, &known, &charged, NULL) && known && charged != 0)
    {
      g_autofree char *formatted = outlay_money_format (charged, self->home);

      /* Translators: what the card was charged in the home currency, e.g. "Charged €80.11" */
      return g_strdup_printf (_("Charged %s"), formatted);
    }

  look_up_rate (self);
  if (!self->have_rate)
    {
      day = format_day (self->day);
      /* Translators: e.g. "No rate for USD on 14 May — add one in Preferences" */
      return g_strdup_printf (_("No rate for %s on %s — add one in Preferences"), self->currency, day);
    }

  if (self->amount <= 0 || !outlay_conversion_apply (&self->found.conversion, self->amount, &to))
    return NULL;

  day = format_day (self->found.legs[0].day);
  rates = describe_rates (self);
  converted = outlay_money_format (to, self->home);
  /* Translators: an amount converted with a rate of a day, e.g. "≈ €184.10 at 1 USD = 0.9205 EUR (14 May)" */
  return g_strdup_printf (_("≈ %s at %s (%s)"), converted, rates, day);
}

static void
update (OutlayChargedGroup *self)
{
  g_autofree char *line = NULL;
  g_autofree char *message = NULL;
  g_autofree char *hint = NULL;
  gboolean         known;
  gint64           charged;
  const char      *shown;

  gtk_widget_set_visible (GTK_WIDGET (self), is_foreign (self));

  shown = parse (self, &known, &charged, &message) ? self->store_error : message;
  if (self->home != NULL)
    /* Translators: the description of the Charged field; %s is the home currency, e.g. EUR */
    hint = g_strdup_printf (_("What your card was charged, in %s"), self->home);
  outlay_field_error_set (GTK_WIDGET (self->row), outlay_entry_row_get_text (self->row), self->error, shown, hint);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), hint);

  line = describe (self);
  if (g_strcmp0 (line, self->line) != 0)
    {
      g_free (self->line);
      self->line = g_steal_pointer (&line);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);
    }
}

static void
on_rates_changed_cb (OutlayChargedGroup *self)
{
  forget_rate (self);
  update (self);
}

static void
on_text_changed_cb (OutlayChargedGroup *self)
{
  if (self->filling)
    return;

  g_clear_pointer (&self->store_error, g_free);
  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
outlay_charged_group_dispose (GObject *object)
{
  OutlayChargedGroup *self = OUTLAY_CHARGED_GROUP (object);

  forget_rate (self);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_charged_group_parent_class)->dispose (object);
}

static void
outlay_charged_group_finalize (GObject *object)
{
  OutlayChargedGroup *self = OUTLAY_CHARGED_GROUP (object);

  g_free (self->home);
  g_free (self->currency);
  g_free (self->day);
  g_free (self->store_error);
  g_free (self->line);

  G_OBJECT_CLASS (outlay_charged_group_parent_class)->finalize (object);
}

static void
outlay_charged_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OutlayChargedGroup *self = OUTLAY_CHARGED_GROUP (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_string (value, self->line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_charged_group_class_init (OutlayChargedGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_charged_group_dispose;
  object_class->finalize = outlay_charged_group_finalize;
  object_class->get_property = outlay_charged_group_get_property;

  /**
   * OutlayChargedGroup:line:
   *
   * What the amount comes to in the home currency, or what was charged, or
   * that there is no rate; %NULL when the expense is in the home currency.
   */
  properties[PROP_LINE] =
    g_param_spec_string ("line", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayChargedGroup::changed:
   *
   * The person changed what was charged.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
outlay_charged_group_init (OutlayChargedGroup *self)
{
  self->row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), _("Charged"));
  adw_entry_row_set_input_hints (self->row, GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI);
  gtk_widget_add_css_class (GTK_WIDGET (self->row), "amount");

  self->home_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->home_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->home_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->home_label), "caption-heading");
  adw_entry_row_add_suffix (self->row, GTK_WIDGET (self->home_label));

  self->error = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, "visible", FALSE, NULL);
  gtk_label_set_xalign (self->error, 0);
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_wrap_mode (self->error, PANGO_WRAP_WORD);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "field-error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "caption");

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->error));
  outlay_entry_row_label_text (self->row, self->error);

  g_signal_connect_swapped (self->row, "changed", G_CALLBACK (on_text_changed_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
outlay_charged_group_set_repository (OutlayChargedGroup *self,
                                     OutlayRepository   *repository)
{
  g_return_if_fail (OUTLAY_IS_CHARGED_GROUP (self));
  g_return_if_fail (OUTLAY_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  g_signal_connect_object (repository, "rates-changed", G_CALLBACK (on_rates_changed_cb), self, G_CONNECT_SWAPPED);
}

const char *
outlay_charged_group_get_home (OutlayChargedGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_CHARGED_GROUP (self), NULL);

  return self->home;
}

/**
 * outlay_charged_group_set_home:
 * @home: the ledger's currency, that the card is charged in
 */
void
outlay_charged_group_set_home (OutlayChargedGroup *self,
                               const char         *home)
{
  g_return_if_fail (OUTLAY_IS_CHARGED_GROUP (self));

  if (g_strcmp0 (home, self->home) == 0)
    return;

  g_free (self->home);
  self->home = g_strdup (home);
  gtk_label_set_text (self->home_label, home);
  update (self);
}

/**
 * outlay_charged_group_show_expense:
 * @currency: the expense's currency
 * @amount: its amount, more than zero, or 0 when the form has none
 * @day: (nullable): its day
 *
 * Shows the group when @currency is not the home currency, and says what
 * the amount comes to.
 */
void
outlay_charged_group_show_expense (OutlayChargedGroup *self,
                                   const char         *currency,
                                   gint64              amount,
                                   const char         *day)
{
  g_return_if_fail (OUTLAY_IS_CHARGED_GROUP (self));

  if (g_strcmp0 (currency, self->currency) == 0 && g_strcmp0 (day, self->day) == 0 && amount == self->amount)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_free (self->day);
  self->day = g_strdup (day);
  self->amount = amount;
  update (self);
}

/**
 * outlay_charged_group_load:
 * @charged: what was charged, more than zero, or 0 for nothing known
 *
 * Fills the field, as what was loaded rather than typed.
 */
void
outlay_charged_group_load (OutlayChargedGroup *self,
                           gint64              charged)
{
  g_autofree char *text = NULL;

  g_return_if_fail (OUTLAY_IS_CHARGED_GROUP (self));

  if (charged != 0 && self->home != NULL)
    text = outlay_money_format_plain (charged, self->home);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->row), text != NULL ? text : "");
  self->filling = FALSE;
  g_clear_pointer (&self->store_error, g_free);
  update (self);
}

/**
 * outlay_charged_group_read:
 * @known: (out): whether a charge is typed; never for an expense in the
 *   home currency
 * @charged: (out): the charge typed, in minor units of the home currency
 *
 * Returns: whether the field is empty, holds an amount or does not apply
 */
gboolean
outlay_charged_group_read (OutlayChargedGroup *self,
                           gboolean           *known,
                           gint64             *charged)
{
  g_return_val_if_fail (OUTLAY_IS_CHARGED_GROUP (self), FALSE);
  g_return_val_if_fail (known != NULL && charged != NULL, FALSE);

  return parse (self, known, charged, NULL);
}

const char *
outlay_charged_group_get_text (OutlayChargedGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_CHARGED_GROUP (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->row));
}

/**
 * outlay_charged_group_set_store_error:
 * @message: (nullable): what the repository refused, shown until the field
 *   changes
 */
void
outlay_charged_group_set_store_error (OutlayChargedGroup *self,
                                      const char         *message)
{
  g_return_if_fail (OUTLAY_IS_CHARGED_GROUP (self));

  g_free (self->store_error);
  self->store_error = g_strdup (message);
  update (self);
}

/**
 * outlay_charged_group_focus_error:
 *
 * Returns: whether the field shows an error and now has the focus
 */
gboolean
outlay_charged_group_focus_error (OutlayChargedGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_CHARGED_GROUP (self), FALSE);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)) || !gtk_widget_get_visible (GTK_WIDGET (self->error)))
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->row));
}

/**
 * outlay_charged_group_get_line:
 *
 * Returns: (nullable): what the amount comes to in the home currency
 */
const char *
outlay_charged_group_get_line (OutlayChargedGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_CHARGED_GROUP (self), NULL);

  return self->line;
}
