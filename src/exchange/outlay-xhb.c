/* outlay-xhb.c
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

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "outlay-money.h"
#include "outlay-number.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-uuid.h"
#include "outlay-xhb-private.h"

/* A HomeBank file is one <homebank> element whose children define
 * currencies, accounts, payees and categories by numeric key, and the
 * transactions (<ope>) that refer to them by key. The document is read
 * whole first, because a hand-edited file may define a key after the
 * transactions that use it; then each transaction is turned into records
 * or issues, in file order. */

/* clang-format off */
G_DEFINE_QUARK (outlay-xhb-error-quark, outlay_xhb_error)
/* clang-format on */

static void
account_free (Account *account)
{
  g_free (account->name);
  g_free (account->currency);
  g_free (account);
}

static void
category_free (Category *category)
{
  g_free (category->name);
  g_free (category->parent);
  g_free (category->flags);
  for (guint i = 0; i < G_N_ELEMENTS (category->budgets); i++)
    g_free (category->budgets[i]);
  g_free (category);
}

static void
transaction_free (Transaction *transaction)
{
  g_free (transaction->date);
  g_free (transaction->amount);
  g_free (transaction->account);
  g_free (transaction->dst_account);
  g_free (transaction->paymode);
  g_free (transaction->status);
  g_free (transaction->flags);
  g_free (transaction->payee);
  g_free (transaction->category);
  g_free (transaction->memo);
  g_free (transaction->info);
  g_free (transaction->kxfer);
  g_free (transaction->split_categories);
  g_free (transaction->split_amounts);
  g_free (transaction->split_memos);
  g_free (transaction->key);
  g_free (transaction->nextdate);
  g_free (transaction->every);
  g_free (transaction->unit);
  g_free (transaction->limit);
  g_free (transaction->weekend);
  g_free (transaction);
}

static void
reader_init (Reader *reader)
{
  memset (reader, 0, sizeof *reader);
  reader->currencies = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  reader->accounts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) account_free);
  reader->payees = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  reader->categories = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) category_free);
  reader->transactions = g_ptr_array_new_with_free_func ((GDestroyNotify) transaction_free);
  reader->scheduled = g_ptr_array_new_with_free_func ((GDestroyNotify) transaction_free);
  reader->assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_xhb_assignment_free);
}

static void
reader_clear (Reader *reader)
{
  g_free (reader->base_currency);
  g_hash_table_unref (reader->currencies);
  g_hash_table_unref (reader->accounts);
  g_hash_table_unref (reader->payees);
  g_hash_table_unref (reader->categories);
  g_ptr_array_unref (reader->transactions);
  g_ptr_array_unref (reader->scheduled);
  g_ptr_array_unref (reader->assignments);
}

/* Keys are positive 32-bit numbers; an empty or missing key, or 0, means
 * "none" and gives 0. */
static gboolean
parse_key (const char *text,
           guint      *key)
{
  guint64 value;

  *key = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!outlay_parse_unsigned (text, 0, G_MAXUINT32, &value))
    return FALSE;

  *key = (guint) value;
  return TRUE;
}

/* A number attribute (a key, a mode, a set of flags); 0 when it is missing
 * or not a number. */
guint
outlay_xhb_parse_number (const char *text)
{
  guint value;

  return parse_key (text, &value) ? value : 0;
}

const char *
outlay_xhb_lookup_attribute (const char **names,
                             const char **values,
                             const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], name) == 0)
        return values[i];
    }

  return NULL;
}

char *
outlay_xhb_dup_attribute (const char **names,
                          const char **values,
                          const char  *name)
{
  return g_strdup (outlay_xhb_lookup_attribute (names, values, name));
}

/* "1.3", "1.4": the major version decides whether the file can be read. */
static gboolean
check_version (const char *version,
               GError    **error)
{
  g_auto (GStrv) parts = NULL;
  guint64 major = 0;

  if (version == NULL)
    return TRUE;

  parts = g_strsplit (version, ".", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 number;

      if (!outlay_parse_unsigned (parts[i], 0, G_MAXUINT32, &number))
        {
          g_set_error (error, OUTLAY_XHB_ERROR, OUTLAY_XHB_ERROR_INVALID,
                       _("This is not a HomeBank file: its version “%s” is not a number."),
                       version);
          return FALSE;
        }
      if (i == 0)
        major = number;
    }

  if (major > NEWEST_MAJOR_VERSION)
    {
      g_set_error (error, OUTLAY_XHB_ERROR, OUTLAY_XHB_ERROR_UNSUPPORTED,
                   _("This HomeBank file has format version %s, which is newer than Outlay can read."),
                   version);
      return FALSE;
    }

  return TRUE;
}

/* A definition without a usable key cannot be referred to. */
static gboolean
definition_key (const char **names,
                const char **values,
                guint       *key)
{
  return parse_key (outlay_xhb_lookup_attribute (names, values, "key"), key) && *key != 0;
}

static void
read_currency (Reader      *reader,
               const char **names,
               const char **values)
{
  const char *iso = outlay_xhb_lookup_attribute (names, values, "iso");
  guint       key;

  reader->has_currencies = TRUE;
  if (definition_key (names, values, &key) && iso != NULL)
    g_hash_table_replace (reader->currencies, GUINT_TO_POINTER (key), g_ascii_strup (iso, -1));
}

static void
read_account (Reader      *reader,
              const char **names,
              const char **values)
{
  Account *account;
  guint    key;

  if (!definition_key (names, values, &key))
    return;

  account = g_new0 (Account, 1);
  account->name = outlay_xhb_dup_attribute (names, values, "name");
  account->currency = outlay_xhb_dup_attribute (names, values, "curr");
  g_hash_table_replace (reader->accounts, GUINT_TO_POINTER (key), account);
}

static void
read_payee (Reader      *reader,
            const char **names,
            const char **values)
{
  guint key;

  if (!definition_key (names, values, &key))
    return;

  g_hash_table_replace (reader->payees, GUINT_TO_POINTER (key),
                        outlay_xhb_dup_attribute (names, values, "name"));
}

static void
read_category (Reader      *reader,
               const char **names,
               const char **values)
{
  Category *category;
  guint     key;

  if (!definition_key (names, values, &key))
    return;

  category = g_new0 (Category, 1);
  category->name = outlay_xhb_dup_attribute (names, values, "name");
  category->parent = outlay_xhb_dup_attribute (names, values, "parent");
  category->flags = outlay_xhb_dup_attribute (names, values, "flags");
  for (guint i = 0; i < G_N_ELEMENTS (category->budgets); i++)
    {
      char name[4];

      g_snprintf (name, sizeof name, "b%u", i);
      category->budgets[i] = outlay_xhb_dup_attribute (names, values, name);
    }
  g_hash_table_replace (reader->categories, GUINT_TO_POINTER (key), category);
}

/* An <ope>, or a <fav> (@scheduled), which has a few more. */
static void
read_transaction_element (Reader              *reader,
                          GMarkupParseContext *context,
                          const char         **names,
                          const char         **values,
                          gboolean             scheduled)
{
  Transaction *transaction = g_new0 (Transaction, 1);
  int          line = 0;

  /* The position is the end of the start tag: its line, for the one-line
   * tags HomeBank writes. */
  g_markup_parse_context_get_position (context, &line, NULL);
  transaction->line = (guint) MAX (line, 1);
  transaction->date = outlay_xhb_dup_attribute (names, values, "date");
  transaction->amount = outlay_xhb_dup_attribute (names, values, "amount");
  transaction->account = outlay_xhb_dup_attribute (names, values, "account");
  transaction->dst_account = outlay_xhb_dup_attribute (names, values, "dst_account");
  transaction->paymode = outlay_xhb_dup_attribute (names, values, "paymode");
  transaction->status = outlay_xhb_dup_attribute (names, values, "st");
  transaction->flags = outlay_xhb_dup_attribute (names, values, "flags");
  transaction->payee = outlay_xhb_dup_attribute (names, values, "payee");
  transaction->category = outlay_xhb_dup_attribute (names, values, "category");
  /* HomeBank 5.7 renamed "wording" to "memo". */
  transaction->memo = outlay_xhb_dup_attribute (names, values, "memo");
  if (transaction->memo == NULL)
    transaction->memo = outlay_xhb_dup_attribute (names, values, "wording");
  transaction->info = outlay_xhb_dup_attribute (names, values, "info");
  transaction->kxfer = outlay_xhb_dup_attribute (names, values, "kxfer");
  transaction->split_categories = outlay_xhb_dup_attribute (names, values, "scat");
  transaction->split_amounts = outlay_xhb_dup_attribute (names, values, "samt");
  transaction->split_memos = outlay_xhb_dup_attribute (names, values, "smem");
  if (scheduled)
    {
      transaction->key = outlay_xhb_dup_attribute (names, values, "key");
      transaction->nextdate = outlay_xhb_dup_attribute (names, values, "nextdate");
      transaction->every = outlay_xhb_dup_attribute (names, values, "every");
      transaction->unit = outlay_xhb_dup_attribute (names, values, "unit");
      transaction->limit = outlay_xhb_dup_attribute (names, values, "limit");
      transaction->weekend = outlay_xhb_dup_attribute (names, values, "weekend");
    }

  g_ptr_array_add (scheduled ? reader->scheduled : reader->transactions, transaction);
}

static void
start_element (GMarkupParseContext *context,
               const char          *element_name,
               const char         **names,
               const char         **values,
               gpointer             user_data,
               GError             **error)
{
  Reader *reader = user_data;
  guint   depth = reader->depth++;

  if (depth == 0)
    {
      if (reader->seen_root)
        {
          g_set_error (error, OUTLAY_XHB_ERROR, OUTLAY_XHB_ERROR_INVALID,
                       _("This HomeBank file is damaged: an element <%s> follows the end of <homebank>."),
                       element_name);
          return;
        }
      if (strcmp (element_name, "homebank") != 0)
        {
          g_set_error (error, OUTLAY_XHB_ERROR, OUTLAY_XHB_ERROR_INVALID,
                       _("This is not a HomeBank file: its root element is <%s>, not <homebank>."),
                       element_name);
          return;
        }

      reader->seen_root = TRUE;
      check_version (outlay_xhb_lookup_attribute (names, values, "v"), error);
      return;
    }

  /* Whatever nests deeper is not HomeBank's, and <tag> and the rest hold
   * no expenses. */
  if (depth > 1)
    return;

  if (strcmp (element_name, "properties") == 0)
    {
      g_free (reader->base_currency);
      reader->base_currency = outlay_xhb_dup_attribute (names, values, "curr");
    }
  else if (strcmp (element_name, "cur") == 0)
    {
      read_currency (reader, names, values);
    }
  else if (strcmp (element_name, "account") == 0)
    {
      read_account (reader, names, values);
    }
  else if (strcmp (element_name, "pay") == 0)
    {
      read_payee (reader, names, values);
    }
  else if (strcmp (element_name, "cat") == 0)
    {
      read_category (reader, names, values);
    }
  else if (strcmp (element_name, "ope") == 0)
    {
      read_transaction_element (reader, context, names, values, FALSE);
    }
  else if (strcmp (element_name, "fav") == 0)
    {
      read_transaction_element (reader, context, names, values, TRUE);
    }
  else if (strcmp (element_name, "asg") == 0)
    {
      outlay_xhb_read_assignment (reader, context, names, values);
    }
}

static void
end_element (GMarkupParseContext *context,
             const char          *element_name,
             gpointer             user_data,
             GError             **error)
{
  Reader *reader = user_data;

  reader->depth--;
}

static const GMarkupParser parser = {
  .start_element = start_element,
  .end_element = end_element,
};

/* HomeBank writes amounts from a double in the C locale: "-45.5",
 * "-45.509999999999998", "-1e-05". They are rounded to @exponent decimals
 * half away from zero on the decimal digits themselves, so that no binary
 * fraction can move the result by a minor unit. */
AmountResult
outlay_xhb_parse_amount (const char *text,
                         guint       exponent,
                         gboolean   *negative,
                         gint64     *minor_units)
{
  g_autoptr (GString) digits = g_string_new (NULL); /* without leading zeros */
  const char *p = text;
  gboolean    any_digit = FALSE;
  gint64      scale = exponent; /* the value in minor units is digits × 10^scale */
  gint64      value = 0;

  *negative = FALSE;
  *minor_units = 0;
  if (text == NULL)
    return AMOUNT_INVALID;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-' || *p == '+')
    *negative = *p++ == '-';

  for (; g_ascii_isdigit (*p); p++)
    {
      any_digit = TRUE;
      if (digits->len > 0 || *p != '0')
        g_string_append_c (digits, *p);
    }
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          any_digit = TRUE;
          if (digits->len > 0 || *p != '0')
            g_string_append_c (digits, *p);
          scale--;
        }
    }
  if (!any_digit)
    return AMOUNT_INVALID;

  if (*p == 'e' || *p == 'E')
    {
      gboolean power_negative = FALSE;
      gboolean power_digit = FALSE;
      gint64   power = 0;

      p++;
      if (*p == '-' || *p == '+')
        power_negative = *p++ == '-';
      for (; g_ascii_isdigit (*p); p++)
        {
          power_digit = TRUE;
          if (power < MAX_AMOUNT_POWER)
            power = power * 10 + (*p - '0');
        }
      if (!power_digit)
        return AMOUNT_INVALID;
      scale += power_negative ? -power : power;
    }

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return AMOUNT_INVALID;

  if (digits->len == 0)
    return AMOUNT_OK;

  if (scale >= 0)
    {
      if ((gint64) digits->len + scale > MAX_AMOUNT_DIGITS)
        return AMOUNT_TOO_LARGE;
      for (gsize i = 0; i < digits->len; i++)
        value = value * 10 + (digits->str[i] - '0');
      for (gint64 i = 0; i < scale; i++)
        value *= 10;
    }
  else if (-scale <= (gint64) digits->len)
    {
      gsize kept = digits->len - (gsize) -scale;

      if (kept > MAX_AMOUNT_DIGITS)
        return AMOUNT_TOO_LARGE;
      for (gsize i = 0; i < kept; i++)
        value = value * 10 + (digits->str[i] - '0');
      if (digits->str[kept] >= '5')
        value++;
    }
  /* Otherwise the first dropped digit is a zero: the amount rounds to 0. */

  if (value > OUTLAY_MONEY_MAX)
    return AMOUNT_TOO_LARGE;

  *minor_units = value;
  return AMOUNT_OK;
}

/* A description holds no control characters, a note none but line breaks;
 * HomeBank lets either slip in through character references. */
char *
outlay_xhb_clean_text (const char *text,
                       gboolean    keep_line_breaks)
{
  g_autofree char *valid = NULL;
  GString         *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\r')
        c = '\n';

      if (c == '\n' && keep_line_breaks)
        g_string_append_c (out, '\n');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

gboolean
outlay_xhb_read_date (const char *text,
                      char      **date,
                      char      **message)
{
  GDate   day;
  guint64 number;

  if (text == NULL || *text == '\0' || strcmp (text, "0") == 0)
    {
      *message = g_strdup (_("The transaction has no date."));
      return FALSE;
    }
  if (!outlay_parse_unsigned (text, 1, LAST_FORMATTABLE_DAY, &number))
    {
      *message = g_strdup_printf (_("The date “%s” is not a HomeBank day number."), text);
      return FALSE;
    }

  g_date_clear (&day, 1);
  g_date_set_julian (&day, (guint32) number);
  *date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day),
                           (guint) g_date_get_month (&day), g_date_get_day (&day));
  if (!outlay_date_is_valid (*date))
    {
      *message = g_strdup_printf (_("The date %s is outside the years Outlay keeps, 1900 to 2999."),
                                  *date);
      g_clear_pointer (date, g_free);
      return FALSE;
    }

  return TRUE;
}

/* The definition a key attribute refers to, in *@value; NULL for none.
 * FALSE when it names a key the file does not define. */
static gboolean
lookup_reference (GHashTable *table,
                  const char *text,
                  gpointer   *value)
{
  guint key;

  *value = NULL;
  if (!parse_key (text, &key))
    return FALSE;
  if (key == 0)
    return TRUE;

  *value = g_hash_table_lookup (table, GUINT_TO_POINTER (key));
  return *value != NULL;
}

const Account *
outlay_xhb_resolve_account (Reader            *reader,
                            const Transaction *transaction,
                            char             **message)
{
  gpointer account;

  if (!lookup_reference (reader->accounts, transaction->account, &account))
    *message = g_strdup_printf (_("The transaction refers to an account (key “%s”) that is not in the file."),
                                transaction->account);
  else if (account == NULL)
    *message = g_strdup (_("The transaction has no account."));

  return account;
}

/* The ISO code of the account's currency, the file's base currency if the
 * account names none, or NULL (the ledger's currency) in a file from before
 * HomeBank knew currencies. */
gboolean
outlay_xhb_resolve_currency (Reader        *reader,
                             const Account *account,
                             const char   **code,
                             char         **message)
{
  const char *text = account->currency;
  gpointer    iso;

  *code = NULL;
  if (!reader->has_currencies)
    return TRUE;

  if (lookup_reference (reader->currencies, text, &iso) && iso == NULL)
    {
      text = reader->base_currency;
      if (lookup_reference (reader->currencies, text, &iso) && iso == NULL)
        return TRUE;
    }
  if (iso == NULL)
    {
      *message = g_strdup_printf (_("The account “%s” has a currency (key “%s”) that is not in the file."),
                                  account->name ? account->name : "", text);
      return FALSE;
    }
  if (outlay_currency_lookup (iso) == NULL)
    {
      *message = g_strdup_printf (_("The account “%s” is in %s, a currency Outlay does not know."),
                                  account->name ? account->name : "", (const char *) iso);
      return FALSE;
    }

  *code = iso;
  return TRUE;
}

/* "Parent › Child" for a subcategory, the name for a top category, NULL for
 * none. */
gboolean
outlay_xhb_resolve_category (Reader     *reader,
                             const char *text,
                             char      **name,
                             char      **message)
{
  Category        *category;
  Category        *parent;
  g_autofree char *child_name = NULL;
  g_autofree char *parent_name = NULL;

  *name = NULL;
  if (!lookup_reference (reader->categories, text, (gpointer *) &category))
    {
      *message = g_strdup_printf (_("The transaction refers to a category (key “%s”) that is not in the file."),
                                  text);
      return FALSE;
    }
  if (category == NULL)
    return TRUE;

  child_name = outlay_xhb_clean_text (category->name, FALSE);
  if (!lookup_reference (reader->categories, category->parent, (gpointer *) &parent))
    {
      *message = g_strdup_printf (_("The category “%s” belongs to a category (key “%s”) that is not in the file."),
                                  child_name, category->parent);
      return FALSE;
    }

  if (parent != NULL)
    parent_name = outlay_xhb_clean_text (parent->name, FALSE);
  if (parent_name != NULL && *parent_name != '\0' && *child_name != '\0')
    *name = outlay_import_category_path (parent_name, child_name);
  else if (*child_name != '\0')
    *name = g_steal_pointer (&child_name);
  return TRUE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gconstpointer *) a);
  guint y = GPOINTER_TO_UINT (*(gconstpointer *) b);

  return (x > y) - (x < y);
}

/* The keys of @table, which are numbers, in their order: the file's. */
GPtrArray *
outlay_xhb_sorted_keys (GHashTable *table)
{
  g_autoptr (GList) keys = g_hash_table_get_keys (table);
  GPtrArray *sorted = g_ptr_array_new ();

  for (GList *l = keys; l != NULL; l = l->next)
    g_ptr_array_add (sorted, l->data);
  g_ptr_array_sort (sorted, compare_keys);

  return sorted;
}

/* Where the file's categories are: each subcategory (HomeBank's have a
 * parent) under the one of its parent's name, which comes before it. */
static void
read_categories (Reader             *reader,
                 OutlayImportSource *source)
{
  g_autoptr (GPtrArray) keys = outlay_xhb_sorted_keys (reader->categories);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < keys->len; i++)
      {
        Category        *category = g_hash_table_lookup (reader->categories, keys->pdata[i]);
        Category        *parent = NULL;
        g_autofree char *name = outlay_xhb_clean_text (category->name, FALSE);
        g_autofree char *parent_name = NULL;
        g_autofree char *path = NULL;

        /* A parent not in the file: its transactions say so. */
        if (!lookup_reference (reader->categories, category->parent, (gpointer *) &parent) ||
            (parent != NULL) != (pass == 1) || *name == '\0')
          continue;
        if (parent != NULL && *(parent_name = outlay_xhb_clean_text (parent->name, FALSE)) == '\0')
          continue;

        path = outlay_import_category_path (parent_name, name);
        if (g_hash_table_add (seen, g_utf8_casefold (path, -1)))
          outlay_import_source_add_category (source, parent_name, name, NULL, NULL, FALSE);
      }
}

gboolean
outlay_xhb_resolve_payee (Reader     *reader,
                          const char *text,
                          char      **name,
                          char      **message)
{
  gpointer payee;

  *name = NULL;
  if (!lookup_reference (reader->payees, text, &payee))
    {
      *message = g_strdup_printf (_("The transaction refers to a payee (key “%s”) that is not in the file."),
                                  text);
      return FALSE;
    }

  if (payee != NULL)
    *name = outlay_xhb_clean_text (payee, FALSE);
  return TRUE;
}

/* The payee names an expense, with the memo and the reference number as its
 * note; without a payee the memo is the description. A description too
 * long to keep ends in an ellipsis and is kept whole at the top of the
 * note. */
gboolean
outlay_xhb_compose_texts (const char *payee,
                          const char *memo,
                          const char *info,
                          char      **description,
                          char      **note,
                          char      **message)
{
  g_autofree char *reference = outlay_xhb_clean_text (info, FALSE);
  g_autofree char *desc = NULL;
  g_autofree char *text = NULL;
  glong            length;

  if (payee != NULL && *payee != '\0')
    {
      g_autofree char *memo_text = outlay_xhb_clean_text (memo, TRUE);

      desc = g_strdup (payee);
      if (*reference != '\0' && *memo_text != '\0')
        /* Translators: a memo, then the cheque or reference number. */
        text = g_strdup_printf (_("%s (ref %s)"), memo_text, reference);
      else if (*reference != '\0')
        text = g_strdup_printf (_("Ref %s"), reference);
      else if (*memo_text != '\0')
        text = g_steal_pointer (&memo_text);
    }
  else
    {
      desc = outlay_xhb_clean_text (memo, FALSE);
      if (*reference != '\0')
        text = g_strdup_printf (_("Ref %s"), reference);
    }

  if (g_utf8_strlen (desc, -1) > OUTLAY_DESCRIPTION_MAX_LENGTH)
    {
      g_autofree char *whole = g_steal_pointer (&desc);
      const char      *cut = g_utf8_offset_to_pointer (whole, OUTLAY_DESCRIPTION_MAX_LENGTH - 1);
      g_autofree char *head = g_strchomp (g_strndup (whole, cut - whole));

      desc = g_strconcat (head, ELLIPSIS, NULL);
      if (text != NULL)
        {
          char *joined = g_strconcat (whole, "\n\n", text, NULL);

          g_free (text);
          text = joined;
        }
      else
        {
          text = g_steal_pointer (&whole);
        }
    }

  length = text != NULL ? g_utf8_strlen (text, -1) : 0;
  if (length > OUTLAY_NOTE_MAX_LENGTH)
    {
      *message = g_strdup_printf (_("The memo is too long for a note: it has %ld characters, a note at most %d."),
                                  length, OUTLAY_NOTE_MAX_LENGTH);
      return FALSE;
    }

  *description = g_steal_pointer (&desc);
  *note = g_steal_pointer (&text);
  return TRUE;
}

static void
add_issue (Entry                *entry,
           guint                 part,
           OutlayImportIssueKind kind,
           const char           *reason)
{
  guint line = entry->transaction->line;

  if (part == 0)
    outlay_import_source_add_issue (entry->source, line, kind, "%s", reason);
  else
    /* Translators: %u counts the parts of a split transaction from 1; %s
     * is why the part was left out, a sentence. */
    outlay_import_source_add_issue (entry->source, line, kind, _("Split part %u: %s"), part, reason);
}

/* One expense: a whole transaction (@part 0) or one part of a split. */
static void
read_part (Entry      *entry,
           guint       part,
           const char *amount_text,
           const char *category_key,
           const char *memo)
{
  const Transaction *transaction = entry->transaction;
  g_autoptr (OutlayImportRecord) record = NULL;
  g_autofree char *message = NULL;
  g_autofree char *payee = NULL;
  g_autofree char *category = NULL;
  g_autofree char *description = NULL;
  g_autofree char *note = NULL;
  gboolean         negative;
  gint64           amount;

  switch (outlay_xhb_parse_amount (amount_text, entry->exponent, &negative, &amount))
    {
    case AMOUNT_OK:
      break;
    case AMOUNT_INVALID:
      message = g_strdup_printf (_("The amount “%s” is not a number."), amount_text ? amount_text : "");
      add_issue (entry, part, OUTLAY_IMPORT_ISSUE_ERROR, message);
      return;
    case AMOUNT_TOO_LARGE:
      message = g_strdup_printf (_("The amount “%s” is larger than Outlay can keep."), amount_text);
      add_issue (entry, part, OUTLAY_IMPORT_ISSUE_ERROR, message);
      return;
    default:
      g_assert_not_reached ();
    }

  if (amount == 0)
    {
      add_issue (entry, part, OUTLAY_IMPORT_ISSUE_SKIPPED, _("An amount of zero, not an expense."));
      return;
    }

  if (!outlay_xhb_resolve_category (entry->reader, category_key, &category, &message) ||
      !outlay_xhb_resolve_payee (entry->reader, transaction->payee, &payee, &message) ||
      !outlay_xhb_compose_texts (payee, memo, transaction->info, &description, &note, &message))
    {
      add_issue (entry, part, OUTLAY_IMPORT_ISSUE_ERROR, message);
      return;
    }

  record = outlay_import_record_new ();
  record->line = transaction->line;
  record->date = g_strdup (entry->date);
  /* Money received is an incoming line: a refund if the person takes it
   * as one. */
  record->amount = negative ? amount : -amount;
  record->incoming = !negative;
  record->currency = g_strdup (entry->currency);
  g_free (record->description);
  record->description = g_steal_pointer (&description);
  record->note = g_steal_pointer (&note);
  record->category = g_steal_pointer (&category);
  outlay_import_source_add_record (entry->source, g_steal_pointer (&record));
}

gboolean
outlay_xhb_is_split (const Transaction *transaction)
{
  return transaction->split_amounts != NULL ||
         transaction->split_categories != NULL ||
         (outlay_xhb_parse_number (transaction->flags) & FLAG_SPLIT) != 0;
}

/* Each part of a split is an expense of its own, with its own category,
 * amount and memo (the transaction's memo where it has none). */
static void
read_split (Entry *entry)
{
  const Transaction *transaction = entry->transaction;
  g_auto (GStrv) amounts = NULL;
  g_auto (GStrv) categories = NULL;
  g_auto (GStrv) memos = NULL;
  g_autofree char *message = NULL;
  guint            n_parts;

  if (transaction->split_amounts == NULL || *transaction->split_amounts == '\0')
    {
      add_issue (entry, 0, OUTLAY_IMPORT_ISSUE_ERROR, _("The split transaction has no amounts for its parts."));
      return;
    }

  amounts = g_strsplit (transaction->split_amounts, SPLIT_SEPARATOR, -1);
  n_parts = g_strv_length (amounts);
  if (transaction->split_categories != NULL)
    {
      categories = g_strsplit (transaction->split_categories, SPLIT_SEPARATOR, -1);
      if (g_strv_length (categories) != n_parts)
        {
          message =
            g_strdup_printf (_("The split transaction has a different number of amounts (%u) and categories (%u)."),
                             n_parts, g_strv_length (categories));
          add_issue (entry, 0, OUTLAY_IMPORT_ISSUE_ERROR, message);
          return;
        }
    }
  if (transaction->split_memos != NULL)
    {
      memos = g_strsplit (transaction->split_memos, SPLIT_SEPARATOR, -1);
      if (g_strv_length (memos) != n_parts)
        {
          message = g_strdup_printf (_("The split transaction has a different number of amounts (%u) and memos (%u)."),
                                     n_parts, g_strv_length (memos));
          add_issue (entry, 0, OUTLAY_IMPORT_ISSUE_ERROR, message);
          return;
        }
    }

  for (guint i = 0; i < n_parts; i++)
    {
      const char *memo = memos != NULL && *memos[i] != '\0' ? memos[i] : transaction->memo;

      read_part (entry, i + 1, amounts[i], categories != NULL ? categories[i] : NULL, memo);
    }
}

gboolean
outlay_xhb_is_transfer (const Transaction *transaction)
{
  return outlay_xhb_parse_number (transaction->paymode) == PAYMODE_INTERNAL_TRANSFER ||
         outlay_xhb_parse_number (transaction->dst_account) != 0 ||
         outlay_xhb_parse_number (transaction->kxfer) != 0 ||
         (outlay_xhb_parse_number (transaction->flags) & FLAG_INTERNAL_TRANSFER) != 0;
}

static void
read_transaction (Reader             *reader,
                  const Transaction  *transaction,
                  OutlayImportSource *source)
{
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  const Account   *account = NULL;
  Entry            entry = {
               .reader = reader,
               .source = source,
               .transaction = transaction,
  };

  if (!outlay_xhb_read_date (transaction->date, &date, &message) ||
      (account = outlay_xhb_resolve_account (reader, transaction, &message)) == NULL)
    {
      add_issue (&entry, 0, OUTLAY_IMPORT_ISSUE_ERROR, message);
      return;
    }

  if (outlay_xhb_parse_number (transaction->status) == STATUS_VOID)
    {
      add_issue (&entry, 0, OUTLAY_IMPORT_ISSUE_SKIPPED, _("A voided transaction, not an expense."));
      return;
    }
  if (outlay_xhb_is_transfer (transaction))
    {
      add_issue (&entry, 0, OUTLAY_IMPORT_ISSUE_SKIPPED, _("A transfer between accounts, not an expense."));
      return;
    }

  if (!outlay_xhb_resolve_currency (reader, account, &entry.currency, &message))
    {
      add_issue (&entry, 0, OUTLAY_IMPORT_ISSUE_ERROR, message);
      return;
    }

  entry.date = date;
  /* A file from before HomeBank knew currencies is in the ledger's, with
   * as many decimals as that one has. */
  {
    const OutlayCurrency *currency = outlay_currency_lookup (entry.currency != NULL ? entry.currency
                                                                                    : reader->ledger_currency);

    entry.exponent = currency != NULL ? currency->exponent : DEFAULT_EXPONENT;
  }
  if (outlay_xhb_is_split (transaction))
    read_split (&entry);
  else
    read_part (&entry, 0, transaction->amount, transaction->category, transaction->memo);
}

/* Every failure is OUTLAY_XHB_ERROR; GMarkup's own messages (which name the
 * line and character) are kept after a sentence that says what they mean. */
static void
propagate_parse_error (Reader  *reader,
                       GError  *parse_error,
                       GError **error)
{
  g_autofree char *detail = NULL;

  if (parse_error->domain == OUTLAY_XHB_ERROR)
    {
      g_propagate_error (error, parse_error);
      return;
    }

  /* GMarkup quotes the bytes it could not decode as they are. */
  detail = g_utf8_make_valid (parse_error->message, -1);
  if (reader->seen_root)
    g_set_error (error, OUTLAY_XHB_ERROR, OUTLAY_XHB_ERROR_INVALID,
                 _("This HomeBank file is damaged: %s"), detail);
  else
    g_set_error (error, OUTLAY_XHB_ERROR, OUTLAY_XHB_ERROR_INVALID,
                 _("This is not a HomeBank file: %s"), detail);
  g_error_free (parse_error);
}

OutlayImportSource *
outlay_xhb_read (const char *data,
                 gsize       length,
                 const char *currency,
                 GError    **error)
{
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  GError     *parse_error = NULL;
  const char *nul;
  Reader      reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (length <= G_MAXSSIZE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length == 0)
    {
      g_set_error_literal (error, OUTLAY_XHB_ERROR, OUTLAY_XHB_ERROR_INVALID,
                           _("This is not a HomeBank file: it is empty."));
      return NULL;
    }

  /* XML allows no NUL character, and GMarkup would cut an attribute short
   * at one. */
  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      guint line = 1;

      for (const char *p = data; p < nul; p++)
        line += *p == '\n';
      g_set_error (error, OUTLAY_XHB_ERROR, OUTLAY_XHB_ERROR_INVALID,
                   _("This is not a HomeBank file: line %u holds a zero byte, which XML does not allow."),
                   line);
      return NULL;
    }

  reader_init (&reader);
  reader.ledger_currency = currency;
  context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  if (!g_markup_parse_context_parse (context, data, (gssize) length, &parse_error) ||
      !g_markup_parse_context_end_parse (context, &parse_error))
    {
      propagate_parse_error (&reader, parse_error, error);
      reader_clear (&reader);
      return NULL;
    }
  if (!reader.seen_root)
    {
      g_set_error_literal (error, OUTLAY_XHB_ERROR, OUTLAY_XHB_ERROR_INVALID,
                           _("This is not a HomeBank file: it has no <homebank> element."));
      reader_clear (&reader);
      return NULL;
    }

  source = outlay_import_source_new ();
  read_categories (&reader, source);
  for (guint i = 0; i < reader.transactions->len; i++)
    read_transaction (&reader, g_ptr_array_index (reader.transactions, i), source);
  outlay_xhb_read_budgets (&reader, source);
  outlay_xhb_read_scheduled (&reader, source);
  outlay_xhb_read_assignments (&reader, source);

  reader_clear (&reader);
  return g_steal_pointer (&source);
}
