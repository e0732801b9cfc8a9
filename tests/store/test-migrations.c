/* test-migrations.c
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

/* Both directions of schema compatibility, proven on the fixtures in
 * tests/fixtures/ (see the README there):
 *
 *  - every older database upgrades with all its rows intact;
 *  - every older version's statements still run on today's schema (the
 *    test that would have caught the outage where a migration broke the
 *    code still running against it);
 *  - today's statements are all recorded in today's statements fixture, so
 *    that the next version is tested against them;
 *  - a newer database opens when it says we may write it, and is refused
 *    untouched when it does not. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-database-private.h"
#include "outlay-expense-model.h"
#include "outlay-repository.h"
#include "outlay-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("outlay-migrations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "outlay.db", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  outlay_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Creates @path from one of the fixtures, the way that version wrote it. */
static void
create_from_fixture (const char *path,
                     const char *name)
{
  g_autofree char *sql = outlay_test_fixture_text (name);
  sqlite3         *db = NULL;
  char            *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", name, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
dump_query (sqlite3    *db,
            const char *sql)
{
  g_autoptr (GString) dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int           rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (dump, "%s%s", i > 0 ? "|" : "", text != NULL ? text : "∅");
        }
      g_string_append_c (dump, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* Every row of every table, with the columns the table has in @db. */
static char *
dump_tables (sqlite3           *db,
             const char *const *tables,
             GHashTable        *columns)
{
  g_autoptr (GString) dump = g_string_new (NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *rows = NULL;
      const char      *cols = g_hash_table_lookup (columns, tables[i]);

      /* A backup records its own check in outlay_meta (backup_*): not ledger content. */
      sql = g_strdup_printf ("SELECT %s FROM %s %s ORDER BY 1", cols, tables[i],
                             g_str_equal (tables[i], "outlay_meta") ? "WHERE key NOT LIKE 'backup!_%' ESCAPE '!'" : "");
      rows = dump_query (db, sql);
      g_string_append_printf (dump, "== %s\n%s", tables[i], rows);
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static GHashTable *
read_columns (sqlite3           *db,
              const char *const *tables)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT group_concat(name, ', ') FROM pragma_table_info('%s')", tables[i]);
      g_autofree char *names = dump_query (db, sql);

      g_strchomp (names);
      g_assert_cmpstr (names, !=, "");
      g_hash_table_insert (columns, (gpointer) tables[i], g_steal_pointer (&names));
    }

  return columns;
}

static const char *const tables_v1[] = { "outlay_meta", "categories", "expenses", NULL };

static void
assert_summary_consistent (sqlite3 *db)
{
  g_autofree char *summary =
    dump_query (db, "SELECT day, category_id, currency, count, total FROM expense_days ORDER BY 1, 2, 3");
  g_autofree char *truth = dump_query (db,
                                       "SELECT occurred_on, category_id, currency, count(*), sum(amount) FROM expenses "
                                       "WHERE deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");

  g_assert_cmpstr (summary, ==, truth);
}

/* The categories of the format 7 fixture as the lists show them: each one
 * at the top followed by the ones under it; Vet, whose parent Pets was
 * deleted, at the top; Travel hidden. */
static void
assert_category_tree (OutlayDatabase *database)
{
  g_autoptr (OutlayRepository) repository = outlay_repository_new (database);
  GListModel              *categories = outlay_repository_get_categories (repository);
  static const char *const expected[] = {
    "Food & Drink",
    "Food & Drink › Restaurants",
    "Food & Drink › Coffee",
    "Groceries",
    "Transport",
    "Housing",
    "Utilities",
    "Health",
    "Shopping",
    "Entertainment",
    "Travel",
    "Other",
    "Vet",
  };

  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      g_autofree char *path = outlay_repository_dup_category_path (repository, category);

      g_assert_cmpstr (path, ==, expected[i]);
      g_assert_true (outlay_repository_is_category_offered (repository, category) ==
                     !g_str_equal (expected[i], "Travel"));
    }
}

/* dump_tables() of tables_v1 without what format 9 adds to outlay_meta. */
static char *
dump_tables_without_ids (sqlite3    *db,
                         GHashTable *columns)
{
  g_autofree char *dump = dump_tables (db, tables_v1, columns);
  g_autoptr (GRegex) ids = g_regex_new ("^(device_id|ledger_uuid)\\|.*\n", G_REGEX_MULTILINE, 0, NULL);

  return g_regex_replace_literal (ids, dump, -1, 0, "", 0, NULL);
}

static void
test_upgrade_keeps_every_row (Fixture      *fixture,
                              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GHashTable) columns = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *in_backup = NULL;
  g_autofree char *fts = NULL;
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  sqlite3 *db = NULL;
  guint    count = 0;
  /* The live expenses in each format's fixture. */
  static const guint live_expenses[] = { 0, 13, 15, 17, 19, 20, 22, 23, 25 };

  G_STATIC_ASSERT (G_N_ELEMENTS (live_expenses) == OUTLAY_SCHEMA_VERSION);

  /* Every older format's fixture, upgraded to today's. */
  for (guint version = 1; version < OUTLAY_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("schema-%u.sql", version);

      g_unlink (fixture->path);
      create_from_fixture (fixture->path, name);

      g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
      columns = read_columns (db, tables_v1);
      before = dump_tables (db, tables_v1, columns);
      sqlite3_close (db);

      database = outlay_database_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (outlay_database_get_schema_version (database), ==, OUTLAY_SCHEMA_VERSION);
      g_assert_cmpuint (outlay_database_get_min_writer_version (database), ==, 1);

      /* Every row, every column of the old shape, unchanged; format 9
       * gives the device an id and the ledger a uuid, once. */
      after = dump_tables (outlay_database_get_handle (database), tables_v1, columns);
      g_assert_true (g_regex_match_simple ("^device_id\\|[0-9a-f-]{36}$", after, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^ledger_uuid\\|[0-9a-f-]{36}$", after, G_REGEX_MULTILINE, 0));
      g_free (after);
      after = dump_tables_without_ids (outlay_database_get_handle (database), columns);
      g_assert_cmpstr (after, ==, before);

      /* The copy made before the first step holds the old file. */
      g_assert_nonnull (outlay_database_get_backup_path (database));
      g_assert_true (g_file_test (outlay_database_get_backup_path (database), G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (sqlite3_open (outlay_database_get_backup_path (database), &db), ==, SQLITE_OK);
      in_backup = dump_tables (db, tables_v1, columns);
      g_assert_cmpstr (in_backup, ==, before);
      {
        g_autofree char *backup_version = dump_query (db, "PRAGMA user_version");
        g_autofree char *expected = g_strdup_printf ("%u\n", version);
        g_assert_cmpstr (backup_version, ==, expected);
      }
      sqlite3_close (db);

      /* The derived data of the new format is built from the old rows. */
      assert_summary_consistent (outlay_database_get_handle (database));
      repository = outlay_repository_new (database);

      /* The old rows are searchable as soon as the repository opens. */
      fts = dump_query (outlay_database_get_handle (database),
                        "SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH '\"cafe\"*' ORDER BY rowid");
      g_assert_cmpstr (fts, ==, "7\n");

      g_assert_true (outlay_repository_count_expenses (repository, query, &count, &error));
      g_assert_no_error (error);
      /* Versions 2 to 4 each wrote two live expenses more, 5 one, 6 two,
       * 7 one, 8 two. */
      g_assert_cmpuint (count, ==, live_expenses[version]);
      if (version >= 7)
        {
          /* Its subcategories, hidden one and orphan as it had them. */
          assert_category_tree (database);
          g_clear_object (&repository);
          g_clear_object (&database);
          g_clear_pointer (&columns, g_hash_table_unref);
          g_clear_pointer (&before, g_free);
          g_clear_pointer (&after, g_free);
          g_clear_pointer (&in_backup, g_free);
          g_clear_pointer (&fts, g_free);
          continue;
        }
      g_assert_cmpuint (g_list_model_get_n_items (outlay_repository_get_categories (repository)), ==, 10);
      g_assert_cmpstr (outlay_category_get_name (outlay_repository_get_fallback_category (repository)), ==, "Other");
      /* Every older category at the top, shown, in its order. */
      for (guint i = 0; i < 10; i++)
        {
          g_autoptr (OutlayCategory) category =
            g_list_model_get_item (outlay_repository_get_categories (repository), i);

          g_assert_cmpint (outlay_category_get_position (category), ==, i);
          g_assert_null (outlay_repository_get_parent_category (repository, category));
          g_assert_true (outlay_repository_is_category_offered (repository, category));
        }

      g_clear_object (&repository);
      g_clear_object (&database);
      g_clear_pointer (&columns, g_hash_table_unref);
      g_clear_pointer (&before, g_free);
      g_clear_pointer (&after, g_free);
      g_clear_pointer (&in_backup, g_free);
      g_clear_pointer (&fts, g_free);
    }
}


/* Vet, whose parent an older version deleted, put at the top is there for
 * good: no parent kept, last among the ones at the top, and moved among
 * them as they are. */
static void
assert_orphan_adopted (OutlayDatabase *database)
{
  g_autoptr (OutlayRepository) repository = outlay_repository_new (database);
  GListModel           *categories = outlay_repository_get_categories (repository);
  OutlayCategory       *vet = outlay_repository_find_category (repository, "Vet");
  OutlayCategoryChanges changes = { .parent_uuid = "" };
  g_autoptr (OutlayCategory) first = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = outlay_database_get_handle (database);

  g_assert_nonnull (vet);
  g_assert_nonnull (outlay_category_get_parent_uuid (vet));
  g_assert_true (outlay_repository_change_category (repository, outlay_category_get_id (vet), &changes, &error));
  g_assert_no_error (error);
  g_assert_null (outlay_category_get_parent_uuid (vet));
  g_assert_cmpint (outlay_test_query_int (db, "SELECT parent_uuid IS NULL FROM categories WHERE name = 'Vet'"), ==, 1);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT position FROM categories WHERE name = 'Vet'"), ==,
                   outlay_test_query_int (db, "SELECT max (position) FROM categories WHERE parent_uuid IS NULL "
                                              "AND deleted_at IS NULL"));

  g_assert_true (outlay_repository_move_category (repository, outlay_category_get_id (vet), 0, &error));
  g_assert_no_error (error);
  first = g_list_model_get_item (categories, 0);
  g_assert_true (first == vet);
}

static void
test_current_fixture_opens_without_upgrade (Fixture      *fixture,
                                            gconstpointer data)
{
  g_autofree char *name = g_strdup_printf ("schema-%u.sql", OUTLAY_SCHEMA_VERSION);
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) database = NULL;

  create_from_fixture (fixture->path, name);
  database = outlay_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_database_get_schema_version (database), ==, OUTLAY_SCHEMA_VERSION);
  g_assert_null (outlay_database_get_backup_path (database));
  assert_summary_consistent (outlay_database_get_handle (database));
  assert_category_tree (database);
  assert_orphan_adopted (database);
}

/* The ids of @text (every expense for %NULL) sorted by description, as the
 * model reads them, and as SQLite sorts them without an index. */
static void
assert_description_order (OutlayRepository *repository,
                          const char       *text,
                          gboolean          descending)
{
  static const char plain[] =
    "SELECT group_concat(id, ' ') FROM (SELECT id FROM expenses NOT INDEXED WHERE deleted_at IS NULL "
    "AND (?1 IS NULL OR id IN (SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ?1)) "
    "ORDER BY description COLLATE NOCASE %s, id %s)";
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GString) got = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autofree char *match = text != NULL ? g_strdup_printf ("\"%s\"*", text) : NULL;
  sqlite3         *db = outlay_database_get_handle (outlay_repository_get_database (repository));
  sqlite3_stmt    *stmt = NULL;

  outlay_query_set_text (query, text);
  outlay_query_set_sort (query, OUTLAY_SORT_DESCRIPTION, descending);
  ids = outlay_repository_find_expense_ids (repository, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (got, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", g_array_index (ids, gint64, i));

  sql = g_strdup_printf (plain, descending ? "DESC" : "ASC", descending ? "DESC" : "ASC");
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpuint (ids->len, >, 1);
  g_assert_cmpstr (got->str, ==, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
}

/* From format 4 on, a file sorts by description through an index, the
 * same order SQLite gives by sorting every row. */
static void
test_description_order (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autofree char *plan = NULL;

  create_from_fixture (fixture->path, "schema-3.sql");
  database = outlay_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_database_get_schema_version (database), ==, OUTLAY_SCHEMA_VERSION);
  repository = outlay_repository_new (database);
  for (guint descending = 0; descending < 2; descending++)
    {
      assert_description_order (repository, NULL, descending);
      /* "c" matches more than one expense in 32: the search walks the index. */
      assert_description_order (repository, "c", descending);
    }

  plan = dump_query (outlay_database_get_handle (database),
                     "EXPLAIN QUERY PLAN SELECT id FROM expenses WHERE deleted_at IS NULL "
                     "ORDER BY description COLLATE NOCASE DESC, id DESC LIMIT 64");
  g_assert_nonnull (strstr (plan, "expenses_by_description"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));
}

typedef struct
{
  char *bind; /* SQL literals, comma-separated, or NULL */
  char *sql;
} Statement;

static void
statement_free (gpointer data)
{
  Statement *statement = data;

  g_free (statement->bind);
  g_free (statement->sql);
  g_free (statement);
}

/* One statement a line, ending in ';', optionally preceded by a line
 * "-- bind: <literals>" with the values for its placeholders. */
static GPtrArray *
read_statements (const char *name)
{
  g_autofree char *text = outlay_test_fixture_text (name);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray       *statements = g_ptr_array_new_with_free_func (statement_free);
  g_autofree char *bind = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char      *line = g_strstrip (lines[i]);
      Statement *statement;

      if (g_str_has_prefix (line, "-- bind: "))
        {
          g_free (bind);
          bind = g_strdup (line + strlen ("-- bind: "));
          continue;
        }

      if (*line == '\0' || g_str_has_prefix (line, "--"))
        continue;

      g_assert_true (g_str_has_suffix (line, ";"));
      line[strlen (line) - 1] = '\0';

      statement = g_new0 (Statement, 1);
      statement->bind = g_steal_pointer (&bind);
      statement->sql = g_strdup (line);
      g_ptr_array_add (statements, statement);
    }

  return statements;
}

static void
run_statement (sqlite3         *db,
               const Statement *statement)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *values = NULL;
  int           rc;

  rc = sqlite3_prepare_v2 (db, statement->sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("An older version's statement no longer prepares: %s\n%s", sqlite3_errmsg (db), statement->sql);

  if (statement->bind != NULL)
    {
      g_autofree char *select = g_strconcat ("SELECT ", statement->bind, NULL);

      g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &values, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (values), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_count (values), ==, sqlite3_bind_parameter_count (stmt));
      for (int i = 0; i < sqlite3_column_count (values); i++)
        sqlite3_bind_value (stmt, i + 1, sqlite3_column_value (values, i));
    }
  else
    g_assert_cmpint (sqlite3_bind_parameter_count (stmt), ==, 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    g_error ("An older version's statement fails on today's schema: %s\n%s", sqlite3_errmsg (db), statement->sql);

  sqlite3_finalize (values);
  sqlite3_finalize (stmt);
}

static void
test_older_statements_still_run (Fixture      *fixture,
                                 gconstpointer data)
{
  for (guint version = 1; version <= OUTLAY_SCHEMA_VERSION; version++)
    {
      g_autofree char *schema = g_strdup_printf ("schema-%u.sql", version);
      g_autofree char *name = g_strdup_printf ("schema-%u-statements.sql", version);
      g_autoptr (GPtrArray) statements = read_statements (name);
      g_autoptr (OutlayDatabase) database = NULL;
      g_autoptr (GError) error = NULL;
      sqlite3 *db;

      g_assert_cmpuint (statements->len, >, 20);

      g_unlink (fixture->path);
      create_from_fixture (fixture->path, schema);
      database = outlay_database_open (fixture->path, &error);
      g_assert_no_error (error);
      db = outlay_database_get_handle (database);

      g_assert_true (sqlite3_exec (db, "DELETE FROM sync_journal", NULL, NULL, NULL) == SQLITE_OK);

      /* The old code's connection, as it configured it. */
      for (guint i = 0; i < statements->len; i++)
        run_statement (db, g_ptr_array_index (statements, i));

      /* What the old code wrote is journaled for sync and the history:
       * each version's statements add an expense and change one. */
      {
        g_autofree char *added =
          dump_query (db, "SELECT count(*) > 0 FROM sync_journal WHERE tbl = 'expenses' AND col = '*'");
        g_autofree char *changed =
          dump_query (db, "SELECT count(*) > 0 FROM sync_journal WHERE tbl = 'expenses' AND col NOT IN ('*', '-') "
                          "AND value IS NOT old_value");

        g_assert_cmpstr (added, ==, "1\n");
        g_assert_cmpstr (changed, ==, "1\n");
      }

      /* Old writes keep today's derived data right (triggers). */
      assert_summary_consistent (db);
      {
        g_autofree char *integrity =
          dump_query (db, "INSERT INTO expenses_fts (expenses_fts, rank) VALUES ('integrity-check', 1)");
        g_autofree char *fk = dump_query (db, "PRAGMA foreign_key_check");
        g_assert_cmpstr (integrity, ==, "");
        g_assert_cmpstr (fk, ==, "");
      }
    }
}

/* Collecting what today's code runs */

typedef struct
{
  GHashTable *seen;  /* normalized SQL → bind literals ("" for none) */
  GPtrArray  *order; /* normalized SQL, in first-run order */
} Trace;

static char *
normalize_space (const char *sql)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean space = FALSE;
  gboolean quoted = FALSE;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'')
        quoted = !quoted;

      if (!quoted && g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  while (out->len > 0 && out->str[out->len - 1] == ';')
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The literal at the start of @p in an expanded statement. */
static const char *
skip_literal (const char *p)
{
  if (*p == '\'')
    {
      for (p++; *p != '\0'; p++)
        {
          if (*p == '\'' && p[1] == '\'')
            p++;
          else if (*p == '\'')
            return p + 1;
        }
      return p;
    }

  if (g_ascii_strncasecmp (p, "NULL", 4) == 0)
    return p + 4;

  if (*p == 'x' || *p == 'X')
    return skip_literal (p + 1);

  if (*p == '-')
    p++;
  while (g_ascii_isdigit (*p) || *p == '.' || *p == 'e' || *p == 'E' || *p == '+')
    p++;
  return p;
}

/* Reads the bound values out of the expanded text by walking it beside the
 * text with placeholders. */
static char *
extract_bindings (const char *sql,
                  const char *expanded)
{
  g_autoptr (GString) bind = g_string_new (NULL);
  const char *a = sql, *b = expanded;
  gboolean    quoted = FALSE;

  while (*a != '\0' && *b != '\0')
    {
      if (*a == '?' && !quoted)
        {
          const char *end = skip_literal (b);

          if (bind->len > 0)
            g_string_append (bind, ", ");
          g_string_append_len (bind, b, end - b);
          a++;
          b = end;
          continue;
        }

      if (*a == '\'')
        quoted = !quoted;
      g_assert_cmpint (*a, ==, *b);
      a++;
      b++;
    }

  return g_string_free (g_steal_pointer (&bind), FALSE);
}

static int
trace_cb (unsigned type,
          void    *data,
          void    *p,
          void    *x)
{
  Trace           *trace = data;
  sqlite3_stmt    *stmt = p;
  const char      *sql = x;
  g_autofree char *normal = NULL;

  /* Triggers show as comments; FTS5 reads its own tables as 'main'.'…'. */
  if (type != SQLITE_TRACE_STMT || g_str_has_prefix (sql, "--") || strstr (sql, "'main'.") != NULL)
    return 0;

  normal = normalize_space (sql);
  if (g_str_has_prefix (normal, "PRAGMA") || g_str_has_prefix (normal, "BEGIN") ||
      g_str_equal (normal, "COMMIT") || g_str_equal (normal, "ROLLBACK"))
    return 0;

  if (!g_hash_table_contains (trace->seen, normal))
    {
      char            *expanded = sqlite3_expanded_sql (stmt);
      g_autofree char *normal_expanded = normalize_space (expanded);
      char            *bind = extract_bindings (normal, normal_expanded);

      sqlite3_free (expanded);
      g_ptr_array_add (trace->order, g_strdup (normal));
      g_hash_table_insert (trace->seen, g_steal_pointer (&normal), bind);
    }

  return 0;
}

static OutlayExpense *
draft (gint64      amount,
       const char *description,
       gint64      category,
       const char *day)
{
  OutlayExpense *expense = outlay_expense_new ();

  outlay_expense_set_amount (expense, amount);
  outlay_expense_set_currency (expense, "EUR");
  outlay_expense_set_description (expense, description);
  outlay_expense_set_note (expense, "note");
  outlay_expense_set_category_id (expense, category);
  outlay_expense_set_occurred_on (expense, day);

  return expense;
}

static void
touch_model (OutlayRepository  *repository,
             const OutlayQuery *query)
{
  g_autoptr (OutlayExpenseModel) model = outlay_expense_model_new (repository);

  outlay_expense_model_set_query (model, query);
  outlay_test_wait_for_model (model);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
}

/* Everything the app does with budgets, once. */
static void
run_budget_workload (OutlayRepository *repository)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayBudget) draft = outlay_budget_new ();
  g_autoptr (OutlayBudget) added = NULL;
  g_autoptr (OutlayBudget) changed = NULL;
  g_autoptr (OutlayBudget) found = NULL;
  g_autoptr (OutlayBudget) deleted = NULL;
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GDate) day = g_date_new_dmy (14, G_DATE_MARCH, 2024);
  OutlayCategory    *groceries = g_list_model_get_item (outlay_repository_get_categories (repository), 1);
  const char *const  categories[] = { outlay_category_get_uuid (groceries), NULL };
  OutlayBudgetStatus status;

  outlay_budget_set_name (draft, "Weekly food");
  outlay_budget_set_amount (draft, 10000);
  outlay_budget_set_currency (draft, "EUR");
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_WEEK, 1, "2024-03-11", NULL);
  outlay_budget_set_categories (draft, categories);
  outlay_budget_set_rollover (draft, OUTLAY_ROLLOVER_BOTH, 5000, "2024-03-11");
  added = outlay_repository_add_budget (repository, draft, &error);
  g_assert_no_error (error);
  outlay_budget_set_amount (added, 5000);
  changed = outlay_repository_update_budget (repository, added, &error);
  g_assert_no_error (error);
  budgets = outlay_repository_list_budgets (repository, FALSE, &error);
  g_assert_no_error (error);
  found = outlay_repository_find_budget (repository, "weekly food", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < budgets->len; i++)
    {
      g_assert_true (outlay_repository_get_budget_status (repository, g_ptr_array_index (budgets, i), day, &status,
                                                          &error));
      g_assert_no_error (error);
      outlay_budget_status_clear (&status);
    }
  g_ptr_array_unref (outlay_repository_take_budget_alerts (repository, day, &error));
  g_assert_no_error (error);
  deleted = outlay_repository_delete_budget (repository, outlay_budget_get_id (found), &error);
  g_assert_no_error (error);
  g_object_unref (groceries);
}

/* Everything the app does with recurring expenses, once. */
static void
run_recurring_workload (OutlayRepository *repository)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
  g_autoptr (OutlayRecurringRule) added = NULL;
  g_autoptr (OutlayRecurringRule) changed = NULL;
  g_autoptr (OutlayRecurringRule) deleted = NULL;
  g_autoptr (OutlayRecurringRule) restored = NULL;
  g_autoptr (OutlayRecurringRule) confirm = NULL;
  g_autoptr (OutlayRecurringRule) raised = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GArray) upcoming = NULL;
  g_autoptr (GArray) due = NULL;
  g_autoptr (GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr (GDate) today = g_date_new_dmy (14, G_DATE_MARCH, 2024);
  g_autoptr (GDate) later = g_date_new_dmy (13, G_DATE_APRIL, 2024);
  OutlayCategory  *housing = g_list_model_get_item (outlay_repository_get_categories (repository), 3);
  OutlayRecurrence recurrence;
  gint64           confirmed;
  g_auto (OutlayPlannedExpense) occurrence = { 0 };

  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, start);
  outlay_recurring_rule_set_amount (draft, 95000);
  outlay_recurring_rule_set_currency (draft, "EUR");
  outlay_recurring_rule_set_description (draft, "Rent");
  outlay_recurring_rule_set_category_uuid (draft, outlay_category_get_uuid (housing));
  outlay_recurring_rule_set_recurrence (draft, &recurrence);
  added = outlay_repository_add_recurring_rule (repository, draft, &error);
  g_assert_no_error (error);
  outlay_recurring_rule_set_amount (added, 97500);
  changed = outlay_repository_update_recurring_rule (repository, added, &error);
  g_assert_no_error (error);
  run = outlay_repository_run_recurring (repository, today, 60, NULL, &error);
  g_assert_no_error (error);
  rules = outlay_repository_list_recurring_rules (repository, &error);
  g_assert_no_error (error);
  upcoming = outlay_repository_list_upcoming (repository, today, later, &error);
  g_assert_no_error (error);

  outlay_recurring_rule_set_mode (draft, OUTLAY_RECURRING_CONFIRM);
  outlay_recurring_rule_set_description (draft, "Phone");
  confirm = outlay_repository_add_recurring_rule (repository, draft, &error);
  g_assert_no_error (error);
  due = outlay_repository_list_due (repository, today, &error);
  g_assert_no_error (error);
  confirmed = outlay_repository_confirm_occurrence (repository, outlay_recurring_rule_get_uuid (confirm), start,
                                                    today, &error);
  g_assert_no_error (error);
  g_date_add_months (start, 1);
  outlay_repository_override_occurrence (repository, outlay_recurring_rule_get_uuid (confirm), start, 4000, today,
                                         &error);
  g_assert_no_error (error);
  outlay_repository_get_occurrence (repository, outlay_recurring_rule_get_uuid (confirm), start, &occurrence, &error);
  g_assert_no_error (error);
  outlay_repository_skip_occurrence (repository, outlay_recurring_rule_get_uuid (confirm), start, today, &error);
  g_assert_no_error (error);
  /* The skip, then the change. */
  outlay_repository_restore_occurrence (repository, outlay_recurring_rule_get_uuid (confirm), start, &error);
  g_assert_no_error (error);
  outlay_repository_restore_occurrence (repository, outlay_recurring_rule_get_uuid (confirm), start, &error);
  g_assert_no_error (error);
  outlay_repository_take_back_confirmation (repository, confirmed, &error);
  g_assert_no_error (error);
  g_date_add_months (start, 3);
  outlay_repository_skip_occurrence (repository, outlay_recurring_rule_get_uuid (changed), start, today, &error);
  g_assert_no_error (error);
  g_date_subtract_months (start, 1);
  outlay_recurring_rule_set_amount (changed, 99000);
  raised = outlay_repository_split_recurring_rule (repository, outlay_recurring_rule_get_uuid (changed), start,
                                                   changed, &error);
  g_assert_no_error (error);

  outlay_repository_count_recurring_expenses (repository, outlay_recurring_rule_get_uuid (added), &error);
  g_assert_no_error (error);
  deleted = outlay_repository_delete_recurring_rule (repository, outlay_recurring_rule_get_uuid (added), TRUE,
                                                     &error);
  g_assert_no_error (error);
  restored = outlay_repository_restore_recurring_rule (repository, outlay_recurring_rule_get_uuid (added), &error);
  g_assert_no_error (error);
  g_object_unref (housing);
}

/* Subcategories, hiding, merging and its Undo, once. */
static void
run_category_tree_workload (OutlayRepository *repository)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCategoryRemoval) removal = NULL;
  OutlayCategory       *food = outlay_repository_find_category (repository, "Food & Drink");
  OutlayCategory       *groceries = outlay_repository_find_category (repository, "Groceries");
  OutlayCategory       *bakery;
  OutlayCategory       *market;
  OutlayCategoryChanges changes = { .name = "Market", .parent_uuid = outlay_category_get_uuid (food) };

  bakery = outlay_repository_add_subcategory (repository, groceries, "Bakery", "emoji-food-symbolic", "#c64600",
                                              &error);
  g_assert_no_error (error);
  market = outlay_repository_add_category (repository, "Market stalls", "emoji-food-symbolic", "#2ec27e", &error);
  g_assert_no_error (error);
  outlay_repository_change_category (repository, outlay_category_get_id (market), &changes, &error);
  g_assert_no_error (error);
  outlay_repository_set_category_hidden (repository, outlay_category_get_id (market), TRUE, &error);
  g_assert_no_error (error);
  outlay_repository_move_category (repository, outlay_category_get_id (market), 0, &error);
  g_assert_no_error (error);
  removal = outlay_repository_remove_category (repository, outlay_category_get_id (groceries),
                                               outlay_category_get_id (food), TRUE, &error);
  g_assert_no_error (error);
  outlay_repository_undo_category_removal (repository, removal, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bakery);
}

/* Rules that file expenses: their writes, the suggestion, a count, a plan
 * applied and undone, once. One pattern each: the recorded statements are
 * one a line, and a rule keeps its patterns one a line. */
static void
run_rules_workload (OutlayRepository *repository)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCategoryRule) coffee = outlay_category_rule_new ();
  g_autoptr (OutlayCategoryRule) lunch = outlay_category_rule_new ();
  g_autoptr (OutlayCategoryRule) added = NULL;
  g_autoptr (OutlayCategoryRule) changed = NULL;
  g_autoptr (OutlayCategoryRule) second = NULL;
  g_autoptr (OutlayCategoryRule) deleted = NULL;
  g_autoptr (OutlayCategoryRule) restored = NULL;
  g_autoptr (OutlayCategoryRule) found = NULL;
  g_autoptr (OutlayCategoryRule) by = NULL;
  g_autoptr (OutlayRuleSet) set = NULL;
  g_autoptr (OutlayRulesPlan) plan = NULL;
  g_autoptr (OutlayRulesPlan) only_other = NULL;
  g_autoptr (OutlayRulesPlan) applied = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  OutlayCategory *groceries = outlay_repository_find_category (repository, "Groceries");
  OutlayCategory *transport = outlay_repository_find_category (repository, "Transport");
  OutlayCategory *other = outlay_repository_get_fallback_category (repository);
  gint64          category_id = 0;
  guint           count = 0;

  outlay_category_rule_set_patterns (coffee, (const char *const[]){ "coffee", NULL });
  outlay_category_rule_set_category_uuid (coffee, outlay_category_get_uuid (groceries));
  outlay_category_rule_set_amount_min (coffee, "1.00");
  outlay_category_rule_set_currency (coffee, "EUR");
  outlay_category_rule_set_rename_to (coffee, "Coffee beans");
  added = outlay_repository_add_category_rule (repository, coffee, &error);
  g_assert_no_error (error);
  outlay_category_rule_set_match (added, OUTLAY_RULE_MATCH_STARTS);
  changed = outlay_repository_update_category_rule (repository, added, &error);
  g_assert_no_error (error);
  outlay_category_rule_set_patterns (lunch, (const char *const[]){ "lunch", NULL });
  outlay_category_rule_set_category_uuid (lunch, outlay_category_get_uuid (transport));
  second = outlay_repository_add_category_rule (repository, lunch, &error);
  g_assert_no_error (error);
  outlay_repository_move_category_rule (repository, outlay_category_rule_get_uuid (second), 0, &error);
  g_assert_no_error (error);
  rules = outlay_repository_list_category_rules (repository, &error);
  g_assert_no_error (error);
  found = outlay_repository_get_category_rule (repository, outlay_category_rule_get_uuid (added), &error);
  g_assert_no_error (error);

  outlay_repository_suggest_category (repository, "Coffee", NULL, 420, "EUR", &category_id, &by, &error);
  g_assert_no_error (error);
  outlay_repository_suggest_category (repository, "Groceries", NULL, 420, "EUR", &category_id, NULL, &error);
  g_assert_no_error (error);
  outlay_repository_count_rule_matches (repository, added, NULL, &count, &error);
  g_assert_no_error (error);

  set = outlay_repository_dup_rule_set (repository, &error);
  g_assert_no_error (error);
  only_other = outlay_repository_plan_rules (repository, set, TRUE, outlay_category_get_id (other), NULL, NULL, NULL,
                                             &error);
  g_assert_no_error (error);
  plan = outlay_repository_plan_rules (repository, set, FALSE, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->changes->len, >=, 2);
  outlay_repository_apply_rules_plan (repository, plan, &applied, &error);
  g_assert_no_error (error);
  outlay_repository_undo_rules_apply (repository, applied, NULL, &error);
  g_assert_no_error (error);

  deleted = outlay_repository_delete_category_rule (repository, outlay_category_rule_get_uuid (second), &error);
  g_assert_no_error (error);
  restored = outlay_repository_restore_category_rule (repository, outlay_category_rule_get_uuid (second), &error);
  g_assert_no_error (error);
}

/* Everything the app does with the database, once. */
static void
run_workload (OutlayRepository *repository)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) coffee = draft (350, "Coffee", 1, "2024-03-10");
  g_autoptr (OutlayExpense) added = NULL;
  g_autoptr (OutlayExpense) changed = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) restored = NULL;
  g_autoptr (OutlayExpense) by_uuid = NULL;
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GArray) by_category = NULL;
  g_autoptr (GArray) by_month = NULL;
  g_autoptr (GArray) by_day = NULL;
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autoptr (OutlayExpenseModel) model = NULL;
  OutlayExpense  *bulk[2];
  OutlayCategory *category;
  OutlayTotal     total;
  gint64          two[] = { 1, 2 };
  gint64          one[] = { 1 };
  guint           count;

  added = outlay_repository_add_expense (repository, coffee, &error);
  g_assert_no_error (error);

  /* A model follows the writes below. */
  model = outlay_expense_model_new (repository);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 0));

  bulk[0] = draft (1200, "Lunch", 1, "2024-03-11");
  bulk[1] = draft (4500, "Groceries", 2, "2024-03-11");
  outlay_repository_add_expenses (repository, bulk, 2, &error);
  g_assert_no_error (error);
  g_object_unref (bulk[0]);
  g_object_unref (bulk[1]);

  outlay_expense_set_amount (added, 420);
  changed = outlay_repository_update_expense (repository, added, &error);
  g_assert_no_error (error);
  deleted = outlay_repository_delete_expense (repository, outlay_expense_get_id (added), &error);
  g_assert_no_error (error);
  restored = outlay_repository_restore_expense (repository, outlay_expense_get_id (added), &error);
  g_assert_no_error (error);
  by_uuid = outlay_repository_get_expense_by_uuid (repository, outlay_expense_get_uuid (added), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_expense_model_find (model, outlay_expense_get_id (added)), !=, G_MAXUINT);

  found = outlay_repository_find_expenses (repository, query, 0, 50, &error);
  g_assert_no_error (error);
  outlay_repository_count_expenses (repository, query, &count, &error);
  g_assert_no_error (error);

  /* The query shapes the list offers. */
  outlay_query_set_categories (query, one, 1);
  outlay_query_set_date_range (query, "2024-01-01", "2024-12-31");
  touch_model (repository, query);
  outlay_query_set_categories (query, two, 2);
  touch_model (repository, query);
  outlay_query_set_categories (query, NULL, 0);
  outlay_query_set_date_range (query, NULL, NULL);
  outlay_query_set_sort (query, OUTLAY_SORT_DATE, FALSE);
  touch_model (repository, query);
  outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, TRUE);
  touch_model (repository, query);
  outlay_query_set_sort (query, OUTLAY_SORT_DESCRIPTION, FALSE);
  touch_model (repository, query);
  outlay_query_set_text (query, "coffee");
  outlay_query_set_sort (query, OUTLAY_SORT_DATE, TRUE);
  touch_model (repository, query);
  outlay_query_set_amount_range (query, 100, 100000);
  touch_model (repository, query);
  ids = outlay_repository_find_expense_ids (repository, query, &error);
  g_assert_no_error (error);
  g_array_unref (outlay_repository_summarize (repository, query, NULL, &error));
  g_assert_no_error (error);
  outlay_query_set_text (query, NULL);
  outlay_query_set_amount_range (query, G_MININT64, G_MAXINT64);
  outlay_query_set_categories (query, one, 1);
  outlay_query_set_date_range (query, "2024-03-11", "2024-03-11");
  g_array_unref (outlay_repository_summarize (repository, query, NULL, &error));
  g_assert_no_error (error);

  outlay_repository_get_total (repository, "EUR", "2024-03-01", "2024-03-31", &total, &error);
  g_assert_no_error (error);
  by_category = outlay_repository_totals_by_category (repository, "EUR", "2024-03-01", "2024-03-31", &error);
  g_assert_no_error (error);
  by_month = outlay_repository_totals_by_month (repository, "EUR", "2023-04-01", "2024-03-31", &error);
  g_assert_no_error (error);
  by_day = outlay_repository_totals_by_day (repository, "EUR", "2024-03-01", "2024-03-31", &error);
  g_assert_no_error (error);
  suggestions = outlay_repository_suggest_descriptions (repository, "Co", 10, &error);
  g_assert_no_error (error);

  category = outlay_repository_add_category (repository, "Books", "accessories-dictionary-symbolic", "#1c71d8", &error);
  g_assert_no_error (error);
  outlay_repository_rename_category (repository, outlay_category_get_id (category), "Books & Papers", &error);
  g_assert_no_error (error);
  outlay_repository_recolor_category (repository, outlay_category_get_id (category), "#26a269", &error);
  g_assert_no_error (error);
  outlay_repository_move_category (repository, outlay_category_get_id (category), 0, &error);
  g_assert_no_error (error);
  outlay_repository_delete_category (repository, outlay_category_get_id (category), NULL, &error);
  g_assert_no_error (error);

  run_budget_workload (repository);
  run_recurring_workload (repository);
  run_category_tree_workload (repository);
  run_rules_workload (repository);
}

static void
test_current_statements_are_recorded (Fixture      *fixture,
                                      gconstpointer data)
{
  g_autofree char *schema = g_strdup_printf ("schema-%u.sql", OUTLAY_SCHEMA_VERSION);
  g_autofree char *name = g_strdup_printf ("schema-%u-statements.sql", OUTLAY_SCHEMA_VERSION);
  g_autoptr (GHashTable) recorded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) statements = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GError) error = NULL;
  const char *output = g_getenv ("OUTLAY_WRITE_STATEMENTS");
  Trace       trace;

  trace.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  trace.order = g_ptr_array_new_with_free_func (g_free);

  create_from_fixture (fixture->path, schema);
  database = outlay_database_open (fixture->path, &error);
  g_assert_no_error (error);

  sqlite3_trace_v2 (outlay_database_get_handle (database), SQLITE_TRACE_STMT, trace_cb, &trace);
  repository = outlay_repository_new (database);
  run_workload (repository);
  sqlite3_trace_v2 (outlay_database_get_handle (database), 0, NULL, NULL);

  g_assert_cmpuint (trace.order->len, >, 20);

  /* To record a new version: OUTLAY_WRITE_STATEMENTS=path, then review. */
  if (output != NULL)
    {
      g_autoptr (GString) out = g_string_new (NULL);

      g_string_append_printf (out, "-- The statements the data format %u code runs, recorded by\n"
                                   "-- test-migrations with OUTLAY_WRITE_STATEMENTS. Frozen once released.\n",
                              OUTLAY_SCHEMA_VERSION);
      for (guint i = 0; i < trace.order->len; i++)
        {
          const char *sql = g_ptr_array_index (trace.order, i);
          const char *bind = g_hash_table_lookup (trace.seen, sql);

          if (*bind != '\0')
            g_string_append_printf (out, "-- bind: %s\n", bind);
          g_string_append_printf (out, "%s;\n", sql);
        }
      g_file_set_contents (output, out->str, out->len, &error);
      g_assert_no_error (error);
    }

  statements = read_statements (name);
  for (guint i = 0; i < statements->len; i++)
    {
      Statement *statement = g_ptr_array_index (statements, i);
      g_hash_table_add (recorded, statement->sql);
    }

  for (guint i = 0; i < trace.order->len; i++)
    {
      const char *sql = g_ptr_array_index (trace.order, i);

      if (!g_hash_table_contains (recorded, sql))
        g_error ("Today's code runs a statement that %s does not record; "
                 "add it (see tests/fixtures/README.md):\n%s",
                 name, sql);
    }

  g_hash_table_unref (trace.seen);
  g_ptr_array_unref (trace.order);
}

static void
test_newer_compatible_opens (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (OutlayExpense) coffee = draft (380, "Coffee", 1, "2024-03-12");
  g_autoptr (OutlayExpense) added = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *budgets = NULL;
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  sqlite3         *db;

  g_autofree char *name = g_strdup_printf ("schema-%u-compatible.sql", OUTLAY_SCHEMA_VERSION + 1);
  g_autofree char *newer = g_strdup_printf ("%u\n", OUTLAY_SCHEMA_VERSION + 1);

  create_from_fixture (fixture->path, name);

  database = outlay_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_database_get_schema_version (database), ==, OUTLAY_SCHEMA_VERSION + 1);
  g_assert_null (outlay_database_get_backup_path (database));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  repository = outlay_repository_new (database);
  added = outlay_repository_add_expense (repository, coffee, &error);
  g_assert_no_error (error);

  db = outlay_database_get_handle (database);
  receipt = dump_query (db, "SELECT id, receipt FROM expenses WHERE receipt IS NOT NULL OR id = 17");
  g_assert_cmpstr (receipt, ==, "15|receipts/15.jpg\n17|∅\n");
  budgets = dump_query (db, "SELECT category_id, amount FROM savings_goals");
  g_assert_cmpstr (budgets, ==, "1|20000\n");
  assert_summary_consistent (db);

  /* Still the newer format: nothing was migrated down or rewritten. */
  {
    g_autofree char *version = dump_query (db, "PRAGMA user_version");
    g_assert_cmpstr (version, ==, newer);
  }
}

static void
test_newer_incompatible_refused (Fixture      *fixture,
                                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  gsize            before_len, after_len;

  g_autofree char *name = g_strdup_printf ("schema-%u-incompatible.sql", OUTLAY_SCHEMA_VERSION + 1);

  create_from_fixture (fixture->path, name);
  g_file_get_contents (fixture->path, &before, &before_len, &error);
  g_assert_no_error (error);

  database = outlay_database_open (fixture->path, &error);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_TOO_NEW);
  g_assert_null (database);
  g_assert_nonnull (strstr (error->message, "newer version of Outlay"));
  g_clear_error (&error);

  /* Byte for byte: not even the journal mode was set. */
  g_file_get_contents (fixture->path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  /* Read-only does not get around it either. */
  database = outlay_database_open_full (fixture->path, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_TOO_NEW);
  g_assert_null (database);
}

static void
test_failed_step_rolls_back (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (GHashTable) columns = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *version = NULL;
  sqlite3         *db = NULL;

  /* A file that already has a table the next step creates. */
  create_from_fixture (fixture->path, "schema-1.sql");
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE expense_days (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  columns = read_columns (db, tables_v1);
  before = dump_tables (db, tables_v1, columns);
  sqlite3_close (db);

  database = outlay_database_open (fixture->path, &error);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_MIGRATION);
  g_assert_null (database);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  after = dump_tables (db, tables_v1, columns);
  version = dump_query (db, "PRAGMA user_version");
  sqlite3_close (db);

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (version, ==, "1\n");
}

/* Every step of an upgrade is one transaction: when the last step fails,
 * the ones before it that had succeeded are undone too, and the file stays
 * at the version it had rather than one in between. */
static void
test_failed_later_step_rolls_back_all (Fixture      *fixture,
                                       gconstpointer data)
{
  static const char schema_sql[] = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name";
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (GHashTable) columns = NULL;
  g_autofree char *before = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *schema_after = NULL;
  g_autofree char *version = NULL;
  g_autofree char *min_writer = NULL;
  g_autofree char *expected = g_strdup_printf ("data format %u:", OUTLAY_SCHEMA_VERSION);
  sqlite3         *db = NULL;

  /* Steps 2 to 8 run through (3 adds a column); the last step finds the
   * name of its table taken. */
  G_STATIC_ASSERT (OUTLAY_SCHEMA_VERSION == 9);
  create_from_fixture (fixture->path, "schema-1.sql");
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE sync_journal (id INTEGER PRIMARY KEY)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  columns = read_columns (db, tables_v1);
  before = dump_tables (db, tables_v1, columns);
  schema_before = dump_query (db, schema_sql);
  sqlite3_close (db);

  database = outlay_database_open (fixture->path, &error);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_MIGRATION);
  g_assert_null (database);
  /* The message names the step that failed. */
  g_assert_nonnull (strstr (error->message, expected));

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  after = dump_tables (db, tables_v1, columns);
  schema_after = dump_query (db, schema_sql);
  version = dump_query (db, "PRAGMA user_version");
  min_writer = dump_query (db, "SELECT value FROM outlay_meta WHERE key = 'min_writer_version'");
  sqlite3_close (db);

  g_assert_cmpstr (version, ==, "1\n");
  g_assert_cmpstr (min_writer, ==, "1\n");
  g_assert_cmpstr (schema_after, ==, schema_before);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/migrations/upgrade-keeps-every-row", test_upgrade_keeps_every_row);
  ADD ("/migrations/current-fixture-opens", test_current_fixture_opens_without_upgrade);
  ADD ("/migrations/description-order", test_description_order);
  ADD ("/migrations/older-statements-still-run", test_older_statements_still_run);
  ADD ("/migrations/current-statements-recorded", test_current_statements_are_recorded);
  ADD ("/migrations/newer-compatible-opens", test_newer_compatible_opens);
  ADD ("/migrations/newer-incompatible-refused", test_newer_incompatible_refused);
  ADD ("/migrations/failed-step-rolls-back", test_failed_step_rolls_back);
  ADD ("/migrations/failed-later-step-rolls-back-all", test_failed_later_step_rolls_back_all);

#undef ADD

  return g_test_run ();
}
