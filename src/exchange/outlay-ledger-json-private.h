/* outlay-ledger-json-private.h
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

#include <json-glib/json-glib.h>

#include "outlay-export-private.h"
#include "outlay-import.h"

G_BEGIN_DECLS

/* What outlay-ledger-json.c and the budgets', recurring expenses', rules'
 * and exchange rates' parts of the file (outlay-ledger-json-budgets.c,
 * -recurring.c, -category-rules.c, -rates.c) share. */

static inline void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static inline void
add_optional_member (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value != NULL)
    add_string_member (builder, name, value);
}

const char *outlay_ledger_json_member_string (JsonObject *object,
                                              const char *name);
gboolean    outlay_ledger_json_member_is_true (JsonObject *object,
                                               const char *name);
gboolean    outlay_ledger_json_member_is_string_or_absent (JsonObject *object,
                                                           const char *name);
gboolean    outlay_ledger_json_is_timestamp (const char *text);
gboolean    outlay_ledger_json_is_timestamp_member (JsonObject *object,
                                                    const char *name,
                                                    gboolean    required);
gboolean    outlay_ledger_json_read_int (JsonObject *object,
                                         const char *name,
                                         gint64      min,
                                         gint64      max,
                                         gint64     *value);

gboolean  outlay_ledger_json_has_tree (OutlayRepository *repository);
JsonNode *outlay_ledger_json_category_to_node (OutlayExportWriter *writer,
                                               OutlayCategory     *category);
void      outlay_ledger_json_read_category (OutlayImportSource *source,
                                            GHashTable         *seen,
                                            JsonNode           *node,
                                            guint               position);

JsonNode *outlay_ledger_json_budget_to_node (OutlayExportWriter *writer,
                                             OutlayBudget       *budget,
                                             gboolean            include_deleted,
                                             GError            **error);
void      outlay_ledger_json_read_budget (OutlayImportSource *source,
                                          JsonNode           *node,
                                          guint               position);

JsonNode *outlay_ledger_json_rule_to_node (OutlayExportWriter  *writer,
                                           OutlayRecurringRule *rule,
                                           gboolean             include_deleted,
                                           GError             **error);
void      outlay_ledger_json_read_rule (OutlayImportSource *source,
                                        JsonNode           *node,
                                        guint               position);

JsonNode *outlay_ledger_json_category_rule_to_node (OutlayExportWriter *writer,
                                                    OutlayCategoryRule *rule,
                                                    gboolean            include_deleted,
                                                    GError            **error);
void      outlay_ledger_json_read_category_rule (OutlayImportSource *source,
                                                 JsonNode           *node,
                                                 guint               position);

JsonNode *outlay_ledger_json_exchange_rate_to_node (OutlayExportWriter *writer,
                                                    OutlayExchangeRate *rate,
                                                    gboolean            include_deleted,
                                                    GError            **error);
void      outlay_ledger_json_read_rate (OutlayImportSource *source,
                                        JsonNode           *node,
                                        guint               position);

G_END_DECLS
