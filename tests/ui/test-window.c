/* test-window.c
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

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-budgets-group.h"
#include "outlay-expense-row.h"
#include "outlay-expense-editor.h"
#include "outlay-expenses-page.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-currencies-page.h"
#include "outlay-preferences-window.h"
#include "outlay-rate-editor.h"
#include "outlay-period.h"
#include "outlay-test-utils.h"
#include "outlay-dashboard-page.h"
#include "outlay-store-private.h"
#include "outlay-ui-test-utils.h"
#include "outlay-recurring-runner.h"
#include "outlay-window.h"

/* Runs with GSETTINGS_BACKEND=memory and GSETTINGS_SCHEMA_DIR=<builddir>/data
 * (tests/meson.build), under xvfb-run when there is no display. */

static OutlayApplication *app;
static char              *database_dir;
static char              *database_path;

/* A new main window, with a reference of the test's own so that the test can
 * prove with g_assert_finalize_object() that nothing else keeps it alive. */
static OutlayWindow *
create_window (void)
{
  OutlayWindow *window = outlay_window_new (app);

  g_assert_true (OUTLAY_IS_WINDOW (window));
  return g_object_ref (window);
}

static void
destroy_window (OutlayWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

/* What the list shows, row by row, as a screen reader reads it:
 * "Category, Description, 1 euro, Wednesday 25 November". */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (OUTLAY_IS_EXPENSE_ROW (child) && gtk_widget_get_mapped (child) &&
          outlay_expense_row_get_expense (OUTLAY_EXPENSE_ROW (child)) != NULL)
        g_ptr_array_add (rows, outlay_expense_row_dup_label (OUTLAY_EXPENSE_ROW (child)));
      else
        collect_rows (child, rows);
    }
}

static OutlayExpenseRow *
find_expense_row (GtkWidget  *widget,
                  const char *description)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      OutlayExpenseRow *found;

      if (OUTLAY_IS_EXPENSE_ROW (child) && gtk_widget_get_mapped (child) &&
          outlay_expense_row_get_expense (OUTLAY_EXPENSE_ROW (child)) != NULL &&
          g_strcmp0 (outlay_expense_get_description (outlay_expense_row_get_expense (OUTLAY_EXPENSE_ROW (child))),
                     description) == 0)
        return OUTLAY_EXPENSE_ROW (child);
      if ((found = find_expense_row (child, description)) != NULL)
        return found;
    }

  return NULL;
}

/* How many visible labels in @widget read @text. */
static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);

  return n;
}

/* A row of an expense of today, as the list reads it. */
static void
assert_today_row (const char *text,
                  const char *start)
{
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *iso = outlay_date_format_iso (today);
  g_autofree char *day = outlay_format_day (iso, today);
  g_autofree char *expected = g_strdup_printf ("%s, %s", start, day);

  g_assert_cmpstr (text, ==, expected);
}

static char *
list_text (OutlayWindow *window)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  collect_rows (outlay_window_get_expenses_page (window), rows);
  g_ptr_array_add (rows, NULL);

  return g_strjoinv ("\n", (char **) rows->pdata);
}

static void
type_into (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = outlay_ui_test_find (root, outlay_ui_test_is_entry_row, row_title);

  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* As a person clicks: a button that shows and can be used. */
static void
click (GtkWidget  *root,
       const char *label)
{
  outlay_ui_test_click (outlay_ui_test_find (root, outlay_ui_test_is_button, label));
}

/* The hero figure of the dashboard, as it reads. */
static const char *
dashboard_total (OutlayWindow *window)
{
  GObject *label = gtk_widget_get_template_child (outlay_window_get_dashboard_page (window),
                                                  OUTLAY_TYPE_DASHBOARD_PAGE, "total_label");

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static OutlayWindow *
open_window (int width,
             int height)
{
  return outlay_ui_test_open_window (app, width, height);
}

static void
test_empty_ledger (void)
{
  OutlayWindow *window = open_window (1000, 700);
  GtkWidget    *page = outlay_window_get_expenses_page (window);

  /* An invitation, not a blank list. */
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_status_page, "No Expenses Yet"));
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_button, "_Add an Expense"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (
                     outlay_ui_test_find (GTK_WIDGET (window), outlay_ui_test_is_mapped_type, "AdwViewStack"))),
                   ==, "dashboard");

  destroy_window (window);
}

static void
test_add_edit_delete_undo (void)
{
  OutlayWindow    *window = open_window (1200, 800);
  GtkWidget       *page = outlay_window_get_expenses_page (window);
  GtkWidget       *editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (page));
  GtkWindow       *dialog;
  g_autofree char *text = NULL;

  /* Ctrl+N: a new expense, typed as a person would, with a sum. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-expense", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (editor));
  type_into (editor, "Amount", "12.50+3.20");
  type_into (editor, "Description", "Lunch at the market");
  outlay_ui_test_settle (GTK_WIDGET (window));
  click (editor, "_Save");
  outlay_ui_test_settle (GTK_WIDGET (window));

  text = list_text (window);
  assert_today_row (text, "Food & Drink, Lunch at the market, 15.70 euros");
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "1 expense"));
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "€15.70"));

  /* The dashboard heard of it at once. */
  g_assert_cmpstr (dashboard_total (window), ==, "€15.70");

  /* Edit: the editor stays on the saved expense; a new amount. */
  type_into (editor, "Amount", "20");
  outlay_ui_test_settle (GTK_WIDGET (window));
  click (editor, "_Save");
  outlay_ui_test_settle (GTK_WIDGET (window));
  text = list_text (window);
  assert_today_row (text, "Food & Drink, Lunch at the market, 20 euros");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (dashboard_total (window), ==, "€20.00");

  /* Ctrl+Z takes the change back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  text = list_text (window);
  assert_today_row (text, "Food & Drink, Lunch at the market, 15.70 euros");
  g_clear_pointer (&text, g_free);

  /* Delete asks first; Cancel keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-expense", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  dialog = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Delete Expense?");
  click (GTK_WIDGET (dialog), "_Cancel");
  outlay_ui_test_settle (GTK_WIDGET (window));
  text = list_text (window);
  assert_today_row (text, "Food & Drink, Lunch at the market, 15.70 euros");
  g_clear_pointer (&text, g_free);

  /* Delete for real, then Undo brings it back exactly. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-expense", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  dialog = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  click (GTK_WIDGET (dialog), "_Delete");
  outlay_ui_test_settle (GTK_WIDGET (window));
  text = list_text (window);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_status_page, "No Expenses Yet"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  text = list_text (window);
  assert_today_row (text, "Food & Drink, Lunch at the market, 15.70 euros");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (dashboard_total (window), ==, "€15.70");

  destroy_window (window);
}

static void
test_invalid_amount (void)
{
  OutlayWindow    *window = open_window (1200, 800);
  GtkWidget       *page = outlay_window_get_expenses_page (window);
  GtkWidget       *editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (page));
  GtkWidget       *save;
  g_autofree char *before = list_text (window);
  g_autofree char *after = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-expense", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  type_into (editor, "Description", "Bakery");
  type_into (editor, "Amount", "12,345,67");
  outlay_ui_test_settle (GTK_WIDGET (window));

  /* The field says why, and Save waits for a valid amount. */
  g_assert_true (
    gtk_widget_has_css_class (outlay_ui_test_find (editor, outlay_ui_test_is_entry_row, "Amount"), "error"));
  save = outlay_ui_test_find (editor, outlay_ui_test_is_button, "_Save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (outlay_expense_editor_get_can_save (OUTLAY_EXPENSE_EDITOR (editor)));

  /* Fixing it is enough. */
  type_into (editor, "Amount", "4.20");
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_is_sensitive (save));
  click (editor, "_Cancel");
  outlay_ui_test_settle (GTK_WIDGET (window));

  after = list_text (window);
  g_assert_cmpstr (after, ==, before);

  destroy_window (window);
}

static void
add_expense (const char *description,
             gint64      amount,
             guint       category_position,
             int         days_ago)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayCategory) category =
    g_list_model_get_item (outlay_repository_get_categories (repository), category_position);
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GDate) day = g_date_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, -days_ago);

  g_date_set_dmy (day, g_date_time_get_day_of_month (then), g_date_time_get_month (then), g_date_time_get_year (then));
  outlay_expense_set_amount (draft, amount);
  outlay_expense_set_currency (draft, "EUR");
  outlay_expense_set_description (draft, description);
  outlay_expense_set_category_id (draft, outlay_category_get_id (category));
  outlay_expense_set_date (draft, day);
  stored = outlay_repository_add_expense (repository, draft, &error);
  g_assert_no_error (error);
}

static guint
count_lines (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  return *text == '\0' ? 0 : g_strv_length (lines);
}

static void
test_search_and_filter (void)
{
  OutlayWindow    *window;
  GtkWidget       *page;
  GtkWidget       *entry;
  GtkWidget       *dropdown;
  g_autofree char *text = NULL;

  /* Besides the lunch of the test before. */
  add_expense ("Coffee beans", 1299, 0, 0);
  add_expense ("Bus ticket", 290, 2, 0);
  add_expense ("Coffee", 350, 0, 400);

  window = open_window (1200, 800);
  page = outlay_window_get_expenses_page (window);
  text = list_text (window);
  g_assert_cmpuint (count_lines (text), ==, 4);
  g_clear_pointer (&text, g_free);
  /* The foot, added up in the background, counts the whole ledger. */
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "4 expenses"));

  /* Ctrl+F and a word: both coffees, old and new, and what they add up to. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  entry = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT (entry));
  entry = gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "coffee");
  outlay_ui_test_wait_ms (400);
  outlay_ui_test_settle (GTK_WIDGET (window));
  text = list_text (window);
  g_assert_cmpuint (count_lines (text), ==, 2);
  g_assert_nonnull (strstr (text, "Coffee beans"));
  g_assert_nonnull (strstr (text, ", Coffee, 3.50 euros,"));
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "2 matching expenses"));
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "€16.49"));

  /* Today's heading adds up what the search shows of today: the coffee
   * beans (its amount, and the day's total), not the lunch. */
  {
    OutlayExpenseRow *beans = find_expense_row (page, "Coffee beans");

    g_assert_nonnull (beans);
    g_assert_nonnull (outlay_expense_row_get_heading (beans));
    g_assert_cmpuint (count_labels (GTK_WIDGET (beans), "€12.99"), ==, 2);
    g_assert_cmpuint (count_labels (GTK_WIDGET (beans), "€28.69"), ==, 0);
  }

  /* No match says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zeppelin");
  outlay_ui_test_wait_ms (400);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_status_page, "No Matching Expenses"));

  /* Escape leaves the search; a category and a period narrow the list. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  outlay_ui_test_wait_ms (400);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "4 expenses"));
  dropdown = outlay_ui_test_find (page, outlay_ui_test_is_mapped_type, "GtkDropDown");
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1); /* Food & Drink */
  outlay_ui_test_settle (GTK_WIDGET (window));
  text = list_text (window);
  g_assert_cmpuint (count_lines (text), ==, 3);
  g_assert_null (strstr (text, "Bus ticket"));
  g_clear_pointer (&text, g_free);

  dropdown = gtk_widget_get_next_sibling (dropdown);
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1); /* This Month */
  outlay_ui_test_settle (GTK_WIDGET (window));
  text = list_text (window);
  g_assert_cmpuint (count_lines (text), ==, 2);
  g_assert_null (strstr (text, ", Coffee, 3.50 euros,"));
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (outlay_ui_test_find (page, outlay_ui_test_is_label, "2 matching expenses"));

  /* Sorted by amount, largest first: there are no day headings. */
  gtk_widget_activate_action (page, "list.sort", "s", "amount-desc");
  outlay_ui_test_settle (GTK_WIDGET (window));
  text = list_text (window);
  g_assert_true (g_str_has_prefix (text, "Food & Drink, Lunch at the market, 15.70 euros"));
  g_clear_pointer (&text, g_free);

  destroy_window (window);
}

/* Types into the search bar as a person does, and waits until the list
 * is whole: the entry's delay, then the read in the worker. */
static void
search_for (GtkWidget  *page,
            GtkWidget  *entry,
            const char *text)
{
  OutlayExpenseModel *model = outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (page));

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  outlay_ui_test_wait_ms (300);
  while (outlay_expense_model_is_loading (model))
    g_main_context_iteration (NULL, TRUE);
  outlay_ui_test_settle (page);
}

/* The list of expenses, not a drop-down's. */
static gboolean
is_expense_list (GtkWidget  *widget,
                 const char *unused)
{
  return GTK_IS_GRID_VIEW (widget) && GTK_IS_SINGLE_SELECTION (gtk_grid_view_get_model (GTK_GRID_VIEW (widget))) &&
         gtk_widget_get_mapped (widget);
}

static gint64
selected_id (GtkWidget *page)
{
  GtkWidget         *list = outlay_ui_test_find (page, is_expense_list, NULL);
  GtkSelectionModel *selection = gtk_grid_view_get_model (GTK_GRID_VIEW (list));
  OutlayExpense     *selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));

  return selected != NULL ? outlay_expense_get_id (selected) : 0;
}

static void
assert_editor_kept (GtkWidget *editor,
                    gint64     id)
{
  GtkWidget *amount = outlay_ui_test_find (editor, outlay_ui_test_is_entry_row, "Amount");
  GtkWidget *description = outlay_ui_test_find (editor, outlay_ui_test_is_entry_row, "Description");

  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpint (outlay_expense_get_id (outlay_expense_editor_get_expense (OUTLAY_EXPENSE_EDITOR (editor))), ==, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "9.99");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (description)), ==, "Morning coffee, large");
  g_assert_true (outlay_expense_editor_get_dirty (OUTLAY_EXPENSE_EDITOR (editor)));
}

/* A list read again — a search, another order — keeps the selected expense
 * selected wherever it lands, even past the first page that a long search
 * shows before the rest; the editor open on it keeps what the person
 * typed. A search that leaves it out takes only the selection, which comes
 * back with the expense. */
static void
test_selection_survives_search (void)
{
  OutlayRepository   *repository = outlay_application_get_repository (app);
  OutlayWindow       *window;
  GtkWidget          *page;
  GtkWidget          *editor;
  GtkWidget          *entry;
  OutlayExpenseModel *model;
  g_autoptr (OutlayQuery) oldest_first = outlay_query_new ();
  g_autoptr (GPtrArray) oldest = NULL;
  g_autoptr (GError) error = NULL;
  OutlayExpense *target;
  gint64         id;

  /* 120 coffees, older than everything else: the oldest is far past the
   * first page of a search for "coffee". */
  for (guint i = 0; i < 120; i++)
    add_expense ("Morning coffee", 300 + i, 0, 1000 + (int) i);
  outlay_query_set_sort (oldest_first, OUTLAY_SORT_DATE, FALSE);
  oldest = outlay_repository_find_expenses (repository, oldest_first, 0, 1, &error);
  g_assert_no_error (error);
  target = oldest->pdata[0];
  id = outlay_expense_get_id (target);
  g_assert_cmpint (outlay_expense_get_amount (target), ==, 419);

  window = open_window (1200, 800);
  page = outlay_window_get_expenses_page (window);
  editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (page));
  model = outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (page));

  /* Opened and changed, not saved. */
  outlay_expenses_page_edit_expense (OUTLAY_EXPENSES_PAGE (page), target);
  outlay_ui_test_settle (GTK_WIDGET (window));
  type_into (editor, "Amount", "9.99");
  type_into (editor, "Description", "Morning coffee, large");
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpint (selected_id (page), ==, id);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  entry = gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);

  /* The oldest of 122 coffees, the last row. */
  search_for (page, entry, "coffee");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 122);
  g_assert_cmpint (selected_id (page), ==, id);
  g_assert_cmpuint (outlay_expense_model_find (model, id), ==, 121);
  assert_editor_kept (editor, id);

  /* Cheapest first: it moves, the selection with it. */
  gtk_widget_activate_action (page, "list.sort", "s", "amount-asc");
  while (outlay_expense_model_is_loading (model))
    g_main_context_iteration (NULL, TRUE);
  outlay_ui_test_settle (page);
  g_assert_cmpuint (outlay_expense_model_find (model, id), !=, 121);
  g_assert_cmpint (selected_id (page), ==, id);
  assert_editor_kept (editor, id);

  /* Left out: nothing selected, the editor as it was... */
  search_for (page, entry, "bus");
  g_assert_cmpuint (outlay_expense_model_find (model, id), ==, G_MAXUINT);
  g_assert_cmpint (selected_id (page), ==, 0);
  assert_editor_kept (editor, id);

  /* ...and selected again when the search lets it back in. */
  search_for (page, entry, "");
  g_assert_cmpuint (outlay_expense_model_find (model, id), !=, G_MAXUINT);
  g_assert_cmpint (selected_id (page), ==, id);
  assert_editor_kept (editor, id);

  gtk_widget_activate_action (page, "list.sort", "s", "date-desc");
  outlay_ui_test_settle (page);
  click (editor, "_Cancel");
  outlay_ui_test_settle (GTK_WIDGET (window));
  destroy_window (window);
}

static void
wait_for_list (GtkWidget *page)
{
  OutlayExpenseModel *model = outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (page));

  while (outlay_expense_model_is_loading (model))
    g_main_context_iteration (NULL, TRUE);
  outlay_ui_test_settle (page);
}

/* Whether all of @row is inside the list's viewport. */
static gboolean
row_in_view (GtkWidget *page,
             GtkWidget *row)
{
  GtkWidget      *viewport = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return viewport != NULL && gtk_widget_compute_bounds (row, viewport, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport);
}

/* A list slow to read (a search of a large ledger, another order) takes a
 * save after the editor has said it is saved: the saved expense is still
 * selected and scrolled to once the list has it, far down the list. */
static void
test_saved_expense_shown_in_long_list (void)
{
  OutlayWindow       *window = open_window (1200, 800);
  GtkWidget          *page = outlay_window_get_expenses_page (window);
  GtkWidget          *editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (page));
  OutlayExpenseModel *model = outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (page));
  OutlayExpenseRow   *row;
  guint               position;

  outlay_expense_model_set_follow_in_worker (model, TRUE);
  gtk_widget_activate_action (page, "list.sort", "s", "amount-desc");
  wait_for_list (page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 100);

  /* The cheapest of all: the last row, far out of sight. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-expense", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  type_into (editor, "Amount", "0.01");
  type_into (editor, "Description", "A single sweet");
  outlay_ui_test_settle (GTK_WIDGET (window));
  click (editor, "_Save");
  wait_for_list (page);

  row = find_expense_row (page, "A single sweet");
  g_assert_nonnull (row);
  position = outlay_expense_model_find (model, outlay_expense_get_id (outlay_expense_row_get_expense (row)));
  g_assert_cmpuint (position, ==, g_list_model_get_n_items (G_LIST_MODEL (model)) - 1);
  g_assert_cmpint (selected_id (page), ==, outlay_expense_get_id (outlay_expense_row_get_expense (row)));
  g_assert_true (row_in_view (page, GTK_WIDGET (row)));

  gtk_widget_activate_action (page, "list.sort", "s", "date-desc");
  wait_for_list (page);
  destroy_window (window);
}

/* An expense added while the list is at its top, or a little below it
 * (where GTK leaves a long list scrolled back up), comes into view. */
static void
test_added_expense_shown_near_top (void)
{
  OutlayWindow     *window = open_window (1200, 800);
  GtkWidget        *page = outlay_window_get_expenses_page (window);
  GtkWidget        *list = outlay_ui_test_find (page, is_expense_list, NULL);
  GtkAdjustment    *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  OutlayExpenseRow *row;

  outlay_ui_test_settle (page);
  gtk_adjustment_set_value (adjustment, 30.0);
  outlay_ui_test_settle (page);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0.0);

  add_expense ("Newspaper", 250, 0, 0);
  outlay_ui_test_settle (page);

  row = find_expense_row (page, "Newspaper");
  g_assert_nonnull (row);
  g_assert_true (row_in_view (page, GTK_WIDGET (row)));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.0);

  destroy_window (window);
}

static gboolean
label_is (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static void
add_franc (gint64 amount)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;

  outlay_expense_set_amount (draft, amount);
  outlay_expense_set_currency (draft, "CHF");
  outlay_expense_set_description (draft, "Zürich");
  outlay_expense_set_category_id (draft, outlay_category_get_id (outlay_repository_get_fallback_category (repository)));
  outlay_expense_set_date (draft, today);
  stored = outlay_repository_add_expense (repository, draft, &error);
  g_assert_no_error (error);
}

/* A budget reaching a threshold says so in the window, once: here as a
 * toast (the tests have no session bus for a notification). */
static void
test_budget_alerts (void)
{
  OutlayWindow *window = open_window (1200, 800);
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (GDate) first = outlay_date_new_today ();
  g_autofree char *anchor = NULL;
  g_autoptr (GError) error = NULL;

  g_date_set_day (first, 1);
  anchor = outlay_date_format_iso (first);
  outlay_budget_set_name (draft, "Franken");
  outlay_budget_set_amount (draft, 10000);
  outlay_budget_set_currency (draft, "CHF");
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, anchor, NULL);
  stored = outlay_repository_add_budget (repository, draft, &error);
  g_assert_no_error (error);
  outlay_ui_test_settle (GTK_WIDGET (window));

  add_franc (8500);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), label_is, "“Franken” has reached 80 % of its budget"));

  add_franc (2000);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), label_is, "“Franken” is over budget"));

  /* Told once a period: in the ledger. */
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (outlay_repository_get_database (repository)),
                                          "SELECT count(*) FROM budget_alerts"),
                   ==, 2);

  destroy_window (window);

  /* Reached while no window was open: told when one opens. */
  g_clear_object (&stored);
  outlay_budget_set_name (draft, "Rappen");
  outlay_budget_set_amount (draft, 5000);
  stored = outlay_repository_add_budget (repository, draft, &error);
  g_assert_no_error (error);
  window = open_window (1200, 800);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), label_is, "“Rappen” is over budget"));
  destroy_window (window);
}

static OutlayRecurringRule *
add_rule (const char      *description,
          OutlayRepeatUnit unit,
          const GDate     *start)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
  g_autoptr (GError) error = NULL;
  OutlayRecurringRule *stored;
  OutlayRecurrence     recurrence;

  outlay_recurrence_init (&recurrence, unit, 1, start);
  outlay_recurring_rule_set_amount (draft, 1200);
  outlay_recurring_rule_set_currency (draft, "NOK");
  outlay_recurring_rule_set_description (draft, description);
  outlay_recurring_rule_set_category_uuid (
    draft, outlay_category_get_uuid (outlay_repository_get_fallback_category (repository)));
  outlay_recurring_rule_set_recurrence (draft, &recurrence);
  stored = outlay_repository_add_recurring_rule (repository, draft, &error);
  g_assert_no_error (error);
  return stored;
}

static gboolean
shown_repeat_icon (GtkWidget  *widget,
                   const char *unused)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "media-playlist-repeat-symbolic") == 0;
}

static gint64
count_live (const char *description)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autofree char  *sql = g_strdup_printf ("SELECT count(*) FROM expenses WHERE description = '%s' "
                                            "AND deleted_at IS NULL",
                                           description);

  return outlay_test_query_int (outlay_database_get_handle (outlay_repository_get_database (repository)), sql);
}

/* The window writes what recurring expenses owe when it opens, says so
 * with Undo, and Undo takes them back for good; one that would write many
 * at once asks first. */
/* The Dashboard's "Food & Drink, not in a subcategory" lists what is
 * filed under the category itself, none of its subcategories'. */
/* The text of a label under @widget that says all of @parts, or NULL. */
static const char *
find_label_with (GtkWidget         *widget,
                 const char *const *parts)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (widget));
      gboolean    all = TRUE;

      for (guint i = 0; all && parts[i] != NULL; i++)
        all = strstr (text, parts[i]) != NULL;
      if (all)
        return text;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_label_with (child, parts);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A search of expenses in two currencies: the foot adds each up, and under
 * them what they come to in the list's currency, at the rate of their
 * day: 10.00 + 20.00 × 0.5 = 20.00. */
static void
test_foot_converts (void)
{
  OutlayWindow      *window = open_window (1200, 800);
  OutlayRepository  *repository = outlay_application_get_repository (app);
  GtkWidget         *page = outlay_window_get_expenses_page (window);
  g_autofree char   *currency = NULL;
  g_autofree char   *home_total = NULL;
  g_autofree char   *other_total = NULL;
  g_autofree char   *converted = NULL;
  g_autofree char   *expected = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char   *day = outlay_date_format_iso (today);
  g_autoptr (OutlayExchangeRate) rate = NULL;
  g_autoptr (GError) error = NULL;
  const char        *other;
  GtkWidget         *entry;

  g_object_get (page, "currency", &currency, NULL);
  other = g_str_equal (currency, "CHF") ? "GBP" : "CHF";
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (OutlayExpense) draft = outlay_test_draft (i == 0 ? 1000 : 2000, i == 0 ? currency : other, day,
                                                           "Zanzibar ferry", outlay_test_category_at (repository, 2));
      g_autoptr (OutlayExpense) stored = outlay_repository_add_expense (repository, draft, &error);

      g_assert_no_error (error);
    }
  rate = outlay_repository_set_rate (repository, other, currency, day, "0.5", &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  entry = gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "zanzibar");
  outlay_ui_test_wait_ms (400);
  outlay_ui_test_settle (GTK_WIDGET (window));

  home_total = outlay_money_format_expense (1000, currency);
  other_total = outlay_money_format_expense (2000, other);
  converted = outlay_money_format_expense (2000, currency);
  expected = g_strdup_printf ("\n≈ %s in total", converted);
  /* Each currency's total, in the foot's order, then what they come to. */
  {
    const char *const parts[] = { home_total, other_total, expected, NULL };
    const char       *foot = find_label_with (page, parts);

    g_assert_nonnull (foot);
    g_assert_true (g_str_has_suffix (foot, expected));
  }

  destroy_window (window);
}

static void
test_recurring_catch_up (void)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayRecurringRule) rent = NULL;
  g_autoptr (OutlayRecurringRule) coffee = NULL;
  g_autoptr (OutlayRecurringRule) gone = NULL;
  g_autoptr (GDate) start = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;
  OutlayWindow *window;
  GtkWindow    *question;

  /* Monthly on a day every month has, from two months ago: that month's,
   * last month's and this month's, today or before. */
  g_date_set_day (start, MIN (g_date_get_day (start), 28));
  g_date_subtract_months (start, 2);
  rent = add_rule ("Hyttelån", OUTLAY_REPEAT_MONTHLY, start);

  window = open_window (1200, 800);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpint (count_live ("Hyttelån"), ==, 3);
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), label_is, "Added 3 recurring expenses"));
  /* Each shows that it repeats. */
  g_assert_nonnull (outlay_ui_test_find (outlay_window_get_expenses_page (window), shown_repeat_icon, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpint (count_live ("Hyttelån"), ==, 0);
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), label_is, "Recurring expenses taken back"));
  destroy_window (window);

  /* Taken back, they stay so; a daily one from 70 days ago asks first. */
  g_date_set_time_t (start, time (NULL));
  g_date_subtract_days (start, 70);
  coffee = add_rule ("Kaffe", OUTLAY_REPEAT_DAILY, start);
  window = open_window (1200, 800);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpint (count_live ("Hyttelån"), ==, 0);
  g_assert_cmpint (count_live ("Kaffe"), ==, 0);
  question = outlay_recurring_runner_get_question (outlay_window_get_recurring_runner (window));
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==,
                   "Add 71 Recurring Expenses?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)),
                            "“Kaffe” would add 71 expenses"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "add");
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpint (count_live ("Kaffe"), ==, 71);
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (window), label_is, "Added 71 recurring expenses"));
  destroy_window (window);

  /* Out of the way of the other tests. */
  gone = outlay_repository_delete_recurring_rule (repository, outlay_recurring_rule_get_uuid (coffee), TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&gone);
  gone = outlay_repository_delete_recurring_rule (repository, outlay_recurring_rule_get_uuid (rent), TRUE, &error);
  g_assert_no_error (error);
}

static gboolean
is_budgets_group (GtkWidget  *widget,
                  const char *unused)
{
  return OUTLAY_IS_BUDGETS_GROUP (widget) && gtk_widget_get_mapped (widget);
}

static void
add_coffee (gint64      category_id,
            const char *description)
{
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;

  outlay_expense_set_amount (draft, 350);
  outlay_expense_set_currency (draft, "SEK");
  outlay_expense_set_description (draft, description);
  outlay_expense_set_category_id (draft, category_id);
  outlay_expense_set_date (draft, today);
  stored = outlay_repository_add_expense (outlay_application_get_repository (app), draft, &error);
  g_assert_no_error (error);
}

/* A budget of two categories, activated on the Dashboard, shows the
 * expenses of both and of no other, its period's, with the filter named
 * by both. */
static void
test_budget_shows_its_categories (void)
{
  OutlayWindow     *window = open_window (1200, 800);
  OutlayRepository *repository = outlay_application_get_repository (app);
  GListModel       *categories = outlay_repository_get_categories (repository);
  g_autoptr (OutlayCategory) first = g_list_model_get_item (categories, 0);
  g_autoptr (OutlayCategory) second = g_list_model_get_item (categories, 1);
  g_autoptr (OutlayCategory) third = g_list_model_get_item (categories, 2);
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (GDate) start = outlay_date_new_today ();
  g_autofree char *anchor = NULL;
  g_autofree char *filter = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget          *page = outlay_window_get_expenses_page (window);
  OutlayExpenseModel *model = outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (page));
  GtkWidget          *group, *row;
  gboolean            saw_first = FALSE, saw_second = FALSE;

  g_date_set_day (start, 1);
  anchor = outlay_date_format_iso (start);
  outlay_budget_set_name (draft, "Kronor");
  outlay_budget_set_amount (draft, 100000);
  outlay_budget_set_currency (draft, "SEK");
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, anchor, NULL);
  outlay_budget_set_categories (draft, (const char *const[]){ outlay_category_get_uuid (first),
                                                              outlay_category_get_uuid (second), NULL });
  stored = outlay_repository_add_budget (repository, draft, &error);
  g_assert_no_error (error);
  add_coffee (outlay_category_get_id (first), "Fika one");
  add_coffee (outlay_category_get_id (second), "Fika two");
  add_coffee (outlay_category_get_id (third), "Fika three");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  outlay_ui_test_settle (GTK_WIDGET (window));
  group = outlay_ui_test_find (GTK_WIDGET (window), is_budgets_group, NULL);
  g_assert_nonnull (group);
  row = gtk_widget_get_ancestor (outlay_ui_test_find (group, label_is, "Kronor"), GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  outlay_ui_test_settle (GTK_WIDGET (window));

  g_assert_true (gtk_widget_get_mapped (page));
  filter = g_strdup_printf ("%s, %s", outlay_category_get_name (first), outlay_category_get_name (second));
  g_assert_cmpstr (outlay_expenses_page_get_category_filter (OUTLAY_EXPENSES_PAGE (page)), ==, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr (OutlayExpense) expense = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint64 category = outlay_expense_get_category_id (expense);

      g_assert_true (category == outlay_category_get_id (first) || category == outlay_category_get_id (second));
      g_assert_cmpstr (outlay_expense_get_occurred_on (expense), >=, anchor);
      saw_first |= g_str_equal (outlay_expense_get_description (expense), "Fika one");
      saw_second |= g_str_equal (outlay_expense_get_description (expense), "Fika two");
    }
  g_assert_true (saw_first && saw_second);

  /* The categories read again (a rename) keep the filter. */
  g_assert_true (outlay_repository_rename_category (repository, outlay_category_get_id (third), "Fika elsewhere",
                                                    &error));
  g_assert_no_error (error);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (outlay_expenses_page_get_category_filter (OUTLAY_EXPENSES_PAGE (page)), ==, filter);

  destroy_window (window);
}

static gboolean
model_has (OutlayExpenseModel *model,
           const char         *description)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr (OutlayExpense) expense = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_str_equal (outlay_expense_get_description (expense), description))
        return TRUE;
    }
  return FALSE;
}

static void
test_own_expenses_of_a_category (void)
{
  OutlayWindow     *window = open_window (1200, 800);
  OutlayRepository *repository = outlay_application_get_repository (app);
  GListModel       *categories = outlay_repository_get_categories (repository);
  g_autoptr (OutlayCategory) top = g_list_model_get_item (categories, 0);
  g_autoptr (GError) error = NULL;
  g_autofree char    *filter = NULL;
  OutlayCategory     *child;
  GtkWidget          *page = outlay_window_get_expenses_page (window);
  OutlayExpenseModel *model = outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (page));
  gboolean            saw_own = FALSE;

  child = outlay_repository_add_subcategory (repository, top, "Fika", "emoji-food-symbolic", "#986a44", &error);
  g_assert_no_error (error);
  add_coffee (outlay_category_get_id (top), "Fika at the top");
  add_coffee (outlay_category_get_id (child), "Fika below");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_signal_emit_by_name (outlay_window_get_dashboard_page (window), "category-activated",
                         outlay_category_get_id (top), TRUE, NULL, NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));

  g_assert_true (gtk_widget_get_mapped (page));
  filter = g_strdup_printf ("%s, not in a subcategory", outlay_category_get_name (top));
  g_assert_cmpstr (outlay_expenses_page_get_category_filter (OUTLAY_EXPENSES_PAGE (page)), ==, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr (OutlayExpense) expense = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (outlay_expense_get_category_id (expense), ==, outlay_category_get_id (top));
      saw_own |= g_str_equal (outlay_expense_get_description (expense), "Fika at the top");
    }
  g_assert_true (saw_own);

  /* The whole category again: its subcategory's too. */
  g_signal_emit_by_name (outlay_window_get_dashboard_page (window), "category-activated",
                         outlay_category_get_id (top), FALSE, NULL, NULL);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (outlay_expenses_page_get_category_filter (OUTLAY_EXPENSES_PAGE (page)), ==,
                   outlay_category_get_name (top));
  g_assert_true (model_has (model, "Fika below"));

  destroy_window (window);
}

static void
test_phone_layout (void)
{
  OutlayWindow   *window = open_window (360, 720);
  GtkWidget      *page = outlay_window_get_expenses_page (window);
  GtkWidget      *editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (page));
  GtkWidget      *bar = outlay_ui_test_find (GTK_WIDGET (window), outlay_ui_test_is_mapped_type, "AdwViewSwitcherBar");
  graphene_rect_t bounds;

  /* Folded: the list alone, the switcher at the bottom. */
  g_assert_true (outlay_expenses_page_get_folded (OUTLAY_EXPENSES_PAGE (page)));
  g_assert_nonnull (bar);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_false (gtk_widget_get_mapped (editor));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

  /* The editor slides over the list at full width; Cancel returns. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-expense", NULL);
  outlay_ui_test_wait_ms (400);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (outlay_expenses_page_get_editing (OUTLAY_EXPENSES_PAGE (page)));
  g_assert_true (gtk_widget_compute_bounds (editor, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >=, gtk_widget_get_width (GTK_WIDGET (window)) - 2);
  g_assert_nonnull (outlay_ui_test_find (editor, outlay_ui_test_is_entry_row, "Amount"));

  click (editor, "_Cancel");
  outlay_ui_test_wait_ms (400);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_false (outlay_expenses_page_get_editing (OUTLAY_EXPENSES_PAGE (page)));

  destroy_window (window);
}

static void
test_window_size_from_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  OutlayWindow *window;
  int           width, height;

  outlay_ui_test_reset_settings ();
  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);

  window = create_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  /* Showing the window must not feed a different size back: the window's own
   * width varies with the decorations GTK draws for the display. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 700);

  destroy_window (window);
}

static void
test_window_size_saved (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  OutlayWindow *window;

  outlay_ui_test_reset_settings ();
  window = create_window ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  destroy_window (window);
}

static void
test_about (void)
{
  OutlayWindow *window;
  GtkWindow    *about = NULL;

  outlay_ui_test_reset_settings ();
  window = create_window ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = g_object_ref (l->data);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Outlay");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (about));

  gtk_window_destroy (about);
  g_assert_finalize_object (about);
  destroy_window (window);
}

/* "Add Rate" of a currency without one: the Preferences on their
 * Currencies page, the rate editor of that currency over them. */
static void
test_add_rate (void)
{
  OutlayWindow *window = open_window (1200, 800);
  GtkWindow    *preferences = NULL;
  GtkWindow    *editor = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "add-rate", g_variant_new_string ("ARS"));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (OUTLAY_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  g_assert_nonnull (preferences);
  g_assert_true (OUTLAY_IS_CURRENCIES_PAGE (
    adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences))));
  editor = GTK_WINDOW (outlay_ui_test_find_toplevel (OUTLAY_TYPE_RATE_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpstr (outlay_rate_editor_get_currency (OUTLAY_RATE_EDITOR (editor)), ==, "ARS");

  gtk_window_destroy (editor);
  gtk_window_destroy (preferences);
  destroy_window (window);
}

static void
test_quit (void)
{
  g_auto (GStrv) accels = NULL;
  OutlayWindow *window;

  outlay_ui_test_reset_settings ();
  window = create_window ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstrv (accels, ((const char *[]){ "<Control>q", NULL }));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  /* Quitting closes every window; only the test's reference is left. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  /* A ledger of the test's own, empty at the start. */
  app = outlay_ui_test_register_application ("outlay-window-XXXXXX", &database_dir, &database_path);

  g_test_add_func ("/window/empty-ledger", test_empty_ledger);
  g_test_add_func ("/window/add-edit-delete-undo", test_add_edit_delete_undo);
  g_test_add_func ("/window/invalid-amount", test_invalid_amount);
  g_test_add_func ("/window/search-and-filter", test_search_and_filter);
  g_test_add_func ("/window/selection-survives-search", test_selection_survives_search);
  g_test_add_func ("/window/saved-expense-shown-in-long-list", test_saved_expense_shown_in_long_list);
  g_test_add_func ("/window/added-expense-shown-near-top", test_added_expense_shown_near_top);
  g_test_add_func ("/window/budget-alerts", test_budget_alerts);
  g_test_add_func ("/window/budget-shows-its-categories", test_budget_shows_its_categories);
  g_test_add_func ("/window/own-expenses-of-a-category", test_own_expenses_of_a_category);
  g_test_add_func ("/window/foot-converts", test_foot_converts);
  g_test_add_func ("/window/add-rate", test_add_rate);
  g_test_add_func ("/window/recurring-catch-up", test_recurring_catch_up);
  g_test_add_func ("/window/phone-layout", test_phone_layout);
  g_test_add_func ("/window/size-from-settings", test_window_size_from_settings);
  g_test_add_func ("/window/size-saved", test_window_size_saved);
  g_test_add_func ("/window/about", test_about);
  g_test_add_func ("/window/quit", test_quit);

  ret = g_test_run ();

  /* From startup until shutdown, which only g_application_run() emits, a
   * GtkApplication's action muxer holds a reference to the application, so
   * its finalization cannot be asserted here; the windows' can, above. */
  g_object_unref (app);

  remove_tree (database_dir);
  g_free (database_dir);
  g_free (database_path);

  return ret;
}
