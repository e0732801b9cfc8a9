/* test-repository-rules.c
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

/* The rules that file expenses: their rows and order, what they match
 * (case and accents folded, amounts compared exactly in every currency),
 * the learned suggestion, and applying them to the expenses there are,
 * with its Undo, in a worker, cancelled. */

#include "config.h"

#include <string.h>

#include "outlay-reader.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-test-utils.h"
#include "outlay-uuid.h"

typedef OutlayTestFixture Fixture;

static const char *
category_uuid (Fixture *fixture,
               guint    position)
{
  g_autoptr (OutlayCategory) category =
    g_list_model_get_item (outlay_repository_get_categories (fixture->repository), position);

  /* The repository's list keeps it alive. */
  return outlay_category_get_uuid (category);
}

/* A rule that files what contains @pattern (one or several, separated by
 * "|") under the category at @position. */
static OutlayCategoryRule *
draft (Fixture    *fixture,
       const char *patterns,
       guint       position)
{
  OutlayCategoryRule *rule = outlay_category_rule_new ();
  g_auto (GStrv) split = g_strsplit (patterns, "|", -1);

  outlay_category_rule_set_patterns (rule, (const char *const *) split);
  outlay_category_rule_set_category_uuid (rule, category_uuid (fixture, position));
  return rule;
}

static OutlayCategoryRule *
add (Fixture            *fixture,
     OutlayCategoryRule *rule)
{
  g_autoptr (GError) error = NULL;
  OutlayCategoryRule *stored = outlay_repository_add_category_rule (fixture->repository, rule, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

/* add() of a draft made for it, which it takes. */
static OutlayCategoryRule *
add_draft (Fixture            *fixture,
           OutlayCategoryRule *rule)
{
  g_autoptr (OutlayCategoryRule) owned = rule;

  return add (fixture, owned);
}

static OutlayRuleSet *
rule_set (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  OutlayRuleSet *set = outlay_repository_dup_rule_set (fixture->repository, &error);

  g_assert_no_error (error);
  return set;
}

/* The patterns of the rule that matches, "" for none. */
static const char *
matching (OutlayRuleSet *set,
          const char    *description,
          const char    *note,
          gint64         amount,
          const char    *currency)
{
  OutlayCategoryRule *rule = outlay_rule_set_match (set, description, note, amount, currency);

  return rule != NULL ? outlay_category_rule_get_patterns (rule)[0] : "";
}

static gboolean
matches (OutlayCategoryRule *rule,
         const char         *description,
         const char         *note,
         gint64              amount,
         const char         *currency)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  g_autoptr (OutlayRuleSet) set = NULL;

  g_ptr_array_add (rules, rule);
  set = outlay_rule_set_new (rules);
  return outlay_rule_set_match (set, description, note, amount, currency) != NULL;
}

static void
assert_refused (Fixture            *fixture,
                OutlayCategoryRule *rule,
                int                 code,
                const char         *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = outlay_test_dump_store (outlay_test_handle (fixture));
  g_autofree char *after = NULL;

  g_assert_null (outlay_repository_add_category_rule (fixture->repository, rule, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” is not in “%s”", message, error->message);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
}

static void
on_rules_changed_cb (OutlayRepository *repository,
                     guint            *count)
{
  (*count)++;
}

/* Added at the end, read back, changed, deleted softly and restored; each
 * write said once. */
static void
test_crud (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) first = draft (fixture, " rewe | | lidl ", OUTLAY_TEST_GROCERIES);
  g_autoptr (OutlayCategoryRule) stored = NULL;
  g_autoptr (OutlayCategoryRule) second = NULL;
  g_autoptr (OutlayCategoryRule) changed = NULL;
  g_autoptr (OutlayCategoryRule) before = NULL;
  g_autoptr (OutlayCategoryRule) deleted = NULL;
  g_autoptr (OutlayCategoryRule) restored = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GError) error = NULL;
  const char *const patterns[] = { "rewe", "lidl", NULL };
  guint             changes = 0;

  g_signal_connect (fixture->repository, "category-rules-changed", G_CALLBACK (on_rules_changed_cb), &changes);

  outlay_category_rule_set_match (first, OUTLAY_RULE_MATCH_STARTS);
  outlay_category_rule_set_amount_min (first, "10.00");
  outlay_category_rule_set_amount_max (first, "50");
  outlay_category_rule_set_currency (first, "EUR");
  outlay_category_rule_set_rename_to (first, "  Supermarket ");
  stored = add (fixture, first);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (outlay_category_rule_get_id (stored), >, 0);
  g_assert_true (outlay_uuid_is_valid (outlay_category_rule_get_uuid (stored)));
  g_assert_cmpint (outlay_category_rule_get_position (stored), ==, 0);
  g_assert_cmpint (outlay_category_rule_get_field (stored), ==, OUTLAY_RULE_FIELD_DESCRIPTION);
  g_assert_cmpint (outlay_category_rule_get_match (stored), ==, OUTLAY_RULE_MATCH_STARTS);
  /* Trimmed, the blank one left out. */
  g_assert_true (g_strv_equal (outlay_category_rule_get_patterns (stored), patterns));
  g_assert_cmpstr (outlay_category_rule_get_amount_min (stored), ==, "10.00");
  g_assert_cmpstr (outlay_category_rule_get_amount_max (stored), ==, "50");
  g_assert_cmpstr (outlay_category_rule_get_currency (stored), ==, "EUR");
  g_assert_cmpstr (outlay_category_rule_get_category_uuid (stored), ==, category_uuid (fixture, OUTLAY_TEST_GROCERIES));
  g_assert_cmpstr (outlay_category_rule_get_rename_to (stored), ==, "Supermarket");
  outlay_test_assert_timestamp (outlay_category_rule_get_created_at (stored));
  g_assert_cmpstr (outlay_category_rule_get_updated_at (stored), ==, outlay_category_rule_get_created_at (stored));
  g_assert_null (outlay_category_rule_get_deleted_at (stored));

  second = add_draft (fixture, draft (fixture, "coffee", OUTLAY_TEST_FOOD));
  g_assert_cmpint (outlay_category_rule_get_position (second), ==, 1);
  rules = outlay_repository_list_category_rules (fixture->repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 2);
  g_assert_true (outlay_category_rule_equal (g_ptr_array_index (rules, 0), stored));
  g_assert_true (outlay_category_rule_equal (g_ptr_array_index (rules, 1), second));
  g_clear_pointer (&rules, g_ptr_array_unref);

  /* Every field written; the bounds and the currency cleared. */
  outlay_test_let_time_pass ();
  outlay_category_rule_set_field (stored, OUTLAY_RULE_FIELD_NOTE);
  outlay_category_rule_set_match (stored, OUTLAY_RULE_MATCH_EQUALS);
  outlay_category_rule_set_amount_min (stored, NULL);
  outlay_category_rule_set_amount_max (stored, NULL);
  outlay_category_rule_set_currency (stored, NULL);
  outlay_category_rule_set_rename_to (stored, NULL);
  outlay_category_rule_set_category_uuid (stored, category_uuid (fixture, OUTLAY_TEST_SHOPPING));
  changed = outlay_repository_update_category_rule (fixture->repository, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpint (outlay_category_rule_get_field (changed), ==, OUTLAY_RULE_FIELD_NOTE);
  g_assert_cmpint (outlay_category_rule_get_match (changed), ==, OUTLAY_RULE_MATCH_EQUALS);
  g_assert_null (outlay_category_rule_get_amount_min (changed));
  g_assert_null (outlay_category_rule_get_amount_max (changed));
  g_assert_null (outlay_category_rule_get_currency (changed));
  g_assert_null (outlay_category_rule_get_rename_to (changed));
  g_assert_cmpstr (outlay_category_rule_get_category_uuid (changed), ==, category_uuid (fixture, OUTLAY_TEST_SHOPPING));
  g_assert_cmpstr (outlay_category_rule_get_updated_at (changed), >, outlay_category_rule_get_created_at (changed));
  g_assert_cmpint (outlay_category_rule_get_position (changed), ==, 0);

  /* Soft: the row stays, for Undo and a later sync. */
  before = outlay_repository_delete_category_rule (fixture->repository, outlay_category_rule_get_uuid (changed),
                                                   &error);
  g_assert_no_error (error);
  g_assert_true (outlay_category_rule_equal (before, changed));
  g_assert_cmpuint (changes, ==, 4);
  rules = outlay_repository_list_category_rules (fixture->repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 1);
  g_clear_pointer (&rules, g_ptr_array_unref);
  deleted = outlay_repository_get_category_rule (fixture->repository, outlay_category_rule_get_uuid (changed), &error);
  g_assert_no_error (error);
  outlay_test_assert_timestamp (outlay_category_rule_get_deleted_at (deleted));
  g_assert_null (outlay_repository_delete_category_rule (fixture->repository, outlay_category_rule_get_uuid (changed),
                                                         &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (outlay_repository_update_category_rule (fixture->repository, changed, &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 4);

  /* Back where it was, first. */
  restored = outlay_repository_restore_category_rule (fixture->repository, outlay_category_rule_get_uuid (changed),
                                                      &error);
  g_assert_no_error (error);
  g_assert_null (outlay_category_rule_get_deleted_at (restored));
  g_assert_cmpuint (changes, ==, 5);
  rules = outlay_repository_list_category_rules (fixture->repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 2);
  g_assert_cmpstr (outlay_category_rule_get_uuid (g_ptr_array_index (rules, 0)), ==,
                   outlay_category_rule_get_uuid (changed));

  g_assert_null (outlay_repository_get_category_rule (fixture->repository, "0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a",
                                                      &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
}

/* Each mistake named, and nothing written. */
static void
test_refused (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autofree char *long_pattern = outlay_test_repeat ("x", OUTLAY_RULE_PATTERN_MAX_LENGTH + 1);
  g_autofree char *long_name = outlay_test_repeat ("y", OUTLAY_DESCRIPTION_MAX_LENGTH + 1);
  g_autofree char *longest = outlay_test_repeat ("z", OUTLAY_RULE_PATTERN_MAX_LENGTH);
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autoptr (OutlayCategoryRule) stored = NULL;
  g_autoptr (GError) error = NULL;
  const char *const        blank[] = { " ", "", NULL };
  const char *const        line_break[] = { "a\nb", NULL };
  const char *const        mark_only[] = { "\xcc\x81", NULL };
  const char *const        too_long[] = { "ok", long_pattern, NULL };
  static const char *const bad_amounts[] = { "12,50", "abc", "1.2345678", "1234567890123", "", "1.", ".5", "+5", NULL };

  rule = draft (fixture, "coffee", OUTLAY_TEST_FOOD);
  outlay_category_rule_set_patterns (rule, NULL);
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN, "looks for nothing");
  outlay_category_rule_set_patterns (rule, blank);
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN, "looks for nothing");
  outlay_category_rule_set_patterns (rule, mark_only);
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN, "looks for nothing");
  outlay_category_rule_set_patterns (rule, line_break);
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN, "line break");
  outlay_category_rule_set_patterns (rule, too_long);
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN, "longer than 200 characters");
  g_clear_object (&rule);

  rule = draft (fixture, "coffee", OUTLAY_TEST_FOOD);
  outlay_category_rule_set_category_uuid (rule, "0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a");
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY, "category does not exist");
  outlay_category_rule_set_category_uuid (rule, NULL);
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY, "category does not exist");
  g_clear_object (&rule);

  rule = draft (fixture, "coffee", OUTLAY_TEST_FOOD);
  outlay_category_rule_set_currency (rule, "EURO");
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY, "“EURO” is not a known ISO 4217 code");
  outlay_category_rule_set_currency (rule, "eur");
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY, "“eur”");
  g_clear_object (&rule);

  for (guint i = 0; bad_amounts[i] != NULL; i++)
    {
      g_autofree char *min = g_strdup_printf ("lowest amount “%s”", bad_amounts[i]);
      g_autofree char *max = g_strdup_printf ("highest amount “%s”", bad_amounts[i]);

      rule = draft (fixture, "coffee", OUTLAY_TEST_FOOD);
      outlay_category_rule_set_amount_min (rule, bad_amounts[i]);
      assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT, min);
      outlay_category_rule_set_amount_min (rule, NULL);
      outlay_category_rule_set_amount_max (rule, bad_amounts[i]);
      assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT, max);
      g_clear_object (&rule);
    }

  /* Compared exactly, whatever the decimals. */
  rule = draft (fixture, "coffee", OUTLAY_TEST_FOOD);
  outlay_category_rule_set_amount_min (rule, "50.001");
  outlay_category_rule_set_amount_max (rule, "50");
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT, "lowest amount (50.001) is more than");
  outlay_category_rule_set_amount_min (rule, "-1");
  outlay_category_rule_set_amount_max (rule, "-1.5");
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT, "is more than its highest (-1.5)");
  g_clear_object (&rule);

  rule = draft (fixture, "coffee", OUTLAY_TEST_FOOD);
  outlay_category_rule_set_rename_to (rule, "   ");
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION, "description the rule gives is empty");
  outlay_category_rule_set_rename_to (rule, long_name);
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION, "longer than 200 characters");
  outlay_category_rule_set_rename_to (rule, "Tab\there");
  assert_refused (fixture, rule, OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION, "not allowed");
  g_clear_object (&rule);

  /* What is at the limits is taken. */
  rule = draft (fixture, "coffee", OUTLAY_TEST_FOOD);
  outlay_category_rule_set_patterns (rule, (const char *const[]){ longest, NULL });
  outlay_category_rule_set_amount_min (rule, "-999999999999.999999");
  outlay_category_rule_set_amount_max (rule, "999999999999.999999");
  outlay_category_rule_set_rename_to (rule, long_name + 1);
  stored = add (fixture, rule);
  g_assert_cmpstr (outlay_category_rule_get_amount_min (stored), ==, "-999999999999.999999");

  /* Moving and deleting what does not exist. */
  g_assert_false (outlay_repository_move_category_rule (fixture->repository, "0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a", 0,
                                                        &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_repository_move_category_rule (fixture->repository, outlay_category_rule_get_uuid (stored), 1,
                                                        &error));
  g_assert_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_POSITION);
}

/* The first rule by position wins, and moving one changes the winner. */
static void
test_precedence (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) coffee = add_draft (fixture, draft (fixture, "coffee", OUTLAY_TEST_FOOD));
  g_autoptr (OutlayCategoryRule) beans = add_draft (fixture, draft (fixture, "coffee beans", OUTLAY_TEST_GROCERIES));
  g_autoptr (OutlayCategoryRule) other = add_draft (fixture, draft (fixture, "market", OUTLAY_TEST_GROCERIES));
  g_autoptr (OutlayRuleSet) set = rule_set (fixture);
  g_autoptr (OutlayRuleSet) moved = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GError) error = NULL;
  guint changes = 0;

  g_assert_cmpuint (outlay_rule_set_get_n_rules (set), ==, 3);
  g_assert_cmpstr (matching (set, "Coffee beans", NULL, 1200, "EUR"), ==, "coffee");
  g_assert_cmpint (outlay_rule_set_match_index (set, "Coffee beans", NULL, 1200, "EUR"), ==, 0);
  g_assert_cmpstr (matching (set, "Market coffee", NULL, 1200, "EUR"), ==, "coffee");
  g_assert_cmpstr (matching (set, "Tea", NULL, 1200, "EUR"), ==, "");
  g_assert_cmpint (outlay_rule_set_match_index (set, "Tea", NULL, 1200, "EUR"), ==, -1);

  g_signal_connect (fixture->repository, "category-rules-changed", G_CALLBACK (on_rules_changed_cb), &changes);
  g_assert_true (outlay_repository_move_category_rule (fixture->repository, outlay_category_rule_get_uuid (beans), 0,
                                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  moved = rule_set (fixture);
  g_assert_cmpstr (matching (moved, "Coffee beans", NULL, 1200, "EUR"), ==, "coffee beans");
  g_assert_cmpstr (matching (moved, "Coffee", NULL, 1200, "EUR"), ==, "coffee");
  /* The set made before keeps its order. */
  g_assert_cmpstr (matching (set, "Coffee beans", NULL, 1200, "EUR"), ==, "coffee");

  rules = outlay_repository_list_category_rules (fixture->repository, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_category_rule_get_uuid (g_ptr_array_index (rules, 0)), ==,
                   outlay_category_rule_get_uuid (beans));
  g_assert_cmpstr (outlay_category_rule_get_uuid (g_ptr_array_index (rules, 1)), ==,
                   outlay_category_rule_get_uuid (coffee));
  g_assert_cmpstr (outlay_category_rule_get_uuid (g_ptr_array_index (rules, 2)), ==,
                   outlay_category_rule_get_uuid (other));

  /* To the end, and a deleted rule no longer matches. */
  g_assert_true (outlay_repository_move_category_rule (fixture->repository, outlay_category_rule_get_uuid (beans), 2,
                                                       &error));
  g_assert_no_error (error);
  g_clear_object (&beans);
  beans = outlay_repository_delete_category_rule (fixture->repository, outlay_category_rule_get_uuid (coffee), &error);
  g_assert_no_error (error);
  g_clear_pointer (&moved, outlay_rule_set_unref);
  moved = rule_set (fixture);
  g_assert_cmpuint (outlay_rule_set_get_n_rules (moved), ==, 2);
  g_assert_cmpstr (matching (moved, "Coffee beans", NULL, 1200, "EUR"), ==, "coffee beans");
  g_assert_cmpstr (matching (moved, "Coffee beans at the market", NULL, 1200, "EUR"), ==, "market");
  g_assert_cmpstr (matching (moved, "Coffee", NULL, 1200, "EUR"), ==, "");
}

/* Case, accents and spacing are folded on both sides. */
static void
test_folding (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) backerei = draft (fixture, "backerei", OUTLAY_TEST_FOOD);
  g_autoptr (OutlayCategoryRule) upper = draft (fixture, "BÄCKEREI", OUTLAY_TEST_FOOD);
  g_autoptr (OutlayCategoryRule) strasse = draft (fixture, "Straße", OUTLAY_TEST_FOOD);
  g_autoptr (OutlayCategoryRule) roastery = draft (fixture, "sq   *ROASTERY", OUTLAY_TEST_FOOD);

  g_assert_true (matches (backerei, "Bäckerei Schmidt", NULL, 350, "EUR"));
  g_assert_true (matches (backerei, "BÄCKEREI", NULL, 350, "EUR"));
  g_assert_true (matches (upper, "backerei", NULL, 350, "EUR"));
  g_assert_true (matches (upper, "Die Bäckerei am Eck", NULL, 350, "EUR"));
  g_assert_true (matches (strasse, "STRASSE 5", NULL, 350, "EUR"));
  g_assert_true (matches (strasse, "Hauptstraße", NULL, 350, "EUR"));
  g_assert_true (matches (roastery, "  SQ *Roastery  0423 BERLIN", NULL, 350, "EUR"));
  g_assert_false (matches (roastery, "SQ *ROAST", NULL, 350, "EUR"));
  g_assert_false (matches (backerei, "Bakery", NULL, 350, "EUR"));
  g_assert_false (matches (backerei, NULL, NULL, 350, "EUR"));

  /* A draft that looks for nothing matches nothing. */
  outlay_category_rule_set_patterns (backerei, (const char *const[]){ " ", "\xcc\x81", NULL });
  g_assert_false (matches (backerei, "Bäckerei", NULL, 350, "EUR"));
  outlay_category_rule_set_patterns (backerei, NULL);
  g_assert_false (matches (backerei, "Bäckerei", NULL, 350, "EUR"));
}

/* Contains, starts with, equals; in the description or the note. */
static void
test_match_types (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) rule = draft (fixture, "coffee|tea", OUTLAY_TEST_FOOD);

  g_assert_true (matches (rule, "Iced coffee", NULL, 350, "EUR"));
  g_assert_true (matches (rule, "Green tea", NULL, 350, "EUR"));
  g_assert_true (matches (rule, "Steak", NULL, 350, "EUR")); /* "tea" is in "steak" */

  outlay_category_rule_set_match (rule, OUTLAY_RULE_MATCH_STARTS);
  g_assert_true (matches (rule, "Coffee beans", NULL, 350, "EUR"));
  g_assert_true (matches (rule, "  TEA time", NULL, 350, "EUR"));
  g_assert_false (matches (rule, "Iced coffee", NULL, 350, "EUR"));
  g_assert_false (matches (rule, "Steak", NULL, 350, "EUR"));

  outlay_category_rule_set_match (rule, OUTLAY_RULE_MATCH_EQUALS);
  g_assert_true (matches (rule, "COFFEE ", NULL, 350, "EUR"));
  g_assert_true (matches (rule, "Tea", NULL, 350, "EUR"));
  g_assert_false (matches (rule, "Coffee beans", NULL, 350, "EUR"));

  /* The note only, not the description. */
  outlay_category_rule_set_field (rule, OUTLAY_RULE_FIELD_NOTE);
  outlay_category_rule_set_match (rule, OUTLAY_RULE_MATCH_CONTAINS);
  g_assert_false (matches (rule, "Coffee", "", 350, "EUR"));
  g_assert_false (matches (rule, "Coffee", NULL, 350, "EUR"));
  g_assert_true (matches (rule, "Breakfast", "with coffee\nand Käse", 350, "EUR"));
  g_assert_true (matches (rule, "Breakfast", "TEA with Anna", 350, "EUR"));
}

/* Inclusive bounds in the expense's own currency, compared exactly: a
 * euro amount, yen (no decimals) and Bahraini dinars (three). */
static void
test_amounts (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) rule = draft (fixture, "shop", OUTLAY_TEST_SHOPPING);

  outlay_category_rule_set_amount_min (rule, "10.00");
  outlay_category_rule_set_amount_max (rule, "50");
  g_assert_false (matches (rule, "Shop", NULL, 999, "EUR"));
  g_assert_true (matches (rule, "Shop", NULL, 1000, "EUR"));
  g_assert_true (matches (rule, "Shop", NULL, 5000, "EUR"));
  g_assert_false (matches (rule, "Shop", NULL, 5001, "EUR"));
  g_assert_false (matches (rule, "Shop", NULL, -2000, "EUR"));
  /* 10 yen to 50 yen. */
  g_assert_false (matches (rule, "Shop", NULL, 9, "JPY"));
  g_assert_true (matches (rule, "Shop", NULL, 10, "JPY"));
  g_assert_true (matches (rule, "Shop", NULL, 50, "JPY"));
  g_assert_false (matches (rule, "Shop", NULL, 51, "JPY"));
  /* 10.000 to 50.000 dinars. */
  g_assert_false (matches (rule, "Shop", NULL, 9999, "BHD"));
  g_assert_true (matches (rule, "Shop", NULL, 10000, "BHD"));
  g_assert_true (matches (rule, "Shop", NULL, 50000, "BHD"));
  g_assert_false (matches (rule, "Shop", NULL, 50001, "BHD"));
  /* No bound holds a currency the table does not know. */
  g_assert_false (matches (rule, "Shop", NULL, 2000, "XXX"));

  /* More decimals than the currency has. */
  outlay_category_rule_set_amount_min (rule, "1000.5");
  outlay_category_rule_set_amount_max (rule, "1250.5");
  g_assert_false (matches (rule, "Shop", NULL, 1000, "JPY"));
  g_assert_true (matches (rule, "Shop", NULL, 1001, "JPY"));
  g_assert_true (matches (rule, "Shop", NULL, 1250, "JPY"));
  g_assert_false (matches (rule, "Shop", NULL, 1251, "JPY"));
  g_assert_false (matches (rule, "Shop", NULL, 100049, "EUR"));
  g_assert_true (matches (rule, "Shop", NULL, 100050, "EUR"));
  g_assert_true (matches (rule, "Shop", NULL, 125050, "EUR"));
  g_assert_false (matches (rule, "Shop", NULL, 125051, "EUR"));
  g_assert_true (matches (rule, "Shop", NULL, 1000500, "BHD"));
  g_assert_false (matches (rule, "Shop", NULL, 1000499, "BHD"));

  /* One bound only; refunds have negative amounts. */
  outlay_category_rule_set_amount_min (rule, NULL);
  outlay_category_rule_set_amount_max (rule, "-0.01");
  g_assert_true (matches (rule, "Shop", NULL, -1, "EUR"));
  g_assert_true (matches (rule, "Shop", NULL, -500000, "EUR"));
  g_assert_false (matches (rule, "Shop", NULL, 0, "EUR"));
  g_assert_false (matches (rule, "Shop", NULL, 1, "EUR"));
  g_assert_true (matches (rule, "Shop", NULL, -1, "JPY"));
  outlay_category_rule_set_amount_max (rule, NULL);
  outlay_category_rule_set_amount_min (rule, "999999999999.999999");
  g_assert_false (matches (rule, "Shop", NULL, G_GINT64_CONSTANT (999999999999), "JPY"));
  outlay_category_rule_set_amount_min (rule, "999999999999");
  g_assert_true (matches (rule, "Shop", NULL, G_GINT64_CONSTANT (999999999999), "JPY"));
  g_assert_false (matches (rule, "Shop", NULL, G_GINT64_CONSTANT (999999999999), "EUR"));

  /* The comparison itself. */
  g_assert_cmpint (outlay_rule_amount_compare (1250, 2, 125, 1), ==, 0);
  g_assert_cmpint (outlay_rule_amount_compare (1250, 3, 125, 2), ==, 0);
  g_assert_cmpint (outlay_rule_amount_compare (1249, 3, 125, 2), <, 0);
  g_assert_cmpint (outlay_rule_amount_compare (5, 0, 4999999, 6), >, 0);
  g_assert_cmpint (outlay_rule_amount_compare (5, 0, 5000001, 6), <, 0);
  g_assert_cmpint (outlay_rule_amount_compare (-5, 0, -5000000, 6), ==, 0);
  g_assert_cmpint (outlay_rule_amount_compare (G_MININT64, 0, -999999999999999999, 6), <, 0);
}

static void
test_currency (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) rule = draft (fixture, "taxi", OUTLAY_TEST_TRANSPORT);

  g_assert_true (matches (rule, "Taxi", NULL, 1500, "USD"));
  g_assert_true (matches (rule, "Taxi", NULL, 1500, "EUR"));
  outlay_category_rule_set_currency (rule, "USD");
  g_assert_true (matches (rule, "Taxi", NULL, 1500, "USD"));
  g_assert_false (matches (rule, "Taxi", NULL, 1500, "EUR"));
  g_assert_false (matches (rule, "Taxi", NULL, 1500, NULL));
}

static OutlayRulesPlan *
plan (Fixture *fixture,
      gboolean only_fallback)
{
  g_autoptr (OutlayRuleSet) set = rule_set (fixture);
  g_autoptr (GError) error = NULL;
  OutlayRulesPlan *planned;

  planned = outlay_repository_plan_rules (fixture->repository, set, only_fallback,
                                          outlay_test_category (fixture, OUTLAY_TEST_OTHER), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (planned);
  return planned;
}

static OutlayRulesPlan *
apply (Fixture         *fixture,
       OutlayRulesPlan *planned)
{
  g_autoptr (GError) error = NULL;
  OutlayRulesPlan *applied = NULL;

  g_assert_true (outlay_repository_apply_rules_plan (fixture->repository, planned, &applied, &error));
  g_assert_no_error (error);
  g_assert_nonnull (applied);
  return applied;
}

static char *
dump_expenses (Fixture *fixture)
{
  return outlay_test_dump (outlay_test_handle (fixture),
                           "SELECT id, category_id, description, amount, currency, note, occurred_on, deleted_at "
                           "FROM expenses ORDER BY id");
}

static gint64
category_of (Fixture       *fixture,
             OutlayExpense *expense)
{
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;

  stored = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (expense), &error);
  g_assert_no_error (error);
  return outlay_expense_get_category_id (stored);
}

static char *
description_of (Fixture       *fixture,
                OutlayExpense *expense)
{
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GError) error = NULL;

  stored = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (expense), &error);
  g_assert_no_error (error);
  return g_strdup (outlay_expense_get_description (stored));
}

/* The total of every category, whatever the currency. */
static gint64
grand_total (Fixture *fixture)
{
  return outlay_test_query_int (outlay_test_handle (fixture), "SELECT sum(total) FROM expense_days");
}

/* Renamed: the new description is searched, not the old one. */
static void
test_rename (Fixture      *fixture,
             gconstpointer user_data)
{
  gint64 other = outlay_test_category (fixture, OUTLAY_TEST_OTHER);
  g_autoptr (OutlayExpense) square = outlay_test_add (fixture, 420, "EUR", "2024-04-02", "SQ *ROASTERY 0423 BERLIN",
                                                      other);
  g_autoptr (OutlayExpense) same = outlay_test_add (fixture, 380, "EUR", "2024-04-03", "Roastery", other);
  g_autoptr (OutlayExpense) food = outlay_test_add (fixture, 390, "EUR", "2024-04-04", "Roastery",
                                                    outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  g_autoptr (OutlayCategoryRule) rule = draft (fixture, "sq *roastery|roastery", OUTLAY_TEST_FOOD);
  g_autoptr (OutlayCategoryRule) stored = NULL;
  g_autoptr (OutlayRulesPlan) planned = NULL;
  g_autoptr (OutlayRulesPlan) applied = NULL;
  g_autofree char        *renamed = NULL;
  const OutlayRuleChange *change;

  outlay_category_rule_set_rename_to (rule, "Roastery");
  stored = add (fixture, rule);
  g_assert_true (outlay_test_search_finds (fixture, "berlin", outlay_expense_get_id (square)));

  planned = plan (fixture, FALSE);
  /* The one in Food & Drink already is as the rule says. */
  g_assert_cmpuint (planned->changes->len, ==, 2);
  change = &g_array_index (planned->changes, OutlayRuleChange, 0);
  g_assert_cmpint (change->expense_id, ==, outlay_expense_get_id (square));
  g_assert_cmpstr (change->old_description, ==, "SQ *ROASTERY 0423 BERLIN");
  g_assert_cmpstr (change->new_description, ==, "Roastery");
  g_assert_cmpint (change->old_category_id, ==, other);
  g_assert_cmpint (change->new_category_id, ==, outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  g_assert_cmpint (change->amount, ==, 420);
  g_assert_cmpstr (change->currency, ==, "EUR");
  g_assert_cmpstr (change->date, ==, "2024-04-02");
  change = &g_array_index (planned->changes, OutlayRuleChange, 1);
  g_assert_cmpint (change->expense_id, ==, outlay_expense_get_id (same));
  /* Not renamed: the very same text. */
  g_assert_true (change->new_description == change->old_description);

  applied = apply (fixture, planned);
  g_assert_cmpuint (applied->changes->len, ==, 2);
  renamed = description_of (fixture, square);
  g_assert_cmpstr (renamed, ==, "Roastery");
  g_assert_false (outlay_test_search_finds (fixture, "berlin", outlay_expense_get_id (square)));
  g_assert_true (outlay_test_search_finds (fixture, "roastery", outlay_expense_get_id (square)));
  g_assert_cmpint (category_of (fixture, food), ==, outlay_test_category (fixture, OUTLAY_TEST_FOOD));
}

/* The category most used for a description, in any case, unless a rule
 * says otherwise; never "Other", nor a hidden category. */
static void
test_learned (Fixture      *fixture,
              gconstpointer user_data)
{
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  gint64 groceries = outlay_test_category (fixture, OUTLAY_TEST_GROCERIES);
  gint64 other = outlay_test_category (fixture, OUTLAY_TEST_OTHER);
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autoptr (OutlayCategoryRule) by = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (GError) error = NULL;
  gint64 suggested = -1;

  for (guint i = 0; i < 5; i++)
    g_object_unref (outlay_test_add (fixture, 1200 + i, "EUR", "2024-05-01", i % 2 ? "LUNCH" : "Lunch", other));
  for (guint i = 0; i < 3; i++)
    g_object_unref (outlay_test_add (fixture, 1100, "EUR", "2024-05-02", "lunch", food));
  g_object_unref (outlay_test_add (fixture, 1100, "EUR", "2024-05-02", "Lunch", groceries));
  g_object_unref (outlay_test_add (fixture, 900, "EUR", "2024-05-03", "Lunch box", groceries));

  g_assert_cmpint (outlay_repository_suggest_category (fixture->repository, "Lunch", NULL, 1000, "EUR", &suggested,
                                                       &by, &error),
                   ==, OUTLAY_SUGGESTED_LEARNED);
  g_assert_no_error (error);
  g_assert_cmpint (suggested, ==, food);
  g_assert_null (by);
  g_assert_cmpint (outlay_repository_suggest_category (fixture->repository, "  lUnCh ", NULL, 1000, "EUR", &suggested,
                                                       NULL, &error),
                   ==, OUTLAY_SUGGESTED_LEARNED);
  g_assert_cmpint (suggested, ==, food);
  g_assert_cmpint (outlay_repository_suggest_category (fixture->repository, "Lunch box", NULL, 1000, "EUR", &suggested,
                                                       NULL, &error),
                   ==, OUTLAY_SUGGESTED_LEARNED);
  g_assert_cmpint (suggested, ==, groceries);
  g_assert_cmpint (outlay_repository_suggest_category (fixture->repository, "Dinner", NULL, 1000, "EUR", &suggested,
                                                       NULL, &error),
                   ==, OUTLAY_SUGGESTED_NONE);
  g_assert_cmpint (suggested, ==, 0);
  g_assert_cmpint (outlay_repository_suggest_category (fixture->repository, "  ", NULL, 1000, "EUR", &suggested,
                                                       NULL, &error),
                   ==, OUTLAY_SUGGESTED_NONE);
  g_assert_no_error (error);

  /* Only in Other: nothing to suggest. */
  g_object_unref (outlay_test_add (fixture, 500, "EUR", "2024-05-04", "Parking fine", other));
  g_assert_cmpint (outlay_repository_suggest_category (fixture->repository, "Parking fine", NULL, 1000, "EUR",
                                                       &suggested, NULL, &error),
                   ==, OUTLAY_SUGGESTED_NONE);

  /* Deleted expenses do not count: two in Groceries outweigh the three
   * in Food & Drink less the two deleted. */
  g_object_unref (outlay_test_add (fixture, 1100, "EUR", "2024-05-05", "Lunch", groceries));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = outlay_test_dump (outlay_test_handle (fixture),
                                              "SELECT id FROM expenses WHERE description = 'lunch' "
                                              "AND deleted_at IS NULL LIMIT 1");

      deleted = outlay_repository_delete_expense (fixture->repository, g_ascii_strtoll (id, NULL, 10), &error);
      g_assert_no_error (error);
      g_clear_object (&deleted);
    }
  g_assert_cmpint (outlay_repository_suggest_category (fixture->repository, "Lunch", NULL, 1000, "EUR", &suggested,
                                                       NULL, &error),
                   ==, OUTLAY_SUGGESTED_LEARNED);
  g_assert_cmpint (suggested, ==, groceries);

  /* A hidden category is not offered for new expenses. */
  g_assert_true (outlay_repository_set_category_hidden (fixture->repository, groceries, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_repository_suggest_category (fixture->repository, "Lunch", NULL, 1000, "EUR", &suggested,
                                                       NULL, &error),
                   ==, OUTLAY_SUGGESTED_LEARNED);
  g_assert_cmpint (suggested, ==, food);
  g_assert_true (outlay_repository_set_category_hidden (fixture->repository, groceries, FALSE, &error));

  /* A rule beats it. */
  rule = add_draft (fixture, draft (fixture, "lunch", OUTLAY_TEST_ENTERTAINMENT));
  g_assert_cmpint (outlay_repository_suggest_category (fixture->repository, "Lunch", NULL, 1000, "EUR", &suggested,
                                                       &by, &error),
                   ==, OUTLAY_SUGGESTED_BY_RULE);
  g_assert_cmpint (suggested, ==, outlay_test_category (fixture, OUTLAY_TEST_ENTERTAINMENT));
  g_assert_nonnull (by);
  g_assert_cmpstr (outlay_category_rule_get_uuid (by), ==, outlay_category_rule_get_uuid (rule));
  g_assert_cmpstr (outlay_suggested_by_to_string (OUTLAY_SUGGESTED_BY_RULE), ==, "rule");
  g_assert_cmpstr (outlay_suggested_by_to_string (OUTLAY_SUGGESTED_LEARNED), ==, "learned");
}

typedef struct
{
  GPtrArray *sql;
} Traced;

static guint
count_lines (const char *text,
             const char *part)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += strstr (lines[i], part) != NULL;
  return n;
}

static int
trace_cb (unsigned type,
          void    *data,
          void    *p,
          void    *x)
{
  Traced *traced = data;

  if (strstr (x, "COLLATE NOCASE") != NULL)
    g_ptr_array_add (traced->sql, g_strdup (x));
  return 0;
}

/* The learned suggestion reads the latest 200 expenses of the description
 * through its index, newest first without a sort: its cost does not grow
 * with the ledger. */
static void
test_learned_plan (Fixture      *fixture,
                   gconstpointer user_data)
{
  Traced           traced = { g_ptr_array_new_with_free_func (g_free) };
  sqlite3         *db = outlay_test_handle (fixture);
  g_autofree char *explain = NULL;
  g_autofree char *plan_text = NULL;
  g_autoptr (GError) error = NULL;
  gint64 suggested;

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_cb, &traced);
  outlay_repository_suggest_category (fixture->repository, "Lunch", NULL, 1000, "EUR", &suggested, NULL, &error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (traced.sql->len, ==, 1);

  explain = g_strconcat ("EXPLAIN QUERY PLAN ", g_ptr_array_index (traced.sql, 0), NULL);
  plan_text = outlay_test_dump (db, explain);
  g_test_message ("%s", plan_text);
  g_assert_nonnull (strstr (plan_text, "USING INDEX expenses_by_description (description=?)"));
  g_assert_null (strstr (plan_text, "SCAN expenses"));
  /* Only the groups are sorted, not the expenses. */
  g_assert_cmpuint (count_lines (plan_text, "TEMP B-TREE FOR ORDER BY"), <=, 1);
  g_assert_nonnull (strstr (plan_text, "|0|0|USE TEMP B-TREE FOR ORDER BY"));
  g_ptr_array_unref (traced.sql);
}

/* A ledger to file: some in Other, some filed already, one deleted. */
typedef struct
{
  OutlayExpense *rewe;   /* Other */
  OutlayExpense *lidl;   /* Other */
  OutlayExpense *coffee; /* Groceries, should be Food & Drink */
  OutlayExpense *bakery; /* Food & Drink already */
  OutlayExpense *cinema; /* Other, no rule */
  OutlayExpense *gone;   /* Other, deleted */
} Ledger;

static void
ledger_clear (Ledger *ledger)
{
  g_clear_object (&ledger->rewe);
  g_clear_object (&ledger->lidl);
  g_clear_object (&ledger->coffee);
  g_clear_object (&ledger->bakery);
  g_clear_object (&ledger->cinema);
  g_clear_object (&ledger->gone);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ledger, ledger_clear)

static void
fill_ledger (Fixture *fixture,
             Ledger  *ledger)
{
  gint64 other = outlay_test_category (fixture, OUTLAY_TEST_OTHER);
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayCategoryRule) bakery = draft (fixture, "bäckerei", OUTLAY_TEST_FOOD);
  g_autoptr (GError) error = NULL;

  ledger->rewe = outlay_test_add (fixture, 4210, "EUR", "2024-06-01", "REWE Markt GmbH", other);
  ledger->lidl = outlay_test_add (fixture, 1999, "EUR", "2024-06-02", "Lidl sagt Danke", other);
  ledger->coffee = outlay_test_add (fixture, 350, "EUR", "2024-06-03", "Coffee to go",
                                    outlay_test_category (fixture, OUTLAY_TEST_GROCERIES));
  ledger->bakery = outlay_test_add (fixture, 280, "EUR", "2024-06-04", "Bäckerei Schmidt",
                                    outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  ledger->cinema = outlay_test_add (fixture, 1200, "EUR", "2024-06-05", "Cinema", other);
  ledger->gone = outlay_test_add (fixture, 990, "EUR", "2024-06-06", "REWE", other);
  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (ledger->gone), &error);
  g_assert_no_error (error);

  g_object_unref (add_draft (fixture, draft (fixture, "rewe|lidl", OUTLAY_TEST_GROCERIES)));
  g_object_unref (add_draft (fixture, draft (fixture, "coffee", OUTLAY_TEST_FOOD)));
  outlay_category_rule_set_rename_to (bakery, "Bakery");
  g_object_unref (add (fixture, bakery));
}

/* Only those in Other, or all: the plan lists what changes, per rule;
 * the apply writes it, the totals move between categories and add up;
 * Undo puts everything back. */
static void
test_apply (Fixture      *fixture,
            gconstpointer user_data)
{
  g_auto (Ledger) ledger = { 0 };
  g_autoptr (OutlayRulesPlan) only_other = NULL;
  g_autoptr (OutlayRulesPlan) everything = NULL;
  g_autoptr (OutlayRulesPlan) applied = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *bakery = NULL;
  gint64           total;
  guint            n_restored = 0;

  fill_ledger (fixture, &ledger);
  before = dump_expenses (fixture);
  total = grand_total (fixture);

  only_other = plan (fixture, TRUE);
  g_assert_cmpuint (only_other->n_scanned, ==, 3);
  g_assert_cmpuint (only_other->changes->len, ==, 2);
  g_assert_cmpuint (only_other->rules->len, ==, 3);
  g_assert_cmpuint (g_array_index (only_other->counts, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (only_other->counts, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (only_other->counts, guint, 2), ==, 0);

  everything = plan (fixture, FALSE);
  g_assert_cmpuint (everything->n_scanned, ==, 5);
  g_assert_cmpuint (everything->changes->len, ==, 4);
  g_assert_cmpuint (g_array_index (everything->counts, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (everything->counts, guint, 1), ==, 1);
  /* Already in Food & Drink, but renamed. */
  g_assert_cmpuint (g_array_index (everything->counts, guint, 2), ==, 1);
  g_assert_null (everything->applied_at);
  /* Planning writes nothing. */
  after = dump_expenses (fixture);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  g_array_set_size (fixture->changes, 0);
  applied = apply (fixture, everything);
  g_assert_cmpuint (applied->changes->len, ==, 4);
  g_assert_cmpuint (applied->n_skipped, ==, 0);
  outlay_test_assert_timestamp (applied->applied_at);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->changes, OutlayTestChange, 0).kind, ==, OUTLAY_CHANGE_RESET);

  g_assert_cmpint (category_of (fixture, ledger.rewe), ==, outlay_test_category (fixture, OUTLAY_TEST_GROCERIES));
  g_assert_cmpint (category_of (fixture, ledger.lidl), ==, outlay_test_category (fixture, OUTLAY_TEST_GROCERIES));
  g_assert_cmpint (category_of (fixture, ledger.coffee), ==, outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  g_assert_cmpint (category_of (fixture, ledger.cinema), ==, outlay_test_category (fixture, OUTLAY_TEST_OTHER));
  g_assert_cmpint (category_of (fixture, ledger.gone), ==, outlay_test_category (fixture, OUTLAY_TEST_OTHER));
  bakery = description_of (fixture, ledger.bakery);
  g_assert_cmpstr (bakery, ==, "Bakery");
  /* The money moved between categories, none appeared or went. */
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  g_assert_cmpint (grand_total (fixture), ==, total);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture),
                                          "SELECT total FROM expense_days WHERE day = '2024-06-01'"),
                   ==, 4210);

  /* A second plan finds nothing more to do. */
  g_clear_pointer (&everything, outlay_rules_plan_unref);
  everything = plan (fixture, FALSE);
  g_assert_cmpuint (everything->changes->len, ==, 0);

  g_array_set_size (fixture->changes, 0);
  g_assert_true (outlay_repository_undo_rules_apply (fixture->repository, applied, &n_restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_restored, ==, 4);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  undone = dump_expenses (fixture);
  g_assert_cmpstr (undone, ==, before);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  g_assert_true (outlay_test_search_finds (fixture, "schmidt", outlay_expense_get_id (ledger.bakery)));

  /* Twice does nothing more. */
  g_assert_true (outlay_repository_undo_rules_apply (fixture->repository, applied, &n_restored, &error));
  g_assert_cmpuint (n_restored, ==, 0);
}

/* What changed since the plan is left alone, by the apply and by its
 * Undo. */
static void
test_apply_stale (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_auto (Ledger) ledger = { 0 };
  g_autoptr (OutlayRulesPlan) planned = NULL;
  g_autoptr (OutlayRulesPlan) applied = NULL;
  g_autoptr (OutlayExpense) edited = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) coffee = NULL;
  g_autoptr (GError) error = NULL;
  guint n_restored = 0;

  fill_ledger (fixture, &ledger);
  planned = plan (fixture, FALSE);
  g_assert_cmpuint (planned->changes->len, ==, 4);

  /* Filed by hand under Shopping, and one deleted, after the plan. */
  outlay_test_let_time_pass ();
  outlay_expense_set_category_id (ledger.rewe, outlay_test_category (fixture, OUTLAY_TEST_SHOPPING));
  edited = outlay_repository_update_expense (fixture->repository, ledger.rewe, &error);
  g_assert_no_error (error);
  deleted = outlay_repository_delete_expense (fixture->repository, outlay_expense_get_id (ledger.lidl), &error);
  g_assert_no_error (error);
  g_clear_object (&edited);

  applied = apply (fixture, planned);
  g_assert_cmpuint (applied->changes->len, ==, 2);
  g_assert_cmpuint (applied->n_skipped, ==, 2);
  g_assert_cmpuint (g_array_index (applied->counts, guint, 0), ==, 0);
  g_assert_cmpint (category_of (fixture, ledger.rewe), ==, outlay_test_category (fixture, OUTLAY_TEST_SHOPPING));
  g_assert_cmpint (category_of (fixture, ledger.coffee), ==, outlay_test_category (fixture, OUTLAY_TEST_FOOD));

  /* Edited after the apply: its Undo leaves it. */
  outlay_test_let_time_pass ();
  coffee = outlay_repository_get_expense (fixture->repository, outlay_expense_get_id (ledger.coffee), &error);
  g_assert_no_error (error);
  outlay_expense_set_amount (coffee, 360);
  edited = outlay_repository_update_expense (fixture->repository, coffee, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_repository_undo_rules_apply (fixture->repository, applied, &n_restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_restored, ==, 1);
  g_assert_cmpint (category_of (fixture, ledger.coffee), ==, outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
}

/* A category deleted between the plan and the apply takes nothing. */
static void
test_apply_deleted_category (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_auto (Ledger) ledger = { 0 };
  g_autoptr (OutlayRulesPlan) planned = NULL;
  g_autoptr (OutlayRulesPlan) applied = NULL;
  g_autoptr (GError) error = NULL;

  fill_ledger (fixture, &ledger);
  planned = plan (fixture, TRUE);
  g_assert_cmpuint (planned->changes->len, ==, 2);
  g_assert_true (outlay_repository_delete_category (fixture->repository,
                                                    outlay_test_category (fixture, OUTLAY_TEST_GROCERIES), NULL,
                                                    &error));
  g_assert_no_error (error);
  applied = apply (fixture, planned);
  g_assert_cmpuint (applied->changes->len, ==, 0);
  g_assert_cmpuint (applied->n_skipped, ==, 2);
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint         last_done;
  guint         total;
  guint         cancel_after;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >, progress->last_done);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
  if (progress->calls == progress->cancel_after)
    g_cancellable_cancel (progress->cancellable);
}

static void
add_many (Fixture *fixture,
          guint    n)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 other = outlay_test_category (fixture, OUTLAY_TEST_OTHER);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *description = g_strdup_printf ("%s %u", i % 3 == 0 ? "Bäckerei" : "Kiosk", i);

      g_ptr_array_add (drafts, outlay_test_draft (100 + i, "EUR", "2024-07-01", description, other));
    }
  g_assert_true (outlay_repository_add_expenses (fixture->repository, (OutlayExpense **) drafts->pdata, drafts->len,
                                                 &error));
  g_assert_no_error (error);
}

/* Progress in chunks up to the whole; a cancel stops the plan. */
static void
test_cancel (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (OutlayRuleSet) set = NULL;
  g_autoptr (OutlayRulesPlan) planned = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Progress         progress = { cancellable, 0, 0, 0, 0 };
  gint64           other = outlay_test_category (fixture, OUTLAY_TEST_OTHER);

  add_many (fixture, 20000);
  g_object_unref (add_draft (fixture, draft (fixture, "backerei", OUTLAY_TEST_FOOD)));
  set = rule_set (fixture);
  before = outlay_test_dump_store (outlay_test_handle (fixture));

  planned = outlay_repository_plan_rules (fixture->repository, set, FALSE, other, progress_cb, &progress, cancellable,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, ==, 3);
  g_assert_cmpuint (progress.last_done, ==, 20000);
  g_assert_cmpuint (progress.total, ==, 20000);
  g_assert_cmpuint (planned->n_scanned, ==, 20000);
  g_assert_cmpuint (planned->changes->len, ==, 6667);
  g_clear_pointer (&planned, outlay_rules_plan_unref);

  progress = (Progress){ cancellable, 0, 0, 0, 1 };
  planned = outlay_repository_plan_rules (fixture->repository, set, TRUE, other, progress_cb, &progress, cancellable,
                                          &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (planned);
  g_assert_cmpuint (progress.calls, ==, 1);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  /* Cancelled before it starts. */
  planned = outlay_repository_plan_rules (fixture->repository, set, TRUE, other, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (planned);
}

typedef struct
{
  OutlayRuleSet *set;
  gint64         fallback_id;
  GCancellable  *cancellable;
  GThread       *main_thread;
  guint          n_progress;
} Work;

static void
worker_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  Work *work = user_data;

  g_assert_true (g_thread_self () != work->main_thread);
  work->n_progress++;
}

static gpointer
plan_thread (OutlayRepository *repository,
             gpointer          data,
             GCancellable     *cancellable,
             GError          **error)
{
  Work *work = data;

  return outlay_repository_plan_rules (repository, work->set, TRUE, work->fallback_id, worker_progress_cb, work,
                                       cancellable, error);
}

static gpointer
count_thread (OutlayRepository *repository,
              gpointer          data,
              GCancellable     *cancellable,
              GError          **error)
{
  Work *work = data;
  guint count = 0;

  if (!outlay_repository_count_rule_matches (repository, outlay_rule_set_get_rule (work->set, 0), cancellable, &count,
                                             error))
    return NULL;
  return GUINT_TO_POINTER (count + 1);
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gpointer
run_in_reader (OutlayReader    *reader,
               OutlayReaderFunc func,
               Work            *work,
               GDestroyNotify   result_free,
               GError         **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  outlay_reader_run_async (reader, func, work, NULL, result_free, work->cancellable, on_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return outlay_reader_run_finish (reader, result, error);
}

#define FILED_BAKERIES \
  "SELECT count(*) FROM expenses WHERE description LIKE 'B_ckerei%' " \
  "AND category_id = (SELECT id FROM categories WHERE name = 'Food & Drink')"

static OutlayRulesPlan *
apply_in_worker (Fixture         *fixture,
                 OutlayRulesPlan *planned,
                 Progress        *progress,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  outlay_repository_apply_rules_plan_async (fixture->repository, planned, progress != NULL ? progress_cb : NULL,
                                            progress, cancellable, on_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return outlay_repository_apply_rules_plan_finish (fixture->repository, result, error);
}

static guint
undo_in_worker (Fixture         *fixture,
                OutlayRulesPlan *applied,
                GError         **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  guint n_restored = 0;

  outlay_repository_undo_rules_apply_async (fixture->repository, applied, on_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!outlay_repository_undo_rules_apply_finish (fixture->repository, result, &n_restored, error))
    return G_MAXUINT;
  return n_restored;
}

/* As the window does: planned and counted in a worker on the reader's own
 * connection, applied and taken back in a worker on a connection of its
 * own. */
static void
test_worker (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (OutlayReader) reader = outlay_reader_new (fixture->repository);
  g_autoptr (OutlayRuleSet) set = NULL;
  g_autoptr (OutlayRulesPlan) planned = NULL;
  g_autoptr (OutlayRulesPlan) applied = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  Work             work = { NULL, outlay_test_category (fixture, OUTLAY_TEST_OTHER), NULL, g_thread_self (), 0 };
  Progress         progress;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gpointer         count;

  add_many (fixture, 10000);
  g_object_unref (add_draft (fixture, draft (fixture, "bäckerei", OUTLAY_TEST_FOOD)));
  set = rule_set (fixture);
  work.set = set;

  count = run_in_reader (reader, count_thread, &work, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (count) - 1, ==, 3334);

  planned = run_in_reader (reader, plan_thread, &work, (GDestroyNotify) outlay_rules_plan_unref, &error);
  g_assert_no_error (error);
  g_assert_nonnull (planned);
  g_assert_cmpuint (planned->changes->len, ==, 3334);
  g_assert_cmpuint (work.n_progress, ==, 2);

  /* Written in a worker, on a connection of its own: stopped at its last
   * moment, before the commit, it changes nothing. */
  before = outlay_test_dump_store (outlay_test_handle (fixture));
  progress = (Progress){ cancellable, 0, 0, 0, 1 };
  g_assert_null (apply_in_worker (fixture, planned, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpuint (progress.last_done, ==, 3334);
  after = outlay_test_dump_store (outlay_test_handle (fixture));
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Not stopped: the repository hears of it (a reset) before the
   * answer comes. */
  g_array_set_size (fixture->changes, 0);
  applied = apply_in_worker (fixture, planned, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (applied);
  g_assert_cmpuint (applied->changes->len, ==, 3334);
  g_assert_cmpuint (fixture->changes->len, >=, 1);
  g_assert_cmpint (g_array_index (fixture->changes, OutlayTestChange, 0).kind, ==, OUTLAY_CHANGE_RESET);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), FILED_BAKERIES), ==, 3334);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));

  /* Its Undo, in a worker too. */
  g_array_set_size (fixture->changes, 0);
  g_assert_cmpuint (undo_in_worker (fixture, applied, &error), ==, 3334);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, >=, 1);
  g_assert_cmpint (outlay_test_query_int (outlay_test_handle (fixture), FILED_BAKERIES), ==, 0);
  outlay_test_assert_summary_consistent (outlay_test_handle (fixture));
  g_clear_pointer (&cancellable, g_object_unref);
  cancellable = g_cancellable_new ();

  /* Cancelled: the call ends with G_IO_ERROR_CANCELLED. */
  work.cancellable = cancellable;
  g_cancellable_cancel (cancellable);
  g_assert_null (run_in_reader (reader, plan_thread, &work, (GDestroyNotify) outlay_rules_plan_unref, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/repository/rules/crud", test_crud);
  OUTLAY_TEST_ADD ("/repository/rules/refused", test_refused);
  OUTLAY_TEST_ADD ("/repository/rules/precedence", test_precedence);
  OUTLAY_TEST_ADD ("/repository/rules/folding", test_folding);
  OUTLAY_TEST_ADD ("/repository/rules/match-types", test_match_types);
  OUTLAY_TEST_ADD ("/repository/rules/amounts", test_amounts);
  OUTLAY_TEST_ADD ("/repository/rules/currency", test_currency);
  OUTLAY_TEST_ADD ("/repository/rules/rename", test_rename);
  OUTLAY_TEST_ADD ("/repository/rules/learned", test_learned);
  OUTLAY_TEST_ADD ("/repository/rules/learned-plan", test_learned_plan);
  OUTLAY_TEST_ADD ("/repository/rules/apply", test_apply);
  OUTLAY_TEST_ADD ("/repository/rules/apply-stale", test_apply_stale);
  OUTLAY_TEST_ADD ("/repository/rules/apply-deleted-category", test_apply_deleted_category);
  OUTLAY_TEST_ADD ("/repository/rules/cancel", test_cancel);
  OUTLAY_TEST_ADD ("/repository/rules/worker", test_worker);

  return g_test_run ();
}
