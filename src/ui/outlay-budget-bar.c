/* outlay-budget-bar.c
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

/* How much of a budget is spent, as a bar, with a tick where today falls
 * in its period: spending ahead of the tick is spending faster than time.
 * The fill takes the accent colour, the warning colour ahead of pace and
 * the error colour over; the row's text says the same in words, so that
 * nothing is told by colour alone. Drawn with GtkSnapshot, from
 * libadwaita's named colours, so it follows light, dark and high contrast. */

#include "config.h"

#include "outlay-budget-bar.h"

#define BAR_HEIGHT 8
#define TICK_OVERHANG 3

struct _OutlayBudgetBar
{
  GtkWidget parent_instance;

  double            fraction; /* spent of available; above 1 when over */
  double            pace;     /* of the period gone by, 0 to 1 */
  OutlayBudgetState state;
};

G_DEFINE_FINAL_TYPE (OutlayBudgetBar, outlay_budget_bar, GTK_TYPE_WIDGET)

static void
lookup (GtkWidget  *widget,
        const char *name,
        const char *fallback,
        GdkRGBA    *color)
{
  /* gtk_widget_get_color() is GTK 4.10; on the 4.8 floor the style
   * context is how a widget reads its colours. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
}

static void
outlay_budget_bar_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  OutlayBudgetBar *self = OUTLAY_BUDGET_BAR (widget);
  float            width = gtk_widget_get_width (widget);
  float            height = gtk_widget_get_height (widget);
  float            top = (height - BAR_HEIGHT) / 2;
  GskRoundedRect   track;
  GdkRGBA          fg, fill;
  float            filled = (float) (CLAMP (self->fraction, 0.0, 1.0) * width);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  switch (self->state)
    {
    case OUTLAY_BUDGET_OVER:
      lookup (widget, "error_bg_color", "#c01c28", &fill);
      break;
    case OUTLAY_BUDGET_AHEAD_OF_PACE:
      lookup (widget, "warning_bg_color", "#e5a50a", &fill);
      break;
    case OUTLAY_BUDGET_WATCHING:
    case OUTLAY_BUDGET_ON_TRACK:
    case OUTLAY_BUDGET_FULLY_USED:
    default:
      lookup (widget, "accent_bg_color", "#3584e4", &fill);
      break;
    }

  gsk_rounded_rect_init_from_rect (&track, &GRAPHENE_RECT_INIT (0, top, width, BAR_HEIGHT), BAR_HEIGHT / 2.f);
  gtk_snapshot_push_rounded_clip (snapshot, &track);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA){ fg.red, fg.green, fg.blue, fg.alpha * 0.15f },
                             &GRAPHENE_RECT_INIT (0, top, width, BAR_HEIGHT));
  if (filled > 0)
    gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (0, top, filled, BAR_HEIGHT));
  gtk_snapshot_pop (snapshot);

  /* Today, across the bar. */
  if (self->state != OUTLAY_BUDGET_WATCHING)
    {
      float x = (float) (CLAMP (self->pace, 0.0, 1.0) * (width - 2));

      gtk_snapshot_append_color (snapshot, &(GdkRGBA){ fg.red, fg.green, fg.blue, fg.alpha * 0.75f },
                                 &GRAPHENE_RECT_INIT (x, top - TICK_OVERHANG, 2, BAR_HEIGHT + 2 * TICK_OVERHANG));
    }
}

static void
outlay_budget_bar_measure (GtkWidget     *widget,
                           GtkOrientation orientation,
                           int            for_size,
                           int           *minimum,
                           int           *natural,
                           int           *minimum_baseline,
                           int           *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 48;
  else
    *minimum = *natural = BAR_HEIGHT + 2 * TICK_OVERHANG;
}

static void
outlay_budget_bar_class_init (OutlayBudgetBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = outlay_budget_bar_snapshot;
  widget_class->measure = outlay_budget_bar_measure;
  gtk_widget_class_set_css_name (widget_class, "budgetbar");
  /* The row reads the state and the amounts; the bar repeats them. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
outlay_budget_bar_init (OutlayBudgetBar *self)
{
}

GtkWidget *
outlay_budget_bar_new (void)
{
  return g_object_new (OUTLAY_TYPE_BUDGET_BAR, NULL);
}

void
outlay_budget_bar_set_status (OutlayBudgetBar          *self,
                              const OutlayBudgetStatus *status)
{
  g_return_if_fail (OUTLAY_IS_BUDGET_BAR (self));

  self->state = status->state;
  if (status->available > 0)
    self->fraction = (double) status->spent / (double) status->available;
  else
    self->fraction = status->spent > 0 ? 1.0 : 0.0;
  self->pace = status->days > 0 ? (double) status->days_elapsed / status->days : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
outlay_budget_bar_get_fraction (OutlayBudgetBar *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET_BAR (self), 0);
  return self->fraction;
}

double
outlay_budget_bar_get_pace (OutlayBudgetBar *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET_BAR (self), 0);
  return self->pace;
}
