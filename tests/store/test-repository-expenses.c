/* test-repository-expenses.c
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

#include "outlay-money.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"

typedef OutlayTestFixture Fixture;

static OutlayExpense *
valid_draft (Fixture *fixture)
{
  return outlay_test_draft (1000, "EUR", "2024-03-15", "Lunch", outlay_test_category (fixture, OUTLAY_TEST_FOOD));
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

  draft = outlay_test_draft (123456, "JPY", "2024-02-29", "   Ramen at Ichiran  ",
                             outlay_test_category (fixture, OUTLAY_TEST_FOOD));
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
  g_assert_cmpint (outlay_expense_get_category_id (stored), ==, outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  g_assert_cmpstr (outlay_expense_get_occurred_on (stored), ==, "2024-02-29");
  date = outlay_expense_dup_date (stored);
  g_assert_nonnull (date);
  g_assert_cmpuint (g_date_get_day (date), ==, 29);
  g_assert_cmpuint (g_date_get_month (date), ==, G_DATE_FEBRUARY);
  g_assert_cmpuint (g_date_get_year (date), ==, 2024);

  outlay_test_assert_timestamp (outlay_expense_get_created_at (stored));
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
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  g_array_set_size (fixture->changes, 0);
  again = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_null (again);
  g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* Without a uuid, each expense gets its own. */
  g_clear_object (&stored);
  stored = outlay_test_add (fixture, 1, "EUR", "2024-01-01", "One", outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  other = outlay_test_add (fixture, 1, "EUR", "2024-01-01", "One", outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  g_assert_true (g_uuid_string_is_valid (outlay_expense_get_uuid (stored)));
  g_assert_cmpstr (outlay_expense_get_uuid (stored), !=, outlay_expense_get_uuid (other));
  g_assert_cmpint (outlay_expense_get_id (stored), !=, outlay_expense_get_id (other));
}

/* Validation */

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
  /* A negative amount is a refund, as large as an expense may be. */
  static const gint64 invalid[] = { 0, OUTLAY_MONEY_MAX + 1, -OUTLAY_MONEY_MAX - 1, G_MAXINT64, G_MININT64 };
  static const gint64 valid[] = { 1, OUTLAY_MONEY_MAX, -1, -100, -OUTLAY_MONEY_MAX };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_amount (draft, invalid[i]);
      outlay_test_assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT);
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
      outlay_test_assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY);
    }

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_currency (draft, valid[i]);
      assert_accepted (fixture, draft);
    }
}

/* What the card was charged: in another known currency, on the side of the
 * amount; kept as written, through an update, and cleared. */
static void
test_validate_charged (Fixture      *fixture,
                       gconstpointer user_data)
{
  static const struct
  {
    gint64      amount;
    gint64      charged;
    const char *currency;
  } invalid[] = {
    { 8650, 8011, "USD" }, /* the expense's own currency */
    { 8650, 8011, "EURO" },
    { 8650, 0, "EUR" },
    { 8650, -8011, "EUR" },
    { -8650, 8011, "EUR" }, /* a refund gives back */
    { 8650, OUTLAY_MONEY_MAX + 1, "EUR" },
  };
  g_autoptr (OutlayExpense) draft = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (OutlayExpense) updated = NULL;
  g_autoptr (OutlayExpense) read = NULL;
  g_autoptr (GError) error = NULL;
  gint64 charged = 0;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (OutlayExpense) bad = valid_draft (fixture);

      outlay_expense_set_currency (bad, "USD");
      outlay_expense_set_amount (bad, invalid[i].amount);
      outlay_expense_set_charged (bad, invalid[i].charged, invalid[i].currency);
      outlay_test_assert_rejected (fixture, bad, OUTLAY_REPOSITORY_ERROR_INVALID_CHARGED);
    }

  draft = valid_draft (fixture);
  outlay_expense_set_currency (draft, "USD");
  outlay_expense_set_amount (draft, -8650);
  outlay_expense_set_charged (draft, -8011, "EUR");
  stored = outlay_repository_add_expense (fixture->repository, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_expense_get_charged (stored, &charged), ==, "EUR");
  g_assert_cmpint (charged, ==, -8011);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture),
                                          "SELECT charged_amount FROM expenses WHERE charged_currency = 'EUR'"),
                   ==, -8011);

  /* A new amount with the charge given again keeps it. */
  outlay_expense_set_amount (stored, -8700);
  outlay_expense_set_charged (stored, -8011, "EUR");
  g_clear_object (&updated);
  updated = outlay_repository_update_expense (fixture->repository, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_expense_get_charged (updated, &charged), ==, "EUR");
  g_assert_cmpint (charged, ==, -8011);
  g_clear_object (&updated);

  /* An update keeps it unless told otherwise; none clears it. */
  outlay_expense_set_note (stored, "card");
  updated = outlay_repository_update_expense (fixture->repository, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_expense_get_charged (updated, NULL), ==, "EUR");
  outlay_expense_set_charged (updated, 0, NULL);
  g_clear_object (&stored);
  stored = outlay_repository_update_expense (fixture->repository, updated, &error);
  g_assert_no_error (error);
  read = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_null (outlay_expense_get_charged (read, &charged));
  g_assert_cmpint (charged, ==, 0);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture),
                                          "SELECT count(*) FROM expenses WHERE charged_amount IS NOT NULL "
                                          "OR charged_currency IS NOT NULL"),
                   ==, 0);

  /* An older version that changes the amount or the currency leaves the
   * charge alone: the file forgets it. */
  g_clear_object (&updated);
  outlay_expense_set_charged (stored, -8011, "EUR");
  updated = outlay_repository_update_expense (fixture->repository, stored, &error);
  g_assert_no_error (error);
  outlay_test_exec (outlay_test_handle (fixture), "UPDATE expenses SET currency = 'EUR', amount = -900 "
                                                  "WHERE charged_currency = 'EUR'");
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture),
                                          "SELECT count(*) FROM expenses WHERE charged_amount IS NOT NULL "
                                          "OR charged_currency IS NOT NULL"),
                   ==, 0);
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
      outlay_test_assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_DATE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_occurred_on (draft, valid[i]);
      g_assert_true (outlay_date_is_valid (valid[i]));
      assert_accepted (fixture, draft);
    }
}

static void
test_validate_description (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autofree char *too_long = outlay_test_repeat ("é", OUTLAY_DESCRIPTION_MAX_LENGTH + 1);
  g_autofree char *longest = outlay_test_repeat ("é", OUTLAY_DESCRIPTION_MAX_LENGTH);
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
      outlay_test_assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION);
    }

  /* Blank is blank, whatever the space. */
  {
    g_autoptr (OutlayExpense) draft = valid_draft (fixture);

    outlay_expense_set_description (draft, " \u00a0\u2003 ");
    outlay_test_assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION);
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
  g_autofree char *too_long = outlay_test_repeat ("ü", OUTLAY_NOTE_MAX_LENGTH + 1);
  g_autofree char *longest = outlay_test_repeat ("ü", OUTLAY_NOTE_MAX_LENGTH);
  const char      *invalid[] = { too_long, "Bell\x07", "Escape\x1b", "Bad \xc3 byte" };
  const char      *valid[] = { longest, "", "First line\nSecond line" };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_note (draft, invalid[i]);
      outlay_test_assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_NOTE);
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
  gint64 travel = outlay_test_category (fixture, OUTLAY_TEST_TRAVEL);
  gint64 invalid[] = { 0, -1, 9999, travel };

  g_assert_true (outlay_repository_delete_category (fixture->repository, travel, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (OutlayExpense) draft = valid_draft (fixture);

      outlay_expense_set_category_id (draft, invalid[i]);
      outlay_test_assert_rejected (fixture, draft, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY);
    }
}

static void
test_validate_bulk (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) kept =
    outlay_test_add (fixture, 500, "EUR", "2024-01-01", "Kept", outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  g_autofree char *before = outlay_test_dump_store (outlay_test_handle (fixture));
  g_autofree char *after = NULL;
  OutlayExpense   *drafts[5];

  g_array_set_size (fixture->changes, 0);

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_autofree char *description = g_strdup_printf ("Bulk %u", i + 1);

      drafts[i] = outlay_test_draft (100 * (i + 1), "EUR", "2024-02-01", description,
                                     outlay_test_category (fixture, OUTLAY_TEST_GROCERIES));
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

  after = outlay_test_dump_store (outlay_test_handle (fixture));
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
  g_autoptr (OutlayExpense) stored =
    outlay_test_add (fixture, 1000, "EUR", "2024-03-15", "Lunch", outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  g_autoptr (OutlayExpense) edit = outlay_expense_copy (stored);
  g_autoptr (OutlayExpense) updated = NULL;
  g_autoptr (OutlayExpense) read = NULL;
  OutlayTestChange *change;

  g_array_set_size (fixture->changes, 0);
  outlay_test_let_time_pass ();

  outlay_expense_set_amount (edit, 2450);
  outlay_expense_set_currency (edit, "USD");
  outlay_expense_set_description (edit, "  Dinner with Sam ");
  outlay_expense_set_note (edit, "Birthday");
  outlay_expense_set_category_id (edit, outlay_test_category (fixture, OUTLAY_TEST_ENTERTAINMENT));
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
  g_assert_cmpint (outlay_expense_get_category_id (updated), ==,
                   outlay_test_category (fixture, OUTLAY_TEST_ENTERTAINMENT));
  g_assert_cmpstr (outlay_expense_get_occurred_on (updated), ==, "2024-04-01");
  g_assert_null (outlay_expense_get_deleted_at (updated));

  /* created_at stays; updated_at moves forward. */
  g_assert_cmpstr (outlay_expense_get_created_at (updated), ==, outlay_expense_get_created_at (stored));
  outlay_test_assert_timestamp (outlay_expense_get_updated_at (updated));
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
  outlay_expense_set_amount (edit, 0);
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
  g_autoptr (OutlayExpense) stored =
    outlay_test_add (fixture, 1000, "EUR", "2024-03-15", "Lunch", outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  g_autoptr (OutlayExpense) ghost = valid_draft (fixture);
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) edit = outlay_expense_copy (stored);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  outlay_expense_set_identity (ghost, outlay_expense_get_id (stored) + 100, NULL);
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  g_array_set_size (fixture->changes, 0);

  g_assert_null (outlay_repository_update_expense (fixture->repository, ghost, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (stored), &error);
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  g_array_set_size (fixture->changes, 0);

  outlay_expense_set_amount (edit, 5000);
  g_assert_null (outlay_repository_update_expense (fixture->repository, edit, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

/* Soft delete */

static void
test_soft_delete (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayExpense) a =
    outlay_test_add (fixture, 1000, "EUR", "2024-03-01", "Lunch", outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  g_autoptr (OutlayExpense) b = outlay_test_add (fixture, 2500, "EUR", "2024-03-02", "Theatre tickets",
                                                 outlay_test_category (fixture, OUTLAY_TEST_ENTERTAINMENT));
  g_autoptr (OutlayExpense) c =
    outlay_test_add (fixture, 400, "EUR", "2024-03-03", "Bus", outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT));
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

  g_assert_true (outlay_test_search_finds (fixture, "theatre", id));
  g_array_set_size (fixture->changes, 0);

  deleted = outlay_repository_delete_expense (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  outlay_test_assert_timestamp (outlay_expense_get_deleted_at (deleted));
  g_assert_cmpint (outlay_expense_get_amount (deleted), ==, 2500);
  g_assert_cmpstr (outlay_expense_get_description (deleted), ==, "Theatre tickets");

  /* The row is kept, marked. */
  read = outlay_repository_get_expense (fixture->repository, id, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_expense_equal (read, deleted));
  g_assert_nonnull (outlay_expense_get_deleted_at (read));

  /* …but it is gone from the lists, the counts, the totals and search. */
  ids = outlay_test_find_ids (fixture, query);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_false (outlay_test_ids_contain (ids, id));
  found = outlay_repository_find_expenses (fixture->repository, query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpint (outlay_expense_get_id (g_ptr_array_index (found, i)), !=, id);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 2);
  g_assert_cmpint (outlay_test_get_total (fixture, "EUR", NULL, NULL).total, ==, 1400);
  g_assert_cmpuint (outlay_test_get_total (fixture, "EUR", NULL, NULL).count, ==, 2);
  by_category = outlay_repository_totals_by_category (fixture->repository, "EUR", NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < by_category->len; i++)
    g_assert_cmpint (g_array_index (by_category, OutlayCategoryTotal, i).category_id, !=,
                     outlay_test_category (fixture, OUTLAY_TEST_ENTERTAINMENT));
  g_assert_false (outlay_test_search_finds (fixture, "theatre", id));

  g_assert_cmpuint (fixture->changes->len, ==, 1);
  change = &g_array_index (fixture->changes, OutlayTestChange, 0);
  g_assert_cmpint (change->kind, ==, OUTLAY_CHANGE_REMOVED);
  g_assert_false (change->in_transaction);
  g_assert_true (outlay_expense_equal (change->before, b));
  g_assert_true (outlay_expense_equal (change->after, deleted));

  /* Deleting twice, or something that does not exist, fails and changes
   * nothing. */
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  none = outlay_repository_delete_expense (fixture->repository, id, &error);
  g_assert_null (none);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = outlay_repository_delete_expense (fixture->repository, id + 1000, &error);
  g_assert_null (none);
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
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
  ids = outlay_test_find_ids (fixture, query);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, id);
  g_assert_cmpuint (outlay_test_count (fixture), ==, 3);
  g_assert_cmpint (outlay_test_get_total (fixture, "EUR", NULL, NULL).total, ==, 3900);
  g_assert_true (outlay_test_search_finds (fixture, "theatre", id));

  /* Restoring what is not deleted fails and changes nothing. */
  g_clear_pointer (&before, g_free);
  before = outlay_test_dump_store (outlay_test_handle (fixture));
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
  after = outlay_test_dump_store (outlay_test_handle (fixture));
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
  gint64            groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  gint64            health = outlay_test_category (fixture, OUTLAY_TEST_HEALTH);

  g_assert_cmpuint (fixture->changes->len, ==, 0);

  stored =
    outlay_test_add (fixture, 1000, "EUR", "2024-03-15", "Lunch", outlay_test_category (fixture, OUTLAY_TEST_FOOD));
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
  g_assert_true (outlay_repository_rename_category (fixture->repository,
                                                    outlay_test_category (fixture, OUTLAY_TEST_FOOD), "Eating out",
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 3);
}

/* Property notifications */

static guint
notified_total (OutlayTestNotifyLog *log)
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
  OutlayTestNotifyLog log = { g_hash_table_new (g_str_hash, g_str_equal) };

  outlay_expense_set_note (expense, "");
  same = outlay_expense_copy (expense);
  g_signal_connect (expense, "notify", G_CALLBACK (outlay_test_on_notify_cb), &log);

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
  g_assert_cmpuint (outlay_test_notified (&log, "amount"), ==, 1);
  outlay_expense_set_currency (expense, "USD");
  g_assert_cmpuint (outlay_test_notified (&log, "currency"), ==, 1);
  outlay_expense_set_description (expense, "Dinner");
  g_assert_cmpuint (outlay_test_notified (&log, "description"), ==, 1);
  outlay_expense_set_note (expense, "With Sam");
  g_assert_cmpuint (outlay_test_notified (&log, "note"), ==, 1);
  outlay_expense_set_category_id (expense, 2);
  g_assert_cmpuint (outlay_test_notified (&log, "category-id"), ==, 1);
  g_date_set_day (date, 16);
  outlay_expense_set_date (expense, date);
  g_assert_cmpstr (outlay_expense_get_occurred_on (expense), ==, "2024-03-16");
  g_assert_cmpuint (outlay_test_notified (&log, "occurred-on"), ==, 1);
  g_object_set (expense, "amount", (gint64) 1002, NULL);
  g_assert_cmpuint (outlay_test_notified (&log, "amount"), ==, 2);
  g_assert_cmpuint (notified_total (&log), ==, 7);

  /* Assigning notifies what differs, once each. */
  g_hash_table_remove_all (log.counts);
  outlay_expense_assign (expense, same);
  g_assert_true (outlay_expense_equal (expense, same));
  g_assert_cmpuint (outlay_test_notified (&log, "amount"), ==, 1);
  g_assert_cmpuint (outlay_test_notified (&log, "currency"), ==, 1);
  g_assert_cmpuint (outlay_test_notified (&log, "description"), ==, 1);
  g_assert_cmpuint (outlay_test_notified (&log, "note"), ==, 1);
  g_assert_cmpuint (outlay_test_notified (&log, "category-id"), ==, 1);
  g_assert_cmpuint (outlay_test_notified (&log, "occurred-on"), ==, 1);
  g_assert_cmpuint (notified_total (&log), ==, 6);

  g_signal_handlers_disconnect_by_func (expense, outlay_test_on_notify_cb, &log);
  g_hash_table_unref (log.counts);
}

/* A search as-you-type from the desktop: the matches last written, by
 * day newest first; deleted ones left out; nothing for nothing. */
static void
test_search_recent (OutlayTestFixture *fixture,
                    gconstpointer      user_data)
{
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  g_autoptr (OutlayExpense) old = outlay_test_add (fixture, 100, "EUR", "2026-03-01", "Lunch downtown", food);
  g_autoptr (OutlayExpense) newer = outlay_test_add (fixture, 200, "EUR", "2026-03-09", "Lunch again", food);
  g_autoptr (OutlayExpense) backdated = outlay_test_add (fixture, 300, "EUR", "2025-12-24", "Lunchbox", food);
  g_autoptr (OutlayExpense) other = outlay_test_add (fixture, 400, "EUR", "2026-03-10", "Dinner", food);
  g_autoptr (OutlayExpense) gone = outlay_test_add (fixture, 500, "EUR", "2026-03-11", "Lunch cancelled", food);
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;

  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (gone), &error);
  g_assert_no_error (error);

  found = outlay_repository_search_recent (fixture->repository, "lun", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (outlay_expense_get_uuid (found->pdata[0]), ==, outlay_expense_get_uuid (newer));
  g_assert_cmpstr (outlay_expense_get_uuid (found->pdata[1]), ==, outlay_expense_get_uuid (old));
  g_assert_cmpstr (outlay_expense_get_uuid (found->pdata[2]), ==, outlay_expense_get_uuid (backdated));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* At most the limit. */
  found = outlay_repository_search_recent (fixture->repository, "lunch", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (outlay_expense_get_uuid (found->pdata[0]), ==, outlay_expense_get_uuid (newer));
  g_clear_pointer (&found, g_ptr_array_unref);

  found = outlay_repository_search_recent (fixture->repository, "  ", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = outlay_repository_search_recent (fixture->repository, "din", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (outlay_expense_get_uuid (found->pdata[0]), ==, outlay_expense_get_uuid (other));
}

/* Of many matches, the last 200 written count: one written before them
 * is left out even when its day is the newest (the search stays as quick
 * at a million expenses). */
static void
test_search_recent_window (OutlayTestFixture *fixture,
                           gconstpointer      user_data)
{
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  g_autoptr (OutlayExpense) first = outlay_test_add (fixture, 100, "EUR", "2026-12-31", "Lunch first", food);
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (drafts, outlay_test_draft (100 + i, "EUR", i == 199 ? "2026-06-30" : "2026-01-15", "Lunch",
                                                food));
  g_assert_true (outlay_repository_add_expenses (fixture->repository, (OutlayExpense **) drafts->pdata, drafts->len,
                                                 &error));
  g_assert_no_error (error);

  found = outlay_repository_search_recent (fixture->repository, "lunch", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (outlay_expense_get_occurred_on (found->pdata[0]), ==, "2026-06-30");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* The first is found by what only it has. */
  found = outlay_repository_search_recent (fixture->repository, "lunch first", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (outlay_expense_get_uuid (found->pdata[0]), ==, outlay_expense_get_uuid (first));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/expense/round-trip", test_round_trip);
  OUTLAY_TEST_ADD ("/repository/expense/draft-identity", test_draft_identity);
  OUTLAY_TEST_ADD ("/repository/expense/validate/amount", test_validate_amount);
  OUTLAY_TEST_ADD ("/repository/expense/validate/currency", test_validate_currency);
  OUTLAY_TEST_ADD ("/repository/expense/validate/date", test_validate_date);
  OUTLAY_TEST_ADD ("/repository/expense/validate/charged", test_validate_charged);
  OUTLAY_TEST_ADD ("/repository/expense/validate/description", test_validate_description);
  OUTLAY_TEST_ADD ("/repository/expense/validate/note", test_validate_note);
  OUTLAY_TEST_ADD ("/repository/expense/validate/category", test_validate_category);
  OUTLAY_TEST_ADD ("/repository/expense/validate/bulk", test_validate_bulk);
  OUTLAY_TEST_ADD ("/repository/expense/update", test_update);
  OUTLAY_TEST_ADD ("/repository/expense/update-missing", test_update_missing);
  OUTLAY_TEST_ADD ("/repository/expense/soft-delete", test_soft_delete);
  OUTLAY_TEST_ADD ("/repository/expense/changed-signal", test_changed_signal);
  g_test_add_func ("/repository/expense/notify", test_expense_notify);
  OUTLAY_TEST_ADD ("/repository/expense/search-recent", test_search_recent);
  OUTLAY_TEST_ADD ("/repository/expense/search-recent-window", test_search_recent_window);

  return g_test_run ();
}
