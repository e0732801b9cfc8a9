/* test-category-icons.c
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

/* The icons a category can be drawn with: each one shipped in the
 * resources and found there by the icon theme, named and found by its
 * keywords in German (the program runs in German, as test-i18n does; one
 * test runs a French subprocess) as well as English, and the theme's icons
 * that older ledgers use drawn with shipped ones. */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "outlay-category-icon.h"
#include "outlay-category-icons.h"
#include "outlay-test-utils.h"

#define ICONS_PATH "/io/github/outlay/Outlay/icons"
#define ACTIONS_PATH ICONS_PATH "/scalable/actions/"

/* Why the translations cannot be tested, or NULL when they can. */
static char *setup_failure;

static const OutlayCategoryIconInfo *
find_icon (const char *icon_name)
{
  guint                         n = 0;
  const OutlayCategoryIconInfo *icons = outlay_category_icons_get (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (icons[i].icon_name, icon_name) == 0)
      return &icons[i];

  return NULL;
}

static void
test_catalogue (void)
{
  guint                         n = 0;
  const OutlayCategoryIconInfo *icons = outlay_category_icons_get (&n);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, >=, 50);

  for (guint i = 0; i < n; i++)
    {
      g_auto (GStrv) keywords = g_strsplit (icons[i].keywords, ";", -1);

      g_assert_true (g_str_has_prefix (icons[i].icon_name, "outlay-category-"));
      g_assert_true (g_str_has_suffix (icons[i].icon_name, "-symbolic"));
      g_assert_true (g_hash_table_add (names, (gpointer) icons[i].icon_name));

      /* Words separated by ';', none of them empty or padded. */
      g_assert_cmpuint (g_strv_length (keywords), >=, 2);
      for (guint k = 0; keywords[k] != NULL; k++)
        {
          g_assert_cmpstr (keywords[k], !=, "");
          g_assert_false (g_ascii_isspace (keywords[k][0]));
          g_assert_false (g_ascii_isspace (keywords[k][strlen (keywords[k]) - 1]));
        }
    }
}

/* Every icon of the catalogue is in the resources where GtkApplication
 * makes the icon theme look, and is an SVG that loads; every category
 * icon there is in the catalogue. */
static void
test_resources (void)
{
  guint                         n = 0;
  const OutlayCategoryIconInfo *icons = outlay_category_icons_get (&n);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) shipped = g_resources_enumerate_children (ACTIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strconcat (ACTIONS_PATH, icons[i].icon_name, ".svg", NULL);
      g_autoptr (GBytes) data = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_autoptr (GdkTexture) texture = NULL;
      gsize       size = 0;
      const char *svg = NULL;

      g_assert_no_error (error);
      svg = g_bytes_get_data (data, &size);
      /* GdkPixbuf tells an SVG by "<svg" near its start: GTK reads icons
       * from a stream, without a file name. */
      g_assert_nonnull (g_strstr_len (svg, MIN (size, 256), "<svg"));
      g_assert_nonnull (g_strstr_len (svg, size, "viewBox=\"0 0 16 16\""));

      texture = gdk_texture_new_from_resource (path);
      g_assert_nonnull (texture);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, 16);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, 16);
    }

  for (guint i = 0; shipped[i] != NULL; i++)
    {
      g_autofree char *name = NULL;

      if (!g_str_has_prefix (shipped[i], "outlay-category-"))
        continue;
      name = g_strndup (shipped[i], strlen (shipped[i]) - strlen (".svg"));
      if (find_icon (name) == NULL)
        g_test_fail_printf ("%s is shipped but not in the catalogue", shipped[i]);
    }
}

/* The icon theme finds them, as symbolic icons that it recolours. */
static void
test_icon_theme (void)
{
  GtkIconTheme                 *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  guint                         n = 0;
  const OutlayCategoryIconInfo *icons = outlay_category_icons_get (&n);

  /* What GtkApplication does at startup for its resource base path. */
  gtk_icon_theme_add_resource_path (theme, ICONS_PATH);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkIconPaintable) paintable = NULL;
      g_autoptr (GFile) file = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *expected = g_strconcat ("resource://" ACTIONS_PATH, icons[i].icon_name, ".svg", NULL);

      g_assert_true (gtk_icon_theme_has_icon (theme, icons[i].icon_name));
      paintable = gtk_icon_theme_lookup_icon (theme, icons[i].icon_name, NULL, 32, 1, GTK_TEXT_DIR_LTR, 0);
      g_assert_true (gtk_icon_paintable_is_symbolic (paintable));
      file = gtk_icon_paintable_get_file (paintable);
      g_assert_nonnull (file);
      uri = g_file_get_uri (file);
      g_assert_cmpstr (uri, ==, expected);
    }
}

static gboolean
require_translations (void)
{
  if (setup_failure == NULL)
    return TRUE;

  g_test_fail_printf ("%s", setup_failure);
  return FALSE;
}

/* The icons that match @search, by name without "outlay-category-" and
 * "-symbolic", separated by spaces. */
static char *
matches (const char *search)
{
  guint                         n = 0;
  const OutlayCategoryIconInfo *icons = outlay_category_icons_get (&n);
  GString                      *result = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    if (outlay_category_icon_info_matches (&icons[i], search))
      {
        const char *thing = icons[i].icon_name + strlen ("outlay-category-");

        if (result->len > 0)
          g_string_append_c (result, ' ');
        g_string_append_len (result, thing, strlen (thing) - strlen ("-symbolic"));
      }

  return g_string_free (result, FALSE);
}

static void
assert_matches (const char *search,
                const char *expected)
{
  g_autofree char *found = matches (search);

  if (g_strcmp0 (found, expected) != 0)
    g_test_fail_printf ("\"%s\" finds \"%s\", expected \"%s\"", search, found, expected);
}

static void
test_search (void)
{
  guint n = 0;

  if (!require_translations ())
    return;

  outlay_category_icons_get (&n);

  /* No word: every icon. */
  for (guint i = 0; i < 3; i++)
    {
      static const char *const empty[] = { NULL, "", " ; " };
      g_autofree char         *found = matches (empty[i]);
      g_auto (GStrv) all = g_strsplit (found, " ", -1);

      g_assert_cmpuint (g_strv_length (all), ==, n);
    }

  /* German, whatever the case and accents, and as ASCII spells it. */
  assert_matches ("Bäckerei", "bakery");
  assert_matches ("bäckerei", "bakery");
  assert_matches ("BACKEREI", "bakery");
  assert_matches ("baeckerei", "bakery");
  assert_matches ("ZAHNÄRZTIN", "dentist");
  assert_matches ("zahne", "dentist");
  assert_matches ("Strasse", "train");
  assert_matches ("straße", "train");
  /* A word begins a keyword: "arzt" is the doctor, not the dentist. */
  assert_matches ("arzt", "doctor");
  /* English too, and the icon's name. */
  assert_matches ("bakery", "bakery");
  assert_matches ("Café", "coffee");
  assert_matches ("wi-fi", "internet");
  assert_matches ("  Stethoscope ", "doctor");
  assert_matches ("piggy", "savings");
  /* Every word of the search must match. */
  assert_matches ("eating out", "restaurant");
  assert_matches ("essen gehen", "restaurant");
  assert_matches ("eating in", "");
  assert_matches ("xyzzy", "");
}

static void
test_labels (void)
{
  static const struct
  {
    const char *icon_name;
    const char *label;
  } cases[] = {
    { "outlay-category-bakery-symbolic", "Bäckerei" },
    { "outlay-category-restaurant-symbolic", "Restaurant" },
    { "outlay-category-tv-symbolic", "Fernsehen" },
    { "outlay-category-other-symbolic", "Sonstiges" },
  };
  guint                         n = 0;
  const OutlayCategoryIconInfo *icons = outlay_category_icons_get (&n);

  if (!require_translations ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (outlay_category_icon_info_get_label (find_icon (cases[i].icon_name)), ==, cases[i].label);

  /* Every icon has a name to be read by, from the German translation. */
  for (guint i = 0; i < n; i++)
    {
      const char *label = outlay_category_icon_info_get_label (&icons[i]);
      const char *translated = g_dpgettext2 (GETTEXT_PACKAGE, OUTLAY_CATEGORY_ICON_KEYWORDS_CONTEXT,
                                             icons[i].keywords);

      g_assert_nonnull (label);
      g_assert_true (g_unichar_isupper (g_utf8_get_char (label)));
      g_assert_true (translated != icons[i].keywords);
      g_assert_null (strstr (translated, ";;"));
    }
}

/* In French, in a process of its own (see main()): the catalogue reads the
 * translations once. */
static void
test_french (void)
{
  if (!require_translations ())
    return;

  if (g_test_subprocess ())
    {
      assert_matches ("boulangerie", "bakery");
      assert_matches ("bakery", "bakery");
      assert_matches ("ELECTRICITE", "electricity");
      assert_matches ("coeur", "health");
      assert_matches ("cœur", "health");
      g_assert_cmpstr (outlay_category_icon_info_get_label (find_icon ("outlay-category-bakery-symbolic")), ==,
                       "Boulangerie");
      g_assert_cmpstr (outlay_category_icon_info_get_label (find_icon ("outlay-category-electricity-symbolic")), ==,
                       "Électricité");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The theme's icons that older ledgers gave their default categories are
 * drawn with shipped ones; any other name is left alone. */
static void
test_resolve (void)
{
  static const char *const defaults[] = {
    "emoji-food-symbolic",
    "emoji-nature-symbolic",
    "emoji-travel-symbolic",
    "user-home-symbolic",
    "thunderbolt-symbolic",
    "emoji-body-symbolic",
    "package-x-generic-symbolic",
    "applications-games-symbolic",
    "airplane-mode-symbolic",
    "view-more-horizontal-symbolic",
  };
  const char *unknown = "some-unknown-icon-symbolic";

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      const char      *resolved = outlay_category_icons_resolve (defaults[i]);
      g_autofree char *path = g_strconcat (ACTIONS_PATH, resolved, ".svg", NULL);

      g_assert_nonnull (find_icon (resolved));
      g_assert_true (g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
    }

  g_assert_cmpstr (outlay_category_icons_resolve ("emoji-food-symbolic"), ==, "outlay-category-restaurant-symbolic");
  g_assert_cmpstr (outlay_category_icons_resolve ("view-more-horizontal-symbolic"), ==,
                   "outlay-category-other-symbolic");
  g_assert_true (outlay_category_icons_resolve (unknown) == unknown);
  g_assert_cmpstr (outlay_category_icons_resolve ("outlay-category-bakery-symbolic"), ==,
                   "outlay-category-bakery-symbolic");
  g_assert_cmpstr (outlay_category_icons_resolve (NULL), ==, "outlay-category-other-symbolic");
  g_assert_cmpstr (outlay_category_icons_resolve (""), ==, "outlay-category-other-symbolic");
}

/* A new ledger's categories, and the badge that draws them, use shipped
 * icons. */
static void
test_default_categories (OutlayTestFixture *fixture,
                         gconstpointer      user_data)
{
  GListModel *categories = outlay_repository_get_categories (fixture->repository);
  guint       n = g_list_model_get_n_items (categories);

  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i);
      GtkWidget  *badge = g_object_ref_sink (outlay_category_icon_new ());
      const char *resolved = outlay_category_icons_resolve (outlay_category_get_icon_name (category));
      GtkWidget  *image = NULL;

      g_assert_nonnull (find_icon (resolved));

      outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (badge), category);
      image = gtk_widget_get_first_child (badge);
      g_assert_true (GTK_IS_IMAGE (image));
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, resolved);

      outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (badge), NULL);
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "outlay-category-other-symbolic");
      g_object_unref (badge);
    }
}

/* Runs the program in @language: LANGUAGE is set before GTK starts its
 * threads, the locale after gtk_test_init(), which sets its own. */
static void
setup_translations (const char *language,
                    const char *locale,
                    int        *argc,
                    char     ***argv)
{
  const char      *localedir = g_getenv ("OUTLAY_LOCALEDIR");
  g_autofree char *mo = NULL;

  g_setenv ("LANGUAGE", language, TRUE);
  gtk_test_init (argc, argv, NULL);

  if (localedir == NULL || *localedir == '\0')
    {
      setup_failure = g_strdup ("OUTLAY_LOCALEDIR is not set: run this test with `meson test`");
      return;
    }

  mo = g_build_filename (localedir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      setup_failure = g_strdup_printf ("The translation %s has not been built", mo);
      return;
    }

  if (setlocale (LC_ALL, locale) == NULL)
    {
      setup_failure = g_strdup_printf ("The locale %s is not installed. Run build-aux/install-deps "
                                       "(or generate it with locale-gen) and try again.",
                                       locale);
      return;
    }

  if (bindtextdomain (GETTEXT_PACKAGE, localedir) == NULL ||
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8") == NULL)
    setup_failure = g_strdup_printf ("Could not bind the text domain %s to %s", GETTEXT_PACKAGE, localedir);
}

int
main (int   argc,
      char *argv[])
{
  gboolean french = FALSE;
  int      result;

  /* Only the French test runs a subprocess, which GLib marks so. */
  for (int i = 1; i < argc; i++)
    french = french || g_strcmp0 (argv[i], "--GTestSubprocess") == 0;

  if (french)
    setup_translations ("fr", "fr_FR.UTF-8", &argc, &argv);
  else
    setup_translations ("de", "de_DE.UTF-8", &argc, &argv);

  g_test_add_func ("/category-icons/catalogue", test_catalogue);
  g_test_add_func ("/category-icons/resources", test_resources);
  g_test_add_func ("/category-icons/icon-theme", test_icon_theme);
  g_test_add_func ("/category-icons/search", test_search);
  g_test_add_func ("/category-icons/labels", test_labels);
  g_test_add_func ("/category-icons/french", test_french);
  g_test_add_func ("/category-icons/resolve", test_resolve);
  OUTLAY_TEST_ADD ("/category-icons/default-categories", test_default_categories);

  result = g_test_run ();
  g_free (setup_failure);

  return result;
}
