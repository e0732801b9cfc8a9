/* outlay-cli-expenses.c
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

/* The commands on expenses: add, list, show, edit, delete and restore. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cli-private.h"
#include "outlay-currency.h"
#include "outlay-money.h"

#define EXPENSE_JSON_HELP                                     \
  "  {\n"                                                     \
  "    \"id\": 12,\n"                                         \
  "    \"uuid\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\n" \
  "    \"date\": \"2024-03-05\",\n"                           \
  "    \"description\": \"Coffee\",\n"                        \
  "    \"note\": \"\",\n"                                     \
  "    \"category\": \"Food & Drink\",\n"                     \
  "    \"category_id\": 1,\n"                                 \
  "    \"amount\": \"3.50\",\n"                               \
  "    \"amount_minor\": 350,\n"                              \
  "    \"currency\": \"EUR\",\n"                              \
  "    \"refund\": false,\n"                                  \
  "    \"charged\": null,\n"                                  \
  "    \"created_at\": \"2024-03-05T09:12:44.120Z\",\n"       \
  "    \"updated_at\": \"2024-03-05T09:12:44.120Z\",\n"       \
  "    \"deleted_at\": null\n"                                \
  "  }\n"

/* Shared by the commands that print expenses */

void
outlay_cli_json_expense (OutlayCli     *cli,
                         JsonBuilder   *builder,
                         OutlayExpense *expense)
{
  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_expense_members (cli, builder, expense);
  json_builder_end_object (builder);
}

/* The members of an expense's object, into one begun. */
void
outlay_cli_json_expense_members (OutlayCli     *cli,
                                 JsonBuilder   *builder,
                                 OutlayExpense *expense)
{
  OutlayCategory *category = outlay_repository_lookup_category (cli->repository,
                                                                outlay_expense_get_category_id (expense));
  const char     *note = outlay_expense_get_note (expense);
  const char     *charged_currency;
  gint64          charged = 0;

  outlay_cli_json_add_int (builder, "id", outlay_expense_get_id (expense));
  outlay_cli_json_add_string (builder, "uuid", outlay_expense_get_uuid (expense));
  outlay_cli_json_add_string (builder, "date", outlay_expense_get_occurred_on (expense));
  outlay_cli_json_add_string (builder, "description", outlay_expense_get_description (expense));
  outlay_cli_json_add_string (builder, "note", note != NULL ? note : "");
  outlay_cli_json_add_string (builder, "category", category != NULL ? outlay_category_get_name (category) : NULL);
  outlay_cli_json_add_int (builder, "category_id", outlay_expense_get_category_id (expense));
  outlay_cli_json_add_money (builder, "amount", outlay_expense_get_amount (expense),
                             outlay_expense_get_currency (expense));
  outlay_cli_json_add_string (builder, "currency", outlay_expense_get_currency (expense));
  outlay_cli_json_add_bool (builder, "refund", outlay_expense_get_amount (expense) < 0);
  /* What the card was charged in the home currency, when known. */
  if ((charged_currency = outlay_expense_get_charged (expense, &charged)) != NULL)
    {
      outlay_cli_json_begin_object (builder, "charged");
      outlay_cli_json_add_money (builder, "amount", charged, charged_currency);
      outlay_cli_json_add_string (builder, "currency", charged_currency);
      json_builder_end_object (builder);
    }
  else
    outlay_cli_json_add_null (builder, "charged");
  outlay_cli_json_add_string (builder, "created_at", outlay_expense_get_created_at (expense));
  outlay_cli_json_add_string (builder, "updated_at", outlay_expense_get_updated_at (expense));
  outlay_cli_json_add_string (builder, "deleted_at", outlay_expense_get_deleted_at (expense));
}

static void
print_json_expense (OutlayCli     *cli,
                    OutlayExpense *expense)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  outlay_cli_json_expense (cli, builder, expense);
  outlay_cli_json_print (builder);
}

static char *
format_id (OutlayExpense *expense)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, outlay_expense_get_id (expense));
}

static char *
format_amount (OutlayExpense *expense)
{
  return outlay_money_format_expense (outlay_expense_get_amount (expense), outlay_expense_get_currency (expense));
}

/**
 * outlay_cli_describe_expense:
 *
 * Returns: (transfer full): the expense in a few words, for the line that
 *   confirms a change
 */
char *
outlay_cli_describe_expense (OutlayCli     *cli,
                             OutlayExpense *expense)
{
  g_autofree char *amount = format_amount (expense);

  /* Translators: “Coffee”, €3.50 on 2024-03-05 in Food & Drink */
  return g_strdup_printf (_("“%s”, %s on %s in %s"),
                          outlay_expense_get_description (expense),
                          amount,
                          outlay_expense_get_occurred_on (expense),
                          outlay_cli_category_name (cli, outlay_expense_get_category_id (expense)));
}

void
outlay_cli_print_expense (OutlayCli     *cli,
                          OutlayExpense *expense)
{
  g_autoptr (OutlayCliTable) table = outlay_cli_table_new (2);
  g_autofree char *amount = format_amount (expense);
  const char      *note = outlay_expense_get_note (expense);

  g_autofree char *id = format_id (expense);

  outlay_cli_print (_("Expense %s\n"), id);

  outlay_cli_table_add (table, _("Date"), outlay_expense_get_occurred_on (expense), NULL);
  outlay_cli_table_add (table, _("Description"), outlay_expense_get_description (expense), NULL);
  outlay_cli_table_add (table, _("Amount"), amount, NULL);
  outlay_cli_table_add (table, _("Category"), outlay_cli_category_name (cli, outlay_expense_get_category_id (expense)),
                        NULL);

  if (note != NULL && *note != '\0')
    {
      g_auto (GStrv) lines = g_strsplit (note, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        outlay_cli_table_add (table, i == 0 ? _("Note") : "", lines[i], NULL);
    }

  outlay_cli_table_add (table, _("UUID"), outlay_expense_get_uuid (expense), NULL);
  outlay_cli_table_add (table, _("Added"), outlay_expense_get_created_at (expense), NULL);
  outlay_cli_table_add (table, _("Changed"), outlay_expense_get_updated_at (expense), NULL);
  if (outlay_expense_get_deleted_at (expense) != NULL)
    outlay_cli_table_add (table, _("Deleted"), outlay_expense_get_deleted_at (expense), NULL);

  outlay_cli_table_print (table, "  ");
}

static char *
join_words (char **words)
{
  return g_strjoinv (" ", words);
}

/* add */

/* --charged: an amount in the ledger's currency, on the side of the
 * expense's. */
static gboolean
set_charged (OutlayCli     *cli,
             OutlayExpense *expense,
             const char    *text,
             gboolean       refund,
             GError       **error)
{
  g_autofree char *home = outlay_repository_dup_currency (cli->repository, outlay_currency_for_locale ());
  gint64           charged = 0;

  if (!outlay_cli_parse_amount (text, home, &charged, error))
    return FALSE;
  outlay_expense_set_charged (expense, refund ? -charged : charged, home);
  return TRUE;
}

gboolean
outlay_cli_add (OutlayCli *cli,
                char     **argv,
                GError   **error)
{
  g_autofree char   *category_name = NULL;
  g_autofree char   *date_text = NULL;
  g_autofree char   *note_text = NULL;
  g_autofree char   *currency_text = NULL;
  g_autofree char   *charged_text = NULL;
  gboolean           refund = FALSE;
  const GOptionEntry entries[] = {
    { "category", 'c', 0, G_OPTION_ARG_FILENAME, &category_name,
      N_(
        "The category, by name in any case (default: the one that takes the expenses of deleted categories, “Other”)"),
      N_("NAME") },
    { "date", 'd', 0, G_OPTION_ARG_FILENAME, &date_text,
      N_("The day: YYYY-MM-DD, today or yesterday (default: today)"), N_("DAY") },
    { "note", 'n', 0, G_OPTION_ARG_FILENAME, &note_text, N_("A note"), N_("TEXT") },
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &currency_text,
      N_("The ISO 4217 code of the currency (default: the one chosen in Preferences, else the locale’s)"),
      N_("CODE") },
    { "refund", 0, 0, G_OPTION_ARG_NONE, &refund,
      N_("Money back for something bought (a return, a reimbursement): it lowers what was spent"), NULL },
    { "charged", 0, 0, G_OPTION_ARG_FILENAME, &charged_text,
      N_("For an expense in another currency: what the card was charged in the ledger’s currency"), N_("AMOUNT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExpense) stored = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *description = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  g_autofree char *category_utf8 = NULL;
  OutlayCategory  *category;
  gint64           amount = 0;

  context =
    outlay_cli_context_new (cli, _("AMOUNT DESCRIPTION…"),
                            _("Adds an expense and prints it. The amount is read in the locale’s way of "
                              "writing numbers (12.50, 12,50, 1.234,50 or 1,234.50 as the locale has it), "
                              "may carry a currency symbol and may be a sum, such as 12.50+3. The "
                              "description is the rest of the words."),
                            _("Examples:\n"
                              "  outlay add 4.20 Coffee\n"
                              "  outlay add 12.50+3 Lunch with Anna --category 'Food & Drink' --date yesterday\n"
                              "  outlay add '€ 59' Shoes -c shopping --note 'Winter boots' --currency EUR\n"
                              "  outlay add 59 Shoes returned -c shopping --refund\n"
                              "  outlay add 86.50 Dinner --currency USD --charged 80.11\n"
                              "\n"
                              "With --json, the stored expense is printed as an object:\n"),
                            EXPENSE_JSON_HELP, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 2, G_MAXUINT, _("Give an amount and a description."), error))
    return FALSE;

  if (currency_text != NULL)
    {
      if (!outlay_cli_parse_currency (currency_text, &currency, error))
        return FALSE;
    }
  else
    currency = outlay_cli_dup_default_currency (cli);

  joined = join_words (&args[2]);
  if (!outlay_cli_parse_amount (args[1], currency, &amount, error) ||
      !(description = outlay_cli_text (joined, _("The description"), error)) ||
      (note_text != NULL && !(note = outlay_cli_text (note_text, "--note", error))) ||
      (category_name != NULL && !(category_utf8 = outlay_cli_text (category_name, "--category", error))))
    return FALSE;

  if (date_text != NULL)
    {
      if (!outlay_cli_parse_date (date_text, "--date", &date, error))
        return FALSE;
    }
  else if (!outlay_cli_parse_date ("today", "--date", &date, error))
    return FALSE;

  if (!outlay_cli_open (cli, TRUE, error))
    return FALSE;

  if (category_utf8 != NULL)
    category = outlay_cli_find_category (cli, category_utf8, error);
  else if ((category = outlay_repository_get_fallback_category (cli->repository)) == NULL)
    g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                         _("The database has no fallback category; give one with --category."));
  if (category == NULL)
    return FALSE;

  if (charged_text != NULL && !set_charged (cli, draft, charged_text, refund, error))
    return FALSE;

  /* A refund is kept as a negative amount in its category. */
  outlay_expense_set_amount (draft, refund ? -amount : amount);
  outlay_expense_set_currency (draft, currency);
  outlay_expense_set_description (draft, description);
  outlay_expense_set_note (draft, note != NULL ? note : "");
  outlay_expense_set_occurred_on (draft, date);
  outlay_expense_set_category_id (draft, outlay_category_get_id (category));

  stored = outlay_repository_add_expense (cli->repository, draft, error);
  if (stored == NULL)
    return FALSE;

  if (cli->json)
    print_json_expense (cli, stored);
  else
    {
      g_autofree char *what = outlay_cli_describe_expense (cli, stored);

      g_autofree char *id = format_id (stored);

      outlay_cli_print (_("Added expense %s: %s (UUID %s).\n"), id, what, outlay_expense_get_uuid (stored));
    }

  return TRUE;
}

/* list */

static gboolean
parse_sort (const char      *text,
            OutlaySortField *field,
            GError         **error)
{
  if (text == NULL || g_str_equal (text, "date"))
    *field = OUTLAY_SORT_DATE;
  else if (g_str_equal (text, "amount"))
    *field = OUTLAY_SORT_AMOUNT;
  else if (g_str_equal (text, "description"))
    *field = OUTLAY_SORT_DESCRIPTION;
  else
    {
      g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                   _("--sort “%s” is not one of date, amount or description."), text);
      return FALSE;
    }

  return TRUE;
}

static char *
format_totals (GArray *totals)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < totals->len; i++)
    {
      const OutlayCurrencyTotal *total = &g_array_index (totals, OutlayCurrencyTotal, i);
      g_autofree char           *amount = outlay_money_format_expense (total->total, total->currency);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, amount);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
outlay_cli_list (OutlayCli *cli,
                 char     **argv,
                 GError   **error)
{
  g_auto (OutlayCliFilter) filter = { 0 };
  g_autofree char   *sort_text = NULL;
  g_autofree char   *in_text = NULL;
  gboolean           reverse = FALSE;
  int                limit = 0;
  const GOptionEntry entries[] = {
    { "sort", 0, 0, G_OPTION_ARG_FILENAME, &sort_text,
      N_("Order by date (newest first, the default), amount (largest first) or description (A to Z)"), N_("FIELD") },
    { "reverse", 'r', 0, G_OPTION_ARG_NONE, &reverse,
      N_("Reverse the order"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit,
      N_("Print at most this many (the count and totals still cover every match)"), N_("N") },
    { "in", 0, 0, G_OPTION_ARG_FILENAME, &in_text,
      N_("Also convert each expense to this currency, at the rate of its day"), N_("CODE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GArray) converted = NULL;
  g_autoptr (OutlayRateBook) book = NULL;
  g_autofree char *in = NULL;
  g_autofree GOptionEntry *all_entries = outlay_cli_filter_add_entries (&filter, entries);
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) expenses = NULL;
  g_autoptr (GArray) totals = NULL;
  OutlaySortField field;
  guint           n_all = 0;

  context =
    outlay_cli_context_new (cli, NULL,
                            _("Lists the expenses that match every filter given, as a table with their "
                              "numbers, followed by how many there are and their total in each currency."),
                            _("Examples:\n"
                              "  outlay list --month 2024-03\n"
                              "  outlay list --category Groceries --category 'Food & Drink' --from 2024-01-01\n"
                              "  outlay list --search coffee --sort amount --limit 10\n"
                              "  outlay list --json | jq '.[].amount'\n"
                              "\n"
                              "With --json, an array of expense objects, in the order asked for:\n"),
                            "[\n" EXPENSE_JSON_HELP "]\n", all_entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) ||
      !outlay_cli_filter_parse (&filter, error) ||
      !parse_sort (sort_text, &field, error) ||
      (in_text != NULL && !outlay_cli_parse_currency (in_text, &in, error)))
    return FALSE;

  if (limit < 0)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--limit must be 0 (no limit) or more."));
      return FALSE;
    }

  if (!outlay_cli_open (cli, FALSE, error) ||
      !outlay_cli_filter_apply (cli, &filter, query, error))
    return FALSE;

  outlay_query_set_sort (query, field, (field != OUTLAY_SORT_DESCRIPTION) != reverse);

  expenses = outlay_repository_find_expenses (cli->repository, query, 0, (guint) limit, error);
  if (expenses == NULL ||
      (in != NULL && !(converted = outlay_cli_convert_expenses (cli, expenses, in, &book, error))))
    return FALSE;

  if (cli->json)
    {
      for (guint i = 0; i < expenses->len; i++)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();

          outlay_cli_json_begin_object (builder, NULL);
          outlay_cli_json_expense_members (cli, builder, g_ptr_array_index (expenses, i));
          if (converted != NULL)
            outlay_cli_json_converted (builder, &g_array_index (converted, OutlayCliConverted, i), in);
          json_builder_end_object (builder);
          outlay_cli_json_print_element (builder, i);
        }
      outlay_cli_json_print_end (expenses->len);
      return TRUE;
    }

  totals = outlay_repository_summarize (cli->repository, query, &n_all, error);
  if (totals == NULL)
    return FALSE;

  if (n_all == 0)
    {
      outlay_cli_write (_("No expenses match.\n"));
      return TRUE;
    }

  {
    g_autoptr (OutlayCliTable) table = outlay_cli_table_new (converted != NULL ? 6 : 5);
    g_autofree char *sum = format_totals (totals);
    g_autofree char *in_heading = in != NULL ? g_strdup_printf (_("IN %s"), in) : NULL;

    outlay_cli_table_align_right (table, 0);
    outlay_cli_table_align_right (table, 4);
    if (converted != NULL)
      outlay_cli_table_align_right (table, 5);
    outlay_cli_table_add (table, _("ID"), _("DATE"), _("CATEGORY"), _("DESCRIPTION"), _("AMOUNT"), in_heading, NULL);

    for (guint i = 0; i < expenses->len; i++)
      {
        OutlayExpense   *expense = g_ptr_array_index (expenses, i);
        g_autofree char *id = format_id (expense);
        g_autofree char *amount = format_amount (expense);
        g_autofree char *in_amount = NULL;

        if (converted != NULL)
          {
            const OutlayCliConverted *row = &g_array_index (converted, OutlayCliConverted, i);

            /* Translators: in the column of the amounts converted, for an expense with no rate */
            in_amount = row->known ? outlay_money_format_expense (row->amount, in) : g_strdup (_("no rate"));
          }
        outlay_cli_table_add (table, id,
                              outlay_expense_get_occurred_on (expense),
                              outlay_cli_category_name (cli, outlay_expense_get_category_id (expense)),
                              outlay_expense_get_description (expense),
                              amount, in_amount, NULL);
      }

    outlay_cli_table_print (table, NULL);
    outlay_cli_write ("\n");

    if (expenses->len < n_all)
      /* Translators: "3 of 25 expenses shown, total €123.00" (the total is of all 25) */
      outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u of %u expense shown, total %s\n",
                                     "%u of %u expenses shown, total %s\n", n_all),
                        expenses->len, n_all, sum);
    else
      outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u expense, total %s\n", "%u expenses, total %s\n", n_all),
                        n_all, sum);
    if (in != NULL)
      {
        g_autoptr (OutlayConvertedTotal) total = outlay_repository_convert_total (cli->repository, query, in, error);
        g_autofree char *amount = NULL;

        if (total == NULL)
          return FALSE;
        amount = outlay_money_format_expense (total->total, in);
        if (total->n_without_rate > 0)
          /* Translators: under the list's total: "In EUR: ≈ €286.82; 1 expense has no rate" */
          outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "In %s: ≈ %s; %u expense has no rate\n",
                                         "In %s: ≈ %s; %u expenses have no rate\n", total->n_without_rate),
                            in, amount, total->n_without_rate);
        else
          outlay_cli_print (_("In %s: ≈ %s\n"), in, amount);
      }
  }

  return TRUE;
}

/* show */

gboolean
outlay_cli_show (OutlayCli *cli,
                 char     **argv,
                 GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayExpense) expense = NULL;

  context = outlay_cli_context_new (cli, _("ID|UUID"),
                                    _("Shows one expense, found by its number (from “outlay list”) or its UUID, "
                                      "deleted or not."),
                                    _("Examples:\n"
                                      "  outlay show 12\n"
                                      "  outlay show 0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a --json\n"
                                      "\n"
                                      "With --json, one expense object:\n"),
                                    EXPENSE_JSON_HELP,
                                    NULL);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, 1, _("Give the number or the UUID of an expense."), error) ||
      !outlay_cli_open (cli, FALSE, error) ||
      !(expense = outlay_cli_find_expense (cli, args[1], error)))
    return FALSE;

  if (cli->json)
    print_json_expense (cli, expense);
  else
    {
      outlay_cli_print_expense (cli, expense);
      if (outlay_expense_get_deleted_at (expense) != NULL)
        {
          g_autofree char *prefix = outlay_cli_dup_command_prefix (cli);

          g_autofree char *id = format_id (expense);

          outlay_cli_print (_("It is deleted; to bring it back: %s restore %s\n"), prefix, id);
        }
    }

  return TRUE;
}

/* edit */

gboolean
outlay_cli_edit (OutlayCli *cli,
                 char     **argv,
                 GError   **error)
{
  g_autofree char   *amount_text = NULL;
  g_autofree char   *currency_text = NULL;
  g_autofree char   *description_text = NULL;
  g_autofree char   *category_text = NULL;
  g_autofree char   *date_text = NULL;
  g_autofree char   *note_text = NULL;
  g_autofree char   *charged_text = NULL;
  gboolean           refund = FALSE;
  gboolean           no_refund = FALSE;
  gboolean           no_charged = FALSE;
  const GOptionEntry entries[] = {
    { "amount", 'a', 0, G_OPTION_ARG_FILENAME, &amount_text,
      N_("The new amount, read as “outlay add” reads it"), N_("AMOUNT") },
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &currency_text,
      N_("The new currency (only with --amount)"), N_("CODE") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &description_text,
      N_("The new description"), N_("TEXT") },
    { "category", 'c', 0, G_OPTION_ARG_FILENAME, &category_text,
      N_("The new category, by name"), N_("NAME") },
    { "date", 'd', 0, G_OPTION_ARG_FILENAME, &date_text,
      N_("The new day: YYYY-MM-DD, today or yesterday"), N_("DAY") },
    { "note", 'n', 0, G_OPTION_ARG_FILENAME, &note_text,
      N_("The new note; \"\" removes it"), N_("TEXT") },
    { "refund", 0, 0, G_OPTION_ARG_NONE, &refund,
      N_("Makes it a refund: money back, which lowers what was spent"), NULL },
    { "no-refund", 0, 0, G_OPTION_ARG_NONE, &no_refund,
      N_("Makes it money spent again"), NULL },
    { "charged", 0, 0, G_OPTION_ARG_FILENAME, &charged_text,
      N_("What the card was charged in the ledger’s currency"), N_("AMOUNT") },
    { "no-charged", 0, 0, G_OPTION_ARG_NONE, &no_charged,
      N_("Forgets what the card was charged: the rate of the day converts it"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayExpense) expense = NULL;
  g_autoptr (OutlayExpense) stored = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *description = NULL;
  g_autofree char *category_name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  gint64           amount = 0;

  context = outlay_cli_context_new (cli, _("ID|UUID"),
                                    _("Changes an expense: only what is given changes. Prints the expense as "
                                      "it is now."),
                                    _("Examples:\n"
                                      "  outlay edit 12 --amount 4,80\n"
                                      "  outlay edit 12 --category Groceries --date 2024-03-04\n"
                                      "  outlay edit 12 --note \"\"\n"
                                      "  outlay edit 12 --refund\n"
                                      "\n"
                                      "With --json, the changed expense object:\n"),
                                    EXPENSE_JSON_HELP,
                                    entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, 1, _("Give the number or the UUID of an expense."), error))
    return FALSE;

  if (amount_text == NULL && currency_text == NULL && description_text == NULL && category_text == NULL &&
      date_text == NULL && note_text == NULL && !refund && !no_refund && charged_text == NULL && !no_charged)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("Nothing to change: give --amount, --description, --category, --date, --note or "
                             "--refund."));
      return FALSE;
    }

  if (charged_text != NULL && no_charged)
    return outlay_cli_usage_error (error, _("--charged and --no-charged contradict each other: give one."));

  if (refund && no_refund)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--refund and --no-refund contradict each other: give one."));
      return FALSE;
    }

  if (currency_text != NULL && amount_text == NULL)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--currency needs --amount: the amount in the new currency."));
      return FALSE;
    }

  if ((currency_text != NULL && !outlay_cli_parse_currency (currency_text, &currency, error)) ||
      (description_text != NULL && !(description = outlay_cli_text (description_text, "--description", error))) ||
      (category_text != NULL && !(category_name = outlay_cli_text (category_text, "--category", error))) ||
      (note_text != NULL && !(note = outlay_cli_text (note_text, "--note", error))) ||
      (date_text != NULL && !outlay_cli_parse_date (date_text, "--date", &date, error)))
    return FALSE;

  /* The amount is read in the currency it will have, so without a new
   * one it is only checked once the expense is known. */
  if (amount_text != NULL && currency != NULL &&
      !outlay_cli_parse_amount (amount_text, currency, &amount, error))
    return FALSE;

  if (!outlay_cli_open (cli, FALSE, error) ||
      !(expense = outlay_cli_find_expense (cli, args[1], error)))
    return FALSE;

  if (amount_text != NULL && currency == NULL &&
      !outlay_cli_parse_amount (amount_text, outlay_expense_get_currency (expense), &amount, error))
    return FALSE;

  if (category_name != NULL)
    {
      OutlayCategory *category = outlay_cli_find_category (cli, category_name, error);

      if (category == NULL)
        return FALSE;
      outlay_expense_set_category_id (expense, outlay_category_get_id (category));
    }

  /* A new amount keeps the expense a refund or money spent, as it was,
   * unless --refund or --no-refund says otherwise. */
  if (amount_text == NULL)
    amount = ABS (outlay_expense_get_amount (expense));
  if (refund || (outlay_expense_get_amount (expense) < 0 && !no_refund))
    amount = -amount;
  outlay_expense_set_amount (expense, amount);
  if (currency != NULL)
    outlay_expense_set_currency (expense, currency);
  if (description != NULL)
    outlay_expense_set_description (expense, description);
  if (note != NULL)
    outlay_expense_set_note (expense, note);
  if (date != NULL)
    outlay_expense_set_occurred_on (expense, date);
  /* A charge holds for the amount it was for: a new one forgets it; a
   * refund turned round turns its charge round too. */
  if (no_charged || amount_text != NULL)
    outlay_expense_set_charged (expense, 0, NULL);
  {
    gint64      charged = 0;
    const char *charged_currency = outlay_expense_get_charged (expense, &charged);

    if (charged_currency != NULL && (charged < 0) != (amount < 0))
      outlay_expense_set_charged (expense, -charged, charged_currency);
  }
  if (charged_text != NULL && !set_charged (cli, expense, charged_text, amount < 0, error))
    return FALSE;

  stored = outlay_repository_update_expense (cli->repository, expense, error);
  if (stored == NULL)
    return FALSE;

  if (cli->json)
    print_json_expense (cli, stored);
  else
    {
      g_autofree char *what = outlay_cli_describe_expense (cli, stored);

      g_autofree char *id = format_id (stored);

      outlay_cli_print (_("Changed expense %s: %s.\n"), id, what);
    }

  return TRUE;
}

/* delete and restore */

static gboolean
set_deleted (OutlayCli *cli,
             char     **argv,
             gboolean   deleted,
             GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayExpense) expense = NULL;
  g_autoptr (OutlayExpense) changed = NULL;
  g_autoptr (GError) local_error = NULL;

  if (deleted)
    context = outlay_cli_context_new (cli, _("ID|UUID"),
                                      _("Deletes an expense. It is kept, marked deleted, so that "
                                        "“outlay restore” can bring it back exactly as it was."),
                                      _("Example:\n"
                                        "  outlay delete 12\n"
                                        "\n"
                                        "With --json, the deleted expense object, its deleted_at set:\n"),
                                      EXPENSE_JSON_HELP,
                                      NULL);
  else
    context =
      outlay_cli_context_new (cli, _("ID|UUID"),
                              _("Brings back a deleted expense. (Given a backup file or a backup's name "
                                "instead, “outlay restore” brings back that backup: see “outlay restore --help”.)"),
                              _("Example:\n"
                                "  outlay restore 12\n"
                                "\n"
                                "With --json, the restored expense object:\n"),
                              EXPENSE_JSON_HELP, NULL);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, 1, _("Give the number or the UUID of an expense."), error) ||
      !outlay_cli_open (cli, FALSE, error))
    return FALSE;

  expense = outlay_cli_find_expense (cli, args[1], &local_error);
  if (expense == NULL)
    {
      if (!deleted && g_error_matches (local_error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE) &&
          g_file_test (args[1], G_FILE_TEST_EXISTS))
        g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                     _("“%s” is not the number of an expense; to restore the backup file of that name, write it as a "
                       "path: “outlay restore ./%s”."),
                     args[1], args[1]);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (deleted)
    changed = outlay_repository_delete_expense (cli->repository, outlay_expense_get_id (expense), error);
  else
    changed = outlay_repository_restore_expense (cli->repository, outlay_expense_get_id (expense), error);
  if (changed == NULL)
    return FALSE;

  if (cli->json)
    print_json_expense (cli, changed);
  else
    {
      g_autofree char *what = outlay_cli_describe_expense (cli, changed);
      g_autofree char *id = format_id (changed);

      if (deleted)
        {
          g_autofree char *prefix = outlay_cli_dup_command_prefix (cli);

          outlay_cli_print (_("Deleted expense %s: %s.\n"), id, what);
          outlay_cli_print (_("To bring it back: %s restore %s\n"), prefix, id);
        }
      else
        outlay_cli_print (_("Restored expense %s: %s.\n"), id, what);
    }

  return TRUE;
}

gboolean
outlay_cli_delete (OutlayCli *cli,
                   char     **argv,
                   GError   **error)
{
  return set_deleted (cli, argv, TRUE, error);
}

gboolean
outlay_cli_restore (OutlayCli *cli,
                    char     **argv,
                    GError   **error)
{
  return set_deleted (cli, argv, FALSE, error);
}
