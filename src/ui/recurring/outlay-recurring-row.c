/* outlay-recurring-row.c
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

/* A recurring expense in the list of them: its description; how it
 * repeats in words and its next day, or that it is paused or has ended;
 * what it costs in an average month, where that is not its amount; its
 * amount; and a menu to pause or resume, edit or delete it. A screen
 * reader hears the row as one phrase. The row stays while its rule does,
 * so that the focus stays on its menu when the rule changes. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-date.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-recurring-row.h"

struct _OutlayRecurringRow
{
  GtkListBoxRow parent_instance;

  OutlayRecurringRule *rule;
  char                *amount_text;
  char                *monthly_text; /* or NULL, where it is the amount */

  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *monthly;
  GtkWidget *amount;
  GtkWidget *menu_button;

  int   menu_state; /* what the menu offers: -1 none yet, 0 ended, 1 paused, 2 going */
  char *menu_label;
};

G_DEFINE_FINAL_TYPE (OutlayRecurringRow, outlay_recurring_row, GTK_TYPE_LIST_BOX_ROW)

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *uuid)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (uuid));
  g_menu_append_item (menu, item);
}

/* Pause or Resume (but for one that has ended), Edit; Delete. */
static void
update_menu (OutlayRecurringRow *self,
             gboolean            ended)
{
  const char *uuid = outlay_recurring_rule_get_uuid (self->rule);
  int         state = ended ? 0 : outlay_recurring_rule_get_paused_at (self->rule) != NULL ? 1
                                                                                           : 2;
  g_autoptr (GMenu) menu = NULL;
  g_autoptr (GMenu) last = NULL;
  g_autofree char *label = NULL;

  /* Translators: the menu of a recurring expense's row, with its description */
  label = g_strdup_printf (_("Actions for “%s”"), outlay_recurring_rule_get_description (self->rule));
  /* A new menu would close the one open: only when it offers other things. */
  if (state == self->menu_state && g_strcmp0 (label, self->menu_label) == 0)
    return;
  self->menu_state = state;
  g_free (self->menu_label);
  self->menu_label = g_strdup (label);

  menu = g_menu_new ();
  last = g_menu_new ();
  if (ended)
    ;
  else if (outlay_recurring_rule_get_paused_at (self->rule) != NULL)
    append_item (menu, _("_Resume"), "recurring.resume", uuid);
  else
    append_item (menu, _("_Pause"), "recurring.pause", uuid);
  append_item (menu, _("_Edit"), "recurring.edit", uuid);
  append_item (last, _("_Delete"), "recurring.delete", uuid);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (self->menu_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
set_dimmed (GtkWidget *widget,
            gboolean   dimmed)
{
  if (dimmed)
    gtk_widget_add_css_class (widget, "dim-label");
  else
    gtk_widget_remove_css_class (widget, "dim-label");
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
outlay_recurring_row_finalize (GObject *object)
{
  OutlayRecurringRow *self = OUTLAY_RECURRING_ROW (object);

  g_clear_object (&self->rule);
  g_clear_pointer (&self->amount_text, g_free);
  g_clear_pointer (&self->monthly_text, g_free);
  g_clear_pointer (&self->menu_label, g_free);

  G_OBJECT_CLASS (outlay_recurring_row_parent_class)->finalize (object);
}

static void
outlay_recurring_row_class_init (OutlayRecurringRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = outlay_recurring_row_finalize;
}

/* The words on three lines, then the amount, then the menu: the one
 * button (rather than one to pause beside it) and the words below each
 * other leave the words room with large text on a phone. */
static void
outlay_recurring_row_init (OutlayRecurringRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->menu_state = -1;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_widget_set_hexpand (words, TRUE);
  gtk_widget_set_valign (words, GTK_ALIGN_CENTER);
  self->title = new_label ("title");
  gtk_box_append (GTK_BOX (words), self->title);
  self->subtitle = new_label ("subtitle");
  gtk_box_append (GTK_BOX (words), self->subtitle);
  self->monthly = new_label ("subtitle");
  gtk_widget_add_css_class (self->monthly, "numeric");
  gtk_box_append (GTK_BOX (words), self->monthly);
  gtk_box_append (GTK_BOX (box), words);

  self->amount = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->amount, "numeric");
  gtk_widget_set_valign (self->amount, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (self->amount, 6);
  gtk_box_append (GTK_BOX (box), self->amount);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_box_append (GTK_BOX (box), self->menu_button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

GtkWidget *
outlay_recurring_row_new (void)
{
  return g_object_new (OUTLAY_TYPE_RECURRING_ROW, NULL);
}

/**
 * outlay_recurring_row_set_rule:
 * @rule: the recurring expense, as stored
 * @next: (nullable): the day of its next occurrence, or %NULL once it has
 *   ended
 * @today: the day to name days from
 *
 * Shows @rule: says how it repeats and its next day (or that it is paused
 * or has ended), its amount and what it costs a month.
 */
void
outlay_recurring_row_set_rule (OutlayRecurringRow  *self,
                               OutlayRecurringRule *rule,
                               const GDate         *next,
                               const GDate         *today)
{
  const OutlayRecurrence *recurrence;
  const char             *description;
  const char             *currency;
  gint64                  amount;
  gint64                  monthly;
  gboolean                paused;
  g_autofree char        *repeats = NULL;
  g_autofree char        *repeats_line = NULL;
  g_autofree char        *day = NULL;
  g_autofree char        *spoken_amount = NULL;
  g_autofree char        *subtitle = NULL;
  g_autoptr (GString) spoken = g_string_new (NULL);

  g_return_if_fail (OUTLAY_IS_RECURRING_ROW (self));
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (rule));
  g_return_if_fail (today != NULL);

  g_set_object (&self->rule, rule);
  recurrence = outlay_recurring_rule_get_recurrence (rule);
  description = outlay_recurring_rule_get_description (rule);
  currency = outlay_recurring_rule_get_currency (rule);
  amount = outlay_recurring_rule_get_amount (rule);
  monthly = outlay_recurrence_monthly_equivalent (recurrence, amount);
  paused = outlay_recurring_rule_get_paused_at (rule) != NULL;
  repeats = outlay_recurrence_describe (recurrence);
  repeats_line = outlay_format_sentence (repeats);
  spoken_amount = outlay_format_amount_spoken (amount, currency);
  if (next != NULL)
    {
      char iso[OUTLAY_DATE_ISO_SIZE];

      outlay_date_format_iso_buf (next, iso);
      day = outlay_format_day (iso, today);
    }

  /* Translators: a recurring expense read by a screen reader: its description, amount and repetition, "Rent, 950
   * euros, monthly on day 1"; more may follow */
  g_string_printf (spoken, _("%s, %s, %s"), description, spoken_amount, repeats);
  if (next == NULL)
    {
      /* Translators: a recurring expense that has had its last occurrence: "Monthly on day 1 · Ended" */
      subtitle = g_strdup_printf (_("%s · Ended"), repeats_line);
      /* Translators: read by a screen reader after a recurring expense that has ended */
      g_string_append_printf (spoken, ", %s", _("ended"));
    }
  else if (paused)
    {
      /* Translators: a paused recurring expense: "Monthly on day 1 · Paused" */
      subtitle = g_strdup_printf (_("%s · Paused"), repeats_line);
      /* Translators: read by a screen reader after a paused recurring expense */
      g_string_append_printf (spoken, ", %s", _("paused"));
    }
  else
    {
      /* Translators: a recurring expense's repetition and its next day: "Monthly on day 1 · next Monday 1 June" */
      subtitle = g_strdup_printf (_("%s · next %s"), repeats_line, day);
      g_string_append (spoken, ", ");
      /* Translators: read by a screen reader after a recurring expense: its next day, "next Monday 1 June" */
      g_string_append_printf (spoken, _("next %s"), day);
    }
  if (next != NULL && outlay_recurring_rule_get_mode (rule) == OUTLAY_RECURRING_CONFIRM)
    {
      g_autofree char *line = g_steal_pointer (&subtitle);

      /* Translators: a recurring expense written only once confirmed: its repetition and next day, then this,
       * "Monthly on day 1 · next Monday 1 June · Asks before adding" */
      subtitle = g_strdup_printf (_("%s · Asks before adding"), line);
      /* Translators: read by a screen reader after a recurring expense that is written only once confirmed */
      g_string_append_printf (spoken, ", %s", _("asks before adding"));
    }

  g_free (self->amount_text);
  self->amount_text = outlay_money_format_expense (amount, currency);
  g_clear_pointer (&self->monthly_text, g_free);
  if (monthly != amount)
    {
      g_autofree char *monthly_amount = outlay_money_format_expense (monthly, currency);
      g_autofree char *spoken_monthly = outlay_format_amount_spoken (monthly, currency);

      /* Translators: what a recurring expense costs in an average month: "≈ €43.48 a month" */
      self->monthly_text = g_strdup_printf (_("≈ %s a month"), monthly_amount);
      g_string_append (spoken, ", ");
      /* Translators: read by a screen reader after a recurring expense: what it costs in an average month */
      g_string_append_printf (spoken, _("about %s a month"), spoken_monthly);
    }

  gtk_label_set_label (GTK_LABEL (self->title), description);
  gtk_label_set_label (GTK_LABEL (self->subtitle), subtitle);
  gtk_label_set_label (GTK_LABEL (self->amount), self->amount_text);
  gtk_label_set_label (GTK_LABEL (self->monthly), self->monthly_text);
  gtk_widget_set_visible (self->monthly, self->monthly_text != NULL);
  /* What adds nothing now is dimmed. */
  set_dimmed (self->title, paused || next == NULL);
  set_dimmed (self->amount, paused || next == NULL);
  update_menu (self, next == NULL);

  /* The row is read as one phrase, with the amount's currency by name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str, -1);
}

/**
 * outlay_recurring_row_get_rule:
 *
 * Returns: (transfer none) (nullable): the recurring expense it shows
 */
OutlayRecurringRule *
outlay_recurring_row_get_rule (OutlayRecurringRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_ROW (self), NULL);

  return self->rule;
}

/**
 * outlay_recurring_row_get_subtitle:
 *
 * Returns: what it says under the description: how the rule repeats and
 *   its next day, or that it is paused or has ended
 */
const char *
outlay_recurring_row_get_subtitle (OutlayRecurringRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_ROW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->subtitle));
}

/**
 * outlay_recurring_row_get_amount:
 *
 * Returns: (nullable): the amount it shows, "€950.00"
 */
const char *
outlay_recurring_row_get_amount (OutlayRecurringRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_ROW (self), NULL);

  return self->amount_text;
}

/**
 * outlay_recurring_row_get_monthly:
 *
 * Returns: (nullable): what it says the rule costs a month, "≈ €43.48 a
 *   month", or %NULL where that is its amount
 */
const char *
outlay_recurring_row_get_monthly (OutlayRecurringRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_ROW (self), NULL);

  return self->monthly_text;
}

/**
 * outlay_recurring_row_get_menu_button:
 *
 * Returns: (transfer none): the button of its menu (Pause or Resume, Edit,
 *   Delete)
 */
GtkWidget *
outlay_recurring_row_get_menu_button (OutlayRecurringRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_ROW (self), NULL);

  return self->menu_button;
}
