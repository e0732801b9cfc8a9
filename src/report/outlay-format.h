/* outlay-format.h
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

#include <glib.h>

#include "outlay-backups.h"
#include "outlay-category.h"
#include "outlay-expense.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

char *outlay_format_day (const char  *iso_date,
                         const GDate *today);
char *outlay_format_day_heading (const char  *iso_date,
                                 const GDate *today);
char *outlay_format_day_ahead (const GDate *date,
                               const GDate *today);
char *outlay_format_date (const char *iso_date);
const char *outlay_format_budget_state (OutlayBudgetState state);
char *outlay_format_date_with (const GDate *date,
                               const char  *format);
char *outlay_format_month (const char *iso_month);
char *outlay_format_period (const char *start,
                            const char *end);
char *outlay_format_totals (GArray     *totals,
                            const char *currency);

char *outlay_format_totals_spoken (GArray     *totals,
                                   const char *currency);
char *outlay_format_net_spoken (gint64      minor_units,
                                const char *currency);
char *outlay_format_amount_spoken (gint64      minor_units,
                                   const char *currency);
char *outlay_format_expense_spoken (OutlayExpense  *expense,
                                    OutlayCategory *category,
                                    const GDate    *today);

char *outlay_format_percent (gint64   part,
                             gint64   whole,
                             gboolean share);

char *outlay_format_backup_time (GDateTime *created);
char *outlay_format_backup_details (const OutlayBackupInfo *info);

char *outlay_format_sentence (const char *words);
char *outlay_format_rate (const char *currency,
                          const char *rate,
                          const char *quote);

G_END_DECLS
