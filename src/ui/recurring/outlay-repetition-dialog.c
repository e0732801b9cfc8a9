/* outlay-repetition-dialog.c
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

/* "Custom…" of the editor's Repeat row: how often (every N days, weeks,
 * months or years), on which weekdays, which day of the month, and what a
 * weekend does to an occurrence, with the next days it gives. It starts
 * from the editor's day, which it does not change; the end stays in the
 * editor. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-date.h"
#include "outlay-form-rows.h"
#include "outlay-format.h"
#include "outlay-repeat-group.h"
#include "outlay-repetition-dialog.h"

struct _OutlayRepetitionDialog
{
  AdwWindow parent_instance;

  OutlayRecurrence recurrence; /* as given: its start, end and defaults */

  GtkWidget *unit_row;
  GtkWidget *every_row;
  GtkWidget *every_spin;
  GtkWidget *weekdays_group;
  GtkWidget *weekday_buttons[7]; /* Monday first */
  GtkWidget *monthly_row;
  GtkWidget *weekend_row;
  GtkWidget *preview_row;
  GtkWidget *done_button;
};

enum
{
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayRepetitionDialog, outlay_repetition_dialog, ADW_TYPE_WINDOW)

/* The choices of the monthly row, in order. */
enum
{
  MONTHLY_DAY,
  MONTHLY_LAST_DAY,
  MONTHLY_NTH_WEEKDAY,
  MONTHLY_LAST_WEEKDAY,
};

/* Which of its weekday the start day is in its month: 1 to 4, or 5 when it
 * is a fifth, which months do not all have (the last is offered instead). */
static int
week_number_of (const GDate *day)
{
  return (g_date_get_day (day) - 1) / 7 + 1;
}

static void
read_form (OutlayRepetitionDialog *self,
           OutlayRecurrence       *r)
{
  const OutlayRepeatUnit  units[] = { OUTLAY_REPEAT_DAILY, OUTLAY_REPEAT_WEEKLY, OUTLAY_REPEAT_MONTHLY,
                                      OUTLAY_REPEAT_YEARLY };
  const OutlayWeekendRule weekends[] = { OUTLAY_WEEKEND_KEEP, OUTLAY_WEEKEND_BEFORE, OUTLAY_WEEKEND_AFTER,
                                         OUTLAY_WEEKEND_SKIP };
  guint                   unit = adw_combo_row_get_selected (ADW_COMBO_ROW (self->unit_row));
  guint                   weekend = adw_combo_row_get_selected (ADW_COMBO_ROW (self->weekend_row));
  const GDate            *start = &self->recurrence.start;

  *r = self->recurrence;
  r->unit = units[MIN (unit, G_N_ELEMENTS (units) - 1)];
  r->interval = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->every_spin));
  r->weekend = weekends[MIN (weekend, G_N_ELEMENTS (weekends) - 1)];

  r->weekdays = 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_buttons); i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->weekday_buttons[i])))
      r->weekdays |= OUTLAY_WEEKDAY_BIT (i + 1);
  if (r->weekdays == 0)
    r->weekdays = OUTLAY_WEEKDAY_BIT (g_date_get_weekday (start));

  r->month_day = g_date_get_day (start);
  r->weekday = g_date_get_weekday (start);
  switch (adw_combo_row_get_selected (ADW_COMBO_ROW (self->monthly_row)))
    {
    case MONTHLY_LAST_DAY:
      r->monthly_on = OUTLAY_MONTHLY_LAST_DAY;
      break;
    case MONTHLY_NTH_WEEKDAY:
      r->monthly_on = OUTLAY_MONTHLY_ON_WEEKDAY;
      r->week_number = MIN (week_number_of (start), 4);
      break;
    case MONTHLY_LAST_WEEKDAY:
      r->monthly_on = OUTLAY_MONTHLY_ON_WEEKDAY;
      r->week_number = -1;
      break;
    case MONTHLY_DAY:
    default:
      r->monthly_on = OUTLAY_MONTHLY_ON_DAY;
      break;
    }
}

static void
update (OutlayRepetitionDialog *self)
{
  OutlayRecurrence r;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *next = NULL;
  const char      *unit;

  read_form (self, &r);
  gtk_widget_set_visible (self->weekdays_group, r.unit == OUTLAY_REPEAT_WEEKLY);
  gtk_widget_set_visible (self->monthly_row, r.unit == OUTLAY_REPEAT_MONTHLY);

  switch (r.unit)
    {
    case OUTLAY_REPEAT_DAILY:
      /* Translators: the unit after "Every" N in a custom repetition */
      unit = g_dngettext (GETTEXT_PACKAGE, "day", "days", r.interval);
      break;
    case OUTLAY_REPEAT_WEEKLY:
      /* Translators: the unit after "Every" N in a custom repetition */
      unit = g_dngettext (GETTEXT_PACKAGE, "week", "weeks", r.interval);
      break;
    case OUTLAY_REPEAT_MONTHLY:
      /* Translators: the unit after "Every" N in a custom repetition */
      unit = g_dngettext (GETTEXT_PACKAGE, "month", "months", r.interval);
      break;
    case OUTLAY_REPEAT_YEARLY:
    default:
      /* Translators: the unit after "Every" N in a custom repetition */
      unit = g_dngettext (GETTEXT_PACKAGE, "year", "years", r.interval);
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->every_row), unit);

  next = outlay_repeat_group_describe_next (&r, today, 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->preview_row), next);
}

static void
on_done_clicked_cb (OutlayRepetitionDialog *self)
{
  g_signal_emit (self, signals[APPLIED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
new_weekday_buttons (OutlayRepetitionDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_buttons); i++)
    {
      /* 1 January 2024 was a Monday. */
      g_autoptr (GDate) day = g_date_new_dmy ((GDateDay) (i + 1), G_DATE_JANUARY, 2024);
      /* Translators: a weekday on a small toggle button, see strftime(3); e.g. "Mon" */
      g_autofree char *label = outlay_format_date_with (day, _("%a"));
      g_autofree char *name = outlay_format_date_with (day, "%A");
      GtkWidget       *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "weekday");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (button, name);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (update), self);
      gtk_box_append (GTK_BOX (box), button);
      self->weekday_buttons[i] = button;
    }
  return box;
}

static void
build (OutlayRepetitionDialog *self)
{
  const char *unit_choices[] = { N_("Daily"), N_("Weekly"), N_("Monthly"), N_("Yearly"), NULL };
  const char *weekend_choices[] = {
    /* Translators: what an occurrence on a Saturday or Sunday does */
    N_("Stays on Its Day"), N_("Moves to the Friday Before"), N_("Moves to the Monday After"), N_("Is Skipped"),
                                                                                                      NULL };
  const GDate     *start = &self->recurrence.start;
  g_autofree char *weekday = outlay_format_date_with (start, "%A");
  g_autofree char *on_day = NULL;
  g_autofree char *on_nth = NULL;
  g_autofree char *on_last = NULL;
  const char      *monthly_choices[5];
  const char      *translated[5];
  GtkWidget       *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget       *header;
  GtkWidget       *page = adw_preferences_page_new ();
  GtkWidget       *group = adw_preferences_group_new ();
  GtkWidget       *preview_group = adw_preferences_group_new ();

  header = outlay_form_dialog_header_new (GTK_WINDOW (self), _("_Done"), G_CALLBACK (on_done_clicked_cb),
                                                                &self->done_button);
  gtk_box_append (GTK_BOX (content), header);

  for (guint i = 0; unit_choices[i] != NULL; i++)
    translated[i] = _(unit_choices[i]);
  translated[4] = NULL;
  /* Translators: how often a custom repetition falls */
  self->unit_row = outlay_form_combo_row_new (_("_Repeats"), translated);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unit_row);

  /* Translators: "Every" 2 "weeks" in a custom repetition */
  self->every_row = outlay_form_spin_row_new (_("E_very"), 1, 1000, &self->every_spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->every_row);

  /* Translators: a monthly expense on day N of the month */
  on_day = g_strdup_printf (_("On Day %u"), g_date_get_day (start));
  switch (MIN (week_number_of (start), 4))
    {
    case 1:
      /* Translators: a monthly expense on the first <weekday> of the month */
      on_nth = g_strdup_printf (_("On the First %s"), weekday);
      break;
    case 2:
      /* Translators: a monthly expense on the second <weekday> of the month */
      on_nth = g_strdup_printf (_("On the Second %s"), weekday);
      break;
    case 3:
      /* Translators: a monthly expense on the third <weekday> of the month */
      on_nth = g_strdup_printf (_("On the Third %s"), weekday);
      break;
    default:
      /* Translators: a monthly expense on the fourth <weekday> of the month */
      on_nth = g_strdup_printf (_("On the Fourth %s"), weekday);
      break;
    }
  /* Translators: a monthly expense on the last <weekday> of the month */
  on_last = g_strdup_printf (_("On the Last %s"), weekday);
  monthly_choices[MONTHLY_DAY] = on_day;
  monthly_choices[MONTHLY_LAST_DAY] = _("On the Last Day");
  monthly_choices[MONTHLY_NTH_WEEKDAY] = on_nth;
  monthly_choices[MONTHLY_LAST_WEEKDAY] = on_last;
  monthly_choices[4] = NULL;
  /* Translators: which day of the month a custom repetition falls on */
  self->monthly_row = outlay_form_combo_row_new (_("_Day of the Month"), monthly_choices);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->monthly_row);

  for (guint i = 0; weekend_choices[i] != NULL; i++)
    translated[i] = _(weekend_choices[i]);
  /* Translators: what an occurrence on a Saturday or Sunday does */
  self->weekend_row = outlay_form_combo_row_new (_("On a _Weekend"), translated);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->weekend_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->weekdays_group = adw_preferences_group_new ();
  /* Translators: the weekdays a weekly expense falls on */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->weekdays_group), _("On These Days"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->weekdays_group), new_weekday_buttons (self));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->weekdays_group));

  self->preview_row = adw_action_row_new ();
  /* Translators: the next days a repetition gives */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row), _("Next"));
  gtk_widget_add_css_class (self->preview_row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (preview_group), self->preview_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (preview_group));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (self), content);
}

static void
fill (OutlayRepetitionDialog *self)
{
  const OutlayRecurrence *r = &self->recurrence;
  guint                   monthly = MONTHLY_DAY;

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->unit_row), (guint) r->unit);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->every_spin), MAX (r->interval, 1));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->weekend_row), (guint) r->weekend);
  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_buttons); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->weekday_buttons[i]),
                                  (r->weekdays & OUTLAY_WEEKDAY_BIT (i + 1)) != 0);
  if (r->monthly_on == OUTLAY_MONTHLY_LAST_DAY)
    monthly = MONTHLY_LAST_DAY;
  else if (r->monthly_on == OUTLAY_MONTHLY_ON_WEEKDAY)
    monthly = r->week_number < 0 ? MONTHLY_LAST_WEEKDAY : MONTHLY_NTH_WEEKDAY;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->monthly_row), monthly);

  g_signal_connect_swapped (self->unit_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->every_spin, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->monthly_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->weekend_row, "notify::selected", G_CALLBACK (update), self);
  update (self);
}

static void
outlay_repetition_dialog_class_init (OutlayRepetitionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * OutlayRepetitionDialog::applied:
   *
   * Done was chosen: outlay_repetition_dialog_get_recurrence() gives the
   * repetition. The dialog closes after this.
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_repetition_dialog_init (OutlayRepetitionDialog *self)
{
  /* Translators: the title of the dialog behind "Custom…" in the Repeat row */
  gtk_window_set_title (GTK_WINDOW (self), _("Custom Repetition"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 420, 560);
}

/**
 * outlay_repetition_dialog_new:
 * @recurrence: the repetition to start from; its start day stays
 *
 * Returns: (transfer none): the dialog, which destroys itself when closed
 */
OutlayRepetitionDialog *
outlay_repetition_dialog_new (GtkWindow              *parent,
                              const OutlayRecurrence *recurrence)
{
  OutlayRepetitionDialog *self = g_object_new (OUTLAY_TYPE_REPETITION_DIALOG, NULL);

  g_return_val_if_fail (recurrence != NULL && g_date_valid (&recurrence->start), NULL);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->recurrence = *recurrence;
  build (self);
  fill (self);
  return self;
}

void
outlay_repetition_dialog_get_recurrence (OutlayRepetitionDialog *self,
                                         OutlayRecurrence       *recurrence)
{
  g_return_if_fail (OUTLAY_IS_REPETITION_DIALOG (self));
  g_return_if_fail (recurrence != NULL);

  read_form (self, recurrence);
}
