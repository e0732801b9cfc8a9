/* outlay-importer.h: applies an import plan to the ledger, and undoes it
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

/* A category as it was before a lossless file replaced the defaults. */
typedef struct
{
  gint64   id;
  char    *uuid;
  char    *name;
  char    *icon_name;
  char    *color;
  char    *parent_uuid;
  gboolean hidden;
  int      position;
  char    *created_at;
  char    *updated_at;
} OutlayImportCategoryState;

/* What outlay_importer_apply() wrote, for the summary and for Undo. */
typedef struct
{
  guint   n_added;
  guint   n_duplicates;
  guint   n_errors;  /* lines that could not be read */
  guint   n_skipped; /* lines read but not expenses */
  guint   n_categories_created;
  gint64  first_id; /* the added expenses have the ids first_id…last_id */
  gint64  last_id;
  char   *first_uuid; /* theirs, to tell that they are still the same rows */
  char   *last_uuid;
  GArray *created_category_ids; /* of gint64 */
  char   *backup_path;          /* the copy made before writing */
  /* of OutlayImportCategoryState: the categories a lossless file replaced */
  GPtrArray *replaced_categories;
  /* the fallback category's uuid before the file's took its place, or
   * NULL when it kept its own */
  char *previous_fallback_uuid;
  /* whether it replaced the ledger's currency, and the one recorded before
   * (NULL: none) */
  gboolean replaced_currency;
  char    *previous_currency;
  /* the uuids of the budgets a lossless file added, with their overrides
   * and alerts given */
  GPtrArray *added_budget_uuids;
  /* the uuids of the recurring expenses' rules it added, with their
   * exceptions */
  GPtrArray *added_rule_uuids;
  /* The rules that file expenses it added, by uuid, for undo; and how many
   * it added or updated. */
  GPtrArray *added_category_rule_uuids;
  GPtrArray *updated_category_rules; /* of OutlayCategoryRule: as they were */
  guint      n_category_rules;
  /* The exchange rates of a lossless file it added, by uuid, for undo.
   * A rate the ledger has (by uuid) is left out; so is one whose pair,
   * source and day the ledger has a live rate of already, which stays. */
  GPtrArray *added_rate_uuids;
  guint      n_rates_kept; /* the ledger's rate of their day stayed */
} OutlayImportResult;

void outlay_import_result_free (OutlayImportResult *result);

/* Writes what @plan says in one transaction, after a backup copy of the
 * file: all of it or, on error, nothing. */
OutlayImportResult *outlay_importer_apply (OutlayRepository *self,
                                           OutlayImportPlan *plan,
                                           GError          **error);
/* Takes back everything @result added: its expenses and the categories it
 * created, when nothing else uses them. */
gboolean            outlay_importer_undo (OutlayRepository         *self,
                                          const OutlayImportResult *result,
                                          GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportResult, outlay_import_result_free)

G_END_DECLS
