/* test-faults.c
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

/* Every write of the store with the disk failing at each of its I/O calls
 * in turn (tests/lib/outlay-test-faults.c): the write fails with an error
 * and changes nothing, or succeeds whole, and works once the disk does. */

#include "config.h"

#include <errno.h>
#include <string.h>

#include "outlay-backups.h"
#include "outlay-store-private.h"
#include "outlay-test-faults.h"

typedef OutlayTestFixture Fixture;

/* Enough to reach the first and last calls of every kind and a spread in
 * between while the program stays within seconds. */
#define MAX_PER_KIND 16

/* The expenses of outlay_test_add_sample_expenses() that the writes use,
 * looked up before the faults are armed. */
typedef struct
{
  gint64 bus_ticket;
  gint64 taxi; /* deleted */
} Sample;

static gint64
expense_id (Fixture    *fixture,
            const char *description)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM expenses WHERE description = '%s'", description);

  return outlay_test_query_int (outlay_test_handle (fixture), sql);
}

static gpointer
find_sample (Fixture *fixture,
             gpointer user_data)
{
  Sample *sample = g_new0 (Sample, 1);

  sample->bus_ticket = expense_id (fixture, "Bus ticket");
  sample->taxi = expense_id (fixture, "Taxi");

  return sample;
}

static void
check (Fixture                    *fixture,
       const OutlayFaultOperation *operation)
{
  guint n_injected;

  outlay_test_add_sample_expenses (fixture);
  n_injected = outlay_test_faults_check (fixture, operation, NULL, MAX_PER_KIND);
  g_assert_cmpuint (n_injected, >, 0);
}

static gboolean
take_expense (OutlayExpense *expense)
{
  g_clear_object (&expense);

  return TRUE;
}

static gboolean
add_expense (Fixture *fixture,
             gpointer state,
             GError **error)
{
  g_autoptr (OutlayExpense) draft = outlay_test_draft (1250, "EUR", "2024-04-01", "Lunch",
                                                       outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  OutlayExpense *stored = outlay_repository_add_expense (fixture->repository, draft, error);

  return stored != NULL && take_expense (stored);
}

static gboolean
add_expenses (Fixture *fixture,
              gpointer state,
              GError **error)
{
  gint64 food = outlay_test_category (fixture, OUTLAY_TEST_FOOD);
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *description = g_strdup_printf ("Bakery %u", i);

      g_ptr_array_add (drafts, outlay_test_draft (100 + i, "EUR", "2024-05-01", description, food));
    }

  return outlay_repository_add_expenses (fixture->repository, (OutlayExpense **) drafts->pdata, drafts->len, error);
}

static gboolean
update_expense (Fixture *fixture,
                gpointer state,
                GError **error)
{
  const Sample *sample = state;
  g_autoptr (OutlayExpense) expense = outlay_repository_get_expense (fixture->repository, sample->bus_ticket, error);
  OutlayExpense *stored;

  if (expense == NULL)
    return FALSE;

  outlay_expense_set_amount (expense, 310);
  outlay_expense_set_occurred_on (expense, "2024-03-01");
  outlay_expense_set_category_id (expense, outlay_test_category (fixture, OUTLAY_TEST_TRAVEL));
  stored = outlay_repository_update_expense (fixture->repository, expense, error);

  return stored != NULL && take_expense (stored);
}

static gboolean
delete_expense (Fixture *fixture,
                gpointer state,
                GError **error)
{
  const Sample  *sample = state;
  OutlayExpense *deleted = outlay_repository_delete_expense (fixture->repository, sample->bus_ticket, error);

  return deleted != NULL && take_expense (deleted);
}

static gboolean
restore_expense (Fixture *fixture,
                 gpointer state,
                 GError **error)
{
  const Sample  *sample = state;
  OutlayExpense *restored = outlay_repository_restore_expense (fixture->repository, sample->taxi, error);

  return restored != NULL && take_expense (restored);
}

static gboolean
add_category (Fixture *fixture,
              gpointer state,
              GError **error)
{
  /* The repository keeps the category. */
  return outlay_repository_add_category (fixture->repository, "Pets", "applications-games-symbolic", "#33d17a",
                                         error) != NULL;
}

static gboolean
rename_category (Fixture *fixture,
                 gpointer state,
                 GError **error)
{
  return outlay_repository_rename_category (fixture->repository, outlay_test_category (fixture, OUTLAY_TEST_FOOD),
                                            "Eating out", error);
}

static gboolean
recolor_category (Fixture *fixture,
                  gpointer state,
                  GError **error)
{
  return outlay_repository_recolor_category (fixture->repository,
                                             outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT),
                                             "#e01b24", error);
}

static gboolean
move_category (Fixture *fixture,
               gpointer state,
               GError **error)
{
  return outlay_repository_move_category (fixture->repository, outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT),
                                          OUTLAY_TEST_TRAVEL, error);
}

static gboolean
delete_category (Fixture *fixture,
                 gpointer state,
                 GError **error)
{
  guint n_moved = 0;

  /* Transport holds expenses, which move to the fallback category. */
  return outlay_repository_delete_category (fixture->repository, outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT),
                                            &n_moved, error);
}

static gboolean
add_subcategory (Fixture *fixture,
                 gpointer state,
                 GError **error)
{
  OutlayCategory *food = outlay_repository_lookup_category (fixture->repository,
                                                            outlay_test_category (fixture, OUTLAY_TEST_FOOD));

  return outlay_repository_add_subcategory (fixture->repository, food, "Restaurants", "emoji-food-symbolic",
                                            "#c64600", error) != NULL;
}

/* Transport, renamed, recoloured, under Travel in one write. */
static gboolean
change_category (Fixture *fixture,
                 gpointer state,
                 GError **error)
{
  OutlayCategory       *travel = outlay_repository_lookup_category (fixture->repository,
                                                                    outlay_test_category (fixture, OUTLAY_TEST_TRAVEL));
  OutlayCategoryChanges changes = { 0 };

  changes.name = "Getting around";
  changes.color = "#e01b24";
  changes.parent_uuid = outlay_category_get_uuid (travel);

  return outlay_repository_change_category (fixture->repository, outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT),
                                            &changes, error);
}

static gboolean
hide_category (Fixture *fixture,
               gpointer state,
               GError **error)
{
  return outlay_repository_set_category_hidden (fixture->repository,
                                                outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT), TRUE, error);
}

/* Transport, which holds expenses, merged into Travel. */
static gboolean
merge_category (Fixture *fixture,
                gpointer state,
                GError **error)
{
  g_autoptr (OutlayCategoryRemoval) removal =
    outlay_repository_remove_category (fixture->repository, outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT),
                                       outlay_test_category (fixture, OUTLAY_TEST_TRAVEL), TRUE, error);

  return removal != NULL;
}

/* What the test deleted before the faults: Transport, its expenses in
 * Other. */
static gpointer
ref_removal (Fixture *fixture,
             gpointer user_data)
{
  return outlay_category_removal_ref (user_data);
}

static gboolean
undo_category_removal (Fixture *fixture,
                       gpointer state,
                       GError **error)
{
  return outlay_repository_undo_category_removal (fixture->repository, state, error);
}

static void
test_undo_category_removal (Fixture      *fixture,
                            gconstpointer user_data)
{
  static const OutlayFaultOperation operation = { "undo deleting a category", ref_removal, undo_category_removal,
                                                  (GDestroyNotify) outlay_category_removal_unref };
  g_autoptr (OutlayCategoryRemoval) removal = NULL;
  g_autoptr (GError) error = NULL;

  outlay_test_add_sample_expenses (fixture);
  removal = outlay_repository_remove_category (fixture->repository,
                                               outlay_test_category (fixture, OUTLAY_TEST_TRANSPORT), 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_category_removal_get_n_expenses (removal), >, 0);
  g_assert_cmpuint (outlay_test_faults_check (fixture, &operation, removal, MAX_PER_KIND), >, 0);
}

static gboolean
set_currency (Fixture *fixture,
              gpointer state,
              GError **error)
{
  return outlay_repository_set_currency (fixture->repository, "CHF", error);
}

static gboolean
record_currency (Fixture *fixture,
                 gpointer state,
                 GError **error)
{
  return outlay_repository_record_currency (fixture->repository, "CHF", error);
}

static gboolean
create_backup (Fixture *fixture,
               gpointer state,
               GError **error)
{
  g_autoptr (OutlayBackups) backups = outlay_backups_new (fixture->database);
  g_autofree char *path = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, error);

  return path != NULL;
}

static gboolean
restore_backup (Fixture *fixture,
                gpointer state,
                GError **error)
{
  g_autoptr (OutlayBackups) backups = outlay_backups_new (fixture->database);
  g_autofree char *safety = NULL;

  if (!outlay_backups_restore (backups, state, &safety, error))
    return FALSE;

  /* As the window does after a restore. */
  outlay_repository_reload (fixture->repository);

  return TRUE;
}

static gpointer
find_backup (Fixture *fixture,
             gpointer user_data)
{
  g_autoptr (OutlayBackups) backups = outlay_backups_new (fixture->database);
  g_autoptr (GPtrArray) list = outlay_backups_list (backups, NULL);
  OutlayBackupInfo *newest;

  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, >, 0);
  newest = g_ptr_array_index (list, 0);

  return g_strdup (newest->path);
}

static OutlayBudget *
budget_draft (Fixture *fixture)
{
  OutlayBudget     *budget = outlay_budget_new ();
  OutlayCategory   *food = outlay_repository_lookup_category (fixture->repository,
                                                              outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  const char *const categories[] = { outlay_category_get_uuid (food), NULL };

  outlay_budget_set_name (budget, "Eating out");
  outlay_budget_set_amount (budget, 20000);
  outlay_budget_set_currency (budget, "EUR");
  outlay_budget_set_cycle (budget, OUTLAY_CYCLE_MONTH, 1, "2024-01-25", NULL);
  outlay_budget_set_categories (budget, categories);
  outlay_budget_set_rollover (budget, OUTLAY_ROLLOVER_SURPLUS, -1, NULL);
  return budget;
}

static gboolean
add_budget (Fixture *fixture,
            gpointer state,
            GError **error)
{
  g_autoptr (OutlayBudget) draft = budget_draft (fixture);
  g_autoptr (OutlayBudget) stored = outlay_repository_add_budget (fixture->repository, draft, error);

  return stored != NULL;
}

/* The budget the test put in the ledger before the faults. */
static gpointer
find_budget (Fixture *fixture,
             gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  OutlayBudget *budget = outlay_repository_find_budget (fixture->repository, "Eating out", &error);

  g_assert_no_error (error);
  return budget;
}

static gboolean
update_budget (Fixture *fixture,
               gpointer state,
               GError **error)
{
  g_autoptr (OutlayBudget) budget = outlay_budget_copy (state);
  g_autoptr (OutlayBudget) stored = NULL;

  outlay_budget_set_amount (budget, 25000);
  outlay_budget_set_rollover (budget, OUTLAY_ROLLOVER_BOTH, 5000, "2024-02-25");
  stored = outlay_repository_update_budget (fixture->repository, budget, error);
  return stored != NULL;
}

static gboolean
delete_budget (Fixture *fixture,
               gpointer state,
               GError **error)
{
  g_autoptr (OutlayBudget) before = outlay_repository_delete_budget (fixture->repository,
                                                                     outlay_budget_get_id (state), error);

  return before != NULL;
}

static gboolean
restore_budget (Fixture *fixture,
                gpointer state,
                GError **error)
{
  g_autoptr (OutlayBudget) restored = outlay_repository_restore_budget (fixture->repository,
                                                                        outlay_budget_get_id (state), error);

  return restored != NULL;
}

static void
delete_stored_budget (Fixture      *fixture,
                      OutlayBudget *stored)
{
  g_autoptr (OutlayBudget) before = NULL;
  g_autoptr (GError) error = NULL;

  before = outlay_repository_delete_budget (fixture->repository, outlay_budget_get_id (stored), &error);
  g_assert_no_error (error);
}

/* The budget the test deleted before the faults: its id is all that
 * restore_budget() needs, and the store lists deleted budgets nowhere. */
static gpointer
find_deleted_budget (Fixture *fixture,
                     gpointer user_data)
{
  const char   *sql = "SELECT id FROM budgets WHERE name = 'Eating out' AND deleted_at IS NOT NULL";
  OutlayBudget *budget = outlay_budget_new ();

  outlay_budget_set_identity (budget, outlay_test_query_int (outlay_test_handle (fixture), sql), NULL, 0);
  return budget;
}

/* Moves the test's budget, first of three, to the end: every position
 * changes. */
static gboolean
move_budget (Fixture *fixture,
             gpointer state,
             GError **error)
{
  return outlay_repository_move_budget (fixture->repository, outlay_budget_get_id (state), 2, error);
}

static void
add_two_budgets (Fixture      *fixture,
                 OutlayBudget *stored)
{
  const char *const names[] = { "Groceries", "Trips" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (OutlayBudget) draft = budget_draft (fixture);
      g_autoptr (OutlayBudget) added = NULL;
      g_autoptr (GError) error = NULL;

      outlay_budget_set_name (draft, names[i]);
      added = outlay_repository_add_budget (fixture->repository, draft, &error);
      g_assert_no_error (error);
      g_assert_cmpint (outlay_budget_get_position (added), >, outlay_budget_get_position (stored));
    }
}

/* December gets its own amount, replacing one it had: the old row is
 * deleted softly and a new one added, in one transaction. */
static gboolean
override_budget (Fixture *fixture,
                 gpointer state,
                 GError **error)
{
  return outlay_repository_set_budget_override (fixture->repository, outlay_budget_get_id (state), "2024-12-15",
                                                70000, NULL, error);
}

static void
give_december (Fixture      *fixture,
               OutlayBudget *stored)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_repository_set_budget_override (fixture->repository, outlay_budget_get_id (stored),
                                                        "2024-12-01", 60000, NULL, &error));
  g_assert_no_error (error);
}

/* The operation @run on the budget of the test, which @before (when not
 * %NULL) changes or joins others first; @find gives it to @run. */
#define BUDGET_OPERATION_AFTER(name, before, find, run) \
  static void \
  test_##run (Fixture      *fixture, \
              gconstpointer user_data) \
  { \
    static const OutlayFaultOperation operation = { name, find, run, g_object_unref }; \
    void (*prepare_ledger) (Fixture *, OutlayBudget *) = before; \
    g_autoptr (OutlayBudget) draft = budget_draft (fixture); \
    g_autoptr (OutlayBudget) stored = NULL; \
    g_autoptr (GError) error = NULL; \
\
    stored = outlay_repository_add_budget (fixture->repository, draft, &error); \
    g_assert_no_error (error); \
    if (prepare_ledger != NULL) \
      prepare_ledger (fixture, stored); \
    check (fixture, &operation); \
  }

#define BUDGET_OPERATION(name, run) BUDGET_OPERATION_AFTER (name, NULL, find_budget, run)

/* The café au lait of January is 90 % of a budget of 5 a month. */
static gboolean
take_budget_alerts (Fixture *fixture,
                    gpointer state,
                    GError **error)
{
  g_autoptr (GDate) day = g_date_new_dmy (10, G_DATE_JANUARY, 2024);
  g_autoptr (GPtrArray) alerts = outlay_repository_take_budget_alerts (fixture->repository, day, error);

  if (alerts != NULL)
    g_assert_cmpuint (alerts->len, ==, 1);
  return alerts != NULL;
}

static void
test_take_budget_alerts (Fixture      *fixture,
                         gconstpointer user_data)
{
  static const OutlayFaultOperation operation = { "remember a budget's alerts", NULL, take_budget_alerts, NULL };
  g_autoptr (OutlayBudget) draft = budget_draft (fixture);
  g_autoptr (OutlayBudget) stored = NULL;
  g_autoptr (GError) error = NULL;

  outlay_budget_set_amount (draft, 500);
  outlay_budget_set_cycle (draft, OUTLAY_CYCLE_MONTH, 1, "2024-01-01", NULL);
  stored = outlay_repository_add_budget (fixture->repository, draft, &error);
  g_assert_no_error (error);
  check (fixture, &operation);
}

BUDGET_OPERATION ("update budget", update_budget)
BUDGET_OPERATION ("delete budget", delete_budget)
BUDGET_OPERATION_AFTER ("restore budget", delete_stored_budget, find_deleted_budget, restore_budget)
BUDGET_OPERATION_AFTER ("move budget", add_two_budgets, find_budget, move_budget)
BUDGET_OPERATION_AFTER ("override a budget's period", give_december, find_budget, override_budget)

/* Recurring expenses: rent on the 1st from January 2024, with a sample
 * ledger beside it. */
static OutlayRecurringRule *
rule_draft (Fixture    *fixture,
            const char *description)
{
  g_autoptr (OutlayCategory) housing =
    g_list_model_get_item (outlay_repository_get_categories (fixture->repository), OUTLAY_TEST_HOUSING);
  OutlayRecurringRule *rule = outlay_recurring_rule_new ();
  g_autoptr (GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  OutlayRecurrence recurrence;

  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, start);
  outlay_recurring_rule_set_amount (rule, 95000);
  outlay_recurring_rule_set_currency (rule, "EUR");
  outlay_recurring_rule_set_description (rule, description);
  outlay_recurring_rule_set_category_uuid (rule, outlay_category_get_uuid (housing));
  outlay_recurring_rule_set_recurrence (rule, &recurrence);
  return rule;
}

static gboolean
add_rule (Fixture *fixture,
          gpointer state,
          GError **error)
{
  g_autoptr (OutlayRecurringRule) draft = rule_draft (fixture, "Rent");
  g_autoptr (OutlayRecurringRule) stored = outlay_repository_add_recurring_rule (fixture->repository, draft, error);

  return stored != NULL;
}

/* An expense typed on 1 January that repeats monthly, on 15 March: the
 * rule and three months of it, at once. */
static gboolean
add_repeating (Fixture *fixture,
               gpointer state,
               GError **error)
{
  g_autoptr (OutlayExpense) draft = outlay_test_draft (95000, "EUR", "2024-01-01", "Rent",
                                                       outlay_test_category_at (fixture->repository, 1));
  g_autoptr (GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr (GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2024);
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (GArray) written = NULL;
  OutlayRecurrence recurrence;

  outlay_recurrence_init (&recurrence, OUTLAY_REPEAT_MONTHLY, 1, start);
  stored = outlay_repository_add_repeating_expense (fixture->repository, draft, &recurrence,
                                                    OUTLAY_RECURRING_AUTOMATIC, today, &written, error);
  if (stored != NULL)
    g_assert_cmpuint (written->len, ==, 3);
  return stored != NULL;
}

/* The uuid of the rule the test added before the faults. */
static gpointer
find_rule (Fixture *fixture,
           gpointer user_data)
{
  return outlay_test_dump (outlay_test_handle (fixture),
                           "SELECT uuid FROM recurring_rules WHERE description = 'Rent' ORDER BY id DESC LIMIT 1");
}

static char *
rule_uuid (gpointer state)
{
  return g_strstrip (g_strdup (state));
}

static gboolean
update_rule (Fixture *fixture,
             gpointer state,
             GError **error)
{
  g_autofree char *uuid = rule_uuid (state);
  g_autoptr (OutlayRecurringRule) rule = outlay_repository_get_recurring_rule (fixture->repository, uuid, error);
  g_autoptr (OutlayRecurringRule) stored = NULL;

  if (rule == NULL)
    return FALSE;
  outlay_recurring_rule_set_amount (rule, 99000);
  outlay_recurring_rule_set_mode (rule, OUTLAY_RECURRING_CONFIRM);
  stored = outlay_repository_update_recurring_rule (fixture->repository, rule, error);
  return stored != NULL;
}

/* Three months of rent at once, and how far the rule is done. */
static gboolean
run_rules (Fixture *fixture,
           gpointer state,
           GError **error)
{
  g_autoptr (GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2024);
  g_autoptr (OutlayRecurringRun) run = outlay_repository_run_recurring (fixture->repository, today, 60, NULL, error);

  if (run != NULL)
    g_assert_cmpuint (run->expense_ids->len, ==, 3);
  return run != NULL;
}

/* The rule goes with the expenses it wrote. */
static gboolean
delete_rule (Fixture *fixture,
             gpointer state,
             GError **error)
{
  g_autofree char *uuid = rule_uuid (state);
  g_autoptr (OutlayRecurringRule) before = outlay_repository_delete_recurring_rule (fixture->repository, uuid, TRUE,
                                                                                    error);

  return before != NULL;
}

static gboolean
restore_rule (Fixture *fixture,
              gpointer state,
              GError **error)
{
  g_autofree char *uuid = rule_uuid (state);
  g_autoptr (OutlayRecurringRule) restored = outlay_repository_restore_recurring_rule (fixture->repository, uuid,
                                                                                       error);

  return restored != NULL;
}

static gboolean
confirm_occurrence (Fixture *fixture,
                    gpointer state,
                    GError **error)
{
  g_autofree char *uuid = rule_uuid (state);
  g_autoptr (GDate) january = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr (GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2024);

  return outlay_repository_confirm_occurrence (fixture->repository, uuid, january, today, error) > 0;
}

/* Confirm All: three months at once, or none. */
static gboolean
confirm_due (Fixture *fixture,
             gpointer state,
             GError **error)
{
  g_autoptr (GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2024);
  g_autoptr (GArray) ids = outlay_repository_confirm_due (fixture->repository, today, error);

  if (ids != NULL)
    g_assert_cmpuint (ids->len, ==, 3);
  return ids != NULL;
}

static gboolean
skip_occurrence (Fixture *fixture,
                 gpointer state,
                 GError **error)
{
  g_autofree char *uuid = rule_uuid (state);
  g_autoptr (GDate) january = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr (GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2024);

  return outlay_repository_skip_occurrence (fixture->repository, uuid, january, today, error);
}

static void
stored_rule (Fixture            *fixture,
             OutlayRecurringMode mode,
             gboolean            written,
             gboolean            deleted)
{
  g_autoptr (OutlayRecurringRule) draft = rule_draft (fixture, "Rent");
  g_autoptr (OutlayRecurringRule) stored = NULL;
  g_autoptr (OutlayRecurringRun) run = NULL;
  g_autoptr (OutlayRecurringRule) before = NULL;
  g_autoptr (GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2024);
  g_autoptr (GError) error = NULL;

  outlay_recurring_rule_set_mode (draft, mode);
  stored = outlay_repository_add_recurring_rule (fixture->repository, draft, &error);
  g_assert_no_error (error);
  if (written)
    {
      run = outlay_repository_run_recurring (fixture->repository, today, 60, NULL, &error);
      g_assert_no_error (error);
    }
  if (deleted)
    {
      before = outlay_repository_delete_recurring_rule (fixture->repository, outlay_recurring_rule_get_uuid (stored),
                                                        TRUE, &error);
      g_assert_no_error (error);
    }
}

/* January's occurrence of the rule to confirm, skipped or confirmed
 * before the faults. */
static void
skip_january (Fixture *fixture)
{
  g_autofree char *dump = find_rule (fixture, NULL);
  g_autofree char *uuid = rule_uuid (dump);
  g_autoptr (GError) error = NULL;

  g_assert_true (skip_occurrence (fixture, uuid, &error));
  g_assert_no_error (error);
}

static void
confirm_january (Fixture *fixture)
{
  g_autofree char *dump = find_rule (fixture, NULL);
  g_autofree char *uuid = rule_uuid (dump);
  g_autoptr (GError) error = NULL;

  g_assert_true (confirm_occurrence (fixture, uuid, &error));
  g_assert_no_error (error);
}

/* May's occurrence skipped: the split hands it over to the new rule. */
static void
skip_may (Fixture *fixture)
{
  g_autofree char *dump = find_rule (fixture, NULL);
  g_autofree char *uuid = rule_uuid (dump);
  g_autoptr (GDate) may = g_date_new_dmy (1, G_DATE_MAY, 2024);
  g_autoptr (GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2024);
  g_autoptr (GError) error = NULL;

  g_assert_true (outlay_repository_skip_occurrence (fixture->repository, uuid, may, today, &error));
  g_assert_no_error (error);
}

/* More rent from the middle of February, after March was written. */
static gboolean
split_rule (Fixture *fixture,
            gpointer state,
            GError **error)
{
  g_autofree char *uuid = rule_uuid (state);
  g_autoptr (OutlayRecurringRule) rule = outlay_repository_get_recurring_rule (fixture->repository, uuid, error);
  g_autoptr (OutlayRecurringRule) later = NULL;
  g_autoptr (GDate) from = g_date_new_dmy (15, G_DATE_FEBRUARY, 2024);

  if (rule == NULL)
    return FALSE;
  outlay_recurring_rule_set_amount (rule, 99000);
  later = outlay_repository_split_recurring_rule (fixture->repository, uuid, from, rule, error);
  return later != NULL;
}

/* January's occurrence paid on the 3rd, and more. */
static gboolean
override_occurrence (Fixture *fixture,
                     gpointer state,
                     GError **error)
{
  g_autofree char *uuid = rule_uuid (state);
  g_autoptr (GDate) january = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr (GDate) third = g_date_new_dmy (3, G_DATE_JANUARY, 2024);

  return outlay_repository_override_occurrence (fixture->repository, uuid, january, 99000, third, error);
}

/* The id of the expense the confirmation wrote. */
static gpointer
find_confirmed (Fixture *fixture,
                gpointer user_data)
{
  return outlay_test_dump (outlay_test_handle (fixture), "SELECT id FROM expenses WHERE rule_uuid IS NOT NULL");
}

static gboolean
restore_occurrence (Fixture *fixture,
                    gpointer state,
                    GError **error)
{
  g_autofree char *uuid = rule_uuid (state);
  g_autoptr (GDate) january = g_date_new_dmy (1, G_DATE_JANUARY, 2024);

  return outlay_repository_restore_occurrence (fixture->repository, uuid, january, error);
}

static gboolean
take_back_confirmation (Fixture *fixture,
                        gpointer state,
                        GError **error)
{
  return outlay_repository_take_back_confirmation (fixture->repository, g_ascii_strtoll (state, NULL, 10), error);
}

/* The operation @run on the rule of the test, which @before (when not
 * %NULL) changes first; @find gives what @run needs. */
#define RULE_OPERATION_AFTER(name, run, mode, written, deleted, before, find)  \
  static void                                                                  \
    test_##run (Fixture      *fixture,                                         \
                gconstpointer user_data)                                       \
  {                                                                            \
    static const OutlayFaultOperation operation = { name, find, run, g_free }; \
    void (*prepare_ledger) (Fixture *) = before;                               \
                                                                               \
    stored_rule (fixture, mode, written, deleted);                             \
    if (prepare_ledger != NULL)                                                \
      prepare_ledger (fixture);                                                \
    check (fixture, &operation);                                               \
  }

#define RULE_OPERATION(name, run, mode, written, deleted) \
  RULE_OPERATION_AFTER (name, run, mode, written, deleted, NULL, find_rule)

RULE_OPERATION ("update a recurring expense", update_rule, OUTLAY_RECURRING_AUTOMATIC, TRUE, FALSE)
RULE_OPERATION ("catch up recurring expenses", run_rules, OUTLAY_RECURRING_AUTOMATIC, FALSE, FALSE)
RULE_OPERATION ("delete a recurring expense", delete_rule, OUTLAY_RECURRING_AUTOMATIC, TRUE, FALSE)
RULE_OPERATION ("restore a recurring expense", restore_rule, OUTLAY_RECURRING_AUTOMATIC, TRUE, TRUE)
RULE_OPERATION ("confirm a recurring expense", confirm_occurrence, OUTLAY_RECURRING_CONFIRM, FALSE, FALSE)
RULE_OPERATION ("skip a recurring expense", skip_occurrence, OUTLAY_RECURRING_CONFIRM, FALSE, FALSE)
RULE_OPERATION ("confirm every due recurring expense", confirm_due, OUTLAY_RECURRING_CONFIRM, FALSE, FALSE)
/* clang-format off */
RULE_OPERATION ("change an occurrence of a recurring expense", override_occurrence, OUTLAY_RECURRING_CONFIRM, FALSE,
                FALSE)
RULE_OPERATION_AFTER ("restore an occurrence of a recurring expense", restore_occurrence, OUTLAY_RECURRING_CONFIRM,
                      FALSE, FALSE, skip_january, find_rule)
RULE_OPERATION_AFTER ("take back the confirmation of a recurring expense", take_back_confirmation,
                      OUTLAY_RECURRING_CONFIRM, FALSE, FALSE, confirm_january, find_confirmed)
RULE_OPERATION_AFTER ("change a recurring expense from a day on", split_rule, OUTLAY_RECURRING_AUTOMATIC, TRUE,
                      FALSE, skip_may, find_rule)
/* clang-format on */

/* Category rules: the bus filed under Travel and renamed, dinners under
 * Other; the writes of the rules themselves, and applying them to the
 * sample's expenses, and its Undo. */

static OutlayCategoryRule *
category_rule_draft (Fixture    *fixture,
                     const char *pattern,
                     guint       position)
{
  g_autoptr (OutlayCategory) category =
    g_list_model_get_item (outlay_repository_get_categories (fixture->repository), position);
  OutlayCategoryRule *rule = outlay_category_rule_new ();

  outlay_category_rule_set_patterns (rule, (const char *const[]){ pattern, NULL });
  outlay_category_rule_set_category_uuid (rule, outlay_category_get_uuid (category));
  return rule;
}

static void
add_category_rules (Fixture *fixture)
{
  g_autoptr (OutlayCategoryRule) bus = category_rule_draft (fixture, "bus", OUTLAY_TEST_TRAVEL);
  g_autoptr (OutlayCategoryRule) dinner = category_rule_draft (fixture, "DINNER", OUTLAY_TEST_OTHER);
  g_autoptr (OutlayCategoryRule) stored = NULL;
  g_autoptr (GError) error = NULL;

  outlay_category_rule_set_rename_to (bus, "Bus");
  stored = outlay_repository_add_category_rule (fixture->repository, bus, &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = outlay_repository_add_category_rule (fixture->repository, dinner, &error);
  g_assert_no_error (error);
}

/* The uuid of the first rule, deleted or not. */
static gpointer
find_category_rule (Fixture *fixture,
                    gpointer user_data)
{
  return g_strstrip (outlay_test_dump (outlay_test_handle (fixture),
                                       "SELECT uuid FROM category_rules ORDER BY id LIMIT 1"));
}

static gboolean
add_category_rule (Fixture *fixture,
                   gpointer state,
                   GError **error)
{
  g_autoptr (OutlayCategoryRule) draft = category_rule_draft (fixture, "café", OUTLAY_TEST_FOOD);
  g_autoptr (OutlayCategoryRule) stored = NULL;

  outlay_category_rule_set_amount_max (draft, "12.50");
  stored = outlay_repository_add_category_rule (fixture->repository, draft, error);
  return stored != NULL;
}

static gboolean
update_category_rule (Fixture *fixture,
                      gpointer state,
                      GError **error)
{
  g_autoptr (OutlayCategoryRule) rule = outlay_repository_get_category_rule (fixture->repository, state, error);
  g_autoptr (OutlayCategoryRule) stored = NULL;

  if (rule == NULL)
    return FALSE;
  outlay_category_rule_set_match (rule, OUTLAY_RULE_MATCH_STARTS);
  outlay_category_rule_set_currency (rule, "EUR");
  stored = outlay_repository_update_category_rule (fixture->repository, rule, error);
  return stored != NULL;
}

static gboolean
delete_category_rule (Fixture *fixture,
                      gpointer state,
                      GError **error)
{
  g_autoptr (OutlayCategoryRule) before = outlay_repository_delete_category_rule (fixture->repository, state, error);

  return before != NULL;
}

static gboolean
restore_category_rule (Fixture *fixture,
                       gpointer state,
                       GError **error)
{
  g_autoptr (OutlayCategoryRule) restored = outlay_repository_restore_category_rule (fixture->repository, state,
                                                                                     error);

  return restored != NULL;
}

static gboolean
move_category_rule (Fixture *fixture,
                    gpointer state,
                    GError **error)
{
  return outlay_repository_move_category_rule (fixture->repository, state, 1, error);
}

static gpointer
plan_category_rules (Fixture *fixture,
                     gpointer user_data)
{
  g_autoptr (OutlayRuleSet) set = NULL;
  g_autoptr (GError) error = NULL;
  OutlayRulesPlan *plan;

  set = outlay_repository_dup_rule_set (fixture->repository, &error);
  g_assert_no_error (error);
  plan = outlay_repository_plan_rules (fixture->repository, set, FALSE, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->changes->len, ==, 2);
  return plan;
}

static gboolean
apply_category_rules (Fixture *fixture,
                      gpointer state,
                      GError **error)
{
  g_autoptr (OutlayRulesPlan) applied = NULL;

  if (!outlay_repository_apply_rules_plan (fixture->repository, state, &applied, error))
    return FALSE;
  g_assert_cmpuint (applied->changes->len, ==, 2);
  return TRUE;
}

/* What the test applied before the faults, on the ledger each trial
 * starts from: the plan refers to the expenses by id. */
static gpointer
ref_applied (Fixture *fixture,
             gpointer user_data)
{
  return outlay_rules_plan_ref (user_data);
}

static gboolean
undo_category_rules (Fixture *fixture,
                     gpointer state,
                     GError **error)
{
  guint n_restored = 0;

  if (!outlay_repository_undo_rules_apply (fixture->repository, state, &n_restored, error))
    return FALSE;
  g_assert_cmpuint (n_restored, ==, 2);
  return TRUE;
}

/* The operation @run on the sample with its two rules (the first deleted
 * when @deleted); @find gives what @run needs. */
#define CATEGORY_RULE_OPERATION(name, run, deleted, find, free_state)                            \
  static void                                                                                    \
    test_##run (Fixture      *fixture,                                                           \
                gconstpointer user_data)                                                         \
  {                                                                                              \
    static const OutlayFaultOperation operation = { name, find, run, free_state };               \
                                                                                                 \
    outlay_test_add_sample_expenses (fixture);                                                   \
    add_category_rules (fixture);                                                                \
    if (deleted)                                                                                 \
      {                                                                                          \
        g_autofree char *uuid = find_category_rule (fixture, NULL);                              \
        g_autoptr (GError) error = NULL;                                                         \
                                                                                                 \
        g_assert_true (delete_category_rule (fixture, uuid, &error));                            \
        g_assert_no_error (error);                                                               \
      }                                                                                          \
    g_assert_cmpuint (outlay_test_faults_check (fixture, &operation, NULL, MAX_PER_KIND), >, 0); \
  }

/* clang-format off */
CATEGORY_RULE_OPERATION ("add a category rule", add_category_rule, FALSE, NULL, NULL)
CATEGORY_RULE_OPERATION ("update a category rule", update_category_rule, FALSE, find_category_rule, g_free)
CATEGORY_RULE_OPERATION ("delete a category rule", delete_category_rule, FALSE, find_category_rule, g_free)
CATEGORY_RULE_OPERATION ("restore a category rule", restore_category_rule, TRUE, find_category_rule, g_free)
CATEGORY_RULE_OPERATION ("move a category rule", move_category_rule, FALSE, find_category_rule, g_free)
CATEGORY_RULE_OPERATION ("apply category rules", apply_category_rules, FALSE, plan_category_rules,
                         (GDestroyNotify) outlay_rules_plan_unref)
/* clang-format on */

static void
test_undo_category_rules (Fixture      *fixture,
                          gconstpointer user_data)
{
  static const OutlayFaultOperation operation = { "undo applying category rules", ref_applied, undo_category_rules,
                                                  (GDestroyNotify) outlay_rules_plan_unref };
  g_autoptr (OutlayRulesPlan) plan = NULL;
  g_autoptr (OutlayRulesPlan) applied = NULL;
  g_autoptr (GError) error = NULL;

  outlay_test_add_sample_expenses (fixture);
  add_category_rules (fixture);
  plan = plan_category_rules (fixture, NULL);
  g_assert_true (outlay_repository_apply_rules_plan (fixture->repository, plan, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_test_faults_check (fixture, &operation, applied, MAX_PER_KIND), >, 0);
}

/* Exchange rates: the person's, a file's, and an expense whose card
 * charge is known. */

static void
add_rates (Fixture *fixture)
{
  g_autoptr (OutlayExchangeRate) stored = NULL;
  g_autoptr (GError) error = NULL;

  stored = outlay_repository_set_rate (fixture->repository, "USD", "EUR", "2024-05-14", "0.9205", &error);
  g_assert_no_error (error);
}

/* The uuid of the first rate, deleted or not. */
static gpointer
find_rate (Fixture *fixture,
           gpointer user_data)
{
  return g_strstrip (outlay_test_dump (outlay_test_handle (fixture),
                                       "SELECT uuid FROM exchange_rates ORDER BY id LIMIT 1"));
}

static gboolean
set_rate (Fixture *fixture,
          gpointer state,
          GError **error)
{
  g_autoptr (OutlayExchangeRate) stored =
    outlay_repository_set_rate (fixture->repository, "USD", "EUR", "2024-05-14", "0.9311", error);

  return stored != NULL;
}

static gboolean
delete_rate (Fixture *fixture,
             gpointer state,
             GError **error)
{
  g_autoptr (OutlayExchangeRate) before = outlay_repository_delete_rate (fixture->repository, state, error);

  return before != NULL;
}

static gboolean
restore_rate (Fixture *fixture,
              gpointer state,
              GError **error)
{
  g_autoptr (OutlayExchangeRate) restored = outlay_repository_restore_rate (fixture->repository, state, error);

  return restored != NULL;
}

static gboolean
import_rates (Fixture *fixture,
              gpointer state,
              GError **error)
{
  const OutlayRateEntry entries[] = {
    { "EUR", "USD", "2024-05-14", "1.0813" },
    { "EUR", "JPY", "2024-05-14", "168.45" },
    { "EUR", "USD", "2024-05-15", "1.0826" },
  };

  return outlay_repository_import_rates (fixture->repository, entries, G_N_ELEMENTS (entries), "ECB", NULL, NULL,
                                         NULL, NULL, error);
}

static gboolean
add_charged_expense (Fixture *fixture,
                     gpointer state,
                     GError **error)
{
  g_autoptr (OutlayExpense) draft =
    outlay_test_draft (8650, "USD", "2024-05-14", "Dinner", outlay_test_category (fixture, OUTLAY_TEST_FOOD));
  g_autoptr (OutlayExpense) stored = NULL;

  outlay_expense_set_charged (draft, 8011, "EUR");
  stored = outlay_repository_add_expense (fixture->repository, draft, error);
  return stored != NULL;
}

#define RATE_OPERATION(name, run, deleted, find)                                                 \
  static void                                                                                    \
    test_##run (Fixture      *fixture,                                                           \
                gconstpointer user_data)                                                         \
  {                                                                                              \
    static const OutlayFaultOperation operation = { name, find, run, g_free };                   \
                                                                                                 \
    outlay_test_add_sample_expenses (fixture);                                                   \
    add_rates (fixture);                                                                         \
    if (deleted)                                                                                 \
      {                                                                                          \
        g_autofree char *uuid = find_rate (fixture, NULL);                                       \
        g_autoptr (GError) error = NULL;                                                         \
                                                                                                 \
        g_assert_true (delete_rate (fixture, uuid, &error));                                     \
        g_assert_no_error (error);                                                               \
      }                                                                                          \
    g_assert_cmpuint (outlay_test_faults_check (fixture, &operation, NULL, MAX_PER_KIND), >, 0); \
  }

/* clang-format off */
RATE_OPERATION ("set a rate", set_rate, FALSE, NULL)
RATE_OPERATION ("delete a rate", delete_rate, FALSE, find_rate)
RATE_OPERATION ("restore a rate", restore_rate, TRUE, find_rate)
RATE_OPERATION ("import rates", import_rates, FALSE, NULL)
RATE_OPERATION ("add an expense with its charge", add_charged_expense, FALSE, NULL)
/* clang-format on */

#define OPERATION(name, run) \
  static void \
  test_##run (Fixture      *fixture, \
              gconstpointer user_data) \
  { \
    static const OutlayFaultOperation operation = { name, find_sample, run, g_free }; \
    check (fixture, &operation); \
  }

OPERATION ("add expense", add_expense)
OPERATION ("add expenses", add_expenses)
OPERATION ("update expense", update_expense)
OPERATION ("delete expense", delete_expense)
OPERATION ("restore expense", restore_expense)
OPERATION ("add category", add_category)
OPERATION ("rename category", rename_category)
OPERATION ("recolor category", recolor_category)
OPERATION ("move category", move_category)
OPERATION ("delete category", delete_category)
OPERATION ("add subcategory", add_subcategory)
OPERATION ("change category", change_category)
OPERATION ("hide category", hide_category)
OPERATION ("merge category", merge_category)
OPERATION ("set the ledger's currency", set_currency)
OPERATION ("record the ledger's currency", record_currency)
OPERATION ("create backup", create_backup)
OPERATION ("add budget", add_budget)
OPERATION ("add a recurring expense", add_rule)
OPERATION ("add a repeating expense", add_repeating)

/* The backup holds the sample; the ledger has one expense more. */
static void
test_restore_backup (Fixture      *fixture,
                     gconstpointer user_data)
{
  static const OutlayFaultOperation operation = { "restore backup", find_backup, restore_backup, g_free };
  g_autoptr (OutlayBackups) backups = outlay_backups_new (fixture->database);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (OutlayExpense) added = NULL;

  outlay_test_add_sample_expenses (fixture);
  path = outlay_backups_create (backups, OUTLAY_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  added = outlay_test_add (fixture, 700, "EUR", "2024-06-01", "Cinema",
                           outlay_test_category (fixture, OUTLAY_TEST_ENTERTAINMENT));
  g_clear_object (&backups);

  g_assert_cmpuint (outlay_test_faults_check (fixture, &operation, NULL, MAX_PER_KIND), >, 0);
}

/* A reader that finds no WAL index (-shm) must make one, and a full disk
 * cannot grow it: SQLite calls that a plain I/O error, and only errno says
 * that the disk is full. */
static void
test_open_without_space (Fixture      *fixture,
                         gconstpointer user_data)
{
  const int errors[] = { ENOSPC, EDQUOT, EIO };

  outlay_fault_vfs_install ();
  outlay_test_add_sample_expenses (fixture);
  outlay_test_fixture_close (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autoptr (OutlayDatabase) database = NULL;
      g_autoptr (GError) error = NULL;

      outlay_fault_vfs_arm (OUTLAY_FAULT_SHM_GROW, 1, 0);
      outlay_fault_vfs_set_errno (errors[i]);
      database = outlay_database_open (fixture->path, &error);
      g_assert_true (outlay_fault_vfs_injected ());
      g_assert_null (database);
      if (errors[i] == EIO)
        {
          g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_FAILED);
          g_assert_nonnull (strstr (error->message, "I/O error"));
        }
      else
        {
          g_assert_error (error, OUTLAY_DATABASE_ERROR, OUTLAY_DATABASE_ERROR_FULL);
          g_assert_nonnull (strstr (error->message, "the disk is full"));
        }
    }

  outlay_fault_vfs_reset ();
  outlay_test_fixture_open (fixture);
  g_assert_cmpuint (outlay_test_count (fixture), >, 0);
}

/* A ledger of data format 1, the fixture's rows and two hundred more,
 * upgraded as it opens: the upgrade is one transaction, so a failing disk
 * leaves the old format, never one in between. */
static void
test_migration (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autofree char *schema = outlay_test_fixture_text ("schema-1.sql");
  sqlite3         *db = NULL;

  outlay_test_fixture_close (fixture);
  outlay_test_remove_tree (fixture->dir);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  outlay_test_exec (db, schema);
  outlay_test_exec (db,
                    "WITH RECURSIVE n (i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 299) "
                    "INSERT INTO expenses (id, uuid, amount, currency, description, note, category_id, "
                    "  occurred_on, created_at, updated_at, deleted_at) "
                    "SELECT i, printf ('c0ffee00-0000-4000-8000-%012d', i), i * 37 % 5000 + 1, 'EUR', "
                    "  'Generated ' || i, CASE WHEN i % 7 = 0 THEN 'note' ELSE '' END, i % 10 + 1, "
                    "  printf ('2023-%02d-%02d', i % 12 + 1, i % 28 + 1), '2024-01-02T09:00:00.000Z', "
                    "  '2024-01-02T09:00:00.000Z', CASE WHEN i % 50 = 0 THEN '2024-03-01T08:00:00.000Z' END "
                    "FROM n");
  /* A cache of a few pages, which the file remembers: the steps read and
   * spill their changes through the disk, as on a big ledger, rather than
   * within the pages that the backup before them read. */
  outlay_test_exec (db, "PRAGMA default_cache_size = 10");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  /* A few hundred calls in all: every one of them fails in turn. */
  g_assert_cmpuint (outlay_test_faults_check_open (fixture, G_MAXUINT), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OUTLAY_TEST_ADD ("/faults/expense/add", test_add_expense);
  OUTLAY_TEST_ADD ("/faults/expense/add-many", test_add_expenses);
  OUTLAY_TEST_ADD ("/faults/expense/update", test_update_expense);
  OUTLAY_TEST_ADD ("/faults/expense/delete", test_delete_expense);
  OUTLAY_TEST_ADD ("/faults/expense/restore", test_restore_expense);
  OUTLAY_TEST_ADD ("/faults/category/add", test_add_category);
  OUTLAY_TEST_ADD ("/faults/category/rename", test_rename_category);
  OUTLAY_TEST_ADD ("/faults/category/recolor", test_recolor_category);
  OUTLAY_TEST_ADD ("/faults/category/move", test_move_category);
  OUTLAY_TEST_ADD ("/faults/category/delete", test_delete_category);
  OUTLAY_TEST_ADD ("/faults/category/add-subcategory", test_add_subcategory);
  OUTLAY_TEST_ADD ("/faults/category/change", test_change_category);
  OUTLAY_TEST_ADD ("/faults/category/hide", test_hide_category);
  OUTLAY_TEST_ADD ("/faults/category/merge", test_merge_category);
  OUTLAY_TEST_ADD ("/faults/category/undo-delete", test_undo_category_removal);
  OUTLAY_TEST_ADD ("/faults/ledger/currency", test_set_currency);
  OUTLAY_TEST_ADD ("/faults/budget/add", test_add_budget);
  OUTLAY_TEST_ADD ("/faults/budget/update", test_update_budget);
  OUTLAY_TEST_ADD ("/faults/budget/delete", test_delete_budget);
  OUTLAY_TEST_ADD ("/faults/budget/restore", test_restore_budget);
  OUTLAY_TEST_ADD ("/faults/budget/move", test_move_budget);
  OUTLAY_TEST_ADD ("/faults/budget/override", test_override_budget);
  OUTLAY_TEST_ADD ("/faults/budget/alerts", test_take_budget_alerts);
  OUTLAY_TEST_ADD ("/faults/ledger/currency-recorded", test_record_currency);
  OUTLAY_TEST_ADD ("/faults/recurring/add", test_add_rule);
  OUTLAY_TEST_ADD ("/faults/recurring/add-repeating", test_add_repeating);
  OUTLAY_TEST_ADD ("/faults/recurring/update", test_update_rule);
  OUTLAY_TEST_ADD ("/faults/recurring/run", test_run_rules);
  OUTLAY_TEST_ADD ("/faults/recurring/delete", test_delete_rule);
  OUTLAY_TEST_ADD ("/faults/recurring/restore", test_restore_rule);
  OUTLAY_TEST_ADD ("/faults/recurring/confirm", test_confirm_occurrence);
  OUTLAY_TEST_ADD ("/faults/recurring/skip", test_skip_occurrence);
  OUTLAY_TEST_ADD ("/faults/recurring/confirm-due", test_confirm_due);
  OUTLAY_TEST_ADD ("/faults/recurring/restore-occurrence", test_restore_occurrence);
  OUTLAY_TEST_ADD ("/faults/recurring/take-back-confirmation", test_take_back_confirmation);
  OUTLAY_TEST_ADD ("/faults/recurring/split", test_split_rule);
  OUTLAY_TEST_ADD ("/faults/recurring/override", test_override_occurrence);
  OUTLAY_TEST_ADD ("/faults/category-rule/add", test_add_category_rule);
  OUTLAY_TEST_ADD ("/faults/category-rule/update", test_update_category_rule);
  OUTLAY_TEST_ADD ("/faults/category-rule/delete", test_delete_category_rule);
  OUTLAY_TEST_ADD ("/faults/category-rule/restore", test_restore_category_rule);
  OUTLAY_TEST_ADD ("/faults/category-rule/move", test_move_category_rule);
  OUTLAY_TEST_ADD ("/faults/category-rule/apply", test_apply_category_rules);
  OUTLAY_TEST_ADD ("/faults/category-rule/undo", test_undo_category_rules);
  OUTLAY_TEST_ADD ("/faults/rate/set", test_set_rate);
  OUTLAY_TEST_ADD ("/faults/rate/delete", test_delete_rate);
  OUTLAY_TEST_ADD ("/faults/rate/restore", test_restore_rate);
  OUTLAY_TEST_ADD ("/faults/rate/import", test_import_rates);
  OUTLAY_TEST_ADD ("/faults/rate/add-charged-expense", test_add_charged_expense);
  OUTLAY_TEST_ADD ("/faults/backup/create", test_create_backup);
  OUTLAY_TEST_ADD ("/faults/backup/restore", test_restore_backup);
  OUTLAY_TEST_ADD ("/faults/open/without-space", test_open_without_space);
  OUTLAY_TEST_ADD ("/faults/migration", test_migration);

  return g_test_run ();
}
