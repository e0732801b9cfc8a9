/* outlay-recurrence.h
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

/* The days a recurring expense falls on: every N days, weeks (on chosen
 * weekdays), months (on a day, the last day, or the Nth or last weekday)
 * or years, from a start day, until a day or for a number of times, with
 * a rule for weekends. */
typedef enum
{
  OUTLAY_REPEAT_DAILY,
  OUTLAY_REPEAT_WEEKLY,
  OUTLAY_REPEAT_MONTHLY,
  OUTLAY_REPEAT_YEARLY,
} OutlayRepeatUnit;

typedef enum
{
  OUTLAY_MONTHLY_ON_DAY, /* day N; the month's last day where it has fewer */
  OUTLAY_MONTHLY_LAST_DAY,
  OUTLAY_MONTHLY_ON_WEEKDAY, /* the Nth (1 to 4) or the last (-1) weekday */
} OutlayMonthlyOn;

typedef enum
{
  OUTLAY_WEEKEND_KEEP,
  OUTLAY_WEEKEND_BEFORE, /* the Friday before */
  OUTLAY_WEEKEND_AFTER,  /* the Monday after */
  OUTLAY_WEEKEND_SKIP,
} OutlayWeekendRule;

typedef enum
{
  OUTLAY_REPEAT_END_NEVER,
  OUTLAY_REPEAT_END_COUNT, /* after so many occurrences */
  OUTLAY_REPEAT_END_UNTIL, /* none scheduled after a day */
} OutlayRepeatEnd;

/* A weekday's bit in OutlayRecurrence.weekdays: Monday is bit 0. */
#define OUTLAY_WEEKDAY_BIT(weekday) (1u << ((weekday) -1))

typedef struct
{
  OutlayRepeatUnit  unit;
  guint             interval; /* every 1 to 1000 units */
  GDate             start;
  guint             weekdays;    /* weekly: OUTLAY_WEEKDAY_BIT()s */
  OutlayMonthlyOn   monthly_on;  /* monthly */
  guint             month_day;   /* monthly on a day: 1 to 31 */
  int               week_number; /* monthly on a weekday: 1 to 4, or -1 for the last */
  GDateWeekday      weekday;     /* monthly on a weekday */
  OutlayRepeatEnd   end;
  guint             count; /* OUTLAY_REPEAT_END_COUNT: 1 or more */
  GDate             until; /* OUTLAY_REPEAT_END_UNTIL */
  OutlayWeekendRule weekend;
} OutlayRecurrence;

/* One time a recurrence falls. */
typedef struct
{
  GDate   scheduled; /* the day the schedule names: which occurrence it is */
  GDate   day;       /* the day it falls on, after the weekend rule */
  guint64 number;    /* 0 for the first the schedule names */
} OutlayOccurrence;

#define OUTLAY_RECURRENCE_ERROR (outlay_recurrence_error_quark ())

typedef enum
{
  OUTLAY_RECURRENCE_ERROR_INVALID,
} OutlayRecurrenceError;

GQuark outlay_recurrence_error_quark (void);

void     outlay_recurrence_init (OutlayRecurrence *recurrence,
                                 OutlayRepeatUnit  unit,
                                 guint             interval,
                                 const GDate      *start);
gboolean outlay_recurrence_validate (const OutlayRecurrence *recurrence,
                                     GError                **error);

GArray  *outlay_recurrence_between (const OutlayRecurrence *recurrence,
                                    const GDate            *from,
                                    const GDate            *to,
                                    guint                   limit);
gboolean outlay_recurrence_next (const OutlayRecurrence *recurrence,
                                 const GDate            *from,
                                 OutlayOccurrence       *occurrence);
gboolean outlay_recurrence_get_last (const OutlayRecurrence *recurrence,
                                     OutlayOccurrence       *occurrence);
char    *outlay_recurrence_describe (const OutlayRecurrence *recurrence);
gint64   outlay_recurrence_monthly_equivalent (const OutlayRecurrence *recurrence,
                                               gint64                  amount);

const char  *outlay_repeat_unit_to_string (OutlayRepeatUnit unit);
gboolean     outlay_repeat_unit_from_string (const char       *text,
                                             OutlayRepeatUnit *unit);
const char  *outlay_monthly_on_to_string (OutlayMonthlyOn monthly_on);
gboolean     outlay_monthly_on_from_string (const char      *text,
                                            OutlayMonthlyOn *monthly_on);
const char  *outlay_weekend_rule_to_string (OutlayWeekendRule rule);
gboolean     outlay_weekend_rule_from_string (const char        *text,
                                              OutlayWeekendRule *rule);
const char  *outlay_weekday_to_code (GDateWeekday weekday);
GDateWeekday outlay_weekday_from_code (const char *code);

G_END_DECLS
