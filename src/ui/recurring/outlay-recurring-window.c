/* outlay-recurring-window.c
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

/* The Recurring Expenses window: every recurring expense with how it
 * repeats, its next day and what it costs a month, and above them what
 * they cost a month together. Each pauses and resumes, and deletes after
 * asking whether the expenses it wrote go too, all with Undo. Adding and
 * editing belong to the expense editor: the window only says that they
 * were asked for ("new-rule", "edit-rule").
 *
 * What it shows is read from the rules and each one's own expenses (by
 * their index), which grow with the rules, not with the ledger. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-format.h"
#include "outlay-recurring-row.h"
#include "outlay-recurring-window.h"
#include "outlay-window.h"
#include "outlay-toasts.h"

typedef enum
{
  UNDO_NONE,
  UNDO_PAUSE,  /* resumes it */
  UNDO_RESUME, /* pauses it again */
  UNDO_DELETE, /* restores it, with the expenses deleted with it */
  UNDO_FUNC,   /* a change made elsewhere: its editor's */
} UndoKind;

struct _OutlayRecurringWindow
{
  AdwWindow parent_instance;

  OutlayRepository *repository;
  GDate            *today;
  GPtrArray        *rules; /* as listed */
  GHashTable       *rows;  /* uuid → its OutlayRecurringRow, which the list owns */
  char             *summary;
  UndoKind          undo_kind;
  char             *undo_uuid;
  OutlayUndoFunc    undo_func;
  gpointer          undo_data;
  GDestroyNotify    undo_destroy;
  AdwToast         *undo_toast;
  GtkWidget        *question; /* while one asks */

  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkLabel        *summary_label;
  GtkListBox      *list;
  GtkWidget       *add_button;
};

G_DEFINE_FINAL_TYPE (OutlayRecurringWindow, outlay_recurring_window, ADW_TYPE_WINDOW)

enum
{
  NEW_RULE,
  EDIT_RULE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static OutlayRecurringRule *
find_rule (OutlayRecurringWindow *self,
           const char            *uuid)
{
  for (guint i = 0; i < self->rules->len; i++)
    if (g_strcmp0 (outlay_recurring_rule_get_uuid (g_ptr_array_index (self->rules, i)), uuid) == 0)
      return g_ptr_array_index (self->rules, i);
  return NULL;
}

static OutlayRecurringRule *
rule_of_row (GtkWidget *row)
{
  return OUTLAY_IS_RECURRING_ROW (row) ? outlay_recurring_row_get_rule (OUTLAY_RECURRING_ROW (row)) : NULL;
}

static void
show_error (OutlayRecurringWindow *self,
            const GError          *error)
{
  outlay_toasts_add_error (self->toasts, error->message);
}

static void
show_undo (OutlayRecurringWindow *self,
           const char            *title,
           UndoKind               kind,
           const char            *uuid)
{
  if (self->undo_destroy != NULL)
    g_clear_pointer (&self->undo_data, self->undo_destroy);
  self->undo_func = NULL;
  self->undo_destroy = NULL;
  self->undo_kind = kind;
  g_free (self->undo_uuid);
  self->undo_uuid = g_strdup (uuid);
  outlay_toasts_add_undo (self->toasts, title, "recurring.undo", &self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recurring.undo", TRUE);
}

/* What the rules that still write cost a month, by currency. */
static void
add_monthly (GArray              *totals,
             OutlayRecurringRule *rule)
{
  const char         *currency = outlay_recurring_rule_get_currency (rule);
  gint64              monthly = outlay_recurrence_monthly_equivalent (outlay_recurring_rule_get_recurrence (rule),
                                                                      outlay_recurring_rule_get_amount (rule));
  OutlayCurrencyTotal total = { { 0 } };

  for (guint i = 0; i < totals->len; i++)
    {
      OutlayCurrencyTotal *known = &g_array_index (totals, OutlayCurrencyTotal, i);

      if (g_str_equal (known->currency, currency))
        {
          known->total += monthly;
          known->count++;
          return;
        }
    }
  g_strlcpy (total.currency, currency, sizeof total.currency);
  total.total = monthly;
  total.count = 1;
  g_array_append_val (totals, total);
}

/* "5 recurring expenses · ≈ €1,420.00 a month": what those not paused
 * and not ended cost together. */
static void
update_summary (OutlayRecurringWindow *self,
                GArray                *totals)
{
  guint n = self->rules->len;

  g_free (self->summary);
  if (totals->len == 0)
    /* Translators: above the list of recurring expenses, when none of them writes any more */
    self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recurring expense", "%u recurring expenses", n),
                                     n);
  else
    {
      g_autofree char *monthly = outlay_format_totals (totals, NULL);

      /* Translators: above the list of recurring expenses: how many, and what those that still write cost in an
       * average month together, "5 recurring expenses · ≈ €1,420.00 a month" */
      self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recurring expense · ≈ %s a month",
                                                    "%u recurring expenses · ≈ %s a month", n),
                                       n, monthly);
    }
  gtk_label_set_label (self->summary_label, self->summary);
}

static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  guint position_a = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), "position"));
  guint position_b = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "position"));

  return position_a < position_b ? -1 : position_a > position_b;
}

/* The row of each rule, made once and then kept while the rule is, so
 * that a change (a pause, another program's write) keeps the focus. */
static GtkWidget *
ensure_row (OutlayRecurringWindow *self,
            OutlayRecurringRule   *rule)
{
  const char *uuid = outlay_recurring_rule_get_uuid (rule);
  GtkWidget  *row = g_hash_table_lookup (self->rows, uuid);

  if (row == NULL)
    {
      row = outlay_recurring_row_new ();
      g_hash_table_insert (self->rows, g_strdup (uuid), row);
      gtk_list_box_append (self->list, row);
    }
  return row;
}

/* Reads the rules again: after any change, by this window or another
 * program, and when their expenses change which day is next. */
static void
refresh (OutlayRecurringWindow *self)
{
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) totals = g_array_new (FALSE, TRUE, sizeof (OutlayCurrencyTotal));
  g_autoptr (GError) error = NULL;
  GHashTableIter iter;
  gpointer       uuid, row;

  if (!(rules = outlay_repository_list_recurring_rules (self->repository, &error)))
    {
      show_error (self, error);
      return;
    }
  g_ptr_array_unref (self->rules);
  self->rules = g_ptr_array_ref (rules);

  for (guint i = 0; i < rules->len; i++)
    {
      OutlayRecurringRule *rule = g_ptr_array_index (rules, i);
      g_auto (OutlayPlannedExpense) next = { 0 };
      gboolean has_next;

      has_next = outlay_repository_get_next_occurrence (self->repository, rule, self->today, &next, &error);
      if (error != NULL)
        {
          show_error (self, error);
          return;
        }
      row = ensure_row (self, rule);
      g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (i));
      outlay_recurring_row_set_rule (OUTLAY_RECURRING_ROW (row), rule, has_next ? &next.occurrence.day : NULL,
                                     self->today);
      g_hash_table_add (listed, (gpointer) outlay_recurring_rule_get_uuid (rule));
      if (has_next && outlay_recurring_rule_get_paused_at (rule) == NULL)
        add_monthly (totals, rule);
    }

  /* Deleted, here or by another program. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &uuid, &row))
    if (!g_hash_table_contains (listed, uuid))
      {
        gtk_list_box_remove (self->list, row);
        g_hash_table_iter_remove (&iter);
      }
  gtk_list_box_invalidate_sort (self->list);

  update_summary (self, totals);
  gtk_stack_set_visible_child_name (self->stack, rules->len > 0 ? "list" : "empty");
}

/* Only what a rule wrote changes its next day. */
static void
on_expenses_changed_cb (OutlayRecurringWindow *self,
                        OutlayExpenseChange   *change)
{
  if (change->kind == OUTLAY_CHANGE_RESET ||
      (change->before != NULL && outlay_expense_get_rule_uuid (change->before) != NULL) ||
      (change->after != NULL && outlay_expense_get_rule_uuid (change->after) != NULL))
    refresh (self);
}

static void
on_row_activated_cb (OutlayRecurringWindow *self,
                     GtkListBoxRow         *row)
{
  OutlayRecurringRule *rule = outlay_recurring_row_get_rule (OUTLAY_RECURRING_ROW (row));

  if (rule != NULL)
    g_signal_emit (self, signals[EDIT_RULE], 0, rule);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_signal_emit (widget, signals[NEW_RULE], 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayRecurringWindow *self = OUTLAY_RECURRING_WINDOW (widget);
  OutlayRecurringRule   *rule = find_rule (self, g_variant_get_string (parameter, NULL));

  if (rule != NULL)
    g_signal_emit (self, signals[EDIT_RULE], 0, rule);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OutlayRecurringWindow *self = OUTLAY_RECURRING_WINDOW (widget);
  const char            *uuid = g_variant_get_string (parameter, NULL);
  gboolean               pause = g_str_equal (action_name, "recurring.pause");
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (!(stored = outlay_repository_pause_recurring_rule (self->repository, uuid, pause, &error)))
    {
      show_error (self, error);
      return;
    }
  if (pause)
    /* Translators: a toast after pausing a recurring expense, with its description */
    title = g_strdup_printf (_("Paused “%s”"), outlay_recurring_rule_get_description (stored));
  else
    /* Translators: a toast after resuming a recurring expense, with its description */
    title = g_strdup_printf (_("Resumed “%s”"), outlay_recurring_rule_get_description (stored));
  show_undo (self, title, pause ? UNDO_PAUSE : UNDO_RESUME, uuid);
}

static void
on_delete_response_cb (AdwMessageDialog      *dialog,
                       const char            *response,
                       OutlayRecurringWindow *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "uuid");
  guint       count = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "count"));
  gboolean    with_expenses = g_str_equal (response, "delete-all");
  g_autoptr (OutlayRecurringRule) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  const char      *description;

  if (g_str_equal (response, "cancel"))
    return;

  if (!(before = outlay_repository_delete_recurring_rule (self->repository, uuid, with_expenses, &error)))
    {
      show_error (self, error);
      return;
    }
  description = outlay_recurring_rule_get_description (before);
  if (with_expenses)
    /* Translators: a toast after deleting a recurring expense and the expenses it wrote */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted “%s” and %u expense",
                                          "Deleted “%s” and %u expenses", count),
                             description, count);
  else
    /* Translators: a toast after deleting a recurring expense, with its description */
    title = g_strdup_printf (_("Deleted “%s”"), description);
  show_undo (self, title, UNDO_DELETE, uuid);
}

/* Asks first, saying what becomes of the expenses the rule wrote: they
 * stay, unless the person says otherwise. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OutlayRecurringWindow *self = OUTLAY_RECURRING_WINDOW (widget);
  OutlayRecurringRule   *rule = find_rule (self, g_variant_get_string (parameter, NULL));
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;
  const char       *uuid;
  gint64            count;

  if (rule == NULL || self->question != NULL)
    return;
  uuid = outlay_recurring_rule_get_uuid (rule);
  if ((count = outlay_repository_count_recurring_expenses (self->repository, uuid, &error)) < 0)
    {
      show_error (self, error);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* Translators: the question before a recurring expense is deleted, with its description */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), outlay_recurring_rule_get_description (rule));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (count == 0)
    {
      adw_message_dialog_set_body (dialog, _("It will not add expenses anymore."));
      adw_message_dialog_add_response (dialog, "keep", _("_Delete"));
      adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      adw_message_dialog_format_body (dialog,
                                      /* Translators: the body of the question before a recurring expense is
                                       * deleted; the number is how many expenses it wrote */
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "It will not add expenses anymore. The %u expense it added "
                                                   "stays in the ledger unless you delete it too.",
                                                   "It will not add expenses anymore. The %u expenses it added "
                                                   "stay in the ledger unless you delete them too.",
                                                   count),
                                      (guint) count);
      adw_message_dialog_add_response (dialog, "delete-all",
                                       g_dngettext (GETTEXT_PACKAGE, "_Delete It Too", "_Delete Them Too", count));
      adw_message_dialog_set_response_appearance (dialog, "delete-all", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_add_response (dialog, "keep",
                                       g_dngettext (GETTEXT_PACKAGE, "_Keep Expense", "_Keep Expenses", count));
      adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "uuid", g_strdup (uuid), g_free);
  g_object_set_data (G_OBJECT (dialog), "count", GUINT_TO_POINTER ((guint) count));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  g_set_weak_pointer (&self->question, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayRecurringWindow *self = OUTLAY_RECURRING_WINDOW (widget);
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = g_steal_pointer (&self->undo_uuid);
  UndoKind         kind = self->undo_kind;

  self->undo_kind = UNDO_NONE;
  gtk_widget_action_set_enabled (widget, "recurring.undo", FALSE);
  switch (kind)
    {
    case UNDO_PAUSE:
    case UNDO_RESUME:
      stored = outlay_repository_pause_recurring_rule (self->repository, uuid, kind == UNDO_RESUME, &error);
      break;
    case UNDO_DELETE:
      stored = outlay_repository_restore_recurring_rule (self->repository, uuid, &error);
      break;
    case UNDO_FUNC:
      if (!self->undo_func (self->repository, self->undo_data, &error))
        show_error (self, error);
      return;
    case UNDO_NONE:
    default:
      return;
    }
  if (stored == NULL)
    show_error (self, error);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
outlay_recurring_window_dispose (GObject *object)
{
  OutlayRecurringWindow *self = OUTLAY_RECURRING_WINDOW (object);

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_weak_pointer (&self->question);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_RECURRING_WINDOW);

  G_OBJECT_CLASS (outlay_recurring_window_parent_class)->dispose (object);
}

static void
outlay_recurring_window_finalize (GObject *object)
{
  OutlayRecurringWindow *self = OUTLAY_RECURRING_WINDOW (object);

  g_clear_object (&self->repository);
  g_clear_pointer (&self->today, g_date_free);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->undo_uuid, g_free);
  if (self->undo_destroy != NULL)
    g_clear_pointer (&self->undo_data, self->undo_destroy);

  G_OBJECT_CLASS (outlay_recurring_window_parent_class)->finalize (object);
}

static void
outlay_recurring_window_class_init (OutlayRecurringWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_recurring_window_dispose;
  object_class->finalize = outlay_recurring_window_finalize;

  /**
   * OutlayRecurringWindow::new-rule:
   *
   * A new recurring expense was asked for (the header's button, the empty
   * page's, Ctrl+N): the expense editor makes it.
   */
  signals[NEW_RULE] = g_signal_new ("new-rule", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
  /**
   * OutlayRecurringWindow::edit-rule:
   * @rule: the recurring expense, as stored
   *
   * Editing a recurring expense was asked for (its row, its menu's Edit).
   */
  signals[EDIT_RULE] = g_signal_new ("edit-rule", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, OUTLAY_TYPE_RECURRING_RULE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/recurring/outlay-recurring-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayRecurringWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecurringWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecurringWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecurringWindow, list);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecurringWindow, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "recurring.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "recurring.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "recurring.pause", "s", pause_action);
  gtk_widget_class_install_action (widget_class, "recurring.resume", "s", pause_action);
  gtk_widget_class_install_action (widget_class, "recurring.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "recurring.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "recurring.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "recurring.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "recurring.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "recurring.close", NULL);
}

static void
outlay_recurring_window_init (OutlayRecurringWindow *self)
{
  self->rules = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->today = outlay_date_new_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_sort_func (self->list, compare_rows, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recurring.undo", FALSE);
}

/**
 * outlay_recurring_window_new:
 * @parent: (nullable): the main window
 *
 * Returns: (transfer none): the window, not yet shown
 */
OutlayRecurringWindow *
outlay_recurring_window_new (GtkWindow        *parent,
                             OutlayRepository *repository)
{
  OutlayRecurringWindow *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);

  self = g_object_new (OUTLAY_TYPE_RECURRING_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->repository = g_object_ref (repository);
  g_signal_connect_object (repository, "recurring-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (repository, "expenses-changed", G_CALLBACK (on_expenses_changed_cb), self,
                           G_CONNECT_SWAPPED);
  refresh (self);

  return self;
}

/**
 * outlay_recurring_window_set_today:
 *
 * Sets the day from which the next days are counted; tests choose it.
 */
void
outlay_recurring_window_set_today (OutlayRecurringWindow *self,
                                   const GDate           *today)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_WINDOW (self));
  g_return_if_fail (today != NULL);

  g_date_free (self->today);
  self->today = g_date_copy (today);
  refresh (self);
}

/**
 * outlay_recurring_window_take_today:
 *
 * A new day began (the window stayed open past midnight): the next days
 * are counted from it.
 */
void
outlay_recurring_window_take_today (OutlayRecurringWindow *self)
{
  g_autoptr (GDate) today = outlay_date_new_today ();

  outlay_recurring_window_set_today (self, today);
}

/**
 * outlay_recurring_window_get_row:
 * @description: a recurring expense's description
 *
 * Returns: (transfer none) (nullable): its row
 */
GtkWidget *
outlay_recurring_window_get_row (OutlayRecurringWindow *self,
                                 const char            *description)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_WINDOW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      OutlayRecurringRule *rule = rule_of_row (row);

      if (rule != NULL && g_strcmp0 (outlay_recurring_rule_get_description (rule), description) == 0)
        return row;
    }
  return NULL;
}

/**
 * outlay_recurring_window_dup_descriptions:
 *
 * Returns: (transfer full): the descriptions of the rows, in their order
 */
char **
outlay_recurring_window_dup_descriptions (OutlayRecurringWindow *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (OUTLAY_IS_RECURRING_WINDOW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (rule_of_row (row) != NULL)
      g_strv_builder_add (builder, outlay_recurring_rule_get_description (rule_of_row (row)));
  return g_strv_builder_end (builder);
}

/**
 * outlay_recurring_window_get_summary:
 *
 * Returns: what the list's heading says, "5 recurring expenses · ≈
 *   €1,420.00 a month"
 */
const char *
outlay_recurring_window_get_summary (OutlayRecurringWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_WINDOW (self), NULL);

  return self->summary;
}

/**
 * outlay_recurring_window_get_page:
 *
 * Returns: "list", or "empty" without recurring expenses
 */
const char *
outlay_recurring_window_get_page (OutlayRecurringWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * outlay_recurring_window_get_question:
 *
 * Returns: (transfer none) (nullable): the question before a delete, while
 *   it asks
 */
GtkWindow *
outlay_recurring_window_get_question (OutlayRecurringWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_WINDOW (self), NULL);

  return GTK_WINDOW (self->question);
}

/**
 * outlay_recurring_window_push_undo:
 * @title: the toast that offers Undo
 * @take_back: what Undo does
 * @data: (transfer full): for @take_back
 *
 * Offers Undo of a change made from this window, such as in the editor of
 * one of its recurring expenses.
 */
void
outlay_recurring_window_push_undo (OutlayRecurringWindow *self,
                                   const char            *title,
                                   OutlayUndoFunc         take_back,
                                   gpointer               data,
                                   GDestroyNotify         destroy_data)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_WINDOW (self));
  g_return_if_fail (title != NULL && take_back != NULL);

  show_undo (self, title, UNDO_FUNC, NULL);
  self->undo_func = take_back;
  self->undo_data = data;
  self->undo_destroy = destroy_data;
}

/**
 * outlay_recurring_offer_undo:
 * @widget: in the window where the change was made, or in a dialog over it
 * @undone: the toast once it is undone, where the window says so
 * @data: (transfer full): for @take_back
 *
 * Offers Undo of a change to recurring expenses where the person made it:
 * in the Recurring Expenses window, else in the main window.
 */
void
outlay_recurring_offer_undo (GtkWidget     *widget,
                             const char    *title,
                             const char    *undone,
                             OutlayUndoFunc take_back,
                             gpointer       data,
                             GDestroyNotify destroy_data)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));

  while (window != NULL && !OUTLAY_IS_RECURRING_WINDOW (window) && !OUTLAY_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (OUTLAY_IS_RECURRING_WINDOW (window))
    outlay_recurring_window_push_undo (OUTLAY_RECURRING_WINDOW (window), title, take_back, data, destroy_data);
  else if (OUTLAY_IS_WINDOW (window))
    outlay_window_push_undo (OUTLAY_WINDOW (window), title, undone, take_back, data, destroy_data);
  else if (destroy_data != NULL)
    destroy_data (data);
}
