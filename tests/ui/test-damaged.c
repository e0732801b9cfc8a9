/* test-damaged.c
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

/* The window when the ledger is damaged: the lists give way to what
 * happened and the ways out, nothing writes, and restoring the newest good
 * backup brings the lists back with its content. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-backups.h"
#include "outlay-damaged-page.h"
#include "outlay-recurring-window.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"
#include "outlay-window.h"

static OutlayApplication *app;
static char              *database_dir;

static OutlayRepository *
repository (void)
{
  return outlay_application_get_repository (app);
}

static OutlayDatabase *
database (void)
{
  return outlay_repository_get_database (repository ());
}

static gboolean
is_damaged_page (GtkWidget  *widget,
                 const char *unused)
{
  return OUTLAY_IS_DAMAGED_PAGE (widget) && gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_damaged_page (GtkWindow *window)
{
  return outlay_ui_test_find (GTK_WIDGET (window), is_damaged_page, NULL);
}

static gboolean
is_editing (GtkWindow *window)
{
  gboolean editing = FALSE;

  g_object_get (outlay_window_get_expenses_page (OUTLAY_WINDOW (window)), "editing", &editing, NULL);
  return editing;
}

/* Waits for an asynchronous restore, at most @seconds. */
static void
wait_until_healed (guint seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (outlay_database_is_damaged (database ()) && g_get_monotonic_time () < end)
    outlay_ui_test_wait_ms (20);
}

static void
test_damaged_window (void)
{
  g_autoptr (OutlayBackups) backups = outlay_backups_new (database ());
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *heading = NULL;
  GtkWindow *window;
  GtkWidget *page;
  GtkWidget *restore_row;
  GtkWidget *salvage_row;
  GtkWindow *dialog;
  GtkWidget *new_button;
  const char *subtitle;
  int         minimum = 0;

  outlay_ui_test_add_expense (repository (), "Coffee");
  outlay_ui_test_add_expense (repository (), "Bus ticket");
  backup = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_DAILY, &error);
  g_assert_no_error (error);
  outlay_ui_test_add_expense (repository (), "Cinema");
  g_assert_cmpuint (outlay_ui_test_count_expenses (repository ()), ==, 3);

  window = g_object_ref (GTK_WINDOW (outlay_window_new (app)));
  gtk_window_set_default_size (window, 360, 640);
  gtk_window_present (window);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_null (find_damaged_page (window));

  /* Damage found while the window is open, as a read or a check finds it. */
  outlay_database_mark_damaged (database ());
  outlay_ui_test_settle (GTK_WIDGET (window));

  page = find_damaged_page (window);
  g_assert_nonnull (page);
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_status_page, "Your Expenses File Is Damaged"));

  /* Nothing that writes is offered. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-expense", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_false (is_editing (window));
  new_button = outlay_ui_test_find (GTK_WIDGET (window), outlay_ui_test_is_button, "New Expense");
  g_assert_true (new_button == NULL || !gtk_widget_get_mapped (new_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.recurring", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_null (outlay_ui_test_find_toplevel (OUTLAY_TYPE_RECURRING_WINDOW));

  /* The newest good backup, with what it holds. */
  restore_row = outlay_ui_test_find (page, outlay_ui_test_is_row, "_Restore the Newest Good Backup");
  salvage_row = outlay_ui_test_find (page, outlay_ui_test_is_row, "_Save What Can Be Read…");
  g_assert_nonnull (restore_row);
  g_assert_nonnull (salvage_row);
  g_assert_true (gtk_widget_get_sensitive (restore_row));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (restore_row));
  g_assert_nonnull (strstr (subtitle, "2 expenses · Daily"));

  /* Usable on a phone. */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* Asked first; cancelling changes nothing. */
  g_signal_emit_by_name (restore_row, "activated");
  dialog = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (outlay_database_is_damaged (database ()));

  g_signal_emit_by_name (restore_row, "activated");
  dialog = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore"), ==,
                   ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  wait_until_healed (30);
  outlay_ui_test_settle (GTK_WIDGET (window));

  /* The lists are back, with the backup's content, and take writes. */
  g_assert_false (outlay_database_is_damaged (database ()));
  g_assert_null (find_damaged_page (window));
  g_assert_cmpuint (outlay_ui_test_count_expenses (repository ()), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-expense", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (is_editing (window));
  outlay_ui_test_add_expense (repository (), "After the restore");
  g_assert_cmpuint (outlay_ui_test_count_expenses (repository ()), ==, 3);

  gtk_window_destroy (window);
  g_object_unref (window);
  outlay_ui_test_drain ();
}

/* A ledger that does not open: the page alone, and the backup takes the
 * file's place. */
static void
test_unopenable (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-unopenable-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "outlay.db", NULL);
  g_autofree char *backup = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *restore_row;
  GtkWindow *dialog;

  g_assert_no_error (error);
  {
    g_autoptr (OutlayDatabase) ledger = outlay_database_open (path, &error);
    g_autoptr (OutlayBackups) backups = NULL;

    g_assert_no_error (error);
    backups = outlay_backups_new (ledger);
    backup = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (path, "this is not a database any more", -1, &error));

  page = outlay_damaged_page_new (NULL, path, "file is not a database", 10);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  outlay_ui_test_settle (window);

  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "Details: file is not a database"));
  restore_row = outlay_ui_test_find (page, outlay_ui_test_is_row, "_Restore the Newest Good Backup");
  g_signal_emit_by_name (restore_row, "activated");
  dialog = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");

  for (guint i = 0; i < 1500 && !outlay_database_check_file (path, NULL); i++)
    outlay_ui_test_wait_ms (20);
  g_assert_true (outlay_database_check_file (path, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
  outlay_ui_test_drain ();
  outlay_test_remove_tree (dir);
}

/* Saving what still reads from a ledger with its categories damaged,
 * and going on with it. */
static void
test_salvage (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-salvage-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "outlay.db", NULL);
  g_autofree char *saved = g_build_filename (dir, "recovered.db", NULL);
  g_autoptr (GFile) destination = g_file_new_for_path (saved);
  g_autoptr (OutlayDatabase) ledger = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWindow *dialog = NULL;

  g_assert_no_error (error);
  {
    g_autoptr (OutlayDatabase) fresh = outlay_database_open (path, &error);
    g_autoptr (OutlayRepository) expenses = NULL;

    g_assert_no_error (error);
    expenses = outlay_repository_new (fresh);
    outlay_ui_test_add_expense (expenses, "Coffee");
    outlay_ui_test_add_expense (expenses, "Bus ticket");
    outlay_ui_test_add_expense (expenses, "Cinema");
  }
  outlay_test_damage_object (path, "categories");

  page = outlay_damaged_page_new (NULL, path, NULL, 10);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  outlay_ui_test_settle (window);

  outlay_damaged_page_salvage_to (OUTLAY_DAMAGED_PAGE (page), destination);
  for (guint i = 0; i < 1500 && dialog == NULL; i++)
    {
      outlay_ui_test_wait_ms (20);
      dialog = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Saved 3 Expenses");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "“Recovered”"));
  g_assert_true (outlay_database_check_file (saved, &error));
  g_assert_no_error (error);

  /* Going on with them puts them in the ledger's place. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "use");
  for (guint i = 0; i < 1500 && !outlay_database_check_file (path, NULL); i++)
    outlay_ui_test_wait_ms (20);
  outlay_ui_test_wait_ms (100);

  ledger = outlay_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (outlay_database_is_damaged (ledger));
  {
    g_autoptr (OutlayRepository) expenses = outlay_repository_new (ledger);

    g_assert_cmpuint (outlay_ui_test_count_expenses (expenses), ==, 3);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  outlay_ui_test_drain ();
  outlay_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database_path = NULL;
  int              ret;

  gtk_test_init (&argc, &argv, NULL);

  app = outlay_ui_test_register_application ("outlay-damaged-XXXXXX", &database_dir, &database_path);

  g_test_add_func ("/damaged/window", test_damaged_window);
  g_test_add_func ("/damaged/unopenable", test_unopenable);
  g_test_add_func ("/damaged/salvage", test_salvage);

  ret = g_test_run ();

  g_object_unref (app);
  outlay_test_remove_tree (database_dir);
  g_free (database_dir);

  return ret;
}
