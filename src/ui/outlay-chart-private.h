/* outlay-chart-private.h
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

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How the charts walk their parts from the keyboard: the arrows step,
 * Home and End jump. Returns FALSE for a key that is not theirs, else the
 * part to highlight in @index (-1 for none). */
static inline gboolean
outlay_chart_step (guint keyval,
                   int   n_parts,
                   int  *index)
{
  if (n_parts == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      *index = *index < 0 ? n_parts - 1 : MAX (0, *index - 1);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      *index = *index < 0 ? 0 : MIN (n_parts - 1, *index + 1);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      *index = 0;
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      *index = n_parts - 1;
      return TRUE;

    default:
      return FALSE;
    }
}

/* What both charts do with the pointer, the keyboard and the focus: a
 * tooltip for the part under the pointer or chosen with the arrows, and
 * focus, so that keyboard and screen reader users reach the values too and
 * a GtkFlowBox around a chart can move the focus past it. */
static inline void
outlay_chart_init_interaction (GtkWidget  *chart,
                               GCallback   query_tooltip,
                               GCallback   motion,
                               GCallback   leave,
                               GCallback   key_pressed,
                               GCallback   focus_leave,
                               const char *label)
{
  GtkEventController *controller;

  gtk_widget_set_has_tooltip (chart, TRUE);
  g_signal_connect (chart, "query-tooltip", query_tooltip, NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", motion, chart);
  g_signal_connect (controller, "leave", leave, chart);
  gtk_widget_add_controller (chart, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", key_pressed, chart);
  gtk_widget_add_controller (chart, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", focus_leave, chart);
  gtk_widget_add_controller (chart, controller);

  gtk_widget_set_focusable (chart, TRUE);
  g_object_set_data_full (G_OBJECT (chart), "outlay-chart-label", g_strdup (label), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* GTK 4.8 has no way to make a screen reader say something (no
 * announcements, no text ranges of a drawn widget). A screen reader does
 * say the new name of the widget that has the focus: while the arrows walk
 * the parts, the chart is named by the part they are on (@text), and by
 * its own name again (@text %NULL) once they leave. */
static inline void
outlay_chart_name_part (GtkWidget  *chart,
                        const char *text)
{
  if (text == NULL)
    text = g_object_get_data (G_OBJECT (chart), "outlay-chart-label");

  gtk_accessible_update_property (GTK_ACCESSIBLE (chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

G_END_DECLS
