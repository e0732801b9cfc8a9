/* outlay-category.c
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

/* Categories are changed through OutlayRepository, which keeps the objects
 * it handed out up to date with outlay_category_assign(). */
struct _OutlayCategory
{
  GObject parent_instance;

  gint64 id;
  char  *uuid;
  char  *name;
  char  *icon_name;
  char  *color;
  int    position;
  char  *created_at;
  char  *updated_at;
  char  *deleted_at;
  char    *parent_uuid;
  gboolean hidden;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_ICON_NAME,
  PROP_COLOR,
  PROP_POSITION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  PROP_PARENT_UUID,
  PROP_HIDDEN,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OutlayCategory, outlay_category, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
set_string (OutlayCategory *self,
            char          **field,
            const char     *value,
            guint           prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
outlay_category_finalize (GObject *object)
{
  OutlayCategory *self = (OutlayCategory *) object;

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->icon_name);
  g_free (self->color);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->deleted_at);
  g_free (self->parent_uuid);

  G_OBJECT_CLASS (outlay_category_parent_class)->finalize (object);
}

static void
outlay_category_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OutlayCategory *self = OUTLAY_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
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

    case PROP_PARENT_UUID:
      g_value_set_string (value, self->parent_uuid);
      break;

    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_category_class_init (OutlayCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = outlay_category_finalize;
  object_class->get_property = outlay_category_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, ro);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, ro);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);
  properties[PROP_DELETED_AT] = g_param_spec_string ("deleted-at", NULL, NULL, NULL, ro);
  properties[PROP_PARENT_UUID] = g_param_spec_string ("parent-uuid", NULL, NULL, NULL, ro);
  properties[PROP_HIDDEN] = g_param_spec_boolean ("hidden", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_category_init (OutlayCategory *self)
{
}

gint64
outlay_category_get_id (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), 0);
  return self->id;
}

const char *
outlay_category_get_uuid (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), NULL);
  return self->uuid;
}

const char *
outlay_category_get_name (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), NULL);
  return self->name;
}

const char *
outlay_category_get_icon_name (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), NULL);
  return self->icon_name;
}

/**
 * outlay_category_get_color:
 *
 * Returns: the colour as `#rrggbb`
 */
const char *
outlay_category_get_color (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), NULL);
  return self->color;
}

int
outlay_category_get_position (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), 0);
  return self->position;
}

const char *
outlay_category_get_created_at (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), NULL);
  return self->created_at;
}

const char *
outlay_category_get_updated_at (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), NULL);
  return self->updated_at;
}

const char *
outlay_category_get_deleted_at (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), NULL);
  return self->deleted_at;
}

/**
 * outlay_category_get_parent_uuid:
 *
 * Returns: (nullable): the uuid of the category this one is under, as the
 *   file holds it: it may name a deleted category, when the category is at
 *   the top (see outlay_repository_get_parent_category())
 */
const char *
outlay_category_get_parent_uuid (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), NULL);
  return self->parent_uuid;
}

/* Hidden: kept for the expenses it has, not offered for new ones. */
gboolean
outlay_category_get_hidden (OutlayCategory *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY (self), FALSE);
  return self->hidden;
}

/* Takes the values of @other, notifying only what changes. */
void
outlay_category_assign (OutlayCategory *self,
                        OutlayCategory *other)
{
  g_return_if_fail (OUTLAY_IS_CATEGORY (self));
  g_return_if_fail (OUTLAY_IS_CATEGORY (other));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->id != other->id)
    {
      self->id = other->id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  set_string (self, &self->uuid, other->uuid, PROP_UUID);
  set_string (self, &self->name, other->name, PROP_NAME);
  set_string (self, &self->icon_name, other->icon_name, PROP_ICON_NAME);
  set_string (self, &self->color, other->color, PROP_COLOR);
  if (self->position != other->position)
    {
      self->position = other->position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
  set_string (self, &self->created_at, other->created_at, PROP_CREATED_AT);
  set_string (self, &self->updated_at, other->updated_at, PROP_UPDATED_AT);
  set_string (self, &self->deleted_at, other->deleted_at, PROP_DELETED_AT);
  set_string (self, &self->parent_uuid, other->parent_uuid, PROP_PARENT_UUID);
  if (self->hidden != other->hidden)
    {
      self->hidden = other->hidden;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

OutlayCategory *
outlay_category_new_from_statement (sqlite3_stmt *stmt)
{
  OutlayCategory *self = g_object_new (OUTLAY_TYPE_CATEGORY, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  self->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  self->icon_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  self->color = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  self->position = sqlite3_column_int (stmt, 5);
  self->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  self->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  self->deleted_at = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  /* A file of data format 6 or older, salvaged, has neither. */
  if (sqlite3_column_count (stmt) > 10)
    {
      self->parent_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      self->hidden = sqlite3_column_int (stmt, 10) != 0;
    }

  return self;
}
