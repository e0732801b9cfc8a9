/* test-sync-page.c
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

/* Preferences › Sync: a folder chosen, the devices it shows, Sync Now
 * bringing in what a second device wrote (the window's list follows),
 * this device's name, errors on the page (a folder that holds the
 * database, a folder gone), and Stop Syncing. The second device is a
 * second database synced through the API in the test. Runs with
 * GSETTINGS_BACKEND=memory, under xvfb-run when there is no display. */

#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-preferences-window.h"
#include "outlay-repository.h"
#include "outlay-sync-page.h"
#include "outlay-sync-service.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"
#include "outlay-window.h"

static OutlayApplication *app;
static char              *database_dir;
static char              *database_path;

typedef struct
{
  char             *dir;    /* the sync folder and the other device's database */
  char             *folder;
  OutlayDatabase   *phone_database;
  OutlayRepository *phone;  /* the other device */
  OutlayWindow     *window;
  GtkWindow        *preferences;
  GtkWidget        *page;
  guint             expense_changes;
} Fixture;

static OutlaySyncService *
service (void)
{
  OutlaySyncService *service = outlay_application_get_sync_service (app);

  g_assert_nonnull (service);
  return service;
}

static void
on_expenses_changed_cb (OutlayRepository *repository,
                        gpointer          change,
                        Fixture          *fixture)
{
  fixture->expense_changes++;
}

/* The other device writes an expense and syncs it to the folder. */
static void
phone_adds (Fixture    *fixture,
            const char *description)
{
  g_autoptr (GError) error = NULL;

  outlay_ui_test_add_expense (fixture->phone, description);
  g_assert_true (outlay_sync_run (fixture->phone, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *phone_path = NULL;

  fixture->dir = g_dir_make_tmp ("outlay-sync-page-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->folder = g_build_filename (fixture->dir, "Sync", NULL);
  g_assert_cmpint (g_mkdir (fixture->folder, 0700), ==, 0);
  phone_path = g_build_filename (fixture->dir, "phone.db", NULL);
  fixture->phone_database = outlay_database_open (phone_path, &error);
  g_assert_no_error (error);
  fixture->phone = outlay_repository_new (fixture->phone_database);
  g_assert_true (outlay_sync_setup (fixture->phone, fixture->folder, "Phone", NULL, &error));
  g_assert_no_error (error);
  phone_adds (fixture, "Lunch with Ana");

  fixture->window = outlay_ui_test_open_window (app, 900, 700);
  g_signal_connect (outlay_application_get_repository (app), "expenses-changed",
                    G_CALLBACK (on_expenses_changed_cb), fixture);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  fixture->preferences = outlay_ui_test_find_toplevel (OUTLAY_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (fixture->preferences);
  g_object_ref (fixture->preferences);
  fixture->page = outlay_preferences_window_show_sync (OUTLAY_PREFERENCES_WINDOW (fixture->preferences));
  g_assert_true (OUTLAY_IS_SYNC_PAGE (fixture->page));
  outlay_ui_test_settle (GTK_WIDGET (fixture->preferences));
}

static gboolean
round_over (gpointer data)
{
  return !outlay_sync_service_is_busy (service ());
}

static void
wait_for_round (void)
{
  g_assert_true (outlay_ui_test_wait_for (round_over, NULL));
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  wait_for_round ();
  /* The next test starts from a ledger that does not sync. */
  if (outlay_sync_service_leave (service (), &error))
    g_assert_no_error (error);
  g_signal_handlers_disconnect_by_data (outlay_application_get_repository (app), fixture);

  gtk_window_destroy (fixture->preferences);
  outlay_ui_test_drain ();
  g_assert_finalize_object (fixture->preferences);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  outlay_ui_test_drain ();
  g_assert_finalize_object (fixture->window);

  g_clear_object (&fixture->phone);
  g_assert_finalize_object (fixture->phone_database);
  outlay_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->folder);
}

static void
choose (Fixture    *fixture,
        const char *path)
{
  g_autoptr (GFile) folder = g_file_new_for_path (path);

  g_assert_true (outlay_sync_page_choose_folder (OUTLAY_SYNC_PAGE (fixture->page), folder));
  wait_for_round ();
  outlay_ui_test_settle (GTK_WIDGET (fixture->preferences));
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *title)
{
  return outlay_ui_test_find (fixture->page, outlay_ui_test_is_row, title);
}

static const char *
subtitle_of (GtkWidget *row)
{
  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
is_shown_row (GtkWidget  *widget,
              const char *title)
{
  return outlay_ui_test_is_row (widget, title) && gtk_widget_get_mapped (widget);
}

/* A shown error label that says @text among other words. */
static gboolean
is_error_saying (GtkWidget  *widget,
                 const char *text)
{
  return outlay_ui_test_is_label_containing (widget, text) && gtk_widget_has_css_class (widget, "error");
}

static guint
count_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint       found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found++;
    }

  return found;
}

static gboolean
window_lists (gpointer data)
{
  Fixture *fixture = data;

  outlay_ui_test_settle (GTK_WIDGET (fixture->window));
  return outlay_ui_test_find (GTK_WIDGET (fixture->window), outlay_ui_test_is_label, "Taxi to the station") != NULL;
}

/* “3 minutes ago”, from a device's UTC time. */
static void
test_format_ago (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 12, 8, 10, 30, 0);
  const struct
  {
    const char *then;
    const char *expected;
  } cases[] = {
    { "2026-12-08T10:29:31.000Z", "just now" },
    { "2026-12-08T10:31:00.000Z", "just now" }, /* a clock a little ahead */
    { "2026-12-08T10:29:00.000Z", "1 minute ago" },
    { "2026-12-08T10:27:00.000Z", "3 minutes ago" },
    { "2026-12-08T08:30:00.000Z", "2 hours ago" },
    { "2026-12-07T09:00:00.000Z", "yesterday" },
    { "2026-12-01T10:30:00.000Z", "7 days ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = outlay_sync_page_format_ago (cases[i].then, now);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Not syncing: what sync is, and a folder to choose. A folder that holds
 * the database is refused on the page, not in a dialog. */
static void
test_refuses_database_folder (Fixture      *fixture,
                              gconstpointer data)
{
  g_autoptr (GFile) folder = g_file_new_for_path (database_dir);
  g_autoptr (OutlaySyncStatus) status = NULL;
  GtkWidget *group;

  g_assert_nonnull (outlay_ui_test_find (fixture->page, is_shown_row, "_Choose Folder…"));
  group = gtk_widget_get_ancestor (find_row (fixture, "_Choose Folder…"), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "Outlay never puts its database there."));
  g_assert_null (outlay_ui_test_find (fixture->page, outlay_ui_test_is_button, "Sync _Now"));

  g_assert_false (outlay_sync_page_choose_folder (OUTLAY_SYNC_PAGE (fixture->page), folder));
  outlay_ui_test_settle (GTK_WIDGET (fixture->preferences));
  g_assert_nonnull (outlay_ui_test_find (fixture->page, is_error_saying, "holds the ledger’s own file"));
  g_assert_cmpuint (count_dialogs (), ==, 0);
  status = outlay_sync_service_dup_status (service (), NULL);
  g_assert_null (status->folder);
  g_assert_nonnull (outlay_ui_test_find (fixture->page, is_shown_row, "_Choose Folder…"));
}

/* Syncing: the other device with when it was seen, its expense in the
 * window's list; Sync Now brings in the next one, in a worker. */
static void
test_sync_now (Fixture      *fixture,
               gconstpointer data)
{
  GtkWidget *button;
  guint      rounds;
  guint      count;

  count = outlay_ui_test_count_expenses (outlay_application_get_repository (app));
  choose (fixture, fixture->folder);
  g_assert_null (outlay_sync_service_get_error (service ()));
  g_assert_cmpuint (outlay_ui_test_count_expenses (outlay_application_get_repository (app)), ==, count + 1);
  g_assert_null (outlay_ui_test_find (fixture->page, is_shown_row, "_Choose Folder…"));
  g_assert_cmpstr (subtitle_of (find_row (fixture, "Phone")), ==, "Last seen just now");
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (
                                     ADW_PREFERENCES_ROW (find_row (fixture, "Synced just now"))),
                                   "Synced"));
  g_assert_nonnull (strstr (subtitle_of (find_row (fixture, "Syncs Through")), "Sync"));

  phone_adds (fixture, "Taxi to the station");
  fixture->expense_changes = 0;
  rounds = outlay_sync_service_get_rounds (service ());
  button = outlay_ui_test_find (fixture->page, outlay_ui_test_is_button, "Sync _Now");
  g_assert_nonnull (button);
  outlay_ui_test_click (button);
  /* The round runs in a worker: the page says so meanwhile. */
  g_assert_true (outlay_sync_service_get_running (service ()));
  g_assert_nonnull (find_row (fixture, "Syncing…"));
  g_assert_false (gtk_widget_get_sensitive (button));
  wait_for_round ();
  g_assert_cmpuint (outlay_sync_service_get_rounds (service ()), ==, rounds + 1);
  g_assert_cmpuint (fixture->expense_changes, >, 0);
  g_assert_cmpuint (outlay_ui_test_count_expenses (outlay_application_get_repository (app)), ==, count + 2);
  g_assert_true (outlay_ui_test_wait_for (window_lists, fixture));
  g_assert_true (gtk_widget_get_sensitive (button));
}

static void
on_percent_cb (OutlaySyncService *sync_service,
               GParamSpec        *pspec,
               GArray            *percents)
{
  int percent = outlay_sync_service_get_percent (sync_service);

  g_array_append_val (percents, percent);
}

/* Joining a ledger the other device wrote over several rounds: the round
 * says how far it read, rising to all of it, then no longer. */
static void
test_progress (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (GArray) percents = g_array_new (FALSE, FALSE, sizeof (int));
  gulong handler;

  phone_adds (fixture, "Taxi to the station");
  phone_adds (fixture, "Bakery");
  handler = g_signal_connect (service (), "notify::percent", G_CALLBACK (on_percent_cb), percents);
  choose (fixture, fixture->folder);
  wait_for_round ();
  g_signal_handler_disconnect (service (), handler);

  g_assert_cmpuint (percents->len, >=, 2);
  for (guint i = 1; i + 1 < percents->len; i++)
    g_assert_cmpint (g_array_index (percents, int, i), >, g_array_index (percents, int, i - 1));
  g_assert_cmpint (g_array_index (percents, int, percents->len - 1), ==, 100);
  g_assert_cmpint (outlay_sync_service_get_percent (service ()), ==, -1);
}

/* The name, applied with Enter; a bad one is said under it and kept out. */
static void
test_device_name (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (OutlaySyncStatus) status = NULL;
  g_autoptr (OutlaySyncStatus) after = NULL;
  GtkWidget *row;

  choose (fixture, fixture->folder);
  row = outlay_ui_test_find (fixture->page, outlay_ui_test_is_entry_row, "_Name");
  g_assert_nonnull (row);
  status = outlay_sync_service_dup_status (service (), NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, status->device_name);

  gtk_editable_set_text (GTK_EDITABLE (row), "Laptop");
  g_signal_emit_by_name (row, "apply");
  wait_for_round ();
  after = outlay_sync_service_dup_status (service (), NULL);
  g_assert_cmpstr (after->device_name, ==, "Laptop");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (row), "   ");
  g_signal_emit_by_name (row, "apply");
  outlay_ui_test_settle (GTK_WIDGET (fixture->preferences));
  g_assert_nonnull (outlay_ui_test_find (fixture->page, is_error_saying, "1 to 60 characters"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_clear_pointer (&after, outlay_sync_status_free);
  after = outlay_sync_service_dup_status (service (), NULL);
  g_assert_cmpstr (after->device_name, ==, "Laptop");
  g_assert_cmpuint (count_dialogs (), ==, 0);

  /* The other device learns it at its next round. */
  g_assert_true (outlay_sync_run (fixture->phone, NULL, NULL, NULL));
  g_clear_pointer (&after, outlay_sync_status_free);
  after = outlay_sync_get_status (fixture->phone, NULL);
  g_assert_cmpuint (after->devices->len, ==, 2);
  g_assert_cmpstr (((OutlaySyncDevice *) g_ptr_array_index (after->devices, 1))->name, ==, "Laptop");
}

/* A folder that went (a drive taken out) is said on the page with what
 * to do; it syncs again once it is back. */
static void
test_folder_gone (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *away = g_build_filename (fixture->dir, "Away", NULL);
  GtkWidget       *row;

  choose (fixture, fixture->folder);
  g_assert_cmpint (g_rename (fixture->folder, away), ==, 0);
  outlay_ui_test_click (outlay_ui_test_find (fixture->page, outlay_ui_test_is_button, "Sync _Now"));
  wait_for_round ();
  outlay_ui_test_settle (GTK_WIDGET (fixture->preferences));
  row = find_row (fixture, "Could Not Sync");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (subtitle_of (row), "Is its drive connected?"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpuint (count_dialogs (), ==, 0);

  g_assert_cmpint (g_rename (away, fixture->folder), ==, 0);
  outlay_ui_test_click (outlay_ui_test_find (fixture->page, outlay_ui_test_is_button, "Sync _Now"));
  wait_for_round ();
  outlay_ui_test_settle (GTK_WIDGET (fixture->preferences));
  g_assert_null (outlay_sync_service_get_error (service ()));
  g_assert_null (find_row (fixture, "Could Not Sync"));
}

/* Stop Syncing asks nothing: it can be set up again. */
static void
test_stop (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr (OutlaySyncStatus) status = NULL;
  GtkWidget *row;

  choose (fixture, fixture->folder);
  row = outlay_ui_test_find (fixture->page, is_shown_row, "_Stop Syncing");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  outlay_ui_test_settle (GTK_WIDGET (fixture->preferences));
  status = outlay_sync_service_dup_status (service (), NULL);
  g_assert_null (status->folder);
  g_assert_cmpuint (count_dialogs (), ==, 0);
  g_assert_nonnull (outlay_ui_test_find (fixture->page, is_shown_row, "_Choose Folder…"));
  g_assert_null (outlay_ui_test_find (fixture->page, outlay_ui_test_is_button, "Sync _Now"));

  /* Another program (outlay sync setup) sets it up again: the page shows
   * it as soon as the window notices. */
  {
    g_autoptr (OutlayDatabase) database = outlay_database_open (database_path, NULL);
    g_autoptr (OutlayRepository) other = outlay_repository_new (database);

    g_assert_true (outlay_sync_setup (other, fixture->folder, NULL, NULL, NULL));
  }
  g_assert_true (outlay_repository_check_external_changes (outlay_application_get_repository (app)));
  wait_for_round ();
  outlay_ui_test_settle (GTK_WIDGET (fixture->preferences));
  g_assert_nonnull (outlay_ui_test_find (fixture->page, outlay_ui_test_is_button, "Sync _Now"));
  g_assert_nonnull (find_row (fixture, "Phone"));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static gboolean
has_expenses (gpointer data)
{
  return outlay_ui_test_count_expenses (outlay_application_get_repository (app)) == GPOINTER_TO_UINT (data);
}

static gboolean
all_sent (gpointer data)
{
  g_autoptr (OutlaySyncStatus) status = outlay_sync_service_dup_status (service (), NULL);

  return round_over (NULL) && status->unsent == 0;
}

/* Nobody presses Sync Now: a round follows what another device writes to
 * the folder and, once they settle, this device's changes. Rounds asked
 * for during one make one more, not one each. */
static void
test_automatic (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (OutlaySyncStatus) phone_status = NULL;
  OutlayRepository *repository = outlay_application_get_repository (app);
  guint             count;
  guint             rounds;

  outlay_sync_service_set_delays (service (), 200, 200, 3600);
  choose (fixture, fixture->folder);
  count = outlay_ui_test_count_expenses (repository);

  /* The other device writes to the folder. */
  phone_adds (fixture, "Bus ticket");
  g_assert_true (outlay_ui_test_wait_for (has_expenses, GUINT_TO_POINTER (count + 1)));
  wait_for_round ();

  /* This device changes something: it reaches the folder by itself. */
  outlay_ui_test_add_expense (repository, "Coffee beans");
  g_assert_true (outlay_ui_test_wait_for (all_sent, NULL));
  g_assert_true (outlay_sync_run (fixture->phone, NULL, NULL, NULL));
  g_assert_cmpuint (outlay_ui_test_count_expenses (fixture->phone), ==, count + 2);
  phone_status = outlay_sync_get_status (fixture->phone, NULL);
  g_assert_cmpuint (phone_status->unsent, ==, 0);

  /* A change with nothing to send (another program's, or the window
   * noticing a round's own commit) makes no round that shows. */
  {
    guint notified = 0;
    gulong handler;

    /* The round that follows the other device's last one, first. */
    outlay_ui_test_wait_ms (600);
    wait_for_round ();
    handler = g_signal_connect_swapped (service (), "notify::running", G_CALLBACK (count_cb), &notified);
    rounds = outlay_sync_service_get_rounds (service ());
    g_signal_emit_by_name (repository, "budgets-changed");
    outlay_ui_test_wait_ms (600);
    wait_for_round ();
    g_assert_cmpuint (notified, ==, 0);
    g_assert_cmpuint (outlay_sync_service_get_rounds (service ()), ==, rounds);
    g_signal_handler_disconnect (service (), handler);
  }

  /* Three asked for at once: the one that starts and one more. */
  outlay_sync_service_set_delays (service (), 60 * 1000, 60 * 1000, 3600);
  outlay_ui_test_wait_ms (300);
  wait_for_round ();
  rounds = outlay_sync_service_get_rounds (service ());
  for (guint i = 0; i < 3; i++)
    outlay_sync_service_request (service (), OUTLAY_SYNC_REASON_MANUAL);
  wait_for_round ();
  g_assert_cmpuint (outlay_sync_service_get_rounds (service ()), ==, rounds + 2);
  outlay_sync_service_set_delays (service (), 5000, 2000, 300);
}

/* Every control says what it does; the page fits a phone with text twice
 * as large. */
static void
test_accessible_and_narrow (Fixture      *fixture,
                            gconstpointer data)
{
  const char *const buttons[] = { "Sync _Now", "C_hange…" };
  GtkWidget        *row;

  choose (fixture, fixture->folder);
  row = find_row (fixture, "_Stop Syncing");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = outlay_ui_test_find (fixture->page, outlay_ui_test_is_button, buttons[i]);

      /* Named by their label, without its underline. */
      g_assert_nonnull (button);
      g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button),
                                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (outlay_ui_test_find (fixture->page, outlay_ui_test_is_button,
                                                                             "C_hange…")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Change the sync folder");
  g_assert_nonnull (outlay_ui_test_find (fixture->page, outlay_ui_test_is_entry_row, "_Name"));

  /* The page, not the whole window: the window's own width at text ×2
   * comes from the Currencies page and its edges. */
  g_assert_cmpint (outlay_ui_test_min_width_at_text_scale_2 (fixture->page), <=, 320);
}

/* A round that fails while only the main window is open says so there,
 * at its foot, never in a dialog. */
static void
test_error_toast (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-sync-toast-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (dir, "Sync", NULL);
  g_autofree char *away = g_build_filename (dir, "Away", NULL);
  OutlayWindow    *window = outlay_ui_test_open_window (app, 900, 700);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (outlay_sync_service_setup (service (), folder, &error));
  g_assert_no_error (error);
  wait_for_round ();
  g_assert_null (outlay_ui_test_find (GTK_WIDGET (window), outlay_ui_test_is_label_containing,
                                     "Is its drive connected?"));

  g_assert_cmpint (g_rename (folder, away), ==, 0);
  outlay_sync_service_request (service (), OUTLAY_SYNC_REASON_MANUAL);
  wait_for_round ();
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), outlay_ui_test_is_label_containing,
                                        "Is its drive connected?"));
  g_assert_cmpuint (count_dialogs (), ==, 0);

  g_assert_true (outlay_sync_service_leave (service (), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  outlay_ui_test_drain ();
  g_assert_finalize_object (window);
  outlay_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = outlay_ui_test_register_application ("outlay-sync-page-XXXXXX", &database_dir, &database_path);
  g_assert_nonnull (outlay_application_get_repository (app));

  g_test_add_func ("/sync-page/format-ago", test_format_ago);
  g_test_add ("/sync-page/refuses-database-folder", Fixture, NULL, fixture_setup, test_refuses_database_folder,
              fixture_teardown);
  g_test_add ("/sync-page/sync-now", Fixture, NULL, fixture_setup, test_sync_now, fixture_teardown);
  g_test_add ("/sync-page/progress", Fixture, NULL, fixture_setup, test_progress, fixture_teardown);
  g_test_add ("/sync-page/device-name", Fixture, NULL, fixture_setup, test_device_name, fixture_teardown);
  g_test_add ("/sync-page/folder-gone", Fixture, NULL, fixture_setup, test_folder_gone, fixture_teardown);
  g_test_add ("/sync-page/automatic", Fixture, NULL, fixture_setup, test_automatic, fixture_teardown);
  g_test_add ("/sync-page/stop", Fixture, NULL, fixture_setup, test_stop, fixture_teardown);
  g_test_add_func ("/sync-page/error-toast", test_error_toast);
  g_test_add ("/sync-page/accessible-and-narrow", Fixture, NULL, fixture_setup, test_accessible_and_narrow,
              fixture_teardown);

  ret = g_test_run ();

  g_object_unref (app);
  outlay_test_remove_tree (database_dir);
  g_free (database_dir);
  g_free (database_path);

  return ret;
}
