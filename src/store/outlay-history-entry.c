/* outlay-history-entry.c: one change of the ledger, as the journal has it
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

#include "outlay-history-entry-private.h"

struct _OutlayHistoryEntry
{
  GObject parent_instance;

  gint64              seq;
  char               *table;
  char               *row_uuid;
  char               *column;
  OutlayHistoryChange change;
  GVariant           *value;     /* NULL: SQL NULL */
  GVariant           *old_value; /* NULL: SQL NULL */
  char               *value_name;     /* what a reference names, or NULL */
  char               *old_value_name; /* likewise */
  char               *changed_at; /* UTC, ISO 8601 */
  char               *device;     /* NULL: this device */
  char               *device_name; /* NULL: this device has no name */
  char               *label;      /* what the row is called, or NULL when it is not known */
  char               *currency;     /* of the amount after the change, or NULL */
  char               *old_currency; /* of the amount before it */
  gboolean            undoable;
};

G_DEFINE_FINAL_TYPE (OutlayHistoryEntry, outlay_history_entry, G_TYPE_OBJECT)

static const char *const kind_names[] = {
  "all", "expenses", "categories", "budgets", "recurring", "rules", "rates",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == OUTLAY_HISTORY_N_KINDS);

static const struct
{
  const char       *table;
  OutlayHistoryKind kind;
} table_kinds[] = {
  { "expenses", OUTLAY_HISTORY_KIND_EXPENSES },
  { "categories", OUTLAY_HISTORY_KIND_CATEGORIES },
  { "budgets", OUTLAY_HISTORY_KIND_BUDGETS },
  { "budget_overrides", OUTLAY_HISTORY_KIND_BUDGETS },
  { "budget_alerts", OUTLAY_HISTORY_KIND_BUDGETS },
  { "recurring_rules", OUTLAY_HISTORY_KIND_RECURRING },
  { "recurring_exceptions", OUTLAY_HISTORY_KIND_RECURRING },
  { "category_rules", OUTLAY_HISTORY_KIND_RULES },
  { "exchange_rates", OUTLAY_HISTORY_KIND_RATES },
};

const char *
outlay_history_kind_to_string (OutlayHistoryKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

/* Also takes the singular, as a person types it: "expense", "category". */
gboolean
outlay_history_kind_from_string (const char        *text,
                                 OutlayHistoryKind *kind)
{
  static const char *const singular[] = { "all", "expense", "category", "budget", "recurring", "rule", "rate" };

  G_STATIC_ASSERT (G_N_ELEMENTS (singular) == OUTLAY_HISTORY_N_KINDS);

  for (guint i = 0; text != NULL && i < OUTLAY_HISTORY_N_KINDS; i++)
    if (g_ascii_strcasecmp (text, kind_names[i]) == 0 || g_ascii_strcasecmp (text, singular[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

OutlayHistoryKind
outlay_history_kind_of_table (const char *table)
{
  for (guint i = 0; table != NULL && i < G_N_ELEMENTS (table_kinds); i++)
    if (g_str_equal (table, table_kinds[i].table))
      return table_kinds[i].kind;

  return OUTLAY_HISTORY_KIND_ALL;
}

static void
outlay_history_entry_finalize (GObject *object)
{
  OutlayHistoryEntry *self = OUTLAY_HISTORY_ENTRY (object);

  g_free (self->table);
  g_free (self->row_uuid);
  g_free (self->column);
  g_clear_pointer (&self->value, g_variant_unref);
  g_clear_pointer (&self->old_value, g_variant_unref);
  g_free (self->value_name);
  g_free (self->old_value_name);
  g_free (self->changed_at);
  g_free (self->device);
  g_free (self->device_name);
  g_free (self->label);
  g_free (self->currency);
  g_free (self->old_currency);

  G_OBJECT_CLASS (outlay_history_entry_parent_class)->finalize (object);
}

static void
outlay_history_entry_class_init (OutlayHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_history_entry_finalize;
}

static void
outlay_history_entry_init (OutlayHistoryEntry *self)
{
}

OutlayHistoryEntry *
outlay_history_entry_new (gint64              seq,
                          const char         *table,
                          const char         *row_uuid,
                          const char         *column,
                          OutlayHistoryChange change,
                          GVariant           *value,
                          GVariant           *old_value,
                          const char         *changed_at,
                          const char         *device)
{
  OutlayHistoryEntry *self = g_object_new (OUTLAY_TYPE_HISTORY_ENTRY, NULL);

  self->seq = seq;
  self->table = g_strdup (table);
  self->row_uuid = g_strdup (row_uuid);
  self->column = g_strdup (column);
  self->change = change;
  self->value = value != NULL ? g_variant_ref_sink (value) : NULL;
  self->old_value = old_value != NULL ? g_variant_ref_sink (old_value) : NULL;
  self->changed_at = g_strdup (changed_at);
  self->device = g_strdup (device);
  return self;
}

void
outlay_history_entry_set_device_name (OutlayHistoryEntry *self,
                                      const char         *device_name)
{
  g_free (self->device_name);
  self->device_name = g_strdup (device_name);
}

void
outlay_history_entry_set_label (OutlayHistoryEntry *self,
                                const char         *label,
                                const char         *currency)
{
  g_free (self->label);
  g_free (self->currency);
  self->label = g_strdup (label);
  self->currency = g_strdup (currency);
}

/* When the change of an amount went with a change of its currency (or
 * the currency changed since), each value has its own. */
void
outlay_history_entry_set_currencies (OutlayHistoryEntry *self,
                                     const char         *old_currency,
                                     const char         *currency)
{
  g_free (self->currency);
  g_free (self->old_currency);
  self->currency = g_strdup (currency);
  self->old_currency = g_strdup (old_currency);
}

void
outlay_history_entry_set_value_names (OutlayHistoryEntry *self,
                                      const char         *value_name,
                                      const char         *old_value_name)
{
  g_free (self->value_name);
  g_free (self->old_value_name);
  self->value_name = g_strdup (value_name);
  self->old_value_name = g_strdup (old_value_name);
}

void
outlay_history_entry_set_undoable (OutlayHistoryEntry *self,
                                   gboolean            undoable)
{
  self->undoable = undoable;
}

#define GETTER(type, name, field)                                 \
  type outlay_history_entry_get_##name (OutlayHistoryEntry *self) \
  {                                                               \
    g_return_val_if_fail (OUTLAY_IS_HISTORY_ENTRY (self), 0);     \
    return self->field;                                           \
  }

GETTER (gint64, seq, seq)
GETTER (const char *, table, table)
GETTER (const char *, row_uuid, row_uuid)
GETTER (const char *, column, column)
GETTER (OutlayHistoryChange, change, change)
GETTER (const char *, value_name, value_name)
GETTER (const char *, old_value_name, old_value_name)
GETTER (const char *, changed_at, changed_at)
GETTER (const char *, device, device)
GETTER (const char *, device_name, device_name)
GETTER (const char *, label, label)
GETTER (const char *, currency, currency)

/**
 * outlay_history_entry_get_old_currency:
 *
 * Returns: (nullable): the currency of the amount before the change, which
 *   differs from outlay_history_entry_get_currency()'s when both changed
 */
const char *
outlay_history_entry_get_old_currency (OutlayHistoryEntry *self)
{
  g_return_val_if_fail (OUTLAY_IS_HISTORY_ENTRY (self), NULL);

  return self->old_currency != NULL ? self->old_currency : self->currency;
}
GETTER (gboolean, undoable, undoable)

/**
 * outlay_history_entry_get_value:
 *
 * Returns: (transfer none) (nullable): the value after the change, an
 *   int64, double or string, or %NULL for none
 */
GVariant *
outlay_history_entry_get_value (OutlayHistoryEntry *self)
{
  g_return_val_if_fail (OUTLAY_IS_HISTORY_ENTRY (self), NULL);

  return self->value;
}

/**
 * outlay_history_entry_get_old_value:
 *
 * Returns: (transfer none) (nullable): the value before the change
 */
GVariant *
outlay_history_entry_get_old_value (OutlayHistoryEntry *self)
{
  g_return_val_if_fail (OUTLAY_IS_HISTORY_ENTRY (self), NULL);

  return self->old_value;
}

OutlayHistoryKind
outlay_history_entry_get_kind (OutlayHistoryEntry *self)
{
  g_return_val_if_fail (OUTLAY_IS_HISTORY_ENTRY (self), OUTLAY_HISTORY_KIND_ALL);

  return outlay_history_kind_of_table (self->table);
}
