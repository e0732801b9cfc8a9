/* outlay-search-provider.c: expenses in GNOME Shell's search
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

/* org.gnome.Shell.SearchProvider2 on the application's bus name (see
 * data/io.github.outlay.Outlay.search-provider.ini): typing "lunch" in
 * the Activities overview lists the expenses whose description or note
 * has a word starting so, the last written of them by day, newest first,
 * from the full-text index in a worker (once a word has two letters);
 * "12.50 lunch" first offers to add it (outlay-quick-entry.c).
 * A result's id says what it is: "expense:UUID", or
 * "add:AMOUNT:CURRENCY:DESCRIPTION" with the amount in minor units, so
 * that activating adds exactly what was shown. Each call holds the
 * application, which GNOME Shell may have started for it: it goes when
 * idle (outlay-application.c). */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "outlay-category-icon.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-quick-entry.h"
#include "outlay-reader.h"
#include "outlay-search-provider.h"
#include "outlay-shell-actions.h"

/* GNOME Shell shows a few; the rest come with a narrower search. */
#define MAX_RESULTS 20
/* The badge's size in the results, for a screen scaled twice. */
#define ICON_SIZE 64

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _OutlaySearchProvider
{
  GObject parent_instance;

  OutlayApplication *app; /* owns this */
  GDBusConnection   *connection;
  guint              registration;
  OutlayReader      *reader;
};

G_DEFINE_FINAL_TYPE (OutlaySearchProvider, outlay_search_provider, G_TYPE_OBJECT)

/* Searching */

typedef struct
{
  GStrv terms;
  char *currency;
} Search;

static void
search_free (Search *search)
{
  g_strfreev (search->terms);
  g_free (search->currency);
  g_free (search);
}

/* Whether @text has a word of two letters or more. */
static gboolean
has_word (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 2)
      return TRUE;
  return FALSE;
}

/* In a worker, on a read-only connection of its own. */
static gpointer
search_thread (OutlayRepository *repository,
               gpointer          data,
               GCancellable     *cancellable,
               GError          **error)
{
  Search          *search = data;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) expenses = NULL;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  gint64           amount = 0;

  /* "12.50 lunch": an expense to add, then those of its words. */
  if (outlay_quick_entry_parse ((const char *const *) search->terms, search->currency, &amount, &description))
    {
      g_ptr_array_add (ids, g_strdup_printf ("add:%" G_GINT64_FORMAT ":%s:%s", amount, search->currency,
                                             description));
      text = g_strdup (description);
    }
  else
    text = g_strjoinv (" ", search->terms);

  /* A letter alone finds too much to be of use. */
  if (has_word (text))
    {
      if (!(expenses = outlay_repository_search_recent (repository, text, MAX_RESULTS, error)))
        return NULL;
      for (guint i = 0; i < expenses->len; i++)
        g_ptr_array_add (ids, g_strconcat ("expense:", outlay_expense_get_uuid (expenses->pdata[i]), NULL));
    }
  g_ptr_array_add (ids, NULL);

  return g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

typedef struct
{
  OutlaySearchProvider  *self;
  GDBusMethodInvocation *invocation;
} Reply;

static void
searched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reply *reply = user_data;
  g_auto (GStrv) ids = outlay_reader_run_finish (OUTLAY_READER (source), result, NULL);
  const char *const none[] = { NULL };

  /* A ledger that cannot be read finds nothing, quietly: this is a search
   * among others in the overview. */
  g_dbus_method_invocation_return_value (reply->invocation,
                                         g_variant_new ("(^as)", ids != NULL ? ids : (GStrv) none));
  g_application_release (G_APPLICATION (reply->self->app));
  g_object_unref (reply->self);
  g_free (reply);
}

static void
start_search (OutlaySearchProvider  *self,
              const char *const     *terms,
              GDBusMethodInvocation *invocation)
{
  OutlayRepository *repository = outlay_application_get_repository (self->app);
  Search           *search;
  Reply            *reply;

  if (repository == NULL || terms[0] == NULL)
    {
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", NULL));
      return;
    }

  if (self->reader == NULL)
    self->reader = outlay_reader_new (repository);
  search = g_new0 (Search, 1);
  search->terms = g_strdupv ((char **) terms);
  search->currency = outlay_application_dup_currency (self->app);
  reply = g_new0 (Reply, 1);
  reply->self = g_object_ref (self);
  reply->invocation = invocation;
  g_application_hold (G_APPLICATION (self->app));
  outlay_reader_run_async (self->reader, search_thread, search, (GDestroyNotify) search_free,
                           (GDestroyNotify) g_strfreev, NULL, searched_cb, reply);
}

/* Describing */

/* The category badge as GNOME Shell draws pictures. */
static GVariant *
serialize_badge (OutlayCategory *category)
{
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GIcon) icon = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (category == NULL || display == NULL)
    icon = g_themed_icon_new (APPLICATION_ID);
  else
    {
      png = outlay_category_icon_render_png (category, display, ICON_SIZE);
      icon = g_bytes_icon_new (png);
    }
  return g_icon_serialize (icon);
}

/* "add:1250:EUR:lunch", read back. */
static gboolean
parse_add (const char *id,
           gint64     *amount,
           char        currency[4],
           char      **description)
{
  g_auto (GStrv) parts = g_strsplit (id, ":", 4);
  char *end = NULL;

  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], "add") || strlen (parts[2]) != 3 || *parts[3] == '\0')
    return FALSE;
  *amount = g_ascii_strtoll (parts[1], &end, 10);
  if (end == parts[1] || *end != '\0' || *amount <= 0)
    return FALSE;
  g_strlcpy (currency, parts[2], 4);
  *description = g_strdup (parts[3]);
  return TRUE;
}

/* One meta; @icon (transfer full) as g_icon_serialize() gives it. */
static void
add_meta (GVariantBuilder *metas,
          const char      *id,
          const char      *name,
          const char      *description,
          GVariant        *icon)
{
  g_autoptr (GVariant) owned_icon = icon;
  GVariantBuilder meta;

  g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (name));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  if (icon != NULL)
    g_variant_builder_add (&meta, "{sv}", "icon", icon);
  g_variant_builder_add_value (metas, g_variant_builder_end (&meta));
}

/* GNOME Shell pairs the metas with the ids by their places and drops them
 * all when one is missing: an id whose expense went since it was found
 * still gets one, which says so. */
static void
describe_gone (const char      *id,
               GVariantBuilder *metas)
{
  g_autoptr (GIcon) icon = g_themed_icon_new (APPLICATION_ID);

  add_meta (metas, id, _("Deleted Expense"), _("No longer in your expenses"), g_icon_serialize (icon));
}

static void
describe (OutlaySearchProvider *self,
          const char           *id,
          GVariantBuilder      *metas)
{
  OutlayRepository *repository = outlay_application_get_repository (self->app);
  g_autofree char  *description = NULL;
  gint64            amount = 0;
  char              currency[4];

  if (repository == NULL)
    {
      describe_gone (id, metas);
      return;
    }

  if (parse_add (id, &amount, currency, &description))
    {
      OutlayCategory  *category = outlay_shell_quick_add_category (self->app, description, amount, currency);
      g_autofree char *money = outlay_money_format_expense (amount, currency);
      /* Translators: a search result that adds an expense: "Add €12.50 “lunch”" */
      g_autofree char *name = g_strdup_printf (_("Add %s “%s”"), money, description);
      /* Translators: under "Add €12.50 “lunch”"; %s is a category */
      g_autofree char *where = category != NULL
                                 ? g_strdup_printf (_("In %s, today"), outlay_category_get_name (category))
                                 : g_strdup (_("Today"));

      add_meta (metas, id, name, where, serialize_badge (category));
      return;
    }

  if (g_str_has_prefix (id, "expense:"))
    {
      g_autoptr (OutlayExpense) expense = outlay_repository_get_expense_by_uuid (repository, id + 8, NULL);
      OutlayCategory  *category = NULL;
      g_autofree char *money = NULL;
      g_autofree char *day = NULL;
      g_autofree char *line = NULL;

      if (expense == NULL || outlay_expense_get_deleted_at (expense) != NULL)
        {
          describe_gone (id, metas);
          return;
        }
      category = outlay_repository_lookup_category (repository, outlay_expense_get_category_id (expense));
      money = outlay_money_format_expense (outlay_expense_get_amount (expense), outlay_expense_get_currency (expense));
      day = outlay_format_date (outlay_expense_get_occurred_on (expense));
      /* Translators: under an expense found by a search: "€12.50 · 7 Dec 2026 · Food & Drink" */
      line = g_strdup_printf (_("%s · %s · %s"), money, day,
                              category != NULL ? outlay_category_get_name (category) : "");
      add_meta (metas, id, outlay_expense_get_description (expense), line, serialize_badge (category));
      return;
    }
  describe_gone (id, metas);
}

/* Acting */

static void
activate_result (OutlaySearchProvider *self,
                 const char           *id,
                 guint32               timestamp)
{
  g_autofree char *description = NULL;
  gint64           amount = 0;
  char             currency[4];

  if (parse_add (id, &amount, currency, &description))
    {
      g_autoptr (OutlayExpense) added = NULL;
      g_autoptr (GError) error = NULL;

      if (!(added = outlay_shell_quick_add (self->app, amount, currency, description, &error)))
        {
          g_autoptr (GNotification) notification = g_notification_new (_("Could Not Add the Expense"));

          g_notification_set_body (notification, error->message);
          g_application_send_notification (G_APPLICATION (self->app), "quick-add-failed", notification);
        }
    }
  else if (g_str_has_prefix (id, "expense:"))
    outlay_shell_show_expense (self->app, id + 8, timestamp);
}

static void
handle_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  OutlaySearchProvider *self = user_data;
  GApplication         *app = G_APPLICATION (self->app);

  /* Each call keeps the application a while longer. */
  g_application_hold (app);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      start_search (self, terms, invocation);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;

      /* The index answers a narrower search as fast as it would filter
       * the previous results. */
      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      start_search (self, terms, invocation);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **ids = NULL;
      GVariantBuilder         metas;

      g_variant_get (parameters, "(^a&s)", &ids);
      g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
      for (guint i = 0; ids[i] != NULL; i++)
        describe (self, ids[i], &metas);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id = NULL;
      guint32     timestamp = 0;

      g_variant_get (parameters, "(&sasu)", &id, NULL, &timestamp);
      activate_result (self, id, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      g_autofree char        *text = NULL;
      guint32                 timestamp = 0;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      text = g_strjoinv (" ", (char **) terms);
      outlay_shell_search (self->app, text, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);

  g_application_release (app);
}

static const GDBusInterfaceVTable vtable = { handle_method_call, NULL, NULL, { 0 } };

static void
outlay_search_provider_dispose (GObject *object)
{
  OutlaySearchProvider *self = OUTLAY_SEARCH_PROVIDER (object);

  outlay_search_provider_unexport (self);
  g_clear_object (&self->reader);

  G_OBJECT_CLASS (outlay_search_provider_parent_class)->dispose (object);
}

static void
outlay_search_provider_class_init (OutlaySearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = outlay_search_provider_dispose;
}

static void
outlay_search_provider_init (OutlaySearchProvider *self)
{
}

OutlaySearchProvider *
outlay_search_provider_new (OutlayApplication *app)
{
  OutlaySearchProvider *self = g_object_new (OUTLAY_TYPE_SEARCH_PROVIDER, NULL);

  self->app = app;
  return self;
}

/**
 * outlay_search_provider_export:
 * @object_path: where GNOME Shell looks, as the search provider file says
 *
 * Answers GNOME Shell's searches on @connection.
 */
gboolean
outlay_search_provider_export (OutlaySearchProvider *self,
                               GDBusConnection      *connection,
                               const char           *object_path,
                               GError              **error)
{
  g_autoptr (GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (OUTLAY_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration == 0, FALSE);

  if (!(info = g_dbus_node_info_new_for_xml (introspection_xml, error)))
    return FALSE;
  self->registration = g_dbus_connection_register_object (connection, object_path, info->interfaces[0], &vtable,
                                                          self, NULL, error);
  if (self->registration == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  return TRUE;
}

void
outlay_search_provider_unexport (OutlaySearchProvider *self)
{
  g_return_if_fail (OUTLAY_IS_SEARCH_PROVIDER (self));

  if (self->registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration);
  self->registration = 0;
  g_clear_object (&self->connection);
}
