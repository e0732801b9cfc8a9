/* outlay-xhb-private.h
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

#include "outlay-import.h"
#include "outlay-xhb.h"

G_BEGIN_DECLS

/* What the reader of a HomeBank file (outlay-xhb.c) and the reading of
 * what it plans, its budgets and scheduled transactions
 * (outlay-xhb-plans.c), share. */

/* HomeBank 4 and 5 write file format 1.x; a new major version would mean
 * elements this reader does not know how to take. */
#define NEWEST_MAJOR_VERSION 1

#define PAYMODE_INTERNAL_TRANSFER 5
#define FLAG_INTERNAL_TRANSFER (1 << 3)
#define FLAG_SPLIT (1 << 8)
#define STATUS_VOID 4

#define SPLIT_SEPARATOR "||"

/* Amounts in a file without <cur> are rounded as most currencies are. */
#define DEFAULT_EXPONENT 2

/* Digits of OUTLAY_MONEY_MAX: an amount with more can only be too large. */
#define MAX_AMOUNT_DIGITS 12
G_STATIC_ASSERT (OUTLAY_MONEY_MAX < G_GINT64_CONSTANT (1000000000000));

/* A larger exponent in an amount ("1e999999999") is already far out of
 * range; capping it keeps the arithmetic in bounds. */
#define MAX_AMOUNT_POWER 1000000

/* GDate's day numbers run further, but its years stop at 65535 and a
 * "YYYY-MM-DD" date at 9999-12-31, which is day 3652059. */
#define LAST_FORMATTABLE_DAY 3652059

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026 */

typedef struct
{
  char *name;
  char *currency; /* key of a <cur>; none or 0: the file's base currency */
} Account;

/* HomeBank's category flags (hb-category.h). */
#define CATEGORY_INCOME (1 << 1)
#define CATEGORY_CUSTOM (1 << 2) /* a budget of its own each month: b1…b12 */

typedef struct
{
  char *name;
  char *parent; /* key of the parent category; none or 0: a top category */
  char *flags;
  char *budgets[13]; /* b0 (every month), b1…b12; negative for spending */
} Category;

/* The attributes of one <ope>, as written; they are read once every key
 * is known. */
typedef struct
{
  guint line;
  char *date;
  char *amount;
  char *account;
  char *dst_account;
  char *paymode;
  char *status;
  char *flags;
  char *payee;
  char *category;
  char *memo;
  char *info;
  char *kxfer;
  char *split_categories;
  char *split_amounts;
  char *split_memos;
  /* A scheduled transaction (<fav>) only */
  char *key;
  char *nextdate;
  char *every;
  char *unit;
  char *limit;
  char *weekend;
} Transaction;

/* An assignment rule (<asg>): what text it looks for, where, and the
 * category it gives. */
typedef struct
{
  guint line;
  char *flags;
  char *field;
  char *name;
  char *category;
  char *pos;
  char *amount;
} Assignment;

typedef struct
{
  guint       depth;
  gboolean    seen_root;
  gboolean    has_currencies;
  char       *base_currency;   /* key of a <cur>, from <properties curr> */
  const char *ledger_currency; /* for a file that names no currency */
  GHashTable *currencies;      /* key → ISO code */
  GHashTable *accounts;        /* key → Account */
  GHashTable *payees;          /* key → name */
  GHashTable *categories;      /* key → Category */
  GPtrArray  *transactions;    /* of Transaction, in file order */
  GPtrArray  *scheduled;       /* of Transaction: the <fav>, in file order */
  GPtrArray  *assignments;     /* of Assignment: the <asg>, in file order */
} Reader;

/* What every part of one transaction shares. */
typedef struct
{
  Reader             *reader;
  OutlayImportSource *source;
  const Transaction  *transaction;
  const char         *date;
  const char         *currency; /* NULL: the ledger's currency */
  guint               exponent;
} Entry;

typedef enum
{
  AMOUNT_OK,
  AMOUNT_INVALID,
  AMOUNT_TOO_LARGE,
} AmountResult;

guint          outlay_xhb_parse_number (const char *text);
const char    *outlay_xhb_lookup_attribute (const char **names,
                                            const char **values,
                                            const char  *name);
char          *outlay_xhb_dup_attribute (const char **names,
                                         const char **values,
                                         const char  *name);
AmountResult   outlay_xhb_parse_amount (const char *text,
                                        guint       exponent,
                                        gboolean   *negative,
                                        gint64     *amount);
char          *outlay_xhb_clean_text (const char *text,
                                      gboolean    keep_line_breaks);
gboolean       outlay_xhb_read_date (const char *text,
                                     char      **date,
                                     char      **message);
const Account *outlay_xhb_resolve_account (Reader            *reader,
                                           const Transaction *transaction,
                                           char             **message);
gboolean       outlay_xhb_resolve_currency (Reader        *reader,
                                            const Account *account,
                                            const char   **code,
                                            char         **message);
gboolean       outlay_xhb_resolve_category (Reader     *reader,
                                            const char *text,
                                            char      **name,
                                            char      **message);
GPtrArray     *outlay_xhb_sorted_keys (GHashTable *table);
gboolean       outlay_xhb_resolve_payee (Reader     *reader,
                                         const char *text,
                                         char      **name,
                                         char      **message);
gboolean       outlay_xhb_compose_texts (const char *payee,
                                         const char *memo,
                                         const char *info,
                                         char      **description,
                                         char      **note,
                                         char      **message);

gboolean outlay_xhb_is_split (const Transaction *transaction);
gboolean outlay_xhb_is_transfer (const Transaction *transaction);

/* outlay-xhb-plans.c */
void outlay_xhb_read_budgets (Reader             *reader,
                              OutlayImportSource *source);
void outlay_xhb_read_scheduled (Reader             *reader,
                                OutlayImportSource *source);

/* outlay-xhb-assignments.c */
void outlay_xhb_read_assignment (Reader              *reader,
                                 GMarkupParseContext *context,
                                 const char         **names,
                                 const char         **values);
void outlay_xhb_assignment_free (Assignment *assignment);
void outlay_xhb_read_assignments (Reader             *reader,
                                  OutlayImportSource *source);

G_END_DECLS
