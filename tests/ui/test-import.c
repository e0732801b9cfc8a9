/* test-import.c
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

/* The import window as a person uses it: a bank's CSV file, the columns it
 * guessed, the line it cannot read, a change of mind about which amounts
 * are expenses, Import, the list, Undo. And export from the main window. */

#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "outlay-application.h"
#include "outlay-backups.h"
#include "outlay-expense-row.h"
#include "outlay-expenses-page.h"
#include "outlay-export-job.h"
#include "outlay-import-window.h"
#include "outlay-preferences-window.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"
#include "outlay-test-widgets.h"
#include "outlay-window.h"

static OutlayApplication *app;

/* Whether an import window still plans or imports in its worker thread,
 * or a window takes back an import in its own. */
static gboolean
import_busy (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (OUTLAY_IS_IMPORT_WINDOW (window) && outlay_import_window_is_busy (OUTLAY_IMPORT_WINDOW (window)))
        return TRUE;
      if (OUTLAY_IS_WINDOW (window) && outlay_window_is_busy (OUTLAY_WINDOW (window)))
        return TRUE;
    }

  return FALSE;
}

/* Idles, layout and a frame of every window that shows, once the import
 * window is ready. */
static void
settle (GtkWidget *widget)
{
  while (import_busy ())
    g_main_context_iteration (NULL, TRUE);
  outlay_ui_test_settle (widget);
}

static gboolean
label_shows (GtkWidget  *widget,
             const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
combo_titled (GtkWidget  *widget,
              const char *title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
row_titled (GtkWidget  *widget,
            const char *title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_switch (GtkWidget  *widget,
           const char *unused)
{
  return GTK_IS_SWITCH (widget) && gtk_widget_get_mapped (widget);
}

static AdwComboRow *
combo (GtkWidget  *window,
       const char *title)
{
  GtkWidget *row = outlay_ui_test_find (window, combo_titled, title);

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

/* What a combo row shows as chosen. */
static const char *
chosen (GtkWidget  *window,
        const char *title)
{
  AdwComboRow *row = combo (window, title);
  gpointer     item = adw_combo_row_get_selected_item (row);

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static void
choose (GtkWidget  *window,
        const char *title,
        const char *item)
{
  AdwComboRow *row = combo (window, title);
  GListModel  *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (string), item) == 0)
        {
          adw_combo_row_set_selected (row, i);
          settle (window);
          return;
        }
    }

  g_error ("“%s” offers no “%s”", title, item);
}

/* The summary: what will be imported, then what will not. */
static void
assert_summary (GtkWidget  *window,
                const char *headline,
                const char *details)
{
  g_assert_nonnull (outlay_ui_test_find (window, label_shows, headline));
  g_assert_nonnull (outlay_ui_test_find (window, label_shows, details));
}

/* GTK says "clicked" once the press has played; the button may go with
 * its window right after. */
static void
press (GtkWidget  *root,
       const char *label)
{
  outlay_ui_test_click (outlay_ui_test_find (root, outlay_ui_test_is_button, label));
}

static void
collect_expenses (GtkWidget *widget,
                  GString   *out)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (OUTLAY_IS_EXPENSE_ROW (child) && gtk_widget_get_mapped (child) &&
          outlay_expense_row_get_expense (OUTLAY_EXPENSE_ROW (child)) != NULL)
        {
          g_autofree char *label = outlay_expense_row_dup_label (OUTLAY_EXPENSE_ROW (child));

          g_string_append_printf (out, "%s\n", label);
        }
      else
        collect_expenses (child, out);
    }
}

/* The main list as it reads, a row a line. */
static char *
expense_list (OutlayWindow *window)
{
  GString *out = g_string_new (NULL);

  collect_expenses (outlay_window_get_expenses_page (window), out);
  return g_string_free (out, FALSE);
}

static OutlayWindow *
open_main_window (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  OutlayWindow *window;

  g_settings_set_string (settings, "currency", "EUR");
  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 800);
  window = g_object_ref (outlay_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));

  return window;
}

static void
close_main_window (OutlayWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* As after choosing @fixture in the file chooser: the import window, or
 * the dialog that says why there is none. */
static GtkWindow *
import_file (OutlayWindow *parent,
             const char   *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", fixture, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWindow *shown = NULL;

  outlay_window_import (parent, file);
  while (shown == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if ((shown = outlay_ui_test_find_toplevel (OUTLAY_TYPE_IMPORT_WINDOW)) == NULL)
        shown = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    }
  g_assert_true (gtk_window_get_transient_for (shown) == GTK_WINDOW (parent));
  g_assert_true (gtk_window_get_modal (shown));
  settle (GTK_WIDGET (shown));

  return shown;
}

static gboolean
has_category (const char *name)
{
  GListModel *categories = outlay_repository_get_categories (outlay_application_get_repository (app));

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      if (g_strcmp0 (outlay_category_get_name (category), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static guint
count_expenses (void)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (outlay_repository_count_expenses (outlay_application_get_repository (app), query, &n, &error));
  return n;
}

/* A ledger file into a new ledger brings its own categories: the window
 * offers none of the ledger's defaults for them. Runs first, on the new
 * ledger. */
static void
test_replace_categories (void)
{
  static const char text[] =
    "{\"format\": \"outlay-ledger\", \"version\": 1, \"categories\": ["
    "{\"name\": \"Pottery\", \"icon\": \"applications-graphics-symbolic\", \"color\": \"#865e3c\"},"
    "{\"name\": \"Misc\", \"icon\": \"view-more-horizontal-symbolic\", \"color\": \"#77767b\", \"fallback\": true}],"
    "\"expenses\": [{\"uuid\": \"0190a0b0-0000-7000-8000-0000000000a1\", \"date\": \"2026-11-01\", "
    "\"amount\": \"35.00\", \"currency\": \"EUR\", \"description\": \"Clay\", \"category\": \"Pottery\"}]}";
  OutlayWindow *main_window = open_main_window ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "ledger.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWindow *window;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_expenses (), ==, 0);

  outlay_window_import (main_window, file);
  while ((window = outlay_ui_test_find_toplevel (OUTLAY_TYPE_IMPORT_WINDOW)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));
  assert_summary (GTK_WIDGET (window), "1 expense will be imported", "The file’s categories replace the default ones");
  g_assert_null (outlay_ui_test_find (GTK_WIDGET (window), combo_titled, "Pottery"));
  g_assert_null (outlay_ui_test_find (GTK_WIDGET (window), label_shows, "Categories"));
  press (GTK_WIDGET (window), "_Cancel");
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 0);

  close_main_window (main_window);
  outlay_test_remove_tree (dir);
}

static void
test_bank_statement (void)
{
  OutlayWindow    *main_window = open_main_window ();
  GtkWidget       *window = GTK_WIDGET (g_object_ref (import_file (main_window, "import/bank.csv")));
  g_autofree char *list = NULL;
  GtkSwitch       *header;

  g_assert_true (OUTLAY_IS_IMPORT_WINDOW (window));

  /* The columns as the file names them, guessed from their contents. */
  g_assert_cmpstr (chosen (window, "Date"), ==, "Datum");
  g_assert_cmpstr (chosen (window, "Amount"), ==, "Betrag");
  g_assert_cmpstr (chosen (window, "Description"), ==, "Beschreibung");
  g_assert_cmpstr (chosen (window, "Category"), ==, "Kategorie");
  g_assert_cmpstr (chosen (window, "Note"), ==, "None");
  g_assert_cmpstr (chosen (window, "Date Format"), ==, "DD.MM.YYYY");
  g_assert_cmpstr (chosen (window, "Decimal Separator"), ==, "Comma (1.234,50)");
  g_assert_cmpstr (chosen (window, "Amounts That Are Expenses"), ==, "Negative amounts (bank statements)");

  /* Debits are expenses; the salary and the bottle deposit are money
   * received, left out until taken as refunds; 31 February is no date,
   * and the window says so with its line. */
  assert_summary (window, "3 expenses will be imported",
                  "2 lines of money received left out · 1 line cannot be read · 2 new categories");
  g_assert_nonnull (
    outlay_ui_test_find (window, label_shows, "Line 5 — “31.02.2026” is not a date (expected DD.MM.YYYY)."));
  g_assert_nonnull (outlay_ui_test_find (window, outlay_ui_test_is_button, "_Import"));
  g_assert_nonnull (outlay_ui_test_find (window, row_titled, "REWE Markt"));
  g_assert_null (outlay_ui_test_find (window, row_titled, "Gehalt November"));
  g_assert_cmpuint (outlay_import_window_get_n_to_import (OUTLAY_IMPORT_WINDOW (window)), ==, 3);

  /* The deposit given back is a refund; the salary is not. */
  g_assert_cmpstr (chosen (window, "Import as _Refunds"), ==, "None");
  choose (window, "Import as _Refunds", "All");
  assert_summary (window, "5 expenses will be imported",
                  "2 of them refunds · 1 line cannot be read · 3 new categories");
  choose (window, "Import as _Refunds", "Those I Tick");
  assert_summary (window, "3 expenses will be imported",
                  "2 lines of money received left out · 1 line cannot be read · 2 new categories");
  g_assert_nonnull (outlay_ui_test_find (window, row_titled, "Gehalt November"));
  g_signal_emit_by_name (outlay_ui_test_find (window, row_titled, "Erstattung Pfand"), "activate");
  settle (window);
  assert_summary (window, "4 expenses will be imported",
                  "1 of them a refund · 1 line of money received left out · 1 line cannot be read · "
                  "2 new categories");
  g_assert_cmpuint (outlay_import_window_get_n_to_import (OUTLAY_IMPORT_WINDOW (window)), ==, 4);

  /* Every amount is an expense after all: two more. */
  choose (window, "Amounts That Are Expenses", "All amounts");
  assert_summary (window, "5 expenses will be imported", "1 line cannot be read · 3 new categories");
  g_assert_nonnull (outlay_ui_test_find (window, outlay_ui_test_is_button, "_Import"));
  g_assert_nonnull (outlay_ui_test_find (window, row_titled, "Gehalt November"));

  /* Without the amount column there is nothing to import, and the window
   * says what is missing. */
  choose (window, "Amount", "None");
  g_assert_nonnull (outlay_ui_test_find (window, label_shows, "Choose the column with the amounts."));
  g_assert_false (gtk_widget_is_sensitive (outlay_ui_test_find (window, outlay_ui_test_is_button, "_Import")));
  choose (window, "Amount", "Betrag");

  /* Without a header line the columns have no names, and the first line
   * is one that cannot be read. */
  header = GTK_SWITCH (outlay_ui_test_find (window, is_switch, NULL));
  g_assert_true (gtk_switch_get_active (header));
  gtk_switch_set_active (header, FALSE);
  settle (window);
  g_assert_cmpstr (chosen (window, "Amount"), ==, "Column 4");
  g_assert_nonnull (outlay_ui_test_find (window, label_shows, "Line 1 — “Datum” is not a date (expected DD.MM.YYYY)."));
  gtk_switch_set_active (header, TRUE);
  settle (window);
  g_assert_cmpstr (chosen (window, "Amount"), ==, "Betrag");
  choose (window, "Amounts That Are Expenses", "Negative amounts (bank statements)");
  g_assert_nonnull (outlay_ui_test_find (window, outlay_ui_test_is_button, "_Import"));

  /* The line ticked stays ticked through the plans made meanwhile. */
  g_assert_cmpstr (chosen (window, "Import as _Refunds"), ==, "Those I Tick");
  g_assert_cmpuint (outlay_import_window_get_n_to_import (OUTLAY_IMPORT_WINDOW (window)), ==, 4);

  /* Groceries go to the ledger's own category rather than a new one. */
  g_assert_cmpstr (chosen (window, "Lebensmittel"), ==, "Create “Lebensmittel”");
  choose (window, "Lebensmittel", "Food & Drink");
  assert_summary (window, "4 expenses will be imported",
                  "1 of them a refund · 1 line of money received left out · 1 line cannot be read · "
                  "1 new category");

  press (window, "_Import");
  settle (GTK_WIDGET (main_window));
  g_assert_false (gtk_widget_get_visible (window));
  g_assert_finalize_object (window);

  g_assert_cmpuint (count_expenses (), ==, 4);
  g_assert_true (has_category ("Wohnen"));
  g_assert_false (has_category ("Lebensmittel"));
  list = expense_list (main_window);
  g_assert_nonnull (strstr (list, "Food & Drink, REWE Markt, 12.50 euros"));
  g_assert_nonnull (strstr (list, "Food & Drink, Bäckerei Müller, 4.80 euros"));
  g_assert_nonnull (strstr (list, "Wohnen, Stadtwerke Köln, 87 euros"));
  g_assert_nonnull (strstr (list, "Food & Drink, Erstattung Pfand, refund of 3.20 euros"));
  g_clear_pointer (&list, g_free);
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (main_window), label_shows, "Imported 4 expenses"));

  /* Undo on the toast takes it all back, the new category too. */
  press (GTK_WIDGET (main_window), "_Undo");
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 0);
  list = expense_list (main_window);
  g_assert_cmpstr (list, ==, "");
  g_clear_pointer (&list, g_free);
  g_assert_false (has_category ("Wohnen"));

  close_main_window (main_window);
}

static void
test_again_finds_duplicates (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  OutlayWindow *main_window = open_main_window ();
  g_autoptr (OutlayBackups) backups_folder =
    outlay_backups_new (outlay_repository_get_database (outlay_application_get_repository (app)));
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *import;

  /* Every import backs the ledger up first, and keeps only as many
   * backups as the person asked for. */
  g_settings_set_uint (settings, "backup-count", 1);
  import = import_file (main_window, "import/bank.csv");
  press (GTK_WIDGET (import), "_Import");
  settle (GTK_WIDGET (main_window));
  backups = outlay_backups_list (backups_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_settings_reset (settings, "backup-count");

  /* The same file again: nothing new, and Import has nothing to do. */
  import = import_file (main_window, "import/bank.csv");
  assert_summary (GTK_WIDGET (import), "Nothing to import",
                  "3 duplicates skipped · 2 lines of money received left out · 1 line cannot be read");
  g_assert_false (
    gtk_widget_is_sensitive (outlay_ui_test_find (GTK_WIDGET (import), outlay_ui_test_is_button, "_Import")));
  press (GTK_WIDGET (import), "_Cancel");
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 3);

  /* Ctrl+Z takes the import back as well, in the background: the window
   * goes on meanwhile and says what it does. */
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.undo", NULL);
  g_assert_true (outlay_window_is_busy (main_window));
  /* Said at once: the worker may be done by the next iteration. */
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (main_window), label_shows, "Undoing the import…"));
  settle (GTK_WIDGET (main_window));
  g_assert_false (outlay_window_is_busy (main_window));
  g_assert_cmpuint (count_expenses (), ==, 0);
  g_assert_nonnull (outlay_ui_test_find (GTK_WIDGET (main_window), label_shows, "Import undone"));

  close_main_window (main_window);
}

static void
test_not_readable (void)
{
  OutlayWindow *main_window = open_main_window ();
  GtkWindow    *dialog = import_file (main_window, "import/statement.pdf");

  /* No import window: a dialog with the reason. */
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Cannot Import This File");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "This is a PDF document, not a CSV file. Most banks offer a CSV export next to the PDF statement.");
  g_assert_null (outlay_ui_test_find_toplevel (OUTLAY_TYPE_IMPORT_WINDOW));
  press (GTK_WIDGET (dialog), "_Close");
  settle (GTK_WIDGET (main_window));

  dialog = import_file (main_window, "import/missing.csv");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "No such file"));
  press (GTK_WIDGET (dialog), "_Close");

  close_main_window (main_window);
}

static gboolean
row_named (GtkWidget  *widget,
           const char *name)
{
  return GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
label_starts (GtkWidget  *widget,
              const char *prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static void
test_failed_import (void)
{
  OutlayWindow   *main_window = open_main_window ();
  OutlayDatabase *database = outlay_repository_get_database (outlay_application_get_repository (app));
  g_autoptr (OutlayBackups) backups = outlay_backups_new (database);
  g_autofree char *folder = outlay_backups_get_folder (backups);
  g_autofree char *moved = g_strconcat (folder, ".moved", NULL);
  GtkWidget       *window = GTK_WIDGET (g_object_ref (import_file (main_window, "import/bank.csv")));

  /* The backup the import makes first cannot be written: a file stands
   * where the backups folder goes. (A ledger that another program holds
   * is waited for instead: see test-busy.) */
  g_assert_cmpint (g_rename (folder, moved), ==, 0);
  g_assert_true (g_file_set_contents (folder, "", 0, NULL));

  /* The window stays, says why, and nothing changed. */
  press (window, "_Import");
  settle (window);
  g_assert_true (gtk_widget_get_visible (window));
  g_assert_nonnull (outlay_ui_test_find (window, label_starts, "Nothing was imported: "));
  g_assert_cmpuint (count_expenses (), ==, 0);

  /* Once the folder can be written, Import works. */
  g_assert_cmpint (g_unlink (folder), ==, 0);
  g_assert_cmpint (g_rename (moved, folder), ==, 0);
  press (window, "_Import");
  settle (GTK_WIDGET (main_window));
  g_assert_finalize_object (window);
  g_assert_cmpuint (count_expenses (), ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.undo", NULL);
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 0);
  close_main_window (main_window);
}

static gboolean
back_button (GtkWidget  *widget,
             const char *unused)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "go-previous-symbolic") == 0;
}

/* Until the leaflet has slid to @name. */
static void
wait_for_page (GtkWidget  *window,
               const char *name)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (window, OUTLAY_TYPE_IMPORT_WINDOW, "leaflet"));

  while (g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), name) != 0 ||
         adw_leaflet_get_child_transition_running (leaflet))
    g_main_context_iteration (NULL, TRUE);
  settle (window);
}

static void
test_homebank (void)
{
  OutlayWindow *main_window = open_main_window ();
  GtkWidget    *window = GTK_WIDGET (import_file (main_window, "homebank/homebank5.xhb"));

  /* Nothing to map: the file says what is what. */
  g_assert_true (OUTLAY_IS_IMPORT_WINDOW (window));
  g_assert_null (outlay_ui_test_find (window, label_shows, "Columns"));
  assert_summary (window, "8 expenses will be imported",
                  "3 lines of money received left out · 4 lines not expenses · 4 new categories");
  g_assert_nonnull (outlay_ui_test_find (window, row_titled, "Café & Bäckerei"));
  g_assert_nonnull (outlay_ui_test_find (window, label_shows, "$12.30"));
  g_assert_nonnull (outlay_ui_test_find (window, combo_titled, "Food › Groceries"));
  /* Fewer problems than the overview has room for: no page of them. */
  g_assert_nonnull (
    outlay_ui_test_find (window, label_shows, "Line 24 — A transfer between accounts, not an expense."));
  g_assert_nonnull (outlay_ui_test_find (window, label_shows, "Line 32 — A voided transaction, not an expense."));
  g_assert_null (outlay_ui_test_find (window, row_named, "all-problems"));

  /* Money received in a split and on the US card, taken as refunds. */
  choose (window, "Import as _Refunds", "Those I Tick");
  g_signal_emit_by_name (outlay_ui_test_find (window, row_titled, "Supermarket"), "activate");
  settle (window);
  g_assert_nonnull (outlay_ui_test_find (window, label_shows, "+$15.50"));
  assert_summary (window, "9 expenses will be imported",
                  "1 of them a refund · 2 lines of money received left out · 4 lines not expenses · "
                  "4 new categories");

  press (window, "_Cancel");
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 0);
  close_main_window (main_window);
}

/* The first problems are in the overview; all of them a click away. */
static void
test_all_problems (void)
{
  OutlayWindow *main_window = open_main_window ();
  GtkWidget    *window = GTK_WIDGET (import_file (main_window, "import/problems.csv"));
  GtkWidget    *all;
  GtkWidget    *subtitle;
  GtkWidget    *back;
  const char   *last = "Line 9 — Amounts in EUR can have at most 2 decimals";

  assert_summary (window, "2 expenses will be imported", "7 lines cannot be read");
  g_assert_nonnull (
    outlay_ui_test_find (window, label_shows, "Line 3 — “2026-11-31” is not a date (expected YYYY-MM-DD)."));
  g_assert_null (outlay_ui_test_find (window, label_shows, last));
  all = outlay_ui_test_find (window, row_named, "all-problems");
  g_assert_nonnull (all);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (all)), ==, "Show All 7 Problems");
  gtk_widget_activate (all);
  wait_for_page (window, "problems");
  g_assert_nonnull (outlay_ui_test_find (window, label_shows, last));
  subtitle = outlay_ui_test_find (window, label_shows, "7 lines not imported");
  g_assert_nonnull (subtitle);

  /* Back to the overview, and out without importing. */
  back = outlay_ui_test_find (window, back_button, NULL);
  g_assert_nonnull (back);
  gtk_widget_activate (back);
  wait_for_page (window, "overview");
  g_assert_null (outlay_ui_test_find (window, label_shows, last));
  press (window, "_Cancel");
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 0);
  close_main_window (main_window);
}

/* On a phone everything fits the width, and Import stays in reach. */
static void
test_phone (void)
{
  OutlayWindow   *main_window = open_main_window ();
  GtkWidget      *window = GTK_WIDGET (import_file (main_window, "import/bank.csv"));
  GtkWidget      *button;
  GtkWidget      *row;
  graphene_rect_t bounds;
  int             minimum;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  settle (window);
  g_assert_cmpint (gtk_widget_get_width (window), <=, 360);

  button = outlay_ui_test_find (window, outlay_ui_test_is_button, "_Import");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_compute_bounds (button, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  row = GTK_WIDGET (combo (window, "Amounts That Are Expenses"));
  g_assert_true (gtk_widget_compute_bounds (row, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));

  press (window, "_Cancel");
  close_main_window (main_window);
}

/* A line the file leaves without a category goes by the rules, and the
 * preview says which rule chose its category, readable on a phone; a
 * category of the file stays its own. */
static void
test_rules_preview (void)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  OutlayWindow     *main_window = open_main_window ();
  g_autoptr (OutlayCategoryRule) draft = outlay_category_rule_new ();
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autoptr (OutlayCategoryRule) deleted = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget      *window;
  GtkWidget      *row;
  graphene_rect_t bounds;

  outlay_category_rule_set_patterns (draft, (const char *const[]){ "rewe", NULL });
  outlay_category_rule_set_category_uuid (
    draft, outlay_category_get_uuid (outlay_repository_find_category (repository, "Food & Drink")));
  rule = outlay_repository_add_category_rule (repository, draft, &error);
  g_assert_no_error (error);

  window = GTK_WIDGET (import_file (main_window, "import/bank.csv"));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  row = outlay_ui_test_find (window, row_titled, "REWE Markt");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " · Lebensmittel"));

  choose (window, "Category", "None");
  row = outlay_ui_test_find (window, row_titled, "REWE Markt");
  g_assert_true (
    g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " · Food & Drink · by rule “rewe”"));
  g_assert_true (g_str_has_suffix (
    adw_action_row_get_subtitle (ADW_ACTION_ROW (outlay_ui_test_find (window, row_titled, "Bäckerei Müller"))),
    " · Other"));
  g_assert_cmpint (gtk_widget_get_width (window), <=, 360);
  g_assert_true (gtk_widget_compute_bounds (row, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));

  press (window, "_Cancel");
  close_main_window (main_window);
  deleted = outlay_repository_delete_category_rule (repository, outlay_category_rule_get_uuid (rule), &error);
  g_assert_no_error (error);
}

/* Large Text at its largest (text scale 2.0) on a phone 360 pixels wide:
 * the import window still fits, amounts stay whole on one line, and no
 * word is cut. */
static void
test_large_text (void)
{
  OutlayWindow   *main_window = open_main_window ();
  GtkSettings    *settings = gtk_settings_get_default ();
  const char     *amounts[] = { "€12.50", "€4.80", "€87.00" };
  GtkWidget      *window;
  GtkWidget      *button;
  graphene_rect_t bounds;
  int             dpi = 0;
  int             minimum = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 2, NULL);
  window = GTK_WIDGET (import_file (main_window, "import/bank.csv"));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  settle (window);

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (window), <=, 360);
  outlay_test_assert_whole_words (window);

  /* Import stays in reach, its label on two lines at most. */
  button = outlay_ui_test_find (window, outlay_ui_test_is_button, "_Import");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_compute_bounds (button, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpint (pango_layout_get_line_count (
                     gtk_label_get_layout (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))))),
                   <=, 2);

  /* The amounts of the preview are whole, on one line, inside their row. */
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      GtkWidget *amount = outlay_ui_test_find (window, label_shows, amounts[i]);
      GtkWidget *row;

      g_assert_nonnull (amount);
      row = gtk_widget_get_ancestor (amount, ADW_TYPE_ACTION_ROW);
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (amount))), ==, 1);
      g_assert_true (gtk_widget_compute_bounds (amount, row, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (row));
    }

  press (window, "_Cancel");
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  close_main_window (main_window);
}

static char *
export_to (OutlayWindow      *window,
           const char        *dir,
           const char        *name,
           OutlayExportFormat format,
           const char        *toast)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  outlay_window_export (window, file, format);
  while (outlay_ui_test_find (GTK_WIDGET (window), label_shows, toast) == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_export (void)
{
  OutlayWindow *main_window = open_main_window ();
  GtkWidget    *page = outlay_window_get_expenses_page (main_window);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-export-XXXXXX", &error);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *missing = NULL;
  g_autoptr (GFile) file = NULL;
  GtkWindow  *window;
  gint64      housing = 0;
  GListModel *categories = outlay_repository_get_categories (outlay_application_get_repository (app));

  g_assert_no_error (error);
  window = import_file (main_window, "import/bank.csv");
  press (GTK_WIDGET (window), "_Import");
  settle (GTK_WIDGET (main_window));

  /* What the list shows: the one expense in Wohnen. */
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      if (g_strcmp0 (outlay_category_get_name (category), "Wohnen") == 0)
        housing = outlay_category_get_id (category);
    }
  g_assert_cmpint (housing, !=, 0);
  outlay_expenses_page_show_filtered (OUTLAY_EXPENSES_PAGE (page), housing, NULL, NULL);
  settle (GTK_WIDGET (main_window));
  csv = export_to (main_window, dir, "wohnen.csv", OUTLAY_EXPORT_FORMAT_CSV, "Exported 1 expense");
  g_assert_true (g_str_has_prefix (csv, "date,amount,currency,description,category,note\r\n"));
  g_assert_nonnull (strstr (csv, "2026-11-20,87.00,EUR,Stadtwerke Köln,Wohnen,"));
  g_assert_null (strstr (csv, "REWE"));

  /* Without a filter: everything, in Outlay's own format, which imports
   * back as three duplicates and asks nothing about columns. */
  outlay_expenses_page_show_filtered (OUTLAY_EXPENSES_PAGE (page), 0, NULL, NULL);
  settle (GTK_WIDGET (main_window));
  json = export_to (main_window, dir, "ledger.json", OUTLAY_EXPORT_FORMAT_JSON, "Exported 3 expenses");
  g_assert_nonnull (strstr (json, "Stadtwerke Köln"));
  g_assert_nonnull (strstr (json, "REWE Markt"));

  json_path = g_build_filename (dir, "ledger.json", NULL);
  file = g_file_new_for_path (json_path);
  outlay_window_import (main_window, file);
  while ((window = outlay_ui_test_find_toplevel (OUTLAY_TYPE_IMPORT_WINDOW)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));
  assert_summary (GTK_WIDGET (window), "Nothing to import", "3 duplicates skipped");
  g_assert_null (outlay_ui_test_find (GTK_WIDGET (window), label_shows, "Columns"));
  press (GTK_WIDGET (window), "_Cancel");
  settle (GTK_WIDGET (main_window));

  /* A place that cannot be written says so. */
  missing = g_build_filename (dir, "no such folder", "x.csv", NULL);
  g_clear_object (&file);
  file = g_file_new_for_path (missing);
  outlay_window_export (main_window, file, OUTLAY_EXPORT_FORMAT_CSV);
  while ((window = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), ==, "Export Failed");
  press (GTK_WIDGET (window), "_Close");

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.undo", NULL);
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 0);
  close_main_window (main_window);
  outlay_test_remove_tree (dir);
}

/* A backup restored while the window is open gives the imported rows' ids
 * to expenses added after it: Ctrl+Z must not take those for the import. */
static void
test_undo_after_restore (void)
{
  OutlayWindow     *main_window = open_main_window ();
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayBackups) backups_folder = outlay_backups_new (outlay_repository_get_database (repository));
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExpense) added = NULL;
  g_autoptr (GDate) today = g_date_new ();
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *list = NULL;
  const char      *backup = NULL;
  GtkWindow       *import;

  before = outlay_backups_list (backups_folder, &error);
  g_assert_no_error (error);
  import = import_file (main_window, "import/bank.csv");
  press (GTK_WIDGET (import), "_Import");
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 3);

  /* The backup the import made, restored as the command line would: the
   * window only hears that everything changed. */
  after = outlay_backups_list (backups_folder, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->len && backup == NULL; i++)
    {
      const char *path = ((OutlayBackupInfo *) g_ptr_array_index (after, i))->path;
      gboolean    known = FALSE;

      for (guint j = 0; j < before->len; j++)
        known |= g_strcmp0 (path, ((OutlayBackupInfo *) g_ptr_array_index (before, j))->path) == 0;
      if (!known)
        backup = path;
    }
  g_assert_nonnull (backup);
  g_assert_true (outlay_backups_restore (backups_folder, backup, &safety, &error));
  g_assert_no_error (error);
  outlay_repository_reload (repository);
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 0);

  g_date_set_time_t (today, time (NULL));
  outlay_expense_set_amount (draft, 999);
  outlay_expense_set_currency (draft, "EUR");
  outlay_expense_set_description (draft, "After the restore");
  outlay_expense_set_category_id (draft, outlay_category_get_id (outlay_repository_get_fallback_category (repository)));
  outlay_expense_set_date (draft, today);
  added = outlay_repository_add_expense (repository, draft, &error);
  g_assert_no_error (error);
  settle (GTK_WIDGET (main_window));

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.undo", NULL);
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 1);
  list = expense_list (main_window);
  g_assert_nonnull (strstr (list, "After the restore"));
  g_assert_nonnull (
    outlay_ui_test_find (GTK_WIDGET (main_window), label_shows,
                         "The imported expenses are no longer in the ledger, so the import cannot be undone."));

  g_assert_true (outlay_repository_delete_expense (repository, outlay_expense_get_id (added), &error) != NULL);
  g_assert_no_error (error);
  close_main_window (main_window);
}

static OutlayExpense *
add_lunch (OutlayRepository *repository)
{
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (GDate) today = g_date_new ();
  g_autoptr (GError) error = NULL;
  OutlayExpense *added;

  g_date_set_time_t (today, time (NULL));
  outlay_expense_set_amount (draft, 1200);
  outlay_expense_set_currency (draft, "EUR");
  outlay_expense_set_description (draft, "Lunch");
  outlay_expense_set_category_id (draft, outlay_category_get_id (outlay_repository_get_fallback_category (repository)));
  outlay_expense_set_date (draft, today);
  added = outlay_repository_add_expense (repository, draft, &error);
  g_assert_no_error (error);

  return added;
}

/* An edit made in the window, then another program changes the same
 * expense: Ctrl+Z must not write the window's old values over it. */
static void
test_undo_after_change_elsewhere (void)
{
  OutlayWindow     *main_window = open_main_window ();
  OutlayRepository *repository = outlay_application_get_repository (app);
  const char       *path = outlay_database_get_path (outlay_repository_get_database (repository));
  g_autoptr (OutlayDatabase) other_database = NULL;
  g_autoptr (OutlayRepository) other = NULL;
  g_autoptr (OutlayExpense) added = add_lunch (repository);
  g_autoptr (OutlayExpense) edited = outlay_expense_copy (added);
  g_autoptr (OutlayExpense) saved = NULL;
  g_autoptr (OutlayExpense) theirs = NULL;
  g_autoptr (OutlayExpense) now = NULL;
  g_autoptr (GError) error = NULL;

  /* As the editor reports a save. */
  outlay_expense_set_amount (edited, 1500);
  saved = outlay_repository_update_expense (repository, edited, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (outlay_window_get_expenses_page (main_window), "saved", added, saved);
  settle (GTK_WIDGET (main_window));

  other_database = outlay_database_open (path, &error);
  g_assert_no_error (error);
  other = outlay_repository_new (other_database);
  g_clear_object (&edited);
  edited = outlay_expense_copy (saved);
  outlay_expense_set_amount (edited, 1700);
  g_usleep (2000); /* updated_at counts milliseconds */
  theirs = outlay_repository_update_expense (other, edited, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_repository_check_external_changes (repository));

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.undo", NULL);
  settle (GTK_WIDGET (main_window));
  now = outlay_repository_get_expense (repository, outlay_expense_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_amount (now), ==, 1700);
  g_assert_nonnull (
    outlay_ui_test_find (GTK_WIDGET (main_window), label_shows, "Cannot undo: the expense was changed elsewhere"));

  g_clear_object (&now);
  now = outlay_repository_delete_expense (repository, outlay_expense_get_id (added), &error);
  g_assert_no_error (error);
  close_main_window (main_window);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (outlay_export_job_run_finish (result, NULL, error));
  g_assert_nonnull (*error);
}

static void
export_fails (GFile *file)
{
  g_autoptr (GError) error = NULL;

  outlay_export_job_run_async (outlay_application_get_repository (app), NULL, OUTLAY_EXPORT_FORMAT_JSON,
                               file, NULL, on_exported_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("The export failed: %s", error->message);
}

/* A disk that fills up in the middle of an export: a new file does not
 * stay behind half written, and a file that was there stays whole. */
static void
test_export_fails (void)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-export-XXXXXX", &error);
  g_autofree char *fresh = g_build_filename (dir, "fresh.json", NULL);
  g_autofree char *old = g_build_filename (dir, "old.json", NULL);
  g_autoptr (GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr (GFile) old_file = g_file_new_for_path (old);
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  struct rlimit limit, saved;

  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (added, add_lunch (repository));
  g_assert_true (g_file_set_contents (old, "the export of last week", -1, &error));
  g_assert_no_error (error);

  /* Files of this process grow to 512 bytes at most; past that, a write
   * fails with EFBIG rather than a signal. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 512;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  export_fails (fresh_file);
  export_fails (old_file);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (old, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "the export of last week");

  for (guint i = 0; i < added->len; i++)
    {
      g_autoptr (OutlayExpense) deleted = NULL;

      deleted =
        outlay_repository_delete_expense (repository, outlay_expense_get_id (g_ptr_array_index (added, i)), &error);
      g_assert_no_error (error);
    }
  outlay_test_remove_tree (dir);
}

/* The longest the main loop went without running, until the import
 * window is ready (or gone). */
static guint
longest_stall_until_ready (void)
{
  OutlayUiTestStallMeter stall;

  outlay_ui_test_stall_meter_start (&stall);
  while (import_busy ())
    g_main_context_iteration (NULL, TRUE);

  return outlay_ui_test_stall_meter_stop (&stall);
}

/* How long the window stays unresponsive with a large file: planning and
 * importing run in a worker thread. Only with -m perf. */
static void
test_large_file (void)
{
  OutlayWindow *main_window;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GString) csv = g_string_new ("date,amount,description,category\n");
  GtkWindow *window = NULL;
  OutlayUiTestStallMeter stall;
  gint64                 start;
  guint                  planning, importing;

  if (!g_test_perf ())
    {
      g_test_skip ("A measurement: run with -m perf");
      return;
    }

  main_window = open_main_window ();
  dir = g_dir_make_tmp ("outlay-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "large.csv", NULL);
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (csv, "2025-%02u-%02u,-%u.%02u,Shop %u,Group %u\n",
                            1 + i % 12, 1 + i % 28, 1 + i % 500, i % 100, i, i % 7);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  start = g_get_monotonic_time ();
  outlay_ui_test_stall_meter_start (&stall);
  outlay_window_import (main_window, file);
  while ((window = outlay_ui_test_find_toplevel (OUTLAY_TYPE_IMPORT_WINDOW)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("100,000 lines: window shown after %.0f ms, the longest stall of the main loop %u ms",
                  (g_get_monotonic_time () - start) / 1000.0, outlay_ui_test_stall_meter_stop (&stall));
  planning = longest_stall_until_ready ();
  g_test_message ("Planned after %.0f ms, the longest stall of the main loop meanwhile %u ms",
                  (g_get_monotonic_time () - start) / 1000.0, planning);
  g_assert_cmpuint (outlay_import_window_get_n_to_import (OUTLAY_IMPORT_WINDOW (window)), ==, 100000);

  start = g_get_monotonic_time ();
  press (GTK_WIDGET (window), "_Import");
  importing = longest_stall_until_ready ();
  g_test_message ("Imported in %.0f ms, the longest stall of the main loop %u ms",
                  (g_get_monotonic_time () - start) / 1000.0, importing);
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 100000);

  start = g_get_monotonic_time ();
  outlay_ui_test_stall_meter_start (&stall);
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.undo", NULL);
  while (count_expenses () != 0)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("Undone in %.0f ms, the longest stall of the main loop %u ms",
                  (g_get_monotonic_time () - start) / 1000.0, outlay_ui_test_stall_meter_stop (&stall));
  settle (GTK_WIDGET (main_window));
  g_assert_cmpuint (count_expenses (), ==, 0);
  close_main_window (main_window);
  outlay_test_remove_tree (dir);
}

static gboolean
combo_or_row_titled (GtkWidget  *widget,
                     const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button (GtkWidget  *widget,
           const char *label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A backup restored in Preferences replaces the ledger: the window forgets
 * what it could undo rather than refuse each step later. */
static void
test_restore_forgets_undo (void)
{
  OutlayWindow     *main_window = open_main_window ();
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayExpense) added = add_lunch (repository);
  g_autoptr (OutlayExpense) edited = outlay_expense_copy (added);
  g_autoptr (OutlayExpense) saved = NULL;
  g_autoptr (OutlayExpense) now = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayBackups) backups_folder = outlay_backups_new (outlay_repository_get_database (repository));
  g_autofree char *backup = NULL;
  GtkWindow       *preferences;
  GtkWidget       *keep;
  GtkWidget       *restore;
  GtkWindow       *dialog;

  g_usleep (1100 * G_TIME_SPAN_MILLISECOND); /* the newest backup by its name */
  backup = outlay_backups_create (backups_folder, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  outlay_expense_set_amount (edited, 1500);
  saved = outlay_repository_update_expense (repository, edited, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (outlay_window_get_expenses_page (main_window), "saved", added, saved);
  settle (GTK_WIDGET (main_window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = outlay_ui_test_find_toplevel (OUTLAY_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  keep = outlay_ui_test_find (GTK_WIDGET (preferences), combo_or_row_titled, "Backups to _Keep");
  g_assert_nonnull (keep);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (
                                             gtk_widget_get_ancestor (keep, ADW_TYPE_PREFERENCES_PAGE)));
  settle (GTK_WIDGET (preferences));
  restore = outlay_ui_test_find (GTK_WIDGET (preferences), is_button, "_Restore…");
  g_assert_nonnull (restore);
  g_signal_emit_by_name (restore, "clicked");
  while ((dialog = outlay_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  while (outlay_ui_test_find (GTK_WIDGET (preferences), label_starts, "Restored the backup from ") == NULL)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (preferences);
  settle (GTK_WIDGET (main_window));

  now = outlay_repository_get_expense (repository, outlay_expense_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_amount (now), ==, 1200);
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.undo", NULL);
  settle (GTK_WIDGET (main_window));
  g_assert_null (
    outlay_ui_test_find (GTK_WIDGET (main_window), label_shows, "Cannot undo: the expense was changed elsewhere"));
  g_assert_null (outlay_ui_test_find (GTK_WIDGET (main_window), label_shows, "Change undone"));

  g_clear_object (&now);
  now = outlay_repository_delete_expense (repository, outlay_expense_get_id (added), &error);
  g_assert_no_error (error);
  close_main_window (main_window);
}

/* Cancel while the plan is still worked out: the window goes at once, and
 * the plan that ends later finds nothing to fill. */
static void
test_cancel_while_planning (void)
{
  OutlayWindow    *main_window = open_main_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "bank.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWindow *window;

  outlay_window_import (main_window, file);
  while ((window = outlay_ui_test_find_toplevel (OUTLAY_TYPE_IMPORT_WINDOW)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (outlay_import_window_is_busy (OUTLAY_IMPORT_WINDOW (window)));
  g_object_ref (window);
  gtk_window_close (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  while (outlay_import_window_is_busy (OUTLAY_IMPORT_WINDOW (window)))
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (main_window));
  g_assert_finalize_object (window);
  g_assert_cmpuint (count_expenses (), ==, 0);

  close_main_window (main_window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int              ret;

  gtk_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("outlay-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "outlay.db", NULL);
  g_setenv ("OUTLAY_DATABASE", path, TRUE);

  app = outlay_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/import/replace-categories", test_replace_categories);
  g_test_add_func ("/import/bank-statement", test_bank_statement);
  g_test_add_func ("/import/again-finds-duplicates", test_again_finds_duplicates);
  g_test_add_func ("/import/not-readable", test_not_readable);
  g_test_add_func ("/import/homebank", test_homebank);
  g_test_add_func ("/import/rules-preview", test_rules_preview);
  g_test_add_func ("/import/all-problems", test_all_problems);
  g_test_add_func ("/import/failed", test_failed_import);
  g_test_add_func ("/import/phone", test_phone);
  g_test_add_func ("/import/large-text", test_large_text);
  g_test_add_func ("/import/export", test_export);
  g_test_add_func ("/import/undo-after-restore", test_undo_after_restore);
  g_test_add_func ("/import/undo-after-change-elsewhere", test_undo_after_change_elsewhere);
  g_test_add_func ("/import/export-fails", test_export_fails);
  g_test_add_func ("/import/cancel-while-planning", test_cancel_while_planning);
  g_test_add_func ("/import/restore-forgets-undo", test_restore_forgets_undo);
  g_test_add_func ("/import/large-file", test_large_file);

  ret = g_test_run ();

  g_object_unref (app);
  outlay_test_remove_tree (dir);

  return ret;
}
