/* outlay-rate-file.h: files of exchange rates (ECB CSV and XML, plain CSV)
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

#include <gio/gio.h>

#include "outlay-rate.h"

G_BEGIN_DECLS

/* Reading the exchange rates of a file, one callback a rate, with every
 * line that cannot be read kept as a problem (its line and why) rather
 * than stopping the read. A file is refused as a whole only when it is
 * none of the formats below. */

#define OUTLAY_RATE_FILE_ERROR (outlay_rate_file_error_quark ())

typedef enum
{
  OUTLAY_RATE_FILE_ERROR_EMPTY,          /* no text at all */
  OUTLAY_RATE_FILE_ERROR_NOT_TEXT,       /* not UTF-8 text */
  OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT, /* text, but none of the formats */
} OutlayRateFileError;

typedef enum
{
  OUTLAY_RATE_FILE_FORMAT_UNKNOWN,
  /* The ECB's history, eurofxref-hist.csv: "Date,USD,JPY,…," and a row a
   * day, "N/A" where a currency had no rate; also its daily eurofxref.csv,
   * "Date, USD, …" and "14 May 2024, 1.0813, …". */
  OUTLAY_RATE_FILE_FORMAT_ECB_CSV,
  /* The ECB's eurofxref-daily.xml and eurofxref-hist-90d.xml:
   * <Cube time="…"><Cube currency="USD" rate="1.0813"/>…</Cube>. */
  OUTLAY_RATE_FILE_FORMAT_ECB_XML,
  /* date,currency,rate[,quote], with or without that header; the quote
   * is the home currency when the column is missing or empty. */
  OUTLAY_RATE_FILE_FORMAT_PLAIN_CSV,
} OutlayRateFileFormat;

/* One rate: 1 @currency = @rate_text @quote on @day. The ECB's rows are
 * 1 EUR = v CODE, so their @currency is "EUR". The strings live as long
 * as the callback runs; the codes are those of outlay-currency.h. */
typedef struct
{
  const char *day;       /* YYYY-MM-DD, a valid day */
  const char *currency;  /* an ISO 4217 code Outlay knows */
  const char *quote;     /* another one */
  const char *rate_text; /* as published, without the spaces around it */
  OutlayRate  rate;      /* @rate_text, read by outlay_rate_parse() */
  guint       line;      /* 1-based line of the file */
} OutlayRateFileEntry;

/* A line that was left out, and why, in a sentence for a person. */
typedef struct
{
  guint line;
  char *reason;
} OutlayRateFileProblem;

/* Returns FALSE, with @error set, to stop the read with that error (a
 * write to the ledger that failed). */
typedef gboolean (*OutlayRateFileFunc) (const OutlayRateFileEntry *entry,
                                        gpointer                   user_data,
                                        GError                   **error);

/* Called every 64 KiB or so of the file and at its end, for a progress
 * bar: @done of @total bytes. */
typedef void (*OutlayRateFileProgressFunc) (gsize    done,
                                            gsize    total,
                                            gpointer user_data);

typedef struct OutlayRateFile OutlayRateFile;

GQuark outlay_rate_file_error_quark (void);

OutlayRateFile *outlay_rate_file_new (const char *home_currency);
void            outlay_rate_file_free (OutlayRateFile *self);
void            outlay_rate_file_set_progress_func (OutlayRateFile            *self,
                                                    OutlayRateFileProgressFunc func,
                                                    gpointer                   user_data);
/* @name (nullable) is the file's display name (UTF-8), for the messages only: the
 * format is told from @data. A read resets what an earlier one found. */
gboolean             outlay_rate_file_read (OutlayRateFile    *self,
                                            const char        *name,
                                            const char        *data,
                                            gsize              length,
                                            OutlayRateFileFunc func,
                                            gpointer           user_data,
                                            GCancellable      *cancellable,
                                            GError           **error);
OutlayRateFileFormat outlay_rate_file_get_format (OutlayRateFile *self);
/* Of #OutlayRateFileProblem, in the order of the file; owned by @self. */
GPtrArray *outlay_rate_file_get_problems (OutlayRateFile *self);
/* How many rates the callback was given. */
guint outlay_rate_file_get_n_rates (OutlayRateFile *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayRateFile, outlay_rate_file_free)

G_END_DECLS
