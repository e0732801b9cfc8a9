/* outlay-ui-benchmark.c
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

#include "config.h"

/* outlay-ui-benchmark: how the real window behaves with a million
 * expenses, next to the same window with none.
 *
 *   xvfb-run -a outlay-ui-benchmark [--database PATH] [--count N] [--runs R]
 *
 * PATH is the big database. When it does not exist it is made by the
 * outlay-benchmark program next to this one (N expenses, a million by
 * default) and kept; without --database a temporary one is made and
 * removed at the end. Each run starts this program again as a child
 * (--child all) on a fresh copy of the big database and on a fresh empty
 * one, in turn, so that every figure comes from a new process and no run
 * changes the file given. A child opens the window the way `outlay` does
 * and measures:
 *
 *  - the first frame: from the process start (the parent's clock just
 *    before it spawned the child) to the first "after-paint" of the
 *    window's frame clock that followed a paint;
 *  - adding: outlay_repository_add_expense() of an expense dated today,
 *    with the list at the top, then the frames until the model has it
 *    first, the list has a row for it and the dashboard's total has
 *    changed ("updated"), and until that row is inside the list's
 *    viewport ("in view");
 *  - scrolling: the list's vertical adjustment stepped once per frame, a
 *    quarter page at a time at the top, then in jumps to the bottom; per
 *    frame, the time from "before-paint" to "after-paint" (what the frame
 *    cost, whatever the frame clock's pace) and the time between two
 *    frames (what a person sees);
 *  - typing: "coffee" into the search bar a letter every 150 ms; the
 *    longest main-loop stall from the first letter until the whole list
 *    of matches is shown, and the time from the last letter until the
 *    list shows the first page of the matches of "coffee";
 *  - peak RSS (VmHWM) after the first frame and at the end;
 *  - importing, after the rest: a CSV file of 100,000 lines through the
 *    import window (opened and planned; Import pressed until the list shows
 *    the new expenses; Undo until it no longer does), with the longest
 *    main-loop stall of each part.
 * Each run also starts this program as a bare libadwaita window (a header
 * bar over a status page, --child bare): the baseline of the first frame.
 *
 * It prints one line per figure, `name: value unit`, the median of the runs,
 * then which targets are met. The renderer in use is printed: set
 * GSK_RENDERER (gl, cairo) to choose one. Under Xvfb, GL is Mesa's
 * software rasterizer and the frame clock is a 60 Hz timer.
 *
 * To profile one part, run a child by hand on a copy of the database (a
 * child writes to it):
 *
 *   xvfb-run -a perf record -g outlay-ui-benchmark --child scroll --database COPY
 *
 * with first-frame, add, scroll, typing, import or all; it prints `key=values` lines.
 * With OUTLAY_UI_BENCHMARK_STALLS set, a child also prints each main-loop
 * stall over 25 ms with its start and end on the monotonic clock, which
 * `perf record -k CLOCK_MONOTONIC` stamps its samples with: `perf script
 * --time START,END --tid PID` then shows what the main thread did.
 *
 * It is run by hand, not by `meson test`. */

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "outlay-application.h"
#include "outlay-dashboard-page.h"
#include "outlay-expense-row.h"
#include "outlay-expenses-page.h"
#include "outlay-import-window.h"
#include "outlay-window.h"

#define DEFAULT_COUNT 1000000
#define DEFAULT_RUNS 5
#define N_ADDS 5
#define N_SMALL_STEPS 60
#define N_JUMP_STEPS 300
#define SETTLE_MS 300
#define ADD_WAIT_MS 1000
#define TIMEOUT_S 60
#define TYPED_WORD "coffee"
#define TYPING_INTERVAL_MS 150
#define TYPING_WAIT_MS 2000
#define STALL_TICK_MS 5
#define FIRST_PAGE 64
#define IMPORT_LINES 100000
#define IMPORT_WAIT_S 300

#define TARGET_FIRST_FRAME_RATIO 1.2
#define TARGET_FIRST_FRAME_BARE_RATIO 1.3
#define TARGET_FRAME_MEDIAN_MS 16.0
#define TARGET_FRAME_MAX_MS 50.0
#define TARGET_ADD_SHOWN_MS 16.0
#define TARGET_RSS_RATIO 1.3
#define TARGET_TYPING_STALL_MS 50.0
#define TARGET_TYPING_SHOWN_MS 150.0
#define TARGET_IMPORT_STALL_MS 50.0

/* Options */

static char  *opt_database = NULL;
static int    opt_runs = DEFAULT_RUNS;
static int    opt_count = DEFAULT_COUNT;
static char  *opt_child = NULL;
static gint64 opt_spawned_at = 0;

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    "The big database; made with outlay-benchmark when it does not exist (default: a temporary one)", "PATH" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Runs, each in a new process; the median is printed (default 5)",
    "R" },
  { "count", 'n', 0, G_OPTION_ARG_INT, &opt_count, "Expenses in a database that is made (default 1000000)", "N" },
  { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_child,
    "Measure in this process: first-frame, add, scroll, typing, import, all or bare", "WHAT" },
  { "spawned-at", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &opt_spawned_at,
    "The parent's monotonic clock when it spawned this child, in µs", "US" },
  { NULL }
};

/* Figures */

static double
ms_between (gint64 start,
            gint64 end)
{
  return (end - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values. */
static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return 0.0;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2.0;
}

/* Sorts @values. */
static double
percentile (GArray *values,
            double  fraction)
{
  if (values->len == 0)
    return 0.0;

  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN ((guint) (fraction * values->len), values->len - 1));
}

static double
maximum (GArray *values)
{
  double max = 0.0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));

  return max;
}

static void
print_figure (const char *name,
              double      value,
              const char *unit)
{
  if (value >= 100.0)
    g_print ("%s: %.0f %s\n", name, value, unit);
  else if (value >= 0.1)
    g_print ("%s: %.1f %s\n", name, value, unit);
  else
    g_print ("%s: %.3f %s\n", name, value, unit);
}

/* A field of /proc/self/status, in kB; 0 where there is none. */
static guint64
read_status_kb (const char *field)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  gsize field_len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return 0;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, field_len) == 0 && lines[i][field_len] == ':')
      return g_ascii_strtoull (lines[i] + field_len + 1, NULL, 10);

  return 0;
}

/* The process start on the monotonic clock, from /proc/self/stat (in
 * clock ticks since boot, so to 10 ms at best); used when the child is
 * started by hand rather than by the parent, which passes its own clock. */
static gint64
process_start_from_proc (void)
{
  g_autofree char *stat = NULL;
  g_auto (GStrv) fields = NULL;
  struct timespec boot;
  const char     *after_name;
  guint64         ticks;
  gint64          age;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL ||
      clock_gettime (CLOCK_BOOTTIME, &boot) != 0)
    return 0;

  /* Field 22 is the start time; the fields after the name start at 3. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 20)
    return 0;

  ticks = g_ascii_strtoull (fields[19], NULL, 10);
  age = (boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000) -
        (gint64) (ticks * G_USEC_PER_SEC / sysconf (_SC_CLK_TCK));

  return g_get_monotonic_time () - age;
}

/* CPU time of every thread of this process so far: unlike the wall
 * clock, it hardly grows while other processes have the CPU. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The child: one window, measured */

typedef struct
{
  gint64      process_start;
  gint64      main_start;
  const char *what;
  char       *error;

  OutlayWindow       *window;
  OutlayRepository   *repository;
  OutlayExpenseModel *model;
  GtkWidget          *list_view;
  GtkAdjustment      *vadjustment;
  GtkLabel           *total_label;

  /* The frame in progress */
  gint64   frame_start;
  gint64   layout_end;
  gint64   paint_end;
  gboolean painted;

  /* The first frame */
  gint64   first_frame;
  double   first_frame_cpu_ms;
  gboolean first_frame_done;
  guint    first_frame_rows;
  char    *first_frame_page;

  /* Scrolling */
  guint    scroll_step;
  gboolean scroll_done;
  gboolean scrolled_in_frame;
  gint64   previous_scroll_frame;
  GArray  *frame_ms;
  GArray  *frame_interval_ms;
  GArray  *frame_layout_ms;
  GArray  *frame_paint_ms;
  double   scroll_upper;
  double   scroll_final_value;
  gboolean scroll_last_row_in_view;

  /* Adding */
  gint64   add_id;
  char    *total_before;
  gboolean add_waiting;
  gint64   add_updated;
  gint64   add_in_view;
  gboolean add_done;
  guint    add_frames;
  GArray  *add_call_ms;
  GArray  *add_updated_ms;
  GArray  *add_in_view_ms;
  GArray  *add_frames_waited;

  /* Typing into the search bar */
  guint    stall_source;
  gint64   stall_last;
  gint64   stall_longest;
  GArray  *typed_first_ids; /* gint64: the first page of TYPED_WORD */
  gint64   typed_last_key;
  gint64   typed_shown;
  gboolean typed_done;

  /* Importing through the import window, and undoing it */
  double import_plan_ms;
  double import_plan_stall_ms;
  double import_write_ms;
  double import_write_stall_ms;
  double import_undo_ms;
  double import_undo_stall_ms;
} Child;

static Child child;

/* Whether all of @row is inside the scrolled window's viewport: GTK
 * keeps rows just above and below it too. */
static gboolean
in_view (GtkWidget *row)
{
  GtkWidget      *viewport = gtk_widget_get_parent (child.list_view);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (row, viewport, &bounds))
    return FALSE;

  return bounds.origin.y >= 0 && bounds.size.height > 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport);
}

static OutlayExpenseRow *
find_row (GtkWidget *list_view,
          gint64     id)
{
  /* The list's children are GTK's row widgets, each holding an
   * OutlayExpenseRow. */
  for (GtkWidget *item = gtk_widget_get_first_child (list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    for (GtkWidget *row = gtk_widget_get_first_child (item);
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        OutlayExpense *expense;

        if (!OUTLAY_IS_EXPENSE_ROW (row) || !gtk_widget_get_mapped (row))
          continue;

        expense = outlay_expense_row_get_expense (OUTLAY_EXPENSE_ROW (row));
        if (expense != NULL && outlay_expense_get_id (expense) == id)
          return OUTLAY_EXPENSE_ROW (row);
      }

  return NULL;
}

static guint
count_rows (GtkWidget *list_view)
{
  guint n = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    for (GtkWidget *row = gtk_widget_get_first_child (item);
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (OUTLAY_IS_EXPENSE_ROW (row) && gtk_widget_get_mapped (row) &&
          outlay_expense_row_get_expense (OUTLAY_EXPENSE_ROW (row)) != NULL)
        n++;

  return n;
}

/* The grid of the page's own model, where the expenses are listed. */
static GtkWidget *
find_list_view (GtkWidget  *widget,
                GListModel *model)
{
  if (GTK_IS_GRID_VIEW (widget))
    {
      GtkSelectionModel *selection = gtk_grid_view_get_model (GTK_GRID_VIEW (widget));

      if (GTK_IS_SINGLE_SELECTION (selection) &&
          gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)) == model)
        return widget;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_list_view (c, model);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The list has the added expense first, and a row for it; the dashboard's
 * total has changed. */
static gboolean
added_expense_updated (void)
{
  g_autoptr (OutlayExpense) first = g_list_model_get_item (G_LIST_MODEL (child.model), 0);

  return first != NULL && outlay_expense_get_id (first) == child.add_id &&
         find_row (child.list_view, child.add_id) != NULL &&
         g_strcmp0 (gtk_label_get_label (child.total_label), child.total_before) != 0;
}

static void
before_paint_cb (GdkFrameClock *clock)
{
  child.frame_start = g_get_monotonic_time ();
  child.layout_end = 0;
  child.paint_end = 0;
  child.painted = FALSE;
}

static void
layout_cb (GdkFrameClock *clock)
{
  child.layout_end = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock)
{
  child.paint_end = g_get_monotonic_time ();
  child.painted = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  if (child.first_frame == 0 && child.painted)
    {
      GtkWidget *page = outlay_window_get_expenses_page (child.window);
      GtkWidget *stack = gtk_widget_get_ancestor (child.list_view, GTK_TYPE_STACK);

      child.first_frame = now;
      child.first_frame_cpu_ms = process_cpu_ms ();
      child.first_frame_done = TRUE;
      child.first_frame_rows = count_rows (child.list_view);
      if (gtk_widget_get_mapped (page) && stack != NULL)
        child.first_frame_page = g_strdup_printf ("expenses/%s", gtk_stack_get_visible_child_name (GTK_STACK (stack)));
      else
        child.first_frame_page = g_strdup ("dashboard");
    }

  if (child.scrolled_in_frame)
    {
      gint64 layout_end = child.layout_end != 0 ? child.layout_end : child.frame_start;
      gint64 paint_end = child.paint_end != 0 ? child.paint_end : layout_end;
      double value;

      value = ms_between (child.frame_start, now);
      g_array_append_val (child.frame_ms, value);
      value = ms_between (child.frame_start, layout_end);
      g_array_append_val (child.frame_layout_ms, value);
      value = ms_between (layout_end, paint_end);
      g_array_append_val (child.frame_paint_ms, value);
      if (child.previous_scroll_frame != 0)
        {
          value = ms_between (child.previous_scroll_frame, now);
          g_array_append_val (child.frame_interval_ms, value);
        }
      child.previous_scroll_frame = now;
      child.scrolled_in_frame = FALSE;
    }

  /* Frames go on until the expense is in view or the wait ends. */
  if (child.add_waiting && !child.add_done)
    {
      OutlayExpenseRow *row;

      if (child.add_updated == 0)
        {
          child.add_frames++;
          if (added_expense_updated ())
            child.add_updated = now;
        }
      if (child.add_updated != 0 &&
          (row = find_row (child.list_view, child.add_id)) != NULL &&
          in_view (GTK_WIDGET (row)))
        {
          child.add_in_view = now;
          child.add_done = TRUE;
        }
      else
        gtk_widget_queue_draw (GTK_WIDGET (child.window));
    }
}

static void
window_realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  GtkWidget     *page = outlay_window_get_expenses_page (OUTLAY_WINDOW (window));
  GtkWidget     *dashboard = outlay_window_get_dashboard_page (OUTLAY_WINDOW (window));

  child.window = OUTLAY_WINDOW (window);
  child.model = outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (page));
  child.list_view = find_list_view (page, G_LIST_MODEL (child.model));
  g_assert (child.list_view != NULL);
  child.vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (child.list_view));
  child.total_label = GTK_LABEL (gtk_widget_get_template_child (dashboard, OUTLAY_TYPE_DASHBOARD_PAGE, "total_label"));
  g_assert (child.total_label != NULL);

  /* GTK's own handlers were connected when the surface was made, so these
   * run after them: "layout" marks the end of the layout, "paint" the end
   * of the snapshot and the render. */
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (OUTLAY_IS_WINDOW (window) && child.window == NULL)
    g_signal_connect_after (window, "realize", G_CALLBACK (window_realize_cb), NULL);
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@done, or for @ms milliseconds when @done is
 * %NULL. FALSE when it timed out waiting for *@done. */
static gboolean
run_until (const gboolean *done,
           guint           ms)
{
  gboolean timed_out = FALSE;
  guint    id = g_timeout_add (ms, flag_cb, &timed_out);

  while (!(done != NULL && *done) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return done == NULL || *done;
}

static void
fail (const char *message)
{
  if (child.error == NULL)
    child.error = g_strdup (message);
}

static gboolean
wait_first_frame (void)
{
  return run_until (&child.first_frame_done, TIMEOUT_S * 1000);
}

static void
measure_adds (void)
{
  g_autoptr (GDate) today = g_date_new ();
  GListModel *categories = outlay_repository_get_categories (child.repository);
  g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, 0);

  g_date_set_time_t (today, time (NULL));
  gtk_adjustment_set_value (child.vadjustment, 0.0);

  for (guint i = 0; i < N_ADDS; i++)
    {
      g_autoptr (OutlayExpense) draft = outlay_expense_new ();
      g_autoptr (OutlayExpense) added = NULL;
      g_autoptr (GError) error = NULL;
      gint64 call, returned;
      double value;

      /* Nothing pending: the frame clock is idle and may paint at once. */
      run_until (NULL, SETTLE_MS);

      outlay_expense_set_amount (draft, 1234 + i);
      outlay_expense_set_currency (draft, "EUR");
      outlay_expense_set_description (draft, "UI benchmark");
      outlay_expense_set_category_id (draft, outlay_category_get_id (category));
      outlay_expense_set_date (draft, today);

      g_free (child.total_before);
      child.total_before = g_strdup (gtk_label_get_label (child.total_label));
      child.add_updated = 0;
      child.add_in_view = 0;
      child.add_frames = 0;

      call = g_get_monotonic_time ();
      added = outlay_repository_add_expense (child.repository, draft, &error);
      returned = g_get_monotonic_time ();
      if (added == NULL)
        {
          fail (error->message);
          return;
        }

      child.add_id = outlay_expense_get_id (added);
      child.add_waiting = TRUE;
      run_until (&child.add_done, ADD_WAIT_MS);
      child.add_waiting = FALSE;
      child.add_done = FALSE;
      child.add_id = 0;

      if (child.add_updated == 0)
        {
          fail ("the added expense did not reach the list and the dashboard within the wait");
          return;
        }

      value = ms_between (call, returned);
      g_array_append_val (child.add_call_ms, value);
      value = ms_between (returned, child.add_updated);
      g_array_append_val (child.add_updated_ms, value);
      /* Never in view: -1. */
      value = child.add_in_view != 0 ? ms_between (returned, child.add_in_view) : -1.0;
      g_array_append_val (child.add_in_view_ms, value);
      value = child.add_frames;
      g_array_append_val (child.add_frames_waited, value);

      /* Back to the top, where a person who just added looks. */
      gtk_adjustment_set_value (child.vadjustment, 0.0);
    }
}

/* One step per frame: a quarter page at a time from the top, then jumps
 * that reach the bottom in N_JUMP_STEPS frames. The range is read again
 * at every step, as the list refines its estimate of its height. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  double page = gtk_adjustment_get_page_size (child.vadjustment);
  double range = gtk_adjustment_get_upper (child.vadjustment) - page;
  double value;

  if (child.scroll_step >= N_SMALL_STEPS + N_JUMP_STEPS)
    {
      child.scroll_upper = gtk_adjustment_get_upper (child.vadjustment);
      child.scroll_final_value = gtk_adjustment_get_value (child.vadjustment);
      child.scroll_done = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (child.scroll_step < N_SMALL_STEPS)
    value = (child.scroll_step + 1) * page / 4.0;
  else
    value = range * (child.scroll_step - N_SMALL_STEPS + 1) / N_JUMP_STEPS;

  gtk_adjustment_set_value (child.vadjustment, MIN (value, range));
  child.scroll_step++;
  child.scrolled_in_frame = TRUE;

  return G_SOURCE_CONTINUE;
}

static void
measure_scroll (void)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (child.model));
  g_autoptr (OutlayExpense) last = NULL;

  if (n_items == 0)
    return;

  gtk_adjustment_set_value (child.vadjustment, 0.0);
  run_until (NULL, SETTLE_MS);

  child.previous_scroll_frame = 0;
  gtk_widget_add_tick_callback (child.list_view, scroll_tick_cb, NULL, NULL);
  if (!run_until (&child.scroll_done, TIMEOUT_S * 1000))
    {
      fail ("scrolling did not finish");
      return;
    }
  run_until (NULL, SETTLE_MS);

  /* At the bottom, the last expense has its row. */
  last = g_list_model_get_item (G_LIST_MODEL (child.model), n_items - 1);
  if (last != NULL)
    {
      OutlayExpenseRow *row = find_row (child.list_view, outlay_expense_get_id (last));

      child.scroll_last_row_in_view = row != NULL && in_view (GTK_WIDGET (row));
    }
}

/* The longest the main loop went without running a timeout that asks for
 * every STALL_TICK_MS: how long something kept it from its sources. */
static gboolean
stall_tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (child.stall_last != 0)
    child.stall_longest = MAX (child.stall_longest, now - child.stall_last);
  /* For a profile: each long stall with the monotonic clock's times, which
   * `perf record -k CLOCK_MONOTONIC` also stamps its samples with. */
  if (child.stall_last != 0 && now - child.stall_last > 25000 && g_getenv ("OUTLAY_UI_BENCHMARK_STALLS") != NULL)
    g_printerr ("stall %.3f-%.3f s: %.1f ms\n", child.stall_last / 1e6, now / 1e6, (now - child.stall_last) / 1e3);
  child.stall_last = now;

  return G_SOURCE_CONTINUE;
}

static void
stall_meter_start (void)
{
  child.stall_last = 0;
  child.stall_longest = 0;
  child.stall_source = g_timeout_add (STALL_TICK_MS, stall_tick_cb, NULL);
}

/* The longest stall since stall_meter_start(), in ms. */
static double
stall_meter_stop (void)
{
  g_clear_handle_id (&child.stall_source, g_source_remove);
  return child.stall_longest / 1000.0;
}

/* Whether the list shows the first page of TYPED_WORD's matches. */
static gboolean
shows_typed_word (void)
{
  GListModel *model = G_LIST_MODEL (child.model);

  if (g_list_model_get_n_items (model) < child.typed_first_ids->len)
    return FALSE;

  for (guint i = 0; i < child.typed_first_ids->len; i++)
    {
      g_autoptr (OutlayExpense) expense = g_list_model_get_item (model, i);

      if (expense == NULL || outlay_expense_get_id (expense) != g_array_index (child.typed_first_ids, gint64, i))
        return FALSE;
    }

  return TRUE;
}

static void
typed_items_changed_cb (void)
{
  if (child.typed_last_key != 0 && child.typed_shown == 0 && shows_typed_word ())
    {
      child.typed_shown = g_get_monotonic_time ();
      child.typed_done = TRUE;
    }
}

/* TYPED_WORD typed into the search bar a letter every TYPING_INTERVAL_MS,
 * as a person types: the longest main-loop stall from the first letter
 * until the whole list of matches is shown, and when after the last letter
 * the list first showed the first page of TYPED_WORD's matches (a
 * shorter word typed before may already have shown them). */
static void
measure_typing (void)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *page = outlay_window_get_expenses_page (child.window);
  GtkWidget *entry;
  gulong     handler;

  outlay_query_set_text (query, TYPED_WORD);
  first = outlay_repository_find_expenses (child.repository, query, 0, FIRST_PAGE, &error);
  if (first == NULL)
    {
      fail (error->message);
      return;
    }
  child.typed_first_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < first->len; i++)
    {
      gint64 id = outlay_expense_get_id (first->pdata[i]);
      g_array_append_val (child.typed_first_ids, id);
    }

  gtk_adjustment_set_value (child.vadjustment, 0.0);
  outlay_expenses_page_start_search (OUTLAY_EXPENSES_PAGE (page));
  entry = gtk_window_get_focus (GTK_WINDOW (child.window));
  entry = entry != NULL ? gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY) : NULL;
  if (entry == NULL)
    {
      fail ("the search entry did not take the focus");
      return;
    }
  run_until (NULL, SETTLE_MS);

  handler = g_signal_connect_swapped (child.model, "items-changed", G_CALLBACK (typed_items_changed_cb), NULL);
  stall_meter_start ();

  /* A letter at a time at the end, as a key press inserts it: replacing
   * the text would empty the entry in between, a search for everything. */
  for (guint i = 0; i < strlen (TYPED_WORD); i++)
    {
      int end = (int) i;

      if (i > 0)
        run_until (NULL, TYPING_INTERVAL_MS);
      gtk_editable_insert_text (GTK_EDITABLE (entry), TYPED_WORD + i, 1, &end);
      gtk_editable_set_position (GTK_EDITABLE (entry), end);
    }

  child.typed_last_key = g_get_monotonic_time ();
  typed_items_changed_cb ();
  run_until (&child.typed_done, TYPING_WAIT_MS);

  /* The rest of the matches, then what GTK does with them. */
  for (gint64 until = g_get_monotonic_time () + TYPING_WAIT_MS * 1000;
       outlay_expense_model_is_loading (child.model) && g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, TRUE);
  run_until (NULL, SETTLE_MS);

  stall_meter_stop ();
  g_signal_handler_disconnect (child.model, handler);

  if (child.typed_shown == 0)
    fail ("the list did not show the matches of the typed word within the wait");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  run_until (NULL, SETTLE_MS);
}

static OutlayImportWindow *
find_import_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (OUTLAY_IS_IMPORT_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return OUTLAY_IMPORT_WINDOW (window);
    }

  return NULL;
}

/* The import window's Import button: its only suggested action. */
static GtkWidget *
find_suggested_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action"))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_suggested_button (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Runs the main loop until @ready says so; FALSE after IMPORT_WAIT_S. */
static gboolean
wait_for (gboolean (*ready) (void))
{
  gint64 until = g_get_monotonic_time () + (gint64) IMPORT_WAIT_S * G_USEC_PER_SEC;

  while (!ready ())
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static guint import_expected;

/* Read, planned, and on screen with Import ready to be pressed (a
 * button that is not realized ignores gtk_widget_activate()). */
static gboolean
import_planned (void)
{
  OutlayImportWindow *window = find_import_window ();
  GtkWidget          *button = window != NULL ? find_suggested_button (GTK_WIDGET (window)) : NULL;

  return button != NULL && !outlay_import_window_is_busy (window) && gtk_widget_is_sensitive (button) &&
         gtk_widget_get_mapped (button);
}

static gboolean
list_has_expected (void)
{
  return find_import_window () == NULL && !outlay_window_is_busy (child.window) &&
         !outlay_expense_model_is_loading (child.model) &&
         g_list_model_get_n_items (G_LIST_MODEL (child.model)) == import_expected;
}

/* One part of the import: @act, then the main loop until @ready; how long
 * that took and the longest stall meanwhile (and after, while it settles). */
static gboolean
timed_part (void (*act) (gpointer data),
            gpointer data,
            gboolean (*ready) (void),
            double     *ms,
            double     *stall_ms,
            const char *failure)
{
  gint64 start = g_get_monotonic_time ();

  stall_meter_start ();
  act (data);
  if (!wait_for (ready))
    {
      stall_meter_stop ();
      fail (failure);
      return FALSE;
    }
  *ms = ms_between (start, g_get_monotonic_time ());
  run_until (NULL, SETTLE_MS);
  *stall_ms = stall_meter_stop ();

  return TRUE;
}

static void
open_import (gpointer file)
{
  outlay_window_import (child.window, file);
}

static void
press_import (gpointer unused)
{
  /* Clicked at once, as by a pointer: gtk_widget_activate() clicks only
   * after a quarter-second press, which the figure would include. */
  g_signal_emit_by_name (find_suggested_button (GTK_WIDGET (find_import_window ())), "clicked");
}

static void
undo (gpointer unused)
{
  gtk_widget_activate_action (GTK_WIDGET (child.window), "win.undo", NULL);
}

/* A bank statement of IMPORT_LINES lines through the import window as a
 * person imports it: opened, planned, imported until the list shows its
 * expenses, then undone; the longest main-loop stall of each part. */
static void
measure_import (void)
{
  g_autoptr (GString) csv = g_string_new ("date,amount,description,category\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint            before;

  dir = g_dir_make_tmp ("outlay-ui-benchmark-import-XXXXXX", &error);
  if (dir == NULL)
    {
      fail (error->message);
      return;
    }
  path = g_build_filename (dir, "statement.csv", NULL);
  for (guint i = 0; i < IMPORT_LINES; i++)
    g_string_append_printf (csv, "2025-%02u-%02u,-%u.%02u,Shop %u,Group %u\n", 1 + i % 12, 1 + i % 28, 1 + i % 500,
                            i % 100, i, i % 7);
  if (!g_file_set_contents (path, csv->str, (gssize) csv->len, &error))
    fail (error->message);
  file = g_file_new_for_path (path);

  outlay_expenses_page_show_filtered (OUTLAY_EXPENSES_PAGE (outlay_window_get_expenses_page (child.window)), 0, NULL,
                                      NULL);
  run_until (NULL, SETTLE_MS);
  before = g_list_model_get_n_items (G_LIST_MODEL (child.model));

  if (child.error == NULL &&
      timed_part (open_import, file, import_planned, &child.import_plan_ms, &child.import_plan_stall_ms,
                  "the import window was not ready in time"))
    {
      import_expected = before + IMPORT_LINES;
      if (timed_part (press_import, NULL, list_has_expected, &child.import_write_ms, &child.import_write_stall_ms,
                      "the list did not show the imported expenses in time"))
        {
          import_expected = before;
          timed_part (undo, NULL, list_has_expected, &child.import_undo_ms, &child.import_undo_stall_ms,
                      "the list did not drop the undone import in time");
        }
    }

  g_unlink (path);
  g_rmdir (dir);
}

static void
print_values (const char *key,
              GArray     *values)
{
  /* GTK has set the locale's number format: write a point. */
  g_print ("%s=", key);
  for (guint i = 0; i < values->len; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_print ("%s%s", i > 0 ? " " : "",
               g_ascii_formatd (buffer, sizeof buffer, "%.3f", g_array_index (values, double, i)));
    }
  g_print ("\n");
}

static void
print_value (const char *key,
             double      value)
{
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  g_array_append_val (values, value);
  print_values (key, values);
}

static void
activate_cb (OutlayApplication *app)
{
  gboolean     all = g_strcmp0 (child.what, "all") == 0;
  GskRenderer *renderer;
  guint64      rss_start;

  child.repository = outlay_application_get_repository (app);

  if (child.window == NULL || !wait_first_frame ())
    {
      g_print ("error=no first frame within %d s\n", TIMEOUT_S);
      g_application_quit (G_APPLICATION (app));
      return;
    }

  renderer = gtk_native_get_renderer (GTK_NATIVE (child.window));
  g_print ("renderer=%s\n", renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
  print_value ("first-frame-ms", ms_between (child.process_start, child.first_frame));
  print_value ("main-to-first-frame-ms", ms_between (child.main_start, child.first_frame));
  print_value ("first-frame-cpu-ms", child.first_frame_cpu_ms);
  g_print ("first-frame-rows=%u\n", child.first_frame_rows);
  g_print ("first-frame-page=%s\n", child.first_frame_page);
  g_print ("window=%dx%d\n", gtk_widget_get_width (GTK_WIDGET (child.window)),
           gtk_widget_get_height (GTK_WIDGET (child.window)));
  g_print ("expenses=%u\n", g_list_model_get_n_items (G_LIST_MODEL (child.model)));

  run_until (NULL, SETTLE_MS);
  rss_start = read_status_kb ("VmHWM");
  g_print ("peak-rss-start-kb=%" G_GUINT64_FORMAT "\n", rss_start);

  /* Scrolling first: the empty database is still empty then. */
  if (all || g_strcmp0 (child.what, "scroll") == 0)
    {
      measure_scroll ();
      print_values ("frame-ms", child.frame_ms);
      print_values ("frame-layout-ms", child.frame_layout_ms);
      print_values ("frame-paint-ms", child.frame_paint_ms);
      print_values ("frame-interval-ms", child.frame_interval_ms);
      if (child.frame_ms->len > 0)
        {
          guint n_widgets = 0;

          for (GtkWidget *w = gtk_widget_get_first_child (child.list_view); w != NULL;
               w = gtk_widget_get_next_sibling (w))
            n_widgets++;
          g_print ("row-widgets=%u\n", n_widgets);
          g_print ("scroll-end=%.0f/%.0f last-row-shown=%u\n", child.scroll_final_value,
                   child.scroll_upper, child.scroll_last_row_in_view);
        }
    }

  if (all || g_strcmp0 (child.what, "add") == 0)
    {
      measure_adds ();
      print_values ("add-call-ms", child.add_call_ms);
      print_values ("add-updated-ms", child.add_updated_ms);
      print_values ("add-in-view-ms", child.add_in_view_ms);
      print_values ("add-frames", child.add_frames_waited);
    }

  if (all || g_strcmp0 (child.what, "typing") == 0)
    {
      measure_typing ();
      print_value ("typing-stall-ms", child.stall_longest / 1000.0);
      if (child.typed_shown != 0)
        print_value ("typing-shown-ms", MAX (0.0, ms_between (child.typed_last_key, child.typed_shown)));
    }

  g_print ("peak-rss-kb=%" G_GUINT64_FORMAT "\n", read_status_kb ("VmHWM"));

  /* Last, after the memory was measured: it adds IMPORT_LINES expenses. */
  if (all || g_strcmp0 (child.what, "import") == 0)
    {
      measure_import ();
      print_value ("import-plan-ms", child.import_plan_ms);
      print_value ("import-plan-stall-ms", child.import_plan_stall_ms);
      print_value ("import-write-ms", child.import_write_ms);
      print_value ("import-write-stall-ms", child.import_write_stall_ms);
      print_value ("import-undo-ms", child.import_undo_ms);
      print_value ("import-undo-stall-ms", child.import_undo_stall_ms);
    }

  if (child.error != NULL)
    g_print ("error=%s\n", child.error);

  g_application_quit (G_APPLICATION (app));
}

/* The baseline: a bare libadwaita window, a header bar over a status
 * page, as the simplest GNOME application starts, in a process of this
 * same program; its first frame is measured as Outlay's is. */
static void
bare_after_paint_cb (GdkFrameClock *clock,
                     GApplication  *app)
{
  if (!child.painted || child.first_frame != 0)
    return;

  child.first_frame = g_get_monotonic_time ();
  print_value ("first-frame-ms", ms_between (child.process_start, child.first_frame));
  print_value ("main-to-first-frame-ms", ms_between (child.main_start, child.first_frame));
  g_application_quit (app);
}

static void
bare_realize_cb (GtkWidget    *window,
                 GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (bare_after_paint_cb), app);
}

static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-new-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "No Expenses Yet");
  adw_status_page_set_description (ADW_STATUS_PAGE (status), "What you spend will be listed here.");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* Outlay's default size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  g_signal_connect_after (window, "realize", G_CALLBACK (bare_realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare (void)
{
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.outlay.Outlay.BareBenchmark",
                                                        G_APPLICATION_NON_UNIQUE);

  child.process_start = opt_spawned_at > 0 ? opt_spawned_at : process_start_from_proc ();
  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 0, NULL);
}

static int
run_child (const char *path)
{
  g_autoptr (OutlayApplication) app = NULL;
  g_autoptr (GSettings) settings = NULL;
  char             *app_argv[] = { (char *) "outlay-ui-benchmark", (char *) "--database", (char *) path, NULL };
  const char *const whats[] = { "first-frame", "add", "scroll", "typing", "import", "all", NULL };

  if (g_str_equal (opt_child, "bare"))
    return run_bare ();
  if (!g_strv_contains (whats, opt_child))
    {
      g_printerr ("--child takes first-frame, add, scroll, typing, import, all or bare\n");
      return 2;
    }
  child.what = opt_child;
  child.process_start = opt_spawned_at > 0 ? opt_spawned_at : process_start_from_proc ();
  child.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.frame_interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.frame_layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.frame_paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.add_call_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.add_updated_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.add_in_view_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.add_frames_waited = g_array_new (FALSE, FALSE, sizeof (double));

  /* Nothing of the person's own settings. The generated expenses are in
   * euros, so the dashboard shows euros. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "currency", "EUR");

  /* The application's own activate opens the window as `outlay` does;
   * the measuring happens after it. */
  app = outlay_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 3, app_argv);
}

/* The parent: databases, runs, figures */

typedef struct
{
  const char *name;
  GArray     *first_frame_ms;
  GArray     *main_to_first_frame_ms;
  GArray     *first_frame_cpu_ms;
  GArray     *frame_small_median_ms; /* per run */
  GArray     *frame_jump_median_ms;  /* per run */
  GArray     *first_frame_rows;
  GArray     *frame_median_ms;    /* per run */
  GArray     *frame_p95_ms;       /* per run */
  GArray     *frame_max_ms;       /* per run */
  GArray     *frame_layout_ms;    /* per run, median */
  GArray     *frame_paint_ms;     /* per run, median */
  GArray     *interval_median_ms; /* per run */
  GArray     *interval_max_ms;    /* per run */
  GArray     *add_call_ms;        /* every add of every run */
  GArray     *add_updated_ms;
  GArray     *add_in_view_ms; /* -1: never */
  GArray     *add_frames;
  GArray     *rss_start_mb;
  GArray     *rss_mb;
  GArray     *typing_stall_ms; /* per run */
  GArray     *typing_shown_ms; /* per run */
  GArray     *import_ms[6];    /* per run, as import_keys */
  char       *renderer;
  char       *window;
  char       *first_frame_page;
  guint       expenses;
  guint       row_widgets;
  guint       n_errors;
} Results;

/* What the child prints of an import, in the order of Results.import_ms. */
static const char *const import_keys[] = {
  "import-plan-ms",
  "import-plan-stall-ms",
  "import-write-ms",
  "import-write-stall-ms",
  "import-undo-ms",
  "import-undo-stall-ms",
};
static const char *const import_names[] = {
  "import: window ready (read and planned)",
  "import: longest main-loop stall until ready",
  "import: written and shown in the list",
  "import: longest main-loop stall while written and shown",
  "import: undone and gone from the list",
  "import: longest main-loop stall while undone",
};
G_STATIC_ASSERT (G_N_ELEMENTS (import_keys) == G_N_ELEMENTS (import_names));

static Results *
results_new (const char *name)
{
  Results *r = g_new0 (Results, 1);
  GArray **arrays[] = {
    &r->first_frame_ms,
    &r->main_to_first_frame_ms,
    &r->first_frame_cpu_ms,
    &r->first_frame_rows,
    &r->frame_small_median_ms,
    &r->frame_jump_median_ms,
    &r->frame_median_ms,
    &r->frame_p95_ms,
    &r->frame_max_ms,
    &r->frame_layout_ms,
    &r->frame_paint_ms,
    &r->interval_median_ms,
    &r->interval_max_ms,
    &r->add_call_ms,
    &r->add_updated_ms,
    &r->add_in_view_ms,
    &r->add_frames,
    &r->rss_start_mb,
    &r->rss_mb,
    &r->typing_stall_ms,
    &r->typing_shown_ms,
  };

  r->name = name;
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    *arrays[i] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < G_N_ELEMENTS (r->import_ms); i++)
    r->import_ms[i] = g_array_new (FALSE, FALSE, sizeof (double));

  return r;
}

static GArray *
parse_values (const char *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        double value = g_ascii_strtod (words[i], NULL);

        g_array_append_val (values, value);
      }

  return values;
}

static void
append (GArray *array,
        double  value)
{
  g_array_append_val (array, value);
}

static void
replace_string (char      **place,
                const char *value)
{
  g_free (*place);
  *place = g_strdup (value);
}

/* Reads the child's `key=values` lines. */
static void
take_child_output (Results *r,
                   char    *output)
{
  g_auto (GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *equals = strchr (lines[i], '=');
      g_autoptr (GArray) values = NULL;
      const char *key = lines[i];
      const char *text;

      if (equals == NULL)
        continue;
      *equals = '\0';
      text = equals + 1;
      values = parse_values (text);

      if (g_str_equal (key, "error"))
        {
          g_printerr ("# %s: %s\n", r->name, text);
          r->n_errors++;
        }
      else if (g_str_equal (key, "renderer"))
        replace_string (&r->renderer, text);
      else if (g_str_equal (key, "window"))
        replace_string (&r->window, text);
      else if (g_str_equal (key, "first-frame-page"))
        replace_string (&r->first_frame_page, text);
      else if (g_str_equal (key, "row-widgets"))
        r->row_widgets = (guint) g_ascii_strtoull (text, NULL, 10);
      else if (g_str_equal (key, "expenses"))
        r->expenses = (guint) g_ascii_strtoull (text, NULL, 10);
      else if (g_str_equal (key, "scroll-end"))
        {
          if (!g_str_has_suffix (text, "last-row-shown=1"))
            g_printerr ("# %s: the list did not reach its last row (%s)\n", r->name, text);
        }
      else if (values->len == 0)
        continue;
      else if (g_str_equal (key, "first-frame-ms"))
        append (r->first_frame_ms, g_array_index (values, double, 0));
      else if (g_str_equal (key, "main-to-first-frame-ms"))
        append (r->main_to_first_frame_ms, g_array_index (values, double, 0));
      else if (g_str_equal (key, "first-frame-cpu-ms"))
        append (r->first_frame_cpu_ms, g_array_index (values, double, 0));
      else if (g_str_equal (key, "first-frame-rows"))
        append (r->first_frame_rows, g_array_index (values, double, 0));
      else if (g_str_equal (key, "peak-rss-start-kb"))
        append (r->rss_start_mb, g_array_index (values, double, 0) / 1024.0);
      else if (g_str_equal (key, "peak-rss-kb"))
        append (r->rss_mb, g_array_index (values, double, 0) / 1024.0);
      else if (g_str_equal (key, "add-call-ms"))
        g_array_append_vals (r->add_call_ms, values->data, values->len);
      else if (g_str_equal (key, "add-updated-ms"))
        g_array_append_vals (r->add_updated_ms, values->data, values->len);
      else if (g_str_equal (key, "add-in-view-ms"))
        g_array_append_vals (r->add_in_view_ms, values->data, values->len);
      else if (g_str_equal (key, "typing-stall-ms"))
        append (r->typing_stall_ms, g_array_index (values, double, 0));
      else if (g_str_equal (key, "typing-shown-ms"))
        append (r->typing_shown_ms, g_array_index (values, double, 0));
      else if (g_str_has_prefix (key, "import-"))
        {
          for (guint k = 0; k < G_N_ELEMENTS (import_keys); k++)
            if (g_str_equal (key, import_keys[k]))
              append (r->import_ms[k], g_array_index (values, double, 0));
        }
      else if (g_str_equal (key, "add-frames"))
        g_array_append_vals (r->add_frames, values->data, values->len);
      else if (g_str_equal (key, "frame-ms"))
        {
          /* The frames come in the order of the steps. */
          if (values->len > N_SMALL_STEPS)
            {
              g_autoptr (GArray) small = g_array_sized_new (FALSE, FALSE, sizeof (double), N_SMALL_STEPS);
              g_autoptr (GArray) jumps = g_array_sized_new (FALSE, FALSE, sizeof (double), values->len - N_SMALL_STEPS);

              g_array_append_vals (small, values->data, N_SMALL_STEPS);
              g_array_append_vals (jumps, &g_array_index (values, double, N_SMALL_STEPS), values->len - N_SMALL_STEPS);
              append (r->frame_small_median_ms, median (small));
              append (r->frame_jump_median_ms, median (jumps));
            }
          append (r->frame_max_ms, maximum (values));
          append (r->frame_p95_ms, percentile (values, 0.95));
          append (r->frame_median_ms, median (values));
        }
      else if (g_str_equal (key, "frame-layout-ms"))
        append (r->frame_layout_ms, median (values));
      else if (g_str_equal (key, "frame-paint-ms"))
        append (r->frame_paint_ms, median (values));
      else if (g_str_equal (key, "frame-interval-ms"))
        {
          append (r->interval_max_ms, maximum (values));
          append (r->interval_median_ms, median (values));
        }
    }
}

static void
remove_database (const char *path)
{
  const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* A database with its write-ahead log, if it has one. */
static gboolean
copy_database (const char *from,
               const char *to,
               GError    **error)
{
  const char *const suffixes[] = { "", "-wal" };

  remove_database (to);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from_path = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *to_path = g_strconcat (to, suffixes[i], NULL);
      g_autoptr (GFile) source = g_file_new_for_path (from_path);
      g_autoptr (GFile) destination = g_file_new_for_path (to_path);

      if (i > 0 && !g_file_test (from_path, G_FILE_TEST_EXISTS))
        continue;
      if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* Removes the temporary directory and what is in it. Symbolic links are
 * removed, never followed. */
static void
remove_directory (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child_path = g_build_filename (dir, name, NULL);
      GStatBuf         buf;

      if (g_lstat (child_path, &buf) == 0 && S_ISDIR (buf.st_mode))
        remove_directory (child_path);
      else
        g_unlink (child_path);
    }

  g_rmdir (dir);
}

/* One run: this program again, as a child, on a fresh copy of @database. */
static gboolean
run_once (const char *self_path,
          const char *database,
          const char *work_path,
          Results    *r,
          GError    **error)
{
  g_autofree char *output = NULL;
  g_autofree char *spawned_at = NULL;
  char            *argv[] = {
               (char *) self_path, (char *) "--child", (char *) "all",
               (char *) "--database", (char *) work_path,
               (char *) "--spawned-at", NULL, NULL
  };
  int      status;
  gboolean ok;

  if (!copy_database (database, work_path, error))
    return FALSE;

  spawned_at = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  argv[6] = spawned_at;
  ok = g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, error) &&
       g_spawn_check_wait_status (status, error);
  remove_database (work_path);
  if (!ok)
    return FALSE;

  take_child_output (r, output);
  return TRUE;
}

static gboolean
run_bare_once (const char *self_path,
               Results    *r,
               GError    **error)
{
  g_autofree char *output = NULL;
  g_autofree char *spawned_at = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  char            *argv[] = { (char *) self_path, (char *) "--child", (char *) "bare", (char *) "--database",
                              (char *) "-", (char *) "--spawned-at", spawned_at, NULL };
  int              status;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;

  take_child_output (r, output);
  return TRUE;
}

static gboolean
make_big_database (const char *self_path,
                   const char *path,
                   GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (self_path);
  g_autofree char *benchmark = g_build_filename (dir, "outlay-benchmark", NULL);
  g_autofree char *count = g_strdup_printf ("%d", opt_count);
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  char            *argv[] = {
               benchmark, (char *) "--count", count, (char *) "--runs", (char *) "1",
               (char *) "--database", (char *) path, NULL
  };
  gint64 start = g_get_monotonic_time ();
  int    status;

  if (!g_file_test (benchmark, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s is not there (configure with -Dbenchmarks=true), or pass --database with a database of many "
                   "expenses",
                   benchmark);
      return FALSE;
    }

  g_printerr ("# making %s with %d expenses (outlay-benchmark)…\n", path, opt_count);
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, &errors, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_printerr ("%s%s", output, errors);
      return FALSE;
    }

  g_print ("# made %s in %.0f s\n", path, ms_between (start, g_get_monotonic_time ()) / 1000.0);
  return TRUE;
}

static guint
count_expenses (const char *path)
{
  g_autoptr (GError) error = NULL;
  /* Read-only: the runs copy the file given and never change it (a
   * read-write connection would write its statistics when it closes). */
  g_autoptr (OutlayDatabase) database = outlay_database_open_full (path, OUTLAY_DATABASE_FLAGS_READ_ONLY, &error);
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (OutlayQuery) all = outlay_query_new ();
  guint count = 0;

  if (database == NULL)
    {
      g_printerr ("Could not open %s: %s\n", path, error->message);
      return 0;
    }

  repository = outlay_repository_new (database);
  if (!outlay_repository_count_expenses (repository, all, &count, &error))
    g_printerr ("Could not count the expenses of %s: %s\n", path, error->message);

  return count;
}

static void
print_load_average (const char *when)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("# load average %s: %.*s\n", when, (int) strcspn (loadavg, " \n"), loadavg);
}

static void
print_context (const char *path,
               gboolean    temporary)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
  const char      *renderer = g_getenv ("GSK_RENDERER");
  const char      *display = g_getenv ("WAYLAND_DISPLAY");

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      char *line = strstr (cpuinfo, "model name");
      char *colon = line != NULL ? strchr (line, ':') : NULL;

      if (colon != NULL)
        cpu = g_strstrip (g_strndup (colon + 1, strcspn (colon + 1, "\n")));
    }

  g_print ("# Outlay UI benchmark\n");
  g_print ("# machine: %s, %u cores, %s\n", cpu != NULL ? cpu : "unknown CPU",
           g_get_num_processors (), os != NULL ? os : "unknown system");
  g_print ("# GTK %u.%u.%u, libadwaita %u.%u.%u, GLib %u.%u.%u\n",
           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
           adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
           glib_major_version, glib_minor_version, glib_micro_version);
  if (display != NULL)
    g_print ("# display: Wayland %s\n", display);
  else
    g_print ("# display: X11 %s\n", g_getenv ("DISPLAY") != NULL ? g_getenv ("DISPLAY") : "(none)");
  g_print ("# GSK_RENDERER: %s\n", renderer != NULL ? renderer : "(not set: GTK's choice)");
  g_print ("# big database: %s%s; every run works on a fresh copy of it, in a new process\n",
           path, temporary ? " (temporary)" : "");
  g_print ("# runs: %d, the big and the empty database in turn; each figure is the median of the runs\n", opt_runs);
  print_load_average ("at the start");
}

static void
print_target (const char *name,
              double      value,
              double      limit,
              const char *unit,
              guint      *n_missed)
{
  gboolean met = value < limit;

  g_print ("target %s < %g %s: %s (%.3g %s)\n", name, limit, unit, met ? "met" : "MISSED", value, unit);
  if (!met)
    (*n_missed)++;
}

/* The times of the adds whose row came into view. */
static GArray *
in_view_times (Results *r)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < r->add_in_view_ms->len; i++)
    if (g_array_index (r->add_in_view_ms, double, i) >= 0.0)
      g_array_append_val (times, g_array_index (r->add_in_view_ms, double, i));

  return times;
}

/* An add whose row never came into view counts as missed. */
static void
print_in_view_target (Results *r,
                      guint   *n_missed)
{
  g_autoptr (GArray) times = in_view_times (r);
  g_autofree char *name = g_strdup_printf ("add: row in view, %s", r->name);

  if (times->len < r->add_in_view_ms->len)
    {
      g_print ("target %s < %g ms: MISSED (%u of %u adds came into view within %d ms)\n",
               name, TARGET_ADD_SHOWN_MS, times->len, r->add_in_view_ms->len, ADD_WAIT_MS);
      (*n_missed)++;
    }
  else
    print_target (name, median (times), TARGET_ADD_SHOWN_MS, "ms", n_missed);
}

static void
print_figures (Results *r)
{
  g_autofree char *name = NULL;

#define FIGURE(what, value, unit)                     \
  G_STMT_START                                        \
  {                                                   \
    g_free (name);                                    \
    name = g_strdup_printf ("%s, %s", what, r->name); \
    print_figure (name, value, unit);                 \
  }                                                   \
  G_STMT_END

  FIGURE ("first frame", median (r->first_frame_ms), "ms");
  FIGURE ("first frame from main()", median (r->main_to_first_frame_ms), "ms");
  FIGURE ("first frame CPU time (all threads)", median (r->first_frame_cpu_ms), "ms");
  if (r->frame_median_ms->len > 0)
    {
      FIGURE ("scroll frame median", median (r->frame_median_ms), "ms");
      FIGURE ("scroll frame median, quarter-page steps", median (r->frame_small_median_ms), "ms");
      FIGURE ("scroll frame median, jumps", median (r->frame_jump_median_ms), "ms");
      FIGURE ("scroll frame update+layout median", median (r->frame_layout_ms), "ms");
      FIGURE ("scroll frame paint median", median (r->frame_paint_ms), "ms");
      FIGURE ("scroll frame 95th percentile", median (r->frame_p95_ms), "ms");
      FIGURE ("scroll frame max (median of the runs)", median (r->frame_max_ms), "ms");
      FIGURE ("scroll frame max (all runs)", maximum (r->frame_max_ms), "ms");
      FIGURE ("scroll frame interval median", median (r->interval_median_ms), "ms");
      FIGURE ("scroll frame interval max (all runs)", maximum (r->interval_max_ms), "ms");
    }
  FIGURE ("add_expense call", median (r->add_call_ms), "ms");
  FIGURE ("add: list and dashboard updated after the call returned", median (r->add_updated_ms), "ms");
  FIGURE ("add: list and dashboard updated after the call returned, max", maximum (r->add_updated_ms), "ms");
  FIGURE ("add: frames until updated", median (r->add_frames), "frames");
  {
    g_autoptr (GArray) in_view = in_view_times (r);

    FIGURE ("add: adds whose row came into view", 100.0 * in_view->len / MAX (r->add_in_view_ms->len, 1), "%");
    if (in_view->len > 0)
      FIGURE ("add: row in view after the call returned", median (in_view), "ms");
  }
  if (r->typing_stall_ms->len > 0)
    {
      FIGURE ("typing \"" TYPED_WORD "\": longest main-loop stall (median of the runs)", median (r->typing_stall_ms),
              "ms");
      FIGURE ("typing \"" TYPED_WORD "\": longest main-loop stall (all runs)", maximum (r->typing_stall_ms), "ms");
    }
  if (r->typing_shown_ms->len > 0)
    FIGURE ("typing \"" TYPED_WORD "\": its matches shown after the last key", median (r->typing_shown_ms), "ms");
  for (guint i = 0; i < G_N_ELEMENTS (import_keys); i++)
    if (r->import_ms[i]->len > 0)
      FIGURE (import_names[i], median (r->import_ms[i]), "ms");
  if (r->import_ms[5]->len > 0)
    {
      FIGURE ("import: longest main-loop stall of all parts (all runs)",
              MAX (MAX (maximum (r->import_ms[1]), maximum (r->import_ms[3])), maximum (r->import_ms[5])), "ms");
    }
  FIGURE ("peak RSS after the first frame", median (r->rss_start_mb), "MB");
  FIGURE ("peak RSS at the end", median (r->rss_mb), "MB");

#undef FIGURE
}

static int
run_parent (const char *self_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *big_path = NULL;
  g_autofree char *empty_path = NULL;
  g_autofree char *work_path = NULL;
  g_autofree char *big_name = NULL;
  Results         *big, *empty, *bare;
  gboolean         temporary = opt_database == NULL;
  guint            n_missed = 0;
  double           ratio;

  if (opt_runs < 1 || opt_count < 1)
    {
      g_printerr ("--runs and --count must be at least 1\n");
      return 2;
    }

  tmpdir = g_dir_make_tmp ("outlay-ui-benchmark-XXXXXX", &error);
  if (tmpdir == NULL)
    {
      g_printerr ("Could not make a temporary directory: %s\n", error->message);
      return 1;
    }
  work_path = g_build_filename (tmpdir, "work.db", NULL);
  empty_path = g_build_filename (tmpdir, "empty.db", NULL);
  big_path = temporary ? g_build_filename (tmpdir, "big.db", NULL) : g_strdup (opt_database);

  print_context (big_path, temporary);

  if (!g_file_test (big_path, G_FILE_TEST_EXISTS) &&
      !make_big_database (self_path, big_path, &error))
    {
      g_printerr ("Could not make the big database: %s\n", error->message);
      remove_directory (tmpdir);
      return 1;
    }

  /* The empty one has the schema and the default categories, made here
   * so that no run pays for creating them. */
  {
    g_autoptr (OutlayDatabase) database = outlay_database_open (empty_path, &error);

    if (database == NULL)
      {
        g_printerr ("Could not make the empty database: %s\n", error->message);
        remove_directory (tmpdir);
        return 1;
      }
  }

  big_name = g_strdup_printf ("%u expenses", count_expenses (big_path));
  big = results_new (big_name);
  empty = results_new ("empty");
  bare = results_new ("bare libadwaita window");
  g_print ("# timings are wall clock with a warm OS page cache (each copy was just written)\n\n");

  for (int run = 0; run < opt_runs; run++)
    {
      Results    *both[] = { big, empty };
      const char *paths[] = { big_path, empty_path };

      for (guint i = 0; i < G_N_ELEMENTS (both); i++)
        {
          g_printerr ("# run %d/%d, %s…\n", run + 1, opt_runs, both[i]->name);
          if (!run_once (self_path, paths[i], work_path, both[i], &error))
            {
              g_printerr ("Run %d on %s failed: %s\n", run + 1, both[i]->name, error->message);
              remove_directory (tmpdir);
              return 1;
            }
        }

      g_printerr ("# run %d/%d, %s…\n", run + 1, opt_runs, bare->name);
      if (!run_bare_once (self_path, bare, &error))
        {
          g_printerr ("Run %d of the bare window failed: %s\n", run + 1, error->message);
          remove_directory (tmpdir);
          return 1;
        }
    }

  g_print ("# renderer: %s; window: %s\n", big->renderer, big->window);
  g_print ("# first frame shows: %s with %.0f rows (%s), %s (%s)\n",
           big->first_frame_page, median (big->first_frame_rows), big->name,
           empty->first_frame_page, empty->name);
  g_print ("# scrolling: %d frames a quarter page apart from the top, then %d frames to the bottom;\n"
           "# the list has %u row widgets; a frame's time is from before-paint to after-paint,\n"
           "# \"update+layout\" up to the end of the layout phase (rows bound to new expenses), \"paint\"\n"
           "# the snapshot and the render\n",
           N_SMALL_STEPS, N_JUMP_STEPS, big->row_widgets);
  g_print ("# typing: \"%s\" a letter every %d ms into the search bar, at the top of the list\n",
           TYPED_WORD, TYPING_INTERVAL_MS);
  g_print ("# import: a CSV file of %d lines through the import window (opened, planned, Import pressed,\n"
           "# until the list shows them), then Undo until the list no longer does\n",
           IMPORT_LINES);
  g_print ("# adding: %d expenses per run, each with the list at the top after %d ms idle; \"updated\"\n"
           "# is the end of the first frame with the expense first in the model, a row for it in the\n"
           "# list and the dashboard's total changed; \"in view\" also needs that row inside the\n"
           "# viewport (waited for up to %d ms)\n\n",
           N_ADDS, SETTLE_MS, ADD_WAIT_MS);

  print_figures (big);
  print_figures (empty);
  print_figure ("first frame, bare libadwaita window", median (bare->first_frame_ms), "ms");
  print_figure ("first frame from main(), bare libadwaita window", median (bare->main_to_first_frame_ms), "ms");
  ratio = median (big->first_frame_ms) / median (empty->first_frame_ms);
  g_print ("first frame ratio big/empty: %.2f ×\n", ratio);
  g_print ("first frame ratio big/bare: %.2f ×\n", median (big->first_frame_ms) / median (bare->first_frame_ms));
  g_print ("first frame ratio empty/bare: %.2f ×\n", median (empty->first_frame_ms) / median (bare->first_frame_ms));
  g_print ("first frame CPU time ratio big/empty: %.2f ×\n",
           median (big->first_frame_cpu_ms) / median (empty->first_frame_cpu_ms));
  g_print ("peak RSS ratio big/empty after the first frame: %.2f ×\n",
           median (big->rss_start_mb) / median (empty->rss_start_mb));
  g_print ("peak RSS ratio big/empty at the end: %.2f ×\n",
           median (big->rss_mb) / median (empty->rss_mb));
  print_load_average ("at the end");

  g_print ("\n");
  print_target ("first frame big/empty", ratio, TARGET_FIRST_FRAME_RATIO, "×", &n_missed);
  print_target ("first frame big/bare libadwaita window", median (big->first_frame_ms) / median (bare->first_frame_ms),
                TARGET_FIRST_FRAME_BARE_RATIO, "×", &n_missed);
  print_target ("scroll frame median", median (big->frame_median_ms), TARGET_FRAME_MEDIAN_MS, "ms", &n_missed);
  print_target ("scroll frame max (all runs)", maximum (big->frame_max_ms), TARGET_FRAME_MAX_MS, "ms", &n_missed);
  {
    g_autofree char *big_updated = g_strdup_printf ("add: list and dashboard updated, %s", big->name);

    print_target (big_updated, median (big->add_updated_ms), TARGET_ADD_SHOWN_MS, "ms", &n_missed);
    print_target ("add: list and dashboard updated, empty", median (empty->add_updated_ms), TARGET_ADD_SHOWN_MS, "ms",
                  &n_missed);
  }
  print_in_view_target (big, &n_missed);
  print_in_view_target (empty, &n_missed);
  print_target ("typing: longest main-loop stall (all runs)", maximum (big->typing_stall_ms), TARGET_TYPING_STALL_MS,
                "ms", &n_missed);
  if (big->typing_shown_ms->len == big->typing_stall_ms->len && big->typing_shown_ms->len > 0)
    print_target ("typing: matches shown after the last key", median (big->typing_shown_ms),
                  TARGET_TYPING_SHOWN_MS, "ms", &n_missed);
  else
    {
      g_print ("target typing: matches shown after the last key < %g ms: MISSED (shown in %u of %u runs)\n",
               TARGET_TYPING_SHOWN_MS, big->typing_shown_ms->len, big->typing_stall_ms->len);
      n_missed++;
    }
  if (big->import_ms[5]->len > 0)
    {
      double worst = MAX (MAX (maximum (big->import_ms[1]), maximum (big->import_ms[3])), maximum (big->import_ms[5]));

      print_target ("import of " G_STRINGIFY (IMPORT_LINES) " lines: longest main-loop stall (all runs)", worst,
                    TARGET_IMPORT_STALL_MS, "ms", &n_missed);
    }
  else
    {
      g_print ("target import: longest main-loop stall < %g ms: MISSED (not measured)\n", TARGET_IMPORT_STALL_MS);
      n_missed++;
    }
  print_target ("peak RSS big/empty after the first frame",
                median (big->rss_start_mb) / median (empty->rss_start_mb), TARGET_RSS_RATIO, "×", &n_missed);
  print_target ("peak RSS big/empty at the end",
                median (big->rss_mb) / median (empty->rss_mb), TARGET_RSS_RATIO, "×", &n_missed);
  if (big->n_errors + empty->n_errors > 0)
    g_print ("# %u runs reported errors (above)\n", big->n_errors + empty->n_errors);
  g_print ("# %u targets missed\n", n_missed);

  remove_directory (tmpdir);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  gint64 main_start = g_get_monotonic_time ();
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *self_path = NULL;
  const char      *schema_dir = g_getenv ("GSETTINGS_SCHEMA_DIR");

  child.main_start = main_start;

  /* As `outlay` does; numbers are parsed and printed with a point. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The schema is not installed: the build's own, as build-aux/run does. */
  if (schema_dir == NULL || !g_str_has_prefix (schema_dir, OUTLAY_BUILD_SCHEMA_DIR))
    {
      g_autofree char *dirs = schema_dir != NULL ? g_strconcat (OUTLAY_BUILD_SCHEMA_DIR, ":", schema_dir, NULL)
                                                 : g_strdup (OUTLAY_BUILD_SCHEMA_DIR);

      g_setenv ("GSETTINGS_SCHEMA_DIR", dirs, TRUE);
    }

  context = g_option_context_new ("- measure Outlay's window with many expenses");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Opens the window on a big and on an empty database, each run in a new\n"
                                "process, and prints the median of each measurement (first frame,\n"
                                "scrolling, adding an expense, peak memory). Run it under a display or\n"
                                "xvfb-run -a.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (opt_child != NULL)
    {
      if (opt_database == NULL)
        {
          g_printerr ("--child needs --database\n");
          return 2;
        }
      return run_child (opt_database);
    }

  self_path = g_file_read_link ("/proc/self/exe", &error);
  if (self_path == NULL)
    {
      g_printerr ("Could not find this program: %s\n", error->message);
      return 1;
    }

  return run_parent (self_path);
}
