/* outlay-budget-alerts.c
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

/* Budget alerts: a threshold a budget reached in its period, told once
 * (the ledger remembers it), as a toast in the window a person looks at,
 * else as a notification. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-application.h"
#include "outlay-budget-alerts.h"
#include "outlay-budgets-group.h"
#include "outlay-date.h"
#include "outlay-toasts.h"

static char *
alert_title (const OutlayBudgetAlert *alert)
{
  const char *name = outlay_budget_get_name (alert->budget);

  if (alert->status.state == OUTLAY_BUDGET_OVER)
    /* Translators: a budget alert: the budget's name */
    return g_strdup_printf (_("“%s” is over budget"), name);
  if (alert->threshold >= 100)
    /* Translators: a budget alert: the budget's name; all of it is spent, not more */
    return g_strdup_printf (_("“%s” is fully used"), name);
  /* Translators: a budget alert: the budget's name and a percent, "“Groceries” has reached 80 % of its budget" */
  return g_strdup_printf (_("“%s” has reached %u %% of its budget"), name, alert->threshold);
}

/**
 * outlay_budget_alerts_notify:
 * @app: the application that sends it
 * @alert: a threshold reached
 *
 * Tells @alert in a notification, which replaces an older one of the
 * same budget: its newest state is what matters.
 */
void
outlay_budget_alerts_notify (GApplication            *app,
                             const OutlayBudgetAlert *alert)
{
  g_autofree char *title = alert_title (alert);
  g_autoptr (GNotification) notification = g_notification_new (title);
  g_autofree char *body = outlay_budgets_group_describe_status (alert->budget, &alert->status);
  g_autofree char *id = g_strdup_printf ("budget-%s", outlay_budget_get_uuid (alert->budget));

  g_notification_set_body (notification, body);
  g_application_send_notification (app, id, notification);
}

/**
 * outlay_budget_alerts_show:
 * @window: where a toast shows when it is active; else a notification,
 *   when Preferences allow it
 *
 * Tells the thresholds budgets reached that were not told yet.
 */
void
outlay_budget_alerts_show (GtkWindow        *window,
                           AdwToastOverlay  *overlay,
                           OutlayRepository *repository)
{
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) alerts = NULL;
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));
  gboolean      notify;

  alerts = outlay_repository_take_budget_alerts (repository, today, &error);
  if (alerts == NULL)
    {
      /* Another program writes: the next change looks again. */
      if (!g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY))
        g_warning ("Could not look at the budgets’ alerts: %s", error->message);
      return;
    }

  /* Without a session bus, no notification would be seen. */
  notify = !gtk_window_is_active (window) && app != NULL && g_application_get_dbus_connection (app) != NULL &&
           g_settings_get_boolean (outlay_application_get_settings (OUTLAY_APPLICATION (app)), "remind-budgets");
  for (guint i = 0; i < alerts->len; i++)
    {
      const OutlayBudgetAlert *alert = g_ptr_array_index (alerts, i);

      if (notify)
        outlay_budget_alerts_notify (app, alert);
      else
        {
          g_autofree char *title = alert_title (alert);
          AdwToast        *toast = outlay_toasts_new (title);

          /* The newest state of a budget is what matters now. */
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          adw_toast_overlay_add_toast (overlay, toast);
        }
    }
}
