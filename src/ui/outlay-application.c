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

#include "outlay-application.h"
#include "outlay-window.h"

struct _OutlayApplication
{
  AdwApplication parent_instance;
};

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
  adw_about_window_set_application_name (about, _ ("Outlay"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _ ("The Outlay authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_copyright (about, "© 2026 The Outlay authors");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/outlay/outlay");
  adw_about_window_set_issue_url (about, "https://github.com/outlay/outlay/issues");
  /* Translators: Replace this with your name(s), one per line. */
  adw_about_window_set_translator_credits (about, _ ("translator-credits"));

  /* The application icon is installed by a later change; until it is there,
   * show no icon rather than the theme's "missing image". */
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

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
};

static void
outlay_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (outlay_window_new (OUTLAY_APPLICATION (app)));

  gtk_window_present (window);
}

static void
outlay_application_class_init (OutlayApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = outlay_application_activate;
}

static void
outlay_application_init (OutlayApplication *self)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *close_accels[] = { "<primary>w", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
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
