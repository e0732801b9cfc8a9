/* outlay-rate-book-private.h: how the store fills a rate book
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

#include "outlay-rate-book.h"

G_BEGIN_DECLS

OutlayRateBook *outlay_rate_book_new (const char *home);
void            outlay_rate_book_add (OutlayRateBook  *book,
                                      const char      *currency,
                                      const char      *quote,
                                      const char      *day,
                                      const char      *rate,
                                      OutlayRateSource source,
                                      const char      *source_name,
                                      const char      *updated_at);
void            outlay_rate_book_seal (OutlayRateBook *book);

G_END_DECLS
