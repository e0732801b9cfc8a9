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
#include <string.h>

#include "outlay-money.h"
#include "outlay-repository-private.h"

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
  BUDGETS_CHANGED,
  RECURRING_CHANGED,
  CATEGORY_RULES_CHANGED,
  RATES_CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayRepository, outlay_repository, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (outlay-repository-error-quark, outlay_repository_error)
/* clang-format on */

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* Trims every kind of space, not only ASCII's, from both ends: returns
 * where the text starts and, in @length, how long it is without copying. */
const char *
outlay_repository_strip_span (const char *text,
                              gsize      *length)
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

  *length = (gsize) (end - start);
  return start;
}

char *
outlay_repository_strip_text (const char *text)
{
  gsize       length;
  const char *start = outlay_repository_strip_span (text, &length);

  return g_strndup (start, length);
}

OutlayTextCheck
outlay_repository_check_text (const char *text,
                              guint       max_length,
                              gboolean    required)
{
  const char *stripped;
  gsize       stripped_length;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return OUTLAY_TEXT_INVALID;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Newlines belong in notes only; other control characters nowhere. */
      if (g_unichar_iscntrl (c) && !(c == '\n' && !required))
        return OUTLAY_TEXT_INVALID;
    }

  stripped = outlay_repository_strip_span (text, &stripped_length);
  if (required && stripped_length == 0)
    return OUTLAY_TEXT_EMPTY;

  /* What is stored is the trimmed text of a required field. */
  if ((required ? g_utf8_strlen (stripped, (gssize) stripped_length) : g_utf8_strlen (text, -1)) > max_length)
    return OUTLAY_TEXT_TOO_LONG;

  return OUTLAY_TEXT_OK;
}

/* A damaged file takes no write: said before any check that would read
 * the damaged categories and blame the input. */
gboolean
outlay_repository_check_writable (OutlayRepository *self,
                                  GError          **error)
{
  if (!outlay_database_is_damaged (self->database))
    return TRUE;

  g_set_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED,
               _("The database file is damaged, so nothing is written to it. "
                 "Restore a backup, or save what can still be read."));
  return FALSE;
}

/* What the card was charged: in another currency than the expense's, not
 * zero, on the same side (a refund gives back). Apart from the rest of
 * outlay_repository_validate_expense() for a file's reader, which checks
 * it before there is a ledger to check the rest against. */
gboolean
outlay_repository_validate_charged (OutlayExpense *expense,
                                    GError       **error)
{
  gint64      charged = 0;
  const char *currency = outlay_expense_get_charged (expense, &charged);

  if (currency == NULL)
    return TRUE;

  if (!outlay_currency_is_valid (currency))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CHARGED,
                   _("The currency “%s” of the amount charged is not a known ISO 4217 code."), currency);
      return FALSE;
    }
  if (g_str_equal (currency, outlay_expense_get_currency (expense)))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CHARGED,
                           _("The amount charged is in the expense’s own currency; leave it out."));
      return FALSE;
    }
  if (charged == 0 || charged > OUTLAY_MONEY_MAX || charged < -OUTLAY_MONEY_MAX ||
      (charged < 0) != (outlay_expense_get_amount (expense) < 0))
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CHARGED,
                           outlay_expense_get_amount (expense) < 0
                             ? _("The amount given back must be more than zero, as the refund is.")
                             : _("The amount charged must be more than zero."));
      return FALSE;
    }

  return TRUE;
}

gboolean
outlay_repository_validate_expense (OutlayRepository *self,
                                    OutlayExpense    *expense,
                                    GError          **error)
{
  gint64      amount = outlay_expense_get_amount (expense);
  const char *currency = outlay_expense_get_currency (expense);

  /* A negative amount is a refund: money back for something bought. */
  if (amount == 0)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                           _("The amount must be more than zero."));
      return FALSE;
    }

  if (amount > OUTLAY_MONEY_MAX || amount < -OUTLAY_MONEY_MAX)
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

  switch (outlay_repository_check_text (outlay_expense_get_description (expense), OUTLAY_DESCRIPTION_MAX_LENGTH, TRUE))
    {
    case OUTLAY_TEXT_EMPTY:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION,
                           _("The description is empty."));
      return FALSE;

    case OUTLAY_TEXT_TOO_LONG:
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION,
                   _("The description is longer than %u characters."), OUTLAY_DESCRIPTION_MAX_LENGTH);
      return FALSE;

    case OUTLAY_TEXT_INVALID:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION,
                           _("The description contains characters that are not allowed."));
      return FALSE;

    case OUTLAY_TEXT_OK:
    default:
      break;
    }

  switch (outlay_repository_check_text (outlay_expense_get_note (expense), OUTLAY_NOTE_MAX_LENGTH, FALSE))
    {
    case OUTLAY_TEXT_TOO_LONG:
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NOTE,
                   _("The note is longer than %u characters."), OUTLAY_NOTE_MAX_LENGTH);
      return FALSE;

    case OUTLAY_TEXT_INVALID:
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NOTE,
                           _("The note contains characters that are not allowed."));
      return FALSE;

    case OUTLAY_TEXT_EMPTY:
    case OUTLAY_TEXT_OK:
    default:
      break;
    }

  if (outlay_repository_lookup_category (self, outlay_expense_get_category_id (expense)) == NULL)
    {
      g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY,
                           _("The category does not exist."));
      return FALSE;
    }

  return outlay_repository_validate_charged (expense, error);
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

void
outlay_repository_emit_budgets_changed (OutlayRepository *self)
{
  g_signal_emit (self, signals[BUDGETS_CHANGED], 0);
}

void
outlay_repository_emit_recurring_changed (OutlayRepository *self)
{
  g_signal_emit (self, signals[RECURRING_CHANGED], 0);
}

void
outlay_repository_emit_category_rules_changed (OutlayRepository *self)
{
  g_signal_emit (self, signals[CATEGORY_RULES_CHANGED], 0);
}

void
outlay_repository_emit_rates_changed (OutlayRepository *self)
{
  g_signal_emit (self, signals[RATES_CHANGED], 0);
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

void
outlay_repository_emit_categories_changed (OutlayRepository *self)
{
  g_assert (OUTLAY_IS_REPOSITORY (self));

  g_signal_emit (self, signals[CATEGORIES_CHANGED], 0);
}

static gboolean
load_fallback (OutlayRepository *self,
               GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt =
    outlay_database_prepare (self->database, "SELECT value FROM outlay_meta WHERE key = 'fallback_category_uuid'",
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

/* The ledger's currency
 *
 * What "Automatic" means for new expenses and for totals: a currency the
 * ledger records once, so that a command run under another locale (a cron
 * job, an ssh session with LANG=C) writes the ledger's currency and not
 * its locale's. A ledger that records none yet stands for the currency
 * most of its last year's expenses are in. */

#define META_CURRENCY "currency"

/* The valid currency that @sql gives into @currency, or NULL. */
static gboolean
query_currency (OutlayRepository *self,
                const char       *sql,
                char            **currency,
                GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = outlay_database_prepare (self->database, sql, error);
  int rc;

  *currency = NULL;
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && outlay_currency_is_valid ((const char *) sqlite3_column_text (stmt, 0)))
    *currency = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the ledger’s currency"));
      return FALSE;
    }

  return TRUE;
}

/* The currency the ledger records into @currency, or NULL when there is
 * none. */
gboolean
outlay_repository_read_currency (OutlayRepository *self,
                                 char            **currency,
                                 GError          **error)
{
  return query_currency (self, "SELECT value FROM outlay_meta WHERE key = '" META_CURRENCY "'", currency, error);
}

/* The currency of most expenses of the ledger's last year, from the
 * per-day summary (a few thousand rows however old the ledger), or NULL. */
static gboolean
read_common_currency (OutlayRepository *self,
                      char            **currency,
                      GError          **error)
{
  return query_currency (self,
                         "SELECT currency FROM expense_days "
                         "WHERE day >= date((SELECT max(day) FROM expense_days), '-1 year') "
                         "GROUP BY currency ORDER BY sum(count) DESC, currency LIMIT 1",
                         currency, error);
}

/* Inside a transaction: records @currency, over one recorded when
 * @replace, or with NULL none. */
static gboolean
store_currency (OutlayRepository *self,
                const char       *currency,
                gboolean          replace,
                GError          **error)
{
  const char   *sql = "DELETE FROM outlay_meta WHERE key = '" META_CURRENCY "'";
  sqlite3_stmt *stmt;

  g_assert (currency == NULL || outlay_currency_is_valid (currency));

  if (currency != NULL && replace)
    sql = "INSERT INTO outlay_meta (key, value) VALUES ('" META_CURRENCY "', ?) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  else if (currency != NULL)
    sql = "INSERT INTO outlay_meta (key, value) VALUES ('" META_CURRENCY "', ?) ON CONFLICT (key) DO NOTHING";
  stmt = outlay_database_prepare (self->database, sql, error);

  /* Read again next time, whatever the transaction comes to. */
  g_clear_pointer (&self->currency, g_free);
  if (stmt == NULL)
    return FALSE;
  if (currency != NULL)
    sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_TRANSIENT);
  return outlay_repository_step_done (self, stmt, _("Could not save the ledger’s currency"), error);
}

/**
 * outlay_repository_dup_currency:
 * @fallback: for a ledger that records no currency and has no expenses
 *
 * Returns: (transfer full): the currency the ledger records, else the one
 *   most of its last year's expenses are in, else @fallback
 */
char *
outlay_repository_dup_currency (OutlayRepository *self,
                                const char       *fallback)
{
  g_autoptr (GError) error = NULL;
  char *currency = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (outlay_currency_is_valid (fallback), NULL);

  /* Read once, until the ledger changes under the repository. */
  if (self->currency != NULL)
    return g_strdup (self->currency);

  if ((!outlay_repository_read_currency (self, &currency, &error) || currency == NULL) && error == NULL)
    read_common_currency (self, &currency, &error);
  if (currency != NULL)
    self->currency = g_strdup (currency);
  /* A ledger that cannot be read says so where its expenses are read. */
  if (error != NULL)
    g_debug ("Could not read the ledger’s currency: %s", error->message);

  return currency != NULL ? currency : g_strdup (fallback);
}

/**
 * outlay_repository_set_currency:
 *
 * Records @currency as the ledger's. Changes no stored amount.
 */
gboolean
outlay_repository_set_currency (OutlayRepository *self,
                                const char       *currency,
                                GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;
  if (currency == NULL || !outlay_currency_is_valid (currency))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY,
                   _("“%s” is not a currency code."), currency != NULL ? currency : "");
      return FALSE;
    }

  return (transaction = outlay_database_begin_transaction (self->database, error)) != NULL &&
         outlay_repository_write_currency (self, currency, error) && outlay_transaction_commit (transaction, error);
}

/**
 * outlay_repository_record_currency:
 * @currency: what outlay_repository_dup_currency() gave on any connection
 *
 * Records @currency as the ledger's, unless it records one by now. It
 * does not wait for the disk: a record lost in a crash is made again at
 * the next start, so this is cheap enough for the window's main loop.
 */
gboolean
outlay_repository_record_currency (OutlayRepository *self,
                                   const char       *currency,
                                   GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (outlay_currency_is_valid (currency), FALSE);

  if (!outlay_repository_check_writable (self, error))
    return FALSE;

  /* In WAL mode, NORMAL skips the sync of this commit only; the next
   * commit of the connection, at FULL again, syncs the log with it. */
  outlay_database_exec (self->database, "PRAGMA synchronous = NORMAL", NULL);
  ok = (transaction = outlay_database_begin_transaction (self->database, error)) != NULL &&
       store_currency (self, currency, FALSE, error) && outlay_transaction_commit (transaction, error);
  g_clear_pointer (&transaction, outlay_transaction_free);
  outlay_database_exec (self->database, "PRAGMA synchronous = FULL", NULL);

  return ok;
}

/* Inside a transaction: records the valid @currency, or with NULL none. */
gboolean
outlay_repository_write_currency (OutlayRepository *self,
                                  const char       *currency,
                                  GError          **error)
{
  return store_currency (self, currency, TRUE, error);
}

/**
 * outlay_repository_has_currency:
 *
 * Returns: whether the ledger records its currency (one row read)
 */
gboolean
outlay_repository_has_currency (OutlayRepository *self)
{
  g_autofree char *recorded = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);

  return outlay_repository_read_currency (self, &recorded, NULL) && recorded != NULL;
}

/**
 * outlay_repository_ensure_currency:
 * @fallback: the currency of a ledger without expenses: the one chosen in
 *   Preferences, else the locale's
 *
 * Records the ledger's currency when it records none yet: the one most of
 * its expenses are in, else @fallback. A read-only ledger is left as it is.
 */
gboolean
outlay_repository_ensure_currency (OutlayRepository *self,
                                   const char       *fallback,
                                   GError          **error)
{
  g_autofree char *recorded = NULL;
  g_autofree char *common = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (outlay_currency_is_valid (fallback), FALSE);

  if (outlay_database_is_read_only (self->database))
    return TRUE;
  if (!outlay_repository_read_currency (self, &recorded, error))
    return FALSE;
  if (recorded != NULL)
    return TRUE;
  if (!read_common_currency (self, &common, error))
    return FALSE;

  return outlay_repository_set_currency (self, common != NULL ? common : fallback, error);
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
      if (!g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
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

  /* A restored backup may name another fallback category and another
   * currency; another program may have recorded one. */
  g_clear_pointer (&self->currency, g_free);
  if (!load_fallback (self, &error) || !outlay_repository_reload_categories (self, &error))
    {
      if (!g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
        g_warning ("Could not read the categories: %s", error->message);
    }
  else
    g_signal_emit (self, signals[CATEGORIES_CHANGED], 0);

  outlay_repository_emit_change (self, OUTLAY_CHANGE_RESET, NULL, NULL);
  /* Another program (outlay budget …, outlay recurring …) may have
   * changed them too. */
  g_signal_emit (self, signals[BUDGETS_CHANGED], 0);
  g_signal_emit (self, signals[RECURRING_CHANGED], 0);
  g_signal_emit (self, signals[CATEGORY_RULES_CHANGED], 0);
  g_signal_emit (self, signals[RATES_CHANGED], 0);
}

static void
outlay_repository_constructed (GObject *object)
{
  OutlayRepository *self = (OutlayRepository *) object;
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (outlay_repository_parent_class)->constructed (object);

  /* A damaged file is the database's state (OutlayDatabase:damaged), which
   * the window and the command line tell the person about. */
  if (!read_data_version (self, &self->data_version, &error) ||
      !load_fallback (self, &error) || !outlay_repository_reload_categories (self, &error))
    {
      if (g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
        g_debug ("Could not read the categories: %s", error->message);
      else
        g_warning ("Could not read the categories: %s", error->message);
    }
  else if (!outlay_repository_catch_up_search (self, &error))
    g_warning ("Could not update the search index: %s", error->message);
}

static void
outlay_repository_finalize (GObject *object)
{
  OutlayRepository *self = (OutlayRepository *) object;

  g_clear_object (&self->categories);
  g_clear_pointer (&self->retired, g_hash_table_unref);
  g_clear_object (&self->database);
  g_clear_pointer (&self->fallback_uuid, g_free);
  g_clear_pointer (&self->currency, g_free);

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

  /**
   * OutlayRepository::budgets-changed:
   *
   * Emitted after each committed write of budgets.
   */
  signals[BUDGETS_CHANGED] =
    g_signal_new ("budgets-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * OutlayRepository::recurring-changed:
   *
   * Emitted after each committed write of recurring expenses' rules, their
   * exceptions or how far they are done.
   */
  signals[RECURRING_CHANGED] =
    g_signal_new ("recurring-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * OutlayRepository::category-rules-changed:
   *
   * Emitted after each committed write of the rules that file expenses.
   */
  signals[CATEGORY_RULES_CHANGED] =
    g_signal_new ("category-rules-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * OutlayRepository::rates-changed:
   *
   * Emitted after each committed write of the exchange rates.
   */
  signals[RATES_CHANGED] =
    g_signal_new ("rates-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
outlay_repository_init (OutlayRepository *self)
{
  self->categories = g_list_store_new (OUTLAY_TYPE_CATEGORY);
  self->retired = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
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
