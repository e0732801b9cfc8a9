/* outlay-import-plan.h
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

#include "outlay-import.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

/* What an import would do to the ledger, worked out before anything is
 * written, so the window can show it and the command line can report it
 * with --dry-run:
 *
 *   source = outlay_csv_import (…) / outlay_xhb_read (…) / outlay_json_read (…);
 *   plan = outlay_import_plan_new (repository, source, &error);
 *   … outlay_import_plan_map_category (plan, "Lebensmittel", groceries_id);
 *   result = outlay_importer_apply (repository, plan, &error);
 *   … outlay_importer_undo (repository, result, &error);
 *
 * A record is a duplicate, and skipped, when the ledger already holds an
 * expense with the same uuid or import hash, or with the same date, amount,
 * currency and description (as many times over as the ledger holds such an
 * expense: two identical coffees in the file against one in the ledger add
 * one). */

typedef enum
{
  OUTLAY_IMPORT_ACTION_ADD,
  OUTLAY_IMPORT_ACTION_DUPLICATE,
  /* Read, but the ledger would not take it (a date before 1900, an amount
   * too large): the plan adds an error issue for its line. */
  OUTLAY_IMPORT_ACTION_INVALID,
  /* Money received that the person did not take as a refund. */
  OUTLAY_IMPORT_ACTION_LEFT_OUT,
} OutlayImportAction;

/* One category name of the source and where its expenses go. */
typedef struct
{
  char  *name;        /* as the source spells it */
  gint64 category_id; /* an existing category, or 0: create one of this name */
  guint  n_records;   /* expenses of the source in it that will be added, refunds taken included */
  guint  n_incoming;  /* incoming records in it the import could add as refunds */
  guint  n_refunds;   /* of them, taken: counted in @n_records too */
  /* The person chose @category_id: the category rules leave it alone. */
  gboolean mapped;
  guint    rule_slot; /* the plan's, for the rules */
} OutlayImportCategoryMatch;

typedef struct _OutlayImportPlan OutlayImportPlan;

/* Takes ownership of @source; @currency is the ledger's, for records
 * without one. */
OutlayImportPlan   *outlay_import_plan_new (OutlayRepository   *repository,
                                            OutlayImportSource *source,
                                            const char         *currency,
                                            GError            **error);
void                outlay_import_plan_free (OutlayImportPlan *plan);
OutlayImportSource *outlay_import_plan_get_source (OutlayImportPlan *plan);
OutlayImportAction  outlay_import_plan_get_action (OutlayImportPlan *plan,
                                                   guint             record);
guint               outlay_import_plan_get_n_added (OutlayImportPlan *plan);
guint               outlay_import_plan_get_n_duplicates (OutlayImportPlan *plan);
/* Of OutlayImportCategoryMatch, in order of first appearance, unknown
 * names first; owned by @plan. */
GPtrArray *outlay_import_plan_get_categories (OutlayImportPlan *plan);
guint      outlay_import_plan_get_n_new_categories (OutlayImportPlan *plan);
/* The first records the import adds, for a preview: at most this many. */
#define OUTLAY_IMPORT_PLAN_N_PREVIEW 50
guint               outlay_import_plan_get_n_preview (OutlayImportPlan *plan);
OutlayImportRecord *outlay_import_plan_get_preview (OutlayImportPlan *plan,
                                                    guint             i,
                                                    guint            *index);
/* Money received in a statement (an incoming record) is left out unless
 * the person takes it as a refund: all of it, or the lines they pick among
 * the first OUTLAY_IMPORT_PLAN_N_INCOMING (a statement with more offers all
 * or none). outlay_import_plan_get_n_added() counts the refunds taken. */
#define OUTLAY_IMPORT_PLAN_N_INCOMING 500
guint               outlay_import_plan_get_n_incoming (OutlayImportPlan *plan);
guint               outlay_import_plan_get_n_refunds (OutlayImportPlan *plan);
guint               outlay_import_plan_get_n_incoming_shown (OutlayImportPlan *plan);
OutlayImportRecord *outlay_import_plan_get_incoming (OutlayImportPlan *plan,
                                                     guint             i,
                                                     guint            *index);
gboolean            outlay_import_plan_is_refund (OutlayImportPlan *plan,
                                                  guint             i);
void                outlay_import_plan_take_refund (OutlayImportPlan *plan,
                                                    guint             i,
                                                    gboolean          take);
void                outlay_import_plan_take_refunds (OutlayImportPlan *plan,
                                                     gboolean          take);
/* The budgets of a lossless file it adds: those the ledger lacks (by
 * uuid), unless the ledger has a budget of the same name. */
guint              outlay_import_plan_get_n_budgets (OutlayImportPlan *plan);
/* The recurring expenses' rules of a lossless file it adds: those the
 * ledger lacks (by uuid). */
guint              outlay_import_plan_get_n_rules (OutlayImportPlan *plan);
OutlayImportAction outlay_import_plan_get_rule_action (OutlayImportPlan *plan,
                                                       guint             i);
OutlayImportAction outlay_import_plan_get_budget_action (OutlayImportPlan *plan,
                                                         guint             i);
/* Sends the expenses of @name to the existing @category_id, or with 0 to
 * a new category of that name. */
gboolean outlay_import_plan_map_category (OutlayImportPlan *plan,
                                          const char       *name,
                                          gint64            category_id);

/* Sends the expenses of @name to the fallback category, as the file
 * would: unlike a mapping, the category rules still file them. */
gboolean outlay_import_plan_leave_in_fallback (OutlayImportPlan *plan,
                                               const char       *name);

/* Category rules (outlay-import-plan-rules.c): a line of a CSV or HomeBank
 * file that goes to the fallback category, or names none, goes where the
 * first rule that matches it says, renamed as it says; a category the
 * person mapped stays. Outlay's own file keeps its lines' categories. */
OutlayRuleSet *outlay_import_plan_get_rule_set (OutlayImportPlan *plan);
/* The index in outlay_import_plan_get_rule_set() of the rule that files
 * record @index, or -1. */
int            outlay_import_plan_get_record_rule (OutlayImportPlan *plan,
                                                   guint             index);
gint64         outlay_import_plan_get_rule_category_id (OutlayImportPlan *plan,
                                                        guint             rule);
/* Of guint, one per rule: the lines added that it files. */
GArray        *outlay_import_plan_count_rule_lines (OutlayImportPlan *plan);

/* The rules that file expenses a source brings (Outlay's JSON, HomeBank's
 * assignments): those the ledger lacks (by uuid) are added, those it has
 * older updated. */
typedef enum
{
  OUTLAY_IMPORT_RULE_KEEP,
  OUTLAY_IMPORT_RULE_ADD,
  OUTLAY_IMPORT_RULE_UPDATE,
} OutlayImportRuleChange;

guint                  outlay_import_plan_get_n_category_rules (OutlayImportPlan *plan);
/* The exchange rates of a lossless file it adds, and those it leaves out
 * because the ledger has a live rate of their pair, source and day (a
 * rate the ledger has by uuid is neither). */
guint                  outlay_import_plan_get_n_rates (OutlayImportPlan *plan);
guint                  outlay_import_plan_get_n_rates_kept (OutlayImportPlan *plan);
OutlayImportRuleChange outlay_import_plan_get_category_rule_change (OutlayImportPlan *plan,
                                                                    guint             i);

/* For outlay_importer_apply(). */
gboolean                        outlay_import_plan_recheck (OutlayImportPlan *plan,
                                                            GError          **error);
gboolean                        outlay_import_plan_get_replace_categories (OutlayImportPlan *plan);
OutlayExpense                  *outlay_import_plan_build_draft (OutlayImportPlan   *plan,
                                                                guint               index,
                                                                OutlayImportRecord *record,
                                                                gint64              category_id);
const OutlayImportCategoryInfo *outlay_import_plan_lookup_category_info (OutlayImportPlan *plan,
                                                                         const char       *name);
OutlayCategory                 *outlay_import_plan_find_category (OutlayImportPlan *plan,
                                                                  const char       *name);
OutlayCategory                 *outlay_import_plan_find_exact_category (OutlayImportPlan *plan,
                                                                        const char       *name);
OutlayCategory                 *outlay_import_plan_find_top_category (OutlayImportPlan *plan,
                                                                      const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportPlan, outlay_import_plan_free)

G_END_DECLS
