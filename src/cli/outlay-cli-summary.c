/* outlay-cli-summary.c
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

/* `outlay summary`: what the dashboard shows, as text. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cli-private.h"
#include "outlay-money.h"
#include "outlay-period.h"

typedef struct
{
  gint64 category_id;
  gint64 total;
  guint  count;
} CategoryRow;

typedef struct
{
  char   *from;
  char   *to;
  int     days;
  gint64  total;
  guint   count;
  GArray *others; /* OutlayCurrencyTotal: the expenses in other currencies */
} Period;

static void
period_clear (Period *period)
{
  g_clear_pointer (&period->from, g_free);
  g_clear_pointer (&period->to, g_free);
  g_clear_pointer (&period->others, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Period, period_clear)

/* The total in @currency of what @query matches, and the totals of the
 * other currencies. */
static gboolean
total_of (OutlayCli         *cli,
          const OutlayQuery *query,
          const char        *currency,
          gint64            *total,
          guint             *count,
          GArray           **others,
          GError           **error)
{
  g_autoptr (GArray) totals = outlay_repository_summarize (cli->repository, query, NULL, error);

  if (totals == NULL)
    return FALSE;

  *total = 0;
  *count = 0;
  if (others != NULL)
    *others = g_array_new (FALSE, FALSE, sizeof (OutlayCurrencyTotal));

  for (guint i = 0; i < totals->len; i++)
    {
      const OutlayCurrencyTotal *row = &g_array_index (totals, OutlayCurrencyTotal, i);

      if (g_str_equal (row->currency, currency))
        {
          *total = row->total;
          *count = row->count;
        }
      else if (others != NULL)
        g_array_append_val (*others, *row);
    }

  return TRUE;
}

static gboolean
compute_period (OutlayCli   *cli,
                OutlayQuery *query,
                const char  *currency,
                Period      *period,
                GError     **error)
{
  g_autoptr (GDate) first = outlay_date_parse_iso (period->from);
  g_autoptr (GDate) last = outlay_date_parse_iso (period->to);

  period->days = g_date_days_between (first, last) + 1;
  outlay_query_set_date_range (query, period->from, period->to);

  return total_of (cli, query, currency, &period->total, &period->count, &period->others, error);
}

/* Spending by category, largest first: the filter of @query once for each
 * category, so that a search or a set of categories applies too. */
static GArray *
totals_by_category (OutlayCli   *cli,
                    OutlayQuery *query,
                    const char  *currency,
                    GError     **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (CategoryRow));
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel   *categories = outlay_repository_get_categories (cli->repository);
  guint         n_filter;
  const gint64 *filter = outlay_query_get_categories (query, &n_filter);

  if (n_filter > 0)
    g_array_append_vals (wanted, filter, n_filter);
  else
    for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
      {
        g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
        gint64 id = outlay_category_get_id (category);

        g_array_append_val (wanted, id);
      }

  for (guint i = 0; i < wanted->len; i++)
    {
      g_autoptr (OutlayQuery) one = outlay_query_copy (query);
      CategoryRow row = { g_array_index (wanted, gint64, i), 0, 0 };

      outlay_query_set_categories (one, &row.category_id, 1);
      if (!total_of (cli, one, currency, &row.total, &row.count, NULL, error))
        return NULL;
      if (row.count > 0)
        g_array_append_val (rows, row);
    }

  /* Largest first; equal ones in the order of the category list. */
  for (guint i = 1; i < rows->len; i++)
    for (guint j = i;
         j > 0 && g_array_index (rows, CategoryRow, j).total > g_array_index (rows, CategoryRow, j - 1).total; j--)
      {
        CategoryRow swap = g_array_index (rows, CategoryRow, j);

        g_array_index (rows, CategoryRow, j) = g_array_index (rows, CategoryRow, j - 1);
        g_array_index (rows, CategoryRow, j - 1) = swap;
      }

  return g_steal_pointer (&rows);
}

/* The daily average, rounded half away from zero as the dashboard does. */
static gint64
daily_average (const Period *period)
{
  if (period->days <= 0)
    return 0;

  return (period->total + (period->total >= 0 ? period->days / 2 : -period->days / 2)) / period->days;
}

static char *
format_signed (gint64      amount,
               const char *currency)
{
  g_autofree char *text = outlay_money_format (amount, currency);

  return amount > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

static void
json_others (JsonBuilder *builder,
             GArray      *others)
{
  outlay_cli_json_begin_array (builder, "other_currencies");
  for (guint i = 0; i < others->len; i++)
    {
      const OutlayCurrencyTotal *row = &g_array_index (others, OutlayCurrencyTotal, i);

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "currency", row->currency);
      outlay_cli_json_add_money (builder, "total", row->total, row->currency);
      outlay_cli_json_add_int (builder, "count", row->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* How one rate a conversion took reads: "1 EUR = 1.0813 USD, ECB,
 * 2024-05-14". */
static char *
describe_leg (const OutlayRateLeg *leg)
{
  g_autofree char *rate = outlay_cli_describe_rate (leg->currency, leg->rate, leg->quote);

  return g_strdup_printf ("%s, %s, %s", rate, outlay_cli_rate_source (leg->source, leg->source_name), leg->day);
}

static void
json_leg (JsonBuilder         *builder,
          const OutlayRateLeg *leg)
{
  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_add_string (builder, "currency", leg->currency);
  outlay_cli_json_add_string (builder, "quote", leg->quote);
  outlay_cli_json_add_string (builder, "rate", leg->rate);
  outlay_cli_json_add_string (builder, "rate_date", leg->day);
  outlay_cli_json_add_string (builder, "rate_source", outlay_rate_source_to_string (leg->source));
  if (leg->source_name != NULL)
    outlay_cli_json_add_string (builder, "rate_source_name", leg->source_name);
  else
    outlay_cli_json_add_null (builder, "rate_source_name");
  json_builder_end_object (builder);
}

static void
json_converted (JsonBuilder                *builder,
                const OutlayConvertedTotal *converted)
{
  outlay_cli_json_begin_object (builder, "converted");
  outlay_cli_json_add_string (builder, "currency", converted->home);
  outlay_cli_json_add_money (builder, "total", converted->total, converted->home);
  outlay_cli_json_add_int (builder, "without_rate", converted->n_without_rate);
  outlay_cli_json_begin_array (builder, "currencies");
  for (guint i = 0; i < converted->currencies->len; i++)
    {
      const OutlayConvertedCurrency *row = &g_array_index (converted->currencies, OutlayConvertedCurrency, i);

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "currency", row->currency);
      outlay_cli_json_add_money (builder, "total", row->total, row->currency);
      outlay_cli_json_add_int (builder, "count", row->count);
      outlay_cli_json_add_money (builder, "converted", row->converted, converted->home);
      outlay_cli_json_add_int (builder, "charged", row->n_charged);
      outlay_cli_json_add_int (builder, "without_rate", row->n_without_rate);
      outlay_cli_json_add_money (builder, "without_rate_total", row->total_without_rate, row->currency);
      outlay_cli_json_add_bool (builder, "several_rates", row->several_rates);
      outlay_cli_json_begin_array (builder, "rates");
      for (guint j = 0; j < row->latest.n_legs; j++)
        json_leg (builder, &row->latest.legs[j]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* "In EUR: ≈ €309.59", then how each currency came to it. */
static void
print_converted (const OutlayConvertedTotal *converted)
{
  g_autofree char *total = outlay_money_format (converted->total, converted->home);

  outlay_cli_write ("\n");
  /* Translators: the total of a period converted: "In EUR: ≈ €309.59" */
  outlay_cli_print (_("In %s: ≈ %s\n"), converted->home, total);
  for (guint i = 0; i < converted->currencies->len; i++)
    {
      const OutlayConvertedCurrency *row = &g_array_index (converted->currencies, OutlayConvertedCurrency, i);
      g_autofree char               *own = outlay_money_format (row->total - row->total_without_rate, row->currency);
      g_autofree char               *in_home = outlay_money_format (row->converted, converted->home);
      g_autoptr (GString) how = g_string_new (NULL);

      if (g_str_equal (row->currency, converted->home))
        continue;
      for (guint j = 0; j < row->latest.n_legs; j++)
        {
          g_autofree char *leg = describe_leg (&row->latest.legs[j]);

          g_string_append_printf (how, "%s%s", j > 0 ? "; " : "", leg);
        }
      if (row->several_rates)
        /* Translators: after the latest rate of a currency, when its days took several */
        g_string_append (how, _(" and the rates of the other days"));
      if (row->n_charged > 0)
        g_string_append_printf (how, g_dngettext (GETTEXT_PACKAGE, "%s%u at the card’s charge",
                                                  "%s%u at the card’s charge", row->n_charged),
                                how->len > 0 ? "; " : "", row->n_charged);
      if (row->total != row->total_without_rate)
        outlay_cli_print ("  %s → %s (%s)\n", own, in_home, how->str);
      if (row->n_without_rate > 0)
        {
          g_autofree char *left = outlay_money_format (row->total_without_rate, row->currency);

          outlay_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                         "  Not counted: %s in %u expense has no rate (outlay rates set %s RATE)\n",
                                         "  Not counted: %s in %u expenses have no rate (outlay rates set %s RATE)\n",
                                         row->n_without_rate),
                            left, row->n_without_rate, row->currency);
        }
    }
}

static void
print_json (OutlayCli                  *cli,
            const char                 *currency,
            const Period               *current,
            const Period               *previous,
            GArray                     *by_category,
            const OutlayConvertedTotal *converted)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_add_string (builder, "from", current->from);
  outlay_cli_json_add_string (builder, "to", current->to);
  outlay_cli_json_add_int (builder, "days", current->days);
  outlay_cli_json_add_string (builder, "currency", currency);
  outlay_cli_json_add_money (builder, "total", current->total, currency);
  outlay_cli_json_add_int (builder, "count", current->count);
  outlay_cli_json_add_money (builder, "daily_average", daily_average (current), currency);

  outlay_cli_json_begin_array (builder, "categories");
  for (guint i = 0; i < by_category->len; i++)
    {
      const CategoryRow *row = &g_array_index (by_category, CategoryRow, i);

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "category", outlay_cli_category_name (cli, row->category_id));
      outlay_cli_json_add_int (builder, "category_id", row->category_id);
      outlay_cli_json_add_money (builder, "total", row->total, currency);
      outlay_cli_json_add_int (builder, "count", row->count);
      outlay_cli_json_add_percent (builder, "percent", row->total, current->total);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  outlay_cli_json_begin_object (builder, "previous");
  outlay_cli_json_add_string (builder, "from", previous->from);
  outlay_cli_json_add_string (builder, "to", previous->to);
  outlay_cli_json_add_money (builder, "total", previous->total, currency);
  outlay_cli_json_add_int (builder, "count", previous->count);
  outlay_cli_json_add_money (builder, "change", current->total - previous->total, currency);
  outlay_cli_json_add_percent (builder, "change_percent", current->total - previous->total, previous->total);
  json_builder_end_object (builder);

  json_others (builder, current->others);
  if (converted != NULL)
    json_converted (builder, converted);
  json_builder_end_object (builder);

  outlay_cli_json_print (builder);
}

static void
print_text (OutlayCli    *cli,
            const char   *currency,
            const Period *current,
            const Period *previous,
            GArray       *by_category)
{
  g_autoptr (OutlayCliTable) overview = outlay_cli_table_new (2);
  g_autofree char *range =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s (%d day)", "%s to %s (%d days)", current->days),
                     current->from, current->to, current->days);
  g_autofree char *total = outlay_money_format (current->total, currency);
  g_autofree char *total_line =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u expense", "%s in %u expenses", current->count), total,
                     current->count);
  g_autofree char *average = outlay_money_format (daily_average (current), currency);
  g_autofree char *previous_total = outlay_money_format (previous->total, currency);
  g_autofree char *previous_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u expense, %s to %s",
                                                                 "%s in %u expenses, %s to %s", previous->count),
                                                    previous_total, previous->count, previous->from, previous->to);
  g_autofree char *change = format_signed (current->total - previous->total, currency);
  g_autofree char *change_percent = outlay_cli_format_percent (current->total - previous->total, previous->total);
  g_autofree char *change_line = NULL;

  if (change_percent != NULL)
    change_line = g_strdup_printf ("%s (%s%s)", change, current->total > previous->total ? "+" : "", change_percent);
  else
    change_line = g_strdup (change);

  outlay_cli_table_add (overview, _("Period"), range, NULL);
  outlay_cli_table_add (overview, _("Total"), total_line, NULL);
  outlay_cli_table_add (overview, _("Daily average"), average, NULL);
  outlay_cli_table_add (overview, _("Period before"), previous_line, NULL);
  outlay_cli_table_add (overview, _("Change"), change_line, NULL);
  outlay_cli_table_print (overview, NULL);

  if (by_category->len > 0)
    {
      g_autoptr (OutlayCliTable) table = outlay_cli_table_new (4);

      outlay_cli_table_align_right (table, 1);
      outlay_cli_table_align_right (table, 2);
      outlay_cli_table_align_right (table, 3);
      outlay_cli_table_add (table, _("CATEGORY"), _("AMOUNT"), _("SHARE"), _("COUNT"), NULL);

      for (guint i = 0; i < by_category->len; i++)
        {
          const CategoryRow *row = &g_array_index (by_category, CategoryRow, i);
          g_autofree char   *amount = outlay_money_format (row->total, currency);
          g_autofree char   *share = outlay_cli_format_percent (row->total, current->total);
          g_autofree char   *count = g_strdup_printf ("%u", row->count);

          outlay_cli_table_add (table, outlay_cli_category_name (cli, row->category_id), amount,
                                share != NULL ? share : "", count, NULL);
        }

      outlay_cli_write ("\n");
      outlay_cli_table_print (table, NULL);
    }

  for (guint i = 0; i < current->others->len; i++)
    {
      const OutlayCurrencyTotal *row = &g_array_index (current->others, OutlayCurrencyTotal, i);
      g_autofree char           *other = outlay_money_format (row->total, row->currency);

      if (i == 0)
        outlay_cli_write ("\n");
      outlay_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                     "Not counted above: %s in %u expense (--currency %s)\n",
                                     "Not counted above: %s in %u expenses (--currency %s)\n", row->count),
                        other, row->count, row->currency);
    }
}

gboolean
outlay_cli_summary (OutlayCli *cli,
                    char     **argv,
                    GError   **error)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *currency_text = NULL;
  g_auto (GStrv) category_names = NULL;
  g_autofree char   *search_text = NULL;
  g_autofree char   *in_text = NULL;
  const GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_FILENAME, &month_text,
      N_("The month (default: this month, up to today)"), N_("YYYY-MM") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from_text,
      N_("The first day of the period (YYYY-MM-DD, today or yesterday)"), N_("DAY") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to_text,
      N_("The last day of the period (default with --from: today)"), N_("DAY") },
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &currency_text,
      N_("The currency to add up (default: the one chosen in Preferences, else the locale’s)"), N_("CODE") },
    { "category", 'c', 0, G_OPTION_ARG_FILENAME_ARRAY, &category_names,
      N_("Only expenses in this category; repeat it for several"), N_("NAME") },
    { "search", 's', 0, G_OPTION_ARG_FILENAME, &search_text,
      N_("Only expenses whose description or note contain these words"), N_("TEXT") },
    { "in", 0, 0, G_OPTION_ARG_FILENAME, &in_text,
      N_("Also convert the expenses of every currency to this one, at the rates of their days"), N_("CODE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (OutlayConvertedTotal) converted = NULL;
  g_autofree char *in = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *today_text = outlay_date_format_iso (today);
  g_autofree char *currency = NULL;
  g_autofree char *search = NULL;
  g_autoptr (GArray) by_category = NULL;
  g_auto (Period) current = { 0 };
  g_auto (Period) previous = { 0 };

  context = outlay_cli_context_new (cli, NULL,
                                    _("Adds up a period in one currency: the total, the number of expenses, the "
                                      "average per day of the period, the spending of each category with its share, "
                                      "and the change from the period before (the same months before a whole month "
                                      "or months, the same days of the month before for this month so far, else as "
                                      "many days just before). Expenses in other currencies are counted apart."),
                                    _("Examples:\n"
                                      "  outlay summary\n"
                                      "  outlay summary --month 2024-02 --currency EUR\n"
                                      "  outlay summary --from 2024-01-01 --to 2024-06-30 --category Groceries\n"
                                      "\n"
                                      "With --json, one object, with amounts as in “outlay list --json”; percent and\n"
                                      "change_percent are null when there is nothing to compare with:\n"),
                                    "  {\n"
                                    "    \"from\": \"2024-02-01\", \"to\": \"2024-02-29\", \"days\": 29,\n"
                                    "    \"currency\": \"EUR\",\n"
                                    "    \"total\": \"412.30\", \"total_minor\": 41230, \"count\": 37,\n"
                                    "    \"daily_average\": \"14.22\", \"daily_average_minor\": 1422,\n"
                                    "    \"categories\": [\n"
                                    "      { \"category\": \"Groceries\", \"category_id\": 2, \"total\": \"180.00\",\n"
                                    "        \"total_minor\": 18000, \"count\": 9, \"percent\": 43.7 }\n"
                                    "    ],\n"
                                    "    \"previous\": {\n"
                                    "      \"from\": \"2024-01-01\", \"to\": \"2024-01-31\", \"total\": \"390.00\",\n"
                                    "      \"total_minor\": 39000, \"count\": 35, \"change\": \"22.30\",\n"
                                    "      \"change_minor\": 2230, \"change_percent\": 5.7\n"
                                    "    },\n"
                                    "    \"other_currencies\": [\n"
                                    "      { \"currency\": \"USD\", \"total\": \"20.00\", \"total_minor\": 2000, "
                                    "\"count\": 1 }\n"
                                    "    ]\n"
                                    "  }\n",
                                    entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error))
    return FALSE;

  if (to_text != NULL && from_text == NULL)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("--to needs --from: a summary covers a period with a first day."));
      return FALSE;
    }

  if (!outlay_cli_parse_range (from_text, to_text, month_text, &current.from, &current.to, error) ||
      (currency_text != NULL && !outlay_cli_parse_currency (currency_text, &currency, error)) ||
      (in_text != NULL && !outlay_cli_parse_currency (in_text, &in, error)) ||
      (search_text != NULL && !(search = outlay_cli_text (search_text, "--search", error))))
    return FALSE;

  if (current.from == NULL)
    {
      /* This month so far, as on the dashboard. */
      outlay_period_get_range (OUTLAY_PERIOD_THIS_MONTH, today, &current.from, &current.to);
    }
  else if (current.to == NULL)
    {
      current.to = g_strdup (today_text);
      if (strcmp (current.from, current.to) > 0)
        {
          g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                       _("--from %s is after today; give --to as well."), current.from);
          return FALSE;
        }
    }
  else if (month_text != NULL && strcmp (current.from, today_text) <= 0 && strcmp (today_text, current.to) < 0)
    {
      /* The month is not over: it runs up to today. */
      g_free (current.to);
      current.to = g_strdup (today_text);
    }

  if (currency == NULL)
    currency = outlay_cli_dup_default_currency (cli);

  if (!outlay_cli_open (cli, FALSE, error) ||
      !outlay_cli_set_query_categories (cli, query, category_names, error))
    return FALSE;

  outlay_query_set_text (query, search);

  outlay_period_previous (current.from, current.to, today, &previous.from, &previous.to);

  if (!compute_period (cli, query, currency, &previous, error) ||
      !compute_period (cli, query, currency, &current, error))
    return FALSE;

  by_category = totals_by_category (cli, query, currency, error);
  if (by_category == NULL)
    return FALSE;
  if (in != NULL && !(converted = outlay_repository_convert_total (cli->repository, query, in, error)))
    return FALSE;

  if (cli->json)
    print_json (cli, currency, &current, &previous, by_category, converted);
  else
    {
      print_text (cli, currency, &current, &previous, by_category);
      if (converted != NULL)
        print_converted (converted);
    }

  return TRUE;
}
