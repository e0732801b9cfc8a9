/* outlay-query.h
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

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_SORT_DATE,
  OUTLAY_SORT_AMOUNT,
  OUTLAY_SORT_DESCRIPTION,
} OutlaySortField;

#define OUTLAY_TYPE_QUERY (outlay_query_get_type ())

/* A filter and a sort over the expenses that are not deleted. */
typedef struct _OutlayQuery OutlayQuery;

GType        outlay_query_get_type (void) G_GNUC_CONST;
OutlayQuery *outlay_query_new (void);
OutlayQuery *outlay_query_copy (const OutlayQuery *self);
void         outlay_query_free (OutlayQuery *self);
gboolean     outlay_query_equal (const OutlayQuery *a,
                                 const OutlayQuery *b);

void            outlay_query_set_text (OutlayQuery *self,
                                       const char  *text);
const char     *outlay_query_get_text (const OutlayQuery *self);
void            outlay_query_set_categories (OutlayQuery  *self,
                                             const gint64 *category_ids,
                                             guint         n_category_ids);
const gint64   *outlay_query_get_categories (const OutlayQuery *self,
                                             guint             *n_category_ids);
void            outlay_query_set_date_range (OutlayQuery *self,
                                             const char  *from,
                                             const char  *to);
const char     *outlay_query_get_date_from (const OutlayQuery *self);
const char     *outlay_query_get_date_to (const OutlayQuery *self);
void            outlay_query_set_amount_range (OutlayQuery *self,
                                               gint64       min_amount,
                                               gint64       max_amount);
void            outlay_query_set_sort (OutlayQuery    *self,
                                       OutlaySortField field,
                                       gboolean        descending);
OutlaySortField outlay_query_get_sort_field (const OutlayQuery *self);
gboolean        outlay_query_get_descending (const OutlayQuery *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayQuery, outlay_query_free)

G_END_DECLS
