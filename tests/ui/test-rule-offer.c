/* test-rule-offer.c
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

/* The toast that offers a rule after an imported expense moved to another
 * category: when it shows, and the rule its button makes. */

#include "config.h"

#include <adwaita.h>

#include "outlay-rule-offer.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"

typedef struct
{
  OutlayTestFixture store;
  GtkWindow        *window;
  AdwToastOverlay  *overlay;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  outlay_test_fixture_setup (&fixture->store, NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (fixture->overlay, gtk_label_new ("Ledger"));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
  gtk_window_set_default_size (fixture->window, 640, 480);
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  gtk_window_destroy (fixture->window);
  outlay_ui_test_drain ();
  outlay_test_fixture_teardown (&fixture->store, NULL);
}

static gboolean
is_label_with_prefix (GtkWidget  *widget,
                      const char *prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gint64
category (Fixture *fixture,
          guint    position)
{
  return outlay_test_category_at (fixture->store.repository, position);
}

/* An imported expense, in Other, and the same moved to @category_id. */
static void
imported (Fixture        *fixture,
          gint64          category_id,
          const char     *import_hash,
          OutlayExpense **before,
          OutlayExpense **after)
{
  *before = outlay_test_draft (420, "EUR", "2026-03-02", "SQ *ROASTERY 0423", category (fixture, 9));
  outlay_expense_set_import_hash (*before, import_hash);
  *after = outlay_test_draft (420, "EUR", "2026-03-02", "SQ *ROASTERY 0423", category_id);
  outlay_expense_set_import_hash (*after, import_hash);
}

static GtkWidget *
shown_offer (Fixture *fixture)
{
  outlay_ui_test_drain ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  return outlay_ui_test_find (GTK_WIDGET (fixture->overlay), is_label_with_prefix, "Always file");
}

static void
test_offer_makes_rule (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr (OutlayExpense) before = NULL;
  g_autoptr (OutlayExpense) after = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCategoryRule) matched = NULL;
  GtkWidget *label;
  GtkWidget *button;
  gint64     suggested = 0;

  imported (fixture, category (fixture, 0), "csv:7f3a", &before, &after);
  outlay_rule_offer_show (fixture->store.repository, before, after, fixture->overlay);
  label = shown_offer (fixture);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Always file “SQ *ROASTERY 0423” under Food & Drink?");

  button = outlay_ui_test_find (GTK_WIDGET (fixture->overlay), outlay_ui_test_is_button, "_Always");
  g_assert_nonnull (button);
  outlay_ui_test_click (button);
  outlay_ui_test_drain ();

  rules = outlay_repository_list_category_rules (fixture->store.repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 1);
  g_assert_cmpstr (outlay_category_rule_get_patterns (g_ptr_array_index (rules, 0))[0], ==, "SQ *ROASTERY 0423");

  /* The next statement's line, in any case, goes there. */
  g_assert_cmpint (outlay_repository_suggest_category (fixture->store.repository, "sq *roastery 0423", NULL, 380, "EUR",
                                                       &suggested, &matched, &error),
                   ==, OUTLAY_SUGGESTED_BY_RULE);
  g_assert_cmpint (suggested, ==, category (fixture, 0));
}

/* Nothing to offer: an expense typed in, one that stays in its category,
 * one moved to Other, or one a rule files there already. */
static void
test_no_offer (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr (OutlayExpense) before = NULL;
  g_autoptr (OutlayExpense) after = NULL;
  g_autoptr (OutlayCategoryRule) draft = outlay_category_rule_new ();
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autoptr (GError) error = NULL;
  const char *patterns[] = { "roastery", NULL };
  OutlayCategory *food;

  imported (fixture, category (fixture, 0), NULL, &before, &after);
  outlay_rule_offer_show (fixture->store.repository, before, after, fixture->overlay);
  g_assert_null (shown_offer (fixture));
  g_clear_object (&before);
  g_clear_object (&after);

  imported (fixture, category (fixture, 9), "csv:1", &before, &after);
  outlay_rule_offer_show (fixture->store.repository, before, after, fixture->overlay);
  g_assert_null (shown_offer (fixture));
  outlay_rule_offer_show (fixture->store.repository, NULL, after, fixture->overlay);
  g_assert_null (shown_offer (fixture));
  g_clear_object (&before);
  g_clear_object (&after);

  food = outlay_repository_lookup_category (fixture->store.repository, category (fixture, 0));
  outlay_category_rule_set_patterns (draft, patterns);
  outlay_category_rule_set_category_uuid (draft, outlay_category_get_uuid (food));
  rule = outlay_repository_add_category_rule (fixture->store.repository, draft, &error);
  g_assert_no_error (error);
  imported (fixture, category (fixture, 0), "csv:2", &before, &after);
  outlay_rule_offer_show (fixture->store.repository, before, after, fixture->overlay);
  g_assert_null (shown_offer (fixture));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/rule-offer/makes-rule", Fixture, NULL, fixture_set_up, test_offer_makes_rule, fixture_tear_down);
  g_test_add ("/rule-offer/none", Fixture, NULL, fixture_set_up, test_no_offer, fixture_tear_down);

  return g_test_run ();
}
