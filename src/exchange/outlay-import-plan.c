/* outlay-import-plan.c
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
#include <sqlite3.h>

#include "outlay-database-private.h"
#include "outlay-import-plan-private.h"
#include "outlay-money.h"
#include "outlay-repository-private.h"
#include "outlay-store-private.h"

static void
set_incoming_state (OutlayImportPlan *plan,
                    guint             index,
                    IncomingState     state)
{
  if (plan->incoming_states == NULL)
    plan->incoming_states = g_array_new (FALSE, TRUE, sizeof (guint8));
  if (index >= plan->incoming_states->len)
    g_array_set_size (plan->incoming_states, index + 1);
  g_array_index (plan->incoming_states, guint8, index) = state;
}

static void
category_match_free (OutlayImportCategoryMatch *match)
{
  g_free (match->name);
  g_free (match);
}

static const char *
record_currency (OutlayImportPlan   *plan,
                 OutlayImportRecord *record)
{
  return record->currency != NULL ? record->currency : plan->currency;
}

/* What makes two lines "the same expense" for duplicate detection. */
static char *
record_key (OutlayImportPlan   *plan,
            OutlayImportRecord *record)
{
  g_autofree char *description = g_utf8_casefold (record->description, -1);

  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s",
                          record->date, record->amount,
                          record_currency (plan, record), description);
}

/* A fingerprint of the line: its key and how many identical lines came
 * before it in the file, so that a second identical coffee is its own line
 * and importing the file again matches each with itself. */
static char *
record_hash (const char *key,
             guint       occurrence)
{
  g_autofree char *text = g_strdup_printf ("%s\x1f%u", key, occurrence);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_strndup (hash, 32);
}

/* The import hash of record @index: the one a lossless record brings
 * (or none), else its fingerprint. Made when needed rather than kept, as
 * 32 bytes a record add up in a large file. */
static char *
record_import_hash (OutlayImportPlan   *plan,
                    OutlayImportRecord *record,
                    const char         *key,
                    guint               index)
{
  g_autofree char *own_key = NULL;

  if (record->uuid != NULL)
    return g_strdup (record->import_hash);
  if (key == NULL)
    key = own_key = record_key (plan, record);

  return record_hash (key, g_array_index (plan->occurrences, guint32, index));
}

/* Counting texts without keeping them
 *
 * How often a key came before, and whether a uuid did, is asked of every
 * record; a table of the texts themselves would grow to hundreds of
 * megabytes for a large file. This one keeps two 64-bit hashes of each
 * text and a count: 20 bytes a text. Two texts that differ have the same
 * pair of hashes with a chance of about 2^-100 for a million of them. */

typedef struct
{
  guint64 *keys; /* two a slot; 0, 0 is a free slot */
  guint32 *counts;
  gsize    size; /* slots */
  gsize    n_used;
} TextCounts;

static guint64
hash_text (const char *text,
           guint64     seed)
{
  guint64 h = seed;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);

  /* The bits mixed, as the table uses the low ones. */
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;

  return h;
}

/* Room for @expected texts, the table at most three quarters full. */
static void
text_counts_init (TextCounts *table,
                  gsize       expected)
{
  table->size = expected + expected / 3 + 64;
  table->keys = g_new0 (guint64, 2 * table->size);
  table->counts = g_new0 (guint32, table->size);
  table->n_used = 0;
}

static void
text_counts_clear (TextCounts *table)
{
  g_clear_pointer (&table->keys, g_free);
  g_clear_pointer (&table->counts, g_free);
  table->size = table->n_used = 0;
}

static guint32 *text_counts_lookup (TextCounts *table,
                                    guint64     a,
                                    guint64     b);

static void
text_counts_grow (TextCounts *table)
{
  TextCounts bigger;

  text_counts_init (&bigger, table->size * 2);
  for (gsize i = 0; i < table->size; i++)
    {
      if (table->keys[2 * i] != 0 || table->keys[2 * i + 1] != 0)
        *text_counts_lookup (&bigger, table->keys[2 * i], table->keys[2 * i + 1]) = table->counts[i];
    }
  text_counts_clear (table);
  *table = bigger;
}

/* The count of @a, @b: a new pair is added with 0. */
static guint32 *
text_counts_lookup (TextCounts *table,
                    guint64     a,
                    guint64     b)
{
  gsize i;

  if (a == 0 && b == 0)
    a = 1;

  for (i = (gsize) (a % table->size);; i = i + 1 < table->size ? i + 1 : 0)
    {
      if (table->keys[2 * i] == a && table->keys[2 * i + 1] == b)
        return &table->counts[i];
      if (table->keys[2 * i] == 0 && table->keys[2 * i + 1] == 0)
        break;
    }

  if (table->n_used + 1 > table->size / 4 * 3)
    {
      text_counts_grow (table);
      return text_counts_lookup (table, a, b);
    }

  table->keys[2 * i] = a;
  table->keys[2 * i + 1] = b;
  table->n_used++;
  return &table->counts[i];
}

static guint32 *
text_counts_get (TextCounts *table,
                 const char *text)
{
  return text_counts_lookup (table, hash_text (text, G_GUINT64_CONSTANT (0xcbf29ce484222325)),
                             hash_text (text, G_GUINT64_CONSTANT (0x84222325cbf29ce4)));
}

static gboolean
query_count (sqlite3_stmt *stmt,
             gint64       *count,
             GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      outlay_sqlite_set_error (sqlite3_db_handle (stmt), error, rc,
                               _("Could not compare the file with the ledger"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  *count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static OutlayImportRecord *
copy_record (const OutlayImportRecord *record)
{
  OutlayImportRecord *copy = g_new0 (OutlayImportRecord, 1);

  copy->line = record->line;
  copy->amount = record->amount;
  copy->incoming = record->incoming;
  copy->date = g_strdup (record->date);
  copy->currency = g_strdup (record->currency);
  copy->description = g_strdup (record->description);
  copy->note = g_strdup (record->note);
  copy->category = g_strdup (record->category);
  copy->uuid = g_strdup (record->uuid);
  copy->created_at = g_strdup (record->created_at);
  copy->updated_at = g_strdup (record->updated_at);
  copy->deleted_at = g_strdup (record->deleted_at);
  copy->import_hash = g_strdup (record->import_hash);
  copy->rule_uuid = g_strdup (record->rule_uuid);
  copy->scheduled_on = g_strdup (record->scheduled_on);
  copy->charged_amount = record->charged_amount;
  copy->charged_currency = g_strdup (record->charged_currency);

  return copy;
}

/* One pass over the records: which of them the ledger already has. */
typedef struct
{
  OutlayImportPlan *plan;
  gboolean          first_time;
  GArray           *actions;
  sqlite3_stmt     *by_uuid;
  sqlite3_stmt     *by_hash;
  sqlite3_stmt     *by_content;
  TextCounts        keys;  /* the first time: live records' keys */
  TextCounts        uuids; /* the first time: the uuids seen */
  gint64            fallback_id;
  guint             n_invalid;
} DuplicatesPass;

static int  compare_issues (gconstpointer a,
                            gconstpointer b);
static void check_record (DuplicatesPass     *pass,
                          OutlayImportRecord *record,
                          guint               index,
                          OutlayImportAction *action);
static OutlayImportCategoryMatch *match_category (OutlayImportPlan   *plan,
                                                  OutlayImportRecord *record);

static gboolean
find_record_duplicates (OutlayImportRecord *record,
                        guint               index,
                        gpointer            user_data,
                        GError            **error)
{
  DuplicatesPass    *pass = user_data;
  OutlayImportPlan  *plan = pass->plan;
  OutlayImportAction action = OUTLAY_IMPORT_ACTION_ADD;
  g_autofree char   *key = record_key (plan, record);
  g_autofree char   *hash = NULL;
  guint32            occurrence;
  gint64             count = 0;

  if (pass->first_time)
    {
      guint32 *seen = text_counts_get (&pass->keys, key);

      /* A deleted record is no line of its own to a later one. */
      occurrence = *seen;
      if (record->deleted_at == NULL)
        (*seen)++;
      g_array_append_val (plan->occurrences, occurrence);

      /* A file with uuids has one for each record, as a rule. */
      if (record->uuid != NULL && pass->uuids.size == 0)
        text_counts_init (&pass->uuids, outlay_import_source_get_n_records (plan->source));
      if (record->uuid != NULL && (*text_counts_get (&pass->uuids, record->uuid))++ > 0)
        {
          action = OUTLAY_IMPORT_ACTION_INVALID;
          outlay_import_source_add_issue (plan->source, record->line, OUTLAY_IMPORT_ISSUE_ERROR,
                                          _("The expense “%s” of %s is in the file twice; only the first is "
                                            "imported."),
                                          record->description, record->date);
        }
    }
  else
    occurrence = g_array_index (plan->occurrences, guint32, index);

  /* A lossless record keeps what it had, hash or none. */
  hash = record_import_hash (plan, record, key, index);

  if (action == OUTLAY_IMPORT_ACTION_ADD && record->uuid != NULL)
    {
      sqlite3_bind_text (pass->by_uuid, 1, record->uuid, -1, SQLITE_TRANSIENT);
      if (!query_count (pass->by_uuid, &count, error))
        return FALSE;
      if (count > 0)
        action = OUTLAY_IMPORT_ACTION_DUPLICATE;
    }

  /* A deleted expense of a lossless file is only ever matched by its
   * uuid; it does not stand for a live one of the same content. */
  if (action == OUTLAY_IMPORT_ACTION_ADD && record->deleted_at == NULL && hash != NULL)
    {
      sqlite3_bind_text (pass->by_hash, 1, hash, -1, SQLITE_TRANSIENT);
      if (!query_count (pass->by_hash, &count, error))
        return FALSE;
      if (count > 0)
        action = OUTLAY_IMPORT_ACTION_DUPLICATE;
    }

  if (action == OUTLAY_IMPORT_ACTION_ADD && record->deleted_at == NULL)
    {
      g_autofree char *description = g_utf8_casefold (record->description, -1);
      guint            same = 0;
      int              rc;

      sqlite3_bind_text (pass->by_content, 1, record->date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (pass->by_content, 2, record->amount);
      sqlite3_bind_text (pass->by_content, 3, record_currency (plan, record), -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (pass->by_content)) == SQLITE_ROW)
        {
          g_autofree char *other = g_utf8_casefold ((const char *) sqlite3_column_text (pass->by_content, 0), -1);

          if (g_strcmp0 (other, description) == 0)
            same++;
        }
      sqlite3_reset (pass->by_content);
      if (rc != SQLITE_DONE)
        {
          outlay_sqlite_set_error (sqlite3_db_handle (pass->by_content), error, rc,
                                   _("Could not compare the file with the ledger"));
          return FALSE;
        }

      if (occurrence < same)
        action = OUTLAY_IMPORT_ACTION_DUPLICATE;
    }

  if (pass->first_time)
    {
      OutlayImportCategoryMatch *match = match_category (plan, record);

      /* Before the check, which builds the expense the rule makes. */
      outlay_import_plan_note_rule (plan, record, match);
      if (action == OUTLAY_IMPORT_ACTION_ADD)
        check_record (pass, record, index, &action);
      if (match != NULL && action == OUTLAY_IMPORT_ACTION_ADD)
        {
          if (record->incoming)
            match->n_incoming++;
          else
            match->n_records++;
        }
      /* Money received is left out until the person takes it as a refund. */
      if (record->incoming)
        {
          set_incoming_state (plan, index, INCOMING_LEFT_OUT);
          if (action == OUTLAY_IMPORT_ACTION_ADD)
            {
              g_array_append_val (plan->incoming_indexes, index);
              if (plan->incoming->len < OUTLAY_IMPORT_PLAN_N_INCOMING)
                g_ptr_array_add (plan->incoming, copy_record (record));
            }
        }
      else if (action == OUTLAY_IMPORT_ACTION_ADD && record->deleted_at == NULL &&
               plan->preview->len < OUTLAY_IMPORT_PLAN_N_PREVIEW)
        {
          g_ptr_array_add (plan->preview, copy_record (record));
          g_array_append_val (plan->preview_indexes, index);
        }
    }

  g_array_append_val (pass->actions, action);
  return TRUE;
}

/* Works out which records the ledger already has, into @actions (one per
 * record). The first time it also fingerprints the records, reports a
 * uuid a lossless file has twice and what the store would refuse, and
 * matches the categories; again, inside the import's transaction, it only
 * finds what another program added since. */
static gboolean
find_duplicates (OutlayImportPlan *plan,
                 gboolean          first_time,
                 GArray           *actions,
                 GError          **error)
{
  OutlayDatabase *database = outlay_repository_get_database (plan->repository);
  DuplicatesPass  pass = { plan, first_time, actions };
  gboolean        ok;

  /* A line imported before and deleted since stays deleted: the hash
   * matches deleted expenses too. The same day, amount and description
   * only match live ones; "+amount" keeps SQLite on the date index, where
   * a day holds a few rows, rather than on the amount index, where a
   * common amount holds thousands. */
  if (!(pass.by_uuid = outlay_database_prepare (database, "SELECT count(*) FROM expenses WHERE uuid = ?", error)) ||
      !(pass.by_hash =
          outlay_database_prepare (database, "SELECT count(*) FROM expenses WHERE import_hash = ?", error)) ||
      !(pass.by_content =
          outlay_database_prepare (database,
                                   "SELECT description FROM expenses "
                                   "WHERE occurred_on = ? AND +amount = ? AND currency = ? AND deleted_at IS NULL",
                                   error)))
    return FALSE;

  g_array_set_size (actions, 0);
  if (first_time)
    {
      guint n_records = outlay_import_source_get_n_records (plan->source);

      text_counts_init (&pass.keys, n_records);
      pass.fallback_id = outlay_category_get_id (outlay_repository_get_fallback_category (plan->repository));
    }

  ok = outlay_import_source_foreach (plan->source, find_record_duplicates, &pass, error);

  text_counts_clear (&pass.keys);
  text_counts_clear (&pass.uuids);

  if (ok && pass.n_invalid > 0)
    g_ptr_array_sort (plan->source->issues, compare_issues);

  return ok;
}

/* Whether anyone, this connection included, has written since. */
static gboolean
read_ledger_state (OutlayImportPlan *plan,
                   gint64           *data_version,
                   gint64           *total_changes,
                   GError          **error)
{
  OutlayDatabase *database = outlay_repository_get_database (plan->repository);
  sqlite3_stmt   *stmt = outlay_database_prepare (database, "PRAGMA data_version", error);

  if (stmt == NULL || !query_count (stmt, data_version, error))
    return FALSE;

  *total_changes = sqlite3_total_changes64 (outlay_database_get_handle (database));
  return TRUE;
}

static void
count_actions (OutlayImportPlan *plan)
{
  plan->n_added = plan->n_duplicates = 0;
  for (guint i = 0; i < plan->actions->len; i++)
    {
      switch (g_array_index (plan->actions, OutlayImportAction, i))
        {
        case OUTLAY_IMPORT_ACTION_ADD:
          if (incoming_state (plan, i) != INCOMING_LEFT_OUT)
            plan->n_added++;
          break;
        case OUTLAY_IMPORT_ACTION_DUPLICATE:
          plan->n_duplicates++;
          break;
        case OUTLAY_IMPORT_ACTION_INVALID:
        case OUTLAY_IMPORT_ACTION_LEFT_OUT:
        default:
          break;
        }
    }
}

/**
 * outlay_import_plan_recheck:
 *
 * Looks again for duplicates, within the import's transaction, so that what
 * another program added since the plan was made is not added twice.
 * Records found invalid stay so.
 */
gboolean
outlay_import_plan_recheck (OutlayImportPlan *plan,
                            GError          **error)
{
  g_autoptr (GArray) fresh = NULL;
  gint64 data_version, total_changes;

  g_return_val_if_fail (plan != NULL, FALSE);

  /* Nothing was written since the plan: it still holds. */
  if (!read_ledger_state (plan, &data_version, &total_changes, error))
    return FALSE;
  if (data_version == plan->data_version && total_changes == plan->total_changes)
    return TRUE;

  fresh = g_array_sized_new (FALSE, FALSE, sizeof (OutlayImportAction), plan->actions->len);
  if (!find_duplicates (plan, FALSE, fresh, error))
    return FALSE;

  for (guint i = 0; i < plan->actions->len; i++)
    {
      if (g_array_index (plan->actions, OutlayImportAction, i) != OUTLAY_IMPORT_ACTION_INVALID)
        g_array_index (plan->actions, OutlayImportAction, i) = g_array_index (fresh, OutlayImportAction, i);
    }
  count_actions (plan);

  return TRUE;
}

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  const OutlayImportIssue *x = *(OutlayImportIssue *const *) a;
  const OutlayImportIssue *y = *(OutlayImportIssue *const *) b;

  return (x->line > y->line) - (x->line < y->line);
}

/* What the store would refuse becomes an error of its line now, before the
 * person decides, rather than a failed import later. */
static void
check_record (DuplicatesPass     *pass,
              OutlayImportRecord *record,
              guint               index,
              OutlayImportAction *action)
{
  g_autoptr (OutlayExpense) draft = outlay_import_plan_build_draft (pass->plan, index, record, pass->fallback_id);
  g_autoptr (GError) error = NULL;

  outlay_expense_set_category_id (draft, pass->fallback_id);
  if (outlay_repository_validate_expense (pass->plan->repository, draft, &error))
    return;

  *action = OUTLAY_IMPORT_ACTION_INVALID;
  pass->n_invalid++;
  /* A lossless file has no lines to point at: name the expense. */
  if (record->line == 0)
    outlay_import_source_add_issue (pass->plan->source, 0, OUTLAY_IMPORT_ISSUE_ERROR, _("The expense “%s” of %s: %s"),
                                    record->description, record->date, error->message);
  else
    outlay_import_source_add_issue (pass->plan->source, record->line, OUTLAY_IMPORT_ISSUE_ERROR, "%s",
                                    error->message);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const OutlayImportCategoryMatch *x = *(OutlayImportCategoryMatch *const *) a;
  const OutlayImportCategoryMatch *y = *(OutlayImportCategoryMatch *const *) b;

  /* Unknown names first: they are what the person has to decide about. */
  return (x->category_id != 0) - (y->category_id != 0);
}

static OutlayImportCategoryMatch *
match_category (OutlayImportPlan   *plan,
                OutlayImportRecord *record)
{
  OutlayImportCategoryMatch *match;
  g_autofree char           *stripped = NULL;
  g_autofree char           *folded = NULL;

  if (record->category == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (record->category));
  if (*stripped == '\0')
    return NULL;

  folded = g_utf8_casefold (stripped, -1);
  match = g_hash_table_lookup (plan->by_name, folded);
  if (match == NULL)
    {
      OutlayCategory *category = outlay_import_plan_find_category (plan, stripped);

      match = g_new0 (OutlayImportCategoryMatch, 1);
      match->name = g_strdup (stripped);
      match->category_id = category != NULL ? outlay_category_get_id (category) : 0;
      g_ptr_array_add (plan->categories, match);
      g_hash_table_insert (plan->by_name, g_steal_pointer (&folded), match);
    }

  return match;
}

/* A new ledger: no expense was ever written, its categories are the
 * ones it was created with, none added, changed or deleted, and nothing
 * refers to them (a budget, a recurring expense, a rule). Only then may a
 * lossless file's categories, uuids and all, take their place. */
static gboolean
ledger_is_new (OutlayImportPlan *plan,
               GError          **error)
{
  OutlayDatabase *database = outlay_repository_get_database (plan->repository);
  sqlite3_stmt   *stmt = outlay_database_prepare (database,
                                                  "SELECT NOT EXISTS (SELECT 1 FROM expenses) "
                                                    "AND (SELECT count(*) FROM categories) = ? "
                                                    "AND NOT EXISTS (SELECT 1 FROM categories "
                                                    "  WHERE updated_at != created_at OR deleted_at IS NOT NULL) "
                                                    "AND NOT EXISTS (SELECT 1 FROM budgets) "
                                                    "AND NOT EXISTS (SELECT 1 FROM recurring_rules) "
                                                    "AND NOT EXISTS (SELECT 1 FROM category_rules)",
                                                  error);
  gint64          is_new = 0;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, (int) outlay_migrations_get_n_default_categories ());
  if (!query_count (stmt, &is_new, error))
    return FALSE;

  return is_new != 0;
}

/* A budget of the file is added unless the ledger has it: its uuid, or
 * for a HomeBank file, which gives none that lasts, its name. A budget of
 * Outlay's file whose name the ledger has for another one is reported. */
static gboolean
plan_budgets (OutlayImportPlan *plan,
              GError          **error)
{
  OutlayDatabase *database = outlay_repository_get_database (plan->repository);
  g_autoptr (GPtrArray) live = NULL;
  sqlite3_stmt *by_uuid;

  if (plan->source->budgets->len == 0)
    return TRUE;

  if (!(live = outlay_repository_list_budgets (plan->repository, TRUE, error)) ||
      !(by_uuid = outlay_database_prepare (database, "SELECT count(*) FROM budgets WHERE uuid = ?", error)))
    return FALSE;

  for (guint i = 0; i < plan->source->budgets->len; i++)
    {
      OutlayImportBudget *budget = g_ptr_array_index (plan->source->budgets, i);
      OutlayImportAction  action = OUTLAY_IMPORT_ACTION_ADD;
      g_autofree char    *name = g_utf8_casefold (outlay_budget_get_name (budget->budget), -1);
      gint64              count = 0;

      sqlite3_bind_text (by_uuid, 1, outlay_budget_get_uuid (budget->budget), -1, SQLITE_TRANSIENT);
      if (!query_count (by_uuid, &count, error))
        return FALSE;
      if (count > 0)
        action = OUTLAY_IMPORT_ACTION_DUPLICATE;

      for (guint j = 0; action == OUTLAY_IMPORT_ACTION_ADD && outlay_budget_get_deleted_at (budget->budget) == NULL &&
                        j < live->len;
           j++)
        {
          g_autofree char *other = g_utf8_casefold (outlay_budget_get_name (g_ptr_array_index (live, j)), -1);

          /* A HomeBank file's budget (it brings no times of its own) is
           * the ledger's of the same name, from an earlier import. */
          if (g_str_equal (name, other) && outlay_budget_get_created_at (budget->budget) == NULL)
            action = OUTLAY_IMPORT_ACTION_DUPLICATE;
          else if (g_str_equal (name, other))
            {
              action = OUTLAY_IMPORT_ACTION_INVALID;
              outlay_import_source_add_issue (plan->source, 0, OUTLAY_IMPORT_ISSUE_ERROR,
                                              _("The ledger has a budget named “%s” already; the file’s is not "
                                                "imported."),
                                              outlay_budget_get_name (budget->budget));
            }
        }

      if (action == OUTLAY_IMPORT_ACTION_ADD)
        plan->n_budgets++;
      g_array_append_val (plan->budget_actions, action);
    }

  return TRUE;
}

/* A recurring expense's rule of the file is added unless the ledger has
 * it (its uuid, deleted or not). */
static gboolean
plan_rules (OutlayImportPlan *plan,
            GError          **error)
{
  OutlayDatabase *database = outlay_repository_get_database (plan->repository);
  sqlite3_stmt   *by_uuid;

  if (plan->source->rules->len == 0)
    return TRUE;
  if (!(by_uuid = outlay_database_prepare (database, "SELECT count(*) FROM recurring_rules WHERE uuid = ?", error)))
    return FALSE;

  for (guint i = 0; i < plan->source->rules->len; i++)
    {
      OutlayImportRule  *rule = g_ptr_array_index (plan->source->rules, i);
      OutlayImportAction action = OUTLAY_IMPORT_ACTION_ADD;
      gint64             count = 0;

      sqlite3_bind_text (by_uuid, 1, outlay_recurring_rule_get_uuid (rule->rule), -1, SQLITE_TRANSIENT);
      if (!query_count (by_uuid, &count, error))
        return FALSE;
      if (count > 0)
        action = OUTLAY_IMPORT_ACTION_DUPLICATE;
      else
        plan->n_rules++;
      g_array_append_val (plan->rule_actions, action);
    }

  return TRUE;
}

/* The plan reads the ledger in one read transaction, unless it is in a
 * transaction already: every record then sees the same ledger, and the
 * three queries a record runs do not each take and release the file's
 * locks (system calls that were an eighth of the time of a large plan). */
static gboolean
begin_snapshot (OutlayImportPlan *plan,
                gboolean         *in_snapshot,
                GError          **error)
{
  sqlite3 *db = outlay_database_get_handle (outlay_repository_get_database (plan->repository));
  int      rc;

  *in_snapshot = FALSE;
  if (!sqlite3_get_autocommit (db))
    return TRUE;

  rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      outlay_sqlite_set_error (db, error, rc, _("Could not compare the file with the ledger"));
      return FALSE;
    }

  *in_snapshot = TRUE;
  return TRUE;
}

/* Nothing was written: ending the transaction cannot lose anything. */
static void
end_snapshot (OutlayImportPlan *plan,
              gboolean          in_snapshot)
{
  sqlite3 *db = outlay_database_get_handle (outlay_repository_get_database (plan->repository));

  if (in_snapshot && sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * outlay_import_plan_new:
 * @repository: the ledger to import into
 * @source: (transfer full): what an importer read
 * @currency: the ledger's currency, for records without one
 *
 * Returns: (transfer full): the plan, or %NULL with @error set when the
 *   ledger could not be read
 */
OutlayImportPlan *
outlay_import_plan_new (OutlayRepository   *repository,
                        OutlayImportSource *source,
                        const char         *currency,
                        GError            **error)
{
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean in_snapshot = FALSE;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (outlay_currency_is_valid (currency), NULL);

  plan = g_new0 (OutlayImportPlan, 1);
  plan->repository = g_object_ref (repository);
  plan->source = source;
  plan->currency = g_strdup (currency);
  plan->actions = g_array_sized_new (FALSE, FALSE, sizeof (OutlayImportAction), source->n_records);
  plan->occurrences = g_array_sized_new (FALSE, FALSE, sizeof (guint32), source->n_records);
  plan->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) category_match_free);
  plan->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->infos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < source->categories->len; i++)
    {
      const OutlayImportCategoryInfo *info = g_ptr_array_index (source->categories, i);
      g_autofree char                *path = outlay_import_category_path (info->parent, info->name);
      char                           *folded = g_utf8_casefold (path, -1);

      if (g_hash_table_contains (plan->infos, folded))
        g_free (folded);
      else
        g_hash_table_insert (plan->infos, folded, (gpointer) info);
    }
  plan->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_record_free);
  plan->preview_indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  plan->incoming_indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  plan->incoming = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_record_free);
  plan->budget_actions = g_array_new (FALSE, FALSE, sizeof (OutlayImportAction));
  plan->rule_actions = g_array_new (FALSE, FALSE, sizeof (OutlayImportAction));

  /* Whatever another program writes from here on makes the import check
   * again for duplicates. */
  if (!read_ledger_state (plan, &plan->data_version, &plan->total_changes, error) ||
      !begin_snapshot (plan, &in_snapshot, error))
    return NULL;

  if (!outlay_import_plan_init_rules (plan, error) ||
      !find_duplicates (plan, TRUE, plan->actions, error) || !plan_budgets (plan, error) ||
      !plan_rules (plan, error) || !outlay_import_plan_category_rules (plan, error) ||
      !outlay_import_plan_rates (plan, error))
    {
      end_snapshot (plan, in_snapshot);
      return NULL;
    }
  count_actions (plan);

  /* A lossless file restored into a new ledger brings its own categories,
   * colours, icons and order; into a ledger in use, even one with only its
   * categories changed, it only adds what is missing. */
  if (source->lossless && source->categories->len > 0)
    plan->replace_categories = ledger_is_new (plan, &local_error);

  /* A stable sort: insertion order within each group. */
  g_ptr_array_sort_with_data (plan->categories, (GCompareDataFunc) compare_matches, NULL);
  end_snapshot (plan, in_snapshot);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&plan);
}

void
outlay_import_plan_free (OutlayImportPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_object (&plan->repository);
  g_clear_pointer (&plan->source, outlay_import_source_free);
  g_free (plan->currency);
  g_array_unref (plan->actions);
  g_array_unref (plan->occurrences);
  g_hash_table_unref (plan->by_name);
  g_hash_table_unref (plan->infos);
  g_ptr_array_unref (plan->categories);
  g_ptr_array_unref (plan->preview);
  g_array_unref (plan->preview_indexes);
  g_clear_pointer (&plan->incoming_states, g_array_unref);
  g_array_unref (plan->incoming_indexes);
  g_ptr_array_unref (plan->incoming);
  g_array_unref (plan->budget_actions);
  g_array_unref (plan->rule_actions);
  outlay_import_plan_clear_rules (plan);
  g_free (plan);
}

OutlayImportSource *
outlay_import_plan_get_source (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->source;
}

OutlayImportAction
outlay_import_plan_get_action (OutlayImportPlan *plan,
                               guint             record)
{
  OutlayImportAction action;

  g_return_val_if_fail (plan != NULL, OUTLAY_IMPORT_ACTION_DUPLICATE);
  g_return_val_if_fail (record < plan->actions->len, OUTLAY_IMPORT_ACTION_DUPLICATE);

  action = g_array_index (plan->actions, OutlayImportAction, record);
  if (action == OUTLAY_IMPORT_ACTION_ADD && incoming_state (plan, record) == INCOMING_LEFT_OUT)
    return OUTLAY_IMPORT_ACTION_LEFT_OUT;

  return action;
}

guint
outlay_import_plan_get_n_added (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_added;
}

guint
outlay_import_plan_get_n_duplicates (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_duplicates;
}

GPtrArray *
outlay_import_plan_get_categories (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->categories;
}

guint
outlay_import_plan_get_n_new_categories (OutlayImportPlan *plan)
{
  guint n = 0;

  g_return_val_if_fail (plan != NULL, 0);

  for (guint i = 0; i < plan->categories->len; i++)
    {
      OutlayImportCategoryMatch *match = g_ptr_array_index (plan->categories, i);

      if (match->category_id == 0 && match->n_records > 0)
        n++;
    }

  return n;
}

gboolean
outlay_import_plan_map_category (OutlayImportPlan *plan,
                                 const char       *name,
                                 gint64            category_id)
{
  g_autofree char           *folded = NULL;
  OutlayImportCategoryMatch *match;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  folded = g_utf8_casefold (name, -1);
  match = g_hash_table_lookup (plan->by_name, folded);
  if (match == NULL)
    return FALSE;
  if (category_id != 0 && outlay_repository_lookup_category (plan->repository, category_id) == NULL)
    return FALSE;

  match->category_id = category_id;
  match->mapped = TRUE;
  return TRUE;
}

gboolean
outlay_import_plan_get_replace_categories (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  return plan->replace_categories;
}

/**
 * outlay_import_plan_lookup_category_info:
 * @name: a category as a record names it: "Parent › Child", or a name at
 *   the top
 *
 * Returns: (nullable): what the source says of that category
 */
const OutlayImportCategoryInfo *
outlay_import_plan_lookup_category_info (OutlayImportPlan *plan,
                                         const char       *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  folded = g_utf8_casefold (name, -1);
  return g_hash_table_lookup (plan->infos, folded);
}

/**
 * outlay_import_plan_find_top_category:
 * @name: a category at the top of the source
 *
 * Returns: (transfer none) (nullable): the ledger's category at the top
 *   that it is: the one of its uuid, else the one of its name
 */
OutlayCategory *
outlay_import_plan_find_top_category (OutlayImportPlan *plan,
                                      const char       *name)
{
  const OutlayImportCategoryInfo *info;
  OutlayCategory                 *category = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  info = outlay_import_plan_lookup_category_info (plan, name);
  if (info != NULL && info->parent == NULL && info->uuid != NULL)
    category = outlay_repository_lookup_category_by_uuid (plan->repository, info->uuid);
  if (category != NULL && outlay_repository_get_parent_category (plan->repository, category) == NULL)
    return category;

  return outlay_repository_find_subcategory_named (plan->repository, NULL, name, 0);
}

/**
 * outlay_import_plan_find_exact_category:
 * @name: a category as a record names it: "Parent › Child", or a name
 *
 * A category the source describes is the ledger's of its uuid, else the
 * one of its name under the category of its parent's name (or at the
 * top); one it does not describe is the one its path or name names, at
 * the top for a name.
 *
 * Returns: (transfer none) (nullable): the ledger's category that it is
 */
OutlayCategory *
outlay_import_plan_find_exact_category (OutlayImportPlan *plan,
                                        const char       *name)
{
  const OutlayImportCategoryInfo *info;
  OutlayCategory                 *category = NULL;
  OutlayCategory                 *parent;
  g_autofree char                *parent_name = NULL;
  g_autofree char                *own_name = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  info = outlay_import_plan_lookup_category_info (plan, name);
  if (info != NULL && info->uuid != NULL)
    category = outlay_repository_lookup_category_by_uuid (plan->repository, info->uuid);
  if (category != NULL)
    return category;

  if (info != NULL)
    {
      parent_name = g_strdup (info->parent);
      own_name = g_strdup (info->name);
    }
  else if (!outlay_import_split_category_path (name, &parent_name, &own_name))
    own_name = g_strdup (name);

  parent = parent_name != NULL ? outlay_import_plan_find_top_category (plan, parent_name) : NULL;
  if (parent_name != NULL && parent == NULL)
    return NULL;

  return outlay_repository_find_subcategory_named (plan->repository, parent, own_name, 0);
}

/**
 * outlay_import_plan_find_category:
 * @name: a category as a record names it: "Parent › Child", or a name
 *
 * As outlay_import_plan_find_exact_category(); only a lossless source
 * holds to that for the categories it describes. Otherwise a name also
 * finds the ledger's category of that name under another one, and
 * "Parent: Child" the one under Parent (see outlay_repository_find_category()).
 *
 * Returns: (transfer none) (nullable): the ledger's category that it is
 */
OutlayCategory *
outlay_import_plan_find_category (OutlayImportPlan *plan,
                                  const char       *name)
{
  OutlayCategory *category;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  category = outlay_import_plan_find_exact_category (plan, name);
  if (category != NULL || (plan->source->lossless && outlay_import_plan_lookup_category_info (plan, name) != NULL))
    return category;

  return outlay_repository_find_category_named (plan->repository, name, 0);
}

/* The name a record's category is known by in the plan, or NULL. */
static OutlayImportCategoryMatch *
record_match (OutlayImportPlan   *plan,
              OutlayImportRecord *record)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  if (record->category == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (record->category));
  folded = g_utf8_casefold (stripped, -1);

  return g_hash_table_lookup (plan->by_name, folded);
}

/**
 * outlay_import_plan_build_draft:
 * @index: the record's place in the source
 * @record: the record, held by the source or read back for a pass
 * @category_id: where the record goes when it has no category of its own
 *   (or the id its new category was given)
 *
 * Returns: (transfer full): the expense @record becomes, with the uuid,
 *   timestamps and import hash it brings
 */
OutlayExpense *
outlay_import_plan_build_draft (OutlayImportPlan   *plan,
                                guint               index,
                                OutlayImportRecord *record,
                                gint64              category_id)
{
  OutlayImportCategoryMatch *match;
  OutlayExpense             *draft;
  g_autofree char           *description = NULL;
  g_autofree char           *hash = NULL;
  const char                *rename_to = NULL;
  int                        rule;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (index < plan->occurrences->len, NULL);

  match = record_match (plan, record);
  if (match != NULL && match->category_id != 0)
    category_id = match->category_id;
  rule = outlay_import_plan_get_record_rule (plan, index);
  if (rule >= 0)
    {
      category_id = g_array_index (plan->rule_category_ids, gint64, rule);
      rename_to = outlay_category_rule_get_rename_to (outlay_rule_set_get_rule (plan->rule_set, rule));
    }

  draft = outlay_expense_new ();
  outlay_expense_set_amount (draft, record->amount);
  outlay_expense_set_currency (draft, record_currency (plan, record));
  /* A bank line or a HomeBank transaction may name nothing; the ledger
   * wants a description, and the category says the most about it. */
  if (rename_to != NULL && *rename_to != '\0')
    description = g_strdup (rename_to);
  else if (record->description != NULL)
    description = g_strstrip (g_strdup (record->description));
  if (description == NULL || *description == '\0')
    outlay_expense_set_description (draft, record->category != NULL && *record->category != '\0'
                                             ? record->category
                                             : _("Imported expense"));
  else
    outlay_expense_set_description (draft, description);
  outlay_expense_set_note (draft, record->note != NULL ? record->note : "");
  outlay_expense_set_category_id (draft, category_id);
  outlay_expense_set_occurred_on (draft, record->date);
  hash = record_import_hash (plan, record, NULL, index);
  outlay_expense_set_import_hash (draft, hash);
  outlay_expense_set_occurrence (draft, record->rule_uuid, record->scheduled_on);
  outlay_expense_set_charged (draft, record->charged_amount, record->charged_currency);
  if (record->uuid != NULL)
    outlay_expense_set_identity (draft, 0, record->uuid);
  if (record->created_at != NULL)
    outlay_expense_set_timestamps (draft, record->created_at,
                                   record->updated_at != NULL ? record->updated_at : record->created_at,
                                   record->deleted_at);

  return draft;
}

guint
outlay_import_plan_get_n_preview (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->preview->len;
}

/**
 * outlay_import_plan_get_preview:
 * @i: less than outlay_import_plan_get_n_preview()
 * @index: (out) (optional): the record's place in the source
 *
 * Returns: (transfer none): a copy of one of the first records the import
 *   adds (live ones only), in source order
 */
OutlayImportRecord *
outlay_import_plan_get_preview (OutlayImportPlan *plan,
                                guint             i,
                                guint            *index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (i < plan->preview->len, NULL);

  if (index != NULL)
    *index = g_array_index (plan->preview_indexes, guint, i);

  return g_ptr_array_index (plan->preview, i);
}

/* Refunds */

guint
outlay_import_plan_get_n_incoming (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->incoming_indexes->len;
}

guint
outlay_import_plan_get_n_refunds (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_refunds;
}

guint
outlay_import_plan_get_n_incoming_shown (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->incoming->len;
}

/**
 * outlay_import_plan_get_incoming:
 * @i: less than outlay_import_plan_get_n_incoming_shown()
 * @index: (out) (optional): the record's place in the source
 *
 * Returns: (transfer none): a copy of the @i-th incoming record the import
 *   could add as a refund, in source order
 */
OutlayImportRecord *
outlay_import_plan_get_incoming (OutlayImportPlan *plan,
                                 guint             i,
                                 guint            *index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (i < plan->incoming->len, NULL);

  if (index != NULL)
    *index = g_array_index (plan->incoming_indexes, guint, i);

  return g_ptr_array_index (plan->incoming, i);
}

gboolean
outlay_import_plan_is_refund (OutlayImportPlan *plan,
                              guint             i)
{
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (i < plan->incoming_indexes->len, FALSE);

  return incoming_state (plan, g_array_index (plan->incoming_indexes, guint, i)) == INCOMING_TAKEN;
}

/* Takes or leaves out the @i-th incoming record, keeping the counts of
 * what is added, in all and in its category, in step. @record is its copy,
 * or NULL past the copies, where only the count changes: the categories
 * then follow in outlay_import_plan_take_refunds(). */
static void
take_incoming (OutlayImportPlan   *plan,
               guint               i,
               OutlayImportRecord *record,
               gboolean            take)
{
  guint                      index = g_array_index (plan->incoming_indexes, guint, i);
  OutlayImportCategoryMatch *match;

  if ((incoming_state (plan, index) == INCOMING_TAKEN) == take)
    return;

  set_incoming_state (plan, index, take ? INCOMING_TAKEN : INCOMING_LEFT_OUT);
  /* A recheck may have found it in the ledger since. */
  if (g_array_index (plan->actions, OutlayImportAction, index) == OUTLAY_IMPORT_ACTION_ADD)
    plan->n_added = take ? plan->n_added + 1 : plan->n_added - 1;
  plan->n_refunds = take ? plan->n_refunds + 1 : plan->n_refunds - 1;

  match = record != NULL ? record_match (plan, record) : NULL;
  if (match != NULL)
    {
      match->n_refunds = take ? match->n_refunds + 1 : match->n_refunds - 1;
      match->n_records = take ? match->n_records + 1 : match->n_records - 1;
    }
}

/**
 * outlay_import_plan_take_refund:
 * @i: less than outlay_import_plan_get_n_incoming_shown()
 * @take: whether the import adds it as a refund
 *
 * Money received that the person picks as a refund: a return, a
 * reimbursement. Income, a salary, is left out.
 */
void
outlay_import_plan_take_refund (OutlayImportPlan *plan,
                                guint             i,
                                gboolean          take)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (i < plan->incoming->len);

  take_incoming (plan, i, g_ptr_array_index (plan->incoming, i), take);
}

/**
 * outlay_import_plan_take_refunds:
 * @take: whether the import adds every incoming record as a refund, or none
 */
void
outlay_import_plan_take_refunds (OutlayImportPlan *plan,
                                 gboolean          take)
{
  g_return_if_fail (plan != NULL);

  for (guint i = 0; i < plan->incoming_indexes->len; i++)
    take_incoming (plan, i, i < plan->incoming->len ? g_ptr_array_index (plan->incoming, i) : NULL, take);

  /* Past the copies, each category's count follows as a whole. */
  for (guint i = 0; i < plan->categories->len; i++)
    {
      OutlayImportCategoryMatch *match = g_ptr_array_index (plan->categories, i);
      guint                      target = take ? match->n_incoming : 0;

      match->n_records = match->n_records - match->n_refunds + target;
      match->n_refunds = target;
    }
}

/* Budgets */

guint
outlay_import_plan_get_n_budgets (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_budgets;
}

/**
 * outlay_import_plan_get_n_rules:
 *
 * Returns: how many recurring expenses' rules of a lossless file the
 *   import adds
 */
guint
outlay_import_plan_get_n_rules (OutlayImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_rules;
}

/**
 * outlay_import_plan_get_rule_action:
 * @i: less than the source's number of rules
 *
 * Returns: whether the import adds the source's rule @i
 */
OutlayImportAction
outlay_import_plan_get_rule_action (OutlayImportPlan *plan,
                                    guint             i)
{
  g_return_val_if_fail (plan != NULL, OUTLAY_IMPORT_ACTION_DUPLICATE);
  g_return_val_if_fail (i < plan->rule_actions->len, OUTLAY_IMPORT_ACTION_DUPLICATE);

  return g_array_index (plan->rule_actions, OutlayImportAction, i);
}

/**
 * outlay_import_plan_get_budget_action:
 * @i: less than the source's number of budgets
 *
 * Returns: whether the import adds the source's budget @i
 */
OutlayImportAction
outlay_import_plan_get_budget_action (OutlayImportPlan *plan,
                                      guint             i)
{
  g_return_val_if_fail (plan != NULL, OUTLAY_IMPORT_ACTION_DUPLICATE);
  g_return_val_if_fail (i < plan->budget_actions->len, OUTLAY_IMPORT_ACTION_DUPLICATE);

  return g_array_index (plan->budget_actions, OutlayImportAction, i);
}
