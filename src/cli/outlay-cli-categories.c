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

/* `outlay categories [list|add|edit|rename|move|hide|show|merge|delete]`. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cli-private.h"

#define DEFAULT_ICON "outlay-category-tag-symbolic"

#define CATEGORY_JSON_HELP                           \
  "  {\n"                                            \
  "    \"id\": 12,\n"                                \
  "    \"uuid\": \"1f0c…\",\n"                     \
  "    \"name\": \"Restaurants\",\n"                 \
  "    \"color\": \"#c64600\",\n"                    \
  "    \"icon\": \"emoji-food-symbolic\",\n"         \
  "    \"position\": 0,\n"                           \
  "    \"parent\": \"Food & Drink\",\n"              \
  "    \"parent_uuid\": \"0c6f…\",\n"              \
  "    \"path\": \"Food & Drink › Restaurants\",\n" \
  "    \"hidden\": false,\n"                         \
  "    \"fallback\": false,\n"                       \
  "    \"expense_count\": 12\n"                      \
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
  OutlayCategory  *parent = outlay_repository_get_parent_category (cli->repository, category);
  g_autofree char *path = outlay_repository_dup_category_path (cli->repository, category);

  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_add_int (builder, "id", outlay_category_get_id (category));
  outlay_cli_json_add_string (builder, "uuid", outlay_category_get_uuid (category));
  outlay_cli_json_add_string (builder, "name", outlay_category_get_name (category));
  outlay_cli_json_add_string (builder, "color", outlay_category_get_color (category));
  outlay_cli_json_add_string (builder, "icon", outlay_category_get_icon_name (category));
  outlay_cli_json_add_int (builder, "position", outlay_category_get_position (category));
  outlay_cli_json_add_string (builder, "parent", parent != NULL ? outlay_category_get_name (parent) : NULL);
  outlay_cli_json_add_string (builder, "parent_uuid", parent != NULL ? outlay_category_get_uuid (parent) : NULL);
  outlay_cli_json_add_string (builder, "path", path);
  outlay_cli_json_add_bool (builder, "hidden", outlay_category_get_hidden (category));
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

/* A category as the list names it: "Food & Drink › Restaurants", and
 * whether it is hidden. */
static char *
list_name (OutlayCli      *cli,
           OutlayCategory *category)
{
  g_autofree char *path = outlay_repository_dup_category_path (cli->repository, category);

  if (!outlay_category_get_hidden (category))
    return g_steal_pointer (&path);

  /* Translators: a category in the list of `outlay categories` that is not offered for new expenses */
  return g_strdup_printf (_("%s (hidden)"), path);
}

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
    outlay_cli_context_new (cli, _("[list|add|edit|rename|move|hide|show|merge|delete] …"),
                            _("Lists the categories in their order, each followed by its subcategories, with how "
                              "many expenses each has. “outlay categories add”, “edit”, “rename”, “move”, “hide”, "
                              "“show”, “merge” and “delete” change them; each has its own --help. A subcategory is "
                              "named “Parent › Child” or “Parent:Child” where its name alone is not enough."),
                            _("Examples:\n"
                              "  outlay categories\n"
                              "  outlay categories add Pets --color '#986a44' --icon face-monkey-symbolic\n"
                              "  outlay categories add Restaurants --parent 'Food & Drink'\n"
                              "  outlay categories rename 'Food & Drink' 'Eating out'\n"
                              "  outlay categories merge Takeaway Restaurants\n"
                              "  outlay categories delete Travel --move-to Other\n"
                              "\n"
                              "With --json, an array of category objects; parent is the name of the category\n"
                              "it is under, hidden is true for one not offered for new expenses, fallback is\n"
                              "true for the one that takes the expenses of deleted categories:\n"),
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
      g_autofree char *name = NULL;
      guint            count = 0;

      if (!count_expenses (cli, outlay_category_get_id (category), &count, error))
        return FALSE;

      json_category (cli, builder, category, count);
      count_text = g_strdup_printf ("%u", count);
      name = list_name (cli, category);
      outlay_cli_table_add (table, name, outlay_category_get_color (category),
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
  g_autofree char   *parent_text = NULL;
  const GOptionEntry entries[] = {
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent_text, N_("The category to put it under"), N_("NAME") },
    { "color", 0, 0, G_OPTION_ARG_FILENAME, &color_text,
      N_("Its colour, #rrggbb (default: a colour of GNOME’s palette no category has yet)"), N_("#RRGGBB") },
    { "icon", 0, 0, G_OPTION_ARG_FILENAME, &icon_text,
      N_("The name of its symbolic icon (default: outlay-category-tag-symbolic)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  OutlayCategory  *category;
  OutlayCategory  *parent = NULL;
  const char      *summary = _("Adds a category at the end of the list, or of the subcategories of --parent.");

  context = outlay_cli_context_new (cli, _("NAME"), summary,
                                    _("Examples:\n"
                                      "  outlay categories add Pets\n"
                                      "  outlay categories add Kids and School --color '#c061cb' --icon "
                                      "applications-science-symbolic\n"
                                      "  outlay categories add Restaurants --parent 'Food & Drink'\n"
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

  if (parent_text != NULL && !(parent = outlay_cli_find_category (cli, parent_text, error)))
    return FALSE;

  category = outlay_repository_add_subcategory (cli->repository, parent, name,
                                                icon_text != NULL ? icon_text : DEFAULT_ICON,
                                                color_text != NULL ? color_text : pick_color (cli), error);
  if (category == NULL)
    return FALSE;

  if (cli->json)
    return print_json_category (cli, category, error);

  path = outlay_repository_dup_category_path (cli->repository, category);
  outlay_cli_print (_("Added category “%s” (%s, %s).\n"), path, outlay_category_get_color (category),
                    outlay_category_get_icon_name (category));
  return TRUE;
}

/* edit */

/* Whether edit has anything to do, and its options agree. */
static gboolean
check_edit_options (const OutlayCategoryChanges *changes,
                    const char                  *parent_text,
                    gboolean                     no_parent,
                    GError                     **error)
{
  if (parent_text != NULL && no_parent)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("Give either --parent or --no-parent, not both."));
      return FALSE;
    }

  if (changes->name == NULL && changes->color == NULL && changes->icon_name == NULL && parent_text == NULL &&
      !no_parent)
    {
      g_set_error_literal (error, OUTLAY_CLI_ERROR, OUTLAY_CLI_ERROR_USAGE,
                           _("Say what to change: --name, --parent, --no-parent, --color or --icon."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
edit_category (OutlayCli *cli,
               char     **argv,
               GError   **error)
{
  g_autofree char   *name_text = NULL;
  g_autofree char   *color_text = NULL;
  g_autofree char   *icon_text = NULL;
  g_autofree char   *parent_text = NULL;
  gboolean           no_parent = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name_text, N_("Its new name"), N_("NAME") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent_text, N_("The category to put it under"), N_("NAME") },
    { "no-parent", 0, 0, G_OPTION_ARG_NONE, &no_parent, N_("Put it at the top, under no other category"), NULL },
    { "color", 0, 0, G_OPTION_ARG_FILENAME, &color_text, N_("Its colour, #rrggbb"), N_("#RRGGBB") },
    { "icon", 0, 0, G_OPTION_ARG_FILENAME, &icon_text, N_("The name of its symbolic icon"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char      *name = NULL;
  g_autofree char      *new_name = NULL;
  g_autofree char      *path = NULL;
  OutlayCategory       *category;
  OutlayCategory       *parent = NULL;
  OutlayCategoryChanges changes = { 0 };
  const char           *summary = _("Changes a category: its name, colour, icon, or the category it is under. "
                                    "Its expenses stay in it.");

  context = outlay_cli_context_new (cli, _("NAME"), summary,
                                    _("Examples:\n"
                                      "  outlay categories edit Restaurants --parent 'Food & Drink'\n"
                                      "  outlay categories edit 'Food & Drink › Restaurants' --no-parent\n"
                                      "  outlay categories edit Pets --name Animals --color '#986a44'\n"
                                      "\n"
                                      "With --json, the changed category object:\n"),
                                    CATEGORY_JSON_HELP, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  changes.name = name_text;
  changes.color = color_text;
  changes.icon_name = icon_text;
  if (!outlay_cli_expect_args (cli, args, 1, G_MAXUINT, _("Give the name of the category to change."), error) ||
      !(name = text_or_join (&args[1], _("The name"), error)) ||
      !check_edit_options (&changes, parent_text, no_parent, error))
    return FALSE;

  if (name_text != NULL && !(new_name = outlay_cli_text (name_text, _("The new name"), error)))
    return FALSE;

  if (!outlay_cli_open (cli, FALSE, error) || !(category = outlay_cli_find_category (cli, name, error)) ||
      (parent_text != NULL && !(parent = outlay_cli_find_category (cli, parent_text, error))))
    return FALSE;

  changes.name = new_name;
  changes.parent_uuid = no_parent ? "" : parent != NULL ? outlay_category_get_uuid (parent) : NULL;
  if (!outlay_repository_change_category (cli->repository, outlay_category_get_id (category), &changes, error))
    return FALSE;

  if (cli->json)
    return print_json_category (cli, category, error);

  path = outlay_repository_dup_category_path (cli->repository, category);
  outlay_cli_print (_("Changed category “%s” (%s, %s).\n"), path, outlay_category_get_color (category),
                    outlay_category_get_icon_name (category));
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

/* move */

static gboolean
move_category (OutlayCli *cli,
               char     **argv,
               GError   **error)
{
  g_autofree char   *position_text = NULL;
  const GOptionEntry entries[] = {
    { "position", 0, 0, G_OPTION_ARG_STRING, &position_text,
      N_("Its place among the categories beside it, from 1"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *name = NULL;
  OutlayCategory  *category;
  guint            position = 0;
  const char      *summary = _("Moves a category among the ones beside it: the categories at the top, or the "
                               "subcategories of its category. The others keep their order.");

  context = outlay_cli_context_new (cli, _("NAME --position N"), summary,
                                    _("Examples:\n"
                                      "  outlay categories move Other --position 1\n"
                                      "  outlay categories move 'Food & Drink › Coffee' --position 2\n"
                                      "\n"
                                      "With --json, the moved category object:\n"),
                                    CATEGORY_JSON_HELP, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, G_MAXUINT, _("Give the name of the category to move."), error) ||
      !(name = text_or_join (&args[1], _("The name"), error)) ||
      !outlay_cli_parse_position (position_text, &position, error))
    return FALSE;

  if (!outlay_cli_open (cli, FALSE, error) || !(category = outlay_cli_find_category (cli, name, error)) ||
      !outlay_repository_move_category (cli->repository, outlay_category_get_id (category), position - 1, error))
    return FALSE;

  if (cli->json)
    return print_json_category (cli, category, error);

  outlay_cli_print (_("Moved category “%s” to place %u.\n"), outlay_category_get_name (category), position);
  return TRUE;
}

/* hide, show */

static gboolean
set_hidden (OutlayCli *cli,
            char     **argv,
            gboolean   hidden,
            GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *name = NULL;
  OutlayCategory  *category;
  const char      *summary = NULL;
  const char      *example = NULL;
  gint64           id;

  if (hidden)
    {
      summary = _("Hides a category: its expenses stay in it, but it is not offered for new ones, nor are its "
                  "subcategories.");
      example = _("Example:\n"
                  "  outlay categories hide Travel\n"
                  "\n"
                  "With --json, the category object:\n");
    }
  else
    {
      summary = _("Shows a hidden category again: it is offered for new expenses.");
      example = _("Example:\n"
                  "  outlay categories show Travel\n"
                  "\n"
                  "With --json, the category object:\n");
    }

  context = outlay_cli_context_new (cli, _("NAME"), summary, example, CATEGORY_JSON_HELP, NULL);
  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, G_MAXUINT, _("Give the name of a category."), error) ||
      !(name = text_or_join (&args[1], _("The name"), error)) || !outlay_cli_open (cli, FALSE, error) ||
      !(category = outlay_cli_find_category (cli, name, error)))
    return FALSE;

  id = outlay_category_get_id (category);
  if (!outlay_repository_set_category_hidden (cli->repository, id, hidden, error))
    return FALSE;

  if (cli->json)
    return print_json_category (cli, category, error);

  if (hidden)
    outlay_cli_print (_("Hid category “%s”; its expenses stay in it.\n"), outlay_category_get_name (category));
  else
    outlay_cli_print (_("Showed category “%s”.\n"), outlay_category_get_name (category));
  return TRUE;
}

static gboolean
hide_category (OutlayCli *cli,
               char     **argv,
               GError   **error)
{
  return set_hidden (cli, argv, TRUE, error);
}

static gboolean
show_category (OutlayCli *cli,
               char     **argv,
               GError   **error)
{
  return set_hidden (cli, argv, FALSE, error);
}

/* merge, delete */

#define REMOVAL_JSON_HELP             \
  "  {\n"                             \
  "    \"deleted\": \"Travel\",\n"    \
  "    \"deleted_id\": 9,\n"          \
  "    \"moved_expenses\": 3,\n"      \
  "    \"moved_subcategories\": 0,\n" \
  "    \"moved_to\": \"Other\",\n"    \
  "    \"moved_to_id\": 10\n"         \
  "  }\n"

static void
print_removal_json (const char            *deleted_name,
                    gint64                 deleted_id,
                    const char            *target_name,
                    OutlayCategoryRemoval *removal)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  outlay_cli_json_begin_object (builder, NULL);
  outlay_cli_json_add_string (builder, "deleted", deleted_name);
  outlay_cli_json_add_int (builder, "deleted_id", deleted_id);
  outlay_cli_json_add_int (builder, "moved_expenses", outlay_category_removal_get_n_expenses (removal));
  outlay_cli_json_add_int (builder, "moved_subcategories", outlay_category_removal_get_n_subcategories (removal));
  outlay_cli_json_add_string (builder, "moved_to", target_name);
  outlay_cli_json_add_positive (builder, "moved_to_id", outlay_category_removal_get_into_id (removal));
  json_builder_end_object (builder);
  outlay_cli_json_print (builder);
}

/* Deletes @category into @into (%NULL: its parent, or Other) and says what
 * moved. */
static gboolean
remove_category (OutlayCli      *cli,
                 OutlayCategory *category,
                 OutlayCategory *into,
                 gboolean        merge,
                 GError        **error)
{
  g_autoptr (OutlayCategoryRemoval) removal = NULL;
  /* The category object leaves the list when it is deleted. */
  g_autofree char *deleted_name = outlay_repository_dup_category_path (cli->repository, category);
  g_autofree char *target_name = NULL;
  gint64           deleted_id = outlay_category_get_id (category);
  gint64           into_id = into != NULL ? outlay_category_get_id (into) : 0;
  OutlayCategory  *target;
  guint            moved, children;

  if (!(removal = outlay_repository_remove_category (cli->repository, deleted_id, into_id, merge, error)))
    return FALSE;

  target = outlay_repository_lookup_category (cli->repository, outlay_category_removal_get_into_id (removal));
  target_name = target != NULL ? outlay_repository_dup_category_path (cli->repository, target) : g_strdup ("");
  moved = outlay_category_removal_get_n_expenses (removal);
  children = outlay_category_removal_get_n_subcategories (removal);

  if (cli->json)
    {
      print_removal_json (deleted_name, deleted_id, target_name, removal);
      return TRUE;
    }

  if (merge)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Merged category “%s” into “%s”; %u expense moved.\n",
                                   "Merged category “%s” into “%s”; %u expenses moved.\n", moved),
                      deleted_name, target_name, moved);
  else
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Deleted category “%s”; %u expense moved to “%s”.\n",
                                   "Deleted category “%s”; %u expenses moved to “%s”.\n", moved),
                      deleted_name, moved, target_name);

  if (children > 0 && !merge)
    outlay_cli_print (g_dngettext (GETTEXT_PACKAGE, "Its %u subcategory is now a category of its own.\n",
                                   "Its %u subcategories are now categories of their own.\n", children),
                      children);
  return TRUE;
}

static gboolean
merge_category (OutlayCli *cli,
                char     **argv,
                GError   **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *from_name = NULL;
  g_autofree char *into_name = NULL;
  OutlayCategory  *from;
  OutlayCategory  *into;
  const char      *summary = _("Merges a category into another: its expenses (deleted ones too), its "
                               "subcategories, and the budgets, recurring expenses and rules that name it move to "
                               "INTO, and FROM is deleted. The ledger’s totals stay the same.");
  const char      *usage = _("Give the category to merge and the one to merge it into (quote names with spaces).");

  context = outlay_cli_context_new (cli, _("FROM INTO"), summary,
                                    _("Example:\n"
                                      "  outlay categories merge Takeaway 'Food & Drink'\n"
                                      "\n"
                                      "With --json:\n"),
                                    REMOVAL_JSON_HELP, NULL);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 2, 2, usage, error) ||
      !(from_name = outlay_cli_text (args[1], _("The name"), error)) ||
      !(into_name = outlay_cli_text (args[2], _("The name"), error)))
    return FALSE;

  if (!outlay_cli_open (cli, FALSE, error) || !(from = outlay_cli_find_category (cli, from_name, error)) ||
      !(into = outlay_cli_find_category (cli, into_name, error)))
    return FALSE;

  return remove_category (cli, from, into, TRUE, error);
}

static gboolean
delete_category (OutlayCli *cli,
                 char     **argv,
                 GError   **error)
{
  g_autofree char   *move_to_text = NULL;
  const GOptionEntry entries[] = {
    { "move-to", 0, 0, G_OPTION_ARG_STRING, &move_to_text,
      N_("The category its expenses move to (default: the one it is under, or Other)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = g_strdupv (argv);
  g_autofree char *name = NULL;
  OutlayCategory  *category;
  OutlayCategory  *into = NULL;
  const char      *summary = _("Deletes a category. Its expenses, deleted ones too, move to --move-to, or to the "
                               "category it is under, or to the one that takes them (“Other”), which cannot itself "
                               "be deleted; its subcategories become categories of their own.");

  context = outlay_cli_context_new (cli, _("NAME"), summary,
                                    _("Examples:\n"
                                      "  outlay categories delete Travel\n"
                                      "  outlay categories delete Takeaway --move-to 'Food & Drink'\n"
                                      "\n"
                                      "With --json:\n"),
                                    REMOVAL_JSON_HELP, entries);

  if (!outlay_cli_parse (cli, context, &args, error))
    return FALSE;
  if (cli->help)
    return TRUE;

  if (!outlay_cli_expect_args (cli, args, 1, G_MAXUINT, _("Give the name of the category to delete."), error) ||
      !(name = text_or_join (&args[1], _("The name"), error)))
    return FALSE;

  if (!outlay_cli_open (cli, FALSE, error) || !(category = outlay_cli_find_category (cli, name, error)) ||
      (move_to_text != NULL && !(into = outlay_cli_find_category (cli, move_to_text, error))))
    return FALSE;

  return remove_category (cli, category, into, FALSE, error);
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
    { "edit", "categories edit", edit_category },
    { "rename", "categories rename", rename_category },
    { "move", "categories move", move_category },
    { "hide", "categories hide", hide_category },
    { "show", "categories show", show_category },
    { "merge", "categories merge", merge_category },
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
               _("“%s” is not one of list, add, edit, rename, move, hide, show, merge or delete."), argv[sub]);
  return FALSE;
}
