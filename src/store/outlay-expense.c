/* outlay-expense.c
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

#include <stdio.h>
#include <string.h>

#include "outlay-store-private.h"

struct _OutlayExpense
{
  GObject parent_instance;

  gint64 id;
  char  *uuid;
  gint64 amount;
  char  *currency;
  char  *description;
  char  *note;
  gint64 category_id;
  char  *occurred_on;
  char  *created_at;
  char  *updated_at;
  char  *deleted_at;
  char  *import_hash;
  char  *rule_uuid;
  char  *scheduled_on;
  gint64 charged_amount;
  char  *charged_currency; /* NULL: no amount charged is known */
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_DESCRIPTION,
  PROP_NOTE,
  PROP_CATEGORY_ID,
  PROP_OCCURRED_ON,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OutlayExpense, outlay_expense, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
set_string (OutlayExpense *self,
            char         **field,
            const char    *value,
            guint          prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int64 (OutlayExpense *self,
           gint64        *field,
           gint64         value,
           guint          prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
outlay_expense_finalize (GObject *object)
{
  OutlayExpense *self = (OutlayExpense *) object;

  g_free (self->uuid);
  g_free (self->currency);
  g_free (self->description);
  g_free (self->note);
  g_free (self->occurred_on);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->deleted_at);
  g_free (self->import_hash);
  g_free (self->rule_uuid);
  g_free (self->scheduled_on);
  g_free (self->charged_currency);

  G_OBJECT_CLASS (outlay_expense_parent_class)->finalize (object);
}

static void
outlay_expense_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OutlayExpense *self = OUTLAY_EXPENSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_CATEGORY_ID:
      g_value_set_int64 (value, self->category_id);
      break;

    case PROP_OCCURRED_ON:
      g_value_set_string (value, self->occurred_on);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_DELETED_AT:
      g_value_set_string (value, self->deleted_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_expense_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OutlayExpense *self = OUTLAY_EXPENSE (object);

  switch (prop_id)
    {
    case PROP_AMOUNT:
      outlay_expense_set_amount (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      outlay_expense_set_currency (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      outlay_expense_set_description (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      outlay_expense_set_note (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY_ID:
      outlay_expense_set_category_id (self, g_value_get_int64 (value));
      break;

    case PROP_OCCURRED_ON:
      outlay_expense_set_occurred_on (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_expense_class_init (OutlayExpenseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags   rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = outlay_expense_finalize;
  object_class->get_property = outlay_expense_get_property;
  object_class->set_property = outlay_expense_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, ro);
  properties[PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_CATEGORY_ID] = g_param_spec_int64 ("category-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_OCCURRED_ON] = g_param_spec_string ("occurred-on", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);
  properties[PROP_DELETED_AT] = g_param_spec_string ("deleted-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_expense_init (OutlayExpense *self)
{
  self->description = g_strdup ("");
  self->note = g_strdup ("");
}

OutlayExpense *
outlay_expense_new (void)
{
  return g_object_new (OUTLAY_TYPE_EXPENSE, NULL);
}

/**
 * outlay_expense_copy:
 *
 * Returns: (transfer full): a detached copy with the same identity and values
 */
OutlayExpense *
outlay_expense_copy (OutlayExpense *self)
{
  OutlayExpense *copy;

  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);

  copy = outlay_expense_new ();
  outlay_expense_assign (copy, self);

  return copy;
}

gboolean
outlay_expense_equal (OutlayExpense *a,
                      OutlayExpense *b)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (a), FALSE);
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (b), FALSE);

  return a->id == b->id &&
         a->amount == b->amount &&
         a->category_id == b->category_id &&
         g_strcmp0 (a->uuid, b->uuid) == 0 &&
         g_strcmp0 (a->currency, b->currency) == 0 &&
         g_strcmp0 (a->description, b->description) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->occurred_on, b->occurred_on) == 0 &&
         g_strcmp0 (a->created_at, b->created_at) == 0 &&
         g_strcmp0 (a->updated_at, b->updated_at) == 0 &&
         g_strcmp0 (a->deleted_at, b->deleted_at) == 0 &&
         g_strcmp0 (a->import_hash, b->import_hash) == 0 &&
         g_strcmp0 (a->rule_uuid, b->rule_uuid) == 0 &&
         g_strcmp0 (a->scheduled_on, b->scheduled_on) == 0 &&
         g_strcmp0 (a->charged_currency, b->charged_currency) == 0 &&
         (a->charged_currency == NULL || a->charged_amount == b->charged_amount);
}

/**
 * outlay_expense_assign:
 * @self: the expense to change
 * @other: the values to take
 *
 * Takes every value of @other, identity included, notifying only the
 * properties that really change.
 */
void
outlay_expense_assign (OutlayExpense *self,
                       OutlayExpense *other)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE (self));
  g_return_if_fail (OUTLAY_IS_EXPENSE (other));

  g_object_freeze_notify (G_OBJECT (self));
  outlay_expense_set_identity (self, other->id, other->uuid);
  outlay_expense_set_amount (self, other->amount);
  outlay_expense_set_currency (self, other->currency);
  outlay_expense_set_description (self, other->description);
  outlay_expense_set_note (self, other->note);
  outlay_expense_set_category_id (self, other->category_id);
  outlay_expense_set_occurred_on (self, other->occurred_on);
  outlay_expense_set_timestamps (self, other->created_at, other->updated_at, other->deleted_at);
  outlay_expense_set_import_hash (self, other->import_hash);
  outlay_expense_set_occurrence (self, other->rule_uuid, other->scheduled_on);
  outlay_expense_set_charged (self, other->charged_amount, other->charged_currency);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
outlay_expense_get_id (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), 0);
  return self->id;
}

const char *
outlay_expense_get_uuid (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);
  return self->uuid;
}

gint64
outlay_expense_get_amount (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), 0);
  return self->amount;
}

void
outlay_expense_set_amount (OutlayExpense *self,
                           gint64         amount)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE (self));
  set_int64 (self, &self->amount, amount, PROP_AMOUNT);
}

const char *
outlay_expense_get_currency (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);
  return self->currency;
}

void
outlay_expense_set_currency (OutlayExpense *self,
                             const char    *currency)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE (self));
  set_string (self, &self->currency, currency, PROP_CURRENCY);
}

const char *
outlay_expense_get_description (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);
  return self->description;
}

void
outlay_expense_set_description (OutlayExpense *self,
                                const char    *description)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE (self));
  set_string (self, &self->description, description ? description : "", PROP_DESCRIPTION);
}

const char *
outlay_expense_get_note (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);
  return self->note;
}

void
outlay_expense_set_note (OutlayExpense *self,
                         const char    *note)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE (self));
  set_string (self, &self->note, note ? note : "", PROP_NOTE);
}

gint64
outlay_expense_get_category_id (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), 0);
  return self->category_id;
}

void
outlay_expense_set_category_id (OutlayExpense *self,
                                gint64         category_id)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE (self));
  set_int64 (self, &self->category_id, category_id, PROP_CATEGORY_ID);
}

/**
 * outlay_expense_get_occurred_on:
 *
 * Returns: (nullable): the calendar date as `YYYY-MM-DD`
 */
const char *
outlay_expense_get_occurred_on (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);
  return self->occurred_on;
}

void
outlay_expense_set_occurred_on (OutlayExpense *self,
                                const char    *occurred_on)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE (self));
  set_string (self, &self->occurred_on, occurred_on, PROP_OCCURRED_ON);
}

/**
 * outlay_expense_dup_date:
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when unset or invalid
 */
GDate *
outlay_expense_dup_date (OutlayExpense *self)
{
  guint year, month, day;

  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);

  if (self->occurred_on == NULL ||
      sscanf (self->occurred_on, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

void
outlay_expense_set_date (OutlayExpense *self,
                         const GDate   *date)
{
  char buf[16];

  g_return_if_fail (OUTLAY_IS_EXPENSE (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_snprintf (buf, sizeof buf, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  outlay_expense_set_occurred_on (self, buf);
}

const char *
outlay_expense_get_created_at (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);
  return self->created_at;
}

const char *
outlay_expense_get_updated_at (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);
  return self->updated_at;
}

/**
 * outlay_expense_get_deleted_at:
 *
 * Returns: (nullable): when the expense was deleted, or %NULL
 */
const char *
outlay_expense_get_deleted_at (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);
  return self->deleted_at;
}

void
outlay_expense_set_identity (OutlayExpense *self,
                             gint64         id,
                             const char    *uuid)
{
  set_int64 (self, &self->id, id, PROP_ID);
  set_string (self, &self->uuid, uuid, PROP_UUID);
}

void
outlay_expense_set_timestamps (OutlayExpense *self,
                               const char    *created_at,
                               const char    *updated_at,
                               const char    *deleted_at)
{
  set_string (self, &self->created_at, created_at, PROP_CREATED_AT);
  set_string (self, &self->updated_at, updated_at, PROP_UPDATED_AT);
  set_string (self, &self->deleted_at, deleted_at, PROP_DELETED_AT);
}

static inline const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/**
 * outlay_expense_get_import_hash:
 *
 * Returns: (nullable): for an expense that came from an imported file, a
 *   fingerprint of the line it came from, so that importing the file again
 *   recognises it even after it was edited
 */
const char *
outlay_expense_get_import_hash (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);

  return self->import_hash;
}

void
outlay_expense_set_import_hash (OutlayExpense *self,
                                const char    *import_hash)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE (self));

  if (g_strcmp0 (self->import_hash, import_hash) != 0)
    {
      g_free (self->import_hash);
      self->import_hash = g_strdup (import_hash);
    }
}

/**
 * outlay_expense_get_rule_uuid:
 *
 * Returns: (nullable): for an occurrence of a recurring expense, the uuid
 *   of the rule that wrote it
 */
const char *
outlay_expense_get_rule_uuid (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);

  return self->rule_uuid;
}

/**
 * outlay_expense_get_scheduled_on:
 *
 * Returns: (nullable): for an occurrence of a recurring expense, the day
 *   its rule's schedule names for it (its own day may differ: a weekend
 *   moved it, or the person did)
 */
const char *
outlay_expense_get_scheduled_on (OutlayExpense *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);

  return self->scheduled_on;
}

/**
 * outlay_expense_set_occurrence:
 * @rule_uuid: (nullable): the rule that wrote it, or %NULL for none
 * @scheduled_on: (nullable): the day the rule's schedule names for it
 *
 * What a file brings back of an occurrence of a recurring expense; the
 * repository writes occurrences itself.
 */
void
outlay_expense_set_occurrence (OutlayExpense *self,
                               const char    *rule_uuid,
                               const char    *scheduled_on)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE (self));

  if (g_strcmp0 (self->rule_uuid, rule_uuid) != 0)
    {
      g_free (self->rule_uuid);
      self->rule_uuid = g_strdup (rule_uuid);
    }
  if (g_strcmp0 (self->scheduled_on, scheduled_on) != 0)
    {
      g_free (self->scheduled_on);
      self->scheduled_on = g_strdup (scheduled_on);
    }
}

/**
 * outlay_expense_get_charged:
 * @amount: (out) (optional): what was charged, in the minor units of the
 *   currency returned
 *
 * What the card was charged in the home currency for an expense in
 * another one, when the person knows it: it takes the place of a rate.
 *
 * Returns: (nullable): the currency of the amount charged, or %NULL when
 *   none is known
 */
const char *
outlay_expense_get_charged (OutlayExpense *self,
                            gint64        *amount)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE (self), NULL);

  if (amount != NULL)
    *amount = self->charged_currency != NULL ? self->charged_amount : 0;
  return self->charged_currency;
}

/**
 * outlay_expense_set_charged:
 * @amount: what was charged, in the minor units of @currency
 * @currency: (nullable): its currency, or %NULL for none known
 */
void
outlay_expense_set_charged (OutlayExpense *self,
                            gint64         amount,
                            const char    *currency)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE (self));

  if (g_strcmp0 (self->charged_currency, currency) != 0)
    {
      g_free (self->charged_currency);
      self->charged_currency = g_strdup (currency);
    }
  self->charged_amount = currency != NULL ? amount : 0;
}

OutlayExpense *
outlay_expense_new_from_statement (sqlite3_stmt *stmt)
{
  OutlayExpense *self = g_object_new (OUTLAY_TYPE_EXPENSE, NULL);

  g_free (self->description);
  g_free (self->note);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (column_text (stmt, 1));
  self->amount = sqlite3_column_int64 (stmt, 2);
  self->currency = g_strdup (column_text (stmt, 3));
  self->description = g_strdup (column_text (stmt, 4));
  self->note = g_strdup (column_text (stmt, 5));
  self->category_id = sqlite3_column_int64 (stmt, 6);
  self->occurred_on = g_strdup (column_text (stmt, 7));
  self->created_at = g_strdup (column_text (stmt, 8));
  self->updated_at = g_strdup (column_text (stmt, 9));
  self->deleted_at = g_strdup (column_text (stmt, 10));
  self->import_hash = g_strdup (column_text (stmt, 11));
  self->rule_uuid = g_strdup (column_text (stmt, 12));
  self->scheduled_on = g_strdup (column_text (stmt, 13));
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL && column_text (stmt, 15) != NULL)
    {
      self->charged_amount = sqlite3_column_int64 (stmt, 14);
      self->charged_currency = g_strdup (column_text (stmt, 15));
    }

  if (self->description == NULL)
    self->description = g_strdup ("");
  if (self->note == NULL)
    self->note = g_strdup ("");

  return self;
}
