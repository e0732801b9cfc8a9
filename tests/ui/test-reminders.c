/* test-reminders.c: reminders as notifications, each told once, and the
 * Background portal asked when one is turned on
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

#include "outlay-application.h"
#include "outlay-date.h"
#include "outlay-preferences-window.h"
#include "outlay-reminders-group.h"
#include "outlay-reminders.h"
#include "outlay-test-desktop.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"

static OutlayTestDesktop *desktop;
static OutlayApplication *app;
static OutlayReminders   *reminders;
static GSettings         *settings;
static char              *database_dir;
static char              *database_path;

/* The tests share the application and its ledger. */
typedef struct
{
  int unused;
} Fixture;

static OutlayRepository *
repository (void)
{
  return outlay_application_get_repository (app);
}

static void
set_up (Fixture      *fixture,
        gconstpointer data)
{
  outlay_ui_test_reset_settings ();
  g_ptr_array_set_size (outlay_test_desktop_get_told (desktop), 0);
}

/* Every expense, rule and budget of a test, out of the way of the next. */
static void
tear_down (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) expenses = outlay_repository_find_expenses (repository (), query, 0, 0, NULL);
  g_autoptr (GPtrArray) rules = outlay_repository_list_recurring_rules (repository (), NULL);
  g_autoptr (GPtrArray) budgets = outlay_repository_list_budgets (repository (), TRUE, NULL);

  for (guint i = 0; i < expenses->len; i++)
    g_object_unref (outlay_repository_delete_expense (repository (), outlay_expense_get_id (expenses->pdata[i]), NULL));
  for (guint i = 0; i < rules->len; i++)
    g_object_unref (outlay_repository_delete_recurring_rule (repository (),
                                                             outlay_recurring_rule_get_uuid (rules->pdata[i]), TRUE,
                                                             NULL));
  for (guint i = 0; i < budgets->len; i++)
    g_object_unref (outlay_repository_delete_budget (repository (), outlay_budget_get_id (budgets->pdata[i]), NULL));
  outlay_ui_test_drain ();
}

static gboolean
told_at_least (gpointer n)
{
  return outlay_test_desktop_get_told (desktop)->len >= GPOINTER_TO_UINT (n);
}

/* How many the notification server was told, once @expected came (or
 * none more did for a while: the test then fails on the number). */
static guint
n_told (guint expected)
{
  if (!outlay_ui_test_wait_for (told_at_least, GUINT_TO_POINTER (expected)))
    return outlay_test_desktop_get_told (desktop)->len;
  /* Any more would have come by now: a round trip of the test bus. */
  outlay_ui_test_wait_ms (100);
  return outlay_test_desktop_get_told (desktop)->len;
}

static const OutlayTestNotification *
last_told (void)
{
  return outlay_test_desktop_last_told (desktop);
}

static void
check_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  outlay_reminders_check (reminders, now);
  outlay_ui_test_drain ();
}

static void
check_at (const char *day,
          int         hour,
          int         minute)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (day);
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) now = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                                               g_date_get_day (date), hour, minute, 0);

  outlay_reminders_check (reminders, now);
  outlay_ui_test_drain ();
}

static void
add_expense (gint64      amount,
             const char *day,
             gint64      category_id)
{
  g_autoptr (OutlayExpense) draft = outlay_test_draft (amount, "EUR", day, "Something", category_id);
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;

  stored = outlay_repository_add_expense (repository (), draft, &error);
  g_assert_no_error (error);
}

/* A budget's alert with no window open: told once; not at all when the
 * reminder is off. */
static void
test_budgets (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  g_autoptr (OutlayBudget) budget = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *day = outlay_date_format_iso (today);
  g_autofree char *id = NULL;
  gint64           food = outlay_test_category_at (repository (), 0);

  outlay_budget_set_name (draft, "Food");
  outlay_budget_set_amount (draft, 10000);
  outlay_budget_set_currency (draft, "EUR");
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, "2026-01-01", NULL);
  outlay_budget_set_categories (draft, (const char *const[]){
    outlay_category_get_uuid (outlay_repository_lookup_category (repository (), food)), NULL });
  budget = outlay_repository_add_budget (repository (), draft, &error);
  g_assert_no_error (error);
  id = g_strconcat ("budget-", outlay_budget_get_uuid (budget), NULL);

  add_expense (8500, day, food);
  check_now ();
  g_assert_cmpuint (n_told (1), ==, 1);
  g_assert_cmpstr (last_told ()->id, ==, id);
  g_assert_cmpstr (outlay_test_notification_get (last_told (), "title"), ==, "“Food” has reached 80 % of its budget");

  check_now ();
  g_assert_cmpuint (n_told (1), ==, 1);

  g_settings_set_boolean (settings, "remind-budgets", FALSE);
  add_expense (2000, day, food);
  check_now ();
  g_assert_cmpuint (n_told (1), ==, 1);
}

static OutlayRecurringRule *
add_rule (const char *description,
          int         started_days_ago)
{
  g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
  g_autoptr (GDate) start = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;
  OutlayRecurringRule *stored;
  OutlayRecurrence     recurrence;

  g_date_subtract_days (start, (guint) started_days_ago);
  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, start);
  outlay_recurring_rule_set_amount (draft, 95000);
  outlay_recurring_rule_set_currency (draft, "EUR");
  outlay_recurring_rule_set_description (draft, description);
  outlay_recurring_rule_set_category_uuid (
    draft, outlay_category_get_uuid (outlay_repository_get_fallback_category (repository ())));
  outlay_recurring_rule_set_recurrence (draft, &recurrence);
  outlay_recurring_rule_set_mode (draft, OUTLAY_RECURRING_CONFIRM);
  stored = outlay_repository_add_recurring_rule (repository (), draft, &error);
  g_assert_no_error (error);
  return stored;
}

static GVariant *
button (const OutlayTestNotification *told,
        guint                         index)
{
  g_autoptr (GVariant) buttons = g_variant_lookup_value (told->notification, "buttons", G_VARIANT_TYPE ("aa{sv}"));

  g_assert_nonnull (buttons);
  g_assert_cmpuint (g_variant_n_children (buttons), >, index);
  return g_variant_get_child_value (buttons, index);
}

/* A recurring expense to confirm that fell due: told once, with Review;
 * a second one tells both; when none is due the notification goes. */
static void
test_recurring (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (OutlayRecurringRule) rent = add_rule ("Rent", 1);
  g_autoptr (OutlayRecurringRule) gym = NULL;
  g_autoptr (GVariant) review = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GDate) started = outlay_date_new_today ();
  const char *action = NULL;

  check_now ();
  g_assert_cmpuint (n_told (1), ==, 1);
  g_assert_cmpstr (last_told ()->id, ==, "recurring-due");
  g_assert_cmpstr (outlay_test_notification_get (last_told (), "title"), ==, "“Rent” is due");
  review = button (last_told (), 0);
  g_assert_true (g_variant_lookup (review, "action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.show-dashboard");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "show-dashboard"));

  check_now ();
  g_assert_cmpuint (n_told (1), ==, 1);

  gym = add_rule ("Gym", 2);
  check_now ();
  g_assert_cmpuint (n_told (2), ==, 2);
  g_assert_cmpstr (outlay_test_notification_get (last_told (), "title"), ==, "2 recurring expenses are due");

  /* Confirmed and skipped: nothing is due. */
  g_date_subtract_days (started, 1);
  outlay_repository_confirm_occurrence (repository (), outlay_recurring_rule_get_uuid (rent), started, today, &error);
  g_assert_no_error (error);
  g_date_subtract_days (started, 1);
  g_assert_true (outlay_repository_skip_occurrence (repository (), outlay_recurring_rule_get_uuid (gym), started,
                                                    today, &error));
  g_assert_no_error (error);
  check_now ();
  g_assert_cmpuint (n_told (3), ==, 3);
  g_assert_cmpstr (last_told ()->what, ==, "remove");
  g_assert_cmpstr (last_told ()->id, ==, "recurring-due");
}

/* "Did you spend anything today?" at the chosen time, once a day, only
 * when nothing of the day is written down; not before the time, nor when
 * turned off. */
static void
test_daily (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr (GVariant) add = NULL;
  const char *action = NULL;

  g_settings_set_string (settings, "remind-daily-time", "20:30");
  check_at ("2031-03-10", 21, 0);
  g_assert_cmpuint (n_told (0), ==, 0);

  g_settings_set_boolean (settings, "remind-daily", TRUE);
  check_at ("2031-03-10", 20, 29);
  g_assert_cmpuint (n_told (0), ==, 0);
  check_at ("2031-03-10", 20, 30);
  g_assert_cmpuint (n_told (1), ==, 1);
  g_assert_cmpstr (last_told ()->id, ==, "daily");
  g_assert_cmpstr (outlay_test_notification_get (last_told (), "title"), ==, "Did you spend anything today?");
  add = button (last_told (), 0);
  g_assert_true (g_variant_lookup (add, "action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.new-expense");

  check_at ("2031-03-10", 23, 0);
  g_assert_cmpuint (n_told (1), ==, 1);

  /* The next day, the same; the day after, something was written. */
  check_at ("2031-03-11", 22, 0);
  g_assert_cmpuint (n_told (2), ==, 2);
  add_expense (450, "2031-03-12", outlay_test_category_at (repository (), 0));
  check_at ("2031-03-12", 22, 0);
  g_assert_cmpuint (n_told (2), ==, 2);
}

static const char *
description_of (GtkWidget *group)
{
  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
}

static gboolean
is_not_asking (gpointer data)
{
  return outlay_reminders_get_background_status (reminders) != OUTLAY_BACKGROUND_ASKING;
}

/* Turning a reminder on asks the desktop for the background once, to
 * start at login with --background; the answer is said under the
 * switches, and while allowed the application stays without a window.
 * Without a portal, or refused, reminders come while Outlay runs. */
static void
test_background (Fixture      *fixture,
                 gconstpointer data)
{
  GtkWidget *preferences = outlay_preferences_window_new (app);
  GtkWidget *group = outlay_ui_test_find_of_type (preferences, OUTLAY_TYPE_REMINDERS_GROUP);
  GtkWidget *daily;
  GVariant  *request;
  g_autofree const char **commandline = NULL;
  gboolean autostart = FALSE;

  g_assert_nonnull (group);
  daily = outlay_reminders_group_get_switch (OUTLAY_REMINDERS_GROUP (group), "remind-daily");
  gtk_window_present (GTK_WINDOW (preferences));
  outlay_ui_test_settle (preferences);
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (daily), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (daily), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "“Did you spend anything today?”, if nothing is written down for the day");
  g_assert_cmpstr (description_of (group), ==, "Notifications, while Outlay’s window is closed or in the background.");

  /* No portal on this bus yet. */
  gtk_switch_set_active (GTK_SWITCH (daily), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "remind-daily"));
  g_assert_true (outlay_ui_test_wait_for (is_not_asking, NULL));
  g_assert_cmpint (outlay_reminders_get_background_status (reminders), ==, OUTLAY_BACKGROUND_UNAVAILABLE);
  g_assert_cmpstr (description_of (group), ==,
                   "Reminders come while Outlay is open, and what was missed when you next open it.");
  g_assert_false (outlay_reminders_is_holding (reminders));

  /* Refused. */
  outlay_test_desktop_answer_background (desktop, TRUE, FALSE);
  outlay_reminders_request_background (reminders);
  g_assert_true (outlay_ui_test_wait_for (is_not_asking, NULL));
  g_assert_cmpint (outlay_reminders_get_background_status (reminders), ==, OUTLAY_BACKGROUND_DENIED);
  g_assert_false (g_settings_get_boolean (settings, "background-allowed"));
  g_assert_false (outlay_reminders_is_holding (reminders));

  /* Allowed: what was asked, and the application held. */
  outlay_test_desktop_answer_background (desktop, TRUE, TRUE);
  outlay_reminders_request_background (reminders);
  g_assert_true (outlay_ui_test_wait_for (is_not_asking, NULL));
  g_assert_cmpint (outlay_reminders_get_background_status (reminders), ==, OUTLAY_BACKGROUND_ALLOWED);
  g_assert_true (g_settings_get_boolean (settings, "background-allowed"));
  g_assert_true (outlay_reminders_is_holding (reminders));
  g_assert_cmpstr (description_of (group), ==,
                   "Outlay runs in the background and starts when you log in, to remind you while its window is "
                   "closed.");
  request = outlay_test_desktop_get_background_request (desktop);
  g_assert_true (g_variant_lookup (request, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (request, "commandline", "^a&s", &commandline));
  g_assert_cmpstr (commandline[0], ==, "outlay");
  g_assert_cmpstr (commandline[1], ==, "--background");
  g_assert_null (commandline[2]);

  /* Every reminder off: nothing to stay for. */
  g_settings_set_boolean (settings, "remind-budgets", FALSE);
  g_settings_set_boolean (settings, "remind-recurring", FALSE);
  gtk_switch_set_active (GTK_SWITCH (daily), FALSE);
  outlay_ui_test_drain ();
  g_assert_false (outlay_reminders_is_holding (reminders));

  gtk_window_destroy (GTK_WINDOW (preferences));
  outlay_ui_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("GTK_A11Y", "test", TRUE);
  /* The display first: a test bus unsets DISPLAY. */
  gtk_test_init (&argc, &argv, NULL);
  desktop = outlay_test_desktop_up ();
  app = outlay_ui_test_register_application ("outlay-reminders-XXXXXX", &database_dir, &database_path);
  reminders = outlay_application_get_reminders (app);
  settings = g_object_ref (outlay_application_get_settings (app));

  g_test_add ("/reminders/budgets", Fixture, NULL, set_up, test_budgets, tear_down);
  g_test_add ("/reminders/recurring", Fixture, NULL, set_up, test_recurring, tear_down);
  g_test_add ("/reminders/daily", Fixture, NULL, set_up, test_daily, tear_down);
  g_test_add ("/reminders/background", Fixture, NULL, set_up, test_background, tear_down);

  ret = g_test_run ();

  g_object_unref (settings);
  g_object_unref (app);
  outlay_test_remove_tree (database_dir);
  g_free (database_dir);
  g_free (database_path);
  outlay_test_desktop_stop (desktop);
  return ret;
}
