/* test-xhb.c
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

/* For strtoull_l() and RTLD_NEXT. */
#define _GNU_SOURCE

#include "config.h"

#include "outlay-date.h"

#include <dlfcn.h>
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "outlay-money.h"
#include "outlay-repository.h"
#include "outlay-uuid.h"
#include "outlay-xhb.h"

/* HomeBank counts days from 0001-01-01 = day 1, as GDate's Julian days do:
 *
 *   g_date_set_dmy (&d, 24, G_DATE_NOVEMBER, 2026); g_date_get_julian (&d) == 739944
 *   g_date_set_dmy (&d,  5, G_DATE_JANUARY,  2026); g_date_get_julian (&d) == 739621
 *   g_date_set_dmy (&d, 15, G_DATE_MARCH,    2010); g_date_get_julian (&d) == 733846
 *   g_date_set_dmy (&d, 31, G_DATE_DECEMBER, 1899); g_date_get_julian (&d) == 693595
 *
 * test_day_numbers() checks these against GDate, so that the fixtures'
 * expectations rest on more than this comment. */

#define SKIPPED OUTLAY_IMPORT_ISSUE_SKIPPED
#define ERROR OUTLAY_IMPORT_ISSUE_ERROR

/* Issue 11: now and then, "its version “1.3” is not a number". GLib 2.74's
 * g_ascii_string_to_unsigned() clears errno, then g_ascii_strtoull() makes
 * its C locale in a g_once_init_enter() and parses with strtoull_l(). When
 * another thread makes that locale at the same moment, the futex wait in
 * g_once_init_enter() leaves EAGAIN in errno, strtoull_l() succeeds without
 * touching it, and g_ascii_string_to_unsigned() takes the number for a bad
 * one. While leave_eagain is set, this strtoull_l(), which the test program
 * puts before the C library's, leaves EAGAIN the same way, every time. */
static gboolean leave_eagain;

unsigned long long
strtoull_l (const char *text,
            char      **end,
            int         base,
            locale_t    locale)
{
  static unsigned long long (*real) (const char *, char **, int, locale_t);

  if (real == NULL)
    *(void **) &real = dlsym (RTLD_NEXT, "strtoull_l");
  g_assert_nonnull (real);

  if (leave_eagain)
    errno = EAGAIN;
  return real (text, end, base, locale);
}

static OutlayImportSource *
read_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  OutlayImportSource *source = outlay_xhb_read (text, strlen (text), "EUR", &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

static OutlayImportSource *
read_fixture_in (const char *name,
                 const char *currency)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "homebank", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  OutlayImportSource *source;
  gsize               length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  source = outlay_xhb_read (contents, length, currency, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

static OutlayImportSource *
read_fixture (const char *name)
{
  return read_fixture_in (name, "EUR");
}

/* One line per field, so that a failure names the record and the field. */
static void
assert_record (OutlayImportSource *source,
               guint               index,
               guint               line,
               const char         *date,
               gint64              amount,
               const char         *currency,
               const char         *description,
               const char         *note,
               const char         *category)
{
  OutlayImportRecord *record;

  g_assert_cmpuint (index, <, source->records->len);
  record = g_ptr_array_index (source->records, index);
  g_assert_cmpuint (record->line, ==, line);
  g_assert_cmpstr (record->date, ==, date);
  g_assert_cmpint (record->amount, ==, amount);
  g_assert_cmpstr (record->currency, ==, currency);
  g_assert_cmpstr (record->description, ==, description);
  g_assert_cmpstr (record->note, ==, note);
  g_assert_cmpstr (record->category, ==, category);
}

/* Money received: a refund only if the person takes it as one. */
static void
assert_incoming (OutlayImportSource *source,
                 guint               index,
                 gboolean            incoming)
{
  OutlayImportRecord *record;

  g_assert_cmpuint (index, <, source->records->len);
  record = g_ptr_array_index (source->records, index);
  g_assert_cmpint (record->incoming, ==, incoming);
  g_assert_cmpint (record->amount < 0, ==, incoming);
}

static void
assert_issue (OutlayImportSource   *source,
              guint                 index,
              guint                 line,
              OutlayImportIssueKind kind,
              const char           *message)
{
  OutlayImportIssue *issue;

  g_assert_cmpuint (index, <, source->issues->len);
  issue = g_ptr_array_index (source->issues, index);
  g_assert_cmpuint (issue->line, ==, line);
  g_assert_cmpint (issue->kind, ==, kind);
  g_assert_cmpstr (issue->message, ==, message);
}

static void
test_day_numbers (void)
{
  static const struct
  {
    guint32     day;
    GDateDay    d;
    GDateMonth  m;
    GDateYear   y;
    const char *text;
  } days[] = {
    { 739944, 24, G_DATE_NOVEMBER, 2026, "2026-11-24" },
    { 739621, 5, G_DATE_JANUARY, 2026, "2026-01-05" },
    { 733846, 15, G_DATE_MARCH, 2010, "2010-03-15" },
    { 693595, 31, G_DATE_DECEMBER, 1899, "1899-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (GDate) date = g_date_new_dmy (days[i].d, days[i].m, days[i].y);

      g_assert_cmpuint (g_date_get_julian (date), ==, days[i].day);
    }

  /* The first readable day is 1900-01-01, the last 2999-12-31. */
  {
    g_autoptr (GDate) first = g_date_new_dmy (1, G_DATE_JANUARY, 1900);
    g_autoptr (GDate) last = g_date_new_dmy (31, G_DATE_DECEMBER, 2999);
    g_autofree char *text = g_strdup_printf ("<homebank v=\"1.4\"><account key=\"1\" name=\"A\"/>\n"
                                             "<ope date=\"%u\" amount=\"-1\" account=\"1\"/>\n"
                                             "<ope date=\"%u\" amount=\"-1\" account=\"1\"/>\n"
                                             "<ope date=\"%u\" amount=\"-1\" account=\"1\"/>\n"
                                             "<ope date=\"%u\" amount=\"-1\" account=\"1\"/>\n"
                                             "<ope date=\"99999999999\" amount=\"-1\" account=\"1\"/>\n"
                                             "<ope date=\"-5\" amount=\"-1\" account=\"1\"/>\n"
                                             "<ope amount=\"-1\" account=\"1\"/>\n"
                                             "</homebank>",
                                             g_date_get_julian (first) - 1, g_date_get_julian (first),
                                             g_date_get_julian (last), g_date_get_julian (last) + 1);
    g_autoptr (OutlayImportSource) source = read_text (text);

    g_assert_cmpuint (source->records->len, ==, 2);
    assert_record (source, 0, 3, "1900-01-01", 100, NULL, "", NULL, NULL);
    assert_record (source, 1, 4, "2999-12-31", 100, NULL, "", NULL, NULL);
    g_assert_cmpuint (source->issues->len, ==, 5);
    assert_issue (source, 0, 2, ERROR, "The date 1899-12-31 is outside the years Outlay keeps, 1900 to 2999.");
    assert_issue (source, 1, 5, ERROR, "The date 3000-01-01 is outside the years Outlay keeps, 1900 to 2999.");
    assert_issue (source, 2, 6, ERROR, "The date “99999999999” is not a HomeBank day number.");
    assert_issue (source, 3, 7, ERROR, "The date “-5” is not a HomeBank day number.");
    assert_issue (source, 4, 8, ERROR, "The transaction has no date.");
  }
}

/* A HomeBank 5 file with three accounts in two currencies, payees,
 * subcategories, splits, a transfer pair, income, and both the "wording"
 * and the newer "memo" attribute. */
static void
test_homebank5 (void)
{
  g_autoptr (OutlayImportSource) source = read_fixture ("homebank5.xhb");

  g_assert_cmpuint (source->records->len, ==, 11);
  /* "-45.509999999999998" is the double nearest 45.51. */
  assert_record (source, 0, 22, "2026-11-24", 4551, "EUR", "Supermarket", "weekly shop", "Food › Groceries");
  /* Money received is an incoming record, negative: a refund if the person
   * takes it as one (this salary would be left out). */
  assert_record (source, 1, 23, "2026-11-25", -250000, "EUR", "Employer", "November salary", "Salary");
  /* A split: each part with its category; the second part has no memo of
   * its own and takes the transaction's. */
  assert_record (source, 2, 26, "2026-11-27", 4250, "EUR", "Hardware store", "paint", "Home › Tools");
  assert_record (source, 3, 26, "2026-11-27", 1750, "EUR", "Hardware store", "renovation", "Food › Groceries");
  /* No payee: the memo describes it. */
  assert_record (source, 4, 27, "2026-11-28", 380, "EUR", "coffee with Ana", NULL, "Food › Restaurants");
  /* The US card's currency; the cheque number joins the memo. */
  assert_record (source, 5, 28, "2026-11-29", 1230, "USD", "Café & Bäckerei", "breakfast (ref 1234)",
                 "Food › Restaurants");
  /* Half a cent rounds away from zero. */
  assert_record (source, 6, 29, "2026-11-30", 1, "EUR", "Supermarket", NULL, NULL);
  /* Savings names no currency: the file's base currency. */
  assert_record (source, 7, 31, "2026-12-01", 1500, "EUR", "bank fee", NULL, "Home");
  assert_record (source, 8, 33, "2026-12-03", -1550, "USD", "Supermarket", "refund", "Food › Groceries");
  assert_record (source, 9, 34, "2026-12-04", 3000, "EUR", "Supermarket", "food", "Food › Groceries");
  /* A split's part of money received, a bottle deposit, likewise. */
  assert_record (source, 10, 34, "2026-12-04", -500, "EUR", "Supermarket", "bottle deposit", "Food › Groceries");
  for (guint i = 0; i < source->records->len; i++)
    assert_incoming (source, i, i == 1 || i == 8 || i == 10);

  /* Its scheduled subscription (line 21), from its next date, monthly;
   * its limit counts only with HomeBank's limit flag, which it lacks. */
  g_assert_cmpuint (source->rules->len, ==, 1);
  {
    OutlayImportRule       *rule = g_ptr_array_index (source->rules, 0);
    const OutlayRecurrence *recurrence = outlay_recurring_rule_get_recurrence (rule->rule);
    g_autofree char        *start = outlay_date_format_iso (&recurrence->start);

    g_assert_cmpstr (outlay_recurring_rule_get_description (rule->rule), ==, "Supermarket");
    g_assert_cmpstr (outlay_recurring_rule_get_note (rule->rule), ==, "subscription");
    g_assert_cmpint (outlay_recurring_rule_get_amount (rule->rule), ==, 999);
    g_assert_cmpstr (outlay_recurring_rule_get_currency (rule->rule), ==, "EUR");
    g_assert_cmpstr (rule->category_name, ==, "Food › Groceries");
    /* Day 739700 */
    g_assert_cmpstr (start, ==, "2026-03-25");
    g_assert_cmpint (recurrence->unit, ==, OUTLAY_REPEAT_MONTHLY);
    g_assert_cmpint (recurrence->end, ==, OUTLAY_REPEAT_END_NEVER);
  }

  g_assert_cmpuint (source->issues->len, ==, 4);
  assert_issue (source, 0, 24, SKIPPED, "A transfer between accounts, not an expense.");
  assert_issue (source, 1, 25, SKIPPED, "A transfer between accounts, not an expense.");
  assert_issue (source, 2, 30, SKIPPED, "An amount of zero, not an expense.");
  assert_issue (source, 3, 32, SKIPPED, "A voided transaction, not an expense.");
  g_assert_cmpuint (outlay_import_source_count_issues (source, ERROR), ==, 0);
}

/* HomeBank 4 knew no currencies: every record is in the ledger's. */
static void
test_homebank4 (void)
{
  g_autoptr (OutlayImportSource) source = read_fixture ("homebank4.xhb");

  g_assert_cmpuint (source->records->len, ==, 2);
  assert_record (source, 0, 9, "2010-03-15", 230, NULL, "Boulangerie", "baguette", "Alimentation › Pain");
  assert_record (source, 1, 11, "2011-06-30", 1500, NULL, "divers", NULL, "Alimentation");

  g_assert_cmpuint (source->issues->len, ==, 1);
  assert_issue (source, 0, 10, SKIPPED, "A transfer between accounts, not an expense.");

  /* A file without currencies is in the ledger's, with its decimals: ¥2.30
   * rounds to ¥2, and ¥15 stays ¥15. */
  {
    g_autoptr (OutlayImportSource) in_yen = read_fixture_in ("homebank4.xhb", "JPY");

    g_assert_cmpuint (in_yen->records->len, ==, 2);
    assert_record (in_yen, 0, 9, "2010-03-15", 2, NULL, "Boulangerie", "baguette", "Alimentation › Pain");
    assert_record (in_yen, 1, 11, "2011-06-30", 15, NULL, "divers", NULL, "Alimentation");
  }
}

/* Each bad transaction is named with its line and why; the good ones
 * around them, even one that comes before the definitions it uses, are
 * read. */
static void
test_broken (void)
{
  g_autoptr (OutlayImportSource) source = read_fixture ("broken.xhb");

  g_assert_cmpuint (source->records->len, ==, 2);
  assert_record (source, 0, 5, "2026-01-05", 1000, "EUR", "Bakery", "before the definitions", "Food");
  assert_record (source, 1, 18, "2026-01-12", 420, "EUR", "Bakery", "after the bad ones", "Food");

  g_assert_cmpuint (source->issues->len, ==, 9);
  assert_issue (source, 0, 9, ERROR, "The transaction has no date.");
  assert_issue (source, 1, 10, ERROR, "The transaction refers to a category (key “99”) that is not in the file.");
  assert_issue (source, 2, 11, ERROR, "The amount “abc” is not a number.");
  assert_issue (source, 3, 12, ERROR, "The date “tomorrow” is not a HomeBank day number.");
  assert_issue (source, 4, 13, ERROR, "The transaction refers to an account (key “7”) that is not in the file.");
  assert_issue (source, 5, 14, ERROR, "The transaction refers to a payee (key “42”) that is not in the file.");
  assert_issue (source, 6, 15, ERROR, "The date 1899-12-31 is outside the years Outlay keeps, 1900 to 2999.");
  assert_issue (source, 7, 16, ERROR, "The amount “-1e30” is larger than Outlay can keep.");
  assert_issue (source, 8, 17, ERROR,
                "The split transaction has a different number of amounts (3) and categories (2).");
  g_assert_cmpuint (outlay_import_source_count_issues (source, SKIPPED), ==, 0);
}

static char *
one_transaction (const char *iso,
                 const char *amount)
{
  return g_strdup_printf ("<homebank v=\"1.4\">\n"
                          "<properties curr=\"1\"/>\n"
                          "<cur key=\"1\" iso=\"%s\"/>\n"
                          "<account key=\"1\" name=\"A\" curr=\"1\"/>\n"
                          "<ope date=\"739944\" amount=\"%s\" account=\"1\"/>\n"
                          "</homebank>\n",
                          iso, amount);
}

/* HomeBank's budgets on its categories become Outlay budgets of them: the
 * same every month (b0), or one a month (b1…b12, custom flag) as the
 * amount most months have and an override for each other month of this
 * year and the next; income and empty budgets are left out. */
static void
test_budgets (void)
{
  static const char text[] =
    "<homebank v=\"1.4\">\n"
    "<properties curr=\"1\"/>\n"
    "<cur key=\"1\" iso=\"CHF\"/>\n"
    "<cat key=\"1\" flags=\"8\" name=\"Food\" b0=\"-400\"/>\n"
    "<cat key=\"2\" parent=\"1\" flags=\"13\" name=\"Restaurants\" b1=\"-50\" b2=\"-50\" b3=\"-50\" "
    "b4=\"-50\" b5=\"-50\" b6=\"-50\" b7=\"-50\" b8=\"-50\" b9=\"-50\" b10=\"-50\" b11=\"-50\" b12=\"-180.5\"/>\n"
    "<cat key=\"3\" flags=\"10\" name=\"Salary\" b0=\"5000\"/>\n"
    "<cat key=\"4\" flags=\"0\" name=\"Gifts\"/>\n"
    "<cat key=\"5\" flags=\"8\" name=\"Unbudgeted\" b0=\"0\"/>\n"
    "</homebank>\n";
  g_autoptr (OutlayImportSource) source = read_text (text);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *anchor = g_strdup_printf ("%04d-01-01", g_date_time_get_year (now));
  g_autofree char *december = g_strdup_printf ("%04d-12-01", g_date_time_get_year (now));
  g_autofree char *next_december = g_strdup_printf ("%04d-12-01", g_date_time_get_year (now) + 1);
  OutlayImportBudget    *food;
  OutlayImportBudget    *restaurants;
  OutlayImportBudgetRow *row;

  g_assert_cmpuint (source->budgets->len, ==, 2);
  food = g_ptr_array_index (source->budgets, 0);
  g_assert_cmpstr (outlay_budget_get_name (food->budget), ==, "Food");
  g_assert_cmpint (outlay_budget_get_amount (food->budget), ==, 40000);
  g_assert_cmpstr (outlay_budget_get_currency (food->budget), ==, "CHF");
  g_assert_cmpint (outlay_budget_get_period (food->budget), ==, OUTLAY_CYCLE_MONTH);
  g_assert_cmpstr (outlay_budget_get_anchor (food->budget), ==, anchor);
  g_assert_true (g_strv_equal ((const char *const *) food->category_names, (const char *const[]){ "Food", NULL }));
  g_assert_cmpuint (food->overrides->len, ==, 0);

  restaurants = g_ptr_array_index (source->budgets, 1);
  g_assert_cmpstr (outlay_budget_get_name (restaurants->budget), ==, "Food › Restaurants");
  g_assert_true (g_strv_equal ((const char *const *) restaurants->category_names,
                               (const char *const[]){ "Food › Restaurants", NULL }));
  g_assert_cmpint (outlay_budget_get_amount (restaurants->budget), ==, 5000);
  g_assert_cmpuint (restaurants->overrides->len, ==, 2);
  row = g_ptr_array_index (restaurants->overrides, 0);
  g_assert_cmpstr (row->period_start, ==, december);
  g_assert_cmpint (row->value, ==, 18050);
  row = g_ptr_array_index (restaurants->overrides, 1);
  g_assert_cmpstr (row->period_start, ==, next_december);
  g_assert_true (outlay_uuid_is_valid (row->uuid));
}

/* Assignment rules become rules that file expenses, in HomeBank's order,
 * with the flags of its hb-assign.h: exact (1) is a case-sensitive
 * "contains", sets the category (4) or overwrites it (1024), amount (128),
 * regular expression (256); one that sets only the payee (2) or the
 * payment (8) files nothing. A regular expression is left out and says
 * so, as does an amount that is not an expense. */
static void
test_assignments (void)
{
  g_autoptr (OutlayImportSource) source = read_fixture ("assignments.xhb");
  static const struct
  {
    const char     *pattern;
    OutlayRuleMatch match;
    const char     *category;
    const char     *amount;
  } expected[] = {
    { "Bus ticket", OUTLAY_RULE_MATCH_CONTAINS, "Transport", NULL },
    { "rewe", OUTLAY_RULE_MATCH_CONTAINS, "Food › Groceries", NULL },
    { "Taxi", OUTLAY_RULE_MATCH_CONTAINS, "Transport", NULL },
    { "Netflix", OUTLAY_RULE_MATCH_CONTAINS, "Transport", "12.99" },
  };
  GString         *issues = g_string_new (NULL);
  g_autofree char *described = NULL;

  g_assert_cmpuint (source->category_rules->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      OutlayImportCategoryRule *rule = g_ptr_array_index (source->category_rules, i);

      g_assert_cmpstr (outlay_category_rule_get_patterns (rule->rule)[0], ==, expected[i].pattern);
      g_assert_null (outlay_category_rule_get_patterns (rule->rule)[1]);
      g_assert_cmpint (outlay_category_rule_get_match (rule->rule), ==, expected[i].match);
      g_assert_cmpint (outlay_category_rule_get_field (rule->rule), ==, OUTLAY_RULE_FIELD_DESCRIPTION);
      g_assert_cmpstr (rule->category_name, ==, expected[i].category);
      g_assert_cmpstr (outlay_category_rule_get_amount_min (rule->rule), ==, expected[i].amount);
      g_assert_cmpstr (outlay_category_rule_get_amount_max (rule->rule), ==, expected[i].amount);
      g_assert_null (outlay_category_rule_get_uuid (rule->rule));
    }

  for (guint i = 0; i < source->issues->len; i++)
    {
      const OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

      g_string_append_printf (issues, "%u %d %s\n", issue->line, issue->kind, issue->message);
    }
  described = g_string_free (issues, FALSE);
  g_assert_cmpstr (described, ==,
                   "12 1 The assignment rule “^shell.*” is a regular expression, which Outlay’s rules do not "
                   "have; it is left out.\n"
                   "14 1 The assignment rule “Ghost” refers to a category (key “9”) that is not in the file, or "
                   "has no name; it is left out.\n"
                   "17 1 The assignment rule “Refund” matches an amount of “25”, which is not an expense; it is "
                   "left out.\n");
  g_assert_cmpuint (outlay_import_source_get_n_records (source), ==, 2);
}

/* Amounts are rounded from their decimal digits, never through a double:
 * "-2.675" is 2.68, although the double nearest it is 2.67499999…; and
 * HomeBank writes that double as "-2.6749999999999998", which is 2.67. */
static void
test_amounts (void)
{
  static const struct
  {
    const char *iso;
    const char *amount;
    gint64      expected; /* 0: rounds to zero */
  } amounts[] = {
    { "EUR", "-45.509999999999998", 4551 },
    { "EUR", "-45.504999999999999", 4550 },
    { "EUR", "-45.505", 4551 },
    { "EUR", "-2.675", 268 },
    { "EUR", "-2.6749999999999998", 267 },
    { "EUR", "-0.005", 1 },
    { "EUR", "-0.0049999999999999", 0 },
    { "EUR", "-1e-05", 0 },
    { "EUR", "-0", 0 },
    { "EUR", "-1E2", 10000 },
    { "EUR", "-1.5e+1", 1500 },
    { "EUR", "-1250e-3", 125 },
    { "EUR", "-.5", 50 },
    { "EUR", "-7.", 700 },
    { "EUR", "-0012.30", 1230 },
    { "EUR", " -3 ", 300 },
    { "EUR", "-9999999999.99", 999999999999 },
    { "EUR", "-9999999999.994", 999999999999 },
    { "JPY", "-1500", 1500 },
    { "JPY", "-1500.5", 1501 },
    { "JPY", "-1499.4999", 1499 },
    { "JPY", "-0.5", 1 },
    { "JPY", "-999999999999", 999999999999 },
    { "BHD", "-1.2345", 1235 },
    { "BHD", "-0.0005", 1 },
  };
  static const char *const too_large[] = {
    "-9999999999.995",
    "-1e30",
    "-1e999999999999",
    "-10000000000",
    "-123456789012345678901234567890",
  };
  static const char *const invalid[] = {
    "abc",
    "",
    "-",
    "--5",
    "+-5",
    "- 5",
    "1e",
    "1e+",
    "0x10",
    "nan",
    "-inf",
    "1,5",
    "1.2.3",
    "5-",
    "e5",
    ".",
  };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = one_transaction (amounts[i].iso, amounts[i].amount);
      g_autoptr (OutlayImportSource) source = read_text (text);

      g_test_message ("%s %s", amounts[i].iso, amounts[i].amount);
      if (amounts[i].expected == 0)
        {
          g_assert_cmpuint (source->records->len, ==, 0);
          g_assert_cmpuint (source->issues->len, ==, 1);
          assert_issue (source, 0, 5, SKIPPED, "An amount of zero, not an expense.");
        }
      else
        {
          g_assert_cmpuint (source->issues->len, ==, 0);
          g_assert_cmpuint (source->records->len, ==, 1);
          assert_record (source, 0, 5, "2026-11-24", amounts[i].expected, amounts[i].iso, "", NULL, NULL);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (too_large); i++)
    {
      g_autofree char *text = one_transaction ("EUR", too_large[i]);
      g_autoptr (OutlayImportSource) source = read_text (text);
      g_autofree char *message = g_strdup_printf ("The amount “%s” is larger than Outlay can keep.", too_large[i]);

      g_assert_cmpuint (source->records->len, ==, 0);
      g_assert_cmpuint (source->issues->len, ==, 1);
      assert_issue (source, 0, 5, ERROR, message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *text = one_transaction ("EUR", invalid[i]);
      g_autoptr (OutlayImportSource) source = read_text (text);
      g_autofree char *message = g_strdup_printf ("The amount “%s” is not a number.", invalid[i]);

      g_assert_cmpuint (source->records->len, ==, 0);
      g_assert_cmpuint (source->issues->len, ==, 1);
      assert_issue (source, 0, 5, ERROR, message);
    }

  /* Income in JPY: an incoming record in yen, no decimals. */
  {
    g_autofree char *text = one_transaction ("JPY", "1200");
    g_autoptr (OutlayImportSource) source = read_text (text);

    g_assert_cmpuint (source->issues->len, ==, 0);
    assert_record (source, 0, 5, "2026-11-24", -1200, "JPY", "", NULL, NULL);
    assert_incoming (source, 0, TRUE);
  }
}

/* Currencies Outlay does not know, or that the file does not define, make
 * their transactions unreadable rather than recorded in the wrong money. */
static void
test_currencies (void)
{
  g_autoptr (OutlayImportSource) source = read_text (
    "<homebank v=\"1.4\">\n"
    "<cur key=\"1\" iso=\"XTS\"/>\n"
    "<cur key=\"2\" iso=\"gbp\"/>\n"
    "<account key=\"1\" name=\"Test\" curr=\"1\"/>\n"
    "<account key=\"2\" name=\"Lost\" curr=\"9\"/>\n"
    "<account key=\"3\" name=\"London\" curr=\"2\"/>\n"
    "<account key=\"4\" name=\"Nowhere\"/>\n"
    "<ope date=\"739944\" amount=\"-1\" account=\"1\"/>\n"
    "<ope date=\"739944\" amount=\"-2\" account=\"2\"/>\n"
    "<ope date=\"739944\" amount=\"-3\" account=\"3\"/>\n"
    "<ope date=\"739944\" amount=\"-4\" account=\"4\"/>\n"
    "<ope date=\"739944\" amount=\"-5\" account=\"0\"/>\n"
    "</homebank>\n");

  g_assert_cmpuint (source->records->len, ==, 2);
  assert_record (source, 0, 10, "2026-11-24", 300, "GBP", "", NULL, NULL);
  /* Neither the account nor the file names a currency. */
  assert_record (source, 1, 11, "2026-11-24", 400, NULL, "", NULL, NULL);

  g_assert_cmpuint (source->issues->len, ==, 3);
  assert_issue (source, 0, 8, ERROR, "The account “Test” is in XTS, a currency Outlay does not know.");
  assert_issue (source, 1, 9, ERROR, "The account “Lost” has a currency (key “9”) that is not in the file.");
  assert_issue (source, 2, 12, ERROR, "The transaction has no account.");
}

/* The payee describes an expense and the memo becomes its note; without a
 * payee the memo describes it. Texts are cleaned the way the ledger keeps
 * them, and nothing is cut off without being kept somewhere. */
static void
test_texts (void)
{
  g_autoptr (GString) long_memo = g_string_new (NULL);
  g_autoptr (GString) huge_memo = g_string_new (NULL);
  g_autoptr (GString) full_memo = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected_description = NULL;
  g_autofree char *expected_note = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  g_autofree char *huge_message = NULL;

  /* 250 characters, two bytes each, so that a cut in bytes would show. */
  for (guint i = 0; i < 250; i++)
    g_string_append (long_memo, "é");
  for (guint i = 0; i < OUTLAY_NOTE_MAX_LENGTH + 1; i++)
    g_string_append_c (huge_memo, 'x');
  for (guint i = 0; i < OUTLAY_NOTE_MAX_LENGTH; i++)
    g_string_append_c (full_memo, 'y');

  text =
    g_strdup_printf ("<homebank v=\"1.4\">\n"
                     "<account key=\"1\" name=\"A\"/>\n"
                     "<pay key=\"1\" name=\" Corner&#9;shop \"/>\n"
                     "<pay key=\"2\" name=\"\"/>\n"
                     "<ope date=\"739944\" amount=\"-1\" account=\"1\" payee=\"1\" memo=\"line "
                     "one&#10;line&#9;two\"/>\n"
                     "<ope date=\"739944\" amount=\"-2\" account=\"1\" memo=\"line one&#10;line two&#13;&#10;\"/>\n"
                     "<ope date=\"739944\" amount=\"-3\" account=\"1\" memo=\"%s\" info=\"77\"/>\n"
                     "<ope date=\"739944\" amount=\"-4\" account=\"1\" payee=\"1\" memo=\"%s\"/>\n"
                     "<ope date=\"739944\" amount=\"-5\" account=\"1\" payee=\"1\" memo=\"%s\"/>\n"
                     "<ope date=\"739944\" amount=\"-6\" account=\"1\" payee=\"1\" info=\" 0042 \"/>\n"
                     "<ope date=\"739944\" amount=\"-7\" account=\"1\" payee=\"2\" wording=\"old name\" memo=\"new "
                     "name\"/>\n"
                     "</homebank>\n",
                     long_memo->str, huge_memo->str, full_memo->str);
  source = read_text (text);

  expected_description = g_strdup (long_memo->str);
  *g_utf8_offset_to_pointer (expected_description, OUTLAY_DESCRIPTION_MAX_LENGTH - 1) = '\0';
  {
    char *with_ellipsis = g_strconcat (expected_description, "…", NULL);

    g_free (expected_description);
    expected_description = with_ellipsis;
  }
  expected_note = g_strconcat (long_memo->str, "\n\nRef 77", NULL);
  huge_message = g_strdup_printf ("The memo is too long for a note: it has %d characters, a note at most %d.",
                                  OUTLAY_NOTE_MAX_LENGTH + 1, OUTLAY_NOTE_MAX_LENGTH);

  g_assert_cmpuint (source->records->len, ==, 6);
  /* A note keeps its line breaks; a tab becomes a space. */
  assert_record (source, 0, 5, "2026-11-24", 100, NULL, "Corner shop", "line one\nline two", NULL);
  /* A description is one line. */
  assert_record (source, 1, 6, "2026-11-24", 200, NULL, "line one line two", NULL, NULL);
  /* Too long for a description: shortened, and kept whole in the note. */
  assert_record (source, 2, 7, "2026-11-24", 300, NULL, expected_description, expected_note, NULL);
  g_assert_cmpint (g_utf8_strlen (expected_description, -1), ==, OUTLAY_DESCRIPTION_MAX_LENGTH);
  /* Exactly as long as a note may be. */
  assert_record (source, 3, 9, "2026-11-24", 500, NULL, "Corner shop", full_memo->str, NULL);
  assert_record (source, 4, 10, "2026-11-24", 600, NULL, "Corner shop", "Ref 0042", NULL);
  /* A payee without a name does not describe anything; "memo" wins over
   * the older "wording". */
  assert_record (source, 5, 11, "2026-11-24", 700, NULL, "new name", NULL, NULL);

  g_assert_cmpuint (source->issues->len, ==, 1);
  assert_issue (source, 0, 8, ERROR, huge_message);
}

/* Scheduled templates, assignment rules and anything nested deeper are not
 * transactions; keys may be defined after their use; a category whose
 * parent is missing is an error on the transactions that use it. */
static void
test_structure (void)
{
  g_autoptr (OutlayImportSource) source = read_text (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE homebank>\n"
    "<homebank v=\"1.3\" d=\"050206\">\n"
    "<!-- a comment -->\n"
    "<fav key=\"1\" date=\"739944\" amount=\"-9\" account=\"1\" wording=\"template\"/>\n"
    "<asg key=\"1\" name=\"rule\"/>\n"
    "<extra><ope date=\"739944\" amount=\"-8\" account=\"1\"/></extra>\n"
    "<ope date=\"739944\" amount=\"-1\" account=\"1\" category=\"3\"/>\n"
    "<ope date=\"739944\" amount=\"-2\" account=\"1\" category=\"4\"/>\n"
    "<ope date=\"739944\" amount=\"-3\" account=\"1\" category=\"x\"/>\n"
    "<ope date=\"739944\" amount=\"-4\" account=\"1\" flags=\"256\"/>\n"
    "<ope date=\"739944\" amount=\"-5\" account=\"1\" scat=\"3||0\" samt=\"-1||-4\" smem=\"a\"/>\n"
    "<ope date=\"739944\"\n"
    "     amount=\"-6\" account=\"1\" samt=\"-2||-4\" smem=\"||b\"/>\n"
    "<account key=\"1\" name=\"A\"/>\n"
    "<cat key=\"3\" parent=\"5\" name=\"Orphan\"/>\n"
    "<cat key=\"4\" name=\"Top\"/>\n"
    "</homebank>\n");

  g_assert_cmpuint (source->records->len, ==, 3);
  assert_record (source, 0, 9, "2026-11-24", 200, NULL, "", NULL, "Top");
  /* A tag over two lines is reported on the line where it ends. */
  assert_record (source, 1, 14, "2026-11-24", 200, NULL, "", NULL, NULL);
  assert_record (source, 2, 14, "2026-11-24", 400, NULL, "b", NULL, NULL);

  g_assert_cmpuint (source->issues->len, ==, 4);
  assert_issue (source, 0, 8, ERROR, "The category “Orphan” belongs to a category (key “5”) that is not in the file.");
  assert_issue (source, 1, 10, ERROR, "The transaction refers to a category (key “x”) that is not in the file.");
  assert_issue (source, 2, 11, ERROR, "The split transaction has no amounts for its parts.");
  assert_issue (source, 3, 12, ERROR, "The split transaction has a different number of amounts (2) and memos (1).");
}

static void
assert_rejected (const char *data,
                 gssize      length,
                 int         code,
                 const char *message_start)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayImportSource) source = NULL;

  source = outlay_xhb_read (data, length < 0 ? strlen (data) : (gsize) length, "EUR", &error);
  g_assert_null (source);
  g_assert_error (error, OUTLAY_XHB_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, message_start));
}

static void
test_not_homebank (void)
{
  g_autofree char  *path = g_test_build_filename (G_TEST_DIST, "fixtures", "homebank", "homebank5.xhb", NULL);
  g_autofree char  *contents = NULL;
  gsize             length;
  static const char bad_utf8[] = "<homebank v=\"1.4\">\n<pay key=\"1\" name=\"\xff\"/>\n</homebank>\n";
  static const char with_nul[] = "<homebank v=\"1.4\">\n\0</homebank>\n";

  assert_rejected ("", 0, OUTLAY_XHB_ERROR_INVALID, "This is not a HomeBank file: it is empty.");
  assert_rejected (" \n", -1, OUTLAY_XHB_ERROR_INVALID, "This is not a HomeBank file: ");
  assert_rejected ("Date,Amount\n2026-11-24,-5\n", -1, OUTLAY_XHB_ERROR_INVALID, "This is not a HomeBank file: ");
  assert_rejected ("<?xml version=\"1.0\"?>\n<gnc-v2>\n</gnc-v2>\n", -1, OUTLAY_XHB_ERROR_INVALID,
                   "This is not a HomeBank file: its root element is <gnc-v2>, not <homebank>.");
  assert_rejected ("<!-- nothing -->", -1, OUTLAY_XHB_ERROR_INVALID, "This is not a HomeBank file: ");
  assert_rejected ("<homebank v=\"1.4\"></homebank><homebank/>", -1, OUTLAY_XHB_ERROR_INVALID,
                   "This HomeBank file is damaged: ");
  assert_rejected ("<homebank v=\"one\"></homebank>", -1, OUTLAY_XHB_ERROR_INVALID,
                   "This is not a HomeBank file: its version “one” is not a number.");
  assert_rejected ("<homebank v=\"2.0\"></homebank>", -1, OUTLAY_XHB_ERROR_UNSUPPORTED,
                   "This HomeBank file has format version 2.0, which is newer than Outlay can read.");

  /* GMarkup's message names the place. */
  assert_rejected (bad_utf8, sizeof bad_utf8 - 1, OUTLAY_XHB_ERROR_INVALID, "This HomeBank file is damaged: ");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (OutlayImportSource) source = outlay_xhb_read (bad_utf8, sizeof bad_utf8 - 1, "EUR", &error);

    g_assert_nonnull (strstr (error->message, "line 2"));
  }
  assert_rejected (with_nul, sizeof with_nul - 1, OUTLAY_XHB_ERROR_INVALID,
                   "This is not a HomeBank file: line 2 holds a zero byte, which XML does not allow.");

  /* Cut anywhere inside, a real file is damaged, never half read. */
  g_file_get_contents (path, &contents, &length, NULL);
  g_assert_nonnull (contents);
  for (gsize cut = 60; cut < length - 12; cut += 97)
    assert_rejected (contents, cut, OUTLAY_XHB_ERROR_INVALID, "This HomeBank file is damaged: ");
  assert_rejected (contents, 10, OUTLAY_XHB_ERROR_INVALID, "This is not a HomeBank file: ");
}

/* The numbers of a file are read whatever errno holds, before and during
 * the parse (see strtoull_l() above). */
static void
test_errno (void)
{
  static const char *const versions[] = { "1.3", "1.4" };

  leave_eagain = TRUE;
  /* The simulation is in place: the test can fail. */
  errno = 0;
  g_assert_cmpuint (g_ascii_strtoull ("1", NULL, 10), ==, 1);
  g_assert_cmpint (errno, ==, EAGAIN);

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *text = g_strdup_printf ("<homebank v=\"%s\">\n"
                                               "<account key=\"1\" name=\"A\"/>\n"
                                               "<ope date=\"739944\" amount=\"-4.5\" account=\"1\" wording=\"tea\"/>\n"
                                               "</homebank>\n",
                                               versions[i]);
      g_autoptr (OutlayImportSource) source = NULL;

      errno = EAGAIN;
      source = read_text (text);
      g_assert_cmpuint (source->records->len, ==, 1);
      assert_record (source, 0, 3, "2026-11-24", 450, NULL, "tea", NULL, NULL);
    }

  {
    g_autoptr (OutlayImportSource) source = NULL;

    errno = EAGAIN;
    source = read_fixture ("homebank5.xhb");
    g_assert_cmpuint (source->records->len, ==, 11);
    assert_record (source, 9, 34, "2026-12-04", 3000, "EUR", "Supermarket", "food", "Food › Groceries");
    g_assert_cmpuint (outlay_import_source_count_issues (source, ERROR), ==, 0);
  }

  leave_eagain = FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xhb/day-numbers", test_day_numbers);
  g_test_add_func ("/xhb/homebank5", test_homebank5);
  g_test_add_func ("/xhb/budgets", test_budgets);
  g_test_add_func ("/xhb/assignments", test_assignments);
  g_test_add_func ("/xhb/homebank4", test_homebank4);
  g_test_add_func ("/xhb/broken", test_broken);
  g_test_add_func ("/xhb/amounts", test_amounts);
  g_test_add_func ("/xhb/currencies", test_currencies);
  g_test_add_func ("/xhb/texts", test_texts);
  g_test_add_func ("/xhb/structure", test_structure);
  g_test_add_func ("/xhb/not-homebank", test_not_homebank);
  g_test_add_func ("/xhb/errno", test_errno);

  return g_test_run ();
}
