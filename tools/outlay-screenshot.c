/* outlay-screenshot.c
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

/* Renders the real window with a sample ledger to PNG files: each page at
 * desktop and phone sizes, light and dark. Run it under a display (or
 * xvfb-run -a); the pictures go to the folder given, "screenshots" by
 * default. They are what the metainfo shows and what a reviewer looks at.
 *
 * --text-scale and --high-contrast render what a person with large text
 * or high contrast sees (the file names say so), to check that nothing is
 * cut off or overlaps. The "busy" shots hold the ledger from a second
 * connection, as another program would, while a save or a delete waits. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "outlay-application.h"
#include "outlay-description-row.h"
#include "outlay-expense-editor.h"
#include "outlay-expenses-page.h"
#include "outlay-history-window.h"
#include "outlay-import-refunds-group.h"
#include "outlay-import-window.h"
#include "outlay-backups.h"
#include "outlay-apply-rules-dialog.h"
#include "outlay-budgets-window.h"
#include "outlay-date.h"
#include "outlay-categories-window.h"
#include "outlay-converted-view.h"
#include "outlay-dashboard-page.h"
#include "outlay-recurring-editor.h"
#include "outlay-recurring-runner.h"
#include "outlay-recurring-window.h"
#include "outlay-repeat-group.h"
#include "outlay-repetition-dialog.h"
#include "outlay-rules-page.h"
#include "outlay-sample-ledger.h"
#include "outlay-currencies-page.h"
#include "outlay-preferences-window.h"
#include "outlay-rate-editor.h"
#include "outlay-sync-service.h"
#include "outlay-waiting-bar.h"
#include "outlay-window.h"

typedef enum
{
  WAIT_NONE,
  WAIT_SAVE,   /* the editor's Save waits for another program */
  WAIT_DELETE, /* the window's delete does */
} Wait;

typedef struct
{
  const char *name;
  const char *page;
  int         width;
  int         height;
  gboolean    dark;
  gboolean    editor;
  const char *import; /* a file of tests/fixtures/import, in the import window */
  Wait        wait;
  gboolean    damaged; /* the ledger found damaged: the last shots, it stays so */
  /* with a refund in the list and the editor on it; in the import window,
   * the money received with its first line ticked as a refund */
  gboolean refund;
  gboolean    budgets; /* a few budgets, for the Dashboard */
  const char *budgets_window; /* the Budgets window: "list", "detail" or "editor" */
  /* 1: the question before many recurring expenses at once; 2: the list
   * with what they wrote; 3: the editor's Repeat rows; 4: its Custom…; 5: the
   * editor of a recurring expense; 6: the Dashboard with those due and to
   * come */
  int recurring;
  /* the Recurring Expenses window: "list" (of a few, some paused or
   * ended) or "empty" */
  const char *recurring_window;
  /* the Categories window: "list" (with subcategories and a hidden one),
   * "editor" (of a subcategory over it) or "delete" (the question) */
  const char *categories_window;
  /* the Rules page: "list" (of a few rules), "empty", "editor" (of the
   * first rule) or "apply" (its preview) */
  const char *rules;
  /* the editor on a hotel paid in dollars, 1: with what the card was
   * charged in euros, 2: without, converted at the day's rate */
  int charged;
  /* the Dashboard with expenses abroad, its converted total opened */
  gboolean converted;
  /* the Preferences on their Currencies page: "page" (with a few rates),
   * "editor" (Add Rate over it) or "import" (the summary of the ECB's
   * history imported); or "general", their General page (the reminders) */
  const char *currencies;
  /* the History window: "all" (every change, with one made on another
   * device) or "expense" (one expense's changes) */
  const char *history;
} Shot;

static const Shot shots[] = {
  { "expenses-1280x800-light", "expenses", 1280, 800, FALSE, TRUE },
  { "expenses-1280x800-dark", "expenses", 1280, 800, TRUE, TRUE },
  { "dashboard-1280x800-light", "dashboard", 1280, 800, FALSE, FALSE },
  { "dashboard-1280x800-dark", "dashboard", 1280, 800, TRUE, FALSE },
  { "expenses-360x720-light", "expenses", 360, 720, FALSE, FALSE },
  { "expenses-360x720-dark", "expenses", 360, 720, TRUE, FALSE },
  { "editor-360x720-light", "expenses", 360, 720, FALSE, TRUE },
  { "dashboard-360x720-light", "dashboard", 360, 720, FALSE, FALSE },
  { "dashboard-360x720-dark", "dashboard", 360, 720, TRUE, FALSE },
  { "expenses-600x720-light", "expenses", 600, 720, FALSE, FALSE },
  { "import-1280x800-light", "expenses", 1280, 800, FALSE, FALSE, "bank.csv" },
  { "import-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, "bank.csv" },
  { "import-360x720-light", "expenses", 360, 720, FALSE, FALSE, "bank.csv" },
  { "import-360x720-dark", "expenses", 360, 720, TRUE, FALSE, "bank.csv" },
  { "busy-1280x800-light", "expenses", 1280, 800, FALSE, TRUE, NULL, WAIT_SAVE },
  { "busy-1280x800-dark", "expenses", 1280, 800, TRUE, TRUE, NULL, WAIT_SAVE },
  { "busy-360x720-light", "expenses", 360, 720, FALSE, TRUE, NULL, WAIT_SAVE },
  { "busy-360x720-dark", "expenses", 360, 720, TRUE, TRUE, NULL, WAIT_SAVE },
  { "busy-delete-360x640-light", "expenses", 360, 640, FALSE, FALSE, NULL, WAIT_DELETE },
  { "busy-delete-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_DELETE },
  { "refund-1280x800-light", "expenses", 1280, 800, FALSE, TRUE, NULL, WAIT_NONE, FALSE, TRUE },
  { "refund-360x720-dark", "expenses", 360, 720, TRUE, TRUE, NULL, WAIT_NONE, FALSE, TRUE },
  { "import-refunds-1280x800-light", "expenses", 1280, 800, FALSE, FALSE, "bank.csv", WAIT_NONE, FALSE, TRUE },
  { "import-refunds-360x720-dark", "expenses", 360, 720, TRUE, FALSE, "bank.csv", WAIT_NONE, FALSE, TRUE },
  { "budgets-1280x800-light", "dashboard", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, TRUE },
  { "budgets-360x720-dark", "dashboard", 360, 720, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, TRUE },
  { "budgets-list-1280x800-light", "dashboard", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, TRUE, "list" },
  { "budgets-list-360x720-dark", "dashboard", 360, 720, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, TRUE, "list" },
  { "budget-page-1280x800-light", "dashboard", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, TRUE, "detail" },
  { "budget-page-360x720-light", "dashboard", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, TRUE,
    "detail" },
  { "budget-editor-1280x800-light", "dashboard", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, TRUE,
    "editor" },
  { "budget-editor-360x720-dark", "dashboard", 360, 720, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, TRUE,
    "editor" },
  { "recurring-question-1280x800-light", "expenses", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, TRUE },
  { "recurring-question-360x720-dark", "expenses", 360, 720, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL,
    TRUE },
  { "recurring-rows-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL,
    2 },
  { "repeat-editor-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 3 },
  { "repeat-editor-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 3 },
  { "repeat-editor-1280x800-light", "expenses", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL,
    3 },
  { "repeat-custom-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 4 },
  { "repeat-custom-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 4 },
  { "recurring-editor-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL,
    5 },
  { "recurring-editor-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL,
    5 },
  { "upcoming-360x720-light", "dashboard", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 6 },
  { "upcoming-1280x800-dark", "dashboard", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 6 },
  { "upcoming-1280x800-light", "dashboard", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 6 },
  { "recurring-window-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL,
    0, "list" },
  { "recurring-window-360x720-dark", "expenses", 360, 720, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL,
    0, "list" },
  { "recurring-window-800x720-light", "expenses", 800, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL,
    0, "list" },
  { "recurring-window-empty-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, 0, "empty" },
  { "categories-1280x800-light", "expenses", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, "list" },
  { "categories-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, "list" },
  { "categories-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, "list" },
  { "categories-360x720-dark", "expenses", 360, 720, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, "list" },
  { "categories-delete-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, 0, NULL, "delete" },
  { "categories-delete-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, 0, NULL, "delete" },
  { "category-editor-1280x800-light", "expenses", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, 0, NULL, "editor" },
  { "category-editor-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, 0, NULL, "editor" },
  { "category-editor-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, 0, NULL, "editor" },
  { "category-editor-360x720-dark", "expenses", 360, 720, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, 0, NULL, "editor" },
  { "rules-list-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, NULL, "list" },
  { "rules-list-360x720-dark", "expenses", 360, 720, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, NULL, "list" },
  { "rules-list-1280x800-light", "expenses", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, NULL, "list" },
  { "rules-list-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, NULL, "list" },
  { "rules-empty-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, NULL, "empty" },
  { "rules-editor-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, NULL, "editor" },
  { "rules-editor-360x720-dark", "expenses", 360, 720, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, NULL, "editor" },
  { "rules-editor-1280x800-light", "expenses", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL,
    0, NULL, NULL, "editor" },
  { "rules-editor-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL,
    0, NULL, NULL, "editor" },
  { "rules-editor-matches-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, 0, NULL, NULL, "matches" },
  { "rules-editor-matches-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, 0, NULL, NULL, "matches" },
  { "rules-apply-choice-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE,
    NULL, 0, NULL, NULL, "choice" },
  { "rules-apply-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, NULL, "apply" },
  { "rules-apply-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, FALSE, FALSE, FALSE, NULL, 0,
    NULL, NULL, "apply" },
  { .name = "dashboard-converted-1280x800-light", .page = "dashboard", .width = 1280, .height = 800,
    .converted = TRUE },
  { .name = "dashboard-converted-360x720-dark", .page = "dashboard", .width = 360, .height = 720, .dark = TRUE,
    .converted = TRUE },
  { .name = "editor-charged-1280x800-light", .page = "expenses", .width = 1280, .height = 800, .editor = TRUE,
    .charged = 1 },
  { .name = "editor-charged-360x720-dark", .page = "expenses", .width = 360, .height = 720, .dark = TRUE,
    .editor = TRUE, .charged = 1 },
  { .name = "editor-rate-1280x800-dark", .page = "expenses", .width = 1280, .height = 800, .dark = TRUE,
    .editor = TRUE, .charged = 2 },
  { .name = "currencies-1280x800-light", .page = "expenses", .width = 1280, .height = 800, .currencies = "page" },
  { .name = "currencies-360x720-dark", .page = "expenses", .width = 360, .height = 720, .dark = TRUE,
    .currencies = "page" },
  { .name = "currencies-editor-360x720-light", .page = "expenses", .width = 360, .height = 720,
    .currencies = "editor" },
  { .name = "currencies-editor-1280x800-dark", .page = "expenses", .width = 1280, .height = 800, .dark = TRUE,
    .currencies = "editor" },
  { .name = "preferences-general-1280x800-light", .page = "expenses", .width = 1280, .height = 800,
    .currencies = "general" },
  { .name = "preferences-general-360x720-dark", .page = "expenses", .width = 360, .height = 720, .dark = TRUE,
    .currencies = "general" },
  { .name = "preferences-sync-1280x800-light", .page = "expenses", .width = 1280, .height = 800,
    .currencies = "sync" },
  { .name = "preferences-sync-360x720-dark", .page = "expenses", .width = 360, .height = 720, .dark = TRUE,
    .currencies = "sync" },
  { .name = "preferences-sync-off-360x720-light", .page = "expenses", .width = 360, .height = 720,
    .currencies = "sync-off" },
  { .name = "currencies-import-360x720-light", .page = "expenses", .width = 360, .height = 720,
    .currencies = "import" },
  { .name = "history-1280x800-light", .page = "expenses", .width = 1280, .height = 800, .history = "all" },
  { .name = "history-360x720-light", .page = "expenses", .width = 360, .height = 720, .history = "all" },
  { .name = "history-360x720-dark", .page = "expenses", .width = 360, .height = 720, .dark = TRUE,
    .history = "all" },
  { .name = "history-expense-360x720-light", .page = "expenses", .width = 360, .height = 720,
    .history = "expense" },
  { "damaged-1280x800-light", "expenses", 1280, 800, FALSE, FALSE, NULL, WAIT_NONE, TRUE },
  { "damaged-1280x800-dark", "expenses", 1280, 800, TRUE, FALSE, NULL, WAIT_NONE, TRUE },
  { "damaged-360x720-light", "expenses", 360, 720, FALSE, FALSE, NULL, WAIT_NONE, TRUE },
  { "damaged-360x720-dark", "expenses", 360, 720, TRUE, FALSE, NULL, WAIT_NONE, TRUE },
};

static char    *output_dir;
static char    *database_path;
static char    *only;
static double   text_scale = 1.0;
static gboolean high_contrast;

static void
wait_frames (GtkWidget *widget,
             guint      n_frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64         start = g_get_monotonic_time ();
  gint64         target;

  if (clock == NULL)
    return;

  target = gdk_frame_clock_get_frame_counter (clock) + n_frames;
  while (gdk_frame_clock_get_frame_counter (clock) < target &&
         g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }

  /* Let idles (totals, charts) settle. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
save_png (GtkWidget  *window,
          const char *path)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int          width = gtk_widget_get_width (window);
  int          height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("Could not write %s\n", path);
  else
    g_print ("%s (%d×%d)\n", path, width, height);
}

/* The spinner of a wait never lets the main context run dry, as
 * wait_frames() waits for: this runs it for a while instead. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Another program's write, begun and never committed: the save or the
 * delete waits, and the bar says so. */
static void
take_waiting (OutlayWindow *window,
              const Shot   *shot,
              const char   *path)
{
  GtkWidget *page = outlay_window_get_expenses_page (window);
  GtkWidget *editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (page));
  GObject   *bar;
  sqlite3   *other = NULL;

  wait_frames (GTK_WIDGET (window), 3);
  if (sqlite3_open (database_path, &other) != SQLITE_OK ||
      sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("Could not hold the ledger: %s", sqlite3_errmsg (other));

  if (shot->wait == WAIT_SAVE)
    {
      gtk_widget_activate_action (editor, "editor.save", NULL);
      bar = gtk_widget_get_template_child (editor, OUTLAY_TYPE_EXPENSE_EDITOR, "waiting_bar");
    }
  else
    {
      OutlayExpenseModel *model = outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (page));
      g_autoptr (OutlayExpense) expense = g_list_model_get_item (G_LIST_MODEL (model), 1);
      GListModel *toplevels = gtk_window_get_toplevels ();

      outlay_expenses_page_edit_expense (OUTLAY_EXPENSES_PAGE (page), expense);
      outlay_expenses_page_close_editor (OUTLAY_EXPENSES_PAGE (page));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-expense", NULL);
      run_for (500);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel))
            adw_message_dialog_response (ADW_MESSAGE_DIALOG (toplevel), "delete");
        }
      bar = gtk_widget_get_template_child (GTK_WIDGET (window), OUTLAY_TYPE_WINDOW, "waiting_bar");
    }

  g_assert (OUTLAY_IS_WAITING_BAR (bar));
  run_for (1500);
  save_png (GTK_WIDGET (window), path);

  /* The ledger is let go only after the window: nothing is written. */
  gtk_window_destroy (GTK_WINDOW (window));
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

/* Today, a pair of boots given back: the newest expense of the list. */
static void
add_refund (OutlayApplication *app,
            OutlayWindow      *window)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  GListModel       *categories = outlay_repository_get_categories (repository);
  g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, 0);
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExpense) stored = NULL;
  g_autoptr (GDate) today = g_date_new ();
  g_autofree char *day = NULL;
  g_autofree char *currency = outlay_application_dup_currency (app);
  g_autoptr (GError) error = NULL;

  g_date_set_time_t (today, time (NULL));
  day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (today), g_date_get_month (today), g_date_get_day (today));
  outlay_expense_set_amount (draft, -5900);
  outlay_expense_set_currency (draft, currency);
  outlay_expense_set_description (draft, "Boots returned");
  outlay_expense_set_note (draft, "");
  outlay_expense_set_occurred_on (draft, day);
  outlay_expense_set_category_id (draft, outlay_category_get_id (category));
  stored = outlay_repository_add_expense (repository, draft, &error);
  if (stored == NULL)
    g_error ("Could not add the refund: %s", error->message);
  wait_frames (GTK_WIDGET (window), 3);
}

/* Today, a hotel paid in dollars, with the rate of the day and, when
 * @charged, what the card was charged in euros. */
static OutlayExpense *
add_charged (OutlayApplication *app,
             OutlayWindow      *window,
             gboolean           charged)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  GListModel       *categories = outlay_repository_get_categories (repository);
  g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, 0);
  g_autoptr (OutlayExpense) draft = outlay_expense_new ();
  g_autoptr (OutlayExchangeRate) rate = NULL;
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autofree char *day = outlay_date_format_iso (today);
  g_autoptr (GError) error = NULL;
  OutlayExpense *stored;

  rate = outlay_repository_set_rate (repository, "USD", "EUR", day, "0.9205", &error);
  if (rate == NULL)
    g_error ("Could not set the rate: %s", error->message);
  outlay_expense_set_amount (draft, 20000);
  outlay_expense_set_currency (draft, "USD");
  if (charged)
    outlay_expense_set_charged (draft, 18367, "EUR");
  outlay_expense_set_description (draft, "Hotel in Boston");
  outlay_expense_set_note (draft, "");
  outlay_expense_set_occurred_on (draft, day);
  outlay_expense_set_category_id (draft, outlay_category_get_id (category));
  stored = outlay_repository_add_expense (repository, draft, &error);
  if (stored == NULL)
    g_error ("Could not add the hotel: %s", error->message);
  wait_frames (GTK_WIDGET (window), 3);
  return stored;
}

/* Budgets of this month: one on track, one over, one that only watches. */
static void
add_budgets (OutlayApplication *app,
             OutlayWindow      *window)
{
  static const struct
  {
    const char *name;
    gint64      amount;
    int         category; /* position, -1 for every category */
  } budgets[] = {
    { "Groceries", 40000, 1 },
    { "Eating out", 6000, 0 },
    { "Everything", 0, -1 },
  };
  OutlayRepository *repository = outlay_application_get_repository (app);
  GListModel       *categories = outlay_repository_get_categories (repository);
  g_autofree char  *currency = outlay_application_dup_currency (app);
  g_autoptr (GDate) first = g_date_new ();
  g_autofree char *anchor = NULL;

  g_date_set_time_t (first, time (NULL));
  anchor = g_strdup_printf ("%04u-%02u-01", g_date_get_year (first), g_date_get_month (first));

  /* Added for an earlier shot already. */
  {
    g_autoptr (GPtrArray) listed = outlay_repository_list_budgets (repository, TRUE, NULL);

    if (listed != NULL && listed->len > 0)
      return;
  }

  for (guint i = 0; i < G_N_ELEMENTS (budgets); i++)
    {
      g_autoptr (OutlayBudget) draft = outlay_budget_new ();
      g_autoptr (OutlayBudget) stored = NULL;
      g_autoptr (OutlayCategory) category = NULL;
      g_autoptr (GError) error = NULL;

      outlay_budget_set_name (draft, budgets[i].name);
      outlay_budget_set_amount (draft, budgets[i].amount);
      outlay_budget_set_currency (draft, currency);
      outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, anchor, NULL);
      if (budgets[i].category >= 0)
        {
          category = g_list_model_get_item (categories, (guint) budgets[i].category);
          outlay_budget_set_categories (draft, (const char *const[]){ outlay_category_get_uuid (category), NULL });
        }
      stored = outlay_repository_add_budget (repository, draft, &error);
      if (stored == NULL)
        g_error ("Could not add the budget: %s", error->message);
    }
  wait_frames (GTK_WIDGET (window), 3);
}

static void
find_pick_rows (GtkWidget *widget,
                GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) && !ADW_IS_COMBO_ROW (child))
        g_ptr_array_add (rows, child);
      else
        find_pick_rows (child, rows);
    }
}

/* "Those I Tick", the last line (the bottle deposit) ticked, and the
 * window scrolled down to the lines. */
static void
tick_last_refund (GtkWidget *import)
{
  GObject *group = gtk_widget_get_template_child (import, OUTLAY_TYPE_IMPORT_WINDOW, "refunds_group");
  GObject *scrolled = gtk_widget_get_template_child (import, OUTLAY_TYPE_IMPORT_WINDOW, "overview_content");
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkAdjustment *adjustment;

  outlay_import_refunds_group_set_choice (OUTLAY_IMPORT_REFUNDS_GROUP (group), OUTLAY_IMPORT_REFUNDS_PICKED);
  wait_frames (import, 3);
  find_pick_rows (GTK_WIDGET (group), rows);
  if (rows->len > 0)
    gtk_widget_activate (g_ptr_array_index (rows, rows->len - 1));
  wait_frames (import, 3);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_frames (import, 6);
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }
  return NULL;
}

/* The Budgets window over the main one: its list, the first budget's
 * page, or the editor of a new budget. */
static void
take_budgets_window (OutlayWindow *window,
                     const Shot   *shot,
                     const char   *path)
{
  GtkWidget *budgets;
  GtkWidget *shown;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.budgets", NULL);
  budgets = find_toplevel (OUTLAY_TYPE_BUDGETS_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (budgets), shot->width, shot->height);
  wait_frames (budgets, 6);
  shown = budgets;
  if (g_str_equal (shot->budgets_window, "detail"))
    {
      GtkWidget *row = outlay_budgets_window_get_row (OUTLAY_BUDGETS_WINDOW (budgets), "Groceries");

      gtk_widget_activate (row);
    }
  else if (g_str_equal (shot->budgets_window, "editor"))
    {
      outlay_budgets_window_add_budget (OUTLAY_BUDGETS_WINDOW (budgets));
      shown = outlay_budgets_window_get_editor (OUTLAY_BUDGETS_WINDOW (budgets));
      gtk_window_set_default_size (GTK_WINDOW (shown), shot->width, shot->height);
    }
  /* The page slides in. */
  wait_frames (shown, 30);
  save_png (shown, path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A daily coffee from 70 days ago, never written: the window asks
 * before it adds them all. */
static OutlayRecurringRule *
add_coffee_rule (OutlayApplication *app)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
  g_autoptr (GDate) start = outlay_date_new_today ();
  g_autoptr (GError) error = NULL;
  OutlayRecurringRule *stored;
  OutlayRecurrence     recurrence;

  g_date_subtract_days (start, 70);
  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_DAILY, 1, start);
  outlay_recurring_rule_set_amount (draft, 340);
  outlay_recurring_rule_set_currency (draft, "EUR");
  outlay_recurring_rule_set_description (draft, "Coffee at the station");
  outlay_recurring_rule_set_category_uuid (
    draft, outlay_category_get_uuid (outlay_repository_get_fallback_category (repository)));
  outlay_recurring_rule_set_recurrence (draft, &recurrence);
  stored = outlay_repository_add_recurring_rule (repository, draft, &error);
  if (stored == NULL)
    g_error ("Could not add the recurring expense: %s", error->message);
  return stored;
}

/* A recurring expense of the shots, from some days before or after
 * today. */
typedef struct
{
  const char         *description;
  gint64              amount;
  OutlayRepeatUnit    unit;
  int                 start; /* days from today */
  OutlayRecurringMode mode;
  guint               count; /* or 0, forever */
  gboolean            paused;
} SampleRule;

static GPtrArray *
add_rules (OutlayApplication *app,
           const SampleRule  *rules,
           guint              n_rules)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autofree char  *currency = outlay_application_dup_currency (app);
  GPtrArray        *added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_rules; i++)
    {
      g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
      g_autoptr (GDate) start = outlay_date_new_today ();
      g_autoptr (GError) error = NULL;
      OutlayRecurringRule *stored;
      OutlayRecurrence     recurrence;

      if (rules[i].start < 0)
        g_date_subtract_days (start, (guint) -rules[i].start);
      else
        g_date_add_days (start, (guint) rules[i].start);
      outlay_recurrence_init (&recurrence, rules[i].unit, 1, start);
      if (rules[i].count > 0)
        {
          recurrence.end = OUTLAY_REPEAT_END_COUNT;
          recurrence.count = rules[i].count;
        }
      outlay_recurring_rule_set_amount (draft, rules[i].amount);
      outlay_recurring_rule_set_currency (draft, currency);
      outlay_recurring_rule_set_description (draft, rules[i].description);
      outlay_recurring_rule_set_category_uuid (
        draft, outlay_category_get_uuid (outlay_repository_get_fallback_category (repository)));
      outlay_recurring_rule_set_recurrence (draft, &recurrence);
      outlay_recurring_rule_set_mode (draft, rules[i].mode);
      if (rules[i].paused)
        outlay_recurring_rule_set_paused_at (draft, "2026-01-01T08:00:00.000Z");
      if (!(stored = outlay_repository_add_recurring_rule (repository, draft, &error)))
        g_error ("Could not add the recurring expense: %s", error->message);
      g_ptr_array_add (added, stored);
    }
  return added;
}

/* Two to confirm that are due, and a few to come: none writes anything
 * when the window opens. */
static GPtrArray *
add_upcoming_rules (OutlayApplication *app)
{
  static const SampleRule rules[] = {
    { "Rent", 95000, OUTLAY_REPEAT_MONTHLY, -1, OUTLAY_RECURRING_CONFIRM },
    { "Electricity", 6450, OUTLAY_REPEAT_MONTHLY, -4, OUTLAY_RECURRING_CONFIRM },
    { "Gym", 3990, OUTLAY_REPEAT_WEEKLY, 1, OUTLAY_RECURRING_AUTOMATIC },
    { "Streaming", 1299, OUTLAY_REPEAT_MONTHLY, 4, OUTLAY_RECURRING_AUTOMATIC },
    { "Phone plan", 2500, OUTLAY_REPEAT_MONTHLY, 9, OUTLAY_RECURRING_AUTOMATIC },
  };

  return add_rules (app, rules, G_N_ELEMENTS (rules));
}

/* The Dashboard scrolled down to the Upcoming group. */
static void
take_upcoming (OutlayApplication *app,
               OutlayWindow      *window,
               GPtrArray         *rules,
               const char        *path)
{
  GtkWidget *page = outlay_window_get_dashboard_page (window);
  GtkWidget *group = NULL;
  GtkWidget *scrolled = NULL;

  wait_frames (GTK_WIDGET (window), 6);
  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL;)
    {
      if (GTK_IS_SCROLLED_WINDOW (child) && scrolled == NULL)
        scrolled = child;
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "OutlayUpcomingGroup"))
        group = child;
      /* Depth first, through the whole page. */
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != page && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child != page ? gtk_widget_get_next_sibling (child) : NULL;
        }
    }
  if (group != NULL && scrolled != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double         x, y;

      if (gtk_widget_translate_coordinates (group, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), 0,
                                            0, &x, &y))
        gtk_adjustment_set_value (adjustment, y - 12);
    }
  wait_frames (GTK_WIDGET (window), 6);
  save_png (GTK_WIDGET (window), path);

  for (guint i = 0; i < rules->len; i++)
    {
      g_autoptr (OutlayRecurringRule) gone =
        outlay_repository_delete_recurring_rule (outlay_application_get_repository (app),
                                                 outlay_recurring_rule_get_uuid (g_ptr_array_index (rules, i)), TRUE,
                                                 NULL);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
take_recurring_question (OutlayApplication   *app,
                         OutlayWindow        *window,
                         OutlayRecurringRule *rule,
                         const Shot          *shot,
                         const char          *path)
{
  OutlayRecurringRunner *runner = outlay_window_get_recurring_runner (window);
  g_autoptr (OutlayRecurringRule) gone = NULL;
  GtkWindow *question = NULL;

  while (question == NULL && g_main_context_iteration (NULL, TRUE))
    question = outlay_recurring_runner_get_question (runner);
  if (shot->recurring == 1)
    {
      wait_frames (GTK_WIDGET (question), 10);
      save_png (GTK_WIDGET (question), path);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "later");
    }
  else
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "add");
      wait_frames (GTK_WIDGET (window), 20);
      save_png (GTK_WIDGET (window), path);
    }
  gone = outlay_repository_delete_recurring_rule (outlay_application_get_repository (app),
                                                  outlay_recurring_rule_get_uuid (rule), TRUE, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new expense that repeats monthly, the editor scrolled to its Repeat
 * rows; or the dialog of Custom… over it. */
static void
take_repeat_editor (OutlayWindow *window,
                    const Shot   *shot,
                    const char   *path)
{
  GtkWidget *page = outlay_window_get_expenses_page (window);
  GtkWidget *editor = outlay_expenses_page_get_editor (OUTLAY_EXPENSES_PAGE (page));
  GObject   *group = gtk_widget_get_template_child (editor, OUTLAY_TYPE_EXPENSE_EDITOR, "repeat_group");
  GObject   *amount = gtk_widget_get_template_child (editor, OUTLAY_TYPE_EXPENSE_EDITOR, "amount_row");
  GObject   *description = gtk_widget_get_template_child (editor, OUTLAY_TYPE_EXPENSE_EDITOR, "description_row");
  g_autoptr (GDate) today = outlay_date_new_today ();
  GtkAdjustment   *adjustment;
  OutlayRecurrence monthly;

  outlay_expenses_page_new_expense (OUTLAY_EXPENSES_PAGE (page));
  gtk_editable_set_text (GTK_EDITABLE (amount), "950");
  gtk_editable_set_text (GTK_EDITABLE (description), "Rent");
  outlay_description_row_hide_suggestions (OUTLAY_DESCRIPTION_ROW (description));
  outlay_recurrence_init (&monthly, OUTLAY_REPEAT_MONTHLY, 1, today);
  outlay_repeat_group_set_recurrence (OUTLAY_REPEAT_GROUP (group), &monthly, OUTLAY_RECURRING_AUTOMATIC);
  wait_frames (GTK_WIDGET (window), 6);
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (group), GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_frames (GTK_WIDGET (window), 6);

  if (shot->recurring == 4)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      outlay_repeat_group_choose_custom (OUTLAY_REPEAT_GROUP (group));
      run_for (500);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          if (OUTLAY_IS_REPETITION_DIALOG (toplevel))
            {
              if (shot->width < 600)
                gtk_window_set_default_size (GTK_WINDOW (toplevel), shot->width, shot->height);
              wait_frames (toplevel, 6);
              save_png (toplevel, path);
              gtk_window_destroy (GTK_WINDOW (toplevel));
            }
        }
    }
  else
    save_png (GTK_WIDGET (window), path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A few recurring expenses around today: monthly, weekly and yearly ones
 * that write, one that asks first, one paused and one that has ended. */
static GPtrArray *
add_sample_rules (OutlayApplication *app)
{
  static const SampleRule rules[] = {
    { "Rent", 95000, OUTLAY_REPEAT_MONTHLY, -75, OUTLAY_RECURRING_AUTOMATIC },
    { "Gym", 1000, OUTLAY_REPEAT_WEEKLY, -20, OUTLAY_RECURRING_AUTOMATIC },
    { "Car insurance", 48000, OUTLAY_REPEAT_YEARLY, -100, OUTLAY_RECURRING_AUTOMATIC },
    { "Streaming", 1299, OUTLAY_REPEAT_MONTHLY, 5, OUTLAY_RECURRING_CONFIRM },
    { "Newspaper", 2500, OUTLAY_REPEAT_MONTHLY, -40, OUTLAY_RECURRING_AUTOMATIC, 0, TRUE },
    { "Phone contract", 2000, OUTLAY_REPEAT_MONTHLY, -150, OUTLAY_RECURRING_AUTOMATIC, 3 },
  };

  return add_rules (app, rules, G_N_ELEMENTS (rules));
}

/* The Recurring Expenses window over the main one; the rules go again
 * afterwards, with what they wrote, for the shots after it. */
static void
take_recurring_window (OutlayApplication *app,
                       OutlayWindow      *window,
                       const Shot        *shot,
                       const char        *path)
{
  g_autoptr (GPtrArray) rules = g_str_equal (shot->recurring_window, "list") ? add_sample_rules (app) : NULL;
  GtkWidget *recurring;

  /* Those that write write what they owe when the main window shows. */
  if (rules != NULL)
    outlay_recurring_runner_run_now (outlay_window_get_recurring_runner (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.recurring", NULL);
  recurring = find_toplevel (OUTLAY_TYPE_RECURRING_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (recurring), shot->width, shot->height);
  wait_frames (recurring, 20);
  save_png (recurring, path);
  gtk_window_destroy (GTK_WINDOW (window));

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      g_autoptr (OutlayRecurringRule) gone =
        outlay_repository_delete_recurring_rule (outlay_application_get_repository (app),
                                                 outlay_recurring_rule_get_uuid (g_ptr_array_index (rules, i)), TRUE,
                                                 NULL);
    }
}

/* The Categories window over the main one, with two subcategories and a
 * hidden category, which go again afterwards: its list, the editor of a
 * subcategory, or the question before a category with expenses is
 * deleted. */
#define RESTAURANT_ICON "outlay-category-restaurant-symbolic"
#define COFFEE_ICON "outlay-category-coffee-symbolic"

static void
take_categories_window (OutlayApplication *app,
                        OutlayWindow      *window,
                        const Shot        *shot,
                        const char        *path)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  OutlayCategory   *food = outlay_repository_find_category (repository, "Food & Drink");
  OutlayCategory   *travel = outlay_repository_find_category (repository, "Travel");
  OutlayCategory   *added[2];
  GtkWidget        *categories;
  GtkWidget        *shown;
  g_autoptr (GError) error = NULL;

  added[0] = outlay_repository_add_subcategory (repository, food, "Restaurants", RESTAURANT_ICON, "#c64600", &error);
  g_assert_no_error (error);
  added[1] = outlay_repository_add_subcategory (repository, food, "Coffee", COFFEE_ICON, "#865e3c", &error);
  g_assert_no_error (error);
  outlay_repository_set_category_hidden (repository, outlay_category_get_id (travel), TRUE, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.categories", NULL);
  categories = find_toplevel (OUTLAY_TYPE_CATEGORIES_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (categories), shot->width, shot->height);
  wait_frames (categories, 20);
  shown = categories;
  if (g_str_equal (shot->categories_window, "editor"))
    {
      gtk_widget_activate_action (categories, "categories.edit", "x", outlay_category_get_id (added[0]));
      shown = GTK_WIDGET (outlay_categories_window_get_editor (OUTLAY_CATEGORIES_WINDOW (categories)));
      if (shot->width < 600)
        gtk_window_set_default_size (GTK_WINDOW (shown), shot->width, shot->height);
    }
  else if (g_str_equal (shot->categories_window, "delete"))
    {
      gtk_widget_activate_action (categories, "categories.delete", "x", outlay_category_get_id (food));
      shown = GTK_WIDGET (outlay_categories_window_get_question (OUTLAY_CATEGORIES_WINDOW (categories)));
    }
  wait_frames (shown, 20);
  save_png (shown, path);
  gtk_window_destroy (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      g_autoptr (OutlayCategoryRemoval) removal =
        outlay_repository_remove_category (repository, outlay_category_get_id (added[i]), 0, FALSE, &error);

      g_assert_no_error (error);
    }
  outlay_repository_set_category_hidden (repository, outlay_category_get_id (travel), FALSE, &error);
  g_assert_no_error (error);
}

/* A few category rules, as a person might keep them. */
static GPtrArray *
add_category_rules (OutlayApplication *app)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  GListModel       *categories = outlay_repository_get_categories (repository);
  GPtrArray        *rules = g_ptr_array_new_with_free_func (g_object_unref);
  const struct
  {
    const char *patterns[3];
    guint       category;
    const char *min;
    const char *max;
    const char *currency;
    const char *rename_to;
  } drafts[] = {
    { { "bäckerei", "bakery", NULL }, 0, NULL, NULL, NULL, "Corner Bakery" },
    { { "SQ *ROASTERY", NULL }, 0, NULL, "20.00", "EUR", "Roastery" },
    { { "weekly shop", "farmers market", NULL }, 1, "50.00", "500.00", NULL, NULL },
    { { "bus ticket", NULL }, 2, NULL, NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_autoptr (OutlayCategoryRule) draft = outlay_category_rule_new ();
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, drafts[i].category);
      g_autoptr (GError) error = NULL;
      OutlayCategoryRule *stored;

      outlay_category_rule_set_patterns (draft, drafts[i].patterns);
      outlay_category_rule_set_category_uuid (draft, outlay_category_get_uuid (category));
      outlay_category_rule_set_amount_min (draft, drafts[i].min);
      outlay_category_rule_set_amount_max (draft, drafts[i].max);
      outlay_category_rule_set_currency (draft, drafts[i].currency);
      outlay_category_rule_set_rename_to (draft, drafts[i].rename_to);
      if (i == 1)
        outlay_category_rule_set_match (draft, OUTLAY_RULE_MATCH_STARTS);
      stored = outlay_repository_add_category_rule (repository, draft, &error);
      if (stored == NULL)
        g_error ("Could not add a rule: %s", error->message);
      g_ptr_array_add (rules, stored);
    }
  return rules;
}

static GtkWidget *
find_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Rules page of the Categories window, its editor or Apply Rules'
 * preview; the rules go again afterwards. */
static void
take_rules (OutlayApplication *app,
            OutlayWindow      *window,
            const Shot        *shot,
            const char        *path)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  g_autoptr (GPtrArray) rules = !g_str_equal (shot->rules, "empty") ? add_category_rules (app) : NULL;
  OutlayCategoriesWindow *categories = outlay_categories_window_new (GTK_WINDOW (window), repository);
  GtkWidget              *rules_window = GTK_WIDGET (categories);
  GtkWidget              *page = outlay_categories_window_get_rules_page (categories);
  GtkWidget              *shown = rules_window;

  outlay_categories_window_show_rules (categories);
  gtk_window_set_default_size (GTK_WINDOW (rules_window), shot->width, shot->height);
  gtk_window_present (GTK_WINDOW (rules_window));
  wait_frames (rules_window, 6);

  if (g_str_equal (shot->rules, "editor") || g_str_equal (shot->rules, "matches"))
    {
      gtk_widget_activate_action (page, "rules.edit", "s",
                                  outlay_category_rule_get_uuid (g_ptr_array_index (rules, 2)));
      shown = outlay_rules_page_get_editor (OUTLAY_RULES_PAGE (page));
    }
  else if (g_str_equal (shot->rules, "choice"))
    {
      gtk_widget_activate_action (page, "rules.apply", NULL);
      shown = outlay_rules_page_get_apply_dialog (OUTLAY_RULES_PAGE (page));
      gtk_window_set_default_size (GTK_WINDOW (shown), shot->width, shot->height);
    }
  else if (g_str_equal (shot->rules, "apply"))
    {
      gtk_widget_activate_action (page, "rules.apply", NULL);
      shown = outlay_rules_page_get_apply_dialog (OUTLAY_RULES_PAGE (page));
      gtk_window_set_default_size (GTK_WINDOW (shown), shot->width, shot->height);
      outlay_apply_rules_dialog_set_all (OUTLAY_APPLY_RULES_DIALOG (shown), TRUE);
      outlay_apply_rules_dialog_preview (OUTLAY_APPLY_RULES_DIALOG (shown));
      while (outlay_apply_rules_dialog_is_planning (OUTLAY_APPLY_RULES_DIALOG (shown)))
        g_main_context_iteration (NULL, TRUE);
    }
  if (shown != rules_window)
    gtk_window_set_default_size (GTK_WINDOW (shown), shot->width, shot->height);
  /* The count runs after a pause, in a worker. */
  run_for (1200);
  if (g_str_equal (shot->rules, "matches"))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_scrolled (shown)));

      wait_frames (shown, 6);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    }
  wait_frames (shown, 10);
  save_png (shown, path);
  if (shown != rules_window)
    gtk_window_destroy (GTK_WINDOW (shown));
  gtk_window_destroy (GTK_WINDOW (rules_window));
  gtk_window_destroy (GTK_WINDOW (window));

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      g_autoptr (OutlayCategoryRule) gone =
        outlay_repository_delete_category_rule (repository,
                                                outlay_category_rule_get_uuid (g_ptr_array_index (rules, i)), NULL);
    }
}

/* A few changes as a person makes them, one on another device, and the
 * History window over the main window. */
static void
take_history (OutlayApplication *app,
              OutlayWindow      *window,
              const Shot        *shot,
              const char        *path)
{
  OutlayRepository *repository = outlay_application_get_repository (app);
  OutlayCategory   *groceries = outlay_repository_find_category (repository, "Groceries");
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autoptr (GPtrArray) expenses = outlay_repository_find_expenses (repository, query, 0, 2, NULL);
  OutlayExpense    *expense = g_ptr_array_index (expenses, 0);
  g_autoptr (OutlayExpense) edited = NULL;
  g_autoptr (OutlayExpense) deleted = NULL;
  g_autoptr (OutlayExpense) restored = NULL;
  g_autofree char *uuid = g_strdup (outlay_expense_get_uuid (expense));
  g_autoptr (GError) error = NULL;
  GtkWidget        *history;
  sqlite3          *other = NULL;

  outlay_expense_set_amount (expense, outlay_expense_get_amount (expense) + 250);
  if (groceries != NULL)
    outlay_expense_set_category_id (expense, outlay_category_get_id (groceries));
  outlay_expense_set_note (expense, "Split with Sam");
  edited = outlay_repository_update_expense (repository, expense, &error);
  g_assert_no_error (error);
  deleted = outlay_repository_delete_expense (repository,
                                              outlay_expense_get_id (g_ptr_array_index (expenses, 1)), &error);
  g_assert_no_error (error);
  restored = outlay_repository_restore_expense (repository, outlay_expense_get_id (deleted), &error);
  g_assert_no_error (error);

  /* The note was written on the phone. */
  if (sqlite3_open (database_path, &other) != SQLITE_OK ||
      sqlite3_exec (other,
                    "INSERT OR IGNORE INTO sync_peers (device, name) VALUES ('5f0c2a9e-phone', 'Phone');"
                    "UPDATE sync_journal SET device = '5f0c2a9e-phone' WHERE col = 'note' AND device IS NULL",
                    NULL, NULL, NULL) != SQLITE_OK)
    g_error ("Could not write the ledger: %s", sqlite3_errmsg (other));
  sqlite3_close (other);

  history = GTK_WIDGET (outlay_history_window_new (GTK_WINDOW (window), repository,
                                                   g_str_equal (shot->history, "expense") ? uuid : NULL));
  gtk_window_set_default_size (GTK_WINDOW (history), shot->width < 600 ? shot->width : 560, shot->height);
  gtk_window_present (GTK_WINDOW (history));
  while (outlay_history_window_is_loading (OUTLAY_HISTORY_WINDOW (history)))
    g_main_context_iteration (NULL, TRUE);
  wait_frames (history, 20);
  save_png (history, path);
  gtk_window_destroy (GTK_WINDOW (history));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two other devices in a sync folder beside the ledger's, and the ledger
 * syncing through it: each device's round makes it known. */
static char *
set_up_sync (OutlayApplication *app)
{
  static const char *const names[] = { "Phone", "Work Laptop" };
  g_autofree char *dir = g_path_get_dirname (database_path);
  char            *folder = g_build_filename (dir, "Sync", NULL);
  OutlaySyncService *service = outlay_application_get_sync_service (app);
  g_autoptr (GError) error = NULL;

  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strdup_printf ("device-%u.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (OutlayDatabase) database = outlay_database_open (path, &error);
      g_autoptr (OutlayRepository) repository = NULL;

      if (database == NULL)
        g_error ("%s", error->message);
      repository = outlay_repository_new (database);
      if (!outlay_sync_setup (repository, folder, names[i], NULL, &error) ||
          !outlay_sync_run (repository, NULL, NULL, &error))
        g_error ("%s", error->message);
    }

  if (!outlay_sync_service_setup (service, folder, &error))
    g_error ("%s", error->message);
  while (outlay_sync_service_get_running (service))
    g_main_context_iteration (NULL, TRUE);

  return folder;
}

/* The Preferences on their Currencies page over the main window, or the
 * editor of a new rate over them; or on their Sync page. */
static void
take_currencies (OutlayApplication *app,
                 OutlayWindow      *window,
                 const Shot        *shot,
                 const char        *path)
{
  g_autofree char *sync_folder = g_str_equal (shot->currencies, "sync") ? set_up_sync (app) : NULL;
  GtkWidget       *preferences = outlay_preferences_window_new (app);
  GtkWidget       *page;

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (preferences), shot->width, shot->height);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                g_str_equal (shot->currencies, "general") ? "general"
                                                : g_str_has_prefix (shot->currencies, "sync") ? "sync"
                                                                                              : "currencies");
  gtk_window_present (GTK_WINDOW (preferences));
  wait_frames (preferences, 10);
  if (g_str_equal (shot->currencies, "editor"))
    {
      GtkWidget *editor;

      page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
      editor = outlay_currencies_page_add_rate (OUTLAY_CURRENCIES_PAGE (page));
      outlay_rate_editor_set_rate_text (OUTLAY_RATE_EDITOR (editor), "0.9205");
      if (shot->width < 600)
        gtk_window_set_default_size (GTK_WINDOW (editor), shot->width, shot->height);
      gtk_window_present (GTK_WINDOW (editor));
      wait_frames (editor, 10);
      save_png (editor, path);
      gtk_window_destroy (GTK_WINDOW (editor));
    }
  else if (g_str_equal (shot->currencies, "import"))
    {
      g_autofree char *fixture = g_build_filename (OUTLAY_IMPORT_FIXTURES, "..", "rates", "eurofxref-hist.csv", NULL);
      g_autoptr (GFile) file = g_file_new_for_path (fixture);
      GtkAdjustment *adjustment;

      page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
      outlay_currencies_page_import_file (OUTLAY_CURRENCIES_PAGE (page), file);
      while (outlay_currencies_page_get_importing (OUTLAY_CURRENCIES_PAGE (page)))
        g_main_context_iteration (NULL, TRUE);
      wait_frames (preferences, 10);
      /* The summary stands under Import Rates…, a little down the page. */
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (page)));
      gtk_adjustment_set_value (adjustment, 200);
      wait_frames (preferences, 10);
      save_png (preferences, path);
    }
  else
    save_png (preferences, path);
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  if (sync_folder != NULL)
    outlay_sync_service_leave (outlay_application_get_sync_service (app), NULL);
}

static void
take (OutlayApplication *app,
      const Shot        *shot)
{
  g_autoptr (OutlayRecurringRule) rule =
    shot->recurring == 1 || shot->recurring == 2 || shot->recurring == 5 ? add_coffee_rule (app) : NULL;
  g_autoptr (GPtrArray) upcoming = shot->recurring == 6 ? add_upcoming_rules (app) : NULL;
  OutlayWindow    *window = outlay_window_new (app);
  g_autofree char *scale = text_scale != 1.0 ? g_strdup_printf ("-text%g", text_scale) : g_strdup ("");
  g_autofree char *file = g_strconcat (shot->name, scale, high_contrast ? "-hc" : "", ".png", NULL);
  g_autofree char *path = g_build_filename (output_dir, file, NULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (window), shot->width, shot->height);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", shot->page);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 3);

  if (shot->damaged)
    {
      outlay_database_mark_damaged (outlay_repository_get_database (outlay_application_get_repository (app)));
      /* The header bar's switcher gives way to the title in an animation. */
      wait_frames (GTK_WIDGET (window), 40);
    }

  if (shot->refund && shot->import == NULL)
    add_refund (app, window);
  if (shot->budgets)
    add_budgets (app, window);

  if (shot->converted)
    {
      g_autoptr (OutlayExpense) hotel = add_charged (app, window, FALSE);
      g_autoptr (OutlayExpense) asado = outlay_expense_new ();
      g_autoptr (OutlayExpense) stored = NULL;
      g_autoptr (OutlayExpense) gone = NULL;
      g_autoptr (OutlayExpense) gone_too = NULL;
      OutlayRepository *repository = outlay_application_get_repository (app);
      GtkWidget        *view;

      outlay_expense_set_amount (asado, 1500000);
      outlay_expense_set_currency (asado, "ARS");
      outlay_expense_set_description (asado, "Asado");
      outlay_expense_set_note (asado, "");
      outlay_expense_set_occurred_on (asado, outlay_expense_get_occurred_on (hotel));
      outlay_expense_set_category_id (asado, outlay_expense_get_category_id (hotel));
      if (!(stored = outlay_repository_add_expense (repository, asado, NULL)))
        g_error ("Could not add the asado");
      view = outlay_dashboard_page_get_converted_view (
        OUTLAY_DASHBOARD_PAGE (outlay_window_get_dashboard_page (window)));
      /* Worked out in the background. */
      for (int frame = 0; frame < 600 && !gtk_widget_get_visible (view); frame++)
        wait_frames (GTK_WIDGET (window), 1);
      wait_frames (GTK_WIDGET (window), 5);
      gtk_expander_set_expanded (GTK_EXPANDER (outlay_converted_view_get_expander (OUTLAY_CONVERTED_VIEW (view))),
                                 TRUE);
      wait_frames (GTK_WIDGET (window), 10);
      save_png (GTK_WIDGET (window), path);
      gtk_window_destroy (GTK_WINDOW (window));
      gone = outlay_repository_delete_expense (repository, outlay_expense_get_id (hotel), NULL);
      gone_too = outlay_repository_delete_expense (repository, outlay_expense_get_id (stored), NULL);
      return;
    }

  if (shot->charged)
    {
      g_autoptr (OutlayExpense) hotel = add_charged (app, window, shot->charged == 1);
      g_autoptr (OutlayExpense) gone = NULL;

      outlay_expenses_page_edit_expense (OUTLAY_EXPENSES_PAGE (outlay_window_get_expenses_page (window)), hotel);
      wait_frames (GTK_WIDGET (window), 10);
      save_png (GTK_WIDGET (window), path);
      gtk_window_destroy (GTK_WINDOW (window));
      gone = outlay_repository_delete_expense (outlay_application_get_repository (app), outlay_expense_get_id (hotel),
                                               NULL);
      return;
    }

  if (shot->editor)
    {
      GtkWidget          *page = outlay_window_get_expenses_page (window);
      OutlayExpenseModel *model = outlay_expenses_page_get_model (OUTLAY_EXPENSES_PAGE (page));
      g_autoptr (OutlayExpense) expense = g_list_model_get_item (G_LIST_MODEL (model), shot->refund ? 0 : 1);

      if (shot->refund && expense != NULL)
        outlay_expenses_page_edit_expense (OUTLAY_EXPENSES_PAGE (page), expense);
      else if (shot->width < 600 && shot->wait == WAIT_NONE)
        outlay_expenses_page_new_expense (OUTLAY_EXPENSES_PAGE (page));
      else if (expense != NULL)
        outlay_expenses_page_edit_expense (OUTLAY_EXPENSES_PAGE (page), expense);
    }

  if (shot->import != NULL)
    {
      g_autofree char *fixture = g_build_filename (OUTLAY_IMPORT_FIXTURES, shot->import, NULL);
      g_autoptr (GFile) source = g_file_new_for_path (fixture);
      GtkWidget *import = NULL;

      outlay_window_import (window, source);
      while (import == NULL && g_main_context_iteration (NULL, TRUE))
        {
          GListModel *toplevels = gtk_window_get_toplevels ();

          for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
            {
              g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

              if (OUTLAY_IS_IMPORT_WINDOW (toplevel))
                import = toplevel;
            }
        }

      gtk_window_set_default_size (GTK_WINDOW (import), shot->width, shot->height);
      gtk_window_present (GTK_WINDOW (import));
      wait_frames (import, 6);
      if (shot->refund)
        tick_last_refund (import);
      save_png (import, path);
      gtk_window_destroy (GTK_WINDOW (import));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  if (shot->wait != WAIT_NONE)
    {
      take_waiting (window, shot, path);
      return;
    }

  if (shot->budgets_window != NULL)
    {
      take_budgets_window (window, shot, path);
      return;
    }

  if (rule != NULL && shot->recurring == 5)
    {
      OutlayRecurringEditor *editor =
        outlay_recurring_editor_new (GTK_WINDOW (window), outlay_application_get_repository (app), rule, "EUR");

      if (shot->width < 600)
        gtk_window_set_default_size (GTK_WINDOW (editor), shot->width, shot->height);
      gtk_window_present (GTK_WINDOW (editor));
      wait_frames (GTK_WIDGET (editor), 6);
      save_png (GTK_WIDGET (editor), path);
      gtk_window_destroy (GTK_WINDOW (editor));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  if (rule != NULL)
    {
      take_recurring_question (app, window, rule, shot, path);
      return;
    }
  if (upcoming != NULL)
    {
      take_upcoming (app, window, upcoming, path);
      return;
    }
  if (shot->recurring >= 3)
    {
      take_repeat_editor (window, shot, path);
      return;
    }

  if (shot->recurring_window != NULL)
    {
      take_recurring_window (app, window, shot, path);
      return;
    }

  if (shot->categories_window != NULL)
    {
      take_categories_window (app, window, shot, path);
      return;
    }

  if (shot->rules != NULL)
    {
      take_rules (app, window, shot, path);
      return;
    }

  if (shot->currencies != NULL)
    {
      take_currencies (app, window, shot, path);
      return;
    }

  if (shot->history != NULL)
    {
      take_history (app, window, shot, path);
      return;
    }

  wait_frames (GTK_WIDGET (window), 6);
  save_png (GTK_WIDGET (window), path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
activate_cb (OutlayApplication *app)
{
  /* Large Text in Settings is a larger font resolution: 96 dpi times the
   * factor, in 1024ths. */
  if (text_scale != 1.0)
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (96 * 1024 * text_scale), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    if (only == NULL || g_str_has_prefix (shots[i].name, only))
      take (app, &shots[i]);

  g_application_quit (G_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (OutlayApplication) app = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GSettings) settings = NULL;
  char        *app_argv[] = { argv[0], (char *) "--database", NULL, NULL };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_dir, "Folder for the PNG files", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only the shots whose name starts so", "PREFIX" },
    { "text-scale", 0, 0, G_OPTION_ARG_DOUBLE, &text_scale, "Text larger by this factor, as Large Text does (1.5, 2)",
      "FACTOR" },
    { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &high_contrast, "The high contrast style", NULL },
    G_OPTION_ENTRY_NULL,
  };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("- render Outlay's window to PNG");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (output_dir == NULL)
    output_dir = g_strdup ("screenshots");
  g_mkdir_with_parents (output_dir, 0755);

  /* Nothing of the person's own settings or data. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  dir = g_dir_make_tmp ("outlay-screenshot-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "outlay.db", NULL);
  database_path = path;

  database = outlay_database_open (path, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  repository = outlay_repository_new (database);
  outlay_sample_ledger_fill (repository, "EUR", 14, 18);
  outlay_sample_ledger_add_rates (repository);
  {
    /* The newest good backup the damaged-ledger page offers. */
    g_autoptr (OutlayBackups) backups = outlay_backups_new (database);
    g_autofree char *backup = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_DAILY, &error);

    g_assert_no_error (error);
  }
  g_clear_object (&repository);
  g_clear_object (&database);

  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "currency", "EUR");

  /* libadwaita follows the desktop's setting, read from the same (memory)
   * settings backend when there is no settings portal. */
  if (high_contrast)
    {
      g_autoptr (GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

      g_settings_set_boolean (a11y, "high-contrast", TRUE);
    }

  app = outlay_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  /* The application's own activate opens a window of the default size
   * first; the shots make their own. */
  app_argv[2] = path;
  status = g_application_run (G_APPLICATION (app), 3, app_argv);

  return status;
}
