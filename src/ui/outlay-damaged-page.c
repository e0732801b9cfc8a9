/* outlay-damaged-page.c
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

/* What the window shows instead of the expenses when their file is
 * damaged: what happened, and the two ways out — the newest good backup,
 * or a new file with every expense that still reads. It works on an open
 * database (the restore writes into it, and the window goes on) and on a
 * file that does not open at all (the backup takes its place). */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "outlay-backups.h"
#include "outlay-damaged-page.h"
#include "outlay-format.h"
#include "outlay-salvage.h"

struct _OutlayDamagedPage
{
  AdwBin parent_instance;

  OutlayDatabase *database; /* NULL when the file does not open */
  char           *path;
  guint           keep;

  GtkWidget *status_page;
  GtkWidget *restore_row;
  GtkWidget *salvage_row;
  GtkWidget *spinner;
  GtkWidget *detail_label;

  char         *backup_path; /* the newest good backup */
  char         *backup_when;
  char         *salvage_work; /* the folder of the last salvaged copy */
  GCancellable *cancellable;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (OutlayDamagedPage, outlay_damaged_page, ADW_TYPE_BIN)

enum
{
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (OutlayDamagedPage *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_sensitive (self->restore_row, !busy && self->backup_path != NULL);
  gtk_widget_set_sensitive (self->salvage_row, !busy);
}

static void
show_error (OutlayDamagedPage *self,
            const char        *heading,
            const GError      *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_salvage_work (OutlayDamagedPage *self)
{
  g_autofree char *copy = NULL;
  g_autofree char *journal = NULL;

  if (self->salvage_work == NULL)
    return;

  copy = g_build_filename (self->salvage_work, "recovered.db", NULL);
  journal = g_strconcat (copy, "-journal", NULL);
  g_unlink (copy);
  g_unlink (journal);
  g_rmdir (self->salvage_work);
  g_clear_pointer (&self->salvage_work, g_free);
}

/* Restoring */

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OutlayDamagedPage *self = source_object;
  g_autoptr (OutlayBackups) backups = outlay_backups_new_for_path (self->path);
  g_autoptr (GError) error = NULL;

  if (outlay_backups_replace_damaged (backups, task_data, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
restored (OutlayDamagedPage *self,
          GError            *error,
          const char        *what)
{
  set_busy (self, FALSE);
  if (error != NULL)
    {
      show_error (self, _("Could Not Restore the Backup"), error);
      return;
    }

  remove_salvage_work (self);
  g_signal_emit (self, signals[RESTORED], 0, what);
}

static void
replace_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *what = user_data;

  g_task_propagate_boolean (G_TASK (result), &error);
  restored (OUTLAY_DAMAGED_PAGE (source), error, what);
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (OutlayDamagedPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *what = g_object_steal_data (G_OBJECT (source), "restoring");

  outlay_backups_restore_finish (OUTLAY_BACKUPS (source), result, NULL, &error);
  restored (self, error, what);
}

static void
start_restore (OutlayDamagedPage *self,
               const char        *backup,
               const char        *what)
{
  set_busy (self, TRUE);

  if (self->database != NULL)
    {
      g_autoptr (OutlayBackups) backups = outlay_backups_new (self->database);

      g_object_set_data_full (G_OBJECT (backups), "restoring", g_strdup (what), g_free);
      outlay_backups_restore_async (backups, backup, self->keep, NULL, restore_done_cb, g_object_ref (self));
    }
  else
    {
      g_autoptr (GTask) task = g_task_new (self, NULL, replace_done_cb, g_strdup (what));

      g_task_set_task_data (task, g_strdup (backup), g_free);
      g_task_run_in_thread (task, restore_thread);
    }
}

static void
on_restore_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        OutlayDamagedPage *self)
{
  if (g_str_equal (response, "restore") && !self->busy && self->backup_path != NULL)
    start_restore (self, self->backup_path, self->backup_when);
}

/**
 * outlay_damaged_page_restore:
 * @backup: (nullable): the backup to bring back, or %NULL for the newest
 *   good one
 *
 * Asks first, then restores; "restored" follows when it is done.
 */
void
outlay_damaged_page_restore (OutlayDamagedPage *self,
                             const char        *backup)
{
  g_autofree char *heading = NULL;
  GtkWidget       *dialog;

  g_return_if_fail (OUTLAY_IS_DAMAGED_PAGE (self));

  if (backup != NULL)
    {
      g_free (self->backup_path);
      self->backup_path = g_strdup (backup);
      g_clear_pointer (&self->backup_when, g_free);
      self->backup_when = g_path_get_basename (backup);
    }

  if (self->busy || self->backup_path == NULL)
    return;

  /* Translators: the question before a restore, with the backup's date and time */
  heading = g_strdup_printf (_("Restore the backup from %s?"), self->backup_when);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("Expenses written after it are not in it: save what can be read "
                                     "first to keep them. The damaged file is kept in the backups folder."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving what can be read */

typedef struct
{
  char               *work;
  GFile              *destination;
  OutlaySalvageReport report;
} Salvage;

static void
salvage_free (Salvage *salvage)
{
  g_free (salvage->work);
  g_clear_object (&salvage->destination);
  g_free (salvage);
}

/* Into a folder beside the ledger first, then copied where the person
 * chose: a file the document portal hands out has no folder to write a
 * temporary file in. */
static void
salvage_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OutlayDamagedPage *self = source_object;
  Salvage           *salvage = task_data;
  g_autofree char   *dir = g_path_get_dirname (self->path);
  g_autofree char   *copy = NULL;
  g_autoptr (GFile) source = NULL;
  g_autoptr (GError) error = NULL;

  salvage->work = g_build_filename (dir, ".outlay-salvage-XXXXXX", NULL);
  if (g_mkdtemp_full (salvage->work, 0700) == NULL)
    {
      int errsv = errno;

      g_clear_pointer (&salvage->work, g_free);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errsv),
                               _("Could not create a folder beside the database: %s"), g_strerror (errsv));
      return;
    }

  copy = g_build_filename (salvage->work, "recovered.db", NULL);
  source = g_file_new_for_path (copy);
  if (!outlay_salvage (self->path, copy, &salvage->report, cancellable, &error) ||
      !g_file_copy (source, salvage->destination, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                    cancellable, NULL, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_salvaged_response_cb (AdwMessageDialog  *dialog,
                         const char        *response,
                         OutlayDamagedPage *self)
{
  g_autofree char *copy = NULL;

  if (!g_str_equal (response, "use") || self->salvage_work == NULL || self->busy)
    {
      remove_salvage_work (self);
      return;
    }

  copy = g_build_filename (self->salvage_work, "recovered.db", NULL);
  start_restore (self, copy, NULL);
}

static void
salvage_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  OutlayDamagedPage *self = OUTLAY_DAMAGED_PAGE (source);
  Salvage           *salvage = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  remove_salvage_work (self);
  self->salvage_work = g_steal_pointer (&salvage->work);
  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      remove_salvage_work (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Save What Can Be Read"), error);
      return;
    }

  name = g_file_get_parse_name (salvage->destination);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %'u Expense", "Saved %'u Expenses",
                                          salvage->report.expenses_saved),
                             salvage->report.expenses_saved);
  /* Translators: where the expenses that still read were saved */
  g_string_append_printf (body, _("The expenses are in “%s”."), name);
  if (salvage->report.expenses_unreadable > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE, "%'u expense could not be read.",
                                           "%'u expenses could not be read.", salvage->report.expenses_unreadable),
                              salvage->report.expenses_unreadable);
    }
  if (salvage->report.budgets_unreadable > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE, "%'u budget could not be read.",
                                           "%'u budgets could not be read.", salvage->report.budgets_unreadable),
                              salvage->report.budgets_unreadable);
    }
  if (salvage->report.categories_replaced)
    {
      g_string_append_c (body, ' ');
      /* Translators: %s is the name of the category “Recovered” */
      g_string_append_printf (body, _("Expenses whose category could not be read are in “%s”."), _("Recovered"));
    }
  g_string_append_c (body, ' ');
  g_string_append (body, _("Use the saved copy to go on with these expenses; "
                           "the damaged file is kept in the backups folder."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "use", _("_Use the Saved Copy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "use");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_salvaged_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * outlay_damaged_page_salvage_to:
 * @destination: the new file
 *
 * Saves every expense that still reads into @destination, in a thread;
 * then says how many, and offers to go on with them.
 */
void
outlay_damaged_page_salvage_to (OutlayDamagedPage *self,
                                GFile             *destination)
{
  g_autoptr (GTask) task = NULL;
  Salvage *salvage;

  g_return_if_fail (OUTLAY_IS_DAMAGED_PAGE (self));
  g_return_if_fail (G_IS_FILE (destination));

  if (self->busy)
    return;

  salvage = g_new0 (Salvage, 1);
  salvage->destination = g_object_ref (destination);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, salvage_done_cb, NULL);
  g_task_set_task_data (task, salvage, (GDestroyNotify) salvage_free);
  g_task_run_in_thread (task, salvage_thread);
}

static void
on_salvage_chosen_cb (GtkNativeDialog   *chooser,
                      int                response,
                      OutlayDamagedPage *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    outlay_damaged_page_salvage_to (self, file);
}

static void
on_salvage_activated_cb (OutlayDamagedPage *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char      *base = g_path_get_basename (self->path);
  g_autofree char      *name = NULL;
  char                 *dot = strrchr (base, '.');

  if (self->busy)
    return;

  if (dot != NULL && dot != base)
    *dot = '\0';
  /* Translators: the suggested name of the file that what can be read
   * is saved to; %s is the database's name without its extension */
  name = g_strdup_printf (_("%s-recovered.db"), base);

  chooser = gtk_file_chooser_native_new (_("Save What Can Be Read"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_salvage_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_restore_activated_cb (OutlayDamagedPage *self)
{
  outlay_damaged_page_restore (self, NULL);
}

/**
 * outlay_damaged_page_refresh:
 *
 * Looks for the newest good backup again.
 */
void
outlay_damaged_page_refresh (OutlayDamagedPage *self)
{
  g_autoptr (OutlayBackups) backups = NULL;
  g_autoptr (OutlayBackupInfo) good = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (OUTLAY_IS_DAMAGED_PAGE (self));

  backups = self->database != NULL ? outlay_backups_new (self->database) : outlay_backups_new_for_path (self->path);
  good = outlay_backups_find_newest_good (backups, &error);

  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->backup_when, g_free);

  if (good != NULL)
    {
      g_autofree char *details = outlay_format_backup_details (good);
      g_autofree char *subtitle = NULL;

      self->backup_path = g_strdup (good->path);
      self->backup_when = outlay_format_backup_time (good->created);
      /* Translators: the newest good backup: its date and what it holds,
       * “24 November 2026, 09:30 · 1,234 expenses · Daily · 96.3 kB” */
      subtitle = g_strdup_printf (_("%s · %s"), self->backup_when, details);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->restore_row), subtitle);
    }
  else if (error != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->restore_row), error->message);
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->restore_row), _("There is no backup to restore"));

  set_busy (self, self->busy);
}

void
outlay_damaged_page_set_detail (OutlayDamagedPage *self,
                                const char        *detail)
{
  g_autofree char *text = NULL;

  g_return_if_fail (OUTLAY_IS_DAMAGED_PAGE (self));

  /* Translators: what SQLite said about the damage, for whoever helps */
  text = detail != NULL ? g_strdup_printf (_("Details: %s"), detail) : NULL;
  gtk_label_set_text (GTK_LABEL (self->detail_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->detail_label, text != NULL);
}

static GtkWidget *
create_row (const char *title,
            const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
outlay_damaged_page_dispose (GObject *object)
{
  OutlayDamagedPage *self = OUTLAY_DAMAGED_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  remove_salvage_work (self);

  G_OBJECT_CLASS (outlay_damaged_page_parent_class)->dispose (object);
}

static void
outlay_damaged_page_finalize (GObject *object)
{
  OutlayDamagedPage *self = OUTLAY_DAMAGED_PAGE (object);

  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->backup_path);
  g_free (self->backup_when);

  G_OBJECT_CLASS (outlay_damaged_page_parent_class)->finalize (object);
}

static void
outlay_damaged_page_class_init (OutlayDamagedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_damaged_page_dispose;
  object_class->finalize = outlay_damaged_page_finalize;

  /**
   * OutlayDamagedPage::restored:
   * @what: (nullable): when the backup that was brought back was made, or
   *   %NULL for the copy saved from the damaged file
   *
   * The ledger holds the backup's content now: an open database was
   * written into, a file that did not open was replaced.
   */
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
outlay_damaged_page_init (OutlayDamagedPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();

  self->status_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status_page), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status_page), _("Your Expenses File Is Damaged"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->status_page),
                                   _("Part of it can no longer be read, often after a disk or power failure. "
                                     "Outlay stopped writing to it, so nothing more is lost. Bring back a "
                                     "backup, or save what can still be read into a new file."));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ways to get your expenses back"), -1);

  self->restore_row = create_row (_("_Restore the Newest Good Backup"), "document-revert-symbolic");
  g_signal_connect_object (self->restore_row, "activated", G_CALLBACK (on_restore_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (GTK_LIST_BOX (list), self->restore_row);

  self->salvage_row = create_row (_("_Save What Can Be Read…"), "document-save-as-symbolic");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->salvage_row),
                               _("Every expense that still reads goes into a new file"));
  g_signal_connect_object (self->salvage_row, "activated", G_CALLBACK (on_salvage_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (GTK_LIST_BOX (list), self->salvage_row);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working…"), -1);

  self->detail_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->detail_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->detail_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (self->detail_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->detail_label), 0);
  gtk_widget_add_css_class (self->detail_label, "dim-label");
  gtk_widget_add_css_class (self->detail_label, "caption");
  gtk_widget_set_visible (self->detail_label, FALSE);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), self->spinner);
  gtk_box_append (GTK_BOX (box), self->detail_label);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  adw_status_page_set_child (ADW_STATUS_PAGE (self->status_page), clamp);

  adw_bin_set_child (ADW_BIN (self), self->status_page);
}

/**
 * outlay_damaged_page_new:
 * @database: (nullable): the damaged database when it opened, else %NULL
 * @path: the database's file
 * @detail: (nullable): what SQLite said, shown small for whoever helps
 * @keep: how many backups to keep after a restore
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
outlay_damaged_page_new (OutlayDatabase *database,
                         const char     *path,
                         const char     *detail,
                         guint           keep)
{
  OutlayDamagedPage *self;

  g_return_val_if_fail (database == NULL || OUTLAY_IS_DATABASE (database), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (OUTLAY_TYPE_DAMAGED_PAGE, NULL);
  self->database = database != NULL ? g_object_ref (database) : NULL;
  self->path = g_strdup (path);
  self->keep = MAX (keep, 1);
  outlay_damaged_page_set_detail (self, detail);
  outlay_damaged_page_refresh (self);

  return GTK_WIDGET (self);
}
