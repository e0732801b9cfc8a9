/* outlay-sync-round.c
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

/* One round of sync (see outlay-sync.c for its steps) and the status. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "outlay-date.h"
#include "outlay-sync-private.h"
#include "outlay-uuid.h"

typedef struct
{
  OutlayRepository *repository;
  char             *folder;
  char             *ledger_path;
  char             *device;
  char             *device_name;
  gint64            segment;     /* the last segment written */
  gint64            written_seq; /* the last journal entry in it */
  gint64            compacted;   /* segments up to it are folded */
  gint64            compacted_lines;
  gboolean          joined;
  GHashTable       *row_reads;   /* table name → SQL reading a row as JSON */
  OutlaySyncApply   apply;
  OutlaySyncProgressFunc progress;
  gpointer               progress_data;
  gint64                 bytes_to_read;
  gint64                 bytes_read;
} Round;

static void
round_clear (Round *round)
{
  g_free (round->folder);
  g_free (round->ledger_path);
  g_free (round->device);
  g_free (round->device_name);
  g_clear_pointer (&round->row_reads, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Round, round_clear)

static void
report_read (Round *round,
             gsize  bytes)
{
  round->bytes_read += (gint64) bytes;
  if (round->progress != NULL && round->bytes_to_read > 0)
    round->progress (MIN (1.0, (double) round->bytes_read / (double) round->bytes_to_read), round->progress_data);
}

static gboolean
exec (Round      *round,
      const char *sql,
      GError    **error)
{
  return outlay_database_exec (round->repository->database, sql, error);
}

/* SELECT json_object('amount', amount, …) FROM t WHERE uuid = ?: a row's
 * columns as they travel. */
static const char *
row_read_sql (Round                 *round,
              const OutlaySyncTable *table)
{
  GString *sql;

  if (g_hash_table_contains (round->row_reads, table->name))
    return g_hash_table_lookup (round->row_reads, table->name);

  sql = g_string_new ("SELECT json_object(");
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *read = outlay_sync_column_build_read (&table->columns[i], "t");

      g_string_append_printf (sql, "%s'%s', %s", i > 0 ? ", " : "", table->columns[i].name, read);
    }
  g_string_append_printf (sql, ") FROM %s t WHERE uuid = ?", table->name);
  g_hash_table_insert (round->row_reads, (gpointer) table->name, sql->str);

  return g_string_free (sql, FALSE);
}

/* Stamps this device's entries not stamped yet, in the order they were
 * written, within the caller's transaction. A new row's entry gets the
 * row's columns as they are now. */
static gboolean
stamp_local (Round   *round,
             GError **error)
{
  OutlayDatabase *database = round->repository->database;
  g_autoptr (OutlayCachedStatement) select =
    outlay_database_prepare (database,
                             "SELECT seq, tbl, row_uuid, col, "
                             "CAST(round((julianday(changed_at) - 2440587.5) * 86400000.0) AS INTEGER) "
                             "FROM sync_journal WHERE hlc IS NULL ORDER BY seq",
                             error);
  g_autoptr (GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) stamps = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (select == NULL)
    return FALSE;

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (select, 0);
      /* Written before now: a clock that was ahead then is not believed. */
      gint64 ms = CLAMP (sqlite3_column_int64 (select, 4), 0, round->apply.now_ms);
      gint64 hlc = MAX (round->apply.last_hlc + 1, ms << 16);

      round->apply.last_hlc = hlc;
      g_array_append_val (seqs, seq);
      g_array_append_val (stamps, hlc);
      g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (select, 1)));
      g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (select, 2)));
      g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (select, 3)));
    }
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (database, error, rc, _("Could not read the changes to sync"));
      return FALSE;
    }
  sqlite3_reset (select);

  for (guint i = 0; i < seqs->len; i++)
    {
      const char            *table_name = keys->pdata[i * 3];
      const char            *row = keys->pdata[i * 3 + 1];
      const char            *column = keys->pdata[i * 3 + 2];
      const OutlaySyncTable *table = outlay_sync_tables_lookup (table_name);
      gint64                 hlc = g_array_index (stamps, gint64, i);
      gboolean               whole = g_str_equal (column, "*") || g_str_equal (column, "=");
      g_autofree char       *json = NULL;
      g_autoptr (OutlayCachedStatement) update = NULL;

      if (whole && table != NULL)
        {
          g_autoptr (OutlayCachedStatement) read = outlay_database_prepare (database, row_read_sql (round, table),
                                                                            error);

          if (read == NULL)
            return FALSE;
          sqlite3_bind_text (read, 1, row, -1, SQLITE_STATIC);
          rc = sqlite3_step (read);
          if (rc == SQLITE_ROW)
            json = g_strdup ((const char *) sqlite3_column_text (read, 0));
          else if (rc != SQLITE_DONE)
            {
              /* Never a new row stamped without its values: it would not travel. */
              outlay_database_propagate_error (database, error, rc, _("Could not stamp a change"));
              return FALSE;
            }
        }

      update = outlay_database_prepare (database, "UPDATE sync_journal SET hlc = ?1, value = coalesce(?2, value) "
                                                  "WHERE seq = ?3", error);
      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, hlc);
      if (json != NULL)
        sqlite3_bind_text (update, 2, json, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 3, g_array_index (seqs, gint64, i));
      if (!outlay_repository_step_done (round->repository, update, _("Could not stamp a change"), error))
        return FALSE;

      if (!outlay_sync_write_clock (&round->apply, table_name, row, whole ? "*" : column, hlc, round->device, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_clock (Round   *round,
            GError **error)
{
  return outlay_sync_write_meta_int (round->repository, "sync_hlc", round->apply.last_hlc, error);
}

/* A transaction that first stamps this device's entries, so that none is
 * unstamped while another device's changes are applied. */
static OutlayTransaction *
begin (Round   *round,
       GError **error)
{
  g_autoptr (OutlayTransaction) transaction = outlay_database_begin_transaction (round->repository->database, error);

  if (transaction == NULL || !stamp_local (round, error) || !outlay_sync_read_last_seq (&round->apply, error))
    return NULL;

  return g_steal_pointer (&transaction);
}

typedef struct
{
  char  *device;
  gint64 segment;   /* being read */
  gint64 line;      /* lines of it applied */
  gint64 compacted; /* it folded its segments up to this one */
  gint64 compacted_lines;
} Peer;

static void
peer_free (Peer *peer)
{
  g_free (peer->device);
  g_free (peer);
}

static gboolean
read_peer (Round      *round,
           const char *device,
           Peer      **peer_out,
           GError    **error)
{
  g_autofree char *dir = g_build_filename (round->ledger_path, device, NULL);
  g_autofree char *file = g_build_filename (dir, OUTLAY_SYNC_DEVICE_FILE, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  const char *name = "";
  const char *seen = NULL;
  gint64      schema = 0;
  gint64      compacted = 0;
  gint64      compacted_lines = 0;
  Peer       *peer;

  if (g_file_get_contents (file, &contents, NULL, NULL) && (root = json_from_string (contents, NULL)) != NULL &&
      JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      name = json_object_get_string_member_with_default (object, "name", "");
      seen = json_object_get_string_member_with_default (object, "written_at", NULL);
      schema = json_object_get_int_member_with_default (object, "schema", 0);
      compacted = json_object_get_int_member_with_default (object, "compacted_through", 0);
      compacted_lines = json_object_get_int_member_with_default (object, "compacted_lines", 0);
    }

  stmt = outlay_database_prepare (round->repository->database,
                                  "INSERT INTO sync_peers (device, name, seen_at, schema) VALUES (?1, ?2, ?3, ?4) "
                                  "ON CONFLICT (device) DO UPDATE SET name = CASE WHEN excluded.name = '' THEN name "
                                  "ELSE excluded.name END, seen_at = coalesce(excluded.seen_at, seen_at), "
                                  "schema = max(schema, excluded.schema) "
                                  "RETURNING segment, line",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, device, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, seen, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, schema);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      outlay_database_propagate_error (round->repository->database, error, sqlite3_errcode (round->apply.db),
                                       _("Could not save another device’s name"));
      return FALSE;
    }

  peer = g_new0 (Peer, 1);
  peer->device = g_strdup (device);
  peer->segment = MAX (1, sqlite3_column_int64 (stmt, 0));
  peer->line = sqlite3_column_int64 (stmt, 1);
  peer->compacted = compacted;
  peer->compacted_lines = compacted_lines;
  sqlite3_step (stmt);
  *peer_out = peer;

  return TRUE;
}

static gboolean
save_position (Round   *round,
               Peer    *peer,
               GError **error)
{
  g_autoptr (OutlayCachedStatement) stmt =
    outlay_database_prepare (round->repository->database,
                             "UPDATE sync_peers SET segment = ?2, line = ?3 WHERE device = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, peer->device, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, peer->segment);
  sqlite3_bind_int64 (stmt, 3, peer->line);

  return outlay_repository_step_done (round->repository, stmt, _("Could not save where sync stopped"), error);
}

static char *
segment_path (Round      *round,
              const char *device,
              gint64      number)
{
  g_autofree char *name = outlay_sync_segment_name ((guint) number);

  return g_build_filename (round->ledger_path, device, name, NULL);
}

static gboolean read_segments (Round        *round,
                               Peer         *peer,
                               GCancellable *cancellable,
                               GError      **error);

/* The fold of @peer's segments up to peer->compacted, whole (as many
 * lines as its device.json says) or not at all, in one transaction: what
 * was read of them before is applied again, which changes nothing. */
static gboolean
read_folded (Round   *round,
             Peer    *peer,
             GError **error)
{
  g_autofree char *name = outlay_sync_folded_name ((guint) peer->compacted);
  g_autofree char *path = g_build_filename (round->ledger_path, peer->device, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_sync_change_free);
  g_autoptr (OutlayTransaction) transaction = NULL;
  gsize       length = 0;
  const char *p;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return TRUE; /* not here yet */

  for (p = contents; p < contents + length;)
    {
      const char       *eol = memchr (p, '\n', (gsize) (contents + length - p));
      OutlaySyncChange *change = eol != NULL ? outlay_sync_line_parse (p, (gsize) (eol - p)) : NULL;

      if (change == NULL)
        break;
      g_ptr_array_add (changes, change);
      p = eol + 1;
    }

  if ((gint64) changes->len != peer->compacted_lines || p != contents + length)
    {
      round->apply.counts->torn++;
      return TRUE;
    }

  if (!(transaction = begin (round, error)))
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    if (!outlay_sync_apply_change (&round->apply, peer->device, g_ptr_array_index (changes, i), error))
      return FALSE;

  peer->segment = peer->compacted + 1;
  peer->line = 0;
  if (!save_position (round, peer, error) || !save_clock (round, error) ||
      !outlay_transaction_commit (transaction, error))
    return FALSE;
  report_read (round, length);

  return read_segments (round, peer, NULL, error);
}

/* Applies what @peer wrote since the last round, a segment a transaction. */
static gboolean
read_segments (Round        *round,
               Peer         *peer,
               GCancellable *cancellable,
               GError      **error)
{
  for (;;)
    {
      g_autofree char *path = segment_path (round, peer->device, peer->segment);
      g_autofree char *next = segment_path (round, peer->device, peer->segment + 1);
      g_autofree char *contents = NULL;
      g_autoptr (OutlayTransaction) transaction = NULL;
      gsize       length = 0;
      gint64      line = 0;
      const char *p;
      const char *end;
      gboolean    whole = TRUE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        {
          /* Gone: folded (outlay-sync-compact.c), or not here yet. */
          if (peer->segment <= peer->compacted)
            return read_folded (round, peer, error);
          return TRUE;
        }

      if (!(transaction = begin (round, error)))
        return FALSE;

      end = contents + length;
      for (p = contents; p < end; line++)
        {
          const char *eol = memchr (p, '\n', (gsize) (end - p));
          g_autoptr (OutlaySyncChange) change = NULL;

          if (eol == NULL)
            {
              /* A tail still being copied. */
              whole = FALSE;
              break;
            }

          if (line >= peer->line)
            {
              if ((change = outlay_sync_line_parse (p, (gsize) (eol - p))) == NULL)
                {
                  whole = FALSE;
                  break;
                }
              if (!outlay_sync_apply_change (&round->apply, peer->device, change, error))
                return FALSE;
              peer->line = line + 1;
            }
          p = eol + 1;
        }

      if (!whole)
        round->apply.counts->torn++;

      /* A segment is whole once the next one is there. */
      if (whole && g_file_test (next, G_FILE_TEST_EXISTS))
        {
          peer->segment++;
          peer->line = 0;
        }
      else
        whole = FALSE;

      if (!save_position (round, peer, error) || !save_clock (round, error) ||
          !outlay_transaction_commit (transaction, error))
        return FALSE;
      report_read (round, length);

      if (!whole)
        return TRUE;
    }
}

static gboolean
read_others (Round        *round,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr (GDir) dir = g_dir_open (round->ledger_path, 0, NULL);
  g_autoptr (GPtrArray) peers = g_ptr_array_new_with_free_func ((GDestroyNotify) peer_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      Peer *peer = NULL;

      if (!outlay_uuid_is_valid (name) || g_str_equal (name, round->device))
        continue;
      if (!read_peer (round, name, &peer, error))
        return FALSE;
      g_ptr_array_add (peers, peer);
    }

  /* What there is to read, for the progress of a large one. */
  for (guint i = 0; round->progress != NULL && i < peers->len; i++)
    {
      Peer *peer = g_ptr_array_index (peers, i);

      for (gint64 number = peer->segment;; number++)
        {
          g_autofree char *path = segment_path (round, peer->device, number);
          GStatBuf         st;

          if (g_stat (path, &st) != 0)
            {
              g_autofree char *fold_name = outlay_sync_folded_name ((guint) peer->compacted);
              g_autofree char *folded = g_build_filename (round->ledger_path, peer->device, fold_name, NULL);

              if (number <= peer->compacted && g_stat (folded, &st) == 0)
                {
                  round->bytes_to_read += st.st_size;
                  number = peer->compacted;
                  continue;
                }
              break;
            }
          round->bytes_to_read += st.st_size;
        }
    }

  round->apply.counts->devices = peers->len;
  for (guint i = 0; i < peers->len; i++)
    if (!read_segments (round, g_ptr_array_index (peers, i), cancellable, error))
      return FALSE;

  return TRUE;
}

/* Journals every row that never travelled whole (its cells may have, as
 * the references a category's merge rewrote), for the ledger's first round:
 * its content as it is when it joins ("=": not a change to show in the
 * history, but one to send). */
static gboolean
journal_untravelled (Round   *round,
                     GError **error)
{
  const OutlaySyncTable *tables;
  guint                  n_tables;

  tables = outlay_sync_tables_get (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *filter = tables[i].row_filter != NULL ? g_strdup_printf ("t.%s AND ", tables[i].row_filter)
                                                             : g_strdup ("");
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO sync_journal (tbl, row_uuid, col, changed_at) "
                         "SELECT '%s', uuid, '=', coalesce(updated_at, strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now')) "
                         "FROM %s t WHERE %sNOT EXISTS (SELECT 1 FROM sync_clocks k WHERE k.tbl = '%s' "
                         "AND k.row_uuid = t.uuid AND k.col = '*') ORDER BY t.id",
                         tables[i].name, tables[i].name, filter, tables[i].name);

      if (!exec (round, sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_device_file (Round   *round,
                   GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (OutlayCachedStatement) stmt =
    outlay_database_prepare (round->repository->database,
                             "SELECT device, segment, line FROM sync_peers ORDER BY device", error);
  g_autofree char *stamp = outlay_timestamp_now_utc ();
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (round->ledger_path, round->device, OUTLAY_SYNC_DEVICE_FILE, NULL);

  if (stmt == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, round->device);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, round->device_name);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, OUTLAY_SCHEMA_VERSION);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "written_at");
  json_builder_add_string_value (builder, stamp);
  json_builder_set_member_name (builder, "segments");
  json_builder_add_int_value (builder, round->segment);
  json_builder_set_member_name (builder, "compacted_through");
  json_builder_add_int_value (builder, round->compacted);
  json_builder_set_member_name (builder, "compacted_lines");
  json_builder_add_int_value (builder, round->compacted_lines);
  json_builder_set_member_name (builder, "read");
  json_builder_begin_object (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_set_member_name (builder, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "segment");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);

  return outlay_sync_write_file (path, text, strlen (text), error);
}

/* The greatest segment number in this device's folder, folded or not. */
static gint64
last_written_number (Round *round)
{
  g_autofree char *dir = g_build_filename (round->ledger_path, round->device, NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  gint64      last = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".jsonl"))
      last = MAX (last, g_ascii_strtoll (name, NULL, 10));

  return last;
}

/* Writes this device's entries stamped since the last segment. */
static gboolean
write_segment (Round   *round,
               GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (OutlayCachedStatement) stmt =
    outlay_database_prepare (round->repository->database,
                             "SELECT seq, tbl, row_uuid, CASE col WHEN '=' THEN '*' ELSE col END, value, hlc "
                             "FROM sync_journal WHERE seq > ?1 AND device IS NULL AND hlc > 0 "
                             "AND NOT (col IN ('*', '=') AND value IS NULL) ORDER BY seq",
                             error);
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autofree char *path = NULL;
  g_autofree char *existing = NULL;
  gsize            existing_length = 0;
  gint64           last_seq = round->written_seq;
  gint64           number;
  guint            lines = 0;
  int              rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, round->written_seq);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      last_seq = sqlite3_column_int64 (stmt, 0);
      outlay_sync_line_append (out, sqlite3_column_int64 (stmt, 5), (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3), stmt, 4);
      lines++;
    }
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (round->repository->database, error, rc, _("Could not read the changes to sync"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (lines == 0)
    return TRUE;

  number = round->segment + 1;
  path = segment_path (round, round->device, number);
  if (g_file_get_contents (path, &existing, &existing_length, NULL) &&
      (existing_length > out->len || memcmp (existing, out->str, existing_length) != 0))
    {
      /* Not this round's first lines, written before a crash: the ledger
       * is older than the folder (a backup brought back). Never over what
       * the others may have read. */
      number = MAX (number, last_written_number (round) + 1);
      g_free (path);
      path = segment_path (round, round->device, number);
    }
  if (!outlay_sync_write_file (path, out->str, out->len, error))
    return FALSE;

  if (!(transaction = outlay_database_begin_transaction (round->repository->database, error)) ||
      !outlay_sync_write_meta_int (round->repository, "sync_segment", number, error) ||
      !outlay_sync_write_meta_int (round->repository, "sync_written_seq", last_seq, error) ||
      !outlay_transaction_commit (transaction, error))
    return FALSE;

  round->segment = number;
  round->written_seq = last_seq;
  round->apply.counts->written += lines;
  return TRUE;
}

/* Folds what every other device read; a fold that fails leaves the
 * segments as they were, and is tried again next time. */
static gboolean
compact (Round   *round,
         GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (OutlayTransaction) transaction = NULL;
  gint64 compacted = round->compacted;
  gint64 lines = round->compacted_lines;

  if (!outlay_sync_compact (round->ledger_path, round->device, &compacted, &lines, round->segment, &local_error))
    {
      g_debug ("Could not compact the segments: %s", local_error->message);
      return TRUE;
    }

  if (compacted == round->compacted)
    return TRUE;

  round->compacted = compacted;
  round->compacted_lines = lines;
  /* Both or neither: a fold named with another's count would never be read. */
  return (transaction = outlay_database_begin_transaction (round->repository->database, error)) != NULL &&
         outlay_sync_write_meta_int (round->repository, "sync_compacted", compacted, error) &&
         outlay_sync_write_meta_int (round->repository, "sync_compacted_lines", lines, error) &&
         outlay_transaction_commit (transaction, error);
}

static gboolean
count_pending (Round   *round,
               GError **error)
{
  g_autoptr (OutlayCachedStatement) stmt =
    outlay_database_prepare (round->repository->database,
                             "SELECT count(*), count(*) FILTER (WHERE reason = 'future') FROM sync_pending", error);

  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      outlay_database_propagate_error (round->repository->database, error, rc, _("Could not read the sync status"));
      return FALSE;
    }

  round->apply.counts->pending = (guint) sqlite3_column_int64 (stmt, 0);
  round->apply.counts->held = (guint) sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
load_round (OutlayRepository *repository,
            Round            *round,
            OutlaySyncCounts *counts,
            GError          **error)
{
  g_autofree char *ledger = NULL;
  g_autofree char *hlc = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *written = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *compacted = NULL;
  g_autofree char *compacted_lines = NULL;

  round->repository = repository;
  round->row_reads = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (!outlay_sync_read_meta (repository, "sync_folder", &round->folder, error) ||
      !outlay_sync_read_meta (repository, "sync_ledger", &ledger, error) ||
      !outlay_sync_read_meta (repository, "device_id", &round->device, error) ||
      !outlay_sync_read_meta (repository, "device_name", &round->device_name, error) ||
      !outlay_sync_read_meta (repository, "sync_hlc", &hlc, error) ||
      !outlay_sync_read_meta (repository, "sync_segment", &segment, error) ||
      !outlay_sync_read_meta (repository, "sync_written_seq", &written, error) ||
      !outlay_sync_read_meta (repository, "sync_joined", &joined, error) ||
      !outlay_sync_read_meta (repository, "sync_compacted", &compacted, error) ||
      !outlay_sync_read_meta (repository, "sync_compacted_lines", &compacted_lines, error))
    return FALSE;

  if (round->folder == NULL || ledger == NULL || round->device == NULL)
    {
      g_set_error_literal (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_NOT_SET_UP,
                           _("This ledger does not sync: choose a folder first (outlay sync setup FOLDER)."));
      return FALSE;
    }

  if (!g_file_test (round->folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_FOLDER,
                   _("The sync folder “%s” is not there. Is its drive connected?"), round->folder);
      return FALSE;
    }

  round->ledger_path = g_build_filename (round->folder, OUTLAY_SYNC_FOLDER_NAME, ledger, NULL);
  round->segment = g_ascii_strtoll (segment != NULL ? segment : "0", NULL, 10);
  round->written_seq = g_ascii_strtoll (written != NULL ? written : "0", NULL, 10);
  round->joined = joined != NULL;
  round->compacted = g_ascii_strtoll (compacted != NULL ? compacted : "0", NULL, 10);
  round->compacted_lines = g_ascii_strtoll (compacted_lines != NULL ? compacted_lines : "0", NULL, 10);

  round->apply.repository = repository;
  round->apply.db = outlay_database_get_handle (repository->database);
  round->apply.device = round->device;
  round->apply.last_hlc = MAX (g_ascii_strtoll (hlc != NULL ? hlc : "0", NULL, 10), 0);
  round->apply.joining = !round->joined;
  round->apply.now_ms = g_get_real_time () / 1000;
  round->apply.counts = counts;

  return TRUE;
}

/**
 * outlay_sync_run:
 * @counts: (out caller-allocates) (optional): what the round did
 *
 * One round: writes this device's changes to the folder and applies the
 * other devices'. Safe to run from any connection to the ledger; the
 * others notice the changes as external ones.
 */
gboolean
outlay_sync_run (OutlayRepository *repository,
                 OutlaySyncCounts *counts,
                 GCancellable     *cancellable,
                 GError          **error)
{
  return outlay_sync_run_with_progress (repository, counts, NULL, NULL, cancellable, error);
}

/**
 * outlay_sync_run_with_progress:
 * @progress: (nullable): told how far the round has read, as it reads
 *
 * outlay_sync_run(), saying how far it got: for a device that joins a
 * large ledger.
 */
gboolean
outlay_sync_run_with_progress (OutlayRepository      *repository,
                               OutlaySyncCounts      *counts,
                               OutlaySyncProgressFunc progress,
                               gpointer               user_data,
                               GCancellable          *cancellable,
                               GError               **error)
{
  g_auto (Round) round = { 0 };
  OutlaySyncCounts local_counts = { 0 };
  g_autofree char *stamp = outlay_timestamp_now_utc ();
  g_autoptr (OutlayTransaction) transaction = NULL;

  if (counts == NULL)
    counts = &local_counts;
  memset (counts, 0, sizeof *counts);

  if (!outlay_repository_check_writable (repository, error) || !load_round (repository, &round, counts, error))
    return FALSE;
  round.progress = progress;
  round.progress_data = user_data;

  if (g_mkdir_with_parents (round.ledger_path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_WRITE, _("Could not write in the folder “%s”: %s"),
                   round.folder, g_strerror (saved));
      return FALSE;
    }

  if (!read_others (&round, cancellable, error))
    return FALSE;

  if (!(transaction = begin (&round, error)) || !outlay_sync_apply_pending (&round.apply, error) ||
      !outlay_sync_rehome_orphans (&round.apply, error))
    return FALSE;

  if (!round.joined)
    {
      if (!journal_untravelled (&round, error) || !stamp_local (&round, error) ||
          !outlay_sync_write_meta (repository, "sync_joined", "1", error))
        return FALSE;
      round.joined = TRUE;
    }

  if (!save_clock (&round, error) || !outlay_sync_write_meta (repository, "sync_last_round", stamp, error) ||
      !outlay_transaction_commit (transaction, error))
    return FALSE;

  if (!write_segment (&round, error) || !compact (&round, error) || !write_device_file (&round, error) ||
      !count_pending (&round, error))
    return FALSE;
  outlay_sync_remove_folded (round.ledger_path, round.device, round.compacted);

  /* The search index of what came in; what this connection caches, and
   * whoever listens to it, read again (other connections notice the
   * commits by themselves). */
  if (!outlay_repository_sync_search (repository, error))
    return FALSE;
  if (counts->applied > 0)
    outlay_repository_reload (repository);
  return TRUE;
}
