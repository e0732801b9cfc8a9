/* outlay-repository.h
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

#include <gio/gio.h>

#include "outlay-date.h"
#include "outlay-budget.h"
#include "outlay-recurring-rule.h"
#include "outlay-category.h"
#include "outlay-database.h"
#include "outlay-expense.h"
#include "outlay-exchange-rate.h"
#include "outlay-history-entry.h"
#include "outlay-query.h"
#include "outlay-rate-book.h"
#include "outlay-rule-set.h"

G_BEGIN_DECLS

#define OUTLAY_DESCRIPTION_MAX_LENGTH 200
#define OUTLAY_NOTE_MAX_LENGTH 2000
#define OUTLAY_CATEGORY_NAME_MAX_LENGTH 60

#define OUTLAY_REPOSITORY_ERROR (outlay_repository_error_quark ())

/* Each validation error names the field it is about. */
typedef enum
{
  OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
  OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
  OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY,
  OUTLAY_REPOSITORY_ERROR_INVALID_DATE,
  OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION,
  OUTLAY_REPOSITORY_ERROR_INVALID_NOTE,
  OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY,
  OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
  OUTLAY_REPOSITORY_ERROR_INVALID_COLOR,
  OUTLAY_REPOSITORY_ERROR_INVALID_ICON,
  OUTLAY_REPOSITORY_ERROR_INVALID_POSITION,
  OUTLAY_REPOSITORY_ERROR_PROTECTED,
  OUTLAY_REPOSITORY_ERROR_INVALID_PERIOD,
  OUTLAY_REPOSITORY_ERROR_INVALID_ALERT,
  OUTLAY_REPOSITORY_ERROR_INVALID_CAP,     /* the most a budget carries */
  OUTLAY_REPOSITORY_ERROR_INVALID_PARENT,  /* the category a category is under */
  OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN, /* what a rule looks for, and where */
  OUTLAY_REPOSITORY_ERROR_INVALID_CHARGED, /* what the card was charged in another currency */
  OUTLAY_REPOSITORY_ERROR_INVALID_RATE,    /* an exchange rate */
} OutlayRepositoryError;

typedef enum
{
  OUTLAY_CHANGE_ADDED,
  OUTLAY_CHANGE_UPDATED,
  OUTLAY_CHANGE_REMOVED,
  OUTLAY_CHANGE_RESTORED,
  /* Many rows changed at once (bulk insert, a category deleted): reload. */
  OUTLAY_CHANGE_RESET,
} OutlayChangeKind;

/* What the "expenses-changed" signal carries: the row before and after the
 * committed write. @before is %NULL for an addition; a removal's @after and
 * a restore's @before carry a deleted_at. Both are %NULL for a reset. */
typedef struct
{
  OutlayChangeKind kind;
  OutlayExpense   *before;
  OutlayExpense   *after;
} OutlayExpenseChange;

typedef struct
{
  gint64 total;
  guint  count;
} OutlayTotal;

typedef struct
{
  char   currency[4];
  gint64 total;
  guint  count;
} OutlayCurrencyTotal;

typedef struct
{
  gint64 category_id;
  gint64 total;
  guint  count;
} OutlayCategoryTotal;

typedef struct
{
  char   period[11]; /* "YYYY-MM" for months, "YYYY-MM-DD" for days */
  gint64 total;
  guint  count;
} OutlayPeriodTotal;

typedef struct
{
  char  *description;
  gint64 category_id;
  gint64 amount;
  char  *currency;
} OutlaySuggestion;

#define OUTLAY_TYPE_REPOSITORY (outlay_repository_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRepository, outlay_repository, OUTLAY, REPOSITORY, GObject)

GQuark            outlay_repository_error_quark (void);
OutlayRepository *outlay_repository_new (OutlayDatabase *database);
OutlayDatabase   *outlay_repository_get_database (OutlayRepository *self);
gboolean          outlay_repository_check_external_changes (OutlayRepository *self);
void              outlay_repository_reload (OutlayRepository *self);

/* The ledger's currency: what "Automatic" means */
char    *outlay_repository_dup_currency (OutlayRepository *self,
                                         const char       *fallback);
gboolean outlay_repository_set_currency (OutlayRepository *self,
                                         const char       *currency,
                                         GError          **error);
gboolean outlay_repository_ensure_currency (OutlayRepository *self,
                                            const char       *fallback,
                                            GError          **error);
gboolean outlay_repository_has_currency (OutlayRepository *self);
gboolean outlay_repository_record_currency (OutlayRepository *self,
                                            const char       *currency,
                                            GError          **error);

/* Expenses */
OutlayExpense *outlay_repository_add_expense (OutlayRepository *self,
                                              OutlayExpense    *draft,
                                              GError          **error);
gboolean       outlay_repository_add_expenses (OutlayRepository *self,
                                               OutlayExpense   **drafts,
                                               guint             n_drafts,
                                               GError          **error);
OutlayExpense *outlay_repository_update_expense (OutlayRepository *self,
                                                 OutlayExpense    *expense,
                                                 GError          **error);
OutlayExpense *outlay_repository_delete_expense (OutlayRepository *self,
                                                 gint64            id,
                                                 GError          **error);
OutlayExpense *outlay_repository_restore_expense (OutlayRepository *self,
                                                  gint64            id,
                                                  GError          **error);
OutlayExpense *outlay_repository_get_expense (OutlayRepository *self,
                                              gint64            id,
                                              GError          **error);
OutlayExpense *outlay_repository_get_expense_by_uuid (OutlayRepository *self,
                                                      const char       *uuid,
                                                      GError          **error);
GPtrArray     *outlay_repository_find_expenses (OutlayRepository  *self,
                                                const OutlayQuery *query,
                                                guint              offset,
                                                guint              limit,
                                                GError           **error);
GPtrArray     *outlay_repository_search_recent (OutlayRepository *self,
                                                const char       *text,
                                                guint             limit,
                                                GError          **error);
gboolean       outlay_repository_count_expenses (OutlayRepository  *self,
                                                 const OutlayQuery *query,
                                                 guint             *count,
                                                 GError           **error);
GArray        *outlay_repository_find_expense_ids (OutlayRepository  *self,
                                                   const OutlayQuery *query,
                                                   GError           **error);

GArray *outlay_repository_summarize (OutlayRepository  *self,
                                     const OutlayQuery *query,
                                     guint             *n_all,
                                     GError           **error);

/* Categories (outlay-repository-categories.c) */

/* What outlay_repository_change_category() changes: %NULL leaves a field
 * as it is; a @parent_uuid of "" puts the category at the top. */
typedef struct
{
  const char *name;
  const char *icon_name;
  const char *color;
  const char *parent_uuid;
} OutlayCategoryChanges;

GListModel     *outlay_repository_get_categories (OutlayRepository *self);
OutlayCategory *outlay_repository_lookup_category (OutlayRepository *self,
                                                   gint64            id);
OutlayCategory *outlay_repository_lookup_category_by_uuid (OutlayRepository *self,
                                                           const char       *uuid);
OutlayCategory *outlay_repository_find_category (OutlayRepository *self,
                                                 const char       *name);
OutlayCategory *outlay_repository_get_fallback_category (OutlayRepository *self);
OutlayCategory *outlay_repository_get_parent_category (OutlayRepository *self,
                                                       OutlayCategory   *category);
GPtrArray      *outlay_repository_list_subcategories (OutlayRepository *self,
                                                      OutlayCategory   *category);
gboolean        outlay_repository_is_category_offered (OutlayRepository *self,
                                                       OutlayCategory   *category);
char           *outlay_repository_dup_category_path (OutlayRepository *self,
                                                     OutlayCategory   *category);
GArray         *outlay_repository_expand_category_ids (OutlayRepository *self,
                                                       const gint64     *ids,
                                                       guint             n_ids);
OutlayCategory *outlay_repository_add_category (OutlayRepository *self,
                                                const char       *name,
                                                const char       *icon_name,
                                                const char       *color,
                                                GError          **error);
OutlayCategory *outlay_repository_add_subcategory (OutlayRepository *self,
                                                   OutlayCategory   *parent,
                                                   const char       *name,
                                                   const char       *icon_name,
                                                   const char       *color,
                                                   GError          **error);
gboolean        outlay_repository_change_category (OutlayRepository            *self,
                                                   gint64                       id,
                                                   const OutlayCategoryChanges *changes,
                                                   GError                     **error);
gboolean        outlay_repository_rename_category (OutlayRepository *self,
                                                   gint64            id,
                                                   const char       *name,
                                                   GError          **error);
gboolean        outlay_repository_recolor_category (OutlayRepository *self,
                                                    gint64            id,
                                                    const char       *color,
                                                    GError          **error);
gboolean        outlay_repository_set_category_hidden (OutlayRepository *self,
                                                       gint64            id,
                                                       gboolean          hidden,
                                                       GError          **error);
gboolean        outlay_repository_move_category (OutlayRepository *self,
                                                 gint64            id,
                                                 guint             position,
                                                 GError          **error);

/* Deleting and merging (outlay-repository-category-removal.c) */
typedef struct _OutlayCategoryRemoval OutlayCategoryRemoval;

#define OUTLAY_TYPE_CATEGORY_REMOVAL (outlay_category_removal_get_type ())

GType                  outlay_category_removal_get_type (void) G_GNUC_CONST;
OutlayCategoryRemoval *outlay_category_removal_ref (OutlayCategoryRemoval *removal);
void                   outlay_category_removal_unref (OutlayCategoryRemoval *removal);
gint64                 outlay_category_removal_get_category_id (OutlayCategoryRemoval *removal);
gint64                 outlay_category_removal_get_into_id (OutlayCategoryRemoval *removal);
guint                  outlay_category_removal_get_n_expenses (OutlayCategoryRemoval *removal);
guint                  outlay_category_removal_get_n_subcategories (OutlayCategoryRemoval *removal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayCategoryRemoval, outlay_category_removal_unref)

OutlayCategoryRemoval *outlay_repository_remove_category (OutlayRepository *self,
                                                          gint64            id,
                                                          gint64            into_id,
                                                          gboolean          merge,
                                                          GError          **error);
gboolean               outlay_repository_undo_category_removal (OutlayRepository      *self,
                                                                OutlayCategoryRemoval *removal,
                                                                GError               **error);
gboolean               outlay_repository_delete_category (OutlayRepository *self,
                                                          gint64            id,
                                                          guint            *n_moved,
                                                          GError          **error);

/* Aggregates over [from, to] (either may be %NULL for no limit) */
gboolean outlay_repository_get_total (OutlayRepository *self,
                                      const char       *currency,
                                      const char       *from,
                                      const char       *to,
                                      OutlayTotal      *total,
                                      GError          **error);
gboolean outlay_repository_has_refunds (OutlayRepository *self,
                                        gboolean         *has_refunds,
                                        GError          **error);
GArray  *outlay_repository_totals_by_category (OutlayRepository *self,
                                               const char       *currency,
                                               const char       *from,
                                               const char       *to,
                                               GError          **error);
GArray  *outlay_repository_roll_up_category_totals (OutlayRepository *self,
                                                    GArray           *totals);
GArray  *outlay_repository_totals_by_month (OutlayRepository *self,
                                            const char       *currency,
                                            const char       *from,
                                            const char       *to,
                                            GError          **error);
GArray  *outlay_repository_totals_by_day (OutlayRepository *self,
                                          const char       *currency,
                                          const char       *from,
                                          const char       *to,
                                          GError          **error);

gint64     outlay_repository_get_latest_category_id (OutlayRepository *self,
                                                     GError          **error);
GPtrArray *outlay_repository_suggest_descriptions (OutlayRepository *self,
                                                   const char       *prefix,
                                                   guint             limit,
                                                   GError          **error);

/* Budgets (outlay-repository-budgets.c) */

typedef enum
{
  OUTLAY_BUDGET_WATCHING,      /* an amount of 0: what was spent, no limit */
  OUTLAY_BUDGET_ON_TRACK,      /* spending no faster than the period passes */
  OUTLAY_BUDGET_AHEAD_OF_PACE, /* spending faster than the period passes */
  OUTLAY_BUDGET_FULLY_USED,    /* exactly all of it: not over */
  OUTLAY_BUDGET_OVER,
} OutlayBudgetState;

const char *outlay_budget_state_to_string (OutlayBudgetState state);

/* A budget in the period a day falls in. */
typedef struct
{
  char              period_start[11];
  char              period_end[11];
  gint64            amount;    /* this period's: the budget's, or its override */
  gint64            carried;   /* from the periods before: negative when overspent */
  gint64            available; /* amount + carried */
  gint64            spent;     /* refunds lower it */
  gint64            remaining; /* available - spent: negative when over */
  OutlayBudgetState state;
  guint             days;         /* in the period */
  guint             days_elapsed; /* up to the day, which counts */
  guint             days_left;    /* after the day */
  guint             pace_percent; /* days_elapsed of days */
  gboolean          ended;        /* a range, over before the day */
  /* of OutlayCurrencyTotal, the expenses of its categories in other
   * currencies, which it does not count (their count and total) */
  GArray *uncounted;
} OutlayBudgetStatus;

void          outlay_budget_status_clear (OutlayBudgetStatus *status);

/* A period with another amount than its budget's. */
typedef struct
{
  char   period_start[11];
  gint64 amount;
} OutlayBudgetOverride;

/* One period of a budget's history: what it had and what it spent. */
typedef struct
{
  char   period_start[11];
  char   period_end[11];
  gint64 amount;
  gint64 carried;
  gint64 available;
  gint64 spent;
} OutlayBudgetPeriod;

/* A threshold a budget reached in a period, to tell once. */
typedef struct
{
  OutlayBudget      *budget;
  guint              threshold; /* percent */
  OutlayBudgetStatus status;
} OutlayBudgetAlert;

void       outlay_budget_alert_free (OutlayBudgetAlert *alert);
GPtrArray *outlay_repository_take_budget_alerts (OutlayRepository *self,
                                                 const GDate      *day,
                                                 GError          **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OutlayBudgetStatus, outlay_budget_status_clear)

GPtrArray    *outlay_repository_list_budgets (OutlayRepository *self,
                                              gboolean          archived_too,
                                              GError          **error);
OutlayBudget *outlay_repository_find_budget (OutlayRepository *self,
                                             const char       *name_or_uuid,
                                             GError          **error);
gboolean      outlay_repository_validate_budget (OutlayRepository *self,
                                                 OutlayBudget     *budget,
                                                 GError          **error);
OutlayBudget *outlay_repository_add_budget (OutlayRepository *self,
                                            OutlayBudget     *draft,
                                            GError          **error);
OutlayBudget *outlay_repository_update_budget (OutlayRepository *self,
                                               OutlayBudget     *budget,
                                               GError          **error);
OutlayBudget *outlay_repository_delete_budget (OutlayRepository *self,
                                               gint64            id,
                                               GError          **error);
OutlayBudget *outlay_repository_archive_budget (OutlayRepository *self,
                                                gint64            id,
                                                gboolean          archived,
                                                GError          **error);
OutlayBudget *outlay_repository_restore_budget (OutlayRepository *self,
                                                gint64            id,
                                                GError          **error);
gboolean      outlay_repository_move_budget (OutlayRepository *self,
                                             gint64            id,
                                             guint             position,
                                             GError          **error);
GArray       *outlay_repository_get_budget_history (OutlayRepository *self,
                                                    OutlayBudget     *budget,
                                                    const GDate      *day,
                                                    guint             n_periods,
                                                    GError          **error);
gboolean      outlay_repository_set_budget_override (OutlayRepository *self,
                                                     gint64            id,
                                                     const char       *day,
                                                     gint64            amount,
                                                     char            **period_start,
                                                     GError          **error);
GArray       *outlay_repository_list_budget_overrides (OutlayRepository *self,
                                                       OutlayBudget     *budget,
                                                       GError          **error);
GArray       *outlay_repository_get_unbudgeted (OutlayRepository *self,
                                                const char       *currency,
                                                const char       *from,
                                                const char       *to,
                                                GError          **error);
GArray       *outlay_repository_get_budget_statuses (OutlayRepository *self,
                                                     GPtrArray        *budgets,
                                                     const GDate      *day,
                                                     GError          **error);
gboolean      outlay_repository_get_budget_status (OutlayRepository   *self,
                                                   OutlayBudget       *budget,
                                                   const GDate        *day,
                                                   OutlayBudgetStatus *status,
                                                   GError            **error);

/* Recurring expenses (outlay-repository-recurring.c) */

/* An occurrence not written yet: due, or still to come. */
typedef struct
{
  OutlayRecurringRule *rule;
  OutlayOccurrence     occurrence; /* its day: after the weekend rule, or as moved */
  gint64               amount;     /* the rule's, or this occurrence's own */
} OutlayPlannedExpense;

void outlay_planned_expense_clear (OutlayPlannedExpense *planned);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OutlayPlannedExpense, outlay_planned_expense_clear)

/* A rule that would write more in one run than it may without asking. */
typedef struct
{
  OutlayRecurringRule *rule;
  guint                count;
} OutlayHeldRule;

void outlay_held_rule_free (OutlayHeldRule *held);

/* What a catch-up wrote, and held. */
typedef struct
{
  gatomicrefcount ref_count;
  GArray         *expense_ids; /* gint64: the expenses written */
  GArray         *planned;     /* OutlayPlannedExpense: the occurrences written, or to write */
  GPtrArray      *held;        /* OutlayHeldRule */
} OutlayRecurringRun;

#define OUTLAY_TYPE_RECURRING_RUN (outlay_recurring_run_get_type ())

GType               outlay_recurring_run_get_type (void) G_GNUC_CONST;
OutlayRecurringRun *outlay_recurring_run_ref (OutlayRecurringRun *run);
void                outlay_recurring_run_unref (OutlayRecurringRun *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayRecurringRun, outlay_recurring_run_unref)

gboolean             outlay_repository_validate_recurring_rule (OutlayRepository    *self,
                                                                OutlayRecurringRule *rule,
                                                                GError             **error);
OutlayRecurringRule *outlay_repository_get_recurring_rule (OutlayRepository *self,
                                                           const char       *uuid,
                                                           GError          **error);
GPtrArray           *outlay_repository_list_recurring_rules (OutlayRepository *self,
                                                             GError          **error);
OutlayRecurringRule *outlay_repository_add_recurring_rule (OutlayRepository    *self,
                                                           OutlayRecurringRule *draft,
                                                           GError             **error);
OutlayRecurringRule *outlay_repository_update_recurring_rule (OutlayRepository    *self,
                                                              OutlayRecurringRule *rule,
                                                              GError             **error);
OutlayRecurringRule *outlay_repository_pause_recurring_rule (OutlayRepository *self,
                                                             const char       *uuid,
                                                             gboolean          pause,
                                                             GError          **error);
OutlayRecurringRule *outlay_repository_delete_recurring_rule (OutlayRepository *self,
                                                              const char       *uuid,
                                                              gboolean          delete_expenses,
                                                              GError          **error);
OutlayRecurringRule *outlay_repository_restore_recurring_rule (OutlayRepository *self,
                                                               const char       *uuid,
                                                               GError          **error);
gint64               outlay_repository_count_recurring_expenses (OutlayRepository *self,
                                                                 const char       *rule_uuid,
                                                                 GError          **error);
OutlayRecurringRun  *outlay_repository_run_recurring (OutlayRepository  *self,
                                                      const GDate       *today,
                                                      guint              most,
                                                      const char *const *allowed,
                                                      GError           **error);
gint64               outlay_repository_take_back_run (OutlayRepository *self,
                                                      GArray           *expense_ids,
                                                      GError          **error);
OutlayRecurringRun  *outlay_repository_plan_recurring (OutlayRepository  *self,
                                                       const GDate       *today,
                                                       guint              most,
                                                       const char *const *allowed,
                                                       GError           **error);
GArray              *outlay_repository_list_upcoming (OutlayRepository *self,
                                                      const GDate      *from,
                                                      const GDate      *to,
                                                      GError          **error);
gboolean             outlay_repository_get_next_occurrence (OutlayRepository     *self,
                                                            OutlayRecurringRule  *rule,
                                                            const GDate          *from,
                                                            OutlayPlannedExpense *planned,
                                                            GError              **error);
GArray              *outlay_repository_list_due (OutlayRepository *self,
                                                 const GDate      *today,
                                                 GError          **error);
gint64               outlay_repository_confirm_occurrence (OutlayRepository *self,
                                                           const char       *rule_uuid,
                                                           const GDate      *scheduled,
                                                           const GDate      *today,
                                                           GError          **error);
gboolean             outlay_repository_skip_occurrence (OutlayRepository *self,
                                                        const char       *rule_uuid,
                                                        const GDate      *scheduled,
                                                        const GDate      *today,
                                                        GError          **error);

/* outlay-repository-repeating.c */

/* The most occurrences one rule writes in one catch-up without asking. */
#define OUTLAY_RECURRING_MOST_AT_ONCE 60

OutlayRecurringRule *outlay_repository_add_repeating_expense (OutlayRepository       *self,
                                                              OutlayExpense          *draft,
                                                              const OutlayRecurrence *recurrence,
                                                              OutlayRecurringMode     mode,
                                                              const GDate            *today,
                                                              GArray                **written,
                                                              GError                **error);
GArray              *outlay_repository_confirm_due (OutlayRepository *self,
                                                    const GDate      *today,
                                                    GError          **error);

/* outlay-repository-recurring-edit.c */
OutlayRecurringRule *outlay_repository_split_recurring_rule (OutlayRepository    *self,
                                                             const char          *uuid,
                                                             const GDate         *from,
                                                             OutlayRecurringRule *changed,
                                                             GError             **error);
gboolean             outlay_repository_get_occurrence (OutlayRepository     *self,
                                                       const char           *rule_uuid,
                                                       const GDate          *scheduled,
                                                       OutlayPlannedExpense *planned,
                                                       GError              **error);
gboolean             outlay_repository_override_occurrence (OutlayRepository *self,
                                                            const char       *rule_uuid,
                                                            const GDate      *scheduled,
                                                            gint64            amount,
                                                            const GDate      *day,
                                                            GError          **error);
gboolean             outlay_repository_restore_occurrence (OutlayRepository *self,
                                                           const char       *rule_uuid,
                                                           const GDate      *scheduled,
                                                           GError          **error);
gboolean             outlay_repository_take_back_split (OutlayRepository    *self,
                                                        OutlayRecurringRule *before,
                                                        const char          *added_uuid,
                                                        GError             **error);
gboolean             outlay_repository_take_back_confirmation (OutlayRepository *self,
                                                               gint64            expense_id,
                                                               GError          **error);

/* Category rules (outlay-repository-rules.c, outlay-repository-rules-apply.c) */

/* The longest text a rule looks for, in characters. */
#define OUTLAY_RULE_PATTERN_MAX_LENGTH 200

GPtrArray          *outlay_repository_list_category_rules (OutlayRepository *self,
                                                           GError          **error);
OutlayCategoryRule *outlay_repository_get_category_rule (OutlayRepository *self,
                                                         const char       *uuid,
                                                         GError          **error);
OutlayRuleSet      *outlay_repository_dup_rule_set (OutlayRepository *self,
                                                    GError          **error);
gboolean            outlay_repository_validate_category_rule (OutlayRepository   *self,
                                                              OutlayCategoryRule *rule,
                                                              GError            **error);
OutlayCategoryRule *outlay_repository_add_category_rule (OutlayRepository   *self,
                                                         OutlayCategoryRule *draft,
                                                         GError            **error);
OutlayCategoryRule *outlay_repository_update_category_rule (OutlayRepository   *self,
                                                            OutlayCategoryRule *rule,
                                                            GError            **error);
OutlayCategoryRule *outlay_repository_delete_category_rule (OutlayRepository *self,
                                                            const char       *uuid,
                                                            GError          **error);
OutlayCategoryRule *outlay_repository_restore_category_rule (OutlayRepository *self,
                                                             const char       *uuid,
                                                             GError          **error);
gboolean            outlay_repository_move_category_rule (OutlayRepository *self,
                                                          const char       *uuid,
                                                          guint             position,
                                                          GError          **error);

/* Where a suggested category comes from. */
typedef enum
{
  OUTLAY_SUGGESTED_NONE,
  OUTLAY_SUGGESTED_BY_RULE, /* the first rule that matches */
  OUTLAY_SUGGESTED_LEARNED, /* the category most used for the description */
} OutlaySuggestedBy;

const char       *outlay_suggested_by_to_string (OutlaySuggestedBy by);
OutlaySuggestedBy outlay_repository_suggest_category (OutlayRepository    *self,
                                                      const char          *description,
                                                      const char          *note,
                                                      gint64               amount,
                                                      const char          *currency,
                                                      gint64              *category_id,
                                                      OutlayCategoryRule **rule,
                                                      GError             **error);

/* What applying rules changes of one expense. */
typedef struct
{
  gint64      expense_id;
  gint64      old_category_id;
  gint64      new_category_id;
  const char *old_description; /* kept by the plan */
  const char *new_description; /* old_description itself when it stays */
  gint64      amount;
  char        currency[4];
  char        date[11];
  guint       rule_index; /* in the plan's rules */
  const char *updated_at; /* the expense's when planned; when applied, the apply's */
} OutlayRuleChange;

/* The changes rules make to the expenses, planned or applied. */
typedef struct
{
  gatomicrefcount ref_count;
  GPtrArray      *rules;      /* OutlayCategoryRule, in the order they match */
  GArray         *counts;     /* guint for each rule: the changes it makes */
  GArray         *changes;    /* OutlayRuleChange, by expense id */
  guint           n_scanned;  /* the expenses looked at */
  guint           n_skipped;  /* applied: changed since the plan, left alone */
  char           *applied_at; /* applied: when; NULL for a plan */
  /*< private >*/
  GStringChunk *strings;
  gpointer      planned; /* applied: the plan its texts are in */
} OutlayRulesPlan;

#define OUTLAY_TYPE_RULES_PLAN (outlay_rules_plan_get_type ())

GType            outlay_rules_plan_get_type (void) G_GNUC_CONST;
OutlayRulesPlan *outlay_rules_plan_ref (OutlayRulesPlan *plan);
void             outlay_rules_plan_unref (OutlayRulesPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayRulesPlan, outlay_rules_plan_unref)

/* Called from the thread that plans, every few thousand expenses. */
typedef void (*OutlayRulesProgressFunc) (guint    done,
                                         guint    total,
                                         gpointer user_data);

gboolean         outlay_repository_count_rule_matches (OutlayRepository   *self,
                                                       OutlayCategoryRule *rule,
                                                       GCancellable       *cancellable,
                                                       guint              *count,
                                                       GError            **error);
OutlayRulesPlan *outlay_repository_plan_rules (OutlayRepository       *self,
                                               OutlayRuleSet          *set,
                                               gboolean                only_fallback,
                                               gint64                  fallback_id,
                                               OutlayRulesProgressFunc progress,
                                               gpointer                user_data,
                                               GCancellable           *cancellable,
                                               GError                **error);
/* outlay-repository-rules-sample.c */
gboolean         outlay_repository_sample_rule_matches (OutlayRepository   *self,
                                                        OutlayCategoryRule *rule,
                                                        guint               limit,
                                                        GCancellable       *cancellable,
                                                        guint              *count,
                                                        GPtrArray         **expenses,
                                                        GError            **error);
gboolean         outlay_repository_apply_rules_plan (OutlayRepository *self,
                                                     OutlayRulesPlan  *plan,
                                                     OutlayRulesPlan **applied,
                                                     GError          **error);
gboolean         outlay_repository_undo_rules_apply (OutlayRepository *self,
                                                     OutlayRulesPlan  *applied,
                                                     guint            *n_restored,
                                                     GError          **error);
void             outlay_repository_apply_rules_plan_async (OutlayRepository       *self,
                                                           OutlayRulesPlan        *plan,
                                                           OutlayRulesProgressFunc progress,
                                                           gpointer                progress_data,
                                                           GCancellable           *cancellable,
                                                           GAsyncReadyCallback     callback,
                                                           gpointer                user_data);
OutlayRulesPlan *outlay_repository_apply_rules_plan_finish (OutlayRepository *self,
                                                            GAsyncResult     *result,
                                                            GError          **error);
void             outlay_repository_undo_rules_apply_async (OutlayRepository   *self,
                                                           OutlayRulesPlan    *applied,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
gboolean         outlay_repository_undo_rules_apply_finish (OutlayRepository *self,
                                                            GAsyncResult     *result,
                                                            guint            *n_restored,
                                                            GError          **error);

/* Exchange rates: outlay-repository-rates.c */

/* A rate read from a file: 1 @currency = @rate @quote on @day. */
typedef struct
{
  const char *currency;
  const char *quote;
  const char *day;
  const char *rate;
} OutlayRateEntry;

typedef struct
{
  guint added;
  guint changed;
  guint unchanged;
} OutlayRatesImported;

gboolean            outlay_repository_validate_rate (const char *currency,
                                                     const char *quote,
                                                     const char *day,
                                                     const char *rate,
                                                     GError    **error);
OutlayExchangeRate *outlay_repository_set_rate (OutlayRepository *self,
                                                const char       *currency,
                                                const char       *quote,
                                                const char       *day,
                                                const char       *rate,
                                                GError          **error);
GPtrArray          *outlay_repository_list_rates (OutlayRepository *self,
                                                  const char       *currency,
                                                  guint             limit,
                                                  GError          **error);
GPtrArray          *outlay_repository_list_latest_rates (OutlayRepository *self,
                                                         guint             per_pair,
                                                         GError          **error);
GPtrArray          *outlay_repository_list_older_rates (OutlayRepository *self,
                                                        const char       *currency,
                                                        const char       *quote,
                                                        OutlayRateSource  source,
                                                        const char       *before,
                                                        const char       *since,
                                                        guint             limit,
                                                        GError          **error);
OutlayExchangeRate *outlay_repository_delete_rate (OutlayRepository *self,
                                                   const char       *uuid,
                                                   GError          **error);
OutlayExchangeRate *outlay_repository_restore_rate (OutlayRepository *self,
                                                    const char       *uuid,
                                                    GError          **error);
gboolean            outlay_repository_import_rates (OutlayRepository       *self,
                                                    const OutlayRateEntry  *entries,
                                                    gsize                   n_entries,
                                                    const char             *source_name,
                                                    OutlayRulesProgressFunc progress,
                                                    gpointer                progress_data,
                                                    GCancellable           *cancellable,
                                                    OutlayRatesImported    *imported,
                                                    GError                **error);
OutlayRateBook     *outlay_repository_load_rate_book (OutlayRepository  *self,
                                                      const char        *home,
                                                      const char *const *currencies,
                                                      const char        *from,
                                                      const char        *to,
                                                      GError           **error);

/* Totals in the home currency: outlay-repository-converted.c */

/* What the expenses of one currency come to in the home currency. */
typedef struct
{
  char            currency[4];
  gint64          total;              /* in its own minor units */
  guint           count;
  gint64          converted;          /* of those with a rate or a charge, in the home currency */
  guint           n_without_rate;     /* counted apart: no rate for their day */
  gint64          total_without_rate; /* their total, in its own minor units */
  guint           n_charged;          /* converted at what the card was charged */
  OutlayRateFound latest;             /* the rate of its latest day (no legs: none taken) */
  gboolean        several_rates;      /* rates of more than one day were taken */
  gboolean        overflow;
} OutlayConvertedCurrency;

typedef struct
{
  char            home[4];
  gint64          total;          /* rounded once; what has no rate left out */
  guint           n_without_rate; /* expenses left out of @total */
  GArray         *currencies;     /* OutlayConvertedCurrency, the most used first, the home one too */
  OutlayRateBook *book;           /* holds the texts of the rates found */
} OutlayConvertedTotal;

void                  outlay_converted_total_free (OutlayConvertedTotal *total);
OutlayConvertedTotal *outlay_repository_convert_total (OutlayRepository  *self,
                                                       const OutlayQuery *query,
                                                       const char        *home,
                                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayConvertedTotal, outlay_converted_total_free)

/* The history of changes (outlay-repository-history.c) */

/* Which changes outlay_repository_read_history() reads. */
typedef struct
{
  const char       *row_uuid; /* one row's changes, or NULL for all */
  const char       *since;    /* a UTC time as the journal writes it (outlay_history_since_day()), or NULL */
  gboolean          by_device;
  const char       *device; /* with @by_device: that device's id, or NULL for this device */
  OutlayHistoryKind kind;
} OutlayHistoryFilter;

/* A device whose changes are in the history: @id is NULL for this one,
 * @name NULL when this one has no name yet. */
typedef struct
{
  char *id;
  char *name;
} OutlayHistoryDevice;

void       outlay_history_device_free (OutlayHistoryDevice *device);
char      *outlay_history_since_day (const char *day);
GPtrArray *outlay_repository_read_history (OutlayRepository          *self,
                                           const OutlayHistoryFilter *filter,
                                           gint64                     before,
                                           guint                      limit,
                                           GError                   **error);
gboolean   outlay_repository_undo_history_entry (OutlayRepository   *self,
                                                 OutlayHistoryEntry *entry,
                                                 GError            **error);
char      *outlay_repository_dup_device_name (OutlayRepository *self,
                                              GError          **error);
GPtrArray *outlay_repository_list_history_devices (OutlayRepository *self,
                                                   GError          **error);

G_END_DECLS
