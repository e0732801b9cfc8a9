/* outlay-history-row.c: one change of the History window
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

#include <glib/gi18n.h>

#include "outlay-format-history.h"
#include "outlay-history-row.h"

/* What the change did is the title, so that it wraps first at 360 px; the
 * row and when below it. A screen reader reads the row as one phrase. */
struct _OutlayHistoryRow
{
  AdwActionRow parent_instance;

  OutlayHistoryEntry *entry;
  GtkWidget          *undo_button;
  char               *spoken;
};

G_DEFINE_FINAL_TYPE (OutlayHistoryRow, outlay_history_row, ADW_TYPE_ACTION_ROW)

enum
{
  SIGNAL_UNDO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_undo_clicked_cb (OutlayHistoryRow *self)
{
  g_signal_emit (self, signals[SIGNAL_UNDO], 0);
}

static void
outlay_history_row_finalize (GObject *object)
{
  OutlayHistoryRow *self = OUTLAY_HISTORY_ROW (object);

  g_clear_object (&self->entry);
  g_free (self->spoken);

  G_OBJECT_CLASS (outlay_history_row_parent_class)->finalize (object);
}

static void
outlay_history_row_class_init (OutlayHistoryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_history_row_finalize;

  /**
   * OutlayHistoryRow::undo:
   *
   * The person asked to take the change back.
   */
  signals[SIGNAL_UNDO] = g_signal_new ("undo", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
}

static void
outlay_history_row_init (OutlayHistoryRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "history-row");

  self->undo_button = gtk_button_new_with_mnemonic (_("_Undo"));
  gtk_widget_set_valign (self->undo_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->undo_button, _("Take This Change Back"));
  g_signal_connect_swapped (self->undo_button, "clicked", G_CALLBACK (on_undo_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->undo_button);
}

/**
 * outlay_history_row_new:
 * @now: the time to count “today” and “yesterday” from
 */
GtkWidget *
outlay_history_row_new (OutlayHistoryEntry *entry,
                        GDateTime          *now)
{
  OutlayHistoryRow *self = g_object_new (OUTLAY_TYPE_HISTORY_ROW, NULL);
  g_autofree char  *change = outlay_format_history_change (entry);
  g_autofree char  *subject = outlay_format_history_subject (entry);
  g_autofree char  *when = outlay_format_history_when (entry, now);
  g_autofree char  *subtitle = g_strdup_printf ("%s\n%s", subject, when);
  g_autofree char  *undo_label = NULL;

  self->entry = g_object_ref (entry);
  self->spoken = outlay_format_history_spoken (entry, now);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), change);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_visible (self->undo_button, outlay_history_entry_get_undoable (entry));

  /* The phrase says all the row shows: the title and subtitle, which the
   * row names itself by, would be read after it again. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->spoken, -1);
  /* Translators: what a change's Undo button says to a screen reader: “Undo: Expense “Lunch”: …” */
  undo_label = g_strdup_printf (_("Undo: %s"), self->spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button), GTK_ACCESSIBLE_PROPERTY_LABEL, undo_label, -1);

  return GTK_WIDGET (self);
}

OutlayHistoryEntry *
outlay_history_row_get_entry (OutlayHistoryRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_HISTORY_ROW (self), NULL);

  return self->entry;
}

GtkWidget *
outlay_history_row_get_undo_button (OutlayHistoryRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_HISTORY_ROW (self), NULL);

  return self->undo_button;
}

const char *
outlay_history_row_get_spoken (OutlayHistoryRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_HISTORY_ROW (self), NULL);

  return self->spoken;
}
