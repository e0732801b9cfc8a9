/* outlay-repository-history.c: the history of every change, read from the
 * change journal, and the Undo of one change
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

#include <glib/gi18n-lib.h>

#include "outlay-history-entry-private.h"
#include "outlay-repository-private.h"
#include "outlay-sync-tables.h"

/* What says nothing to a person: bookkeeping of the program, not a change
 * anyone made (the alerts a budget has told, a recurring expense's catch-up,
 * where an import or a repetition came from, the order of rows, and "=",
 * the rows as they were when the ledger joined a sync folder). */
#define HIDDEN                                                                                              \
  "col NOT IN ('=', 'created_at', 'import_hash', 'rule_uuid', 'scheduled_on', 'position', 'done_through', " \
  "'source', 'source_name') AND tbl <> 'budget_alerts'"

#define SELECT_JOURNAL "SELECT seq, tbl, row_uuid, col, value, old_value, changed_at, device FROM sync_journal "

/* Each kind's tables, as an SQL list. */
static const char *const kind_tables[] = {
  [OUTLAY_HISTORY_KIND_ALL] = NULL,
  [OUTLAY_HISTORY_KIND_EXPENSES] = "('expenses')",
  [OUTLAY_HISTORY_KIND_CATEGORIES] = "('categories')",
  [OUTLAY_HISTORY_KIND_BUDGETS] = "('budgets', 'budget_overrides')",
  [OUTLAY_HISTORY_KIND_RECURRING] = "('recurring_rules', 'recurring_exceptions')",
  [OUTLAY_HISTORY_KIND_RULES] = "('category_rules')",
  [OUTLAY_HISTORY_KIND_RATES] = "('exchange_rates')",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_tables) == OUTLAY_HISTORY_N_KINDS);

/* What each table's row is called, and the currency of its amounts, by
 * uuid. */
static const struct
{
  const char *table;
  const char *sql;
} label_queries[] = {
  { "expenses", "SELECT description, currency FROM expenses WHERE uuid = ?" },
  { "categories", "SELECT name, NULL FROM categories WHERE uuid = ?" },
  { "budgets", "SELECT name, currency FROM budgets WHERE uuid = ?" },
  { "budget_overrides", "SELECT b.name, b.currency FROM budget_overrides o JOIN budgets b ON b.uuid = o.budget_uuid "
                        "WHERE o.uuid = ?" },
  { "recurring_rules", "SELECT description, currency FROM recurring_rules WHERE uuid = ?" },
  { "recurring_exceptions", "SELECT r.description, r.currency FROM recurring_exceptions e "
                            "JOIN recurring_rules r ON r.uuid = e.rule_uuid WHERE e.uuid = ?" },
  { "category_rules", "SELECT patterns, currency FROM category_rules WHERE uuid = ?" },
  { "exchange_rates", "SELECT currency || ' → ' || quote, quote FROM exchange_rates WHERE uuid = ?" },
};

/* The columns whose value is a category's uuid. */
static gboolean
names_category (const char *table,
                const char *column)
{
  return g_str_equal (column, "category_uuid") || g_str_equal (column, "parent_uuid") ||
         (g_str_equal (table, "expenses") && g_str_equal (column, "category"));
}

/* The cells an Undo writes back through the expense's own write, which
 * keeps the list, the Dashboard and the search index right. */
static const char *const expense_cells[] = {
  "amount", "currency", "description", "note", "category", "occurred_on", "charged_amount", "charged_currency",
  "deleted_at",
};

static GVariant *
variant_from_column (sqlite3_stmt *stmt,
                     int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      return g_variant_new_int64 (sqlite3_column_int64 (stmt, column));
    case SQLITE_FLOAT:
      return g_variant_new_double (sqlite3_column_double (stmt, column));
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      return g_variant_new_string ((const char *) sqlite3_column_text (stmt, column));
    case SQLITE_NULL:
    default:
      return NULL;
    }
}

static void
bind_variant (sqlite3_stmt *stmt,
              int           index,
              GVariant     *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    sqlite3_bind_double (stmt, index, g_variant_get_double (value));
  else
    sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
}

static OutlayHistoryChange
change_of (const char   *column,
           sqlite3_stmt *stmt)
{
  if (g_str_equal (column, "*"))
    return OUTLAY_HISTORY_ADDED;
  if (g_str_equal (column, "-"))
    return OUTLAY_HISTORY_REMOVED;
  if (g_str_equal (column, "deleted_at"))
    {
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL && sqlite3_column_type (stmt, 5) == SQLITE_NULL)
        return OUTLAY_HISTORY_DELETED;
      if (sqlite3_column_type (stmt, 4) == SQLITE_NULL && sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        return OUTLAY_HISTORY_RESTORED;
    }
  return OUTLAY_HISTORY_CHANGED;
}

/* One text of one row the first statement gives, or NULL. */
static char *
query_text (OutlayRepository *self,
            const char       *sql,
            const char       *key,
            char            **second,
            GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (second != NULL)
        *second = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the history of changes"));
  return NULL;
}

/* What resolving names costs is paid once a page: each row, category and
 * device is looked up once. */
typedef struct
{
  GHashTable *labels;     /* row uuid → char*[2] label, currency */
  GHashTable *categories; /* uuid → name */
  GHashTable *devices;    /* device id ("" for this device) → name or NULL */
} Names;

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->labels, g_hash_table_unref);
  g_clear_pointer (&names->categories, g_hash_table_unref);
  g_clear_pointer (&names->devices, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

static gboolean
resolve_label (OutlayRepository   *self,
               Names              *names,
               OutlayHistoryEntry *entry,
               GError            **error)
{
  const char *table = outlay_history_entry_get_table (entry);
  const char *uuid = outlay_history_entry_get_row_uuid (entry);
  char      **known = g_hash_table_lookup (names->labels, uuid);

  if (known == NULL)
    {
      g_autoptr (GError) local_error = NULL;
      char *label = NULL;
      char *currency = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (label_queries); i++)
        if (g_str_equal (table, label_queries[i].table))
          label = query_text (self, label_queries[i].sql, uuid, &currency, &local_error);
      /* A row removed for good is called what the journal last called it. */
      if (label == NULL && local_error == NULL)
        label = query_text (self,
                            "SELECT value, NULL FROM sync_journal WHERE row_uuid = ? "
                            "AND col IN ('description', 'name') AND value IS NOT NULL ORDER BY seq DESC LIMIT 1",
                            uuid, NULL, &local_error);
      if (local_error != NULL)
        {
          g_free (label);
          g_free (currency);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      known = g_new0 (char *, 3);
      known[0] = label;
      known[1] = currency;
      g_hash_table_insert (names->labels, g_strdup (uuid), known);
    }

  outlay_history_entry_set_label (entry, known[0], known[1]);
  return TRUE;
}

static gboolean
resolve_category (OutlayRepository *self,
                  Names            *names,
                  GVariant         *value,
                  const char      **name,
                  GError          **error)
{
  const char *uuid;
  char       *found;

  *name = NULL;
  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return TRUE;

  uuid = g_variant_get_string (value, NULL);
  if (g_hash_table_lookup_extended (names->categories, uuid, NULL, (gpointer *) name))
    return TRUE;

  {
    g_autoptr (GError) local_error = NULL;

    found = query_text (self, "SELECT name, NULL FROM categories WHERE uuid = ?", uuid, NULL, &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }
  g_hash_table_insert (names->categories, g_strdup (uuid), found);
  *name = found;
  return TRUE;
}

static gboolean
resolve_device (OutlayRepository   *self,
                Names              *names,
                OutlayHistoryEntry *entry,
                GError            **error)
{
  const char *device = outlay_history_entry_get_device (entry);
  const char *key = device != NULL ? device : "";
  char       *name = NULL;

  if (!g_hash_table_lookup_extended (names->devices, key, NULL, (gpointer *) &name))
    {
      g_autoptr (GError) local_error = NULL;

      if (device == NULL)
        name = outlay_repository_dup_device_name (self, &local_error);
      else
        name = query_text (self, "SELECT NULLIF(name, ''), NULL FROM sync_peers WHERE device = ?", device, NULL,
                           &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* A device that has not said its name yet is known by its id. */
      if (name == NULL && device != NULL)
        name = g_strndup (device, 8);
      g_hash_table_insert (names->devices, g_strdup (key), name);
    }

  outlay_history_entry_set_device_name (entry, name);
  return TRUE;
}

/* The SQL expression of the cell @entry changed, on its table's row. */
static char *
build_cell_read (OutlayHistoryEntry *entry)
{
  const OutlaySyncTable  *table = outlay_sync_tables_lookup (outlay_history_entry_get_table (entry));
  const OutlaySyncColumn *column;

  if (table == NULL)
    return NULL;
  column = outlay_sync_table_lookup_column (table, outlay_history_entry_get_column (entry));
  if (column == NULL)
    return NULL;

  return outlay_sync_column_build_read (column, table->name);
}

static gboolean
can_write_back (OutlayHistoryEntry *entry)
{
  const char *table = outlay_history_entry_get_table (entry);
  const char *column = outlay_history_entry_get_column (entry);

  switch (outlay_history_entry_get_change (entry))
    {
    case OUTLAY_HISTORY_ADDED:
      return g_str_equal (table, "expenses");
    case OUTLAY_HISTORY_REMOVED:
      return FALSE;
    case OUTLAY_HISTORY_CHANGED:
    case OUTLAY_HISTORY_DELETED:
    case OUTLAY_HISTORY_RESTORED:
    default:
      break;
    }

  /* A category's removal moved its expenses, which bringing back the row
   * alone would not undo: the Categories page brings it back whole. */
  if (g_str_equal (table, "categories") && g_str_equal (column, "deleted_at"))
    return FALSE;
  if (g_str_equal (table, "expenses"))
    return g_strv_contains ((const char *const *) expense_cells, column);

  return TRUE;
}

/* Whether the cell still holds what @entry wrote, so that writing back
 * what it held before undoes exactly that change. */
static gboolean
check_applies (OutlayRepository   *self,
               OutlayHistoryEntry *entry,
               gboolean           *applies,
               GError            **error)
{
  g_autofree char *read = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  *applies = FALSE;
  if (!can_write_back (entry))
    return TRUE;

  if (outlay_history_entry_get_change (entry) == OUTLAY_HISTORY_ADDED)
    sql = g_strdup_printf ("SELECT deleted_at IS NULL FROM %s WHERE uuid = ?1", outlay_history_entry_get_table (entry));
  else if ((read = build_cell_read (entry)) != NULL)
    sql = g_strdup_printf ("SELECT %s IS ?2 FROM %s WHERE uuid = ?1", read, outlay_history_entry_get_table (entry));
  else
    return TRUE;

  stmt = outlay_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, outlay_history_entry_get_row_uuid (entry), -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    bind_variant (stmt, 2, outlay_history_entry_get_value (entry));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *applies = sqlite3_column_int (stmt, 0) != 0;
  else if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the history of changes"));
      return FALSE;
    }

  return TRUE;
}

/* The column that holds the currency of an amount column of the same row,
 * or NULL when the amount takes its row's (or its parent's) currency. */
static const char *
currency_column (const char *table,
                 const char *column)
{
  if (g_str_equal (column, "charged_amount"))
    return "charged_currency";
  if (g_str_equal (column, "amount") &&
      (g_str_equal (table, "expenses") || g_str_equal (table, "budgets") || g_str_equal (table, "recurring_rules")))
    return "currency";
  if (g_str_equal (column, "rollover_cap"))
    return "currency";

  return NULL;
}

/* The currency an amount had when it changed, not the row's today: the
 * one in effect at the change, from the row's own journal (through its
 * index). A change of the currency in the same write (the same time) gives
 * the amount before its old currency. */
static gboolean
resolve_currencies (OutlayRepository   *self,
                    OutlayHistoryEntry *entry,
                    GError            **error)
{
  const char *table = outlay_history_entry_get_table (entry);
  const char *column = currency_column (table, outlay_history_entry_get_column (entry));
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  if (column == NULL || outlay_history_entry_get_change (entry) != OUTLAY_HISTORY_CHANGED)
    return TRUE;

  stmt = outlay_database_prepare (self->database,
                                  "SELECT * FROM (SELECT value, "
                                  "CASE WHEN changed_at = ?4 THEN old_value ELSE value END, 1 "
                                  "FROM sync_journal WHERE row_uuid = ?1 AND col = ?2 "
                                  "AND (seq <= ?3 OR changed_at = ?4) ORDER BY seq DESC LIMIT 1) "
                                  "UNION ALL SELECT * FROM (SELECT old_value, old_value, 2 FROM sync_journal "
                                  "WHERE row_uuid = ?1 AND col = ?2 AND seq > ?3 ORDER BY seq LIMIT 1) "
                                  "ORDER BY 3 LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, outlay_history_entry_get_row_uuid (entry), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, outlay_history_entry_get_seq (entry));
  sqlite3_bind_text (stmt, 4, outlay_history_entry_get_changed_at (entry), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *after = (const char *) sqlite3_column_text (stmt, 0);
      const char *before = (const char *) sqlite3_column_text (stmt, 1);

      /* A card charge and its currency are cleared together: each value
       * keeps the currency it had. */
      outlay_history_entry_set_currencies (entry, before != NULL ? before : after, after != NULL ? after : before);
    }
  else if (rc == SQLITE_DONE && g_str_equal (column, "charged_currency"))
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *charged = query_text (self, "SELECT charged_currency, NULL FROM expenses WHERE uuid = ?",
                                             outlay_history_entry_get_row_uuid (entry), NULL, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (charged != NULL)
        outlay_history_entry_set_currencies (entry, charged, charged);
    }
  else if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the history of changes"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
resolve (OutlayRepository   *self,
         Names              *names,
         OutlayHistoryEntry *entry,
         GError            **error)
{
  const char *value_name = NULL;
  const char *old_value_name = NULL;
  gboolean    applies = FALSE;

  if (names_category (outlay_history_entry_get_table (entry), outlay_history_entry_get_column (entry)) &&
      (!resolve_category (self, names, outlay_history_entry_get_value (entry), &value_name, error) ||
       !resolve_category (self, names, outlay_history_entry_get_old_value (entry), &old_value_name, error)))
    return FALSE;
  outlay_history_entry_set_value_names (entry, value_name, old_value_name);

  if (!resolve_label (self, names, entry, error) || !resolve_currencies (self, entry, error) ||
      !resolve_device (self, names, entry, error) || !check_applies (self, entry, &applies, error))
    return FALSE;
  outlay_history_entry_set_undoable (entry, applies);

  return TRUE;
}

static char *
build_read_sql (const OutlayHistoryFilter *filter)
{
  GString *sql = g_string_new (SELECT_JOURNAL "WHERE ");

  /* One row's changes come through the row index, never a scan. */
  if (filter->row_uuid != NULL)
    g_string_append (sql, "row_uuid = :row AND ");
  g_string_append (sql, "seq < :before AND " HIDDEN);
  if (filter->since != NULL)
    g_string_append (sql, " AND changed_at >= :since");
  if (filter->by_device)
    g_string_append (sql, " AND device IS :device");
  if (kind_tables[filter->kind] != NULL)
    g_string_append_printf (sql, " AND tbl IN %s", kind_tables[filter->kind]);
  g_string_append (sql, " ORDER BY seq DESC LIMIT :limit");

  return g_string_free (sql, FALSE);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

/**
 * outlay_repository_read_history:
 * @filter: which changes
 * @before: the seq of the last entry of the page before, or 0 for the newest
 * @limit: the most entries to read
 *
 * Reads a page of the history of changes, newest first, each with what a
 * person needs to read it: the row's name, the currency of its amounts,
 * the categories a reference names, the device's name, and whether its
 * Undo still applies.
 *
 * Returns: (transfer full) (element-type OutlayHistoryEntry): the page,
 *   fewer than @limit entries at the end, or %NULL with @error set
 */
GPtrArray *
outlay_repository_read_history (OutlayRepository          *self,
                                const OutlayHistoryFilter *filter,
                                gint64                     before,
                                guint                      limit,
                                GError                   **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto (Names) names = { 0 };
  g_autofree char *sql = NULL;
  int              rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (filter != NULL && filter->kind < OUTLAY_HISTORY_N_KINDS, NULL);

  sql = build_read_sql (filter);
  {
    g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database, sql, error);

    if (stmt == NULL)
      return NULL;

    bind_named_text (stmt, ":row", filter->row_uuid);
    bind_named_text (stmt, ":since", filter->since);
    bind_named_text (stmt, ":device", filter->device);
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":before"), before > 0 ? before : G_MAXINT64);
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *column = (const char *) sqlite3_column_text (stmt, 3);
        gboolean    whole = g_str_equal (column, "*") || g_str_equal (column, "-");

        g_ptr_array_add (entries,
                         outlay_history_entry_new (sqlite3_column_int64 (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1),
                                                   (const char *) sqlite3_column_text (stmt, 2), column,
                                                   change_of (column, stmt),
                                                   whole ? NULL : variant_from_column (stmt, 4),
                                                   whole ? NULL : variant_from_column (stmt, 5),
                                                   (const char *) sqlite3_column_text (stmt, 6),
                                                   (const char *) sqlite3_column_text (stmt, 7)));
      }
    if (rc != SQLITE_DONE)
      {
        outlay_database_propagate_error (self->database, error, rc, _("Could not read the history of changes"));
        return NULL;
      }
  }

  /* Read apart from the journal's statement, which holds no read open. */
  names.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  names.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names.devices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < entries->len; i++)
    if (!resolve (self, &names, g_ptr_array_index (entries, i), error))
      return NULL;

  return g_steal_pointer (&entries);
}

/**
 * outlay_repository_dup_device_name:
 *
 * Returns: (transfer full) (nullable): the name this device goes by in
 *   sync, or %NULL when it has none yet
 */
char *
outlay_repository_dup_device_name (OutlayRepository *self,
                                   GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return query_text (self, "SELECT NULLIF(value, ''), NULL FROM outlay_meta WHERE key = ?", "device_name", NULL,
                     error);
}

void
outlay_history_device_free (OutlayHistoryDevice *device)
{
  g_free (device->id);
  g_free (device->name);
  g_free (device);
}

/**
 * outlay_repository_list_history_devices:
 *
 * Returns: (transfer full) (element-type OutlayHistoryDevice): this device
 *   (id %NULL) and every other one sync has read, by name
 */
GPtrArray *
outlay_repository_list_history_devices (OutlayRepository *self,
                                        GError          **error)
{
  g_autoptr (GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_history_device_free);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  OutlayHistoryDevice *own = g_new0 (OutlayHistoryDevice, 1);
  int                  rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  own->name = outlay_repository_dup_device_name (self, &local_error);
  g_ptr_array_add (devices, own);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  stmt = outlay_database_prepare (self->database,
                                  "SELECT device, coalesce(NULLIF(name, ''), substr(device, 1, 8)) FROM sync_peers "
                                  "ORDER BY 2, 1",
                                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayHistoryDevice *device = g_new0 (OutlayHistoryDevice, 1);

      device->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      device->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (devices, device);
    }
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the devices"));
      return NULL;
    }

  return g_steal_pointer (&devices);
}

/**
 * outlay_history_since_day:
 * @day: a local day, `YYYY-MM-DD`
 *
 * Returns: (transfer full) (nullable): the UTC time its first moment is,
 *   as the journal writes times, or %NULL when @day is no real day
 */
char *
outlay_history_since_day (const char *day)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (day);
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) utc = NULL;

  if (date == NULL)
    return NULL;

  local = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  if (local == NULL)
    return NULL;
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");
}

/* Undo */

static gboolean
no_longer_applies (GError **error)
{
  g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                       _("This change can no longer be undone: what it changed has changed since."));
  return FALSE;
}

static gboolean
write_back_expense (OutlayRepository   *self,
                    OutlayHistoryEntry *entry,
                    GError            **error)
{
  g_autoptr (OutlayExpense) expense = NULL;
  g_autoptr (OutlayExpense) done = NULL;
  const char *column = outlay_history_entry_get_column (entry);
  GVariant   *old_value = outlay_history_entry_get_old_value (entry);
  const char *text = old_value != NULL && g_variant_is_of_type (old_value, G_VARIANT_TYPE_STRING)
                       ? g_variant_get_string (old_value, NULL)
                       : NULL;
  gint64      number = old_value != NULL && g_variant_is_of_type (old_value, G_VARIANT_TYPE_INT64)
                         ? g_variant_get_int64 (old_value)
                         : 0;
  gint64      charged = 0;
  const char *charged_currency;

  expense = outlay_repository_get_expense_by_uuid (self, outlay_history_entry_get_row_uuid (entry), error);
  if (expense == NULL)
    return FALSE;

  switch (outlay_history_entry_get_change (entry))
    {
    case OUTLAY_HISTORY_ADDED:
    case OUTLAY_HISTORY_RESTORED:
      done = outlay_repository_delete_expense (self, outlay_expense_get_id (expense), error);
      return done != NULL;
    case OUTLAY_HISTORY_DELETED:
      done = outlay_repository_restore_expense (self, outlay_expense_get_id (expense), error);
      return done != NULL;
    case OUTLAY_HISTORY_CHANGED:
    case OUTLAY_HISTORY_REMOVED:
    default:
      break;
    }

  charged_currency = outlay_expense_get_charged (expense, &charged);
  if (g_str_equal (column, "amount"))
    outlay_expense_set_amount (expense, number);
  else if (g_str_equal (column, "currency") && text != NULL)
    outlay_expense_set_currency (expense, text);
  else if (g_str_equal (column, "description") && text != NULL)
    outlay_expense_set_description (expense, text);
  else if (g_str_equal (column, "note"))
    outlay_expense_set_note (expense, text != NULL ? text : "");
  else if (g_str_equal (column, "occurred_on") && text != NULL)
    outlay_expense_set_occurred_on (expense, text);
  else if (g_str_equal (column, "charged_amount"))
    outlay_expense_set_charged (expense, number, old_value != NULL ? charged_currency : NULL);
  else if (g_str_equal (column, "charged_currency"))
    outlay_expense_set_charged (expense, charged, text);
  else if (g_str_equal (column, "category") && text != NULL)
    {
      OutlayCategory *category = outlay_repository_lookup_category_by_uuid (self, text);

      if (category == NULL)
        {
          g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY,
                               _("This change can no longer be undone: its category was deleted."));
          return FALSE;
        }
      outlay_expense_set_category_id (expense, outlay_category_get_id (category));
    }
  else
    return no_longer_applies (error);

  done = outlay_repository_update_expense (self, expense, error);
  return done != NULL;
}

static void
emit_changed (OutlayRepository *self,
              const char       *table)
{
  switch (outlay_history_kind_of_table (table))
    {
    case OUTLAY_HISTORY_KIND_BUDGETS:
      outlay_repository_emit_budgets_changed (self);
      break;
    case OUTLAY_HISTORY_KIND_RECURRING:
      outlay_repository_emit_recurring_changed (self);
      break;
    case OUTLAY_HISTORY_KIND_RULES:
      outlay_repository_emit_category_rules_changed (self);
      break;
    case OUTLAY_HISTORY_KIND_RATES:
      outlay_repository_emit_rates_changed (self);
      break;
    case OUTLAY_HISTORY_KIND_CATEGORIES:
      outlay_repository_emit_categories_changed (self);
      break;
    case OUTLAY_HISTORY_KIND_EXPENSES:
    case OUTLAY_HISTORY_KIND_ALL:
    default:
      break;
    }
}

/* A category's cells go through its own writes, which check a name, a
 * colour, an icon and a parent as when they were typed. */
static gboolean
write_back_category (OutlayRepository   *self,
                     OutlayHistoryEntry *entry,
                     gboolean           *handled,
                     GError            **error)
{
  const char            *column = outlay_history_entry_get_column (entry);
  GVariant              *old_value = outlay_history_entry_get_old_value (entry);
  const char            *uuid = outlay_history_entry_get_row_uuid (entry);
  OutlayCategory        *category = outlay_repository_lookup_category_by_uuid (self, uuid);
  OutlayCategoryChanges  changes = { 0 };
  const char            *text = NULL;
  gboolean               hidden;

  *handled = category != NULL && !g_str_equal (column, "deleted_at");
  if (!*handled)
    return TRUE;

  if (old_value != NULL && g_variant_is_of_type (old_value, G_VARIANT_TYPE_STRING))
    text = g_variant_get_string (old_value, NULL);
  if (g_str_equal (column, "hidden"))
    {
      hidden = old_value != NULL && g_variant_is_of_type (old_value, G_VARIANT_TYPE_INT64) &&
               g_variant_get_int64 (old_value) != 0;
      return outlay_repository_set_category_hidden (self, outlay_category_get_id (category), hidden, error);
    }
  if (g_str_equal (column, "name"))
    changes.name = text;
  else if (g_str_equal (column, "icon_name"))
    changes.icon_name = text;
  else if (g_str_equal (column, "color"))
    changes.color = text;
  else if (g_str_equal (column, "parent_uuid"))
    changes.parent_uuid = text != NULL ? text : "";
  else
    {
      *handled = FALSE;
      return TRUE;
    }

  return outlay_repository_change_category (self, outlay_category_get_id (category), &changes, error);
}

/* The tables without a write of their own for one cell: the cell is put
 * back if it still holds what the change wrote, in one transaction. */
static gboolean
write_back_cell (OutlayRepository   *self,
                 OutlayHistoryEntry *entry,
                 GError            **error)
{
  const char      *table = outlay_history_entry_get_table (entry);
  const char      *column = outlay_history_entry_get_column (entry);
  g_autofree char *now = outlay_timestamp_now_utc ();
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1, updated_at = ?2 WHERE uuid = ?3 AND %s IS ?4",
                                          table, column, column);
  g_autoptr (OutlayTransaction) transaction = outlay_database_begin_transaction (self->database, error);
  g_autoptr (OutlayCachedStatement) stmt = NULL;

  if (transaction == NULL || !(stmt = outlay_database_prepare (self->database, sql, error)))
    return FALSE;

  bind_variant (stmt, 1, outlay_history_entry_get_old_value (entry));
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, outlay_history_entry_get_row_uuid (entry), -1, SQLITE_STATIC);
  bind_variant (stmt, 4, outlay_history_entry_get_value (entry));
  if (!outlay_repository_step_done (self, stmt, _("Could not undo the change"), error))
    return FALSE;
  if (sqlite3_changes (outlay_database_get_handle (self->database)) == 0)
    return no_longer_applies (error);
  g_clear_pointer (&stmt, outlay_cached_statement_release);

  if (g_str_equal (table, "categories"))
    {
      if (!outlay_repository_commit_categories (self, transaction, error))
        return FALSE;
    }
  else if (!outlay_transaction_commit (transaction, error))
    return FALSE;

  emit_changed (self, table);
  return TRUE;
}

/**
 * outlay_repository_undo_history_entry:
 * @entry: a change outlay_repository_read_history() read
 *
 * Takes back one change: writes back what the cell held before, if it
 * still holds what the change wrote (else fails: the change no longer
 * applies, and nothing is written). An expense is written through its own
 * write, so that everyone who follows expenses hears of it; the write is
 * journaled like any other.
 *
 * Returns: whether the change was taken back
 */
gboolean
outlay_repository_undo_history_entry (OutlayRepository   *self,
                                      OutlayHistoryEntry *entry,
                                      GError            **error)
{
  gboolean applies = FALSE;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_HISTORY_ENTRY (entry), FALSE);

  if (!outlay_repository_check_writable (self, error) || !check_applies (self, entry, &applies, error))
    return FALSE;
  if (!applies)
    return no_longer_applies (error);

  if (g_str_equal (outlay_history_entry_get_table (entry), "expenses"))
    return write_back_expense (self, entry, error);
  if (g_str_equal (outlay_history_entry_get_table (entry), "categories"))
    {
      gboolean handled = FALSE;
      gboolean done = write_back_category (self, entry, &handled, error);

      if (!done || handled)
        return done;
    }

  return write_back_cell (self, entry, error);
}
