/* outlay-reminders.c: notifications while the window is closed
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

/* Three reminders, each on or off in Preferences (the remind-* keys), each
 * told once:
 *  - a budget's alert (the ledger remembers which it gave, a period at a
 *    time); while a window is open it tells them itself
 *    (outlay-budget-alerts.c), so these are the ones reached with no
 *    window: from the command line, a search's quick add, a catch-up;
 *  - recurring expenses that ask first and fell due (the occurrences told
 *    of are kept in reminded-occurrences);
 *  - once a day at the chosen time, "Did you spend anything today?" when
 *    no expense of the day is written down (reminded-daily-on).
 * They are looked at on start, every few minutes and at the daily time.
 * Nothing is told while the window is what the person looks at.
 *
 * For them to come while the window is closed, Outlay asks the desktop's
 * Background portal, when a reminder is turned on, to run without a window
 * and to start at login with --background; allowed, it holds the
 * application. Without it, they come while Outlay runs, and what was
 * missed at the next start: nothing is lost. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-budget-alerts.h"
#include "outlay-date.h"
#include "outlay-money.h"
#include "outlay-reminders.h"

/* How often the ledger is looked at between daily times. */
#define CHECK_INTERVAL_S (15 * 60)

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

struct _OutlayReminders
{
  GObject parent_instance;

  OutlayApplication     *app; /* owns this */
  GSettings             *settings;
  guint                  timeout_id;
  gboolean               holding;
  OutlayBackgroundStatus status;
  guint                  response_id; /* the portal's Response signal */
  GDBusConnection       *connection;  /* of @response_id */
};

enum
{
  PROP_0,
  PROP_BACKGROUND_STATUS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OutlayReminders, outlay_reminders, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void schedule (OutlayReminders *self);

static gboolean
any_on (OutlayReminders *self)
{
  return g_settings_get_boolean (self->settings, "remind-budgets") ||
         g_settings_get_boolean (self->settings, "remind-recurring") ||
         g_settings_get_boolean (self->settings, "remind-daily");
}

/* Held while a reminder is on and the desktop allows the background. */
static void
update_hold (OutlayReminders *self)
{
  gboolean want = any_on (self) && g_settings_get_boolean (self->settings, "background-allowed");

  if (want == self->holding)
    return;
  self->holding = want;
  if (want)
    g_application_hold (G_APPLICATION (self->app));
  else
    g_application_release (G_APPLICATION (self->app));
}

/* "20:00", else 20:00. */
static void
daily_time (OutlayReminders *self,
            int             *hour,
            int             *minute)
{
  g_autofree char *text = g_settings_get_string (self->settings, "remind-daily-time");

  *hour = 20;
  *minute = 0;
  if (text != NULL && strlen (text) == 5 && text[2] == ':' && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
      g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]))
    {
      int h = (text[0] - '0') * 10 + (text[1] - '0');
      int m = (text[3] - '0') * 10 + (text[4] - '0');

      if (h < 24 && m < 60)
        {
          *hour = h;
          *minute = m;
        }
    }
}

static GDateTime *
daily_time_on (OutlayReminders *self,
               GDateTime       *now)
{
  int hour, minute;

  daily_time (self, &hour, &minute);
  return g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now), hour, minute, 0);
}

/* Budgets */

static void
check_budgets (OutlayReminders  *self,
               OutlayRepository *repository,
               const GDate      *today)
{
  g_autoptr (GPtrArray) alerts = NULL;
  g_autoptr (GError) error = NULL;

  if (!(alerts = outlay_repository_take_budget_alerts (repository, today, &error)))
    {
      if (!g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY))
        g_warning ("Could not look at the budgets’ alerts: %s", error->message);
      return;
    }
  for (guint i = 0; i < alerts->len; i++)
    outlay_budget_alerts_notify (G_APPLICATION (self->app), g_ptr_array_index (alerts, i));
}

/* Recurring expenses to confirm */

static void
notify_due (OutlayReminders *self,
            GArray          *due)
{
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (due->len == 1)
    {
      const OutlayPlannedExpense *planned = &g_array_index (due, OutlayPlannedExpense, 0);
      g_autofree char            *money = outlay_money_format_expense (
        planned->amount, outlay_recurring_rule_get_currency (planned->rule));

      /* Translators: a notification: a recurring expense waits to be confirmed */
      title = g_strdup_printf (_("“%s” is due"), outlay_recurring_rule_get_description (planned->rule));
      /* Translators: under "“Rent” is due": its amount */
      body = g_strdup_printf (_("%s, to confirm or skip on the Dashboard."), money);
    }
  else
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint i = 0; i < due->len; i++)
        g_ptr_array_add (names, (gpointer) outlay_recurring_rule_get_description (
                                  g_array_index (due, OutlayPlannedExpense, i).rule));
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (", ", (char **) names->pdata);
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recurring expense is due",
                                            "%u recurring expenses are due", due->len),
                               due->len);
      /* Translators: under "3 recurring expenses are due": their names, then what to do */
      body = g_strdup_printf (_("%s: to confirm or skip on the Dashboard."), joined);
    }
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-dashboard");
  g_notification_add_button (notification, _("Review"), "app.show-dashboard");
  g_application_send_notification (G_APPLICATION (self->app), "recurring-due", notification);
}

static void
check_due (OutlayReminders  *self,
           OutlayRepository *repository,
           const GDate      *today,
           gboolean          looking)
{
  g_autoptr (GArray) due = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();
  g_auto (GStrv) told = g_settings_get_strv (self->settings, "reminded-occurrences");
  g_auto (GStrv) now_due = NULL;
  guint n_new = 0;

  if (!(due = outlay_repository_list_due (repository, today, &error)))
    {
      if (!g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY))
        g_warning ("Could not look at the recurring expenses: %s", error->message);
      return;
    }

  for (guint i = 0; i < due->len; i++)
    {
      const OutlayPlannedExpense *planned = &g_array_index (due, OutlayPlannedExpense, i);
      char                        day[OUTLAY_DATE_ISO_SIZE];
      g_autofree char            *key = NULL;

      outlay_date_format_iso_buf (&planned->occurrence.scheduled, day);
      key = g_strdup_printf ("%s@%s", outlay_recurring_rule_get_uuid (planned->rule), day);
      if (!g_strv_contains ((const char *const *) told, key))
        n_new++;
      g_strv_builder_add (keys, key);
    }
  now_due = g_strv_builder_end (keys);

  /* All confirmed or skipped: what was told goes. */
  if (due->len == 0 && told[0] != NULL)
    g_application_withdraw_notification (G_APPLICATION (self->app), "recurring-due");
  else if (n_new > 0 && !looking)
    notify_due (self, due);
  /* Told, or seen in the window: only what is still due is kept. */
  g_settings_set_strv (self->settings, "reminded-occurrences", (const char *const *) now_due);
}

/* The day's spending */

static void
check_daily (OutlayReminders  *self,
             OutlayRepository *repository,
             GDateTime        *now,
             const GDate      *today,
             gboolean          looking)
{
  g_autoptr (GDateTime) due_at = daily_time_on (self, now);
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GNotification) notification = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *last = g_settings_get_string (self->settings, "reminded-daily-on");
  char             day[OUTLAY_DATE_ISO_SIZE];
  guint            count = 0;

  outlay_date_format_iso_buf (today, day);
  /* Not yet, done today, or the person is in Outlay now. */
  if (g_date_time_compare (now, due_at) < 0 || g_strcmp0 (last, day) == 0 || looking)
    return;

  outlay_query_set_date_range (query, day, day);
  if (!outlay_repository_count_expenses (repository, query, &count, &error))
    {
      if (!g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY))
        g_warning ("Could not count the day’s expenses: %s", error->message);
      return;
    }
  g_settings_set_string (self->settings, "reminded-daily-on", day);
  if (count > 0)
    return;

  notification = g_notification_new (_("Did you spend anything today?"));
  g_notification_set_body (notification, _("Nothing is written down for today yet."));
  g_notification_set_default_action (notification, "app.new-expense");
  g_notification_add_button (notification, _("Add Expense"), "app.new-expense");
  g_application_send_notification (G_APPLICATION (self->app), "daily", notification);
}

/**
 * outlay_reminders_check:
 * @now: the time it is
 *
 * Tells what is due of the reminders turned on, each once.
 */
void
outlay_reminders_check (OutlayReminders *self,
                        GDateTime       *now)
{
  OutlayRepository *repository;
  GtkWindow        *window = outlay_application_get_main_window (self->app);
  gboolean          looking = window != NULL && gtk_window_is_active (window);
  GDate             today;

  g_return_if_fail (OUTLAY_IS_REMINDERS (self));

  /* No notification without a session bus: what is due waits. */
  if (g_application_get_dbus_connection (G_APPLICATION (self->app)) == NULL ||
      !(repository = outlay_application_get_repository (self->app)))
    return;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  if (window == NULL && g_settings_get_boolean (self->settings, "remind-budgets"))
    check_budgets (self, repository, &today);
  if (g_settings_get_boolean (self->settings, "remind-recurring"))
    check_due (self, repository, &today, looking);
  if (g_settings_get_boolean (self->settings, "remind-daily"))
    check_daily (self, repository, now, &today, looking);
}

/* Scheduling */

static gboolean
check_cb (gpointer user_data)
{
  OutlayReminders *self = user_data;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  self->timeout_id = 0;
  outlay_reminders_check (self, now);
  schedule (self);
  return G_SOURCE_REMOVE;
}

/* The next look: in a few minutes, or at the daily time if sooner. */
static void
schedule (OutlayReminders *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) due_at = daily_time_on (self, now);
  GTimeSpan until = g_date_time_difference (due_at, now);
  guint     seconds = CHECK_INTERVAL_S;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!any_on (self))
    return;
  if (g_settings_get_boolean (self->settings, "remind-daily") && until > 0 && until < CHECK_INTERVAL_S * G_USEC_PER_SEC)
    seconds = (guint) (until / G_USEC_PER_SEC) + 1;
  self->timeout_id = g_timeout_add_seconds (seconds, check_cb, self);
}

static void
on_settings_changed_cb (OutlayReminders *self,
                        const char      *key)
{
  if (!g_str_has_prefix (key, "remind-") && !g_str_equal (key, "background-allowed"))
    return;
  update_hold (self);
  schedule (self);
}

/**
 * outlay_reminders_start:
 *
 * Looks at what is due now, then every few minutes and at the daily time,
 * and holds the application where the desktop allows the background.
 */
void
outlay_reminders_start (OutlayReminders *self)
{
  g_return_if_fail (OUTLAY_IS_REMINDERS (self));

  update_hold (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_idle_add (check_cb, self);
}

/* The Background portal */

static void
set_status (OutlayReminders       *self,
            OutlayBackgroundStatus status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND_STATUS]);
}

static void
stop_listening (OutlayReminders *self)
{
  if (self->response_id != 0)
    g_dbus_connection_signal_unsubscribe (self->connection, self->response_id);
  self->response_id = 0;
  g_clear_object (&self->connection);
}

static void
on_response_cb (GDBusConnection *connection,
                const char      *sender,
                const char      *path,
                const char      *interface,
                const char      *signal,
                GVariant        *parameters,
                gpointer         user_data)
{
  OutlayReminders *self = user_data;
  g_autoptr (GVariant) results = NULL;
  gboolean allowed = FALSE;
  guint    response = 2;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  if (response == 0)
    g_variant_lookup (results, "background", "b", &allowed);
  stop_listening (self);
  g_settings_set_boolean (self->settings, "background-allowed", allowed);
  set_status (self, allowed ? OUTLAY_BACKGROUND_ALLOWED : OUTLAY_BACKGROUND_DENIED);
  update_hold (self);
}

static void
requested_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (OutlayReminders) self = user_data;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  if ((reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error)) != NULL)
    return;
  /* No portal (or one without Background): reminders while Outlay runs. */
  g_debug ("No background: %s", error->message);
  stop_listening (self);
  g_settings_set_boolean (self->settings, "background-allowed", FALSE);
  set_status (self, OUTLAY_BACKGROUND_UNAVAILABLE);
  update_hold (self);
}

/**
 * outlay_reminders_request_background:
 *
 * Asks the desktop to let Outlay run in the background and start at
 * login (with --background), as a reminder was turned on; the answer is
 * kept in background-allowed and said by #OutlayReminders:background-status.
 */
void
outlay_reminders_request_background (OutlayReminders *self)
{
  GDBusConnection *connection;
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  GVariantBuilder  options;
  const char      *commandline[] = { "outlay", "--background", NULL };

  g_return_if_fail (OUTLAY_IS_REMINDERS (self));

  if (self->status == OUTLAY_BACKGROUND_ASKING)
    return;
  if (!(connection = g_application_get_dbus_connection (G_APPLICATION (self->app))))
    {
      set_status (self, OUTLAY_BACKGROUND_UNAVAILABLE);
      return;
    }

  /* The request's path is known before the call, so that its answer
   * cannot come before it is listened for. */
  token = g_strdup_printf ("outlay%u", g_random_int ());
  sender = g_strdup (g_dbus_connection_get_unique_name (connection) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf ("%s/request/%s/%s", PORTAL_PATH, sender, token);
  stop_listening (self);
  self->connection = g_object_ref (connection);
  self->response_id = g_dbus_connection_signal_subscribe (connection, PORTAL_BUS_NAME,
                                                          "org.freedesktop.portal.Request", "Response", handle,
                                                          NULL, G_DBUS_SIGNAL_FLAGS_NONE, on_response_cb,
                                                          self, NULL);
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("To remind you of budgets, recurring expenses and the day’s "
                                                 "spending while its window is closed")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));
  set_status (self, OUTLAY_BACKGROUND_ASKING);
  g_dbus_connection_call (connection, PORTAL_BUS_NAME, PORTAL_PATH, "org.freedesktop.portal.Background",
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, requested_cb, g_object_ref (self));
}

OutlayBackgroundStatus
outlay_reminders_get_background_status (OutlayReminders *self)
{
  g_return_val_if_fail (OUTLAY_IS_REMINDERS (self), OUTLAY_BACKGROUND_NOT_ASKED);

  return self->status;
}

/**
 * outlay_reminders_is_holding:
 *
 * Returns: whether it keeps the application running without a window
 */
gboolean
outlay_reminders_is_holding (OutlayReminders *self)
{
  g_return_val_if_fail (OUTLAY_IS_REMINDERS (self), FALSE);

  return self->holding;
}

static void
outlay_reminders_dispose (GObject *object)
{
  OutlayReminders *self = OUTLAY_REMINDERS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  stop_listening (self);
  if (self->holding)
    g_application_release (G_APPLICATION (self->app));
  self->holding = FALSE;
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (outlay_reminders_parent_class)->dispose (object);
}

static void
outlay_reminders_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OutlayReminders *self = OUTLAY_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_BACKGROUND_STATUS:
      g_value_set_int (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_reminders_class_init (OutlayRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_reminders_dispose;
  object_class->get_property = outlay_reminders_get_property;

  /**
   * OutlayReminders:background-status:
   *
   * An #OutlayBackgroundStatus: what the desktop said of the background.
   */
  properties[PROP_BACKGROUND_STATUS] =
    g_param_spec_int ("background-status", NULL, NULL, OUTLAY_BACKGROUND_NOT_ASKED, OUTLAY_BACKGROUND_UNAVAILABLE,
                      OUTLAY_BACKGROUND_NOT_ASKED, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_reminders_init (OutlayReminders *self)
{
}

/**
 * outlay_reminders_new:
 * @app: the application, which owns it
 */
OutlayReminders *
outlay_reminders_new (OutlayApplication *app)
{
  OutlayReminders *self = g_object_new (OUTLAY_TYPE_REMINDERS, NULL);

  self->app = app;
  self->settings = g_object_ref (outlay_application_get_settings (app));
  /* Asked before and allowed: as it was. */
  if (g_settings_get_boolean (self->settings, "background-allowed"))
    self->status = OUTLAY_BACKGROUND_ALLOWED;
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
