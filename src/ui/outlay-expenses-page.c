/* outlay-expenses-page.c
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

/* The list of expenses beside the editor, in a leaflet: on a phone the
 * editor slides over the list, and Back returns. Search, the category and
 * period filters and the sort all become one OutlayQuery, run in SQL by the
 * lazy model, so the list stays instant at a million rows. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-expense-editor.h"
#include "outlay-expense-row.h"
#include "outlay-expenses-page.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-period.h"
#include "outlay-reader.h"

/* The period filter's entries: the presets, then a custom range. */
enum
{
  PERIOD_ALL_TIME,
  PERIOD_THIS_MONTH,
  PERIOD_LAST_MONTH,
  PERIOD_THIS_YEAR,
  PERIOD_LAST_12_MONTHS,
  PERIOD_CUSTOM,
};

static const OutlayPeriod period_presets[] = {
  OUTLAY_PERIOD_ALL_TIME,
  OUTLAY_PERIOD_THIS_MONTH,
  OUTLAY_PERIOD_LAST_MONTH,
  OUTLAY_PERIOD_THIS_YEAR,
  OUTLAY_PERIOD_LAST_12_MONTHS,
};

/* The category filter's entry of a set of categories. */
#define SET_ID ((gint64) -1)

struct _OutlayExpensesPage
{
  AdwBin parent_instance;

  OutlayRepository   *repository;
  OutlayExpenseModel *model;
  GtkSingleSelection *selection;
  /* The expense the person selected: a list read again (a search, a sort,
   * a change) selects it again wherever it lands, as soon as it is in the
   * list. Set while the list changes, so that a selection the change
   * takes away is not mistaken for the person's. */
  gint64   kept_id;
  gboolean relisting;
  /* Asked to show the kept expense while the list was being read (a
   * save in a long search): it is scrolled to once the list has it. */
  gboolean            scroll_to_kept;
  char               *currency;
  GArray             *category_ids; /* gint64 per category dropdown entry; 0 = all, -1 = the set */
  GArray             *set_ids;      /* a set of categories to filter by (a budget's), or NULL */
  gboolean            set_own;      /* the set is one category's own expenses, outside its subcategories */
  GtkStringList      *category_names;
  GtkStringList      *period_names;
  char               *custom_from;
  char               *custom_to;
  OutlaySortField     sort;
  gboolean            descending;
  guint               refresh_source;
  gboolean            updating_filters;

  /* The foot of a search is added up in a worker, as its list is read. */
  OutlayReader *reader;
  GCancellable *summary_cancellable;
  guint         loading_source;
  gboolean      summarized; /* the foot was added up once */

  GtkWidget *editor;

  /* Template widgets */
  AdwLeaflet        *leaflet;
  GtkWidget         *list_pane;
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *category_dropdown;
  GtkDropDown       *period_dropdown;
  GtkPopover        *range_popover;
  GtkCalendar       *range_from_calendar;
  GtkCalendar       *range_to_calendar;
  GtkMenuButton     *sort_button;
  GtkStack          *list_stack;
  GtkScrolledWindow *scrolled_window;
  GtkGridView       *list_view;
  GtkRevealer       *summary_revealer;
  GtkLabel          *summary_label;
  GtkLabel          *summary_total_label;
  GtkSpinner        *loading_spinner;
  GtkStack          *editor_stack;
};

enum
{
  PROP_0,
  PROP_REPOSITORY,
  PROP_CURRENCY,
  PROP_FOLDED,
  PROP_EDITING,
  N_PROPS
};

enum
{
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayExpensesPage, outlay_expenses_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

typedef struct
{
  GArray               *totals;
  guint                 n_all;
  OutlayConvertedTotal *converted; /* when more than one currency is in view */
} Summary;

static void
summary_free (Summary *summary)
{
  g_clear_pointer (&summary->totals, g_array_unref);
  g_clear_pointer (&summary->converted, outlay_converted_total_free);
  g_free (summary);
}

/* What the worker adds up: the list's query, in the foot's currency. */
typedef struct
{
  OutlayQuery *query;
  char        *currency;
} SummaryWork;

static void
summary_work_free (SummaryWork *work)
{
  outlay_query_free (work->query);
  g_free (work->currency);
  g_free (work);
}

static gpointer
summarize_thread (OutlayRepository *repository,
                  gpointer          data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  SummaryWork *work = data;
  Summary     *summary = g_new0 (Summary, 1);

  summary->totals = outlay_repository_summarize (repository, work->query, &summary->n_all, error);
  if (summary->totals == NULL)
    g_clear_pointer (&summary, summary_free);
  else if (summary->totals->len > 1 ||
           (summary->totals->len == 1 &&
            !g_str_equal (g_array_index (summary->totals, OutlayCurrencyTotal, 0).currency, work->currency)))
    summary->converted = outlay_repository_convert_total (repository, work->query, work->currency, NULL);

  return summary;
}

/* Whether the list shows a part of the ledger: what the foot and an empty
 * list say depends on it. */
static gboolean
is_filtered (const OutlayQuery *query)
{
  guint n_categories;

  outlay_query_get_categories (query, &n_categories);
  return outlay_query_get_text (query) != NULL || n_categories > 0 || outlay_query_get_date_from (query) != NULL ||
         outlay_query_get_date_to (query) != NULL;
}

static void
show_summary (OutlayExpensesPage         *self,
              const OutlayQuery          *query,
              GArray                     *totals,
              guint                       n_all,
              const OutlayConvertedTotal *converted)
{
  g_autofree char *count_text = NULL;
  g_autofree char *total_text = NULL;
  gboolean         filtered = is_filtered (query);

  count_text =
    g_strdup_printf (filtered ? g_dngettext (GETTEXT_PACKAGE, "%u matching expense", "%u matching expenses", n_all)
                              : g_dngettext (GETTEXT_PACKAGE, "%u expense", "%u expenses", n_all),
                     n_all);
  total_text = outlay_format_totals (totals, self->currency);
  /* Under the totals of several currencies, what they come to in one. */
  if (converted != NULL)
    {
      g_autofree char *amount = outlay_money_format_expense (converted->total, converted->home);
      g_autofree char *line = NULL;
      g_autofree char *totals_text = g_steal_pointer (&total_text);

      if (converted->n_without_rate > 0)
        /* Translators: under the list's totals: "≈ €31.00 in total, 2 without a rate" */
        line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "≈ %s in total, %u without a rate",
                                             "≈ %s in total, %u without a rate", converted->n_without_rate),
                                amount, converted->n_without_rate);
      else
        line = g_strdup_printf (_("≈ %s in total"), amount);
      total_text = g_strconcat (totals_text, "\n", line, NULL);
    }

  gtk_label_set_label (self->summary_label, count_text);
  gtk_label_set_label (self->summary_total_label, total_text);
  gtk_revealer_set_reveal_child (self->summary_revealer, TRUE);
}

static void
summarized_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  OutlayExpensesPage *self;
  Summary            *summary;
  g_autoptr (GError) error = NULL;

  summary = outlay_reader_run_finish (OUTLAY_READER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_clear_object (&self->summary_cancellable);

  if (summary == NULL)
    {
      if (!g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
        g_warning ("Could not add up the list: %s", error->message);
      gtk_revealer_set_reveal_child (self->summary_revealer, FALSE);
      return;
    }

  show_summary (self, outlay_expense_model_get_query (self->model), summary->totals, summary->n_all,
                summary->converted);
  summary_free (summary);
}

static void
update_summary (OutlayExpensesPage *self)
{
  const OutlayQuery *query = outlay_expense_model_get_query (self->model);
  guint              n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  SummaryWork       *work;

  g_cancellable_cancel (self->summary_cancellable);
  g_clear_object (&self->summary_cancellable);
  self->summarized = TRUE;

  /* What is shown for the previous query stays until the new one is read. */
  if (outlay_expense_model_is_loading (self->model))
    return;

  if (n_items == 0)
    gtk_stack_set_visible_child_name (self->list_stack, is_filtered (query) ? "no-results" : "empty");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  if (n_items == 0)
    {
      gtk_revealer_set_reveal_child (self->summary_revealer, FALSE);
      return;
    }

  /* Added up in the background: a search from the full-text index, the
   * rest from the per-day summary, both of which grow with the ledger.
   * The foot keeps what it showed until then. */
  if (self->reader == NULL)
    self->reader = outlay_reader_new (self->repository);
  self->summary_cancellable = g_cancellable_new ();
  work = g_new0 (SummaryWork, 1);
  work->query = outlay_query_copy (query);
  work->currency = g_strdup (self->currency);
  outlay_reader_run_async (self->reader, summarize_thread, work, (GDestroyNotify) summary_work_free,
                           (GDestroyNotify) summary_free, self->summary_cancellable, summarized_cb, self);
}

static gboolean
refresh_summary_cb (gpointer user_data)
{
  OutlayExpensesPage *self = user_data;

  self->refresh_source = 0;
  update_summary (self);

  return G_SOURCE_REMOVE;
}

/* After the frame: the new row shows first, the foot follows. */
static void
queue_summary (OutlayExpensesPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_summary_cb, self, NULL);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  OutlayExpensesPage *self = user_data;

  self->loading_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), TRUE);
  gtk_spinner_start (self->loading_spinner);

  return G_SOURCE_REMOVE;
}

/* A read that takes longer than a keystroke shows a spinner at the foot. */
static void
on_loading_changed_cb (OutlayExpensesPage *self)
{
  g_clear_handle_id (&self->loading_source, g_source_remove);

  if (outlay_expense_model_is_loading (self->model))
    {
      self->loading_source = g_timeout_add (150, show_loading_cb, self);
      return;
    }

  gtk_spinner_stop (self->loading_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), FALSE);
  queue_summary (self);
}

static void
update_query (OutlayExpensesPage *self)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint            category = gtk_drop_down_get_selected (self->category_dropdown);
  guint            period = gtk_drop_down_get_selected (self->period_dropdown);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  outlay_query_set_text (query, text);

  /* A category counts the ones under it, but for its own expenses. */
  if (category != GTK_INVALID_LIST_POSITION && category > 0 && category < self->category_ids->len)
    {
      gboolean is_set = g_array_index (self->category_ids, gint64, category) == SET_ID;
      g_autoptr (GArray) ids = NULL;

      if (is_set && self->set_own)
        ids = g_array_ref (self->set_ids);
      else
        ids = outlay_repository_expand_category_ids (self->repository,
                                                     is_set ? (const gint64 *) (gpointer) self->set_ids->data
                                                            : &g_array_index (self->category_ids, gint64, category),
                                                     is_set ? self->set_ids->len : 1);

      outlay_query_set_categories (query, (const gint64 *) (gpointer) ids->data, ids->len);
    }

  if (period == PERIOD_CUSTOM)
    outlay_query_set_date_range (query, self->custom_from, self->custom_to);
  else if (period != GTK_INVALID_LIST_POSITION && period < G_N_ELEMENTS (period_presets))
    {
      g_autoptr (GDate) today = outlay_date_new_today ();

      outlay_period_get_range (period_presets[period], today, &from, &to);
      outlay_query_set_date_range (query, from, to);
    }

  outlay_query_set_sort (query, self->sort, self->descending);

  /* The same list again (a filter set to what it was, the categories
   * read again): nothing to read or add up again. */
  if (self->summarized && outlay_query_equal (outlay_expense_model_get_query (self->model), query))
    return;

  outlay_expense_model_set_query (self->model, query);

  gtk_menu_button_set_icon_name (self->sort_button,
                                 self->descending ? "view-sort-descending-symbolic"
                                                  : "view-sort-ascending-symbolic");
  update_summary (self);
}

static void
rebuild_categories (OutlayExpensesPage *self)
{
  GListModel *categories = outlay_repository_get_categories (self->repository);
  gint64      selected_id = 0;
  guint       selected = gtk_drop_down_get_selected (self->category_dropdown);
  guint       n = g_list_model_get_n_items (categories);
  guint       new_selected = 0;
  gint64      all = 0;
  gboolean    was_updating = self->updating_filters;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->category_ids->len)
    selected_id = g_array_index (self->category_ids, gint64, selected);

  self->updating_filters = TRUE;

  g_array_set_size (self->category_ids, 0);
  g_array_append_val (self->category_ids, all);
  gtk_string_list_splice (self->category_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->category_names)), NULL);
  gtk_string_list_append (self->category_names, _("All Categories"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      gint64 id = outlay_category_get_id (category);

      g_autofree char *path = outlay_repository_dup_category_path (self->repository, category);

      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (self->category_names, path);
      if (id == selected_id)
        new_selected = i + 1;
    }

  /* A budget's categories, one entry named by all of them. */
  if (self->set_ids != NULL && self->set_ids->len > 0)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      g_autofree char *label = NULL;
      gint64           set = SET_ID;

      for (guint i = 0; i < self->set_ids->len; i++)
        {
          OutlayCategory *category =
            outlay_repository_lookup_category (self->repository, g_array_index (self->set_ids, gint64, i));

          if (category != NULL)
            g_ptr_array_add (names, (gpointer) outlay_category_get_name (category));
        }
      g_ptr_array_add (names, NULL);
      if (self->set_own && names->len == 2)
        /* Translators: what was spent in a category outside its subcategories: "Food & Drink, not in a
         * subcategory" */
        label = g_strdup_printf (_("%s, not in a subcategory"), (const char *) names->pdata[0]);
      else
        /* Translators: between categories the list shows together, a budget's: "Groceries, Eating out" */
        label = g_strjoinv (_(", "), (char **) names->pdata);
      g_array_append_val (self->category_ids, set);
      gtk_string_list_append (self->category_names, label);
      if (selected_id == SET_ID)
        new_selected = self->category_ids->len - 1;
    }

  gtk_drop_down_set_selected (self->category_dropdown, new_selected);
  self->updating_filters = was_updating;
}

static void
on_categories_changed_cb (OutlayExpensesPage *self)
{
  rebuild_categories (self);
  update_query (self);
}

static void
on_items_changed_cb (OutlayExpensesPage *self,
                     guint               position,
                     guint               removed,
                     guint               added,
                     GListModel         *model)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  queue_summary (self);

  /* The list keeps its first visible row in place, which would leave an
   * expense added at the top just out of sight. At the top means within
   * a quarter page of it: GTK 4.8 leaves a long list a row below the top
   * when it is scrolled there from far down. */
  if (position == 0 && added > 0 &&
      gtk_adjustment_get_value (adjustment) < gtk_adjustment_get_page_size (adjustment) / 4)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
on_search_changed_cb (OutlayExpensesPage *self)
{
  update_query (self);
}

static void
on_stop_search_cb (OutlayExpensesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_search_activate_cb (OutlayExpensesPage *self)
{
  /* Enter in the search goes to the results. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
set_custom_range (OutlayExpensesPage *self,
                  const char         *from,
                  const char         *to)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *label = NULL;
  g_autoptr (GDate) from_date = outlay_date_parse_iso (from);
  g_autoptr (GDate) to_date = outlay_date_parse_iso (to);
  const char *labels[2] = { NULL, NULL };

  g_free (self->custom_from);
  g_free (self->custom_to);
  self->custom_from = g_strdup (from);
  self->custom_to = g_strdup (to);

  if (from_date != NULL && to_date != NULL)
    {
      /* Translators: a short day in a date range, see strftime(3); e.g. "3 Mar" */
      from_text = outlay_format_date_with (from_date, _("%-d %b"));
      to_text = outlay_format_date_with (to_date, _("%-d %b"));
      /* Translators: a custom date range in the period filter, e.g. "3 Mar – 20 Mar" */
      label = g_strdup_printf (_("%s – %s"), from_text, to_text);
    }

  labels[0] = label != NULL ? label : _("Custom Range…");
  gtk_string_list_splice (self->period_names, PERIOD_CUSTOM, 1, labels);
}

static void
calendar_select (GtkCalendar *calendar,
                 const char  *iso)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (iso);
  g_autoptr (GDateTime) time = NULL;

  if (date == NULL)
    date = outlay_date_new_today ();

  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  gtk_calendar_select_day (calendar, time);
}

static char *
calendar_get_iso (GtkCalendar *calendar)
{
  g_autoptr (GDateTime) time = gtk_calendar_get_date (calendar);

  return g_date_time_format (time, "%Y-%m-%d");
}

static void
on_filter_changed_cb (OutlayExpensesPage *self)
{
  if (self->updating_filters)
    return;

  if (gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_CUSTOM && self->custom_from == NULL)
    {
      calendar_select (self->range_from_calendar, NULL);
      calendar_select (self->range_to_calendar, NULL);
      gtk_popover_popup (self->range_popover);
      return;
    }

  update_query (self);
}

static void
on_range_apply_cb (OutlayExpensesPage *self)
{
  g_autofree char *from = calendar_get_iso (self->range_from_calendar);
  g_autofree char *to = calendar_get_iso (self->range_to_calendar);

  /* Either order means the days between. */
  if (g_strcmp0 (from, to) > 0)
    set_custom_range (self, to, from);
  else
    set_custom_range (self, from, to);

  gtk_popover_popdown (self->range_popover);
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_CUSTOM);
  self->updating_filters = FALSE;
  update_query (self);
}

static void
sort_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  OutlayExpensesPage *self = user_data;
  const char         *value = g_variant_get_string (parameter, NULL);

  self->descending = g_str_has_suffix (value, "-desc");
  if (g_str_has_prefix (value, "amount"))
    self->sort = OUTLAY_SORT_AMOUNT;
  else if (g_str_has_prefix (value, "description"))
    self->sort = OUTLAY_SORT_DESCRIPTION;
  else
    self->sort = OUTLAY_SORT_DATE;

  g_simple_action_set_state (action, parameter);
  update_query (self);
}

static void
show_editor (OutlayExpensesPage *self)
{
  gtk_stack_set_visible_child (self->editor_stack, self->editor);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  gtk_widget_grab_focus (self->editor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
on_model_changing_cb (OutlayExpensesPage *self)
{
  self->relisting = TRUE;
}

/* After the selection has followed the change: the kept expense is
 * selected again when the change brought it (back) into the list. */
static void
on_model_changed_cb (OutlayExpensesPage *self,
                     guint               position,
                     guint               removed,
                     guint               added)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  self->relisting = FALSE;

  /* A change that only removes brings nothing back. */
  if (added == 0 || self->kept_id == 0 || (selected != GTK_INVALID_LIST_POSITION && !self->scroll_to_kept))
    return;

  position = outlay_expense_model_find (self->model, self->kept_id);
  if (position == G_MAXUINT)
    return;

  if (position != selected)
    gtk_single_selection_set_selected (self->selection, position);
  if (self->scroll_to_kept)
    {
      self->scroll_to_kept = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
    }
}

static void
on_selected_item_cb (OutlayExpensesPage *self)
{
  OutlayExpense *expense = gtk_single_selection_get_selected_item (self->selection);

  if (expense != NULL && outlay_expense_get_id (expense) != self->kept_id)
    {
      self->kept_id = outlay_expense_get_id (expense);
      self->scroll_to_kept = FALSE;
    }
  else if (expense == NULL && !self->relisting)
    {
      self->kept_id = 0;
      self->scroll_to_kept = FALSE;
    }
}

static void
select_expense (OutlayExpensesPage *self,
                gint64              id)
{
  guint position = outlay_expense_model_find (self->model, id);

  if (position == G_MAXUINT)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      /* Selected once the list shows it (another search, another filter,
       * a long list read again after a save). */
      self->kept_id = id;
      self->scroll_to_kept = outlay_expense_model_is_loading (self->model);
      return;
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  /* The list being read again may move it (a new amount in amount order). */
  self->scroll_to_kept = outlay_expense_model_is_loading (self->model);
}

static void
on_list_activate_cb (OutlayExpensesPage *self,
                     guint               position)
{
  g_autoptr (OutlayExpense) expense = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (expense != NULL)
    outlay_expenses_page_edit_expense (self, expense);
}

static void
on_editor_saved_cb (OutlayExpensesPage *self,
                    OutlayExpense      *before,
                    OutlayExpense      *after,
                    gboolean            add_another)
{
  g_signal_emit (self, signals[SAVED], 0, before, after);

  if (add_another)
    return;

  select_expense (self, outlay_expense_get_id (after));

  /* On a phone, back to the list, which shows the saved expense; on a
   * desktop the editor stays on it for another change. Either way the
   * keyboard goes back to the list, where the next step starts. */
  if (adw_leaflet_get_folded (self->leaflet))
    outlay_expenses_page_close_editor (self);
  else
    {
      outlay_expense_editor_edit (OUTLAY_EXPENSE_EDITOR (self->editor), after);
      outlay_expenses_page_focus_list (self);
    }
}

static void
on_editor_cancelled_cb (OutlayExpensesPage *self)
{
  outlay_expenses_page_close_editor (self);
}

static void
on_editor_delete_requested_cb (OutlayExpensesPage *self,
                               OutlayExpense      *expense)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, expense);
}

static void
on_leaflet_notify_cb (OutlayExpensesPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
on_expenses_changed_cb (OutlayExpensesPage  *self,
                        OutlayExpenseChange *change)
{
  OutlayExpense *editing = outlay_expense_editor_get_expense (OUTLAY_EXPENSE_EDITOR (self->editor));

  /* The expense in the editor was deleted, here or elsewhere. */
  if (editing != NULL && change->after != NULL &&
      outlay_expense_get_id (change->after) == outlay_expense_get_id (editing) &&
      outlay_expense_get_deleted_at (change->after) != NULL)
    outlay_expenses_page_close_editor (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              OutlayExpensesPage       *self)
{
  gtk_list_item_set_child (list_item, outlay_expense_row_new (self->model, self->currency));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             OutlayExpensesPage       *self)
{
  outlay_expense_row_bind (OUTLAY_EXPENSE_ROW (gtk_list_item_get_child (list_item)), list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               OutlayExpensesPage       *self)
{
  outlay_expense_row_unbind (OUTLAY_EXPENSE_ROW (gtk_list_item_get_child (list_item)));
}

/* The filter buttons shrink on a phone: their label ellipsizes, while the
 * popup's entries stay whole. */
static GtkListItemFactory *
label_factory (gboolean ellipsize)
{
  g_autofree char *ui = g_strdup_printf (
    "<interface><template class=\"GtkListItem\"><property name=\"child\">"
    "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
    "<property name=\"ellipsize\">%s</property>"
    "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\">"
    "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
    "</object></property></template></interface>",
    ellipsize ? "end" : "none");
  g_autoptr (GBytes) bytes = g_bytes_new (ui, strlen (ui));

  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}

static gboolean
delete_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  OutlayExpensesPage *self = user_data;
  OutlayExpense      *expense = outlay_expenses_page_get_selected (self);

  if (expense == NULL)
    return FALSE;

  g_signal_emit (self, signals[DELETE_REQUESTED], 0, expense);
  return TRUE;
}

static void
outlay_expenses_page_constructed (GObject *object)
{
  OutlayExpensesPage *self = OUTLAY_EXPENSES_PAGE (object);
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr (GSimpleAction) sort = NULL;
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *shortcuts;
  const char         *period_labels[] = {
            _("All Time"),
            outlay_period_get_label (OUTLAY_PERIOD_THIS_MONTH),
            outlay_period_get_label (OUTLAY_PERIOD_LAST_MONTH),
            outlay_period_get_label (OUTLAY_PERIOD_THIS_YEAR),
            outlay_period_get_label (OUTLAY_PERIOD_LAST_12_MONTHS),
            _("Custom Range…"),
            NULL,
  };

  G_OBJECT_CLASS (outlay_expenses_page_parent_class)->constructed (object);

  self->model = outlay_expense_model_new (self->repository);
  /* Around the selection's own handler: connected before it exists, and
   * after. */
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_changing_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_grid_view_set_factory (self->list_view, factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Delete deletes the selected expense when the list has the focus; in a
   * text field it keeps deleting text. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_callback_action_new (delete_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  for (guint i = 0; i < 2; i++)
    {
      GtkDropDown *dropdown = i == 0 ? self->category_dropdown : self->period_dropdown;
      g_autoptr (GtkListItemFactory) button_factory = label_factory (TRUE);
      g_autoptr (GtkListItemFactory) list_factory = label_factory (FALSE);

      gtk_drop_down_set_factory (dropdown, button_factory);
      gtk_drop_down_set_list_factory (dropdown, list_factory);
    }

  /* The list is read once, at the end; not for each filter set up here. */
  self->updating_filters = TRUE;
  self->category_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (self->category_names));
  self->period_names = gtk_string_list_new (period_labels);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (self->period_names));

  rebuild_categories (self);
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_ALL_TIME);
  self->updating_filters = FALSE;

  sort = g_simple_action_new_stateful ("sort", G_VARIANT_TYPE_STRING, g_variant_new_string ("date-desc"));
  g_signal_connect (sort, "activate", G_CALLBACK (sort_action), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (sort));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "list", G_ACTION_GROUP (group));

  self->editor = outlay_expense_editor_new (self->repository);
  g_object_set (self->editor, "currency", self->currency, NULL);
  gtk_stack_add_named (self->editor_stack, self->editor, "editor");
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "cancelled", G_CALLBACK (on_editor_cancelled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "delete-requested", G_CALLBACK (on_editor_delete_requested_cb), self,
                           G_CONNECT_SWAPPED);

  /* The window's own header bar has the window buttons; on a phone the
   * editor's Cancel leads back to it. */
  g_object_set (self->editor,
                "show-start-title-buttons", FALSE,
                "show-end-title-buttons", FALSE,
                NULL);

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_leaflet_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (on_leaflet_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (on_loading_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repository, "categories-changed", G_CALLBACK (on_categories_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repository, "rates-changed", G_CALLBACK (queue_summary), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repository, "expenses-changed", G_CALLBACK (on_expenses_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_query (self);
}

static void
outlay_expenses_page_dispose (GObject *object)
{
  OutlayExpensesPage *self = OUTLAY_EXPENSES_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  g_cancellable_cancel (self->summary_cancellable);
  g_clear_object (&self->summary_cancellable);
  g_clear_object (&self->reader);
  /* AdwBin keeps its own pointer to the template's root. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_EXPENSES_PAGE);
  self->editor = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->category_names);
  g_clear_object (&self->period_names);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_expenses_page_parent_class)->dispose (object);
}

static void
outlay_expenses_page_finalize (GObject *object)
{
  OutlayExpensesPage *self = OUTLAY_EXPENSES_PAGE (object);

  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->set_ids, g_array_unref);
  g_free (self->currency);
  g_free (self->custom_from);
  g_free (self->custom_to);

  G_OBJECT_CLASS (outlay_expenses_page_parent_class)->finalize (object);
}

static void
outlay_expenses_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OutlayExpensesPage *self = OUTLAY_EXPENSES_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, outlay_expenses_page_get_folded (self));
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, outlay_expenses_page_get_editing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_expenses_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OutlayExpensesPage *self = OUTLAY_EXPENSES_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;

    case PROP_CURRENCY:
      g_free (self->currency);
      self->currency = g_value_dup_string (value);
      if (self->currency == NULL)
        self->currency = g_strdup (outlay_currency_for_locale ());
      if (self->editor != NULL)
        {
          g_object_set (self->editor, "currency", self->currency, NULL);
          update_summary (self);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_expenses_page_class_init (OutlayExpensesPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = outlay_expenses_page_constructed;
  object_class->dispose = outlay_expenses_page_dispose;
  object_class->finalize = outlay_expenses_page_finalize;
  object_class->get_property = outlay_expenses_page_get_property;
  object_class->set_property = outlay_expenses_page_set_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         OUTLAY_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayExpensesPage::saved:
   * @before: (nullable): the expense before the change, %NULL for a new one
   * @after: the stored expense
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, OUTLAY_TYPE_EXPENSE, OUTLAY_TYPE_EXPENSE);

  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, OUTLAY_TYPE_EXPENSE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/outlay-expenses-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, range_popover);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, range_from_calendar);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, range_to_calendar);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, summary_revealer);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, summary_total_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, OutlayExpensesPage, editor_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_range_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
}

static void
outlay_expenses_page_init (OutlayExpensesPage *self)
{
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sort = OUTLAY_SORT_DATE;
  self->descending = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
outlay_expenses_page_new (OutlayRepository *repository,
                          const char       *currency)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);

  return g_object_new (OUTLAY_TYPE_EXPENSES_PAGE,
                       "repository", repository,
                       "currency", currency,
                       NULL);
}

/**
 * outlay_expenses_page_get_model:
 *
 * Returns: (transfer none): the list's model
 */
OutlayExpenseModel *
outlay_expenses_page_get_model (OutlayExpensesPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSES_PAGE (self), NULL);

  return self->model;
}

/**
 * outlay_expenses_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the expense selected in the list, or
 *   else the one open in the editor
 */
OutlayExpense *
outlay_expenses_page_get_selected (OutlayExpensesPage *self)
{
  OutlayExpense *selected;

  g_return_val_if_fail (OUTLAY_IS_EXPENSES_PAGE (self), NULL);

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    return selected;

  if (gtk_stack_get_visible_child (self->editor_stack) == self->editor)
    return outlay_expense_editor_get_expense (OUTLAY_EXPENSE_EDITOR (self->editor));

  return NULL;
}

void
outlay_expenses_page_new_expense (OutlayExpensesPage *self)
{
  g_return_if_fail (OUTLAY_IS_EXPENSES_PAGE (self));

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->kept_id = 0;
  outlay_expense_editor_new_expense (OUTLAY_EXPENSE_EDITOR (self->editor));
  show_editor (self);
}

void
outlay_expenses_page_edit_expense (OutlayExpensesPage *self,
                                   OutlayExpense      *expense)
{
  g_return_if_fail (OUTLAY_IS_EXPENSES_PAGE (self));
  g_return_if_fail (OUTLAY_IS_EXPENSE (expense));

  select_expense (self, outlay_expense_get_id (expense));
  outlay_expense_editor_edit (OUTLAY_EXPENSE_EDITOR (self->editor), expense);
  show_editor (self);
  outlay_expense_editor_focus_amount (OUTLAY_EXPENSE_EDITOR (self->editor));
}

/**
 * outlay_expenses_page_close_editor:
 *
 * Leaves the editor: back to the list on a phone, the placeholder on a
 * desktop. Focus returns to the list.
 */
void
outlay_expenses_page_close_editor (OutlayExpensesPage *self)
{
  g_return_if_fail (OUTLAY_IS_EXPENSES_PAGE (self));

  /* What the editor waited to save is not for a form that is gone. */
  outlay_expense_editor_stop_waiting (OUTLAY_EXPENSE_EDITOR (self->editor));
  gtk_stack_set_visible_child_name (self->editor_stack, "placeholder");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  outlay_expenses_page_focus_list (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

void
outlay_expenses_page_start_search (OutlayExpensesPage *self)
{
  g_return_if_fail (OUTLAY_IS_EXPENSES_PAGE (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * outlay_expenses_page_search:
 * @text: the words to look for
 *
 * Opens the search with @text in it, as a search from the desktop asks.
 */
void
outlay_expenses_page_search (OutlayExpensesPage *self,
                             const char         *text)
{
  g_return_if_fail (OUTLAY_IS_EXPENSES_PAGE (self));
  g_return_if_fail (text != NULL);

  outlay_expenses_page_start_search (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

void
outlay_expenses_page_focus_list (OutlayExpensesPage *self)
{
  g_return_if_fail (OUTLAY_IS_EXPENSES_PAGE (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Shows a set of categories, one entry of the filter. */
static void
show_set (OutlayExpensesPage *self,
          const gint64       *category_ids,
          guint               n_category_ids,
          gboolean            own,
          const char         *from,
          const char         *to)
{
  g_clear_pointer (&self->set_ids, g_array_unref);
  self->set_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_category_ids);
  g_array_append_vals (self->set_ids, category_ids, n_category_ids);
  self->set_own = own;
  rebuild_categories (self);
  outlay_expenses_page_show_filtered (self, SET_ID, from, to);
}

/**
 * outlay_expenses_page_show_categories:
 * @category_ids: (array length=n_category_ids): the categories to show;
 *   none for all
 * @from: (nullable): the first day, or %NULL for all time
 * @to: (nullable): the last day
 *
 * Shows the expenses of some categories in a period, as a budget of them
 * asks: several become one entry of the category filter, named by all of
 * them, which stays until another set takes its place.
 */
void
outlay_expenses_page_show_categories (OutlayExpensesPage *self,
                                      const gint64       *category_ids,
                                      guint               n_category_ids,
                                      const char         *from,
                                      const char         *to)
{
  g_return_if_fail (OUTLAY_IS_EXPENSES_PAGE (self));
  g_return_if_fail (category_ids != NULL || n_category_ids == 0);

  if (n_category_ids <= 1)
    {
      outlay_expenses_page_show_filtered (self, n_category_ids == 1 ? category_ids[0] : 0, from, to);
      return;
    }

  show_set (self, category_ids, n_category_ids, FALSE, from, to);
}

/**
 * outlay_expenses_page_show_own:
 * @category_id: a category with subcategories
 * @from: (nullable): the first day, or %NULL for all time
 * @to: (nullable): the last day
 *
 * Shows the expenses of @category_id outside its subcategories, as the
 * Dashboard's "Food & Drink, not in a subcategory" asks: one entry of the
 * category filter, named so, which stays until another set takes its
 * place.
 */
void
outlay_expenses_page_show_own (OutlayExpensesPage *self,
                               gint64              category_id,
                               const char         *from,
                               const char         *to)
{
  g_return_if_fail (OUTLAY_IS_EXPENSES_PAGE (self));

  show_set (self, &category_id, 1, TRUE, from, to);
}

/**
 * outlay_expenses_page_get_category_filter:
 *
 * Returns: what the category filter shows: "All Categories", a
 *   category's name, or the names of a budget's categories
 */
const char *
outlay_expenses_page_get_category_filter (OutlayExpensesPage *self)
{
  guint selected;

  g_return_val_if_fail (OUTLAY_IS_EXPENSES_PAGE (self), NULL);

  selected = gtk_drop_down_get_selected (self->category_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->category_names, selected);
}

/**
 * outlay_expenses_page_show_filtered:
 * @category_id: the category to show, or 0 for all
 * @from: (nullable): the first day, or %NULL for all time
 * @to: (nullable): the last day
 *
 * Shows the expenses of a category in a period, as the dashboard asks.
 */
void
outlay_expenses_page_show_filtered (OutlayExpensesPage *self,
                                    gint64              category_id,
                                    const char         *from,
                                    const char         *to)
{
  g_autoptr (GDate) today = outlay_date_new_today ();
  guint category = 0;
  guint period = PERIOD_CUSTOM;

  g_return_if_fail (OUTLAY_IS_EXPENSES_PAGE (self));

  for (guint i = 0; i < self->category_ids->len; i++)
    if (g_array_index (self->category_ids, gint64, i) == category_id)
      category = i;

  for (guint i = 0; i < G_N_ELEMENTS (period_presets); i++)
    {
      g_autofree char *preset_from = NULL;
      g_autofree char *preset_to = NULL;

      outlay_period_get_range (period_presets[i], today, &preset_from, &preset_to);
      if (g_strcmp0 (preset_from, from) == 0 && g_strcmp0 (preset_to, to) == 0)
        period = i;
    }

  if (period == PERIOD_CUSTOM)
    set_custom_range (self, from, to);

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_drop_down_set_selected (self->category_dropdown, category);
  gtk_drop_down_set_selected (self->period_dropdown, period);
  self->updating_filters = FALSE;

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  update_query (self);
}

gboolean
outlay_expenses_page_get_folded (OutlayExpensesPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSES_PAGE (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

/**
 * outlay_expenses_page_get_editing:
 *
 * Returns: whether the editor fills the page (folded, on a phone)
 */
gboolean
outlay_expenses_page_get_editing (OutlayExpensesPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSES_PAGE (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "editor") == 0;
}

/**
 * outlay_expenses_page_get_editor:
 *
 * Returns: (transfer none): the editor
 */
GtkWidget *
outlay_expenses_page_get_editor (OutlayExpensesPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSES_PAGE (self), NULL);

  return self->editor;
}
