/* outlay-sync-service.c
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

/* The window's side of sync: rounds run one at a time in a worker, on a
 * connection of their own, after this device's changes (once they settle),
 * when another device writes to the folder, every few minutes and at
 * start. A round asked for while one runs makes one more after it, however
 * many were asked. When a round is over the window's repository reads
 * what came in, and its lists and the Dashboard follow its usual change
 * signals. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-sync-service.h"

#define CHANGES_DELAY_MS (5 * 1000)
#define FOLDER_DELAY_MS (2 * 1000)
#define TIMER_S (5 * 60)
/* How long a setting changed during a round waits for its write. */
#define SETTING_BUSY_TIMEOUT_MS 3000

struct _OutlaySyncService
{
  GObject parent_instance;

  OutlayRepository *repository;
  GCancellable     *cancellable;
  GHashTable       *monitors; /* path → GFileMonitor: the ledger's folder and each other device's */
  char             *ledger_path;
  char             *own_path;
  char             *error;
  guint             changes_id;
  guint             folder_id;
  guint             timer_id;
  guint             changes_ms;
  guint             folder_ms;
  guint             timer_s;
  guint             rounds;
  gboolean          started;
  gboolean          running;
  gboolean          quiet;        /* the round runs, not shown: it may find nothing to send */
  gboolean          again;        /* asked for while a round ran */
  OutlaySyncReason  again_reason; /* the strongest reason asked for meanwhile */
  gboolean          reading;      /* the repository reads what the round did */
  gboolean          disposed;
  int               percent;      /* how far the round read the others' changes, or -1 */
};

enum
{
  PROP_0,
  PROP_RUNNING,
  PROP_ERROR,
  PROP_PERCENT,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlaySyncService, outlay_sync_service, G_TYPE_OBJECT)

typedef struct
{
  GMainContext      *context; /* the service's, for the progress */
  OutlaySyncService *service; /* the task's source, alive while it runs */
  char              *path;
  OutlaySyncReason   reason;
  gboolean           skipped;
  int                percent; /* the last told */
  GApplication      *application; /* held while the round runs */
} RoundJob;

static void
round_job_free (RoundJob *job)
{
  g_main_context_unref (job->context);
  g_free (job->path);
  if (job->application != NULL)
    g_application_release (job->application);
  g_clear_object (&job->application);
  g_free (job);
}

static void     start_round (OutlaySyncService *self,
                             OutlaySyncReason   reason);
static gboolean update_monitors (OutlaySyncService *self);

static void
set_error (OutlaySyncService *self,
           const char        *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* What the person can do about it, when the message does not say. */
static char *
describe_error (const GError *error)
{
  if (g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY))
    return g_strdup (_("Another program was changing the ledger. Outlay tries again in a few minutes, "
                       "or now with Sync Now."));
  if (g_error_matches (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_WRITE))
    /* Translators: %s says why a file could not be written */
    return g_strdup_printf (_("%s Check that the folder is writable and the disk is not full."), error->message);

  return g_strdup (error->message);
}

typedef struct
{
  OutlaySyncService *service;
  int                percent;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->service);
  g_free (progress);
}

static gboolean
show_progress (gpointer user_data)
{
  Progress          *progress = user_data;
  OutlaySyncService *self = progress->service;

  if (!self->running || self->disposed || self->percent == progress->percent)
    return G_SOURCE_REMOVE;

  self->percent = progress->percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT]);
  if (!self->quiet)
    g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* In the worker: a whole percent more of the others' changes read (the
 * first round of a device joining a large ledger takes a while). */
static void
round_progress (double   fraction,
                gpointer user_data)
{
  RoundJob *job = user_data;
  Progress *progress;
  int       percent = (int) (fraction * 100);

  if (percent == job->percent)
    return;
  job->percent = percent;
  progress = g_new0 (Progress, 1);
  progress->service = g_object_ref (job->service);
  progress->percent = percent;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, show_progress, progress,
                              (GDestroyNotify) progress_free);
}

static void
round_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RoundJob *job = task_data;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GError) error = NULL;

  if (!(database = outlay_database_open (job->path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  repository = outlay_repository_new (database);

  /* After this device's changes: nothing to send, nothing to do (the
   * folder's side has its monitor and the timer). */
  if (job->reason == OUTLAY_SYNC_REASON_CHANGES)
    {
      g_autoptr (OutlaySyncStatus) status = outlay_sync_get_status (repository, &error);

      if (status == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (status->folder == NULL || status->unsent == 0)
        {
          job->skipped = TRUE;
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  if (!outlay_sync_run_with_progress (repository, NULL, round_progress, job, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
round_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  OutlaySyncService *self = OUTLAY_SYNC_SERVICE (source);
  RoundJob          *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  gboolean was_quiet = self->quiet;

  self->running = FALSE;
  self->quiet = FALSE;
  self->percent = -1;
  if (self->disposed)
    return;

  if (!job->skipped)
    self->rounds++;

  /* Not syncing (any more): nothing went wrong. */
  if (!ok && !g_error_matches (error, OUTLAY_SYNC_ERROR, OUTLAY_SYNC_ERROR_NOT_SET_UP) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = describe_error (error);

      if (g_error_matches (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED))
        outlay_database_mark_damaged (outlay_repository_get_database (self->repository));
      set_error (self, message);
    }
  else if (!job->skipped)
    set_error (self, NULL);

  /* The round wrote on its own connection: what it applied reaches the
   * lists as a change from another program. That is not a change of this
   * device's to send. */
  self->reading = TRUE;
  outlay_repository_check_external_changes (self->repository);
  self->reading = FALSE;

  update_monitors (self);
  if (!was_quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  if (!was_quiet || !job->skipped)
    g_signal_emit (self, signals[CHANGED], 0);

  if (self->again)
    {
      self->again = FALSE;
      start_round (self, self->again_reason);
    }
}

static void
start_round (OutlaySyncService *self,
             OutlaySyncReason   reason)
{
  g_autoptr (GTask) task = NULL;
  RoundJob     *job;
  GApplication *application = g_application_get_default ();

  if (self->running)
    {
      self->again_reason = self->again ? MAX (self->again_reason, reason) : reason;
      self->again = TRUE;
      /* Asked for by the person or the folder: it shows from now on. */
      if (self->quiet && reason != OUTLAY_SYNC_REASON_CHANGES)
        {
          self->quiet = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
          g_signal_emit (self, signals[CHANGED], 0);
        }
      return;
    }

  job = g_new0 (RoundJob, 1);
  job->context = g_main_context_ref_thread_default ();
  job->service = self;
  job->percent = -1;
  job->path = g_strdup (outlay_database_get_path (outlay_repository_get_database (self->repository)));
  job->reason = reason;
  /* Closing the window during a round leaves no thread behind. */
  if (application != NULL)
    {
      job->application = g_object_ref (application);
      g_application_hold (application);
    }

  self->running = TRUE;
  /* After this device's changes the worker looks first whether there is
   * anything to send: most of the time (the window noticing a round's own
   * commit) there is not, and “Syncing…” would only flicker. */
  self->quiet = reason == OUTLAY_SYNC_REASON_CHANGES;
  task = g_task_new (self, self->cancellable, round_done_cb, NULL);
  g_task_set_source_tag (task, start_round);
  g_task_set_task_data (task, job, (GDestroyNotify) round_job_free);
  g_task_run_in_thread (task, round_thread);

  if (!self->quiet)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static gboolean
changes_settled_cb (gpointer user_data)
{
  OutlaySyncService *self = user_data;

  self->changes_id = 0;
  start_round (self, OUTLAY_SYNC_REASON_CHANGES);
  return G_SOURCE_REMOVE;
}

static gboolean
folder_settled_cb (gpointer user_data)
{
  OutlaySyncService *self = user_data;

  self->folder_id = 0;
  start_round (self, OUTLAY_SYNC_REASON_FOLDER);
  return G_SOURCE_REMOVE;
}

static gboolean
timer_cb (gpointer user_data)
{
  OutlaySyncService *self = user_data;

  if (self->ledger_path != NULL)
    start_round (self, OUTLAY_SYNC_REASON_TIMER);
  return G_SOURCE_CONTINUE;
}

/* A change of this device's: sync once they stop coming for a while. */
static void
on_repository_changed_cb (OutlaySyncService *self)
{
  if (self->reading || !self->started || self->ledger_path == NULL)
    return;

  g_clear_handle_id (&self->changes_id, g_source_remove);
  self->changes_id = g_timeout_add (self->changes_ms, changes_settled_cb, self);
}

/* Also what another program changed, such as `outlay sync setup` or
 * `outlay sync leave` while the window is open: the folder to watch, and
 * what Preferences show. */
static void
on_categories_changed_cb (OutlaySyncService *self)
{
  if (self->reading || self->running)
    return;

  if (update_monitors (self) && self->started && self->ledger_path != NULL)
    start_round (self, OUTLAY_SYNC_REASON_START);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_folder_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other,
                      GFileMonitorEvent  event,
                      OutlaySyncService *self)
{
  g_autofree char *path = g_file_get_path (file);

  /* What this device writes itself is no news. */
  if (path == NULL || self->own_path == NULL || g_str_equal (path, self->own_path) ||
      (g_str_has_prefix (path, self->own_path) && path[strlen (self->own_path)] == G_DIR_SEPARATOR))
    return;

  if (event == G_FILE_MONITOR_EVENT_CREATED)
    update_monitors (self);

  if (self->folder_id == 0)
    self->folder_id = g_timeout_add (self->folder_ms, folder_settled_cb, self);
}

static void
watch (OutlaySyncService *self,
       const char        *path)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileMonitor) monitor = NULL;

  if (g_hash_table_contains (self->monitors, path))
    return;

  file = g_file_new_for_path (path);
  monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;

  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_folder_changed_cb), self, 0);
  g_hash_table_insert (self->monitors, g_strdup (path), g_steal_pointer (&monitor));
}

static void
clear_monitors (OutlaySyncService *self)
{
  GHashTableIter iter;
  gpointer       monitor;

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, NULL, &monitor))
    g_file_monitor_cancel (monitor);
  g_hash_table_remove_all (self->monitors);
}

/* The ledger's folder, for devices that arrive, and each other device's
 * folder, for what they write: a few entries, read where the person
 * chose them. Returns whether the ledger syncs elsewhere than before, or
 * starts or stops syncing. */
static gboolean
update_monitors (OutlaySyncService *self)
{
  g_autoptr (OutlaySyncStatus) status = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autofree char *ledger_path = NULL;
  const char      *name;
  gboolean         moved = FALSE;

  if (self->disposed)
    return FALSE;

  status = outlay_sync_get_status (self->repository, NULL);
  if (status != NULL && status->folder != NULL && status->ledger != NULL)
    ledger_path = g_build_filename (status->folder, "Outlay", status->ledger, NULL);

  if (g_strcmp0 (ledger_path, self->ledger_path) != 0)
    {
      clear_monitors (self);
      g_clear_pointer (&self->own_path, g_free);
      g_free (self->ledger_path);
      self->ledger_path = g_steal_pointer (&ledger_path);
      if (self->ledger_path != NULL)
        self->own_path = g_build_filename (self->ledger_path, status->device_id, NULL);
      moved = TRUE;
    }

  if (self->ledger_path == NULL || !self->started)
    return moved;

  watch (self, self->ledger_path);
  dir = g_dir_open (self->ledger_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->ledger_path, name, NULL);

      if (!g_str_equal (path, self->own_path) && g_file_test (path, G_FILE_TEST_IS_DIR))
        watch (self, path);
    }

  return moved;
}

/* The window's connection gives way at once to another writer; a round
 * holds the ledger only for its transaction, so a setting changed meanwhile
 * (a click, rarely) waits for it rather than fail. */
static guint
wait_for_round_begin (OutlaySyncService *self)
{
  OutlayDatabase *database = outlay_repository_get_database (self->repository);
  guint           timeout = outlay_database_get_busy_timeout (database);

  if (self->running)
    outlay_database_set_busy_timeout (database, MAX (timeout, SETTING_BUSY_TIMEOUT_MS));
  return timeout;
}

static void
wait_for_round_end (OutlaySyncService *self,
                    guint              timeout)
{
  outlay_database_set_busy_timeout (outlay_repository_get_database (self->repository), timeout);
}

static void
outlay_sync_service_dispose (GObject *object)
{
  OutlaySyncService *self = OUTLAY_SYNC_SERVICE (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->changes_id, g_source_remove);
  g_clear_handle_id (&self->folder_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->monitors != NULL)
    clear_monitors (self);
  if (self->repository != NULL)
    g_signal_handlers_disconnect_by_data (self->repository, self);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_sync_service_parent_class)->dispose (object);
}

static void
outlay_sync_service_finalize (GObject *object)
{
  OutlaySyncService *self = OUTLAY_SYNC_SERVICE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_free (self->ledger_path);
  g_free (self->own_path);
  g_free (self->error);

  G_OBJECT_CLASS (outlay_sync_service_parent_class)->finalize (object);
}

static void
outlay_sync_service_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OutlaySyncService *self = OUTLAY_SYNC_SERVICE (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running && !self->quiet);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_PERCENT:
      g_value_set_int (value, self->percent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_sync_service_class_init (OutlaySyncServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_sync_service_dispose;
  object_class->finalize = outlay_sync_service_finalize;
  object_class->get_property = outlay_sync_service_get_property;

  /**
   * OutlaySyncService:running:
   *
   * Whether a round runs now that shows: not one after this device's
   * changes, which most of the time finds nothing to send.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * OutlaySyncService:error:
   *
   * Why the last round failed, with what to do about it, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * OutlaySyncService:percent:
   *
   * How far the round that runs has read the other devices' changes, or
   * -1 when none runs.
   */
  properties[PROP_PERCENT] =
    g_param_spec_int ("percent", NULL, NULL, -1, 100, -1, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlaySyncService::changed:
   *
   * A round started or ended, or the settings changed: the status is worth
   * reading again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
outlay_sync_service_init (OutlaySyncService *self)
{
  self->cancellable = g_cancellable_new ();
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->changes_ms = CHANGES_DELAY_MS;
  self->folder_ms = FOLDER_DELAY_MS;
  self->timer_s = TIMER_S;
  self->percent = -1;
}

/**
 * outlay_sync_service_new:
 * @repository: the window's expenses
 *
 * Returns: (transfer full): the service, idle until
 *   outlay_sync_service_start()
 */
OutlaySyncService *
outlay_sync_service_new (OutlayRepository *repository)
{
  OutlaySyncService *self;
  static const char *const change_signals[] = {
    "expenses-changed", "categories-changed", "budgets-changed",
    "recurring-changed", "category-rules-changed", "rates-changed",
  };

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);

  self = g_object_new (OUTLAY_TYPE_SYNC_SERVICE, NULL);
  self->repository = g_object_ref (repository);
  for (guint i = 0; i < G_N_ELEMENTS (change_signals); i++)
    g_signal_connect_swapped (repository, change_signals[i], G_CALLBACK (on_repository_changed_cb), self);
  g_signal_connect_swapped (repository, "categories-changed", G_CALLBACK (on_categories_changed_cb), self);

  return self;
}

/**
 * outlay_sync_service_start:
 *
 * Watches the folder, starts the timer and a first round, when the ledger
 * syncs. Once is enough; later calls do nothing.
 */
void
outlay_sync_service_start (OutlaySyncService *self)
{
  g_return_if_fail (OUTLAY_IS_SYNC_SERVICE (self));

  if (self->started || outlay_database_is_read_only (outlay_repository_get_database (self->repository)))
    return;

  self->started = TRUE;
  self->timer_id = g_timeout_add_seconds (self->timer_s, timer_cb, self);
  update_monitors (self);
  if (self->ledger_path != NULL)
    start_round (self, OUTLAY_SYNC_REASON_START);
}

/**
 * outlay_sync_service_request:
 * @reason: why
 *
 * Asks for a round now (Sync Now), or after the one that runs.
 */
void
outlay_sync_service_request (OutlaySyncService *self,
                             OutlaySyncReason   reason)
{
  g_return_if_fail (OUTLAY_IS_SYNC_SERVICE (self));

  start_round (self, reason);
}

/**
 * outlay_sync_service_setup:
 * @folder: the folder another program keeps in sync
 *
 * Syncs through @folder from now on, with a first round at once, which
 * joins the ledger the folder holds.
 */
gboolean
outlay_sync_service_setup (OutlaySyncService *self,
                           const char        *folder,
                           GError           **error)
{
  guint    timeout;
  gboolean done;

  g_return_val_if_fail (OUTLAY_IS_SYNC_SERVICE (self), FALSE);

  timeout = wait_for_round_begin (self);
  done = outlay_sync_setup (self->repository, folder, NULL, NULL, error);
  wait_for_round_end (self, timeout);
  if (!done)
    return FALSE;

  set_error (self, NULL);
  self->started = TRUE;
  if (self->timer_id == 0)
    self->timer_id = g_timeout_add_seconds (self->timer_s, timer_cb, self);
  update_monitors (self);
  g_signal_emit (self, signals[CHANGED], 0);
  start_round (self, OUTLAY_SYNC_REASON_MANUAL);

  return TRUE;
}

/**
 * outlay_sync_service_leave:
 *
 * Stops syncing; the folder keeps what this device wrote.
 */
gboolean
outlay_sync_service_leave (OutlaySyncService *self,
                           GError           **error)
{
  guint    timeout;
  gboolean done;

  g_return_val_if_fail (OUTLAY_IS_SYNC_SERVICE (self), FALSE);

  timeout = wait_for_round_begin (self);
  done = outlay_sync_leave (self->repository, error);
  wait_for_round_end (self, timeout);
  if (!done)
    return FALSE;

  g_clear_handle_id (&self->changes_id, g_source_remove);
  g_clear_handle_id (&self->folder_id, g_source_remove);
  self->again = FALSE;
  set_error (self, NULL);
  update_monitors (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
outlay_sync_service_set_device_name (OutlaySyncService *self,
                                     const char        *name,
                                     GError           **error)
{
  guint    timeout;
  gboolean done;

  g_return_val_if_fail (OUTLAY_IS_SYNC_SERVICE (self), FALSE);

  timeout = wait_for_round_begin (self);
  done = outlay_sync_set_device_name (self->repository, name, error);
  wait_for_round_end (self, timeout);
  if (!done)
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
  /* The others learn it from the device file the next round writes. */
  start_round (self, OUTLAY_SYNC_REASON_MANUAL);

  return TRUE;
}

/**
 * outlay_sync_service_dup_status:
 *
 * Returns: (transfer full) (nullable): the status, read on the window's
 *   connection (a few small reads)
 */
OutlaySyncStatus *
outlay_sync_service_dup_status (OutlaySyncService *self,
                                GError           **error)
{
  g_return_val_if_fail (OUTLAY_IS_SYNC_SERVICE (self), NULL);

  return outlay_sync_get_status (self->repository, error);
}

/**
 * outlay_sync_service_get_percent:
 *
 * Returns: how far the round that shows has read the other devices'
 *   changes, or -1
 */
int
outlay_sync_service_get_percent (OutlaySyncService *self)
{
  g_return_val_if_fail (OUTLAY_IS_SYNC_SERVICE (self), -1);

  return self->running && !self->quiet ? self->percent : -1;
}

gboolean
outlay_sync_service_get_running (OutlaySyncService *self)
{
  g_return_val_if_fail (OUTLAY_IS_SYNC_SERVICE (self), FALSE);

  return self->running && !self->quiet;
}

/**
 * outlay_sync_service_is_busy:
 *
 * Returns: whether a worker runs, shown or not
 */
gboolean
outlay_sync_service_is_busy (OutlaySyncService *self)
{
  g_return_val_if_fail (OUTLAY_IS_SYNC_SERVICE (self), FALSE);

  return self->running;
}

const char *
outlay_sync_service_get_error (OutlaySyncService *self)
{
  g_return_val_if_fail (OUTLAY_IS_SYNC_SERVICE (self), NULL);

  return self->error;
}

/**
 * outlay_sync_service_get_rounds:
 *
 * Returns: how many rounds ran to their end or failed (not those left out
 *   for having nothing to send)
 */
guint
outlay_sync_service_get_rounds (OutlaySyncService *self)
{
  g_return_val_if_fail (OUTLAY_IS_SYNC_SERVICE (self), 0);

  return self->rounds;
}

/**
 * outlay_sync_service_set_delays:
 * @changes_ms: how long this device's changes settle before a round
 * @folder_ms: how long the folder's changes settle
 * @timer_s: the time between rounds without a change
 *
 * For the tests, before outlay_sync_service_start().
 */
void
outlay_sync_service_set_delays (OutlaySyncService *self,
                                guint              changes_ms,
                                guint              folder_ms,
                                guint              timer_s)
{
  g_return_if_fail (OUTLAY_IS_SYNC_SERVICE (self));

  self->changes_ms = changes_ms;
  self->folder_ms = folder_ms;
  self->timer_s = timer_s;
}
