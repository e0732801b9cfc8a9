/* test-search-provider.c: expenses in GNOME Shell's search, and the
 * desktop's actions, over a test session bus
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

#include "config.h"

#include <glib/gstdio.h>

#include "outlay-application.h"
#include "outlay-date.h"
#include "outlay-expense-editor.h"
#include "outlay-expenses-page.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-test-desktop.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"
#include "outlay-window.h"

#define PROVIDER_PATH "/io/github/outlay/Outlay/SearchProvider"
#define PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"

static OutlayTestDesktop *desktop;
static GDBusConnection   *shell; /* GNOME Shell's side: searches, and shows notifications */
static OutlayApplication *app;
static char              *database_dir;
static char              *database_path;
static GPtrArray         *told;
static void
got_reply_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A call of GNOME Shell's to the search provider, answered while the
 * application's main loop runs. */
static GVariant *
call (const char *method,
      GVariant   *parameters,
      const char *reply_type)
{
  GAsyncResult *result = NULL;
  g_autoptr (GError) error = NULL;
  GVariant *reply;

  g_dbus_connection_call (shell, APPLICATION_ID, PROVIDER_PATH, PROVIDER_INTERFACE, method, parameters,
                          G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE, 20000, NULL, got_reply_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  reply = g_dbus_connection_call_finish (shell, result, &error);
  g_assert_no_error (error);
  g_object_unref (result);
  return reply;
}

/* The ids GetInitialResultSet (or, with @previous, GetSubsearchResultSet)
 * gives for the words of @typed, one a line. */
static char *
search (const char         *typed,
        const char *const *previous)
{
  g_auto (GStrv) terms = g_strsplit (typed, " ", -1);
  g_autoptr (GVariant) reply = NULL;
  g_autofree const char **ids = NULL;

  if (previous == NULL)
    reply = call ("GetInitialResultSet", g_variant_new ("(^as)", terms), "(as)");
  else
    reply = call ("GetSubsearchResultSet", g_variant_new ("(^as^as)", previous, terms), "(as)");
  g_variant_get (reply, "(^a&s)", &ids);
  return g_strjoinv ("\n", (char **) ids);
}

static OutlayExpense *
add_expense (gint64      amount,
             const char *description,
             const char *day,
             const char *category_name)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  OutlayCategory   *category = outlay_repository_find_category (repository, category_name);
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (GError) error = NULL;
  OutlayExpense *stored;

  g_assert_nonnull (category);
  draft = outlay_test_draft (amount, "EUR", day, description, outlay_category_get_id (category));
  stored = outlay_repository_add_expense (repository, draft, &error);
  g_assert_no_error (error);
  return stored;
}

static char *
expense_id (OutlayExpense *expense)
{
  return g_strconcat ("expense:", outlay_expense_get_uuid (expense), NULL);
}

/* The ledger of each test: lunches of two days and a dinner. */
typedef struct
{
  OutlayExpense *canteen;
  OutlayExpense *snack;
  OutlayExpense *dinner;
  char          *today;
} Ledger;

static void
ledger_set_up (Ledger       *ledger,
               gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GDate) today = outlay_date_new_today ();

  outlay_ui_test_reset_settings ();
  g_settings_set_string (settings, "currency", "EUR");
  ledger->today = outlay_date_format_iso (today);
  ledger->canteen = add_expense (1240, "Lunch at the canteen", "2026-11-02", "Food & Drink");
  ledger->snack = add_expense (320, "lunch", "2026-11-05", "Food & Drink");
  ledger->dinner = add_expense (2800, "Dinner", "2026-11-06", "Food & Drink");
  g_ptr_array_set_size (told, 0);
}

static void
ledger_tear_down (Ledger       *ledger,
                  gconstpointer data)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (GError) error = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  outlay_ui_test_drain ();
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (GPtrArray) all = outlay_repository_find_expenses (repository, query, 0, 0, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      {
        g_autoptr (OutlayExpense) gone =
          outlay_repository_delete_expense (repository, outlay_expense_get_id (all->pdata[i]), &error);

        g_assert_no_error (error);
      }
  }
  g_clear_object (&ledger->canteen);
  g_clear_object (&ledger->snack);
  g_clear_object (&ledger->dinner);
  g_free (ledger->today);
}

/* "lunch": the expenses with a word starting so, newest first; "12.50
 * lunch": first the offer to add it, then those of "lunch"; a narrower
 * search keeps only what still matches. */
static void
test_search (Ledger       *ledger,
             gconstpointer data)
{
  g_autofree char *canteen = expense_id (ledger->canteen);
  g_autofree char *snack = expense_id (ledger->snack);
  g_autofree char *lunches = g_strjoin ("\n", snack, canteen, NULL);
  g_autofree char *with_add = g_strjoin ("\n", "add:1250:EUR:lunch", snack, canteen, NULL);
  g_autofree char *found = NULL;
  const char *const previous[] = { snack, canteen, NULL };

  found = search ("lunch", NULL);
  g_assert_cmpstr (found, ==, lunches);
  g_clear_pointer (&found, g_free);

  found = search ("LUN", NULL);
  g_assert_cmpstr (found, ==, lunches);
  g_clear_pointer (&found, g_free);

  found = search ("12.50 lunch", NULL);
  g_assert_cmpstr (found, ==, with_add);
  g_clear_pointer (&found, g_free);

  found = search ("lunch cant", previous);
  g_assert_cmpstr (found, ==, canteen);
  g_clear_pointer (&found, g_free);

  found = search ("breakfast", NULL);
  g_assert_cmpstr (found, ==, "");
}

static const char *
meta_string (GVariant   *meta,
             const char *key)
{
  const char *value = NULL;

  g_assert_true (g_variant_lookup (meta, key, "&s", &value));
  return value;
}

/* Each result as GNOME Shell shows it: the description, then the amount,
 * day and category; the offer to add, with where it would go (the
 * category "lunch" was filed in before); the category's badge, a PNG. */
static void
test_metas (Ledger       *ledger,
            gconstpointer data)
{
  g_autofree char *canteen = expense_id (ledger->canteen);
  const char      *ids[] = { canteen, "add:1250:EUR:lunch", "expense:0190e2a7-0000-7000-8000-000000000000", NULL };
  g_autoptr (GVariant) reply = call ("GetResultMetas", g_variant_new ("(^as)", ids), "(aa{sv})");
  g_autoptr (GVariant) metas = g_variant_get_child_value (reply, 0);
  g_autofree char *money = outlay_money_format_expense (1240, "EUR");
  g_autofree char *day = outlay_format_date ("2026-11-02");
  g_autofree char *line = g_strdup_printf ("%s · %s · Food & Drink", money, day);
  g_autofree char *add_money = outlay_money_format_expense (1250, "EUR");
  g_autofree char *add_name = g_strdup_printf ("Add %s “lunch”", add_money);

  /* One each, in their order (GNOME Shell drops them all otherwise): an
   * id that is no expense (any more) says so. */
  g_assert_cmpuint (g_variant_n_children (metas), ==, 3);
  {
    g_autoptr (GVariant) gone = g_variant_get_child_value (metas, 2);

    g_assert_cmpstr (meta_string (gone, "id"), ==, ids[2]);
    g_assert_cmpstr (meta_string (gone, "name"), ==, "Deleted Expense");
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GVariant) meta = g_variant_get_child_value (metas, i);
      g_autoptr (GVariant) serialized = g_variant_lookup_value (meta, "icon", NULL);
      g_autoptr (GIcon) icon = NULL;
      g_autoptr (GBytes) png = NULL;
      gsize               size = 0;
      const guint8       *bytes;

      g_assert_cmpstr (meta_string (meta, "id"), ==, ids[i]);
      if (i == 0)
        {
          g_assert_cmpstr (meta_string (meta, "name"), ==, "Lunch at the canteen");
          g_assert_cmpstr (meta_string (meta, "description"), ==, line);
        }
      else
        {
          g_assert_cmpstr (meta_string (meta, "name"), ==, add_name);
          g_assert_cmpstr (meta_string (meta, "description"), ==, "In Food & Drink, today");
        }
      g_assert_nonnull (serialized);
      icon = g_icon_deserialize (serialized);
      g_assert_true (G_IS_BYTES_ICON (icon));
      png = g_bytes_ref (g_bytes_icon_get_bytes (G_BYTES_ICON (icon)));
      bytes = g_bytes_get_data (png, &size);
      g_assert_cmpuint (size, >, 100);
      g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
    }
}

static OutlayExpense *
find_added (const char *description)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;

  outlay_query_set_text (query, description);
  found = outlay_repository_find_expenses (repository, query, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (outlay_expense_get_description (found->pdata[i]), description))
      return g_object_ref (found->pdata[i]);
  return NULL;
}

static GVariant *
button (GVariant   *notification,
        const char *label)
{
  g_autoptr (GVariant) buttons = g_variant_lookup_value (notification, "buttons", G_VARIANT_TYPE ("aa{sv}"));

  g_assert_nonnull (buttons);
  for (gsize i = 0; i < g_variant_n_children (buttons); i++)
    {
      g_autoptr (GVariant) one = g_variant_get_child_value (buttons, i);

      if (g_str_equal (meta_string (one, "label"), label))
        return g_steal_pointer (&one);
    }
  return NULL;
}

/* Activating "Add €12.50 “lunch”" adds it today in the category of the
 * lunches before, and says so with Undo and Edit; Undo takes it back and
 * the notification goes. No window opens for it. */
static void
test_quick_add (Ledger       *ledger,
                gconstpointer data)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (OutlayExpense) added = NULL;
  g_autoptr (OutlayExpense) after = NULL;
  g_autoptr (GVariant) undo = NULL;
  g_autoptr (GVariant) edit = NULL;
  g_autoptr (GVariant) target = NULL;
  g_autofree char *money = outlay_money_format_expense (1250, "EUR");
  g_autofree char *title = g_strdup_printf ("Added %s “lunch”", money);
  g_autofree char *notification_id = NULL;
  const char *const terms[] = { "12.50", "lunch", NULL };
  OutlayRepository *repository = outlay_application_get_repository (app);
  guint             before = outlay_ui_test_count_expenses (repository);
  const OutlayTestNotification *one;

  reply = call ("ActivateResult", g_variant_new ("(s^asu)", "add:1250:EUR:lunch", terms, 0), "()");
  outlay_ui_test_drain ();
  g_assert_cmpuint (outlay_ui_test_count_expenses (repository), ==, before + 1);
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (GPtrArray) today = NULL;
    g_autoptr (GError) error = NULL;

    outlay_query_set_date_range (query, ledger->today, ledger->today);
    today = outlay_repository_find_expenses (repository, query, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (today->len, ==, 1);
    added = g_object_ref (today->pdata[0]);
  }
  g_assert_cmpint (outlay_expense_get_amount (added), ==, 1250);
  g_assert_cmpstr (outlay_expense_get_currency (added), ==, "EUR");
  g_assert_cmpstr (outlay_expense_get_description (added), ==, "lunch");
  g_assert_cmpint (outlay_expense_get_category_id (added), ==, outlay_expense_get_category_id (ledger->snack));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  g_assert_cmpuint (told->len, ==, 1);
  one = g_ptr_array_index (told, 0);
  notification_id = g_strconcat ("quick-add-", outlay_expense_get_uuid (added), NULL);
  g_assert_cmpstr (one->what, ==, "add");
  g_assert_cmpstr (one->id, ==, notification_id);
  g_assert_cmpstr (outlay_test_notification_get (one, "title"), ==, title);
  g_assert_cmpstr (outlay_test_notification_get (one, "body"), ==, "In Food & Drink, today.");
  undo = button (one->notification, "Undo");
  edit = button (one->notification, "Edit");
  g_assert_nonnull (undo);
  g_assert_nonnull (edit);
  g_assert_cmpstr (meta_string (undo, "action"), ==, "app.undo-add");
  g_assert_cmpstr (meta_string (edit, "action"), ==, "app.show-expense");
  target = g_variant_lookup_value (undo, "target", G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, outlay_expense_get_uuid (added));

  /* Undo, as GNOME Shell activates the button. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "undo-add", target);
  outlay_ui_test_drain ();
  g_assert_cmpuint (outlay_ui_test_count_expenses (repository), ==, before);
  after = outlay_repository_get_expense_by_uuid (repository, outlay_expense_get_uuid (added), NULL);
  g_assert_nonnull (outlay_expense_get_deleted_at (after));
  one = g_ptr_array_index (told, told->len - 1);
  g_assert_cmpstr (one->what, ==, "remove");
  g_assert_cmpstr (one->id, ==, notification_id);
}

/* Undo of an expense changed since it was added leaves it as it is. */
static void
test_undo_after_change (Ledger       *ledger,
                        gconstpointer data)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  const char *const terms[] = { "4,20", "Kaffee", NULL };
  g_autoptr (GVariant) reply = call ("ActivateResult", g_variant_new ("(s^asu)", "add:420:EUR:Kaffee", terms, 0),
                                     "()");
  g_autoptr (OutlayExpense) added = find_added ("Kaffee");
  g_autoptr (OutlayExpense) copy = NULL;
  g_autoptr (OutlayExpense) changed = NULL;
  g_autoptr (OutlayExpense) after = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (added);
  /* Another millisecond, so that the change is seen as one. */
  g_usleep (2000);
  copy = outlay_expense_copy (added);
  outlay_expense_set_amount (copy, 450);
  changed = outlay_repository_update_expense (repository, copy, &error);
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (app), "undo-add",
                                  g_variant_new_string (outlay_expense_get_uuid (added)));
  outlay_ui_test_drain ();
  after = outlay_repository_get_expense_by_uuid (repository, outlay_expense_get_uuid (added), NULL);
  g_assert_null (outlay_expense_get_deleted_at (after));
  g_assert_cmpint (outlay_expense_get_amount (after), ==, 450);
}

static OutlayWindow *
the_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    if (OUTLAY_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Activating an expense opens the window on it, in the editor. */
static void
test_activate_expense (Ledger       *ledger,
                       gconstpointer data)
{
  g_autofree char *id = expense_id (ledger->canteen);
  const char *const terms[] = { "lunch", NULL };
  g_autoptr (GVariant) reply = call ("ActivateResult", g_variant_new ("(s^asu)", id, terms, 0), "()");
  OutlayWindow *window;
  GtkWidget    *editor;

  window = the_window ();
  g_assert_nonnull (window);
  outlay_ui_test_settle (GTK_WIDGET (window));
  editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (outlay_window_get_expenses_page (window)));
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpstr (outlay_expense_get_uuid (outlay_expense_editor_get_expense (OUTLAY_EXPENSE_EDITOR (editor))), ==,
                   outlay_expense_get_uuid (ledger->canteen));
}

static gboolean
is_search_entry (GtkWidget  *widget,
                 const char *text)
{
  return GTK_IS_SEARCH_ENTRY (widget) && g_str_equal (gtk_editable_get_text (GTK_EDITABLE (widget)), text) &&
         gtk_widget_get_mapped (widget);
}

/* "Search in Outlay" opens the list with the same words searched. */
static void
test_launch_search (Ledger       *ledger,
                    gconstpointer data)
{
  const char *const terms[] = { "lunch", "cant", NULL };
  g_autoptr (GVariant) reply = call ("LaunchSearch", g_variant_new ("(^asu)", terms, 0), "()");
  OutlayWindow *window = the_window ();

  g_assert_nonnull (window);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), is_search_entry, "lunch cant"));
}

/* The desktop file's actions are the application's: New Expense opens the
 * editor on a new expense. */
static void
test_desktop_actions (Ledger       *ledger,
                      gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "data",
                                            APPLICATION_ID ".desktop", NULL);
  g_autoptr (GKeyFile) desktop_file = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) actions = NULL;
  OutlayWindow *window;
  GtkWidget    *editor;

  /* Read as a desktop reads it (GDesktopAppInfo wants the program
   * installed). */
  g_assert_true (g_key_file_load_from_file (desktop_file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  actions = g_key_file_get_string_list (desktop_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ACTIONS, NULL,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (actions), ==, 2);
  g_assert_cmpstr (actions[0], ==, "new-expense");
  g_assert_cmpstr (actions[1], ==, "import");
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_autofree char *group = g_strconcat ("Desktop Action ", actions[i], NULL);
      g_autofree char *name = g_key_file_get_string (desktop_file, group, G_KEY_FILE_DESKTOP_KEY_NAME, &error);
      g_autofree char *exec = g_key_file_get_string (desktop_file, group, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
      g_autofree char *command = g_strconcat ("outlay --", actions[i], NULL);

      g_assert_no_error (error);
      g_assert_cmpstr (name, ==, i == 0 ? "New Expense" : "Import…");
      /* Run as a command where the desktop does not use D-Bus. */
      g_assert_cmpstr (exec, ==, command);
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), actions[i]));
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-expense", NULL);
  window = the_window ();
  g_assert_nonnull (window);
  outlay_ui_test_settle (GTK_WIDGET (window));
  editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (outlay_window_get_expenses_page (window)));
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_null (outlay_expense_editor_get_expense (OUTLAY_EXPENSE_EDITOR (editor)));
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* GNOME Shell's first search starts Outlay through its D-Bus service file,
 * with no window; Outlay answers, then goes when idle. On a bus of its
 * own, where the Outlay of the other tests is not. */
static void
test_activation (void)
{
  GTestDBus       *own_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autofree char *services = g_dir_make_tmp ("outlay-services-XXXXXX", NULL);
  g_autofree char *service = g_build_filename (services, APPLICATION_ID ".service", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *database = g_build_filename (database_dir, "activated.db", NULL);
  g_autoptr (GDBusConnection) connection = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree const char **ids = NULL;
  const char *const terms[] = { "anything", NULL };
  gboolean gone = FALSE;
  gint64   asked;
  guint    watch;

  /* The file the package installs, with the program of this build. */
  contents = g_strdup_printf ("[D-BUS Service]\nName=%s\nExec=/usr/bin/env DISPLAY=%s OUTLAY_DATABASE=%s "
                              "GSETTINGS_BACKEND=memory %s --gapplication-service\n",
                              APPLICATION_ID, gdk_display_get_name (gdk_display_get_default ()), database,
                              g_getenv ("OUTLAY_BINARY"));
  g_assert_true (g_file_set_contents (service, contents, -1, &error));
  g_assert_no_error (error);
  g_test_dbus_add_service_dir (own_bus, services);
  {
    /* This bus is for this test alone. */
    g_autofree char *address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

    g_test_dbus_up (own_bus);
    connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (own_bus),
                                                         G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                           G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                         NULL, NULL, &error);
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  }
  g_assert_no_error (error);

  reply = g_dbus_connection_call_sync (connection, APPLICATION_ID, PROVIDER_PATH, PROVIDER_INTERFACE,
                                       "GetInitialResultSet", g_variant_new ("(^as)", terms), G_VARIANT_TYPE ("(as)"),
                                       G_DBUS_CALL_FLAGS_NONE, 30000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(^a&s)", &ids);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 0);
  asked = g_get_monotonic_time ();

  /* Gone after its 20 seconds of idleness, not before 15. */
  watch = g_bus_watch_name_on_connection (connection, APPLICATION_ID, G_BUS_NAME_WATCHER_FLAGS_NONE, NULL,
                                          name_vanished_cb, &gone, NULL);
  while (!gone && g_get_monotonic_time () - asked < 40 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_bus_unwatch_name (watch);
  g_assert_true (gone);
  g_assert_cmpint (g_get_monotonic_time () - asked, >, 15 * G_USEC_PER_SEC);

  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_clear_object (&connection);
  /* Down would wait for the session bus singleton, which is the other
   * bus's and lives on: stopped, and kept. */
  g_test_dbus_stop (own_bus);
  g_unlink (service);
  g_rmdir (services);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("GTK_A11Y", "test", TRUE);
  /* The display first: a test bus unsets DISPLAY. */
  gtk_test_init (&argc, &argv, NULL);
  desktop = outlay_test_desktop_up ();
  shell = outlay_test_desktop_get_connection (desktop);
  told = outlay_test_desktop_get_told (desktop);

  app = outlay_ui_test_register_application ("outlay-search-XXXXXX", &database_dir, &database_path);
  g_assert_nonnull (g_application_get_dbus_connection (G_APPLICATION (app)));

#define ADD(path, func) g_test_add (path, Ledger, NULL, ledger_set_up, func, ledger_tear_down)
  ADD ("/search-provider/search", test_search);
  ADD ("/search-provider/metas", test_metas);
  ADD ("/search-provider/quick-add", test_quick_add);
  ADD ("/search-provider/undo-after-change", test_undo_after_change);
  ADD ("/search-provider/activate-expense", test_activate_expense);
  ADD ("/search-provider/launch-search", test_launch_search);
  ADD ("/search-provider/desktop-actions", test_desktop_actions);
#undef ADD
  g_test_add_func ("/search-provider/activation", test_activation);

  ret = g_test_run ();

  g_object_unref (app);
  outlay_test_remove_tree (database_dir);
  g_free (database_dir);
  g_free (database_path);
  outlay_test_desktop_stop (desktop);
  return ret;
}
