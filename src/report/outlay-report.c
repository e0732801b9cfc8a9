/* outlay-report.c
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

/* A report of a month or a year, to keep or to share: the total against
 * the period before, spending by category, the last twelve months, the
 * budgets, the largest and the recurring expenses, on A4 or Letter.
 *
 * It lives in src/report, below the window and the command line, because
 * both draw it: the window through GtkPrintOperation (print, or export to
 * PDF), `outlay report` onto a cairo PDF surface without a display. The
 * charts are drawn by the code the Dashboard's widgets draw with
 * (outlay-ring-drawing.c, outlay-bars-drawing.c). This file lays the
 * blocks out on pages and writes the PDF; outlay-report-pages.c draws. */

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "outlay-format.h"
#include "outlay-report-private.h"

#define A4_WIDTH (210 / 25.4 * 72)
#define A4_HEIGHT (297 / 25.4 * 72)
#define LETTER_WIDTH (8.5 * 72)
#define LETTER_HEIGHT (11 * 72)

/**
 * outlay_paper_get_default:
 *
 * Returns: the paper of the locale's LC_PAPER, as GtkPageSetup chooses it:
 *   Letter where it is 216 mm wide (the United States, Canada, …), else A4
 */
OutlayPaper
outlay_paper_get_default (void)
{
#if defined(__GLIBC__) && defined(LC_PAPER)
  /* glibc gives the width in millimetres, as an int in a char *. */
  union
  {
    char *string;
    int   word;
  } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return OUTLAY_PAPER_LETTER;
#endif
  return OUTLAY_PAPER_A4;
}

gboolean
outlay_paper_from_string (const char  *text,
                          OutlayPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_strcmp0 (text, "a4") == 0)
    *paper = OUTLAY_PAPER_A4;
  else if (g_strcmp0 (text, "letter") == 0)
    *paper = OUTLAY_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

const char *
outlay_paper_to_string (OutlayPaper paper)
{
  return paper == OUTLAY_PAPER_LETTER ? "letter" : "a4";
}

/**
 * outlay_paper_get_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
outlay_paper_get_size (OutlayPaper paper,
                       double     *width,
                       double     *height)
{
  *width = paper == OUTLAY_PAPER_LETTER ? LETTER_WIDTH : A4_WIDTH;
  *height = paper == OUTLAY_PAPER_LETTER ? LETTER_HEIGHT : A4_HEIGHT;
}

/**
 * outlay_report_new:
 * @data: (transfer full): the figures
 */
OutlayReport *
outlay_report_new (OutlayReportData *data)
{
  OutlayReport *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_new0 (OutlayReport, 1);
  self->data = data;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (OutlayReportBlock));
  return self;
}

void
outlay_report_free (OutlayReport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->data, outlay_report_data_free);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_free (self);
}

const OutlayReportData *
outlay_report_get_data (OutlayReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data;
}

/**
 * outlay_report_dup_title:
 *
 * Returns: (transfer full): the period the report is of, as people name
 *   it: “November 2026”, “2026”
 */
char *
outlay_report_dup_title (OutlayReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->data->span == OUTLAY_REPORT_MONTH)
    return outlay_format_month (self->data->period);
  return g_strdup (self->data->period);
}

/* The blocks go down a page until the next one does not fit; a heading
 * moves with the block it heads. */
static void
place_blocks (OutlayReport *self)
{
  double top = self->margin;
  double bottom = self->height - self->margin - 24; /* the footer's room */
  double y = top;
  guint  page = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      OutlayReportBlock *block = &g_array_index (self->blocks, OutlayReportBlock, i);
      double             needed = block->height;

      if (block->keep_with_next && i + 1 < self->blocks->len)
        needed += block->space + g_array_index (self->blocks, OutlayReportBlock, i + 1).height;

      if (y > top && y + needed > bottom)
        {
          page++;
          y = top;
        }

      block->page = page;
      block->y = y;
      y += block->height + block->space;
    }

  self->n_pages = page + 1;
}

/**
 * outlay_report_paginate:
 * @cr: what the text will be drawn on, whose font options the layout
 *   follows
 * @width: the page's width, in points (cairo's units on @cr)
 * @height: the page's height
 *
 * Lays the report out on pages of that size.
 *
 * Returns: how many pages it takes
 */
guint
outlay_report_paginate (OutlayReport *self,
                        cairo_t      *cr,
                        double        width,
                        double        height)
{
  PangoContext *context;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->width = width;
  self->height = height;
  /* About 2 cm, a little less on a narrow page. */
  self->margin = MIN (56, width / 10);

  g_array_set_size (self->blocks, 0);
  context = outlay_report_create_context (cr);
  outlay_report_add_blocks (self, context);
  g_object_unref (context);
  place_blocks (self);

  return self->n_pages;
}

/**
 * outlay_report_draw_page:
 * @page: from 0, below what outlay_report_paginate() returned
 *
 * Draws @page onto @cr, whose origin is the page's top left corner and
 * whose unit is the point.
 */
void
outlay_report_draw_page (OutlayReport *self,
                         cairo_t      *cr,
                         guint         page)
{
  PangoContext *context;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  context = outlay_report_create_context (cr);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const OutlayReportBlock *block = &g_array_index (self->blocks, OutlayReportBlock, i);

      if (block->page != page)
        continue;
      cairo_save (cr);
      cairo_translate (cr, self->margin, block->y);
      outlay_report_draw_block (self, cr, context, block);
      cairo_restore (cr);
    }
  outlay_report_draw_footer (self, cr, context, page);
  g_object_unref (context);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  int fd = GPOINTER_TO_INT (closure);

  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return CAIRO_STATUS_WRITE_ERROR;
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_write_error (GError    **error,
                 const char *path,
                 int         code)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (code),
               /* Translators: a file and why it could not be written, e.g. "Could not write
                * /tmp/report.pdf: No space left on device" */
               _("Could not write %s: %s"), name, g_strerror (code));
  return FALSE;
}

/**
 * outlay_report_write_pdf:
 * @path: the file to write; it is replaced only once the whole report is
 *   written, so a failure leaves what was there
 * @n_pages: (out) (optional): how many pages were written
 *
 * Writes the report to a PDF file, without a display: the command line's
 * way. The window goes through GtkPrintOperation, onto the same drawing.
 */
gboolean
outlay_report_write_pdf (OutlayReport *self,
                         const char   *path,
                         OutlayPaper   paper,
                         guint        *n_pages,
                         GError      **error)
{
  g_autofree char *temporary = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t   status;
  cairo_t         *cr;
  double           width, height;
  guint            pages;
  int              fd;
  int              saved_errno;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Beside the file, so that the rename that puts it in place is atomic. */
  temporary = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temporary, O_WRONLY, 0666 & ~0022);
  if (fd < 0)
    return set_write_error (error, path, errno);

  outlay_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, GINT_TO_POINTER (fd), width, height);
  title = outlay_report_dup_title (self);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);

  cr = cairo_create (surface);
  pages = outlay_report_paginate (self, cr, width, height);
  for (guint page = 0; page < pages; page++)
    {
      outlay_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      saved_errno = status == CAIRO_STATUS_WRITE_ERROR ? EIO : EINVAL;
      goto failed;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      saved_errno = errno;
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (temporary, path) != 0)
    {
      saved_errno = errno;
      goto failed;
    }

  if (n_pages != NULL)
    *n_pages = pages;
  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (temporary);
  return set_write_error (error, path, saved_errno);
}
