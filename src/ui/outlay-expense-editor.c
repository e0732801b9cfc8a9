/* outlay-expense-editor.c
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

/* The form that adds a new expense or changes an existing one: the pane
 * beside the list on a desktop, a page of its own on a phone.
 *
 * It validates as the person types, but shows a field's error only once
 * that field has been typed into (or a save was attempted), so that an
 * empty new form is not a wall of red. What the repository refuses, and
 * every failed write, is shown above the form, and nothing typed is lost.
 * While another program holds the ledger, a save waits: the form stays as
 * it is and can still be changed, a bar says what happens, and the save is
 * tried again until it goes through or the person stops waiting.
 *
 * A new expense starts today, in the category of the most recently entered
 * expense (the first category when there is none): "the last used" is what
 * the next entry most often is, and the description's suggestions correct
 * it anyway. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-amount-row.h"
#include "outlay-category-icon.h"
#include "outlay-category-picker.h"
#include "outlay-category-suggester.h"
#include "outlay-charged-group.h"
#include "outlay-date-row.h"
#include "outlay-description-row.h"
#include "outlay-expense-editor.h"
#include "outlay-field-error.h"
#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-repeat-group.h"
#include "outlay-waiting-bar.h"

struct _OutlayExpenseEditor
{
  AdwBin parent_instance;

  OutlayRepository *repository;
  char             *currency;
  OutlayExpense    *expense; /* the copy being edited; %NULL for a new one */

  gint64                   category_id; /* the form's category; 0 for none */
  OutlayCategorySuggester *suggester;

  /* What was loaded, to tell whether the form is dirty. */
  char  *loaded_amount;
  char  *loaded_description;
  char  *loaded_note;
  char  *loaded_date;
  char  *loaded_charged;
  gint64 loaded_category_id;
  gboolean loaded_refund;

  /* What the repository refused about a field, until the field changes. */
  char *amount_store_error;
  char *description_store_error;
  char *note_store_error;

  guint amount_touched : 1;
  guint description_touched : 1;
  guint filling : 1;
  guint focus_amount_on_map : 1;
  guint can_save : 1;
  guint dirty : 1;
  guint waiting_add_another : 1; /* the save that waits for another program */
  guint updating : 1;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  OutlayWaitingBar     *waiting_bar;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  OutlayAmountRow      *amount_row;
  GtkLabel             *amount_error;
  GtkLabel             *converted_label;
  OutlayChargedGroup   *charged_group;
  GtkSwitch            *refund_switch;
  OutlayDescriptionRow *description_row;
  GtkLabel             *description_error;
  OutlayCategoryPicker *category_row;
  OutlayDateRow        *date_row;
  OutlayRepeatGroup    *repeat_group;
  GtkWidget            *note_box;
  GtkTextView          *note_view;
  GtkTextBuffer        *note_buffer;
  GtkLabel             *note_error;
  GtkWidget            *delete_button;
  GtkWidget            *history_button;
  GtkWidget            *save_another_button;
};

enum
{
  PROP_0,
  PROP_REPOSITORY,
  PROP_CURRENCY,
  PROP_TITLE,
  PROP_CAN_SAVE,
  PROP_DIRTY,
  PROP_SHOW_START_TITLE_BUTTONS,
  PROP_SHOW_END_TITLE_BUTTONS,
  N_PROPS
};

enum
{
  SAVED,
  CANCELLED,
  DELETE_REQUESTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayExpenseEditor, outlay_expense_editor, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static const char *
active_currency (OutlayExpenseEditor *self)
{
  if (self->expense != NULL)
    return outlay_expense_get_currency (self->expense);

  return self->currency;
}

static gboolean
has_forbidden_characters (const char *text,
                          gboolean    allow_newlines)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && !(c == '\n' && allow_newlines))
        return TRUE;
    }

  return FALSE;
}

static char *
dup_note (OutlayExpenseEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->note_buffer, &start, &end);

  return gtk_text_buffer_get_text (self->note_buffer, &start, &end, FALSE);
}

static char *
dup_description (OutlayExpenseEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
}

static char *
check_description (OutlayExpenseEditor *self)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  g_autofree char *stripped = dup_description (self);

  if (*stripped == '\0')
    return g_strdup (_("The description is empty."));

  if (g_utf8_strlen (stripped, -1) > OUTLAY_DESCRIPTION_MAX_LENGTH)
    return g_strdup_printf (_("The description is longer than %u characters."), OUTLAY_DESCRIPTION_MAX_LENGTH);

  if (has_forbidden_characters (text, FALSE))
    return g_strdup (_("The description contains characters that are not allowed."));

  return NULL;
}

static char *
check_note (OutlayExpenseEditor *self)
{
  g_autofree char *note = dup_note (self);

  if (g_utf8_strlen (note, -1) > OUTLAY_NOTE_MAX_LENGTH)
    return g_strdup_printf (_("The note is longer than %u characters."), OUTLAY_NOTE_MAX_LENGTH);

  if (has_forbidden_characters (note, TRUE))
    return g_strdup (_("The note contains characters that are not allowed."));

  return NULL;
}

static void
update_actions (OutlayExpenseEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-and-add", self->can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->expense != NULL);
}

/* Validates every field, shows what is wrong, and updates "can-save" and
 * "dirty". Cheap enough for every keystroke. */
static void
update_state (OutlayExpenseEditor *self)
{
  const char      *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  const char      *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  g_autofree char *note = dup_note (self);
  g_autofree char *amount_message = NULL;
  g_autofree char *description_message = NULL;
  g_autofree char *note_message = NULL;
  const char      *shown;
  gboolean         category_valid;
  gboolean         can_save;
  gboolean         dirty;
  gboolean         charged_known;
  gint64           charged;
  gint64           amount;

  self->updating = TRUE;
  amount = outlay_amount_row_read (self->amount_row, &amount_message);
  outlay_charged_group_show_expense (self->charged_group, active_currency (self), MAX (amount, 0),
                                     outlay_date_row_get_date (self->date_row));
  shown = self->amount_touched && amount_message != NULL ? amount_message : self->amount_store_error;
  /* What the amount comes to in the home currency is read with it. */
  outlay_field_error_set (GTK_WIDGET (self->amount_row), outlay_entry_row_get_text (ADW_ENTRY_ROW (self->amount_row)),
                          self->amount_error, shown, outlay_charged_group_get_line (self->charged_group));

  description_message = check_description (self);
  shown =
    self->description_touched && description_message != NULL ? description_message : self->description_store_error;
  outlay_field_error_set (GTK_WIDGET (self->description_row),
                          outlay_entry_row_get_text (ADW_ENTRY_ROW (self->description_row)),
                          self->description_error, shown, NULL);

  note_message = check_note (self);
  shown = note_message != NULL ? note_message : self->note_store_error;
  outlay_field_error_set (GTK_WIDGET (self->note_box), GTK_WIDGET (self->note_view),
                          self->note_error, shown, NULL);

  category_valid = outlay_category_picker_get_category_id (self->category_row) != 0;

  can_save = amount > 0 &&
             description_message == NULL &&
             note_message == NULL &&
             category_valid &&
             outlay_charged_group_read (self->charged_group, &charged_known, &charged) &&
             outlay_date_row_get_date (self->date_row) != NULL;

  dirty = g_strcmp0 (amount_text, self->loaded_amount) != 0 ||
          g_strcmp0 (description, self->loaded_description) != 0 ||
          g_strcmp0 (note, self->loaded_note) != 0 ||
          g_strcmp0 (outlay_date_row_get_date (self->date_row), self->loaded_date) != 0 ||
          g_strcmp0 (outlay_charged_group_get_text (self->charged_group), self->loaded_charged) != 0 ||
          self->category_id != self->loaded_category_id ||
          gtk_switch_get_active (self->refund_switch) != self->loaded_refund ||
          (self->expense == NULL && outlay_repeat_group_get_repeats (self->repeat_group));

  if (can_save != self->can_save)
    {
      self->can_save = can_save;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
    }

  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  update_actions (self);
  self->updating = FALSE;
}

static void
show_error (OutlayExpenseEditor *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_error (OutlayExpenseEditor *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
clear_store_errors (OutlayExpenseEditor *self)
{
  g_clear_pointer (&self->amount_store_error, g_free);
  g_clear_pointer (&self->description_store_error, g_free);
  g_clear_pointer (&self->note_store_error, g_free);
  if (self->charged_group != NULL)
    outlay_charged_group_set_store_error (self->charged_group, NULL);
}

/* @keep: the category of an expense in the ledger, which stays listed
 * even when it is hidden. */
static void
select_category (OutlayExpenseEditor *self,
                 gint64               category_id,
                 gboolean             keep)
{
  outlay_category_suggester_select (self->suggester, category_id, keep);
  self->category_id = outlay_category_picker_get_category_id (self->category_row);
}

/* The category of the most recently entered expense, else the first. */
static gint64
last_used_category (OutlayExpenseEditor *self)
{
  gint64      latest = outlay_repository_get_latest_category_id (self->repository, NULL);
  GListModel *model = outlay_repository_get_categories (self->repository);
  g_autoptr (OutlayCategory) first = NULL;

  if (latest != 0 && outlay_repository_lookup_category (self->repository, latest) != NULL)
    return latest;

  first = g_list_model_get_item (model, 0);

  return first != NULL ? outlay_category_get_id (first) : 0;
}

static void
set_note (OutlayExpenseEditor *self,
          const char          *note)
{
  gtk_text_buffer_set_text (self->note_buffer, note != NULL ? note : "", -1);
}

/* The amount is read in the currency of the expense being edited, and of
 * new ones in the editor's. */
static void
set_currency_label (OutlayExpenseEditor *self)
{
  outlay_amount_row_set_currency (self->amount_row, active_currency (self));
}

/* Remembers the form as it is now as the state that is not dirty. */
static void
take_snapshot (OutlayExpenseEditor *self)
{
  g_free (self->loaded_amount);
  self->loaded_amount = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)));
  g_free (self->loaded_description);
  self->loaded_description = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  g_free (self->loaded_note);
  self->loaded_note = dup_note (self);
  g_free (self->loaded_date);
  self->loaded_date = g_strdup (outlay_date_row_get_date (self->date_row));
  g_free (self->loaded_charged);
  self->loaded_charged = g_strdup (outlay_charged_group_get_text (self->charged_group));
  self->loaded_category_id = self->category_id;
  self->loaded_refund = gtk_switch_get_active (self->refund_switch);
}

/* A repetition starts on the expense's day. */
static void
sync_repeat_start (OutlayExpenseEditor *self)
{
  g_autoptr (GDate) day = outlay_date_parse_iso (outlay_date_row_get_date (self->date_row));

  if (day != NULL)
    outlay_repeat_group_set_start (self->repeat_group, day);
}

static void
notify_mode (OutlayExpenseEditor *self)
{
  g_autofree char *home = outlay_repository_dup_currency (self->repository, self->currency);

  outlay_charged_group_set_home (self->charged_group, home);
  gtk_widget_set_visible (self->delete_button, self->expense != NULL);
  gtk_widget_set_visible (self->history_button, self->expense != NULL);
  if (self->expense != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->history_button), "s",
                                      outlay_expense_get_uuid (self->expense));
  set_currency_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
hide_suggestions (OutlayExpenseEditor *self)
{
  outlay_description_row_hide_suggestions (self->description_row);
}

static void
focus_amount (OutlayExpenseEditor *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->focus_amount_on_map = FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
    }
  else
    self->focus_amount_on_map = TRUE;
}

/* Empties the form for the next expense; keeps the date and the category
 * when @keep_date_and_category, for entering several in a row. */
static void
reset_for_new (OutlayExpenseEditor *self,
               gboolean             keep_date_and_category)
{
  g_autofree char *date = NULL;
  gint64           category_id;

  if (keep_date_and_category && outlay_date_row_get_date (self->date_row) != NULL)
    {
      date = g_strdup (outlay_date_row_get_date (self->date_row));
      category_id = self->category_id;
    }
  else
    {
      g_autoptr (GDate) today = outlay_date_new_today ();

      date = outlay_date_format_iso (today);
      category_id = last_used_category (self);
    }

  g_clear_object (&self->expense);
  set_currency_label (self);
  hide_suggestions (self);
  hide_error (self);
  clear_store_errors (self);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
  gtk_switch_set_active (self->refund_switch, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), "");
  set_note (self, NULL);
  self->filling = FALSE;
  outlay_charged_group_load (self->charged_group, 0);

  outlay_date_row_set_date (self->date_row, date);
  select_category (self, category_id, FALSE);
  /* A new expense's category follows its description until it is chosen. */
  outlay_category_suggester_reset (self->suggester, TRUE);
  outlay_repeat_group_show_expense (self->repeat_group, self->repository, NULL);
  sync_repeat_start (self);

  self->amount_touched = FALSE;
  self->description_touched = FALSE;

  take_snapshot (self);
  notify_mode (self);
  update_state (self);
}

static void
load_expense (OutlayExpenseEditor *self,
              OutlayExpense       *expense)
{
  const char *home;
  gint64      charged = 0;

  g_set_object (&self->expense, expense);
  set_currency_label (self);
  hide_suggestions (self);
  hide_error (self);
  clear_store_errors (self);

  self->filling = TRUE;
  /* A refund is stored negative and shown as the amount given back. */
  outlay_amount_row_set_amount (self->amount_row, ABS (outlay_expense_get_amount (expense)));
  gtk_switch_set_active (self->refund_switch, outlay_expense_get_amount (expense) < 0);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         outlay_expense_get_description (expense));
  set_note (self, outlay_expense_get_note (expense));
  self->filling = FALSE;
  notify_mode (self);
  /* A charge in another currency than the home one (since changed) is not
   * shown, and is dropped on saving. */
  home = outlay_charged_group_get_home (self->charged_group);
  if (g_strcmp0 (outlay_expense_get_charged (expense, &charged), home) != 0)
    charged = 0;
  outlay_charged_group_load (self->charged_group, ABS (charged));

  outlay_date_row_set_date (self->date_row, outlay_expense_get_occurred_on (expense));
  select_category (self, outlay_expense_get_category_id (expense), TRUE);
  outlay_category_suggester_reset (self->suggester, FALSE);
  outlay_repeat_group_show_expense (self->repeat_group, self->repository, expense);

  /* A stored expense is valid; whatever is changed shows its errors. */
  self->amount_touched = TRUE;
  self->description_touched = TRUE;

  take_snapshot (self);
  notify_mode (self);
  update_state (self);
}

/* The form's values, written into @expense. */
static void
apply_form (OutlayExpenseEditor *self,
            OutlayExpense       *expense,
            gint64               amount)
{
  g_autofree char *description = dup_description (self);
  g_autofree char *note = dup_note (self);
  gint64           signed_amount = gtk_switch_get_active (self->refund_switch) ? -amount : amount;
  gboolean         known = FALSE;
  gint64           charged = 0;

  /* Nothing is charged abroad for an expense in the home currency; a
   * refund's charge is money back too. */
  outlay_charged_group_read (self->charged_group, &known, &charged);
  if (known)
    outlay_expense_set_charged (expense, gtk_switch_get_active (self->refund_switch) ? -charged : charged,
                                outlay_charged_group_get_home (self->charged_group));
  else
    outlay_expense_set_charged (expense, 0, NULL);
  outlay_expense_set_amount (expense, signed_amount);
  outlay_expense_set_currency (expense, active_currency (self));
  outlay_expense_set_description (expense, description);
  outlay_expense_set_note (expense, note);
  outlay_expense_set_category_id (expense, self->category_id);
  outlay_expense_set_occurred_on (expense, outlay_date_row_get_date (self->date_row));
}

/* Puts a validation error of the repository under the field it names. */
static void
show_store_error (OutlayExpenseEditor *self,
                  const GError        *error)
{
  char **field = NULL;

  if (g_error_matches (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT) ||
      g_error_matches (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY))
    field = &self->amount_store_error;
  else if (g_error_matches (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION))
    field = &self->description_store_error;
  else if (g_error_matches (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NOTE))
    field = &self->note_store_error;
  if (field != NULL)
    {
      g_free (*field);
      *field = g_strdup (error->message);
    }
  if (g_error_matches (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CHARGED))
    outlay_charged_group_set_store_error (self->charged_group, error->message);

  show_error (self, error->message);
  update_state (self);
}

static void
focus_first_invalid (OutlayExpenseEditor *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->amount_error)))
    gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  else if (outlay_charged_group_focus_error (self->charged_group))
    return;
  else if (gtk_widget_get_visible (GTK_WIDGET (self->description_error)))
    gtk_widget_grab_focus (GTK_WIDGET (self->description_row));
  else if (gtk_widget_get_visible (GTK_WIDGET (self->note_error)))
    gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
start_waiting (OutlayExpenseEditor *self,
               gboolean             add_another)
{
  self->waiting_add_another = add_another;
  hide_error (self);
  outlay_waiting_bar_start (self->waiting_bar, outlay_repository_get_database (self->repository),
                            _("Another program is changing the ledger. This expense will be saved as soon as it "
                              "has finished."));
}

/* Validates the form and writes it. A save that is @retrying, because it
 * waits for another program, neither moves the focus nor gives up on a form
 * that is invalid for a moment while the person types. */
static gboolean
save_form (OutlayExpenseEditor *self,
           gboolean             add_another,
           gboolean             retrying)
{
  g_autoptr (OutlayExpense) before = NULL;
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (OutlayExpense) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64           amount;

  /* The category the description typed last would have. */
  outlay_category_suggester_flush (self->suggester);
  self->amount_touched = TRUE;
  self->description_touched = TRUE;
  update_state (self);

  amount = outlay_amount_row_read (self->amount_row, &message);
  if (!self->can_save || amount <= 0)
    {
      if (!retrying)
        {
          outlay_waiting_bar_stop (self->waiting_bar);
          focus_first_invalid (self);
        }
      return FALSE;
    }

  if (self->expense != NULL)
    {
      before = g_object_ref (self->expense);
      draft = outlay_expense_copy (before);
      apply_form (self, draft, amount);
      after = outlay_repository_update_expense (self->repository, draft, &error);
    }
  else if (outlay_repeat_group_get_repeats (self->repeat_group) && !gtk_switch_get_active (self->refund_switch))
    {
      gboolean saved;

      draft = outlay_expense_new ();
      apply_form (self, draft, amount);
      after = outlay_repeat_group_save (self->repeat_group, self->repository, draft, &saved, &error);
      /* Its first day has not come: nothing to show but a new form. */
      if (saved && after == NULL)
        {
          outlay_waiting_bar_stop (self->waiting_bar);
          reset_for_new (self, add_another);
          if (!add_another)
            g_signal_emit (self, signals[CANCELLED], 0);
          return TRUE;
        }
    }
  else
    {
      draft = outlay_expense_new ();
      apply_form (self, draft, amount);
      after = outlay_repository_add_expense (self->repository, draft, &error);
    }

  if (g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY))
    {
      start_waiting (self, add_another);
      return FALSE;
    }

  outlay_waiting_bar_stop (self->waiting_bar);

  if (after == NULL)
    {
      show_store_error (self, error);
      if (!retrying)
        focus_first_invalid (self);
      return FALSE;
    }

  if (add_another)
    {
      reset_for_new (self, TRUE);
      focus_amount (self);
    }
  else
    {
      g_autoptr (OutlayExpense) copy = outlay_expense_copy (after);

      load_expense (self, copy);
    }

  g_signal_emit (self, signals[SAVED], 0, before, after, add_another);

  return TRUE;
}

/* Callbacks */

static void
on_waiting_retry_cb (OutlayExpenseEditor *self)
{
  save_form (self, self->waiting_add_another, TRUE);
}

/* The form stays as typed, for a save once the other program is done. */
static void
on_waiting_gave_up_cb (OutlayExpenseEditor *self,
                       const GError        *error)
{
  show_error (self, error->message);
}

static void
on_amount_changed_cb (OutlayExpenseEditor *self)
{
  if (self->filling)
    return;

  self->amount_touched = TRUE;
  g_clear_pointer (&self->amount_store_error, g_free);
  update_state (self);
}

/* Under the amount, and said with it. */
static void
on_line_changed_cb (OutlayExpenseEditor *self)
{
  const char *line = outlay_charged_group_get_line (self->charged_group);

  gtk_label_set_text (self->converted_label, line != NULL ? line : "");
  gtk_widget_set_visible (GTK_WIDGET (self->converted_label), line != NULL);
  if (!self->updating)
    update_state (self);
}

static void
on_refund_changed_cb (OutlayExpenseEditor *self)
{
  /* A refund is not something that repeats. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->repeat_group), !gtk_switch_get_active (self->refund_switch));
  if (!self->filling)
    update_state (self);
}

static void
on_amount_activated_cb (OutlayExpenseEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->description_row));
}

static void
on_description_changed_cb (OutlayExpenseEditor *self)
{
  if (self->filling)
    return;

  self->description_touched = TRUE;
  g_clear_pointer (&self->description_store_error, g_free);
  update_state (self);
  outlay_description_row_update_suggestions (self->description_row);
  {
    g_autofree char *description = dup_description (self);
    g_autofree char *message = NULL;
    gint64           amount = outlay_amount_row_read (self->amount_row, &message);

    outlay_category_suggester_update (self->suggester, description, MAX (amount, 0), active_currency (self));
  }
}

static void
on_description_activated_cb (OutlayExpenseEditor *self)
{
  hide_suggestions (self);

  /* Amount, Enter, description, Enter: saved. */
  if (self->can_save)
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
  else
    {
      self->amount_touched = TRUE;
      self->description_touched = TRUE;
      update_state (self);
      focus_first_invalid (self);
    }
}

/* An earlier description, with its category and (unless one is typed
 * already) its amount. */
static void
on_suggestion_picked_cb (OutlayExpenseEditor *self,
                         OutlaySuggestion    *suggestion)
{
  OutlayCategory *category;
  const char     *amount_text;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), suggestion->description);
  gtk_editable_set_position (GTK_EDITABLE (self->description_row), -1);
  self->filling = FALSE;
  self->description_touched = TRUE;
  g_clear_pointer (&self->description_store_error, g_free);

  /* An earlier expense's category, as good as one chosen. */
  category = outlay_repository_lookup_category (self->repository, suggestion->category_id);
  if (category != NULL && outlay_repository_is_category_offered (self->repository, category))
    {
      select_category (self, suggestion->category_id, FALSE);
      outlay_category_suggester_chosen (self->suggester);
    }

  /* An amount already typed wins; one of another currency would be wrong. */
  amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  if (*amount_text == '\0' && g_strcmp0 (suggestion->currency, active_currency (self)) == 0)
    {
      self->filling = TRUE;
      /* A refund suggested is a refund again, with the amount it gave back. */
      outlay_amount_row_set_amount (self->amount_row, ABS (suggestion->amount));
      gtk_switch_set_active (self->refund_switch, suggestion->amount < 0);
      self->filling = FALSE;
      self->amount_touched = TRUE;
      g_clear_pointer (&self->amount_store_error, g_free);
    }

  update_state (self);
}

static void
on_category_selected_cb (OutlayExpenseEditor *self)
{
  /* The picker fills before the suggester is there. */
  if (self->suggester != NULL)
    outlay_category_suggester_chosen (self->suggester);
  self->category_id = outlay_category_picker_get_category_id (self->category_row);
  update_state (self);
}

static void
on_date_changed_cb (OutlayExpenseEditor *self)
{
  sync_repeat_start (self);
  update_state (self);
}

static void
on_repeat_changed_cb (OutlayExpenseEditor *self)
{
  update_state (self);
}

static void
on_charged_changed_cb (OutlayExpenseEditor *self)
{
  update_state (self);
}

static void
on_note_changed_cb (OutlayExpenseEditor *self)
{
  if (self->filling)
    return;

  g_clear_pointer (&self->note_store_error, g_free);
  update_state (self);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  outlay_expense_editor_save (OUTLAY_EXPENSE_EDITOR (widget),
                              g_str_equal (action_name, "editor.save-and-add"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OutlayExpenseEditor *self = OUTLAY_EXPENSE_EDITOR (widget);

  hide_suggestions (self);
  outlay_waiting_bar_stop (self->waiting_bar);
  g_signal_emit (self, signals[CANCELLED], 0);
}

static void
stop_waiting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  outlay_expense_editor_stop_waiting (OUTLAY_EXPENSE_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OutlayExpenseEditor *self = OUTLAY_EXPENSE_EDITOR (widget);
  g_autoptr (OutlayExpense) expense = NULL;

  if (self->expense == NULL)
    return;

  expense = g_object_ref (self->expense);
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, expense);
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  hide_error (OUTLAY_EXPENSE_EDITOR (widget));
}

/* GObject and GtkWidget */

static void
outlay_expense_editor_map (GtkWidget *widget)
{
  OutlayExpenseEditor *self = OUTLAY_EXPENSE_EDITOR (widget);

  GTK_WIDGET_CLASS (outlay_expense_editor_parent_class)->map (widget);

  if (self->focus_amount_on_map)
    focus_amount (self);
}

static void
outlay_expense_editor_constructed (GObject *object)
{
  OutlayExpenseEditor *self = OUTLAY_EXPENSE_EDITOR (object);
  G_OBJECT_CLASS (outlay_expense_editor_parent_class)->constructed (object);

  g_assert (OUTLAY_IS_REPOSITORY (self->repository));

  outlay_category_picker_set_repository (self->category_row, self->repository);
  self->suggester = outlay_category_suggester_new (self->category_row, self->repository);
  outlay_description_row_set_repository (self->description_row, self->repository);
  outlay_charged_group_set_repository (self->charged_group, self->repository);
  reset_for_new (self, FALSE);
}

static void
outlay_expense_editor_dispose (GObject *object)
{
  OutlayExpenseEditor *self = OUTLAY_EXPENSE_EDITOR (object);

  g_clear_pointer (&self->suggester, outlay_category_suggester_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_EXPENSE_EDITOR);

  g_clear_object (&self->expense);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_expense_editor_parent_class)->dispose (object);
}

static void
outlay_expense_editor_finalize (GObject *object)
{
  OutlayExpenseEditor *self = OUTLAY_EXPENSE_EDITOR (object);

  g_free (self->currency);
  g_free (self->loaded_amount);
  g_free (self->loaded_description);
  g_free (self->loaded_note);
  g_free (self->loaded_date);
  g_free (self->loaded_charged);
  clear_store_errors (self);

  G_OBJECT_CLASS (outlay_expense_editor_parent_class)->finalize (object);
}

static void
outlay_expense_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OutlayExpenseEditor *self = OUTLAY_EXPENSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_TITLE:
      g_value_set_string (value, outlay_expense_editor_get_title (self));
      break;

    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_SHOW_START_TITLE_BUTTONS:
      g_value_set_boolean (value, adw_header_bar_get_show_start_title_buttons (self->header_bar));
      break;

    case PROP_SHOW_END_TITLE_BUTTONS:
      g_value_set_boolean (value, adw_header_bar_get_show_end_title_buttons (self->header_bar));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_expense_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OutlayExpenseEditor *self = OUTLAY_EXPENSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;

    case PROP_CURRENCY:
      outlay_expense_editor_set_currency (self, g_value_get_string (value));
      break;

    case PROP_SHOW_START_TITLE_BUTTONS:
      if (g_value_get_boolean (value) != adw_header_bar_get_show_start_title_buttons (self->header_bar))
        {
          adw_header_bar_set_show_start_title_buttons (self->header_bar, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_END_TITLE_BUTTONS:
      if (g_value_get_boolean (value) != adw_header_bar_get_show_end_title_buttons (self->header_bar))
        {
          adw_header_bar_set_show_end_title_buttons (self->header_bar, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_expense_editor_class_init (OutlayExpenseEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = outlay_expense_editor_constructed;
  object_class->dispose = outlay_expense_editor_dispose;
  object_class->finalize = outlay_expense_editor_finalize;
  object_class->get_property = outlay_expense_editor_get_property;
  object_class->set_property = outlay_expense_editor_set_property;

  widget_class->map = outlay_expense_editor_map;

  /**
   * OutlayExpenseEditor:repository:
   *
   * Where expenses are read from and written to.
   */
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         OUTLAY_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayExpenseEditor:currency:
   *
   * The ISO 4217 code of new expenses. An expense being edited keeps its own.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayExpenseEditor:title:
   *
   * “New Expense” or “Edit Expense”.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayExpenseEditor:can-save:
   *
   * Whether every field is valid.
   */
  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayExpenseEditor:dirty:
   *
   * Whether the form differs from what was loaded into it.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayExpenseEditor:show-start-title-buttons:
   *
   * Whether the editor's header bar shows the window buttons at its start.
   */
  properties[PROP_SHOW_START_TITLE_BUTTONS] =
    g_param_spec_boolean ("show-start-title-buttons", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayExpenseEditor:show-end-title-buttons:
   *
   * Whether the editor's header bar shows the window buttons at its end.
   */
  properties[PROP_SHOW_END_TITLE_BUTTONS] =
    g_param_spec_boolean ("show-end-title-buttons", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayExpenseEditor::saved:
   * @before: (nullable): the expense as it was stored before; %NULL for a new one
   * @after: the expense as it is stored now
   * @add_another: whether the form was emptied for the next expense
   *
   * Emitted after a successful write, once the form shows its new state.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  OUTLAY_TYPE_EXPENSE, OUTLAY_TYPE_EXPENSE, G_TYPE_BOOLEAN);

  /**
   * OutlayExpenseEditor::cancelled:
   *
   * The person asked to leave the editor without saving.
   */
  signals[CANCELLED] =
    g_signal_new ("cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * OutlayExpenseEditor::delete-requested:
   * @expense: the expense being edited
   *
   * The person asked to delete the expense. The editor deletes nothing
   * itself: whoever handles this deletes it (and offers Undo).
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  OUTLAY_TYPE_EXPENSE);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.save-and-add", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_install_action (widget_class, "editor.stop-waiting", NULL, stop_waiting_action);

  g_type_ensure (OUTLAY_TYPE_CATEGORY);
  g_type_ensure (OUTLAY_TYPE_AMOUNT_ROW);
  g_type_ensure (OUTLAY_TYPE_CATEGORY_ICON);
  g_type_ensure (OUTLAY_TYPE_CATEGORY_PICKER);
  g_type_ensure (OUTLAY_TYPE_CHARGED_GROUP);
  g_type_ensure (OUTLAY_TYPE_DATE_ROW);
  g_type_ensure (OUTLAY_TYPE_DESCRIPTION_ROW);
  g_type_ensure (OUTLAY_TYPE_REPEAT_GROUP);
  g_type_ensure (OUTLAY_TYPE_WAITING_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/outlay-expense-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, waiting_bar);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, amount_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, amount_error);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, converted_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, charged_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, refund_switch);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, description_error);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, repeat_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, note_box);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, note_buffer);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, note_error);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, history_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpenseEditor, save_another_button);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_refund_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_line_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_charged_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_description_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_description_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_repeat_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_waiting_retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_waiting_gave_up_cb);

  gtk_widget_class_set_css_name (widget_class, "expenseeditor");
}

static void
outlay_expense_editor_init (OutlayExpenseEditor *self)
{
  GtkWidget *label;

  self->currency = g_strdup (outlay_currency_for_locale ());

  gtk_widget_init_template (GTK_WIDGET (self));

  /* With large text on a phone, the longest button wraps rather than
   * widen the window. */
  label = gtk_button_get_child (GTK_BUTTON (self->save_another_button));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);

  /* The focus is on a row's text, so that is where a screen reader looks
   * for the field's name and its error. */
  outlay_entry_row_label_text (ADW_ENTRY_ROW (self->amount_row), self->amount_error);
  outlay_entry_row_label_text (ADW_ENTRY_ROW (self->description_row), self->description_error);
}

/**
 * outlay_expense_editor_new:
 * @repository: where expenses are read and written
 *
 * Returns: (transfer floating): a new editor with an empty form
 */
GtkWidget *
outlay_expense_editor_new (OutlayRepository *repository)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);

  return g_object_new (OUTLAY_TYPE_EXPENSE_EDITOR,
                       "repository", repository,
                       NULL);
}

/**
 * outlay_expense_editor_get_repository:
 *
 * Returns: (transfer none): the repository
 */
OutlayRepository *
outlay_expense_editor_get_repository (OutlayExpenseEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self), NULL);

  return self->repository;
}

/**
 * outlay_expense_editor_get_currency:
 *
 * Returns: the currency of new expenses
 */
const char *
outlay_expense_editor_get_currency (OutlayExpenseEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self), NULL);

  return self->currency;
}

/**
 * outlay_expense_editor_set_currency:
 * @currency: (nullable): an ISO 4217 code; %NULL for the locale's
 *
 * Sets the currency of new expenses. An expense being edited keeps its own.
 */
void
outlay_expense_editor_set_currency (OutlayExpenseEditor *self,
                                    const char          *currency)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self));

  if (currency == NULL)
    currency = outlay_currency_for_locale ();

  if (!outlay_currency_is_valid (currency))
    {
      g_warning ("Unknown currency “%s”", currency);
      return;
    }

  if (g_strcmp0 (currency, self->currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);

  if (self->expense == NULL && self->amount_row != NULL)
    {
      notify_mode (self);
      update_state (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

/**
 * outlay_expense_editor_get_title:
 *
 * Returns: “New Expense” or “Edit Expense”, translated
 */
const char *
outlay_expense_editor_get_title (OutlayExpenseEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self), NULL);

  return self->expense != NULL ? _("Edit Expense") : _("New Expense");
}

gboolean
outlay_expense_editor_get_can_save (OutlayExpenseEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self), FALSE);

  return self->can_save;
}

gboolean
outlay_expense_editor_get_dirty (OutlayExpenseEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self), FALSE);

  return self->dirty;
}

/**
 * outlay_expense_editor_new_expense:
 *
 * Empties the form for a new expense: today, the category of the most
 * recently entered expense (or the first one), no amount, and the focus
 * in the amount (once the editor is shown, if it is not yet).
 */
void
outlay_expense_editor_new_expense (OutlayExpenseEditor *self)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self));

  outlay_waiting_bar_stop (self->waiting_bar);
  reset_for_new (self, FALSE);
  focus_amount (self);
}

/**
 * outlay_expense_editor_edit:
 * @expense: a stored expense
 *
 * Fills the form from @expense. The editor keeps a copy of it, and Save
 * writes the changes over the stored expense with that copy's id.
 */
void
outlay_expense_editor_edit (OutlayExpenseEditor *self,
                            OutlayExpense       *expense)
{
  g_autoptr (OutlayExpense) copy = NULL;

  g_return_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self));
  g_return_if_fail (OUTLAY_IS_EXPENSE (expense));
  g_return_if_fail (outlay_expense_get_id (expense) > 0);

  outlay_waiting_bar_stop (self->waiting_bar);
  copy = outlay_expense_copy (expense);
  load_expense (self, copy);
}

/**
 * outlay_expense_editor_focus_amount:
 *
 * Puts the focus in the amount, where editing starts (once the editor is
 * shown, if it is not yet).
 */
void
outlay_expense_editor_focus_amount (OutlayExpenseEditor *self)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self));

  focus_amount (self);
}

/**
 * outlay_expense_editor_get_expense:
 *
 * Returns: (transfer none) (nullable): the expense being edited as it was
 *   loaded (or last saved); %NULL for a new one
 */
OutlayExpense *
outlay_expense_editor_get_expense (OutlayExpenseEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self), NULL);

  return self->expense;
}

/**
 * outlay_expense_editor_save:
 * @add_another: whether to empty the form for the next expense afterwards,
 *   keeping its date and category
 *
 * Validates the form and writes it through the repository. On failure the
 * form keeps everything as typed and shows why. On success it shows the
 * stored expense (or, with @add_another, an empty form) and emits
 * #OutlayExpenseEditor::saved.
 *
 * While another program is changing the ledger, the editor shows that it
 * waits and saves the form as it is then once the other program has
 * finished, emitting #OutlayExpenseEditor::saved at that time, unless the
 * person stops waiting.
 *
 * Returns: whether the expense was written now
 */
gboolean
outlay_expense_editor_save (OutlayExpenseEditor *self,
                            gboolean             add_another)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self), FALSE);

  hide_suggestions (self);

  return save_form (self, add_another, FALSE);
}

/**
 * outlay_expense_editor_get_waiting:
 *
 * Returns: whether a save waits for another program that is changing the
 *   ledger
 */
gboolean
outlay_expense_editor_get_waiting (OutlayExpenseEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self), FALSE);

  return outlay_waiting_bar_get_waiting (self->waiting_bar);
}

/**
 * outlay_expense_editor_stop_waiting:
 *
 * Gives up a save that waits for another program; the form stays as it is.
 */
void
outlay_expense_editor_stop_waiting (OutlayExpenseEditor *self)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE_EDITOR (self));

  outlay_waiting_bar_stop (self->waiting_bar);
}
