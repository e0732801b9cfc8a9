/* outlay-cli-import.c
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

/* `outlay import`: a CSV file of a bank or another app, a HomeBank file or
 * Outlay's own JSON export, read, matched against the ledger and reported
 * line by line before anything is written. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "outlay-cli-private.h"
#include "outlay-csv.h"
#include "outlay-import-loader.h"
#include "outlay-importer.h"
#include "outlay-number.h"

/* The options of a CSV file's columns, in the order the report shows them. */
typedef enum
{
  COLUMN_DATE,
  COLUMN_AMOUNT,
  COLUMN_DESCRIPTION,
  COLUMN_CATEGORY,
  COLUMN_NOTE,
  COLUMN_CURRENCY,
  COLUMN_DEBIT,
  COLUMN_CREDIT,
  COLUMN_MARK,
  N_COLUMNS
} Column;

static const char *const column_options[N_COLUMNS] = {
  "--date-column",
  "--amount-column",
  "--description-column",
  "--category-column",
  "--note-column",
  "--currency-column",
  "--debit-column",
  "--credit-column",
  "--mark-column",
};

/* The names of the columns in --json. */
static const char *const column_keys[N_COLUMNS] = {
  "date",
  "amount",
  "description",
  "category",
  "note",
  "currency",
  "debit",
  "credit",
  "mark",
};

typedef enum
{
  CATEGORY_EXISTING, /* the database has one of that name */
  CATEGORY_NEW,      /* created */
  CATEGORY_MAPPED,   /* --map-category */
  CATEGORY_FALLBACK, /* --no-create-categories */
} CategoryFate;

typedef struct
{
  char    *path;
  char    *format_text;
  char    *currency_text;
  char    *columns[N_COLUMNS];
  char    *date_format_text;
  char    *decimal_text;
  char    *sign_text;
  gboolean header;
  gboolean no_header;
  char   **map_category;
  gboolean no_create_categories;
  gboolean dry_run;
  gboolean refunds;

  OutlayImportFormat format;
  char              *currency;
  OutlayCsvTable    *table;
  OutlayCsvMapping   mapping;
  char              *fallback_name; /* with --no-create-categories */
  /* Of CategoryFate, one for each of the plan's categories: the import
   * gives new ones ids, so the report cannot tell them by that. */
  GArray *fates;

  /* A dry run on a database that does not exist yet plans against a new,
   * empty one in a folder of its own, removed at the end. */
  char *scratch_dir;
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->path, g_free);
  g_clear_pointer (&import->format_text, g_free);
  g_clear_pointer (&import->currency_text, g_free);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&import->columns[i], g_free);
  g_clear_pointer (&import->date_format_text, g_free);
  g_clear_pointer (&import->decimal_text, g_free);
  g_clear_pointer (&import->sign_text, g_free);
  g_clear_pointer (&import->map_category, g_strfreev);
  g_clear_pointer (&import->currency, g_free);
  g_clear_pointer (&import->table, outlay_csv_table_unref);
  g_clear_pointer (&import->fallback_name, g_free);
  g_clear_pointer (&import->fates, g_array_unref);
  g_clear_pointer (&import->scratch_dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static const char *const format_names[] = { NULL, "csv", "json", "homebank" };

static gboolean
parse_format (const char         *text,
              OutlayImportFormat *format,
              GError            **error)
{
  for (guint i = OUTLAY_IMPORT_FORMAT_CSV; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (text, format_names[i]) == 0)
      {
        *format = (OutlayImportFormat) i;
        return TRUE;
      }

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
               _("--format “%s” is not one of csv, json or homebank."), text);
  return FALSE;
}

static gboolean
parse_date_format (const char          *text,
                   OutlayCsvDateFormat *format,
                   GError             **error)
{
  static const struct
  {
    const char         *name;
    OutlayCsvDateFormat format;
  } names[] = {
    { "iso", OUTLAY_CSV_DATE_ISO },
    { "dmy", OUTLAY_CSV_DATE_DMY },
    { "mdy", OUTLAY_CSV_DATE_MDY },
    { "ymd", OUTLAY_CSV_DATE_YMD_SLASH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
               _("--date-format “%s” is not one of iso, dmy, mdy or ymd."), text);
  return FALSE;
}

static const char *
date_format_name (OutlayCsvDateFormat format)
{
  switch (format)
    {
    case OUTLAY_CSV_DATE_DMY:
      return "dmy";
    case OUTLAY_CSV_DATE_MDY:
      return "mdy";
    case OUTLAY_CSV_DATE_YMD_SLASH:
      return "ymd";
    case OUTLAY_CSV_DATE_ISO:
    default:
      return "iso";
    }
}

static gboolean
parse_decimal_separator (const char *text,
                         char       *separator,
                         GError    **error)
{
  if (g_str_equal (text, ".") || g_str_equal (text, ","))
    {
      *separator = text[0];
      return TRUE;
    }

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
               _("--decimal-separator “%s” is not “.” or “,”."), text);
  return FALSE;
}

static const char *const sign_names[] = { "negative", "positive", "all", "refunds" };

static gboolean
parse_sign (const char    *text,
            OutlayCsvSign *sign,
            GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sign_names); i++)
    if (g_ascii_strcasecmp (text, sign_names[i]) == 0)
      {
        *sign = (OutlayCsvSign) i;
        return TRUE;
      }

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
               _("--sign “%s” is not one of negative, positive, all or refunds."), text);
  return FALSE;
}

static const char *
describe_sign (OutlayCsvSign sign)
{
  switch (sign)
    {
    case OUTLAY_CSV_SIGN_POSITIVE_IS_EXPENSE:
      return _("positive amounts are expenses; negative ones are money received (see --refund)");
    case OUTLAY_CSV_SIGN_ALL_ARE_EXPENSES:
      return _("every amount is an expense, whatever its sign");
    case OUTLAY_CSV_SIGN_NEGATIVE_IS_REFUND:
      return _("positive amounts are expenses; negative ones are refunds");
    case OUTLAY_CSV_SIGN_NEGATIVE_IS_EXPENSE:
    default:
      return _("negative amounts are expenses; positive ones are money received (see --refund)");
    }
}

/* The options that only make sense for a CSV file, before the file is read. */
static gboolean
check_csv_options (Import  *import,
                   GError **error)
{
  OutlayCsvDateFormat date_format;
  OutlayCsvSign       sign;
  char                separator;

  if (import->header && import->no_header)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--header and --no-header cannot be combined."));
      return FALSE;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    if (import->columns[i] != NULL && outlay_parse_unsigned (import->columns[i], 0, 0, NULL))
      {
        g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                     _("%s 0: columns are counted from 1."), column_options[i]);
        return FALSE;
      }

  return (import->date_format_text == NULL || parse_date_format (import->date_format_text, &date_format, error)) &&
         (import->decimal_text == NULL || parse_decimal_separator (import->decimal_text, &separator, error)) &&
         (import->sign_text == NULL || parse_sign (import->sign_text, &sign, error));
}

/* The first CSV option given, for the message when the file is not a CSV. */
static const char *
first_csv_option (Import *import)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (import->columns[i] != NULL)
      return column_options[i];

  if (import->date_format_text != NULL)
    return "--date-format";
  if (import->decimal_text != NULL)
    return "--decimal-separator";
  if (import->sign_text != NULL)
    return "--sign";
  if (import->header)
    return "--header";
  if (import->no_header)
    return "--no-header";

  return NULL;
}

static gboolean
parse_map_category (const char *text,
                    char      **name,
                    char      **existing,
                    GError    **error)
{
  g_autofree char *utf8 = outlay_cli_text (text, "--map-category", error);
  const char      *equals;

  if (utf8 == NULL)
    return FALSE;

  equals = strchr (utf8, '=');
  if (equals != NULL)
    {
      *name = g_strstrip (g_strndup (utf8, equals - utf8));
      *existing = g_strstrip (g_strdup (equals + 1));
      if (**name != '\0' && **existing != '\0')
        return TRUE;
      g_clear_pointer (name, g_free);
      g_clear_pointer (existing, g_free);
    }

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
               _("--map-category “%s” is not of the form “NAME IN THE FILE=EXISTING CATEGORY”."), utf8);
  return FALSE;
}

/* Reading the file */

static char *
describe_columns (OutlayCsvTable *table,
                  guint           row)
{
  guint              n_fields = 0;
  const char *const *fields = outlay_csv_table_get_row (table, row, &n_fields);
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (fields[i]));

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "%u “%s”", i + 1, name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The member of @mapping for the column @which. */
static int *
mapping_column (OutlayCsvMapping *mapping,
                Column            which)
{
  int *const columns[N_COLUMNS] = {
    &mapping->date_column,
    &mapping->amount_column,
    &mapping->description_column,
    &mapping->category_column,
    &mapping->note_column,
    &mapping->currency_column,
    &mapping->debit_column,
    &mapping->credit_column,
    &mapping->direction_column,
  };

  return columns[which];
}

/* A column given by its number (from 1), by the name in the file's row of
 * column names, or as "none". */
static gboolean
resolve_column (Import  *import,
                Column   which,
                int     *column,
                GError **error)
{
  const char      *spec = import->columns[which];
  const char      *option = column_options[which];
  guint            n_columns = outlay_csv_table_get_n_columns (import->table);
  g_autofree char *wanted = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *columns = NULL;

  if (spec == NULL)
    return TRUE;

  if (outlay_cli_is_number (spec))
    {
      guint64 n;

      /* Digits only, so too large is all that can be wrong. */
      if (!outlay_parse_unsigned (spec, 0, n_columns, &n))
        {
          g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                       g_dngettext (GETTEXT_PACKAGE, "%s %s: the file has only %u column.",
                                    "%s %s: the file has only %u columns.", n_columns),
                       option, spec, n_columns);
          return FALSE;
        }

      *column = (int) n - 1;
      return TRUE;
    }

  if (!(wanted = outlay_cli_text (spec, option, error)))
    return FALSE;
  g_strstrip (wanted);

  if (g_ascii_strcasecmp (wanted, "none") == 0)
    {
      *column = -1;
      return TRUE;
    }

  if (!import->mapping.has_header)
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                   _("%s “%s”: the file has no row of column names; give the column’s number."), option, wanted);
      return FALSE;
    }

  folded = g_utf8_casefold (wanted, -1);
  {
    guint              n_fields = 0;
    const char *const *fields = outlay_csv_table_get_row (import->table, import->mapping.first_row, &n_fields);

    for (guint i = 0; i < n_fields; i++)
      {
        g_autofree char *name = g_strstrip (g_strdup (fields[i]));
        g_autofree char *name_folded = g_utf8_casefold (name, -1);

        if (g_str_equal (name_folded, folded))
          {
            *column = (int) i;
            return TRUE;
          }
      }
  }

  columns = describe_columns (import->table, import->mapping.first_row);
  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
               _("%s “%s” is not a column of the file; its columns are: %s."), option, wanted, columns);
  return FALSE;
}

/* The guess, corrected by what was given. */
static gboolean
map_columns (Import  *import,
             GError **error)
{
  OutlayCsvMapping *mapping = &import->mapping;
  g_autoptr (GError) local_error = NULL;

  outlay_csv_mapping_guess (import->table, mapping);

  if (import->header)
    mapping->has_header = TRUE;
  else if (import->no_header)
    mapping->has_header = FALSE;

  for (guint i = 0; i < N_COLUMNS; i++)
    if (!resolve_column (import, i, mapping_column (mapping, i), error))
      return FALSE;

  /* Debit and credit columns stand in for the amount: giving them drops
   * a guessed amount column, and the other way round. */
  if (import->columns[COLUMN_DEBIT] != NULL && import->columns[COLUMN_AMOUNT] == NULL)
    mapping->amount_column = -1;
  if (import->columns[COLUMN_AMOUNT] != NULL && import->columns[COLUMN_DEBIT] == NULL)
    mapping->debit_column = mapping->credit_column = -1;

  if (import->date_format_text != NULL)
    parse_date_format (import->date_format_text, &mapping->date_format, NULL);
  if (import->decimal_text != NULL)
    parse_decimal_separator (import->decimal_text, &mapping->decimal_separator, NULL);
  if (import->sign_text != NULL)
    parse_sign (import->sign_text, &mapping->sign, NULL);

  if (outlay_csv_mapping_validate (mapping, import->table, &local_error))
    return TRUE;

  if (mapping->date_column < 0 || (mapping->amount_column < 0 && mapping->debit_column < 0))
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                 _("“%s” is not a file of expenses Outlay recognises: it has no column of dates and amounts. "
                   "If it is a CSV file, give them with --date-column and --amount-column."),
                 import->path);
  else
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                 _("The columns of “%s” cannot be imported like this: %s"), import->path, local_error->message);
  return FALSE;
}

static OutlayImportSource *
read_source (Import             *import,
             OutlayImportLoader *loader,
             GError            **error)
{
  g_autoptr (GError) local_error = NULL;
  OutlayImportSource *source = NULL;

  if (outlay_import_loader_parse (loader, NULL, &local_error))
    {
      if (import->format == OUTLAY_IMPORT_FORMAT_CSV)
        {
          import->table = outlay_csv_table_ref (outlay_import_loader_get_table (loader));
          if (!map_columns (import, error))
            return NULL;
        }
      source = outlay_import_loader_build_source (loader, &import->mapping, &local_error);
    }

  if (source == NULL)
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                   _("Cannot import “%s”: %s"), import->path, local_error->message);
      return NULL;
    }

  /* A file of which not one line is an expense that can be read is the
   * wrong file, or read the wrong way; the first reason says which. One
   * that brings exchange rates is the right one. */
  if (outlay_import_source_get_n_records (source) == 0 && source->rates->len == 0 &&
      outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_SKIPPED) == 0 &&
      outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_ERROR) > 0)
    {
      const OutlayImportIssue *first = g_ptr_array_index (source->issues, 0);

      if (first->line > 0)
        g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                     _("Not one line of “%s” can be read as an expense; the first, line %u: %s"),
                     import->path, first->line, first->message);
      else
        g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                     _("Not one expense of “%s” can be read; the first: %s"), import->path, first->message);
      outlay_import_source_free (source);
      return NULL;
    }

  return source;
}

/* The database */

static void
remove_scratch (OutlayCli *cli,
                Import    *import)
{
  g_autofree char *path = NULL;
  const char      *suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (import->scratch_dir == NULL)
    return;

  g_clear_object (&cli->repository);
  g_clear_object (&cli->database);

  path = g_build_filename (import->scratch_dir, "outlay.db", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (import->scratch_dir);
  g_clear_pointer (&import->scratch_dir, g_free);
}

static gboolean
open_database (OutlayCli *cli,
               Import    *import,
               gboolean  *created,
               GError   **error)
{
  const char      *path = outlay_cli_get_database_path (cli);
  g_autofree char *scratch = NULL;

  *created = !g_file_test (path, G_FILE_TEST_EXISTS);
  if (!*created || !import->dry_run)
    return outlay_cli_open (cli, TRUE, error);

  import->scratch_dir = g_dir_make_tmp ("outlay-import-XXXXXX", error);
  if (import->scratch_dir == NULL)
    return FALSE;

  *created = FALSE;
  scratch = g_build_filename (import->scratch_dir, "outlay.db", NULL);
  cli->database = outlay_database_open (scratch, error);
  if (cli->database == NULL)
    return FALSE;

  cli->repository = outlay_repository_new (cli->database);
  return TRUE;
}

/* Where the categories go: --map-category first, then with
 * --no-create-categories every new one to the fallback category. */
static gboolean
map_categories (OutlayCli        *cli,
                Import           *import,
                OutlayImportPlan *plan,
                GError          **error)
{
  GPtrArray *matches = outlay_import_plan_get_categories (plan);

  import->fates = g_array_sized_new (FALSE, FALSE, sizeof (CategoryFate), matches->len);
  for (guint i = 0; i < matches->len; i++)
    {
      const OutlayImportCategoryMatch *match = g_ptr_array_index (matches, i);
      CategoryFate                     fate = match->category_id == 0 ? CATEGORY_NEW : CATEGORY_EXISTING;

      g_array_append_val (import->fates, fate);
    }

  for (guint i = 0; import->map_category != NULL && import->map_category[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *existing = NULL;
      g_autofree char *folded = NULL;
      g_autoptr (GString) names = g_string_new (NULL);
      OutlayCategory *category;
      gboolean        found = FALSE;

      parse_map_category (import->map_category[i], &name, &existing, NULL);
      if (!(category = outlay_cli_find_category (cli, existing, error)))
        return FALSE;

      folded = g_utf8_casefold (name, -1);
      for (guint j = 0; j < matches->len && !found; j++)
        {
          const OutlayImportCategoryMatch *match = g_ptr_array_index (matches, j);
          g_autofree char                 *other = g_utf8_casefold (match->name, -1);

          g_string_append_printf (names, "%s%s", j > 0 ? ", " : "", match->name);
          if (!g_str_equal (folded, other))
            continue;

          outlay_import_plan_map_category (plan, match->name, outlay_category_get_id (category));
          g_array_index (import->fates, CategoryFate, j) = CATEGORY_MAPPED;
          found = TRUE;
        }

      if (found)
        continue;

      if (matches->len == 0)
        g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                     _("--map-category: the file names no categories, so it has no “%s”."), name);
      else
        g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                     _("--map-category: the file has no category “%s”; it has: %s."), name, names->str);
      return FALSE;
    }

  if (import->no_create_categories)
    {
      OutlayCategory *fallback = outlay_repository_get_fallback_category (cli->repository);

      if (fallback == NULL)
        {
          g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                               _("The database has no fallback category to take the expenses of categories "
                                 "that are not created."));
          return FALSE;
        }

      import->fallback_name = g_strdup (outlay_category_get_name (fallback));
      for (guint i = 0; i < matches->len; i++)
        {
          const OutlayImportCategoryMatch *match = g_ptr_array_index (matches, i);

          if (g_array_index (import->fates, CategoryFate, i) != CATEGORY_NEW)
            continue;
          outlay_import_plan_leave_in_fallback (plan, match->name);
          g_array_index (import->fates, CategoryFate, i) = CATEGORY_FALLBACK;
        }
    }

  return TRUE;
}

/* The report */

static const char *
encoding_name (OutlayCsvEncoding encoding)
{
  switch (encoding)
    {
    case OUTLAY_CSV_ENCODING_UTF8_BOM:
      return _("UTF-8 with a byte order mark");
    case OUTLAY_CSV_ENCODING_LATIN1:
      return _("Windows-1252 (Latin-1)");
    case OUTLAY_CSV_ENCODING_UTF16:
      return _("UTF-16");
    case OUTLAY_CSV_ENCODING_UTF8:
    default:
      return _("UTF-8");
    }
}

static const char *
encoding_key (OutlayCsvEncoding encoding)
{
  switch (encoding)
    {
    case OUTLAY_CSV_ENCODING_UTF8_BOM:
      return "utf-8-bom";
    case OUTLAY_CSV_ENCODING_LATIN1:
      return "windows-1252";
    case OUTLAY_CSV_ENCODING_UTF16:
      return "utf-16";
    case OUTLAY_CSV_ENCODING_UTF8:
    default:
      return "utf-8";
    }
}

static char *
describe_delimiter (char delimiter)
{
  if (delimiter == '\t')
    return g_strdup (_("tabs"));

  return g_strdup_printf ("“%c”", delimiter);
}

static char *
describe_column (Import *import,
                 int     column)
{
  guint              n_fields = 0;
  const char *const *fields;
  g_autofree char   *name = NULL;

  if (column < 0)
    return g_strdup (_("none"));

  if (!import->mapping.has_header)
    return g_strdup_printf ("%d", column + 1);

  fields = outlay_csv_table_get_row (import->table, import->mapping.first_row, &n_fields);
  if ((guint) column >= n_fields)
    return g_strdup_printf ("%d", column + 1);

  name = g_strstrip (g_strdup (fields[column]));
  return g_strdup_printf ("%d “%s”", column + 1, name);
}

/* The line of the row of column names, or of the first expense. */
static guint
first_line (Import *import)
{
  OutlayCsvMapping *mapping = &import->mapping;

  g_assert (import->table != NULL);

  return outlay_csv_table_get_n_rows (import->table) > mapping->first_row
           ? outlay_csv_table_get_line (import->table, mapping->first_row)
           : 1;
}

static void
print_detected (Import *import)
{
  g_autoptr (OutlayCliTable) table = NULL;
  OutlayCsvMapping *mapping = &import->mapping;
  g_autofree char  *delimiter = NULL;
  g_autofree char  *pattern = NULL;
  g_autofree char  *date_format = NULL;
  g_autofree char  *header = NULL;
  char              separator[2] = { mapping->decimal_separator, '\0' };

  switch (import->format)
    {
    case OUTLAY_IMPORT_FORMAT_JSON:
      outlay_cli_print (_("Read “%s” as an Outlay JSON export.\n"), import->path);
      return;
    case OUTLAY_IMPORT_FORMAT_HOMEBANK:
      outlay_cli_print (_("Read “%s” as a HomeBank file.\n"), import->path);
      return;
    case OUTLAY_IMPORT_FORMAT_CSV:
    case OUTLAY_IMPORT_FORMAT_UNKNOWN:
    default:
      break;
    }

  delimiter = describe_delimiter (outlay_csv_table_get_delimiter (import->table));
  /* Translators: Read “bank.csv” as CSV: UTF-8, fields separated by “;”. */
  outlay_cli_print (_("Read “%s” as CSV: %s, fields separated by %s.\n"),
                    import->path, encoding_name (outlay_csv_table_get_encoding (import->table)), delimiter);
  outlay_cli_write (_("Columns and settings (correct them with these options):\n"));

  table = outlay_cli_table_new (2);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autofree char *column = describe_column (import, *mapping_column (mapping, i));

      outlay_cli_table_add (table, column_options[i], column, NULL);
    }

  pattern = outlay_csv_date_format_describe (mapping->date_format, 0);
  date_format = g_strdup_printf ("%s (%s)", date_format_name (mapping->date_format), pattern);
  outlay_cli_table_add (table, "--date-format", date_format, NULL);
  outlay_cli_table_add (table, "--decimal-separator", separator, NULL);
  if (mapping->debit_column < 0)
    {
      g_autofree char *sign = g_strdup_printf ("%s (%s)", sign_names[mapping->sign], describe_sign (mapping->sign));

      outlay_cli_table_add (table, "--sign", sign, NULL);
    }

  if (mapping->has_header)
    {
      header = g_strdup_printf (_("the column names are on line %u"), first_line (import));
      outlay_cli_table_add (table, "--header", header, NULL);
    }
  else
    {
      header = g_strdup_printf (_("no row of column names; the expenses start on line %u"), first_line (import));
      outlay_cli_table_add (table, "--no-header", header, NULL);
    }

  outlay_cli_table_print (table, "  ");
}

/* Where the expenses of a category of the file go: "Food & Drink ›
 * Restaurants" for a subcategory, as the file names its own. */
static char *
dup_target_path (OutlayCli *cli,
                 gint64     category_id)
{
  OutlayCategory *category = outlay_repository_lookup_category (cli->repository, category_id);

  if (category == NULL)
    return g_strdup (outlay_cli_category_name (cli, category_id));

  return outlay_repository_dup_category_path (cli->repository, category);
}

static void
print_categories (Import           *import,
                  OutlayImportPlan *plan,
                  OutlayCli        *cli)
{
  GPtrArray *matches = outlay_import_plan_get_categories (plan);
  g_autoptr (GString) created = g_string_new (NULL);
  g_autoptr (GString) fallback = g_string_new (NULL);
  g_autoptr (OutlayCliTable) mapped = outlay_cli_table_new (2);
  gboolean any_mapped = FALSE;

  for (guint i = 0; i < matches->len; i++)
    {
      const OutlayImportCategoryMatch *match = g_ptr_array_index (matches, i);
      g_autofree char                 *item = NULL;

      if (match->n_records == 0)
        continue;

      /* Translators: a category and how many expenses go into it: Pets (2) */
      item = g_strdup_printf (_("%s (%u)"), match->name, match->n_records);

      switch (g_array_index (import->fates, CategoryFate, i))
        {
        case CATEGORY_NEW:
          g_string_append_printf (created, "%s%s", created->len > 0 ? ", " : "", item);
          break;

        case CATEGORY_FALLBACK:
          g_string_append_printf (fallback, "%s%s", fallback->len > 0 ? ", " : "", item);
          break;

        case CATEGORY_MAPPED:
          {
            g_autofree char *path = dup_target_path (cli, match->category_id);
            g_autofree char *target = g_strdup_printf ("→ %s", path);

            outlay_cli_table_add (mapped, item, target, NULL);
            any_mapped = TRUE;
          }
          break;

        case CATEGORY_EXISTING:
        default:
          break;
        }
    }

  if (created->len > 0)
    outlay_cli_print (_("New categories: %s\n"), created->str);
  if (fallback->len > 0)
    outlay_cli_print (_("Not created, their expenses go to “%s”: %s\n"), import->fallback_name, fallback->str);
  if (any_mapped)
    {
      outlay_cli_write (_("Categories mapped:\n"));
      outlay_cli_table_print (mapped, "  ");
    }
}

static gboolean
add_left_out_issue (OutlayImportRecord *record,
                    guint               index,
                    gpointer            user_data,
                    GError            **error)
{
  OutlayImportPlan *plan = user_data;

  if (outlay_import_plan_get_action (plan, index) == OUTLAY_IMPORT_ACTION_LEFT_OUT)
    outlay_import_source_add_issue (outlay_import_plan_get_source (plan), record->line, OUTLAY_IMPORT_ISSUE_SKIPPED,
                                    "%s", _("Money received, left out: --refund imports it as a refund."));
  return TRUE;
}

static int
compare_issue_lines (gconstpointer a,
                     gconstpointer b)
{
  const OutlayImportIssue *x = *(OutlayImportIssue *const *) a;
  const OutlayImportIssue *y = *(OutlayImportIssue *const *) b;

  return (x->line > y->line) - (x->line < y->line);
}

/* The money received that was left out is reported with the other lines
 * that are not expenses, in the file's order. */
static gboolean
report_left_out (OutlayImportPlan *plan,
                 GError          **error)
{
  OutlayImportSource *source = outlay_import_plan_get_source (plan);

  if (outlay_import_plan_get_n_incoming (plan) == outlay_import_plan_get_n_refunds (plan))
    return TRUE;
  if (!outlay_import_source_foreach (source, add_left_out_issue, plan, error))
    return FALSE;
  g_ptr_array_sort (source->issues, compare_issue_lines);

  return TRUE;
}

/* “Rule 1 (description contains “rewe”): 12 lines”, for each rule that
 * files a line. */
static void
print_rules (OutlayImportPlan *plan)
{
  OutlayRuleSet *set = outlay_import_plan_get_rule_set (plan);
  g_autoptr (GArray) counts = outlay_import_plan_count_rule_lines (plan);

  for (guint i = 0; i < counts->len; i++)
    {
      guint            n = g_array_index (counts, guint, i);
      g_autofree char *condition = NULL;

      if (n == 0)
        continue;
      condition = outlay_cli_describe_rule_condition (outlay_rule_set_get_rule (set, i));
      /* Translators: Rule 1 (description contains “rewe”): 12 lines */
      outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Rule %u (%s): %u line\n", "Rule %u (%s): %u lines\n", n), i + 1,
                        condition, n);
    }
}

static void
print_report (OutlayCli                *cli,
              Import                   *import,
              OutlayImportPlan         *plan,
              const OutlayImportResult *result)
{
  OutlayImportSource *source = outlay_import_plan_get_source (plan);
  guint               n_added = outlay_import_plan_get_n_added (plan);
  guint               n_duplicates = outlay_import_plan_get_n_duplicates (plan);
  guint               n_left_out = outlay_import_plan_get_n_incoming (plan) - outlay_import_plan_get_n_refunds (plan);
  guint               n_skipped = outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_SKIPPED);
  guint               n_errors = outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_ERROR);
  guint               n_refunds = outlay_import_plan_get_n_refunds (plan);
  g_autofree char    *expenses = NULL;
  g_autofree char    *duplicates = NULL;
  g_autofree char    *skipped = NULL;
  g_autofree char    *errors = NULL;

  print_detected (import);
  outlay_cli_write ("\n");

  expenses =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expense to import", "%u expenses to import", n_added), n_added);
  duplicates =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u duplicate skipped", "%u duplicates skipped", n_duplicates),
                     n_duplicates);
  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line not an expense (such as income)",
                                          "%u lines not expenses (such as income)", n_skipped),
                             n_skipped);
  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line that cannot be read",
                                         "%u lines that cannot be read", n_errors),
                            n_errors);
  /* Translators: the four counts of an import, such as “3 expenses to
   * import”, “1 duplicate skipped”, … */
  outlay_cli_print (_("%s, %s, %s, %s.\n"), expenses, duplicates, skipped, errors);
  if (outlay_import_plan_get_n_budgets (plan) > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u budget to import.\n", "%u budgets to import.\n",
                                   outlay_import_plan_get_n_budgets (plan)),
                      outlay_import_plan_get_n_budgets (plan));
  if (outlay_import_plan_get_n_rules (plan) > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u recurring expense to import.\n",
                                   "%u recurring expenses to import.\n", outlay_import_plan_get_n_rules (plan)),
                      outlay_import_plan_get_n_rules (plan));
  if (outlay_import_plan_get_n_category_rules (plan) > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u rule to import.\n", "%u rules to import.\n",
                                   outlay_import_plan_get_n_category_rules (plan)),
                      outlay_import_plan_get_n_category_rules (plan));
  if (outlay_import_plan_get_n_rates (plan) > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u exchange rate to import.\n", "%u exchange rates to import.\n",
                                   outlay_import_plan_get_n_rates (plan)),
                      outlay_import_plan_get_n_rates (plan));
  if (outlay_import_plan_get_n_rates_kept (plan) > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                   "%u exchange rate left out: the database has one for its currencies and day.\n",
                                   "%u exchange rates left out: the database has one for their currencies and day.\n",
                                   outlay_import_plan_get_n_rates_kept (plan)),
                      outlay_import_plan_get_n_rates_kept (plan));
  if (n_refunds > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Of them, %u is money received, imported as a refund.\n",
                                   "Of them, %u are money received, imported as refunds.\n", n_refunds),
                      n_refunds);
  if (n_left_out > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                   "%u line is money received, left out; --refund imports it as a refund.\n",
                                   "%u lines are money received, left out; --refund imports them as refunds.\n",
                                   n_left_out),
                      n_left_out);

  print_categories (import, plan, cli);
  print_rules (plan);

  if (source->issues->len > 0)
    {
      outlay_cli_write (_("Lines left out:\n"));
      for (guint i = 0; i < source->issues->len; i++)
        {
          const OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

          if (issue->line > 0)
            /* Translators: line 12: “31.02.2026” is not a date (expected DD.MM.YYYY). */
            outlay_cli_print (_("  line %u: %s\n"), issue->line, issue->message);
          else
            outlay_cli_print ("  %s\n", issue->message);
        }
    }

  outlay_cli_write ("\n");
  if (result == NULL)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Would import %u expense (a dry run: nothing was written).\n",
                                   "Would import %u expenses (a dry run: nothing was written).\n", n_added),
                      n_added);
  else
    {
      outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u expense.\n", "Imported %u expenses.\n",
                                     result->n_added),
                        result->n_added);
      if (result->backup_path != NULL)
        outlay_cli_print (_("The database as it was before is saved in “%s”.\n"), result->backup_path);
    }
}

static void
json_csv (JsonBuilder *builder,
          Import      *import)
{
  OutlayCsvMapping *mapping = &import->mapping;
  char              text[2] = { outlay_csv_table_get_delimiter (import->table), '\0' };

  g_assert (import->format == OUTLAY_IMPORT_FORMAT_CSV);

  outlay_cli_json_begin_object (builder, "csv");
  outlay_cli_json_add_string (builder, "encoding", encoding_key (outlay_csv_table_get_encoding (import->table)));
  outlay_cli_json_add_string (builder, "delimiter", text);
  outlay_cli_json_add_bool (builder, "header", mapping->has_header);
  outlay_cli_json_add_int (builder, "first_line", first_line (import));
  outlay_cli_json_begin_object (builder, "columns");
  for (guint i = 0; i < N_COLUMNS; i++)
    outlay_cli_json_add_positive (builder, column_keys[i], *mapping_column (mapping, i) + 1);
  json_builder_end_object (builder);
  outlay_cli_json_add_string (builder, "date_format", date_format_name (mapping->date_format));
  text[0] = mapping->decimal_separator;
  outlay_cli_json_add_string (builder, "decimal_separator", text);
  outlay_cli_json_add_string (builder, "sign", sign_names[mapping->sign]);
  json_builder_end_object (builder);
}

typedef struct
{
  OutlayImportPlan *plan;
  JsonBuilder      *builder;
} JsonLines;

static gboolean
json_line (OutlayImportRecord *record,
           guint               index,
           gpointer            user_data,
           GError            **error)
{
  JsonLines *lines = user_data;
  int        rule;

  if (outlay_import_plan_get_action (lines->plan, index) != OUTLAY_IMPORT_ACTION_ADD)
    return TRUE;

  rule = outlay_import_plan_get_record_rule (lines->plan, index);
  outlay_cli_json_begin_object (lines->builder, NULL);
  outlay_cli_json_add_positive (lines->builder, "line", record->line);
  outlay_cli_json_add_positive (lines->builder, "rule", rule + 1);
  json_builder_end_object (lines->builder);
  return TRUE;
}

/* "lines": each line to import and the rule that filed it; "rules": how
 * many lines each rule filed. */
static void
json_rules (JsonBuilder      *builder,
            OutlayImportPlan *plan)
{
  OutlayRuleSet *set = outlay_import_plan_get_rule_set (plan);
  g_autoptr (GArray) counts = outlay_import_plan_count_rule_lines (plan);
  JsonLines lines = { plan, builder };

  outlay_cli_json_begin_array (builder, "lines");
  outlay_import_source_foreach (outlay_import_plan_get_source (plan), json_line, &lines, NULL);
  json_builder_end_array (builder);

  outlay_cli_json_begin_array (builder, "rules");
  for (guint i = 0; i < counts->len; i++)
    {
      if (g_array_index (counts, guint, i) == 0)
        continue;
      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_int (builder, "rule", i + 1);
      outlay_cli_json_add_string (builder, "uuid", outlay_category_rule_get_uuid (outlay_rule_set_get_rule (set, i)));
      outlay_cli_json_add_int (builder, "lines", g_array_index (counts, guint, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json_report (OutlayCli                *cli,
                   Import                   *import,
                   OutlayImportPlan         *plan,
                   const OutlayImportResult *result)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  OutlayImportSource *source = outlay_import_plan_get_source (plan);
  GPtrArray          *matches = outlay_import_plan_get_categories (plan);

  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_add_string (builder, "file", import->path);
  outlay_cli_json_add_string (builder, "format", format_names[import->format]);
  outlay_cli_json_add_bool (builder, "dry_run", result == NULL);

  if (import->format == OUTLAY_IMPORT_FORMAT_CSV)
    json_csv (builder, import);
  else
    outlay_cli_json_add_string (builder, "csv", NULL);

  outlay_cli_json_add_int (builder, "to_import", outlay_import_plan_get_n_added (plan));
  outlay_cli_json_add_int (builder, "duplicates", outlay_import_plan_get_n_duplicates (plan));
  outlay_cli_json_add_int (builder, "not_expenses",
                           outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_SKIPPED));
  outlay_cli_json_add_int (builder, "unreadable",
                           outlay_import_source_count_issues (source, OUTLAY_IMPORT_ISSUE_ERROR));
  outlay_cli_json_add_int (builder, "incoming", outlay_import_plan_get_n_incoming (plan));
  outlay_cli_json_add_int (builder, "refunds", outlay_import_plan_get_n_refunds (plan));
  outlay_cli_json_add_int (builder, "budgets", outlay_import_plan_get_n_budgets (plan));
  outlay_cli_json_add_int (builder, "recurring", outlay_import_plan_get_n_rules (plan));
  outlay_cli_json_add_int (builder, "category_rules", outlay_import_plan_get_n_category_rules (plan));
  outlay_cli_json_add_int (builder, "rates", outlay_import_plan_get_n_rates (plan));
  outlay_cli_json_add_int (builder, "rates_kept", outlay_import_plan_get_n_rates_kept (plan));

  outlay_cli_json_begin_array (builder, "categories");
  for (guint i = 0; i < matches->len; i++)
    {
      const OutlayImportCategoryMatch *match = g_ptr_array_index (matches, i);
      g_autofree char                 *path = NULL;

      if (match->n_records == 0)
        continue;

      path = match->category_id != 0 ? dup_target_path (cli, match->category_id) : NULL;
      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "name", match->name);
      outlay_cli_json_add_string (builder, "category", path);
      outlay_cli_json_add_positive (builder, "category_id", match->category_id);
      outlay_cli_json_add_bool (builder, "new", g_array_index (import->fates, CategoryFate, i) == CATEGORY_NEW);
      outlay_cli_json_add_int (builder, "expenses", match->n_records);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  outlay_cli_json_begin_array (builder, "issues");
  for (guint i = 0; i < source->issues->len; i++)
    {
      const OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_positive (builder, "line", issue->line);
      outlay_cli_json_add_string (builder, "kind",
                                  issue->kind == OUTLAY_IMPORT_ISSUE_SKIPPED ? "not_expense" : "unreadable");
      outlay_cli_json_add_string (builder, "message", issue->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_rules (builder, plan);

  outlay_cli_json_add_int (builder, "imported", result != NULL ? result->n_added : 0);
  outlay_cli_json_add_int (builder, "categories_created", result != NULL ? result->n_categories_created : 0);
  outlay_cli_json_add_string (builder, "backup", result != NULL ? result->backup_path : NULL);
  json_builder_end_object (builder);
  outlay_cli_json_print (builder);
}

#define IMPORT_JSON_HELP \
  "  {\n" \
  "    \"file\": \"bank.csv\",\n" \
  "    \"format\": \"csv\",\n" \
  "    \"dry_run\": false,\n" \
  "    \"csv\": {\n" \
  "      \"encoding\": \"utf-8\",\n" \
  "      \"delimiter\": \";\",\n" \
  "      \"header\": true,\n" \
  "      \"first_line\": 1,\n" \
  "      \"columns\": { \"date\": 1, \"amount\": 4, \"description\": 3, \"category\": null, … },\n" \
  "      \"date_format\": \"dmy\",\n" \
  "      \"decimal_separator\": \",\",\n" \
  "      \"sign\": \"negative\"\n" \
  "    },\n" \
  "    \"to_import\": 3,\n" \
  "    \"duplicates\": 1,\n" \
  "    \"not_expenses\": 1,\n" \
  "    \"unreadable\": 1,\n" \
  "    \"incoming\": 1,\n" \
  "    \"refunds\": 0,\n" \
  "    \"budgets\": 0,\n" \
  "    \"categories\": [\n" \
  "      { \"name\": \"Pets\", \"category\": \"Pets\", \"category_id\": 11, \"new\": true, \"expenses\": 2 }\n" \
  "    ],\n" \
  "    \"issues\": [\n" \
  "      { \"line\": 5, \"kind\": \"unreadable\", \"message\": \"“31.02.2026” is not a date (expected DD.MM.YYYY).\" " \
  "}\n" \
  "    ],\n" \
  "    \"lines\": [ { \"line\": 2, \"rule\": 1 }, { \"line\": 3, \"rule\": null }, … ],\n" \
  "    \"rules\": [ { \"rule\": 1, \"uuid\": \"…\", \"lines\": 1 } ],\n" \
  "    \"imported\": 3,\n" \
  "    \"categories_created\": 1,\n" \
  "    \"backup\": \"/home/me/.local/share/outlay/backups/outlay-20240305-101500.db\"\n" \
  "  }\n"

gboolean
outlay_cli_import (OutlayCli *cli,
                   char     **argv,
                   GError   **error)
{
  g_auto (Import) import = { 0 };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_FILENAME, &import.format_text,
      N_("csv, json (Outlay’s export) or homebank (default: from FILE’s extension, else from its content)"),
      N_("FORMAT") },
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &import.currency_text,
      N_("The currency of the amounts that name none (default: as for “outlay add”)"), N_("CODE") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &import.dry_run, N_("Report what would be imported, and write nothing"),
      NULL },
    { "refund", 0, 0, G_OPTION_ARG_NONE, &import.refunds,
      N_("Import the money received (a statement’s incoming lines) as refunds, which lower what was spent, "
         "instead of leaving it out"),
      NULL },
    { "map-category", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &import.map_category,
      N_("Put the expenses of a category of the file into an existing one; repeat it for several"),
      N_("NAME=EXISTING") },
    { "no-create-categories", 0, 0, G_OPTION_ARG_NONE, &import.no_create_categories,
      N_("Put the expenses of categories Outlay does not have into the fallback category (“Other”) instead of "
         "creating them"),
      NULL },
    { "date-column", 0, 0, G_OPTION_ARG_FILENAME, &import.columns[COLUMN_DATE],
      N_("CSV: the column of the dates, by number (from 1) or name"), N_("N|NAME") },
    { "amount-column", 0, 0, G_OPTION_ARG_FILENAME, &import.columns[COLUMN_AMOUNT],
      N_("CSV: the column of the amounts"), N_("N|NAME") },
    { "description-column", 0, 0, G_OPTION_ARG_FILENAME, &import.columns[COLUMN_DESCRIPTION],
      N_("CSV: the column of the descriptions, or none"), N_("N|NAME") },
    { "category-column", 0, 0, G_OPTION_ARG_FILENAME, &import.columns[COLUMN_CATEGORY],
      N_("CSV: the column of the categories, or none"), N_("N|NAME") },
    { "note-column", 0, 0, G_OPTION_ARG_FILENAME, &import.columns[COLUMN_NOTE],
      N_("CSV: the column of the notes, or none"), N_("N|NAME") },
    { "currency-column", 0, 0, G_OPTION_ARG_FILENAME, &import.columns[COLUMN_CURRENCY],
      N_("CSV: the column of the currency codes, or none"), N_("N|NAME") },
    { "debit-column", 0, 0, G_OPTION_ARG_FILENAME, &import.columns[COLUMN_DEBIT],
      N_("CSV: the column of the money spent, when debits and credits have columns of their own"), N_("N|NAME") },
    { "credit-column", 0, 0, G_OPTION_ARG_FILENAME, &import.columns[COLUMN_CREDIT],
      N_("CSV: the column of the money received (left out)"), N_("N|NAME") },
    { "mark-column", 0, 0, G_OPTION_ARG_FILENAME, &import.columns[COLUMN_MARK],
      N_("CSV: the column that marks each amount as a debit or a credit (S/H, D/C, DR/CR), or none"), N_("N|NAME") },
    { "date-format", 0, 0, G_OPTION_ARG_FILENAME, &import.date_format_text,
      N_("CSV: iso (2024-03-05), dmy (05.03.2024, 05/03/2024), mdy (03/05/2024) or ymd (2024/03/05)"), N_("FORMAT") },
    { "decimal-separator", 0, 0, G_OPTION_ARG_FILENAME, &import.decimal_text, N_("CSV: . or ,"), N_("CHAR") },
    { "sign", 0, 0, G_OPTION_ARG_FILENAME, &import.sign_text,
      N_("CSV: which amounts are expenses: negative (a bank statement), positive (a list of expenses), all, or "
         "refunds (positive amounts are expenses, negative ones refunds, as Outlay exports them)"),
      N_("WHICH") },
    { "header", 0, 0, G_OPTION_ARG_NONE, &import.header, N_("CSV: the first row holds the column names"), NULL },
    { "no-header", 0, 0, G_OPTION_ARG_NONE, &import.no_header, N_("CSV: the first row is an expense already"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayImportLoader) loader = NULL;
  g_autoptr (GError) read_error = NULL;
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  OutlayImportSource *source;
  const char         *csv_option;
  gboolean            created = FALSE;
  gboolean            done;

  context =
    outlay_cli_context_new (cli, _("FILE"),
                            _("Imports the expenses of a CSV file (from a bank, a spreadsheet or another app), "
                              "a HomeBank file (.xhb) or an export of Outlay (.json). It reports what it found: "
                              "the format and, for CSV, the columns it took for what (correct them with the "
                              "options), how many expenses it adds, the duplicates of expenses the database "
                              "already has, which it skips, and every line it leaves out with the reason. "
                              "Categories the database does not have are created. The import is one "
                              "transaction, after a backup copy of the database; importing the same file "
                              "again adds nothing."),
                            _("Examples:\n"
                              "  outlay import statement.csv --dry-run\n"
                              "  outlay import statement.csv --date-column Buchungstag --amount-column 4 "
                              "--date-format dmy\n"
                              "  outlay import expenses.csv --sign positive --map-category 'Lebensmittel=Groceries'\n"
                              "  outlay import ~/homebank/budget.xhb --no-create-categories\n"
                              "  outlay import outlay-export.json\n"
                              "\n"
                              "The exit status is 0 when the import (or the dry run) went through, even with lines "
                              "left out; 1 when nothing could be read or nothing could be written, and then "
                              "the database is unchanged.\n"
                              "\n"
                              "With --json, the report as an object (column numbers count from 1):\n"),
                            IMPORT_JSON_HELP, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, 1, _("Give the file to import."), error) ||
      (import.format_text != NULL && !parse_format (import.format_text, &import.format, error)) ||
      !check_csv_options (&import, error))
    return FALSE;

  for (guint i = 0; import.map_category != NULL && import.map_category[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *existing = NULL;

      if (!parse_map_category (import.map_category[i], &name, &existing, error))
        return FALSE;
    }

  if (import.currency_text != NULL)
    {
      if (!outlay_cli_parse_currency (import.currency_text, &import.currency, error))
        return FALSE;
    }
  else
    import.currency = outlay_cli_dup_default_currency (cli);

  import.path = g_strdup (args[1]);

  loader = outlay_import_loader_new (import.currency);
  outlay_import_loader_set_format (loader, import.format);
  if (!outlay_import_loader_read (loader, import.path, &read_error))
    {
      if (g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                     _("Cannot import “%s”: there is no such file."), import.path);
      else
        g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED, read_error->message);
      return FALSE;
    }

  import.format = outlay_import_loader_get_format (loader);

  csv_option = first_csv_option (&import);
  if (import.format != OUTLAY_IMPORT_FORMAT_CSV && csv_option != NULL)
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("%s is for CSV files, and “%s” is read as %s."),
                   csv_option, import.path, format_names[import.format]);
      return FALSE;
    }

  /* Everything is read before the database is opened: a file that cannot
   * be imported never creates one. */
  source = read_source (&import, loader, error);
  if (source == NULL)
    return FALSE;
  g_clear_object (&loader);

  if (!open_database (cli, &import, &created, error))
    {
      outlay_import_source_free (source);
      return FALSE;
    }

  done = (plan = outlay_import_plan_new (cli->repository, source, import.currency, error)) != NULL &&
         map_categories (cli, &import, plan, error);
  if (done && import.refunds)
    outlay_import_plan_take_refunds (plan, TRUE);
  done = done && report_left_out (plan, error) &&
         (import.dry_run || (result = outlay_importer_apply (cli->repository, plan, error)) != NULL);

  /* The copy made before the import counts against the backups kept;
   * failing to delete an old one is no reason to fail the import. */
  if (done && result != NULL && result->backup_path != NULL)
    outlay_cli_prune_backups (cli);

  if (!done)
    {
      remove_scratch (cli, &import);
      /* Leave no new, empty database behind either. */
      if (created)
        outlay_cli_remove_database (cli);
      return FALSE;
    }

  if (cli->json)
    print_json_report (cli, &import, plan, result);
  else
    print_report (cli, &import, plan, result);

  g_clear_pointer (&plan, outlay_import_plan_free);
  remove_scratch (cli, &import);
  return TRUE;
}
