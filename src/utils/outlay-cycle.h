/* outlay-cycle.h
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

G_BEGIN_DECLS

/* A period that repeats: every N weeks, months or years from an anchor day,
 * or one range of days. Budgets count in them; recurring expenses will
 * fall on them. */
typedef enum
{
  OUTLAY_CYCLE_WEEK,
  OUTLAY_CYCLE_MONTH,
  OUTLAY_CYCLE_YEAR,
  OUTLAY_CYCLE_RANGE, /* once: from the anchor to the range's last day */
} OutlayCycleUnit;

typedef struct
{
  OutlayCycleUnit unit;
  guint           every;  /* 1 or more */
  GDate           anchor; /* the first day of period 0 */
  GDate           last;   /* OUTLAY_CYCLE_RANGE only: its last day */
} OutlayCycle;

#define OUTLAY_CYCLE_ERROR (outlay_cycle_error_quark ())

typedef enum
{
  OUTLAY_CYCLE_ERROR_INVALID,
} OutlayCycleError;

GQuark outlay_cycle_error_quark (void);

/* The most periods apart two days can be that a cycle counts: every week
 * of the years 1900 to 2999 fits. */
#define OUTLAY_CYCLE_MAX_INDEX 60000

const char *outlay_cycle_unit_to_string (OutlayCycleUnit unit);
gboolean    outlay_cycle_unit_from_string (const char      *text,
                                           OutlayCycleUnit *unit);

gboolean outlay_cycle_init (OutlayCycle    *cycle,
                            OutlayCycleUnit unit,
                            guint           every,
                            const char     *anchor,
                            const char     *last,
                            GError        **error);
gboolean outlay_cycle_get_start (const OutlayCycle *cycle,
                                 gint64             index,
                                 GDate             *start);
gboolean outlay_cycle_get_period (const OutlayCycle *cycle,
                                  gint64             index,
                                  GDate             *start,
                                  GDate             *end);
gboolean outlay_cycle_find (const OutlayCycle *cycle,
                            const GDate       *day,
                            gint64            *index);

guint outlay_locale_first_weekday (void);

G_END_DECLS
