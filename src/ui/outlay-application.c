/* outlay-application.c
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

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "outlay-accessibility.h"
#include "outlay-application.h"
#include "outlay-backups.h"
#include "outlay-damaged-page.h"
#include "outlay-money.h"
#include "outlay-currencies-page.h"
#include "outlay-preferences-window.h"
#include "outlay-rate-editor.h"
#include "outlay-reminders.h"
#include "outlay-sync-service.h"
#include "outlay-search-provider.h"
#include "outlay-shell-actions.h"
#include "outlay-window.h"

/* How long a write of the window waits inside SQLite for another program's:
 * about a frame, enough for a reader to get past a moment's lock and for a
 * short write of `outlay add` to end; longer waits are the window's to show. */
#define WINDOW_BUSY_TIMEOUT_MS 20

struct _OutlayApplication
{
  AdwApplication parent_instance;

  GSettings            *settings;
  char                 *database_path;
  OutlayDatabase       *database;
  OutlayRepository     *repository;
  OutlaySearchProvider *search_provider;
  OutlayReminders      *reminders;
  OutlaySyncService    *sync_service;
  char                 *sync_error_told; /* the sync error a toast told, until a round works */
  gboolean              background; /* started with --background, for the reminders alone */
};

/* How long Outlay stays when GNOME Shell started it for a search and no
 * window is open: long enough for the next few letters typed. */
#define SERVICE_IDLE_TIMEOUT_MS 20000

G_DEFINE_FINAL_TYPE (OutlayApplication, outlay_application, ADW_TYPE_APPLICATION)

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  OutlayApplication *self = user_data;
  GList             *windows;

  /* Close rather than destroy, so that every window gets its close-request
   * and saves its state. Closing one window may destroy others (dialogs
   * transient for it), so walk a referenced copy of the list. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Outlay authors", NULL };
  OutlayApplication *self = user_data;
  GtkWindow         *parent;
  AdwAboutWindow    *about;
  GtkIconTheme      *icon_theme;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Outlay"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Outlay authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_copyright (about, "© 2026 The Outlay authors");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/outlay/outlay");
  adw_about_window_set_issue_url (about, "https://github.com/outlay/outlay/issues");
  /* Translators: Replace this with your name(s), one per line. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  /* The icon comes with `meson install`; run from the build tree, where the
   * theme does not have it, show none rather than the "missing image". */
  icon_theme = gtk_icon_theme_get_for_display (parent != NULL
                                                 ? gtk_widget_get_display (GTK_WIDGET (parent))
                                                 : gdk_display_get_default ());
  if (gtk_icon_theme_has_icon (icon_theme, APPLICATION_ID))
    adw_about_window_set_application_icon (about, APPLICATION_ID);

  /* Belonging to the application lets app.quit close it with the rest. */
  gtk_window_set_application (GTK_WINDOW (about), GTK_APPLICATION (self));
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (about), TRUE);
    }

  gtk_window_present (GTK_WINDOW (about));
}

/* The Preferences, over the active window. */
static GtkWidget *
present_preferences (OutlayApplication *self)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = outlay_preferences_window_new (self);

  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
      gtk_window_set_modal (GTK_WINDOW (preferences), TRUE);
    }
  gtk_window_present (GTK_WINDOW (preferences));
  return preferences;
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  present_preferences (user_data);
}

/* "Add Rate" where a currency has none: the Preferences' Currencies page
 * with the rate editor of that currency over it. */
static void
add_rate_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWidget *preferences = present_preferences (user_data);
  GtkWidget *page;
  GtkWidget *editor;

  if ((page = outlay_preferences_window_show_currencies (OUTLAY_PREFERENCES_WINDOW (preferences))) == NULL)
    return;

  editor = outlay_currencies_page_add_rate (OUTLAY_CURRENCIES_PAGE (page));
  outlay_rate_editor_set_currency (OUTLAY_RATE_EDITOR (editor), g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (editor));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "add-rate", add_rate_action, "s", NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
};

/* Without its database the app has nothing to show: say why, plainly,
 * and quit when the person has read it. */
static void
show_open_error (OutlayApplication *self,
                 const GError      *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL,
                                   _("Could Not Open Your Expenses"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (gtk_window_destroy), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_database (OutlayApplication *self,
               GError           **error)
{
  g_autofree char *path = NULL;

  if (self->repository != NULL)
    return TRUE;

  path = self->database_path != NULL ? g_strdup (self->database_path)
                                     : outlay_database_get_default_path ();
  self->database = outlay_database_open (path, error);
  if (self->database == NULL)
    return FALSE;

  /* The window writes on its main loop: rather than wait inside SQLite
   * (and freeze), a write of the window gives way at once to another
   * program's and is tried again from the main loop, saying so. */
  outlay_database_set_busy_timeout (self->database, WINDOW_BUSY_TIMEOUT_MS);
  self->repository = outlay_repository_new (self->database);
  return TRUE;
}

/* The first start with a ledger records its currency: the one chosen,
 * else the one most of its last year's expenses are in, else the
 * locale's, which is what Automatic meant until then. A worker reads it
 * on a read-only connection (a write there would reach the window as a
 * change from another program, which reads every list again); the
 * window's own connection writes it, without waiting for the disk. */
static void
find_currency_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  const char *const *job = task_data; /* the path, the fallback */
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *recorded = NULL;

  database = outlay_database_open_full (job[0], OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The recorded one when there is one, which the write then keeps. */
  repository = outlay_repository_new (database);
  recorded = outlay_repository_dup_currency (repository, job[1]);
  if (outlay_database_is_damaged (database))
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, g_steal_pointer (&recorded), g_free);
}

static void
currency_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  OutlayApplication *self = OUTLAY_APPLICATION (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *currency = g_task_propagate_pointer (G_TASK (result), &error);

  if (currency != NULL && self->repository != NULL && !outlay_database_is_damaged (self->database) &&
      !outlay_repository_record_currency (self->repository, currency, &error))
    g_message ("Could not record the ledger’s currency: %s", error->message);
  else if (error != NULL)
    g_message ("Could not read the ledger’s currency: %s", error->message);

  g_application_release (G_APPLICATION (self));
}

static void
record_currency (OutlayApplication *self)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *chosen = g_settings_get_string (self->settings, "currency");
  char           **job;

  /* Every later start: one row read, no worker. */
  if (outlay_database_is_read_only (self->database) || outlay_repository_has_currency (self->repository))
    return;

  job = g_new0 (char *, 3);
  job[0] = g_strdup (outlay_database_get_path (self->database));
  job[1] = g_strdup (outlay_currency_is_valid (chosen) ? chosen : outlay_currency_for_locale ());

  /* Released when it is done: closing the window at once leaves no thread
   * behind. */
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, currency_found_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, find_currency_thread);
}

static void
daily_backup_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (OutlayApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean made = FALSE;

  /* The check of the copy is the whole integrity check of the file: what
   * it finds is the window's to show. Other failures have nothing to
   * show: the window works as well without the backup, and the next start
   * tries again. */
  if (!outlay_backups_ensure_daily_finish (OUTLAY_BACKUPS (source), result, &made, &error) &&
      g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
    {
      if (self->database != NULL)
        outlay_database_mark_damaged (self->database);
    }
  else if (error != NULL)
    g_message ("Could not make the daily backup: %s", error->message);
  else if (made)
    g_debug ("Made the daily backup");

  g_application_release (G_APPLICATION (self));
}

/* In a thread, on a connection of its own: a large file takes seconds to
 * copy, and the window must not wait for it. */
static void
start_daily_backup (OutlayApplication *self)
{
  g_autoptr (OutlayBackups) backups = outlay_backups_new (self->database);
  guint keep = MAX (g_settings_get_uint (self->settings, "backup-count"), 1);

  /* Closing the window right away leaves no half-written copy behind. */
  g_application_hold (G_APPLICATION (self));
  outlay_backups_ensure_daily_async (backups, keep, NULL,
                                     daily_backup_done_cb, g_object_ref (self));
}

/* A large file is checked whole after the window is up, on a connection
 * of its own: its quick check takes about half a second at a million
 * expenses. (outlay_database_open() checked small files whole, and the
 * small tables of large ones.) */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) problems = NULL;

  database = outlay_database_open_full (task_data, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  if (database != NULL && !outlay_database_is_damaged (database))
    outlay_database_check (database, FALSE, cancellable, &problems, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, database != NULL && outlay_database_is_damaged (database));
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  OutlayApplication *self = OUTLAY_APPLICATION (source);
  g_autoptr (GError) error = NULL;
  gboolean damaged = g_task_propagate_boolean (G_TASK (result), &error);

  if ((damaged || g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED)) &&
      self->database != NULL)
    {
      g_debug ("The check after the first frame found the database damaged");
      outlay_database_mark_damaged (self->database);
    }
  else
    g_debug ("The check after the first frame is done");
  if (error != NULL && !damaged && !g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not check the database: %s", error->message);

  g_application_release (G_APPLICATION (self));
}

static void
start_check (OutlayApplication *self)
{
  g_autoptr (GTask) task = NULL;
  GStatBuf st;

  if (g_stat (outlay_database_get_path (self->database), &st) != 0 ||
      st.st_size <= OUTLAY_DATABASE_QUICK_CHECK_MAX_BYTES)
    return;

  /* Released when the check is done: closing the window at once leaves
   * no thread behind. */
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, check_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (outlay_database_get_path (self->database)), g_free);
  g_task_run_in_thread (task, check_thread);
}

/* The daily backup and the check of a large file start after the first
 * frame: their reading (a million expenses: 300 MB copied, then read
 * again) would otherwise slow it down. So does the currency's record. */
static gboolean
start_background_cb (gpointer user_data)
{
  g_autoptr (OutlayApplication) self = user_data;

  if (self->database != NULL && !outlay_database_is_damaged (self->database))
    {
      record_currency (self);
      start_daily_backup (self);
      start_check (self);
      outlay_reminders_start (self->reminders);
      outlay_sync_service_start (outlay_application_get_sync_service (self));
    }

  g_application_release (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

static void
on_first_frame_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, user_data);
}

/* After the first frame, or when the window went before it had one. */
static void
schedule_background (gpointer  user_data,
                     GClosure *closure)
{
  g_idle_add_full (G_PRIORITY_LOW, start_background_cb, user_data, NULL);
}

static void
start_background (OutlayApplication *self,
                  GtkWindow         *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (outlay_database_is_damaged (self->database))
    return;

  /* Held until the work has started, which holds it on its own. */
  g_application_hold (G_APPLICATION (self));
  if (clock != NULL)
    g_signal_connect_data (clock, "after-paint", G_CALLBACK (on_first_frame_cb), g_object_ref (self),
                           schedule_background, 0);
  else
    g_idle_add_full (G_PRIORITY_LOW, start_background_cb, g_object_ref (self), NULL);
}

static void activate_ledger (OutlayApplication *self);

static gboolean
release_cb (gpointer user_data)
{
  g_application_release (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_replaced_cb (OutlayApplication *self,
                const char        *what,
                OutlayDamagedPage *page)
{
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (page));

  activate_ledger (self);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A ledger too damaged to open: the same page as in the window, in a
 * window of its own, where a restore puts a backup in the file's place. */
static void
show_damaged_window (OutlayApplication *self,
                     const char        *path,
                     const GError      *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page;
  guint      keep = MAX (g_settings_get_uint (self->settings, "backup-count"), 1);

  page = outlay_damaged_page_new (NULL, path, error->message, keep);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Outlay"));
  gtk_widget_set_size_request (window, 360, 294);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 640);
  g_signal_connect_object (page, "restored", G_CALLBACK (on_replaced_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
activate_ledger (OutlayApplication *self)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *window;

  if (!open_database (self, &error))
    {
      g_autofree char *path = self->database_path != NULL ? g_strdup (self->database_path)
                                                          : outlay_database_get_default_path ();

      if (g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE) ||
          g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
        show_damaged_window (self, path, error);
      else
        show_open_error (self, error);
      return;
    }

  window = GTK_WINDOW (outlay_window_new (self));
  gtk_window_present (window);
  start_background (self, window);
}

static void
outlay_application_activate (GApplication *app)
{
  OutlayApplication *self = OUTLAY_APPLICATION (app);
  GtkWindow         *window;

  /* Started at login for the reminders: no window, until asked for one.
   * Held only where the desktop allows the background; else it looks
   * once and goes. */
  if (self->background)
    {
      self->background = FALSE;
      g_application_hold (app);
      if (outlay_application_get_repository (self) != NULL)
        outlay_reminders_start (self->reminders);
      g_idle_add_full (G_PRIORITY_LOW, release_cb, g_object_ref (self), g_object_unref);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    activate_ledger (self);
  else
    gtk_window_present (window);
}

/* The options that stand for an action of the desktop file. */
static const char *const local_actions[] = { "new-expense", "import" };

static int
outlay_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  OutlayApplication *self = OUTLAY_APPLICATION (app);
  const char        *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    self->database_path = g_canonicalize_filename (path, NULL);
  self->background = g_variant_dict_contains (options, "background");
  /* At login, for the reminders: an Outlay that runs already has them. */
  if (self->background)
    {
      g_autoptr (GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        return 0;
    }

  /* The desktop file's actions, where they are run as commands: done by
   * the running Outlay, or by one started for it. */
  for (guint i = 0; i < G_N_ELEMENTS (local_actions); i++)
    if (g_variant_dict_contains (options, local_actions[i]))
      {
        g_autoptr (GError) error = NULL;

        if (!g_application_register (app, NULL, &error))
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        g_action_group_activate_action (G_ACTION_GROUP (app), local_actions[i], NULL);
        /* Here when no other Outlay ran: this one carries on with the
         * window the action opened. */
        return g_application_get_is_remote (app) ? 0 : -1;
      }

  return -1;
}

static void
outlay_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (outlay_application_parent_class)->startup (app);

  /* For window lists that do not match windows to the desktop file. */
  gtk_window_set_default_icon_name (APPLICATION_ID);

  /* Started by D-Bus (a search from GNOME Shell, a desktop action): gone
   * again when idle. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, SERVICE_IDLE_TIMEOUT_MS);

  outlay_accessibility_init ();
}

/* GNOME Shell's searches are answered on the application's own bus name,
 * which the search provider file names. */
static gboolean
outlay_application_dbus_register (GApplication    *app,
                                  GDBusConnection *connection,
                                  const char      *object_path,
                                  GError         **error)
{
  OutlayApplication *self = OUTLAY_APPLICATION (app);
  g_autofree char   *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (outlay_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  self->search_provider = outlay_search_provider_new (self);
  return outlay_search_provider_export (self->search_provider, connection, path, error);
}

static void
outlay_application_dbus_unregister (GApplication    *app,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  OutlayApplication *self = OUTLAY_APPLICATION (app);

  if (self->search_provider != NULL)
    outlay_search_provider_unexport (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (outlay_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
outlay_application_dispose (GObject *object)
{
  OutlayApplication *self = OUTLAY_APPLICATION (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->sync_service);
  g_clear_pointer (&self->sync_error_told, g_free);
  g_clear_object (&self->repository);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (outlay_application_parent_class)->dispose (object);
}

static void
outlay_application_class_init (OutlayApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = outlay_application_dispose;
  app_class->startup = outlay_application_startup;
  app_class->activate = outlay_application_activate;
  app_class->handle_local_options = outlay_application_handle_local_options;
  app_class->dbus_register = outlay_application_dbus_register;
  app_class->dbus_unregister = outlay_application_dbus_unregister;
}

static void
outlay_application_init (OutlayApplication *self)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *close_accels[] = { "<primary>w", NULL };
  static const char *preferences_accels[] = { "<primary>comma", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  outlay_shell_actions_install (self);

  g_application_add_main_option (G_APPLICATION (self), "database", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("The expenses database to open (default: $OUTLAY_DATABASE or the user data folder)"),
                                 _("FILE"));
  g_application_add_main_option (G_APPLICATION (self), "new-expense", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Open the window on a new expense"), NULL);
  g_application_add_main_option (G_APPLICATION (self), "import", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Open the window to import a file"), NULL);
  g_application_add_main_option (G_APPLICATION (self), "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Start without a window, for the reminders (as at login)"), NULL);

  self->settings = g_settings_new (APPLICATION_ID);
  self->reminders = outlay_reminders_new (self);
}

OutlayApplication *
outlay_application_new (void)
{
  return g_object_new (OUTLAY_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * outlay_application_get_repository:
 *
 * Returns: (transfer none) (nullable): the expenses, once the database is
 *   open (from the first activation on)
 */
OutlayRepository *
outlay_application_get_repository (OutlayApplication *self)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);

  if (self->repository == NULL && !open_database (self, &error))
    g_warning ("%s", error->message);

  return self->repository;
}

/**
 * outlay_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
outlay_application_get_settings (OutlayApplication *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * outlay_application_dup_currency:
 *
 * Returns: (transfer full): the currency for new expenses: the one chosen
 *   in Preferences, else (Automatic) the ledger's
 */
char *
outlay_application_dup_currency (OutlayApplication *self)
{
  g_autofree char *chosen = NULL;

  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);

  chosen = g_settings_get_string (self->settings, "currency");
  if (outlay_currency_is_valid (chosen))
    return g_steal_pointer (&chosen);

  return outlay_application_dup_ledger_currency (self);
}

/**
 * outlay_application_dup_ledger_currency:
 *
 * Returns: (transfer full): what Automatic means: the currency the ledger
 *   records, which is the locale's only when nothing else says otherwise
 */
char *
outlay_application_dup_ledger_currency (OutlayApplication *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);

  if (self->repository == NULL || outlay_database_is_damaged (self->database))
    return g_strdup (outlay_currency_for_locale ());

  return outlay_repository_dup_currency (self->repository, outlay_currency_for_locale ());
}

/**
 * outlay_application_get_main_window:
 *
 * Returns: (transfer none) (nullable): the #OutlayWindow, if one is open
 */
GtkWindow *
outlay_application_get_main_window (OutlayApplication *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (OUTLAY_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/**
 * outlay_application_present_window:
 * @timestamp: of the event that asked, or %GDK_CURRENT_TIME
 *
 * Shows the main window, opening it (and the ledger) when there is none:
 * what a search result or a desktop action opens on.
 *
 * Returns: (transfer none) (nullable): the #OutlayWindow, or %NULL when
 *   the ledger could not be opened (the window that says why is shown)
 */
GtkWindow *
outlay_application_present_window (OutlayApplication *self,
                                   guint32            timestamp)
{
  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      GList     *windows = gtk_application_get_windows (GTK_APPLICATION (self));
      GtkWindow *window = outlay_application_get_main_window (self);

      if (window != NULL)
        {
          gtk_window_present_with_time (window, timestamp);
          return window;
        }
      /* A damaged ledger's window, or the reason it could not open: that
       * one again, not another. */
      if (windows != NULL)
        {
          gtk_window_present_with_time (windows->data, timestamp);
          return NULL;
        }
      if (attempt == 0)
        activate_ledger (self);
    }
  return NULL;
}

/**
 * outlay_application_get_reminders:
 *
 * Returns: (transfer none): the reminders, which Preferences turn on
 */
OutlayReminders *
outlay_application_get_reminders (OutlayApplication *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);

  return self->reminders;
}

/* A round that failed says so once in the main window, quietly (a toast
 * at its foot); Preferences › Sync keeps saying it, with what to do. The
 * same error again says nothing until a round works. */
static void
on_sync_error_cb (OutlaySyncService *service,
                  GParamSpec        *pspec,
                  OutlayApplication *self)
{
  const char *message = outlay_sync_service_get_error (service);
  GtkWindow  *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (message == NULL)
    {
      g_clear_pointer (&self->sync_error_told, g_free);
      return;
    }

  if (g_strcmp0 (message, self->sync_error_told) == 0 || window == NULL)
    return;

  g_free (self->sync_error_told);
  self->sync_error_told = g_strdup (message);
  /* In Preferences the page says it already. */
  if (OUTLAY_IS_WINDOW (window))
    {
      g_autoptr (GError) error = g_error_new_literal (OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_FOLDER, message);

      outlay_window_show_error (OUTLAY_WINDOW (window), error);
    }
}

/**
 * outlay_application_get_sync_service:
 *
 * Returns: (transfer none) (nullable): the rounds of sync and their state,
 *   once the database is open
 */
OutlaySyncService *
outlay_application_get_sync_service (OutlayApplication *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);

  if (self->sync_service == NULL && self->repository != NULL)
    {
      self->sync_service = outlay_sync_service_new (self->repository);
      g_signal_connect_object (self->sync_service, "notify::error", G_CALLBACK (on_sync_error_cb), self, 0);
    }

  return self->sync_service;
}
