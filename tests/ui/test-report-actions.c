/* test-report-actions.c
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

/* The window's Print Report… and Export Report as PDF…: both in the main
 * menu; the export goes through GtkPrintOperation with an export file name
 * (no printer needed) and writes a PDF of the Dashboard's period, read back
 * with pdftotext; a file that cannot be written is said in a toast and
 * leaves nothing. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "outlay-dashboard-page.h"
#include "outlay-format.h"
#include "outlay-report-actions.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"
#include "outlay-window.h"

static OutlayApplication *app;
static char              *database_dir;
static char              *database_path;

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static GMenuModel *
find_primary_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *found = find_primary_menu (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_contains (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static char *
pdf_text (const char *path)
{
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("OUTLAY_PDFTOTEXT"), "-layout", path,
                              "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the report:\n%s", part, text);
}

static void
test_menu (void)
{
  OutlayWindow *window = outlay_ui_test_open_window (app, 1000, 800);
  GMenuModel   *menu = find_primary_menu (GTK_WIDGET (window));

  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (menu, "win.print-report"));
  g_assert_true (menu_has_action (menu, "win.export-report"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_export (void)
{
  OutlayWindow        *window = outlay_ui_test_open_window (app, 1000, 800);
  OutlayDashboardPage *dashboard = OUTLAY_DASHBOARD_PAGE (outlay_window_get_dashboard_page (window));
  OutlayTestFixture    fixture = { 0 };
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *today_text = outlay_date_format_iso (today);
  g_autofree char *month = g_strndup (today_text, 7);
  g_autofree char *title = outlay_format_month (month);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-report-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (OutlayExpense) expense = NULL;
  gsize            length = 0;

  g_assert_no_error (error);
  fixture.repository = outlay_application_get_repository (app);
  outlay_test_add_report_ledger (&fixture);
  expense = outlay_test_add (&fixture, 35000, "EUR", today_text, "Bicycle repair",
                             outlay_test_category (&fixture, OUTLAY_TEST_TRANSPORT));
  outlay_dashboard_page_set_period (dashboard, "this-month");
  outlay_ui_test_settle (GTK_WIDGET (window));

  /* What "Export Report as PDF…" does once its file is chosen. */
  path = g_build_filename (dir, "report.pdf", NULL);
  file = g_file_new_for_path (path);
  outlay_report_actions_export (window, file);
  g_assert_true (outlay_ui_test_wait_for (file_exists, path));

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
  text = pdf_text (path);
  assert_has (text, title);
  assert_has (text, "Monthly Spending Report");
  assert_has (text, "Bicycle repair");
  assert_has (text, "€350.00");
  assert_has (text, "Groceries");
  g_assert_cmpuint (outlay_test_count_files (dir), ==, 1);

  /* A folder that is not there: a toast says so, and nothing is left. */
  missing = g_build_filename (dir, "no such folder", "report.pdf", NULL);
  g_clear_object (&file);
  file = g_file_new_for_path (missing);
  outlay_report_actions_export (window, file);
  while (outlay_ui_test_find (GTK_WIDGET (window), label_contains, "Could not write") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (outlay_test_count_files (dir), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  outlay_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  app = outlay_ui_test_register_application ("outlay-report-actions-XXXXXX", &database_dir, &database_path);

  g_test_add_func ("/report-actions/menu", test_menu);
  g_test_add_func ("/report-actions/export", test_export);

  ret = g_test_run ();

  g_object_unref (app);
  outlay_test_remove_tree (database_dir);
  g_free (database_dir);
  g_free (database_path);

  return ret;
}
