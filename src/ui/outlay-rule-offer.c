/* outlay-rule-offer.c
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

/* When a person moves an imported expense to another category, the next
 * statement will bring the same description again: a toast offers the
 * rule that files it there ("Always file “Roastery” under Food & Drink"),
 * unless a rule already does. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-rule-offer.h"
#include "outlay-toasts.h"

typedef struct
{
  OutlayRepository *repository;
  AdwToastOverlay  *overlay; /* weak */
  char             *description;
  char             *category_uuid;
} Offer;

static void
offer_free (gpointer data)
{
  Offer *offer = data;

  if (offer->overlay != NULL)
    g_object_remove_weak_pointer (G_OBJECT (offer->overlay), (gpointer *) &offer->overlay);
  g_clear_object (&offer->repository);
  g_free (offer->description);
  g_free (offer->category_uuid);
  g_free (offer);
}

static void
on_button_clicked_cb (AdwToast *toast,
                      Offer    *offer)
{
  g_autoptr (OutlayCategoryRule) draft = outlay_category_rule_new ();
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autoptr (GError) error = NULL;
  const char *patterns[] = { offer->description, NULL };

  outlay_category_rule_set_patterns (draft, patterns);
  outlay_category_rule_set_category_uuid (draft, offer->category_uuid);
  /* First: a rule that files it elsewhere now must not win over it. */
  rule = outlay_repository_add_category_rule (offer->repository, draft, &error);
  if (rule == NULL ||
      !outlay_repository_move_category_rule (offer->repository, outlay_category_rule_get_uuid (rule), 0, &error))
    {
      if (offer->overlay != NULL)
        outlay_toasts_add_error (offer->overlay, error->message);
    }
}

/**
 * outlay_rule_offer_show:
 * @before: (nullable): the expense as it was, %NULL for a new one
 * @after: the expense as it was saved
 *
 * Offers a rule in @overlay when @after is an imported expense moved to
 * another category than @before's, that no rule files there yet.
 */
void
outlay_rule_offer_show (OutlayRepository *repository,
                        OutlayExpense    *before,
                        OutlayExpense    *after,
                        AdwToastOverlay  *overlay)
{
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autofree char *title = NULL;
  OutlayCategory  *category;
  Offer           *offer;
  AdwToast        *toast;
  gint64           suggested = 0;

  g_return_if_fail (OUTLAY_IS_REPOSITORY (repository));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  if (before == NULL || outlay_expense_get_import_hash (after) == NULL ||
      outlay_expense_get_category_id (before) == outlay_expense_get_category_id (after))
    return;

  category = outlay_repository_lookup_category (repository, outlay_expense_get_category_id (after));
  if (category == NULL || category == outlay_repository_get_fallback_category (repository))
    return;

  /* A rule that files it there already: nothing to offer. */
  if (outlay_repository_suggest_category (repository, outlay_expense_get_description (after),
                                          outlay_expense_get_note (after), outlay_expense_get_amount (after),
                                          outlay_expense_get_currency (after), &suggested, &rule,
                                          NULL) == OUTLAY_SUGGESTED_BY_RULE &&
      suggested == outlay_category_get_id (category))
    return;

  /* Translators: a toast after an imported expense was moved to another category; the button makes a rule */
  title = g_strdup_printf (_("Always file “%s” under %s?"), outlay_expense_get_description (after),
                           outlay_category_get_name (category));
  toast = outlay_toasts_new (title);
  adw_toast_set_button_label (toast, _("_Always"));
  adw_toast_set_timeout (toast, 10);

  offer = g_new0 (Offer, 1);
  offer->repository = g_object_ref (repository);
  offer->overlay = overlay;
  g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &offer->overlay);
  offer->description = g_strdup (outlay_expense_get_description (after));
  offer->category_uuid = g_strdup (outlay_category_get_uuid (category));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_button_clicked_cb), offer,
                         (GClosureNotify) offer_free, 0);

  adw_toast_overlay_add_toast (overlay, toast);
}
