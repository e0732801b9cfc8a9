/* outlay-cli-categories.c
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

/* `outlay categories [list|add|rename|delete]`. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cli-private.h"

#define DEFAULT_ICON "folder-symbolic"

#define CATEGORY_JSON_HELP                   \
  "  {\n"                                    \
  "    \"id\": 1,\n"                         \
  "    \"uuid\": \"1f0c…\",\n"             \
  "    \"name\": \"Food & Drink\",\n"        \
  "    \"color\": \"#e66100\",\n"            \
  "    \"icon\": \"emoji-food-symbolic\",\n" \
  "    \"position\": 0,\n"                   \
  "    \"fallback\": false,\n"               \
  "    \"expense_count\": 12\n"              \
  "  }\n"

/* GNOME's palette, for a new category without --color: the first colour
 * no category has yet. */
static const char *const palette[] = {
  "#3584e4",
  "#33d17a",
  "#f6d32d",
  "#ff7800",
  "#e01b24",
  "#9141ac",
  "#986a44",
  "#62a0ea",
  "#57e389",
  "#f8e45c",
  "#ffa348",
  "#f66151",
  "#c061cb",
  "#cdab8f",
};

static const char *
pick_color (OutlayCli *cli)
{
  GListModel *categories = outlay_repository_get_categories (cli->repository);
  guint       n = g_list_model_get_n_items (categories);

  for (guint p = 0; p < G_N_ELEMENTS (palette); p++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);

          used = g_ascii_strcasecmp (outlay_category_get_color (category), palette[p]) == 0;
        }

      if (!used)
        return palette[p];
    }

  return palette[n % G_N_ELEMENTS (palette)];
}

static gboolean
count_expenses (OutlayCli *cli,
                gint64     category_id,
                guint     *count,
                GError   **error)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();

  outlay_query_set_categories (query, &category_id, 1);
  return outlay_repository_count_expenses (cli->repository, query, count, error);
}

static gboolean
is_fallback (OutlayCli      *cli,
             OutlayCategory *category)
{
  return outlay_repository_get_fallback_category (cli->repository) == category;
}

static void
json_category (OutlayCli      *cli,
               JsonBuilder    *builder,
               OutlayCategory *category,
               guint           count)
{
  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_add_int (builder, "id", outlay_category_get_id (category));
  outlay_cli_json_add_string (builder, "uuid", outlay_category_get_uuid (category));
  outlay_cli_json_add_string (builder, "name", outlay_category_get_name (category));
  outlay_cli_json_add_string (builder, "color", outlay_category_get_color (category));
  outlay_cli_json_add_string (builder, "icon", outlay_category_get_icon_name (category));
  outlay_cli_json_add_int (builder, "position", outlay_category_get_position (category));
  outlay_cli_json_add_bool (builder, "fallback", is_fallback (cli, category));
  outlay_cli_json_add_int (builder, "expense_count", count);
  json_builder_end_object (builder);
}

static gboolean
print_json_category (OutlayCli      *cli,
                     OutlayCategory *category,
                     GError        **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  guint count = 0;

  if (!count_expenses (cli, outlay_category_get_id (category), &count, error))
    return FALSE;

  json_category (cli, builder, category, count);
  outlay_cli_json_print (builder);
  return TRUE;
}

static char *
text_or_join (char      **words,
              const char *what,
              GError    **error)
{
  g_autofree char *joined = g_strjoinv (" ", words);

  return outlay_cli_text (joined, what, error);
}

/* list */

static gboolean
list_categories (OutlayCli *cli,
                 char     **argv,
                 GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autoptr (OutlayCliTable) table = outlay_cli_table_new (4);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GListModel     *categories;
  OutlayCategory *fallback;
  guint           n;

  context =
    outlay_cli_context_new (cli, _("[list|add|rename|delete] …"),
                            _("Lists the categories in their order, with how many expenses each has. "
                              "“outlay categories add”, “rename” and “delete” change them; each has its own --help."),
                            _("Examples:\n"
                              "  outlay categories\n"
                              "  outlay categories add Pets --color '#986a44' --icon face-monkey-symbolic\n"
                              "  outlay categories rename 'Food & Drink' 'Eating out'\n"
                              "  outlay categories delete Travel\n"
                              "\n"
                              "With --json, an array of category objects; fallback is true for the one that\n"
                              "takes the expenses of deleted categories:\n"),
                            "[\n" CATEGORY_JSON_HELP "]\n", NULL);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 0, 0, NULL, error) ||
      !outlay_cli_open (cli, FALSE, error))
    return FALSE;

  categories = outlay_repository_get_categories (cli->repository);
  n = g_list_model_get_n_items (categories);
  fallback = outlay_repository_get_fallback_category (cli->repository);

  outlay_cli_json_begin_array (builder, NULL);
  outlay_cli_table_align_right (table, 3);
  outlay_cli_table_add (table, _("NAME"), _("COLOR"), _("ICON"), _("EXPENSES"), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      g_autofree char *count_text = NULL;
      guint            count = 0;

      if (!count_expenses (cli, outlay_category_get_id (category), &count, error))
        return FALSE;

      json_category (cli, builder, category, count);
      count_text = g_strdup_printf ("%u", count);
      outlay_cli_table_add (table, outlay_category_get_name (category), outlay_category_get_color (category),
                            outlay_category_get_icon_name (category), count_text, NULL);
    }

  json_builder_end_array (builder);

  if (cli->json)
    outlay_cli_json_print (builder);
  else
    {
      outlay_cli_table_print (table, NULL);
      if (fallback != NULL)
        outlay_cli_print (_("\n“%s” takes the expenses of deleted categories and cannot be deleted.\n"),
                          outlay_category_get_name (fallback));
    }

  return TRUE;
}

/* add */

static gboolean
add_category (OutlayCli *cli,
              char     **argv,
              GError   **error)
{
  g_autofree char   *color_text = NULL;
  g_autofree char   *icon_text = NULL;
  const GOptionEntry entries[] = {
    { "color", 0, 0, G_OPTION_ARG_FILENAME, &color_text,
      N_("Its colour, #rrggbb (default: a colour of GNOME’s palette no category has yet)"), N_("#RRGGBB") },
    { "icon", 0, 0, G_OPTION_ARG_FILENAME, &icon_text,
      N_("The name of its symbolic icon (default: folder-symbolic)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *name = NULL;
  OutlayCategory  *category;

  context = outlay_cli_context_new (cli, _("NAME"), _("Adds a category at the end of the list."),
                                    _("Examples:\n"
                                      "  outlay categories add Pets\n"
                                      "  outlay categories add Kids and School --color '#c061cb' --icon "
                                      "applications-science-symbolic\n"
                                      "\n"
                                      "With --json, the new category object:\n"),
                                    CATEGORY_JSON_HELP, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, G_MAXUINT, _("Give the name of the new category."), error) ||
      !(name = text_or_join (&args[1], _("The name"), error)) ||
      !outlay_cli_open (cli, TRUE, error))
    return FALSE;

  category = outlay_repository_add_category (cli->repository, name,
                                             icon_text != NULL ? icon_text : DEFAULT_ICON,
                                             color_text != NULL ? color_text : pick_color (cli),
                                             error);
  if (category == NULL)
    return FALSE;

  if (cli->json)
    return print_json_category (cli, category, error);

  outlay_cli_print (_("Added category “%s” (%s, %s).\n"), outlay_category_get_name (category),
                    outlay_category_get_color (category), outlay_category_get_icon_name (category));
  return TRUE;
}

/* rename */

static gboolean
rename_category (OutlayCli *cli,
                 char     **argv,
                 GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *was = NULL;
  OutlayCategory  *category;

  context = outlay_cli_context_new (cli, _("OLD NEW"),
                                    _("Renames a category; its expenses stay in it."),
                                    _("Example:\n"
                                      "  outlay categories rename 'Food & Drink' 'Eating out'\n"
                                      "\n"
                                      "With --json, the renamed category object:\n"),
                                    CATEGORY_JSON_HELP,
                                    NULL);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 2, 2,
                               _("Give the name of a category and its new name (quote names with spaces)."), error) ||
      !(old_name = outlay_cli_text (args[1], _("The name"), error)) ||
      !(new_name = outlay_cli_text (args[2], _("The new name"), error)) || !outlay_cli_open (cli, FALSE, error) ||
      !(category = outlay_cli_find_category (cli, old_name, error)))
    return FALSE;

  was = g_strdup (outlay_category_get_name (category));
  if (!outlay_repository_rename_category (cli->repository, outlay_category_get_id (category), new_name, error))
    return FALSE;

  if (cli->json)
    return print_json_category (cli, category, error);

  outlay_cli_print (_("Renamed category “%s” to “%s”.\n"), was, outlay_category_get_name (category));
  return TRUE;
}

/* delete */

static gboolean
delete_category (OutlayCli *cli,
                 char     **argv,
                 GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *name = NULL;
  g_autofree char *deleted_name = NULL;
  OutlayCategory  *category;
  OutlayCategory  *fallback;
  gint64           deleted_id;
  guint            moved = 0;

  context = outlay_cli_context_new (cli, _("NAME"),
                                    _("Deletes a category. Its expenses, deleted ones too, move to the category "
                                      "that takes them (“Other”), which cannot itself be deleted."),
                                    _("Example:\n"
                                      "  outlay categories delete Travel\n"
                                      "\n"
                                      "With --json:\n"),
                                    "  {\n"
                                    "    \"deleted\": \"Travel\",\n"
                                    "    \"deleted_id\": 9,\n"
                                    "    \"moved_expenses\": 3,\n"
                                    "    \"moved_to\": \"Other\",\n"
                                    "    \"moved_to_id\": 10\n"
                                    "  }\n",
                                    NULL);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, G_MAXUINT, _("Give the name of the category to delete."), error) ||
      !(name = text_or_join (&args[1], _("The name"), error)) ||
      !outlay_cli_open (cli, FALSE, error) ||
      !(category = outlay_cli_find_category (cli, name, error)))
    return FALSE;

  /* The category object leaves the list when it is deleted. */
  deleted_name = g_strdup (outlay_category_get_name (category));
  deleted_id = outlay_category_get_id (category);

  if (!outlay_repository_delete_category (cli->repository, deleted_id, &moved, error))
    return FALSE;

  fallback = outlay_repository_get_fallback_category (cli->repository);

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      outlay_cli_json_begin_object (builder, NULL);
      outlay_cli_json_add_string (builder, "deleted", deleted_name);
      outlay_cli_json_add_int (builder, "deleted_id", deleted_id);
      outlay_cli_json_add_int (builder, "moved_expenses", moved);
      outlay_cli_json_add_string (builder, "moved_to", fallback != NULL ? outlay_category_get_name (fallback) : NULL);
      outlay_cli_json_add_positive (builder, "moved_to_id", fallback != NULL ? outlay_category_get_id (fallback) : 0);
      json_builder_end_object (builder);
      outlay_cli_json_print (builder);
      return TRUE;
    }

  outlay_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                 "Deleted category “%s”; %u expense moved to “%s”.\n",
                                 "Deleted category “%s”; %u expenses moved to “%s”.\n", moved),
                    deleted_name, moved, fallback != NULL ? outlay_category_get_name (fallback) : "");
  return TRUE;
}

gboolean
outlay_cli_categories (OutlayCli *cli,
                       char     **argv,
                       GError   **error)
{
  static const struct
  {
    const char      *name;
    const char      *command;
    OutlayCliRunFunc run;
  } subcommands[] = {
    { "list", "categories list", list_categories },
    { "add", "categories add", add_category },
    { "rename", "categories rename", rename_category },
    { "delete", "categories delete", delete_category },
  };
  int sub = outlay_cli_find_argument (argv);
  g_autoptr (GPtrArray) rest = NULL;

  if (sub < 0)
    return list_categories (cli, argv, error);

  rest = g_ptr_array_new ();
  for (int i = 0; argv[i] != NULL; i++)
    if (i != sub)
      g_ptr_array_add (rest, argv[i]);
  g_ptr_array_add (rest, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      if (g_str_equal (argv[sub], subcommands[i].name))
        {
          cli->command = subcommands[i].command;
          return subcommands[i].run (cli, (char **) rest->pdata, error);
        }
    }

  g_set_error (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
               _("“%s” is not one of list, add, rename or delete."), argv[sub]);
  return FALSE;
}
