/* outlay-recurring-rule.c
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

#include "outlay-date.h"
#include "outlay-store-private.h"
#include "outlay-uuid.h"

/* A recurring expense's rule as a value: the repository reads, checks and
 * writes it, and writes its occurrences (outlay-repository-recurring.c). */
struct _OutlayRecurringRule
{
  GObject parent_instance;

  gint64              id;
  char               *uuid;
  gint64              amount;
  char               *currency;
  char               *description;
  char               *note;
  char               *category_uuid;
  OutlayRecurrence    recurrence;
  OutlayRecurringMode mode;
  char               *paused_at;
  char               *done_through;
  char               *created_at;
  char               *updated_at;
  char               *deleted_at;
};

G_DEFINE_FINAL_TYPE (OutlayRecurringRule, outlay_recurring_rule, G_TYPE_OBJECT)

static const char *const mode_names[] = { "automatic", "confirm" };

const char *
outlay_recurring_mode_to_string (OutlayRecurringMode mode)
{
  g_return_val_if_fail (mode <= OUTLAY_RECURRING_CONFIRM, NULL);

  return mode_names[mode];
}

gboolean
outlay_recurring_mode_from_string (const char          *text,
                                   OutlayRecurringMode *mode)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (mode_names); i++)
    if (g_str_equal (text, mode_names[i]))
      {
        *mode = i;
        return TRUE;
      }

  return FALSE;
}

static void
outlay_recurring_rule_finalize (GObject *object)
{
  OutlayRecurringRule *self = OUTLAY_RECURRING_RULE (object);

  g_free (self->uuid);
  g_free (self->currency);
  g_free (self->description);
  g_free (self->note);
  g_free (self->category_uuid);
  g_free (self->paused_at);
  g_free (self->done_through);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->deleted_at);

  G_OBJECT_CLASS (outlay_recurring_rule_parent_class)->finalize (object);
}

static void
outlay_recurring_rule_class_init (OutlayRecurringRuleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_recurring_rule_finalize;
}

static void
outlay_recurring_rule_init (OutlayRecurringRule *self)
{
  g_autoptr (GDate) today = outlay_date_new_today ();

  self->currency = g_strdup ("");
  self->description = g_strdup ("");
  self->note = g_strdup ("");
  outlay_recurrence_init (&self->recurrence, OUTLAY_REPEAT_MONTHLY, 1, today);
}

/**
 * outlay_recurring_rule_new:
 *
 * Returns: (transfer full): a draft: monthly from today, on today's day of
 *   the month, written automatically
 */
OutlayRecurringRule *
outlay_recurring_rule_new (void)
{
  return g_object_new (OUTLAY_TYPE_RECURRING_RULE, NULL);
}

OutlayRecurringRule *
outlay_recurring_rule_copy (OutlayRecurringRule *self)
{
  OutlayRecurringRule *copy;

  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);

  copy = outlay_recurring_rule_new ();
  outlay_recurring_rule_set_identity (copy, self->id, self->uuid);
  copy->amount = self->amount;
  outlay_recurring_rule_set_currency (copy, self->currency);
  outlay_recurring_rule_set_description (copy, self->description);
  outlay_recurring_rule_set_note (copy, self->note);
  outlay_recurring_rule_set_category_uuid (copy, self->category_uuid);
  copy->recurrence = self->recurrence;
  copy->mode = self->mode;
  outlay_recurring_rule_set_paused_at (copy, self->paused_at);
  outlay_recurring_rule_set_done_through (copy, self->done_through);
  outlay_recurring_rule_set_timestamps (copy, self->created_at, self->updated_at, self->deleted_at);

  return copy;
}

static gboolean
recurrence_equal (const OutlayRecurrence *a,
                  const OutlayRecurrence *b)
{
  gboolean weekly = a->unit == OUTLAY_REPEAT_WEEKLY;
  gboolean monthly = a->unit == OUTLAY_REPEAT_MONTHLY;

  return a->unit == b->unit && a->interval == b->interval && g_date_compare (&a->start, &b->start) == 0 &&
         (!weekly || a->weekdays == b->weekdays) && (!monthly || a->monthly_on == b->monthly_on) &&
         (!monthly || a->monthly_on != OUTLAY_MONTHLY_ON_DAY || a->month_day == b->month_day) &&
         (!monthly || a->monthly_on != OUTLAY_MONTHLY_ON_WEEKDAY ||
          (a->week_number == b->week_number && a->weekday == b->weekday)) &&
         a->end == b->end && (a->end != OUTLAY_REPEAT_END_COUNT || a->count == b->count) &&
         (a->end != OUTLAY_REPEAT_END_UNTIL || g_date_compare (&a->until, &b->until) == 0) &&
         a->weekend == b->weekend;
}

gboolean
outlay_recurring_rule_equal (OutlayRecurringRule *a,
                             OutlayRecurringRule *b)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (a), FALSE);
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (b), FALSE);

  return a->id == b->id && g_strcmp0 (a->uuid, b->uuid) == 0 && a->amount == b->amount &&
         g_strcmp0 (a->currency, b->currency) == 0 && g_strcmp0 (a->description, b->description) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 && g_strcmp0 (a->category_uuid, b->category_uuid) == 0 &&
         recurrence_equal (&a->recurrence, &b->recurrence) && a->mode == b->mode &&
         g_strcmp0 (a->paused_at, b->paused_at) == 0 && g_strcmp0 (a->done_through, b->done_through) == 0 &&
         g_strcmp0 (a->created_at, b->created_at) == 0 && g_strcmp0 (a->updated_at, b->updated_at) == 0 &&
         g_strcmp0 (a->deleted_at, b->deleted_at) == 0;
}

gint64
outlay_recurring_rule_get_id (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), 0);
  return self->id;
}

const char *
outlay_recurring_rule_get_uuid (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return self->uuid;
}

gint64
outlay_recurring_rule_get_amount (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), 0);
  return self->amount;
}

void
outlay_recurring_rule_set_amount (OutlayRecurringRule *self,
                                  gint64               amount)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  self->amount = amount;
}

const char *
outlay_recurring_rule_get_currency (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return self->currency;
}

void
outlay_recurring_rule_set_currency (OutlayRecurringRule *self,
                                    const char          *currency)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "");
}

const char *
outlay_recurring_rule_get_description (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return self->description;
}

void
outlay_recurring_rule_set_description (OutlayRecurringRule *self,
                                       const char          *description)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  g_free (self->description);
  self->description = g_strdup (description != NULL ? description : "");
}

const char *
outlay_recurring_rule_get_note (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return self->note;
}

void
outlay_recurring_rule_set_note (OutlayRecurringRule *self,
                                const char          *note)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  g_free (self->note);
  self->note = g_strdup (note != NULL ? note : "");
}

const char *
outlay_recurring_rule_get_category_uuid (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return self->category_uuid;
}

void
outlay_recurring_rule_set_category_uuid (OutlayRecurringRule *self,
                                         const char          *category_uuid)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  g_free (self->category_uuid);
  self->category_uuid = g_strdup (category_uuid);
}

const OutlayRecurrence *
outlay_recurring_rule_get_recurrence (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return &self->recurrence;
}

void
outlay_recurring_rule_set_recurrence (OutlayRecurringRule    *self,
                                      const OutlayRecurrence *recurrence)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  g_return_if_fail (recurrence != NULL);
  self->recurrence = *recurrence;
}

OutlayRecurringMode
outlay_recurring_rule_get_mode (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), OUTLAY_RECURRING_AUTOMATIC);
  return self->mode;
}

void
outlay_recurring_rule_set_mode (OutlayRecurringRule *self,
                                OutlayRecurringMode  mode)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  g_return_if_fail (mode <= OUTLAY_RECURRING_CONFIRM);
  self->mode = mode;
}

const char *
outlay_recurring_rule_get_paused_at (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return self->paused_at;
}

void
outlay_recurring_rule_set_paused_at (OutlayRecurringRule *self,
                                     const char          *paused_at)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  g_free (self->paused_at);
  self->paused_at = g_strdup (paused_at);
}

const char *
outlay_recurring_rule_get_done_through (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return self->done_through;
}

void
outlay_recurring_rule_set_done_through (OutlayRecurringRule *self,
                                        const char          *done_through)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  g_free (self->done_through);
  self->done_through = g_strdup (done_through);
}

const char *
outlay_recurring_rule_get_created_at (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return self->created_at;
}

const char *
outlay_recurring_rule_get_updated_at (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return self->updated_at;
}

const char *
outlay_recurring_rule_get_deleted_at (OutlayRecurringRule *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  return self->deleted_at;
}

void
outlay_recurring_rule_set_identity (OutlayRecurringRule *self,
                                    gint64               id,
                                    const char          *uuid)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  self->id = id;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
}

void
outlay_recurring_rule_set_timestamps (OutlayRecurringRule *self,
                                      const char          *created_at,
                                      const char          *updated_at,
                                      const char          *deleted_at)
{
  g_return_if_fail (OUTLAY_IS_RECURRING_RULE (self));
  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  g_free (self->updated_at);
  self->updated_at = g_strdup (updated_at);
  g_free (self->deleted_at);
  self->deleted_at = g_strdup (deleted_at);
}

/**
 * outlay_recurring_rule_dup_occurrence_uuid:
 * @scheduled: the day the schedule names for the occurrence
 *
 * Returns: (transfer full): the uuid of the expense the occurrence is
 *   written as: derived from the rule's uuid and @scheduled, the same in
 *   every process and on every device; %NULL for a rule not yet stored
 */
char *
outlay_recurring_rule_dup_occurrence_uuid (OutlayRecurringRule *self,
                                           const GDate         *scheduled)
{
  char day[OUTLAY_DATE_ISO_SIZE];

  g_return_val_if_fail (OUTLAY_IS_RECURRING_RULE (self), NULL);
  g_return_val_if_fail (scheduled != NULL && g_date_valid (scheduled), NULL);

  outlay_date_format_iso_buf (scheduled, day);
  return outlay_uuid_new_for_name (self->uuid, day);
}

/* The columns of OUTLAY_RECURRING_RULE_COLUMNS, in order. */
OutlayRecurringRule *
outlay_recurring_rule_new_from_statement (sqlite3_stmt *stmt)
{
  OutlayRecurringRule *self = outlay_recurring_rule_new ();
  OutlayRecurrence    *r = &self->recurrence;
  g_autoptr (GDate) start = NULL;
  g_autoptr (GDate) until = NULL;
  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  self->amount = sqlite3_column_int64 (stmt, 2);
  outlay_recurring_rule_set_currency (self, (const char *) sqlite3_column_text (stmt, 3));
  outlay_recurring_rule_set_description (self, (const char *) sqlite3_column_text (stmt, 4));
  outlay_recurring_rule_set_note (self, (const char *) sqlite3_column_text (stmt, 5));
  self->category_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 6));

  /* A value this version does not know (a newer one wrote it) leaves the
   * field invalid, which the checks refuse rather than guess. */
  start = outlay_date_parse_iso ((const char *) sqlite3_column_text (stmt, 7));
  if (start != NULL)
    r->start = *start;
  else
    g_date_clear (&r->start, 1);
  if (!outlay_repeat_unit_from_string ((const char *) sqlite3_column_text (stmt, 8), &r->unit))
    r->unit = (OutlayRepeatUnit) -1;
  r->interval = (guint) CLAMP (sqlite3_column_int64 (stmt, 9), 0, G_MAXUINT);
  r->weekdays = (guint) CLAMP (sqlite3_column_int64 (stmt, 10), 0, G_MAXUINT);
  if (!outlay_monthly_on_from_string ((const char *) sqlite3_column_text (stmt, 11), &r->monthly_on))
    r->monthly_on = (OutlayMonthlyOn) -1;
  r->month_day = (guint) CLAMP (sqlite3_column_int64 (stmt, 12), 0, 255);
  r->week_number = (int) CLAMP (sqlite3_column_int64 (stmt, 13), -100, 100);
  r->weekday = (GDateWeekday) CLAMP (sqlite3_column_int64 (stmt, 14), 0, 8);
  r->end = OUTLAY_REPEAT_END_NEVER;
  g_date_clear (&r->until, 1);
  if (sqlite3_column_type (stmt, 15) != SQLITE_NULL)
    {
      r->end = OUTLAY_REPEAT_END_COUNT;
      r->count = (guint) CLAMP (sqlite3_column_int64 (stmt, 15), 0, G_MAXUINT);
    }
  else if (sqlite3_column_type (stmt, 16) != SQLITE_NULL)
    {
      r->end = OUTLAY_REPEAT_END_UNTIL;
      until = outlay_date_parse_iso ((const char *) sqlite3_column_text (stmt, 16));
      if (until != NULL)
        r->until = *until;
    }
  if (!outlay_weekend_rule_from_string ((const char *) sqlite3_column_text (stmt, 17), &r->weekend))
    r->weekend = (OutlayWeekendRule) -1;
  if (!outlay_recurring_mode_from_string ((const char *) sqlite3_column_text (stmt, 18), &self->mode))
    self->mode = (OutlayRecurringMode) -1;
  self->paused_at = g_strdup ((const char *) sqlite3_column_text (stmt, 19));
  self->done_through = g_strdup ((const char *) sqlite3_column_text (stmt, 20));
  outlay_recurring_rule_set_timestamps (self, (const char *) sqlite3_column_text (stmt, 21),
                                        (const char *) sqlite3_column_text (stmt, 22),
                                        (const char *) sqlite3_column_text (stmt, 23));
  return self;
}
