/* outlay-sync-segment.c
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

/* The folder's format. Each device writes only under its own folder,
 * Outlay/<ledger uuid>/<device id>/: numbered segments of changes, one a
 * line, and device.json (its name, data format, when it last wrote and how
 * far it read the others). A line is a JSON object:
 *
 *   {"h":112109971046400000,"t":"expenses","r":"5b9e…","c":"amount","v":450,"s":"9f86d081884c7d65"}
 *
 * h the change's hybrid logical clock, t r c its table, row uuid and column
 * ("*" a row with all its columns as an object in v, "-" a row removed for
 * good), v the value, and s the first 16 hex digits of the SHA-256 of the
 * line up to before ,"s": so that a line half copied by a sync program is
 * told from a whole one and read again later. A segment is written under a
 * temporary name, flushed and renamed: a reader sees it whole or not. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "outlay-sync-private.h"
#include "outlay-uuid.h"

#define SUM_LENGTH 16
#define SUM_KEY    ",\"s\":\""

void
outlay_sync_change_free (OutlaySyncChange *change)
{
  g_free (change->table);
  g_free (change->row);
  g_free (change->column);
  g_clear_pointer (&change->value, json_node_unref);
  g_free (change);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* Appends one line for a change whose value is column @value_index of
 * @stmt's current row (an object's JSON text for "*"). */
void
outlay_sync_line_append (GString      *out,
                         gint64        hlc,
                         const char   *table,
                         const char   *row,
                         const char   *column,
                         sqlite3_stmt *stmt,
                         int           value_index)
{
  gsize            start = out->len;
  g_autofree char *sum = NULL;

  g_string_append_printf (out, "{\"h\":%" G_GINT64_FORMAT ",\"t\":", hlc);
  append_string (out, table);
  g_string_append (out, ",\"r\":");
  append_string (out, row);
  g_string_append (out, ",\"c\":");
  append_string (out, column);
  g_string_append (out, ",\"v\":");

  switch (sqlite3_column_type (stmt, value_index))
    {
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%lld", (long long) sqlite3_column_int64 (stmt, value_index));
      break;
    case SQLITE_FLOAT:
      g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, value_index));
      break;
    case SQLITE_TEXT:
      if (g_str_equal (column, "*"))
        g_string_append (out, (const char *) sqlite3_column_text (stmt, value_index));
      else
        append_string (out, (const char *) sqlite3_column_text (stmt, value_index));
      break;
    default:
      g_string_append (out, "null");
      break;
    }

  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) out->str + start, out->len - start);
  g_string_append (out, SUM_KEY);
  g_string_append_len (out, sum, SUM_LENGTH);
  g_string_append (out, "\"}\n");
}

static gboolean
is_string (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A line (without its newline) read back, or NULL when it is not whole:
 * its sum does not match, or it is not the object a change is. */
OutlaySyncChange *
outlay_sync_line_parse (const char *line,
                        gsize       length)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (OutlaySyncChange) change = NULL;
  g_autofree char *sum = NULL;
  const char      *mark = NULL;
  JsonObject      *object;
  JsonNode        *root;
  JsonNode        *hlc;

  /* The last ,"s":" of the line: a value may hold the same text. */
  for (const char *p = line; p + strlen (SUM_KEY) <= line + length; p++)
    if (memcmp (p, SUM_KEY, strlen (SUM_KEY)) == 0)
      mark = p;

  if (mark == NULL || (gsize) (line + length - mark) != strlen (SUM_KEY) + SUM_LENGTH + 2 ||
      memcmp (line + length - 2, "\"}", 2) != 0)
    return NULL;

  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) line, (gsize) (mark - line));
  if (memcmp (sum, mark + strlen (SUM_KEY), SUM_LENGTH) != 0)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, line, (gssize) length, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  /* Whatever another device's file holds: the clock a positive whole
   * number, the names strings, the row a uuid (a damaged or hostile file
   * is read as not whole, never applied). */
  hlc = json_object_get_member (object, "h");
  if (hlc == NULL || !JSON_NODE_HOLDS_VALUE (hlc) || json_node_get_value_type (hlc) != G_TYPE_INT64 ||
      json_node_get_int (hlc) <= 0 || !json_object_has_member (object, "v") || !is_string (object, "t") ||
      !is_string (object, "r") || !is_string (object, "c") ||
      !outlay_uuid_is_valid (json_object_get_string_member (object, "r")))
    return NULL;

  change = g_new0 (OutlaySyncChange, 1);
  change->hlc = json_object_get_int_member (object, "h");
  change->table = g_strdup (json_object_get_string_member (object, "t"));
  change->row = g_strdup (json_object_get_string_member (object, "r"));
  change->column = g_strdup (json_object_get_string_member (object, "c"));
  change->value = json_node_ref (json_object_get_member (object, "v"));

  return g_steal_pointer (&change);
}

char *
outlay_sync_segment_name (guint number)
{
  return g_strdup_printf ("%08u.jsonl", number);
}

/* The segment that holds what segments 1 to @number held, folded
 * (outlay-sync-compact.c). */
char *
outlay_sync_folded_name (guint number)
{
  return g_strdup_printf ("%08u.folded.jsonl", number);
}

static gboolean
flush_folder_of (const char *path,
                GError    **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int              fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int              saved;

  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }

  if (fsync (fd) != 0 && errno != EINVAL)
    {
      saved = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Writes @path whole or not at all: a temporary file beside it, flushed,
 * then renamed over it, and the folder flushed. */
gboolean
outlay_sync_write_file (const char *path,
                        const char *contents,
                        gsize       length,
                        GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.partial", dir, base);
  gsize            done = 0;
  int              fd;
  int              saved = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }

  fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    saved = errno;

  while (saved == 0 && done < length)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        saved = n < 0 ? errno : ENOSPC;
      else
        done += (gsize) n;
    }

  if (saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved == 0 && g_rename (tmp, path) != 0)
    saved = errno;

  if (saved != 0)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s” in the sync folder: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }

  return flush_folder_of (path, error);
}
