/* outlay-budget-overrides-group.c
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


/* A budget's periods with another amount than its usual one ("December:
 * 600"), each with a button that gives it the usual amount again; and a
 * period (this one or one of the next eleven) with an amount to set. A
 * refusal shows under the amount, which keeps what was typed. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-amount-row.h"
#include "outlay-budget-overrides-group.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-period.h"

#define N_CHOICES 12

struct _OutlayBudgetOverridesGroup
{
  AdwPreferencesGroup parent_instance;

  OutlayRepository *repository;
  OutlayBudget     *budget;
  GArray           *overrides; /* OutlayBudgetOverride */
  GPtrArray        *rows;      /* one an override */
  GPtrArray        *starts;    /* the periods to choose from: first days */
  char             *error;

  GtkWidget *period_row;
  GtkWidget *amount_row;
  GtkWidget *error_label;
};

G_DEFINE_FINAL_TYPE (OutlayBudgetOverridesGroup, outlay_budget_overrides_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_error (OutlayBudgetOverridesGroup *self,
            const char                 *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (self->amount_row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->amount_row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->amount_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static char *
describe_period (OutlayBudget *budget,
                 const char   *start)
{
  g_autoptr (GDate) day = outlay_date_parse_iso (start);
  OutlayCycle cycle;
  GDate       first, last;
  gint64      k;
  char        first_text[OUTLAY_DATE_ISO_SIZE];
  char        last_text[OUTLAY_DATE_ISO_SIZE];

  if (day == NULL || !outlay_budget_get_cycle (budget, &cycle, NULL) || !outlay_cycle_find (&cycle, day, &k) ||
      !outlay_cycle_get_period (&cycle, k, &first, &last))
    return g_strdup (start);

  outlay_date_format_iso_buf (&first, first_text);
  outlay_date_format_iso_buf (&last, last_text);
  return outlay_format_period (first_text, last_text);
}

static void
on_remove_clicked_cb (GtkWidget                  *button,
                      OutlayBudgetOverridesGroup *self)
{
  guint index;

  if (g_ptr_array_find (self->rows, gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW), &index))
    outlay_budget_overrides_group_remove (self, index);
}

static void
clear_rows (OutlayBudgetOverridesGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

/* The rows of the overrides, above the form. */
static void
refresh_rows (OutlayBudgetOverridesGroup *self)
{
  const char *currency = outlay_budget_get_currency (self->budget);
  g_autoptr (GError) error = NULL;

  clear_rows (self);
  g_clear_pointer (&self->overrides, g_array_unref);
  if (!(self->overrides = outlay_repository_list_budget_overrides (self->repository, self->budget, &error)))
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < self->overrides->len; i++)
    {
      const OutlayBudgetOverride *row_data = &g_array_index (self->overrides, OutlayBudgetOverride, i);
      g_autofree char            *period = describe_period (self->budget, row_data->period_start);
      g_autofree char            *amount = outlay_money_format_expense (row_data->amount, currency);
      g_autofree char            *label = NULL;
      GtkWidget                  *row = adw_action_row_new ();
      GtkWidget                  *button = gtk_button_new_from_icon_name ("edit-clear-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), period);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), amount);
      /* Translators: a button that takes away a period's own amount: "Usual Amount for December 2026" */
      label = g_strdup_printf (_("Usual Amount for %s"), period);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  /* The form stays below the overrides. */
  g_object_ref (self->period_row);
  g_object_ref (self->amount_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->period_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->amount_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->period_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->amount_row);
  g_object_unref (self->period_row);
  g_object_unref (self->amount_row);
}

/* This period and the next eleven, to choose from. */
static void
refresh_choices (OutlayBudgetOverridesGroup *self,
                 const GDate                *today)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  OutlayCycle cycle;
  gint64      k;

  g_ptr_array_set_size (self->starts, 0);
  if (outlay_budget_get_cycle (self->budget, &cycle, NULL) && outlay_cycle_find (&cycle, today, &k))
    {
      for (gint64 i = k; i < k + N_CHOICES; i++)
        {
          GDate first, last;
          char  first_text[OUTLAY_DATE_ISO_SIZE];
          char  last_text[OUTLAY_DATE_ISO_SIZE];

          if (!outlay_cycle_get_period (&cycle, i, &first, &last))
            break;
          outlay_date_format_iso_buf (&first, first_text);
          outlay_date_format_iso_buf (&last, last_text);
          g_ptr_array_add (self->starts, g_strdup (first_text));
          {
            g_autofree char *name = outlay_format_period (first_text, last_text);

            gtk_string_list_append (names, name);
          }
        }
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->period_row), G_LIST_MODEL (names));
}

/**
 * outlay_budget_overrides_group_apply:
 *
 * Sets the amount typed for the period chosen, as Enter in the amount
 * does.
 *
 * Returns: whether it was set
 */
gboolean
outlay_budget_overrides_group_apply (OutlayBudgetOverridesGroup *self)
{
  g_autoptr (GError) error = NULL;
  guint            index;
  gint64           amount = 0;
  g_autofree char *text = NULL;

  g_return_val_if_fail (OUTLAY_IS_BUDGET_OVERRIDES_GROUP (self), FALSE);

  index = adw_combo_row_get_selected (ADW_COMBO_ROW (self->period_row));
  if (self->budget == NULL || index >= self->starts->len)
    return FALSE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_row))));
  if (!outlay_money_parse (text, outlay_budget_get_currency (self->budget), &amount, &error) ||
      !outlay_repository_set_budget_override (self->repository, outlay_budget_get_id (self->budget),
                                              g_ptr_array_index (self->starts, index), amount, NULL, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (self->amount_row);
      return FALSE;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
  return TRUE;
}

static void
on_apply_cb (OutlayBudgetOverridesGroup *self)
{
  outlay_budget_overrides_group_apply (self);
}

/**
 * outlay_budget_overrides_group_remove:
 * @index: the override's, in order
 *
 * Gives the period the budget's usual amount again.
 */
gboolean
outlay_budget_overrides_group_remove (OutlayBudgetOverridesGroup *self,
                                      guint                       index)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (OUTLAY_IS_BUDGET_OVERRIDES_GROUP (self), FALSE);
  g_return_val_if_fail (self->overrides != NULL && index < self->overrides->len, FALSE);

  if (!outlay_repository_set_budget_override (self->repository, outlay_budget_get_id (self->budget),
                                              g_array_index (self->overrides, OutlayBudgetOverride, index).period_start,
                                              -1, NULL, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
outlay_budget_overrides_group_finalize (GObject *object)
{
  OutlayBudgetOverridesGroup *self = OUTLAY_BUDGET_OVERRIDES_GROUP (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->budget);
  g_clear_pointer (&self->overrides, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->starts, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (outlay_budget_overrides_group_parent_class)->finalize (object);
}

static void
outlay_budget_overrides_group_class_init (OutlayBudgetOverridesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_budget_overrides_group_finalize;
}

static void
outlay_budget_overrides_group_init (OutlayBudgetOverridesGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->starts = g_ptr_array_new_with_free_func (g_free);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Other Amounts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("An amount for one period instead of the usual one, such as more in "
                                           "December."));

  self->period_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->period_row), _("_Period"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->period_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->period_row);

  self->amount_row = g_object_new (OUTLAY_TYPE_AMOUNT_ROW, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), _("A_mount for That Period"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->amount_row), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->amount_row), TRUE);
  g_signal_connect_swapped (self->amount_row, "apply", G_CALLBACK (on_apply_cb), self);
  g_signal_connect_swapped (self->amount_row, "entry-activated", G_CALLBACK (on_apply_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->amount_row);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_add_css_class (self->error_label, "caption");
  gtk_widget_set_margin_top (self->error_label, 6);
  gtk_widget_set_visible (self->error_label, FALSE);
  /* Not a row: below the rows. */
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->error_label);
}

GtkWidget *
outlay_budget_overrides_group_new (OutlayRepository *repository)
{
  OutlayBudgetOverridesGroup *self = g_object_new (OUTLAY_TYPE_BUDGET_OVERRIDES_GROUP, NULL);

  self->repository = g_object_ref (repository);
  return GTK_WIDGET (self);
}

/**
 * outlay_budget_overrides_group_set_budget:
 * @today: where the periods to choose from start
 *
 * Shows @budget's overrides. The amount typed stays when it is the same
 * budget again (the page is read again after any change).
 */
void
outlay_budget_overrides_group_set_budget (OutlayBudgetOverridesGroup *self,
                                          OutlayBudget               *budget,
                                          const GDate                *today)
{
  guint selected;
  gboolean same;

  g_return_if_fail (OUTLAY_IS_BUDGET_OVERRIDES_GROUP (self));
  g_return_if_fail (OUTLAY_IS_BUDGET (budget));

  same = self->budget != NULL && outlay_budget_get_id (self->budget) == outlay_budget_get_id (budget);
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->period_row));
  g_set_object (&self->budget, budget);
  outlay_amount_row_set_currency (OUTLAY_AMOUNT_ROW (self->amount_row), outlay_budget_get_currency (budget));
  if (!same)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
      show_error (self, NULL);
    }
  refresh_choices (self, today);
  if (same && selected < self->starts->len)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->period_row), selected);
  refresh_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self), outlay_budget_get_period (budget) != OUTLAY_CYCLE_RANGE);
}

GtkWidget *
outlay_budget_overrides_group_get_period_row (OutlayBudgetOverridesGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET_OVERRIDES_GROUP (self), NULL);

  return self->period_row;
}

GtkWidget *
outlay_budget_overrides_group_get_amount_row (OutlayBudgetOverridesGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET_OVERRIDES_GROUP (self), NULL);

  return self->amount_row;
}

/**
 * outlay_budget_overrides_group_get_error:
 *
 * Returns: (nullable): what the group says is wrong
 */
const char *
outlay_budget_overrides_group_get_error (OutlayBudgetOverridesGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET_OVERRIDES_GROUP (self), NULL);

  return self->error;
}

guint
outlay_budget_overrides_group_get_n_overrides (OutlayBudgetOverridesGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET_OVERRIDES_GROUP (self), 0);

  return self->overrides != NULL ? self->overrides->len : 0;
}
