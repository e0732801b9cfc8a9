/* outlay-currencies-page.c: Preferences › Currencies
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

/* Preferences › Currencies: the home currency that totals convert to, and
 * the exchange rates by pair, newest first: all of the person's and the
 * latest few of each pair a file gave, and older ones a page at a time
 * (the ECB's history holds hundreds of thousands, which the main loop
 * never reads all of). Rates are added, changed
 * and deleted (with Undo) here, and files of them imported: the file is
 * read and written in a worker on a connection of its own, with progress
 * and Cancel, then summed up with the lines it left out. No network: rates
 * come from the person or from files. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-database.h"
#include "outlay-format.h"
#include "outlay-rate-editor.h"
#include "outlay-rates-import.h"
#include "outlay-currencies-page.h"
#include "outlay-toasts.h"

/* Of each pair's imported rates, the newest shown, and how many more
 * "Show Older Rates" adds. */
#define IMPORTED_SHOWN 3
#define OLDER_PAGE 30
/* Of the lines a file left out, the first listed. */
#define PROBLEMS_SHOWN 50

struct _OutlayCurrenciesPage
{
  AdwPreferencesPage parent_instance;

  OutlayRepository *repository;
  char             *home;

  GtkWidget *home_row;
  GtkWidget *empty_group;
  GtkWidget *rates_group;
  GtkWidget *add_row;
  GtkWidget *import_row;
  GtkWidget *progress_group;
  GtkWidget *progress_bar;
  GtkWidget *summary_group;
  GtkWidget *summary_label;
  GtkWidget *problems_group; /* under the summary, which a group puts after its rows */
  GtkWidget *problems_row;
  GPtrArray  *pair_groups;
  GHashTable *older_shown; /* "USD EUR" → the oldest day the person asked to see */

  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  guint                 progress_id;
  guint                 refresh_id;
  char                 *summary;
  char                 *deleted; /* the uuid Undo brings back */
  AdwToast             *undo_toast;
  gboolean              importing;
};

enum
{
  CHANGE_HOME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayCurrenciesPage, outlay_currencies_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct
{
  char             *path;
  char             *name;
  GBytes           *bytes;
  OutlayRatesImport report;
  int               done; /* of 2000, set by the worker */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_free (job->name);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  outlay_rates_import_clear (&job->report);
  g_free (job);
}

/* Showing */

static void
add_toast (OutlayCurrenciesPage *self,
           AdwToast             *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* "1 USD = 0.9205 EUR" */
static char *
describe_rate (OutlayExchangeRate *rate)
{
  return outlay_format_rate (outlay_exchange_rate_get_currency (rate), outlay_exchange_rate_get_rate (rate),
                             outlay_exchange_rate_get_quote (rate));
}

static void
on_edit_activated_cb (AdwActionRow         *row,
                      OutlayCurrenciesPage *self)
{
  OutlayExchangeRate *rate = g_object_get_data (G_OBJECT (row), "rate");
  GtkRoot            *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget          *editor;

  editor = outlay_rate_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->repository, self->home, rate);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_delete_clicked_cb (GtkButton            *button,
                      OutlayCurrenciesPage *self)
{
  OutlayExchangeRate *rate = g_object_get_data (G_OBJECT (button), "rate");
  g_autoptr (OutlayExchangeRate) deleted = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *said = describe_rate (rate);
  g_autofree char *title = NULL;
  AdwToast        *toast;

  deleted = outlay_repository_delete_rate (self->repository, outlay_exchange_rate_get_uuid (rate), &error);
  if (deleted == NULL)
    {
      add_toast (self, outlay_toasts_new (error->message));
      return;
    }

  g_free (self->deleted);
  self->deleted = g_strdup (outlay_exchange_rate_get_uuid (deleted));
  /* Translators: a toast; %s is the rate, "1 USD = 0.9205 EUR" */
  title = g_strdup_printf (_("Deleted %s"), said);
  toast = outlay_toasts_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (outlay_currencies_page_undo), self,
                           G_CONNECT_SWAPPED);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_set_weak_pointer (&self->undo_toast, toast);
  add_toast (self, toast);
}

static GtkWidget *
rate_row_new (OutlayCurrenciesPage *self,
              OutlayExchangeRate   *rate)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *said = describe_rate (rate);
  g_autofree char *day = outlay_format_date (outlay_exchange_rate_get_day (rate));
  g_autofree char *subtitle = NULL;
  g_autofree char *delete_name = NULL;
  g_autofree char *edit_name = NULL;
  const char      *source;

  if (outlay_exchange_rate_get_source (rate) == OUTLAY_RATE_SOURCE_ENTERED)
    /* Translators: where a rate comes from: the person typed it */
    source = C_("rate source", "Yours");
  else if (outlay_exchange_rate_get_source_name (rate) != NULL)
    source = outlay_exchange_rate_get_source_name (rate);
  else
    /* Translators: where a rate comes from: a file, whose name is unknown */
    source = C_("rate source", "Imported");

  /* Translators: a rate's day and where it comes from: "14 May 2026 · Yours" */
  subtitle = g_strdup_printf (_("%s · %s"), day, source);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), said);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "numeric");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Translators: what activating a rate's row does; %s is "1 USD = 0.9205 EUR" */
  edit_name = g_strdup_printf (_("Edit %s"), said);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, edit_name, -1);
  g_object_set_data_full (G_OBJECT (row), "rate", g_object_ref (rate), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_edit_activated_cb), self, 0);

  /* Translators: a button's name for screen readers: "Delete 1 USD = 0.9205 EUR of 14 May 2026" */
  delete_name = g_strdup_printf (_("Delete %s of %s"), said, day);
  gtk_widget_set_tooltip_text (delete, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  g_object_set_data_full (G_OBJECT (delete), "rate", g_object_ref (rate), g_object_unref);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

/* A pair's group, and where its imported rates shown end. */
typedef struct
{
  char       currency[4];
  char       quote[4];
  char       oldest[OUTLAY_DATE_ISO_SIZE]; /* of its imported rates shown; "" for none */
  guint      n_imported;
  GtkWidget *group;
  GtkWidget *list;     /* the rows by day, newest first, whoever's they are */
  GtkWidget *more_row; /* "Show Older Rates", last, or NULL when there are none */
} Pair;

/* Newest first, the person's first of a day; "Show Older Rates" last. */
static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  OutlayExchangeRate *x = g_object_get_data (G_OBJECT (a), "rate");
  OutlayExchangeRate *y = g_object_get_data (G_OBJECT (b), "rate");
  int                 order;

  if (x == NULL || y == NULL)
    return (x == NULL) - (y == NULL);
  if ((order = strcmp (outlay_exchange_rate_get_day (y), outlay_exchange_rate_get_day (x))) != 0)
    return order;
  return (int) outlay_exchange_rate_get_source (x) - (int) outlay_exchange_rate_get_source (y);
}

static void on_show_older_activated_cb (OutlayCurrenciesPage *self,
                                       AdwActionRow         *row);

static void
clear_pairs (OutlayCurrenciesPage *self)
{
  for (guint i = 0; i < self->pair_groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self),
                                 ADW_PREFERENCES_GROUP (g_ptr_array_index (self->pair_groups, i)));
  g_ptr_array_set_size (self->pair_groups, 0);
}

static void
add_rate_row (OutlayCurrenciesPage *self,
              Pair                 *pair,
              OutlayExchangeRate   *rate)
{
  gtk_list_box_append (GTK_LIST_BOX (pair->list), rate_row_new (self, rate));
  if (outlay_exchange_rate_get_source (rate) == OUTLAY_RATE_SOURCE_IMPORTED)
    {
      g_strlcpy (pair->oldest, outlay_exchange_rate_get_day (rate), sizeof pair->oldest);
      pair->n_imported++;
    }
}

/* Adds the imported rates of @pair older than those shown, the next
 * @limit of them or (@limit 0) those from @since on, and "Show Older
 * Rates" after them when there are more still. */
static void
show_older (OutlayCurrenciesPage *self,
            Pair                 *pair,
            const char           *since,
            guint                 limit)
{
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (GError) error = NULL;
  gboolean more;

  if (pair->more_row != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (pair->list), pair->more_row);
  pair->more_row = NULL;

  /* Without a page or a day to go back to, only whether there are more. */
  if (limit == 0 && since == NULL)
    rates = g_ptr_array_new ();
  else
    rates = outlay_repository_list_older_rates (self->repository, pair->currency, pair->quote,
                                                OUTLAY_RATE_SOURCE_IMPORTED, pair->oldest, since,
                                                limit > 0 ? limit + 1 : 0, &error);
  if (rates == NULL)
    {
      g_warning ("Could not list the exchange rates: %s", error->message);
      return;
    }
  more = limit > 0 && rates->len > limit;
  for (guint i = 0; i < rates->len && (limit == 0 || i < limit); i++)
    add_rate_row (self, pair, g_ptr_array_index (rates, i));

  if (limit == 0)
    {
      /* Whether there is any older than what was asked for. */
      g_clear_pointer (&rates, g_ptr_array_unref);
      rates = outlay_repository_list_older_rates (self->repository, pair->currency, pair->quote,
                                                  OUTLAY_RATE_SOURCE_IMPORTED, pair->oldest, NULL, 1, &error);
      more = rates != NULL && rates->len > 0;
    }
  if (more)
    {
      g_autofree char *name = NULL;

      pair->more_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pair->more_row), _("Show Older Rates"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (pair->more_row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (pair->more_row), gtk_image_new_from_icon_name ("go-down-symbolic"));
      /* Translators: a row's name for screen readers: "Show older USD to EUR rates" */
      name = g_strdup_printf (_("Show older %s to %s rates"), pair->currency, pair->quote);
      gtk_accessible_update_property (GTK_ACCESSIBLE (pair->more_row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (pair->more_row), "pair", pair);
      g_signal_connect_object (pair->more_row, "activated", G_CALLBACK (on_show_older_activated_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (GTK_LIST_BOX (pair->list), pair->more_row);
    }
}

static void
on_show_older_activated_cb (OutlayCurrenciesPage *self,
                            AdwActionRow         *row)
{
  Pair            *pair = g_object_get_data (G_OBJECT (row), "pair");
  g_autofree char *key = g_strdup_printf ("%s %s", pair->currency, pair->quote);

  show_older (self, pair, NULL, OLDER_PAGE);
  /* Kept through a refresh (a rate added, deleted, imported). */
  g_hash_table_replace (self->older_shown, g_steal_pointer (&key), g_strdup (pair->oldest));
}

/* A pair's rates are all listed: the older ones the person asked for, and
 * whether there are more. */
static void
finish_pair (OutlayCurrenciesPage *self,
             Pair                 *pair)
{
  g_autofree char *key = NULL;

  if (pair == NULL || pair->n_imported < IMPORTED_SHOWN)
    return;
  key = g_strdup_printf ("%s %s", pair->currency, pair->quote);
  show_older (self, pair, g_hash_table_lookup (self->older_shown, key), 0);
}

static void
refresh (OutlayCurrenciesPage *self)
{
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (GError) error = NULL;
  Pair *pair = NULL;

  clear_pairs (self);
  rates = outlay_repository_list_latest_rates (self->repository, IMPORTED_SHOWN, &error);
  if (rates == NULL)
    {
      g_warning ("Could not list the exchange rates: %s", error->message);
      return;
    }

  for (guint i = 0; i < rates->len; i++)
    {
      OutlayExchangeRate *rate = g_ptr_array_index (rates, i);

      if (pair == NULL || g_strcmp0 (pair->currency, outlay_exchange_rate_get_currency (rate)) != 0 ||
          g_strcmp0 (pair->quote, outlay_exchange_rate_get_quote (rate)) != 0)
        {
          g_autofree char *title = NULL;

          finish_pair (self, pair);
          pair = g_new0 (Pair, 1);
          g_strlcpy (pair->currency, outlay_exchange_rate_get_currency (rate), sizeof pair->currency);
          g_strlcpy (pair->quote, outlay_exchange_rate_get_quote (rate), sizeof pair->quote);
          /* Translators: the heading of a pair's rates: "USD to EUR" */
          title = g_strdup_printf (C_("currency pair", "%s to %s"), pair->currency, pair->quote);
          pair->group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (pair->group), title);
          /* A list of its own, sorted: older rates come in pages, among
           * the person's. */
          pair->list = gtk_list_box_new ();
          gtk_widget_add_css_class (pair->list, "boxed-list");
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (pair->list), GTK_SELECTION_NONE);
          gtk_list_box_set_sort_func (GTK_LIST_BOX (pair->list), compare_rows, NULL, NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (pair->list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (pair->group), pair->list);
          g_object_set_data_full (G_OBJECT (pair->group), "pair", pair, g_free);
          g_ptr_array_add (self->pair_groups, pair->group);
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (pair->group));
        }
      add_rate_row (self, pair, rate);
    }
  finish_pair (self, pair);

  gtk_widget_set_visible (self->empty_group, rates->len == 0 && !self->importing);
  gtk_widget_set_visible (self->rates_group, rates->len > 0 || self->importing);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  OutlayCurrenciesPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_rates_changed_cb (OutlayCurrenciesPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
update_home (OutlayCurrenciesPage *self)
{
  g_autofree char *subtitle = NULL;

  /* Translators: under "Home Currency"; %s is a code such as EUR */
  subtitle = g_strdup_printf (_("Totals convert other currencies to %s. It is chosen on the General page."),
                              self->home);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->home_row), subtitle);
}

/* Importing */

static void
set_importing (OutlayCurrenciesPage *self,
               gboolean              importing)
{
  self->importing = importing;
  gtk_widget_set_visible (self->progress_group, importing);
  gtk_widget_set_sensitive (self->add_row, !importing);
  gtk_widget_set_sensitive (self->import_row, !importing);
  gtk_widget_set_sensitive (self->empty_group, !importing);
  if (importing)
    {
      gtk_widget_set_visible (self->empty_group, FALSE);
      gtk_widget_set_visible (self->rates_group, TRUE);
    }
}

static void
show_summary (OutlayCurrenciesPage *self,
              const char           *summary,
              gboolean              failed,
              GPtrArray            *problems)
{
  g_free (self->summary);
  self->summary = g_strdup (summary);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  if (failed)
    gtk_widget_add_css_class (self->summary_label, "error");
  else
    gtk_widget_remove_css_class (self->summary_label, "error");

  if (self->problems_row != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->problems_group), self->problems_row);
  self->problems_row = NULL;
  if (problems != NULL && problems->len > 0)
    {
      self->problems_row = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problems_row), _("Lines Left Out"));
      for (guint i = 0; i < problems->len && i < PROBLEMS_SHOWN; i++)
        {
          const OutlayRateFileProblem *problem = g_ptr_array_index (problems, i);
          GtkWidget                   *row = adw_action_row_new ();
          /* Translators: a line of a file that was left out */
          g_autofree char *line = g_strdup_printf (_("Line %u"), problem->line);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->reason);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self->problems_row), row);
        }
      if (problems->len > PROBLEMS_SHOWN)
        {
          GtkWidget       *row = adw_action_row_new ();
          guint            more = problems->len - PROBLEMS_SHOWN;
          g_autofree char *title = g_strdup_printf (ngettext ("And %u more line", "And %u more lines", more), more);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self->problems_row), row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->problems_group), self->problems_row);
    }
  gtk_widget_set_visible (self->summary_group, TRUE);
  gtk_widget_set_visible (self->problems_group, self->problems_row != NULL);
}

/* "Added 270,123 rates from eurofxref-hist.csv (ECB); 3 lines left out" */
static char *
describe_import (const char              *name,
                 const OutlayRatesImport *report)
{
  GString         *text = g_string_new (NULL);
  guint            added = report->written.added;
  guint            changed = report->written.changed;
  guint            left_out = report->problems != NULL ? report->problems->len : 0;
  g_autofree char *from = NULL;
  g_autofree char *count = g_strdup_printf ("%'u", added);

  if (report->source_name != NULL && g_strcmp0 (report->source_name, name) != 0)
    /* Translators: a file and whose rates it holds: "eurofxref-hist.csv (ECB)" */
    from = g_strdup_printf (_("%s (%s)"), name, report->source_name);
  else
    from = g_strdup (name);

  /* Translators: %s are a number ("270,123") and a file */
  g_string_append_printf (text, ngettext ("Added %s rate from %s", "Added %s rates from %s", added), count, from);
  if (changed > 0)
    {
      g_autofree char *n = g_strdup_printf ("%'u", changed);

      /* Translators: follows "Added 12 rates from …" */
      g_string_append_printf (text, ngettext ("; changed %s", "; changed %s", changed), n);
    }
  if (left_out > 0)
    {
      g_autofree char *n = g_strdup_printf ("%'u", left_out);

      /* Translators: follows "Added 12 rates from …" */
      g_string_append_printf (text, ngettext ("; %s line left out", "; %s lines left out", left_out), n);
    }
  return g_string_free (text, FALSE);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  OutlayCurrenciesPage *self = user_data;
  ImportJob            *job = g_object_get_data (G_OBJECT (self), "import-job");

  if (job != NULL)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), g_atomic_int_get (&job->done) / 2000.);
  return G_SOURCE_CONTINUE;
}

static void
import_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->done, (int) MIN (done, total));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GError) error = NULL;
  gsize       length;
  const char *data = g_bytes_get_data (job->bytes, &length);

  if (!(database = outlay_database_open (job->path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  repository = outlay_repository_new (database);
  if (!outlay_rates_import_file (repository, job->name, data, length, FALSE, import_progress, job, cancellable,
                                 &job->report, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (OutlayCurrenciesPage) self = OUTLAY_CURRENCIES_PAGE (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean         imported = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_object_set_data (G_OBJECT (self), "import-job", NULL);
  /* Closed meanwhile. */
  if (self->repository == NULL)
    return;

  /* The worker wrote on a connection of its own. */
  if (g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
    outlay_database_mark_damaged (outlay_repository_get_database (self->repository));
  outlay_repository_check_external_changes (self->repository);
  set_importing (self, FALSE);

  if (!imported)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: %s is a file's name */
        summary = g_strdup_printf (_("The import of %s was stopped: no rates were changed."), job->name);
      else
        summary = g_strdup (error->message);
      show_summary (self, summary, !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED), NULL);
    }
  else
    {
      summary = describe_import (job->name, &job->report);
      show_summary (self, summary, FALSE, job->report.problems);
    }
  refresh (self);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (OutlayCurrenciesPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  g_autofree char *contents = NULL;
  gsize            length = 0;
  ImportJob       *job;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error) ||
      self->repository == NULL)
    {
      if (self->repository == NULL)
        return;
      g_clear_handle_id (&self->progress_id, g_source_remove);
      g_clear_object (&self->cancellable);
      set_importing (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_summary (self, error->message, TRUE, NULL);
      refresh (self);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->path = g_strdup (outlay_database_get_path (outlay_repository_get_database (self->repository)));
  job->name = g_file_get_basename (G_FILE (source));
  job->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, outlay_currencies_page_import_file);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_object_set_data (G_OBJECT (self), "import-job", job);
  g_object_ref (self);
  g_task_run_in_thread (task, import_thread);
}

static void
on_cancel_clicked_cb (OutlayCurrenciesPage *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
on_chooser_response_cb (GtkNativeDialog      *dialog,
                        int                   response,
                        OutlayCurrenciesPage *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    outlay_currencies_page_import_file (self, file);
}

static void
on_import_clicked_cb (OutlayCurrenciesPage *self)
{
  g_autoptr (GtkFileFilter) rates = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL || self->importing)
    return;

  gtk_file_filter_set_name (rates, _("Rate Files (CSV, XML)"));
  gtk_file_filter_add_suffix (rates, "csv");
  gtk_file_filter_add_suffix (rates, "xml");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  self->chooser = gtk_file_chooser_native_new (_("Import Rates"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), rates);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_add_clicked_cb (OutlayCurrenciesPage *self)
{
  gtk_window_present (GTK_WINDOW (outlay_currencies_page_add_rate (self)));
}

static void
on_home_activated_cb (OutlayCurrenciesPage *self)
{
  g_signal_emit (self, signals[CHANGE_HOME], 0);
}

/* Building */

static GtkWidget *
action_row_new (const char *icon_name,
                const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static GtkWidget *
build_empty_group (OutlayCurrenciesPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Rate"));
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import Rates…"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "outlay-category-cash-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Exchange Rates"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Rates let totals add up expenses in other currencies. Type the rates you "
                                     "know, or import a file of them, such as the European Central Bank’s."));
  gtk_widget_add_css_class (status, "compact");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_add_css_class (import, "pill");
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (import, "clicked", G_CALLBACK (on_import_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), add);
  gtk_box_append (GTK_BOX (box), import);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), status);
  return group;
}

static void
build (OutlayCurrenciesPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (self);
  GtkWidget          *group = adw_preferences_group_new ();
  GtkWidget          *cancel;
  GtkWidget          *box;

  adw_preferences_page_set_name (page, "currencies");
  adw_preferences_page_set_title (page, _("Currencies"));
  adw_preferences_page_set_icon_name (page, "outlay-category-cash-symbolic");

  self->home_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->home_row), _("Home Currency"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->home_row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->home_row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_signal_connect_object (self->home_row, "activated", G_CALLBACK (on_home_activated_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->home_row);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  self->empty_group = build_empty_group (self);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->empty_group));

  self->rates_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->rates_group), _("Exchange Rates"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->rates_group),
                                         _("Yours come before a file’s of the same day."));
  /* Rows rather than buttons beside the title: they keep their words
   * whole at 360 pixels with large text. */
  self->add_row = action_row_new ("list-add-symbolic", _("_Add Rate"));
  self->import_row = action_row_new ("document-open-symbolic", _("_Import Rates…"));
  g_signal_connect_object (self->add_row, "activated", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_row, "activated", G_CALLBACK (on_import_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->rates_group), self->add_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->rates_group), self->import_row);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->rates_group));

  self->progress_group = adw_preferences_group_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->progress_bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), _("Importing rates…"));
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (self->progress_bar), TRUE);
  gtk_widget_set_hexpand (self->progress_bar, TRUE);
  gtk_widget_set_valign (self->progress_bar, GTK_ALIGN_CENTER);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel the Import"), -1);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->progress_bar);
  gtk_box_append (GTK_BOX (box), cancel);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->progress_group), box);
  gtk_widget_set_visible (self->progress_group, FALSE);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->progress_group));

  self->summary_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->summary_group), _("Last Import"));
  self->summary_label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_STATUS, "xalign", 0.f,
                                      "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR, "selectable", FALSE,
                                      "margin-bottom", 6, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->summary_group), self->summary_label);
  gtk_widget_set_visible (self->summary_group, FALSE);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->summary_group));
  self->problems_group = adw_preferences_group_new ();
  gtk_widget_set_visible (self->problems_group, FALSE);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->problems_group));
}

static void
outlay_currencies_page_dispose (GObject *object)
{
  OutlayCurrenciesPage *self = OUTLAY_CURRENCIES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_weak_pointer (&self->undo_toast);
  if (self->repository != NULL)
    g_signal_handlers_disconnect_by_data (self->repository, self);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_currencies_page_parent_class)->dispose (object);
}

static void
outlay_currencies_page_finalize (GObject *object)
{
  OutlayCurrenciesPage *self = OUTLAY_CURRENCIES_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pair_groups, g_ptr_array_unref);
  g_clear_pointer (&self->older_shown, g_hash_table_unref);
  g_free (self->home);
  g_free (self->summary);
  g_free (self->deleted);

  G_OBJECT_CLASS (outlay_currencies_page_parent_class)->finalize (object);
}

static void
outlay_currencies_page_class_init (OutlayCurrenciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_currencies_page_dispose;
  object_class->finalize = outlay_currencies_page_finalize;

  /**
   * OutlayCurrenciesPage::change-home:
   *
   * The person asks to choose the home currency, which is set elsewhere.
   */
  signals[CHANGE_HOME] = g_signal_new ("change-home", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 0);
}

static void
outlay_currencies_page_init (OutlayCurrenciesPage *self)
{
  self->pair_groups = g_ptr_array_new ();
  self->older_shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  build (self);
}

/* Public API */

/**
 * outlay_currencies_page_new:
 * @home: the currency totals convert to
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
outlay_currencies_page_new (OutlayRepository *repository,
                            const char       *home)
{
  OutlayCurrenciesPage *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (home != NULL, NULL);

  self = g_object_new (OUTLAY_TYPE_CURRENCIES_PAGE, NULL);
  self->repository = g_object_ref (repository);
  self->home = g_strdup (home);
  g_signal_connect_swapped (repository, "rates-changed", G_CALLBACK (on_rates_changed_cb), self);
  update_home (self);
  refresh (self);
  return GTK_WIDGET (self);
}

void
outlay_currencies_page_set_home (OutlayCurrenciesPage *self,
                                 const char           *home)
{
  g_return_if_fail (OUTLAY_IS_CURRENCIES_PAGE (self));
  g_return_if_fail (home != NULL);

  g_free (self->home);
  self->home = g_strdup (home);
  update_home (self);
}

/**
 * outlay_currencies_page_add_rate:
 *
 * Returns: (transfer none): the editor of a new rate, not yet shown
 */
GtkWidget *
outlay_currencies_page_add_rate (OutlayCurrenciesPage *self)
{
  GtkRoot *root;

  g_return_val_if_fail (OUTLAY_IS_CURRENCIES_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return outlay_rate_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->repository, self->home, NULL);
}

/**
 * outlay_currencies_page_import_file:
 * @file: a file of rates: the ECB's CSV or XML, or date,currency,rate[,quote]
 *
 * Imports @file as Import Rates… does, in a worker, and sums it up.
 */
void
outlay_currencies_page_import_file (OutlayCurrenciesPage *self,
                                    GFile                *file)
{
  g_return_if_fail (OUTLAY_IS_CURRENCIES_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->importing);

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0);
  gtk_widget_set_visible (self->summary_group, FALSE);
  gtk_widget_set_visible (self->problems_group, FALSE);
  set_importing (self, TRUE);
  self->progress_id = g_timeout_add (100, update_progress_cb, self);
  g_file_load_contents_async (file, self->cancellable, load_done_cb, g_object_ref (self));
}

gboolean
outlay_currencies_page_get_importing (OutlayCurrenciesPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_CURRENCIES_PAGE (self), FALSE);

  return self->importing;
}

/**
 * outlay_currencies_page_get_summary:
 *
 * Returns: (nullable): what the last import did
 */
const char *
outlay_currencies_page_get_summary (OutlayCurrenciesPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_CURRENCIES_PAGE (self), NULL);

  return self->summary;
}

/**
 * outlay_currencies_page_undo:
 *
 * Brings back the rate deleted last.
 */
void
outlay_currencies_page_undo (OutlayCurrenciesPage *self)
{
  g_autoptr (OutlayExchangeRate) restored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;

  g_return_if_fail (OUTLAY_IS_CURRENCIES_PAGE (self));

  uuid = g_steal_pointer (&self->deleted);
  if (uuid == NULL)
    return;
  if (!(restored = outlay_repository_restore_rate (self->repository, uuid, &error)))
    add_toast (self, outlay_toasts_new (error->message));
}
