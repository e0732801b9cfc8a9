/* outlay-fault-vfs.c
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

/* A shim over the default VFS (unix) that counts the I/O calls SQLite
 * makes and fails the one a test chose, so that a test can prove that
 * every write survives a failing disk at any moment. It is registered only
 * in the test programs that install it. */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "outlay-fault-vfs.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real; /* allocated right after this struct */
} FaultFile;

static sqlite3_vfs        fault_vfs;
static sqlite3_vfs       *real_vfs;
static sqlite3_io_methods fault_io_methods;

#define N_KINDS 6

/* The state is shared by every connection and thread of the program. */
static GMutex          lock;
static guint           calls[N_KINDS]; /* by kind, in the order of the flags */
static OutlayFaultKind fail_kinds;
static guint           fail_calls; /* of fail_kinds, since armed */
static guint           fail_at;    /* 0: fail nothing */
static int             fail_code;
static int             fail_errno;
static gboolean        injected;

static int
kind_error_code (OutlayFaultKind kind)
{
  switch (kind)
    {
    case OUTLAY_FAULT_READ:
      return SQLITE_IOERR_READ;
    case OUTLAY_FAULT_WRITE:
      return SQLITE_IOERR_WRITE;
    case OUTLAY_FAULT_SYNC:
      return SQLITE_IOERR_FSYNC;
    case OUTLAY_FAULT_TRUNCATE:
      return SQLITE_IOERR_TRUNCATE;
    case OUTLAY_FAULT_SHM_GROW:
      return SQLITE_IOERR_SHMSIZE;
    case OUTLAY_FAULT_LOCK:
    case OUTLAY_FAULT_ALL:
    default:
      return SQLITE_IOERR_LOCK;
    }
}

/* Counts one call of @kind; returns the error it must fail with, or
 * SQLITE_OK to go ahead. */
static int
count_call (OutlayFaultKind kind)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);

  calls[g_bit_nth_lsf (kind, -1)]++;

  if ((fail_kinds & kind) == 0)
    return SQLITE_OK;

  fail_calls++;
  if (fail_calls != fail_at)
    return SQLITE_OK;

  injected = TRUE;

  return fail_code != 0 ? fail_code : kind_error_code (kind);
}

static sqlite3_file *
real_file (sqlite3_file *file)
{
  return ((FaultFile *) file)->real;
}

static int
fault_close (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);
  int           rc = SQLITE_OK;

  if (real->pMethods != NULL)
    rc = real->pMethods->xClose (real);
  file->pMethods = NULL;

  return rc;
}

static int
fault_read (sqlite3_file *file,
            void         *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  sqlite3_file *real = real_file (file);
  int           rc = count_call (OUTLAY_FAULT_READ);

  return rc != SQLITE_OK ? rc : real->pMethods->xRead (real, buffer, amount, offset);
}

static int
fault_write (sqlite3_file *file,
             const void   *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  sqlite3_file *real = real_file (file);
  int           rc = count_call (OUTLAY_FAULT_WRITE);

  return rc != SQLITE_OK ? rc : real->pMethods->xWrite (real, buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file *file,
                sqlite3_int64 size)
{
  sqlite3_file *real = real_file (file);
  int           rc = count_call (OUTLAY_FAULT_TRUNCATE);

  return rc != SQLITE_OK ? rc : real->pMethods->xTruncate (real, size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  /* Counted but not passed on: these tests never lose power, and a flush
   * to the disk at every commit would make them slow. */
  return count_call (OUTLAY_FAULT_SYNC);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xFileSize (real, size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  sqlite3_file *real = real_file (file);
  int           rc = count_call (OUTLAY_FAULT_LOCK);

  return rc != SQLITE_OK ? rc : real->pMethods->xLock (real, level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xUnlock (real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *reserved)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xCheckReservedLock (real, reserved);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xFileControl (real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xSectorSize (real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xDeviceCharacteristics (real);
}

static int
fault_shm_map (sqlite3_file *file,
               int           region,
               int           size,
               int           extend,
               void volatile **address)
{
  sqlite3_file *real = real_file (file);
  int           rc = extend ? count_call (OUTLAY_FAULT_SHM_GROW) : SQLITE_OK;

  return rc != SQLITE_OK ? rc : real->pMethods->xShmMap (real, region, size, extend, address);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  sqlite3_file *real = real_file (file);
  int           rc = (flags & SQLITE_SHM_LOCK) != 0 ? count_call (OUTLAY_FAULT_LOCK) : SQLITE_OK;

  return rc != SQLITE_OK ? rc : real->pMethods->xShmLock (real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  real->pMethods->xShmBarrier (real);
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xShmUnmap (real, delete_flag);
}

static int
fault_fetch (sqlite3_file *file,
             sqlite3_int64 offset,
             int           amount,
             void        **pointer)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xFetch (real, offset, amount, pointer);
}

static int
fault_unfetch (sqlite3_file *file,
               sqlite3_int64 offset,
               void         *pointer)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xUnfetch (real, offset, pointer);
}

/* What sqlite3_system_errno() reports. */
static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          size,
                      char        *buffer)
{
  {
    g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);

    if (injected && fail_errno != 0)
      return fail_errno;
  }

  return real_vfs->xGetLastError (real_vfs, size, buffer);
}

static int
fault_open (sqlite3_vfs *vfs,
            const char  *name,
            sqlite3_file *file,
            int          flags,
            int         *out_flags)
{
  FaultFile *self = (FaultFile *) file;
  int        rc;

  self->real = (sqlite3_file *) &self[1];
  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);

  /* SQLite calls xClose only on a file whose pMethods is set. */
  file->pMethods = self->real->pMethods != NULL ? &fault_io_methods : NULL;

  return rc;
}

void
outlay_fault_vfs_install (void)
{
  static const sqlite3_io_methods methods = {
    .iVersion = 3,
    .xClose = fault_close,
    .xRead = fault_read,
    .xWrite = fault_write,
    .xTruncate = fault_truncate,
    .xSync = fault_sync,
    .xFileSize = fault_file_size,
    .xLock = fault_lock,
    .xUnlock = fault_unlock,
    .xCheckReservedLock = fault_check_reserved_lock,
    .xFileControl = fault_file_control,
    .xSectorSize = fault_sector_size,
    .xDeviceCharacteristics = fault_device_characteristics,
    .xShmMap = fault_shm_map,
    .xShmLock = fault_shm_lock,
    .xShmBarrier = fault_shm_barrier,
    .xShmUnmap = fault_shm_unmap,
    .xFetch = fault_fetch,
    .xUnfetch = fault_unfetch,
  };
  int rc;

  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  /* The shim relies on every method of a version 3 unix file. */
  g_assert_cmpint (real_vfs->iVersion, >=, 3);

  fault_io_methods = methods;
  /* The other methods of the default VFS work on the shim as they are:
   * they use only the fields copied with them. */
  fault_vfs = *real_vfs;
  fault_vfs.szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.zName = "outlay-fault";
  fault_vfs.pNext = NULL;
  fault_vfs.xOpen = fault_open;
  fault_vfs.xGetLastError = fault_get_last_error;

  rc = sqlite3_vfs_register (&fault_vfs, 1);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

void
outlay_fault_vfs_reset (void)
{
  outlay_fault_vfs_arm (0, 0, 0);
}

void
outlay_fault_vfs_arm (OutlayFaultKind kinds,
                      guint           nth,
                      int             code)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);

  g_assert_nonnull (real_vfs);

  memset (calls, 0, sizeof calls);
  fail_kinds = kinds;
  fail_calls = 0;
  fail_at = nth;
  fail_code = code;
  fail_errno = 0;
  injected = FALSE;
}

void
outlay_fault_vfs_set_errno (int errsv)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);

  fail_errno = errsv;
}

void
outlay_fault_vfs_disarm (void)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);

  fail_at = 0;
}

guint
outlay_fault_vfs_get_calls (OutlayFaultKind kinds)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);
  guint n = 0;

  for (guint i = 0; i < N_KINDS; i++)
    if ((kinds & (1u << i)) != 0)
      n += calls[i];

  return n;
}

gboolean
outlay_fault_vfs_injected (void)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);

  return injected;
}

const char *
outlay_fault_kind_to_string (OutlayFaultKind kind)
{
  switch (kind)
    {
    case OUTLAY_FAULT_READ:
      return "read";
    case OUTLAY_FAULT_WRITE:
      return "write";
    case OUTLAY_FAULT_SYNC:
      return "sync";
    case OUTLAY_FAULT_TRUNCATE:
      return "truncate";
    case OUTLAY_FAULT_LOCK:
      return "lock";
    case OUTLAY_FAULT_SHM_GROW:
      return "WAL index growth";
    case OUTLAY_FAULT_ALL:
    default:
      return "any";
    }
}
