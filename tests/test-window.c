/* test-window.c
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

#include <adwaita.h>

#include "outlay-application.h"
#include "outlay-window.h"

/* Runs with GSETTINGS_BACKEND=memory and GSETTINGS_SCHEMA_DIR=<builddir>/data
 * (tests/meson.build), under xvfb-run when there is no display. */

static OutlayApplication *app;

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (label == NULL || g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), label) == 0))
        return child;

      found = find_descendant (child, type, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
reset_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* A new main window, with a reference of the test's own so that the test can
 * prove with g_assert_finalize_object() that nothing else keeps it alive. */
static OutlayWindow *
create_window (void)
{
  OutlayWindow *window = outlay_window_new (app);

  g_assert_true (OUTLAY_IS_WINDOW (window));
  return g_object_ref (window);
}

static void
destroy_window (OutlayWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_shows_status_page (void)
{
  OutlayWindow   *window;
  GtkWidget      *status_page;
  GtkWidget      *title;
  graphene_rect_t bounds;

  reset_settings ();
  window = create_window ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (app));

  status_page = find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==, "Outlay");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status_page)), ==,
                   "Your expenses will appear here.");

  /* Visible means drawn, with a size, and inside the window. */
  title = find_descendant (status_page, GTK_TYPE_LABEL, "Outlay");
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_is_drawable (title));
  g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)));

  destroy_window (window);
}

static void
test_window_size_from_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  OutlayWindow *window;
  int           width, height;

  reset_settings ();
  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);

  window = create_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  /* Showing the window must not feed a different size back: the window's own
   * width varies with the decorations GTK draws for the display. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 700);

  destroy_window (window);
}

static void
test_window_size_saved (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  OutlayWindow *window;

  reset_settings ();
  window = create_window ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  destroy_window (window);
}

static void
test_about (void)
{
  OutlayWindow *window;
  GtkWindow    *about = NULL;

  reset_settings ();
  window = create_window ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = g_object_ref (l->data);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Outlay");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (about));

  gtk_window_destroy (about);
  g_assert_finalize_object (about);
  destroy_window (window);
}

static void
test_quit (void)
{
  g_auto (GStrv) accels = NULL;
  OutlayWindow *window;

  reset_settings ();
  window = create_window ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstrv (accels, ((const char *[]){ "<Control>q", NULL }));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  /* Quitting closes every window; only the test's reference is left. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  /* Registering runs startup (libadwaita, the resources and style.css)
   * without running a main loop of its own. */
  app = outlay_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/status-page", test_window_shows_status_page);
  g_test_add_func ("/window/size-from-settings", test_window_size_from_settings);
  g_test_add_func ("/window/size-saved", test_window_size_saved);
  g_test_add_func ("/window/about", test_about);
  g_test_add_func ("/window/quit", test_quit);

  ret = g_test_run ();

  /* From startup until shutdown, which only g_application_run() emits, a
   * GtkApplication's action muxer holds a reference to the application, so
   * its finalization cannot be asserted here; the windows' can, above. */
  g_object_unref (app);

  return ret;
}
