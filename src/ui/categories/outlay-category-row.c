/* outlay-category-row.c
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

/* A category in the Categories window: a handle to drag it by, its badge,
 * its name, how many expenses it has and whether it is hidden, and a menu
 * to edit, add a subcategory, move, hide or show, merge and delete it. A
 * subcategory is indented under the category it is in. It moves among the
 * categories beside it by drag and drop, and with Alt+Up and Alt+Down.
 * A screen reader hears the row as one phrase. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-icon.h"
#include "outlay-category-row.h"

/* How far a subcategory is indented: past its parent's badge. */
#define INDENT 28

struct _OutlayCategoryRow
{
  OutlayReorderRow parent_instance;

  OutlayCategory *category;
  gint64          parent_id; /* who its siblings are: 0 at the top */
  gboolean        sub;       /* under another */
};

G_DEFINE_FINAL_TYPE (OutlayCategoryRow, outlay_category_row, OUTLAY_TYPE_REORDER_ROW)

/* Edit, New Subcategory; Move Up, Move Down; Hide or Show; Merge Into…,
 * Delete…: each where it applies. */
static void
update_menu (OutlayCategoryRow           *self,
             const OutlayCategoryRowInfo *info)
{
  OutlayReorderRow *row = OUTLAY_REORDER_ROW (self);
  gboolean          hidden = outlay_category_get_hidden (self->category);
  g_autofree char  *label = NULL;
  g_autoptr (GMenu) menu = NULL;
  g_autoptr (GMenu) moves = NULL;
  g_autoptr (GMenu) last = NULL;

  /* Translators: the menu of a category's row, with its name */
  label = g_strdup_printf (_("Actions for “%s”"), outlay_category_get_name (self->category));
  if (!outlay_reorder_row_set_menu_key (row, g_strdup_printf ("%s|%d%d%d%d%d", label, self->sub, info->index > 0,
                                                              !info->last, hidden, info->fallback)))
    return;

  menu = g_menu_new ();
  moves = outlay_reorder_row_new_moves (row, info->last);
  last = g_menu_new ();
  outlay_reorder_row_append_item (row, menu, _("_Edit"), "edit");
  if (!self->sub)
    outlay_reorder_row_append_item (row, menu, _("New _Subcategory"), "new-subcategory");
  if (!info->fallback)
    {
      if (hidden)
        outlay_reorder_row_append_item (row, moves, _("Sh_ow"), "show");
      else
        outlay_reorder_row_append_item (row, moves, _("_Hide"), "hide");
      outlay_reorder_row_append_item (row, last, _("_Merge Into…"), "merge");
      outlay_reorder_row_append_item (row, last, _("_Delete…"), "delete");
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
  outlay_reorder_row_set_menu (row, G_MENU_MODEL (menu), label);
}

static GVariant *
outlay_category_row_dup_target (OutlayReorderRow *row)
{
  OutlayCategoryRow *self = OUTLAY_CATEGORY_ROW (row);

  return self->category != NULL ? g_variant_new_int64 (outlay_category_get_id (self->category)) : NULL;
}

/* Among the categories beside it only. */
static gboolean
outlay_category_row_accepts (OutlayReorderRow *row,
                             OutlayReorderRow *dragged)
{
  OutlayCategoryRow *self = OUTLAY_CATEGORY_ROW (row);
  OutlayCategoryRow *other = OUTLAY_CATEGORY_ROW (dragged);

  return other->parent_id == self->parent_id && other->sub == self->sub;
}

static void
outlay_category_row_finalize (GObject *object)
{
  OutlayCategoryRow *self = OUTLAY_CATEGORY_ROW (object);

  g_clear_object (&self->category);

  G_OBJECT_CLASS (outlay_category_row_parent_class)->finalize (object);
}

static void
outlay_category_row_class_init (OutlayCategoryRowClass *klass)
{
  GObjectClass          *object_class = G_OBJECT_CLASS (klass);
  OutlayReorderRowClass *row_class = OUTLAY_REORDER_ROW_CLASS (klass);

  object_class->finalize = outlay_category_row_finalize;

  row_class->action_prefix = "categories";
  row_class->dup_target = outlay_category_row_dup_target;
  row_class->accepts = outlay_category_row_accepts;
}

static void
outlay_category_row_init (OutlayCategoryRow *self)
{
}

GtkWidget *
outlay_category_row_new (void)
{
  return g_object_new (OUTLAY_TYPE_CATEGORY_ROW, NULL);
}

/**
 * outlay_category_row_set_category:
 * @category: the category, as stored
 * @info: where it stands: under which one, its place, its expenses
 */
void
outlay_category_row_set_category (OutlayCategoryRow           *self,
                                  OutlayCategory              *category,
                                  const OutlayCategoryRowInfo *info)
{
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autoptr (GString) spoken = g_string_new (NULL);
  GtkWidget *title = outlay_reorder_row_get_title (OUTLAY_REORDER_ROW (self));
  GtkWidget *subtitle_label = outlay_reorder_row_get_subtitle (OUTLAY_REORDER_ROW (self));
  GtkWidget *icon = outlay_reorder_row_get_icon (OUTLAY_REORDER_ROW (self));
  gboolean   hidden;

  g_return_if_fail (OUTLAY_IS_CATEGORY_ROW (self));
  g_return_if_fail (OUTLAY_IS_CATEGORY (category));
  g_return_if_fail (info != NULL);

  g_set_object (&self->category, category);
  self->sub = info->parent_name != NULL;
  self->parent_id = info->parent_id;
  outlay_reorder_row_set_index (OUTLAY_REORDER_ROW (self), info->index);
  hidden = outlay_category_get_hidden (category) || info->parent_hidden;

  g_string_append (spoken, outlay_category_get_name (category));
  if (info->parent_name != NULL)
    {
      g_string_append (spoken, ", ");
      /* Translators: read by a screen reader after a subcategory's name: the category it is in */
      g_string_append_printf (spoken, _("in %s"), info->parent_name);
    }
  if (info->counted)
    {
      g_autofree char *count = NULL;

      if (info->n_expenses == 0)
        count = g_strdup (_("No expenses"));
      else
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expense", "%u expenses", info->n_expenses),
                                 info->n_expenses);
      g_string_append (subtitle, count);
      g_string_append_printf (spoken, ", %s", count);
    }
  if (hidden)
    {
      /* Translators: a category that is not offered for new expenses, after the number of its expenses */
      const char *word = outlay_category_get_hidden (category) ? _("Hidden") : _("Hidden with its category");

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, word);
      g_string_append_printf (spoken, ", %s", word);
    }

  gtk_label_set_label (GTK_LABEL (title), outlay_category_get_name (category));
  gtk_label_set_label (GTK_LABEL (subtitle_label), subtitle->str);
  gtk_widget_set_visible (subtitle_label, subtitle->len > 0);
  outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (icon), category);
  gtk_widget_set_opacity (icon, hidden ? 0.55 : 1);
  if (hidden)
    gtk_widget_add_css_class (title, "dim-label");
  else
    gtk_widget_remove_css_class (title, "dim-label");
  gtk_widget_set_margin_start (outlay_reorder_row_get_box (OUTLAY_REORDER_ROW (self)), 6 + (self->sub ? INDENT : 0));
  update_menu (self, info);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str, -1);
}

/**
 * outlay_category_row_get_category:
 *
 * Returns: (transfer none) (nullable): the category it shows
 */
OutlayCategory *
outlay_category_row_get_category (OutlayCategoryRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_ROW (self), NULL);

  return self->category;
}

/**
 * outlay_category_row_get_subtitle:
 *
 * Returns: what it says under the name: the number of expenses, "Hidden"
 */
const char *
outlay_category_row_get_subtitle (OutlayCategoryRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_ROW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (outlay_reorder_row_get_subtitle (OUTLAY_REORDER_ROW (self))));
}

/**
 * outlay_category_row_get_menu_button:
 *
 * Returns: (transfer none): the button of its menu
 */
GtkWidget *
outlay_category_row_get_menu_button (OutlayCategoryRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CATEGORY_ROW (self), NULL);

  return outlay_reorder_row_get_menu_button (OUTLAY_REORDER_ROW (self));
}
