/* outlay-format.h
 *
 * Copyright 2026 The Outlay authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "outlay-category.h"
#include "outlay-expense.h"

G_BEGIN_DECLS

char *outlay_format_day (const char  *iso_date,
                         const GDate *today);
char *outlay_format_day_heading (const char  *iso_date,
                                 const GDate *today);
char *outlay_format_date (const char *iso_date);
char *outlay_format_month (const char *iso_month);
char *outlay_format_totals (GArray     *totals,
                            const char *currency);

char *outlay_format_totals_spoken (GArray     *totals,
                                   const char *currency);
char *outlay_format_amount_spoken (gint64      minor_units,
                                   const char *currency);
char *outlay_format_expense_spoken (OutlayExpense  *expense,
                                    OutlayCategory *category,
                                    const GDate    *today);

G_END_DECLS
