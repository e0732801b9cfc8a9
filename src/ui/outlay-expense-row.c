/* outlay-expense-row.c
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

/* One expense in the list: its category badge, description, note and
 * amount. The first row of each day also carries the day's heading and
 * total (the list is sorted by date), which it works out from the row
 * before it and keeps right as the list changes around it. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-category-icon.h"
#include "outlay-expense-row.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-period.h"

/* The most rows of one day a search's heading adds up from the list: two
 * of the model's pages. */
#define MAX_DAY_ROWS_ADDED 128

struct _OutlayExpenseRow
{
  GtkWidget parent_instance;

  OutlayExpenseModel *model;
  char               *currency;
  GtkListItem        *list_item;
  OutlayExpense      *expense;
  char               *heading;
  gulong              expense_handler;
  gulong              position_handler;
  gulong              changed_handler;
  gulong              loading_handler;

  GtkWidget *heading_box; /* made for the first row of a day */
  GtkWidget *heading_label;
  GtkWidget *heading_total_label;
  GtkWidget *main_box;
  GtkWidget *icon;
  GtkWidget *description_label;
  GtkWidget *repeat_icon; /* an occurrence of a recurring expense */
  GtkWidget *detail_label;
  GtkWidget *amount_label;
};

G_DEFINE_FINAL_TYPE (OutlayExpenseRow, outlay_expense_row, GTK_TYPE_WIDGET)

static OutlayRepository *
get_repository (OutlayExpenseRow *self)
{
  return outlay_expense_model_get_repository (self->model);
}

static gboolean
is_first_of_day (OutlayExpenseRow *self)
{
  guint position = gtk_list_item_get_position (self->list_item);
  g_autoptr (OutlayExpense) previous = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return TRUE;

  previous = g_list_model_get_item (G_LIST_MODEL (self->model), position - 1);

  return previous == NULL ||
         g_strcmp0 (outlay_expense_get_occurred_on (previous),
                    outlay_expense_get_occurred_on (self->expense)) != 0;
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const OutlayCurrencyTotal *x = a;
  const OutlayCurrencyTotal *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->currency, y->currency);
}

static void
add_to_totals (GArray        *totals,
               OutlayExpense *expense)
{
  const char *currency = outlay_expense_get_currency (expense);
  guint       i;

  for (i = 0; i < totals->len; i++)
    if (g_str_equal (g_array_index (totals, OutlayCurrencyTotal, i).currency, currency))
      break;
  if (i == totals->len)
    {
      OutlayCurrencyTotal total = { { 0 }, 0, 0 };

      g_strlcpy (total.currency, currency, sizeof total.currency);
      g_array_append_val (totals, total);
    }
  g_array_index (totals, OutlayCurrencyTotal, i).total += outlay_expense_get_amount (expense);
  g_array_index (totals, OutlayCurrencyTotal, i).count++;
}

/* The day's total within what the list shows. A list of days asks the
 * per-day summary. A search adds up its own rows of the day, which follow
 * the row, rather than asking the search index again for every day
 * heading: what that costs grows with the day's rows, not the ledger. */
static GArray *
day_totals (OutlayExpenseRow *self)
{
  const OutlayQuery *shown = outlay_expense_model_get_shown_query (self->model);
  const char        *day = outlay_expense_get_occurred_on (self->expense);
  g_autoptr (OutlayQuery) query = NULL;
  const char *from;
  const char *to;
  GArray     *totals = NULL;

  if (outlay_query_get_text (shown) != NULL)
    {
      totals = g_array_new (FALSE, FALSE, sizeof (OutlayCurrencyTotal));
      for (guint i = gtk_list_item_get_position (self->list_item), n = 0;; i++, n++)
        {
          g_autoptr (OutlayExpense) expense = NULL;

          /* A day with that many matches (an imported statement) asks the
           * search after all, rather than read page after page. */
          if (n == MAX_DAY_ROWS_ADDED)
            {
              g_clear_pointer (&totals, g_array_unref);
              break;
            }

          expense = g_list_model_get_item (G_LIST_MODEL (self->model), i);
          if (expense == NULL || g_strcmp0 (outlay_expense_get_occurred_on (expense), day) != 0)
            break;
          add_to_totals (totals, expense);
        }

      if (totals != NULL)
        {
          g_array_sort (totals, compare_totals);
          return totals;
        }
    }

  query = outlay_query_copy (shown);
  from = outlay_query_get_date_from (query);
  to = outlay_query_get_date_to (query);
  if ((from == NULL || g_strcmp0 (day, from) >= 0) && (to == NULL || g_strcmp0 (day, to) <= 0))
    outlay_query_set_date_range (query, day, day);
  totals = outlay_repository_summarize (get_repository (self), query, NULL, NULL);

  return totals != NULL ? totals : g_array_new (FALSE, FALSE, sizeof (OutlayCurrencyTotal));
}

static GtkWidget *
new_label (float        xalign,
           const char **css_classes)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_classes != NULL)
    gtk_widget_set_css_classes (label, css_classes);

  return label;
}

/* The day's heading, above the first row of a day: made when a row first
 * needs it, since most rows never do. */
static void
ensure_heading (OutlayExpenseRow *self)
{
  static const char *heading_classes[] = { "heading", NULL };
  static const char *total_classes[] = { "dim-label", "numeric", NULL };

  if (self->heading_box != NULL)
    return;

  self->heading_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->heading_box, "day-heading");
  gtk_widget_insert_before (self->heading_box, GTK_WIDGET (self), self->main_box);

  self->heading_label = new_label (0.0f, heading_classes);
  gtk_widget_set_hexpand (self->heading_label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (self->heading_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (self->heading_box), self->heading_label);

  self->heading_total_label = new_label (1.0f, total_classes);
  gtk_box_append (GTK_BOX (self->heading_box), self->heading_total_label);
}

static void
update_heading (OutlayExpenseRow *self)
{
  const OutlayQuery *query;
  gboolean           show;

  g_clear_pointer (&self->heading, g_free);

  if (self->expense == NULL || self->list_item == NULL)
    {
      if (self->heading_box != NULL)
        gtk_widget_set_visible (self->heading_box, FALSE);
      return;
    }

  query = outlay_expense_model_get_shown_query (self->model);
  show = outlay_query_get_sort_field (query) == OUTLAY_SORT_DATE && is_first_of_day (self);
  if (show)
    ensure_heading (self);
  if (self->heading_box != NULL)
    gtk_widget_set_visible (self->heading_box, show);

  if (show)
    {
      g_autoptr (GDate) today = outlay_date_new_today ();
      g_autoptr (GArray) totals = day_totals (self);
      g_autofree char *total = outlay_format_totals (totals, self->currency);
      g_autofree char *spoken = outlay_format_totals_spoken (totals, self->currency);
      g_autofree char *description = NULL;

      self->heading = outlay_format_day_heading (outlay_expense_get_occurred_on (self->expense), today);
      gtk_label_set_label (GTK_LABEL (self->heading_label), self->heading);
      gtk_label_set_label (GTK_LABEL (self->heading_total_label), total);

      /* The heading is drawn above the row, but a screen reader speaks
       * the row's name only: the day and its total come as the row's
       * description. */
      /* Translators: read by a screen reader after a list row that starts a day: the day heading, then the day's total
       * */
      description = g_strdup_printf (_("%s, in total %s"), self->heading, spoken);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The row as one phrase, as a screen reader should say it. */
static char *
compose_label (OutlayExpenseRow *self,
               OutlayCategory   *category)
{
  g_autoptr (GDate) today = outlay_date_new_today ();

  return outlay_format_expense_spoken (self->expense, category, today);
}

/* GTK 4.8 has no way to name a list item (gtk_list_item_set_accessible_label
 * came in 4.12), and a screen reader focuses the item, not the row in it:
 * the item widget (a cell of the one-column grid) takes its name and
 * description from the row. */
static void
label_list_item (OutlayExpenseRow *self)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));

  if (item == NULL || gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (item)) != GTK_ACCESSIBLE_ROLE_GRID_CELL)
    return;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (item),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self, NULL,
                                  -1);
}

static void
update (OutlayExpenseRow *self)
{
  OutlayCategory    *category = NULL;
  g_autofree char   *amount = NULL;
  g_autofree char   *label = NULL;
  g_autofree char   *date = NULL;
  const OutlayQuery *query = outlay_expense_model_get_shown_query (self->model);
  const char        *note;
  const char        *detail;

  if (self->expense == NULL)
    return;

  category = outlay_repository_lookup_category (get_repository (self),
                                                outlay_expense_get_category_id (self->expense));
  outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (self->icon), category);

  gtk_label_set_label (GTK_LABEL (self->description_label), outlay_expense_get_description (self->expense));
  gtk_widget_set_visible (self->repeat_icon, outlay_expense_get_rule_uuid (self->expense) != NULL);

  /* The note, on one line; without one, the category. Out of date order
   * the date comes first, since there are no day headings. */
  note = outlay_expense_get_note (self->expense);
  detail = note != NULL && *note != '\0' ? note : (category != NULL ? outlay_category_get_name (category) : "");
  if (outlay_query_get_sort_field (query) != OUTLAY_SORT_DATE)
    {
      g_autofree char *day = outlay_format_date (outlay_expense_get_occurred_on (self->expense));

      date = g_strdup_printf ("%s · %s", day, detail);
      detail = date;
    }
  gtk_label_set_label (GTK_LABEL (self->detail_label), detail);

  amount = outlay_money_format_expense (outlay_expense_get_amount (self->expense),
                                        outlay_expense_get_currency (self->expense));
  gtk_label_set_label (GTK_LABEL (self->amount_label), amount != NULL ? amount : "");
  /* A refund says so with its "+"; the colour only repeats it. */
  if (outlay_expense_get_amount (self->expense) < 0)
    gtk_widget_add_css_class (self->amount_label, "success");
  else
    gtk_widget_remove_css_class (self->amount_label, "success");

  update_heading (self);

  label = compose_label (self, category);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
on_expense_notify_cb (OutlayExpenseRow *self)
{
  update (self);
}

static void
on_position_notify_cb (OutlayExpenseRow *self)
{
  update_heading (self);
}

/* A read that starts changes nothing shown; one that ends may have added
 * the rest of a day the first page cut. */
static void
on_loading_notify_cb (OutlayExpenseRow *self)
{
  if (!outlay_expense_model_is_loading (self->model))
    update_heading (self);
}

static void
on_expenses_changed_cb (OutlayExpenseRow *self)
{
  /* The row before may have moved or changed its day, and the day's total
   * may have changed; the model has already taken the change. */
  update_heading (self);
}

static void
outlay_expense_row_dispose (GObject *object)
{
  OutlayExpenseRow *self = OUTLAY_EXPENSE_ROW (object);

  outlay_expense_row_unbind (self);
  g_clear_pointer (&self->heading_box, gtk_widget_unparent);
  g_clear_pointer (&self->main_box, gtk_widget_unparent);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (outlay_expense_row_parent_class)->dispose (object);
}

static void
outlay_expense_row_finalize (GObject *object)
{
  OutlayExpenseRow *self = OUTLAY_EXPENSE_ROW (object);

  g_free (self->currency);
  g_free (self->heading);

  G_OBJECT_CLASS (outlay_expense_row_parent_class)->finalize (object);
}

static void
outlay_expense_row_class_init (OutlayExpenseRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_expense_row_dispose;
  object_class->finalize = outlay_expense_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "expenserow");
}

/* Built in code, with the fewest widgets: the list makes a row for every
 * row it shows, about 200 when a search replaces the list. */
static void
outlay_expense_row_init (OutlayExpenseRow *self)
{
  static const char *detail_classes[] = { "dim-label", "caption", NULL };
  static const char *amount_classes[] = { "numeric", "amount", NULL };
  GtkWidget         *texts;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  /* The expense: its category, what and what else, how much. */
  self->main_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->main_box, "expense-row");
  gtk_widget_set_parent (self->main_box, GTK_WIDGET (self));

  self->icon = outlay_category_icon_new ();
  g_object_set (self->icon, "size", 36, NULL);
  gtk_widget_set_valign (self->icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->main_box), self->icon);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (self->main_box), texts);

  {
    GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    self->description_label = new_label (0.0f, NULL);
    gtk_label_set_ellipsize (GTK_LABEL (self->description_label), PANGO_ELLIPSIZE_END);
    gtk_box_append (GTK_BOX (line), self->description_label);
    /* The row's name says "recurring" in words. */
    self->repeat_icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "media-playlist-repeat-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, "visible", FALSE, NULL);
    gtk_widget_set_tooltip_text (self->repeat_icon, _("Recurring"));
    gtk_widget_add_css_class (self->repeat_icon, "dim-label");
    gtk_box_append (GTK_BOX (line), self->repeat_icon);
    gtk_box_append (GTK_BOX (texts), line);
  }

  self->detail_label = new_label (0.0f, detail_classes);
  gtk_label_set_ellipsize (GTK_LABEL (self->detail_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (self->detail_label), TRUE);
  gtk_box_append (GTK_BOX (texts), self->detail_label);

  self->amount_label = new_label (1.0f, amount_classes);
  gtk_widget_set_valign (self->amount_label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->main_box), self->amount_label);
}

GtkWidget *
outlay_expense_row_new (OutlayExpenseModel *model,
                        const char         *currency)
{
  OutlayExpenseRow *self;

  g_return_val_if_fail (OUTLAY_IS_EXPENSE_MODEL (model), NULL);

  self = g_object_new (OUTLAY_TYPE_EXPENSE_ROW, NULL);
  self->model = g_object_ref (model);
  self->currency = g_strdup (currency);

  return GTK_WIDGET (self);
}

/**
 * outlay_expense_row_bind:
 * @list_item: the list item whose expense the row shows
 */
void
outlay_expense_row_bind (OutlayExpenseRow *self,
                         GtkListItem      *list_item)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE_ROW (self));

  outlay_expense_row_unbind (self);

  self->list_item = list_item;
  self->expense = g_object_ref (gtk_list_item_get_item (list_item));
  self->expense_handler = g_signal_connect_swapped (self->expense, "notify",
                                                    G_CALLBACK (on_expense_notify_cb), self);
  self->position_handler = g_signal_connect_swapped (list_item, "notify::position",
                                                     G_CALLBACK (on_position_notify_cb), self);
  self->changed_handler = g_signal_connect_swapped (get_repository (self), "expenses-changed",
                                                    G_CALLBACK (on_expenses_changed_cb), self);
  self->loading_handler = g_signal_connect_swapped (self->model, "notify::loading",
                                                    G_CALLBACK (on_loading_notify_cb), self);
  label_list_item (self);
  update (self);
}

void
outlay_expense_row_unbind (OutlayExpenseRow *self)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE_ROW (self));

  if (self->expense != NULL)
    g_clear_signal_handler (&self->expense_handler, self->expense);
  if (self->list_item != NULL)
    g_clear_signal_handler (&self->position_handler, self->list_item);
  if (self->model != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, get_repository (self));
      g_clear_signal_handler (&self->loading_handler, self->model);
    }

  g_clear_object (&self->expense);
  self->list_item = NULL;
}

/**
 * outlay_expense_row_get_expense:
 *
 * Returns: (transfer none) (nullable): the expense shown
 */
OutlayExpense *
outlay_expense_row_get_expense (OutlayExpenseRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_ROW (self), NULL);

  return self->expense;
}

/**
 * outlay_expense_row_get_heading:
 *
 * Returns: (nullable): the day heading the row shows, if it is the first
 *   of its day
 */
const char *
outlay_expense_row_get_heading (OutlayExpenseRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_ROW (self), NULL);

  return self->heading;
}

/**
 * outlay_expense_row_dup_label:
 *
 * Returns: (transfer full): the row as one phrase, for screen readers:
 *   “Groceries, Weekly shop, 54.37 euros, Tuesday 24 November”
 */
char *
outlay_expense_row_dup_label (OutlayExpenseRow *self)
{
  OutlayCategory *category;

  g_return_val_if_fail (OUTLAY_IS_EXPENSE_ROW (self), NULL);

  if (self->expense == NULL)
    return g_strdup ("");

  category = outlay_repository_lookup_category (get_repository (self),
                                                outlay_expense_get_category_id (self->expense));

  return compose_label (self, category);
}
