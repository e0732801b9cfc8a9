/* outlay-rules-page.c
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

/* The Rules page: the category rules in the order they are tried, each a
 * row with its menu; add, edit, move (drag and drop, Alt+Up and Alt+Down,
 * the menu) and delete with Undo; and "Apply Rules to Existing
 * Expenses…", with the Undo of what it filed. With no rule, a status
 * page says what rules do. Its actions are "rules.*". */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-apply-rules-dialog.h"
#include "outlay-reader.h"
#include "outlay-rule-editor.h"
#include "outlay-rule-row.h"
#include "outlay-rules-page.h"
#include "outlay-toasts.h"

struct _OutlayRulesPage
{
  AdwBin parent_instance;

  OutlayRepository *repository;
  OutlayReader     *reader;
  GPtrArray        *rules; /* OutlayCategoryRule, in order */

  AdwToastOverlay *toasts;
  AdwToast        *undo_toast;
  char            *toast_title; /* the last toast's, for tests */
  GtkWidget       *stack;
  GtkWidget       *list;
  GtkWidget       *editor;
  GtkWidget       *apply_dialog;

  /* What Undo takes back: a rule deleted, or rules applied. */
  char            *deleted_uuid;
  OutlayRulesPlan *applied;
};

G_DEFINE_FINAL_TYPE (OutlayRulesPage, outlay_rules_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (OutlayRulesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (OutlayRulesPage *self,
            const char      *title,
            gboolean         undo)
{
  g_free (self->toast_title);
  self->toast_title = g_strdup (title);
  if (undo)
    {
      outlay_toasts_add_undo (self->toasts, title, "rules.undo", &self->undo_toast);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.undo", TRUE);
    }
  else
    {
      adw_toast_overlay_add_toast (self->toasts, outlay_toasts_new (title));
    }
}

static void
show_error (OutlayRulesPage *self,
            const GError    *error)
{
  g_free (self->toast_title);
  self->toast_title = g_strdup (error->message);
  outlay_toasts_add_error (self->toasts, error->message);
}

static OutlayRuleRow *
row_of_uuid (OutlayRulesPage *self,
             const char      *uuid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (OUTLAY_IS_RULE_ROW (child) &&
        g_strcmp0 (outlay_category_rule_get_uuid (outlay_rule_row_get_rule (OUTLAY_RULE_ROW (child))), uuid) == 0)
      return OUTLAY_RULE_ROW (child);
  return NULL;
}

/* The rows follow the stored rules; the row that had the focus keeps it. */
static void
reload (OutlayRulesPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rules = outlay_repository_list_category_rules (self->repository, &error);
  GtkWidget       *focus = NULL;
  GtkRoot         *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *focus_uuid = NULL;
  guint            n_rows = 0;

  if (rules == NULL)
    {
      show_error (self, error);
      return;
    }
  if (root != NULL)
    focus = gtk_root_get_focus (root);
  while (focus != NULL && !OUTLAY_IS_RULE_ROW (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus != NULL && gtk_widget_get_parent (focus) == self->list)
    focus_uuid = g_strdup (outlay_category_rule_get_uuid (outlay_rule_row_get_rule (OUTLAY_RULE_ROW (focus))));

  for (GtkWidget *child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_rows++;
  while (n_rows > rules->len)
    {
      gtk_list_box_remove (GTK_LIST_BOX (self->list),
                           GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) --n_rows)));
    }
  while (n_rows < rules->len)
    {
      gtk_list_box_append (GTK_LIST_BOX (self->list), outlay_rule_row_new ());
      n_rows++;
    }
  for (guint i = 0; i < rules->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) i);

      outlay_rule_row_set_rule (OUTLAY_RULE_ROW (row), self->repository, g_ptr_array_index (rules, i), i,
                                i + 1 == rules->len);
    }

  g_clear_pointer (&self->rules, g_ptr_array_unref);
  self->rules = g_steal_pointer (&rules);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->rules->len > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.apply", self->rules->len > 0);

  if (focus_uuid != NULL)
    {
      OutlayRuleRow *row = row_of_uuid (self, focus_uuid);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static guint
index_of_uuid (OutlayRulesPage *self,
               const char      *uuid)
{
  for (guint i = 0; self->rules != NULL && i < self->rules->len; i++)
    if (g_strcmp0 (outlay_category_rule_get_uuid (g_ptr_array_index (self->rules, i)), uuid) == 0)
      return i;
  return G_MAXUINT;
}

static void
move_rule (OutlayRulesPage *self,
           const char      *uuid,
           guint            position)
{
  g_autoptr (GError) error = NULL;

  if (!outlay_repository_move_category_rule (self->repository, uuid, position, &error))
    show_error (self, error);
}

/* Actions */

static void
open_editor (OutlayRulesPage    *self,
             OutlayCategoryRule *rule)
{
  OutlayRuleEditor *editor = outlay_rule_editor_new (parent_window (self), self->repository, self->reader, rule);

  g_set_weak_pointer (&self->editor, GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (OUTLAY_RULES_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayRulesPage *self = OUTLAY_RULES_PAGE (widget);
  guint            index = index_of_uuid (self, g_variant_get_string (parameter, NULL));

  if (index != G_MAXUINT)
    open_editor (self, g_ptr_array_index (self->rules, index));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayRulesPage *self = OUTLAY_RULES_PAGE (widget);
  const char      *uuid = g_variant_get_string (parameter, NULL);
  guint            index = index_of_uuid (self, uuid);
  gboolean         up = g_str_equal (action_name, "rules.move-up");

  if (index == G_MAXUINT || (up && index == 0) || (!up && index + 1 >= self->rules->len))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  move_rule (self, uuid, up ? index - 1 : index + 1);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *uuid;
  guint       position;

  g_variant_get (parameter, "(&su)", &uuid, &position);
  move_rule (OUTLAY_RULES_PAGE (widget), uuid, position);
}

static void
forget_undo (OutlayRulesPage *self)
{
  g_clear_pointer (&self->deleted_uuid, g_free);
  g_clear_pointer (&self->applied, outlay_rules_plan_unref);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OutlayRulesPage *self = OUTLAY_RULES_PAGE (widget);
  g_autoptr (OutlayCategoryRule) deleted = NULL;
  g_autoptr (GError) error = NULL;

  deleted = outlay_repository_delete_category_rule (self->repository, g_variant_get_string (parameter, NULL), &error);
  if (deleted == NULL)
    {
      show_error (self, error);
      return;
    }
  forget_undo (self);
  self->deleted_uuid = g_strdup (outlay_category_rule_get_uuid (deleted));
  show_toast (self, _("Rule deleted"), TRUE);
}

/* An Undo of rules applied, running. */
typedef struct
{
  OutlayRulesPage *self;
  GApplication    *application;
  guint            n_applied;
} Undoing;

static void
on_apply_undone_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Undoing *undoing = user_data;
  g_autoptr (OutlayRulesPage) self = undoing->self;
  g_autoptr (GError) error = NULL;
  guint            n_restored = 0;
  guint            n_applied = undoing->n_applied;
  g_autofree char *title = NULL;

  if (undoing->application != NULL)
    {
      g_application_release (undoing->application);
      g_object_unref (undoing->application);
    }
  g_free (undoing);
  if (!outlay_repository_undo_rules_apply_finish (OUTLAY_REPOSITORY (source), result, &n_restored, &error))
    {
      show_error (self, error);
      return;
    }

  if (n_restored == n_applied)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Put %u expense back", "Put %u expenses back", n_restored),
                             n_restored);
  else
    /* Translators: after the Undo of “Apply Rules”, when some expenses
     * were changed meanwhile */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Put back %u of %u expenses: the others were changed since",
                                          "Put back %u of %u expenses: the others were changed since", n_applied),
                             n_restored, n_applied);
  show_toast (self, title, FALSE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OutlayRulesPage *self = OUTLAY_RULES_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->deleted_uuid != NULL)
    {
      g_autoptr (OutlayCategoryRule) restored = NULL;

      restored = outlay_repository_restore_category_rule (self->repository, self->deleted_uuid, &error);
      if (restored == NULL)
        show_error (self, error);
    }
  else if (self->applied != NULL)
    {
      Undoing *undoing = g_new0 (Undoing, 1);

      /* In a worker, as the apply: the page says how it ended. Closing the
       * last window does not end the process before it. */
      undoing->self = g_object_ref (self);
      undoing->n_applied = self->applied->changes->len;
      undoing->application = g_application_get_default ();
      if (undoing->application != NULL)
        g_application_hold (g_object_ref (undoing->application));
      outlay_repository_undo_rules_apply_async (self->repository, self->applied, on_apply_undone_cb, undoing);
    }
  forget_undo (self);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  gtk_widget_action_set_enabled (widget, "rules.undo", FALSE);
}

static void
on_applied_cb (OutlayApplyRulesDialog *dialog,
               OutlayRulesPlan        *applied,
               OutlayRulesPage        *self)
{
  guint            n = applied->changes->len;
  g_autofree char *title = NULL;

  forget_undo (self);
  self->applied = outlay_rules_plan_ref (applied);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Filed %u expense", "Filed %u expenses", n), n);
  show_toast (self, title, n > 0);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OutlayRulesPage        *self = OUTLAY_RULES_PAGE (widget);
  OutlayApplyRulesDialog *dialog = outlay_apply_rules_dialog_new (parent_window (self), self->repository,
                                                                  self->reader);

  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_applied_cb), self, 0);
  g_set_weak_pointer (&self->apply_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_activated_cb (GtkListBox      *list,
                     GtkListBoxRow   *row,
                     OutlayRulesPage *self)
{
  if (OUTLAY_IS_RULE_ROW (row) && outlay_rule_row_get_rule (OUTLAY_RULE_ROW (row)) != NULL)
    open_editor (self, outlay_rule_row_get_rule (OUTLAY_RULE_ROW (row)));
}

static GtkWidget *
new_pill (const char *label,
          const char *action_name,
          gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static void
build (OutlayRulesPage *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *hint;
  GtkWidget *apply;

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->stack = gtk_stack_new ();
  adw_toast_overlay_set_child (self->toasts, self->stack);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "edit-find-replace-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Rules"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("A rule files expenses by what their description says: “REWE” under "
                                     "Groceries, “SQ *ROASTERY” renamed “Roastery” under Coffee."));
  adw_status_page_set_child (ADW_STATUS_PAGE (status), new_pill (_("_Add Rule"), "rules.add", TRUE));
  gtk_stack_add_named (GTK_STACK (self->stack), status, "empty");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Rules"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Tried in this order: the first that matches files the expense."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "rules.add");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add Rule"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Rule"), -1);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rules"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->list);

  hint = gtk_label_new (_("Drag a rule to change the order, or press Alt+Up or Alt+Down."));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (hint), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (hint, 12);
  gtk_widget_add_css_class (hint, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), hint);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  apply = new_pill (_("A_pply Rules to Existing Expenses…"), "rules.apply", FALSE);
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (apply))), TRUE);
  gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (apply))), GTK_JUSTIFY_CENTER);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), apply);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_stack_add_named (GTK_STACK (self->stack), page, "list");
}

static void
outlay_rules_page_dispose (GObject *object)
{
  OutlayRulesPage *self = OUTLAY_RULES_PAGE (object);

  if (self->repository != NULL)
    g_signal_handlers_disconnect_by_data (self->repository, self);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->apply_dialog);

  G_OBJECT_CLASS (outlay_rules_page_parent_class)->dispose (object);
}

static void
outlay_rules_page_finalize (GObject *object)
{
  OutlayRulesPage *self = OUTLAY_RULES_PAGE (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->toast_title, g_free);
  forget_undo (self);

  G_OBJECT_CLASS (outlay_rules_page_parent_class)->finalize (object);
}

static void
outlay_rules_page_class_init (OutlayRulesPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_rules_page_dispose;
  object_class->finalize = outlay_rules_page_finalize;

  gtk_widget_class_install_action (widget_class, "rules.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "rules.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "rules.move-up", "s", move_action);
  gtk_widget_class_install_action (widget_class, "rules.move-down", "s", move_action);
  gtk_widget_class_install_action (widget_class, "rules.move-to", "(su)", move_to_action);
  gtk_widget_class_install_action (widget_class, "rules.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "rules.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "rules.apply", NULL, apply_action);

  /* Before the window's own Ctrl+Z, while the focus is on the page. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "rules.undo", NULL);
}

static void
outlay_rules_page_init (OutlayRulesPage *self)
{
  build (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.undo", FALSE);
}

/**
 * outlay_rules_page_new:
 *
 * Returns: (transfer floating): the Rules page, following the repository
 */
GtkWidget *
outlay_rules_page_new (OutlayRepository *repository)
{
  OutlayRulesPage *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);

  self = g_object_new (OUTLAY_TYPE_RULES_PAGE, NULL);
  self->repository = g_object_ref (repository);
  self->reader = outlay_reader_new (repository);
  /* A category renamed or recoloured shows in the rows too. */
  g_signal_connect_swapped (repository, "category-rules-changed", G_CALLBACK (reload), self);
  g_signal_connect_swapped (repository, "categories-changed", G_CALLBACK (reload), self);
  reload (self);
  return GTK_WIDGET (self);
}

GtkListBox *
outlay_rules_page_get_list (OutlayRulesPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULES_PAGE (self), NULL);

  return GTK_LIST_BOX (self->list);
}

/**
 * outlay_rules_page_get_editor:
 *
 * Returns: (transfer none) (nullable): the rule editor open, for tests
 */
GtkWidget *
outlay_rules_page_get_editor (OutlayRulesPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULES_PAGE (self), NULL);

  return self->editor;
}

/**
 * outlay_rules_page_get_apply_dialog:
 *
 * Returns: (transfer none) (nullable): the Apply Rules dialog open
 */
GtkWidget *
outlay_rules_page_get_apply_dialog (OutlayRulesPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULES_PAGE (self), NULL);

  return self->apply_dialog;
}

/**
 * outlay_rules_page_get_toast:
 *
 * Returns: (nullable): what the last toast said
 */
const char *
outlay_rules_page_get_toast (OutlayRulesPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULES_PAGE (self), NULL);

  return self->toast_title;
}
