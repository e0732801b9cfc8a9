/* test-upcoming.c
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

/* The Dashboard's Upcoming group as a person uses it, in the real window:
 * what the next 30 days cost, what is due with Confirm and Skip, what
 * comes next, and the toasts with Undo. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "outlay-date.h"
#include "outlay-dashboard-page.h"
#include "outlay-money.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"
#include "outlay-upcoming-group.h"

static OutlayApplication *app;
static char              *database_dir;
static char              *database_path;

static OutlayRepository *
repository (void)
{
  return outlay_application_get_repository (app);
}

/* A rule that starts @start_in days from today (before it when below 0). */
static OutlayRecurringRule *
add_rule (const char         *description,
          gint64              amount,
          const char         *currency,
          OutlayRepeatUnit    unit,
          int                 start_in,
          OutlayRecurringMode mode)
{
  g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
  g_autoptr (GDate) start = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;
  OutlayRecurringRule *stored;
  OutlayRecurrence     recurrence;

  if (start_in < 0)
    g_date_subtract_days (start, (guint) -start_in);
  else
    g_date_add_days (start, (guint) start_in);
  outlay_recurrence_init (&recurrence, unit, 1, start);
  outlay_recurring_rule_set_amount (draft, amount);
  outlay_recurring_rule_set_currency (draft, currency);
  outlay_recurring_rule_set_description (draft, description);
  outlay_recurring_rule_set_category_uuid (
    draft, outlay_category_get_uuid (outlay_repository_get_fallback_category (repository ())));
  outlay_recurring_rule_set_recurrence (draft, &recurrence);
  outlay_recurring_rule_set_mode (draft, mode);
  stored = outlay_repository_add_recurring_rule (repository (), draft, &error);
  g_assert_no_error (error);
  return stored;
}

/* Every rule and what it wrote, out of the way of the next test. */
static void
delete_rules (void)
{
  g_autoptr (GPtrArray) rules = outlay_repository_list_recurring_rules (repository (), NULL);

  for (guint i = 0; i < rules->len; i++)
    {
      g_autoptr (OutlayRecurringRule) gone = NULL;
      g_autoptr (GError) error = NULL;

      gone = outlay_repository_delete_recurring_rule (
        repository (), outlay_recurring_rule_get_uuid (g_ptr_array_index (rules, i)), TRUE, &error);
      g_assert_no_error (error);
    }
}

static gint64
count_live (const char *description)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM expenses WHERE description = '%s' "
                                          "AND deleted_at IS NULL",
                                          description);

  return outlay_test_query_int (outlay_database_get_handle (outlay_repository_get_database (repository ())), sql);
}

/* The window on the Dashboard, which shows once the ledger has an expense. */
static OutlayWindow *
open_dashboard (int width,
                int height)
{
  OutlayWindow *window;

  if (outlay_ui_test_count_expenses (repository ()) == 0)
    outlay_ui_test_add_expense (repository (), "Bread");
  window = outlay_ui_test_open_window (app, width, height);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  outlay_ui_test_settle (GTK_WIDGET (window));
  return window;
}

static void
close_window (OutlayWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  delete_rules ();
}

static GtkWidget *
get_group (OutlayWindow *window)
{
  GtkWidget *group = outlay_ui_test_find_of_type (outlay_window_get_dashboard_page (window),
                                                  OUTLAY_TYPE_UPCOMING_GROUP);

  g_assert_nonnull (group);
  return group;
}

static void
settle (OutlayWindow *window)
{
  outlay_ui_test_settle (GTK_WIDGET (window));
}

/* The window on the Dashboard, with a rent to confirm that fell due
 * yesterday. */
static OutlayWindow *
open_with_rent_due (GtkWidget           **group,
                    OutlayRecurringRule **rent)
{
  OutlayWindow *window = open_dashboard (1200, 900);

  *rent = add_rule ("Rent", 95000, "EUR", OUTLAY_REPEAT_MONTHLY, -1, OUTLAY_RECURRING_CONFIRM);
  settle (window);
  *group = get_group (window);
  return window;
}

static gboolean
label_is (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
label_has (GtkWidget  *widget,
           const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* A toast says @title. */
static gboolean
toast_says (OutlayWindow *window,
            const char   *title)
{
  return outlay_ui_test_find (GTK_WIDGET (window), label_is, title) != NULL;
}

static GtkWidget *
find_button (GtkWidget  *group,
             const char *label)
{
  return outlay_ui_test_find (group, outlay_ui_test_is_button, label);
}

/* Ctrl+Z, or the toast's Undo. */
static void
undo (OutlayWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  settle (window);
}

static guint
count_shown (GtkWidget  *root,
             const char *text)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += outlay_ui_test_is_label (child, text) + count_shown (child, text);
  return n;
}

/* Without a recurring expense that has anything to come, there is no
 * group; one appears with the first and goes with the last. */
static void
test_hidden_without_rules (void)
{
  OutlayWindow *window = open_dashboard (1200, 900);
  GtkWidget    *group = get_group (window);
  g_autoptr (OutlayRecurringRule) paused = NULL;
  g_autoptr (OutlayRecurringRule) gym = NULL;
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (gtk_widget_get_visible (group));

  /* A paused one has nothing to come. */
  paused = add_rule ("Newspaper", 300, "EUR", OUTLAY_REPEAT_WEEKLY, 2, OUTLAY_RECURRING_AUTOMATIC);
  outlay_recurring_rule_set_paused_at (paused, "2026-01-01T00:00:00Z");
  stored = outlay_repository_update_recurring_rule (repository (), paused, &error);
  g_assert_no_error (error);
  settle (window);
  g_assert_false (gtk_widget_get_visible (group));

  gym = add_rule ("Gym", 3990, "EUR", OUTLAY_REPEAT_MONTHLY, 3, OUTLAY_RECURRING_AUTOMATIC);
  settle (window);
  g_assert_true (gtk_widget_get_mapped (group));
  g_assert_nonnull (outlay_ui_test_find (group, outlay_ui_test_is_label, "Gym"));

  g_clear_object (&stored);
  stored = outlay_repository_delete_recurring_rule (repository (), outlay_recurring_rule_get_uuid (gym), FALSE, &error);
  g_assert_no_error (error);
  settle (window);
  g_assert_false (gtk_widget_get_visible (group));

  close_window (window);
}

/* The total of the next 30 days, counted here day by day: a weekly 12.00
 * from two days on, the last on the 30th day, and a monthly 5.00 in
 * another currency; the next five, the first on its weekday in words. */
static void
test_total_and_next (void)
{
  OutlayWindow *window = open_dashboard (1200, 900);
  GtkWidget    *group = get_group (window);
  g_autoptr (OutlayRecurringRule) cleaning = NULL;
  g_autoptr (OutlayRecurringRule) cloud = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GDate) day = outlay_date_new_today ();
  g_autoptr (GDate) last = outlay_date_new_today ();
  g_autofree char *euros = NULL;
  g_autofree char *dollars = NULL;
  g_autofree char *expected = NULL;
  char             weekday[64];
  guint            n_weeks = 0;

  cleaning = add_rule ("Cleaning", 1200, "EUR", OUTLAY_REPEAT_WEEKLY, 2, OUTLAY_RECURRING_AUTOMATIC);
  cloud = add_rule ("Cloud", 500, "USD", OUTLAY_REPEAT_MONTHLY, 10, OUTLAY_RECURRING_AUTOMATIC);
  settle (window);

  /* From tomorrow to 30 days on, today's being written or due today. */
  g_date_add_days (day, 2);
  g_date_add_days (last, 30);
  for (; g_date_compare (day, last) <= 0; g_date_add_days (day, 7))
    n_weeks++;
  g_assert_cmpuint (n_weeks, ==, 5);
  euros = outlay_money_format (n_weeks * 1200, "EUR");
  dollars = outlay_money_format (500, "USD");
  expected = g_strdup_printf ("%s + %s in the next 30 days", euros, dollars);
  g_assert_nonnull (outlay_ui_test_find (group, outlay_ui_test_is_label, expected));

  /* The first five: four cleanings and the cloud. */
  g_assert_cmpuint (count_shown (group, "Cleaning"), ==, 4);
  g_assert_cmpuint (count_shown (group, "Cloud"), ==, 1);
  g_clear_pointer (&expected, g_free);
  g_date_set_julian (day, g_date_get_julian (today) + 2);
  g_date_strftime (weekday, sizeof weekday, "%A", day);
  expected = g_strdup_printf ("%s · weekly on %s", weekday, weekday);
  g_assert_nonnull (outlay_ui_test_find (group, outlay_ui_test_is_label, expected));
  /* Nothing is due: no buttons. */
  g_assert_null (find_button (group, "Confirm"));
  g_assert_null (find_button (group, "_Confirm All"));

  close_window (window);
}

/* A row reads as one phrase, the repetition and the day in words. */
static void
test_spoken (void)
{
  g_autoptr (OutlayRecurringRule) rent = add_rule ("Rent", 95000, "EUR", OUTLAY_REPEAT_MONTHLY, 1,
                                                   OUTLAY_RECURRING_CONFIRM);
  g_autoptr (GDate) today = g_date_new_dmy (20, G_DATE_DECEMBER, 2026);
  g_autofree char     *next = NULL;
  g_autofree char     *due = NULL;
  OutlayPlannedExpense planned = { 0 };
  OutlayRecurrence     recurrence = *outlay_recurring_rule_get_recurrence (rent);

  g_date_set_dmy (&recurrence.start, 1, G_DATE_JANUARY, 2026);
  recurrence.month_day = 1;
  outlay_recurring_rule_set_recurrence (rent, &recurrence);
  planned.rule = rent;
  planned.amount = 95000;
  g_date_set_dmy (&planned.occurrence.day, 1, G_DATE_JANUARY, 2027);
  next = outlay_upcoming_group_speak (&planned, FALSE, today);
  g_assert_cmpstr (next, ==, "Rent, 950 euros, monthly on day 1, next Friday 1 January 2027");

  g_date_set_dmy (&planned.occurrence.day, 19, G_DATE_DECEMBER, 2026);
  due = outlay_upcoming_group_speak (&planned, TRUE, today);
  g_assert_cmpstr (due, ==, "Rent, 950 euros, monthly on day 1, due yesterday");

  delete_rules ();
}

/* A due one to confirm shows with Confirm and Skip; Confirm writes it
 * once, on its day, and it is due no more; Undo makes it due again. */
static void
test_confirm (void)
{
  g_autoptr (OutlayRecurringRule) rent = NULL;
  GtkWidget    *group;
  OutlayWindow *window = open_with_rent_due (&group, &rent);
  g_autoptr (GDate) yesterday = outlay_date_new_today ();
  g_autofree char *yesterday_iso = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (gtk_widget_get_mapped (group));
  g_assert_nonnull (outlay_ui_test_find (group, label_has, "Due yesterday"));
  g_assert_nonnull (find_button (group, "Skip"));
  /* One alone needs no Confirm All. */
  g_assert_null (find_button (group, "_Confirm All"));
  g_assert_cmpint (count_live ("Rent"), ==, 0);

  /* From the keyboard: the focus stays in the group, on next month's. */
  gtk_widget_grab_focus (find_button (group, "Confirm"));
  outlay_ui_test_click (find_button (group, "Confirm"));
  settle (window);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), group));
  g_assert_cmpint (count_live ("Rent"), ==, 1);
  g_date_subtract_days (yesterday, 1);
  yesterday_iso = outlay_date_format_iso (yesterday);
  sql = g_strdup_printf ("SELECT count(*) FROM expenses WHERE description = 'Rent' AND occurred_on = '%s' "
                         "AND rule_uuid = '%s'",
                         yesterday_iso, outlay_recurring_rule_get_uuid (rent));
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (outlay_repository_get_database (repository ())),
                                          sql),
                   ==, 1);
  g_assert_true (toast_says (window, "Confirmed “Rent”"));
  g_assert_null (outlay_ui_test_find (group, label_has, "Due yesterday"));
  g_assert_null (find_button (group, "Confirm"));

  undo (window);
  g_assert_cmpint (count_live ("Rent"), ==, 0);
  g_assert_true (toast_says (window, "“Rent” is due again"));
  g_assert_nonnull (outlay_ui_test_find (group, label_has, "Due yesterday"));
  g_assert_nonnull (find_button (group, "Confirm"));

  /* And can be confirmed again. */
  outlay_ui_test_click (find_button (group, "Confirm"));
  settle (window);
  g_assert_cmpint (count_live ("Rent"), ==, 1);

  close_window (window);
}

/* Skip leaves it out: nothing is written, and it is due no more, until
 * Undo. */
static void
test_skip (void)
{
  g_autoptr (OutlayRecurringRule) rent = NULL;
  GtkWidget    *group;
  OutlayWindow *window = open_with_rent_due (&group, &rent);
  g_autoptr (GDate) yesterday = outlay_date_new_today ();
  g_autofree char *title = NULL;
  char             day[64];

  outlay_ui_test_click (find_button (group, "Skip"));
  settle (window);
  g_assert_cmpint (count_live ("Rent"), ==, 0);
  g_assert_null (find_button (group, "Confirm"));
  g_date_subtract_days (yesterday, 1);
  g_date_strftime (day, sizeof day, "%-d %B", yesterday);
  title = g_strdup_printf ("Skipped “Rent” on %s", day);
  g_assert_true (toast_says (window, title));

  undo (window);
  g_assert_true (toast_says (window, "“Rent” is due again"));
  g_assert_nonnull (find_button (group, "Confirm"));
  g_assert_cmpint (count_live ("Rent"), ==, 0);

  close_window (window);
}

/* Confirm All writes every one that is due, in one toast, and one Undo
 * takes them all back. */
static void
test_confirm_all (void)
{
  OutlayWindow *window = open_dashboard (1200, 900);
  GtkWidget    *group = get_group (window);
  g_autoptr (OutlayRecurringRule) rent = add_rule ("Rent", 95000, "EUR", OUTLAY_REPEAT_MONTHLY, -1,
                                                   OUTLAY_RECURRING_CONFIRM);
  g_autoptr (OutlayRecurringRule) water = add_rule ("Water", 3000, "EUR", OUTLAY_REPEAT_MONTHLY, -5,
                                                    OUTLAY_RECURRING_CONFIRM);
  g_autoptr (OutlayRecurringRule) power = add_rule ("Power", 6000, "EUR", OUTLAY_REPEAT_MONTHLY, 0,
                                                    OUTLAY_RECURRING_CONFIRM);

  settle (window);
  g_assert_nonnull (outlay_ui_test_find (group, label_has, "Due today"));
  outlay_ui_test_click (find_button (group, "_Confirm All"));
  settle (window);
  g_assert_cmpint (count_live ("Rent"), ==, 1);
  g_assert_cmpint (count_live ("Water"), ==, 1);
  g_assert_cmpint (count_live ("Power"), ==, 1);
  g_assert_true (toast_says (window, "Confirmed 3 recurring expenses"));
  g_assert_null (find_button (group, "Confirm"));
  g_assert_null (find_button (group, "_Confirm All"));

  undo (window);
  g_assert_true (toast_says (window, "3 recurring expenses are due again"));
  g_assert_cmpint (count_live ("Rent") + count_live ("Water") + count_live ("Power"), ==, 0);
  g_assert_nonnull (find_button (group, "_Confirm All"));

  close_window (window);
}

/* While another program writes, Confirm says why in a toast and changes
 * nothing; the occurrence stays due. */
static void
test_error_changes_nothing (void)
{
  g_autoptr (OutlayRecurringRule) rent = NULL;
  GtkWidget    *group;
  OutlayWindow *window = open_with_rent_due (&group, &rent);
  sqlite3      *other;

  other = outlay_test_hold_ledger (database_path);
  outlay_ui_test_click (find_button (group, "Confirm"));
  settle (window);
  outlay_test_release_ledger (other);
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), label_has, "changing the ledger"));
  g_assert_cmpint (count_live ("Rent"), ==, 0);
  settle (window);
  g_assert_nonnull (find_button (group, "Confirm"));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* English words, "." for the decimal mark. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  app = outlay_ui_test_register_application ("outlay-upcoming-XXXXXX", &database_dir, &database_path);

  g_test_add_func ("/upcoming/hidden-without-rules", test_hidden_without_rules);
  g_test_add_func ("/upcoming/total-and-next", test_total_and_next);
  g_test_add_func ("/upcoming/spoken", test_spoken);
  g_test_add_func ("/upcoming/confirm", test_confirm);
  g_test_add_func ("/upcoming/skip", test_skip);
  g_test_add_func ("/upcoming/confirm-all", test_confirm_all);
  g_test_add_func ("/upcoming/error-changes-nothing", test_error_changes_nothing);

  ret = g_test_run ();

  g_object_unref (app);
  outlay_test_remove_tree (database_dir);
  g_free (database_dir);
  g_free (database_path);

  return ret;
}
