/* test-expense-editor.c
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

#include "outlay-category-picker.h"
#include "outlay-expense-editor.h"
#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"

/* The editor driven through its widgets, the way a person would: typing
 * into the rows, choosing from the popovers, pressing the buttons. The
 * strings are the untranslated ones (the tests run in the C locale). Runs
 * under xvfb-run when there is no display. */

typedef struct
{
  guint          count;
  OutlayExpense *before;
  OutlayExpense *after;
  gboolean       add_another;
} Saved;

typedef struct
{
  OutlayTestFixture    store;
  GtkWindow           *window;
  OutlayExpenseEditor *editor;
  Saved                saved;
  guint                cancelled;
  guint                delete_requested;
  OutlayExpense       *delete_expense;
} Fixture;

static void
saved_clear (Saved *saved)
{
  saved->count = 0;
  g_clear_object (&saved->before);
  g_clear_object (&saved->after);
  saved->add_another = FALSE;
}

static void
on_saved_cb (OutlayExpenseEditor *editor,
             OutlayExpense       *before,
             OutlayExpense       *after,
             gboolean             add_another,
             Fixture             *fixture)
{
  fixture->saved.count++;
  g_set_object (&fixture->saved.before, before);
  g_set_object (&fixture->saved.after, after);
  fixture->saved.add_another = add_another;
}

static void
on_cancelled_cb (OutlayExpenseEditor *editor,
                 Fixture             *fixture)
{
  fixture->cancelled++;
}

static void
on_delete_requested_cb (OutlayExpenseEditor *editor,
                        OutlayExpense       *expense,
                        Fixture             *fixture)
{
  fixture->delete_requested++;
  g_set_object (&fixture->delete_expense, expense);
}

/* Widgets */

static gboolean
button_has_label (GtkWidget  *widget,
                  const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A label whose text starts with @prefix. */
static gboolean
label_has_prefix (GtkWidget  *widget,
                  const char *prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static GtkWidget *
get_row (Fixture    *fixture,
         const char *title)
{
  GtkWidget *row = outlay_ui_test_find (GTK_WIDGET (fixture->editor), outlay_ui_test_is_row, title);

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
get_button (Fixture    *fixture,
            const char *label)
{
  GtkWidget *button = outlay_ui_test_find (GTK_WIDGET (fixture->editor), button_has_label, label);

  g_assert_nonnull (button);
  return button;
}

/* The error label under a field: the next sibling of the boxed list the
 * field's row is in. */
static GtkLabel *
get_field_error (Fixture    *fixture,
                 const char *title)
{
  GtkWidget *list = gtk_widget_get_ancestor (get_row (fixture, title), GTK_TYPE_LIST_BOX);
  GtkWidget *label = gtk_widget_get_next_sibling (list);

  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  return GTK_LABEL (label);
}

static gboolean
field_error_shown (Fixture    *fixture,
                   const char *title)
{
  GtkLabel *label = get_field_error (fixture, title);

  return gtk_widget_get_visible (GTK_WIDGET (label)) && gtk_widget_is_drawable (GTK_WIDGET (label));
}

static void
flush (Fixture *fixture)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* A popover shows once GTK has a frame for it; a busy machine may take a
 * few. Gives it up to two seconds. */
static gboolean
wait_until_visible (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (!gtk_widget_get_visible (widget) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return gtk_widget_get_visible (widget);
}

/* Activates a button as Enter or Space does, and waits for its "clicked". */
static void
click (Fixture   *fixture,
       GtkWidget *button)
{
  outlay_ui_test_click (button);
  flush (fixture);
}

static void
type_into (Fixture    *fixture,
           const char *title,
           const char *text)
{
  GtkWidget *row = get_row (fixture, title);

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  flush (fixture);
}

static const char *
text_of (Fixture    *fixture,
         const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (get_row (fixture, title)));
}

static void
choose_category (Fixture *fixture,
                 guint    position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_row (fixture, "Category")), position);
  flush (fixture);
}

static guint
chosen_category (Fixture *fixture)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (get_row (fixture, "Category")));
}

static GtkMenuButton *
get_date_button (Fixture *fixture)
{
  GtkWidget *button = outlay_ui_test_find_of_type (get_row (fixture, "Date"), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return GTK_MENU_BUTTON (button);
}

/* Opens the date's popover and presses one of its buttons. */
static void
choose_day (Fixture    *fixture,
            const char *button_label)
{
  GtkMenuButton *date_button = get_date_button (fixture);
  GtkWidget     *popover = GTK_WIDGET (gtk_menu_button_get_popover (date_button));
  GtkWidget     *button;

  gtk_menu_button_popup (date_button);
  flush (fixture);
  g_assert_true (gtk_widget_get_visible (popover));

  button = outlay_ui_test_find (popover, button_has_label, button_label);
  g_assert_nonnull (button);
  click (fixture, button);

  g_assert_false (gtk_widget_get_visible (popover));
}

static char *
days_ago (int days)
{
  g_autoptr (GDate) date = outlay_date_new_today ();

  g_date_subtract_days (date, days);
  return outlay_date_format_iso (date);
}

static void
press (Fixture    *fixture,
       const char *label)
{
  click (fixture, get_button (fixture, label));
}

static gboolean
can_save (Fixture *fixture)
{
  gboolean editor_says = outlay_expense_editor_get_can_save (fixture->editor);

  /* The header bar's button and the one below the form follow it. */
  g_assert_cmpint (gtk_widget_is_sensitive (get_button (fixture, "_Save")), ==, editor_says);
  g_assert_cmpint (gtk_widget_is_sensitive (get_button (fixture, "Save and _Add Another")), ==, editor_says);

  return editor_says;
}

static GtkRevealer *
get_error_area (Fixture *fixture)
{
  /* Not the first revealer: the waiting bar above the form has one too. */
  GObject *revealer = gtk_widget_get_template_child (GTK_WIDGET (fixture->editor), OUTLAY_TYPE_EXPENSE_EDITOR,
                                                     "error_revealer");

  g_assert_true (GTK_IS_REVEALER (revealer));
  return GTK_REVEALER (revealer);
}

static const char *
error_area_text (Fixture *fixture)
{
  GtkRevealer *revealer = get_error_area (fixture);
  GtkWidget   *label;

  if (!gtk_revealer_get_reveal_child (revealer))
    return NULL;

  label = outlay_ui_test_find_of_type (GTK_WIDGET (revealer), GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Fixture */

static void
create_editor (Fixture          *fixture,
               OutlayRepository *repository)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 720);

  fixture->editor = g_object_ref_sink (OUTLAY_EXPENSE_EDITOR (outlay_expense_editor_new (repository)));
  outlay_expense_editor_set_currency (fixture->editor, "EUR");
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (on_saved_cb), fixture);
  g_signal_connect (fixture->editor, "cancelled", G_CALLBACK (on_cancelled_cb), fixture);
  g_signal_connect (fixture->editor, "delete-requested", G_CALLBACK (on_delete_requested_cb), fixture);

  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  flush (fixture);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  outlay_test_fixture_setup (&fixture->store, user_data);
  create_editor (fixture, fixture->store.repository);
}

/* The editor must let go of everything: the window, itself, and the
 * repository and database it used. */
static void
destroy_editor (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;

  saved_clear (&fixture->saved);
  g_clear_object (&fixture->delete_expense);
  g_assert_finalize_object (g_steal_pointer (&fixture->editor));
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  if (fixture->editor != NULL)
    destroy_editor (fixture);

  outlay_test_fixture_teardown (&fixture->store, user_data);
}

/* Tests */

static void
test_new_expense (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autofree char *yesterday = days_ago (1);
  g_autofree char *today = days_ago (0);
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;
  gint64     category = outlay_test_category_at (fixture->store.repository, 2);
  GtkWidget *amount = get_row (fixture, "Amount");
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (fixture->editor));

  outlay_expense_editor_new_expense (fixture->editor);
  flush (fixture);

  g_assert_cmpstr (outlay_expense_editor_get_title (fixture->editor), ==, "New Expense");
  g_assert_null (outlay_expense_editor_get_expense (fixture->editor));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), amount));
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "");
  g_assert_false (can_save (fixture));
  g_assert_false (outlay_expense_editor_get_dirty (fixture->editor));
  /* An empty new form is not a wall of errors. */
  g_assert_false (field_error_shown (fixture, "Amount"));
  g_assert_false (field_error_shown (fixture, "Description"));
  g_assert_false (gtk_widget_get_visible (get_button (fixture, "_Delete Expense")));

  /* New expenses start today. */
  {
    g_autofree char *label = NULL;
    g_autoptr (GDate) date = outlay_date_parse_iso (today);
    char buf[64];

    g_date_strftime (buf, sizeof buf, "%-d %b %Y", date);
    label = g_strdup (gtk_menu_button_get_label (get_date_button (fixture)));
    g_assert_cmpstr (label, ==, buf);
  }

  type_into (fixture, "Amount", "12.50");
  type_into (fixture, "Description", "  Lunch with Sam  ");
  choose_category (fixture, 2);
  choose_day (fixture, "_Yesterday");

  g_assert_true (outlay_expense_editor_get_dirty (fixture->editor));
  g_assert_true (can_save (fixture));
  press (fixture, "_Save");

  g_assert_cmpuint (fixture->saved.count, ==, 1);
  g_assert_null (fixture->saved.before);
  g_assert_nonnull (fixture->saved.after);
  g_assert_false (fixture->saved.add_another);
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 1);

  stored = outlay_repository_get_expense (fixture->store.repository,
                                          outlay_expense_get_id (fixture->saved.after), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_amount (stored), ==, 1250);
  g_assert_cmpstr (outlay_expense_get_currency (stored), ==, "EUR");
  g_assert_cmpstr (outlay_expense_get_description (stored), ==, "Lunch with Sam");
  g_assert_cmpint (outlay_expense_get_category_id (stored), ==, category);
  g_assert_cmpstr (outlay_expense_get_occurred_on (stored), ==, yesterday);
  g_assert_cmpstr (outlay_expense_get_note (stored), ==, "");
  g_assert_true (outlay_expense_equal (stored, fixture->saved.after));

  /* The form now shows what is stored, and is no longer new. */
  g_assert_cmpstr (outlay_expense_editor_get_title (fixture->editor), ==, "Edit Expense");
  g_assert_true (outlay_expense_equal (outlay_expense_editor_get_expense (fixture->editor), stored));
  g_assert_false (outlay_expense_editor_get_dirty (fixture->editor));
  g_assert_cmpstr (text_of (fixture, "Description"), ==, "Lunch with Sam");
}

static void
test_new_expense_category (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr (OutlayExpense) latest = NULL;

  /* With nothing entered yet: the first category. */
  outlay_expense_editor_new_expense (fixture->editor);
  flush (fixture);
  g_assert_cmpuint (chosen_category (fixture), ==, 0);

  /* Then the one the latest expense was entered in. */
  latest = outlay_test_add (&fixture->store, 100, "EUR", "2026-01-02", "Bus",
                            outlay_test_category_at (fixture->store.repository, 3));
  outlay_expense_editor_new_expense (fixture->editor);
  flush (fixture);
  g_assert_cmpuint (chosen_category (fixture), ==, 3);
}

static gint64
category_in_form (Fixture *fixture)
{
  return outlay_category_picker_get_category_id (OUTLAY_CATEGORY_PICKER (get_row (fixture, "Category")));
}

static const char *
category_subtitle (Fixture *fixture)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (get_row (fixture, "Category")));
}

/* A new expense's category follows what its description says: a rule
 * first, else the category used before for it; never once the person has
 * chosen one, nor for an expense in the ledger. */
static void
test_category_suggested (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCategoryRule) draft = outlay_category_rule_new ();
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autoptr (OutlayExpense) roastery = NULL;
  g_autoptr (OutlayExpense) bakery = NULL;
  OutlayRepository *repository = fixture->store.repository;
  gint64            groceries = outlay_test_category_at (repository, 1);
  gint64            food = outlay_test_category_at (repository, 0);
  gint64            health = outlay_test_category_at (repository, 5);
  const char       *patterns[] = { "bäckerei", NULL };

  outlay_category_rule_set_patterns (draft, patterns);
  outlay_category_rule_set_category_uuid (draft, outlay_category_get_uuid (outlay_repository_lookup_category (
                                                   repository, groceries)));
  rule = outlay_repository_add_category_rule (repository, draft, &error);
  g_assert_no_error (error);
  roastery = outlay_test_add (&fixture->store, 420, "EUR", "2026-01-02", "Roastery", food);
  g_clear_object (&roastery);
  roastery = outlay_test_add (&fixture->store, 380, "EUR", "2026-01-03", "Roastery", food);
  /* The latest expense's category is the form's to begin with. */
  bakery = outlay_test_add (&fixture->store, 100, "EUR", "2026-01-04", "Bus", health);

  outlay_expense_editor_new_expense (fixture->editor);
  flush (fixture);
  g_assert_cmpint (category_in_form (fixture), ==, health);

  /* A rule, in any case and without accents. */
  type_into (fixture, "Description", "BACKEREI Schmidt");
  outlay_ui_test_wait_ms (400);
  g_assert_cmpint (category_in_form (fixture), ==, groceries);
  g_assert_cmpstr (category_subtitle (fixture), ==, "Chosen by a rule for “bäckerei”");

  /* What was used before for the description. */
  type_into (fixture, "Description", "roastery");
  outlay_ui_test_wait_ms (400);
  g_assert_cmpint (category_in_form (fixture), ==, food);
  g_assert_cmpstr (category_subtitle (fixture), ==, "Used before for “roastery”");

  /* Nothing to suggest for what is typed now: the form's own comes back. */
  type_into (fixture, "Description", "Shell");
  outlay_ui_test_wait_ms (400);
  g_assert_cmpint (category_in_form (fixture), ==, health);
  g_assert_cmpstr (category_subtitle (fixture), ==, "");

  /* Chosen by the person: it stays, whatever is typed. */
  type_into (fixture, "Description", "roastery");
  outlay_ui_test_wait_ms (400);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_row (fixture, "Category")), 3);
  g_assert_cmpstr (category_subtitle (fixture), ==, "");
  type_into (fixture, "Description", "Bäckerei am Markt");
  outlay_ui_test_wait_ms (400);
  g_assert_cmpint (category_in_form (fixture), ==, outlay_test_category_at (repository, 3));

  /* Saved at once after typing: the suggestion is not lost. */
  outlay_expense_editor_new_expense (fixture->editor);
  flush (fixture);
  type_into (fixture, "Amount", "3.20");
  type_into (fixture, "Description", "Bäckerei Schmidt");
  g_assert_true (outlay_expense_editor_save (fixture->editor, FALSE));
  g_assert_nonnull (fixture->saved.after);
  g_assert_cmpint (outlay_expense_get_category_id (fixture->saved.after), ==, groceries);

  /* An expense in the ledger keeps its own. */
  outlay_expense_editor_edit (fixture->editor, roastery);
  flush (fixture);
  type_into (fixture, "Description", "Bäckerei");
  outlay_ui_test_wait_ms (400);
  g_assert_cmpint (category_in_form (fixture), ==, food);
}

static void
test_edit_expense (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (OutlayExpense) original = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  original = outlay_test_add (&fixture->store, 3120, "EUR", "2026-11-21", "Groceries",
                              outlay_test_category_at (fixture->store.repository, 1));
  id = outlay_expense_get_id (original);

  outlay_expense_editor_edit (fixture->editor, original);
  flush (fixture);

  g_assert_cmpstr (outlay_expense_editor_get_title (fixture->editor), ==, "Edit Expense");
  g_assert_true (outlay_expense_editor_get_expense (fixture->editor) != original);
  g_assert_true (outlay_expense_equal (outlay_expense_editor_get_expense (fixture->editor), original));
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "31.20");
  g_assert_cmpstr (text_of (fixture, "Description"), ==, "Groceries");
  g_assert_cmpuint (chosen_category (fixture), ==, 1);
  g_assert_cmpstr (gtk_menu_button_get_label (get_date_button (fixture)), ==, "21 Nov 2026");
  g_assert_true (gtk_widget_get_visible (get_button (fixture, "_Delete Expense")));
  g_assert_false (outlay_expense_editor_get_dirty (fixture->editor));
  g_assert_true (can_save (fixture));

  type_into (fixture, "Description", "Groceries for the week");
  type_into (fixture, "Amount", "32");
  g_assert_true (outlay_expense_editor_get_dirty (fixture->editor));
  press (fixture, "_Save");

  g_assert_cmpuint (fixture->saved.count, ==, 1);
  g_assert_nonnull (fixture->saved.before);
  g_assert_true (outlay_expense_equal (fixture->saved.before, original));
  g_assert_cmpint (outlay_expense_get_id (fixture->saved.after), ==, id);
  g_assert_cmpstr (outlay_expense_get_description (fixture->saved.after), ==, "Groceries for the week");
  g_assert_cmpint (outlay_expense_get_amount (fixture->saved.after), ==, 3200);

  stored = outlay_repository_get_expense (fixture->store.repository, id, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_expense_equal (stored, fixture->saved.after));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 1);

  /* A second save edits the same expense again, from its new state. */
  type_into (fixture, "Description", "Weekly shop");
  press (fixture, "_Save");
  g_assert_cmpuint (fixture->saved.count, ==, 2);
  g_assert_cmpstr (outlay_expense_get_description (fixture->saved.before), ==, "Groceries for the week");
  g_assert_cmpstr (outlay_expense_get_description (fixture->saved.after), ==, "Weekly shop");
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 1);
}

static GtkPopover *
get_suggestions (Fixture *fixture)
{
  GtkWidget *popover = outlay_ui_test_find_of_type (get_row (fixture, "Description"), GTK_TYPE_POPOVER);

  g_assert_nonnull (popover);
  return GTK_POPOVER (popover);
}

static GtkListBox *
get_suggestion_list (Fixture *fixture)
{
  GtkWidget *list = outlay_ui_test_find_of_type (GTK_WIDGET (get_suggestions (fixture)), GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static GtkSwitch *
get_refund_switch (Fixture *fixture)
{
  GtkWidget *toggle = outlay_ui_test_find_of_type (get_row (fixture, "_Refund"), GTK_TYPE_SWITCH);

  g_assert_nonnull (toggle);
  return GTK_SWITCH (toggle);
}

/* Money back is entered as the amount given back with Refund on: it is
 * stored negative, loads back as it was typed, and turns back into money
 * spent with the switch off. */
static void
test_refund (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;
  GtkSwitch *toggle = get_refund_switch (fixture);
  gint64     id;

  g_assert_false (gtk_switch_get_active (toggle));
  type_into (fixture, "Amount", "59");
  type_into (fixture, "Description", "Boots returned");
  /* Activating the row, as Enter or a tap on it does, turns the switch,
   * once its slide has played. */
  gtk_widget_activate (get_row (fixture, "_Refund"));
  {
    gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

    while (!gtk_switch_get_active (toggle) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_true (outlay_expense_editor_get_dirty (fixture->editor));
  press (fixture, "_Save");

  g_assert_cmpuint (fixture->saved.count, ==, 1);
  g_assert_cmpint (outlay_expense_get_amount (fixture->saved.after), ==, -5900);
  id = outlay_expense_get_id (fixture->saved.after);
  stored = outlay_repository_get_expense (fixture->store.repository, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_amount (stored), ==, -5900);

  /* Saved, the form shows the refund as it was entered, not dirty. */
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "59.00");
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_false (outlay_expense_editor_get_dirty (fixture->editor));

  /* The switch alone makes the form dirty, and off it is money spent. */
  gtk_switch_set_active (toggle, FALSE);
  flush (fixture);
  g_assert_true (outlay_expense_editor_get_dirty (fixture->editor));
  g_assert_true (can_save (fixture));
  press (fixture, "_Save");
  g_assert_cmpint (outlay_expense_get_amount (fixture->saved.after), ==, 5900);
  g_assert_cmpint (outlay_expense_get_id (fixture->saved.after), ==, id);

  /* A stored refund loads with the switch on. */
  g_clear_object (&stored);
  stored = outlay_test_add (&fixture->store, -1250, "EUR", "2026-11-21", "Deposit back",
                            outlay_test_category_at (fixture->store.repository, 1));
  outlay_expense_editor_edit (fixture->editor, stored);
  flush (fixture);
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "12.50");
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_false (outlay_expense_editor_get_dirty (fixture->editor));

  /* The next expense starts as money spent again. */
  type_into (fixture, "Amount", "13");
  press (fixture, "Save and _Add Another");
  g_assert_cmpint (outlay_expense_get_amount (fixture->saved.after), ==, -1300);
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "");

  /* A refund picked from the suggestions is a refund again. */
  type_into (fixture, "Description", "Depos");
  g_assert_true (wait_until_visible (GTK_WIDGET (get_suggestions (fixture))));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (get_suggestion_list (fixture)), label_has_prefix, "+€13.00"));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (get_suggestion_list (fixture), 0)));
  flush (fixture);
  g_assert_cmpstr (text_of (fixture, "Description"), ==, "Deposit back");
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "13.00");
  g_assert_true (gtk_switch_get_active (toggle));
}

static void
test_expression (Fixture      *fixture,
                 gconstpointer user_data)
{
  GtkWidget *preview;
  g_autoptr (OutlayExpense) stored = NULL;

  outlay_expense_editor_new_expense (fixture->editor);
  type_into (fixture, "Amount", "12.50+3.20");
  type_into (fixture, "Description", "Lunch");

  preview = outlay_ui_test_find (get_row (fixture, "Amount"), label_has_prefix, "= ");
  g_assert_nonnull (preview);
  g_assert_true (gtk_widget_is_drawable (preview));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (preview)), ==, "= €15.70");
  g_assert_false (field_error_shown (fixture, "Amount"));

  /* A single number needs no preview. */
  type_into (fixture, "Amount", "15.70");
  g_assert_false (gtk_widget_get_visible (preview));

  type_into (fixture, "Amount", "3*4.99");
  g_assert_true (gtk_widget_get_visible (preview));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (preview)), ==, "= €14.97");

  type_into (fixture, "Amount", "12.50+3.20");
  press (fixture, "_Save");

  g_assert_cmpuint (fixture->saved.count, ==, 1);
  stored = outlay_repository_get_expense (fixture->store.repository,
                                          outlay_expense_get_id (fixture->saved.after), NULL);
  g_assert_cmpint (outlay_expense_get_amount (stored), ==, 1570);
}

static void
test_invalid_amount (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr (GError) expected = NULL;
  GtkWidget *row = get_row (fixture, "Amount");
  GtkLabel  *error = get_field_error (fixture, "Amount");
  gint64     ignored;

  g_assert_false (outlay_money_parse ("abc", "EUR", &ignored, &expected));

  outlay_expense_editor_new_expense (fixture->editor);
  type_into (fixture, "Description", "Lunch");
  type_into (fixture, "Amount", "abc");

  g_assert_true (field_error_shown (fixture, "Amount"));
  g_assert_cmpstr (gtk_label_get_text (error), ==, expected->message);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_false (can_save (fixture));
  g_assert_null (outlay_ui_test_find (row, label_has_prefix, "= "));

  /* The error is the field's description for assistive technologies, on
   * the row and on the text inside it that has the focus. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected->message);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected->message);

  /* Saving anyway changes nothing. */
  g_assert_false (outlay_expense_editor_save (fixture->editor, FALSE));
  g_assert_cmpuint (fixture->saved.count, ==, 0);
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 0);
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "abc");

  /* Zero parses, but is no expense. */
  type_into (fixture, "Amount", "0");
  g_assert_true (field_error_shown (fixture, "Amount"));
  g_assert_cmpstr (gtk_label_get_text (error), ==, "The amount must be more than zero.");
  g_assert_false (can_save (fixture));

  /* Less than zero says how money back is entered. */
  type_into (fixture, "Amount", "5-7");
  g_assert_cmpstr (gtk_label_get_text (error), ==,
                   "The amount must be more than zero. Money back is entered as a positive amount, with Refund on.");
  g_assert_false (can_save (fixture));

  /* Mending it clears everything. */
  type_into (fixture, "Amount", "7");
  g_assert_false (field_error_shown (fixture, "Amount"));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (can_save (fixture));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
test_empty_description (Fixture      *fixture,
                        gconstpointer user_data)
{
  GtkLabel *error = get_field_error (fixture, "Description");

  outlay_expense_editor_new_expense (fixture->editor);
  type_into (fixture, "Amount", "5");
  g_assert_false (can_save (fixture));
  g_assert_false (field_error_shown (fixture, "Description"));

  type_into (fixture, "Description", "Tea");
  g_assert_true (can_save (fixture));

  type_into (fixture, "Description", "   ");
  g_assert_false (can_save (fixture));
  g_assert_true (field_error_shown (fixture, "Description"));
  g_assert_cmpstr (gtk_label_get_text (error), ==, "The description is empty.");
  g_assert_true (gtk_widget_has_css_class (get_row (fixture, "Description"), "error"));

  g_assert_false (outlay_expense_editor_save (fixture->editor, FALSE));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 0);
}

static GtkEventControllerKey *
get_key_controller (GtkWidget *widget)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return GTK_EVENT_CONTROLLER_KEY (controller);
    }

  return NULL;
}

/* A key press on the description, as its key controller receives it. */
static gboolean
press_key (Fixture *fixture,
           guint    keyval)
{
  GtkEventControllerKey *controller = get_key_controller (get_row (fixture, "Description"));
  gboolean               handled = FALSE;

  g_assert_nonnull (controller);
  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  flush (fixture);

  return handled;
}


static guint
count_suggestions (Fixture *fixture)
{
  GtkListBox *list = get_suggestion_list (fixture);
  guint       n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static void
test_autocomplete (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (OutlayExpense) coffee = NULL;
  g_autoptr (OutlayExpense) cinema = NULL;
  g_autoptr (OutlayExpense) cookies = NULL;
  GtkPopover *popover = get_suggestions (fixture);

  cookies = outlay_test_add (&fixture->store, 250, "EUR", "2026-11-01", "Cookies",
                             outlay_test_category_at (fixture->store.repository, 0));
  coffee = outlay_test_add (&fixture->store, 420, "EUR", "2026-11-02", "Coffee",
                            outlay_test_category_at (fixture->store.repository, 1));
  cinema = outlay_test_add (&fixture->store, 1890, "EUR", "2026-11-03", "Cinema",
                            outlay_test_category_at (fixture->store.repository, 2));

  outlay_expense_editor_new_expense (fixture->editor);
  choose_category (fixture, 3);
  type_into (fixture, "Description", "co");

  /* Newest first: Coffee, then Cookies; not Cinema. */
  g_assert_true (wait_until_visible (GTK_WIDGET (popover)));
  g_assert_cmpuint (count_suggestions (fixture), ==, 2);

  /* Escape closes the list; typing on opens it again. */
  g_assert_true (press_key (fixture, GDK_KEY_Escape));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  type_into (fixture, "Description", "Cof");
  g_assert_true (wait_until_visible (GTK_WIDGET (popover)));
  g_assert_cmpuint (count_suggestions (fixture), ==, 1);
  type_into (fixture, "Description", "Co");
  g_assert_cmpuint (count_suggestions (fixture), ==, 2);

  /* Down, Down, Up, Enter: the first, Coffee. */
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (get_suggestion_list (fixture))), ==, 1);
  g_assert_true (press_key (fixture, GDK_KEY_Up));
  g_assert_true (press_key (fixture, GDK_KEY_Return));

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (text_of (fixture, "Description"), ==, "Coffee");
  g_assert_cmpuint (chosen_category (fixture), ==, 1);
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "4.20");
  g_assert_true (can_save (fixture));

  /* With the pointer, and an amount typed already: that amount stays. The
   * form gets ready (focus in the amount) before a person types. */
  outlay_expense_editor_new_expense (fixture->editor);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  flush (fixture);
  type_into (fixture, "Amount", "9");
  type_into (fixture, "Description", "Coo");
  g_assert_true (wait_until_visible (GTK_WIDGET (popover)));
  g_assert_cmpuint (count_suggestions (fixture), ==, 1);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (get_suggestion_list (fixture), 0)));
  flush (fixture);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (text_of (fixture, "Description"), ==, "Cookies");
  g_assert_cmpuint (chosen_category (fixture), ==, 0);
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "9");

  /* Enter without a suggestion chosen is the description's own: it saves. */
  type_into (fixture, "Description", "Coffee beans");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  type_into (fixture, "Description", "Co");
  g_assert_true (wait_until_visible (GTK_WIDGET (popover)));
  g_assert_false (press_key (fixture, GDK_KEY_Return));
  g_signal_emit_by_name (get_row (fixture, "Description"), "entry-activated");
  flush (fixture);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpuint (fixture->saved.count, ==, 1);
  g_assert_cmpstr (outlay_expense_get_description (fixture->saved.after), ==, "Co");
  g_assert_cmpint (outlay_expense_get_amount (fixture->saved.after), ==, 900);

  /* Another currency's amount is not offered as this one's. */
  outlay_expense_editor_set_currency (fixture->editor, "USD");
  outlay_expense_editor_new_expense (fixture->editor);
  type_into (fixture, "Description", "Cin");
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  g_assert_true (press_key (fixture, GDK_KEY_Return));
  g_assert_cmpstr (text_of (fixture, "Description"), ==, "Cinema");
  g_assert_cmpuint (chosen_category (fixture), ==, 2);
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "");
}

static void
test_write_failure (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char  *yesterday = days_ago (1);
  OutlayDatabase   *read_only;
  OutlayRepository *repository;
  const char       *message;

  /* The same file, opened read-only by a second repository for the editor. */
  destroy_editor (fixture);
  read_only = outlay_database_open_full (fixture->store.path, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  repository = outlay_repository_new (read_only);
  create_editor (fixture, repository);

  outlay_expense_editor_new_expense (fixture->editor);
  type_into (fixture, "Amount", "12,50");
  type_into (fixture, "Description", "Lunch");
  choose_category (fixture, 2);
  choose_day (fixture, "_Yesterday");
  g_assert_null (error_area_text (fixture));

  press (fixture, "_Save");

  g_assert_cmpuint (fixture->saved.count, ==, 0);
  message = error_area_text (fixture);
  g_assert_nonnull (message);
  g_assert_true (strstr (message, "cannot be written") != NULL);
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 0);

  /* Everything is still as typed, and can be tried again. */
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "12,50");
  g_assert_cmpstr (text_of (fixture, "Description"), ==, "Lunch");
  g_assert_cmpuint (chosen_category (fixture), ==, 2);
  {
    g_autoptr (GDate) date = outlay_date_parse_iso (yesterday);
    char buf[64];

    g_date_strftime (buf, sizeof buf, "%-d %b %Y", date);
    g_assert_cmpstr (gtk_menu_button_get_label (get_date_button (fixture)), ==, buf);
  }
  g_assert_cmpstr (outlay_expense_editor_get_title (fixture->editor), ==, "New Expense");
  g_assert_true (outlay_expense_editor_get_dirty (fixture->editor));
  g_assert_true (can_save (fixture));
  g_assert_false (outlay_expense_editor_save (fixture->editor, TRUE));
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "12,50");

  /* The error can be dismissed. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.dismiss-error", NULL);
  g_assert_null (error_area_text (fixture));

  destroy_editor (fixture);
  g_assert_finalize_object (repository);
  g_assert_finalize_object (read_only);
}

static void
test_store_refuses (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (OutlayExpense) original = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GError) error = NULL;

  original = outlay_test_add (&fixture->store, 500, "EUR", "2026-11-21", "Taxi",
                              outlay_test_category_at (fixture->store.repository, 0));
  outlay_expense_editor_edit (fixture->editor, original);
  flush (fixture);

  /* Deleted elsewhere while the form is open. */
  deleted = outlay_repository_delete_expense (fixture->store.repository, outlay_expense_get_id (original), &error);
  g_assert_no_error (error);

  type_into (fixture, "Description", "Taxi home");
  g_assert_false (outlay_expense_editor_save (fixture->editor, FALSE));
  g_assert_cmpuint (fixture->saved.count, ==, 0);
  g_assert_cmpstr (error_area_text (fixture), ==, "The expense was deleted and cannot be changed.");
  g_assert_cmpstr (text_of (fixture, "Description"), ==, "Taxi home");

  /* Opening another expense clears the error. */
  outlay_expense_editor_new_expense (fixture->editor);
  g_assert_null (error_area_text (fixture));
}

static void
test_add_another (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autofree char *yesterday = days_ago (1);
  GtkRoot         *root = gtk_widget_get_root (GTK_WIDGET (fixture->editor));

  outlay_expense_editor_new_expense (fixture->editor);
  choose_category (fixture, 2);
  choose_day (fixture, "_Yesterday");
  type_into (fixture, "Amount", "3");
  type_into (fixture, "Description", "Bus");

  press (fixture, "Save and _Add Another");

  g_assert_cmpuint (fixture->saved.count, ==, 1);
  g_assert_true (fixture->saved.add_another);
  g_assert_null (fixture->saved.before);
  g_assert_cmpint (outlay_expense_get_amount (fixture->saved.after), ==, 300);
  g_assert_cmpstr (outlay_expense_get_occurred_on (fixture->saved.after), ==, yesterday);

  /* Ready for the next one: empty, same day, same category. */
  g_assert_cmpstr (outlay_expense_editor_get_title (fixture->editor), ==, "New Expense");
  g_assert_null (outlay_expense_editor_get_expense (fixture->editor));
  g_assert_cmpstr (text_of (fixture, "Amount"), ==, "");
  g_assert_cmpstr (text_of (fixture, "Description"), ==, "");
  g_assert_cmpuint (chosen_category (fixture), ==, 2);
  g_assert_false (can_save (fixture));
  g_assert_false (field_error_shown (fixture, "Amount"));
  g_assert_false (field_error_shown (fixture, "Description"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), get_row (fixture, "Amount")));

  type_into (fixture, "Amount", "4");
  type_into (fixture, "Description", "Bus back");
  press (fixture, "_Save");
  g_assert_cmpuint (fixture->saved.count, ==, 2);
  g_assert_false (fixture->saved.add_another);
  g_assert_cmpstr (outlay_expense_get_occurred_on (fixture->saved.after), ==, yesterday);
  g_assert_cmpint (outlay_expense_get_category_id (fixture->saved.after), ==,
                   outlay_test_category_at (fixture->store.repository, 2));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 2);
}

static void
test_cancel_and_delete (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr (OutlayExpense) original = NULL;

  press (fixture, "_Cancel");
  g_assert_cmpuint (fixture->cancelled, ==, 1);

  original = outlay_test_add (&fixture->store, 500, "EUR", "2026-11-21", "Taxi",
                              outlay_test_category_at (fixture->store.repository, 0));
  outlay_expense_editor_edit (fixture->editor, original);
  flush (fixture);

  press (fixture, "_Delete Expense");
  g_assert_cmpuint (fixture->delete_requested, ==, 1);
  g_assert_true (outlay_expense_equal (fixture->delete_expense, original));
  /* Deleting is the handler's: the editor itself deleted nothing. */
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 1);
}

static void
test_keep_category_on_reload (Fixture      *fixture,
                              gconstpointer user_data)
{
  g_autoptr (OutlayExpense) original = NULL;
  g_autoptr (GError) error = NULL;
  OutlayCategory *category;

  outlay_expense_editor_new_expense (fixture->editor);
  choose_category (fixture, 2);

  /* Reloading the categories keeps the choice. */
  category =
    outlay_repository_add_category (fixture->store.repository, "Plants", "emoji-nature-symbolic", "#33d17a", &error);
  g_assert_no_error (error);
  g_assert_nonnull (category);
  flush (fixture);
  g_assert_cmpuint (chosen_category (fixture), ==, 2);

  /* And so does an expense being edited: its category is not a change. */
  original = outlay_test_add (&fixture->store, 500, "EUR", "2026-11-21", "Taxi",
                              outlay_test_category_at (fixture->store.repository, 1));
  outlay_expense_editor_edit (fixture->editor, original);
  flush (fixture);
  g_assert_false (outlay_expense_editor_get_dirty (fixture->editor));
  g_assert_true (outlay_repository_rename_category (fixture->store.repository,
                                                    outlay_test_category_at (fixture->store.repository, 0),
                                                    "Eating out", &error));
  g_assert_no_error (error);
  flush (fixture);
  g_assert_cmpuint (chosen_category (fixture), ==, 1);
  g_assert_false (outlay_expense_editor_get_dirty (fixture->editor));

  /* When the chosen one is deleted, its expenses' new home is chosen. */
  {
    OutlayCategory *fallback = outlay_repository_get_fallback_category (fixture->store.repository);
    GListModel     *categories = outlay_repository_get_categories (fixture->store.repository);
    guint           n_moved = 0;
    g_autoptr (OutlayCategory) chosen = NULL;

    g_assert_true (outlay_repository_delete_category (fixture->store.repository,
                                                      outlay_test_category_at (fixture->store.repository, 1),
                                                      &n_moved, &error));
    g_assert_no_error (error);
    flush (fixture);

    chosen = g_list_model_get_item (categories, chosen_category (fixture));
    g_assert_true (chosen == fallback);
  }
}

/* The shortcut for @accelerator in the editor's own controller. */
static GtkShortcut *
find_shortcut (Fixture    *fixture,
               const char *accelerator)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->editor));
  g_autoptr (GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      /* Before the focused widget, which could take the keys itself. */
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)), ==,
                       GTK_PHASE_CAPTURE);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *triggers = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *one = gtk_shortcut_trigger_to_string (wanted);
          g_auto (GStrv) alternatives = g_strsplit (triggers, "|", -1);

          if (g_strv_contains ((const char *const *) alternatives, one))
            return g_steal_pointer (&shortcut);
        }
    }

  return NULL;
}

static void
test_shortcuts (Fixture      *fixture,
                gconstpointer user_data)
{
  const char *save_keys[] = { "<Control>Return", "<Control>KP_Enter", "<Control>s" };

  outlay_expense_editor_new_expense (fixture->editor);
  type_into (fixture, "Amount", "2");
  type_into (fixture, "Description", "Stamps");

  for (guint i = 0; i < G_N_ELEMENTS (save_keys); i++)
    {
      g_autoptr (GtkShortcut) shortcut = find_shortcut (fixture, save_keys[i]);

      g_assert_nonnull (shortcut);
      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                   GTK_WIDGET (fixture->editor), NULL));
      flush (fixture);
      g_assert_cmpuint (fixture->saved.count, ==, i + 1);
      g_assert_false (fixture->saved.add_another);
    }

  {
    g_autoptr (GtkShortcut) shortcut = find_shortcut (fixture, "<Shift><Control>Return");

    g_assert_nonnull (shortcut);
    g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (fixture->editor), NULL));
    flush (fixture);
    g_assert_cmpuint (fixture->saved.count, ==, 4);
    g_assert_true (fixture->saved.add_another);
  }

  /* Nothing to save: the shortcut does nothing. */
  {
    g_autoptr (GtkShortcut) shortcut = find_shortcut (fixture, "<Control>s");

    g_assert_false (can_save (fixture));
    gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (fixture->editor), NULL);
    flush (fixture);
    g_assert_cmpuint (fixture->saved.count, ==, 4);
  }

  /* One expense, saved and saved again, and the next one. */
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 1);
}

/* Large Text at its largest (text scale 2.0) on a phone 360 pixels wide:
 * the whole editor, its header with Cancel, the title and Save included,
 * still fits, and both buttons keep their words. */
static void
test_large_text (Fixture      *fixture,
                 gconstpointer user_data)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (fixture->window));
  GtkWidget   *header_bar;
  GtkWidget   *button;
  int          dpi = 0;
  int          minimum = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 2, NULL);
  /* A phone's window has no minimize and maximize buttons. */
  g_object_set (settings, "gtk-decoration-layout", ":close", NULL);
  flush (fixture);

  header_bar = outlay_ui_test_find_of_type (GTK_WIDGET (fixture->editor), ADW_TYPE_HEADER_BAR);
  g_assert_nonnull (header_bar);
  gtk_widget_measure (header_bar, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  gtk_widget_measure (GTK_WIDGET (fixture->editor), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);

  button = outlay_ui_test_find (header_bar, button_has_label, "_Save");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Save");

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  gtk_settings_reset_property (settings, "gtk-decoration-layout");
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps what the editor tells assistive
   * technologies, for the assertions; tests/meson.build turns the real one
   * off. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/expense-editor/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("new", test_new_expense);
  ADD ("new-category", test_new_expense_category);
  ADD ("category-suggested", test_category_suggested);
  ADD ("edit", test_edit_expense);
  ADD ("expression", test_expression);
  ADD ("refund", test_refund);
  ADD ("invalid-amount", test_invalid_amount);
  ADD ("empty-description", test_empty_description);
  ADD ("autocomplete", test_autocomplete);
  ADD ("write-failure", test_write_failure);
  ADD ("store-refuses", test_store_refuses);
  ADD ("add-another", test_add_another);
  ADD ("cancel-and-delete", test_cancel_and_delete);
  ADD ("keep-category", test_keep_category_on_reload);
  ADD ("shortcuts", test_shortcuts);
  ADD ("large-text", test_large_text);

#undef ADD

  return g_test_run ();
}
