/* outlay-budget-editor.c
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

/* A budget's editor, as a dialog over the Budgets window: its name and
 * amount, how its period repeats and from which day, which expenses it
 * counts, what happens to what is left, and when to tell. Saving checks
 * everything through the repository; a refusal names the field, marks its
 * row and keeps the form as it was typed. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-amount-row.h"
#include "outlay-budget-editor.h"
#include "outlay-category-icon.h"
#include "outlay-date-row.h"
#include "outlay-form-rows.h"
#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-toasts.h"

/* The order of the choices in the period's combo row. */
static const OutlayCycleUnit units[] = {
  OUTLAY_CYCLE_WEEK,
  OUTLAY_CYCLE_MONTH,
  OUTLAY_CYCLE_YEAR,
  OUTLAY_CYCLE_RANGE,
};

static const OutlayRollover rollovers[] = {
  OUTLAY_ROLLOVER_NONE,
  OUTLAY_ROLLOVER_SURPLUS,
  OUTLAY_ROLLOVER_BOTH,
};

struct _OutlayBudgetEditor
{
  AdwWindow parent_instance;

  OutlayRepository *repository;
  OutlayBudget     *budget; /* the one edited, or a new one's draft */
  gboolean          is_new;
  char             *error;  /* the last refusal, for tests */

  AdwToastOverlay *toasts;
  GtkWidget       *save_button;
  GtkWidget       *name_row;
  GtkWidget       *amount_row;
  GtkWidget       *period_row;
  GtkWidget       *every_row;
  GtkWidget       *every_spin;
  GtkWidget       *start_row;
  GtkWidget       *end_row;
  GtkWidget       *all_row;
  GtkWidget       *all_switch;
  GtkWidget       *categories_group;
  GPtrArray       *category_checks; /* GtkCheckButton, with "uuid" data */
  GtkWidget       *rollover_row;
  GtkWidget       *cap_row;
  GtkWidget       *carry_from_row;
  gboolean         carry_from_chosen; /* else it follows the first period's day */
  gboolean         syncing;
  GtkWidget       *alerts_row;
};

enum
{
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayBudgetEditor, outlay_budget_editor, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static OutlayCycleUnit
selected_unit (OutlayBudgetEditor *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->period_row));

  return i < G_N_ELEMENTS (units) ? units[i] : OUTLAY_CYCLE_MONTH;
}

static OutlayRollover
selected_rollover (OutlayBudgetEditor *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rollover_row));

  return i < G_N_ELEMENTS (rollovers) ? rollovers[i] : OUTLAY_ROLLOVER_NONE;
}

/* The unit after "Every", in the plural the count asks for. */
static void
update_every_unit (OutlayBudgetEditor *self)
{
  guint       n = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->every_spin));
  const char *unit;

  switch (selected_unit (self))
    {
    case OUTLAY_CYCLE_WEEK:
      /* Translators: after "Every" and a number: "Every 2 weeks" */
      unit = g_dngettext (GETTEXT_PACKAGE, "week", "weeks", n);
      break;
    case OUTLAY_CYCLE_YEAR:
      /* Translators: after "Every" and a number: "Every 2 years" */
      unit = g_dngettext (GETTEXT_PACKAGE, "year", "years", n);
      break;
    case OUTLAY_CYCLE_MONTH:
    case OUTLAY_CYCLE_RANGE:
    default:
      /* Translators: after "Every" and a number: "Every 2 months" */
      unit = g_dngettext (GETTEXT_PACKAGE, "month", "months", n);
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->every_row), unit);
}

/* Rows that only mean something for some choices are shown with them. */
static void
update_visibility (OutlayBudgetEditor *self)
{
  gboolean once = selected_unit (self) == OUTLAY_CYCLE_RANGE;
  gboolean all = gtk_switch_get_active (GTK_SWITCH (self->all_switch));

  gtk_widget_set_visible (self->every_row, !once);
  gtk_widget_set_visible (self->end_row, once);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_row),
                                 once ? _("First Day") : _("First Period Starts"));
  gtk_widget_set_visible (self->categories_group, !all);
  gtk_widget_set_visible (self->cap_row, selected_rollover (self) != OUTLAY_ROLLOVER_NONE);
  gtk_widget_set_visible (self->carry_from_row, selected_rollover (self) != OUTLAY_ROLLOVER_NONE && !once);
  update_every_unit (self);
}

static void
clear_errors (OutlayBudgetEditor *self)
{
  GtkWidget *rows[] = { self->name_row, self->amount_row, self->period_row, self->end_row,
                        self->start_row, self->cap_row, self->alerts_row, self->all_row,
                        self->carry_from_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
}

static void
on_changed_cb (OutlayBudgetEditor *self)
{
  update_visibility (self);
}

/* Until the person chooses another, the carry counts from the first
 * period, wherever that moves. */
static void
on_start_changed_cb (OutlayBudgetEditor *self)
{
  if (self->carry_from_chosen)
    return;
  self->syncing = TRUE;
  outlay_date_row_set_date (OUTLAY_DATE_ROW (self->carry_from_row),
                            outlay_date_row_get_date (OUTLAY_DATE_ROW (self->start_row)));
  self->syncing = FALSE;
}

static void
on_carry_from_changed_cb (OutlayBudgetEditor *self)
{
  if (!self->syncing)
    self->carry_from_chosen = TRUE;
}

/* An amount of the budget's currency; empty is @empty. */
static gboolean
read_amount (OutlayBudgetEditor *self,
             GtkWidget          *row,
             gint64              empty,
             gint64             *amount,
             GError            **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    {
      *amount = empty;
      return TRUE;
    }
  if (!outlay_money_parse (text, outlay_budget_get_currency (self->budget), amount, error))
    return FALSE;
  if (*amount < 0)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                           _("A budget’s amount cannot be less than zero."));
      return FALSE;
    }
  return TRUE;
}

/* "80, 100" or "80 % 100 %": whole percents, in any order. */
static gboolean
read_alerts (OutlayBudgetEditor *self,
             GArray             *percents,
             GError            **error)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->alerts_row));
  g_auto (GStrv) parts = g_regex_split_simple ("[\\s,;%]+", text, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;

      if (*parts[i] == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 1000, &value, NULL))
        {
          g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_ALERT,
                       _("“%s” is not a percentage: write whole numbers from 1 to 1000, such as 80, 100."), parts[i]);
          return FALSE;
        }
      g_array_append_vals (percents, &(guint){ (guint) value }, 1);
    }
  return TRUE;
}

/* The form as a budget, or %NULL with @error and @row set to what is wrong. */
static OutlayBudget *
read_form (OutlayBudgetEditor *self,
           GtkWidget         **row,
           GError            **error)
{
  g_autoptr (OutlayBudget) budget = outlay_budget_copy (self->budget);
  g_autoptr (GPtrArray) uuids = g_ptr_array_new ();
  g_autoptr (GArray) percents = g_array_new (FALSE, FALSE, sizeof (guint));
  OutlayCycleUnit unit = selected_unit (self);
  gint64          amount, cap;

  outlay_budget_set_name (budget, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  *row = self->amount_row;
  if (!read_amount (self, self->amount_row, 0, &amount, error))
    return NULL;
  outlay_budget_set_amount (budget, amount);

  outlay_budget_set_cycle (budget, unit,
                           (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->every_spin)),
                           outlay_date_row_get_date (OUTLAY_DATE_ROW (self->start_row)),
                           unit == OUTLAY_CYCLE_RANGE ? outlay_date_row_get_date (OUTLAY_DATE_ROW (self->end_row))
                                                      : NULL);

  if (!gtk_switch_get_active (GTK_SWITCH (self->all_switch)))
    {
      for (guint i = 0; i < self->category_checks->len; i++)
        {
          GtkWidget *check = g_ptr_array_index (self->category_checks, i);

          /* A subcategory counted with its category is not named apart. */
          if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) && gtk_widget_get_sensitive (check))
            g_ptr_array_add (uuids, g_object_get_data (G_OBJECT (check), "uuid"));
        }
      if (uuids->len == 0)
        {
          *row = self->all_row;
          g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY,
                               _("Choose at least one category, or let the budget count all expenses."));
          return NULL;
        }
    }
  g_ptr_array_add (uuids, NULL);
  outlay_budget_set_categories (budget, (const char *const *) uuids->pdata);

  *row = self->cap_row;
  if (!read_amount (self, self->cap_row, -1, &cap, error))
    return NULL;
  /* From the first period, unless another day is chosen. */
  {
    const char *from = outlay_date_row_get_date (OUTLAY_DATE_ROW (self->carry_from_row));
    const char *anchor = outlay_budget_get_anchor (budget);

    if (unit == OUTLAY_CYCLE_RANGE || g_strcmp0 (from, anchor) <= 0)
      from = NULL;
    outlay_budget_set_rollover (budget, selected_rollover (self), cap, from);
  }

  *row = self->alerts_row;
  if (!read_alerts (self, percents, error))
    return NULL;
  outlay_budget_set_alerts (budget, (const guint *) (gpointer) percents->data, percents->len);

  *row = NULL;
  return g_steal_pointer (&budget);
}

/* The row a refusal of the store is about. */
static GtkWidget *
row_of_error (OutlayBudgetEditor *self,
              const GError       *error)
{
  if (error->domain != OUTLAY_REPOSITORY_ERROR)
    return NULL;

  switch (error->code)
    {
    case OUTLAY_REPOSITORY_ERROR_INVALID_NAME:
      return self->name_row;
    case OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT:
      return self->amount_row;
    case OUTLAY_REPOSITORY_ERROR_INVALID_CAP:
      return self->cap_row;
    case OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD:
      return selected_unit (self) == OUTLAY_CYCLE_RANGE ? self->end_row : self->start_row;
    case OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY:
      return self->all_row;
    case OUTLAY_REPOSITORY_ERROR_INVALID_ALERT:
      return self->alerts_row;
    default:
      return NULL;
    }
}

static void
show_error (OutlayBudgetEditor *self,
            GtkWidget          *row,
            const GError       *error)
{
  g_free (self->error);
  self->error = g_strdup (error->message);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  outlay_toasts_add_error (self->toasts, error->message);
}

/**
 * outlay_budget_editor_save:
 *
 * Saves the form, as the Save or Add button does: on success the editor
 * emits ::saved and closes; else it says why and keeps the form.
 *
 * Returns: whether the budget was saved
 */
gboolean
outlay_budget_editor_save (OutlayBudgetEditor *self)
{
  g_autoptr (OutlayBudget) budget = NULL;
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *row = NULL;

  g_return_val_if_fail (OUTLAY_IS_BUDGET_EDITOR (self), FALSE);

  clear_errors (self);
  if (!(budget = read_form (self, &row, &error)))
    {
      show_error (self, row, error);
      return FALSE;
    }

  if (self->is_new)
    stored = outlay_repository_add_budget (self->repository, budget, &error);
  else
    stored = outlay_repository_update_budget (self->repository, budget, &error);

  if (stored == NULL)
    {
      show_error (self, row_of_error (self, error), error);
      return FALSE;
    }

  g_clear_pointer (&self->error, g_free);
  g_signal_emit (self, signals[SAVED], 0, stored);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked_cb (OutlayBudgetEditor *self)
{
  outlay_budget_editor_save (self);
}

static GtkWidget *
new_group (GtkWidget  *page,
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

static GtkWidget *
new_entry (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  return row;
}

static GtkWidget *
new_amount_row (const char *title,
                const char *currency)
{
  GtkWidget *row = g_object_new (OUTLAY_TYPE_AMOUNT_ROW, "currency", currency, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  return row;
}

/* A budget of a category counts the ones under it: their checks follow
 * its check, and say so. */
static void
on_parent_toggled_cb (GtkCheckButton     *parent_check,
                      OutlayBudgetEditor *self)
{
  const char *parent_uuid = g_object_get_data (G_OBJECT (parent_check), "uuid");
  gboolean    counted = gtk_check_button_get_active (parent_check);

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkWidget       *check = g_ptr_array_index (self->category_checks, i);
      GtkWidget       *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
      OutlayCategory  *category = outlay_repository_lookup_category_by_uuid (self->repository,
                                                                             g_object_get_data (G_OBJECT (check),
                                                                                                "uuid"));
      OutlayCategory  *parent = category != NULL ? outlay_repository_get_parent_category (self->repository, category)
                                                 : NULL;
      g_autofree char *subtitle = NULL;

      if (parent == NULL || g_strcmp0 (outlay_category_get_uuid (parent), parent_uuid) != 0)
        continue;

      /* Translators: under a subcategory in a budget's categories, when the budget counts the category it is in */
      subtitle = counted ? g_strdup_printf (_("Counted with %s"), outlay_category_get_name (parent)) : NULL;
      /* Its own choice comes back when its category is no longer counted. */
      if (counted && gtk_widget_get_sensitive (check))
        {
          g_object_set_data (G_OBJECT (check), "own-choice",
                             GINT_TO_POINTER (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) ? 2 : 1));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
        }
      else if (!counted && !gtk_widget_get_sensitive (check))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                     GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "own-choice")) == 2);
      gtk_widget_set_sensitive (check, !counted);
      if (row != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
}

static void
build_categories (OutlayBudgetEditor *self)
{
  GListModel        *categories = outlay_repository_get_categories (self->repository);
  const char *const *counted = outlay_budget_get_categories (self->budget);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      const char *uuid = outlay_category_get_uuid (category);
      gboolean    is_counted = g_strv_contains (counted, uuid);
      GtkWidget  *row;
      GtkWidget  *check;
      GtkWidget  *icon;

      /* A hidden category is offered only to a budget that counts it. */
      if (!outlay_repository_is_category_offered (self->repository, category) && !is_counted)
        continue;

      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      icon = outlay_category_icon_new ();
      outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (icon), category);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), outlay_category_get_name (category));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_counted);
      g_object_set_data_full (G_OBJECT (check), "uuid", g_strdup (uuid), g_free);
      /* A subcategory sits under its category. */
      if (outlay_repository_get_parent_category (self->repository, category) != NULL)
        gtk_widget_set_margin_start (check, 24);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      /* Which also names the check by the row's title: a label of its own
       * would be read as well ("Food & Drink Food & Drink"). */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->categories_group), row);
      g_ptr_array_add (self->category_checks, check);
    }

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->category_checks, i);

      g_signal_connect_object (check, "toggled", G_CALLBACK (on_parent_toggled_cb), self, 0);
      on_parent_toggled_cb (GTK_CHECK_BUTTON (check), self);
    }
}

static void
build (OutlayBudgetEditor *self,
       const GDate        *today)
{
  const char *currency = outlay_budget_get_currency (self->budget);
  const char *period_choices[] = { _("Weekly"), _("Monthly"), _("Yearly"), _("Once, for a Range of Days"), NULL };
  const char *rollover_choices[] = {
    _("Starts Fresh Each Period"),
    _("Carries What Is Left"),
    _("Carries What Is Left or Overspent"),
    NULL,
  };
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget       *header;
  const char      *accept;
  GtkWidget       *page = adw_preferences_page_new ();
  GtkWidget       *group;
  GArray          *alerts = outlay_budget_get_alerts (self->budget);
  g_autoptr (GString) alerts_text = g_string_new (NULL);
  g_autofree char *today_text = outlay_date_format_iso (today);
  OutlayCycleUnit  unit = outlay_budget_get_period (self->budget);
  gint64           cap = outlay_budget_get_rollover_cap (self->budget);

  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Budget") : _("Edit Budget"));
  accept = self->is_new ? _("_Add") : _("_Save");
  header = outlay_form_dialog_header_new (GTK_WINDOW (self), accept, G_CALLBACK (on_save_clicked_cb),
                                          &self->save_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);

  /* What */
  group = new_group (page, NULL, _("The amount is for each period. A budget of zero watches what is spent, "
                                   "without a limit."));
  self->name_row = new_entry (_("_Name"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), outlay_budget_get_name (self->budget));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->name_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->name_row);
  /* Translators: the amount of a budget, for each period */
  self->amount_row = new_amount_row (_("_Amount"), currency);
  if (!self->is_new)
    outlay_amount_row_set_amount (OUTLAY_AMOUNT_ROW (self->amount_row), outlay_budget_get_amount (self->budget));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->amount_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->amount_row);

  /* When */
  group = new_group (page, _("Period"), NULL);
  self->period_row = outlay_form_combo_row_new (_("_Repeats"), period_choices);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (units[i] == unit)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->period_row), i);
  g_signal_connect_swapped (self->period_row, "notify::selected", G_CALLBACK (on_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->period_row);

  /* Translators: how often a budget's period repeats: "Every" 2 "months" */
  self->every_row = outlay_form_spin_row_new (_("E_very"), 1, 99, &self->every_spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->every_spin), MAX (outlay_budget_get_every (self->budget), 1));
  g_signal_connect_swapped (self->every_spin, "value-changed", G_CALLBACK (on_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->every_row);

  self->start_row = g_object_new (OUTLAY_TYPE_DATE_ROW, NULL);
  outlay_date_row_set_date (OUTLAY_DATE_ROW (self->start_row),
                            outlay_budget_get_anchor (self->budget) != NULL ? outlay_budget_get_anchor (self->budget)
                                                                           : today_text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->start_row);
  self->end_row = g_object_new (OUTLAY_TYPE_DATE_ROW, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->end_row), _("Last Day"));
  outlay_date_row_set_date (OUTLAY_DATE_ROW (self->end_row), outlay_budget_get_range_end (self->budget) != NULL
                                                               ? outlay_budget_get_range_end (self->budget)
                                                               : today_text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->end_row);

  /* Which */
  group = new_group (page, _("Counts"), NULL);
  self->all_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->all_row), _("A_ll Expenses"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->all_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->all_row), _("Off to count only the categories chosen below"));
  self->all_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->all_switch, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (self->all_switch), outlay_budget_get_categories (self->budget)[0] == NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->all_switch), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->all_row, NULL, -1);
  g_signal_connect_swapped (self->all_switch, "notify::active", G_CALLBACK (on_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->all_row), self->all_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->all_row), self->all_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->all_row);

  self->categories_group = new_group (page, _("Categories"), NULL);
  build_categories (self);

  /* What is left */
  group = new_group (page, _("Left Over Money"), _("What is left, or overspent, at the end of a period."));
  self->rollover_row = outlay_form_combo_row_new (_("_Next Period"), rollover_choices);
  for (guint i = 0; i < G_N_ELEMENTS (rollovers); i++)
    if (rollovers[i] == outlay_budget_get_rollover (self->budget))
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rollover_row), i);
  g_signal_connect_swapped (self->rollover_row, "notify::selected", G_CALLBACK (on_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rollover_row);
  /* Translators: a budget's carry is limited to this amount; empty for no limit */
  self->cap_row = new_amount_row (_("Carry at _Most (Empty for No Limit)"), currency);
  if (cap >= 0)
    outlay_amount_row_set_amount (OUTLAY_AMOUNT_ROW (self->cap_row), cap);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->cap_row);
  self->carry_from_row = g_object_new (OUTLAY_TYPE_DATE_ROW, NULL);
  /* Translators: the day whose period a budget's carry is counted from */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->carry_from_row), _("Carry Counted From"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->carry_from_row),
                               _("Periods before this day carry nothing; by default, the first period"));
  outlay_date_row_set_date (OUTLAY_DATE_ROW (self->carry_from_row),
                            outlay_budget_get_rollover_from (self->budget) != NULL
                              ? outlay_budget_get_rollover_from (self->budget)
                              : outlay_budget_get_anchor (self->budget));
  self->carry_from_chosen = outlay_budget_get_rollover_from (self->budget) != NULL;
  g_signal_connect_swapped (self->start_row, "changed", G_CALLBACK (on_start_changed_cb), self);
  g_signal_connect_swapped (self->carry_from_row, "changed", G_CALLBACK (on_carry_from_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->carry_from_row);

  /* When to tell */
  group = new_group (page, _("Alerts"), _("A notification when the budget reaches each percentage, once a period."));
  self->alerts_row = new_entry (_("_Tell Me at (Percent)"));
  for (guint i = 0; i < alerts->len; i++)
    g_string_append_printf (alerts_text, "%s%u", i > 0 ? ", " : "", g_array_index (alerts, guint, i));
  gtk_editable_set_text (GTK_EDITABLE (self->alerts_row), alerts_text->str);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->alerts_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->alerts_row);

  update_visibility (self);
  /* The name first, as a person fills the form. */
  gtk_window_set_focus (GTK_WINDOW (self), self->name_row);
}

static void
outlay_budget_editor_finalize (GObject *object)
{
  OutlayBudgetEditor *self = OUTLAY_BUDGET_EDITOR (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->budget);
  g_clear_pointer (&self->category_checks, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (outlay_budget_editor_parent_class)->finalize (object);
}

static void
outlay_budget_editor_class_init (OutlayBudgetEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = outlay_budget_editor_finalize;

  /**
   * OutlayBudgetEditor::saved:
   * @budget: the budget as stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, OUTLAY_TYPE_BUDGET);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_budget_editor_init (OutlayBudgetEditor *self)
{
  self->category_checks = g_ptr_array_new ();
}

/**
 * outlay_budget_editor_new:
 * @parent: the window it is over
 * @budget: (nullable): the budget to edit; %NULL for a new one
 * @currency: a new budget's currency: the ledger's
 * @today: where a new budget's first period starts
 *
 * Returns: (transfer none): the editor, shown
 */
OutlayBudgetEditor *
outlay_budget_editor_new (GtkWindow        *parent,
                          OutlayRepository *repository,
                          OutlayBudget     *budget,
                          const char       *currency,
                          const GDate      *today)
{
  OutlayBudgetEditor *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (budget == NULL || OUTLAY_IS_BUDGET (budget), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_object_new (OUTLAY_TYPE_BUDGET_EDITOR,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 480,
                       "default-height", 640,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->repository = g_object_ref (repository);
  self->is_new = budget == NULL;
  if (budget != NULL)
    {
      self->budget = outlay_budget_copy (budget);
    }
  else
    {
      g_autoptr (GDate) first = g_date_copy (today);

      /* A new budget: monthly, from the first of this month. */
      g_date_set_day (first, 1);
      self->budget = outlay_budget_new ();
      outlay_budget_set_currency (self->budget, currency);
      {
        g_autofree char *anchor = outlay_date_format_iso (first);

        outlay_budget_set_cycle (self->budget, OUTLAY_CYCLE_MONTH, 1, anchor, NULL);
      }
    }
  build (self, today);

  return self;
}

/**
 * outlay_budget_editor_get_error:
 *
 * Returns: (nullable): why the last save was refused
 */
const char *
outlay_budget_editor_get_error (OutlayBudgetEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET_EDITOR (self), NULL);

  return self->error;
}

/**
 * outlay_budget_editor_get_row:
 * @name: "name", "amount", "period", "every", "start", "end", "all",
 *   "rollover", "cap", "alerts", "save", or "category:" and a category's
 *   uuid
 *
 * Returns: (transfer none) (nullable): the row, for tests
 */
GtkWidget *
outlay_budget_editor_get_row (OutlayBudgetEditor *self,
                              const char         *name)
{
  struct
  {
    const char *name;
    GtkWidget  *row;
  } rows[] = {
    { "name", self->name_row },     { "amount", self->amount_row },     { "period", self->period_row },
    { "every", self->every_spin },  { "start", self->start_row },       { "end", self->end_row },
    { "all", self->all_switch },    { "rollover", self->rollover_row }, { "cap", self->cap_row },
    { "alerts", self->alerts_row }, { "save", self->save_button },  { "carry-from", self->carry_from_row },
  };

  g_return_val_if_fail (OUTLAY_IS_BUDGET_EDITOR (self), NULL);

  /* "category:UUID": a category's check button */
  if (g_str_has_prefix (name, "category:"))
    {
      for (guint i = 0; i < self->category_checks->len; i++)
        {
          GtkWidget *check = g_ptr_array_index (self->category_checks, i);

          if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "uuid"), name + strlen ("category:")) == 0)
            return check;
        }
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, name))
      return rows[i].row;
  return NULL;
}
