/* outlay-report.h: a month or a year on paper
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

#pragma once

#include <cairo.h>

#include "outlay-report-data.h"

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_PAPER_A4,
  OUTLAY_PAPER_LETTER,
} OutlayPaper;

OutlayPaper outlay_paper_get_default (void);
gboolean    outlay_paper_from_string (const char  *text,
                                      OutlayPaper *paper);
const char *outlay_paper_to_string (OutlayPaper paper);
void        outlay_paper_get_size (OutlayPaper paper,
                                   double     *width,
                                   double     *height);

typedef struct _OutlayReport OutlayReport;

OutlayReport           *outlay_report_new (OutlayReportData *data);
void                    outlay_report_free (OutlayReport *self);
const OutlayReportData *outlay_report_get_data (OutlayReport *self);
char                   *outlay_report_dup_title (OutlayReport *self);
guint                   outlay_report_paginate (OutlayReport *self,
                                                cairo_t      *cr,
                                                double        width,
                                                double        height);
void                    outlay_report_draw_page (OutlayReport *self,
                                                 cairo_t      *cr,
                                                 guint         page);
gboolean                outlay_report_write_pdf (OutlayReport *self,
                                                 const char   *path,
                                                 OutlayPaper   paper,
                                                 guint        *n_pages,
                                                 GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayReport, outlay_report_free)

G_END_DECLS
