/* outlay-cli-private.h
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
#include <json-glib/json-glib.h>

#include "outlay-cli.h"
#include "outlay-backups.h"
#include "outlay-database.h"
#include "outlay-repository.h"

G_BEGIN_DECLS

/* What went wrong decides the exit status: a command line that cannot be
 * understood is a usage error (2), anything else a failure (1). */
#define OUTLAY_CLI_ERROR (outlay_cli_error_quark ())

typedef enum
{
  OUTLAY_CLI_ERROR_USAGE,
  OUTLAY_CLI_ERROR_FAILED,
  OUTLAY_CLI_ERROR_DAMAGED, /* the ledger is damaged: the line says what to do */
} OutlayCliError;

#define OUTLAY_CLI_EXIT_FAILED 1
#define OUTLAY_CLI_EXIT_USAGE 2

/* One run of one command. */
typedef struct
{
  const char       *command;       /* "add", "categories add", … */
  char             *database_path; /* --database, or NULL for the default */
  char             *database_option;
  gboolean          database_explicit;
  gboolean          json;
  gboolean          help;
  char             *timeout_option; /* --timeout SECONDS */
  guint             timeout_ms;     /* how long a write waits for another program's */
  OutlayDatabase   *database;
  OutlayRepository *repository;
  gboolean          accepts_damage; /* the command deals with a damaged ledger itself */
  int               status;         /* of a command that ran to its end and reports a failure */
} OutlayCli;

typedef gboolean (*OutlayCliRunFunc) (OutlayCli *cli,
                                      char     **args,
                                      GError   **error);

GQuark outlay_cli_error_quark (void);

/* A word after a command that names what it does: "budget add". */
typedef struct
{
  const char      *name;
  const char      *command; /* for messages: "budget add" */
  OutlayCliRunFunc run;
} OutlayCliSubcommand;

gboolean outlay_cli_run_subcommand (OutlayCli                 *cli,
                                    char                     **argv,
                                    const OutlayCliSubcommand *subcommands,
                                    guint                      n_subcommands,
                                    int                       *sub,
                                    gboolean                  *handled,
                                    GError                   **error);

/* Options and arguments */
GOptionContext *outlay_cli_context_new (OutlayCli          *cli,
                                        const char         *parameters,
                                        const char         *summary,
                                        const char         *description,
                                        const char         *json_shape,
                                        const GOptionEntry *entries);
gboolean        outlay_cli_parse (OutlayCli      *cli,
                                  GOptionContext *context,
                                  char         ***args,
                                  GError        **error);
gboolean        outlay_cli_expect_args (OutlayCli  *cli,
                                        char      **args,
                                        guint       min_args,
                                        guint       max_args,
                                        const char *what,
                                        GError    **error);
char           *outlay_cli_text (const char *raw,
                                 const char *what,
                                 GError    **error);
gboolean        outlay_cli_parse_date (const char *text,
                                       const char *option,
                                       char      **date,
                                       GError    **error);
gboolean        outlay_cli_parse_month (const char *text,
                                        char      **from,
                                        char      **to,
                                        GError    **error);
gboolean        outlay_cli_parse_range (const char *from_text,
                                        const char *to_text,
                                        const char *month_text,
                                        char      **from,
                                        char      **to,
                                        GError    **error);
gboolean        outlay_cli_parse_currency (const char *text,
                                           char      **currency,
                                           GError    **error);
GSettings      *outlay_cli_new_settings (const char *key);
char           *outlay_cli_dup_default_currency (OutlayCli *cli);
gboolean        outlay_cli_parse_position (const char *text,
                                           guint      *position,
                                           GError    **error);
gboolean        outlay_cli_usage_error (GError    **error,
                                        const char *format,
                                        ...) G_GNUC_PRINTF (2, 3);
gboolean        outlay_cli_parse_amount (const char *text,
                                         const char *currency,
                                         gint64     *amount,
                                         GError    **error);

/* The database */
gboolean        outlay_cli_open (OutlayCli *cli,
                                 gboolean   create,
                                 GError   **error);
gboolean        outlay_cli_open_any (OutlayCli *cli,
                                     gboolean   create,
                                     GError   **error);
void            outlay_cli_set_damaged_error (OutlayCli    *cli,
                                              const GError *open_error,
                                              GError      **error);
void            outlay_cli_remove_database (OutlayCli *cli);
const char     *outlay_cli_get_database_path (OutlayCli *cli);
char           *outlay_cli_dup_command_prefix (OutlayCli *cli);
OutlayCategory *outlay_cli_find_category (OutlayCli  *cli,
                                          const char *name,
                                          GError    **error);
gboolean        outlay_cli_is_number (const char *text);
int             outlay_cli_find_argument (char **argv);
gboolean        outlay_cli_is_expense_reference (const char *text);
OutlayExpense  *outlay_cli_find_expense (OutlayCli  *cli,
                                         const char *text,
                                         GError    **error);
gboolean        outlay_cli_set_query_categories (OutlayCli   *cli,
                                                 OutlayQuery *query,
                                                 char       **names,
                                                 GError     **error);
const char     *outlay_cli_category_name (OutlayCli *cli,
                                          gint64     category_id);

/* The filters of `list` and `export`: --from, --to, --month, --category
 * (repeatable) and --search. */
typedef struct
{
  char  *from_text;
  char  *to_text;
  char  *month_text;
  char **category_names;
  char  *search_text;
  char  *from;
  char  *to;
  char  *search;
} OutlayCliFilter;

void          outlay_cli_filter_clear (OutlayCliFilter *filter);
GOptionEntry *outlay_cli_filter_add_entries (OutlayCliFilter    *filter,
                                             const GOptionEntry *entries);
gboolean      outlay_cli_filter_parse (OutlayCliFilter *filter,
                                       GError         **error);
gboolean      outlay_cli_filter_apply (OutlayCli       *cli,
                                       OutlayCliFilter *filter,
                                       OutlayQuery     *query,
                                       GError         **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OutlayCliFilter, outlay_cli_filter_clear)

gboolean outlay_cli_same_file (const char *a,
                               const char *b);

/* Output */
void  outlay_cli_print (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);
void  outlay_cli_write (const char *text);
guint outlay_cli_text_width (const char *text);

typedef struct _OutlayCliTable OutlayCliTable;

OutlayCliTable *outlay_cli_table_new (guint n_columns);
void            outlay_cli_table_free (OutlayCliTable *table);
void            outlay_cli_table_align_right (OutlayCliTable *table,
                                              guint           column);
void            outlay_cli_table_add (OutlayCliTable *table,
                                      ...) G_GNUC_NULL_TERMINATED;
void            outlay_cli_table_print (OutlayCliTable *table,
                                        const char     *indent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayCliTable, outlay_cli_table_free)

/* JSON: documents built with JsonBuilder; a %NULL name adds an element to
 * an array instead of a member to an object. */
void outlay_cli_json_print (JsonBuilder *builder);
void outlay_cli_json_print_element (JsonBuilder *builder,
                                    guint        index);
void outlay_cli_json_print_end (guint n_elements);
void outlay_cli_json_begin_object (JsonBuilder *builder,
                                   const char  *name);
void outlay_cli_json_begin_array (JsonBuilder *builder,
                                  const char  *name);
void outlay_cli_json_add_string (JsonBuilder *builder,
                                 const char  *name,
                                 const char  *value);
void outlay_cli_json_add_int (JsonBuilder *builder,
                              const char  *name,
                              gint64       value);
void outlay_cli_json_add_positive (JsonBuilder *builder,
                                   const char  *name,
                                   gint64       value);
void outlay_cli_json_add_null (JsonBuilder *builder,
                               const char  *name);
void outlay_cli_json_add_bool (JsonBuilder *builder,
                               const char  *name,
                               gboolean     value);
void outlay_cli_json_add_percent (JsonBuilder *builder,
                                  const char  *name,
                                  gint64       part,
                                  gint64       whole);
void outlay_cli_json_add_money (JsonBuilder *builder,
                                const char  *name,
                                gint64       minor_units,
                                const char  *currency);

char *outlay_cli_format_percent (gint64 part,
                                 gint64 whole);

/* Expenses, shared by the commands that print them */
void  outlay_cli_json_expense_members (OutlayCli     *cli,
                                       JsonBuilder   *builder,
                                       OutlayExpense *expense);

/* An expense converted (outlay-cli-converted.c): at what the card was
 * charged, at the rate of its day, or not at all. */
typedef struct
{
  gboolean        known;
  gint64          amount;
  gboolean        charged;
  OutlayRateFound found;
} OutlayCliConverted;

char       *outlay_cli_describe_rate (const char *currency,
                                      const char *rate,
                                      const char *quote);
const char *outlay_cli_rate_source (OutlayRateSource source,
                                    const char      *source_name);
GArray *outlay_cli_convert_expenses (OutlayCli       *cli,
                                     GPtrArray       *expenses,
                                     const char      *code,
                                     OutlayRateBook **book,
                                     GError         **error);
void    outlay_cli_json_converted (JsonBuilder              *builder,
                                   const OutlayCliConverted *converted,
                                   const char               *code);
void  outlay_cli_json_expense (OutlayCli     *cli,
                               JsonBuilder   *builder,
                               OutlayExpense *expense);
void  outlay_cli_print_expense (OutlayCli     *cli,
                                OutlayExpense *expense);
char *outlay_cli_describe_expense (OutlayCli     *cli,
                                   OutlayExpense *expense);

/* Recurring expenses, shared by outlay-cli-recurring*.c */
gboolean             outlay_cli_parse_day (const char *text,
                                           const char *option,
                                           GDate      *day,
                                           GError    **error);
OutlayRecurringRule *outlay_cli_find_recurring_rule (OutlayCli  *cli,
                                                     const char *raw,
                                                     GError    **error);
void                 outlay_cli_json_occurrence (JsonBuilder                *builder,
                                                 const OutlayPlannedExpense *planned);

/* The commands */
gboolean outlay_cli_add (OutlayCli *cli,
                         char     **args,
                         GError   **error);
gboolean outlay_cli_list (OutlayCli *cli,
                          char     **args,
                           GError   **error);
gboolean outlay_cli_show (OutlayCli *cli,
                          char     **args,
                           GError   **error);
gboolean outlay_cli_edit (OutlayCli *cli,
                          char     **args,
                           GError   **error);
gboolean outlay_cli_delete (OutlayCli *cli,
                            char     **args,
                            GError   **error);
gboolean outlay_cli_restore (OutlayCli *cli,
                             char     **args,
                             GError   **error);
gboolean outlay_cli_summary (OutlayCli *cli,
                             char     **args,
                             GError   **error);
gboolean outlay_cli_categories (OutlayCli *cli,
                                char     **args,
                                GError   **error);
gboolean outlay_cli_recurring (OutlayCli *cli,
                               char     **args,
                               GError   **error);
gboolean outlay_cli_recurring_override (OutlayCli *cli,
                                        char     **args,
                                        GError   **error);
gboolean outlay_cli_recurring_restore (OutlayCli *cli,
                                       char     **args,
                                       GError   **error);
/* “description contains “rewe” or “lidl”” (outlay-cli-rules.c) */
char    *outlay_cli_describe_rule_condition (OutlayCategoryRule *rule);
gboolean outlay_cli_history (OutlayCli *cli,
                             char     **argv,
                             GError   **error);
gboolean outlay_cli_rates (OutlayCli *cli,
                           char     **argv,
                           GError   **error);
gboolean outlay_cli_sync (OutlayCli *cli,
                          char     **argv,
                          GError   **error);
gboolean outlay_cli_rules (OutlayCli *cli,
                           char     **argv,
                           GError   **error);
gboolean outlay_cli_budget (OutlayCli *cli,
                            char     **args,
                            GError   **error);
gboolean outlay_cli_budget_override (OutlayCli *cli,
                                     char     **args,
                                     GError   **error);
gboolean outlay_cli_backup (OutlayCli *cli,
                            char     **args,
                            GError   **error);
gboolean outlay_cli_check (OutlayCli *cli,
                           char     **args,
                           GError   **error);
gboolean outlay_cli_restore_backup (OutlayCli *cli,
                                    char     **args,
                                    GError   **error);
gboolean outlay_cli_report (OutlayCli *cli,
                            char     **args,
                            GError   **error);
gboolean outlay_cli_export (OutlayCli *cli,
                            char     **args,
                            GError   **error);
gboolean outlay_cli_import (OutlayCli *cli,
                            char     **args,
                            GError   **error);
void     outlay_cli_prune_backups (OutlayCli *cli);
gboolean outlay_cli_restore_any (OutlayCli *cli,
                                 char     **args,
                                 GError   **error);

G_END_DECLS
