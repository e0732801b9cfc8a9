/* outlay-salvage.c
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

/* "Save what can be read": a new ledger with every row of a damaged one
 * that still reads, the way SQLite's recovery extension works, which
 * Debian 12's SQLite does not ship. Rows are read table by table, by id,
 * past the damaged pages (outlay-salvage-reader.c); each is checked as the
 * repository checks what it stores, and written with its id, uuid and
 * timestamps. The per-day summary and the search index are derived from
 * the rows once at the end, as the bulk insert does. */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "outlay-category-rule-private.h"
#include "outlay-repository-private.h"
#include "outlay-salvage-private.h"
#include "outlay-salvage.h"

#define BULK_CACHE_KIB (64 * 1024)
#define RECOVERED_ICON "dialog-warning-symbolic"
#define RECOVERED_COLOR "#77767b"

/* Schema versions before 3 have no import_hash, before 6 no rule_uuid nor
 * scheduled_on, before 8 no charged_amount nor charged_currency; the read
 * has the same columns either way. */
#define EXPENSE_COLUMNS_V1                                                                                        \
  "id, uuid, amount, currency, description, note, category_id, occurred_on, created_at, updated_at, deleted_at, " \
  "NULL, NULL, NULL, NULL, NULL"
#define EXPENSE_COLUMNS_V3                                                                                        \
  "id, uuid, amount, currency, description, note, category_id, occurred_on, created_at, updated_at, deleted_at, " \
  "import_hash, NULL, NULL, NULL, NULL"
#define EXPENSE_COLUMNS_V6                                                                                        \
  "id, uuid, amount, currency, description, note, category_id, occurred_on, created_at, updated_at, deleted_at, " \
  "import_hash, rule_uuid, scheduled_on, NULL, NULL"

/* What each column of a read must hold, a letter a column: an integer,
 * text, text or NULL, or an integer or NULL (m). */
#define EXPENSE_KINDS "ititttitttnnnnmn"
#define CATEGORY_KINDS "ittttittnni"
#define CATEGORY_KINDS_V1 "ittttittn"

/* Indexes that list every row, covering the id, so that reading them does
 * not touch the table. The partial ones (expenses_by_date and _by_amount)
 * cannot be read without the table. */
static const char *const expense_index_scans[] = {
  "SELECT id FROM expenses INDEXED BY sqlite_autoindex_expenses_1 ORDER BY uuid",
  "SELECT id FROM expenses INDEXED BY sqlite_autoindex_expenses_1 ORDER BY uuid DESC",
  "SELECT id FROM expenses INDEXED BY expenses_by_category ORDER BY category_id, occurred_on, id",
  "SELECT id FROM expenses INDEXED BY expenses_by_category ORDER BY category_id DESC, occurred_on DESC, id DESC",
  NULL,
};

static const char *const category_index_scans[] = {
  "SELECT id FROM categories INDEXED BY sqlite_autoindex_categories_1 ORDER BY uuid",
  "SELECT id FROM categories INDEXED BY sqlite_autoindex_categories_1 ORDER BY uuid DESC",
  NULL,
};

typedef struct
{
  OutlaySalvageReport report;
  GCancellable       *cancellable;
  sqlite3            *source;
  gboolean            has_import_hash;
  gboolean            has_rule_uuid;
  gboolean            has_charged;
  GPtrArray          *categories;    /* OutlayCategory, as they read */
  char               *fallback_uuid; /* the damaged file's, when it reads */
  OutlayDatabase     *database;
  OutlayRepository   *repository;
  GHashTable         *live_ids; /* gint64 *: the live categories written */
  gint64              recovered_id;
  char               *now;
} Salvage;

static void
salvage_clear (Salvage *self)
{
  g_clear_object (&self->repository);
  g_clear_object (&self->database);
  g_clear_pointer (&self->source, sqlite3_close);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->live_ids, g_hash_table_unref);
  g_clear_pointer (&self->fallback_uuid, g_free);
  g_clear_pointer (&self->now, g_free);
}

static void
set_nothing_read (GError    **error,
                  const char *path)
{
  g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_NOT_A_DATABASE,
               _("Nothing could be read from “%s”: it is too damaged, or it is not an Outlay ledger."), path);
}

/* The columns of a row read from a damaged page hold what the schema says
 * they do, in valid UTF-8. */
static gboolean
row_has_kinds (sqlite3_stmt *row,
               const char   *kinds)
{
  for (int i = 0; kinds[i] != '\0'; i++)
    {
      int type = sqlite3_column_type (row, i);

      if (kinds[i] == 'i' || kinds[i] == 'm')
        {
          if (type != SQLITE_INTEGER && (kinds[i] == 'i' || type != SQLITE_NULL))
            return FALSE;
        }
      else if (type == SQLITE_NULL)
        {
          if (kinds[i] != 'n')
            return FALSE;
        }
      else if (type != SQLITE_TEXT ||
               !g_utf8_validate ((const char *) sqlite3_column_text (row, i), sqlite3_column_bytes (row, i), NULL))
        return FALSE;
    }

  return TRUE;
}

/* The file is opened read-only, and immutable: SQLite then takes no lock
 * and creates no -wal or -shm beside it. Only when a write-ahead log with
 * content is there does the read go through it, since the last changes
 * live in it; that may add the log's index file. */
static sqlite3 *
open_source (const char *path,
             GError    **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", TRUE);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  GStatBuf         st;
  sqlite3         *db = NULL;
  int              enabled = 0;
  int              rc;

  uri = g_strconcat ("file://", escaped,
                     g_stat (wal, &st) == 0 && st.st_size > 0 ? "?mode=ro" : "?immutable=1",
                     NULL);

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (db, error, rc, _("Could not open the database"));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled);
  /* Checks the cells of each page as it is read, so that garbage is
   * found out as damage rather than read as rows. */
  sqlite3_exec (db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);

  return db;
}

/* Whether @table exists (*@exists) and has @column, where the schema
 * reads; returns SQLite's code. */
static int
inspect_table (Salvage    *self,
               const char *table,
               const char *column,
               gboolean   *exists,
               gboolean   *has_column)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  *exists = FALSE;
  *has_column = FALSE;

  rc = sqlite3_prepare_v2 (self->source, "SELECT name FROM pragma_table_info(?)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          *exists = TRUE;
          if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), column) == 0)
            *has_column = TRUE;
        }
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Reads what is needed before anything is written: the version in the
 * header and the schema. When they do not read, nothing does. */
static gboolean
inspect_source (Salvage    *self,
                const char *path,
                GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      has_expenses = FALSE;
  gboolean      has_categories = FALSE;
  gboolean      unused;
  int           rc;

  rc = sqlite3_prepare_v2 (self->source, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_debug ("Salvaging %s, data format %d", path, sqlite3_column_int (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_OK)
    rc = inspect_table (self, "expenses", "import_hash", &has_expenses, &self->has_import_hash);
  if (rc == SQLITE_OK)
    rc = inspect_table (self, "expenses", "rule_uuid", &has_expenses, &self->has_rule_uuid);
  if (rc == SQLITE_OK)
    rc = inspect_table (self, "expenses", "charged_amount", &has_expenses, &self->has_charged);
  if (rc == SQLITE_OK)
    rc = inspect_table (self, "categories", "uuid", &has_categories, &unused);

  if (rc != SQLITE_OK && !outlay_salvage_is_damage (rc))
    {
      outlay_sqlite_set_error (self->source, error, rc, _("Could not read the database"));
      return FALSE;
    }

  if (rc != SQLITE_OK || !has_expenses || !has_categories)
    {
      set_nothing_read (error, path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
keep_category_row (sqlite3_stmt *row,
                   gpointer      user_data,
                   GError      **error)
{
  Salvage *self = user_data;
  g_autoptr (OutlayCategory) category = NULL;

  if (!row_has_kinds (row, sqlite3_column_count (row) > 9 ? CATEGORY_KINDS : CATEGORY_KINDS_V1))
    {
      self->report.categories_unreadable++;
      return TRUE;
    }

  category = outlay_category_new_from_statement (row);
  if (!outlay_uuid_is_valid (outlay_category_get_uuid (category)) ||
      outlay_repository_check_text (outlay_category_get_name (category), OUTLAY_CATEGORY_NAME_MAX_LENGTH, TRUE) !=
        OUTLAY_TEXT_OK ||
      !outlay_repository_validate_icon_name (outlay_category_get_icon_name (category), NULL) ||
      !outlay_repository_validate_color (outlay_category_get_color (category), NULL))
    {
      self->report.categories_unreadable++;
      return TRUE;
    }

  g_ptr_array_add (self->categories, g_steal_pointer (&category));

  return TRUE;
}

/* The categories are few: they are read into memory before the new file
 * exists, so that its default categories stay when none reads. */
static gboolean
read_categories (Salvage *self,
                 GError **error)
{
  g_autoptr (OutlaySalvageReader) reader = NULL;
  sqlite3_stmt *stmt = NULL;
  guint         n_lost = 0;
  gboolean      exists, has_parent;

  /* A file of data format 6 or older has no parents. */
  if (inspect_table (self, "categories", "parent_uuid", &exists, &has_parent) != SQLITE_OK)
    has_parent = FALSE;
  reader = outlay_salvage_reader_new (self->source, "categories",
                                      has_parent ? OUTLAY_CATEGORY_COLUMNS : OUTLAY_CATEGORY_COLUMNS_V1,
                                      _("Could not read the database"), self->cancellable, error);
  if (reader == NULL ||
      !outlay_salvage_reader_read (reader, keep_category_row, self, error) ||
      !outlay_salvage_reader_read_lost (reader, category_index_scans, keep_category_row, self, &n_lost, error))
    return FALSE;

  self->report.categories_unreadable += n_lost;

  /* outlay_meta has no ids to go by; when it does not read, another
   * category takes the expenses of deleted ones. */
  if (sqlite3_prepare_v2 (self->source, "SELECT value FROM outlay_meta WHERE key = 'fallback_category_uuid'", -1,
                          &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    self->fallback_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return TRUE;
}

/* Steps a write of one salvaged row; a row that breaks a constraint (the
 * uuid of another) is garbage, and *@rejected. */
static gboolean
step_row (Salvage      *self,
          sqlite3_stmt *stmt,
          const char   *context,
          gboolean     *rejected,
          GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  *rejected = (rc & 0xff) == SQLITE_CONSTRAINT;

  if (rc != SQLITE_DONE && !*rejected)
    {
      outlay_database_propagate_error (self->database, error, rc, context);
      return FALSE;
    }

  return TRUE;
}

/* Puts the categories that read in place of the new file's defaults. */
static gboolean
write_categories (Salvage *self,
                  GError **error)
{
  sqlite3_stmt *stmt;

  if (self->categories->len == 0)
    return TRUE;

  if (!outlay_database_exec (self->database, "DELETE FROM categories", error) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "INSERT INTO categories (" OUTLAY_CATEGORY_COLUMNS ") "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        error)))
    return FALSE;

  for (guint i = 0; i < self->categories->len; i++)
    {
      OutlayCategory *category = self->categories->pdata[i];
      gint64          id = outlay_category_get_id (category);
      gboolean        rejected;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, outlay_category_get_uuid (category), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, outlay_category_get_name (category), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, outlay_category_get_icon_name (category), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, outlay_category_get_color (category), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, outlay_category_get_position (category));
      sqlite3_bind_text (stmt, 7, outlay_category_get_created_at (category), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, outlay_category_get_updated_at (category), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, outlay_category_get_deleted_at (category), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, outlay_category_get_parent_uuid (category), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 11, outlay_category_get_hidden (category));

      if (!step_row (self, stmt, _("Could not add the category"), &rejected, error))
        return FALSE;

      if (rejected)
        self->report.categories_unreadable++;
      else
        {
          self->report.categories_saved++;
          if (outlay_category_get_deleted_at (category) == NULL)
            g_hash_table_add (self->live_ids, g_memdup2 (&id, sizeof id));
        }
    }

  return outlay_repository_reload_categories (self->repository, error);
}

/* The category of the expenses whose own did not survive, made the first
 * time one needs it (or the one of that name from an earlier salvage). */
static gboolean
ensure_recovered (Salvage *self,
                  GError **error)
{
  /* Translators: the name of the category that takes expenses whose own
   * category could not be read */
  const char     *name = _("Recovered");
  OutlayCategory *existing;

  if (self->recovered_id != 0)
    return TRUE;

  existing = outlay_repository_find_category_named (self->repository, name, 0);
  if (existing != NULL)
    {
      self->recovered_id = outlay_category_get_id (existing);
      return TRUE;
    }

  return outlay_repository_insert_category (self->repository, name, RECOVERED_ICON, RECOVERED_COLOR, NULL, self->now,
                                            &self->recovered_id, error) &&
         outlay_repository_reload_categories (self->repository, error);
}

static gboolean
insert_expense (Salvage       *self,
                OutlayExpense *expense,
                GError       **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (self->database,
                                                "INSERT INTO expenses (" OUTLAY_EXPENSE_COLUMNS ") "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                                error);
  gboolean      rejected;
  const char   *charged_currency;
  gint64        charged = 0;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, outlay_expense_get_id (expense));
  sqlite3_bind_text (stmt, 2, outlay_expense_get_uuid (expense), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, outlay_expense_get_amount (expense));
  sqlite3_bind_text (stmt, 4, outlay_expense_get_currency (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, outlay_expense_get_description (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, outlay_expense_get_note (expense), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, outlay_expense_get_category_id (expense));
  sqlite3_bind_text (stmt, 8, outlay_expense_get_occurred_on (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, outlay_expense_get_created_at (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, outlay_expense_get_updated_at (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, outlay_expense_get_deleted_at (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, outlay_expense_get_import_hash (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, outlay_expense_get_rule_uuid (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, outlay_expense_get_scheduled_on (expense), -1, SQLITE_STATIC);
  charged_currency = outlay_expense_get_charged (expense, &charged);
  if (charged_currency != NULL)
    sqlite3_bind_int64 (stmt, 15, charged);
  sqlite3_bind_text (stmt, 16, charged_currency, -1, SQLITE_STATIC);

  if (!step_row (self, stmt, _("Could not save the expense"), &rejected, error))
    return FALSE;

  if (rejected)
    self->report.expenses_unreadable++;
  else
    self->report.expenses_saved++;

  return TRUE;
}

static gboolean
save_expense_row (sqlite3_stmt *row,
                  gpointer      user_data,
                  GError      **error)
{
  Salvage *self = user_data;
  g_autoptr (OutlayExpense) expense = NULL;
  g_autoptr (GError) invalid = NULL;
  gint64   category_id;
  gboolean orphan;

  if (!row_has_kinds (row, EXPENSE_KINDS))
    {
      self->report.expenses_unreadable++;
      return TRUE;
    }

  expense = outlay_expense_new_from_statement (row);
  if (!outlay_uuid_is_valid (outlay_expense_get_uuid (expense)))
    {
      self->report.expenses_unreadable++;
      return TRUE;
    }

  category_id = outlay_expense_get_category_id (expense);
  orphan = !g_hash_table_contains (self->live_ids, &category_id);
  if (orphan)
    outlay_expense_set_category_id (expense, self->recovered_id);

  /* The category is checked last: an orphan that fails only there is
   * valid once "Recovered" exists. */
  if (!outlay_repository_validate_expense (self->repository, expense, &invalid))
    {
      if (!orphan || self->recovered_id != 0 ||
          !g_error_matches (invalid, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY))
        {
          self->report.expenses_unreadable++;
          return TRUE;
        }

      if (!ensure_recovered (self, error))
        return FALSE;

      outlay_expense_set_category_id (expense, self->recovered_id);
      if (!outlay_repository_validate_expense (self->repository, expense, NULL))
        {
          self->report.expenses_unreadable++;
          return TRUE;
        }
    }

  if (orphan)
    self->report.categories_replaced = TRUE;

  return insert_expense (self, expense, error);
}

static gboolean
save_expenses (Salvage *self,
               GError **error)
{
  g_autoptr (OutlaySalvageReader) reader = NULL;
  guint n_lost = 0;

  reader = outlay_salvage_reader_new (self->source, "expenses",
                                      self->has_charged       ? OUTLAY_EXPENSE_COLUMNS
                                      : self->has_rule_uuid   ? EXPENSE_COLUMNS_V6
                                      : self->has_import_hash ? EXPENSE_COLUMNS_V3
                                                              : EXPENSE_COLUMNS_V1,
                                      _("Could not read the database"), self->cancellable, error);
  if (reader == NULL ||
      !outlay_salvage_reader_read (reader, save_expense_row, self, error) ||
      !outlay_salvage_reader_read_lost (reader, expense_index_scans, save_expense_row, self, &n_lost, error))
    return FALSE;

  self->report.expenses_unreadable += n_lost;

  return TRUE;
}

/* The category that takes the expenses of deleted ones: the damaged
 * file's when it was saved, else "Recovered", else the last one. */
static gboolean
write_fallback (Salvage *self,
                GError **error)
{
  g_autoptr (OutlayCachedStatement) live = NULL;
  sqlite3_stmt *stmt;
  gboolean      has_live = FALSE;

  /* The new file's own defaults keep their fallback. */
  if (self->categories->len == 0)
    return TRUE;

  live = outlay_database_prepare (self->database,
                                  "SELECT EXISTS (SELECT 1 FROM categories WHERE deleted_at IS NULL)", error);
  if (live == NULL)
    return FALSE;
  if (sqlite3_step (live) == SQLITE_ROW)
    has_live = sqlite3_column_int (live, 0) != 0;

  if (!has_live && !ensure_recovered (self, error))
    return FALSE;

  stmt = outlay_database_prepare (self->database,
                                  "INSERT INTO outlay_meta (key, value) "
                                  "SELECT 'fallback_category_uuid', uuid FROM categories WHERE deleted_at IS NULL "
                                  "ORDER BY uuid IS ? DESC, id IS ? DESC, position DESC, id DESC LIMIT 1 "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, self->fallback_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->recovered_id);

  return outlay_repository_step_done (self->repository, stmt, _("Could not save the expenses"), error);
}

/* What the triggers would have written, from all the rows at once. */
static gboolean
derive_rows (Salvage *self,
             GError **error)
{
  static const char *const steps[] = {
    OUTLAY_SQL_ADD_EXPENSE_DAYS ("deleted_at IS NULL"),
    "INSERT INTO expenses_fts (rowid, description, note) SELECT id, description, note FROM expenses",
    "DELETE FROM expenses_fts_queue",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = outlay_database_prepare (self->database, steps[i], error);

      if (stmt == NULL ||
          !outlay_repository_step_done (self->repository, stmt, _("Could not save the expenses"), error))
        return FALSE;
    }

  return TRUE;
}

static void
set_triggers_enabled (Salvage *self,
                      gboolean enabled)
{
  int state = 0;

  sqlite3_db_config (outlay_database_get_handle (self->database), SQLITE_DBCONFIG_ENABLE_TRIGGER,
                     enabled ? 1 : 0, &state);
}

/* A rollback journal rather than the write-ahead log for the one big
 * transaction: the pages of a new file need no journal, so every row is
 * written once instead of twice, and the file is whole when closed.
 * outlay_database_open() puts it back in WAL mode. */
static gboolean
use_rollback_journal (Salvage *self,
                      GError **error)
{
  g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database, "PRAGMA journal_mode = DELETE",
                                                                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "delete") != 0)
    {
      outlay_database_propagate_error (self->database, error, rc == SQLITE_ROW ? SQLITE_ERROR : rc,
                                       _("Could not save the expenses"));
      return FALSE;
    }

  return TRUE;
}

/* Budgets, their overrides and the alerts they told: rows copied as they
 * read, column by column, ids, uuids and timestamps kept; a row the new
 * file refuses (a uuid twice, a missing value) is counted unreadable. */

typedef struct
{
  Salvage      *salvage;
  sqlite3_stmt *insert;
  guint         n_columns;
  gboolean      is_budget;
} CopyRows;

static gboolean
copy_row (sqlite3_stmt *row,
          gpointer      user_data,
          GError      **error)
{
  CopyRows *copy = user_data;
  gboolean  rejected = FALSE;

  for (guint i = 0; i < copy->n_columns; i++)
    sqlite3_bind_value (copy->insert, (int) i + 1, sqlite3_column_value (row, (int) i));
  if (!step_row (copy->salvage, copy->insert, _("Could not save the budgets"), &rejected, error))
    return FALSE;
  sqlite3_clear_bindings (copy->insert);

  if (copy->is_budget && rejected)
    copy->salvage->report.budgets_unreadable++;
  else if (copy->is_budget)
    copy->salvage->report.budgets_saved++;
  return TRUE;
}

static gboolean
copy_table (Salvage    *self,
            const char *table,
            const char *columns,
            guint       n_columns,
            GError    **error)
{
  g_autoptr (OutlaySalvageReader) reader = NULL;
  g_autoptr (GString) sql = g_string_new (NULL);
  CopyRows copy = { self, NULL, n_columns, g_str_equal (table, "budgets") };

  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES (?", table, columns);
  for (guint i = 1; i < n_columns; i++)
    g_string_append (sql, ", ?");
  g_string_append_c (sql, ')');

  if (!(copy.insert = outlay_database_prepare (self->database, sql->str, error)) ||
      !(reader = outlay_salvage_reader_new (self->source, table, columns, _("Could not read the database"),
                                            self->cancellable, error)))
    return FALSE;

  return outlay_salvage_reader_read (reader, copy_row, &copy, error);
}

static gboolean
has_table (Salvage    *self,
           const char *table)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      found = FALSE;

  if (sqlite3_prepare_v2 (self->source, "SELECT 1 FROM sqlite_schema WHERE name = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
save_budgets (Salvage *self,
              GError **error)
{
  /* A file of data format 4 or older has none. */
  if (!has_table (self, "budgets"))
    return TRUE;

  return copy_table (self, "budgets", OUTLAY_BUDGET_COLUMNS, 19, error) &&
         copy_table (self, "budget_overrides",
                     "id, uuid, budget_uuid, period_start, amount, created_at, updated_at, deleted_at", 8, error) &&
         copy_table (self, "budget_alerts",
                     "id, uuid, budget_uuid, period_start, threshold, created_at, updated_at, deleted_at", 8, error);
}

/* Recurring expenses' rules and their exceptions, as the budgets. */
static gboolean
save_recurring (Salvage *self,
                GError **error)
{
  /* A file of data format 5 or older has none. */
  if (!has_table (self, "recurring_rules"))
    return TRUE;

  return copy_table (self, "recurring_rules", OUTLAY_RECURRING_RULE_COLUMNS, 24, error) &&
         copy_table (self, "recurring_exceptions",
                     "id, uuid, rule_uuid, scheduled_on, skipped, amount, occurs_on, created_at, updated_at, "
                     "deleted_at",
                     10, error);
}

/* The rules that file expenses, as the budgets. */
static gboolean
save_category_rules (Salvage *self,
                     GError **error)
{
  /* A file of data format 6 or older has none. */
  if (!has_table (self, "category_rules"))
    return TRUE;

  return copy_table (self, "category_rules", OUTLAY_CATEGORY_RULE_COLUMNS, 14, error);
}

/* Exchange rates, as the budgets. */
static gboolean
save_exchange_rates (Salvage *self,
                     GError **error)
{
  /* A file of data format 7 or older has none. */
  if (!has_table (self, "exchange_rates"))
    return TRUE;

  return copy_table (self, "exchange_rates", OUTLAY_EXCHANGE_RATE_COLUMNS, 11, error);
}

static gboolean
write_rows (Salvage *self,
            GError **error)
{
  sqlite3 *db = outlay_database_get_handle (self->database);
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  /* As the bulk insert does: a cache that holds the indexes, and the
   * derived rows written once at the end rather than by row triggers. The
   * search index of a million rows is one long statement: cancelling
   * interrupts it. */
  outlay_database_set_cache_size (self->database, BULK_CACHE_KIB);
  set_triggers_enabled (self, FALSE);
  if (self->cancellable != NULL)
    sqlite3_progress_handler (db, 10000, outlay_sqlite_cancel_cb, self->cancellable);

  ok = write_categories (self, &local_error) &&
       save_expenses (self, &local_error) &&
       write_fallback (self, &local_error) &&
       save_budgets (self, &local_error) &&
       save_recurring (self, &local_error) &&
       save_category_rules (self, &local_error) &&
       save_exchange_rates (self, &local_error) &&
       derive_rows (self, &local_error);

  sqlite3_progress_handler (db, 0, NULL, NULL);
  set_triggers_enabled (self, TRUE);
  outlay_database_set_cache_size (self->database, 0);

  if (!ok && !g_cancellable_set_error_if_cancelled (self->cancellable, error))
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}

static gboolean
write_ledger (Salvage    *self,
              const char *damaged_path,
              GError    **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;

  if (!use_rollback_journal (self, error) ||
      !(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !write_rows (self, error))
    return FALSE;

  if (self->report.expenses_saved == 0 && self->report.categories_saved == 0)
    {
      set_nothing_read (error, damaged_path);
      return FALSE;
    }

  return !g_cancellable_set_error_if_cancelled (self->cancellable, error) &&
         outlay_transaction_commit (transaction, error);
}

/* Gives the finished file its name, unless something took that name in
 * the meantime: link() fails rather than replace it. Where the file
 * system has no hard links, a rename after one more look does. */
static gboolean
move_into_place (const char *path,
                 const char *destination,
                 GError    **error)
{
  int errsv;

  if (link (path, destination) == 0)
    return TRUE;

  errsv = errno;
  if (errsv != EEXIST && !g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      if (g_rename (path, destination) == 0)
        return TRUE;
      errsv = errno;
    }

  if (errsv == EEXIST || g_file_test (destination, G_FILE_TEST_EXISTS))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("“%s” already exists. Save what can be read into a new file."), destination);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                 _("Could not save “%s”: %s"), destination, g_strerror (errsv));

  return FALSE;
}

/* A hidden folder beside @destination for the new ledger and its journal
 * while it is written: on the same file system, so that the finished
 * file takes its name without a copy, and removed whole however the
 * salvage ends. */
static char *
create_work_folder (const char *destination,
                    GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (destination);
  g_autofree char *base = g_path_get_basename (destination);
  g_autofree char *name = g_strdup_printf (".%s.salvage-XXXXXX", base);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_mkdtemp_full (path, 0700) == NULL)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the database “%s”: %s"), destination, g_strerror (errsv));
      return NULL;
    }

  return g_steal_pointer (&path);
}

static gboolean
salvage_into (Salvage    *self,
              const char *damaged_path,
              const char *work_path,
              GError    **error)
{
  if (!(self->database = outlay_database_open (work_path, error)))
    return FALSE;

  self->repository = outlay_repository_new (self->database);
  self->live_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->now = outlay_timestamp_now_utc ();

  if (!write_ledger (self, damaged_path, error))
    return FALSE;

  /* Closed before it gets its name, so that it is one whole file. */
  g_clear_object (&self->repository);
  g_clear_object (&self->database);

  return TRUE;
}

/**
 * outlay_salvage:
 * @damaged_path: a ledger that SQLite reports damaged; only read
 * @destination: the new ledger, a file that does not exist yet
 * @report: (out) (optional): what was saved and what could not be read
 * @cancellable: (nullable): stops the salvage between batches of rows
 * @error: a location for a #GError
 *
 * Saves every row of a damaged ledger that still reads into a new ledger
 * of the current data format: the categories (in place of the new file's
 * default ones, when any reads) and the expenses, deleted ones included,
 * with their ids, uuids and timestamps; expenses whose category did not
 * survive go into a category "Recovered". The per-day summary and the
 * search index are derived from the saved rows.
 *
 * The new ledger is written in a hidden folder beside @destination and
 * takes its name only when whole: a salvage that fails, is cancelled or
 * reads nothing at all (%OUTLAY_DATABASE_ERROR_NOT_A_DATABASE) leaves
 * nothing behind. @destination must not exist (%G_IO_ERROR_EXISTS).
 *
 * Returns: whether the new ledger was written
 */
gboolean
outlay_salvage (const char          *damaged_path,
                const char          *destination,
                OutlaySalvageReport *report,
                GCancellable        *cancellable,
                GError             **error)
{
  Salvage          self = { { 0 } };
  g_autofree char *work_folder = NULL;
  g_autofree char *work_path = NULL;
  GStatBuf         st;
  gboolean         ok;

  g_return_val_if_fail (damaged_path != NULL, FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report != NULL)
    *report = self.report;

  /* That includes the damaged file itself. */
  if (g_lstat (destination, &st) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists. Save what can be read into a new file."), destination);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  self.cancellable = cancellable;
  self.categories = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(self.source = open_source (damaged_path, error)) ||
      !inspect_source (&self, damaged_path, error) ||
      !read_categories (&self, error) ||
      !(work_folder = create_work_folder (destination, error)))
    {
      salvage_clear (&self);
      return FALSE;
    }

  work_path = g_build_filename (work_folder, "ledger.db", NULL);
  ok = salvage_into (&self, damaged_path, work_path, error);
  salvage_clear (&self);

  ok = ok && move_into_place (work_path, destination, error);
  outlay_database_remove_work_folder (work_folder);
  if (!ok)
    return FALSE;

  g_debug ("Salvaged %u expenses (%u unreadable) and %u categories (%u unreadable) into %s",
           self.report.expenses_saved, self.report.expenses_unreadable, self.report.categories_saved,
           self.report.categories_unreadable, destination);

  if (report != NULL)
    *report = self.report;

  return TRUE;
}
