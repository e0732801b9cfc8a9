/* outlay-apply-rules-dialog.c
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

/* "Apply Rules to Existing Expenses": which expenses (those in the
 * fallback category, or all), then a preview planned in a worker with its
 * progress and Cancel: how many expenses each rule changes and the first
 * of the changes. Apply writes the plan in one transaction, in a worker on
 * a connection of its own with its progress and Cancel (which changes
 * nothing), and hands the applied changes over (::applied) for the Undo of
 * the window's toast. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-apply-rules-dialog.h"
#include "outlay-form-rows.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-rule-row.h"
#include "outlay-toasts.h"

/* The changes listed in the preview. */
#define N_CHANGES_SHOWN 50

/* Shared with the worker: its progress, read on the main loop. */
typedef struct
{
  OutlayRuleSet *set;
  gboolean       only_fallback;
  gint64         fallback_id;
  int            done;
  int            total;
} Work;

struct _OutlayApplyRulesDialog
{
  AdwWindow parent_instance;

  OutlayRepository *repository;
  OutlayReader     *reader;
  OutlayRulesPlan  *plan;
  Work             *work;
  GCancellable     *cancellable;
  guint             progress_source;
  gboolean          writing;

  AdwToastOverlay *toasts;
  GtkWidget       *cancel_button;
  GtkWidget       *accept_button;
  GtkWidget       *preview_button;
  GtkWidget       *stack;
  GtkWidget       *only_check;
  GtkWidget       *all_check;
  GtkWidget       *progress_label;
  GtkWidget       *progress_bar;
  GtkWidget       *summary;
  GtkWidget       *counts_group;
  GtkWidget       *changes_group;
  GtkWidget       *nothing_page;
};

enum
{
  APPLIED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayApplyRulesDialog, outlay_apply_rules_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static void
work_clear (gpointer data)
{
  Work *work = data;

  g_clear_pointer (&work->set, outlay_rule_set_unref);
}

static void
work_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, work_clear);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Work *work = user_data;

  g_atomic_int_set (&work->done, (int) MIN (done, G_MAXINT));
  g_atomic_int_set (&work->total, (int) MIN (total, G_MAXINT));
}

static gpointer
plan_thread (OutlayRepository *repository,
             gpointer          data,
             GCancellable     *cancellable,
             GError          **error)
{
  Work *work = data;

  return outlay_repository_plan_rules (repository, work->set, work->only_fallback, work->fallback_id, progress_cb,
                                       work, cancellable, error);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  OutlayApplyRulesDialog *self = user_data;
  int                     done = g_atomic_int_get (&self->work->done);
  int                     total = g_atomic_int_get (&self->work->total);

  if (total > 0)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), (double) done / total);
  else
    gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress_bar));
  return G_SOURCE_CONTINUE;
}

static void
stop_planning (OutlayApplyRulesDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->work, work_release);
}

/* The progress of a plan or an apply, which runs in a worker. */
static void
show_progress (OutlayApplyRulesDialog *self,
               const char             *title)
{
  g_autofree char *name = g_strdup (title);

  gtk_label_set_label (GTK_LABEL (self->progress_label), title);
  /* Its name, without the ellipsis. */
  if (g_str_has_suffix (name, "…"))
    name[strlen (name) - strlen ("…")] = '\0';
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "planning");
  gtk_widget_set_visible (self->accept_button, FALSE);
  self->progress_source = g_timeout_add (100, update_progress_cb, self);
}

static void
show_choice (OutlayApplyRulesDialog *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "choose");
  gtk_widget_set_visible (self->accept_button, FALSE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->preview_button);
}

static void
clear_group (GtkWidget *group,
             GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
  GPtrArray       *rows = g_object_get_data (G_OBJECT (group), "rows");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (rows, row);
  return row;
}

static char *
category_path (OutlayApplyRulesDialog *self,
               gint64                  id)
{
  OutlayCategory *category = outlay_repository_lookup_category (self->repository, id);

  return category != NULL ? outlay_repository_dup_category_path (self->repository, category)
                          : g_strdup (_("No Category"));
}

/* "Bäckerei Schmidt: Other → Groceries", "“SQ *ROASTERY…” → “Roastery”" */
static void
add_change_row (OutlayApplyRulesDialog *self,
                const OutlayRuleChange *change)
{
  g_autofree char *old_path = category_path (self, change->old_category_id);
  g_autofree char *new_path = category_path (self, change->new_category_id);
  g_autofree char *day = outlay_format_date (change->date);
  g_autofree char *amount = outlay_money_format_expense (change->amount, change->currency);
  g_autoptr (GString) subtitle = g_string_new (NULL);
  gboolean renamed = g_strcmp0 (change->old_description, change->new_description) != 0;

  g_string_append_printf (subtitle, "%s · %s · ", day, amount);

  if (change->old_category_id != change->new_category_id)
    g_string_append_printf (subtitle, "%s → %s", old_path, new_path);
  if (renamed)
    {
      if (change->old_category_id != change->new_category_id)
        g_string_append (subtitle, " · ");
      /* Translators: a description a rule changes */
      g_string_append_printf (subtitle, _("renamed “%s”"), change->new_description);
    }
  add_row (self->changes_group, change->old_description, subtitle->str);
}

static void
show_plan (OutlayApplyRulesDialog *self)
{
  OutlayRulesPlan *plan = self->plan;
  guint            n = plan->changes->len;
  g_autofree char *summary = NULL;

  clear_group (self->counts_group, g_object_get_data (G_OBJECT (self->counts_group), "rows"));
  clear_group (self->changes_group, g_object_get_data (G_OBJECT (self->changes_group), "rows"));

  if (n == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "nothing");
      gtk_label_set_label (GTK_LABEL (self->summary), _("No expense would change."));
      gtk_widget_set_visible (self->accept_button, FALSE);
      return;
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expense will change.", "%u expenses will change.", n),
                             n);
  gtk_label_set_label (GTK_LABEL (self->summary), summary);

  for (guint i = 0; i < plan->rules->len; i++)
    {
      guint            count = g_array_index (plan->counts, guint, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (count == 0)
        continue;
      title = outlay_rule_describe_condition (g_ptr_array_index (plan->rules, i));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Changes %u expense", "Changes %u expenses", count),
                                  count);
      add_row (self->counts_group, title, subtitle);
    }
  for (guint i = 0; i < MIN (n, N_CHANGES_SHOWN); i++)
    add_change_row (self, &g_array_index (plan->changes, OutlayRuleChange, i));
  if (n > N_CHANGES_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The first %u of %u changes",
                                                            "The first %u of %u changes", n),
                                               N_CHANGES_SHOWN, n);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->changes_group), more);
    }
  else
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->changes_group), NULL);
    }

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "preview");
  gtk_button_set_label (GTK_BUTTON (self->accept_button), _("_Apply"));
  gtk_widget_set_sensitive (self->accept_button, TRUE);
  gtk_widget_set_visible (self->accept_button, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->accept_button);
}

/* A plan asked for: one cancelled may still end well, after a newer one
 * began, and is then dropped. */
typedef struct
{
  OutlayApplyRulesDialog *self;
  GCancellable           *cancellable;
} Pending;

static void
on_plan_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr (OutlayApplyRulesDialog) self = pending->self;
  g_autoptr (GCancellable) cancellable = pending->cancellable;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayRulesPlan) plan = outlay_reader_run_finish (OUTLAY_READER (source), result, &error);

  g_free (pending);
  if (cancellable != self->cancellable)
    return;
  stop_planning (self);
  if (plan == NULL)
    {
      show_choice (self);
      outlay_toasts_add_error (self->toasts, error->message);
      return;
    }
  g_clear_pointer (&self->plan, outlay_rules_plan_unref);
  self->plan = g_steal_pointer (&plan);
  show_plan (self);
}

/**
 * outlay_apply_rules_dialog_preview:
 *
 * Plans the rules in a worker, as Preview does.
 */
void
outlay_apply_rules_dialog_preview (OutlayApplyRulesDialog *self)
{
  g_autoptr (GError) error = NULL;
  OutlayRuleSet  *set;
  OutlayCategory *fallback;
  Pending        *pending;

  g_return_if_fail (OUTLAY_IS_APPLY_RULES_DIALOG (self));

  stop_planning (self);
  if (!(set = outlay_repository_dup_rule_set (self->repository, &error)))
    {
      outlay_toasts_add_error (self->toasts, error->message);
      return;
    }
  fallback = outlay_repository_get_fallback_category (self->repository);
  self->work = g_atomic_rc_box_new0 (Work);
  self->work->set = set;
  self->work->only_fallback = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->only_check));
  self->work->fallback_id = fallback != NULL ? outlay_category_get_id (fallback) : 0;
  self->cancellable = g_cancellable_new ();

  show_progress (self, _("Looking at the expenses…"));
  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->cancellable = g_object_ref (self->cancellable);
  outlay_reader_run_async (self->reader, plan_thread, g_atomic_rc_box_acquire (self->work), work_release,
                           (GDestroyNotify) outlay_rules_plan_unref, self->cancellable, on_plan_done_cb, pending);
}

typedef struct
{
  OutlayApplyRulesDialog *self;
  Work                   *work;
  GApplication           *application;
} Applying;

static void
on_applied_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Applying *applying = user_data;
  g_autoptr (OutlayApplyRulesDialog) self = applying->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayRulesPlan) applied = NULL;

  applied = outlay_repository_apply_rules_plan_finish (OUTLAY_REPOSITORY (source), result, &error);
  work_release (applying->work);
  if (applying->application != NULL)
    {
      g_application_release (applying->application);
      g_object_unref (applying->application);
    }
  g_free (applying);

  self->writing = FALSE;
  stop_planning (self);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  if (applied != NULL)
    {
      g_signal_emit (self, signals[APPLIED], 0, applied);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* Stopped or failed, nothing changed: the preview is back as it was. */
  show_plan (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toasts, outlay_toasts_new (_("Nothing was changed")));
  else
    outlay_toasts_add_error (self->toasts, error->message);
}

/**
 * outlay_apply_rules_dialog_apply:
 *
 * Writes the previewed plan in a worker, as Apply does: on success the
 * dialog emits ::applied and closes; stopped or failed, it shows the
 * preview again.
 */
void
outlay_apply_rules_dialog_apply (OutlayApplyRulesDialog *self)
{
  Applying *applying;

  g_return_if_fail (OUTLAY_IS_APPLY_RULES_DIALOG (self));
  g_return_if_fail (self->plan != NULL && !self->writing);

  stop_planning (self);
  self->work = g_atomic_rc_box_new0 (Work);
  self->cancellable = g_cancellable_new ();
  self->writing = TRUE;
  /* Translators: while the rules change the expenses */
  show_progress (self, _("Filing the expenses…"));

  applying = g_new0 (Applying, 1);
  applying->self = g_object_ref (self);
  applying->work = g_atomic_rc_box_acquire (self->work);
  /* Closing the last window does not end the process before the write. */
  applying->application = g_application_get_default ();
  if (applying->application != NULL)
    g_application_hold (g_object_ref (applying->application));
  outlay_repository_apply_rules_plan_async (self->repository, self->plan, progress_cb, applying->work,
                                            self->cancellable, on_applied_cb, applying);
}

static void
on_accept_clicked_cb (OutlayApplyRulesDialog *self)
{
  if (self->plan != NULL && g_str_equal (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "preview"))
    {
      outlay_apply_rules_dialog_apply (self);
      return;
    }
  outlay_apply_rules_dialog_preview (self);
}

/* Cancel stops a preview or an apply running; otherwise it closes. An
 * apply stops between two chunks, and changes nothing then. */
static void
on_cancel_clicked_cb (OutlayApplyRulesDialog *self)
{
  if (self->writing)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_sensitive (self->cancel_button, FALSE);
      return;
    }
  if (self->cancellable != NULL)
    {
      stop_planning (self);
      show_choice (self);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_choice_toggled_cb (OutlayApplyRulesDialog *self)
{
  if (self->plan != NULL)
    g_clear_pointer (&self->plan, outlay_rules_plan_unref);
}

/* A group whose rows are replaced with each preview. */
static GtkWidget *
new_group (GtkWidget  *page,
           const char *title,
           const char *description)
{
  GtkWidget *group = outlay_form_group_new (page, title, description);

  g_object_set_data_full (G_OBJECT (group), "rows", g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
  return group;
}

static GtkWidget *
new_choice (GtkWidget  *group,
            const char *title,
            const char *subtitle,
            GtkWidget  *same_group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (same_group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (same_group));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return check;
}

static void
build (OutlayApplyRulesDialog *self)
{
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget       *header = adw_header_bar_new ();
  GtkWidget       *page = adw_preferences_page_new ();
  GtkWidget       *planning = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget       *label;
  GtkWidget       *group;
  OutlayCategory  *fallback = outlay_repository_get_fallback_category (self->repository);
  g_autofree char *only = NULL;
  g_autofree char *only_subtitle = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Apply Rules"));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  /* Only Apply is in the header: Cancel, the title and Preview would not
   * fit a phone with large text. */
  self->accept_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (self->accept_button, "suggested-action");
  g_signal_connect_swapped (self->accept_button, "clicked", G_CALLBACK (on_accept_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->accept_button);
  /* A title that gives way down to the ellipsis, for text scale 2 on a
   * phone. */
  label = gtk_label_new (_("Apply Rules"));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), label);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  adw_toast_overlay_set_child (self->toasts, self->stack);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);

  /* Which expenses */
  group = new_group (page, NULL, _("The rules are tried in their order; the first that matches an expense files "
                                   "it. Nothing changes before you apply the preview."));
  /* Translators: %s is the fallback category, “Other” */
  only = g_strdup_printf (_("_Only Expenses in %s"), fallback != NULL ? outlay_category_get_name (fallback) : "");
  only_subtitle = g_strdup (_("Files what is not filed yet"));
  self->only_check = new_choice (group, only, only_subtitle, NULL);
  self->all_check = new_choice (group, _("_All Expenses"), _("May move expenses you filed yourself"),
                                self->only_check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->only_check), TRUE);
  g_signal_connect_swapped (self->only_check, "toggled", G_CALLBACK (on_choice_toggled_cb), self);
  group = new_group (page, NULL, NULL);
  self->preview_button = gtk_button_new_with_mnemonic (_("_Preview"));
  gtk_widget_set_halign (self->preview_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->preview_button, "pill");
  gtk_widget_add_css_class (self->preview_button, "suggested-action");
  g_signal_connect_swapped (self->preview_button, "clicked", G_CALLBACK (outlay_apply_rules_dialog_preview), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->preview_button);
  gtk_stack_add_named (GTK_STACK (self->stack), page, "choose");

  /* Planning */
  gtk_widget_set_valign (planning, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (planning, 24);
  gtk_widget_set_margin_end (planning, 24);
  self->progress_label = outlay_form_label_new (NULL, "title-4", 0.5);
  gtk_box_append (GTK_BOX (planning), self->progress_label);
  self->progress_bar = gtk_progress_bar_new ();
  gtk_box_append (GTK_BOX (planning), self->progress_bar);
  gtk_stack_add_named (GTK_STACK (self->stack), planning, "planning");

  /* Preview */
  page = adw_preferences_page_new ();
  group = new_group (page, NULL, NULL);
  self->summary = outlay_form_label_new (NULL, "title-4", 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->summary);
  self->counts_group = new_group (page, _("By Rule"), NULL);
  self->changes_group = new_group (page, _("Changes"), NULL);
  gtk_stack_add_named (GTK_STACK (self->stack), page, "preview");

  self->nothing_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->nothing_page), "object-select-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->nothing_page), _("Nothing to Change"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->nothing_page),
                                   _("No expense matches a rule that would file or rename it otherwise."));
  gtk_stack_add_named (GTK_STACK (self->stack), self->nothing_page, "nothing");

  show_choice (self);
}

/* The write is not left halfway: the dialog stays until it ends, and
 * Cancel stops it. */
static gboolean
outlay_apply_rules_dialog_close_request (GtkWindow *window)
{
  OutlayApplyRulesDialog *self = OUTLAY_APPLY_RULES_DIALOG (window);

  if (self->writing)
    return TRUE;

  return GTK_WINDOW_CLASS (outlay_apply_rules_dialog_parent_class)->close_request (window);
}

static void
outlay_apply_rules_dialog_dispose (GObject *object)
{
  OutlayApplyRulesDialog *self = OUTLAY_APPLY_RULES_DIALOG (object);

  stop_planning (self);

  G_OBJECT_CLASS (outlay_apply_rules_dialog_parent_class)->dispose (object);
}

static void
outlay_apply_rules_dialog_finalize (GObject *object)
{
  OutlayApplyRulesDialog *self = OUTLAY_APPLY_RULES_DIALOG (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->plan, outlay_rules_plan_unref);

  G_OBJECT_CLASS (outlay_apply_rules_dialog_parent_class)->finalize (object);
}

static void
outlay_apply_rules_dialog_class_init (OutlayApplyRulesDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = outlay_apply_rules_dialog_dispose;
  window_class->close_request = outlay_apply_rules_dialog_close_request;
  object_class->finalize = outlay_apply_rules_dialog_finalize;

  /**
   * OutlayApplyRulesDialog::applied:
   * @applied: the changes written, for their Undo
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, OUTLAY_TYPE_RULES_PLAN);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_apply_rules_dialog_init (OutlayApplyRulesDialog *self)
{
}

/**
 * outlay_apply_rules_dialog_new:
 * @parent: the window it is over
 * @reader: where the rules are planned
 *
 * Returns: (transfer none): the dialog
 */
OutlayApplyRulesDialog *
outlay_apply_rules_dialog_new (GtkWindow        *parent,
                               OutlayRepository *repository,
                               OutlayReader     *reader)
{
  OutlayApplyRulesDialog *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (OUTLAY_IS_READER (reader), NULL);

  self = g_object_new (OUTLAY_TYPE_APPLY_RULES_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 480,
                       "default-height", 600,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->repository = g_object_ref (repository);
  self->reader = g_object_ref (reader);
  build (self);
  return self;
}

/**
 * outlay_apply_rules_dialog_set_all:
 * @all: %TRUE for all expenses, %FALSE for those in the fallback category
 */
void
outlay_apply_rules_dialog_set_all (OutlayApplyRulesDialog *self,
                                   gboolean                all)
{
  g_return_if_fail (OUTLAY_IS_APPLY_RULES_DIALOG (self));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (all ? self->all_check : self->only_check), TRUE);
}

/**
 * outlay_apply_rules_dialog_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan previewed
 */
OutlayRulesPlan *
outlay_apply_rules_dialog_get_plan (OutlayApplyRulesDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLY_RULES_DIALOG (self), NULL);

  return self->plan;
}

gboolean
outlay_apply_rules_dialog_is_planning (OutlayApplyRulesDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLY_RULES_DIALOG (self), FALSE);

  return self->cancellable != NULL && !self->writing;
}

/**
 * outlay_apply_rules_dialog_is_applying:
 *
 * Returns: whether the plan is being written
 */
gboolean
outlay_apply_rules_dialog_is_applying (OutlayApplyRulesDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLY_RULES_DIALOG (self), FALSE);

  return self->writing;
}

/**
 * outlay_apply_rules_dialog_get_summary:
 *
 * Returns: what the preview says: "37 expenses will change."
 */
const char *
outlay_apply_rules_dialog_get_summary (OutlayApplyRulesDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLY_RULES_DIALOG (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->summary));
}
