/* outlay-import-mapping-group.c
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

/* How the import window reads a CSV file: which column is what (the four
 * that matter first, the others folded away), and how its dates, amounts
 * and first line are written. It starts from the guess of the columns'
 * contents and says "changed" whenever the person corrects it. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-import-mapping-group.h"

struct _OutlayImportMappingGroup
{
  GtkBox parent_instance;

  OutlayCsvTable  *table;
  OutlayCsvMapping mapping;
  char             date_separator;
  guint            updating;

  /* Template widgets */
  AdwPreferencesGroup *format_group;
  AdwExpanderRow      *more_columns_row;
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
};

G_DEFINE_FINAL_TYPE (OutlayImportMappingGroup, outlay_import_mapping_group, GTK_TYPE_BOX)

enum
{
  CHANGED,
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
  OUTLAY_CSV_SIGN_NEGATIVE_IS_REFUND,
};

/* The rows of the columns, in the order of column_of(). */
#define N_COLUMN_ROWS 8

static void
get_column_rows (OutlayImportMappingGroup *self,
                 AdwComboRow             **rows)
{
  rows[0] = self->date_row, rows[1] = self->amount_row, rows[2] = self->description_row;
  rows[3] = self->category_row, rows[4] = self->note_row, rows[5] = self->currency_row;
  rows[6] = self->debit_row, rows[7] = self->credit_row;
}

/* Where the mapping keeps the column of the row at @i of get_column_rows(). */
static int *
column_of (OutlayImportMappingGroup *self,
           guint                     i)
{
  int *columns[N_COLUMN_ROWS] = {
    &self->mapping.date_column, &self->mapping.amount_column, &self->mapping.description_column,
    &self->mapping.category_column, &self->mapping.note_column, &self->mapping.currency_column,
    &self->mapping.debit_column, &self->mapping.credit_column
  };

  g_assert (i < N_COLUMN_ROWS);

  return columns[i];
}

/* The name of a column as the person knows it: its heading, or its place. */
static char *
describe_column (OutlayImportMappingGroup *self,
                 guint                     column)
{
  g_assert (self->table != NULL);

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
fill_column_rows (OutlayImportMappingGroup *self)
{
  AdwComboRow *rows[N_COLUMN_ROWS];
  guint        n_columns = outlay_csv_table_get_n_columns (self->table);

  get_column_rows (self, rows);

  self->updating++;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
      int column = *column_of (self, i);

      /* Translators: no column of the file holds this information */
      gtk_string_list_append (model, C_("column", "None"));
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *name = describe_column (self, c);

          gtk_string_list_append (model, name);
        }

      adw_combo_row_set_model (rows[i], G_LIST_MODEL (model));
      adw_combo_row_set_selected (rows[i], column >= 0 && (guint) column < n_columns ? (guint) column + 1 : 0);
    }
  self->updating--;
}

static void
fill_date_formats (OutlayImportMappingGroup *self)
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
find_date_separator (OutlayImportMappingGroup *self)
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
read_mapping (OutlayImportMappingGroup *self)
{
  AdwComboRow *rows[N_COLUMN_ROWS];
  guint        selected;

  get_column_rows (self, rows);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      selected = adw_combo_row_get_selected (rows[i]);
      *column_of (self, i) = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? -1 : (int) selected - 1;
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

/* How the file was read, under the group's title. */
static void
describe_table (OutlayImportMappingGroup *self)
{
  const char      *encoding;
  const char      *delimiter;
  g_autofree char *description = NULL;
  guint            n_lines;

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

static void
show_mapping (OutlayImportMappingGroup *self)
{
  fill_column_rows (self);
  fill_date_formats (self);

  self->updating++;
  adw_combo_row_set_selected (self->decimal_row, self->mapping.decimal_separator == ',' ? 1 : 0);
  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    if (signs[i] == self->mapping.sign)
      adw_combo_row_set_selected (self->sign_row, i);
  gtk_switch_set_active (self->header_switch, self->mapping.has_header);
  self->updating--;

  describe_table (self);
}

static void
on_mapping_changed_cb (OutlayImportMappingGroup *self)
{
  if (self->updating > 0 || self->table == NULL)
    return;

  read_mapping (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A header row changes the columns' names as well. */
static void
on_header_changed_cb (OutlayImportMappingGroup *self)
{
  if (self->updating > 0 || self->table == NULL)
    return;

  read_mapping (self);
  fill_column_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
outlay_import_mapping_group_dispose (GObject *object)
{
  OutlayImportMappingGroup *self = OUTLAY_IMPORT_MAPPING_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_IMPORT_MAPPING_GROUP);

  G_OBJECT_CLASS (outlay_import_mapping_group_parent_class)->dispose (object);
}

static void
outlay_import_mapping_group_finalize (GObject *object)
{
  OutlayImportMappingGroup *self = OUTLAY_IMPORT_MAPPING_GROUP (object);

  g_clear_pointer (&self->table, outlay_csv_table_unref);

  G_OBJECT_CLASS (outlay_import_mapping_group_parent_class)->finalize (object);
}

static void
outlay_import_mapping_group_class_init (OutlayImportMappingGroupClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_import_mapping_group_dispose;
  object_class->finalize = outlay_import_mapping_group_finalize;

  /**
   * OutlayImportMappingGroup::changed:
   *
   * The person changed how the file is read.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/import/outlay-import-mapping-group.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, format_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, more_columns_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, date_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, amount_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, description_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, category_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, note_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, currency_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, debit_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, credit_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, date_format_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, sign_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportMappingGroup, header_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_mapping_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_header_changed_cb);
}

static void
outlay_import_mapping_group_init (OutlayImportMappingGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * outlay_import_mapping_group_set_table:
 * @table: the CSV file as read
 *
 * Shows how @table would be read as its contents suggest.
 */
void
outlay_import_mapping_group_set_table (OutlayImportMappingGroup *self,
                                       OutlayCsvTable           *table)
{
  g_return_if_fail (OUTLAY_IS_IMPORT_MAPPING_GROUP (self));
  g_return_if_fail (table != NULL);

  g_clear_pointer (&self->table, outlay_csv_table_unref);
  self->table = outlay_csv_table_ref (table);
  outlay_csv_mapping_guess (self->table, &self->mapping);
  self->date_separator = find_date_separator (self);
  show_mapping (self);
  /* A guess that uses the other columns shows them. */
  adw_expander_row_set_expanded (self->more_columns_row,
                                 self->mapping.note_column >= 0 || self->mapping.currency_column >= 0 ||
                                   self->mapping.debit_column >= 0 || self->mapping.credit_column >= 0);
}

/**
 * outlay_import_mapping_group_get_mapping:
 *
 * Returns: (transfer none): how the table is read as things stand
 */
const OutlayCsvMapping *
outlay_import_mapping_group_get_mapping (OutlayImportMappingGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_MAPPING_GROUP (self), NULL);

  return &self->mapping;
}
