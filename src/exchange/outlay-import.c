/* outlay-import.c
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

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "outlay-import.h"

/* The size of the blocks the records' strings are stored in. */
#define STRING_CHUNK_SIZE (64 * 1024)

/* The records set aside: each is its line, amount and amount charged, then its strings,
 * each as a length (NO_STRING for none) and its bytes, in the order of
 * string_fields. The file is this process's own and unlinked, so nothing
 * is left of it once the source is freed, or if the process dies. */
struct _OutlayImportSpool
{
  FILE       *file;
  GByteArray *buffer; /* a record's strings while it is read back */
  int         error;  /* the errno of a failed write, or 0 */
};

#define NO_STRING G_MAXUINT32

static const gsize string_fields[] = {
  G_STRUCT_OFFSET (OutlayImportRecord, date),
  G_STRUCT_OFFSET (OutlayImportRecord, currency),
  G_STRUCT_OFFSET (OutlayImportRecord, description),
  G_STRUCT_OFFSET (OutlayImportRecord, note),
  G_STRUCT_OFFSET (OutlayImportRecord, category),
  G_STRUCT_OFFSET (OutlayImportRecord, uuid),
  G_STRUCT_OFFSET (OutlayImportRecord, created_at),
  G_STRUCT_OFFSET (OutlayImportRecord, updated_at),
  G_STRUCT_OFFSET (OutlayImportRecord, deleted_at),
  G_STRUCT_OFFSET (OutlayImportRecord, import_hash),
  G_STRUCT_OFFSET (OutlayImportRecord, rule_uuid),
  G_STRUCT_OFFSET (OutlayImportRecord, scheduled_on),
  G_STRUCT_OFFSET (OutlayImportRecord, charged_currency),
};

#define STRING_FIELD(record, i) G_STRUCT_MEMBER (char *, record, string_fields[i])

/* How much of a file is looked at to tell its format. */
#define SNIFF_LENGTH 4096

OutlayImportRecord *
outlay_import_record_new (void)
{
  OutlayImportRecord *record = g_new0 (OutlayImportRecord, 1);

  record->description = g_strdup ("");

  return record;
}

void
outlay_import_record_free (OutlayImportRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->date);
  g_free (record->currency);
  g_free (record->description);
  g_free (record->note);
  g_free (record->category);
  g_free (record->uuid);
  g_free (record->created_at);
  g_free (record->updated_at);
  g_free (record->deleted_at);
  g_free (record->import_hash);
  g_free (record->rule_uuid);
  g_free (record->scheduled_on);
  g_free (record->charged_currency);
  g_free (record);
}

static void
outlay_import_issue_free (OutlayImportIssue *issue)
{
  g_free (issue->message);
  g_free (issue);
}

static void
outlay_import_category_info_free (OutlayImportCategoryInfo *info)
{
  g_free (info->name);
  g_free (info->parent);
  g_free (info->icon_name);
  g_free (info->color);
  g_free (info->uuid);
  g_free (info->created_at);
  g_free (info->updated_at);
  g_free (info);
}

OutlayImportSource *
outlay_import_source_new (void)
{
  OutlayImportSource *source = g_new0 (OutlayImportSource, 1);

  /* The records' strings are in @strings. */
  source->records = g_ptr_array_new_with_free_func (g_free);
  source->strings = g_string_chunk_new (STRING_CHUNK_SIZE);
  source->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_issue_free);
  source->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_category_info_free);
  source->budgets = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_budget_free);
  source->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_rule_free);
  source->category_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_category_rule_free);
  source->rates = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_rate_free);

  return source;
}

OutlayImportRule *
outlay_import_rule_new (void)
{
  OutlayImportRule *rule = g_new0 (OutlayImportRule, 1);

  rule->rule = outlay_recurring_rule_new ();
  rule->exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_rule_exception_free);
  return rule;
}

void
outlay_import_rule_free (OutlayImportRule *rule)
{
  if (rule == NULL)
    return;

  g_clear_object (&rule->rule);
  g_free (rule->category_name);
  g_ptr_array_unref (rule->exceptions);
  g_free (rule);
}

void
outlay_import_rule_exception_free (OutlayImportRuleException *exception)
{
  if (exception == NULL)
    return;

  g_free (exception->uuid);
  g_free (exception->scheduled_on);
  g_free (exception->occurs_on);
  g_free (exception->created_at);
  g_free (exception->updated_at);
  g_free (exception->deleted_at);
  g_free (exception);
}

OutlayImportBudgetRow *
outlay_import_budget_row_new (void)
{
  return g_new0 (OutlayImportBudgetRow, 1);
}

void
outlay_import_budget_row_free (OutlayImportBudgetRow *row)
{
  if (row == NULL)
    return;

  g_free (row->uuid);
  g_free (row->period_start);
  g_free (row->created_at);
  g_free (row->updated_at);
  g_free (row->deleted_at);
  g_free (row);
}

OutlayImportBudget *
outlay_import_budget_new (void)
{
  OutlayImportBudget *budget = g_new0 (OutlayImportBudget, 1);

  budget->budget = outlay_budget_new ();
  budget->category_names = g_new0 (char *, 1);
  budget->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_budget_row_free);
  budget->alerts_given = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_import_budget_row_free);

  return budget;
}

void
outlay_import_budget_free (OutlayImportBudget *budget)
{
  if (budget == NULL)
    return;

  g_clear_object (&budget->budget);
  g_strfreev (budget->category_names);
  g_ptr_array_unref (budget->overrides);
  g_ptr_array_unref (budget->alerts_given);
  g_free (budget);
}

static void
spool_free (OutlayImportSpool *spool)
{
  if (spool->file != NULL)
    fclose (spool->file);
  g_byte_array_unref (spool->buffer);
  g_free (spool);
}

/* In the user's cache rather than in /tmp, which is often memory. */
static FILE *
open_spool_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "outlay", NULL);
  g_autofree char *path = g_build_filename (dir, "import-XXXXXX", NULL);
  FILE            *file;
  int              fd = -1;

  if (g_mkdir_with_parents (dir, 0700) == 0)
    fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return tmpfile ();

  g_unlink (path);
  file = fdopen (fd, "w+");
  if (file == NULL)
    close (fd);

  return file;
}

static gboolean
spool_write (OutlayImportSpool  *spool,
             OutlayImportRecord *record)
{
  guint32 line = record->line;
  guint8  incoming = record->incoming ? 1 : 0;

  if (fwrite (&line, sizeof line, 1, spool->file) != 1 ||
      fwrite (&record->amount, sizeof record->amount, 1, spool->file) != 1 ||
      fwrite (&record->charged_amount, sizeof record->charged_amount, 1, spool->file) != 1 ||
      fwrite (&incoming, sizeof incoming, 1, spool->file) != 1)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      const char *text = STRING_FIELD (record, i);
      gsize       length = text != NULL ? strlen (text) : 0;
      guint32     stored = text != NULL ? (guint32) MIN (length, NO_STRING - 1) : NO_STRING;

      if (fwrite (&stored, sizeof stored, 1, spool->file) != 1 ||
          (stored != NO_STRING && stored > 0 && fwrite (text, 1, stored, spool->file) != stored))
        return FALSE;
    }

  return TRUE;
}

/* Fills @record with the next record; its strings are in the spool's
 * buffer until the next call. */
static gboolean
spool_read (OutlayImportSpool  *spool,
            OutlayImportRecord *record)
{
  guint32 offsets[G_N_ELEMENTS (string_fields)];
  guint32 line;
  guint8  incoming;

  memset (record, 0, sizeof *record);
  if (fread (&line, sizeof line, 1, spool->file) != 1 ||
      fread (&record->amount, sizeof record->amount, 1, spool->file) != 1 ||
      fread (&record->charged_amount, sizeof record->charged_amount, 1, spool->file) != 1 ||
      fread (&incoming, sizeof incoming, 1, spool->file) != 1)
    return FALSE;
  record->line = line;
  record->incoming = incoming != 0;

  g_byte_array_set_size (spool->buffer, 0);
  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      guint32 length;

      if (fread (&length, sizeof length, 1, spool->file) != 1)
        return FALSE;
      offsets[i] = length != NO_STRING ? spool->buffer->len : NO_STRING;
      if (length == NO_STRING)
        continue;

      g_byte_array_set_size (spool->buffer, spool->buffer->len + length + 1);
      if (length > 0 && fread (spool->buffer->data + offsets[i], 1, length, spool->file) != length)
        return FALSE;
      spool->buffer->data[offsets[i] + length] = '\0';
    }

  /* Only now: the buffer may have moved while it grew. */
  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    STRING_FIELD (record, i) = offsets[i] != NO_STRING ? (char *) spool->buffer->data + offsets[i] : NULL;

  return TRUE;
}

void
outlay_import_source_free (OutlayImportSource *source)
{
  if (source == NULL)
    return;

  g_clear_pointer (&source->spool, spool_free);
  g_free (source->currency);
  g_ptr_array_unref (source->records);
  g_string_chunk_free (source->strings);
  g_ptr_array_unref (source->issues);
  g_ptr_array_unref (source->categories);
  g_ptr_array_unref (source->budgets);
  g_ptr_array_unref (source->rules);
  g_ptr_array_unref (source->category_rules);
  g_ptr_array_unref (source->rates);
  g_free (source);
}

static void
move_string (OutlayImportSource *source,
             char              **string,
             gboolean            repeats)
{
  char *own = *string;

  if (own == NULL)
    return;

  *string = repeats ? g_string_chunk_insert_const (source->strings, own) : g_string_chunk_insert (source->strings, own);
  g_free (own);
}

void
outlay_import_source_add_record (OutlayImportSource *source,
                                 OutlayImportRecord *record)
{
  g_return_if_fail (source != NULL);
  g_return_if_fail (record != NULL);

  source->n_records++;
  if (source->records->len >= OUTLAY_IMPORT_N_HELD)
    {
      if (source->spool == NULL)
        {
          source->spool = g_new0 (OutlayImportSpool, 1);
          source->spool->buffer = g_byte_array_new ();
          source->spool->file = open_spool_file ();
          if (source->spool->file == NULL)
            source->spool->error = errno != 0 ? errno : EIO;
        }
      /* The first failure is kept for outlay_import_source_foreach(). */
      if (source->spool->error == 0 && !spool_write (source->spool, record))
        source->spool->error = errno != 0 ? errno : EIO;
      outlay_import_record_free (record);
      return;
    }

  /* A million records of a few strings each: each string stored once,
   * without malloc's overhead. Dates, currencies, categories, notes and
   * descriptions repeat; uuids, times and hashes do not. */
  move_string (source, &record->date, TRUE);
  move_string (source, &record->currency, TRUE);
  move_string (source, &record->description, TRUE);
  move_string (source, &record->note, TRUE);
  move_string (source, &record->category, TRUE);
  move_string (source, &record->uuid, FALSE);
  move_string (source, &record->created_at, FALSE);
  move_string (source, &record->updated_at, FALSE);
  move_string (source, &record->deleted_at, FALSE);
  move_string (source, &record->import_hash, FALSE);
  move_string (source, &record->rule_uuid, TRUE);
  move_string (source, &record->scheduled_on, TRUE);
  move_string (source, &record->charged_currency, TRUE);

  g_ptr_array_add (source->records, record);
}

void
outlay_import_source_add_issue (OutlayImportSource   *source,
                                guint                 line,
                                OutlayImportIssueKind kind,
                                const char           *format,
                                ...)
{
  OutlayImportIssue *issue;
  va_list            args;

  g_return_if_fail (source != NULL);
  g_return_if_fail (format != NULL);

  issue = g_new0 (OutlayImportIssue, 1);
  issue->line = line;
  issue->kind = kind;
  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (source->issues, issue);
}

guint
outlay_import_source_get_n_records (OutlayImportSource *source)
{
  g_return_val_if_fail (source != NULL, 0);

  return source->n_records;
}

static void
set_spool_error (GError **error,
                 int      saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("The file’s expenses could not be set aside while they are checked: %s"),
               g_strerror (saved_errno));
}

gboolean
outlay_import_source_foreach (OutlayImportSource    *source,
                              OutlayImportRecordFunc func,
                              gpointer               user_data,
                              GError               **error)
{
  OutlayImportSpool *spool;
  gboolean           ok = TRUE;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  spool = source->spool;
  if (spool != NULL && spool->error != 0)
    {
      set_spool_error (error, spool->error);
      return FALSE;
    }

  for (guint i = 0; i < source->records->len; i++)
    {
      if (!func (g_ptr_array_index (source->records, i), i, user_data, error))
        return FALSE;
    }

  if (spool == NULL)
    return TRUE;

  errno = 0;
  if (fflush (spool->file) != 0 || fseek (spool->file, 0, SEEK_SET) != 0)
    {
      set_spool_error (error, errno != 0 ? errno : EIO);
      return FALSE;
    }

  for (guint i = source->records->len; ok && i < source->n_records; i++)
    {
      OutlayImportRecord record;

      errno = 0;
      if (!spool_read (spool, &record))
        {
          set_spool_error (error, errno != 0 ? errno : EIO);
          ok = FALSE;
        }
      else
        ok = func (&record, i, user_data, error);
    }

  /* Whatever is added later goes after what is there. */
  if (fseek (spool->file, 0, SEEK_END) != 0 && ok)
    {
      set_spool_error (error, errno != 0 ? errno : EIO);
      ok = FALSE;
    }

  return ok;
}

guint
outlay_import_source_count_issues (OutlayImportSource   *source,
                                   OutlayImportIssueKind kind)
{
  guint count = 0;

  g_return_val_if_fail (source != NULL, 0);

  for (guint i = 0; i < source->issues->len; i++)
    {
      OutlayImportIssue *issue = g_ptr_array_index (source->issues, i);

      if (issue->kind == kind)
        count++;
    }

  return count;
}

/**
 * outlay_import_source_add_category:
 * @parent: (nullable): the name of the category it is under
 *
 * Returns: (transfer none): the category added, for the fields it has
 *   besides these
 */
OutlayImportCategoryInfo *
outlay_import_source_add_category (OutlayImportSource *source,
                                   const char         *parent,
                                   const char         *name,
                                   const char         *icon_name,
                                   const char         *color,
                                   gboolean            fallback)
{
  OutlayImportCategoryInfo *info;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  info = g_new0 (OutlayImportCategoryInfo, 1);
  info->name = g_strdup (name);
  info->parent = g_strdup (parent);
  info->icon_name = g_strdup (icon_name);
  info->color = g_strdup (color);
  info->fallback = fallback;
  g_ptr_array_add (source->categories, info);

  return info;
}

char *
outlay_import_category_path (const char *parent,
                             const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (parent == NULL)
    return g_strdup (name);

  return g_strconcat (parent, OUTLAY_IMPORT_PATH_SEPARATOR, name, NULL);
}

/* "›" is in no name a person gives a category by accident; ":" is (a
 * colon in "Tax: 2024"), so it does not split here. */
gboolean
outlay_import_split_category_path (const char *path,
                                   char      **parent,
                                   char      **name)
{
  const char      *split;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  split = strstr (path, "\xe2\x80\xba");
  if (split == NULL)
    return FALSE;

  head = g_strstrip (g_strndup (path, split - path));
  tail = g_strstrip (g_strdup (split + strlen ("\xe2\x80\xba")));
  if (*head == '\0' || *tail == '\0')
    return FALSE;

  *parent = g_steal_pointer (&head);
  *name = g_steal_pointer (&tail);
  return TRUE;
}

OutlayImportFormat
outlay_import_format_from_name (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, OUTLAY_IMPORT_FORMAT_UNKNOWN);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") || g_str_has_suffix (lower, ".txt"))
    return OUTLAY_IMPORT_FORMAT_CSV;
  if (g_str_has_suffix (lower, ".json"))
    return OUTLAY_IMPORT_FORMAT_JSON;
  if (g_str_has_suffix (lower, ".xhb"))
    return OUTLAY_IMPORT_FORMAT_HOMEBANK;

  return OUTLAY_IMPORT_FORMAT_UNKNOWN;
}

OutlayImportFormat
outlay_import_format_from_content (const char *data,
                                   gsize       length)
{
  gsize       n = MIN (length, SNIFF_LENGTH);
  const char *p = data;
  const char *end = data + n;

  g_return_val_if_fail (data != NULL || length == 0, OUTLAY_IMPORT_FORMAT_CSV);

  if (n >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;

  if (p < end && *p == '{')
    return OUTLAY_IMPORT_FORMAT_JSON;
  if (p < end && *p == '<' && g_strstr_len (p, end - p, "<homebank") != NULL)
    return OUTLAY_IMPORT_FORMAT_HOMEBANK;

  return OUTLAY_IMPORT_FORMAT_CSV;
}
