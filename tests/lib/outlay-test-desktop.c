/* outlay-test-desktop.c: GNOME Shell's notifications and the Background
 * portal, played by a test on a session bus of its own
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

/* A test session bus (GTestDBus) where this process also owns
 * org.gtk.Notifications, which GNotification reaches with
 * GNOTIFICATION_BACKEND=gtk, and, when asked to, the portal's
 * org.freedesktop.portal.Background, which answers RequestBackground as
 * the test says. Call outlay_test_desktop_up() after gtk_test_init(): the
 * test bus unsets DISPLAY. */

#include "config.h"

#include "outlay-test-desktop.h"

struct _OutlayTestDesktop
{
  GTestDBus       *bus;
  GDBusConnection *connection;
  GPtrArray       *told;
  guint            owner;
  guint            portal_owner;
  gboolean         allowed;
  GVariant        *request; /* the last RequestBackground's options */
};

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' direction='in'/><arg type='a{sv}' direction='in'/><arg type='o' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
told_free (OutlayTestNotification *told)
{
  g_free (told->what);
  g_free (told->id);
  g_clear_pointer (&told->notification, g_variant_unref);
  g_free (told);
}

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  OutlayTestDesktop      *self = user_data;
  OutlayTestNotification *one = g_new0 (OutlayTestNotification, 1);
  const char             *app_id = NULL;
  const char             *id = NULL;

  if (g_str_equal (method_name, "AddNotification"))
    {
      g_variant_get (parameters, "(&s&s@a{sv})", &app_id, &id, &one->notification);
      one->what = g_strdup ("add");
    }
  else
    {
      g_variant_get (parameters, "(&s&s)", &app_id, &id);
      one->what = g_strdup ("remove");
    }
  g_assert_cmpstr (app_id, ==, APPLICATION_ID);
  one->id = g_strdup (id);
  g_ptr_array_add (self->told, one);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

/* The portal answers at once, then says on the request's object what the
 * person chose, as xdg-desktop-portal does. */
static void
portal_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  OutlayTestDesktop *self = user_data;
  g_autoptr (GVariant) options = NULL;
  g_autofree char *name = g_strdup (sender + 1);
  g_autofree char *handle = NULL;
  const char      *token = "t";
  GVariantBuilder  results;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &options);
  g_variant_lookup (options, "handle_token", "&s", &token);
  g_strdelimit (name, ".", '_');
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", name, token);
  g_clear_pointer (&self->request, g_variant_unref);
  self->request = g_variant_ref (options);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (self->allowed));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (self->allowed));
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", self->allowed ? 0 : 1, &results), NULL);
}

static const GDBusInterfaceVTable notifications_vtable = { notifications_method_cb, NULL, NULL, { 0 } };
static const GDBusInterfaceVTable portal_vtable = { portal_method_cb, NULL, NULL, { 0 } };

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static guint
own (GDBusConnection *connection,
     const char      *name)
{
  gboolean acquired = FALSE;
  guint    owner = g_bus_own_name_on_connection (connection, name, G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb,
                                                 NULL, &acquired, NULL);

  while (!acquired)
    g_main_context_iteration (NULL, TRUE);
  return owner;
}

OutlayTestDesktop *
outlay_test_desktop_up (void)
{
  OutlayTestDesktop *self = g_new0 (OutlayTestDesktop, 1);
  g_autoptr (GDBusNodeInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  g_setenv ("GNOTIFICATION_BACKEND", "gtk", TRUE);
  self->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (self->bus);
  self->connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (self->bus),
                                                             G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                             NULL, NULL, &error);
  g_assert_no_error (error);
  self->told = g_ptr_array_new_with_free_func ((GDestroyNotify) told_free);

  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (self->connection, "/org/gtk/Notifications", info->interfaces[0],
                                     &notifications_vtable, self, NULL, &error);
  g_assert_no_error (error);
  self->owner = own (self->connection, "org.gtk.Notifications");
  return self;
}

/**
 * outlay_test_desktop_answer_background:
 * @portal: whether there is a Background portal at all
 * @allowed: what the person answers it
 */
void
outlay_test_desktop_answer_background (OutlayTestDesktop *self,
                                       gboolean           portal,
                                       gboolean           allowed)
{
  g_autoptr (GDBusNodeInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  self->allowed = allowed;
  if (!portal || self->portal_owner != 0)
    return;
  info = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (self->connection, "/org/freedesktop/portal/desktop", info->interfaces[0],
                                     &portal_vtable, self, NULL, &error);
  g_assert_no_error (error);
  self->portal_owner = own (self->connection, "org.freedesktop.portal.Desktop");
}

GVariant *
outlay_test_desktop_get_background_request (OutlayTestDesktop *self)
{
  return self->request;
}

GDBusConnection *
outlay_test_desktop_get_connection (OutlayTestDesktop *self)
{
  return self->connection;
}

GPtrArray *
outlay_test_desktop_get_told (OutlayTestDesktop *self)
{
  return self->told;
}

const OutlayTestNotification *
outlay_test_desktop_last_told (OutlayTestDesktop *self)
{
  return self->told->len > 0 ? g_ptr_array_index (self->told, self->told->len - 1) : NULL;
}

/* A string of an added notification ("title", "body"), or NULL. */
const char *
outlay_test_notification_get (const OutlayTestNotification *told,
                              const char                   *key)
{
  const char *value = NULL;

  if (told->notification == NULL || !g_variant_lookup (told->notification, key, "&s", &value))
    return NULL;
  return value;
}

/* The application's connection lives on in GLib's notification backend:
 * the bus is stopped without waiting for it to go (which taking the test
 * bus down would do), and kept. */
void
outlay_test_desktop_stop (OutlayTestDesktop *self)
{
  if (self->portal_owner != 0)
    g_bus_unown_name (self->portal_owner);
  g_bus_unown_name (self->owner);
  g_dbus_connection_close_sync (self->connection, NULL, NULL);
  g_clear_object (&self->connection);
  g_test_dbus_stop (self->bus);
  g_ptr_array_unref (self->told);
  g_clear_pointer (&self->request, g_variant_unref);
  g_free (self);
}
