/* outlay-rule-row.c
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

/* A category rule on the Rules page: a handle to drag it by, its
 * category's badge, what it looks for, what it does, and a menu to edit,
 * move and delete it. It moves by drag and drop and with Alt+Up and
 * Alt+Down. A screen reader hears the row as one phrase. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-icon.h"
#include "outlay-form-rows.h"
#include "outlay-money.h"
#include "outlay-rule-row.h"

struct _OutlayRuleRow
{
  GtkListBoxRow parent_instance;

  OutlayCategoryRule *rule;
  guint               index;
  char               *menu_key; /* what the menu offers, to keep an open one */

  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *menu_button;
  double     drag_x;
  double     drag_y;
};

G_DEFINE_FINAL_TYPE (OutlayRuleRow, outlay_rule_row, GTK_TYPE_LIST_BOX_ROW)

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *uuid)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (uuid));
  g_menu_append_item (menu, item);
}

/* Edit; Move Up, Move Down; Delete: each where it applies. */
static void
update_menu (OutlayRuleRow *self,
             gboolean       last)
{
  const char      *uuid = outlay_category_rule_get_uuid (self->rule);
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  g_autoptr (GMenu) menu = NULL;
  g_autoptr (GMenu) moves = NULL;
  g_autoptr (GMenu) end = NULL;

  /* Translators: the menu of a rule's row, with its place in the order */
  label = g_strdup_printf (_("Actions for Rule %u"), self->index + 1);
  key = g_strdup_printf ("%s|%s|%d%d", label, uuid, self->index > 0, !last);
  /* A new menu would close the one open: only when it offers other things. */
  if (g_strcmp0 (key, self->menu_key) == 0)
    return;
  g_free (self->menu_key);
  self->menu_key = g_steal_pointer (&key);

  menu = g_menu_new ();
  moves = g_menu_new ();
  end = g_menu_new ();
  append_item (menu, _("_Edit"), "rules.edit", uuid);
  if (self->index > 0)
    append_item (moves, _("Move _Up"), "rules.move-up", uuid);
  if (!last)
    append_item (moves, _("Move _Down"), "rules.move-down", uuid);
  append_item (end, _("_Delete"), "rules.delete", uuid);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (end));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (self->menu_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Keyboard */

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  OutlayRuleRow *self = OUTLAY_RULE_ROW (widget);
  const char    *action = g_variant_get_boolean (args) ? "rules.move-up" : "rules.move-down";

  if (self->rule == NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, action, "s", outlay_category_rule_get_uuid (self->rule));
}

/* Drag and drop */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    OutlayRuleRow *self)
{
  if (self->rule == NULL)
    return NULL;
  self->drag_x = x;
  self->drag_y = y;
  return gdk_content_provider_new_typed (OUTLAY_TYPE_RULE_ROW, self);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  OutlayRuleRow *self)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, (int) self->drag_x, (int) self->drag_y);
}

static gboolean
is_other_rule (OutlayRuleRow *self,
               const GValue  *value)
{
  OutlayRuleRow *dragged;

  if (value == NULL || !G_VALUE_HOLDS (value, OUTLAY_TYPE_RULE_ROW))
    return FALSE;
  dragged = g_value_get_object (value);
  return dragged != NULL && dragged != self && dragged->rule != NULL && self->rule != NULL;
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget *target,
                   double         x,
                   double         y,
                   OutlayRuleRow *self)
{
  return is_other_rule (self, gtk_drop_target_get_value (target)) ? GDK_ACTION_MOVE : 0;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            OutlayRuleRow *self)
{
  OutlayRuleRow *dragged;

  if (!is_other_rule (self, value))
    return FALSE;
  dragged = g_value_get_object (value);
  /* It takes the place of the one it is dropped on. */
  return gtk_widget_activate_action (GTK_WIDGET (self), "rules.move-to", "(su)",
                                     outlay_category_rule_get_uuid (dragged->rule), self->index);
}

static void
outlay_rule_row_finalize (GObject *object)
{
  OutlayRuleRow *self = OUTLAY_RULE_ROW (object);

  g_clear_object (&self->rule);
  g_clear_pointer (&self->menu_key, g_free);

  G_OBJECT_CLASS (outlay_rule_row_parent_class)->finalize (object);
}

static void
outlay_rule_row_class_init (OutlayRuleRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = outlay_rule_row_finalize;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, move_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, move_cb, "b", FALSE);
}

static void
outlay_rule_row_init (OutlayRuleRow *self)
{
  GtkWidget     *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget     *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget     *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (OUTLAY_TYPE_RULE_ROW, GDK_ACTION_MOVE);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_widget_add_css_class (handle, "dim-label");
  gtk_box_append (GTK_BOX (box), handle);

  self->icon = outlay_category_icon_new ();
  outlay_category_icon_set_size (OUTLAY_CATEGORY_ICON (self->icon), 32);
  gtk_widget_set_valign (self->icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->icon);

  gtk_widget_set_hexpand (words, TRUE);
  gtk_widget_set_valign (words, GTK_ALIGN_CENTER);
  self->title = outlay_form_label_new (NULL, "title", 0);
  gtk_box_append (GTK_BOX (words), self->title);
  self->subtitle = outlay_form_label_new (NULL, "subtitle", 0);
  gtk_box_append (GTK_BOX (words), self->subtitle);
  gtk_box_append (GTK_BOX (box), words);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_box_append (GTK_BOX (box), self->menu_button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
outlay_rule_row_new (void)
{
  return g_object_new (OUTLAY_TYPE_RULE_ROW, NULL);
}

/**
 * outlay_rule_describe_condition:
 *
 * Returns: what @rule looks for, as a sentence's start: “Description
 *   contains “bäckerei” or “boulangerie””
 */
char *
outlay_rule_describe_condition (OutlayCategoryRule *rule)
{
  const char *const *patterns = outlay_category_rule_get_patterns (rule);
  g_autoptr (GString) quoted = g_string_new (NULL);
  gboolean note = outlay_category_rule_get_field (rule) == OUTLAY_RULE_FIELD_NOTE;

  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between the words a rule looks for: “rewe” or “lidl” */
        g_string_append (quoted, _(" or "));
      /* Translators: a word a rule looks for, quoted */
      g_string_append_printf (quoted, _("“%s”"), patterns[i]);
    }

  switch (outlay_category_rule_get_match (rule))
    {
    case OUTLAY_RULE_MATCH_STARTS:
      return g_strdup_printf (note ? _("Note starts with %s") : _("Description starts with %s"), quoted->str);
    case OUTLAY_RULE_MATCH_EQUALS:
      return g_strdup_printf (note ? _("Note is %s") : _("Description is %s"), quoted->str);
    case OUTLAY_RULE_MATCH_CONTAINS:
    default:
      return g_strdup_printf (note ? _("Note contains %s") : _("Description contains %s"), quoted->str);
    }
}

/* A bound in the rule's currency where it has one, else as stored. */
static char *
format_bound (const char *bound,
              const char *currency)
{
  gint64 minor;

  if (currency != NULL && outlay_money_parse_plain (bound, currency, &minor, NULL))
    return outlay_money_format (minor, currency);
  return g_strdup (bound);
}

/**
 * outlay_rule_describe_outcome:
 *
 * Returns: what @rule does and when: “→ Groceries · €50.00 to €500.00 ·
 *   EUR only · renamed “Roastery””
 */
char *
outlay_rule_describe_outcome (OutlayRepository   *repository,
                              OutlayCategoryRule *rule)
{
  const char      *min = outlay_category_rule_get_amount_min (rule);
  const char      *max = outlay_category_rule_get_amount_max (rule);
  const char      *currency = outlay_category_rule_get_currency (rule);
  const char      *rename_to = outlay_category_rule_get_rename_to (rule);
  OutlayCategory  *category;
  g_autofree char *path = NULL;
  g_autofree char *low = min != NULL ? format_bound (min, currency) : NULL;
  g_autofree char *high = max != NULL ? format_bound (max, currency) : NULL;
  g_autoptr (GString) text = g_string_new ("→ ");

  category = outlay_repository_lookup_category_by_uuid (repository, outlay_category_rule_get_category_uuid (rule));
  /* Translators: a rule whose category was deleted */
  path = category != NULL ? outlay_repository_dup_category_path (repository, category) : g_strdup (_("No Category"));
  g_string_append (text, path);

  if (low != NULL || high != NULL)
    {
      g_autofree char *range = NULL;

      if (low != NULL && high != NULL)
        /* Translators: a rule's amounts, inclusive: “€50.00 to €500.00” */
        range = g_strdup_printf (_("%s to %s"), low, high);
      else if (low != NULL)
        /* Translators: a rule's lowest amount, inclusive */
        range = g_strdup_printf (_("from %s"), low);
      else
        /* Translators: a rule's highest amount, inclusive */
        range = g_strdup_printf (_("up to %s"), high);
      g_string_append_printf (text, " · %s", range);
    }
  if (currency != NULL)
    {
      /* Translators: a rule that matches only expenses in this currency */
      g_autofree char *only = g_strdup_printf (_("%s only"), currency);

      g_string_append_printf (text, " · %s", only);
    }
  if (rename_to != NULL)
    {
      /* Translators: what a rule renames an expense to */
      g_autofree char *renamed = g_strdup_printf (_("renamed “%s”"), rename_to);

      g_string_append_printf (text, " · %s", renamed);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * outlay_rule_row_set_rule:
 * @rule: the rule, as stored
 * @index: its place in the order the rules are tried
 * @last: whether it is tried last
 */
void
outlay_rule_row_set_rule (OutlayRuleRow      *self,
                          OutlayRepository   *repository,
                          OutlayCategoryRule *rule,
                          guint               index,
                          gboolean            last)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *spoken = NULL;
  OutlayCategory  *category;

  g_return_if_fail (OUTLAY_IS_RULE_ROW (self));
  g_return_if_fail (OUTLAY_IS_CATEGORY_RULE (rule));

  g_set_object (&self->rule, rule);
  self->index = index;
  title = outlay_rule_describe_condition (rule);
  subtitle = outlay_rule_describe_outcome (repository, rule);
  category = outlay_repository_lookup_category_by_uuid (repository, outlay_category_rule_get_category_uuid (rule));

  gtk_label_set_label (GTK_LABEL (self->title), title);
  gtk_label_set_label (GTK_LABEL (self->subtitle), subtitle);
  outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (self->icon), category);
  update_menu (self, last);

  /* Translators: read by a screen reader: a rule's place, what it looks for and what it does */
  spoken = g_strdup_printf (_("Rule %u: %s, %s"), index + 1, title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

/**
 * outlay_rule_row_get_rule:
 *
 * Returns: (transfer none) (nullable): the rule it shows
 */
OutlayCategoryRule *
outlay_rule_row_get_rule (OutlayRuleRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULE_ROW (self), NULL);

  return self->rule;
}

const char *
outlay_rule_row_get_title (OutlayRuleRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULE_ROW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->title));
}

const char *
outlay_rule_row_get_subtitle (OutlayRuleRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULE_ROW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->subtitle));
}

/**
 * outlay_rule_row_get_menu_button:
 *
 * Returns: (transfer none): the button of its menu
 */
GtkWidget *
outlay_rule_row_get_menu_button (OutlayRuleRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULE_ROW (self), NULL);

  return self->menu_button;
}
