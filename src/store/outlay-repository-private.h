/* outlay-repository-private.h: what the files of the repository share, and
 * what the importer (src/exchange) writes through
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
 * * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "outlay-database-private.h"
#include "outlay-query-private.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-uuid.h"

G_BEGIN_DECLS

struct _OutlayRepository
{
  GObject parent_instance;

  OutlayDatabase *database;
  GListStore     *categories; /* OutlayCategory, by position, not deleted */
  GHashTable     *retired;    /* gint64 id → OutlayCategory deleted, for an Undo to bring back */
  char           *fallback_uuid;
  gint64          data_version; /* what PRAGMA data_version said last */
  /* Between outlay_repository_take_off_expense_indexes() and putting them
   * back (or the transaction's rollback): rows are only appended. */
  gboolean expense_indexes_off;
  char    *currency; /* the ledger's, as last read, or NULL */
};

typedef enum
{
  OUTLAY_TEXT_OK,
  OUTLAY_TEXT_EMPTY,
  OUTLAY_TEXT_TOO_LONG,
  OUTLAY_TEXT_INVALID,
} OutlayTextCheck;

/* outlay-repository.c: the object, its signals and the checks of values */
const char     *outlay_repository_strip_span (const char *text,
                                              gsize      *length);
char           *outlay_repository_strip_text (const char *text);
OutlayTextCheck outlay_repository_check_text (const char *text,
                                              guint       max_length,
                                              gboolean    required);
gboolean        outlay_repository_check_writable (OutlayRepository *self,
                                                  GError          **error);
gboolean        outlay_repository_step_done (OutlayRepository *self,
                                             sqlite3_stmt     *stmt,
                                             const char       *context,
                                             GError          **error);
void            outlay_repository_emit_change (OutlayRepository *self,
                                               OutlayChangeKind  kind,
                                               OutlayExpense    *before,
                                               OutlayExpense    *after);
void            outlay_repository_emit_categories_changed (OutlayRepository *self);
void            outlay_repository_emit_budgets_changed (OutlayRepository *self);
void            outlay_repository_emit_recurring_changed (OutlayRepository *self);
void            outlay_repository_emit_category_rules_changed (OutlayRepository *self);
void            outlay_repository_emit_rates_changed (OutlayRepository *self);

/* outlay-repository-expenses.c: expenses, their search index, the bulk insert */
gboolean      outlay_repository_sync_search (OutlayRepository *self,
                                             GError          **error);
gboolean      outlay_repository_catch_up_search (OutlayRepository *self,
                                                 GError          **error);
sqlite3_stmt *outlay_repository_prepare_query (OutlayRepository  *self,
                                               const char        *select,
                                               const OutlayQuery *query,
                                               gboolean           ordered,
                                               const char        *suffix,
                                               OutlayBindings    *bindings,
                                               GError           **error);
/* Called with the ids read so far (@ids is being filled: copy what is kept). */
typedef void (*OutlayIdsFunc) (GArray  *ids,
                               gpointer user_data);
GArray       *outlay_repository_find_expense_ids_first (OutlayRepository  *self,
                                                        const OutlayQuery *query,
                                                        guint              n_first,
                                                        OutlayIdsFunc      first,
                                                        gpointer           user_data,
                                                        GError           **error);
gboolean      outlay_repository_read_currency (OutlayRepository *self,
                                               char            **currency,
                                               GError          **error);
gboolean      outlay_repository_write_currency (OutlayRepository *self,
                                                const char       *currency,
                                                GError          **error);
gboolean      outlay_repository_insert_drafts (OutlayRepository *self,
                                               OutlayExpense   **drafts,
                                               guint             n_drafts,
                                               const char       *now,
                                               gboolean          exact,
                                               gint64           *first_id,
                                               gint64           *last_id,
                                               GError          **error);
/* For a bulk insert larger than the ledger, inside its transaction: the
 * expenses' secondary indexes are taken off before the rows and built
 * again after them, sorted once instead of updated row by row. */
GPtrArray *outlay_repository_take_off_expense_indexes (OutlayRepository *self,
                                                       GError          **error);
gboolean   outlay_repository_put_back_expense_indexes (OutlayRepository *self,
                                                       GPtrArray        *indexes,
                                                       GError          **error);
OutlayBudget *outlay_repository_read_budget (OutlayRepository *self,
                                             gint64            id,
                                             GError          **error);
gboolean   outlay_repository_insert_budget (OutlayRepository *self,
                                            OutlayBudget     *draft,
                                            const char       *now,
                                            gint64           *id,
                                            GError          **error);
gboolean   outlay_repository_read_expenses_number (OutlayRepository *self,
                                                   const char       *sql,
                                                   gint64           *value,
                                                   GError          **error);
gboolean   outlay_repository_count_expense_rows (OutlayRepository *self,
                                                 guint            *n_rows,
                                                 GError          **error);

/* outlay-repository-recurring.c */
gboolean outlay_repository_write_owed (OutlayRepository    *self,
                                       OutlayRecurringRule *rule,
                                       const GDate         *today,
                                       const GDate         *only,
                                       const char          *now,
                                       GArray              *expense_ids,
                                       GError             **error);
gboolean outlay_repository_insert_recurring_rule (OutlayRepository    *self,
                                                  OutlayRecurringRule *draft,
                                                  const char          *now,
                                                  char               **uuid,
                                                  GError             **error);

/* outlay-repository-categories.c */
gboolean outlay_repository_reload_categories (OutlayRepository *self,
                                              GError          **error);
/* Commits a write that changed categories and shows them; the categories
 * are read before the commit, so that nothing fails after it. */
gboolean outlay_repository_commit_categories (OutlayRepository  *self,
                                              OutlayTransaction *transaction,
                                              GError           **error);
gboolean outlay_repository_validate_color (const char *color,
                                           GError    **error);
gboolean outlay_repository_validate_icon_name (const char *icon_name,
                                               GError    **error);
gboolean outlay_repository_insert_category (OutlayRepository *self,
                                            const char       *name,
                                            const char       *icon_name,
                                            const char       *color,
                                            const char       *parent_uuid,
                                            const char       *now,
                                            gint64           *id,
                                            GError          **error);

/* outlay-repository-aggregates.c: what is read from the per-day summary */
sqlite3_stmt *outlay_repository_prepare_days (OutlayRepository  *self,
                                              const char        *select,
                                              const OutlayQuery *query,
                                              const char        *suffix,
                                              OutlayBindings    *bindings,
                                              GError           **error);

OutlayCategory *outlay_repository_find_category_named (OutlayRepository *self,
                                                       const char       *name,
                                                       gint64            except_id);
OutlayCategory *outlay_repository_find_subcategory_named (OutlayRepository *self,
                                                          OutlayCategory   *parent,
                                                          const char       *name,
                                                          gint64            except_id);

/* outlay-repository-budget-rates.c: a budget's spending in other
 * currencies, a day at a time. */
typedef struct
{
  gint64  index; /* of its period, from the first one folded */
  guint32 day;   /* a Julian day */
  gint64  category_id;
  char    currency[4];
  gint64  total;
  guint   count;
  gint64  charged_part; /* of @total: what the card charges are known for */
  gint64  charged;      /* those charges, in the budget's currency */
  guint   n_charged;
} OutlayBudgetForeign;

/* The expenses whose card charge is known, by day, category and the two
 * currencies. */
typedef struct
{
  guint32 day;
  gint64  category_id;
  char    currency[4];
  char    charged_currency[4];
  gint64  amount;
  gint64  charged;
  guint   count;
} OutlayBudgetCharge;

GArray  *outlay_repository_read_budget_charges      (OutlayRepository *self,
                                                     const char       *from,
                                                     const char       *until,
                                                     GError          **error);
void     outlay_budget_foreign_add_charges          (GArray           *foreign,
                                                     GArray           *charges,
                                                     const char       *currency);

gboolean outlay_repository_convert_budget_spending (OutlayRepository *self,
                                                     const char       *currency,
                                                     GArray           *foreign,
                                                     gint64           *spent,
                                                     guint32           current,
                                                     GArray           *uncounted,
                                                     GError          **error);

G_END_DECLS
