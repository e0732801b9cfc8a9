/* outlay-cli-report.c: outlay report
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

/* `outlay report --month YYYY-MM --pdf FILE`: the report the window
 * prints, written to a PDF without a display, through the same drawing
 * (src/report) onto a cairo PDF surface. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cli-private.h"
#include "outlay-report.h"

static gboolean
parse_year (const char *text,
            GError    **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (outlay_report_period_parse (OUTLAY_REPORT_YEAR, text, &from, &to))
    return TRUE;

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
               _("--year “%s” is not a year: write YYYY, such as 2024."), text);
  return FALSE;
}

gboolean
outlay_cli_report (OutlayCli *cli,
                   char     **argv,
                   GError   **error)
{
  g_autofree char   *month_text = NULL;
  g_autofree char   *year_text = NULL;
  g_autofree char   *pdf_text = NULL;
  g_autofree char   *paper_text = NULL;
  g_autofree char   *currency_text = NULL;
  const GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_FILENAME, &month_text, N_("The month to report on"), N_("YYYY-MM") },
    { "year", 'y', 0, G_OPTION_ARG_FILENAME, &year_text, N_("The year to report on"), N_("YYYY") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_text, N_("The PDF file to write"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_FILENAME, &paper_text,
      N_("a4 or letter (default: the locale’s paper, LC_PAPER)"), N_("PAPER") },
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &currency_text,
      N_("The currency to add up (default: the one chosen in Preferences, else the locale’s)"), N_("CODE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *title = NULL;
  g_autoptr (OutlayReport) report = NULL;
  OutlayReportData *data;
  OutlayReportSpan  span = OUTLAY_REPORT_MONTH;
  OutlayPaper       paper = outlay_paper_get_default ();
  guint             n_pages = 0;

  context = outlay_cli_context_new (cli, NULL,
                                    _("Writes a report of a month or a year to a PDF file, as the window prints it: "
                                      "the total against the period before, spending by category, the last 12 "
                                      "months, the budgets with their progress, the largest expenses and the "
                                      "recurring ones. Amounts and dates follow the locale. FILE is replaced only "
                                      "once it is complete."),
                                    _("Examples:\n"
                                      "  outlay report --month 2024-03 --pdf march.pdf\n"
                                      "  outlay report --year 2024 --pdf 2024.pdf --paper letter\n"
                                      "\n"
                                      "With --json, what was written:\n"),
                                    "  { \"path\": \"march.pdf\", \"pages\": 2, \"period\": \"2024-03\",\n"
                                    "    \"from\": \"2024-03-01\", \"to\": \"2024-03-31\", \"paper\": \"a4\",\n"
                                    "    \"currency\": \"EUR\" }\n",
                                    entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error))
    return FALSE;

  if (month_text != NULL && year_text != NULL)
    return outlay_cli_usage_error (error, _("Give --month or --year, not both."));
  if (month_text == NULL && year_text == NULL)
    return outlay_cli_usage_error (error, _("Say what to report on: --month YYYY-MM or --year YYYY."));
  if (pdf_text == NULL || pdf_text[0] == '\0')
    return outlay_cli_usage_error (error, _("Say where to write the report: --pdf FILE."));
  if (paper_text != NULL && !outlay_paper_from_string (paper_text, &paper))
    return outlay_cli_usage_error (error, _("--paper “%s” is not one of a4 or letter."), paper_text);

  if (month_text != NULL && !outlay_cli_parse_month (month_text, &from, &to, error))
    return FALSE;
  if (year_text != NULL)
    {
      if (!parse_year (year_text, error))
        return FALSE;
      span = OUTLAY_REPORT_YEAR;
    }
  if (currency_text != NULL && !outlay_cli_parse_currency (currency_text, &currency, error))
    return FALSE;
  if (g_file_test (pdf_text, G_FILE_TEST_IS_DIR))
    return outlay_cli_usage_error (error, _("“%s” is a folder; give the PDF file to write."), pdf_text);

  if (!outlay_cli_open (cli, FALSE, error))
    return FALSE;
  if (outlay_cli_same_file (pdf_text, outlay_database_get_path (cli->database)))
    return outlay_cli_usage_error (error, _("“%s” is the database itself; give another file."), pdf_text);

  if (currency == NULL)
    currency = outlay_cli_dup_default_currency (cli);

  data = outlay_report_data_gather (cli->repository, span, span == OUTLAY_REPORT_MONTH ? month_text : year_text,
                                    currency, today, error);
  if (data == NULL)
    return FALSE;
  report = outlay_report_new (data);

  if (!outlay_report_write_pdf (report, pdf_text, paper, &n_pages, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "path", pdf_text);
      outlay_cli_json_add_int (builder, "pages", n_pages);
      outlay_cli_json_add_string (builder, "period", data->period);
      outlay_cli_json_add_string (builder, "from", data->from);
      outlay_cli_json_add_string (builder, "to", data->to);
      outlay_cli_json_add_string (builder, "paper", outlay_paper_to_string (paper));
      outlay_cli_json_add_string (builder, "currency", data->currency);
      json_builder_end_object (builder);
      outlay_cli_json_print (builder);
      return TRUE;
    }

  title = outlay_report_dup_title (report);
  outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Wrote the report of %s (%u page) to “%s”.\n",
                                 "Wrote the report of %s (%u pages) to “%s”.\n", n_pages),
                    title, n_pages, pdf_text);
  return TRUE;
}
