/* outlay-cli-rates.c: outlay rates
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

/* `outlay rates [list|set|delete|import]`: exchange rates. Which rate an
 * amount takes is the store's to work out (outlay-rate-book.c); this file
 * reads options and prints. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cli-private.h"
#include "outlay-currency.h"
#include "outlay-rates-import.h"
#include "outlay-number.h"

#define RATE_JSON_HELP                                        \
  "  {\n"                                                     \
  "    \"uuid\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\n" \
  "    \"currency\": \"USD\",\n"                              \
  "    \"quote\": \"EUR\",\n"                                 \
  "    \"date\": \"2026-05-14\",\n"                           \
  "    \"rate\": \"0.9205\",\n"                               \
  "    \"source\": \"entered\",\n"                            \
  "    \"source_name\": null,\n"                              \
  "    \"created_at\": \"2026-05-14T09:15:00.000Z\",\n"       \
  "    \"updated_at\": \"2026-05-14T09:15:00.000Z\"\n"        \
  "  }\n"

static void
json_rate (JsonBuilder        *builder,
           OutlayExchangeRate *rate)
{
  const char *source_name = outlay_exchange_rate_get_source_name (rate);

  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_add_string (builder, "uuid", outlay_exchange_rate_get_uuid (rate));
  outlay_cli_json_add_string (builder, "currency", outlay_exchange_rate_get_currency (rate));
  outlay_cli_json_add_string (builder, "quote", outlay_exchange_rate_get_quote (rate));
  outlay_cli_json_add_string (builder, "date", outlay_exchange_rate_get_day (rate));
  outlay_cli_json_add_string (builder, "rate", outlay_exchange_rate_get_rate (rate));
  outlay_cli_json_add_string (builder, "source",
                              outlay_rate_source_to_string (outlay_exchange_rate_get_source (rate)));
  if (source_name != NULL)
    outlay_cli_json_add_string (builder, "source_name", source_name);
  else
    outlay_cli_json_add_null (builder, "source_name");
  outlay_cli_json_add_string (builder, "created_at", outlay_exchange_rate_get_created_at (rate));
  outlay_cli_json_add_string (builder, "updated_at", outlay_exchange_rate_get_updated_at (rate));
  if (outlay_exchange_rate_get_deleted_at (rate) != NULL)
    outlay_cli_json_add_string (builder, "deleted_at", outlay_exchange_rate_get_deleted_at (rate));
  json_builder_end_object (builder);
}

static void
print_json_rate (OutlayExchangeRate *rate)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_rate (builder, rate);
  outlay_cli_json_print (builder);
}


/* A currency code given as an argument or an option. */
static gboolean
parse_code (const char *text,
            const char *what,
            char      **code,
            GError    **error)
{
  g_autofree char      *upper = g_ascii_strup (text, -1);
  const OutlayCurrency *known = outlay_currency_lookup (upper);

  if (known == NULL)
    /* Translators: the first %s is what the code is for: "The currency", "--quote" */
    return outlay_cli_usage_error (error, _("%s “%s” is not a currency code Outlay knows (ISO 4217, such as USD)."),
                                   what, text);

  *code = g_strdup (known->code);
  return TRUE;
}

/* A rate as typed: a point or, with no point, one comma marks the
 * decimals ("0,9205" in German), read before the ledger is opened. A
 * comma followed by three digits could as well group thousands
 * ("1,350"): refused rather than guessed. */
static char *
read_rate (const char *text,
           GError    **error)
{
  g_autofree char *rate = outlay_rate_normalize (text);
  g_autoptr (GError) rate_error = NULL;
  OutlayRate parsed;

  /* A comma outlay_rate_normalize() left: it could group thousands. */
  if (strchr (rate, '.') == NULL && strchr (rate, ',') != NULL && strchr (rate, ',') == strrchr (rate, ','))
    {
      g_autofree char *whole = g_strdup (rate);
      g_autofree char *decimal = g_strdup (rate);

      memmove (strchr (whole, ','), strchr (whole, ',') + 1, strlen (strchr (whole, ',')));
      *strchr (decimal, ',') = '.';
      /* Translators: "“1,350” could be 1350 or 1.350; write the rate with a point." */
      outlay_cli_usage_error (error, _("“%s” could be %s or %s; write the rate with a point."), rate, whole,
                              decimal);
      return NULL;
    }
  if (!outlay_rate_parse (rate, &parsed, &rate_error))
    {
      outlay_cli_usage_error (error, "%s", rate_error->message);
      return NULL;
    }
  return g_steal_pointer (&rate);
}

/* The quote of a command: --quote, else the ledger's currency. */
static gboolean
read_quote (OutlayCli  *cli,
            const char *quote_text,
            char      **quote,
            GError    **error)
{
  if (quote_text != NULL)
    return parse_code (quote_text, "--quote", quote, error);

  *quote = outlay_repository_dup_currency (cli->repository, outlay_currency_for_locale ());
  return TRUE;
}

static gboolean
list_rates (OutlayCli *cli,
            char     **argv,
            GError   **error)
{
  gboolean         whole = g_str_equal (cli->command, "rates");
  g_autofree char *currency_text = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *limit_text = NULL;
  guint64          limit = 0;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "currency", 'c', 0, G_OPTION_ARG_STRING, &currency_text, N_("Only the rates of this currency"), N_("CODE") },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text, N_("At most this many, the newest"), N_("N") },
    G_OPTION_ENTRY_NULL,
  };
  /* clang-format on */
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayCliTable) table = outlay_cli_table_new (4);
  g_autoptr (GPtrArray) rates = NULL;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, whole ? _("[list|set|delete|import] …") : NULL,
    _("Lists the exchange rates, the newest first: what one unit of a currency was worth in another on a day. An "
      "amount in another currency takes your rate of its day or before, else a file’s of the week before, else one "
      "through the euro; an amount with no rate is counted apart, never guessed. “outlay rates set”, “delete” and "
      "“import” deal with them; each has its own --help."),
    _("Examples:\n"
      "  outlay rates set USD 0.9205 --date 2026-05-14\n"
      "  outlay rates import eurofxref-hist.csv\n"
      "  outlay rates list --currency USD --limit 10\n"
      "\n"
      "With --json, an array of rate objects:\n"),
    "[\n" RATE_JSON_HELP "]\n", entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if ((currency_text != NULL && !parse_code (currency_text, "--currency", &currency, error)) ||
      !outlay_cli_expect_args (cli, args, 0, 0, NULL, error))
    return FALSE;
  if (limit_text != NULL && !outlay_parse_unsigned (limit_text, 1, G_MAXUINT, &limit))
    return outlay_cli_usage_error (error, _("--limit takes a whole number from 1, not “%s”."), limit_text);
  if (!outlay_cli_open (cli, FALSE, error) ||
      !(rates = outlay_repository_list_rates (cli->repository, currency, (guint) limit, error)))
    return FALSE;

  if (cli->json)
    {
      for (guint i = 0; i < rates->len; i++)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();

          json_rate (builder, g_ptr_array_index (rates, i));
          outlay_cli_json_print_element (builder, i);
        }
      outlay_cli_json_print_end (rates->len);
      return TRUE;
    }

  if (rates->len == 0)
    {
      outlay_cli_print (_("There are no exchange rates. “outlay rates set CODE RATE” adds one, “outlay rates import "
                          "FILE” reads a file of them.\n"));
      return TRUE;
    }

  outlay_cli_table_add (table, _("DATE"), _("RATE"), _("SOURCE"), _("UUID"), NULL);
  for (guint i = 0; i < rates->len; i++)
    {
      OutlayExchangeRate *rate = g_ptr_array_index (rates, i);
      g_autofree char    *said = outlay_cli_describe_rate (outlay_exchange_rate_get_currency (rate),
                                                     outlay_exchange_rate_get_rate (rate),
                                                     outlay_exchange_rate_get_quote (rate));

      outlay_cli_table_add (table, outlay_exchange_rate_get_day (rate), said,
                            outlay_cli_rate_source (outlay_exchange_rate_get_source (rate),
                                                    outlay_exchange_rate_get_source_name (rate)),
                            outlay_exchange_rate_get_uuid (rate), NULL);
    }
  outlay_cli_table_print (table, "");
  return TRUE;
}

static gboolean
set_rate (OutlayCli *cli,
          char     **argv,
          GError   **error)
{
  g_autofree char *date_text = NULL;
  g_autofree char *quote_text = NULL;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, N_("The day of the rate (default: today)"), N_("DATE") },
    { "quote", 'q', 0, G_OPTION_ARG_STRING, &quote_text,
      N_("The currency the rate is in (default: the ledger’s)"), N_("CODE") },
    G_OPTION_ENTRY_NULL,
  };
  /* clang-format on */
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayExchangeRate) stored = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *day = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *said = NULL;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("CODE RATE"),
    _("Says what one unit of currency CODE was worth in the ledger’s currency (or --quote) on a day. Your rates "
      "come before those of files, and hold until a newer one of yours. RATE is a decimal number such as 0.9205; "
      "a comma works as the decimal point too. A rate you set again for the same day takes the place of the old."),
    _("Examples:\n"
      "  outlay rates set USD 0.9205\n"
      "  outlay rates set CHF 1,0190 --date 2026-05-14\n"
      "  outlay rates set EUR 161.98 --quote JPY\n"
      "\n"
      "With --json, the rate object:\n"),
    RATE_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 2, 2, _("Give the currency and its rate: outlay rates set USD 0.9205."),
                               error) ||
      !parse_code (args[1], _("The currency"), &currency, error) ||
      (date_text != NULL && !outlay_cli_parse_date (date_text, "--date", &day, error)))
    return FALSE;
  if (day == NULL)
    {
      g_autoptr (GDate) today = outlay_date_new_today ();

      day = outlay_date_format_iso (today);
    }
  if (quote_text != NULL && !parse_code (quote_text, "--quote", &quote, error))
    return FALSE;
  if (!(rate = read_rate (args[2], error)))
    return FALSE;
  if (!outlay_cli_open (cli, FALSE, error) || (quote == NULL && !read_quote (cli, NULL, &quote, error)) ||
      !(stored = outlay_repository_set_rate (cli->repository, currency, quote, day, rate, error)))
    return FALSE;

  if (cli->json)
    {
      print_json_rate (stored);
      return TRUE;
    }
  said = outlay_cli_describe_rate (currency, outlay_exchange_rate_get_rate (stored), quote);
  /* Translators: "Set 1 USD = 0.9205 EUR on 2026-05-14." */
  outlay_cli_print (_("Set %s on %s.\n"), said, day);
  return TRUE;
}

static gboolean
delete_rate (OutlayCli *cli,
             char     **argv,
             GError   **error)
{
  g_autofree char *date_text = NULL;
  g_autofree char *quote_text = NULL;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, N_("The day of the rate (default: today)"), N_("DATE") },
    { "quote", 'q', 0, G_OPTION_ARG_STRING, &quote_text,
      N_("The currency the rate is in (default: the ledger’s)"), N_("CODE") },
    G_OPTION_ENTRY_NULL,
  };
  /* clang-format on */
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayExchangeRate) deleted = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *said = NULL;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("CODE|UUID"),
    _("Deletes your rate of currency CODE for a day, or the rate of UUID (as “outlay rates list” shows it), yours "
      "or a file’s. Amounts of that day then take another rate, or none. The rate is kept, marked deleted, for a "
      "later sync."),
    _("Examples:\n"
      "  outlay rates delete USD --date 2026-05-14\n"
      "  outlay rates delete 0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\n"
      "\n"
      "With --json, the deleted rate object, with its deleted_at:\n"),
    RATE_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 1, 1, _("Give the currency of the rate, or its uuid."), error))
    return FALSE;

  if (strlen (args[1]) == 3)
    {
      g_autofree char *currency = NULL;
      g_autofree char *quote = NULL;
      g_autofree char *day = NULL;
      g_autoptr (GPtrArray) rates = NULL;

      if (!parse_code (args[1], _("The currency"), &currency, error) ||
          (date_text != NULL && !outlay_cli_parse_date (date_text, "--date", &day, error)) ||
          (quote_text != NULL && !parse_code (quote_text, "--quote", &quote, error)) ||
          !outlay_cli_open (cli, FALSE, error) || (quote == NULL && !read_quote (cli, NULL, &quote, error)) ||
          !(rates = outlay_repository_list_rates (cli->repository, currency, 0, error)))
        return FALSE;
      if (day == NULL)
        {
          g_autoptr (GDate) today = outlay_date_new_today ();

          day = outlay_date_format_iso (today);
        }
      for (guint i = 0; uuid == NULL && i < rates->len; i++)
        {
          OutlayExchangeRate *rate = g_ptr_array_index (rates, i);

          if (g_str_equal (outlay_exchange_rate_get_currency (rate), currency) &&
              g_str_equal (outlay_exchange_rate_get_quote (rate), quote) &&
              g_str_equal (outlay_exchange_rate_get_day (rate), day) &&
              outlay_exchange_rate_get_source (rate) == OUTLAY_RATE_SOURCE_ENTERED)
            uuid = g_strdup (outlay_exchange_rate_get_uuid (rate));
        }
      if (uuid == NULL)
        {
          g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_NOT_FOUND,
                       _("You have no rate of %s in %s on %s."), currency, quote, day);
          return FALSE;
        }
    }
  else if (!outlay_cli_open (cli, FALSE, error))
    return FALSE;

  if (!(deleted = outlay_repository_delete_rate (cli->repository, uuid != NULL ? uuid : args[1], error)))
    return FALSE;

  if (cli->json)
    {
      print_json_rate (deleted);
      return TRUE;
    }
  said = outlay_cli_describe_rate (outlay_exchange_rate_get_currency (deleted), outlay_exchange_rate_get_rate (deleted),
                             outlay_exchange_rate_get_quote (deleted));
  /* Translators: "Deleted the rate 1 USD = 0.9205 EUR of 2026-05-14." */
  outlay_cli_print (_("Deleted the rate %s of %s.\n"), said, outlay_exchange_rate_get_day (deleted));
  return TRUE;
}

static const char *
format_name (OutlayRateFileFormat format)
{
  switch (format)
    {
    case OUTLAY_RATE_FILE_FORMAT_ECB_CSV:
      return "ecb-csv";
    case OUTLAY_RATE_FILE_FORMAT_ECB_XML:
      return "ecb-xml";
    case OUTLAY_RATE_FILE_FORMAT_PLAIN_CSV:
      return "csv";
    case OUTLAY_RATE_FILE_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}

static gboolean
import_rates (OutlayCli *cli,
              char     **argv,
              GError   **error)
{
  gboolean dry_run = FALSE;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Read the file and say what it holds; write nothing"),
      NULL },
    G_OPTION_ENTRY_NULL,
  };
  /* clang-format on */
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_auto (OutlayRatesImport) report = { 0 };
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize            length = 0;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("FILE"),
    _("Reads the exchange rates of a file and adds them as a file’s rates, in one change: the European Central "
      "Bank’s history (eurofxref-hist.csv), its daily or 90-day XML (eurofxref-daily.xml, eurofxref-hist-90d.xml), "
      "or a CSV file with the columns date,currency,rate and an optional quote (the ledger’s currency without). A "
      "rate the ledger has already for the same day is replaced when the file’s differs, so a newer file can be "
      "imported over an older one. Every line that cannot be read is listed; the rest is imported."),
    _("Examples:\n"
      "  outlay rates import eurofxref-hist.csv\n"
      "  outlay rates import my-rates.csv --dry-run\n"
      "\n"
      "With --json, one object:\n"),
    "  {\n"
    "    \"file\": \"eurofxref-hist.csv\",\n"
    "    \"format\": \"ecb-csv\",\n"
    "    \"source_name\": \"ECB\",\n"
    "    \"dry_run\": false,\n"
    "    \"rates\": 276123,\n"
    "    \"added\": 276000,\n"
    "    \"changed\": 123,\n"
    "    \"unchanged\": 0,\n"
    "    \"problems\": [ { \"line\": 12, \"reason\": \"…\" } ]\n"
    "  }\n",
    entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 1, 1, _("Give the file of rates to import."), error))
    return FALSE;
  if (!g_file_get_contents (args[1], &data, &length, error))
    return FALSE;
  name = g_filename_display_basename (args[1]);
  if (!outlay_cli_open (cli, FALSE, error) ||
      !outlay_rates_import_file (cli->repository, name, data, length, dry_run, NULL, NULL, NULL, &report, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "file", name);
      outlay_cli_json_add_string (builder, "format", format_name (report.format));
      outlay_cli_json_add_string (builder, "source_name", report.source_name);
      outlay_cli_json_add_bool (builder, "dry_run", dry_run);
      outlay_cli_json_add_int (builder, "rates", report.n_read);
      outlay_cli_json_add_int (builder, "added", report.written.added);
      outlay_cli_json_add_int (builder, "changed", report.written.changed);
      outlay_cli_json_add_int (builder, "unchanged", report.written.unchanged);
      outlay_cli_json_begin_array (builder, "problems");
      for (guint i = 0; i < report.problems->len; i++)
        {
          const OutlayRateFileProblem *problem = g_ptr_array_index (report.problems, i);

          outlay_cli_json_begin_object (builder, NULL);
          outlay_cli_json_add_int (builder, "line", problem->line);
          outlay_cli_json_add_string (builder, "reason", problem->reason);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      outlay_cli_json_print (builder);
      return TRUE;
    }

  outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Read %u rate from “%s” (%s).\n", "Read %u rates from “%s” (%s).\n",
                                 report.n_read),
                    report.n_read, name, report.source_name);
  if (!dry_run)
    /* Translators: after "Read 276,123 rates from …" */
    outlay_cli_print (_("Added %u, changed %u, %u as they were.\n"), report.written.added, report.written.changed,
                      report.written.unchanged);
  if (report.problems->len > 0)
    outlay_cli_print (_("Lines left out:\n"));
  for (guint i = 0; i < report.problems->len; i++)
    {
      const OutlayRateFileProblem *problem = g_ptr_array_index (report.problems, i);

      /* Translators: a line of a file of rates left out, and why */
      outlay_cli_print (_("  line %u: %s\n"), problem->line, problem->reason);
    }
  if (dry_run)
    outlay_cli_print (_("Nothing was written (--dry-run).\n"));
  return TRUE;
}

gboolean
outlay_cli_rates (OutlayCli *cli,
                  char     **argv,
                  GError   **error)
{
  static const OutlayCliSubcommand subcommands[] = {
    { "list", "rates list", list_rates },
    { "set", "rates set", set_rate },
    { "delete", "rates delete", delete_rate },
    { "import", "rates import", import_rates },
  };
  gboolean handled;
  gboolean done;
  int      sub;

  done = outlay_cli_run_subcommand (cli, argv, subcommands, G_N_ELEMENTS (subcommands), &sub, &handled, error);
  if (handled)
    return done;
  if (sub < 0)
    return list_rates (cli, argv, error);

  {
    g_autofree char *utf8 = g_utf8_make_valid (argv[sub], -1);

    /* Translators: the words after “outlay rates” */
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE, _("“%s” is not one of list, set, delete or import."),
                 utf8);
  }
  return FALSE;
}
