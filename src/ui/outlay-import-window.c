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
 * imported is listed with its reason. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-csv.h"
#include "outlay-export.h"
#include "outlay-format.h"
#include "outlay-fit-bin.h"
#include "outlay-import-window.h"
#include "outlay-money.h"
#include "outlay-xhb.h"

/* Enough to recognise the file; the count says how many more there are. */
#define N_PREVIEW 50
#define N_PROBLEMS_INLINE 5

typedef enum
{
  FILE_FORMAT_CSV,
  FILE_FORMAT_JSON,
  FILE_FORMAT_XHB,
} FileFormat;

/* One line of the problem list, for the GtkListView that shows them all. */
#define OUTLAY_TYPE_IMPORT_PROBLEM (outlay_import_problem_get_type ())
G_DECLARE_FINAL_TYPE (OutlayImportProblem, outlay_import_problem, OUTLAY, IMPORT_PROBLEM, GObject)

struct _OutlayImportProblem
{
  GObject               parent_instance;
  OutlayImportIssueKind kind;
  char                 *text;
};

G_DEFINE_FINAL_TYPE (OutlayImportProblem, outlay_import_problem, G_TYPE_OBJECT)

static void
outlay_import_problem_finalize (GObject *object)
{
  g_free (OUTLAY_IMPORT_PROBLEM (object)->text);

  G_OBJECT_CLASS (outlay_import_problem_parent_class)->finalize (object);
}

static void
outlay_import_problem_class_init (OutlayImportProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_import_problem_finalize;
}

static void
outlay_import_problem_init (OutlayImportProblem *self)
{
}

struct _OutlayImportWindow
{
  AdwWindow parent_instance;

  OutlayRepository *repository;
  char             *currency;
  char             *database_path;

  /* CSV only: the table as read and how its columns are read. */
  OutlayCsvTable  *table;
  OutlayCsvMapping mapping;
  char             date_separator;

  /* The plan is worked out, and the import written, on a connection of
   * their own in a worker thread; this one is the plan's. */
  OutlayImportPlan *plan;
  OutlayRepository *plan_repository;
  GError           *plan_error;
  GCancellable     *cancellable;
  guint             generation; /* of the mapping; a plan of an older one is stale */
  gboolean          planning;
  gboolean          importing;
  gboolean          disposed;
  /* What the person chose for each category the ledger does not know, by
   * casefolded name (gint64 *, 0 for a new category); the choices outlive
   * a new plan. */
  GHashTable         *category_choices;
  GListStore         *problems;
  OutlayImportResult *result;
  guint               updating;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  AdwWindowTitle      *window_title;
  GtkWidget           *import_button;
  GtkLabel            *summary_label;
  GtkWidget           *spinner;
  GtkLabel            *details_label;
  AdwPreferencesGroup *columns_group;
  AdwExpanderRow      *more_columns_row;
  AdwPreferencesGroup *format_group;
  AdwComboRow         *date_row;
  AdwComboRow         *amount_row;
  AdwComboRow         *description_row;
  AdwComboRow         *category_row;
  AdwComboRow         *note_row;
  AdwComboRow         *currency_row;
  AdwComboRow         *debit_row;
  AdwComboRow         *credit_row;
  AdwComboRow         *date_format_row;
  AdwComboRow         *decimal_row;
  AdwComboRow         *sign_row;
  GtkSwitch           *header_switch;
  AdwPreferencesGroup *categories_group;
  GtkListBox          *categories_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;
  AdwPreferencesGroup *preview_group;
  GtkListBox          *preview_list;
  AdwWindowTitle      *problems_title;
  GtkListView         *problems_view;
};

G_DEFINE_FINAL_TYPE (OutlayImportWindow, outlay_import_window, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const OutlayCsvDateFormat date_formats[] = {
  OUTLAY_CSV_DATE_ISO,
  OUTLAY_CSV_DATE_DMY,
  OUTLAY_CSV_DATE_MDY,
  OUTLAY_CSV_DATE_YMD_SLASH,
};

static const OutlayCsvSign signs[] = {
  OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE,
  OUTLAY_CSV_SIGN_POSITIVE_IS_EXPENSE,
  OUTLAY_CSV_SIGN_ALL_ARE_EXPENSES,
};

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The name of a column as the person knows it: its heading, or its place. */
static char *
describe_column (OutlayImportWindow *self,
                 guint               column)
{
  if (self->mapping.has_header && self->mapping.first_row < outlay_csv_table_get_n_rows (self->table))
    {
      guint              n_fields = 0;
      const char *const *fields = outlay_csv_table_get_row (self->table, self->mapping.first_row, &n_fields);

      if (column < n_fields)
        {
          g_autofree char *name = g_strstrip (g_strdup (fields[column]));

          if (*name != '\0')
            return g_steal_pointer (&name);
        }
    }

  /* Translators: a column of a CSV file without a heading, counted from 1 */
  return g_strdup_printf (_("Column %u"), column + 1);
}

/* Every column row lists "None" and the columns, and shows the mapping. */
static void
fill_column_rows (OutlayImportWindow *self)
{
  AdwComboRow *rows[] = {
    self->date_row, self->amount_row, self->description_row, self->category_row,
    self->note_row, self->currency_row, self->debit_row, self->credit_row
  };
  int columns[] = {
    self->mapping.date_column, self->mapping.amount_column, self->mapping.description_column,
    self->mapping.category_column, self->mapping.note_column, self->mapping.currency_column,
    self->mapping.debit_column, self->mapping.credit_column
  };
  guint n_columns = outlay_csv_table_get_n_columns (self->table);

  self->updating++;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

      /* Translators: no column of the file holds this information */
      gtk_string_list_append (model, C_("column", "None"));
      for (guint column = 0; column < n_columns; column++)
        {
          g_autofree char *name = describe_column (self, column);

          gtk_string_list_append (model, name);
        }

      adw_combo_row_set_model (rows[i], G_LIST_MODEL (model));
      adw_combo_row_set_selected (rows[i], columns[i] >= 0 && (guint) columns[i] < n_columns ? (guint) columns[i] + 1 : 0);
    }
  self->updating--;
}

static void
fill_date_formats (OutlayImportWindow *self)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (date_formats); i++)
    {
      char             separator = date_formats[i] == OUTLAY_CSV_DATE_ISO         ? '-'
                                   : date_formats[i] == OUTLAY_CSV_DATE_YMD_SLASH ? '/'
                                                                                  : self->date_separator;
      g_autofree char *pattern = outlay_csv_date_format_describe (date_formats[i], separator);

      gtk_string_list_append (model, pattern);
      if (date_formats[i] == self->mapping.date_format)
        selected = i;
    }

  self->updating++;
  adw_combo_row_set_model (self->date_format_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->date_format_row, selected);
  self->updating--;
}

/* How the dates of the file are written between the numbers, for the date
 * formats to read as the file does: "DD.MM.YYYY" for a German bank. */
static char
find_date_separator (OutlayImportWindow *self)
{
  guint n_rows = outlay_csv_table_get_n_rows (self->table);

  if (self->mapping.date_column < 0)
    return 0;

  for (guint row = self->mapping.first_row + (self->mapping.has_header ? 1 : 0); row < n_rows; row++)
    {
      guint              n_fields = 0;
      const char *const *fields = outlay_csv_table_get_row (self->table, row, &n_fields);
      const char        *date;
      const char        *separator;

      if ((guint) self->mapping.date_column >= n_fields)
        continue;

      date = fields[self->mapping.date_column];
      separator = date + strspn (date, " 0123456789");
      if (separator != date && (*separator == '.' || *separator == '/' || *separator == '-'))
        return *separator;
    }

  return 0;
}

static void
read_mapping (OutlayImportWindow *self)
{
  AdwComboRow *rows[] = {
    self->date_row, self->amount_row, self->description_row, self->category_row,
    self->note_row, self->currency_row, self->debit_row, self->credit_row
  };
  int *columns[] = {
    &self->mapping.date_column, &self->mapping.amount_column, &self->mapping.description_column,
    &self->mapping.category_column, &self->mapping.note_column, &self->mapping.currency_column,
    &self->mapping.debit_column, &self->mapping.credit_column
  };
  guint selected;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      selected = adw_combo_row_get_selected (rows[i]);
      *columns[i] = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? -1 : (int) selected - 1;
    }

  selected = adw_combo_row_get_selected (self->date_format_row);
  if (selected < G_N_ELEMENTS (date_formats))
    self->mapping.date_format = date_formats[selected];
  self->mapping.decimal_separator = adw_combo_row_get_selected (self->decimal_row) == 1 ? ',' : '.';
  selected = adw_combo_row_get_selected (self->sign_row);
  if (selected < G_N_ELEMENTS (signs))
    self->mapping.sign = signs[selected];
  self->mapping.has_header = gtk_switch_get_active (self->header_switch);
}

static void
show_mapping (OutlayImportWindow *self)
{
  const char      *encoding;
  const char      *delimiter;
  g_autofree char *description = NULL;
  guint            n_lines;

  fill_column_rows (self);
  fill_date_formats (self);

  self->updating++;
  adw_combo_row_set_selected (self->decimal_row, self->mapping.decimal_separator == ',' ? 1 : 0);
  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    if (signs[i] == self->mapping.sign)
      adw_combo_row_set_selected (self->sign_row, i);
  gtk_switch_set_active (self->header_switch, self->mapping.has_header);
  self->updating--;

  switch (outlay_csv_table_get_encoding (self->table))
    {
    case OUTLAY_CSV_ENCODING_UTF8_BOM:
      /* Translators: the text encoding of a CSV file */
      encoding = _("UTF-8 with a byte order mark");
      break;
    case OUTLAY_CSV_ENCODING_LATIN1:
      /* Translators: the text encoding of a CSV file */
      encoding = _("Windows-1252 (Latin-1)");
      break;
    case OUTLAY_CSV_ENCODING_UTF16:
      /* Translators: the text encoding of a CSV file */
      encoding = _("UTF-16");
      break;
    case OUTLAY_CSV_ENCODING_UTF8:
    default:
      /* Translators: the text encoding of a CSV file */
      encoding = _("UTF-8");
      break;
    }

  switch (outlay_csv_table_get_delimiter (self->table))
    {
    case ';':
      delimiter = _("fields separated by semicolons");
      break;
    case '\t':
      delimiter = _("fields separated by tabs");
      break;
    case '|':
      delimiter = _("fields separated by vertical bars");
      break;
    case ',':
    default:
      delimiter = _("fields separated by commas");
      break;
    }

  n_lines = outlay_csv_table_get_n_rows (self->table);
  /* Translators: how a CSV file was read: its text encoding, its field
   * separator (“fields separated by commas”) and its number of rows */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %u row", "%s, %s, %u rows", n_lines),
                                 encoding, delimiter, n_lines);
  adw_preferences_group_set_description (self->format_group, description);
}

static GtkWidget *
create_problem_widget (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

/* Errors stand out with their icon; lines that are simply not expenses
 * are dimmed. */
static void
show_problem (GtkWidget           *box,
              OutlayImportProblem *problem)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  gboolean   error = problem->kind == OUTLAY_IMPORT_ISSUE_ERROR;

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), error ? "dialog-error-symbolic" : "action-unavailable-symbolic");
  gtk_widget_set_tooltip_text (icon, error ? _("Cannot be read") : _("Not an expense"));
  if (error)
    gtk_widget_add_css_class (icon, "error");
  else
    gtk_widget_remove_css_class (icon, "error");
  gtk_label_set_text (GTK_LABEL (label), problem->text);
  /* What the icon shows, for a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error ? _("Cannot be read") : _("Not an expense"), -1);
  if (error)
    gtk_widget_remove_css_class (box, "dim-label");
  else
    gtk_widget_add_css_class (box, "dim-label");
}

static void
on_problem_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *box = create_problem_widget ();

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, box);
}

static void
on_problem_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  show_problem (gtk_list_item_get_child (item), gtk_list_item_get_item (item));
}

static void
fill_problems (OutlayImportWindow *self)
{
  OutlayImportSource *source = self->plan != NULL ? outlay_import_plan_get_source (self->plan) : NULL;
  guint               n = source != NULL ? source->issues->len : 0;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < n; i++)
    {
      const OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);
      OutlayImportProblem     *problem = g_object_new (OUTLAY_TYPE_IMPORT_PROBLEM, NULL);

      problem->kind = issue->kind;
      problem->text = issue->line > 0
                        /* Translators: a line of the file that is not imported, and why */
                        ? g_strdup_printf (_("Line %u — %s"), issue->line, issue->message)
                        : g_strdup (issue->message);
      g_ptr_array_add (items, problem);
    }

  g_list_store_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       items->pdata, items->len);

  clear_list_box (self->problems_list);
  for (guint i = 0; i < MIN (n, N_PROBLEMS_INLINE); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = create_problem_widget ();

      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      show_problem (box, g_ptr_array_index (items, i));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->problems_list, row);
    }

  if (n > N_PROBLEMS_INLINE)
    {
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %'u Problem", "Show All %'u Problems", n),
                                                n);

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

/* The category an expense of the file will be in, as the preview names it. */
static const char *
record_category_name (OutlayImportWindow *self,
                      GHashTable         *matches,
                      OutlayImportRecord *record)
{
  const OutlayImportCategoryMatch *match = NULL;

  if (record->category != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (record->category));
      g_autofree char *folded = g_utf8_casefold (stripped, -1);

      match = g_hash_table_lookup (matches, folded);
    }

  if (match != NULL && match->category_id == 0)
    return match->name;

  if (match != NULL)
    {
      OutlayCategory *category = outlay_repository_lookup_category (self->repository, match->category_id);

      if (category != NULL)
        return outlay_category_get_name (category);
    }

  return outlay_category_get_name (outlay_repository_get_fallback_category (self->repository));
}

static void
fill_preview (OutlayImportWindow *self)
{
  OutlayImportSource *source = self->plan != NULL ? outlay_import_plan_get_source (self->plan) : NULL;
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

  for (guint i = 0; source != NULL && i < source->records->len && n_shown < N_PREVIEW; i++)
    {
      OutlayImportRecord *record = g_ptr_array_index (source->records, i);
      g_autoptr (OutlayExpense) draft = NULL;
      g_autofree char *date = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *amount = NULL;
      GtkWidget       *row;
      GtkWidget       *label;
      GtkWidget       *fit;

      if (outlay_import_plan_get_action (self->plan, i) != OUTLAY_IMPORT_ACTION_ADD || record->deleted_at != NULL)
        continue;

      draft = outlay_import_plan_build_draft (self->plan, i, fallback_id);
      date = outlay_format_date (record->date);
      /* Translators: the date and the category of an expense to import */
      subtitle = g_strdup_printf (_("%s · %s"), date, record_category_name (self, matches, record));
      amount = outlay_money_format (outlay_expense_get_amount (draft), outlay_expense_get_currency (draft));

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
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %'u more", "And %'u more", n_added - n_shown),
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
  guint            n_added, n_duplicates, n_skipped, n_errors, n_new;

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

  parts = g_ptr_array_new_with_free_func (g_free);
  if (n_added == 0)
    g_ptr_array_add (parts, g_strdup (_("Nothing to import")));
  append_part (parts, n_added, g_dngettext (GETTEXT_PACKAGE, "%'u expense will be imported", "%'u expenses will be imported", n_added), n_added);
  append_part (parts, n_duplicates, g_dngettext (GETTEXT_PACKAGE, "%'u duplicate skipped", "%'u duplicates skipped", n_duplicates), n_duplicates);
  append_part (parts, n_skipped, g_dngettext (GETTEXT_PACKAGE, "%'u line not an expense", "%'u lines not expenses", n_skipped), n_skipped);
  append_part (parts, n_errors, g_dngettext (GETTEXT_PACKAGE, "%'u line cannot be read", "%'u lines cannot be read", n_errors), n_errors);
  /* New categories only matter when there is something to put in them. */
  if (outlay_import_plan_get_replace_categories (self->plan))
    append_part (parts, n_added, "%s", _("The file’s categories replace the default ones"));
  else
    append_part (parts, n_added > 0 ? n_new : 0, g_dngettext (GETTEXT_PACKAGE, "%'u new category", "%'u new categories", n_new), n_new);

  g_ptr_array_add (parts, NULL);
  /* What will be imported stands out; the rest follows as one line. */
  gtk_label_set_text (self->summary_label, g_ptr_array_index (parts, 0));
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  details = g_strjoinv (" · ", (char **) parts->pdata + 1);
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');

  /* The headline says how many; the button stays one short word, which a
   * phone's header bar has room for beside Cancel and the title. */
  gtk_widget_set_sensitive (self->import_button, n_added > 0);
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

typedef struct
{
  char               *database_path;
  char               *currency;
  OutlayCsvTable     *table;
  OutlayCsvMapping    mapping;
  OutlayImportSource *source; /* a file read already: nothing to map */
  guint               generation;
  OutlayRepository   *repository;
  OutlayImportPlan   *plan;
} PlanJob;

static void
plan_job_free (PlanJob *job)
{
  g_free (job->database_path);
  g_free (job->currency);
  g_clear_pointer (&job->table, outlay_csv_table_unref);
  g_clear_pointer (&job->source, outlay_import_source_free);
  g_clear_pointer (&job->plan, outlay_import_plan_free);
  g_clear_object (&job->repository);
  g_free (job);
}

/* The plan runs two or three queries a record: with its own connection, so
 * that the window's stays on the main thread. */
static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlanJob *job = task_data;
  g_autoptr (OutlayImportSource) source = g_steal_pointer (&job->source);
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (GError) error = NULL;

  if (source == NULL)
    {
      if (!outlay_csv_mapping_validate (&job->mapping, job->table, &error) ||
          (source = outlay_csv_import (job->table, &job->mapping, job->currency, &error)) == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  database = outlay_database_open (job->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->repository = outlay_repository_new (database);
  job->plan = outlay_import_plan_new (job->repository, g_steal_pointer (&source), job->currency, &error);
  if (job->plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void start_plan (OutlayImportWindow *self,
                        OutlayImportSource *source);

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
  PlanJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  self->planning = FALSE;
  g_task_propagate_boolean (G_TASK (result), &error);

  if (self->disposed ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The mapping changed while this plan was worked out: only the newest
   * counts, and changes made meanwhile are planned at once. */
  if (job->generation != self->generation)
    {
      start_plan (self, NULL);
      return;
    }

  g_clear_pointer (&self->plan, outlay_import_plan_free);
  g_clear_object (&self->plan_repository);
  g_clear_error (&self->plan_error);
  if (error != NULL)
    self->plan_error = g_steal_pointer (&error);
  else
    {
      self->plan = g_steal_pointer (&job->plan);
      self->plan_repository = g_steal_pointer (&job->repository);
    }

  show_planned (self);
}

static void
start_plan (OutlayImportWindow *self,
            OutlayImportSource *source)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *what = NULL;
  PlanJob         *job;

  /* One plan at a time; the newest mapping is planned when it ends. */
  if (self->planning)
    {
      g_clear_pointer (&source, outlay_import_source_free);
      return;
    }

  job = g_new0 (PlanJob, 1);
  job->database_path = g_strdup (self->database_path);
  job->currency = g_strdup (self->currency);
  job->table = self->table != NULL ? outlay_csv_table_ref (self->table) : NULL;
  job->mapping = self->mapping;
  job->source = source;
  job->generation = self->generation;

  if (self->table != NULL)
    {
      guint n_rows = outlay_csv_table_get_n_rows (self->table);
      guint skipped = self->mapping.first_row + (self->mapping.has_header ? 1 : 0);
      guint n_lines = n_rows > skipped ? n_rows - skipped : 0;

      /* Translators: while the window works out what an import would do */
      what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checking %'u line…", "Checking %'u lines…", n_lines), n_lines);
    }
  else
    what = g_strdup (_("Checking the file…"));
  show_busy (self, what);

  self->planning = TRUE;
  /* The callback, on the main thread, holds the window: the worker must
   * not drop the last reference of a widget. */
  task = g_task_new (NULL, self->cancellable, on_planned_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_plan);
  g_task_set_task_data (task, job, (GDestroyNotify) plan_job_free);
  g_task_run_in_thread (task, plan_thread);
}

/* Works out again what importing would do, after the file or the mapping
 * changed. */
static void
replan (OutlayImportWindow *self,
        OutlayImportSource *source)
{
  self->generation++;
  start_plan (self, source);
}

static void
on_mapping_changed_cb (OutlayImportWindow *self)
{
  if (self->updating > 0)
    return;

  read_mapping (self);
  replan (self, NULL);
}

/* A header row changes the columns' names as well. */
static void
on_header_changed_cb (OutlayImportWindow *self)
{
  if (self->updating > 0)
    return;

  read_mapping (self);
  fill_column_rows (self);
  replan (self, NULL);
}

typedef struct
{
  OutlayRepository *repository;
  OutlayImportPlan *plan; /* the window's, which leaves it alone meanwhile */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->repository);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr (GError) error = NULL;
  OutlayImportResult *result;

  result = outlay_importer_apply (job->repository, job->plan, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) outlay_import_result_free);
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (OutlayImportWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  OutlayImportResult *imported;

  self->importing = FALSE;
  imported = g_task_propagate_pointer (G_TASK (result), &error);

  /* Written through another connection: the window's lists learn of it
   * now rather than at the next poll. */
  outlay_repository_check_external_changes (self->repository);

  /* Destroyed with its parent meanwhile: the rows are in, without Undo. */
  if (self->disposed)
    {
      g_clear_pointer (&imported, outlay_import_result_free);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), TRUE);

  if (imported == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      AdwToast        *toast = adw_toast_new (title);

      show_planned (self);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
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

  /* A transaction cannot stop halfway: the window stays until it ends. */
  self->importing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), FALSE);
  /* Translators: while an import is written */
  what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %'u expense…", "Importing %'u expenses…", n_added), n_added);
  show_busy (self, what);

  job = g_new0 (ImportJob, 1);
  job->repository = g_object_ref (self->plan_repository);
  job->plan = self->plan;
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
  g_clear_pointer (&self->table, outlay_csv_table_unref);
  g_clear_pointer (&self->category_choices, g_hash_table_unref);
  g_clear_error (&self->plan_error);
  g_clear_object (&self->problems);
  g_clear_object (&self->repository);
  g_free (self->currency);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/outlay-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, details_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, more_columns_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, format_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, amount_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, description_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, category_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, note_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, debit_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, credit_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, date_format_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, sign_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, header_switch);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, categories_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, categories_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, problems_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, preview_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, preview_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, problems_title);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportWindow, problems_view);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_bind_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_import_window_init (OutlayImportWindow *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;
  AdwComboRow *rows[11];
  GtkWidget   *label;

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

  rows[0] = self->date_row, rows[1] = self->amount_row, rows[2] = self->description_row;
  rows[3] = self->category_row, rows[4] = self->note_row, rows[5] = self->currency_row;
  rows[6] = self->debit_row, rows[7] = self->credit_row, rows[8] = self->date_format_row;
  rows[9] = self->decimal_row, rows[10] = self->sign_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_object (rows[i], "notify::selected", G_CALLBACK (on_mapping_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->header_switch, "notify::active", G_CALLBACK (on_header_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The content decides; the name only when the content does not. */
static FileFormat
detect_format (const char *file_name,
               const char *data,
               gsize       length)
{
  OutlayImportFormat format = outlay_import_format_from_content (data, length);

  if (format == OUTLAY_IMPORT_FORMAT_CSV && file_name != NULL)
    format = outlay_import_format_from_name (file_name);

  switch (format)
    {
    case OUTLAY_IMPORT_FORMAT_JSON:
      return FILE_FORMAT_JSON;
    case OUTLAY_IMPORT_FORMAT_HOMEBANK:
      return FILE_FORMAT_XHB;
    case OUTLAY_IMPORT_FORMAT_CSV:
    case OUTLAY_IMPORT_FORMAT_UNKNOWN:
    default:
      return FILE_FORMAT_CSV;
    }
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
  char               *currency;
  char               *file_name;
  GBytes             *contents;
  FileFormat          format;
  OutlayCsvTable     *table;
  OutlayImportSource *source;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->repository);
  g_free (data->currency);
  g_free (data->file_name);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_clear_pointer (&data->table, outlay_csv_table_unref);
  g_clear_pointer (&data->source, outlay_import_source_free);
  g_free (data);
}

/* Reads the file as CSV, Outlay's JSON or HomeBank: a large file takes a
 * while, so not on the main thread. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData   *data = task_data;
  GError     *error = NULL;
  gsize       length;
  const char *bytes = g_bytes_get_data (data->contents, &length);

  data->format = detect_format (data->file_name, bytes, length);
  switch (data->format)
    {
    case FILE_FORMAT_JSON:
      data->source = outlay_json_read (bytes, length, &error);
      break;
    case FILE_FORMAT_XHB:
      data->source = outlay_xhb_read (bytes, length, data->currency, &error);
      break;
    case FILE_FORMAT_CSV:
    default:
      data->table = outlay_csv_table_read (bytes, length, &error);
      break;
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static OutlayImportWindow *
create_window (LoadData *data)
{
  OutlayImportWindow *self;

  self = g_object_new (OUTLAY_TYPE_IMPORT_WINDOW,
                       "transient-for", data->parent,
                       NULL);
  self->repository = g_object_ref (data->repository);
  self->database_path = g_strdup (outlay_database_get_path (outlay_repository_get_database (data->repository)));
  self->currency = g_strdup (data->currency);
  adw_window_title_set_subtitle (self->window_title, data->file_name);

  if (data->table != NULL)
    {
      self->table = g_steal_pointer (&data->table);
      outlay_csv_mapping_guess (self->table, &self->mapping);
      self->date_separator = find_date_separator (self);
      show_mapping (self);
      gtk_widget_set_visible (GTK_WIDGET (self->columns_group), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->format_group), TRUE);
      /* A guess that uses the other columns shows them. */
      adw_expander_row_set_expanded (self->more_columns_row,
                                     self->mapping.note_column >= 0 || self->mapping.currency_column >= 0 ||
                                       self->mapping.debit_column >= 0 || self->mapping.credit_column >= 0);
    }

  replan (self, g_steal_pointer (&data->source));

  return self;
}

static void
on_file_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, create_window (data), (GDestroyNotify) gtk_window_destroy);
}

static void
on_file_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) read = NULL;
  char *bytes = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &bytes, &length, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->contents = g_bytes_new_take (bytes, length);
  read = g_task_new (NULL, g_task_get_cancellable (task), on_file_read_cb, g_object_ref (task));
  g_task_set_source_tag (read, read_thread);
  g_task_set_task_data (read, data, NULL);
  g_task_run_in_thread (read, read_thread);
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
  data->currency = g_strdup (currency);
  data->file_name = g_file_get_basename (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, outlay_import_window_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_file_load_contents_async (file, cancellable, on_file_loaded_cb, g_steal_pointer (&task));
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
