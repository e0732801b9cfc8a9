/* outlay-sync.c
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

/* Sync through a folder another program keeps in sync: no server, no
 * account, no lock, and never the live database in the folder.
 *
 * A round (outlay_sync_run()):
 *  1. stamps this device's journal entries, in order, with a hybrid
 *     logical clock (the later of the wall time they were written and one
 *     past the greatest clock seen), and the clocks of their cells;
 *  2. reads each other device's segments from where it stopped, and
 *     applies their changes (outlay-sync-apply.c), a segment in one
 *     transaction with the place it read to;
 *  3. tries again what waited, and when the ledger has not joined yet,
 *     journals every row that has not travelled (after the folder's
 *     categories of the same names took the place of its own);
 *  4. writes the entries stamped since the last segment as a new segment,
 *     and device.json.
 * A round interrupted anywhere leaves a state the next one completes: a
 * segment written whose number was not recorded is written again, the same
 * lines first, under the same number. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "outlay-sync-private.h"
#include "outlay-uuid.h"

#define MAX_NAME 60

/* clang-format off */
G_DEFINE_QUARK (outlay-sync-error-quark, outlay_sync_error)
/* clang-format on */

gboolean
outlay_sync_read_meta (OutlayRepository *repository,
           const char       *key,
           char            **value,
           GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt =
    outlay_database_prepare (repository->database, "SELECT value FROM outlay_meta WHERE key = ?", error);
  int rc;

  *value = NULL;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (repository->database, error, rc, _("Could not read the sync settings"));
      return FALSE;
    }

  return TRUE;
}

gboolean
outlay_sync_write_meta (OutlayRepository *repository,
            const char       *key,
            const char       *value,
            GError          **error)
{
  g_autoptr (OutlayCachedStatement) stmt = NULL;

  if (value == NULL)
    stmt = outlay_database_prepare (repository->database, "DELETE FROM outlay_meta WHERE key = ?1", error);
  else
    stmt = outlay_database_prepare (repository->database,
                                    "INSERT INTO outlay_meta (key, value) VALUES (?1, ?2) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return outlay_repository_step_done (repository, stmt, _("Could not save the sync settings"), error);
}

gboolean
outlay_sync_write_meta_int (OutlayRepository *repository,
                const char       *key,
                gint64            value,
                GError          **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return outlay_sync_write_meta (repository, key, text, error);
}

char *
outlay_sync_default_device_name (void)
{
  const char *host = g_get_host_name ();

  if (host == NULL || *host == '\0' || g_str_equal (host, "localhost"))
    return g_strdup (_("This Device"));

  return g_strdup (host);
}

static gboolean
check_name (const char *name,
            GError    **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (*stripped == '\0' || g_utf8_strlen (stripped, -1) > MAX_NAME || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_NAME,
                   _("A device's name needs 1 to %d characters."), MAX_NAME);
      return FALSE;
    }

  return TRUE;
}

/* The ledgers a sync folder holds, by uuid. */
static GPtrArray *
list_ledgers (const char *folder)
{
  g_autofree char *root = g_build_filename (folder, OUTLAY_SYNC_FOLDER_NAME, NULL);
  g_autoptr (GDir) dir = g_dir_open (root, 0, NULL);
  GPtrArray  *ledgers = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (outlay_uuid_is_valid (name))
      g_ptr_array_add (ledgers, g_strdup (name));

  return ledgers;
}

static gboolean
is_inside (const char *path,
           const char *folder)
{
  g_autofree char *real_path = realpath (path, NULL);
  g_autofree char *real_folder = realpath (folder, NULL);
  gsize            n;

  if (real_path == NULL || real_folder == NULL)
    return FALSE;

  n = strlen (real_folder);
  return strncmp (real_path, real_folder, n) == 0 && (real_path[n] == '/' || real_folder[n - 1] == '/');
}

/* Whether @device_dir holds the last segment this device wrote (or the
 * fold of it). */
static gboolean
holds_own_segments (OutlayRepository *repository,
                    const char       *device_dir)
{
  g_autofree char *segment = NULL;
  g_autofree char *compacted = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folded_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folded = NULL;
  gint64           last;

  if (!outlay_sync_read_meta (repository, "sync_segment", &segment, NULL) ||
      !outlay_sync_read_meta (repository, "sync_compacted", &compacted, NULL))
    return TRUE;

  last = segment != NULL ? g_ascii_strtoll (segment, NULL, 10) : 0;
  if (last == 0)
    return TRUE;

  name = outlay_sync_segment_name ((guint) last);
  folded_name = outlay_sync_folded_name ((guint) last);
  path = g_build_filename (device_dir, name, NULL);
  folded = g_build_filename (device_dir, folded_name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (folded, G_FILE_TEST_EXISTS);
}

/**
 * outlay_sync_setup:
 * @folder: a folder another program keeps in sync
 * @name: (nullable): this device's name, shown on the others
 * @ledger: (nullable): the uuid of the ledger to join when the folder holds
 *   several
 *
 * Syncs this ledger through @folder from the next round on: joins the
 * ledger the folder holds (merging into it what this one has), or puts
 * this one there. Refuses a folder that holds the database file itself.
 */
gboolean
outlay_sync_setup (OutlayRepository *repository,
                   const char       *folder,
                   const char       *name,
                   const char       *ledger,
                   GError          **error)
{
  g_autoptr (OutlayTransaction) transaction = NULL;
  g_autoptr (GPtrArray) ledgers = NULL;
  g_autofree char *path = NULL;
  g_autofree char *own_ledger = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *device = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *device_dir = NULL;
  g_autofree char *device_name = NULL;
  const char      *database = outlay_database_get_path (repository->database);

  if (!outlay_repository_check_writable (repository, error))
    return FALSE;

  path = g_canonicalize_filename (folder, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_FOLDER, _("There is no folder “%s”."), folder);
      return FALSE;
    }

  if (database != NULL && is_inside (database, path))
    {
      g_set_error (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_HOLDS_DATABASE,
                   _("The folder “%s” holds the ledger’s own file: a sync program would copy it while Outlay "
                     "writes it, and could damage it. Choose a folder that does not hold “%s”."),
                   folder, database);
      return FALSE;
    }

  if (name != NULL && !check_name (name, error))
    return FALSE;

  if (!outlay_sync_read_meta (repository, "ledger_uuid", &own_ledger, error) ||
      !outlay_sync_read_meta (repository, "sync_ledger", &previous, error) ||
      !outlay_sync_read_meta (repository, "device_id", &device, error) ||
      !outlay_sync_read_meta (repository, "device_name", &old_name, error))
    return FALSE;

  ledgers = list_ledgers (path);
  if (ledger != NULL)
    {
      if (!outlay_uuid_is_valid (ledger) ||
          (!g_ptr_array_find_with_equal_func (ledgers, ledger, g_str_equal, NULL) &&
           g_strcmp0 (ledger, own_ledger) != 0))
        {
          g_set_error (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_LEDGER,
                       _("The folder “%s” holds no ledger “%s”."), folder, ledger);
          return FALSE;
        }
      chosen = g_strdup (ledger);
    }
  else if (ledgers->len > 1 && !g_ptr_array_find_with_equal_func (ledgers, previous, g_str_equal, NULL))
    {
      g_set_error (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_LEDGER,
                   _("The folder “%s” holds %u ledgers; choose one with --ledger."), folder, ledgers->len);
      return FALSE;
    }
  else if (ledgers->len > 1 || (ledgers->len == 1 && previous != NULL && g_str_equal (previous, ledgers->pdata[0])))
    chosen = g_strdup (previous);
  else
    chosen = g_strdup (ledgers->len == 1 ? ledgers->pdata[0] : own_ledger);

  device_name = g_strstrip (g_strdup (name != NULL ? name : old_name != NULL ? old_name : ""));
  if (*device_name == '\0')
    {
      g_free (device_name);
      device_name = outlay_sync_default_device_name ();
    }

  /* The device's own folder, there and writable before anything changes. */
  device_dir = g_build_filename (path, OUTLAY_SYNC_FOLDER_NAME, chosen, device, NULL);
  if (g_mkdir_with_parents (device_dir, 0700) != 0 || g_access (device_dir, W_OK) != 0)
    {
      int saved = errno;

      g_set_error (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_WRITE, _("Could not write in the folder “%s”: %s"),
                   folder, g_strerror (saved));
      return FALSE;
    }

  transaction = outlay_database_begin_transaction (repository->database, error);
  if (transaction == NULL)
    return FALSE;

  /* Another ledger than the last, or a folder that holds nothing of what
   * this device wrote (the same ledger through a new folder): what travelled
   * before says nothing here; the journal so far stays history and does not
   * travel, and the first round sends every row as it is. */
  if ((g_strcmp0 (previous, chosen) != 0 || !holds_own_segments (repository, device_dir)) &&
      (!outlay_database_exec (repository->database,
                              "DELETE FROM sync_clocks; DELETE FROM sync_peers; DELETE FROM sync_pending; "
                              "UPDATE sync_journal SET hlc = 0 WHERE hlc IS NULL; "
                              "DELETE FROM outlay_meta WHERE key IN ('sync_joined', 'sync_segment', "
                              "'sync_last_round', 'sync_compacted', 'sync_compacted_lines'); "
                              "INSERT INTO outlay_meta (key, value) "
                              "SELECT 'sync_written_seq', coalesce(max(seq), 0) FROM sync_journal WHERE true "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error)))
    return FALSE;

  if (!outlay_sync_write_meta (repository, "sync_folder", path, error) ||
      !outlay_sync_write_meta (repository, "sync_ledger", chosen, error) ||
      !outlay_sync_write_meta (repository, "device_name", device_name, error))
    return FALSE;

  return outlay_transaction_commit (transaction, error);
}

/**
 * outlay_sync_leave:
 *
 * Stops syncing. The folder keeps what this device wrote; a later setup with
 * the same ledger goes on from where it stopped.
 */
gboolean
outlay_sync_leave (OutlayRepository *repository,
                   GError          **error)
{
  g_autofree char *folder = NULL;

  if (!outlay_repository_check_writable (repository, error) ||
      !outlay_sync_read_meta (repository, "sync_folder", &folder, error))
    return FALSE;

  if (folder == NULL)
    {
      g_set_error_literal (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_NOT_SET_UP, _("This ledger does not sync."));
      return FALSE;
    }

  return outlay_sync_write_meta (repository, "sync_folder", NULL, error);
}

gboolean
outlay_sync_set_device_name (OutlayRepository *repository,
                             const char       *name,
                             GError          **error)
{
  g_autofree char *stripped = NULL;

  if (!outlay_repository_check_writable (repository, error) || !check_name (name, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  return outlay_sync_write_meta (repository, "device_name", stripped, error);
}

static void
device_free (OutlaySyncDevice *device)
{
  g_free (device->id);
  g_free (device->name);
  g_free (device->seen_at);
  g_free (device);
}

void
outlay_sync_status_free (OutlaySyncStatus *status)
{
  g_free (status->folder);
  g_free (status->ledger);
  g_free (status->device_id);
  g_free (status->device_name);
  g_free (status->last_sync_at);
  g_clear_pointer (&status->devices, g_ptr_array_unref);
  g_free (status);
}

/**
 * outlay_sync_get_status:
 *
 * Returns: (transfer full): whether and where this ledger syncs, this
 *   device and the others seen in the folder (by when they last wrote to
 *   it), and what waits.
 */
OutlaySyncStatus *
outlay_sync_get_status (OutlayRepository *repository,
                        GError          **error)
{
  g_autoptr (OutlaySyncStatus) status = g_new0 (OutlaySyncStatus, 1);
  g_autoptr (OutlayCachedStatement) peers = NULL;
  g_autoptr (OutlayCachedStatement) counts = NULL;
  g_autofree char *written = NULL;
  OutlaySyncDevice *self;
  int               rc;

  status->devices = g_ptr_array_new_with_free_func ((GDestroyNotify) device_free);
  if (!outlay_sync_read_meta (repository, "sync_folder", &status->folder, error) ||
      !outlay_sync_read_meta (repository, "sync_ledger", &status->ledger, error) ||
      !outlay_sync_read_meta (repository, "device_id", &status->device_id, error) ||
      !outlay_sync_read_meta (repository, "device_name", &status->device_name, error) ||
      !outlay_sync_read_meta (repository, "sync_last_round", &status->last_sync_at, error) ||
      !outlay_sync_read_meta (repository, "sync_written_seq", &written, error))
    return NULL;

  if (status->device_name == NULL)
    status->device_name = outlay_sync_default_device_name ();

  self = g_new0 (OutlaySyncDevice, 1);
  self->id = g_strdup (status->device_id);
  self->name = g_strdup (status->device_name);
  self->seen_at = g_strdup (status->last_sync_at);
  self->schema = OUTLAY_SCHEMA_VERSION;
  self->is_self = TRUE;
  g_ptr_array_add (status->devices, self);

  peers = outlay_database_prepare (repository->database,
                                   "SELECT device, name, seen_at, schema FROM sync_peers "
                                   "ORDER BY seen_at DESC NULLS LAST, name",
                                   error);
  if (peers == NULL)
    return NULL;
  while ((rc = sqlite3_step (peers)) == SQLITE_ROW)
    {
      OutlaySyncDevice *device = g_new0 (OutlaySyncDevice, 1);

      device->id = g_strdup ((const char *) sqlite3_column_text (peers, 0));
      device->name = g_strdup ((const char *) sqlite3_column_text (peers, 1));
      device->seen_at = g_strdup ((const char *) sqlite3_column_text (peers, 2));
      device->schema = (guint) sqlite3_column_int (peers, 3);
      g_ptr_array_add (status->devices, device);
    }
  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (repository->database, error, rc, _("Could not read the other devices"));
      return NULL;
    }

  /* Unsent: stamped or not, after the last segment; before the ledger
   * joined, everything is sent at its first round. */
  counts = outlay_database_prepare (repository->database,
                                    "SELECT (SELECT count(*) FROM sync_journal WHERE seq > ?1 AND device IS NULL "
                                    "AND (hlc IS NULL OR hlc > 0)), "
                                    "(SELECT count(*) FROM sync_pending), "
                                    "(SELECT count(*) FROM sync_pending WHERE reason = 'future')",
                                    error);
  if (counts == NULL)
    return NULL;
  sqlite3_bind_int64 (counts, 1, written != NULL ? g_ascii_strtoll (written, NULL, 10) : 0);
  if ((rc = sqlite3_step (counts)) != SQLITE_ROW)
    {
      outlay_database_propagate_error (repository->database, error, rc, _("Could not read the sync status"));
      return NULL;
    }
  status->unsent = (guint) sqlite3_column_int64 (counts, 0);
  status->pending = (guint) sqlite3_column_int64 (counts, 1);
  status->held = (guint) sqlite3_column_int64 (counts, 2);

  return g_steal_pointer (&status);
}
