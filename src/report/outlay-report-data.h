/* outlay-report-data.h: the figures of a report
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

#include "outlay-repository.h"

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_REPORT_MONTH,
  OUTLAY_REPORT_YEAR,
} OutlayReportSpan;

typedef struct
{
  char  *name;
  char  *color; /* "#rrggbb" */
  gint64 total;
  guint  count;
} OutlayReportCategory;

typedef struct
{
  char             *name;
  char             *currency;
  char              period_start[11];
  char              period_end[11];
  gint64            available;
  gint64            spent;
  OutlayBudgetState state;
} OutlayReportBudget;

typedef struct
{
  char  *date;
  char  *description;
  char  *category;
  char  *color;
  gint64 amount;
  char  *currency;
} OutlayReportExpense;

typedef struct
{
  char  *description;
  char  *repeats; /* "Every month on the 3rd" */
  char  *category;
  char  *color;
  gint64 amount;
  char  *currency;
} OutlayReportRecurring;

/* Everything a report shows, copied out of the store so that it can be
 * gathered in a worker and drawn on the main thread. */
typedef struct
{
  OutlayReportSpan span;
  char            *period;  /* "2026-11" or "2026" */
  char            *from;    /* the whole period */
  char            *to;
  char            *through; /* the last day counted: @to, or today while the period runs */
  char            *made_on; /* today */
  char            *currency;
  OutlayTotal      total;
  char            *previous_from; /* NULL when there is nothing to compare with */
  char            *previous_to;
  OutlayTotal      previous;
  GArray          *categories; /* OutlayReportCategory, largest first, with the ones under them */
  GArray          *months;     /* OutlayPeriodTotal: the 12 months up to the period's last */
  char            *highlight;  /* the month of @months in the accent colour */
  GArray          *budgets;    /* OutlayReportBudget */
  GArray          *largest;    /* OutlayReportExpense */
  GArray          *recurring;  /* OutlayReportRecurring */
} OutlayReportData;

#define OUTLAY_REPORT_N_LARGEST 8
#define OUTLAY_REPORT_N_MONTHS 12

gboolean          outlay_report_period_parse (OutlayReportSpan span,
                                              const char      *period,
                                              char           **from,
                                              char           **to);
OutlayReportData *outlay_report_data_gather (OutlayRepository *repository,
                                             OutlayReportSpan  span,
                                             const char       *period,
                                             const char       *currency,
                                             const GDate      *today,
                                             GError          **error);
void              outlay_report_data_free (OutlayReportData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayReportData, outlay_report_data_free)

G_END_DECLS
