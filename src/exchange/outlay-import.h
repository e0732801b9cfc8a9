/* outlay-import.h
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

#include "outlay-budget.h"
#include "outlay-category-rule.h"
#include "outlay-exchange-rate.h"
#include "outlay-recurring-rule.h"

G_BEGIN_DECLS

/* What every importer (CSV, HomeBank, JSON) produces before anything is
 * written: the expenses it could read, and every line it could not read or
 * left out, each with its line number and a reason a person understands.
 * Nothing in here touches the database; outlay_import_plan() (in
 * outlay-import-plan.c) matches the records against the ledger. */

/* The kinds of file Outlay imports. */
typedef enum
{
  OUTLAY_IMPORT_FORMAT_UNKNOWN,
  OUTLAY_IMPORT_FORMAT_CSV,
  OUTLAY_IMPORT_FORMAT_JSON,
  OUTLAY_IMPORT_FORMAT_HOMEBANK,
} OutlayImportFormat;

typedef struct
{
  guint  line;        /* 1-based line of the source where the record starts */
  char  *date;        /* "YYYY-MM-DD" */
  /* minor units of @currency: > 0 money spent, < 0 a refund (money back) */
  gint64 amount;
  char  *currency;    /* ISO 4217 code, or NULL for the ledger's currency */
  char  *description; /* never NULL, may be "" */
  char  *note;        /* NULL or "" for none */
  char  *category;    /* name in the source ("Parent › Child" for a subcategory), NULL for none */
  /* Money received in a statement (negative @amount): a refund only when
   * the person takes the file's incoming lines as refunds, else left out.
   * A lossless source's refunds are refunds, not incoming lines. */
  gboolean incoming;

  /* Only a lossless source (Outlay's own JSON) sets these; NULL otherwise. */
  char *uuid;
  char *created_at;
  char *updated_at;
  char *deleted_at;
  char *import_hash;
  char *rule_uuid;    /* an occurrence of a recurring expense: its rule */
  char *scheduled_on; /* and the day the rule's schedule names for it */
  /* What the card was charged, in minor units of @charged_currency; NULL
   * when none is known */
  gint64 charged_amount;
  char  *charged_currency;
} OutlayImportRecord;

/* How a source names a subcategory after the one it is under, whatever
 * the language: "Food & Drink › Restaurants". */
#define OUTLAY_IMPORT_PATH_SEPARATOR " \xe2\x80\xba " /* U+203A */

/* A category as a source describes it: a lossless one (Outlay's JSON) with
 * everything it has, HomeBank with where its subcategories are. */
typedef struct
{
  char    *name;
  char    *parent; /* the name of the category it is under; NULL at the top */
  char    *icon_name;
  char    *color;
  gboolean fallback; /* the category that takes the expenses of a deleted one */
  gboolean hidden;
  /* Only a lossless source sets these; NULL otherwise. */
  char *uuid;
  char *created_at;
  char *updated_at;
} OutlayImportCategoryInfo;

/* "Parent › Child", or @name at the top (@parent %NULL). */
char    *outlay_import_category_path (const char *parent,
                                      const char *name);
/* Splits "Parent › Child" (with or without the spaces); %FALSE for a name
 * that is not a path. */
gboolean outlay_import_split_category_path (const char *path,
                                            char      **parent,
                                            char      **name);

/* A row that belongs to a budget in a lossless source: an override of one
 * period's amount (@value, minor units) or an alert given (@value, the
 * threshold in percent), on the period starting @period_start. */
typedef struct
{
  char  *uuid;
  char  *period_start;
  gint64 value;
  char  *created_at;
  char  *updated_at;
  char  *deleted_at;
} OutlayImportBudgetRow;

/* A budget as a lossless source (Outlay's JSON) describes it. */
typedef struct
{
  /* With its uuid and timestamps; its categories are in @category_names,
   * which the import turns into the ledger's. */
  OutlayBudget *budget;
  GStrv         category_names; /* empty: every category */
  GPtrArray    *overrides;      /* of OutlayImportBudgetRow */
  GPtrArray    *alerts_given;   /* of OutlayImportBudgetRow */
} OutlayImportBudget;

OutlayImportBudget    *outlay_import_budget_new (void);
void                   outlay_import_budget_free (OutlayImportBudget *budget);
OutlayImportBudgetRow *outlay_import_budget_row_new (void);
void                   outlay_import_budget_row_free (OutlayImportBudgetRow *row);

/* A recurring expense's exception in a lossless source: one occurrence
 * skipped, or with its own amount (-1: the rule's) or day (NULL). */
typedef struct
{
  char    *uuid;
  char    *scheduled_on;
  gboolean skipped;
  gint64   amount;
  char    *occurs_on;
  char    *created_at;
  char    *updated_at;
  char    *deleted_at;
} OutlayImportRuleException;

/* A recurring expense's rule as a lossless source describes it. */
typedef struct
{
  /* With its uuid and timestamps; its category is @category_name, which
   * the import turns into the ledger's. */
  OutlayRecurringRule *rule;
  char                *category_name;
  GPtrArray           *exceptions; /* of OutlayImportRuleException */
} OutlayImportRule;

OutlayImportRule *outlay_import_rule_new (void);
void              outlay_import_rule_free (OutlayImportRule *rule);
void              outlay_import_rule_exception_free (OutlayImportRuleException *exception);

/* A rule that files expenses as a source describes it: Outlay's JSON with
 * its uuid, position and timestamps, HomeBank's assignment rules without.
 * Its category is @category_name ("Parent › Child"), which the import
 * turns into the ledger's; NULL for none (the rule files nothing). */
typedef struct
{
  OutlayCategoryRule *rule;
  char               *category_name;
} OutlayImportCategoryRule;

OutlayImportCategoryRule *outlay_import_category_rule_new (void);
void                      outlay_import_category_rule_free (OutlayImportCategoryRule *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportCategoryRule, outlay_import_category_rule_free)

/* An exchange rate as Outlay's JSON keeps it, every column: 1 @currency
 * was worth @rate (the text as published) @quote on @day. */
typedef struct
{
  guint            position; /* in the file's "rates", from 1 */
  char            *uuid;
  char            *currency;
  char            *quote;
  char            *day;
  char            *rate;
  OutlayRateSource source;
  char            *source_name; /* NULL for none */
  char            *created_at;
  char            *updated_at;
  char            *deleted_at; /* NULL for a live rate */
} OutlayImportRate;

OutlayImportRate *outlay_import_rate_new (void);
void              outlay_import_rate_free (OutlayImportRate *rate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportRate, outlay_import_rate_free)

typedef enum
{
  /* The line cannot be read: a malformed date or amount, a broken row. */
  OUTLAY_IMPORT_ISSUE_ERROR,
  /* The line was read but is not an expense: income, a transfer, a total. */
  OUTLAY_IMPORT_ISSUE_SKIPPED,
} OutlayImportIssueKind;

typedef struct
{
  guint                 line; /* 1-based; 0 when it concerns the whole file */
  OutlayImportIssueKind kind;
  char                 *message; /* translated, one sentence, no line number */
} OutlayImportIssue;

/* How many records a source keeps in memory: the first ones, which a
 * preview shows. The others are set aside in a file of their own, unlinked,
 * and read back in order by outlay_import_source_foreach(), so that a file
 * of a million lines is imported in bounded memory. */
#define OUTLAY_IMPORT_N_HELD 256

typedef struct _OutlayImportSpool OutlayImportSpool;

typedef struct
{
  /* of OutlayImportRecord: the first OUTLAY_IMPORT_N_HELD records, in
   * source order; their strings belong to the source and do not change.
   * Every record, held or not: outlay_import_source_foreach(). */
  GPtrArray *records;
  GPtrArray *issues;  /* of OutlayImportIssue, in source order */
  /* of OutlayImportCategoryInfo, in the source's order; only a lossless
   * source fills it */
  GPtrArray *categories;
  GPtrArray *budgets; /* of OutlayImportBudget; only a lossless source fills it */
  GPtrArray         *rules;   /* of OutlayImportRule; only a lossless source fills it */
  GPtrArray         *category_rules; /* of OutlayImportCategoryRule, in their order */
  GPtrArray         *rates;          /* of OutlayImportRate, in the file's order; only Outlay's JSON fills it */
  GStringChunk      *strings;   /* the held records' strings */
  guint              n_records; /* held and set aside */
  char              *currency;  /* a lossless source: its ledger's currency, or NULL */
  /* Outlay's own file: its categories are the ledger's, as they were */
  gboolean           lossless;
  OutlayImportSpool *spool;     /* the records set aside, or NULL */
} OutlayImportSource;

/* Called for each record in source order. A record that was set aside is
 * read back for the call only: keep nothing of it. */
typedef gboolean (*OutlayImportRecordFunc) (OutlayImportRecord *record,
                                            guint               index,
                                            gpointer            user_data,
                                            GError            **error);

OutlayImportRecord *outlay_import_record_new (void);
void                outlay_import_record_free (OutlayImportRecord *record);

OutlayImportSource *outlay_import_source_new (void);
void                outlay_import_source_free (OutlayImportSource *source);
/* Takes ownership of @record, whose strings move into @source: free it
 * only with the source, never with outlay_import_record_free(). */
void  outlay_import_source_add_record (OutlayImportSource *source,
                                       OutlayImportRecord *record);
void  outlay_import_source_add_issue (OutlayImportSource   *source,
                                      guint                 line,
                                      OutlayImportIssueKind kind,
                                      const char           *format,
                                      ...) G_GNUC_PRINTF (4, 5);
guint outlay_import_source_get_n_records (OutlayImportSource *source);
/* Stops at the first call that returns %FALSE, or when a record set aside
 * cannot be written or read back; %FALSE then with @error set. */
gboolean outlay_import_source_foreach (OutlayImportSource    *source,
                                       OutlayImportRecordFunc func,
                                       gpointer               user_data,
                                       GError               **error);
guint outlay_import_source_count_issues (OutlayImportSource   *source,
                                         OutlayImportIssueKind kind);
/* Returns: (transfer none): the category added, for the fields it has
 * besides these */
OutlayImportCategoryInfo *outlay_import_source_add_category (OutlayImportSource *source,
                                                             const char         *parent,
                                                             const char         *name,
                                                             const char         *icon_name,
                                                             const char         *color,
                                                             gboolean            fallback);

/* What a file's name says (.csv, .tsv, .txt, .json, .xhb), or UNKNOWN. */
OutlayImportFormat outlay_import_format_from_name (const char *path);
/* What its first bytes say: JSON starts with a brace, HomeBank's XML names
 * its root early; anything else is taken for CSV. */
OutlayImportFormat outlay_import_format_from_content (const char *data,
                                                      gsize       length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportRecord, outlay_import_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportBudget, outlay_import_budget_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportBudgetRow, outlay_import_budget_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportRule, outlay_import_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportRuleException, outlay_import_rule_exception_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportSource, outlay_import_source_free)

G_END_DECLS
