/* outlay-cli-rules.c
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

/* `outlay rules [list|add|edit|move|delete|test|apply]`: the rules that file
 * expenses. What a rule matches and what applying them changes are the
 * store's to work out; this file reads options and prints. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cli-private.h"
#include "outlay-money.h"
#include "outlay-number.h"

#define RULE_JSON_HELP                                                 \
  "  {\n"                                                              \
  "    \"position\": 1,\n"                                             \
  "    \"uuid\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\n"          \
  "    \"field\": \"description\",\n"                                  \
  "    \"match\": \"contains\",\n"                                     \
  "    \"patterns\": [\n"                                              \
  "      \"sq *roastery\"\n"                                           \
  "    ],\n"                                                           \
  "    \"amount_min\": \"2.00\",\n"                                    \
  "    \"amount_max\": null,\n"                                        \
  "    \"currency\": \"EUR\",\n"                                       \
  "    \"category\": \"Food & Drink\",\n"                              \
  "    \"category_uuid\": \"0190e2a4-0000-7000-8000-000000000001\",\n" \
  "    \"rename\": \"Roastery\",\n"                                    \
  "    \"created_at\": \"2026-03-01T09:15:00.000Z\",\n"                \
  "    \"updated_at\": \"2026-03-01T09:15:00.000Z\"\n"                 \
  "  }\n"

#define TEST_JSON_HELP                                               \
  "{\n"                                                              \
  "  \"suggested_by\": \"rule\",\n"                                  \
  "  \"category\": \"Food & Drink\",\n"                              \
  "  \"category_uuid\": \"0190e2a4-0000-7000-8000-000000000001\",\n" \
  "  \"description\": \"Roastery\",\n"                               \
  "  \"rule\": { … a rule object, or null … }\n"                 \
  "}\n"

#define APPLY_JSON_HELP                                         \
  "{\n"                                                         \
  "  \"dry_run\": false,\n"                                     \
  "  \"only_other\": false,\n"                                  \
  "  \"scanned\": 1200,\n"                                      \
  "  \"changed\": 1,\n"                                         \
  "  \"skipped\": 0,\n"                                         \
  "  \"rules\": [\n"                                            \
  "    {\n"                                                     \
  "      \"position\": 1,\n"                                    \
  "      \"uuid\": \"0190e2a4-7b1c-7c3e-9a51-3f0e6c1d2b4a\",\n" \
  "      \"category\": \"Food & Drink\",\n"                     \
  "      \"count\": 1\n"                                        \
  "    }\n"                                                     \
  "  ],\n"                                                      \
  "  \"expenses\": [\n"                                         \
  "    {\n"                                                     \
  "      \"id\": 12,\n"                                         \
  "      \"date\": \"2026-02-27\",\n"                           \
  "      \"amount\": \"4.20\",\n"                               \
  "      \"amount_minor\": 420,\n"                              \
  "      \"currency\": \"EUR\",\n"                              \
  "      \"description\": \"SQ *ROASTERY 0423 BERLIN\",\n"      \
  "      \"new_description\": \"Roastery\",\n"                  \
  "      \"category\": \"Other\",\n"                            \
  "      \"new_category\": \"Food & Drink\",\n"                 \
  "      \"rule\": 1\n"                                         \
  "    }\n"                                                     \
  "  ]\n"                                                       \
  "}\n"

/* The options add and edit share: what a rule is. */
typedef struct
{
  char   **contains_texts;
  char    *category_name;
  char    *field_text;
  char    *match_text;
  char    *amount_min_text;
  char    *amount_max_text;
  char    *currency_text;
  char    *rename_text;
  gboolean no_rename;     /* edit */
  gboolean no_amount_min; /* edit */
  gboolean no_amount_max; /* edit */
  gboolean any_currency;  /* edit */

  /* What they say, read before the database is opened */
  GStrv           patterns;
  OutlayRuleField field;
  OutlayRuleMatch match;
  char           *currency;
  char           *rename;
} RuleOptions;

static void
rule_options_clear (RuleOptions *options)
{
  g_clear_pointer (&options->contains_texts, g_strfreev);
  g_clear_pointer (&options->category_name, g_free);
  g_clear_pointer (&options->field_text, g_free);
  g_clear_pointer (&options->match_text, g_free);
  g_clear_pointer (&options->amount_min_text, g_free);
  g_clear_pointer (&options->amount_max_text, g_free);
  g_clear_pointer (&options->currency_text, g_free);
  g_clear_pointer (&options->rename_text, g_free);
  g_clear_pointer (&options->patterns, g_strfreev);
  g_clear_pointer (&options->currency, g_free);
  g_clear_pointer (&options->rename, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RuleOptions, rule_options_clear)

/* Returns: (transfer container): the options of add, and for edit those
 * that clear a field too */
static GOptionEntry *
rule_options_entries (RuleOptions *options,
                      gboolean     edit)
{
  /* clang-format off */
  const GOptionEntry shared[] = {
    { "contains", 't', 0, G_OPTION_ARG_FILENAME_ARRAY, &options->contains_texts,
      N_("A word or text to look for, in any case and with or without accents; repeat it for several, any one "
         "is enough (edit: replaces them all)"),
      N_("TEXT") },
    { "category", 'c', 0, G_OPTION_ARG_FILENAME, &options->category_name,
      N_("The category it files a matching expense under, by name in any case"), N_("NAME") },
    { "field", 0, 0, G_OPTION_ARG_FILENAME, &options->field_text,
      N_("Where to look: description (the default) or note"), N_("FIELD") },
    { "match", 'm', 0, G_OPTION_ARG_FILENAME, &options->match_text,
      N_("How the text must meet it: contains (the default), starts (starts with it) or equals (is it)"),
      N_("HOW") },
    { "amount-min", 0, 0, G_OPTION_ARG_FILENAME, &options->amount_min_text,
      N_("Only from this amount on, inclusive, in the expense’s currency"), N_("AMOUNT") },
    { "amount-max", 0, 0, G_OPTION_ARG_FILENAME, &options->amount_max_text,
      N_("Only up to this amount, inclusive, in the expense’s currency"), N_("AMOUNT") },
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &options->currency_text,
      N_("Only expenses in this currency, an ISO 4217 code (default: any)"), N_("CODE") },
    { "rename", 0, 0, G_OPTION_ARG_FILENAME, &options->rename_text,
      N_("The description a matching expense gets (default: it keeps its own)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL,
  };
  /* clang-format on */
  /* clang-format off */
  const GOptionEntry clearing[] = {
    { "no-rename", 0, 0, G_OPTION_ARG_NONE, &options->no_rename,
      N_("Keep the expenses’ own descriptions again"), NULL },
    { "no-amount-min", 0, 0, G_OPTION_ARG_NONE, &options->no_amount_min, N_("Remove the lowest amount"), NULL },
    { "no-amount-max", 0, 0, G_OPTION_ARG_NONE, &options->no_amount_max, N_("Remove the highest amount"), NULL },
    { "any-currency", 0, 0, G_OPTION_ARG_NONE, &options->any_currency, N_("Match expenses in any currency again"),
      NULL },
  };
  /* clang-format on */
  g_autoptr (GArray) all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  g_array_append_vals (all, shared, G_N_ELEMENTS (shared) - 1);
  if (edit)
    g_array_append_vals (all, clearing, G_N_ELEMENTS (clearing));

  return (GOptionEntry *) (gpointer) g_array_free (g_steal_pointer (&all), FALSE);
}

/* What can be read without the database: the words, where and how to look,
 * the currency. */
static gboolean
rule_options_read (RuleOptions *options,
                   GError     **error)
{
  if (options->contains_texts != NULL)
    {
      guint n = g_strv_length (options->contains_texts);

      options->patterns = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        if (!(options->patterns[i] = outlay_cli_text (options->contains_texts[i], "--contains", error)))
          return FALSE;
    }
  if (options->field_text != NULL && !outlay_rule_field_from_string (options->field_text, &options->field))
    return outlay_cli_usage_error (error, _("--field is description or note, not “%s”."), options->field_text);
  if (options->match_text != NULL && !outlay_rule_match_from_string (options->match_text, &options->match))
    return outlay_cli_usage_error (error, _("--match is contains, starts or equals, not “%s”."), options->match_text);
  if (options->currency_text != NULL && options->any_currency)
    return outlay_cli_usage_error (error, _("Give --currency or --any-currency, not both."));
  if (options->currency_text != NULL && !outlay_cli_parse_currency (options->currency_text, &options->currency, error))
    return FALSE;
  if (options->rename_text != NULL && options->no_rename)
    return outlay_cli_usage_error (error, _("Give --rename or --no-rename, not both."));
  if (options->rename_text != NULL && !(options->rename = outlay_cli_text (options->rename_text, "--rename", error)))
    return FALSE;
  if (options->amount_min_text != NULL && options->no_amount_min)
    return outlay_cli_usage_error (error, _("Give --amount-min or --no-amount-min, not both."));
  if (options->amount_max_text != NULL && options->no_amount_max)
    return outlay_cli_usage_error (error, _("Give --amount-max or --no-amount-max, not both."));

  return TRUE;
}

static gboolean
rule_options_given (RuleOptions *options)
{
  return options->contains_texts != NULL || options->category_name != NULL || options->field_text != NULL ||
         options->match_text != NULL || options->amount_min_text != NULL || options->amount_max_text != NULL ||
         options->currency_text != NULL || options->rename_text != NULL || options->no_rename ||
         options->no_amount_min || options->no_amount_max || options->any_currency;
}

/* A bound as a rule keeps it: read as `outlay add` reads amounts, in
 * @currency, and written plainly with its decimals ("50.00"). */
static char *
parse_bound (const char *text,
             const char *option,
             const char *currency,
             GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 minor = 0;

  if (!outlay_money_parse (text, currency, &minor, &local_error))
    {
      outlay_cli_usage_error (error, _("%s “%s” is not an amount: %s."), option, text, local_error->message);
      return NULL;
    }

  return outlay_money_format_plain (minor, currency);
}

/* A category by name in any case ("Parent › Child" too) or uuid. */
static OutlayCategory *
find_category (OutlayCli  *cli,
               const char *raw,
               GError    **error)
{
  g_autofree char *name = outlay_cli_text (raw, "--category", error);

  return name != NULL ? outlay_cli_find_category (cli, name, error) : NULL;
}

/* Sets on @rule what the options say, with the database open. Bounds are
 * read in the rule's currency, or without one in the ledger's: a bound is
 * compared in each expense's own currency. */
static gboolean
rule_options_apply (OutlayCli          *cli,
                    RuleOptions        *options,
                    OutlayCategoryRule *rule,
                    GError            **error)
{
  g_autofree char *parse_currency = NULL;

  if (options->patterns != NULL)
    outlay_category_rule_set_patterns (rule, (const char *const *) options->patterns);
  if (options->field_text != NULL)
    outlay_category_rule_set_field (rule, options->field);
  if (options->match_text != NULL)
    outlay_category_rule_set_match (rule, options->match);
  if (options->currency != NULL)
    outlay_category_rule_set_currency (rule, options->currency);
  if (options->any_currency)
    outlay_category_rule_set_currency (rule, NULL);
  if (options->rename != NULL)
    outlay_category_rule_set_rename_to (rule, options->rename);
  if (options->no_rename)
    outlay_category_rule_set_rename_to (rule, NULL);
  if (options->category_name != NULL)
    {
      OutlayCategory *category = find_category (cli, options->category_name, error);

      if (category == NULL)
        return FALSE;
      outlay_category_rule_set_category_uuid (rule, outlay_category_get_uuid (category));
    }

  parse_currency = outlay_category_rule_get_currency (rule) != NULL
                     ? g_strdup (outlay_category_rule_get_currency (rule))
                     : outlay_cli_dup_default_currency (cli);
  if (options->amount_min_text != NULL)
    {
      g_autofree char *bound = parse_bound (options->amount_min_text, "--amount-min", parse_currency, error);

      if (bound == NULL)
        return FALSE;
      outlay_category_rule_set_amount_min (rule, bound);
    }
  if (options->amount_max_text != NULL)
    {
      g_autofree char *bound = parse_bound (options->amount_max_text, "--amount-max", parse_currency, error);

      if (bound == NULL)
        return FALSE;
      outlay_category_rule_set_amount_max (rule, bound);
    }
  if (options->no_amount_min)
    outlay_category_rule_set_amount_min (rule, NULL);
  if (options->no_amount_max)
    outlay_category_rule_set_amount_max (rule, NULL);

  return TRUE;
}

/* Finding */

/* The rule that @raw names: its position in `outlay rules list` (from 1)
 * or its uuid. @index is its index in @rules. */
static OutlayCategoryRule *
find_rule (OutlayCli  *cli,
           GPtrArray  *rules,
           const char *raw,
           guint      *index,
           GError    **error)
{
  g_autofree char *text = outlay_cli_text (raw, _("The rule"), error);
  guint64          position = 0;

  if (text == NULL)
    return NULL;
  g_strstrip (text);

  for (guint i = 0; i < rules->len; i++)
    {
      OutlayCategoryRule *rule = g_ptr_array_index (rules, i);

      if (g_ascii_strcasecmp (outlay_category_rule_get_uuid (rule), text) == 0)
        {
          *index = i;
          return rule;
        }
    }

  if (outlay_parse_unsigned (text, 1, G_MAXUINT, &position) && position <= rules->len)
    {
      *index = (guint) position - 1;
      return g_ptr_array_index (rules, *index);
    }

  if (outlay_cli_is_number (text) || rules->len == 0)
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                 g_dngettext (GETTEXT_PACKAGE, "There is no rule %s: there is %u (outlay rules list shows it).",
                              "There is no rule %s: there are %u (outlay rules list shows them).", rules->len),
                 text, rules->len);
  else
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_FAILED,
                 _("There is no rule “%s”: name one by its number in outlay rules list, or its UUID."), text);
  return NULL;
}

/* The database opened, the rules listed, and the one the argument names. */
static OutlayCategoryRule *
open_rule (OutlayCli  *cli,
           char      **args,
           GPtrArray **rules,
           guint      *index,
           GError    **error)
{
  const char *usage = _("Give the number of a rule (outlay rules list) or its UUID.");

  if (!outlay_cli_expect_args (cli, args, 1, 1, usage, error) || !outlay_cli_open (cli, FALSE, error) ||
      !(*rules = outlay_repository_list_category_rules (cli->repository, error)))
    return NULL;
  return find_rule (cli, *rules, args[1], index, error);
}

/* Printing */

static char *
category_label (OutlayCli  *cli,
                const char *uuid)
{
  OutlayCategory *category = outlay_repository_lookup_category_by_uuid (cli->repository, uuid);

  return category != NULL ? outlay_repository_dup_category_path (cli->repository, category) : NULL;
}

static char *
category_label_by_id (OutlayCli *cli,
                      gint64     id)
{
  OutlayCategory *category = outlay_repository_lookup_category (cli->repository, id);

  return category != NULL ? outlay_repository_dup_category_path (cli->repository, category) : g_strdup ("–");
}

static void
json_rule (OutlayCli          *cli,
           JsonBuilder        *builder,
           OutlayCategoryRule *rule,
           guint               index)
{
  const char *const *patterns = outlay_category_rule_get_patterns (rule);
  g_autofree char   *category = category_label (cli, outlay_category_rule_get_category_uuid (rule));

  json_builder_begin_object (builder);
  outlay_cli_json_add_int (builder, "position", index + 1);
  outlay_cli_json_add_string (builder, "uuid", outlay_category_rule_get_uuid (rule));
  outlay_cli_json_add_string (builder, "field", outlay_rule_field_to_string (outlay_category_rule_get_field (rule)));
  outlay_cli_json_add_string (builder, "match", outlay_rule_match_to_string (outlay_category_rule_get_match (rule)));
  outlay_cli_json_begin_array (builder, "patterns");
  for (guint i = 0; patterns[i] != NULL; i++)
    outlay_cli_json_add_string (builder, NULL, patterns[i]);
  json_builder_end_array (builder);
  outlay_cli_json_add_string (builder, "amount_min", outlay_category_rule_get_amount_min (rule));
  outlay_cli_json_add_string (builder, "amount_max", outlay_category_rule_get_amount_max (rule));
  outlay_cli_json_add_string (builder, "currency", outlay_category_rule_get_currency (rule));
  outlay_cli_json_add_string (builder, "category", category);
  outlay_cli_json_add_string (builder, "category_uuid", outlay_category_rule_get_category_uuid (rule));
  outlay_cli_json_add_string (builder, "rename", outlay_category_rule_get_rename_to (rule));
  outlay_cli_json_add_string (builder, "created_at", outlay_category_rule_get_created_at (rule));
  outlay_cli_json_add_string (builder, "updated_at", outlay_category_rule_get_updated_at (rule));
  if (outlay_category_rule_get_deleted_at (rule) != NULL)
    outlay_cli_json_add_string (builder, "deleted_at", outlay_category_rule_get_deleted_at (rule));
  json_builder_end_object (builder);
}

static void
print_json_rule (OutlayCli          *cli,
                 OutlayCategoryRule *rule,
                 guint               index)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_rule (cli, builder, rule, index);
  outlay_cli_json_print (builder);
}

/* “description contains “rewe” or “lidl”” */
char *
outlay_cli_describe_rule_condition (OutlayCategoryRule *rule)
{
  const char *const *patterns = outlay_category_rule_get_patterns (rule);
  g_autoptr (GString) quoted = g_string_new (NULL);
  const char *field;

  for (guint i = 0; patterns[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between the texts a rule looks for: “rewe” or “lidl” */
        g_string_append (quoted, _(" or "));
      g_string_append_printf (quoted, "“%s”", patterns[i]);
    }

  field = outlay_category_rule_get_field (rule) == OUTLAY_RULE_FIELD_NOTE ? _("note") : _("description");
  switch (outlay_category_rule_get_match (rule))
    {
    case OUTLAY_RULE_MATCH_STARTS:
      /* Translators: “description starts with “sq *””; the first %s is description or note */
      return g_strdup_printf (_("%s starts with %s"), field, quoted->str);
    case OUTLAY_RULE_MATCH_EQUALS:
      /* Translators: “description is “Rent”” */
      return g_strdup_printf (_("%s is %s"), field, quoted->str);
    case OUTLAY_RULE_MATCH_CONTAINS:
    default:
      /* Translators: “description contains “rewe” or “lidl”” */
      return g_strdup_printf (_("%s contains %s"), field, quoted->str);
    }
}

/* “10.00 to 50.00 EUR”, “from 10.00”, “up to 50.00”, “EUR”, “any” */
static char *
describe_amounts (OutlayCategoryRule *rule)
{
  const char      *min = outlay_category_rule_get_amount_min (rule);
  const char      *max = outlay_category_rule_get_amount_max (rule);
  const char      *currency = outlay_category_rule_get_currency (rule);
  g_autofree char *range = NULL;

  if (min != NULL && max != NULL)
    /* Translators: an amount range of a rule, inclusive */
    range = g_strdup_printf (_("%s to %s"), min, max);
  else if (min != NULL)
    range = g_strdup_printf (_("from %s"), min);
  else if (max != NULL)
    range = g_strdup_printf (_("up to %s"), max);

  if (range != NULL && currency != NULL)
    return g_strdup_printf ("%s %s", range, currency);
  if (range != NULL)
    return g_steal_pointer (&range);
  /* Translators: a rule for any amount in any currency */
  return g_strdup (currency != NULL ? currency : _("any"));
}

/* One line for a rule: “1: description contains “rewe” → Groceries” */
static char *
describe_rule (OutlayCli          *cli,
               OutlayCategoryRule *rule,
               guint               index)
{
  g_autofree char *condition = outlay_cli_describe_rule_condition (rule);
  g_autofree char *amounts = describe_amounts (rule);
  g_autofree char *category = category_label (cli, outlay_category_rule_get_category_uuid (rule));
  g_autoptr (GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%u: %s", index + 1, condition);
  if (outlay_category_rule_get_amount_min (rule) != NULL || outlay_category_rule_get_amount_max (rule) != NULL ||
      outlay_category_rule_get_currency (rule) != NULL)
    g_string_append_printf (text, ", %s", amounts);
  g_string_append_printf (text, " → %s", category != NULL ? category : "–");
  if (outlay_category_rule_get_rename_to (rule) != NULL)
    /* Translators: after a rule's category: what it renames an expense to */
    g_string_append_printf (text, _(", renamed “%s”"), outlay_category_rule_get_rename_to (rule));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef enum
{
  SAID_ADDED,
  SAID_CHANGED,
  SAID_MOVED,
  SAID_DELETED,
} Said;

/* What a write did to rule @index: the rule as JSON, or a sentence. */
static void
print_written (OutlayCli          *cli,
               OutlayCategoryRule *rule,
               guint               index,
               Said                said)
{
  g_autofree char *described = NULL;

  if (cli->json)
    {
      print_json_rule (cli, rule, index);
      return;
    }

  described = describe_rule (cli, rule, index);
  switch (said)
    {
    case SAID_ADDED:
      outlay_cli_print (_("Added rule %s.\n"), described);
      break;
    case SAID_CHANGED:
      outlay_cli_print (_("Changed rule %s.\n"), described);
      break;
    case SAID_MOVED:
      outlay_cli_print (_("Moved rule %s.\n"), described);
      break;
    case SAID_DELETED:
    default:
      outlay_cli_print (_("Deleted rule %s.\n"), described);
      break;
    }
}

/* list */

static gboolean
list_rules (OutlayCli *cli,
            char     **argv,
            GError   **error)
{
  gboolean whole = g_str_equal (cli->command, "rules");
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayCliTable) table = outlay_cli_table_new (5);
  g_autoptr (GPtrArray) rules = NULL;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, whole ? _("[list|add|edit|move|delete|test|apply] …") : NULL,
    _("Lists the rules that file expenses, in the order they are tried: the first that matches an expense gives "
      "it its category, and may rename it. A rule looks in the description or the note, in any case and with or "
      "without accents. “outlay rules add”, “edit”, “move”, “delete”, “test” and “apply” deal with them; each has "
      "its own --help."),
    _("Examples:\n"
      "  outlay rules add --contains rewe --contains lidl --category Groceries\n"
      "  outlay rules add --contains 'sq *roastery' --match starts --category 'Food & Drink' --rename Roastery\n"
      "  outlay rules test --description 'SQ *ROASTERY 0423 BERLIN'\n"
      "  outlay rules apply --only-other --dry-run\n"
      "\n"
      "With --json, an array of rule objects:\n"),
    "[\n" RULE_JSON_HELP "]\n", NULL);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) || !outlay_cli_open (cli, FALSE, error) ||
      !(rules = outlay_repository_list_category_rules (cli->repository, error)))
    return FALSE;

  if (cli->json)
    {
      for (guint i = 0; i < rules->len; i++)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();

          json_rule (cli, builder, g_ptr_array_index (rules, i), i);
          outlay_cli_json_print_element (builder, i);
        }
      outlay_cli_json_print_end (rules->len);
      return TRUE;
    }

  if (rules->len == 0)
    {
      outlay_cli_print (_("There are no rules. “outlay rules add --contains TEXT --category NAME” adds one.\n"));
      return TRUE;
    }

  outlay_cli_table_align_right (table, 0);
  outlay_cli_table_add (table, "#", _("WHEN"), _("AMOUNT"), _("CATEGORY"), _("RENAME"), NULL);
  for (guint i = 0; i < rules->len; i++)
    {
      OutlayCategoryRule *rule = g_ptr_array_index (rules, i);
      g_autofree char    *position = g_strdup_printf ("%u", i + 1);
      g_autofree char    *condition = outlay_cli_describe_rule_condition (rule);
      g_autofree char    *amounts = describe_amounts (rule);
      g_autofree char    *category = category_label (cli, outlay_category_rule_get_category_uuid (rule));
      const char         *rename_to = outlay_category_rule_get_rename_to (rule);

      outlay_cli_table_add (table, position, condition, amounts, category != NULL ? category : "–",
                            rename_to != NULL ? rename_to : "", NULL);
    }
  outlay_cli_table_print (table, "");
  return TRUE;
}

/* add */

static gboolean
add_rule (OutlayCli *cli,
          char     **argv,
          GError   **error)
{
  g_auto (RuleOptions) options = { 0 };
  g_autofree GOptionEntry *entries = rule_options_entries (&options, FALSE);
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayCategoryRule) draft = outlay_category_rule_new ();
  g_autoptr (OutlayCategoryRule) stored = NULL;
  g_autoptr (GPtrArray) rules = NULL;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, NULL,
    _("Adds a rule after the others: an expense whose description (or note, with --field note) contains, starts "
      "with or is one of the --contains texts, in any case and with or without accents, and optionally within an "
      "amount range and in one currency, is filed under --category, and with --rename gets that description. "
      "It applies to expenses added from now on; “outlay rules apply” applies the rules to those there are."),
    _("Examples:\n"
      "  outlay rules add --contains backerei --category Groceries\n"
      "  outlay rules add --contains 'sq *roastery' --match starts --category 'Food & Drink' --rename Roastery\n"
      "  outlay rules add --contains rent --amount-min 500 --currency EUR --category Housing\n"
      "  outlay rules add --contains reimbursable --field note --category Other\n"
      "\n"
      "With --json, the new rule object:\n"),
    RULE_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) || !rule_options_read (&options, error))
    return FALSE;
  if (options.patterns == NULL)
    return outlay_cli_usage_error (error, _("Give what to look for: --contains TEXT (repeat it for several)."));
  if (options.category_name == NULL)
    return outlay_cli_usage_error (error, _("Give the category it files expenses under: --category NAME."));

  if (!outlay_cli_open (cli, FALSE, error) || !rule_options_apply (cli, &options, draft, error) ||
      !(stored = outlay_repository_add_category_rule (cli->repository, draft, error)) ||
      !(rules = outlay_repository_list_category_rules (cli->repository, error)))
    return FALSE;

  print_written (cli, stored, rules->len - 1, SAID_ADDED);
  return TRUE;
}

/* edit */

static gboolean
edit_rule (OutlayCli *cli,
           char     **argv,
           GError   **error)
{
  g_auto (RuleOptions) options = { 0 };
  g_autofree GOptionEntry *entries = rule_options_entries (&options, TRUE);
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (OutlayCategoryRule) stored = NULL;
  OutlayCategoryRule *rule;
  guint               index = 0;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("N|UUID"),
    _("Changes what is given of rule N (its number in “outlay rules list”) with the options of “outlay rules "
      "add”; --contains replaces the texts it looks for. --no-rename, --no-amount-min, --no-amount-max and "
      "--any-currency clear a field. The expenses it filed stay as they are."),
    _("Examples:\n"
      "  outlay rules edit 2 --contains rewe --contains lidl --contains aldi\n"
      "  outlay rules edit 3 --no-rename --any-currency\n"
      "\n"
      "With --json, the changed rule object:\n"),
    RULE_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!rule_options_read (&options, error))
    return FALSE;
  if (!(rule = open_rule (cli, args, &rules, &index, error)))
    return FALSE;
  if (!rule_options_given (&options))
    return outlay_cli_usage_error (error,
                                   _("Nothing to change: give what changes, such as --category NAME (see --help)."));

  if (!rule_options_apply (cli, &options, rule, error) ||
      !(stored = outlay_repository_update_category_rule (cli->repository, rule, error)))
    return FALSE;

  print_written (cli, stored, index, SAID_CHANGED);
  return TRUE;
}

/* move */

static gboolean
move_rule (OutlayCli *cli,
           char     **argv,
           GError   **error)
{
  g_autofree char *position_text = NULL;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "position", 'p', 0, G_OPTION_ARG_FILENAME, &position_text,
      N_("Where it goes in the order, from 1 (tried first)"), N_("N") },
    G_OPTION_ENTRY_NULL,
  };
  /* clang-format on */
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GPtrArray) moved = NULL;
  OutlayCategoryRule *rule;
  guint               position = 0;
  guint               index = 0;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("N|UUID"),
    _("Moves rule N to another place in the order in which the rules are tried; the first that matches an "
      "expense wins."),
    _("Example:\n"
      "  outlay rules move 4 --position 1\n"
      "\n"
      "With --json, the rule object at its new position:\n"),
    RULE_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_parse_position (position_text, &position, error))
    return FALSE;
  if (!(rule = open_rule (cli, args, &rules, &index, error)))
    return FALSE;
  if (position > rules->len)
    return outlay_cli_usage_error (error,
                                   g_dngettext (GETTEXT_PACKAGE, "--position %s is past the end: there is %u rule.",
                                                "--position %s is past the end: there are %u rules.", rules->len),
                                   position_text, rules->len);

  if (!outlay_repository_move_category_rule (cli->repository, outlay_category_rule_get_uuid (rule),
                                             (guint) position - 1, error) ||
      !(moved = outlay_repository_list_category_rules (cli->repository, error)))
    return FALSE;

  print_written (cli, g_ptr_array_index (moved, position - 1), (guint) position - 1, SAID_MOVED);
  return TRUE;
}

/* delete */

static gboolean
delete_rule (OutlayCli *cli,
             char     **argv,
             GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (OutlayCategoryRule) before = NULL;
  g_autoptr (OutlayCategoryRule) deleted = NULL;
  OutlayCategoryRule *rule;
  guint               index = 0;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, _("N|UUID"),
    _("Deletes rule N: it files nothing more. The expenses it filed stay as they are; the rule is kept, marked "
      "deleted, for a later sync."),
    _("Example:\n"
      "  outlay rules delete 2\n"
      "\n"
      "With --json, the deleted rule object, with its deleted_at:\n"),
    RULE_JSON_HELP, NULL);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!(rule = open_rule (cli, args, &rules, &index, error)) ||
      !(before = outlay_repository_delete_category_rule (cli->repository, outlay_category_rule_get_uuid (rule),
                                                         error)) ||
      !(deleted = outlay_repository_get_category_rule (cli->repository, outlay_category_rule_get_uuid (rule), error)))
    return FALSE;

  print_written (cli, cli->json ? deleted : before, index, SAID_DELETED);
  return TRUE;
}

/* test */

static void
json_suggestion (OutlayCli          *cli,
                 OutlaySuggestedBy   by,
                 OutlayCategory     *category,
                 const char         *description,
                 OutlayCategoryRule *rule,
                 guint               index)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = category != NULL ? outlay_repository_dup_category_path (cli->repository, category) : NULL;

  json_builder_begin_object (builder);
  outlay_cli_json_add_string (builder, "suggested_by", outlay_suggested_by_to_string (by));
  outlay_cli_json_add_string (builder, "category", name);
  outlay_cli_json_add_string (builder, "category_uuid", category != NULL ? outlay_category_get_uuid (category) : NULL);
  outlay_cli_json_add_string (builder, "description", description);
  json_builder_set_member_name (builder, "rule");
  if (rule != NULL)
    json_rule (cli, builder, rule, index);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  outlay_cli_json_print (builder);
}

static guint
index_of_rule (GPtrArray          *rules,
               OutlayCategoryRule *rule)
{
  for (guint i = 0; rule != NULL && i < rules->len; i++)
    {
      OutlayCategoryRule *other = g_ptr_array_index (rules, i);

      if (g_strcmp0 (outlay_category_rule_get_uuid (other), outlay_category_rule_get_uuid (rule)) == 0)
        return i;
    }

  return 0;
}

static gboolean
test_rules (OutlayCli *cli,
            char     **argv,
            GError   **error)
{
  g_autofree char *description_text = NULL;
  g_autofree char *note_text = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *currency_text = NULL;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "description", 'd', 0, G_OPTION_ARG_FILENAME, &description_text, N_("The expense’s description"), N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note_text, N_("Its note"), N_("TEXT") },
    { "amount", 'a', 0, G_OPTION_ARG_FILENAME, &amount_text, N_("Its amount (default: 0)"), N_("AMOUNT") },
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &currency_text,
      N_("Its currency, an ISO 4217 code (default: the ledger’s)"), N_("CODE") },
    G_OPTION_ENTRY_NULL,
  };
  /* clang-format on */
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autofree char  *description = NULL;
  g_autofree char  *note = NULL;
  g_autofree char  *currency = NULL;
  g_autofree char  *name = NULL;
  g_autofree char  *said = NULL;
  OutlayCategory   *category;
  OutlaySuggestedBy by;
  const char       *result_description;
  gint64            amount = 0;
  gint64            category_id = 0;
  guint             index;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, NULL,
    _("Says which category an expense would be filed under, and why: the first rule that matches it, else the "
      "category most used for the same description (in any case) among the latest 200 expenses, never Other; "
      "else none. Nothing is written."),
    _("Examples:\n"
      "  outlay rules test --description 'SQ *ROASTERY 0423 BERLIN' --amount 4.20\n"
      "  outlay rules test --description Lunch --json\n"
      "\n"
      "With --json, where the suggestion comes from (suggested_by is rule, learned or none), the category, the\n"
      "description the expense would have, and the rule that matched:\n"),
    TEST_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error))
    return FALSE;
  if (description_text == NULL)
    return outlay_cli_usage_error (error, _("Give the expense’s description: --description TEXT."));
  if (!(description = outlay_cli_text (description_text, "--description", error)) ||
      (note_text != NULL && !(note = outlay_cli_text (note_text, "--note", error))) ||
      (currency_text != NULL && !outlay_cli_parse_currency (currency_text, &currency, error)))
    return FALSE;

  if (!outlay_cli_open (cli, FALSE, error))
    return FALSE;
  if (currency == NULL)
    currency = outlay_cli_dup_default_currency (cli);
  if (amount_text != NULL && !outlay_cli_parse_amount (amount_text, currency, &amount, error))
    return FALSE;

  by = outlay_repository_suggest_category (cli->repository, description, note, amount, currency, &category_id, &rule,
                                           error);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (!(rules = outlay_repository_list_category_rules (cli->repository, error)))
    return FALSE;

  index = index_of_rule (rules, rule);
  category = outlay_repository_lookup_category (cli->repository, category_id);
  result_description = rule != NULL && outlay_category_rule_get_rename_to (rule) != NULL
                         ? outlay_category_rule_get_rename_to (rule)
                         : description;
  if (cli->json)
    {
      json_suggestion (cli, by, category, result_description, rule, index);
      return TRUE;
    }

  name = category != NULL ? outlay_repository_dup_category_path (cli->repository, category) : NULL;
  switch (by)
    {
    case OUTLAY_SUGGESTED_BY_RULE:
      said = describe_rule (cli, rule, index);
      if (outlay_category_rule_get_rename_to (rule) != NULL)
        outlay_cli_print (_("%s, as “%s”, by rule %s.\n"), name, result_description, said);
      else
        outlay_cli_print (_("%s, by rule %s.\n"), name, said);
      break;
    case OUTLAY_SUGGESTED_LEARNED:
      outlay_cli_print (_("%s: no rule matches, and most expenses described “%s” are there.\n"), name, description);
      break;
    case OUTLAY_SUGGESTED_NONE:
    default:
      outlay_cli_print (_("No suggestion: no rule matches, nor any expense described “%s” outside Other.\n"),
                           description);
      break;
    }
  return TRUE;
}

/* apply */

static void
json_apply (OutlayCli       *cli,
            OutlayRulesPlan *plan,
            gboolean         dry_run,
            gboolean         only_other)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  outlay_cli_json_add_bool (builder, "dry_run", dry_run);
  outlay_cli_json_add_bool (builder, "only_other", only_other);
  outlay_cli_json_add_int (builder, "scanned", plan->n_scanned);
  outlay_cli_json_add_int (builder, "changed", plan->changes->len);
  outlay_cli_json_add_int (builder, "skipped", plan->n_skipped);
  outlay_cli_json_begin_array (builder, "rules");
  for (guint i = 0; i < plan->rules->len; i++)
    {
      OutlayCategoryRule *rule = g_ptr_array_index (plan->rules, i);
      g_autofree char    *category = category_label (cli, outlay_category_rule_get_category_uuid (rule));

      json_builder_begin_object (builder);
      outlay_cli_json_add_int (builder, "position", i + 1);
      outlay_cli_json_add_string (builder, "uuid", outlay_category_rule_get_uuid (rule));
      outlay_cli_json_add_string (builder, "category", category);
      outlay_cli_json_add_int (builder, "count", g_array_index (plan->counts, guint, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  outlay_cli_json_begin_array (builder, "expenses");
  for (guint i = 0; i < plan->changes->len; i++)
    {
      const OutlayRuleChange *change = &g_array_index (plan->changes, OutlayRuleChange, i);
      g_autofree char        *from = category_label_by_id (cli, change->old_category_id);
      g_autofree char        *to = category_label_by_id (cli, change->new_category_id);

      json_builder_begin_object (builder);
      outlay_cli_json_add_int (builder, "id", change->expense_id);
      outlay_cli_json_add_string (builder, "date", change->date);
      outlay_cli_json_add_money (builder, "amount", change->amount, change->currency);
      outlay_cli_json_add_string (builder, "currency", change->currency);
      outlay_cli_json_add_string (builder, "description", change->old_description);
      outlay_cli_json_add_string (builder, "new_description", change->new_description);
      outlay_cli_json_add_string (builder, "category", from);
      outlay_cli_json_add_string (builder, "new_category", to);
      outlay_cli_json_add_int (builder, "rule", change->rule_index + 1);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  outlay_cli_json_print (builder);
}

static void
print_apply (OutlayCli       *cli,
             OutlayRulesPlan *plan,
             gboolean         dry_run)
{
  g_autoptr (OutlayCliTable) table = outlay_cli_table_new (6);
  guint n = plan->changes->len;

  for (guint i = 0; i < plan->rules->len; i++)
    {
      guint            count = g_array_index (plan->counts, guint, i);
      g_autofree char *said = NULL;

      if (count == 0)
        continue;
      said = describe_rule (cli, g_ptr_array_index (plan->rules, i), i);
      outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Rule %s: %u expense\n", "Rule %s: %u expenses\n", count), said,
                        count);
    }

  outlay_cli_table_align_right (table, 0);
  outlay_cli_table_align_right (table, 3);
  if (n > 0)
    outlay_cli_table_add (table, _("ID"), _("DATE"), _("DESCRIPTION"), _("AMOUNT"), _("CATEGORY"), _("RULE"), NULL);
  for (guint i = 0; i < n; i++)
    {
      const OutlayRuleChange *change = &g_array_index (plan->changes, OutlayRuleChange, i);
      g_autofree char        *id = g_strdup_printf ("%" G_GINT64_FORMAT, change->expense_id);
      g_autofree char        *rule = g_strdup_printf ("%u", change->rule_index + 1);
      g_autofree char        *amount = outlay_money_format_expense (change->amount, change->currency);
      g_autofree char        *from = category_label_by_id (cli, change->old_category_id);
      g_autofree char        *to = category_label_by_id (cli, change->new_category_id);
      g_autofree char        *categories = NULL;
      g_autofree char        *description = NULL;

      categories = change->old_category_id != change->new_category_id ? g_strdup_printf ("%s → %s", from, to)
                                                                      : g_steal_pointer (&to);
      description = change->new_description != change->old_description
                      ? g_strdup_printf ("%s → %s", change->old_description, change->new_description)
                      : g_strdup (change->old_description);
      outlay_cli_table_add (table, id, change->date, description, amount, categories, rule, NULL);
    }
  outlay_cli_table_print (table, "  ");

  if (n == 0 && dry_run)
    outlay_cli_print (_("No expense would change, of %u looked at.\n"), plan->n_scanned);
  else if (n == 0)
    outlay_cli_print (_("No expense changed, of %u looked at.\n"), plan->n_scanned);
  else if (dry_run)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u expense would change, of %u looked at; nothing was written.\n",
                                   "%u expenses would change, of %u looked at; nothing was written.\n", n),
                      n, plan->n_scanned);
  else
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Changed %u expense, of %u looked at.\n",
                                   "Changed %u expenses, of %u looked at.\n", n),
                      n, plan->n_scanned);
  if (plan->n_skipped > 0)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u expense changed meanwhile and was left alone.\n",
                                   "%u expenses changed meanwhile and were left alone.\n", plan->n_skipped),
                      plan->n_skipped);
}

static gboolean
apply_rules (OutlayCli *cli,
             char     **argv,
             GError   **error)
{
  gboolean dry_run = FALSE;
  gboolean only_other = FALSE;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Say what would change, and write nothing"), NULL },
    { "only-other", 0, 0, G_OPTION_ARG_NONE, &only_other,
      N_("Only the expenses in Other (the category that takes those of deleted ones)"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  /* clang-format on */
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayRuleSet) set = NULL;
  g_autoptr (OutlayRulesPlan) plan = NULL;
  g_autoptr (OutlayRulesPlan) applied = NULL;
  OutlayCategory *fallback;

  /* clang-format off */
  context = outlay_cli_context_new (
    cli, NULL,
    _("Applies the rules to the expenses there are, all of them or with --only-other those in Other: the first "
      "rule that matches an expense gives it its category, and its description when the rule renames. What "
      "changes is listed, per rule and expense, and written in one change; --dry-run only lists it."),
    _("Examples:\n"
      "  outlay rules apply --only-other --dry-run\n"
      "  outlay rules apply\n"
      "\n"
      "With --json, what changed (or would change), per rule and per expense; rule is the rule's position:\n"),
    APPLY_JSON_HELP, entries);
  /* clang-format on */

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;
  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) || !outlay_cli_open (cli, FALSE, error) ||
      !(set = outlay_repository_dup_rule_set (cli->repository, error)))
    return FALSE;

  fallback = outlay_repository_get_fallback_category (cli->repository);
  plan = outlay_repository_plan_rules (cli->repository, set, only_other && fallback != NULL,
                                       fallback != NULL ? outlay_category_get_id (fallback) : 0, NULL, NULL, NULL,
                                       error);
  if (plan == NULL)
    return FALSE;
  if (!dry_run && !outlay_repository_apply_rules_plan (cli->repository, plan, &applied, error))
    return FALSE;

  if (cli->json)
    json_apply (cli, applied != NULL ? applied : plan, dry_run, only_other);
  else
    print_apply (cli, applied != NULL ? applied : plan, dry_run);
  return TRUE;
}

gboolean
outlay_cli_rules (OutlayCli *cli,
                  char     **argv,
                  GError   **error)
{
  static const OutlayCliSubcommand subcommands[] = {
    { "list", "rules list", list_rules },
    { "add", "rules add", add_rule },
    { "edit", "rules edit", edit_rule },
    { "move", "rules move", move_rule },
    { "delete", "rules delete", delete_rule },
    { "test", "rules test", test_rules },
    { "apply", "rules apply", apply_rules },
  };
  gboolean handled;
  gboolean done;
  int      sub;

  done = outlay_cli_run_subcommand (cli, argv, subcommands, G_N_ELEMENTS (subcommands), &sub, &handled, error);
  if (handled)
    return done;
  if (sub < 0)
    return list_rules (cli, argv, error);

  {
    g_autofree char *utf8 = g_utf8_make_valid (argv[sub], -1);

    /* Translators: the words after “outlay rules” */
    g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                 _("“%s” is not one of list, add, edit, move, delete, test or apply."), utf8);
  }
  return FALSE;
}
