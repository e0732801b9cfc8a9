/* outlay-date.h: calendar days written YYYY-MM-DD, and UTC timestamps
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

/* The length of a day written YYYY-MM-DD, with its terminating NUL. */
#define OUTLAY_DATE_ISO_SIZE 11

gboolean outlay_date_is_valid (const char *date);
GDate   *outlay_date_parse_iso (const char *text);
char    *outlay_date_format_iso (const GDate *date);
void     outlay_date_format_iso_buf (const GDate *date,
                                     char         buf[OUTLAY_DATE_ISO_SIZE]);
GDate   *outlay_date_new_today (void);
char    *outlay_timestamp_now_utc (void);

G_END_DECLS
