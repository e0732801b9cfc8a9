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
#include "outlay-expense-model.h"
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
OutlayRecurringRule *outlay_test_recurring_draft (OutlayRepository *repository,
                                                  const char       *description,
                                                  gint64            amount,
                                                  OutlayRepeatUnit  unit,
                                                  guint             interval,
                                                  const char       *start);
OutlayRecurringRule *outlay_test_add_recurring (OutlayRepository    *repository,
                                                OutlayRecurringRule *draft);
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
sqlite3       *outlay_test_hold_ledger (const char *path);
void           outlay_test_release_ledger (sqlite3 *other);
/* How long outlay_test_release_ledger_later() holds on. */
#define OUTLAY_TEST_RELEASE_LATER_MS 500
GThread *outlay_test_release_ledger_later (sqlite3 *other);

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

gint64 outlay_test_category (OutlayTestFixture *fixture,
                             guint              position);

sqlite3 *outlay_test_handle (OutlayTestFixture *fixture);

void outlay_test_assert_timestamp (const char *timestamp);

/* Timestamps have millisecond precision: make sure the next one differs. */
void outlay_test_let_time_pass (void);

void outlay_test_wait_for_model (OutlayExpenseModel *model);

char *outlay_test_repeat (const char *unit,
                          guint       times);

/* Tries @draft alone and in a bulk addition: both are refused with @code
 * and nothing changes, not even a signal. */
void outlay_test_assert_rejected (OutlayTestFixture *fixture,
                                  OutlayExpense     *draft,
                                  int                code);

/* The total of @currency between @from and @to (%NULL for no bound). */
OutlayTotal outlay_test_get_total (OutlayTestFixture *fixture,
                                   const char        *currency,
                                   const char        *from,
                                   const char        *to);

GArray *outlay_test_find_ids (OutlayTestFixture *fixture,
                              const OutlayQuery *query);

gboolean outlay_test_ids_contain (GArray *ids,
                                  gint64  id);

gboolean outlay_test_search_finds (OutlayTestFixture *fixture,
                                   const char        *text,
                                   gint64             id);

/* Counts the "notify" emissions of an object by property. */
typedef struct
{
  GHashTable *counts; /* property name → count */
} OutlayTestNotifyLog;

void outlay_test_on_notify_cb (GObject             *object,
                               GParamSpec          *pspec,
                               OutlayTestNotifyLog *log);

guint outlay_test_notified (OutlayTestNotifyLog *log,
                            const char          *name);

/* The permission bits of @path. */
guint outlay_test_file_mode (const char *path);

/* A few expenses over three months and two currencies, one deleted. */
void outlay_test_add_sample_expenses (OutlayTestFixture *fixture);
/* Subcategories and hidden categories, each with expenses: see the
 * function. */
void outlay_test_add_sample_tree (OutlayTestFixture *fixture);

/* The ledger of the report tests: March 2024 in euros (€1,555.84 in
 * five expenses) after February (€1,240.00), a Groceries budget of
 * €400.00 (€146.95 spent in March) and a monthly Rent. */
#define OUTLAY_TEST_REPORT_MONTH "2024-03"
void outlay_test_add_report_ledger (OutlayTestFixture *fixture);

/* Overwrites the first page of @object (a table or an index) in the closed
 * database at @path with garbage, as a failing disk would. */
void outlay_test_damage_object (const char *path,
                                const char *object);

/* The text of tests/fixtures/@name. */
char *outlay_test_fixture_text (const char *name);

G_END_DECLS
