/* outlay-budget.h
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

#include "outlay-cycle.h"

G_BEGIN_DECLS

/* What a budget does with what is left, or overspent, at a period's end. */
typedef enum
{
  OUTLAY_ROLLOVER_NONE,    /* every period starts fresh */
  OUTLAY_ROLLOVER_SURPLUS, /* what is left carries into the next period */
  OUTLAY_ROLLOVER_BOTH,    /* what is left and what is overspent carry */
} OutlayRollover;

const char *outlay_rollover_to_string (OutlayRollover rollover);
gboolean    outlay_rollover_from_string (const char     *text,
                                         OutlayRollover *rollover);

#define OUTLAY_TYPE_BUDGET (outlay_budget_get_type ())

G_DECLARE_FINAL_TYPE (OutlayBudget, outlay_budget, OUTLAY, BUDGET, GObject)

OutlayBudget *outlay_budget_new (void);
OutlayBudget *outlay_budget_copy (OutlayBudget *self);
gboolean      outlay_budget_equal (OutlayBudget *a,
                                   OutlayBudget *b);

gint64             outlay_budget_get_id (OutlayBudget *self);
const char        *outlay_budget_get_uuid (OutlayBudget *self);
const char        *outlay_budget_get_name (OutlayBudget *self);
void               outlay_budget_set_name (OutlayBudget *self,
                                           const char   *name);
/* Minor units of the currency a period; 0 watches without a limit. */
gint64             outlay_budget_get_amount (OutlayBudget *self);
void               outlay_budget_set_amount (OutlayBudget *self,
                                             gint64        amount);
const char        *outlay_budget_get_currency (OutlayBudget *self);
void               outlay_budget_set_currency (OutlayBudget *self,
                                               const char   *currency);
OutlayCycleUnit    outlay_budget_get_period (OutlayBudget *self);
guint              outlay_budget_get_every (OutlayBudget *self);
const char        *outlay_budget_get_anchor (OutlayBudget *self);
const char        *outlay_budget_get_range_end (OutlayBudget *self);
void               outlay_budget_set_cycle (OutlayBudget   *self,
                                            OutlayCycleUnit period,
                                            guint           every,
                                            const char     *anchor,
                                            const char     *range_end);
gboolean           outlay_budget_get_cycle (OutlayBudget *self,
                                            OutlayCycle  *cycle,
                                            GError      **error);
/* The uuids of the categories it counts; empty: every category. */
const char *const *outlay_budget_get_categories (OutlayBudget *self);
void               outlay_budget_set_categories (OutlayBudget      *self,
                                                 const char *const *category_uuids);
OutlayRollover     outlay_budget_get_rollover (OutlayBudget *self);
/* -1 for no cap */
gint64             outlay_budget_get_rollover_cap (OutlayBudget *self);
/* NULL: from the first period */
const char        *outlay_budget_get_rollover_from (OutlayBudget *self);
void               outlay_budget_set_rollover (OutlayBudget  *self,
                                               OutlayRollover rollover,
                                               gint64         cap,
                                               const char    *from);
/* Percents of the period's amount at which to tell, ascending. */
GArray            *outlay_budget_get_alerts (OutlayBudget *self);
void               outlay_budget_set_alerts (OutlayBudget *self,
                                             const guint  *percents,
                                             guint         n_percents);
int                outlay_budget_get_position (OutlayBudget *self);
const char        *outlay_budget_get_archived_at (OutlayBudget *self);
const char        *outlay_budget_get_created_at (OutlayBudget *self);
const char        *outlay_budget_get_updated_at (OutlayBudget *self);
const char        *outlay_budget_get_deleted_at (OutlayBudget *self);

G_END_DECLS
