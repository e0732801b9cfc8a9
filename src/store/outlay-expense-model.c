/* outlay-expense-model.c
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

/* A lazy GListModel over one filtered, sorted query.
 *
 * It never reads every row. Rows come in pages of PAGE_SIZE, a few pages
 * are cached, and an object handed out stays the same object for its
 * expense while anyone holds it (a weak table by id), updated in place.
 *
 * To find the rows at a position it uses one of two indexes:
 *
 *  - by day: when the list is sorted by date and filtered at most by
 *    category and date range (the common case, and the one that grows to
 *    a million rows), the per-day summary gives the count of every day.
 *    A position is found by bisecting the running totals of the days, then
 *    a keyset seek to that day and a small OFFSET within it.
 *
 *  - by id: for text search, amount ranges and the other sorts, the ids of
 *    the result are read once into an array (8 bytes a row) and rows are
 *    fetched by id.
 *
 * After a change it emits the smallest correct items-changed: a row that
 * moves is one removal and one addition, a row that stays put emits
 * nothing (its object notifies), and a bulk change resets the list. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-expense-model.h"
#include "outlay-query-private.h"
#include "outlay-reader.h"
#include "outlay-repository-private.h"
#include "outlay-store-private.h"

#define PAGE_SIZE 64
#define MAX_PAGES 12
/* Shown before the rest of a list: a screenful (GTK makes a row for each). */
#define FIRST_PAGE_SIZE PAGE_SIZE
/* What one change may ask GTK to look through (emit_replace()). */
#define MAX_LOOKED_THROUGH (8 * PAGE_SIZE)
/* A list read in less is read again at once after a write (a frame). */
#define FOLLOW_AT_ONCE_US (8 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  char  day[11];
  guint count;
  guint start; /* valid while !starts_dirty */
} Bucket;

struct _OutlayExpenseModel
{
  GObject parent_instance;

  OutlayRepository *repository;
  OutlayQuery      *query;
  gulong            changed_handler;

  guint n_items;
  /* While the removal half of a move or a replacement is announced, the
   * new rows at hidden are hidden, so that the list is then exactly the
   * old list without the removed rows. G_MAXUINT otherwise. */
  guint    hidden;
  guint    n_hidden;
  gboolean by_day;
  GArray  *buckets; /* Bucket, in list order (by_day) */
  gboolean starts_dirty;
  GArray  *ids; /* gint64, in list order (!by_day) */

  /* A query being read in a worker; shown once it is read. */
  OutlayReader *reader;
  OutlayQuery  *pending;
  GCancellable *loading;
  gboolean      partial; /* the list is the first page of pending */
  /* How long the list took to read: a write in a list that takes longer
   * than FOLLOW_AT_ONCE_US is followed by reading it again in the worker. */
  gint64   read_us;
  gboolean follow_in_worker; /* always, for tests */

  GHashTable *live;       /* id → OutlayExpense, weak */
  GHashTable *pages;      /* page number → GPtrArray of OutlayExpense */
  GQueue      page_order; /* page numbers, most recent first */
};

enum
{
  PROP_0,
  PROP_REPOSITORY,
  PROP_QUERY,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

/* A damaged file is the database's state, told to the person once
 * (OutlayDatabase:damaged), not a warning for every read. */
#define warn_unless_damaged(error, format, ...) \
  G_STMT_START \
  { \
    if (g_error_matches ((error), OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_DAMAGED)) \
      g_debug (format ": %s", ##__VA_ARGS__, (error)->message); \
    else \
      g_warning (format ": %s", ##__VA_ARGS__, (error)->message); \
  } \
  G_STMT_END

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OutlayExpenseModel,
                               outlay_expense_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static gboolean
can_use_days (const OutlayQuery *query)
{
  return query->sort == OUTLAY_SORT_DATE &&
         !outlay_query_has_text (query) &&
         !outlay_query_has_amount_range (query);
}

static void
clear_pages (OutlayExpenseModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

/* The key of the weak table; the id comes first for g_int64_hash(). */
typedef struct
{
  gint64              id;
  OutlayExpenseModel *model;
} LiveKey;

static void
expense_finalized_cb (gpointer data,
                      GObject *where_the_object_was)
{
  LiveKey *key = data;

  g_hash_table_remove (key->model->live, key);
}

static OutlayExpense *
adopt_row (OutlayExpenseModel *self,
           OutlayExpense      *fresh)
{
  gint64         id = outlay_expense_get_id (fresh);
  OutlayExpense *existing = g_hash_table_lookup (self->live, &id);
  LiveKey       *key;

  if (existing != NULL)
    {
      outlay_expense_assign (existing, fresh);
      g_object_unref (fresh);
      return g_object_ref (existing);
    }

  key = g_new (LiveKey, 1);
  key->id = id;
  key->model = self;
  g_hash_table_insert (self->live, key, fresh);
  g_object_weak_ref (G_OBJECT (fresh), expense_finalized_cb, key);

  return fresh;
}

static void
ensure_starts (OutlayExpenseModel *self)
{
  guint start = 0;

  if (!self->starts_dirty)
    return;

  for (guint i = 0; i < self->buckets->len; i++)
    {
      Bucket *bucket = &g_array_index (self->buckets, Bucket, i);

      bucket->start = start;
      start += bucket->count;
    }

  self->starts_dirty = FALSE;
}

/* The bucket of @day, or where it would be inserted (with @found FALSE). */
static guint
find_bucket (OutlayExpenseModel *self,
             const char         *day,
             gboolean           *found)
{
  guint    lo = 0, hi = self->buckets->len;
  gboolean descending = self->query->descending;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int   cmp = strcmp (g_array_index (self->buckets, Bucket, mid).day, day);

      if (cmp == 0)
        {
          *found = TRUE;
          return mid;
        }

      if ((cmp > 0) == descending)
        lo = mid + 1;
      else
        hi = mid;
    }

  *found = FALSE;
  return lo;
}

/* The bucket holding @position. */
static guint
bucket_at (OutlayExpenseModel *self,
           guint               position)
{
  guint lo = 0, hi = self->buckets->len;

  ensure_starts (self);

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->buckets, Bucket, mid).start <= position)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/* What the list shows for one query: the days with their counts, or the
 * ids in order. Read on the main connection, or on a reader's in a worker. */
typedef struct
{
  OutlayQuery *query;
  gboolean     by_day;
  GArray      *buckets; /* Bucket (by_day) */
  GArray      *ids;     /* gint64 (!by_day) */
  guint        n_items;
  gint64       read_us; /* how long the read took */
} ListIndex;

static void
list_index_free (ListIndex *index)
{
  g_clear_pointer (&index->query, outlay_query_free);
  g_clear_pointer (&index->buckets, g_array_unref);
  g_clear_pointer (&index->ids, g_array_unref);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ListIndex, list_index_free)

static gboolean
read_buckets (OutlayRepository  *repository,
              const OutlayQuery *query,
              GArray            *buckets,
              guint             *n_items,
              GError           **error)
{
  OutlayDatabase *database = outlay_repository_get_database (repository);
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  outlay_bindings_init (&bindings);
  stmt = outlay_repository_prepare_days (repository, "SELECT day, sum(count)", query,
                                         query->descending
                                           ? " GROUP BY day HAVING sum(count) > 0 ORDER BY day DESC"
                                           : " GROUP BY day HAVING sum(count) > 0 ORDER BY day ASC",
                                         &bindings, error);
  if (stmt == NULL)
    return FALSE;

  *n_items = 0;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Bucket bucket;

      g_strlcpy (bucket.day, (const char *) sqlite3_column_text (stmt, 0), sizeof bucket.day);
      bucket.count = (guint) sqlite3_column_int64 (stmt, 1);
      bucket.start = *n_items;
      *n_items += bucket.count;
      g_array_append_val (buckets, bucket);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (database, error, rc, _("Could not count the expenses"));
      return FALSE;
    }

  return TRUE;
}

static ListIndex *
read_index (OutlayRepository  *repository,
            const OutlayQuery *query,
            OutlayIdsFunc      first,
            gpointer           user_data,
            GError           **error)
{
  g_autoptr (ListIndex) index = g_new0 (ListIndex, 1);
  gint64 start = g_get_monotonic_time ();

  index->query = outlay_query_copy (query);
  index->by_day = can_use_days (query);

  if (index->by_day)
    {
      index->buckets = g_array_new (FALSE, FALSE, sizeof (Bucket));
      if (!read_buckets (repository, query, index->buckets, &index->n_items, error))
        return NULL;
    }
  else
    {
      index->ids = outlay_repository_find_expense_ids_first (repository, query, FIRST_PAGE_SIZE, first, user_data,
                                                             error);
      if (index->ids == NULL)
        return NULL;
      index->n_items = index->ids->len;
    }

  index->read_us = g_get_monotonic_time () - start;

  return g_steal_pointer (&index);
}

/* A read in a worker, and what it needs to show the first page of a long
 * list before the whole list is read. Made on the main thread. */
typedef struct
{
  gatomicrefcount ref;
  OutlayQuery    *query;
  GWeakRef        model;
  GCancellable   *loading;
  GMainContext   *context;
  /* Another query than the list shows; the same one is read again whole,
   * after a write. */
  gboolean first_page;
} Load;

static Load *
load_new (OutlayExpenseModel *model,
          GCancellable       *loading)
{
  Load *load = g_new0 (Load, 1);

  g_atomic_ref_count_init (&load->ref);
  load->query = outlay_query_copy (model->pending);
  g_weak_ref_init (&load->model, model);
  load->loading = g_object_ref (loading);
  load->context = g_main_context_ref_thread_default ();
  load->first_page = !outlay_query_equal (model->query, model->pending);

  return load;
}

static Load *
load_ref (Load *load)
{
  g_atomic_ref_count_inc (&load->ref);
  return load;
}

static void
load_unref (Load *load)
{
  if (!g_atomic_ref_count_dec (&load->ref))
    return;

  outlay_query_free (load->query);
  g_weak_ref_clear (&load->model);
  g_object_unref (load->loading);
  g_main_context_unref (load->context);
  g_free (load);
}

typedef struct
{
  Load      *load;
  ListIndex *index;
} FirstPage;

static void
first_page_free (FirstPage *page)
{
  load_unref (page->load);
  g_clear_pointer (&page->index, list_index_free);
  g_free (page);
}

static void show_index (OutlayExpenseModel *self,
                        ListIndex          *index);

/* On the main thread: shows the first page of a list still being read,
 * unless a newer read started or this one already ended. */
static gboolean
show_first_page (gpointer data)
{
  FirstPage *page = data;
  g_autoptr (OutlayExpenseModel) self = g_weak_ref_get (&page->load->model);

  if (self != NULL && self->loading == page->load->loading && !g_cancellable_is_cancelled (self->loading))
    {
      show_index (self, g_steal_pointer (&page->index));
      self->partial = TRUE;
    }

  return G_SOURCE_REMOVE;
}

/* In the worker: posts a copy of the first ids to the main thread. */
static void
first_ids_cb (GArray  *ids,
              gpointer user_data)
{
  Load      *load = user_data;
  FirstPage *page;
  g_autoptr (GSource) source = NULL;

  if (!load->first_page || g_cancellable_is_cancelled (load->loading))
    return;

  page = g_new0 (FirstPage, 1);
  page->load = load_ref (load);
  page->index = g_new0 (ListIndex, 1);
  page->index->query = outlay_query_copy (load->query);
  page->index->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
  g_array_append_vals (page->index->ids, ids->data, ids->len);
  page->index->n_items = ids->len;

  /* Not g_main_context_invoke(), which runs the function right here when
   * nobody iterates the context. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[outlay] first page of a list");
  g_source_set_callback (source, show_first_page, page, (GDestroyNotify) first_page_free);
  g_source_attach (source, load->context);
}

static gpointer
read_index_thread (OutlayRepository *repository,
                   gpointer          data,
                   GCancellable     *cancellable,
                   GError          **error)
{
  Load *load = data;

  return read_index (repository, load->query, load->first_page ? first_ids_cb : NULL, load, error);
}

/* Shows @index; an empty list when it is %NULL. */
static void
take_index (OutlayExpenseModel *self,
            ListIndex          *index)
{
  g_clear_pointer (&self->ids, g_array_unref);
  g_array_set_size (self->buckets, 0);
  self->starts_dirty = FALSE;
  self->partial = FALSE;
  self->read_us = 0;
  self->by_day = can_use_days (self->query);
  self->n_items = 0;

  if (index == NULL)
    {
      if (!self->by_day)
        self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      return;
    }

  g_clear_pointer (&self->query, outlay_query_free);
  self->query = g_steal_pointer (&index->query);
  self->by_day = index->by_day;
  self->n_items = index->n_items;
  self->read_us = index->read_us;
  if (index->by_day)
    g_array_append_vals (self->buckets, index->buckets->data, index->buckets->len);
  else
    self->ids = g_steal_pointer (&index->ids);
}

/* Reads the index for the current query. */
static gboolean
load_index (OutlayExpenseModel *self,
            GError            **error)
{
  g_autoptr (ListIndex) index = read_index (self->repository, self->query, NULL, NULL, error);

  take_index (self, index);

  return index != NULL;
}

static sqlite3_stmt *
prepare_by_day (OutlayExpenseModel *self,
                const char         *select,
                const char         *day_condition,
                const char         *suffix,
                OutlayBindings     *bindings,
                GError            **error)
{
  OutlayDatabase *database = outlay_repository_get_database (self->repository);
  g_autoptr (GString) sql = g_string_new (select);
  sqlite3_stmt *stmt;

  g_string_append (sql, " FROM expenses WHERE deleted_at IS NULL");
  outlay_query_append_filter (self->query, sql, bindings);
  g_string_append (sql, day_condition);
  if (suffix != NULL)
    g_string_append (sql, suffix);

  stmt = outlay_database_prepare (database, sql->str, error);
  if (stmt != NULL)
    outlay_bindings_apply (bindings, stmt, 1);

  return stmt;
}

static gboolean
fetch_rows_by_day (OutlayExpenseModel *self,
                   guint               position,
                   guint               count,
                   GPtrArray          *rows,
                   GError            **error)
{
  OutlayDatabase *database = outlay_repository_get_database (self->repository);
  const Bucket   *bucket = &g_array_index (self->buckets, Bucket, bucket_at (self, position));
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int next, rc;

  outlay_bindings_init (&bindings);
  stmt = prepare_by_day (self, "SELECT " OUTLAY_EXPENSE_COLUMNS,
                         self->query->descending
                           ? " AND occurred_on <= ? ORDER BY occurred_on DESC, id DESC LIMIT ? OFFSET ?"
                           : " AND occurred_on >= ? ORDER BY occurred_on ASC, id ASC LIMIT ? OFFSET ?",
                         NULL, &bindings, error);
  if (stmt == NULL)
    return FALSE;

  next = bindings.kinds->len + 1;
  sqlite3_bind_text (stmt, next, bucket->day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, next + 1, count);
  sqlite3_bind_int64 (stmt, next + 2, position - bucket->start);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, outlay_expense_new_from_statement (stmt));

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }

  return TRUE;
}

/* One query for the page, then the rows back in the list's order. */
static gboolean
fetch_rows_by_id (OutlayExpenseModel *self,
                  guint               position,
                  guint               count,
                  GPtrArray          *rows,
                  GError            **error)
{
  OutlayDatabase *database = outlay_repository_get_database (self->repository);
  g_autoptr (GString) sql = g_string_new ("SELECT " OUTLAY_EXPENSE_COLUMNS " FROM expenses WHERE id IN (");
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  const gint64 *ids = (const gint64 *) (gpointer) self->ids->data;
  gint64        found[PAGE_SIZE];
  guint         n_found = 0;
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  int rc;

  count = MIN (MIN (count, self->ids->len - position), PAGE_SIZE);
  for (guint i = 0; i < count; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append_c (sql, ')');

  stmt = outlay_database_prepare (database, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < count; i++)
    sqlite3_bind_int64 (stmt, i + 1, ids[position + i]);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && n_found < count)
    {
      OutlayExpense *expense = outlay_expense_new_from_statement (stmt);

      found[n_found] = outlay_expense_get_id (expense);
      g_hash_table_insert (by_id, &found[n_found++], expense);
    }

  if (rc != SQLITE_DONE)
    {
      outlay_database_propagate_error (database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }

  for (guint i = 0; i < count; i++)
    {
      gpointer expense = NULL;

      if (!g_hash_table_steal_extended (by_id, &ids[position + i], NULL, &expense))
        {
          g_set_error_literal (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_FAILED,
                               _("An expense of the list has disappeared."));
          return FALSE;
        }
      g_ptr_array_add (rows, expense);
    }

  return TRUE;
}

static GPtrArray *
load_page (OutlayExpenseModel *self,
           guint               page)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  guint    position = page * PAGE_SIZE;
  guint    count = MIN (PAGE_SIZE, self->n_items - position);
  gboolean ok;

  if (self->by_day)
    ok = fetch_rows_by_day (self, position, count, rows, &error);
  else
    ok = fetch_rows_by_id (self, position, count, rows, &error);

  if (!ok)
    {
      warn_unless_damaged (error, "Could not load expenses %u to %u", position, position + count);
      return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    rows->pdata[i] = adopt_row (self, rows->pdata[i]);

  if (g_queue_get_length (&self->page_order) >= MAX_PAGES)
    {
      guint oldest = GPOINTER_TO_UINT (g_queue_pop_tail (&self->page_order));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest));
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), g_ptr_array_ref (rows));
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));

  return rows;
}

static GType
outlay_expense_model_get_item_type (GListModel *model)
{
  return OUTLAY_TYPE_EXPENSE;
}

static guint
outlay_expense_model_get_n_items (GListModel *model)
{
  OutlayExpenseModel *self = OUTLAY_EXPENSE_MODEL (model);

  return self->hidden != G_MAXUINT ? self->n_items - self->n_hidden : self->n_items;
}

static gpointer
outlay_expense_model_get_item (GListModel *model,
                               guint       position)
{
  OutlayExpenseModel *self = OUTLAY_EXPENSE_MODEL (model);
  GPtrArray          *rows;
  guint               page;

  if (self->hidden != G_MAXUINT && position >= self->hidden)
    position += self->n_hidden;

  if (position >= self->n_items)
    return NULL;

  page = position / PAGE_SIZE;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    {
      if (self->page_order.head->data != GUINT_TO_POINTER (page))
        {
          g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
          g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
        }
    }
  else if ((rows = load_page (self, page)) == NULL)
    return NULL;

  if (position % PAGE_SIZE >= rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = outlay_expense_model_get_item_type;
  iface->get_n_items = outlay_expense_model_get_n_items;
  iface->get_item = outlay_expense_model_get_item;
}

/* Where @expense sits in the list given the buckets as they are: the start
 * of its day plus the rows of that day that come before it. */
static gboolean
position_by_day (OutlayExpenseModel *self,
                 OutlayExpense      *expense,
                 guint              *position,
                 GError            **error)
{
  OutlayDatabase *database = outlay_repository_get_database (self->repository);
  const char     *day = outlay_expense_get_occurred_on (expense);
  g_auto (OutlayBindings) bindings = { NULL };
  g_autoptr (OutlayCachedStatement) stmt = NULL;
  gboolean found;
  guint    index;
  int      next, rc;

  ensure_starts (self);
  index = find_bucket (self, day, &found);
  if (found)
    *position = g_array_index (self->buckets, Bucket, index).start;
  else if (index < self->buckets->len)
    *position = g_array_index (self->buckets, Bucket, index).start;
  else
    *position = self->n_items;

  if (!found)
    return TRUE;

  outlay_bindings_init (&bindings);
  stmt = prepare_by_day (self, "SELECT count(*)",
                         self->query->descending ? " AND occurred_on = ? AND id > ?"
                                                 : " AND occurred_on = ? AND id < ?",
                         NULL, &bindings, error);
  if (stmt == NULL)
    return FALSE;

  next = bindings.kinds->len + 1;
  sqlite3_bind_text (stmt, next, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, next + 1, outlay_expense_get_id (expense));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *position += (guint) sqlite3_column_int64 (stmt, 0);

  if (rc != SQLITE_ROW)
    {
      outlay_database_propagate_error (database, error, rc, _("Could not read the expenses"));
      return FALSE;
    }

  return TRUE;
}

static void
bucket_add (OutlayExpenseModel *self,
            const char         *day,
            int                 delta)
{
  gboolean found;
  guint    index = find_bucket (self, day, &found);

  if (!found)
    {
      Bucket bucket = { { 0 }, 0, 0 };

      g_return_if_fail (delta > 0);
      g_strlcpy (bucket.day, day, sizeof bucket.day);
      g_array_insert_val (self->buckets, index, bucket);
    }

  g_array_index (self->buckets, Bucket, index).count += delta;
  if (g_array_index (self->buckets, Bucket, index).count == 0)
    g_array_remove_index (self->buckets, index);

  self->n_items += delta;
  self->starts_dirty = TRUE;
}

static void
notify_n_items (OutlayExpenseModel *self,
                guint               old_n_items)
{
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
refresh_live_objects (OutlayExpenseModel *self)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer       value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (objects, g_object_ref (value));

  for (guint i = 0; i < objects->len; i++)
    {
      g_autoptr (OutlayExpense) fresh = NULL;

      fresh = outlay_repository_get_expense (self->repository,
                                             outlay_expense_get_id (objects->pdata[i]),
                                             NULL);
      if (fresh != NULL)
        outlay_expense_assign (objects->pdata[i], fresh);
    }
}

/* Announces that @removed rows at @position became @added others. When a
 * row GTK's list view follows (the focus, the selection, where it is
 * scrolled to) is among the removed, GTK 4.8 to 4.18 look for its item
 * among all the added, one get_item() at a time, to keep it: seconds at
 * a million rows, since the item is rarely there (another search) or far
 * down. Many added rows are announced after the removal instead, which
 * leaves nothing to look through; the selection is the window's to keep. */
static void
emit_replace (OutlayExpenseModel *self,
              guint               position,
              guint               removed,
              guint               added)
{
  if (removed == 0 || added <= MAX_LOOKED_THROUGH)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  self->hidden = position;
  self->n_hidden = added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
  self->hidden = G_MAXUINT;
  self->n_hidden = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
}

static void
reload (OutlayExpenseModel *self)
{
  g_autoptr (GError) error = NULL;
  guint old_n_items = self->n_items;

  clear_pages (self);
  if (!load_index (self, &error))
    warn_unless_damaged (error, "Could not read the expenses");

  if (old_n_items > 0 || self->n_items > 0)
    emit_replace (self, 0, old_n_items, self->n_items);
  notify_n_items (self, old_n_items);
}

/* Announces a row that moved from @from (in the old list) to @to (in the
 * new one) as a removal and an addition, keeping the list consistent with
 * what each signal says. */
static void
emit_move (OutlayExpenseModel *self,
           guint               from,
           guint               to)
{
  self->hidden = to;
  self->n_hidden = 1;
  g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 0);
  self->hidden = G_MAXUINT;
  self->n_hidden = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
}

static void
apply_change_by_day (OutlayExpenseModel *self,
                     OutlayExpense      *before,
                     OutlayExpense      *after)
{
  g_autoptr (GError) error = NULL;
  gboolean was = before != NULL && outlay_query_matches_expense (self->query, before);
  gboolean is = after != NULL && outlay_query_matches_expense (self->query, after);
  guint    old_n_items = self->n_items;
  guint    removed_at = 0, added_at = 0;

  if (!was && !is)
    return;

  if (was)
    {
      if (!position_by_day (self, before, &removed_at, &error))
        goto failed;
      bucket_add (self, outlay_expense_get_occurred_on (before), -1);
    }

  if (is)
    {
      if (!position_by_day (self, after, &added_at, &error))
        goto failed;
      bucket_add (self, outlay_expense_get_occurred_on (after), +1);
    }

  clear_pages (self);

  /* The list is right before anyone hears of it. */
  if (was && is && removed_at == added_at)
    return;

  if (was && is)
    emit_move (self, removed_at, added_at);
  else if (was)
    g_list_model_items_changed (G_LIST_MODEL (self), removed_at, 1, 0);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), added_at, 0, 1);

  notify_n_items (self, old_n_items);
  return;

failed:
  warn_unless_damaged (error, "Could not follow a change, reloading");
  reload (self);
}

/* Tells the list how the ids it had became self->ids: the span between
 * the common start and end, or one row that moved. */
static void
emit_difference (OutlayExpenseModel *self,
                 GArray             *old_ids,
                 guint               old_n_items)
{
  guint         prefix = 0, suffix = 0, removed, added;
  const gint64 *a = (const gint64 *) (gpointer) old_ids->data;
  const gint64 *b = (const gint64 *) (gpointer) self->ids->data;

  while (prefix < old_ids->len && prefix < self->ids->len && a[prefix] == b[prefix])
    prefix++;
  while (suffix < old_ids->len - prefix && suffix < self->ids->len - prefix &&
         a[old_ids->len - 1 - suffix] == b[self->ids->len - 1 - suffix])
    suffix++;

  removed = old_ids->len - prefix - suffix;
  added = self->ids->len - prefix - suffix;

  if (removed == 0 && added == 0)
    return;

  /* One row that moved: a removal and an addition, not the whole span. */
  if (removed == added && removed > 1)
    {
      const gint64 *x = a + prefix, *y = b + prefix;
      guint         n = removed;

      if (x[0] == y[n - 1] && memcmp (x + 1, y, (n - 1) * sizeof (gint64)) == 0)
        {
          emit_move (self, prefix, prefix + n - 1);
          return;
        }
      if (x[n - 1] == y[0] && memcmp (x, y + 1, (n - 1) * sizeof (gint64)) == 0)
        {
          emit_move (self, prefix + n - 1, prefix);
          return;
        }
    }

  emit_replace (self, prefix, removed, added);
  notify_n_items (self, old_n_items);
}

/* Whether a change may add, remove or move a row of a list of ids: only
 * the text can only be checked in SQL; the rest rules rows out. */
static gboolean
change_may_touch (OutlayExpenseModel *self,
                  OutlayExpense      *before,
                  OutlayExpense      *after)
{
  return (before != NULL && outlay_query_matches_expense (self->query, before)) ||
         (after != NULL && outlay_query_matches_expense (self->query, after));
}

static void
apply_change_by_id (OutlayExpenseModel *self,
                    OutlayExpense      *before,
                    OutlayExpense      *after)
{
  g_autoptr (GArray) old_ids = NULL;
  g_autoptr (GError) error = NULL;
  guint old_n_items = self->n_items;

  if (!change_may_touch (self, before, after))
    return;

  old_ids = g_steal_pointer (&self->ids);
  if (!load_index (self, &error))
    {
      warn_unless_damaged (error, "Could not follow a change");
      clear_pages (self);
      emit_replace (self, 0, old_ids->len, self->n_items);
      notify_n_items (self, old_n_items);
      return;
    }

  clear_pages (self);
  emit_difference (self, old_ids, old_n_items);
}

static void
set_loading (OutlayExpenseModel *self,
             GCancellable       *loading)
{
  gboolean was_loading = self->loading != NULL;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, loading);

  if (was_loading != (loading != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Shows a list read in a worker (all of it, or its first page), with the
 * smallest change. */
static void
show_index (OutlayExpenseModel *self,
            ListIndex          *index)
{
  g_autoptr (ListIndex) shown = index;
  g_autoptr (GArray) old_ids = NULL;
  guint old_n_items = self->n_items;

  if (!self->by_day && !index->by_day)
    old_ids = g_steal_pointer (&self->ids);

  clear_pages (self);
  take_index (self, index);

  if (old_ids != NULL)
    emit_difference (self, old_ids, old_n_items);
  else
    {
      if (old_n_items > 0 || self->n_items > 0)
        emit_replace (self, 0, old_n_items, self->n_items);
      notify_n_items (self, old_n_items);
    }
}

static void
index_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr (OutlayExpenseModel) self = g_weak_ref_get (&load->model);
  g_autoptr (ListIndex) index = NULL;
  g_autoptr (GError) error = NULL;

  load_unref (load);

  index = outlay_reader_run_finish (OUTLAY_READER (source), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A newer query or a change started another read: only that one counts. */
  if (self->loading == NULL || g_cancellable_is_cancelled (self->loading) ||
      g_task_get_cancellable (G_TASK (result)) != self->loading)
    return;

  if (index == NULL)
    {
      /* The list shows the query it can read; the damage is the window's
       * to tell. */
      warn_unless_damaged (error, "Could not read the expenses");
      g_clear_pointer (&self->pending, outlay_query_free);

      /* Not the first page of a list that cannot be read whole. */
      if (self->partial)
        {
          guint old_n_items = self->n_items;

          clear_pages (self);
          take_index (self, NULL);
          emit_replace (self, 0, old_n_items, self->n_items);
          notify_n_items (self, old_n_items);
        }

      set_loading (self, NULL);
      return;
    }

  show_index (self, g_steal_pointer (&index));

  /* Loading ends once the list is the whole new one. */
  g_clear_pointer (&self->pending, outlay_query_free);
  set_loading (self, NULL);
}

/* Reads self->pending in a worker, in place of any read still running. */
static void
start_load (OutlayExpenseModel *self)
{
  g_autoptr (GCancellable) loading = g_cancellable_new ();
  Load *load;

  if (self->reader == NULL)
    self->reader = outlay_reader_new (self->repository);

  set_loading (self, loading);
  /* A read under way does not keep the model alive. */
  load = load_new (self, loading);
  outlay_reader_run_async (self->reader, read_index_thread, load_ref (load), (GDestroyNotify) load_unref,
                           (GDestroyNotify) list_index_free, loading, index_read_cb, load);
}

static void
on_expenses_changed_cb (OutlayExpenseModel  *self,
                        OutlayExpenseChange *change,
                        OutlayRepository    *repository)
{
  OutlayExpense *live = NULL;

  if (change->kind == OUTLAY_CHANGE_RESET)
    {
      reload (self);
      refresh_live_objects (self);
      if (self->pending != NULL)
        start_load (self);
      return;
    }

  /* Objects already handed out take the new values first. */
  if (change->after != NULL)
    {
      gint64 id = outlay_expense_get_id (change->after);

      live = g_hash_table_lookup (self->live, &id);
      if (live != NULL)
        outlay_expense_assign (live, change->after);
    }

  /* The first page of a list being read is not the list to change: the
   * read starts again, and the whole list comes with the change in it. */
  if (self->by_day)
    apply_change_by_day (self, change->before, change->after);
  else if (!self->partial && self->read_us < FOLLOW_AT_ONCE_US && !self->follow_in_worker)
    apply_change_by_id (self, change->before, change->after);
  else if (self->pending == NULL && change_may_touch (self, change->before, change->after))
    /* A long list (a search of a large ledger, another order) is read
     * again in the worker; it shows the change when that read ends, its
     * rows already showing their new values. */
    self->pending = outlay_query_copy (self->query);

  /* A read that started before the change may not have seen it. */
  if (self->pending != NULL)
    start_load (self);
}

static void
outlay_expense_model_constructed (GObject *object)
{
  OutlayExpenseModel *self = (OutlayExpenseModel *) object;
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (outlay_expense_model_parent_class)->constructed (object);

  self->changed_handler = g_signal_connect_object (self->repository, "expenses-changed",
                                                   G_CALLBACK (on_expenses_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  if (!load_index (self, &error))
    warn_unless_damaged (error, "Could not read the expenses");
}

static void
outlay_expense_model_dispose (GObject *object)
{
  OutlayExpenseModel *self = (OutlayExpenseModel *) object;
  GHashTableIter      iter;
  gpointer            key, value;

  set_loading (self, NULL);
  g_clear_object (&self->reader);
  clear_pages (self);

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_object_weak_unref (value, expense_finalized_cb, key);
      g_hash_table_iter_remove (&iter);
    }

  if (self->repository != NULL)
    g_clear_signal_handler (&self->changed_handler, self->repository);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (outlay_expense_model_parent_class)->dispose (object);
}

static void
outlay_expense_model_finalize (GObject *object)
{
  OutlayExpenseModel *self = (OutlayExpenseModel *) object;

  g_clear_pointer (&self->query, outlay_query_free);
  g_clear_pointer (&self->pending, outlay_query_free);
  g_clear_pointer (&self->buckets, g_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (outlay_expense_model_parent_class)->finalize (object);
}

static void
outlay_expense_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OutlayExpenseModel *self = OUTLAY_EXPENSE_MODEL (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    case PROP_QUERY:
      g_value_set_boxed (value, outlay_expense_model_get_query (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_expense_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OutlayExpenseModel *self = OUTLAY_EXPENSE_MODEL (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      if (self->repository == NULL || self->changed_handler == 0)
        {
          const OutlayQuery *query = g_value_get_boxed (value);

          if (query != NULL)
            {
              g_clear_pointer (&self->query, outlay_query_free);
              self->query = outlay_query_copy (query);
            }
        }
      else
        outlay_expense_model_set_query (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_expense_model_class_init (OutlayExpenseModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = outlay_expense_model_constructed;
  object_class->dispose = outlay_expense_model_dispose;
  object_class->finalize = outlay_expense_model_finalize;
  object_class->get_property = outlay_expense_model_get_property;
  object_class->set_property = outlay_expense_model_set_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         OUTLAY_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL,
                        OUTLAY_TYPE_QUERY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * OutlayExpenseModel:loading:
   *
   * Whether a query is being read in a worker; the list shows the previous
   * one meanwhile.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_expense_model_init (OutlayExpenseModel *self)
{
  self->query = outlay_query_new ();
  self->hidden = G_MAXUINT;
  self->buckets = g_array_new (FALSE, FALSE, sizeof (Bucket));
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

OutlayExpenseModel *
outlay_expense_model_new (OutlayRepository *repository)
{
  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);

  return g_object_new (OUTLAY_TYPE_EXPENSE_MODEL, "repository", repository, NULL);
}

OutlayRepository *
outlay_expense_model_get_repository (OutlayExpenseModel *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_MODEL (self), NULL);

  return self->repository;
}

/**
 * outlay_expense_model_get_query:
 *
 * Returns: the query last asked for, which the list shows once
 *   #OutlayExpenseModel:loading is %FALSE
 */
const OutlayQuery *
outlay_expense_model_get_query (OutlayExpenseModel *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_MODEL (self), NULL);

  return self->pending != NULL ? self->pending : self->query;
}

/**
 * outlay_expense_model_get_shown_query:
 *
 * Returns: the query of the rows the list has now: while a newer one is
 *   read (#OutlayExpenseModel:loading), the one before it, or the newer
 *   one once its first page is shown
 */
const OutlayQuery *
outlay_expense_model_get_shown_query (OutlayExpenseModel *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_MODEL (self), NULL);

  return self->query;
}

/* For tests: a write in any list of ids is followed in the worker. */
void
outlay_expense_model_set_follow_in_worker (OutlayExpenseModel *self,
                                           gboolean            follow_in_worker)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE_MODEL (self));

  self->follow_in_worker = follow_in_worker;
}

/**
 * outlay_expense_model_is_loading:
 *
 * Returns: the value of #OutlayExpenseModel:loading
 */
gboolean
outlay_expense_model_is_loading (OutlayExpenseModel *self)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_MODEL (self), FALSE);

  return self->loading != NULL;
}

/**
 * outlay_expense_model_set_query:
 *
 * Changes the filter and sort. A query the per-day summary answers (by date,
 * with categories and dates at most) is shown at once; any other — a search,
 * an amount range, another order — is read in a worker, newest request
 * first, while the list keeps showing the previous result
 * (#OutlayExpenseModel:loading). Then the list changes by the smallest
 * items-changed.
 */
void
outlay_expense_model_set_query (OutlayExpenseModel *self,
                                const OutlayQuery  *query)
{
  g_return_if_fail (OUTLAY_IS_EXPENSE_MODEL (self));
  g_return_if_fail (query != NULL);

  if (outlay_query_equal (outlay_expense_model_get_query (self), query))
    return;

  g_clear_pointer (&self->pending, outlay_query_free);

  /* Back to what the list shows, unless that is only its first page,
   * which is then read whole. */
  if (outlay_query_equal (self->query, query) && !self->partial)
    set_loading (self, NULL);
  else if (can_use_days (query))
    {
      set_loading (self, NULL);
      g_clear_pointer (&self->query, outlay_query_free);
      self->query = outlay_query_copy (query);
      reload (self);
    }
  else
    {
      self->pending = outlay_query_copy (query);
      start_load (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * outlay_expense_model_find:
 *
 * Returns: the position of the expense in the list, or %G_MAXUINT
 */
guint
outlay_expense_model_find (OutlayExpenseModel *self,
                           gint64              id)
{
  g_return_val_if_fail (OUTLAY_IS_EXPENSE_MODEL (self), G_MAXUINT);

  if (self->by_day)
    {
      g_autoptr (OutlayExpense) expense = outlay_repository_get_expense (self->repository, id, NULL);
      guint position;

      if (expense == NULL || !outlay_query_matches_expense (self->query, expense) ||
          !position_by_day (self, expense, &position, NULL))
        return G_MAXUINT;

      return position;
    }

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}
