/* test-keyboard.c
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

/* Outlay with the keyboard alone, from the window opening to a saved,
 * found, filtered, edited, deleted and restored expense, and on to the
 * other page, the Preferences, the shortcuts window and quitting.
 *
 * GTK 4 has no way to feed a widget a made-up key event
 * (gtk_test_widget_send_key and gdk_display_put_event are gone), and
 * emitting a controller's signals would skip what GTK does with a key
 * before: shortcuts, mnemonics, focus movement, the capture phase. So the
 * keys go where a person's do, through the X server: XTest presses them and
 * GTK reads them from its connection like any other. Without X (Wayland) or
 * without the XTest extension, the test skips. */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "outlay-application.h"
#include "outlay-backups.h"
#include "outlay-budget-editor.h"
#include "outlay-budgets-window.h"
#include "outlay-categories-window.h"
#include "outlay-category-editor.h"
#include "outlay-rule-editor.h"
#include "outlay-rule-row.h"
#include "outlay-rules-page.h"
#include "outlay-color-palette.h"
#include "outlay-recurring-window.h"
#include "outlay-history-row.h"
#include "outlay-history-window.h"
#include "outlay-expense-editor.h"
#include "outlay-expenses-page.h"
#include "outlay-period.h"
#include "outlay-test-utils.h"
#include "outlay-trend-chart.h"
#include "outlay-ui-test-utils.h"
#include "outlay-window.h"

static OutlayApplication *app;
static char              *database_dir;
static Display           *xdisplay;

static void
fake_key (KeySym   keysym,
          gboolean press)
{
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (xdisplay, code, press, CurrentTime);
}

/* One key, with modifiers, pressed and released as a person does; then
 * the time for GTK to read it and act (a button's "clicked" comes some
 * 250 ms after Enter or Space). */
static void
press_key (guint           keyval,
           GdkModifierType modifiers)
{
  KeyCode  code = XKeysymToKeycode (xdisplay, keyval);
  gboolean shift = (modifiers & GDK_SHIFT_MASK) != 0;

  /* A character on the shifted level, such as an upper-case letter. */
  if (XkbKeycodeToKeysym (xdisplay, code, 0, 0) != keyval &&
      XkbKeycodeToKeysym (xdisplay, code, 0, 1) == keyval)
    shift = TRUE;

  if (modifiers & GDK_CONTROL_MASK)
    fake_key (XK_Control_L, TRUE);
  if (modifiers & GDK_ALT_MASK)
    fake_key (XK_Alt_L, TRUE);
  if (shift)
    fake_key (XK_Shift_L, TRUE);

  fake_key (keyval, TRUE);
  fake_key (keyval, FALSE);

  if (shift)
    fake_key (XK_Shift_L, FALSE);
  if (modifiers & GDK_ALT_MASK)
    fake_key (XK_Alt_L, FALSE);
  if (modifiers & GDK_CONTROL_MASK)
    fake_key (XK_Control_L, FALSE);

  XSync (xdisplay, False);
  outlay_ui_test_wait_ms (60);
}

static void
type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    press_key (gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
}

/* Waits for what a key started: an animation, a dialog, a debounce. */
static void
wait_until (GtkWidget *widget,
            gboolean (*done) (gpointer data),
            gpointer    data,
            const char *what)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  outlay_ui_test_settle (widget);
}

static GtkWidget *
focus_of (GtkWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  g_assert_nonnull (focus);
  /* What has the focus shows it: the window draws the focus ring. */
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_true (gtk_window_get_focus_visible (window));

  return focus;
}

/* The title of the entry row that has the focus, or NULL. */
static const char *
focused_row_title (GtkWindow *window)
{
  GtkWidget *row = gtk_widget_get_ancestor (focus_of (window), ADW_TYPE_PREFERENCES_ROW);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static gboolean
focus_in_list (GtkWindow *window)
{
  return gtk_widget_get_ancestor (gtk_window_get_focus (window), GTK_TYPE_GRID_VIEW) != NULL;
}

/* What a window manager does for a new window, or for the one left when
 * a dialog closes: Xvfb has none. */
static void
take_keyboard (GtkWindow *window)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  XSync (xdisplay, False);
  while (!gtk_window_is_active (window))
    {
      if (g_get_monotonic_time () > end)
        g_error ("A %s never took the keyboard", G_OBJECT_TYPE_NAME (window));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Finds a shown window of the type and gives it the keyboard. */
static gboolean
has_dialog (gpointer type)
{
  GtkWindow *window = outlay_ui_test_find_toplevel (GPOINTER_TO_SIZE (type));

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return FALSE;

  take_keyboard (window);
  return TRUE;
}

static gboolean
history_is_read (gpointer history)
{
  return !outlay_history_window_is_loading (history);
}

static gboolean
no_dialog (gpointer type)
{
  return outlay_ui_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static guint
count_shown (OutlayWindow *window)
{
  GtkWidget *page = outlay_window_get_expenses_page (window);

  return g_list_model_get_n_items (G_LIST_MODEL (outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (page))));
}

static gboolean
shows_one (gpointer window)
{
  return count_shown (window) == 1;
}

static gboolean
shows_none (gpointer window)
{
  return count_shown (window) == 0;
}

static OutlayExpense *
only_expense (void)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;

  found = outlay_repository_find_expenses (repository, query, 0, 10, &error);
  g_assert_no_error (error);
  if (found->len == 0)
    return NULL;
  g_assert_cmpuint (found->len, ==, 1);

  return g_object_ref (g_ptr_array_index (found, 0));
}

static const char *
visible_page (OutlayWindow *window)
{
  GtkWidget *page = outlay_window_get_expenses_page (window);
  GtkWidget *stack = gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

typedef struct
{
  GtkWindow *window;
  gboolean   open;
} PopoverWait;

static gboolean
popover_is (gpointer data)
{
  PopoverWait *wait = data;
  GtkWidget   *focus = gtk_window_get_focus (wait->window);
  gboolean     in_popover = focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;

  return in_popover == wait->open;
}

/* Waits until the focus has gone into a popover that a key opened, or
 * come back out of it. */
static void
wait_for_popover (GtkWindow *window,
                  gboolean   open)
{
  PopoverWait wait = { window, open };

  wait_until (GTK_WIDGET (window), popover_is, &wait, open ? "a popover to open" : "the popover to close");
}

static gboolean
switch_on (gpointer data)
{
  return gtk_switch_get_active (GTK_SWITCH (data));
}

static gboolean
switch_off (gpointer data)
{
  return !gtk_switch_get_active (GTK_SWITCH (data));
}

/* Tab until the focus is on a widget of @type (or in one), as a person
 * looks for the next control; fails after a screenful of stops. */
static GtkWidget *
tab_to (GtkWindow *window,
        GType      type)
{
  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus = gtk_window_get_focus (window);
      GtkWidget *found = focus != NULL ? gtk_widget_get_ancestor (focus, type) : NULL;

      if (found != NULL)
        return found;
      press_key (GDK_KEY_Tab, 0);
    }

  g_error ("Tab never reached a %s", g_type_name (type));
}

/* Down through the open menu until its item @text (without its
 * mnemonic) has the focus, as a person looks down a menu; fails after a
 * menu's length. */
static void
down_to_item (GtkWindow  *window,
              const char *text)
{
  for (guint i = 0; i < 10; i++)
    {
      GtkWidget       *focus = gtk_window_get_focus (window);
      g_autofree char *label = NULL;

      if (focus != NULL && g_str_equal (G_OBJECT_TYPE_NAME (focus), "GtkModelButton"))
        g_object_get (focus, "text", &label, NULL);
      if (g_strcmp0 (label, text) == 0)
        return;
      press_key (GDK_KEY_Down, 0);
    }

  g_error ("Down never reached the menu item %s", text);
}

static OutlayRecurringRule *
stored_rule (const char *uuid)
{
  g_autoptr (GError) error = NULL;
  OutlayRecurringRule *rule = outlay_repository_get_recurring_rule (outlay_application_get_repository (app), uuid,
                                                                    &error);

  g_assert_no_error (error);
  return rule;
}

static gboolean
rule_is_paused (gpointer uuid)
{
  g_autoptr (OutlayRecurringRule) rule = stored_rule (uuid);

  return outlay_recurring_rule_get_paused_at (rule) != NULL;
}

static gboolean
rule_is_running (gpointer uuid)
{
  return !rule_is_paused (uuid);
}

/* Keys go through the X server's XTest extension; skips the test when
 * there is none. */
static gboolean
have_xtest (void)
{
  int event_base, error_base, major, minor;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("Keys are sent through X (XTest); this display is not X");
      return FALSE;
    }

  xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  if (!XTestQueryExtension (xdisplay, &event_base, &error_base, &major, &minor))
    {
      g_test_skip ("The X server has no XTest extension to press keys with");
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_healed (gpointer data)
{
  return !outlay_database_is_damaged (outlay_repository_get_database (outlay_application_get_repository (app)));
}

/* The damaged-ledger page with keys alone: Tab reaches the restore, Enter
 * asks, Escape cancels, Enter twice restores. */
static void
test_keyboard_damaged (void)
{
  OutlayDatabase *database = outlay_repository_get_database (outlay_application_get_repository (app));
  g_autoptr (OutlayBackups) backups = outlay_backups_new (database);
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *folder = NULL;
  OutlayWindow    *window;
  GtkWindow       *win;
  GtkWidget       *row;

  if (!have_xtest ())
    return;

  backup = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);

  window = outlay_window_new (app);
  win = GTK_WINDOW (window);
  gtk_window_set_default_size (win, 360, 640);
  gtk_window_present (win);
  take_keyboard (win);
  outlay_database_mark_damaged (database);
  outlay_ui_test_settle (GTK_WIDGET (win));

  row = tab_to (win, ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (focused_row_title (win), ==, "_Restore the Newest Good Backup");
  g_assert_true (gtk_widget_is_ancestor (focus_of (win), row) || focus_of (win) == row);

  press_key (GDK_KEY_Return, 0);
  wait_until (GTK_WIDGET (win), has_dialog, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the question");
  press_key (GDK_KEY_Escape, 0);
  wait_until (GTK_WIDGET (win), no_dialog, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the question to close");
  g_assert_true (outlay_database_is_damaged (database));
  take_keyboard (win);

  /* Restore is the question's default. */
  press_key (GDK_KEY_Return, 0);
  wait_until (GTK_WIDGET (win), has_dialog, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the question");
  press_key (GDK_KEY_Return, 0);
  wait_until (GTK_WIDGET (win), is_healed, NULL, "the restore");
  g_assert_false (outlay_database_is_damaged (database));

  gtk_window_destroy (win);
  outlay_ui_test_drain ();
  folder = outlay_backups_get_folder (backups);
  outlay_test_remove_tree (folder);
}

static void
test_keyboard_only (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GDate) yesterday = outlay_date_new_today ();
  g_autofree char *yesterday_iso = NULL;
  g_autoptr (OutlayExpense) expense = NULL;
  OutlayWindow    *window;
  GtkWindow       *win;
  GtkWidget       *page;
  GtkWidget       *editor;
  GtkWidget       *focus;
  GtkWidget       *dropdown;
  GtkWidget       *chart;
  GtkWindow       *budgets;
  GtkWindow       *budget_editor;
  OutlayBudget    *budget;
  g_autofree char *bar = NULL;

  if (!have_xtest ())
    return;

  g_date_subtract_days (yesterday, 1);
  yesterday_iso = outlay_date_format_iso (yesterday);

  g_settings_set_string (settings, "currency", "EUR");
  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 800);

  window = outlay_window_new (app);
  win = GTK_WINDOW (window);
  page = outlay_window_get_expenses_page (window);
  editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (page));
  gtk_window_present (win);
  outlay_ui_test_settle (GTK_WIDGET (window));
  take_keyboard (win);

  /* Ctrl+N: the editor, with the focus on the amount. */
  press_key (GDK_KEY_n, GDK_CONTROL_MASK);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpstr (focused_row_title (win), ==, "Amount");
  type_text ("50+4.37");

  /* Tab to the description. */
  press_key (GDK_KEY_Tab, 0);
  g_assert_cmpstr (focused_row_title (win), ==, "Description");
  type_text ("Weekly shop");
  /* Completion may offer an earlier description: Escape declines it
   * without leaving the editor. */
  press_key (GDK_KEY_Escape, 0);
  g_assert_true (gtk_widget_get_mapped (editor));

  /* The category: its row opens a list; Down to the second, Enter. */
  press_key (GDK_KEY_Tab, 0);
  g_assert_cmpstr (focused_row_title (win), ==, "Category");
  press_key (GDK_KEY_space, 0);
  wait_for_popover (win, TRUE);
  press_key (GDK_KEY_Down, 0);
  press_key (GDK_KEY_Return, 0);
  wait_for_popover (win, FALSE);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (focused_row_title (win), ==, "Category");

  /* The date: its button opens a calendar with the focus; Alt+Y picks
   * yesterday (GTK 4.8's calendar starts its keyboard cursor on a cell of
   * its own, not on the chosen day, so arrows are no sure way there).
   * Escape closes the popover if choosing has not, and the focus comes
   * back to the button. */
  press_key (GDK_KEY_Tab, 0);
  g_assert_cmpstr (focused_row_title (win), ==, "Date");
  press_key (GDK_KEY_Return, 0);
  wait_for_popover (win, TRUE);
  focus = focus_of (win);
  g_assert_true (GTK_IS_CALENDAR (focus));
  press_key (GDK_KEY_y, GDK_ALT_MASK);
  outlay_ui_test_wait_ms (300);
  if (gtk_widget_get_ancestor (focus_of (win), GTK_TYPE_POPOVER) != NULL)
    press_key (GDK_KEY_Escape, 0);
  outlay_ui_test_wait_ms (300);
  g_assert_null (gtk_widget_get_ancestor (focus_of (win), GTK_TYPE_POPOVER));
  g_assert_cmpstr (focused_row_title (win), ==, "Date");

  /* The note, then Ctrl+Enter saves from anywhere in the editor. */
  tab_to (win, GTK_TYPE_TEXT_VIEW);
  type_text ("for the week");
  press_key (GDK_KEY_Return, GDK_CONTROL_MASK);
  outlay_ui_test_settle (GTK_WIDGET (window));

  expense = only_expense ();
  g_assert_nonnull (expense);
  g_assert_cmpint (outlay_expense_get_amount (expense), ==, 5437);
  g_assert_cmpstr (outlay_expense_get_description (expense), ==, "Weekly shop");
  g_assert_cmpstr (outlay_expense_get_note (expense), ==, "for the week");
  g_assert_cmpstr (outlay_expense_get_occurred_on (expense), ==, yesterday_iso);
  g_assert_cmpint (outlay_expense_get_category_id (expense), ==,
                   outlay_category_get_id (
                     g_list_model_get_item (outlay_repository_get_categories (outlay_application_get_repository (app)),
                                            1)));
  g_clear_object (&expense);

  /* After saving, the focus is on the list, on the saved expense. */
  g_assert_true (focus_in_list (win));

  /* Ctrl+F and a word find it; Escape leaves the search bar and the
   * search, and the focus goes back to the list. */
  press_key (GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (GTK_IS_TEXT (focus_of (win)));
  type_text ("weekly");
  outlay_ui_test_wait_ms (400);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (count_shown (window), ==, 1);
  type_text ("x");
  wait_until (GTK_WIDGET (window), shows_none, window, "no match");
  press_key (GDK_KEY_Escape, 0);
  wait_until (GTK_WIDGET (window), shows_one, window, "the whole list");
  g_assert_false (GTK_IS_TEXT (focus_of (win)));

  /* The category filter: Tab to it from the list, open it with Space,
   * Down twice to the expense's category: the list starts on the chosen
   * entry, "All Categories", before the categories in their order. */
  dropdown = tab_to (win, GTK_TYPE_DROP_DOWN);
  press_key (GDK_KEY_space, 0);
  wait_for_popover (win, TRUE);
  press_key (GDK_KEY_Down, 0);
  press_key (GDK_KEY_Down, 0);
  press_key (GDK_KEY_Return, 0);
  wait_for_popover (win, FALSE);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 2);
  g_assert_cmpuint (count_shown (window), ==, 1);
  /* Back to all categories. */
  press_key (GDK_KEY_space, 0);
  wait_for_popover (win, TRUE);
  press_key (GDK_KEY_Home, 0);
  press_key (GDK_KEY_Return, 0);
  wait_for_popover (win, FALSE);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);

  /* Edit: Tab to the list, Enter on the expense; the editor opens with
   * the focus on the amount, which takes a new one. */
  tab_to (win, GTK_TYPE_GRID_VIEW);
  press_key (GDK_KEY_Return, 0);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (focused_row_title (win), ==, "Amount");
  press_key (GDK_KEY_a, GDK_CONTROL_MASK);
  type_text ("60");
  press_key (GDK_KEY_Return, GDK_CONTROL_MASK);
  outlay_ui_test_settle (GTK_WIDGET (window));
  expense = only_expense ();
  g_assert_cmpint (outlay_expense_get_amount (expense), ==, 6000);
  g_clear_object (&expense);
  g_assert_true (focus_in_list (win));

  /* Money back: Tab on to the Refund switch, Space turns it (once its
   * slide has played), Ctrl+Enter saves; and the same turns it back. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *refund;

      press_key (GDK_KEY_Return, 0);
      outlay_ui_test_settle (GTK_WIDGET (window));
      refund = tab_to (win, GTK_TYPE_SWITCH);
      g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (refund)), ==, i == 1);
      press_key (GDK_KEY_space, 0);
      wait_until (GTK_WIDGET (window), i == 0 ? switch_on : switch_off, refund, "the switch to turn");
      press_key (GDK_KEY_Return, GDK_CONTROL_MASK);
      outlay_ui_test_settle (GTK_WIDGET (window));
      expense = only_expense ();
      g_assert_cmpint (outlay_expense_get_amount (expense), ==, i == 0 ? -6000 : 6000);
      g_clear_object (&expense);
      g_assert_true (focus_in_list (win));
    }

  /* Delete from the list asks first. Escape leaves the dialog and keeps
   * the expense; the second time Tab goes to Delete. */
  press_key (GDK_KEY_Delete, 0);
  wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the confirmation");
  press_key (GDK_KEY_Escape, 0);
  wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the confirmation to close");
  take_keyboard (win);
  g_assert_cmpuint (count_shown (window), ==, 1);

  g_assert_true (focus_in_list (win));
  press_key (GDK_KEY_Delete, 0);
  wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the confirmation");
  press_key (GDK_KEY_Tab, 0);
  press_key (GDK_KEY_Return, 0);
  wait_until (GTK_WIDGET (window), shows_none, window, "the expense to go");
  expense = only_expense ();
  g_assert_null (expense);

  /* Ctrl+Z brings it back. */
  press_key (GDK_KEY_z, GDK_CONTROL_MASK);
  wait_until (GTK_WIDGET (window), shows_one, window, "the expense to come back");
  expense = only_expense ();
  g_assert_cmpint (outlay_expense_get_amount (expense), ==, 6000);
  g_clear_object (&expense);

  /* Ctrl+2 and Ctrl+1 switch pages. */
  press_key (GDK_KEY_2, GDK_CONTROL_MASK);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (visible_page (window), ==, "dashboard");

  /* Tab reaches the trend chart; the arrows walk its bars, and the chart
   * is named by the bar they are on, for a screen reader to say. */
  chart = tab_to (win, OUTLAY_TYPE_TREND_CHART);
  press_key (GDK_KEY_End, 0);
  bar = outlay_trend_chart_dup_bar_text (OUTLAY_TREND_CHART (chart), 11);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, bar);
  g_assert_nonnull (strstr (bar, "60.00"));
  press_key (GDK_KEY_1, GDK_CONTROL_MASK);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (visible_page (window), ==, "expenses");

  /* Ctrl+, opens the Preferences, Escape closes them. */
  press_key (GDK_KEY_comma, GDK_CONTROL_MASK);
  wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW), "the Preferences");
  press_key (GDK_KEY_Escape, 0);
  wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW),
              "the Preferences to close");
  take_keyboard (win);

  /* Ctrl+? opens the shortcuts window, Escape closes it. */
  press_key (GDK_KEY_question, GDK_CONTROL_MASK);
  wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), "the shortcuts window");
  press_key (GDK_KEY_Escape, 0);
  wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW),
              "the shortcuts window to close");
  take_keyboard (win);

  /* F10 opens the main menu; Up from the top wraps to its last item,
   * About; Enter opens it and Escape closes it. */
  press_key (GDK_KEY_F10, 0);
  wait_for_popover (win, TRUE);
  press_key (GDK_KEY_Up, 0);
  press_key (GDK_KEY_Return, 0);
  wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), "the About window");
  press_key (GDK_KEY_Escape, 0);
  wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), "the About window to close");
  take_keyboard (win);

  /* Ctrl+B opens the Budgets; Ctrl+N a new budget's editor, its name
   * first; Tab goes to the amount; Enter adds it and opens its page. */
  press_key (GDK_KEY_b, GDK_CONTROL_MASK);
  wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_BUDGETS_WINDOW), "the Budgets");
  budgets = GTK_WINDOW (outlay_ui_test_find_toplevel (OUTLAY_TYPE_BUDGETS_WINDOW));
  press_key (GDK_KEY_n, GDK_CONTROL_MASK);
  wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_BUDGET_EDITOR), "the budget editor");
  budget_editor = GTK_WINDOW (outlay_ui_test_find_toplevel (OUTLAY_TYPE_BUDGET_EDITOR));
  g_assert_cmpstr (focused_row_title (budget_editor), ==, "_Name");
  type_text ("Holidays");
  press_key (GDK_KEY_Tab, 0);
  g_assert_cmpstr (focused_row_title (budget_editor), ==, "_Amount");
  type_text ("400");
  press_key (GDK_KEY_Return, 0);
  wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_BUDGET_EDITOR), "the editor to close");
  take_keyboard (budgets);
  budget = outlay_repository_find_budget (outlay_application_get_repository (app), "Holidays", NULL);
  g_assert_nonnull (budget);
  g_assert_cmpint (outlay_budget_get_amount (budget), ==, 40000);
  g_clear_object (&budget);
  g_assert_cmpstr (outlay_budgets_window_get_page (OUTLAY_BUDGETS_WINDOW (budgets)), ==, "detail");

  /* Alt+E edits the budget its page shows: Tab, Ctrl+A and a new amount. */
  press_key (GDK_KEY_e, GDK_ALT_MASK);
  wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_BUDGET_EDITOR), "the budget editor");
  budget_editor = GTK_WINDOW (outlay_ui_test_find_toplevel (OUTLAY_TYPE_BUDGET_EDITOR));
  press_key (GDK_KEY_Tab, 0);
  g_assert_cmpstr (focused_row_title (budget_editor), ==, "_Amount");
  press_key (GDK_KEY_a, GDK_CONTROL_MASK);
  type_text ("450");
  press_key (GDK_KEY_Return, 0);
  wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_BUDGET_EDITOR), "the editor to close");
  take_keyboard (budgets);
  budget = outlay_repository_find_budget (outlay_application_get_repository (app), "Holidays", NULL);
  g_assert_cmpint (outlay_budget_get_amount (budget), ==, 45000);
  g_clear_object (&budget);

  /* Escape goes back to the list, and closes the Budgets from there. */
  press_key (GDK_KEY_Escape, 0);
  g_assert_cmpstr (outlay_budgets_window_get_page (OUTLAY_BUDGETS_WINDOW (budgets)), ==, "list");
  press_key (GDK_KEY_Escape, 0);
  wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_BUDGETS_WINDOW),
              "the Budgets to close");
  take_keyboard (win);

  /* The main menu opens the recurring expenses: F10, Down to them, Enter.
   * Tab goes to a rule's menu; Enter opens it, and Enter on Pause pauses
   * the rule; Ctrl+Z takes it back; Escape closes the window. (The rule
   * starts tomorrow: nothing is due.) */
  {
    g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
    g_autoptr (OutlayRecurringRule) rent = NULL;
    g_autoptr (GDate) tomorrow = outlay_date_new_today ();
    g_autoptr (GError) error = NULL;
    OutlayRecurrence recurrence;
    GtkWindow       *recurring;
    GtkWidget       *menu;

    g_date_add_days (tomorrow, 1);
    outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, tomorrow);
    outlay_recurring_rule_set_amount (draft, 95000);
    outlay_recurring_rule_set_currency (draft, "EUR");
    outlay_recurring_rule_set_description (draft, "Rent");
    outlay_recurring_rule_set_category_uuid (draft, outlay_category_get_uuid (outlay_repository_get_fallback_category (
                                                      outlay_application_get_repository (app))));
    outlay_recurring_rule_set_recurrence (draft, &recurrence);
    rent = outlay_repository_add_recurring_rule (outlay_application_get_repository (app), draft, &error);
    g_assert_no_error (error);

    press_key (GDK_KEY_F10, 0);
    wait_for_popover (win, TRUE);
    down_to_item (win, "Recurring Expenses");
    press_key (GDK_KEY_Return, 0);
    wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_RECURRING_WINDOW),
                "the Recurring Expenses");
    recurring = GTK_WINDOW (outlay_ui_test_find_toplevel (OUTLAY_TYPE_RECURRING_WINDOW));

    menu = tab_to (recurring, GTK_TYPE_MENU_BUTTON);
    g_assert_true (gtk_widget_is_ancestor (menu, outlay_recurring_window_get_row (OUTLAY_RECURRING_WINDOW (recurring),
                                                                                  "Rent")));
    press_key (GDK_KEY_Return, 0);
    wait_for_popover (recurring, TRUE);
    down_to_item (recurring, "Pause");
    press_key (GDK_KEY_Return, 0);
    wait_until (GTK_WIDGET (recurring), rule_is_paused, (gpointer) outlay_recurring_rule_get_uuid (rent),
                "the rule to pause");
    /* The focus stays on the rule's menu, now to resume it. */
    wait_for_popover (recurring, FALSE);
    g_assert_true (gtk_widget_is_ancestor (focus_of (recurring), menu) || focus_of (recurring) == menu);

    press_key (GDK_KEY_z, GDK_CONTROL_MASK);
    wait_until (GTK_WIDGET (recurring), rule_is_running, (gpointer) outlay_recurring_rule_get_uuid (rent),
                "the pause to be undone");

    /* Escape dismisses the toast that offered Undo, then closes the
     * window. */
    press_key (GDK_KEY_Escape, 0);
    outlay_ui_test_wait_ms (500);
    if (outlay_ui_test_find_toplevel (OUTLAY_TYPE_RECURRING_WINDOW) != NULL)
      press_key (GDK_KEY_Escape, 0);
    wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_RECURRING_WINDOW),
                "the Recurring Expenses to close");
    take_keyboard (win);

    /* Ctrl+R opens them too. */
    press_key (GDK_KEY_r, GDK_CONTROL_MASK);
    wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_RECURRING_WINDOW),
                "the Recurring Expenses");
    press_key (GDK_KEY_Escape, 0);
    wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_RECURRING_WINDOW),
                "the Recurring Expenses to close");
    take_keyboard (win);

    /* Ctrl+H opens the History: Tab reaches the Undo of the newest change
     * (the resume), Space takes it back, Escape closes. */
    press_key (GDK_KEY_h, GDK_CONTROL_MASK);
    wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_HISTORY_WINDOW), "the History");
    {
      GtkWindow *history = outlay_ui_test_find_toplevel (OUTLAY_TYPE_HISTORY_WINDOW);
      GtkListBox *list;
      GtkWidget  *first;

      wait_until (GTK_WIDGET (history), history_is_read, history, "the History to be read");
      list = outlay_history_window_get_list (OUTLAY_HISTORY_WINDOW (history));
      first = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
      for (guint i = 0; i < 40 && !gtk_widget_is_ancestor (gtk_window_get_focus (history), first); i++)
        press_key (GDK_KEY_Tab, 0);
      g_assert_true (focus_of (history) == outlay_history_row_get_undo_button (OUTLAY_HISTORY_ROW (first)));
      press_key (GDK_KEY_space, 0);
      wait_until (GTK_WIDGET (history), rule_is_paused, (gpointer) outlay_recurring_rule_get_uuid (rent),
                  "the resume to be undone");
      press_key (GDK_KEY_Escape, 0);
      outlay_ui_test_wait_ms (500);
      if (outlay_ui_test_find_toplevel (OUTLAY_TYPE_HISTORY_WINDOW) != NULL)
        press_key (GDK_KEY_Escape, 0);
      wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_HISTORY_WINDOW),
                  "the History to close");
      take_keyboard (win);
    }

    /* The tests after this one start without it. */
    g_object_unref (outlay_repository_delete_recurring_rule (outlay_application_get_repository (app),
                                                             outlay_recurring_rule_get_uuid (rent), TRUE, &error));
    g_assert_no_error (error);
  }

  /* Ctrl+Q quits: every window closes. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  press_key (GDK_KEY_q, GDK_CONTROL_MASK);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_null (window);
}

/* Tab until the focus is in the row titled @title. */
static void
tab_to_row (GtkWindow  *window,
            const char *title)
{
  for (guint i = 0; i < 40; i++)
    {
      if (g_strcmp0 (focused_row_title (window), title) == 0)
        return;
      press_key (GDK_KEY_Tab, 0);
    }
  g_error ("Tab never reached the row %s", title);
}

/* A monthly recurring expense with keys alone: Ctrl+N, the amount and the
 * description, Tab to Repeat, its list, Down to "Monthly on day N", Enter;
 * the next days show; Ctrl+Enter saves the expense and its rule. */
static void
test_keyboard_recurring (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char        *monthly = g_strdup_printf ("Monthly on day %u", g_date_get_day (today));
  OutlayRepository       *repository = outlay_application_get_repository (app);
  const OutlayRecurrence *recurrence;
  OutlayWindow           *window;
  GtkWindow              *win;
  GtkWidget              *editor;
  GtkWidget              *repeat;

  if (!have_xtest ())
    return;

  g_settings_set_string (settings, "currency", "EUR");
  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 800);
  window = outlay_window_new (app);
  win = GTK_WINDOW (window);
  editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (outlay_window_get_expenses_page (window)));
  gtk_window_present (win);
  outlay_ui_test_settle (GTK_WIDGET (window));
  take_keyboard (win);

  press_key (GDK_KEY_n, GDK_CONTROL_MASK);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (focused_row_title (win), ==, "Amount");
  type_text ("950");
  press_key (GDK_KEY_Tab, 0);
  type_text ("Rent");
  press_key (GDK_KEY_Escape, 0);

  tab_to_row (win, "_Repeat");
  repeat = gtk_widget_get_ancestor (focus_of (win), ADW_TYPE_COMBO_ROW);
  press_key (GDK_KEY_space, 0);
  wait_for_popover (win, TRUE);
  press_key (GDK_KEY_Down, 0);
  press_key (GDK_KEY_Down, 0);
  press_key (GDK_KEY_Down, 0);
  press_key (GDK_KEY_Return, 0);
  wait_for_popover (win, FALSE);
  outlay_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (repeat))),
                                               adw_combo_row_get_selected (ADW_COMBO_ROW (repeat))),
                   ==, monthly);
  /* Its next days show, and the focus is still on the row. */
  g_assert_true (gtk_widget_get_mapped (outlay_ui_test_find (editor, outlay_ui_test_is_row, "Next")));
  g_assert_cmpstr (focused_row_title (win), ==, "_Repeat");

  press_key (GDK_KEY_Return, GDK_CONTROL_MASK);
  outlay_ui_test_settle (GTK_WIDGET (window));

  rules = outlay_repository_list_recurring_rules (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 1);
  recurrence = outlay_recurring_rule_get_recurrence (g_ptr_array_index (rules, 0));
  g_assert_cmpint (recurrence->unit, ==, OUTLAY_REPEAT_MONTHLY);
  g_assert_cmpint (recurrence->monthly_on, ==, OUTLAY_MONTHLY_ON_DAY);
  g_assert_cmpuint (recurrence->month_day, ==, g_date_get_day (today));
  g_assert_cmpint (outlay_recurring_rule_get_amount (g_ptr_array_index (rules, 0)), ==, 95000);
  /* The one typed today is written, as an occurrence of the rule. */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (GPtrArray) found = NULL;

    outlay_query_set_text (query, "Rent");
    found = outlay_repository_find_expenses (repository, query, 0, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (outlay_expense_get_rule_uuid (g_ptr_array_index (found, 0)), ==,
                     outlay_recurring_rule_get_uuid (g_ptr_array_index (rules, 0)));
  }

  /* One to confirm, due since yesterday: Ctrl+2, Tab to its Confirm,
   * Space writes it. */
  {
    g_autoptr (GDate) yesterday = outlay_date_new_today ();
    g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
    g_autoptr (OutlayRecurringRule) swim = NULL;
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (GPtrArray) found = NULL;
    OutlayRecurrence weekly;
    GtkWidget       *focus;

    g_date_subtract_days (yesterday, 1);
    outlay_recurrence_init (&weekly, OUTLAY_REPEAT_WEEKLY, 1, yesterday);
    outlay_recurring_rule_set_amount (draft, 1200);
    outlay_recurring_rule_set_currency (draft, "EUR");
    outlay_recurring_rule_set_description (draft, "Swimming");
    outlay_recurring_rule_set_recurrence (draft, &weekly);
    outlay_recurring_rule_set_mode (draft, OUTLAY_RECURRING_CONFIRM);
    {
      g_autoptr (OutlayCategory) first = g_list_model_get_item (outlay_repository_get_categories (repository), 0);

      outlay_recurring_rule_set_category_uuid (draft, outlay_category_get_uuid (first));
    }
    swim = outlay_repository_add_recurring_rule (repository, draft, &error);
    g_assert_no_error (error);

    press_key (GDK_KEY_2, GDK_CONTROL_MASK);
    outlay_ui_test_settle (GTK_WIDGET (window));
    g_assert_cmpstr (visible_page (window), ==, "dashboard");
    for (guint i = 0; i < 60; i++)
      {
        focus = gtk_window_get_focus (win);
        if (GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), "Confirm") == 0)
          break;
        press_key (GDK_KEY_Tab, 0);
      }
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_focus (win))), ==, "Confirm");
    press_key (GDK_KEY_space, 0);
    outlay_ui_test_wait_ms (400);
    outlay_ui_test_settle (GTK_WIDGET (window));

    outlay_query_set_text (query, "Swimming");
    found = outlay_repository_find_expenses (repository, query, 0, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (outlay_expense_get_rule_uuid (g_ptr_array_index (found, 0)), ==,
                     outlay_recurring_rule_get_uuid (swim));
  }

  gtk_window_destroy (win);
}

/* The category at @position, 0 for none. */
static gint64
category_at (guint position)
{
  g_autoptr (OutlayCategory) category =
    g_list_model_get_item (outlay_repository_get_categories (outlay_application_get_repository (app)), position);

  return category != NULL ? outlay_category_get_id (category) : 0;
}

static gboolean
groceries_moved (gpointer id)
{
  return category_at (2) == *(gint64 *) id;
}

static gboolean
groceries_back (gpointer id)
{
  return category_at (1) == *(gint64 *) id;
}

/* Categories with keys alone: Ctrl+Shift+C opens them, Ctrl+N a new one,
 * its name typed, a colour chosen with the arrows and Space, and Enter in
 * the name saves it; Alt+Down and Alt+Up move the focused
 * row among the ones beside it, the focus staying on it; Escape closes. */
static void
test_keyboard_categories (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  OutlayRepository *repository = outlay_application_get_repository (app);
  OutlayWindow     *window;
  GtkWindow        *win;
  GtkWindow        *categories;
  GtkWidget        *row;
  OutlayCategory   *pets;
  gint64            groceries;

  if (!have_xtest ())
    return;

  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 800);
  window = outlay_window_new (app);
  win = GTK_WINDOW (window);
  gtk_window_present (win);
  outlay_ui_test_settle (GTK_WIDGET (window));
  take_keyboard (win);

  press_key (GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_CATEGORIES_WINDOW),
              "the Categories window");
  categories = outlay_ui_test_find_toplevel (OUTLAY_TYPE_CATEGORIES_WINDOW);
  outlay_ui_test_settle (GTK_WIDGET (categories));

  press_key (GDK_KEY_n, GDK_CONTROL_MASK);
  wait_until (GTK_WIDGET (categories), has_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_CATEGORY_EDITOR),
              "the category editor");
  g_assert_cmpstr (focused_row_title (outlay_ui_test_find_toplevel (OUTLAY_TYPE_CATEGORY_EDITOR)), ==, "_Name");
  type_text ("Pets");
  {
    GtkWindow *editor = outlay_ui_test_find_toplevel (OUTLAY_TYPE_CATEGORY_EDITOR);
    GtkWidget *palette = outlay_category_editor_get_palette (OUTLAY_CATEGORY_EDITOR (editor));

    /* Tab to the colours, Right to the next one, Space chooses it;
     * Shift+Tab back to the name, where Enter saves. */
    for (guint i = 0; i < 20 && !GTK_IS_TOGGLE_BUTTON (gtk_window_get_focus (editor)); i++)
      press_key (GDK_KEY_Tab, 0);
    g_assert_true (gtk_window_get_focus (editor) ==
                   outlay_color_palette_get_swatch (OUTLAY_COLOR_PALETTE (palette), "#3584e4"));
    press_key (GDK_KEY_Right, 0);
    g_assert_true (gtk_window_get_focus (editor) ==
                   outlay_color_palette_get_swatch (OUTLAY_COLOR_PALETTE (palette), "#1a5fb4"));
    press_key (GDK_KEY_space, 0);
    outlay_ui_test_wait_ms (300);
    g_assert_cmpstr (outlay_color_palette_get_color (OUTLAY_COLOR_PALETTE (palette)), ==, "#1a5fb4");
    for (guint i = 0; i < 10 && g_strcmp0 (focused_row_title (editor), "_Name") != 0; i++)
      press_key (GDK_KEY_Tab, GDK_SHIFT_MASK);
    g_assert_cmpstr (focused_row_title (editor), ==, "_Name");
  }
  press_key (GDK_KEY_Return, 0);
  wait_until (GTK_WIDGET (categories), no_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_CATEGORY_EDITOR),
              "the category editor to close");
  pets = outlay_repository_find_category (repository, "Pets");
  g_assert_nonnull (pets);
  g_assert_cmpstr (outlay_category_get_color (pets), ==, "#1a5fb4");
  take_keyboard (categories);

  groceries = category_at (1);
  row = outlay_categories_window_get_row (OUTLAY_CATEGORIES_WINDOW (categories), "Groceries");
  gtk_widget_grab_focus (row);
  press_key (GDK_KEY_Down, GDK_ALT_MASK);
  wait_until (GTK_WIDGET (categories), groceries_moved, &groceries, "Groceries to move down");
  g_assert_true (gtk_window_get_focus (categories) == row);
  press_key (GDK_KEY_Up, GDK_ALT_MASK);
  wait_until (GTK_WIDGET (categories), groceries_back, &groceries, "Groceries to move up");
  g_assert_true (gtk_window_get_focus (categories) == row);

  press_key (GDK_KEY_Escape, 0);
  wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_CATEGORIES_WINDOW),
              "the Categories window to close");
  gtk_window_destroy (win);
}

static guint
n_rules (void)
{
  g_autoptr (GPtrArray) rules =
    outlay_repository_list_category_rules (outlay_application_get_repository (app), NULL);

  return rules != NULL ? rules->len : 0;
}

static gboolean
has_rules (gpointer n)
{
  return n_rules () == GPOINTER_TO_UINT (n);
}

/* The pattern of the first rule is @pattern. */
static gboolean
first_rule_is (gpointer pattern)
{
  g_autoptr (GPtrArray) rules =
    outlay_repository_list_category_rules (outlay_application_get_repository (app), NULL);

  return rules != NULL && rules->len > 0 &&
         g_strcmp0 (outlay_category_rule_get_patterns (g_ptr_array_index (rules, 0))[0], pattern) == 0;
}

/* Rules with keys alone: on the Rules page (the main menu's Rules),
 * Ctrl+N opens the rule editor with the focus in its words, and Enter
 * saves; Alt+Down moves the focused rule, the focus staying on it. */
static void
test_keyboard_rules (void)
{
  OutlayWindow *window;
  GtkWindow    *win;
  GtkWindow    *categories;
  GtkWidget    *page;
  GtkWidget    *row;

  if (!have_xtest ())
    return;

  window = outlay_window_new (app);
  win = GTK_WINDOW (window);
  gtk_window_present (win);
  outlay_ui_test_settle (GTK_WIDGET (window));
  take_keyboard (win);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rules", NULL));
  wait_until (GTK_WIDGET (window), has_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_CATEGORIES_WINDOW),
              "the Categories window");
  categories = outlay_ui_test_find_toplevel (OUTLAY_TYPE_CATEGORIES_WINDOW);
  outlay_ui_test_settle (GTK_WIDGET (categories));
  take_keyboard (categories);
  page = outlay_categories_window_get_rules_page (OUTLAY_CATEGORIES_WINDOW (categories));

  for (guint i = 0; i < 2; i++)
    {
      press_key (GDK_KEY_n, GDK_CONTROL_MASK);
      wait_until (GTK_WIDGET (categories), has_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_RULE_EDITOR),
                  "the rule editor");
      take_keyboard (outlay_ui_test_find_toplevel (OUTLAY_TYPE_RULE_EDITOR));
      type_text (i == 0 ? "rewe" : "lidl");
      press_key (GDK_KEY_Return, 0);
      wait_until (GTK_WIDGET (categories), has_rules, GUINT_TO_POINTER (i + 1), "the rule to be added");
      wait_until (GTK_WIDGET (categories), no_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_RULE_EDITOR),
                  "the rule editor to close");
    }
  g_assert_true (first_rule_is ((gpointer) "rewe"));

  take_keyboard (categories);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (outlay_rules_page_get_list (OUTLAY_RULES_PAGE (page)), 0));
  gtk_widget_grab_focus (row);
  press_key (GDK_KEY_Down, GDK_ALT_MASK);
  wait_until (GTK_WIDGET (categories), first_rule_is, (gpointer) "lidl", "the rule to move down");
  g_assert_true (gtk_widget_has_focus (
    GTK_WIDGET (gtk_list_box_get_row_at_index (outlay_rules_page_get_list (OUTLAY_RULES_PAGE (page)), 1))));

  /* Deleted from its menu, back with Ctrl+Z. */
  gtk_widget_activate_action (page, "rules.delete", "s",
                              outlay_category_rule_get_uuid (outlay_rule_row_get_rule (OUTLAY_RULE_ROW (row))));
  wait_until (GTK_WIDGET (categories), has_rules, GUINT_TO_POINTER (1), "the rule to be deleted");
  gtk_widget_grab_focus (
    GTK_WIDGET (gtk_list_box_get_row_at_index (outlay_rules_page_get_list (OUTLAY_RULES_PAGE (page)), 0)));
  press_key (GDK_KEY_z, GDK_CONTROL_MASK);
  wait_until (GTK_WIDGET (categories), has_rules, GUINT_TO_POINTER (2), "the rule to come back");

  press_key (GDK_KEY_Escape, 0);
  wait_until (GTK_WIDGET (window), no_dialog, GSIZE_TO_POINTER (OUTLAY_TYPE_CATEGORIES_WINDOW),
              "the Categories window to close");
  gtk_window_destroy (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database_path = NULL;
  int              ret;

  /* The test's own accessibility backend, to read what a screen reader
   * would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = outlay_ui_test_register_application ("outlay-keyboard-XXXXXX", &database_dir, &database_path);

  g_test_add_func ("/keyboard/damaged", test_keyboard_damaged);
  g_test_add_func ("/keyboard/only", test_keyboard_only);
  g_test_add_func ("/keyboard/recurring", test_keyboard_recurring);
  g_test_add_func ("/keyboard/categories", test_keyboard_categories);
  g_test_add_func ("/keyboard/rules", test_keyboard_rules);

  ret = g_test_run ();

  g_object_unref (app);
  g_unlink (database_path);
  {
    g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (database_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (database_dir);
  g_free (database_dir);

  return ret;
}
