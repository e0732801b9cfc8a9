/* outlay-test-utils.h
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

#pragma once

/* Test programs use errno and the gstdio wrappers through this header. */
#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "outlay-database-private.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

/* One "expenses-changed" emission, with references on its snapshots. */
typedef struct
{
  OutlayChangeKind kind;
  OutlayExpense   *before;
  OutlayExpense   *after;
  gboolean         in_transaction;
} OutlayTestChange;

/* The fixture of the store tests: a fresh database in its own folder. */
typedef struct
{
  char             *dir;
  char             *path;
  OutlayDatabase   *database;
  OutlayRepository *repository;
  GArray           *changes; /* OutlayTestChange */
  gulong            changed_handler;
} OutlayTestFixture;

void           outlay_test_remove_tree (const char *path);
char          *outlay_test_dump (sqlite3    *db,
                                 const char *sql);
gint64         outlay_test_query_int (sqlite3    *db,
                                      const char *sql);
void           outlay_test_exec (sqlite3    *db,
                                 const char *sql);
char          *outlay_test_dump_store (sqlite3 *db);
void           outlay_test_assert_summary_consistent (sqlite3 *db);
GBytes        *outlay_test_read_bytes (const char *path);
OutlayExpense *outlay_test_draft (gint64      amount,
                                  const char *currency,
                                  const char *occurred_on,
                                  const char *description,
                                  gint64      category_id);
gint64         outlay_test_category_at (OutlayRepository *repository,
                                        guint             position);
void           outlay_test_change_clear (gpointer data);
void           outlay_test_on_expenses_changed_cb (OutlayRepository    *repository,
                                                   OutlayExpenseChange *change,
                                                   GArray              *changes);
void           outlay_test_fixture_open (OutlayTestFixture *fixture);
void           outlay_test_fixture_close (OutlayTestFixture *fixture);
void           outlay_test_fixture_setup (OutlayTestFixture *fixture,
                                          gconstpointer      user_data);
void           outlay_test_fixture_teardown (OutlayTestFixture *fixture,
                                             gconstpointer      user_data);
OutlayExpense *outlay_test_add (OutlayTestFixture *fixture,
                                gint64             amount,
                                const char        *currency,
                                const char        *occurred_on,
                                const char        *description,
                                gint64             category_id);
guint          outlay_test_count (OutlayTestFixture *fixture);

guint          outlay_test_count_files (const char *dir);

/* What the repository tests share. */

/* Adds a test that runs on a fresh OutlayTestFixture. */
#define OUTLAY_TEST_ADD(path, func) \
  g_test_add (path, OutlayTestFixture, NULL, outlay_test_fixture_setup, func, outlay_test_fixture_teardown)

/* The default categories of a new database, by position. */
enum
{
  OUTLAY_TEST_FOOD,
  OUTLAY_TEST_GROCERIES,
  OUTLAY_TEST_TRANSPORT,
  OUTLAY_TEST_HOUSING,
  OUTLAY_TEST_UTILITIES,
  OUTLAY_TEST_HEALTH,
  OUTLAY_TEST_SHOPPING,
  OUTLAY_TEST_ENTERTAINMENT,
  OUTLAY_TEST_TRAVEL,
  OUTLAY_TEST_OTHER,
};

static inline gint64
outlay_test_category (OutlayTestFixture *fixture,
                      guint              position)
{
  return outlay_test_category_at (fixture->repository, position);
}

static inline sqlite3 *
outlay_test_handle (OutlayTestFixture *fixture)
{
  return outlay_database_get_handle (fixture->database);
}

static inline void
outlay_test_assert_timestamp (const char *timestamp)
{
  g_autoptr (GRegex) format = g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?Z$", 0, 0, NULL);
  g_autoptr (GDateTime) parsed = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  g_assert_nonnull (timestamp);
  g_assert_true (g_regex_match (format, timestamp, 0, NULL));

  parsed = g_date_time_new_from_iso8601 (timestamp, NULL);
  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, 0);
  /* Written just now, in UTC. */
  g_assert_cmpint (ABS (g_date_time_difference (now, parsed)), <, 60 * G_TIME_SPAN_SECOND);
}

/* Timestamps have millisecond precision: make sure the next one differs. */
static inline void
outlay_test_let_time_pass (void)
{
  g_usleep (3 * 1000);
}

static inline char *
outlay_test_repeat (const char *unit,
                    guint       times)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Tries @draft alone and in a bulk addition: both are refused with @code
 * and nothing changes, not even a signal. */
static inline void
outlay_test_assert_rejected (OutlayTestFixture *fixture,
                             OutlayExpense     *draft,
                             int                code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = outlay_test_dump_store (outlay_test_handle (fixture));
  g_autofree char *after = NULL;
  guint            n_changes = fixture->changes->len;
  guint            count = outlay_test_count (fixture);
  OutlayExpense   *stored;

  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_null (stored);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  g_assert_false (outlay_repository_add_expenses (fixture->repository, &draft, 1, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, code);
  g_assert_nonnull (strstr (error->message, "Expense 1 of 1"));
  g_clear_error (&error);

  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (outlay_test_count (fixture), ==, count);
  g_assert_cmpuint (fixture->changes->len, ==, n_changes);
}

/* The total of @currency between @from and @to (%NULL for no bound). */
static inline OutlayTotal
outlay_test_get_total (OutlayTestFixture *fixture,
                       const char        *currency,
                       const char        *from,
                       const char        *to)
{
  g_autoptr (GError) error = NULL;
  OutlayTotal total = { -1, G_MAXUINT };

  g_assert_true (outlay_repository_get_total (fixture->repository, currency, from, to, &total, &error));
  g_assert_no_error (error);

  return total;
}

static inline GArray *
outlay_test_find_ids (OutlayTestFixture *fixture,
                      const OutlayQuery *query)
{
  g_autoptr (GError) error = NULL;
  GArray *ids = outlay_repository_find_expense_ids (fixture->repository, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

static inline gboolean
outlay_test_ids_contain (GArray *ids,
                         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static inline gboolean
outlay_test_search_finds (OutlayTestFixture *fixture,
                          const char        *text,
                          gint64             id)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GArray) ids = NULL;

  outlay_query_set_text (query, text);
  ids = outlay_test_find_ids (fixture, query);

  return outlay_test_ids_contain (ids, id);
}

/* Counts the "notify" emissions of an object by property. */
typedef struct
{
  GHashTable *counts; /* property name → count */
} OutlayTestNotifyLog;

static inline void
outlay_test_on_notify_cb (GObject             *object,
                          GParamSpec          *pspec,
                          OutlayTestNotifyLog *log)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static inline guint
outlay_test_notified (OutlayTestNotifyLog *log,
                      const char          *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

G_END_DECLS
