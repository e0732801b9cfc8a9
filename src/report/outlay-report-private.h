/* outlay-report-private.h: what the report's files share
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

#include <pango/pangocairo.h>

#include "outlay-report.h"

G_BEGIN_DECLS

/* A report is a column of blocks, laid out on pages: a block never
 * breaks, and a heading stays with the block after it. */
typedef enum
{
  BLOCK_HEADER,
  BLOCK_HERO,
  BLOCK_HEADING,
  BLOCK_CATEGORIES,
  BLOCK_TREND,
  BLOCK_BUDGET,
  BLOCK_EXPENSE,
  BLOCK_RECURRING,
} OutlayReportBlockKind;

typedef struct
{
  OutlayReportBlockKind kind;
  guint                 index;  /* the row, for the lists */
  const char           *text;   /* a heading's */
  double                height;
  double                space;  /* below it */
  gboolean              keep_with_next;
  guint                 page;
  double                y;
} OutlayReportBlock;

struct _OutlayReport
{
  OutlayReportData *data;
  double            width;  /* the page's, in points */
  double            height;
  double            margin;
  GArray           *blocks; /* OutlayReportBlock */
  guint             n_pages;
};

PangoContext *outlay_report_create_context (cairo_t *cr);
void          outlay_report_add_blocks (OutlayReport *self,
                                        PangoContext *context);
void          outlay_report_draw_block (OutlayReport            *self,
                                        cairo_t                 *cr,
                                        PangoContext            *context,
                                        const OutlayReportBlock *block);
void          outlay_report_draw_footer (OutlayReport *self,
                                         cairo_t      *cr,
                                         PangoContext *context,
                                         guint         page);

G_END_DECLS
