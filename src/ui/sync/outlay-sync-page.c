/* outlay-sync-page.c
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

/* Preferences › Sync: the folder to sync through, this device's name, the
 * other devices and when they last wrote, and how the last round went.
 * Nothing here asks in a dialog: errors stay on the page, next to what
 * they are about, with what to do. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-form-rows.h"
#include "outlay-sync-page.h"

#define REFRESH_S 30

struct _OutlaySyncPage
{
  AdwPreferencesPage parent_instance;

  OutlaySyncService    *service;
  GtkFileChooserNative *chooser;
  guint                 refresh_id;
  char                 *device_name; /* as saved, to tell an edit */

  AdwPreferencesGroup *intro_group;
  GtkLabel            *setup_error;
  AdwPreferencesGroup *status_group;
  AdwActionRow        *status_row;
  GtkSpinner          *spinner;
  GtkWidget           *sync_now_button;
  AdwPreferencesGroup *folder_group;
  AdwActionRow        *folder_row;
  GtkLabel            *folder_error;
  AdwPreferencesGroup *device_group;
  AdwEntryRow         *name_row;
  GtkLabel            *name_error;
  AdwPreferencesGroup *devices_group;
  GtkListBox          *devices_list;
};

G_DEFINE_FINAL_TYPE (OutlaySyncPage, outlay_sync_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static GtkLabel *
create_message (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (label, 0);
  gtk_label_set_selectable (label, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (label), 12);
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);

  return label;
}

static char *
describe_status (OutlaySyncPage   *self,
                 OutlaySyncStatus *status,
                 char            **details)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GString *more = g_string_new (NULL);

  *details = NULL;
  if (status->held > 0)
    g_string_append_printf (more,
                            g_dngettext (NULL, "%u change comes from a clock that is ahead and waits for its time.",
                                         "%u changes come from a clock that is ahead and wait for their time.",
                                         status->held),
                            status->held);
  if (status->pending > status->held)
    {
      guint waiting = status->pending - status->held;

      if (more->len > 0)
        g_string_append_c (more, ' ');
      g_string_append_printf (more,
                              g_dngettext (NULL, "%u change waits for a newer Outlay or for what it belongs to.",
                                           "%u changes wait for a newer Outlay or for what they belong to.",
                                           waiting),
                              waiting);
    }
  if (status->unsent > 0 && outlay_sync_service_get_error (self->service) == NULL)
    {
      if (more->len > 0)
        g_string_append_c (more, ' ');
      g_string_append_printf (more,
                              g_dngettext (NULL, "%u change of this device to send.",
                                           "%u changes of this device to send.", status->unsent),
                              status->unsent);
    }
  *details = g_string_free (more, more->len == 0);

  if (outlay_sync_service_get_running (self->service) && outlay_sync_service_get_percent (self->service) > 0)
    /* Translators: a round that reads a large ledger, as far as it got */
    return g_strdup_printf (_("Syncing… %d %%"), outlay_sync_service_get_percent (self->service));
  if (outlay_sync_service_get_running (self->service))
    return g_strdup (_("Syncing…"));

  if (outlay_sync_service_get_error (self->service) != NULL)
    {
      /* The error goes first; what waits is less urgent. */
      g_free (*details);
      *details = g_strdup (outlay_sync_service_get_error (self->service));
      return g_strdup (_("Could Not Sync"));
    }

  if (status->last_sync_at == NULL)
    return g_strdup (_("Not synced yet"));

  {
    g_autofree char *ago = outlay_sync_page_format_ago (status->last_sync_at, now);

    /* Translators: %s is a time such as “3 minutes ago” or “just now” */
    return g_strdup_printf (_("Synced %s"), ago);
  }
}

static GtkWidget *
create_device_row (OutlaySyncDevice *device,
                   GDateTime        *now)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), device->name != NULL ? device->name : _("Unnamed Device"));
  if (device->seen_at != NULL)
    {
      g_autofree char *ago = outlay_sync_page_format_ago (device->seen_at, now);

      /* Translators: when another device last wrote to the sync folder;
       * %s is a time such as “3 minutes ago” */
      subtitle = g_strdup_printf (_("Last seen %s"), ago);
    }
  else
    subtitle = g_strdup (_("Not seen yet"));

  if (device->schema > OUTLAY_SCHEMA_VERSION)
    {
      g_autofree char *newer = g_strconcat (subtitle, " · ", _("uses a newer Outlay"), NULL);

      g_free (subtitle);
      subtitle = g_steal_pointer (&newer);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_focusable (row, TRUE);

  return row;
}

static void
refresh (OutlaySyncPage *self)
{
  g_autoptr (OutlaySyncStatus) status = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *display = NULL;
  GtkWidget       *child;
  gboolean         syncing;
  gboolean         running;

  status = outlay_sync_service_dup_status (self->service, &error);
  if (status == NULL)
    {
      show_message (self->setup_error, error->message);
      return;
    }

  syncing = status->folder != NULL;
  running = outlay_sync_service_get_running (self->service);
  gtk_widget_set_visible (GTK_WIDGET (self->intro_group), !syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->folder_group), syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->device_group), syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->devices_group), syncing);
  if (!syncing)
    return;

  title = describe_status (self, status, &details);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), details != NULL ? details : "");
  if (outlay_sync_service_get_error (self->service) != NULL && !running)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_sensitive (self->sync_now_button, !running);

  display = g_filename_display_name (status->folder);
  adw_action_row_set_subtitle (self->folder_row, display);

  /* Not while the person edits it. */
  if (g_strcmp0 (self->device_name, status->device_name) != 0)
    {
      g_free (self->device_name);
      self->device_name = g_strdup (status->device_name);
      if (!gtk_widget_has_focus (GTK_WIDGET (self->name_row)) &&
          gtk_widget_get_focus_child (GTK_WIDGET (self->name_row)) == NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->name_row), status->device_name);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->devices_list))) != NULL &&
         GTK_IS_LIST_BOX_ROW (child))
    gtk_list_box_remove (self->devices_list, child);
  for (guint i = 0; i < status->devices->len; i++)
    {
      OutlaySyncDevice *device = g_ptr_array_index (status->devices, i);

      if (!device->is_self)
        gtk_list_box_append (self->devices_list, create_device_row (device, now));
    }
}

static gboolean
refresh_cb (gpointer user_data)
{
  refresh (OUTLAY_SYNC_PAGE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        OutlaySyncPage  *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);
  if (file != NULL)
    outlay_sync_page_choose_folder (self, file);
}

static void
on_choose_cb (OutlaySyncPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Folder to Sync Through"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_sync_now_cb (OutlaySyncPage *self)
{
  outlay_sync_service_request (self->service, OUTLAY_SYNC_REASON_MANUAL);
}

static void
on_stop_cb (OutlaySyncPage *self)
{
  g_autoptr (GError) error = NULL;

  /* Nothing is lost: the folder keeps what this device wrote, and
   * choosing it again goes on from there. */
  if (!outlay_sync_service_leave (self->service, &error))
    show_message (self->folder_error, error->message);
  else
    show_message (self->setup_error, NULL);
}

static void
apply_name (OutlaySyncPage *self)
{
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (g_strcmp0 (text, self->device_name) == 0)
    {
      show_message (self->name_error, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      return;
    }

  if (!outlay_sync_service_set_device_name (self->service, text, &error))
    {
      show_message (self->name_error, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      return;
    }

  show_message (self->name_error, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
on_name_focus_leave_cb (OutlaySyncPage *self)
{
  apply_name (self);
}

static GtkWidget *
create_suffix_button (const char *label,
                      const char *description)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Named by its label; this says more. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  return button;
}

static void
build_intro (OutlaySyncPage *self)
{
  GtkWidget *choose_row;

  self->intro_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->intro_group, _("Sync"));
  adw_preferences_group_set_description (self->intro_group,
                                         _("Sync this ledger through a folder that Syncthing, Nextcloud or a "
                                           "USB stick keeps the same on your devices. Outlay never puts its "
                                           "database there."));
  choose_row = outlay_form_button_row_new (_("_Choose Folder…"), _("The same folder on each device"),
                                           "folder-symbolic");
  g_signal_connect_object (choose_row, "activated", G_CALLBACK (on_choose_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->intro_group, choose_row);
  self->setup_error = create_message ();
  adw_preferences_group_add (self->intro_group, GTK_WIDGET (self->setup_error));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->intro_group);
}

static void
build_status (OutlaySyncPage *self)
{
  self->status_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->status_group, _("Sync"));
  self->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_action_row_add_suffix (self->status_row, GTK_WIDGET (self->spinner));
  self->sync_now_button = create_suffix_button (_("Sync _Now"),
                                                _("Write this device’s changes and read the others’ now"));
  gtk_widget_add_css_class (self->sync_now_button, "suggested-action");
  g_signal_connect_object (self->sync_now_button, "clicked", G_CALLBACK (on_sync_now_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->status_row, self->sync_now_button);
  adw_preferences_group_add (self->status_group, GTK_WIDGET (self->status_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->status_group);
}

static void
build_folder (OutlaySyncPage *self)
{
  GtkWidget *change;
  GtkWidget *stop_row;

  self->folder_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->folder_group, _("Folder"));
  self->folder_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->folder_row), _("Syncs Through"));
  change = create_suffix_button (_("C_hange…"), _("Change the sync folder"));
  g_signal_connect_object (change, "clicked", G_CALLBACK (on_choose_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->folder_row, change);
  adw_preferences_group_add (self->folder_group, GTK_WIDGET (self->folder_row));

  stop_row = outlay_form_button_row_new (_("_Stop Syncing"),
                                         _("The folder keeps what this device wrote; choose it again to go on"),
                                         "process-stop-symbolic");
  g_signal_connect_object (stop_row, "activated", G_CALLBACK (on_stop_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->folder_group, stop_row);
  self->folder_error = create_message ();
  adw_preferences_group_add (self->folder_group, GTK_WIDGET (self->folder_error));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->folder_group);
}

static void
build_devices (OutlaySyncPage *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget          *placeholder;

  self->device_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->device_group, _("This Device"));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("_Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->name_row), TRUE);
  adw_entry_row_set_show_apply_button (self->name_row, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("How the other devices show this one"), -1);
  g_signal_connect_object (self->name_row, "apply", G_CALLBACK (apply_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_name_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->name_row), focus);
  adw_preferences_group_add (self->device_group, GTK_WIDGET (self->name_row));
  self->name_error = create_message ();
  adw_preferences_group_add (self->device_group, GTK_WIDGET (self->name_error));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->device_group);

  self->devices_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->devices_group, _("Other Devices"));
  self->devices_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->devices_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->devices_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->devices_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Other devices"), -1);
  placeholder = gtk_label_new (_("No other device has synced yet. On another device, choose the same folder "
                                 "in Outlay’s Preferences."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->devices_list, placeholder);
  adw_preferences_group_add (self->devices_group, GTK_WIDGET (self->devices_list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->devices_group);
}

static void
outlay_sync_page_dispose (GObject *object)
{
  OutlaySyncPage *self = OUTLAY_SYNC_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (outlay_sync_page_parent_class)->dispose (object);
}

static void
outlay_sync_page_finalize (GObject *object)
{
  OutlaySyncPage *self = OUTLAY_SYNC_PAGE (object);

  g_free (self->device_name);

  G_OBJECT_CLASS (outlay_sync_page_parent_class)->finalize (object);
}

static void
outlay_sync_page_class_init (OutlaySyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_sync_page_dispose;
  object_class->finalize = outlay_sync_page_finalize;
}

static void
outlay_sync_page_init (OutlaySyncPage *self)
{
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "sync");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Sync"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "emblem-synchronizing-symbolic");

  build_intro (self);
  build_status (self);
  build_folder (self);
  build_devices (self);
}

/**
 * outlay_sync_page_new:
 * @service: the rounds of sync
 *
 * Returns: (transfer floating): Preferences › Sync
 */
GtkWidget *
outlay_sync_page_new (OutlaySyncService *service)
{
  OutlaySyncPage *self;

  g_return_val_if_fail (OUTLAY_IS_SYNC_SERVICE (service), NULL);

  self = g_object_new (OUTLAY_TYPE_SYNC_PAGE, NULL);
  self->service = g_object_ref (service);
  g_signal_connect_object (service, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (service, "notify::error", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  /* "3 minutes ago" stays true. */
  self->refresh_id = g_timeout_add_seconds (REFRESH_S, refresh_cb, self);
  refresh (self);

  return GTK_WIDGET (self);
}

/**
 * outlay_sync_page_choose_folder:
 * @folder: the folder chosen
 *
 * What choosing a folder does: syncs through it from now on, or says on
 * the page why not.
 *
 * Returns: whether the ledger syncs through @folder now
 */
gboolean
outlay_sync_page_choose_folder (OutlaySyncPage *self,
                                GFile          *folder)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean         was_syncing;

  g_return_val_if_fail (OUTLAY_IS_SYNC_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  was_syncing = gtk_widget_get_visible (GTK_WIDGET (self->folder_group));
  path = g_file_get_path (folder);
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("This folder is not on this computer’s disks. Choose a folder the sync program "
                           "keeps here."));
  if (path == NULL || !outlay_sync_service_setup (self->service, path, &error))
    {
      show_message (was_syncing ? self->folder_error : self->setup_error, error->message);
      return FALSE;
    }

  show_message (self->setup_error, NULL);
  show_message (self->folder_error, NULL);
  refresh (self);

  return TRUE;
}

/**
 * outlay_sync_page_format_ago:
 * @timestamp: a time in UTC, ISO 8601
 * @now: the time now
 *
 * Returns: (transfer full): how long ago @timestamp was: “just now”,
 *   “3 minutes ago”, “yesterday”, or the day
 */
char *
outlay_sync_page_format_ago (const char *timestamp,
                             GDateTime  *now)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) then = g_date_time_new_from_iso8601 (timestamp, utc);
  g_autoptr (GDateTime) local = NULL;
  GTimeSpan span;
  gint64    minutes;

  if (then == NULL)
    return g_strdup (timestamp);

  span = g_date_time_difference (now, then);
  minutes = MAX (span, 0) / G_TIME_SPAN_MINUTE;
  if (minutes < 1)
    return g_strdup (_("just now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (NULL, "%d minute ago", "%d minutes ago", (gulong) minutes), (int) minutes);
  if (minutes < 24 * 60)
    return g_strdup_printf (g_dngettext (NULL, "%d hour ago", "%d hours ago", (gulong) (minutes / 60)),
                            (int) (minutes / 60));
  if (minutes < 2 * 24 * 60)
    return g_strdup (_("yesterday"));
  if (minutes < 30 * 24 * 60)
    return g_strdup_printf (g_dngettext (NULL, "%d day ago", "%d days ago", (gulong) (minutes / (24 * 60))),
                            (int) (minutes / (24 * 60)));

  local = g_date_time_to_local (then);
  /* Translators: when a device last synced, long ago; a date in the notation of g_date_time_format() */
  return g_date_time_format (local, _("on %e %B %Y"));
}
