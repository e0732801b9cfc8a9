/* outlay-report-pages.c
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

/* The report's blocks: what each measures and how it is drawn, in the
 * manner of a GNOME document: Cantarell, a clear title, cards and rules in
 * libadwaita's light palette, figures in tabular digits, and the charts of
 * the Dashboard. Sizes are in points. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-bars-drawing.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-report-private.h"
#include "outlay-ring-drawing.h"

#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"
#define BODY_SIZE 10.0
#define SMALL_SIZE 8.5
#define HEADING_SIZE 13.0
#define TITLE_SIZE 26.0
#define HERO_SIZE 28.0
#define SECTION_SPACE 26.0
#define ROW_HEIGHT 22.0
#define BUDGET_HEIGHT 50.0
#define RING_SIZE 164.0
#define LEGEND_ROW 19.0
#define TREND_HEIGHT 150.0
#define CARD_PADDING 18.0
#define CARD_RADIUS 12.0

/* libadwaita's light palette: the text, the accent and the state colours,
 * and the cards' background. */
static const OutlayColor fg = { 0.f, 0.f, 0.f, 0.8f };
static const OutlayColor accent = OUTLAY_COLOR_INIT (0x35, 0x84, 0xe4);
static const OutlayColor accent_text = OUTLAY_COLOR_INIT (0x1c, 0x71, 0xd8);
static const OutlayColor success = OUTLAY_COLOR_INIT (0x26, 0xa2, 0x69);
static const OutlayColor warning = OUTLAY_COLOR_INIT (0x9c, 0x6e, 0x03);
static const OutlayColor warning_bar = OUTLAY_COLOR_INIT (0xe5, 0xa5, 0x0a);
static const OutlayColor error = OUTLAY_COLOR_INIT (0xc0, 0x1c, 0x28);
static const OutlayColor card = OUTLAY_COLOR_INIT (0xf6, 0xf5, 0xf4);
static const OutlayColor fallback = OUTLAY_COLOR_INIT (0x77, 0x76, 0x7b);

#define DIM 0.6

/**
 * outlay_report_create_context:
 *
 * Returns: (transfer full): the Pango context the report lays its text out
 *   with: the body font, one unit a point, metrics not hinted so that the
 *   pages look alike on paper and on screen
 */
PangoContext *
outlay_report_create_context (cairo_t *cr)
{
  PangoContext         *context = pango_cairo_create_context (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (font, BODY_SIZE * PANGO_SCALE);
  pango_context_set_font_description (context, font);
  pango_font_description_free (font);

  return context;
}

static void
set_size (PangoContext *context,
          double        size)
{
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_context_set_font_description (context, font);
  pango_font_description_free (font);
}

/* A line of text; with a @width, it is cut short with an ellipsis. */
static PangoLayout *
text_layout (PangoContext *context,
             const char   *text,
             double        size,
             PangoWeight   weight,
             double        width)
{
  PangoLayout          *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
  PangoAttrList        *attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* Figures line up in columns. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Text at (@x, @y); a negative @x measures from the right edge at -@x. */
static double
show (cairo_t           *cr,
      PangoContext      *context,
      const char        *text,
      double             x,
      double             y,
      double             size,
      PangoWeight        weight,
      double             width,
      const OutlayColor *color,
      double             alpha)
{
  g_autoptr (PangoLayout) layout = text_layout (context, text, size, weight, width);

  if (x < 0)
    x = -x - layout_width (layout);
  outlay_drawing_show_layout (cr, layout, x, y, color, alpha);
  return layout_height (layout);
}

static double
text_height (PangoContext *context,
             double        size)
{
  g_autoptr (PangoLayout) layout = text_layout (context, "Mg", size, PANGO_WEIGHT_NORMAL, -1);

  return layout_height (layout);
}

static void
swatch (cairo_t    *cr,
        const char *color_text,
        double      x,
        double      cy,
        double      radius)
{
  OutlayColor color = fallback;

  outlay_color_parse (color_text, &color);
  cairo_new_path (cr);
  cairo_arc (cr, x + radius, cy, radius, 0, 2 * G_PI);
  outlay_color_set_source (cr, &color, 1.0);
  cairo_fill (cr);
}

static void
rule (cairo_t *cr,
      double   y,
      double   width)
{
  outlay_color_set_source (cr, &fg, 0.12);
  cairo_rectangle (cr, 0, y, width, 0.75);
  cairo_fill (cr);
}

static double
content_width (OutlayReport *self)
{
  return self->width - 2 * self->margin;
}

static char *
format_amount (gint64      amount,
               const char *currency)
{
  char *text = outlay_money_format_expense (amount, currency);

  return text != NULL ? text : g_strdup ("");
}

/* The header */

static char *
dup_range (const OutlayReportData *data)
{
  g_autofree char *from = outlay_format_date (data->from);
  g_autofree char *through = outlay_format_date (data->through);
  /* Translators: a period from its first to its last day: "25 Oct 2026 – 24 Nov 2026" */
  g_autofree char *range = g_strdup_printf (_("%s – %s"), from, through);

  if (strcmp (data->through, data->to) == 0)
    return g_steal_pointer (&range);
  /* Translators: a report of a period that is not over yet: "1 Dec 2026 – 7 Dec 2026, so far" */
  return g_strdup_printf (_("%s, so far"), range);
}

static double
header_height (OutlayReport *self,
               PangoContext *context)
{
  return text_height (context, SMALL_SIZE) + 4 + text_height (context, TITLE_SIZE) + 2 +
         text_height (context, BODY_SIZE);
}

static void
draw_header (OutlayReport *self,
             cairo_t      *cr,
             PangoContext *context)
{
  const OutlayReportData *data = self->data;
  g_autofree char        *title = outlay_report_dup_title (self);
  g_autofree char        *range = dup_range (data);
  g_autofree char        *subtitle = NULL;
  const char             *kind = data->span == OUTLAY_REPORT_MONTH ? _("Monthly Spending Report")
                                                                   : _("Yearly Spending Report");
  double                  y = 0;

  y += show (cr, context, kind, 0, y, SMALL_SIZE, PANGO_WEIGHT_BOLD, -1, &accent_text, 1.0) + 4;
  y += show (cr, context, title, 0, y, TITLE_SIZE, PANGO_WEIGHT_BOLD, content_width (self), &fg, 1.0) + 2;
  /* Translators: under the report's title: its days and the currency it adds up, "1 Nov 2026 – 30 Nov 2026 · EUR" */
  subtitle = g_strdup_printf (_("%s · %s"), range, data->currency);
  show (cr, context, subtitle, 0, y, BODY_SIZE, PANGO_WEIGHT_NORMAL, content_width (self), &fg, DIM);
}

/* The total, against the period before */

static char *
dup_comparison (const OutlayReportData *data,
                gboolean               *more)
{
  gboolean         running = strcmp (data->through, data->to) != 0;
  gboolean         month = data->span == OUTLAY_REPORT_MONTH;
  gint64           difference = data->total.total - data->previous.total;
  g_autofree char *amount = format_amount (ABS (difference), data->currency);
  g_autofree char *percentage = NULL;

  *more = difference > 0;
  if (data->previous_from == NULL)
    return NULL;
  if (difference == 0)
    return g_strdup (month ? _("The same as the month before") : _("The same as the year before"));

  /* A change against nothing, or against more refunded than spent, is no
   * percentage. */
  if (data->previous.total > 0)
    percentage = outlay_format_percent (ABS (difference), data->previous.total, FALSE);
  else
    percentage = g_strdup ("—");

  if (difference > 0)
    {
      if (running)
        /* Translators: e.g. "12% (€34.10) more than this time last month" */
        return g_strdup_printf (month ? _("%s (%s) more than this time last month")
                                      : _("%s (%s) more than this time last year"), percentage, amount);
      /* Translators: e.g. "12% (€34.10) more than the month before" */
      return g_strdup_printf (month ? _("%s (%s) more than the month before") : _("%s (%s) more than the year before"),
                              percentage, amount);
    }
  if (running)
    /* Translators: e.g. "12% (€34.10) less than this time last month" */
    return g_strdup_printf (month ? _("%s (%s) less than this time last month")
                                  : _("%s (%s) less than this time last year"), percentage, amount);
  /* Translators: e.g. "12% (€34.10) less than the month before" */
  return g_strdup_printf (month ? _("%s (%s) less than the month before") : _("%s (%s) less than the year before"),
                          percentage, amount);
}

static double
hero_height (OutlayReport *self,
             PangoContext *context)
{
  return 2 * CARD_PADDING + text_height (context, SMALL_SIZE) + 2 + text_height (context, HERO_SIZE) + 4 +
         text_height (context, BODY_SIZE);
}

static void
draw_figure (cairo_t      *cr,
             PangoContext *context,
             double        right,
             double        y,
             const char   *label,
             const char   *value)
{
  y += show (cr, context, label, -right, y, SMALL_SIZE, PANGO_WEIGHT_BOLD, -1, &fg, DIM) + 2;
  show (cr, context, value, -right, y, HEADING_SIZE, PANGO_WEIGHT_BOLD, -1, &fg, 1.0);
}

static void
draw_hero (OutlayReport *self,
           cairo_t      *cr,
           PangoContext *context,
           double        height)
{
  const OutlayReportData *data = self->data;
  double                  width = content_width (self);
  g_autofree char        *total = format_amount (data->total.total, data->currency);
  g_autofree char        *count = g_strdup_printf ("%'u", data->total.count);
  g_autofree char        *average = NULL;
  g_autofree char        *comparison = NULL;
  g_autoptr (GDate) first = outlay_date_parse_iso (data->from);
  g_autoptr (GDate) last = outlay_date_parse_iso (data->through);
  gboolean more = FALSE;
  double   y = CARD_PADDING;
  int      days = g_date_days_between (first, last) + 1;
  gint64   daily = (data->total.total + (data->total.total >= 0 ? days / 2 : -days / 2)) / MAX (days, 1);

  outlay_drawing_rounded_rect (cr, 0, 0, width, height, CARD_RADIUS, CARD_RADIUS);
  outlay_color_set_source (cr, &card, 1.0);
  cairo_fill (cr);

  /* Translators: above the total of the report's period */
  y += show (cr, context, _("Spent"), CARD_PADDING, y, SMALL_SIZE, PANGO_WEIGHT_BOLD, -1, &fg, DIM) + 2;
  y += show (cr, context, total, CARD_PADDING, y, HERO_SIZE, PANGO_WEIGHT_BOLD, width * 0.6, &fg, 1.0) + 4;
  comparison = dup_comparison (data, &more);
  if (comparison != NULL)
    {
      g_autofree char *line = g_strconcat (more ? "▲ " : "▼ ", comparison, NULL);

      show (cr, context, data->total.total == data->previous.total ? comparison : line, CARD_PADDING, y, BODY_SIZE,
            PANGO_WEIGHT_NORMAL, width - 2 * CARD_PADDING, &fg, 0.75);
    }

  average = format_amount (daily, data->currency);
  draw_figure (cr, context, width - CARD_PADDING, CARD_PADDING, _("Expenses"), count);
  draw_figure (cr, context, width - CARD_PADDING - 110, CARD_PADDING, _("Daily Average"), average);
}

/* A section's heading */

static double
heading_height (PangoContext *context)
{
  return text_height (context, HEADING_SIZE) + 8;
}

static void
draw_heading (OutlayReport *self,
              cairo_t      *cr,
              PangoContext *context,
              const char   *text)
{
  double h = show (cr, context, text, 0, 0, HEADING_SIZE, PANGO_WEIGHT_BOLD, -1, &fg, 1.0);

  rule (cr, h + 4, content_width (self));
}

/* Spending by category: the ring and its legend */

static double
categories_height (OutlayReport *self)
{
  return MAX (RING_SIZE, LEGEND_ROW * MAX (1, self->data->categories->len));
}

static void
draw_categories (OutlayReport *self,
                 cairo_t      *cr,
                 PangoContext *context,
                 double        height)
{
  const OutlayReportData *data = self->data;
  GArray                 *categories = data->categories;
  g_autoptr (GArray) segments = g_array_new (FALSE, TRUE, sizeof (OutlayRingSegment));
  g_autofree char   *total = format_amount (data->total.total, data->currency);
  OutlayRingGeometry geometry;
  double             left = RING_SIZE + 32;
  double             width = content_width (self) - left;
  double             y = MAX (0, (height - LEGEND_ROW * MAX (1, categories->len)) / 2);
  gint64             sum = 0;

  for (guint i = 0; i < categories->len; i++)
    {
      const OutlayReportCategory *category = &g_array_index (categories, OutlayReportCategory, i);
      OutlayRingSegment           segment = { MAX (0, category->total), fallback };

      outlay_color_parse (category->color, &segment.color);
      g_array_append_val (segments, segment);
      sum += segment.value;
    }

  cairo_save (cr);
  cairo_translate (cr, 0, (height - RING_SIZE) / 2);
  outlay_ring_get_geometry (RING_SIZE, RING_SIZE, &geometry);
  outlay_ring_draw (cr, &geometry, (const OutlayRingSegment *) (gpointer) segments->data, segments->len, -1, &fg);
  set_size (context, 12);
  /* Translators: under the total in the middle of the report's ring */
  outlay_ring_draw_center (cr, context, &geometry, total, _("Total"), &fg);
  set_size (context, BODY_SIZE);
  cairo_restore (cr);

  if (categories->len == 0)
    {
      show (cr, context, _("Nothing spent in this period"), left, y, BODY_SIZE, PANGO_WEIGHT_NORMAL, width, &fg, DIM);
      return;
    }

  for (guint i = 0; i < categories->len; i++)
    {
      const OutlayReportCategory *category = &g_array_index (categories, OutlayReportCategory, i);
      g_autofree char            *amount = format_amount (category->total, data->currency);
      g_autofree char            *share = sum > 0 ? outlay_format_percent (MAX (0, category->total), sum, TRUE)
                                                  : g_strdup ("");
      double                      line = text_height (context, BODY_SIZE);

      swatch (cr, category->color, left, y + line / 2, 4.5);
      show (cr, context, category->name, left + 16, y, BODY_SIZE, PANGO_WEIGHT_NORMAL, width - 16 - 150, &fg, 1.0);
      show (cr, context, amount, -(left + width - 48), y, BODY_SIZE, PANGO_WEIGHT_NORMAL, -1, &fg, 1.0);
      show (cr, context, share, -(left + width), y, BODY_SIZE, PANGO_WEIGHT_NORMAL, -1, &fg, DIM);
      y += LEGEND_ROW;
    }
}

/* The last twelve months */

static double
trend_height (PangoContext *context)
{
  return TREND_HEIGHT + 6 + text_height (context, BODY_SIZE);
}

static void
draw_trend (OutlayReport *self,
            cairo_t      *cr,
            PangoContext *context)
{
  const OutlayReportData *data = self->data;
  GArray                 *months = data->months;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) initials = g_ptr_array_new_with_free_func (g_free);
  OutlayBarsColors colors = { fg, accent, error };
  OutlayBarsChart  chart = { 0 };
  g_autofree char *average = NULL;
  g_autofree char *text = NULL;
  gint64           sum = 0;

  for (guint i = 0; i < months->len; i++)
    {
      const OutlayPeriodTotal *month = &g_array_index (months, OutlayPeriodTotal, i);
      g_autofree char         *day = g_strconcat (month->period, "-01", NULL);
      g_autoptr (GDate) date = outlay_date_parse_iso (day);
      /* Translators: the short name of a month under a bar of the trend
       * chart, see strftime(3); e.g. "Nov" */
      char *label = date != NULL ? outlay_format_date_with (date, _("%b")) : g_strdup ("");

      g_ptr_array_add (initials, g_utf8_substring (label, 0, 1));
      g_ptr_array_add (labels, label);
      sum += month->total;
      if (strcmp (month->period, data->highlight) == 0)
        chart.highlight = (int) i;
    }

  chart.bars = (const OutlayPeriodTotal *) (gpointer) months->data;
  chart.n_bars = months->len;
  chart.labels = (const char *const *) labels->pdata;
  chart.initials = (const char *const *) initials->pdata;
  chart.hovered = -1;

  set_size (context, SMALL_SIZE + 0.5);
  outlay_bars_draw (cr, context, content_width (self), TREND_HEIGHT, &chart, &colors);
  set_size (context, BODY_SIZE);

  average = format_amount (months->len > 0 ? (sum + months->len / 2) / (gint64) months->len : 0, data->currency);
  /* Translators: the average spending of the last twelve months, e.g. "€812.30 a month on average" */
  text = g_strdup_printf (_("%s a month on average"), average);
  show (cr, context, text, 0, TREND_HEIGHT + 6, BODY_SIZE, PANGO_WEIGHT_NORMAL, -1, &fg, DIM);
}

/* Budgets, with their progress */

static void
draw_budget (OutlayReport *self,
             cairo_t      *cr,
             PangoContext *context,
             guint         index)
{
  const OutlayReportBudget *budget = &g_array_index (self->data->budgets, OutlayReportBudget, index);
  double                    width = content_width (self);
  g_autofree char          *spent = format_amount (budget->spent, budget->currency);
  g_autofree char          *available = format_amount (budget->available, budget->currency);
  g_autofree char          *figures = NULL;
  g_autofree char          *period = outlay_format_period (budget->period_start, budget->period_end);
  const OutlayColor        *bar = &accent;
  const OutlayColor        *state_color = &success;
  double                    line = text_height (context, BODY_SIZE);
  double                    progress;

  switch (budget->state)
    {
    case OUTLAY_BUDGET_AHEAD_OF_PACE:
      bar = &warning_bar;
      state_color = &warning;
      break;
    case OUTLAY_BUDGET_FULLY_USED:
    case OUTLAY_BUDGET_OVER:
      bar = &error;
      state_color = &error;
      break;
    case OUTLAY_BUDGET_WATCHING:
      state_color = &fg;
      break;
    case OUTLAY_BUDGET_ON_TRACK:
    default:
      break;
    }

  if (budget->state == OUTLAY_BUDGET_WATCHING)
    figures = g_strdup (spent);
  else
    /* Translators: what a budget spent of what it has: "€312.00 of €500.00" */
    figures = g_strdup_printf (_("%s of %s"), spent, available);

  show (cr, context, budget->name, 0, 0, BODY_SIZE, PANGO_WEIGHT_BOLD, width - 200, &fg, 1.0);
  show (cr, context, figures, -width, 0, BODY_SIZE, PANGO_WEIGHT_NORMAL, -1, &fg, 1.0);

  progress = budget->available > 0 ? CLAMP ((double) budget->spent / (double) budget->available, 0, 1) : 0;
  outlay_drawing_rounded_rect (cr, 0, line + 5, width, 6, 3, 3);
  outlay_color_set_source (cr, &fg, 0.08);
  cairo_fill (cr);
  if (progress > 0)
    {
      outlay_drawing_rounded_rect (cr, 0, line + 5, MAX (6, width * progress), 6, 3, 3);
      outlay_color_set_source (cr, bar, 1.0);
      cairo_fill (cr);
    }

  show (cr, context, period, 0, line + 15, SMALL_SIZE, PANGO_WEIGHT_NORMAL, width - 200, &fg, DIM);
  show (cr, context, outlay_format_budget_state (budget->state), -width, line + 15, SMALL_SIZE, PANGO_WEIGHT_BOLD, -1,
        state_color, state_color == &fg ? DIM : 1.0);
}

/* The largest expenses and the recurring ones, as tables */

static void
draw_expense (OutlayReport *self,
              cairo_t      *cr,
              PangoContext *context,
              guint         index)
{
  const OutlayReportExpense *expense = &g_array_index (self->data->largest, OutlayReportExpense, index);
  double                     width = content_width (self);
  g_autofree char           *date = outlay_format_date (expense->date);
  g_autofree char           *amount = format_amount (expense->amount, expense->currency);
  double                     line = text_height (context, BODY_SIZE);
  double                     y = (ROW_HEIGHT - line) / 2;
  double                     category_x = width * 0.58;

  show (cr, context, date, 0, y, BODY_SIZE, PANGO_WEIGHT_NORMAL, 72, &fg, DIM);
  show (cr, context, expense->description, 80, y, BODY_SIZE, PANGO_WEIGHT_NORMAL, category_x - 80 - 12, &fg, 1.0);
  swatch (cr, expense->color, category_x, ROW_HEIGHT / 2, 4);
  show (cr, context, expense->category, category_x + 14, y, BODY_SIZE, PANGO_WEIGHT_NORMAL,
        width - category_x - 14 - 90, &fg, DIM);
  show (cr, context, amount, -width, y, BODY_SIZE, PANGO_WEIGHT_BOLD, -1, &fg, 1.0);
  if (index + 1 < self->data->largest->len)
    rule (cr, ROW_HEIGHT - 0.5, width);
}

static void
draw_recurring (OutlayReport *self,
                cairo_t      *cr,
                PangoContext *context,
                guint         index)
{
  const OutlayReportRecurring *recurring = &g_array_index (self->data->recurring, OutlayReportRecurring, index);
  double                       width = content_width (self);
  g_autofree char             *amount = format_amount (recurring->amount, recurring->currency);
  double                       line = text_height (context, BODY_SIZE);
  double                       y = (ROW_HEIGHT - line) / 2;
  double                       repeats_x = width * 0.42;

  swatch (cr, recurring->color, 0, ROW_HEIGHT / 2, 4);
  show (cr, context, recurring->description, 14, y, BODY_SIZE, PANGO_WEIGHT_NORMAL, repeats_x - 14 - 12, &fg, 1.0);
  show (cr, context, recurring->repeats, repeats_x, y, BODY_SIZE, PANGO_WEIGHT_NORMAL, width - repeats_x - 90, &fg,
        DIM);
  show (cr, context, amount, -width, y, BODY_SIZE, PANGO_WEIGHT_BOLD, -1, &fg, 1.0);
  if (index + 1 < self->data->recurring->len)
    rule (cr, ROW_HEIGHT - 0.5, width);
}

/* Laying out */

static void
add_block (OutlayReport         *self,
           OutlayReportBlockKind kind,
           guint                 index,
           const char           *text,
           double                height,
           double                space)
{
  OutlayReportBlock block = { 0 };

  block.kind = kind;
  block.index = index;
  block.text = text;
  block.height = height;
  block.space = space;
  block.keep_with_next = kind == BLOCK_HEADING;
  g_array_append_val (self->blocks, block);
}

static void
add_rows (OutlayReport         *self,
          PangoContext         *context,
          const char           *heading,
          OutlayReportBlockKind kind,
          guint                 n_rows,
          double                row_height)
{
  if (n_rows == 0)
    return;

  add_block (self, BLOCK_HEADING, 0, heading, heading_height (context), 6);
  for (guint i = 0; i < n_rows; i++)
    add_block (self, kind, i, NULL, row_height, i + 1 < n_rows ? 0 : SECTION_SPACE);
}

/**
 * outlay_report_add_blocks:
 *
 * Measures the report's blocks, in the order they are read.
 */
void
outlay_report_add_blocks (OutlayReport *self,
                          PangoContext *context)
{
  const OutlayReportData *data = self->data;

  add_block (self, BLOCK_HEADER, 0, NULL, header_height (self, context), 20);
  add_block (self, BLOCK_HERO, 0, NULL, hero_height (self, context), SECTION_SPACE);
  add_rows (self, context, _("Budgets"), BLOCK_BUDGET, data->budgets->len, BUDGET_HEIGHT);
  add_block (self, BLOCK_HEADING, 0, _("Spending by Category"), heading_height (context), 12);
  add_block (self, BLOCK_CATEGORIES, 0, NULL, categories_height (self), SECTION_SPACE);
  add_block (self, BLOCK_HEADING, 0, _("Last 12 Months"), heading_height (context), 12);
  add_block (self, BLOCK_TREND, 0, NULL, trend_height (context), SECTION_SPACE);
  add_rows (self, context, _("Largest Expenses"), BLOCK_EXPENSE, data->largest->len, ROW_HEIGHT);
  add_rows (self, context, _("Recurring Expenses"), BLOCK_RECURRING, data->recurring->len, ROW_HEIGHT);
}

void
outlay_report_draw_block (OutlayReport            *self,
                          cairo_t                 *cr,
                          PangoContext            *context,
                          const OutlayReportBlock *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADER:
      draw_header (self, cr, context);
      break;
    case BLOCK_HERO:
      draw_hero (self, cr, context, block->height);
      break;
    case BLOCK_HEADING:
      draw_heading (self, cr, context, block->text);
      break;
    case BLOCK_CATEGORIES:
      draw_categories (self, cr, context, block->height);
      break;
    case BLOCK_TREND:
      draw_trend (self, cr, context);
      break;
    case BLOCK_BUDGET:
      draw_budget (self, cr, context, block->index);
      break;
    case BLOCK_EXPENSE:
      draw_expense (self, cr, context, block->index);
      break;
    case BLOCK_RECURRING:
      draw_recurring (self, cr, context, block->index);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * outlay_report_draw_footer:
 *
 * The foot of every page: what made it and when, and the page's number.
 */
void
outlay_report_draw_footer (OutlayReport *self,
                           cairo_t      *cr,
                           PangoContext *context,
                           guint         page)
{
  g_autofree char *made_on = outlay_format_date (self->data->made_on);
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  double           y = self->height - self->margin + 4;

  /* Translators: at the foot of each page of a report: "Outlay · 7 Dec 2026" */
  left = g_strdup_printf (_("Outlay · %s"), made_on);
  /* Translators: at the foot of each page of a report: "Page 1 of 2" */
  right = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);

  cairo_save (cr);
  cairo_translate (cr, self->margin, 0);
  rule (cr, y - 8, content_width (self));
  show (cr, context, left, 0, y, SMALL_SIZE, PANGO_WEIGHT_NORMAL, -1, &fg, DIM);
  show (cr, context, right, -content_width (self), y, SMALL_SIZE, PANGO_WEIGHT_NORMAL, -1, &fg, DIM);
  cairo_restore (cr);
}
