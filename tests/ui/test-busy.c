/* test-busy.c
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

/* Another program holds the ledger (a write transaction of a connection
 * of the test's own, as `sqlite3` or a long `outlay import` would hold it):
 * the window goes on drawing, says that it waits, keeps what was typed and
 * writes once the other program has finished — or not, when the person
 * stops waiting. Runs under xvfb-run when there is no display. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-backups.h"
#include "outlay-dashboard-page.h"
#include "outlay-expense-editor.h"
#include "outlay-expense-row.h"
#include "outlay-expenses-page.h"
#include "outlay-import-window.h"
#include "outlay-preferences-window.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"
#include "outlay-waiting-bar.h"
#include "outlay-window.h"

/* The longest a try of a write may keep the main loop: it gives way after
 * about a frame. Waiting inside SQLite, as before, took 5,000 ms. */
#define MAX_ATTEMPT_MS 200

/* The longest the main loop may stop at all meanwhile: that includes
 * frames of the whole window drawn in software under Xvfb, which take
 * 100 ms and more on a loaded machine, so the limit is looser. */
#define MAX_STALL_MS 1000

static OutlayApplication *app;
static char              *database_dir;
static char              *database_path;

static guint
stall_meter_stop (OutlayUiTestStallMeter *meter)
{
  guint longest = outlay_ui_test_stall_meter_stop (meter);

  g_test_message ("longest main loop stall: %u ms", longest);
  return longest;
}

/* The longest run of one signal emission on one object: how long a try of
 * the write kept the main loop. The emission hook runs before the
 * handlers, the handler connected after them last. */
typedef struct
{
  gpointer instance;
  gulong   hook_id;
  guint    signal_id;
  gulong   handler_id;
  gint64   started;
  gint64   longest;
  guint    count;
} AttemptMeter;

static gboolean
attempt_started_cb (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  AttemptMeter *meter = user_data;

  if (g_value_get_object (&params[0]) == meter->instance)
    meter->started = g_get_monotonic_time ();

  return TRUE;
}

static void
attempt_ended_cb (gpointer      instance,
                  AttemptMeter *meter)
{
  meter->longest = MAX (meter->longest, g_get_monotonic_time () - meter->started);
  meter->count++;
}

static void
attempt_meter_start (AttemptMeter *meter,
                     gpointer      instance,
                     const char   *signal)
{
  meter->instance = instance;
  meter->signal_id = g_signal_lookup (signal, G_OBJECT_TYPE (instance));
  meter->hook_id = g_signal_add_emission_hook (meter->signal_id, 0, attempt_started_cb, meter, NULL);
  meter->handler_id = g_signal_connect_after (instance, signal, G_CALLBACK (attempt_ended_cb), meter);
}

static guint
attempt_meter_stop (AttemptMeter *meter,
                    const char   *what)
{
  g_signal_remove_emission_hook (meter->signal_id, meter->hook_id);
  g_clear_signal_handler (&meter->handler_id, meter->instance);
  g_test_message ("%s: %u times, the longest %u ms", what, meter->count, (guint) (meter->longest / 1000));

  return (guint) (meter->longest / 1000);
}

static sqlite3 *
hold_ledger (void)
{
  return outlay_test_hold_ledger (database_path);
}

/* What is stored, read by a connection of its own. */
static gint64
query_int (const char *sql)
{
  sqlite3 *db = NULL;
  gint64   value;

  g_assert_cmpint (sqlite3_open (database_path, &db), ==, SQLITE_OK);
  value = outlay_test_query_int (db, sql);
  sqlite3_close (db);

  return value;
}

static OutlayWindow *
open_window (int width,
             int height)
{
  return outlay_ui_test_open_window (app, width, height);
}

static void
destroy_window (OutlayWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static GtkWidget *
get_editor (OutlayWindow *window)
{
  return outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (outlay_window_get_expenses_page (window)));
}

static void
type_into (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = outlay_ui_test_find (root, outlay_ui_test_is_entry_row, row_title);

  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
text_of (GtkWidget  *root,
         const char *row_title)
{
  GtkWidget *row = outlay_ui_test_find (root, outlay_ui_test_is_entry_row, row_title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* A new expense typed into the editor, not saved yet; on a phone the
 * editor slides in first. */
static void
type_new_expense (OutlayWindow *window,
                  const char   *amount,
                  const char   *description)
{
  GtkWidget *editor = get_editor (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-expense", NULL);
  outlay_ui_test_wait_ms (400);
  outlay_ui_test_settle (GTK_WIDGET (window));
  type_into (editor, "Amount", amount);
  type_into (editor, "Description", description);
  outlay_ui_test_settle (GTK_WIDGET (window));
}

static void
click (GtkWidget  *root,
       const char *label)
{
  outlay_ui_test_click (outlay_ui_test_find (root, outlay_ui_test_is_button, label));
}

/* The waiting bar below @root, which shows, with its message and a Stop
 * Waiting button a person can use. */
static OutlayWaitingBar *
assert_waiting (GtkWidget  *root,
                const char *message)
{
  OutlayWaitingBar *bar = OUTLAY_WAITING_BAR (outlay_ui_test_find_of_type (root, OUTLAY_TYPE_WAITING_BAR));
  GtkWidget        *stop;

  g_assert_true (outlay_waiting_bar_get_waiting (bar));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (bar), outlay_ui_test_is_label, message));
  stop = outlay_ui_test_find (GTK_WIDGET (bar), outlay_ui_test_is_button, "_Stop Waiting");
  g_assert_nonnull (stop);
  g_assert_true (gtk_widget_is_sensitive (stop));
  g_assert_true (gtk_widget_is_drawable (stop));

  return bar;
}

static void
assert_not_waiting (GtkWidget *root)
{
  g_assert_false (outlay_waiting_bar_get_waiting (
    OUTLAY_WAITING_BAR (outlay_ui_test_find_of_type (root, OUTLAY_TYPE_WAITING_BAR))));
}

/* Runs the main loop until @done holds, for at most five seconds. */
static gboolean
wait_until (gboolean (*done) (gpointer data),
            gpointer data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return done (data);
}

static gboolean
bar_shows (gpointer data)
{
  OutlayWaitingBar *bar = OUTLAY_WAITING_BAR (outlay_ui_test_find_of_type (GTK_WIDGET (data), OUTLAY_TYPE_WAITING_BAR));

  return outlay_waiting_bar_get_waiting (bar) && gtk_widget_get_mapped (GTK_WIDGET (bar));
}

/* Until a wait that a worker thread reports shows under @root, and a frame
 * more for the bar to slide in. The spinner asks for a frame after frame,
 * so the main context never runs dry as outlay_ui_test_settle() waits for. */
static void
wait_for_waiting (GtkWidget *root)
{
  g_assert_true (wait_until (bar_shows, root));
  outlay_ui_test_wait_ms (300);
  gtk_test_widget_wait_for_draw (root);
}

static gboolean
editor_is_done_waiting (gpointer data)
{
  return !outlay_expense_editor_get_waiting (OUTLAY_EXPENSE_EDITOR (data));
}

static gboolean
window_is_done_waiting (gpointer data)
{
  return !outlay_waiting_bar_get_waiting (
    OUTLAY_WAITING_BAR (outlay_ui_test_find_of_type (GTK_WIDGET (data), OUTLAY_TYPE_WAITING_BAR)));
}

#define EDITOR_MESSAGE \
  "Another program is changing the ledger. This expense will be saved as soon as it has finished."

static void
on_saved_cb (OutlayExpenseEditor *editor,
             OutlayExpense       *before,
             OutlayExpense       *after,
             gboolean             add_another,
             guint               *n_saved)
{
  (*n_saved)++;
}

/* Save while another program writes: no freeze, the editor says it
 * waits, what was typed stays and can still be changed; once the other
 * program is done the expense is saved as a save always is. */
static void
test_save_waits (void)
{
  OutlayWindow          *window = open_window (1200, 800);
  GtkWidget             *editor = get_editor (window);
  GtkWidget             *note;
  GtkWidget             *save;
  OutlayUiTestStallMeter meter = { 0 };
  AttemptMeter           first = { 0 };
  AttemptMeter           retries = { 0 };
  sqlite3               *other;
  gint64                 n_before = query_int ("SELECT count(*) FROM expenses");
  guint                  n_saved = 0;
  guint                  stall;

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), &n_saved);
  type_new_expense (window, "7.30", "Coffee while the ledger is held");

  other = hold_ledger ();
  save = outlay_ui_test_find (editor, outlay_ui_test_is_button, "_Save");
  attempt_meter_start (&first, save, "clicked");
  attempt_meter_start (&retries, outlay_ui_test_find_of_type (editor, OUTLAY_TYPE_WAITING_BAR), "retry");
  outlay_ui_test_stall_meter_start (&meter);
  outlay_ui_test_click (save);
  outlay_ui_test_wait_ms (1000);

  assert_waiting (editor, EDITOR_MESSAGE);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpstr (text_of (editor, "Amount"), ==, "7.30");
  g_assert_cmpstr (text_of (editor, "Description"), ==, "Coffee while the ledger is held");
  g_assert_cmpuint (n_saved, ==, 0);

  /* Typing goes on while it waits, and counts. */
  note = outlay_ui_test_find (editor, outlay_ui_test_is_of_type, "GtkTextView");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (note)), "Typed while waiting", -1);
  outlay_ui_test_wait_ms (700);
  stall = stall_meter_stop (&meter);
  g_assert_cmpuint (attempt_meter_stop (&first, "save"), <, MAX_ATTEMPT_MS);
  g_assert_cmpuint (first.count, ==, 1);
  g_assert_cmpuint (attempt_meter_stop (&retries, "tries again"), <, MAX_ATTEMPT_MS);
  g_assert_cmpuint (retries.count, >=, 3);
  g_assert_cmpuint (stall, <, MAX_STALL_MS);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses"), ==, n_before);

  outlay_test_release_ledger (other);
  g_assert_true (wait_until (editor_is_done_waiting, editor));
  outlay_ui_test_settle (GTK_WIDGET (window));
  assert_not_waiting (editor);
  g_assert_cmpuint (n_saved, ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses"), ==, n_before + 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses WHERE description = 'Coffee while the ledger is held' "
                              "AND amount = 730 AND note = 'Typed while waiting'"),
                   ==, 1);

  /* As after any save: the list has it. */
  g_assert_nonnull (outlay_ui_test_find (outlay_window_get_expenses_page (window), outlay_ui_test_is_label,
                                         "Coffee while the ledger is held"));

  destroy_window (window);
}

/* A new expense typed and saved while another program holds the ledger,
 * which the test lets go of with outlay_test_release_ledger(). */
static sqlite3 *
save_while_held (OutlayWindow *window,
                 const char   *amount,
                 const char   *description,
                 guint        *n_saved)
{
  GtkWidget *editor = get_editor (window);
  sqlite3   *other;

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), n_saved);
  type_new_expense (window, amount, description);

  other = hold_ledger ();
  click (editor, "_Save");
  outlay_ui_test_wait_ms (400);
  assert_waiting (editor, EDITOR_MESSAGE);

  return other;
}

/* Stop Waiting gives the save up and leaves the form as typed; nothing is
 * written once the other program has finished. */
static void
test_stop_waiting (void)
{
  OutlayWindow *window = open_window (1200, 800);
  GtkWidget    *editor = get_editor (window);
  sqlite3      *other;
  gint64        n_before = query_int ("SELECT count(*) FROM expenses");
  guint         n_saved = 0;

  other = save_while_held (window, "3", "Given up", &n_saved);
  click (editor, "_Stop Waiting");
  outlay_ui_test_settle (GTK_WIDGET (window));
  assert_not_waiting (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpstr (text_of (editor, "Amount"), ==, "3");
  g_assert_cmpstr (text_of (editor, "Description"), ==, "Given up");

  outlay_test_release_ledger (other);
  outlay_ui_test_wait_ms (1000);
  g_assert_cmpuint (n_saved, ==, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses"), ==, n_before);
  g_assert_cmpstr (text_of (editor, "Description"), ==, "Given up");

  /* Save works again as ever. */
  click (editor, "_Save");
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (n_saved, ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses"), ==, n_before + 1);

  destroy_window (window);
}

static gboolean
error_shows (gpointer data)
{
  return outlay_ui_test_find (GTK_WIDGET (data), outlay_ui_test_is_label,
                              "Outlay stopped waiting after 1 second: another program is still changing the "
                              "ledger. Nothing was changed; try again when it has finished.") != NULL;
}

/* A wait ends some time: the save is given up with a message that says
 * why, the form stays as typed and nothing is written. */
static void
test_gives_up (void)
{
  OutlayWindow *window = open_window (360, 720);
  GtkWidget    *editor = get_editor (window);
  GObject      *error_revealer;
  sqlite3      *other;
  gint64        n_before = query_int ("SELECT count(*) FROM expenses");
  guint         n_saved = 0;

  other = save_while_held (window, "12.40", "Not given up on", &n_saved);
  g_object_set (outlay_ui_test_find_of_type (editor, OUTLAY_TYPE_WAITING_BAR), "give-up", 1, NULL);
  g_assert_true (wait_until (editor_is_done_waiting, editor));
  g_assert_true (wait_until (error_shows, editor));
  error_revealer = gtk_widget_get_template_child (editor, OUTLAY_TYPE_EXPENSE_EDITOR, "error_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
  g_assert_cmpstr (text_of (editor, "Amount"), ==, "12.40");
  g_assert_cmpstr (text_of (editor, "Description"), ==, "Not given up on");
  g_assert_cmpuint (n_saved, ==, 0);

  /* No try after it gave up. */
  outlay_test_release_ledger (other);
  outlay_ui_test_wait_ms (700);
  g_assert_cmpuint (n_saved, ==, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses"), ==, n_before);

  click (editor, "_Save");
  outlay_ui_test_wait_ms (300);
  g_assert_cmpuint (n_saved, ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses"), ==, n_before + 1);

  destroy_window (window);
}

/* An expense of the window's repository, as if added long ago. */
static OutlayExpense *
add_expense (const char *description,
             gint64      amount)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (GError) error = NULL;
  OutlayExpense *stored;

  draft = outlay_test_draft (amount, "EUR", "2026-01-15", description, outlay_test_category_at (repository, 0));
  stored = outlay_repository_add_expense (repository, draft, &error);
  g_assert_no_error (error);

  return stored;
}

#define DELETE_MESSAGE \
  "Another program is changing the ledger. The expense will be deleted as soon as it has finished."
#define UNDO_MESSAGE \
  "Another program is changing the ledger. The last change will be undone as soon as it has finished."

/* An edit waits as a new expense does; then its Undo, and a delete and its
 * Undo, each wait in the window, in order, and happen once the other
 * program has finished. */
static void
test_edit_delete_undo_wait (void)
{
  g_autoptr (OutlayExpense) stored = add_expense ("Train ticket", 4200);
  OutlayWindow    *window = open_window (1200, 800);
  GtkWidget       *page = outlay_window_get_expenses_page (window);
  GtkWidget       *editor = get_editor (window);
  gint64           id = outlay_expense_get_id (stored);
  g_autofree char *amount_sql = g_strdup_printf ("SELECT amount FROM expenses WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *deleted_sql =
    g_strdup_printf ("SELECT deleted_at IS NOT NULL FROM expenses WHERE id = %" G_GINT64_FORMAT, id);
  OutlayUiTestStallMeter meter = { 0 };
  GtkWindow             *dialog;
  sqlite3               *other;

  outlay_expenses_page_edit_expense (OUTLAY_EXPENSES_PAGE (page), stored);
  outlay_ui_test_settle (GTK_WIDGET (window));
  type_into (editor, "Amount", "45");
  outlay_ui_test_settle (GTK_WIDGET (window));

  other = hold_ledger ();
  click (editor, "_Save");
  outlay_ui_test_wait_ms (400);
  assert_waiting (editor, EDITOR_MESSAGE);
  g_assert_cmpint (query_int (amount_sql), ==, 4200);
  outlay_test_release_ledger (other);
  g_assert_true (wait_until (editor_is_done_waiting, editor));
  g_assert_cmpint (query_int (amount_sql), ==, 4500);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));

  /* Undo of the edit waits in the window. */
  other = hold_ledger ();
  outlay_ui_test_stall_meter_start (&meter);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  outlay_ui_test_wait_ms (400);
  assert_waiting (GTK_WIDGET (window), UNDO_MESSAGE);
  g_assert_cmpint (query_int (amount_sql), ==, 4500);
  outlay_test_release_ledger (other);
  g_assert_true (wait_until (window_is_done_waiting, window));
  g_assert_cmpuint (stall_meter_stop (&meter), <, MAX_STALL_MS);
  g_assert_cmpint (query_int (amount_sql), ==, 4200);

  /* A delete, confirmed, waits; Undo pressed meanwhile waits behind it. */
  outlay_ui_test_settle (GTK_WIDGET (window));
  other = hold_ledger ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-expense", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  dialog = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  click (GTK_WIDGET (dialog), "_Delete");
  outlay_ui_test_wait_ms (400);
  assert_waiting (GTK_WIDGET (window), DELETE_MESSAGE);
  g_assert_cmpint (query_int (deleted_sql), ==, 0);

  outlay_test_release_ledger (other);
  g_assert_true (wait_until (window_is_done_waiting, window));
  g_assert_cmpint (query_int (deleted_sql), ==, 1);

  /* Stop Waiting gives up a waiting undo: the expense stays deleted, and
   * the undo can be asked for again. */
  other = hold_ledger ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  outlay_ui_test_wait_ms (400);
  assert_waiting (GTK_WIDGET (window), UNDO_MESSAGE);
  click (GTK_WIDGET (window), "_Stop Waiting");
  outlay_ui_test_settle (GTK_WIDGET (window));
  assert_not_waiting (GTK_WIDGET (window));
  outlay_test_release_ledger (other);
  outlay_ui_test_wait_ms (700);
  g_assert_cmpint (query_int (deleted_sql), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpint (query_int (deleted_sql), ==, 0);

  destroy_window (window);
}

/* After a long wait the bar says how to find the other program: here it
 * is this very process, which the kernel does not tell apart, so by what
 * kind of program it may be. */
static void
test_long_wait (void)
{
  OutlayWindow     *window = open_window (360, 720);
  GtkWidget        *editor = get_editor (window);
  OutlayWaitingBar *bar;
  sqlite3          *other;

  type_new_expense (window, "1", "Patience");

  other = hold_ledger ();
  click (editor, "_Save");
  outlay_ui_test_wait_ms (400);
  bar = assert_waiting (editor, EDITOR_MESSAGE);
  g_object_set (bar, "long-wait", 1, NULL);
  outlay_ui_test_wait_ms (1500);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (bar), outlay_ui_test_is_label_containing,
                                         "Another program has been changing the ledger for over 1 second. "
                                         "Outlay keeps waiting; close it if it is stuck: another Outlay, an “outlay” "
                                         "command or a database tool."));

  /* Nothing of it is cut off on a phone. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (gtk_widget_is_drawable (
    outlay_ui_test_find (GTK_WIDGET (bar), outlay_ui_test_is_button, "_Stop Waiting")));

  outlay_test_release_ledger (other);
  g_assert_true (wait_until (editor_is_done_waiting, editor));

  destroy_window (window);
}

/* While another program writes, the window reads on: the list filters
 * and the dashboard adds up what is committed. */
static void
test_reads_go_on (void)
{
  g_autoptr (OutlayExpense) stored = add_expense ("Readable while held", 1234);
  OutlayWindow          *window = open_window (1200, 800);
  GtkWidget             *page = outlay_window_get_expenses_page (window);
  GtkWidget             *search;
  OutlayUiTestStallMeter meter = { 0 };
  sqlite3               *other = hold_ledger ();

  outlay_test_exec (other, "UPDATE expenses SET description = 'Not committed' "
                           "WHERE description = 'Readable while held'");

  outlay_ui_test_stall_meter_start (&meter);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  search = outlay_ui_test_find (page, outlay_ui_test_is_of_type, "GtkSearchEntry");
  gtk_editable_set_text (GTK_EDITABLE (search), "readable");
  outlay_ui_test_wait_ms (500);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "Readable while held"));
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "1 matching expense"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  outlay_ui_test_settle (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "expenses");
  outlay_ui_test_settle (GTK_WIDGET (window));
  /* Opening the Dashboard builds and draws its charts: a longer frame. */
  g_assert_cmpuint (stall_meter_stop (&meter), <, MAX_STALL_MS * 2);

  outlay_test_release_ledger (other);
  destroy_window (window);
}

static guint
count_backups (void)
{
  g_autoptr (OutlayBackups) backups =
    outlay_backups_new (outlay_repository_get_database (outlay_application_get_repository (app)));
  g_autoptr (GPtrArray) list = outlay_backups_list (backups, NULL);

  g_assert_nonnull (list);
  return list->len;
}

static gboolean
window_is_not_busy (gpointer data)
{
  return !outlay_window_is_busy (OUTLAY_WINDOW (data));
}

static gboolean
has_n_expenses (gpointer data)
{
  return query_int ("SELECT count(*) FROM expenses WHERE deleted_at IS NULL") == GPOINTER_TO_INT (data);
}

/* Rows, deleted or not: an undone import takes its rows out. */
static gboolean
has_n_rows (gpointer data)
{
  return query_int ("SELECT count(*) FROM expenses") == GPOINTER_TO_INT (data);
}

static gboolean
import_is_done (gpointer data)
{
  return !outlay_import_window_is_busy (OUTLAY_IMPORT_WINDOW (data));
}

static gboolean
import_is_closed (gpointer data)
{
  return outlay_ui_test_find_toplevel (OUTLAY_TYPE_IMPORT_WINDOW) == NULL;
}

#define IMPORT_MESSAGE \
  "Another program is changing the ledger. The import will start as soon as it has finished."

/* The import, in its worker, waits too: no backup piles up meanwhile, Stop
 * Waiting leaves the plan to import later, and once the other program has
 * finished the import goes through. */
static void
test_import_waits (void)
{
  OutlayWindow    *window = open_window (1200, 800);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "bank.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  gint64     n_before = query_int ("SELECT count(*) FROM expenses");
  guint      n_backups = count_backups ();
  GtkWindow *import;
  sqlite3   *other;

  outlay_window_import (window, file);
  while ((import = outlay_ui_test_find_toplevel (OUTLAY_TYPE_IMPORT_WINDOW)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_ref (import);
  g_assert_true (wait_until (import_is_done, import));
  outlay_ui_test_settle (GTK_WIDGET (import));

  other = hold_ledger ();
  click (GTK_WIDGET (import), "_Import");
  wait_for_waiting (GTK_WIDGET (import));
  assert_waiting (GTK_WIDGET (import), IMPORT_MESSAGE);
  g_assert_true (outlay_import_window_is_busy (OUTLAY_IMPORT_WINDOW (import)));
  g_assert_cmpuint (count_backups (), ==, n_backups);

  click (GTK_WIDGET (import), "_Stop Waiting");
  g_assert_true (wait_until (import_is_done, import));
  outlay_ui_test_settle (GTK_WIDGET (import));
  assert_not_waiting (GTK_WIDGET (import));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (import)));
  g_assert_true (gtk_widget_is_sensitive (outlay_ui_test_find (GTK_WIDGET (import), outlay_ui_test_is_button,
                                                               "_Import")));
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses"), ==, n_before);
  g_assert_cmpuint (count_backups (), ==, n_backups);

  click (GTK_WIDGET (import), "_Import");
  wait_for_waiting (GTK_WIDGET (import));
  assert_waiting (GTK_WIDGET (import), IMPORT_MESSAGE);
  outlay_test_release_ledger (other);
  g_assert_true (wait_until (import_is_closed, NULL));
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_finalize_object (import);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses"), ==, n_before + 3);
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), outlay_ui_test_is_label, "Imported 3 expenses"));

  /* Its undo, in a worker of the window, waits as well; Stop Waiting
   * gives it up and leaves it to be asked for again. */
  other = hold_ledger ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (outlay_window_is_busy (window));
  wait_for_waiting (GTK_WIDGET (window));
  assert_waiting (GTK_WIDGET (window), UNDO_MESSAGE);
  click (GTK_WIDGET (window), "_Stop Waiting");
  g_assert_true (wait_until (window_is_not_busy, window));
  outlay_ui_test_settle (GTK_WIDGET (window));
  assert_not_waiting (GTK_WIDGET (window));
  outlay_test_release_ledger (other);
  outlay_ui_test_wait_ms (700);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses"), ==, n_before + 3);

  /* Asked for again while held, it goes through once the other program
   * has finished. */
  other = hold_ledger ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_for_waiting (GTK_WIDGET (window));
  assert_waiting (GTK_WIDGET (window), UNDO_MESSAGE);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses"), ==, n_before + 3);
  outlay_test_release_ledger (other);
  g_assert_true (wait_until (has_n_rows, GINT_TO_POINTER ((int) n_before)));
  g_assert_true (wait_until (window_is_not_busy, window));
  g_assert_true (wait_until (window_is_done_waiting, window));
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), outlay_ui_test_is_label, "Import undone"));

  destroy_window (window);
}

static gboolean
preferences_is_done_waiting (gpointer data)
{
  OutlayWaitingBar *bar = OUTLAY_WAITING_BAR (outlay_ui_test_find_of_type (GTK_WIDGET (data), OUTLAY_TYPE_WAITING_BAR));

  return !outlay_waiting_bar_get_waiting (bar);
}

static void
show_backups_page (GtkWindow *preferences)
{
  GtkWidget *row = outlay_ui_test_find (GTK_WIDGET (preferences), outlay_ui_test_is_row, "Backups to _Keep");

  g_assert_nonnull (row);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (row,
                                                                                          ADW_TYPE_PREFERENCES_PAGE)));
  outlay_ui_test_settle (GTK_WIDGET (preferences));
}

static void
respond_to_restore (GtkWindow *preferences)
{
  GtkWindow *dialog;

  click (GTK_WIDGET (preferences), "_Restore…");
  outlay_ui_test_settle (GTK_WIDGET (preferences));
  dialog = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
}

#define RESTORE_MESSAGE \
  "Another program is changing the ledger. The backup will be restored as soon as it has finished."

/* A restore from Preferences waits as well, can be given up, and goes
 * through once the other program has finished. */
static void
test_restore_waits (void)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayBackups) backups = outlay_backups_new (outlay_repository_get_database (repository));
  g_autoptr (OutlayExpense) later = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = NULL;
  OutlayWindow    *window = open_window (1200, 800);
  GtkWindow       *preferences;
  sqlite3         *other;
  gint64           n_saved;

  /* One backup only, of the ledger as it is now; then one more expense. */
  {
    g_autoptr (GPtrArray) list = outlay_backups_list (backups, NULL);

    for (guint i = 0; list != NULL && i < list->len; i++)
      g_assert_cmpint (g_unlink (((OutlayBackupInfo *) g_ptr_array_index (list, i))->path), ==, 0);
  }
  n_saved = query_int ("SELECT count(*) FROM expenses WHERE deleted_at IS NULL");
  backup = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  later = add_expense ("After the backup", 100);

  preferences = GTK_WINDOW (g_object_ref (outlay_preferences_window_new (app)));
  gtk_window_set_transient_for (preferences, GTK_WINDOW (window));
  gtk_window_present (preferences);
  outlay_ui_test_settle (GTK_WIDGET (preferences));
  show_backups_page (preferences);

  other = hold_ledger ();
  respond_to_restore (preferences);
  wait_for_waiting (GTK_WIDGET (preferences));
  assert_waiting (GTK_WIDGET (preferences), RESTORE_MESSAGE);
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses WHERE deleted_at IS NULL"), ==, n_saved + 1);

  /* Given up: nothing restored, the list usable again. */
  click (GTK_WIDGET (preferences), "_Stop Waiting");
  outlay_ui_test_wait_ms (700);
  assert_not_waiting (GTK_WIDGET (preferences));
  g_assert_true (gtk_widget_is_sensitive (
    outlay_ui_test_find (GTK_WIDGET (preferences), outlay_ui_test_is_button, "_Restore…")));
  g_assert_cmpint (query_int ("SELECT count(*) FROM expenses WHERE deleted_at IS NULL"), ==, n_saved + 1);

  /* Again; once the other program has finished, the backup is back. */
  respond_to_restore (preferences);
  wait_for_waiting (GTK_WIDGET (preferences));
  assert_waiting (GTK_WIDGET (preferences), RESTORE_MESSAGE);
  outlay_test_release_ledger (other);
  g_assert_true (wait_until (preferences_is_done_waiting, preferences));
  g_assert_true (wait_until (has_n_expenses, GINT_TO_POINTER ((int) n_saved)));

  gtk_window_destroy (preferences);
  g_assert_finalize_object (preferences);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  app = outlay_ui_test_register_application ("outlay-busy-XXXXXX", &database_dir, &database_path);

  g_test_add_func ("/busy/save-waits", test_save_waits);
  g_test_add_func ("/busy/stop-waiting", test_stop_waiting);
  g_test_add_func ("/busy/edit-delete-undo-wait", test_edit_delete_undo_wait);
  g_test_add_func ("/busy/long-wait", test_long_wait);
  g_test_add_func ("/busy/gives-up", test_gives_up);
  g_test_add_func ("/busy/reads-go-on", test_reads_go_on);
  g_test_add_func ("/busy/import-waits", test_import_waits);
  g_test_add_func ("/busy/restore-waits", test_restore_waits);

  ret = g_test_run ();

  g_object_unref (app);
  outlay_test_remove_tree (database_dir);
  g_free (database_dir);
  g_free (database_path);

  return ret;
}
