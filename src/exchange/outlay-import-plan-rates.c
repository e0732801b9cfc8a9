/* outlay-import-plan-rates.c: the exchange rates an import adds
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

#include "config.h"

#include "outlay-import-plan-private.h"
#include "outlay-importer-private.h"

/* The key of a live rate's day: one live rate a pair, source and day. */
static char *
rate_key (const OutlayImportRate *rate)
{
  return g_strdup_printf ("%s %s %d %s", rate->currency, rate->quote, rate->source, rate->day);
}

/* Counts the rates of the source that the import adds and those it leaves
 * out for a live one of their day, in the ledger or earlier in the file,
 * as outlay_importer_apply() will find them. */
gboolean
outlay_import_plan_rates (OutlayImportPlan *plan,
                          GError          **error)
{
  GPtrArray *rates = plan->source->rates;
  g_autoptr (GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);

  plan->n_rates = plan->n_rates_kept = 0;
  for (guint i = 0; i < rates->len; i++)
    {
      const OutlayImportRate *rate = g_ptr_array_index (rates, i);
      gboolean                present, clashes;

      if (!outlay_importer_read_rate_state (plan->repository, rate, &present, &clashes, error))
        return FALSE;
      present = present || !g_hash_table_add (uuids, rate->uuid);
      if (!present && !clashes && rate->deleted_at == NULL)
        clashes = !g_hash_table_add (days, rate_key (rate));
      plan->n_rates += !present && !clashes;
      plan->n_rates_kept += !present && clashes;
    }

  return TRUE;
}

guint
outlay_import_plan_get_n_rates (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_rates;
}

guint
outlay_import_plan_get_n_rates_kept (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_rates_kept;
}
