/* outlay-uuid.h: the uuids that name every row of a ledger
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
 * * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text form and its terminating nul. */
#define OUTLAY_UUID_SIZE 37

void      outlay_uuid_write (char *text);
char     *outlay_uuid_new (void);
gboolean  outlay_uuid_is_valid (const char *text);
char     *outlay_uuid_new_for_name (const char *namespace_uuid,
                                    const char *name);

G_END_DECLS
