/* outlay-test-faults.h: every I/O call of a write, failed in turn
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

#include "outlay-fault-vfs.h"
#include "outlay-test-utils.h"

G_BEGIN_DECLS

/* A write a person can make. @prepare (optional) runs before the faults
 * are armed and returns what @run needs; @run is the write itself. */
typedef struct
{
  const char *name;
  gpointer (*prepare) (OutlayTestFixture *fixture,
                       gpointer           user_data);
  gboolean (*run) (OutlayTestFixture *fixture,
                   gpointer           state,
                   GError           **error);
  GDestroyNotify free_state;
} OutlayFaultOperation;

/* Runs @operation on copies of the ledger that @fixture holds now: once
 * without faults to count its I/O calls, then once for each call of each
 * kind (at most @max_per_kind of a kind, spread from the first to the
 * last) with that call failing. Each time the operation either fails with
 * a GError and leaves the ledger, the files beside it and the repository
 * as they were, or succeeds whole; then it succeeds without the fault.
 * Returns the number of faults injected. */
guint outlay_test_faults_check (OutlayTestFixture          *fixture,
                                const OutlayFaultOperation *operation,
                                gpointer                    user_data,
                                guint                       max_per_kind);

/* Opens the file that @fixture holds now (closed), which upgrades it to
 * %OUTLAY_SCHEMA_VERSION, on copies of it: once without faults, then with
 * each I/O call of each kind failing in turn, as above. The open and the
 * close after it either fail with a GError and leave the file with its
 * schema and content as they were (a whole backup beside it aside), or
 * succeed whole; the next open without faults then gives what an open
 * without faults gives. The fixture is left closed. Returns the number of
 * faults injected. */
guint outlay_test_faults_check_open (OutlayTestFixture *fixture,
                                     guint              max_per_kind);

G_END_DECLS
