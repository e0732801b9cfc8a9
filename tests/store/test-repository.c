/* test-repository.c
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

#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

/* The default categories, by position. */
enum
{
  FOOD,
  GROCERIES,
  TRANSPORT,
  HOUSING,
  UTILITIES,
  HEALTH,
  SHOPPING,
  ENTERTAINMENT,
  TRAVEL,
  OTHER,
};

static gint64
category (Fixture *fixture,
          guint    position)
{
  return outlay_test_category_at (fixture->repository, position);
}

static sqlite3 *
handle (Fixture *fixture)
{
  return outlay_database_get_handle (fixture->database);
}

static void
assert_timestamp (const char *timestamp)
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
static void
let_time_pass (void)
{
  g_usleep (3 * 1000);
}

static OutlayExpense *
valid_draft (Fixture *fixture)
{
  return outlay_test_draft (1000, "EUR", "2024-03-15", "Lunch", category (fixture, FOOD));
}

/* Expense round trip */

static void
test_round_trip (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (OutlayExpense) by_id = NULL;
  g_autoptr (OutlayExpense) by_uuid = NULL;
  g_autoptr (OutlayExpense) reopened = NULL;
  g_autoptr (GDate) date = NULL;
  const char    *note = "Shared with Aiko.\nPaid by card — half price 🍜";
  OutlayExpense *missing;
  gint64         id;

  draft = outlay_test_draft (123456, "JPY", "2024-02-29", "   Ramen at Ichiran  ", category (fixture, FOOD));
  outlay_expense_set_note (draft, note);

  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);

  id = outlay_expense_get_id (stored);
  g_assert_cmpint (id, >, 0);
  g_assert_true (g_uuid_string_is_valid (outlay_expense_get_uuid (stored)));
  g_assert_cmpint (outlay_expense_get_amount (stored), ==, 123456);
  g_assert_cmpstr (outlay_expense_get_currency (stored), ==, "JPY");
  g_assert_cmpstr (outlay_expense_get_description (stored), ==, "Ramen at Ichiran");
  g_assert_cmpstr (outlay_expense_get_note (stored), ==, note);
  g_assert_cmpint (outlay_expense_get_category_id (stored), ==, category (fixture, FOOD));
  g_assert_cmpstr (outlay_expense_get_occurred_on (stored), ==, "2024-02-29");
  date = outlay_expense_dup_date (stored);
  g_assert_nonnull (date);
  g_assert_cmpuint (g_date_get_day (date), ==, 29);
  g_assert_cmpuint (g_date_get_month (date), ==, G_DATE_FEBRUARY);
  g_assert_cmpuint (g_date_get_year (date), ==, 2024);

  assert_timestamp (outlay_expense_get_created_at (stored));
  g_assert_cmpstr (outlay_expense_get_created_at (stored), ==, outlay_expense_get_updated_at (stored));
  g_assert_null (outlay_expense_get_deleted_at (stored));

  by_id = outlay_repository_get_expense (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_id);
  g_assert_true (by_id != stored);
  g_assert_true (outlay_expense_equal (by_id, stored));

  by_uuid = outlay_repository_get_expense_by_uuid (fixture->repository, outlay_expense_get_uuid (stored), &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_uuid);
  g_assert_true (outlay_expense_equal (by_uuid, stored));

  missing = outlay_repository_get_expense (fixture->repository, id + 1000, &error);
  g_assert_null (missing);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  missing = outlay_repository_get_expense_by_uuid (fixture->repository, "5f3b1c4e-0000-4000-8000-000000000000", &error);
  g_assert_null (missing);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* It is on disk, not only in memory. */
  outlay_test_fixture_close (fixture);
  outlay_test_fixture_open (fixture);
  reopened = outlay_repository_get_expense (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_expense_equal (reopened, stored));
}

static void
test_draft_identity (Fixture      *fixture,
                     gconstpointer user_data)
{
  const char *uuid = "0b7f6a4c-8d2e-4f51-9a3b-2c1d0e9f8a7b";
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) draft = valid_draft (fixture);
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (OutlayExpense) again = NULL;
  g_autoptr (OutlayExpense) other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* An import keeps the uuid it brings; the id is the store's to choose. */
  outlay_expense_set_identity (draft, 9999, uuid);
  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_expense_get_uuid (stored), ==, uuid);
  g_assert_cmpint (outlay_expense_get_id (stored), !=, 9999);

  /* The same uuid twice is refused and changes nothing. */
  before = outlay_test_dump_store (handle (fixture));
  g_array_set_size (fixture->changes, 0);
  again = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_null (again);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* Without a uuid, each expense gets its own. */
  g_clear_object (&stored);
  stored = outlay_test_add (fixture, 1, "EUR", "2024-01-01", "One", category (fixture, FOOD));
  other = outlay_test_add (fixture, 1, "EUR", "2024-01-01", "One", category (fixture, FOOD));
  g_assert_true (g_uuid_string_is_valid (outlay_expense_get_uuid (stored)));
  g_assert_cmpstr (outlay_expense_get_uuid (stored), !=, outlay_expense_get_uuid (other));
  g_assert_cmpint (outlay_expense_get_id (stored), !=, outlay_expense_get_id (other));
}

/* Validation */

/* Tries @draft alone and in a bulk addition: both are refused with @code
 * and nothing changes, not even a signal. */
static void
assert_rejected (Fixture       *fixture,
                 OutlayExpense *draft,
                 int            code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = outlay_test_dump_store (handle (fixture));
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

  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (outlay_test_count (fixture), ==, count);
  g_assert_cmpuint (fixture->changes->len, ==, n_changes);
}

static void
assert_accepted (Fixture       *fixture,
                 OutlayExpense *draft)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) stored = NULL;

  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
}

static void
test_validate_amount (Fixture      *fixture,
                      gconstpointer user_data)
{
  static const gint64 invalid[] = { 0, -1, -100, OUTLAY_MONEY_MAX + 1, G_MAXINT64, G_MININT64 };
  static const gint64 valid[] = { 1, OUTLAY_MONEY_MAX };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_amount (draft, invalid[i]);
      assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT);
    }

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_amount (draft, valid[i]);
      assert_accepted (fixture, draft);
    }
}

static void
test_validate_currency (Fixture      *fixture,
                        gconstpointer user_data)
{
  static const char *const invalid[] = { "EURO", "eur", "Eur", "XXX", "EU", "", " EUR", "€", NULL };
  static const char *const valid[] = { "EUR", "USD", "JPY", "BHD" };

  /* What outlay_currency_is_valid() says is what the store accepts. */
  g_assert_false (outlay_currency_is_valid ("XXX"));
  g_assert_true (outlay_currency_is_valid ("EUR"));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_currency (draft, invalid[i]);
      assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY);
    }

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_currency (draft, valid[i]);
      assert_accepted (fixture, draft);
    }
}

static void
test_validate_date (Fixture      *fixture,
                    gconstpointer user_data)
{
  static const char *const invalid[] = {
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-04-31",
    "2024-01-00",
    "20240101",
    "2024-1-01",
    "2024/01/01",
    "2024-01-01T10:00",
    " 2024-01-01",
    "",
    "1899-12-31",
    "3000-01-01",
    "abcd-ef-gh",
    NULL,
  };
  static const char *const valid[] = { "2024-02-29", "1900-01-01", "2999-12-31", "2000-02-29" };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_occurred_on (draft, invalid[i]);
      g_assert_false (outlay_date_is_valid (invalid[i]));
      assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_DATE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_occurred_on (draft, valid[i]);
      g_assert_true (outlay_date_is_valid (valid[i]));
      assert_accepted (fixture, draft);
    }
}

static char *
repeat (const char *unit,
        guint       times)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_validate_description (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autofree char *too_long = repeat ("é", OUTLAY_DESCRIPTION_MAX_LENGTH + 1);
  g_autofree char *longest = repeat ("é", OUTLAY_DESCRIPTION_MAX_LENGTH);
  const char      *invalid[] = {
         "",
         " ",
         too_long,
         "Lunch\x01",
         "Lunch\x7f",
         "Lunch\tout",
         "Lunch\nout",
         "Lunch\x1b[31m",
         "Bad \xff byte",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_description (draft, invalid[i]);
      assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION);
    }

  /* Blank is blank, whatever the space. */
  {
    g_autoptr (OutlayExpense) draft = valid_draft (fixture);

    outlay_expense_set_description (draft, " \u00a0\u2003 ");
    assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION);
  }

  /* The limit counts characters, not bytes. */
  {
    g_autoptr (OutlayExpense) draft = valid_draft (fixture);

    outlay_expense_set_description (draft, longest);
    assert_accepted (fixture, draft);
  }
}

static void
test_validate_note (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autofree char *too_long = repeat ("ü", OUTLAY_NOTE_MAX_LENGTH + 1);
  g_autofree char *longest = repeat ("ü", OUTLAY_NOTE_MAX_LENGTH);
  const char      *invalid[] = { too_long, "Bell\x07", "Escape\x1b", "Bad \xc3 byte" };
  const char      *valid[] = { longest, "", "First line\nSecond line" };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_note (draft, invalid[i]);
      assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_NOTE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_note (draft, valid[i]);
      assert_accepted (fixture, draft);
    }
}

static void
test_validate_category (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  gint64 travel = category (fixture, TRAVEL);
  gint64 invalid[] = { 0, -1, 9999, travel };

  g_assert_true (outlay_repository_delete_category (fixture->repository, travel, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_category_id (draft, invalid[i]);
      assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY);
    }
}

static void
test_validate_bulk (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) kept = outlay_test_add (fixture, 500, "EUR", "2024-01-01", "Kept", category (fixture, FOOD));
  g_autofree char *before = outlay_test_dump_store (handle (fixture));
  g_autofree char *after = NULL;
  OutlayExpense   *drafts[5];

  g_array_set_size (fixture->changes, 0);

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_autofree char *description = g_strdup_printf ("Bulk %u", i + 1);

      drafts[i] = outlay_test_draft (100 * (i + 1), "EUR", "2024-02-01", description, category (fixture, GROCERIES));
    }

  outlay_expense_set_amount (drafts[2], 0);
  g_assert_false (outlay_repository_add_expenses (fixture->repository, drafts, G_N_ELEMENTS (drafts), &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT);
  g_assert_nonnull (strstr (error->message, "Expense 3 of 5"));
  g_clear_error (&error);

  outlay_expense_set_amount (drafts[2], 300);
  outlay_expense_set_occurred_on (drafts[4], "2024-02-30");
  g_assert_false (outlay_repository_add_expenses (fixture->repository, drafts, G_N_ELEMENTS (drafts), &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_DATE);
  g_assert_nonnull (strstr (error->message, "Expense 5 of 5"));
  g_clear_error (&error);

  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 1);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* Once every draft is right, all of them are added, in one signal. */
  outlay_expense_set_occurred_on (drafts[4], "2024-02-29");
  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, G_N_ELEMENTS (drafts), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 6);
  g_assert_cmpuint (fixture->changes->len, ==, 1);

  /* Nothing to add is not an error and not a change. */
  g_assert_true (outlay_repository_add_expenses (fixture->repository, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    g_object_unref (drafts[i]);
}

/* Update */

static void
test_update (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) stored = outlay_test_add (fixture, 1000, "EUR", "2024-03-15", "Lunch", category (fixture, FOOD));
  g_autoptr (OutlayExpense) edit = outlay_expense_copy (stored);
  g_autoptr (OutlayExpense) updated = NULL;
  g_autoptr (OutlayExpense) read = NULL;
  OutlayTestChange *change;

  g_array_set_size (fixture->changes, 0);
  let_time_pass ();

  outlay_expense_set_amount (edit, 2450);
  outlay_expense_set_currency (edit, "USD");
  outlay_expense_set_description (edit, "  Dinner with Sam ");
  outlay_expense_set_note (edit, "Birthday");
  outlay_expense_set_category_id (edit, category (fixture, ENTERTAINMENT));
  outlay_expense_set_occurred_on (edit, "2024-04-01");

  updated = outlay_repository_update_expense (fixture->repository, edit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (updated);

  g_assert_cmpint (outlay_expense_get_id (updated), ==, outlay_expense_get_id (stored));
  g_assert_cmpstr (outlay_expense_get_uuid (updated), ==, outlay_expense_get_uuid (stored));
  g_assert_cmpint (outlay_expense_get_amount (updated), ==, 2450);
  g_assert_cmpstr (outlay_expense_get_currency (updated), ==, "USD");
  g_assert_cmpstr (outlay_expense_get_description (updated), ==, "Dinner with Sam");
  g_assert_cmpstr (outlay_expense_get_note (updated), ==, "Birthday");
  g_assert_cmpint (outlay_expense_get_category_id (updated), ==, category (fixture, ENTERTAINMENT));
  g_assert_cmpstr (outlay_expense_get_occurred_on (updated), ==, "2024-04-01");
  g_assert_null (outlay_expense_get_deleted_at (updated));

  /* created_at stays; updated_at moves forward. */
  g_assert_cmpstr (outlay_expense_get_created_at (updated), ==, outlay_expense_get_created_at (stored));
  assert_timestamp (outlay_expense_get_updated_at (updated));
  g_assert_cmpstr (outlay_expense_get_updated_at (updated), >, outlay_expense_get_updated_at (stored));

  read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_true (outlay_expense_equal (read, updated));

  g_assert_cmpuint (fixture->changes->len, ==, 1);
  change = &g_array_index (fixture->changes, OutlayTestChange, 0);
  g_assert_cmpint (change->kind, ==, OUTLAY_CHANGE_UPDATED);
  g_assert_false (change->in_transaction);
  g_assert_nonnull (change->before);
  g_assert_nonnull (change->after);
  g_assert_true (outlay_expense_equal (change->before, stored));
  g_assert_true (outlay_expense_equal (change->after, updated));

  /* An invalid edit is refused and leaves the stored row alone. */
  outlay_expense_set_amount (edit, -5);
  g_assert_null (outlay_repository_update_expense (fixture->repository, edit, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT);
  g_clear_error (&error);
  g_clear_object (&read);
  read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (stored), &error);
  g_assert_true (outlay_expense_equal (read, updated));
  g_assert_cmpuint (fixture->changes->len, ==, 1);
}

static void
test_update_missing (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) stored = outlay_test_add (fixture, 1000, "EUR", "2024-03-15", "Lunch", category (fixture, FOOD));
  g_autoptr (OutlayExpense) ghost = valid_draft (fixture);
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) edit = outlay_expense_copy (stored);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  outlay_expense_set_identity (ghost, outlay_expense_get_id (stored) + 100, NULL);
  before = outlay_test_dump_store (handle (fixture));
  g_array_set_size (fixture->changes, 0);

  g_assert_null (outlay_repository_update_expense (fixture->repository, ghost, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (stored), &error);
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = outlay_test_dump_store (handle (fixture));
  g_array_set_size (fixture->changes, 0);

  outlay_expense_set_amount (edit, 5000);
  g_assert_null (outlay_repository_update_expense (fixture->repository, edit, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

/* Soft delete */

static guint
total_count (Fixture    *fixture,
             const char *currency)
{
  g_autoptr (GError) error = NULL;
  OutlayTotal total = { -1, G_MAXUINT };

  g_assert_true (outlay_repository_get_total (fixture->repository, currency, NULL, NULL, &total, &error));
  g_assert_no_error (error);

  return total.count;
}

static gint64
total_amount (Fixture    *fixture,
              const char *currency,
              const char *from,
              const char *to)
{
  g_autoptr (GError) error = NULL;
  OutlayTotal total = { -1, G_MAXUINT };

  g_assert_true (outlay_repository_get_total (fixture->repository, currency, from, to, &total, &error));
  g_assert_no_error (error);

  return total.total;
}

static GArray *
find_ids (Fixture           *fixture,
          const OutlayQuery *query)
{
  g_autoptr (GError) error = NULL;
  GArray *ids = outlay_repository_find_expense_ids (fixture->repository, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static gboolean
search_finds (Fixture    *fixture,
              const char *text,
              gint64      id)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GArray) ids = NULL;

  outlay_query_set_text (query, text);
  ids = find_ids (fixture, query);

  return ids_contain (ids, id);
}

static void
test_soft_delete (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) a = outlay_test_add (fixture, 1000, "EUR", "2024-03-01", "Lunch", category (fixture, FOOD));
  g_autoptr (OutlayExpense) b = outlay_test_add (fixture, 2500, "EUR", "2024-03-02", "Theatre tickets", category (fixture, ENTERTAINMENT));
  g_autoptr (OutlayExpense) c = outlay_test_add (fixture, 400, "EUR", "2024-03-03", "Bus", category (fixture, TRANSPORT));
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) read = NULL;
  g_autoptr (OutlayExpense) restored = NULL;
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GArray) by_category = NULL;
  g_autofree char  *before = NULL;
  g_autofree char  *after = NULL;
  gint64            id = outlay_expense_get_id (b);
  OutlayTestChange *change;
  OutlayExpense    *none;

  g_assert_true (search_finds (fixture, "theatre", id));
  g_array_set_size (fixture->changes, 0);

  deleted = outlay_repository_delete_expense (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  assert_timestamp (outlay_expense_get_deleted_at (deleted));
  g_assert_cmpint (outlay_expense_get_amount (deleted), ==, 2500);
  g_assert_cmpstr (outlay_expense_get_description (deleted), ==, "Theatre tickets");

  /* The row is kept, marked. */
  read = outlay_repository_get_expense (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_expense_equal (read, deleted));
  g_assert_nonnull (outlay_expense_get_deleted_at (read));

  /* …but it is gone from the lists, the counts, the totals and search. */
  ids = find_ids (fixture, query);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_false (ids_contain (ids, id));
  found = outlay_repository_find_expenses (fixture->repository, query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpint (outlay_expense_get_id (g_ptr_array_index (found, i)), !=, id);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 2);
  g_assert_cmpint (total_amount (fixture, "EUR", NULL, NULL), ==, 1400);
  g_assert_cmpuint (total_count (fixture, "EUR"), ==, 2);
  by_category = outlay_repository_totals_by_category (fixture->repository, "EUR", NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < by_category->len; i++)
    g_assert_cmpint (g_array_index (by_category, OutlayCategoryTotal, i).category_id, !=, category (fixture, ENTERTAINMENT));
  g_assert_false (search_finds (fixture, "theatre", id));

  g_assert_cmpuint (fixture->changes->len, ==, 1);
  change = &g_array_index (fixture->changes, OutlayTestChange, 0);
  g_assert_cmpint (change->kind, ==, OUTLAY_CHANGE_REMOVED);
  g_assert_false (change->in_transaction);
  g_assert_true (outlay_expense_equal (change->before, b));
  g_assert_true (outlay_expense_equal (change->after, deleted));

  /* Deleting twice, or something that does not exist, fails and changes
   * nothing. */
  before = outlay_test_dump_store (handle (fixture));
  none = outlay_repository_delete_expense (fixture->repository, id, &error);
  g_assert_null (none);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = outlay_repository_delete_expense (fixture->repository, id + 1000, &error);
  g_assert_null (none);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changes->len, ==, 1);

  /* Undo brings it back exactly as it was. */
  restored = outlay_repository_restore_expense (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_true (outlay_expense_equal (restored, b));
  g_clear_object (&read);
  read = outlay_repository_get_expense (fixture->repository, id, &error);
  g_assert_true (outlay_expense_equal (read, b));

  g_assert_cmpuint (fixture->changes->len, ==, 2);
  change = &g_array_index (fixture->changes, OutlayTestChange, 1);
  g_assert_cmpint (change->kind, ==, OUTLAY_CHANGE_RESTORED);
  g_assert_false (change->in_transaction);
  g_assert_true (outlay_expense_equal (change->before, deleted));
  g_assert_true (outlay_expense_equal (change->after, b));

  g_clear_pointer (&ids, g_array_unref);
  ids = find_ids (fixture, query);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, id);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 3);
  g_assert_cmpint (total_amount (fixture, "EUR", NULL, NULL), ==, 3900);
  g_assert_true (search_finds (fixture, "theatre", id));

  /* Restoring what is not deleted fails and changes nothing. */
  g_clear_pointer (&before, g_free);
  before = outlay_test_dump_store (handle (fixture));
  none = outlay_repository_restore_expense (fixture->repository, id, &error);
  g_assert_null (none);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (a), &error);
  g_assert_null (none);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = outlay_repository_restore_expense (fixture->repository, id + 1000, &error);
  g_assert_null (none);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
}

/* The "expenses-changed" signal */

static void
test_changed_signal (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (OutlayExpense) bad = valid_draft (fixture);
  OutlayExpense    *drafts[3];
  OutlayTestChange *change;
  guint             n_moved = G_MAXUINT;
  gint64            groceries = category (fixture, GROCERIES);
  gint64            health = category (fixture, HEALTH);

  g_assert_cmpuint (fixture->changes->len, ==, 0);

  stored = outlay_test_add (fixture, 1000, "EUR", "2024-03-15", "Lunch", category (fixture, FOOD));
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  change = &g_array_index (fixture->changes, OutlayTestChange, 0);
  g_assert_cmpint (change->kind, ==, OUTLAY_CHANGE_ADDED);
  g_assert_null (change->before);
  g_assert_nonnull (change->after);
  g_assert_true (outlay_expense_equal (change->after, stored));
  g_assert_false (change->in_transaction);

  /* A bulk addition is one reset. */
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    drafts[i] = outlay_test_draft (100 + i, "EUR", "2024-03-16", "Bulk", groceries);
  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, G_N_ELEMENTS (drafts), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    g_object_unref (drafts[i]);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  change = &g_array_index (fixture->changes, OutlayTestChange, 1);
  g_assert_cmpint (change->kind, ==, OUTLAY_CHANGE_RESET);
  g_assert_null (change->before);
  g_assert_null (change->after);
  g_assert_false (change->in_transaction);

  /* Failures say nothing. */
  outlay_expense_set_description (bad, "");
  g_assert_null (outlay_repository_add_expense (fixture->repository, bad, &error));
  g_clear_error (&error);
  g_assert_null (outlay_repository_delete_expense (fixture->repository, 424242, &error));
  g_clear_error (&error);
  g_assert_null (outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (stored), &error));
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changes->len, ==, 2);

  /* Deleting a category that has expenses moves them: a reset. */
  g_assert_true (outlay_repository_delete_category (fixture->repository, groceries, &n_moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_moved, ==, 3);
  g_assert_cmpuint (fixture->changes->len, ==, 3);
  change = &g_array_index (fixture->changes, OutlayTestChange, 2);
  g_assert_cmpint (change->kind, ==, OUTLAY_CHANGE_RESET);
  g_assert_false (change->in_transaction);

  /* Deleting one without expenses changes no expense. */
  g_assert_true (outlay_repository_delete_category (fixture->repository, health, &n_moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_moved, ==, 0);
  g_assert_cmpuint (fixture->changes->len, ==, 3);

  /* Category edits are not expense changes. */
  g_assert_true (outlay_repository_rename_category (fixture->repository, category (fixture, FOOD), "Eating out", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 3);
}

/* Property notifications */

typedef struct
{
  GHashTable *counts; /* property name → count */
} NotifyLog;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              NotifyLog  *log)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static guint
notified (NotifyLog  *log,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static guint
notified_total (NotifyLog *log)
{
  GHashTableIter iter;
  gpointer       value;
  guint          total = 0;

  g_hash_table_iter_init (&iter, log->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

static void
test_expense_notify (void)
{
  g_autoptr (OutlayExpense) expense = outlay_test_draft (1000, "EUR", "2024-03-15", "Lunch", 1);
  g_autoptr (OutlayExpense) same = NULL;
  g_autoptr (GDate) date = g_date_new_dmy (15, G_DATE_MARCH, 2024);
  NotifyLog log = { g_hash_table_new (g_str_hash, g_str_equal) };

  outlay_expense_set_note (expense, "");
  same = outlay_expense_copy (expense);
  g_signal_connect (expense, "notify", G_CALLBACK (on_notify_cb), &log);

  /* The same values: not a word. */
  outlay_expense_set_amount (expense, 1000);
  outlay_expense_set_currency (expense, "EUR");
  outlay_expense_set_description (expense, "Lunch");
  outlay_expense_set_note (expense, "");
  outlay_expense_set_note (expense, NULL);
  outlay_expense_set_category_id (expense, 1);
  outlay_expense_set_occurred_on (expense, "2024-03-15");
  outlay_expense_set_date (expense, date);
  g_object_set (expense,
                "amount", (gint64) 1000,
                "currency", "EUR",
                "description", "Lunch",
                "category-id", (gint64) 1,
                "occurred-on", "2024-03-15",
                NULL);
  outlay_expense_assign (expense, same);
  g_assert_cmpuint (notified_total (&log), ==, 0);

  /* Each real change: exactly one notification, for that property. */
  outlay_expense_set_amount (expense, 1001);
  g_assert_cmpuint (notified (&log, "amount"), ==, 1);
  outlay_expense_set_currency (expense, "USD");
  g_assert_cmpuint (notified (&log, "currency"), ==, 1);
  outlay_expense_set_description (expense, "Dinner");
  g_assert_cmpuint (notified (&log, "description"), ==, 1);
  outlay_expense_set_note (expense, "With Sam");
  g_assert_cmpuint (notified (&log, "note"), ==, 1);
  outlay_expense_set_category_id (expense, 2);
  g_assert_cmpuint (notified (&log, "category-id"), ==, 1);
  g_date_set_day (date, 16);
  outlay_expense_set_date (expense, date);
  g_assert_cmpstr (outlay_expense_get_occurred_on (expense), ==, "2024-03-16");
  g_assert_cmpuint (notified (&log, "occurred-on"), ==, 1);
  g_object_set (expense, "amount", (gint64) 1002, NULL);
  g_assert_cmpuint (notified (&log, "amount"), ==, 2);
  g_assert_cmpuint (notified_total (&log), ==, 7);

  /* Assigning notifies what differs, once each. */
  g_hash_table_remove_all (log.counts);
  outlay_expense_assign (expense, same);
  g_assert_true (outlay_expense_equal (expense, same));
  g_assert_cmpuint (notified (&log, "amount"), ==, 1);
  g_assert_cmpuint (notified (&log, "currency"), ==, 1);
  g_assert_cmpuint (notified (&log, "description"), ==, 1);
  g_assert_cmpuint (notified (&log, "note"), ==, 1);
  g_assert_cmpuint (notified (&log, "category-id"), ==, 1);
  g_assert_cmpuint (notified (&log, "occurred-on"), ==, 1);
  g_assert_cmpuint (notified_total (&log), ==, 6);

  g_signal_handlers_disconnect_by_func (expense, on_notify_cb, &log);
  g_hash_table_unref (log.counts);
}

/* Categories */

static guint
position_of (GListModel *model,
             gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) item = g_list_model_get_item (model, i);

      if (outlay_category_get_id (item) == id)
        return i;
    }

  return G_MAXUINT;
}

/* The stored positions sort the categories in the order of the list, so
 * that the next start shows the same order. */
static void
assert_positions_follow_order (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  int   previous = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) item = g_list_model_get_item (model, i);

      g_assert_cmpint (outlay_category_get_position (item), >, previous);
      previous = outlay_category_get_position (item);
    }
}

static void
on_count_cb (gpointer instance,
             guint   *count)
{
  (*count)++;
}

static void
test_category_add (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  g_autoptr (OutlayCategory) last = NULL;
  g_autofree char *long_name = repeat ("n", OUTLAY_CATEGORY_NAME_MAX_LENGTH + 1);
  OutlayCategory  *pets;
  guint            categories_changed = 0;
  struct
  {
    const char *name;
    const char *icon_name;
    const char *color;
    int         code;
  } invalid[] = {
    { "food & drink", "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { "  OTHER ", "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { "", "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { "   ", "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { long_name, "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { "Tab\tname", "pets-symbolic", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_NAME },
    { "Kids", "", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_ICON },
    { "Kids", "../../etc/passwd", "#123456", OUTLAY_REPOSITORY_ERROR_INVALID_ICON },
    { "Kids", "kids-symbolic", "red", OUTLAY_REPOSITORY_ERROR_INVALID_COLOR },
    { "Kids", "kids-symbolic", "#12345", OUTLAY_REPOSITORY_ERROR_INVALID_COLOR },
    { "Kids", "kids-symbolic", "#1234567", OUTLAY_REPOSITORY_ERROR_INVALID_COLOR },
    { "Kids", "kids-symbolic", "#12345g", OUTLAY_REPOSITORY_ERROR_INVALID_COLOR },
    { "Kids", "kids-symbolic", NULL, OUTLAY_REPOSITORY_ERROR_INVALID_COLOR },
  };

  g_signal_connect (fixture->repository, "categories-changed", G_CALLBACK (on_count_cb), &categories_changed);

  pets = outlay_repository_add_category (fixture->repository, "  Pets ", "pets-symbolic", "#aabbcc", &error);
  g_assert_no_error (error);
  g_assert_nonnull (pets);
  g_assert_cmpuint (categories_changed, ==, 1);

  /* At the end of the list, trimmed, with its own identity. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);
  last = g_list_model_get_item (model, 10);
  g_assert_true (last == pets);
  g_assert_cmpstr (outlay_category_get_name (pets), ==, "Pets");
  g_assert_cmpstr (outlay_category_get_icon_name (pets), ==, "pets-symbolic");
  g_assert_cmpstr (outlay_category_get_color (pets), ==, "#aabbcc");
  assert_positions_follow_order (model);
  g_assert_true (g_uuid_string_is_valid (outlay_category_get_uuid (pets)));
  assert_timestamp (outlay_category_get_created_at (pets));
  g_assert_true (outlay_repository_lookup_category (fixture->repository, outlay_category_get_id (pets)) == pets);
  /* Other stays the fallback, wherever it is. */
  g_assert_cmpstr (outlay_category_get_name (outlay_repository_get_fallback_category (fixture->repository)), ==, "Other");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      OutlayCategory *none;

      none = outlay_repository_add_category (fixture->repository, invalid[i].name, invalid[i].icon_name, invalid[i].color, &error);
      g_assert_null (none);
      g_assert_error (error, OUTLAY_REPOSITORY_ERROR, invalid[i].code);
      g_clear_error (&error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);
  g_assert_cmpuint (categories_changed, ==, 1);

  /* It survives a reopen, in its place. */
  outlay_test_fixture_close (fixture);
  outlay_test_fixture_open (fixture);
  model = outlay_repository_get_categories (fixture->repository);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);
  g_clear_object (&last);
  last = g_list_model_get_item (model, 10);
  g_assert_cmpstr (outlay_category_get_name (last), ==, "Pets");
}

static void
test_category_rename (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  g_autoptr (GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (OutlayCategory) food = g_list_model_get_item (model, FOOD);
  g_autofree char *updated_at = g_strdup (outlay_category_get_updated_at (food));
  NotifyLog        log = { g_hash_table_new (g_str_hash, g_str_equal) };
  guint            n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (held, g_list_model_get_item (model, i));
  g_signal_connect (food, "notify", G_CALLBACK (on_notify_cb), &log);
  let_time_pass ();

  g_assert_true (outlay_repository_rename_category (fixture->repository, outlay_category_get_id (food), " Eating out ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_category_get_name (food), ==, "Eating out");
  g_assert_cmpuint (notified (&log, "name"), ==, 1);
  g_assert_cmpuint (notified (&log, "color"), ==, 0);
  g_assert_cmpuint (notified (&log, "position"), ==, 0);
  g_assert_cmpstr (outlay_category_get_updated_at (food), >, updated_at);

  /* Whoever holds a category keeps the live object. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (held, i));
    }

  /* The same name in another case is the same category. */
  g_assert_true (outlay_repository_rename_category (fixture->repository, outlay_category_get_id (food), "EATING OUT", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_category_get_name (food), ==, "EATING OUT");
  g_assert_cmpuint (notified (&log, "name"), ==, 2);

  /* Renaming to the current name notifies nothing about the name. */
  g_assert_true (outlay_repository_rename_category (fixture->repository, outlay_category_get_id (food), "EATING OUT", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified (&log, "name"), ==, 2);

  /* Another category's name, in any case, is taken. */
  g_assert_false (outlay_repository_rename_category (fixture->repository, outlay_category_get_id (food), "groceries", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (outlay_repository_rename_category (fixture->repository, outlay_category_get_id (food), "", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (outlay_repository_rename_category (fixture->repository, 9999, "Nowhere", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (outlay_category_get_name (food), ==, "EATING OUT");
  g_assert_cmpuint (notified (&log, "name"), ==, 2);

  g_signal_handlers_disconnect_by_func (food, on_notify_cb, &log);
  g_hash_table_unref (log.counts);
}

static void
test_category_recolor (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  g_autoptr (OutlayCategory) health = g_list_model_get_item (model, HEALTH);
  g_autofree char         *color = g_strdup (outlay_category_get_color (health));
  NotifyLog                log = { g_hash_table_new (g_str_hash, g_str_equal) };
  static const char *const invalid[] = { "", "red", "#12345", "#1234567", "#12345g", "123456#", "rgb(1,2,3)" };

  g_signal_connect (health, "notify", G_CALLBACK (on_notify_cb), &log);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (outlay_repository_recolor_category (fixture->repository, outlay_category_get_id (health), invalid[i], &error));
      g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_COLOR);
      g_clear_error (&error);
    }
  g_assert_cmpstr (outlay_category_get_color (health), ==, color);
  g_assert_cmpuint (notified (&log, "color"), ==, 0);

  g_assert_true (outlay_repository_recolor_category (fixture->repository, outlay_category_get_id (health), "#12Ab9f", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_category_get_color (health), ==, "#12Ab9f");
  g_assert_cmpuint (notified (&log, "color"), ==, 1);
  g_assert_cmpuint (notified (&log, "name"), ==, 0);

  g_assert_false (outlay_repository_recolor_category (fixture->repository, 9999, "#000000", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Stored, not only on the object. */
  outlay_test_fixture_close (fixture);
  outlay_test_fixture_open (fixture);
  g_clear_object (&health);
  health = g_list_model_get_item (outlay_repository_get_categories (fixture->repository), HEALTH);
  g_assert_cmpstr (outlay_category_get_color (health), ==, "#12Ab9f");

  g_hash_table_unref (log.counts);
}

static void
assert_order (GListModel        *model,
              const char *const *names)
{
  guint n = g_strv_length ((char **) names);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (outlay_category_get_name (item), ==, names[i]);
    }
  assert_positions_follow_order (model);
}

static void
test_category_move (Fixture      *fixture,
                    gconstpointer user_data)
{
  static const char *const other_first[] = {
    "Other",
    "Food & Drink",
    "Groceries",
    "Transport",
    "Housing",
    "Utilities",
    "Health",
    "Shopping",
    "Entertainment",
    "Travel",
    NULL,
  };
  static const char *const food_fifth[] = {
    "Other",
    "Groceries",
    "Transport",
    "Housing",
    "Food & Drink",
    "Utilities",
    "Health",
    "Shopping",
    "Entertainment",
    "Travel",
    NULL,
  };
  static const char *const travel_second[] = {
    "Other",
    "Travel",
    "Groceries",
    "Transport",
    "Housing",
    "Food & Drink",
    "Utilities",
    "Health",
    "Shopping",
    "Entertainment",
    NULL,
  };
  g_autoptr (GError) error = NULL;
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  g_autoptr (OutlayCategory) other = g_list_model_get_item (model, OTHER);
  g_autoptr (OutlayCategory) food = g_list_model_get_item (model, FOOD);
  gint64 travel = category (fixture, TRAVEL);

  g_assert_true (outlay_repository_move_category (fixture->repository, outlay_category_get_id (other), 0, &error));
  g_assert_no_error (error);
  assert_order (model, other_first);
  {
    g_autoptr (OutlayCategory) first = g_list_model_get_item (model, 0);

    g_assert_true (first == other);
  }

  g_assert_true (outlay_repository_move_category (fixture->repository, outlay_category_get_id (food), 4, &error));
  g_assert_no_error (error);
  assert_order (model, food_fifth);
  g_assert_cmpuint (position_of (model, outlay_category_get_id (food)), ==, 4);

  g_assert_true (outlay_repository_move_category (fixture->repository, travel, 1, &error));
  g_assert_no_error (error);
  assert_order (model, travel_second);

  /* Moving to where it is changes nothing. */
  g_assert_true (outlay_repository_move_category (fixture->repository, travel, 1, &error));
  g_assert_no_error (error);
  assert_order (model, travel_second);

  g_assert_false (outlay_repository_move_category (fixture->repository, travel, 10, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION);
  g_clear_error (&error);
  g_assert_false (outlay_repository_move_category (fixture->repository, 9999, 0, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_order (model, travel_second);

  /* The order is stored. */
  g_clear_object (&other);
  g_clear_object (&food);
  outlay_test_fixture_close (fixture);
  outlay_test_fixture_open (fixture);
  assert_order (outlay_repository_get_categories (fixture->repository), travel_second);
  g_assert_cmpstr (outlay_category_get_name (outlay_repository_get_fallback_category (fixture->repository)), ==, "Other");
}

static void
test_category_delete (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GListModel *model = outlay_repository_get_categories (fixture->repository);
  gint64      transport = category (fixture, TRANSPORT);
  gint64      other = category (fixture, OTHER);
  g_autoptr (OutlayCategory) food = g_list_model_get_item (model, FOOD);
  g_autoptr (OutlayExpense) bus = outlay_test_add (fixture, 290, "EUR", "2024-03-01", "Bus", transport);
  g_autoptr (OutlayExpense) train = outlay_test_add (fixture, 2350, "EUR", "2024-03-02", "Train", transport);
  g_autoptr (OutlayExpense) taxi = outlay_test_add (fixture, 1800, "EUR", "2024-03-03", "Taxi", transport);
  g_autoptr (OutlayExpense) lunch = outlay_test_add (fixture, 1200, "EUR", "2024-03-03", "Lunch", outlay_category_get_id (food));
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) read = NULL;
  g_autoptr (OutlayExpense) restored = NULL;
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (GArray) totals = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  OutlayCategory  *again;
  guint            n_moved = G_MAXUINT;

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (taxi), &error);
  g_assert_no_error (error);

  g_assert_true (outlay_repository_delete_category (fixture->repository, transport, &n_moved, &error));
  g_assert_no_error (error);

  /* Every expense moved, the deleted one too, and was counted. */
  g_assert_cmpuint (n_moved, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);
  g_assert_null (outlay_repository_lookup_category (fixture->repository, transport));
  g_assert_cmpuint (position_of (model, transport), ==, G_MAXUINT);
  assert_positions_follow_order (model);

  read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (bus), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_category_id (read), ==, other);
  g_clear_object (&read);
  read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (taxi), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_category_id (read), ==, other);
  g_assert_nonnull (outlay_expense_get_deleted_at (read));
  g_clear_object (&read);
  read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (lunch), &error);
  g_assert_true (outlay_expense_equal (read, lunch));

  /* The totals follow: Other now holds the live transport expenses. */
  totals = outlay_repository_totals_by_category (fixture->repository, "EUR", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpint (g_array_index (totals, OutlayCategoryTotal, 0).category_id, ==, other);
  g_assert_cmpint (g_array_index (totals, OutlayCategoryTotal, 0).total, ==, 290 + 2350);
  g_assert_cmpuint (g_array_index (totals, OutlayCategoryTotal, 0).count, ==, 2);
  g_assert_cmpint (g_array_index (totals, OutlayCategoryTotal, 1).category_id, ==, outlay_category_get_id (food));
  outlay_test_assert_summary_consistent (handle (fixture));

  /* Undoing the deletion of the taxi brings it back in Other. */
  restored = outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (taxi), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_expense_get_category_id (restored), ==, other);
  g_assert_cmpint (total_amount (fixture, "EUR", NULL, NULL), ==, 290 + 2350 + 1800 + 1200);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* A deleted category takes no new expense… */
  draft = outlay_test_draft (100, "EUR", "2024-03-05", "Metro", transport);
  assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY);

  /* …and cannot be deleted, renamed or moved again. */
  before = outlay_test_dump_store (handle (fixture));
  g_assert_false (outlay_repository_delete_category (fixture->repository, transport, &n_moved, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_repository_rename_category (fixture->repository, transport, "Vehicles", &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_repository_move_category (fixture->repository, transport, 0, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Other takes the expenses of the others and stays. */
  g_assert_false (outlay_repository_delete_category (fixture->repository, other, &n_moved, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_PROTECTED);
  g_clear_error (&error);
  after = outlay_test_dump_store (handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);

  /* Its name is free again. */
  again = outlay_repository_add_category (fixture->repository, "Transport", "bus-symbolic", "#3584e4", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpint (outlay_category_get_id (again), !=, transport);
  g_assert_cmpuint (position_of (model, outlay_category_get_id (again)), ==, 9);
  assert_positions_follow_order (model);

  /* The objects others hold are still the ones in the list. */
  {
    g_autoptr (OutlayCategory) first = g_list_model_get_item (model, FOOD);

    g_assert_true (first == food);
  }
}

/* Queries */

typedef struct
{
  gint64      amount;
  const char *currency;
  const char *occurred_on;
  const char *description;
  const char *note;
  guint       category;
  gboolean    deleted;
} SampleRow;

static const SampleRow samples[] = {
  /*  0 */ { 450, "EUR", "2024-03-01", "Café au lait", "", FOOD, FALSE },
  /*  1 */ { 1290, "EUR", "2024-03-01", "Cafeteria lunch", "", FOOD, FALSE },
  /*  2 */ { 899, "EUR", "2024-02-14", "Coffee beans", "Bought at the café on the corner", GROCERIES, FALSE },
  /*  3 */ { 290, "EUR", "2024-03-05", "Bus ticket", "", TRANSPORT, FALSE },
  /*  4 */ { 2350, "EUR", "2024-01-20", "Train ticket to Lyon", "", TRANSPORT, FALSE },
  /*  5 */ { 1290, "EUR", "2024-03-05", "Lunch with \"Bob\"", "", FOOD, FALSE },
  /*  6 */ { 85000, "EUR", "2024-03-01", "rent", "March", HOUSING, FALSE },
  /*  7 */ { 85000, "EUR", "2024-02-01", "Rent", "February", HOUSING, FALSE },
  /*  8 */ { 4312, "EUR", "2024-02-20", "Groceries at Lidl", "", GROCERIES, FALSE },
  /*  9 */ { 1999, "USD", "2024-02-20", "Book", "", SHOPPING, FALSE },
  /* 10 */ { 1500, "EUR", "2024-03-05", "Cinema", "Dune, part two", ENTERTAINMENT, FALSE },
  /* 11 */ { 700, "EUR", "2024-03-02", "Coffee", "", FOOD, TRUE },
  /* 12 */ { 1290, "EUR", "2024-03-01", "Rent", "Garage", HOUSING, FALSE },
};

#define N_SAMPLES G_N_ELEMENTS (samples)
#define SAMPLE(i) (1u << (i))
#define ALL_SAMPLES ((1u << N_SAMPLES) - 1)

typedef struct
{
  gint64 ids[N_SAMPLES];
  gint64 category_ids[N_SAMPLES];
} Samples;

static void
add_samples (Fixture *fixture,
             Samples *out)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < N_SAMPLES; i++)
    {
      const SampleRow *row = &samples[i];
      g_autoptr (OutlayExpense) stored = outlay_test_add (fixture, row->amount, row->currency, row->occurred_on,
                                                          row->description, category (fixture, row->category));

      if (row->note[0] != '\0')
        {
          g_autoptr (OutlayExpense) updated = NULL;

          outlay_expense_set_note (stored, row->note);
          updated = outlay_repository_update_expense (fixture->repository, stored, &error);
          g_assert_no_error (error);
        }

      if (row->deleted)
        {
          g_autoptr (OutlayExpense) deleted = outlay_repository_delete_expense (fixture->repository,
                                                                                outlay_expense_get_id (stored),
                                                                                &error);
          g_assert_no_error (error);
        }

      out->ids[i] = outlay_expense_get_id (stored);
      out->category_ids[i] = outlay_expense_get_category_id (stored);
    }
}

typedef struct
{
  gint64           id;
  const SampleRow *row;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortItem    *x = a;
  const SortItem    *y = b;
  const OutlayQuery *query = user_data;
  int                result = 0;

  if (outlay_query_get_sort_field (query) == OUTLAY_SORT_AMOUNT)
    result = (x->row->amount > y->row->amount) - (x->row->amount < y->row->amount);
  else if (outlay_query_get_sort_field (query) == OUTLAY_SORT_DESCRIPTION)
    result = g_ascii_strcasecmp (x->row->description, y->row->description);
  else
    result = strcmp (x->row->occurred_on, y->row->occurred_on);

  /* Ties go by id, in the same direction. */
  if (result == 0)
    result = (x->id > y->id) - (x->id < y->id);

  return outlay_query_get_descending (query) ? -result : result;
}

/* The ids of the live samples in @mask, in the order of @query. */
static GArray *
expected_ids (const Samples     *data,
              const OutlayQuery *query,
              guint              mask)
{
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < N_SAMPLES; i++)
    {
      SortItem item = { data->ids[i], &samples[i] };

      if ((mask & SAMPLE (i)) != 0 && !samples[i].deleted)
        g_array_append_val (items, item);
    }

  g_array_sort_with_data (items, compare_items, (gpointer) query);

  for (guint i = 0; i < items->len; i++)
    g_array_append_val (ids, g_array_index (items, SortItem, i).id);

  return ids;
}

static char *
ids_to_string (GArray *ids)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", g_array_index (ids, gint64, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Every way to read a query gives the expected expenses, in order. */
static void
check_query (Fixture           *fixture,
             const Samples     *data,
             const OutlayQuery *query,
             guint              mask)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) expected = expected_ids (data, query, mask);
  g_autoptr (GArray) ids = find_ids (fixture, query);
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *expected_text = ids_to_string (expected);
  g_autofree char *ids_text = ids_to_string (ids);
  guint            count = G_MAXUINT;

  g_assert_cmpstr (ids_text, ==, expected_text);

  found = outlay_repository_find_expenses (fixture->repository, query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, expected->len);
  for (guint i = 0; i < found->len; i++)
    {
      OutlayExpense *expense = g_ptr_array_index (found, i);
      g_autoptr (OutlayExpense) read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (expense), &error);

      g_assert_cmpint (outlay_expense_get_id (expense), ==, g_array_index (expected, gint64, i));
      g_assert_true (outlay_expense_equal (expense, read));
    }

  g_assert_true (outlay_repository_count_expenses (fixture->repository, query, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, expected->len);

  /* Pages are slices of the whole. */
  for (guint offset = 0; offset <= expected->len; offset++)
    {
      g_autoptr (GPtrArray) page = outlay_repository_find_expenses (fixture->repository, query, offset, 2, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (2, expected->len - offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpint (outlay_expense_get_id (g_ptr_array_index (page, i)), ==,
                         g_array_index (expected, gint64, offset + i));
    }
}

static void
check_text (Fixture       *fixture,
            const Samples *data,
            const char    *text,
            guint          mask)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();

  g_test_message ("Searching for ‘%s’", text);
  outlay_query_set_text (query, text);
  check_query (fixture, data, query, mask);
}

static void
test_query_text (Fixture      *fixture,
                 gconstpointer user_data)
{
  static const char *const odd[] = {
    "\"",
    "\"\"",
    "\"\"\"",
    "'",
    "it's",
    "*",
    "-",
    "^",
    "+",
    ":",
    "(",
    ")",
    "NEAR(",
    "NEAR(bus train)",
    "AND",
    "OR",
    "NOT",
    "bus OR train",
    "bus NOT train",
    "description:rent",
    "{description}: rent",
    "\"bus",
    "bus\"",
    "\\",
    "%",
    "_",
    "ticket*",
    "bus\"*",
    "\xe2\x80\x8b",
  };
  Samples data;

  add_samples (fixture, &data);

  /* Accents and case do not matter; each word matches a word's start. */
  check_text (fixture, &data, "cafe", SAMPLE (0) | SAMPLE (1) | SAMPLE (2));
  check_text (fixture, &data, "CAFÉ", SAMPLE (0) | SAMPLE (1) | SAMPLE (2));
  check_text (fixture, &data, "Café au lait", SAMPLE (0));
  check_text (fixture, &data, "caf", SAMPLE (0) | SAMPLE (1) | SAMPLE (2));
  check_text (fixture, &data, "tick", SAMPLE (3) | SAMPLE (4));
  check_text (fixture, &data, "icket", 0);
  /* Words are ANDed, in any order. */
  check_text (fixture, &data, "ticket bus", SAMPLE (3));
  check_text (fixture, &data, "  lait   café ", SAMPLE (0));
  check_text (fixture, &data, "lunch", SAMPLE (1) | SAMPLE (5));
  check_text (fixture, &data, "lunch bob", SAMPLE (5));
  /* Notes are searched too. */
  check_text (fixture, &data, "dune", SAMPLE (10));
  check_text (fixture, &data, "rent march", SAMPLE (6));
  check_text (fixture, &data, "rent", SAMPLE (6) | SAMPLE (7) | SAMPLE (12));
  /* A deleted expense is never found. */
  check_text (fixture, &data, "coffee", SAMPLE (2));
  check_text (fixture, &data, "xylophone", 0);
  /* Quotes are plain characters. */
  check_text (fixture, &data, "\"Bob\"", SAMPLE (5));
  check_text (fixture, &data, "Bob\"", SAMPLE (5));
  check_text (fixture, &data, "\"bob", SAMPLE (5));
  /* An empty search is no search. */
  check_text (fixture, &data, "", ALL_SAMPLES);
  check_text (fixture, &data, "   ", ALL_SAMPLES);

  /* Nothing a person types is an error; operators are words. */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OutlayQuery) query = outlay_query_new ();
      g_autoptr (GArray) ids = NULL;
      g_autoptr (GPtrArray) found = NULL;
      guint count = G_MAXUINT;

      g_test_message ("Searching for ‘%s’", odd[i]);
      outlay_query_set_text (query, odd[i]);

      ids = outlay_repository_find_expense_ids (fixture->repository, query, &error);
      g_assert_no_error (error);
      g_assert_nonnull (ids);
      found = outlay_repository_find_expenses (fixture->repository, query, 0, 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (found);
      g_assert_true (outlay_repository_count_expenses (fixture->repository, query, &count, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, ids->len);
      g_assert_cmpuint (count, ==, ids->len);
    }

  /* Operators do not act as operators. */
  check_text (fixture, &data, "bus OR train", 0);
  check_text (fixture, &data, "description:rent", 0);
  check_text (fixture, &data, "NOT", 0);
}

static void
test_query_filters (Fixture      *fixture,
                    gconstpointer user_data)
{
  Samples data;
  guint   mask;

  add_samples (fixture, &data);

  /* Categories */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    gint64 food = category (fixture, FOOD);
    gint64 some[] = { category (fixture, TRANSPORT), food, food };
    gint64 other = category (fixture, OTHER);

    outlay_query_set_categories (query, &food, 1);
    check_query (fixture, &data, query, SAMPLE (0) | SAMPLE (1) | SAMPLE (5));

    outlay_query_set_categories (query, some, G_N_ELEMENTS (some));
    check_query (fixture, &data, query, SAMPLE (0) | SAMPLE (1) | SAMPLE (3) | SAMPLE (4) | SAMPLE (5));

    outlay_query_set_categories (query, &other, 1);
    check_query (fixture, &data, query, 0);

    outlay_query_set_categories (query, NULL, 0);
    check_query (fixture, &data, query, ALL_SAMPLES);
  }

  /* Dates, both ends included */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();

    outlay_query_set_date_range (query, "2024-02-20", "2024-03-01");
    mask = 0;
    for (guint i = 0; i < N_SAMPLES; i++)
      if (strcmp (samples[i].occurred_on, "2024-02-20") >= 0 && strcmp (samples[i].occurred_on, "2024-03-01") <= 0)
        mask |= SAMPLE (i);
    g_assert_cmpuint (mask, ==, SAMPLE (0) | SAMPLE (1) | SAMPLE (6) | SAMPLE (8) | SAMPLE (9) | SAMPLE (12));
    check_query (fixture, &data, query, mask);

    outlay_query_set_date_range (query, "2024-03-02", NULL);
    check_query (fixture, &data, query, SAMPLE (3) | SAMPLE (5) | SAMPLE (10));

    outlay_query_set_date_range (query, NULL, "2024-02-01");
    check_query (fixture, &data, query, SAMPLE (4) | SAMPLE (7));

    outlay_query_set_date_range (query, "2024-03-06", "2024-12-31");
    check_query (fixture, &data, query, 0);
  }

  /* Amounts, both ends included */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();

    outlay_query_set_amount_range (query, 1290, 2350);
    check_query (fixture, &data, query,
                 SAMPLE (1) | SAMPLE (4) | SAMPLE (5) | SAMPLE (9) | SAMPLE (10) | SAMPLE (12));

    outlay_query_set_amount_range (query, 85000, G_MAXINT64);
    check_query (fixture, &data, query, SAMPLE (6) | SAMPLE (7));

    outlay_query_set_amount_range (query, G_MININT64, 450);
    check_query (fixture, &data, query, SAMPLE (0) | SAMPLE (3));
  }

  /* Everything at once */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    gint64 food = category (fixture, FOOD);

    outlay_query_set_text (query, "cafe");
    outlay_query_set_categories (query, &food, 1);
    check_query (fixture, &data, query, SAMPLE (0) | SAMPLE (1));

    outlay_query_set_amount_range (query, 1000, G_MAXINT64);
    check_query (fixture, &data, query, SAMPLE (1));

    outlay_query_set_amount_range (query, G_MININT64, G_MAXINT64);
    outlay_query_set_date_range (query, "2024-03-02", NULL);
    check_query (fixture, &data, query, 0);

    outlay_query_set_text (query, NULL);
    outlay_query_set_categories (query, NULL, 0);
    outlay_query_set_date_range (query, "2024-03-01", "2024-03-01");
    outlay_query_set_amount_range (query, 1000, 2000);
    outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, FALSE);
    check_query (fixture, &data, query, SAMPLE (1) | SAMPLE (12));
  }
}

static void
test_query_sort (Fixture      *fixture,
                 gconstpointer user_data)
{
  static const OutlaySortField fields[] = { OUTLAY_SORT_DATE, OUTLAY_SORT_AMOUNT, OUTLAY_SORT_DESCRIPTION };
  g_autoptr (OutlayQuery) defaults = outlay_query_new ();
  Samples data;

  add_samples (fixture, &data);

  /* A new query is the newest first. */
  g_assert_cmpint (outlay_query_get_sort_field (defaults), ==, OUTLAY_SORT_DATE);
  g_assert_true (outlay_query_get_descending (defaults));
  check_query (fixture, &data, defaults, ALL_SAMPLES);

  /* The samples hold ties on every key: same days, same amounts, "rent"
   * and "Rent". */
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_autoptr (OutlayQuery) query = outlay_query_new ();

        outlay_query_set_sort (query, fields[f], descending);
        g_assert_cmpint (outlay_query_get_sort_field (query), ==, fields[f]);
        g_assert_cmpint (outlay_query_get_descending (query), ==, descending);
        check_query (fixture, &data, query, ALL_SAMPLES);

        outlay_query_set_text (query, "rent");
        check_query (fixture, &data, query, SAMPLE (6) | SAMPLE (7) | SAMPLE (12));
      }

  /* Spot check, independent of the comparator above. */
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (GArray) ids = NULL;

    outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, TRUE);
    ids = find_ids (fixture, query);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, data.ids[7]);
    g_assert_cmpint (g_array_index (ids, gint64, 1), ==, data.ids[6]);
    g_assert_cmpint (g_array_index (ids, gint64, ids->len - 1), ==, data.ids[3]);
  }
}

/* Aggregates */

typedef struct
{
  OutlayExpense *a, *b, *c, *d, *e, *f, *g;
} AggregateSamples;

static void
aggregate_samples_clear (AggregateSamples *s)
{
  g_clear_object (&s->a);
  g_clear_object (&s->b);
  g_clear_object (&s->c);
  g_clear_object (&s->d);
  g_clear_object (&s->e);
  g_clear_object (&s->f);
  g_clear_object (&s->g);
}

static void
add_aggregate_samples (Fixture          *fixture,
                       AggregateSamples *s)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  gint64 food = category (fixture, FOOD);
  gint64 transport = category (fixture, TRANSPORT);

  s->a = outlay_test_add (fixture, 1000, "EUR", "2024-01-10", "Lunch", food);
  s->b = outlay_test_add (fixture, 2500, "EUR", "2024-01-31", "Train", transport);
  s->c = outlay_test_add (fixture, 400, "EUR", "2024-02-29", "Coffee", food);
  s->d = outlay_test_add (fixture, 700, "EUR", "2024-02-29", "Cake", food);
  s->e = outlay_test_add (fixture, 9900, "USD", "2024-02-29", "Dinner in New York", food);
  s->f = outlay_test_add (fixture, 300, "EUR", "2024-03-01", "Bus", transport);
  s->g = outlay_test_add (fixture, 5000, "EUR", "2024-03-15", "Concert", food);

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (s->g), &error);
  g_assert_no_error (error);
}

static void
assert_periods (GArray     *periods,
                const char *expected)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < periods->len; i++)
    {
      const OutlayPeriodTotal *row = &g_array_index (periods, OutlayPeriodTotal, i);

      g_string_append_printf (text, "%s%s=%" G_GINT64_FORMAT "/%u", i > 0 ? " " : "", row->period, row->total, row->count);
    }

  g_assert_cmpstr (text->str, ==, expected);
}

static void
assert_by_category (GArray     *totals,
                    const char *expected)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < totals->len; i++)
    {
      const OutlayCategoryTotal *row = &g_array_index (totals, OutlayCategoryTotal, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT "=%" G_GINT64_FORMAT "/%u",
                              i > 0 ? " " : "", row->category_id, row->total, row->count);
    }

  g_assert_cmpstr (text->str, ==, expected);
}

static void
check_months (Fixture    *fixture,
              const char *currency,
              const char *from,
              const char *to,
              const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) months = outlay_repository_totals_by_month (fixture->repository, currency, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (months);
  assert_periods (months, expected);
}

static void
check_days (Fixture    *fixture,
            const char *currency,
            const char *from,
            const char *to,
            const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) days = outlay_repository_totals_by_day (fixture->repository, currency, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (days);
  assert_periods (days, expected);
}

static void
check_categories (Fixture    *fixture,
                  const char *currency,
                  const char *from,
                  const char *to,
                  const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) totals = outlay_repository_totals_by_category (fixture->repository, currency, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (totals);
  assert_by_category (totals, expected);
}

static void
check_total (Fixture    *fixture,
             const char *currency,
             const char *from,
             const char *to,
             gint64      expected_total,
             guint       expected_count)
{
  g_autoptr (GError) error = NULL;
  OutlayTotal total = { -1, G_MAXUINT };

  g_assert_true (outlay_repository_get_total (fixture->repository, currency, from, to, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total.total, ==, expected_total);
  g_assert_cmpuint (total.count, ==, expected_count);
}

static void
test_aggregates (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autofree char *by_category = NULL;
  AggregateSamples s = {
    NULL,
  };
  gint64 food = category (fixture, FOOD);
  gint64 transport = category (fixture, TRANSPORT);

  add_aggregate_samples (fixture, &s);

  /* Totals, per currency; the deleted concert counts nowhere. */
  check_total (fixture, "EUR", NULL, NULL, 1000 + 2500 + 400 + 700 + 300, 5);
  check_total (fixture, "USD", NULL, NULL, 9900, 1);
  check_total (fixture, "GBP", NULL, NULL, 0, 0);
  /* Both ends included. */
  check_total (fixture, "EUR", "2024-01-31", "2024-02-29", 2500 + 400 + 700, 3);
  check_total (fixture, "EUR", "2024-02-01", NULL, 400 + 700 + 300, 3);
  check_total (fixture, "EUR", NULL, "2024-01-31", 1000 + 2500, 2);
  check_total (fixture, "EUR", "2024-03-02", "2024-12-31", 0, 0);
  check_total (fixture, "USD", "2024-03-01", "2024-03-31", 0, 0);

  /* By category, the largest first. */
  by_category = g_strdup_printf ("%" G_GINT64_FORMAT "=2800/2 %" G_GINT64_FORMAT "=2100/3", transport, food);
  check_categories (fixture, "EUR", NULL, NULL, by_category);
  g_clear_pointer (&by_category, g_free);
  by_category = g_strdup_printf ("%" G_GINT64_FORMAT "=1100/2 %" G_GINT64_FORMAT "=300/1", food, transport);
  check_categories (fixture, "EUR", "2024-02-01", "2024-03-31", by_category);
  g_clear_pointer (&by_category, g_free);
  by_category = g_strdup_printf ("%" G_GINT64_FORMAT "=9900/1", food);
  check_categories (fixture, "USD", NULL, NULL, by_category);
  check_categories (fixture, "GBP", NULL, NULL, "");

  /* By month: every month of a bounded range, gaps as zeros. */
  check_months (fixture, "EUR", "2023-11-15", "2024-04-10",
                "2023-11=0/0 2023-12=0/0 2024-01=3500/2 2024-02=1100/2 2024-03=300/1 2024-04=0/0");
  check_months (fixture, "EUR", NULL, NULL, "2024-01=3500/2 2024-02=1100/2 2024-03=300/1");
  check_months (fixture, "EUR", "2024-02-01", "2024-02-29", "2024-02=1100/2");
  check_months (fixture, "USD", "2024-01-01", "2024-03-31", "2024-01=0/0 2024-02=9900/1 2024-03=0/0");
  check_months (fixture, "GBP", NULL, NULL, "");

  /* By day, likewise, through a leap day. */
  check_days (fixture, "EUR", "2024-02-27", "2024-03-02",
              "2024-02-27=0/0 2024-02-28=0/0 2024-02-29=1100/2 2024-03-01=300/1 2024-03-02=0/0");
  check_days (fixture, "EUR", NULL, NULL,
              "2024-01-10=1000/1 2024-01-31=2500/1 2024-02-29=1100/2 2024-03-01=300/1");
  check_days (fixture, "USD", "2024-02-29", "2024-02-29", "2024-02-29=9900/1");
  check_days (fixture, "EUR", "2024-12-30", "2025-01-02",
              "2024-12-30=0/0 2024-12-31=0/0 2025-01-01=0/0 2025-01-02=0/0");

  outlay_test_assert_summary_consistent (handle (fixture));
  aggregate_samples_clear (&s);
}

static void
test_aggregates_follow_writes (Fixture      *fixture,
                               gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) updated = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) restored = NULL;
  g_autoptr (OutlayExpense) edit = NULL;
  g_autofree char *expected = NULL;
  AggregateSamples s = {
    NULL,
  };
  gint64 food = category (fixture, FOOD);
  gint64 transport = category (fixture, TRANSPORT);
  gint64 health = category (fixture, HEALTH);
  gint64 other = category (fixture, OTHER);
  guint  n_moved;

  add_aggregate_samples (fixture, &s);

  /* A new amount */
  edit = outlay_expense_copy (s.c);
  outlay_expense_set_amount (edit, 450);
  updated = outlay_repository_update_expense (fixture->repository, edit, &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", "2024-02-01", "2024-02-29", 450 + 700, 2);
  check_total (fixture, "EUR", NULL, NULL, 4950, 5);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* A new day */
  g_clear_object (&edit);
  g_clear_object (&updated);
  edit = outlay_expense_copy (s.d);
  outlay_expense_set_occurred_on (edit, "2024-03-01");
  updated = outlay_repository_update_expense (fixture->repository, edit, &error);
  g_assert_no_error (error);
  check_days (fixture, "EUR", "2024-02-29", "2024-03-01", "2024-02-29=450/1 2024-03-01=1000/2");
  check_months (fixture, "EUR", "2024-02-01", "2024-03-31", "2024-02=450/1 2024-03=1000/2");
  outlay_test_assert_summary_consistent (handle (fixture));

  /* A new category */
  g_clear_object (&edit);
  g_clear_object (&updated);
  edit = outlay_expense_copy (s.a);
  outlay_expense_set_category_id (edit, health);
  updated = outlay_repository_update_expense (fixture->repository, edit, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "=2800/2 %" G_GINT64_FORMAT "=1150/2 %" G_GINT64_FORMAT "=1000/1",
                              transport, food, health);
  check_categories (fixture, "EUR", NULL, NULL, expected);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* A new currency: out of the euros, into the dollars. */
  g_clear_object (&edit);
  g_clear_object (&updated);
  edit = outlay_expense_copy (s.f);
  outlay_expense_set_currency (edit, "USD");
  updated = outlay_repository_update_expense (fixture->repository, edit, &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", NULL, NULL, 4650, 4);
  check_total (fixture, "USD", NULL, NULL, 10200, 2);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* Delete and restore */
  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (s.b), &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", NULL, NULL, 2150, 3);
  check_days (fixture, "EUR", "2024-01-31", "2024-01-31", "2024-01-31=0/0");
  outlay_test_assert_summary_consistent (handle (fixture));

  restored = outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (s.b), &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", NULL, NULL, 4650, 4);
  check_days (fixture, "EUR", "2024-01-31", "2024-01-31", "2024-01-31=2500/1");
  outlay_test_assert_summary_consistent (handle (fixture));

  g_clear_object (&restored);
  restored = outlay_repository_restore_expense (fixture->repository, outlay_expense_get_id (s.g), &error);
  g_assert_no_error (error);
  check_total (fixture, "EUR", NULL, NULL, 9650, 5);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* A deleted category's spending shows under Other. */
  g_assert_true (outlay_repository_delete_category (fixture->repository, transport, &n_moved, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "=6150/3 %" G_GINT64_FORMAT "=2500/1 %" G_GINT64_FORMAT "=1000/1",
                              food, other, health);
  check_categories (fixture, "EUR", NULL, NULL, expected);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* A bulk addition */
  {
    OutlayExpense *drafts[2] = {
      outlay_test_draft (111, "EUR", "2024-02-29", "Bulk one", food),
      outlay_test_draft (222, "EUR", "2024-04-01", "Bulk two", food),
    };

    g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, 2, &error));
    g_assert_no_error (error);
    g_object_unref (drafts[0]);
    g_object_unref (drafts[1]);
  }
  check_total (fixture, "EUR", NULL, NULL, 9650 + 333, 7);
  check_days (fixture, "EUR", "2024-02-29", "2024-02-29", "2024-02-29=561/2");
  outlay_test_assert_summary_consistent (handle (fixture));

  aggregate_samples_clear (&s);
}

static void raw_exec (Fixture    *fixture,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static void
raw_exec (Fixture    *fixture,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  va_list          args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  outlay_test_exec (handle (fixture), sql);
}

/* The totals as they must be, from the expenses themselves. */
static void
check_total_against_rows (Fixture    *fixture,
                          const char *currency)
{
  g_autofree char *total_sql = g_strdup_printf ("SELECT coalesce(sum(amount), 0) FROM expenses "
                                                "WHERE deleted_at IS NULL AND currency = '%s'",
                                                currency);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM expenses "
                                                "WHERE deleted_at IS NULL AND currency = '%s'",
                                                currency);

  check_total (fixture, currency, NULL, NULL,
               outlay_test_query_int (handle (fixture), total_sql),
               (guint) outlay_test_query_int (handle (fixture), count_sql));
}

/* Older versions of Outlay write the expenses table without knowing the
 * summary or the search index; what they write must still add up. */
static void
test_aggregates_raw_writes (Fixture      *fixture,
                            gconstpointer user_data)
{
  AggregateSamples s = {
    NULL,
  };
  gint64 transport = category (fixture, TRANSPORT);
  gint64 health = category (fixture, HEALTH);
  guint  count = 0;

  add_aggregate_samples (fixture, &s);

  raw_exec (fixture, "UPDATE expenses SET amount = amount + 55 WHERE id = %" G_GINT64_FORMAT, outlay_expense_get_id (s.a));
  check_total (fixture, "EUR", "2024-01-10", "2024-01-10", 1055, 1);
  outlay_test_assert_summary_consistent (handle (fixture));
  check_total_against_rows (fixture, "EUR");

  raw_exec (fixture, "UPDATE expenses SET category_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
            transport, outlay_expense_get_id (s.c));
  outlay_test_assert_summary_consistent (handle (fixture));
  check_total_against_rows (fixture, "EUR");

  raw_exec (fixture, "UPDATE expenses SET occurred_on = '2024-05-05' WHERE id = %" G_GINT64_FORMAT, outlay_expense_get_id (s.d));
  check_days (fixture, "EUR", "2024-05-05", "2024-05-05", "2024-05-05=700/1");
  check_days (fixture, "EUR", "2024-02-29", "2024-02-29", "2024-02-29=400/1");
  outlay_test_assert_summary_consistent (handle (fixture));

  /* A soft delete and a restore, the old way */
  raw_exec (fixture, "UPDATE expenses SET deleted_at = '2024-06-01T10:00:00.000Z' WHERE id = %" G_GINT64_FORMAT, outlay_expense_get_id (s.b));
  check_total (fixture, "EUR", "2024-01-31", "2024-01-31", 0, 0);
  outlay_test_assert_summary_consistent (handle (fixture));
  check_total_against_rows (fixture, "EUR");

  raw_exec (fixture, "UPDATE expenses SET deleted_at = NULL WHERE id = %" G_GINT64_FORMAT, outlay_expense_get_id (s.g));
  check_total (fixture, "EUR", "2024-03-15", "2024-03-15", 5000, 1);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* A deleted row's edits count nowhere. */
  raw_exec (fixture, "UPDATE expenses SET amount = 77777, occurred_on = '2024-03-15' WHERE id = %" G_GINT64_FORMAT, outlay_expense_get_id (s.b));
  check_total (fixture, "EUR", "2024-03-15", "2024-03-15", 5000, 1);
  outlay_test_assert_summary_consistent (handle (fixture));

  /* Several columns at once, and a currency */
  raw_exec (fixture,
            "UPDATE expenses SET amount = 1, occurred_on = '2023-12-31', category_id = %" G_GINT64_FORMAT ", "
            "currency = 'GBP' WHERE id = %" G_GINT64_FORMAT,
            health, outlay_expense_get_id (s.f));
  check_total (fixture, "GBP", NULL, NULL, 1, 1);
  outlay_test_assert_summary_consistent (handle (fixture));
  check_total_against_rows (fixture, "EUR");

  /* Everything at once, across many rows */
  outlay_test_exec (handle (fixture), "UPDATE expenses SET amount = amount * 2");
  outlay_test_assert_summary_consistent (handle (fixture));
  check_total_against_rows (fixture, "EUR");
  check_total_against_rows (fixture, "USD");

  /* Hard deletes and plain inserts */
  raw_exec (fixture, "DELETE FROM expenses WHERE id = %" G_GINT64_FORMAT, outlay_expense_get_id (s.e));
  check_total (fixture, "USD", NULL, NULL, 0, 0);
  outlay_test_assert_summary_consistent (handle (fixture));

  raw_exec (fixture,
            "INSERT INTO expenses (uuid, amount, currency, description, note, category_id, occurred_on, created_at, updated_at) "
            "VALUES ('6c1e2f0a-1b2c-4d3e-8f40-5a6b7c8d9e0f', 4200, 'EUR', 'Xylophone lessons', '', %" G_GINT64_FORMAT ", "
            "'2024-02-29', '2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z')",
            health);
  outlay_test_assert_summary_consistent (handle (fixture));
  check_total_against_rows (fixture, "EUR");
  check_total (fixture, "EUR", "2024-02-29", "2024-02-29", 800 + 4200, 2);

  /* The search sees what was written: every way of asking agrees… */
  raw_exec (fixture, "UPDATE expenses SET description = 'Marimba recital' WHERE id = %" G_GINT64_FORMAT, outlay_expense_get_id (s.a));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (GArray) ids = NULL;
    g_autoptr (GPtrArray) found = NULL;

    outlay_query_set_text (query, "marimba");
    g_assert_true (outlay_repository_count_expenses (fixture->repository, query, &count, &error));
    g_assert_no_error (error);
    ids = find_ids (fixture, query);
    found = outlay_repository_find_expenses (fixture->repository, query, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, count);
    g_assert_cmpuint (found->len, ==, count);
  }

  /* …and, at the latest on the next start, finds it; the old words are gone. */
  aggregate_samples_clear (&s);
  outlay_test_fixture_close (fixture);
  outlay_test_fixture_open (fixture);
  {
    g_autoptr (OutlayQuery) query = outlay_query_new ();
    g_autoptr (GArray) ids = NULL;
    gint64 inserted = outlay_test_query_int (handle (fixture),
                                             "SELECT id FROM expenses WHERE uuid = '6c1e2f0a-1b2c-4d3e-8f40-5a6b7c8d9e0f'");
    gint64 marimba = outlay_test_query_int (handle (fixture),
                                            "SELECT id FROM expenses WHERE description = 'Marimba recital'");

    outlay_query_set_text (query, "marimba");
    ids = find_ids (fixture, query);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, marimba);

    g_assert_true (search_finds (fixture, "xylophone", inserted));
    g_assert_false (search_finds (fixture, "lunch", marimba));
    /* The hard-deleted dinner is not found either. */
    outlay_query_set_text (query, "dinner");
    g_clear_pointer (&ids, g_array_unref);
    ids = find_ids (fixture, query);
    g_assert_cmpuint (ids->len, ==, 0);
  }
  outlay_test_assert_summary_consistent (handle (fixture));
}

/* Periods */

static void
check_previous (const char *from,
                const char *to,
                const char *expected_from,
                const char *expected_to)
{
  g_autofree char *previous_from = NULL;
  g_autofree char *previous_to = NULL;

  g_assert_true (outlay_period_previous (from, to, NULL, &previous_from, &previous_to));
  g_assert_cmpstr (previous_from, ==, expected_from);
  g_assert_cmpstr (previous_to, ==, expected_to);
}

static void
check_previous_today (const char *from,
                      const char *to,
                      const char *today_text,
                      const char *expected_from,
                      const char *expected_to)
{
  g_autoptr (GDate) today = outlay_date_parse_iso (today_text);
  g_autofree char *previous_from = NULL;
  g_autofree char *previous_to = NULL;

  g_assert_true (outlay_period_previous (from, to, today, &previous_from, &previous_to));
  g_assert_cmpstr (previous_from, ==, expected_from);
  g_assert_cmpstr (previous_to, ==, expected_to);
}

static void
test_period_previous (void)
{
  static const char *const invalid[][2] = {
    { NULL, "2024-03-31" },
    { "2024-03-01", NULL },
    { "2024-02-30", "2024-03-31" },
    { "2024-3-1", "2024-03-31" },
    { "2024-03-31", "2024-03-01" },
    { "", "" },
  };

  /* A month: the month before, with its own length. */
  check_previous ("2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29");
  check_previous ("2023-03-01", "2023-03-31", "2023-02-01", "2023-02-28");
  check_previous ("2024-05-01", "2024-05-31", "2024-04-01", "2024-04-30");
  check_previous ("2024-02-01", "2024-02-29", "2024-01-01", "2024-01-31");
  /* January: the December before. */
  check_previous ("2024-01-01", "2024-01-31", "2023-12-01", "2023-12-31");
  /* A year: the year before. */
  check_previous ("2024-01-01", "2024-12-31", "2023-01-01", "2023-12-31");
  check_previous ("2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31");
  /* A quarter: the quarter before. */
  check_previous ("2024-04-01", "2024-06-30", "2024-01-01", "2024-03-31");
  /* Any other range: as many days, just before. */
  check_previous ("2024-03-05", "2024-03-14", "2024-02-24", "2024-03-04");
  check_previous ("2024-03-01", "2024-03-01", "2024-02-29", "2024-02-29");
  check_previous ("2024-01-01", "2024-01-07", "2023-12-25", "2023-12-31");
  check_previous ("2024-03-15", "2024-04-14", "2024-02-13", "2024-03-14");

  /* Up to today from the first of a month: the same days before, a month
   * before within one month, a year before across months; the day that
   * the shorter month lacks becomes its last day. */
  check_previous_today ("2024-03-01", "2024-03-14", "2024-03-14", "2024-02-01", "2024-02-14");
  check_previous_today ("2024-03-01", "2024-03-31", "2024-03-31", "2024-02-01", "2024-02-29");
  check_previous_today ("2024-03-01", "2024-03-30", "2024-03-30", "2024-02-01", "2024-02-29");
  check_previous_today ("2024-01-01", "2024-01-07", "2024-01-07", "2023-12-01", "2023-12-07");
  check_previous_today ("2024-01-01", "2024-05-14", "2024-05-14", "2023-01-01", "2023-05-14");
  check_previous_today ("2023-06-01", "2024-05-14", "2024-05-14", "2022-06-01", "2023-05-14");
  check_previous_today ("2024-01-01", "2024-02-29", "2024-02-29", "2023-01-01", "2023-02-28");
  /* Not up to today, or not from a first: the rules above. */
  check_previous_today ("2024-03-01", "2024-03-14", "2024-03-20", "2024-02-16", "2024-02-29");
  check_previous_today ("2024-03-05", "2024-03-14", "2024-03-14", "2024-02-24", "2024-03-04");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      char *previous_from = NULL;
      char *previous_to = NULL;

      g_assert_false (outlay_period_previous (invalid[i][0], invalid[i][1], NULL, &previous_from, &previous_to));
      g_assert_null (previous_from);
      g_assert_null (previous_to);
    }
}

/* Suggestions */

static char *
suggestions_to_string (GPtrArray *suggestions)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len; i++)
    {
      const OutlaySuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_string_append_printf (text, "%s%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s",
                              i > 0 ? "\n" : "", suggestion->description, suggestion->category_id,
                              suggestion->amount, suggestion->currency);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_suggestions (Fixture    *fixture,
                   const char *prefix,
                   guint       limit,
                   const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) suggestions = outlay_repository_suggest_descriptions (fixture->repository, prefix, limit, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (suggestions);
  text = suggestions_to_string (suggestions);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_suggestions (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  gint64 food = category (fixture, FOOD);
  gint64 groceries = category (fixture, GROCERIES);
  gint64 transport = category (fixture, TRANSPORT);
  gint64 shopping = category (fixture, SHOPPING);
  gint64 fun = category (fixture, ENTERTAINMENT);
  g_autoptr (OutlayExpense) e1 = outlay_test_add (fixture, 350, "EUR", "2024-03-10", "Coffee", food);
  g_autoptr (OutlayExpense) e2 = outlay_test_add (fixture, 250, "EUR", "2024-03-01", "Bus", transport);
  g_autoptr (OutlayExpense) e3 = outlay_test_add (fixture, 400, "USD", "2024-01-05", "coffee", food);
  g_autoptr (OutlayExpense) e4 = outlay_test_add (fixture, 1200, "EUR", "2024-03-02", "Cinema", fun);
  g_autoptr (OutlayExpense) e5 = outlay_test_add (fixture, 5000, "EUR", "2024-03-03", "50% off shoes", shopping);
  g_autoptr (OutlayExpense) e6 = outlay_test_add (fixture, 199, "EUR", "2024-03-04", "5 apples", groceries);
  g_autoptr (OutlayExpense) e7 = outlay_test_add (fixture, 900, "EUR", "2024-02-01", "Coffee beans", groceries);
  g_autoptr (OutlayExpense) e8 = outlay_test_add (fixture, 120, "EUR", "2024-03-05", "Carrots", groceries);
  g_autoptr (OutlayExpense) e9 = outlay_test_add (fixture, 275, "EUR", "2024-03-06", "Bus", transport);
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autofree char *all = NULL;
  g_autofree char *co = NULL;
  g_autofree char *fifty = NULL;
  g_autofree char *five = NULL;
  g_autofree char *two = NULL;
  g_autofree char *one = NULL;

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (e8), &error);
  g_assert_no_error (error);

  /* Newest entered first (not by date); one per description whatever its
   * case, with the category and amount it was last used with. */
  all = g_strdup_printf ("Bus|%" G_GINT64_FORMAT "|275|EUR\n"
                         "Coffee beans|%" G_GINT64_FORMAT "|900|EUR\n"
                         "5 apples|%" G_GINT64_FORMAT "|199|EUR\n"
                         "50%% off shoes|%" G_GINT64_FORMAT "|5000|EUR\n"
                         "Cinema|%" G_GINT64_FORMAT "|1200|EUR\n"
                         "coffee|%" G_GINT64_FORMAT "|400|USD",
                         transport, groceries, groceries, shopping, fun, food);
  check_suggestions (fixture, NULL, 20, all);
  check_suggestions (fixture, "", 20, all);

  /* A prefix, in any case */
  co = g_strdup_printf ("Coffee beans|%" G_GINT64_FORMAT "|900|EUR\n"
                        "coffee|%" G_GINT64_FORMAT "|400|USD",
                        groceries, food);
  check_suggestions (fixture, "co", 20, co);
  check_suggestions (fixture, "CO", 20, co);
  check_suggestions (fixture, "Coffee", 20, co);
  check_suggestions (fixture, "zz", 20, "");
  /* Deleted expenses suggest nothing. */
  check_suggestions (fixture, "car", 20, "");

  /* LIKE wildcards are plain characters. */
  fifty = g_strdup_printf ("50%% off shoes|%" G_GINT64_FORMAT "|5000|EUR", shopping);
  check_suggestions (fixture, "50%", 20, fifty);
  check_suggestions (fixture, "%", 20, "");
  check_suggestions (fixture, "_", 20, "");
  check_suggestions (fixture, "5_", 20, "");
  check_suggestions (fixture, "5%", 20, "");
  check_suggestions (fixture, "\\", 20, "");
  five = g_strdup_printf ("5 apples|%" G_GINT64_FORMAT "|199|EUR\n"
                          "50%% off shoes|%" G_GINT64_FORMAT "|5000|EUR",
                          groceries, shopping);
  check_suggestions (fixture, "5", 20, five);

  /* The limit */
  two = g_strdup_printf ("Bus|%" G_GINT64_FORMAT "|275|EUR\n"
                         "Coffee beans|%" G_GINT64_FORMAT "|900|EUR",
                         transport, groceries);
  check_suggestions (fixture, NULL, 2, two);
  one = g_strdup_printf ("Coffee beans|%" G_GINT64_FORMAT "|900|EUR", groceries);
  check_suggestions (fixture, "co", 1, one);
}

/* A bulk add writes its rows with the triggers off and the derived data
 * set-based; the result must be the same as row by row, and the triggers
 * must be back on afterwards. */
static void
test_bulk_derived_data (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (OutlayExpense) single = NULL;
  g_autoptr (OutlayExpense) single_draft = NULL;
  OutlayExpense *drafts[4];
  gint64         food = category (fixture, FOOD);
  gint64         transport = category (fixture, TRANSPORT);

  drafts[0] = outlay_test_draft (350, "EUR", "2024-05-01", "Zeppelin coffee", food);
  drafts[1] = outlay_test_draft (450, "EUR", "2024-05-01", "Espresso", food);
  drafts[2] = outlay_test_draft (290, "EUR", "2024-05-02", "Bus", transport);
  drafts[3] = outlay_test_draft (1000, "USD", "2024-05-01", "Zeppelin museum", food);

  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, G_N_ELEMENTS (drafts), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    g_object_unref (drafts[i]);

  outlay_test_assert_summary_consistent (handle (fixture));
  check_total (fixture, "EUR", "2024-05-01", "2024-05-01", 800, 2);
  check_total (fixture, "USD", NULL, NULL, 1000, 1);

  outlay_query_set_text (query, "zeppelin");
  outlay_query_set_sort (query, OUTLAY_SORT_AMOUNT, FALSE);
  ids = outlay_repository_find_expense_ids (fixture->repository, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);

  /* The triggers work again for the next single write. */
  single_draft = outlay_test_draft (100, "EUR", "2024-05-02", "Bus", transport);
  single = outlay_repository_add_expense (fixture->repository, single_draft, &error);
  g_assert_no_error (error);
  outlay_test_exec (handle (fixture), "UPDATE expenses SET amount = amount + 1 WHERE description = 'Espresso'");
  outlay_test_assert_summary_consistent (handle (fixture));
  check_total (fixture, "EUR", "2024-05-02", "2024-05-02", 390, 2);
}

/* The foot of a list and a day's heading: totals per currency, from the
 * summary for category and date filters, from the rows for text. */
static void
test_summarize (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GArray) totals = NULL;
  g_autoptr (GError) error = NULL;
  gint64         food = category (fixture, FOOD);
  gint64         transport = category (fixture, TRANSPORT);
  OutlayExpense *drafts[4];
  guint          n_all = 0;

  drafts[0] = outlay_test_draft (350, "EUR", "2024-05-01", "Coffee", food);
  drafts[1] = outlay_test_draft (450, "EUR", "2024-05-02", "Coffee beans", food);
  drafts[2] = outlay_test_draft (290, "EUR", "2024-05-02", "Bus", transport);
  drafts[3] = outlay_test_draft (1000, "USD", "2024-05-02", "Coffee in New York", food);
  g_assert_true (outlay_repository_add_expenses (fixture->repository, drafts, G_N_ELEMENTS (drafts), &error));
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    g_object_unref (drafts[i]);

  /* Everything: the most used currency first. */
  totals = outlay_repository_summarize (fixture->repository, query, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 4);
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpstr (g_array_index (totals, OutlayCurrencyTotal, 0).currency, ==, "EUR");
  g_assert_cmpint (g_array_index (totals, OutlayCurrencyTotal, 0).total, ==, 1090);
  g_assert_cmpuint (g_array_index (totals, OutlayCurrencyTotal, 0).count, ==, 3);
  g_assert_cmpstr (g_array_index (totals, OutlayCurrencyTotal, 1).currency, ==, "USD");
  g_assert_cmpint (g_array_index (totals, OutlayCurrencyTotal, 1).total, ==, 1000);
  g_clear_pointer (&totals, g_array_unref);

  /* One day of one category (the summary). */
  outlay_query_set_categories (query, &food, 1);
  outlay_query_set_date_range (query, "2024-05-02", "2024-05-02");
  totals = outlay_repository_summarize (fixture->repository, query, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 2);
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpint (g_array_index (totals, OutlayCurrencyTotal, 0).total + g_array_index (totals, OutlayCurrencyTotal, 1).total, ==, 1450);
  g_clear_pointer (&totals, g_array_unref);

  /* Text (the rows). */
  outlay_query_set_categories (query, NULL, 0);
  outlay_query_set_date_range (query, NULL, NULL);
  outlay_query_set_text (query, "coffee");
  outlay_query_set_amount_range (query, 400, G_MAXINT64);
  totals = outlay_repository_summarize (fixture->repository, query, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 2);
  g_assert_cmpuint (totals->len, ==, 2);
  g_clear_pointer (&totals, g_array_unref);

  /* Nothing matches: no rows, no totals. */
  outlay_query_set_text (query, "zeppelin");
  totals = outlay_repository_summarize (fixture->repository, query, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 0);
  g_assert_cmpuint (totals->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, outlay_test_fixture_setup, func, outlay_test_fixture_teardown)

  ADD ("/repository/expense/round-trip", test_round_trip);
  ADD ("/repository/expense/draft-identity", test_draft_identity);
  ADD ("/repository/expense/validate/amount", test_validate_amount);
  ADD ("/repository/expense/validate/currency", test_validate_currency);
  ADD ("/repository/expense/validate/date", test_validate_date);
  ADD ("/repository/expense/validate/description", test_validate_description);
  ADD ("/repository/expense/validate/note", test_validate_note);
  ADD ("/repository/expense/validate/category", test_validate_category);
  ADD ("/repository/expense/validate/bulk", test_validate_bulk);
  ADD ("/repository/expense/update", test_update);
  ADD ("/repository/expense/update-missing", test_update_missing);
  ADD ("/repository/expense/soft-delete", test_soft_delete);
  ADD ("/repository/expense/changed-signal", test_changed_signal);
  g_test_add_func ("/repository/expense/notify", test_expense_notify);
  ADD ("/repository/category/add", test_category_add);
  ADD ("/repository/category/rename", test_category_rename);
  ADD ("/repository/category/recolor", test_category_recolor);
  ADD ("/repository/category/move", test_category_move);
  ADD ("/repository/category/delete", test_category_delete);
  ADD ("/repository/query/text", test_query_text);
  ADD ("/repository/query/filters", test_query_filters);
  ADD ("/repository/query/sort", test_query_sort);
  ADD ("/repository/aggregates/totals", test_aggregates);
  ADD ("/repository/aggregates/follow-writes", test_aggregates_follow_writes);
  ADD ("/repository/aggregates/raw-writes", test_aggregates_raw_writes);
  ADD ("/repository/aggregates/bulk", test_bulk_derived_data);
  ADD ("/repository/aggregates/summarize", test_summarize);
  g_test_add_func ("/repository/period-previous", test_period_previous);
  ADD ("/repository/suggestions", test_suggestions);

#undef ADD

  return g_test_run ();
}
