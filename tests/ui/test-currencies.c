/* test-currencies.c: Preferences › Currencies
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

/* Preferences › Currencies: the rates by pair, newest first, with their
 * day and source; a rate added through the editor, and one the store
 * refuses (its message shows, what was typed stays, nothing is stored);
 * delete and Undo; a file imported as Import Rates… does, with its
 * summary; the names screen readers hear. Runs under xvfb-run. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "outlay-currencies-page.h"
#include "outlay-format.h"
#include "outlay-rate-editor.h"
#include "outlay-rates-import.h"
#include "outlay-repository.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"

typedef struct
{
  OutlayTestFixture store;
  GtkWidget        *window;
  GtkWidget        *page;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  outlay_test_fixture_setup (&fixture->store, data);
  fixture->window = adw_preferences_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  fixture->page = outlay_currencies_page_new (fixture->store.repository, "EUR");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (fixture->window), ADW_PREFERENCES_PAGE (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
  outlay_ui_test_settle (fixture->window);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  outlay_ui_test_drain ();
  outlay_test_fixture_teardown (&fixture->store, data);
}

static void
set_rate (Fixture    *fixture,
          const char *currency,
          const char *quote,
          const char *day,
          const char *rate)
{
  g_autoptr (OutlayExchangeRate) stored = NULL;
  g_autoptr (GError) error = NULL;

  stored = outlay_repository_set_rate (fixture->store.repository, currency, quote, day, rate, &error);
  g_assert_no_error (error);
}

/* The titles and subtitles of the page's rate rows, in order, one a line. */
static void
collect_rows (GtkWidget *root,
              GString   *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) && g_object_get_data (G_OBJECT (child), "rate") != NULL &&
          gtk_widget_get_mapped (child))
        g_string_append_printf (text, "%s | %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                                adw_action_row_get_subtitle (ADW_ACTION_ROW (child)));
      collect_rows (child, text);
    }
}

static char *
shown_rows (Fixture *fixture)
{
  GString *text = g_string_new (NULL);

  outlay_ui_test_settle (fixture->window);
  collect_rows (fixture->page, text);
  return g_string_free (text, FALSE);
}

static char *
expected_row (const char *title,
              const char *day,
              const char *source)
{
  g_autofree char *date = outlay_format_date (day);

  return g_strdup_printf ("%s | %s · %s\n", title, date, source);
}

/* A shown button that screen readers call @name. */
static gboolean
is_named_button (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *differs = NULL;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget) ||
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  return differs == NULL;
}

static guint
count_rates (Fixture *fixture)
{
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (GError) error = NULL;

  rates = outlay_repository_list_rates (fixture->store.repository, NULL, 0, &error);
  g_assert_no_error (error);
  return rates->len;
}

static void
test_empty (Fixture      *fixture,
            gconstpointer data)
{
  GtkWidget *status = outlay_ui_test_find (fixture->page, outlay_ui_test_is_status_page, "No Exchange Rates");

  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_nonnull (outlay_ui_test_find (status, outlay_ui_test_is_button, "_Add Rate"));
  g_assert_nonnull (outlay_ui_test_find (status, outlay_ui_test_is_button, "_Import Rates…"));
  g_assert_nonnull (outlay_ui_test_find (fixture->page, outlay_ui_test_is_row, "Home Currency"));

  set_rate (fixture, "USD", "EUR", "2024-05-14", "0.92");
  outlay_ui_test_settle (fixture->window);
  g_assert_false (gtk_widget_get_mapped (status));
}

static void
test_list (Fixture      *fixture,
           gconstpointer data)
{
  g_autofree char *shown = NULL;
  g_autofree char *a = expected_row ("1 GBP = 1.17 EUR", "2024-05-01", "Yours");
  g_autofree char *b = expected_row ("1 USD = 0.9205 EUR", "2024-05-14", "Yours");
  g_autofree char *c = expected_row ("1 USD = 0.91 EUR", "2024-05-13", "Yours");
  g_autofree char *expected = NULL;

  set_rate (fixture, "USD", "EUR", "2024-05-13", "0.91");
  set_rate (fixture, "USD", "EUR", "2024-05-14", "0.9205");
  set_rate (fixture, "GBP", "EUR", "2024-05-01", "1.17");
  shown = shown_rows (fixture);
  expected = g_strconcat (a, b, c, NULL);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_nonnull (outlay_ui_test_find (fixture->page, outlay_ui_test_is_label, "USD to EUR"));
}

static OutlayRateEditor *
open_editor (Fixture *fixture)
{
  GtkWidget *button = outlay_ui_test_find (fixture->page, outlay_ui_test_is_button, "_Add Rate");
  GtkWindow *editor;

  g_assert_nonnull (button);
  outlay_ui_test_click (button);
  outlay_ui_test_settle (fixture->window);
  editor = outlay_ui_test_find_toplevel (OUTLAY_TYPE_RATE_EDITOR);
  g_assert_nonnull (editor);
  return OUTLAY_RATE_EDITOR (editor);
}

static void
test_add (Fixture      *fixture,
          gconstpointer data)
{
  OutlayRateEditor *editor = open_editor (fixture);
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = NULL;
  GtkWidget       *rate_row;

  rate_row = outlay_ui_test_find (GTK_WIDGET (editor), outlay_ui_test_is_entry_row, "_Rate");
  g_assert_nonnull (rate_row);
  outlay_rate_editor_set_currency (editor, "USD");
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "0,9205");
  g_assert_true (outlay_rate_editor_save (editor));
  outlay_ui_test_settle (fixture->window);

  rates = outlay_repository_list_rates (fixture->store.repository, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 1);
  g_assert_cmpstr (outlay_exchange_rate_get_currency (g_ptr_array_index (rates, 0)), ==, "USD");
  g_assert_cmpstr (outlay_exchange_rate_get_quote (g_ptr_array_index (rates, 0)), ==, "EUR");
  g_assert_cmpstr (outlay_exchange_rate_get_rate (g_ptr_array_index (rates, 0)), ==, "0.9205");
  g_assert_cmpint (outlay_exchange_rate_get_source (g_ptr_array_index (rates, 0)), ==, OUTLAY_RATE_SOURCE_ENTERED);
  shown = shown_rows (fixture);
  g_assert_nonnull (strstr (shown, "1 USD = 0.9205 EUR |"));
}

/* A rate of the person's moved to another currency is not kept twice. */
static void
test_edit (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *row;
  GtkWindow *editor;

  set_rate (fixture, "USD", "EUR", "2024-05-14", "0.9205");
  outlay_ui_test_settle (fixture->window);
  row = outlay_ui_test_find (fixture->page, outlay_ui_test_is_row, "1 USD = 0.9205 EUR");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  outlay_ui_test_settle (fixture->window);
  editor = outlay_ui_test_find_toplevel (OUTLAY_TYPE_RATE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (editor), ==, "Edit Rate");
  outlay_rate_editor_set_currency (OUTLAY_RATE_EDITOR (editor), "GBP");
  outlay_rate_editor_set_rate_text (OUTLAY_RATE_EDITOR (editor), "1,17");
  g_assert_true (outlay_rate_editor_save (OUTLAY_RATE_EDITOR (editor)));
  outlay_ui_test_settle (fixture->window);

  rates = outlay_repository_list_rates (fixture->store.repository, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 1);
  g_assert_cmpstr (outlay_exchange_rate_get_currency (g_ptr_array_index (rates, 0)), ==, "GBP");
  g_assert_cmpstr (outlay_exchange_rate_get_day (g_ptr_array_index (rates, 0)), ==, "2024-05-14");
  g_assert_cmpstr (outlay_exchange_rate_get_rate (g_ptr_array_index (rates, 0)), ==, "1.17");
}

static void
test_refused (Fixture      *fixture,
              gconstpointer data)
{
  OutlayRateEditor *editor = open_editor (fixture);
  g_autoptr (GError) error = NULL;
  GtkWidget       *rate_row;
  g_autofree char *before = outlay_test_dump_store (outlay_test_handle (&fixture->store));
  g_autofree char *after = NULL;
  gboolean         valid;

  rate_row = outlay_ui_test_find (GTK_WIDGET (editor), outlay_ui_test_is_entry_row, "_Rate");
  outlay_rate_editor_set_currency (editor, "USD");
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "-3");
  valid = outlay_repository_validate_rate ("USD", "EUR", "2024-05-14", "-3", &error);
  g_assert_false (valid);

  g_assert_false (outlay_rate_editor_save (editor));
  outlay_ui_test_settle (GTK_WIDGET (editor));
  g_assert_cmpstr (outlay_rate_editor_get_error (editor), ==, error->message);
  g_assert_true (outlay_ui_test_has_css_class (rate_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rate_row)), ==, "-3");
  after = outlay_test_dump_store (outlay_test_handle (&fixture->store));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_rates (fixture), ==, 0);

  /* Typing again takes the message away. */
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "0.92");
  g_assert_cmpstr (outlay_rate_editor_get_error (editor), ==, NULL);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_delete_undo (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *day = outlay_format_date ("2024-05-14");
  g_autofree char *name = g_strdup_printf ("Delete 1 USD = 0.9205 EUR of %s", day);
  g_autofree char *shown = NULL;
  GtkWidget       *button;

  set_rate (fixture, "USD", "EUR", "2024-05-14", "0.9205");
  set_rate (fixture, "USD", "EUR", "2024-05-13", "0.91");
  outlay_ui_test_settle (fixture->window);

  button = outlay_ui_test_find (fixture->page, is_named_button, name);
  g_assert_nonnull (button);
  outlay_ui_test_click (button);
  outlay_ui_test_settle (fixture->window);
  g_assert_cmpuint (count_rates (fixture), ==, 1);
  shown = shown_rows (fixture);
  g_assert_null (strstr (shown, "0.9205"));
  g_clear_pointer (&shown, g_free);

  outlay_currencies_page_undo (OUTLAY_CURRENCIES_PAGE (fixture->page));
  outlay_ui_test_settle (fixture->window);
  g_assert_cmpuint (count_rates (fixture), ==, 2);
  shown = shown_rows (fixture);
  g_assert_nonnull (strstr (shown, "1 USD = 0.9205 EUR"));
}

static void
test_import (Fixture      *fixture,
             gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "rates", "eurofxref-hist.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  OutlayCurrenciesPage *page = OUTLAY_CURRENCIES_PAGE (fixture->page);
  g_autofree char      *shown = NULL;
  gint64                start = g_get_monotonic_time ();
  const char           *summary;

  outlay_currencies_page_import_file (page, file);
  g_assert_true (outlay_currencies_page_get_importing (page));
  while (outlay_currencies_page_get_importing (page))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  outlay_ui_test_settle (fixture->window);

  summary = outlay_currencies_page_get_summary (page);
  g_assert_nonnull (summary);
  g_assert_true (g_str_has_prefix (summary, "Added 28 rates from eurofxref-hist.csv (ECB); "));
  g_assert_true (g_str_has_suffix (summary, "lines left out"));
  g_assert_nonnull (outlay_ui_test_find (fixture->page, outlay_ui_test_is_row, "Lines Left Out"));
  g_assert_nonnull (outlay_ui_test_find (fixture->page, outlay_ui_test_is_row, "Line 4"));
  g_assert_cmpuint (count_rates (fixture), ==, 28);

  shown = shown_rows (fixture);
  g_assert_nonnull (strstr (shown, "1 EUR = 1.0813 USD |"));
  g_assert_nonnull (strstr (shown, "· ECB\n"));
  g_assert_nonnull (outlay_ui_test_find (fixture->page, outlay_ui_test_is_label, "EUR to USD"));
}

/* Rows and buttons say what they do; the delete buttons, which show an
 * icon only, which rate they delete. */
static void
test_accessible_names (Fixture      *fixture,
                       gconstpointer data)
{
  const char *const rows[] = { "_Add Rate", "_Import Rates…", "Home Currency" };
  g_autofree char  *day = outlay_format_date ("2024-05-14");
  g_autofree char  *name = g_strdup_printf ("Delete 1 USD = 0.9205 EUR of %s", day);
  GtkWidget        *row;

  set_rate (fixture, "USD", "EUR", "2024-05-14", "0.9205");
  outlay_ui_test_settle (fixture->window);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      row = outlay_ui_test_find (fixture->page, outlay_ui_test_is_row, rows[i]);
      g_assert_nonnull (row);
      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    }
  g_assert_nonnull (outlay_ui_test_find (fixture->page, is_named_button, name));
  row = outlay_ui_test_find (fixture->page, outlay_ui_test_is_row, "1 USD = 0.9205 EUR");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Edit 1 USD = 0.9205 EUR");
}

/* The editor fits a phone with text twice as large: its title gives way
 * to Cancel and Save. */
static void
test_editor_fits_phone (Fixture      *fixture,
                        gconstpointer data)
{
  OutlayRateEditor *editor = open_editor (fixture);

  g_assert_cmpint (outlay_ui_test_min_width_at_text_scale_2 (GTK_WIDGET (editor)), <=, 360);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The days from 1 January 2024 on, one a day: day @i (1…) of them. */
static char *
imported_day (guint i)
{
  g_autoptr (GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2024);

  g_date_add_days (day, i - 1);
  return outlay_date_format_iso (day);
}

static char *
imported_row (guint i)
{
  g_autofree char *day = imported_day (i);
  g_autofree char *title = g_strdup_printf ("1 USD = 0.9%02u1 EUR", i);

  return expected_row (title, day, "ECB");
}

/* The imported rates from day @newest down to day @oldest, the person's
 * rate of day 10 among them (first of its day) when it falls in. */
static char *
expected_rows (guint newest,
               guint oldest)
{
  GString *text = g_string_new (NULL);

  for (guint i = newest; i >= oldest; i--)
    {
      g_autofree char *row = imported_row (i);

      if (i == 10)
        {
          g_autofree char *day = imported_day (10);
          g_autofree char *yours = expected_row ("1 USD = 0.95 EUR", day, "Yours");

          g_string_append (text, yours);
        }
      g_string_append (text, row);
    }
  return g_string_free (text, FALSE);
}

/* A file's 40 days of dollars: the newest 3 show with the person's rate,
 * then "Show Older Rates" adds 30 more at a time in the order of their
 * days, the person's among them, until there are no more; what was shown
 * stays shown after a change. */
static void
test_older (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr (GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) rates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  OutlayRateEntry     entries[40];
  OutlayRatesImported imported = { 0 };
  GtkWidget          *more;
  g_autofree char    *day_10 = imported_day (10);

  for (guint i = 1; i <= 40; i++)
    {
      g_ptr_array_add (days, imported_day (i));
      g_ptr_array_add (rates, g_strdup_printf ("0.9%02u1", i));
      entries[i - 1] = (OutlayRateEntry) { "USD", "EUR", days->pdata[i - 1], rates->pdata[i - 1] };
    }
  g_assert_true (outlay_repository_import_rates (fixture->store.repository, entries, G_N_ELEMENTS (entries), "ECB",
                                                 NULL, NULL, NULL, &imported, &error));
  g_assert_no_error (error);
  set_rate (fixture, "USD", "EUR", day_10, "0.95");

  {
    g_autofree char *shown = shown_rows (fixture);
    g_autofree char *top = expected_rows (40, 38);
    g_autofree char *yours = expected_row ("1 USD = 0.95 EUR", day_10, "Yours");
    g_autofree char *expected = g_strconcat (top, yours, NULL);

    g_assert_cmpstr (shown, ==, expected);
  }

  more = outlay_ui_test_find (fixture->page, outlay_ui_test_is_row, "Show Older Rates");
  g_assert_nonnull (more);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Show older USD to EUR rates");
  gtk_widget_activate (more);
  {
    g_autofree char *shown = shown_rows (fixture);
    g_autofree char *expected = expected_rows (40, 8);

    g_assert_cmpstr (shown, ==, expected);
  }

  more = outlay_ui_test_find (fixture->page, outlay_ui_test_is_row, "Show Older Rates");
  g_assert_nonnull (more);
  gtk_widget_activate (more);
  {
    g_autofree char *shown = shown_rows (fixture);
    g_autofree char *expected = expected_rows (40, 1);

    g_assert_cmpstr (shown, ==, expected);
  }
  g_assert_null (outlay_ui_test_find (fixture->page, outlay_ui_test_is_row, "Show Older Rates"));

  /* A change lists the rates again: all of them still. */
  set_rate (fixture, "GBP", "EUR", "2024-05-01", "1.17");
  {
    g_autofree char *shown = shown_rows (fixture);
    g_autofree char *pounds = expected_row ("1 GBP = 1.17 EUR", "2024-05-01", "Yours");
    g_autofree char *dollars = expected_rows (40, 1);
    g_autofree char *expected = g_strconcat (pounds, dollars, NULL);

    g_assert_cmpstr (shown, ==, expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/currencies/empty", Fixture, NULL, fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/currencies/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/currencies/add", Fixture, NULL, fixture_setup, test_add, fixture_teardown);
  g_test_add ("/currencies/edit", Fixture, NULL, fixture_setup, test_edit, fixture_teardown);
  g_test_add ("/currencies/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/currencies/delete-undo", Fixture, NULL, fixture_setup, test_delete_undo, fixture_teardown);
  g_test_add ("/currencies/editor-fits-phone", Fixture, NULL, fixture_setup, test_editor_fits_phone,
              fixture_teardown);
  g_test_add ("/currencies/older", Fixture, NULL, fixture_setup, test_older, fixture_teardown);
  g_test_add ("/currencies/import", Fixture, NULL, fixture_setup, test_import, fixture_teardown);
  g_test_add ("/currencies/accessible-names", Fixture, NULL, fixture_setup, test_accessible_names,
              fixture_teardown);

  return g_test_run ();
}
