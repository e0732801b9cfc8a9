/* test-format.c
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

/* What a screen reader is given to say: amounts with their currency's
 * name, days in full, a list row as one phrase. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-repository.h"
#include "outlay-toasts.h"

static void
test_amount_spoken (void)
{
  static const struct
  {
    gint64      minor_units;
    const char *currency;
    const char *spoken;
  } cases[] = {
    { 5437, "EUR", "54.37 euros" },
    { 100, "EUR", "1 euro" },
    { 150, "EUR", "1.50 euros" },
    { 50, "EUR", "0.50 euros" },
    { 5, "EUR", "0.05 euros" },
    { 0, "EUR", "0 euros" },
    { 200000, "USD", "2000 US dollars" },
    { 1, "USD", "0.01 US dollars" },
    { -250, "GBP", "-2.50 British pounds" },
    { 1250, "JPY", "1250 Japanese yen" },
    { 1, "JPY", "1 Japanese yen" },
    { 12345, "BHD", "12.345 Bahraini dinars" },
    { 1000, "BHD", "1 Bahraini dinar" },
    { G_GINT64_CONSTANT (999999999999), "EUR", "9999999999.99 euros" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *spoken = outlay_format_amount_spoken (cases[i].minor_units, cases[i].currency);

      g_assert_cmpstr (spoken, ==, cases[i].spoken);
    }

  /* Every currency the app knows has a name to be read by. */
  {
    guint                 n = 0;
    const OutlayCurrency *all = outlay_currency_get_all (&n);

    for (guint i = 0; i < n; i++)
      {
        gint64           one = 1;
        g_autofree char *spoken = NULL;

        for (guint e = 0; e < all[i].exponent; e++)
          one *= 10;
        spoken = outlay_format_amount_spoken (one, all[i].code);

        g_assert_false (g_str_has_suffix (spoken, all[i].code));
        /* The number, then the name: no symbol in front. */
        g_assert_true (g_str_has_prefix (spoken, "1 "));
      }
  }
}

static void
test_totals_spoken (void)
{
  g_autoptr (GArray) totals = g_array_new (FALSE, TRUE, sizeof (OutlayCurrencyTotal));
  OutlayCurrencyTotal eur = { 0 }, usd = { 0 };
  g_autofree char    *none = NULL;
  g_autofree char    *two = NULL;

  none = outlay_format_totals_spoken (totals, "EUR");
  g_assert_cmpstr (none, ==, "0 euros");

  g_strlcpy (eur.currency, "EUR", sizeof eur.currency);
  eur.total = 1200;
  g_strlcpy (usd.currency, "USD", sizeof usd.currency);
  usd.total = 450;
  g_array_append_val (totals, eur);
  g_array_append_val (totals, usd);
  two = outlay_format_totals_spoken (totals, "EUR");
  g_assert_cmpstr (two, ==, "12 euros and 4.50 US dollars");
}

static void
test_day (void)
{
  g_autoptr (GDate) today = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);
  g_autofree char *yesterday = outlay_format_day ("2026-11-24", today);
  g_autofree char *heading = outlay_format_day_heading ("2026-11-24", today);
  g_autofree char *last_year = outlay_format_day ("2025-11-24", today);

  /* The heading says "Yesterday"; a screen reader gets the day itself. */
  g_assert_cmpstr (heading, ==, "Yesterday");
  g_assert_cmpstr (yesterday, ==, "Tuesday 24 November");
  g_assert_cmpstr (last_year, ==, "Monday 24 November 2025");
}

static void
test_day_ahead (void)
{
  g_autoptr (GDate) today = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026); /* a Wednesday */
  const struct
  {
    int         days;
    const char *words;
  } cases[] = {
    { 0, "Today" },
    { 1, "Tomorrow" },
    { 2, "Friday" },
    { 6, "Tuesday" },
    { 7, "Wed 2 December" },
    { 40, "Mon 4 January 2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDate) day = g_date_copy (today);
      g_autofree char *words = NULL;

      g_date_add_days (day, cases[i].days);
      words = outlay_format_day_ahead (day, today);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static OutlayCategory *
find_category (OutlayRepository *repository,
               const char       *name)
{
  GListModel *categories = outlay_repository_get_categories (repository);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      if (g_strcmp0 (outlay_category_get_name (category), name) == 0)
        return g_steal_pointer (&category);
    }

  g_error ("No category %s", name);
}

static void
test_expense_spoken (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-format-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "outlay.db", NULL);
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (OutlayCategory) category = NULL;
  g_autoptr (GDate) today = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);
  g_autoptr (OutlayExpense) expense = outlay_expense_new ();
  g_autofree char *plain = NULL;
  g_autofree char *noted = NULL;
  g_autofree char *refund = NULL;
  g_autofree char *recurring = NULL;

  g_assert_no_error (error);
  database = outlay_database_open (path, &error);
  g_assert_no_error (error);
  repository = outlay_repository_new (database);
  category = find_category (repository, "Groceries");

  outlay_expense_set_amount (expense, 5437);
  outlay_expense_set_currency (expense, "EUR");
  outlay_expense_set_description (expense, "weekly shop");
  outlay_expense_set_occurred_on (expense, "2026-11-24");

  plain = outlay_format_expense_spoken (expense, category, today);
  g_assert_cmpstr (plain, ==, "Groceries, weekly shop, 54.37 euros, Tuesday 24 November");

  outlay_expense_set_note (expense, "for the week");
  noted = outlay_format_expense_spoken (expense, category, today);
  g_assert_cmpstr (noted, ==, "Groceries, weekly shop, 54.37 euros, Tuesday 24 November, for the week");

  /* A refund says so in words: a screen reader may not read a "+". */
  outlay_expense_set_amount (expense, -320);
  outlay_expense_set_description (expense, "bottle deposit");
  outlay_expense_set_note (expense, NULL);
  refund = outlay_format_expense_spoken (expense, category, today);
  g_assert_cmpstr (refund, ==, "Groceries, bottle deposit, refund of 3.20 euros, Tuesday 24 November");

  /* Written by a recurring expense: said in words, where the list shows
   * an icon. */
  outlay_expense_set_amount (expense, 95000);
  outlay_expense_set_description (expense, "rent");
  outlay_expense_set_occurrence (expense, "9a1c3e5f-2b4d-4f6a-8c0e-000000000001", "2026-11-24");
  recurring = outlay_format_expense_spoken (expense, category, today);
  g_assert_cmpstr (recurring, ==, "Groceries, rent, 950 euros, Tuesday 24 November, recurring");

  g_clear_object (&category);
  g_clear_object (&repository);
  g_clear_object (&database);
  for (const char *suffix = ""; suffix != NULL;
       suffix = *suffix == '\0' ? "-wal" : (g_str_equal (suffix, "-wal") ? "-shm" : NULL))
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* What the backups list and the damaged-ledger page say of a backup. */
static void
test_backup_details (void)
{
  OutlayBackupInfo info = { 0 };
  g_autofree char *verified = NULL;
  g_autofree char *one = NULL;
  g_autofree char *older = NULL;
  g_autofree char *unchecked = NULL;
  g_autofree char *damaged = NULL;

  info.size = 98304;
  info.reason = OUTLAY_BACKUP_REASON_DAILY;
  info.state = OUTLAY_BACKUP_STATE_VERIFIED;
  info.schema_version = OUTLAY_SCHEMA_VERSION;
  info.expenses = 3;
  verified = outlay_format_backup_details (&info);
  g_assert_cmpstr (verified, ==, "3 expenses · Daily · 98.3\u00a0kB");

  info.expenses = 1;
  one = outlay_format_backup_details (&info);
  g_assert_cmpstr (one, ==, "1 expense · Daily · 98.3\u00a0kB");

  info.schema_version = 2;
  older = outlay_format_backup_details (&info);
  g_assert_cmpstr (older, ==, "1 expense · Daily · 98.3\u00a0kB · data format 2");

  info.schema_version = OUTLAY_SCHEMA_VERSION;
  info.state = OUTLAY_BACKUP_STATE_UNVERIFIED;
  info.reason = OUTLAY_BACKUP_REASON_MANUAL;
  unchecked = outlay_format_backup_details (&info);
  g_assert_cmpstr (unchecked, ==, "Not checked · Manual · 98.3\u00a0kB");

  info.state = OUTLAY_BACKUP_STATE_DAMAGED;
  damaged = outlay_format_backup_details (&info);
  g_assert_cmpstr (damaged, ==, "Damaged · Manual · 98.3\u00a0kB");
}

/* A toast says a description as it was typed: libadwaita reads a toast's
 * title as markup, where "&" and "<" would break it or vanish. */
static void
test_toast_text (void)
{
  const char *typed = "AT&T <phone> 5 > 3";
  g_autoptr (AdwToast) toast = g_object_ref_sink (outlay_toasts_new (typed));
  g_autofree char *shown = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (pango_parse_markup (adw_toast_get_title (toast), -1, 0, NULL, &shown, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (shown, ==, typed);
}

int
main (int   argc,
      char *argv[])
{
  /* English words, "." for the decimal mark. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/amount-spoken", test_amount_spoken);
  g_test_add_func ("/format/totals-spoken", test_totals_spoken);
  g_test_add_func ("/format/day", test_day);
  g_test_add_func ("/format/day-ahead", test_day_ahead);
  g_test_add_func ("/format/expense-spoken", test_expense_spoken);
  g_test_add_func ("/format/backup-details", test_backup_details);
  g_test_add_func ("/format/toast-text", test_toast_text);

  return g_test_run ();
}
