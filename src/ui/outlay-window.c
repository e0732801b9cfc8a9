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

#include "config.h"

#include "outlay-window.h"

struct _OutlayWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  /* Template widgets */
  AdwHeaderBar  *header_bar;
  GtkMenuButton *primary_menu_button;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (OutlayWindow, outlay_window, ADW_TYPE_APPLICATION_WINDOW)

static void
outlay_window_dispose (GObject *object)
{
  OutlayWindow *self = OUTLAY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_WINDOW);
  g_clear_object (&self->settings);

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
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, status_page);
}

static void
outlay_window_init (OutlayWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* GtkWindow keeps default-width/-height at the unmaximized size, so binding
   * them restores both the size and the maximized state at the next start. */
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
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
  g_return_val_if_fail (OUTLAY_IS_APPLICATION (application), NULL);

  return g_object_new (OUTLAY_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
