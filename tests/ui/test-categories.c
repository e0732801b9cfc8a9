/* test-categories.c
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

/* The Categories window as a person uses it: adding a category with a
 * colour, a subcategory under it; a name a sibling has, refused under the
 * field with what was typed kept; hiding, which takes a category out of
 * the expense editor's choices; moving; deleting and merging, which move
 * the expenses where the person says and give them back with Undo, the
 * ledger's totals the same throughout. */

#include "config.h"

#include <adwaita.h>

#include "outlay-categories-window.h"
#include "outlay-category-editor.h"
#include "outlay-category-picker.h"
#include "outlay-category-removal-dialog.h"
#include "outlay-category-row.h"
#include "outlay-color-palette.h"
#include "outlay-icon-grid.h"
#include "outlay-test-utils.h"
#include "outlay-ui-test-utils.h"

typedef struct
{
  OutlayTestFixture       store;
  OutlayRepository       *repository;
  OutlayCategoriesWindow *window;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  outlay_test_fixture_setup (&fixture->store, NULL);
  fixture->repository = fixture->store.repository;
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      outlay_ui_test_drain ();
    }
  fixture->repository = NULL;
  outlay_test_fixture_teardown (&fixture->store, NULL);
}

static void
wait_for_counts (Fixture *fixture)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!outlay_categories_window_is_counted (fixture->window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (outlay_categories_window_is_counted (fixture->window));
  outlay_ui_test_drain ();
}

static void
open_window (Fixture *fixture)
{
  fixture->window = outlay_categories_window_new (NULL, fixture->repository);
  gtk_window_present (GTK_WINDOW (fixture->window));
  outlay_ui_test_settle (GTK_WIDGET (fixture->window));
  wait_for_counts (fixture);
}

static void
activate (Fixture        *fixture,
          const char     *action,
          OutlayCategory *category)
{
  g_assert_nonnull (category);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "x", outlay_category_get_id (category));
  outlay_ui_test_drain ();
}

static OutlayCategory *
named (Fixture    *fixture,
       const char *name)
{
  return outlay_repository_find_category (fixture->repository, name);
}

static OutlayCategoryEditor *
get_editor (Fixture *fixture)
{
  GtkWindow *editor = outlay_categories_window_get_editor (fixture->window);

  g_assert_nonnull (editor);
  outlay_ui_test_settle (GTK_WIDGET (editor));
  return OUTLAY_CATEGORY_EDITOR (editor);
}

static void
type_name (OutlayCategoryEditor *editor,
           const char           *name)
{
  gtk_editable_set_text (GTK_EDITABLE (outlay_category_editor_get_name_row (editor)), name);
}

static const char *
subtitle_of (Fixture    *fixture,
             const char *name)
{
  GtkWidget *row = outlay_categories_window_get_row (fixture->window, name);

  g_assert_nonnull (row);
  return outlay_category_row_get_subtitle (OUTLAY_CATEGORY_ROW (row));
}

static gint64
count_in (Fixture        *fixture,
          OutlayCategory *category)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM expenses WHERE deleted_at IS NULL AND category_id = %" G_GINT64_FORMAT,
                     outlay_category_get_id (category));

  return outlay_test_query_int (outlay_test_handle (&fixture->store), sql);
}

static gint64
ledger_total (Fixture *fixture)
{
  return outlay_test_query_int (outlay_test_handle (&fixture->store),
                                "SELECT coalesce(sum(amount), 0) FROM expenses WHERE deleted_at IS NULL");
}

/* Whether a picker, as the expense editor has, offers @category; @kept:
 * the category of the expense it shows. */
static gboolean
picker_lists (Fixture        *fixture,
              OutlayCategory *category,
              OutlayCategory *kept)
{
  GtkWidget  *picker = g_object_ref_sink (outlay_category_picker_new ());
  GListModel *model;
  gboolean    found = FALSE;

  outlay_category_picker_set_repository (OUTLAY_CATEGORY_PICKER (picker), fixture->repository);
  if (kept != NULL)
    outlay_category_picker_select (OUTLAY_CATEGORY_PICKER (picker), outlay_category_get_id (kept), TRUE);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (picker));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      found = found || item == G_OBJECT (category);
    }
  g_object_unref (picker);
  return found;
}

static gboolean
picker_offers (Fixture        *fixture,
               OutlayCategory *category)
{
  return picker_lists (fixture, category, NULL);
}

/* A new category with a colour of the palette, and a subcategory under
 * it, which the list shows indented after it. */
static void
test_add (Fixture      *fixture,
          gconstpointer user_data)
{
  OutlayCategoryEditor *editor;
  OutlayColorPalette   *palette;
  OutlayIconGrid       *icons;
  GtkWidget            *icon;
  OutlayCategory       *pets;
  OutlayCategory       *vet;
  GtkWidget            *swatch;

  open_window (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "categories.new", NULL);
  editor = get_editor (fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Category");
  type_name (editor, "Pets");
  palette = OUTLAY_COLOR_PALETTE (outlay_category_editor_get_palette (editor));
  swatch = outlay_color_palette_get_swatch (palette, "#9141ac");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL, "Purple");
  outlay_ui_test_click (swatch);
  g_assert_cmpstr (outlay_color_palette_get_color (palette), ==, "#9141ac");
  /* The icon: searched for, then chosen; each is named by what it shows. */
  icons = OUTLAY_ICON_GRID (outlay_category_editor_get_icons (editor));
  gtk_editable_set_text (GTK_EDITABLE (outlay_icon_grid_get_search_entry (icons)), "dog");
  outlay_ui_test_wait_ms (300);
  g_assert_cmpuint (outlay_icon_grid_count_shown (icons), ==, 1);
  icon = outlay_icon_grid_get_button (icons, "outlay-category-pets-symbolic");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "Pets");
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (icon)));
  outlay_ui_test_click (icon);
  g_assert_cmpstr (outlay_icon_grid_get_icon_name (icons), ==, "outlay-category-pets-symbolic");
  g_assert_true (outlay_category_editor_save (editor));
  outlay_ui_test_drain ();

  pets = named (fixture, "Pets");
  g_assert_nonnull (pets);
  g_assert_cmpstr (outlay_category_get_color (pets), ==, "#9141ac");
  g_assert_cmpstr (outlay_category_get_icon_name (pets), ==, "outlay-category-pets-symbolic");
  g_assert_null (outlay_repository_get_parent_category (fixture->repository, pets));
  g_assert_nonnull (outlay_categories_window_get_row (fixture->window, "Pets"));

  /* A subcategory, from the row's menu: Under is Pets already. */
  activate (fixture, "categories.new-subcategory", pets);
  editor = get_editor (fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Subcategory");
  type_name (editor, "Vet");
  g_assert_true (outlay_category_editor_save (editor));
  outlay_ui_test_drain ();
  vet = named (fixture, "Pets › Vet");
  g_assert_nonnull (vet);
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, vet) == pets);
  /* It takes its parent's colour unless another is chosen. */
  g_assert_cmpstr (outlay_category_get_color (vet), ==, "#9141ac");
  {
    g_auto (GStrv) names = outlay_categories_window_dup_names (fixture->window);
    guint n = g_strv_length (names);

    g_assert_cmpuint (n, >=, 2);
    g_assert_cmpstr (names[n - 2], ==, "Pets");
    g_assert_cmpstr (names[n - 1], ==, "Pets › Vet");
  }
  g_assert_cmpstr (subtitle_of (fixture, "Vet"), ==, "No expenses");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (outlay_categories_window_get_row (fixture->window, "Vet")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Vet, in Pets, No expenses");
}

/* A name a sibling has is refused under the field; what was typed stays,
 * and nothing changes. */
static void
test_duplicate_name (Fixture      *fixture,
                     gconstpointer user_data)
{
  OutlayCategory       *groceries;
  OutlayCategoryEditor *editor;
  GtkWidget            *name_row;

  open_window (fixture);
  groceries = named (fixture, "Groceries");
  activate (fixture, "categories.edit", groceries);
  editor = get_editor (fixture);
  /* Its title, "Edit Category" over the name, gives way to Cancel and
   * Save on a phone with text twice as large. */
  g_assert_cmpint (outlay_ui_test_min_width_at_text_scale_2 (GTK_WIDGET (editor)), <=, 360);
  name_row = outlay_category_editor_get_name_row (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Groceries");
  type_name (editor, "transport");
  g_assert_false (outlay_category_editor_save (editor));
  g_assert_cmpstr (outlay_category_editor_get_error (editor), ==, "There is already a category named “transport”.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "transport");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (outlay_category_get_name (groceries), ==, "Groceries");
  g_assert_true (GTK_WINDOW (editor) == outlay_categories_window_get_editor (fixture->window));

  /* Typing clears it; an empty name is refused too. */
  type_name (editor, " ");
  g_assert_null (outlay_category_editor_get_error (editor));
  g_assert_false (outlay_category_editor_save (editor));
  g_assert_cmpstr (outlay_category_editor_get_error (editor), ==, "The category name is empty.");

  type_name (editor, "Food shop");
  g_assert_true (outlay_category_editor_save (editor));
  g_assert_cmpstr (outlay_category_get_name (groceries), ==, "Food shop");
  outlay_ui_test_drain ();
  g_assert_nonnull (outlay_categories_window_get_row (fixture->window, "Food shop"));
}

/* Hidden: kept, said in the row, no longer offered for new expenses;
 * Undo offers it again. */
static void
test_hide (Fixture      *fixture,
           gconstpointer user_data)
{
  gint64          travel_id = outlay_test_category (&fixture->store, OUTLAY_TEST_TRAVEL);
  OutlayCategory *travel;

  outlay_test_add (&fixture->store, 12000, "EUR", "2026-03-01", "Train", travel_id);
  open_window (fixture);
  travel = named (fixture, "Travel");
  g_assert_true (picker_offers (fixture, travel));
  g_assert_cmpstr (subtitle_of (fixture, "Travel"), ==, "1 expense");

  activate (fixture, "categories.hide", travel);
  g_assert_true (outlay_category_get_hidden (travel));
  g_assert_cmpstr (subtitle_of (fixture, "Travel"), ==, "1 expense · Hidden");
  g_assert_false (picker_offers (fixture, travel));
  /* But an expense of it keeps it. */
  g_assert_true (picker_lists (fixture, travel, travel));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "categories.undo", NULL);
  outlay_ui_test_drain ();
  g_assert_false (outlay_category_get_hidden (travel));
  g_assert_true (picker_offers (fixture, travel));
  g_assert_cmpstr (subtitle_of (fixture, "Travel"), ==, "1 expense");

  /* "Other" takes the expenses of deleted categories: it stays. */
  activate (fixture, "categories.hide", named (fixture, "Other"));
  g_assert_false (outlay_category_get_hidden (named (fixture, "Other")));
}

/* Moving down and up among the categories beside it; the focus stays on
 * the row. */
static void
test_move (Fixture      *fixture,
           gconstpointer user_data)
{
  OutlayCategory *groceries;
  GtkWidget      *row;

  open_window (fixture);
  groceries = named (fixture, "Groceries");
  row = outlay_categories_window_get_row (fixture->window, "Groceries");
  gtk_widget_grab_focus (row);
  g_assert_cmpint (outlay_test_category_at (fixture->repository, 1), ==, outlay_category_get_id (groceries));

  activate (fixture, "categories.move-down", groceries);
  g_assert_cmpint (outlay_test_category_at (fixture->repository, 2), ==, outlay_category_get_id (groceries));
  {
    g_auto (GStrv) names = outlay_categories_window_dup_names (fixture->window);

    g_assert_cmpstr (names[1], ==, "Transport");
    g_assert_cmpstr (names[2], ==, "Groceries");
  }
  g_assert_true (outlay_categories_window_get_row (fixture->window, "Groceries") == row);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->window)) == row);

  activate (fixture, "categories.move-up", groceries);
  activate (fixture, "categories.move-up", groceries);
  g_assert_cmpint (outlay_test_category_at (fixture->repository, 0), ==, outlay_category_get_id (groceries));
  /* The first stays first. */
  activate (fixture, "categories.move-up", groceries);
  g_assert_cmpint (outlay_test_category_at (fixture->repository, 0), ==, outlay_category_get_id (groceries));

  /* As a drop on another row does: it takes that one's place. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "categories.move-to", "(xu)",
                              outlay_category_get_id (groceries), 3);
  outlay_ui_test_drain ();
  g_assert_cmpint (outlay_test_category_at (fixture->repository, 3), ==, outlay_category_get_id (groceries));
}

/* Where @category stands among the ones beside it, as stored. */
static guint
stored_index (Fixture        *fixture,
              OutlayCategory *category)
{
  g_autoptr (GPtrArray) siblings = outlay_repository_list_subcategories (
    fixture->repository, outlay_repository_get_parent_category (fixture->repository, category));
  guint index;

  g_assert_true (g_ptr_array_find (siblings, category, &index));
  return index;
}

static gboolean
drop_on (Fixture    *fixture,
         const char *dragged,
         const char *target)
{
  return outlay_ui_test_drop (outlay_categories_window_get_row (fixture->window, dragged),
                              outlay_categories_window_get_row (fixture->window, target));
}

/* A row dropped on another beside it takes its place; one dropped under
 * another category, or among the ones of another level, is refused and
 * nothing moves. */
static void
test_drop (Fixture      *fixture,
           gconstpointer user_data)
{
  OutlayCategory *groceries = named (fixture, "Groceries");
  OutlayCategory *shopping = named (fixture, "Shopping");
  OutlayCategory *books;
  OutlayCategory *clothes;
  OutlayCategory *cinema;
  OutlayCategory *fourth;
  g_autoptr (GError) error = NULL;

  books = outlay_repository_add_subcategory (fixture->repository, shopping, "Books", "accessories-dictionary-symbolic",
                                             "#9141ac", &error);
  g_assert_no_error (error);
  clothes = outlay_repository_add_subcategory (fixture->repository, shopping, "Clothes",
                                               "accessories-dictionary-symbolic", "#9141ac", &error);
  g_assert_no_error (error);
  cinema = outlay_repository_add_subcategory (fixture->repository, named (fixture, "Entertainment"), "Cinema",
                                              "accessories-dictionary-symbolic", "#9141ac", &error);
  g_assert_no_error (error);
  open_window (fixture);
  g_assert_cmpuint (stored_index (fixture, groceries), ==, 1);
  fourth = outlay_repository_lookup_category (fixture->repository,
                                              outlay_test_category_at (fixture->repository, 3));
  g_assert_null (outlay_repository_get_parent_category (fixture->repository, fourth));
  g_assert_cmpuint (stored_index (fixture, fourth), ==, 3);

  /* Down, then back up, at the top. */
  g_assert_true (drop_on (fixture, "Groceries", outlay_category_get_name (fourth)));
  g_assert_cmpuint (stored_index (fixture, groceries), ==, 3);
  g_assert_cmpuint (stored_index (fixture, fourth), ==, 2);
  {
    g_auto (GStrv) names = outlay_categories_window_dup_names (fixture->window);

    g_assert_cmpstr (names[2], ==, outlay_category_get_name (fourth));
    g_assert_cmpstr (names[3], ==, "Groceries");
  }
  g_assert_true (drop_on (fixture, "Groceries", "Food & Drink"));
  g_assert_cmpuint (stored_index (fixture, groceries), ==, 0);

  /* Among the subcategories of one category. */
  g_assert_cmpuint (stored_index (fixture, books), ==, 0);
  g_assert_true (drop_on (fixture, "Clothes", "Books"));
  g_assert_cmpuint (stored_index (fixture, clothes), ==, 0);
  g_assert_cmpuint (stored_index (fixture, books), ==, 1);
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, clothes) == shopping);

  /* Refused: a subcategory at the top, a category under another, a
   * subcategory under another category, a row on itself. */
  g_assert_false (drop_on (fixture, "Books", "Groceries"));
  g_assert_false (drop_on (fixture, "Groceries", "Books"));
  g_assert_false (drop_on (fixture, "Books", "Cinema"));
  g_assert_false (drop_on (fixture, "Books", "Books"));
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, books) == shopping);
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, cinema) ==
                 named (fixture, "Entertainment"));
  g_assert_null (outlay_repository_get_parent_category (fixture->repository, groceries));
  g_assert_cmpuint (stored_index (fixture, books), ==, 1);
  g_assert_cmpuint (stored_index (fixture, groceries), ==, 0);
  g_assert_cmpuint (stored_index (fixture, cinema), ==, 0);
}

static OutlayCategoryRemovalDialog *
get_question (Fixture *fixture)
{
  GtkWindow *question = outlay_categories_window_get_question (fixture->window);

  g_assert_nonnull (question);
  return OUTLAY_CATEGORY_REMOVAL_DIALOG (question);
}

static void
answer (Fixture    *fixture,
        const char *response)
{
  OutlayCategoryRemovalDialog *question = get_question (fixture);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), response);
  gtk_window_destroy (GTK_WINDOW (question));
  outlay_ui_test_drain ();
}

static void
choose_target (OutlayCategoryRemovalDialog *question,
               OutlayCategory              *target)
{
  AdwComboRow *row = ADW_COMBO_ROW (outlay_category_removal_dialog_get_target_row (question));
  GListModel  *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (item == G_OBJECT (target))
        adw_combo_row_set_selected (row, i);
    }
  g_assert_true (outlay_category_removal_dialog_get_target (question) == target);
}

/* Deleting moves the expenses where the person says ("Other" unless
 * told), says how many, and Undo moves them back; the totals stay. */
static void
test_delete (Fixture      *fixture,
             gconstpointer user_data)
{
  OutlayCategory              *health;
  OutlayCategory              *other;
  OutlayCategory              *shopping;
  OutlayCategoryRemovalDialog *question;
  gint64                       health_id;
  gint64                       total;
  g_autoptr (OutlayBudget) budget = outlay_budget_new ();
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (GError) error = NULL;

  health_id = outlay_test_category (&fixture->store, OUTLAY_TEST_HEALTH);
  outlay_budget_set_name (budget, "Care");
  outlay_budget_set_amount (budget, 10000);
  outlay_budget_set_currency (budget, "EUR");
  outlay_budget_set_cycle (budget, OUTLAY_CYCLE_MONTH, 1, "2026-03-01", NULL);
  outlay_budget_set_categories (budget, (const char *const[]){
    outlay_category_get_uuid (outlay_repository_lookup_category (fixture->repository, health_id)), NULL });
  stored = outlay_repository_add_budget (fixture->repository, budget, &error);
  g_assert_no_error (error);
  outlay_test_add (&fixture->store, 2500, "EUR", "2026-03-01", "Pharmacy", health_id);
  outlay_test_add (&fixture->store, 4000, "EUR", "2026-03-02", "Dentist", health_id);
  outlay_test_add (&fixture->store, 900, "EUR", "2026-03-03", "Socks",
                   outlay_test_category (&fixture->store, OUTLAY_TEST_SHOPPING));
  total = ledger_total (fixture);
  open_window (fixture);
  health = named (fixture, "Health");
  other = named (fixture, "Other");
  shopping = named (fixture, "Shopping");
  g_assert_cmpstr (subtitle_of (fixture, "Health"), ==, "2 expenses");

  /* Cancel changes nothing. */
  activate (fixture, "categories.delete", health);
  question = get_question (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==, "Delete “Health”?");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), ==,
                   "Its 2 expenses go to the category chosen below. The budget “Care” then counts Other.");
  g_assert_true (outlay_category_removal_dialog_get_target (question) == other);
  /* It follows the choice. */
  choose_target (question, shopping);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), ==,
                   "Its 2 expenses go to the category chosen below. The budget “Care” then counts Shopping.");
  answer (fixture, "cancel");
  g_assert_nonnull (named (fixture, "Health"));

  /* Into Shopping, as chosen. */
  activate (fixture, "categories.delete", health);
  choose_target (get_question (fixture), shopping);
  answer (fixture, "remove");
  g_assert_null (named (fixture, "Health"));
  g_assert_null (outlay_categories_window_get_row (fixture->window, "Health"));
  g_assert_cmpint (count_in (fixture, shopping), ==, 3);
  g_assert_cmpint (ledger_total (fixture), ==, total);
  wait_for_counts (fixture);
  g_assert_cmpstr (subtitle_of (fixture, "Shopping"), ==, "3 expenses");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "categories.undo", NULL);
  outlay_ui_test_drain ();
  health = named (fixture, "Health");
  g_assert_nonnull (health);
  g_assert_cmpint (outlay_category_get_id (health), ==, health_id);
  g_assert_cmpint (count_in (fixture, health), ==, 2);
  g_assert_cmpint (count_in (fixture, shopping), ==, 1);
  g_assert_cmpint (ledger_total (fixture), ==, total);
  g_assert_nonnull (outlay_categories_window_get_row (fixture->window, "Health"));
}

/* Merging a category with a subcategory into another at the top: the
 * expenses go, the subcategory along; Undo puts all of it back. */
static void
test_merge (Fixture      *fixture,
            gconstpointer user_data)
{
  OutlayCategory              *shopping;
  OutlayCategory              *entertainment;
  OutlayCategory              *books;
  OutlayCategoryRemovalDialog *question;
  g_autoptr (GError) error = NULL;
  gint64 total;

  shopping = named (fixture, "Shopping");
  entertainment = named (fixture, "Entertainment");
  books = outlay_repository_add_subcategory (fixture->repository, shopping, "Books", "accessories-dictionary-symbolic",
                                             "#9141ac", &error);
  g_assert_no_error (error);
  outlay_test_add (&fixture->store, 900, "EUR", "2026-03-03", "Socks", outlay_category_get_id (shopping));
  outlay_test_add (&fixture->store, 1500, "EUR", "2026-03-04", "Novel", outlay_category_get_id (books));
  total = ledger_total (fixture);
  open_window (fixture);

  activate (fixture, "categories.merge", shopping);
  question = get_question (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==, "Merge “Shopping”?");
  choose_target (question, entertainment);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), ==,
                   "Its 1 expense, its budgets and rules go to the category chosen below. Its 1 subcategory goes "
                   "along with them.");
  answer (fixture, "remove");
  g_assert_null (named (fixture, "Shopping"));
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, books) == entertainment);
  g_assert_cmpint (count_in (fixture, entertainment), ==, 1);
  g_assert_cmpint (count_in (fixture, books), ==, 1);
  g_assert_cmpint (ledger_total (fixture), ==, total);
  {
    g_auto (GStrv) names = outlay_categories_window_dup_names (fixture->window);

    g_assert_true (g_strv_contains ((const char *const *) names, "Entertainment › Books"));
  }

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "categories.undo", NULL);
  outlay_ui_test_drain ();
  shopping = named (fixture, "Shopping");
  g_assert_nonnull (shopping);
  g_assert_true (outlay_repository_get_parent_category (fixture->repository, books) == shopping);
  g_assert_cmpint (count_in (fixture, shopping), ==, 1);
  g_assert_cmpint (count_in (fixture, entertainment), ==, 0);
  g_assert_cmpint (ledger_total (fixture), ==, total);
}

/* The expense editor's picker: "New Category…" opens the editor, and what
 * it adds is chosen. */
static void
test_picker_new (Fixture      *fixture,
                 gconstpointer user_data)
{
  GtkWidget            *window = gtk_window_new ();
  GtkWidget            *list = gtk_list_box_new ();
  GtkWidget            *picker = outlay_category_picker_new ();
  GListModel           *model;
  OutlayCategoryEditor *editor;
  guint                 n;

  /* A row, in a list as the editor's is. */
  gtk_list_box_append (GTK_LIST_BOX (list), picker);
  gtk_window_set_child (GTK_WINDOW (window), list);
  outlay_category_picker_set_repository (OUTLAY_CATEGORY_PICKER (picker), fixture->repository);
  outlay_category_picker_select (OUTLAY_CATEGORY_PICKER (picker), outlay_test_category (&fixture->store, 1), FALSE);
  gtk_window_present (GTK_WINDOW (window));
  outlay_ui_test_settle (window);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (picker));
  n = g_list_model_get_n_items (model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (picker), n - 1);
  outlay_ui_test_drain ();
  /* The choice stays until the new one is saved. */
  g_assert_cmpint (outlay_category_picker_get_category_id (OUTLAY_CATEGORY_PICKER (picker)), ==,
                   outlay_test_category (&fixture->store, 1));
  editor = OUTLAY_CATEGORY_EDITOR (outlay_category_picker_get_editor (OUTLAY_CATEGORY_PICKER (picker)));
  g_assert_nonnull (editor);
  type_name (editor, "Garden");
  g_assert_true (outlay_category_editor_save (editor));
  outlay_ui_test_drain ();
  g_assert_cmpint (outlay_category_picker_get_category_id (OUTLAY_CATEGORY_PICKER (picker)), ==,
                   outlay_category_get_id (named (fixture, "Garden")));
  g_assert_true (adw_combo_row_get_selected_item (ADW_COMBO_ROW (picker)) == G_OBJECT (named (fixture, "Garden")));
  gtk_window_destroy (GTK_WINDOW (window));
  outlay_ui_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/categories/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/categories/duplicate-name", Fixture, NULL, fixture_set_up, test_duplicate_name, fixture_tear_down);
  g_test_add ("/categories/hide", Fixture, NULL, fixture_set_up, test_hide, fixture_tear_down);
  g_test_add ("/categories/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/categories/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/categories/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/categories/merge", Fixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/categories/picker-new", Fixture, NULL, fixture_set_up, test_picker_new, fixture_tear_down);

  return g_test_run ();
}
