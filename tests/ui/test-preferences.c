/* test-preferences.c
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

/* Preferences, the Backups page: the list of backups, a restore after the
 * question, and the window's expenses after it; the daily backup of the
 * first start. Runs with GSETTINGS_BACKEND=memory, under xvfb-run when
 * there is no display.
 *
 * With OUTLAY_SCREENSHOT_DIR set, it also saves the Backups page in light
 * and dark to preferences-backups-{light,dark}.png there. */

#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-backups.h"
#include "outlay-currency.h"
#include "outlay-database-private.h"
#include "outlay-preferences-window.h"
#include "outlay-repository.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"
#include "outlay-window.h"

static OutlayApplication *app;
static char              *database_dir;

/* Runs the main loop until @done says so, for at most ten seconds: the
 * backups are made in a thread. */
static void
wait_until (gboolean (*done) (gpointer data),
            gpointer data)
{
  gint64 start = g_get_monotonic_time ();

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
collect_buttons (GtkWidget  *root,
                 const char *label,
                 GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0 &&
          gtk_widget_is_drawable (child))
        g_ptr_array_add (found, child);
      collect_buttons (child, label, found);
    }
}

static GPtrArray *
restore_buttons (GtkWindow *preferences)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (preferences), "_Restore…", found);
  return found;
}

static GtkWindow *
find_toplevel (GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static OutlayRepository *
repository (void)
{
  OutlayRepository *repository = outlay_application_get_repository (app);

  g_assert_nonnull (repository);
  return repository;
}

static OutlayBackups *
new_backups_folder (void)
{
  return outlay_backups_new (outlay_repository_get_database (repository ()));
}

static GPtrArray *
list_backups (void)
{
  g_autoptr (OutlayBackups) backups_folder = new_backups_folder ();
  g_autoptr (GError) error = NULL;
  GPtrArray *backups = outlay_backups_list (backups_folder, &error);

  g_assert_no_error (error);
  return backups;
}

static void
remove_backups (void)
{
  g_autoptr (OutlayBackups) backups_folder = new_backups_folder ();
  g_autofree char *folder = outlay_backups_get_folder (backups_folder);

  outlay_test_remove_tree (folder);
}

static GtkWindow *
open_preferences (void)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_toplevel (OUTLAY_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_object_ref (preferences);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), NULL);
  outlay_ui_test_settle (GTK_WIDGET (preferences));

  return preferences;
}

static void
show_backups_page (GtkWindow *preferences)
{
  AdwPreferencesPage *page = NULL;
  GtkWidget          *row = outlay_ui_test_find (GTK_WIDGET (preferences), outlay_ui_test_is_row, "Backups to _Keep");

  g_assert_nonnull (row);
  page = ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_PAGE));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), page);
  outlay_ui_test_settle (GTK_WIDGET (preferences));
}

static void
close_preferences (GtkWindow *preferences)
{
  gtk_window_destroy (preferences);
  outlay_ui_test_drain ();
  g_assert_finalize_object (preferences);
}

static gboolean
has_n_backups (gpointer data)
{
  g_autoptr (GPtrArray) backups = list_backups ();

  return backups->len == GPOINTER_TO_UINT (data);
}

/* The first activation opens the window at once and makes the day's
 * backup in the background; a second start the same day makes none. */
static void
test_daily_backup (void)
{
  g_autoptr (GPtrArray) backups = NULL;
  GtkWindow *window;

  remove_backups ();
  g_application_activate (G_APPLICATION (app));
  window = find_toplevel (OUTLAY_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_object_ref (window);

  wait_until (has_n_backups, GUINT_TO_POINTER (1));
  /* The thread let go of the application. */
  outlay_ui_test_settle (GTK_WIDGET (window));
  backups = list_backups ();
  g_assert_cmpuint (((OutlayBackupInfo *) g_ptr_array_index (backups, 0))->reason, ==, OUTLAY_BACKUP_REASON_DAILY);

  gtk_window_destroy (window);
  outlay_ui_test_drain ();
  g_assert_finalize_object (window);

  g_application_activate (G_APPLICATION (app));
  window = g_object_ref (find_toplevel (OUTLAY_TYPE_WINDOW));
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (has_n_backups (GUINT_TO_POINTER (1)));
  gtk_window_destroy (window);
  outlay_ui_test_drain ();
  g_assert_finalize_object (window);
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

/* No backups: the list says so. The number to keep follows the setting
 * both ways, within its range. */
static void
test_empty_and_count (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GPtrArray) buttons = NULL;
  GtkWindow *preferences;
  GtkWidget *placeholder;
  GtkWidget *row;
  GtkWidget *spin;

  remove_backups ();
  g_settings_reset (settings, "backup-count");
  preferences = open_preferences ();
  show_backups_page (preferences);

  buttons = restore_buttons (preferences);
  g_assert_cmpuint (buttons->len, ==, 0);
  placeholder = outlay_ui_test_find (GTK_WIDGET (preferences), is_label_starting, "No backups yet.");
  g_assert_nonnull (placeholder);
  g_assert_true (gtk_widget_is_drawable (placeholder));

  row = outlay_ui_test_find (GTK_WIDGET (preferences), outlay_ui_test_is_row, "Backups to _Keep");
  spin = outlay_ui_test_find_of_type (row, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 10);
  g_settings_set_uint (settings, "backup-count", 3);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 25);
  g_assert_cmpuint (g_settings_get_uint (settings, "backup-count"), ==, 25);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 500);
  g_assert_cmpuint (g_settings_get_uint (settings, "backup-count"), ==, 100);
  g_settings_reset (settings, "backup-count");

  close_preferences (preferences);
}

static gboolean
restored (gpointer data)
{
  return outlay_ui_test_count_expenses (repository ()) == GPOINTER_TO_UINT (data);
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  const char *dir = g_getenv ("OUTLAY_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int              width;
  int              height;

  if (dir == NULL)
    return;

  for (guint i = 0; i < 6; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      outlay_ui_test_settle (GTK_WIDGET (window));
    }

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* Two backups listed with their dates, reasons and sizes; Restore on the
 * older asks first, then brings back its expenses in the window's
 * repository, with the state before saved as a backup of its own. */
static void
test_restore (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) buttons = NULL;
  g_autoptr (OutlayBackups) backups_folder = new_backups_folder ();
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char  *older = NULL;
  g_autofree char  *newer = NULL;
  g_autofree char  *older_title = NULL;
  g_autofree char  *heading = NULL;
  OutlayBackupInfo *info;
  GtkWindow        *window;
  GtkWindow        *preferences;
  GtkWindow        *dialog;
  GtkWidget        *row;
  GtkWidget        *group;
  guint             n_saved;
  gboolean          has_safety = FALSE;

  remove_backups ();
  window = g_object_ref (GTK_WINDOW (outlay_window_new (app)));
  gtk_window_present (window);

  outlay_ui_test_add_expense (repository (), "Coffee");
  outlay_ui_test_add_expense (repository (), "Bus ticket");
  n_saved = outlay_ui_test_count_expenses (repository ());
  older = outlay_backups_create (backups_folder, OUTLAY_BACKUP_REASON_DAILY, &error);
  g_assert_no_error (error);
  outlay_ui_test_add_expense (repository (), "Cinema");
  outlay_ui_test_add_expense (repository (), "Dinner");
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  newer = outlay_backups_create (backups_folder, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_ui_test_count_expenses (repository ()), ==, n_saved + 2);

  preferences = open_preferences ();
  gtk_window_set_default_size (preferences, 560, 720);
  show_backups_page (preferences);

  /* Newest first: the date and time as a title, the reason and size below. */
  buttons = restore_buttons (preferences);
  g_assert_cmpuint (buttons->len, ==, 2);
  backups = list_backups ();
  info = g_ptr_array_index (backups, 1);
  g_assert_cmpstr (info->path, ==, older);
  {
    g_autoptr (GDateTime) local = g_date_time_to_local (info->created);

    older_title = g_date_time_format (local, "%-d %B %Y, %H:%M");
  }
  row = gtk_widget_get_ancestor (g_ptr_array_index (buttons, 1), ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, older_title);
  /* Checked when made: what it holds comes first. */
  {
    g_autofree char *expected = g_strdup_printf ("%u expenses · Daily · ", n_saved);

    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), expected));
  }
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "kB"));
  row = gtk_widget_get_ancestor (g_ptr_array_index (buttons, 0), ADW_TYPE_ACTION_ROW);
  {
    g_autofree char *expected = g_strdup_printf ("%u expenses · Manual · ", n_saved + 2);

    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), expected));
  }
  g_assert_nonnull (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 1)));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_screenshot (preferences, "preferences-backups-light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (preferences, "preferences-backups-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* The question names the backup; cancelling changes nothing. */
  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == preferences);
  heading = g_strdup_printf ("Restore the backup from %s?", older_title);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  outlay_ui_test_settle (GTK_WIDGET (preferences));
  g_assert_cmpuint (outlay_ui_test_count_expenses (repository ()), ==, n_saved + 2);
  g_assert_true (has_n_backups (GUINT_TO_POINTER (2)));

  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");

  /* The window's repository shows the restored expenses. */
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  wait_until (is_sensitive, group);
  wait_until (restored, GUINT_TO_POINTER (n_saved));
  outlay_ui_test_settle (GTK_WIDGET (preferences));

  /* The state before is a backup of its own, listed too. */
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_backups ();
  g_assert_cmpuint (backups->len, ==, 3);
  for (guint i = 0; i < backups->len; i++)
    {
      OutlayBackupInfo *backup = g_ptr_array_index (backups, i);

      if (backup->reason == OUTLAY_BACKUP_REASON_RESTORE)
        {
          g_autoptr (OutlayDatabase) safety =
            outlay_database_open_full (backup->path, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
          sqlite3_stmt *stmt = NULL;

          /* It holds what there was before the restore. */
          g_assert_no_error (error);
          g_assert_cmpint (sqlite3_prepare_v2 (outlay_database_get_handle (safety),
                                               "SELECT count(*) FROM expenses WHERE deleted_at IS NULL", -1, &stmt,
                                               NULL),
                           ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, n_saved + 2);
          sqlite3_finalize (stmt);
          has_safety = TRUE;
        }
    }
  g_assert_true (has_safety);
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = restore_buttons (preferences);
  g_assert_cmpuint (buttons->len, ==, 3);

  close_preferences (preferences);
  gtk_window_destroy (window);
  outlay_ui_test_drain ();
  g_assert_finalize_object (window);
}

/* Back Up Now adds a manual backup to the list. */
static void
test_back_up_now (void)
{
  g_autoptr (GPtrArray) buttons = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  GtkWindow *preferences;
  GtkWidget *row;

  remove_backups ();
  preferences = open_preferences ();
  show_backups_page (preferences);

  row = outlay_ui_test_find (GTK_WIDGET (preferences), outlay_ui_test_is_row, "Back Up _Now");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  /* The page stays usable for a restore that waits to be given up; the
   * rows that start a backup or a restore wait. */
  g_assert_false (gtk_widget_is_sensitive (row));
  wait_until (is_sensitive, row);
  outlay_ui_test_settle (GTK_WIDGET (preferences));

  backups = list_backups ();
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpuint (((OutlayBackupInfo *) g_ptr_array_index (backups, 0))->reason, ==, OUTLAY_BACKUP_REASON_MANUAL);
  buttons = restore_buttons (preferences);
  g_assert_cmpuint (buttons->len, ==, 1);

  close_preferences (preferences);
}

static char *
dup_recorded_currency (void)
{
  sqlite3_stmt *stmt = NULL;
  char         *currency = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (outlay_database_get_handle (outlay_repository_get_database (repository ())),
                                       "SELECT value FROM outlay_meta WHERE key = 'currency'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    currency = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return currency;
}

static gboolean
currency_is_recorded (gpointer data)
{
  g_autofree char *currency = dup_recorded_currency ();

  return currency != NULL;
}

/* Automatic is the ledger's currency, whatever the locale, and says which. */
static void
test_ledger_currency (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GError) error = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *currency = NULL;
  GtkWindow       *preferences;
  GtkWindow       *window;
  GtkWidget       *row;
  GListModel      *names;

  /* The first start recorded the locale's, in the background after the
   * window's first frame: the ledger was new. */
  g_settings_reset (settings, "currency");
  g_application_activate (G_APPLICATION (app));
  window = g_object_ref (find_toplevel (OUTLAY_TYPE_WINDOW));
  wait_until (currency_is_recorded, NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  gtk_window_destroy (window);
  outlay_ui_test_drain ();
  g_assert_finalize_object (window);
  recorded = dup_recorded_currency ();
  g_assert_cmpstr (recorded, ==, outlay_currency_for_locale ());

  g_assert_true (outlay_repository_set_currency (repository (), "CHF", &error));
  g_assert_no_error (error);
  currency = outlay_application_dup_currency (app);
  g_assert_cmpstr (currency, ==, "CHF");
  g_clear_pointer (&currency, g_free);

  preferences = open_preferences ();
  row = outlay_ui_test_find_of_type (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (row);
  names = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Automatic (CHF)");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  close_preferences (preferences);

  /* A currency chosen in Preferences comes first; Automatic again is the
   * ledger's. */
  g_settings_set_string (settings, "currency", "JPY");
  currency = outlay_application_dup_currency (app);
  g_assert_cmpstr (currency, ==, "JPY");
  g_clear_pointer (&currency, g_free);
  g_settings_reset (settings, "currency");
  currency = outlay_application_dup_currency (app);
  g_assert_cmpstr (currency, ==, "CHF");

  g_assert_true (outlay_repository_set_currency (repository (), recorded, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database_path = NULL;
  int              ret;

  gtk_test_init (&argc, &argv, NULL);

  app = outlay_ui_test_register_application ("outlay-preferences-XXXXXX", &database_dir, &database_path);

  g_test_add_func ("/preferences/daily-backup", test_daily_backup);
  g_test_add_func ("/preferences/empty-and-count", test_empty_and_count);
  g_test_add_func ("/preferences/restore", test_restore);
  g_test_add_func ("/preferences/back-up-now", test_back_up_now);
  g_test_add_func ("/preferences/ledger-currency", test_ledger_currency);

  ret = g_test_run ();

  g_object_unref (app);
  outlay_test_remove_tree (database_dir);
  g_free (database_dir);

  return ret;
}
