/* outlay-sync-tables.c
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

#include "outlay-database.h"
#include "outlay-sync-tables.h"

#define COLUMN(name)   { name, OUTLAY_SYNC_TEXT, NULL, NULL, 9 }
#define INTEGER(name)  { name, OUTLAY_SYNC_INTEGER, NULL, NULL, 9 }
#define CURRENCY(name) { name, OUTLAY_SYNC_CURRENCY, NULL, NULL, 9 }

static const OutlaySyncColumn category_columns[] = {
  COLUMN ("name"), COLUMN ("icon_name"), COLUMN ("color"), INTEGER ("position"),
  COLUMN ("parent_uuid"), INTEGER ("hidden"), COLUMN ("created_at"), COLUMN ("deleted_at"),
};

static const OutlaySyncColumn expense_columns[] = {
  INTEGER ("amount"), CURRENCY ("currency"), COLUMN ("description"), COLUMN ("note"),
  { "category", OUTLAY_SYNC_TEXT, "category_id", "categories", 9 },
  COLUMN ("occurred_on"), COLUMN ("import_hash"), COLUMN ("rule_uuid"), COLUMN ("scheduled_on"),
  INTEGER ("charged_amount"), CURRENCY ("charged_currency"), COLUMN ("created_at"), COLUMN ("deleted_at"),
};

static const OutlaySyncColumn budget_columns[] = {
  COLUMN ("name"), INTEGER ("amount"), CURRENCY ("currency"), COLUMN ("period"), INTEGER ("every"),
  COLUMN ("anchor"), COLUMN ("range_end"), COLUMN ("categories"), COLUMN ("rollover"),
  INTEGER ("rollover_cap"), COLUMN ("rollover_from"), COLUMN ("alerts"), INTEGER ("position"),
  COLUMN ("archived_at"), COLUMN ("created_at"), COLUMN ("deleted_at"),
};

static const OutlaySyncColumn budget_override_columns[] = {
  COLUMN ("budget_uuid"), COLUMN ("period_start"), INTEGER ("amount"), COLUMN ("created_at"),
  COLUMN ("deleted_at"),
};

static const OutlaySyncColumn budget_alert_columns[] = {
  COLUMN ("budget_uuid"), COLUMN ("period_start"), INTEGER ("threshold"), COLUMN ("created_at"),
  COLUMN ("deleted_at"),
};

static const OutlaySyncColumn recurring_rule_columns[] = {
  INTEGER ("amount"), CURRENCY ("currency"), COLUMN ("description"), COLUMN ("note"),
  COLUMN ("category_uuid"), COLUMN ("start_on"), COLUMN ("unit"), INTEGER ("every"),
  INTEGER ("weekdays"), COLUMN ("monthly_on"), INTEGER ("month_day"), INTEGER ("week_number"),
  INTEGER ("weekday"), INTEGER ("end_count"), COLUMN ("end_on"), COLUMN ("weekend"), COLUMN ("mode"),
  COLUMN ("paused_at"), COLUMN ("done_through"), COLUMN ("created_at"), COLUMN ("deleted_at"),
};

static const OutlaySyncColumn recurring_exception_columns[] = {
  COLUMN ("rule_uuid"), COLUMN ("scheduled_on"), INTEGER ("skipped"), INTEGER ("amount"),
  COLUMN ("occurs_on"), COLUMN ("created_at"), COLUMN ("deleted_at"),
};

static const OutlaySyncColumn category_rule_columns[] = {
  INTEGER ("position"), COLUMN ("field"), COLUMN ("match_type"), COLUMN ("patterns"),
  COLUMN ("amount_min"), COLUMN ("amount_max"), CURRENCY ("currency"), COLUMN ("category_uuid"),
  COLUMN ("rename_to"), COLUMN ("created_at"), COLUMN ("deleted_at"),
};

static const OutlaySyncColumn rate_columns[] = {
  CURRENCY ("currency"), CURRENCY ("quote"), COLUMN ("day"), COLUMN ("rate"), COLUMN ("source"),
  COLUMN ("source_name"), COLUMN ("created_at"), COLUMN ("deleted_at"),
};

#define TABLE(name, filter, columns) { name, filter, columns, G_N_ELEMENTS (columns) }

/* In the order a new device fills them: a row's references come first. */
static const OutlaySyncTable tables[] = {
  TABLE ("categories", NULL, category_columns),
  TABLE ("expenses", NULL, expense_columns),
  TABLE ("budgets", NULL, budget_columns),
  TABLE ("budget_overrides", NULL, budget_override_columns),
  TABLE ("budget_alerts", NULL, budget_alert_columns),
  TABLE ("recurring_rules", NULL, recurring_rule_columns),
  TABLE ("recurring_exceptions", NULL, recurring_exception_columns),
  TABLE ("category_rules", NULL, category_rule_columns),
  /* Imported rates are imported again on each device. */
  TABLE ("exchange_rates", "source = 'entered'", rate_columns),
};

const OutlaySyncTable *
outlay_sync_tables_get (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

const OutlaySyncTable *
outlay_sync_tables_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].name, name))
      return &tables[i];

  return NULL;
}

const OutlaySyncColumn *
outlay_sync_table_lookup_column (const OutlaySyncTable *table,
                                 const char            *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (g_str_equal (table->columns[i].name, name) && table->columns[i].since <= OUTLAY_SCHEMA_VERSION)
      return &table->columns[i];

  return NULL;
}

/* The SQL expression of @column's synced value on @row ("NEW", "OLD", or
 * a table name). */
char *
outlay_sync_column_build_read (const OutlaySyncColumn *column,
                               const char             *row)
{
  if (column->id_column != NULL)
    return g_strdup_printf ("(SELECT uuid FROM %s WHERE id = %s.%s)", column->id_table, row, column->id_column);

  return g_strdup_printf ("%s.%s", row, column->name);
}

static void
append_filter (GString               *sql,
               const OutlaySyncTable *table,
               const char            *row)
{
  if (table->row_filter == NULL)
    return;

  g_string_append_printf (sql, "WHEN %s.%s ", row, table->row_filter);
}

#define JOURNAL_INSERT "INSERT INTO sync_journal (tbl, row_uuid, col, value, old_value, changed_at) "
static const char now[] = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/* The journal's triggers for the columns @version began to journal. Only
 * built-in SQL: an older Outlay that writes the file keeps them firing. A
 * change is one entry a column that changed, with its value before; a new
 * row is one entry "*" whose values the sync round reads from the row when
 * it stamps the entry (JSON functions are not allowed in a trigger of an
 * untrusted schema); a row removed for good is "-". */
char *
outlay_sync_tables_build_triggers (guint version)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      const OutlaySyncTable *table = &tables[i];
      gboolean               first = TRUE;

      if (version == 9)
        {
          g_string_append_printf (sql, "CREATE TRIGGER sync_%s_insert AFTER INSERT ON %s ", table->name,
                                  table->name);
          append_filter (sql, table, "NEW");
          g_string_append_printf (sql, "BEGIN " JOURNAL_INSERT "VALUES ('%s', NEW.uuid, '*', NULL, NULL, %s); END;",
                                  table->name, now);

          g_string_append_printf (sql, "CREATE TRIGGER sync_%s_delete AFTER DELETE ON %s ", table->name,
                                  table->name);
          append_filter (sql, table, "OLD");
          g_string_append_printf (sql, "BEGIN " JOURNAL_INSERT "VALUES ('%s', OLD.uuid, '-', NULL, NULL, %s); END;",
                                  table->name, now);
        }

      g_string_append_printf (sql, "CREATE TRIGGER sync_%s_update_%u AFTER UPDATE ON %s ", table->name, version,
                              table->name);
      append_filter (sql, table, "NEW");
      g_string_append_printf (sql, "BEGIN " JOURNAL_INSERT "SELECT '%s', NEW.uuid, c, v, o, %s FROM (",
                              table->name, now);
      for (guint j = 0; j < table->n_columns; j++)
        {
          g_autofree char *new_value = NULL;
          g_autofree char *old_value = NULL;

          if (table->columns[j].since != version)
            continue;

          new_value = outlay_sync_column_build_read (&table->columns[j], "NEW");
          old_value = outlay_sync_column_build_read (&table->columns[j], "OLD");
          if (first)
            g_string_append_printf (sql, "SELECT '%s' AS c, %s AS v, %s AS o", table->columns[j].name, new_value,
                                    old_value);
          else
            g_string_append_printf (sql, " UNION ALL SELECT '%s', %s, %s", table->columns[j].name, new_value,
                                    old_value);
          first = FALSE;
        }
      g_string_append (sql, ") WHERE v IS NOT o; END;");
    }

  return g_string_free (sql, FALSE);
}
