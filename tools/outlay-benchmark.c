/* benchmark.c
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

#include "config.h"

/* outlay-benchmark: how the store and the lazy model behave at a size no
 * person reaches by hand (a million expenses by default).
 *
 *   outlay-benchmark [--count N] [--runs R] [--database PATH] [--keep]
 *                    [--seed S] [--profile]
 *
 * It fills a database with N generated expenses (ten years up to today,
 * the default categories, a vocabulary of a few hundred descriptions, one
 * rare word and one common one), then prints one line per figure,
 * `name: value unit`, each the median of R runs, and last which of the
 * targets are met. The data comes from a fixed seed, so two runs on one
 * machine compare. The bulk insert is measured once, over the whole load.
 * --profile adds, per SQL statement, the time it ran and the plan of its
 * slowest run, for the load and for the measurements.
 *
 * Timings are wall clock: other busy processes on the machine show in the
 * maxima (the load average is printed, and get_item's maximum in thread
 * CPU time too).
 *
 * It is run by hand, not by `meson test`. */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "outlay-csv.h"
#include "outlay-currency.h"
#include "outlay-database-private.h"
#include "outlay-expense-model.h"
#include "outlay-export.h"
#include "outlay-import-loader.h"
#include "outlay-importer.h"
#include "outlay-rate-file.h"
#include "outlay-period.h"
#include "outlay-rates-import.h"
#include "outlay-reader.h"
#include "outlay-repository.h"

#define DEFAULT_COUNT 1000000
#define DEFAULT_RUNS 5
#define DEFAULT_SEED 20260101
#define BATCH_SIZE 50000
#define YEARS 10
#define N_RANDOM_POSITIONS 1000
#define N_FIRST_ROWS 100
#define N_RARE_ROWS 10
#define RARE_WORD "zeppelin"
#define COMMON_WORD "coffee"

/* The targets of DESIGN.md's "fast and small at 1,000,000 expenses". */
#define TARGET_OPEN_FIRST_ROWS_MS 50.0
#define TARGET_GET_ITEM_MS 1.0
#define TARGET_AGGREGATE_MS 10.0
#define TARGET_RARE_SEARCH_MS 5.0
#define TARGET_MODEL_MEMORY_MB 30.0
#define TARGET_BULK_INSERT_ROWS_S 300000.0
#define TARGET_FIRST_PAGE_MS 100.0
/* Issue 12: a file of --count lines imported into an empty ledger. */
#define TARGET_IMPORT_PEAK_RSS_MB 150.0
#define TARGET_IMPORT_LINES_S 100000.0
/* Issue 13: the Dashboard's budgets, each in its period, over the ledger. */
#define TARGET_BUDGETS_MS 10.0
#define N_BUDGETS 20
/* Issue 14: the next 30 days of 200 recurring expenses (the Dashboard's
 * Upcoming), and a year of them caught up at once. */
#define TARGET_UPCOMING_MS 5.0
#define TARGET_CATCH_UP_MS 1000.0
#define N_RULES 200
/* Issue 15: 50 rules that file expenses applied to the whole ledger, as
 * "Apply Rules to Existing Expenses…" does: planned in a worker, written
 * in one transaction. */
#define TARGET_RULES_MS 10000.0
#define N_CATEGORY_RULES 50
#define MAX_RULES_RUNS 3
/* Issue 15: the same import with 50 rules that file its lines (the bank
 * export without its category column, so that every line goes by them)
 * takes at most this much longer than without rules. */
#define TARGET_IMPORT_RULES_EXTRA_PERCENT 10.0
/* Issue 17: the ECB's whole history of reference rates, as it will be in
 * a couple of years, read from memory. */
#define TARGET_RATE_FILE_MS 1000.0
#define N_RATE_YEARS 27
#define N_RATE_CURRENCIES 41
/* Issue 17: that history imported into the ledger of a million expenses,
 * in one transaction; and the Dashboard's total of this month converted
 * to euros when its expenses are in five currencies. */
#define TARGET_RATES_IMPORT_MS 5000.0
#define TARGET_CONVERTED_MS 10.0
/* What GNOME Shell's search asks at each letter typed in the overview:
 * the newest 20 expenses with a word starting so (outlay-search-provider.c).
 * It answers in a worker, and the overview waits for every provider. */
#define TARGET_SHELL_SEARCH_MS 10.0
#define N_SHELL_RESULTS 20
#define N_ABROAD_EXPENSES 2000
/* One line in this many of the generated bank export is money received. */
#define IMPORT_INCOME_EVERY 100

/* The vocabulary */

typedef struct
{
  guint              weight;    /* share of the expenses, in percent */
  gint64             min_cents; /* the range of one amount */
  gint64             max_cents;
  const char *const *items;
  const char *const *shops;
} CategoryProfile;

static const char *const food_items[] = {
  "Coffee", "Coffee and croissant", "Iced coffee", "Cappuccino", "Espresso",
  "Latte macchiato", "Tea", "Lunch", "Dinner", "Breakfast", "Brunch", "Pizza",
  "Burger", "Sushi", "Kebab", "Ramen", "Pho", "Falafel wrap", "Sandwich",
  "Salad bowl", "Ice cream", "Beer", "Wine", "Cocktails", "Smoothie", "Bakery",
  "Pastries", "Takeaway", "Food delivery", "Canteen", "Snack", "Bagel", "Tapas",
  "Curry", "Dumplings", NULL
};
static const char *const food_shops[] = {
  "Starbucks", "Costa Coffee", "Coffee Fellows", "Pret A Manger", "McDonald's",
  "Burger King", "Subway", "Vapiano", "Wagamama", "Nando's", "Domino's",
  "Deliveroo", "Uber Eats", "Lieferando", "Paul", "Le Pain Quotidien",
  "the corner café", "the Italian place", "the Thai place", "the food truck", NULL
};
static const char *const grocery_items[] = {
  "Supermarket", "Groceries", "Weekly shop", "Fruit and vegetables", "Bread",
  "Milk and eggs", "Cheese", "Meat", "Fish", "Coffee beans", "Organic market",
  "Farmers market", "Drinks", "Water", "Pet food", "Cleaning supplies", "Spices",
  "Rice and pasta", "Frozen food", "Baby food", "Snacks", "Wine for dinner",
  "Butcher", "Bakery", "Deli", NULL
};
static const char *const grocery_shops[] = {
  "Lidl", "Aldi", "Rewe", "Edeka", "Carrefour", "Tesco", "Sainsbury's",
  "Albert Heijn", "Monoprix", "Migros", "Coop", "Spar", "Penny", "Netto",
  "Kaufland", "Mercadona", "Esselunga", "Delhaize", "Jumbo", "Billa",
  "Denns BioMarkt", "Asia market", NULL
};
static const char *const transport_items[] = {
  "Bus ticket", "Tram ticket", "Metro ticket", "Train ticket", "Monthly pass",
  "Taxi", "Uber", "Bolt ride", "Fuel", "Petrol", "Diesel", "Parking", "Car wash",
  "Bike repair", "Bike rental", "E-scooter", "Toll", "Car insurance",
  "Car service", "Tyres", "Ferry", "Airport shuttle", "Charging station",
  "Car rental", "Night bus", NULL
};
static const char *const transport_shops[] = {
  "Deutsche Bahn", "SNCF", "Trenitalia", "National Rail", "BVG", "RATP", "Shell",
  "Aral", "TotalEnergies", "Esso", "BP", "Q-Park", "FlixBus", "Lime", "Tier", NULL
};
static const char *const housing_items[] = {
  "Rent", "Rent share", "Mortgage", "Home insurance", "Furniture", "Repairs",
  "Plumber", "Electrician", "Paint", "Hardware store", "Cleaning service",
  "Garden supplies", "Light bulbs", "Curtains", "Moving boxes", "Locksmith",
  "Building fees", "Key copy", "Storage unit", "Houseplants", NULL
};
static const char *const housing_shops[] = {
  "IKEA", "Bauhaus", "Leroy Merlin", "OBI", "Hornbach", "B&Q",
  "Maisons du Monde", "JYSK", NULL
};
static const char *const utility_items[] = {
  "Electricity", "Gas", "Water bill", "Internet", "Mobile phone", "Phone bill",
  "Heating", "TV licence", "Waste collection", "Streaming", "Cloud storage",
  "Broadband", "Prepaid top-up", NULL
};
static const char *const utility_shops[] = {
  "Vodafone", "Telekom", "Orange", "O2", "EDF", "E.ON", "Vattenfall",
  "Octopus Energy", "Netflix", "Spotify", NULL
};
static const char *const health_items[] = {
  "Pharmacy", "Doctor", "Dentist", "Physiotherapy", "Glasses", "Contact lenses",
  "Vitamins", "Gym", "Yoga class", "Massage", "Prescription", "Optician",
  "Therapy session", "Health insurance", "Swimming pool", "Sunscreen",
  "Painkillers", "Allergy tablets", "Vaccination", "Blood test", NULL
};
static const char *const health_shops[] = {
  "dm", "Rossmann", "Boots", "the pharmacy", "McFit", "Urban Sports Club",
  "Fielmann", "Apollo", NULL
};
static const char *const shopping_items[] = {
  "Clothes", "Shoes", "Jacket", "T-shirt", "Jeans", "Books", "Electronics",
  "Headphones", "Phone case", "Charger", "Kitchenware", "Gift",
  "Birthday present", "Stationery", "Toys", "Cosmetics", "Haircut",
  "Dry cleaning", "Watch battery", "Umbrella", "Backpack", "Flowers",
  "Household items", "Online order", "Second-hand find", NULL
};
static const char *const shopping_shops[] = {
  "Amazon", "Zalando", "H&M", "Zara", "Uniqlo", "Decathlon", "MediaMarkt",
  "Saturn", "Thalia", "Fnac", "Primark", "Muji", "TK Maxx", "eBay", "Etsy",
  "Flying Tiger", NULL
};
static const char *const entertainment_items[] = {
  "Cinema", "Concert", "Theatre", "Museum", "Exhibition", "Bowling",
  "Escape room", "Football match", "Video game", "Board game",
  "Streaming rental", "Festival ticket", "Comedy show", "Karaoke", "Bar",
  "Club entry", "Pub quiz", "Climbing hall", "Mini golf", "Zoo", "Opera",
  "Book club", "Magazine", "Music album", "Arcade", NULL
};
static const char *const entertainment_shops[] = {
  "Steam", "PlayStation Store", "Nintendo eShop", "Eventim", "Ticketmaster",
  "the cinema", "the jazz club", "the local pub", NULL
};
static const char *const travel_items[] = {
  "Hotel", "Flight", "Hostel", "Airbnb", "Holiday apartment",
  "Travel insurance", "Luggage", "Souvenirs", "Sightseeing tour", "City tax",
  "Visa fee", "Train to the coast", "Ski pass", "Camping", "Rental car",
  "Boat trip", "Museum pass", "Guided tour", "Airport lounge",
  "Currency exchange fee", NULL
};
static const char *const travel_shops[] = {
  "Booking.com", "Lufthansa", "Ryanair", "easyJet", "KLM", "Air France",
  "Eurowings", "Vueling", "Hilton", "Ibis", "Motel One", NULL
};
static const char *const other_items[] = {
  "Donation", "Bank fees", "Post office", "Stamps", "Parcel", "Laundry", "Tips",
  "Birthday collection", "Church tax", "Membership fee", "Printing",
  "Photo booth", "Lottery ticket", "Parking fine", "Passport photos", "Notary",
  "Translation", "Shoe repair", "Tailor", "Key cutting", NULL
};
static const char *const other_shops[] = {
  "DHL", "La Poste", "Royal Mail", "Hermes", "UNICEF", "Red Cross",
  "Wikipedia", NULL
};

/* In the order of the default categories (outlay-migrations.c). */
static const CategoryProfile profiles[] = {
  { 22, 180, 6000, food_items, food_shops },                   /* Food & Drink */
  { 24, 250, 18000, grocery_items, grocery_shops },            /* Groceries */
  { 16, 150, 9000, transport_items, transport_shops },         /* Transport */
  { 3, 1500, 150000, housing_items, housing_shops },           /* Housing */
  { 4, 999, 25000, utility_items, utility_shops },             /* Utilities */
  { 5, 300, 15000, health_items, health_shops },               /* Health */
  { 12, 500, 30000, shopping_items, shopping_shops },          /* Shopping */
  { 8, 400, 12000, entertainment_items, entertainment_shops }, /* Entertainment */
  { 2, 2000, 150000, travel_items, travel_shops },             /* Travel */
  { 4, 100, 10000, other_items, other_shops },                 /* Other */
};

static const char *const notes[] = {
  "with Anna", "with the team", "split with Marco", "reimbursable",
  "business trip", "receipt in the drawer", "paid by card", "paid cash",
  "birthday", "for the kids", "gift for Mum", "weekend away", "on sale",
  "monthly", "annual plan", "shared with flatmates", "claim from insurance",
  "forgot my lunch", "rainy day", "after the gym", "late night", "to return",
  "warranty two years", "coffee with Julia", NULL
};

static const char *const rare_descriptions[] = {
  "Zeppelin ride over Lake Constance",
  "Zeppelin museum",
  "Zeppelin postcard",
};

/* Options */

static int      opt_count = DEFAULT_COUNT;
static int      opt_runs = DEFAULT_RUNS;
static char    *opt_database = NULL;
static gboolean opt_keep = FALSE;
static int      opt_seed = DEFAULT_SEED;
static gboolean opt_profile = FALSE;
static gboolean opt_no_import = FALSE;
static char    *opt_import_child = NULL;
static char    *opt_import_database = NULL;

static const GOptionEntry entries[] = {
  { "count", 'n', 0, G_OPTION_ARG_INT, &opt_count, "Number of expenses to generate (default 1000000)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each measurement; the median is printed (default 5)", "R" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    "Database file to create, or to reuse when it already holds expenses (default: a temporary directory)", "PATH" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the temporary directory and its database", NULL },
  { "seed", 's', 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the generated data", "S" },
  { "profile", 'p', 0, G_OPTION_ARG_NONE, &opt_profile,
    "Print the time of each SQL statement and the plan of its slowest run", NULL },
  { "no-import", 0, 0, G_OPTION_ARG_NONE, &opt_no_import,
    "Leave out the import of a CSV and a JSON file of --count lines", NULL },
  /* What the child process that imports one file is given. */
  { "import-child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_import_child, NULL, NULL },
  { "import-database", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_import_database, NULL, NULL },
  { NULL }
};

/* Results, for the targets at the end */

typedef struct
{
  double bulk_insert_rows_s; /* 0 when the database was reused */
  double open_first_rows_ms;
  double get_item_ms[3]; /* by date, one category, by amount: median per call */
  double get_item_max_ms[3];
  double aggregate_ms[3];
  double rare_search_ms;
  double shell_search_ms;
  double model_memory_mb;
  double first_page_ms[6];  /* first_page_names */
  double import_lines_s[2]; /* CSV, JSON; 0 when not measured */
  double import_peak_rss_mb[2];
  double import_uncategorized_lines_s[2]; /* without rules, with 50 */
  double budgets_ms;
  double upcoming_ms;
  double catch_up_ms;
  double rules_ms; /* plan + apply */
  double rate_file_ms;
  double rates_import_ms;
  double converted_ms;
} Results;

/* What a person types into the search bar, one letter at a time, and the
 * two orders without an index of their own setup. */
static const char *const first_page_names[] = {
  "search c",
  "search co",
  "search cof",
  "search coffee",
  "sort by amount",
  "sort by description",
};

/* Measuring */

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this thread: unlike the wall clock, it does not grow while
 * other processes have the CPU. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n_values)
{
  g_assert (n_values > 0);

  qsort (values, n_values, sizeof (double), compare_doubles);
  if (n_values % 2 == 1)
    return values[n_values / 2];
  return (values[n_values / 2 - 1] + values[n_values / 2]) / 2.0;
}

/* The value below which @fraction of @values are; sorts @values. */
static double
percentile (double *values,
            guint   n_values,
            double  fraction)
{
  g_assert (n_values > 0);

  qsort (values, n_values, sizeof (double), compare_doubles);
  return values[MIN ((guint) (fraction * n_values), n_values - 1)];
}

static double
maximum (const double *values,
         guint         n_values)
{
  double max = 0.0;

  for (guint i = 0; i < n_values; i++)
    max = MAX (max, values[i]);

  return max;
}

/* A field of /proc/self/status, in kB; 0 where there is none. */
static guint64
read_status_kb (const char *field)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  gsize field_len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return 0;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, field_len) == 0 && lines[i][field_len] == ':')
      return g_ascii_strtoull (lines[i] + field_len + 1, NULL, 10);

  return 0;
}

/* Gives freed heap back to the system, so that an RSS difference counts
 * what is allocated in between rather than what malloc had kept. */
static void
trim_heap (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/* Bytes malloc has handed out and not had back, where glibc tells. */
static guint64
heap_in_use (void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
#else
  return 0;
#endif
}

/* Resets VmHWM (Linux 4.0 and later); FALSE where that is not possible. */
static gboolean
reset_peak_rss (void)
{
  FILE    *file = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (file == NULL)
    return FALSE;

  ok = fputs ("5", file) >= 0;
  return fclose (file) == 0 && ok;
}

static void
print_figure (const char *name,
              double      value,
              const char *unit)
{
  if (value >= 100.0)
    g_print ("%s: %.0f %s\n", name, value, unit);
  else if (value >= 0.1)
    g_print ("%s: %.1f %s\n", name, value, unit);
  else
    g_print ("%s: %.3f %s\n", name, value, unit);
}

/* SQL profile (--profile) */

typedef struct
{
  guint  count;
  gint64 total_us;
  gint64 max_us;
  char  *slowest; /* the expanded SQL of the slowest run */
} StatementStats;

static GHashTable *profile;      /* SQL → StatementStats, while recording */
static GHashTable *load_profile; /* the same, of the load */
static GHashTable *running;      /* sqlite3_stmt → start, in µs */

static void
statement_stats_free (gpointer data)
{
  StatementStats *stats = data;

  g_free (stats->slowest);
  g_free (stats);
}

/* SQLite's own profile time has a resolution of a millisecond on Unix,
 * so a statement is timed from its first step (SQLITE_TRACE_STMT) to its
 * reset (SQLITE_TRACE_PROFILE). That includes what the caller does between
 * steps, such as building an object from each row. */
static int
trace_cb (unsigned int kind,
          void        *user_data,
          void        *p,
          void        *x)
{
  sqlite3_stmt   *stmt = p;
  gint64          now = g_get_monotonic_time ();
  gpointer        start;
  gint64          us;
  const char     *sql;
  StatementStats *stats;

  if (profile == NULL)
    return 0;

  if (kind == SQLITE_TRACE_STMT)
    {
      /* Trigger programs report themselves as "-- TRIGGER …". */
      if (strncmp (x, "--", 2) != 0 && !g_hash_table_contains (running, stmt))
        g_hash_table_insert (running, stmt, (gpointer) (gintptr) now);
      return 0;
    }

  if (kind != SQLITE_TRACE_PROFILE || (sql = sqlite3_sql (stmt)) == NULL)
    return 0;

  if (g_hash_table_steal_extended (running, stmt, NULL, &start))
    us = now - (gint64) (gintptr) start;
  else
    us = *(sqlite3_int64 *) x / 1000;

  stats = g_hash_table_lookup (profile, sql);
  if (stats == NULL)
    {
      stats = g_new0 (StatementStats, 1);
      g_hash_table_insert (profile, g_strdup (sql), stats);
    }

  stats->count++;
  stats->total_us += us;
  if (stats->slowest == NULL || us > stats->max_us)
    {
      char *expanded = sqlite3_expanded_sql (stmt);

      g_free (stats->slowest);
      stats->slowest = g_strdup (expanded != NULL ? expanded : sql);
      sqlite3_free (expanded);
      stats->max_us = us;
    }

  return 0;
}

static void
start_profile (void)
{
  if (!opt_profile)
    return;

  profile = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_stats_free);
  if (running == NULL)
    running = g_hash_table_new (NULL, NULL);
}

/* Returns what was recorded since start_profile(). */
static GHashTable *
stop_profile (void)
{
  if (running != NULL)
    g_hash_table_remove_all (running);

  return g_steal_pointer (&profile);
}

static void
print_query_plan (sqlite3    *db,
                  const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr (GHashTable) depths = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_print ("#     (no plan: %s)\n", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int   id = sqlite3_column_int (stmt, 0);
      int   parent = sqlite3_column_int (stmt, 1);
      guint depth = GPOINTER_TO_UINT (g_hash_table_lookup (depths, GINT_TO_POINTER (parent))) + 1;

      g_hash_table_insert (depths, GINT_TO_POINTER (id), GUINT_TO_POINTER (depth));
      g_print ("#   %*s%s\n", (int) depth * 2, "", (const char *) sqlite3_column_text (stmt, 3));
    }

  sqlite3_finalize (stmt);
}

static int
compare_stats_by_total (gconstpointer a,
                        gconstpointer b)
{
  const StatementStats *x = *(StatementStats *const *) a;
  const StatementStats *y = *(StatementStats *const *) b;

  return (y->total_us > x->total_us) - (y->total_us < x->total_us);
}

/* The plans come from a connection of its own, read-only. */
static void
print_profile (GHashTable *recorded,
               const char *path,
               const char *title,
               guint       n_statements)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  sqlite3       *db = NULL;
  GHashTableIter iter;
  gpointer       value;

  if (recorded == NULL)
    return;

  g_hash_table_iter_init (&iter, recorded);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (all, value);
  g_ptr_array_sort (all, compare_stats_by_total);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_clear_pointer (&db, sqlite3_close);

  g_print ("\n# SQL profile of %s: statements by total time (first step to reset), with the plan of the slowest run\n",
           title);
  for (guint i = 0; i < MIN (all->len, n_statements); i++)
    {
      const StatementStats *stats = g_ptr_array_index (all, i);
      int                   sql_len = (int) MIN (strlen (stats->slowest), 400);

      g_print ("#\n# %u runs, total %.1f ms, mean %.3f ms, slowest %.3f ms:\n#   %.*s%s\n",
               stats->count, stats->total_us / 1000.0, stats->total_us / 1000.0 / stats->count,
               stats->max_us / 1000.0, sql_len, stats->slowest,
               stats->slowest[sql_len] != '\0' ? "..." : "");
      if (db != NULL)
        print_query_plan (db, stats->slowest);
    }

  sqlite3_close (db);
}

/* Opening */

static OutlayRepository *
open_store (const char *path,
            GError    **error)
{
  g_autoptr (OutlayDatabase) database = outlay_database_open (path, error);

  if (database == NULL)
    return NULL;

  if (profile != NULL)
    sqlite3_trace_v2 (outlay_database_get_handle (database),
                      SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE, trace_cb, NULL);

  return outlay_repository_new (database);
}

/* As the application makes them. "query" is not a construct property, so
 * it is set after constructed(), which has already read the index of the
 * default query: that read is part of every figure of a filtered model. */
static OutlayExpenseModel *
new_model (OutlayRepository  *repository,
           const OutlayQuery *query)
{
  if (query == NULL)
    return outlay_expense_model_new (repository);

  return g_object_new (OUTLAY_TYPE_EXPENSE_MODEL,
                       "repository", repository,
                       "query", query,
                       NULL);
}

/* Generating */

typedef struct
{
  GRand *rand;
  gint64 category_ids[G_N_ELEMENTS (profiles)];
  guint  weight_total;
  GDate  first_day;
  guint  n_days;
  guint *per_day; /* how many expenses on each day */
  guint  day;     /* the day being filled */
  guint  left_in_day;
  guint  next; /* index of the next expense */
  guint  rare[N_RARE_ROWS];
  guint  n_rare;
} Generator;

static guint
count_strings (const char *const *strings)
{
  guint n = 0;

  while (strings[n] != NULL)
    n++;

  return n;
}

static const char *
pick (GRand             *rand,
      const char *const *strings)
{
  return strings[g_rand_int_range (rand, 0, (gint32) count_strings (strings))];
}

static void
generator_init (Generator        *gen,
                OutlayRepository *repository,
                guint             count,
                guint32           seed)
{
  GListModel *categories = outlay_repository_get_categories (repository);
  guint       n_categories = g_list_model_get_n_items (categories);
  GDate       today;

  memset (gen, 0, sizeof *gen);
  gen->rand = g_rand_new_with_seed (seed);

  g_assert (n_categories > 0);
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr (OutlayCategory) category = g_list_model_get_item (categories, i % n_categories);

      gen->category_ids[i] = outlay_category_get_id (category);
      gen->weight_total += profiles[i].weight;
    }

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  gen->first_day = today;
  g_date_subtract_years (&gen->first_day, YEARS);
  g_date_add_days (&gen->first_day, 1);
  gen->n_days = (guint) g_date_days_between (&gen->first_day, &today) + 1;

  /* Half of the expenses spread evenly, half with a density rising
   * linearly towards today: the last year holds about twice as many as
   * the first. Kept in date order, as a person enters them. */
  gen->per_day = g_new0 (guint, gen->n_days);
  for (guint i = 0; i < count; i++)
    {
      double x = g_rand_double (gen->rand);

      if (g_rand_boolean (gen->rand))
        x = MAX (x, g_rand_double (gen->rand));
      gen->per_day[MIN ((guint) (x * gen->n_days), gen->n_days - 1)]++;
    }

  /* The rare word: one expense in each tenth of the list. */
  gen->n_rare = MIN (N_RARE_ROWS, count);
  for (guint i = 0; i < gen->n_rare; i++)
    {
      guint span = count / gen->n_rare;

      gen->rare[i] = i * span + (guint) g_rand_int_range (gen->rand, 0, (gint32) MAX (span, 1));
    }

  gen->left_in_day = gen->per_day[0];
}

static void
generator_clear (Generator *gen)
{
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->per_day, g_free);
}

static guint
pick_profile (Generator *gen)
{
  guint r = (guint) g_rand_int_range (gen->rand, 0, (gint32) gen->weight_total);

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      if (r < profiles[i].weight)
        return i;
      r -= profiles[i].weight;
    }

  return G_N_ELEMENTS (profiles) - 1;
}

static gint64
pick_amount (Generator             *gen,
             const CategoryProfile *profile_)
{
  /* The product of two uniforms leans towards small amounts. */
  double u = g_rand_double (gen->rand) * g_rand_double (gen->rand);
  gint64 cents = profile_->min_cents + (gint64) (u * (profile_->max_cents - profile_->min_cents));
  guint  rounding = (guint) g_rand_int_range (gen->rand, 0, 10);

  if (rounding < 3)
    cents = MAX (100, cents / 100 * 100);
  else if (rounding < 5)
    cents = MAX (10, cents / 10 * 10);

  return cents;
}

static OutlayExpense *
generate_expense (Generator *gen)
{
  OutlayExpense         *expense = outlay_expense_new ();
  guint                  which = pick_profile (gen);
  const CategoryProfile *profile_ = &profiles[which];
  g_autofree char       *description = NULL;
  GDate                  day = gen->first_day;
  char                   buf[11];
  guint                  style;
  gboolean               rare = FALSE;

  while (gen->left_in_day == 0)
    gen->left_in_day = gen->per_day[++gen->day];
  gen->left_in_day--;

  g_date_add_days (&day, gen->day);
  g_snprintf (buf, sizeof buf, "%04u-%02u-%02u",
              g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));

  for (guint i = 0; i < gen->n_rare; i++)
    rare |= gen->rare[i] == gen->next;

  style = (guint) g_rand_int_range (gen->rand, 0, 10);
  if (rare && gen->next % 3 == 0)
    description = g_strdup ("Souvenir shop");
  else if (rare)
    description = g_strdup (rare_descriptions[gen->next % G_N_ELEMENTS (rare_descriptions)]);
  else if (style < 5)
    description = g_strdup (pick (gen->rand, profile_->items));
  else if (style < 8)
    description = g_strdup_printf ("%s at %s", pick (gen->rand, profile_->items), pick (gen->rand, profile_->shops));
  else
    description = g_strdup (pick (gen->rand, profile_->shops));

  outlay_expense_set_amount (expense, pick_amount (gen, profile_));
  outlay_expense_set_currency (expense, "EUR");
  outlay_expense_set_description (expense, description);
  outlay_expense_set_category_id (expense, gen->category_ids[which]);
  outlay_expense_set_occurred_on (expense, buf);

  /* A third of the rare rows have the word in the note only. */
  if (rare && gen->next % 3 == 0)
    outlay_expense_set_note (expense, "Zeppelin NT fridge magnet");
  else if (g_rand_int_range (gen->rand, 0, 100) < 8)
    outlay_expense_set_note (expense, pick (gen->rand, notes));

  gen->next++;

  return expense;
}

static guint
vocabulary_size (void)
{
  guint n = count_strings (notes) + G_N_ELEMENTS (rare_descriptions);

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    n += count_strings (profiles[i].items) + count_strings (profiles[i].shops);

  return n;
}

/* Fills the database and prints the insert rate. */
static gboolean
load (const char *path,
      guint       count,
      Results    *results,
      GError    **error)
{
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GArray) batch_rates = g_array_new (FALSE, FALSE, sizeof (double));
  Generator gen;
  double    insert_ms = 0.0, generate_ms = 0.0, close_ms;
  gint64    start;

  start_profile ();
  if (!(repository = open_store (path, error)))
    return FALSE;

  generator_init (&gen, repository, count, (guint32) opt_seed);

  for (guint done = 0; done < count;)
    {
      g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
      guint  n = MIN (BATCH_SIZE, count - done);
      double batch_ms, rate;

      start = g_get_monotonic_time ();
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (drafts, generate_expense (&gen));
      generate_ms += elapsed_ms (start);

      start = g_get_monotonic_time ();
      if (!outlay_repository_add_expenses (repository, (OutlayExpense **) drafts->pdata, n, error))
        {
          generator_clear (&gen);
          return FALSE;
        }
      batch_ms = elapsed_ms (start);
      insert_ms += batch_ms;
      rate = n / (batch_ms / 1000.0);
      g_array_append_val (batch_rates, rate);

      done += n;
      if (isatty (STDERR_FILENO))
        g_printerr ("\rinserting: %u of %u (%.0f rows/s) ", done, count, rate);
    }
  if (isatty (STDERR_FILENO))
    g_printerr ("\r%*s\r", 60, "");

  generator_clear (&gen);

  /* The last unref closes the file, which runs PRAGMA optimize. */
  start = g_get_monotonic_time ();
  g_clear_object (&repository);
  close_ms = elapsed_ms (start);
  load_profile = stop_profile ();

  g_print ("# generating the drafts took %.1f s (not counted below)\n", generate_ms / 1000.0);
  g_print ("# inserted in %u transactions of up to %d rows in %.1f s\n",
           batch_rates->len, BATCH_SIZE, insert_ms / 1000.0);
  results->bulk_insert_rows_s = count / (insert_ms / 1000.0);
  print_figure ("bulk insert", results->bulk_insert_rows_s, "rows/s");
  print_figure ("bulk insert first batch", g_array_index (batch_rates, double, 0), "rows/s");
  print_figure ("bulk insert last batch", g_array_index (batch_rates, double, batch_rates->len - 1), "rows/s");
  print_figure ("bulk insert median batch", median ((double *) (gpointer) batch_rates->data, batch_rates->len),
                "rows/s");
  print_figure ("close after load", close_ms, "ms");

  return TRUE;
}

/* Runs @sql on @db; prints why when it fails. */
static gboolean
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_print ("# bulk insert ceiling not measured: %s\n", message);
  sqlite3_free (message);
  return FALSE;
}

/* What SQLite itself does on this machine, for the bulk insert target: the
 * rows just inserted copied with one INSERT … SELECT in one transaction
 * (no binding, no checks, no triggers) into a new file with Outlay's
 * settings, once with only the table and its uuid index, once with the
 * expenses' indexes too. Returns the rate, or 0. */
static double
measure_insert_ceiling (const char *path,
                        guint       count,
                        gboolean    with_indexes)
{
  static const char columns[] =
    "uuid, amount, currency, description, note, category_id, occurred_on, created_at, updated_at, deleted_at, "
    "import_hash";
  g_autofree char *target = g_strconcat (path, ".ceiling", NULL);
  g_autofree char *target_wal = g_strconcat (target, "-wal", NULL);
  g_autofree char *target_shm = g_strconcat (target, "-shm", NULL);
  sqlite3_stmt    *stmt = NULL;
  sqlite3         *db = NULL;
  g_autofree char *attach = NULL;
  g_autofree char *copy = NULL;
  double           rate = 0.0;
  gint64           start;
  gboolean         ok;

  g_unlink (target);
  ok = sqlite3_open (target, &db) == SQLITE_OK &&
       exec_sql (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -65536") &&
       (attach = sqlite3_mprintf ("ATTACH %Q AS source", path)) != NULL && exec_sql (db, attach);
  sqlite3_free (g_steal_pointer (&attach));

  /* The table as the ledger has it, without foreign keys to check. */
  if (ok)
    ok = sqlite3_prepare_v2 (db,
                             "SELECT sql FROM source.sqlite_schema WHERE tbl_name = 'expenses' AND sql IS NOT NULL "
                             "AND (type = 'table' OR type = 'index') ORDER BY type = 'index'",
                             -1, &stmt, NULL) == SQLITE_OK;
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 0);

      if (g_str_has_prefix (sql, "CREATE INDEX") && !with_indexes)
        continue;
      ok = exec_sql (db, sql);
    }
  sqlite3_finalize (stmt);

  copy = g_strdup_printf ("BEGIN; INSERT INTO main.expenses (%s) SELECT %s FROM source.expenses; COMMIT",
                          columns, columns);
  start = g_get_monotonic_time ();
  if (ok && exec_sql (db, copy))
    rate = count / (elapsed_ms (start) / 1000.0);

  sqlite3_close (db);
  g_unlink (target);
  g_unlink (target_wal);
  g_unlink (target_shm);

  return rate;
}

/* The measurements */

static void
measure_open (const char *path)
{
  g_autofree double *open_ms = g_new0 (double, opt_runs);
  g_autofree double *close_ms = g_new0 (double, opt_runs);

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OutlayRepository) repository = NULL;
      gint64 start = g_get_monotonic_time ();

      repository = open_store (path, &error);
      g_assert_no_error (error);
      open_ms[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      g_clear_object (&repository);
      close_ms[run] = elapsed_ms (start);
    }

  print_figure ("open", median (open_ms, opt_runs), "ms");
  print_figure ("close", median (close_ms, opt_runs), "ms");
}

static void
measure_open_first_rows (const char *path,
                         Results    *results)
{
  g_autofree double *ms = g_new0 (double, opt_runs);

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OutlayRepository) repository = NULL;
      g_autoptr (OutlayExpenseModel) model = NULL;
      gint64 start = g_get_monotonic_time ();
      guint  n;

      repository = open_store (path, &error);
      g_assert_no_error (error);
      model = outlay_expense_model_new (repository);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint i = 0; i < MIN (n, N_FIRST_ROWS); i++)
        {
          g_autoptr (OutlayExpense) expense = g_list_model_get_item (G_LIST_MODEL (model), i);
          g_assert (expense != NULL);
        }
      ms[run] = elapsed_ms (start);

      /* Closing is not part of the figure. */
      g_clear_object (&model);
      g_clear_object (&repository);
    }

  results->open_first_rows_ms = median (ms, opt_runs);
  print_figure ("open+first100", results->open_first_rows_ms, "ms");
}

static void
measure_model_count (OutlayRepository *repository)
{
  g_autofree double *ms = g_new0 (double, opt_runs);
  guint              n = 0;

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (OutlayExpenseModel) model = NULL;
      gint64 start = g_get_monotonic_time ();

      model = outlay_expense_model_new (repository);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      ms[run] = elapsed_ms (start);
    }

  print_figure ("model count", median (ms, opt_runs), "ms");
  g_print ("# the model counts %u expenses\n", n);
}

/* Creates the model afresh (cold pages) and reads 1,000 random positions;
 * the setup is the creation and the count. The maximum is printed in
 * thread CPU time too, which tells the model's slowest call from a moment
 * when another process had the CPU. */
static void
measure_random_access (OutlayRepository  *repository,
                       const OutlayQuery *query,
                       const char        *name,
                       const char        *setup_name,
                       double            *median_out,
                       double            *max_out)
{
  g_autofree double *setup_ms = g_new0 (double, opt_runs);
  g_autofree double *median_ms = g_new0 (double, opt_runs);
  g_autofree double *p99_ms = g_new0 (double, opt_runs);
  g_autofree double *max_ms = g_new0 (double, opt_runs);
  g_autofree double *max_cpu_ms = g_new0 (double, opt_runs);
  g_autofree double *calls = g_new0 (double, N_RANDOM_POSITIONS);
  g_autofree double *cpu_calls = g_new0 (double, N_RANDOM_POSITIONS);
  g_autofree char   *median_name = g_strdup_printf ("%s get_item median", name);
  g_autofree char   *p99_name = g_strdup_printf ("%s get_item p99", name);
  g_autofree char   *max_name = g_strdup_printf ("%s get_item max", name);
  g_autofree char   *max_cpu_name = g_strdup_printf ("%s get_item max (thread CPU)", name);
  guint              n = 0;

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed ((guint32) opt_seed + (guint32) run);
      g_autoptr (OutlayExpenseModel) model = NULL;
      gint64 start = g_get_monotonic_time ();

      model = new_model (repository, query);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      setup_ms[run] = elapsed_ms (start);

      for (guint i = 0; i < N_RANDOM_POSITIONS; i++)
        {
          guint position = n > 0 ? (guint) g_rand_int_range (rand, 0, (gint32) n) : 0;
          g_autoptr (OutlayExpense) expense = NULL;
          double cpu_start = thread_cpu_ms ();

          start = g_get_monotonic_time ();
          expense = g_list_model_get_item (G_LIST_MODEL (model), position);
          calls[i] = elapsed_ms (start);
          cpu_calls[i] = thread_cpu_ms () - cpu_start;
          g_assert (expense != NULL || n == 0);
        }

      max_ms[run] = maximum (calls, N_RANDOM_POSITIONS);
      max_cpu_ms[run] = maximum (cpu_calls, N_RANDOM_POSITIONS);
      median_ms[run] = median (calls, N_RANDOM_POSITIONS);
      p99_ms[run] = percentile (calls, N_RANDOM_POSITIONS, 0.99);
    }

  if (setup_name != NULL)
    {
      print_figure (setup_name, median (setup_ms, opt_runs), "ms");
      g_print ("# %s: %u expenses\n", name, n);
    }
  *median_out = median (median_ms, opt_runs);
  *max_out = median (max_ms, opt_runs);
  print_figure (median_name, *median_out, "ms");
  print_figure (p99_name, median (p99_ms, opt_runs), "ms");
  print_figure (max_name, *max_out, "ms");
  print_figure (max_cpu_name, median (max_cpu_ms, opt_runs), "ms");
}

static char *
format_gdate (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
measure_aggregates (OutlayRepository *repository,
                    Results          *results)
{
  g_autofree double *by_category_ms = g_new0 (double, opt_runs);
  g_autofree double *by_month_ms = g_new0 (double, opt_runs);
  g_autofree double *total_ms = g_new0 (double, opt_runs);
  g_autofree char   *today = NULL;
  g_autofree char   *month_start = NULL;
  g_autofree char   *year_start = NULL;
  GDate              date;
  OutlayTotal        total = { 0, 0 };

  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  today = format_gdate (&date);
  g_date_set_day (&date, 1);
  month_start = format_gdate (&date);
  g_date_subtract_months (&date, 11);
  year_start = format_gdate (&date);

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GArray) by_category = NULL;
      g_autoptr (GArray) by_month = NULL;
      gint64 start;

      start = g_get_monotonic_time ();
      by_category = outlay_repository_totals_by_category (repository, "EUR", month_start, today, &error);
      by_category_ms[run] = elapsed_ms (start);
      g_assert_no_error (error);
      g_assert (by_category != NULL);

      start = g_get_monotonic_time ();
      by_month = outlay_repository_totals_by_month (repository, "EUR", year_start, today, &error);
      by_month_ms[run] = elapsed_ms (start);
      g_assert_no_error (error);
      g_assert (by_month != NULL && by_month->len == 12);

      start = g_get_monotonic_time ();
      outlay_repository_get_total (repository, "EUR", NULL, NULL, &total, &error);
      total_ms[run] = elapsed_ms (start);
      g_assert_no_error (error);
    }

  results->aggregate_ms[0] = median (by_category_ms, opt_runs);
  results->aggregate_ms[1] = median (by_month_ms, opt_runs);
  results->aggregate_ms[2] = median (total_ms, opt_runs);
  print_figure ("totals_by_category this month", results->aggregate_ms[0], "ms");
  print_figure ("totals_by_month 12 months", results->aggregate_ms[1], "ms");
  print_figure ("get_total all time", results->aggregate_ms[2], "ms");
  g_print ("# all time: %u expenses, %" G_GINT64_FORMAT ".%02d EUR\n",
           total.count, total.total / 100, (int) (total.total % 100));
}

/* What the Dashboard shows of 20 budgets: each read and worked out in the
 * period today falls in. Half carry from their first period, ten years
 * ago (a fold over 120 months or 520 weeks of the per-day summary); a
 * third count every category. They are taken out again afterwards. */
static void
measure_budgets (OutlayRepository *repository,
                 Results          *results)
{
  g_autofree double *budgets_ms = g_new0 (double, opt_runs);
  GListModel        *categories = outlay_repository_get_categories (repository);
  g_autofree char   *anchor = NULL;
  GDate              date;
  gint64             carried = 0;

  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  g_date_set_day (&date, 1);
  g_date_subtract_years (&date, YEARS);
  anchor = format_gdate (&date);

  for (guint i = 0; i < N_BUDGETS; i++)
    {
      g_autoptr (OutlayBudget) draft = outlay_budget_new ();
      g_autoptr (OutlayBudget) stored = NULL;
      g_autoptr (OutlayCategory) category =
        g_list_model_get_item (categories, i % g_list_model_get_n_items (categories));
      g_autofree char *name = g_strdup_printf ("Benchmark %u", i);
      g_autoptr (GError) error = NULL;

      outlay_budget_set_name (draft, name);
      outlay_budget_set_amount (draft, 50000 + 1000 * i);
      outlay_budget_set_currency (draft, "EUR");
      outlay_budget_set_cycle (draft, i % 4 == 3 ? OUTLAY_CYCLE_WEEK : OUTLAY_CYCLE_MONTH, 1, anchor, NULL);
      if (i % 3 != 0)
        outlay_budget_set_categories (draft, (const char *const[]){ outlay_category_get_uuid (category), NULL });
      outlay_budget_set_rollover (draft, i % 2 == 0 ? OUTLAY_ROLLOVER_BOTH : OUTLAY_ROLLOVER_NONE, -1, NULL);
      stored = outlay_repository_add_budget (repository, draft, &error);
      g_assert_no_error (error);
    }

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (GPtrArray) budgets = NULL;
      g_autoptr (GArray) statuses = NULL;
      g_autoptr (GError) error = NULL;
      GDate  today;
      gint64 start = g_get_monotonic_time ();

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      budgets = outlay_repository_list_budgets (repository, FALSE, &error);
      g_assert_no_error (error);
      statuses = outlay_repository_get_budget_statuses (repository, budgets, &today, &error);
      g_assert_no_error (error);
      budgets_ms[run] = elapsed_ms (start);
      for (guint i = 0; i < statuses->len; i++)
        carried += g_array_index (statuses, OutlayBudgetStatus, i).carried;
    }

  results->budgets_ms = median (budgets_ms, opt_runs);
  print_figure ("20 budgets in their periods", results->budgets_ms, "ms");
  g_print ("# carried, all budgets and runs: %" G_GINT64_FORMAT " cents\n", carried);

  /* Not part of the ledger the other measurements see next time. */
  sqlite3_exec (outlay_database_get_handle (outlay_repository_get_database (repository)),
                "DELETE FROM budgets WHERE name LIKE 'Benchmark %'", NULL, NULL, NULL);
}

/* 200 recurring expenses from a year ago: monthly on a day, on the last
 * day or on the 2nd Tuesday, weekly on one or two days, yearly, and ten
 * daily ones; a third to confirm. The next 30 days of all of them, as the
 * Dashboard lists them; and a year of them written at once, as after a
 * year away, taken out again after each run. */
static void
measure_recurring (OutlayRepository *repository,
                   Results          *results)
{
  g_autofree double *upcoming_ms = g_new0 (double, opt_runs);
  g_autofree double *catch_up_ms = g_new0 (double, opt_runs);
  GListModel        *categories = outlay_repository_get_categories (repository);
  sqlite3           *db = outlay_database_get_handle (outlay_repository_get_database (repository));
  GDate              today;
  GDate              start;
  GDate              month_later;
  guint              n_upcoming = 0;
  guint              n_written = 0;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  start = today;
  g_date_subtract_years (&start, 1);
  month_later = today;
  g_date_add_days (&month_later, 30);

  for (guint i = 0; i < N_RULES; i++)
    {
      g_autoptr (OutlayRecurringRule) draft = outlay_recurring_rule_new ();
      g_autoptr (OutlayRecurringRule) stored = NULL;
      g_autoptr (OutlayCategory) category =
        g_list_model_get_item (categories, i % g_list_model_get_n_items (categories));
      g_autofree char *description = g_strdup_printf ("Benchmark rule %u", i);
      g_autoptr (GError) error = NULL;
      OutlayRecurrence recurrence;
      GDate            first = start;

      g_date_add_days (&first, i % 28);
      if (i < 10)
        outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_DAILY, 1, &first);
      else if (i < 60)
        {
          outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_WEEKLY, 1 + i % 2, &first);
          if (i % 3 == 0)
            recurrence.weekdays |= OUTLAY_WEEKDAY_BIT (G_DATE_THURSDAY);
        }
      else if (i < 80)
        outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_YEARLY, 1, &first);
      else
        {
          outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, &first);
          if (i % 5 == 0)
            recurrence.monthly_on = OUTLAY_MONTHLY_LAST_DAY;
          else if (i % 5 == 1)
            {
              recurrence.monthly_on = OUTLAY_MONTHLY_ON_WEEKDAY;
              recurrence.week_number = 2;
              recurrence.weekday = G_DATE_TUESDAY;
            }
        }
      recurrence.weekend = (OutlayWeekendRule) (i % 4);
      outlay_recurring_rule_set_amount (draft, 500 + 137 * i);
      outlay_recurring_rule_set_currency (draft, "EUR");
      outlay_recurring_rule_set_description (draft, description);
      outlay_recurring_rule_set_category_uuid (draft, outlay_category_get_uuid (category));
      outlay_recurring_rule_set_recurrence (draft, &recurrence);
      outlay_recurring_rule_set_mode (draft, i % 3 == 2 ? OUTLAY_RECURRING_CONFIRM : OUTLAY_RECURRING_AUTOMATIC);
      stored = outlay_repository_add_recurring_rule (repository, draft, &error);
      g_assert_no_error (error);
    }

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (GArray) upcoming = NULL;
      g_autoptr (OutlayRecurringRun) written = NULL;
      g_autoptr (GError) error = NULL;
      gint64 begin = g_get_monotonic_time ();

      upcoming = outlay_repository_list_upcoming (repository, &today, &month_later, &error);
      g_assert_no_error (error);
      upcoming_ms[run] = elapsed_ms (begin);
      n_upcoming = upcoming->len;

      begin = g_get_monotonic_time ();
      written = outlay_repository_run_recurring (repository, &today, 0, NULL, &error);
      g_assert_no_error (error);
      catch_up_ms[run] = elapsed_ms (begin);
      n_written = written->expense_ids->len;

      /* As before the year away, for the next run. */
      sqlite3_exec (db,
                    "DELETE FROM expenses WHERE rule_uuid IS NOT NULL; "
                    "UPDATE recurring_rules SET done_through = NULL",
                    NULL, NULL, NULL);
    }

  results->upcoming_ms = median (upcoming_ms, opt_runs);
  results->catch_up_ms = median (catch_up_ms, opt_runs);
  print_figure ("next 30 days of 200 recurring expenses", results->upcoming_ms, "ms");
  g_print ("# %u occurrences in the next 30 days\n", n_upcoming);
  print_figure ("200 recurring expenses caught up over a year", results->catch_up_ms, "ms");
  g_print ("# %u expenses written by a catch-up\n", n_written);

  /* Not part of the ledger the other measurements see next time. */
  sqlite3_exec (db, "DELETE FROM recurring_rules WHERE description LIKE 'Benchmark rule %'", NULL, NULL, NULL);
}

/* 50 rules as a person who files a bank's export might write them: the
 * first 40 name a shop (every other one files it under another category
 * than the generator did, so that there is much to change), five rename a
 * shop's expenses, three look in the note, two have an amount range. */
static void
add_category_rules (OutlayRepository *repository)
{
  GListModel *categories = outlay_repository_get_categories (repository);
  guint       n_categories = g_list_model_get_n_items (categories);

  for (guint k = 0; k < N_CATEGORY_RULES; k++)
    {
      g_autoptr (OutlayCategoryRule) draft = outlay_category_rule_new ();
      g_autoptr (OutlayCategoryRule) stored = NULL;
      g_autoptr (OutlayCategory) category = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *rename = NULL;
      const char      *pattern;
      guint            target;

      if (k < 40)
        {
          pattern = profiles[k % 10].shops[k / 10];
          target = k % 2 == 0 ? k % 10 : (k + 1) % 10;
        }
      else if (k < 45)
        {
          pattern = profiles[k - 40].shops[4];
          target = k - 40;
          rename = g_strdup_printf ("%s (filed)", pattern);
          outlay_category_rule_set_match (draft, OUTLAY_RULE_MATCH_EQUALS);
          outlay_category_rule_set_rename_to (draft, rename);
        }
      else if (k < 48)
        {
          pattern = notes[k - 45];
          target = 7;
          outlay_category_rule_set_field (draft, OUTLAY_RULE_FIELD_NOTE);
        }
      else
        {
          pattern = k == 48 ? "Rent" : "Groceries";
          target = k == 48 ? 3 : 1;
          outlay_category_rule_set_amount_min (draft, k == 48 ? "500.00" : NULL);
          outlay_category_rule_set_amount_max (draft, k == 48 ? NULL : "20");
          outlay_category_rule_set_currency (draft, "EUR");
        }

      category = g_list_model_get_item (categories, target % n_categories);
      outlay_category_rule_set_patterns (draft, (const char *const[]){ pattern, NULL });
      outlay_category_rule_set_category_uuid (draft, outlay_category_get_uuid (category));
      stored = outlay_repository_add_category_rule (repository, draft, &error);
      g_assert_no_error (error);
    }
}

typedef struct
{
  OutlayRuleSet *set;
  gint64         fallback_id;
  guint          n_progress;
} RulesWork;

static void
rules_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  RulesWork *work = user_data;

  g_atomic_int_inc (&work->n_progress);
}

static gpointer
plan_rules_thread (OutlayRepository *repository,
                   gpointer          data,
                   GCancellable     *cancellable,
                   GError          **error)
{
  RulesWork *work = data;

  return outlay_repository_plan_rules (repository, work->set, FALSE, work->fallback_id, rules_progress_cb, work,
                                       cancellable, error);
}

static void
rules_planned_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The rules applied to every expense: planned in a worker on a reader's
 * connection (with progress, as the window's dialog shows it), applied in
 * one transaction, then undone for the next run (the Undo timed apart). */
static void
measure_rules (OutlayRepository *repository,
               Results          *results)
{
  int                runs = MIN (opt_runs, MAX_RULES_RUNS);
  g_autofree double *plan_ms = g_new0 (double, runs);
  g_autofree double *apply_ms = g_new0 (double, runs);
  g_autofree double *total_ms = g_new0 (double, runs);
  g_autofree double *undo_ms = g_new0 (double, runs);
  g_autoptr (OutlayReader) reader = outlay_reader_new (repository);
  g_autoptr (OutlayRuleSet) set = NULL;
  g_autoptr (GError) error = NULL;
  RulesWork work = { 0 };
  guint     n_changes = 0;
  guint     n_renamed = 0;

  add_category_rules (repository);
  set = outlay_repository_dup_rule_set (repository, &error);
  g_assert_no_error (error);
  work.set = set;
  work.fallback_id = outlay_category_get_id (outlay_repository_get_fallback_category (repository));

  for (int run = 0; run < runs; run++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (OutlayRulesPlan) plan = NULL;
      g_autoptr (OutlayRulesPlan) applied = NULL;
      gint64 begin = g_get_monotonic_time ();
      guint  n_restored = 0;

      outlay_reader_run_async (reader, plan_rules_thread, &work, NULL, (GDestroyNotify) outlay_rules_plan_unref, NULL,
                               rules_planned_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      plan = outlay_reader_run_finish (reader, result, &error);
      g_assert_no_error (error);
      plan_ms[run] = elapsed_ms (begin);

      begin = g_get_monotonic_time ();
      outlay_repository_apply_rules_plan (repository, plan, &applied, &error);
      g_assert_no_error (error);
      apply_ms[run] = elapsed_ms (begin);
      total_ms[run] = plan_ms[run] + apply_ms[run];
      n_changes = applied->changes->len;
      n_renamed = 0;
      for (guint i = 0; i < applied->changes->len; i++)
        {
          const OutlayRuleChange *change = &g_array_index (applied->changes, OutlayRuleChange, i);

          n_renamed += change->new_description != change->old_description;
        }

      begin = g_get_monotonic_time ();
      outlay_repository_undo_rules_apply (repository, applied, &n_restored, &error);
      g_assert_no_error (error);
      undo_ms[run] = elapsed_ms (begin);
      g_assert_cmpuint (n_restored, ==, n_changes);
    }

  results->rules_ms = median (total_ms, runs);
  print_figure ("50 rules planned over the ledger", median (plan_ms, runs), "ms");
  print_figure ("50 rules applied", median (apply_ms, runs), "ms");
  print_figure ("50 rules planned and applied", results->rules_ms, "ms");
  print_figure ("50 rules undone", median (undo_ms, runs), "ms");
  g_print ("# %u expenses changed by the rules, %u of them renamed; %d runs; %u progress reports\n", n_changes,
           n_renamed, runs, work.n_progress);

  /* Not part of the ledger the other measurements see next time. */
  sqlite3_exec (outlay_database_get_handle (outlay_repository_get_database (repository)), "DELETE FROM category_rules",
                NULL, NULL, NULL);
}

/* A model over a text search: created, counted and its first 100 rows
 * read. The query alone (outlay_repository_find_expense_ids()) is timed
 * too, which shows what the model adds to it. */
static double
measure_search (OutlayRepository *repository,
                const char       *word)
{
  g_autoptr (OutlayQuery) query = outlay_query_new ();
  g_autofree double *ms = g_new0 (double, opt_runs);
  g_autofree double *ids_ms = g_new0 (double, opt_runs);
  g_autofree char   *name = g_strdup_printf ("search %s", word);
  g_autofree char   *ids_name = g_strdup_printf ("search %s find_expense_ids", word);
  guint              n = 0;
  double             result;

  outlay_query_set_text (query, word);

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (OutlayExpenseModel) model = NULL;
      g_autoptr (GArray) ids = NULL;
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      model = new_model (repository, query);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint i = 0; i < MIN (n, N_FIRST_ROWS); i++)
        {
          g_autoptr (OutlayExpense) expense = g_list_model_get_item (G_LIST_MODEL (model), i);
          g_assert (expense != NULL);
        }
      ms[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      ids = outlay_repository_find_expense_ids (repository, query, &error);
      ids_ms[run] = elapsed_ms (start);
      g_assert_no_error (error);
      g_assert (ids->len == n);
    }

  result = median (ms, opt_runs);
  print_figure (name, result, "ms");
  print_figure (ids_name, median (ids_ms, opt_runs), "ms");
  g_print ("# \"%s\" matches %u expenses\n", word, n);

  return result;
}

/* The search provider's query: @word's last written 20, the worst of the
 * prefixes of two letters or more a person types on the way to it (it
 * does not search for one letter). */
static double
measure_shell_search (OutlayRepository *repository,
                      const char       *word)
{
  double worst = 0;

  for (gsize length = 2; length <= strlen (word); length++)
    {
      g_autofree char *prefix = g_strndup (word, length);
      g_autofree double *ms = g_new0 (double, opt_runs);
      g_autofree char   *name = g_strdup_printf ("shell search \"%s\" newest %d", prefix, N_SHELL_RESULTS);

      for (int run = 0; run < opt_runs; run++)
        {
          g_autoptr (GPtrArray) found = NULL;
          g_autoptr (GError) error = NULL;
          gint64 start = g_get_monotonic_time ();

          found = outlay_repository_search_recent (repository, prefix, N_SHELL_RESULTS, &error);
          ms[run] = elapsed_ms (start);
          g_assert_no_error (error);
        }
      print_figure (name, median (ms, opt_runs), "ms");
      worst = MAX (worst, median (ms, opt_runs));
    }
  return worst;
}

static void
first_change_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 gint64     *changed)
{
  if (*changed == 0)
    *changed = g_get_monotonic_time ();
}

/* As the window does it: the list shows every expense by date, then the
 * query is set and read in a worker while the main loop runs. The first
 * page is ready when the list has changed and its first rows are read;
 * the list is whole when the model stops loading. */
static double
measure_first_page (OutlayRepository  *repository,
                    const OutlayQuery *query,
                    const char        *name)
{
  g_autofree double *first_ms = g_new0 (double, opt_runs);
  g_autofree double *whole_ms = g_new0 (double, opt_runs);
  g_autofree char   *first_name = g_strdup_printf ("%s first page", name);
  g_autofree char   *whole_name = g_strdup_printf ("%s whole list", name);
  guint              n = 0;
  double             result;

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (OutlayExpenseModel) model = outlay_expense_model_new (repository);
      gint64 changed = 0;
      gint64 start;

      g_signal_connect (model, "items-changed", G_CALLBACK (first_change_cb), &changed);
      start = g_get_monotonic_time ();
      outlay_expense_model_set_query (model, query);
      while (changed == 0 && outlay_expense_model_is_loading (model))
        g_main_context_iteration (NULL, TRUE);

      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint i = 0; i < MIN (n, 64); i++)
        {
          g_autoptr (OutlayExpense) expense = g_list_model_get_item (G_LIST_MODEL (model), i);
          g_assert (expense != NULL);
        }
      first_ms[run] = elapsed_ms (start);

      while (outlay_expense_model_is_loading (model))
        g_main_context_iteration (NULL, TRUE);
      whole_ms[run] = elapsed_ms (start);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
    }

  result = median (first_ms, opt_runs);
  print_figure (first_name, result, "ms");
  print_figure (whole_name, median (whole_ms, opt_runs), "ms");
  g_print ("# %s: %u expenses\n", name, n);

  return result;
}

static void
measure_first_pages (OutlayRepository *repository,
                     Results          *results)
{
  static const char *const words[] = { "c", "co", "cof", "coffee" };

  G_STATIC_ASSERT (G_N_ELEMENTS (words) + 2 == G_N_ELEMENTS (first_page_names));

  for (guint i = 0; i < G_N_ELEMENTS (first_page_names); i++)
    {
      g_autoptr (OutlayQuery) query = outlay_query_new ();

      if (i < G_N_ELEMENTS (words))
        outlay_query_set_text (query, words[i]);
      else
        outlay_query_set_sort (query, i == G_N_ELEMENTS (words) ? OUTLAY_SORT_AMOUNT : OUTLAY_SORT_DESCRIPTION,
                               i == G_N_ELEMENTS (words));
      results->first_page_ms[i] = measure_first_page (repository, query, first_page_names[i]);
    }
}

/* RSS after creating a model and touching 1,000 random positions, minus
 * RSS before; the model and the objects it caches stay alive meanwhile.
 * RSS misses what lands in heap pages that were already resident, so the
 * bytes malloc handed out in between are printed too. */
static double
measure_model_memory (OutlayRepository  *repository,
                      const OutlayQuery *query,
                      const char        *name)
{
  g_autofree double *mb = g_new0 (double, opt_runs);
  g_autofree double *heap_mb = g_new0 (double, opt_runs);
  g_autofree char   *heap_name = g_strdup_printf ("%s (heap)", name);
  double             result;

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed ((guint32) opt_seed + (guint32) run);
      g_autoptr (OutlayExpenseModel) model = NULL;
      guint64 before, after, heap_before, heap_after;
      guint   n;

      trim_heap ();
      before = read_status_kb ("VmRSS");
      heap_before = heap_in_use ();

      model = new_model (repository, query);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint i = 0; i < N_RANDOM_POSITIONS && n > 0; i++)
        {
          g_autoptr (OutlayExpense) expense = NULL;

          expense = g_list_model_get_item (G_LIST_MODEL (model), (guint) g_rand_int_range (rand, 0, (gint32) n));
        }

      after = read_status_kb ("VmRSS");
      heap_after = heap_in_use ();
      mb[run] = after > before ? (after - before) / 1024.0 : 0.0;
      heap_mb[run] = heap_after > heap_before ? (heap_after - heap_before) / (1024.0 * 1024.0) : 0.0;
    }

  result = median (mb, opt_runs);
  print_figure (name, result, "MB");
  if (heap_in_use () > 0)
    print_figure (heap_name, median (heap_mb, opt_runs), "MB");

  return result;
}

/* Rates */

static gboolean
count_rate (const OutlayRateFileEntry *entry,
            gpointer                   user_data,
            GError                   **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* eurofxref-hist.csv as the ECB writes it: a row a working day, newest
 * first, a column a currency, a trailing comma, N/A here and there. */
static GString *
make_ecb_history (guint *n_rows)
{
  GString *csv = g_string_new ("Date");
  guint n_currencies = 0;
  const OutlayCurrency *currencies = outlay_currency_get_all (&n_currencies);
  g_autoptr (GDate) day = outlay_date_new_today ();
  guint first_year = g_date_get_year (day) - N_RATE_YEARS;
  guint columns = 0;

  for (guint i = 0; i < n_currencies && columns < N_RATE_CURRENCIES; i++)
    {
      if (strcmp (currencies[i].code, "EUR") == 0)
        continue;
      g_string_append_printf (csv, ",%s", currencies[i].code);
      columns++;
    }
  g_string_append (csv, ",\n");

  *n_rows = 0;
  while (g_date_get_year (day) > first_year)
    {
      char iso[OUTLAY_DATE_ISO_SIZE];

      if (g_date_get_weekday (day) < G_DATE_SATURDAY)
        {
          outlay_date_format_iso_buf (day, iso);
          g_string_append (csv, iso);
          for (guint i = 0; i < columns; i++)
            if ((*n_rows + i) % 97 == 0)
              g_string_append (csv, ",N/A");
            else
              g_string_append_printf (csv, ",%u.%04u", (i * 37) % 300 + 1, (*n_rows * 31 + i) % 10000);
          g_string_append (csv, ",\n");
          (*n_rows)++;
        }
      g_date_subtract_days (day, 1);
    }
  return csv;
}

static void
measure_rate_file (Results *results)
{
  g_autoptr (GString) csv = NULL;
  g_autofree double *ms = g_new0 (double, opt_runs);
  guint n_rows = 0;
  guint n_rates = 0;

  csv = make_ecb_history (&n_rows);
  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (OutlayRateFile) file = outlay_rate_file_new ("EUR");
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      n_rates = 0;
      if (!outlay_rate_file_read (file, "eurofxref-hist.csv", csv->str, csv->len, count_rate, &n_rates, NULL,
                                  &error))
        g_error ("The generated ECB history cannot be read: %s", error->message);
      ms[run] = elapsed_ms (start);
    }
  g_print ("# ECB history: %u days × %d currencies, %u rates, %.1f MB\n", n_rows, N_RATE_CURRENCIES, n_rates,
           csv->len / (1024.0 * 1024.0));
  results->rate_file_ms = median (ms, opt_runs);
  print_figure ("parse ECB history", results->rate_file_ms, "ms");
}

/* The ECB's history imported into the ledger, once (a second import
 * finds every rate there); then this month's total in euros, with
 * expenses abroad in four other currencies added to the month, some with
 * what the card was charged. Both taken out again afterwards. */
static void
measure_rates (OutlayRepository *repository,
               Results          *results)
{
  static const char *const abroad[] = { "CHF", "GBP", "JPY", "CAD" };
  g_autoptr (GString) csv = NULL;
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDate) today = outlay_date_new_today ();
  g_autoptr (OutlayQuery) month = outlay_query_new ();
  g_autoptr (GError) error = NULL;
  g_autofree double *ms = g_new0 (double, opt_runs);
  g_auto (OutlayRatesImport) report = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64  category = outlay_category_get_id (outlay_repository_get_fallback_category (repository));
  gint64  begin;
  guint   n_rows = 0;
  gint64  total = 0;
  guint   n_without_rate = 0;
  sqlite3 *db = outlay_database_get_handle (outlay_repository_get_database (repository));

  csv = make_ecb_history (&n_rows);
  begin = g_get_monotonic_time ();
  if (!outlay_rates_import_file (repository, "eurofxref-hist.csv", csv->str, csv->len, FALSE, NULL, NULL, NULL,
                                 &report, &error))
    g_error ("The generated ECB history cannot be imported: %s", error->message);
  results->rates_import_ms = elapsed_ms (begin);
  g_print ("# %u rates imported, %u problems\n", report.written.added, report.problems->len);
  print_figure ("import ECB history", results->rates_import_ms, "ms");

  outlay_period_get_range (OUTLAY_PERIOD_THIS_MONTH, today, &from, &to);
  for (guint i = 0; i < N_ABROAD_EXPENSES; i++)
    {
      g_autoptr (GDate) day = outlay_date_parse_iso (from);
      char             iso[OUTLAY_DATE_ISO_SIZE];
      OutlayExpense   *draft = outlay_expense_new ();

      g_date_add_days (day, i % g_date_get_day (today));
      outlay_date_format_iso_buf (day, iso);
      outlay_expense_set_amount (draft, 500 + (i * 7919) % 20000);
      outlay_expense_set_currency (draft, abroad[i % G_N_ELEMENTS (abroad)]);
      outlay_expense_set_description (draft, "Abroad");
      outlay_expense_set_category_id (draft, category);
      outlay_expense_set_occurred_on (draft, iso);
      if (i % 100 == 0)
        outlay_expense_set_charged (draft, 400 + i, "EUR");
      g_ptr_array_add (drafts, draft);
    }
  if (!outlay_repository_add_expenses (repository, (OutlayExpense **) drafts->pdata, drafts->len, &error))
    g_error ("Could not add the expenses abroad: %s", error->message);

  outlay_query_set_date_range (month, from, to);
  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr (OutlayConvertedTotal) converted = NULL;

      begin = g_get_monotonic_time ();
      converted = outlay_repository_convert_total (repository, month, "EUR", &error);
      ms[run] = elapsed_ms (begin);
      if (converted == NULL)
        g_error ("Could not convert this month: %s", error->message);
      total = converted->total;
      n_without_rate = converted->n_without_rate;
    }
  results->converted_ms = median (ms, opt_runs);
  g_print ("# this month: %u expenses abroad in 4 currencies; %.2f EUR in all, %u without a rate\n",
           N_ABROAD_EXPENSES, total / 100.0, n_without_rate);
  print_figure ("this month in euros", results->converted_ms, "ms");
  /* All time reads every day of the summary: the Dashboard asks its
   * worker for it. */
  {
    g_autoptr (OutlayQuery) all = outlay_query_new ();
    g_autoptr (OutlayConvertedTotal) converted = NULL;

    begin = g_get_monotonic_time ();
    converted = outlay_repository_convert_total (repository, all, "EUR", &error);
    if (converted == NULL)
      g_error ("Could not convert all time: %s", error->message);
    print_figure ("all time in euros (in a worker)", elapsed_ms (begin), "ms");
  }

  /* Not part of the ledger the next run sees. */
  sqlite3_exec (db, "DELETE FROM expenses WHERE description = 'Abroad'; DELETE FROM exchange_rates", NULL, NULL,
                NULL);
}

/* The frame around it */

/* Other processes share the machine; their load shows in the maxima. */
static void
print_load_average (const char *when)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("# load average %s: %.*s\n", when, (int) strcspn (loadavg, " \n"), loadavg);
}

static void
print_context (const char *path,
               gboolean    temporary)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      char *line = strstr (cpuinfo, "model name");
      char *colon = line != NULL ? strchr (line, ':') : NULL;

      if (colon != NULL)
        cpu = g_strstrip (g_strndup (colon + 1, strcspn (colon + 1, "\n")));
    }

  g_print ("# Outlay benchmark\n");
  g_print ("# machine: %s, %u cores, %s\n", cpu != NULL ? cpu : "unknown CPU",
           g_get_num_processors (), os != NULL ? os : "unknown system");
  g_print ("# SQLite %s, GLib %u.%u.%u\n", sqlite3_libversion (),
           glib_major_version, glib_minor_version, glib_micro_version);
  g_print ("# expenses: %d, runs: %d (each figure is the median of the runs), seed: %d\n",
           opt_count, opt_runs, opt_seed);
  g_print ("# vocabulary: %u descriptions, shops and notes; \"%s\" in %d rows\n",
           vocabulary_size (), RARE_WORD, MIN (N_RARE_ROWS, opt_count));
  g_print ("# database: %s%s\n", path, temporary ? " (temporary)" : "");
  print_load_average ("at the start");
}

static guint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (guint64) buf.st_size : 0;
}

/* Removes the temporary directory: the database, its -wal and -shm, and
 * whatever the store put beside it (backups). Symbolic links are removed,
 * never followed. */
static void
remove_directory (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      GStatBuf         buf;

      if (g_lstat (child, &buf) == 0 && S_ISDIR (buf.st_mode))
        remove_directory (child);
      else
        g_unlink (child);
    }

  g_rmdir (dir);
}

/* Importing
 *
 * `outlay import` of a generated bank export (--count lines of date,
 * description, amount and category) and of the ledger's Outlay JSON
 * export, each into an empty ledger, the way the command line does it:
 * loader, plan, importer. Each runs in a child process (this program with
 * --import-child), so that the peak RSS it reports is the import's own. */

static double
child_stage (const char *stage,
             gint64      start)
{
  double ms = elapsed_ms (start);

  g_print ("#   %-8s after %6.1f s: RSS %6.1f MB, peak %6.1f MB, heap in use %6.1f MB\n", stage, ms / 1000.0,
           read_status_kb ("VmRSS") / 1024.0, read_status_kb ("VmHWM") / 1024.0,
           heap_in_use () / (1024.0 * 1024.0));
  return ms;
}

/* In the child: imports @file into the ledger @database_path (created
 * empty), and prints `import-child ADDED MS PEAK_KB` last. */
static int
run_import_child (const char *file,
                  const char *database_path)
{
  g_autoptr (OutlayImportLoader) loader = outlay_import_loader_new ("EUR");
  g_autoptr (OutlayCsvTable) table = NULL;
  g_autoptr (OutlayImportSource) source = NULL;
  g_autoptr (OutlayImportPlan) plan = NULL;
  g_autoptr (OutlayImportResult) result = NULL;
  g_autoptr (OutlayDatabase) database = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (GError) error = NULL;
  OutlayCsvMapping mapping;
  gint64           start = g_get_monotonic_time ();
  double           ms;

  if (!outlay_import_loader_read (loader, file, &error))
    goto failed;
  child_stage ("read", start);
  if (!outlay_import_loader_parse (loader, NULL, &error))
    goto failed;
  child_stage ("parse", start);
  /* The command line keeps the table until it is done. */
  if (outlay_import_loader_get_format (loader) == OUTLAY_IMPORT_FORMAT_CSV)
    {
      table = outlay_csv_table_ref (outlay_import_loader_get_table (loader));
      outlay_csv_mapping_guess (table, &mapping);
    }
  if (!(source = outlay_import_loader_build_source (loader, &mapping, &error)))
    goto failed;
  g_clear_object (&loader);
  child_stage ("records", start);

  if (!(database = outlay_database_open (database_path, &error)))
    goto failed;
  repository = outlay_repository_new (database);
  if (!(plan = outlay_import_plan_new (repository, g_steal_pointer (&source), "EUR", &error)))
    goto failed;
  child_stage ("plan", start);
  if (!(result = outlay_importer_apply (repository, plan, &error)))
    goto failed;
  ms = child_stage ("apply", start);

  g_print ("#   %u added, %u skipped, %u errors\n", result->n_added, result->n_skipped, result->n_errors);
  g_print ("import-child %u %.1f %" G_GUINT64_FORMAT "\n", result->n_added, ms, read_status_kb ("VmHWM"));
  return 0;

failed:
  g_printerr ("Could not import %s: %s\n", file, error->message);
  return 1;
}

/* Imports @file in a child process; FALSE when it failed. */
static gboolean
measure_import (const char *name,
                const char *file,
                const char *database_path,
                guint       n_lines,
                double     *lines_s,
                double     *peak_rss_mb)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  /* This very program, even when a rebuild has replaced its file since. */
  const char *argv[] = { "/proc/self/exe", "--import-child", file, "--import-database", database_path, NULL };
  int         status = 0;
  gboolean    done = FALSE;

  g_print ("# import %s: %s (%.1f MB)\n", name, file, file_size (file) / (1024.0 * 1024.0));
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_print ("# import %s failed: %s\n", name, error->message);
      return FALSE;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint  added = 0;
      double ms = 0.0;
      gulong peak_kb = 0;

      if (sscanf (lines[i], "import-child %u %lf %lu", &added, &ms, &peak_kb) == 3)
        {
          g_autofree char *figure = g_strdup_printf ("import %s", name);
          g_autofree char *peak = g_strdup_printf ("import %s peak RSS", name);

          *lines_s = n_lines / (ms / 1000.0);
          *peak_rss_mb = peak_kb / 1024.0;
          print_figure (figure, *lines_s, "lines/s");
          print_figure (peak, *peak_rss_mb, "MB");
          done = TRUE;
        }
      else if (lines[i][0] != '\0')
        g_print ("%s\n", lines[i]);
    }
  print_load_average (name);

  return done;
}

/* A bank's CSV export of @count generated expenses, a line in
 * IMPORT_INCOME_EVERY of them money received. */
static gboolean
write_bank_export (const char *path,
                   const char *scratch_database,
                   guint       count,
                   gboolean    categories,
                   GError    **error)
{
  g_autoptr (OutlayRepository) repository = open_store (scratch_database, error);
  g_autoptr (GString) buffer = g_string_sized_new (1024 * 1024);
  const char *const header[] = { "Date", "Description", "Amount", "Category" };
  FILE             *file;
  Generator         gen;
  gboolean          ok = TRUE;

  if (repository == NULL)
    return FALSE;
  if (!(file = g_fopen (path, "wb")))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "Could not create %s", path);
      return FALSE;
    }

  generator_init (&gen, repository, count, (guint32) opt_seed + 1);
  outlay_csv_append_row (buffer, header, G_N_ELEMENTS (header));
  for (guint i = 0; ok && i < count; i++)
    {
      g_autoptr (OutlayExpense) expense = generate_expense (&gen);
      OutlayCategory  *category = outlay_repository_lookup_category (repository,
                                                                     outlay_expense_get_category_id (expense));
      gint64           cents = outlay_expense_get_amount (expense);
      gboolean         income = i % IMPORT_INCOME_EVERY == IMPORT_INCOME_EVERY - 1;
      g_autofree char *amount = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", income ? "" : "-",
                                                 cents / 100, (int) (cents % 100));
      const char      *fields[] = {
        outlay_expense_get_occurred_on (expense),
        income ? "Salary" : outlay_expense_get_description (expense),
        amount,
        category != NULL && !income && categories ? outlay_category_get_name (category) : "",
      };

      outlay_csv_append_row (buffer, fields, G_N_ELEMENTS (fields));
      if (buffer->len > 1000 * 1000 || i + 1 == count)
        {
          ok = fwrite (buffer->str, 1, buffer->len, file) == buffer->len;
          g_string_truncate (buffer, 0);
        }
    }
  generator_clear (&gen);

  if (fclose (file) != 0 || !ok)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

/* The bank export without categories into an empty ledger, without
 * rules and with 50 of them. */
static void
measure_import_rules (const char *dir,
                      guint       count,
                      Results    *results)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = g_build_filename (dir, "uncategorized.csv", NULL);
  g_autofree char *scratch = g_build_filename (dir, "generator-uncategorized.db", NULL);
  g_autofree char *plain = g_build_filename (dir, "from-uncategorized.db", NULL);
  g_autofree char *ruled = g_build_filename (dir, "from-uncategorized-rules.db", NULL);
  g_autoptr (OutlayRepository) target = NULL;

  if (!write_bank_export (csv, scratch, count, FALSE, &error) || !(target = open_store (ruled, &error)))
    {
      g_print ("# import with rules not measured: %s\n", error->message);
      return;
    }
  add_category_rules (target);
  g_clear_object (&target);

  measure_import ("csv uncategorized", csv, plain, count, &results->import_uncategorized_lines_s[0],
                  &(double){ 0 });
  measure_import ("csv uncategorized, 50 rules", csv, ruled, count, &results->import_uncategorized_lines_s[1],
                  &(double){ 0 });
}

/* Writes both files (the JSON one from @repository, the ledger of
 * @count expenses) and imports each. */
static void
measure_imports (OutlayRepository *repository,
                 guint             count,
                 Results          *results)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-benchmark-import-XXXXXX", &error);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *csv_target = NULL;
  g_autofree char *json_target = NULL;
  g_autoptr (GFile) json_file = NULL;
  guint  n_exported = 0;
  gint64 start;

  if (dir == NULL)
    {
      g_print ("# import not measured: %s\n", error->message);
      return;
    }
  csv = g_build_filename (dir, "bank.csv", NULL);
  json = g_build_filename (dir, "ledger.json", NULL);
  scratch = g_build_filename (dir, "generator.db", NULL);
  csv_target = g_build_filename (dir, "from-csv.db", NULL);
  json_target = g_build_filename (dir, "from-json.db", NULL);
  json_file = g_file_new_for_path (json);

  start = g_get_monotonic_time ();
  if (!write_bank_export (csv, scratch, count, TRUE, &error) ||
      !outlay_export_to_file (repository, OUTLAY_EXPORT_FORMAT_JSON, NULL, FALSE, json_file, NULL, &n_exported,
                              &error))
    g_print ("# import not measured: %s\n", error->message);
  else
    {
      g_print ("# wrote a CSV file of %u lines and a JSON file of %u expenses in %.1f s (not counted)\n", count,
               n_exported, elapsed_ms (start) / 1000.0);
      measure_import ("csv", csv, csv_target, count, &results->import_lines_s[0], &results->import_peak_rss_mb[0]);
      measure_import ("json", json, json_target, n_exported, &results->import_lines_s[1],
                      &results->import_peak_rss_mb[1]);
      measure_import_rules (dir, count, results);
    }

  if (opt_keep)
    g_print ("# kept %s\n", dir);
  else
    remove_directory (dir);
}

/* A maximum: the figure must stay under @limit. */
static void
print_target (const char *name,
              double      value,
              double      limit,
              const char *unit,
              guint      *n_missed)
{
  gboolean met = value < limit;

  g_print ("target %s < %g %s: %s (%.3g %s)\n", name, limit, unit, met ? "met" : "MISSED", value, unit);
  if (!met)
    (*n_missed)++;
}

/* A minimum, such as a rate: the figure must reach @limit. */
static void
print_target_at_least (const char *name,
                       double      value,
                       double      limit,
                       const char *unit,
                       guint      *n_missed)
{
  gboolean met = value >= limit;

  g_print ("target %s >= %.0f %s: %s (%.0f %s)\n", name, limit, unit, met ? "met" : "MISSED", value, unit);
  if (!met)
    (*n_missed)++;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayRepository) repository = NULL;
  g_autoptr (OutlayQuery) category_query = NULL;
  g_autoptr (OutlayQuery) amount_query = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr (GHashTable) measured_profile = NULL;
  Results     results = { 0 };
  GListModel *categories;
  gint64      grocery_id;
  guint       existing = 0;
  guint       n_missed = 0;

  /* Messages in the user's language and charset; numbers always with a
   * decimal point, so that runs compare whatever the locale. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");

  context = g_option_context_new ("- measure Outlay's store with many expenses");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Fills a database with generated expenses and prints the median of each\n"
                                "measurement (open, the lazy list, dashboard totals, search, memory).");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_import_child != NULL)
    return opt_import_database != NULL ? run_import_child (opt_import_child, opt_import_database) : 2;
  if (opt_count < 1 || opt_runs < 1)
    {
      g_printerr ("--count and --runs must be at least 1\n");
      return 2;
    }

  if (opt_database != NULL)
    path = g_strdup (opt_database);
  else
    {
      tmpdir = g_dir_make_tmp ("outlay-benchmark-XXXXXX", &error);
      if (tmpdir == NULL)
        {
          g_printerr ("Could not create a temporary directory: %s\n", error->message);
          return 1;
        }
      path = g_build_filename (tmpdir, "outlay.db", NULL);
    }

  /* An existing database is measured as it is, which saves the load when
   * comparing changes to the code. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr (OutlayQuery) all = outlay_query_new ();

      repository = open_store (path, &error);
      if (repository == NULL ||
          !outlay_repository_count_expenses (repository, all, &existing, &error))
        {
          g_printerr ("Could not read %s: %s\n", path, error->message);
          return 1;
        }
      g_clear_object (&repository);
      if (existing > 0)
        opt_count = (int) existing;
    }

  print_context (path, tmpdir != NULL);
  g_print ("# timings are wall clock with a warm OS page cache (the file was just written or read);\n"
           "# SQLite's own page cache starts empty at every open\n\n");

  if (existing > 0)
    g_print ("# reusing the %u expenses already in the database: no insert measured\n", existing);
  else if (!load (path, (guint) opt_count, &results, &error))
    {
      g_printerr ("Could not fill the database: %s\n", error->message);
      return 1;
    }
  if (existing == 0)
    {
      g_print ("# SQLite alone: the rows copied into a new file in one INSERT … SELECT\n");
      print_figure ("bulk insert ceiling, table and uuid index only", measure_insert_ceiling (path, opt_count, FALSE),
                    "rows/s");
      print_figure ("bulk insert ceiling, with the expenses' indexes", measure_insert_ceiling (path, opt_count, TRUE),
                    "rows/s");
    }
  wal = g_strconcat (path, "-wal", NULL);
  print_figure ("database size", (file_size (path) + file_size (wal)) / (1024.0 * 1024.0), "MB");
  g_print ("peak RSS %s: %.1f MB\n", existing > 0 ? "before the measurements" : "during load",
           read_status_kb ("VmHWM") / 1024.0);
  g_print ("\n");

  print_load_average ("before the measurements");
  start_profile ();
  trim_heap ();
  if (!reset_peak_rss ())
    g_print ("# could not reset the peak RSS: the one below includes the load\n");
  g_print ("# RSS before the measurements: %.1f MB\n", read_status_kb ("VmRSS") / 1024.0);

  measure_open (path);
  measure_open_first_rows (path, &results);

  repository = open_store (path, &error);
  if (repository == NULL)
    {
      g_printerr ("Could not open %s: %s\n", path, error->message);
      return 1;
    }

  categories = outlay_repository_get_categories (repository);
  {
    g_autoptr (OutlayCategory) groceries =
      g_list_model_get_item (categories, MIN (1, g_list_model_get_n_items (categories) - 1));
    grocery_id = outlay_category_get_id (groceries);
  }
  category_query = outlay_query_new ();
  outlay_query_set_categories (category_query, &grocery_id, 1);
  amount_query = outlay_query_new ();
  outlay_query_set_sort (amount_query, OUTLAY_SORT_AMOUNT, TRUE);

  measure_model_count (repository);
  measure_random_access (repository, NULL, "by date", NULL,
                         &results.get_item_ms[0], &results.get_item_max_ms[0]);
  measure_random_access (repository, category_query, "one category", "one-category setup",
                         &results.get_item_ms[1], &results.get_item_max_ms[1]);
  measure_random_access (repository, amount_query, "amount-sort", "amount-sort setup",
                         &results.get_item_ms[2], &results.get_item_max_ms[2]);
  measure_aggregates (repository, &results);
  measure_budgets (repository, &results);
  measure_recurring (repository, &results);
  measure_rules (repository, &results);
  results.rare_search_ms = measure_search (repository, RARE_WORD);
  measure_search (repository, COMMON_WORD);
  results.shell_search_ms = measure_shell_search (repository, COMMON_WORD);
  measure_first_pages (repository, &results);
  results.model_memory_mb = measure_model_memory (repository, NULL, "model memory");
  measure_model_memory (repository, amount_query, "amount-sort model memory");
  g_print ("peak RSS: %.1f MB\n", read_status_kb ("VmHWM") / 1024.0);
  print_load_average ("after the measurements");

  g_print ("\n");
  measure_rate_file (&results);
  measure_rates (repository, &results);

  if (!opt_no_import)
    {
      g_print ("\n");
      measure_imports (repository, (guint) opt_count, &results);
    }

  g_print ("\n");
  print_target ("open+first100", results.open_first_rows_ms, TARGET_OPEN_FIRST_ROWS_MS, "ms", &n_missed);
  print_target ("by date get_item median", results.get_item_ms[0], TARGET_GET_ITEM_MS, "ms", &n_missed);
  print_target ("by date get_item max", results.get_item_max_ms[0], TARGET_GET_ITEM_MS, "ms", &n_missed);
  print_target ("one category get_item median", results.get_item_ms[1], TARGET_GET_ITEM_MS, "ms", &n_missed);
  print_target ("one category get_item max", results.get_item_max_ms[1], TARGET_GET_ITEM_MS, "ms", &n_missed);
  print_target ("amount-sort get_item median", results.get_item_ms[2], TARGET_GET_ITEM_MS, "ms", &n_missed);
  print_target ("amount-sort get_item max", results.get_item_max_ms[2], TARGET_GET_ITEM_MS, "ms", &n_missed);
  print_target ("totals_by_category this month", results.aggregate_ms[0], TARGET_AGGREGATE_MS, "ms", &n_missed);
  print_target ("totals_by_month 12 months", results.aggregate_ms[1], TARGET_AGGREGATE_MS, "ms", &n_missed);
  print_target ("get_total all time", results.aggregate_ms[2], TARGET_AGGREGATE_MS, "ms", &n_missed);
  print_target ("20 budgets in their periods", results.budgets_ms, TARGET_BUDGETS_MS, "ms", &n_missed);
  print_target ("next 30 days of 200 recurring expenses", results.upcoming_ms, TARGET_UPCOMING_MS, "ms", &n_missed);
  print_target ("200 recurring expenses caught up over a year", results.catch_up_ms, TARGET_CATCH_UP_MS, "ms",
                &n_missed);
  print_target ("50 rules planned and applied", results.rules_ms, TARGET_RULES_MS, "ms", &n_missed);
  print_target ("search " RARE_WORD, results.rare_search_ms, TARGET_RARE_SEARCH_MS, "ms", &n_missed);
  print_target ("shell search, worst prefix of " COMMON_WORD, results.shell_search_ms, TARGET_SHELL_SEARCH_MS, "ms",
                &n_missed);
  print_target ("model memory", results.model_memory_mb, TARGET_MODEL_MEMORY_MB, "MB", &n_missed);
  print_target ("import ECB history into the ledger", results.rates_import_ms, TARGET_RATES_IMPORT_MS, "ms",
                &n_missed);
  print_target ("this month in euros, 5 currencies", results.converted_ms, TARGET_CONVERTED_MS, "ms", &n_missed);
  print_target ("parse ECB history (27 years × 41 currencies)", results.rate_file_ms, TARGET_RATE_FILE_MS, "ms",
                &n_missed);
  for (guint i = 0; i < G_N_ELEMENTS (first_page_names); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s first page", first_page_names[i]);
      print_target (name, results.first_page_ms[i], TARGET_FIRST_PAGE_MS, "ms", &n_missed);
    }
  if (results.bulk_insert_rows_s > 0.0)
    print_target_at_least ("bulk insert", results.bulk_insert_rows_s, TARGET_BULK_INSERT_ROWS_S, "rows/s", &n_missed);
  else
    g_print ("# target bulk insert >= %.0f rows/s: not measured (the database was reused)\n",
             TARGET_BULK_INSERT_ROWS_S);
  for (guint i = 0; i < G_N_ELEMENTS (results.import_lines_s); i++)
    {
      const char      *format = i == 0 ? "csv" : "json";
      g_autofree char *rate = g_strdup_printf ("import %s", format);
      g_autofree char *peak = g_strdup_printf ("import %s peak RSS", format);

      if (results.import_lines_s[i] > 0.0)
        {
          print_target (peak, results.import_peak_rss_mb[i], TARGET_IMPORT_PEAK_RSS_MB, "MB", &n_missed);
          print_target_at_least (rate, results.import_lines_s[i], TARGET_IMPORT_LINES_S, "lines/s", &n_missed);
        }
      else
        g_print ("# targets import %s: not measured\n", format);
    }
  if (results.import_uncategorized_lines_s[0] > 0.0 && results.import_uncategorized_lines_s[1] > 0.0)
    {
      double extra = 100.0 * (results.import_uncategorized_lines_s[0] / results.import_uncategorized_lines_s[1] - 1.0);

      print_target ("import csv with 50 rules, time added", extra, TARGET_IMPORT_RULES_EXTRA_PERCENT, "%", &n_missed);
    }
  else
    g_print ("# target import csv with 50 rules: not measured\n");

  g_clear_object (&repository);
  measured_profile = stop_profile ();
  print_profile (load_profile, path, "the load", 6);
  print_profile (measured_profile, path, "the measurements", 12);
  g_clear_pointer (&load_profile, g_hash_table_unref);
  g_clear_pointer (&running, g_hash_table_unref);

  if (tmpdir != NULL)
    {
      if (opt_keep)
        g_print ("\n# kept %s\n", path);
      else
        remove_directory (tmpdir);
    }

  g_print ("# %u targets missed\n", n_missed);

  return 0;
}
