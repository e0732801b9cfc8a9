/* outlay-repository-recurring-private.h: what the two files of recurring
 * expenses share (outlay-repository-recurring.c: rules and catching up;
 * outlay-repository-recurring-edit.c: changing one from a day on, one
 * occurrence, and the Undo of a skip or a confirmation)
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

#include "outlay-repository-private.h"

G_BEGIN_DECLS

/* One occurrence's exception: skipped, or another amount or day. */
typedef struct
{
  gboolean skipped;
  gint64   amount; /* -1: the rule's */
  GDate    day;    /* invalid: the scheduled one, after the weekend rule */
} OutlayRecurringException;

OutlayRecurringRule *outlay_repository_read_recurring_rule (OutlayRepository *self,
                                                            const char       *uuid,
                                                            GError          **error);
/* The rule, or %OUTLAY_REPOSITORY_ERROR_NOT_FOUND when it was deleted. */
OutlayRecurringRule *outlay_repository_read_live_recurring_rule (OutlayRepository *self,
                                                                 const char       *uuid,
                                                                 GError          **error);
/* Commits, reads the rule back and says the rules changed. */
OutlayRecurringRule *outlay_repository_finish_recurring_write (OutlayRepository  *self,
                                                               OutlayTransaction *transaction,
                                                               const char        *uuid,
                                                               gboolean           expenses_changed,
                                                               GError           **error);
/* The scheduled days ("YYYY-MM-DD") from @from on that @rule wrote as
 * expenses, deleted ones too. */
GHashTable *outlay_repository_read_written_occurrences (OutlayRepository    *self,
                                                        OutlayRecurringRule *rule,
                                                        const GDate         *from,
                                                        GError             **error);
/* The rule's live exceptions: "YYYY-MM-DD" → OutlayRecurringException. */
GHashTable *outlay_repository_read_recurring_exceptions (OutlayRepository    *self,
                                                         OutlayRecurringRule *rule,
                                                         GError             **error);
gboolean    outlay_repository_find_open_occurrence (OutlayRepository     *self,
                                                    OutlayRecurringRule  *rule,
                                                    const GDate          *scheduled,
                                                    OutlayPlannedExpense *found,
                                                    GError              **error);
gboolean    outlay_repository_set_done_through (OutlayRepository    *self,
                                                OutlayRecurringRule *rule,
                                                const GDate         *day,
                                                gboolean            *changed,
                                                GError             **error);
/* Marks the occurrence skipped, over an exception that changed it. */
gboolean outlay_repository_write_skipped_occurrence (OutlayRepository *self,
                                                     const char       *rule_uuid,
                                                     const GDate      *scheduled,
                                                     const char       *now,
                                                     GError          **error);

G_END_DECLS
