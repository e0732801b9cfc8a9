/* outlay-repository-rules.c
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

/* The rules that file expenses: their rows, kept in an order in which the
 * first that matches wins, and the category suggested for an expense —
 * by a rule, else by what the ledger learned from the same description.
 * Applying them to the expenses there are is outlay-repository-rules-apply.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-category-rule-private.h"
#include "outlay-currency.h"
#include "outlay-repository-private.h"
#include "outlay-text-fold.h"
#include "outlay-uuid.h"

/* Reading */

static OutlayCategoryRule *
read_rule (OutlayRepository *self,
           const char       *uuid,
           GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  OutlayCategoryRule *rule = NULL;
  int                 rc;

  stmt = outlay_database_prepare (self->database,
                                  "SELECT " OUTLAY_CATEGORY_RULE_COLUMNS " FROM category_rules WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rule = outlay_category_rule_new_from_statement (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                         _("The rule does not exist."));
  else
    outlay_database_propagate_error (self->database, error, rc, _("Could not read the rules"));

  return rule;
}

/**
 * outlay_repository_list_category_rules:
 *
 * Returns: (transfer container) (element-type OutlayCategoryRule): the
 *   rules that are not deleted, in the order they match
 */
GPtrArray *
outlay_repository_list_category_rules (OutlayRepository *self,
                                       GError          **error)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  stmt = outlay_database_prepare (self->database,
                                  "SELECT " OUTLAY_CATEGORY_RULE_COLUMNS " FROM category_rules "
                                  "WHERE deleted_at IS NULL ORDER BY position, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rules, outlay_category_rule_new_from_statement (stmt));

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the rules"));
      return NULL;
    }

  return g_steal_pointer (&rules);
}

/**
 * outlay_repository_get_category_rule:
 *
 * Returns: (transfer full): the rule, deleted or not, or %NULL with
 *   %OUTLAY_REPOSITORY_ERROR_NOT_FOUND
 */
OutlayCategoryRule *
outlay_repository_get_category_rule (OutlayRepository *self,
                                     const char       *uuid,
                                     GError          **error)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return read_rule (self, uuid, error);
}

/**
 * outlay_repository_dup_rule_set:
 *
 * Returns: (transfer full): the rules in use, ready to match (and to hand
 *   to a worker)
 */
OutlayRuleSet *
outlay_repository_dup_rule_set (OutlayRepository *self,
                                GError          **error)
{
  g_autoptr (GPtrArray) rules = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);

  if (!(rules = outlay_repository_list_category_rules (self, error)))
    return NULL;

  return outlay_rule_set_new (rules);
}

/* Checks */

static gboolean
invalid (GError    **error,
         int         code,
         const char *message)
{
  g_set_error_literal (error, OUTLAY_REPOSITORY_ERROR, code, message);
  return FALSE;
}

static gboolean
validate_patterns (OutlayCategoryRule *rule,
                   GError            **error)
{
  const char *const *patterns = outlay_category_rule_get_patterns (rule);
  guint              n_usable = 0;

  for (guint i = 0; patterns[i] != NULL; i++)
    {
      g_autofree char *folded = NULL;

      switch (outlay_repository_check_text (patterns[i], OUTLAY_RULE_PATTERN_MAX_LENGTH, TRUE))
        {
        case OUTLAY_TEXT_EMPTY:
          continue;
        case OUTLAY_TEXT_TOO_LONG:
          g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN,
                       _("A text the rule looks for is longer than %u characters."), OUTLAY_RULE_PATTERN_MAX_LENGTH);
          return FALSE;
        case OUTLAY_TEXT_INVALID:
          return invalid (error, OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN,
                          _("A text the rule looks for holds characters that are not allowed, such as a line "
                            "break."));
        case OUTLAY_TEXT_OK:
        default:
          break;
        }

      folded = outlay_text_fold (patterns[i]);
      n_usable += *folded != '\0';
    }

  if (n_usable == 0)
    return invalid (error, OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN,
                    _("The rule looks for nothing: give it at least one word or text to look for."));
  return TRUE;
}

/* Two bounds compared exactly: scaled to the larger number of decimals,
 * each has at most 18 digits. */
static int
compare_bounds (gint64 a,
                guint  a_decimals,
                gint64 b,
                guint  b_decimals)
{
  while (a_decimals < b_decimals)
    {
      a *= 10;
      a_decimals++;
    }
  while (b_decimals < a_decimals)
    {
      b *= 10;
      b_decimals++;
    }

  return (a > b) - (a < b);
}

static gboolean
validate_amounts (OutlayCategoryRule *rule,
                  GError            **error)
{
  const char *min = outlay_category_rule_get_amount_min (rule);
  const char *max = outlay_category_rule_get_amount_max (rule);
  gint64      min_value = 0;
  gint64      max_value = 0;
  guint       min_decimals = 0;
  guint       max_decimals = 0;

  if (min != NULL && !outlay_rule_amount_parse (min, &min_value, &min_decimals))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                   _("The rule’s lowest amount “%s” is not a number such as 12.50 (up to %u digits and %u "
                     "decimals)."),
                      min, OUTLAY_RULE_AMOUNT_MAX_DIGITS, OUTLAY_RULE_AMOUNT_MAX_DECIMALS);
      return FALSE;
    }
  if (max != NULL && !outlay_rule_amount_parse (max, &max_value, &max_decimals))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                   _("The rule’s highest amount “%s” is not a number such as 12.50 (up to %u digits and %u "
                     "decimals)."),
                      max, OUTLAY_RULE_AMOUNT_MAX_DIGITS, OUTLAY_RULE_AMOUNT_MAX_DECIMALS);
      return FALSE;
    }
  if (min != NULL && max != NULL && compare_bounds (min_value, min_decimals, max_value, max_decimals) > 0)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                   _("The rule’s lowest amount (%s) is more than its highest (%s)."), min, max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_rename (OutlayCategoryRule *rule,
                 GError            **error)
{
  const char *rename_to = outlay_category_rule_get_rename_to (rule);

  if (rename_to == NULL)
    return TRUE;

  switch (outlay_repository_check_text (rename_to, OUTLAY_DESCRIPTION_MAX_LENGTH, TRUE))
    {
    case OUTLAY_TEXT_EMPTY:
      return invalid (error, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION,
                      _("The description the rule gives is empty: give one, or keep the expense’s own."));
    case OUTLAY_TEXT_TOO_LONG:
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION,
                   _("The description the rule gives is longer than %u characters."), OUTLAY_DESCRIPTION_MAX_LENGTH);
      return FALSE;
    case OUTLAY_TEXT_INVALID:
      return invalid (error, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION,
                      _("The description the rule gives holds characters that are not allowed."));
    case OUTLAY_TEXT_OK:
    default:
      return TRUE;
    }
}

/**
 * outlay_repository_validate_category_rule:
 *
 * What the store would refuse of @rule, with a message that names the
 * field: nothing to look for, or a text to look for that is too long; a
 * category that does not exist; an unknown currency; an amount that is not
 * a number, or a lowest amount above the highest; an empty or too long new
 * description.
 */
gboolean
outlay_repository_validate_category_rule (OutlayRepository   *self,
                                          OutlayCategoryRule *rule,
                                          GError            **error)
{
  const char *currency;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (rule), FALSE);

  currency = outlay_category_rule_get_currency (rule);
  if (outlay_category_rule_get_field (rule) > OUTLAY_RULE_FIELD_NOTE)
    return invalid (error, OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN,
                    _("A rule looks in the description or in the note."));
  if (outlay_category_rule_get_match (rule) > OUTLAY_RULE_MATCH_EQUALS)
    return invalid (error, OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN,
                    _("A rule looks for a text that the description or note contains, starts with or is."));
  if (!validate_patterns (rule, error))
    return FALSE;

  if (outlay_category_rule_get_category_uuid (rule) == NULL ||
      outlay_repository_lookup_category_by_uuid (self, outlay_category_rule_get_category_uuid (rule)) == NULL)
    return invalid (error, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY, _("The rule’s category does not exist."));

  if (currency != NULL && !outlay_currency_is_valid (currency))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY,
                   _("The rule’s currency “%s” is not a known ISO 4217 code."), currency);
      return FALSE;
    }

  return validate_amounts (rule, error) && validate_rename (rule, error);
}

/* Writing */

/* The patterns as stored: trimmed, one a line, the blank ones left out. */
static char *
dup_stored_patterns (OutlayCategoryRule *rule)
{
  const char *const *patterns = outlay_category_rule_get_patterns (rule);
  GString           *text = g_string_new (NULL);

  for (guint i = 0; patterns[i] != NULL; i++)
    {
      gsize       length;
      const char *start = outlay_repository_strip_span (patterns[i], &length);

      if (length == 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_len (text, start, (gssize) length);
    }

  return g_string_free (text, FALSE);
}

/* The values every write binds first, from 1 to 8. */
static void
bind_rule (sqlite3_stmt       *stmt,
           OutlayCategoryRule *rule)
{
  const char *rename_to = outlay_category_rule_get_rename_to (rule);
  gsize       rename_length = 0;

  if (rename_to != NULL)
    rename_to = outlay_repository_strip_span (rename_to, &rename_length);

  sqlite3_bind_text (stmt, 1, outlay_rule_field_to_string (outlay_category_rule_get_field (rule)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, outlay_rule_match_to_string (outlay_category_rule_get_match (rule)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, dup_stored_patterns (rule), -1, g_free);
  sqlite3_bind_text (stmt, 4, outlay_category_rule_get_amount_min (rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, outlay_category_rule_get_amount_max (rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, outlay_category_rule_get_currency (rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, outlay_category_rule_get_category_uuid (rule), -1, SQLITE_TRANSIENT);
  if (rename_to != NULL)
    sqlite3_bind_text (stmt, 8, rename_to, (int) rename_length, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 8);
}

/* Commits, reads the rule back and says the rules changed. */
static OutlayCategoryRule *
finish_write (OutlayRepository  *self,
              OutlayTransaction *transaction,
              const char        *uuid,
              GError           **error)
{
  g_autoptr (OutlayCategoryRule) stored = read_rule (self, uuid, error);

  if (stored == NULL || !outlay_transaction_commit (transaction, error))
    return NULL;

  outlay_repository_emit_category_rules_changed (self);
  return g_steal_pointer (&stored);
}

/* The rule of @uuid, not deleted. */
static OutlayCategoryRule *
read_live_rule (OutlayRepository *self,
                const char       *uuid,
                GError          **error)
{
  g_autoptr (OutlayCategoryRule) stored = NULL;

  if (uuid == NULL)
    {
      invalid (error, OUTLAY_REPOSITORY_ERROR_NOT_FOUND, _("The rule does not exist."));
      return NULL;
    }
  if (!(stored = read_rule (self, uuid, error)))
    return NULL;
  if (outlay_category_rule_get_deleted_at (stored) != NULL)
    {
      invalid (error, OUTLAY_REPOSITORY_ERROR_NOT_FOUND, _("The rule was deleted."));
      return NULL;
    }

  return g_steal_pointer (&stored);
}

/**
 * outlay_repository_add_category_rule:
 * @draft: what to add; a uuid and timestamps it brings (a restored file)
 *   are kept
 *
 * Adds the rule after the others: it matches when none of them does.
 *
 * Returns: (transfer full): the rule as stored
 */
OutlayCategoryRule *
outlay_repository_add_category_rule (OutlayRepository   *self,
                                     OutlayCategoryRule *draft,
                                     GError            **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  const char      *created_at;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (draft), NULL);

  if (!outlay_repository_check_writable (self, error) ||
      !outlay_repository_validate_category_rule (self, draft, error))
    return NULL;

  now = outlay_timestamp_now_utc ();
  uuid = outlay_category_rule_get_uuid (draft) != NULL ? g_strdup (outlay_category_rule_get_uuid (draft))
                                                       : outlay_uuid_new ();
  created_at = outlay_category_rule_get_created_at (draft) != NULL ? outlay_category_rule_get_created_at (draft) : now;
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "INSERT INTO category_rules (field, match_type, patterns, amount_min, "
                                        "amount_max, currency, category_uuid, rename_to, uuid, position, created_at, "
                                        "updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                        "(SELECT coalesce(max(position), -1) + 1 FROM category_rules), ?, ?, ?)",
                                        error)))
    return NULL;

  bind_rule (stmt, draft);
  sqlite3_bind_text (stmt, 9, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11,
                     outlay_category_rule_get_updated_at (draft) != NULL ? outlay_category_rule_get_updated_at (draft)
                                                                         : created_at,
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, outlay_category_rule_get_deleted_at (draft), -1, SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not save the rule"), error))
    return NULL;

  return finish_write (self, transaction, uuid, error);
}

/**
 * outlay_repository_update_category_rule:
 *
 * Writes every field of @rule (but its identity, position and timestamps)
 * over the stored one of its uuid. Expenses it filed stay as they are.
 *
 * Returns: (transfer full): the rule as stored
 */
OutlayCategoryRule *
outlay_repository_update_category_rule (OutlayRepository   *self,
                                        OutlayCategoryRule *rule,
                                        GError            **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autoptr (OutlayCategoryRule) stored = NULL;
  g_autofree char *now = NULL;
  const char      *uuid;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_RULE (rule), NULL);

  uuid = outlay_category_rule_get_uuid (rule);
  if (!outlay_repository_check_writable (self, error) ||
      !outlay_repository_validate_category_rule (self, rule, error) ||
      !(stored = read_live_rule (self, uuid, error)))
    return NULL;

  now = outlay_timestamp_now_utc ();
  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE category_rules SET field = ?, match_type = ?, patterns = ?, "
                                        "amount_min = ?, amount_max = ?, currency = ?, category_uuid = ?, "
                                        "rename_to = ?, updated_at = ? WHERE uuid = ?",
                                        error)))
    return NULL;

  bind_rule (stmt, rule);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, uuid, -1, SQLITE_TRANSIENT);
  if (!outlay_repository_step_done (self, stmt, _("Could not save the rule"), error))
    return NULL;

  return finish_write (self, transaction, uuid, error);
}

static OutlayCategoryRule *
set_deleted (OutlayRepository *self,
             const char       *uuid,
             gboolean          deleted,
             GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autofree char *now = outlay_timestamp_now_utc ();
  const char      *context;

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE category_rules SET deleted_at = ?, updated_at = ? WHERE uuid = ?",
                                        error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, deleted ? now : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_TRANSIENT);
  context = deleted ? _("Could not delete the rule") : _("Could not restore the rule");
  if (!outlay_repository_step_done (self, stmt, context, error))
    return NULL;

  return finish_write (self, transaction, uuid, error);
}

/**
 * outlay_repository_delete_category_rule:
 *
 * Deletes softly: the row stays, for Undo and a later sync. Expenses it
 * filed stay as they are.
 *
 * Returns: (transfer full): the rule as it was before
 */
OutlayCategoryRule *
outlay_repository_delete_category_rule (OutlayRepository *self,
                                        const char       *uuid,
                                        GError          **error)
{
  g_autoptr (OutlayCategoryRule) before = NULL;
  g_autoptr (OutlayCategoryRule) after = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!outlay_repository_check_writable (self, error) || !(before = read_live_rule (self, uuid, error)) ||
      !(after = set_deleted (self, uuid, TRUE, error)))
    return NULL;

  return g_steal_pointer (&before);
}

/**
 * outlay_repository_restore_category_rule:
 *
 * The Undo of outlay_repository_delete_category_rule(): the rule comes back
 * where it was among the others.
 *
 * Returns: (transfer full): the rule as stored
 */
OutlayCategoryRule *
outlay_repository_restore_category_rule (OutlayRepository *self,
                                         const char       *uuid,
                                         GError          **error)
{
  g_autoptr (OutlayCategoryRule) stored = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!outlay_repository_check_writable (self, error) || !(stored = read_rule (self, uuid, error)))
    return NULL;
  if (outlay_category_rule_get_deleted_at (stored) == NULL)
    return g_steal_pointer (&stored);
  if (!outlay_repository_validate_category_rule (self, stored, error))
    return NULL;

  return set_deleted (self, uuid, FALSE, error);
}

/**
 * outlay_repository_move_category_rule:
 * @position: the new index among the rules in use
 *
 * Moves a rule within the order in which they match; the others keep
 * theirs.
 */
gboolean
outlay_repository_move_category_rule (OutlayRepository *self,
                                      const char       *uuid,
                                      guint             position,
                                      GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autofree char *now = outlay_timestamp_now_utc ();
  gboolean         found = FALSE;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!outlay_repository_check_writable (self, error) ||
      !(rules = outlay_repository_list_category_rules (self, error)))
    return FALSE;

  for (guint i = 0; i < rules->len; i++)
    {
      OutlayCategoryRule *rule = g_ptr_array_index (rules, i);

      if (g_str_equal (outlay_category_rule_get_uuid (rule), uuid))
        found = TRUE;
      else
        g_ptr_array_add (order, (gpointer) outlay_category_rule_get_uuid (rule));
    }
  if (!found)
    return invalid (error, OUTLAY_REPOSITORY_ERROR_NOT_FOUND, _("The rule does not exist, or it was deleted."));
  if (position >= rules->len)
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION,
                   _("The position must be between 1 and %u."), rules->len);
      return FALSE;
    }
  g_ptr_array_insert (order, (int) position, (gpointer) uuid);

  if (!(transaction = outlay_database_begin_transaction (self->database, error)) ||
      !(stmt = outlay_database_prepare (self->database,
                                        "UPDATE category_rules SET position = ?, updated_at = ? "
                                        "WHERE uuid = ? AND position IS NOT ?",
                                        error)))
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (order, i), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, (int) i);
      if (!outlay_repository_step_done (self, stmt, _("Could not move the rule"), error))
        return FALSE;
    }

  if (!outlay_transaction_commit (transaction, error))
    return FALSE;
  outlay_repository_emit_category_rules_changed (self);
  return TRUE;
}

/* Suggesting */

static const char *const suggested_by_names[] = { "none", "rule", "learned" };

const char *
outlay_suggested_by_to_string (OutlaySuggestedBy by)
{
  g_return_val_if_fail (by <= OUTLAY_SUGGESTED_LEARNED, NULL);

  return suggested_by_names[by];
}

/* The category most used among the latest 200 expenses of @description (in
 * any case), but the fallback and those not offered for new expenses; 0 for
 * none. The index on the description, in any case, gives them newest first
 * without a sort; counting no more than 200 keeps the cost bounded however
 * often the description recurs. */
static gboolean
find_learned (OutlayRepository *self,
              const char       *description,
              gint64           *category_id,
              GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  OutlayCategory *fallback = outlay_repository_get_fallback_category (self);
  int             rc = SQLITE_DONE;

  *category_id = 0;
  stmt = outlay_database_prepare (self->database,
                                  "SELECT category_id, count(*), max(id) FROM ("
                                  "SELECT id, category_id FROM expenses "
                                  "WHERE description = ? COLLATE NOCASE AND deleted_at IS NULL "
                                  "ORDER BY description COLLATE NOCASE DESC, id DESC LIMIT 200) "
                                  "GROUP BY category_id ORDER BY 2 DESC, 3 DESC",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, description, -1, SQLITE_TRANSIENT);
  while (*category_id == 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayCategory *category = outlay_repository_lookup_category (self, sqlite3_column_int64 (stmt, 0));

      if (category != NULL && category != fallback && outlay_repository_is_category_offered (self, category))
        *category_id = outlay_category_get_id (category);
    }

  if (*category_id == 0 && rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (self->database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }
  return TRUE;
}

/**
 * outlay_repository_suggest_category:
 * @description: what the expense is
 * @note: (nullable): its note
 * @amount: its amount, in minor units of @currency
 * @currency: its currency
 * @category_id: (out): the category suggested, or 0
 * @rule: (out) (optional) (transfer full) (nullable): the rule that
 *   suggests it, for %OUTLAY_SUGGESTED_BY_RULE
 *
 * The category for a new expense: the one the first matching rule gives;
 * else the one used most among the latest 200 expenses of the same
 * description in any case (never the fallback category, “Other”, nor a
 * hidden one); else none. Its cost does not grow with the ledger.
 *
 * Returns: where the suggestion comes from; %OUTLAY_SUGGESTED_NONE with
 *   @error set when the ledger could not be read
 */
OutlaySuggestedBy
outlay_repository_suggest_category (OutlayRepository    *self,
                                    const char          *description,
                                    const char          *note,
                                    gint64               amount,
                                    const char          *currency,
                                    gint64              *category_id,
                                    OutlayCategoryRule **rule,
                                    GError             **error)
{
  g_autoptr (OutlayRuleSet) set = NULL;
  g_autofree char    *stripped = NULL;
  OutlayCategoryRule *matched;
  OutlayCategory     *category = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (self), OUTLAY_SUGGESTED_NONE);
  g_return_val_if_fail (category_id != NULL, OUTLAY_SUGGESTED_NONE);

  *category_id = 0;
  if (rule != NULL)
    *rule = NULL;
  if (!(set = outlay_repository_dup_rule_set (self, error)))
    return OUTLAY_SUGGESTED_NONE;

  matched = outlay_rule_set_match (set, description, note, amount, currency);
  if (matched != NULL)
    category = outlay_repository_lookup_category_by_uuid (self, outlay_category_rule_get_category_uuid (matched));
  if (category != NULL)
    {
      *category_id = outlay_category_get_id (category);
      if (rule != NULL)
        *rule = g_object_ref (matched);
      return OUTLAY_SUGGESTED_BY_RULE;
    }

  stripped = outlay_repository_strip_text (description != NULL ? description : "");
  if (*stripped == '\0' || !find_learned (self, stripped, category_id, error))
    return OUTLAY_SUGGESTED_NONE;

  return *category_id != 0 ? OUTLAY_SUGGESTED_LEARNED : OUTLAY_SUGGESTED_NONE;
}
