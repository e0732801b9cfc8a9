/* outlay-import-refunds-group.c
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

/* The money a statement says came in, and what the import does with it:
 * leave it out (the default: a salary is no refund), take all of it as
 * refunds, or take the lines the person ticks, a return here and a
 * reimbursement there. The choice, and the lines ticked, outlive a new plan
 * of the same file (a CSV column chosen differently). */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-fit-bin.h"
#include "outlay-format.h"
#include "outlay-import-refunds-group.h"
#include "outlay-money.h"

struct _OutlayImportRefundsGroup
{
  AdwPreferencesGroup parent_instance;

  OutlayImportPlan   *plan; /* the window's */
  OutlayImportRefunds choice;
  /* the lines ticked, by what makes them that line (record_key()) */
  GHashTable *picks;
  GPtrArray  *rows; /* of the rows to tick, one per incoming record shown */
  gboolean    filling;

  /* Template widgets */
  GtkListBox  *list;
  AdwComboRow *choice_row;
};

G_DEFINE_FINAL_TYPE (OutlayImportRefundsGroup, outlay_import_refunds_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
record_key (const OutlayImportRecord *record)
{
  return g_strdup_printf ("%u\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s", record->line, record->amount, record->date,
                          record->description);
}

static gboolean
can_pick (OutlayImportRefundsGroup *self)
{
  return self->plan != NULL &&
         outlay_import_plan_get_n_incoming (self->plan) <= outlay_import_plan_get_n_incoming_shown (self->plan);
}

/* The plan takes what the choice, and the ticks, say. */
static void
apply_choice (OutlayImportRefundsGroup *self)
{
  if (self->plan == NULL)
    return;

  outlay_import_plan_take_refunds (self->plan, self->choice == OUTLAY_IMPORT_REFUNDS_ALL);
  if (self->choice != OUTLAY_IMPORT_REFUNDS_PICKED)
    return;

  for (guint i = 0; i < outlay_import_plan_get_n_incoming_shown (self->plan); i++)
    {
      g_autofree char *key = record_key (outlay_import_plan_get_incoming (self->plan, i, NULL));

      if (g_hash_table_contains (self->picks, key))
        outlay_import_plan_take_refund (self->plan, i, TRUE);
    }
}

static void
show_rows (OutlayImportRefundsGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->rows, i), self->choice == OUTLAY_IMPORT_REFUNDS_PICKED);
}

static void
on_check_toggled_cb (GtkCheckButton           *check,
                     OutlayImportRefundsGroup *self)
{
  guint            i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "incoming-index"));
  g_autofree char *key = NULL;
  gboolean         active = gtk_check_button_get_active (check);

  if (self->filling || self->plan == NULL)
    return;

  key = record_key (outlay_import_plan_get_incoming (self->plan, i, NULL));
  if (active)
    g_hash_table_add (self->picks, g_steal_pointer (&key));
  else
    g_hash_table_remove (self->picks, key);

  outlay_import_plan_take_refund (self->plan, i, active);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
new_pick_row (OutlayImportRefundsGroup *self,
              OutlayRepository         *repository,
              guint                     i)
{
  guint               index;
  OutlayImportRecord *record = outlay_import_plan_get_incoming (self->plan, i, &index);
  gint64              fallback_id = outlay_category_get_id (outlay_repository_get_fallback_category (repository));
  g_autoptr (OutlayExpense) draft = outlay_import_plan_build_draft (self->plan, index, record, fallback_id);
  const char      *currency = outlay_expense_get_currency (draft);
  gint64           amount = outlay_expense_get_amount (draft);
  g_autofree char *date = outlay_format_date (record->date);
  g_autofree char *shown = outlay_money_format_expense (amount, currency);
  g_autofree char *spoken = outlay_format_amount_spoken (ABS (amount), currency);
  g_autofree char *subtitle = NULL;
  g_autofree char *label_text = NULL;
  g_autofree char *key = record_key (record);
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *check = gtk_check_button_new ();
  GtkWidget       *label = gtk_label_new (shown);
  GtkWidget       *fit = outlay_fit_bin_new ();

  if (record->category != NULL && *record->category != '\0')
    /* Translators: the date and the category in the file of a line of
     * money received */
    subtitle = g_strdup_printf (_("%s · %s"), date, record->category);
  else
    subtitle = g_strdup (date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), outlay_expense_get_description (draft));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->picks, key));
  g_object_set_data (G_OBJECT (check), "incoming-index", GUINT_TO_POINTER (i));
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
  /* Translators: a line of money received that can be ticked to import it
   * as a refund, read by a screen reader: description, amount, date */
  label_text = g_strdup_printf (_("%s, %s received, %s"), outlay_expense_get_description (draft), spoken, date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label_text, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "success");
  gtk_widget_set_valign (fit, GTK_ALIGN_CENTER);
  adw_bin_set_child (ADW_BIN (fit), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), fit);

  return row;
}

static void
clear_rows (OutlayImportRefundsGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

/**
 * outlay_import_refunds_group_set_plan:
 * @plan: (nullable): the plan shown, which the group changes as the person
 *   chooses; it must outlive the group or the next call
 *
 * Shows the money received that @plan could take as refunds, and has the
 * plan take what was chosen for the plan before.
 */
void
outlay_import_refunds_group_set_plan (OutlayImportRefundsGroup *self,
                                      OutlayImportPlan         *plan,
                                      OutlayRepository         *repository)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  guint            n;

  g_return_if_fail (OUTLAY_IS_IMPORT_REFUNDS_GROUP (self));
  g_return_if_fail (plan == NULL || OUTLAY_IS_REPOSITORY (repository));

  self->plan = plan;
  clear_rows (self);
  n = plan != NULL ? outlay_import_plan_get_n_incoming (plan) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  if (n == 0)
    return;

  if (self->choice == OUTLAY_IMPORT_REFUNDS_PICKED && !can_pick (self))
    self->choice = OUTLAY_IMPORT_REFUNDS_NONE;

  /* Translators: which of the file's lines of money received to import as
   * refunds */
  gtk_string_list_append (model, C_("refunds to import", "None"));
  /* Translators: which of the file's lines of money received to import as
   * refunds */
  gtk_string_list_append (model, C_("refunds to import", "All"));
  /* A statement with hundreds of incoming lines is all or nothing. */
  if (can_pick (self))
    gtk_string_list_append (model, _("Those I Tick"));

  self->filling = TRUE;
  adw_combo_row_set_model (self->choice_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->choice_row, self->choice);
  self->filling = FALSE;

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u line of the file", "%'u lines of the file", n), n);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->choice_row), subtitle);

  apply_choice (self);

  if (can_pick (self))
    for (guint i = 0; i < outlay_import_plan_get_n_incoming_shown (plan); i++)
      {
        GtkWidget *row = new_pick_row (self, repository, i);

        gtk_list_box_append (self->list, row);
        g_ptr_array_add (self->rows, row);
      }
  show_rows (self);
}

OutlayImportRefunds
outlay_import_refunds_group_get_choice (OutlayImportRefundsGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_REFUNDS_GROUP (self), OUTLAY_IMPORT_REFUNDS_NONE);

  return self->choice;
}

void
outlay_import_refunds_group_set_choice (OutlayImportRefundsGroup *self,
                                        OutlayImportRefunds       choice)
{
  g_return_if_fail (OUTLAY_IS_IMPORT_REFUNDS_GROUP (self));
  g_return_if_fail (choice <= OUTLAY_IMPORT_REFUNDS_PICKED);

  if (choice == OUTLAY_IMPORT_REFUNDS_PICKED && !can_pick (self))
    return;

  adw_combo_row_set_selected (self->choice_row, choice);
}

static void
on_choice_selected_cb (OutlayImportRefundsGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->choice_row);

  if (self->filling || selected > OUTLAY_IMPORT_REFUNDS_PICKED || selected == self->choice)
    return;

  self->choice = selected;
  apply_choice (self);
  show_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
outlay_import_refunds_group_finalize (GObject *object)
{
  OutlayImportRefundsGroup *self = OUTLAY_IMPORT_REFUNDS_GROUP (object);

  g_hash_table_unref (self->picks);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (outlay_import_refunds_group_parent_class)->finalize (object);
}

static void
outlay_import_refunds_group_class_init (OutlayImportRefundsGroupClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = outlay_import_refunds_group_finalize;

  /**
   * OutlayImportRefundsGroup::changed:
   *
   * The plan takes other lines as refunds: what it adds changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/import/outlay-import-refunds-group.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayImportRefundsGroup, list);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportRefundsGroup, choice_row);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_selected_cb);
}

static void
outlay_import_refunds_group_init (OutlayImportRefundsGroup *self)
{
  self->picks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
