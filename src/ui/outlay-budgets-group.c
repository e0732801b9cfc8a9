/* outlay-budgets-group.c
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

/* The Dashboard's budgets: each in the period today falls in, what it has
 * spent of what it has ("€312.00 of €500.00"), a bar with today's tick,
 * and in words its state and what is left ("On track · €188.00 left ·
 * €9.40 a day for 20 days"). A screen reader hears a row as one phrase.
 * Activating a budget shows its expenses of that period. Hidden while
 * there are no budgets. Each budget costs the days of its periods in the
 * per-day summary, never the expenses. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-budget-bar.h"
#include "outlay-budgets-group.h"
#include "outlay-form-rows.h"
#include "outlay-format.h"
#include "outlay-money.h"

struct _OutlayBudgetsGroup
{
  GtkBox parent_instance;

  OutlayRepository *repository;
  GPtrArray        *budgets;  /* shown, in the list's order */
  GArray           *statuses; /* of OutlayBudgetStatus, one a budget */

  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (OutlayBudgetsGroup, outlay_budgets_group, GTK_TYPE_BOX)

enum
{
  BUDGET_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
money (gint64      minor_units,
       const char *currency)
{
  char *text = outlay_money_format (minor_units, currency);

  return text != NULL ? text : g_strdup (currency);
}

/* The days still to spend in, today among them. */
static guint
days_to_go (const OutlayBudgetStatus *status)
{
  if (status->ended)
    return 0;
  return status->days_elapsed > 0 ? status->days_left + 1 : status->days;
}

/**
 * outlay_budgets_group_describe_status:
 *
 * Returns: (transfer full): the state and what is left, in words, such as
 *   “On track · €188.00 left · €9.40 a day for 20 days”
 */
char *
outlay_budgets_group_describe_status (OutlayBudget             *budget,
                                      const OutlayBudgetStatus *status)
{
  const char      *currency = outlay_budget_get_currency (budget);
  guint            days = days_to_go (status);
  g_autofree char *days_text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day to go", "%u days to go", days), days);
  g_autofree char *amount = NULL;

  /* A range of days that is over: what came of it. */
  if (status->ended && status->remaining < 0)
    {
      amount = money (-status->remaining, currency);
      /* Translators: a budget for a range of days that is over, spent beyond its amount */
      return g_strdup_printf (_("Ended · %s over"), amount);
    }
  if (status->ended)
    {
      amount = money (status->remaining, currency);
      /* Translators: a budget for a range of days that is over, with what was left */
      return g_strdup_printf (_("Ended · %s left"), amount);
    }

  switch (status->state)
    {
    case OUTLAY_BUDGET_WATCHING:
      amount = money (status->spent, currency);
      /* Translators: a budget that only watches: its state, what was spent, the days to go */
      return g_strdup_printf (_("%s · %s spent · %s"), outlay_format_budget_state (status->state), amount, days_text);

    case OUTLAY_BUDGET_OVER:
      amount = money (-status->remaining, currency);
      /* Translators: a budget spent beyond its amount: "€12.00 over · 20 days to go" */
      return g_strdup_printf (_("%s over · %s"), amount, days_text);

    case OUTLAY_BUDGET_FULLY_USED:
      /* Translators: "Fully used · 20 days to go" */
      return g_strdup_printf (_("%s · %s"), outlay_format_budget_state (status->state), days_text);

    case OUTLAY_BUDGET_ON_TRACK:
    case OUTLAY_BUDGET_AHEAD_OF_PACE:
    default:
      amount = money (status->remaining, currency);
      if (status->days_left > 0 || status->days_elapsed == 0)
        {
          g_autofree char *a_day = money (status->remaining / days, currency);

          /* Translators: a budget's state, what is left, and what that makes a day: "On track · €188.00 left ·
           * €9.40 a day for 20 days" */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s left · %s a day for %u day",
                                               "%s · %s left · %s a day for %u days", days),
                                  outlay_format_budget_state (status->state), amount, a_day, days);
        }
      /* Translators: a budget on its last day: "On track · €12.00 left today" */
      return g_strdup_printf (_("%s · %s left today"), outlay_format_budget_state (status->state), amount);
    }
}

/**
 * outlay_budgets_group_speak_status:
 *
 * Returns: (transfer full): the budget as one phrase for a screen reader,
 *   such as “Groceries: 312 of 500 euros spent, 188 euros left, 20 days to
 *   go”
 */
char *
outlay_budgets_group_speak_status (OutlayBudget             *budget,
                                   const OutlayBudgetStatus *status)
{
  const char      *currency = outlay_budget_get_currency (budget);
  g_autofree char *spent = outlay_format_net_spoken (status->spent, currency);
  g_autofree char *available = outlay_format_amount_spoken (status->available, currency);
  g_autofree char *rest = outlay_format_amount_spoken (ABS (status->remaining), currency);
  guint            days = days_to_go (status);

  if (status->state == OUTLAY_BUDGET_WATCHING)
    /* Translators: a budget that only watches, read by a screen reader: name, spent, days to go */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s spent, %u day to go", "%s: %s spent, %u days to go",
                                         days),
                            outlay_budget_get_name (budget), spent, days);
  if (status->remaining < 0)
    /* Translators: a budget read by a screen reader: name, spent, of what, over by, days to go */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s of %s spent, %s over, %u day to go",
                                         "%s: %s of %s spent, %s over, %u days to go", days),
                            outlay_budget_get_name (budget), spent, available, rest, days);

  /* Translators: a budget read by a screen reader: name, spent, of what, left, days to go */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s of %s spent, %s left, %u day to go",
                                       "%s: %s of %s spent, %s left, %u days to go", days),
                          outlay_budget_get_name (budget), spent, available, rest, days);
}

/* "3 expenses in USD have no rate", each currency apart: what the budget
 * could not count (those with a rate count at it). */
static char *
describe_uncounted (const OutlayBudgetStatus *status)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < status->uncounted->len; i++)
    {
      const OutlayCurrencyTotal *total = &g_array_index (status->uncounted, OutlayCurrencyTotal, i);

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expense in %s has no rate",
                                                            "%u expenses in %s have no rate", total->count),
                                               total->count, total->currency));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
new_row (OutlayBudget             *budget,
         const OutlayBudgetStatus *status)
{
  const char      *currency = outlay_budget_get_currency (budget);
  g_autofree char *spent = outlay_money_format_expense (status->spent, currency);
  g_autofree char *available = money (status->available, currency);
  g_autofree char *amounts = NULL;
  g_autofree char *detail = outlay_budgets_group_describe_status (budget, status);
  g_autofree char *spoken = outlay_budgets_group_speak_status (budget, status);
  g_autofree char *uncounted = describe_uncounted (status);
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (status->state == OUTLAY_BUDGET_WATCHING)
    amounts = g_strdup (spent);
  else
    /* Translators: what a budget spent of what it has: "€312.00 of €500.00" */
    amounts = g_strdup_printf (_("%s of %s"), spent, available);
  gtk_box_append (GTK_BOX (box), outlay_form_name_amount_new (outlay_budget_get_name (budget), amounts));
  /* Without an amount there is nothing to fill. */
  if (status->state != OUTLAY_BUDGET_WATCHING)
    {
      GtkWidget *bar = outlay_budget_bar_new ();

      outlay_budget_bar_set_status (OUTLAY_BUDGET_BAR (bar), status);
      gtk_box_append (GTK_BOX (box), bar);
    }
  gtk_box_append (GTK_BOX (box), outlay_form_label_new (detail, "caption", 0));
  if (*uncounted != '\0')
    gtk_box_append (GTK_BOX (box), outlay_form_label_new (uncounted, "caption", 0));
  gtk_widget_add_css_class (box, "budget-row");
  if (status->state == OUTLAY_BUDGET_OVER)
    gtk_widget_add_css_class (box, "over");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, outlay_format_budget_state (status->state), -1);

  return row;
}

static void
clear_statuses (OutlayBudgetsGroup *self)
{
  for (guint i = 0; i < self->statuses->len; i++)
    outlay_budget_status_clear (&g_array_index (self->statuses, OutlayBudgetStatus, i));
  g_array_set_size (self->statuses, 0);
}

/**
 * outlay_budgets_group_refresh:
 * @today: the day whose periods to show
 *
 * Reads every budget that is not archived in the period @today falls in.
 */
void
outlay_budgets_group_refresh (OutlayBudgetsGroup *self,
                              const GDate        *today)
{
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GArray) statuses = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (OUTLAY_IS_BUDGETS_GROUP (self));

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  clear_statuses (self);
  g_ptr_array_set_size (self->budgets, 0);

  if (self->repository == NULL ||
      !(budgets = outlay_repository_list_budgets (self->repository, FALSE, &error)))
    {
      if (error != NULL && !g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
        g_warning ("Could not read the budgets: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  /* All of them in one read of the per-day summary. */
  if (!(statuses = outlay_repository_get_budget_statuses (self->repository, budgets, today, &error)))
    {
      g_warning ("Could not read what the budgets spent: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  for (guint i = 0; i < budgets->len; i++)
    {
      OutlayBudget      *budget = g_ptr_array_index (budgets, i);
      OutlayBudgetStatus status = g_array_index (statuses, OutlayBudgetStatus, i);

      /* Taken out of the array, which would free it. */
      g_array_index (statuses, OutlayBudgetStatus, i).uncounted = NULL;
      /* One that cannot be worked out (a damaged row) is left out. */
      if (status.period_start[0] == '\0')
        {
          outlay_budget_status_clear (&status);
          continue;
        }
      gtk_list_box_append (GTK_LIST_BOX (self->list), new_row (budget, &status));
      g_ptr_array_add (self->budgets, g_object_ref (budget));
      g_array_append_val (self->statuses, status);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->budgets->len > 0);
}

static void
on_row_activated_cb (OutlayBudgetsGroup *self,
                     GtkListBoxRow      *row)
{
  int                       index = gtk_list_box_row_get_index (row);
  OutlayBudget             *budget;
  const OutlayBudgetStatus *status;

  if (index < 0 || (guint) index >= self->budgets->len)
    return;

  budget = g_ptr_array_index (self->budgets, index);
  status = &g_array_index (self->statuses, OutlayBudgetStatus, index);
  g_signal_emit (self, signals[BUDGET_ACTIVATED], 0, budget, status->period_start, status->period_end);
}

void
outlay_budgets_group_set_repository (OutlayBudgetsGroup *self,
                                     OutlayRepository   *repository)
{
  g_return_if_fail (OUTLAY_IS_BUDGETS_GROUP (self));

  g_set_object (&self->repository, repository);
}

static void
outlay_budgets_group_dispose (GObject *object)
{
  OutlayBudgetsGroup *self = OUTLAY_BUDGETS_GROUP (object);

  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_budgets_group_parent_class)->dispose (object);
}

static void
outlay_budgets_group_finalize (GObject *object)
{
  OutlayBudgetsGroup *self = OUTLAY_BUDGETS_GROUP (object);

  clear_statuses (self);
  g_array_unref (self->statuses);
  g_ptr_array_unref (self->budgets);

  G_OBJECT_CLASS (outlay_budgets_group_parent_class)->finalize (object);
}

static void
outlay_budgets_group_class_init (OutlayBudgetsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_budgets_group_dispose;
  object_class->finalize = outlay_budgets_group_finalize;

  /**
   * OutlayBudgetsGroup::budget-activated:
   * @budget: the budget activated
   * @from: the first day of the period shown
   * @to: its last day
   */
  signals[BUDGET_ACTIVATED] =
    g_signal_new ("budget-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, OUTLAY_TYPE_BUDGET, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
outlay_budgets_group_init (OutlayBudgetsGroup *self)
{
  GtkWidget *heading = gtk_label_new (_("Budgets"));
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *manage = gtk_button_new_with_mnemonic (_("_All Budgets"));

  self->budgets = g_ptr_array_new_with_free_func (g_object_unref);
  self->statuses = g_array_new (FALSE, FALSE, sizeof (OutlayBudgetStatus));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (header), heading);
  /* The Budgets window, to add, change and look back on them. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (manage), "win.budgets");
  gtk_widget_add_css_class (manage, "flat");
  gtk_widget_set_valign (manage, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), manage);
  gtk_box_append (GTK_BOX (self), header);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self), self->list);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
outlay_budgets_group_new (void)
{
  return g_object_new (OUTLAY_TYPE_BUDGETS_GROUP, NULL);
}
