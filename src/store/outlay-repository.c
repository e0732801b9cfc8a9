/* outlay-repository.c
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
#include <stdio.h>
#include <string.h>

#include "outlay-database-private.h"
#include "outlay-money.h"
#include "outlay-query-private.h"
#include "outlay-repository.h"
#include "outlay-repository-private.h"
#include "outlay-store-private.h"

struct _OutlayRepository
{
  GObject parent_instance;

  OutlayDatabase *database;
  GListStore     *categories; /* OutlayCategory, by position, not deleted */
  char           *fallback_uuid;
  gint64          data_version; /* what PRAGMA data_version said last */
};

enum
{
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum
{
  EXPENSES_CHANGED,
  CATEGORIES_CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayRepository, outlay_repository, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (outlay-repository-error-quark, outlay_repository_error)
/* clang-format on */

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* Sentinels that sort before and after every real date. */
#define FIRST_DAY "0000-00-00"
#define LAST_DAY "9999-99-99"

#define BULK_CACHE_KIB (64 * 1024)

#define SQL_SELECT_EXPENSE "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE id = ?"

/* A time-ordered (version 7) UUID: new rows land at the end of the uuid
 * index instead of on a random page of it, which keeps bulk imports fast
 * on a large file. */
static char *
new_uuid (void)
{
  guint8  b[16];
  guint64 ms = (guint64) (g_get_real_time () / 1000);

  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (8 * (5 - i)));
  for (guint i = 6; i < 16; i++)
    b[i] = (guint8) g_random_int_range (0, 256);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

typedef enum
{
  TEXT_OK,
  TEXT_EMPTY,
  TEXT_TOO_LONG,
  TEXT_INVALID,
} TextCheck;

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* Trims every kind of space, not only ASCII's, from both ends. */
static char *
strip_text (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static TextCheck
check_text (const char *text,
            guint       max_length,
            gboolean    required)
{
  g_autofree char *stripped = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return TEXT_INVALID;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Newlines belong in notes only; other control characters nowhere. */
      if (g_unichar_iscntrl (c) && !(c == '\n' && !required))
        return TEXT_INVALID;
    }

  stripped = strip_text (text);
  if (required && *stripped == '\0')
    return TEXT_EMPTY;

  /* What is stored is the trimmed text of a required field. */
  if (g_utf8_strlen (required ? stripped : text, -1) > max_length)
    return TEXT_TOO_LONG;

  return TEXT_OK;
}

static gboolean
validate_expense (OutlayRepository *self,
                  OutlayExpense    *expense,
                  GError          **error)
{
  gint64      amount = outlay_expense_get_amount (expense);
  const char *currency = outlay_expense_get_currency (expense);

  if (amount <= 0)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                           _("The amount must be more than zero."));
      return FALSE;
    }

  if (amount > OUTLAY_MONEY_MAX)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                           _("The amount is too large."));
      return FALSE;
    }

  if (currency == NULL || !outlay_currency_is_valid (currency))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY,
                   _("The currency “%s” is not a known ISO 4217 code."),
                   currency != NULL ? currency : "");
      return FALSE;
    }

  if (!outlay_date_is_valid (outlay_expense_get_occurred_on (expense)))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DATE,
                           _("The date must be a real day between 1900 and 2999."));
      return FALSE;
    }

  switch (check_text (outlay_expense_get_description (expense), OUTLAY_DESCRIPTION_MAX_LENGTH, TRUE))
    {
    case TEXT_EMPTY:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION,
                           _("The description is empty."));
      return FALSE;

    case TEXT_TOO_LONG:
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION,
                   _("The description is longer than %u characters."), OUTLAY_DESCRIPTION_MAX_LENGTH);
      return FALSE;

    case TEXT_INVALID:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION,
                           _("The description contains characters that are not allowed."));
      return FALSE;

    case TEXT_OK:
    default:
      break;
    }

  switch (check_text (outlay_expense_get_note (expense), OUTLAY_NOTE_MAX_LENGTH, FALSE))
    {
    case TEXT_TOO_LONG:
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NOTE,
                   _("The note is longer than %u characters."), OUTLAY_NOTE_MAX_LENGTH);
      return FALSE;

    case TEXT_INVALID:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NOTE,
                           _("The note contains characters that are not allowed."));
      return FALSE;

    case TEXT_EMPTY:
    case TEXT_OK:
    default:
      break;
    }

  if (outlay_repository_lookup_category (self, outlay_expense_get_category_id (expense)) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY,
                           _("The category does not exist."));
      return FALSE;
    }

  return TRUE;
}

gboolean
outlay_repository_step_done (OutlayRepository *self,
                             sqlite3_stmt     *stmt,
                             const char       *context,
                             GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    outlay_database_propagate_error (self->database, error, rc, context);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static OutlayExpense *
fetch_expense (OutlayRepository *self,
               gint64            id,
               GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database, SQL_SELECT_EXPENSE, error);
  OutlayExpense *expense = NULL;
  int            rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    expense = outlay_expense_new_from_statement (stmt);
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                   _("There is no expense with the number %s."), number);
    }
  else
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the expense"));

  return expense;
}

void
outlay_repository_emit_change (OutlayRepository *self,
                               OutlayChangeKind  kind,
                               OutlayExpense    *before,
                               OutlayExpense    *after)
{
  OutlayExpenseChange change = { kind, before, after };

  g_signal_emit (self, signals[EXPENSES_CHANGED], 0, &change);
}

/* Brings the search index up to date with the rows queued by the triggers:
 * ours, inside each write's transaction, and those of an older version,
 * when the file is opened. */
gboolean
outlay_repository_sync_search (OutlayRepository *self,
                               GError          **error)
{
  static const char *const steps[] = {
    /* Rows added since the last sync have no entry yet; skipping them keeps
     * a bulk import from looking up a million missing rows. */
    "DELETE FROM expenses_fts WHERE rowid IN (SELECT id FROM expenses_fts_queue "
    "WHERE id <= (SELECT rowid FROM expenses_fts ORDER BY rowid DESC LIMIT 1))",
    "INSERT INTO expenses_fts (rowid, description, note) "
    "SELECT id, description, note FROM expenses WHERE id IN (SELECT id FROM expenses_fts_queue)",
    "DELETE FROM expenses_fts_queue",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = outlay_database_prepare (self->database, steps[i], error);

      if (stmt == NULL || !outlay_repository_step_done (self, stmt, _("Could not update the search index"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
search_is_stale (OutlayRepository *self)
{
  g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database,
                                                                     "SELECT EXISTS (SELECT 1 FROM expenses_fts_queue)",
                                                                     NULL);
  gboolean stale = FALSE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    stale = sqlite3_column_int (stmt, 0) != 0;

  return stale;
}

/* Catches up with what an older version wrote; a read-only file searches
 * what is indexed. */
static gboolean
catch_up_search (OutlayRepository *self,
                 GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;

  if (outlay_database_is_read_only (self->database) || !search_is_stale (self))
    return TRUE;

  transaction = outlay_database_begin_transaction (self->database, error);

  return transaction != NULL &&
         outlay_repository_sync_search (self, error) &&
         outlay_transaction_commit (transaction, error);
}

gboolean
outlay_repository_validate_expense (OutlayRepository *self,
                                    OutlayExpense    *expense,
                                    GError          **error)
{
  return validate_expense (self, expense, error);
}

/* @exact keeps what an imported draft brings besides its values: its
 * timestamps and tombstone (a new expense gets @now, and is live). */
static gboolean
insert_expense (OutlayRepository *self,
                OutlayExpense    *draft,
                const char       *now,
                gboolean          exact,
                gint64           *id,
                GError          **error)
{
  static const char sql[] =
    "INSERT INTO expenses (uuid, amount, currency, description, note, category_id, occurred_on, created_at, updated_at, deleted_at, import_hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  const char      *created_at = exact ? outlay_expense_get_created_at (draft) : NULL;
  const char      *updated_at = exact ? outlay_expense_get_updated_at (draft) : NULL;
  sqlite3_stmt    *stmt = outlay_database_prepare (self->database, sql, error);
  g_autofree char *uuid = NULL;
  g_autofree char *description = NULL;
  const char      *draft_uuid = outlay_expense_get_uuid (draft);

  if (stmt == NULL)
    return FALSE;

  uuid = draft_uuid != NULL ? g_strdup (draft_uuid) : new_uuid ();
  description = strip_text (outlay_expense_get_description (draft));

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, outlay_expense_get_amount (draft));
  sqlite3_bind_text (stmt, 3, outlay_expense_get_currency (draft), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, outlay_expense_get_note (draft), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, outlay_expense_get_category_id (draft));
  sqlite3_bind_text (stmt, 7, outlay_expense_get_occurred_on (draft), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, created_at != NULL ? created_at : now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, updated_at != NULL ? updated_at : now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, exact ? outlay_expense_get_deleted_at (draft) : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, outlay_expense_get_import_hash (draft), -1, SQLITE_STATIC);

  if (!outlay_repository_step_done (self, stmt, _("Could not save the expense"), error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (outlay_database_get_handle (self->database));
  return TRUE;
}

/**
 * outlay_repository_add_expense:
 * @draft: the values to store; its id, timestamps and (when unset) uuid are
 *   ignored
 *
 * Returns: (transfer full): the stored expense, or %NULL with @error set
 *   and nothing changed
 */
OutlayExpense *
outlay_repository_add_expense (OutlayRepository *self,
                               OutlayExpense    *draft,
                               GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  g_autofree char *now = NULL;
  gint64           id;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (draft), NULL);

  if (!validate_expense (self, draft, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !insert_expense (self, draft, now, FALSE, &id, error) ||
      !(stored = fetch_expense (self, id, error)) ||
      !outlay_repository_sync_search (self, error) ||
      !outlay_transaction_commit (transaction, error))
    return NULL;

  outlay_repository_emit_change (self, OUTLAY_CHANGE_ADDED, NULL, stored);

  return g_steal_pointer (&stored);
}

static void
set_triggers_enabled (OutlayRepository *self,
                      gboolean          enabled)
{
  int state = 0;

  sqlite3_db_config (outlay_database_get_handle (self->database),
                     SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled ? 1 : 0, &state);
}

/* What the triggers would have written for the rows @first_id to @last_id,
 * which one transaction has just added (their ids are consecutive). */
static gboolean
add_derived_rows (OutlayRepository *self,
                  gint64            first_id,
                  gint64            last_id,
                  GError          **error)
{
  static const char *const steps[] = {
    OUTLAY_SQL_ADD_EXPENSE_DAYS ("id BETWEEN ? AND ? AND deleted_at IS NULL"),
    "INSERT INTO expenses_fts (rowid, description, note) "
    "SELECT id, description, note FROM expenses WHERE id BETWEEN ? AND ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = outlay_database_prepare (self->database, steps[i], error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, first_id);
      sqlite3_bind_int64 (stmt, 2, last_id);
      if (!outlay_repository_step_done (self, stmt, _("Could not save the expenses"), error))
        return FALSE;
    }

  return TRUE;
}

/* Inside an open transaction: the drafts get consecutive ids
 * @first_id…@last_id. */
gboolean
outlay_repository_insert_drafts (OutlayRepository *self,
                                 OutlayExpense   **drafts,
                                 guint             n_drafts,
                                 const char       *now,
                                 gboolean          exact,
                                 gint64           *first_id,
                                 gint64           *last_id,
                                 GError          **error)
{
  gboolean ok = TRUE;

  /* The indexes of a large file do not fit SQLite's default 2 MB cache; a
   * bigger one for the length of an import saves most page reads. And the
   * per-row triggers cost more than the rows themselves: this connection
   * turns them off and writes the same derived data once, set-based. */
  outlay_database_set_cache_size (self->database, BULK_CACHE_KIB);
  set_triggers_enabled (self, FALSE);

  for (guint i = 0; ok && i < n_drafts; i++)
    ok = insert_expense (self, drafts[i], now, exact, i == 0 ? first_id : last_id, error);

  if (ok && n_drafts == 1)
    *last_id = *first_id;

  ok = ok && add_derived_rows (self, *first_id, *last_id, error);

  set_triggers_enabled (self, TRUE);
  outlay_database_set_cache_size (self->database, 0);

  return ok && outlay_repository_sync_search (self, error);
}

/**
 * outlay_repository_add_expenses:
 * @drafts: (array length=n_drafts): the expenses to store
 *
 * Stores every draft in one transaction: all of them or, on error, none.
 */
gboolean
outlay_repository_add_expenses (OutlayRepository *self,
                                OutlayExpense   **drafts,
                                guint             n_drafts,
                                GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  gint64           first_id = 0;
  gint64           last_id = 0;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (drafts != NULL || n_drafts == 0, FALSE);

  for (guint i = 0; i < n_drafts; i++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!validate_expense (self, drafts[i], &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Expense %u of %u: %s"), i + 1, n_drafts, local_error->message);
          return FALSE;
        }
    }

  if (n_drafts == 0)
    return TRUE;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !outlay_repository_insert_drafts (self, drafts, n_drafts, now, FALSE, &first_id, &last_id, error) ||
      !outlay_transaction_commit (transaction, error))
    return FALSE;

  outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);

  return TRUE;
}

/**
 * outlay_repository_update_expense:
 * @expense: the new values, for the expense with its id
 *
 * Returns: (transfer full): the stored expense, or %NULL with @error set
 *   and nothing changed
 */
OutlayExpense *
outlay_repository_update_expense (OutlayRepository *self,
                                  OutlayExpense    *expense,
                                  GError          **error)
{
  static const char sql[] =
    "UPDATE expenses SET amount = ?, currency = ?, description = ?, note = ?, category_id = ?, "
    "occurred_on = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL";
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayExpense) before = NULL;
  g_autoptr (OutlayExpense) after = NULL;
  g_autofree char *now = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt    *stmt;
  gint64           id;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (expense), NULL);

  if (!validate_expense (self, expense, error))
    return NULL;

  id = outlay_expense_get_id (expense);
  now = outlay_timestamp_now_utc ();
  description = strip_text (outlay_expense_get_description (expense));

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(before = fetch_expense (self, id, error)))
    return NULL;

  if (outlay_expense_get_deleted_at (before) != NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The expense was deleted and cannot be changed."));
      return NULL;
    }

  if (!(stmt = outlay_database_prepare (self->database, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, outlay_expense_get_amount (expense));
  sqlite3_bind_text (stmt, 2, outlay_expense_get_currency (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, outlay_expense_get_note (expense), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, outlay_expense_get_category_id (expense));
  sqlite3_bind_text (stmt, 6, outlay_expense_get_occurred_on (expense), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, id);

  if (!outlay_repository_step_done (self, stmt, _("Could not save the expense"), error) ||
      !(after = fetch_expense (self, id, error)) ||
      !outlay_repository_sync_search (self, error) ||
      !outlay_transaction_commit (transaction, error))
    return NULL;

  outlay_repository_emit_change (self, OUTLAY_CHANGE_UPDATED, before, after);

  return g_steal_pointer (&after);
}

static OutlayExpense *
set_deleted (OutlayRepository *self,
             gint64            id,
             gboolean          deleted,
             GError          **error)
{
  static const char delete_sql[] = "UPDATE expenses SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
  static const char restore_sql[] = "UPDATE expenses SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL";
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayExpense) before = NULL;
  g_autoptr (OutlayExpense) after = NULL;
  g_autofree char *now = outlay_timestamp_now_utc ();
  sqlite3_stmt    *stmt;

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(before = fetch_expense (self, id, error)))
    return NULL;

  if ((outlay_expense_get_deleted_at (before) != NULL) == deleted)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           deleted ? _("The expense is already deleted.")
                                   : _("The expense is not deleted."));
      return NULL;
    }

  if (!(stmt = outlay_database_prepare (self->database, deleted ? delete_sql : restore_sql, error)))
    return NULL;

  if (deleted)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, id);
    }
  else
    sqlite3_bind_int64 (stmt, 1, id);

  if (!outlay_repository_step_done (self, stmt, deleted ? _("Could not delete the expense") : _("Could not restore the expense"), error) ||
      !(after = fetch_expense (self, id, error)) ||
      !outlay_transaction_commit (transaction, error))
    return NULL;

  outlay_repository_emit_change (self, deleted ? OUTLAY_CHANGE_REMOVED : OUTLAY_CHANGE_RESTORED, before, after);

  return g_steal_pointer (&after);
}

/**
 * outlay_repository_delete_expense:
 *
 * Deletes softly: the row stays, marked deleted, so that
 * outlay_repository_restore_expense() brings it back exactly.
 *
 * Returns: (transfer full): the deleted expense (with deleted-at set), all
 *   that Undo needs; or %NULL with @error set
 */
OutlayExpense *
outlay_repository_delete_expense (OutlayRepository *self,
                                  gint64            id,
                                  GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return set_deleted (self, id, TRUE, error);
}

/**
 * outlay_repository_restore_expense:
 *
 * Returns: (transfer full): the restored expense, as it was before it was
 *   deleted; or %NULL with @error set
 */
OutlayExpense *
outlay_repository_restore_expense (OutlayRepository *self,
                                   gint64            id,
                                   GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return set_deleted (self, id, FALSE, error);
}

/**
 * outlay_repository_get_expense:
 *
 * Returns: (transfer full): the expense, deleted or not
 */
OutlayExpense *
outlay_repository_get_expense (OutlayRepository *self,
                               gint64            id,
                               GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return fetch_expense (self, id, error);
}

OutlayExpense *
outlay_repository_get_expense_by_uuid (OutlayRepository *self,
                                       const char       *uuid,
                                       GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  OutlayExpense *expense = NULL;
  int            rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = outlay_database_prepare (self->database,
                                  "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE uuid = ?",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    expense = outlay_expense_new_from_statement (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                 _("There is no expense with the identifier %s."), uuid);
  else
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the expense"));

  return expense;
}

static sqlite3_stmt *
prepare_query (OutlayRepository  *self,
               const char        *select,
               const OutlayQuery *query,
               gboolean           ordered,
               const char        *suffix,
               OutlayBindings    *bindings,
               GError           **error)
{
  g_autoptr (GString) sql = g_string_new (select);
  sqlite3_stmt *stmt;

  if (outlay_query_get_text (query) != NULL && !catch_up_search (self, error))
    return NULL;

  g_string_append (sql, " FROM expenses WHERE deleted_at IS NULL");
  outlay_query_append_filter (query, sql, bindings);
  if (ordered)
    outlay_query_append_order (query, sql);
  if (suffix != NULL)
    g_string_append (sql, suffix);

  stmt = outlay_database_prepare (self->database, sql->str, error);
  if (stmt != NULL)
    outlay_bindings_apply (bindings, stmt, 1);

  return stmt;
}

/**
 * outlay_repository_find_expenses:
 * @limit: the most to return, or 0 for all
 *
 * Returns: (transfer full) (element-type OutlayExpense): the expenses that
 *   match @query, in its order
 */
GPtrArray *
outlay_repository_find_expenses (OutlayRepository  *self,
                                 const OutlayQuery *query,
                                 guint              offset,
                                 guint              limit,
                                 GError           **error)
{
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  outlay_bindings_init (&bindings);
  stmt = prepare_query (self, "SELECT " OUTLAY_EXPENSE_COLUMNS, query, TRUE, " LIMIT ? OFFSET ?", &bindings, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, bindings.kinds->len + 1, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, bindings.kinds->len + 2, offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, outlay_expense_new_from_statement (stmt));

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return NULL;
    }

  return g_steal_pointer (&result);
}

/**
 * outlay_repository_find_expense_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the expenses
 *   that match @query, in its order
 */
GArray *
outlay_repository_find_expense_ids (OutlayRepository  *self,
                                    const OutlayQuery *query,
                                    GError           **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  outlay_bindings_init (&bindings);
  stmt = prepare_query (self, "SELECT id", query, TRUE, NULL, &bindings, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

gboolean
outlay_repository_count_expenses (OutlayRepository  *self,
                                  const OutlayQuery *query,
                                  guint             *count,
                                  GError           **error)
{
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  outlay_bindings_init (&bindings);
  stmt = prepare_query (self, "SELECT count(*)", query, FALSE, NULL, &bindings, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = (guint) sqlite3_column_int64 (stmt, 0);

  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not count the expenses"));
      return FALSE;
    }

  return TRUE;
}

/**
 * outlay_repository_summarize:
 * @n_all: (out) (optional): how many expenses match
 *
 * What a list shows at its foot, and a day at its heading: the total of the
 * matching expenses in each currency they are in, the most used first.
 * Filters by category and date read the per-day summary.
 *
 * Returns: (transfer full) (element-type OutlayCurrencyTotal): the totals
 */
GArray *
outlay_repository_summarize (OutlayRepository  *self,
                             const OutlayQuery *query,
                             guint             *n_all,
                             GError           **error)
{
  g_autoptr (GArray) totals = g_array_new (FALSE, FALSE, sizeof (OutlayCurrencyTotal));
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  guint count = 0;
  int   rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  outlay_bindings_init (&bindings);

  if (!outlay_query_has_text (query) && !outlay_query_has_amount_range (query))
    stmt = outlay_repository_prepare_days (self, "SELECT currency, sum(total), sum(count)", query,
                                           " GROUP BY currency HAVING sum(count) > 0 ORDER BY 3 DESC, 1",
                                           &bindings, error);
  else
    stmt = prepare_query (self, "SELECT currency, sum(amount), count(*)", query, FALSE,
                          " GROUP BY currency ORDER BY 3 DESC, 1", &bindings, error);

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayCurrencyTotal row = { { 0 }, 0, 0 };

      g_strlcpy (row.currency, (const char *) sqlite3_column_text (stmt, 0), sizeof row.currency);
      row.total = sqlite3_column_int64 (stmt, 1);
      row.count = (guint) sqlite3_column_int64 (stmt, 2);
      count += row.count;
      g_array_append_val (totals, row);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not compute the total"));
      return NULL;
    }

  if (n_all != NULL)
    *n_all = count;

  return g_steal_pointer (&totals);
}

/* A statement on the per-day summary, for a query that filters at most by
 * category and date: what the summary keeps. */
sqlite3_stmt *
outlay_repository_prepare_days (OutlayRepository  *self,
                                const char        *select,
                                const OutlayQuery *query,
                                const char        *suffix,
                                OutlayBindings    *bindings,
                                GError           **error)
{
  g_autoptr (GString) sql = g_string_new (select);
  guint         n_categories;
  const gint64 *categories = outlay_query_get_categories (query, &n_categories);
  sqlite3_stmt *stmt;

  g_assert (!outlay_query_has_text (query) && !outlay_query_has_amount_range (query));

  g_string_append (sql, " FROM expense_days WHERE day >= ? AND day <= ?");
  outlay_bindings_add_text (bindings, query->date_from != NULL ? query->date_from : FIRST_DAY);
  outlay_bindings_add_text (bindings, query->date_to != NULL ? query->date_to : LAST_DAY);
  if (n_categories > 0)
    {
      g_string_append (sql, " AND category_id IN (");
      for (guint i = 0; i < n_categories; i++)
        {
          g_string_append (sql, i > 0 ? ", ?" : "?");
          outlay_bindings_add_int (bindings, categories[i]);
        }
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, suffix);

  stmt = outlay_database_prepare (self->database, sql->str, error);
  if (stmt != NULL)
    outlay_bindings_apply (bindings, stmt, 1);

  return stmt;
}

/* Categories */

gboolean
outlay_repository_reload_categories (OutlayRepository *self,
                                     GError          **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  guint n_old;
  int   rc;

  stmt = outlay_database_prepare (self->database,
                                  "SELECT " OUTLAY_CATEGORY_COLUMNS " FROM categories "
                                  "WHERE deleted_at IS NULL ORDER BY position, id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->categories));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (OutlayCategory) fresh = outlay_category_new_from_statement (stmt);
      OutlayCategory *existing = NULL;

      /* Keep the objects others hold; only their values change. */
      for (guint i = 0; i < n_old && existing == NULL; i++)
        {
          g_autoptr (OutlayCategory) old = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

          if (outlay_category_get_id (old) == outlay_category_get_id (fresh))
            existing = g_steal_pointer (&old);
        }

      if (existing != NULL)
        {
          outlay_category_assign (existing, fresh);
          g_ptr_array_add (items, existing);
        }
      else
        g_ptr_array_add (items, g_steal_pointer (&fresh));
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the categories"));
      return FALSE;
    }

  g_list_store_splice (self->categories, 0, n_old, items->pdata, items->len);

  return TRUE;
}

static gboolean
load_fallback (OutlayRepository *self,
               GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database,
                                                                     "SELECT value FROM outlay_meta WHERE key = 'fallback_category_uuid'",
                                                                     error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (self->fallback_uuid);
      self->fallback_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the categories"));
      return FALSE;
    }

  return TRUE;
}

/**
 * outlay_repository_get_categories:
 *
 * Returns: (transfer none): the live list of categories in their order; the
 *   same objects stay in it and follow every change
 */
GListModel *
outlay_repository_get_categories (OutlayRepository *self)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->categories);
}

/**
 * outlay_repository_lookup_category:
 *
 * Returns: (transfer none) (nullable): the category, unless it is deleted
 */
OutlayCategory *
outlay_repository_lookup_category (OutlayRepository *self,
                                   gint64            id)
{
  guint n;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  for (guint i = 0; i < n; i++)
    {
      OutlayCategory *category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

      /* The store holds its own reference. */
      g_object_unref (category);
      if (outlay_category_get_id (category) == id)
        return category;
    }

  return NULL;
}

/**
 * outlay_repository_get_fallback_category:
 *
 * Returns: (transfer none) (nullable): the category that takes the expenses
 *   of a deleted one ("Other")
 */
OutlayCategory *
outlay_repository_get_fallback_category (OutlayRepository *self)
{
  guint n;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  for (guint i = 0; i < n; i++)
    {
      OutlayCategory *category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

      g_object_unref (category);
      if (g_strcmp0 (outlay_category_get_uuid (category), self->fallback_uuid) == 0)
        return category;
    }

  return NULL;
}

static gboolean
validate_category_name (OutlayRepository *self,
                        const char       *name,
                        gint64            except_id,
                        GError          **error)
{
  g_autofree char *stripped = NULL;
  guint            n;

  switch (check_text (name, OUTLAY_CATEGORY_NAME_MAX_LENGTH, TRUE))
    {
    case TEXT_EMPTY:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                           _("The category name is empty."));
      return FALSE;

    case TEXT_TOO_LONG:
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                   _("The category name is longer than %u characters."), OUTLAY_CATEGORY_NAME_MAX_LENGTH);
      return FALSE;

    case TEXT_INVALID:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                           _("The category name contains characters that are not allowed."));
      return FALSE;

    case TEXT_OK:
    default:
      break;
    }

  stripped = strip_text (name);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);
      g_autofree char *a = g_utf8_casefold (outlay_category_get_name (category), -1);
      g_autofree char *b = g_utf8_casefold (stripped, -1);

      if (outlay_category_get_id (category) != except_id && g_strcmp0 (a, b) == 0)
        {
          g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME,
                       _("There is already a category named “%s”."), stripped);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
outlay_repository_validate_color (const char *color,
                                  GError    **error)
{
  gboolean valid = color != NULL && strlen (color) == 7 && color[0] == '#';

  for (guint i = 1; valid && i < 7; i++)
    valid = g_ascii_isxdigit (color[i]);

  if (!valid)
    g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_COLOR,
                 _("The colour “%s” is not of the form #rrggbb."), color != NULL ? color : "");

  return valid;
}

gboolean
outlay_repository_validate_icon_name (const char *icon_name,
                                      GError    **error)
{
  gboolean valid = icon_name != NULL && *icon_name != '\0' && strlen (icon_name) <= 100;

  for (const char *p = icon_name; valid && *p != '\0'; p++)
    valid = g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.';

  if (!valid)
    g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_ICON,
                         _("The icon name is not valid."));

  return valid;
}

static gboolean
finish_category_write (OutlayRepository  *self,
                       OutlayTransaction *transaction,
                       const char        *context,
                       sqlite3_stmt      *stmt,
                       GError           **error)
{
  if (!outlay_repository_step_done (self, stmt, context, error) ||
      !outlay_transaction_commit (transaction, error) ||
      !outlay_repository_reload_categories (self, error))
    return FALSE;

  g_signal_emit (self, signals[CATEGORIES_CHANGED], 0);
  return TRUE;
}

gboolean
outlay_repository_insert_category (OutlayRepository *self,
                                   const char       *name,
                                   const char       *icon_name,
                                   const char       *color,
                                   const char       *now,
                                   gint64           *id,
                                   GError          **error)
{
  g_autofree char *uuid = new_uuid ();
  g_autofree char *stripped = strip_text (name);
  sqlite3_stmt    *stmt;

  if (!validate_category_name (self, stripped, -1, error) ||
      !outlay_repository_validate_icon_name (icon_name, error) ||
      !outlay_repository_validate_color (color, error))
    return FALSE;

  stmt = outlay_database_prepare (self->database,
                                  "INSERT INTO categories (uuid, name, icon_name, color, position, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, (SELECT coalesce(max(position) + 1, 0) FROM categories WHERE deleted_at IS NULL), ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, icon_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, color, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);

  if (!outlay_repository_step_done (self, stmt, _("Could not add the category"), error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (outlay_database_get_handle (self->database));
  return TRUE;
}

/**
 * outlay_repository_add_category:
 *
 * Adds a category at the end of the list.
 *
 * Returns: (transfer none): the new category, or %NULL with @error set
 */
OutlayCategory *
outlay_repository_add_category (OutlayRepository *self,
                                const char       *name,
                                const char       *icon_name,
                                const char       *color,
                                GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = NULL;
  gint64           id;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !outlay_repository_insert_category (self, name, icon_name, color, now, &id, error) ||
      !outlay_transaction_commit (transaction, error) ||
      !outlay_repository_reload_categories (self, error))
    return NULL;

  g_signal_emit (self, signals[CATEGORIES_CHANGED], 0);

  return outlay_repository_lookup_category (self, id);
}

static gboolean
update_category_field (OutlayRepository *self,
                       gint64            id,
                       const char       *sql,
                       const char       *value,
                       GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *now = outlay_timestamp_now_utc ();
  sqlite3_stmt    *stmt;

  if (outlay_repository_lookup_category (self, id) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The category does not exist."));
      return FALSE;
    }

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  return finish_category_write (self, transaction, _("Could not change the category"), stmt, error);
}

gboolean
outlay_repository_rename_category (OutlayRepository *self,
                                   gint64            id,
                                   const char       *name,
                                   GError          **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!validate_category_name (self, name, id, error))
    return FALSE;

  stripped = strip_text (name);
  return update_category_field (self, id,
                                "UPDATE categories SET name = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                                stripped, error);
}

gboolean
outlay_repository_recolor_category (OutlayRepository *self,
                                    gint64            id,
                                    const char       *color,
                                    GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_validate_color (color, error))
    return FALSE;

  return update_category_field (self, id,
                                "UPDATE categories SET color = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                                color, error);
}

/**
 * outlay_repository_move_category:
 * @position: the new index in the list
 *
 * Moves a category within the list; the others keep their order.
 */
gboolean
outlay_repository_move_category (OutlayRepository *self,
                                 gint64            id,
                                 guint             position,
                                 GError          **error)
{
  GListModel *model = G_LIST_MODEL (self->categories);
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = outlay_timestamp_now_utc ();
  guint            n = g_list_model_get_n_items (model);
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (outlay_repository_lookup_category (self, id) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The category does not exist."));
      return FALSE;
    }

  if (position >= n)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION,
                   _("The position must be between 1 and %u."), n);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (model, i);
      gint64 other = outlay_category_get_id (category);

      if (other != id)
        g_array_append_val (order, other);
    }
  g_array_insert_val (order, position, id);

  if (!(transaction = outlay_database_begin_transaction (self->database, error)))
    return FALSE;

  stmt = outlay_database_prepare (self->database,
                                  "UPDATE categories SET position = ?, updated_at = ? WHERE id = ? AND position IS NOT ?",
                                  error);
  for (guint i = 0; stmt != NULL && i < order->len; i++)
    {
      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (order, gint64, i));
      sqlite3_bind_int (stmt, 4, (int) i);

      if (i + 1 == order->len)
        return finish_category_write (self, transaction, _("Could not move the category"), stmt, error);

      if (!outlay_repository_step_done (self, stmt, _("Could not move the category"), error))
        break;
    }

  return FALSE;
}

/**
 * outlay_repository_delete_category:
 * @n_moved: (out) (optional): how many expenses moved to the fallback
 *
 * Deletes a category; its expenses, deleted ones included, move to the
 * fallback category ("Other"), so nothing is lost. The fallback category
 * itself cannot be deleted.
 */
gboolean
outlay_repository_delete_category (OutlayRepository *self,
                                   gint64            id,
                                   guint            *n_moved,
                                   GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  OutlayCategory  *fallback;
  g_autofree char *now = outlay_timestamp_now_utc ();
  sqlite3_stmt    *stmt;
  guint            moved;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (outlay_repository_lookup_category (self, id) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                           _("The category does not exist."));
      return FALSE;
    }

  fallback = outlay_repository_get_fallback_category (self);
  if (fallback == NULL || outlay_category_get_id (fallback) == id)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_PROTECTED,
                           _("This category takes the expenses of deleted categories and cannot be deleted."));
      return FALSE;
    }

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE expenses SET category_id = ?, updated_at = ? WHERE category_id = ?",
                                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, outlay_category_get_id (fallback));
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!outlay_repository_step_done (self, stmt, _("Could not move the expenses of the category"), error))
    return FALSE;
  moved = sqlite3_changes (outlay_database_get_handle (self->database));

  if (!(stmt = outlay_database_prepare (self->database,
                                        "UPDATE categories SET deleted_at = ?, updated_at = ? WHERE id = ?",
                                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  if (!finish_category_write (self, transaction, _("Could not delete the category"), stmt, error))
    return FALSE;

  if (n_moved != NULL)
    *n_moved = moved;

  if (moved > 0)
    outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);

  return TRUE;
}

/* Aggregates, all read from the per-day summary */

static sqlite3_stmt *
prepare_aggregate (OutlayRepository *self,
                   const char       *sql,
                   const char       *currency,
                   const char       *from,
                   const char       *to,
                   GError          **error)
{
  sqlite3_stmt *stmt = outlay_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, from != NULL ? from : FIRST_DAY, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to != NULL ? to : LAST_DAY, -1, SQLITE_TRANSIENT);

  return stmt;
}

gboolean
outlay_repository_get_total (OutlayRepository *self,
                             const char       *currency,
                             const char       *from,
                             const char       *to,
                             OutlayTotal      *total,
                             GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  stmt = prepare_aggregate (self,
                            "SELECT coalesce(sum(total), 0), coalesce(sum(count), 0) FROM expense_days "
                            "WHERE currency = ? AND day >= ? AND day <= ?",
                            currency, from, to, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      total->total = sqlite3_column_int64 (stmt, 0);
      total->count = (guint) sqlite3_column_int64 (stmt, 1);
    }

  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not compute the total"));
      return FALSE;
    }

  return TRUE;
}

/**
 * outlay_repository_totals_by_category:
 *
 * Returns: (transfer full) (element-type OutlayCategoryTotal): the spending
 *   of each category that has any, largest first
 */
GArray *
outlay_repository_totals_by_category (OutlayRepository *self,
                                      const char       *currency,
                                      const char       *from,
                                      const char       *to,
                                      GError          **error)
{
  g_autoptr (GArray) totals = g_array_new (FALSE, FALSE, sizeof (OutlayCategoryTotal));
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  stmt = prepare_aggregate (self,
                            "SELECT category_id, sum(total), sum(count) FROM expense_days "
                            "WHERE currency = ? AND day >= ? AND day <= ? "
                            "GROUP BY category_id ORDER BY 2 DESC, 1",
                            currency, from, to, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayCategoryTotal row = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        (guint) sqlite3_column_int64 (stmt, 2),
      };
      g_array_append_val (totals, row);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not compute the totals"));
      return NULL;
    }

  return g_steal_pointer (&totals);
}

/* Fills the gaps between @from and @to with zero rows, so that a chart gets
 * one entry for every month or day of the range. */
static GArray *
fill_periods (GArray     *sparse,
              const char *from,
              const char *to,
              gboolean    by_month)
{
  g_autoptr (GDate) first = outlay_date_parse_iso (from);
  g_autoptr (GDate) last = outlay_date_parse_iso (to);
  GArray *filled;
  guint   next = 0;

  if (first == NULL || last == NULL || g_date_compare (first, last) > 0)
    return g_array_ref (sparse);

  filled = g_array_new (FALSE, FALSE, sizeof (OutlayPeriodTotal));

  if (by_month)
    g_date_set_day (first, 1);

  while (g_date_compare (first, last) <= 0)
    {
      OutlayPeriodTotal row = { { 0 }, 0, 0 };
      char              day[OUTLAY_DATE_ISO_SIZE];

      outlay_date_format_iso_buf (first, day);
      g_strlcpy (row.period, day, by_month ? 8 : 11);

      if (next < sparse->len &&
          strcmp (g_array_index (sparse, OutlayPeriodTotal, next).period, row.period) == 0)
        row = g_array_index (sparse, OutlayPeriodTotal, next++);

      g_array_append_val (filled, row);

      if (by_month)
        g_date_add_months (first, 1);
      else
        g_date_add_days (first, 1);
    }

  return filled;
}

static GArray *
totals_by_period (OutlayRepository *self,
                  const char       *sql,
                  const char       *currency,
                  const char       *from,
                  const char       *to,
                  gboolean          by_month,
                  GError          **error)
{
  g_autoptr (GArray) totals = g_array_new (FALSE, FALSE, sizeof (OutlayPeriodTotal));
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  stmt = prepare_aggregate (self, sql, currency, from, to, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayPeriodTotal row = { { 0 }, 0, 0 };

      g_strlcpy (row.period, (const char *) sqlite3_column_text (stmt, 0), sizeof row.period);
      row.total = sqlite3_column_int64 (stmt, 1);
      row.count = (guint) sqlite3_column_int64 (stmt, 2);
      g_array_append_val (totals, row);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not compute the totals"));
      return NULL;
    }

  return fill_periods (totals, from, to, by_month);
}

/**
 * outlay_repository_totals_by_month:
 *
 * Returns: (transfer full) (element-type OutlayPeriodTotal): one row per
 *   month, oldest first; every month of the range when both ends are given,
 *   else only the months with expenses
 */
GArray *
outlay_repository_totals_by_month (OutlayRepository *self,
                                   const char       *currency,
                                   const char       *from,
                                   const char       *to,
                                   GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  return totals_by_period (self,
                           "SELECT substr(day, 1, 7), sum(total), sum(count) FROM expense_days "
                           "WHERE currency = ? AND day >= ? AND day <= ? GROUP BY 1 ORDER BY 1",
                           currency, from, to, TRUE, error);
}

/**
 * outlay_repository_totals_by_day:
 *
 * Returns: (transfer full) (element-type OutlayPeriodTotal): one row per
 *   day, oldest first; every day of the range when both ends are given
 */
GArray *
outlay_repository_totals_by_day (OutlayRepository *self,
                                 const char       *currency,
                                 const char       *from,
                                 const char       *to,
                                 GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  return totals_by_period (self,
                           "SELECT day, sum(total), sum(count) FROM expense_days "
                           "WHERE currency = ? AND day >= ? AND day <= ? GROUP BY 1 ORDER BY 1",
                           currency, from, to, FALSE, error);
}

static void
suggestion_free (gpointer data)
{
  OutlaySuggestion *suggestion = data;

  g_free (suggestion->description);
  g_free (suggestion->currency);
  g_free (suggestion);
}

/**
 * outlay_repository_suggest_descriptions:
 * @prefix: (nullable): what the person has typed so far
 * @limit: the most to return
 *
 * Distinct descriptions among the most recently entered expenses, each with
 * the category and amount it was last used with, newest first.
 *
 * Returns: (transfer full) (element-type OutlaySuggestion): the suggestions
 */
GPtrArray *
outlay_repository_suggest_descriptions (OutlayRepository *self,
                                        const char       *prefix,
                                        guint             limit,
                                        GError          **error)
{
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (suggestion_free);
  g_autoptr (GString) pattern = g_string_new (NULL);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  /* Looking at the latest few thousand keeps this instant at any size. */
  stmt = outlay_database_prepare (self->database,
                                  "SELECT description, category_id, amount, currency, max(id) FROM ("
                                  "  SELECT id, description, category_id, amount, currency FROM expenses "
                                  "  WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 5000"
                                  ") WHERE description LIKE ? ESCAPE '\\' "
                                  "GROUP BY description COLLATE NOCASE ORDER BY max(id) DESC LIMIT ?",
                                  error);
  if (stmt == NULL)
    return NULL;

  for (const char *p = prefix != NULL ? prefix : ""; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  sqlite3_bind_text (stmt, 1, pattern->str, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlaySuggestion *suggestion = g_new0 (OutlaySuggestion, 1);

      suggestion->description = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      suggestion->category_id = sqlite3_column_int64 (stmt, 1);
      suggestion->amount = sqlite3_column_int64 (stmt, 2);
      suggestion->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (result, suggestion);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read past descriptions"));
      return NULL;
    }

  return g_steal_pointer (&result);
}

/* Other connections */

static gboolean
read_data_version (OutlayRepository *self,
                   gint64           *version,
                   GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int64 (stmt, 0);

  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the database"));
      return FALSE;
    }

  return TRUE;
}

/**
 * outlay_repository_check_external_changes:
 *
 * Notices what another connection to the same file has committed since the
 * last call (the command line while the window is open, or a second
 * window): `PRAGMA data_version` changes with every commit of another
 * connection and never with this one's own. When it changed, the categories
 * are read again ("categories-changed") and "expenses-changed" is emitted
 * with %OUTLAY_CHANGE_RESET.
 *
 * It costs one read of the shared WAL index, so a timeout of a second or so
 * can call it.
 *
 * Returns: whether anything changed
 */
gboolean
outlay_repository_check_external_changes (OutlayRepository *self)
{
  g_autoptr (GError) error = NULL;
  gint64 version = 0;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!read_data_version (self, &version, &error))
    {
      g_warning ("Could not check for changes: %s", error->message);
      return FALSE;
    }

  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  outlay_repository_reload (self);

  return TRUE;
}

/**
 * outlay_repository_reload:
 *
 * Reads the categories again and tells every list to reload: after the
 * whole content changed under the repository, such as when a backup was
 * restored through its own connection (which outlay_repository_check_external_changes()
 * does not see).
 */
void
outlay_repository_reload (OutlayRepository *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (OUTLAY_IS_REPOSITORY (self));

  /* A restored backup may name another fallback category. */
  if (!load_fallback (self, &error) || !outlay_repository_reload_categories (self, &error))
    g_warning ("Could not read the categories: %s", error->message);
  else
    g_signal_emit (self, signals[CATEGORIES_CHANGED], 0);

  outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
}

static void
outlay_repository_constructed (GObject *object)
{
  OutlayRepository *self = (OutlayRepository *) object;
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (outlay_repository_parent_class)->constructed (object);

  if (!read_data_version (self, &self->data_version, &error) ||
      !load_fallback (self, &error) || !outlay_repository_reload_categories (self, &error))
    g_critical ("Could not read the categories: %s", error->message);
  else if (!catch_up_search (self, &error))
    g_warning ("Could not update the search index: %s", error->message);
}

static void
outlay_repository_finalize (GObject *object)
{
  OutlayRepository *self = (OutlayRepository *) object;

  g_clear_object (&self->categories);
  g_clear_object (&self->database);
  g_clear_pointer (&self->fallback_uuid, g_free);

  G_OBJECT_CLASS (outlay_repository_parent_class)->finalize (object);
}

static void
outlay_repository_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OutlayRepository *self = OUTLAY_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_repository_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OutlayRepository *self = OUTLAY_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_repository_class_init (OutlayRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = outlay_repository_constructed;
  object_class->finalize = outlay_repository_finalize;
  object_class->get_property = outlay_repository_get_property;
  object_class->set_property = outlay_repository_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         OUTLAY_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayRepository::expenses-changed:
   * @change: (type gpointer): an #OutlayExpenseChange
   *
   * Emitted after each committed write of expenses.
   */
  signals[EXPENSES_CHANGED] =
    g_signal_new ("expenses-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  signals[CATEGORIES_CHANGED] =
    g_signal_new ("categories-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
outlay_repository_init (OutlayRepository *self)
{
  self->categories = g_list_store_new (OUTLAY_TYPE_CATEGORY);
}

OutlayRepository *
outlay_repository_new (OutlayDatabase *database)
{
  g_return_val_if_fail (OUTLAY_IS_DATABASE (database), NULL);

  return g_object_new (OUTLAY_TYPE_REPOSITORY, "database", database, NULL);
}

OutlayDatabase *
outlay_repository_get_database (OutlayRepository *self)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  return self->database;
}

/* The live category of that name, ignoring case, or 0. */
gint64
outlay_repository_find_category_by_name (OutlayRepository *self,
                                         const char       *name)
{
  GListModel      *categories = G_LIST_MODEL (self->categories);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  guint            n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      g_autofree char *other = g_utf8_casefold (outlay_category_get_name (category), -1);

      if (g_strcmp0 (folded, other) == 0)
        return outlay_category_get_id (category);
    }

  return 0;
}

/**
 * outlay_repository_foreach_expense:
 * @query: (nullable): which expenses, in its order; %NULL for all, by date
 * @include_deleted: with no @query, the deleted expenses too
 *
 * Calls @func for one expense after the other without holding them all:
 * what an export of a million expenses needs. Stops at the first error.
 */
gboolean
outlay_repository_foreach_expense (OutlayRepository  *self,
                                   const OutlayQuery *query,
                                   gboolean           include_deleted,
                                   OutlayExpenseFunc  func,
                                   gpointer           user_data,
                                   GError           **error)
{
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  gboolean ok = TRUE;
  int      rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  outlay_bindings_init (&bindings);
  if (query != NULL)
    stmt = prepare_query (self, "SELECT " OUTLAY_EXPENSE_COLUMNS, query, TRUE, "", &bindings, error);
  else if (include_deleted)
    stmt = outlay_database_prepare (self->database,
                                    "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses ORDER BY occurred_on, id",
                                    error);
  else
    stmt = outlay_database_prepare (self->database,
                                    "SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses "
                                    "WHERE deleted_at IS NULL ORDER BY occurred_on, id",
                                    error);
  if (stmt == NULL)
    return FALSE;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (OutlayExpense) expense = outlay_expense_new_from_statement (stmt);

      ok = func (expense, user_data, error);
    }

  if (ok && rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }

  return ok;
}

void
outlay_repository_emit_categories_changed (OutlayRepository *self)
{
  g_assert (OUTLAY_IS_REPOSITORY (self));

  g_signal_emit (self, signals[CATEGORIES_CHANGED], 0);
}
