/* outlay-repeat-group.c
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

/* The editor's Repeat rows: how often an expense repeats (a preset that
 * follows the editor's day — every week on its weekday, every 2 weeks, every
 * month on its day or on the last day, every year — or a custom
 * repetition), when it ends, whether each time asks first, and the next
 * days it gives, updated as anything changes. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-date-row.h"
#include "outlay-date.h"
#include "outlay-form-rows.h"
#include "outlay-format.h"
#include "outlay-repeat-group.h"
#include "outlay-repetition-dialog.h"
#include "outlay-recurring-window.h"

typedef enum
{
  KIND_NEVER,
  KIND_WEEKLY,
  KIND_FORTNIGHTLY,
  KIND_MONTHLY_DAY,
  KIND_MONTHLY_LAST,
  KIND_YEARLY,
  KIND_CUSTOM,        /* the custom repetition chosen */
  KIND_CHOOSE_CUSTOM, /* "Custom…" */
} Kind;

/* The choices of the Ends row, in order. */
enum
{
  END_NEVER,
  END_COUNT,
  END_UNTIL,
};

struct _OutlayRepeatGroup
{
  AdwPreferencesGroup parent_instance;

  GDate            start;
  OutlayRecurrence custom; /* valid when has_custom */
  GArray          *kinds;  /* Kind: what each choice of the Repeat row is */
  Kind             kind;   /* the choice before the one being made */

  guint allow_never : 1;
  guint has_custom : 1;
  guint filling : 1;

  GtkWidget *repeat_row;
  GtkWidget *end_row;
  GtkWidget *count_row;
  GtkWidget *count_spin;
  GtkWidget *until_row;
  GtkWidget *confirm_row;
  GtkWidget *confirm_switch;
  GtkWidget *preview_row;
  GtkWidget *rule_row; /* an occurrence's: its rule, next day, and a way to it */
  GtkWidget *edit_button;

  OutlayRepository *repository; /* whose rules changing redraws the rule row */
  OutlayExpense    *occurrence; /* the one shown, if written by a rule */
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayRepeatGroup, outlay_repeat_group, ADW_TYPE_PREFERENCES_GROUP)

/* The repetition of a preset, from the start day. */
static void
preset (OutlayRepeatGroup *self,
        Kind               kind,
        OutlayRecurrence  *r)
{
  switch (kind)
    {
    case KIND_WEEKLY:
      outlay_recurrence_init (r, OUTLAY_REPEAT_WEEKLY, 1, &self->start);
      break;
    case KIND_FORTNIGHTLY:
      outlay_recurrence_init (r, OUTLAY_REPEAT_WEEKLY, 2, &self->start);
      break;
    case KIND_MONTHLY_LAST:
      outlay_recurrence_init (r, OUTLAY_REPEAT_MONTHLY, 1, &self->start);
      r->monthly_on = OUTLAY_MONTHLY_LAST_DAY;
      break;
    case KIND_YEARLY:
      outlay_recurrence_init (r, OUTLAY_REPEAT_YEARLY, 1, &self->start);
      break;
    case KIND_CUSTOM:
      *r = self->custom;
      r->start = self->start;
      break;
    case KIND_MONTHLY_DAY:
    case KIND_NEVER:
    case KIND_CHOOSE_CUSTOM:
    default:
      outlay_recurrence_init (r, OUTLAY_REPEAT_MONTHLY, 1, &self->start);
      break;
    }
}

static gboolean
same_schedule (const OutlayRecurrence *a,
               const OutlayRecurrence *b)
{
  if (a->unit != b->unit || a->interval != b->interval || a->weekend != b->weekend)
    return FALSE;
  if (a->unit == OUTLAY_REPEAT_WEEKLY)
    return a->weekdays == b->weekdays;
  if (a->unit != OUTLAY_REPEAT_MONTHLY || a->monthly_on != b->monthly_on)
    return a->unit != OUTLAY_REPEAT_MONTHLY;
  if (a->monthly_on == OUTLAY_MONTHLY_ON_DAY)
    return a->month_day == b->month_day;
  if (a->monthly_on == OUTLAY_MONTHLY_ON_WEEKDAY)
    return a->week_number == b->week_number && a->weekday == b->weekday;
  return TRUE;
}

static Kind
selected_kind (OutlayRepeatGroup *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->repeat_row));

  if (i >= self->kinds->len)
    return self->allow_never ? KIND_NEVER : KIND_MONTHLY_DAY;
  return g_array_index (self->kinds, Kind, i);
}

static char *
describe (OutlayRepeatGroup *self,
          Kind               kind)
{
  OutlayRecurrence r;
  g_autofree char *words = NULL;

  switch (kind)
    {
    case KIND_NEVER:
      /* Translators: in the Repeat row: the expense happens once */
      return g_strdup (_("Never"));
    case KIND_CHOOSE_CUSTOM:
      /* Translators: in the Repeat row: opens the dialog for any repetition */
      return g_strdup (_("Custom…"));
    case KIND_WEEKLY:
    case KIND_FORTNIGHTLY:
    case KIND_MONTHLY_DAY:
    case KIND_MONTHLY_LAST:
    case KIND_YEARLY:
    case KIND_CUSTOM:
    default:
      preset (self, kind, &r);
      words = outlay_recurrence_describe (&r);
      return outlay_format_sentence (words);
    }
}

/* Refills the Repeat row for the start day, keeping what is chosen. */
static void
fill_choices (OutlayRepeatGroup *self,
              Kind               chosen)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->kinds, 0);
  for (Kind kind = KIND_NEVER; kind <= KIND_CHOOSE_CUSTOM; kind++)
    {
      g_autofree char *label = NULL;

      if ((kind == KIND_NEVER && !self->allow_never) || (kind == KIND_CUSTOM && !self->has_custom))
        continue;
      if (kind == chosen)
        selected = self->kinds->len;
      label = describe (self, kind);
      gtk_string_list_append (model, label);
      g_array_append_val (self->kinds, kind);
    }

  self->filling = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->repeat_row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->repeat_row), selected);
  self->filling = FALSE;
  self->kind = selected_kind (self);
}

/**
 * outlay_repeat_group_describe_next:
 * @today: the next days are those after it (and on or after the start)
 * @n: how many
 *
 * Returns: (transfer full): the next @n days of @recurrence in words, such as
 *   “Mon 1 June, Wed 1 July, Sat 1 August”, or that there are none
 */
char *
outlay_repeat_group_describe_next (const OutlayRecurrence *recurrence,
                                   const GDate            *today,
                                   guint                   n)
{
  g_autoptr (GArray) next = NULL;
  g_autoptr (GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  GDate from = *today;
  GDate to;

  g_return_val_if_fail (recurrence != NULL && today != NULL, NULL);

  g_date_add_days (&from, 1);
  if (g_date_compare (&recurrence->start, &from) > 0)
    from = recurrence->start;
  to = from;
  g_date_add_years (&to, MIN (recurrence->interval, 1000) * 4 + 1);
  next = outlay_recurrence_between (recurrence, &from, &to, n);
  if (next->len == 0)
    /* Translators: the Next row of a repetition that has ended */
    return g_strdup (_("None; it has ended"));

  for (guint i = 0; i < next->len; i++)
    {
      const GDate *day = &g_array_index (next, OutlayOccurrence, i).day;

      if (g_date_get_year (day) == g_date_get_year (today))
        /* Translators: a next day of a repetition, see strftime(3); e.g. "Mon 1 June" */
        g_ptr_array_add (days, outlay_format_date_with (day, _("%a %-d %B")));
      else
        /* Translators: a next day of a repetition in another year, see strftime(3); e.g. "Mon 1 June 2027" */
        g_ptr_array_add (days, outlay_format_date_with (day, _("%a %-d %B %Y")));
    }
  g_ptr_array_add (days, NULL);
  /* Translators: what separates the next days of a repetition: "Mon 1 June, Wed 1 July" */
  return g_strjoinv (_(", "), (char **) days->pdata);
}

static void
update (OutlayRepeatGroup *self)
{
  OutlayRecurrence r;
  gboolean         repeats = outlay_repeat_group_get_recurrence (self, &r);
  guint            end = adw_combo_row_get_selected (ADW_COMBO_ROW (self->end_row));

  gtk_widget_set_visible (self->end_row, repeats);
  gtk_widget_set_visible (self->count_row, repeats && end == END_COUNT);
  gtk_widget_set_visible (self->until_row, repeats && end == END_UNTIL);
  gtk_widget_set_visible (self->confirm_row, repeats);
  gtk_widget_set_visible (self->preview_row, repeats);
  if (repeats)
    {
      g_autoptr (GDate) today = outlay_date_new_today ();
      g_autofree char *next = outlay_repeat_group_describe_next (&r, today, 3);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->preview_row), next);
    }
}

static void
show_rows (OutlayRepeatGroup *self,
           gboolean           choosing)
{
  gtk_widget_set_visible (self->repeat_row, choosing);
  gtk_widget_set_visible (self->rule_row, !choosing);
  if (choosing)
    update (self);
  else
    {
      gtk_widget_set_visible (self->end_row, FALSE);
      gtk_widget_set_visible (self->count_row, FALSE);
      gtk_widget_set_visible (self->until_row, FALSE);
      gtk_widget_set_visible (self->confirm_row, FALSE);
      gtk_widget_set_visible (self->preview_row, FALSE);
    }
}

static void
changed (OutlayRepeatGroup *self)
{
  if (self->filling)
    return;
  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_custom_applied_cb (OutlayRepeatGroup      *self,
                      OutlayRepetitionDialog *dialog)
{
  outlay_repetition_dialog_get_recurrence (dialog, &self->custom);
  self->has_custom = TRUE;
  fill_choices (self, KIND_CUSTOM);
  changed (self);
}

/* The dialog closed without Done: back to what was chosen before. */
static void
on_custom_closed_cb (OutlayRepeatGroup *self)
{
  if (selected_kind (self) == KIND_CHOOSE_CUSTOM)
    fill_choices (self, self->kind);
}

/**
 * outlay_repeat_group_choose_custom:
 *
 * Opens the dialog for a custom repetition, from what is chosen now.
 */
void
outlay_repeat_group_choose_custom (OutlayRepeatGroup *self)
{
  OutlayRepetitionDialog *dialog;
  OutlayRecurrence        r;
  Kind                    kind;

  g_return_if_fail (OUTLAY_IS_REPEAT_GROUP (self));

  kind = self->kind == KIND_NEVER ? KIND_MONTHLY_DAY : self->kind;
  preset (self, kind, &r);
  dialog = outlay_repetition_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &r);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_custom_applied_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_custom_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_repeat_selected_cb (OutlayRepeatGroup *self)
{
  if (self->filling)
    return;
  if (selected_kind (self) == KIND_CHOOSE_CUSTOM)
    {
      outlay_repeat_group_choose_custom (self);
      return;
    }
  self->kind = selected_kind (self);
  changed (self);
}

static void
outlay_repeat_group_dispose (GObject *object)
{
  OutlayRepeatGroup *self = OUTLAY_REPEAT_GROUP (object);

  g_clear_object (&self->occurrence);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_repeat_group_parent_class)->dispose (object);
}

static void
outlay_repeat_group_finalize (GObject *object)
{
  OutlayRepeatGroup *self = OUTLAY_REPEAT_GROUP (object);

  g_array_unref (self->kinds);

  G_OBJECT_CLASS (outlay_repeat_group_parent_class)->finalize (object);
}

static void
outlay_repeat_group_class_init (OutlayRepeatGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_repeat_group_dispose;
  object_class->finalize = outlay_repeat_group_finalize;

  /**
   * OutlayRepeatGroup::changed:
   *
   * The repetition, its end or its mode changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
outlay_repeat_group_init (OutlayRepeatGroup *self)
{
  const char *end_choices[] = {
    /* Translators: a repetition's end: it never ends */
    _("Never"),
       /* Translators: a repetition's end */
       _("After a Number of Times"),
          /* Translators: a repetition's end */
          _("On a Day"),
             NULL,
       };
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *iso = outlay_date_format_iso (today);
  GtkWidget       *icon;

  self->kinds = g_array_new (FALSE, FALSE, sizeof (Kind));
  self->allow_never = TRUE;
  self->start = *today;

  self->repeat_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->repeat_row), _("_Repeat"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->repeat_row), TRUE);
  /* Under the title, where a long repetition wraps rather than shrinks. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->repeat_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->repeat_row);
  fill_choices (self, KIND_NEVER);
  g_signal_connect_swapped (self->repeat_row, "notify::selected", G_CALLBACK (on_repeat_selected_cb), self);

  self->end_row = outlay_form_combo_row_new (_("_Ends"), end_choices);
  g_signal_connect_swapped (self->end_row, "notify::selected", G_CALLBACK (changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->end_row);

  /* Translators: how many times a repeating expense happens in all */
  self->count_row = outlay_form_spin_row_new (_("_Times"), 1, 9999, &self->count_spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->count_spin), 12);
  g_signal_connect_swapped (self->count_spin, "value-changed", G_CALLBACK (changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->count_row);

  self->until_row = g_object_new (OUTLAY_TYPE_DATE_ROW, NULL);
  /* Translators: the last day on which a repeating expense may fall */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->until_row), _("_Last Day"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->until_row), TRUE);
  outlay_date_row_set_date (OUTLAY_DATE_ROW (self->until_row), iso);
  g_signal_connect_swapped (self->until_row, "changed", G_CALLBACK (changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->until_row);

  self->confirm_row = adw_action_row_new ();
  /* Translators: a switch: a repeating expense is added only once confirmed */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->confirm_row), _("_Ask Before Adding"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->confirm_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->confirm_row),
                               _("Each time shows as due on the Dashboard until you confirm or skip it"));
  self->confirm_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->confirm_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->confirm_switch), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->confirm_row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->confirm_row), self->confirm_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->confirm_row), self->confirm_switch);
  g_signal_connect_swapped (self->confirm_switch, "notify::active", G_CALLBACK (changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->confirm_row);

  self->preview_row = adw_action_row_new ();
  /* Translators: the row that lists the next days of a repeating expense */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row), _("Next"));
  gtk_widget_add_css_class (self->preview_row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->preview_row);

  self->rule_row = adw_action_row_new ();
  gtk_widget_add_css_class (self->rule_row, "property");
  icon = gtk_image_new_from_icon_name ("media-playlist-repeat-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->rule_row), icon);
  self->edit_button = gtk_button_new_with_mnemonic (_("_Edit Repetition"));
  gtk_widget_set_valign (self->edit_button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->rule_row), self->edit_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->rule_row);

  show_rows (self, TRUE);
}

GtkWidget *
outlay_repeat_group_new (void)
{
  return g_object_new (OUTLAY_TYPE_REPEAT_GROUP, NULL);
}

/**
 * outlay_repeat_group_set_start:
 * @start: the first day: the presets fall on its weekday, its day of the
 *   month or of the year
 */
void
outlay_repeat_group_set_start (OutlayRepeatGroup *self,
                               const GDate       *start)
{
  g_return_if_fail (OUTLAY_IS_REPEAT_GROUP (self));
  g_return_if_fail (start != NULL && g_date_valid (start));

  if (g_date_compare (start, &self->start) == 0)
    return;
  self->start = *start;
  if (self->has_custom)
    {
      /* A custom monthly day follows the start as the presets do. */
      self->custom.month_day = g_date_get_day (start);
      self->custom.weekday = g_date_get_weekday (start);
      if (self->custom.week_number > 0)
        self->custom.week_number = MIN ((g_date_get_day (start) - 1) / 7 + 1, 4);
      if (self->custom.unit == OUTLAY_REPEAT_WEEKLY && self->custom.weekdays == 0)
        self->custom.weekdays = OUTLAY_WEEKDAY_BIT (g_date_get_weekday (start));
    }
  fill_choices (self, self->kind);
  changed (self);
}

/**
 * outlay_repeat_group_set_allow_never:
 *
 * Whether "Never" is a choice: not for a recurring expense that exists.
 */
void
outlay_repeat_group_set_allow_never (OutlayRepeatGroup *self,
                                     gboolean           allow_never)
{
  g_return_if_fail (OUTLAY_IS_REPEAT_GROUP (self));

  self->allow_never = !!allow_never;
  fill_choices (self, !allow_never && self->kind == KIND_NEVER ? KIND_MONTHLY_DAY : self->kind);
  update (self);
}

gboolean
outlay_repeat_group_get_repeats (OutlayRepeatGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_REPEAT_GROUP (self), FALSE);

  return self->kind != KIND_NEVER;
}

/**
 * outlay_repeat_group_get_recurrence:
 * @recurrence: (out): the repetition chosen, with its end, from the start
 *
 * Returns: %FALSE when the expense does not repeat
 */
gboolean
outlay_repeat_group_get_recurrence (OutlayRepeatGroup *self,
                                    OutlayRecurrence  *recurrence)
{
  g_return_val_if_fail (OUTLAY_IS_REPEAT_GROUP (self), FALSE);
  g_return_val_if_fail (recurrence != NULL, FALSE);

  preset (self, self->kind, recurrence);
  switch (adw_combo_row_get_selected (ADW_COMBO_ROW (self->end_row)))
    {
    case END_COUNT:
      recurrence->end = OUTLAY_REPEAT_END_COUNT;
      recurrence->count = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->count_spin));
      break;
    case END_UNTIL:
      {
        g_autoptr (GDate) until = outlay_date_parse_iso (outlay_date_row_get_date (OUTLAY_DATE_ROW (self->until_row)));

        recurrence->end = OUTLAY_REPEAT_END_UNTIL;
        recurrence->until = until != NULL ? *until : self->start;
      }
      break;
    case END_NEVER:
    default:
      recurrence->end = OUTLAY_REPEAT_END_NEVER;
      break;
    }
  return self->kind != KIND_NEVER;
}

/**
 * outlay_repeat_group_set_recurrence:
 * @recurrence: (nullable): what to show; %NULL for an expense that does
 *   not repeat
 *
 * Shows @recurrence from its start: as a preset when it is one, else as
 * the custom repetition.
 */
void
outlay_repeat_group_set_recurrence (OutlayRepeatGroup      *self,
                                    const OutlayRecurrence *recurrence,
                                    OutlayRecurringMode     mode)
{
  Kind  kind = KIND_NEVER;
  guint end = END_NEVER;

  g_return_if_fail (OUTLAY_IS_REPEAT_GROUP (self));

  self->has_custom = FALSE;
  if (recurrence != NULL)
    {
      self->start = recurrence->start;
      for (kind = KIND_WEEKLY; kind <= KIND_YEARLY; kind++)
        {
          OutlayRecurrence r;

          preset (self, kind, &r);
          if (same_schedule (&r, recurrence))
            break;
        }
      if (kind > KIND_YEARLY)
        {
          self->custom = *recurrence;
          self->has_custom = TRUE;
          kind = KIND_CUSTOM;
        }
      if (recurrence->end == OUTLAY_REPEAT_END_COUNT)
        {
          end = END_COUNT;
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->count_spin), recurrence->count);
        }
      else if (recurrence->end == OUTLAY_REPEAT_END_UNTIL)
        {
          g_autofree char *until = outlay_date_format_iso (&recurrence->until);

          end = END_UNTIL;
          outlay_date_row_set_date (OUTLAY_DATE_ROW (self->until_row), until);
        }
    }
  else if (!self->allow_never)
    kind = KIND_MONTHLY_DAY;

  self->filling = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->end_row), end);
  gtk_switch_set_active (GTK_SWITCH (self->confirm_switch), mode == OUTLAY_RECURRING_CONFIRM);
  self->filling = FALSE;
  fill_choices (self, kind);
  update (self);
}

OutlayRecurringMode
outlay_repeat_group_get_mode (OutlayRepeatGroup *self)
{
  g_return_val_if_fail (OUTLAY_IS_REPEAT_GROUP (self), OUTLAY_RECURRING_AUTOMATIC);

  return gtk_switch_get_active (GTK_SWITCH (self->confirm_switch)) ? OUTLAY_RECURRING_CONFIRM
                                                                   : OUTLAY_RECURRING_AUTOMATIC;
}

static void on_rules_changed_cb (OutlayRepeatGroup *self);

/**
 * outlay_repeat_group_show_expense:
 * @expense: (nullable): the expense in the editor; %NULL for a new one
 *
 * For a new expense, the choice of a repetition; for one that a recurring
 * expense wrote, its repetition and next day, and the way to change them;
 * for any other, nothing.
 */
void
outlay_repeat_group_show_expense (OutlayRepeatGroup *self,
                                  OutlayRepository  *repository,
                                  OutlayExpense     *expense)
{
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_auto (OutlayPlannedExpense) next = { 0 };
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *words = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char      *rule_uuid;

  g_return_if_fail (OUTLAY_IS_REPEAT_GROUP (self));
  g_return_if_fail (OUTLAY_IS_REPOSITORY (repository));

  if (self->repository != repository)
    {
      if (self->repository != NULL)
        g_signal_handlers_disconnect_by_func (self->repository, on_rules_changed_cb, self);
      g_set_object (&self->repository, repository);
      g_signal_connect_object (repository, "recurring-changed", G_CALLBACK (on_rules_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  rule_uuid = expense != NULL ? outlay_expense_get_rule_uuid (expense) : NULL;
  if (expense != self->occurrence)
    g_set_object (&self->occurrence, (rule_uuid != NULL ? expense : NULL));
  gtk_widget_set_visible (GTK_WIDGET (self), expense == NULL || rule_uuid != NULL);
  if (expense == NULL)
    {
      outlay_repeat_group_set_recurrence (self, NULL, OUTLAY_RECURRING_AUTOMATIC);
      show_rows (self, TRUE);
      return;
    }
  if (rule_uuid == NULL)
    return;

  show_rows (self, FALSE);
  rule = outlay_repository_get_recurring_rule (repository, rule_uuid, NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", rule_uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "win.edit-recurring");
  gtk_widget_set_visible (self->edit_button, rule != NULL && outlay_recurring_rule_get_deleted_at (rule) == NULL);
  if (rule == NULL || outlay_recurring_rule_get_deleted_at (rule) != NULL)
    {
      /* Translators: the editor of an expense whose recurring expense was deleted */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rule_row), _("Added by a deleted recurring expense"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rule_row), NULL);
      return;
    }

  words = outlay_recurrence_describe (outlay_recurring_rule_get_recurrence (rule));
  title = outlay_format_sentence (words);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rule_row), title);
  if (outlay_recurring_rule_get_paused_at (rule) != NULL)
    /* Translators: under the repetition of a paused recurring expense */
    subtitle = g_strdup (_("Paused"));
  else if (outlay_repository_get_next_occurrence (repository, rule, today, &next, NULL))
    {
      g_autofree char *iso = outlay_date_format_iso (&next.occurrence.day);
      g_autofree char *day = outlay_format_day_heading (iso, today);

      /* Translators: under a recurring expense's repetition; %s is a day: "Next: Monday 31 May" */
      subtitle = g_strdup_printf (_("Next: %s"), day);
    }
  else
    /* Translators: under the repetition of a recurring expense that has ended */
    subtitle = g_strdup (_("Ended"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rule_row), subtitle);
}

/* Its repetition or next day may have changed. */
static void
on_rules_changed_cb (OutlayRepeatGroup *self)
{
  g_autoptr (OutlayExpense) occurrence = NULL;

  if (self->occurrence == NULL)
    return;
  occurrence = g_object_ref (self->occurrence);
  outlay_repeat_group_show_expense (self, self->repository, occurrence);
}

static gboolean
take_back_added (OutlayRepository *repository,
                 gpointer          uuid,
                 GError          **error)
{
  g_autoptr (OutlayRecurringRule) rule = outlay_repository_delete_recurring_rule (repository, uuid, TRUE, error);

  return rule != NULL;
}

/**
 * outlay_repeat_group_save:
 * @draft: the new expense as typed
 * @saved: (out): whether it was saved
 *
 * Saves @draft as a recurring expense that repeats as chosen: its rule, and
 * what it owes up to today. Offers Undo of both in the window.
 *
 * Returns: (transfer full) (nullable): the expense written for @draft's
 *   day when it has come; %NULL when it has not, or on error (@saved tells)
 */
OutlayExpense *
outlay_repeat_group_save (OutlayRepeatGroup *self,
                          OutlayRepository  *repository,
                          OutlayExpense     *draft,
                          gboolean          *saved,
                          GError           **error)
{
  g_autoptr (OutlayRecurringRule) rule = NULL;
  g_autoptr (GArray) written = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *words = NULL;
  g_autofree char *title = NULL;
  OutlayRecurrence r;
  char            *uuid;
  const char      *undone;

  g_return_val_if_fail (OUTLAY_IS_REPEAT_GROUP (self), NULL);
  g_return_val_if_fail (saved != NULL, NULL);

  *saved = FALSE;
  outlay_repeat_group_get_recurrence (self, &r);
  rule = outlay_repository_add_repeating_expense (repository, draft, &r, outlay_repeat_group_get_mode (self), today,
                                                  &written, error);
  if (rule == NULL)
    return NULL;
  *saved = TRUE;

  words = outlay_recurrence_describe (outlay_recurring_rule_get_recurrence (rule));
  /* Translators: a toast after saving a repeating expense: "Added “Rent”, monthly on day 1" */
  title = g_strdup_printf (_("Added “%s”, %s"), outlay_recurring_rule_get_description (rule), words);
  uuid = g_strdup (outlay_recurring_rule_get_uuid (rule));
  undone = _("Recurring expense removed");
  outlay_recurring_offer_undo (GTK_WIDGET (self), title, undone, take_back_added, uuid, g_free);

  return written->len > 0 ? outlay_repository_get_expense (repository, g_array_index (written, gint64, 0), NULL)
                          : NULL;
}
