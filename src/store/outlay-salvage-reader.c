/* outlay-salvage-reader.c
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

/* A scan of a table stops at the first page that does not read, so the
 * reader goes by id instead: `WHERE id >= ? ORDER BY id LIMIT n`, a batch
 * at a time. Such a read walks down from the root to the leaf that holds
 * the id, so it fails exactly when that path, or the row it finds, touches
 * a damaged page: for a damaged leaf, for the ids from just after the leaf
 * before it up to its last id; for a damaged interior page, for the ids of
 * its whole subtree. When a batch fails at id N, the reader probes N + 1,
 * N + 2, N + 4, … until a probe reads, then halves the last step until it
 * finds the first id from which rows read again, and goes on from there.
 * That is at most about 128 probes of a few page reads each per damaged
 * region, however much of the file is garbage.
 *
 * The ids in between are lost, as a range. Which rows really lived there
 * only an index can tell: read_lost() reads indexes that list every row
 * (forwards, and backwards from the end when a page of the index is
 * damaged too), keeps the ids that fall in a lost range, and tries each of
 * them once more on its own, which saves the rows of an intact region that
 * a probe stepped over between two damaged ones. What no index lists is
 * not counted: nothing proves it was there. */

#include "config.h"

#include "outlay-database-private.h"
#include "outlay-salvage-private.h"

#define BATCH_ROWS 4096
#define CANCEL_CHECK_ROWS 8192

typedef struct
{
  gint64 first;
  gint64 last;
} IdRange;

struct _OutlaySalvageReader
{
  sqlite3      *db;
  sqlite3_stmt *batch; /* the rows from an id on, in id order */
  sqlite3_stmt *probe; /* the first row from an id on */
  sqlite3_stmt *fetch; /* one row by id */
  GCancellable *cancellable;
  char         *error_context; /* the start of every error message */
  GArray       *lost;          /* IdRange, in order: the ids that could not be read */
};

typedef enum
{
  PROBE_READS,
  PROBE_DAMAGED,
  PROBE_FAILED,
} ProbeResult;

/* What a damaged page makes SQLite say, as opposed to what stops the
 * salvage itself (no memory, cancelled, a bug). */
gboolean
outlay_salvage_is_damage (int rc)
{
  /* Besides what SQLite says of a damaged page: a sector that no longer
   * reads, and garbage that claims a huge value. */
  return outlay_sqlite_is_damage (rc) || (rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_TOOBIG ||
         (rc & 0xff) == SQLITE_FORMAT;
}

static void
set_read_error (OutlaySalvageReader *self,
                int                  rc,
                GError             **error)
{
  outlay_sqlite_set_error (self->db, error, rc, self->error_context);
}

static sqlite3_stmt *
prepare (OutlaySalvageReader *self,
         const char          *sql,
         GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_read_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/**
 * outlay_salvage_reader_new:
 * @columns: what to read of each row, its id first
 * @error_context: what errors are to say first, translated
 */
OutlaySalvageReader *
outlay_salvage_reader_new (sqlite3      *db,
                           const char   *table,
                           const char   *columns,
                           const char   *error_context,
                           GCancellable *cancellable,
                           GError      **error)
{
  g_autoptr (OutlaySalvageReader) self = g_new0 (OutlaySalvageReader, 1);
  g_autofree char *batch = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id >= ? ORDER BY id LIMIT %d",
                                            columns, table, BATCH_ROWS);
  g_autofree char *probe = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id >= ? ORDER BY id LIMIT 1",
                                            columns, table);
  g_autofree char *fetch = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id = ?", columns, table);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error_context != NULL, NULL);

  self->db = db;
  self->error_context = g_strdup (error_context);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->lost = g_array_new (FALSE, FALSE, sizeof (IdRange));

  if (!(self->batch = prepare (self, batch, error)) ||
      !(self->probe = prepare (self, probe, error)) ||
      !(self->fetch = prepare (self, fetch, error)))
    return NULL;

  return g_steal_pointer (&self);
}

void
outlay_salvage_reader_free (OutlaySalvageReader *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->batch);
  sqlite3_finalize (self->probe);
  sqlite3_finalize (self->fetch);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error_context, g_free);
  g_clear_pointer (&self->lost, g_array_unref);
  g_free (self);
}

/* Whether the first row from @from on reads, every column of it. */
static ProbeResult
probe (OutlaySalvageReader *self,
       gint64               from,
       GError             **error)
{
  ProbeResult result;
  int         rc;

  sqlite3_bind_int64 (self->probe, 1, from);
  rc = sqlite3_step (self->probe);

  if (rc == SQLITE_DONE)
    result = PROBE_READS;
  else if (rc == SQLITE_ROW)
    /* A garbage page can parse; one that sends the read backwards is not
     * believed. */
    result = sqlite3_column_int64 (self->probe, 0) >= from ? PROBE_READS : PROBE_DAMAGED;
  else if (outlay_salvage_is_damage (rc))
    result = PROBE_DAMAGED;
  else
    {
      set_read_error (self, rc, error);
      result = PROBE_FAILED;
    }

  sqlite3_reset (self->probe);

  return result;
}

static void
add_lost (OutlaySalvageReader *self,
          gint64               first,
          gint64               last)
{
  IdRange range = { first, last };

  g_debug ("Ids %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT " could not be read", first, last);
  g_array_append_val (self->lost, range);
}

/* The rows from @next on do not read: finds the first id from which they
 * read again (*@next), or that none does (*@at_end). */
static gboolean
skip_damage (OutlaySalvageReader *self,
             gint64              *next,
             gboolean            *at_end,
             GError             **error)
{
  gint64      failed = *next; /* the last id known not to read */
  gint64      reads;          /* an id known to read from */
  guint64     step = 1;
  ProbeResult result;

  *at_end = FALSE;

  for (;;)
    {
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;

      /* In unsigned arithmetic: the ids may start at the smallest one. */
      reads = step >= (guint64) G_MAXINT64 - (guint64) failed ? G_MAXINT64 : (gint64) ((guint64) failed + step);
      result = probe (self, reads, error);
      if (result == PROBE_FAILED)
        return FALSE;
      if (result == PROBE_READS)
        break;

      if (reads == G_MAXINT64)
        {
          add_lost (self, *next, G_MAXINT64);
          *at_end = TRUE;
          return TRUE;
        }

      failed = reads;
      if (step <= G_MAXUINT64 / 4)
        step *= 2;
    }

  /* Damage is one region of ids per page or subtree, so between the last
   * probe that failed and the one that read there is one edge to find. */
  while ((guint64) reads - (guint64) failed > 1)
    {
      gint64 middle = failed + (gint64) (((guint64) reads - (guint64) failed) / 2);

      result = probe (self, middle, error);
      if (result == PROBE_FAILED)
        return FALSE;
      if (result == PROBE_READS)
        reads = middle;
      else
        failed = middle;
    }

  add_lost (self, *next, reads - 1);
  *next = reads;

  return TRUE;
}

/**
 * outlay_salvage_reader_read:
 *
 * Calls @func with every row that reads, in id order, going past the
 * damaged pages. Stops only when @func fails, on cancellation, or on an
 * error that is not damage.
 */
gboolean
outlay_salvage_reader_read (OutlaySalvageReader *self,
                            OutlaySalvageRowFunc func,
                            gpointer             user_data,
                            GError             **error)
{
  gint64 next = G_MININT64;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  for (;;)
    {
      gboolean at_end = FALSE;
      guint    n = 0;
      int      rc;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;

      sqlite3_bind_int64 (self->batch, 1, next);
      while ((rc = sqlite3_step (self->batch)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (self->batch, 0);

          if (id < next)
            {
              rc = SQLITE_CORRUPT;
              break;
            }

          n++;
          if (!func (self->batch, user_data, error))
            {
              sqlite3_reset (self->batch);
              return FALSE;
            }

          if (id == G_MAXINT64)
            {
              rc = SQLITE_DONE;
              at_end = TRUE;
              break;
            }
          next = id + 1;
        }
      sqlite3_reset (self->batch);

      if (rc == SQLITE_DONE)
        {
          if (at_end || n < BATCH_ROWS)
            return TRUE;
          continue;
        }

      if (!outlay_salvage_is_damage (rc))
        {
          set_read_error (self, rc, error);
          return FALSE;
        }

      if (!skip_damage (self, &next, &at_end, error))
        return FALSE;
      if (at_end)
        return TRUE;
    }
}

static gboolean
is_lost (OutlaySalvageReader *self,
         gint64               id)
{
  guint low = 0;
  guint high = self->lost->len;

  while (low < high)
    {
      guint          middle = low + (high - low) / 2;
      const IdRange *range = &g_array_index (self->lost, IdRange, middle);

      if (id < range->first)
        high = middle;
      else if (id > range->last)
        low = middle + 1;
      else
        return TRUE;
    }

  return FALSE;
}

/* Notes the lost ids that @sql, a read of an index, lists, until the end
 * (*@complete) or the first damaged page of the index. */
static gboolean
note_lost_ids (OutlaySalvageReader *self,
               const char          *sql,
               sqlite3_stmt        *note,
               gboolean            *complete,
               GError             **error)
{
  sqlite3_stmt *scan = NULL;
  guint         n = 0;
  int           rc;

  *complete = FALSE;

  /* An older file may lack the index. */
  if (sqlite3_prepare_v2 (self->db, sql, -1, &scan, NULL) != SQLITE_OK)
    {
      g_debug ("Not reading an index: %s", sqlite3_errmsg (self->db));
      sqlite3_finalize (scan);
      return TRUE;
    }

  while ((rc = sqlite3_step (scan)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (scan, 0);

      if (++n % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error))
        {
          sqlite3_finalize (scan);
          return FALSE;
        }

      if (!is_lost (self, id))
        continue;

      sqlite3_bind_int64 (note, 1, id);
      rc = sqlite3_step (note);
      sqlite3_reset (note);
      if (rc != SQLITE_DONE)
        {
          set_read_error (self, rc, error);
          sqlite3_finalize (scan);
          return FALSE;
        }
    }
  sqlite3_finalize (scan);

  if (rc == SQLITE_DONE)
    *complete = TRUE;
  else if (!outlay_salvage_is_damage (rc))
    {
      set_read_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Tries each noted id on its own: @func gets those that read. */
static gboolean
fetch_lost (OutlaySalvageReader *self,
            OutlaySalvageRowFunc func,
            gpointer             user_data,
            guint               *n_lost,
            GError             **error)
{
  sqlite3_stmt *ids = prepare (self, "SELECT id FROM temp.outlay_salvage_lost ORDER BY id", error);
  guint         n = 0;
  int           rc;

  if (ids == NULL)
    return FALSE;

  while ((rc = sqlite3_step (ids)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (ids, 0);
      int    fetched;

      if (++n % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error))
        {
          sqlite3_finalize (ids);
          return FALSE;
        }

      sqlite3_bind_int64 (self->fetch, 1, id);
      fetched = sqlite3_step (self->fetch);
      if (fetched == SQLITE_ROW && sqlite3_column_int64 (self->fetch, 0) == id)
        {
          if (!func (self->fetch, user_data, error))
            {
              sqlite3_reset (self->fetch);
              sqlite3_finalize (ids);
              return FALSE;
            }
        }
      else if (fetched == SQLITE_ROW || fetched == SQLITE_DONE || outlay_salvage_is_damage (fetched))
        (*n_lost)++;
      else
        {
          set_read_error (self, fetched, error);
          sqlite3_reset (self->fetch);
          sqlite3_finalize (ids);
          return FALSE;
        }
      sqlite3_reset (self->fetch);
    }
  sqlite3_finalize (ids);

  if (rc != SQLITE_DONE)
    {
      set_read_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * outlay_salvage_reader_read_lost:
 * @index_scans: (array zero-terminated=1): pairs of queries `SELECT id`
 *   that read an index listing every row of the table, forwards and then
 *   backwards
 * @n_lost: (out): how many rows the indexes list that did not read
 *
 * After outlay_salvage_reader_read(): learns from the indexes which rows
 * lived where the table did not read. Calls @func for those that read on
 * their own and counts the others.
 */
gboolean
outlay_salvage_reader_read_lost (OutlaySalvageReader *self,
                                 const char *const   *index_scans,
                                 OutlaySalvageRowFunc func,
                                 gpointer             user_data,
                                 guint               *n_lost,
                                 GError             **error)
{
  sqlite3_stmt *note = NULL;
  gboolean      ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index_scans != NULL, FALSE);
  g_return_val_if_fail (n_lost != NULL, FALSE);

  *n_lost = 0;
  if (self->lost->len == 0)
    return TRUE;

  /* The ids go into a table of the connection's temporary database, not
   * into memory: a file whose root page is garbage loses every row. */
  if (!outlay_sqlite_exec (self->db, "CREATE TEMP TABLE IF NOT EXISTS outlay_salvage_lost (id INTEGER PRIMARY KEY); "
                                     "DELETE FROM temp.outlay_salvage_lost",
                           error) ||
      !(note = prepare (self, "INSERT OR IGNORE INTO temp.outlay_salvage_lost (id) VALUES (?)", error)))
    return FALSE;

  ok = TRUE;
  for (guint i = 0; ok && index_scans[i] != NULL && index_scans[i + 1] != NULL; i += 2)
    {
      gboolean complete = FALSE;

      ok = note_lost_ids (self, index_scans[i], note, &complete, error);
      /* One index read to its end lists every row. */
      if (complete)
        break;

      ok = ok && note_lost_ids (self, index_scans[i + 1], note, &complete, error);
    }
  sqlite3_finalize (note);

  ok = ok && fetch_lost (self, func, user_data, n_lost, error);

  sqlite3_exec (self->db, "DROP TABLE IF EXISTS temp.outlay_salvage_lost", NULL, NULL, NULL);

  return ok;
}
