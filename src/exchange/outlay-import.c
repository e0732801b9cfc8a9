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

#include <string.h>

#include "outlay-import.h"

/* The size of the blocks the records' strings are stored in. */
#define STRING_CHUNK_SIZE (64 * 1024)

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
  g_free (info->icon_name);
  g_free (info->color);
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

  return source;
}

void
outlay_import_source_free (OutlayImportSource *source)
{
  if (source == NULL)
    return;

  g_ptr_array_unref (source->records);
  g_string_chunk_free (source->strings);
  g_ptr_array_unref (source->issues);
  g_ptr_array_unref (source->categories);
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

void
outlay_import_source_add_category (OutlayImportSource *source,
                                   const char         *name,
                                   const char         *icon_name,
                                   const char         *color,
                                   gboolean            fallback)
{
  OutlayImportCategoryInfo *info;

  g_return_if_fail (source != NULL);
  g_return_if_fail (name != NULL);

  info = g_new0 (OutlayImportCategoryInfo, 1);
  info->name = g_strdup (name);
  info->icon_name = g_strdup (icon_name);
  info->color = g_strdup (color);
  info->fallback = fallback;
  g_ptr_array_add (source->categories, info);
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
