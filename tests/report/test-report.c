/* test-report.c
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

/* The report drawn without a display, as `outlay report` writes it: a
 * month of a small ledger to PDF, read back with pdftotext (poppler-utils,
 * $OUTLAY_PDFTOTEXT), in English and in German; the paper sizes; a file
 * that cannot be written leaves nothing behind. */

#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "outlay-report.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

static OutlayReport *
make_report (Fixture         *fixture,
             OutlayReportSpan span,
             const char      *period)
{
  g_autoptr (GDate) today = outlay_date_parse_iso ("2024-05-07");
  g_autoptr (GError) error = NULL;
  OutlayReportData *data;

  outlay_test_add_report_ledger (fixture);
  data = outlay_report_data_gather (fixture->repository, span, period, "EUR", today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  return outlay_report_new (data);
}

/* The text of @path's pages, with no-break spaces made plain ones. */
static char *
read_pdf_text (const char *path,
               const char *tool_variable,
               const char *option)
{
  const char *tool = g_getenv (tool_variable);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) parts = NULL;

  g_assert_nonnull (tool);
  if (option != NULL)
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, tool, option, path, "-", NULL);
  else
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, tool, path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  /* U+00A0 and U+202F, which money has in some locales */
  parts = g_strsplit (out, "\xc2\xa0", -1);
  g_free (out);
  out = g_strjoinv (" ", parts);
  g_strfreev (parts);
  parts = g_strsplit (out, "\xe2\x80\xaf", -1);
  return g_strjoinv (" ", parts);
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the report:\n%s", part, text);
}

static char *
write_report (Fixture      *fixture,
              OutlayReport *report,
              OutlayPaper   paper,
              guint        *n_pages)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_report_write_pdf (report, path, paper, n_pages, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&path);
}

static void
test_month (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr (OutlayReport) report = make_report (fixture, OUTLAY_REPORT_MONTH, OUTLAY_TEST_REPORT_MONTH);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  guint            n_pages = 0;

  path = write_report (fixture, report, OUTLAY_PAPER_A4, &n_pages);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpuint (n_pages, <=, 3);

  text = read_pdf_text (path, "OUTLAY_PDFTOTEXT", "-layout");
  /* The period, the total against the month before */
  assert_has (text, "March 2024");
  assert_has (text, "1 Mar 2024 – 31 Mar 2024");
  assert_has (text, "€1,555.84");
  assert_has (text, "25% (€315.84) more than the month before");
  /* A category, its amount and share */
  assert_has (text, "Groceries");
  assert_has (text, "€146.95");
  assert_has (text, "Housing");
  assert_has (text, "80%");
  /* The budget and its progress */
  assert_has (text, "€146.95 of €400.00");
  assert_has (text, "On track");
  /* The largest expenses, the recurring ones */
  assert_has (text, "Winter boots");
  assert_has (text, "€129.99");
  assert_has (text, "21 Mar 2024");
  assert_has (text, "Monthly on day 1");
  /* The twelve months */
  assert_has (text, "Apr");
  assert_has (text, "Mar");
  page = g_strdup_printf ("Page 1 of %u", n_pages);
  assert_has (text, page);
}

static void
test_year (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (OutlayReport) report = make_report (fixture, OUTLAY_REPORT_YEAR, "2024");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = outlay_report_dup_title (report);

  g_assert_cmpstr (title, ==, "2024");
  path = write_report (fixture, report, OUTLAY_PAPER_A4, NULL);
  text = read_pdf_text (path, "OUTLAY_PDFTOTEXT", "-layout");
  assert_has (text, "Yearly Spending Report");
  /* The year is still running on 7 May 2024. */
  assert_has (text, "1 Jan 2024 – 7 May 2024, so far");
  assert_has (text, "€2,795.84");
  assert_has (text, "Rent February");
}

static void
test_paper (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr (OutlayReport) report = make_report (fixture, OUTLAY_REPORT_MONTH, OUTLAY_TEST_REPORT_MONTH);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  OutlayPaper      paper;

  path = write_report (fixture, report, OUTLAY_PAPER_LETTER, NULL);
  info = read_pdf_text (path, "OUTLAY_PDFINFO", NULL);
  assert_has (info, "612 x 792 pts (letter)");
  g_free (path);
  g_free (info);

  path = write_report (fixture, report, OUTLAY_PAPER_A4, NULL);
  info = read_pdf_text (path, "OUTLAY_PDFINFO", NULL);
  assert_has (info, "(A4)");
  assert_has (info, "Title:           March 2024");

  g_assert_true (outlay_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, OUTLAY_PAPER_LETTER);
  g_assert_true (outlay_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, OUTLAY_PAPER_A4);
  g_assert_false (outlay_paper_from_string ("A5", &paper));
}

static void
test_unwritable (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (OutlayReport) report = make_report (fixture, OUTLAY_REPORT_MONTH, OUTLAY_TEST_REPORT_MONTH);
  g_autofree char *missing = g_build_filename (fixture->dir, "no such folder", "report.pdf", NULL);
  g_autofree char *kept = g_build_filename (fixture->dir, "kept.pdf", NULL);
  g_autoptr (GError) error = NULL;
  guint            n_files;

  g_assert_false (outlay_report_write_pdf (report, missing, OUTLAY_PAPER_A4, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_clear_error (&error);

  /* A written report replaces the file whole, and leaves no temporary. */
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  n_files = outlay_test_count_files (fixture->dir);
  g_assert_true (outlay_report_write_pdf (report, kept, OUTLAY_PAPER_A4, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_test_count_files (fixture->dir), ==, n_files);
}

static void
test_bad_period (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (GDate) today = outlay_date_parse_iso ("2024-05-07");
  g_autoptr (GError) error = NULL;
  const char *months[] = { "2024-13", "2024-3", "24-03", "2024/03", "", "2024-03-01" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_assert_null (outlay_report_data_gather (fixture->repository, OUTLAY_REPORT_MONTH, months[i], "EUR", today,
                                                &error));
      g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD);
      g_clear_error (&error);
    }
  g_assert_null (outlay_report_data_gather (fixture->repository, OUTLAY_REPORT_YEAR, "20x4", "EUR", today, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD);
}

/* In German: the numbers, the dates and the strings Outlay has translated
 * already, in a child process so that the locale stays its own. */
static void
test_german (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (OutlayReport) report = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char      *localedir = g_getenv ("OUTLAY_LOCALEDIR");

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  g_setenv ("LANGUAGE", "de", TRUE);
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    g_error ("The locale de_DE.UTF-8 is not installed: run build-aux/install-deps.");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  report = make_report (fixture, OUTLAY_REPORT_MONTH, OUTLAY_TEST_REPORT_MONTH);
  path = write_report (fixture, report, OUTLAY_PAPER_A4, NULL);
  text = read_pdf_text (path, "OUTLAY_PDFTOTEXT", "-layout");
  assert_has (text, "März 2024");
  assert_has (text, "1.555,84 €");
  assert_has (text, "146,95 € von 400,00 €");
  assert_has (text, "129,99 €");
  assert_has (text, "21. Mär 2024");
  assert_has (text, "Ausgaben nach Kategorie");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/month", Fixture, NULL, outlay_test_fixture_setup, test_month, outlay_test_fixture_teardown);
  g_test_add ("/report/year", Fixture, NULL, outlay_test_fixture_setup, test_year, outlay_test_fixture_teardown);
  g_test_add ("/report/paper", Fixture, NULL, outlay_test_fixture_setup, test_paper, outlay_test_fixture_teardown);
  g_test_add ("/report/unwritable", Fixture, NULL, outlay_test_fixture_setup, test_unwritable,
              outlay_test_fixture_teardown);
  g_test_add ("/report/bad-period", Fixture, NULL, outlay_test_fixture_setup, test_bad_period,
              outlay_test_fixture_teardown);
  g_test_add ("/report/german", Fixture, NULL, outlay_test_fixture_setup, test_german, outlay_test_fixture_teardown);

  return g_test_run ();
}
