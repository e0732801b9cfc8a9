/* test-expense-editor-charged.c
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

#include "outlay-expense-editor.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"

/* The editor's Charged field and the line under the amount, for an expense
 * in another currency than the ledger's (EUR here). The strings are the
 * untranslated ones: the tests run in the C locale. */

#define DAY "2026-05-14"

typedef struct
{
  OutlayTestFixture    store;
  GtkWindow           *window;
  OutlayExpenseEditor *editor;
  guint                saved;
} Fixture;

static void
on_saved_cb (OutlayExpenseEditor *editor,
             OutlayExpense       *before,
             OutlayExpense       *after,
             gboolean             add_another,
             Fixture             *fixture)
{
  fixture->saved++;
}

static void
flush (Fixture *fixture)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
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
charged_shown (Fixture *fixture)
{
  return gtk_widget_is_drawable (get_row (fixture, "Charged"));
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

/* The error label under the Charged field: after the boxed list of its group. */
static const char *
charged_error (Fixture *fixture)
{
  GtkWidget *list = gtk_widget_get_ancestor (get_row (fixture, "Charged"), GTK_TYPE_LIST_BOX);
  GtkWidget *label = gtk_widget_get_next_sibling (list);

  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  return gtk_widget_is_drawable (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The dim line under the amount. */
static const char *
converted_line (Fixture *fixture)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (fixture->editor), OUTLAY_TYPE_EXPENSE_EDITOR,
                                                  "converted_label");

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_widget_is_drawable (GTK_WIDGET (label)) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static OutlayExpense *
add_expense (Fixture    *fixture,
             gint64      amount,
             const char *currency)
{
  return outlay_test_add (&fixture->store, amount, currency, DAY, "Hotel",
                          outlay_test_category_at (fixture->store.repository, 0));
}

static OutlayExpense *
reload (Fixture       *fixture,
        OutlayExpense *expense)
{
  g_autoptr (GError) error = NULL;
  OutlayExpense *stored = outlay_repository_get_expense (fixture->store.repository, outlay_expense_get_id (expense),
                                                         &error);

  g_assert_no_error (error);
  return stored;
}

static void
set_rate (Fixture    *fixture,
          const char *rate)
{
  g_autoptr (OutlayExchangeRate) stored = NULL;
  g_autoptr (GError) error = NULL;

  stored = outlay_repository_set_rate (fixture->store.repository, "USD", "EUR", DAY, rate, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  outlay_test_fixture_setup (&fixture->store, user_data);
  outlay_repository_set_currency (fixture->store.repository, "EUR", &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 720);
  fixture->editor = g_object_ref_sink (OUTLAY_EXPENSE_EDITOR (outlay_expense_editor_new (fixture->store.repository)));
  outlay_expense_editor_set_currency (fixture->editor, "EUR");
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (on_saved_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
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

static void
test_shown (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr (OutlayExpense) home = add_expense (fixture, 1250, "EUR");
  g_autoptr (OutlayExpense) abroad = add_expense (fixture, 20000, "USD");

  g_assert_false (charged_shown (fixture));
  g_assert_null (converted_line (fixture));

  outlay_expense_editor_edit (fixture->editor, home);
  flush (fixture);
  g_assert_false (charged_shown (fixture));

  outlay_expense_editor_edit (fixture->editor, abroad);
  flush (fixture);
  g_assert_true (charged_shown (fixture));
  g_assert_cmpstr (text_of (fixture, "Charged"), ==, "");

  /* A new expense in another currency than the ledger's. */
  outlay_expense_editor_set_currency (fixture->editor, "USD");
  outlay_expense_editor_new_expense (fixture->editor);
  flush (fixture);
  g_assert_true (charged_shown (fixture));
}

static void
test_new_with_charge (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (OutlayExpense) stored = NULL;
  OutlayExpense *shown;
  gint64         charged = 0;

  outlay_expense_editor_set_currency (fixture->editor, "USD");
  outlay_expense_editor_new_expense (fixture->editor);
  type_into (fixture, "Amount", "87.00");
  type_into (fixture, "Description", "Hotel");
  type_into (fixture, "Charged", "80.11");
  g_assert_cmpstr (converted_line (fixture), ==, "Charged €80.11");
  g_assert_true (outlay_expense_editor_save (fixture->editor, FALSE));

  shown = outlay_expense_editor_get_expense (fixture->editor);
  g_assert_nonnull (shown);
  stored = reload (fixture, shown);
  g_assert_cmpstr (outlay_expense_get_charged (stored, &charged), ==, "EUR");
  g_assert_cmpint (charged, ==, 8011);
  /* The form shows what is stored. */
  g_assert_cmpstr (text_of (fixture, "Charged"), ==, "80.11");
  g_assert_false (outlay_expense_editor_get_dirty (fixture->editor));
}

static void
test_edit_and_clear (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr (OutlayExpense) expense = add_expense (fixture, -8700, "USD");
  g_autoptr (OutlayExpense) charged_once = NULL;
  g_autoptr (OutlayExpense) cleared = NULL;
  gint64 charged = 0;

  /* A refund: its charge is money back too. */
  outlay_expense_editor_edit (fixture->editor, expense);
  flush (fixture);
  type_into (fixture, "Charged", "80.11");
  g_assert_true (outlay_expense_editor_get_dirty (fixture->editor));
  g_assert_true (outlay_expense_editor_save (fixture->editor, FALSE));
  charged_once = reload (fixture, expense);
  g_assert_cmpstr (outlay_expense_get_charged (charged_once, &charged), ==, "EUR");
  g_assert_cmpint (charged, ==, -8011);

  /* Opened again, the charge shows as typed. */
  outlay_expense_editor_edit (fixture->editor, charged_once);
  flush (fixture);
  g_assert_cmpstr (text_of (fixture, "Charged"), ==, "80.11");

  type_into (fixture, "Charged", "");
  g_assert_true (outlay_expense_editor_save (fixture->editor, FALSE));
  cleared = reload (fixture, expense);
  g_assert_null (outlay_expense_get_charged (cleared, NULL));
  g_assert_cmpuint (fixture->saved, ==, 2);
}

static void
test_refused (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (OutlayExpense) expense = add_expense (fixture, 20000, "USD");
  g_autoptr (OutlayExpense) draft = outlay_expense_copy (expense);
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *refusal = NULL;

  /* What the store says about a charge of nothing. */
  outlay_expense_set_charged (draft, 0, "EUR");
  g_assert_null (outlay_repository_update_expense (fixture->store.repository, draft, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CHARGED);
  refusal = g_strdup (error->message);

  outlay_expense_editor_edit (fixture->editor, expense);
  flush (fixture);
  g_assert_null (charged_error (fixture));

  /* Not an amount: said at once, and nothing can be saved. */
  type_into (fixture, "Charged", "eighty");
  g_assert_nonnull (charged_error (fixture));
  g_assert_false (outlay_expense_editor_get_can_save (fixture->editor));

  /* An amount the store refuses: its message under the field. */
  type_into (fixture, "Charged", "0");
  g_assert_true (outlay_expense_editor_get_can_save (fixture->editor));
  g_assert_false (outlay_expense_editor_save (fixture->editor, FALSE));
  flush (fixture);
  g_assert_cmpuint (fixture->saved, ==, 0);
  g_assert_cmpstr (charged_error (fixture), ==, refusal);
  g_assert_cmpstr (text_of (fixture, "Charged"), ==, "0");
  stored = reload (fixture, expense);
  g_assert_true (outlay_expense_equal (stored, expense));

  /* Changing the field takes the error away. */
  type_into (fixture, "Charged", "184");
  g_assert_null (charged_error (fixture));
}

static void
test_converted (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr (OutlayExpense) expense = add_expense (fixture, 20000, "USD");
  GtkWidget *amount_text;

  outlay_expense_editor_edit (fixture->editor, expense);
  flush (fixture);
  g_assert_cmpstr (converted_line (fixture), ==, "No rate for USD on 14 May — add one in Preferences");

  /* A rate set elsewhere shows at once: 200.00 USD × 0.9205 = 184.10 EUR. */
  set_rate (fixture, "0.9205");
  flush (fixture);
  g_assert_cmpstr (converted_line (fixture), ==, "≈ €184.10 at 1 USD = 0.9205 EUR (14 May)");

  /* The amount converts as it is typed: 12.34 × 0.9205 = 11.358970, €11.36. */
  type_into (fixture, "Amount", "12.34");
  g_assert_cmpstr (converted_line (fixture), ==, "≈ €11.36 at 1 USD = 0.9205 EUR (14 May)");

  /* A screen reader reads it with the amount. */
  amount_text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (get_row (fixture, "Amount"))));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (amount_text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "≈ €11.36 at 1 USD = 0.9205 EUR (14 May)");

  /* What was charged takes the place of the rate. */
  type_into (fixture, "Charged", "11.30");
  g_assert_cmpstr (converted_line (fixture), ==, "Charged €11.30");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (amount_text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Charged €11.30");
}

static void
test_accessible (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (OutlayExpense) expense = add_expense (fixture, 20000, "USD");
  GtkWidget *text;

  outlay_expense_editor_edit (fixture->editor, expense);
  flush (fixture);

  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (get_row (fixture, "Charged"))));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, "Charged");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "What your card was charged, in EUR");

  /* Tab goes from the amount to what was charged. */
  gtk_widget_grab_focus (get_row (fixture, "Amount"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         get_row (fixture, "Charged")));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/expense-editor/charged/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("shown", test_shown);
  ADD ("new", test_new_with_charge);
  ADD ("edit-and-clear", test_edit_and_clear);
  ADD ("refused", test_refused);
  ADD ("converted", test_converted);
  ADD ("accessible", test_accessible);

#undef ADD

  return g_test_run ();
}
