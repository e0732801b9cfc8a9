/* outlay-xhb.h
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

#include "outlay-import.h"

G_BEGIN_DECLS

#define OUTLAY_XHB_ERROR (outlay_xhb_error_quark ())

typedef enum
{
  /* Not XML, not a HomeBank file, or a HomeBank file cut short. */
  OUTLAY_XHB_ERROR_INVALID,
  /* A HomeBank file of a format too new to read. */
  OUTLAY_XHB_ERROR_UNSUPPORTED,
} OutlayXhbError;

GQuark outlay_xhb_error_quark (void);

/* Reads a HomeBank file (.xhb, HomeBank 4 and 5): every expense it holds
 * becomes a record; income, transfers and transactions that cannot be read
 * become issues naming their line. Only a file that is not HomeBank's at all
 * fails. @currency is the ledger's: a file from before HomeBank knew
 * currencies is read with its number of decimals, and its records carry no
 * currency of their own. */
OutlayImportSource *outlay_xhb_read (const char *data,
                                     gsize       length,
                                     const char *currency,
                                     GError    **error);

G_END_DECLS
