/* outlay-recurring-rule.h
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

#include <glib-object.h>

#include "outlay-recurrence.h"

G_BEGIN_DECLS

/* How a rule's occurrences become expenses. */
typedef enum
{
  OUTLAY_RECURRING_AUTOMATIC, /* written on their day */
  OUTLAY_RECURRING_CONFIRM,   /* due until confirmed or skipped */
} OutlayRecurringMode;

const char *outlay_recurring_mode_to_string (OutlayRecurringMode mode);
gboolean    outlay_recurring_mode_from_string (const char          *text,
                                               OutlayRecurringMode *mode);

#define OUTLAY_TYPE_RECURRING_RULE (outlay_recurring_rule_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRecurringRule, outlay_recurring_rule, OUTLAY, RECURRING_RULE, GObject)

OutlayRecurringRule *outlay_recurring_rule_new (void);
OutlayRecurringRule *outlay_recurring_rule_copy (OutlayRecurringRule *self);
gboolean             outlay_recurring_rule_equal (OutlayRecurringRule *a,
                                                  OutlayRecurringRule *b);

gint64      outlay_recurring_rule_get_id (OutlayRecurringRule *self);
const char *outlay_recurring_rule_get_uuid (OutlayRecurringRule *self);
/* Minor units of the currency, more than 0. */
gint64                  outlay_recurring_rule_get_amount (OutlayRecurringRule *self);
void                    outlay_recurring_rule_set_amount (OutlayRecurringRule *self,
                                                          gint64               amount);
const char             *outlay_recurring_rule_get_currency (OutlayRecurringRule *self);
void                    outlay_recurring_rule_set_currency (OutlayRecurringRule *self,
                                                            const char          *currency);
const char             *outlay_recurring_rule_get_description (OutlayRecurringRule *self);
void                    outlay_recurring_rule_set_description (OutlayRecurringRule *self,
                                                               const char          *description);
const char             *outlay_recurring_rule_get_note (OutlayRecurringRule *self);
void                    outlay_recurring_rule_set_note (OutlayRecurringRule *self,
                                                        const char          *note);
const char             *outlay_recurring_rule_get_category_uuid (OutlayRecurringRule *self);
void                    outlay_recurring_rule_set_category_uuid (OutlayRecurringRule *self,
                                                                 const char          *category_uuid);
const OutlayRecurrence *outlay_recurring_rule_get_recurrence (OutlayRecurringRule *self);
void                    outlay_recurring_rule_set_recurrence (OutlayRecurringRule    *self,
                                                              const OutlayRecurrence *recurrence);
OutlayRecurringMode     outlay_recurring_rule_get_mode (OutlayRecurringRule *self);
void                    outlay_recurring_rule_set_mode (OutlayRecurringRule *self,
                                                        OutlayRecurringMode  mode);
/* When it was paused, or NULL */
const char *outlay_recurring_rule_get_paused_at (OutlayRecurringRule *self);
void        outlay_recurring_rule_set_paused_at (OutlayRecurringRule *self,
                                                 const char          *paused_at);
/* The last day whose occurrences are written (or, in confirm mode,
 * confirmed or skipped), or NULL before the first */
const char *outlay_recurring_rule_get_done_through (OutlayRecurringRule *self);
const char *outlay_recurring_rule_get_created_at (OutlayRecurringRule *self);
const char *outlay_recurring_rule_get_updated_at (OutlayRecurringRule *self);
const char *outlay_recurring_rule_get_deleted_at (OutlayRecurringRule *self);

char *outlay_recurring_rule_dup_occurrence_uuid (OutlayRecurringRule *self,
                                                 const GDate         *scheduled);

G_END_DECLS
