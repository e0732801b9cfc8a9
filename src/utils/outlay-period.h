/* outlay-period.h
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

#include "outlay-date.h"

G_BEGIN_DECLS

/* The periods the dashboard and the list filter offer. */
typedef enum
{
  OUTLAY_PERIOD_THIS_MONTH,
  OUTLAY_PERIOD_LAST_MONTH,
  OUTLAY_PERIOD_THIS_YEAR,
  OUTLAY_PERIOD_LAST_12_MONTHS,
  OUTLAY_PERIOD_ALL_TIME,
} OutlayPeriod;

#define OUTLAY_N_PERIODS (OUTLAY_PERIOD_ALL_TIME + 1)

void        outlay_period_get_range (OutlayPeriod period,
                                     const GDate *today,
                                     char       **from,
                                     char       **to);
const char *outlay_period_to_string (OutlayPeriod period);
gboolean    outlay_period_from_string (const char   *text,
                                       OutlayPeriod *period);
const char *outlay_period_get_label (OutlayPeriod period);
gboolean    outlay_period_previous (const char  *from,
                                    const char  *to,
                                    const GDate *today,
                                    char       **previous_from,
                                    char       **previous_to);

G_END_DECLS
