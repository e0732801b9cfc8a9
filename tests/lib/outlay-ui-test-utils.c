/* outlay-ui-test-utils.c
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

#include <string.h>

#include "outlay-ui-test-utils.h"

/* Runs what is pending in the main context (idles, timeouts that are due)
 * without waiting for more. */
void
outlay_ui_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets @widget's window take in what happened: idles, layout, a frame. */
void
outlay_ui_test_settle (GtkWidget *widget)
{
  outlay_ui_test_drain ();
  gtk_test_widget_wait_for_draw (widget);
  outlay_ui_test_drain ();
}

/* Runs the main context for @ms milliseconds. */
void
outlay_ui_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  /* On a loaded machine the test can lose the processor for longer than
   * @ms: the main context runs at least once all the same. */
  do
    g_main_context_iteration (NULL, FALSE);
  while (g_get_monotonic_time () < end);
}

/* The narrowest @window goes with its text twice as large, as a phone's
 * "Large Text" and more can make it: a phone is 360 pixels wide. */
int
outlay_ui_test_min_width_at_text_scale_2 (GtkWidget *window)
{
  GtkSettings *settings = gtk_widget_get_settings (window);
  int          dpi = 0;
  int          min = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 2 * 96 * 1024, NULL);
  outlay_ui_test_settle (window);
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  outlay_ui_test_settle (window);
  return min;
}

/* Runs the main context until @condition holds of @data, for at most 10 s
 * (a worker's answer, or a message of the session bus, on a loaded
 * machine): whether it came to hold. */
gboolean
outlay_ui_test_wait_for (OutlayUiTestCondition condition,
                         gpointer              data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

/* The first widget below @root (not @root itself), depth first, that
 * @match accepts with @text; NULL if none does. */
GtkWidget *
outlay_ui_test_find (GtkWidget        *root,
                     OutlayUiTestMatch match,
                     const char       *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, text))
        return child;
      if ((found = outlay_ui_test_find (child, match, text)) != NULL)
        return found;
    }

  return NULL;
}

/* Matchers for outlay_ui_test_find(). Those that say "shown" take only a
 * mapped widget, as a person sees it. */

/* A preferences row (entry, combo, action…) titled @title, shown or not. */
gboolean
outlay_ui_test_is_row (GtkWidget  *widget,
                       const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* An entry row titled @title, shown or not. */
gboolean
outlay_ui_test_is_entry_row (GtkWidget  *widget,
                             const char *title)
{
  return ADW_IS_ENTRY_ROW (widget) && outlay_ui_test_is_row (widget, title);
}

/* A shown button labelled @label. */
gboolean
outlay_ui_test_is_button (GtkWidget  *widget,
                          const char *label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A shown status page titled @title. */
gboolean
outlay_ui_test_is_status_page (GtkWidget  *widget,
                               const char *title)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

/* A shown label whose label (markup and mnemonics included) holds @text. */
gboolean
outlay_ui_test_is_label_containing (GtkWidget  *widget,
                                    const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* A shown label whose label (markup and mnemonics included) is @text. */
gboolean
outlay_ui_test_is_label (GtkWidget  *widget,
                         const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* A shown widget whose type is named @type_name exactly. */
gboolean
outlay_ui_test_is_mapped_type (GtkWidget  *widget,
                               const char *type_name)
{
  return gtk_widget_get_mapped (widget) && g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name);
}

/* A widget of the type named @type_name or of a type derived from it,
 * shown or not. */
gboolean
outlay_ui_test_is_of_type (GtkWidget  *widget,
                           const char *type_name)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name (type_name));
}

/* The first widget of @type below @root (not @root itself), depth first. */
GtkWidget *
outlay_ui_test_find_of_type (GtkWidget *root,
                             GType      type)
{
  return outlay_ui_test_find (root, outlay_ui_test_is_of_type, g_type_name (type));
}

/* Any widget with the CSS class @css_class, shown or not. */
gboolean
outlay_ui_test_has_css_class (GtkWidget  *widget,
                              const char *css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

/* The first visible toplevel window of @type, or NULL. */
GtkWindow *
outlay_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
on_button_clicked_cb (GtkButton *button,
                      gboolean  *clicked)
{
  g_assert (clicked != NULL);

  *clicked = TRUE;
}

/* Activates @button as Enter or Space does, after asserting that it can be
 * used and is drawn, and waits for its "clicked", which GTK emits some
 * 250 ms later, once the button has shown itself pressed. The button may
 * go in its handler (a dialog's button goes with the dialog). */
void
outlay_ui_test_click (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong   handler;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_drawable (button));

  handler = g_signal_connect (button, "clicked", G_CALLBACK (on_button_clicked_cb), &clicked);
  g_object_add_weak_pointer (G_OBJECT (button), (gpointer *) &button);
  gtk_widget_activate (button);
  while (!clicked)
    g_main_context_iteration (NULL, TRUE);

  if (button != NULL)
    {
      g_signal_handler_disconnect (button, handler);
      g_object_remove_weak_pointer (G_OBJECT (button), (gpointer *) &button);
    }
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller; /* the widget keeps it */
    }
  return NULL;
}

/* Drops @dragged on @target, halfway down it, as a drag and drop does
 * without the pointer: what @dragged's drag source prepares goes to
 * @target's drop target's "drop". Returns whether the drop was taken. */
gboolean
outlay_ui_test_drop (GtkWidget *dragged,
                     GtkWidget *target)
{
  GtkEventController *source = find_controller (dragged, GTK_TYPE_DRAG_SOURCE);
  GtkEventController *drop = find_controller (target, GTK_TYPE_DROP_TARGET);
  g_autoptr (GdkContentProvider) content = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GValue) value = G_VALUE_INIT;
  double   y = gtk_widget_get_height (target) / 2.0;
  gboolean taken = FALSE;

  g_assert_nonnull (source);
  g_assert_nonnull (drop);
  g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, gtk_drop_target_get_gtypes (GTK_DROP_TARGET (drop), NULL)[0]);
  if (!gdk_content_provider_get_value (content, &value, &error))
    return FALSE; /* the target takes nothing of the kind the source gives */
  g_signal_emit_by_name (drop, "drop", &value, 4.0, y, &taken);
  outlay_ui_test_drain ();
  return taken;
}

/* Makes a temporary folder from @dir_template for the test's own ledger,
 * points OUTLAY_DATABASE at outlay.db in it and registers a new
 * application, which runs startup (libadwaita, the resources and
 * style.css) without running a main loop of its own. The caller frees
 * @database_dir and @database_path and unrefs the application. */
OutlayApplication *
outlay_ui_test_register_application (const char *dir_template,
                                     char      **database_dir,
                                     char      **database_path)
{
  g_autoptr (GError) error = NULL;
  OutlayApplication *app;

  *database_dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  *database_path = g_build_filename (*database_dir, "outlay.db", NULL);
  g_setenv ("OUTLAY_DATABASE", *database_path, TRUE);

  app = outlay_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/* Every expense the ledger shows, whatever the window's filters. */
guint
outlay_ui_test_count_expenses (OutlayRepository *repository)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GError) error = NULL;
  guint count = G_MAXUINT;

  g_assert_true (outlay_repository_count_expenses (repository, query, &count, &error));
  g_assert_no_error (error);
  return count;
}

/* A 4.50 € expense in the first category, on a fixed day. */
void
outlay_ui_test_add_expense (OutlayRepository *repository,
                            const char       *description)
{
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCategory) category = g_list_model_get_item (outlay_repository_get_categories (repository), 0);

  outlay_expense_set_amount (draft, 450);
  outlay_expense_set_currency (draft, "EUR");
  outlay_expense_set_occurred_on (draft, "2026-11-20");
  outlay_expense_set_description (draft, description);
  outlay_expense_set_category_id (draft, outlay_category_get_id (category));
  stored = outlay_repository_add_expense (repository, draft, &error);
  g_assert_no_error (error);
}

/* Every key of the application's settings back to its default. */
void
outlay_ui_test_reset_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* A new main window of @width × @height in euros, shown and drawn, with a
 * reference of the test's own so that the test can prove with
 * g_assert_finalize_object() that nothing else keeps it alive. */
OutlayWindow *
outlay_ui_test_open_window (OutlayApplication *app,
                            int                width,
                            int                height)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  OutlayWindow *window;

  outlay_ui_test_reset_settings ();
  g_settings_set_string (settings, "currency", "EUR");
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);

  window = outlay_window_new (app);
  g_assert_true (OUTLAY_IS_WINDOW (window));
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  outlay_ui_test_settle (GTK_WIDGET (window));

  return window;
}

static gboolean
stall_tick_cb (gpointer user_data)
{
  OutlayUiTestStallMeter *meter = user_data;
  gint64                  now = g_get_monotonic_time ();

  meter->longest = MAX (meter->longest, now - meter->last);
  meter->last = now;

  return G_SOURCE_CONTINUE;
}

/* Starts measuring the longest stall of the main loop from now. */
void
outlay_ui_test_stall_meter_start (OutlayUiTestStallMeter *meter)
{
  meter->last = g_get_monotonic_time ();
  meter->longest = 0;
  meter->id = g_timeout_add_full (G_PRIORITY_HIGH, 5, stall_tick_cb, meter, NULL);
}

/* Returns the longest stall until now, in milliseconds. */
guint
outlay_ui_test_stall_meter_stop (OutlayUiTestStallMeter *meter)
{
  stall_tick_cb (meter);
  g_clear_handle_id (&meter->id, g_source_remove);

  return (guint) (meter->longest / 1000);
}
