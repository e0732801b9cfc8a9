/* outlay-trend-chart.c
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

/* Spending by month as a bar chart: one bar per month, one month (the
 * current one) in the accent colour, the months' names below. Hovering a
 * bar tells its month and amount; assistive technologies get the same
 * values as the chart's description.
 *
 * The same chart shows a budget's periods: each bar what a period spent,
 * with a line across it at what the period had; the part of a bar above
 * its line is drawn in the error colour, and its text says "over".
 *
 * The drawing itself is outlay_bars_draw() in src/report, which has no
 * GTK: the printed report draws the same bars, on paper and without a
 * display. This widget gives it its size, colours and Pango context. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-bars-drawing.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-trend-chart.h"

struct _OutlayTrendChart
{
  OutlayChart parent_instance;

  GArray    *months; /* OutlayPeriodTotal */
  GArray    *limits; /* gint64 a bar, for a budget's periods; else empty */
  GPtrArray *labels; /* under the bars: "Nov" */
  GPtrArray *initials; /* when the labels do not fit: "N" */
  GPtrArray *names;  /* in the bars' texts: "November 2026" */
  char      *currency;
  int        highlight;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (OutlayTrendChart, outlay_trend_chart, OUTLAY_TYPE_CHART)

static GDate *
month_date (const OutlayPeriodTotal *month)
{
  g_autofree char *day = g_strconcat (month->period, "-01", NULL);

  return outlay_date_parse_iso (day);
}

/* The short name of a month ("Nov"), or its initial ("N") when the short
 * names do not fit under the bars. */
static char *
month_label (const OutlayPeriodTotal *month,
             gboolean                 initial)
{
  g_autoptr (GDate) date = month_date (month);
  char buf[64];

  if (date == NULL)
    return g_strdup ("");

  /* Translators: the short name of a month under a bar of the trend
   * chart, see strftime(3); e.g. "Nov" */
  if (g_date_strftime (buf, sizeof buf, _("%b"), date) == 0)
    return g_strdup ("");

  if (initial)
    {
      g_autofree char *first = g_utf8_substring (buf, 0, 1);

      return g_utf8_strup (first, -1);
    }

  return g_strdup (buf);
}

static void
get_colors (OutlayTrendChart *self,
            OutlayBarsColors *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA          fg, accent, error;

  /* gtk_widget_get_color() is GTK 4.10; on the 4.8 floor the style
   * context is how a widget reads its colours. */
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "error_color", &error))
    gdk_rgba_parse (&error, "#c01c28");

  colors->fg = (OutlayColor){ fg.red, fg.green, fg.blue, fg.alpha };
  colors->accent = (OutlayColor){ accent.red, accent.green, accent.blue, accent.alpha };
  colors->error = (OutlayColor){ error.red, error.green, error.blue, error.alpha };
}

static void
layout_bars (OutlayTrendChart   *self,
             OutlayBarsGeometry *geometry)
{
  outlay_bars_get_geometry (gtk_widget_get_pango_context (GTK_WIDGET (self)), gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)), self->months->len, geometry);
}

static int
bar_at (OutlayTrendChart *self,
        double            x,
        double            y)
{
  OutlayBarsGeometry geometry;

  layout_bars (self, &geometry);
  return outlay_bars_bar_at (&geometry, self->months->len, gtk_widget_get_height (GTK_WIDGET (self)), x, y);
}

static void
update_summary (OutlayTrendChart *self)
{
  g_autoptr (GString) summary = g_string_new (NULL);

  for (guint i = 0; i < self->months->len; i++)
    {
      g_autofree char *text = outlay_trend_chart_dup_bar_text (self, i);

      if (i > 0)
        g_string_append (summary, "; ");
      g_string_append (summary, text);
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
outlay_trend_chart_measure (GtkWidget     *widget,
                            GtkOrientation orientation,
                            int            for_size,
                            int           *minimum,
                            int           *natural,
                            int           *minimum_baseline,
                            int           *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Twelve initials side by side, and room to breathe. */
      *minimum = 12 * 16;
      *natural = 12 * 48;
    }
  else
    {
      *minimum = 96;
      *natural = 160;
    }
}

static void
outlay_trend_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  OutlayTrendChart *self = OUTLAY_TREND_CHART (widget);
  float             width = gtk_widget_get_width (widget);
  float             height = gtk_widget_get_height (widget);
  OutlayBarsColors  colors;
  OutlayBarsChart   chart = { 0 };
  cairo_t          *cr;

  if (self->months->len == 0 || width <= 0 || height <= 0)
    return;

  get_colors (self, &colors);
  chart.bars = (const OutlayPeriodTotal *) (gpointer) self->months->data;
  chart.limits = self->limits->len > 0 ? (const gint64 *) (gpointer) self->limits->data : NULL;
  chart.n_bars = self->months->len;
  chart.labels = (const char *const *) self->labels->pdata;
  chart.initials = (const char *const *) self->initials->pdata;
  chart.highlight = self->highlight;
  chart.hovered = outlay_chart_get_hovered (OUTLAY_CHART (self));

  /* The bars are drawn by the code the printed report uses (src/report). */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  outlay_bars_draw (cr, gtk_widget_get_pango_context (widget), width, height, &chart, &colors);
  cairo_destroy (cr);
}

static guint
outlay_trend_chart_get_n_parts (OutlayChart *chart)
{
  return OUTLAY_TREND_CHART (chart)->months->len;
}

static int
outlay_trend_chart_part_at (OutlayChart *chart,
                            double       x,
                            double       y)
{
  return bar_at (OUTLAY_TREND_CHART (chart), x, y);
}

static char *
outlay_trend_chart_dup_part_text (OutlayChart *chart,
                                  guint        index)
{
  return outlay_trend_chart_dup_bar_text (OUTLAY_TREND_CHART (chart), index);
}

/* From the keyboard, before the arrows chose a month: the highlighted one. */
static int
outlay_trend_chart_get_keyboard_part (OutlayChart *chart)
{
  return OUTLAY_TREND_CHART (chart)->highlight;
}

/* A bar's tooltip belongs to its whole column. */
static gboolean
outlay_trend_chart_get_part_area (OutlayChart  *chart,
                                  guint         index,
                                  GdkRectangle *area)
{
  OutlayTrendChart  *self = OUTLAY_TREND_CHART (chart);
  OutlayBarsGeometry geometry;

  layout_bars (self, &geometry);
  *area = (GdkRectangle){ (int) (geometry.slot * index), 0, (int) geometry.slot,
                          gtk_widget_get_height (GTK_WIDGET (self)) };

  return TRUE;
}

static void
outlay_trend_chart_finalize (GObject *object)
{
  OutlayTrendChart *self = OUTLAY_TREND_CHART (object);

  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->limits, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->initials, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (outlay_trend_chart_parent_class)->finalize (object);
}

static void
outlay_trend_chart_class_init (OutlayTrendChartClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass   *widget_class = GTK_WIDGET_CLASS (klass);
  OutlayChartClass *chart_class = OUTLAY_CHART_CLASS (klass);

  object_class->finalize = outlay_trend_chart_finalize;

  widget_class->measure = outlay_trend_chart_measure;
  widget_class->snapshot = outlay_trend_chart_snapshot;

  chart_class->get_n_parts = outlay_trend_chart_get_n_parts;
  chart_class->part_at = outlay_trend_chart_part_at;
  chart_class->dup_part_text = outlay_trend_chart_dup_part_text;
  chart_class->get_keyboard_part = outlay_trend_chart_get_keyboard_part;
  chart_class->get_part_area = outlay_trend_chart_get_part_area;

  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
outlay_trend_chart_init (OutlayTrendChart *self)
{
  self->months = g_array_new (FALSE, FALSE, sizeof (OutlayPeriodTotal));
  self->limits = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->initials = g_ptr_array_new_with_free_func (g_free);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->currency = g_strdup ("EUR");
  self->highlight = -1;
  self->summary = g_strdup ("");

  outlay_chart_set_label (OUTLAY_CHART (self), _("Spending by month"));
}

GtkWidget *
outlay_trend_chart_new (void)
{
  return g_object_new (OUTLAY_TYPE_TREND_CHART, NULL);
}

/**
 * outlay_trend_chart_set_months:
 * @months: (array length=n_months): the totals, oldest first
 * @currency: the ISO 4217 code the totals are in
 * @highlight: (nullable): the month (`YYYY-MM`) to show in the accent colour
 */
void
outlay_trend_chart_set_months (OutlayTrendChart        *self,
                               const OutlayPeriodTotal *months,
                               guint                    n_months,
                               const char              *currency,
                               const char              *highlight)
{
  g_return_if_fail (OUTLAY_IS_TREND_CHART (self));
  g_return_if_fail (months != NULL || n_months == 0);
  g_return_if_fail (currency != NULL);

  g_array_set_size (self->months, 0);
  g_array_set_size (self->limits, 0);
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->initials, 0);
  g_ptr_array_set_size (self->names, 0);
  if (n_months > 0)
    g_array_append_vals (self->months, months, n_months);
  for (guint i = 0; i < n_months; i++)
    {
      g_ptr_array_add (self->labels, month_label (&months[i], FALSE));
      g_ptr_array_add (self->initials, month_label (&months[i], TRUE));
      g_ptr_array_add (self->names, outlay_format_month (months[i].period));
    }

  g_free (self->currency);
  self->currency = g_strdup (currency);

  self->highlight = -1;
  for (guint i = 0; i < n_months; i++)
    if (g_strcmp0 (months[i].period, highlight) == 0)
      self->highlight = (int) i;

  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
outlay_trend_chart_get_n_bars (OutlayTrendChart *self)
{
  g_return_val_if_fail (OUTLAY_IS_TREND_CHART (self), 0);

  return self->months->len;
}

gint64
outlay_trend_chart_get_value (OutlayTrendChart *self,
                              guint             index)
{
  g_return_val_if_fail (OUTLAY_IS_TREND_CHART (self), 0);
  g_return_val_if_fail (index < self->months->len, 0);

  return g_array_index (self->months, OutlayPeriodTotal, index).total;
}

/**
 * outlay_trend_chart_get_month:
 *
 * Returns: the month of the bar at @index, as `YYYY-MM`
 */
const char *
outlay_trend_chart_get_month (OutlayTrendChart *self,
                              guint             index)
{
  g_return_val_if_fail (OUTLAY_IS_TREND_CHART (self), NULL);
  g_return_val_if_fail (index < self->months->len, NULL);

  return g_array_index (self->months, OutlayPeriodTotal, index).period;
}

/**
 * outlay_trend_chart_get_highlight:
 *
 * Returns: the index of the highlighted bar, or -1
 */
int
outlay_trend_chart_get_highlight (OutlayTrendChart *self)
{
  g_return_val_if_fail (OUTLAY_IS_TREND_CHART (self), -1);

  return self->highlight;
}

/**
 * outlay_trend_chart_dup_bar_text:
 *
 * Returns: (transfer full): what the tooltip of the bar at @index says,
 *   such as “November 2026: €1,234.56”
 */
char *
outlay_trend_chart_dup_bar_text (OutlayTrendChart *self,
                                 guint             index)
{
  const OutlayPeriodTotal *month;
  const char              *name;
  g_autofree char         *amount = NULL;

  g_return_val_if_fail (OUTLAY_IS_TREND_CHART (self), NULL);
  g_return_val_if_fail (index < self->months->len, NULL);

  month = &g_array_index (self->months, OutlayPeriodTotal, index);
  name = g_ptr_array_index (self->names, index);
  amount = outlay_money_format_expense (month->total, self->currency);

  if (index < self->limits->len)
    {
      gint64           limit = g_array_index (self->limits, gint64, index);
      g_autofree char *had = outlay_money_format_expense (limit, self->currency);
      g_autofree char *rest = outlay_money_format_expense (ABS (limit - month->total), self->currency);

      if (limit <= 0 && month->total <= 0)
        /* Translators: a budget's period and what it spent: "March 2026: €0.00 spent" */
        return g_strdup_printf (_("%s: %s spent"), name, amount);
      if (month->total > limit)
        /* Translators: a budget's period, what it spent of what it had, and by how much it went over:
         * "March 2026: €120.00 of €100.00 spent, €20.00 over" */
        return g_strdup_printf (_("%s: %s of %s spent, %s over"), name, amount, had, rest);
      /* Translators: a budget's period, what it spent of what it had, and what was left:
       * "March 2026: €80.00 of €100.00 spent, €20.00 left" */
      return g_strdup_printf (_("%s: %s of %s spent, %s left"), name, amount, had, rest);
    }

  /* Translators: a month and what was spent in it, e.g. "November 2026: €1,234.56" */
  return g_strdup_printf (_("%s: %s"), name, amount != NULL ? amount : "");
}

/**
 * outlay_trend_chart_get_summary:
 *
 * Returns: the text equivalent of the chart that assistive technologies
 *   read: every month and its amount
 */
const char *
outlay_trend_chart_get_summary (OutlayTrendChart *self)
{
  g_return_val_if_fail (OUTLAY_IS_TREND_CHART (self), NULL);

  return self->summary;
}

/* The short name under a budget's bar, from the first day of its period:
 * a month's name, a year, or a day and month for weeks. */
static char *
period_label (const char     *start,
              OutlayCycleUnit unit,
              gboolean        initial)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (start);
  char        buf[64];
  const char *format;

  if (date == NULL)
    return g_strdup ("");

  switch (unit)
    {
    case OUTLAY_CYCLE_YEAR:
      /* Translators: a year under a budget's bar, see strftime(3); "2026", or "26" where it does not fit */
      format = initial ? _("%y") : _("%Y");
      break;
    case OUTLAY_CYCLE_WEEK:
      /* Translators: the first day of a week under a budget's bar, see strftime(3); "3 Mar", or "3" where it does
       * not fit */
      format = initial ? _("%-d") : _("%-d %b");
      break;
    case OUTLAY_CYCLE_MONTH:
    case OUTLAY_CYCLE_RANGE:
    default:
      /* Translators: the short name of a month under a bar of the trend
       * chart, see strftime(3); e.g. "Nov" */
      format = _("%b");
      break;
    }

  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return g_strdup ("");
  if (initial && (unit == OUTLAY_CYCLE_MONTH || unit == OUTLAY_CYCLE_RANGE))
    {
      g_autofree char *first = g_utf8_substring (buf, 0, 1);

      return g_utf8_strup (first, -1);
    }
  return g_strdup (buf);
}

/**
 * outlay_trend_chart_set_budget_periods:
 * @periods: (array length=n_periods): a budget's periods, oldest first
 * @unit: how the budget repeats, for the names under the bars
 * @currency: the budget's currency
 *
 * Shows what each period spent against what it had; the last period is
 * the current one, in the accent colour.
 */
void
outlay_trend_chart_set_budget_periods (OutlayTrendChart         *self,
                                       const OutlayBudgetPeriod *periods,
                                       guint                     n_periods,
                                       OutlayCycleUnit           unit,
                                       const char               *currency)
{
  g_return_if_fail (OUTLAY_IS_TREND_CHART (self));
  g_return_if_fail (periods != NULL || n_periods == 0);
  g_return_if_fail (currency != NULL);

  g_array_set_size (self->months, 0);
  g_array_set_size (self->limits, 0);
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->initials, 0);
  g_ptr_array_set_size (self->names, 0);
  for (guint i = 0; i < n_periods; i++)
    {
      OutlayPeriodTotal bar = { { 0 } };

      g_strlcpy (bar.period, periods[i].period_start, sizeof bar.period);
      bar.total = periods[i].spent;
      g_array_append_val (self->months, bar);
      g_array_append_val (self->limits, periods[i].available);
      g_ptr_array_add (self->labels, period_label (periods[i].period_start, unit, FALSE));
      g_ptr_array_add (self->initials, period_label (periods[i].period_start, unit, TRUE));
      g_ptr_array_add (self->names, outlay_format_period (periods[i].period_start, periods[i].period_end));
    }

  g_free (self->currency);
  self->currency = g_strdup (currency);
  self->highlight = n_periods > 0 ? (int) n_periods - 1 : -1;

  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * outlay_trend_chart_get_limit:
 *
 * Returns: what the period of the bar at @index had, or -1 for a month
 */
gint64
outlay_trend_chart_get_limit (OutlayTrendChart *self,
                              guint             index)
{
  g_return_val_if_fail (OUTLAY_IS_TREND_CHART (self), -1);
  g_return_val_if_fail (index < self->months->len, -1);

  return index < self->limits->len ? g_array_index (self->limits, gint64, index) : -1;
}
