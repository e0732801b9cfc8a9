/* outlay-sync-compact.c
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

/* Compacting this device's segments. Once every other device that wrote to
 * the folder has read this one's segments 1 to k whole (its device.json
 * says how far it read), they are folded into k.folded.jsonl: of each cell
 * only its newest change stays (a row's newest "*" with the changes of its
 * cells after it; a row removed for good, its "-" alone), lines as they
 * were written, in their order. Then device.json says "compacted_through":
 * k and how many lines the fold has, and segments 1 to k (and the fold
 * before) go. A device that finds a segment it needs gone reads the fold
 * whole instead (outlay-sync-round.c), which gives every row as it is;
 * what it had read of it already is applied again, which changes nothing.
 *
 * Each step leaves the folder readable if the next never comes, whatever
 * order a sync program copies and deletes the files in: the fold has a
 * name of its own, and the segments go only after device.json names it. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "outlay-sync-private.h"

/* Fewer segments than this to fold are not worth a rewrite. */
#define MIN_SEGMENTS 4

typedef struct
{
  const char *start;
  gsize       length; /* with its newline */
  char       *row;    /* "table row" */
  char       *cell;   /* "table row column", or NULL for "*" and "-" */
  gint64      hlc;
  gboolean    removal;
} Line;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->row);
  g_free (line->cell);
}

static void
note_newest (GHashTable *newest,
             const char *key,
             gint64      hlc)
{
  gpointer seen = g_hash_table_lookup (newest, key);

  if (seen == NULL || *(gint64 *) seen < hlc)
    g_hash_table_insert (newest, g_strdup (key), g_memdup2 (&hlc, sizeof hlc));
}

static gint64
lookup_newest (GHashTable *newest,
               const char *key)
{
  gint64 *hlc = g_hash_table_lookup (newest, key);

  return hlc != NULL ? *hlc : -1;
}

/* How far every other device has read this one's segments whole, from
 * their device.json files; @others counts them. */
static gint64
read_by_all (const char *ledger_path,
             const char *device,
             guint      *others)
{
  g_autoptr (GDir) dir = g_dir_open (ledger_path, 0, NULL);
  const char *name;
  gint64      least = G_MAXINT64;

  *others = 0;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (ledger_path, name, OUTLAY_SYNC_DEVICE_FILE, NULL);
      g_autofree char *contents = NULL;
      g_autoptr (JsonNode) root = NULL;
      JsonObject *read = NULL;
      JsonObject *mine = NULL;

      if (g_str_equal (name, device) || !g_file_test (file, G_FILE_TEST_EXISTS))
        continue;
      (*others)++;
      if (!g_file_get_contents (file, &contents, NULL, NULL) || (root = json_from_string (contents, NULL)) == NULL ||
          !JSON_NODE_HOLDS_OBJECT (root) ||
          (read = json_object_get_object_member (json_node_get_object (root), "read")) == NULL ||
          !json_object_has_member (read, device) || (mine = json_object_get_object_member (read, device)) == NULL)
        return 0; /* it has not read this device yet */

      /* The segment it is in has not been read whole. */
      least = MIN (least, json_object_get_int_member_with_default (mine, "segment", 1) - 1);
    }

  return least == G_MAXINT64 ? 0 : least;
}

/**
 * outlay_sync_compact:
 * @compacted: (inout): the last segment folded so far
 * @compacted_lines: (inout): the lines of its fold
 * @last: the last segment this device wrote
 *
 * Folds this device's segments that every other device has read, when
 * there are enough of them. Returns FALSE with @error when a file could
 * not be written; the segments are then as they were.
 */
gboolean
outlay_sync_compact (const char *ledger_path,
                     const char *device,
                     gint64     *compacted,
                     gint64     *compacted_lines,
                     gint64      last,
                     GError    **error)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr (GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) newest_row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) newest_cell = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *folded = NULL;
  guint            others = 0;
  gint64           through = MIN (read_by_all (ledger_path, device, &others), last);
  guint            kept = 0;

  g_array_set_clear_func (lines, line_clear);

  if (through - *compacted < MIN_SEGMENTS)
    return TRUE;

  /* Every line of the fold before and the segments after it, as it is. */
  for (gint64 number = *compacted > 0 ? *compacted : 1; number <= through; number++)
    {
      g_autofree char *name = number == *compacted ? outlay_sync_folded_name ((guint) number)
                                                   : outlay_sync_segment_name ((guint) number);
      g_autofree char *path = g_build_filename (ledger_path, device, name, NULL);
      char            *text = NULL;
      gsize            length = 0;
      const char      *p;

      if (!g_file_get_contents (path, &text, &length, error))
        return FALSE;
      g_ptr_array_add (contents, text);

      for (p = text; p < text + length;)
        {
          const char *eol = memchr (p, '\n', (gsize) (text + length - p));
          g_autoptr (OutlaySyncChange) change = NULL;
          Line line = { 0 };

          if (eol == NULL || (change = outlay_sync_line_parse (p, (gsize) (eol - p))) == NULL)
            {
              /* This device's own segments are written whole: never here. */
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("A segment of this device is damaged: %s"),
                           path);
              return FALSE;
            }

          line.start = p;
          line.length = (gsize) (eol - p) + 1;
          line.hlc = change->hlc;
          line.row = g_strdup_printf ("%s %s", change->table, change->row);
          if (g_str_equal (change->column, "*") || g_str_equal (change->column, "-"))
            {
              line.removal = change->column[0] == '-';
              note_newest (newest_row, line.row, line.hlc);
            }
          else
            {
              line.cell = g_strdup_printf ("%s %s", line.row, change->column);
              note_newest (newest_cell, line.cell, line.hlc);
            }
          g_array_append_val (lines, line);
          p = eol + 1;
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (line->cell == NULL && line->removal && line->hlc == lookup_newest (newest_row, line->row))
        g_hash_table_add (removed, g_strdup (line->row));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line    *line = &g_array_index (lines, Line, i);
      gboolean keep;

      if (line->cell == NULL)
        keep = line->hlc == lookup_newest (newest_row, line->row);
      else
        keep = !g_hash_table_contains (removed, line->row) && line->hlc == lookup_newest (newest_cell, line->cell) &&
               line->hlc > lookup_newest (newest_row, line->row);
      if (keep)
        {
          g_string_append_len (out, line->start, (gssize) line->length);
          kept++;
        }
    }

  {
    g_autofree char *name = outlay_sync_folded_name ((guint) through);

    folded = g_build_filename (ledger_path, device, name, NULL);
  }
  if (!outlay_sync_write_file (folded, out->str, out->len, error))
    return FALSE;

  *compacted = through;
  *compacted_lines = kept;
  g_debug ("Folded %u lines of segments up to %" G_GINT64_FORMAT " into %" G_GSIZE_FORMAT " bytes (%u other devices)",
           lines->len, through, out->len, others);
  return TRUE;
}

/* Deletes the segments up to @compacted and the folds before it, once
 * device.json names the fold that holds them. */
void
outlay_sync_remove_folded (const char *ledger_path,
                           const char *device,
                           gint64      compacted)
{
  g_autofree char *dir = g_build_filename (ledger_path, device, NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (compacted > 0 && listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      gint64           number = g_ascii_strtoll (name, NULL, 10);
      gboolean         folded = g_str_has_suffix (name, ".folded.jsonl");
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".jsonl") || number <= 0 || number > compacted ||
          (folded && number == compacted))
        continue;
      path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
}
