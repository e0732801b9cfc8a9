/* outlay-recurring-editor.c
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

/* A recurring expense's own editor, from "Edit Repetition" in the editor of
 * an expense it wrote, and from the list of recurring expenses: its amount,
 * description, category, note, first day and repetition. A change to one
 * that has begun asks whether it applies from the next time on ("This and
 * Later", the default) or to every one not written yet ("All Upcoming");
 * the expenses it wrote are never rewritten. Saving offers Undo in the
 * window. A new one is saved as the expense editor saves one that repeats. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-amount-row.h"
#include "outlay-category-picker.h"
#include "outlay-date-row.h"
#include "outlay-date.h"
#include "outlay-form-rows.h"
#include "outlay-format.h"
#include "outlay-recurring-editor.h"
#include "outlay-recurring-window.h"
#include "outlay-repeat-group.h"
#include "outlay-window.h"

struct _OutlayRecurringEditor
{
  AdwWindow parent_instance;

  OutlayRepository    *repository;
  OutlayRecurringRule *rule; /* as loaded; %NULL for a new one */
  char                *currency;

  GtkWidget *save_button;
  GtkWidget *error_label;
  GtkWidget *amount_row;
  GtkWidget *description_row;
  GtkWidget *category_row;
  GtkWidget *start_row;
  GtkWidget *repeat_group;
  GtkWidget *note_row;
  GtkWidget *question; /* This and Later, or All Upcoming */

  gboolean category_chosen; /* by the person, since the rule was loaded */
};

G_DEFINE_FINAL_TYPE (OutlayRecurringEditor, outlay_recurring_editor, ADW_TYPE_WINDOW)

static void
show_error (OutlayRecurringEditor *self,
            const char            *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

/* The first day chosen; the date row always holds one (it starts on the
 * rule's, or today). */
static GDate
start_day (OutlayRecurringEditor *self)
{
  g_autoptr (GDate) day = outlay_date_parse_iso (outlay_date_row_get_date (OUTLAY_DATE_ROW (self->start_row)));
  g_autoptr (GDate) today = outlay_date_new_today ();

  return day != NULL ? *day : *today;
}

static OutlayCategory *
chosen_category (OutlayRecurringEditor *self)
{
  gint64 id = outlay_category_picker_get_category_id (OUTLAY_CATEGORY_PICKER (self->category_row));

  return outlay_repository_lookup_category (self->repository, id);
}

/* The form as a rule: a copy of the one loaded with what changed, or a new
 * one. %NULL, with the reason shown, when the form is not complete. */
static OutlayRecurringRule *
read_form (OutlayRecurringEditor *self)
{
  g_autoptr (OutlayRecurringRule) rule = self->rule != NULL ? outlay_recurring_rule_copy (self->rule)
                                                            : outlay_recurring_rule_new ();
  g_autofree char *message = NULL;
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
  OutlayCategory  *category = chosen_category (self);
  OutlayRecurrence recurrence;
  gint64           amount = outlay_amount_row_read (OUTLAY_AMOUNT_ROW (self->amount_row), &message);

  if (amount <= 0)
    {
      show_error (self, message != NULL ? message : _("Enter an amount greater than zero."));
      gtk_widget_grab_focus (self->amount_row);
      return NULL;
    }
  if (*description == '\0')
    {
      show_error (self, _("Enter a description."));
      gtk_widget_grab_focus (self->description_row);
      return NULL;
    }

  outlay_repeat_group_get_recurrence (OUTLAY_REPEAT_GROUP (self->repeat_group), &recurrence);
  recurrence.start = start_day (self);
  outlay_recurring_rule_set_amount (rule, amount);
  outlay_recurring_rule_set_currency (rule, outlay_amount_row_get_currency (OUTLAY_AMOUNT_ROW (self->amount_row)));
  outlay_recurring_rule_set_description (rule, description);
  outlay_recurring_rule_set_note (rule, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  /* A rule without a category, or with one deleted since, keeps it until
   * one is chosen. */
  if (category != NULL && (self->rule == NULL || self->category_chosen))
    outlay_recurring_rule_set_category_uuid (rule, outlay_category_get_uuid (category));
  outlay_recurring_rule_set_recurrence (rule, &recurrence);
  outlay_recurring_rule_set_mode (rule, outlay_repeat_group_get_mode (OUTLAY_REPEAT_GROUP (self->repeat_group)));
  return g_steal_pointer (&rule);
}

/* Undo */

typedef struct
{
  OutlayRecurringRule *before; /* the rule as it was */
  char                *added;  /* the rule "This and Later" added, if any */
} TakeBack;

static void
take_back_free (gpointer data)
{
  TakeBack *take_back = data;

  g_clear_object (&take_back->before);
  g_free (take_back->added);
  g_free (take_back);
}

static gboolean
take_back_change (OutlayRepository *repository,
                  gpointer          data,
                  GError          **error)
{
  TakeBack *take_back = data;
  g_autoptr (OutlayRecurringRule) restored = NULL;

  if (take_back->added != NULL)
    return outlay_repository_take_back_split (repository, take_back->before, take_back->added, error);
  restored = outlay_repository_update_recurring_rule (repository, take_back->before, error);
  return restored != NULL;
}

static void
offer_undo (OutlayRecurringEditor *self,
            OutlayRecurringRule   *added)
{
  TakeBack        *take_back = g_new0 (TakeBack, 1);
  const char      *undone;
  g_autofree char *title = NULL;

  /* Translators: a toast after a recurring expense was changed */
  title = g_strdup_printf (_("Changed “%s”"), outlay_recurring_rule_get_description (self->rule));
  take_back->before = g_object_ref (self->rule);
  take_back->added = added != NULL ? g_strdup (outlay_recurring_rule_get_uuid (added)) : NULL;
  undone = _("Change undone");
  outlay_recurring_offer_undo (GTK_WIDGET (self), title, undone, take_back_change, take_back, take_back_free);
}

/* Saving */

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
finish (OutlayRecurringEditor *self,
        OutlayRecurringRule   *stored,
        OutlayRecurringRule   *added,
        GError                *error)
{
  if (stored == NULL)
    {
      show_error (self, error->message);
      return;
    }
  offer_undo (self, added);
  /* After the question, which closes once its answer is handled. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

/* The next day the loaded rule writes: where "This and Later" begins. */
static gboolean
next_day (OutlayRecurringEditor *self,
          GDate                 *day)
{
  g_auto (OutlayPlannedExpense) next = { 0 };
  g_autoptr (GDate) today = outlay_date_new_today ();

  if (!outlay_repository_get_next_occurrence (self->repository, self->rule, today, &next, NULL))
    return FALSE;
  *day = next.occurrence.scheduled;
  return TRUE;
}

static void
on_question_response_cb (OutlayRecurringEditor *self,
                         const char            *response)
{
  g_autoptr (OutlayRecurringRule) changed = read_form (self);
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (GError) error = NULL;
  GDate from;

  self->question = NULL;
  if (changed == NULL || g_str_equal (response, "cancel"))
    return;

  if (g_str_equal (response, "later") && next_day (self, &from))
    {
      stored = outlay_repository_split_recurring_rule (self->repository, outlay_recurring_rule_get_uuid (self->rule),
                                                       &from, changed, &error);
      finish (self, stored, stored, error);
      return;
    }
  stored = outlay_repository_update_recurring_rule (self->repository, changed, &error);
  finish (self, stored, NULL, error);
}

static void
ask (OutlayRecurringEditor *self,
     const GDate           *from)
{
  g_autofree char *iso = outlay_date_format_iso (from);
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *day = outlay_format_day (iso, today);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  /* Translators: the heading of the question before a recurring expense changes */
  heading = g_strdup_printf (_("Change “%s”?"), outlay_recurring_rule_get_description (self->rule));
  /* Translators: %s is a day, "Monday 1 June" */
  body = g_strdup_printf (_("“This and Later” changes it from %s on. “All Upcoming” also changes those not added "
                            "yet before then. The expenses it added stay as they are."),
                             day);
  self->question = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self->question), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self->question), "all", _("_All Upcoming"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self->question), "later", _("_This and Later"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self->question), "later", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self->question), "later");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self->question), "cancel");
  g_signal_connect_object (self->question, "response", G_CALLBACK (on_question_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->question));
}

/**
 * outlay_recurring_editor_save:
 *
 * What Save does: a new one is added with what it owes; a change to one
 * that has begun asks first.
 *
 * Returns: whether it was saved (or asked), %FALSE when the form is not
 *   complete
 */
gboolean
outlay_recurring_editor_save (OutlayRecurringEditor *self)
{
  g_autoptr (OutlayRecurringRule) changed = NULL;
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  GDate from;

  g_return_val_if_fail (OUTLAY_IS_RECURRING_EDITOR (self), FALSE);

  show_error (self, NULL);
  if (!(changed = read_form (self)))
    return FALSE;

  if (self->rule == NULL)
    {
      g_autoptr (OutlayExpense) draft = outlay_expense_new ();
      g_autoptr (OutlayExpense) written = NULL;
      g_autofree char *day = outlay_date_format_iso (&outlay_recurring_rule_get_recurrence (changed)->start);
      OutlayCategory  *category = chosen_category (self);
      gboolean         saved = FALSE;

      outlay_expense_set_amount (draft, outlay_recurring_rule_get_amount (changed));
      outlay_expense_set_currency (draft, outlay_recurring_rule_get_currency (changed));
      outlay_expense_set_description (draft, outlay_recurring_rule_get_description (changed));
      outlay_expense_set_note (draft, outlay_recurring_rule_get_note (changed));
      outlay_expense_set_category_id (draft, category != NULL ? outlay_category_get_id (category) : 0);
      outlay_expense_set_occurred_on (draft, day);
      written = outlay_repeat_group_save (OUTLAY_REPEAT_GROUP (self->repeat_group), self->repository, draft, &saved,
                                          &error);
      if (!saved)
        show_error (self, error->message);
      else
        gtk_window_destroy (GTK_WINDOW (self));
      return saved;
    }

  if (outlay_recurring_rule_equal (changed, self->rule))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }

  /* Not begun yet, or nothing to come: there is one way to change it. */
  if (g_date_compare (&outlay_recurring_rule_get_recurrence (self->rule)->start, today) > 0 ||
      !next_day (self, &from) ||
      g_date_compare (&from, &outlay_recurring_rule_get_recurrence (self->rule)->start) <= 0)
    {
      stored = outlay_repository_update_recurring_rule (self->repository, changed, &error);
      finish (self, stored, NULL, error);
      return stored != NULL;
    }

  ask (self, &from);
  return TRUE;
}

/* Building */

static void
on_start_changed_cb (OutlayRecurringEditor *self)
{
  GDate start = start_day (self);

  outlay_repeat_group_set_start (OUTLAY_REPEAT_GROUP (self->repeat_group), &start);
}

static GtkWidget *
new_group (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

static void
on_category_chosen_cb (OutlayRecurringEditor *self)
{
  self->category_chosen = TRUE;
}

/* The rule's category stays listed even when it is hidden. */
static void
select_category (OutlayRecurringEditor *self,
                 const char            *uuid)
{
  OutlayCategory *category = outlay_repository_lookup_category_by_uuid (self->repository, uuid);

  if (category != NULL)
    outlay_category_picker_select (OUTLAY_CATEGORY_PICKER (self->category_row), outlay_category_get_id (category),
                                   TRUE);
}

static void
build (OutlayRecurringEditor *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;

  header = outlay_form_dialog_header_new (GTK_WINDOW (self), _("_Save"), G_CALLBACK (outlay_recurring_editor_save),
                                                                &self->save_button);
  gtk_box_append (GTK_BOX (content), header);

  group = new_group (page, NULL);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_set_focusable (self->error_label, TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->error_label);

  self->amount_row = g_object_new (OUTLAY_TYPE_AMOUNT_ROW, NULL);
  outlay_amount_row_set_currency (OUTLAY_AMOUNT_ROW (self->amount_row), self->currency);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->amount_row);
  self->description_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->description_row), _("_Description"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->description_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->description_row);
  /* The categories offered for new expenses, and "New Category…". */
  self->category_row = outlay_category_picker_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("_Category"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->category_row), TRUE);
  outlay_category_picker_set_repository (OUTLAY_CATEGORY_PICKER (self->category_row), self->repository);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->category_row);

  group = new_group (page, NULL);
  self->start_row = g_object_new (OUTLAY_TYPE_DATE_ROW, NULL);
  /* Translators: the first day of a recurring expense */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_row), _("_Starts"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->start_row), TRUE);
  g_signal_connect_swapped (self->start_row, "changed", G_CALLBACK (on_start_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->start_row);

  self->repeat_group = outlay_repeat_group_new ();
  outlay_repeat_group_set_allow_never (OUTLAY_REPEAT_GROUP (self->repeat_group), FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->repeat_group));

  group = new_group (page, NULL);
  self->note_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("_Note"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->note_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->note_row);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (self), content);
}

static void
fill (OutlayRecurringEditor *self)
{
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char        *start = NULL;
  const OutlayRecurrence *recurrence;
  OutlayAmountRow        *amount_row;

  if (self->rule == NULL)
    {
      OutlayRecurrence monthly;
      g_autoptr (OutlayCategory) first = g_list_model_get_item (outlay_repository_get_categories (self->repository), 0);

      /* The first category offered. */
      if (first != NULL)
        outlay_category_picker_select (OUTLAY_CATEGORY_PICKER (self->category_row), outlay_category_get_id (first),
                                       FALSE);
      /* Translators: the title of the editor of a recurring expense */
      gtk_window_set_title (GTK_WINDOW (self), _("New Recurring Expense"));
      start = outlay_date_format_iso (today);
      outlay_date_row_set_date (OUTLAY_DATE_ROW (self->start_row), start);
      outlay_recurrence_init (&monthly, OUTLAY_REPEAT_MONTHLY, 1, today);
      outlay_repeat_group_set_recurrence (OUTLAY_REPEAT_GROUP (self->repeat_group), &monthly,
                                          OUTLAY_RECURRING_AUTOMATIC);
      return;
    }

  /* Translators: the title of the editor of a recurring expense */
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Recurring Expense"));
  recurrence = outlay_recurring_rule_get_recurrence (self->rule);
  amount_row = OUTLAY_AMOUNT_ROW (self->amount_row);
  outlay_amount_row_set_currency (amount_row, outlay_recurring_rule_get_currency (self->rule));
  outlay_amount_row_set_amount (OUTLAY_AMOUNT_ROW (self->amount_row), outlay_recurring_rule_get_amount (self->rule));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), outlay_recurring_rule_get_description (self->rule));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), outlay_recurring_rule_get_note (self->rule));
  select_category (self, outlay_recurring_rule_get_category_uuid (self->rule));
  g_signal_connect_swapped (self->category_row, "changed", G_CALLBACK (on_category_chosen_cb), self);
  start = outlay_date_format_iso (&recurrence->start);
  outlay_date_row_set_date (OUTLAY_DATE_ROW (self->start_row), start);
  outlay_repeat_group_set_recurrence (OUTLAY_REPEAT_GROUP (self->repeat_group), recurrence,
                                      outlay_recurring_rule_get_mode (self->rule));
}

static void
outlay_recurring_editor_dispose (GObject *object)
{
  OutlayRecurringEditor *self = OUTLAY_RECURRING_EDITOR (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->rule);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (outlay_recurring_editor_parent_class)->dispose (object);
}

static void
outlay_recurring_editor_class_init (OutlayRecurringEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_recurring_editor_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_recurring_editor_init (OutlayRecurringEditor *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 680);
}

/**
 * outlay_recurring_editor_new:
 * @rule: (nullable): the recurring expense to change; %NULL for a new one
 * @currency: a new one's currency
 *
 * Returns: (transfer none): the editor, which destroys itself when closed
 */
OutlayRecurringEditor *
outlay_recurring_editor_new (GtkWindow           *parent,
                             OutlayRepository    *repository,
                             OutlayRecurringRule *rule,
                             const char          *currency)
{
  OutlayRecurringEditor *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);

  self = g_object_new (OUTLAY_TYPE_RECURRING_EDITOR, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->repository = g_object_ref (repository);
  self->rule = rule != NULL ? outlay_recurring_rule_copy (rule) : NULL;
  self->currency = g_strdup (currency != NULL ? currency : "EUR");
  build (self);
  fill (self);
  return self;
}
