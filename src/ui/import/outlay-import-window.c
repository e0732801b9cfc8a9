/* outlay-import-window.c
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

/* The window between choosing a file and importing it: what the file holds
 * and what importing it would do to the ledger. For a CSV file the person
 * says which column is what, and every change is planned again at once; for
 * Outlay's own JSON and for HomeBank there is nothing to map. New category
 * names can go to a category of the ledger instead. Every line that is not
 * imported is listed with its reason. While another program is changing the
 * ledger, the import waits for it to finish, says so, and can be given up. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-fit-bin.h"
#include "outlay-format.h"
#include "outlay-import-loader.h"
#include "outlay-import-mapping-group.h"
#include "outlay-import-problem-row.h"
#include "outlay-import-refunds-group.h"
#include "outlay-import-window.h"
#include "outlay-money.h"
#include "outlay-toasts.h"
#include "outlay-waiting-bar.h"

/* Enough to recognise the file; the count says how many more there are.
 * Each row is made and measured on the main loop when the plan is shown
 * (fifty took 40 ms more there than twenty). */
#define N_PREVIEW 20
#define N_PROBLEMS_INLINE 5

struct _OutlayImportWindow
{
  AdwWindow parent_instance;

  OutlayRepository   *repository;
  char               *database_path;
  OutlayImportLoader *loader;

  /* The plan is worked out, and the import written, on a connection of
   * their own in a worker thread; this one is the plan's. */
  OutlayImportPlan *plan;
  OutlayRepository *plan_repository;
  GError           *plan_error;
  GCancellable     *cancellable;
  guint             generation;      /* of the mapping; a plan of an older one is stale */
  guint             plan_generation; /* of the plan being worked out */
  gboolean          planning;
  gboolean          importing;
  gboolean          disposed;
  /* What the person chose for each category the ledger does not know, by
   * casefolded name (gint64 *, 0 for a new category); the choices outlive
   * a new plan. */
  GHashTable         *category_choices;
  GListStore         *problems;
  OutlayImportResult *result;
  struct _ImportJob  *import_job; /* the task's, while importing */
  guint               import_poll_id;
  GError             *gave_up; /* why the waiting bar gave the import up */

  /* Template widgets */
  AdwToastOverlay          *toast_overlay;
  AdwLeaflet               *leaflet;
  AdwWindowTitle           *window_title;
  GtkWidget                *cancel_button;
  GtkWidget                *import_button;
  OutlayWaitingBar         *waiting_bar;
  GtkWidget                *overview_content;
  GtkLabel                 *summary_label;
  GtkWidget                *spinner;
  GtkLabel                 *details_label;
  OutlayImportMappingGroup *mapping_group;
  AdwPreferencesGroup      *categories_group;
  GtkListBox               *categories_list;
  OutlayImportRefundsGroup *refunds_group;
  AdwPreferencesGroup      *problems_group;
  GtkListBox               *problems_list;
  AdwPreferencesGroup      *preview_group;
  GtkListBox               *preview_list;
  AdwWindowTitle           *problems_title;
  GtkListView              *problems_view;
};

G_DEFINE_FINAL_TYPE (OutlayImportWindow, outlay_import_window, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_problems (OutlayImportWindow *self)
{
  OutlayImportSource *source = self->plan != NULL ? outlay_import_plan_get_source (self->plan) : NULL;
  guint               n = source != NULL ? source->issues->len : 0;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, outlay_import_problem_new (g_ptr_array_index (source->issues, i)));

  g_list_store_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       items->pdata, items->len);

  clear_list_box (self->problems_list);
  for (guint i = 0; i < MIN (n, N_PROBLEMS_INLINE); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *problem = outlay_import_problem_row_new ();

      outlay_import_problem_row_set_problem (OUTLAY_IMPORT_PROBLEM_ROW (problem), g_ptr_array_index (items, i));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), problem);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->problems_list, row);
    }

  if (n > N_PROBLEMS_INLINE)
    {
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %'u Problem", "Show All %'u Problems", n), n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, "all-problems");
      gtk_list_box_append (self->problems_list, row);
    }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u line not imported", "%'u lines not imported", n), n);
  adw_window_title_set_subtitle (self->problems_title, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n > 0);
}

static void
on_category_selected_cb (AdwComboRow        *row,
                         GParamSpec         *pspec,
                         OutlayImportWindow *self);

/* The categories the ledger does not have, each with a choice: create it,
 * or any category of the ledger. */
static void
fill_categories (OutlayImportWindow *self)
{
  GListModel *categories = outlay_repository_get_categories (self->repository);
  guint       n_categories = g_list_model_get_n_items (categories);
  GPtrArray  *matches = self->plan != NULL ? outlay_import_plan_get_categories (self->plan) : NULL;
  guint       n_rows = 0;

  clear_list_box (self->categories_list);

  /* A ledger file imported into a new ledger brings its own categories:
   * there is nothing of the ledger to send them to. */
  if (self->plan != NULL && outlay_import_plan_get_replace_categories (self->plan))
    matches = NULL;

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const OutlayImportCategoryMatch *match = g_ptr_array_index (matches, i);
      g_autoptr (GtkStringList) model = NULL;
      g_autoptr (GArray) ids = NULL;
      g_autofree char *create = NULL;
      g_autofree char *key = NULL;
      const gint64    *choice;
      GtkWidget       *row;
      guint            selected = 0;

      if (match->category_id != 0)
        continue;

      if (match->n_records == 0)
        continue;

      key = g_utf8_casefold (match->name, -1);

      choice = g_hash_table_lookup (self->category_choices, key);
      model = gtk_string_list_new (NULL);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      /* Translators: the choice to make a new category of a name in the
       * imported file */
      create = g_strdup_printf (_("Create “%s”"), match->name);
      gtk_string_list_append (model, create);
      g_array_append_val (ids, (gint64){ 0 });
      for (guint c = 0; c < n_categories; c++)
        {
          g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, c);
          gint64 id = outlay_category_get_id (category);

          gtk_string_list_append (model, outlay_category_get_name (category));
          g_array_append_val (ids, id);
          if (choice != NULL && *choice == id)
            selected = ids->len - 1;
        }

      if (choice != NULL && *choice != 0 && selected != 0)
        outlay_import_plan_map_category (self->plan, match->name, *choice);

      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data_full (G_OBJECT (row), "category-ids", g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
      g_object_set_data_full (G_OBJECT (row), "category-name", g_strdup (match->name), g_free);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_category_selected_cb), self, 0);
      gtk_list_box_append (self->categories_list, row);
      n_rows++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->categories_group), n_rows > 0);
}

/* The category an expense of the file will be in, as the preview names
 * it: "Groceries", or "Groceries · by rule “rewe”" when a rule chose it. */
static char *
describe_category (OutlayImportWindow *self,
                   GHashTable         *matches,
                   OutlayImportRecord *record,
                   OutlayExpense      *draft,
                   int                 rule)
{
  const OutlayImportCategoryMatch *match = NULL;
  OutlayCategory                  *category;
  const char                      *name;
  const char *const               *patterns;

  if (record->category != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (record->category));
      g_autofree char *folded = g_utf8_casefold (stripped, -1);

      match = g_hash_table_lookup (matches, folded);
    }

  if (match != NULL && match->category_id == 0)
    return g_strdup (match->name);

  category = outlay_repository_lookup_category (self->repository, outlay_expense_get_category_id (draft));
  if (category == NULL)
    category = outlay_repository_get_fallback_category (self->repository);
  name = outlay_category_get_name (category);
  if (rule < 0)
    return g_strdup (name);

  patterns = outlay_category_rule_get_patterns (
    outlay_rule_set_get_rule (outlay_import_plan_get_rule_set (self->plan), rule));
  /* Translators: the category a rule files an expense to import under,
   * and the first text the rule looks for: Groceries · by rule “rewe” */
  return g_strdup_printf (_("%s · by rule “%s”"), name, patterns[0] != NULL ? patterns[0] : "");
}

static void
fill_preview (OutlayImportWindow *self)
{
  GPtrArray          *categories = self->plan != NULL ? outlay_import_plan_get_categories (self->plan) : NULL;
  g_autoptr (GHashTable) matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 fallback_id = outlay_category_get_id (outlay_repository_get_fallback_category (self->repository));
  guint  n_shown = 0;
  guint  n_added = self->plan != NULL ? outlay_import_plan_get_n_added (self->plan) : 0;

  clear_list_box (self->preview_list);

  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const OutlayImportCategoryMatch *match = g_ptr_array_index (categories, i);

      g_hash_table_insert (matches, g_utf8_casefold (match->name, -1), (gpointer) match);
    }

  for (guint i = 0; self->plan != NULL && i < outlay_import_plan_get_n_preview (self->plan) && n_shown < N_PREVIEW;
       i++)
    {
      guint               index;
      OutlayImportRecord *record = outlay_import_plan_get_preview (self->plan, i, &index);
      g_autoptr (OutlayExpense) draft = NULL;
      g_autofree char *date = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *category = NULL;
      GtkWidget       *row;
      GtkWidget       *label;
      GtkWidget       *fit;

      draft = outlay_import_plan_build_draft (self->plan, index, record, fallback_id);
      date = outlay_format_date (record->date);
      category = describe_category (self, matches, record, draft,
                                    outlay_import_plan_get_record_rule (self->plan, index));
      /* Translators: the date and the category of an expense to import */
      subtitle = g_strdup_printf (_("%s · %s"), date, category);
      amount = outlay_money_format_expense (outlay_expense_get_amount (draft), outlay_expense_get_currency (draft));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), outlay_expense_get_description (draft));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      label = gtk_label_new (amount);
      gtk_widget_add_css_class (label, "numeric");
      /* An amount stays whole on one line: on a phone with Large Text it
       * is drawn smaller rather than wrapped or cut. */
      fit = outlay_fit_bin_new ();
      gtk_widget_set_valign (fit, GTK_ALIGN_CENTER);
      adw_bin_set_child (ADW_BIN (fit), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), fit);
      gtk_list_box_append (self->preview_list, row);
      n_shown++;
    }

  if (n_added > n_shown)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %'u more", "And %'u more", n_added - n_shown),
                         n_added - n_shown);
      GtkWidget       *row = gtk_list_box_row_new ();
      GtkWidget       *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->preview_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), n_shown > 0);
}

static void append_part (GPtrArray  *parts,
                         guint       n,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

/* A part of the summary, left out when it counts nothing. */
static void
append_part (GPtrArray  *parts,
             guint       n,
             const char *format,
             ...)
{
  va_list args;

  if (n == 0)
    return;

  va_start (args, format);
  g_ptr_array_add (parts, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The summary line and the Import button follow the plan. */
static void
update_summary (OutlayImportWindow *self)
{
  OutlayImportSource *source;
  g_autoptr (GPtrArray) parts = NULL;
  g_autofree char *details = NULL;
  guint            n_added, n_duplicates, n_skipped, n_errors, n_new, n_refunds, n_left_out, n_budgets, n_rates;

  if (self->plan == NULL)
    {
      gtk_label_set_text (self->summary_label, self->plan_error != NULL ? self->plan_error->message : "");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      gtk_label_set_text (self->details_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }

  source = outlay_import_plan_get_source (self->plan);
  n_added = outlay_import_plan_get_n_added (self->plan);
  n_duplicates = outlay_import_plan_get_n_duplicates (self->plan);
  n_skipped = outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_SKIPPED);
  n_errors = outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_ERROR);
  n_new = outlay_import_plan_get_n_new_categories (self->plan);
  n_refunds = outlay_import_plan_get_n_refunds (self->plan);
  n_budgets = outlay_import_plan_get_n_budgets (self->plan);
  n_rates = outlay_import_plan_get_n_rates (self->plan);
  n_left_out = outlay_import_plan_get_n_incoming (self->plan) - n_refunds;

  parts = g_ptr_array_new_with_free_func (g_free);
  if (n_added == 0 && n_budgets == 0 && n_rates == 0)
    g_ptr_array_add (parts, g_strdup (_("Nothing to import")));
  append_part (parts, n_added,
               g_dngettext (GETTEXT_PACKAGE, "%'u expense will be imported", "%'u expenses will be imported", n_added),
               n_added);
  append_part (parts, n_refunds,
               g_dngettext (GETTEXT_PACKAGE, "%'u of them a refund", "%'u of them refunds", n_refunds), n_refunds);
  append_part (parts, n_budgets,
               g_dngettext (GETTEXT_PACKAGE, "%'u budget will be imported", "%'u budgets will be imported", n_budgets),
               n_budgets);
  append_part (parts, n_rates,
               g_dngettext (GETTEXT_PACKAGE, "%'u exchange rate will be imported",
                            "%'u exchange rates will be imported", n_rates),
               n_rates);
  append_part (parts, n_duplicates,
               g_dngettext (GETTEXT_PACKAGE, "%'u duplicate skipped", "%'u duplicates skipped", n_duplicates),
               n_duplicates);
  append_part (parts, n_left_out,
               g_dngettext (GETTEXT_PACKAGE, "%'u line of money received left out",
                            "%'u lines of money received left out", n_left_out),
               n_left_out);
  append_part (parts, n_skipped,
               g_dngettext (GETTEXT_PACKAGE, "%'u line not an expense", "%'u lines not expenses", n_skipped),
               n_skipped);
  append_part (parts, n_errors,
               g_dngettext (GETTEXT_PACKAGE, "%'u line cannot be read", "%'u lines cannot be read", n_errors),
               n_errors);
  /* New categories only matter when there is something to put in them. */
  if (outlay_import_plan_get_replace_categories (self->plan))
    append_part (parts, n_added, "%s", _("The file’s categories replace the default ones"));
  else
    append_part (parts, n_added > 0 ? n_new : 0,
                 g_dngettext (GETTEXT_PACKAGE, "%'u new category", "%'u new categories", n_new), n_new);

  g_ptr_array_add (parts, NULL);
  /* What will be imported stands out; the rest follows as one line. */
  gtk_label_set_text (self->summary_label, g_ptr_array_index (parts, 0));
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  details = g_strjoinv (" · ", (char **) parts->pdata + 1);
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');

  /* The headline says how many; the button stays one short word, which a
   * phone's header bar has room for beside Cancel and the title. */
  gtk_widget_set_sensitive (self->import_button, n_added > 0 || n_budgets > 0 || n_rates > 0);
}

static void
on_category_selected_cb (AdwComboRow        *row,
                         GParamSpec         *pspec,
                         OutlayImportWindow *self)
{
  GArray     *ids = g_object_get_data (G_OBJECT (row), "category-ids");
  const char *name = g_object_get_data (G_OBJECT (row), "category-name");
  guint       selected = adw_combo_row_get_selected (row);
  gint64      id;

  if (self->plan == NULL || selected >= ids->len)
    return;

  id = g_array_index (ids, gint64, selected);
  g_hash_table_insert (self->category_choices, g_utf8_casefold (name, -1), g_memdup2 (&id, sizeof id));
  outlay_import_plan_map_category (self->plan, name, id);

  update_summary (self);
  fill_preview (self);
}

/* Refunds taken or left out change what is added, and which of the file's
 * categories have expenses to put somewhere. */
static void
on_refunds_changed_cb (OutlayImportWindow *self)
{
  fill_categories (self);
  update_summary (self);
  fill_preview (self);
}

static void start_plan (OutlayImportWindow *self);

/* While the worker plans or imports, the summary says so and Import waits. */
static void
show_busy (OutlayImportWindow *self,
           const char         *what)
{
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  gtk_label_set_text (self->summary_label, what);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
  gtk_widget_set_sensitive (self->import_button, FALSE);
}

static void
show_planned (OutlayImportWindow *self)
{
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  /* First: the refunds taken count in the categories and the summary. */
  outlay_import_refunds_group_set_plan (self->refunds_group, self->plan, self->repository);
  fill_categories (self);
  update_summary (self);
  fill_preview (self);
  fill_problems (self);
}

static void
on_planned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (OutlayImportWindow) self = user_data;
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GError) error = NULL;

  self->planning = FALSE;
  plan = outlay_import_loader_plan_finish (OUTLAY_IMPORT_LOADER (object), result, &repository, &error);

  if (self->disposed ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The mapping changed while this plan was worked out: only the newest
   * counts, and changes made meanwhile are planned at once. */
  if (self->plan_generation != self->generation)
    {
      start_plan (self);
      return;
    }

  g_clear_pointer (&self->plan, outlay_import_plan_free);
  g_clear_object (&self->plan_repository);
  g_clear_error (&self->plan_error);
  if (error != NULL)
    self->plan_error = g_steal_pointer (&error);
  else
    {
      self->plan = g_steal_pointer (&plan);
      self->plan_repository = g_steal_pointer (&repository);
    }

  show_planned (self);
}

static void
start_plan (OutlayImportWindow *self)
{
  OutlayCsvTable         *table = outlay_import_loader_get_table (self->loader);
  const OutlayCsvMapping *mapping =
    table != NULL ? outlay_import_mapping_group_get_mapping (self->mapping_group) : NULL;
  g_autofree char        *what = NULL;

  /* One plan at a time; the newest mapping is planned when it ends. */
  if (self->planning)
    return;

  if (table != NULL)
    {
      guint n_rows = outlay_csv_table_get_n_rows (table);
      guint skipped = mapping->first_row + (mapping->has_header ? 1 : 0);
      guint n_lines = n_rows > skipped ? n_rows - skipped : 0;

      /* Translators: while the window works out what an import would do */
      what =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checking %'u line…", "Checking %'u lines…", n_lines), n_lines);
    }
  else
    what = g_strdup (_("Checking the file…"));
  show_busy (self, what);

  self->planning = TRUE;
  self->plan_generation = self->generation;
  /* The callback, on the main thread, holds the window: the worker must
   * not drop the last reference of a widget. */
  outlay_import_loader_plan_async (self->loader, self->database_path, mapping, self->cancellable,
                                   on_planned_cb, g_object_ref (self));
}

/* Works out again what importing would do, after the file or the mapping
 * changed. */
static void
replan (OutlayImportWindow *self)
{
  self->generation++;
  start_plan (self);
}

static void
on_mapping_changed_cb (OutlayImportWindow *self)
{
  replan (self);
}

typedef struct _ImportJob
{
  OutlayRepository *repository;
  OutlayImportPlan *plan;         /* the window's, which leaves it alone meanwhile */
  GCancellable     *stop_waiting; /* gives up the wait for another program */
  int               waiting;      /* atomic: whether it waits for one now */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->repository);
  g_clear_object (&job->stop_waiting);
  g_free (job);
}

static gboolean
is_busy (const GError *error)
{
  return g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY);
}

/* While another program is changing the ledger, the import waits for it in
 * steps of the retry interval, each inside SQLite (the thread may block),
 * so that Stop Waiting is heard within one step; the import itself, which
 * backs the file up first, starts only once a write can. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob      *job = task_data;
  OutlayDatabase *database = outlay_repository_get_database (job->repository);
  guint           timeout = outlay_database_get_busy_timeout (database);
  g_autoptr (GError) error = NULL;
  OutlayImportResult *result = NULL;

  for (;;)
    {
      outlay_database_set_busy_timeout (database, OUTLAY_WAITING_BAR_RETRY_MS);
      if (outlay_database_probe_write (database, &error))
        {
          g_atomic_int_set (&job->waiting, FALSE);
          outlay_database_set_busy_timeout (database, timeout);
          result = outlay_importer_apply (job->repository, job->plan, &error);
        }

      if (result != NULL || !is_busy (error))
        break;

      g_atomic_int_set (&job->waiting, TRUE);
      g_clear_error (&error);
      if (g_cancellable_set_error_if_cancelled (job->stop_waiting, &error))
        break;
    }

  outlay_database_set_busy_timeout (database, timeout);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) outlay_import_result_free);
}

/* The worker says whether it waits; the window shows it. */
static gboolean
poll_import_cb (gpointer user_data)
{
  OutlayImportWindow *self = user_data;

  if (self->import_job == NULL || g_cancellable_is_cancelled (self->import_job->stop_waiting))
    return G_SOURCE_CONTINUE;

  if (g_atomic_int_get (&self->import_job->waiting))
    outlay_waiting_bar_start (self->waiting_bar, outlay_repository_get_database (self->repository),
                              _("Another program is changing the ledger. The import will start as soon as it has "
                                "finished."));
  else
    outlay_waiting_bar_stop (self->waiting_bar);

  return G_SOURCE_CONTINUE;
}

/* A transaction cannot stop halfway: while it runs, the window stays and
 * nothing of the plan it writes can change. */
static void
set_importing (OutlayImportWindow *self,
               gboolean            importing)
{
  self->importing = importing;
  gtk_widget_set_sensitive (self->cancel_button, !importing);
  gtk_widget_set_sensitive (self->overview_content, !importing);

  if (!importing)
    {
      self->import_job = NULL;
      g_clear_handle_id (&self->import_poll_id, g_source_remove);
      outlay_waiting_bar_stop (self->waiting_bar);
    }
}

static void
stop_waiting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OutlayImportWindow *self = OUTLAY_IMPORT_WINDOW (widget);

  if (self->import_job != NULL)
    g_cancellable_cancel (self->import_job->stop_waiting);
  outlay_waiting_bar_stop (self->waiting_bar);
}

static void
on_waiting_gave_up_cb (OutlayImportWindow *self,
                       const GError       *error)
{
  if (self->import_job == NULL)
    return;

  g_clear_error (&self->gave_up);
  self->gave_up = g_error_copy (error);
  g_cancellable_cancel (self->import_job->stop_waiting);
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (OutlayImportWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  OutlayImportResult *imported;

  imported = g_task_propagate_pointer (G_TASK (result), &error);
  if (!self->disposed)
    set_importing (self, FALSE);
  self->importing = FALSE;
  self->import_job = NULL;

  /* Written through another connection: the window's lists learn of it
   * now rather than at the next poll. */
  outlay_repository_check_external_changes (self->repository);

  /* Destroyed with its parent meanwhile: the rows are in, without Undo. */
  if (self->disposed)
    {
      g_clear_pointer (&imported, outlay_import_result_free);
      return;
    }

  /* Given up while it waited: the plan is there to import later, and
   * when the bar gave up, the person is told why. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->gave_up != NULL)
    {
      g_clear_error (&error);
      error = g_steal_pointer (&self->gave_up);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_planned (self);
      return;
    }

  if (imported == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Nothing was imported: %s"), error->message);

      show_planned (self);
      outlay_toasts_add_error (self->toast_overlay, title);
      return;
    }

  g_clear_pointer (&self->result, outlay_import_result_free);
  self->result = imported;
  g_signal_emit (self, signals[IMPORTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_import_clicked_cb (OutlayImportWindow *self)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *what = NULL;
  ImportJob       *job;
  guint            n_added;

  if (self->plan == NULL || self->planning || self->importing ||
      (n_added = outlay_import_plan_get_n_added (self->plan)) == 0)
    return;

  set_importing (self, TRUE);
  /* Translators: while an import is written */
  what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %'u expense…", "Importing %'u expenses…", n_added),
                          n_added);
  show_busy (self, what);

  job = g_new0 (ImportJob, 1);
  job->repository = g_object_ref (self->plan_repository);
  job->plan = self->plan;
  job->stop_waiting = g_cancellable_new ();
  self->import_job = job;
  self->import_poll_id = g_timeout_add (OUTLAY_WAITING_BAR_RETRY_MS, poll_import_cb, self);
  task = g_task_new (NULL, NULL, on_imported_cb, g_object_ref (self));
  g_task_set_source_tag (task, on_import_clicked_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static gboolean
on_close_request_cb (OutlayImportWindow *self)
{
  return self->importing;
}

static void
on_problems_row_activated_cb (OutlayImportWindow *self,
                              GtkListBoxRow      *row)
{
  if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), "all-problems") == 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "problems");
}

static void
on_back_clicked_cb (OutlayImportWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
outlay_import_window_dispose (GObject *object)
{
  OutlayImportWindow *self = OUTLAY_IMPORT_WINDOW (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  /* Closed with its parent while it waits: nothing is imported. */
  if (self->import_job != NULL)
    g_cancellable_cancel (self->import_job->stop_waiting);
  g_clear_handle_id (&self->import_poll_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_IMPORT_WINDOW);

  G_OBJECT_CLASS (outlay_import_window_parent_class)->dispose (object);
}

static void
outlay_import_window_finalize (GObject *object)
{
  OutlayImportWindow *self = OUTLAY_IMPORT_WINDOW (object);

  g_clear_pointer (&self->plan, outlay_import_plan_free);
  g_clear_object (&self->plan_repository);
  g_clear_object (&self->cancellable);
  g_free (self->database_path);
  g_clear_pointer (&self->result, outlay_import_result_free);
  g_clear_object (&self->loader);
  g_clear_pointer (&self->category_choices, g_hash_table_unref);
  g_clear_error (&self->plan_error);
  g_clear_error (&self->gave_up);
  g_clear_object (&self->problems);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_import_window_parent_class)->finalize (object);
}

static void
outlay_import_window_class_init (OutlayImportWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_import_window_dispose;
  object_class->finalize = outlay_import_window_finalize;

  /**
   * OutlayImportWindow::imported:
   *
   * The import is written; outlay_import_window_steal_result() gives what
   * it wrote, for Undo. The window closes right after.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (OUTLAY_TYPE_IMPORT_MAPPING_GROUP);
  g_type_ensure (OUTLAY_TYPE_IMPORT_PROBLEM_ROW);
  g_type_ensure (OUTLAY_TYPE_IMPORT_REFUNDS_GROUP);
  g_type_ensure (OUTLAY_TYPE_WAITING_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/import/outlay-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, waiting_bar);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, overview_content);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, details_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, categories_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, categories_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, refunds_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, problems_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, preview_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, preview_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, problems_title);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, problems_view);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mapping_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_refunds_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_waiting_gave_up_cb);

  gtk_widget_class_install_action (widget_class, "import.stop-waiting", NULL, stop_waiting_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_import_window_init (OutlayImportWindow *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;
  GtkWidget *label;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* "Import 1,234 Expenses" goes on two lines rather than push the window
   * wider than a phone with Large Text; the button keeps this label as it
   * changes. */
  label = gtk_button_get_child (GTK_BUTTON (self->import_button));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);

  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
  self->category_choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->problems = g_list_store_new (OUTLAY_TYPE_IMPORT_PROBLEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problems)));
  gtk_list_view_set_model (self->problems_view, GTK_SELECTION_MODEL (selection));
}

/**
 * outlay_import_window_create_chooser:
 * @parent: the window the chooser belongs to
 *
 * Returns: (transfer full): a file chooser for the files Outlay imports
 */
GtkFileChooserNative *
outlay_import_window_create_chooser (GtkWindow *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) xhb = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Expenses"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (all, _("All supported files"));
  gtk_file_filter_set_name (csv, _("CSV"));
  gtk_file_filter_set_name (json, _("Outlay ledger (JSON)"));
  gtk_file_filter_set_name (xhb, _("HomeBank"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_suffix (xhb, "xhb");
  for (guint i = 0; i < 4; i++)
    gtk_file_filter_add_suffix (all, ((const char *[]){ "csv", "tsv", "txt", "json" })[i]);
  gtk_file_filter_add_suffix (all, "xhb");
  gtk_file_filter_add_mime_type (all, "text/csv");

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xhb);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), all);

  return chooser;
}

typedef struct
{
  GtkWindow          *parent;
  OutlayRepository   *repository;
  OutlayImportLoader *loader;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->repository);
  g_clear_object (&data->loader);
  g_free (data);
}

static OutlayImportWindow *
create_window (LoadData *data)
{
  OutlayImportWindow *self;
  OutlayCsvTable     *table = outlay_import_loader_get_table (data->loader);

  self = g_object_new (OUTLAY_TYPE_IMPORT_WINDOW,
                       "transient-for", data->parent,
                       NULL);
  self->repository = g_object_ref (data->repository);
  self->database_path = g_strdup (outlay_database_get_path (outlay_repository_get_database (data->repository)));
  self->loader = g_steal_pointer (&data->loader);
  adw_window_title_set_subtitle (self->window_title, outlay_import_loader_get_file_name (self->loader));

  if (table != NULL)
    {
      outlay_import_mapping_group_set_table (self->mapping_group, table);
      gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), TRUE);
    }

  replan (self);

  return self;
}

static void
on_file_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (!outlay_import_loader_load_finish (OUTLAY_IMPORT_LOADER (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, create_window (data), (GDestroyNotify) gtk_window_destroy);
}

/**
 * outlay_import_window_load_async:
 * @parent: the main window
 * @repository: the ledger to import into
 * @currency: the ledger's currency, for amounts without one
 * @file: the file to import
 *
 * Reads @file without blocking and makes its import window, which works
 * out what the import would do in a worker thread.
 */
void
outlay_import_window_load_async (GtkWindow          *parent,
                                 OutlayRepository   *repository,
                                 const char         *currency,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (OUTLAY_IS_REPOSITORY (repository));
  g_return_if_fail (outlay_currency_is_valid (currency));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->repository = g_object_ref (repository);
  data->loader = outlay_import_loader_new (currency);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, outlay_import_window_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  outlay_import_loader_load_async (data->loader, file, cancellable, on_file_loaded_cb, g_steal_pointer (&task));
}

/**
 * outlay_import_window_load_finish:
 *
 * Returns: (transfer none): the window, not shown yet, or %NULL with
 *   @error set when the file cannot be read or is not one Outlay imports
 */
OutlayImportWindow *
outlay_import_window_load_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * outlay_import_window_is_busy:
 *
 * Returns: whether the window is still working out what the import would
 *   do, or writing it
 */
gboolean
outlay_import_window_is_busy (OutlayImportWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_WINDOW (self), FALSE);

  return self->planning || self->importing;
}

/**
 * outlay_import_window_get_n_to_import:
 *
 * Returns: how many expenses Import adds as things stand
 */
guint
outlay_import_window_get_n_to_import (OutlayImportWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_WINDOW (self), 0);

  return self->plan != NULL ? outlay_import_plan_get_n_added (self->plan) : 0;
}

/**
 * outlay_import_window_steal_result:
 *
 * Returns: (transfer full) (nullable): what the import wrote, once, in a
 *   handler of #OutlayImportWindow::imported
 */
OutlayImportResult *
outlay_import_window_steal_result (OutlayImportWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_WINDOW (self), NULL);

  return g_steal_pointer (&self->result);
}
