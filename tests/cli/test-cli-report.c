/* test-cli-report.c
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

/* `outlay report`: a month and a year written to PDF (read back with
 * pdftotext), --json, --paper, and bad input refused in one line with
 * nothing written. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "outlay-cli-test-utils.h"

static char *
pdf_text (const char *path)
{
  const char *tool = g_getenv ("OUTLAY_PDFTOTEXT");
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_assert_nonnull (tool);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, tool, "-layout", path, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

static void
test_month (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autofree char *path = g_build_filename (fixture->store.dir, "march.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_auto (Result) result = { 0 };

  outlay_test_add_report_ledger (&fixture->store);

  run (fixture, &result, "report", "--month", OUTLAY_TEST_REPORT_MONTH, "--pdf", path, "--currency", "EUR");
  assert_success (&result);
  g_assert_true (g_str_has_prefix (result.out, "Wrote the report of March 2024 ("));
  expected = g_strdup_printf ("pages) to “%s”.\n", path);
  g_assert_true (g_str_has_suffix (result.out, expected));

  text = pdf_text (path);
  assert_contains (text, "March 2024");
  assert_contains (text, "€1,555.84");
  assert_contains (text, "€146.95 of €400.00");
  assert_contains (text, "Winter boots");
}

static void
test_json (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autofree char *path = g_build_filename (fixture->store.dir, "2024.pdf", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (Result) result = { 0 };
  JsonObject *object;

  outlay_test_add_report_ledger (&fixture->store);

  run (fixture, &result, "report", "--year", "2024", "--pdf", path, "--paper", "letter", "--currency", "EUR",
       "--json");
  assert_success (&result);
  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, path);
  g_assert_cmpint (json_object_get_int_member (object, "pages"), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "period"), ==, "2024");
  g_assert_cmpstr (json_object_get_string_member (object, "from"), ==, "2024-01-01");
  g_assert_cmpstr (json_object_get_string_member (object, "to"), ==, "2024-12-31");
  g_assert_cmpstr (json_object_get_string_member (object, "paper"), ==, "letter");
  g_assert_cmpstr (json_object_get_string_member (object, "currency"), ==, "EUR");

  text = pdf_text (path);
  assert_contains (text, "Yearly Spending Report");
  assert_contains (text, "Rent February");
}

/* The paper of LC_PAPER, without --paper. */
static void
test_locale_paper (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autofree char *path = g_build_filename (fixture->store.dir, "report.pdf", NULL);
  g_auto (Result) result = { 0 };

  outlay_test_add_report_ledger (&fixture->store);

  run_in (fixture, "en_US.UTF-8", &result, "report", "--month", "2024-03", "--pdf", path, "--json", NULL);
  assert_success (&result);
  assert_contains (result.out, "\"paper\": \"letter\"");

  run_in (fixture, "de_DE.UTF-8", &result, "report", "--month", "2024-03", "--pdf", path, "--json", NULL);
  assert_success (&result);
  assert_contains (result.out, "\"paper\": \"a4\"");
}

static void
test_bad_input (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autofree char *path = g_build_filename (fixture->store.dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->store.dir, "missing", "report.pdf", NULL);
  const OutlayCliRefusal cases[] = {
    { 2, "--month YYYY-MM or --year YYYY", { "--pdf", path, NULL } },
    { 2, "not both", { "--month", "2024-03", "--year", "2024", "--pdf", path, NULL } },
    { 2, "--pdf FILE", { "--month", "2024-03", NULL } },
    { 2, "--month “2024-13” is not a month", { "--month", "2024-13", "--pdf", path, NULL } },
    { 2, "--year “24” is not a year", { "--year", "24", "--pdf", path, NULL } },
    { 2, "--paper “a5” is not one of a4 or letter", { "--month", "2024-03", "--pdf", path, "--paper", "a5", NULL } },
    { 2, "is a folder", { "--month", "2024-03", "--pdf", fixture->store.dir, NULL } },
    { 2, "the database itself", { "--month", "2024-03", "--pdf", fixture->store.path, NULL } },
    { 2, "Unexpected", { "--month", "2024-03", "--pdf", path, "extra", NULL } },
    { 1, "Could not write", { "--month", "2024-03", "--pdf", missing, NULL } },
  };
  guint n_files;

  outlay_test_add_report_ledger (&fixture->store);
  n_files = outlay_test_count_files (fixture->store.dir);

  assert_refusals (fixture, "report", cases, G_N_ELEMENTS (cases));

  /* Nothing written, not even half a file. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (outlay_test_count_files (fixture->store.dir), ==, n_files);
}

static void
test_help (Fixture      *fixture,
           gconstpointer user_data)
{
  g_auto (Result) result = { 0 };

  run (fixture, &result, "report", "--help");
  assert_success (&result);
  assert_contains (result.out, "outlay report --month 2024-03 --pdf march.pdf");
  assert_contains (result.out, "--paper");

  run (fixture, &result, "--help");
  assert_success (&result);
  assert_contains (result.out, "report");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/cli/report/month", test_month);
  add_test ("/cli/report/json", test_json);
  add_test ("/cli/report/locale-paper", test_locale_paper);
  add_test ("/cli/report/bad-input", test_bad_input);
  add_test ("/cli/report/help", test_help);

  return g_test_run ();
}
