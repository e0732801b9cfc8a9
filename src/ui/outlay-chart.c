/* outlay-chart.c: what every chart of Outlay does besides drawing
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
 * * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "outlay-chart.h"

typedef struct
{
  int   hovered; /* the part under the pointer or chosen with the arrows */
  char *label;   /* the chart's own accessible name */
} OutlayChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OutlayChart, outlay_chart, GTK_TYPE_WIDGET)

static void
set_hovered (OutlayChart *self,
             int          hovered)
{
  OutlayChartPrivate *priv = outlay_chart_get_instance_private (self);

  if (priv->hovered == hovered)
    return;

  priv->hovered = hovered;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GTK 4.8 has no way to make a screen reader say something (no
 * announcements, no text ranges of a drawn widget). A screen reader does
 * say the new name of the widget that has the focus: while the arrows walk
 * the parts, the chart is named by the part they are on (@text), and by
 * its own name again (@text %NULL) once they leave. */
static void
name_part (OutlayChart *self,
           const char  *text)
{
  OutlayChartPrivate *priv = outlay_chart_get_instance_private (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : priv->label,
                                  -1);
}

/* The arrows step, Home and End jump. Returns FALSE for a key that is not
 * the chart's, else the part to highlight in @index. */
static gboolean
step (guint keyval,
      int   n_parts,
      int  *index)
{
  g_assert (index != NULL);

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

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  OutlayChart        *self = OUTLAY_CHART (widget);
  OutlayChartClass   *klass = OUTLAY_CHART_GET_CLASS (self);
  OutlayChartPrivate *priv = outlay_chart_get_instance_private (self);
  g_autofree char    *text = NULL;
  GdkRectangle        area;
  int                 index;

  if (klass->get_n_parts (self) == 0)
    return FALSE;

  if (keyboard_mode)
    index = priv->hovered >= 0 ? priv->hovered : klass->get_keyboard_part (self);
  else
    index = klass->part_at (self, x, y);
  if (index < 0)
    return FALSE;

  text = klass->dup_part_text (self, (guint) index);
  gtk_tooltip_set_text (tooltip, text);
  if (klass->get_part_area != NULL && klass->get_part_area (self, (guint) index, &area))
    gtk_tooltip_set_tip_area (tooltip, &area);

  return TRUE;
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              OutlayChart              *self)
{
  set_hovered (self, OUTLAY_CHART_GET_CLASS (self)->part_at (self, x, y));
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             OutlayChart              *self)
{
  set_hovered (self, -1);
}

/* From the keyboard, the arrows walk the parts and the tooltip follows. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   OutlayChart           *self)
{
  OutlayChartClass   *klass = OUTLAY_CHART_GET_CLASS (self);
  OutlayChartPrivate *priv = outlay_chart_get_instance_private (self);
  g_autofree char    *text = NULL;
  int                 index = priv->hovered;

  if (!step (keyval, (int) klass->get_n_parts (self), &index))
    return FALSE;

  set_hovered (self, index);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  text = klass->dup_part_text (self, (guint) index);
  name_part (self, text);

  return TRUE;
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   OutlayChart             *self)
{
  set_hovered (self, -1);
  name_part (self, NULL);
}

static int
outlay_chart_real_get_keyboard_part (OutlayChart *self)
{
  return 0;
}

static void
outlay_chart_finalize (GObject *object)
{
  OutlayChartPrivate *priv = outlay_chart_get_instance_private (OUTLAY_CHART (object));

  g_free (priv->label);

  G_OBJECT_CLASS (outlay_chart_parent_class)->finalize (object);
}

static void
outlay_chart_class_init (OutlayChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = outlay_chart_finalize;

  klass->get_keyboard_part = outlay_chart_real_get_keyboard_part;
}

/* Focusable, so that keyboard and screen reader users reach the values too
 * and a GtkFlowBox around a chart can move the focus past it. */
static void
outlay_chart_init (OutlayChart *self)
{
  OutlayChartPrivate *priv = outlay_chart_get_instance_private (self);
  GtkWidget          *widget = GTK_WIDGET (self);
  GtkEventController *controller;

  priv->hovered = -1;

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gtk_widget_set_focusable (widget, TRUE);
}

/**
 * outlay_chart_get_hovered:
 *
 * Returns: the part under the pointer or chosen with the arrows, or -1
 */
int
outlay_chart_get_hovered (OutlayChart *self)
{
  OutlayChartPrivate *priv;

  g_return_val_if_fail (OUTLAY_IS_CHART (self), -1);

  priv = outlay_chart_get_instance_private (self);
  return priv->hovered;
}

/**
 * outlay_chart_reset_hovered:
 *
 * Forgets the hovered part, for a chart whose parts were replaced.
 */
void
outlay_chart_reset_hovered (OutlayChart *self)
{
  g_return_if_fail (OUTLAY_IS_CHART (self));

  set_hovered (self, -1);
}

/**
 * outlay_chart_set_label:
 * @label: the chart's accessible name, e.g. “Spending by category”
 */
void
outlay_chart_set_label (OutlayChart *self,
                        const char  *label)
{
  OutlayChartPrivate *priv;

  g_return_if_fail (OUTLAY_IS_CHART (self));

  priv = outlay_chart_get_instance_private (self);
  g_free (priv->label);
  priv->label = g_strdup (label);
  name_part (self, NULL);
}
