/* outlay-category-suggester.c
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

/* The suggestion is asked for a moment after the last key, not at every
 * one; what the store does for it does not grow with the ledger (the
 * rules, and at most 200 expenses of the same description through an
 * index), so it runs on the main loop. The category row says where the
 * suggestion came from, and stops suggesting once the person picks. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-suggester.h"

#define DELAY_MS 250

struct _OutlayCategorySuggester
{
  OutlayCategoryPicker *picker; /* weak */
  OutlayRepository     *repository;
  char                 *description;
  char                 *currency;
  gint64                amount;
  guint                 timeout_id;
  gboolean              may_suggest; /* a new expense whose category nobody chose */
  gboolean              selecting;   /* the form or a suggestion chooses, not the person */
  gint64                suggested_id; /* the category a suggestion put in the form, or 0 */
  gint64                before_id;    /* the form's category before it */
};

OutlayCategorySuggester *
outlay_category_suggester_new (OutlayCategoryPicker *picker,
                               OutlayRepository     *repository)
{
  OutlayCategorySuggester *self = g_new0 (OutlayCategorySuggester, 1);

  self->picker = picker;
  self->repository = g_object_ref (repository);
  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &self->picker);

  return self;
}

void
outlay_category_suggester_free (OutlayCategorySuggester *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->picker != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->picker), (gpointer *) &self->picker);
  g_clear_object (&self->repository);
  g_free (self->description);
  g_free (self->currency);
  g_free (self);
}

static void
set_subtitle (OutlayCategorySuggester *self,
              const char              *subtitle)
{
  if (self->picker != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->picker), subtitle);
}

/**
 * outlay_category_suggester_reset:
 * @may_suggest: whether the form is of a new expense, whose category may
 *   follow its description
 */
void
outlay_category_suggester_reset (OutlayCategorySuggester *self,
                                 gboolean                 may_suggest)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->may_suggest = may_suggest;
  self->suggested_id = 0;
  set_subtitle (self, NULL);
}

/* Chooses @category_id in the form, as the form, not the person. */
static void
select_quietly (OutlayCategorySuggester *self,
                gint64                   category_id,
                gboolean                 keep)
{
  self->selecting = TRUE;
  outlay_category_picker_select (self->picker, category_id, keep);
  self->selecting = FALSE;
}

/**
 * outlay_category_suggester_select:
 * @keep: as outlay_category_picker_select() keeps it
 *
 * Chooses @category_id in the form as the form does, not the person: a
 * suggestion may still take its place.
 */
void
outlay_category_suggester_select (OutlayCategorySuggester *self,
                                  gint64                   category_id,
                                  gboolean                 keep)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->picker != NULL);

  select_quietly (self, category_id, keep);
}

/* The category row changed: unless the form or a suggestion changed it,
 * the person chose it, and it stays whatever is typed. */
void
outlay_category_suggester_chosen (OutlayCategorySuggester *self)
{
  g_return_if_fail (self != NULL);

  if (self->selecting)
    return;

  outlay_category_suggester_reset (self, FALSE);
}

static void
suggest (OutlayCategorySuggester *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autofree char  *subtitle = NULL;
  OutlaySuggestedBy by;
  OutlayCategory   *category;
  gint64            category_id = 0;

  if (!self->may_suggest || self->picker == NULL || self->description == NULL)
    return;

  by = outlay_repository_suggest_category (self->repository, self->description, NULL, self->amount, self->currency,
                                           &category_id, &rule, &error);
  if (error != NULL)
    g_debug ("No category suggested: %s", error->message);

  category = category_id != 0 ? outlay_repository_lookup_category (self->repository, category_id) : NULL;
  if (category == NULL || !outlay_repository_is_category_offered (self->repository, category))
    {
      /* A guess for what was typed before goes: the form's own comes back. */
      if (self->suggested_id != 0)
        select_quietly (self, self->before_id, FALSE);
      self->suggested_id = 0;
      set_subtitle (self, NULL);
      return;
    }

  if (self->suggested_id == 0)
    self->before_id = outlay_category_picker_get_category_id (self->picker);
  self->suggested_id = category_id;
  select_quietly (self, category_id, FALSE);

  if (by == OUTLAY_SUGGESTED_BY_RULE)
    /* Translators: under the category of a new expense that a rule chose */
    subtitle = g_strdup_printf (_("Chosen by a rule for “%s”"), outlay_category_rule_get_patterns (rule)[0]);
  else
    /* Translators: under the category of a new expense chosen because earlier ones of the same description had it */
    subtitle = g_strdup_printf (_("Used before for “%s”"), self->description);
  set_subtitle (self, subtitle);
}

static gboolean
on_timeout_cb (gpointer data)
{
  OutlayCategorySuggester *self = data;

  self->timeout_id = 0;
  suggest (self);

  return G_SOURCE_REMOVE;
}

/* The description, amount and currency typed so far. */
void
outlay_category_suggester_update (OutlayCategorySuggester *self,
                                  const char              *description,
                                  gint64                   amount,
                                  const char              *currency)
{
  g_return_if_fail (self != NULL);

  if (!self->may_suggest)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_free (self->currency);
  self->currency = g_strdup (currency);
  self->amount = amount;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (DELAY_MS, on_timeout_cb, self);
}

/* Suggests now what a pending update would: before the form is saved. */
void
outlay_category_suggester_flush (OutlayCategorySuggester *self)
{
  g_return_if_fail (self != NULL);

  if (self->timeout_id == 0)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  suggest (self);
}
