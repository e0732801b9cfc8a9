/* test-i18n.c
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

/* Outlay as a German user sees it: the store's strings come from the .mo
 * file that the build makes of po/de.po, and the numbers and dates follow
 * glibc's de_DE.UTF-8. The whole program runs in German: LANGUAGE=de and
 * setlocale (LC_ALL, "de_DE.UTF-8"), with the text domain bound to the
 * build's po/ folder ($OUTLAY_LOCALEDIR, set by tests/meson.build). */

#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-repository.h"
#include "outlay-test-utils.h"

#define LOCALE "de_DE.UTF-8"
#define NBSP "\xc2\xa0" /* U+00A0, between amount and "€" in de_DE */

typedef OutlayTestFixture Fixture;

/* Why German cannot be tested, or NULL when it can. */
static char *setup_failure;

static gboolean
require_german (void)
{
  if (setup_failure == NULL)
    return TRUE;

  g_test_fail_printf ("%s", setup_failure);
  return FALSE;
}

static void
test_catalog (void)
{
  if (!require_german ())
    return;

  /* Found at all, and with the plural rule of its header. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Expenses"), ==, "Ausgaben");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u expense", "%u expenses", 1), ==, "%u Ausgabe");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u expense", "%u expenses", 2), ==, "%u Ausgaben");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u expense", "%u expenses", 0), ==, "%u Ausgaben");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", "Quit"), ==, "Beenden");
}

static void
test_default_categories (Fixture      *fixture,
                         gconstpointer user_data)
{
  static const char *const expected[] = {
    "Essen & Trinken",
    "Lebensmittel",
    "Verkehr",
    "Wohnen",
    "Nebenkosten",
    "Gesundheit",
    "Einkaufen",
    "Unterhaltung",
    "Reisen",
    "Sonstiges",
  };
  GListModel *categories;

  if (!require_german ())
    return;

  categories = outlay_repository_get_categories (fixture->repository);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

      g_assert_cmpstr (outlay_category_get_name (category), ==, expected[i]);
    }

  /* The fallback is the last one, whatever its name. */
  {
    OutlayCategory *fallback = outlay_repository_get_fallback_category (fixture->repository);

    g_assert_nonnull (fallback);
    g_assert_cmpstr (outlay_category_get_name (fallback), ==, "Sonstiges");
  }
}

static void
test_money_format (void)
{
  g_autofree char *amount = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *large = NULL;

  if (!require_german ())
    return;

  amount = outlay_money_format (123456, "EUR");
  negative = outlay_money_format (-1250, "EUR");
  large = outlay_money_format (123456789, "EUR");

  g_assert_cmpstr (amount, ==, "1.234,56" NBSP "€");
  g_assert_cmpstr (negative, ==, "-12,50" NBSP "€");
  g_assert_cmpstr (large, ==, "1.234.567,89" NBSP "€");
}

static void
test_money_parse (void)
{
  g_autoptr (GError) error = NULL;
  gint64 value = 0;

  if (!require_german ())
    return;

  g_assert_true (outlay_money_parse ("1.234,50", "EUR", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 123450);

  g_assert_true (outlay_money_parse ("12,50 €", "EUR", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 1250);

  /* A calculation with decimal commas, as the editor's tooltip suggests. */
  g_assert_true (outlay_money_parse ("12,50+3,20", "EUR", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 1570);

  /* The messages are German too, plural included. */
  g_assert_false (outlay_money_parse ("", "EUR", &value, &error));
  g_assert_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "Geben Sie einen Betrag ein");
  g_clear_error (&error);

  g_assert_false (outlay_money_parse ("12,505", "EUR", &value, &error));
  g_assert_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_TOO_PRECISE);
  g_assert_cmpstr (error->message, ==, "Beträge in EUR können höchstens 2 Nachkommastellen haben");
  g_clear_error (&error);

  g_assert_false (outlay_money_parse ("1/0", "EUR", &value, &error));
  g_assert_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_DIVISION_BY_ZERO);
  g_assert_cmpstr (error->message, ==, "Die Rechnung teilt durch null");
  g_assert_cmpint (value, ==, 1570);
}

static void
test_period_labels (void)
{
  if (!require_german ())
    return;

  g_assert_cmpstr (outlay_period_get_label (OUTLAY_PERIOD_THIS_MONTH), ==, "Dieser Monat");
  g_assert_cmpstr (outlay_period_get_label (OUTLAY_PERIOD_LAST_MONTH), ==, "Letzter Monat");
  g_assert_cmpstr (outlay_period_get_label (OUTLAY_PERIOD_THIS_YEAR), ==, "Dieses Jahr");
  g_assert_cmpstr (outlay_period_get_label (OUTLAY_PERIOD_LAST_12_MONTHS), ==, "Letzte 12 Monate");
  g_assert_cmpstr (outlay_period_get_label (OUTLAY_PERIOD_ALL_TIME), ==, "Gesamter Zeitraum");
}

static void
test_validation_error (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr (OutlayExpense) zero = NULL;
  g_autoptr (OutlayExpense) long_note = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;
  gint64 groceries;

  if (!require_german ())
    return;

  groceries = outlay_test_category_at (fixture->repository, 1);
  zero = outlay_test_draft (0, "EUR", "2026-11-23", "Brötchen", groceries);
  stored = outlay_repository_add_expense (fixture->repository, zero, &error);
  g_assert_null (stored);
  g_assert_nonnull (error);
  g_assert_true (error->domain == OUTLAY_REPOSITORY_ERROR);
  g_assert_cmpstr (error->message, ==, "Der Betrag muss größer als null sein.");
  g_clear_error (&error);

  /* A message with a number in it. */
  long_note = outlay_test_draft (250, "EUR", "2026-11-23", "Brötchen", groceries);
  {
    g_autofree char *note = g_strnfill (OUTLAY_NOTE_MAX_LENGTH + 1, 'x');
    g_autofree char *message = g_strdup_printf ("Die Notiz ist länger als %u Zeichen.", OUTLAY_NOTE_MAX_LENGTH);

    outlay_expense_set_note (long_note, note);
    stored = outlay_repository_add_expense (fixture->repository, long_note, &error);
    g_assert_null (stored);
    g_assert_nonnull (error);
    g_assert_true (error->domain == OUTLAY_REPOSITORY_ERROR);
    g_assert_cmpstr (error->message, ==, message);
  }

  g_assert_cmpuint (outlay_test_count (fixture), ==, 0);
}

static char *
format_date (const char *format,
             GDateDay    day,
             GDateMonth  month,
             GDateYear   year)
{
  g_autoptr (GDate) date = g_date_new_dmy (day, month, year);
  char buf[128];

  g_assert_cmpuint (g_date_strftime (buf, sizeof buf, format, date), >, 0);

  return g_strdup (buf);
}

/* The date formats of src/ui, read from the catalog as src/ui does and
 * written by glibc with the German month and day names. */
static void
test_dates (void)
{
  static const struct
  {
    const char *msgid;
    const char *translation;
    const char *monday_23_november_2026;
  } rows[] = {
    { "%A %-d %B", "%A, %-d. %B", "Montag, 23. November" },
    { "%A %-d %B %Y", "%A, %-d. %B %Y", "Montag, 23. November 2026" },
    { "%-d %b %Y", "%-d. %b %Y", "23. Nov 2026" },
    { "%B %Y", "%B %Y", "November 2026" },
    { "%-d %B %Y", "%-d. %B %Y", "23. November 2026" },
    { "%-d %B", "%-d. %B", "23. November" },
    { "%-d", "%-d.", "23." },
    { "%-d %b", "%-d. %b", "23. Nov" },
    { "%b", "%b", "Nov" },
  };

  if (!require_german ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char      *format = g_dgettext (GETTEXT_PACKAGE, rows[i].msgid);
      g_autofree char *text = NULL;

      g_assert_cmpstr (format, ==, rows[i].translation);
      text = format_date (format, 23, G_DATE_NOVEMBER, 2026);
      g_assert_cmpstr (text, ==, rows[i].monday_23_november_2026);
    }

  /* An umlaut in a month name, a day in another year. */
  {
    g_autofree char *march = format_date (g_dgettext (GETTEXT_PACKAGE, "%-d %B"), 3, G_DATE_MARCH, 2024);
    g_autofree char *sunday = format_date (g_dgettext (GETTEXT_PACKAGE, "%A %-d %B %Y"), 3, G_DATE_MARCH, 2024);

    g_assert_cmpstr (march, ==, "3. März");
    g_assert_cmpstr (sunday, ==, "Sonntag, 3. März 2024");
  }
}

/* Switches the whole program to German, or says why it cannot. */
static void
setup_german (void)
{
  const char      *localedir = g_getenv ("OUTLAY_LOCALEDIR");
  g_autofree char *mo = NULL;

  if (localedir == NULL || *localedir == '\0')
    {
      setup_failure = g_strdup ("OUTLAY_LOCALEDIR is not set: run this test with `meson test`, "
                                "which points it at the build's po/ folder.");
      return;
    }

  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      setup_failure = g_strdup_printf ("The German translation %s has not been built: "
                                       "is \"de\" in po/LINGUAS?",
                                       mo);
      return;
    }

  /* LANGUAGE wins over the locale's own language, as on a desktop; it
   * must be set before the first lookup. */
  g_setenv ("LANGUAGE", "de", TRUE);
  if (setlocale (LC_ALL, LOCALE) == NULL)
    {
      setup_failure = g_strdup ("The locale " LOCALE " is not installed. Run build-aux/install-deps "
                                "(or generate it with locale-gen) and try again.");
      return;
    }

  if (bindtextdomain (GETTEXT_PACKAGE, localedir) == NULL ||
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8") == NULL)
    setup_failure = g_strdup_printf ("Could not bind the text domain %s to %s", GETTEXT_PACKAGE, localedir);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  setup_german ();

  g_test_add_func ("/i18n/catalog", test_catalog);
  g_test_add ("/i18n/default-categories", Fixture, NULL,
              outlay_test_fixture_setup, test_default_categories, outlay_test_fixture_teardown);
  g_test_add_func ("/i18n/money/format", test_money_format);
  g_test_add_func ("/i18n/money/parse", test_money_parse);
  g_test_add_func ("/i18n/period-labels", test_period_labels);
  g_test_add ("/i18n/validation-error", Fixture, NULL,
              outlay_test_fixture_setup, test_validation_error, outlay_test_fixture_teardown);
  g_test_add_func ("/i18n/dates", test_dates);

  result = g_test_run ();
  g_free (setup_failure);

  return result;
}
