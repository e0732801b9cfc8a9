/* outlay-preferences-window.c
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

/* Preferences: the currency of new expenses and of the totals (it starts
 * as the locale's; choosing one keeps it whatever the locale), and the
 * backups: how many to keep, one now, a copy elsewhere, and the list to
 * restore from. A restore that finds another program changing the ledger
 * waits for it to finish, saying so, and can be given up. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-backups.h"
#include "outlay-currencies-page.h"
#include "outlay-format.h"
#include "outlay-form-rows.h"
#include "outlay-money.h"
#include "outlay-preferences-window.h"
#include "outlay-reminders-group.h"
#include "outlay-sync-page.h"
#include "outlay-toasts.h"
#include "outlay-waiting-bar.h"

struct _OutlayPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings        *settings;
  OutlayRepository *repository;
  OutlayBackups    *backups;
  AdwComboRow      *currency_row;
  GPtrArray        *codes; /* code per row; "" for automatic */
  gboolean          updating;

  AdwPreferencesPage   *backups_page;
  GtkWidget            *currencies_page;
  GtkWidget            *sync_page;
  GtkWidget            *reminders_group;
  AdwPreferencesGroup  *waiting_group;
  OutlayWaitingBar     *waiting_bar;
  AdwPreferencesGroup  *backups_group;
  AdwPreferencesGroup  *list_group;
  GtkListBox           *backups_list;
  GtkLabel             *placeholder;
  GtkWidget            *backup_now_row;
  GtkWidget            *save_copy_row;
  GtkFileChooserNative *chooser;
  char                 *restoring;      /* the time of the backup being restored */
  char                 *restoring_path; /* and its file, to try again */
  gboolean              restore_running;
  OutlayApplication    *application;
  guint                 busy;
  gboolean              disposed;
};

G_DEFINE_FINAL_TYPE (OutlayPreferencesWindow, outlay_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_change_home_cb (OutlayPreferencesWindow *self)
{
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), "general");
  gtk_widget_grab_focus (GTK_WIDGET (self->currency_row));
}

static void
sync_from_settings (OutlayPreferencesWindow *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "currency");
  guint            selected = 0;

  for (guint i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes, i), code) == 0)
      selected = i;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->currency_row, selected);
  self->updating = FALSE;

  if (self->currencies_page != NULL)
    {
      g_autofree char *home = outlay_application_dup_currency (self->application);

      outlay_currencies_page_set_home (OUTLAY_CURRENCIES_PAGE (self->currencies_page), home);
    }
}

static void
on_selected_cb (OutlayPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);

  if (self->updating || selected >= self->codes->len)
    return;

  g_settings_set_string (self->settings, "currency", g_ptr_array_index (self->codes, selected));
}

/* Backups */

static guint
backup_count (OutlayPreferencesWindow *self)
{
  return MAX (g_settings_get_uint (self->settings, "backup-count"), 1);
}

/* While a backup or a restore runs, nothing else may start one; a restore
 * that waits can still be given up. */
static void
set_busy (OutlayPreferencesWindow *self,
          gboolean                 busy)
{
  self->busy += busy ? 1 : -1;
  gtk_widget_set_sensitive (GTK_WIDGET (self->backups_group), self->busy == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_group), self->busy == 0);
}

static void
show_error (OutlayPreferencesWindow *self,
            const char              *heading,
            const GError            *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (OutlayPreferencesWindow *self,
            const char              *title)
{
  AdwToast *toast = outlay_toasts_new (title);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void on_restore_clicked_cb (GtkButton               *button,
                                   OutlayPreferencesWindow *self);

static GtkWidget *
create_backup_row (OutlayPreferencesWindow *self,
                   OutlayBackupInfo        *info)
{
  g_autofree char *when = outlay_format_backup_time (info->created);
  g_autofree char *subtitle = outlay_format_backup_details (info);
  g_autofree char *spoken = NULL;
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: the spoken label of a backup's Restore button */
  spoken = g_strdup_printf (_("Restore the backup from %s"), when);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Replace all expenses and categories with this backup"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  /* A damaged copy is listed so that nothing is hidden, not to go back to. */
  gtk_widget_set_sensitive (button, info->state != OUTLAY_BACKUP_STATE_DAMAGED);
  g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (info->path), g_free);
  g_object_set_data_full (G_OBJECT (button), "backup-time", g_strdup (when), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
refresh_backups (OutlayPreferencesWindow *self)
{
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->backups_list))) != NULL &&
         child != GTK_WIDGET (self->placeholder))
    gtk_list_box_remove (self->backups_list, child);

  backups = outlay_backups_list (self->backups, &error);
  if (backups == NULL)
    {
      gtk_label_set_label (self->placeholder, error->message);
      return;
    }

  gtk_label_set_label (self->placeholder, _("No backups yet. Outlay makes one the first time it starts each day."));
  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->backups_list, create_backup_row (self, g_ptr_array_index (backups, i)));
}

static void
forget_undo (OutlayPreferencesWindow *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l != NULL; l = l->next)
    gtk_widget_activate_action (l->data, "win.forget-undo", NULL);
}

static gboolean
is_busy (const GError *error)
{
  return g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY);
}

static void
start_waiting (OutlayPreferencesWindow *self)
{
  outlay_waiting_bar_start (self->waiting_bar, outlay_repository_get_database (self->repository),
                            _("Another program is changing the ledger. The backup will be restored as soon as it "
                              "has finished."));
}

static void
stop_waiting (OutlayPreferencesWindow *self)
{
  outlay_waiting_bar_stop (self->waiting_bar);
}

/* The restore is over without a change, for @error. */
static void
fail_restore (OutlayPreferencesWindow *self,
              const GError            *error)
{
  stop_waiting (self);
  g_clear_pointer (&self->restoring_path, g_free);
  set_busy (self, FALSE);
  show_error (self, _("Could Not Restore the Backup"), error);
}

static void restore_done_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
run_restore (OutlayPreferencesWindow *self)
{
  self->restore_running = TRUE;
  outlay_backups_restore_async (self->backups, self->restoring_path, backup_count (self), NULL,
                                restore_done_cb, g_object_ref (self));
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (OutlayPreferencesWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  self->restore_running = FALSE;
  if (!outlay_backups_restore_finish (OUTLAY_BACKUPS (source), result, NULL, &error))
    {
      if (self->disposed)
        return;

      /* Nothing changed; it goes on once the other program has finished,
       * unless the person stopped waiting meanwhile. */
      if (is_busy (error))
        {
          if (self->restoring_path != NULL)
            start_waiting (self);
          else
            set_busy (self, FALSE);
          return;
        }

      fail_restore (self, error);
      return;
    }

  g_clear_pointer (&self->restoring_path, g_free);
  if (!self->disposed)
    stop_waiting (self);

  /* Every list of the window shows the restored content, and no window
   * can undo a step on rows the restore replaced. */
  outlay_repository_reload (self->repository);
  forget_undo (self);

  if (self->disposed)
    return;

  set_busy (self, FALSE);
  refresh_backups (self);
  /* Translators: a toast after a restore, with the backup's date and time */
  message = g_strdup_printf (_("Restored the backup from %s"), self->restoring);
  show_toast (self, message);
}

static void
on_restore_response_cb (AdwMessageDialog        *dialog,
                        const char              *response,
                        OutlayPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");
  const char *when = g_object_get_data (G_OBJECT (dialog), "backup-time");

  if (!g_str_equal (response, "restore") || self->busy > 0)
    return;

  set_busy (self, TRUE);
  g_free (self->restoring);
  self->restoring = g_strdup (when);
  g_free (self->restoring_path);
  self->restoring_path = g_strdup (path);
  run_restore (self);
}

/* A restore copies the whole backup before it writes: it starts again only
 * once a cheap try of a write on the window's connection goes through. */
static void
on_waiting_retry_cb (OutlayPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->restore_running || self->restoring_path == NULL)
    return;

  if (!outlay_database_probe_write (outlay_repository_get_database (self->repository), &error))
    {
      if (!is_busy (error))
        fail_restore (self, error);
      return;
    }

  run_restore (self);
}

/* The backup is not restored; the list is there to try again. */
static void
give_up_restore (OutlayPreferencesWindow *self)
{
  stop_waiting (self);
  g_clear_pointer (&self->restoring_path, g_free);
  /* A try that runs now ends as it may; its end sees nothing to wait for. */
  if (!self->restore_running)
    set_busy (self, FALSE);
}

static void
stop_waiting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OutlayPreferencesWindow *self = OUTLAY_PREFERENCES_WINDOW (widget);

  if (outlay_waiting_bar_get_waiting (self->waiting_bar))
    give_up_restore (self);
}

static void
on_waiting_gave_up_cb (OutlayPreferencesWindow *self,
                       const GError            *error)
{
  give_up_restore (self);
  show_error (self, _("Could Not Restore the Backup"), error);
}

static void
on_restore_clicked_cb (GtkButton               *button,
                       OutlayPreferencesWindow *self)
{
  const char      *when = g_object_get_data (G_OBJECT (button), "backup-time");
  g_autofree char *heading = NULL;
  GtkWidget       *dialog;

  /* Translators: the question before a restore, with the backup's date and time */
  heading = g_strdup_printf (_("Restore the backup from %s?"), when);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("All expenses and categories are replaced by the ones in this backup. "
                                     "The current state is backed up first, so you can go back to it by "
                                     "restoring that backup."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path",
                          g_strdup (g_object_get_data (G_OBJECT (button), "backup-path")), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "backup-time", g_strdup (when), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (OutlayPreferencesWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = outlay_backups_create_finish (OUTLAY_BACKUPS (source), result, &error);

  if (self->disposed)
    return;

  set_busy (self, FALSE);
  if (path == NULL)
    {
      show_error (self, _("Could Not Back Up"), error);
      return;
    }

  refresh_backups (self);
  show_toast (self, _("Backup saved"));
}

static void
on_backup_now_cb (OutlayPreferencesWindow *self)
{
  if (self->busy > 0)
    return;

  set_busy (self, TRUE);
  outlay_backups_create_async (self->backups, OUTLAY_BACKUP_REASON_MANUAL, backup_count (self), NULL,
                               backup_done_cb, g_object_ref (self));
}

static void
save_copy_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (OutlayPreferencesWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean saved = outlay_backups_save_copy_finish (OUTLAY_BACKUPS (source), result, &error);

  if (self->disposed)
    return;

  set_busy (self, FALSE);
  if (!saved)
    show_error (self, _("Could Not Save the Copy"), error);
  else
    show_toast (self, _("Copy saved"));
}

static void
on_chooser_response_cb (GtkNativeDialog         *chooser,
                        int                      response,
                        OutlayPreferencesWindow *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL || self->busy > 0)
    return;

  set_busy (self, TRUE);
  outlay_backups_save_copy_async (self->backups, file, NULL, save_copy_done_cb, g_object_ref (self));
}

static void
on_save_copy_cb (OutlayPreferencesWindow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;

  if (self->busy > 0 || self->chooser != NULL)
    return;

  /* Translators: the suggested file name of a copy of the expenses, with the
   * date in the notation of g_date_time_format() */
  /* xgettext:no-c-format */
  name = g_date_time_format (now, _("expenses-%Y-%m-%d.db"));
  self->chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static AdwPreferencesPage *
create_backups_page (OutlayPreferencesWindow *self)
{
  AdwPreferencesPage  *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget           *count_row = adw_action_row_new ();
  GtkWidget           *spin = gtk_spin_button_new_with_range (1, 100, 1);

  adw_preferences_page_set_title (page, _("Backups"));
  adw_preferences_page_set_icon_name (page, "document-save-symbolic");

  /* Shows only while a restore waits for another program. */
  self->waiting_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->waiting_bar = OUTLAY_WAITING_BAR (outlay_waiting_bar_new ());
  g_object_set (self->waiting_bar, "action-name", "preferences.stop-waiting", NULL);
  g_signal_connect_object (self->waiting_bar, "retry", G_CALLBACK (on_waiting_retry_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->waiting_bar, "gave-up", G_CALLBACK (on_waiting_gave_up_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->waiting_bar, "waiting", self->waiting_group, "visible", G_BINDING_SYNC_CREATE);
  adw_preferences_group_add (self->waiting_group, GTK_WIDGET (self->waiting_bar));
  adw_preferences_page_add (page, self->waiting_group);
  self->backups_group = group;

  adw_preferences_group_set_title (group, _("Backups"));
  adw_preferences_group_set_description (group, _("Outlay backs up your expenses the first time it starts "
                                                  "each day, and before every upgrade, import and restore."));

  self->backup_now_row = outlay_form_button_row_new (_("Back Up _Now"), _("Save the current state to the list below"),
                                                     "document-save-symbolic");
  g_signal_connect_object (self->backup_now_row, "activated", G_CALLBACK (on_backup_now_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, self->backup_now_row);

  self->save_copy_row = outlay_form_button_row_new (_("_Save a Copy…"), _("To another place, such as a USB stick"),
                                                    "drive-removable-media-symbolic");
  g_signal_connect_object (self->save_copy_row, "activated", G_CALLBACK (on_save_copy_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, self->save_copy_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (count_row), _("Backups to _Keep"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (count_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (count_row), _("The oldest beyond this number are deleted"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backups to keep"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (count_row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (count_row), spin);
  g_settings_bind (self->settings, "backup-count",
                   gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, count_row);
  adw_preferences_page_add (page, group);

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Saved Backups"));
  {
    g_autofree char *folder = outlay_backups_get_folder (self->backups);
    g_autofree char *display = g_filename_display_name (folder);
    /* Translators: where the backups are, a folder */
    g_autofree char *description = g_strdup_printf (_("In %s"), display);

    adw_preferences_group_set_description (self->list_group, description);
  }

  self->backups_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->backups_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->backups_list), "boxed-list");
  self->placeholder = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_label_set_justify (self->placeholder, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->placeholder), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->placeholder), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->placeholder), 12);
  gtk_list_box_set_placeholder (self->backups_list, GTK_WIDGET (self->placeholder));
  adw_preferences_group_add (self->list_group, GTK_WIDGET (self->backups_list));
  adw_preferences_page_add (page, self->list_group);

  return page;
}

static void
outlay_preferences_window_dispose (GObject *object)
{
  OutlayPreferencesWindow *self = OUTLAY_PREFERENCES_WINDOW (object);

  self->disposed = TRUE;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->codes, g_ptr_array_unref);

  G_OBJECT_CLASS (outlay_preferences_window_parent_class)->dispose (object);
}

static void
outlay_preferences_window_finalize (GObject *object)
{
  OutlayPreferencesWindow *self = OUTLAY_PREFERENCES_WINDOW (object);

  g_free (self->restoring);
  g_free (self->restoring_path);
  /* Kept until here: a restore that ends after the window closed still
   * reloads the lists and clears the undo history. */
  g_clear_object (&self->repository);
  g_clear_object (&self->backups);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (outlay_preferences_window_parent_class)->finalize (object);
}

static void
outlay_preferences_window_class_init (OutlayPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_preferences_window_dispose;
  object_class->finalize = outlay_preferences_window_finalize;

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "preferences.stop-waiting", NULL, stop_waiting_action);
}

static void
outlay_preferences_window_init (OutlayPreferencesWindow *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_free);
}

static void
add_general_page (OutlayPreferencesWindow *self)
{
  AdwPreferencesPage  *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GtkExpression) expression = NULL;
  g_autofree char      *automatic = NULL;
  g_autofree char      *ledger_currency = outlay_application_dup_ledger_currency (self->application);
  const OutlayCurrency *currencies;
  guint                 n_currencies;

  adw_preferences_page_set_name (page, "general");
  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");
  adw_preferences_group_set_title (group, _("Money"));
  adw_preferences_group_set_description (group, _("Totals add up the expenses in this currency."));

  /* Translators: the currency choice that follows the ledger's own (which
   * a new ledger takes from the language settings), with its code */
  automatic = g_strdup_printf (_("Automatic (%s)"), ledger_currency);
  gtk_string_list_append (names, automatic);
  g_ptr_array_add (self->codes, g_strdup (""));

  currencies = outlay_currency_get_all (&n_currencies);
  for (guint i = 0; i < n_currencies; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s — %s", currencies[i].code, currencies[i].symbol);

      gtk_string_list_append (names, name);
      g_ptr_array_add (self->codes, g_strdup (currencies[i].code));
    }

  self->currency_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row), _("_Currency"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->currency_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->currency_row), _("For new expenses and the totals"));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->currency_row, expression);
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));

  adw_preferences_group_add (group, GTK_WIDGET (self->currency_row));
  adw_preferences_page_add (page, group);
  self->reminders_group = outlay_reminders_group_new (self->application);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->reminders_group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/**
 * outlay_preferences_window_new:
 * @application: the application, whose settings and expenses are shown
 *
 * Returns: (transfer none): the Preferences window
 */
GtkWidget *
outlay_preferences_window_new (OutlayApplication *application)
{
  OutlayPreferencesWindow *self;
  OutlayRepository        *repository;
  g_autofree char         *home = NULL;

  g_return_val_if_fail (OUTLAY_IS_APPLICATION (application), NULL);

  self = g_object_new (OUTLAY_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (outlay_application_get_settings (application));
  self->application = g_object_ref (application);

  add_general_page (self);
  sync_from_settings (self);
  g_signal_connect_object (self->currency_row, "notify::selected", G_CALLBACK (on_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::currency", G_CALLBACK (sync_from_settings), self,
                           G_CONNECT_SWAPPED);

  /* Without its database the application shows no window to get here;
   * the backups need it. */
  repository = outlay_application_get_repository (application);
  home = outlay_application_dup_currency (application);
  if (repository != NULL)
    {
      self->repository = g_object_ref (repository);
      self->backups = outlay_backups_new (outlay_repository_get_database (repository));
      self->currencies_page = outlay_currencies_page_new (repository, home);
      g_signal_connect_object (self->currencies_page, "change-home", G_CALLBACK (on_change_home_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->currencies_page));
      if (outlay_application_get_sync_service (application) != NULL)
        {
          self->sync_page = outlay_sync_page_new (outlay_application_get_sync_service (application));
          adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->sync_page));
        }
      self->backups_page = create_backups_page (self);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), self->backups_page);
      refresh_backups (self);
    }

  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);

  return GTK_WIDGET (self);
}

/**
 * outlay_preferences_window_show_currencies:
 *
 * Shows the Currencies page.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL without a ledger
 */
GtkWidget *
outlay_preferences_window_show_currencies (OutlayPreferencesWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_PREFERENCES_WINDOW (self), NULL);

  if (self->currencies_page != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                             ADW_PREFERENCES_PAGE (self->currencies_page));
  return self->currencies_page;
}

/**
 * outlay_preferences_window_show_sync:
 *
 * Shows the Sync page.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL without a ledger
 */
GtkWidget *
outlay_preferences_window_show_sync (OutlayPreferencesWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_PREFERENCES_WINDOW (self), NULL);

  if (self->sync_page != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->sync_page));
  return self->sync_page;
}
