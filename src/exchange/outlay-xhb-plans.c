/* outlay-xhb-plans.c
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

/* What a HomeBank file plans: the budgets on its categories, and its
 * scheduled transactions (<fav> with a next date), which become Outlay's
 * budgets and recurring expenses, so that someone moving from HomeBank
 * keeps both. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "outlay-date.h"
#include "outlay-money.h"
#include "outlay-repository.h"
#include "outlay-store-private.h"
#include "outlay-uuid.h"
#include "outlay-xhb-private.h"

/* A scheduled transaction's flags (HomeBank's hb-transaction.h). */
#define SCHEDULED_INCOME (1 << 1)
#define SCHEDULED_AUTO (1 << 2)  /* scheduled; without it, only a template */
#define SCHEDULED_LIMIT (1 << 7) /* ends after "limit" more times */

/* Names the uuids of the recurring expenses a HomeBank file's scheduled
 * transactions become: the same file imported again finds them. */
#define SCHEDULED_NAMESPACE "61cb4b1a-62db-4b4e-b9b7-42bfecee0f0c"

/* The money a category's budget attribute plans to spend, in minor units;
 * 0 for none, for income, or for what cannot be read. */
static gint64
planned_spending (const char *text,
                  guint       exponent)
{
  gboolean negative = FALSE;
  gint64   amount = 0;

  if (text == NULL || outlay_xhb_parse_amount (text, exponent, &negative, &amount) != AMOUNT_OK || !negative)
    return 0;
  return amount;
}

static OutlayImportBudgetRow *
override_row (guint       year,
              guint       month,
              gint64      amount,
              const char *now)
{
  OutlayImportBudgetRow *row = outlay_import_budget_row_new ();

  row->uuid = outlay_uuid_new ();
  row->period_start = g_strdup_printf ("%04u-%02u-01", year, month);
  row->value = amount;
  row->created_at = g_strdup (now);
  row->updated_at = g_strdup (now);
  return row;
}

/* HomeBank's budgets, on its categories: the same amount every month (b0),
 * or one a month (b1…b12, with the category's custom flag), negative for
 * spending. Each becomes a monthly Outlay budget of that category from
 * this January; one a month becomes the amount most months have, and an
 * override for each other month of this year and the next. Income
 * categories and budgets of nothing are left out. */
void
outlay_xhb_read_budgets (Reader             *reader,
                         OutlayImportSource *source)
{
  g_autoptr (GPtrArray) sorted = outlay_xhb_sorted_keys (reader->categories);
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  g_autofree char      *now = outlay_timestamp_now_utc ();
  g_autofree char      *anchor = g_strdup_printf ("%04d-01-01", g_date_time_get_year (today));
  const char           *currency = NULL;
  g_autofree char      *message = NULL;
  const OutlayCurrency *known;
  guint                 exponent;

  if (!outlay_xhb_resolve_currency (reader, &(Account){ NULL, NULL }, &currency, &message))
    return;
  if (currency == NULL)
    currency = reader->ledger_currency;
  known = outlay_currency_lookup (currency);
  exponent = known != NULL ? known->exponent : DEFAULT_EXPONENT;

  for (guint i = 0; i < sorted->len; i++)
    {
      gpointer  key = g_ptr_array_index (sorted, i);
      Category *category = g_hash_table_lookup (reader->categories, key);
      guint     flags = outlay_xhb_parse_number (category->flags);
      g_autoptr (OutlayImportBudget) budget = NULL;
      g_autofree char *name = NULL;
      g_autofree char *key_text = g_strdup_printf ("%u", GPOINTER_TO_UINT (key));
      g_autofree char *uuid = outlay_uuid_new ();
      gint64           months[13] = { 0 };
      gint64           amount = 0;
      guint            best = 0;

      if ((flags & CATEGORY_INCOME) != 0 || !outlay_xhb_resolve_category (reader, key_text, &name, &message) ||
          name == NULL)
        {
          g_clear_pointer (&message, g_free);
          continue;
        }

      if ((flags & CATEGORY_CUSTOM) == 0)
        amount = planned_spending (category->budgets[0], exponent);
      else
        {
          /* The amount most months have; the others are overrides. */
          for (guint m = 1; m <= 12; m++)
            months[m] = planned_spending (category->budgets[m], exponent);
          for (guint m = 1; m <= 12; m++)
            {
              guint same = 0;

              for (guint n = 1; n <= 12; n++)
                same += months[n] == months[m];
              if (same > best || (same == best && months[m] > amount))
                {
                  best = same;
                  amount = months[m];
                }
            }
          if (amount == 0)
            for (guint m = 1; m <= 12; m++)
              amount = MAX (amount, months[m]);
        }
      if (amount == 0)
        continue;

      budget = outlay_import_budget_new ();
      outlay_budget_set_identity (budget->budget, 0, uuid, 0);
      outlay_budget_set_name (budget->budget, name);
      outlay_budget_set_amount (budget->budget, amount);
      outlay_budget_set_currency (budget->budget, currency);
      outlay_budget_set_cycle (budget->budget, OUTLAY_CYCLE_MONTH, 1, anchor, NULL);
      g_strfreev (budget->category_names);
      budget->category_names = g_strdupv ((char *[]){ name, NULL });
      for (guint year = 0; (flags & CATEGORY_CUSTOM) != 0 && year < 2; year++)
        for (guint m = 1; m <= 12; m++)
          if (months[m] != amount)
            g_ptr_array_add (budget->overrides,
                             override_row ((guint) g_date_time_get_year (today) + year, m, months[m], now));
      g_ptr_array_add (source->budgets, g_steal_pointer (&budget));
    }
}

/* HomeBank's units of a schedule, and what it does on a weekend
 * (hb-archive.h), in the order it numbers them. */
static const OutlayRepeatUnit scheduled_units[] = {
  OUTLAY_REPEAT_DAILY,
  OUTLAY_REPEAT_WEEKLY,
  OUTLAY_REPEAT_MONTHLY,
  OUTLAY_REPEAT_YEARLY,
};
static const OutlayWeekendRule scheduled_weekends[] = {
  OUTLAY_WEEKEND_KEEP,
  OUTLAY_WEEKEND_BEFORE,
  OUTLAY_WEEKEND_AFTER,
  OUTLAY_WEEKEND_SKIP,
};

static void
scheduled_issue (OutlayImportSource   *source,
                 const Transaction    *scheduled,
                 OutlayImportIssueKind kind,
                 const char           *reason)
{
  /* Translators: %s is why a scheduled transaction of a HomeBank file was
   * left out, a sentence */
  outlay_import_source_add_issue (source, scheduled->line, kind, _("Scheduled transaction: %s"), reason);
}

/* One scheduled transaction, as a recurring expense from its next date on
 * (what HomeBank wrote before that date is among the file's
 * transactions), or an issue that says why not. */
static void
read_one_scheduled (Reader             *reader,
                    const Transaction  *scheduled,
                    const char         *now,
                    OutlayImportSource *source)
{
  guint flags = outlay_xhb_parse_number (scheduled->flags);
  guint unit = outlay_xhb_parse_number (scheduled->unit);
  guint every = MAX (outlay_xhb_parse_number (scheduled->every), 1);
  guint weekend = outlay_xhb_parse_number (scheduled->weekend);
  g_autoptr (OutlayImportRule) rule = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  g_autofree char *payee = NULL;
  g_autofree char *category = NULL;
  g_autofree char *description = NULL;
  g_autofree char *note = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr (GDate) start = NULL;
  const Account        *account;
  const char           *currency = NULL;
  const OutlayCurrency *known;
  OutlayRecurrence      recurrence;
  gboolean              negative = FALSE;
  gint64                amount = 0;

  if ((flags & SCHEDULED_INCOME) != 0)
    {
      scheduled_issue (source, scheduled, OUTLAY_IMPORT_ISSUE_SKIPPED, _("Income, not a recurring expense."));
      return;
    }
  if (outlay_xhb_is_transfer (scheduled))
    {
      scheduled_issue (source, scheduled, OUTLAY_IMPORT_ISSUE_SKIPPED,
                       _("A transfer between accounts, not a recurring expense."));
      return;
    }
  if (outlay_xhb_is_split (scheduled))
    {
      scheduled_issue (source, scheduled, OUTLAY_IMPORT_ISSUE_SKIPPED,
                       _("A split transaction: a recurring expense has one category."));
      return;
    }
  if ((flags & SCHEDULED_LIMIT) != 0 && outlay_xhb_parse_number (scheduled->limit) == 0)
    {
      scheduled_issue (source, scheduled, OUTLAY_IMPORT_ISSUE_SKIPPED, _("It has no occurrence left."));
      return;
    }
  if (unit >= G_N_ELEMENTS (scheduled_units) || every > 1000)
    {
      message = g_strdup_printf (_("It repeats every %s of unit %s, which HomeBank does not write."),
                                    scheduled->every != NULL ? scheduled->every : "",
                                    scheduled->unit != NULL ? scheduled->unit : "");
      scheduled_issue (source, scheduled, OUTLAY_IMPORT_ISSUE_ERROR, message);
      return;
    }

  if (!outlay_xhb_read_date (scheduled->nextdate, &date, &message) ||
      !(account = outlay_xhb_resolve_account (reader, scheduled, &message)) ||
      !outlay_xhb_resolve_currency (reader, account, &currency, &message))
    {
      scheduled_issue (source, scheduled, OUTLAY_IMPORT_ISSUE_ERROR, message);
      return;
    }
  if (currency == NULL)
    currency = reader->ledger_currency;
  known = outlay_currency_lookup (currency);

  switch (outlay_xhb_parse_amount (scheduled->amount, known != NULL ? known->exponent : DEFAULT_EXPONENT, &negative,
                                   &amount))
    {
    case AMOUNT_OK:
      break;
    case AMOUNT_TOO_LARGE:
      message = g_strdup_printf (_("The amount “%s” is larger than Outlay can keep."), scheduled->amount);
      scheduled_issue (source, scheduled, OUTLAY_IMPORT_ISSUE_ERROR, message);
      return;
    case AMOUNT_INVALID:
    default:
      message = g_strdup_printf (_("The amount “%s” is not a number."), scheduled->amount ? scheduled->amount : "");
      scheduled_issue (source, scheduled, OUTLAY_IMPORT_ISSUE_ERROR, message);
      return;
    }
  if (amount == 0 || !negative)
    {
      scheduled_issue (source, scheduled, OUTLAY_IMPORT_ISSUE_SKIPPED,
                       amount == 0 ? _("An amount of zero, not an expense.") : _("Income, not a recurring expense."));
      return;
    }

  if (!outlay_xhb_resolve_category (reader, scheduled->category, &category, &message) ||
      !outlay_xhb_resolve_payee (reader, scheduled->payee, &payee, &message) ||
      !outlay_xhb_compose_texts (payee, scheduled->memo, scheduled->info, &description, &note, &message))
    {
      scheduled_issue (source, scheduled, OUTLAY_IMPORT_ISSUE_ERROR, message);
      return;
    }

  start = outlay_date_parse_iso (date);
  outlay_recurrence_init (&recurrence, scheduled_units[unit], every, start);
  recurrence.weekend = weekend < G_N_ELEMENTS (scheduled_weekends) ? scheduled_weekends[weekend]
                                                                   : OUTLAY_WEEKEND_KEEP;
  if ((flags & SCHEDULED_LIMIT) != 0)
    {
      recurrence.end = OUTLAY_REPEAT_END_COUNT;
      recurrence.count = outlay_xhb_parse_number (scheduled->limit);
    }

  /* What it is, not when it is next: the same schedule of a later copy
   * of the file is the same recurring expense. */
  name = g_strdup_printf ("%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%u\x1f%u",
                          scheduled->key != NULL ? scheduled->key : "", description, amount, currency,
                          category != NULL ? category : "", unit, every);
  uuid = outlay_uuid_new_for_name (SCHEDULED_NAMESPACE, name);

  rule = outlay_import_rule_new ();
  outlay_recurring_rule_set_identity (rule->rule, 0, uuid);
  outlay_recurring_rule_set_amount (rule->rule, amount);
  outlay_recurring_rule_set_currency (rule->rule, currency);
  outlay_recurring_rule_set_description (rule->rule, description);
  outlay_recurring_rule_set_note (rule->rule, note);
  outlay_recurring_rule_set_recurrence (rule->rule, &recurrence);
  outlay_recurring_rule_set_timestamps (rule->rule, now, now, NULL);
  rule->category_name = g_steal_pointer (&category);
  g_ptr_array_add (source->rules, g_steal_pointer (&rule));
}

/**
 * outlay_xhb_read_scheduled:
 *
 * The scheduled transactions of the file that are expenses, as recurring
 * expenses; the others are issues, said as skipped.
 */
void
outlay_xhb_read_scheduled (Reader             *reader,
                           OutlayImportSource *source)
{
  g_autofree char *now = outlay_timestamp_now_utc ();

  for (guint i = 0; i < reader->scheduled->len; i++)
    {
      const Transaction *scheduled = g_ptr_array_index (reader->scheduled, i);

      /* Without the flag, a template to fill in by hand: nothing planned. */
      if ((outlay_xhb_parse_number (scheduled->flags) & SCHEDULED_AUTO) != 0)
        read_one_scheduled (reader, scheduled, now, source);
    }
}
