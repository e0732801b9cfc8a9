/* outlay-report-actions.c
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

/* The window's report of a month or a year (issue 18): "win.print-report"
 * opens the print dialog, "win.export-report" asks for a file and writes a
 * PDF without a printer. The report is of the Dashboard's period: this
 * month, last month or this year; over the last 12 months or all time, of
 * this month.
 *
 * The figures are gathered in a worker on its own read connection
 * (OutlayReader), as their cost grows with the ledger; the main loop only
 * draws the pages from them, through GtkPrintOperation, with the drawing
 * `outlay report` writes its PDF with (src/report). */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "outlay-dashboard-page.h"
#include "outlay-format.h"
#include "outlay-period.h"
#include "outlay-reader.h"
#include "outlay-report-actions.h"
#include "outlay-report.h"

typedef struct
{
  OutlayReportSpan span;
  char            *period;
  char            *currency;
  GDate            today;
} Work;

typedef struct
{
  OutlayWindow *window;
  OutlayReader *reader;
  GFile        *export_file; /* NULL to print */
} Job;

static void
work_free (Work *work)
{
  g_free (work->period);
  g_free (work->currency);
  g_free (work);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->reader);
  g_clear_object (&job->export_file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Work, work_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* The month or year of the Dashboard's period. */
static Work *
work_new (OutlayWindow *window)
{
  OutlayDashboardPage *dashboard = OUTLAY_DASHBOARD_PAGE (outlay_window_get_dashboard_page (window));
  g_autoptr (GDate) today = outlay_date_new_today ();
  Work            *work = g_new0 (Work, 1);
  g_autoptr (GDate) day = g_date_copy (today);
  OutlayPeriod     period = OUTLAY_PERIOD_THIS_MONTH;

  work->today = *today;
  work->currency = g_strdup (outlay_dashboard_page_get_currency (dashboard));
  outlay_period_from_string (outlay_dashboard_page_get_period (dashboard), &period);
  switch (period)
    {
    case OUTLAY_PERIOD_THIS_YEAR:
      work->span = OUTLAY_REPORT_YEAR;
      work->period = g_strdup_printf ("%04u", g_date_get_year (today));
      return work;
    case OUTLAY_PERIOD_LAST_MONTH:
      g_date_set_day (day, 1);
      g_date_subtract_months (day, 1);
      break;
    case OUTLAY_PERIOD_THIS_MONTH:
    case OUTLAY_PERIOD_LAST_12_MONTHS:
    case OUTLAY_PERIOD_ALL_TIME:
    default:
      break;
    }
  work->span = OUTLAY_REPORT_MONTH;
  work->period = g_strdup_printf ("%04u-%02u", g_date_get_year (day), g_date_get_month (day));
  return work;
}

static gpointer
gather_thread (OutlayRepository *repository,
               gpointer          data,
               GCancellable     *cancellable,
               GError          **error)
{
  Work *work = data;

  return outlay_report_data_gather (repository, work->span, work->period, work->currency, &work->today, error);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                OutlayReport      *report)
{
  guint n_pages = outlay_report_paginate (report, gtk_print_context_get_cairo_context (context),
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              OutlayReport      *report)
{
  outlay_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
print_done_cb (GtkPrintOperation      *operation,
               GtkPrintOperationResult result,
               OutlayWindow           *window)
{
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        outlay_window_show_error (window, error);
    }
}

/* The pages are the paper's whole size in points, as on the command line:
 * the report keeps its own margins. The paper is the locale's, as a new
 * GtkPageSetup has it, unless the print dialog chooses another. */
static GtkPrintOperation *
create_operation (OutlayReport *report)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autofree char *title = outlay_report_dup_title (report);

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);
  g_object_set_data_full (G_OBJECT (operation), "outlay-report", report, (GDestroyNotify) outlay_report_free);
  return operation;
}

/* Into a temporary file beside @file, renamed over it once complete, so a
 * failure leaves what was there. */
static void
export_pdf (OutlayWindow *window,
            OutlayReport *report,
            GFile        *file)
{
  g_autoptr (GtkPrintOperation) operation = create_operation (report);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *temporary = NULL;
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;
  int                     fd;

  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The report can only be saved to a local file."));
      outlay_window_show_error (window, error);
      return;
    }

  temporary = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp (temporary);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write %s: %s"), path,
                   g_strerror (saved_errno));
      outlay_window_show_error (window, error);
      return;
    }
  close (fd);

  gtk_print_operation_set_export_filename (operation, temporary);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || error != NULL)
    {
      g_unlink (temporary);
      outlay_window_show_error (window, error);
      return;
    }

  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write %s: %s"), path,
                   g_strerror (saved_errno));
      outlay_window_show_error (window, error);
    }
}

static void
print (OutlayWindow *window,
       OutlayReport *report)
{
  g_autoptr (GtkPrintOperation) operation = create_operation (report);
  g_autoptr (GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), window, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (window), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    outlay_window_show_error (window, error);
}

static void
gathered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (Job) job = user_data;
  g_autoptr (GError) error = NULL;
  OutlayReportData *data = outlay_reader_run_finish (OUTLAY_READER (source), result, &error);

  if (data == NULL)
    {
      outlay_window_show_error (job->window, error);
      return;
    }
  /* The window may have closed while the worker read. */
  if (!gtk_widget_get_realized (GTK_WIDGET (job->window)))
    {
      outlay_report_data_free (data);
      return;
    }

  if (job->export_file != NULL)
    export_pdf (job->window, outlay_report_new (data), job->export_file);
  else
    print (job->window, outlay_report_new (data));
}

static void
start (OutlayWindow *window,
       GFile        *export_file)
{
  OutlayDashboardPage *dashboard = OUTLAY_DASHBOARD_PAGE (outlay_window_get_dashboard_page (window));
  Job                 *job = g_new0 (Job, 1);

  job->window = g_object_ref (window);
  job->reader = outlay_reader_new (outlay_dashboard_page_get_repository (dashboard));
  job->export_file = export_file != NULL ? g_object_ref (export_file) : NULL;
  outlay_reader_run_async (job->reader, gather_thread, work_new (window), (GDestroyNotify) work_free,
                           (GDestroyNotify) outlay_report_data_free, NULL, gathered_cb, job);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start (OUTLAY_WINDOW (widget), NULL);
}

static void
on_export_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     OutlayWindow    *window)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    outlay_report_actions_export (window, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (Work) work = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  work = work_new (OUTLAY_WINDOW (widget));
  title = work->span == OUTLAY_REPORT_MONTH ? outlay_format_month (work->period) : g_strdup (work->period);

  chooser = gtk_file_chooser_native_new (_("Export Report as PDF"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name a report is offered under: "Spending Report November 2026.pdf" */
  name = g_strdup_printf (_("Spending Report %s.pdf"), title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * outlay_report_actions_add:
 * @window_class: the main window's class
 *
 * Installs "win.print-report" (Ctrl+P), which prints the report of the
 * Dashboard's period, and "win.export-report", which saves it as a PDF.
 */
void
outlay_report_actions_add (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.print-report", NULL, print_action);
  gtk_widget_class_install_action (window_class, "win.export-report", NULL, export_action);
  gtk_widget_class_add_binding_action (window_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-report", NULL);
}

/**
 * outlay_report_actions_export:
 * @file: the PDF to write
 *
 * Writes the report of the Dashboard's period to @file, as "Export Report
 * as PDF…" does once its file is chosen: the figures in a worker, then the
 * pages through GtkPrintOperation's export, which needs no printer.
 */
void
outlay_report_actions_export (OutlayWindow *window,
                              GFile        *file)
{
  g_return_if_fail (OUTLAY_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  start (window, file);
}
