/* outlay-recurring-runner.c
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

/* Writes what the recurring expenses owe while the window is open: when it
 * opens and at each midnight, as `outlay recurring run` does. What it wrote
 * is said by "caught-up", for the window to offer Undo, and each new day
 * by "day-changed"; a recurring expense that would write more than 60 at
 * once asks first, in a dialog. The work grows with what is due, never
 * with the ledger: each occurrence is one indexed insert. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "outlay-date.h"
#include "outlay-recurring-runner.h"
#include "outlay-window.h"

/* More at once for one recurring expense asks first. */
/* Another program that writes is waited for this long, again and again. */
#define BUSY_RETRY_SECONDS 2
/* After midnight, so that "today" has surely moved on. */
#define AFTER_MIDNIGHT_SECONDS 2

struct _OutlayRecurringRunner
{
  GObject parent_instance;

  OutlayRepository *repository;
  GtkWindow        *parent; /* weak */
  guint             run_id;
  guint             midnight_id;
  GtkWidget        *question; /* while one asks */
  GStrv             asked;    /* the uuids it asks about */
};

G_DEFINE_FINAL_TYPE (OutlayRecurringRunner, outlay_recurring_runner, G_TYPE_OBJECT)

enum
{
  CAUGHT_UP,
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_midnight (OutlayRecurringRunner *self);

static gboolean
is_busy (const GError *error)
{
  return g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY);
}

static void     run_allowed (OutlayRecurringRunner *self,
                             const char *const     *allowed);
static gboolean run_cb (gpointer user_data);

static void
on_question_response_cb (AdwMessageDialog      *dialog,
                         const char            *response,
                         OutlayRecurringRunner *self)
{
  g_auto (GStrv) asked = g_steal_pointer (&self->asked);

  self->question = NULL;
  if (g_str_equal (response, "add"))
    run_allowed (self, (const char *const *) asked);
}

static void
on_parent_mapped_cb (OutlayRecurringRunner *self)
{
  g_signal_handlers_disconnect_by_func (self->parent, on_parent_mapped_cb, self);
  outlay_recurring_runner_run_now (self);
}

/* Asks about the recurring expenses that would write many at once. */
static void
ask (OutlayRecurringRunner *self,
     GPtrArray             *held)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_null_terminated (held->len, g_free, TRUE);
  guint total = 0;

  if (self->question != NULL || self->parent == NULL)
    return;
  /* A question needs the window on screen: asked once it shows. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->parent)))
    {
      g_signal_connect_object (self->parent, "map", G_CALLBACK (on_parent_mapped_cb), self, G_CONNECT_SWAPPED);
      return;
    }

  for (guint i = 0; i < held->len; i++)
    {
      const OutlayHeldRule *rule = g_ptr_array_index (held, i);

      total += rule->count;
      g_ptr_array_add (uuids, g_strdup (outlay_recurring_rule_get_uuid (rule->rule)));
      if (body->len > 0)
        g_string_append_c (body, '\n');
      /* Translators: a recurring expense not written for a long time: "“Coffee” would add 91 expenses" */
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE, "“%s” would add %u expense", "“%s” would add %u expenses",
                                           rule->count),
                              outlay_recurring_rule_get_description (rule->rule), rule->count);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("They came due while Outlay was closed. Add them all now, or later: Outlay asks again "
                           "the next time it opens."));

  self->asked = (GStrv) g_ptr_array_free (g_steal_pointer (&uuids), FALSE);
  self->question = adw_message_dialog_new (self->parent, NULL, body->str);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self->question),
                                     g_dngettext (GETTEXT_PACKAGE, "Add %u Recurring Expense?",
                                                  "Add %u Recurring Expenses?", total),
                                     total);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self->question), "later", _("_Not Now"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self->question), "add", _("_Add Them"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self->question), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self->question), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self->question), "later");
  g_signal_connect_object (self->question, "response", G_CALLBACK (on_question_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->question));
}

static gboolean
take_back_written (OutlayRepository *repository,
                   gpointer          expense_ids,
                   GError          **error)
{
  return outlay_repository_take_back_run (repository, expense_ids, error) >= 0;
}

static void
unref_array (gpointer array)
{
  g_array_unref (array);
}

/* What a catch-up wrote is said in the window, with Undo. */
static void
offer_undo (OutlayRecurringRunner *self,
            GArray                *expense_ids)
{
  g_autofree char *title = NULL;
  const char      *undone;

  if (!OUTLAY_IS_WINDOW (self->parent))
    return;
  /* Translators: a toast when the window writes what recurring expenses owed */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u recurring expense", "Added %u recurring expenses",
                                        expense_ids->len),
                           expense_ids->len);
  undone = _("Recurring expenses taken back");
  outlay_window_push_undo (OUTLAY_WINDOW (self->parent), title, undone, take_back_written, g_array_ref (expense_ids),
                           unref_array);
}

static void
run_allowed (OutlayRecurringRunner *self,
             const char *const     *allowed)
{
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;

  if (outlay_database_is_damaged (outlay_repository_get_database (self->repository)))
    return;

  run = outlay_repository_run_recurring (self->repository, today, OUTLAY_RECURRING_MOST_AT_ONCE, allowed, &error);
  if (run == NULL)
    {
      /* Another program is writing (the backup of the day, the command
       * line): again in a moment. Anything else: the next run (at
       * midnight, or the next start) catches up, as nothing was written. */
      if (is_busy (error) && self->run_id == 0)
        self->run_id = g_timeout_add_seconds (BUSY_RETRY_SECONDS, run_cb, self);
      else if (!is_busy (error))
        g_message ("Could not write the recurring expenses: %s", error->message);
      return;
    }

  if (run->expense_ids->len > 0)
    {
      offer_undo (self, run->expense_ids);
      g_signal_emit (self, signals[CAUGHT_UP], 0, run->expense_ids);
    }
  if (run->held->len > 0)
    ask (self, run->held);
}

static gboolean
run_cb (gpointer user_data)
{
  OutlayRecurringRunner *self = user_data;

  self->run_id = 0;
  run_allowed (self, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
midnight_cb (gpointer user_data)
{
  OutlayRecurringRunner *self = user_data;

  self->midnight_id = 0;
  run_allowed (self, NULL);
  schedule_midnight (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_midnight (OutlayRecurringRunner *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                       g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (today, 1);
  GTimeSpan until = g_date_time_difference (tomorrow, now);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  self->midnight_id = g_timeout_add_seconds ((guint) (until / G_TIME_SPAN_SECOND) + AFTER_MIDNIGHT_SECONDS,
                                             midnight_cb, self);
}

static void
outlay_recurring_runner_dispose (GObject *object)
{
  OutlayRecurringRunner *self = OUTLAY_RECURRING_RUNNER (object);

  g_clear_handle_id (&self->run_id, g_source_remove);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->question));
  self->question = NULL;
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->asked, g_strfreev);

  G_OBJECT_CLASS (outlay_recurring_runner_parent_class)->dispose (object);
}

static void
outlay_recurring_runner_class_init (OutlayRecurringRunnerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = outlay_recurring_runner_dispose;

  /**
   * OutlayRecurringRunner::caught-up:
   * @expense_ids: (type GArray) (element-type gint64): what it wrote
   *
   * Emitted after a catch-up wrote expenses.
   */
  signals[CAUGHT_UP] = g_signal_new ("caught-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, G_TYPE_ARRAY);

  /**
   * OutlayRecurringRunner::day-changed:
   *
   * Emitted after midnight, once what fell due that day is written: what
   * counts days from today ("Tomorrow", "in the next 30 days") is out of
   * date.
   */
  signals[DAY_CHANGED] = g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 0);
}

static void
outlay_recurring_runner_init (OutlayRecurringRunner *self)
{
}

/**
 * outlay_recurring_runner_new:
 * @parent: the window that asks, and whose life it shares
 *
 * Returns: (transfer full): a runner that catches up soon, then at each
 *   midnight
 */
OutlayRecurringRunner *
outlay_recurring_runner_new (OutlayRepository *repository,
                             GtkWindow        *parent)
{
  OutlayRecurringRunner *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (OUTLAY_TYPE_RECURRING_RUNNER, NULL);
  self->repository = g_object_ref (repository);
  g_set_weak_pointer (&self->parent, parent);
  /* Once the window shows: a question needs it on screen. */
  self->run_id = g_idle_add_full (G_PRIORITY_LOW, run_cb, self, NULL);
  schedule_midnight (self);
  return self;
}

/**
 * outlay_recurring_runner_run_now:
 *
 * Catches up now (a recurring expense was added, or another program
 * changed them).
 */
void
outlay_recurring_runner_run_now (OutlayRecurringRunner *self)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RUNNER (self));

  if (self->run_id == 0)
    self->run_id = g_idle_add_full (G_PRIORITY_LOW, run_cb, self, NULL);
}

/**
 * outlay_recurring_runner_get_question:
 *
 * Returns: (transfer none) (nullable): the dialog that asks about many
 *   expenses at once, while it shows
 */
GtkWindow *
outlay_recurring_runner_get_question (OutlayRecurringRunner *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RUNNER (self), NULL);

  return self->question != NULL ? GTK_WINDOW (self->question) : NULL;
}
