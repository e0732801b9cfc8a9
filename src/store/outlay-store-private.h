/* outlay-store-private.h
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

#include "outlay-database-private.h"
#include "outlay-budget.h"
#include "outlay-category.h"
#include "outlay-expense.h"
#include "outlay-recurring-rule.h"

G_BEGIN_DECLS

/* The columns every expense query selects, in the order
 * outlay_expense_new_from_statement() reads them. */
#define OUTLAY_EXPENSE_COLUMNS                                                                                    \
  "id, uuid, amount, currency, description, note, category_id, occurred_on, created_at, updated_at, deleted_at, " \
  "import_hash, rule_uuid, scheduled_on, charged_amount, charged_currency"

#define OUTLAY_EXCHANGE_RATE_COLUMNS \
  "id, uuid, currency, quote, day, rate, source, source_name, created_at, updated_at, deleted_at"

#define OUTLAY_CATEGORY_COLUMNS \
  "id, uuid, name, icon_name, color, position, created_at, updated_at, deleted_at, parent_uuid, hidden"
/* What a file of data format 6 or older holds. */
#define OUTLAY_CATEGORY_COLUMNS_V1 \
  "id, uuid, name, icon_name, color, position, created_at, updated_at, deleted_at"

/* Adds the expenses that @condition selects (live ones only: it must say
 * "deleted_at IS NULL") to the per-day summary in one set-based write, what
 * the row triggers would have added one by one. The text of the statement
 * is recorded in tests/fixtures. */
#define OUTLAY_SQL_ADD_EXPENSE_DAYS(condition)                                      \
  "INSERT INTO expense_days (day, category_id, currency, count, total) "            \
  "SELECT occurred_on, category_id, currency, count(*), sum(amount) FROM expenses " \
  "WHERE " condition " GROUP BY 1, 2, 3 "                                           \
  "ON CONFLICT (day, category_id, currency) DO UPDATE "                             \
  "SET count = count + excluded.count, total = total + excluded.total"

OutlayExpense  *outlay_expense_new_from_statement (sqlite3_stmt *stmt);
void            outlay_expense_set_identity (OutlayExpense *self,
                                             gint64         id,
                                             const char    *uuid);
void            outlay_expense_set_timestamps (OutlayExpense *self,
                                               const char    *created_at,
                                               const char    *updated_at,
                                               const char    *deleted_at);
OutlayCategory *outlay_category_new_from_statement (sqlite3_stmt *stmt);

#define OUTLAY_BUDGET_COLUMNS                                                                                  \
  "id, uuid, name, amount, currency, period, every, anchor, range_end, categories, rollover, rollover_cap, " \
  "rollover_from, alerts, position, archived_at, created_at, updated_at, deleted_at"

OutlayBudget *outlay_budget_new_from_statement (sqlite3_stmt *stmt);
void          outlay_budget_set_identity (OutlayBudget *self,
                                          gint64        id,
                                          const char   *uuid,
                                          int           position);
void          outlay_budget_set_timestamps (OutlayBudget *self,
                                            const char   *created_at,
                                            const char   *updated_at,
                                            const char   *deleted_at);
void          outlay_budget_set_archived_at (OutlayBudget *self,
                                             const char   *archived_at);
char         *outlay_budget_dup_categories_text (OutlayBudget *self);
char         *outlay_budget_dup_alerts_text (OutlayBudget *self);

#define OUTLAY_RECURRING_RULE_COLUMNS                                                                           \
  "id, uuid, amount, currency, description, note, category_uuid, start_on, unit, every, weekdays, monthly_on, " \
  "month_day, week_number, weekday, end_count, end_on, weekend, mode, paused_at, done_through, created_at, "    \
  "updated_at, deleted_at"

OutlayRecurringRule *outlay_recurring_rule_new_from_statement (sqlite3_stmt *stmt);
void                 outlay_recurring_rule_set_identity (OutlayRecurringRule *self,
                                                         gint64               id,
                                                         const char          *uuid);
void                 outlay_recurring_rule_set_timestamps (OutlayRecurringRule *self,
                                                           const char          *created_at,
                                                           const char          *updated_at,
                                                           const char          *deleted_at);
void                 outlay_recurring_rule_set_done_through (OutlayRecurringRule *self,
                                                             const char          *done_through);

typedef struct _OutlayRepository OutlayRepository;
typedef gboolean (*OutlayExpenseFunc) (OutlayExpense *expense,
                                       gpointer       user_data,
                                       GError       **error);
typedef struct _OutlayQuery OutlayQuery;
gboolean                    outlay_repository_foreach_expense (OutlayRepository  *self,
                                                               const OutlayQuery *query,
                                                               gboolean           include_deleted,
                                                               OutlayExpenseFunc  func,
                                                               gpointer           user_data,
                                                               GError           **error);
gint64                      outlay_repository_find_category_by_name (OutlayRepository *self,
                                                                     const char       *name);
gboolean                    outlay_repository_validate_expense (OutlayRepository *self,
                                                                OutlayExpense    *expense,
                                                                GError          **error);
gboolean                    outlay_repository_validate_charged (OutlayExpense *expense,
                                                                GError       **error);

typedef struct _OutlayExpenseModel OutlayExpenseModel;
void                               outlay_expense_model_set_follow_in_worker (OutlayExpenseModel *self,
                                                                              gboolean            follow_in_worker);

G_END_DECLS
