/* outlay-sync-apply.c
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

/* Applying another device's change. Every cell keeps the clock of its last
 * change (sync_clocks; a row's "*" clock stands for the cells not changed
 * since it was new): a change is applied only when its clock, then its
 * device's id, is greater, so that every ledger that has seen the same
 * changes holds the same values whatever the order they came in. A change
 * that cannot be applied yet (a table or column of a newer Outlay, a row or
 * category not here yet, a clock from the future) waits in sync_pending
 * and is tried again every round: nothing is dropped. What is applied goes
 * through the ordinary triggers, so the summary and the search queue follow
 * and the journal records it, with the other device's id and clock, as the
 * history of the row. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-sync-private.h"

typedef enum
{
  APPLIED,
  SKIPPED,
  PENDING,
} Outcome;

static gboolean
step (OutlaySyncApply *apply,
      sqlite3_stmt    *stmt,
      GError         **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  outlay_sqlite_set_error (apply->db, error, rc, _("Could not apply a change from another device"));
  return FALSE;
}

/* A step that a constraint refuses (a row of another device missing a
 * value this version needs, or breaking a unique index): not an error of
 * the round, a change to keep aside. */
static gboolean
step_or_refused (OutlaySyncApply *apply,
                 sqlite3_stmt    *stmt,
                 gboolean        *refused,
                 GError         **error)
{
  int rc = sqlite3_step (stmt);

  *refused = (rc & 0xff) == SQLITE_CONSTRAINT;
  if (rc == SQLITE_DONE || *refused)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  outlay_sqlite_set_error (apply->db, error, rc, _("Could not apply a change from another device"));
  return FALSE;
}

static sqlite3_stmt *
prepare (OutlaySyncApply *apply,
         const char      *sql,
         GError         **error)
{
  return outlay_database_prepare (apply->repository->database, sql, error);
}

gboolean
outlay_sync_read_last_seq (OutlaySyncApply *apply,
                           GError         **error)
{
  g_autoptr (OutlayCachedStatement) stmt = prepare (apply, "SELECT coalesce(max(seq), 0) FROM sync_journal", error);

  if (stmt == NULL || !step (apply, stmt, error))
    return FALSE;

  apply->last_seq = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Marks what the triggers journaled since the last call as @device's
 * change at @hlc: the row's history says where it came from, and it is not
 * written to the folder again as this device's. */
static gboolean
claim_journal (OutlaySyncApply *apply,
               const char      *device,
               gint64           hlc,
               const char      *row_json,
               GError         **error)
{
  g_autoptr (OutlayCachedStatement) stmt =
    prepare (apply,
             "UPDATE sync_journal SET device = ?1, hlc = ?2, "
             "value = CASE WHEN col = '*' THEN coalesce(?3, value) ELSE value END "
             "WHERE seq > ?4 AND hlc IS NULL",
             error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, device, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, hlc);
  if (row_json != NULL)
    sqlite3_bind_text (stmt, 3, row_json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, apply->last_seq);

  return step (apply, stmt, error) && outlay_sync_read_last_seq (apply, error);
}

/* The clock of a cell: of its own last change, of the row's arrival, or of
 * the row's removal, whichever is newest; 0 when it never travelled. */
static gboolean
read_clock (OutlaySyncApply *apply,
            const char      *table,
            const char      *row,
            const char      *column,
            gint64          *hlc,
            char           **device,
            gboolean        *removed,
            GError         **error)
{
  g_autoptr (OutlayCachedStatement) stmt =
    prepare (apply,
             "SELECT hlc, device, col FROM sync_clocks WHERE tbl = ?1 AND row_uuid = ?2 AND col IN (?3, '*', '-') "
             "ORDER BY hlc DESC, device DESC LIMIT 1",
             error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, column, -1, SQLITE_STATIC);

  *hlc = 0;
  *device = NULL;
  *removed = FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *hlc = sqlite3_column_int64 (stmt, 0);
      *device = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *removed = g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "-");
    }
  else if (rc != SQLITE_DONE)
    {
      outlay_sqlite_set_error (apply->db, error, rc, _("Could not read the clock of a change"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_newer (gint64      hlc,
          const char *device,
          gint64      than_hlc,
          const char *than_device)
{
  if (hlc != than_hlc)
    return hlc > than_hlc;

  return than_device == NULL || strcmp (device, than_device) > 0;
}

gboolean
outlay_sync_write_clock (OutlaySyncApply *apply,
                         const char      *table,
                         const char      *row,
                         const char      *column,
                         gint64           hlc,
                         const char      *device,
                         GError         **error)
{
  g_autoptr (OutlayCachedStatement) stmt =
    prepare (apply,
             "INSERT INTO sync_clocks (tbl, row_uuid, col, hlc, device) VALUES (?1, ?2, ?3, ?4, ?5) "
             "ON CONFLICT (tbl, row_uuid, col) DO UPDATE SET hlc = excluded.hlc, device = excluded.device",
             error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, column, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, hlc);
  sqlite3_bind_text (stmt, 5, device, -1, SQLITE_STATIC);

  return step (apply, stmt, error);
}

static gboolean
keep_pending (OutlaySyncApply        *apply,
              const char             *device,
              const OutlaySyncChange *change,
              const char             *column,
              JsonNode               *value,
              const char             *reason,
              GError                **error)
{
  g_autoptr (OutlayCachedStatement) stmt =
    prepare (apply,
             "INSERT OR REPLACE INTO sync_pending (hlc, device, tbl, row_uuid, col, value, reason) "
             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
             error);
  g_autofree char *text = json_to_string (value, FALSE);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, change->hlc);
  sqlite3_bind_text (stmt, 2, device, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, change->row, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, column, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, reason, -1, SQLITE_STATIC);

  if (!step (apply, stmt, error))
    return FALSE;

  apply->counts->pending++;
  if (g_str_equal (reason, "future"))
    apply->counts->held++;
  return TRUE;
}

/* Binds a JSON value; a reference travels as a uuid and is bound as the
 * local id of its row. Sets @wait to why the change must wait instead:
 * "reference" when that row is not here, "invalid" when the value is not
 * what the column holds (a damaged or hostile file: never applied). */
static gboolean
bind_value (OutlaySyncApply        *apply,
            sqlite3_stmt           *stmt,
            int                     index,
            const OutlaySyncColumn *column,
            JsonNode               *value,
            const char            **wait,
            GError                **error)
{
  int rc;

  *wait = NULL;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (value) ||
      json_node_get_value_type (value) != (column->kind == OUTLAY_SYNC_INTEGER ? G_TYPE_INT64 : G_TYPE_STRING) ||
      (column->kind == OUTLAY_SYNC_CURRENCY && !outlay_currency_is_valid (json_node_get_string (value))))
    {
      *wait = "invalid";
      return TRUE;
    }

  if (column->id_column != NULL)
    {
      g_autofree char                   *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", column->id_table);
      g_autoptr (OutlayCachedStatement) lookup = prepare (apply, sql, error);

      if (lookup == NULL)
        return FALSE;
      sqlite3_bind_text (lookup, 1, json_node_get_string (value), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (lookup);
      if (rc == SQLITE_DONE)
        {
          *wait = "reference";
          return TRUE;
        }
      if (rc != SQLITE_ROW)
        {
          outlay_sqlite_set_error (apply->db, error, rc, _("Could not apply a change from another device"));
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, index, sqlite3_column_int64 (lookup, 0));
      return TRUE;
    }

  if (column->kind == OUTLAY_SYNC_INTEGER)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (value));
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (value), -1, SQLITE_TRANSIENT);

  return TRUE;
}

static gboolean
row_exists (OutlaySyncApply *apply,
            const char      *table,
            const char      *row,
            gboolean        *exists,
            GError         **error)
{
  g_autofree char                   *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE uuid = ?", table);
  g_autoptr (OutlayCachedStatement) stmt = prepare (apply, sql, error);
  int                                rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, row, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      outlay_sqlite_set_error (apply->db, error, rc, _("Could not apply a change from another device"));
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
apply_cell (OutlaySyncApply        *apply,
            const char             *device,
            const OutlaySyncChange *change,
            const OutlaySyncColumn *column,
            JsonNode               *value,
            Outcome                *outcome,
            GError                **error)
{
  g_autofree char *clock_device = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  gint64   clock = 0;
  gboolean removed = FALSE;
  const char *wait = NULL;
  gboolean    refused = FALSE;
  int         rc;

  if (!read_clock (apply, change->table, change->row, column->name, &clock, &clock_device, &removed, error))
    return FALSE;

  if (removed || !is_newer (change->hlc, device, clock, clock_device))
    {
      *outcome = SKIPPED;
      return TRUE;
    }

  /* This device changed the cell during this round (a category's merge
   * rewrote a reference): its change is stamped after, with a greater
   * clock, and wins. */
  if (!(stmt = prepare (apply,
                        "SELECT 1 FROM sync_journal WHERE hlc IS NULL AND tbl = ?1 AND row_uuid = ?2 AND col = ?3",
                        error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->row, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, column->name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *outcome = SKIPPED;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      outlay_sqlite_set_error (apply->db, error, rc, _("Could not apply a change from another device"));
      return FALSE;
    }
  g_clear_pointer (&stmt, outlay_cached_statement_release);

  sql = g_strdup_printf ("UPDATE %s SET %s = ?1, updated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') "
                         "WHERE uuid = ?2",
                         change->table, column->id_column != NULL ? column->id_column : column->name);
  if (!(stmt = prepare (apply, sql, error)) || !bind_value (apply, stmt, 1, column, value, &wait, error))
    return FALSE;

  if (wait != NULL)
    {
      *outcome = PENDING;
      return keep_pending (apply, device, change, column->name, value, wait, error);
    }

  sqlite3_bind_text (stmt, 2, change->row, -1, SQLITE_STATIC);
  if (!step_or_refused (apply, stmt, &refused, error))
    return FALSE;
  if (refused)
    {
      *outcome = PENDING;
      return keep_pending (apply, device, change, column->name, value, "invalid", error);
    }

  if (sqlite3_changes (apply->db) == 0)
    {
      *outcome = PENDING;
      return keep_pending (apply, device, change, column->name, value, "row", error);
    }

  *outcome = APPLIED;
  return claim_journal (apply, device, change->hlc, NULL, error) &&
         outlay_sync_write_clock (apply, change->table, change->row, column->name, change->hlc, device, error);
}

/* Marks what the triggers journaled since the last call as this device's
 * own change, stamped @hlc (one every device that makes it gives it): it
 * is written to the folder. */
static gboolean
stamp_own (OutlaySyncApply *apply,
           const char      *table,
           const char      *row,
           const char      *column,
           gint64           hlc,
           GError         **error)
{
  g_autoptr (OutlayCachedStatement) stamp =
    prepare (apply, "UPDATE sync_journal SET hlc = ?1 WHERE seq > ?2 AND hlc IS NULL", error);

  if (stamp == NULL)
    return FALSE;
  sqlite3_bind_int64 (stamp, 1, hlc);
  sqlite3_bind_int64 (stamp, 2, apply->last_seq);
  if (!step (apply, stamp, error) || !outlay_sync_read_last_seq (apply, error))
    return FALSE;

  apply->last_hlc = MAX (apply->last_hlc, hlc);
  return outlay_sync_write_clock (apply, table, row, column, hlc, apply->device, error);
}

/* Two live rows that a unique index says are one (an override of the same
 * period, an exception of the same day, a rate of the same day): the one
 * with the greater uuid is deleted (plan_twin_deletion()), so that every
 * device keeps the same one. */
static gboolean
find_twin (OutlaySyncApply *apply,
           const char      *table,
           const char      *row,
           JsonObject      *values,
           char           **twin,
           GError         **error)
{
  const char *sql = NULL;
  const char *keys[4] = { NULL };
  JsonNode   *deleted = json_object_get_member (values, "deleted_at");
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int         rc;

  *twin = NULL;

  if (deleted != NULL && !JSON_NODE_HOLDS_NULL (deleted))
    return TRUE;

  if (g_str_equal (table, "budget_overrides"))
    {
      sql = "SELECT uuid FROM budget_overrides WHERE budget_uuid = ?1 AND period_start = ?2 AND uuid != ?5 "
            "AND deleted_at IS NULL";
      keys[0] = "budget_uuid", keys[1] = "period_start";
    }
  else if (g_str_equal (table, "budget_alerts"))
    {
      sql = "SELECT uuid FROM budget_alerts WHERE budget_uuid = ?1 AND period_start = ?2 AND threshold = ?3 "
            "AND uuid != ?5";
      keys[0] = "budget_uuid", keys[1] = "period_start", keys[2] = "threshold";
    }
  else if (g_str_equal (table, "recurring_exceptions"))
    {
      sql = "SELECT uuid FROM recurring_exceptions WHERE rule_uuid = ?1 AND scheduled_on = ?2 AND uuid != ?5 "
            "AND deleted_at IS NULL";
      keys[0] = "rule_uuid", keys[1] = "scheduled_on";
    }
  else if (g_str_equal (table, "exchange_rates"))
    {
      sql = "SELECT uuid FROM exchange_rates WHERE currency = ?1 AND quote = ?2 AND day = ?3 AND source = ?4 "
            "AND uuid != ?5 AND deleted_at IS NULL";
      keys[0] = "currency", keys[1] = "quote", keys[2] = "day", keys[3] = "source";
    }
  else
    return TRUE;

  if (!(stmt = prepare (apply, sql, error)))
    return FALSE;

  for (int i = 0; i < 4 && keys[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (values, keys[i]);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        sqlite3_bind_text (stmt, i + 1, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, json_node_get_int (node));
    }
  sqlite3_bind_text (stmt, 5, row, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *twin = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      outlay_sqlite_set_error (apply->db, error, rc, _("Could not apply a change from another device"));
      return FALSE;
    }

  return TRUE;
}

/* The deletion of the twin that loses (the greater uuid), made alike by
 * every device that sees both: the same value (the loser's created_at), the
 * clock just after the later of the two rows' and the loser's device, so
 * that it is one change however many devices make it, and a later change
 * of the row (a person restoring it) wins over it everywhere. */
typedef struct
{
  char  *value;
  gint64 hlc;
  char  *device;
} TwinDeletion;

static void
twin_deletion_clear (TwinDeletion *deletion)
{
  g_free (deletion->value);
  g_free (deletion->device);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TwinDeletion, twin_deletion_clear)

static gboolean
plan_twin_deletion (OutlaySyncApply        *apply,
                    const char             *device,
                    const OutlaySyncChange *change,
                    JsonObject             *values,
                    const char             *twin,
                    TwinDeletion           *deletion,
                    GError                **error)
{
  g_autofree char *twin_device = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  gint64   twin_hlc = 0;
  gboolean removed = FALSE;
  int      rc;

  if (!read_clock (apply, change->table, twin, "*", &twin_hlc, &twin_device, &removed, error))
    return FALSE;

  deletion->hlc = MAX (twin_hlc, change->hlc) + 1;
  if (strcmp (twin, change->row) > 0)
    {
      sql = g_strdup_printf ("SELECT created_at FROM %s WHERE uuid = ?", change->table);
      if (!(stmt = prepare (apply, sql, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, twin, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        deletion->value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (rc != SQLITE_DONE)
        {
          outlay_sqlite_set_error (apply->db, error, rc, _("Could not apply a change from another device"));
          return FALSE;
        }
      deletion->device = g_strdup (twin_device != NULL ? twin_device : apply->device);
    }
  else
    {
      deletion->value = g_strdup (json_object_get_string_member_with_default (values, "created_at", ""));
      deletion->device = g_strdup (device);
    }

  if (deletion->value == NULL)
    deletion->value = g_strdup ("");
  return TRUE;
}

/* Deletes @loser as @deletion says, unless its deletion changed since: as
 * this device's change, stamped with the deletion's clock, so that it is
 * written to the folder too and a device that never sees the twins both
 * live gets it as well. @inserted: the row was just inserted deleted. */
static gboolean
delete_twin (OutlaySyncApply       *apply,
             const OutlaySyncTable *table,
             const char            *loser,
             TwinDeletion          *deletion,
             gboolean               inserted,
             GError               **error)
{
  g_autofree char *clock_device = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  gint64   clock = 0;
  gboolean removed = FALSE;

  if (!inserted)
    {
      if (!read_clock (apply, table->name, loser, "deleted_at", &clock, &clock_device, &removed, error))
        return FALSE;
      if (removed || !is_newer (deletion->hlc, apply->device, clock, clock_device))
        return TRUE;

      sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?1, updated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') "
                             "WHERE uuid = ?2",
                             table->name);
      if (!(stmt = prepare (apply, sql, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, deletion->value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, loser, -1, SQLITE_STATIC);
      if (!step (apply, stmt, error))
        return FALSE;
    }
  else
    {
      stmt = prepare (apply,
                      "INSERT INTO sync_journal (tbl, row_uuid, col, value, changed_at) "
                      "VALUES (?1, ?2, 'deleted_at', ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, loser, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, deletion->value, -1, SQLITE_STATIC);
      if (!step (apply, stmt, error))
        return FALSE;
    }

  return stamp_own (apply, table->name, loser, "deleted_at", deletion->hlc, error);
}

typedef struct
{
  char  *uuid;
  char  *created_at;
  gint64 hlc;
  char  *device;
} Copy;

static void
copy_clear (gpointer data)
{
  Copy *copy = data;

  g_free (copy->uuid);
  g_free (copy->created_at);
  g_free (copy->device);
}

/* Copies of one line of a bank's file imported on several devices (the
 * same import_hash; one device never imports a line twice, deleted or not,
 * outlay-import-plan.c): the one with the smallest uuid stays and each
 * other is deleted at the clock just after the later of its row's and the
 * one that stays, deleted or not by then: whatever order the rows come in,
 * every device ends with the same ones deleted, the same way. Sets
 * @incoming when the row coming in is one to delete. */
static gboolean
resolve_import_twins (OutlaySyncApply        *apply,
                      const char             *device,
                      const OutlaySyncChange *change,
                      const OutlaySyncTable  *table,
                      JsonObject             *values,
                      TwinDeletion           *incoming,
                      GError                **error)
{
  const char *hash = json_object_get_string_member_with_default (values, "import_hash", NULL);
  g_autoptr (GArray) copies = g_array_new (FALSE, TRUE, sizeof (Copy));
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  Copy       *winner = NULL;
  Copy        self = { 0 };
  int         rc;

  if (hash == NULL)
    return TRUE;

  g_array_set_clear_func (copies, copy_clear);
  stmt = prepare (apply,
                  "SELECT e.uuid, e.created_at, coalesce(k.hlc, 0), k.device FROM expenses e "
                  "LEFT JOIN sync_clocks k ON k.tbl = 'expenses' AND k.row_uuid = e.uuid AND k.col = '*' "
                  "WHERE e.import_hash = ?1 AND e.uuid != ?2",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->row, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Copy copy = { 0 };

      copy.uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      copy.created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      copy.hlc = sqlite3_column_int64 (stmt, 2);
      /* Not travelled yet: this device's own. */
      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        copy.device = g_strdup (apply->device);
      else
        copy.device = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_array_append_val (copies, copy);
    }
  if (rc != SQLITE_DONE)
    {
      outlay_sqlite_set_error (apply->db, error, rc, _("Could not apply a change from another device"));
      return FALSE;
    }
  g_clear_pointer (&stmt, outlay_cached_statement_release);

  if (copies->len == 0)
    return TRUE;

  self.uuid = g_strdup (change->row);
  self.created_at = g_strdup (json_object_get_string_member_with_default (values, "created_at", ""));
  self.hlc = change->hlc;
  self.device = g_strdup (device);
  g_array_append_val (copies, self);

  for (guint i = 0; i < copies->len; i++)
    if (winner == NULL || strcmp (g_array_index (copies, Copy, i).uuid, winner->uuid) < 0)
      winner = &g_array_index (copies, Copy, i);

  for (guint i = 0; i < copies->len; i++)
    {
      Copy        *copy = &g_array_index (copies, Copy, i);
      TwinDeletion deletion = { copy->created_at, MAX (copy->hlc, winner->hlc) + 1, NULL };

      if (copy == winner)
        continue;

      if (g_str_equal (copy->uuid, change->row))
        {
          incoming->value = g_strdup (deletion.value);
          incoming->hlc = deletion.hlc;
        }
      else if (!delete_twin (apply, table, copy->uuid, &deletion, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

/* Before this ledger has joined, a category of the folder's ledger takes
 * the place of this ledger's category of the same name that never
 * travelled (the default categories of both, or ones made on each): its
 * uuid, and every reference to it, becomes the folder's. */
static gboolean
merge_category (OutlaySyncApply *apply,
                const char      *row,
                JsonObject      *values,
                gboolean        *merged,
                GError         **error)
{
  static const char *const rewrites[] = {
    "UPDATE categories SET parent_uuid = ?2 WHERE parent_uuid = ?1",
    "UPDATE recurring_rules SET category_uuid = ?2 WHERE category_uuid = ?1",
    "UPDATE category_rules SET category_uuid = ?2 WHERE category_uuid = ?1",
    "UPDATE budgets SET categories = trim(replace(' ' || categories || ' ', ' ' || ?1 || ' ', ' ' || ?2 || ' ')) "
    "WHERE instr(categories, ?1) > 0",
    "UPDATE outlay_meta SET value = ?2 WHERE key = 'fallback_category_uuid' AND value = ?1",
    "UPDATE categories SET uuid = ?2 WHERE uuid = ?1",
  };
  g_autoptr (OutlayCachedStatement) find = NULL;
  g_autofree char *local = NULL;
  const char      *name = json_object_get_string_member_with_default (values, "name", NULL);
  JsonNode        *deleted = json_object_get_member (values, "deleted_at");
  int              rc;

  *merged = FALSE;
  if (!apply->joining || name == NULL || (deleted != NULL && !JSON_NODE_HOLDS_NULL (deleted)))
    return TRUE;

  find = prepare (apply,
                  "SELECT uuid FROM categories c WHERE deleted_at IS NULL AND lower(name) = lower(?1) "
                  "AND NOT EXISTS (SELECT 1 FROM sync_clocks k WHERE k.tbl = 'categories' AND k.row_uuid = c.uuid) "
                  "ORDER BY position LIMIT 1",
                  error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      outlay_sqlite_set_error (apply->db, error, rc, _("Could not apply a change from another device"));
      return FALSE;
    }
  local = g_strdup ((const char *) sqlite3_column_text (find, 0));
  sqlite3_reset (find);

  for (guint i = 0; i < G_N_ELEMENTS (rewrites); i++)
    {
      g_autoptr (OutlayCachedStatement) stmt = prepare (apply, rewrites[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, local, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, row, -1, SQLITE_STATIC);
      if (!step (apply, stmt, error))
        return FALSE;
    }

  /* The references rewritten are this device's changes, not the folder's. */
  *merged = TRUE;
  return outlay_sync_read_last_seq (apply, error);
}

static gboolean
insert_row (OutlaySyncApply        *apply,
            const char             *device,
            const OutlaySyncChange *change,
            const OutlaySyncTable  *table,
            JsonObject             *values,
            const char             *deleted_at,
            Outcome                *outcome,
            GError                **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GString) marks = g_string_new (NULL);
  g_autoptr (GPtrArray) bound = g_ptr_array_new ();
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autofree char *row_json = NULL;
  gboolean         refused = FALSE;

  g_string_printf (sql, "INSERT INTO %s (uuid, updated_at", table->name);
  g_string_append (marks, "?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
  for (guint i = 0; i < table->n_columns; i++)
    {
      const OutlaySyncColumn *column = &table->columns[i];

      if (!json_object_has_member (values, column->name) || column->since > OUTLAY_SCHEMA_VERSION)
        continue;
      g_string_append_printf (sql, ", %s", column->id_column != NULL ? column->id_column : column->name);
      g_string_append_printf (marks, ", ?%u", bound->len + 2);
      g_ptr_array_add (bound, (gpointer) column);
    }
  g_string_append_printf (sql, ") VALUES (%s)", marks->str);

  if (!(stmt = prepare (apply, sql->str, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, change->row, -1, SQLITE_STATIC);
  for (guint i = 0; i < bound->len; i++)
    {
      const OutlaySyncColumn *column = g_ptr_array_index (bound, i);
      const char             *wait = NULL;

      if (deleted_at != NULL && g_str_equal (column->name, "deleted_at"))
        {
          /* The twin that loses (plan_twin_deletion()). */
          sqlite3_bind_text (stmt, (int) i + 2, deleted_at, -1, SQLITE_STATIC);
          continue;
        }
      if (!bind_value (apply, stmt, (int) i + 2, column, json_object_get_member (values, column->name), &wait,
                       error))
        return FALSE;
      if (wait != NULL)
        {
          *outcome = PENDING;
          return keep_pending (apply, device, change, "*", change->value, wait, error);
        }
    }

  if (!step_or_refused (apply, stmt, &refused, error))
    return FALSE;
  if (refused)
    {
      *outcome = PENDING;
      return keep_pending (apply, device, change, "*", change->value, "invalid", error);
    }

  row_json = json_to_string (change->value, FALSE);
  *outcome = APPLIED;
  return claim_journal (apply, device, change->hlc, row_json, error) &&
         outlay_sync_write_clock (apply, table->name, change->row, "*", change->hlc, device, error);
}

static gboolean
apply_row (OutlaySyncApply        *apply,
           const char             *device,
           const OutlaySyncChange *change,
           const OutlaySyncTable  *table,
           Outcome                *outcome,
           GError                **error)
{
  g_autofree char *clock_device = NULL;
  g_autofree char *twin = NULL;
  g_auto (TwinDeletion) deletion = { 0 };
  JsonObject      *values;
  JsonObjectIter   iter;
  const char      *name;
  JsonNode        *value;
  gint64           clock = 0;
  gboolean         removed = FALSE;
  gboolean         exists = FALSE;
  gboolean         merged = FALSE;
  gboolean         lose_twin = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (change->value))
    {
      /* The row was gone when its device stamped it: its removal follows. */
      *outcome = SKIPPED;
      return TRUE;
    }
  values = json_node_get_object (change->value);

  if (!row_exists (apply, table->name, change->row, &exists, error))
    return FALSE;

  if (!exists && g_str_equal (table->name, "categories") && !merge_category (apply, change->row, values, &merged,
                                                                             error))
    return FALSE;

  if (!exists && !merged)
    {
      if (!read_clock (apply, table->name, change->row, "*", &clock, &clock_device, &removed, error))
        return FALSE;
      if (removed && !is_newer (change->hlc, device, clock, clock_device))
        {
          *outcome = SKIPPED;
          return TRUE;
        }

      if (g_str_equal (table->name, "expenses"))
        {
          if (!resolve_import_twins (apply, device, change, table, values, &deletion, error))
            return FALSE;
        }
      else if (!find_twin (apply, table->name, change->row, values, &twin, error))
        return FALSE;
      if (twin != NULL && g_str_equal (table->name, "budget_alerts"))
        {
          /* An alert is given once, whichever device wrote it down; this
           * copy of it is as if removed, so nothing of it waits. */
          *outcome = SKIPPED;
          return outlay_sync_write_clock (apply, table->name, change->row, "-", change->hlc, device, error);
        }
      if (twin != NULL && !plan_twin_deletion (apply, device, change, values, twin, &deletion, error))
        return FALSE;

      /* The one here goes, before the other takes its place. */
      if (twin != NULL && strcmp (twin, change->row) > 0 &&
          !delete_twin (apply, table, twin, &deletion, FALSE, error))
        return FALSE;
      lose_twin = (twin != NULL && strcmp (twin, change->row) < 0) || (twin == NULL && deletion.value != NULL);

      if (!insert_row (apply, device, change, table, values, lose_twin ? deletion.value : NULL, outcome, error))
        return FALSE;
      if (lose_twin && *outcome == APPLIED && !delete_twin (apply, table, change->row, &deletion, TRUE, error))
        return FALSE;
    }
  else
    {
      /* Here already: each of its cells as a change of its own. */
      *outcome = SKIPPED;
      json_object_iter_init (&iter, values);
      while (json_object_iter_next (&iter, &name, &value))
        {
          const OutlaySyncColumn *column = outlay_sync_table_lookup_column (table, name);
          Outcome                 cell = SKIPPED;

          if (column == NULL)
            continue;
          if (!apply_cell (apply, device, change, column, value, &cell, error))
            return FALSE;
          if (cell == APPLIED)
            *outcome = APPLIED;
        }

      /* The folder's row now, as if it had come here whole. */
      if (merged && !outlay_sync_write_clock (apply, table->name, change->row, "*", change->hlc, device, error))
        return FALSE;
    }

  /* Columns of a newer Outlay wait, one by one, for this one to know them. */
  json_object_iter_init (&iter, values);
  while (json_object_iter_next (&iter, &name, &value))
    if (outlay_sync_table_lookup_column (table, name) == NULL &&
        !keep_pending (apply, device, change, name, value, "column", error))
      return FALSE;

  return TRUE;
}

static gboolean
apply_removal (OutlaySyncApply        *apply,
               const char             *device,
               const OutlaySyncChange *change,
               Outcome                *outcome,
               GError                **error)
{
  g_autofree char *clock_device = NULL;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?", change->table);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autoptr (OutlayCachedStatement) forget = NULL;
  gint64   clock = 0;
  gboolean removed = FALSE;

  if (!read_clock (apply, change->table, change->row, "*", &clock, &clock_device, &removed, error))
    return FALSE;
  if (!is_newer (change->hlc, device, clock, clock_device))
    {
      *outcome = SKIPPED;
      return TRUE;
    }

  if (!(stmt = prepare (apply, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->row, -1, SQLITE_STATIC);
  if (!step (apply, stmt, error))
    return FALSE;

  forget = prepare (apply, "DELETE FROM sync_clocks WHERE tbl = ?1 AND row_uuid = ?2", error);
  if (forget == NULL)
    return FALSE;
  sqlite3_bind_text (forget, 1, change->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (forget, 2, change->row, -1, SQLITE_STATIC);
  if (!step (apply, forget, error))
    return FALSE;

  *outcome = APPLIED;
  return claim_journal (apply, device, change->hlc, NULL, error) &&
         outlay_sync_write_clock (apply, change->table, change->row, "-", change->hlc, device, error);
}

/* Applies @change, written by @device, within the caller's transaction. */
gboolean
outlay_sync_apply_change (OutlaySyncApply        *apply,
                          const char             *device,
                          const OutlaySyncChange *change,
                          GError                **error)
{
  const OutlaySyncTable  *table = outlay_sync_tables_lookup (change->table);
  const OutlaySyncColumn *column = NULL;
  Outcome                 outcome = SKIPPED;
  gboolean                ok;

  if (OUTLAY_SYNC_HLC_MS (change->hlc) > apply->now_ms + OUTLAY_SYNC_FUTURE_MS)
    return keep_pending (apply, device, change, change->column, change->value, "future", error);

  if (table == NULL)
    return keep_pending (apply, device, change, change->column, change->value, "table", error);

  apply->last_hlc = MAX (apply->last_hlc, change->hlc);

  if (g_str_equal (change->column, "*"))
    ok = apply_row (apply, device, change, table, &outcome, error);
  else if (g_str_equal (change->column, "-"))
    ok = apply_removal (apply, device, change, &outcome, error);
  else if ((column = outlay_sync_table_lookup_column (table, change->column)) == NULL)
    return keep_pending (apply, device, change, change->column, change->value, "column", error);
  else
    ok = apply_cell (apply, device, change, column, change->value, &outcome, error);

  if (!ok)
    return FALSE;

  if (outcome == APPLIED)
    apply->counts->applied++;
  else if (outcome == SKIPPED)
    apply->counts->skipped++;

  return TRUE;
}

/* Tries again what waited; what still cannot be applied waits on. */
gboolean
outlay_sync_apply_pending (OutlaySyncApply *apply,
                           GError         **error)
{
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_sync_change_free);
  g_autoptr (GPtrArray) devices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (OutlayCachedStatement) stmt =
    prepare (apply, "SELECT hlc, device, tbl, row_uuid, col, value FROM sync_pending ORDER BY hlc, device", error);
  g_autoptr (OutlayCachedStatement) clear = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlaySyncChange *change = g_new0 (OutlaySyncChange, 1);

      change->hlc = sqlite3_column_int64 (stmt, 0);
      change->table = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      change->row = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      change->column = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      change->value = json_from_string ((const char *) sqlite3_column_text (stmt, 5), NULL);
      if (change->value == NULL)
        change->value = json_node_new (JSON_NODE_NULL);
      g_ptr_array_add (changes, change);
      g_ptr_array_add (devices, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      outlay_sqlite_set_error (apply->db, error, rc, _("Could not read the changes waiting to be applied"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (changes->len == 0)
    return TRUE;

  clear = prepare (apply, "DELETE FROM sync_pending", error);
  if (clear == NULL || !step (apply, clear, error))
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      OutlaySyncChange *change = g_ptr_array_index (changes, i);
      const char       *device = g_ptr_array_index (devices, i);

      if (!outlay_sync_apply_change (apply, device, change, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * outlay_sync_rehome_orphans:
 *
 * Expenses left in a deleted category (one device deleted or merged it
 * while another wrote an expense in it) move to the fallback category, as
 * a change every device that sees them makes alike: the clock just after
 * the later of the expense's category and the category's deletion, and
 * written to the folder, so that a device that never sees them orphaned
 * gets the move too, and a person's later choice wins over it.
 */
gboolean
outlay_sync_rehome_orphans (OutlaySyncApply *apply,
                            GError         **error)
{
  g_autoptr (OutlayCachedStatement) stmt =
    prepare (apply,
             "SELECT e.uuid, (SELECT max(hlc) FROM sync_clocks k WHERE k.tbl = 'expenses' AND k.row_uuid = e.uuid "
             "AND k.col IN ('category', '*')), (SELECT max(hlc) FROM sync_clocks k WHERE k.tbl = 'categories' "
             "AND k.row_uuid = c.uuid AND k.col IN ('deleted_at', '*')), "
             "(SELECT id FROM categories f WHERE f.uuid = (SELECT value FROM outlay_meta "
             "WHERE key = 'fallback_category_uuid') AND f.deleted_at IS NULL) "
             "FROM expenses e JOIN categories c ON c.id = e.category_id "
             "WHERE e.deleted_at IS NULL AND c.deleted_at IS NOT NULL",
             error);
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) clocks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 fallback = 0;
  int    rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 hlc = MAX (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2)) + 1;

      g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_array_append_val (clocks, hlc);
      fallback = sqlite3_column_int64 (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    {
      outlay_sqlite_set_error (apply->db, error, rc, _("Could not apply a change from another device"));
      return FALSE;
    }
  g_clear_pointer (&stmt, outlay_cached_statement_release);

  if (fallback == 0)
    return TRUE;

  for (guint i = 0; i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);
      gint64      hlc = g_array_index (clocks, gint64, i);
      g_autoptr (OutlayCachedStatement) move =
        prepare (apply,
                 "UPDATE expenses SET category_id = ?1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                 "WHERE uuid = ?2",
                 error);

      if (move == NULL)
        return FALSE;
      sqlite3_bind_int64 (move, 1, fallback);
      sqlite3_bind_text (move, 2, uuid, -1, SQLITE_STATIC);
      if (!step (apply, move, error))
        return FALSE;

      if (!stamp_own (apply, "expenses", uuid, "category", hlc, error))
        return FALSE;
    }

  return TRUE;
}
