/* outlay-budgets-window.c
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

/* The Budgets window: every budget in use with where it stands, in the
 * order the Dashboard shows them; what no budget counts this month; the
 * archived ones. A budget opens into its page: where it stands and a chart
 * of its last twelve periods, spent against what each had. Adding and
 * editing go through the budget editor; moving, archiving and deleting
 * through each row's menu, deleting and archiving with Undo.
 *
 * What it shows is read from the per-day summary (one pass for the list,
 * one for a budget's chart), which grows with the days and categories,
 * not with the expenses. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-budget-bar.h"
#include "outlay-budget-editor.h"
#include "outlay-budget-overrides-group.h"
#include "outlay-budgets-group.h"
#include "outlay-budgets-window.h"
#include "outlay-converted-view.h"
#include "outlay-form-rows.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-toasts.h"
#include "outlay-trend-chart.h"

#define HISTORY_PERIODS 12

struct _OutlayBudgetsWindow
{
  AdwWindow parent_instance;

  OutlayRepository *repository;
  char             *currency; /* a new budget's */
  GDate            *today;
  GPtrArray        *budgets;  /* in use, as listed */
  GPtrArray        *archived;
  gint64            shown_id; /* the budget whose page shows, or 0 */
  char             *unbudgeted;
  GtkWidget        *editor;   /* while one is open */
  gint64            undo_id;  /* the budget the toast's Undo is for */
  gboolean          undo_archive; /* the Undo takes back an archiving */
  AdwToast         *undo_toast;

  AdwToastOverlay *toasts;
  GtkWidget       *header;
  GtkWidget       *back_button;
  GtkWidget       *add_button;
  GtkWidget       *edit_button;
  GtkWidget       *stack;
  GtkWidget       *budgets_group;
  GtkWidget       *budgets_list;
  GtkWidget       *unbudgeted_group;
  GtkWidget       *unbudgeted_row;
  GtkWidget       *archived_group;
  GtkWidget       *archived_list;
  GtkWidget       *detail_group;
  GtkWidget       *detail_box;
  GtkWidget       *chart;
  GtkWidget       *chart_group;
  GtkWidget       *overrides_group;
  GtkWidget       *detail_page;
};

G_DEFINE_FINAL_TYPE (OutlayBudgetsWindow, outlay_budgets_window, ADW_TYPE_WINDOW)

static OutlayBudget *
find_budget (OutlayBudgetsWindow *self,
             gint64               id)
{
  GPtrArray *lists[] = { self->budgets, self->archived };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      if (outlay_budget_get_id (g_ptr_array_index (lists[l], i)) == id)
        return g_ptr_array_index (lists[l], i);
  return NULL;
}

static void
show_error (OutlayBudgetsWindow *self,
            const GError        *error)
{
  outlay_toasts_add_error (self->toasts, error->message);
}

static void
show_undo (OutlayBudgetsWindow *self,
           const char          *title,
           gint64               id,
           gboolean             archive)
{
  self->undo_id = id;
  self->undo_archive = archive;
  outlay_toasts_add_undo (self->toasts, title, "budgets.undo", &self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.undo", TRUE);
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             gint64      id)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

static GtkWidget *
new_actions_button (OutlayBudget *budget,
                    gboolean      archived,
                    guint         index,
                    guint         n)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) order = g_menu_new ();
  g_autoptr (GMenu) last = g_menu_new ();
  gint64           id = outlay_budget_get_id (budget);
  GtkWidget       *button = gtk_menu_button_new ();
  g_autofree char *label = NULL;

  if (!archived)
    {
      append_item (menu, _("_Edit"), "budgets.edit", id);
      if (index > 0)
        append_item (order, _("Move _Up"), "budgets.move-up", id);
      if (index + 1 < n)
        append_item (order, _("Move _Down"), "budgets.move-down", id);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
      append_item (last, _("_Archive"), "budgets.archive", id);
    }
  else
    {
      append_item (last, _("_Use Again"), "budgets.unarchive", id);
    }
  append_item (last, _("_Delete"), "budgets.delete", id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (last));

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: the menu of a budget's row, with its name */
  label = g_strdup_printf (_("Actions for “%s”"), outlay_budget_get_name (budget));
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

/* A budget in the list: its name, where it stands, its bar. */
static GtkWidget *
new_budget_row (OutlayBudgetsWindow      *self,
                OutlayBudget             *budget,
                const OutlayBudgetStatus *status,
                guint                     index)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), outlay_budget_get_name (budget));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (status != NULL && status->period_start[0] != '\0')
    {
      g_autofree char *detail = outlay_budgets_group_describe_status (budget, status);
      g_autofree char *spoken = outlay_budgets_group_speak_status (budget, status);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken, -1);
    }
  else if (status != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Its periods cannot be worked out: edit its dates."));
    }
  gtk_widget_set_name (row, outlay_budget_get_name (budget));
  g_object_set_data_full (G_OBJECT (row), "budget", g_object_ref (budget), g_object_unref);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_actions_button (budget, status == NULL, index,
                                                 status != NULL ? self->budgets->len : 0));
  /* Each opens into its page, an archived one too (to look back on). */
  {
    /* Only a sign that the row opens: nothing to read out. */
    GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic", "accessible-role",
                                     GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

    adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  }
  return row;
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

/* This month's spending that no budget counts, in the new budgets'
 * currency, with its categories, largest first. */
static void
refresh_unbudgeted (OutlayBudgetsWindow *self)
{
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *list = NULL;
  gint64           total = 0;

  g_clear_pointer (&self->unbudgeted, g_free);
  outlay_period_get_range (OUTLAY_PERIOD_THIS_MONTH, self->today, &from, &to);
  if (self->budgets->len == 0 ||
      !(rows = outlay_repository_get_unbudgeted (self->repository, self->currency, from, to, &error)))
    {
      if (error != NULL)
        g_warning ("Could not read what no budget counts: %s", error->message);
      gtk_widget_set_visible (self->unbudgeted_group, FALSE);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const OutlayCategoryTotal *row = &g_array_index (rows, OutlayCategoryTotal, i);
      OutlayCategory            *category = outlay_repository_lookup_category (self->repository, row->category_id);

      total += row->total;
      if (category != NULL)
        g_ptr_array_add (names, (gpointer) outlay_category_get_name (category));
    }
  g_ptr_array_add (names, NULL);

  total_text = outlay_money_format_expense (total, self->currency);
  if (rows->len == 0)
    self->unbudgeted = g_strdup (_("Every expense of this month is in a budget."));
  else
    {
      /* Translators: a list of categories, separated by commas */
      list = g_strjoinv (_(", "), (char **) names->pdata);
      /* Translators: this month's spending that no budget counts, and its categories: "€123.00 in Transport,
       * Health" */
      self->unbudgeted = g_strdup_printf (_("%s in %s"), total_text, list);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->unbudgeted_row), self->unbudgeted);
  gtk_widget_set_visible (self->unbudgeted_group, TRUE);
}

static void show_detail (OutlayBudgetsWindow *self);

/* Reads the budgets again: after any change, by this window or another
 * program, and when the expenses change what they spent. */
static void
refresh (OutlayBudgetsWindow *self)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GArray) statuses = NULL;
  g_autoptr (GError) error = NULL;

  clear_list (self->budgets_list);
  clear_list (self->archived_list);
  g_ptr_array_set_size (self->budgets, 0);
  g_ptr_array_set_size (self->archived, 0);

  if (!(all = outlay_repository_list_budgets (self->repository, TRUE, &error)))
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      OutlayBudget *budget = g_ptr_array_index (all, i);

      g_ptr_array_add (outlay_budget_get_archived_at (budget) != NULL ? self->archived : self->budgets,
                       g_object_ref (budget));
    }

  if (!(statuses = outlay_repository_get_budget_statuses (self->repository, self->budgets, self->today, &error)))
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < self->budgets->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->budgets_list),
                         new_budget_row (self, g_ptr_array_index (self->budgets, i),
                                         &g_array_index (statuses, OutlayBudgetStatus, i), i));
  for (guint i = 0; i < self->archived->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->archived_list),
                         new_budget_row (self, g_ptr_array_index (self->archived, i), NULL, i));

  gtk_widget_set_visible (self->budgets_group, self->budgets->len > 0);
  gtk_widget_set_visible (self->archived_group, self->archived->len > 0);
  refresh_unbudgeted (self);

  if (self->shown_id != 0)
    show_detail (self);
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                      self->budgets->len + self->archived->len > 0 ? "list" : "empty");
}

static void
clear_detail (OutlayBudgetsWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->detail_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->detail_box), child);
}

static const char *
describe_repetition (OutlayBudget *budget)
{
  guint every = outlay_budget_get_every (budget);

  switch (outlay_budget_get_period (budget))
    {
    case OUTLAY_CYCLE_WEEK:
      return every == 1 ? _("Weekly") : _("Every few weeks");
    case OUTLAY_CYCLE_YEAR:
      return every == 1 ? _("Yearly") : _("Every few years");
    case OUTLAY_CYCLE_RANGE:
      return _("Once, for a range of days");
    case OUTLAY_CYCLE_MONTH:
    default:
      return every == 1 ? _("Monthly") : _("Every few months");
    }
}

/* A budget's page: where it stands now, and its last periods. */
static void
show_detail (OutlayBudgetsWindow *self)
{
  OutlayBudget      *budget = find_budget (self, self->shown_id);
  g_auto (OutlayBudgetStatus) status = { { 0 } };
  g_autoptr (GArray) periods = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *period = NULL;
  g_autofree char   *heading = NULL;
  g_autofree char   *spent = NULL;
  g_autofree char   *available = NULL;
  g_autofree char   *amounts = NULL;
  g_autofree char   *detail = NULL;
  g_autofree char   *spoken = NULL;
  const char        *currency;
  GtkWidget         *card;

  clear_detail (self);
  if (budget == NULL)
    {
      /* Deleted, here or by another program. */
      self->shown_id = 0;
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                        self->budgets->len + self->archived->len > 0 ? "list" : "empty");
      gtk_widget_set_visible (self->back_button, FALSE);
      gtk_widget_set_visible (self->edit_button, FALSE);
      gtk_widget_set_visible (self->add_button, TRUE);
      gtk_window_set_title (GTK_WINDOW (self), _("Budgets"));
      return;
    }

  currency = outlay_budget_get_currency (budget);
  gtk_window_set_title (GTK_WINDOW (self), outlay_budget_get_name (budget));
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_set_visible (self->edit_button, outlay_budget_get_archived_at (budget) == NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "detail");

  if (!outlay_repository_get_budget_status (self->repository, budget, self->today, &status, &error) ||
      !(periods = outlay_repository_get_budget_history (self->repository, budget, self->today, HISTORY_PERIODS,
                                                        &error)))
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->detail_group), outlay_budget_get_name (budget));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->detail_group), error->message);
      gtk_widget_set_visible (self->chart_group, FALSE);
      return;
    }

  period = outlay_format_period (status.period_start, status.period_end);
  /* Translators: a budget's current period and how it repeats: "March 2026 · Monthly" */
  heading = g_strdup_printf (_("%s · %s"), period, describe_repetition (budget));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->detail_group), outlay_budget_get_name (budget));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->detail_group), heading);

  spent = outlay_money_format_expense (status.spent, currency);
  available = outlay_money_format_expense (status.available, currency);
  if (status.state == OUTLAY_BUDGET_WATCHING)
    amounts = g_strdup (spent);
  else
    amounts = g_strdup_printf (_("%s of %s"), spent, available);
  detail = outlay_budgets_group_describe_status (budget, &status);
  spoken = outlay_budgets_group_speak_status (budget, &status);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "budget-row");
  gtk_box_append (GTK_BOX (card), outlay_form_label_new (amounts, "title-3", 0));
  if (status.state != OUTLAY_BUDGET_WATCHING)
    {
      GtkWidget *bar = outlay_budget_bar_new ();

      outlay_budget_bar_set_status (OUTLAY_BUDGET_BAR (bar), &status);
      gtk_box_append (GTK_BOX (card), bar);
    }
  gtk_box_append (GTK_BOX (card), outlay_form_label_new (detail, NULL, 0));
  if (status.carried != 0)
    {
      g_autofree char *carried = outlay_money_format_expense (ABS (status.carried), currency);
      g_autofree char *text = status.carried > 0
                                /* Translators: money a budget carries from the periods before */
                                ? g_strdup_printf (_("Includes %s left from before"), carried)
                                /* Translators: money overspent in the periods before, taken from this one */
                                : g_strdup_printf (_("Less %s overspent before"), carried);

      gtk_box_append (GTK_BOX (card), outlay_form_label_new (text, "dim-label", 0));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_box_append (GTK_BOX (self->detail_box), card);
  /* What it could not count, each currency with the way to count it. */
  for (guint i = 0; i < status.uncounted->len; i++)
    {
      const OutlayCurrencyTotal *uncounted = &g_array_index (status.uncounted, OutlayCurrencyTotal, i);

      gtk_box_append (GTK_BOX (self->detail_box), outlay_missing_rate_new (uncounted->currency, uncounted->count));
    }

  outlay_trend_chart_set_budget_periods (OUTLAY_TREND_CHART (self->chart),
                                         (const OutlayBudgetPeriod *) (gpointer) periods->data, periods->len,
                                         outlay_budget_get_period (budget), currency);
  gtk_widget_set_visible (self->chart_group, periods->len > 1);
  outlay_budget_overrides_group_set_budget (OUTLAY_BUDGET_OVERRIDES_GROUP (self->overrides_group), budget,
                                            self->today);
}

static void
go_back (OutlayBudgetsWindow *self)
{
  self->shown_id = 0;
  show_detail (self);
}

static void
on_row_activated_cb (OutlayBudgetsWindow *self,
                     GtkListBoxRow       *row)
{
  OutlayBudget *budget = g_object_get_data (G_OBJECT (row), "budget");

  if (budget != NULL)
    outlay_budgets_window_show_budget (self, outlay_budget_get_id (budget));
}

static void
on_editor_saved_cb (OutlayBudgetsWindow *self,
                    OutlayBudget        *stored)
{
  /* The store's signal has refreshed the list; a new one opens. */
  outlay_budgets_window_show_budget (self, outlay_budget_get_id (stored));
}

static void
open_editor (OutlayBudgetsWindow *self,
             OutlayBudget        *budget)
{
  OutlayBudgetEditor *editor =
    outlay_budget_editor_new (GTK_WINDOW (self), self->repository, budget, self->currency, self->today);

  g_set_weak_pointer (&self->editor, GTK_WIDGET (editor));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  outlay_budgets_window_add_budget (OUTLAY_BUDGETS_WINDOW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayBudgetsWindow *self = OUTLAY_BUDGETS_WINDOW (widget);
  gint64               id = parameter != NULL ? g_variant_get_int64 (parameter) : self->shown_id;
  OutlayBudget        *budget = find_budget (self, id);

  if (budget != NULL)
    open_editor (self, budget);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayBudgetsWindow *self = OUTLAY_BUDGETS_WINDOW (widget);
  gint64               id = g_variant_get_int64 (parameter);
  g_autoptr (GError) error = NULL;
  int   delta = g_str_equal (action_name, "budgets.move-up") ? -1 : 1;
  guint index;

  for (index = 0; index < self->budgets->len; index++)
    if (outlay_budget_get_id (g_ptr_array_index (self->budgets, index)) == id)
      break;
  if (index >= self->budgets->len || (delta < 0 && index == 0) || (delta > 0 && index + 1 >= self->budgets->len))
    return;

  if (!outlay_repository_move_budget (self->repository, id, index + delta, &error))
    show_error (self, error);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OutlayBudgetsWindow *self = OUTLAY_BUDGETS_WINDOW (widget);
  gint64               id = g_variant_get_int64 (parameter);
  gboolean             archive = g_str_equal (action_name, "budgets.archive");
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (!(stored = outlay_repository_archive_budget (self->repository, id, archive, &error)))
    {
      show_error (self, error);
      return;
    }
  if (archive)
    {
      /* Translators: a toast after archiving a budget, with its name */
      title = g_strdup_printf (C_("budget", "“%s” archived"), outlay_budget_get_name (stored));
      show_undo (self, title, id, TRUE);
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OutlayBudgetsWindow *self = OUTLAY_BUDGETS_WINDOW (widget);
  gint64               id = g_variant_get_int64 (parameter);
  g_autoptr (OutlayBudget) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (!(before = outlay_repository_delete_budget (self->repository, id, &error)))
    {
      show_error (self, error);
      return;
    }
  /* Translators: a toast after deleting a budget, with its name */
  title = g_strdup_printf (C_("budget", "“%s” deleted"), outlay_budget_get_name (before));
  show_undo (self, title, id, FALSE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayBudgetsWindow *self = OUTLAY_BUDGETS_WINDOW (widget);
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (GError) error = NULL;

  if (self->undo_id == 0)
    return;

  if (self->undo_archive)
    stored = outlay_repository_archive_budget (self->repository, self->undo_id, FALSE, &error);
  else
    stored = outlay_repository_restore_budget (self->repository, self->undo_id, &error);
  self->undo_id = 0;
  gtk_widget_action_set_enabled (widget, "budgets.undo", FALSE);
  if (stored == NULL)
    show_error (self, error);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayBudgetsWindow *self = OUTLAY_BUDGETS_WINDOW (widget);

  if (self->shown_id != 0)
    go_back (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
outlay_budgets_window_dispose (GObject *object)
{
  OutlayBudgetsWindow *self = OUTLAY_BUDGETS_WINDOW (object);

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_weak_pointer (&self->editor);

  G_OBJECT_CLASS (outlay_budgets_window_parent_class)->dispose (object);
}

static void
outlay_budgets_window_finalize (GObject *object)
{
  OutlayBudgetsWindow *self = OUTLAY_BUDGETS_WINDOW (object);

  g_clear_object (&self->repository);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->today, g_date_free);
  g_clear_pointer (&self->budgets, g_ptr_array_unref);
  g_clear_pointer (&self->archived, g_ptr_array_unref);
  g_clear_pointer (&self->unbudgeted, g_free);

  G_OBJECT_CLASS (outlay_budgets_window_parent_class)->finalize (object);
}

static void
outlay_budgets_window_class_init (OutlayBudgetsWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_budgets_window_dispose;
  object_class->finalize = outlay_budgets_window_finalize;

  gtk_widget_class_install_action (widget_class, "budgets.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "budgets.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "budgets.edit-shown", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "budgets.move-up", "x", move_action);
  gtk_widget_class_install_action (widget_class, "budgets.move-down", "x", move_action);
  gtk_widget_class_install_action (widget_class, "budgets.archive", "x", archive_action);
  gtk_widget_class_install_action (widget_class, "budgets.unarchive", "x", archive_action);
  gtk_widget_class_install_action (widget_class, "budgets.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "budgets.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "budgets.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "budgets.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "budgets.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "budgets.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "budgets.back", NULL);
}

static GtkWidget *
new_list (GtkWidget *group)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  return list;
}

static void
build_list_page (OutlayBudgetsWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Budget"));

  self->budgets_group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->budgets_group),
                                         _("In the order the Dashboard shows them."));
  self->budgets_list = new_list (self->budgets_group);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->budgets_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Budgets"),
                                  -1);
  g_signal_connect_object (self->budgets_list, "row-activated", G_CALLBACK (on_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->budgets_group));

  self->unbudgeted_group = adw_preferences_group_new ();
  self->unbudgeted_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->unbudgeted_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unbudgeted_row), _("Unbudgeted This Month"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->unbudgeted_row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->unbudgeted_group), self->unbudgeted_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->unbudgeted_group));

  self->archived_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->archived_group), _("Archived"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->archived_group),
                                         _("Kept with their history, but not on the Dashboard."));
  self->archived_list = new_list (self->archived_group);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->archived_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Archived"), -1);
  g_signal_connect_object (self->archived_list, "row-activated", G_CALLBACK (on_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->archived_group));
  gtk_stack_add_named (GTK_STACK (self->stack), page, "list");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "outlay-dashboard-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Budgets"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("A budget says what you may spend each week, month or year, on everything "
                                     "or on some categories, and how much is left."));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "budgets.add");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  gtk_stack_add_named (GTK_STACK (self->stack), status, "empty");
}

static void
build_detail_page (OutlayBudgetsWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *frame;

  self->detail_group = adw_preferences_group_new ();
  self->detail_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->detail_group), self->detail_box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->detail_group));

  self->chart_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->chart_group), _("Last Periods"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->chart_group),
                                         _("What each period spent; the line is what it had."));
  self->chart = outlay_trend_chart_new ();
  outlay_chart_set_label (OUTLAY_CHART (self->chart), _("Spent against what each period had"));
  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_add_css_class (frame, "chart-card");
  gtk_widget_set_margin_top (self->chart, 12);
  gtk_widget_set_margin_bottom (self->chart, 12);
  gtk_widget_set_margin_start (self->chart, 12);
  gtk_widget_set_margin_end (self->chart, 12);
  gtk_box_append (GTK_BOX (frame), self->chart);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->chart_group), frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->chart_group));

  self->detail_page = page;
  gtk_stack_add_named (GTK_STACK (self->stack), page, "detail");
}

static void
outlay_budgets_window_init (OutlayBudgetsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->budgets = g_ptr_array_new_with_free_func (g_object_unref);
  self->archived = g_ptr_array_new_with_free_func (g_object_unref);
  self->today = outlay_date_new_today ();

  gtk_window_set_title (GTK_WINDOW (self), _("Budgets"));
  self->header = adw_header_bar_new ();
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "budgets.back");
  gtk_widget_set_visible (self->back_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (self->header), self->back_button);
  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (self->add_button, _("Add Budget"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "budgets.add");
  adw_header_bar_pack_start (ADW_HEADER_BAR (self->header), self->add_button);
  self->edit_button = gtk_button_new_with_mnemonic (_("_Edit"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "budgets.edit-shown");
  gtk_widget_set_visible (self->edit_button, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header), self->edit_button);
  gtk_box_append (GTK_BOX (box), self->header);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_vexpand (self->stack, TRUE);
  build_list_page (self);
  build_detail_page (self);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, self->stack);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.undo", FALSE);
}

/**
 * outlay_budgets_window_new:
 * @parent: (nullable): the main window
 * @currency: a new budget's currency: the ledger's
 *
 * Returns: (transfer none): the window, not yet shown
 */
OutlayBudgetsWindow *
outlay_budgets_window_new (GtkWindow        *parent,
                           OutlayRepository *repository,
                           const char       *currency)
{
  OutlayBudgetsWindow *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  self = g_object_new (OUTLAY_TYPE_BUDGETS_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       "default-width", 560,
                       "default-height", 680,
                       NULL);
  self->repository = g_object_ref (repository);
  self->overrides_group = outlay_budget_overrides_group_new (repository);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->detail_page), ADW_PREFERENCES_GROUP (self->overrides_group));
  self->currency = g_strdup (currency);
  g_signal_connect_object (repository, "budgets-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (repository, "expenses-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (repository, "categories-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);

  return self;
}

/**
 * outlay_budgets_window_set_today:
 *
 * Sets the day whose periods show; tests choose it.
 */
void
outlay_budgets_window_set_today (OutlayBudgetsWindow *self,
                                 const GDate         *today)
{
  g_return_if_fail (OUTLAY_IS_BUDGETS_WINDOW (self));
  g_return_if_fail (today != NULL);

  g_date_free (self->today);
  self->today = g_date_copy (today);
  refresh (self);
}

/**
 * outlay_budgets_window_show_budget:
 * @id: a budget's id, or 0 for the list
 */
void
outlay_budgets_window_show_budget (OutlayBudgetsWindow *self,
                                   gint64               id)
{
  g_return_if_fail (OUTLAY_IS_BUDGETS_WINDOW (self));

  self->shown_id = id;
  show_detail (self);
}

/* Opens the editor for a new budget. */
void
outlay_budgets_window_add_budget (OutlayBudgetsWindow *self)
{
  g_return_if_fail (OUTLAY_IS_BUDGETS_WINDOW (self));

  open_editor (self, NULL);
}

/**
 * outlay_budgets_window_get_editor:
 *
 * Returns: (transfer none) (nullable): the budget editor while one is open
 */
GtkWidget *
outlay_budgets_window_get_editor (OutlayBudgetsWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGETS_WINDOW (self), NULL);

  return self->editor;
}

/**
 * outlay_budgets_window_get_row:
 * @name: a budget's name
 *
 * Returns: (transfer none) (nullable): the budget's row, in use or archived
 */
GtkWidget *
outlay_budgets_window_get_row (OutlayBudgetsWindow *self,
                               const char          *name)
{
  GtkWidget *lists[] = { self->budgets_list, self->archived_list };

  g_return_val_if_fail (OUTLAY_IS_BUDGETS_WINDOW (self), NULL);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (GtkWidget *row = gtk_widget_get_first_child (lists[l]); row != NULL; row = gtk_widget_get_next_sibling (row))
      if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        return row;
  return NULL;
}

/**
 * outlay_budgets_window_dup_names:
 * @archived: the archived ones, rather than those in use
 *
 * Returns: (transfer full): the budgets' names, as listed
 */
char **
outlay_budgets_window_dup_names (OutlayBudgetsWindow *self,
                                 gboolean             archived)
{
  GPtrArray *list;
  GStrvBuilder *builder = g_strv_builder_new ();
  char        **names;

  g_return_val_if_fail (OUTLAY_IS_BUDGETS_WINDOW (self), NULL);

  list = archived ? self->archived : self->budgets;
  for (guint i = 0; i < list->len; i++)
    g_strv_builder_add (builder, outlay_budget_get_name (g_ptr_array_index (list, i)));
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

/**
 * outlay_budgets_window_get_unbudgeted:
 *
 * Returns: (nullable): what the Unbudgeted row says, while it shows
 */
const char *
outlay_budgets_window_get_unbudgeted (OutlayBudgetsWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGETS_WINDOW (self), NULL);

  return gtk_widget_get_visible (self->unbudgeted_group) ? self->unbudgeted : NULL;
}

/**
 * outlay_budgets_window_get_chart:
 *
 * Returns: (transfer none): the chart of the budget's page
 */
GtkWidget *
outlay_budgets_window_get_chart (OutlayBudgetsWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGETS_WINDOW (self), NULL);

  return self->chart;
}

/**
 * outlay_budgets_window_get_page:
 *
 * Returns: "list", "empty" or "detail"
 */
const char *
outlay_budgets_window_get_page (OutlayBudgetsWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGETS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

/**
 * outlay_budgets_window_get_overrides_group:
 *
 * Returns: (transfer none): the group of a budget's other amounts, on its
 *   page
 */
GtkWidget *
outlay_budgets_window_get_overrides_group (OutlayBudgetsWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGETS_WINDOW (self), NULL);

  return self->overrides_group;
}
