/* outlay-ledger-json-rates.c
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

/* The exchange rates in Outlay's JSON file: one a line, every column as
 * the ledger keeps it, the rate as the text it was published or typed
 * as, so that a rate comes back from the file as it was. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-ledger-json-private.h"
#include "outlay-repository.h"
#include "outlay-uuid.h"

/* Writing */

JsonNode *
outlay_ledger_json_exchange_rate_to_node (OutlayExportWriter *writer,
                                          OutlayExchangeRate *rate,
                                          gboolean            include_deleted,
                                          GError            **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string_member (builder, "uuid", outlay_exchange_rate_get_uuid (rate));
  add_string_member (builder, "currency", outlay_exchange_rate_get_currency (rate));
  add_string_member (builder, "quote", outlay_exchange_rate_get_quote (rate));
  add_string_member (builder, "day", outlay_exchange_rate_get_day (rate));
  add_string_member (builder, "rate", outlay_exchange_rate_get_rate (rate));
  add_string_member (builder, "source", outlay_rate_source_to_string (outlay_exchange_rate_get_source (rate)));
  add_optional_member (builder, "source_name", outlay_exchange_rate_get_source_name (rate));
  add_string_member (builder, "created_at", outlay_exchange_rate_get_created_at (rate));
  add_string_member (builder, "updated_at", outlay_exchange_rate_get_updated_at (rate));
  add_optional_member (builder, "deleted_at", outlay_exchange_rate_get_deleted_at (rate));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Reading */

OutlayImportRate *
outlay_import_rate_new (void)
{
  return g_new0 (OutlayImportRate, 1);
}

void
outlay_import_rate_free (OutlayImportRate *rate)
{
  if (rate == NULL)
    return;

  g_free (rate->uuid);
  g_free (rate->currency);
  g_free (rate->quote);
  g_free (rate->day);
  g_free (rate->rate);
  g_free (rate->source_name);
  g_free (rate->created_at);
  g_free (rate->updated_at);
  g_free (rate->deleted_at);
  g_free (rate);
}

/**
 * outlay_ledger_json_read_rate:
 * @position: the rate's place in the file, from 1
 *
 * Adds the exchange rate @node describes to @source, or an issue that
 * says why it cannot: a rate the ledger could not store (see
 * outlay_repository_validate_rate()) is never passed on.
 */
void
outlay_ledger_json_read_rate (OutlayImportSource *source,
                              JsonNode           *node,
                              guint               position)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *uuid = object != NULL ? outlay_ledger_json_member_string (object, "uuid") : NULL;
  g_autoptr (OutlayImportRate) rate = NULL;
  g_autoptr (GError) error = NULL;
  OutlayRateSource rate_source = OUTLAY_RATE_SOURCE_ENTERED;

  if (object == NULL || !outlay_uuid_is_valid (uuid))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("Exchange rate %u has no valid uuid."), position);
      return;
    }

  if (!outlay_repository_validate_rate (outlay_ledger_json_member_string (object, "currency"),
                                        outlay_ledger_json_member_string (object, "quote"),
                                        outlay_ledger_json_member_string (object, "day"),
                                        outlay_ledger_json_member_string (object, "rate"), &error))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("Exchange rate %u cannot be read: %s"), position, error->message);
      return;
    }

  if ((json_object_has_member (object, "source") &&
       !outlay_rate_source_from_string (outlay_ledger_json_member_string (object, "source"), &rate_source)) ||
      !outlay_ledger_json_member_is_string_or_absent (object, "source_name") ||
      !outlay_ledger_json_is_timestamp_member (object, "created_at", TRUE) ||
      !outlay_ledger_json_is_timestamp_member (object, "updated_at", TRUE) ||
      !outlay_ledger_json_is_timestamp_member (object, "deleted_at", FALSE))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("Exchange rate %u has a member that cannot be read."), position);
      return;
    }

  rate = outlay_import_rate_new ();
  rate->position = position;
  rate->uuid = g_strdup (uuid);
  rate->currency = g_strdup (outlay_ledger_json_member_string (object, "currency"));
  rate->quote = g_strdup (outlay_ledger_json_member_string (object, "quote"));
  rate->day = g_strdup (outlay_ledger_json_member_string (object, "day"));
  rate->rate = g_strdup (outlay_ledger_json_member_string (object, "rate"));
  rate->source = rate_source;
  rate->source_name = g_strdup (outlay_ledger_json_member_string (object, "source_name"));
  rate->created_at = g_strdup (outlay_ledger_json_member_string (object, "created_at"));
  rate->updated_at = g_strdup (outlay_ledger_json_member_string (object, "updated_at"));
  rate->deleted_at = g_strdup (outlay_ledger_json_member_string (object, "deleted_at"));
  g_ptr_array_add (source->rates, g_steal_pointer (&rate));
}
