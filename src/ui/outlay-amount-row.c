/* outlay-amount-row.c
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

/* The amount of an expense, typed as a number or a calculation in the
 * user's locale, with its currency beside it and, for a calculation, its
 * result ("= €15.70"). */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "outlay-amount-row.h"
#include "outlay-money.h"

struct _OutlayAmountRow
{
  AdwEntryRow parent_instance;

  char *currency;

  /* Template widgets */
  GtkLabel *amount_preview;
  GtkLabel *currency_label;
};

enum
{
  PROP_0,
  PROP_CURRENCY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OutlayAmountRow, outlay_amount_row, ADW_TYPE_ENTRY_ROW)

static GParamSpec *properties[N_PROPS];

/* An amount as a person would type it: the locale's decimal mark, no
 * grouping and no symbol, so that it is easy to change. */
static char *
format_amount_for_editing (gint64      minor_units,
                           const char *currency)
{
  g_autofree char *plain = outlay_money_format_plain (minor_units, currency);
  g_autoptr (GString) text = NULL;
  const struct lconv *conventions = localeconv ();
  const char         *decimal = conventions->mon_decimal_point;
  gint64              check = 0;

  if (plain == NULL)
    return g_strdup ("");

  if (decimal == NULL || decimal[0] == '\0')
    decimal = conventions->decimal_point;
  if (decimal == NULL || decimal[0] == '\0')
    decimal = ".";

  text = g_string_new (plain);
  g_string_replace (text, ".", decimal, 1);
  if (outlay_money_parse (text->str, currency, &check, NULL) && check == minor_units)
    return g_string_free (g_steal_pointer (&text), FALSE);

  /* What outlay_money_format() writes always reads back. */
  return outlay_money_format (minor_units, currency);
}

/* Whether the text is a calculation rather than a single number, so that
 * its result is worth showing. */
static gboolean
is_expression (const char *text)
{
  gboolean after_digit = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        after_digit = TRUE;
      else if (c == '(' || c == ')')
        return TRUE;
      else if (after_digit &&
               (c == '+' || c == '-' || c == '*' || c == '/' ||
                c == 0x00D7 || c == 0x00F7 || c == 0x2212))
        return TRUE;
    }

  return FALSE;
}

static void
update_preview (OutlayAmountRow *self)
{
  g_autofree char *message = NULL;
  gint64           amount;

  g_assert (OUTLAY_IS_AMOUNT_ROW (self));

  amount = outlay_amount_row_read (self, &message);
  if (amount > 0 && is_expression (gtk_editable_get_text (GTK_EDITABLE (self))))
    {
      g_autofree char *formatted = outlay_money_format (amount, self->currency);
      /* Translators: the result of a calculation typed as the amount, e.g. "= €15.70" */
      g_autofree char *preview = g_strdup_printf (_("= %s"), formatted);

      gtk_label_set_text (self->amount_preview, preview);
      gtk_widget_set_visible (GTK_WIDGET (self->amount_preview), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->amount_preview), FALSE);
}

static void
outlay_amount_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OUTLAY_TYPE_AMOUNT_ROW);

  G_OBJECT_CLASS (outlay_amount_row_parent_class)->dispose (object);
}

static void
outlay_amount_row_finalize (GObject *object)
{
  g_free (OUTLAY_AMOUNT_ROW (object)->currency);

  G_OBJECT_CLASS (outlay_amount_row_parent_class)->finalize (object);
}

static void
outlay_amount_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OutlayAmountRow *self = OUTLAY_AMOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_amount_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OutlayAmountRow *self = OUTLAY_AMOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      outlay_amount_row_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_amount_row_class_init (OutlayAmountRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_amount_row_dispose;
  object_class->finalize = outlay_amount_row_finalize;
  object_class->get_property = outlay_amount_row_get_property;
  object_class->set_property = outlay_amount_row_set_property;

  /**
   * OutlayAmountRow:currency:
   *
   * The ISO 4217 code the amount is read in.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/outlay-amount-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayAmountRow, amount_preview);
  gtk_widget_class_bind_template_child (widget_class, OutlayAmountRow, currency_label);
}

static void
outlay_amount_row_init (OutlayAmountRow *self)
{
  self->currency = g_strdup (outlay_currency_for_locale ());

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_text (self->currency_label, self->currency);

  /* Before anyone else's handler, so that they see the result shown. */
  g_signal_connect (self, "changed", G_CALLBACK (update_preview), NULL);
}

const char *
outlay_amount_row_get_currency (OutlayAmountRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_AMOUNT_ROW (self), NULL);

  return self->currency;
}

void
outlay_amount_row_set_currency (OutlayAmountRow *self,
                                const char      *currency)
{
  g_return_if_fail (OUTLAY_IS_AMOUNT_ROW (self));
  g_return_if_fail (outlay_currency_is_valid (currency));

  if (g_strcmp0 (currency, self->currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  gtk_label_set_text (self->currency_label, self->currency);
  update_preview (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

/**
 * outlay_amount_row_read:
 * @message: (out) (transfer full): why the text is no amount
 *
 * Returns: the amount in minor units of the row's currency, or 0 with
 *   @message set when the text is not an amount more than zero
 */
gint64
outlay_amount_row_read (OutlayAmountRow *self,
                        char           **message)
{
  g_autoptr (GError) error = NULL;
  gint64 amount = 0;

  g_return_val_if_fail (OUTLAY_IS_AMOUNT_ROW (self), 0);
  g_return_val_if_fail (message != NULL && *message == NULL, 0);

  if (!outlay_money_parse (gtk_editable_get_text (GTK_EDITABLE (self)), self->currency, &amount, &error))
    {
      *message = g_strdup (error->message);
      return 0;
    }

  if (amount == 0)
    {
      *message = g_strdup (_("The amount must be more than zero."));
      return 0;
    }

  /* Money back is a refund, said with its switch rather than a sign. */
  if (amount < 0)
    {
      *message =
        g_strdup (_("The amount must be more than zero. Money back is entered as a positive amount, with Refund on."));
      return 0;
    }

  return amount;
}

/**
 * outlay_amount_row_set_amount:
 * @minor_units: an amount of the row's currency
 *
 * Shows the amount as a person would type it.
 */
void
outlay_amount_row_set_amount (OutlayAmountRow *self,
                              gint64           minor_units)
{
  g_autofree char *text = NULL;

  g_return_if_fail (OUTLAY_IS_AMOUNT_ROW (self));

  text = format_amount_for_editing (minor_units, self->currency);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
}
