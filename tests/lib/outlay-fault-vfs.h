/* outlay-fault-vfs.h: a SQLite VFS that fails the Nth I/O call
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

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The I/O calls the shim can fail, by kind. LOCK covers the file locks and
 * the WAL index locks, only when they are taken, never when released;
 * SHM_GROW the growth of the WAL index (the -shm file), which a reader
 * that finds none needs too. */
typedef enum
{
  OUTLAY_FAULT_READ     = 1 << 0,
  OUTLAY_FAULT_WRITE    = 1 << 1,
  OUTLAY_FAULT_SYNC     = 1 << 2,
  OUTLAY_FAULT_TRUNCATE = 1 << 3,
  OUTLAY_FAULT_LOCK     = 1 << 4,
  OUTLAY_FAULT_SHM_GROW = 1 << 5,
  OUTLAY_FAULT_ALL      = (1 << 6) - 1,
} OutlayFaultKind;

/* Registers the shim over the default VFS and makes it the default, so that
 * every connection the test program opens goes through it. Call it before
 * opening a database; calling it again does nothing. */
void        outlay_fault_vfs_install (void);

/* Starts counting every kind of call from zero, and fails none. */
void        outlay_fault_vfs_reset (void);
/* Starts counting from zero and fails the @nth (from 1) call of one of
 * @kinds with @code, an extended SQLite result code, or 0 for the IOERR of
 * the kind of that call (SQLITE_IOERR_READ, …_WRITE, …_FSYNC, …_TRUNCATE,
 * …_LOCK). Only that one call fails. */
void        outlay_fault_vfs_arm (OutlayFaultKind kinds,
                                  guint           nth,
                                  int             code);
/* The errno that SQLite reads after the armed fault, as the system call
 * that failed would leave it (such as ENOSPC); 0, what arming sets, leaves
 * the real one. */
void        outlay_fault_vfs_set_errno (int errsv);
/* Fails nothing more; the count goes on. */
void        outlay_fault_vfs_disarm (void);
/* The calls of @kinds since the last reset or arm. */
guint       outlay_fault_vfs_get_calls (OutlayFaultKind kinds);
/* Whether the armed fault has been injected. */
gboolean    outlay_fault_vfs_injected (void);
const char *outlay_fault_kind_to_string (OutlayFaultKind kind);

G_END_DECLS
