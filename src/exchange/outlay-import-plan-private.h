/* outlay-import-plan-private.h
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

#include "outlay-import-plan.h"

G_BEGIN_DECLS

struct _OutlayImportPlan
{
  OutlayRepository   *repository;
  OutlayImportSource *source;
  char               *currency;
  GArray             *actions;    /* of OutlayImportAction, one per record */
  /* of guint32, one per record: how many identical lines came before it,
   * which with its key makes the import hash of a record that has none */
  GArray             *occurrences;
  GPtrArray          *categories; /* of OutlayImportCategoryMatch */
  GHashTable         *by_name;    /* casefolded name → OutlayImportCategoryMatch */
  /* casefolded "Parent › Child" or name at the top → the source's
   * OutlayImportCategoryInfo, the first of that path */
  GHashTable         *infos;
  /* copies of the first records it adds, for a preview, and their indexes */
  GPtrArray          *preview;
  GArray             *preview_indexes;
  /* of guint8, one per record once a record is incoming (IncomingState) */
  GArray             *incoming_states;
  /* the incoming records the import could add as refunds: their indexes,
   * and copies of the first of them for the person to pick from */
  GArray             *incoming_indexes;
  GPtrArray          *incoming;
  guint               n_refunds; /* of them, taken as refunds */
  GArray             *budget_actions; /* of OutlayImportAction, one per source budget */
  guint               n_budgets;      /* to add */
  GArray             *rule_actions;   /* of OutlayImportAction, one per source rule */
  guint               n_rules;        /* to add */
  gboolean            replace_categories;
  /* The category rules a line the file leaves in the fallback category
   * goes by (outlay-import-plan-rules.c); NULL for a lossless file or a
   * ledger without rules. */
  OutlayRuleSet      *rule_set;
  GArray             *rule_category_ids; /* gint64 a rule: 0 when its category is gone */
  GArray             *record_rules;      /* RecordRule, one per record once rules apply */
  gint64              fallback_id;
  GPtrArray          *rule_matches;      /* OutlayImportCategoryMatch a rule_slot - 1 */
  GArray             *category_rule_changes; /* OutlayImportRuleChange, one per source category rule */
  guint               n_category_rules;      /* to add or update */
  guint               n_rates;               /* exchange rates to add */
  guint               n_rates_kept;          /* left out: the ledger has a live one of their day */
  gint64              data_version;  /* others' commits when planned */
  gint64              total_changes; /* this connection's, then */
  guint               n_added;
  guint               n_duplicates;
};

typedef enum
{
  NOT_INCOMING,
  INCOMING_LEFT_OUT,
  INCOMING_TAKEN,
} IncomingState;

static inline IncomingState
incoming_state (OutlayImportPlan *plan,
                guint             index)
{
  if (plan->incoming_states == NULL || index >= plan->incoming_states->len)
    return NOT_INCOMING;

  return g_array_index (plan->incoming_states, guint8, index);
}

/* outlay-import-plan-rules.c */
gboolean outlay_import_plan_init_rules (OutlayImportPlan *plan,
                                        GError          **error);
void     outlay_import_plan_note_rule (OutlayImportPlan          *plan,
                                       OutlayImportRecord        *record,
                                       OutlayImportCategoryMatch *match);
void     outlay_import_plan_clear_rules (OutlayImportPlan *plan);
gboolean outlay_import_plan_category_rules (OutlayImportPlan *plan,
                                            GError          **error);

/* outlay-import-plan-rates.c */
gboolean outlay_import_plan_rates (OutlayImportPlan *plan,
                                   GError          **error);

G_END_DECLS
