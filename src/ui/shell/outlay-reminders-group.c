/* outlay-reminders-group.c: Preferences › General › Reminders
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

/* A switch for each reminder, which says what it will do, and the time of
 * the daily one; under them, what the desktop allows: reminders while the
 * window is closed need the background, which is asked the first time one
 * is turned on (outlay-reminders.c). */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "outlay-reminders-group.h"
#include "outlay-reminders.h"

struct _OutlayRemindersGroup
{
  AdwPreferencesGroup parent_instance;

  OutlayApplication *app;
  GSettings         *settings;
  OutlayReminders   *reminders;
  GtkWidget         *switches[3];
  GtkWidget         *time_row;
  GtkWidget         *hour;
  GtkWidget         *minute;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (OutlayRemindersGroup, outlay_reminders_group, ADW_TYPE_PREFERENCES_GROUP)

static const char *const keys[] = { "remind-budgets", "remind-recurring", "remind-daily" };

static void
update_description (OutlayRemindersGroup *self)
{
  const char *text;

  switch (outlay_reminders_get_background_status (self->reminders))
    {
    case OUTLAY_BACKGROUND_ASKING:
      text = _("Asking to run in the background…");
      break;
    case OUTLAY_BACKGROUND_ALLOWED:
      text = _("Outlay runs in the background and starts when you log in, to remind you while its window is "
               "closed.");
      break;
    case OUTLAY_BACKGROUND_DENIED:
      text = _("Outlay may not run in the background: reminders come while it is open, and what was missed when "
               "you next open it.");
      break;
    case OUTLAY_BACKGROUND_UNAVAILABLE:
      text = _("Reminders come while Outlay is open, and what was missed when you next open it.");
      break;
    case OUTLAY_BACKGROUND_NOT_ASKED:
    default:
      text = _("Notifications, while Outlay’s window is closed or in the background.");
      break;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), text);
}

/* A reminder turned on: the desktop is asked once for the background. */
static void
on_switch_active_cb (OutlayRemindersGroup *self,
                     GParamSpec           *pspec,
                     GtkSwitch            *toggle)
{
  OutlayBackgroundStatus status = outlay_reminders_get_background_status (self->reminders);

  if (gtk_switch_get_active (toggle) && (status == OUTLAY_BACKGROUND_NOT_ASKED) &&
      !g_settings_get_boolean (self->settings, "background-allowed"))
    outlay_reminders_request_background (self->reminders);
}

static GtkWidget *
add_switch_row (OutlayRemindersGroup *self,
                guint                 index,
                const char           *title,
                const char           *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  /* The row names its activatable widget by its title; the switch says
   * what it does too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  g_settings_bind (self->settings, keys[index], toggle, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_switch_active_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  self->switches[index] = toggle;
  return row;
}

static void
sync_time (OutlayRemindersGroup *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "remind-daily-time");
  int              hour = 20;
  int              minute = 0;

  if (sscanf (text, "%d:%d", &hour, &minute) != 2 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    {
      hour = 20;
      minute = 0;
    }
  self->updating = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->hour), hour);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->minute), minute);
  self->updating = FALSE;
}

static void
on_time_changed_cb (OutlayRemindersGroup *self)
{
  g_autofree char *text = NULL;

  if (self->updating)
    return;
  text = g_strdup_printf ("%02d:%02d", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->hour)),
                          gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->minute)));
  g_settings_set_string (self->settings, "remind-daily-time", text);
}

/* Two digits, as a clock shows them: "08", "05". */
static gboolean
on_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkWidget *
new_spin (int         upper,
          const char *name)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);

  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (spin, "numeric");
  g_signal_connect (spin, "output", G_CALLBACK (on_output_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return spin;
}

static void
add_time_row (OutlayRemindersGroup *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *colon = gtk_label_new (":");

  self->time_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->time_row), _("Reminder _Time"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->time_row), TRUE);
  /* Translators: what a screen reader calls the spin buttons of the reminder's time */
  self->hour = new_spin (23, _("Hour of the daily reminder"));
  self->minute = new_spin (59, _("Minute of the daily reminder"));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->hour);
  gtk_box_append (GTK_BOX (box), colon);
  gtk_box_append (GTK_BOX (box), self->minute);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->time_row), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->time_row), self->hour);
  g_settings_bind (self->settings, "remind-daily", self->time_row, "sensitive", G_SETTINGS_BIND_GET);
  sync_time (self);
  g_signal_connect_object (self->hour, "value-changed", G_CALLBACK (on_time_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minute, "value-changed", G_CALLBACK (on_time_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::remind-daily-time", G_CALLBACK (sync_time), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->time_row);
}

static void
outlay_reminders_group_dispose (GObject *object)
{
  OutlayRemindersGroup *self = OUTLAY_REMINDERS_GROUP (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->reminders);

  G_OBJECT_CLASS (outlay_reminders_group_parent_class)->dispose (object);
}

static void
outlay_reminders_group_class_init (OutlayRemindersGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = outlay_reminders_group_dispose;
}

static void
outlay_reminders_group_init (OutlayRemindersGroup *self)
{
}

/**
 * outlay_reminders_group_new:
 * @app: whose settings and reminders it shows
 */
GtkWidget *
outlay_reminders_group_new (OutlayApplication *app)
{
  OutlayRemindersGroup *self = g_object_new (OUTLAY_TYPE_REMINDERS_GROUP, NULL);

  self->app = app;
  self->settings = g_object_ref (outlay_application_get_settings (app));
  self->reminders = g_object_ref (outlay_application_get_reminders (app));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Reminders"));
  add_switch_row (self, 0, _("_Budget Alerts"), _("When a budget reaches one of its alerts"));
  add_switch_row (self, 1, _("_Recurring Expenses to Confirm"), _("When one that asks first is due"));
  add_switch_row (self, 2, _("_Daily Reminder"),
                  _("“Did you spend anything today?”, if nothing is written down for the day"));
  add_time_row (self);
  update_description (self);
  g_signal_connect_object (self->reminders, "notify::background-status", G_CALLBACK (update_description), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * outlay_reminders_group_get_switch:
 * @key: remind-budgets, remind-recurring or remind-daily
 *
 * Returns: (transfer none) (nullable): the switch of that reminder
 */
GtkWidget *
outlay_reminders_group_get_switch (OutlayRemindersGroup *self,
                                   const char           *key)
{
  g_return_val_if_fail (OUTLAY_IS_REMINDERS_GROUP (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i], key))
      return self->switches[i];
  return NULL;
}
