/* test-cli-transfer.c
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

/* The commands that move data in and out of the ledger, run as the real
 * `outlay` binary on a database the test holds open as the window would:
 * backups and their restore, export and import; and what every command
 * does with a damaged ledger, `outlay check`, and bringing it back. */

#include "config.h"

#include "outlay-backups.h"
#include "outlay-cli-test-utils.h"

/* How the JSON of a ledger of today's data format says it. */
#define SCHEMA_VERSION "\"schema_version\": " G_STRINGIFY (OUTLAY_SCHEMA_VERSION)
#define DATA_FORMAT "data format " G_STRINGIFY (OUTLAY_SCHEMA_VERSION)
/* The daily backup a test plants, as `outlay backup --list` lists it. */
#define DAILY_BACKUP_LINE                                                    \
  "^2024-03-0[45] [0-9]{2}:[0-9]{2}  Daily {14}Not verified {4}" DATA_FORMAT \
  "  [0-9.]+\\x{00a0}kB  .*/backups/outlay-20240305-101500-daily\\.db$"

static void
test_backup_restore (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *backups = g_build_filename (fixture->store.dir, "backups", NULL);
  g_autofree char *file = g_build_filename (fixture->store.dir, "saved.db", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *later = NULL;
  g_autofree char *now = NULL;
  g_autofree char *safety = NULL;
  g_autoptr (GRegex) default_name =
    g_regex_new ("^Saved a backup to “(.*/backups/outlay-[0-9]{8}-[0-9]{6}-manual(-[0-9]+)?\\.db)” \\(.*\\)\\.\n$", 0,
                 0, NULL);
  g_autoptr (GRegex) undo = g_regex_new (" restore '([^']*)'\n$", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  seed_ledger (fixture);
  saved = dump (fixture);

  run (fixture, &result, "backup");
  assert_success (&result);
  g_assert_true (g_regex_match (default_name, result.out, 0, &match));
  g_assert_cmpuint (outlay_test_count_files (backups), ==, 1);
  g_clear_pointer (&match, g_match_info_unref);

  run (fixture, &result, "backup", file, "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"path\": \"");
  assert_contains (result.out, "saved.db\",\n  \"size\": ");
  g_clear_pointer (&now, g_free);
  now = dump_database (file);
  g_assert_cmpstr (now, ==, saved);

  /* An existing file is kept unless asked. */
  run (fixture, &result, "backup", file);
  assert_failure (&result, 1, "already exists");
  run (fixture, &result, "backup", file, "--force");
  assert_success (&result);

  /* Later changes, then back to the backup. */
  run (fixture, &result, "add", "99", "Later", "--currency", "EUR");
  assert_success (&result);
  run (fixture, &result, "categories", "delete", "Groceries");
  assert_success (&result);
  later = dump (fixture);
  g_assert_cmpstr (later, !=, saved);

  run (fixture, &result, "restore-backup", file);
  assert_success (&result);
  assert_contains (result.out, "Restored “");
  g_assert_true (g_regex_match (undo, result.out, 0, &match));
  safety = g_match_info_fetch (match, 1);
  g_clear_pointer (&match, g_match_info_unref);
  g_assert_true (g_str_has_prefix (safety, backups));

  g_clear_pointer (&now, g_free);
  now = dump (fixture);
  g_assert_cmpstr (now, ==, saved);
  g_clear_pointer (&now, g_free);
  now = dump_database (safety);
  g_assert_cmpstr (now, ==, later);

  /* The window notices, and shows the restored content. */
  g_assert_true (outlay_repository_check_external_changes (fixture->store.repository));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 8);

  /* The restore is undone by restoring the state before it. */
  run (fixture, &result, "restore", safety, "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"previous_state\": \"");
  g_clear_pointer (&now, g_free);
  now = dump (fixture);
  g_assert_cmpstr (now, ==, later);

  /* Nothing but backups in the folder, and nothing left beside them. */
  {
    g_autoptr (GDir) listing = g_dir_open (backups, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_true (g_str_has_suffix (name, ".db"));
  }
  g_assert_cmpuint (outlay_test_count_files (fixture->store.dir), ==, 5); /* outlay.db, -wal, -shm, saved.db, backups */
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* What a filter selects, to a file or to stdout, byte for byte. */
static void
test_export (Fixture      *fixture,
             gconstpointer user_data)
{
  static const char *const february_food =
    "date,amount,currency,description,category,note\r\n"
    "2024-02-03,4.50,EUR,Coffee,Food & Drink,\r\n"
    "2024-02-14,55.50,EUR,Dinner,Food & Drink,\r\n";
  g_auto (Result) result = { 0 };
  g_autofree char *file = g_build_filename (fixture->store.dir, "february.csv", NULL);
  g_autofree char *json_file = g_build_filename (fixture->store.dir, "all.JSON", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;

  seed_ledger (fixture);

  run (fixture, &result, "export", "--month", "2024-02", "--category", "food & drink", file);
  assert_success (&result);
  expected = g_strdup_printf ("Exported 2 expenses to “%s”.\n", file);
  g_assert_cmpstr (result.out, ==, expected);
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, february_food);

  /* To stdout: the data and nothing else, in any of the ways to ask. */
  run (fixture, &result, "export", "--from", "2024-02-01", "--to", "2024-02-29", "-c", "Food & Drink");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, february_food);
  run (fixture, &result, "export", "-", "--month", "2024-02", "--search", "dinner", "--format", "csv");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==,
                   "date,amount,currency,description,category,note\r\n"
                   "2024-02-14,55.50,EUR,Dinner,Food & Drink,\r\n");

  /* Everything, oldest first, in every currency. */
  run (fixture, &result, "export");
  assert_success (&result);
  g_assert_true (g_str_has_prefix (result.out,
                                   "date,amount,currency,description,category,note\r\n"
                                   "2024-01-10,30.00,EUR,Market,Groceries,\r\n"));
  assert_contains (result.out, "2024-02-26,15.00,USD,Taxi,Transport,\r\n");
  g_assert_true (g_str_has_suffix (result.out, "2024-03-01,20.00,EUR,Gift,Other,\r\n"));

  /* The extension chooses JSON; --json reports on the file. */
  run (fixture, &result, "export", json_file, "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"format\": \"json\",\n  \"count\": 8\n");
  g_clear_pointer (&contents, g_free);
  contents = read_file (json_file);
  assert_json (contents);
  assert_contains (contents, "\"description\":\"Bus pass\"");

  /* A failed export leaves the file it would have replaced as it was, and
   * creates none. */
  write_file (file, "keep me");
  run (fixture, &result, "export", file, "--category", "Nope");
  assert_failure (&result, 1, "There is no category “Nope”");
  g_clear_pointer (&contents, g_free);
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpuint (outlay_test_count_files (fixture->store.dir), ==,
                    5); /* outlay.db, -wal, -shm, and the two exports */
}

/* Outlay's JSON goes into a new database and comes out the same bytes,
 * deleted expenses and categories included. */
static void
test_export_import_json (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char  *first = g_build_filename (fixture->store.dir, "ledger.json", NULL);
  g_autofree char  *second = g_build_filename (fixture->store.dir, "again.json", NULL);
  g_autofree char  *copy = g_build_filename (fixture->store.dir, "copy.db", NULL);
  g_autofree char  *first_bytes = NULL;
  g_autofree char  *second_bytes = NULL;
  g_autofree char  *dump_before = NULL;
  g_autofree char  *dump_after = NULL;
  const char *const import_args[] = { "--database", copy, "import", first, NULL };
  const char *const export_args[] = { "--database", copy, "export", "--include-deleted", second, NULL };
  const char *const again_args[] = { "--database", copy, "import", first, "--json", NULL };

  seed_ledger (fixture);
  run (fixture, &result, "categories", "add", "Pets", "--color", "#123456");
  assert_success (&result);
  run (fixture, &result, "add", "12", "Vet", "--category", "Pets", "--date", "2024-03-02",
       "--note", "Line one\nLine two, \"quoted\"", "--currency", "EUR");
  assert_success (&result);
  run (fixture, &result, "delete", "2");
  assert_success (&result);

  run (fixture, &result, "export", first, "--include-deleted");
  assert_success (&result);
  assert_contains (result.out, "Exported 9 expenses");
  first_bytes = read_file (first);
  assert_contains (first_bytes, "\"deleted_at\":\"");

  run_argv ("C.UTF-8", import_args, NULL, &result);
  assert_success (&result);
  assert_contains (result.out, "as an Outlay JSON export.\n");
  assert_contains (result.out, "9 expenses to import, 0 duplicates skipped, 0 lines not expenses (such as income), "
                               "0 lines that cannot be read.\n");
  assert_contains (result.out, "\nImported 9 expenses.\n");
  result_clear (&result);

  run_argv ("C.UTF-8", export_args, NULL, &result);
  assert_success (&result);
  result_clear (&result);
  second_bytes = read_file (second);
  g_assert_cmpstr (second_bytes, ==, first_bytes);

  /* Again: every expense is there already. */
  dump_before = dump_database (copy);
  run_argv ("C.UTF-8", again_args, NULL, &result);
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"format\": \"json\",\n  \"dry_run\": false,\n  \"csv\": null,\n");
  assert_contains (result.out, "\"to_import\": 0,\n  \"duplicates\": 9,\n");
  assert_contains (result.out, "\"imported\": 0,");
  dump_after = dump_database (copy);
  g_assert_cmpstr (dump_after, ==, dump_before);
}

/* Subcategories and hidden categories go into a new database as they
 * were; the report names a subcategory by its path, as the file does. */
static void
test_export_import_subcategories (Fixture      *fixture,
                                  gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char  *file = g_build_filename (fixture->store.dir, "tree.json", NULL);
  g_autofree char  *again = g_build_filename (fixture->store.dir, "again.json", NULL);
  g_autofree char  *csv = g_build_filename (fixture->store.dir, "tree.csv", NULL);
  g_autofree char  *copy = g_build_filename (fixture->store.dir, "copy.db", NULL);
  g_autofree char  *first_bytes = NULL;
  g_autofree char  *second_bytes = NULL;
  const char *const dry_run_args[] = { "--database", copy, "import", file, "--dry-run", "--json", NULL };
  const char *const import_args[] = { "--database", copy, "import", file, NULL };
  const char *const export_args[] = { "--database", copy, "export", "--include-deleted", again, NULL };
  const char *const list_args[] = { "--database", copy, "categories", NULL };

  seed_ledger (fixture);
  run (fixture, &result, "categories", "add", "Restaurants", "--parent", "Food & Drink");
  assert_success (&result);
  run (fixture, &result, "categories", "hide", "Transport");
  assert_success (&result);
  run (fixture, &result, "edit", "4", "--category", "Food & Drink › Restaurants");
  assert_success (&result);

  run (fixture, &result, "export", file, "--include-deleted");
  assert_success (&result);
  first_bytes = read_file (file);
  assert_contains (first_bytes, "\"version\": 5,\n");
  assert_contains (first_bytes, "\"name\":\"Restaurants\",\"icon\":\"outlay-category-tag-symbolic\",");
  assert_contains (first_bytes, "\"parent\":\"Food & Drink\",\"created_at\":\"");
  assert_contains (first_bytes, "\"name\":\"Transport\",\"icon\":\"emoji-travel-symbolic\",\"color\":\"#3584e4\","
                                "\"hidden\":true,");
  assert_contains (first_bytes, "\"description\":\"Dinner\",\"category\":\"Food & Drink › Restaurants\",");
  run (fixture, &result, "export", csv);
  assert_success (&result);
  g_clear_pointer (&second_bytes, g_free);
  second_bytes = read_file (csv);
  assert_contains (second_bytes, "\r\n2024-02-14,55.50,EUR,Dinner,Food & Drink › Restaurants,\r\n");

  /* Into a new one: created, under its parent. */
  run_argv ("C.UTF-8", dry_run_args, NULL, &result);
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"name\": \"Food & Drink › Restaurants\",\n"
                               "      \"category\": null,\n      \"category_id\": null,\n      \"new\": true,\n");
  result_clear (&result);
  run_argv ("C.UTF-8", import_args, NULL, &result);
  assert_success (&result);
  assert_contains (result.out, "\nImported 8 expenses.\n");
  result_clear (&result);
  run_argv ("C.UTF-8", list_args, NULL, &result);
  assert_success (&result);
  assert_contains (result.out, "\nFood & Drink › Restaurants  ");
  assert_contains (result.out, "\nTransport (hidden)  ");
  result_clear (&result);
  run_argv ("C.UTF-8", export_args, NULL, &result);
  assert_success (&result);
  result_clear (&result);
  g_clear_pointer (&second_bytes, g_free);
  second_bytes = read_file (again);
  g_assert_cmpstr (second_bytes, ==, first_bytes);

  /* A later expense goes into the subcategory the new database has. */
  run (fixture, &result, "add", "30", "Brunch", "--category", "food & drink › restaurants", "--date", "2024-03-03",
       "--currency", "EUR");
  assert_success (&result);
  run (fixture, &result, "export", file, "--include-deleted");
  assert_success (&result);
  run_argv ("C.UTF-8", dry_run_args, NULL, &result);
  assert_success (&result);
  assert_contains (result.out, "\"to_import\": 1,\n");
  assert_contains (result.out, "\"name\": \"Food & Drink › Restaurants\",\n"
                               "      \"category\": \"Food & Drink › Restaurants\",\n");
}

/* A statement's money received is left out unless --refund takes it: then
 * it is a refund, negative, which a JSON export carries (as version 2, so
 * an older Outlay says it cannot read it) into a new ledger unchanged. */
static void
test_import_refunds (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char  *file = g_build_filename (fixture->store.dir, "statement.csv", NULL);
  g_autofree char  *exported = g_build_filename (fixture->store.dir, "ledger.json", NULL);
  g_autofree char  *copy = g_build_filename (fixture->store.dir, "copy.db", NULL);
  g_autofree char  *bytes = NULL;
  g_autofree char  *rows = NULL;
  g_autofree char  *before = NULL;
  g_autofree char  *after = NULL;
  const char *const import_args[] = { "--database", copy, "import", exported, NULL };
  const char       *query = "SELECT occurred_on, amount, currency, description FROM expenses ORDER BY occurred_on";

  write_file (file,
              "Buchungstag;Text;Betrag\n"
              "03.03.2024;Boots;-80,00\n"
              "09.03.2024;Boots returned;59,00\n"
              "10.03.2024;Train;-12,00\n");

  /* A dry run writes nothing. */
  before = dump (fixture);
  run (fixture, &result, "import", file, "--currency", "EUR", "--dry-run", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"to_import\": 2,\n  \"duplicates\": 0,\n  \"not_expenses\": 1,\n  \"unreadable\": 0,\n"
                               "  \"incoming\": 1,\n  \"refunds\": 0,\n");
  assert_contains (result.out, "\"line\": 3,\n      \"kind\": \"not_expense\",\n");
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);

  /* Without --refund, the money received is left out. */
  run (fixture, &result, "import", file, "--currency", "EUR");
  assert_success (&result);
  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database), query);
  g_assert_cmpstr (rows, ==, "2024-03-03|8000|EUR|Boots\n2024-03-10|1200|EUR|Train\n");
  g_clear_pointer (&rows, g_free);

  /* With it, the same file adds the refund, and only that. */
  run (fixture, &result, "import", file, "--currency", "EUR", "--refund");
  assert_success (&result);
  assert_contains (result.out, "1 expense to import, 2 duplicates skipped, 0 lines not expenses");
  assert_contains (result.out, "Of them, 1 is money received, imported as a refund.\n");
  assert_lacks (result.out, "Lines left out");
  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database), query);
  g_assert_cmpstr (rows, ==,
                   "2024-03-03|8000|EUR|Boots\n"
                   "2024-03-09|-5900|EUR|Boots returned\n"
                   "2024-03-10|1200|EUR|Train\n");
  outlay_test_assert_summary_consistent (outlay_database_get_handle (fixture->store.database));

  /* The refund is a line of its own: importing again finds it. */
  run (fixture, &result, "import", file, "--currency", "EUR", "--refund", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"to_import\": 0,\n  \"duplicates\": 3,\n");

  run (fixture, &result, "export", exported);
  assert_success (&result);
  bytes = read_file (exported);
  assert_contains (bytes, "\"version\": 2,\n");
  assert_contains (bytes, "\"amount\":\"-59.00\"");

  run_argv ("C.UTF-8", import_args, NULL, &result);
  assert_success (&result);
  assert_contains (result.out, "\nImported 3 expenses.\n");
  result_clear (&result);
  g_clear_pointer (&after, g_free);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    after = outlay_test_dump (db, query);
    sqlite3_close (db);
  }
  g_assert_cmpstr (after, ==, rows);
}

/* A bank's CSV: a duplicate of what the ledger has, income, a line that
 * cannot be read and a new category, reported line by line. */
static void
test_import_csv (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *file = g_build_filename (fixture->store.dir, "statement.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *backups = g_build_filename (fixture->store.dir, "backups", NULL);
  const char      *expected_rows =
    "2024-01-10|3000|EUR|Market|Groceries\n"
    "2024-01-20|1200|EUR|Coffee beans|Food & Drink\n"
    "2024-02-03|450|EUR|Coffee|Food & Drink\n"
    "2024-02-14|5550|EUR|Dinner|Food & Drink\n"
    "2024-02-20|4000|EUR|Supermarket|Groceries\n"
    "2024-02-25|2900|EUR|Bus pass|Transport\n"
    "2024-02-26|1500|USD|Taxi|Transport\n"
    "2024-03-01|2000|EUR|Gift|Other\n"
    "2024-03-04|1299|EUR|Bakery|Groceries\n"
    "2024-03-05|4500|EUR|Vet|Pets\n"
    "2024-03-06|350|EUR|Kiosk|Other\n";

  seed_ledger (fixture);
  write_file (file,
              "Buchungstag;Text;Kategorie;Betrag\n"
              "03.02.2024;Coffee;Essen;-4,50\n"
              "04.03.2024;Bakery;Lebensmittel;-12,99\n"
              "31.02.2024;Broken;Essen;-1,00\n"
              "05.03.2024;Salary;Einkommen;2500,00\n"
              "05.03.2024;Vet;Pets;-45,00\n"
              "06.03.2024;Kiosk;;-3,50\n");
  before = dump (fixture);

  /* A dry run reports everything and writes nothing. */
  run (fixture, &result, "import", file, "--dry-run", "--currency", "EUR", "--map-category", "lebensmittel=groceries");
  assert_success (&result);
  assert_contains (result.out, "as CSV: UTF-8, fields separated by “;”.\n");
  assert_contains (result.out, "  --date-column         1 “Buchungstag”\n");
  assert_contains (result.out, "  --amount-column       4 “Betrag”\n");
  assert_contains (result.out, "  --note-column         none\n");
  assert_contains (result.out, "  --date-format         dmy (DD.MM.YYYY)\n");
  assert_contains (result.out, "  --decimal-separator   ,\n");
  assert_contains (result.out, "3 expenses to import, 1 duplicate skipped, 1 line not an expense (such as income), "
                               "1 line that cannot be read.\n");
  assert_contains (result.out, "New categories: Pets (1)\n");
  assert_contains (result.out, "  Lebensmittel (1)  → Groceries\n");
  assert_contains (result.out, "1 line is money received, left out; --refund imports it as a refund.\n");
  assert_contains (result.out, "Lines left out:\n"
                               "  line 4: “31.02.2024” is not a date (expected DD.MM.YYYY).\n"
                               "  line 5: Money received, left out: --refund imports it as a refund.\n");
  g_assert_true (g_str_has_suffix (result.out, "\nWould import 3 expenses (a dry run: nothing was written).\n"));
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  run (fixture, &result, "import", file, "--currency", "EUR", "--map-category", "Lebensmittel=Groceries");
  assert_success (&result);
  assert_contains (result.out, "\nImported 3 expenses.\nThe database as it was before is saved in “");
  g_assert_cmpuint (outlay_test_count_files (backups), ==, 1);

  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT e.occurred_on, e.amount, e.currency, e.description, c.name "
                           "FROM expenses e JOIN categories c ON c.id = e.category_id ORDER BY e.occurred_on, e.id");
  g_assert_cmpstr (rows, ==, expected_rows);
  g_assert_true (outlay_repository_check_external_changes (fixture->store.repository));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 11);

  /* The same file again adds nothing. */
  g_clear_pointer (&before, g_free);
  before = dump (fixture);
  run (fixture, &result, "import", file, "--currency", "EUR", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out,
                   "\"to_import\": 0,\n  \"duplicates\": 4,\n  \"not_expenses\": 1,\n  \"unreadable\": 1,\n"
                   "  \"incoming\": 1,\n  \"refunds\": 0,\n");
  assert_contains (result.out, "\"line\": 4,\n      \"kind\": \"unreadable\",\n"
                               "      \"message\": \"“31.02.2024” is not a date (expected DD.MM.YYYY).\"\n");
  assert_contains (result.out,
                   "\"date\": 1,\n      \"amount\": 4,\n      \"description\": 2,\n      \"category\": 3,\n");
  g_clear_pointer (&after, g_free);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* Lines the file leaves in the fallback category, or names none for, go
 * by the rules; a category the person maps does not. */
static void
test_import_rules (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *file = g_build_filename (fixture->store.dir, "statement.csv", NULL);
  g_autofree char *rows = NULL;

  seed_ledger (fixture);
  run (fixture, &result, "rules", "add", "--contains", "rewe", "--category", "Groceries");
  assert_success (&result);
  run (fixture, &result, "rules", "add", "--contains", "shell", "--category", "Transport", "--rename", "Fuel");
  assert_success (&result);
  write_file (file,
              "date,amount,description,category\n"
              "2024-04-02,12.50,REWE Markt,\n"
              "2024-04-03,3.00,Kiosk,\n"
              "2024-04-04,40.00,Shell 123,Other\n"
              "2024-04-05,5.00,rewe again,Pets\n"
              "2024-04-06,7.00,Rewe City,Essen\n"
              "2024-04-07,8.00,REWE to go,\n");

  run (fixture, &result, "import", file, "--dry-run", "--currency", "EUR");
  assert_success (&result);
  assert_contains (result.out, "Rule 1 (description contains “rewe”): 2 lines\n"
                               "Rule 2 (description contains “shell”): 1 line\n");

  /* Mapped to the fallback, a category stays there; one left there as it
   * is not created goes by the rules. */
  run (fixture, &result, "import", file, "--dry-run", "--json", "--currency", "EUR", "--map-category", "Other=Other",
       "--no-create-categories");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"lines\": [\n    {\n      \"line\": 2,\n      \"rule\": 1\n    },\n"
                               "    {\n      \"line\": 3,\n      \"rule\": null\n    },\n"
                               "    {\n      \"line\": 4,\n      \"rule\": null\n    },\n"
                               "    {\n      \"line\": 5,\n      \"rule\": 1\n    },\n"
                               "    {\n      \"line\": 6,\n      \"rule\": 1\n    },\n");
  assert_contains (result.out, "\"rules\": [\n    {\n      \"rule\": 1,\n      \"uuid\": \"");
  assert_contains (result.out, "\"lines\": 4\n    }\n  ],\n");

  run (fixture, &result, "import", file, "--currency", "EUR", "--map-category", "Pets=Other");
  assert_success (&result);
  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT e.occurred_on, e.description, c.name FROM expenses e "
                           "JOIN categories c ON c.id = e.category_id WHERE e.occurred_on >= '2024-04-01' "
                           "ORDER BY e.occurred_on");
  g_assert_cmpstr (rows, ==,
                   "2024-04-02|REWE Markt|Groceries\n"
                   "2024-04-03|Kiosk|Other\n"
                   "2024-04-04|Fuel|Transport\n"
                   "2024-04-05|rewe again|Other\n"
                   "2024-04-06|Rewe City|Essen\n"
                   "2024-04-07|REWE to go|Groceries\n");
}

#define RATE_TIMES "\"created_at\":\"2026-11-02T10:00:00.000Z\",\"updated_at\":\"2026-11-02T10:00:00.000Z\""
#define RATE(n, rate)                                                                                   \
  "    {\"uuid\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a0" #n "\",\"currency\":\"USD\",\"quote\":\"EUR\"," \
  "\"day\":\"2026-11-02\",\"rate\":\"" rate "\",\"source\":\"imported\"," RATE_TIMES "}"

/* The exchange rates of Outlay's JSON file: counted before, a second of
 * one day left out and said so, a bad one reported; again, nothing. */
static void
test_import_json_rates (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *file = g_build_filename (fixture->store.dir, "rates.json", NULL);

  write_file (file, "{\n"
                    "  \"format\": \"outlay-ledger\",\n"
                    "  \"version\": 7,\n"
                    "  \"rates\": [\n" RATE (1, "0.92310") ",\n" RATE (2, "0.93") ",\n" RATE (3, "abc") "\n"
                    "  ],\n"
                    "  \"expenses\": []\n"
                    "}\n");

  run (fixture, &result, "import", file, "--currency", "EUR");
  assert_success (&result);
  assert_contains (result.out, "1 exchange rate to import.\n"
                               "1 exchange rate left out: the database has one for its currencies and day.\n");
  assert_contains (result.out, "  Exchange rate 3 cannot be read: “abc” is not a rate");
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (fixture->store.database),
                                          "SELECT count(*) FROM exchange_rates WHERE rate = '0.92310'"),
                   ==, 1);

  run (fixture, &result, "import", file, "--currency", "EUR", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"rates\": 0,\n  \"rates_kept\": 1,\n");
}

/* HomeBank's assignment rules come in as rules, once. */
static void
test_import_homebank_rules (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *fixture_file = g_test_build_filename (G_TEST_DIST, "fixtures", "homebank", "assignments.xhb",
                                                         NULL);

  run (fixture, &result, "import", fixture_file, "--currency", "EUR");
  assert_success (&result);
  assert_contains (result.out, "4 rules to import.\n");
  assert_contains (result.out, "  line 12: The assignment rule “^shell.*” is a regular expression");
  run (fixture, &result, "rules", "list");
  assert_success (&result);
  assert_contains (result.out, "1  description contains “Bus ticket”  any             Transport\n"
                               "2  description contains “rewe”        any             Food › Groceries\n"
                               "3  description contains “Taxi”        any             Transport\n"
                               "4  description contains “Netflix”     12.99 to 12.99  Transport\n");

  run (fixture, &result, "import", fixture_file, "--currency", "EUR", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"category_rules\": 0,\n");
  assert_contains (result.out, "\"rates\": 0,\n  \"rates_kept\": 0,\n");
}

/* What the guess gets wrong, the options correct; categories the ledger
 * lacks can go to the fallback one instead of being created. */
static void
test_import_options (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char  *file = g_build_filename (fixture->store.dir, "list.txt", NULL);
  g_autofree char  *missing = g_build_filename (fixture->store.dir, "new.db", NULL);
  g_autofree char  *rows = NULL;
  const char *const dry_run[] = { "--database", missing, "import", file, "--dry-run", "--no-header",
                                  "--date-column", "2", "--amount-column", "3", "--description-column", "1",
                                  "--category-column", "4", "--date-format", "mdy", "--sign", "positive", NULL };

  write_file (file,
              "Lunch,03/04/2024,12.50,Restaurants\n"
              "Refund,03/05/2024,-5.00,Shopping\n"
              "Books,03/06/2024,20.00,Hobbies\n");

  /* A dry run on a database that does not exist yet creates none. */
  run_argv ("C.UTF-8", dry_run, NULL, &result);
  assert_success (&result);
  assert_contains (result.out, "  --description-column  1\n");
  assert_contains (result.out, "  --date-format         mdy (MM/DD/YYYY)\n");
  assert_contains (result.out, "  --sign                positive (");
  assert_contains (result.out, "  --no-header           no row of column names; the expenses start on line 1\n");
  assert_contains (result.out, "2 expenses to import, 0 duplicates skipped, 1 line not an expense");
  assert_contains (result.out, "  line 2: Money received, left out: --refund imports it as a refund.\n");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  result_clear (&result);

  run (fixture, &result, "import", file, "--no-header", "--date-column", "2", "--amount-column", "3",
       "--description-column", "1", "--category-column", "4", "--date-format", "mdy", "--sign", "all",
       "--no-create-categories", "--currency", "EUR");
  assert_success (&result);
  assert_contains (result.out, "3 expenses to import, 0 duplicates skipped, 0 lines not expenses");
  assert_contains (result.out, "Not created, their expenses go to “Other”: Restaurants (1), Hobbies (1)\n");
  assert_lacks (result.out, "New categories");

  rows = outlay_test_dump (outlay_database_get_handle (fixture->store.database),
                           "SELECT e.occurred_on, e.amount, e.description, c.name "
                           "FROM expenses e JOIN categories c ON c.id = e.category_id ORDER BY e.id");
  g_assert_cmpstr (rows, ==,
                   "2024-03-04|1250|Lunch|Other\n"
                   "2024-03-05|500|Refund|Shopping\n"
                   "2024-03-06|2000|Books|Other\n");
  g_assert_cmpint (outlay_test_query_int (outlay_database_get_handle (fixture->store.database),
                                          "SELECT count(*) FROM categories"),
                   ==, 10);
}

/* A HomeBank file is told by its content whatever its name; income and
 * transfers are reported, not imported. */
static void
test_import_homebank (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *fixture_file = g_test_build_filename (G_TEST_DIST, "fixtures", "homebank", "homebank5.xhb", NULL);
  g_autofree char *file = g_build_filename (fixture->store.dir, "budget.backup", NULL);
  g_autofree char *contents = read_file (fixture_file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_file (file, contents);
  before = dump (fixture);

  run (fixture, &result, "import", file, "--dry-run", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"format\": \"homebank\",\n  \"dry_run\": true,\n  \"csv\": null,\n");
  assert_contains (result.out,
                   "\"kind\": \"not_expense\",\n      \"message\": \"A transfer between accounts, not an expense.\"");
  assert_contains (result.out, "\"imported\": 0,\n  \"categories_created\": 0,\n  \"backup\": null\n");
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);

  run (fixture, &result, "import", file, "--currency", "EUR");
  assert_success (&result);
  assert_contains (result.out, "as a HomeBank file.\n");
  assert_contains (result.out, "  line 24: A transfer between accounts, not an expense.\n");
  assert_contains (result.out, "\nImported 8 expenses.\n");
  g_assert_true (outlay_repository_check_external_changes (fixture->store.repository));
  g_assert_cmpuint (outlay_test_count (&fixture->store), ==, 8);
}

/* Copies of the database planted in the backups folder under @name, as if
 * they had been made then. */
static void
plant_backup (Fixture    *fixture,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->store.dir, "backups", name, NULL);

  g_assert_true (outlay_database_backup (fixture->store.database, path, &error));
  g_assert_no_error (error);
}

/* The backups folder: listed, pruned to the setting, restored by name. */
static void
test_backup_list (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *backups = g_build_filename (fixture->store.dir, "backups", NULL);
  g_autofree char *foreign = g_build_filename (backups, "notes.txt", NULL);
  g_autofree char *empty_schemas = g_build_filename (fixture->store.dir, "no-schemas", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *now = NULL;
  g_autoptr (GRegex) line = g_regex_new (DAILY_BACKUP_LINE, G_REGEX_MULTILINE, 0, NULL);

  run (fixture, &result, "backup", "--list");
  assert_success (&result);
  assert_contains (result.out, "There are no backups in “");
  run (fixture, &result, "backup", "--list", "--json");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "[]\n");

  seed_ledger (fixture);
  saved = dump (fixture);
  plant_backup (fixture, "outlay-20240305-101500-daily.db");
  plant_backup (fixture, "outlay-20240306-120000-restore.db");
  plant_backup (fixture, "outlay-format1-20240101-080000.db");
  g_assert_true (g_file_set_contents (foreign, "mine", -1, NULL));

  /* Aligned columns: date, reason, check, expenses, data format, size,
   * path; newest first. A copy planted by hand was never checked. */
  run (fixture, &result, "backup", "--list");
  assert_success (&result);
  g_test_message ("%s", result.out);
  g_assert_true (g_regex_match (line, result.out, 0, NULL));
  g_assert_true (strstr (result.out, "Before a restore") < strstr (result.out, "Daily"));
  g_assert_true (strstr (result.out, "Daily") < strstr (result.out, "Before an upgrade"));
  assert_lacks (result.out, "notes.txt");

  run (fixture, &result, "backup", "--list", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"created\": \"2024-03-05T10:15:00Z\",\n    \"reason\": \"daily\",\n"
                               "    \"state\": \"unverified\",\n    \"expenses\": null,\n    " SCHEMA_VERSION ",\n"
                               "    \"size\": ");
  assert_contains (result.out, "\"reason\": \"migration\"");

  /* Restored by its name in the list, with or without .db. */
  run (fixture, &result, "add", "5", "After the backups");
  assert_success (&result);
  run (fixture, &result, "restore", "outlay-20240305-101500-daily");
  assert_success (&result);
  assert_contains (result.out, "outlay-20240305-101500-daily.db”.\n");
  assert_contains (result.out, "-restore.db'\n");
  now = dump (fixture);
  g_assert_cmpstr (now, ==, saved);
  run (fixture, &result, "restore", "outlay-20240306-120000-restore.db", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"previous_state\": \"");

  /* Only the newest are kept: 10 by the setting's default. */
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("outlay-202301%02u-000000-daily.db", i);

      plant_backup (fixture, name);
    }
  run (fixture, &result, "backup");
  assert_success (&result);
  g_assert_cmpuint (outlay_test_count_files (backups), ==, 10 + 1);
  g_assert_true (g_file_test (foreign, G_FILE_TEST_IS_REGULAR));

  /* The backup made now was checked, and records what it holds. */
  run (fixture, &result, "backup", "--list");
  assert_success (&result);
  assert_contains (result.out, "  Manual             Verified      8 expenses  " DATA_FORMAT "  ");
  run (fixture, &result, "backup", "--list", "--json");
  assert_success (&result);
  assert_contains (result.out, "\"reason\": \"manual\",\n    \"state\": \"verified\",\n    \"expenses\": 8,\n"
                               "    " SCHEMA_VERSION ",\n");

  /* Without the schema installed it keeps 10 too, and does not abort. */
  g_assert_cmpint (g_mkdir (empty_schemas, 0700), ==, 0);
  {
    const char *const env[] = { "GSETTINGS_SCHEMA_DIR", empty_schemas, "XDG_DATA_DIRS", empty_schemas, NULL };
    const char *const args[] = { "--database", fixture->store.path, "backup", NULL };

    plant_backup (fixture, "outlay-20220101-000000-daily.db");
    result_clear (&result);
    run_argv ("C.UTF-8", args, env, &result);
    assert_success (&result);
    g_assert_cmpuint (outlay_test_count_files (backups), ==, 10 + 1);
  }
}

/* A damaged ledger */

/* The seeded ledger with one good backup, closed (the window is gone)
 * and damaged in @object. Returns the backup. */
static char *
make_damaged (Fixture    *fixture,
              const char *object)
{
  g_autoptr (OutlayBackups) backups = outlay_backups_new (fixture->store.database);
  g_autoptr (GError) error = NULL;
  char *backup;

  backup = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  g_clear_object (&backups);

  outlay_test_fixture_close (&fixture->store);
  outlay_test_damage_object (fixture->store.path, object);

  return backup;
}

/* How the line names a command on the fixture's database. */
static char *
command (Fixture    *fixture,
         const char *rest)
{
  g_autofree char *quoted = g_shell_quote (fixture->store.path);

  return g_strdup_printf ("“outlay --database %s %s”", quoted, rest);
}

/* The one line of a command refused on a damaged ledger: exit 1, what to
 * run to see more and to bring back @backup, and not one warning. */
static void
assert_damaged_line (Fixture      *fixture,
                     const Result *result,
                     const char   *backup)
{
  g_autofree char *check = command (fixture, "check");
  g_autofree char *name = backup != NULL ? g_path_get_basename (backup) : NULL;
  g_autofree char *restore = backup != NULL ? g_strdup_printf ("restore %s", name) : NULL;
  g_autofree char *restore_command = restore != NULL ? command (fixture, restore) : NULL;

  assert_failure (result, 1, "is damaged");
  assert_contains (result->err, "othing was changed");
  assert_contains (result->err, check);
  if (backup != NULL)
    assert_contains (result->err, restore_command);
  else
    assert_contains (result->err, "there is no backup to bring back.");
  assert_lacks (result->err, "CRITICAL");
  assert_lacks (result->err, "WARNING");
}

/* `check` on a sound ledger, a damaged one and one that does not open;
 * the window is gone, as it would be. */
static void
test_check (Fixture      *fixture,
            gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  FILE *file;

  seed_ledger (fixture);

  /* Sound: one line, exit 0. */
  run (fixture, &result, "check");
  assert_success (&result);
  {
    g_autofree char *sound = g_strdup_printf ("The database “%s” is sound: 8 expenses, " DATA_FORMAT ".\n",
                                              fixture->store.path);

    g_assert_cmpstr (result.out, ==, sound);
  }
  run (fixture, &result, "check", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"damaged\": false,\n  \"problems\": [],\n  " SCHEMA_VERSION ",\n"
                               "  \"expenses\": 8,\n  \"newest_good_backup\": null\n}\n");

  backup = make_damaged (fixture, "categories");
  name = g_path_get_basename (backup);

  /* What is wrong, and how to bring the backup back. */
  run (fixture, &result, "check");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "");
  assert_contains (result.out, "” is damaged; SQLite’s integrity check found:\n  ");
  assert_contains (result.out, "The newest good backup was made ");
  assert_contains (result.out, " (Manual) and holds 8 expenses; to bring it back:\n");
  {
    g_autofree char *quoted = g_shell_quote (fixture->store.path);
    g_autofree char *line = g_strdup_printf ("\n  outlay --database %s restore %s\n", quoted, name);

    g_assert_true (g_str_has_suffix (result.out, line));
  }

  run (fixture, &result, "check", "--json");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "");
  assert_json (result.out);
  assert_contains (result.out, "\"damaged\": true,\n  \"problems\": [\n    \"");
  assert_contains (result.out, SCHEMA_VERSION ",\n  \"expenses\": 8,\n  \"newest_good_backup\": {\n");
  assert_contains (result.out, "\"state\": \"verified\",\n    \"expenses\": 8,\n");

  /* The list works on it, with each backup's check. */
  run (fixture, &result, "backup", "--list");
  assert_success (&result);
  assert_contains (result.out, "  Manual  Verified  8 expenses  " DATA_FORMAT "  ");
  run (fixture, &result, "backup", "--list", "--json");
  assert_success (&result);
  assert_json (result.out);
  assert_contains (result.out, "\"reason\": \"manual\",\n    \"state\": \"verified\",\n    \"expenses\": 8,\n"
                               "    " SCHEMA_VERSION ",\n");

  /* A file whose header is gone: why it does not open. */
  file = g_fopen (fixture->store.path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite ("garbage, not a header", 1, 21, file), ==, 21);
  g_assert_cmpint (fclose (file), ==, 0);

  run (fixture, &result, "check");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "");
  assert_contains (result.out, "” does not open:\n  “");
  assert_contains (result.out, "is not an Outlay database, or it is damaged.\n");
  assert_contains (result.out, " and holds 8 expenses; to bring it back:\n");
  run (fixture, &result, "check", "--json");
  g_assert_cmpint (result.status, ==, 1);
  assert_json (result.out);
  assert_contains (result.out, "\"damaged\": true,");
  assert_contains (result.out, "\"schema_version\": null,\n  \"expenses\": null,\n  \"newest_good_backup\": {");
}

static void
test_damaged (Fixture      *fixture,
              gconstpointer user_data)
{
  static const char *const refused[][4] = {
    { "add", "1", "x" },
    { "list" },
    { "summary" },
    { "show", "1" },
    { "edit", "1", "--amount", "2" },
    { "delete", "1" },
    { "restore", "1" },
    { "categories" },
    { "categories", "add", "Pets" },
    { "export" },
    { "backup" },
  };
  g_auto (Result) result = { 0 };
  g_autofree char *backups = g_build_filename (fixture->store.dir, "backups", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *now = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *again = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GRegex) kept_apart = g_regex_new ("kept apart as “(.*-restore(-[0-9]+)?-damaged\\.db)”\\.\n$", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  seed_ledger (fixture);
  saved = dump (fixture);

  backup = make_damaged (fixture, "categories");
  name = g_path_get_basename (backup);
  before = outlay_test_read_bytes (fixture->store.path);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autoptr (GBytes) after = NULL;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->store.path);
      for (guint j = 0; j < G_N_ELEMENTS (refused[i]) && refused[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) refused[i][j]);
      g_ptr_array_add (args, NULL);

      g_test_message ("outlay %s", refused[i][0]);
      result_clear (&result);
      run_argv ("C.UTF-8", (const char *const *) args->pdata, NULL, &result);
      assert_damaged_line (fixture, &result, backup);
      assert_contains (result.err, "The database “");
      assert_contains (result.err, "” is damaged, so nothing was changed.");
      assert_contains (result.err, "brings back the newest good backup, made ");
      assert_contains (result.err, " with 8 expenses.\n");

      after = outlay_test_read_bytes (fixture->store.path);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_cmpuint (outlay_test_count_files (backups), ==, 1);
    }

  /* On the default database, the commands to run are as short as that. */
  {
    const char *const env[] = { "OUTLAY_DATABASE", fixture->store.path, NULL };
    const char *const args[] = { "add", "1", "x", NULL };
    g_autofree char  *restore = g_strdup_printf ("“outlay restore %s”", name);

    result_clear (&result);
    run_argv ("C.UTF-8", args, env, &result);
    assert_failure (&result, 1, "“outlay check” says what is wrong");
    assert_contains (result.err, restore);
  }

  /* The restore brings the backup back and keeps the damage apart, under
   * the name it says. */
  run (fixture, &result, "restore", name);
  assert_success (&result);
  g_assert_true (g_regex_match (kept_apart, result.out, 0, &match));
  kept = g_match_info_fetch (match, 1);
  g_clear_pointer (&match, g_match_info_unref);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  now = dump (fixture);
  g_assert_cmpstr (now, ==, saved);
  g_assert_cmpuint (outlay_test_count_files (backups), ==, 2);

  run (fixture, &result, "check");
  assert_success (&result);
  assert_contains (result.out, "” is sound: 8 expenses, " DATA_FORMAT ".\n");
  run (fixture, &result, "add", "1", "x");
  assert_success (&result);

  /* Damaged again at once: the second copy does not replace the first,
   * even within the same second. */
  outlay_test_damage_object (fixture->store.path, "categories");
  run (fixture, &result, "restore", name);
  assert_success (&result);
  g_assert_true (g_regex_match (kept_apart, result.out, 0, &match));
  again = g_match_info_fetch (match, 1);
  g_assert_cmpstr (again, !=, kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (outlay_test_count_files (backups), ==, 3);
}

/* A file whose header is gone does not open at all: the same line, the
 * check says why, and the backup takes the file's place. */
static void
test_damaged_unopenable (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autofree char *backup = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *now = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GRegex) kept_apart = g_regex_new ("kept apart as “(.*-restore-damaged\\.db)”\\.\n$", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  FILE *file;

  seed_ledger (fixture);
  saved = dump (fixture);
  backup = make_damaged (fixture, "categories");
  file = g_fopen (fixture->store.path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite ("garbage, not a header", 1, 21, file), ==, 21);
  g_assert_cmpint (fclose (file), ==, 0);
  before = outlay_test_read_bytes (fixture->store.path);

  run (fixture, &result, "add", "1", "x");
  assert_damaged_line (fixture, &result, backup);
  assert_contains (result.err, "is not an Outlay database, or it is damaged. Nothing was changed.");
  run (fixture, &result, "list");
  assert_damaged_line (fixture, &result, backup);
  after = outlay_test_read_bytes (fixture->store.path);
  g_assert_true (g_bytes_equal (before, after));

  run (fixture, &result, "backup", "--list");
  assert_success (&result);
  assert_contains (result.out, backup);

  /* By its name without .db, as the list is read. */
  stem = g_path_get_basename (backup);
  stem[strlen (stem) - 3] = '\0';
  run (fixture, &result, "restore", stem);
  assert_success (&result);
  g_assert_true (g_regex_match (kept_apart, result.out, 0, &match));
  kept = g_match_info_fetch (match, 1);
  g_clear_pointer (&after, g_bytes_unref);
  after = outlay_test_read_bytes (kept);
  g_assert_true (g_bytes_equal (before, after));

  now = dump (fixture);
  g_assert_cmpstr (now, ==, saved);
  run (fixture, &result, "check");
  assert_success (&result);
  run (fixture, &result, "add", "1", "x");
  assert_success (&result);
}

/* A large file gets only its small tables checked when it opens: damage
 * elsewhere is met by a read, which ends in the same line. Without a
 * backup, the line says so. */
static void
test_damaged_found_late (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_auto (Result) result = { 0 };
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  seed_ledger (fixture);
  outlay_test_exec (outlay_test_handle (&fixture->store),
                    "INSERT INTO outlay_meta (key, value) VALUES ('test_padding', zeroblob(17 * 1024 * 1024))");
  outlay_test_fixture_close (&fixture->store);
  outlay_test_damage_object (fixture->store.path, "expenses");
  before = outlay_test_read_bytes (fixture->store.path);

  run (fixture, &result, "list");
  assert_damaged_line (fixture, &result, NULL);
  run (fixture, &result, "add", "1", "x");
  assert_damaged_line (fixture, &result, NULL);
  after = outlay_test_read_bytes (fixture->store.path);
  g_assert_true (g_bytes_equal (before, after));

  run (fixture, &result, "check");
  g_assert_cmpint (result.status, ==, 1);
  assert_contains (result.out, "integrity check found:\n  ");
  assert_contains (result.out, "There is no backup of it in “");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/cli/backup-restore", test_backup_restore);
  add_test ("/cli/export", test_export);
  add_test ("/cli/export-import-json", test_export_import_json);
  add_test ("/cli/export-import-subcategories", test_export_import_subcategories);
  add_test ("/cli/import/csv", test_import_csv);
  add_test ("/cli/import/options", test_import_options);
  add_test ("/cli/import/homebank", test_import_homebank);
  add_test ("/cli/import/refunds", test_import_refunds);
  add_test ("/cli/import/rules", test_import_rules);
  add_test ("/cli/import/homebank-rules", test_import_homebank_rules);
  add_test ("/cli/import/json-rates", test_import_json_rates);
  add_test ("/cli/backup-list", test_backup_list);
  add_test ("/cli/check", test_check);
  add_test ("/cli/damaged", test_damaged);
  add_test ("/cli/damaged/unopenable", test_damaged_unopenable);
  add_test ("/cli/damaged/found-late", test_damaged_found_late);

  return g_test_run ();
}
