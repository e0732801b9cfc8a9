/* outlay-fit-bin.c
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

#include <math.h>

#include "outlay-fit-bin.h"

/* Shows its child at the child's natural size, and when the width given is
 * less than that, scales the child down until it fits rather than letting
 * it wrap or be cut. Made for amounts: "€1,795.07" must stay one line and
 * whole, even with Large Text on a phone, so the hero total wraps a label
 * that does not wrap in this. The label stays a real label, for screen
 * readers and tests alike; only its drawing is scaled. */

/* Below 40% of its size an amount stops being large text; from there on the
 * bin asks for the width it needs instead of shrinking further. */
#define MIN_SCALE 0.4

struct _OutlayFitBin
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (OutlayFitBin, outlay_fit_bin, ADW_TYPE_BIN)

static double
get_scale (int natural_width,
           int width)
{
  if (width < 0 || natural_width <= width || natural_width <= 0)
    return 1.0;

  return MAX ((double) width / natural_width, MIN_SCALE);
}

static GtkSizeRequestMode
outlay_fit_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
outlay_fit_bin_measure (GtkWidget     *widget,
                        GtkOrientation orientation,
                        int            for_size,
                        int           *minimum,
                        int           *natural,
                        int           *minimum_baseline,
                        int           *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  int        child_natural_width = 0;
  double     scale;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_natural_width, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) ceil (child_natural_width * MIN_SCALE);
      *natural = child_natural_width;
      return;
    }

  scale = get_scale (child_natural_width, for_size);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_natural_width,
                      minimum, natural, minimum_baseline, natural_baseline);
  *minimum = (int) ceil (*minimum * scale);
  *natural = (int) ceil (*natural * scale);
  if (*minimum_baseline >= 0)
    *minimum_baseline = (int) ceil (*minimum_baseline * scale);
  if (*natural_baseline >= 0)
    *natural_baseline = (int) ceil (*natural_baseline * scale);
}

static void
outlay_fit_bin_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GtkWidget    *child = adw_bin_get_child (ADW_BIN (widget));
  GskTransform *transform;
  int           child_width = 0;
  int           child_height = 0;
  double        scale;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
  scale = get_scale (child_width, width);

  if (scale >= 1.0)
    {
      gtk_widget_allocate (child, width, height, baseline, NULL);
      return;
    }

  /* Laid out at its natural size, drawn smaller, centred on the height the
   * bin was given. */
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);
  transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, (height - child_height * scale) / 2));
  transform = gsk_transform_scale (transform, scale, scale);
  gtk_widget_allocate (child, child_width, child_height, -1, transform);
}

static void
outlay_fit_bin_class_init (OutlayFitBinClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = outlay_fit_bin_get_request_mode;
  widget_class->measure = outlay_fit_bin_measure;
  widget_class->size_allocate = outlay_fit_bin_size_allocate;
}

static void
outlay_fit_bin_init (OutlayFitBin *self)
{
  /* AdwBin lays its child out with a layout manager, which would take
   * precedence over the measure and size_allocate above. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}

GtkWidget *
outlay_fit_bin_new (void)
{
  return g_object_new (OUTLAY_TYPE_FIT_BIN, NULL);
}
