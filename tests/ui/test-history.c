/* test-history.c
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

/* The History window as a person uses it: every change newest first in
 * words, a page at a time; the filters by kind and device; one expense's
 * own history; Undo where it applies and a clear word where it no longer
 * does; one phrase a row for a screen reader; 360 px at text ×2. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "outlay-history-row.h"
#include "outlay-history-window.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"

typedef struct
{
  OutlayTestFixture    store;
  OutlayRepository    *repository;
  OutlayHistoryWindow *window;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  outlay_test_fixture_setup (&fixture->store, NULL);
  fixture->repository = fixture->store.repository;
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      outlay_ui_test_drain ();
    }
  fixture->repository = NULL;
  outlay_test_fixture_teardown (&fixture->store, NULL);
}

static gboolean
is_read (gpointer data)
{
  return !outlay_history_window_is_loading (data);
}

static void
wait_read (Fixture *fixture)
{
  g_assert_true (outlay_ui_test_wait_for (is_read, fixture->window));
  outlay_ui_test_settle (GTK_WIDGET (fixture->window));
}

static void
open_window (Fixture    *fixture,
             const char *row_uuid)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = outlay_history_window_new (NULL, fixture->repository, row_uuid);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_read (fixture);
}

static guint
count_rows (Fixture *fixture)
{
  GtkWidget *list = GTK_WIDGET (outlay_history_window_get_list (fixture->window));
  guint      n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += OUTLAY_IS_HISTORY_ROW (child);
  return n;
}

static OutlayHistoryRow *
row_at (Fixture *fixture,
        int      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (outlay_history_window_get_list (fixture->window), index);

  g_assert_true (OUTLAY_IS_HISTORY_ROW (row));
  return OUTLAY_HISTORY_ROW (row);
}

static const char *
title_of (OutlayHistoryRow *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static OutlayExpense *
add (Fixture    *fixture,
     gint64      amount,
     const char *description)
{
  return outlay_test_add (&fixture->store, amount, "EUR", "2026-03-01", description,
                          outlay_test_category_at (fixture->repository, 0));
}

static void
edit_amount (Fixture       *fixture,
             OutlayExpense *expense,
             gint64         amount)
{
  g_autoptr (OutlayExpense) done = NULL;
  g_autoptr (GError) error = NULL;

  outlay_expense_set_amount (expense, amount);
  done = outlay_repository_update_expense (fixture->repository, expense, &error);
  g_assert_no_error (error);
}

/* Newest first, each row what changed as its title and the row, device
 * and time below; read as one phrase. */
static void
test_rows (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (OutlayExpense) lunch = add (fixture, 1250, "Lunch");
  g_autoptr (OutlayExpense) tea = add (fixture, 300, "Tea");
  OutlayHistoryRow *row;
  const char       *subtitle;
  g_autofree char  *undo_label = NULL;

  open_window (fixture, NULL);
  g_assert_cmpuint (count_rows (fixture), ==, 2);
  edit_amount (fixture, lunch, 1500);
  /* The window follows the ledger. */
  wait_read (fixture);
  g_assert_cmpuint (count_rows (fixture), ==, 3);

  row = row_at (fixture, 0);
  g_assert_cmpstr (title_of (row), ==, "Amount €12.50 → €15.00");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_true (g_str_has_prefix (subtitle, "Expense “Lunch”\non This Device, today "));
  g_assert_true (gtk_widget_get_visible (outlay_history_row_get_undo_button (row)));
  g_assert_true (g_str_has_prefix (outlay_history_row_get_spoken (row),
                                   "Expense “Lunch”: Amount changed from 12.50 euros to 15 euros on This Device, "
                                   "today "));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       outlay_history_row_get_spoken (row));
  /* Nothing read after the phrase again. */
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  undo_label = g_strdup_printf ("Undo: %s", outlay_history_row_get_spoken (row));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (outlay_history_row_get_undo_button (row)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, undo_label);

  g_assert_cmpstr (title_of (row_at (fixture, 1)), ==, "Added");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_at (fixture, 1))),
                                   "Expense “Tea”"));
  g_assert_cmpstr (title_of (row_at (fixture, 2)), ==, "Added");
}

/* Undo writes the old amount back through the expense's write; the old
 * change then no longer offers it, and its own change can be undone. */
static void
test_undo (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (OutlayExpense) lunch = add (fixture, 1250, "Lunch");
  g_autoptr (OutlayExpense) now = NULL;
  g_autoptr (GError) error = NULL;

  edit_amount (fixture, lunch, 1500);
  open_window (fixture, NULL);
  g_array_set_size (fixture->store.changes, 0);
  outlay_ui_test_click (outlay_history_row_get_undo_button (row_at (fixture, 0)));
  wait_read (fixture);

  g_assert_cmpuint (fixture->store.changes->len, ==, 1);
  now = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (lunch), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_amount (now), ==, 1250);

  g_assert_cmpuint (count_rows (fixture), ==, 3);
  g_assert_cmpstr (title_of (row_at (fixture, 0)), ==, "Amount €15.00 → €12.50");
  g_assert_true (gtk_widget_get_visible (outlay_history_row_get_undo_button (row_at (fixture, 0))));
  g_assert_cmpstr (title_of (row_at (fixture, 1)), ==, "Amount €12.50 → €15.00");
  g_assert_false (gtk_widget_get_visible (outlay_history_row_get_undo_button (row_at (fixture, 1))));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (fixture->window), outlay_ui_test_is_label,
                                         "Undone: Amount €12.50 → €15.00"));
}

/* A change whose cell has changed since, behind the window's back: Undo
 * says it no longer applies and writes nothing. */
static void
test_no_longer_applies (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  OutlayCategory *pets = outlay_repository_add_category (fixture->repository, "Pets", "pets-symbolic", "#aabbcc",
                                                         &error);
  gint64          id = outlay_category_get_id (pets);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (outlay_repository_rename_category (fixture->repository, id, "Animals", &error));
  open_window (fixture, NULL);
  g_assert_cmpstr (title_of (row_at (fixture, 0)), ==, "Name “Pets” → “Animals”");
  g_assert_true (outlay_repository_rename_category (fixture->repository, id, "Beasts", &error));
  g_assert_no_error (error);

  before = outlay_test_dump_store (outlay_database_get_handle (fixture->store.database));
  outlay_ui_test_click (outlay_history_row_get_undo_button (row_at (fixture, 0)));
  wait_read (fixture);
  after = outlay_test_dump_store (outlay_database_get_handle (fixture->store.database));
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (outlay_repository_find_category (fixture->repository, "Beasts"));
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (fixture->window), outlay_ui_test_is_label,
                                         "This change can no longer be undone: what it changed has changed since."));
  /* Read again: the newer rename is there, the older one offers no Undo. */
  g_assert_cmpstr (title_of (row_at (fixture, 0)), ==, "Name “Animals” → “Beasts”");
  g_assert_false (gtk_widget_get_visible (outlay_history_row_get_undo_button (row_at (fixture, 1))));
}

/* The first page, then the next when the list is scrolled to its end. */
static void
test_pages (Fixture      *fixture,
            gconstpointer user_data)
{
  for (guint i = 0; i < 150; i++)
    {
      g_autoptr (OutlayExpense) expense = add (fixture, 100 + i, "Item");
    }

  open_window (fixture, NULL);
  g_assert_cmpuint (count_rows (fixture), ==, 100);
  outlay_history_window_load_more (fixture->window);
  wait_read (fixture);
  g_assert_cmpuint (count_rows (fixture), ==, 150);
  outlay_history_window_load_more (fixture->window);
  wait_read (fixture);
  g_assert_cmpuint (count_rows (fixture), ==, 150);
}

/* Kinds and devices; the device filter shows only once another device
 * has written. */
static void
test_filters (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (OutlayExpense) lunch = add (fixture, 1250, "Lunch");
  g_autoptr (GError) error = NULL;
  sqlite3 *db = outlay_database_get_handle (fixture->store.database);

  g_assert_nonnull (outlay_repository_add_category (fixture->repository, "Pets", "pets-symbolic", "#aabbcc",
                                                    &error));
  edit_amount (fixture, lunch, 1500);
  outlay_test_exec (db, "INSERT INTO sync_peers (device, name) VALUES ('peer-1', 'Phone')");
  outlay_test_exec (db, "UPDATE sync_journal SET device = 'peer-1' WHERE col = 'amount'");

  open_window (fixture, NULL);
  g_assert_cmpuint (count_rows (fixture), ==, 3);
  g_assert_true (gtk_widget_is_visible (outlay_ui_test_find (GTK_WIDGET (fixture->window), outlay_ui_test_is_row,
                                                             "_Device")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_at (fixture, 0))), "on Phone, "));

  outlay_history_window_set_kind (fixture->window, OUTLAY_HISTORY_KIND_CATEGORIES);
  wait_read (fixture);
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_at (fixture, 0))),
                                   "Category “Pets”"));

  outlay_history_window_set_kind (fixture->window, OUTLAY_HISTORY_KIND_ALL);
  outlay_history_window_set_device (fixture->window, 2); /* Phone, after All Devices and This Device */
  wait_read (fixture);
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_cmpstr (title_of (row_at (fixture, 0)), ==, "Amount €12.50 → €15.00");

  outlay_history_window_set_device (fixture->window, 1);
  wait_read (fixture);
  g_assert_cmpuint (count_rows (fixture), ==, 2);
}

/* An expense's own history: its changes only, named in the title, no
 * filters; the empty page when there are none. */
static void
test_expense (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (OutlayExpense) lunch = add (fixture, 1250, "Lunch");
  g_autoptr (OutlayExpense) tea = add (fixture, 300, "Tea");

  edit_amount (fixture, lunch, 1500);
  open_window (fixture, outlay_expense_get_uuid (lunch));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "History of “Lunch”");
  g_assert_cmpuint (count_rows (fixture), ==, 2);
  g_assert_false (gtk_widget_is_visible (outlay_ui_test_find (GTK_WIDGET (fixture->window), outlay_ui_test_is_row,
                                                              "_Kind")));

  outlay_test_exec (outlay_database_get_handle (fixture->store.database), "DELETE FROM sync_journal");
  open_window (fixture, outlay_expense_get_uuid (tea));
  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (fixture->window), outlay_ui_test_is_status_page, "No Changes"));
}

/* Usable on a phone with large text: nothing wider than 360 px. */
static void
test_narrow (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (OutlayExpense) lunch = add (fixture, 1250, "A rather long description of a lunch with colleagues");
  sqlite3 *db = outlay_database_get_handle (fixture->store.database);

  outlay_test_exec (db, "INSERT INTO sync_peers (device, name) VALUES ('peer-1', 'A phone with a long name')");
  edit_amount (fixture, lunch, 123456789);
  open_window (fixture, NULL);
  g_assert_cmpint (outlay_ui_test_min_width_at_text_scale_2 (GTK_WIDGET (fixture->window)), <=, 360);
}

int
main (int   argc,
      char *argv[])
{
  /* The test's own accessibility backend, to read what a screen reader
   * would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/history/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/history/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/history/no-longer-applies", Fixture, NULL, fixture_set_up, test_no_longer_applies,
              fixture_tear_down);
  g_test_add ("/history/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/history/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/history/expense", Fixture, NULL, fixture_set_up, test_expense, fixture_tear_down);
  g_test_add ("/history/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);

  return g_test_run ();
}
