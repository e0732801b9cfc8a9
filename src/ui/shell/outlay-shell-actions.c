/* outlay-shell-actions.c: what the desktop asks of Outlay
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

/* The desktop file's actions ("New Expense", "Import…", which GNOME Shell
 * offers on the icon and a phone on a long press), an expense added from
 * the Activities search with its notification (Undo, Edit), and opening
 * the window on an expense or a search. They are application actions, so
 * that D-Bus activation, a notification's button and the command line's
 * --new-expense reach them alike. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-date.h"
#include "outlay-expenses-page.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-shell-actions.h"
#include "outlay-window.h"

static void
window_action (OutlayApplication *app,
               const char        *name)
{
  GtkWindow *window = outlay_application_present_window (app, GDK_CURRENT_TIME);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), name, NULL);
}

static void
new_expense_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  window_action (user_data, "win.new-expense");
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  window_action (user_data, "win.import");
}

static void
show_dashboard_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *window = outlay_application_present_window (user_data, GDK_CURRENT_TIME);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
}

static void
show_expense_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  outlay_shell_show_expense (user_data, g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static char *
notification_id (const char *uuid)
{
  return g_strconcat ("quick-add-", uuid, NULL);
}

/* A notification's Undo: the expense goes again, unless it was changed
 * since (in the window, say): then it is what the person made of it. */
static void
undo_add_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  OutlayApplication *app = user_data;
  OutlayRepository  *repository = outlay_application_get_repository (app);
  const char        *uuid = g_variant_get_string (parameter, NULL);
  g_autofree char   *id = notification_id (uuid);
  g_autoptr (OutlayExpense) expense = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GError) error = NULL;

  g_application_withdraw_notification (G_APPLICATION (app), id);
  if (repository == NULL || !(expense = outlay_repository_get_expense_by_uuid (repository, uuid, &error)))
    return;
  if (outlay_expense_get_deleted_at (expense) != NULL)
    return;
  if (g_strcmp0 (outlay_expense_get_created_at (expense), outlay_expense_get_updated_at (expense)) != 0)
    {
      /* Translators: a notification: Undo of an expense added from a search, changed since */
      g_autofree char *title = g_strdup_printf (_("“%s” was changed since it was added, and stays"),
                                                outlay_expense_get_description (expense));
      g_autoptr (GNotification) kept = g_notification_new (title);

      g_notification_set_default_action_and_target (kept, "app.show-expense", "s", uuid);
      g_application_send_notification (G_APPLICATION (app), id, kept);
      return;
    }
  if (!(deleted = outlay_repository_delete_expense (repository, outlay_expense_get_id (expense), &error)))
    g_warning ("Could not take back the expense: %s", error->message);
}

static const GActionEntry shell_actions[] = {
  { "new-expense", new_expense_action, NULL, NULL, NULL, { 0 } },
  { "import", import_action, NULL, NULL, NULL, { 0 } },
  { "show-expense", show_expense_action, "s", NULL, NULL, { 0 } },
  { "show-dashboard", show_dashboard_action, NULL, NULL, NULL, { 0 } },
  { "undo-add", undo_add_action, "s", NULL, NULL, { 0 } },
};

/**
 * outlay_shell_actions_install:
 *
 * Adds app.new-expense, app.import, app.show-expense (an expense's uuid),
 * app.show-dashboard and app.undo-add (the uuid of an expense added from
 * a search).
 */
void
outlay_shell_actions_install (OutlayApplication *app)
{
  g_action_map_add_action_entries (G_ACTION_MAP (app), shell_actions, G_N_ELEMENTS (shell_actions), app);
}

/**
 * outlay_shell_quick_add_category:
 *
 * Returns: (transfer none) (nullable): the category an expense added from
 *   a search goes to: what a rule or the history of its description says,
 *   else the one for everything else ("Other")
 */
OutlayCategory *
outlay_shell_quick_add_category (OutlayApplication *app,
                                 const char        *description,
                                 gint64             amount,
                                 const char        *currency)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autoptr (GError) error = NULL;
  OutlayCategory *category = NULL;
  gint64          category_id = 0;

  if (repository == NULL)
    return NULL;
  if (outlay_repository_suggest_category (repository, description, NULL, amount, currency, &category_id, &rule,
                                          &error) != OUTLAY_SUGGESTED_NONE)
    category = outlay_repository_lookup_category (repository, category_id);
  else if (error != NULL)
    g_warning ("Could not suggest a category: %s", error->message);
  return category != NULL ? category : outlay_repository_get_fallback_category (repository);
}

/**
 * outlay_shell_quick_add:
 * @amount: in minor units of @currency
 * @description: what it was for
 *
 * Adds an expense of today from a search of the desktop, in the category
 * outlay_shell_quick_add_category() says, and says so in a notification
 * with Undo and Edit.
 *
 * Returns: (transfer full): the expense, or %NULL with @error set
 */
OutlayExpense *
outlay_shell_quick_add (OutlayApplication *app,
                        gint64             amount,
                        const char        *currency,
                        const char        *description,
                        GError           **error)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  OutlayCategory   *category = outlay_shell_quick_add_category (app, description, amount, currency);
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GNotification) notification = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *day = outlay_date_format_iso (today);
  g_autofree char *money = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;
  const char      *uuid;

  if (repository == NULL || category == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Your expenses could not be opened."));
      return NULL;
    }

  outlay_expense_set_amount (draft, amount);
  outlay_expense_set_currency (draft, currency);
  outlay_expense_set_description (draft, description);
  outlay_expense_set_note (draft, "");
  outlay_expense_set_occurred_on (draft, day);
  outlay_expense_set_category_id (draft, outlay_category_get_id (category));
  if (!(stored = outlay_repository_add_expense (repository, draft, error)))
    return NULL;

  uuid = outlay_expense_get_uuid (stored);
  money = outlay_money_format_expense (amount, currency);
  /* Translators: a notification: "Added €12.50 “lunch”" */
  title = g_strdup_printf (_("Added %s “%s”"), money, description);
  /* Translators: under "Added €12.50 “lunch”"; %s is a category */
  body = g_strdup_printf (_("In %s, today."), outlay_category_get_name (category));
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-expense", "s", uuid);
  g_notification_add_button_with_target (notification, _("Undo"), "app.undo-add", "s", uuid);
  g_notification_add_button_with_target (notification, _("Edit"), "app.show-expense", "s", uuid);
  id = notification_id (uuid);
  g_application_send_notification (G_APPLICATION (app), id, notification);

  return g_steal_pointer (&stored);
}

/**
 * outlay_shell_show_expense:
 * @uuid: the expense's
 * @timestamp: of the click or key that asked, which lets the window come
 *   forward
 *
 * Opens the window on the expense, in the editor.
 */
void
outlay_shell_show_expense (OutlayApplication *app,
                           const char        *uuid,
                           guint32            timestamp)
{
  GtkWindow        *window = outlay_application_present_window (app, timestamp);
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayExpense) expense = NULL;
  g_autoptr (GError) error = NULL;

  if (window == NULL || repository == NULL)
    return;
  expense = outlay_repository_get_expense_by_uuid (repository, uuid, &error);
  /* Gone since it was found: the window is what there is to show. */
  if (expense == NULL || outlay_expense_get_deleted_at (expense) != NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "expenses");
  outlay_expenses_page_edit_expense (OUTLAY_EXPENSES_PAGE (outlay_window_get_expenses_page (OUTLAY_WINDOW (window))),
                                     expense);
}

/**
 * outlay_shell_search:
 * @text: the words searched for on the desktop
 * @timestamp: of the key that asked
 *
 * Opens the window's list with the same search.
 */
void
outlay_shell_search (OutlayApplication *app,
                     const char        *text,
                     guint32            timestamp)
{
  GtkWindow *window = outlay_application_present_window (app, timestamp);

  if (window == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "expenses");
  outlay_expenses_page_search (OUTLAY_EXPENSES_PAGE (outlay_window_get_expenses_page (OUTLAY_WINDOW (window))), text);
}
