/* test-rules.c
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

/* The Rules page, the rule editor and Apply Rules as a person uses them:
 * a rule added through the form, its live count against the ledger, a
 * refusal that keeps what was typed, the order changed, a rule deleted
 * and brought back, and rules applied to the expenses there are, then
 * taken back. */

#include "config.h"

#include <adwaita.h>

#include "outlay-apply-rules-dialog.h"
#include "outlay-category-picker.h"
#include "outlay-rule-editor.h"
#include "outlay-rule-row.h"
#include "outlay-rules-page.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"

typedef struct
{
  OutlayTestFixture store;
  OutlayRepository *repository;
  GtkWidget        *window;
  OutlayRulesPage  *page;
  gint64            food, groceries, other;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  outlay_test_fixture_setup (&fixture->store, NULL);
  fixture->repository = fixture->store.repository;
  fixture->food = outlay_test_category_at (fixture->repository, 0);
  fixture->groceries = outlay_test_category_at (fixture->repository, 1);
  fixture->other = outlay_category_get_id (outlay_repository_get_fallback_category (fixture->repository));
}

static void
open_page (Fixture *fixture)
{
  fixture->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 640);
  fixture->page = OUTLAY_RULES_PAGE (outlay_rules_page_new (fixture->repository));
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
  outlay_ui_test_settle (fixture->window);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  if (fixture->window != NULL)
    {
      GtkWidget *editor = outlay_rules_page_get_editor (fixture->page);
      GtkWidget *dialog = outlay_rules_page_get_apply_dialog (fixture->page);

      if (editor != NULL)
        gtk_window_destroy (GTK_WINDOW (editor));
      if (dialog != NULL)
        gtk_window_destroy (GTK_WINDOW (dialog));
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      outlay_ui_test_drain ();
    }
  fixture->repository = NULL;
  outlay_test_fixture_teardown (&fixture->store, NULL);
}

static void
add_expenses (Fixture    *fixture,
              const char *description,
              guint       n,
              gint64      category_id)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayExpense) draft = outlay_test_draft (1000 + i, "EUR", "2026-03-01", description, category_id);
      g_autoptr (OutlayExpense) stored = NULL;
      g_autoptr (GError) error = NULL;

      stored = outlay_repository_add_expense (fixture->repository, draft, &error);
      g_assert_no_error (error);
    }
}

static OutlayCategoryRule *
add_rule (Fixture    *fixture,
          const char *pattern,
          gint64      category_id)
{
  g_autoptr (OutlayCategoryRule) draft = outlay_category_rule_new ();
  g_autoptr (GError) error = NULL;
  const char         *patterns[] = { pattern, NULL };
  OutlayCategoryRule *stored;

  outlay_category_rule_set_patterns (draft, patterns);
  outlay_category_rule_set_category_uuid (
    draft, outlay_category_get_uuid (outlay_repository_lookup_category (fixture->repository, category_id)));
  stored = outlay_repository_add_category_rule (fixture->repository, draft, &error);
  g_assert_no_error (error);
  return stored;
}

static GPtrArray *
stored_rules (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rules = outlay_repository_list_category_rules (fixture->repository, &error);

  g_assert_no_error (error);
  return rules;
}

static gint64
count_in (Fixture *fixture,
          gint64   category_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM expenses WHERE deleted_at IS NULL "
                                          "AND category_id = %" G_GINT64_FORMAT,
                                          category_id);

  return outlay_test_query_int (outlay_test_handle (&fixture->store), sql);
}

static void
wait_for_count (OutlayRuleEditor *editor)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (outlay_rule_editor_is_counting (editor))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static OutlayRuleEditor *
open_editor (Fixture *fixture)
{
  GtkWidget *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rules.add", NULL));
  editor = outlay_rules_page_get_editor (fixture->page);
  g_assert_nonnull (editor);
  outlay_ui_test_settle (editor);
  return OUTLAY_RULE_EDITOR (editor);
}

/* Where the editor's category row lists @category_id, if it does. */
static guint
category_position (OutlayRuleEditor *editor,
                   gint64            category_id)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (outlay_rule_editor_get_row (editor, "category")));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (OUTLAY_IS_CATEGORY (item) && outlay_category_get_id (OUTLAY_CATEGORY (item)) == category_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Picks the category from the row's list, as a person does. */
static void
select_category (OutlayRuleEditor *editor,
                 gint64            category_id)
{
  GtkWidget *row = outlay_rule_editor_get_row (editor, "category");
  guint      position = category_position (editor, category_id);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  g_assert_cmpint (outlay_category_picker_get_category_id (OUTLAY_CATEGORY_PICKER (row)), ==, category_id);
}

/* With no rule the page says what rules do; a rule typed in the editor
 * is counted live against the ledger and stored as typed. */
static void
test_add (Fixture      *fixture,
          gconstpointer user_data)
{
  g_autoptr (GPtrArray) rules = NULL;
  OutlayRuleEditor   *editor;
  OutlayCategoryRule *rule;
  GtkListBoxRow      *row;

  add_expenses (fixture, "Bäckerei Schmidt", 37, fixture->other);
  add_expenses (fixture, "Kiosk", 5, fixture->other);
  open_page (fixture);
  g_assert_nonnull (outlay_ui_test_find (fixture->window, outlay_ui_test_is_status_page, "No Rules"));

  editor = open_editor (fixture);
  wait_for_count (editor);
  g_assert_cmpstr (outlay_rule_editor_get_matches (editor), ==, "Type what to look for to see what the rule matches.");
  gtk_editable_set_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "pattern")), "BACKEREI");
  wait_for_count (editor);
  g_assert_cmpstr (outlay_rule_editor_get_matches (editor), ==, "Matches 37 expenses");
  outlay_rule_editor_add_pattern (editor, "kiosk");
  wait_for_count (editor);
  g_assert_cmpstr (outlay_rule_editor_get_matches (editor), ==, "Matches 42 expenses");
  gtk_editable_set_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "min")), "10.20");
  wait_for_count (editor);
  g_assert_cmpstr (outlay_rule_editor_get_matches (editor), ==, "Matches 17 expenses");
  gtk_editable_set_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "min")), "");
  gtk_editable_set_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "pattern")), "nowhere");
  outlay_rule_editor_add_pattern (editor, "");
  wait_for_count (editor);
  g_assert_cmpstr (outlay_rule_editor_get_matches (editor), ==, "Matches 5 expenses");
  gtk_editable_set_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "pattern")), "bäckerei");
  select_category (editor, fixture->groceries);
  gtk_editable_set_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "rename")), "Bakery");
  g_assert_true (outlay_rule_editor_save (editor));
  outlay_ui_test_settle (fixture->window);

  rules = stored_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 1);
  rule = g_ptr_array_index (rules, 0);
  g_assert_cmpstr (outlay_category_rule_get_patterns (rule)[0], ==, "bäckerei");
  g_assert_cmpstr (outlay_category_rule_get_patterns (rule)[1], ==, "kiosk");
  g_assert_null (outlay_category_rule_get_patterns (rule)[2]);
  g_assert_cmpstr (outlay_category_rule_get_rename_to (rule), ==, "Bakery");
  g_assert_cmpstr (outlay_category_rule_get_category_uuid (rule), ==,
                   outlay_category_get_uuid (outlay_repository_lookup_category (fixture->repository,
                                                                                fixture->groceries)));

  row = gtk_list_box_get_row_at_index (outlay_rules_page_get_list (fixture->page), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (outlay_rule_row_get_title (OUTLAY_RULE_ROW (row)), ==,
                   "Description contains “bäckerei” or “kiosk”");
  g_assert_true (g_str_has_suffix (outlay_rule_row_get_subtitle (OUTLAY_RULE_ROW (row)), " · renamed “Bakery”"));
}

/* A refusal marks the row and keeps everything as typed. */
static void
test_refused (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (GPtrArray) rules = NULL;
  OutlayRuleEditor *editor;
  GtkWidget        *min;

  open_page (fixture);
  editor = open_editor (fixture);
  gtk_editable_set_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "pattern")), "rewe");
  min = outlay_rule_editor_get_row (editor, "min");
  gtk_editable_set_text (GTK_EDITABLE (min), "twelve");
  g_assert_false (outlay_rule_editor_save (editor));
  g_assert_nonnull (outlay_rule_editor_get_error (editor));
  g_assert_true (gtk_widget_has_css_class (min, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (min)), ==, "twelve");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "pattern"))), ==, "rewe");

  /* The store's own refusal: nothing to look for. */
  gtk_editable_set_text (GTK_EDITABLE (min), "");
  gtk_editable_set_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "pattern")), "  ");
  g_assert_false (outlay_rule_editor_save (editor));
  g_assert_true (gtk_widget_has_css_class (outlay_rule_editor_get_row (editor, "pattern"), "error"));
  g_assert_false (gtk_widget_has_css_class (min, "error"));
  g_assert_true (outlay_rules_page_get_editor (fixture->page) == GTK_WIDGET (editor));

  rules = stored_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 0);
}

static const char *
uuid_at (GPtrArray *rules,
         guint      index)
{
  return outlay_category_rule_get_uuid (g_ptr_array_index (rules, index));
}

/* Move down (as Alt+Down does on a row), delete, Undo. */
static void
test_order_delete (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) first = add_rule (fixture, "rewe", fixture->groceries);
  g_autoptr (OutlayCategoryRule) second = add_rule (fixture, "pizza", fixture->food);
  g_autoptr (GPtrArray) rules = NULL;
  GtkListBoxRow *row;

  open_page (fixture);
  row = gtk_list_box_get_row_at_index (outlay_rules_page_get_list (fixture->page), 0);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "rules.move-down", "s",
                                             outlay_category_rule_get_uuid (first)));
  outlay_ui_test_settle (fixture->window);
  rules = stored_rules (fixture);
  g_assert_cmpstr (uuid_at (rules, 0), ==, outlay_category_rule_get_uuid (second));
  g_assert_cmpstr (uuid_at (rules, 1), ==, outlay_category_rule_get_uuid (first));
  g_clear_pointer (&rules, g_ptr_array_unref);
  /* The moved rule keeps the focus. */
  row = gtk_list_box_get_row_at_index (outlay_rules_page_get_list (fixture->page), 1);
  g_assert_cmpstr (outlay_category_rule_get_uuid (outlay_rule_row_get_rule (OUTLAY_RULE_ROW (row))), ==,
                   outlay_category_rule_get_uuid (first));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rules.delete", "s",
                                             outlay_category_rule_get_uuid (second)));
  outlay_ui_test_settle (fixture->window);
  g_assert_cmpstr (outlay_rules_page_get_toast (fixture->page), ==, "Rule deleted");
  rules = stored_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 1);
  g_clear_pointer (&rules, g_ptr_array_unref);
  g_assert_null (gtk_list_box_get_row_at_index (outlay_rules_page_get_list (fixture->page), 1));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rules.undo", NULL));
  outlay_ui_test_settle (fixture->window);
  rules = stored_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 2);
  g_assert_cmpstr (uuid_at (rules, 0), ==, outlay_category_rule_get_uuid (second));
  g_assert_nonnull (gtk_list_box_get_row_at_index (outlay_rules_page_get_list (fixture->page), 1));
}

static GtkWidget *
row_at (Fixture *fixture,
        guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (outlay_rules_page_get_list (fixture->page), index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

/* The patterns of the rules in the order they are tried, as stored, and
 * as the page lists them. */
static char *
stored_order (Fixture *fixture)
{
  g_autoptr (GPtrArray) rules = stored_rules (fixture);
  g_autoptr (GString) order = g_string_new (NULL);

  for (guint i = 0; i < rules->len; i++)
    g_string_append_printf (order, "%s%s", i > 0 ? " " : "",
                            outlay_category_rule_get_patterns (g_ptr_array_index (rules, i))[0]);
  return g_string_free (g_steal_pointer (&order), FALSE);
}

static char *
listed_order (Fixture *fixture)
{
  g_autoptr (GString) order = g_string_new (NULL);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (outlay_rules_page_get_list (fixture->page), i)); i++)
    g_string_append_printf (order, "%s%s", i > 0 ? " " : "",
                            outlay_category_rule_get_patterns (outlay_rule_row_get_rule (OUTLAY_RULE_ROW (row)))[0]);
  return g_string_free (g_steal_pointer (&order), FALSE);
}

static void
assert_order (Fixture    *fixture,
              const char *expected)
{
  g_autofree char *stored = NULL;
  g_autofree char *listed = NULL;

  outlay_ui_test_settle (fixture->window);
  stored = stored_order (fixture);
  listed = listed_order (fixture);
  g_assert_cmpstr (stored, ==, expected);
  g_assert_cmpstr (listed, ==, expected);
}

/* A rule dropped on another takes its place, down or up; one dropped on
 * itself stays. */
static void
test_drop (Fixture      *fixture,
           gconstpointer user_data)
{
  GtkWidget *menu_button;

  g_object_unref (add_rule (fixture, "rewe", fixture->groceries));
  g_object_unref (add_rule (fixture, "pizza", fixture->food));
  g_object_unref (add_rule (fixture, "lidl", fixture->groceries));
  g_object_unref (add_rule (fixture, "kiosk", fixture->other));

  open_page (fixture);
  assert_order (fixture, "rewe pizza lidl kiosk");
  g_assert_true (outlay_ui_test_drop (row_at (fixture, 0), row_at (fixture, 2)));
  assert_order (fixture, "pizza lidl rewe kiosk");
  g_assert_true (outlay_ui_test_drop (row_at (fixture, 3), row_at (fixture, 0)));
  assert_order (fixture, "kiosk pizza lidl rewe");
  g_assert_true (outlay_ui_test_drop (row_at (fixture, 1), row_at (fixture, 3)));
  assert_order (fixture, "kiosk lidl rewe pizza");
  g_assert_false (outlay_ui_test_drop (row_at (fixture, 2), row_at (fixture, 2)));
  assert_order (fixture, "kiosk lidl rewe pizza");
  /* The rows say their new places. */
  menu_button = outlay_rule_row_get_menu_button (OUTLAY_RULE_ROW (row_at (fixture, 3)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Actions for Rule 4");
}

static void
wait_for_plan (OutlayApplyRulesDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (outlay_apply_rules_dialog_is_planning (dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Until the page shows @title, for a write in a worker. */
static void
wait_for_toast (Fixture    *fixture,
                const char *title)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (g_strcmp0 (outlay_rules_page_get_toast (fixture->page), title) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  outlay_ui_test_settle (fixture->window);
}

static OutlayApplyRulesDialog *
open_apply (Fixture *fixture)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rules.apply", NULL));
  dialog = outlay_rules_page_get_apply_dialog (fixture->page);
  g_assert_nonnull (dialog);
  outlay_ui_test_settle (dialog);
  return OUTLAY_APPLY_RULES_DIALOG (dialog);
}

/* Preview, apply, the totals per category, Undo. */
static void
test_apply (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) rule = add_rule (fixture, "bäckerei", fixture->groceries);
  OutlayApplyRulesDialog *dialog;
  OutlayRulesPlan        *plan;

  add_expenses (fixture, "Backerei Schmidt", 12, fixture->other);
  add_expenses (fixture, "BÄCKEREI am Markt", 3, fixture->food);
  add_expenses (fixture, "Kiosk", 4, fixture->other);
  open_page (fixture);

  /* Only Other: the three filed by hand stay. */
  dialog = open_apply (fixture);
  outlay_apply_rules_dialog_preview (dialog);
  wait_for_plan (dialog);
  plan = outlay_apply_rules_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->changes->len, ==, 12);
  g_assert_cmpuint (g_array_index (plan->counts, guint, 0), ==, 12);
  g_assert_cmpstr (outlay_apply_rules_dialog_get_summary (dialog), ==, "12 expenses will change.");

  /* All: those too. */
  outlay_apply_rules_dialog_set_all (dialog, TRUE);
  outlay_apply_rules_dialog_preview (dialog);
  wait_for_plan (dialog);
  plan = outlay_apply_rules_dialog_get_plan (dialog);
  g_assert_cmpuint (plan->changes->len, ==, 15);

  /* The write runs in a worker; the dialog stays until it ends. */
  outlay_apply_rules_dialog_apply (dialog);
  g_assert_true (outlay_apply_rules_dialog_is_applying (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (outlay_rules_page_get_apply_dialog (fixture->page) == GTK_WIDGET (dialog));
  g_assert_true (outlay_apply_rules_dialog_is_applying (dialog));
  wait_for_toast (fixture, "Filed 15 expenses");
  g_assert_null (outlay_rules_page_get_apply_dialog (fixture->page));
  g_assert_cmpint (count_in (fixture, fixture->groceries), ==, 15);
  g_assert_cmpint (count_in (fixture, fixture->other), ==, 4);
  g_assert_cmpint (count_in (fixture, fixture->food), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rules.undo", NULL));
  wait_for_toast (fixture, "Put 15 expenses back");
  g_assert_cmpint (count_in (fixture, fixture->groceries), ==, 0);
  g_assert_cmpint (count_in (fixture, fixture->other), ==, 16);
  g_assert_cmpint (count_in (fixture, fixture->food), ==, 3);

  /* Nothing left in Other to file: the preview says so. */
  dialog = open_apply (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rules.delete", "s",
                                             outlay_category_rule_get_uuid (rule)));
  g_object_unref (add_rule (fixture, "nowhere", fixture->food));
  outlay_apply_rules_dialog_preview (dialog);
  wait_for_plan (dialog);
  g_assert_cmpuint (outlay_apply_rules_dialog_get_plan (dialog)->changes->len, ==, 0);
  g_assert_cmpstr (outlay_apply_rules_dialog_get_summary (dialog), ==, "No expense would change.");
}

/* An existing rule opens as it is stored and saves back unchanged but for
 * what was changed. */
static void
test_edit (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) draft = add_rule (fixture, "roastery", fixture->food);
  g_autoptr (OutlayCategoryRule) rule = outlay_category_rule_copy (draft);
  g_autoptr (OutlayCategoryRule) stored = NULL;
  g_autoptr (OutlayCategoryRule) edited = NULL;
  g_autoptr (GError) error = NULL;
  OutlayRuleEditor *editor;

  outlay_category_rule_set_match (rule, OUTLAY_RULE_MATCH_STARTS);
  outlay_category_rule_set_amount_min (rule, "2.50");
  outlay_category_rule_set_currency (rule, "USD");
  outlay_category_rule_set_rename_to (rule, "Roastery");
  stored = outlay_repository_update_category_rule (fixture->repository, rule, &error);
  g_assert_no_error (error);
  open_page (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rules.edit", "s",
                                             outlay_category_rule_get_uuid (stored)));
  editor = OUTLAY_RULE_EDITOR (outlay_rules_page_get_editor (fixture->page));
  g_assert_nonnull (editor);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (outlay_rule_editor_get_row (editor, "match"))), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "min"))), ==, "2.50");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "rename"))), ==,
                   "Roastery");
  gtk_editable_set_text (GTK_EDITABLE (outlay_rule_editor_get_row (editor, "max")), "9");
  g_assert_true (outlay_rule_editor_save (editor));

  edited = outlay_repository_get_category_rule (fixture->repository, outlay_category_rule_get_uuid (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_category_rule_get_match (edited), ==, OUTLAY_RULE_MATCH_STARTS);
  g_assert_cmpstr (outlay_category_rule_get_amount_min (edited), ==, "2.50");
  g_assert_cmpstr (outlay_category_rule_get_amount_max (edited), ==, "9.00");
  g_assert_cmpstr (outlay_category_rule_get_currency (edited), ==, "USD");
  g_assert_cmpstr (outlay_category_rule_get_rename_to (edited), ==, "Roastery");
}

/* The category row is the expense editor's picker: a hidden category is
 * offered to the rule that files under it, not to a new one, which files
 * under the first category offered. */
static void
test_category_picker (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) rule = add_rule (fixture, "rewe", fixture->groceries);
  g_autoptr (OutlayCategoryRule) saved = NULL;
  g_autoptr (GError) error = NULL;
  OutlayRuleEditor *editor;
  GtkWidget        *row;

  g_assert_true (outlay_repository_set_category_hidden (fixture->repository, fixture->groceries, TRUE, &error));
  g_assert_no_error (error);
  open_page (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rules.edit", "s",
                                             outlay_category_rule_get_uuid (rule)));
  editor = OUTLAY_RULE_EDITOR (outlay_rules_page_get_editor (fixture->page));
  g_assert_nonnull (editor);
  row = outlay_rule_editor_get_row (editor, "category");
  g_assert_true (OUTLAY_IS_CATEGORY_PICKER (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "_Category");
  g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpint (outlay_category_picker_get_category_id (OUTLAY_CATEGORY_PICKER (row)), ==, fixture->groceries);
  g_assert_cmpuint (category_position (editor, fixture->groceries), !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (outlay_rule_editor_save (editor));
  outlay_ui_test_settle (fixture->window);
  saved = outlay_repository_get_category_rule (fixture->repository, outlay_category_rule_get_uuid (rule), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_category_rule_get_category_uuid (saved), ==,
                   outlay_category_get_uuid (outlay_repository_lookup_category (fixture->repository,
                                                                                fixture->groceries)));

  editor = open_editor (fixture);
  row = outlay_rule_editor_get_row (editor, "category");
  g_assert_cmpuint (category_position (editor, fixture->groceries), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (outlay_category_picker_get_category_id (OUTLAY_CATEGORY_PICKER (row)), ==, fixture->food);
}

/* Closed while it plans: the plan is let go, nothing is written. */
static void
test_apply_closed (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (OutlayCategoryRule) rule = add_rule (fixture, "bäckerei", fixture->groceries);
  OutlayApplyRulesDialog *dialog;

  add_expenses (fixture, "Backerei Schmidt", 30, fixture->other);
  open_page (fixture);
  dialog = open_apply (fixture);
  outlay_apply_rules_dialog_preview (dialog);
  g_assert_true (outlay_apply_rules_dialog_is_planning (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  outlay_ui_test_wait_ms (300);
  outlay_ui_test_settle (fixture->window);
  g_assert_null (outlay_rules_page_get_apply_dialog (fixture->page));
  g_assert_cmpint (count_in (fixture, fixture->other), ==, 30);
  g_assert_cmpint (count_in (fixture, fixture->groceries), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/rules/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/rules/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/rules/order-delete", Fixture, NULL, fixture_set_up, test_order_delete, fixture_tear_down);
  g_test_add ("/rules/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/rules/apply", Fixture, NULL, fixture_set_up, test_apply, fixture_tear_down);
  g_test_add ("/rules/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/rules/category-picker", Fixture, NULL, fixture_set_up, test_category_picker, fixture_tear_down);
  g_test_add ("/rules/apply-closed", Fixture, NULL, fixture_set_up, test_apply_closed, fixture_tear_down);

  return g_test_run ();
}
