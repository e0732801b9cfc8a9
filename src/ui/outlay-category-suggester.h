/* outlay-category-suggester.h
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

#include "outlay-category-picker.h"

G_BEGIN_DECLS

/* Chooses a new expense's category as its description is typed: the one
 * a rule gives, else the one used most for that description; never once
 * the person has chosen one. */
typedef struct _OutlayCategorySuggester OutlayCategorySuggester;

OutlayCategorySuggester *outlay_category_suggester_new (OutlayCategoryPicker *picker,
                                                        OutlayRepository     *repository);
void                     outlay_category_suggester_free (OutlayCategorySuggester *self);
void                     outlay_category_suggester_reset (OutlayCategorySuggester *self,
                                                          gboolean                 may_suggest);
void                     outlay_category_suggester_chosen (OutlayCategorySuggester *self);
void                     outlay_category_suggester_select (OutlayCategorySuggester *self,
                                                           gint64                   category_id,
                                                           gboolean                 keep);
void                     outlay_category_suggester_update (OutlayCategorySuggester *self,
                                                           const char              *description,
                                                           gint64                   amount,
                                                           const char              *currency);
void                     outlay_category_suggester_flush (OutlayCategorySuggester *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayCategorySuggester, outlay_category_suggester_free)

G_END_DECLS
