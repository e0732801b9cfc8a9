/* test-recurring.c
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

/* The Recurring Expenses window as a person uses it: rows for the rules
 * the store has, with how they repeat, their next day and what they cost
 * a month; pausing and resuming, deleting with or without what a rule
 * wrote, each with Undo; the empty page; and the signals that ask the
 * expense editor for a new rule or to edit one. "Today" is a fixed day,
 * Sunday 15 March 2026, and every day and amount expected is worked out
 * here from the literal start days, with GDate, not with the code that
 * the window uses. */

#include "config.h"

#include <adwaita.h>

#include "outlay-date.h"
#include "outlay-recurring-row.h"
#include "outlay-recurring-window.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"

typedef struct
{
  OutlayTestFixture      store;
  OutlayRepository      *repository;
  OutlayRecurringWindow *window;
  GDate                 *today;
  guint                  new_rules;
  GPtrArray             *edited; /* the rules "edit-rule" named */
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  outlay_test_fixture_setup (&fixture->store, NULL);
  fixture->repository = fixture->store.repository;
  fixture->today = g_date_new_dmy (15, G_DATE_MARCH, 2026);
  fixture->edited = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  if (fixture->window != NULL)
    {
      GtkWindow *question = outlay_recurring_window_get_question (fixture->window);

      if (question != NULL)
        gtk_window_destroy (question);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      outlay_ui_test_drain ();
    }
  fixture->repository = NULL;
  outlay_test_fixture_teardown (&fixture->store, NULL);
  g_date_free (fixture->today);
  g_ptr_array_unref (fixture->edited);
}

static void
on_new_rule_cb (OutlayRecurringWindow *window,
                Fixture               *fixture)
{
  fixture->new_rules++;
}

static void
on_edit_rule_cb (OutlayRecurringWindow *window,
                 OutlayRecurringRule   *rule,
                 Fixture               *fixture)
{
  g_ptr_array_add (fixture->edited, g_object_ref (rule));
}

static void
open_window (Fixture *fixture)
{
  fixture->window = outlay_recurring_window_new (NULL, fixture->repository);
  outlay_recurring_window_set_today (fixture->window, fixture->today);
  g_signal_connect (fixture->window, "new-rule", G_CALLBACK (on_new_rule_cb), fixture);
  g_signal_connect (fixture->window, "edit-rule", G_CALLBACK (on_edit_rule_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  outlay_ui_test_settle (GTK_WIDGET (fixture->window));
}

static OutlayRecurringRule *
add_rule (Fixture         *fixture,
          const char      *description,
          gint64           amount,
          OutlayRepeatUnit unit,
          guint            interval,
          const char      *start)
{
  return outlay_test_add_recurring (fixture->repository, outlay_test_recurring_draft (fixture->repository, description,
                                                                                      amount, unit, interval, start));
}

static OutlayRecurringRule *
stored_rule (Fixture             *fixture,
             OutlayRecurringRule *rule)
{
  g_autoptr (GError) error = NULL;
  OutlayRecurringRule *stored =
    outlay_repository_get_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rule), &error);

  g_assert_no_error (error);
  return stored;
}

/* Writes what the rules owe up to today, as the main window does. */
static void
catch_up (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayRecurringRun) run =
    outlay_repository_run_recurring (fixture->repository, fixture->today, 60, NULL, &error);

  g_assert_no_error (error);
}

/* The live expenses a rule wrote. */
static gint64
count_written (Fixture             *fixture,
               OutlayRecurringRule *rule)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM expenses WHERE deleted_at IS NULL AND rule_uuid = '%s'",
                                          outlay_recurring_rule_get_uuid (rule));

  return outlay_test_query_int (outlay_test_handle (&fixture->store), sql);
}

/* The first day, on today or after, of a schedule from @start that steps
 * by @months months or else by @days days, as the row names it. */
static char *
expected_day (Fixture    *fixture,
              const char *start,
              guint       months,
              guint       days)
{
  g_autoptr (GDate) first = outlay_date_parse_iso (start);
  GDate day = *first;
  char  text[64];

  for (guint n = 1; g_date_compare (&day, fixture->today) < 0; n++)
    {
      day = *first;
      if (months > 0)
        g_date_add_months (&day, n * months);
      else
        g_date_add_days (&day, n * days);
    }
  g_date_strftime (text, sizeof text,
                   g_date_get_year (&day) == g_date_get_year (fixture->today) ? "%A %-d %B" : "%A %-d %B %Y", &day);
  return g_strdup (text);
}

/* "€43.48": @cents as the window writes euros. */
static char *
euros (gint64 cents)
{
  return g_strdup_printf ("€%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, cents / 100, cents % 100);
}

static OutlayRecurringRow *
row_of (Fixture    *fixture,
        const char *description)
{
  GtkWidget *row = outlay_recurring_window_get_row (fixture->window, description);

  g_assert_nonnull (row);
  return OUTLAY_RECURRING_ROW (row);
}

static const char *
subtitle_of (Fixture    *fixture,
             const char *description)
{
  return outlay_recurring_row_get_subtitle (row_of (fixture, description));
}

typedef enum
{
  SUBTITLE, /* what the row says under the description */
  SPOKEN,   /* what a screen reader hears of it */
} RowText;

/* That the row of @description says what @format, as printf() reads it,
 * makes. */
G_GNUC_PRINTF (4, 5)
static void
assert_row (Fixture    *fixture,
            const char *description,
            RowText     what,
            const char *format,
            ...)
{
  va_list          args;
  g_autofree char *expected = NULL;

  va_start (args, format);
  expected = g_strdup_vprintf (format, args);
  va_end (args);
  if (what == SUBTITLE)
    g_assert_cmpstr (subtitle_of (fixture, description), ==, expected);
  else
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_of (fixture, description)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         expected);
}

static gboolean
model_has (GMenuModel *model,
           const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL && model_has (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
    }
  return FALSE;
}

/* A shown button of @action. */
static gboolean
is_action_button (GtkWidget  *widget,
                  const char *action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Whether the row's menu offers @action. */
static gboolean
menu_has (Fixture    *fixture,
          const char *description,
          const char *action)
{
  GtkWidget *button = outlay_recurring_row_get_menu_button (row_of (fixture, description));

  return model_has (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), action);
}

/* Without rules: a page that says how one is made, and a button that
 * asks for one. */
static void
test_empty (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr (OutlayRecurringRule) rent = NULL;
  GtkWidget *page;
  GtkWidget *button;

  open_window (fixture);
  g_assert_cmpstr (outlay_recurring_window_get_page (fixture->window), ==, "empty");
  page = outlay_ui_test_find (GTK_WIDGET (fixture->window), outlay_ui_test_is_status_page, "No Recurring Expenses");
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page)), ==, "media-playlist-repeat-symbolic");
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "_New Recurring Expense"));
  button = outlay_ui_test_find (page, is_action_button, "recurring.new");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "New Recurring Expense");
  outlay_ui_test_click (button);
  g_assert_cmpuint (fixture->new_rules, ==, 1);

  /* One added elsewhere shows at once. */
  rent = add_rule (fixture, "Rent", 95000, OUTLAY_REPEAT_MONTHLY, 1, "2026-01-01");
  g_assert_cmpstr (outlay_recurring_window_get_page (fixture->window), ==, "list");
  g_assert_nonnull (outlay_recurring_window_get_row (fixture->window, "Rent"));
}

/* Each row: how it repeats and its next day, its amount and what it
 * costs a month where that differs; paused, ended and to-confirm rules
 * say so; the heading sums what those that still write cost a month. */
static void
test_rows (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (OutlayRecurringRule) rent = add_rule (fixture, "Rent", 95000, OUTLAY_REPEAT_MONTHLY, 1, "2026-01-01");
  g_autoptr (OutlayRecurringRule) gym = add_rule (fixture, "Gym", 1000, OUTLAY_REPEAT_WEEKLY, 1, "2026-01-05");
  g_autoptr (OutlayRecurringRule) insurance =
    add_rule (fixture, "Insurance", 48000, OUTLAY_REPEAT_YEARLY, 1, "2025-06-20");
  g_autoptr (OutlayRecurringRule) water = NULL;
  g_autoptr (OutlayRecurringRule) paper = NULL;
  g_autoptr (OutlayRecurringRule) phone = NULL;
  g_autoptr (OutlayRecurringRule) draft = NULL;
  g_autofree char *rent_day = expected_day (fixture, "2026-01-01", 1, 0);
  g_autofree char *gym_day = expected_day (fixture, "2026-01-05", 0, 7);
  g_autofree char *insurance_day = expected_day (fixture, "2025-06-20", 12, 0);
  g_autofree char *water_day = expected_day (fixture, "2026-02-10", 3, 0);
  g_autofree char *text = NULL;
  g_autofree char *gym_monthly = NULL;
  g_autofree char *total = NULL;
  /* An average month is a year of 365.25 days over 12: a week's €10 is
   * 10 × 365.25 / 12 / 7. */
  gint64           gym_cents = (gint64) (1000 * 365.25 / 12 / 7 + 0.5);
  gint64           total_cents = 95000 + gym_cents + 48000 / 12 + 9000 / 3;
  OutlayRecurrence recurrence;

  draft = outlay_test_recurring_draft (fixture->repository, "Water", 9000, OUTLAY_REPEAT_MONTHLY, 3, "2026-02-10");
  outlay_recurring_rule_set_mode (draft, OUTLAY_RECURRING_CONFIRM);
  water = outlay_test_add_recurring (fixture->repository, g_steal_pointer (&draft));
  draft = outlay_test_recurring_draft (fixture->repository, "Newspaper", 2500, OUTLAY_REPEAT_MONTHLY, 1, "2026-01-15");
  outlay_recurring_rule_set_paused_at (draft, "2026-03-01T08:00:00.000Z");
  paper = outlay_test_add_recurring (fixture->repository, g_steal_pointer (&draft));
  /* Three times from January 2025: its last was in March 2025. */
  draft = outlay_test_recurring_draft (fixture->repository, "Phone", 2000, OUTLAY_REPEAT_MONTHLY, 1, "2025-01-10");
  recurrence = *outlay_recurring_rule_get_recurrence (draft);
  recurrence.end = OUTLAY_REPEAT_END_COUNT;
  recurrence.count = 3;
  outlay_recurring_rule_set_recurrence (draft, &recurrence);
  phone = outlay_test_add_recurring (fixture->repository, g_steal_pointer (&draft));

  open_window (fixture);
  g_assert_cmpstr (outlay_recurring_window_get_page (fixture->window), ==, "list");
  {
    g_auto (GStrv) names = outlay_recurring_window_dup_descriptions (fixture->window);

    g_assert_cmpstrv (names, ((const char *const[]){ "Gym", "Insurance", "Newspaper", "Phone", "Rent", "Water",
                                                     NULL }));
  }

  g_assert_cmpstr (rent_day, ==, "Wednesday 1 April");
  assert_row (fixture, "Rent", SUBTITLE, "Monthly on day 1 · next %s", rent_day);
  g_assert_cmpstr (outlay_recurring_row_get_amount (row_of (fixture, "Rent")), ==, "€950.00");
  /* Monthly: a month's cost is its amount, not said twice. */
  g_assert_null (outlay_recurring_row_get_monthly (row_of (fixture, "Rent")));
  assert_row (fixture, "Rent", SPOKEN, "Rent, 950 euros, monthly on day 1, next %s", rent_day);

  assert_row (fixture, "Gym", SUBTITLE, "Weekly on Monday · next %s", gym_day);
  g_assert_cmpint (gym_cents, ==, 4348);
  gym_monthly = euros (gym_cents);
  text = g_strdup_printf ("≈ %s a month", gym_monthly);
  g_assert_cmpstr (outlay_recurring_row_get_monthly (row_of (fixture, "Gym")), ==, text);
  assert_row (fixture, "Gym", SPOKEN, "Gym, 10 euros, weekly on Monday, next %s, about 43.48 euros a month", gym_day);

  assert_row (fixture, "Insurance", SUBTITLE, "Yearly on 20 June · next %s", insurance_day);
  g_assert_cmpstr (outlay_recurring_row_get_monthly (row_of (fixture, "Insurance")), ==, "≈ €40.00 a month");

  assert_row (fixture, "Water", SUBTITLE, "Every 3 months on day 10 · next %s · Asks before adding", water_day);
  g_assert_cmpstr (outlay_recurring_row_get_monthly (row_of (fixture, "Water")), ==, "≈ €30.00 a month");

  g_assert_cmpstr (subtitle_of (fixture, "Newspaper"), ==, "Monthly on day 15 · Paused");
  /* Its amount is dimmed, as it adds nothing now. */
  g_assert_true (gtk_widget_has_css_class (
    outlay_ui_test_find (GTK_WIDGET (row_of (fixture, "Newspaper")), outlay_ui_test_is_label, "€25.00"), "dim-label"));
  g_assert_false (gtk_widget_has_css_class (
    outlay_ui_test_find (GTK_WIDGET (row_of (fixture, "Rent")), outlay_ui_test_is_label, "€950.00"), "dim-label"));
  assert_row (fixture, "Newspaper", SPOKEN, "Newspaper, 25 euros, monthly on day 15, paused");
  g_assert_true (menu_has (fixture, "Newspaper", "recurring.resume"));
  g_assert_false (menu_has (fixture, "Newspaper", "recurring.pause"));
  g_assert_true (menu_has (fixture, "Rent", "recurring.pause"));
  g_assert_true (menu_has (fixture, "Rent", "recurring.edit"));
  g_assert_true (menu_has (fixture, "Rent", "recurring.delete"));

  /* Ended: no next day, nothing to pause. */
  g_assert_cmpstr (subtitle_of (fixture, "Phone"), ==, "Monthly on day 10 · Ended");
  g_assert_false (menu_has (fixture, "Phone", "recurring.pause"));
  g_assert_false (menu_has (fixture, "Phone", "recurring.resume"));
  g_assert_true (menu_has (fixture, "Phone", "recurring.delete"));
  assert_row (fixture, "Phone", SPOKEN, "Phone, 20 euros, monthly on day 10, ended");

  /* Those paused or ended cost nothing a month. */
  g_assert_cmpint (total_cents, ==, 106348);
  total = euros (total_cents);
  g_assert_cmpstr (total, ==, "€1063.48");
  g_assert_cmpstr (outlay_recurring_window_get_summary (fixture->window), ==,
                   "6 recurring expenses · ≈ €1,063.48 a month");

  /* The menu names the rule. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (outlay_recurring_row_get_menu_button (row_of (fixture, "Rent"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Actions for “Rent”");

  /* A change elsewhere redraws the list, and leaves an open menu open. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (outlay_recurring_row_get_menu_button (row_of (fixture, "Rent")));
    GMenuModel    *before = gtk_menu_button_get_menu_model (button);

    outlay_repository_reload (fixture->store.repository);
    outlay_ui_test_drain ();
    g_assert_true (gtk_menu_button_get_menu_model (button) == before);
  }
  (void) rent;
  (void) gym;
  (void) insurance;
  (void) water;
  (void) paper;
  (void) phone;
}

/* Pausing and resuming from the row's menu, each with Undo; the focus
 * stays on the menu's button. */
static void
test_pause_resume (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (OutlayRecurringRule) rent = add_rule (fixture, "Rent", 95000, OUTLAY_REPEAT_MONTHLY, 1, "2026-01-01");
  g_autoptr (OutlayRecurringRule) after = NULL;
  g_autofree char *rent_day = expected_day (fixture, "2026-01-01", 1, 0);
  g_autofree char *next = g_strdup_printf ("Monthly on day 1 · next %s", rent_day);
  const char      *uuid = outlay_recurring_rule_get_uuid (rent);
  GtkWidget       *button;

  open_window (fixture);
  button = outlay_recurring_row_get_menu_button (row_of (fixture, "Rent"));
  gtk_widget_grab_focus (button);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.pause", "s", uuid);
  outlay_ui_test_settle (GTK_WIDGET (fixture->window));
  after = stored_rule (fixture, rent);
  g_assert_nonnull (outlay_recurring_rule_get_paused_at (after));
  g_assert_cmpstr (subtitle_of (fixture, "Rent"), ==, "Monthly on day 1 · Paused");
  g_assert_cmpstr (outlay_recurring_window_get_summary (fixture->window), ==, "1 recurring expense");
  /* The same row, the same button, now with Resume. */
  g_assert_true (outlay_recurring_row_get_menu_button (row_of (fixture, "Rent")) == button);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)), button));
  g_assert_true (menu_has (fixture, "Rent", "recurring.resume"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.undo", NULL);
  g_clear_object (&after);
  after = stored_rule (fixture, rent);
  g_assert_null (outlay_recurring_rule_get_paused_at (after));
  g_assert_cmpstr (subtitle_of (fixture, "Rent"), ==, next);
  g_assert_cmpstr (outlay_recurring_window_get_summary (fixture->window), ==,
                   "1 recurring expense · ≈ €950.00 a month");
  /* An Undo is used once. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.undo", NULL);
  g_clear_object (&after);
  after = stored_rule (fixture, rent);
  g_assert_null (outlay_recurring_rule_get_paused_at (after));

  /* Resume, and its Undo pauses it again. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.pause", "s", uuid);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.resume", "s", uuid);
  g_clear_object (&after);
  after = stored_rule (fixture, rent);
  g_assert_null (outlay_recurring_rule_get_paused_at (after));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.undo", NULL);
  g_clear_object (&after);
  after = stored_rule (fixture, rent);
  g_assert_nonnull (outlay_recurring_rule_get_paused_at (after));
  g_assert_cmpstr (subtitle_of (fixture, "Rent"), ==, "Monthly on day 1 · Paused");
}

static void
answer (Fixture    *fixture,
        const char *response)
{
  GtkWindow *question = outlay_recurring_window_get_question (fixture->window);

  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), response);
  /* Its buttons close it after their response; a response by hand does
   * not. */
  gtk_window_destroy (question);
  outlay_ui_test_drain ();
  g_assert_null (outlay_recurring_window_get_question (fixture->window));
}

/* Deleting asks what becomes of what the rule wrote: kept by default, or
 * deleted too; Undo brings back the rule and exactly what went with it. */
static void
test_delete (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (OutlayRecurringRule) rent = add_rule (fixture, "Rent", 95000, OUTLAY_REPEAT_MONTHLY, 1, "2026-01-01");
  g_autoptr (OutlayRecurringRule) gym = add_rule (fixture, "Gym", 1000, OUTLAY_REPEAT_WEEKLY, 1, "2026-03-09");
  g_autofree char *sql = NULL;
  GtkWindow       *question;
  const char      *uuid = outlay_recurring_rule_get_uuid (rent);

  /* January, February and March are written; January then deleted on
   * its own. */
  catch_up (fixture);
  g_assert_cmpint (count_written (fixture, rent), ==, 3);
  sql = g_strdup_printf ("UPDATE expenses SET deleted_at = '2026-03-02T10:00:00.000Z' WHERE rule_uuid = '%s' "
                         "AND occurred_on = '2026-01-01'",
                         uuid);
  outlay_test_exec (outlay_test_handle (&fixture->store), sql);
  open_window (fixture);

  /* Cancel changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.delete", "s", uuid);
  question = outlay_recurring_window_get_question (fixture->window);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==, "Delete “Rent”?");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), ==,
                   "It will not add expenses anymore. The 2 expenses it added stay in the ledger unless you delete "
                   "them too.");
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (question)), ==, "keep");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (question), "keep"), ==,
                   "_Keep Expenses");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (question), "delete-all"), ==,
                   "_Delete Them Too");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (question), "delete-all"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  answer (fixture, "cancel");
  g_assert_nonnull (outlay_recurring_window_get_row (fixture->window, "Rent"));

  /* Keep: the rule goes, its expenses stay; Undo brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.delete", "s", uuid);
  answer (fixture, "keep");
  g_assert_null (outlay_recurring_window_get_row (fixture->window, "Rent"));
  g_assert_cmpint (count_written (fixture, rent), ==, 2);
  g_assert_cmpstr (outlay_recurring_window_get_summary (fixture->window), ==,
                   "1 recurring expense · ≈ €43.48 a month");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.undo", NULL);
  g_assert_nonnull (outlay_recurring_window_get_row (fixture->window, "Rent"));
  g_assert_cmpint (count_written (fixture, rent), ==, 2);

  /* Them too: Undo brings back those two, not January. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.delete", "s", uuid);
  answer (fixture, "delete-all");
  g_assert_null (outlay_recurring_window_get_row (fixture->window, "Rent"));
  g_assert_cmpint (count_written (fixture, rent), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.undo", NULL);
  g_assert_nonnull (outlay_recurring_window_get_row (fixture->window, "Rent"));
  g_assert_cmpint (count_written (fixture, rent), ==, 2);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM expenses WHERE rule_uuid = '%s' AND occurred_on = '2026-01-01' "
                         "AND deleted_at IS NOT NULL",
                         uuid);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (&fixture->store), sql), ==, 1);

  /* One expense is one. */
  g_assert_cmpint (count_written (fixture, gym), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.delete", "s",
                              outlay_recurring_rule_get_uuid (gym));
  question = outlay_recurring_window_get_question (fixture->window);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), ==,
                   "It will not add expenses anymore. The 1 expense it added stays in the ledger unless you delete "
                   "it too.");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (question), "keep"), ==,
                   "_Keep Expense");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (question), "delete-all"), ==,
                   "_Delete It Too");
  answer (fixture, "cancel");
}

/* A rule that never wrote: the question has one way to delete. */
static void
test_delete_unwritten (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr (OutlayRecurringRule) gym = add_rule (fixture, "Gym", 1000, OUTLAY_REPEAT_WEEKLY, 1, "2026-04-06");
  AdwMessageDialog *question;

  open_window (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.delete", "s",
                              outlay_recurring_rule_get_uuid (gym));
  question = ADW_MESSAGE_DIALOG (outlay_recurring_window_get_question (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==, "It will not add expenses anymore.");
  g_assert_false (adw_message_dialog_has_response (question, "delete-all"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (question, "keep"), ==, "_Delete");
  answer (fixture, "keep");
  g_assert_cmpstr (outlay_recurring_window_get_page (fixture->window), ==, "empty");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.undo", NULL);
  g_assert_cmpstr (outlay_recurring_window_get_page (fixture->window), ==, "list");
}

/* New and Edit are the expense editor's: the window asks for them. */
static void
test_signals (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (OutlayRecurringRule) rent = add_rule (fixture, "Rent", 95000, OUTLAY_REPEAT_MONTHLY, 1, "2026-01-01");
  g_autoptr (OutlayRecurringRule) gym = add_rule (fixture, "Gym", 1000, OUTLAY_REPEAT_WEEKLY, 1, "2026-01-05");

  open_window (fixture);
  /* The header's button, and Ctrl+N's action. */
  outlay_ui_test_click (outlay_ui_test_find (GTK_WIDGET (fixture->window), is_action_button, "recurring.new"));
  g_assert_cmpuint (fixture->new_rules, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.new", NULL);
  g_assert_cmpuint (fixture->new_rules, ==, 2);

  /* The menu's Edit, with the rule as stored. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "recurring.edit", "s",
                              outlay_recurring_rule_get_uuid (gym));
  g_assert_cmpuint (fixture->edited->len, ==, 1);
  g_assert_cmpstr (outlay_recurring_rule_get_uuid (g_ptr_array_index (fixture->edited, 0)), ==,
                   outlay_recurring_rule_get_uuid (gym));
  g_assert_cmpint (outlay_recurring_rule_get_amount (g_ptr_array_index (fixture->edited, 0)), ==, 1000);

  /* Activating a row edits it too. */
  g_signal_emit_by_name (row_of (fixture, "Rent"), "activate");
  g_assert_cmpuint (fixture->edited->len, ==, 2);
  g_assert_cmpstr (outlay_recurring_rule_get_description (g_ptr_array_index (fixture->edited, 1)), ==, "Rent");
  g_assert_cmpuint (fixture->new_rules, ==, 2);
}

/* Changes made elsewhere show at once: a rule edited, one that wrote its
 * next occurrence, one deleted, one in another currency. */
static void
test_live (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (OutlayRecurringRule) gym = add_rule (fixture, "Gym", 1000, OUTLAY_REPEAT_WEEKLY, 1, "2026-01-05");
  g_autoptr (OutlayRecurringRule) rent = NULL;
  g_autoptr (OutlayRecurringRule) changed = NULL;
  g_autoptr (OutlayRecurringRule) gone = NULL;
  g_autoptr (OutlayRecurringRule) draft = NULL;
  g_autoptr (OutlayRecurringRule) usd = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) next = NULL;
  g_autofree char *gym_day = expected_day (fixture, "2026-01-05", 0, 7);
  GtkWidget       *row;

  open_window (fixture);
  row = GTK_WIDGET (row_of (fixture, "Gym"));
  rent = add_rule (fixture, "Rent", 95000, OUTLAY_REPEAT_MONTHLY, 1, "2026-01-01");
  g_assert_nonnull (outlay_recurring_window_get_row (fixture->window, "Rent"));

  /* Written ahead of its day, the next one moves on a week. */
  next = outlay_date_parse_iso ("2026-03-16");
  assert_row (fixture, "Gym", SUBTITLE, "Weekly on Monday · next %s", gym_day);
  g_assert_cmpint (outlay_repository_confirm_occurrence (fixture->repository, outlay_recurring_rule_get_uuid (gym),
                                                         next, fixture->today, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (subtitle_of (fixture, "Gym"), ==, "Weekly on Monday · next Monday 23 March");

  outlay_recurring_rule_set_amount (gym, 1500);
  changed = outlay_repository_update_recurring_rule (fixture->repository, gym, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_recurring_row_get_amount (row_of (fixture, "Gym")), ==, "€15.00");
  /* Still the same row. */
  g_assert_true (GTK_WIDGET (row_of (fixture, "Gym")) == row);

  draft = outlay_test_recurring_draft (fixture->repository, "Hosting", 1200, OUTLAY_REPEAT_MONTHLY, 1, "2026-01-20");
  outlay_recurring_rule_set_currency (draft, "USD");
  usd = outlay_test_add_recurring (fixture->repository, g_steal_pointer (&draft));
  g_assert_cmpstr (outlay_recurring_window_get_summary (fixture->window), ==,
                   "3 recurring expenses · ≈ €1,015.22 + $12.00 a month");
  (void) changed;

  gone = outlay_repository_delete_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (rent), FALSE,
                                                  &error);
  g_assert_no_error (error);
  g_assert_null (outlay_recurring_window_get_row (fixture->window, "Rent"));
  {
    g_auto (GStrv) names = outlay_recurring_window_dup_descriptions (fixture->window);

    g_assert_cmpstrv (names, ((const char *const[]){ "Gym", "Hosting", NULL }));
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The test's own accessibility backend, to read what a screen reader
   * would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/recurring/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/recurring/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/recurring/pause-resume", Fixture, NULL, fixture_set_up, test_pause_resume, fixture_tear_down);
  g_test_add ("/recurring/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/recurring/delete-unwritten", Fixture, NULL, fixture_set_up, test_delete_unwritten,
              fixture_tear_down);
  g_test_add ("/recurring/signals", Fixture, NULL, fixture_set_up, test_signals, fixture_tear_down);
  g_test_add ("/recurring/live", Fixture, NULL, fixture_set_up, test_live, fixture_tear_down);

  return g_test_run ();
}
