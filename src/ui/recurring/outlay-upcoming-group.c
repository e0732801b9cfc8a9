/* outlay-upcoming-group.c
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

/* The Dashboard's recurring expenses: what the next 30 days will cost
 * ("€1,250.00 in the next 30 days", each currency apart), the occurrences
 * to confirm that are due, each with Confirm and Skip (and Confirm All
 * when there are several), then the next few to come, each with its day
 * and its repetition in words. A screen reader hears a row as one phrase.
 * The buttons name the group's actions, which write and offer Undo in
 * the window: upcoming.confirm and upcoming.skip, each with the rule's
 * uuid and the occurrence's scheduled day, and upcoming.confirm-all.
 * Hidden while no recurring expense has anything due or to come.
 *
 * Reading costs the rules, their exceptions and their own occurrences
 * (indexed by rule), never the rest of the ledger: it runs on the main
 * loop. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-date.h"
#include "outlay-form-rows.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-upcoming-group.h"
#include "outlay-window.h"

/* The occurrences to come that are listed. */
#define N_NEXT 5
/* How far ahead they are looked for when the next 30 days have fewer:
 * a yearly one falls within it. */
#define LOOK_AHEAD_DAYS 400

struct _OutlayUpcomingGroup
{
  GtkBox parent_instance;

  OutlayRepository *repository;
  guint             refresh_id;

  GtkWidget *total_label;
  GtkWidget *confirm_all_button;
  GtkWidget *due_list;
  GtkWidget *next_list;
};

G_DEFINE_FINAL_TYPE (OutlayUpcomingGroup, outlay_upcoming_group, GTK_TYPE_BOX)

static GArray *
new_planned_array (void)
{
  GArray *planned = g_array_new (FALSE, FALSE, sizeof (OutlayPlannedExpense));

  g_array_set_clear_func (planned, (GDestroyNotify) outlay_planned_expense_clear);
  return planned;
}

static void
append_planned (GArray                     *to,
                const OutlayPlannedExpense *planned)
{
  OutlayPlannedExpense copy = *planned;

  copy.rule = g_object_ref (planned->rule);
  g_array_append_val (to, copy);
}

/* “Due today”, “Due yesterday”, “Due Monday 1 June”, or in lower case
 * for a screen reader's phrase. */
static char *
describe_due (const GDate *day,
              const GDate *today,
              gboolean     spoken)
{
  g_autofree char *iso = outlay_date_format_iso (day);
  g_autofree char *words = NULL;
  int              days_ago = g_date_days_between (day, today);

  if (days_ago <= 0)
    /* Translators: an occurrence of a recurring expense to confirm */
    return g_strdup (spoken ? _("due today") : _("Due today"));
  if (days_ago == 1)
    /* Translators: an occurrence of a recurring expense to confirm */
    return g_strdup (spoken ? _("due yesterday") : _("Due yesterday"));

  words = outlay_format_day (iso, today);
  if (spoken)
    /* Translators: read by a screen reader: the day an occurrence to confirm was due, "due Monday 1 June" */
    return g_strdup_printf (_("due %s"), words);
  /* Translators: the day an occurrence to confirm was due, "Due Monday 1 June" */
  return g_strdup_printf (_("Due %s"), words);
}

/**
 * outlay_upcoming_group_speak:
 * @planned: an occurrence not written yet
 * @due: whether it is one to confirm that is due
 * @today: the day to count from
 *
 * Returns: (transfer full): the occurrence as one phrase for a screen
 *   reader, such as “Rent, 950 euros, monthly on day 1, next Monday 1
 *   January” or “Rent, 950 euros, monthly on day 1, due yesterday”
 */
char *
outlay_upcoming_group_speak (const OutlayPlannedExpense *planned,
                             gboolean                    due,
                             const GDate                *today)
{
  OutlayRecurringRule *rule = planned->rule;
  const char          *name = outlay_recurring_rule_get_description (rule);
  const char          *currency = outlay_recurring_rule_get_currency (rule);
  g_autofree char     *amount = outlay_format_amount_spoken (planned->amount, currency);
  g_autofree char     *repeats = outlay_recurrence_describe (outlay_recurring_rule_get_recurrence (rule));
  g_autofree char     *iso = NULL;
  g_autofree char     *day = NULL;

  if (due)
    {
      day = describe_due (&planned->occurrence.day, today, TRUE);
      /* Translators: an occurrence to confirm, read by a screen reader: description, amount, repetition, "due
       * yesterday" */
      return g_strdup_printf (_("%s, %s, %s, %s"), name, amount, repeats, day);
    }

  iso = outlay_date_format_iso (&planned->occurrence.day);
  day = outlay_format_day (iso, today);
  /* Translators: an occurrence to come, read by a screen reader: description, amount, repetition, its day: "Rent,
   * 950 euros, monthly on day 1, next Monday 1 January" */
  return g_strdup_printf (_("%s, %s, %s, next %s"), name, amount, repeats, day);
}

/* Confirm or Skip, named with the expense they act on. */
static GtkWidget *
new_button (const char *label,
            const char *spoken,
            const char *action,
            GVariant   *target,
            const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_add_css_class (button, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return button;
}

static GtkWidget *
new_due_buttons (const OutlayPlannedExpense *planned)
{
  const char      *description = outlay_recurring_rule_get_description (planned->rule);
  g_autofree char *scheduled = outlay_date_format_iso (&planned->occurrence.scheduled);
  /* Translators: the name a screen reader gives a button that confirms a recurring expense: "Confirm Rent" */
  g_autofree char *confirm_name = g_strdup_printf (_("Confirm %s"), description);
  /* Translators: the name a screen reader gives a button that skips a recurring expense once: "Skip Rent" */
  g_autofree char *skip_name = g_strdup_printf (_("Skip %s"), description);
  GtkWidget       *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GVariant        *target;

  target = g_variant_ref_sink (g_variant_new ("(ss)", outlay_recurring_rule_get_uuid (planned->rule), scheduled));
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  /* Translators: a button that leaves one occurrence of a recurring expense out */
  gtk_box_append (GTK_BOX (buttons), new_button (_("Skip"), skip_name, "upcoming.skip", target, "flat"));
  /* Translators: a button that writes a due occurrence of a recurring expense as an expense */
  gtk_box_append (GTK_BOX (buttons),
                  new_button (_("Confirm"), confirm_name, "upcoming.confirm", target, "suggested-action"));
  g_variant_unref (target);
  return buttons;
}

/* Description and amount, then the day and the repetition in words; a
 * due one has its buttons below. */
static GtkWidget *
new_row (const OutlayPlannedExpense *planned,
         gboolean                    due,
         const GDate                *today)
{
  OutlayRecurringRule *rule = planned->rule;
  const char          *currency = outlay_recurring_rule_get_currency (rule);
  g_autofree char     *amount = outlay_money_format_expense (planned->amount, currency);
  g_autofree char     *repeats = outlay_recurrence_describe (outlay_recurring_rule_get_recurrence (rule));
  g_autofree char     *day = due ? describe_due (&planned->occurrence.day, today, FALSE)
                                 : outlay_format_day_ahead (&planned->occurrence.day, today);
  /* Translators: when a recurring expense falls and how it repeats: "Tomorrow · monthly on day 1" */
  g_autofree char *detail = g_strdup_printf (_("%s · %s"), day, repeats);
  g_autofree char *spoken = outlay_upcoming_group_speak (planned, due, today);
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* The phrase says that it repeats. */
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "media-playlist-repeat-symbolic", "accessible-role",
                                  GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (line), icon);

  gtk_box_append (GTK_BOX (box), outlay_form_name_amount_new (outlay_recurring_rule_get_description (rule),
                                                              amount != NULL ? amount : currency));
  gtk_box_append (GTK_BOX (box), outlay_form_label_new (detail, "caption", 0));
  if (due)
    gtk_box_append (GTK_BOX (box), new_due_buttons (planned));
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (line), box);
  gtk_widget_add_css_class (line, "upcoming-row");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return row;
}

static gint
compare_totals (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const OutlayCurrencyTotal *) a)->currency, ((const OutlayCurrencyTotal *) b)->currency);
}

/* “€1,250.00 in the next 30 days”, “€950.00 + $12.00 in the next 30
 * days”. */
static char *
describe_total (GArray *planned)
{
  g_autoptr (GArray) totals = g_array_new (FALSE, TRUE, sizeof (OutlayCurrencyTotal));
  g_autofree char *amounts = NULL;

  for (guint i = 0; i < planned->len; i++)
    {
      const OutlayPlannedExpense *item = &g_array_index (planned, OutlayPlannedExpense, i);
      const char                 *currency = outlay_recurring_rule_get_currency (item->rule);
      OutlayCurrencyTotal        *total = NULL;

      for (guint j = 0; j < totals->len && total == NULL; j++)
        if (g_str_equal (g_array_index (totals, OutlayCurrencyTotal, j).currency, currency))
          total = &g_array_index (totals, OutlayCurrencyTotal, j);
      if (total == NULL)
        {
          g_array_set_size (totals, totals->len + 1);
          total = &g_array_index (totals, OutlayCurrencyTotal, totals->len - 1);
          g_strlcpy (total->currency, currency, sizeof total->currency);
        }
      total->total += item->amount;
      total->count++;
    }

  if (totals->len == 0)
    /* Translators: the total of the recurring expenses of the days ahead, when none falls in them */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Nothing in the next %u day", "Nothing in the next %u days",
                                         OUTLAY_UPCOMING_DAYS),
                            OUTLAY_UPCOMING_DAYS);

  g_array_sort (totals, compare_totals);
  amounts = outlay_format_totals (totals, NULL);
  /* Translators: what the recurring expenses of the days ahead add up to: "€1,250.00 in the next 30 days" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in the next %u day", "%s in the next %u days",
                                       OUTLAY_UPCOMING_DAYS),
                          amounts, OUTLAY_UPCOMING_DAYS);
}

/* The first N_NEXT to come: those of the next 30 days, then of the months
 * after. */
static GArray *
read_next (OutlayUpcomingGroup *self,
           GArray              *soon,
           const GDate         *today,
           GError             **error)
{
  g_autoptr (GArray) next = new_planned_array ();
  g_autoptr (GArray) later = NULL;
  GDate from = *today;
  GDate to = *today;

  for (guint i = 0; i < soon->len && next->len < N_NEXT; i++)
    append_planned (next, &g_array_index (soon, OutlayPlannedExpense, i));
  if (next->len == N_NEXT)
    return g_steal_pointer (&next);

  g_date_add_days (&from, OUTLAY_UPCOMING_DAYS + 1);
  g_date_add_days (&to, LOOK_AHEAD_DAYS);
  if (!(later = outlay_repository_list_upcoming (self->repository, &from, &to, error)))
    return NULL;
  for (guint i = 0; i < later->len && next->len < N_NEXT; i++)
    append_planned (next, &g_array_index (later, OutlayPlannedExpense, i));
  return g_steal_pointer (&next);
}

/* Whether the keyboard focus is in the group, on a button that a refresh
 * is about to take away. */
static gboolean
has_focus_within (OutlayUpcomingGroup *self)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

/**
 * outlay_upcoming_group_refresh:
 * @today: the day to count from
 *
 * Reads what is due and what comes after @today.
 */
void
outlay_upcoming_group_refresh (OutlayUpcomingGroup *self,
                               const GDate         *today)
{
  g_autoptr (GArray) due = NULL;
  g_autoptr (GArray) soon = NULL;
  g_autoptr (GArray) next = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *total = NULL;
  GDate            tomorrow = *today;
  GDate            last = *today;
  gboolean         had_focus;

  g_return_if_fail (OUTLAY_IS_UPCOMING_GROUP (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  had_focus = has_focus_within (self);
  clear_list (self->due_list);
  clear_list (self->next_list);

  /* Today's are written today, or due: what comes is from tomorrow. */
  g_date_add_days (&tomorrow, 1);
  g_date_add_days (&last, OUTLAY_UPCOMING_DAYS);
  if (self->repository == NULL || !(due = outlay_repository_list_due (self->repository, today, &error)) ||
      !(soon = outlay_repository_list_upcoming (self->repository, &tomorrow, &last, &error)) ||
      !(next = read_next (self, soon, today, &error)))
    {
      if (error != NULL && !g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
        g_warning ("Could not read the recurring expenses: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  for (guint i = 0; i < due->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->due_list), new_row (&g_array_index (due, OutlayPlannedExpense, i), TRUE,
                                                                 today));
  for (guint i = 0; i < next->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->next_list),
                         new_row (&g_array_index (next, OutlayPlannedExpense, i), FALSE, today));

  total = describe_total (soon);
  gtk_label_set_label (GTK_LABEL (self->total_label), total);
  gtk_widget_set_visible (self->due_list, due->len > 0);
  gtk_widget_set_visible (self->next_list, next->len > 0);
  gtk_widget_set_visible (self->confirm_all_button, due->len > 1);
  gtk_widget_set_visible (GTK_WIDGET (self), due->len > 0 || next->len > 0);

  /* After a Confirm or Skip, the keyboard goes on from the next row
   * rather than from the top of the window. */
  if (had_focus && !gtk_widget_child_focus (self->due_list, GTK_DIR_TAB_FORWARD))
    gtk_widget_child_focus (self->next_list, GTK_DIR_TAB_FORWARD);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  OutlayUpcomingGroup *self = user_data;
  g_autoptr (GDate) today = outlay_date_new_today ();

  self->refresh_id = 0;
  outlay_upcoming_group_refresh (self, today);
  return G_SOURCE_REMOVE;
}

/* A confirm or skip, a rule changed, here or by another program: once,
 * however many changes came in one main-loop iteration. */
static void
on_recurring_changed_cb (OutlayUpcomingGroup *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

void
outlay_upcoming_group_set_repository (OutlayUpcomingGroup *self,
                                      OutlayRepository    *repository)
{
  g_return_if_fail (OUTLAY_IS_UPCOMING_GROUP (self));

  if (self->repository != NULL)
    g_signal_handlers_disconnect_by_func (self->repository, on_recurring_changed_cb, self);
  g_set_object (&self->repository, repository);
  if (repository != NULL)
    g_signal_connect_object (repository, "recurring-changed", G_CALLBACK (on_recurring_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/* Occurrences confirmed: the ids of their expenses, taken back from the
 * last, so that what another program interrupted goes on at the next try. */
static gboolean
take_back_confirmed (OutlayRepository *repository,
                     gpointer          data,
                     GError          **error)
{
  GArray *ids = data;

  while (ids->len > 0)
    {
      if (!outlay_repository_take_back_confirmation (repository, g_array_index (ids, gint64, ids->len - 1), error))
        return FALSE;
      g_array_set_size (ids, ids->len - 1);
    }
  return TRUE;
}

typedef struct
{
  char *rule_uuid;
  GDate scheduled;
} Skipped;

static void
skipped_free (gpointer data)
{
  Skipped *skipped = data;

  g_free (skipped->rule_uuid);
  g_free (skipped);
}

static gboolean
restore_skipped (OutlayRepository *repository,
                 gpointer          data,
                 GError          **error)
{
  Skipped *skipped = data;

  return outlay_repository_restore_occurrence (repository, skipped->rule_uuid, &skipped->scheduled, error);
}

static void
unref_array (gpointer array)
{
  g_array_unref (array);
}

/* The window that says what was done, with Undo; none in a test of the
 * group alone. */
static OutlayWindow *
get_window (OutlayUpcomingGroup *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), OUTLAY_TYPE_WINDOW);

  return window != NULL ? OUTLAY_WINDOW (window) : NULL;
}

static void
show_error (OutlayUpcomingGroup *self,
            const GError        *error)
{
  OutlayWindow *window = get_window (self);

  if (window != NULL)
    outlay_window_show_error (window, error);
  else
    g_message ("Could not write the recurring expense: %s", error->message);
}

static void
offer_undo_confirmed (OutlayUpcomingGroup *self,
                      const char          *title,
                      const char          *undone,
                      GArray              *ids)
{
  OutlayWindow *window = get_window (self);

  if (window != NULL)
    outlay_window_push_undo (window, title, undone, take_back_confirmed, g_array_ref (ids), unref_array);
}

/* The rule's uuid and the scheduled day a button names. */
static gboolean
parse_target (GVariant    *parameter,
              const char **rule_uuid,
              GDate       *scheduled)
{
  const char *day;
  g_autoptr (GDate) date = NULL;

  g_variant_get (parameter, "(&s&s)", rule_uuid, &day);
  if (!(date = outlay_date_parse_iso (day)))
    {
      g_critical ("Not a day: “%s”", day);
      return FALSE;
    }
  *scheduled = *date;
  return TRUE;
}

static char *
dup_description (OutlayUpcomingGroup *self,
                 const char          *rule_uuid)
{
  g_autoptr (OutlayRecurringRule) rule = outlay_repository_get_recurring_rule (self->repository, rule_uuid, NULL);

  return g_strdup (rule != NULL ? outlay_recurring_rule_get_description (rule) : "");
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OutlayUpcomingGroup *self = OUTLAY_UPCOMING_GROUP (widget);
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  g_autofree char *undone = NULL;
  const char      *rule_uuid;
  GDate            scheduled;
  gint64           id;

  if (self->repository == NULL || !parse_target (parameter, &rule_uuid, &scheduled))
    return;

  description = dup_description (self, rule_uuid);
  if (!(id = outlay_repository_confirm_occurrence (self->repository, rule_uuid, &scheduled, today, &error)))
    {
      /* Without an error, another program wrote it a moment ago. */
      if (error != NULL)
        show_error (self, error);
      return;
    }

  g_array_append_val (ids, id);
  /* Translators: a toast after a due occurrence of a recurring expense was written: its description */
  title = g_strdup_printf (_("Confirmed “%s”"), description);
  /* Translators: a toast once a confirmed or skipped occurrence of a recurring expense is brought back */
  undone = g_strdup_printf (_("“%s” is due again"), description);
  offer_undo_confirmed (self, title, undone, ids);
}

/* The day the occurrence fell on, for the toast: a weekend may have moved
 * it from the scheduled one. */
static GDate
find_day (OutlayUpcomingGroup *self,
          const char          *rule_uuid,
          const GDate         *scheduled,
          const GDate         *today)
{
  g_autoptr (GArray) due = outlay_repository_list_due (self->repository, today, NULL);

  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      const OutlayPlannedExpense *planned = &g_array_index (due, OutlayPlannedExpense, i);

      if (g_str_equal (outlay_recurring_rule_get_uuid (planned->rule), rule_uuid) &&
          g_date_compare (&planned->occurrence.scheduled, scheduled) == 0)
        return planned->occurrence.day;
    }
  return *scheduled;
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayUpcomingGroup *self = OUTLAY_UPCOMING_GROUP (widget);
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *undone = NULL;
  OutlayWindow    *window;
  Skipped         *skipped;
  const char      *rule_uuid;
  GDate            scheduled;
  GDate            day;

  if (self->repository == NULL || !parse_target (parameter, &rule_uuid, &scheduled))
    return;

  description = dup_description (self, rule_uuid);
  day = find_day (self, rule_uuid, &scheduled, today);
  if (!outlay_repository_skip_occurrence (self->repository, rule_uuid, &scheduled, today, &error))
    {
      show_error (self, error);
      return;
    }
  if (!(window = get_window (self)))
    return;

  /* Translators: the day of a skipped occurrence in a toast, see strftime(3); e.g. the "1 June" of "Skipped “Rent”
   * on 1 June" */
  day_text = outlay_format_date_with (&day, _("%-d %B"));
  /* Translators: a toast after one occurrence of a recurring expense was left out: its description, its day */
  title = g_strdup_printf (_("Skipped “%s” on %s"), description, day_text);
  undone = g_strdup_printf (_("“%s” is due again"), description);
  skipped = g_new0 (Skipped, 1);
  skipped->rule_uuid = g_strdup (rule_uuid);
  skipped->scheduled = scheduled;
  outlay_window_push_undo (window, title, undone, restore_skipped, skipped, skipped_free);
}

/* Every one that is due, in one change: all of them, or none. */
static void
confirm_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OutlayUpcomingGroup *self = OUTLAY_UPCOMING_GROUP (widget);
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *undone = NULL;

  if (self->repository == NULL)
    return;
  if (!(ids = outlay_repository_confirm_due (self->repository, today, &error)))
    {
      show_error (self, error);
      return;
    }
  if (ids->len == 0)
    return;

  /* Translators: a toast after every due occurrence of the recurring expenses to confirm was written */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Confirmed %u recurring expense",
                                        "Confirmed %u recurring expenses", ids->len),
                           ids->len);
  /* Translators: a toast once confirmed recurring expenses are taken back */
  undone = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recurring expense is due again",
                                         "%u recurring expenses are due again", ids->len),
                            ids->len);
  offer_undo_confirmed (self, title, undone, ids);
}

static void
outlay_upcoming_group_dispose (GObject *object)
{
  OutlayUpcomingGroup *self = OUTLAY_UPCOMING_GROUP (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_upcoming_group_parent_class)->dispose (object);
}

static void
outlay_upcoming_group_class_init (OutlayUpcomingGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = outlay_upcoming_group_dispose;

  gtk_widget_class_install_action (widget_class, "upcoming.confirm", "(ss)", confirm_action);
  gtk_widget_class_install_action (widget_class, "upcoming.skip", "(ss)", skip_action);
  gtk_widget_class_install_action (widget_class, "upcoming.confirm-all", NULL, confirm_all_action);
}

static GtkWidget *
new_list (GtkWidget *heading)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  return list;
}

static void
outlay_upcoming_group_init (OutlayUpcomingGroup *self)
{
  /* Translators: the heading of the recurring expenses to come, on the Dashboard */
  GtkWidget *heading = outlay_form_label_new (_("Upcoming"), "heading", 0);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  gtk_box_append (GTK_BOX (titles), heading);
  self->total_label = outlay_form_label_new (NULL, "caption", 0);
  gtk_widget_add_css_class (self->total_label, "dim-label");
  gtk_widget_add_css_class (self->total_label, "numeric");
  gtk_box_append (GTK_BOX (titles), self->total_label);
  gtk_box_append (GTK_BOX (self), titles);

  self->due_list = new_list (heading);
  gtk_box_append (GTK_BOX (self), self->due_list);
  /* Below what it confirms, where large text on a phone leaves it room. */
  /* Translators: a button that writes every due occurrence of the recurring expenses to confirm */
  self->confirm_all_button = gtk_button_new_with_mnemonic (_("_Confirm All"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->confirm_all_button), "upcoming.confirm-all");
  gtk_widget_set_halign (self->confirm_all_button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (self), self->confirm_all_button);
  self->next_list = new_list (heading);
  gtk_box_append (GTK_BOX (self), self->next_list);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
outlay_upcoming_group_new (void)
{
  return g_object_new (OUTLAY_TYPE_UPCOMING_GROUP, NULL);
}
