/* outlay-window.c
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

/* The main window: the Expenses and Dashboard pages in a view stack, the
 * switcher in the header (or at the bottom when it does not fit), toasts,
 * and the window's commands. It keeps the undo history: Ctrl+Z brings back
 * the last deleted expense or takes back the last change. A delete or an
 * undo that finds another program changing the ledger waits in a queue,
 * in order, until that program has finished or the person stops waiting. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-application.h"
#include "outlay-backups.h"
#include "outlay-budget-alerts.h"
#include "outlay-budgets-group.h"
#include "outlay-budgets-window.h"
#include "outlay-categories-window.h"
#include "outlay-dashboard-page.h"
#include "outlay-expenses-page.h"
#include "outlay-export-job.h"
#include "outlay-history-window.h"
#include "outlay-report-actions.h"
#include "outlay-import-window.h"
#include "outlay-money.h"
#include "outlay-damaged-page.h"
#include "outlay-recurring-editor.h"
#include "outlay-recurring-runner.h"
#include "outlay-recurring-window.h"
#include "outlay-rule-offer.h"
#include "outlay-toasts.h"
#include "outlay-waiting-bar.h"
#include "outlay-window.h"

#define MAX_UNDO 50

typedef struct
{
  OutlayExpense      *before; /* the expense as it was */
  OutlayExpense      *after;  /* as the step left it: undo only that */
  gboolean            deleted;
  OutlayImportResult *import; /* or an import to take back */
  OutlayUndoFunc      take_back; /* or a change taken back by a function */
  gpointer            data;
  GDestroyNotify      destroy_data;
  char               *undone; /* what the toast says after it */
} UndoStep;

/* A write that waits for another program to finish. */
typedef enum
{
  PENDING_DELETE,
  PENDING_UNDO,
} PendingKind;

/* Where a write stands after an attempt. */
typedef enum
{
  WRITE_DONE,  /* written, or failed and said so */
  WRITE_WAITS, /* another program is changing the ledger */
  WRITE_RUNS,  /* in a worker, which carries on the queue when it ends */
} WriteState;

typedef struct
{
  PendingKind    kind;
  OutlayExpense *expense; /* the one to delete */
} PendingWrite;

struct _OutlayWindow
{
  AdwApplicationWindow parent_instance;

  GSettings        *settings;
  OutlayRepository *repository;
  GQueue            undo;
  GQueue            pending; /* PendingWrite, oldest first */
  guint             watch_id;
  guint             alerts_id; /* the budgets' thresholds are looked at */
  AdwToast         *undo_toast;      /* the newest toast that offers Undo, while it shows */
  UndoStep         *undoing;         /* an import taken back in a worker */
  guint             undo_generation; /* raised when the steps are forgotten */
  gboolean          undo_stopped;    /* the wait was given up while it ran */
  AdwToast         *undoing_toast;   /* says so, while it shows */
  OutlayRecurringRunner *recurring;       /* writes what recurring expenses owe */

  GtkWidget *expenses_page;
  GtkWidget *dashboard_page;
  GtkWidget *damaged_page; /* while the file is damaged */

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  OutlayWaitingBar     *waiting_bar;
  GtkWidget            *new_button;
  GtkWidget            *search_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
};

G_DEFINE_FINAL_TYPE (OutlayWindow, outlay_window, ADW_TYPE_APPLICATION_WINDOW)

static void
undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_clear_object (&step->before);
  g_clear_object (&step->after);
  g_clear_pointer (&step->import, outlay_import_result_free);
  if (step->destroy_data != NULL)
    g_clear_pointer (&step->data, step->destroy_data);
  g_free (step->undone);
  g_free (step);
}

static PendingWrite *
pending_write_new (PendingKind    kind,
                   OutlayExpense *expense)
{
  PendingWrite *write = g_new0 (PendingWrite, 1);

  write->kind = kind;
  write->expense = expense != NULL ? outlay_expense_copy (expense) : NULL;

  return write;
}

static void
pending_write_free (gpointer data)
{
  PendingWrite *write = data;

  g_clear_object (&write->expense);
  g_free (write);
}

static gboolean
is_busy (const GError *error)
{
  return g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY);
}

static void
update_actions (OutlayWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean    damaged = self->damaged_page != NULL;
  gboolean    on_expenses = g_strcmp0 (page, "expenses") == 0 && !damaged;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", !g_queue_is_empty (&self->undo) && !damaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-expense", on_expenses);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-expense", !damaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", !damaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !damaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.budgets", !damaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.categories", !damaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-recurring", !damaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.recurring", !damaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", !damaged);
  gtk_widget_set_visible (self->search_button, on_expenses);
  gtk_widget_set_visible (self->new_button, !damaged);
}

static void
push_undo_step (OutlayWindow *self,
                UndoStep     *step)
{
  g_queue_push_head (&self->undo, step);

  while (g_queue_get_length (&self->undo) > MAX_UNDO)
    undo_step_free (g_queue_pop_tail (&self->undo));

  update_actions (self);
}

static void
push_undo (OutlayWindow  *self,
           OutlayExpense *before,
           OutlayExpense *after,
           gboolean       deleted)
{
  UndoStep *step = g_new0 (UndoStep, 1);

  step->before = outlay_expense_copy (before);
  step->after = outlay_expense_copy (after);
  step->deleted = deleted;
  push_undo_step (self, step);
}

static void
show_toast (OutlayWindow *self,
            const char   *title,
            gboolean      with_undo)
{
  AdwToast *toast = outlay_toasts_new (title);

  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      g_set_weak_pointer (&self->undo_toast, toast);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
check_alerts_cb (gpointer user_data)
{
  OutlayWindow *self = user_data;

  self->alerts_id = 0;
  outlay_budget_alerts_show (GTK_WINDOW (self), self->toast_overlay, self->repository);
  return G_SOURCE_REMOVE;
}

static void
queue_alerts (OutlayWindow *self)
{
  if (self->alerts_id == 0 && !outlay_database_is_damaged (outlay_repository_get_database (self->repository)))
    self->alerts_id = g_idle_add_full (G_PRIORITY_LOW, check_alerts_cb, self, NULL);
}

static void
show_error (OutlayWindow *self,
            const GError *error)
{
  outlay_toasts_add_error (self->toast_overlay, error->message);
}

/* Returns %FALSE when another program is changing the ledger, for the
 * delete to wait; else the delete is done with (or failed, and said so). */
static gboolean
try_delete (OutlayWindow  *self,
            OutlayExpense *expense)
{
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  deleted = outlay_repository_delete_expense (self->repository, outlay_expense_get_id (expense), &error);
  if (is_busy (error))
    return FALSE;

  if (deleted == NULL)
    {
      show_error (self, error);
      return TRUE;
    }

  push_undo (self, deleted, deleted, TRUE);
  /* Translators: a toast after deleting, with the expense's description */
  title = g_strdup_printf (_("“%s” deleted"), outlay_expense_get_description (deleted));
  show_toast (self, title, TRUE);
  return TRUE;
}

static WriteState try_undo (OutlayWindow *self);

static const char *
describe_pending (PendingWrite *write)
{
  switch (write->kind)
    {
    case PENDING_DELETE:
      return _("Another program is changing the ledger. The expense will be deleted as soon as it has finished.");

    case PENDING_UNDO:
      return _("Another program is changing the ledger. The last change will be undone as soon as it has "
               "finished.");

    default:
      g_assert_not_reached ();
    }
}

/* Runs the waiting writes in order, until one finds the ledger still held
 * by another program; the bar shows while any waits. */
static void
run_pending (OutlayWindow *self)
{
  PendingWrite *write;

  /* A write in a worker goes on with the queue when it ends. */
  if (self->undoing != NULL)
    return;

  while ((write = g_queue_peek_head (&self->pending)) != NULL)
    {
      WriteState state;

      if (write->kind == PENDING_DELETE)
        state = try_delete (self, write->expense) ? WRITE_DONE : WRITE_WAITS;
      else
        state = try_undo (self);

      /* The worker owns what it does; the queue goes on when it ends. */
      if (state == WRITE_RUNS)
        {
          pending_write_free (g_queue_pop_head (&self->pending));
          return;
        }

      if (state == WRITE_WAITS)
        {
          outlay_waiting_bar_start (self->waiting_bar, outlay_repository_get_database (self->repository),
                                    describe_pending (write));
          return;
        }

      pending_write_free (g_queue_pop_head (&self->pending));
    }

  outlay_waiting_bar_stop (self->waiting_bar);
}

static void
queue_write (OutlayWindow  *self,
             PendingKind    kind,
             OutlayExpense *expense)
{
  g_queue_push_tail (&self->pending, pending_write_new (kind, expense));

  /* Behind a write that waits, in turn; the next retry runs it. */
  if (g_queue_get_length (&self->pending) == 1)
    run_pending (self);
}

/* A write that was under way and must wait: first in the queue, as it
 * was asked for before those behind it. */
static void
queue_write_first (OutlayWindow *self,
                   PendingKind   kind)
{
  PendingWrite *write = pending_write_new (kind, NULL);

  g_queue_push_head (&self->pending, write);
  outlay_waiting_bar_start (self->waiting_bar, outlay_repository_get_database (self->repository),
                            describe_pending (write));
}

static void
on_waiting_retry_cb (OutlayWindow *self)
{
  run_pending (self);
}

static void
delete_expense (OutlayWindow  *self,
                OutlayExpense *expense)
{
  queue_write (self, PENDING_DELETE, expense);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       OutlayWindow     *self)
{
  OutlayExpense *expense = g_object_get_data (G_OBJECT (dialog), "expense");

  if (g_strcmp0 (response, "delete") == 0)
    delete_expense (self, expense);
}

static void
confirm_delete (OutlayWindow  *self,
                OutlayExpense *expense)
{
  g_autofree char *amount = NULL;
  GtkWidget       *dialog;

  amount = outlay_money_format_expense (outlay_expense_get_amount (expense), outlay_expense_get_currency (expense));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Expense?"), NULL);
  /* Translators: the description and the amount of the expense to delete */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” (%s) will be deleted. You can undo this right after."),
                                  outlay_expense_get_description (expense), amount);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "expense", outlay_expense_copy (expense), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_expense_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "expenses");
  outlay_expenses_page_new_expense (OUTLAY_EXPENSES_PAGE (self->expenses_page));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "expenses");
  outlay_expenses_page_start_search (OUTLAY_EXPENSES_PAGE (self->expenses_page));
}

static void
delete_expense_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OutlayWindow  *self = OUTLAY_WINDOW (widget);
  OutlayExpense *expense = outlay_expenses_page_get_selected (OUTLAY_EXPENSES_PAGE (self->expenses_page));

  if (expense != NULL)
    confirm_delete (self, expense);
}

/* Whether the row is still exactly what @step left: the same expense under
 * that id (a restored backup may have given the id to another one) and not
 * changed since, here or by another program. */
static gboolean
step_still_applies (OutlayWindow *self,
                    UndoStep     *step)
{
  g_autoptr (OutlayExpense) current = NULL;
  g_autoptr (GError) error = NULL;

  current = outlay_repository_get_expense (self->repository, outlay_expense_get_id (step->after), &error);
  if (current == NULL)
    return FALSE;

  return g_strcmp0 (outlay_expense_get_uuid (current), outlay_expense_get_uuid (step->after)) == 0 &&
         g_strcmp0 (outlay_expense_get_updated_at (current), outlay_expense_get_updated_at (step->after)) == 0 &&
         g_strcmp0 (outlay_expense_get_deleted_at (current), outlay_expense_get_deleted_at (step->after)) == 0;
}

/* The undo wrote the row anew; an older step on the same expense expects
 * the row as that write left it. */
static void
chain_undo (OutlayWindow  *self,
            OutlayExpense *written)
{
  for (GList *l = self->undo.head; l != NULL; l = l->next)
    {
      UndoStep *older = l->data;

      if (older->after != NULL &&
          g_strcmp0 (outlay_expense_get_uuid (older->after), outlay_expense_get_uuid (written)) == 0)
        {
          g_set_object (&older->after, written);
          return;
        }
    }
}

static void
drop_undo_step (OutlayWindow *self)
{
  undo_step_free (g_queue_pop_head (&self->undo));
  update_actions (self);
}

/* An import is taken back through a connection of its own, in a worker:
 * deleting its rows grows with the import (100,000 take seconds). */
typedef struct
{
  char               *path;
  OutlayImportResult *import; /* the step's, which the window keeps meanwhile */
  guint               generation;
} UndoJob;

static void
undo_job_free (UndoJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
undo_import_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  UndoJob *job = task_data;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GError) error = NULL;

  database = outlay_database_open (job->path, &error);
  if (database != NULL)
    {
      repository = outlay_repository_new (database);
      /* A worker may wait inside SQLite; the window's retries go on. */
      outlay_database_set_busy_timeout (database, OUTLAY_WAITING_BAR_RETRY_MS);
      if (outlay_importer_undo (repository, job->import, &error))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_import_undone_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  OutlayWindow *self = OUTLAY_WINDOW (object);
  UndoJob      *job = g_task_get_task_data (G_TASK (result));
  UndoStep     *step = g_steal_pointer (&self->undoing);
  g_autoptr (GError) error = NULL;
  gboolean forgotten;

  g_application_release (g_application_get_default ());

  /* Closed meanwhile: what was undone is undone, with no one to tell. */
  if (self->repository == NULL)
    {
      undo_step_free (step);
      return;
    }

  /* Written through another connection: the lists learn of it now rather
   * than at the next poll. */
  outlay_repository_check_external_changes (self->repository);
  forgotten = job->generation != self->undo_generation;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && is_busy (error) && !forgotten)
    {
      /* The step comes back, for the undo to wait and try again, unless
       * the wait was given up meanwhile: then it can be asked for again. */
      g_queue_push_head (&self->undo, step);
      update_actions (self);
      if (!self->undo_stopped)
        queue_write_first (self, PENDING_UNDO);
      else if (self->undoing_toast != NULL)
        {
          adw_toast_set_title (self->undoing_toast, _("The import was not undone"));
          g_clear_weak_pointer (&self->undoing_toast);
        }
      self->undo_stopped = FALSE;
      return;
    }
  self->undo_stopped = FALSE;

  if (g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
    outlay_database_mark_damaged (outlay_repository_get_database (self->repository));

  /* The toast that said it was being undone says how it ended, when it
   * still shows (libadwaita 1.2 can crash when toasts are dismissed in
   * quick succession: none is). */
  if (error != NULL)
    {
      if (self->undoing_toast != NULL)
        adw_toast_set_title (self->undoing_toast, _("The import was not undone"));
      show_error (self, error);
    }
  else if (self->undoing_toast != NULL)
    adw_toast_set_title (self->undoing_toast, _("Import undone"));
  else
    show_toast (self, _("Import undone"), FALSE);
  g_clear_weak_pointer (&self->undoing_toast);
  undo_step_free (step);

  run_pending (self);
}

static WriteState
start_undo_import (OutlayWindow *self)
{
  OutlayDatabase *database = outlay_repository_get_database (self->repository);
  g_autoptr (GTask) task = NULL;
  UndoJob *job;

  /* A file known to be damaged is not written, by any connection. */
  if (outlay_database_is_damaged (database))
    {
      g_autoptr (GError) error = g_error_new_literal (OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED,
                                                      _("The ledger is damaged: nothing can be undone."));

      show_error (self, error);
      return WRITE_DONE;
    }

  self->undoing = g_queue_pop_head (&self->undo);
  update_actions (self);

  /* The toast that says so: the one of a wait before, else the one that
   * offered Undo when it still shows, else a new one. */
  if (self->undoing_toast == NULL)
    {
      if (self->undo_toast == NULL)
        show_toast (self, "", TRUE);
      g_set_weak_pointer (&self->undoing_toast, self->undo_toast);
      g_clear_weak_pointer (&self->undo_toast);
    }
  /* Translators: a toast while an import is taken back */
  adw_toast_set_title (self->undoing_toast, _("Undoing the import…"));
  adw_toast_set_button_label (self->undoing_toast, NULL);
  adw_toast_set_action_name (self->undoing_toast, NULL);

  job = g_new0 (UndoJob, 1);
  job->path = g_strdup (outlay_database_get_path (database));
  job->import = self->undoing->import;
  job->generation = self->undo_generation;

  /* Closing the last window does not end the process before the worker. */
  g_application_hold (g_application_get_default ());
  task = g_task_new (self, NULL, on_import_undone_cb, NULL);
  g_task_set_source_tag (task, start_undo_import);
  g_task_set_task_data (task, job, (GDestroyNotify) undo_job_free);
  g_task_run_in_thread (task, undo_import_thread);

  return WRITE_RUNS;
}

/* Takes back the newest step. When another program is changing the ledger,
 * the step stays, for the undo to wait. */
static WriteState
try_undo (OutlayWindow *self)
{
  g_autoptr (OutlayExpense) result = NULL;
  g_autoptr (GError) error = NULL;
  UndoStep *step = g_queue_peek_head (&self->undo);

  if (step == NULL)
    return WRITE_DONE;

  if (step->import != NULL)
    return start_undo_import (self);

  if (step->take_back != NULL)
    {
      g_autofree char *undone = g_strdup (step->undone);
      gboolean         done = step->take_back (self->repository, step->data, &error);

      if (is_busy (error))
        return WRITE_WAITS;
      g_clear_weak_pointer (&self->undo_toast);
      drop_undo_step (self);
      if (!done)
        show_error (self, error);
      else
        show_toast (self, undone, FALSE);
      return WRITE_DONE;
    }

  /* The newest toast with Undo offered this step, or one before it. */
  g_clear_weak_pointer (&self->undo_toast);

  if (!step_still_applies (self, step))
    {
      show_toast (self, _("Cannot undo: the expense was changed elsewhere"), FALSE);
      drop_undo_step (self);
      return WRITE_DONE;
    }

  if (step->deleted)
    result = outlay_repository_restore_expense (self->repository, outlay_expense_get_id (step->before), &error);
  else
    result = outlay_repository_update_expense (self->repository, step->before, &error);

  if (is_busy (error))
    return WRITE_WAITS;

  /* The step is done with before an older one takes the new row. */
  g_queue_pop_head (&self->undo);
  if (result == NULL)
    show_error (self, error);
  else
    {
      chain_undo (self, result);
      show_toast (self, step->deleted ? _("Expense restored") : _("Change undone"), FALSE);
    }

  undo_step_free (step);
  update_actions (self);
  return WRITE_DONE;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  queue_write (OUTLAY_WINDOW (widget), PENDING_UNDO, NULL);
}

/* The waiting writes are given up; each can be asked for again. */
static void
stop_waiting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  g_queue_clear_full (&self->pending, pending_write_free);
  self->undo_stopped = self->undoing != NULL;
  outlay_waiting_bar_stop (self->waiting_bar);
}

static void
on_waiting_gave_up_cb (OutlayWindow *self,
                       const GError *error)
{
  g_queue_clear_full (&self->pending, pending_write_free);
  self->undo_stopped = self->undoing != NULL;
  show_error (self, error);
}

/* A restored backup replaced the whole ledger: no step refers to what the
 * ledger now holds, and the restore itself is undone by another restore. */
static void
forget_undo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  g_queue_clear_full (&self->undo, undo_step_free);
  self->undo_generation++;
  update_actions (self);
}

static void
on_imported_cb (OutlayWindow       *self,
                OutlayImportWindow *window)
{
  g_autoptr (OutlayImportResult) result = outlay_import_window_steal_result (window);
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  UndoStep        *step;

  g_return_if_fail (result != NULL);

  title =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %'u expense", "Imported %'u expenses", result->n_added),
                     result->n_added);
  if (result->n_duplicates > 0)
    {
      g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u duplicate skipped",
                                                               "%'u duplicates skipped", result->n_duplicates),
                                                  result->n_duplicates);
      g_autofree char *both = g_strconcat (title, " · ", skipped, NULL);

      g_free (title);
      title = g_steal_pointer (&both);
    }

  /* The import made a backup first; old ones that stay are no reason to
   * bother the person. */
  backups = outlay_backups_new (outlay_repository_get_database (self->repository));
  if (!outlay_backups_prune (backups, g_settings_get_uint (self->settings, "backup-count"), &error))
    g_message ("Could not remove old backups: %s", error->message);

  outlay_expenses_page_show_filtered (OUTLAY_EXPENSES_PAGE (self->expenses_page), 0, NULL, NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "expenses");
  step = g_new0 (UndoStep, 1);
  step->import = g_steal_pointer (&result);
  push_undo_step (self, step);
  show_toast (self, title, TRUE);
}

static void
show_message (OutlayWindow *self,
              const char   *heading,
              const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The chooser's response handler frees it. */
static void
run_chooser (GtkWidget            *self,
             GtkFileChooserNative *chooser,
             GCallback             on_response)
{
  g_signal_connect_object (chooser, "response", on_response, self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_import_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (OutlayWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  OutlayImportWindow *window = outlay_import_window_load_finish (result, &error);

  if (window != NULL)
    {
      g_signal_connect_object (window, "imported", G_CALLBACK (on_imported_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_message (self, _("Cannot Import This File"), error->message);
}

static void
on_import_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     OutlayWindow    *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    outlay_window_import (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_chooser (widget, outlay_import_window_create_chooser (GTK_WINDOW (widget)), G_CALLBACK (on_import_chosen_cb));
}

/* The currency of what is new: the one chosen in Preferences, or the
 * ledger's. */
static char *
dup_currency (OutlayWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (OUTLAY_IS_APPLICATION (app))
    return outlay_application_dup_currency (OUTLAY_APPLICATION (app));
  return g_strdup (outlay_currency_for_locale ());
}

/* The editor of a recurring expense of the Recurring Expenses window, or
 * of a new one, over it. */
static void
open_recurring_editor (GtkWindow           *recurring,
                       OutlayRecurringRule *rule,
                       OutlayWindow        *self)
{
  g_autofree char *currency = dup_currency (self);

  gtk_window_present (GTK_WINDOW (outlay_recurring_editor_new (recurring, self->repository, rule, currency)));
}

static void
open_new_recurring_editor (GtkWindow    *recurring,
                           OutlayWindow *self)
{
  open_recurring_editor (recurring, NULL, self);
}

/* A recurring expense's editor, by its uuid. */
static void
edit_recurring_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OutlayWindow    *self = OUTLAY_WINDOW (widget);
  g_autofree char *currency = dup_currency (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayRecurringRule) rule =
    outlay_repository_get_recurring_rule (self->repository, g_variant_get_string (parameter, NULL), &error);

  if (rule == NULL)
    show_error (self, error);
  else
    gtk_window_present (GTK_WINDOW (outlay_recurring_editor_new (GTK_WINDOW (self), self->repository, rule, currency)));
}

static void
budgets_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  g_autofree char *currency = dup_currency (self);

  gtk_window_present (GTK_WINDOW (outlay_budgets_window_new (GTK_WINDOW (self), self->repository, currency)));
}

static void
recurring_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OutlayWindow          *self = OUTLAY_WINDOW (widget);
  OutlayRecurringWindow *recurring = outlay_recurring_window_new (GTK_WINDOW (self), self->repository);

  g_signal_connect_object (recurring, "new-rule", G_CALLBACK (open_new_recurring_editor), self, 0);
  g_signal_connect_object (recurring, "edit-rule", G_CALLBACK (open_recurring_editor), self, 0);
  g_signal_connect_object (self->recurring, "day-changed", G_CALLBACK (outlay_recurring_window_take_today), recurring,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (recurring));
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (OutlayWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  guint            n_written = 0;

  if (!outlay_export_job_run_finish (result, &n_written, &error))
    {
      show_message (self, _("Export Failed"), error->message);
      return;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'u expense", "Exported %'u expenses", n_written),
                           n_written);
  show_toast (self, title, FALSE);
}

static void
on_export_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     OutlayWindow    *self)
{
  g_autoptr (GFile) file = NULL;
  OutlayExportFormat format = OUTLAY_EXPORT_FORMAT_CSV;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        format = outlay_export_job_get_format (GTK_FILE_CHOOSER (chooser), file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    return;

  outlay_window_export (self, file, format);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_chooser (widget, outlay_export_job_create_chooser (GTK_WINDOW (widget)), G_CALLBACK (on_export_chosen_cb));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
on_page_saved_cb (OutlayWindow  *self,
                  OutlayExpense *before,
                  OutlayExpense *after)
{
  if (before != NULL)
    push_undo (self, before, after, FALSE);
  show_toast (self, before != NULL ? _("Expense saved") : _("Expense added"), before != NULL);
  /* An imported expense moved to another category: a rule for the next. */
  outlay_rule_offer_show (self->repository, before, after, self->toast_overlay);
}

static void
on_category_activated_cb (OutlayWindow *self,
                          gint64        category_id,
                          gboolean      own,
                          const char   *from,
                          const char   *to)
{
  if (own)
    outlay_expenses_page_show_own (OUTLAY_EXPENSES_PAGE (self->expenses_page), category_id, from, to);
  else
    outlay_expenses_page_show_filtered (OUTLAY_EXPENSES_PAGE (self->expenses_page), category_id, from, to);
  adw_view_stack_set_visible_child_name (self->view_stack, "expenses");
}

/* A budget's expenses of its period: of its categories, of its one, or
 * all of them. */
static void
on_budget_activated_cb (OutlayWindow *self,
                        OutlayBudget *budget,
                        const char   *from,
                        const char   *to)
{
  const char *const *uuids = outlay_budget_get_categories (budget);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *categories = outlay_repository_get_categories (self->repository);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      gint64 id = outlay_category_get_id (category);

      if (g_strv_contains (uuids, outlay_category_get_uuid (category)))
        g_array_append_val (ids, id);
    }

  outlay_expenses_page_show_categories (OUTLAY_EXPENSES_PAGE (self->expenses_page),
                                        (const gint64 *) (gpointer) ids->data, ids->len, from, to);
  adw_view_stack_set_visible_child_name (self->view_stack, "expenses");
}

static void
on_expense_activated_cb (OutlayWindow  *self,
                         OutlayExpense *expense)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "expenses");
  outlay_expenses_page_edit_expense (OUTLAY_EXPENSES_PAGE (self->expenses_page), expense);
}

static void
on_show_all_cb (OutlayWindow *self)
{
  outlay_expenses_page_show_filtered (OUTLAY_EXPENSES_PAGE (self->expenses_page), 0, NULL, NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "expenses");
}

static void
on_state_changed_cb (OutlayWindow *self)
{
  update_actions (self);
}

static void
on_currency_changed_cb (OutlayWindow *self)
{
  OutlayApplication *app = OUTLAY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char   *currency = NULL;

  if (app == NULL)
    return;

  currency = outlay_application_dup_currency (app);
  g_object_set (self->expenses_page, "currency", currency, NULL);
  g_object_set (self->dashboard_page, "currency", currency, NULL);
}

/* What the command line or another window writes shows here within a
 * second: a cheap PRAGMA data_version while nothing changed. */
static gboolean
watch_external_changes_cb (gpointer user_data)
{
  OutlayWindow *self = user_data;

  outlay_repository_check_external_changes (self->repository);

  return G_SOURCE_CONTINUE;
}

static gboolean
editing_to_visible (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_boolean (to, !g_value_get_boolean (from));
  return TRUE;
}

static void
on_restored_cb (OutlayWindow *self,
                const char   *what)
{
  g_autofree char *message = NULL;

  /* The lists show the restored content, and no step can be undone on
   * rows the restore replaced. */
  outlay_repository_reload (self->repository);
  g_queue_clear_full (&self->undo, undo_step_free);
  self->undo_generation++;
  update_actions (self);

  /* Translators: a toast after a restore, with the backup's date and time */
  message = what != NULL ? g_strdup_printf (_("Restored the backup from %s"), what)
                         : g_strdup (_("Now using the expenses saved from the damaged file"));
  show_toast (self, message, FALSE);
}

/* A damaged file shows what happened and the ways out instead of lists
 * that would be wrong; everything that writes is off until a restore. */
static void
on_damaged_changed_cb (OutlayWindow *self)
{
  OutlayDatabase *database = outlay_repository_get_database (self->repository);
  gboolean        damaged = outlay_database_is_damaged (database);

  if (damaged && self->damaged_page == NULL)
    {
      guint keep = MAX (g_settings_get_uint (self->settings, "backup-count"), 1);

      self->damaged_page = outlay_damaged_page_new (database, outlay_database_get_path (database), NULL, keep);
      g_signal_connect_object (self->damaged_page, "restored", G_CALLBACK (on_restored_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, self->damaged_page, "damaged");
      gtk_stack_set_visible_child (self->content_stack, self->damaged_page);
    }
  else if (!damaged && self->damaged_page != NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "ledger");
      gtk_stack_remove (self->content_stack, g_steal_pointer (&self->damaged_page));
    }
  else
    return;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !damaged);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), !damaged);
  update_actions (self);
}

/* The pages need the application's repository, which GtkWindow's
 * "application" property only brings after construction. */
static void
setup (OutlayWindow      *self,
       OutlayApplication *app)
{
  g_autofree char  *currency = NULL;
  AdwViewStackPage *page;

  self->repository = g_object_ref (outlay_application_get_repository (app));
  self->settings = g_object_ref (outlay_application_get_settings (app));
  currency = outlay_application_dup_currency (app);

  self->expenses_page = outlay_expenses_page_new (self->repository, currency);
  page = adw_view_stack_add_titled (self->view_stack, self->expenses_page, "expenses", _("Expenses"));
  adw_view_stack_page_set_icon_name (page, "outlay-receipt-symbolic");

  self->dashboard_page = outlay_dashboard_page_new (self->repository, currency);
  page = adw_view_stack_add_titled (self->view_stack, self->dashboard_page, "dashboard", _("Dashboard"));
  adw_view_stack_page_set_icon_name (page, "outlay-dashboard-symbolic");

  g_signal_connect_object (self->expenses_page, "saved", G_CALLBACK (on_page_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->expenses_page, "delete-requested", G_CALLBACK (confirm_delete), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dashboard_page, "budget-activated", G_CALLBACK (on_budget_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dashboard_page, "category-activated", G_CALLBACK (on_category_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dashboard_page, "expense-activated", G_CALLBACK (on_expense_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dashboard_page, "show-all", G_CALLBACK (on_show_all_cb), self, G_CONNECT_SWAPPED);

  /* On a phone the editor takes the whole window, its own header bar with
   * Cancel and Save at the top. */
  g_object_bind_property_full (self->expenses_page, "editing", self->header_bar, "visible",
                               G_BINDING_SYNC_CREATE, editing_to_visible, NULL, NULL, NULL);
  g_object_bind_property_full (self->expenses_page, "editing", self->switcher_bar, "visible",
                               G_BINDING_SYNC_CREATE, editing_to_visible, NULL, NULL, NULL);
  g_object_bind_property (self->switcher_title, "title-visible", self->switcher_bar, "reveal", G_BINDING_SYNC_CREATE);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-page", self->view_stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "dashboard-period", self->dashboard_page, "period", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::currency", G_CALLBACK (on_currency_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (on_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repository, "expenses-changed", G_CALLBACK (on_state_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->repository, "expenses-changed", G_CALLBACK (queue_alerts), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->repository, "budgets-changed", G_CALLBACK (queue_alerts), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->expenses_page, "notify::editing", G_CALLBACK (on_state_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->watch_id = g_timeout_add_seconds (1, watch_external_changes_cb, self);

  g_signal_connect_object (outlay_repository_get_database (self->repository), "notify::damaged",
                           G_CALLBACK (on_damaged_changed_cb), self, G_CONNECT_SWAPPED);
  on_damaged_changed_cb (self);
  update_actions (self);
  /* A threshold reached while the window was closed (by the command
   * line, or another device later) is told when it opens. */
  queue_alerts (self);

  /* What recurring expenses owe: now, and at each midnight. */
  self->recurring = outlay_recurring_runner_new (self->repository, GTK_WINDOW (self));
  /* What counts days from today moves on. */
  g_signal_connect_object (self->recurring, "day-changed", G_CALLBACK (outlay_dashboard_page_refresh),
                           self->dashboard_page, G_CONNECT_SWAPPED);
}

static void
outlay_window_dispose (GObject *object)
{
  OutlayWindow *self = OUTLAY_WINDOW (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_handle_id (&self->alerts_id, g_source_remove);
  g_clear_object (&self->recurring);

  /* libadwaita 1.2 warns when a switcher outlives its stack's pages. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  if (self->settings != NULL)
    g_settings_unbind (self->view_stack, "visible-child-name");
  if (self->expenses_page != NULL)
    adw_view_stack_remove (self->view_stack, g_steal_pointer (&self->expenses_page));
  if (self->dashboard_page != NULL)
    adw_view_stack_remove (self->view_stack, g_steal_pointer (&self->dashboard_page));

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_WINDOW);
  g_queue_clear_full (&self->undo, undo_step_free);
  g_queue_clear_full (&self->pending, pending_write_free);
  g_clear_weak_pointer (&self->undoing_toast);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->settings);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_window_parent_class)->dispose (object);
}

static void
outlay_window_class_init (OutlayWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/outlay-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, waiting_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_waiting_retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_waiting_gave_up_cb);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, switcher_bar);

  gtk_widget_class_install_action (widget_class, "win.new-expense", NULL, new_expense_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.delete-expense", NULL, delete_expense_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.forget-undo", NULL, forget_undo_action);
  gtk_widget_class_install_action (widget_class, "win.stop-waiting", NULL, stop_waiting_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.budgets", NULL, budgets_action);
  outlay_categories_window_add_action (widget_class);
  outlay_report_actions_add (widget_class);
  outlay_history_window_add_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.edit-recurring", "s", edit_recurring_action);
  gtk_widget_class_install_action (widget_class, "win.recurring", NULL, recurring_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-expense", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-page", "s", "expenses");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-page", "s", "dashboard");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "win.budgets", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.recurring", NULL);
}

static void
outlay_window_init (OutlayWindow *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->pending);
  g_type_ensure (OUTLAY_TYPE_WAITING_BAR);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * outlay_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer none): a new main window. Like every #GtkWindow, it is
 *   owned by GTK until it is destroyed.
 */
OutlayWindow *
outlay_window_new (OutlayApplication *application)
{
  OutlayWindow *self;

  g_return_val_if_fail (OUTLAY_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (outlay_application_get_repository (application) != NULL, NULL);

  self = g_object_new (OUTLAY_TYPE_WINDOW,
                       "application", application,
                       NULL);
  setup (self, application);

  return self;
}

/**
 * outlay_window_get_expenses_page:
 *
 * Returns: (transfer none): the Expenses page
 */
GtkWidget *
outlay_window_get_expenses_page (OutlayWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_WINDOW (self), NULL);

  return self->expenses_page;
}

/**
 * outlay_window_get_dashboard_page:
 *
 * Returns: (transfer none): the Dashboard page
 */
GtkWidget *
outlay_window_get_dashboard_page (OutlayWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_WINDOW (self), NULL);

  return self->dashboard_page;
}

/**
 * outlay_window_is_busy:
 *
 * Returns: whether the window takes back an import in the background
 */
gboolean
outlay_window_is_busy (OutlayWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_WINDOW (self), FALSE);

  return self->undoing != NULL;
}

/**
 * outlay_window_import:
 * @file: the file to import
 *
 * Reads @file and shows what importing it would do, in the import window;
 * a file that cannot be read at all gets a dialog with the reason.
 */
void
outlay_window_import (OutlayWindow *self,
                      GFile        *file)
{
  g_autofree char *currency = NULL;

  g_return_if_fail (OUTLAY_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  currency = outlay_application_dup_currency (OUTLAY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  outlay_import_window_load_async (GTK_WINDOW (self), self->repository, currency, file, NULL,
                                   on_import_loaded_cb, g_object_ref (self));
}

/**
 * outlay_window_export:
 * @file: where to write
 * @format: CSV or Outlay's JSON
 *
 * Exports what the list shows, or every expense when it shows them all,
 * and says how many when it is done.
 */
void
outlay_window_export (OutlayWindow      *self,
                      GFile             *file,
                      OutlayExportFormat format)
{
  OutlayExpenseModel *model;
  const OutlayQuery  *query;
  guint               n_categories = 0;

  g_return_if_fail (OUTLAY_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  model = outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (self->expenses_page));
  query = outlay_expense_model_get_query (model);
  outlay_query_get_categories (query, &n_categories);
  if (outlay_query_get_text (query) == NULL && n_categories == 0 &&
      outlay_query_get_date_from (query) == NULL && outlay_query_get_date_to (query) == NULL)
    query = NULL;

  outlay_export_job_run_async (self->repository, query, format, file, NULL, on_exported_cb, g_object_ref (self));
}

/**
 * outlay_window_get_recurring_runner:
 *
 * Returns: (transfer none): what writes the recurring expenses' due
 *   occurrences while the window is open
 */
OutlayRecurringRunner *
outlay_window_get_recurring_runner (OutlayWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_WINDOW (self), NULL);

  return self->recurring;
}

/**
 * outlay_window_push_undo:
 * @title: the toast that offers Undo
 * @undone: the toast once it is undone
 * @take_back: what Undo does; it may fail with %OUTLAY_DATABASE_ERROR_BUSY,
 *   and is then tried again when the other program is done
 * @data: (transfer full): for @take_back
 *
 * Offers Undo of a change made outside the window's own steps: one toast,
 * and the change taken back by Ctrl+Z or the toast's button.
 */
void
outlay_window_push_undo (OutlayWindow  *self,
                         const char    *title,
                         const char    *undone,
                         OutlayUndoFunc take_back,
                         gpointer       data,
                         GDestroyNotify destroy_data)
{
  UndoStep *step;

  g_return_if_fail (OUTLAY_IS_WINDOW (self));
  g_return_if_fail (title != NULL && undone != NULL && take_back != NULL);

  step = g_new0 (UndoStep, 1);
  step->take_back = take_back;
  step->data = data;
  step->destroy_data = destroy_data;
  step->undone = g_strdup (undone);
  push_undo_step (self, step);
  show_toast (self, title, TRUE);
}

/**
 * outlay_window_show_error:
 * @error: why a change was not made
 *
 * Says @error in a toast that stays until it is dismissed, as the window
 * does for its own changes.
 */
void
outlay_window_show_error (OutlayWindow *self,
                          const GError *error)
{
  g_return_if_fail (OUTLAY_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  show_error (self, error);
}
