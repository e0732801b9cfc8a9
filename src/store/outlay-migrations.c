/* outlay-migrations.c
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

/* The ordered schema steps. An upgrade runs every step the file lacks in
 * one transaction, so a step must hold nothing that cannot run inside one
 * (PRAGMA journal_mode or foreign_keys, VACUUM: configure_connection() in
 * outlay-database.c sets the connection up before the upgrade).
 *
 * Rules, learnt from an outage in which a deployed migration broke the code
 * still running against it:
 *  - a step only adds: tables, columns that are nullable or have a default,
 *    indexes, triggers;
 *  - renames and drops happen only in a later step, once no released
 *    version reads the old shape, and that step raises min_writer_version;
 *  - derived data (summaries, search index) is kept by triggers, so that
 *    the writes of an older Outlay keep it right too.
 *
 * tests/fixtures/ holds, for every version, a populated database and the
 * statements that version's code runs; test-migrations proves both
 * directions. A new step needs a new pair of fixtures. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-database-private.h"
#include "outlay-store-private.h"
#include "outlay-sync-tables.h"

static const char schema_v1[] =
  "CREATE TABLE outlay_meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE categories ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  icon_name TEXT NOT NULL,"
  "  color TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"
  "CREATE INDEX categories_by_position ON categories (position) WHERE deleted_at IS NULL;"

  "CREATE TABLE expenses ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  amount INTEGER NOT NULL,"
  "  currency TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  category_id INTEGER NOT NULL REFERENCES categories (id),"
  "  occurred_on TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"
  /* The list by date, and the position lookups of the lazy model. */
  "CREATE INDEX expenses_by_date ON expenses (occurred_on, id) WHERE deleted_at IS NULL;"
  /* Filtering by category; also serves the foreign key. */
  "CREATE INDEX expenses_by_category ON expenses (category_id, occurred_on, id);"
  "CREATE INDEX expenses_by_amount ON expenses (amount, id) WHERE deleted_at IS NULL;";

typedef struct
{
  const char *name;
  const char *icon_name;
  const char *color;
} DefaultCategory;

static const DefaultCategory default_categories[] = {
  { N_("Food & Drink"), "emoji-food-symbolic", "#e66100" },
  { N_("Groceries"), "emoji-nature-symbolic", "#2ec27e" },
  { N_("Transport"), "emoji-travel-symbolic", "#3584e4" },
  { N_("Housing"), "user-home-symbolic", "#865e3c" },
  { N_("Utilities"), "thunderbolt-symbolic", "#e5a50a" },
  { N_("Health"), "emoji-body-symbolic", "#e01b24" },
  { N_("Shopping"), "package-x-generic-symbolic", "#9141ac" },
  { N_("Entertainment"), "applications-games-symbolic", "#c061cb" },
  { N_("Travel"), "airplane-mode-symbolic", "#1a5fb4" },
  /* The last one is where expenses go when their category is deleted. */
  { N_("Other"), "view-more-horizontal-symbolic", "#77767b" },
};

static gboolean
seed_categories (sqlite3 *db,
                 GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO categories (uuid, name, icon_name, color, position, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                           "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                           -1, &stmt, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (default_categories); i++)
    {
      g_autofree char       *uuid = g_uuid_string_random ();
      const DefaultCategory *category = &default_categories[i];

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, g_dgettext (GETTEXT_PACKAGE, category->name), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, category->icon_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, category->color, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, (int) i);

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = sqlite3_reset (stmt);
    }

  if (rc == SQLITE_OK)
    {
      /* Remember which category takes the expenses of a deleted one. */
      rc = sqlite3_exec (db,
                         "INSERT INTO outlay_meta (key, value) "
                         "SELECT 'fallback_category_uuid', uuid FROM categories ORDER BY position DESC LIMIT 1",
                         NULL, NULL, NULL);
    }

  if (rc != SQLITE_OK)
    outlay_sqlite_set_error (db, error, rc, _("Could not add the default categories"));

  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

/* Version 2: a per-day summary, so that totals and the list's positions
 * never scan a million rows, and a full-text index for search. Both are
 * derived data kept by triggers; nothing existing changes, so version 1
 * may still write the file. */
static const char schema_v2[] =
  "CREATE TABLE expense_days ("
  "  day TEXT NOT NULL,"
  "  category_id INTEGER NOT NULL,"
  "  currency TEXT NOT NULL,"
  "  count INTEGER NOT NULL,"
  "  total INTEGER NOT NULL,"
  "  PRIMARY KEY (day, category_id, currency)"
  ") WITHOUT ROWID;"

  OUTLAY_SQL_ADD_EXPENSE_DAYS ("deleted_at IS NULL") ";"

  "CREATE TRIGGER expense_days_insert AFTER INSERT ON expenses "
  "WHEN NEW.deleted_at IS NULL BEGIN "
  "  INSERT INTO expense_days (day, category_id, currency, count, total) "
  "    VALUES (NEW.occurred_on, NEW.category_id, NEW.currency, 1, NEW.amount) "
  "    ON CONFLICT (day, category_id, currency) DO UPDATE "
  "    SET count = count + 1, total = total + excluded.total; "
  "END;"

  "CREATE TRIGGER expense_days_delete AFTER DELETE ON expenses "
  "WHEN OLD.deleted_at IS NULL BEGIN "
  "  UPDATE expense_days SET count = count - 1, total = total - OLD.amount "
  "    WHERE day = OLD.occurred_on AND category_id = OLD.category_id AND currency = OLD.currency; "
  "  DELETE FROM expense_days WHERE day = OLD.occurred_on AND category_id = OLD.category_id "
  "    AND currency = OLD.currency AND count <= 0; "
  "END;"

  "CREATE TRIGGER expense_days_update "
  "AFTER UPDATE OF amount, currency, category_id, occurred_on, deleted_at ON expenses "
  "BEGIN "
  "  UPDATE expense_days SET count = count - 1, total = total - OLD.amount "
  "    WHERE OLD.deleted_at IS NULL AND day = OLD.occurred_on AND category_id = OLD.category_id "
  "    AND currency = OLD.currency; "
  "  DELETE FROM expense_days WHERE OLD.deleted_at IS NULL AND day = OLD.occurred_on "
  "    AND category_id = OLD.category_id AND currency = OLD.currency AND count <= 0; "
  "  INSERT INTO expense_days (day, category_id, currency, count, total) "
  "    SELECT NEW.occurred_on, NEW.category_id, NEW.currency, 1, NEW.amount WHERE NEW.deleted_at IS NULL "
  "    ON CONFLICT (day, category_id, currency) DO UPDATE "
  "    SET count = count + 1, total = total + excluded.total; "
  "END;"

  /* The search index is filled from a queue by the repository (see
   * outlay_repository_sync_search()), not by triggers: with
   * trusted_schema=OFF a trigger may not write a virtual table. The queue
   * is filled by plain triggers, so that what an older version writes is
   * indexed too, the next time this version opens the file. */
  "CREATE VIRTUAL TABLE expenses_fts USING fts5 ("
  "  description, note, tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TABLE expenses_fts_queue (id INTEGER PRIMARY KEY);"
  "INSERT INTO expenses_fts_queue (id) SELECT id FROM expenses;"

  "CREATE TRIGGER expenses_fts_queue_insert AFTER INSERT ON expenses BEGIN "
  "  INSERT OR IGNORE INTO expenses_fts_queue (id) VALUES (NEW.id); "
  "END;"
  "CREATE TRIGGER expenses_fts_queue_update AFTER UPDATE OF description, note ON expenses BEGIN "
  "  INSERT OR IGNORE INTO expenses_fts_queue (id) VALUES (NEW.id); "
  "END;"
  "CREATE TRIGGER expenses_fts_queue_delete AFTER DELETE ON expenses BEGIN "
  "  INSERT OR IGNORE INTO expenses_fts_queue (id) VALUES (OLD.id); "
  "END;";

/* Version 3: where an imported expense came from, so that importing the same
 * file again finds it even after the expense was edited. A new nullable
 * column: older versions keep writing without it. */
static const char schema_v3[] =
  "ALTER TABLE expenses ADD COLUMN import_hash TEXT;"
  "CREATE INDEX expenses_by_import_hash ON expenses (import_hash) "
  "  WHERE import_hash IS NOT NULL;";

/* Version 4: the list sorted by description reads an index instead of
 * sorting every row (at 1,000,000 expenses its first page took 185 ms, the
 * whole list 1.1 s). Older versions keep it up to date like any index. */
static const char schema_v4[] =
  "CREATE INDEX expenses_by_description ON expenses (description COLLATE NOCASE, id) "
  "  WHERE deleted_at IS NULL;";

/* Version 5: budgets. A budget counts the expenses of some categories (by
 * uuid, space-separated; none: all of them) in one currency, per period
 * of a cycle (outlay-cycle.h) from its anchor day. What it carries from
 * one period to the next is worked out from the per-day summary every
 * time, never stored. An override gives one period another amount; an
 * alert row remembers a threshold crossed in a period, so that it is said
 * once. New tables only: older versions never read them. */
static const char schema_v5[] =
  "CREATE TABLE budgets ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  currency TEXT NOT NULL,"
  "  period TEXT NOT NULL,"
  "  every INTEGER NOT NULL DEFAULT 1,"
  "  anchor TEXT NOT NULL,"
  "  range_end TEXT,"
  "  categories TEXT NOT NULL DEFAULT '',"
  "  rollover TEXT NOT NULL DEFAULT 'none',"
  "  rollover_cap INTEGER,"
  "  rollover_from TEXT,"
  "  alerts TEXT NOT NULL DEFAULT '80 100',"
  "  position INTEGER NOT NULL,"
  "  archived_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"
  "CREATE INDEX budgets_by_position ON budgets (position) WHERE deleted_at IS NULL;"

  "CREATE TABLE budget_overrides ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  budget_uuid TEXT NOT NULL,"
  "  period_start TEXT NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"
  "CREATE UNIQUE INDEX budget_overrides_by_period ON budget_overrides (budget_uuid, period_start) "
  "  WHERE deleted_at IS NULL;"

  "CREATE TABLE budget_alerts ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  budget_uuid TEXT NOT NULL,"
  "  period_start TEXT NOT NULL,"
  "  threshold INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"
  "CREATE UNIQUE INDEX budget_alerts_once ON budget_alerts (budget_uuid, period_start, threshold);";

/* Version 6: recurring expenses. A rule's schedule is an OutlayRecurrence
 * (outlay-recurrence.h) in plain columns; it refers to its category by
 * uuid. Its occurrences are ordinary expenses that remember their rule and
 * scheduled day, with a uuid derived from both, so that an occurrence
 * written twice (two processes, later two devices) is one row. An
 * exception skips one occurrence or gives it another amount or day.
 * done_through is the last day whose occurrences are dealt with. New
 * tables and nullable columns only: older versions write expenses as
 * before, without a rule. */
static const char schema_v6[] =
  "CREATE TABLE recurring_rules ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  amount INTEGER NOT NULL,"
  "  currency TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  category_uuid TEXT NOT NULL,"
  "  start_on TEXT NOT NULL,"
  "  unit TEXT NOT NULL,"
  "  every INTEGER NOT NULL DEFAULT 1,"
  "  weekdays INTEGER NOT NULL DEFAULT 0,"
  "  monthly_on TEXT NOT NULL DEFAULT 'day',"
  "  month_day INTEGER NOT NULL DEFAULT 1,"
  "  week_number INTEGER NOT NULL DEFAULT 1,"
  "  weekday INTEGER NOT NULL DEFAULT 1,"
  "  end_count INTEGER,"
  "  end_on TEXT,"
  "  weekend TEXT NOT NULL DEFAULT 'keep',"
  "  mode TEXT NOT NULL DEFAULT 'automatic',"
  "  paused_at TEXT,"
  "  done_through TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"

  "CREATE TABLE recurring_exceptions ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  rule_uuid TEXT NOT NULL,"
  "  scheduled_on TEXT NOT NULL,"
  "  skipped INTEGER NOT NULL DEFAULT 0,"
  "  amount INTEGER,"
  "  occurs_on TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"
  "CREATE UNIQUE INDEX recurring_exceptions_by_day ON recurring_exceptions (rule_uuid, scheduled_on) "
  "  WHERE deleted_at IS NULL;"

  "ALTER TABLE expenses ADD COLUMN rule_uuid TEXT;"
  "ALTER TABLE expenses ADD COLUMN scheduled_on TEXT;"
  "CREATE INDEX expenses_by_rule ON expenses (rule_uuid, scheduled_on) WHERE rule_uuid IS NOT NULL;";

/* Version 7: categories and rules that file expenses. A category may sit
 * under another (one level; by uuid, so that it survives sync; a parent
 * deleted by an older version leaves its children at the top) and may be
 * hidden: kept for the expenses it has, not offered for new ones. A rule
 * files an expense whose description or note contains, starts with or
 * equals one of its patterns (one a line, compared case- and
 * accent-insensitively), optionally within an amount range (decimal texts,
 * in the expense's own currency) and in one currency, under a category, and
 * may rename its description; the first that matches, by position, wins.
 * Nullable or defaulted columns and a new table: older versions keep
 * writing categories as before, at the top and shown. */
static const char schema_v7[] =
  "ALTER TABLE categories ADD COLUMN parent_uuid TEXT;"
  "ALTER TABLE categories ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;"

  "CREATE TABLE category_rules ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  position INTEGER NOT NULL,"
  "  field TEXT NOT NULL DEFAULT 'description',"
  "  match_type TEXT NOT NULL DEFAULT 'contains',"
  "  patterns TEXT NOT NULL,"
  "  amount_min TEXT,"
  "  amount_max TEXT,"
  "  currency TEXT,"
  "  category_uuid TEXT NOT NULL,"
  "  rename_to TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"
  "CREATE INDEX category_rules_by_position ON category_rules (position) WHERE deleted_at IS NULL;";

/* Version 8: exchange rates and what an expense was charged. A rate says
 * that one unit of its currency was worth `rate` units of its quote on a
 * day, as published (a decimal text, never a binary float): entered by the
 * person, or imported from a file (its name kept, such as "ECB"), the same
 * day of the same pair once for each. An expense in another currency may
 * keep the exact amount the card was charged in the home currency of the
 * day (charged_amount in charged_currency's minor units). A new table and
 * nullable columns: older versions keep writing expenses without them. */
static const char schema_v8[] =
  "CREATE TABLE exchange_rates ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  currency TEXT NOT NULL,"
  "  quote TEXT NOT NULL,"
  "  day TEXT NOT NULL,"
  "  rate TEXT NOT NULL,"
  "  source TEXT NOT NULL DEFAULT 'entered',"
  "  source_name TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"
  "CREATE UNIQUE INDEX exchange_rates_by_day ON exchange_rates (currency, quote, source, day) "
  "  WHERE deleted_at IS NULL;"

  "ALTER TABLE expenses ADD COLUMN charged_amount INTEGER;"
  "ALTER TABLE expenses ADD COLUMN charged_currency TEXT;"
  "CREATE INDEX expenses_charged ON expenses (occurred_on) "
  "  WHERE charged_amount IS NOT NULL AND deleted_at IS NULL;"
  /* An older version that changes an amount or a currency leaves the
   * charge alone: it no longer holds, and goes. This version writes the
   * charge again after such a change when it is to stay. */
  "CREATE TRIGGER expenses_charge_forgotten AFTER UPDATE OF amount, currency ON expenses "
  "  WHEN NEW.charged_amount IS NOT NULL AND (NEW.amount IS NOT OLD.amount OR NEW.currency IS NOT OLD.currency) "
  "BEGIN UPDATE expenses SET charged_amount = NULL, charged_currency = NULL WHERE id = NEW.id; END;";

/* Version 9: the change journal, for sync and the history of changes.
 * Triggers append every change of a synced table (outlay-sync-tables.c) to
 * sync_journal, so that what an older Outlay writes is journaled too; the
 * sync round stamps this device's entries with a hybrid logical clock
 * (hlc: milliseconds << 16 | counter) and writes them to the folder, and
 * marks what it applied from another device with that device's id and
 * clock. sync_clocks holds, of every row and cell that has travelled, the
 * clock of its last change ("*": the row's own, for cells changed since
 * it was new); sync_peers where this device stopped reading each other
 * one; sync_pending what could not be applied yet (a newer device's table
 * or column, a row or reference not here yet, a clock from the future).
 * All of it is this device's own and never travels; so are the device's
 * id, name and folder, in outlay_meta. New tables and triggers only. */
static const char schema_v9[] =
  "CREATE TABLE sync_journal ("
  "  seq INTEGER PRIMARY KEY,"
  "  tbl TEXT NOT NULL,"
  "  row_uuid TEXT NOT NULL,"
  "  col TEXT NOT NULL,"
  "  value,"
  "  old_value,"
  "  changed_at TEXT NOT NULL,"
  "  device TEXT,"
  "  hlc INTEGER"
  ");"
  "CREATE INDEX sync_journal_by_row ON sync_journal (row_uuid, seq);"
  "CREATE INDEX sync_journal_unstamped ON sync_journal (seq) WHERE hlc IS NULL;"

  "CREATE TABLE sync_clocks ("
  "  tbl TEXT NOT NULL,"
  "  row_uuid TEXT NOT NULL,"
  "  col TEXT NOT NULL,"
  "  hlc INTEGER NOT NULL,"
  "  device TEXT NOT NULL,"
  "  PRIMARY KEY (tbl, row_uuid, col)"
  ") WITHOUT ROWID;"

  "CREATE TABLE sync_peers ("
  "  device TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  segment INTEGER NOT NULL DEFAULT 0,"
  "  line INTEGER NOT NULL DEFAULT 0,"
  "  seen_at TEXT,"
  "  schema INTEGER NOT NULL DEFAULT 0"
  ") WITHOUT ROWID;"

  "CREATE TABLE sync_pending ("
  "  hlc INTEGER NOT NULL,"
  "  device TEXT NOT NULL,"
  "  tbl TEXT NOT NULL,"
  "  row_uuid TEXT NOT NULL,"
  "  col TEXT NOT NULL,"
  "  value,"
  "  reason TEXT NOT NULL,"
  "  PRIMARY KEY (hlc, device, tbl, row_uuid, col)"
  ") WITHOUT ROWID;";

static gboolean
add_sync_journal (sqlite3 *db,
                  GError **error)
{
  g_autofree char *triggers = outlay_sync_tables_build_triggers (9);
  g_autofree char *device = g_uuid_string_random ();
  g_autofree char *ledger = g_uuid_string_random ();
  g_autofree char *meta = g_strdup_printf ("INSERT OR IGNORE INTO outlay_meta (key, value) "
                                           "VALUES ('device_id', '%s'), ('ledger_uuid', '%s')",
                                           device, ledger);
  int              rc;

  rc = sqlite3_exec (db, triggers, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, meta, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    outlay_sqlite_set_error (db, error, rc, _("Could not add the change journal"));

  return rc == SQLITE_OK;
}

static const OutlayMigration migrations[] = {
  { 1, 1, schema_v1, seed_categories },
  { 2, 1, schema_v2, NULL },
  { 3, 1, schema_v3, NULL },
  { 4, 1, schema_v4, NULL },
  { 5, 1, schema_v5, NULL },
  { 6, 1, schema_v6, NULL },
  { 7, 1, schema_v7, NULL },
  { 8, 1, schema_v8, NULL },
  { 9, 1, schema_v9, add_sync_journal },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == OUTLAY_SCHEMA_VERSION);

const OutlayMigration *
outlay_migrations_get (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

/* How many categories a new database starts with. */
guint
outlay_migrations_get_n_default_categories (void)
{
  return G_N_ELEMENTS (default_categories);
}
