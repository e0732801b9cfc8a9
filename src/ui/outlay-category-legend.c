/* outlay-category-legend.c
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

/* The legend of the Dashboard's ring: one row a category at the top, with
 * what it and the categories under it spent; a button opens it into rows
 * for those (and for what was spent in it outside them). It is the ring's
 * text equivalent too: each row names itself as one phrase. Rows are
 * reused from one update to the next, so that the focus stays where it
 * is. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "outlay-category-icon.h"
#include "outlay-category-legend.h"
#include "outlay-fit-bin.h"
#include "outlay-format.h"
#include "outlay-money.h"

#define TOP_BADGE_SIZE 32
#define CHILD_BADGE_SIZE 24

typedef struct
{
  OutlayCategoryLegend *legend;
  GtkListBoxRow        *row;
  GtkWidget            *badge;
  GtkLabel             *amount;
  GtkLabel             *share;
  GtkWidget            *chevron;
  GtkToggleButton      *toggle; /* opens a row at the top into the ones under it */
  gint64                category_id;
  gint64                top_id; /* the category at the top the row is of, or under */
  gboolean              child;
  gboolean              own; /* of its own expenses, outside its subcategories */
} Entry;

struct _OutlayCategoryLegend
{
  GtkListBox *list;
  GPtrArray  *entries;  /* of Entry, in the list's order */
  GArray     *expanded; /* gint64: the categories at the top that are open */
};

/* AdwActionRow wraps its title anywhere, even inside a word, when a
 * category's name is long or the text large; the legend breaks between
 * words only. */
static void
wrap_between_words (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD);
      else
        wrap_between_words (child);
    }
}

static gboolean
is_expanded (OutlayCategoryLegend *self,
             gint64                top_id)
{
  for (guint i = 0; i < self->expanded->len; i++)
    if (g_array_index (self->expanded, gint64, i) == top_id)
      return TRUE;

  return FALSE;
}

/* Shows the rows under @top_id as it is open or not. */
static void
show_children (OutlayCategoryLegend *self,
               gint64                top_id)
{
  gboolean open = is_expanded (self, top_id);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (entry->child && entry->top_id == top_id)
        gtk_widget_set_visible (GTK_WIDGET (entry->row), open);
      else if (!entry->child && entry->top_id == top_id)
        gtk_accessible_update_state (GTK_ACCESSIBLE (entry->row), GTK_ACCESSIBLE_STATE_EXPANDED,
                                     gtk_widget_get_visible (GTK_WIDGET (entry->toggle)) ? open : FALSE, -1);
    }
}

/**
 * outlay_category_legend_set_expanded:
 *
 * Opens the row of a category at the top into rows for the ones under it,
 * or closes it; it stays so across updates.
 */
void
outlay_category_legend_set_expanded (OutlayCategoryLegend *self,
                                     gint64                category_id,
                                     gboolean              expanded)
{
  g_return_if_fail (self != NULL);

  if (is_expanded (self, category_id) == !!expanded)
    return;

  if (expanded)
    g_array_append_val (self->expanded, category_id);
  else
    for (guint i = 0; i < self->expanded->len; i++)
      if (g_array_index (self->expanded, gint64, i) == category_id)
        g_array_remove_index (self->expanded, i--);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (!entry->child && entry->top_id == category_id && gtk_toggle_button_get_active (entry->toggle) != expanded)
        gtk_toggle_button_set_active (entry->toggle, expanded);
    }

  show_children (self, category_id);
}

static void
on_toggled_cb (GtkToggleButton *toggle,
               Entry           *entry)
{
  outlay_category_legend_set_expanded (entry->legend, entry->top_id, gtk_toggle_button_get_active (toggle));
}

static Entry *
get_entry (OutlayCategoryLegend *self,
           guint                 index)
{
  Entry     *entry;
  GtkWidget *box;
  GtkWidget *suffix;
  GtkWidget *fit;

  if (index < self->entries->len)
    return self->entries->pdata[index];

  entry = g_new0 (Entry, 1);
  entry->legend = self;
  entry->row = GTK_LIST_BOX_ROW (adw_action_row_new ());
  gtk_list_box_row_set_activatable (entry->row, TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry->row), FALSE);

  entry->badge = outlay_category_icon_new ();
  gtk_widget_set_valign (entry->badge, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (entry->row), entry->badge);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  entry->amount = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (entry->amount, 1);
  gtk_widget_add_css_class (GTK_WIDGET (entry->amount), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (entry->amount), "dashboard-legend-amount");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (entry->amount));
  entry->share = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (entry->share, 1);
  gtk_widget_add_css_class (GTK_WIDGET (entry->share), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (entry->share), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (entry->share), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (entry->share), "dashboard-legend-share");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (entry->share));
  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (suffix), box);

  entry->toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (entry->toggle), "pan-down-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (entry->toggle), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (entry->toggle), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (entry->toggle), "circular");
  g_signal_connect (entry->toggle, "toggled", G_CALLBACK (on_toggled_cb), entry);
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (entry->toggle));

  entry->chevron = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry->chevron), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (suffix), entry->chevron);

  /* Large text on a phone shrinks the amount rather than squeeze a long
   * category name ("Entertainment") beside it. */
  fit = outlay_fit_bin_new ();
  gtk_widget_set_valign (fit, GTK_ALIGN_CENTER);
  adw_bin_set_child (ADW_BIN (fit), suffix);
  adw_action_row_add_suffix (ADW_ACTION_ROW (entry->row), fit);

  wrap_between_words (GTK_WIDGET (entry->row));
  gtk_list_box_append (self->list, GTK_WIDGET (entry->row));
  g_ptr_array_add (self->entries, entry);

  return entry;
}

static void
trim (OutlayCategoryLegend *self,
      guint                 n_entries)
{
  while (self->entries->len > n_entries)
    {
      Entry *entry = self->entries->pdata[self->entries->len - 1];

      g_signal_handlers_disconnect_by_data (entry->toggle, entry);
      gtk_list_box_remove (self->list, GTK_WIDGET (entry->row));
      g_ptr_array_set_size (self->entries, self->entries->len - 1);
    }
}

OutlayCategoryLegend *
outlay_category_legend_new (GtkListBox *list)
{
  OutlayCategoryLegend *self = g_new0 (OutlayCategoryLegend, 1);

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  self->list = list;
  self->entries = g_ptr_array_new_with_free_func (g_free);
  self->expanded = g_array_new (FALSE, FALSE, sizeof (gint64));

  return self;
}

/* Before the list's rows go: they call back into the legend. */
void
outlay_category_legend_free (OutlayCategoryLegend *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      g_signal_handlers_disconnect_by_data (entry->toggle, entry);
    }
  g_ptr_array_unref (self->entries);
  g_array_unref (self->expanded);
  g_free (self);
}

/* What a row says of what it shows: @title spent @total in @count expenses,
 * @share of the period's @sum. */
typedef struct
{
  OutlayCategory *category;
  const char     *title;
  const char     *spoken_title;
  gint64          category_id;
  gint64          top_id;
  gint64          total;
  guint           count;
  gboolean        child;
  gboolean        has_children;
  gboolean        own; /* what was spent in a category at the top outside the ones under it */
} Line;

static void
fill_entry (OutlayCategoryLegend *self,
            Entry                *entry,
            const Line           *line,
            gint64                sum,
            const char           *currency)
{
  g_autofree char *amount = outlay_money_format_expense (line->total, currency);
  /* As the ring counts them: refunds larger than the spending count as none. */
  g_autofree char *share = outlay_format_percent (MAX (0, line->total), sum, TRUE);
  g_autofree char *count = NULL;
  g_autofree char *spoken = outlay_format_net_spoken (line->total, currency);
  g_autofree char *label = NULL;

  if (line->own)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expense not in a subcategory",
                                          "%u expenses not in a subcategory", line->count),
                             line->count);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expense", "%u expenses", line->count), line->count);

  entry->category_id = line->category_id;
  entry->top_id = line->top_id;
  entry->child = line->child;
  entry->own = line->own;
  /* A reused row may have been a closed category's before. */
  gtk_widget_set_visible (GTK_WIDGET (entry->row), !line->child || is_expanded (self, line->top_id));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->row), line->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (entry->row), count);
  outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (entry->badge), line->category);
  outlay_category_icon_set_size (OUTLAY_CATEGORY_ICON (entry->badge), line->child ? CHILD_BADGE_SIZE : TOP_BADGE_SIZE);
  gtk_widget_set_margin_start (entry->badge, line->child ? TOP_BADGE_SIZE - CHILD_BADGE_SIZE + 12 : 0);
  gtk_label_set_label (entry->amount, amount);
  gtk_label_set_label (entry->share, share);

  if (line->child)
    gtk_widget_add_css_class (GTK_WIDGET (entry->row), "dashboard-legend-child");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry->row), "dashboard-legend-child");

  /* A row at the top with categories under it opens into them; the others
   * show that activating them lists their expenses. */
  gtk_widget_set_visible (GTK_WIDGET (entry->toggle), line->has_children);
  gtk_widget_set_visible (entry->chevron, !line->has_children);
  if (line->has_children)
    {
      g_autofree char *toggle_label = NULL;

      g_signal_handlers_block_by_func (entry->toggle, on_toggled_cb, entry);
      gtk_toggle_button_set_active (entry->toggle, is_expanded (self, line->top_id));
      g_signal_handlers_unblock_by_func (entry->toggle, on_toggled_cb, entry);
      /* Translators: the button that opens a category's row on the Dashboard into its subcategories */
      toggle_label = g_strdup_printf (_("Subcategories of %s"), line->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, toggle_label,
                                      -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry->toggle), _("Show Subcategories"));
    }

  /* The legend is the chart's text equivalent, a list a screen reader
   * walks segment by segment. */
  /* Translators: a segment of the category chart read by a screen reader: category, amount, share, number of
   * expenses */
  label = g_strdup_printf (_("%s: %s, %s of the total, %s"), line->spoken_title, spoken, share, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* The row names itself by its title too: the label says it all. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (entry->row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static OutlayCategory *
lookup (OutlayRepository *repository,
        gint64            id)
{
  OutlayCategory *category = outlay_repository_lookup_category (repository, id);

  return category != NULL ? category : outlay_repository_get_fallback_category (repository);
}

/* Adds the lines of the categories under @top (in @totals' order, largest
 * first) and, if it has any, a line of what it spent itself. */
static void
add_child_lines (OutlayRepository *repository,
                 GArray           *totals,
                 OutlayCategory   *top,
                 GArray           *lines,
                 gboolean         *has_children)
{
  const OutlayCategoryTotal *own = NULL;
  guint                      first = lines->len;

  for (guint i = 0; i < totals->len; i++)
    {
      const OutlayCategoryTotal *total = &g_array_index (totals, OutlayCategoryTotal, i);
      OutlayCategory            *category = lookup (repository, total->category_id);
      Line                       line = { 0 };

      if (category == top)
        own = total;
      if (category == NULL || outlay_repository_get_parent_category (repository, category) != top)
        continue;

      line.category = category;
      line.title = outlay_category_get_name (category);
      line.spoken_title = line.title;
      line.category_id = outlay_category_get_id (category);
      line.top_id = outlay_category_get_id (top);
      line.total = total->total;
      line.count = total->count;
      line.child = TRUE;
      g_array_append_val (lines, line);
    }

  *has_children = lines->len > first;
  if (*has_children && own != NULL)
    {
      Line line = { 0 };

      line.category = top;
      line.title = outlay_category_get_name (top);
      line.category_id = outlay_category_get_id (top);
      line.top_id = line.category_id;
      line.total = own->total;
      line.count = own->count;
      line.child = TRUE;
      line.own = TRUE;
      g_array_append_val (lines, line);
    }
}

/**
 * outlay_category_legend_update:
 * @totals: (element-type OutlayCategoryTotal): each category's spending,
 *   largest first, as outlay_repository_totals_by_category() gives it
 *
 * Shows the categories at the top with their totals, in the order of their
 * totals, each followed by the categories under it.
 */
void
outlay_category_legend_update (OutlayCategoryLegend *self,
                               OutlayRepository     *repository,
                               GArray               *totals,
                               const char           *currency)
{
  g_autoptr (GArray) rolled = NULL;
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr (GPtrArray) spoken = g_ptr_array_new_with_free_func (g_free);
  gint64 sum = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (OUTLAY_IS_REPOSITORY (repository));

  rolled = outlay_repository_roll_up_category_totals (repository, totals);
  for (guint i = 0; i < rolled->len; i++)
    sum += MAX (0, g_array_index (rolled, OutlayCategoryTotal, i).total);

  for (guint i = 0; i < rolled->len; i++)
    {
      const OutlayCategoryTotal *total = &g_array_index (rolled, OutlayCategoryTotal, i);
      OutlayCategory            *category = lookup (repository, total->category_id);
      guint                      top_index = lines->len;
      Line                       line = { 0 };

      line.category = category;
      line.title = category != NULL ? outlay_category_get_name (category) : _("Unknown");
      line.spoken_title = line.title;
      line.category_id = total->category_id;
      line.top_id = total->category_id;
      line.total = total->total;
      line.count = total->count;
      g_array_append_val (lines, line);

      if (category != NULL)
        {
          gboolean has_children = FALSE;

          add_child_lines (repository, totals, category, lines, &has_children);
          g_array_index (lines, Line, top_index).has_children = has_children;
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (line->own)
        {
          /* Translators: on the Dashboard, what was spent in a category outside its subcategories, as a screen
           * reader says it: "Food & Drink, not in a subcategory" */
          char *text = g_strdup_printf (_("%s, not in a subcategory"), line->title);

          g_ptr_array_add (spoken, text);
          line->spoken_title = text;
        }
      fill_entry (self, get_entry (self, i), line, sum, currency);
    }
  trim (self, lines->len);

  for (guint i = 0; i < rolled->len; i++)
    show_children (self, g_array_index (rolled, OutlayCategoryTotal, i).category_id);
}

/* The category a row lists the expenses of, or 0; @own says whether only
 * its own, outside its subcategories. */
gint64
outlay_category_legend_get_category (OutlayCategoryLegend *self,
                                     GtkListBoxRow        *row,
                                     gboolean             *own)
{
  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (entry->row == row)
        {
          *own = entry->own;
          return entry->category_id;
        }
    }

  return 0;
}
