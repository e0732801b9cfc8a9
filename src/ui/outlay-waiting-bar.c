/* outlay-waiting-bar.c
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

/* What a window shows while a write waits for another program that holds
 * the ledger: libadwaita 1.2 has no AdwBanner, so a card in a revealer
 * with a spinner, what will happen once the other program has finished,
 * and Stop Waiting. While it shows, it emits "retry" every
 * %OUTLAY_WAITING_BAR_RETRY_MS, for its owner to try the write again from
 * the main loop: the connection of a window does not wait inside SQLite,
 * so nothing freezes. After a long wait it says how to find the program
 * instead: one message at a time keeps the card short enough for a phone
 * with large text. After a longer one it gives up, with "gave-up" and an
 * error that says so, for its owner to show: a write must end some time. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-waiting-bar.h"

#define DEFAULT_LONG_WAIT_SECONDS 30
#define DEFAULT_GIVE_UP_SECONDS 120

struct _OutlayWaitingBar
{
  AdwBin parent_instance;

  OutlayDatabase *database;
  char           *message;
  gint64          since; /* monotonic µs; 0 while not waiting */
  guint           long_wait;
  guint           give_up;
  guint           retry_id;
  guint           tick_id;

  /* Template widgets */
  GtkRevealer *revealer;
  GtkSpinner  *spinner;
  GtkLabel    *message_label;
  GtkButton   *stop_button;
};

enum
{
  PROP_0,
  PROP_WAITING,
  PROP_ACTION_NAME,
  PROP_LONG_WAIT,
  PROP_GIVE_UP,
  N_PROPS
};

enum
{
  RETRY,
  GAVE_UP,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayWaitingBar, outlay_waiting_bar, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* What happens once the other program has finished or, after the long
 * wait, who to look for: the program when the kernel says which one holds
 * the lock, else what kind of program it may be. */
static void
update_message (OutlayWaitingBar *self)
{
  g_autofree char *writer = NULL;
  g_autofree char *text = NULL;
  gint64           waited = (g_get_monotonic_time () - self->since) / G_USEC_PER_SEC;
  GPid             pid = 0;

  if (self->since == 0 || waited < self->long_wait)
    text = g_strdup (self->message);
  else if ((writer = outlay_database_find_writer (self->database, &pid)) != NULL)
    /* Translators: %s is the name of a program such as “sqlite3”, %d its
     * process id, %u a number of seconds */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” (process %d) has been changing the ledger for over %u second. "
                                         "Outlay keeps waiting; close that program if it is stuck.",
                                         "“%s” (process %d) has been changing the ledger for over %u seconds. "
                                         "Outlay keeps waiting; close that program if it is stuck.",
                                         self->long_wait),
                            writer, (int) pid, self->long_wait);
  else
    /* Translators: %u is a number of seconds */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Another program has been changing the ledger for over %u second. Outlay "
                                         "keeps waiting; close it if it is stuck: another Outlay, an “outlay” "
                                         "command or a database tool.",
                                         "Another program has been changing the ledger for over %u seconds. Outlay "
                                         "keeps waiting; close it if it is stuck: another Outlay, an “outlay” "
                                         "command or a database tool.",
                                         self->long_wait),
                            self->long_wait);

  /* A status is not named by its text: a screen reader reads the name. */
  if (text != NULL && g_strcmp0 (gtk_label_get_label (self->message_label), text) != 0)
    {
      gtk_label_set_label (self->message_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

/* What a write that waited for @seconds and gave up says. */
static GError *
build_gave_up_error (OutlayWaitingBar *self,
                     guint             seconds)
{
  g_autofree char *writer = NULL;
  GPid             pid = 0;

  if ((writer = outlay_database_find_writer (self->database, &pid)) != NULL)
    /* Translators: %u is a number of seconds, %s the name of a program
     * such as “sqlite3”, %d its process id */
    return g_error_new (OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "Outlay stopped waiting after %u second: another program (“%s”, process %d) "
                                     "is still changing the ledger. Nothing was changed; try again when it has "
                                     "finished.",
                                     "Outlay stopped waiting after %u seconds: another program (“%s”, process %d) "
                                     "is still changing the ledger. Nothing was changed; try again when it has "
                                     "finished.",
                                     seconds),
                        seconds, writer, (int) pid);

  /* Translators: %u is a number of seconds */
  return g_error_new (OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_BUSY,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "Outlay stopped waiting after %u second: another program is still changing the "
                                   "ledger. Nothing was changed; try again when it has finished.",
                                   "Outlay stopped waiting after %u seconds: another program is still changing the "
                                   "ledger. Nothing was changed; try again when it has finished.",
                                   seconds),
                      seconds);
}

static gboolean
retry_cb (gpointer user_data)
{
  OutlayWaitingBar *self = user_data;

  /* The handler may stop the wait, and the owner may drop the bar. */
  g_object_ref (self);
  g_signal_emit (self, signals[RETRY], 0);

  if (self->since != 0 && g_get_monotonic_time () - self->since >= (gint64) self->give_up * G_USEC_PER_SEC)
    {
      g_autoptr (GError) error = build_gave_up_error (self, self->give_up);

      outlay_waiting_bar_stop (self);
      g_signal_emit (self, signals[GAVE_UP], 0, error);
    }

  g_object_unref (self);

  return G_SOURCE_CONTINUE;
}

static gboolean
tick_cb (gpointer user_data)
{
  update_message (OUTLAY_WAITING_BAR (user_data));

  return G_SOURCE_CONTINUE;
}

static void
outlay_waiting_bar_dispose (GObject *object)
{
  OutlayWaitingBar *self = OUTLAY_WAITING_BAR (object);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  /* AdwBin keeps its own pointer to the template's root. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_WAITING_BAR);
  g_clear_object (&self->database);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (outlay_waiting_bar_parent_class)->dispose (object);
}

static void
outlay_waiting_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OutlayWaitingBar *self = OUTLAY_WAITING_BAR (object);

  switch (prop_id)
    {
    case PROP_WAITING:
      g_value_set_boolean (value, outlay_waiting_bar_get_waiting (self));
      break;

    case PROP_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->stop_button)));
      break;

    case PROP_LONG_WAIT:
      g_value_set_uint (value, self->long_wait);
      break;

    case PROP_GIVE_UP:
      g_value_set_uint (value, self->give_up);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_waiting_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OutlayWaitingBar *self = OUTLAY_WAITING_BAR (object);

  switch (prop_id)
    {
    case PROP_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->stop_button), g_value_get_string (value));
      break;

    case PROP_LONG_WAIT:
      outlay_waiting_bar_set_long_wait (self, g_value_get_uint (value));
      break;

    case PROP_GIVE_UP:
      self->give_up = g_value_get_uint (value);
      break;

    case PROP_WAITING:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_waiting_bar_class_init (OutlayWaitingBarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_waiting_bar_dispose;
  object_class->get_property = outlay_waiting_bar_get_property;
  object_class->set_property = outlay_waiting_bar_set_property;

  /**
   * OutlayWaitingBar:waiting:
   *
   * Whether a write waits for another program, and the bar shows.
   */
  properties[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayWaitingBar:action-name:
   *
   * The action of the Stop Waiting button, which gives up the write and
   * keeps what the person typed.
   */
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayWaitingBar:long-wait:
   *
   * After how many seconds of waiting the bar says how to find the other
   * program.
   */
  properties[PROP_LONG_WAIT] =
    g_param_spec_uint ("long-wait", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_LONG_WAIT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayWaitingBar:give-up:
   *
   * After how many seconds of waiting the bar gives up the write and emits
   * #OutlayWaitingBar::gave-up.
   */
  properties[PROP_GIVE_UP] =
    g_param_spec_uint ("give-up", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_GIVE_UP_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayWaitingBar::retry:
   *
   * Emitted every %OUTLAY_WAITING_BAR_RETRY_MS while the bar waits: time to
   * try the write again. Whoever handles it stops the bar once the write
   * went through or failed for another reason.
   */
  signals[RETRY] =
    g_signal_new ("retry",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * OutlayWaitingBar::gave-up:
   * @error: what to tell the person: nothing was changed, and why
   *
   * Emitted once the bar has waited #OutlayWaitingBar:give-up seconds and
   * stopped: the owner gives up the write and shows @error, keeping what
   * the person typed.
   */
  signals[GAVE_UP] =
    g_signal_new ("gave-up",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/outlay-waiting-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayWaitingBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, OutlayWaitingBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, OutlayWaitingBar, message_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayWaitingBar, stop_button);

  gtk_widget_class_set_css_name (widget_class, "waitingbar");
}

static void
outlay_waiting_bar_init (OutlayWaitingBar *self)
{
  self->long_wait = DEFAULT_LONG_WAIT_SECONDS;
  self->give_up = DEFAULT_GIVE_UP_SECONDS;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
outlay_waiting_bar_new (void)
{
  return g_object_new (OUTLAY_TYPE_WAITING_BAR, NULL);
}

/**
 * outlay_waiting_bar_start:
 * @database: the ledger that another program holds
 * @message: what happens once it has finished, as a sentence or two
 *
 * Shows the bar, or changes its message when it shows already (the wait
 * goes on from when it started), and emits #OutlayWaitingBar::retry until
 * outlay_waiting_bar_stop().
 */
void
outlay_waiting_bar_start (OutlayWaitingBar *self,
                          OutlayDatabase   *database,
                          const char       *message)
{
  g_return_if_fail (OUTLAY_IS_WAITING_BAR (self));
  g_return_if_fail (OUTLAY_IS_DATABASE (database));
  g_return_if_fail (message != NULL);

  g_set_object (&self->database, database);
  g_free (self->message);
  self->message = g_strdup (message);

  if (self->since != 0)
    {
      update_message (self);
      return;
    }

  self->since = g_get_monotonic_time ();
  self->retry_id = g_timeout_add (OUTLAY_WAITING_BAR_RETRY_MS, retry_cb, self);
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  update_message (self);
  gtk_spinner_start (self->spinner);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
}

/**
 * outlay_waiting_bar_stop:
 *
 * Hides the bar and stops the retries: the write went through, failed for
 * another reason or was given up.
 */
void
outlay_waiting_bar_stop (OutlayWaitingBar *self)
{
  g_return_if_fail (OUTLAY_IS_WAITING_BAR (self));

  if (self->since == 0)
    return;

  self->since = 0;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_spinner_stop (self->spinner);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  update_message (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
}

gboolean
outlay_waiting_bar_get_waiting (OutlayWaitingBar *self)
{
  g_return_val_if_fail (OUTLAY_IS_WAITING_BAR (self), FALSE);

  return self->since != 0;
}

/**
 * outlay_waiting_bar_set_long_wait:
 * @seconds: after how long the bar says how to find the other program
 */
void
outlay_waiting_bar_set_long_wait (OutlayWaitingBar *self,
                                  guint             seconds)
{
  g_return_if_fail (OUTLAY_IS_WAITING_BAR (self));

  if (self->long_wait == seconds)
    return;

  self->long_wait = seconds;
  update_message (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LONG_WAIT]);
}
