/* test-cli-sync.c
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

/* `outlay sync` between two ledgers and one folder, each its own process:
 * what one writes the other gets, the later change of a field wins on
 * both, rounds run at the same time, and bad input changes nothing. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "outlay-cli-test-utils.h"

typedef struct
{
  char *folder;
  char *phone;
} Devices;

static void
devices_init (Fixture *fixture,
              Devices *devices)
{
  g_autofree char *dir = g_path_get_dirname (fixture->store.path);

  devices->folder = g_build_filename (dir, "Sync", NULL);
  devices->phone = g_build_filename (dir, "phone", "outlay.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (devices->folder, 0700), ==, 0);
}

static void
devices_clear (Devices *devices)
{
  g_free (devices->folder);
  g_free (devices->phone);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Devices, devices_clear)

/* outlay --database @database ARGS… */
static void
run_on (const char *database,
        Result     *result,
        ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list     ap;

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, (gpointer) database);
  va_start (ap, result);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_argv ("C.UTF-8", (const char *const *) args->pdata, NULL, result);
}

static JsonObject *
parse_object (const char *text,
              JsonNode  **root)
{
  g_autoptr (GError) error = NULL;

  assert_json (text);
  *root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));
  return json_node_get_object (*root);
}

static gint64
count_of (const char *json,
          const char *member)
{
  g_autoptr (JsonNode) root = NULL;

  return json_object_get_int_member (parse_object (json, &root), member);
}

/* What a person sees of a ledger: its expenses (without the local ids,
 * each ledger's own) and categories. */
static char *
contents (const char *database)
{
  g_auto (Result) list = { 0 };
  g_auto (Result) categories = { 0 };
  g_autoptr (GRegex) ids = g_regex_new ("^ *(ID|[0-9]+)  ", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *expenses = NULL;

  run_on (database, &list, "list", "--sort", "date", NULL);
  assert_success (&list);
  run_on (database, &categories, "categories", NULL);
  assert_success (&categories);

  expenses = g_regex_replace_literal (ids, list.out, -1, 0, "", 0, NULL);
  return g_strconcat (expenses, categories.out, NULL);
}

static void
test_two_devices (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_auto (Devices) devices = { 0 };
  g_auto (Result) result = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *desktop_view = NULL;
  g_autofree char *phone_view = NULL;
  const char *desktop = fixture->store.path;
  JsonObject *status;
  JsonArray  *list;

  devices_init (fixture, &devices);

  run_on (desktop, &result, "add", "12.50", "Lunch", "--date", "2026-03-02", NULL);
  assert_success (&result);
  run_on (desktop, &result, "sync", "setup", devices.folder, "--name", "Desktop", "--json", NULL);
  assert_success (&result);
  status = parse_object (result.out, &root);
  g_assert_true (json_object_get_boolean_member (status, "syncing"));
  g_assert_cmpstr (json_object_get_string_member (status, "folder"), ==, devices.folder);
  list = json_object_get_array_member (status, "devices");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "name"), ==, "Desktop");
  g_clear_pointer (&root, json_node_unref);

  /* Its ten categories and the lunch. */
  run_on (desktop, &result, "sync", "--json", NULL);
  assert_success (&result);
  g_assert_cmpint (count_of (result.out, "written"), ==, 11);

  /* The phone joins: the same categories, not twice, and the lunch. */
  run_on (devices.phone, &result, "add", "3", "Coffee", "--date", "2026-03-01", NULL);
  assert_success (&result);
  run_on (devices.phone, &result, "sync", "setup", devices.folder, "--name", "Phone", NULL);
  assert_success (&result);
  assert_contains (result.out, "now syncs through");
  run_on (devices.phone, &result, "sync", "--json", NULL);
  assert_success (&result);
  g_assert_cmpint (count_of (result.out, "applied"), ==, 11);
  g_assert_cmpint (count_of (result.out, "written"), ==, 1);
  g_assert_cmpint (count_of (result.out, "devices"), ==, 1);

  run_on (desktop, &result, "sync", "--json", NULL);
  assert_success (&result);
  g_assert_cmpint (count_of (result.out, "applied"), ==, 1);

  desktop_view = contents (desktop);
  phone_view = contents (devices.phone);
  g_assert_cmpstr (desktop_view, ==, phone_view);
  assert_contains (desktop_view, "Coffee");
  assert_contains (desktop_view, "Lunch");
  assert_contains (desktop_view, "2 expenses");

  /* Both change the lunch: other fields both stay, of the same field the
   * later change wins, on both. */
  run_on (desktop, &result, "list", "--search", "Lunch", "--json", NULL);
  assert_success (&result);
  {
    g_autofree char *ids = json_ids (result.out);

    run_on (desktop, &result, "edit", ids, "--amount", "14", NULL);
    assert_success (&result);
  }
  run_on (devices.phone, &result, "list", "--search", "Lunch", "--json", NULL);
  assert_success (&result);
  {
    g_autofree char *ids = json_ids (result.out);

    run_on (devices.phone, &result, "edit", ids, "--note", "with Ana", NULL);
    assert_success (&result);
    outlay_test_let_time_pass ();
    run_on (devices.phone, &result, "edit", ids, "--amount", "15", NULL);
    assert_success (&result);
  }

  /* Two processes sync at once, then once more each. */
  {
    const char *const desktop_args[] = { binary (), "--database", desktop, "sync", NULL };
    const char *const phone_args[] = { binary (), "--database", devices.phone, "sync", NULL };
    g_autoptr (GSubprocess) one = g_subprocess_newv (desktop_args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, NULL);
    g_autoptr (GSubprocess) two = g_subprocess_newv (phone_args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, NULL);

    g_assert_true (g_subprocess_wait_check (one, NULL, NULL));
    g_assert_true (g_subprocess_wait_check (two, NULL, NULL));
  }
  run_on (desktop, &result, "sync", NULL);
  assert_success (&result);
  run_on (devices.phone, &result, "sync", NULL);
  assert_success (&result);

  g_free (desktop_view);
  g_free (phone_view);
  desktop_view = contents (desktop);
  phone_view = contents (devices.phone);
  g_assert_cmpstr (desktop_view, ==, phone_view);
  assert_contains (desktop_view, "$15.00");
  assert_lacks (desktop_view, "$14.00");
  run_on (desktop, &result, "list", "--search", "Ana", NULL);
  assert_success (&result);
  assert_contains (result.out, "Lunch");

  /* Each knows the other, and has nothing left to send. */
  run_on (desktop, &result, "sync", "status", "--json", NULL);
  assert_success (&result);
  status = parse_object (result.out, &root);
  list = json_object_get_array_member (status, "devices");
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (list, 0), "this_device"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "name"), ==, "Phone");
  g_assert_false (json_object_get_null_member (json_array_get_object_element (list, 1), "last_seen"));
  g_assert_cmpint (json_object_get_int_member (status, "unsent"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (status, "pending"), ==, 0);
  g_clear_pointer (&root, json_node_unref);

  run_on (desktop, &result, "sync", "status", NULL);
  assert_success (&result);
  assert_contains (result.out, "Syncing through");
  assert_contains (result.out, "Phone");

  /* Leaving stops it; the folder keeps what was written. */
  run_on (devices.phone, &result, "sync", "leave", NULL);
  assert_success (&result);
  assert_contains (result.out, "no longer syncs");
  run_on (devices.phone, &result, "sync", NULL);
  assert_failure (&result, 1, "does not sync");
}

static void
test_refused (Fixture      *fixture,
              gconstpointer user_data)
{
  g_auto (Devices) devices = { 0 };
  g_autofree char *home = NULL;
  g_autofree char *parent = NULL;

  devices_init (fixture, &devices);
  home = g_path_get_dirname (fixture->store.path);
  parent = g_path_get_dirname (home);

  {
    const OutlayCliRefusal cases[] = {
      { 1, "does not sync", { NULL } },
      { 2, "not one of setup, status or leave", { "now", NULL } },
      { 2, "Give the folder", { "setup", NULL } },
      { 1, "There is no folder", { "setup", "/nonexistent/Sync", NULL } },
      { 1, "holds the ledger’s own file", { "setup", home, NULL } },
      { 1, "holds the ledger’s own file", { "setup", parent, NULL } },
      { 1, "needs 1 to 60 characters", { "setup", devices.folder, "--name", "  ", NULL } },
      { 1, "holds no ledger", { "setup", devices.folder, "--ledger", "not-a-uuid", NULL } },
      { 1, "does not sync", { "leave", NULL } },
    };

    assert_refusals (fixture, "sync", cases, G_N_ELEMENTS (cases));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/cli/sync/two-devices", test_two_devices);
  add_test ("/cli/sync/refused", test_refused);

  return g_test_run ();
}
