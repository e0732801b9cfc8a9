/* outlay-sample-ledger.h
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

/* A believable, deterministic ledger for widget tests and screenshots:
 * the same expenses every run, dated relative to today so that "Today"
 * and "Yesterday" and the current month always have something in them. */

#pragma once

#include "outlay-period.h"
#include "outlay-repository.h"

typedef struct
{
  guint       category; /* position in the default categories */
  const char *description;
  const char *note;
  int         min_cents;
  int         max_cents;
} OutlaySampleKind;

static const OutlaySampleKind outlay_sample_kinds[] = {
  { 0, "Coffee", "", 280, 450 },
  { 0, "Lunch with Sam", "Thai place", 1200, 2400 },
  { 0, "Bakery", "", 350, 900 },
  { 1, "Weekly shop", "", 4500, 9800 },
  { 1, "Farmers market", "Vegetables and cheese", 1500, 3500 },
  { 2, "Bus ticket", "", 290, 290 },
  { 2, "Train to Lyon", "Return ticket", 4500, 8900 },
  { 2, "Fuel", "", 5000, 7500 },
  { 3, "Rent", "", 95000, 95000 },
  { 4, "Electricity", "Monthly advance", 6500, 6500 },
  { 4, "Internet", "", 3999, 3999 },
  { 5, "Pharmacy", "", 800, 2600 },
  { 6, "Running shoes", "", 8900, 12900 },
  { 6, "Books", "", 1500, 4200 },
  { 7, "Cinema", "", 1200, 2600 },
  { 7, "Concert tickets", "Two seats", 6000, 9000 },
  { 8, "Hotel in Porto", "Two nights", 18000, 26000 },
  { 9, "Haircut", "", 2500, 3500 },
};

/* Adds about @per_month expenses for each of the last @months months. */
static inline void
outlay_sample_ledger_fill (OutlayRepository *repository,
                           const char       *currency,
                           guint             months,
                           guint             per_month)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;
  GListModel *categories = outlay_repository_get_categories (repository);
  GRand      *rand = g_rand_new_with_seed (20261125);

  for (guint days_ago = 0; days_ago < months * 30; days_ago++)
    {
      g_autoptr (GDate) day = g_date_copy (today);
      guint n = g_rand_int_range (rand, 0, 100) < (int) (per_month * 100 / 30) ? 1 : 0;

      g_date_subtract_days (day, days_ago);

      /* Rent and bills on the first of the month; the rest at random. */
      if (g_date_get_day (day) == 1)
        n += 2;
      if (days_ago < 2)
        n = 2;

      for (guint i = 0; i < n; i++)
        {
          guint                   n_kinds = G_N_ELEMENTS (outlay_sample_kinds);
          guint                   kind_index = g_date_get_day (day) == 1 && i < 2
                                                 ? (i == 0 ? 8 : 9)
                                                 : (guint) g_rand_int_range (rand, 0, n_kinds);
          const OutlaySampleKind *kind = &outlay_sample_kinds[kind_index];
          g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, kind->category);
          g_autofree char *iso = outlay_date_format_iso (day);
          OutlayExpense   *draft = outlay_expense_new ();
          int              cents = kind->min_cents == kind->max_cents
                                     ? kind->min_cents
                                     : g_rand_int_range (rand, kind->min_cents, kind->max_cents);

          /* Round to what prices look like. */
          if (cents > 1000)
            cents = cents / 10 * 10 - (g_rand_boolean (rand) ? 1 : 0);

          outlay_expense_set_amount (draft, cents);
          outlay_expense_set_currency (draft, currency);
          outlay_expense_set_description (draft, kind->description);
          outlay_expense_set_note (draft, kind->note);
          outlay_expense_set_category_id (draft, outlay_category_get_id (category));
          outlay_expense_set_occurred_on (draft, iso);
          g_ptr_array_add (drafts, draft);
        }
    }

  /* Oldest first, as a person would have entered them. */
  for (guint i = 0; i < drafts->len / 2; i++)
    {
      gpointer swap = drafts->pdata[i];

      drafts->pdata[i] = drafts->pdata[drafts->len - 1 - i];
      drafts->pdata[drafts->len - 1 - i] = swap;
    }

  if (!outlay_repository_add_expenses (repository, (OutlayExpense **) drafts->pdata, drafts->len, &error))
    g_error ("Could not write the sample ledger: %s", error->message);

  g_rand_free (rand);
}

/* A few exchange rates around today: two of the person's, and the ECB's
 * of the last three days (1 EUR = x), as a file would give them. */
static inline void
outlay_sample_ledger_add_rates (OutlayRepository *repository)
{
  static const struct
  {
    const char *quote;
    const char *rates[3];
  } ecb[] = {
    { "USD", { "1.0813", "1.0787", "1.0772" } },
    { "GBP", { "0.85965", "0.8597", "0.8604" } },
    { "CHF", { "0.9793", "0.9781", "0.9760" } },
  };
  g_autoptr (GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  OutlayRateEntry     entries[G_N_ELEMENTS (ecb) * 3];
  OutlayRatesImported imported;
  g_autoptr (OutlayExchangeRate) mine = NULL;
  g_autoptr (OutlayExchangeRate) older = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr (GDate) day = outlay_date_new_today ();

      g_date_subtract_days (day, i + 1);
      g_ptr_array_add (days, outlay_date_format_iso (day));
    }
  for (guint i = 0; i < G_N_ELEMENTS (ecb); i++)
    for (guint d = 0; d < 3; d++)
      entries[i * 3 + d] = (OutlayRateEntry){ "EUR", ecb[i].quote, g_ptr_array_index (days, d), ecb[i].rates[d] };

  if (!outlay_repository_import_rates (repository, entries, G_N_ELEMENTS (entries), "ECB", NULL, NULL, NULL, &imported,
                                       &error) ||
      !(mine = outlay_repository_set_rate (repository, "USD", "EUR", g_ptr_array_index (days, 0), "0.9205", &error)) ||
      !(older = outlay_repository_set_rate (repository, "USD", "EUR", g_ptr_array_index (days, 2), "0.9190", &error)))
    g_error ("Could not write the sample rates: %s", error->message);
}
