/* outlay-test-utils.c
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

#include "outlay-test-utils.h"

void
outlay_test_remove_tree (const char *path)
{
  GDir *dir;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      const char *name;

      dir = g_dir_open (path, 0, NULL);
      if (dir != NULL)
        {
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);

              outlay_test_remove_tree (child);
            }
          g_dir_close (dir);
        }

      if (g_rmdir (path) != 0)
        g_error ("Could not remove the folder %s: %s", path, g_strerror (errno));
    }
  else if (g_remove (path) != 0 && errno != ENOENT)
    g_error ("Could not remove %s: %s", path, g_strerror (errno));
}

/* Every row of @sql, one line per row, columns separated by '|', so that
 * two states of a table compare with g_assert_cmpstr(). */
char *
outlay_test_dump (sqlite3    *db,
                  const char *sql)
{
  g_autoptr (GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int           rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (db));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);

      for (int i = 0; i < n; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, text != NULL ? text : "<NULL>");
        }
      g_string_append_c (out, '\n');
    }

  if (rc != SQLITE_DONE)
    g_error ("Could not run “%s”: %s", sql, sqlite3_errmsg (db));

  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gint64
outlay_test_query_int (sqlite3    *db,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64        value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("“%s” returned no row: %s", sql, sqlite3_errmsg (db));

  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

void
outlay_test_exec (sqlite3    *db,
                  const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("Could not run “%s”: %s", sql, message);
}

/* Everything a user could lose: the expenses (deleted ones too), the
 * per-day summary, the categories and the search index's answers. */
char *
outlay_test_dump_store (sqlite3 *db)
{
  g_autofree char *expenses = outlay_test_dump (db, "SELECT * FROM expenses ORDER BY id");
  g_autofree char *days = outlay_test_dump (db, "SELECT * FROM expense_days ORDER BY day, category_id, currency");
  g_autofree char *categories = outlay_test_dump (db, "SELECT * FROM categories ORDER BY id");
  /* Not what a backup records of its own check (backup_*). */
  g_autofree char *meta = outlay_test_dump (db, "SELECT * FROM outlay_meta WHERE key NOT LIKE 'backup!_%' ESCAPE '!' "
                                                "ORDER BY key");

  g_autofree char *budgets = NULL;
  g_autofree char *recurring = NULL;
  g_autofree char *category_rules = NULL;
  g_autofree char *rates = NULL;

  /* Data format 5 and later. */
  if (outlay_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'budgets'") > 0)
    {
      g_autofree char *rows = outlay_test_dump (db, "SELECT * FROM budgets ORDER BY id");
      g_autofree char *overrides = outlay_test_dump (db, "SELECT * FROM budget_overrides ORDER BY id");
      g_autofree char *alerts = outlay_test_dump (db, "SELECT * FROM budget_alerts ORDER BY id");

      budgets = g_strconcat (rows, "[budget_overrides]\n", overrides, "[budget_alerts]\n", alerts, NULL);
    }

  /* Data format 6 and later. */
  if (outlay_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'recurring_rules'") > 0)
    {
      g_autofree char *rules = outlay_test_dump (db, "SELECT * FROM recurring_rules ORDER BY id");
      g_autofree char *exceptions = outlay_test_dump (db, "SELECT * FROM recurring_exceptions ORDER BY id");

      recurring = g_strconcat (rules, "[recurring_exceptions]\n", exceptions, NULL);
    }

  /* Data format 7 and later. */
  if (outlay_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'category_rules'") > 0)
    category_rules = outlay_test_dump (db, "SELECT * FROM category_rules ORDER BY id");

  /* Data format 8 and later. */
  if (outlay_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'exchange_rates'") > 0)
    rates = outlay_test_dump (db, "SELECT * FROM exchange_rates ORDER BY id");

  return g_strdup_printf ("[expenses]\n%s[expense_days]\n%s[categories]\n%s[outlay_meta]\n%s[budgets]\n%s"
                          "[recurring_rules]\n%s[category_rules]\n%s[exchange_rates]\n%s",
                          expenses, days, categories, meta, budgets != NULL ? budgets : "",
                          recurring != NULL ? recurring : "", category_rules != NULL ? category_rules : "",
                          rates != NULL ? rates : "");
}

/* The summary as the triggers keep it, and as it must be: computed from
 * the expenses themselves. */
void
outlay_test_assert_summary_consistent (sqlite3 *db)
{
  g_autofree char *kept = outlay_test_dump (db,
                                            "SELECT day, category_id, currency, count, total FROM expense_days "
                                            "ORDER BY day, category_id, currency");
  g_autofree char *truth = outlay_test_dump (db,
                                             "SELECT occurred_on, category_id, currency, count(*), sum(amount) "
                                             "FROM expenses WHERE deleted_at IS NULL "
                                             "GROUP BY occurred_on, category_id, currency "
                                             "ORDER BY occurred_on, category_id, currency");

  g_assert_cmpstr (kept, ==, truth);
}

GBytes *
outlay_test_read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

OutlayExpense *
outlay_test_draft (gint64      amount,
                   const char *currency,
                   const char *occurred_on,
                   const char *description,
                   gint64      category_id)
{
  OutlayExpense *draft = outlay_expense_new ();

  outlay_expense_set_amount (draft, amount);
  outlay_expense_set_currency (draft, currency);
  outlay_expense_set_occurred_on (draft, occurred_on);
  outlay_expense_set_description (draft, description);
  outlay_expense_set_category_id (draft, category_id);

  return draft;
}

/* The id of the category at @position in the repository's list. */
gint64
outlay_test_category_at (OutlayRepository *repository,
                         guint             position)
{
  g_autoptr (OutlayCategory) category = g_list_model_get_item (outlay_repository_get_categories (repository), position);

  g_assert_nonnull (category);

  return outlay_category_get_id (category);
}

/* A rule of @amount euro cents for @description from @start (a literal
 * "YYYY-MM-DD"), every @interval @unit on the start's day or weekday, in
 * the Housing category. */
OutlayRecurringRule *
outlay_test_recurring_draft (OutlayRepository *repository,
                             const char       *description,
                             gint64            amount,
                             OutlayRepeatUnit  unit,
                             guint             interval,
                             const char       *start)
{
  OutlayRecurringRule *draft = outlay_recurring_rule_new ();
  g_autoptr (GDate) first = outlay_date_parse_iso (start);
  g_autoptr (OutlayCategory) housing =
    g_list_model_get_item (outlay_repository_get_categories (repository), OUTLAY_TEST_HOUSING);
  OutlayRecurrence recurrence;

  g_assert_nonnull (first);
  outlay_recurrence_init (&recurrence, unit, interval, first);
  outlay_recurring_rule_set_amount (draft, amount);
  outlay_recurring_rule_set_currency (draft, "EUR");
  outlay_recurring_rule_set_description (draft, description);
  outlay_recurring_rule_set_category_uuid (draft, outlay_category_get_uuid (housing));
  outlay_recurring_rule_set_recurrence (draft, &recurrence);
  return draft;
}

/* Adds @draft, which it takes, and returns the rule as stored. */
OutlayRecurringRule *
outlay_test_add_recurring (OutlayRepository    *repository,
                           OutlayRecurringRule *draft)
{
  g_autoptr (OutlayRecurringRule) owned = draft;
  g_autoptr (GError) error = NULL;
  OutlayRecurringRule *stored = outlay_repository_add_recurring_rule (repository, owned, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

void
outlay_test_change_clear (gpointer data)
{
  OutlayTestChange *change = data;

  g_clear_object (&change->before);
  g_clear_object (&change->after);
}

void
outlay_test_on_expenses_changed_cb (OutlayRepository    *repository,
                                    OutlayExpenseChange *change,
                                    GArray              *changes)
{
  OutlayDatabase  *database = outlay_repository_get_database (repository);
  OutlayTestChange copy = {
    change->kind,
    change->before != NULL ? g_object_ref (change->before) : NULL,
    change->after != NULL ? g_object_ref (change->after) : NULL,
    /* "after each committed write": nothing may still be open. */
    !sqlite3_get_autocommit (outlay_database_get_handle (database)),
  };

  g_array_append_val (changes, copy);
}

void
outlay_test_fixture_open (OutlayTestFixture *fixture)
{
  g_autoptr (GError) error = NULL;

  fixture->database = outlay_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->database);

  fixture->repository = outlay_repository_new (fixture->database);
  fixture->changed_handler = g_signal_connect (fixture->repository, "expenses-changed",
                                               G_CALLBACK (outlay_test_on_expenses_changed_cb),
                                               fixture->changes);
}

/* Drops the repository and the database, proving that nothing else keeps
 * them alive. */
void
outlay_test_fixture_close (OutlayTestFixture *fixture)
{
  g_array_set_size (fixture->changes, 0);

  if (fixture->repository != NULL)
    {
      g_clear_signal_handler (&fixture->changed_handler, fixture->repository);
      g_assert_finalize_object (g_steal_pointer (&fixture->repository));
    }

  if (fixture->database != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->database));
}

void
outlay_test_fixture_setup (OutlayTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("outlay-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "outlay.db", NULL);
  fixture->changes = g_array_new (FALSE, TRUE, sizeof (OutlayTestChange));
  g_array_set_clear_func (fixture->changes, outlay_test_change_clear);

  outlay_test_fixture_open (fixture);
}

void
outlay_test_fixture_teardown (OutlayTestFixture *fixture,
                              gconstpointer      user_data)
{
  outlay_test_fixture_close (fixture);
  g_clear_pointer (&fixture->changes, g_array_unref);

  outlay_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

OutlayExpense *
outlay_test_add (OutlayTestFixture *fixture,
                 gint64             amount,
                 const char        *currency,
                 const char        *occurred_on,
                 const char        *description,
                 gint64             category_id)
{
  g_autoptr (OutlayExpense) draft = outlay_test_draft (amount, currency, occurred_on, description, category_id);
  g_autoptr (GError) error = NULL;
  OutlayExpense *stored;

  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);

  return stored;
}

guint
outlay_test_count (OutlayTestFixture *fixture)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GError) error = NULL;
  guint count = G_MAXUINT;

  g_assert_true (outlay_repository_count_expenses (fixture->repository, query, &count, &error));
  g_assert_no_error (error);

  return count;
}

/* How many files and folders @dir holds; 0 when it does not exist. */
guint
outlay_test_count_files (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

/* Another program's write to the ledger at @path, as `sqlite3` or a long
 * `outlay import` holds it: a connection of its own in a write transaction
 * with a change not committed, until outlay_test_release_ledger() takes it
 * back. */
sqlite3 *
outlay_test_hold_ledger (const char *path)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  outlay_test_exec (other, "BEGIN IMMEDIATE");
  outlay_test_exec (other, "UPDATE outlay_meta SET value = value WHERE key = 'min_writer_version'");

  return other;
}

void
outlay_test_release_ledger (sqlite3 *other)
{
  outlay_test_exec (other, "ROLLBACK");
  sqlite3_close (other);
}

static gpointer
release_later_thread (gpointer data)
{
  g_usleep (OUTLAY_TEST_RELEASE_LATER_MS * 1000);
  outlay_test_release_ledger (data);
  return NULL;
}

/* Lets go of @other from another thread after
 * %OUTLAY_TEST_RELEASE_LATER_MS, while the test waits for it to; join the
 * thread returned before the test ends. */
GThread *
outlay_test_release_ledger_later (sqlite3 *other)
{
  return g_thread_new ("release-ledger", release_later_thread, other);
}

gint64
outlay_test_category (OutlayTestFixture *fixture,
                      guint              position)
{
  return outlay_test_category_at (fixture->repository, position);
}

sqlite3 *
outlay_test_handle (OutlayTestFixture *fixture)
{
  return outlay_database_get_handle (fixture->database);
}

void
outlay_test_assert_timestamp (const char *timestamp)
{
  g_autoptr (GRegex) format =
    g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?Z$", 0, 0, NULL);
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

void
outlay_test_let_time_pass (void)
{
  g_usleep (3 * 1000);
}

/* Runs the main loop until @model shows the query it was last given. */
void
outlay_test_wait_for_model (OutlayExpenseModel *model)
{
  while (outlay_expense_model_is_loading (model))
    g_main_context_iteration (NULL, TRUE);
}

char *
outlay_test_repeat (const char *unit,
                    guint       times)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
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

OutlayTotal
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

GArray *
outlay_test_find_ids (OutlayTestFixture *fixture,
                      const OutlayQuery *query)
{
  g_autoptr (GError) error = NULL;
  GArray *ids = outlay_repository_find_expense_ids (fixture->repository, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

gboolean
outlay_test_ids_contain (GArray *ids,
                         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

gboolean
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

void
outlay_test_on_notify_cb (GObject             *object,
                          GParamSpec          *pspec,
                          OutlayTestNotifyLog *log)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

guint
outlay_test_notified (OutlayTestNotifyLog *log,
                      const char          *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

guint
outlay_test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

void
outlay_test_add_sample_expenses (OutlayTestFixture *fixture)
{
  gint64 food = outlay_test_category_at (fixture->repository, 0);
  gint64 transport = outlay_test_category_at (fixture->repository, 2);
  g_autoptr (OutlayExpense) a = outlay_test_add (fixture, 450, "EUR", "2024-01-05", "Café au lait", food);
  g_autoptr (OutlayExpense) b = outlay_test_add (fixture, 290, "EUR", "2024-02-29", "Bus ticket", transport);
  g_autoptr (OutlayExpense) c = outlay_test_add (fixture, 12000, "USD", "2024-03-10", "Dinner in New York", food);
  g_autoptr (OutlayExpense) d = outlay_test_add (fixture, 999, "EUR", "2024-03-11", "Taxi", transport);
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GError) error = NULL;

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (d), &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
}

static OutlayCategory *
add_subcategory (OutlayTestFixture *fixture,
                 OutlayCategory    *parent,
                 const char        *name,
                 const char        *color)
{
  g_autoptr (GError) error = NULL;
  OutlayCategory *category =
    outlay_repository_add_subcategory (fixture->repository, parent, name, "emoji-food-symbolic", color, &error);

  g_assert_no_error (error);
  g_assert_nonnull (category);
  return category;
}

/* "Food & Drink" holds "Coffee" (moved before) and "Restaurants"; "Coffee"
 * is at the top too; "Travel › Hostels" and "Transport" are hidden. Each
 * has an expense, Restaurants two and a deleted one. */
void
outlay_test_add_sample_tree (OutlayTestFixture *fixture)
{
  OutlayRepository *repository = fixture->repository;
  gint64            food_id = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  gint64            travel_id = outlay_test_category (fixture, OUTLAY_TEST_TRAVEL);
  gint64            transport = outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT);
  OutlayCategory   *food = outlay_repository_lookup_category (repository, food_id);
  OutlayCategory   *travel = outlay_repository_lookup_category (repository, travel_id);
  OutlayCategory   *restaurants = add_subcategory (fixture, food, "Restaurants", "#c64600");
  OutlayCategory   *coffee = add_subcategory (fixture, food, "Coffee", "#865e3c");
  OutlayCategory   *top_coffee = add_subcategory (fixture, NULL, "Coffee", "#63452c");
  OutlayCategory   *hostels = add_subcategory (fixture, travel, "Hostels", "#1a5fb4");
  g_autoptr (OutlayExpense) dinner = NULL;
  g_autoptr (OutlayExpense) lunch = NULL;
  g_autoptr (OutlayExpense) espresso = NULL;
  g_autoptr (OutlayExpense) beans = NULL;
  g_autoptr (OutlayExpense) hostel = NULL;
  g_autoptr (OutlayExpense) pizza = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_repository_move_category (repository, outlay_category_get_id (coffee), 0, &error));
  g_assert_true (outlay_repository_set_category_hidden (repository, transport, TRUE, &error));
  g_assert_true (outlay_repository_set_category_hidden (repository, outlay_category_get_id (hostels), TRUE, &error));
  g_assert_no_error (error);

  dinner = outlay_test_add (fixture, 2450, "EUR", "2024-03-02", "Dinner", outlay_category_get_id (restaurants));
  lunch = outlay_test_add (fixture, 1890, "EUR", "2024-03-04", "Lunch", outlay_category_get_id (restaurants));
  espresso = outlay_test_add (fixture, 380, "EUR", "2024-03-05", "Espresso", outlay_category_get_id (coffee));
  beans = outlay_test_add (fixture, 1299, "EUR", "2024-03-06", "Beans", outlay_category_get_id (top_coffee));
  hostel = outlay_test_add (fixture, 3200, "EUR", "2024-03-07", "Hostel", outlay_category_get_id (hostels));
  pizza = outlay_test_add (fixture, 990, "EUR", "2024-03-08", "Pizza", outlay_category_get_id (restaurants));
  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (pizza), &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
}

char *
outlay_test_fixture_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

void
outlay_test_damage_object (const char *path,
                           const char *object)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'", object);
  g_autofree guint8 *garbage = NULL;
  sqlite3 *db = NULL;
  gint64   page;
  gint64   page_size;
  FILE    *file;

  /* Everything in the file itself first, no log beside it. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  outlay_test_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  page = outlay_test_query_int (db, sql);
  page_size = outlay_test_query_int (db, "PRAGMA page_size");
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);

  garbage = g_malloc (page_size);
  memset (garbage, 0x5a, page_size);
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (page - 1) * page_size, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, page_size, file), ==, (gsize) page_size);
  g_assert_cmpint (fclose (file), ==, 0);
}

/**
 * outlay_test_add_report_ledger:
 *
 * What the tests of the report (its drawing, `outlay report` and the
 * window's Export Report as PDF…) read: see the header.
 */
void
outlay_test_add_report_ledger (OutlayTestFixture *fixture)
{
  g_autoptr (OutlayBudget) budget = outlay_budget_new ();
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (OutlayCategory) groceries =
    g_list_model_get_item (outlay_repository_get_categories (fixture->repository), OUTLAY_TEST_GROCERIES);
  g_autoptr (GError) error = NULL;
  const char *categories[] = { outlay_category_get_uuid (groceries), NULL };
  static const struct
  {
    gint64      amount;
    const char *day;
    const char *description;
    guint       category;
  } expenses[] = {
    { 124000, "2024-02-01", "Rent February", OUTLAY_TEST_HOUSING },
    { 124000, "2024-03-01", "Rent March", OUTLAY_TEST_HOUSING },
    { 8420, "2024-03-03", "Weekly shop", OUTLAY_TEST_GROCERIES },
    { 6275, "2024-03-14", "Farmers market", OUTLAY_TEST_GROCERIES },
    { 12999, "2024-03-21", "Winter boots", OUTLAY_TEST_SHOPPING },
    { 3890, "2024-03-08", "Dinner at Lumen", OUTLAY_TEST_FOOD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expenses); i++)
    g_object_unref (outlay_test_add (fixture, expenses[i].amount, "EUR", expenses[i].day, expenses[i].description,
                                     outlay_test_category (fixture, expenses[i].category)));

  outlay_budget_set_name (budget, "Groceries");
  outlay_budget_set_amount (budget, 40000);
  outlay_budget_set_currency (budget, "EUR");
  outlay_budget_set_cycle (budget, OUTLAY_CYCLE_MONTH, 1, "2024-01-01", NULL);
  outlay_budget_set_categories (budget, categories);
  stored = outlay_repository_add_budget (fixture->repository, budget, &error);
  g_assert_no_error (error);

  rule = outlay_test_add_recurring (fixture->repository,
                                    outlay_test_recurring_draft (fixture->repository, "Rent", 124000,
                                                                 OUTLAY_REPEAT_MONTHLY, 1, "2024-01-01"));
  g_assert_nonnull (rule);
}
