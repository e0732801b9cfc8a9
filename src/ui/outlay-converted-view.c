/* outlay-converted-view.c: what a period comes to in one currency
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

/* "≈ €1,234.56 in total" under the totals of a period with expenses in
 * several currencies, which opens to how each was converted:
 *
 *   $215.00 → €198.83 at 1 EUR = 1.0813 USD (ECB, 14 May 2026)
 *   2 expenses in ARS have no rate            [Add Rate]
 *
 * The figures come from outlay_repository_convert_total(); this only
 * says them. "Add Rate" activates app.add-rate with the currency. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-converted-view.h"
#include "outlay-format.h"
#include "outlay-money.h"

struct _OutlayConvertedView
{
  GtkWidget parent_instance;

  GtkWidget *expander;
  GtkWidget *title;
  GtkWidget *lines;   /* a vertical box */
  char      *title_text;
};

G_DEFINE_FINAL_TYPE (OutlayConvertedView, outlay_converted_view, GTK_TYPE_WIDGET)

static const char *
source_of (const OutlayRateLeg *leg)
{
  if (leg->source == OUTLAY_RATE_SOURCE_ENTERED)
    /* Translators: where an exchange rate comes from: the person gave it */
    return _("your rate");
  /* Translators: where an exchange rate comes from, when its file has no name */
  return leg->source_name != NULL ? leg->source_name : _("a file");
}

/**
 * outlay_converted_describe_rates:
 *
 * Returns: (transfer full): the rates a conversion took, as a person
 *   reads them: "1 EUR = 1.0813 USD (ECB, 14 May 2026)", or the two of a
 *   rate through the euro
 */
char *
outlay_converted_describe_rates (const OutlayRateFound *found)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < found->n_legs; i++)
    {
      const OutlayRateLeg *leg = &found->legs[i];
      g_autofree char     *rate = outlay_format_rate (leg->currency, leg->rate, leg->quote);
      g_autofree char     *day = outlay_format_date (leg->day);

      if (i > 0)
        /* Translators: between the two rates of a conversion through the euro */
        g_string_append (text, _(" and "));
      /* Translators: an exchange rate, its source and its day: "1 EUR = 1.0813 USD (ECB, 14 May 2026)" */
      g_string_append_printf (text, _("%s (%s, %s)"), rate, source_of (leg), day);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
clear_lines (OutlayConvertedView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->lines)) != NULL)
    gtk_box_remove (GTK_BOX (self->lines), child);
}

static GtkWidget *
add_line (OutlayConvertedView *self,
          const char          *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (self->lines), label);
  return label;
}

/* "$215.00 → €198.83 at …; 1 at the card's charge" */
static char *
describe_currency (const OutlayConvertedTotal    *total,
                   const OutlayConvertedCurrency *row)
{
  g_autofree char *own = outlay_money_format_expense (row->total - row->total_without_rate, row->currency);
  g_autofree char *converted = outlay_money_format_expense (row->converted, total->home);
  g_autoptr (GString) text = g_string_new (NULL);

  /* Translators: an amount and what it comes to: "$215.00 → €198.83" */
  g_string_append_printf (text, _("%s → %s"), own, converted);
  if (row->latest.n_legs > 0)
    {
      g_autofree char *rates = outlay_converted_describe_rates (&row->latest);

      if (row->several_rates)
        /* Translators: after "$215.00 → €198.83"; %s is the latest rate */
        g_string_append_printf (text, _(" at the rates of their days, the latest %s"), rates);
      else
        /* Translators: after "$215.00 → €198.83"; %s is the rate */
        g_string_append_printf (text, _(" at %s"), rates);
    }
  if (row->n_charged > 0)
    g_string_append_printf (text,
                            /* Translators: after how a currency was converted */
                            g_dngettext (GETTEXT_PACKAGE, "; %u at what the card was charged",
                                         "; %u at what the card was charged", row->n_charged),
                            row->n_charged);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * outlay_missing_rate_new:
 * @currency: a currency that has no rate
 * @count: how many expenses in it have none
 *
 * "2 expenses in ARS have no rate [Add Rate]": what a total could not
 * count, with the way to fix it (app.add-rate).
 *
 * Returns: (transfer floating): the line
 */
GtkWidget *
outlay_missing_rate_new (const char *currency,
                         guint       count)
{
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget       *button = gtk_button_new_with_mnemonic (_("_Add Rate"));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expense in %s has no rate",
                                                        "%u expenses in %s have no rate", count),
                                           count, currency);
  GtkWidget       *label = gtk_label_new (text);
  g_autofree char *name = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", currency);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.add-rate");
  /* Translators: the button that adds a rate, as a screen reader says it */
  name = g_strdup_printf (_("Add a rate for %s"), currency);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
add_missing (OutlayConvertedView           *self,
             const OutlayConvertedCurrency *row)
{
  gtk_box_append (GTK_BOX (self->lines), outlay_missing_rate_new (row->currency, row->n_without_rate));
}

/**
 * outlay_converted_view_set_total:
 * @total: (nullable): the converted total of what is shown, or %NULL
 *
 * Shows itself only when some of the expenses are in another currency
 * than @total's home one.
 */
void
outlay_converted_view_set_total (OutlayConvertedView        *self,
                                 const OutlayConvertedTotal *total)
{
  g_autofree char *amount = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *name = NULL;
  gboolean         foreign = FALSE;

  g_return_if_fail (OUTLAY_IS_CONVERTED_VIEW (self));

  clear_lines (self);
  for (guint i = 0; total != NULL && i < total->currencies->len; i++)
    foreign |= !g_str_equal (g_array_index (total->currencies, OutlayConvertedCurrency, i).currency, total->home);
  gtk_widget_set_visible (GTK_WIDGET (self), foreign);
  if (!foreign)
    {
      g_clear_pointer (&self->title_text, g_free);
      return;
    }

  amount = outlay_money_format_expense (total->total, total->home);
  g_free (self->title_text);
  /* Translators: the total of a period converted to one currency: "≈ €1,234.56 in total" */
  self->title_text = g_strdup_printf (_("≈ %s in total"), amount);
  gtk_label_set_label (GTK_LABEL (self->title), self->title_text);
  spoken = outlay_format_net_spoken (total->total, total->home);
  /* Translators: "≈ €1,234.56 in total" as a screen reader says it: "about 1,234 euros 56 in total" */
  name = g_strdup_printf (_("about %s in total"), spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  for (guint i = 0; i < total->currencies->len; i++)
    {
      const OutlayConvertedCurrency *row = &g_array_index (total->currencies, OutlayConvertedCurrency, i);

      if (g_str_equal (row->currency, total->home))
        continue;
      if (row->total != row->total_without_rate || row->n_charged > 0)
        {
          g_autofree char *line = describe_currency (total, row);

          add_line (self, line);
        }
      if (row->n_without_rate > 0)
        add_missing (self, row);
    }
}

/**
 * outlay_converted_view_get_title:
 *
 * Returns: (nullable): "≈ €1,234.56 in total", or %NULL when hidden
 */
const char *
outlay_converted_view_get_title (OutlayConvertedView *self)
{
  g_return_val_if_fail (OUTLAY_IS_CONVERTED_VIEW (self), NULL);

  return self->title_text;
}

/**
 * outlay_converted_view_dup_lines:
 *
 * Returns: (transfer full) (element-type utf8): the lines it opens to
 */
GPtrArray *
outlay_converted_view_dup_lines (OutlayConvertedView *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (OUTLAY_IS_CONVERTED_VIEW (self), lines);

  for (GtkWidget *child = gtk_widget_get_first_child (self->lines); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = GTK_IS_LABEL (child) ? child : gtk_widget_get_first_child (child);

      g_ptr_array_add (lines, g_strdup (gtk_label_get_label (GTK_LABEL (label))));
    }
  return lines;
}

GtkWidget *
outlay_converted_view_get_expander (OutlayConvertedView *self)
{
  g_return_val_if_fail (OUTLAY_IS_CONVERTED_VIEW (self), NULL);

  return self->expander;
}

static void
outlay_converted_view_dispose (GObject *object)
{
  OutlayConvertedView *self = OUTLAY_CONVERTED_VIEW (object);

  g_clear_pointer (&self->expander, gtk_widget_unparent);
  g_clear_pointer (&self->title_text, g_free);

  G_OBJECT_CLASS (outlay_converted_view_parent_class)->dispose (object);
}

static void
outlay_converted_view_class_init (OutlayConvertedViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_converted_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "convertedview");
}

static void
outlay_converted_view_init (OutlayConvertedView *self)
{
  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_widget_add_css_class (self->title, "numeric");
  self->lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->lines, 6);
  self->expander = gtk_expander_new (NULL);
  gtk_expander_set_label_widget (GTK_EXPANDER (self->expander), self->title);
  gtk_expander_set_child (GTK_EXPANDER (self->expander), self->lines);
  gtk_widget_set_parent (self->expander, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
outlay_converted_view_new (void)
{
  return g_object_new (OUTLAY_TYPE_CONVERTED_VIEW, NULL);
}
