/* outlay-history-window.c: the history of every change
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

#include <glib/gi18n.h>

#include "outlay-dashboard-page.h"
#include "outlay-format-history.h"
#include "outlay-history-row.h"
#include "outlay-history-window.h"
#include "outlay-reader.h"
#include "outlay-toasts.h"
#include "outlay-window.h"

/* Changes read at a time; the next page when the list is scrolled to its
 * end. */
#define PAGE 100

struct _OutlayHistoryWindow
{
  AdwWindow parent_instance;

  AdwWindowTitle  *window_title;
  AdwToastOverlay *toasts;
  GtkWidget       *filters;
  AdwComboRow     *device_row;
  GtkStringList   *devices_model;
  AdwComboRow     *kind_row;
  GtkStringList   *kinds_model;
  GtkStack        *stack;
  GtkListBox      *list;
  GtkSpinner      *spinner;

  OutlayRepository *repository;
  OutlayReader     *reader;
  GCancellable     *cancellable; /* of the page being read */
  char             *row_uuid;    /* one row's history, or NULL for all */
  GPtrArray        *devices;     /* OutlayHistoryDevice, as the device row lists them after "All Devices" */
  gint64            before;      /* the seq of the last change shown, 0 before the first page */
  guint             n_shown;
  gboolean          at_end;
  gboolean          filling; /* the filters are being filled: no reading yet */
};

G_DEFINE_FINAL_TYPE (OutlayHistoryWindow, outlay_history_window, ADW_TYPE_WINDOW)

typedef struct
{
  OutlayHistoryFilter filter;
  char               *row_uuid;
  char               *device;
  gint64              before;
} Work;

static void
work_free (Work *work)
{
  g_free (work->row_uuid);
  g_free (work->device);
  g_free (work);
}

static gpointer
read_thread (OutlayRepository *repository,
             gpointer          data,
             GCancellable     *cancellable,
             GError          **error)
{
  Work *work = data;

  return outlay_repository_read_history (repository, &work->filter, work->before, PAGE, error);
}

static void on_undo_cb (OutlayHistoryWindow *self,
                        OutlayHistoryRow    *row);

static void
show_page (OutlayHistoryWindow *self)
{
  gboolean loading = self->cancellable != NULL;

  gtk_spinner_set_spinning (self->spinner, loading && self->n_shown == 0);
  if (self->n_shown > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, loading ? "loading" : "empty");
}

static void
on_page_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (OutlayHistoryWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) page = outlay_reader_run_finish (OUTLAY_READER (source), result, &error);
  g_autoptr (GDateTime) now = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (page == NULL)
    {
      outlay_toasts_add_error (self->toasts, error->message);
      show_page (self);
      return;
    }

  now = g_date_time_new_now_local ();
  for (guint i = 0; i < page->len; i++)
    {
      OutlayHistoryEntry *entry = g_ptr_array_index (page, i);
      GtkWidget          *row = outlay_history_row_new (entry, now);

      g_signal_connect_object (row, "undo", G_CALLBACK (on_undo_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->list, row);
      self->before = outlay_history_entry_get_seq (entry);
    }
  self->n_shown += page->len;
  self->at_end = page->len < PAGE;
  show_page (self);
}

/**
 * outlay_history_window_load_more:
 *
 * Reads the next page of changes in a worker, unless one is being read or
 * the last one was.
 */
void
outlay_history_window_load_more (OutlayHistoryWindow *self)
{
  Work *work;
  guint device;

  g_return_if_fail (OUTLAY_IS_HISTORY_WINDOW (self));

  if (self->cancellable != NULL || self->at_end || self->filling)
    return;

  work = g_new0 (Work, 1);
  work->row_uuid = g_strdup (self->row_uuid);
  work->filter.row_uuid = work->row_uuid;
  work->filter.kind = adw_combo_row_get_selected (self->kind_row);
  if (work->filter.kind >= OUTLAY_HISTORY_N_KINDS)
    work->filter.kind = OUTLAY_HISTORY_KIND_ALL;
  device = adw_combo_row_get_selected (self->device_row);
  if (device != GTK_INVALID_LIST_POSITION && device > 0 && device <= self->devices->len)
    {
      OutlayHistoryDevice *chosen = g_ptr_array_index (self->devices, device - 1);

      work->filter.by_device = TRUE;
      work->device = g_strdup (chosen->id);
      work->filter.device = work->device;
    }
  work->before = self->before;

  self->cancellable = g_cancellable_new ();
  outlay_reader_run_async (self->reader, read_thread, work, (GDestroyNotify) work_free,
                           (GDestroyNotify) g_ptr_array_unref, self->cancellable, on_page_read_cb,
                           g_object_ref (self));
  show_page (self);
}

/* From the start: another filter, or a change that may have made an Undo
 * apply or not. */
static void
reload (OutlayHistoryWindow *self)
{
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->before = 0;
  self->n_shown = 0;
  self->at_end = FALSE;
  outlay_history_window_load_more (self);
}

static void
on_undo_cb (OutlayHistoryWindow *self,
            OutlayHistoryRow    *row)
{
  g_autoptr (GError) error = NULL;
  OutlayHistoryEntry *entry = outlay_history_row_get_entry (row);
  g_autofree char    *change = outlay_format_history_change (entry);
  g_autofree char    *done = NULL;

  if (!outlay_repository_undo_history_entry (self->repository, entry, &error))
    {
      outlay_toasts_add_error (self->toasts, error->message);
      reload (self);
      return;
    }

  /* Translators: a toast after a change of the history was taken back: “Undone: Amount $12.50 → $15.00” */
  done = g_strdup_printf (_("Undone: %s"), change);
  adw_toast_overlay_add_toast (self->toasts, outlay_toasts_new (done));
  reload (self);
}

static void
on_filter_changed_cb (OutlayHistoryWindow *self)
{
  if (!self->filling)
    reload (self);
}

static void
on_edge_reached_cb (OutlayHistoryWindow *self,
                    GtkPositionType      position)
{
  if (position == GTK_POS_BOTTOM)
    outlay_history_window_load_more (self);
}

static void
on_repository_changed_cb (OutlayHistoryWindow *self)
{
  reload (self);
}

static void
fill_filters (OutlayHistoryWindow *self)
{
  g_autoptr (GError) error = NULL;

  self->filling = TRUE;
  for (guint kind = 0; kind < OUTLAY_HISTORY_N_KINDS; kind++)
    gtk_string_list_append (self->kinds_model, outlay_format_history_kind (kind));

  gtk_string_list_append (self->devices_model, _("All Devices"));
  self->devices = outlay_repository_list_history_devices (self->repository, &error);
  if (self->devices == NULL)
    {
      g_warning ("Could not list the devices: %s", error->message);
      self->devices = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->devices->len; i++)
    {
      OutlayHistoryDevice *device = g_ptr_array_index (self->devices, i);

      gtk_string_list_append (self->devices_model, device->name != NULL ? device->name : _("This Device"));
    }
  adw_combo_row_set_selected (self->device_row, 0);
  adw_combo_row_set_selected (self->kind_row, 0);
  /* With one device there is nothing to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->device_row), self->devices->len > 1);
  self->filling = FALSE;
}

static void
outlay_history_window_dispose (GObject *object)
{
  OutlayHistoryWindow *self = OUTLAY_HISTORY_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_HISTORY_WINDOW);

  G_OBJECT_CLASS (outlay_history_window_parent_class)->dispose (object);
}

static void
outlay_history_window_finalize (GObject *object)
{
  OutlayHistoryWindow *self = OUTLAY_HISTORY_WINDOW (object);

  g_clear_object (&self->reader);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_free (self->row_uuid);

  G_OBJECT_CLASS (outlay_history_window_parent_class)->finalize (object);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
outlay_history_window_class_init (OutlayHistoryWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_history_window_dispose;
  object_class->finalize = outlay_history_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/outlay/Outlay/history/outlay-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OutlayHistoryWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, OutlayHistoryWindow, filters);
  gtk_widget_class_bind_template_child (widget_class, OutlayHistoryWindow, device_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayHistoryWindow, devices_model);
  gtk_widget_class_bind_template_child (widget_class, OutlayHistoryWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayHistoryWindow, kinds_model);
  gtk_widget_class_bind_template_child (widget_class, OutlayHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayHistoryWindow, list);
  gtk_widget_class_bind_template_child (widget_class, OutlayHistoryWindow, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edge_reached_cb);

  gtk_widget_class_install_action (widget_class, "window.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
outlay_history_window_init (OutlayHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * outlay_history_window_new:
 * @row_uuid: (nullable): the row whose changes to show (an expense's), or
 *   %NULL for every change, with filters by device and kind
 */
OutlayHistoryWindow *
outlay_history_window_new (GtkWindow        *parent,
                           OutlayRepository *repository,
                           const char       *row_uuid)
{
  OutlayHistoryWindow *self = g_object_new (OUTLAY_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);

  self->repository = g_object_ref (repository);
  self->reader = outlay_reader_new (repository);
  self->row_uuid = g_strdup (row_uuid);
  fill_filters (self);

  if (row_uuid != NULL)
    {
      g_autoptr (OutlayExpense) expense = outlay_repository_get_expense_by_uuid (repository, row_uuid, NULL);

      gtk_widget_set_visible (self->filters, FALSE);
      if (expense != NULL)
        {
          /* Translators: the title of an expense's own history: “History of “Lunch”” */
          g_autofree char *title = g_strdup_printf (_("History of “%s”"), outlay_expense_get_description (expense));

          adw_window_title_set_title (self->window_title, title);
          gtk_window_set_title (GTK_WINDOW (self), title);
        }
    }

  g_signal_connect_object (repository, "expenses-changed", G_CALLBACK (on_repository_changed_cb), self,
                           G_CONNECT_SWAPPED);
  outlay_history_window_load_more (self);

  return self;
}

gboolean
outlay_history_window_is_loading (OutlayHistoryWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_HISTORY_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

GtkListBox *
outlay_history_window_get_list (OutlayHistoryWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_HISTORY_WINDOW (self), NULL);

  return self->list;
}

void
outlay_history_window_set_kind (OutlayHistoryWindow *self,
                                OutlayHistoryKind    kind)
{
  g_return_if_fail (OUTLAY_IS_HISTORY_WINDOW (self));

  adw_combo_row_set_selected (self->kind_row, kind);
}

/**
 * outlay_history_window_set_device:
 * @index: 0 for every device, else the device's place in the list
 */
void
outlay_history_window_set_device (OutlayHistoryWindow *self,
                                  guint                index)
{
  g_return_if_fail (OUTLAY_IS_HISTORY_WINDOW (self));

  adw_combo_row_set_selected (self->device_row, index);
}

/* "win.history": the history of every change (""), or of one row (its
 * uuid), from the main menu and from an expense's editor. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OutlayDashboardPage *dashboard = OUTLAY_DASHBOARD_PAGE (outlay_window_get_dashboard_page (OUTLAY_WINDOW (widget)));
  const char          *row_uuid = g_variant_get_string (parameter, NULL);
  OutlayHistoryWindow *window;

  window = outlay_history_window_new (GTK_WINDOW (widget), outlay_dashboard_page_get_repository (dashboard),
                                      row_uuid[0] != '\0' ? row_uuid : NULL);
  gtk_window_present (GTK_WINDOW (window));
}

void
outlay_history_window_add_actions (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.history", "s", history_action);
  gtk_widget_class_add_binding_action (window_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.history", "s", "");
}
