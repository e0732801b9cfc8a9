/* outlay-budget.c
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

#include "outlay-store-private.h"

/* A budget as a value: the repository reads, checks and writes it
 * (outlay-repository-budgets.c); what it has spent is worked out there. */
struct _OutlayBudget
{
  GObject parent_instance;

  gint64          id;
  char           *uuid;
  char           *name;
  gint64          amount;
  char           *currency;
  OutlayCycleUnit period;
  guint           every;
  char           *anchor;
  char           *range_end;
  GStrv           categories;
  OutlayRollover  rollover;
  gint64          rollover_cap;
  char           *rollover_from;
  GArray         *alerts; /* of guint */
  int             position;
  char           *archived_at;
  char           *created_at;
  char           *updated_at;
  char           *deleted_at;
};

G_DEFINE_FINAL_TYPE (OutlayBudget, outlay_budget, G_TYPE_OBJECT)

static const char *const rollover_names[] = { "none", "surplus", "both" };

const char *
outlay_rollover_to_string (OutlayRollover rollover)
{
  g_return_val_if_fail (rollover <= OUTLAY_ROLLOVER_BOTH, NULL);

  return rollover_names[rollover];
}

gboolean
outlay_rollover_from_string (const char     *text,
                             OutlayRollover *rollover)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (rollover_names); i++)
    if (g_str_equal (text, rollover_names[i]))
      {
        *rollover = i;
        return TRUE;
      }

  return FALSE;
}

static void
outlay_budget_finalize (GObject *object)
{
  OutlayBudget *self = OUTLAY_BUDGET (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->currency);
  g_free (self->anchor);
  g_free (self->range_end);
  g_strfreev (self->categories);
  g_free (self->rollover_from);
  g_array_unref (self->alerts);
  g_free (self->archived_at);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->deleted_at);

  G_OBJECT_CLASS (outlay_budget_parent_class)->finalize (object);
}

static void
outlay_budget_class_init (OutlayBudgetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_budget_finalize;
}

static void
outlay_budget_init (OutlayBudget *self)
{
  static const guint default_alerts[] = { 80, 100 };

  self->name = g_strdup ("");
  self->currency = g_strdup ("");
  self->period = OUTLAY_CYCLE_MONTH;
  self->every = 1;
  self->categories = g_new0 (char *, 1);
  self->rollover_cap = -1;
  self->alerts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (self->alerts, default_alerts, G_N_ELEMENTS (default_alerts));
}

/**
 * outlay_budget_new:
 *
 * Returns: (transfer full): a draft: a monthly budget of nothing that
 *   counts every category and alerts at 80 % and 100 %
 */
OutlayBudget *
outlay_budget_new (void)
{
  return g_object_new (OUTLAY_TYPE_BUDGET, NULL);
}

OutlayBudget *
outlay_budget_copy (OutlayBudget *self)
{
  OutlayBudget *copy;

  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);

  copy = outlay_budget_new ();
  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  outlay_budget_set_name (copy, self->name);
  copy->amount = self->amount;
  outlay_budget_set_currency (copy, self->currency);
  outlay_budget_set_cycle (copy, self->period, self->every, self->anchor, self->range_end);
  outlay_budget_set_categories (copy, (const char *const *) self->categories);
  outlay_budget_set_rollover (copy, self->rollover, self->rollover_cap, self->rollover_from);
  outlay_budget_set_alerts (copy, (const guint *) (gpointer) self->alerts->data, self->alerts->len);
  copy->position = self->position;
  copy->archived_at = g_strdup (self->archived_at);
  outlay_budget_set_timestamps (copy, self->created_at, self->updated_at, self->deleted_at);

  return copy;
}

gboolean
outlay_budget_equal (OutlayBudget *a,
                     OutlayBudget *b)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (a), FALSE);
  g_return_val_if_fail (OUTLAY_IS_BUDGET (b), FALSE);

  return a->id == b->id && g_strcmp0 (a->uuid, b->uuid) == 0 && g_strcmp0 (a->name, b->name) == 0 &&
         a->amount == b->amount && g_strcmp0 (a->currency, b->currency) == 0 && a->period == b->period &&
         a->every == b->every && g_strcmp0 (a->anchor, b->anchor) == 0 &&
         g_strcmp0 (a->range_end, b->range_end) == 0 &&
         g_strv_equal ((const char *const *) a->categories, (const char *const *) b->categories) &&
         a->rollover == b->rollover && a->rollover_cap == b->rollover_cap &&
         g_strcmp0 (a->rollover_from, b->rollover_from) == 0 && a->alerts->len == b->alerts->len &&
         memcmp (a->alerts->data, b->alerts->data, a->alerts->len * sizeof (guint)) == 0 &&
         a->position == b->position && g_strcmp0 (a->archived_at, b->archived_at) == 0 &&
         g_strcmp0 (a->created_at, b->created_at) == 0 && g_strcmp0 (a->updated_at, b->updated_at) == 0 &&
         g_strcmp0 (a->deleted_at, b->deleted_at) == 0;
}

gint64
outlay_budget_get_id (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0);
  return self->id;
}

const char *
outlay_budget_get_uuid (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->uuid;
}

const char *
outlay_budget_get_name (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->name;
}

void
outlay_budget_set_name (OutlayBudget *self,
                        const char   *name)
{
  g_return_if_fail (OUTLAY_IS_BUDGET (self));
  g_free (self->name);
  self->name = g_strdup (name != NULL ? name : "");
}

gint64
outlay_budget_get_amount (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0);
  return self->amount;
}

void
outlay_budget_set_amount (OutlayBudget *self,
                          gint64        amount)
{
  g_return_if_fail (OUTLAY_IS_BUDGET (self));
  self->amount = amount;
}

const char *
outlay_budget_get_currency (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->currency;
}

void
outlay_budget_set_currency (OutlayBudget *self,
                            const char   *currency)
{
  g_return_if_fail (OUTLAY_IS_BUDGET (self));
  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "");
}

OutlayCycleUnit
outlay_budget_get_period (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), OUTLAY_CYCLE_MONTH);
  return self->period;
}

guint
outlay_budget_get_every (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 1);
  return self->every;
}

const char *
outlay_budget_get_anchor (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->anchor;
}

const char *
outlay_budget_get_range_end (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->range_end;
}

/**
 * outlay_budget_set_cycle:
 * @anchor: the first day of its first period, YYYY-MM-DD
 * @range_end: (nullable): for %OUTLAY_CYCLE_RANGE, the range's last day
 *
 * Sets the periods it counts in; outlay_budget_get_cycle() checks them.
 */
void
outlay_budget_set_cycle (OutlayBudget   *self,
                         OutlayCycleUnit period,
                         guint           every,
                         const char     *anchor,
                         const char     *range_end)
{
  g_return_if_fail (OUTLAY_IS_BUDGET (self));

  self->period = period;
  self->every = every;
  g_free (self->anchor);
  self->anchor = g_strdup (anchor);
  g_free (self->range_end);
  self->range_end = period == OUTLAY_CYCLE_RANGE ? g_strdup (range_end) : NULL;
}

gboolean
outlay_budget_get_cycle (OutlayBudget *self,
                         OutlayCycle  *cycle,
                         GError      **error)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), FALSE);

  return outlay_cycle_init (cycle, self->period, self->every, self->anchor, self->range_end, error);
}

const char *const *
outlay_budget_get_categories (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return (const char *const *) self->categories;
}

void
outlay_budget_set_categories (OutlayBudget      *self,
                              const char *const *category_uuids)
{
  g_return_if_fail (OUTLAY_IS_BUDGET (self));

  g_strfreev (self->categories);
  self->categories = category_uuids != NULL ? g_strdupv ((char **) category_uuids) : g_new0 (char *, 1);
}

OutlayRollover
outlay_budget_get_rollover (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), OUTLAY_ROLLOVER_NONE);
  return self->rollover;
}

gint64
outlay_budget_get_rollover_cap (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), -1);
  return self->rollover_cap;
}

const char *
outlay_budget_get_rollover_from (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->rollover_from;
}

/**
 * outlay_budget_set_rollover:
 * @cap: the most carried either way, in minor units; -1 for no cap
 * @from: (nullable): the first day whose period the carry counts from;
 *   %NULL for the first period
 */
void
outlay_budget_set_rollover (OutlayBudget  *self,
                            OutlayRollover rollover,
                            gint64         cap,
                            const char    *from)
{
  g_return_if_fail (OUTLAY_IS_BUDGET (self));

  self->rollover = rollover;
  self->rollover_cap = cap;
  g_free (self->rollover_from);
  self->rollover_from = g_strdup (from);
}

GArray *
outlay_budget_get_alerts (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->alerts;
}

static int
compare_percents (gconstpointer a,
                  gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Sorted, each once. */
void
outlay_budget_set_alerts (OutlayBudget *self,
                          const guint  *percents,
                          guint         n_percents)
{
  g_return_if_fail (OUTLAY_IS_BUDGET (self));

  g_array_set_size (self->alerts, 0);
  g_array_append_vals (self->alerts, percents, n_percents);
  g_array_sort (self->alerts, compare_percents);
  for (guint i = 1; i < self->alerts->len;)
    {
      if (g_array_index (self->alerts, guint, i) == g_array_index (self->alerts, guint, i - 1))
        g_array_remove_index (self->alerts, i);
      else
        i++;
    }
}

int
outlay_budget_get_position (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0);
  return self->position;
}

const char *
outlay_budget_get_archived_at (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->archived_at;
}

const char *
outlay_budget_get_created_at (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->created_at;
}

const char *
outlay_budget_get_updated_at (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->updated_at;
}

const char *
outlay_budget_get_deleted_at (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL);
  return self->deleted_at;
}

/* Package-private */

void
outlay_budget_set_identity (OutlayBudget *self,
                            gint64        id,
                            const char   *uuid,
                            int           position)
{
  self->id = id;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  self->position = position;
}

void
outlay_budget_set_timestamps (OutlayBudget *self,
                              const char   *created_at,
                              const char   *updated_at,
                              const char   *deleted_at)
{
  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  g_free (self->updated_at);
  self->updated_at = g_strdup (updated_at);
  g_free (self->deleted_at);
  self->deleted_at = g_strdup (deleted_at);
}

void
outlay_budget_set_archived_at (OutlayBudget *self,
                               const char   *archived_at)
{
  g_free (self->archived_at);
  self->archived_at = g_strdup (archived_at);
}

/* The columns of OUTLAY_BUDGET_COLUMNS, in order. */
OutlayBudget *
outlay_budget_new_from_statement (sqlite3_stmt *stmt)
{
  OutlayBudget *self = outlay_budget_new ();
  const char   *categories = (const char *) sqlite3_column_text (stmt, 9);
  const char   *alerts = (const char *) sqlite3_column_text (stmt, 13);
  g_auto (GStrv) percents = g_strsplit (alerts != NULL ? alerts : "", " ", -1);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  OutlayCycleUnit period = OUTLAY_CYCLE_MONTH;
  OutlayRollover  rollover = OUTLAY_ROLLOVER_NONE;

  outlay_cycle_unit_from_string ((const char *) sqlite3_column_text (stmt, 5), &period);
  outlay_rollover_from_string ((const char *) sqlite3_column_text (stmt, 10), &rollover);

  outlay_budget_set_identity (self, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                              sqlite3_column_int (stmt, 14));
  outlay_budget_set_name (self, (const char *) sqlite3_column_text (stmt, 2));
  self->amount = sqlite3_column_int64 (stmt, 3);
  outlay_budget_set_currency (self, (const char *) sqlite3_column_text (stmt, 4));
  outlay_budget_set_cycle (self, period, (guint) MAX (sqlite3_column_int (stmt, 6), 0),
                           (const char *) sqlite3_column_text (stmt, 7), (const char *) sqlite3_column_text (stmt, 8));
  g_strfreev (self->categories);
  self->categories = g_strsplit (categories != NULL ? categories : "", " ", -1);
  /* "" splits into no part; a stray space into an empty one. */
  for (guint i = 0, j = 0;; i++)
    {
      if (self->categories[i] == NULL)
        {
          self->categories[j] = NULL;
          break;
        }
      if (*self->categories[i] == '\0')
        g_free (self->categories[i]);
      else
        self->categories[j++] = self->categories[i];
    }
  outlay_budget_set_rollover (self, rollover,
                              sqlite3_column_type (stmt, 11) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 11),
                              (const char *) sqlite3_column_text (stmt, 12));
  for (guint i = 0; percents[i] != NULL; i++)
    {
      guint64 value;

      if (g_ascii_string_to_unsigned (percents[i], 10, 1, 1000, &value, NULL))
        g_array_append_val (values, (guint){ (guint) value });
    }
  outlay_budget_set_alerts (self, (const guint *) (gpointer) values->data, values->len);
  outlay_budget_set_archived_at (self, (const char *) sqlite3_column_text (stmt, 15));
  outlay_budget_set_timestamps (self, (const char *) sqlite3_column_text (stmt, 16),
                                (const char *) sqlite3_column_text (stmt, 17),
                                (const char *) sqlite3_column_text (stmt, 18));

  return self;
}

/* The categories as the column keeps them: uuids separated by spaces. */
char *
outlay_budget_dup_categories_text (OutlayBudget *self)
{
  return g_strjoinv (" ", self->categories);
}

char *
outlay_budget_dup_alerts_text (OutlayBudget *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->alerts->len; i++)
    g_string_append_printf (text, "%s%u", i > 0 ? " " : "", g_array_index (self->alerts, guint, i));

  return g_string_free (text, FALSE);
}
