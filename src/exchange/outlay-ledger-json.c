/* outlay-ledger-json.c
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

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "outlay-category-rule-private.h"
#include "outlay-exchange-rate-private.h"
#include "outlay-export-private.h"
#include "outlay-ledger-json-private.h"
#include "outlay-ledger-json.h"
#include "outlay-money.h"
#include "outlay-uuid.h"

/* The JSON file's "format" and the newest "version" this code reads. A
 * file says the oldest version that reads all of it, so older Outlays
 * still read what they can read whole:
 *  1  categories and expenses
 *  2  refunds, negative amounts, which version 1 refused line by line
 *  3  budgets, which version 2 would leave out without a word
 *  4  recurring expenses, and the rule and day of their occurrences
 *  5  subcategories and hidden categories, which version 4 would put at
 *     the top and show; an expense names a subcategory "Parent › Child"
 *  6  the rules that file expenses ("rules"), which version 5 would leave
 *     out without a word; written only by a ledger that has rules
 *  7  exchange rates ("rates") and what the card was charged for an
 *     expense ("charged"), which version 6 would leave out without a
 *     word; written only by a ledger that has either
 * Every version writes the categories' uuids and times, which the older
 * ones pass over. */
#define LEDGER_FORMAT "outlay-ledger"
#define LEDGER_VERSION 7
#define LEDGER_VERSION_WITH_CATEGORY_RULES 6
#define LEDGER_VERSION_WITH_TREE 5
#define LEDGER_VERSION_WITH_RECURRING 4
#define LEDGER_VERSION_WITH_BUDGETS 3
#define LEDGER_VERSION_WITH_REFUNDS 2
#define LEDGER_VERSION_WITHOUT_REFUNDS 1

/* clang-format off */
G_DEFINE_QUARK (outlay-export-error-quark, outlay_export_error)
/* clang-format on */

static void
append_json (GString    *buffer,
             JsonNode   *node,
             const char *indent)
{
  g_autofree char *text = json_to_string (node, FALSE);

  g_string_append (buffer, indent);
  g_string_append (buffer, text);
}


static JsonNode *
expense_to_node (OutlayExportWriter *writer,
                 OutlayExpense      *expense)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *amount = outlay_money_format_plain (outlay_expense_get_amount (expense),
                                                       outlay_expense_get_currency (expense));
  const char      *note = outlay_expense_get_note (expense);
  gint64           charged = 0;

  json_builder_begin_object (builder);
  add_string_member (builder, "uuid", outlay_expense_get_uuid (expense));
  add_string_member (builder, "date", outlay_expense_get_occurred_on (expense));
  add_string_member (builder, "amount", amount);
  add_string_member (builder, "currency", outlay_expense_get_currency (expense));
  add_string_member (builder, "description", outlay_expense_get_description (expense));
  add_string_member (builder, "category", outlay_export_writer_category_name (writer, expense));
  if (note != NULL && *note != '\0')
    add_string_member (builder, "note", note);
  add_string_member (builder, "created_at", outlay_expense_get_created_at (expense));
  add_string_member (builder, "updated_at", outlay_expense_get_updated_at (expense));
  if (outlay_expense_get_deleted_at (expense) != NULL)
    add_string_member (builder, "deleted_at", outlay_expense_get_deleted_at (expense));
  if (outlay_expense_get_import_hash (expense) != NULL)
    add_string_member (builder, "import_hash", outlay_expense_get_import_hash (expense));
  if (outlay_expense_get_rule_uuid (expense) != NULL)
    {
      add_string_member (builder, "rule", outlay_expense_get_rule_uuid (expense));
      add_optional_member (builder, "scheduled", outlay_expense_get_scheduled_on (expense));
    }
  if (outlay_expense_get_charged (expense, &charged) != NULL)
    {
      const char      *charged_currency = outlay_expense_get_charged (expense, NULL);
      g_autofree char *charged_text = outlay_money_format_plain (charged, charged_currency);

      /* As the expense's own: a decimal text and its currency. */
      json_builder_set_member_name (builder, "charged");
      json_builder_begin_object (builder);
      add_string_member (builder, "amount", charged_text);
      add_string_member (builder, "currency", charged_currency);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
append_json_expense (OutlayExpense *expense,
                     gpointer       user_data,
                     GError       **error)
{
  OutlayExportWriter *writer = user_data;
  g_autoptr (JsonNode) node = expense_to_node (writer, expense);

  append_json (writer->buffer, node, writer->n_written == 0 ? "\n    " : ",\n    ");
  writer->n_written++;

  return outlay_export_writer_flush (writer, FALSE, error);
}

/* A part of the ledger the file lists apart (budgets, recurring
 * expenses): how its rows are read and written. */
typedef struct
{
  const char *member;
  const char *sql; /* binds whether deleted rows are in */
  const char *read_error;
  gpointer (*new_from_statement) (sqlite3_stmt *stmt);
  JsonNode *(*to_node) (OutlayExportWriter *writer,
                        gpointer            item,
                        gboolean            include_deleted,
                        GError            **error);
} ListedPart;

static const ListedPart budgets_part = {
  "budgets",
  "SELECT " OUTLAY_BUDGET_COLUMNS " FROM budgets WHERE ? OR deleted_at IS NULL ORDER BY position, id",
  N_("Could not read the budgets"),
      (gpointer (*) (sqlite3_stmt *)) outlay_budget_new_from_statement,
      (JsonNode * (*) (OutlayExportWriter *, gpointer, gboolean, GError **) ) outlay_ledger_json_budget_to_node,
  };

static const ListedPart rules_part = {
  "recurring",
  "SELECT " OUTLAY_RECURRING_RULE_COLUMNS " FROM recurring_rules WHERE ? OR deleted_at IS NULL "
  "ORDER BY created_at, id",
  N_("Could not read the recurring expenses"),
      (gpointer (*) (sqlite3_stmt *)) outlay_recurring_rule_new_from_statement,
      (JsonNode * (*) (OutlayExportWriter *, gpointer, gboolean, GError **) ) outlay_ledger_json_rule_to_node,
  };

static const ListedPart category_rules_part = {
  "rules",
  "SELECT " OUTLAY_CATEGORY_RULE_COLUMNS " FROM category_rules WHERE ? OR deleted_at IS NULL ORDER BY position, id",
  N_("Could not read the rules"),
  (gpointer (*) (sqlite3_stmt *)) outlay_category_rule_new_from_statement,
  (JsonNode * (*) (OutlayExportWriter *, gpointer, gboolean, GError **)) outlay_ledger_json_category_rule_to_node,
};

static const ListedPart rates_part = {
  "rates",
  "SELECT " OUTLAY_EXCHANGE_RATE_COLUMNS " FROM exchange_rates WHERE ? OR deleted_at IS NULL "
  "ORDER BY day, currency, quote, source, id",
  N_("Could not read the exchange rates"),
  (gpointer (*) (sqlite3_stmt *)) outlay_exchange_rate_new_from_statement,
  (JsonNode * (*) (OutlayExportWriter *, gpointer, gboolean, GError **)) outlay_ledger_json_exchange_rate_to_node,
};

/* The rows of @part, one a line, when there are any: a ledger without
 * them writes the file older versions read. */
static gboolean
append_part (OutlayExportWriter *writer,
             const ListedPart   *part,
             gboolean            include_deleted,
             gboolean           *any,
             GError            **error)
{
  OutlayDatabase *database = outlay_repository_get_database (writer->repository);
  sqlite3_stmt   *stmt = outlay_database_prepare (database, part->sql, error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, include_deleted);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, part->new_from_statement (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (database, error, rc, _(part->read_error));
      return FALSE;
    }

  *any = items->len > 0;
  if (items->len == 0)
    return TRUE;

  g_string_append_printf (writer->buffer, "  \"%s\": [", part->member);
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr (JsonNode) node = part->to_node (writer, g_ptr_array_index (items, i), include_deleted, error);

      if (node == NULL)
        return FALSE;
      append_json (writer->buffer, node, i == 0 ? "\n    " : ",\n    ");
    }
  g_string_append (writer->buffer, "\n  ],\n");

  return TRUE;
}

/* Whether an expense of the ledger is as @sql says ("SELECT EXISTS …"),
 * such as an occurrence of a recurring one; a parameter of @sql takes
 * @include_deleted. @context leads the message when it cannot be read. */
static gboolean
has_expenses (OutlayRepository *repository,
              const char       *sql,
              gboolean          include_deleted,
              const char       *context,
              gboolean         *any,
              GError          **error)
{
  OutlayDatabase *database = outlay_repository_get_database (repository);
  sqlite3_stmt   *stmt = outlay_database_prepare (database, sql, error);
  int             rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int (stmt, 1, include_deleted);
  rc = sqlite3_step (stmt);
  *any = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (database, error, rc, context);
      return FALSE;
    }
  return TRUE;
}

static void
append_categories (OutlayExportWriter *writer)
{
  GListModel *categories = outlay_repository_get_categories (writer->repository);
  guint       n = g_list_model_get_n_items (categories);

  g_string_append (writer->buffer, "  \"categories\": [");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      g_autoptr (JsonNode) node = outlay_ledger_json_category_to_node (writer, category);

      append_json (writer->buffer, node, i == 0 ? "\n    " : ",\n    ");
    }
  g_string_append (writer->buffer, n > 0 ? "\n  ],\n" : "],\n");
}

/**
 * outlay_export_json:
 * @query: (nullable): which expenses; %NULL for all, by date
 * @include_deleted: with no @query, the deleted expenses too
 * @n_written: (out) (optional): how many expenses were written
 *
 * Writes the ledger as Outlay's JSON file: one category and one expense a
 * line, members in a fixed order, nothing that changes between two exports
 * of the same data (no export time), so the files compare byte for byte.
 */
gboolean
outlay_export_json (OutlayRepository  *repository,
                    const OutlayQuery *query,
                    gboolean           include_deleted,
                    GOutputStream     *out,
                    GCancellable      *cancellable,
                    guint             *n_written,
                    GError           **error)
{
  OutlayExportWriter writer;
  g_autofree char   *currency = NULL;
  gboolean           has_refunds = FALSE;
  gboolean           has_budgets = FALSE;
  gboolean           has_rules = FALSE;
  gboolean           has_category_rules = FALSE;
  gboolean           has_occurrences = FALSE;
  gboolean           has_charged = FALSE;
  gboolean           has_rates = FALSE;
  g_autoptr (GString) budgets = NULL;
  int      version;
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  outlay_export_writer_init (&writer, repository, out, cancellable);
  if (!outlay_repository_has_refunds (repository, &has_refunds, error) ||
      !has_expenses (repository, "SELECT EXISTS (SELECT 1 FROM expenses WHERE rule_uuid IS NOT NULL)",
                     include_deleted, _("Could not read the recurring expenses"), &has_occurrences, error) ||
      !has_expenses (repository,
                     "SELECT EXISTS (SELECT 1 FROM expenses WHERE charged_currency IS NOT NULL "
                     "AND (? OR deleted_at IS NULL))",
                     include_deleted, _("Could not read the expenses"), &has_charged, error))
    {
      outlay_export_writer_clear (&writer);
      return FALSE;
    }

  /* The budgets belong to the whole ledger, not to a part of it: they are
   * worked out first, as the version depends on them. */
  if (query == NULL)
    {
      GString *buffer = writer.buffer;

      writer.buffer = g_string_new (NULL);
      ok = append_part (&writer, &budgets_part, include_deleted, &has_budgets, error) &&
           append_part (&writer, &rules_part, include_deleted, &has_rules, error) &&
           append_part (&writer, &category_rules_part, include_deleted, &has_category_rules, error) &&
           append_part (&writer, &rates_part, include_deleted, &has_rates, error);
      budgets = writer.buffer;
      writer.buffer = buffer;
      if (!ok)
        {
          outlay_export_writer_clear (&writer);
          return FALSE;
        }
    }

  if (has_rates || has_charged)
    version = LEDGER_VERSION;
  else if (has_category_rules)
    version = LEDGER_VERSION_WITH_CATEGORY_RULES;
  else if (outlay_ledger_json_has_tree (repository))
    version = LEDGER_VERSION_WITH_TREE;
  else if (has_rules || has_occurrences)
    version = LEDGER_VERSION_WITH_RECURRING;
  else if (has_budgets)
    version = LEDGER_VERSION_WITH_BUDGETS;
  else if (has_refunds)
    version = LEDGER_VERSION_WITH_REFUNDS;
  else
    version = LEDGER_VERSION_WITHOUT_REFUNDS;

  currency = outlay_repository_dup_currency (repository, outlay_currency_for_locale ());
  g_string_append_printf (writer.buffer, "{\n  \"format\": \"%s\",\n  \"version\": %d,\n  \"currency\": \"%s\",\n",
                          LEDGER_FORMAT, version, currency);
  append_categories (&writer);
  if (budgets != NULL)
    g_string_append_len (writer.buffer, budgets->str, budgets->len);
  g_string_append (writer.buffer, "  \"expenses\": [");

  ok = outlay_repository_foreach_expense (repository, query, include_deleted, append_json_expense, &writer, error);
  if (ok)
    {
      g_string_append (writer.buffer, writer.n_written > 0 ? "\n  ]\n}\n" : "]\n}\n");
      ok = outlay_export_writer_flush (&writer, TRUE, error);
    }

  if (n_written != NULL)
    *n_written = writer.n_written;
  outlay_export_writer_clear (&writer);

  return ok;
}

/* Reading */

const char *
outlay_ledger_json_member_string (JsonObject *object,
                                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gboolean
outlay_ledger_json_member_is_true (JsonObject *object,
                                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

gboolean
outlay_ledger_json_member_is_string_or_absent (JsonObject *object,
                                               const char *name)
{
  return !json_object_has_member (object, name) || outlay_ledger_json_member_string (object, name) != NULL;
}

gboolean
outlay_ledger_json_is_timestamp (const char *text)
{
  g_autoptr (GDateTime) time = NULL;

  if (text == NULL)
    return TRUE;

  time = g_date_time_new_from_iso8601 (text, NULL);
  return time != NULL;
}

/* Whether @name is a timestamp, or absent when not @required. */
gboolean
outlay_ledger_json_is_timestamp_member (JsonObject *object,
                                        const char *name,
                                        gboolean    required)
{
  if (!json_object_has_member (object, name))
    return !required;

  return outlay_ledger_json_member_string (object, name) != NULL &&
         outlay_ledger_json_is_timestamp (outlay_ledger_json_member_string (object, name));
}

static void
read_categories (OutlayImportSource *source,
                 JsonArray          *categories)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = json_array_get_length (categories);

  for (guint i = 0; i < n; i++)
    outlay_ledger_json_read_category (source, names, json_array_get_element (categories, i), i + 1);
}

/* The expense's "charged": {"amount": "80.11", "currency": "EUR"}, its
 * amount in the minor units of its currency. */
static gboolean
read_charged (JsonObject  *object,
              gint64      *amount,
              const char **currency,
              GError     **error)
{
  JsonNode   *node = json_object_get_member (object, "charged");
  JsonObject *charged = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *text = charged != NULL ? outlay_ledger_json_member_string (charged, "amount") : NULL;

  *currency = charged != NULL ? outlay_ledger_json_member_string (charged, "currency") : NULL;
  if (text == NULL || *currency == NULL)
    {
      g_set_error_literal (error, OUTLAY_EXPORT_ERROR, OUTLAY_EXPORT_ERROR_INVALID,
                           _("it needs an amount written as text and a currency."));
      return FALSE;
    }
  if (!outlay_currency_is_valid (*currency))
    {
      g_set_error (error, OUTLAY_EXPORT_ERROR, OUTLAY_EXPORT_ERROR_INVALID,
                   _("The currency “%s” of the amount charged is not a known ISO 4217 code."), *currency);
      return FALSE;
    }
  return outlay_money_parse_plain (text, *currency, amount, error);
}

/* What the ledger would refuse of an amount charged: the rules of
 * outlay_repository_validate_charged(), which are the store's. */
static gboolean
check_charged (gint64      amount,
               const char *currency,
               gint64      charged,
               const char *charged_currency,
               GError    **error)
{
  g_autoptr (OutlayExpense) expense = outlay_expense_new ();

  outlay_expense_set_amount (expense, amount);
  outlay_expense_set_currency (expense, currency);
  outlay_expense_set_charged (expense, charged, charged_currency);

  return outlay_repository_validate_charged (expense, error);
}

static OutlayImportRecord *
read_expense (OutlayImportSource *source,
              JsonNode           *node,
              guint               position)
{
  g_autoptr (OutlayImportRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  const char *amount;
  const char *currency;
  const char *date;
  const char *description;
  const char *charged_currency = NULL;
  gint64      charged = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                      _("Expense %u is not an object."), position);
      return NULL;
    }

  object = json_node_get_object (node);
  date = outlay_ledger_json_member_string (object, "date");
  amount = outlay_ledger_json_member_string (object, "amount");
  currency = outlay_ledger_json_member_string (object, "currency");
  description = outlay_ledger_json_member_string (object, "description");

  if (!outlay_uuid_is_valid (outlay_ledger_json_member_string (object, "uuid")))
    outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                    _("Expense %u has no valid uuid."), position);
  else if (date == NULL || !outlay_date_is_valid (date))
    outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                    _("Expense %u has no valid date (YYYY-MM-DD)."), position);
  else if (currency == NULL || !outlay_currency_is_valid (currency))
    outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                    _("Expense %u has no known currency."), position);
  else if (description == NULL)
    outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                    _("Expense %u has no description."), position);
  else if (!outlay_ledger_json_member_is_string_or_absent (object, "note") ||
           !outlay_ledger_json_member_is_string_or_absent (object, "category") ||
           !outlay_ledger_json_member_is_string_or_absent (object, "import_hash"))
    outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                    _("Expense %u has a note, category or import hash that is not text."), position);
  else if (!outlay_ledger_json_member_is_string_or_absent (object, "created_at") ||
           !outlay_ledger_json_member_is_string_or_absent (object, "updated_at") ||
           !outlay_ledger_json_member_is_string_or_absent (object, "deleted_at") ||
           !outlay_ledger_json_is_timestamp (outlay_ledger_json_member_string (object, "created_at")) ||
           !outlay_ledger_json_is_timestamp (outlay_ledger_json_member_string (object, "updated_at")) ||
           !outlay_ledger_json_is_timestamp (outlay_ledger_json_member_string (object, "deleted_at")))
    outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                    _("Expense %u has a time that is not an ISO 8601 timestamp."), position);
  else if ((json_object_has_member (object, "rule") &&
            !outlay_uuid_is_valid (outlay_ledger_json_member_string (object, "rule"))) ||
           (json_object_has_member (object, "scheduled") &&
            !outlay_date_is_valid (outlay_ledger_json_member_string (object, "scheduled"))) ||
           json_object_has_member (object, "rule") != json_object_has_member (object, "scheduled"))
    outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                    _("Expense %u names a recurring expense or a day that cannot be read."), position);
  else if (json_object_has_member (object, "charged") &&
           !read_charged (object, &charged, &charged_currency, &error))
    outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                    _("Expense %u has an amount charged that cannot be read: %s"), position,
                                    error->message);
  else
    {
      record = outlay_import_record_new ();
      if (amount == NULL)
        {
          outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                          _("Expense %u has no amount written as text, such as \"12.50\"."), position);
          return NULL;
        }
      if (!outlay_money_parse_plain (amount, currency, &record->amount, &error))
        {
          outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                          _("Expense %u has an amount that cannot be read: %s"), position,
                                          error->message);
          return NULL;
        }
      if (charged_currency != NULL && !check_charged (record->amount, currency, charged, charged_currency, &error))
        {
          outlay_import_source_add_issue (source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                          _("Expense %u has an amount charged that cannot be read: %s"), position,
                                          error->message);
          return NULL;
        }

      record->line = 0;
      record->date = g_strdup (date);
      record->currency = g_strdup (currency);
      g_free (record->description);
      record->description = g_strdup (description);
      record->note = g_strdup (outlay_ledger_json_member_string (object, "note"));
      record->category = g_strdup (outlay_ledger_json_member_string (object, "category"));
      record->uuid = g_strdup (outlay_ledger_json_member_string (object, "uuid"));
      record->created_at = g_strdup (outlay_ledger_json_member_string (object, "created_at"));
      record->updated_at = g_strdup (outlay_ledger_json_member_string (object, "updated_at"));
      record->deleted_at = g_strdup (outlay_ledger_json_member_string (object, "deleted_at"));
      record->import_hash = g_strdup (outlay_ledger_json_member_string (object, "import_hash"));
      record->rule_uuid = g_strdup (outlay_ledger_json_member_string (object, "rule"));
      record->scheduled_on = g_strdup (outlay_ledger_json_member_string (object, "scheduled"));
      record->charged_amount = charged;
      record->charged_currency = g_strdup (charged_currency);
      return g_steal_pointer (&record);
    }

  return NULL;
}

/* json-glib parses nested arrays and objects by recursion: a few hundred
 * thousand "[" would overflow the stack. An Outlay file nests three deep. */
#define MAX_JSON_DEPTH 64

static gboolean
nests_too_deep (const char *data,
                gsize       length)
{
  gboolean in_string = FALSE;
  guint    depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return FALSE;
}

/* Reading one element at a time
 *
 * A tree of the whole file takes about fifteen times the file's size: a
 * ledger of a million expenses would need gigabytes. So the top object is
 * split into its members, and the arrays of categories and expenses into
 * their elements, each of which json-glib parses on its own and is read
 * at once. The splitting only follows brackets and strings; json-glib
 * checks every piece. Whatever it does not expect (a comment, a member
 * twice, a piece json-glib refuses, a file that is not a ledger of this
 * version) is left to the reading of the whole tree, which gives the same
 * records and messages as ever, so that this only ever saves memory. */

typedef struct
{
  char       *name;
  const char *value;
  gsize       length;
} Member;

static void
member_clear (Member *member)
{
  g_free (member->name);
}

static gsize
skip_space (const char *data,
            gsize       length,
            gsize       pos)
{
  while (pos < length && (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\n' || data[pos] == '\r'))
    pos++;
  return pos;
}

/* Moves @pos past the value that starts there: a string, an array or an
 * object to its closing character, a number or a word to the character
 * that ends it. */
static gboolean
skip_value (const char *data,
            gsize       length,
            gsize      *pos)
{
  gsize    start = *pos;
  guint    depth = 0;
  gboolean in_string = FALSE;

  for (gsize p = start; p < length; p++)
    {
      char c = data[p];

      if (in_string)
        {
          if (c == '\\')
            p++;
          else if (c == '"')
            {
              in_string = FALSE;
              if (depth == 0)
                {
                  *pos = p + 1;
                  return TRUE;
                }
            }
          continue;
        }

      if (c == '"' && (depth > 0 || p == start))
        in_string = TRUE;
      else if (c == '[' || c == '{')
        depth++;
      else if ((c == ']' || c == '}') && depth > 0)
        {
          if (--depth == 0)
            {
              *pos = p + 1;
              return TRUE;
            }
        }
      else if (depth == 0 && strchr (",]} \t\n\r\"", c) != NULL)
        {
          *pos = p;
          return p > start;
        }
    }

  *pos = length;
  return depth == 0 && !in_string && length > start;
}

/* The members of the top object, in order; FALSE when the data is not one
 * object of members with plain names, each once. */
static gboolean
split_members (const char *data,
               gsize       length,
               GArray     *members)
{
  gsize pos = skip_space (data, length, 0);

  if (pos >= length || data[pos] != '{')
    return FALSE;
  pos = skip_space (data, length, pos + 1);
  if (pos < length && data[pos] == '}')
    return skip_space (data, length, pos + 1) == length;

  for (;;)
    {
      g_autofree char *name = NULL;
      const char      *name_end;
      Member           member;

      if (pos >= length || data[pos] != '"')
        return FALSE;
      name_end = memchr (data + pos + 1, '"', length - pos - 1);
      if (name_end == NULL || memchr (data + pos + 1, '\\', name_end - data - pos - 1) != NULL ||
          !g_utf8_validate_len (data + pos + 1, name_end - data - pos - 1, NULL))
        return FALSE;
      name = g_strndup (data + pos + 1, name_end - data - pos - 1);
      for (guint i = 0; i < members->len; i++)
        {
          if (strcmp (g_array_index (members, Member, i).name, name) == 0)
            return FALSE;
        }

      pos = skip_space (data, length, name_end - data + 1);
      if (pos >= length || data[pos] != ':')
        return FALSE;
      pos = skip_space (data, length, pos + 1);
      member.value = data + pos;
      if (!skip_value (data, length, &pos))
        return FALSE;
      member.length = data + pos - member.value;
      member.name = g_steal_pointer (&name);
      g_array_append_val (members, member);

      pos = skip_space (data, length, pos);
      if (pos < length && data[pos] == ',')
        {
          pos = skip_space (data, length, pos + 1);
          continue;
        }
      if (pos < length && data[pos] == '}')
        return skip_space (data, length, pos + 1) == length;
      return FALSE;
    }
}

/* One piece of the file as json-glib reads it: %NULL when it refuses it. */
static JsonNode *
parse_piece (JsonParser *parser,
             const char *text,
             gsize       length)
{
  JsonNode *root;

  if (length > G_MAXSSIZE || !json_parser_load_from_data (parser, text, (gssize) length, NULL))
    return NULL;
  root = json_parser_get_root (parser);

  return root != NULL ? json_node_copy (root) : NULL;
}

typedef void (*ReadElementFunc) (OutlayImportSource *source,
                                 gpointer            user_data,
                                 JsonNode           *node,
                                 guint               position);

/* Reads each element of the array @text, @length; FALSE when it is not
 * an array of pieces json-glib reads. */
static gboolean
read_elements (JsonParser         *parser,
               const char         *text,
               gsize               length,
               OutlayImportSource *source,
               ReadElementFunc     func,
               gpointer            user_data)
{
  gsize pos;
  guint position = 0;

  g_assert (length >= 2 && text[0] == '[' && text[length - 1] == ']');

  length--;
  pos = skip_space (text, length, 1);
  if (pos == length)
    return TRUE;

  for (;;)
    {
      gsize start = pos;
      g_autoptr (JsonNode) node = NULL;

      if (!skip_value (text, length, &pos) || !(node = parse_piece (parser, text + start, pos - start)))
        return FALSE;
      func (source, user_data, node, ++position);

      pos = skip_space (text, length, pos);
      if (pos == length)
        return TRUE;
      if (text[pos] != ',')
        return FALSE;
      pos = skip_space (text, length, pos + 1);
    }
}

static void
read_category_element (OutlayImportSource *source,
                       gpointer            user_data,
                       JsonNode           *node,
                       guint               position)
{
  outlay_ledger_json_read_category (source, user_data, node, position);
}

static void
read_budget_element (OutlayImportSource *source,
                     gpointer            user_data,
                     JsonNode           *node,
                     guint               position)
{
  outlay_ledger_json_read_budget (source, node, position);
}

static void
read_rule_element (OutlayImportSource *source,
                   gpointer            user_data,
                   JsonNode           *node,
                   guint               position)
{
  outlay_ledger_json_read_rule (source, node, position);
}

static void
read_category_rule_element (OutlayImportSource *source,
                            gpointer            user_data,
                            JsonNode           *node,
                            guint               position)
{
  outlay_ledger_json_read_category_rule (source, node, position);
}

static void
read_rate_element (OutlayImportSource *source,
                   gpointer            user_data,
                   JsonNode           *node,
                   guint               position)
{
  outlay_ledger_json_read_rate (source, node, position);
}

static void
read_expense_element (OutlayImportSource *source,
                      gpointer            user_data,
                      JsonNode           *node,
                      guint               position)
{
  OutlayImportRecord *record = read_expense (source, node, position);

  if (record != NULL)
    outlay_import_source_add_record (source, record);
}

static const Member *
find_member (GArray     *members,
             const char *name)
{
  for (guint i = 0; i < members->len; i++)
    {
      const Member *member = &g_array_index (members, Member, i);

      if (strcmp (member->name, name) == 0)
        return member;
    }

  return NULL;
}

static gboolean
is_array (const Member *member)
{
  return member != NULL && member->length >= 2 && member->value[0] == '[' && member->value[member->length - 1] == ']';
}

/* The records of a ledger file of this version read one element at a
 * time, or %NULL to read the whole tree instead. */
static OutlayImportSource *
read_by_elements (const char *data,
                  gsize       length)
{
  g_autoptr (GArray) members = g_array_new (FALSE, FALSE, sizeof (Member));
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *currency = NULL;
  const Member    *categories;
  const Member    *budgets;
  const Member    *rules;
  const Member    *category_rules;
  const Member    *rates;
  const Member    *expenses;
  gboolean         is_ledger = FALSE;

  g_array_set_clear_func (members, (GDestroyNotify) member_clear);
  if (!split_members (data, length, members))
    return NULL;

  /* Everything but the two arrays is small: read it to check the format
   * and the version, and that it is JSON at all. */
  for (guint i = 0; i < members->len; i++)
    {
      const Member *member = &g_array_index (members, Member, i);
      g_autoptr (JsonNode) node = NULL;

      if ((strcmp (member->name, "categories") == 0 || strcmp (member->name, "budgets") == 0 ||
           strcmp (member->name, "recurring") == 0 || strcmp (member->name, "rules") == 0 ||
           strcmp (member->name, "rates") == 0 || strcmp (member->name, "expenses") == 0) &&
          is_array (member))
        continue;
      if (!(node = parse_piece (parser, member->value, member->length)))
        return NULL;
      if (strcmp (member->name, "format") == 0)
        is_ledger = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
                    g_strcmp0 (json_node_get_string (node), LEDGER_FORMAT) == 0;
      else if (strcmp (member->name, "version") == 0 &&
               (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
                json_node_get_int (node) < 1 || json_node_get_int (node) > LEDGER_VERSION))
        return NULL;
      else if (strcmp (member->name, "currency") == 0 && JSON_NODE_HOLDS_VALUE (node) &&
               json_node_get_value_type (node) == G_TYPE_STRING &&
               outlay_currency_is_valid (json_node_get_string (node)))
        {
          g_free (currency);
          currency = g_strdup (json_node_get_string (node));
        }
    }

  categories = find_member (members, "categories");
  budgets = find_member (members, "budgets");
  rules = find_member (members, "recurring");
  category_rules = find_member (members, "rules");
  rates = find_member (members, "rates");
  expenses = find_member (members, "expenses");
  if (!is_ledger || find_member (members, "version") == NULL || !is_array (expenses) ||
      (categories != NULL && !is_array (categories)) || (budgets != NULL && !is_array (budgets)) ||
      (rules != NULL && !is_array (rules)) || (category_rules != NULL && !is_array (category_rules)) ||
      (rates != NULL && !is_array (rates)))
    return NULL;

  source = outlay_import_source_new ();
  source->lossless = TRUE;
  source->currency = g_steal_pointer (&currency);
  if ((categories != NULL &&
       !read_elements (parser, categories->value, categories->length, source, read_category_element, names)) ||
      (budgets != NULL &&
       !read_elements (parser, budgets->value, budgets->length, source, read_budget_element, NULL)) ||
      (rules != NULL && !read_elements (parser, rules->value, rules->length, source, read_rule_element, NULL)) ||
      (category_rules != NULL && !read_elements (parser, category_rules->value, category_rules->length, source,
                                                 read_category_rule_element, NULL)) ||
      (rates != NULL && !read_elements (parser, rates->value, rates->length, source, read_rate_element, NULL)) ||
      !read_elements (parser, expenses->value, expenses->length, source, read_expense_element, NULL))
    return NULL;

  return g_steal_pointer (&source);
}

/**
 * outlay_json_read:
 *
 * Returns: (transfer full): what the file holds, or %NULL with @error set
 *   when it is not an Outlay ledger file this version can read
 */
OutlayImportSource *
outlay_json_read (const char *data,
                  gsize       length,
                  GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonObject *root;
  JsonNode   *node;
  JsonNode   *expenses;
  JsonNode   *categories;
  JsonNode   *budgets;
  JsonNode   *rules;
  const char *format;
  gint64      version;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (nests_too_deep (data, length))
    {
      g_set_error (error, OUTLAY_EXPORT_ERROR, OUTLAY_EXPORT_ERROR_INVALID,
                   _("This is not an Outlay ledger file: it nests more than %d levels deep."), MAX_JSON_DEPTH);
      return NULL;
    }

  if ((source = read_by_elements (data, length)) != NULL)
    return g_steal_pointer (&source);

  if (length > G_MAXSSIZE || !json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, OUTLAY_EXPORT_ERROR, OUTLAY_EXPORT_ERROR_INVALID,
                   _("This is not an Outlay ledger file: %s"),
                   local_error != NULL ? local_error->message : _("it is too large."));
      return NULL;
    }

  node = json_parser_get_root (parser);
  root = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  format = root != NULL ? outlay_ledger_json_member_string (root, "format") : NULL;
  if (g_strcmp0 (format, LEDGER_FORMAT) != 0)
    {
      g_set_error_literal (error, OUTLAY_EXPORT_ERROR, OUTLAY_EXPORT_ERROR_INVALID,
                           _("This is not an Outlay ledger file: it does not say “format”: “outlay-ledger”."));
      return NULL;
    }

  node = json_object_get_member (root, "version");
  version = node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
              ? json_node_get_int (node)
              : 0;
  if (version < 1 || version > LEDGER_VERSION)
    {
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, OUTLAY_EXPORT_ERROR, OUTLAY_EXPORT_ERROR_UNSUPPORTED,
                   _("This ledger file has version %s; this Outlay reads version %d. Update Outlay to import it."),
                   version_text, LEDGER_VERSION);
      return NULL;
    }

  expenses = json_object_get_member (root, "expenses");
  categories = json_object_get_member (root, "categories");
  if (expenses == NULL || !JSON_NODE_HOLDS_ARRAY (expenses) ||
      (categories != NULL && !JSON_NODE_HOLDS_ARRAY (categories)))
    {
      g_set_error_literal (error, OUTLAY_EXPORT_ERROR, OUTLAY_EXPORT_ERROR_INVALID,
                           _("This Outlay ledger file is damaged: it has no list of expenses."));
      return NULL;
    }

  source = outlay_import_source_new ();
  source->lossless = TRUE;
  if (outlay_currency_is_valid (outlay_ledger_json_member_string (root, "currency")))
    source->currency = g_strdup (outlay_ledger_json_member_string (root, "currency"));
  if (categories != NULL)
    read_categories (source, json_node_get_array (categories));
  budgets = json_object_get_member (root, "budgets");
  for (guint i = 0; budgets != NULL && JSON_NODE_HOLDS_ARRAY (budgets) &&
                    i < json_array_get_length (json_node_get_array (budgets));
       i++)
    outlay_ledger_json_read_budget (source, json_array_get_element (json_node_get_array (budgets), i), i + 1);
  rules = json_object_get_member (root, "recurring");
  for (guint i = 0; rules != NULL && JSON_NODE_HOLDS_ARRAY (rules) &&
                    i < json_array_get_length (json_node_get_array (rules));
       i++)
    outlay_ledger_json_read_rule (source, json_array_get_element (json_node_get_array (rules), i), i + 1);
  rules = json_object_get_member (root, "rules");
  for (guint i = 0; rules != NULL && JSON_NODE_HOLDS_ARRAY (rules) &&
                    i < json_array_get_length (json_node_get_array (rules));
       i++)
    outlay_ledger_json_read_category_rule (source, json_array_get_element (json_node_get_array (rules), i), i + 1);
  rules = json_object_get_member (root, "rates");
  for (guint i = 0; rules != NULL && JSON_NODE_HOLDS_ARRAY (rules) &&
                    i < json_array_get_length (json_node_get_array (rules));
       i++)
    outlay_ledger_json_read_rate (source, json_array_get_element (json_node_get_array (rules), i), i + 1);

  for (guint i = 0; i < json_array_get_length (json_node_get_array (expenses)); i++)
    {
      OutlayImportRecord *record =
        read_expense (source, json_array_get_element (json_node_get_array (expenses), i), i + 1);

      if (record != NULL)
        outlay_import_source_add_record (source, record);
    }

  return g_steal_pointer (&source);
}

/* Reading a line at a time
 *
 * Outlay writes one category and one expense a line (outlay_export_json()),
 * so its own files are read a line at a time from the disk: a ledger of a
 * million expenses never has to be in memory. A file laid out any other
 * way (formatted by another program, written by hand) is read whole, as
 * above, with the same records and messages. */

typedef enum
{
  LINES_TOP,            /* expecting a member or the closing brace */
  LINES_CATEGORIES,     /* in the array of categories */
  LINES_BUDGETS,        /* in the array of budgets */
  LINES_RULES,          /* in the array of recurring expenses */
  LINES_CATEGORY_RULES, /* in the array of rules that file expenses */
  LINES_RATES,          /* in the array of exchange rates */
  LINES_EXPENSES,       /* in the array of expenses */
  LINES_END,            /* after the closing brace */
} LinesState;

typedef struct
{
  OutlayImportSource *source;
  JsonParser         *parser;
  GHashTable         *category_names;
  GHashTable         *members; /* the names seen, each only once */
  LinesState          state;
  gboolean            comma; /* the last member or element ended with one */
  gboolean            is_ledger;
  gboolean            has_version;
  guint               position; /* of the element in its array */
} LinesReader;

/* Strips the comma that ends @text, @length, if any. */
static gboolean
strip_comma (const char *text,
             gsize      *length)
{
  if (*length > 0 && text[*length - 1] == ',')
    {
      (*length)--;
      return TRUE;
    }

  return FALSE;
}

/* An element of an array: FALSE when it does not fit the layout. */
static gboolean
read_element_line (LinesReader *reader,
                   const char  *text,
                   gsize        length)
{
  g_autoptr (JsonNode) node = NULL;

  reader->comma = strip_comma (text, &length);
  if (length == 0 || nests_too_deep (text, length) || !(node = parse_piece (reader->parser, text, length)))
    return FALSE;

  reader->position++;
  if (reader->state == LINES_CATEGORIES)
    outlay_ledger_json_read_category (reader->source, reader->category_names, node, reader->position);
  else if (reader->state == LINES_BUDGETS)
    outlay_ledger_json_read_budget (reader->source, node, reader->position);
  else if (reader->state == LINES_RULES)
    outlay_ledger_json_read_rule (reader->source, node, reader->position);
  else if (reader->state == LINES_CATEGORY_RULES)
    outlay_ledger_json_read_category_rule (reader->source, node, reader->position);
  else if (reader->state == LINES_RATES)
    outlay_ledger_json_read_rate (reader->source, node, reader->position);
  else
    {
      OutlayImportRecord *record = read_expense (reader->source, node, reader->position);

      if (record != NULL)
        outlay_import_source_add_record (reader->source, record);
    }

  return TRUE;
}

/* A member of the top object on one line: FALSE when it does not fit. */
static gboolean
read_member_line (LinesReader *reader,
                  const char  *text,
                  gsize        length)
{
  g_autofree char *wrapped = NULL;
  g_autoptr (JsonNode) node = NULL;
  JsonObject *object;
  GList      *names;
  const char *name;
  JsonNode   *value;
  gboolean    comma = strip_comma (text, &length);

  /* "name": [ opens an array of elements, one a line. */
  if (length > 0 && text[length - 1] == '[' && !comma)
    {
      wrapped = g_strdup_printf ("{%.*s]}", (int) length, text);
      reader->comma = FALSE;
    }
  else
    {
      wrapped = g_strdup_printf ("{%.*s}", (int) length, text);
      reader->comma = comma;
    }

  if (nests_too_deep (wrapped, strlen (wrapped)) || !(node = parse_piece (reader->parser, wrapped, strlen (wrapped))) ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  names = json_object_get_members (object);
  name = names != NULL && names->next == NULL ? names->data : NULL;
  g_list_free (names);
  if (name == NULL || !g_hash_table_add (reader->members, g_strdup (name)))
    return FALSE;
  value = json_object_get_member (object, name);

  if (strcmp (name, "categories") == 0 || strcmp (name, "budgets") == 0 || strcmp (name, "recurring") == 0 ||
      strcmp (name, "rules") == 0 || strcmp (name, "rates") == 0 || strcmp (name, "expenses") == 0)
    {
      if (!JSON_NODE_HOLDS_ARRAY (value) || json_array_get_length (json_node_get_array (value)) > 0)
        return FALSE;
      /* An empty array is whole on its line; an open one goes on. */
      if (text[length - 1] == '[')
        {
          if (strcmp (name, "categories") == 0)
            reader->state = LINES_CATEGORIES;
          else if (strcmp (name, "budgets") == 0)
            reader->state = LINES_BUDGETS;
          else if (strcmp (name, "recurring") == 0)
            reader->state = LINES_RULES;
          else if (strcmp (name, "rules") == 0)
            reader->state = LINES_CATEGORY_RULES;
          else if (strcmp (name, "rates") == 0)
            reader->state = LINES_RATES;
          else
            reader->state = LINES_EXPENSES;
          reader->position = 0;
          reader->comma = TRUE;
        }
      return TRUE;
    }

  if (strcmp (name, "format") == 0)
    reader->is_ledger = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
                        g_strcmp0 (json_node_get_string (value), LEDGER_FORMAT) == 0;
  else if (strcmp (name, "currency") == 0 && JSON_NODE_HOLDS_VALUE (value) &&
           json_node_get_value_type (value) == G_TYPE_STRING && outlay_currency_is_valid (json_node_get_string (value)))
    {
      g_free (reader->source->currency);
      reader->source->currency = g_strdup (json_node_get_string (value));
    }
  else if (strcmp (name, "version") == 0)
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
          json_node_get_int (value) < 1 || json_node_get_int (value) > LEDGER_VERSION)
        return FALSE;
      reader->has_version = TRUE;
    }

  /* The format and the version come before what they describe. */
  return reader->is_ledger || strcmp (name, "format") == 0;
}

static gboolean
read_line (LinesReader *reader,
           const char  *line,
           gsize        length,
           gboolean     first)
{
  /* What the layout puts around a line. */
  while (length > 0 && (line[length - 1] == ' ' || line[length - 1] == '\r' || line[length - 1] == '\t'))
    length--;
  while (length > 0 && (*line == ' ' || *line == '\t'))
    line++, length--;

  if (first)
    return length == 1 && *line == '{';

  switch (reader->state)
    {
    case LINES_TOP:
      if (length == 1 && *line == '}')
        {
          reader->state = LINES_END;
          return !reader->comma;
        }
      /* Every member but the last is followed by a comma. */
      return reader->comma && read_member_line (reader, line, length);

    case LINES_CATEGORIES:
    case LINES_BUDGETS:
    case LINES_RULES:
    case LINES_CATEGORY_RULES:
    case LINES_RATES:
    case LINES_EXPENSES:
      if ((length == 1 && *line == ']') || (length == 2 && line[0] == ']' && line[1] == ','))
        {
          /* "[" with nothing after it is no element with a comma. */
          if (reader->comma && reader->position > 0)
            return FALSE;
          reader->state = LINES_TOP;
          reader->comma = length == 2;
          return reader->position > 0;
        }
      return reader->comma && read_element_line (reader, line, length);

    case LINES_END:
    default:
      return length == 0;
    }
}

/* What the file holds read a line at a time; %NULL with @error set when it
 * cannot be read, or with @error unset when it is laid out otherwise. */
static OutlayImportSource *
read_lines (GInputStream *stream,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr (GDataInputStream) lines = g_data_input_stream_new (stream);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GHashTable) category_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (OutlayImportSource) source = outlay_import_source_new ();
  LinesReader reader = { source, parser, category_names, members, LINES_TOP, TRUE };
  gboolean    first = TRUE;

  source->lossless = TRUE;
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (lines), 256 * 1024);
  for (guint n = 0;; n++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *line = NULL;
      gsize            length = 0;

      if (n % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      line = g_data_input_stream_read_line (lines, &length, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (line == NULL)
        break;
      /* A NUL in a line is no JSON of this layout. */
      if (strlen (line) != length || !read_line (&reader, line, length, first))
        return NULL;
      first = FALSE;
    }

  if (reader.state != LINES_END || !reader.is_ledger || !reader.has_version ||
      !g_hash_table_contains (members, "expenses"))
    return NULL;

  return g_steal_pointer (&source);
}

/**
 * outlay_json_read_file:
 *
 * @by_lines: (out) (optional): whether it was read a line at a time
 *
 * As outlay_json_read(), from @file: a line at a time when it is laid out
 * as Outlay writes it, else read whole.
 *
 * Returns: (transfer full): what the file holds, or %NULL with @error set
 */
OutlayImportSource *
outlay_json_read_file (GFile        *file,
                       GCancellable *cancellable,
                       gboolean     *by_lines,
                       GError      **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize            length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (by_lines != NULL)
    *by_lines = FALSE;
  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;
  if ((source = read_lines (G_INPUT_STREAM (stream), cancellable, &local_error)) != NULL)
    {
      if (by_lines != NULL)
        *by_lines = TRUE;
      return g_steal_pointer (&source);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_clear_object (&stream);
  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  return outlay_json_read (data, length, error);
}
