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
#include "outlay-money.h"
#include "outlay-rule-row.h"

struct _OutlayRuleRow
{
  OutlayReorderRow parent_instance;

  OutlayCategoryRule *rule;
};

G_DEFINE_FINAL_TYPE (OutlayRuleRow, outlay_rule_row, OUTLAY_TYPE_REORDER_ROW)

/* Edit; Move Up, Move Down; Delete: each where it applies. */
static void
update_menu (OutlayRuleRow *self,
             gboolean       last)
{
  OutlayReorderRow *row = OUTLAY_REORDER_ROW (self);
  guint             index = outlay_reorder_row_get_index (row);
  g_autofree char  *label = NULL;
  g_autoptr (GMenu) menu = NULL;
  g_autoptr (GMenu) moves = NULL;
  g_autoptr (GMenu) end = NULL;

  /* Translators: the menu of a rule's row, with its place in the order */
  label = g_strdup_printf (_("Actions for Rule %u"), index + 1);
  if (!outlay_reorder_row_set_menu_key (row, g_strdup_printf ("%s|%s|%d%d", label,
                                                              outlay_category_rule_get_uuid (self->rule), index > 0,
                                                              !last)))
    return;

  menu = g_menu_new ();
  moves = outlay_reorder_row_new_moves (row, last);
  end = g_menu_new ();
  outlay_reorder_row_append_item (row, menu, _("_Edit"), "edit");
  outlay_reorder_row_append_item (row, end, _("_Delete"), "delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (end));
  outlay_reorder_row_set_menu (row, G_MENU_MODEL (menu), label);
}

static GVariant *
outlay_rule_row_dup_target (OutlayReorderRow *row)
{
  OutlayRuleRow *self = OUTLAY_RULE_ROW (row);

  return self->rule != NULL ? g_variant_new_string (outlay_category_rule_get_uuid (self->rule)) : NULL;
}

/* Any rule may take any other's place. */
static gboolean
outlay_rule_row_accepts (OutlayReorderRow *row,
                         OutlayReorderRow *dragged)
{
  return TRUE;
}

static void
outlay_rule_row_finalize (GObject *object)
{
  OutlayRuleRow *self = OUTLAY_RULE_ROW (object);

  g_clear_object (&self->rule);

  G_OBJECT_CLASS (outlay_rule_row_parent_class)->finalize (object);
}

static void
outlay_rule_row_class_init (OutlayRuleRowClass *klass)
{
  GObjectClass          *object_class = G_OBJECT_CLASS (klass);
  OutlayReorderRowClass *row_class = OUTLAY_REORDER_ROW_CLASS (klass);

  object_class->finalize = outlay_rule_row_finalize;

  row_class->action_prefix = "rules";
  row_class->dup_target = outlay_rule_row_dup_target;
  row_class->accepts = outlay_rule_row_accepts;
}

static void
outlay_rule_row_init (OutlayRuleRow *self)
{
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
  outlay_reorder_row_set_index (OUTLAY_REORDER_ROW (self), index);
  title = outlay_rule_describe_condition (rule);
  subtitle = outlay_rule_describe_outcome (repository, rule);
  category = outlay_repository_lookup_category_by_uuid (repository, outlay_category_rule_get_category_uuid (rule));

  gtk_label_set_label (GTK_LABEL (outlay_reorder_row_get_title (OUTLAY_REORDER_ROW (self))), title);
  gtk_label_set_label (GTK_LABEL (outlay_reorder_row_get_subtitle (OUTLAY_REORDER_ROW (self))), subtitle);
  outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (outlay_reorder_row_get_icon (OUTLAY_REORDER_ROW (self))),
                                     category);
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

  return gtk_label_get_label (GTK_LABEL (outlay_reorder_row_get_title (OUTLAY_REORDER_ROW (self))));
}

const char *
outlay_rule_row_get_subtitle (OutlayRuleRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULE_ROW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (outlay_reorder_row_get_subtitle (OUTLAY_REORDER_ROW (self))));
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

  return outlay_reorder_row_get_menu_button (OUTLAY_REORDER_ROW (self));
}
