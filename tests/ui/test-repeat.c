/* test-repeat.c
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

#include <adwaita.h>

#include "outlay-date-row.h"
#include "outlay-date.h"
#include "outlay-expense-editor.h"
#include "outlay-recurring-editor.h"
#include "outlay-recurring-window.h"
#include "outlay-repetition-dialog.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"

/* The editor's Repeat rows, driven through their widgets: the presets that
 * follow the day, the end, the next days, Custom…, and what a save writes.
 * Days are literal or counted here with GDate arithmetic, never with the
 * code under test. The strings are the untranslated ones (C locale). */

typedef struct
{
  OutlayTestFixture    store;
  GtkWindow           *window;
  OutlayExpenseEditor *editor;
  guint                saved;
  guint                cancelled;
} Fixture;

static void
flush (Fixture *fixture)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
on_saved_cb (Fixture *fixture)
{
  fixture->saved++;
}

static void
on_cancelled_cb (Fixture *fixture)
{
  fixture->cancelled++;
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  outlay_test_fixture_setup (&fixture->store, user_data);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 720);
  fixture->editor = g_object_ref_sink (OUTLAY_EXPENSE_EDITOR (outlay_expense_editor_new (fixture->store.repository)));
  outlay_expense_editor_set_currency (fixture->editor, "EUR");
  g_signal_connect_swapped (fixture->editor, "saved", G_CALLBACK (on_saved_cb), fixture);
  g_signal_connect_swapped (fixture->editor, "cancelled", G_CALLBACK (on_cancelled_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  outlay_expense_editor_new_expense (fixture->editor);
  flush (fixture);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (g_steal_pointer (&fixture->editor));
  outlay_test_fixture_teardown (&fixture->store, user_data);
}

static GtkWidget *
get_row (Fixture    *fixture,
         const char *title)
{
  GtkWidget *row = outlay_ui_test_find (GTK_WIDGET (fixture->editor), outlay_ui_test_is_row, title);

  g_assert_nonnull (row);
  return row;
}

static gboolean
row_shown (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = get_row (fixture, title);

  return gtk_widget_get_visible (row) && gtk_widget_get_mapped (row);
}

static void
type_into (Fixture    *fixture,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_row (fixture, title)), text);
  flush (fixture);
}

static void
set_day (Fixture    *fixture,
         const char *iso)
{
  GtkWidget *row = get_row (fixture, "Date");

  /* As the calendar of its popover does. */
  outlay_date_row_set_date (OUTLAY_DATE_ROW (row), iso);
  g_signal_emit_by_name (row, "changed");
  flush (fixture);
}

static char *
days_from_today (int days)
{
  g_autoptr (GDate) date = outlay_date_new_today ();

  if (days < 0)
    g_date_subtract_days (date, -days);
  else
    g_date_add_days (date, days);
  return outlay_date_format_iso (date);
}

/* The choices of a combo row, joined by " | ". */
static char *
choices_of (Fixture    *fixture,
            const char *title)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (get_row (fixture, title)));
  g_autoptr (GPtrArray) words = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (words, (gpointer) gtk_string_list_get_string (GTK_STRING_LIST (model), i));
  g_ptr_array_add (words, NULL);
  return g_strjoinv (" | ", (char **) words->pdata);
}

static void
choose (Fixture    *fixture,
        const char *title,
        const char *choice)
{
  AdwComboRow *row = ADW_COMBO_ROW (get_row (fixture, title));
  GListModel  *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), choice) == 0)
      {
        adw_combo_row_set_selected (row, i);
        flush (fixture);
        return;
      }
  g_error ("“%s” is not a choice of %s", choice, title);
}

static const char *
chosen (Fixture    *fixture,
        const char *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (get_row (fixture, title));

  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)), adw_combo_row_get_selected (row));
}

static const char *
subtitle_of (Fixture    *fixture,
             const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (get_row (fixture, title)));
}

/* "Sun 31 January 2027"-style, as the test reads a literal day. */
static char *
day_words (const char *iso,
           gboolean    with_year)
{
  g_autoptr (GDate) day = outlay_date_parse_iso (iso);
  char text[64];

  g_date_strftime (text, sizeof text, with_year ? "%a %-d %B %Y" : "%a %-d %B", day);
  return g_strdup (text);
}

static void
save (Fixture *fixture)
{
  outlay_ui_test_click (outlay_ui_test_find (GTK_WIDGET (fixture->editor), outlay_ui_test_is_button, "_Save"));
  flush (fixture);
}

static GPtrArray *
list_rules (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rules = outlay_repository_list_recurring_rules (fixture->store.repository, &error);

  g_assert_no_error (error);
  return rules;
}

/* The days of the ledger's expenses, in order, a line each. */
static char *
expense_days (Fixture *fixture)
{
  return outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT occurred_on FROM expenses WHERE deleted_at IS NULL ORDER BY occurred_on");
}

/* Tests */

static void
test_presets_follow_the_day (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_autofree char *choices = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first = day_words ("2027-01-31", TRUE);
  g_autofree char *second = day_words ("2027-02-28", TRUE);
  g_autofree char *third = day_words ("2027-03-31", TRUE);

  /* A new expense does not repeat, and shows nothing more. */
  g_assert_cmpstr (chosen (fixture, "_Repeat"), ==, "Never");
  g_assert_false (row_shown (fixture, "_Ends"));
  g_assert_false (row_shown (fixture, "Next"));
  g_assert_false (outlay_expense_editor_get_dirty (fixture->editor));

  /* 31 January 2027 is a Sunday. */
  set_day (fixture, "2027-01-31");
  choices = choices_of (fixture, "_Repeat");
  g_assert_cmpstr (choices, ==,
                   "Never | Weekly on Sunday | Every 2 weeks on Sunday | Monthly on day 31 | "
                   "Monthly on the last day | Yearly on 31 January | Custom…");

  choose (fixture, "_Repeat", "Monthly on day 31");
  g_assert_true (row_shown (fixture, "_Ends"));
  g_assert_true (row_shown (fixture, "_Ask Before Adding"));
  g_assert_false (row_shown (fixture, "_Times"));
  g_assert_true (outlay_expense_editor_get_dirty (fixture->editor));
  /* On the 31st where a month has one, else on its last day. */
  expected = g_strdup_printf ("%s, %s, %s", first, second, third);
  g_assert_cmpstr (subtitle_of (fixture, "Next"), ==, expected);

  /* The day moves: the choice follows it. 17 February 2027 is a Wednesday. */
  set_day (fixture, "2027-02-17");
  g_assert_cmpstr (chosen (fixture, "_Repeat"), ==, "Monthly on day 17");
  choose (fixture, "_Repeat", "Weekly on Wednesday");
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&second, g_free);
  g_clear_pointer (&third, g_free);
  first = day_words ("2027-02-17", TRUE);
  second = day_words ("2027-02-24", TRUE);
  third = day_words ("2027-03-03", TRUE);
  expected = g_strdup_printf ("%s, %s, %s", first, second, third);
  g_assert_cmpstr (subtitle_of (fixture, "Next"), ==, expected);

  /* An end after two times shows only two. */
  choose (fixture, "_Ends", "After a Number of Times");
  g_assert_true (row_shown (fixture, "_Times"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (outlay_ui_test_find_of_type (get_row (fixture, "_Times"),
                                                                           GTK_TYPE_SPIN_BUTTON)),
                             2);
  flush (fixture);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s, %s", first, second);
  g_assert_cmpstr (subtitle_of (fixture, "Next"), ==, expected);

  /* Back to Never: nothing more shows. */
  choose (fixture, "_Repeat", "Never");
  g_assert_false (row_shown (fixture, "_Ends"));
  g_assert_false (row_shown (fixture, "Next"));
}

static void
test_save_writes_what_is_due (Fixture      *fixture,
                              gconstpointer user_data)
{
  g_autofree char *start = days_from_today (-14);
  g_autofree char *middle = days_from_today (-7);
  g_autofree char *today = days_from_today (0);
  g_autofree char *expected = g_strdup_printf ("%s\n%s\n%s\n", start, middle, today);
  g_autofree char *days = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  const OutlayRecurrence *r;
  g_autoptr (GDate) start_day = outlay_date_parse_iso (start);
  g_autofree char *weekly = NULL;
  char             weekday[32];

  type_into (fixture, "Amount", "12.50");
  type_into (fixture, "Description", "Swimming");
  set_day (fixture, start);
  g_date_strftime (weekday, sizeof weekday, "%A", start_day);
  weekly = g_strdup_printf ("Weekly on %s", weekday);
  choose (fixture, "_Repeat", weekly);
  save (fixture);

  /* Two weeks back, weekly: the day typed, a week later, and today. */
  days = expense_days (fixture);
  g_assert_cmpstr (days, ==, expected);
  rules = list_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 1);
  g_assert_cmpstr (outlay_recurring_rule_get_description (g_ptr_array_index (rules, 0)), ==, "Swimming");
  g_assert_cmpint (outlay_recurring_rule_get_amount (g_ptr_array_index (rules, 0)), ==, 1250);
  r = outlay_recurring_rule_get_recurrence (g_ptr_array_index (rules, 0));
  g_assert_cmpint (r->unit, ==, OUTLAY_REPEAT_WEEKLY);
  g_assert_cmpuint (r->interval, ==, 1);
  g_assert_cmpint (g_date_compare (&r->start, start_day), ==, 0);
  g_assert_cmpint (outlay_recurring_rule_get_mode (g_ptr_array_index (rules, 0)), ==, OUTLAY_RECURRING_AUTOMATIC);

  /* The editor shows the expense typed, now an occurrence of its rule. */
  g_assert_cmpuint (fixture->saved, ==, 1);
  g_assert_cmpstr (outlay_expense_get_occurred_on (outlay_expense_editor_get_expense (fixture->editor)), ==, start);
  g_assert_nonnull (outlay_expense_get_rule_uuid (outlay_expense_editor_get_expense (fixture->editor)));
  g_assert_true (row_shown (fixture, weekly));
  g_assert_false (row_shown (fixture, "_Repeat"));
  {
    g_autoptr (GDate) now = outlay_date_new_today ();
    g_autoptr (GDate) next = outlay_date_new_today ();
    g_autofree char *next_words = NULL;
    char             text[64];

    /* A week after today, with its year only when that is another. */
    g_date_add_days (next, 7);
    g_date_strftime (text, sizeof text,
                     g_date_get_year (next) == g_date_get_year (now) ? "%A %-d %B" : "%A %-d %B %Y", next);
    next_words = g_strdup_printf ("Next: %s", text);
    g_assert_cmpstr (subtitle_of (fixture, weekly), ==, next_words);
  }
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (fixture->editor), outlay_ui_test_is_button, "_Edit Repetition"));

  /* Paused elsewhere: the row follows. */
  {
    g_autoptr (OutlayRecurringRule) paused = outlay_recurring_rule_copy (g_ptr_array_index (rules, 0));
    g_autoptr (OutlayRecurringRule) stored = NULL;
    g_autoptr (GError) error = NULL;

    outlay_recurring_rule_set_paused_at (paused, "2026-01-01T00:00:00.000Z");
    stored = outlay_repository_update_recurring_rule (fixture->store.repository, paused, &error);
    g_assert_no_error (error);
    flush (fixture);
    g_assert_cmpstr (subtitle_of (fixture, weekly), ==, "Paused");
  }
}

static void
test_future_start_and_confirm (Fixture      *fixture,
                               gconstpointer user_data)
{
  g_autofree char *later = days_from_today (3);
  g_autofree char *today = days_from_today (0);
  g_autofree char *expected_today = NULL;
  g_autofree char *days = NULL;
  g_autoptr (GPtrArray) rules = NULL;

  /* Its first day has not come: the rule only, and a new form. */
  type_into (fixture, "Amount", "950");
  type_into (fixture, "Description", "Rent");
  set_day (fixture, later);
  choose (fixture, "_Repeat", "Monthly on the last day");
  save (fixture);
  days = expense_days (fixture);
  g_assert_cmpstr (days, ==, "");
  rules = list_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 1);
  g_assert_cmpint (outlay_recurring_rule_get_recurrence (g_ptr_array_index (rules, 0))->monthly_on, ==,
                   OUTLAY_MONTHLY_LAST_DAY);
  g_assert_cmpuint (fixture->cancelled, ==, 1);
  g_assert_null (outlay_expense_editor_get_expense (fixture->editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (fixture, "Amount"))), ==, "");
  g_assert_cmpstr (chosen (fixture, "_Repeat"), ==, "Never");

  /* One that asks: the one typed today is written, confirmed by typing it. */
  g_clear_pointer (&rules, g_ptr_array_unref);
  g_clear_pointer (&days, g_free);
  type_into (fixture, "Amount", "9.99");
  type_into (fixture, "Description", "Music");
  set_day (fixture, today);
  {
    g_autoptr (GDate) day = outlay_date_parse_iso (today);
    char yearly[64];

    g_date_strftime (yearly, sizeof yearly, "Yearly on %-d %B", day);
    choose (fixture, "_Repeat", yearly);
  }
  gtk_switch_set_active (GTK_SWITCH (outlay_ui_test_find_of_type (get_row (fixture, "_Ask Before Adding"),
                                                                  GTK_TYPE_SWITCH)),
                         TRUE);
  save (fixture);
  days = expense_days (fixture);
  g_clear_pointer (&expected_today, g_free);
  expected_today = g_strdup_printf ("%s\n", today);
  g_assert_cmpstr (days, ==, expected_today);
  rules = list_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 2);
}

static void
test_custom (Fixture      *fixture,
             gconstpointer user_data)
{
  OutlayRepetitionDialog *dialog;
  GtkWidget              *unit;

  /* 26 February 2027 is the last Friday of its month (and the fourth). */
  set_day (fixture, "2027-02-26");
  choose (fixture, "_Repeat", "Monthly on day 26");

  /* Custom… opens the dialog; closing it without Done keeps the choice. */
  choose (fixture, "_Repeat", "Custom…");
  dialog = OUTLAY_REPETITION_DIALOG (outlay_ui_test_find_toplevel (OUTLAY_TYPE_REPETITION_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  flush (fixture);
  g_assert_cmpstr (chosen (fixture, "_Repeat"), ==, "Monthly on day 26");

  /* Every 3 months on the last Friday, and on a weekend the Monday after. */
  choose (fixture, "_Repeat", "Custom…");
  dialog = OUTLAY_REPETITION_DIALOG (outlay_ui_test_find_toplevel (OUTLAY_TYPE_REPETITION_DIALOG));
  g_assert_nonnull (dialog);
  unit = outlay_ui_test_find (GTK_WIDGET (dialog), outlay_ui_test_is_row, "_Repeats");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (unit)), ==, 2); /* Monthly */
  gtk_spin_button_set_value (
    GTK_SPIN_BUTTON (outlay_ui_test_find_of_type (outlay_ui_test_find (GTK_WIDGET (dialog), outlay_ui_test_is_row,
                                                                       "E_very"),
                                                  GTK_TYPE_SPIN_BUTTON)),
    3);
  adw_combo_row_set_selected (
    ADW_COMBO_ROW (outlay_ui_test_find (GTK_WIDGET (dialog), outlay_ui_test_is_row, "_Day of the Month")), 3);
  outlay_ui_test_click (outlay_ui_test_find (GTK_WIDGET (dialog), outlay_ui_test_is_button, "_Done"));
  flush (fixture);

  g_assert_cmpstr (chosen (fixture, "_Repeat"), ==, "Every 3 months on the last Friday");
  {
    /* 26 February, then the last Fridays of May and August 2027. */
    g_autofree char *a = day_words ("2027-02-26", TRUE);
    g_autofree char *b = day_words ("2027-05-28", TRUE);
    g_autofree char *c = day_words ("2027-08-27", TRUE);
    g_autofree char *expected = g_strdup_printf ("%s, %s, %s", a, b, c);

    g_assert_cmpstr (subtitle_of (fixture, "Next"), ==, expected);
  }
}

/* A rule of €9.50 monthly on the day 2 months ago, with what it owes. */
static OutlayRecurringRule *
add_monthly (Fixture *fixture,
             char   **start_out)
{
  g_autoptr (GDate) start = outlay_date_new_today ();
  g_autoptr (OutlayExpense) typed = NULL;
  g_autoptr (GArray) written = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;
  OutlayRecurringRule *rule;
  OutlayRecurrence     recurrence;

  /* Early in its month, so that two months back has the same day. */
  g_date_subtract_months (start, 2);
  g_date_set_day (start, 3);
  *start_out = outlay_date_format_iso (start);
  typed = outlay_test_draft (950, "EUR", *start_out, "Music", outlay_test_category_at (fixture->store.repository, 1));
  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, start);
  rule = outlay_repository_add_repeating_expense (fixture->store.repository, typed, &recurrence,
                                                  OUTLAY_RECURRING_AUTOMATIC, today, &written, &error);
  g_assert_no_error (error);
  return rule;
}

static AdwMessageDialog *
find_question (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* Answers the question and waits until the editor closed. */
static void
answer (Fixture               *fixture,
        OutlayRecurringEditor *editor,
        AdwMessageDialog      *question,
        const char            *response)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  adw_message_dialog_response (question, response);
  while (editor != NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (editor);
  flush (fixture);
}

static gint64
amount_on (Fixture    *fixture,
           const char *day)
{
  g_autofree char *sql = g_strdup_printf ("SELECT amount FROM expenses WHERE occurred_on = '%s' "
                                          "AND deleted_at IS NULL",
                                          day);

  return outlay_test_query_int (outlay_database_get_handle (fixture->store.database), sql);
}

/* A new amount from the next time on: the rule splits there, and what it
 * wrote keeps its amount. */
static void
test_edit_this_and_later (Fixture      *fixture,
                          gconstpointer user_data)
{
  g_autofree char *start = NULL;
  g_autoptr (OutlayRecurringRule) rule = add_monthly (fixture, &start);
  g_autoptr (GPtrArray) rules = NULL;
  OutlayRecurringEditor *editor = outlay_recurring_editor_new (fixture->window, fixture->store.repository, rule, "EUR");
  AdwMessageDialog      *question;
  GtkWidget             *amount;
  guint                  before = outlay_test_count (&fixture->store);

  gtk_window_present (GTK_WINDOW (editor));
  flush (fixture);
  amount = outlay_ui_test_find (GTK_WIDGET (editor), outlay_ui_test_is_row, "Amount");
  g_assert_nonnull (amount);
  gtk_editable_set_text (GTK_EDITABLE (amount), "10.50");
  g_assert_true (outlay_recurring_editor_save (editor));
  flush (fixture);
  question = find_question ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "later");
  answer (fixture, editor, question, "later");

  /* Two rules: the old one, of 9.50, ends before the next day; the new
   * one, of 10.50, starts then and does not end. */
  rules = list_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 2);
  {
    OutlayRecurringRule *old = g_ptr_array_index (rules, 0);
    OutlayRecurringRule *new = g_ptr_array_index (rules, 1);
    const OutlayRecurrence *old_r;
    const OutlayRecurrence *new_r;
    GDate                   day_before;

    if (g_strcmp0 (outlay_recurring_rule_get_uuid (new), outlay_recurring_rule_get_uuid (rule)) == 0)
      {
        OutlayRecurringRule *swap = old;

        old = new;
        new = swap;
      }
    old_r = outlay_recurring_rule_get_recurrence (old);
    new_r = outlay_recurring_rule_get_recurrence (new);
    g_assert_cmpstr (outlay_recurring_rule_get_uuid (old), ==, outlay_recurring_rule_get_uuid (rule));
    g_assert_cmpint (outlay_recurring_rule_get_amount (old), ==, 950);
    g_assert_cmpint (outlay_recurring_rule_get_amount (new), ==, 1050);
    g_assert_cmpint (old_r->end, ==, OUTLAY_REPEAT_END_UNTIL);
    g_assert_cmpint (new_r->end, ==, OUTLAY_REPEAT_END_NEVER);
    day_before = new_r->start;
    g_date_subtract_days (&day_before, 1);
    g_assert_cmpint (g_date_compare (&old_r->until, &day_before), ==, 0);
    /* The new one starts on the third of a month after today. */
    g_assert_cmpuint (g_date_get_day (&new_r->start), ==, 3);
    {
      g_autoptr (GDate) today = outlay_date_new_today ();

      g_assert_cmpint (g_date_compare (&new_r->start, today), >, 0);
    }
  }
  /* What it wrote stays as it was, and nothing more was written. */
  g_assert_cmpint (amount_on (fixture, start), ==, 950);
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, before);
}

/* All Upcoming changes the rule itself. */
static void
test_edit_all_upcoming (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autofree char *start = NULL;
  g_autoptr (OutlayRecurringRule) rule = add_monthly (fixture, &start);
  g_autoptr (GPtrArray) rules = NULL;
  OutlayRecurringEditor *editor = outlay_recurring_editor_new (fixture->window, fixture->store.repository, rule, "EUR");
  AdwMessageDialog      *question;

  gtk_window_present (GTK_WINDOW (editor));
  flush (fixture);
  gtk_editable_set_text (GTK_EDITABLE (outlay_ui_test_find (GTK_WIDGET (editor), outlay_ui_test_is_row,
                                                            "_Description")),
                         "Music and films");
  g_assert_true (outlay_recurring_editor_save (editor));
  flush (fixture);
  question = find_question ();
  g_assert_nonnull (question);
  answer (fixture, editor, question, "all");

  rules = list_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 1);
  g_assert_cmpstr (outlay_recurring_rule_get_description (g_ptr_array_index (rules, 0)), ==, "Music and films");
  g_assert_cmpstr (outlay_recurring_rule_get_uuid (g_ptr_array_index (rules, 0)), ==,
                   outlay_recurring_rule_get_uuid (rule));
}

/* Its category deleted since: the recurring expense comes to name the
 * one its expenses went to, and saving it without a change changes
 * nothing and asks nothing. */
static void
test_edit_keeps_category (Fixture      *fixture,
                          gconstpointer user_data)
{
  g_autofree char *start = NULL;
  g_autoptr (OutlayRecurringRule) added = add_monthly (fixture, &start);
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (OutlayRecurringRule) after = NULL;
  g_autoptr (GError) error = NULL;
  OutlayRecurringEditor *editor;
  OutlayCategory        *other = outlay_repository_get_fallback_category (fixture->store.repository);
  guint                  n_moved = 0;

  g_assert_true (outlay_repository_delete_category (fixture->store.repository,
                                                    outlay_test_category_at (fixture->store.repository, 1), &n_moved,
                                                    &error));
  g_assert_no_error (error);
  rule = outlay_repository_get_recurring_rule (fixture->store.repository, outlay_recurring_rule_get_uuid (added),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_recurring_rule_get_category_uuid (rule), ==, outlay_category_get_uuid (other));

  editor = outlay_recurring_editor_new (fixture->window, fixture->store.repository, rule, "EUR");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  flush (fixture);
  g_assert_true (outlay_recurring_editor_save (editor));
  flush (fixture);
  g_assert_null (find_question ());
  g_assert_null (editor);
  after = outlay_repository_get_recurring_rule (fixture->store.repository, outlay_recurring_rule_get_uuid (rule),
                                                NULL);
  g_assert_cmpstr (outlay_recurring_rule_get_category_uuid (after), ==, outlay_recurring_rule_get_category_uuid (rule));
  g_assert_cmpstr (outlay_recurring_rule_get_updated_at (after), ==, outlay_recurring_rule_get_updated_at (rule));
}

/* Edited over the Recurring Expenses window: its Undo takes the change
 * back. */
static void
test_edit_undo_in_list (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autofree char *start = NULL;
  g_autoptr (OutlayRecurringRule) rule = add_monthly (fixture, &start);
  g_autoptr (OutlayRecurringRule) after = NULL;
  g_autoptr (OutlayRecurringRule) undone = NULL;
  OutlayRecurringWindow *list = outlay_recurring_window_new (fixture->window, fixture->store.repository);
  OutlayRecurringEditor *editor;

  gtk_window_present (GTK_WINDOW (list));
  flush (fixture);
  editor = outlay_recurring_editor_new (GTK_WINDOW (list), fixture->store.repository, rule, "EUR");
  gtk_window_present (GTK_WINDOW (editor));
  flush (fixture);
  gtk_editable_set_text (GTK_EDITABLE (outlay_ui_test_find (GTK_WIDGET (editor), outlay_ui_test_is_row,
                                                            "_Description")),
                         "Films");
  g_assert_true (outlay_recurring_editor_save (editor));
  flush (fixture);
  answer (fixture, editor, find_question (), "all");
  after = outlay_repository_get_recurring_rule (fixture->store.repository, outlay_recurring_rule_get_uuid (rule),
                                                NULL);
  g_assert_cmpstr (outlay_recurring_rule_get_description (after), ==, "Films");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "recurring.undo", NULL));
  flush (fixture);
  undone = outlay_repository_get_recurring_rule (fixture->store.repository, outlay_recurring_rule_get_uuid (rule),
                                                 NULL);
  g_assert_cmpstr (outlay_recurring_rule_get_description (undone), ==, "Music");
  gtk_window_destroy (GTK_WINDOW (list));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add ("/repeat/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("presets", test_presets_follow_the_day);
  ADD ("save", test_save_writes_what_is_due);
  ADD ("future-and-confirm", test_future_start_and_confirm);
  ADD ("custom", test_custom);
  ADD ("edit-this-and-later", test_edit_this_and_later);
  ADD ("edit-all-upcoming", test_edit_all_upcoming);
  ADD ("edit-undo-in-list", test_edit_undo_in_list);
  ADD ("edit-keeps-category", test_edit_keeps_category);

#undef ADD

  return g_test_run ();
}
