/* outlay-date-row.c
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

/* The day of an expense: a row whose button shows the day and opens a
 * calendar, with Today and Yesterday (Alt+T, Alt+Y) for the days most
 * expenses are entered on. It says "changed" when the person chooses a
 * day, not when the day is set from code. */

#include "config.h"

#include "outlay-date-row.h"
#include "outlay-format.h"
#include "outlay-period.h"

struct _OutlayDateRow
{
  AdwActionRow parent_instance;

  char    *date; /* YYYY-MM-DD */
  gboolean selecting;

  /* Template widgets */
  GtkMenuButton *date_button;
  GtkPopover    *date_popover;
  GtkCalendar   *calendar;
};

enum
{
  PROP_0,
  PROP_DATE,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayDateRow, outlay_date_row, ADW_TYPE_ACTION_ROW)

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* Shows @date on the button, and in the calendar unless the calendar is
 * where it was chosen. */
static void
show_date (OutlayDateRow *self,
           const char    *date)
{
  g_autoptr (GDate) parsed = outlay_date_parse_iso (date);
  g_autofree char *label = NULL;
  g_autofree char *iso = NULL;

  g_assert (OUTLAY_IS_DATE_ROW (self));

  if (parsed == NULL)
    return;

  iso = outlay_date_format_iso (parsed);
  if (g_strcmp0 (iso, self->date) != 0)
    {
      g_free (self->date);
      self->date = g_steal_pointer (&iso);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }

  label = outlay_format_date (self->date);
  gtk_menu_button_set_label (self->date_button, label);

  if (!self->selecting)
    {
      g_autoptr (GDateTime) shown = gtk_calendar_get_date (self->calendar);

      if (shown == NULL ||
          g_date_time_get_year (shown) != g_date_get_year (parsed) ||
          g_date_time_get_month (shown) != (int) g_date_get_month (parsed) ||
          g_date_time_get_day_of_month (shown) != g_date_get_day (parsed))
        {
          g_autoptr (GDateTime) day = g_date_time_new_local (g_date_get_year (parsed),
                                                             g_date_get_month (parsed),
                                                             g_date_get_day (parsed),
                                                             12, 0, 0);

          self->selecting = TRUE;
          gtk_calendar_select_day (self->calendar, day);
          self->selecting = FALSE;
        }
    }
}

static void
choose_date (OutlayDateRow *self,
             const char    *date)
{
  g_assert (OUTLAY_IS_DATE_ROW (self));

  show_date (self, date);
  gtk_popover_popdown (self->date_popover);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
choose_days_back (OutlayDateRow *self,
                  int            days_back)
{
  g_autoptr (GDate) day = outlay_date_new_today ();
  g_autofree char *iso = NULL;

  g_date_subtract_days (day, days_back);
  iso = outlay_date_format_iso (day);
  choose_date (self, iso);
}

static void
on_calendar_day_selected_cb (OutlayDateRow *self)
{
  g_autoptr (GDateTime) day = NULL;
  g_autofree char *iso = NULL;

  /* Only choosing a day emits this; turning the months does not. */
  if (self->selecting)
    return;

  day = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (day, "%Y-%m-%d");

  self->selecting = TRUE;
  choose_date (self, iso);
  self->selecting = FALSE;
}

static void
on_today_clicked_cb (OutlayDateRow *self)
{
  choose_days_back (self, 0);
}

static void
on_yesterday_clicked_cb (OutlayDateRow *self)
{
  choose_days_back (self, 1);
}

static void
outlay_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OUTLAY_TYPE_DATE_ROW);

  G_OBJECT_CLASS (outlay_date_row_parent_class)->dispose (object);
}

static void
outlay_date_row_finalize (GObject *object)
{
  g_free (OUTLAY_DATE_ROW (object)->date);

  G_OBJECT_CLASS (outlay_date_row_parent_class)->finalize (object);
}

static void
outlay_date_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OutlayDateRow *self = OUTLAY_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_date_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OutlayDateRow *self = OUTLAY_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      outlay_date_row_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_date_row_class_init (OutlayDateRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_date_row_dispose;
  object_class->finalize = outlay_date_row_finalize;
  object_class->get_property = outlay_date_row_get_property;
  object_class->set_property = outlay_date_row_set_property;

  /**
   * OutlayDateRow:date:
   *
   * The day shown, YYYY-MM-DD; %NULL until one is set.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayDateRow::changed:
   *
   * The person chose a day (perhaps the same one again).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/outlay-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayDateRow, date_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayDateRow, date_popover);
  gtk_widget_class_bind_template_child (widget_class, OutlayDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_yesterday_clicked_cb);
}

static void
outlay_date_row_init (OutlayDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * outlay_date_row_get_date:
 *
 * Returns: (nullable): the day shown, YYYY-MM-DD
 */
const char *
outlay_date_row_get_date (OutlayDateRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_DATE_ROW (self), NULL);

  return self->date;
}

/**
 * outlay_date_row_set_date:
 * @date: a day, YYYY-MM-DD; anything else is ignored
 *
 * Shows @date without emitting #OutlayDateRow::changed.
 */
void
outlay_date_row_set_date (OutlayDateRow *self,
                          const char    *date)
{
  g_return_if_fail (OUTLAY_IS_DATE_ROW (self));

  if (date != NULL)
    show_date (self, date);
}
