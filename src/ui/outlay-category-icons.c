/* outlay-category-icons.c
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

/* The icons a category can be drawn with: symbolic icons drawn for Outlay
 * and shipped in its resources (src/ui/icons/categories/), so that they look
 * the same under every icon theme. The catalogue's order is the order in
 * which a chooser shows them, by theme; each icon is found by its keywords,
 * in the user's language and in English. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-category-icons.h"

#define ICON(thing) "outlay-category-" thing "-symbolic"
#define ICON_PREFIX "outlay-category-"
#define ICON_SUFFIX "-symbolic"

/* clang-format 14 indents each row of this table deeper than the last. */
/* clang-format off */
static const OutlayCategoryIconInfo catalogue[] = {
  /* Food and drink */
  /* Translators: the words an icon for a category of expenses is found by
   * in the icon chooser's search, separated by ';'. The first one names the
   * icon (tooltips and screen readers); the others need not translate the
   * English ones word for word: give those people of your language would
   * type. Keep no spaces around the ';'. */
  { ICON ("restaurant"), NC_("category icon keywords", "restaurant;food;meal;eating out;dinner;lunch;cutlery") },
  { ICON ("coffee"), NC_("category icon keywords", "coffee;cafe;tea;cup;breakfast;espresso") },
  { ICON ("groceries"),
    NC_("category icon keywords", "groceries;supermarket;food;shopping cart;market;grocery store") },
  { ICON ("bakery"), NC_("category icon keywords", "bakery;bread;baker;pastry;loaf") },
  { ICON ("drinks"), NC_("category icon keywords", "drinks;bar;cocktail;alcohol;wine;glass;nightlife") },
  { ICON ("beer"), NC_("category icon keywords", "beer;pub;bar;brewery;alcohol") },
  { ICON ("cake"), NC_("category icon keywords", "cake;dessert;sweets;birthday;party;pastry") },

  /* Transport and travel */
  { ICON ("car"), NC_("category icon keywords", "car;vehicle;driving;transport;auto") },
  { ICON ("fuel"), NC_("category icon keywords", "fuel;gas;petrol;gas station;diesel;charging") },
  { ICON ("parking"), NC_("category icon keywords", "parking;car park;parking lot;garage;parking meter") },
  { ICON ("bus"), NC_("category icon keywords", "bus;public transport;coach;transit;commute") },
  { ICON ("train"), NC_("category icon keywords", "train;railway;rail;metro;subway;tram;commute") },
  { ICON ("bicycle"), NC_("category icon keywords", "bicycle;bike;cycling") },
  { ICON ("taxi"), NC_("category icon keywords", "taxi;cab;ride;ride sharing;chauffeur") },
  { ICON ("airplane"), NC_("category icon keywords", "airplane;flight;plane;airport;airline;travel") },
  { ICON ("suitcase"), NC_("category icon keywords", "luggage;suitcase;baggage;trip;vacation;holiday") },
  { ICON ("hotel"), NC_("category icon keywords", "hotel;accommodation;lodging;bed;hostel;stay") },
  { ICON ("travel"), NC_("category icon keywords", "travel;globe;world;trip;abroad;tourism;vacation;holiday") },

  /* Home */
  { ICON ("house"), NC_("category icon keywords", "house;home;housing;mortgage;household") },
  { ICON ("rent"), NC_("category icon keywords", "rent;key;landlord;lease;apartment;flat") },
  { ICON ("electricity"), NC_("category icon keywords", "electricity;power;energy;utilities;electric bill") },
  { ICON ("water"), NC_("category icon keywords", "water;water bill;utilities;drop") },
  { ICON ("heating"), NC_("category icon keywords", "heating;gas;flame;fire;energy;utilities") },
  { ICON ("internet"), NC_("category icon keywords", "internet;wifi;wi-fi;broadband;network;online") },
  { ICON ("phone"), NC_("category icon keywords", "phone;mobile;cell phone;smartphone;phone bill") },
  { ICON ("tv"), NC_("category icon keywords", "television;tv;streaming;cable;screen") },
  { ICON ("repairs"), NC_("category icon keywords", "repairs;maintenance;wrench;fix;plumber;mechanic") },
  { ICON ("tools"), NC_("category icon keywords", "tools;hammer;hardware;diy;do it yourself") },
  { ICON ("garden"), NC_("category icon keywords", "garden;plants;gardening;leaf;nature") },

  /* Health and care */
  { ICON ("health"), NC_("category icon keywords", "health;healthcare;medical;heart;wellness") },
  { ICON ("pharmacy"), NC_("category icon keywords", "pharmacy;medicine;drugs;pills;prescription;chemist") },
  { ICON ("doctor"), NC_("category icon keywords", "doctor;physician;stethoscope;clinic;hospital;checkup") },
  { ICON ("dentist"), NC_("category icon keywords", "dentist;dental;tooth;teeth;orthodontist") },
  { ICON ("beauty"), NC_("category icon keywords", "beauty;haircut;hairdresser;barber;salon;scissors;cosmetics") },

  /* Shopping */
  { ICON ("shopping"), NC_("category icon keywords", "shopping;bag;store;shop;purchase;mall") },
  { ICON ("clothing"), NC_("category icon keywords", "clothing;clothes;shirt;fashion;apparel;shoes") },
  { ICON ("gift"), NC_("category icon keywords", "gift;present;birthday;christmas;holidays") },
  { ICON ("computer"), NC_("category icon keywords", "computer;laptop;electronics;software;tech;hardware") },
  { ICON ("kids"), NC_("category icon keywords", "kids;children;baby;childcare;stroller;toys;babysitter") },
  { ICON ("pets"), NC_("category icon keywords", "pets;pet;dog;cat;vet;veterinarian;animals;paw") },
  { ICON ("flowers"), NC_("category icon keywords", "flowers;flower;florist;bouquet;tulip") },

  /* Leisure */
  { ICON ("sport"), NC_("category icon keywords", "sport;sports;gym;fitness;workout;dumbbell;training") },
  { ICON ("games"), NC_("category icon keywords", "games;video games;gaming;gamepad;console;toys") },
  { ICON ("music"), NC_("category icon keywords", "music;concert;songs;streaming;instrument") },
  { ICON ("cinema"), NC_("category icon keywords", "cinema;movies;film;theater;theatre;clapperboard") },
  { ICON ("tickets"), NC_("category icon keywords", "tickets;ticket;events;show;admission;entertainment") },
  { ICON ("photography"), NC_("category icon keywords", "photography;camera;photos;pictures") },
  { ICON ("art"), NC_("category icon keywords", "art;painting;paint;brush;crafts;hobby") },
  { ICON ("books"), NC_("category icon keywords", "books;book;reading;library;bookshop;magazines") },
  { ICON ("education"),
    NC_("category icon keywords", "education;school;university;college;tuition;courses;graduation") },

  /* Money and work */
  { ICON ("work"), NC_("category icon keywords", "work;business;office;briefcase;job") },
  { ICON ("bank"), NC_("category icon keywords", "bank;bank fees;finance;loan;interest") },
  { ICON ("cash"), NC_("category icon keywords", "cash;money;banknote;withdrawal;atm") },
  { ICON ("savings"), NC_("category icon keywords", "savings;piggy bank;saving;investment;deposit") },
  { ICON ("taxes"), NC_("category icon keywords", "taxes;tax;vat;duty;percent;receipt") },
  { ICON ("insurance"), NC_("category icon keywords", "insurance;umbrella;coverage;protection;policy") },
  { ICON ("subscriptions"), NC_("category icon keywords", "subscriptions;subscription;recurring;membership;renewal") },
  { ICON ("charity"), NC_("category icon keywords", "charity;donation;donations;giving;volunteer;help") },

  /* Anything else */
  { ICON ("star"), NC_("category icon keywords", "star;favorite;favourite;special;important") },
  { ICON ("tag"), NC_("category icon keywords", "tag;label;price;sale;discount") },
  { ICON ("other"), NC_("category icon keywords", "other;miscellaneous;misc;more;everything else") },
};
/* clang-format on */

/* The icons of the theme that ledgers made before the catalogue give their
 * default categories (src/store/outlay-migrations.c), and the shipped icons
 * that draw them: a theme need not have them, and they would look unlike
 * the icons chosen from the catalogue. */
static const struct
{
  const char *theme_icon_name;
  const char *icon_name;
} replacements[] = {
  { "emoji-food-symbolic", ICON ("restaurant") },      /* Food & Drink */
  { "emoji-nature-symbolic", ICON ("groceries") },     /* Groceries */
  { "emoji-travel-symbolic", ICON ("car") },           /* Transport */
  { "user-home-symbolic", ICON ("house") },            /* Housing */
  { "thunderbolt-symbolic", ICON ("electricity") },    /* Utilities */
  { "emoji-body-symbolic", ICON ("health") },          /* Health */
  { "package-x-generic-symbolic", ICON ("shopping") }, /* Shopping */
  { "applications-games-symbolic", ICON ("games") },   /* Entertainment */
  { "airplane-mode-symbolic", ICON ("airplane") },     /* Travel */
  { "view-more-horizontal-symbolic", ICON ("other") }, /* Other */
};

/* What an icon is found by and called, in the language of the session:
 * made once, on first use. */
typedef struct
{
  char  *label;
  char **words; /* folded, see add_words() */
} IconTerms;

/* @text without case and accents: case-folded, decomposed, and without the
 * marks (accents, umlauts, cedillas) that decomposing separates from their
 * letters, so that "Bäckerei" gives "backerei" and "CAFÉ" "cafe". */
static char *
fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  GString         *result = g_string_sized_new (strlen (folded));

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

/* Adds the words of @text, cut at everything that is not a letter or a
 * digit, to @words; once each. */
static void
add_tokens (GPtrArray  *words,
            const char *text)
{
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gboolean in_word = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start != NULL)
        {
          g_autofree char *word = g_strndup (start, p - start);

          if (!g_ptr_array_find_with_equal_func (words, word, g_str_equal, NULL))
            g_ptr_array_add (words, g_steal_pointer (&word));
          start = NULL;
        }

      if (*p == '\0')
        break;
    }
}

/* The words of @text, folded, and also as the session's language spells
 * them in ASCII ("Bäckerei" as "baeckerei" in German). */
static void
add_words (GPtrArray  *words,
           const char *text)
{
  g_autofree char *folded = fold (text);
  g_autofree char *lower = g_utf8_casefold (text, -1);
  g_autofree char *ascii = g_str_to_ascii (lower, NULL);
  g_autofree char *ascii_lower = g_ascii_strdown (ascii, -1);

  add_tokens (words, folded);
  add_tokens (words, ascii_lower);
}

static char *
make_label (const char *keywords)
{
  g_auto (GStrv) split = g_strsplit (keywords, ";", 2);
  const char *first = split[0] != NULL ? g_strstrip (split[0]) : "";
  GString    *label = g_string_new (NULL);

  if (*first != '\0')
    {
      g_string_append_unichar (label, g_unichar_totitle (g_utf8_get_char (first)));
      g_string_append (label, g_utf8_next_char (first));
    }

  return g_string_free (label, FALSE);
}

static IconTerms *
get_terms (void)
{
  static IconTerms *made;

  if (g_once_init_enter (&made))
    {
      IconTerms *all = g_new0 (IconTerms, G_N_ELEMENTS (catalogue));

      for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
        {
          const char      *translated = g_dpgettext2 (GETTEXT_PACKAGE, OUTLAY_CATEGORY_ICON_KEYWORDS_CONTEXT,
                                                      catalogue[i].keywords);
          const char      *name = catalogue[i].icon_name + strlen (ICON_PREFIX);
          g_autofree char *thing = g_strndup (name, strlen (name) - strlen (ICON_SUFFIX));
          GPtrArray       *words = g_ptr_array_new ();

          add_words (words, translated);
          add_words (words, catalogue[i].keywords);
          add_words (words, thing);
          g_ptr_array_add (words, NULL);

          all[i].label = make_label (translated);
          all[i].words = (char **) g_ptr_array_free (words, FALSE);
        }

      g_once_init_leave (&made, all);
    }

  return made;
}

static const IconTerms *
lookup_terms (const OutlayCategoryIconInfo *icon)
{
  g_return_val_if_fail (icon >= catalogue && icon < catalogue + G_N_ELEMENTS (catalogue), NULL);

  return &get_terms ()[icon - catalogue];
}

/**
 * outlay_category_icons_get:
 * @n_icons: (out): where to put the number of icons
 *
 * Returns: (array length=n_icons) (transfer none): every icon a category
 *   can be drawn with, in the order a chooser shows them
 */
const OutlayCategoryIconInfo *
outlay_category_icons_get (guint *n_icons)
{
  g_return_val_if_fail (n_icons != NULL, NULL);

  *n_icons = G_N_ELEMENTS (catalogue);
  return catalogue;
}

/**
 * outlay_category_icons_resolve:
 * @icon_name: (nullable): the icon name a category was saved with
 *
 * Returns: (transfer none): the icon to draw the category with: the shipped
 *   icon that stands for one of the theme's icons that ledgers were given
 *   before the catalogue, the catalogue's "other" icon when there is none,
 *   or else @icon_name itself
 */
const char *
outlay_category_icons_resolve (const char *icon_name)
{
  if (icon_name == NULL || *icon_name == '\0')
    return ICON ("other");

  for (guint i = 0; i < G_N_ELEMENTS (replacements); i++)
    if (strcmp (replacements[i].theme_icon_name, icon_name) == 0)
      return replacements[i].icon_name;

  return icon_name;
}

/**
 * outlay_category_icon_info_matches:
 * @icon: an icon of the catalogue
 * @search: (nullable): what the user typed
 *
 * Whether @icon is one of the results of @search: every word of it begins
 * one of the icon's keywords, in the user's language or in English, or
 * its name. Case and accents do not count ("backerei" finds "Bäckerei"), a
 * German or French word can also be typed as its ASCII spelling
 * ("baeckerei"), and a search without any word finds every icon.
 *
 * Returns: whether @icon matches @search
 */
gboolean
outlay_category_icon_info_matches (const OutlayCategoryIconInfo *icon,
                                   const char                   *search)
{
  const IconTerms *icon_terms = lookup_terms (icon);
  g_autoptr (GPtrArray) search_words = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (icon_terms != NULL, FALSE);

  if (search == NULL)
    return TRUE;

  folded = fold (search);
  search_words = g_ptr_array_new_with_free_func (g_free);
  add_tokens (search_words, folded);

  for (guint i = 0; i < search_words->len; i++)
    {
      const char *word = g_ptr_array_index (search_words, i);
      gboolean    found = FALSE;

      for (guint j = 0; !found && icon_terms->words[j] != NULL; j++)
        found = g_str_has_prefix (icon_terms->words[j], word);

      if (!found)
        return FALSE;
    }

  return TRUE;
}

/**
 * outlay_category_icon_info_get_label:
 * @icon: an icon of the catalogue
 *
 * Returns: (transfer none): the icon's name for tooltips and screen
 *   readers: its first keyword, translated, with a capital ("Restaurant")
 */
const char *
outlay_category_icon_info_get_label (const OutlayCategoryIconInfo *icon)
{
  const IconTerms *icon_terms = lookup_terms (icon);

  g_return_val_if_fail (icon_terms != NULL, NULL);

  return icon_terms->label;
}
